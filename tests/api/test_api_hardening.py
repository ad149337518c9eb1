"""Issue 13's API defects, one test each: short error bodies, the token before the body, the
error model in the schema, validators and gzip, security headers, /jobs behind the token, strict
PATCH ids, and text uploads decoded like the CLI decodes them."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from api_support import AUTH, wait_for_job
from fastapi.testclient import TestClient
from synthetic_records import SYMBOL

Files = dict[str, tuple[str, bytes, str]]


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text[:500]
    body = response.json()
    assert set(body) >= {"error", "detail"} and body["detail"]
    return body


# --- error bodies are short ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("POST", "/tm/lookup", {"text": "x" * 900_000, "source_lang": "en"}),
        ("POST", "/score", {"items": [{"candidate": "y" * 900_000, "reference": "y"}]}),
        ("PATCH", "/pairs/1", {"action": "flag", "reviewer": "a", "note": "n" * 900_000}),
        ("PATCH", "/pairs/1", {"action": ["flag"] * 100_000, "reviewer": "a"}),
    ],
)
def test_a_huge_field_is_not_echoed(seeded: TestClient, method: str, url: str, body: dict) -> None:
    r = seeded.request(method, url, json=body, headers=AUTH)
    error = _error(r, 422)
    assert len(r.content) < 2_000, len(r.content)
    assert all(len(str(e["input"])) <= 81 for e in error["errors"])


# --- the token before the body -------------------------------------------------------------


def _drive(client: TestClient, headers: dict[str, str], chunks: int) -> tuple[int, int]:
    """POST /records straight into the ASGI app with a body of `chunks` pieces; returns the
    status and how many pieces the app asked for."""
    boundary = "b0undary"
    part = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="zh"; filename="zh.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    pieces = [part] + [("安全理事会" * 1000).encode()] * (chunks - 1)
    read = 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        if read < len(pieces):
            read += 1
            return {
                "type": "http.request",
                "body": pieces[read - 1],
                "more_body": read < len(pieces),
            }
        return {"type": "http.disconnect"}

    status = 0

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    raw_headers = [(b"content-type", f"multipart/form-data; boundary={boundary}".encode())]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/records",
        "raw_path": b"/records",
        "root_path": "",
        "query_string": b"",
        "headers": raw_headers,
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
        "state": {},
    }
    client.portal.call(client.app, scope, receive, send)
    return status, read


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"}]
)
def test_an_upload_without_the_token_is_refused_before_its_body_is_read(
    client: TestClient, headers: dict[str, str]
) -> None:
    status, read = _drive(client, headers, chunks=8)
    assert status == 401
    assert read == 0, f"the app read {read} of 8 body chunks before refusing"
    # with the token the same body is read (and found incomplete)
    status, read = _drive(client, AUTH, chunks=8)
    assert read == 8 and status == 422


# --- the error model in the schema -----------------------------------------------------------


def test_openapi_documents_the_real_error_model(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "HTTPValidationError" not in components
    assert {"error", "detail"} <= set(components["ErrorBody"]["required"])

    def statuses(path: str, method: str) -> set[str]:
        responses = schema["paths"][path][method]["responses"]
        for code, response in responses.items():
            if code.startswith(("4", "5")):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (path, method, code)
        return set(responses)

    assert statuses("/records", "post") >= {"202", "401", "403", "413", "415", "422"}
    assert statuses("/records/{symbol}/pairs", "get") >= {"200", "404", "422"}
    assert statuses("/pairs/{pair_id}", "patch") >= {"200", "401", "404", "413", "422"}
    assert statuses("/jobs", "get") >= {"200", "401", "422"}
    assert statuses("/tm/lookup", "post") >= {"200", "413", "422"}
    assert "401" not in statuses("/tm/lookup", "post")
    assert statuses("/glossary/export", "get") >= {"200", "422"}


# --- validators and gzip ---------------------------------------------------------------------


def test_exports_and_lists_have_validators_and_are_gzipped(seeded: TestClient) -> None:
    for url in (
        f"/records/{SYMBOL}/export?format=tmx",
        f"/records/{SYMBOL}/export?format=tsv",
        f"/records/{SYMBOL}/pairs?limit=500",
        "/glossary/export?format=tbx",
    ):
        first = seeded.get(url)
        assert first.status_code == 200
        etag = first.headers["etag"]
        assert etag.startswith('W/"') and seeded.get(url).headers["etag"] == etag
        again = seeded.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"", url
        assert again.headers["etag"] == etag
    # gzip when asked for, on bodies worth it
    r = seeded.get(f"/records/{SYMBOL}/export?format=tmx", headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    raw = seeded.get(f"/records/{SYMBOL}/export?format=tmx", headers={"Accept-Encoding": ""})
    assert "content-encoding" not in raw.headers and r.content == raw.content
    assert len(gzip.compress(raw.content)) < len(raw.content)
    # a correction changes the record, so the validator no longer matches
    url = f"/records/{SYMBOL}/export?format=tmx"
    etag = seeded.get(url).headers["etag"]
    patch = {"action": "flag", "reviewer": "r", "status": "approved"}
    assert seeded.patch("/pairs/1", json=patch, headers=AUTH).status_code == 200
    changed = seeded.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


# --- security headers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/", "/records", "/records/S/PV.0000", "/static/review.js", "/docs", "/openapi.json"]
)
def test_every_answer_has_the_security_headers(seeded: TestClient, url: str) -> None:
    r = seeded.get(url)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    if url != "/docs":
        assert "unsafe-inline" not in csp


# --- /jobs ------------------------------------------------------------------------------------


def test_the_job_list_needs_the_token(client: TestClient, files: Files) -> None:
    r = client.post("/records", files=files, headers=AUTH)
    url = r.json()["url"]
    wait_for_job(client, url)
    _error(client.get("/jobs"), 401)
    _error(client.get("/jobs", headers={"Authorization": "Bearer nope"}), 401)
    listed = client.get("/jobs", headers=AUTH).json()["items"]
    assert listed[0]["params"]["zh"]["name"] == "zh.txt"
    # one job stays open to whoever holds its (random) id
    assert client.get(url).json()["status"] == "succeeded"


# --- strict bodies ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "method", "body"),
    [
        ("/pairs/1", "PATCH", {"action": "merge", "reviewer": "a", "with_pair": "2"}),
        ("/pairs/1", "PATCH", {"action": "split", "reviewer": "a", "zh_at": "1", "en_at": 1}),
        ("/pairs/1", "PATCH", {"action": "merge", "reviewer": "a", "with_pair": 2.0}),
        ("/pairs/1", "PATCH", {"action": "flag", "reviewer": "a", "stauts": "approved"}),
        ("/glossary/1", "PATCH", {"status": "approved", "reviewer": 7}),
    ],
)
def test_ids_and_numbers_are_not_coerced_from_strings(
    seeded: TestClient, url: str, method: str, body: dict
) -> None:
    before = seeded.get(f"/records/{SYMBOL}/pairs").json()
    _error(seeded.request(method, url, json=body, headers=AUTH), 422)
    assert seeded.get(f"/records/{SYMBOL}/pairs").json() == before


def test_score_refuses_a_string_pair_id(seeded: TestClient) -> None:
    body = {"items": [{"candidate": "The Council met.", "pair_id": "1"}], "target": "en"}
    _error(seeded.post("/score", json=body), 422)
    body["items"][0]["pair_id"] = 1
    assert seeded.post("/score", json=body).status_code == 200


# --- text decoded like the CLI decodes it ------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_text_upload_in_any_unicode_encoding_with_a_mark_is_imported(
    client: TestClient, files: Files, codec: str
) -> None:
    name, data, kind = files["zh"]
    encoded = data.decode("utf-8").encode(codec)
    r = client.post("/records", files={**files, "zh": (name, encoded, kind)}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = wait_for_job(client, r.json()["url"])
    assert job["status"] == "succeeded", job
    assert job["result"]["symbol"] == "S/PV.9990" and job["result"]["pairs"] > 10


def test_a_lone_surrogate_in_a_json_body_is_named_like_in_a_file(seeded: TestClient) -> None:
    raw = b'{"items": [{"candidate": "ok", "reference": "ok"}, {"candidate": "x\\ud800", '
    raw += b'"reference": "x"}]}'
    r = seeded.post("/score", content=raw, headers={"Content-Type": "application/json"})
    detail = _error(r, 422)["detail"]
    assert detail == "items.1.candidate: a lone surrogate (a \\ud800-style escape) is not text"
