"""Compound names built from two known terms: 安理会 + 主席 = Council President.

Chinese puts the owner first (专家小组协调员); English either does the same (Council
President) or puts it after "of (the)" (Coordinator of the Panel of Experts). When two terms already
found are written next to each other in the Chinese of a pair and in one of those two English
orders in its English, the compound is a term of its own, even if it occurs once. Names of
States and people are left out: 伊拉克国防部 is a description, not a name to look up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText

_COMPOSABLE = frozenset({"organization", "acronym", "phraseology", "instrument"})


def composition_candidates(pairs: list[PairText], known: Iterable[Candidate]) -> list[Candidate]:
    parts = [c for c in known if c.type in _COMPOSABLE]
    forms = [
        (zh, en, c)
        for c in parts
        for zh in {c.zh.strip("《》"), *(v.strip("《》") for v in c.zh_variants)}
        for en in {c.en, *c.en_variants}
        if len(zh) >= 2
    ]
    subjects = [
        (zh, en)
        for c in known
        if c.type in ("country", "place")
        for zh in {c.zh, *c.zh_variants}
        for en in {c.en, *c.en_variants}
        if len(zh) >= 2
    ]
    found: dict[tuple[str, str], Candidate] = {}
    for p in pairs:
        present = [(zh, en, c) for zh, en, c in forms if zh in p.zh]
        # A body named after its subject: 某国问题专家小组 / Panel of Experts on X, X Panel of
        # Experts. 问题 marks the subject; without it (某国国防部) the State owns the body.
        for zh_s, en_s in subjects:
            if f"{zh_s}问题" not in p.zh:
                continue
            for zh_b, en_b, b in present:
                if f"{zh_s}问题{zh_b}" not in p.zh or b.type == "phraseology":
                    continue
                en = _english_subject(p.en, en_s, en_b)
                if en is None:
                    continue
                _compose(found, f"{zh_s}问题{zh_b}", en, b, p.index)
        for zh_a, en_a, a in present:
            for zh_b, en_b, b in present:
                if a is b or f"{zh_a}{zh_b}" not in p.zh:
                    continue
                en = _english_compound(p.en, en_a, en_b)
                if en is None:
                    continue
                _compose(found, f"{zh_a}{zh_b}", en, b, p.index)
    return list(found.values())


def _compose(
    found: dict[tuple[str, str], Candidate], zh: str, en: str, head: Candidate, pair_index: int
) -> None:
    """Record a composed name in the pair; it takes the kind of its head (a body's)."""
    kind = head.type if head.type != "acronym" else "organization"
    c = found.setdefault((zh, en), Candidate(zh, en, kind, "composition", 0.85))
    c.pair_indices.add(pair_index)


def _english_compound(text: str, owner: str, head: str) -> str | None:
    o, h = re.escape(owner), re.escape(head)
    for pattern in (rf"{o} {h}", rf"{h}(?:s|es)? of (?:the )?{o}"):
        m = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text)
        if m:
            return m.group(0)
    return None


def _english_subject(text: str, subject: str, body: str) -> str | None:
    s, b = re.escape(subject.removeprefix("the ")), re.escape(body)
    for pattern in (rf"{s} {b}", rf"{b} on (?:the )?{s}"):
        m = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text)
        if m:
            return m.group(0)
    return None
