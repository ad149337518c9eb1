"""Constants and helpers shared by the API tests (a unique module name: pytest puts each test
folder on sys.path, so `conftest` itself is ambiguous)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DATA = Path(__file__).with_name("data")


def wait_for_job(client: TestClient, url: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(url).json()
        if job["status"] in ("succeeded", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {url} did not finish in {timeout} s")
