"""The semantic record report as a job (202 + job id, then 200), its cache per record version,
and progress reporting (record_report's stages, the CLI's bar on stderr)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from aligner.qa.cache import ReportCache
from aligner.qa.report import record_report

TOKEN = "qa-test-token"


def _wait(client, job_id: str) -> dict:
    client.app.state.runner.wait(job_id, timeout=60)
    return client.get(f"/jobs/{job_id}").json()


def test_semantic_report_runs_as_a_job_then_comes_from_the_cache(qa_client, symbol: str) -> None:
    url = f"/records/{symbol}/qa"
    first = qa_client.get(url, params={"semantic": "true"})
    assert first.status_code == 202, first.text
    body = first.json()
    assert first.headers["location"] == body["status_url"] == f"/jobs/{body['job_id']}"
    job = _wait(qa_client, body["job_id"])
    assert job["status"] == "succeeded" and job["percent"] == 100.0
    assert job["kind"] == "qa-report" and job["result"]["pairs"] == 10
    ready = qa_client.get(url, params={"semantic": "true"})
    assert ready.status_code == 200
    report = ready.json()
    assert report["semantic_checks"] is True and report["summary"]["pairs"] == 10
    # other severities and formats are served from the same cached report
    errors = qa_client.get(url, params={"semantic": "true", "min_severity": "error"}).json()
    assert errors["summary"]["flags"] < report["summary"]["flags"]
    assert all(f["severity"] == "error" for p in errors["pairs"] for f in p["flags"])
    tsv = qa_client.get(url, params={"semantic": "true", "format": "tsv"})
    assert tsv.status_code == 200 and "\tnumber\t" in tsv.text


def test_a_correction_gives_a_new_report(qa_client, symbol: str) -> None:
    url = f"/records/{symbol}/qa"
    job_id = qa_client.get(url, params={"semantic": "true"}).json()["job_id"]
    _wait(qa_client, job_id)
    before = qa_client.get(url, params={"semantic": "true"}).json()
    pair_id = before["pairs"][0]["id"]
    r = qa_client.patch(
        f"/pairs/{pair_id}",
        json={"action": "merge", "with_pair": pair_id + 1, "reviewer": "qa"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200, r.text
    again = qa_client.get(url, params={"semantic": "true"})
    assert again.status_code == 202 and again.json()["job_id"] != job_id
    _wait(qa_client, again.json()["job_id"])
    after = qa_client.get(url, params={"semantic": "true"}).json()
    assert after["summary"]["pairs"] == before["summary"]["pairs"] - 1


def test_bad_requests_fail_before_any_job(qa_client, symbol: str) -> None:
    missing = qa_client.get("/records/S/PV.1/qa", params={"semantic": "true"})
    unknown = qa_client.get(
        f"/records/{symbol}/qa", params={"semantic": "true", "checks": "spelling"}
    )
    assert missing.status_code == 404 and unknown.status_code == 422
    assert (
        qa_client.get("/jobs", headers={"Authorization": f"Bearer {TOKEN}"}).json()["items"] == []
    )


def test_rule_only_report_is_synchronous_and_cached(qa_client, qa_db: Path, symbol: str) -> None:
    r = qa_client.get(f"/records/{symbol}/qa")
    assert r.status_code == 200 and r.json()["semantic_checks"] is False
    assert ReportCache(qa_client.app.state.store).count(symbol) == 1


def test_record_report_progress_stages(qa_store, symbol: str) -> None:
    seen: list[tuple[str, float]] = []
    record_report(qa_store, symbol, progress=lambda stage, f: seen.append((stage, f)))
    stages = [s for s, _ in seen]
    assert stages[0] == "loading" and stages[-1] == "consistency"
    checking = [f for s, f in seen if s == "checking"]
    assert checking[0] == 0.0 and checking[-1] == 1.0 and checking == sorted(checking)


def test_cli_shows_progress_on_stderr_and_reuses_the_stored_report(
    qa_db: Path, symbol: str
) -> None:
    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "from aligner.cli import main; main()", "qa", symbol, *extra],
            capture_output=True,
            text=True,
            timeout=120,
            # rich draws its bar only on a terminal; FORCE_COLOR makes it draw on the pipe
            env={**os.environ, "FORCE_COLOR": "1", "COLUMNS": "100"},
        )

    out = run("--db", str(qa_db), "--no-semantic")
    assert out.returncode == 0, out.stderr
    assert "checking" in out.stderr and "%" in out.stderr
    assert f"QA {symbol}: 10 pairs" in out.stdout
    from aligner.store import open_store

    store = open_store(qa_db)
    try:
        assert ReportCache(store).count(symbol) == 1
    finally:
        store.close()
    cached = run("--db", str(qa_db), "--no-semantic")
    assert cached.returncode == 0 and cached.stdout == out.stdout
    assert "checking" not in cached.stderr  # nothing recomputed
