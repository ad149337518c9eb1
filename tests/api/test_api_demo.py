"""`verbalign demo`: imports once (progress bar), prints the URLs, serves on the port asked."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from api_support import DATA

CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _demo(tmp_path: Path) -> tuple[str, str, str]:
    """Run the demo until it serves; returns (stdout, stderr, base URL)."""
    port = _free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("VERBALIGN_TOKEN", None)
    args = [
        "demo",
        "--corpus",
        DATA,
        "--model",
        "hashing",
        "--db",
        tmp_path / "demo.db",
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(
        [*CLI, *map(str, args)],
        cwd=tmp_path,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise AssertionError("the demo did not start serving")
        records = httpx.get(f"{base}/records").json()
        assert [r["symbol"] for r in records["items"]] == ["S/PV.9990"]
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    return out, err, base


def test_demo_imports_once_then_serves(tmp_path: Path) -> None:
    out, err, base = _demo(tmp_path)
    assert "Aligning" in out and "S/PV.9990:" in out
    assert "100%" in err  # the progress bar
    assert f"API docs      {base}/docs" in out
    assert f"Pairs         {base}/records/S/PV.9990/pairs" in out
    assert re.search(r"Write token   \S{20,}", out)

    again, _, _ = _demo(tmp_path)
    assert "already in" in again and "Aligning" not in again
