"""End to end on the bundled S/PV.9132 pair with the real model (slow: marked `model`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from aligner.export import get_exporter, load_bundle
from aligner.pipeline.record_import import Source, import_pair
from aligner.store import SQLiteStore
from aligner.tm import TranslationMemory

pytestmark = pytest.mark.model
DTD = etree.DTD(str(Path(__file__).with_name("data") / "tmx14.dtd"))


def test_bundled_pair_imports_searches_looks_up_and_exports(
    tmp_path: Path, corpus_dir: Path
) -> None:
    from aligner.align.embedder import get_embedder

    store = SQLiteStore(tmp_path / "demo.db")
    embedder = get_embedder()
    zh, en = Source.from_path(corpus_dir / "zh.txt"), Source.from_path(corpus_dir / "en.txt")
    stages: list[tuple[str, float]] = []
    result = import_pair(
        store, zh, en, embedder=embedder, progress=lambda s, f: stages.append((s, f))
    )
    assert (result.symbol, result.status) == ("S/PV.9132", "created")
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {"parse", "store", "index", "done"} <= {s for s, _ in stages}

    record = store.get_record("S/PV.9132")
    assert record.turn_count >= 21
    pairs = store.list_pairs("S/PV.9132").items
    assert len(pairs) == result.pairs > 300
    for lang in ("zh", "en"):
        ids = [i for p in pairs for i in getattr(p, f"{lang}_ids")]
        assert len(ids) == len(set(ids)) == sum(t.sentences for t in record.turns[lang])
    # Most links of a faithful translation are confident one-to-one links.
    one_one = [p for p in pairs if p.type == "1-1"]
    assert len(one_one) / len(pairs) > 0.6

    assert store.search("安理会").total > 5
    assert store.search("安理會").total == store.search("安理会").total
    assert store.search("Nagorno-Karabakh", lang="en").total >= 1

    source = next(p for p in pairs if p.type == "1-1" and len(p.zh) > 20)
    [best] = TranslationMemory(store, embedder).lookup(source.zh, "zh", k=1)
    assert best.match == 100 and best.target == source.en

    data = get_exporter("tmx").dumps(load_bundle(store, "S/PV.9132"))
    assert DTD.validate(etree.fromstring(data)), DTD.error_log.filter_from_errors()
    units = tmxfile(io.BytesIO(data), sourcelanguage="zh-CN", targetlanguage="en-GB").units
    assert len(units) == sum(1 for p in pairs if p.zh and p.en)

    again = import_pair(store, zh, en, embedder=embedder)
    assert again.status == "unchanged" and again.seconds < 1.0
    store.close()
