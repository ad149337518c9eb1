"""Fit the omission/addition model of the semantic QA check (aligner/qa/semantic.py).

Each pair gives two rows, one per side, with the evidence that this side carries content the
other lacks (ablation gain, worst piece coverage, length excess, overall similarity, worst
piece dictionary coverage). Positive rows: the side holding the extra content. Negative rows:
both sides of clean pairs.

Training data, none of it from the test split of tests/qa/data/qa_cases.jsonl:
- the dev split of the cases: its clean pairs and its injected clause drops and additions;
- augmented cases built here from the dev split's clean pairs *and* from gold links of the
  political-speech benchmark (../shared/bench/pol, read at run time; 1-1, 1-2 and 2-1 links):
  each clean pair, one clause dropped on the Chinese side, one on the English side, and one
  sentence of another pair appended to one side. Clauses are cut at any clause punctuation
  (，；：、 / , ; :), first and last clauses included, so the model does not learn the
  evaluation's own injection recipe.

A ridge-penalised logistic regression (Newton steps, numpy) gives the weights; the threshold
is the quantile of the dev split's clean pairs' scores that leaves --false-alarms of them
flagged by this check alone. The test split is only reported.

    python -m bench.qa_fit_semantic            # fit and report
    python -m bench.qa_fit_semantic --write    # and write aligner/qa/semantic_calibration.py
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import numpy as np

from aligner.qa.check import PairView, QAContext
from aligner.qa.runner import views_from_dicts
from aligner.qa.semantic import SemanticCheck, side_evidence, speech_body

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "qa" / "data" / "qa_cases.jsonl"
POL = ROOT.parent / "shared" / "bench" / "pol"
OUT = ROOT / "aligner" / "qa" / "semantic_calibration.py"
EMBED_CACHE = ROOT / "var" / "qa_embeddings.sqlite"
POSITIVE = {"clause_drop", "sentence_add"}
FEATURES = ["gain", "coverage", "excess", "similarity", "lexical", "log1p_gap"]
SEED = 6


def extra_side(case: dict) -> str | None:
    """Side holding content the other lacks, for the cases that have one."""
    if case["kind"] == "sentence_add":
        return case["side"]
    if case["kind"] == "clause_drop":
        return "en" if case["side"] == "zh" else "zh"
    return None


# ---------------------------------------------------------------- training data


def pol_pairs(limit: int, rng: random.Random) -> list[dict]:
    """Clean pairs from the gold links of the political-speech set (zh source, en target)."""
    zh = (POL / "src.txt").read_text("utf-8").splitlines()
    en = (POL / "tgt.txt").read_text("utf-8").splitlines()
    out = []
    for line in (POL / "gold.align").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        left, right = (
            [int(x) for x in side.strip("[] ").split(",") if x.strip()] for side in line.split(":")
        )
        if not left or not right or len(left) > 2 or len(right) > 2:
            continue
        z = "".join(zh[i] for i in left)
        e = " ".join(en[j] for j in right)
        if len(z) >= 12:
            kind = "clean" if len(left) == len(right) == 1 else f"clean_{len(left)}-{len(right)}"
            out.append({"id": f"pol{len(out)}", "zh": z, "en": e, "kind": kind, "original": "zh"})
    rng.shuffle(out)
    return out[:limit]


_ZH_CLAUSE = re.compile(r"(?<=[，；：、])")
_EN_CLAUSE = re.compile(r"(?<=[,;:]) ")


def drop_clause(text: str, lang: str, rng: random.Random) -> str | None:
    chunks = (_ZH_CLAUSE if lang == "zh" else _EN_CLAUSE).split(text)
    if len(chunks) < 2:
        return None
    big = [
        i
        for i, c in enumerate(chunks)
        if (len(re.findall(r"[\u4e00-\u9fff]", c)) >= 4 if lang == "zh" else len(c.split()) >= 3)
    ]
    if not big:
        return None
    i = rng.choice(big)
    kept = chunks[:i] + chunks[i + 1 :]
    out = ("" if lang == "zh" else " ").join(kept).strip()
    if i == len(chunks) - 1:  # the sentence lost its end: close it again
        out = out.rstrip("，；：、,;: ") + ("。" if lang == "zh" else ".")
    return out


def first_sentence(text: str, lang: str) -> str:
    parts = re.split(r"(?<=[。！？])" if lang == "zh" else r"(?<=[.?!])\s+", text.strip())
    return next((p for p in parts if p.strip()), text)


def augment(pairs: list[dict], rng: random.Random, tag: str) -> list[dict]:
    out = []
    for p in pairs:
        base = {"source": p["id"], "split": tag, "original": p.get("original")}
        out.append({**base, "id": f"{p['id']}-c", "label": "clean", "kind": p["kind"],
                    "zh": p["zh"], "en": p["en"]})  # fmt: skip
        for side in ("zh", "en"):
            dropped = drop_clause(p[side], side, rng)
            if dropped and dropped != p[side]:
                zh, en = (dropped, p["en"]) if side == "zh" else (p["zh"], dropped)
                out.append({**base, "id": f"{p['id']}-d{side}", "label": "error",
                            "kind": "clause_drop", "side": side, "zh": zh, "en": en})  # fmt: skip
        donor = rng.choice(pairs)
        side = rng.choice(("zh", "en"))
        extra = first_sentence(donor[side], side)
        if donor is not p and extra not in p[side]:
            joined = p[side] + ("" if side == "zh" else " ") + extra
            zh, en = (joined, p["en"]) if side == "zh" else (p["zh"], joined)
            out.append({**base, "id": f"{p['id']}-a{side}", "label": "error",
                        "kind": "sentence_add", "side": side, "zh": zh, "en": en})  # fmt: skip
    return out


# ---------------------------------------------------------------- fit


def fit_logistic(x: np.ndarray, y: np.ndarray, ridge: float = 1.0) -> np.ndarray:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (y - p) - ridge * np.r_[w[:-1], 0.0]
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + ridge * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return w


def rows_of(cases: list[dict], views: list[PairView], ctx: QAContext) -> tuple[list, list, list]:
    rows, labels, owner = [], [], []
    for n, (case, view) in enumerate(zip(cases, views, strict=True)):
        target = extra_side(case)
        for ev in side_evidence(speech_body(view)[0], ctx):
            if case["label"] == "error" and ev.lang != target:
                continue  # the other side of an error case is neither clean nor the error
            rows.append(ev.features())
            labels.append(float(case["label"] == "error"))
            owner.append(n)
    return rows, labels, owner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--pol", type=int, default=400, help="gold pol links to augment")
    parser.add_argument(
        "--false-alarms",
        type=float,
        default=0.03,
        help="share of the dev split's clean pairs the threshold may flag",
    )
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--dump", type=Path, help="save the feature rows here (.npz)")
    args = parser.parse_args()

    from aligner.align.embedder import get_embedder

    rng = random.Random(SEED)
    cases = [json.loads(x) for x in args.cases.read_text("utf-8").splitlines() if x.strip()]
    cases = [c for c in cases if c["label"] == "clean" or c["kind"] in POSITIVE]
    dev_clean = [
        {**c, "id": c["source"]}
        for c in cases
        if c["split"] == "dev" and c["label"] == "clean" and c["kind"] != "tricky"
    ]
    extra = augment(dev_clean, rng, "aug") + augment(pol_pairs(args.pol, rng), rng, "pol")
    every = cases + extra
    views = views_from_dicts(every)
    ctx = QAContext(embedder=get_embedder(cache_path=EMBED_CACHE))
    SemanticCheck().prepare(views, ctx)
    rows, labels, owner = rows_of(every, views, ctx)
    x, y = np.array(rows), np.array(labels)
    split = np.array([every[i]["split"] for i in owner])
    if args.dump:
        kinds = np.array([every[i]["kind"] for i in owner])
        np.savez(args.dump, x=x, y=y, split=split, kind=kinds, owner=np.array(owner))
    train = split != "test"
    mean, scale = x[train].mean(0), x[train].std(0)
    w = fit_logistic(((x - mean) / scale)[train], y[train], args.ridge)
    scores = ((x - mean) / scale) @ w[:-1] + w[-1]
    pair_score: dict[int, float] = {}
    for i, s in zip(owner, scores, strict=True):
        pair_score[i] = max(pair_score.get(i, -1e9), float(s))
    # The threshold comes from the dev clean pairs of the record itself: the pol translations
    # are much freer than a UN record's, and would set it far too high.
    clean_dev = [
        s
        for i, s in pair_score.items()
        if every[i]["label"] == "clean" and every[i]["split"] == "dev"
    ]
    threshold = float(np.quantile(clean_dev, 1 - args.false_alarms))
    print(f"features: {', '.join(FEATURES)}")
    print("weights", np.round(w[:-1], 3), "bias", round(float(w[-1]), 3))
    print(f"threshold {threshold:.3f} (dev clean pairs flagged: {args.false_alarms:.0%})")
    for part in ("dev", "aug", "pol", "test"):
        for label in ("clean", "error"):
            sel = [
                i for i in pair_score if every[i]["split"] == part and every[i]["label"] == label
            ]
            hit = sum(pair_score[i] >= threshold for i in sel)
            print(f"  {part:4s} {label:5s} flagged {hit}/{len(sel)} = {hit / max(len(sel), 1):.1%}")
    if args.write:
        model = {
            "features": FEATURES,
            "weights": [round(float(v), 4) for v in w[:-1]],
            "mean": [round(float(v), 4) for v in mean],
            "scale": [round(float(v), 4) for v in scale],
            "bias": round(float(w[-1]), 4),
            "threshold": round(threshold, 4),
        }
        OUT.write_text(
            '"""Omission/addition model of the semantic QA check: a logistic regression over\n'
            "(ablation gain, worst piece coverage, length excess, similarity, worst piece\n"
            "dictionary coverage, longest run of words without a rendering) per side, features\n"
            "standardised by mean/scale. Fitted by bench/qa_fit_semantic.py on the dev split of\n"
            "tests/qa/data/qa_cases.jsonl and cases augmented from it and from the pol\n"
            'benchmark, with USE embeddings. Generated: do not edit."""\n\n'
            f"SEMANTIC_MODEL: dict = {json.dumps(model, indent=4)}\n",
            "utf-8",
        )
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
