"""One real record pair (S/PV.9826, United Nations) through the task with the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import REAL

from aligner.corpus.inputs import Discovery, PairSpec
from aligner.corpus.layout import CorpusLayout
from aligner.pipeline.corpus_build import plan
from aligner.pipeline.task import TaskSettings, run_task


@pytest.mark.model
def test_real_record_pair_with_vectors(tmp_path: Path) -> None:
    text = REAL / "text"
    spec = PairSpec("S-PV-9826", str(text / "S-PV-9826.zh.txt"), str(text / "S-PV-9826.en.txt"))
    settings = TaskSettings(out_dir=str(tmp_path), hooks=("vectors",))
    (task,), problems = plan(Discovery(pairs=[spec]), settings)
    assert problems == []
    result = run_task(task, settings)
    assert result.status == "done", result.message
    assert result.symbol == "S/PV.9826"
    layout = CorpusLayout(tmp_path)
    import pyarrow.parquet as pq

    rows = pq.read_table(layout.shard_path(task.key)).to_pylist()
    linked = [r for r in rows if r["zh"] and r["en"]]
    assert len(linked) >= 0.8 * len(rows)
    assert np.mean([r["confidence"] for r in linked]) > 0.8
    # Sentences with digits carry them on both sides when linked right.
    for r in linked:
        if r["confidence"] > 0.9 and "2024" in r["en"]:
            assert "2024" in r["zh"]
    vectors = np.load(layout.vectors_path(task.key))
    assert vectors["zh"].shape == (len(rows), 512) and vectors["en"].dtype == np.float16
    assert list(vectors["pair_id"]) == [r["pair_id"] for r in rows]
    sims = [
        float(vectors["zh"][k].astype(np.float32) @ vectors["en"][k].astype(np.float32))
        for k, r in enumerate(rows)
        if r["zh"] and r["en"]
    ]
    assert np.median(sims) > 0.5  # translations sit close in the shared space
    again = run_task(task, settings)
    assert again.status == "skipped"
