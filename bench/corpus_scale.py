"""Archive-scale corpus build: throughput, cost per pair, memory, resume after kill -9.

    python -m bench.corpus_scale [--pairs 50] [--pairs-one-worker 12] [--kill-pairs 20]
                                 [--sentences 450] [--work DIR] [--profile 3]
                                 [--runs local2,local1,ray2,ray1] [--json FILE]

1. Generates synthetic verbatim record pairs from the gold-aligned sets in ../shared/bench
   (copyrighted: read at run time; the generated records go to a temporary folder, or --work,
   never into the repository): a cover with its own symbol, the opening line, speaker turns
   with headers in both languages (Member States from the project's table), paragraphs of
   gold-aligned sentences (~--sentences a side), wrapped lines and running page furniture, the
   closing line. Each pair starts at a different place in the pooled sets.
2. Builds them with `verbalign corpus build` (a subprocess each, so the CPU time of every worker
   is counted): local engine with 2 workers on --pairs pairs, local with 1 worker on the first
   --pairs-one-worker pairs, and the same two with `--engine ray` (Ray in local mode).
3. Reports, per run: wall time, pairs per hour, CPU-seconds per pair inside warm workers (the
   task's own measure, in every done marker) and all-in (every process of the run's process
   tree, model loads and Ray daemons included), peak memory per worker; and checks the corpora
   are identical across engines (the shards' checksums).
4. Kills a local build (--kill-pairs pairs, 2 workers) with SIGKILL once about half the pairs
   are done, reruns it, and checks that nothing was lost or done twice.
5. Profiles --profile pairs inside one warm process: read, parse, embed, align (turns and
   sentences, embeddings cached), table/write; and the top functions by cumulative time.
6. Extrapolates to 86,000 pairs on a 32-core cluster from the measured warm cost per pair.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpora import load_set

VERBALIGN = str(Path(sys.executable).parent / "verbalign")
SETS = ("pol", "mac-dev", "aca", "mag", "bible")
TARGET_PAIRS = 86_000
TARGET_CORES = 32

# Speaker turns as UN records print them; States from aligner/data/member_states.tsv, names
# made up for the benchmark.
SPEAKERS = [
    ("马丁先生（法国）（以法语发言）：", "Mr. Martin (France) (spoke in French):"),
    ("王先生（中国）：", "Mr. Wang (China) (spoke in Chinese):"),
    ("史密斯女士（联合王国）（以英语发言）：", "Ms. Smith (United Kingdom):"),
    ("加西亚先生（墨西哥）（以西班牙语发言）：", "Mr. Garcia (Mexico) (spoke in Spanish):"),
    (
        "彼得罗夫先生（俄罗斯联邦）（以俄语发言）：",
        "Mr. Petrov (Russian Federation) (spoke in Russian):",
    ),
    ("卡里米先生（阿尔及利亚）（以阿拉伯语发言）：", "Mr. Karimi (Algeria) (spoke in Arabic):"),
    ("约翰逊女士（美利坚合众国）（以英语发言）：", "Ms. Johnson (United States of America):"),
    ("田中先生（日本）（以英语发言）：", "Mr. Tanaka (Japan):"),
    ("席尔瓦女士（巴西）（以英语发言）：", "Ms. Silva (Brazil):"),
    ("奥卡福先生（尼日利亚）（以英语发言）：", "Mr. Okafor (Nigeria):"),
]


# --- 1. synthetic records --------------------------------------------------------------------


def sentence_blocks() -> list[tuple[list[str], list[str]]]:
    """Gold links of every set as (zh sentences, en sentences), insertions/deletions left out."""
    blocks = []
    for name in SETS:
        for doc in load_set(name):
            zh, en = (doc.src, doc.tgt) if doc.src_lang == "zh" else (doc.tgt, doc.src)
            for src, tgt in doc.gold:
                zs, es = (src, tgt) if doc.src_lang == "zh" else (tgt, src)
                if zs and es:
                    z = [zh[i] for i in zs if zh[i].strip()]
                    e = [en[j] for j in es if en[j].strip()]
                    if z and e:
                        blocks.append((z, e))
    return blocks


def _page_furniture(lines: list[str], symbol: str, lang: str, every: int = 55) -> list[str]:
    out = []
    page = 1
    for k, line in enumerate(lines):
        if k and k % every == 0:
            page += 1
            header = (
                f"{symbol} 和平与安全 01/03/2025"
                if lang == "zh"
                else (f"{symbol} Peace and security 01/03/2025")
            )
            out += ["", f"{page}/40 25-0{symbol[-4:]}", "", header, ""]
        out.append(line)
    return out


def record_pair(
    number: int, blocks: list[tuple[list[str], list[str]]], start: int, sentences: int
) -> tuple[str, str, str]:
    """(symbol, zh text, en text) of synthetic meeting `number`."""
    rng = random.Random(number)
    symbol = f"S/PV.{number}"
    zh_lines = [f"联合国 {symbol}", "安全理事会", "第八十年", "", "上午10时05分开会。", ""]
    en_lines = [f"United Nations {symbol}", "Security Council", "Eightieth year", "",
                "The meeting was called to order at 10.05 a.m.", ""]  # fmt: skip
    zh_lines += ["主席（以英语发言）：安全理事会现在开始审议其议程上的项目。", ""]
    en_lines += ["The President: The Security Council will now begin its consideration of "
                 "the item on its agenda.", ""]  # fmt: skip
    k, count = start, 0
    while count < sentences:
        zh_head, en_head = rng.choice(SPEAKERS)
        turn_len = rng.randint(25, 50)
        paragraphs: list[tuple[list[str], list[str]]] = []
        para_zh: list[str] = []
        para_en: list[str] = []
        taken = 0
        while taken < turn_len and count < sentences:
            z, e = blocks[k % len(blocks)]
            k += 1
            para_zh += z
            para_en += e
            taken += len(z)
            count += len(z)
            if len(para_zh) >= rng.randint(3, 6):
                paragraphs.append((para_zh, para_en))
                para_zh, para_en = [], []
        if para_zh:
            paragraphs.append((para_zh, para_en))
        for p, (pz, pe) in enumerate(paragraphs):
            zh_text = "".join(pz)
            en_text = " ".join(pe)
            if p == 0:
                zh_text, en_text = zh_head + zh_text, f"{en_head} {en_text}"
            zh_lines += [*textwrap.wrap(zh_text, 38), ""]
            en_lines += [*textwrap.wrap(en_text, 88), ""]
    zh_lines += ["上午11时35分散会。"]
    en_lines += ["The meeting rose at 11.35 a.m."]
    zh = "\n".join(_page_furniture(zh_lines, symbol, "zh")) + "\n"
    en = "\n".join(_page_furniture(en_lines, symbol, "en")) + "\n"
    return symbol, zh, en


def generate(folder: Path, pairs: int, sentences: int) -> list[str]:
    blocks = sentence_blocks()
    folder.mkdir(parents=True, exist_ok=True)
    total = sum(len(z) for z, _ in blocks)
    # Starts spread over the pool (a stride co-prime with its size), so pairs differ.
    stride = max(1, int(len(blocks) * 0.381966))
    names = []
    for i in range(pairs):
        symbol, zh, en = record_pair(9000 + i, blocks, i * stride, sentences)
        stem = symbol.replace("/", "-")
        (folder / f"{stem}.zh.txt").write_text(zh, encoding="utf-8")
        (folder / f"{stem}.en.txt").write_text(en, encoding="utf-8")
        names.append(stem)
    print(f"generated {pairs} pairs of ~{sentences} sentences a side in {folder} "
          f"(pool: {len(blocks)} gold links, {total} zh sentences)", flush=True)  # fmt: skip
    return names


# --- 2./3. builds ----------------------------------------------------------------------------


@dataclass
class Run:
    label: str
    engine: str
    workers: int
    pairs: int
    wall_s: float
    all_in_cpu_s: float
    warm_cpu_per_pair: float
    warm_wall_per_pair: float
    peak_rss_mb_per_worker: float
    stages: dict[str, float]
    built: int
    failed: int
    out: Path

    @property
    def pairs_per_hour(self) -> float:
        return 3600 * self.pairs / self.wall_s

    @property
    def all_in_cpu_per_pair(self) -> float:
        return self.all_in_cpu_s / self.pairs


_TICK = os.sysconf("SC_CLK_TCK")


class TreeCpu:
    """CPU seconds of a process and all its descendants, sampled from /proc every 0.5 s (Ray's
    workers are children of its raylet, not of the build, so rusage alone misses them). The
    last half second of a process that exits between samples is lost: a floor."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(0.5):
            self.sample()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        cpu: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            parents[int(entry.name)] = int(fields[1])
            cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICK
        tree = {self.root}
        grew = True
        while grew:
            grew = False
            for pid, ppid in parents.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        for pid in tree:
            if pid in cpu:
                self.seen[pid] = max(self.seen.get(pid, 0.0), cpu[pid])

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return sum(self.seen.values())


def build(label: str, src: Path, out: Path, engine: str, workers: int, limit: int) -> Run:
    if out.exists():
        shutil.rmtree(out)
    args = [VERBALIGN, "corpus", "build", str(src), "--out", str(out), "--engine", engine,
            "--workers", str(workers), "--limit", str(limit), "--json"]  # fmt: skip
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    meter = TreeCpu(proc.pid)
    stdout, stderr = proc.communicate()
    wall, cpu = time.perf_counter() - t0, meter.stop()
    run = subprocess.CompletedProcess(args, proc.returncode, stdout, stderr)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{label}: build failed: {run.stderr.strip()[-2000:]}")
    report = json.loads(run.stdout)
    markers = [json.loads(p.read_text()) for p in (out / "done").glob("*.json")]
    costs = [m["cost"] for m in markers]
    stages: dict[str, float] = {}
    for c in costs:
        for k, v in c["stages"].items():
            stages[k] = stages.get(k, 0.0) + v / len(costs)
    # ru_maxrss is a process's lifetime peak: the last marker of each worker holds its peak.
    peaks: dict[int, float] = {}
    for m in markers:
        pid = m["cost"].get("pid") or hash(m["task_key"])
        peaks[pid] = max(peaks.get(pid, 0.0), m["cost"]["peak_rss_mb"])
    result = Run(
        label=label,
        engine=engine,
        workers=workers,
        pairs=limit,
        wall_s=wall,
        all_in_cpu_s=cpu,
        warm_cpu_per_pair=sum(c["cpu_seconds"] for c in costs) / len(costs),
        warm_wall_per_pair=sum(c["seconds"] for c in costs) / len(costs),
        peak_rss_mb_per_worker=max(peaks.values()),
        stages={k: round(v, 3) for k, v in stages.items()},
        built=report["built"],
        failed=report["failed"],
        out=out,
    )
    print(f"{label}: {result.pairs} pairs in {wall:.0f} s, {result.pairs_per_hour:.0f} pairs/h, "
          f"warm {result.warm_cpu_per_pair:.2f} CPU-s/pair, all-in {result.all_in_cpu_per_pair:.2f}"
          f" CPU-s/pair, peak {result.peak_rss_mb_per_worker:.0f} MB/worker, "
          f"{result.failed} failed", flush=True)  # fmt: skip
    return result


def shard_checksums(out: Path) -> dict[str, str]:
    manifest = json.loads((out / "manifest.json").read_text())
    return {s["task_key"]: s["sha256"] for s in manifest["shards"]}


# --- 4. kill -9 and resume -------------------------------------------------------------------


def kill_and_resume(src: Path, out: Path, pairs: int) -> dict[str, object]:
    if out.exists():
        shutil.rmtree(out)
    args = [VERBALIGN, "corpus", "build", str(src), "--out", str(out), "--workers", "2",
            "--limit", str(pairs), "--json"]  # fmt: skip
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    while len(list((out / "done").glob("*.json"))) < pairs // 2 and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = {p.stem for p in (out / "done").glob("*.json")}
    tmp_left = len(list(out.rglob("*.tmp")))
    run = subprocess.run(args, capture_output=True, text=True)
    report = json.loads(run.stdout)
    manifest = json.loads((out / "manifest.json").read_text())
    import pyarrow.parquet as pq

    ids: list[str] = []
    for s in manifest["shards"]:
        ids += pq.read_table(out / s["shard"], columns=["pair_id"])["pair_id"].to_pylist()
    outcome = {
        "pairs": pairs,
        "done_before_kill": len(done_before),
        "temp_files_left_by_kill": tmp_left,
        "rerun_skipped": report["skipped"],
        "rerun_built": report["built"],
        "records_in_manifest": len(manifest["shards"]),
        "pair_ids": len(ids),
        "pair_ids_unique": len(set(ids)),
        "ok": report["skipped"] == len(done_before)
        and report["built"] == pairs - len(done_before)
        and len(manifest["shards"]) == pairs
        and len(ids) == len(set(ids)) == manifest["totals"]["pairs"],
    }
    print(f"kill -9 after {len(done_before)}/{pairs} pairs; rerun skipped {report['skipped']}, "
          f"built {report['built']}; {len(ids)} pair ids, all unique: {outcome['ok']}",
          flush=True)  # fmt: skip
    return outcome


# --- 5. profile ------------------------------------------------------------------------------


def profile(src: Path, pairs: int) -> dict[str, object]:
    """Where a warm worker's time goes, per pair (CPU seconds, this process, one thread)."""
    from aligner.align.pipeline import align_records
    from aligner.corpus.from_alignment import alignment_table
    from aligner.corpus.inputs import discover_pairs
    from aligner.pipeline.corpus_build import plan
    from aligner.pipeline.task import TaskSettings, load_embedder, parse_step, prepare_worker

    tmp = Path(tempfile.mkdtemp(prefix="verbalign-profile-"))
    settings = TaskSettings(out_dir=str(tmp))
    prepare_worker(settings)
    t0 = time.process_time()
    embedder = load_embedder(settings)
    load_s = time.process_time() - t0
    found = discover_pairs(src)
    found.pairs = found.pairs[:pairs]
    tasks, _ = plan(found, settings)
    totals: dict[str, float] = {}
    sizes = []
    for task in tasks:
        embedder.clear_memory_cache()
        t = time.process_time()
        parsed = parse_step(task)
        t_parse = time.process_time()
        texts = list(dict.fromkeys(s.text for r in (parsed.zh, parsed.en) for s in r.sentences()))
        embedder.encode_spans(texts, 1)  # what align_records does first; then it hits the cache
        t_embed = time.process_time()
        result = align_records(parsed.zh, parsed.en, embedder=embedder, params=settings.params())
        t_align = time.process_time()
        alignment_table(result, parsed.symbol, task.key)
        t_table = time.process_time()
        sizes.append((len(list(parsed.zh.sentences())), len(list(parsed.en.sentences()))))
        for k, v in (
            ("read+parse", t_parse - t),
            ("embed (USE sentence pools, all sentences)", t_embed - t_parse),
            ("align (turns + sentence DP; span pooling, features, DP)", t_align - t_embed),
            ("canonical table", t_table - t_align),
        ):
            totals[k] = totals.get(k, 0.0) + v / len(tasks)
    # One whole pair again under cProfile (cache cleared), for the hot spots by own time.
    embedder.clear_memory_cache()
    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    profiler.enable()
    parsed = parse_step(tasks[0])
    align_records(parsed.zh, parsed.en, embedder=embedder, params=settings.params())
    profiler.disable()
    buf = io.StringIO()
    pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(20)
    shutil.rmtree(tmp, ignore_errors=True)
    out = {
        "model_load_cpu_s": round(load_s, 2),
        "pairs": len(tasks),
        "sentences_zh_en": sizes,
        "cpu_s_per_pair": {k: round(v, 3) for k, v in totals.items()},
        "align_profile_top": buf.getvalue(),
    }
    print(json.dumps({k: v for k, v in out.items() if k != "align_profile_top"}, indent=1))
    print(out["align_profile_top"])
    return out


# --- 6. report -------------------------------------------------------------------------------


def extrapolate(per_pair_cpu: float, efficiency: float) -> dict[str, float]:
    core_hours = TARGET_PAIRS * per_pair_cpu / 3600
    return {
        "per_pair_cpu_s": round(per_pair_cpu, 2),
        "pairs_per_core_hour": round(3600 / per_pair_cpu),
        "core_hours": round(core_hours, 1),
        "parallel_efficiency": round(efficiency, 2),
        "hours_on_32_cores": round(core_hours / TARGET_CORES / efficiency, 2),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=50, help="pairs of the 2-worker runs")
    ap.add_argument("--pairs-one-worker", type=int, default=12, help="pairs of 1-worker runs")
    ap.add_argument("--kill-pairs", type=int, default=20, help="pairs of the kill -9 run (0: skip)")
    ap.add_argument("--sentences", type=int, default=450, help="sentences a side per pair")
    ap.add_argument("--work", type=Path, help="folder for records and corpora (default: temp)")
    ap.add_argument(
        "--runs",
        default="local2,local1,ray2,ray1",
        help="builds to run: local2, local1, ray2, ray1 (comma-separated)",
    )
    ap.add_argument("--profile", type=int, default=3, help="pairs to profile in-process (0: skip)")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="verbalign-corpus-scale-"))
    src = work / "records"
    if src.exists():
        shutil.rmtree(src)
    generate(src, max(args.pairs, args.pairs_one_worker, args.kill_pairs), args.sentences)
    results: dict[str, object] = {"machine": {"cores": os.cpu_count(), "load": os.getloadavg()}}
    if args.profile:
        results["profile"] = profile(src, args.profile)
    wanted = {r.strip() for r in args.runs.split(",") if r.strip()}
    plans = {
        "local2": ("local, 2 workers", "local", 2, args.pairs),
        "local1": ("local, 1 worker", "local", 1, args.pairs_one_worker),
        "ray2": ("ray, 2 workers", "ray", 2, args.pairs),
        "ray1": ("ray, 1 worker", "ray", 1, args.pairs_one_worker),
    }
    runs = {
        key: build(label, src, work / key, engine, workers, pairs)
        for key, (label, engine, workers, pairs) in plans.items()
        if key in wanted
    }
    for workers in (2, 1):
        local, ray = work / f"local{workers}", work / f"ray{workers}"
        if (local / "manifest.json").is_file() and (ray / "manifest.json").is_file():
            same = shard_checksums(local) == shard_checksums(ray)
            results.setdefault("identical_corpora", {})[f"{workers} worker(s)"] = same
            print(f"identical corpora, local vs ray with {workers} worker(s): {same}")
    if args.kill_pairs:
        results["kill_resume"] = kill_and_resume(src, work / "killed", args.kill_pairs)
    results["runs"] = [
        {
            "run": r.label,
            "pairs": r.pairs,
            "wall_s": round(r.wall_s, 1),
            "pairs_per_hour": round(r.pairs_per_hour),
            "warm_cpu_s_per_pair": round(r.warm_cpu_per_pair, 2),
            "all_in_cpu_s_per_pair": round(r.all_in_cpu_per_pair, 2),
            "peak_rss_mb_per_worker": round(r.peak_rss_mb_per_worker),
            "stages_cpu_s": r.stages,
            "failed": r.failed,
        }
        for r in runs.values()
    ]
    if "local2" in runs and "local1" in runs:
        local2, local1 = runs["local2"], runs["local1"]
        # Parallel efficiency here: pairs/hour with 2 workers over twice that with 1.
        efficiency = min(1.0, local2.pairs_per_hour / (2 * local1.pairs_per_hour))
        results["extrapolation"] = extrapolate(local2.warm_cpu_per_pair, efficiency)
        results["extrapolation_all_in"] = extrapolate(local2.all_in_cpu_per_pair, efficiency)
    print()
    print(
        "| run | pairs | wall s | pairs/h | CPU-s/pair warm | CPU-s/pair all-in | peak MB/worker |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results["runs"]:
        print(f"| {r['run']} | {r['pairs']} | {r['wall_s']} | {r['pairs_per_hour']} | "
              f"{r['warm_cpu_s_per_pair']} | {r['all_in_cpu_s_per_pair']} | "
              f"{r['peak_rss_mb_per_worker']} |")  # fmt: skip
    if "extrapolation" in results:
        print("extrapolation to 86,000 pairs on 32 cores:", json.dumps(results["extrapolation"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
