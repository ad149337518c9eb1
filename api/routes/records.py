"""Records: upload a pair (a background import job), list, read, page through pairs, export,
and the record's versions (every re-import that changes it makes one; the older ones stay
readable with their pairs).

Symbols contain slashes (S/PV.9132), so they are `{symbol:path}` parameters: /records/S/PV.9132
and /records/S%2FPV.9132 both work. The routes with a suffix (/pairs, /export...) come before
the bare /records/{symbol}, and api/main.py includes this router after the others for the same
reason.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, Query, Response, UploadFile, status
from pydantic import BaseModel

from aligner.export import get_exporter, load_bundle
from aligner.pipeline.record_import import import_pair
from aligner.store.limits import MAX_PAGE, MAX_TURN
from aligner.store.rows import (
    CorrectionRow,
    PairFilter,
    PairRow,
    RecordDetail,
    RecordSummary,
    RecordVersionDetail,
    VersionSummary,
)
from aligner.store.symbols import MAX_SYMBOL_CHARS, check_symbol, file_stem
from api.deps import (
    EmbedderDep,
    Offset,
    RunnerDep,
    SettingsDep,
    StoreDep,
    SymbolPath,
    TokenFirstRoute,
    TurnIndex,
    WriteAccess,
)
from api.uploads import check_pair_languages, read_upload

router = APIRouter(tags=["records"], route_class=TokenFirstRoute)


class JobAccepted(BaseModel):
    job_id: str
    status: str
    url: str


class RecordList(BaseModel):
    total: int
    items: list[RecordSummary]


class PairPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[PairRow]


@router.post(
    "/records",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobAccepted,
    dependencies=[WriteAccess],
    summary="Upload a zh and an en record (PDF or text) for one meeting",
)
async def upload_record(
    response: Response,
    store: StoreDep,
    runner: RunnerDep,
    settings: SettingsDep,
    embedder: EmbedderDep,
    zh: Annotated[UploadFile, File(description="The Chinese record: PDF or UTF-8 text")],
    en: Annotated[UploadFile, File(description="The English record: PDF or UTF-8 text")],
    symbol: Annotated[
        str | None,
        Form(
            max_length=MAX_SYMBOL_CHARS,
            description="The record's symbol, when the files do not state it (e.g. S/PV.9132)",
        ),
    ] = None,
    force: Annotated[
        bool,
        Form(
            description="Re-align the same files again; store a new version even if it leaves "
            "reviewed pairs behind or shrinks the record"
        ),
    ] = False,
) -> JobAccepted:
    """Checks both files now (size, type, signature; a text file's encoding and language)
    and aligns them in a background job:
    follow `url` (GET /jobs/{id}) for the stage, percent and result. Nothing is stored unless
    the whole import succeeds; the same two files again are a no-op unless `force`.

    A record already stored gets a new version (the current one is kept: GET
    /records/{symbol}/versions); reviewed pairs are carried over where their sentences still
    exist, and the result lists those that could not be. Without `force`, an import that
    would leave reviewed pairs behind or shrink the record by more than 5 % fails with a 409
    in the job's result (`{"error": "ReimportRefused", "status": 409, "detail", "changes"}`)
    and stores nothing."""
    symbol = check_symbol(symbol) if symbol and symbol.strip() else None
    zh_upload = await read_upload(zh, "zh", settings.max_upload_bytes)
    en_upload = await read_upload(en, "en", settings.max_upload_bytes)
    check_pair_languages(zh_upload, en_upload)
    zh_src, en_src = zh_upload.source, en_upload.source
    params = {
        "zh": {"name": zh_src.name, "sha256": zh_src.sha256, "bytes": len(zh_src.data)},
        "en": {"name": en_src.name, "sha256": en_src.sha256, "bytes": len(en_src.data)},
        "symbol": symbol,
        "force": force,
    }
    job_id = runner.submit(
        "import",
        params,
        lambda progress: import_pair(
            store,
            zh_src,
            en_src,
            embedder=embedder,
            force=force,
            symbol=symbol,
            progress=progress,
        ),
    )
    url = f"/jobs/{job_id}"
    response.headers["Location"] = url
    return JobAccepted(job_id=job_id, status="queued", url=url)


@router.get("/records", response_model=RecordList, summary="All stored records")
def list_records(store: StoreDep) -> RecordList:
    items = store.list_records()
    return RecordList(total=len(items), items=items)


@router.get(
    "/records/{symbol:path}/pairs",
    response_model=PairPage,
    summary="Aligned pairs of a record, filtered and paginated",
)
def list_pairs(
    store: StoreDep,
    symbol: SymbolPath,
    turn: Annotated[
        int | None, Query(ge=0, le=MAX_TURN, description="Turn index on either side")
    ] = None,
    zh_turn: TurnIndex = None,
    en_turn: TurnIndex = None,
    speaker: Annotated[
        str | None, Query(max_length=100, description="Speaker name (either language)")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=100, description="Country name or ISO alpha-3 code")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    max_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    type: Annotated[str | None, Query(pattern=r"^\d+-\d+$", description='e.g. "1-2"')] = None,
    status: Annotated[Literal["auto", "approved", "corrected", "rejected"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Offset = 0,
) -> PairPage:
    filters = PairFilter(
        turn=turn,
        zh_turn=zh_turn,
        en_turn=en_turn,
        speaker=speaker,
        country=country,
        min_confidence=min_confidence,
        max_confidence=max_confidence,
        type=type,
        status=status,
    )
    page = store.list_pairs(symbol, filters, limit=limit, offset=offset)
    return PairPage(**asdict(page))


@router.get(
    "/records/{symbol:path}/export",
    summary="Export a record's pairs as TMX 1.4b, TSV (Xbench) or JSONL",
    response_class=Response,
    responses={200: {"content": {"application/x-tmx+xml": {}, "text/tab-separated-values": {}}}},
)
def export_record(
    store: StoreDep,
    settings: SettingsDep,
    symbol: SymbolPath,
    format: Annotated[Literal["tmx", "tsv", "jsonl"], Query()] = "tmx",
    source: Annotated[
        Literal["zh", "en"], Query(description="Source language (first column / srclang)")
    ] = "zh",
    header: Annotated[bool, Query(description="TSV only: add a header row")] = False,
    bom: Annotated[
        bool, Query(description="TSV only: start with a UTF-8 byte-order mark (Windows tools)")
    ] = True,
) -> Response:
    """TMX and TSV carry the pairs with both sides that no reviewer rejected; JSONL carries
    every pair. Reviewer corrections are in all three. Language tags (TMX) come from the
    server's settings (VERBALIGN_ZH_TAG / VERBALIGN_EN_TAG, default zh-CN and en-GB)."""
    options: dict[str, object] = {}
    if format == "tsv":
        options = {"header": header, "bom": bom}
    elif format == "tmx":
        options = {"tags": settings.language_tags}
    exporter = get_exporter(format, **options)
    data = exporter.dumps(load_bundle(store, symbol, source_lang=source))
    filename = file_stem(symbol) + "." + exporter.extension
    return Response(
        data,
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/records/{symbol:path}/corrections",
    response_model=list[CorrectionRow],
    summary="Reviewer corrections of a record, oldest first",
)
def record_corrections(store: StoreDep, symbol: SymbolPath) -> list[CorrectionRow]:
    return store.corrections(symbol=symbol)


@router.get(
    "/records/{symbol:path}/versions/{version}",
    response_model=RecordVersionDetail,
    summary="One version of a record, with its pairs as they were stored",
)
def get_record_version(
    store: StoreDep,
    symbol: SymbolPath,
    version: Annotated[int, Path(ge=1, le=1_000_000, description="Version number")],
) -> RecordVersionDetail:
    return store.get_version(symbol, version)


@router.get(
    "/records/{symbol:path}/versions",
    response_model=list[VersionSummary],
    summary="The versions of a record, oldest first (the last is the current one)",
)
def list_record_versions(store: StoreDep, symbol: SymbolPath) -> list[VersionSummary]:
    return store.list_versions(symbol)


@router.delete(
    "/records/{symbol:path}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriteAccess],
    summary="Delete a record with its pairs and corrections",
)
def delete_record(store: StoreDep, symbol: SymbolPath) -> Response:
    store.delete_record(symbol)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/records/{symbol:path}",
    response_model=RecordDetail,
    summary="Metadata and turns (speaker, country, spoken language) of a record",
)
def get_record(store: StoreDep, symbol: SymbolPath) -> RecordDetail:
    return store.get_record(symbol)
