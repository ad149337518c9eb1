"""Corpus export formats, one small writer class each behind a registry.

- moses: `corpus.zh` / `corpus.en`, line i of one the translation of line i of the other, and
  `corpus.ids` (pair id, tab, the record symbols it occurs in) to trace each line back. Only
  linked pairs (both sides); line breaks and tabs inside a text become spaces.
- tmx: TMX 1.4b shards, one per record (`tmx/<symbol>.tmx`), written by the project's TMX
  exporter (aligner/export/tmx.py) with the pair id as `tuid` and one `x-symbol` per record a
  deduplicated unit occurs in.
- jsonl: `corpus.jsonl`, every column of every kept row (unlinked sentences included).

A writer gets the shards one by one (entry from the manifest, filtered rows) and returns the
files it wrote.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from pathlib import Path
from typing import IO, Any, ClassVar

import pyarrow as pa

from aligner.errors import InputError

_LINE_BREAKS = re.compile(r"[\t\r\n\u0085\u2028\u2029]+")


class CorpusWriter(ABC):
    name: ClassVar[str]

    def __init__(self, out_dir: Path, *, source_lang: str = "zh") -> None:
        self.out_dir = out_dir
        self.source_lang = source_lang
        self.files: dict[str, int] = {}
        """Relative file name -> rows written."""

    @abstractmethod
    def write(self, entry: dict[str, Any], table: pa.Table) -> None: ...

    def close(self) -> None:  # noqa: B027  (a hook: most writers have nothing to close)
        pass

    def _count(self, name: str, rows: int) -> None:
        self.files[name] = self.files.get(name, 0) + rows


WRITERS: dict[str, type[CorpusWriter]] = {}


def register(cls: type[CorpusWriter]) -> type[CorpusWriter]:
    WRITERS[cls.name] = cls
    return cls


def get_writer(name: str, out_dir: Path, **options: Any) -> CorpusWriter:
    cls = WRITERS.get(name.lower())
    if cls is None:
        raise InputError(f"unknown corpus format {name!r}: choose one of {', '.join(WRITERS)}")
    return cls(out_dir, **options)


def one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text).strip()


def _linked(table: pa.Table) -> list[dict[str, Any]]:
    return [r for r in table.to_pylist() if r["zh"] and r["en"]]


@register
class MosesWriter(CorpusWriter):
    name = "moses"

    def __init__(self, out_dir: Path, **options: Any) -> None:
        super().__init__(out_dir, **options)
        self._files: dict[str, IO[str]] = {
            ext: open(out_dir / f"corpus.{ext}", "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            for ext in ("zh", "en", "ids")
        }

    def write(self, entry: dict[str, Any], table: pa.Table) -> None:
        rows = _linked(table)
        for r in rows:
            self._files["zh"].write(one_line(r["zh"]) + "\n")
            self._files["en"].write(one_line(r["en"]) + "\n")
            symbols = r.get("symbols") or [r["symbol"]]
            self._files["ids"].write(f"{r['pair_id']}\t{' '.join(symbols)}\n")
        for ext in ("zh", "en", "ids"):
            self._count(f"corpus.{ext}", len(rows))

    def close(self) -> None:
        for f in self._files.values():
            f.close()


@register
class JsonlWriter(CorpusWriter):
    name = "jsonl"

    def __init__(self, out_dir: Path, **options: Any) -> None:
        super().__init__(out_dir, **options)
        self._file = open(out_dir / "corpus.jsonl", "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.files["corpus.jsonl"] = 0

    def write(self, entry: dict[str, Any], table: pa.Table) -> None:
        rows = table.to_pylist()
        for r in rows:
            if isinstance(r.get("confidence"), float):
                r["confidence"] = round(r["confidence"], 4)  # float32 -> its printed value
            self._file.write(json.dumps(r, ensure_ascii=False) + "\n")
        self._count("corpus.jsonl", len(rows))

    def close(self) -> None:
        self._file.close()


@register
class TmxWriter(CorpusWriter):
    name = "tmx"

    def __init__(self, out_dir: Path, **options: Any) -> None:
        super().__init__(out_dir, **options)
        (out_dir / "tmx").mkdir(exist_ok=True)
        self._stems: set[str] = set()

    def write(self, entry: dict[str, Any], table: pa.Table) -> None:
        from aligner.corpus.tmx import corpus_tmx
        from aligner.store.symbols import file_stem

        rows = _linked(table)
        if not rows:
            return
        stem = file_stem(entry["symbol"])
        while stem in self._stems:  # two symbols that differ only in punctuation
            stem += "_"
        self._stems.add(stem)
        name = f"tmx/{stem}.tmx"
        (self.out_dir / name).write_bytes(corpus_tmx(entry, rows, self.source_lang))
        self._count(name, len(rows))
