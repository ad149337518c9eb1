"""Run verbalign on every benchmark set in ../shared/bench and print a table beside the baselines.

    python -m bench.run_all            # (make bench) all sets, embeddings cached in var/
    python -m bench.run_all --sets pol mac-dev --no-cache

Each set runs in its own subprocess so that its peak memory (max RSS) is its own. Timing: "embed"
is the embedding step (near zero when var/embeddings.sqlite already holds the spans; use
--no-cache for cold numbers), "align" the alignment step after embeddings (both passes, scoring,
DP, confidences); sentences/s counts the sentences of both sides over embed + align.
aca, mag and bible are stored en->zh; the aligner turns every pair zh-first itself, and the
scores are the same in either direction.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from aligner.align.embedder import get_embedder
from aligner.align.params import AlignParams
from aligner.align.sentences import SentenceProblem, single_blas_thread
from aligner.align.signature import alignment_signature
from bench.corpora import load_set
from bench.paths import EMBED_CACHE
from bench.score import score_multiple

SETS = ("mac-dev", "pol", "aca", "mag", "bible")
# Strict F1 (lax F1) of the baselines measured with the same USE-m-v3 model, from
# ../shared/README.md: Bertalign max_align 5 / 8, Vecalign -a 4 / -a 8.
BASELINES = {
    "mac-dev": ("0.860 (0.991)", "0.863 (0.994)", "0.787 (0.979)", "0.807 (0.983)"),
    "pol": ("0.968 (0.996)", "0.972 (0.998)", "0.918 (0.997)", "0.940 (0.999)"),
    "aca": ("0.990 (0.999)", "0.990 (0.999)", "0.983 (1.000)", "0.984 (1.000)"),
    "mag": ("0.973 (0.998)", "0.973 (0.998)", "0.959 (0.999)", "0.961 (0.999)"),
}
BASELINE_NAMES = ("Bertalign ma5", "Bertalign ma8", "Vecalign -a4", "Vecalign -a8")


def run_one(name: str, use_cache: bool) -> dict:
    """Align one set in this process; returns scores, timings and peak memory."""
    emb = get_embedder(cache_path=EMBED_CACHE if use_cache else None)
    docs = load_set(name)
    params = AlignParams()
    golds, tests, per_doc = [], [], []
    embed_s = align_s = 0.0
    sentences = 0
    for doc in docs:
        t0 = time.perf_counter()
        # Sentence pools first (all the model work there is with USE); span vectors built from
        # them inside the problem count as embedding time too.
        emb.encode_spans(doc.src, 1)
        emb.encode_spans(doc.tgt, 1)
        t1 = time.perf_counter()
        with single_blas_thread():
            problem = SentenceProblem.build(
                doc.src,
                doc.tgt,
                src_lang=doc.src_lang,
                tgt_lang=doc.tgt_lang,
                embedder=emb,
                params=params,
            )
            links = problem.solve()
        t2 = time.perf_counter()
        span_embed = problem.embed_seconds
        embed_s += (t1 - t0) + span_embed
        align_s += (t2 - t1) - span_embed
        sentences += len(doc.src) + len(doc.tgt)
        pred = [(link.src, link.tgt) for link in links]
        golds.append(doc.gold)
        tests.append(pred)
        s = score_multiple([doc.gold], [pred])
        per_doc.append({"doc": doc.name, "f1_strict": s.f1_strict, "f1_lax": s.f1_lax})
    s = score_multiple(golds, tests)
    return {
        "set": name,
        "precision_strict": s.precision_strict,
        "recall_strict": s.recall_strict,
        "f1_strict": s.f1_strict,
        "precision_lax": s.precision_lax,
        "recall_lax": s.recall_lax,
        "f1_lax": s.f1_lax,
        "sentences": sentences,
        "embed_s": embed_s,
        "align_s": align_s,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "per_doc": per_doc if len(docs) > 1 else [],
        "signature": alignment_signature(emb.signature_name, params),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--no-cache", action="store_true", help="embed without the on-disk cache")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # child mode: one set, JSON on stdout
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, not args.no_cache)))
        return
    results = []
    for name in args.sets:
        cmd = [sys.executable, "-m", "bench.run_all", "--one", name]
        if args.no_cache:
            cmd.append("--no-cache")
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        res = json.loads(out.strip().splitlines()[-1])
        results.append(res)
        for d in res["per_doc"]:
            print(
                f"  {name}/{d['doc']}: strict F1 {d['f1_strict']:.3f}  lax F1 {d['f1_lax']:.3f}",
                flush=True,
            )
        print(_row(res), flush=True)
    print()
    print(_table(results))
    if results:
        print(f"\nsignature: {results[0]['signature']}")


def _row(r: dict) -> str:
    return (
        f"{r['set']}: strict P/R/F1 {r['precision_strict']:.3f}/{r['recall_strict']:.3f}/"
        f"{r['f1_strict']:.3f}  lax {r['precision_lax']:.3f}/{r['recall_lax']:.3f}/"
        f"{r['f1_lax']:.3f}"
    )


def _table(results: list[dict]) -> str:
    head = (
        "| set | strict P | strict R | strict F1 | lax F1 | embed s | align s | sent/s "
        "| peak MB | " + " | ".join(BASELINE_NAMES) + " |"
    )
    lines = [head, "|" + "---|" * (9 + len(BASELINE_NAMES))]
    for r in results:
        total = r["embed_s"] + r["align_s"]
        base = BASELINES.get(r["set"], ("-",) * len(BASELINE_NAMES))
        lines.append(
            f"| {r['set']} | {r['precision_strict']:.3f} | {r['recall_strict']:.3f} | "
            f"**{r['f1_strict']:.3f}** | {r['f1_lax']:.3f} | {r['embed_s']:.1f} | "
            f"{r['align_s']:.1f} | {r['sentences'] / max(total, 1e-9):.0f} | "
            f"{r['peak_mb']:.0f} | " + " | ".join(base) + " |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
