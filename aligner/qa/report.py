"""The QA report of one stored record: every pair checked, term consistency across the record,
and the result as JSON, TSV (one row per flag, as Xbench-style tools list them) or HTML.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from aligner.qa.check import PairView, QAContext, build_checks
from aligner.qa.entities import EntityIndex
from aligner.qa.flag import SEVERITIES, Flag, Span, severity_rank
from aligner.qa.runner import check_pairs

QA_VERSION = "qa-5"
"""Bumped when checks or their calibration change, so cached reports are recomputed."""


@dataclass
class PairReport:
    pair: dict[str, Any]
    """The stored pair's fields the report shows (id, position, turns, speaker, texts...)."""
    direction: dict[str, Any]
    flags: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.pair,
            "direction": self.direction,
            "flags": [f.to_dict() for f in self.flags],
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> PairReport:
        fields = {k: v for k, v in row.items() if k not in ("direction", "flags")}
        return cls(fields, dict(row["direction"]), [Flag.from_dict(f) for f in row["flags"]])


@dataclass
class RecordReport:
    symbol: str
    signature: str
    checks: list[str]
    min_severity: str
    semantic: bool
    pair_count: int
    pairs: list[PairReport]
    """Only the pairs with at least one flag, in reading order."""

    def summary(self) -> dict[str, Any]:
        flags = [f for p in self.pairs for f in p.flags]
        return {
            "pairs": self.pair_count,
            "flagged_pairs": len(self.pairs),
            "flags": len(flags),
            "by_severity": {s: n for s in SEVERITIES if (n := sum(f.severity == s for f in flags))},
            "by_type": dict(Counter(f.type for f in flags).most_common()),
            "by_direction": dict(
                Counter(str(p.direction.get("original") or "neither") for p in self.pairs)
            ),
        }

    def at_severity(self, min_severity: str) -> RecordReport:
        """The same report without the flags below `min_severity` (and the pairs left with
        none): a report computed at "info" serves every level."""
        limit = severity_rank(min_severity)
        if limit >= severity_rank(self.min_severity):
            return self
        pairs = []
        for p in self.pairs:
            flags = [f for f in p.flags if severity_rank(f.severity) <= limit]
            if flags:
                pairs.append(PairReport(p.pair, p.direction, flags))
        return replace(self, min_severity=min_severity, pairs=pairs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordReport:
        """The report as `to_dict` wrote it (the QA cache stores reports this way)."""
        return cls(
            symbol=data["symbol"],
            signature=data["alignment_signature"],
            checks=list(data["checks"]),
            min_severity=data["min_severity"],
            semantic=bool(data["semantic_checks"]),
            pair_count=int(data["summary"]["pairs"]),
            pairs=[PairReport.from_dict(p) for p in data["pairs"]],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "alignment_signature": self.signature,
            "qa_version": QA_VERSION,
            "checks": self.checks,
            "semantic_checks": self.semantic,
            "min_severity": self.min_severity,
            "summary": self.summary(),
            "pairs": [p.to_dict() for p in self.pairs],
        }


_PAIR_FIELDS = (
    "id",
    "position",
    "zh_turn",
    "en_turn",
    "speaker_zh",
    "speaker_en",
    "country_code",
    "spoken_language",
    "confidence",
    "type",
    "status",
    "zh",
    "en",
)


def consistency_flags(views: Sequence[PairView], index: EntityIndex) -> dict[str, list[Flag]]:
    """Glossary terms rendered more than one way in the record: the pairs that use a rendering
    other than the most frequent one get an info flag naming both."""
    uses: dict[str, dict[str, list[tuple[PairView, Span]]]] = defaultdict(lambda: defaultdict(list))
    for view in views:
        zh_keys = {h.key for h in index.find(view.folded("zh"), "zh") if not h.context_only}
        for hit in index.find(view.folded("en"), "en"):
            entry = index.entries[hit.key]
            if entry.source != "glossary" or hit.key not in zh_keys or len(entry.en) < 2:
                continue
            span = Span("en", hit.start, hit.end, view.en[hit.start : hit.end])
            uses[hit.key][hit.text.casefold()].append((view, span))
    out: dict[str, list[Flag]] = defaultdict(list)
    for key, renderings in uses.items():
        if len(renderings) < 2:
            continue
        entry = index.entries[key]
        usual = max(renderings, key=lambda r: len(renderings[r]))
        usual_text = renderings[usual][0][1].text
        for rendering, places in renderings.items():
            if rendering == usual:
                continue
            for view, span in places:
                out[view.id].append(
                    Flag(
                        "consistency",
                        "info",
                        f"{entry.label('zh')} is rendered '{span.text}' here but "
                        f"'{usual_text}' in {len(renderings[usual])} other pair(s) of the record",
                        [span],
                        "consistency",
                        {"term": key, "usual": usual_text},
                    )
                )
    return out


def record_report(
    store: Any,
    symbol: str,
    *,
    entities: EntityIndex | None = None,
    embedder: Any = None,
    checks: Sequence[str] | None = None,
    min_severity: str = "info",
    progress: Callable[[str, float], None] | None = None,
) -> RecordReport:
    """Check every pair of a stored record. Raises NotFoundError for an unknown symbol.

    `progress(stage, fraction)` follows the work (stages "loading", "checking",
    "consistency"), as the job runner and the CLI's progress bar take it."""
    from aligner.qa.glossary_source import index_for_store

    report_progress = progress or (lambda stage, fraction: None)
    report_progress("loading", 0.0)
    detail = store.get_record(symbol)
    rows = store.list_pairs(symbol).items
    index = entities if entities is not None else index_for_store(store, detail.symbol)
    views = [PairView(str(r.id), r.zh or "", r.en or "", r.original, r.role) for r in rows]
    active = build_checks(checks)
    ctx = QAContext(entities=index, embedder=embedder)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        report_progress("checking", done / max(len(views), 1))

    report_progress("checking", 0.0)
    results = check_pairs(views, ctx, checks=active, min_severity=min_severity, progress=advance)
    report_progress("consistency", 1.0)
    extra = consistency_flags(views, index) if severity_rank(min_severity) >= 2 else {}
    pairs = []
    for row, result in zip(rows, results, strict=True):
        flags = result.flags + extra.get(result.id, [])
        if not flags:
            continue
        flags.sort(key=lambda f: (severity_rank(f.severity), f.type))
        fields = {k: getattr(row, k, None) for k in _PAIR_FIELDS}
        pairs.append(PairReport(fields, result.view.direction(), flags))
    return RecordReport(
        symbol=detail.symbol,
        signature=detail.signature,
        checks=[c.name for c in active],
        min_severity=min_severity,
        semantic=embedder is not None,
        pair_count=len(rows),
        pairs=pairs,
    )


# ---------------------------------------------------------------- renderings

TSV_COLUMNS = (
    "pair_id",
    "position",
    "zh_turn",
    "en_turn",
    "speaker",
    "original",
    "severity",
    "type",
    "message",
    "zh_span",
    "en_span",
    "zh",
    "en",
)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines())


def to_tsv(report: RecordReport) -> str:
    lines = ["\t".join(TSV_COLUMNS)]
    for p in report.pairs:
        for f in p.flags:
            spans = {
                lang: "; ".join(s.text for s in f.spans if s.lang == lang) for lang in ("zh", "en")
            }
            row = [
                p.pair.get("id"),
                p.pair.get("position"),
                p.pair.get("zh_turn"),
                p.pair.get("en_turn"),
                p.pair.get("speaker_en") or p.pair.get("speaker_zh"),
                p.direction.get("original") or "",
                f.severity,
                f.type,
                f.message,
                spans["zh"],
                spans["en"],
                p.pair.get("zh"),
                p.pair.get("en"),
            ]
            lines.append("\t".join(_cell(v) for v in row))
    return "\n".join(lines) + "\n"


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """HTML of `text` with the flagged spans wrapped in <mark>."""
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos or end > len(text) or start >= end:
            continue
        out += [html.escape(text[pos:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def to_html(report: RecordReport) -> str:
    e = html.escape
    summary = report.summary()
    rows = []
    for p in report.pairs:
        spans = {
            lang: [(s.start, s.end) for f in p.flags for s in f.spans if s.lang == lang]
            for lang in ("zh", "en")
        }
        original = p.direction.get("original")
        speaker = p.pair.get("speaker_en") or p.pair.get("speaker_zh") or ""
        flags = "".join(
            f'<li class="{e(f.severity)}"><b>{e(f.severity)}</b> <code>{e(f.type)}</code> '
            f"{e(f.message)}</li>"
            for f in p.flags
        )
        rows.append(
            f'<tr id="pair-{e(str(p.pair.get("id")))}"><td class="meta">#{e(str(p.pair.get("id")))}'
            f"<br>turn {e(str(p.pair.get('zh_turn')))}<br>{e(speaker)}"
            f"<br>original: {e(original or 'neither')}</td>"
            f'<td lang="zh">{_marked(p.pair.get("zh") or "", spans["zh"])}</td>'
            f'<td lang="en">{_marked(p.pair.get("en") or "", spans["en"])}</td>'
            f"<td><ul>{flags}</ul></td></tr>"
        )
    by_type = ", ".join(f"{e(k)}: {v}" for k, v in summary["by_type"].items()) or "none"
    by_sev = ", ".join(f"{e(k)}: {v}" for k, v in summary["by_severity"].items()) or "none"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>QA report {e(report.symbol)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-top: 1px solid #ddd; padding: .5rem; vertical-align: top; text-align: left; }}
td.meta {{ font-size: .85em; color: #555; white-space: nowrap; }}
mark {{ background: #ffe08a; }}
li.error b {{ color: #b00020; }} li.warning b {{ color: #a15c00; }} li.info b {{ color: #555; }}
ul {{ margin: 0; padding-left: 1.1rem; }}
</style></head><body>
<h1>QA report: {e(report.symbol)}</h1>
<p>{summary["pairs"]} pairs checked, {summary["flagged_pairs"]} flagged
({summary["flags"]} flags). By severity: {by_sev}. By type: {by_type}.</p>
<p>Checks: {e(", ".join(report.checks))}; semantic checks {"on" if report.semantic else "off"};
alignment {e(report.signature)}; {QA_VERSION}.</p>
<table><thead><tr><th>pair</th><th>中文</th><th>English</th><th>flags</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
</body></html>
"""
