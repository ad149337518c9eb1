"""The review page's files and its helper read, without a browser."""

from __future__ import annotations

import re
from importlib import resources

from api.routes.review import STATIC_FILES


def test_page_and_assets_are_served_locally(review_client) -> None:
    page = review_client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    referenced = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert referenced and all(ref.startswith("/static/") for ref in referenced)
    for ref in referenced:
        asset = review_client.get(ref)
        assert asset.status_code == 200, ref
    for name in [*STATIC_FILES, "index.html"]:
        text = resources.files("api").joinpath("static", name).read_text("utf-8")
        # no CDN, no web fonts, no third-party script: nothing leaves this server
        assert not re.search(r"https?://|//cdn|@import", text), name


def test_static_files_come_from_a_fixed_list(review_client) -> None:
    assert review_client.get("/static/review.css").headers["content-type"].startswith("text/css")
    for name in ("main.py", "..%2Fmain.py", "index.html.bak"):
        r = review_client.get(f"/static/{name}")
        assert r.status_code == 404
        assert r.json()["error"] in ("NotFoundError", "HTTPError")


def test_terms_of_a_record(review_client, symbol: str) -> None:
    terms = review_client.get(f"/review/records/{symbol}/terms").json()
    entry = next(t for t in terms if t["zh"] == "停火协议")
    assert entry["en"] == "ceasefire agreement"
    assert entry["zh_forms"] == ["停火协议"] and entry["status"] == "candidate"
    assert review_client.get("/review/records/S/PV.1/terms").status_code == 404
