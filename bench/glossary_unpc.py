"""The glossary on official UN translations nobody here wrote: the UN Parallel Corpus dev set.

    python -m bench.glossary_unpc --show-sample heldout    # the sampled pairs (to write gold)
    python -m bench.glossary_unpc                          # recall and precision, both halves
    python -m bench.glossary_unpc --half dev --unjudged    # output entries still to judge

The 4,000 official sentence pairs of ../shared/real/unpc-dev (2015 documents, one line each,
in no document order) are split in two halves by a hash of the pair's text (stable, no seed to
pick): "dev", on which the extractor may be tuned, and "heldout", which nothing is tuned on.
Extraction runs store-wide (`extract_from_pairs`) over all the pairs of a half, as the store
does over many records.

Recall: from each half a fixed random sample of pairs (seeded by SAMPLE_SEED) was read and
every term in it written down by hand, BEFORE the extractor was run on that half
(tests/terms/data/gold_unpc_{dev,heldout}.tsv, the definition of a term is in
tests/terms/data/README.md). Recall = gold terms found in the output / gold terms.

Precision: the output of a half is ranked by a hash of each entry's (zh, en) and the first
`--precision-n` are judged by hand (tests/terms/data/judged_unpc.tsv: a verdict per term pair,
a property of the pair, not of the system; the same pair keeps its verdict whatever produced
it). Entries that stay in the output keep their rank, so a new version of the extractor is
judged mostly on the same sample; entries not judged yet are listed by --unjudged and the
precision is reported over the judged ones with their number.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.glossary_eval import GoldEntry, en_key, load_gold, zh_key

ROOT = Path(__file__).resolve().parent.parent
UNPC = Path(os.environ.get("VERBALIGN_REAL", ROOT.parent / "shared" / "real")) / "unpc-dev"
DATA = ROOT / "tests" / "terms" / "data"
JUDGED = DATA / "judged_unpc.tsv"
HALVES = ("dev", "heldout")
SAMPLE_SEED = 20261206
SAMPLE_SIZE = {"dev": 60, "heldout": 100}
PRECISION_N = 100


@dataclass(frozen=True)
class UnpcPair:
    line: int
    """1-based line number in zh.txt / en.txt."""
    zh: str
    en: str


def load_pairs() -> list[UnpcPair]:
    zh = (UNPC / "zh.txt").read_text("utf-8").splitlines()
    en = (UNPC / "en.txt").read_text("utf-8").splitlines()
    if len(zh) != len(en):
        raise SystemExit(f"{UNPC}: zh.txt and en.txt differ in length")
    return [UnpcPair(i + 1, z, e) for i, (z, e) in enumerate(zip(zh, en, strict=True))]


def half_of(pair: UnpcPair) -> str:
    digest = hashlib.sha256(f"{pair.zh}\x01{pair.en}".encode()).digest()
    return HALVES[digest[0] & 1]


def half(name: str) -> list[UnpcPair]:
    return [p for p in load_pairs() if half_of(p) == name]


def sample(name: str) -> list[UnpcPair]:
    """The pairs whose terms were written down by hand (fixed seed; short lines such as
    headings are kept: they are where names of bodies stand)."""
    pairs = [p for p in half(name) if p.zh.strip() and p.en.strip()]
    return sorted(random.Random(f"{SAMPLE_SEED}-{name}").sample(pairs, SAMPLE_SIZE[name]),
                  key=lambda p: p.line)  # fmt: skip


def gold_path(name: str) -> Path:
    return DATA / f"gold_unpc_{name}.tsv"


def extract(name: str, *, use_phraseology: bool = True, min_confidence: float | None = None):
    from aligner.align.embedder import get_embedder
    from aligner.terms.extract import ExtractParams, extract_from_pairs
    from aligner.terms.pair_text import PairText
    from aligner.terms.phraseology import vocabulary_without

    pairs = [PairText.of("UNPC", p.line, p.zh, p.en) for p in half(name)]
    knobs: dict[str, object] = {"use_phraseology": use_phraseology}
    if min_confidence is not None:
        knobs["min_confidence"] = min_confidence
    with vocabulary_without(left_out(name)):
        return extract_from_pairs(
            pairs,
            embedder=get_embedder(None),
            params=ExtractParams(**knobs),  # type: ignore[arg-type]
        )


def left_out(name: str) -> frozenset[str]:
    """Leave-one-out for the UN vocabulary: its entries were admitted by co-occurrence in the
    UNPC dev set (both halves), so a half is scored without the entries that neither the other
    half nor the official records attest."""
    from bench.glossary_eval import BUNDLED, REAL_RECORDS, record_texts, unattested_vocabulary

    other = next(h for h in HALVES if h != name)
    units = [record_texts(r) for r in (BUNDLED, *REAL_RECORDS)]
    units += [(p.zh, p.en) for p in half(other)]
    return unattested_vocabulary(units)


def load_judged(path: Path = JUDGED) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    return {
        (zh_key(r["zh"]), en_key(r["en"])): r["verdict"]
        for r in csv.DictReader(lines, delimiter="\t")
    }


def ranked_sample(entries: list, n: int) -> list:
    def rank(e) -> str:
        return hashlib.sha256(f"{zh_key(e.zh)}\x01{en_key(e.en)}".encode()).hexdigest()

    return sorted(entries, key=rank)[:n]


def recall(entries: list, gold: list[GoldEntry]) -> tuple[int, list[GoldEntry]]:
    keys = {(zh_key(e.zh), en_key(e.en)) for e in entries}
    keys |= {(zh_key(z), en_key(x)) for e in entries for z in e.zh_variants for x in [e.en]}
    missed = [g for g in gold if not any(z in g.zh_forms and x in g.en_forms for z, x in keys)]
    return len(gold) - len(missed), missed


def report(
    name: str,
    *,
    use_phraseology: bool,
    n: int,
    show: bool,
    min_confidence: float | None = None,
) -> dict[str, object]:
    t0 = time.perf_counter()
    entries = extract(name, use_phraseology=use_phraseology, min_confidence=min_confidence)
    seconds = time.perf_counter() - t0
    out: dict[str, object] = {"half": name, "list": use_phraseology, "output": len(entries)}
    gold_file = gold_path(name)
    if gold_file.exists():
        gold = list({(g.zh_forms, g.en_forms): g for g in load_gold(gold_file)}.values())
        found, missed = recall(entries, gold)
        out.update(gold=len(gold), found=found, recall=found / len(gold) if gold else 0.0)
        if show:
            print(f"\n[{name}, list {'on' if use_phraseology else 'off'}] missed:")
            for g in missed:
                print(f"  {g.zh}\t{g.en}\t{g.type}")
    judged = load_judged()
    chosen = ranked_sample(entries, n)
    verdicts = [judged.get((zh_key(e.zh), en_key(e.en))) for e in chosen]
    done = [v for v in verdicts if v in ("y", "n")]
    out.update(
        sampled=len(chosen),
        judged=len(done),
        correct=sum(v == "y" for v in done),
        precision=(sum(v == "y" for v in done) / len(done)) if done else 0.0,
        seconds=round(seconds, 1),
    )
    out["unjudged"] = [(e.zh, e.en, e.type, round(e.confidence, 3)) for e, v in
                       zip(chosen, verdicts, strict=True) if v not in ("y", "n")]  # fmt: skip
    out["wrong"] = [(e.zh, e.en, e.type, round(e.confidence, 3)) for e, v in
                    zip(chosen, verdicts, strict=True) if v == "n"]  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=HALVES, default=None, help="one half (default: both)")
    ap.add_argument("--show-sample", choices=HALVES, default=None)
    ap.add_argument("--without-list", action="store_true", help="only without the UN list")
    ap.add_argument("--precision-n", type=int, default=PRECISION_N)
    ap.add_argument("--unjudged", action="store_true", help="print sampled entries not judged")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--min-confidence", type=float, default=None)
    args = ap.parse_args(argv)
    if args.show_sample:
        for p in sample(args.show_sample):
            print(f"{p.line}\t{p.zh}\t{p.en}")
        return 0
    halves = [args.half] if args.half else list(HALVES)
    settings = [False] if args.without_list else [True, False]
    print("| half | list | output | gold found | recall | precision (judged/sampled) | s |")
    print("|---|---|---|---|---|---|---|")
    for name in halves:
        for use in settings:
            r = report(
                name,
                use_phraseology=use,
                n=args.precision_n,
                show=args.show_errors,
                min_confidence=args.min_confidence,
            )
            rec = f"{r['found']}/{r['gold']} | {r['recall']:.3f}" if "gold" in r else "- | -"
            print(
                f"| {name} | {'with' if use else 'without'} | {r['output']} | {rec} | "
                f"{r['precision']:.3f} ({r['correct']}/{r['judged']} of {r['sampled']}) "
                f"| {r['seconds']} |"
            )
            if args.unjudged:
                for row in r["unjudged"]:  # type: ignore[union-attr]
                    print("UNJUDGED\t" + "\t".join(map(str, row)))
            if args.show_errors:
                for row in r["wrong"]:  # type: ignore[union-attr]
                    print("WRONG\t" + "\t".join(map(str, row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
