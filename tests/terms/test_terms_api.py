"""The glossary over HTTP: look-up, entry with contexts, curation with the token, exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from terms_fixtures import TOKEN, meeting, second_meeting

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.pipeline.glossary_build import glossary_from_alignment
from aligner.store import open_store
from api.deps import get_embedder
from api.main import create_app
from api.settings import Settings

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "api.db"
    store = open_store(db)
    glossary_from_alignment(store, meeting())
    glossary_from_alignment(store, second_meeting())
    store.close()
    app = create_app(Settings(db=db, token=TOKEN))
    app.dependency_overrides[get_embedder] = HashingEmbedder
    with TestClient(app) as c:
        yield c


def _lookup(client: TestClient, **params: str) -> dict:
    r = client.get("/glossary", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_exact_match_comes_first(client: TestClient) -> None:
    page = _lookup(client, q="安全理事会")
    first = page["items"][0]
    assert (first["zh"], first["en"], first["match"]) == ("安全理事会", "Security Council", "exact")


def test_traditional_input_finds_simplified_terms(client: TestClient) -> None:
    first = _lookup(client, q="安全理事會")["items"][0]
    assert first["zh"] == "安全理事会" and first["match"] == "exact"


def test_english_is_case_insensitive(client: TestClient) -> None:
    first = _lookup(client, q="SECURITY council", lang="en")["items"][0]
    assert first["en"] == "Security Council" and first["match"] == "exact"


def test_prefix_and_fuzzy_matches(client: TestClient) -> None:
    prefix = _lookup(client, q="Secur", lang="en")["items"][0]
    assert prefix["en"] == "Security Council" and prefix["match"] == "prefix"
    fuzzy = _lookup(client, q="Securty Council")["items"][0]
    assert fuzzy["en"] == "Security Council" and fuzzy["match"] == "fuzzy"


def test_variants_are_searched(client: TestClient) -> None:
    entry_id = _lookup(client, q="安全理事会")["items"][0]["id"]
    r = client.patch(f"/glossary/{entry_id}", json={"zh_variants": ["安理會"]}, headers=AUTH)
    assert r.status_code == 200
    first = _lookup(client, q="安理会")["items"][0]
    assert first["zh"] == "安全理事会" and first["matched"] == "安理会"
    assert first["match"] == "exact"


def test_filters_by_type_and_status(client: TestClient) -> None:
    items = _lookup(client, q="a", lang="en", type="country")["items"]
    assert items and all(i["type"] == "country" for i in items)
    assert _lookup(client, q="停火", status="approved")["total"] == 0


@pytest.mark.parametrize(
    "q",
    ["", "   ", "x" * 201, "cease\x00fire", "停\x1b火"],
)
def test_bad_queries_get_a_4xx_with_a_message(client: TestClient, q: str) -> None:
    r = client.get("/glossary", params={"q": q})
    assert 400 <= r.status_code < 500
    assert r.json()["detail"]


def test_missing_query_and_bad_filters(client: TestClient) -> None:
    assert client.get("/glossary").status_code == 422
    assert client.get("/glossary", params={"q": "x", "lang": "fr"}).status_code == 422
    assert client.get("/glossary", params={"q": "x", "type": "thing"}).status_code == 422


def test_entry_with_contexts(client: TestClient) -> None:
    entry_id = _lookup(client, q="停火")["items"][0]["id"]
    r = client.get(f"/glossary/{entry_id}")
    assert r.status_code == 200
    body = r.json()
    assert body["en"] == "ceasefire"
    assert body["contexts"]
    for c in body["contexts"]:
        assert "停火" in c["zh"] and "ceasefire" in c["en"].lower()
        assert c["symbol"] in ("S/PV.9998", "S/PV.9999")
        assert c["pair_id"] is not None
    assert client.get("/glossary/999999").status_code == 404


def test_curation_needs_the_token(client: TestClient) -> None:
    entry_id = _lookup(client, q="停火")["items"][0]["id"]
    assert client.patch(f"/glossary/{entry_id}", json={"status": "approved"}).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert (
        client.patch(f"/glossary/{entry_id}", json={"status": "approved"}, headers=bad).status_code
        == 401
    )
    new = {"zh": "粮食援助", "en": "food aid", "type": "phraseology"}
    assert client.post("/glossary", json=new).status_code == 401


def test_approve_edit_and_add(client: TestClient) -> None:
    entry_id = _lookup(client, q="停火")["items"][0]["id"]
    r = client.patch(
        f"/glossary/{entry_id}",
        json={"status": "approved", "en_variants": ["cease-fire"], "reviewer": "ana"},
        headers=AUTH,
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved" and r.json()["en_variants"] == ["cease-fire"]
    assert _lookup(client, q="停火", status="approved")["total"] == 1

    r = client.post(
        "/glossary",
        json={"zh": "糧食援助", "en": "food aid", "type": "phraseology"},
        headers=AUTH,
    )
    assert r.status_code == 201, r.text
    assert r.json()["zh"] == "粮食援助" and r.json()["status"] == "approved"
    assert _lookup(client, q="food aid")["items"][0]["zh"] == "粮食援助"
    again = client.post("/glossary", json={"zh": "粮食援助", "en": "Food Aid"}, headers=AUTH)
    assert again.status_code == 409 and again.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {"status": "maybe"},
        {"type": "thing"},
        {"en": ""},
        {"zh": "only latin"},
        {"en": "x" * 201},
        {"note": "bad\x00note"},
        {"frequency": 5},
        {},
    ],
)
def test_invalid_curation_fields_are_refused(client: TestClient, body: dict) -> None:
    entry_id = _lookup(client, q="停火")["items"][0]["id"]
    r = client.patch(f"/glossary/{entry_id}", json=body, headers=AUTH)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]
    assert client.get(f"/glossary/{entry_id}").json()["status"] == "candidate"


def test_exports(client: TestClient) -> None:
    tsv = client.get("/glossary/export", params={"format": "tsv"})
    assert tsv.status_code == 200
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert tsv.content.startswith(b"\xef\xbb\xbfzh\ten\t")
    rows = list(csv.DictReader(io.StringIO(tsv.content.decode("utf-8-sig")), delimiter="\t"))
    assert {"zh", "en", "type", "status", "confidence", "frequency"} <= set(rows[0])
    assert any(r["zh"] == "停火" and r["en"] == "ceasefire" for r in rows)
    plain = client.get("/glossary/export", params={"format": "tsv", "bom": "false"})
    assert plain.content.startswith(b"zh\ten\t")

    tbx = client.get("/glossary/export", params={"format": "tbx"})
    assert tbx.status_code == 200
    root = etree.fromstring(tbx.content)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    assert root.get("type") == "TBX-Basic"
    assert len(root.findall("./t:text/t:body/t:conceptEntry", ns)) == len(rows)
    old = client.get("/glossary/export", params={"format": "tbx2008"})
    assert len(etree.fromstring(old.content).findall("./text/body/termEntry")) == len(rows)
    assert client.get("/glossary/export", params={"format": "xlsx"}).status_code == 422


def test_ids_out_of_range_are_refused_not_crashed(client: TestClient) -> None:
    huge = 2**70
    assert client.get(f"/glossary/{huge}").status_code == 422
    r = client.patch(f"/glossary/{huge}", json={"status": "approved"}, headers=AUTH)
    assert r.status_code == 422
    assert client.get("/glossary/0").status_code == 422
