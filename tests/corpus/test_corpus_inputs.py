"""Pairing record files from a folder or a manifest, and what is refused with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REAL

from aligner.corpus.inputs import discover_pairs
from aligner.errors import InputError


def test_folder_pairs_by_name_and_skips_other_languages() -> None:
    # The UN records as published: six language versions per meeting (United Nations).
    found = discover_pairs(REAL / "text")
    assert [p.name for p in found.pairs] == ["S-PV-9642", "S-PV-9722", "S-PV-9826"]
    assert all(p.zh.endswith(".zh.txt") and p.en.endswith(".en.txt") for p in found.pairs)
    assert found.ignored == 12  # ar, es, fr, ru of three meetings
    assert found.problems == []


def test_folder_reports_files_without_counterpart_and_two_versions(tmp_path: Path) -> None:
    (tmp_path / "A-1.zh.txt").write_text("x", encoding="utf-8")
    (tmp_path / "B-2.zh.txt").write_text("x", encoding="utf-8")
    (tmp_path / "B-2.en.txt").write_text("x", encoding="utf-8")
    (tmp_path / "B-2.en.pdf").write_bytes(b"%PDF-1.4 x")
    found = discover_pairs(tmp_path)
    assert [(p.name, Path(p.en).name) for p in found.pairs] == [("B-2", "B-2.en.txt")]
    messages = [p.message for p in found.problems]
    assert any("A-1.zh.txt has no en counterpart" in m for m in messages)
    assert any("2 en files for B-2" in m and "using B-2.en.txt" in m for m in messages)


def test_unnamed_files_pair_by_the_symbol_on_their_cover(tmp_path: Path) -> None:
    from synthetic_pairs import record_texts

    symbol, zh, en = record_texts(7301)
    (tmp_path / "first.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "second.txt").write_text(en, encoding="utf-8")
    # The official English extract has its symbol only in the running header (line 83)...
    english = (REAL / "text" / "S-PV-9826.en.txt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "header.txt").write_text("\n".join(english), encoding="utf-8")
    # ...and before it, nothing to pair it by.
    (tmp_path / "opening.txt").write_text("\n".join(english[:60]), encoding="utf-8")
    found = discover_pairs(tmp_path)
    assert [(p.name, Path(p.zh).name, Path(p.en).name) for p in found.pairs] == [
        (symbol, "first.txt", "second.txt")
    ]
    messages = " | ".join(p.message for p in found.problems)
    assert "header.txt has no zh counterpart" in messages
    assert "cannot pair opening.txt: no record symbol" in messages


def test_csv_and_jsonl_manifests(tmp_path: Path) -> None:
    text = REAL / "text"
    csv = tmp_path / "pairs.csv"
    csv.write_text(
        "name,zh,en\n"
        f"one,{text / 'S-PV-9642.zh.txt'},file://{text / 'S-PV-9642.en.txt'}\n"
        f"two,{text / 'S-PV-9722.zh.txt'},https://example.org/S-PV-9722.en.txt\n"
        f"three,{text / 'missing.zh.txt'},{text / 'S-PV-9826.en.txt'}\n",
        encoding="utf-8",
    )
    found = discover_pairs(csv)
    assert [p.name for p in found.pairs] == ["one"]
    messages = " | ".join(p.message for p in found.problems)
    assert "only local paths and file:// URLs" in messages
    assert "zh file not found" in messages

    (tmp_path / "local").mkdir()
    for lang in ("zh", "en"):
        (tmp_path / "local" / f"S-PV-9826.{lang}.txt").write_bytes(
            (text / f"S-PV-9826.{lang}.txt").read_bytes()
        )
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text(
        json.dumps({"zh": "local/S-PV-9826.zh.txt", "en": "local/S-PV-9826.en.txt"})
        + "\nnot json\n",
        encoding="utf-8",
    )
    found = discover_pairs(jsonl)
    assert [p.name for p in found.pairs] == ["S-PV-9826"]  # relative to the manifest
    assert "line 2 is not JSON" in found.problems[0].message


def test_bad_input_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="input not found"):
        discover_pairs(tmp_path / "nothing")
    other = tmp_path / "notes.md"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="neither a folder"):
        discover_pairs(other)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="zh and en columns"):
        discover_pairs(bad)
