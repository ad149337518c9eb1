"""The key a record's QA report is cached under (the cache itself is the store's:
`store.qa_reports`; aligner/pipeline/qa_report.py is the one path CLI and API take).

The key is a digest of everything the report depends on: the record's pairs as they are now
(text, ids, direction), the glossary entries the term check enforces, the QA version and a
digest of the QA code and its data files (so a report made by other checks is never served,
even when nobody bumped the version), the checks run, whether the semantic check ran and
with which embedding model. A reviewer's correction, a re-import or a glossary edit therefore
gives a new key, and the old report is never served again. Reports are stored at severity
"info"; a request for fewer flags filters the cached one (RecordReport.at_severity).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parents[1]
_CODE = ("qa", "data")
"""aligner/qa (checks, calibrations, their data) and aligner/data (the Member State table)."""


@cache
def qa_code_digest() -> str:
    """Digest of the files the checks are made of, read once per process."""
    digest = hashlib.sha256()
    for folder in _CODE:
        for f in sorted((_PACKAGE / folder).rglob("*")):
            if f.is_file() and f.suffix != ".pyc":
                digest.update(f.relative_to(_PACKAGE).as_posix().encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()


def report_key(
    symbol: str,
    pairs: Iterable[Any],
    *,
    glossary: Sequence[dict[str, Any]],
    checks: Sequence[str] | None,
    semantic: bool,
    model: str | None,
) -> str:
    """Digest of everything a record's QA report depends on (see the module docstring);
    `pairs` are the record's stored pairs in reading order."""
    from aligner.qa.report import QA_VERSION

    digest = hashlib.sha256()

    def add(value: Any) -> None:
        digest.update(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode())
        digest.update(b"\n")

    add(
        [
            QA_VERSION,
            qa_code_digest(),
            symbol,
            sorted(checks) if checks else None,
            semantic,
            model if semantic else None,
        ]
    )
    for row in pairs:
        add([row.id, row.zh, row.en, row.original, row.zh_turn, row.en_turn])
    for entry in sorted(glossary, key=lambda e: str(e.get("id"))):
        add([entry.get(k) for k in _GLOSSARY_FIELDS])
    return digest.hexdigest()


_GLOSSARY_FIELDS = ("id", "zh", "en", "type", "status", "confidence", "zh_variants", "en_variants")


def ReportCache(store: Any) -> Any:
    """The store's QA report cache (`store.qa_reports`), for callers of the class this module
    used to define."""
    return store.qa_reports
