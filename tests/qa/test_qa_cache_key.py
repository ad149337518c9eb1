"""A cached QA report is keyed by the QA code and data too: a report the checks of another
build made is never served, even when nobody bumped QA_VERSION."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from aligner.qa import cache


def _key() -> str:
    row = SimpleNamespace(id=1, zh="谢谢。", en="Thank you.", original="zh", zh_turn=0, en_turn=0)
    return cache.report_key("S/PV.1", [row], glossary=[], checks=None, semantic=False, model=None)


def test_the_key_follows_the_qa_code(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _key()
    assert _key() == first
    monkeypatch.setattr(cache, "qa_code_digest", lambda: "checks of another build")
    assert _key() != first


def test_the_code_digest_changes_with_a_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("qa", "data"):
        shutil.copytree(cache._PACKAGE / folder, tmp_path / folder)
    monkeypatch.setattr(cache, "_PACKAGE", tmp_path)
    cache.qa_code_digest.cache_clear()
    try:
        before = cache.qa_code_digest()
        table = tmp_path / "qa" / "data" / "un_bodies.tsv"
        table.write_text(table.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        cache.qa_code_digest.cache_clear()
        assert cache.qa_code_digest() != before
    finally:
        cache.qa_code_digest.cache_clear()
