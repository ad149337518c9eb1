"""Concordance search over every stored pair, in either language."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from aligner.store.matching import MAX_QUERY_CHARS
from aligner.store.rows import SearchHit
from api.deps import Offset, StoreDep, SymbolFilter

router = APIRouter(tags=["search"])


class SearchPage(BaseModel):
    query: str
    lang: str | None
    total: int
    limit: int
    offset: int
    items: list[SearchHit]


@router.get("/search", response_model=SearchPage, summary="Concordance search")
def search(
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY_CHARS,
            description="Substring to find; Traditional input finds Simplified text",
        ),
    ],
    lang: Annotated[
        Literal["zh", "en"] | None, Query(description="Search one language (default both)")
    ] = None,
    symbol: SymbolFilter = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Offset = 0,
) -> SearchPage:
    """Hits in reading order, each with both sides and the matches wrapped in <mark> in
    `zh_highlight` / `en_highlight` (HTML-escaped)."""
    page = store.search(q, lang=lang, symbol=symbol, limit=limit, offset=offset)
    return SearchPage(query=q, lang=lang, **asdict(page))
