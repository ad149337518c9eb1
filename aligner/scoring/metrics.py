"""BLEU, chrF and TER per segment and for the whole set, with sacrebleu's signatures.

The tokenizer follows the target language: sacrebleu's `zh` tokenizer for Chinese targets
(BLEU; TER normalised with Asian support, so it counts characters), `13a` for English, so
scores are comparable with published ones and the signature says how they were computed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from aligner.errors import InputError

MAX_SEGMENTS = 10_000
MAX_SEGMENT_CHARS = 10_000
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass
class SegmentScore:
    index: int
    bleu: float
    chrf: float
    ter: float
    id: str | None = None


@dataclass
class ScoreReport:
    target: str
    """Language of the candidates and references: "zh" or "en"."""
    tokenizer: str
    count: int
    corpus: dict[str, float]
    signatures: dict[str, str]
    segments: list[SegmentScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def target_language(texts: Sequence[str]) -> str:
    """ "zh" when most non-space characters of `texts` are Han characters, else "en"."""
    joined = "".join(texts)
    letters = [c for c in joined if not c.isspace()]
    if not letters:
        return "en"
    return "zh" if len(_HAN.findall(joined)) >= 0.3 * len(letters) else "en"


def _validate(candidates: Sequence[str], references: Sequence[str]) -> None:
    if not candidates:
        raise InputError("nothing to score: no candidate segments")
    if len(candidates) != len(references):
        raise InputError(
            f"{len(candidates)} candidate(s) but {len(references)} reference(s): "
            "they must pair up one to one"
        )
    if len(candidates) > MAX_SEGMENTS:
        raise InputError(f"at most {MAX_SEGMENTS} segments can be scored at once")
    for kind, texts in (("candidate", candidates), ("reference", references)):
        for n, text in enumerate(texts, start=1):
            if not isinstance(text, str):
                raise InputError(f"{kind} {n} is not text")
            if len(text) > MAX_SEGMENT_CHARS:
                raise InputError(f"{kind} {n} is longer than {MAX_SEGMENT_CHARS} characters")
    if not any(r.strip() for r in references):
        raise InputError("every reference is empty")


def score_candidates(
    candidates: Sequence[str],
    references: Sequence[str],
    *,
    target: str | None = None,
    ids: Sequence[str] | None = None,
) -> ScoreReport:
    """Score `candidates[i]` against `references[i]`; `target` ("zh"/"en") defaults to the
    language the references are written in."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    _validate(candidates, references)
    target = target or target_language(references)
    if target not in ("zh", "en"):
        raise InputError(f'target language must be "zh" or "en", not {target!r}')
    tokenizer = "zh" if target == "zh" else "13a"
    cands, refs = list(candidates), [list(references)]
    bleu = BLEU(tokenize=tokenizer)
    chrf = CHRF()
    # tercom splits Chinese into characters only in its normalising mode
    ter = TER(normalized=True, asian_support=True) if target == "zh" else TER()
    corpus = {
        "bleu": round(bleu.corpus_score(cands, refs).score, 2),
        "chrf": round(chrf.corpus_score(cands, refs).score, 2),
        "ter": round(ter.corpus_score(cands, refs).score, 2),
    }
    segment_bleu = BLEU(tokenize=tokenizer, effective_order=True)
    segments = []
    for i, (cand, ref) in enumerate(zip(cands, references, strict=True)):
        segments.append(
            SegmentScore(
                index=i,
                id=None if ids is None else str(ids[i]),
                bleu=round(segment_bleu.sentence_score(cand, [ref]).score, 2),
                chrf=round(chrf.sentence_score(cand, [ref]).score, 2),
                ter=round(ter.sentence_score(cand, [ref]).score, 2),
            )
        )
    signatures = {
        "bleu": str(bleu.get_signature()),
        "chrf": str(chrf.get_signature()),
        "ter": str(ter.get_signature()),
        "bleu_segment": str(segment_bleu.get_signature()),
    }
    return ScoreReport(target, tokenizer, len(cands), corpus, signatures, segments)
