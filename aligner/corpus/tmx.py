"""One record's corpus rows as a TMX 1.4b document, through the project's TMX exporter.

The exporter (aligner/export/tmx.py) writes a stored record's pairs; here the rows come from the
canonical table instead, so they are dressed as the store's rows (PairRow, RecordDetail), and two
things are added to each `tu`: the corpus pair id as `tuid`, and after deduplication one more
`x-symbol` property per further record the unit occurs in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from aligner.export.base import ExportBundle
from aligner.export.tmx import TmxExporter
from aligner.store.rows import PairRow, RecordDetail


@dataclass
class CorpusPairRow(PairRow):
    pair_id: str = ""
    symbols: list[str] = field(default_factory=list)


class CorpusTmxExporter(TmxExporter):
    def _unit(
        self, body: etree._Element, pair: PairRow, bundle: ExportBundle, created: str
    ) -> None:
        super()._unit(body, pair, bundle, created)
        if isinstance(pair, CorpusPairRow):
            tu = body[-1]
            tu.set("tuid", pair.pair_id)
            others = [s for s in pair.symbols if s != pair.symbol]
            if others:
                # After the first x-symbol, with the other provenance properties.
                first = next(p for p in tu.iter("prop") if p.get("type") == "x-symbol")
                for symbol in reversed(others):
                    extra = etree.Element("prop", type="x-symbol")
                    extra.text = symbol
                    first.addnext(extra)


def corpus_tmx(entry: dict[str, Any], rows: list[dict[str, Any]], source_lang: str = "zh") -> bytes:
    symbol = entry["symbol"]
    signature = rows[0]["signature"] if rows else ""
    created = entry.get("built") or datetime.now(UTC).isoformat(timespec="seconds")
    record = RecordDetail(
        symbol=symbol,
        meta={},
        languages=["zh", "en"],
        signature=signature,
        turn_count=0,
        pair_count=len(rows),
        created_at=created,
        updated_at=created,
    )
    pairs = [_pair_row(k, r) for k, r in enumerate(rows)]
    bundle = ExportBundle(record, pairs, {}, source_lang)
    return CorpusTmxExporter().dumps(bundle)


def _pair_row(position: int, r: dict[str, Any]) -> CorpusPairRow:
    return CorpusPairRow(
        id=position,
        symbol=r["symbol"],
        position=position,
        zh_turn=r.get("zh_turn"),
        en_turn=r.get("en_turn"),
        zh_ids=[],
        en_ids=[],
        zh=r["zh"],
        en=r["en"],
        confidence=float(r["confidence"]),
        type=r["link_type"],
        signature=r.get("signature") or "",
        origin="aligner",
        status="auto",
        flags=[],
        note=None,
        reviewed_by=None,
        reviewed_at=None,
        speaker_en=r.get("speaker"),
        country_code=r.get("country_code"),
        role=r.get("role"),
        spoken_language=r.get("spoken_language"),
        original=r.get("original"),
        pair_id=r["pair_id"],
        symbols=list(r.get("symbols") or [r["symbol"]]),
    )
