"""Fuzzing every way text comes in: thousands of mutated records, sentence files and JSONL
lines (lone surrogates, byte-order marks, UTF-16/32, control characters, truncated and
shuffled lines, broken JSON) go through the same functions the CLI and the API call — parse,
align-sentences (with the hashing embedder) and qa check. Each must end in a result or in one
of the typed errors of aligner.errors, never in another exception.

Hypothesis runs derandomized (the same examples on every run, so CI is stable); the seeds are
the small record pair written for the API tests and the opening of the bundled S/PV.9132
record (UN official Chinese text; the English is the project's test rendering).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.errors import VerbalignError

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "zh-small": (ROOT / "tests/api/data/zh.txt").read_text("utf-8"),
    "en-small": (ROOT / "tests/api/data/en.txt").read_text("utf-8"),
    "zh-9132": "\n".join((ROOT / "corpora/S-PV-9132/zh.txt").read_text("utf-8").splitlines()[:80]),
    "en-9132": "\n".join((ROOT / "corpora/S-PV-9132/en.txt").read_text("utf-8").splitlines()[:80]),
}
# What turns up in real input and breaks naive code: lone surrogates (only a str or a JSON
# escape can carry them), byte-order marks, NUL and other controls, line and paragraph
# separators, noncharacters, bidi overrides, combining marks, full-width and Traditional
# forms, speaker-header fragments, brackets left open.
FRAGMENTS = [
    "\ud800",
    "\udfff",
    "\ud83d",
    "\ufeff",
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\r",
    "\r\n",
    "\u2028",
    "\u2029",
    "\u0085",
    "\ufffe",
    "\uffff",
    "\ufffd",
    "\u202e",
    "\u200b",
    "\u0301\u0301\u0301",
    "１２３．５",
    "安全理事會",
    "主席（以法语发言）：",
    "The President (spoke in French):",
    "Mr. X (",
    "（",
    "S/PV.",
    "A/RES/",
    "第",
    "%PDF-1.7",
    "\t",
    "10时05分",
    "10.05 a.m.",
    "1 000 000",
    "-",
    "—",
    "……",
    "𠀀𪚥",
    "😀",
]
BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "gb18030"]
FUZZ = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def mutated_text(draw: st.DrawFn, seed: str | None = None) -> str:
    """A seed text after a few character- and line-level mutations."""
    text = seed if seed is not None else draw(st.sampled_from(sorted(SEEDS.values())))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "shuffle", "truncate", "junk"]))
        n = len(text)
        at = draw(st.integers(0, n))
        if op == "insert":
            frag = draw(st.sampled_from(FRAGMENTS)) * draw(st.integers(1, 3))
            text = text[:at] + frag + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif op == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 300))] * 2 + text[at:]
        elif op == "shuffle":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == "truncate":
            text = text[:at]
        else:
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
    return text


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    """A mutated text encoded in some encoding (lone surrogates passed through as the bytes a
    careless encoder writes), then a few byte-level mutations."""
    text = draw(mutated_text())
    codec = draw(st.sampled_from(CODECS))
    raw = text.encode(codec, errors="surrogatepass" if "utf" in codec else "replace")
    raw = draw(st.sampled_from(BOMS)) + raw if codec in ("utf-8", "utf-16-le") else raw
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(raw)))
        op = draw(st.sampled_from(["flip", "insert", "cut"]))
        if op == "flip" and at < len(raw):
            raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
        elif op == "insert":
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
        else:
            raw = raw[:at]
    return raw


def _typed_only(call: Any, *args: Any, **kwargs: Any) -> Any:
    """The call's result, or None when it raised a typed error; anything else fails the test."""
    try:
        return call(*args, **kwargs)
    except VerbalignError as exc:
        message = str(exc)
        assert message and "\n" not in message.strip(), repr(message)
        message.encode("utf-8")  # the CLI prints it, the API sends it: it must be text
        return None


# --- parse -------------------------------------------------------------------------------


@FUZZ
@given(raw=mutated_bytes(), lang=st.sampled_from([None, "zh", "en"]))
def test_parse_survives_mutated_record_files(raw: bytes, lang: str | None) -> None:
    from aligner.parse import parse_record

    record = _typed_only(parse_record, raw, lang=lang, name="fuzz.txt")
    if record is not None:
        json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(text=mutated_text(), lang=st.sampled_from([None, "zh", "en"]))
def test_parse_survives_mutated_record_strings(text: str, lang: str | None) -> None:
    from aligner.parse import parse_record

    if "\n" not in text:
        text += "\n"  # a one-line str could be taken for a path
    record = _typed_only(parse_record, text, lang=lang, name="fuzz")
    if record is not None:
        json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


# --- align-sentences -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@settings(FUZZ, max_examples=250)
@given(src=mutated_bytes(), tgt=mutated_bytes())
def test_align_sentences_survives_mutated_sentence_files(
    tmp_path_factory: pytest.TempPathFactory, embedder: HashingEmbedder, src: bytes, tgt: bytes
) -> None:
    from aligner.align.sentences import align_sentences
    from aligner.cli.align import read_sentence_file

    folder = tmp_path_factory.mktemp("align", numbered=True)
    (folder / "src.txt").write_bytes(src)
    (folder / "tgt.txt").write_bytes(tgt)

    def run() -> list[Any]:
        src_lines = read_sentence_file(folder / "src.txt", "source")
        tgt_lines = read_sentence_file(folder / "tgt.txt", "target")
        # keep the grid small: this is about odd text, not about size
        return align_sentences(
            src_lines[:40], tgt_lines[:40], src_lang="zh", tgt_lang="en", embedder=embedder
        )

    links = _typed_only(run)
    if links is not None:
        assert all(0.0 <= link.confidence <= 1.0 for link in links)


# --- qa check --------------------------------------------------------------------------------


@st.composite
def jsonl_line(draw: st.DrawFn) -> str:
    """One line of a qa check file: mostly well-formed objects with mutated texts (lone
    surrogates travel as JSON escapes), sometimes broken JSON or wrong shapes."""
    zh = draw(mutated_text(draw(st.sampled_from([SEEDS["zh-small"], SEEDS["zh-9132"]]))))
    en = draw(mutated_text(draw(st.sampled_from([SEEDS["en-small"], SEEDS["en-9132"]]))))
    # pair-sized texts: the checks' cost grows with length, the oddities do not
    start = draw(st.integers(0, 400))
    zh, en = (
        zh[start : start + draw(st.integers(0, 160))],
        en[start : start + draw(st.integers(0, 160))],
    )
    row: dict[str, Any] = {
        "id": draw(st.one_of(st.integers(-5, 10**6), mutated_text("p1"))),
        "zh": zh,
        "en": en,
    }
    if draw(st.booleans()):
        row["original"] = draw(st.sampled_from(["zh", "en", None, "fr", 3]))
    shape = draw(st.sampled_from(["ok"] * 6 + ["drop", "type", "cut", "list", "deep"]))
    if shape == "drop":
        row.pop(draw(st.sampled_from(["id", "zh", "en"])))
    elif shape == "type":
        row[draw(st.sampled_from(["id", "zh", "en"]))] = draw(
            st.sampled_from([None, 1.5, True, [], {}, ["x"]])
        )
    line = json.dumps(row, ensure_ascii=draw(st.booleans()))
    if shape == "cut":
        line = line[: draw(st.integers(0, len(line)))]
    elif shape == "list":
        line = json.dumps([row])
    elif shape == "deep":
        line = "[" * 5000 + "]" * 5000
    return line


@pytest.fixture(scope="module")
def qa_context(embedder: HashingEmbedder) -> Any:
    from aligner.qa.check import QAContext, build_checks
    from aligner.qa.entities import default_index

    return QAContext(entities=default_index(), embedder=embedder), build_checks()


@settings(FUZZ, max_examples=400)
@given(
    lines=st.lists(jsonl_line(), min_size=1, max_size=3),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
    ending=st.sampled_from(["\n", "\r\n"]),
)
def test_qa_check_survives_mutated_jsonl(
    tmp_path_factory: pytest.TempPathFactory,
    qa_context: Any,
    lines: list[str],
    codec: str,
    ending: str,
) -> None:
    from aligner.qa.pairs_file import read_pairs
    from aligner.qa.runner import check_pairs

    path = tmp_path_factory.mktemp("qa", numbered=True) / "pairs.jsonl"
    path.write_bytes(ending.join(lines).encode(codec, errors="surrogatepass"))
    ctx, checks = qa_context
    views = _typed_only(read_pairs, path)
    if views is None:
        return
    results = _typed_only(check_pairs, views, ctx, checks=checks, min_severity="info")
    for r in results or []:
        # what `verbalign qa check` writes for each pair
        json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")
