"""One aligned pair: read it with its correction history, or correct it (reviewers)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from aligner.store.rows import Correction, CorrectionRow, PairRow
from api.deps import StoreDep, WriteAccess

router = APIRouter(tags=["pairs"])


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

    action: Literal["flag", "merge", "split", "relink"]
    reviewer: str = Field(min_length=1, max_length=100, description="Who made the correction")
    note: str | None = Field(None, max_length=2000)
    status: Literal["auto", "approved", "corrected", "rejected"] | None = None
    flags: list[str] | None = Field(None, max_length=20)
    with_pair: int | None = None
    zh_at: int | None = Field(None, ge=0)
    en_at: int | None = Field(None, ge=0)
    zh_ids: list[str] | None = Field(None, max_length=100)
    en_ids: list[str] | None = Field(None, max_length=100)


class CorrectionOut(BaseModel):
    pairs: list[PairRow]
    """The pairs the correction created or changed, the corrected one first."""
    correction: CorrectionRow


@router.get("/pairs/{pair_id}", response_model=PairWithHistory, summary="A pair and its history")
def get_pair(store: StoreDep, pair_id: int) -> PairWithHistory:
    pair = store.get_pair(pair_id)
    return PairWithHistory(pair=pair, corrections=store.corrections(pair_id=pair_id))


@router.patch(
    "/pairs/{pair_id}",
    response_model=CorrectionOut,
    dependencies=[WriteAccess],
    summary="Correct a pair: merge, split, re-link or flag (recorded with who and when)",
)
def correct_pair(store: StoreDep, pair_id: int, body: CorrectionIn) -> CorrectionOut:
    changed = store.correct_pair(pair_id, Correction(**body.model_dump()))
    history = store.corrections(pair_id=changed[0].id) if changed else []
    return CorrectionOut(pairs=changed, correction=history[-1])
