"""Glossary: look up terms, read an entry with its contexts, curate, add, export (TBX/TSV).

Reads are open; PATCH and POST need the bearer token. `/glossary/export` is declared before
`/glossary/{entry_id}` so that "export" is never taken for an id. Entry types and statuses are
the glossary's own (aligner/terms/entry.py), not a second list.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from aligner.export.glossary import EXTENSIONS, MEDIA_TYPES, GlossaryExportOptions, export_glossary
from aligner.store.glossary import GlossaryStore
from aligner.terms.entry import STATUSES, TERM_TYPES, TermEntry
from aligner.terms.lookup import MAX_QUERY_CHARS, search, validate_lang
from api.deps import RowId, SettingsDep, StoreDep, TokenFirstRoute, WriteAccess

router = APIRouter(tags=["glossary"], route_class=TokenFirstRoute)

# Literal types built from the glossary's tuples, so the schema lists the values and a new
# type needs one edit (Literal[("a", "b")] is Literal["a", "b"]).
TermType = Literal[TERM_TYPES]  # type: ignore[valid-type]
TermStatus = Literal[STATUSES]  # type: ignore[valid-type]


class Context(BaseModel):
    symbol: str
    pair_id: int | None
    zh: str
    en: str
    zh_ids: list[str]
    en_ids: list[str]


class Entry(BaseModel):
    id: int
    zh: str
    zh_traditional: str
    en: str
    type: str
    status: str
    confidence: float
    frequency: int
    freq_zh: int
    freq_en: int
    pairs: int
    zh_variants: list[str]
    en_variants: list[str]
    sources: list[str]
    symbols: list[str]
    note: str


class EntryWithContexts(Entry):
    contexts: list[Context]


class Hit(Entry):
    match: str = Field(description="exact | prefix | substring | fuzzy")
    score: float = Field(description="0-100")
    matched: str = Field(description="The term or variant that matched the query")


class HitPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Hit]


class EntryChanges(BaseModel):
    """Fields a reviewer may change; leave out what stays as it is."""

    model_config = ConfigDict(strict=True, extra="forbid")

    status: TermStatus | None = None
    type: TermType | None = None
    zh: str | None = Field(None, max_length=200)
    en: str | None = Field(None, max_length=200)
    zh_variants: list[str] | None = Field(None, max_length=50)
    en_variants: list[str] | None = Field(None, max_length=50)
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, min_length=1, max_length=100)


class NewEntry(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    zh: str = Field(min_length=1, max_length=200)
    en: str = Field(min_length=1, max_length=200)
    type: TermType = "other"
    status: TermStatus = "approved"
    zh_variants: list[str] = Field(default_factory=list, max_length=50)
    en_variants: list[str] = Field(default_factory=list, max_length=50)
    note: str = Field("", max_length=2000)
    reviewer: str | None = Field(None, min_length=1, max_length=100)


def _entry(e: TermEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "zh": e.zh,
        "zh_traditional": e.zh_traditional,
        "en": e.en,
        "type": e.type,
        "status": e.status,
        "confidence": round(e.confidence, 4),
        "frequency": e.frequency,
        "freq_zh": e.freq_zh,
        "freq_en": e.freq_en,
        "pairs": e.pairs,
        "zh_variants": e.zh_variants,
        "en_variants": e.en_variants,
        "sources": e.sources,
        "symbols": e.symbols,
        "note": e.note,
    }


def _with_contexts(e: TermEntry) -> dict[str, Any]:
    out = _entry(e)
    out["contexts"] = [
        {
            "symbol": c.symbol,
            "pair_id": c.pair_id,
            "zh": c.zh,
            "en": c.en,
            "zh_ids": c.zh_ids,
            "en_ids": c.en_ids,
        }
        for c in e.contexts
    ]
    return out


@router.get(
    "/glossary",
    response_model=HitPage,
    summary="Look up a term (exact, prefix, fuzzy; Simplified or Traditional; any case)",
)
def lookup(
    store: StoreDep,
    q: Annotated[str, Query(description="Term to look up", max_length=MAX_QUERY_CHARS)],
    lang: Annotated[Literal["zh", "en"] | None, Query(description="Match only this side")] = None,
    type: Annotated[TermType | None, Query(description="Only entries of this type")] = None,
    status: Annotated[TermStatus | None, Query(description="Only entries in this status")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    entries = GlossaryStore(store).all(type=type, status=status)
    hits = search(entries, q, lang=validate_lang(lang))
    page = hits[offset : offset + limit]
    return {
        "total": len(hits),
        "limit": limit,
        "offset": offset,
        "items": [
            {**_entry(h.entry), "match": h.match, "score": round(h.score, 1), "matched": h.term}
            for h in page
        ],
    }


@router.get(
    "/glossary/export",
    summary="The glossary as TBX v3 (TBX-Basic), TBX 2008 or TSV",
    responses={200: {"content": {MEDIA_TYPES["tbx"]: {}, "text/tab-separated-values": {}}}},
)
def export_entries(
    store: StoreDep,
    settings: SettingsDep,
    format: Annotated[
        Literal["tbx", "tbx2008", "tsv"],
        Query(description="tbx (v3, TBX-Basic), tbx2008 (martif) or tsv"),
    ] = "tbx",
    type: Annotated[TermType | None, Query()] = None,
    status: Annotated[TermStatus | None, Query()] = None,
    traditional: Annotated[
        Literal["note", "langsec"],
        Query(description="TBX: Traditional Chinese as a note, or a zh-Hant langSec after en"),
    ] = "note",
    bom: Annotated[bool, Query(description="TSV: start with a UTF-8 byte-order mark")] = True,
    header: Annotated[bool, Query(description="TSV: a header row first")] = True,
) -> Response:
    """TSV columns: zh, en, zh_traditional, type, status, confidence, frequency, freq_zh,
    freq_en, zh_variants, en_variants, symbols, context_zh, context_en, id. Language tags
    come from the server's settings (default zh-CN, en-GB)."""
    entries = GlossaryStore(store).all(type=type, status=status)
    options = GlossaryExportOptions(
        tags=settings.language_tags, traditional=traditional, bom=bom, header=header
    )
    filename = f"glossary.{EXTENSIONS[format]}"
    return Response(
        export_glossary(entries, format, options),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/glossary/{entry_id}", response_model=EntryWithContexts, summary="One entry")
def get_entry(store: StoreDep, entry_id: RowId) -> dict[str, Any]:
    return _with_contexts(GlossaryStore(store).get(entry_id))


@router.patch(
    "/glossary/{entry_id}",
    response_model=EntryWithContexts,
    dependencies=[WriteAccess],
    summary="Approve, reject or edit an entry",
)
def update_entry(store: StoreDep, entry_id: RowId, changes: EntryChanges) -> dict[str, Any]:
    fields = changes.model_dump(exclude_unset=True, exclude={"reviewer"})
    fields = {k: v for k, v in fields.items() if v is not None}
    glossary = GlossaryStore(store)
    if not fields:
        from aligner.terms.entry import TermValidationError

        raise TermValidationError("nothing to change: give status, type, zh, en, variants or note")
    return _with_contexts(glossary.update(entry_id, fields, reviewer=changes.reviewer))


@router.post(
    "/glossary",
    response_model=EntryWithContexts,
    status_code=status.HTTP_201_CREATED,
    dependencies=[WriteAccess],
    summary="Add a curated entry",
)
def add_entry(store: StoreDep, new: NewEntry) -> dict[str, Any]:
    entry = TermEntry(
        zh=new.zh,
        en=new.en,
        type=new.type,
        status=new.status,
        zh_variants=list(new.zh_variants),
        en_variants=list(new.en_variants),
        note=new.note,
        sources=["curated"],
    )
    return _with_contexts(GlossaryStore(store).add(entry, reviewer=new.reviewer))
