"""What `corpus build` reads: record pairs from a folder or from a manifest file.

A folder: files `<name>.<lang>.<ext>` (also `<name>_<lang>` / `<name>-<lang>`), `lang` zh or en,
`ext` txt or pdf, anywhere below it, pair by `name` (`S-PV-9642.zh.txt` + `S-PV-9642.en.pdf`).
Files of the other official languages (`.fr.txt`...) are left out. A file whose name carries no
language is read instead: its language is detected and its symbol found on its cover or in its
running headers, and it pairs by symbol.

A manifest: CSV with a header naming `zh` and `en` columns (and optionally `name`), or JSONL
with one `{"zh": ..., "en": ..., "name": ...}` object per line. Paths are local, relative to
the manifest's folder, or `file://` URLs; nothing is downloaded.

Problems (a missing file, a file with no counterpart, an unreadable line) never stop the
discovery: each comes back as an InputProblem for the error report.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from aligner.errors import InputError, VerbalignError

EXTENSIONS = (".txt", ".pdf")
_NAMED = re.compile(r"^(?P<name>.+?)[._-](?P<lang>zh|en|ZH|EN|ar|es|fr|ru|AR|ES|FR|RU)$")
MAX_MANIFEST_BYTES = 64 * 2**20


@dataclass(frozen=True)
class PairSpec:
    """A zh and an en file that should be the same meeting, as the input listed them."""

    name: str
    """The pairing key: the file-name stem (`S-PV-9642`) or the symbol read from the cover."""
    zh: str
    en: str
    index: int = 0
    """Position in the input: duplicates and symbol clashes keep the first."""


@dataclass
class InputProblem:
    pair: str
    message: str
    stage: str = "input"


@dataclass
class Discovery:
    pairs: list[PairSpec] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    ignored: int = 0
    """Files of other languages left out."""


def discover_pairs(path: str | Path) -> Discovery:
    p = Path(path)
    if not p.exists():
        raise InputError(f"input not found: {p}")
    if p.is_dir():
        return _from_folder(p)
    if p.suffix.lower() in (".csv", ".jsonl", ".ndjson", ".json"):
        return _from_manifest(p)
    raise InputError(
        f"{p} is neither a folder of records nor a manifest (.csv with zh,en columns or .jsonl)"
    )


# --- folders --------------------------------------------------------------------------------


def _from_folder(root: Path) -> Discovery:
    out = Discovery()
    files = sorted(f for f in root.rglob("*") if f.is_file() and f.suffix.lower() in EXTENSIONS)
    by_name: dict[str, dict[str, list[Path]]] = {}
    for f in files:
        m = _NAMED.match(f.name[: -len(f.suffix)])
        if m is None:
            name, lang = _sniff(f, out)
            if name is None:
                continue
        else:
            name, lang = m["name"], m["lang"].lower()
            if lang not in ("zh", "en"):
                out.ignored += 1
                continue
        by_name.setdefault(name, {}).setdefault(lang, []).append(f)
    for name in sorted(by_name):
        sides = by_name[name]
        chosen = {}
        for lang in ("zh", "en"):
            candidates = sides.get(lang, [])
            if len(candidates) > 1:
                # The extracted text and the PDF of the same record: the text is read as is,
                # the PDF has to be extracted first; both at once would be the same pair twice.
                candidates.sort(key=lambda f: (f.suffix.lower() != ".txt", str(f)))
                out.problems.append(
                    InputProblem(
                        name,
                        f"{len(candidates)} {lang} files for {name} "
                        f"({', '.join(c.name for c in candidates)}); using {candidates[0].name}",
                        stage="duplicate",
                    )
                )
            if candidates:
                chosen[lang] = candidates[0]
        missing = [lang for lang in ("zh", "en") if lang not in chosen]
        if missing:
            have = next(iter(chosen.values()))
            out.problems.append(
                InputProblem(name, f"{have.name} has no {missing[0]} counterpart in the folder")
            )
            continue
        out.pairs.append(PairSpec(name, str(chosen["zh"]), str(chosen["en"]), len(out.pairs)))
    return out


def _sniff(path: Path, out: Discovery) -> tuple[str | None, str]:
    """(symbol, language) read from a file whose name does not say them."""
    from aligner.ingest.furniture import split_lines
    from aligner.ingest.language import detect_language
    from aligner.ingest.source import decode_text, load_source
    from aligner.parse.metadata import find_symbol

    try:
        src = load_source(path)
        if src.kind == "pdf":
            from aligner.ingest.pdf import read_pdf

            text = read_pdf(src.raw).text
        else:
            text = decode_text(src.raw)
        lang = detect_language(text)
        symbol = find_symbol(split_lines(text)[:400])
    except VerbalignError as exc:
        out.problems.append(InputProblem(path.name, f"cannot pair {path.name}: {exc}"))
        return None, ""
    if symbol is None:
        out.problems.append(
            InputProblem(
                path.name,
                f"cannot pair {path.name}: no record symbol on its cover; name it "
                "<symbol>.zh.txt / <symbol>.en.txt or list it in a manifest",
            )
        )
        return None, ""
    return symbol, lang


# --- manifests ------------------------------------------------------------------------------


def _from_manifest(path: Path) -> Discovery:
    out = Discovery()
    size = path.stat().st_size
    if size > MAX_MANIFEST_BYTES:
        raise InputError(f"{path} is {size // 2**20} MiB; a manifest is at most 64 MiB")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    if path.suffix.lower() == ".csv":
        rows = list(_csv_rows(text, path))
    else:
        rows = list(_jsonl_rows(text, out))
    base = path.parent
    for line, row in rows:
        label = str(row.get("name") or f"line {line}")
        try:
            zh = _local_path(row.get("zh"), base, "zh")
            en = _local_path(row.get("en"), base, "en")
        except InputError as exc:
            out.problems.append(InputProblem(label, f"{path.name} line {line}: {exc}"))
            continue
        name = str(row.get("name") or _stem(zh))
        out.pairs.append(PairSpec(name, str(zh), str(en), len(out.pairs)))
    return out


def _csv_rows(text: str, path: Path):
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
    if not {"zh", "en"} <= fields:
        raise InputError(f"{path} needs a header line with zh and en columns (and optionally name)")
    for k, row in enumerate(reader, start=2):
        yield k, {(key or "").strip().lower(): (v or "").strip() for key, v in row.items()}


def _jsonl_rows(text: str, out: Discovery):
    for k, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            out.problems.append(InputProblem(f"line {k}", f"line {k} is not JSON: {exc}"))
            continue
        if not isinstance(row, dict):
            out.problems.append(InputProblem(f"line {k}", f"line {k} is not a JSON object"))
            continue
        yield k, row


def _local_path(value: object, base: Path, lang: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"no {lang} file given")
    value = value.strip()
    parsed = urlparse(value)
    if parsed.scheme == "file":
        if parsed.netloc not in ("", "localhost"):
            raise InputError(f"{value}: only local file:// URLs are read")
        p = Path(unquote(parsed.path))
    elif parsed.scheme and len(parsed.scheme) > 1:  # (a one-letter scheme is a drive letter)
        raise InputError(
            f"{value}: only local paths and file:// URLs are read, not {parsed.scheme}"
        )
    else:
        p = Path(value)
        if not p.is_absolute():
            p = base / p
    if not p.is_file():
        raise InputError(f"{lang} file not found: {p}")
    return p


def _stem(path: Path) -> str:
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    m = _NAMED.match(stem)
    return m["name"] if m else stem
