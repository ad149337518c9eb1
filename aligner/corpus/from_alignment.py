"""A record pair's alignment -> its rows of the canonical table (schema.py).

`pair_id` is `<symbol>#<turn>.<k>`: `turn` is the pair's zh turn index (its en turn index when
it has no zh side) and `k` counts the pairs that share that turn value, in alignment order, so
the id is unique in the record and the same whenever the same inputs are aligned the same way.
"""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from aligner.corpus.pair_hash import pair_hash
from aligner.corpus.schema import SCHEMA
from aligner.models import AlignedPair, RecordAlignment, Turn, join_sentences


def alignment_table(result: RecordAlignment, symbol: str, task_key: str) -> pa.Table:
    """The canonical rows of one aligned record pair, in alignment order."""
    zh_turns = {t.index: t for t in result.zh.turns}
    en_turns = {t.index: t for t in result.en.turns}
    seen: Counter[int] = Counter()
    columns: dict[str, list] = {name: [] for name in SCHEMA.names}
    for pair in result.pairs:
        zt = zh_turns.get(pair.zh_turn) if pair.zh_turn is not None else None
        et = en_turns.get(pair.en_turn) if pair.en_turn is not None else None
        turn = _turn_value(pair)
        k = seen[turn]
        seen[turn] += 1
        zh = join_sentences(pair.zh)
        en = join_sentences(pair.en)
        spoken = spoken_language(zt, et)
        row = {
            "pair_id": f"{symbol}#{turn}.{k}",
            "symbol": symbol,
            "turn": turn,
            "speaker": _first(et and et.speaker, zt and zt.speaker),
            "spoken_language": spoken,
            "original": spoken if spoken in ("zh", "en") else None,
            "zh": zh,
            "en": en,
            "confidence": float(pair.confidence),
            "link_type": f"{len(pair.zh)}-{len(pair.en)}",
            "pair_hash": pair_hash(zh, en),
            "task_key": task_key,
            "zh_turn": pair.zh_turn,
            "en_turn": pair.en_turn,
            "country_code": _first(et and et.country_code, zt and zt.country_code),
            "role": _first(et and et.role, zt and zt.role),
            "signature": result.signature,
        }
        for name, value in row.items():
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def _turn_value(pair: AlignedPair) -> int:
    if pair.zh_turn is not None:
        return pair.zh_turn
    return pair.en_turn if pair.en_turn is not None else 0


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def spoken_language(zh_turn: Turn | None, en_turn: Turn | None) -> str | None:
    """The language the speaker used, from the speaker notes of both versions.

    A Chinese record notes every language but Chinese (`（以英语发言）`) and an English record
    every language but English (`(spoke in Chinese)`), so a version whose turn carries a note
    is believed; two versions that each claim their own language by default tell nothing.
    Secretariat lines (procedure turns) have no speaker and no original.
    """
    turns = [t for t in (zh_turn, en_turn) if t is not None]
    if not turns or any(t.role == "procedure" for t in turns):
        return None
    noted = [
        t.spoken_language
        for t, own in ((zh_turn, "zh"), (en_turn, "en"))
        if t and t.spoken_language != own
    ]
    if noted:
        return noted[0]
    if len(turns) == 1:
        return turns[0].spoken_language
    return None
