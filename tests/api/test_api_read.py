"""Reading over HTTP: records, filtered pairs, concordance, TM, exports, corrections."""

from __future__ import annotations

import io

from api_support import AUTH
from fastapi.testclient import TestClient
from lxml import etree
from synthetic_records import SYMBOL
from translate.storage.tmx import tmxfile


def test_records_list_and_detail(seeded: TestClient) -> None:
    listing = seeded.get("/records").json()
    assert listing["total"] == 1 and listing["items"][0]["symbol"] == SYMBOL
    assert listing["items"][0]["pair_count"] == 10
    for url in (f"/records/{SYMBOL}", "/records/S%2FPV.9999"):
        record = seeded.get(url).json()
        assert record["symbol"] == SYMBOL
        china = record["turns"]["en"][2]
        assert (china["speaker"], china["country"], china["spoken_language"]) == (
            "Zhang Wei",
            "China",
            "zh",
        )
        assert record["turns"]["zh"][2]["is_original"] is True
        assert record["turns"]["zh"][3]["title"] == "法国欧洲和外交部长"
        assert {v["language"] for v in record["versions"]} == {"zh", "en"}


def test_pairs_filters_and_pagination(seeded: TestClient) -> None:
    def positions(query: str) -> list[int]:
        body = seeded.get(f"/records/{SYMBOL}/pairs?{query}").json()
        return [p["position"] for p in body["items"]]

    page = seeded.get(f"/records/{SYMBOL}/pairs?limit=4&offset=2").json()
    assert (page["total"], page["limit"], page["offset"]) == (10, 4, 2)
    assert [p["position"] for p in page["items"]] == [2, 3, 4, 5]
    assert positions("turn=2") == [3, 4, 5]
    assert positions("speaker=Dupont") == [6, 7, 8]
    assert positions("country=CHN") == [3, 4, 5]
    assert positions("min_confidence=0.5&max_confidence=0.9") == [4, 7]
    assert positions("type=1-2") == [4]
    pair = seeded.get(f"/records/{SYMBOL}/pairs?type=1-2").json()["items"][0]
    assert pair["en"].startswith("We call on all parties")
    assert pair["original"] == "zh" and pair["confidence"] == 0.82


def test_search_in_both_languages_with_highlights(seeded: TestClient) -> None:
    zh = seeded.get("/search", params={"q": "安全理事"}).json()
    assert zh["total"] == 1
    assert zh["items"][0]["zh_highlight"] == "中国支持<mark>安全理事</mark>会的工作。"
    assert zh["items"][0]["pair"]["en"] == "China supports the work of the Security Council."
    traditional = seeded.get("/search", params={"q": "聯合國", "lang": "zh"}).json()
    assert [h["pair"]["zh"] for h in traditional["items"]] == ["法国支持联合国在该地区的努力。"]
    english = seeded.get("/search", params={"q": "france", "lang": "en", "limit": 1}).json()
    assert english["total"] == 2 and len(english["items"]) == 1
    assert english["items"][0]["en_highlight"].startswith("<mark>France</mark>")
    second = seeded.get("/search", params={"q": "france", "lang": "en", "offset": 1}).json()
    assert second["items"][0]["pair"]["id"] != english["items"][0]["pair"]["id"]


def test_tm_lookup_returns_matches_with_provenance(seeded: TestClient) -> None:
    body = seeded.post(
        "/tm/lookup", json={"text": "法国支持联合国在这一地区的努力。", "source_lang": "zh", "k": 3}
    ).json()
    assert (body["source_lang"], body["target_lang"], body["model"]) == ("zh", "en", "hashing-256")
    best = body["matches"][0]
    assert best["target"] == "France supports the efforts of the United Nations in the region."
    assert 75 <= best["match"] < 100
    prov = best["provenance"]
    assert (prov["symbol"], prov["turn"], prov["speaker"], prov["country"]) == (
        SYMBOL,
        3,
        "Dupont",
        "FRA",
    )
    assert prov["confidence"] == 0.6 and prov["zh_ids"] == ["S/PV.9999/zh/t003/p000/s001"]
    exact = seeded.post("/tm/lookup", json={"text": "议程通过。", "source_lang": "zh", "k": 1})
    assert exact.json()["matches"][0]["match"] == 100


def test_exports_round_trip(seeded: TestClient) -> None:
    pairs = seeded.get(f"/records/{SYMBOL}/pairs").json()["items"]
    units = [(p["zh"], p["en"]) for p in pairs if p["zh"] and p["en"]]
    tmx = seeded.get(f"/records/{SYMBOL}/export", params={"format": "tmx"})
    assert tmx.status_code == 200
    assert tmx.headers["content-type"].startswith("application/x-tmx+xml")
    assert 'filename="S-PV.9999.tmx"' in tmx.headers["content-disposition"]
    read = tmxfile(io.BytesIO(tmx.content), sourcelanguage="zh-CN", targetlanguage="en-GB")
    assert [(u.source, u.target) for u in read.units] == units
    assert etree.fromstring(tmx.content).find("header").get("segtype") == "sentence"

    tsv = seeded.get(f"/records/{SYMBOL}/export", params={"format": "tsv", "header": "true"})
    rows = [line.split("\t") for line in tsv.content.decode("utf-8-sig").splitlines()]
    assert rows[0][:2] == ["zh", "en"] and [tuple(r[:2]) for r in rows[1:]] == units

    jsonl = seeded.get(f"/records/{SYMBOL}/export", params={"format": "jsonl"})
    assert len(jsonl.text.splitlines()) == len(pairs)


def test_a_correction_is_persisted_and_visible_in_exports(seeded: TestClient) -> None:
    pairs = seeded.get(f"/records/{SYMBOL}/pairs").json()["items"]
    r = seeded.patch(
        f"/pairs/{pairs[6]['id']}",
        json={
            "action": "merge",
            "reviewer": "Li Na",
            "with_pair": pairs[7]["id"],
            "note": "the French original is one sentence",
        },
        headers=AUTH,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    merged = body["pairs"][0]
    assert (merged["type"], merged["status"]) == ("2-2", "corrected")
    assert merged["reviewed_by"] == "Li Na"
    assert body["correction"]["action"] == "merge" and body["correction"]["reviewer"] == "Li Na"

    detail = seeded.get(f"/pairs/{merged['id']}").json()
    assert detail["pair"]["zh"] == pairs[6]["zh"] + pairs[7]["zh"]
    assert [c["reviewer"] for c in detail["corrections"]] == ["Li Na"]
    assert seeded.get(f"/records/{SYMBOL}/pairs").json()["total"] == 9

    tmx = etree.fromstring(seeded.get(f"/records/{SYMBOL}/export?format=tmx").content)
    tu = tmx.find(f"body/tu[@tuid='{merged['id']}']")
    assert tu.get("changeid") == "Li Na"
    assert "French original" in tu.findtext("note")

    flagged = seeded.patch(
        f"/pairs/{pairs[0]['id']}",
        json={"action": "flag", "reviewer": "Li Na", "status": "rejected"},
        headers=AUTH,
    )
    assert flagged.json()["pairs"][0]["status"] == "rejected"
    tsv = seeded.get(f"/records/{SYMBOL}/export?format=tsv").content.decode("utf-8-sig")
    assert pairs[0]["zh"] not in tsv


def test_delete_a_record(seeded: TestClient) -> None:
    assert seeded.delete(f"/records/{SYMBOL}", headers=AUTH).status_code == 204
    assert seeded.get("/records").json()["total"] == 0
    assert seeded.get("/search", params={"q": "安全理事"}).json()["total"] == 0


def test_openapi_docs_list_every_endpoint(client: TestClient) -> None:
    assert "swagger" in client.get("/docs").text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in [
        ("/records", "post"),
        ("/records", "get"),
        ("/records/{symbol}", "get"),
        ("/records/{symbol}/pairs", "get"),
        ("/records/{symbol}/export", "get"),
        ("/jobs/{job_id}", "get"),
        ("/search", "get"),
        ("/tm/lookup", "post"),
        ("/pairs/{pair_id}", "patch"),
    ]:
        assert method in paths[path], (path, method)
    assert client.get("/healthz").json()["status"] == "ok"


def _flat_routes(routes: list) -> list[tuple[str, set[str]]]:
    out = []
    for r in routes:
        nested = getattr(getattr(r, "original_router", None), "routes", None)
        if nested is not None:
            out += _flat_routes(nested)
        else:
            out.append((getattr(r, "path", ""), set(getattr(r, "methods", None) or ())))
    return out


def test_no_route_under_a_record_is_shadowed_by_the_bare_record_route(seeded: TestClient) -> None:
    # /records/{symbol:path} matches any longer path: every /records/{symbol}/... route (ours
    # and other routers') must be registered before it.
    paths = _flat_routes(seeded.app.routes)
    bare = paths.index(("/records/{symbol:path}", {"GET"}))
    under = [i for i, (p, _) in enumerate(paths) if p.startswith("/records/{symbol:path}/")]
    assert len(under) >= 3 and all(i < bare for i in under)
    # And in practice: a suffix route answers, not the record route with a longer "symbol".
    assert seeded.get(f"/records/{SYMBOL}/corrections").json() == []
