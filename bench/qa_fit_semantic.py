"""Fit the omission/addition models of the semantic QA check (aligner/qa/semantic.py) on real
UN translations.

Data: the UN Parallel Corpus dev pairs (../shared/real/unpc-dev), split as bench/qa_eval.py
splits them: the development half (lines < 2000) fits everything, the held-out half is only
reported. Each clean pair gives two negative rows (one per side); augmented copies made here
give the positives, one row for the side that holds content the other lacks:
- a clause dropped from one side (cut at any clause punctuation, ，；：、 / , ; :, first and last
  clauses included),
- a run of words dropped from inside a sentence with its punctuation left alone (4-12 English
  words, 6-16 Han characters on word boundaries, often opening at a function word or right
  after a mark: a prepositional phrase, a modifier, a relative or coordinated part),
- the first sentence of another pair appended to one side.
These are this script's own recipes, not bench/qa_inject.py's, so the model does not learn the
evaluation's injector.

Then:
1. the length model: the zh-en ratio of official UN translations, ln(en chars / zh chars), its
   centre and a spread that shrinks with length (var = floor + per_char / zh chars);
2. the lexical model (dictionary coverage and length): ridge logistic regression; its warning
   threshold leaves --false-alarms of the development half's clean pairs flagged, its info
   threshold --info-alarms, and its gate passes --gate-share of the clean pairs to the
   embedding model (the lexical warning alone spends --lexical-alarms);
3. the full model (the lexical features plus embedding similarity and coverage) on the rows
   that pass the gate (every gated clean pair is embedded), with thresholds set so that the
   cascade as a whole (lexical alone above its threshold, or embedded and full above its
   threshold) flags --false-alarms / --info-alarms of the development half's clean pairs.

Associations are learned from the clean pairs only, as from a batch being checked: the
augmented copies repeat each pair's words and would make links out of one pair.

The word rendering rates (aligner/qa/coverage_prior.py) are read out of fold: each half of the
development pairs reads the rates counted on the other half, so the clean pairs that set the
thresholds do not count their own unrendered words.

    python -m bench.qa_fit_semantic                         # fit and report
    python -m bench.qa_fit_semantic --no-windows --write    # the shipped model: write
                                                            # aligner/qa/semantic_calibration.py
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import numpy as np

from aligner.qa.check import PairView, QAContext
from aligner.qa.lexicon import load_lexicon
from aligner.qa.semantic import (
    FULL_FEATURES,
    LEXICAL_FEATURES,
    add_embedding_evidence,
    learn_associations,
    lexical_evidence,
    prepare_leave_out,
    select,
    speech_body,
)
from aligner.qa.term_match import EN_FUNCTION_WORDS
from bench.qa_eval import DEV_LINES, unpc_pairs
from bench.qa_learn_associations import rendering_rates

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "aligner" / "qa" / "semantic_calibration.py"
EMBED_CACHE = ROOT / "var" / "qa_embeddings.sqlite"
SEED = 6

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


_EN_TOKEN = re.compile(r"\S+")
_EN_STOPS_AT = re.compile(r"[,;:.?!)]$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_MARK = re.compile(r"[，；：、。！？（）《》“”]")


def drop_span(text: str, lang: str, rng: random.Random) -> str | None:
    """A run of words dropped from inside a sentence, punctuation left alone: an English run
    of 4-12 words (often opening at a function word: a prepositional phrase, a relative or
    coordinated part), a Chinese run of 6-16 Han characters on word boundaries (often opening
    right after a mark or at a one-character function word). It ends at the sentence's
    punctuation or at the length drawn, whichever comes first."""
    if lang == "en":
        tokens = list(_EN_TOKEN.finditer(text))
        if len(tokens) < 10:
            return None
        starts = [i for i in range(1, len(tokens) - 4)]
        function = [i for i in starts if tokens[i].group(0).lower() in EN_FUNCTION_WORDS]
        pool = function if function and rng.random() < 0.6 else starts
        i = rng.choice(pool)
        n = rng.randint(4, 12)
        j = i
        while j < len(tokens) - 1 and j - i + 1 < n and not _EN_STOPS_AT.search(tokens[j].group(0)):
            j += 1
        if j - i + 1 < 4 or len(tokens) - (j - i + 1) < 6:
            return None
        last = tokens[j].group(0)
        tail = last[-1] if _EN_STOPS_AT.search(last) else ""
        out = text[: tokens[i].start()].rstrip() + tail + " " + text[tokens[j].end() :].lstrip()
        return re.sub(r"\s+([,;:.])", r"\1", out).strip()
    lexicon = load_lexicon()
    if lexicon is None:
        return None
    words = lexicon.words_at(text)
    if len(_HAN.findall(text)) < 20 or len(words) < 6:
        return None
    after_mark = [k for k, (i, _) in enumerate(words) if i > 0 and _ZH_MARK.match(text[i - 1])]
    function = [k for k, (_, w) in enumerate(words) if len(w) == 1 and w in _ZH_FUNCTION]
    pool = list(range(len(words)))
    if rng.random() < 0.6 and (after_mark or function):
        pool = after_mark + function
    k = rng.choice(pool)
    size = rng.randint(6, 16)
    start, end, m = words[k][0], words[k][0], k
    while m < len(words) and words[m][0] == end and end - start < size:
        end = words[m][0] + len(words[m][1])
        m += 1
    if end - start < 6 or len(_HAN.findall(text)) - (end - start) < 10:
        return None
    return re.sub(r"[，、；：]([。，；、：])", r"\1", text[:start] + text[end:])


_ZH_FUNCTION = frozenset("在对为以与同向从按依据经由于就把被给将")


def first_sentence(text: str, lang: str) -> str:
    parts = re.split(r"(?<=[。！？])" if lang == "zh" else r"(?<=[.?!])\s+", text.strip())
    return next((p for p in parts if p.strip()), text)


def augment(pairs: list[tuple[str, str, str]], rng: random.Random) -> list[dict]:
    """Clean pairs, and per pair a clause drop on each side and one appended sentence."""
    out = []
    for pid, zh, en in pairs:
        base = {"source": pid, "split": "dev" if int(pid) < DEV_LINES else "test"}
        out.append({**base, "label": "clean", "zh": zh, "en": en, "extra": None})
        for side in ("zh", "en"):
            text = zh if side == "zh" else en
            for drop in (drop_clause, drop_span):
                dropped = drop(text, side, rng)
                if not dropped or dropped == text:
                    continue
                new = (dropped, en) if side == "zh" else (zh, dropped)
                extra = "en" if side == "zh" else "zh"
                out.append({**base, "label": "error", "zh": new[0], "en": new[1], "extra": extra})
        donor = pairs[rng.randrange(len(pairs))]
        side = rng.choice(("zh", "en"))
        added = first_sentence(donor[1] if side == "zh" else donor[2], side)
        if donor[0] != pid:
            new = (zh + added, en) if side == "zh" else (zh, en + " " + added)
            out.append({**base, "label": "error", "zh": new[0], "en": new[1], "extra": side})
    return out


# ---------------------------------------------------------------- fitting


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


def fit_length(pairs: list[tuple[str, str, str]]) -> dict[str, float]:
    n_zh = np.array([len(re.sub(r"\s", "", z)) for _, z, _ in pairs], dtype=float)
    n_en = np.array([len(re.sub(r"\s", "", e)) for _, _, e in pairs], dtype=float)
    keep = (n_zh >= 4) & (n_en >= 4)
    r = np.log(n_en[keep] / n_zh[keep])
    centre = float(np.median(r))
    resid2 = (r - centre) ** 2
    # robust: fit var = floor + per_char / n on the central 95 % of residuals
    inside = resid2 <= np.quantile(resid2, 0.95)
    design = np.vstack([np.ones(inside.sum()), 1.0 / n_zh[keep][inside]]).T
    floor, per_char = np.linalg.lstsq(design, resid2[inside], rcond=None)[0]
    return {
        "centre": round(centre, 4),
        "var_floor": round(max(float(floor), 1e-3), 5),
        "var_per_char": round(max(float(per_char), 1e-3), 4),
        "pairs": int(keep.sum()),
    }


def rows_of(
    cases: list[dict], views: list[PairView], full: bool, names: list[str] = FULL_FEATURES
) -> tuple[list, list, list]:
    rows, labels, owner = [], [], []
    for n, (case, view) in enumerate(zip(cases, views, strict=True)):
        for ev in lexical_evidence(view):
            if case["label"] == "error" and ev.lang != case["extra"]:
                continue  # the other side of an error case is neither clean nor the error
            if full and ev.similarity is None:
                continue
            rows.append(select(ev.full_features(), names) if full else ev.lexical_features())
            labels.append(float(case["label"] == "error"))
            owner.append(n)
    return rows, labels, owner


def model_of(
    x: np.ndarray, y: np.ndarray, train: np.ndarray, features: list[str], ridge: float
) -> tuple[dict, np.ndarray]:
    mean, scale = x[train].mean(0), x[train].std(0) + 1e-9
    w = fit_logistic(((x - mean) / scale)[train], y[train], ridge)
    scores = ((x - mean) / scale) @ w[:-1] + w[-1]
    model = {
        "features": features,
        "weights": [round(float(v), 4) for v in w[:-1]],
        "mean": [round(float(v), 4) for v in mean],
        "scale": [round(float(v), 4) for v in scale],
        "bias": round(float(w[-1]), 4),
    }
    return model, scores


def pair_max(owner: list[int], scores: np.ndarray) -> dict[int, float]:
    out: dict[int, float] = {}
    for i, s in zip(owner, scores, strict=True):
        out[i] = max(out.get(i, -1e9), float(s))
    return out


def report(name: str, cases: list[dict], scores: dict[int, float], model: dict) -> None:
    for part in ("dev", "test"):
        for label in ("clean", "error"):
            sel = [i for i, c in enumerate(cases) if c["split"] == part and c["label"] == label]
            warn = sum(scores.get(i, -1e9) >= model["threshold"] for i in sel)
            info = sum(scores.get(i, -1e9) >= model["info_threshold"] for i in sel)
            print(
                f"  {name:8s}{part:5s}{label:6s} warning {warn / len(sel):6.1%} "
                f"info+ {info / len(sel):6.1%}  (n={len(sel)})"
            )


def report_full(
    cases: list[dict], lexical: dict[int, float], scores: dict[int, float], model: dict, lex: dict
) -> None:
    """Flag rates of the cascade: P(lexical alone) + P(embedded) x P(flagged | embedded
    sample)."""
    for part in ("dev", "test"):
        for label in ("clean", "error"):
            sel = [i for i, c in enumerate(cases) if c["split"] == part and c["label"] == label]
            alone = np.mean([lexical.get(i, -1e9) >= lex["threshold"] for i in sel])
            band = [i for i in sel if lex["gate"] <= lexical.get(i, -1e9) < lex["threshold"]]
            sample = [i for i in band if i in scores]
            if not sample:
                continue
            share = len(band) / len(sel)
            warn = alone + share * np.mean([scores[i] >= model["threshold"] for i in sample])
            info = alone + share * np.mean([scores[i] >= model["info_threshold"] for i in sample])
            print(
                f"  cascade {part:5s}{label:6s} warning {warn:6.1%} info+ {info:6.1%}  "
                f"(lexical alone {alone:.1%}, embedded {share:.0%}, n={len(sample)})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--false-alarms", type=float, default=0.010)
    parser.add_argument("--info-alarms", type=float, default=0.04)
    parser.add_argument(
        "--lexical-alarms",
        type=float,
        default=0.004,
        help="share of clean pairs the lexical model alone warns about (the rest of"
        " --false-alarms is left to the full model)",
    )
    parser.add_argument(
        "--gate-share",
        type=float,
        default=0.08,
        help="share of clean pairs whose lexical score passes the gate to the embedding model",
    )
    parser.add_argument(
        "--full-sample",
        type=int,
        default=1500,
        help="gated error cases per half to embed for the fit (all gated clean pairs are)",
    )
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--no-embedder", action="store_true", help="fit the lexical model only")
    parser.add_argument(
        "--no-windows",
        action="store_true",
        help="fit the full model without the window coverage (spares its embeddings)",
    )
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT, help="--write: to this file")
    args = parser.parse_args()

    rng = random.Random(SEED)
    pairs = unpc_pairs()
    cases = augment(pairs, rng)
    views = [speech_body(PairView(str(n), c["zh"], c["en"]))[0] for n, c in enumerate(cases)]
    length = fit_length([p for p in pairs if int(p[0]) < DEV_LINES])
    from aligner.qa import semantic_calibration

    semantic_calibration.SEMANTIC_MODEL["length"] = length
    print("length model (dev clean pairs):", length)
    # learned from the clean pairs only, as a batch of checked pairs would be: the augmented
    # copies repeat each pair's words and would make links of one pair's words
    assoc = learn_associations([v for v, c in zip(views, cases, strict=True) if not c["extra"]])
    print(f"associations learned from the batch: {len(assoc.links)} Chinese words")
    # word rendering rates (aligner/qa/coverage_prior.py) out of fold: each development pair
    # reads the rates counted on the other half of the development pairs, so the clean pairs
    # that set the thresholds do not count their own unrendered words (the shipped table,
    # counted on all of them, reads held-out pairs, as it reads new ones at run time)
    dev_views = [
        speech_body(PairView(pid, zh, en))[0] for pid, zh, en in pairs if int(pid) < DEV_LINES
    ]
    half = DEV_LINES // 2
    priors = [
        rendering_rates([v for v in dev_views if int(v.id) >= half]),
        rendering_rates([v for v in dev_views if int(v.id) < half]),
        rendering_rates(dev_views),
    ]
    for v, c in zip(views, cases, strict=True):
        line = int(c["source"])
        lexical_evidence(v, assoc, priors[2 if line >= DEV_LINES else int(line >= half)])

    rows, labels, owner = rows_of(cases, views, full=False)
    x, y = np.array(rows), np.array(labels)
    train = np.array([cases[i]["split"] == "dev" for i in owner])
    lexical, scores = model_of(x, y, train, LEXICAL_FEATURES, args.ridge)
    by_pair = pair_max(owner, scores)
    clean_dev = [
        s for i, s in by_pair.items() if cases[i]["split"] == "dev" and not cases[i]["extra"]
    ]
    alone = args.false_alarms if args.no_embedder else args.lexical_alarms
    lexical["threshold"] = round(float(np.quantile(clean_dev, 1 - alone)), 4)
    lexical["info_threshold"] = round(float(np.quantile(clean_dev, 1 - args.info_alarms)), 4)
    lexical["gate"] = round(float(np.quantile(clean_dev, 1 - args.gate_share)), 4)
    positive_dev = scores[(y == 1) & train]
    print(f"  gate passes {np.mean(positive_dev >= lexical['gate']):.1%} of dev error rows")
    lexical["precision"] = 0.5
    gated_share = np.mean([s >= lexical["gate"] for s in clean_dev])
    print("lexical model", json.dumps(lexical))
    print(f"  gate passes {gated_share:.1%} of dev clean pairs")
    report("lexical", cases, by_pair, lexical)
    semantic_calibration.SEMANTIC_MODEL["lexical"] = lexical

    full = semantic_calibration.SEMANTIC_MODEL["full"]
    if not args.no_embedder:
        from aligner.qa.embedding import load_embedder

        ctx = QAContext(embedder=load_embedder(cache_path=EMBED_CACHE))
        gated = [n for n, s in by_pair.items() if s >= lexical["gate"]]
        sample = random.Random(SEED)
        for part in ("dev", "test"):
            # every gated clean pair (they set the thresholds), a sample of the error cases
            chosen = [n for n in gated if cases[n]["split"] == part and cases[n]["extra"]]
            sample.shuffle(chosen)
            clean = [n for n in gated if cases[n]["split"] == part and not cases[n]["extra"]]
            todo = [views[n] for n in clean + chosen[: args.full_sample]]
            prepare_leave_out(todo, ctx)
            for view in todo:
                add_embedding_evidence(view, ctx, windows=not args.no_windows)
        names = [
            f
            for f in FULL_FEATURES
            if not (args.no_windows and f in ("coverage", "coverage_contrast"))
        ]
        rows, labels, owner = rows_of(cases, views, full=True, names=names)
        x, y = np.array(rows), np.array(labels)
        train = np.array([cases[i]["split"] == "dev" for i in owner])
        full, scores = model_of(x, y, train, names, args.ridge)
        by_pair_full = pair_max(owner, scores)
        # clean pairs the gate stopped are not flagged; the embedded ones stand for the gated
        # share of all clean pairs
        # the cascade warns a clean pair when its lexical score alone passes the lexical
        # threshold, or when it is embedded (gate <= lexical < threshold) and the full score
        # passes the full threshold: set the full thresholds so that the cascade as a whole
        # flags --false-alarms / --info-alarms of the development half's clean pairs
        dev_clean = [i for i, c in enumerate(cases) if c["split"] == "dev" and not c["extra"]]
        alone = sum(by_pair.get(i, -1e9) >= lexical["threshold"] for i in dev_clean)
        embedded = sorted(
            (
                by_pair_full[i]
                for i in dev_clean
                if i in by_pair_full and by_pair.get(i, -1e9) < lexical["threshold"]
            ),
            reverse=True,
        )

        def cascade_threshold(rate: float) -> float:
            room = max(int(rate * len(dev_clean)) - alone, 0)
            if room >= len(embedded):
                return round(embedded[-1] - 1e-3, 4) if embedded else 0.0
            return round(
                (embedded[room] + (embedded[room - 1] if room else embedded[0] + 1)) / 2, 4
            )

        full["threshold"] = cascade_threshold(args.false_alarms)
        full["info_threshold"] = cascade_threshold(args.info_alarms)
        full["precision"] = 0.5
        print("full model", json.dumps(full))
        report_full(cases, by_pair, by_pair_full, full, lexical)

    if args.write:
        model = {"length": length, "lexical": lexical, "full": full}
        args.out.write_text(
            '"""Models of the semantic QA check (aligner/qa/semantic.py): the zh-en length ratio\n'
            "of official UN translations, and two logistic regressions over per-side evidence\n"
            "(features standardised by mean/scale): `lexical` (dictionary coverage and length)\n"
            "and `full` (plus embedding similarity, coverage and leave-one-out gain). Fitted by\n"
            "bench/qa_fit_semantic.py on the development half of the UN Parallel Corpus dev\n"
            'pairs with clause drops and added sentences. Generated: do not edit."""\n\n'
            f"SEMANTIC_MODEL: dict = {json.dumps(model, indent=4)}\n",
            "utf-8",
        )
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
