"""Names from the speaker headers of aligned turns: 伍德先生 <-> Mr. Wood, 加蓬 <-> Gabon.

The parser has already split each header into name, honorific and country, and the turn
aligner has paired the turns, so a linked turn pair is direct evidence that its two names
denote the same person. A pair is kept only when nothing contradicts it (both countries, when
printed, are the same State). Full names (安东尼奥·古特雷斯 <-> António Guterres) are then read from
aligned sentences that mention the surname with a given name in front of it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from aligner.countries import lookup
from aligner.ingest.normalize import normalize
from aligner.models import RecordAlignment, Turn
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText
from aligner.terms.phonetic import TRANSLITERATION_CHARS

_TRANSLITERATION = re.escape("".join(sorted(TRANSLITERATION_CHARS - {"·"})))
_ZH_NAME = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·\-]{0,15}$")
"""A Chinese name: characters, the middle dot between parts, a hyphen inside a double name."""
_EN_NAME = re.compile(r"^[A-Z][\w'’.\- ]{0,60}$")


def _zh_name(turn: Turn) -> str | None:
    if not turn.speaker:
        return None
    name = normalize(turn.speaker).replace(" ", "")
    if (turn.honorific or "") == "爵士" and name.endswith("女"):
        name = name[:-1]  # 女爵士 (Dame) is one honorific, not 女 + 爵士
    return name if _ZH_NAME.match(name) else None


def _en_name(turn: Turn) -> str | None:
    if not turn.speaker:
        return None
    name = " ".join(normalize(turn.speaker).split())
    return name if _EN_NAME.match(name) else None


def speaker_candidates(alignment: RecordAlignment, pairs: list[PairText]) -> list[Candidate]:
    zh_turns = {t.index: t for t in alignment.zh.turns}
    en_turns = {t.index: t for t in alignment.en.turns}
    pairs_by_turns: dict[tuple[int | None, int | None], set[int]] = defaultdict(set)
    for p in pairs:
        pairs_by_turns[(p.zh_turn, p.en_turn)].add(p.index)

    people: dict[tuple[str, str], set[int]] = {}
    states: dict[tuple[str, str], set[int]] = {}
    for link in alignment.turns:
        if link.zh_turn is None or link.en_turn is None:
            continue
        zt, et = zh_turns.get(link.zh_turn), en_turns.get(link.en_turn)
        if zt is None or et is None or not _consistent(zt, et):
            continue
        turn_pairs = sorted(pairs_by_turns.get((zt.index, et.index), set()))
        zn, en = _zh_name(zt), _en_name(et)
        if zn and en:
            people.setdefault((zn, en), set()).update(turn_pairs[:1])
        if zt.country and et.country and zt.country_code and zt.country_code == et.country_code:
            key = (normalize(zt.country), " ".join(et.country.split()))
            states.setdefault(key, set()).update(turn_pairs[:1])
    # The header itself is not in the pairs: add the pairs that mention the name.
    for (zn, en), where in people.items():
        where.update(p.index for p in pairs if zn in p.zh and en in p.en)

    out = [Candidate(z, e, "person", "speaker", 0.9, w) for (z, e), w in people.items()]
    out += [Candidate(z, e, "country", "speaker", 0.95, w) for (z, e), w in states.items()]
    out += _full_names(list(people), pairs)
    return out


def _consistent(zt: Turn, et: Turn) -> bool:
    if zt.role != et.role:
        return False
    zc = zt.country_code or _code(zt.country)
    ec = et.country_code or _code(et.country)
    return not (zc and ec and zc != ec)


def _code(name: str | None) -> str | None:
    c = lookup(name)
    return c.code if c else None


def _full_names(people: list[tuple[str, str]], pairs: list[PairText]) -> list[Candidate]:
    """Given names written before a known surname in both languages of one pair."""
    from aligner.terms.phonetic import similarity

    found: dict[tuple[str, str], set[int]] = {}
    for zh_surname, en_surname in people:
        zh_re = re.compile(rf"([{_TRANSLITERATION}]{{2,8}})·{re.escape(zh_surname)}")
        en_re = re.compile(rf"\b([A-Z][a-zà-ž]+(?:-[A-Z][a-zà-ž]+)?) {re.escape(en_surname)}\b")
        for p in pairs:
            zm, em = zh_re.search(p.zh), en_re.search(p.en)
            if not (zm and em):
                continue
            # The run before the dot may begin with a word of the sentence (谢 of 感谢):
            # keep the ending that sounds most like the English given name.
            run, given = zm.group(1), em.group(1)
            score, zh_given = max(
                (similarity(run[i:], given), run[i:]) for i in range(len(run) - 1)
            )
            if score >= 0.6:
                key = (f"{zh_given}·{zh_surname}", f"{given} {en_surname}")
                found.setdefault(key, set()).add(p.index)
    for zh_surname, en_surname in people:
        if "·" in zh_surname or len(zh_surname) > 2:
            continue
        for key, where in _surname_first_names(zh_surname, en_surname, pairs).items():
            found.setdefault(key, set()).update(where)
    return [Candidate(z, e, "person", "speaker", 0.85, w) for (z, e), w in found.items()]


_ZH_TITLE_AFTER = "大使|先生|女士|博士|教授|阁下|将军|法官"


def _surname_first_names(
    zh_surname: str, en_surname: str, pairs: list[PairText]
) -> dict[tuple[str, str], set[int]]:
    """Chinese, Korean and Japanese names, which Chinese writes surname first with no dot
    (王某某大使 / Ambassador Moumou Wang, surname first in both or in Chinese only): the one or two
    characters between the known surname and a title that follows it are the given name, and
    the English pair writes one given name before or after the same surname."""
    zh_re = re.compile(rf"{re.escape(zh_surname)}([\u4e00-\u9fff]{{1,2}}?)(?:{_ZH_TITLE_AFTER})")
    given = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
    en_before = re.compile(rf"\b({given}) {re.escape(en_surname)}\b")
    en_after = re.compile(rf"\b{re.escape(en_surname)} ({given})\b")
    found: dict[tuple[str, str], set[int]] = {}
    for p in pairs:
        zm = zh_re.search(p.zh)
        if not zm:
            continue
        em_before, em_after = en_before.search(p.en), en_after.search(p.en)
        if em_before and em_before.group(1) not in _NOT_GIVEN:
            en = f"{em_before.group(1)} {en_surname}"
        elif em_after and em_after.group(1) not in _NOT_GIVEN:
            en = f"{en_surname} {em_after.group(1)}"
        else:
            continue
        found.setdefault((zh_surname + zm.group(1), en), set()).add(p.index)
    return found


_NOT_GIVEN = frozenset(
    {"Ambassador", "Mr", "Mrs", "Ms", "Dr", "Madam", "President", "Minister", "Chair", "Judge",
     "General", "Professor", "Excellency", "Secretary", "Representative", "The", "I", "Thank"}
)  # fmt: skip
"""Capitalised words before a surname that are not a given name."""
