"""Calibrate the zh-en length model of the QA omission/addition check on the gold benchmarks.

For every gold link with both sides non-empty, r = ln(English characters / Chinese characters)
(non-space characters). Per translation direction we estimate the centre of r and how its
spread shrinks with segment length: sd(n)^2 = a + b / n, n = Chinese characters, fitted on
robust (median absolute deviation) spreads of length bins. Only these numbers are written into
the package (aligner/qa/length_calibration.py); no benchmark text is copied.

    python -m bench.qa_calibrate_length            # print the fit
    python -m bench.qa_calibrate_length --write    # and write the calibration module
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
OUT = ROOT / "aligner" / "qa" / "length_calibration.py"
BINS = [(1, 10), (10, 20), (20, 35), (35, 60), (60, 100), (100, 10_000)]


def _links(path: Path) -> Iterator[tuple[list[int], list[int]]]:
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        left, right = line.split(":")
        yield (
            [int(x) for x in left.strip("[] ").split(",") if x.strip()],
            [int(x) for x in right.strip("[] ").split(",") if x.strip()],
        )


def _nchar(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def _pairs(zh: list[str], en: list[str], gold: Path, zh_is_source: bool) -> list[tuple[int, int]]:
    out = []
    for src, tgt in _links(gold):
        zi, ei = (src, tgt) if zh_is_source else (tgt, src)
        if zi and ei:
            out.append((_nchar("".join(zh[i] for i in zi)), _nchar(" ".join(en[j] for j in ei))))
    return out


def collect(bench: Path) -> dict[str, list[tuple[int, int]]]:
    """(zh chars, en chars) per gold link, grouped by which language is the original."""
    zh_original: list[tuple[int, int]] = []
    en_original: list[tuple[int, int]] = []
    zh_original += _pairs(
        _lines(bench / "pol/src.txt"), _lines(bench / "pol/tgt.txt"), bench / "pol/gold.align", True
    )
    for doc in sorted((bench / "mac-dev/zh").iterdir()):
        zh_original += _pairs(
            _lines(doc),
            _lines(bench / "mac-dev/en" / doc.name),
            bench / "mac-dev/gold" / f"{doc.name}.align",
            True,
        )
    for name in ("aca", "mag"):
        en_original += _pairs(
            _lines(bench / name / "tgt.txt"),
            _lines(bench / name / "src.txt"),
            bench / name / "gold.align",
            False,
        )
    return {"zh": zh_original, "en": en_original, "unknown": zh_original + en_original}


def fit(pairs: list[tuple[int, int]]) -> dict[str, float]:
    a = np.array(pairs, dtype=float)
    r = np.log(a[:, 1] / a[:, 0])
    centre = float(np.median(r))
    ns, variances, weights = [], [], []
    for lo, hi in BINS:
        sel = (a[:, 0] >= lo) & (a[:, 0] < hi)
        if sel.sum() < 20:
            continue
        mad = float(np.median(np.abs(r[sel] - np.median(r[sel]))))
        ns.append(float(np.median(a[sel, 0])))
        variances.append((1.4826 * mad) ** 2)
        weights.append(float(sel.sum()))
    design = np.stack([np.ones(len(ns)), 1.0 / np.array(ns)], axis=1)
    w = np.sqrt(np.array(weights))
    coef, *_ = np.linalg.lstsq(design * w[:, None], np.array(variances) * w, rcond=None)
    var_floor, var_per_char = (max(float(c), 1e-4) for c in coef)
    return {
        "centre": round(centre, 4),
        "var_floor": round(var_floor, 5),
        "var_per_char": round(var_per_char, 4),
        "links": len(pairs),
    }


def render(fits: dict[str, dict[str, float]]) -> str:
    lines = [
        '"""Length model of zh-en translation, fitted by bench/qa_calibrate_length.py on the gold',
        "links of ../shared/bench (pol and MAC-Dev: Chinese originals; aca and mag: English",
        "originals). Generated: edit the script, not this file.",
        "",
        "r = ln(English non-space characters / Chinese non-space characters);",
        "expected r = centre; sd(n)^2 = var_floor + var_per_char / n for n Chinese characters.",
        '"""',
        "",
        "LENGTH_MODEL: dict[str, dict[str, float]] = {",
    ]
    for key, values in fits.items():
        body = ", ".join(f'"{k}": {v}' for k, v in values.items())
        lines.append(f'    "{key}": {{{body}}},')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    fits = {key: fit(pairs) for key, pairs in collect(args.bench).items()}
    for key, values in fits.items():
        print(f"original={key:8s} {values}")
    if args.write:
        OUT.write_text(render(fits), "utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
