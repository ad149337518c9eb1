"""A stored record's QA report (library and GET /records/{symbol}/qa) and POST /score."""

from __future__ import annotations

import csv
import io

from aligner.qa.report import record_report, to_html, to_tsv

TOKEN = "qa-test-token"


def test_record_report_finds_the_planted_errors(qa_store, symbol: str) -> None:
    report = record_report(qa_store, symbol)
    by_pair = {p.pair["id"]: {f.type for f in p.flags} for p in report.pairs}
    texts = {p.pair["id"]: p.pair["en"] for p in report.pairs}
    kinds = set().union(*by_pair.values())
    assert {"number", "date", "negation"} <= kinds
    number_pair = next(i for i, k in by_pair.items() if "number" in k)
    assert "150 servicemen" in texts[number_pair]
    # the clean pairs (procedure, the symbol pair, China's statement) carry no warning
    warned = {
        i
        for p in report.pairs
        for i in [p.pair["id"]]
        if any(f.severity != "info" for f in p.flags)
    }
    assert len(warned) == 3
    direction = report.pairs[0].direction
    assert direction == {"original": "en", "source": "en", "target": "zh", "known": True}
    summary = report.summary()
    assert summary["pairs"] == 10 and summary["by_severity"]["error"] >= 2


def test_tsv_and_html_renderings(qa_store, symbol: str) -> None:
    report = record_report(qa_store, symbol)
    rows = list(csv.DictReader(io.StringIO(to_tsv(report)), delimiter="\t"))
    assert rows and {"pair_id", "severity", "type", "message", "zh", "en"} <= rows[0].keys()
    assert any(r["type"] == "date" and r["en_span"] == "19 November 2020" for r in rows)
    page = to_html(report)
    assert "<mark>105</mark>" in page and symbol in page and "<script" not in page


def test_qa_endpoint_formats_and_errors(qa_client, symbol: str) -> None:
    r = qa_client.get(f"/records/{symbol}/qa", params={"semantic": "false"})
    assert r.status_code == 200
    body = r.json()
    assert body["symbol"] == symbol and body["summary"]["flagged_pairs"] >= 3
    assert {"type", "severity", "message", "spans"} <= body["pairs"][0]["flags"][0].keys()
    tsv = qa_client.get(f"/records/{symbol}/qa", params={"format": "tsv", "semantic": "false"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    html = qa_client.get(f"/records/{symbol}/qa", params={"format": "html", "semantic": "false"})
    assert html.headers["content-type"].startswith("text/html") and "QA report" in html.text
    assert qa_client.get("/records/S/PV.1/qa").status_code == 404
    bad = qa_client.get(f"/records/{symbol}/qa", params={"format": "pdf"})
    assert bad.status_code == 422 and "format" in bad.json()["detail"]
    unknown = qa_client.get(f"/records/{symbol}/qa", params={"checks": "spelling"})
    assert unknown.status_code == 422 and "unknown QA check" in unknown.json()["detail"]


def test_report_follows_corrections(qa_client, symbol: str) -> None:
    first = qa_client.get(f"/records/{symbol}/qa", params={"semantic": "false"}).json()
    pair_id = first["pairs"][0]["id"]
    r = qa_client.patch(
        f"/pairs/{pair_id}",
        json={"action": "merge", "with_pair": pair_id + 1, "reviewer": "qa"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200, r.text
    again = qa_client.get(f"/records/{symbol}/qa", params={"semantic": "false"}).json()
    assert again["summary"]["pairs"] == first["summary"]["pairs"] - 1


def test_score_endpoint(qa_client) -> None:
    r = qa_client.post(
        "/score",
        json={
            "items": [
                {
                    "candidate": "The meeting was called to order at 10.05 a.m.",
                    "pair_id": 1,
                    "id": "x",
                },
                {
                    "candidate": "We thank the Secretary-General.",
                    "reference": "I thank the Secretary-General for his briefing.",
                },
            ]
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["target"] == "en" and body["count"] == 2
    assert body["segments"][0] == {
        "index": 0,
        "id": "x",
        "pair_id": 1,
        "bleu": 100.0,
        "chrf": 100.0,
        "ter": 0.0,
    }
    assert "tok:13a" in body["signatures"]["bleu"]
    zh = qa_client.post(
        "/score", json={"target": "zh", "items": [{"candidate": "上午10时05分开会", "pair_id": 1}]}
    )
    assert zh.status_code == 200 and zh.json()["tokenizer"] == "zh"


def test_score_endpoint_errors(qa_client) -> None:
    both = qa_client.post(
        "/score", json={"items": [{"candidate": "a", "reference": "b", "pair_id": 1}]}
    )
    assert both.status_code == 422 and "exactly one" in both.json()["detail"]
    assert qa_client.post("/score", json={"items": []}).status_code == 422
    missing = qa_client.post("/score", json={"items": [{"candidate": "a", "pair_id": 999}]})
    assert missing.status_code == 404
    huge = qa_client.post("/score", json={"items": [{"candidate": "a" * 20000, "reference": "b"}]})
    assert huge.status_code == 422
