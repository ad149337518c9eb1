"""The data that flows through verbalign: a parsed record and its alignment.

Every stage hands the next one these plain dataclasses, so ingest, parse, align,
terms/QA and the store can be developed and tested separately.
Ids are stable strings built from (record, language, turn, paragraph, sentence)
so that a sentence keeps its id when the same file is parsed again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Literal

Language = Literal["zh", "en"]
Role = Literal["president", "briefer", "member", "invited", "procedure"]
# ISO 639-1 codes of the six official languages.
SPOKEN_LANGUAGES = ("zh", "en", "fr", "es", "ru", "ar")
ROLES: tuple[str, ...] = ("president", "briefer", "member", "invited", "procedure")


def sentence_id(symbol: str, language: str, turn: int, paragraph: int, sentence: int) -> str:
    return f"{symbol}/{language}/t{turn:03d}/p{paragraph:03d}/s{sentence:03d}"


@dataclass
class Sentence:
    id: str
    text: str
    """The repaired text as it reads in the record."""
    norm: str
    """Matching form: OpenCC t2s, full-/half-width folding, collapsed spaces."""
    turn: int
    paragraph: int
    index: int


@dataclass
class Paragraph:
    index: int
    sentences: list[Sentence] = field(default_factory=list)
    spoken_language: str | None = None
    """ISO 639-1 code when a note inside the turn says the speaker switched language
    ("(spoke in French)", "（以法语发言）") at or before this paragraph; None: the turn's."""

    @property
    def text(self) -> str:
        return join_sentences([s.text for s in self.sentences])


def join_sentences(texts: list[str]) -> str:
    if not texts:
        return ""
    out = texts[0]
    for t in texts[1:]:
        # Chinese sentences abut; Latin-script ones take a space.
        out += t if (_is_cjk(out[-1:]) or _is_cjk(t[:1])) else " " + t
    return out


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ch >= "\u2e80"


@dataclass
class Turn:
    index: int
    role: str
    """One of ROLES."""
    speaker: str | None
    """Name without honorific: "古特雷斯", "Guterres", None for the President and procedure."""
    honorific: str | None
    """"先生", "女士", "夫人" / "Mr.", "Mrs.", "Ms." ..."""
    country: str | None
    """Country or affiliation as printed in this record ("加蓬", "United Kingdom")."""
    country_code: str | None
    """ISO 3166-1 alpha-3 code of the country when it is a State, else None."""
    spoken_language: str
    """ISO 639-1 code of the language the speaker used."""
    is_original: bool
    """True when this language version is what the speaker said."""
    header: str
    """The speaker header exactly as printed (empty for procedure turns)."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    """The national office a header names instead of the State ("Minister for Foreign Affairs
    of Kenya"), as printed; `country` is then the State named in it."""

    def sentences(self) -> Iterator[Sentence]:
        for p in self.paragraphs:
            yield from p.sentences

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class MeetingMeta:
    symbol: str | None = None
    """"S/PV.9132"."""
    body: str | None = None
    """"Security Council", "General Assembly", ..."""
    meeting_number: int | None = None
    date: str | None = None
    """ISO 8601 date of the meeting."""
    time_opened: str | None = None
    """"10:05" (24-hour) when the meeting was called to order."""
    time_closed: str | None = None
    agenda: str | None = None
    """Title of the agenda item under consideration."""
    documents: list[str] = field(default_factory=list)
    """Document symbols cited anywhere in the record, in order of first mention."""
    job_number: str | None = None
    """"22-59199"."""
    president_country: str | None = None
    """ISO alpha-3 code of the presidency when the record states it."""


@dataclass
class VoteList:
    """One list of a vote ("In favour: Algeria, China, ..." / "赞成：阿尔及利亚、中国、……"),
    its names checked against the Member State table."""

    position: str
    """"in_favour", "against" or "abstaining"."""
    turn: int
    sentence_id: str
    names: list[str]
    """The names as printed, in order."""
    codes: list[str | None]
    """ISO alpha-3 code of each name; None where the name is not in the table."""
    unknown: list[str] = field(default_factory=list)
    """Names not found in the table (a warning: a misprint, a former name, an observer)."""
    vote: int = 0
    """Which vote of the record the list belongs to (0, 1, ...: a new vote starts at each
    "A vote was taken ..." line)."""


@dataclass
class Record:
    language: str
    meta: MeetingMeta
    turns: list[Turn]
    source_name: str = ""
    source_sha256: str = ""
    warnings: list[str] = field(default_factory=list)
    """What ingestion could not do as usual (a PDF page read as one column, a fallback
    text engine, pages without text): the record parsed but may be incomplete."""
    votes: list[VoteList] = field(default_factory=list)
    """The vote lists of the record, in order."""

    def sentences(self) -> Iterator[Sentence]:
        for t in self.turns:
            yield from t.sentences()

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class TurnLink:
    """One step of the turn alignment. A missing side (None) is a turn with no counterpart."""

    zh_turn: int | None
    en_turn: int | None
    confidence: float
    zh_turns: list[int] = field(default_factory=list)
    """All zh turn indices in this link (more than one when a turn was split in two)."""
    en_turns: list[int] = field(default_factory=list)


@dataclass
class AlignedPair:
    zh_turn: int | None
    en_turn: int | None
    zh_ids: list[str]
    en_ids: list[str]
    zh: list[str]
    en: list[str]
    confidence: float
    """Calibrated probability that this link is exactly right."""
    type: str
    """"1-1", "1-2", "0-1", ... (zh count - en count)."""


@dataclass
class RecordAlignment:
    signature: str
    zh: Record
    en: Record
    turns: list[TurnLink]
    pairs: list[AlignedPair]
