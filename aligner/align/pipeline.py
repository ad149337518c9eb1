"""Two parsed records -> RecordAlignment: turns first, then sentences inside each turn pair.

1. Embed every sentence of both records in large batches (the per-turn calls below then hit
   the embedder's cache, and the progress bar moves smoothly).
2. Turn vectors (mean of their sentences); the cosine matrix of zh turns x en turns goes to the
   turn aligner (turns.py), which also weighs speaker, country, role and spoken-language
   evidence.
3. Align the sentences of each turn pair (paragraph starts as soft anchors); a turn with no
   counterpart gives 1-0 / 0-1 pairs.
A pair's confidence is P(sentence link right | turn link right) x P(turn link right).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aligner.align.embedder import Embedder, get_embedder
from aligner.align.params import AlignParams
from aligner.align.sentences import align_sentences
from aligner.align.signature import alignment_signature
from aligner.align.spans import span_texts
from aligner.align.turns import align_turns
from aligner.models import AlignedPair, Record, RecordAlignment, Sentence, Turn, TurnLink

Progress = Callable[[str, float], None]
_EMBED_CHUNK = 256


def align_records(
    zh: Record,
    en: Record,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    params: AlignParams | None = None,
) -> RecordAlignment:
    """Align a Chinese and an English record of the same meeting."""
    embedder = embedder or get_embedder()
    params = params or AlignParams()
    report: Progress = progress or (lambda stage, fraction: None)

    # Every sentence once, in big batches (with USE this is all the embedding there is: spans
    # are pooled from these; other models embed span texts per turn pair further down).
    texts = list(dict.fromkeys(s.text for r in (zh, en) for s in r.sentences()))
    for k in range(0, len(texts), _EMBED_CHUNK):
        report("embed", k / max(1, len(texts)))
        embedder.encode_spans(texts[k : k + _EMBED_CHUNK], 1)
    report("embed", 1.0)

    report("turns", 0.0)
    similarity = _turn_similarity(zh, en, embedder)
    turn_links = align_turns(zh, en, similarity)
    report("turns", 1.0)

    units = [_unit(zh, en, link) for link in turn_links]
    if embedder.span_mode != "pooled":
        _embed_span_texts(units, embedder, params, report)

    pairs: list[AlignedPair] = []
    for k, unit in enumerate(units):
        report("sentences", k / max(1, len(units)))
        pairs.extend(_align_unit(unit, embedder, params))
    report("sentences", 1.0)
    return RecordAlignment(
        signature=alignment_signature(embedder.signature_name, params),
        zh=zh,
        en=en,
        turns=turn_links,
        pairs=pairs,
    )


def _embed_span_texts(
    units: Sequence[_Unit], embedder: Embedder, params: AlignParams, report: Progress
) -> None:
    """Models without pooled spans: embed every span text the sentence aligner will ask for."""
    zh_len, en_len = params.span_lengths()
    texts = list(
        dict.fromkeys(
            t
            for u in units
            if u.zh and u.en
            for side, max_len in ((u.zh_texts, zh_len), (u.en_texts, en_len))
            for layer in span_texts(side, max_len).values()
            for t in layer
        )
    )
    for k in range(0, len(texts), _EMBED_CHUNK):
        report("spans", k / max(1, len(texts)))
        embedder.encode(texts[k : k + _EMBED_CHUNK])
    report("spans", 1.0)


def _turn_similarity(zh: Record, en: Record, embedder: Embedder) -> np.ndarray | None:
    if not zh.turns or not en.turns:
        return None
    # A turn's text can be long; its sentences' mean embedding is a steadier summary than one
    # embedding of thousands of characters, and those vectors are needed later anyway.
    zv = _turn_vectors(zh.turns, embedder)
    ev = _turn_vectors(en.turns, embedder)
    return zv @ ev.T


def _turn_vectors(turns: Sequence[Turn], embedder: Embedder) -> np.ndarray:
    out = np.zeros((len(turns), embedder.dim), dtype=np.float32)
    texts = [[s.text for s in t.sentences()] or [t.header or " "] for t in turns]
    flat = embedder.encode_spans([s for ts in texts for s in ts], 1)[1]
    pos = 0
    for k, ts in enumerate(texts):
        v = flat[pos : pos + len(ts)].sum(axis=0)
        pos += len(ts)
        out[k] = v / max(float(np.linalg.norm(v)), 1e-12)
    return out


class _Unit:
    """The sentences of one turn link, with paragraph starts, on both sides."""

    def __init__(
        self,
        link: TurnLink,
        zh: list[Sentence],
        en: list[Sentence],
        zh_breaks: list[int],
        en_breaks: list[int],
    ) -> None:
        self.link = link
        self.zh, self.en = zh, en
        self.zh_texts = [s.text for s in zh]
        self.en_texts = [s.text for s in en]
        self.zh_breaks, self.en_breaks = zh_breaks, en_breaks


def _unit(zh: Record, en: Record, link: TurnLink) -> _Unit:
    zs, zb = _sentences(zh, link.zh_turns or ([link.zh_turn] if link.zh_turn is not None else []))
    es, eb = _sentences(en, link.en_turns or ([link.en_turn] if link.en_turn is not None else []))
    return _Unit(link, zs, es, zb, eb)


def _sentences(record: Record, turn_indices: Sequence[int]) -> tuple[list[Sentence], list[int]]:
    by_index = {t.index: t for t in record.turns}
    sentences: list[Sentence] = []
    breaks: list[int] = []
    for ti in turn_indices:
        turn = by_index.get(ti)
        if turn is None:
            continue
        for para in turn.paragraphs:
            if para.sentences:
                breaks.append(len(sentences))
                sentences.extend(para.sentences)
    return sentences, breaks


def _align_unit(unit: _Unit, embedder: Embedder, params: AlignParams) -> list[AlignedPair]:
    link = unit.link
    if not unit.zh or not unit.en:
        return [
            _pair(link, [s] if side == "zh" else [], [s] if side == "en" else [], link.confidence)
            for side, sents in (("zh", unit.zh), ("en", unit.en))
            for s in sents
        ]
    links = align_sentences(
        unit.zh_texts,
        unit.en_texts,
        src_lang="zh",
        tgt_lang="en",
        embedder=embedder,
        src_breaks=unit.zh_breaks,
        tgt_breaks=unit.en_breaks,
        params=params,
    )
    return [
        _pair(
            link,
            [unit.zh[i] for i in sl.src],
            [unit.en[j] for j in sl.tgt],
            sl.confidence * link.confidence,
        )
        for sl in links
    ]


def _pair(link: TurnLink, zs: list[Sentence], es: list[Sentence], confidence: float) -> AlignedPair:
    return AlignedPair(
        zh_turn=zs[0].turn if zs else link.zh_turn,
        en_turn=es[0].turn if es else link.en_turn,
        zh_ids=[s.id for s in zs],
        en_ids=[s.id for s in es],
        zh=[s.text for s in zs],
        en=[s.text for s in es],
        confidence=round(float(confidence), 4),
        type=f"{len(zs)}-{len(es)}",
    )


def alignment_json(result: RecordAlignment) -> dict:
    """The `verbalign align --json` shape (issue 3): signature, turns, pairs."""
    return {
        "signature": result.signature,
        "turns": [
            {
                "zh_turn": t.zh_turn,
                "en_turn": t.en_turn,
                "confidence": t.confidence,
                "zh_turns": t.zh_turns,
                "en_turns": t.en_turns,
            }
            for t in result.turns
        ],
        "pairs": [
            {
                "zh_turn": p.zh_turn,
                "en_turn": p.en_turn,
                "zh": p.zh,
                "en": p.en,
                "confidence": p.confidence,
                "type": p.type,
            }
            for p in result.pairs
        ],
    }
