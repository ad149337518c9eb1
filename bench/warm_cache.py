"""Embed every sentence (and, for models without pooled spans, every span) of every benchmark
set into var/embeddings.sqlite, so later benchmark and training runs skip the embedding step.

    python -m bench.warm_cache [set ...]
"""

from __future__ import annotations

import sys
import time

from aligner.align.params import AlignParams
from bench.corpora import load_set
from bench.paths import embedder_for_bench


def main(argv: list[str]) -> None:
    sets = argv or ["mac-dev", "pol", "aca", "mag", "bible"]
    x_len, y_len = AlignParams().span_lengths()
    emb = embedder_for_bench()
    for name in sets:
        for doc in load_set(name):
            t = time.time()
            n = 0
            for side, max_len in ((doc.src, x_len), (doc.tgt, y_len)):
                n += sum(len(v) for v in emb.encode_spans(side, max_len).values())
            print(f"{name}/{doc.name}: {n} spans in {time.time() - t:.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
