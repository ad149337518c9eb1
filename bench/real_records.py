"""Real record pairs end to end: `verbalign align ZH EN --json` on every pair in
../shared/real/text and the bundled corpora/S-PV-9132, scored against hand-made gold.

    python -m bench.real_records               # every pair, a table
    python -m bench.real_records --json        # the same as JSON
    python -m bench.real_records --show S-PV-9642   # also print the links that are wrong
    python -m bench.real_records --long        # add a synthetic long meeting (speed, no gold)
    python -m bench.real_records --steps       # CPU seconds of each step, in this process

For each pair: turns per side, turn links (and how many are right against the gold), pairs by
type, pairs under 0.9 confidence, sentences that hold page furniture (job number, page counter,
running-header date), wall time and peak memory of the `verbalign align` process, and strict /
lax F1 against bench/gold/<pair>.jsonl where one exists.

The gold (bench/gold/README.md) is a list of links, each the sentence texts of both sides, so
that it does not depend on verbalign's segmentation: every predicted link is mapped onto the
gold sentences by the characters it covers (whitespace ignored, difflib for small repairs), then
scored with Vecalign's strict/lax semantics (bench/score.py). A predicted link that splits or
merges gold sentences is simply wrong, as it should be.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.score import Link, score_multiple

ROOT = Path(__file__).resolve().parents[1]
REAL_TEXT = ROOT.parent / "shared" / "real" / "text"
GOLD = ROOT / "bench" / "gold"
BUNDLED = ROOT / "corpora" / "S-PV-9132"
LOW_CONFIDENCE = 0.9
# Job numbers ("24-15338", "26-039206/28" glued to a page counter), page counters ("3/4") and
# running-header dates ("30/05/2024") have no business inside a sentence.
_FURNITURE = re.compile(
    r"\b\d{2}-\d{5}(?:\d*/\d+)?\b|(?<![\d/])\d{1,3}/\d{1,3}(?![\d/])|\b\d{2}/\d{2}/\d{4}\b"
)


@dataclass
class PairFiles:
    name: str
    zh: Path
    en: Path
    gold: Path | None


LONG = ROOT / "var" / "long-meeting"


def synthetic_long_meeting() -> PairFiles:
    """A long meeting for speed checks: S/PV.9132, the three real meetings and S/PV.9132 again,
    each later record from its opening line (Chinese) or its first speech (English), written
    to var/long-meeting (about 1,050 Chinese and 1,100 English sentences, 67 and 65 turns)."""
    zh = (BUNDLED / "zh.txt").read_text(encoding="utf-8")
    en = (BUNDLED / "en.txt").read_text(encoding="utf-8")
    later_zh, later_en = [], []
    for name in ("S-PV-9642", "S-PV-9722", "S-PV-9826"):
        later_zh.append(_from_opening((REAL_TEXT / f"{name}.zh.txt").read_text(encoding="utf-8")))
        later_en.append((REAL_TEXT / f"{name}.en.txt").read_text(encoding="utf-8"))
    later_zh.append(_from_opening(zh))
    later_en.append(en[en.index("The meeting was called to order") :])
    LONG.mkdir(parents=True, exist_ok=True)
    (LONG / "zh.txt").write_text("\n".join([zh, *later_zh]), encoding="utf-8")
    (LONG / "en.txt").write_text("\n".join([en, *later_en]), encoding="utf-8")
    return PairFiles("long (synthetic)", LONG / "zh.txt", LONG / "en.txt", None)


def _from_opening(text: str) -> str:
    start = text.index("开会。")
    return text[text.rfind("\n", 0, start) + 1 :]


def step_times(pair: PairFiles) -> dict[str, float]:
    """CPU seconds of parse, embed, turn alignment and the whole alignment step, in-process."""
    from aligner.align.embedder import get_embedder
    from aligner.align.pipeline import align_records
    from aligner.align.turns import align_turns
    from aligner.parse import parse_record

    def cpu() -> float:
        return time.process_time()

    t0 = cpu()
    zh, en = parse_record(pair.zh), parse_record(pair.en)
    t1 = cpu()
    embedder = get_embedder()
    embedder.encode_spans([s.text for r in (zh, en) for s in r.sentences()], 1)
    t2 = cpu()
    align_turns(zh, en)
    t3 = cpu()
    align_records(zh, en, embedder=embedder)
    t4 = cpu()
    return {"parse": t1 - t0, "embed": t2 - t1, "turns": t3 - t2, "align": t4 - t3}


def record_pairs() -> list[PairFiles]:
    pairs = []
    for zh in sorted(REAL_TEXT.glob("*.zh.txt")):
        name = zh.name.removesuffix(".zh.txt")
        en = zh.with_name(f"{name}.en.txt")
        if en.exists():
            gold = GOLD / f"{name}.jsonl"
            pairs.append(PairFiles(name, zh, en, gold if gold.exists() else None))
    if (BUNDLED / "zh.txt").exists():
        gold = GOLD / "S-PV-9132.jsonl"
        pairs.append(
            PairFiles(
                "S-PV-9132", BUNDLED / "zh.txt", BUNDLED / "en.txt", gold if gold.exists() else None
            )
        )
    return pairs


# --- running verbalign --------------------------------------------------------------------
@dataclass
class Run:
    output: dict
    seconds: float
    cpu_seconds: float
    peak_mb: float


def run_align(pair: PairFiles) -> Run:
    """`verbalign align ZH EN --json` in a child process (a cold start, as a user runs it)."""
    cli = [sys.executable, "-c", "from aligner.cli import main; main()"]
    cmd = [*cli, "align", str(pair.zh), str(pair.en), "--json"]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    chunks: dict[str, str] = {}
    readers = [
        threading.Thread(target=lambda k=k, f=f: chunks.__setitem__(k, f.read()))
        for k, f in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for t in readers:
        t.start()
    # wait4 gives this child's own peak resident memory (kB on Linux).
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    for t in readers:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"verbalign align failed on {pair.name}: {chunks['err'].strip()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(json.loads(chunks["out"]), seconds, cpu, usage.ru_maxrss / 1024)


# --- text-based scoring -------------------------------------------------------------------
def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


class SideMap:
    """Maps text spans of one side onto the gold sentences of that side."""

    def __init__(self, gold_sentences: list[str], predicted_sentences: list[str]) -> None:
        self.gold_text, self.gold_owner = _concat(gold_sentences)
        pred_text, self.pred_owner = _concat(predicted_sentences)
        matcher = difflib.SequenceMatcher(None, pred_text, self.gold_text, autojunk=False)
        # pred char -> gold char, where the texts agree.
        self.to_gold: dict[int, int] = {}
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                self.to_gold[a + k] = b + k
        self.n_pred = len(predicted_sentences)

    def assign(self) -> list[set[int]]:
        """For each predicted sentence, the gold sentences it owns: each gold sentence goes to
        the predicted sentence that covers most of its characters."""
        votes: dict[int, Counter[int]] = {}
        for pc, gc in self.to_gold.items():
            votes.setdefault(self.gold_owner[gc], Counter())[self.pred_owner[pc]] += 1
        owned: list[set[int]] = [set() for _ in range(self.n_pred)]
        for gold_index, counter in votes.items():
            owned[counter.most_common(1)[0][0]].add(gold_index)
        return owned


def _concat(sentences: list[str]) -> tuple[str, list[int]]:
    parts, owner = [], []
    for k, s in enumerate(sentences):
        n = _norm(s)
        parts.append(n)
        owner.extend([k] * len(n))
    return "".join(parts), owner


def read_gold(path: Path) -> list[tuple[list[str], list[str]]]:
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            links.append((d["zh"], d["en"]))
    return links


@dataclass
class Scored:
    gold: list[Link]
    predicted: list[Link]
    wrong: list[tuple[list[str], list[str]]] = field(default_factory=list)
    turn_links_right: int = 0


def score_pair(gold_links: list[tuple[list[str], list[str]]], output: dict) -> Scored:
    """Gold and predicted links as gold sentence indices, ready for bench.score."""
    gold_zh = [s for zs, _ in gold_links for s in zs]
    gold_en = [s for _, es in gold_links for s in es]
    gold: list[Link] = []
    zi = ei = 0
    for zs, es in gold_links:
        gold.append((tuple(range(zi, zi + len(zs))), tuple(range(ei, ei + len(es)))))
        zi, ei = zi + len(zs), ei + len(es)
    pairs = output["pairs"]
    pred_zh = [s for p in pairs for s in p["zh"]]
    pred_en = [s for p in pairs for s in p["en"]]
    zh_owned = SideMap(gold_zh, pred_zh).assign()
    en_owned = SideMap(gold_en, pred_en).assign()
    predicted: list[Link] = []
    wrong = []
    zk = ek = 0
    junk = -1
    gold_set = set(gold)
    for p in pairs:
        zs = sorted(set().union(*zh_owned[zk : zk + len(p["zh"])]))
        es = sorted(set().union(*en_owned[ek : ek + len(p["en"])]))
        zk, ek = zk + len(p["zh"]), ek + len(p["en"])
        if not zs and not es:
            # Text that is in no gold sentence (furniture, a header): a wrong link.
            zs, junk = [junk], junk - 1
        link = (tuple(zs), tuple(es))
        predicted.append(link)
        if link not in gold_set:
            wrong.append((p["zh"], p["en"]))
    scored = Scored(gold, predicted, wrong)
    scored.turn_links_right = _turn_links_right(gold, output, zh_owned, en_owned)
    return scored


def _turn_links_right(
    gold: list[Link], output: dict, zh_owned: list[set[int]], en_owned: list[set[int]]
) -> int:
    """Turn links whose sentences' gold partners all lie inside the same turn link."""
    turn_of_zh: dict[int, int] = {}
    turn_of_en: dict[int, int] = {}
    zk = ek = 0
    link_of = {}
    for k, t in enumerate(output["turns"]):
        for side in ("zh", "en"):
            for turn in t.get(f"{side}_turns") or [t[f"{side}_turn"]]:
                if turn is not None:
                    link_of[(side, turn)] = k
    for p in output["pairs"]:
        for _ in p["zh"]:
            for g in zh_owned[zk]:
                turn_of_zh[g] = link_of.get(("zh", p.get("zh_turn")), -1)
            zk += 1
        for _ in p["en"]:
            for g in en_owned[ek]:
                turn_of_en[g] = link_of.get(("en", p.get("en_turn")), -1)
            ek += 1
    bad: set[int] = set()
    for zs, es in gold:
        links = {turn_of_zh.get(i, -2) for i in zs} | {turn_of_en.get(j, -3) for j in es}
        if len(links) > 1:
            bad |= links
    return sum(1 for k in range(len(output["turns"])) if k not in bad)


# --- the table ------------------------------------------------------------------------------
def measure(pair: PairFiles, show: bool = False) -> dict:
    run = run_align(pair)
    out = run.output
    zh_turns = {t["zh_turn"] for t in out["turns"] if t["zh_turn"] is not None}
    en_turns = {t["en_turn"] for t in out["turns"] if t["en_turn"] is not None}
    types = Counter(p["type"] for p in out["pairs"])
    furniture = [
        s for p in out["pairs"] for s in p["zh"] + p["en"] if _FURNITURE.search(_strip_refs(s))
    ]
    row = {
        "pair": pair.name,
        "zh_turns": len(zh_turns),
        "en_turns": len(en_turns),
        "turn_links": len(out["turns"]),
        "pairs": len(out["pairs"]),
        "types": dict(types.most_common()),
        "under_0.9": sum(1 for p in out["pairs"] if p["confidence"] < LOW_CONFIDENCE),
        "furniture": len(furniture),
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "peak_mb": run.peak_mb,
    }
    if pair.gold is not None:
        scored = score_pair(read_gold(pair.gold), out)
        s = score_multiple([scored.gold], [scored.predicted])
        row.update(
            f1_strict=s.f1_strict,
            f1_lax=s.f1_lax,
            precision_strict=s.precision_strict,
            recall_strict=s.recall_strict,
            turn_links_right=scored.turn_links_right,
            gold_links=len(scored.gold),
        )
        row["_scored"] = scored
        if show:
            for zs, es in scored.wrong:
                print(f"  wrong: {' '.join(zs)[:90]!r} <-> {' '.join(es)[:90]!r}")
    if show:
        for s in furniture:
            print(f"  furniture: {s[:120]!r}")
    return row


def _strip_refs(sentence: str) -> str:
    # Resolution and document references ("2732 (2024)", "S/2024/368") are not furniture.
    return re.sub(r"[A-Z]+(?:/[A-Z0-9.]+)+|\d+\s*[（(]\d{4}[)）]", "", sentence)


def _table(rows: list[dict]) -> str:
    head = (
        "| pair | turns zh/en | turn links (right) | pairs | 1-1 / other types | < 0.9 "
        "| furniture | strict F1 | lax F1 | wall s | CPU s | MB |"
    )
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        others = ", ".join(f"{t} {n}" for t, n in r["types"].items() if t != "1-1")
        right = f" ({r['turn_links_right']})" if "turn_links_right" in r else ""
        f1 = f"{r['f1_strict']:.3f}" if "f1_strict" in r else "—"
        lax = f"{r['f1_lax']:.3f}" if "f1_lax" in r else "—"
        lines.append(
            f"| {r['pair']} | {r['zh_turns']}/{r['en_turns']} | {r['turn_links']}{right} | "
            f"{r['pairs']} | {r['types'].get('1-1', 0)} / {others or '-'} | {r['under_0.9']} | "
            f"{r['furniture']} | {f1} | {lax} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | "
            f"{r['peak_mb']:.0f} |"
        )
    scored = [r["_scored"] for r in rows if "_scored" in r]
    if scored:
        s = score_multiple([x.gold for x in scored], [x.predicted for x in scored])
        lines.append(
            f"| pooled (with gold) | | | | | | | **{s.f1_strict:.3f}** | {s.f1_lax:.3f} | | | |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", nargs="+", help="only these pairs (e.g. S-PV-9642)")
    ap.add_argument("--show", nargs="*", help="print the wrong links of these pairs (all if none)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--long", action="store_true", help="add the synthetic long meeting")
    ap.add_argument("--steps", action="store_true", help="CPU seconds per step, in-process")
    args = ap.parse_args()
    pairs = record_pairs() + ([synthetic_long_meeting()] if args.long else [])
    if args.steps:
        for pair in pairs:
            if not args.pairs or pair.name in args.pairs:
                steps = step_times(pair)
                print(pair.name, "  ".join(f"{k} {v:.2f} s" for k, v in steps.items()))
        return
    rows = []
    for pair in pairs:
        if args.pairs and pair.name not in args.pairs:
            continue
        show = args.show is not None and (not args.show or pair.name in args.show)
        if show:
            print(pair.name)
        rows.append(measure(pair, show))
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "_scored"} for r in rows], indent=2))
    else:
        print(_table(rows))


if __name__ == "__main__":
    main()
