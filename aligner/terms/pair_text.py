"""The aligned pairs of a record as the term extractors read them.

Every extractor looks at the same thing: the Chinese and English text of one aligned pair in
matching form (Simplified, half-width ASCII, one kind of quote and hyphen), plus where the pair
came from so that a context can point back to it. Pairs with an empty side (insertions and
deletions) carry no translation evidence and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from aligner.ingest.normalize import normalize
from aligner.models import RecordAlignment, join_sentences
from aligner.terms.entry import TermContext


@dataclass(frozen=True)
class PairText:
    index: int
    zh: str
    """Matching form of the Chinese side."""
    en: str
    """Matching form of the English side."""
    zh_raw: str
    en_raw: str
    zh_ids: tuple[str, ...]
    en_ids: tuple[str, ...]
    zh_turn: int | None
    en_turn: int | None
    confidence: float
    symbol: str = ""
    """The record the pair belongs to (store-wide extraction reads pairs of many records)."""
    pair_id: int | None = None
    """The stored pair's id, when the pair was read from a store."""

    @classmethod
    def of(
        cls,
        symbol: str,
        index: int,
        zh: str,
        en: str,
        *,
        pair_id: int | None = None,
        confidence: float = 1.0,
        zh_ids: tuple[str, ...] = (),
        en_ids: tuple[str, ...] = (),
    ) -> PairText:
        """A pair from its two texts, as a store holds them (`index` unique in one call)."""
        return cls(
            index=index,
            zh=normalize(zh),
            en=normalize(en),
            zh_raw=zh,
            en_raw=en,
            zh_ids=tuple(zh_ids),
            en_ids=tuple(en_ids),
            zh_turn=None,
            en_turn=None,
            confidence=confidence,
            symbol=symbol,
            pair_id=pair_id,
        )

    def context(self, symbol: str = "") -> TermContext:
        return TermContext(
            symbol=self.symbol or symbol,
            zh=self.zh_raw,
            en=self.en_raw,
            zh_ids=list(self.zh_ids),
            en_ids=list(self.en_ids),
            pair_index=None if self.pair_id is not None else self.index,
            pair_id=self.pair_id,
        )


def record_symbol(alignment: RecordAlignment) -> str:
    return alignment.zh.meta.symbol or alignment.en.meta.symbol or "unknown"


def pair_texts(alignment: RecordAlignment, symbol: str = "") -> list[PairText]:
    out: list[PairText] = []
    for i, p in enumerate(alignment.pairs):
        if not p.zh or not p.en:
            continue
        zh_raw = join_sentences(list(p.zh))
        en_raw = join_sentences(list(p.en))
        out.append(
            PairText(
                index=i,
                zh=normalize(zh_raw),
                en=normalize(en_raw),
                zh_raw=zh_raw,
                en_raw=en_raw,
                zh_ids=tuple(p.zh_ids),
                en_ids=tuple(p.en_ids),
                zh_turn=p.zh_turn,
                en_turn=p.en_turn,
                confidence=p.confidence,
                symbol=symbol,
            )
        )
    return out


def neighbour_texts(alignment: RecordAlignment) -> dict[int, tuple[str, str]]:
    """Matching form of both sides of every pair by index, one-sided pairs included."""
    return {
        i: (normalize(join_sentences(list(p.zh))), normalize(join_sentences(list(p.en))))
        for i, p in enumerate(alignment.pairs)
    }
