"""Votes in a verbatim record: the vote line, the vote lists and the names on them.

A Security Council vote by show of hands, or a General Assembly recorded vote, is printed as
procedure between the President's turns:

    A vote was taken by show of hands.         进行了举手表决。
    In favour:                                 赞成：
    Algeria, China, Ecuador, ...               阿尔及利亚、中国、厄瓜多尔、……
    Against:                                   反对：
    ...                                        ……
    Abstaining:                                弃权：
    ...                                        ……

Each list is one sentence, heading and names together, in both languages (the heading alone is
no sentence, and splitting it from its names would make two links where there is one). The
names are checked against the Member State table: a name the table does not know is kept as a
warning on the list, never dropped, so that QA can compare the two language versions' lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from aligner.countries import lookup
from aligner.ingest.normalize import simplified_view
from aligner.models import Turn, VoteList

_HEADING = {
    "zh": re.compile(r"^(?P<position>赞成|反对|弃权)\s*[：:]\s*"),
    "en": re.compile(r"^(?P<position>In favour|Against|Abstaining|Abstentions?)\s*:\s*"),
}
_POSITIONS = {
    "赞成": "in_favour",
    "反对": "against",
    "弃权": "abstaining",
    "In favour": "in_favour",
    "Against": "against",
    "Abstaining": "abstaining",
    "Abstention": "abstaining",
    "Abstentions": "abstaining",
}
_VOTE_TAKEN = {
    "zh": re.compile(r"^(?:以举手方式|以记录)?进行了?(?:举手|记录|唱名)?表决。$"),
    "en": re.compile(r"^A (?:recorded )?vote was taken\b"),
}
_SEPARATORS = {"zh": "、，,；;", "en": ",;"}
_OPEN, _CLOSE = "（(", "）)"
_NONE = {"None", "无", "没有"}


def vote_heading(text: str, lang: str) -> tuple[str, str] | None:
    """(position, the text after the heading) when `text` opens a vote list, else None."""
    m = _HEADING[lang].match(simplified_view(text.strip()) if lang == "zh" else text.strip())
    if not m:
        return None
    return _POSITIONS[m.group("position")], text.strip()[m.end() :]


def is_bare_heading(text: str, lang: str) -> bool:
    """ "In favour:" / "赞成：" printed on a line of its own, its names on the next."""
    found = vote_heading(text, lang)
    return found is not None and not found[1].strip()


def is_vote_taken(text: str, lang: str) -> bool:
    """ "A vote was taken by show of hands." / "进行了举手表决。" and their recorded forms."""
    text = simplified_view(text.strip()) if lang == "zh" else text.strip()
    return bool(_VOTE_TAKEN[lang].match(text))


def split_names(text: str, lang: str) -> list[str]:
    """The names of a list, split at commas (at 、 in Chinese) outside brackets:
    "Iran (Islamic Republic of), Iraq" is two names."""
    names: list[str] = []
    depth, current = 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS[lang]:
            names.append("".join(current))
            current = []
        else:
            current.append(ch)
    names.append("".join(current))
    cleaned = [" ".join(n.split()).strip(" .。") for n in names]
    return [n for n in cleaned if n and n not in _NONE]


_CONJUNCTION = {"zh": re.compile(r"和|及"), "en": re.compile(r"\s+and\s+")}


def _split_conjoined(name: str, lang: str) -> list[str]:
    """ "China and Russian Federation" (the last two names joined by "and", as some records
    print them) as two names; "Trinidad and Tobago" stays one. Only a split whose every part
    is a State is taken."""
    if lookup(name) is not None:
        return [name]
    cuts = list(_CONJUNCTION[lang].finditer(name))
    for m in cuts:
        left, right = name[: m.start()].strip(), name[m.end() :].strip()
        if lookup(left) is not None:
            rest = _split_conjoined(right, lang)
            if all(lookup(r) is not None for r in rest):
                return [left, *rest]
    return [name]


def parse_vote_list(
    text: str, lang: str, *, turn: int = 0, sentence_id: str = "", vote: int = 0
) -> VoteList | None:
    """The vote list a sentence holds, None when it holds none."""
    found = vote_heading(text, lang)
    if found is None:
        return None
    position, rest = found
    names = [part for name in split_names(rest, lang) for part in _split_conjoined(name, lang)]
    codes: list[str | None] = []
    for name in names:
        country = lookup(name)
        codes.append(country.code if country is not None else None)
    unknown = [n for n, c in zip(names, codes, strict=True) if c is None]
    return VoteList(
        position=position,
        turn=turn,
        sentence_id=sentence_id,
        names=names,
        codes=codes,
        unknown=unknown,
        vote=vote,
    )


def collect_votes(turns: Iterable[Turn], lang: str) -> list[VoteList]:
    """Every vote list of a record's procedure turns, numbered by the vote they belong to: a
    vote line starts a new vote, and so does a list that comes back to "In favour" without one
    (records that print no vote line)."""
    lists: list[VoteList] = []
    vote, line_seen = -1, False
    for turn in turns:
        if turn.role != "procedure":
            continue
        for sentence in turn.sentences():
            if is_vote_taken(sentence.text, lang):
                vote, line_seen = vote + 1, True
                continue
            found = parse_vote_list(sentence.text, lang, turn=turn.index, sentence_id=sentence.id)
            if found is None:
                continue
            if vote < 0:
                vote = 0
            elif not line_seen and lists and _order(found) <= _order(lists[-1]):
                vote += 1
            found.vote, line_seen = vote, False
            lists.append(found)
    return lists


def _order(vote_list: VoteList) -> int:
    return ("in_favour", "against", "abstaining").index(vote_list.position)
