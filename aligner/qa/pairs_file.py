"""Free pairs to check, one JSON object a line: {"id": ..., "zh": ..., "en": ...}.

An optional "original" ("zh" or "en") says which side the speaker used. The file is decoded
like every other input (aligner.ingest.source: UTF-8, or UTF-16/32 with a byte-order mark), and
a JSON escape that yields no text (a lone surrogate such as "\\ud800") is refused like a bad
byte. Every problem is an InputError naming the file and the line, raised before any pair is
checked, so a bad file produces no partial output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from aligner.errors import EmptyInputError, InputError
from aligner.ingest.source import check_unicode, decode_bytes
from aligner.qa.check import PairView

MAX_PAIRS = 100_000
MAX_TEXT_CHARS = 20_000


def parse_pairs(lines: Iterable[str], *, source: str = "input") -> list[PairView]:
    views: list[PairView] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source} line {n}"
        try:
            row = json.loads(line.lstrip("\ufeff"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        except RecursionError:
            raise InputError(f"{where}: JSON nested too deeply") from None
        if not isinstance(row, dict):
            raise InputError(f'{where}: expected an object {{"id", "zh", "en"}}')
        missing = [k for k in ("id", "zh", "en") if k not in row]
        if missing:
            raise InputError(f"{where}: missing field(s) {', '.join(missing)}")
        pair_id = row["id"]
        if not isinstance(pair_id, str | int) or isinstance(pair_id, bool) or str(pair_id) == "":
            raise InputError(f"{where}: id must be a non-empty string or an integer")
        if isinstance(pair_id, str):
            check_unicode(pair_id, name=source, line=n)
        for key in ("zh", "en"):
            if not isinstance(row[key], str):
                raise InputError(f"{where}: {key} must be a string")
            check_unicode(row[key], name=source, line=n)
            if len(row[key]) > MAX_TEXT_CHARS:
                raise InputError(f"{where}: {key} is longer than {MAX_TEXT_CHARS} characters")
        original = row.get("original")
        if original not in (None, "zh", "en"):
            raise InputError(f'{where}: original must be "zh", "en" or null')
        if str(pair_id) in seen:
            raise InputError(f"{where}: duplicate id {pair_id!r}")
        seen.add(str(pair_id))
        views.append(PairView(str(pair_id), row["zh"], row["en"], original))
        if len(views) > MAX_PAIRS:
            raise InputError(f"{source}: more than {MAX_PAIRS} pairs; split the file")
    if not views:
        raise EmptyInputError(f"{source}: no pairs (expected one JSON object per line)")
    return views


def read_pairs(path: Path) -> list[PairView]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = decode_bytes(raw, name=str(path))
    # split("\n"), not splitlines(): U+2028 or a form feed inside a JSON string is no line end.
    return parse_pairs(text.split("\n"), source=str(path))
