"""The whole service path: upload -> job -> record and pairs -> search -> TM -> export.

Runs the real parser and aligner on a small record pair written for the tests, with the
hashing embedder standing in for the model.
"""

from __future__ import annotations

import io

from api_support import AUTH, wait_for_job
from fastapi.testclient import TestClient
from lxml import etree
from translate.storage.tmx import tmxfile

Files = dict[str, tuple[str, bytes, str]]
SYMBOL = "S/PV.9990"


def _upload(client: TestClient, files: Files, **data: str) -> dict:
    r = client.post("/records", files=files, data=data, headers=AUTH)
    assert r.status_code == 202, r.text
    body = r.json()
    assert r.headers["location"] == body["url"] == f"/jobs/{body['job_id']}"
    return wait_for_job(client, body["url"])


def test_upload_align_search_lookup_export(client: TestClient, files: Files) -> None:
    job = _upload(client, files)
    assert job["status"] == "succeeded", job
    assert (job["stage"], job["percent"]) == ("done", 100.0)
    assert job["result"]["symbol"] == SYMBOL and job["result"]["status"] == "created"
    assert job["params"]["zh"]["name"] == "zh.txt"

    record = client.get(f"/records/{SYMBOL}").json()
    assert record["meta"]["zh"]["date"] == "2023-03-02"
    china = next(t for t in record["turns"]["en"] if t["country_code"] == "CHN")
    assert (china["speaker"], china["spoken_language"], china["is_original"]) == (
        "Wang Ming",
        "zh",
        False,
    )
    pairs = client.get(f"/records/{SYMBOL}/pairs", params={"limit": 1000}).json()
    assert pairs["total"] == job["result"]["pairs"] == len(pairs["items"]) > 10
    # Every sentence of both files is in exactly one pair, in reading order.
    for lang in ("zh", "en"):
        ids = [i for p in pairs["items"] for i in p[f"{lang}_ids"]]
        expected = sum(t["sentences"] for t in record["turns"][lang])
        assert len(ids) == len(set(ids)) == expected
        assert ids == sorted(ids)
    assert all(0.0 <= p["confidence"] <= 1.0 and p["signature"] for p in pairs["items"])

    hits = client.get("/search", params={"q": "安全理事會", "symbol": SYMBOL}).json()
    assert hits["total"] >= 2
    assert all("<mark>安全理事会</mark>" in h["zh_highlight"] for h in hits["items"])
    english = client.get("/search", params={"q": "ceasefire", "lang": "en"}).json()
    assert english["total"] == 1 and "停火" in english["items"][0]["pair"]["zh"]

    tm = client.post(
        "/tm/lookup",
        json={"text": "我们希望各方遵守停火协议。", "source_lang": "zh", "k": 3},
    ).json()
    best = tm["matches"][0]
    assert best["match"] == 100 and "ceasefire" in best["target"]
    assert best["provenance"]["symbol"] == SYMBOL

    tmx = client.get(f"/records/{SYMBOL}/export", params={"format": "tmx"}).content
    units = tmxfile(io.BytesIO(tmx), sourcelanguage="zh-CN", targetlanguage="en-GB").units
    expected = [(p["zh"], p["en"]) for p in pairs["items"] if p["zh"] and p["en"]]
    assert [(u.source, u.target) for u in units] == expected
    tus = etree.fromstring(tmx).findall("body/tu")
    assert {tu.findtext("prop[@type='x-symbol']") for tu in tus} == {SYMBOL}


def test_the_same_files_twice_are_not_aligned_again(client: TestClient, files: Files) -> None:
    first = _upload(client, files)
    pairs = client.get(f"/records/{SYMBOL}/pairs").json()
    second = _upload(client, files)
    assert second["result"]["status"] == "unchanged"
    assert second["result"]["pairs"] == first["result"]["pairs"]
    assert client.get(f"/records/{SYMBOL}/pairs").json() == pairs
    forced = _upload(client, files, force="true")
    assert forced["result"]["status"] == "updated"
    assert client.get("/records").json()["total"] == 1


def test_files_in_the_wrong_slots_are_swapped(client: TestClient, files: Files) -> None:
    job = _upload(client, {"zh": files["en"], "en": files["zh"]})
    assert job["status"] == "succeeded" and job["result"]["symbol"] == SYMBOL


def test_a_failed_import_stores_nothing(client: TestClient, files: Files) -> None:
    text = b"Just a paragraph of English prose with no speakers at all.\n"
    prose = ("en.txt", text, "text/plain")
    job = _upload(client, {**files, "en": prose})
    assert job["status"] == "failed" and job["error"] and job["error_type"]
    other = files["en"][1].replace(b"S/PV.9990", b"S/PV.9991")
    job = _upload(client, {**files, "en": ("en.txt", other, "text/plain")})
    assert job["status"] == "failed" and "different meetings" in job["error"]
    assert client.get("/records").json()["total"] == 0
    assert client.get("/search", params={"q": "安全理事会"}).json()["total"] == 0
