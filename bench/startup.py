"""Start-up cost of the command line: the default model (torch-free) against the same USE model
through sentence-transformers (`--model use-st`, the path every command took before).

    python -m bench.startup [--runs 5] [--old-tree DIR]

Runs, as fresh processes, `verbalign align-sentences` on a two-line input with each model and
`verbalign parse` on the bundled Chinese record, interleaved so both paths see the same machine
load, and prints the median and worst wall time and CPU time (user + system of the child) per
command. Also checks that both models print the same links. `--old-tree DIR` adds the same
align-sentences command run from another checkout of the project (e.g. `git worktree add
/tmp/old <commit>`; it must be importable with this interpreter), to compare with the code
before a change in the same session.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "corpora" / "S-PV-9132" / "zh.txt"
ZH = ["安全理事会今天举行会议。", "秘书长介绍了最新情况。"]
EN = ["The Security Council met today.", "The Secretary-General gave an update."]


def verbalign() -> list[str]:
    exe = Path(sys.executable).with_name("verbalign")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "aligner.cli"]


def timed(cmd: list[str], tree: Path | None = None) -> tuple[float, float, str]:
    """(wall s, child CPU s, stdout) of one run; `tree` goes first on PYTHONPATH."""
    env = {**os.environ}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, cwd=tree)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per command (interleaved)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--old-tree", type=Path, help="also run align-sentences from this checkout")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp, "src.txt"), Path(tmp, "tgt.txt")
        src.write_text("\n".join(ZH) + "\n", encoding="utf-8")
        tgt.write_text("\n".join(EN) + "\n", encoding="utf-8")
        align = [*verbalign(), "align-sentences", str(src), str(tgt)]
        align += ["--src-lang", "zh", "--tgt-lang", "en"]
        commands = {
            "align-sentences (default use-m-v3)": align,
            "align-sentences --model use-st": [*align, "--model", "use-st"],
            "parse zh.txt": [*verbalign(), "parse", str(RECORD)],
        }
        trees: dict[str, Path] = {}
        if args.old_tree is not None:
            old = f"align-sentences, {args.old_tree.name} checkout"
            entry = "from aligner.cli import main; main()"
            commands[old] = [sys.executable, "-c", entry, *align[1:]]
            trees[old] = args.old_tree.resolve()
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        outputs: dict[str, set[str]] = {name: set() for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                wall, cpu, out = timed(cmd, trees.get(name))
                times[name].append((wall, cpu))
                outputs[name].add(out)
    default, via_st = (outputs[name] for name in list(commands)[:2])
    same = default == via_st
    rows = []
    for name, runs in times.items():
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        rows.append(
            {
                "command": name,
                "runs": len(runs),
                "wall_median_s": round(statistics.median(walls), 2),
                "wall_max_s": round(max(walls), 2),
                "cpu_median_s": round(statistics.median(cpus), 2),
            }
        )
    if args.json:
        print(json.dumps({"same_links": same, "results": rows}, indent=2))
        return 0 if same else 1
    print(f"{'command':<38}{'runs':>5}{'wall p50':>10}{'wall max':>10}{'CPU p50':>9}")
    for r in rows:
        print(
            f"{r['command']:<38}{r['runs']:>5}{r['wall_median_s']:>9.2f}s"
            f"{r['wall_max_s']:>9.2f}s{r['cpu_median_s']:>8.2f}s"
        )
    print(f"same links from both models: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
