"""`verbalign corpus stats`: pairs, sentences, link types, length and confidence histograms,
per record and for the whole corpus (filters apply as in exports)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from aligner.corpus.filters import RowFilter
from aligner.corpus.schema import en_count, zh_count
from aligner.corpus.table import CorpusTable

CONFIDENCE_BINS = [round(0.1 * k, 1) for k in range(11)]
"""[0, 0.1), [0.1, 0.2) ... [0.9, 1.0]."""
LENGTH_BINS = [0, 1, 20, 50, 100, 200, 400, 800, 10**9]
"""Characters per side: empty, 1-19, 20-49 ... 800 and more."""
_COLUMNS = ["symbol", "zh", "en", "confidence", "link_type"]


@dataclass
class Stats:
    pairs: int = 0
    linked: int = 0
    zh_sentences: int = 0
    en_sentences: int = 0
    link_types: Counter[str] = field(default_factory=Counter)
    confidence: np.ndarray = field(default_factory=lambda: np.zeros(10, dtype=np.int64))
    zh_chars: np.ndarray = field(default_factory=lambda: np.zeros(len(LENGTH_BINS) - 1, np.int64))
    en_chars: np.ndarray = field(default_factory=lambda: np.zeros(len(LENGTH_BINS) - 1, np.int64))
    confidence_sum: float = 0.0

    def add(self, table: pa.Table) -> None:
        n = table.num_rows
        if not n:
            return
        types = table["link_type"].to_pylist()
        self.pairs += n
        self.link_types.update(types)
        self.zh_sentences += sum(zh_count(t) for t in types)
        self.en_sentences += sum(en_count(t) for t in types)
        zh_len = pc.utf8_length(table["zh"]).to_numpy()
        en_len = pc.utf8_length(table["en"]).to_numpy()
        self.linked += int(np.count_nonzero((zh_len > 0) & (en_len > 0)))
        conf = table["confidence"].to_numpy().astype(np.float64)
        self.confidence_sum += float(conf.sum())
        self.confidence += np.histogram(np.clip(conf, 0, 1), bins=CONFIDENCE_BINS)[0]
        self.zh_chars += np.histogram(zh_len, bins=LENGTH_BINS)[0]
        self.en_chars += np.histogram(en_len, bins=LENGTH_BINS)[0]

    def merge(self, other: Stats) -> None:
        self.pairs += other.pairs
        self.linked += other.linked
        self.zh_sentences += other.zh_sentences
        self.en_sentences += other.en_sentences
        self.link_types.update(other.link_types)
        self.confidence += other.confidence
        self.zh_chars += other.zh_chars
        self.en_chars += other.en_chars
        self.confidence_sum += other.confidence_sum

    def to_json(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "linked": self.linked,
            "zh_sentences": self.zh_sentences,
            "en_sentences": self.en_sentences,
            "mean_confidence": round(self.confidence_sum / self.pairs, 4) if self.pairs else None,
            "link_types": dict(self.link_types.most_common()),
            "confidence_histogram": _histogram(CONFIDENCE_BINS, self.confidence),
            "zh_length_histogram": _histogram(LENGTH_BINS, self.zh_chars),
            "en_length_histogram": _histogram(LENGTH_BINS, self.en_chars),
        }


def _histogram(bins: list, counts: np.ndarray) -> list[dict[str, Any]]:
    out = []
    for k, count in enumerate(counts.tolist()):
        lo, hi = bins[k], bins[k + 1]
        out.append({"from": lo, "to": None if hi >= 10**9 else hi, "count": int(count)})
    return out


def corpus_stats(corpus_dir: str, row_filter: RowFilter | None = None) -> dict[str, Any]:
    table = CorpusTable(corpus_dir)
    total = Stats()
    records = []
    for entry, t in table.iter_tables(_COLUMNS, row_filter):
        s = Stats()
        s.add(t)
        total.merge(s)
        records.append({"symbol": entry["symbol"], "name": entry["name"], **s.to_json()})
    return {
        "corpus": str(table.root),
        "signature": table.manifest.get("signature"),
        "records": len(records),
        "total": total.to_json(),
        "per_record": records,
    }


def format_stats(stats: dict[str, Any], *, per_record: bool = True) -> str:
    """The plain-text report `corpus stats` prints."""
    t = stats["total"]
    lines = [
        f"corpus     {stats['corpus']}",
        f"signature  {stats['signature']}",
        f"records    {stats['records']}",
        f"pairs      {t['pairs']} ({t['linked']} with both sides)",
        f"sentences  zh {t['zh_sentences']}, en {t['en_sentences']}",
        f"confidence mean {t['mean_confidence']}",
        "link types " + ", ".join(f"{k} {v}" for k, v in t["link_types"].items()),
        "",
        "confidence histogram",
    ]
    lines += _bars(t["confidence_histogram"], lambda b: f"{b['from']:.1f}-{b['to']:.1f}")
    for side in ("zh", "en"):
        lines += ["", f"{side} length (characters)"]
        lines += _bars(t[f"{side}_length_histogram"], _length_label)
    if per_record and stats["per_record"]:
        lines += ["", f"{'record':<28} {'pairs':>7} {'zh sent':>8} {'en sent':>8} {'mean conf':>9}"]
        for r in stats["per_record"]:
            conf = "" if r["mean_confidence"] is None else f"{r['mean_confidence']:.3f}"
            lines.append(
                f"{r['symbol']:<28} {r['pairs']:>7} {r['zh_sentences']:>8} "
                f"{r['en_sentences']:>8} {conf:>9}"
            )
    return "\n".join(lines)


def _length_label(b: dict[str, Any]) -> str:
    if b["to"] is None:
        return f"{b['from']}+"
    if b["to"] - b["from"] == 1:
        return str(b["from"])
    return f"{b['from']}-{b['to'] - 1}"


def _bars(hist: list[dict[str, Any]], label) -> list[str]:
    top = max((b["count"] for b in hist), default=0) or 1
    return [f"  {label(b):>9} {b['count']:>8} {'#' * round(40 * b['count'] / top)}" for b in hist]
