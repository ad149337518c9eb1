"""The side-by-side review page at / and the few reads it needs beyond the public API.

Everything is served from api/static (plain HTML, CSS and JavaScript, no CDN, no build step).
Static files are served from a fixed list, so no path from a request ever reaches the disk.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from aligner.errors import NotFoundError
from api.deps import StoreDep

router = APIRouter(tags=["review"])

MAX_TERMS = 2000
"""Most frequent entries first; a page never needs more to highlight one record."""

STATIC_FILES = {
    "review.css": "text/css; charset=utf-8",
    "review.js": "text/javascript; charset=utf-8",
    "highlight.js": "text/javascript; charset=utf-8",
    "docs.js": "text/javascript; charset=utf-8",
}


@cache
def _static(name: str) -> bytes:
    return resources.files("api").joinpath("static").joinpath(name).read_bytes()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def review_page() -> HTMLResponse:
    return HTMLResponse(_static("index.html"), headers={"Cache-Control": "no-cache"})


@router.get("/static/{name}", include_in_schema=False)
def static_file(name: str) -> Response:
    if name not in STATIC_FILES:
        raise NotFoundError(f"no static file {name!r}")
    return Response(
        _static(name), media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"}
    )


@router.get(
    "/review/records/{symbol:path}/terms",
    summary="Glossary entries that occur in a record (for highlighting on the review page)",
)
def record_terms(store: StoreDep, symbol: str) -> list[dict[str, Any]]:
    from aligner.qa.entities import glossary_entry
    from aligner.qa.folding import fold
    from aligner.store.glossary import GlossaryStore

    store.get_record(symbol)
    pairs = store.list_pairs(symbol).items
    zh_text = fold("\n".join(p.zh or "" for p in pairs), simplify=True)
    en_text = "\n".join(p.en or "" for p in pairs)
    out = []
    for entry in GlossaryStore(store).all():
        if entry.status == "rejected" or entry.id is None:
            continue
        forms_zh = [f for f in [entry.zh, *entry.zh_variants] if f]
        forms_en = [f for f in [entry.en, *entry.en_variants] if f]
        if not (any(f in zh_text for f in forms_zh) or any(f in en_text for f in forms_en)):
            continue
        out.append(
            {
                "id": entry.id,
                "zh": entry.zh,
                "en": entry.en,
                "zh_forms": forms_zh,
                "en_forms": forms_en,
                "type": entry.type,
                "status": entry.status,
                "confidence": round(entry.confidence, 3),
                "frequency": entry.frequency,
                "checked": glossary_entry(entry.to_dict()) is not None,
            }
        )
    out.sort(key=lambda e: -e["frequency"])
    return out[:MAX_TERMS]
