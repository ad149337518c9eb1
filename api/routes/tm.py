"""Translation-memory look-up (reads only: no token needed, though it is a POST).

A look-up embeds its query (a few milliseconds of numpy) and searches the index: it runs off
the event loop, in at most LOOKUP_THREADS threads at a time, so a burst of look-ups queues
instead of crowding the cores that an import or other requests need, and the loop stays free to
answer everything else.
"""

from __future__ import annotations

import os
from functools import partial
from typing import Literal

import anyio
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from aligner.store.symbols import MAX_SYMBOL_CHARS, SYMBOL_PATTERN
from aligner.tm.memory import MAX_K, MAX_TEXT_CHARS
from api.deps import EmbedderDep, TmDep

router = APIRouter(tags=["tm"])

LOOKUP_THREADS = max(1, min(4, os.cpu_count() or 1))


def _limiter(request: Request) -> anyio.CapacityLimiter:
    state = request.app.state
    limiter = getattr(state, "tm_limiter", None)
    if limiter is None:
        limiter = state.tm_limiter = anyio.CapacityLimiter(LOOKUP_THREADS)
    return limiter


class LookupIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    source_lang: Literal["zh", "en"]
    k: int = Field(5, ge=1, le=MAX_K)
    min_match: int = Field(0, ge=0, le=100, description="Drop matches below this percentage")
    symbol: str | None = Field(
        None, max_length=MAX_SYMBOL_CHARS, pattern=SYMBOL_PATTERN, description="Only this record"
    )


class Provenance(BaseModel):
    pair_id: int
    symbol: str
    turn: int | None
    zh_turn: int | None
    en_turn: int | None
    speaker: str | None
    country: str | None
    original: str | None
    confidence: float
    type: str
    status: str
    zh_ids: list[str]
    en_ids: list[str]


class MatchOut(BaseModel):
    match: int = Field(description="0-100 like a CAT tool; 100 = identical segment")
    fuzzy: float = Field(description="Character edit similarity, 0-100")
    similarity: float = Field(description="Embedding cosine")
    source: str
    target: str
    provenance: Provenance


class LookupOut(BaseModel):
    source_lang: str
    target_lang: str
    model: str
    matches: list[MatchOut]


@router.post("/tm/lookup", response_model=LookupOut, summary="Translation-memory look-up")
async def lookup(body: LookupIn, tm: TmDep, embedder: EmbedderDep, request: Request) -> LookupOut:
    run = partial(
        tm.lookup, body.text, body.source_lang, body.k, min_match=body.min_match, symbol=body.symbol
    )
    matches = await anyio.to_thread.run_sync(run, limiter=_limiter(request))
    out = []
    for m in matches:
        p = m.pair
        out.append(
            MatchOut(
                match=m.match,
                fuzzy=m.fuzzy,
                similarity=m.similarity,
                source=m.source,
                target=m.target,
                provenance=Provenance(
                    pair_id=p.id,
                    symbol=p.symbol,
                    turn=p.zh_turn if p.zh_turn is not None else p.en_turn,
                    zh_turn=p.zh_turn,
                    en_turn=p.en_turn,
                    speaker=p.speaker_en or p.speaker_zh,
                    country=p.country_code or p.country_en or p.country_zh,
                    original=p.original,
                    confidence=p.confidence,
                    type=p.type,
                    status=p.status,
                    zh_ids=p.zh_ids,
                    en_ids=p.en_ids,
                ),
            )
        )
    return LookupOut(
        source_lang=body.source_lang,
        target_lang="en" if body.source_lang == "zh" else "zh",
        model=embedder.name,
        matches=out,
    )
