"""Speaker headers: the `比昂先生（加蓬）（以法语发言）：` / `Mr. Biang (Gabon) (spoke in French):`
that opens every speaker turn of a verbatim record.

A header is a name or a presiding title, an optional affiliation in brackets, an
optional note of the language spoken, and a colon. The patterns demand enough of that
shape (an honorific, a title, or a bracketed affiliation) that ordinary sentences
ending in a colon ("我们强调：") are not taken for headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.countries import lookup
from aligner.ingest.normalize import simplified_view

_ZH_PRESIDING = ("主席", "代理主席", "临时主席", "共同主席")
_ZH_SECRETARY_GENERAL = ("秘书长", "常务副秘书长")
_ZH_LEADER_TITLES = (
    "副总统",
    "总统",
    "副总理",
    "总理",
    "首相",
    "国王",
    "女王",
    "王储",
    "埃米尔",
    "亲王",
)
"""Heads of State or Government are announced by office in the General Assembly ("鲁托总统：");
the deputy forms come first because titles are matched as suffixes."""
_ZH_HONORIFICS = (
    # Longer forms first: titles are matched as suffixes (女爵士 is Dame, 爵士 Sir).
    *("先生", "女士", "夫人", "小姐", "阁下", "殿下", "陛下", "勋爵", "女爵士", "爵士", "博士"),
    *("枢机主教", "大主教", "蒙席", "谢赫", "公主", "教授", "法官"),
    *_ZH_LEADER_TITLES,
)
_ZH_OFFICES = r"(?:报告员|副主席|共同主席|主席|协调员|共同协调员|主持人|促进者|共同促进者|召集人)"
"""Officers named with their State ("第三委员会报告员X先生（国名）", or the office after
the brackets: "X先生（国名），第三委员会报告员"): rapporteurs, round-table chairs."""
_ZH_OFFICE_PREFIX = re.compile(rf"^(?P<office>\S{{1,30}}?{_ZH_OFFICES})(?P<name>\S+)$")
_ZH_HEADER = re.compile(
    r"^(?P<who>[^：:（）()。，、；！？“”\n]{1,40}?)\s*"
    r"(?:（(?P<aff>(?!以[^（）]*发言)[^（）]{1,60})）\s*)?"
    rf"(?:[，,]\s*(?P<office>[^：:（）()。，、；！？“”\n]{{0,40}}?{_ZH_OFFICES})\s*)?"
    r"(?:（以(?P<lang>[^（）]{1,12}?)发言[^（）]{0,40}）\s*)?"
    r"[：:]"
)
_EN_PRESIDING = re.compile(
    r"^The\s+(?:Acting\s+|Temporary\s+)?(?:President|Chair|Chairman|Chairperson|Co-Chair)$",
    re.IGNORECASE,
)
_EN_SECRETARY_GENERAL = re.compile(r"^The\s+(?:Deputy\s+)?Secretary-General$", re.IGNORECASE)
_EN_LEADER_TITLES = (
    "Vice-President",
    "President",
    "Deputy Prime Minister",
    "Prime Minister",
    "Crown Prince",
    "Chancellor",
    "Grand Duke",
)
"""English counterpart of _ZH_LEADER_TITLES ("President Ruto:"): never with "The" in front,
which is the presiding officer."""
_NAME_PARTICLES = frozenset(
    "al bin da das de del della der di do dos du el la le van von y".split()  # noqa: SIM905
)
_EN_HONORIFICS = (
    "|".join(t.replace(" ", r"\s+") for t in _EN_LEADER_TITLES) + "|"
    r"Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Sir|Dame|Lord|Lady|Baroness|Baron|Archbishop|Cardinal|"
    r"Monsignor|Msgr\.|Sheikh|Sheikha|Prince|Princess|King|Queen|Emir|Judge|Professor|Prof\.|"
    r"Ambassador|Archduke|Reverend|Rev\."
)
# "(spoke in French)", and "(interpretation from French)" in records before about 2000.
_EN_NOTE = r"(?:spoke in|interpretation from)"
_EN_OFFICE = (
    r"(?=[A-Z])[^:();.!?\n]{0,60}?\b(?:Rapporteur|Chair|Chairman|Chairperson|Co-Chair|Vice-Chair|"
    r"President|Vice-President|Coordinator|Co-Coordinator|Facilitator|Co-Facilitator|Moderator)"
    r"\b[^:();.!?\n]{0,100}?"
)
"""An office after the State ("Mr. X (Country), Rapporteur of the Third Committee:",
"Ms. X (Chile), Co-Chair of round table 2:"); it must start with a capital, so that a speech
opening "Mr. President, as Chair of ..., I say:" is not a header."""
_EN_HEADER = re.compile(
    r"^(?P<who>The\s+(?:(?i:Acting|Temporary|Deputy)\s+)?(?i:President|Chair|Chairman|"
    r"Chairperson|Co-Chair|Secretary-General)"
    rf"|(?P<hon>{_EN_HONORIFICS})\s+(?P<name>[A-Z\u00c0-\u024f][^():;,!?\n]{{0,60}}?))"
    # A stray colon before the brackets ("Mr. Briz Gutiérrez: (Guatemala) (spoke in Spanish):").
    r"\s*(?::\s*(?=\())?"
    rf"(?:\((?P<aff>(?!{_EN_NOTE})[^()]{{1,100}})\)\s*)?"
    rf"(?:,\s*(?P<office>{_EN_OFFICE})\s*)?"
    rf"(?:\({_EN_NOTE} (?P<lang>[A-Za-z]+(?: [A-Za-z]+)?)(?:[;,][^()]{{0,120}})?\)\s*)?"
    r":"
)
# Words that follow "Mr." when a speaker addresses the presiding officer, never a name.
_ADDRESS_FORMS = frozenset({"President", "Chair", "Chairman", "Chairperson", "Secretary-General"})
_EN_LANGUAGE_SWITCH = re.compile(
    rf"^\(\s*{_EN_NOTE} (?P<lang>[A-Za-z]+(?: [A-Za-z]+)?)(?:[;,][^()]{{0,120}})?\)\s*"
)
_ZH_LANGUAGE_SWITCH = re.compile(
    r"^[（(]\s*以(?P<lang>[^（）()]{1,12}?)发言[^（）()]{0,40}[）)]\s*"
)
_DOT_LEADERS = re.compile(r"(?:\.\s?){4,}|…{2,}|(?:·\s?){4,}")


@dataclass(frozen=True)
class SpeakerHeader:
    text: str
    """The header as printed, colon included."""
    name: str | None
    """The speaker's name without honorific; None for the President and the Secretary-General."""
    honorific: str | None
    affiliation: str | None
    """The bracketed country or organization, as printed."""
    language_name: str | None
    """The language named in the note (法语, French), None when there is no note."""
    presiding: bool
    """The President (or Chair) of the meeting."""
    title: str | None
    """"主席", "The President", "The Secretary-General", ... when the speaker is named by title."""
    end: int = 0
    """Offset just past the colon in the (left-stripped) text the header was matched in."""
    office: str | None = None
    """An office the header names beside the State: "Rapporteur of the Third Committee",
    "第三委员会报告员"."""

    @property
    def is_leader(self) -> bool:
        """Announced by a Head of State or Government's office instead of Mr./Ms. or 先生."""
        hon = " ".join((self.honorific or "").split())
        return hon in _EN_LEADER_TITLES or simplified_view(hon) in _ZH_LEADER_TITLES

    @property
    def strong(self) -> bool:
        """Shaped unmistakably as a header: a title, an affiliation or a language note."""
        return (
            self.title is not None or self.affiliation is not None or self.language_name is not None
        )


def match_header(text: str, lang: str) -> SpeakerHeader | None:
    """The speaker header at the start of `text`, if there is one."""
    text = text.lstrip()
    if _DOT_LEADERS.search(text[:160]):  # a cover-page list line, not a speech
        return None
    return _match_zh(text) if lang == "zh" else _match_en(text)


def _match_zh(text: str) -> SpeakerHeader | None:
    # Matched on the Simplified view (a Traditional record parses too); what is kept is sliced
    # from the text as printed. The view has the same length, so the spans hold in both.
    view = simplified_view(text)
    m = _ZH_HEADER.match(view)
    if not m:
        return None

    def printed(group: str | int) -> str | None:
        start, end = m.span(group)
        return None if start < 0 else text[start:end]

    who_view = re.sub(r"\s+", "", m.group("who"))
    who = _squash(printed("who")) or ""
    aff = _squash(printed("aff"))
    office = _squash(printed("office"))
    language = _squash(m.group("lang"))
    if who_view in _ZH_PRESIDING or who_view in _ZH_SECRETARY_GENERAL:
        return SpeakerHeader(
            text=_squash(printed(0)) or "",
            name=None,
            honorific=None,
            affiliation=aff,
            language_name=language,
            presiding=who_view in _ZH_PRESIDING,
            title=who_view,
            end=m.end(),
        )
    honorific_view = next(
        (h for h in _ZH_HONORIFICS if who_view.endswith(h) and len(who_view) > len(h)), None
    )
    honorific = who[-len(honorific_view) :] if honorific_view else None
    name = who[: -len(honorific)] if honorific else who
    if office is None and honorific is not None and (prefix := _ZH_OFFICE_PREFIX.match(name)):
        office, name = prefix.group("office"), prefix.group("name")
    # Chinese records always print an honorific after a name; without one, only a bracketed
    # State makes a header ("我们认为（见S/2021/956）：" is a sentence, and "中东局势" + a
    # wrapped "主席（以英语发言）：" is an agenda title followed by the President).
    if honorific is None and (aff is None or lookup(aff) is None):
        return None
    if not _looks_like_zh_name(name):
        return None
    return SpeakerHeader(
        text=_squash(printed(0)) or "",
        name=name,
        honorific=honorific,
        affiliation=aff,
        language_name=language,
        presiding=False,
        title=None,
        end=m.end(),
        office=office,
    )


def _looks_like_zh_name(name: str) -> bool:
    # Transliterated names: Chinese characters, name dots, a few Latin letters; short.
    return 0 < len(name) <= 20 and not re.search(r"[0-9，。；：、]", name)


def _match_en(text: str) -> SpeakerHeader | None:
    m = _EN_HEADER.match(text)
    if not m:
        return None
    # Records before about 2000 print titles in capitals ("The PRESIDENT").
    who = " ".join(w.capitalize() if w.isupper() else w for w in m.group("who").split())
    aff = _clean(m.group("aff"))
    office = _clean(m.group("office"))
    language = m.group("lang")
    if m.group("hon") is None:
        return SpeakerHeader(
            text=" ".join(m.group(0).split()),
            name=None,
            honorific=None,
            affiliation=aff,
            language_name=language,
            presiding=bool(_EN_PRESIDING.match(who)),
            title=who,
            end=m.end(),
            office=office,
        )
    name = " ".join(m.group("name").split())
    if len(name.split()) > 7 or not name or name in _ADDRESS_FORMS:
        return None
    honorific = " ".join(m.group("hon").split())
    # "President Ruto stated:" opens a quotation, "President Ruto:" a speech: office titles
    # take a name only, so every word but a particle must be capitalised.
    if honorific in _EN_LEADER_TITLES and any(
        w[0].islower() and w not in _NAME_PARTICLES for w in name.split()
    ):
        return None
    return SpeakerHeader(
        text=" ".join(m.group(0).split()),
        name=name,
        honorific=honorific,
        affiliation=aff,
        language_name=language,
        presiding=False,
        title=None,
        end=m.end(),
        office=office,
    )


def _squash(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", "", text)


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def is_secretary_general(header: SpeakerHeader) -> bool:
    return header.title is not None and (
        header.title in _ZH_SECRETARY_GENERAL or bool(_EN_SECRETARY_GENERAL.match(header.title))
    )


def language_switch(text: str, lang: str) -> tuple[str, str] | None:
    """A note that the speaker changed language inside a speech, printed on its own line at
    the switch: "(spoke in French)" / "（以法语发言）". Returns (the language named, the text
    after the note), None when the text does not open with such a note."""
    text = text.lstrip()
    if lang == "zh":
        m = _ZH_LANGUAGE_SWITCH.match(simplified_view(text))
    else:
        m = _EN_LANGUAGE_SWITCH.match(text)
    if not m:
        return None
    return _squash(m.group("lang")) if lang == "zh" else m.group("lang"), text[m.end() :]
