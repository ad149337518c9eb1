"""Procedural lines: what the record says happened rather than what someone said.

"The meeting was called to order at 10.05 a.m.", "The agenda was adopted.", votes,
suspensions, "The meeting rose at 11.35 a.m." are printed between speeches (in
italics in the PDF). They are not part of the preceding speaker's turn: they form
turns of role "procedure", which the aligner pairs like any other turn.
"""

from __future__ import annotations

import re

from aligner.ingest.normalize import simplified_view

_TIME_ZH = r"(?:上午|下午|中午|晚上|凌晨)?\s*\d{1,2}\s*时\s*(?:\d{1,2}\s*分)?"
_TIME_EN = r"(?:\d{1,2}(?:\.\d{2})?\s*[ap]\.\s*m\.|noon|midnight)"

_OPENING = {
    "zh": [
        re.compile(rf"^{_TIME_ZH}\s*(?:开会|复会)。?$"),
        re.compile(r"^会议于.{0,30}(?:开始|复会)。?$"),
    ],
    "en": [
        re.compile(rf"^The meeting (?:was called to order|was resumed|resumed) at {_TIME_EN}"),
    ],
}
_CLOSING = {
    "zh": [re.compile(rf"^{_TIME_ZH}\s*散会。?$"), re.compile(r"^会议于.{0,30}结束。?$")],
    "en": [re.compile(rf"^The meeting (?:rose|was adjourned) at {_TIME_EN}")],
}
_OTHER = {
    "zh": [
        re.compile(r"^通过议程。?$"),
        re.compile(r"^议程通过。$"),
        re.compile(rf"^会议于?{_TIME_ZH}\s*暂停"),
        re.compile(r"^会议(?:暂停|复会)"),
        re.compile(r"^(?:以举手方式|以记录)?进行(?:记录)?表决。$"),
        re.compile(r"^(?:赞成|反对|弃权)[：:]"),
        re.compile(r"^.{0,80}(?:决议草案|决定草案).{0,80}(?:获得通过|未获通过|被否决)。$"),
        re.compile(r"^.{0,60}(?:主持会议|代行主席职务)。$"),
        re.compile(r"^议程项目\s*\d+"),
        re.compile(r"在.{0,40}陪同下(?:进入|离开|走上|走下)"),
        re.compile(r"^(?:安理会|大会)?(?:成员)?(?:起立)?默哀一分钟。$"),
    ],
    "en": [
        re.compile(r"^Adoption of the agenda\.?$"),
        re.compile(r"^The agenda was adopted\.$"),
        re.compile(r"^The meeting (?:was )?suspended at"),
        re.compile(r"^The meeting was suspended"),
        re.compile(r"^A (?:recorded )?vote was taken\b"),
        re.compile(r"^(?:In favour|Against|Abstaining|Abstentions?):"),
        re.compile(
            r"^The draft (?:resolution|decision)\b.{0,120}\bwas (?:adopted|not adopted|rejected)"
        ),
        re.compile(r"^.{0,120}\btook the Chair\.$"),
        re.compile(r"^Agenda item \d+"),
        re.compile(r"\bwas escorted (?:into|from) the (?:General Assembly Hall|rostrum)"),
        re.compile(r"^The (?:members of the )?(?:Council|Assembly) observed a minute of silence"),
    ],
}


# "In the absence of the President, Mr. X (Malta), Vice-President, took the Chair." opens
# many General Assembly records, before the meeting is called to order.
_CHAIR_ABSENCE = {
    "zh": re.compile(r"^主席缺席"),
    "en": re.compile(r"^In the absence of the President\b"),
}


def opens_chair_change(line: str, lang: str) -> bool:
    """Whether a line starts the note that a Vice-President took the Chair."""
    return bool(_CHAIR_ABSENCE[lang].match(simplified_view(line.strip())))


def is_opening(text: str, lang: str) -> bool:
    text = simplified_view(text.strip())
    return any(p.search(text) for p in _OPENING[lang])


def is_closing(text: str, lang: str) -> bool:
    text = simplified_view(text.strip())
    return any(p.search(text) for p in _CLOSING[lang])


def is_procedural(text: str, lang: str) -> bool:
    """A procedural paragraph (or line): opening, closing, agenda adoption, vote, ...
    (Traditional characters are read as their Simplified forms)."""
    text = simplified_view(text.strip())
    return (
        is_opening(text, lang)
        or is_closing(text, lang)
        or any(p.search(text) for p in _OTHER[lang])
    )
