"""One aligned pair: read it with its correction history, or correct it (reviewers)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from aligner.store.limits import (
    MAX_FLAG_CHARS,
    MAX_FLAGS,
    MAX_NOTE_CHARS,
    MAX_REVIEWER_CHARS,
    MAX_ROW_ID,
)
from aligner.store.rows import Correction, CorrectionRow, PairRow
from api.deps import RowId, StoreDep, TokenFirstRoute, WriteAccess

router = APIRouter(tags=["pairs"], route_class=TokenFirstRoute)

MAX_SENTENCES = 100
"""Sentences one side of a corrected pair may link."""
SentenceId = Annotated[str, Field(min_length=1, max_length=200)]
Flag = Annotated[str, Field(min_length=1, max_length=MAX_FLAG_CHARS)]


class PairWithHistory(BaseModel):
    pair: PairRow
    corrections: list[CorrectionRow]


class CorrectionIn(BaseModel):
    """A reviewer's correction. `action` decides which other fields apply:

    - flag: `status` (auto, approved, corrected, rejected), `flags`, `note`;
    - merge: `with_pair`, the id of the pair just before or after this one;
    - split: cut after the first `zh_at` zh and `en_at` en sentences;
    - relink: this pair links exactly `zh_ids` and `en_ids` (consecutive sentences); others
      lose those sentences, and sentences this pair no longer holds get their own pair.
    """

    # strict: "7" is not the pair 7, and a misspelt field is not silently ignored
    model_config = ConfigDict(strict=True, extra="forbid")

    action: Literal["flag", "merge", "split", "relink"]
    reviewer: str = Field(
        min_length=1, max_length=MAX_REVIEWER_CHARS, description="Who made the correction"
    )
    note: str | None = Field(None, max_length=MAX_NOTE_CHARS)
    status: Literal["auto", "approved", "corrected", "rejected"] | None = None
    flags: list[Flag] | None = Field(None, max_length=MAX_FLAGS)
    with_pair: int | None = Field(None, ge=1, le=MAX_ROW_ID)
    zh_at: int | None = Field(None, ge=0, le=MAX_SENTENCES)
    en_at: int | None = Field(None, ge=0, le=MAX_SENTENCES)
    zh_ids: list[SentenceId] | None = Field(None, max_length=MAX_SENTENCES)
    en_ids: list[SentenceId] | None = Field(None, max_length=MAX_SENTENCES)


class CorrectionOut(BaseModel):
    pairs: list[PairRow]
    """The pairs the correction created or changed, the corrected one first."""
    correction: CorrectionRow


@router.get("/pairs/{pair_id}", response_model=PairWithHistory, summary="A pair and its history")
def get_pair(store: StoreDep, pair_id: RowId) -> PairWithHistory:
    pair = store.get_pair(pair_id)
    return PairWithHistory(pair=pair, corrections=store.corrections(pair_id=pair_id))


@router.patch(
    "/pairs/{pair_id}",
    response_model=CorrectionOut,
    dependencies=[WriteAccess],
    summary="Correct a pair: merge, split, re-link or flag (recorded with who and when)",
)
def correct_pair(store: StoreDep, pair_id: RowId, body: CorrectionIn) -> CorrectionOut:
    changed = store.correct_pair(pair_id, Correction(**body.model_dump()))
    history = store.corrections(pair_id=changed[0].id) if changed else []
    return CorrectionOut(pairs=changed, correction=history[-1])
