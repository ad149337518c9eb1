"""POST /score: sacrebleu BLEU, chrF and TER of candidate translations, per segment and for
the set, with the signatures. References are given as text or taken from stored pairs.

Scoring reads and computes only, so like /tm/lookup it needs no token.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, model_validator

from aligner.errors import InputError
from aligner.scoring import ScoreReport, score_candidates, target_language
from aligner.scoring.metrics import MAX_SEGMENT_CHARS
from api.deps import StoreDep

router = APIRouter(tags=["scoring"])


class ScoreItem(BaseModel):
    model_config = ConfigDict(strict=True)

    candidate: str = Field(max_length=MAX_SEGMENT_CHARS, description="A candidate translation")
    reference: str | None = Field(
        None, max_length=MAX_SEGMENT_CHARS, description="Its reference translation, or..."
    )
    pair_id: int | None = Field(
        None, description="...a stored pair whose target side is the reference"
    )
    id: str | None = Field(None, max_length=200, description="Echoed back with the scores")

    @model_validator(mode="after")
    def _one_reference(self) -> ScoreItem:
        if (self.reference is None) == (self.pair_id is None):
            raise ValueError("give exactly one of reference or pair_id")
        return self


class ScoreRequest(BaseModel):
    model_config = ConfigDict(strict=True)

    items: list[ScoreItem] = Field(min_length=1, max_length=2000)
    target: Literal["zh", "en"] | None = Field(
        None,
        description="Language of the candidates (the side of stored pairs used as reference); "
        "default: detected from the candidates",
    )


class SegmentOut(BaseModel):
    index: int
    id: str | None
    pair_id: int | None
    bleu: float
    chrf: float
    ter: float


class ScoreOut(BaseModel):
    target: str
    tokenizer: str
    count: int
    corpus: dict[str, float]
    signatures: dict[str, str]
    segments: list[SegmentOut]


@router.post("/score", response_model=ScoreOut, summary="Score candidate translations")
def score(body: ScoreRequest, store: StoreDep) -> ScoreOut:
    target = body.target or target_language([i.candidate for i in body.items])
    references = []
    for n, item in enumerate(body.items):
        if item.pair_id is not None:
            pair = store.get_pair(item.pair_id)
            text = pair.zh if target == "zh" else pair.en
            if not (text or "").strip():
                raise InputError(f"item {n}: pair {item.pair_id} has no {target} side")
            references.append(text)
        else:
            references.append(item.reference or "")
    report: ScoreReport = score_candidates(
        [i.candidate for i in body.items], references, target=target
    )
    return ScoreOut(
        target=report.target,
        tokenizer=report.tokenizer,
        count=report.count,
        corpus=report.corpus,
        signatures=report.signatures,
        segments=[
            SegmentOut(
                index=s.index, id=item.id, pair_id=item.pair_id, bleu=s.bleu, chrf=s.chrf, ter=s.ter
            )
            for s, item in zip(report.segments, body.items, strict=True)
        ],
    )
