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
        re.compile(rf"^会议于?{_TIME_ZH}\s*(?:暂停|休会)"),
        re.compile(rf"^{_TIME_ZH}\s*休会"),
        re.compile(r"^会议(?:暂停|复会|休会)"),
        # "进行了举手表决。" (show of hands), "进行了记录表决。" (recorded vote).
        re.compile(r"^(?:以举手方式|以记录)?进行了?(?:举手|记录|唱名)?表决。$"),
        re.compile(r"^(?:赞成|反对|弃权)\s*[：:]"),
        # "决议草案一获得通过（第65/182号决议）。", "第A/61/L.67号决议草案以143票赞成、4票反对、
        # 11票弃权获得通过（第61/295号决议）。" -- no comma: "由于……，决议草案未获通过。" is the
        # President speaking.
        re.compile(
            r"^[^，。]{0,80}(?:决议草案|决定草案|修正案)[^，。]{0,80}"
            r"(?:获得通过|未获通过|被否决)(?:（[^（）]*）)?。$"
        ),
        # "序言部分第九段以104票赞成、1票反对、30票弃权获得保留。"
        re.compile(
            r"^[^，。]{0,40}(?:段|修正案)[^，。]{0,40}以\s*\d+\s*票赞成[^。]{0,60}"
            r"(?:获得通过|未获通过|被否决|获得保留|予以保留|被删除)(?:（[^（）]*）)?。$"
        ),
        re.compile(r"^就这样决定。$"),
        re.compile(r"^.{0,80}(?:主持会议|代行主席职务|回到主席座位|恢复主持会议)。$"),
        re.compile(r"^议程项目\s*\d+"),
        re.compile(r"在.{0,40}陪同下(?:进入|离开|走上|走下|走进|走出)"),
        # "加纳共和国总统讲话": the heading before an address.
        re.compile(r"^[^。，：:]{2,80}(?:先生|女士|阁下|殿下|陛下)讲话$"),
        re.compile(r"^(?:安全理事会|安理会|大会)?(?:成员)?(?:起立)?默哀一分钟[^。]{0,20}。$"),
        # "应主席邀请，X先生（巴勒斯坦）在安理会议席就座。"
        re.compile(r"^应主席(?:的)?邀请[，,][^。]{0,60}（"),
        # "［随后，黑山代表团通知秘书处，它原打算投赞成票。］"
        re.compile(r"^[\[［【〔]\s*(?:随后|其后)"),
    ],
    "en": [
        re.compile(r"^Adoption of the agenda\.?$"),
        re.compile(r"^The agenda was adopted\.$"),
        re.compile(r"^The meeting (?:was )?suspended at"),
        re.compile(r"^The meeting was suspended"),
        re.compile(r"^A (?:recorded )?vote was taken\b"),
        re.compile(r"^(?:In favour|Against|Abstaining|Abstentions?)\s*:"),
        # "Draft resolution I was adopted (resolution 65/182).", "The eighth preambular paragraph
        # was retained by 105 votes to 2, with 22 abstentions."; the President's "The draft
        # resolution has been adopted ..." is speech.
        re.compile(
            r"^(?:The )?[Dd]raft (?:resolution|decision)\b.{0,160}?\bwas (?:adopted|not adopted|"
            r"rejected)"
        ),
        re.compile(
            r"^(?:The\s+)?(?:[A-Za-z-]+\s+){0,3}(?:paragraphs?|subparagraphs?|amendments?)\b"
            r"[^.]{0,80}?\bw(?:as|ere) (?:retained|adopted|rejected|deleted) by \d+ votes? to"
        ),
        re.compile(r"^It was so decided\.$"),
        re.compile(r"^.{0,160}\b(?:took|returned to|resumed) the Chair\.$"),
        re.compile(r"^Agenda items? \d+"),
        re.compile(r"\bwas escorted (?:into|from|to) the (?:General Assembly Hall|rostrum)"),
        # "Address by Mr. X, President of the Republic of Y": the heading before an address.
        re.compile(r"^Address by\b(?:[^.:]|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.){0,200}$"),
        re.compile(
            r"^The (?:members of the )?(?:Security Council|General Assembly|Council|Assembly) "
            r"observed a minute of silen"
        ),
        # "At the invitation of the President, Mr. X (Palestine) took a seat at the Council table."
        re.compile(
            r"^At the invitation of the President, (?:(?:Mr|Mrs|Ms|Dr)\.\s*)?[^.:]{0,120}\("
        ),
        # "[Subsequently the delegation of Montenegro advised the Secretariat ...]"
        re.compile(r"^\[\s*Subsequently\b"),
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


# One alternation per language: every body line is tested, so one regex pass instead of thirty.
_ANY = {
    lang: re.compile("|".join(f"(?:{p.pattern})" for p in _OPENING[lang] + _CLOSING[lang] + other))
    for lang, other in _OTHER.items()
}


def is_procedural(text: str, lang: str) -> bool:
    """A procedural paragraph (or line): opening, closing, agenda adoption, vote, ...
    (Traditional characters are read as their Simplified forms)."""
    return bool(_ANY[lang].search(simplified_view(text.strip())))


_CHAIR_CHANGE = {
    "zh": re.compile(r"^[^。！？]{0,80}(?:主持会议|代行主席职务|回到主席座位|恢复主持会议)。"),
    # Only the periods of honorifics may come before the end of the note.
    "en": re.compile(
        r"^(?:In the absence of the President,\s*)?(?:(?:Mr|Mrs|Ms|Dr)\.|Miss|Sir|Dame|Lord|"
        r"Lady|The(?: Acting)? President)\s[^.!?]{0,160}\b(?:took|returned to|resumed) the Chair\."
    ),
}


def is_chair_change(text: str, lang: str) -> bool:
    """ "Mr. X (Nigeria), Vice-President, took the Chair." / "副主席X先生（尼日利亚）主持会议。"
    (also at the start of wrapped text: the note may run onto a second line)."""
    return bool(_CHAIR_CHANGE[lang].match(simplified_view(text.strip())))
