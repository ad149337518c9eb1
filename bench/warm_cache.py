"""Embed every span the aligner can ask for on every benchmark set, into var/embeddings.sqlite,
so later benchmark and training runs skip the embedding step.

    python -m bench.warm_cache [set ...]
"""

from __future__ import annotations

import sys
import time

from aligner.align.params import AlignParams
from aligner.align.spans import span_texts
from bench.corpora import load_set
from bench.paths import embedder_for_bench


def main(argv: list[str]) -> None:
    sets = argv or ["mac-dev", "pol", "aca", "mag", "bible"]
    params = AlignParams()
    max_len = max(params.max_side, params.max_one_to_many)
    emb = embedder_for_bench()
    for name in sets:
        for doc in load_set(name):
            t = time.time()
            texts = [
                s
                for side in (doc.src, doc.tgt)
                for layer in span_texts(side, max_len).values()
                for s in layer
            ]
            emb.encode(texts)
            print(f"{name}/{doc.name}: {len(texts)} spans in {time.time() - t:.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
