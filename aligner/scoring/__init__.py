"""Scoring candidate translations against references with sacrebleu (BLEU, chrF, TER)."""

from aligner.scoring.metrics import ScoreReport, SegmentScore, score_candidates, target_language

__all__ = ["ScoreReport", "SegmentScore", "score_candidates", "target_language"]
