"""Text fidelity on official UN records: which PDF engine, and what `verbalign parse` outputs.

    python -m bench.real_pdf                 # every PDF and text record in ../shared/real
    python -m bench.real_pdf --repair        # + the split-word repair on damaged and clean text
    python -m bench.real_pdf --json out.json

For every PDF in ../shared/real/pdf and every word engine (aligner.ingest.pdf_words), the
text verbalign's PDF reading gives (engine words -> columns, furniture removed) is compared
with the reference users compare with: poppler's plain `pdftotext` text of the same page.
Then the same for the full `verbalign parse` output path (speaker headers and sentences,
after paragraph rebuilding, hyphenation and repairs), which is the acceptance measure.

Columns:
- words: word tokens output;
- agree %: share of those tokens that are tokens of poppler's plain text of the same page,
  counted as multisets per page (each reference token matches once). Tokens are compared
  case-folded, without surrounding punctuation, with hyphens and soft hyphens removed (poppler
  joins a word hyphenated at a line end without its hyphen; "non-proliferation" and
  "nonproliferation" are the same token here) and with typographic apostrophes unified;
- split: neighbouring tokens whose join is an English word (wordfreq Zipf >= 3) while a piece
  is not one (a single letter other than a/A/I, or Zipf < 2.5): "draf t", "o f", "W e" (a
  capital letter before a word, "resolution V is", is not counted);
- furniture: output lines (sentences for `parse`) holding a job number, barcode, page
  counter, running header, the record's own symbol or the correction notice;
- s: seconds (wall clock; the machine is shared, compare within one run).
Parse output is mapped to pages by walking it in step with the PDF reading's lines, whose
pages are known (a word hyphenated across a page break counts as a miss).
The text records (../shared/real/text) get the furniture and split-word columns (their
words column counts characters for Chinese).
"""

from __future__ import annotations

import argparse
import ctypes
import itertools
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aligner.ingest.lexicon import zipf
from aligner.ingest.patterns import GLUED_FOOTER
from aligner.ingest.pdf import read_pdf
from aligner.ingest.pdf_pdfium import PdfiumEngine
from aligner.ingest.pdf_pdfplumber import PdfplumberEngine
from aligner.ingest.pdf_words import Word, engine_names, register_engine
from aligner.ingest.split_words import rejoin_split_words

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"

_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
_HYPHENS = re.compile(r"[-\u00ad\u2010\u2011\u2012\u0002]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_ALPHA = re.compile(r"^[A-Za-z\u00c0-\u024f]+$")
_FURNITURE = [
    re.compile(r"(?<![\d-])\d{2}-\d{5}(?![\d-])"),  # job number
    re.compile(r"\*\d{6,}\*"),  # barcode
    GLUED_FOOTER,
    re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"),  # page counter alone
    re.compile(r"^\s*\d{1,3}\s*$"),  # page number alone
    re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\s*$"),  # header date
    re.compile(
        r"^\s*(?:General Assembly|Security Council)\s*[-–—]?\s*"
        r"(?:[A-Z][a-z]+-)?[A-Za-z]+\s+(?:session|year)\s*$"
    ),  # running header of older layouts
    re.compile(
        r"This record (?:contains|is subject to correction)|Corrections (?:should|will) be"
        r"|Official Document System|Verbatim Reporting"
    ),
]


def tokens(text: str) -> list[str]:
    """Comparable word tokens of a text (see the module docstring)."""
    out = []
    for raw in unicodedata.normalize("NFKC", text).split():
        tok = _EDGE_PUNCT.sub("", _HYPHENS.sub("", raw.replace("\u2019", "'"))).casefold()
        if tok:
            out.append(tok)
    return out


def _is_word(piece: str) -> bool:
    if len(piece) == 1:
        return piece in ("a", "A", "I")
    return zipf(piece) >= 2.5


def split_words(text: str) -> list[str]:
    """Neighbouring tokens that look like one word split in two."""
    found = []
    raw = text.split()
    for a, b in itertools.pairwise(raw):
        left, right = _EDGE_PUNCT.sub("", a), _EDGE_PUNCT.sub("", b)
        if a != a.rstrip(".,;:!?)”’\"'") or b != b.lstrip("(“‘\"'"):
            continue  # punctuation between them: two words
        if not (_ALPHA.match(left) and _ALPHA.match(right)):
            continue
        if right[:1].isupper() or (len(left) == 1 and left.isupper() and _is_word(right)):
            continue  # "resolution V is", "Plan B and": a letter and a word
        if zipf(left + right) >= 3.0 and not (_is_word(left) and _is_word(right)):
            found.append(f"{left} {right}")
    return found


def furniture_lines(lines: list[str], symbol: str | None) -> list[str]:
    own = None
    if symbol:
        own = re.compile(r"\s*".join(re.escape(c) for c in symbol.replace(" ", "")))
    return [
        line
        for line in lines
        if any(p.search(line) for p in _FURNITURE) or (own is not None and own.search(line))
    ]


def reference_pages(path: Path) -> list[str]:
    """poppler's plain pdftotext text of each page."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return out.split("\f")


def page_agreement(
    words_by_page: dict[int, list[str]], reference: list[str]
) -> tuple[int, int, Counter[str]]:
    """(tokens output, tokens found in the same page's reference, the misses)."""
    total = agree = 0
    misses: Counter[str] = Counter()
    for page, words in words_by_page.items():
        ours = Counter(words)
        ref = Counter(tokens(reference[page])) if page < len(reference) else Counter()
        total += sum(ours.values())
        agree += sum((ours & ref).values())
        misses.update(ours - ref)
    return total, agree, misses


@dataclass
class Row:
    record: str
    what: str
    words: int = 0
    agree: float = 0.0
    split: int = 0
    furniture: int = 0
    seconds: float = 0.0
    symbol: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    misses: list[tuple[str, int]] = field(default_factory=list)
    split_examples: list[str] = field(default_factory=list)
    furniture_examples: list[str] = field(default_factory=list)


def _symbol_of(path: Path) -> str:
    # A-48-PV.46.en.pdf -> A/48/PV.46
    return path.name.split(".en.")[0].replace("-", "/")


def engine_row(path: Path, engine: str, reference: list[str]) -> Row:
    data = path.read_bytes()
    t0 = time.perf_counter()
    pdf = read_pdf(data, engine)
    seconds = time.perf_counter() - t0
    lines = pdf.text.split("\n")
    by_page: dict[int, list[str]] = {}
    for line, page in zip(lines, pdf.line_pages, strict=True):
        by_page.setdefault(page, []).extend(tokens(line))
    total, agree, misses = page_agreement(by_page, reference)
    splits = [s for line in lines for s in split_words(line)]
    furniture = furniture_lines(lines, _symbol_of(path))
    what = engine if pdf.engine == engine else f"{engine} (fell back to {pdf.engine})"
    return Row(
        path.name,
        what,
        total,
        100.0 * agree / max(total, 1),
        len(splits),
        len(furniture),
        seconds,
        warnings=pdf.warnings,
        misses=misses.most_common(8),
        split_examples=splits[:8],
        furniture_examples=furniture[:5],
    )


def parse_row(path: Path, reference: list[str]) -> Row:
    """The acceptance measure: the words `verbalign parse --json` prints, page by page."""
    from aligner.parse import parse_record

    t0 = time.perf_counter()
    record = parse_record(path)
    seconds = time.perf_counter() - t0
    pdf = read_pdf(path.read_bytes())
    stream = [
        (tok, page)
        for line, page in zip(pdf.text.split("\n"), pdf.line_pages, strict=True)
        for tok in tokens(line)
    ]
    texts = []
    for turn in record.turns:
        if turn.header:
            texts.append(turn.header)
        texts.extend(s.text for s in turn.sentences())
    by_page = pages_of(texts, stream)
    total, agree, misses = page_agreement(by_page, reference)
    splits = [s for text in texts for s in split_words(text)]
    furniture = furniture_lines(texts, record.meta.symbol or _symbol_of(path))
    return Row(
        path.name,
        "verbalign parse",
        total,
        100.0 * agree / max(total, 1),
        len(splits),
        len(furniture),
        seconds,
        record.meta.symbol,
        record.meta.date,
        record.warnings,
        misses.most_common(8),
        splits[:8],
        furniture[:5],
    )


def pages_of(texts: list[str], stream: list[tuple[str, int]]) -> dict[int, list[str]]:
    """Each output token's page, from the longest common subsequence blocks of the output
    and the PDF reading's tokens (difflib); a token between blocks (joined from two, as a
    word hyphenated at a line end is) takes the page of the matched token before it."""
    from difflib import SequenceMatcher

    out = [tok for text in texts for tok in tokens(text)]
    page_at = [0] * len(out)
    matcher = SequenceMatcher(None, out, [tok for tok, _ in stream])
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            page_at[block.a + k] = stream[block.b + k][1]
    matched = {block.a + k for block in matcher.get_matching_blocks() for k in range(block.size)}
    by_page: dict[int, list[str]] = {}
    page = stream[0][1] if stream else 0
    for i, tok in enumerate(out):
        if i in matched:
            page = page_at[i]
        by_page.setdefault(page, []).append(tok)
    return by_page


def text_row(path: Path) -> Row:
    from aligner.parse import parse_record

    t0 = time.perf_counter()
    record = parse_record(path)
    seconds = time.perf_counter() - t0
    texts = [t.header for t in record.turns if t.header]
    texts += [s.text for s in record.sentences()]
    splits = [s for t in texts for s in split_words(t)] if record.language == "en" else []
    furniture = furniture_lines(texts, record.meta.symbol)
    # Chinese is counted in characters (it has no spaces between words).
    size = (
        sum(len(tokens(t)) for t in texts)
        if record.language == "en"
        else sum(len(_HAN.findall(t)) for t in texts)
    )
    return Row(
        path.name,
        "verbalign parse",
        size,
        float("nan"),
        len(splits),
        len(furniture),
        seconds,
        record.meta.symbol,
        record.meta.date,
        record.warnings,
        split_examples=splits[:8],
        furniture_examples=furniture[:5],
    )


# --- the extraction verbalign used before this benchmark, for the before/after figures ---


@register_engine("pdfplumber-tight")
class TightPdfplumberEngine(PdfplumberEngine):
    """pdfplumber with the tolerances verbalign used before they were measured."""

    x_tolerance = 1.5
    y_tolerance = 2.0


@register_engine("pdfium-gaps")
class GapPdfiumEngine(PdfiumEngine):
    """PDFium words cut at every gap between character boxes wider than 0.6 of the font
    size PDFium reports (1.0 for text set through a scaled matrix, as UN records are):
    the word building verbalign used before this benchmark."""

    def words(self, textpage: Any, height: float, c: Any) -> list[Word]:
        raw = textpage.raw
        box = c.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        words: list[Word] = []
        current: Word | None = None
        for i in range(c.FPDFText_CountChars(raw)):
            code = c.FPDFText_GetUnicode(raw, i)
            ch = "-" if code == 2 else chr(code)
            if c.FPDFText_IsGenerated(raw, i) or ch.isspace() or ord(ch) < 32:
                current = None
                continue
            c.FPDFText_GetLooseCharBox(raw, i, box)
            c.FPDFText_GetCharOrigin(raw, i, ox, oy)
            size = float(c.FPDFText_GetFontSize(raw, i)) or 10.0
            top = height - oy.value - 0.8 * size
            if (
                current is not None
                and abs(current.top - top) < 0.3 * size
                and -0.5 * size < box.left - current.x1 < 0.6 * size
            ):
                current.text += ch
                current.x1 = max(current.x1, box.right)
                continue
            current = Word(ch, box.left, max(box.right, box.left), top, top + size, size)
            words.append(current)
        return words


def repair_rows(pdfs: list[Path], unpc: Path) -> list[dict]:
    """The split-word repair on text with real extraction damage (the old PDFium word
    building's output) and on clean text (UNPC English): what it fixes, what it breaks."""
    rows = []
    for path in pdfs:
        reference = reference_pages(path)
        pdf = read_pdf(path.read_bytes(), "pdfium-gaps")
        before: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        split_before = split_after = 0
        for line, page in zip(pdf.text.split("\n"), pdf.line_pages, strict=True):
            repaired = rejoin_split_words(line)
            before.setdefault(page, []).extend(tokens(line))
            after.setdefault(page, []).extend(tokens(repaired))
            split_before += len(split_words(line))
            split_after += len(split_words(repaired))
        tb, ab, _ = page_agreement(before, reference)
        ta, aa, _ = page_agreement(after, reference)
        rows.append(
            {
                "text": f"{path.name} (old PDFium words)",
                "agree before": f"{100 * ab / tb:.2f}",
                "agree after": f"{100 * aa / ta:.2f}",
                "split before": split_before,
                "split after": split_after,
            }
        )
    lines = unpc.read_text(encoding="utf-8").splitlines()
    t0 = time.perf_counter()
    changed = [(line, out) for line in lines if (out := rejoin_split_words(line)) != line]
    seconds = time.perf_counter() - t0
    rows.append(
        {
            "text": f"UNPC dev English ({len(lines)} clean sentences)",
            "lines changed": len(changed),
            "seconds": f"{seconds:.2f}",
            "changes": [f"{a}  =>  {b}" for a, b in changed[:10]],
        }
    )
    return rows


def _table(rows: list[Row], pdf: bool) -> str:
    head = ["record", "what", "words", "agree %", "split", "furniture", "s"]
    if not pdf:
        head = ["record", "words", "split", "furniture", "s"]
    head += ["symbol", "date"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r.record, r.what, str(r.words), f"{r.agree:.2f}"] if pdf else [r.record]
        if not pdf:
            cells.append(str(r.words))
        cells += [str(r.split), str(r.furniture), f"{r.seconds:.2f}"]
        cells += [r.symbol or ("" if r.what != "verbalign parse" else "—"), r.date or ""]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--real", type=Path, default=REAL, help="the folder with pdf/ and text/")
    ap.add_argument(
        "--engines",
        nargs="*",
        default=["poppler", "pdfium", "pdfplumber", "pdfplumber-tight", "pdfium-gaps"],
        help=f"word engines to compare (registered: {', '.join(engine_names())})",
    )
    ap.add_argument("--repair", action="store_true", help="also measure the split-word repair")
    ap.add_argument("--details", action="store_true", help="print misses and examples")
    ap.add_argument("--json", type=Path, help="write every row as JSON here")
    args = ap.parse_args(argv)

    pdfs = sorted((args.real / "pdf").glob("*.pdf"))
    texts = sorted((args.real / "text").glob("*.txt"))
    pdf_rows: list[Row] = []
    for path in pdfs:
        reference = reference_pages(path)
        for engine in args.engines:
            pdf_rows.append(engine_row(path, engine, reference))
        pdf_rows.append(parse_row(path, reference))
        print(f"{path.name} done", file=sys.stderr)
    text_rows = [text_row(path) for path in texts if path.name.split(".")[-2] in ("en", "zh")]

    print("## PDFs: words against poppler's plain text of the same page\n")
    print(_table(pdf_rows, pdf=True))
    print("\nTotals per engine (all PDFs):\n")
    print("| what | words | agree % | split | furniture | s |\n|---|---|---|---|---|---|")
    for what in dict.fromkeys(r.what.split(" (")[0] for r in pdf_rows):
        rows = [r for r in pdf_rows if r.what.split(" (")[0] == what]
        words = sum(r.words for r in rows)
        agree = sum(r.agree * r.words for r in rows) / max(words, 1)
        print(
            f"| {what} | {words} | {agree:.2f} | {sum(r.split for r in rows)} | "
            f"{sum(r.furniture for r in rows)} | {sum(r.seconds for r in rows):.2f} |"
        )
    print("\n## Text records: `verbalign parse` output\n")
    print(_table(text_rows, pdf=False))
    if args.details:
        for r in pdf_rows + text_rows:
            print(f"\n{r.record} / {r.what}: warnings {r.warnings}")
            print(f"  misses {r.misses}\n  split {r.split_examples}")
            print(f"  furniture {r.furniture_examples}")
    repair = []
    if args.repair:
        repair = repair_rows(pdfs, args.real / "unpc-dev" / "en.txt")
        print("\n## Split-word repair\n")
        for row in repair:
            print(" | ".join(f"{k}: {v}" for k, v in row.items() if k != "changes"))
            for change in row.get("changes", []):
                print(f"    {change}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "pdf": [asdict(r) for r in pdf_rows],
                    "text": [asdict(r) for r in text_rows],
                    "repair": repair,
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
