"""Carry reviewers' work over to a new version of a record.

A re-import re-parses and re-aligns the files; sentence ids are positions (turn, paragraph,
sentence), so an inserted paragraph shifts every id after it, and an aligner may draw other
boundaries. What a reviewer decided is kept by text instead:

1. the stored and the new sentences of each language are matched by their text (whitespace
   collapsed), in order (difflib's longest matching blocks: a sentence repeated in the record,
   such as a "Thank you", matches the occurrence at the same place);
2. each reviewed pair whose sentences all still exist, still consecutive, becomes a fixed link
   of the new version, with its id, status, flags, note and reviewer;
3. the aligner's new pairs give up the sentences those links take; a pair left broken in two
   falls apart into one pair per sentence, flagged for review;
4. the pairs are laid out in reading order on both sides; an aligner pair that would cross a
   reviewer's link falls apart the same way.

Reviewed pairs whose sentences changed are returned as `dropped`, never silently lost: the
store keeps them, with their corrections, in the archived version. Pure code over plain data,
shared by every backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from aligner.models import Record, RecordAlignment, Sentence
from aligner.store.rows import PairRow

NEEDS_REVIEW = "needs-review"


@dataclass
class StoredPair:
    """A pair of the stored version, with its review state."""

    id: int
    zh_ids: list[str]
    en_ids: list[str]
    zh_turn: int | None
    en_turn: int | None
    confidence: float
    status: str = "auto"
    flags: list[str] = field(default_factory=list)
    note: str | None = None
    origin: str = "aligner"
    reviewed_by: str | None = None
    reviewed_at: str | None = None

    @property
    def reviewed(self) -> bool:
        return is_reviewed(self)

    @classmethod
    def from_row(cls, p: PairRow) -> StoredPair:
        return cls(
            p.id,
            list(p.zh_ids),
            list(p.en_ids),
            p.zh_turn,
            p.en_turn,
            p.confidence,
            p.status,
            list(p.flags),
            p.note,
            p.origin,
            p.reviewed_by,
            p.reviewed_at,
        )


def is_reviewed(pair: StoredPair | PairRow) -> bool:
    """A reviewer approved, rejected, re-linked, flagged or annotated the pair."""
    return (
        pair.origin == "reviewer"
        or pair.status != "auto"
        or pair.reviewed_by is not None
        or bool(pair.flags)
        or bool(pair.note)
    )


@dataclass
class LaidPair:
    """A pair of the new version."""

    zh_ids: list[str]
    en_ids: list[str]
    zh_turn: int | None
    en_turn: int | None
    confidence: float
    review: StoredPair | None = None
    """The stored reviewed pair this one carries over (its id and review state go with it)."""
    flags: list[str] = field(default_factory=list)
    """For aligner pairs: NEEDS_REVIEW when a carried link took some of their sentences."""

    @property
    def type(self) -> str:
        return f"{len(self.zh_ids)}-{len(self.en_ids)}"


@dataclass
class CarryOver:
    pairs: list[LaidPair]
    """The new version's pairs in reading order."""
    carried: list[StoredPair]
    dropped: list[tuple[StoredPair, str]]
    """Reviewed pairs left behind, with the reason."""


def text_key(text: str) -> str:
    return " ".join(text.split())


def match_sentences(stored: list[tuple[str, str]], new: list[Sentence]) -> dict[str, str]:
    """Stored sentence id → new sentence id, for sentences whose text is unchanged, in order.
    `stored` is [(id, text)] in reading order."""
    a = [text_key(text) for _, text in stored]
    b = [text_key(s.text) for s in new]
    out: dict[str, str] = {}
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            out[stored[block.a + k][0]] = new[block.b + k].id
    return out


def carry_over(
    stored_pairs: list[StoredPair],
    stored_sentences: dict[str, list[tuple[str, str]]],
    alignment: RecordAlignment,
) -> CarryOver:
    """The new version's pairs: `alignment` with the reviewed `stored_pairs` imposed where
    their sentences still exist. `stored_sentences` is {"zh"|"en": [(id, text)] in order}."""
    sentences = {"zh": list(alignment.zh.sentences()), "en": list(alignment.en.sentences())}
    turn_of = {lang: {s.id: s.turn for s in ss} for lang, ss in sentences.items()}
    base = [
        LaidPair(list(p.zh_ids), list(p.en_ids), p.zh_turn, p.en_turn, float(p.confidence))
        for p in alignment.pairs
    ]
    reviewed = [p for p in stored_pairs if p.reviewed]
    if not reviewed:
        return CarryOver(base, [], [])

    # Each new sentence's aligner pair: where a carried link finds the turn of a side it lacks.
    base_owner = {("zh", i): p for p in base for i in p.zh_ids}
    base_owner.update({("en", i): p for p in base for i in p.en_ids})
    anchors: list[LaidPair] = []
    dropped: list[tuple[StoredPair, str]] = []
    for p, found in _find_reviews(reviewed, stored_sentences, sentences):
        if isinstance(found, str):
            dropped.append((p, found))
            continue
        zh_ids, en_ids = found
        anchors.append(
            LaidPair(
                zh_ids,
                en_ids,
                _turn(zh_ids, en_ids, "zh", turn_of, base_owner),
                _turn(en_ids, zh_ids, "en", turn_of, base_owner),
                p.confidence,
                review=p,
            )
        )

    taken = {("zh", i) for a in anchors for i in a.zh_ids} | {
        ("en", i) for a in anchors for i in a.en_ids
    }
    seq = {lang: {s.id: k for k, s in enumerate(ss)} for lang, ss in sentences.items()}
    pairs = list(anchors)
    for b in base:
        zh = [i for i in b.zh_ids if ("zh", i) not in taken]
        en = [i for i in b.en_ids if ("en", i) not in taken]
        if not zh and not en:
            continue
        trimmed = (len(zh), len(en)) != (len(b.zh_ids), len(b.en_ids))
        part = LaidPair(zh, en, b.zh_turn, b.en_turn, b.confidence)
        if not trimmed:
            pairs.append(part)
        elif _consecutive(zh, seq["zh"]) and _consecutive(en, seq["en"]):
            part.flags = [NEEDS_REVIEW]
            pairs.append(part)
        else:
            pairs += _singletons(part)
    ordered, crossed = _reading_order(pairs, sentences)
    dropped += [(a.review, "its links would cross the new alignment") for a in crossed if a.review]
    carried = [p.review for p in ordered if p.review is not None]
    return CarryOver(ordered, carried, dropped)


def lost_reviews(
    stored_pairs: list[StoredPair],
    stored_sentences: dict[str, list[tuple[str, str]]],
    zh: Record,
    en: Record,
) -> list[tuple[StoredPair, str]]:
    """The reviewed pairs a new version of the record cannot carry over because their
    sentences changed: known from the parsed files alone, before any alignment (`carry_over`
    may add the rare link that would cross the new alignment)."""
    sentences = {"zh": list(zh.sentences()), "en": list(en.sentences())}
    reviewed = [p for p in stored_pairs if p.reviewed]
    return [
        (p, found)
        for p, found in _find_reviews(reviewed, stored_sentences, sentences)
        if isinstance(found, str)
    ]


def _find_reviews(
    reviewed: list[StoredPair],
    stored_sentences: dict[str, list[tuple[str, str]]],
    sentences: dict[str, list[Sentence]],
) -> list[tuple[StoredPair, tuple[list[str], list[str]] | str]]:
    """Each reviewed pair with its sentences in the new record (zh ids, en ids), or why it
    has none there."""
    seq = {lang: {s.id: k for k, s in enumerate(ss)} for lang, ss in sentences.items()}
    mapping = {
        lang: match_sentences(stored_sentences.get(lang, []), sentences[lang])
        for lang in ("zh", "en")
    }
    out: list[tuple[StoredPair, tuple[list[str], list[str]] | str]] = []
    for p in reviewed:
        zh = [mapping["zh"].get(i) for i in p.zh_ids]
        en = [mapping["en"].get(i) for i in p.en_ids]
        if None in zh or None in en:
            out.append((p, "its sentences changed"))
            continue
        zh_ids, en_ids = [i for i in zh if i], [i for i in en if i]
        if not (_consecutive(zh_ids, seq["zh"]) and _consecutive(en_ids, seq["en"])):
            out.append((p, "its sentences are no longer next to each other"))
        else:
            out.append((p, (zh_ids, en_ids)))
    return out


def _consecutive(ids: list[str], seq: dict[str, int]) -> bool:
    positions = [seq[i] for i in ids]
    return positions == list(range(positions[0], positions[0] + len(positions))) if ids else True


def _turn(
    own: list[str],
    other: list[str],
    lang: str,
    turn_of: dict[str, dict[str, int]],
    base_owner: dict[tuple[str, str], LaidPair],
) -> int | None:
    """The `lang` turn of a carried link: its own first sentence's, or for a link with no
    `lang` side, that of the aligner pair its other side came from."""
    if own:
        return turn_of[lang][own[0]]
    other_lang = "en" if lang == "zh" else "zh"
    owner = base_owner.get((other_lang, other[0])) if other else None
    return None if owner is None else getattr(owner, f"{lang}_turn")


def _singletons(pair: LaidPair) -> list[LaidPair]:
    """One unlinked pair per sentence (in reading order per side), flagged for review."""
    out = [
        LaidPair([i], [], pair.zh_turn, pair.en_turn, 0.0, flags=[NEEDS_REVIEW])
        for i in pair.zh_ids
    ]
    out += [
        LaidPair([], [i], pair.zh_turn, pair.en_turn, 0.0, flags=[NEEDS_REVIEW])
        for i in pair.en_ids
    ]
    return out


def _reading_order(
    pairs: list[LaidPair], sentences: dict[str, list[Sentence]]
) -> tuple[list[LaidPair], list[LaidPair]]:
    """`pairs` in an order that reads both languages front to back, and the carried links
    that had to fall apart because no such order keeps them (none, when the stored version
    read in order; the aligner's pairs give way first)."""
    owner: dict[str, dict[str, LaidPair]] = {"zh": {}, "en": {}}
    for p in pairs:
        for i in p.zh_ids:
            owner["zh"][i] = p
        for i in p.en_ids:
            owner["en"][i] = p
    zh = [s.id for s in sentences["zh"]]
    en = [s.id for s in sentences["en"]]
    out: list[LaidPair] = []
    broken: list[LaidPair] = []
    i = j = 0
    while i < len(zh) or j < len(en):
        a = owner["zh"][zh[i]] if i < len(zh) else None
        b = owner["en"][en[j]] if j < len(en) else None
        if a is not None and a is b and a.zh_ids[0] == zh[i] and a.en_ids[0] == en[j]:
            out.append(a)
            i += len(a.zh_ids)
            j += len(a.en_ids)
        elif a is not None and not a.en_ids and a.zh_ids[0] == zh[i]:
            out.append(a)
            i += len(a.zh_ids)
        elif b is not None and not b.zh_ids and b.en_ids[0] == en[j]:
            out.append(b)
            j += len(b.en_ids)
        else:
            # The pair that starts here on one side starts later on the other: links cross.
            candidates = [p for p in (a, b) if p is not None]
            victim = next((p for p in candidates if p.review is None), candidates[-1])
            if victim.review is not None:
                broken.append(victim)
            for part in _singletons(victim):
                for k in part.zh_ids:
                    owner["zh"][k] = part
                for k in part.en_ids:
                    owner["en"][k] = part
    return out, broken
