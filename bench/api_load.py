"""Load benchmark of the HTTP API on 127.0.0.1 with the demo data.

    python -m bench.api_load [--db var/verbalign.db] [--requests 400] [--concurrency 4]
                             [--during-import]

Starts `uvicorn api.main:create_app` in a subprocess on a free local port over the demo
database (run `make demo` or `verbalign import corpora/S-PV-9132/zh.txt corpora/S-PV-9132/en.txt`
first), warms each endpoint up (the first TM look-up loads the embedding model), then sends a
bounded number of requests from a pool of client threads and prints requests/s with p50/p99
latency for GET /search, POST /tm/lookup and GET /records/{symbol}/pairs. Both server and
client share the machine's cores, so the figures are a floor, not a capacity.

`--during-import` then measures POST /tm/lookup again while the server re-imports the bundled
S/PV.9132 pair (POST /records with force: parse, align, glossary, TM index), from the upload
until the job is done. The server works on a copy of the database, so --db is left as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

SEARCH_QUERIES = [
    "安理会",
    "停火",
    "亚美尼亚",
    "边界",
    "人道",
    "Security Council",
    "ceasefire",
    "Armenia",
    "border",
    "OSCE",
    "領土完整",
    "对话",
]


@dataclass
class Result:
    endpoint: str
    requests: int
    concurrency: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "corpora" / "S-PV-9132"


def start_server(db: Path, port: int, workers: int, token: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "VERBALIGN_DB": str(db), "HF_HUB_OFFLINE": "1", "VERBALIGN_TOKEN": token}
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "api.main:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--workers",
        str(workers),
    ]
    return subprocess.Popen(cmd, env=env)


def wait_ready(base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not start in {timeout:.0f} s")


def run(
    name: str,
    call: Callable[[httpx.Client, int], httpx.Response],
    n: int,
    concurrency: int,
    until: threading.Event | None = None,
) -> Result:
    """n requests from `concurrency` threads; with `until`, as many as fit before it is set."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    counter = iter(range(n if until is None else 10**9))

    def worker() -> None:
        with httpx.Client(timeout=60.0) as client:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None or (until is not None and until.is_set()):
                    return
                t0 = time.perf_counter()
                ok = call(client, i).status_code == 200
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    errors[0] += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    ordered = sorted(latencies) or [0.0]
    done = len(latencies)
    return Result(
        endpoint=name,
        requests=done,
        concurrency=concurrency,
        errors=errors[0],
        seconds=round(wall, 2),
        rps=round(done / wall, 1),
        p50_ms=round(1000 * statistics.median(ordered), 1),
        p99_ms=round(1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1),
    )


def lookups_during_import(
    base: str,
    token: str,
    lookup: Callable[[httpx.Client, int], httpx.Response],
    concurrency: int,
) -> Result:
    """/tm/lookup latencies from the upload of a forced re-import until its job is done."""
    done = threading.Event()
    failure: list[str] = []

    def importer() -> None:
        try:
            with httpx.Client(timeout=120.0) as c:
                files = {
                    lang: (f"{lang}.txt", (BUNDLED / f"{lang}.txt").read_bytes(), "text/plain")
                    for lang in ("zh", "en")
                }
                r = c.post(
                    f"{base}/records",
                    files=files,
                    data={"force": "true"},
                    headers={"Authorization": f"Bearer {token}"},
                )
                r.raise_for_status()
                url = f"{base}{r.json()['url']}"
                while True:
                    job = c.get(url, headers={"Authorization": f"Bearer {token}"}).json()
                    if job["status"] in ("succeeded", "failed"):
                        if job["status"] == "failed":
                            failure.append(str(job.get("error")))
                        return
                    time.sleep(0.2)
        except Exception as exc:
            failure.append(repr(exc))
        finally:
            done.set()

    thread = threading.Thread(target=importer)
    thread.start()
    result = run("POST /tm/lookup during import", lookup, 0, concurrency, until=done)
    thread.join()
    if failure:
        raise SystemExit(f"the import under load failed: {failure[0]}")
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path("var/verbalign.db"))
    ap.add_argument("--requests", type=int, default=400, help="measured requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=4, help="client threads")
    ap.add_argument("--server-workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--during-import",
        action="store_true",
        help="also measure /tm/lookup while the server re-imports the bundled pair",
    )
    args = ap.parse_args(argv)
    if not args.db.exists():
        print(
            f"no database at {args.db}: run `make demo` (or verbalign import) first",
            file=sys.stderr,
        )
        return 2

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    token = secrets.token_urlsafe(16)
    workdir = tempfile.TemporaryDirectory()
    db = Path(workdir.name) / "bench.db"
    shutil.copyfile(args.db, db)  # the server (and an import) work on a copy
    server = start_server(db, port, args.server_workers, token)
    try:
        wait_ready(base)
        records = httpx.get(f"{base}/records").json()["items"]
        if not records:
            print(f"{args.db} holds no record: import one first", file=sys.stderr)
            return 2
        symbol = records[0]["symbol"]
        pairs = httpx.get(f"{base}/records/{symbol}/pairs", params={"limit": 1000}).json()["items"]
        sources = [(p["zh"], "zh") for p in pairs if p["zh"] and p["en"]]
        sources += [(p["en"], "en") for p in pairs if p["zh"] and p["en"]]
        # Look-ups are stored segments with a small edit, as a translator's new text would be.
        texts = [
            (t[: max(4, len(t) - 3)] + ("。" if lang == "zh" else "."), lang) for t, lang in sources
        ]

        def search(c: httpx.Client, i: int) -> httpx.Response:
            return c.get(f"{base}/search", params={"q": SEARCH_QUERIES[i % len(SEARCH_QUERIES)]})

        def lookup(c: httpx.Client, i: int) -> httpx.Response:
            text, lang = texts[(i * 7) % len(texts)]
            return c.post(f"{base}/tm/lookup", json={"text": text, "source_lang": lang, "k": 5})

        def page(c: httpx.Client, i: int) -> httpx.Response:
            return c.get(
                f"{base}/records/{symbol}/pairs",
                params={"limit": 50, "offset": (i * 50) % max(1, len(pairs))},
            )

        endpoints: list[tuple[str, Callable[[httpx.Client, int], httpx.Response]]] = [
            ("GET /search", search),
            ("POST /tm/lookup", lookup),
            (f"GET /records/{symbol}/pairs", page),
        ]
        t0 = time.perf_counter()
        with httpx.Client(timeout=600.0) as warm:  # model load, TM index, caches
            for _, call in endpoints:
                for i in range(5):
                    call(warm, i).raise_for_status()
        warmup = time.perf_counter() - t0
        results = [run(name, call, args.requests, args.concurrency) for name, call in endpoints]
        if args.during_import:
            results.append(lookups_during_import(base, token, lookup, args.concurrency))
    finally:
        server.terminate()
        server.wait(timeout=30)
        workdir.cleanup()

    if args.json:
        print(
            json.dumps(
                {
                    "warmup_s": round(warmup, 1),
                    "units": len(texts),
                    "results": [asdict(r) for r in results],
                },
                indent=2,
            )
        )
        return 0
    print(
        f"server: 1 uvicorn process x {args.server_workers} worker(s); client: "
        f"{args.concurrency} threads; {len(pairs)} pairs stored; warm-up {warmup:.1f} s"
    )
    print(f"{'endpoint':<34}{'req':>6}{'err':>5}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
    for r in results:
        print(
            f"{r.endpoint:<34}{r.requests:>6}{r.errors:>5}{r.rps:>9.1f}"
            f"{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}"
        )
    return 0 if all(r.errors == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
