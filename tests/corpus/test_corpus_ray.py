"""The Ray engine on a real Ray local cluster: the same corpus as the local engine.

The engine starts Ray in local mode itself (with more logical CPUs than the machine's two cores:
the parse tasks and the actor pool each hold one) and shuts it down after the build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MODEL
from synthetic_pairs import write_pairs

from aligner.pipeline.corpus_build import build_corpus

ray = pytest.importorskip("ray")
# Ray Data's own deprecation notices, and its note that the first block reaches one actor.
pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*"),
    pytest.mark.filterwarnings("ignore::UserWarning:ray.*"),
]


def test_ray_and_local_engines_build_identical_corpora(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_pairs(src, [7501, 7502, 7503, 7504])
    (src / "S-PV-3.zh.txt").write_text("不是记录。" * 30, encoding="utf-8")
    (src / "S-PV-3.en.txt").write_text("Not a record at all. " * 30, encoding="utf-8")
    local = build_corpus(src, tmp_path / "local", workers=2, model=MODEL)
    on_ray = build_corpus(src, tmp_path / "ray", engine="ray", workers=2, model=MODEL)
    assert on_ray.done == 4 and on_ray.failed == 1
    assert on_ray.errors[0]["pair"] == "S-PV-3" and on_ray.errors[0]["stage"] == "parse"
    strip = ("shard", "task_key", "sha256", "rows", "symbol")
    assert [{k: s[k] for k in strip} for s in on_ray.manifest["shards"]] == [
        {k: s[k] for k in strip} for s in local.manifest["shards"]
    ]
    # The Ray workers measured their cost like the local ones.
    key = next(r.key for r in on_ray.results if r.status == "done")
    marker = json.loads((tmp_path / "ray" / "done" / f"{key}.json").read_text())
    assert marker["cost"]["cpu_seconds"] > 0 and marker["cost"]["peak_rss_mb"] > 0
    # A rerun on Ray skips everything and starts no work.
    again = build_corpus(src, tmp_path / "ray", engine="ray", workers=2, model=MODEL)
    assert (again.done, again.skipped) == (0, 4)
