"""Member State and observer names, found through the table in aligner/data/member_states.tsv.

In every aligned pair the country names of each side are looked up; a State named on both
sides gives a country entry in the forms the record uses (联合王国 <-> United Kingdom, and
俄罗斯 <-> Russia beside 俄罗斯联邦 <-> Russian Federation when the translator kept the
distinction). Which Chinese form goes with which English form is decided by how often they
co-occur: each form is paired with its most frequent partner, both ways.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from aligner.countries import find_mentions
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText


def member_state_candidates(pairs: list[PairText]) -> list[Candidate]:
    co: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    where: dict[tuple[str, str], set[int]] = defaultdict(set)
    for p in pairs:
        zh: dict[str, set[str]] = defaultdict(set)
        en: dict[str, set[str]] = defaultdict(set)
        for m in find_mentions(p.zh, "zh"):
            zh[m.country.code].add(m.text)
        for m in find_mentions(p.en, "en"):
            en[m.country.code].add(m.text.replace("’", "'"))
        for code in zh.keys() & en.keys():
            for z in zh[code]:
                for e in en[code]:
                    # A pair naming a State in two forms on each side is weak evidence for
                    # any one pairing of forms; one form each is strong.
                    co[code][(z, e)] += 1 if len(zh[code]) == len(en[code]) == 1 else 0
                    where[(z, e)].add(p.index)

    out: list[Candidate] = []
    for counts in co.values():
        # Ranked by (co-occurrences, length): the fuller form wins a tie.
        best_for_zh: dict[str, tuple[int, int, str]] = {}
        best_for_en: dict[str, tuple[int, int, str]] = {}
        for (z, e), n in counts.items():
            best_for_zh[z] = max(best_for_zh.get(z, (-1, 0, "")), (n, len(e), e))
            best_for_en[e] = max(best_for_en.get(e, (-1, 0, "")), (n, len(z), z))
        for z, (n, _, e) in best_for_zh.items():
            if n == 0 or best_for_en[e][2] != z:
                continue
            out.append(
                Candidate(
                    z,
                    e,
                    "country",
                    "member_state",
                    0.98,
                    set(where[(z, e)]),
                    zh_variants=[v for v in best_for_zh if v != z],
                    en_variants=[v for v in best_for_en if v != e],
                )
            )
    return out


def government_candidates(pairs: list[PairText]) -> list[Candidate]:
    """The Government of a State named on both sides: 伊拉克政府 <-> Government of Iraq
    (English writes the State after "Government of", Chinese before 政府)."""
    found: dict[tuple[str, str], Candidate] = {}
    for p in pairs:
        zh = {m.country.code: m.text for m in find_mentions(p.zh, "zh") if _followed(p.zh, m.end)}
        if not zh:
            continue
        for m in find_mentions(p.en, "en"):
            if m.country.code not in zh:
                continue
            before = re.search(r"\bGovernment of (?:the )?$", p.en[: m.start])
            if before is None:
                continue
            en = f"{before.group(0)}{m.text}"
            z = f"{zh[m.country.code]}政府"
            c = found.setdefault((z, en), Candidate(z, en, "organization", "member_state", 0.9))
            c.pair_indices.add(p.index)
    return list(found.values())


def _followed(text: str, end: int) -> bool:
    return text.startswith("政府", end)
