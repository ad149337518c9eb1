"""The gold-aligned benchmark sets in ../shared/bench, loaded at run time (never copied).

Each document is returned in the direction its files are stored in; `swapped` records sets whose
source is English (aca, mag, bible), which the aligner handles by itself (it always works in the
zh-en orientation internally).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bench.score import Link, read_alignments

BENCH_ROOT = Path(
    os.environ.get("VERBALIGN_BENCH", Path(__file__).resolve().parents[2] / "shared" / "bench")
)

DEV_SETS = ("mac-dev", "pol", "aca", "mag")


@dataclass
class BenchDoc:
    set: str
    name: str
    src: list[str]
    tgt: list[str]
    src_lang: str
    tgt_lang: str
    gold: list[Link]


def _lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").strip() for line in fh]


def load_set(name: str, root: Path = BENCH_ROOT) -> list[BenchDoc]:
    base = root / name
    if name == "mac-dev":
        docs = []
        for gold in sorted((base / "gold").glob("*.align")):
            doc = gold.stem
            docs.append(
                BenchDoc(
                    name,
                    doc,
                    _lines(base / "zh" / doc),
                    _lines(base / "en" / doc),
                    "zh",
                    "en",
                    read_alignments(gold),
                )
            )
        return docs
    if name == "pol":
        return [
            BenchDoc(
                name,
                name,
                _lines(base / "src.txt"),
                _lines(base / "tgt.txt"),
                "zh",
                "en",
                read_alignments(base / "gold.align"),
            )
        ]
    if name in ("aca", "mag"):
        return [
            BenchDoc(
                name,
                name,
                _lines(base / "src.txt"),
                _lines(base / "tgt.txt"),
                "en",
                "zh",
                read_alignments(base / "gold.align"),
            )
        ]
    if name == "bible":
        return [
            BenchDoc(
                name,
                name,
                _lines(base / "001.en"),
                _lines(base / "001.zh"),
                "en",
                "zh",
                read_alignments(base / "001.align"),
            )
        ]
    raise ValueError(f"unknown benchmark set {name!r}")


def load_dev(root: Path = BENCH_ROOT) -> list[BenchDoc]:
    return [doc for name in DEV_SETS for doc in load_set(name, root)]
