"""Requests a fuzzer (schemathesis) or a careless client sends: numbers past SQLite's range,
text no record has (lone surrogates, control characters), symbols that are not symbols,
uploads that are text but not a record pair. Each is a JSON 4xx and changes nothing."""

from __future__ import annotations

import pytest
from api_support import AUTH, wait_for_job
from fastapi.testclient import TestClient
from opencc import OpenCC
from synthetic_records import SYMBOL

Files = dict[str, tuple[str, bytes, str]]
HUGE = 10**30  # past SQLite's 64-bit integers


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) >= {"error", "detail"} and body["detail"]
    return body["detail"]


def _json(client: TestClient, method: str, url: str, raw: str):
    """Send `raw` as the JSON body unchanged (it may hold escapes such as a lone surrogate)."""
    headers = {**AUTH, "Content-Type": "application/json"}
    return client.request(method, url, content=raw.encode(), headers=headers)


@pytest.mark.parametrize(
    "url",
    [
        f"/pairs/{HUGE}",
        "/pairs/0",
        f"/search?q=council&offset={HUGE}",
        f"/records/{SYMBOL}/pairs?offset={HUGE}",
        f"/records/{SYMBOL}/pairs?turn={HUGE}",
        f"/records/{SYMBOL}/pairs?zh_turn={HUGE}",
        "/records/" + "S/" * 40 + "PV.1",
        '/records/S/PV.1"x',
        "/search?q=council&symbol=S/PV.1%0A",
        "/search?q=abc%EF%BF%BE",  # U+FFFE, a noncharacter
    ],
)
def test_out_of_range_reads_are_422(seeded: TestClient, url: str) -> None:
    _error(seeded.get(url), 422)


def test_out_of_range_writes_are_422_and_change_nothing(seeded: TestClient) -> None:
    before = seeded.get(f"/records/{SYMBOL}/pairs").json()
    flag = '{"action": "flag", "reviewer": "a", "status": "approved"}'
    _error(_json(seeded, "PATCH", f"/pairs/{HUGE}", flag), 422)
    merge = f'{{"action": "merge", "reviewer": "a", "with_pair": {HUGE}}}'
    _error(_json(seeded, "PATCH", "/pairs/1", merge), 422)
    assert seeded.get(f"/records/{SYMBOL}/pairs").json() == before


@pytest.mark.parametrize(
    ("method", "url", "raw"),
    [
        ("POST", "/tm/lookup", '{"text": "abc\\ud800", "source_lang": "en"}'),
        ("PATCH", "/pairs/1", '{"action": "flag", "reviewer": "a", "note": "x\\ud800"}'),
        ("PATCH", "/pairs/1", '{"action": "flag", "reviewer": "a\\ud800", "status": "approved"}'),
        ("PATCH", "/pairs/1", '{"action": "flag", "reviewer": "a", "flags": ["x\\ud800"]}'),
        ("PATCH", "/pairs/1", '{"action": "flag", "reviewer": "a", "note": "bad\\u0001note"}'),
        ("PATCH", "/pairs/1", '{"action": "flag", "reviewer": "a", "flags": ["x\\u0000"]}'),
    ],
)
def test_text_no_record_has_is_422_and_stores_nothing(
    seeded: TestClient, method: str, url: str, raw: str
) -> None:
    _error(_json(seeded, method, url, raw), 422)
    assert seeded.get(f"/records/{SYMBOL}/corrections").json() == []


def test_a_multi_line_note_is_fine_and_the_export_stays_valid_xml(seeded: TestClient) -> None:
    from lxml import etree

    note = '{"action": "flag", "reviewer": "a", "note": "first line\\nsecond\\tline"}'
    assert _json(seeded, "PATCH", "/pairs/1", note).status_code == 200
    tmx = seeded.get(f"/records/{SYMBOL}/export?format=tmx")
    assert tmx.status_code == 200
    assert "first line\nsecond\tline" in etree.fromstring(tmx.content).findtext("body/tu/note")
    assert tmx.headers["content-disposition"] == 'attachment; filename="S-PV.9999.tmx"'


def _nothing_stored(client: TestClient) -> None:
    assert client.get("/records").json()["total"] == 0
    assert client.get("/jobs", headers=AUTH).json()["items"] == []


@pytest.mark.parametrize(
    ("zh", "message"),
    [
        (
            ("zh.txt", "Bonjour, ceci est un texte en français.".encode(), "text/plain"),
            "neither Chinese nor English",
        ),
        (("zh.txt", b"\x01\x02\x03\x04" * 50 + b"abc", "text/plain"), "binary"),
        (("zh.txt", b"12345 67890", "text/plain"), "too few letters"),
    ],
)
def test_a_text_upload_in_neither_language_is_refused_at_once(
    client: TestClient, files: Files, zh: tuple[str, bytes, str], message: str
) -> None:
    r = client.post("/records", files={**files, "zh": zh}, headers=AUTH)
    detail = _error(r, 422)
    assert detail.startswith("zh:") and message in detail
    _nothing_stored(client)


def test_two_records_in_the_same_language_are_refused_at_once(
    client: TestClient, files: Files
) -> None:
    r = client.post("/records", files={**files, "en": files["zh"]}, headers=AUTH)
    assert "both files are Chinese" in _error(r, 422)
    _nothing_stored(client)


@pytest.mark.parametrize("symbol", ['S/PV.1"; rm', "S/PV.1\r\nX-Injected: 1", "x" * 65, "/PV.1"])
def test_a_symbol_that_is_not_a_symbol_is_refused(
    client: TestClient, files: Files, symbol: str
) -> None:
    r = client.post("/records", files=files, data={"symbol": symbol}, headers=AUTH)
    _error(r, 422)
    _nothing_stored(client)


def test_a_traditional_chinese_upload_is_stored_as_printed_and_found_by_simplified(
    client: TestClient, files: Files
) -> None:
    name, data, kind = files["zh"]
    traditional = OpenCC("s2t").convert(data.decode()).encode()
    r = client.post("/records", files={**files, "zh": (name, traditional, kind)}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = wait_for_job(client, r.json()["url"])
    assert job["status"] == "succeeded", job
    symbol = job["result"]["symbol"]
    turns = client.get(f"/records/{symbol}").json()["turns"]
    speakers = [
        [
            (t["role"], t["country_code"], t["spoken_language"])
            for t in turns[lang]
            if t["role"] != "procedure"
        ]
        for lang in ("zh", "en")
    ]
    assert speakers[0] == speakers[1] and len(speakers[0]) > 2
    hits = client.get("/search", params={"q": "安全理事会", "lang": "zh"}).json()
    assert hits["total"] > 0
    first = hits["items"][0]
    assert "安全理事會" in first["pair"]["zh"]  # the text as uploaded
    assert "<mark>安全理事會</mark>" in first["zh_highlight"]


def test_an_upload_name_is_a_display_name_never_a_path(client: TestClient, files: Files) -> None:
    _, data, kind = files["zh"]
    hostile = "..\\..//etc/../pass\u202ewd\u200b.txt"
    r = client.post("/records", files={**files, "zh": (hostile, data, kind)}, headers=AUTH)
    job = wait_for_job(client, r.json()["url"])
    assert job["status"] == "succeeded", job
    assert job["params"]["zh"]["name"] == "passwd.txt"
    versions = client.get(f"/records/{job['result']['symbol']}").json()["versions"]
    assert {v["language"]: v["source_name"] for v in versions}["zh"] == "passwd.txt"
