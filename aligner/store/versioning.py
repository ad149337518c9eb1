"""Record versions: when a re-import may replace what is stored, and what it would change.

Rules (every backend applies them inside the transaction that saves the new version):
- the same source files again: nothing happens (unless forced);
- new source files whose parsed text and structure are identical (a trailing newline, another
  PDF producer): a new version that keeps every pair and review as they are;
- otherwise a new version: the stored one is archived (readable, with its pairs), reviewed
  pairs are carried over wherever their sentences still exist, matched by text
  (carry_over.py), and the rest are listed and kept with the archived version;
- without force, a re-import that would leave reviewed pairs behind, or shrink the record by
  more than `MAX_SHRINK` of its pairs, linked pairs or sentences of either language, is
  refused (ReimportRefused, HTTP 409) and nothing is written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict

from aligner.errors import ConflictError
from aligner.models import Record, RecordAlignment
from aligner.store.carry_over import StoredPair
from aligner.store.rows import ReviewLoss, VersionChanges

MAX_SHRINK = 0.05
"""Largest share of a record's pairs, linked pairs or sentences (per language) a re-import
may drop without force. A re-alignment moves a few boundaries (a 2-1 where a 1-1 and a 1-0
were: one pair fewer), well under this; a truncated or partly extracted source loses far more."""

COUNTS = ("pairs", "linked_pairs", "zh_sentences", "en_sentences")
_LABELS = {
    "pairs": "pairs",
    "linked_pairs": "linked pairs",
    "zh_sentences": "zh sentences",
    "en_sentences": "en sentences",
}


def content_digest(record: Record) -> str:
    """SHA-256 of what the parser made of a file: metadata, turns and sentences (ids, text,
    matching form). Two files with the same digest give the same alignment."""
    turns = [
        [
            t.index,
            t.role,
            t.speaker,
            t.honorific,
            t.country,
            t.country_code,
            t.spoken_language,
            t.is_original,
            t.header,
            t.title,
            [[s.id, s.text, s.norm, s.paragraph, s.index] for s in t.sentences()],
        ]
        for t in record.turns
    ]
    payload = [record.language, asdict(record.meta), turns]
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def alignment_counts(alignment: RecordAlignment) -> dict[str, int]:
    pairs = alignment.pairs
    return {
        "pairs": len(pairs),
        "linked_pairs": sum(1 for p in pairs if p.zh_ids and p.en_ids),
        "zh_sentences": sum(1 for _ in alignment.zh.sentences()),
        "en_sentences": sum(1 for _ in alignment.en.sentences()),
    }


def counts_of(pairs: list[StoredPair], sentences: dict[str, int]) -> dict[str, int]:
    """The stored version's counts (see COUNTS) from its pairs and sentences per language."""
    return {
        "pairs": len(pairs),
        "linked_pairs": sum(1 for p in pairs if p.zh_ids and p.en_ids),
        "zh_sentences": int(sentences.get("zh", 0)),
        "en_sentences": int(sentences.get("en", 0)),
    }


def version_changes(
    before: dict[str, int],
    after: dict[str, int],
    stored: list[StoredPair],
    texts: dict[int, tuple[str, str]],
    *,
    version: int,
    dropped: list[tuple[StoredPair, str]],
    carried: int | None,
    corrections_of: Callable[[int], int],
) -> VersionChanges:
    """What a re-import changes: counts, and the reviewed pairs it leaves behind (`texts`:
    stored pair id → (zh, en); `corrections_of`: correction rows attached to a pair)."""
    losses = [
        ReviewLoss(
            pair_id=p.id,
            version=version,
            zh=texts[p.id][0],
            en=texts[p.id][1],
            status=p.status,
            reviewed_by=p.reviewed_by,
            corrections=corrections_of(p.id),
            reason=why,
        )
        for p, why in dropped
    ]
    return VersionChanges(
        before=before,
        after=after,
        reviewed=sum(p.reviewed for p in stored),
        carried=carried,
        not_carried=losses,
    )


def shrinkage(
    before: dict[str, int], after: dict[str, int], max_shrink: float = MAX_SHRINK
) -> list[str]:
    """One phrase per count that falls by more than `max_shrink` of its stored value (and by
    more than one: a single merged pair in a short record is not a shrinking record)."""
    out = []
    for key in COUNTS:
        if key not in before or key not in after:
            continue
        old, new = before[key], after[key]
        drop = old - new
        if drop > 1 and drop > max_shrink * old:
            out.append(f"{_LABELS[key]} {old} → {new} (-{100.0 * drop / old:.1f} %)")
    return out


class ReimportRefused(ConflictError):
    """A re-import would lose review work or much of the record; nothing was written."""

    exit_code = 5

    def __init__(self, symbol: str, changes: VersionChanges, problems: list[str]) -> None:
        self.symbol = symbol
        self.changes = changes
        self.problems = problems
        super().__init__(
            f"{symbol}: not re-imported: the new files would {'; and '.join(problems)}. "
            "Nothing was changed. To store them anyway as a new version (the current one and "
            "its corrections are kept, readable), use --force (API: force=true)"
        )

    def details(self) -> dict[str, object]:
        """For a job's result: what would have changed."""
        return {"symbol": self.symbol, "problems": self.problems, "changes": asdict(self.changes)}


def check_reimport(symbol: str, changes: VersionChanges, *, max_shrink: float = MAX_SHRINK) -> None:
    """Raise ReimportRefused when `changes` would drop reviewed pairs or shrink the record."""
    problems = []
    if changes.not_carried:
        n = len(changes.not_carried)
        shown = ", ".join(
            f"pair {loss.pair_id} ({loss.status}"
            + (f" by {loss.reviewed_by}" if loss.reviewed_by else "")
            + f": {_excerpt(loss.zh or loss.en)})"
            for loss in changes.not_carried[:3]
        )
        more = f" and {n - 3} more" if n > 3 else ""
        problems.append(
            f"leave {n} of {changes.reviewed} reviewed pairs behind, their sentences changed: "
            f"{shown}{more}"
        )
    shrunk = shrinkage(changes.before, changes.after, max_shrink)
    if shrunk:
        problems.append("shrink the record: " + ", ".join(shrunk))
    if problems:
        raise ReimportRefused(symbol, changes, problems)


def _excerpt(text: str, n: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
