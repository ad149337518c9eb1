"""parse_record: a UN verbatim record (PDF or extracted text) to a structured Record.

The stages, each in its own module:
  source bytes -> text (aligner.ingest.source, aligner.ingest.pdf)
  -> language (aligner.ingest.language)
  -> page furniture removed (aligner.ingest.furniture)
  -> cover block set apart: everything before the opening line
  -> paragraphs rebuilt, hyphens resolved, spaces and variants repaired
     (aligner.ingest.paragraphs, aligner.ingest.hyphenation, aligner.ingest.spacing,
     aligner.ingest.variants)
  -> turns split at speaker headers and procedural lines (aligner.parse.speakers,
     aligner.parse.procedure)
  -> metadata and roles (aligner.parse.metadata, aligner.parse.roles)
  -> sentences (aligner.parse.sentences) with stable ids and matching forms.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from aligner.countries import Country, find_mentions
from aligner.errors import InputError, NoTurnsError, UnknownLanguageError
from aligner.ingest.furniture import split_lines, strip_furniture
from aligner.ingest.hyphenation import Dehyphenator
from aligner.ingest.language import detect_language
from aligner.ingest.normalize import normalize, simplified_view
from aligner.ingest.paragraphs import ends_sentence, join_wrapped, rebuild_paragraphs
from aligner.ingest.pdf import read_pdf
from aligner.ingest.source import decode_text, load_source
from aligner.ingest.spacing import repair_spacing
from aligner.ingest.variants import fold_variants
from aligner.models import MeetingMeta, Paragraph, Record, Sentence, Turn, sentence_id
from aligner.parse import metadata
from aligner.parse.languages import language_code
from aligner.parse.procedure import (
    is_chair_change,
    is_closing,
    is_opening,
    is_procedural,
    opens_chair_change,
)
from aligner.parse.roles import RoleContext, chair_after, rule_37_invitees, speaker_role
from aligner.parse.sentences import split_sentences
from aligner.parse.speakers import (
    SpeakerHeader,
    is_secretary_general,
    language_switch,
    match_header,
)
from aligner.parse.votes import collect_votes, is_bare_heading, vote_heading

LANGUAGES = ("zh", "en")
# How many following lines a wrapped speaker header may continue on.
_HEADER_LOOKAHEAD = 2
# ...found within this many lines (a page break with its furniture may intervene).
_HEADER_WINDOW = 10
_ADOPTION = {"zh": ("议程通过。",), "en": ("The agenda was adopted.",)}
# Words of a chair-change note that may wrap over two lines ("... took the" / "Chair.").
_CHAIR_WORDS = {"zh": ("主持", "主席座位", "代行主席"), "en": ("Chair",)}


@dataclass
class _Draft:
    header: SpeakerHeader | None
    paragraphs: list[str] = field(default_factory=list)
    languages: list[str | None] = field(default_factory=list)
    """Per paragraph: the language a note inside the turn switched to, None before any."""

    @property
    def procedural(self) -> bool:
        return self.header is None

    def add(self, paragraph: str, language: str | None = None) -> None:
        self.paragraphs.append(paragraph)
        self.languages.append(language)


def parse_record(
    source: str | os.PathLike[str] | bytes, *, lang: str | None = None, name: str | None = None
) -> Record:
    """Parse a Chinese or English UN verbatim record; typed errors from aligner.errors on bad input.

    `source` is a path, the raw bytes of a PDF or text file, or the record's text.
    `lang` ("zh"/"en") is detected when omitted.
    """
    src = load_source(source, name)
    pdf_furniture: list[str] = []
    warnings: list[str] = []
    breaks_decided = False
    if src.kind == "pdf":
        pdf = read_pdf(src.raw)
        text, pdf_furniture, breaks_decided = pdf.text, pdf.furniture, pdf.blank_lines_are_breaks
        warnings = pdf.warnings
    else:
        text = decode_text(src.raw, name=src.name)
    text = unicodedata.normalize("NFC", text)
    lang = _language(text, lang)

    furniture = strip_furniture(split_lines(text), keep_breaks=not breaks_decided)
    start = _body_start(furniture.lines, lang)
    if start is None:
        raise NoTurnsError(
            "no speaker turns found: the text has no speaker headers such as "
            + ("'主席（以法语发言）：'" if lang == "zh" else "'The President (spoke in French):'")
            + "; is it a verbatim record?"
        )
    cover, body = furniture.lines[:start], furniture.lines[start:]
    dehyphenator = Dehyphenator(body) if lang == "en" else None
    marks = _LineMarks(body, lang)
    paragraphs = [
        fold_variants(repair_spacing(p, lang))
        for p in rebuild_paragraphs(
            body,
            lang,
            marks,
            dehyphenator,
            marks.continues_header,
            blank_lines_are_breaks=breaks_decided,
        )
    ]
    drafts = _split_turns([p for p in paragraphs if p], lang)
    if not any(d.header for d in drafts):
        raise NoTurnsError("no speaker turns found: the text has procedural lines but no speeches")

    meta = _metadata(drafts, cover, pdf_furniture + furniture.removed, lang)
    symbol = meta.symbol or PurePath(src.name).stem or "record"
    ctx = RoleContext(
        lang=lang,
        members={c.code for c in metadata.cover_members(cover, lang)},
        invited=rule_37_invitees(_presiding_texts(drafts), lang),
        presidency=_presidency(drafts, cover, lang),
    )
    if ctx.presidency is not None:
        meta.president_country = ctx.presidency.code
    turns = []
    chair = ctx.presidency
    for i, draft in enumerate(drafts):
        # Only a speaker headed by office alone needs the State from the announcement.
        header = draft.header
        by_office = header is not None and header.is_leader and header.affiliation is None
        announced = _announced_state(drafts[i - 1], lang) if i and by_office else None
        turns.append(_turn(i, draft, lang, symbol, ctx, chair, announced))
        if draft.procedural:
            for paragraph in draft.paragraphs:
                chair = chair_after(paragraph, chair, ctx)
    return Record(
        language=lang,
        meta=meta,
        turns=turns,
        source_name=src.name,
        source_sha256=src.sha256,
        warnings=warnings,
        votes=collect_votes(turns, lang),
    )


def _language(text: str, lang: str | None) -> str:
    if lang is None:
        return detect_language(text)
    if lang not in LANGUAGES:
        raise InputError(f"unsupported language {lang!r}: use zh or en")
    try:
        detected = detect_language(text)
    except UnknownLanguageError:
        return lang
    if detected != lang:
        raise InputError(f"the record was given as {lang!r} but its text is {detected!r}")
    return lang


def _body_start(lines: list[str], lang: str) -> int | None:
    """First line of the proceedings: the opening line, else the first speaker header.

    What comes before it is the cover block (symbol, date, members, agenda, notice)."""
    forced = _LineMarks(lines, lang)
    for i, line in enumerate(lines):
        # The opening line may be wrapped ("...called to order at" / "10.05 a.m.").
        if line.strip() and (
            is_opening(line, lang) or is_opening(forced.with_continuation(i), lang)
        ):
            # Who presides is part of the proceedings even when noted before the opening.
            chair_note = next((j for j in range(i) if opens_chair_change(lines[j], lang)), i)
            return chair_note
    for i, line in enumerate(lines):
        if line.strip() and (forced(i) or is_procedural(line, lang)):
            return i
    return None


class _LineMarks:
    """Which body lines must start a paragraph (called with a line index: a speaker header
    or a procedural line) and which must not (the continuation of a wrapped header)."""

    def __init__(self, lines: list[str], lang: str) -> None:
        self.lines, self.lang = lines, lang
        self._header_continuations: set[int] = set()

    def __call__(self, i: int) -> bool:
        line = self.lines[i].strip()
        if is_procedural(line, self.lang) or language_switch(line, self.lang) is not None:
            return True
        if self._may_open_chair_note(i) and is_chair_change(self.with_continuation(i), self.lang):
            return True  # the note wrapped ("... took the" / "Chair.")
        header = self.header_at(i)
        if header is None:
            return False
        self._mark_continuation(i, header.end)
        if header.strong:
            return True
        # A bare "Name + honorific:" breaks a paragraph only where one could end.
        previous = next((x for x in reversed(self.lines[:i]) if x.strip()), "")
        blank_before = i > 0 and not self.lines[i - 1].strip()
        return blank_before or not previous or ends_sentence(previous, self.lang)

    def _may_open_chair_note(self, i: int) -> bool:
        # A cheap look at the line and the next before joining them for the full pattern.
        following = self._following(i)[:1]
        window = " ".join(self.lines[j].strip() for j in [i, *following])
        words = _CHAIR_WORDS[self.lang]
        return any(w in window for w in words) and not is_chair_change(
            self.lines[i - 1] if i else "", self.lang
        )

    def header_at(self, i: int) -> SpeakerHeader | None:
        """The speaker header starting on line i, possibly wrapped onto the next lines."""
        header = match_header(self.with_continuation(i), self.lang)
        if header is None or header.end <= len(self.lines[i].strip()):
            return header
        # A header that only matches across the break may really start on the next line
        # ("…延恰" ending one paragraph, "先生（以英语发言）：" opening the next).
        following = self._following(i)
        if following and match_header(self.with_continuation(following[0]), self.lang):
            return None
        return header

    def continues_header(self, i: int) -> bool:
        return i in self._header_continuations

    def _following(self, i: int) -> list[int]:
        """The next non-blank lines a wrapped header may continue on (across a page break)."""
        window = range(i + 1, min(len(self.lines), i + 1 + _HEADER_WINDOW))
        return [j for j in window if self.lines[j].strip()][:_HEADER_LOOKAHEAD]

    def _mark_continuation(self, i: int, header_end: int) -> None:
        # The paragraph builder asks about line i before line i + 1, so marking here is
        # in time for the lines the header wrapped onto.
        covered = len(self.lines[i].strip())
        for j in self._following(i):
            if covered >= header_end:
                break
            self._header_continuations.add(j)
            covered += len(self.lines[j].strip()) + (0 if self.lang == "zh" else 1)

    def with_continuation(self, i: int) -> str:
        """Line i with the next lines joined on, for patterns that may wrap."""
        text = self.lines[i].strip()
        for j in self._following(i):
            text = join_wrapped(text, self.lines[j].strip(), self.lang, None)
        return text


def _split_turns(paragraphs: list[str], lang: str) -> list[_Draft]:
    """Turns from paragraphs: a speaker header opens a turn, procedural paragraphs form turns of
    their own, everything else continues the turn before it.

    Two notes may interrupt a speech without ending it: a language switch ("(spoke in
    French)" on its own line), kept as the language of the paragraphs after it, and a change
    of presiding officer ("Mr. X (Nigeria), Vice-President, took the Chair."), which becomes a
    procedure turn after the speech so that the speech stays one turn."""
    drafts: list[_Draft] = []
    pending: list[str] = []  # chair changes noted inside the current speech
    switched: str | None = None  # the language the current speech switched to

    def flush_pending() -> None:
        if pending:
            drafts.append(_Draft(None))
            for note in pending:
                drafts[-1].add(note)
            pending.clear()

    for paragraph in _join_vote_lists(paragraphs, lang):
        header = match_header(paragraph, lang)
        if header is not None:
            flush_pending()
            switched = None
            rest = paragraph.lstrip()[header.end :].strip()
            drafts.append(_Draft(header))
            if rest:
                drafts[-1].add(rest)
        elif is_procedural(paragraph, lang):
            in_speech = bool(drafts) and not drafts[-1].procedural
            if in_speech and is_chair_change(paragraph, lang):
                pending.append(paragraph)
                continue
            flush_pending()
            switched = None
            if drafts and drafts[-1].procedural:
                drafts[-1].add(paragraph)
            else:
                drafts.append(_Draft(None, [paragraph], [None]))
        elif drafts:
            note = language_switch(paragraph, lang) if not drafts[-1].procedural else None
            if note is not None:
                switched, paragraph = note
                if not paragraph.strip():
                    continue
            drafts[-1].add(paragraph, switched)
        else:
            drafts.append(_Draft(None, [paragraph], [None]))
    flush_pending()
    return [d for d in drafts if d.paragraphs or d.header]


def _join_vote_lists(paragraphs: list[str], lang: str) -> list[str]:
    """A vote list as one paragraph: its heading printed alone ("In favour:") joined to its
    names, and names that the layout broke into several paragraphs joined again, up to the
    list's end (a full stop in the records that print one, else the next heading, header or
    procedural line). One list is one sentence in both languages."""
    out: list[str] = []
    open_list = False
    for paragraph in paragraphs:
        joins = (
            open_list
            and match_header(paragraph, lang) is None
            and not is_procedural(paragraph, lang)
            and (is_bare_heading(out[-1], lang) or _reads_as_name_list(paragraph, lang))
        )
        if joins:
            out[-1] = out[-1].rstrip() + ("" if lang == "zh" else " ") + paragraph.strip()
        else:
            out.append(paragraph)
        open_list = vote_heading(out[-1], lang) is not None and not out[-1].rstrip().endswith(
            (".", "。")
        )
    return out


def _reads_as_name_list(paragraph: str, lang: str) -> bool:
    # Names run on, at most with a full stop closing the list; a speech has sentences.
    text = paragraph.strip()
    if lang == "zh":
        return "。" not in text[:-1] and not text.endswith(("：", ":", "！", "？"))
    return not re.search(r"[:!?][”’\"')\]]*$|[.!?]\s+[A-Z(“‘\"]", text)


def _presiding_texts(drafts: list[_Draft]) -> list[str]:
    return [p for d in drafts if d.header is None or d.header.presiding for p in d.paragraphs]


def _presidency(drafts: list[_Draft], cover: list[str], lang: str) -> Country | None:
    found = metadata.cover_president(cover, lang)
    if found is not None:
        return found
    for d in drafts:
        if d.header is not None and d.header.presiding:
            for p in d.paragraphs:
                if (country := metadata.national_statement_country(p, lang)) is not None:
                    return country
    return None


def _metadata(drafts: list[_Draft], cover: list[str], removed: list[str], lang: str) -> MeetingMeta:
    symbol = metadata.find_symbol(removed + cover)
    procedural = [p for d in drafts if d.procedural for p in d.paragraphs]
    opening = next((p for p in procedural if is_opening(p, lang)), None)
    closing = next((p for p in reversed(procedural) if is_closing(p, lang)), None)
    agenda = _agenda(drafts, lang) or metadata.header_title(removed)
    texts = ([agenda] if agenda else []) + [p for d in drafts for p in d.paragraphs]
    return MeetingMeta(
        symbol=symbol,
        body=metadata.find_body(symbol, cover + procedural),
        meeting_number=metadata.find_meeting_number(cover, symbol),
        date=metadata.find_date(cover, removed),
        time_opened=metadata.find_time(opening, lang) if opening else None,
        time_closed=metadata.find_time(closing, lang) if closing else None,
        agenda=agenda,
        documents=metadata.find_documents(texts, symbol),
        job_number=metadata.find_job_number(removed + cover),
    )


def _agenda(drafts: list[_Draft], lang: str) -> str | None:
    """The agenda item's title: the first non-procedural paragraph of the opening procedure
    (none when the record starts with a speech: a later procedure turn is a vote or a note)."""
    first = drafts[0] if drafts and drafts[0].procedural else None
    if first is None:
        return None
    paragraphs = first.paragraphs
    adopted = [i for i, p in enumerate(paragraphs) if simplified_view(p.strip()) in _ADOPTION[lang]]
    candidates = paragraphs[adopted[0] + 1 :] if adopted else paragraphs
    return next((p for p in candidates if not is_procedural(p, lang)), None)


# An agenda title printed under the item ends with its document in brackets: "... report
# (S/2024/368)" / "……报告（S/2024/368）". Two titles run together by the layout part there.
_TITLE_END = {
    "zh": re.compile(r"[（(][A-Z]{1,4}/[^（）()]{1,40}\d[）)](?=[^\s，。、；）)])"),
    "en": re.compile(r"\([A-Z]{1,4}/[^()]{1,40}\d\)(?=\s+[A-Z])"),
}


def _split_agenda_titles(text: str, lang: str) -> list[str]:
    """Procedure text only: agenda titles run together, split after each title's document."""
    out, start = [], 0
    for m in _TITLE_END[lang].finditer(text):
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [t for t in out if t]


def _announced_state(previous: _Draft, lang: str) -> Country | None:
    """The last State named in the paragraph before a turn ("... an address by the President
    of the Republic of Kenya"), for speakers headed by their office alone."""
    if not previous.paragraphs:
        return None
    mentions = find_mentions(normalize(previous.paragraphs[-1]), lang)
    return mentions[-1].country if mentions else None


def _turn(
    index: int,
    draft: _Draft,
    lang: str,
    symbol: str,
    ctx: RoleContext,
    chair: Country | None,
    announced: Country | None = None,
) -> Turn:
    header = draft.header
    paragraphs = []
    languages = draft.languages or [None] * len(draft.paragraphs)
    for p_index, (text, switched) in enumerate(zip(draft.paragraphs, languages, strict=True)):
        pieces = split_sentences(text, lang)
        if header is None:
            pieces = [t for piece in pieces for t in _split_agenda_titles(piece, lang)]
        sentences = [
            Sentence(
                id=sentence_id(symbol, lang, index, p_index, s_index),
                text=s,
                norm=normalize(s),
                turn=index,
                paragraph=p_index,
                index=s_index,
            )
            for s_index, s in enumerate(pieces)
        ]
        paragraphs.append(
            Paragraph(
                index=p_index,
                sentences=sentences,
                spoken_language=language_code(switched, lang) if switched else None,
            )
        )
    if header is None:
        return Turn(
            index=index,
            role="procedure",
            speaker=None,
            honorific=None,
            country=None,
            country_code=None,
            spoken_language=lang,
            is_original=True,
            header="",
            paragraphs=paragraphs,
        )
    role = speaker_role(header, ctx, chair, announced)
    spoken = language_code(header.language_name, lang) if header.language_name else lang
    speaker = header.name
    if speaker is None and is_secretary_general(header):
        speaker = header.title
    return Turn(
        index=index,
        role=role.role,
        speaker=speaker,
        honorific=header.honorific,
        country=role.country,
        country_code=role.country_code,
        spoken_language=spoken,
        is_original=spoken == lang,
        header=header.text,
        paragraphs=paragraphs,
        title=role.title,
    )
