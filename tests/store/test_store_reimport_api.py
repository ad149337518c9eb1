"""Issue 13, item 1 over HTTP: POST /records of a changed file never silently destroys review
work; a refused re-import is a failed job with a 409 in its result; versions are readable.

The real parser and aligner run on the small S/PV.9990 pair of the API tests, with the hashing
embedder standing in for the model.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from aligner.align.hashing_embedder import HashingEmbedder
from api.deps import get_embedder
from api.main import create_app
from api.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "api" / "data"
TOKEN = "store-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SYMBOL = "S/PV.9990"


@pytest.fixture
def client(store_location: str) -> Iterator[TestClient]:
    """The service on each backend's store (SQLite file, PostgreSQL database)."""
    app = create_app(Settings(db=store_location, token=TOKEN))
    embedder = HashingEmbedder()
    app.dependency_overrides[get_embedder] = lambda: embedder
    with TestClient(app) as c:
        yield c


def _upload(client: TestClient, zh: bytes, en: bytes, **data: str) -> dict[str, Any]:
    files = {"zh": ("zh.txt", zh, "text/plain"), "en": ("en.txt", en, "text/plain")}
    r = client.post("/records", files=files, data=data, headers=AUTH)
    assert r.status_code == 202, r.text
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(r.json()["url"]).json()
        if job["status"] in ("succeeded", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError("the import job did not finish")


def _pairs(client: TestClient) -> list[dict[str, Any]]:
    return client.get(f"/records/{SYMBOL}/pairs", params={"limit": 1000}).json()["items"]


def _patch(client: TestClient, pair_id: int, **body: Any) -> dict[str, Any]:
    r = client.patch(f"/pairs/{pair_id}", json={"reviewer": "bob", **body}, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.fixture
def sources() -> tuple[bytes, bytes]:
    return (DATA / "zh.txt").read_bytes(), (DATA / "en.txt").read_bytes()


def test_a_trailing_newline_keeps_a_reviewers_merge(
    client: TestClient, sources: tuple[bytes, bytes]
) -> None:
    zh, en = sources
    assert _upload(client, zh, en)["status"] == "succeeded"
    pairs = _pairs(client)
    merged = _patch(client, pairs[6]["id"], action="merge", with_pair=pairs[5]["id"])["pairs"][0]

    job = _upload(client, zh, en + b"\n")

    assert job["status"] == "succeeded", job
    result = job["result"]
    assert (result["status"], result["version"], result["previous_version"]) == ("updated", 2, 1)
    kept = {p["id"]: p for p in _pairs(client)}[merged["id"]]
    assert (kept["zh"], kept["en"], kept["status"]) == (merged["zh"], merged["en"], "corrected")
    [history] = client.get(f"/records/{SYMBOL}/corrections").json()
    assert (history["pair_id"], history["state"]) == (merged["id"], "current")


def test_a_changed_sentence_under_a_review_is_refused_with_a_409_then_forced(
    client: TestClient, sources: tuple[bytes, bytes]
) -> None:
    zh, en = sources
    assert _upload(client, zh, en)["status"] == "succeeded"
    target = next(p for p in _pairs(client) if p["en"].startswith("We hope"))
    _patch(client, target["id"], action="flag", status="approved", note="checked")
    before = _pairs(client)
    edited = en.replace(b"We hope that all parties", b"We trust that all parties")

    refused = _upload(client, zh, edited)

    assert refused["status"] == "failed" and refused["error_type"] == "ReimportRefused"
    assert refused["percent"] <= 5.0  # refused after parsing, before the costly alignment
    result = refused["result"]
    assert (result["error"], result["status"]) == ("ReimportRefused", 409)
    assert "force" in result["detail"] and f"pair {target['id']}" in result["detail"]
    assert [x["pair_id"] for x in result["changes"]["not_carried"]] == [target["id"]]
    assert _pairs(client) == before
    assert len(client.get(f"/records/{SYMBOL}/versions").json()) == 1

    forced = _upload(client, zh, edited, force="true")

    assert forced["status"] == "succeeded", forced
    [loss] = forced["result"]["changes"]["not_carried"]
    assert (loss["pair_id"], loss["version"], loss["status"]) == (target["id"], 1, "approved")
    [history] = client.get(f"/records/{SYMBOL}/corrections").json()
    assert (history["state"], history["archived_version"], history["archived_pair_id"]) == (
        "not-carried",
        1,
        target["id"],
    )
    versions = client.get(f"/records/{SYMBOL}/versions").json()
    assert [(v["version"], v["current"], v["reviewed_pairs"]) for v in versions] == [
        (1, False, 1),
        (2, True, 0),
    ]
    old = client.get(f"/records/{SYMBOL}/versions/1").json()
    kept = next(p for p in old["pairs"] if p["id"] == target["id"])
    assert (kept["status"], kept["note"], kept["en"]) == ("approved", "checked", target["en"])
    assert client.get("/records/S%2FPV.9990/versions/2").json()["summary"]["current"]
    assert client.get(f"/records/{SYMBOL}/versions/3").status_code == 404


def test_a_partial_source_fails_with_a_409_and_changes_nothing(
    client: TestClient, sources: tuple[bytes, bytes]
) -> None:
    zh, en = sources
    assert _upload(client, zh, en)["status"] == "succeeded"
    before = _pairs(client)
    lines = en.splitlines(keepends=True)

    job = _upload(client, zh, b"".join(lines[: len(lines) * 3 // 5]))

    assert job["status"] == "failed" and job["result"]["status"] == 409
    assert job["percent"] <= 5.0
    assert "en sentences" in job["error"]
    assert _pairs(client) == before
