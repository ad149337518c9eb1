"""Auth and every error path: JSON bodies with the right 4xx, and nothing stored."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import AUTH, TOKEN
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings

Files = dict[str, tuple[str, bytes, str]]


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) >= {"error", "detail"} and body["detail"]
    return body["detail"]


def _nothing_stored(client: TestClient) -> None:
    assert client.get("/records").json()["total"] == 0
    assert client.get("/jobs", headers=AUTH).json()["items"] == []


def test_writes_need_the_bearer_token(client: TestClient, files: Files) -> None:
    r = client.post("/records", files=files)
    assert "Bearer" in _error(r, 401) and r.headers["www-authenticate"] == "Bearer"
    r = client.post("/records", files=files, headers={"Authorization": "Bearer nope"})
    assert _error(r, 401) == "invalid token"
    r = client.post("/records", files=files, headers={"Authorization": f"Basic {TOKEN}"})
    _error(r, 401)
    _error(client.patch("/pairs/1", json={"action": "flag", "reviewer": "a"}), 401)
    _error(client.delete("/records/S/PV.9999"), 401)
    _nothing_stored(client)


def test_a_server_without_token_is_read_only(tmp_path: Path, files: Files) -> None:
    app = create_app(Settings(db=tmp_path / "ro.db", token=None, model="hashing"))
    with TestClient(app) as client:
        assert "without a token" in _error(client.post("/records", files=files, headers=AUTH), 403)
        assert client.get("/records").status_code == 200


@pytest.mark.parametrize(
    ("zh", "status", "message"),
    [
        (("zh.png", b"\x89PNG\r\n\x1a\n....", "image/png"), 415, "unsupported content type"),
        (("zh.pdf", "上午10时05分开会。".encode(), "application/pdf"), 415, "%PDF-"),
        (("zh.txt", "上午10时开会".encode("gb18030"), "text/plain"), 422, "not UTF-8"),
        (("zh.bin", b"\x00\x01\x02binary\xff", "application/octet-stream"), 415, "neither"),
        (("zh.txt", b"%PDF-1.7\n%binary", "text/plain"), 415, "is a PDF"),
        (("zh.txt", b"   \n", "text/plain"), 422, "empty"),
        (("zh.txt", "议程通过。".encode() * 10_000, "text/plain"), 413, "limit"),
    ],
)
def test_uploads_are_checked_before_any_job(
    client: TestClient, files: Files, zh: tuple[str, bytes, str], status: int, message: str
) -> None:
    r = client.post("/records", files={**files, "zh": zh}, headers=AUTH)
    assert message in _error(r, status)
    assert r.json()["detail"].startswith("zh:")
    _nothing_stored(client)


def test_an_oversized_body_is_refused_before_parsing(client: TestClient) -> None:
    r = client.post(
        "/records",
        content=b"x" * (3 * 1024 * 1024),
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=x"},
    )
    _error(r, 413)
    _nothing_stored(client)


def test_a_streamed_body_over_the_limit_is_cut_off(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'--x\r\nContent-Disposition: form-data; name="zh"; filename="zh.txt"\r\n\r\n'
        for _ in range(300):
            yield b"a" * 10_000

    r = client.post(
        "/records",
        content=chunks(),
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=x"},
    )
    assert "larger than" in _error(r, 413)
    _nothing_stored(client)


def test_a_missing_file_is_a_validation_error(client: TestClient, files: Files) -> None:
    r = client.post("/records", files={"zh": files["zh"]}, headers=AUTH)
    assert "en" in _error(r, 422)
    assert r.json()["error"] == "ValidationError"


def test_unknown_things_are_404(seeded: TestClient) -> None:
    _error(seeded.get("/records/S/PV.0000"), 404)
    _error(seeded.get("/records/S/PV.0000/pairs"), 404)
    _error(seeded.get("/records/S/PV.0000/export?format=tmx"), 404)
    _error(seeded.get("/jobs/0123456789abcdef0123456789abcdef"), 404)
    _error(seeded.get("/pairs/99999"), 404)
    _error(
        seeded.patch(
            "/pairs/99999",
            json={"action": "flag", "reviewer": "a", "status": "approved"},
            headers=AUTH,
        ),
        404,
    )
    _error(seeded.delete("/records/S/PV.0000", headers=AUTH), 404)
    _error(seeded.get("/no/such/route"), 404)


@pytest.mark.parametrize(
    "url",
    [
        "/search",
        "/search?q=",
        "/search?q=" + "x" * 201,
        "/search?q=a%00b",
        "/search?q=council&lang=fr",
        "/search?q=council&limit=0",
        "/search?q=council&offset=-1",
        "/records/S/PV.9999/pairs?min_confidence=2",
        "/records/S/PV.9999/pairs?limit=5000",
        "/records/S/PV.9999/pairs?type=one-one",
        "/records/S/PV.9999/pairs?turn=x",
        "/records/S/PV.9999/export?format=docx",
        "/records/S/PV.9999/export?format=tmx&source=fr",
    ],
)
def test_bad_query_parameters_are_422(seeded: TestClient, url: str) -> None:
    _error(seeded.get(url), 422)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "", "source_lang": "zh"},
        {"text": "谢谢", "source_lang": "fr"},
        {"text": "谢谢", "source_lang": "zh", "k": 0},
        {"text": "谢谢", "source_lang": "zh", "k": 51},
        {"text": "谢谢", "source_lang": "zh", "min_match": 120},
        {"text": "x" * 5001, "source_lang": "en"},
        {"text": "a\u0000b", "source_lang": "en"},
    ],
)
def test_bad_tm_requests_are_422(seeded: TestClient, body: dict) -> None:
    _error(seeded.post("/tm/lookup", json=body), 422)


@pytest.mark.parametrize(
    "body",
    [
        {"action": "flag"},
        {"action": "rename", "reviewer": "a"},
        {"action": "flag", "reviewer": "a"},
        {"action": "flag", "reviewer": "a", "status": "perfect"},
        {"action": "merge", "reviewer": "a"},
        {"action": "split", "reviewer": "a", "zh_at": 0, "en_at": 0},
        {"action": "relink", "reviewer": "a", "zh_ids": ["S/PV.1/zh/t000/p000/s000"]},
        {"action": "flag", "reviewer": "a", "note": "n" * 2001},
    ],
)
def test_bad_corrections_are_422_and_change_nothing(seeded: TestClient, body: dict) -> None:
    before = seeded.get("/records/S/PV.9999/pairs").json()
    _error(seeded.patch("/pairs/1", json=body, headers=AUTH), 422)
    assert seeded.get("/records/S/PV.9999/pairs").json() == before
    assert seeded.get("/records/S/PV.9999/corrections").json() == []


def test_a_scanned_pdf_is_refused_before_any_job(client: TestClient, files: Files) -> None:
    """An image-only PDF asks for OCR at upload time (422), not after waiting in the queue."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    page = canvas.Canvas(buf)
    page.rect(72, 500, 300, 200, fill=1)
    page.showPage()
    page.save()
    r = client.post(
        "/records",
        files={**files, "en": ("en.pdf", buf.getvalue(), "application/pdf")},
        headers=AUTH,
    )
    detail = _error(r, 422)
    assert detail.startswith("en:") and "run OCR first" in detail
    _nothing_stored(client)
