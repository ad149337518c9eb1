"""What the repository hands back: plain dataclasses, independent of the database behind it.

The API serialises these with `dataclasses.asdict`; the exporters and the TM read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

PAIR_STATUSES = ("auto", "approved", "corrected", "rejected")
"""auto: as aligned; approved: a reviewer confirmed it; corrected: a reviewer changed its links;
rejected: a reviewer marked it wrong (left out of TMX/TSV exports)."""

JOB_STATUSES = ("queued", "running", "succeeded", "failed")


@dataclass
class Page(Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


@dataclass
class RecordVersion:
    """One language version's source file (the name is historical: see VersionSummary for the
    record's versions)."""

    language: str
    source_name: str
    source_sha256: str
    meta: dict[str, Any]
    content_sha256: str = ""
    """Digest of the parsed text and structure (versioning.content_digest): a file that
    differs only in bytes the parser ignores has the same one."""


@dataclass
class RecordSummary:
    symbol: str
    meta: dict[str, Any]
    languages: list[str]
    signature: str
    turn_count: int
    pair_count: int
    created_at: str
    updated_at: str
    version: int = 1
    """The stored version: 1 at the first import, +1 at every re-import that changes it."""


@dataclass
class TurnRow:
    language: str
    index: int
    role: str
    speaker: str | None
    honorific: str | None
    country: str | None
    country_code: str | None
    spoken_language: str
    is_original: bool
    header: str
    paragraphs: int
    sentences: int
    title: str | None = None
    """The national office a speaker is announced by instead of the State, as printed."""


@dataclass
class TurnLinkRow:
    position: int
    zh_turn: int | None
    en_turn: int | None
    zh_turns: list[int]
    en_turns: list[int]
    confidence: float


@dataclass
class RecordDetail(RecordSummary):
    versions: list[RecordVersion] = field(default_factory=list)
    turns: dict[str, list[TurnRow]] = field(default_factory=dict)
    turn_links: list[TurnLinkRow] = field(default_factory=list)


@dataclass
class PairRow:
    id: int
    symbol: str
    position: int
    zh_turn: int | None
    en_turn: int | None
    zh_ids: list[str]
    en_ids: list[str]
    zh: str
    en: str
    confidence: float
    type: str
    signature: str
    origin: str
    """"aligner", or "reviewer" when a correction made or reshaped this pair."""
    status: str
    flags: list[str]
    note: str | None
    reviewed_by: str | None
    reviewed_at: str | None
    speaker_zh: str | None = None
    speaker_en: str | None = None
    country_zh: str | None = None
    country_en: str | None = None
    country_code: str | None = None
    role: str | None = None
    spoken_language: str | None = None
    original: str | None = None
    """"zh" or "en" when that side is what the speaker said; None when both are translations."""


@dataclass
class SearchHit:
    pair: PairRow
    zh_highlight: str
    """The zh text, HTML-escaped, with each match wrapped in <mark>...</mark>."""
    en_highlight: str
    matched: list[str]
    """Languages the query matched in."""


CORRECTION_STATES = ("current", "not-carried", "detached")
"""current: applies to the stored version (pair_id is its pair); not-carried: a re-import
changed its sentences, so it stays with the archived version `archived_version` (its pair is
`archived_pair_id` there); detached: left without its pair by a verbalign before versions."""


@dataclass
class CorrectionRow:
    id: int
    symbol: str
    pair_id: int | None
    action: str
    reviewer: str
    created_at: str
    before: list[dict[str, Any]]
    after: list[dict[str, Any]]
    note: str | None
    version: int = 1
    """The record version the reviewer corrected."""
    state: str = "current"
    """One of CORRECTION_STATES."""
    archived_version: int | None = None
    archived_pair_id: int | None = None


@dataclass
class JobRow:
    id: str
    kind: str
    status: str
    stage: str
    percent: float
    params: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None
    error_type: str | None
    created_at: str
    started_at: str | None
    finished_at: str | None
    updated_at: str


VERSION_REASONS = ("import", "re-import", "re-alignment", "new sources, same text")
"""How a version came to be: the first import; new source files, re-aligned; the same files
re-aligned on request (force); new source files whose parsed text is identical (pairs kept)."""


@dataclass
class VersionSummary:
    version: int
    current: bool
    reason: str
    """One of VERSION_REASONS."""
    created_at: str
    replaced_at: str | None
    signature: str
    pair_count: int
    sentences: dict[str, int]
    reviewed_pairs: int
    """Pairs a reviewer approved, rejected, corrected, flagged or annotated."""
    sources: list[RecordVersion]


@dataclass
class RecordVersionDetail:
    """One version of a record as it was stored: metadata, turns and every pair with its
    review state."""

    summary: VersionSummary
    record: RecordDetail
    pairs: list[PairRow]


@dataclass
class ReviewLoss:
    """A reviewed pair a re-import could not carry over: its sentences changed. It stays, with
    its corrections, in the archived version `version`."""

    pair_id: int
    version: int
    zh: str
    en: str
    status: str
    reviewed_by: str | None
    corrections: int
    """Correction rows attached to the pair (kept, state "not-carried")."""
    reason: str


@dataclass
class VersionChanges:
    """What a re-import changes, counted before (the stored version) and after."""

    before: dict[str, int]
    after: dict[str, int]
    """Keys: pairs, linked_pairs (both sides), zh_sentences, en_sentences."""
    reviewed: int
    """Reviewed pairs in the stored version."""
    carried: int | None
    """Of those, carried over to the new version (their sentences still exist); None when the
    import stopped before working it out."""
    not_carried: list[ReviewLoss] = field(default_factory=list)


@dataclass
class SaveResult:
    symbol: str
    status: Literal["created", "updated", "unchanged"]
    pair_count: int
    signature: str
    version: int = 1
    previous_version: int | None = None
    reason: str = "import"
    changes: VersionChanges | None = None
    """For an update: counts before and after, reviewed pairs carried over and not."""


@dataclass
class PairFilter:
    turn: int | None = None
    """Either side's turn index."""
    zh_turn: int | None = None
    en_turn: int | None = None
    speaker: str | None = None
    """Case-insensitive substring of the speaker's name in either language."""
    country: str | None = None
    """Country name in either language (substring) or ISO alpha-3 code."""
    min_confidence: float | None = None
    max_confidence: float | None = None
    type: str | None = None
    status: str | None = None


@dataclass
class Correction:
    """A reviewer's change to one pair.

    action "flag": set `status` and/or `flags`/`note` (no change to the links).
    action "merge": merge the pair with `with_pair` (the next or previous pair of the record).
    action "split": split the pair after its first `zh_at` zh and `en_at` en sentences.
    action "relink": the pair links exactly `zh_ids`/`en_ids`; sentences taken from other pairs
    leave them (a pair left empty disappears), sentences released get their own 1-0/0-1 pair.
    """

    action: Literal["flag", "merge", "split", "relink"]
    reviewer: str
    note: str | None = None
    status: str | None = None
    flags: list[str] | None = None
    with_pair: int | None = None
    zh_at: int | None = None
    en_at: int | None = None
    zh_ids: list[str] | None = None
    en_ids: list[str] | None = None
