"""Omissions and additions: content on one side with no counterpart on the other.

Three signals, from cheapest to strongest:
- length: the English side is much longer or shorter than the calibrated zh-en ratio allows
  (aligner/qa/length.py);
- similarity: the two sides' sentence embeddings are far apart (a wrong or garbled pair);
- ablation: each clause-sized piece of one side is removed in turn, and the similarity to the
  other side re-measured. Removing a piece that is translated lowers the similarity; removing
  a piece with no counterpart raises it. The piece whose removal raises it most is the
  candidate omitted (or added) content, and its span is reported;
- coverage: the worst-covered piece of one side against runs of pieces of the other.

The four numbers per side are combined by a small logistic model (aligner/qa/
semantic_calibration.py, fitted by bench/qa_fit_semantic.py); without an embedder only the
length signal is used, with a stricter threshold.

The embedder is any object with `.encode(list[str]) -> np.ndarray` of unit rows; all texts of
a batch are embedded in `prepare`, once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.parse.speakers import match_header
from aligner.qa.check import Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span
from aligner.qa.length import length_z
from aligner.qa.lexicon import Coverage, load_lexicon, longest_gap
from aligner.qa.segments import pieces, without
from aligner.qa.semantic_calibration import SEMANTIC_MODEL


@dataclass(frozen=True)
class SemanticThresholds:
    length_z: float = 3.5
    """|z| above this is a length flag on its own (when no embedder is available too)."""
    low_similarity: float = 0.25
    """Cosine below this is a similarity flag on its own."""


THRESHOLDS = SemanticThresholds()
_EMB = "semantic:embeddings"
NO_PIECE_GAIN = -0.3
"""Ablation gain recorded for a side that is one piece only (nothing to remove)."""


@dataclass(frozen=True)
class SideEvidence:
    """How strongly one side looks like it carries content the other side lacks."""

    lang: str
    gain: float
    """Largest similarity gain from removing one piece of this side."""
    span: tuple[int, int] | None
    """The piece whose removal gains most."""
    coverage: float
    """Worst piece of this side: its best cosine against any 1-3 consecutive pieces of the
    other side. Low when a piece has no counterpart at all."""
    excess: float
    """Length z-score in the direction of this side being too long (0 when it is not)."""
    similarity: float
    lexical: float = 1.0
    """Worst piece of this side: the share of its content words with a dictionary rendering
    on the other side (aligner/qa/lexicon.py); 1.0 without a dictionary."""
    gap: int = 0
    """Longest run of consecutive content words of this side without a dictionary rendering
    on the other side (0 without a dictionary)."""

    def features(self) -> list[float]:
        return [
            self.gain,
            self.coverage,
            self.excess,
            self.similarity,
            self.lexical,
            math.log1p(self.gap),
        ]


def _windows(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [
        text[spans[i][0] : spans[i + k - 1][1]]
        for i in range(len(spans))
        for k in (1, 2, 3)
        if i + k <= len(spans)
    ]


def _texts(view: PairView) -> list[str]:
    out = [view.zh, view.en]
    for lang in ("zh", "en"):
        text = view.text(lang)
        spans = _pieces(view, lang)
        out += _windows(text, spans)
        if len(spans) > 1:
            out += [without(text, s) for s in spans]
    return out


def _pieces(view: PairView, lang: str) -> list[tuple[int, int]]:
    return view.memo(f"pieces:{lang}", lambda: pieces(view.text(lang), lang))


def _embed(ctx: QAContext, texts: Sequence[str]) -> dict[str, np.ndarray]:
    cache: dict[str, np.ndarray] = ctx.scratch.setdefault(_EMB, {})
    missing = sorted({t for t in texts if t not in cache})
    if missing:
        vectors = np.asarray(ctx.embedder.encode(missing), dtype=np.float32)
        cache.update(zip(missing, vectors, strict=True))
    return cache


def similarity(view: PairView, ctx: QAContext) -> float | None:
    if ctx.embedder is None or not view.zh.strip() or not view.en.strip():
        return None
    emb = _embed(ctx, [view.zh, view.en])
    return float(emb[view.zh] @ emb[view.en])


def side_evidence(view: PairView, ctx: QAContext) -> list[SideEvidence]:
    """Evidence for each side (zh, en) that it has content without a counterpart."""
    sim = similarity(view, ctx)
    if sim is None:
        return []
    emb = _embed(ctx, _texts(view))
    # the pooled length model, as in the fit (bench/qa_fit_semantic.py): the model's weights
    # were learned on it
    z = length_z(view.zh, view.en, None)
    out = []
    for lang in ("zh", "en"):
        text, rival = view.text(lang), view.text(other(lang))
        spans = _pieces(view, lang)
        windows = np.stack([emb[w] for w in _windows(rival, _pieces(view, other(lang)))])
        coverage = min(float((windows @ emb[text[a:b]]).max()) for a, b in spans)
        gain, best = NO_PIECE_GAIN, None
        if len(spans) > 1:
            for span in spans:
                g = float(emb[without(text, span)] @ emb[rival]) - sim
                if g > gain:
                    gain, best = g, span
        excess = max(z, 0.0) if lang == "en" else max(-z, 0.0)
        lexical = lexical_coverage(view, lang)
        out.append(
            SideEvidence(lang, gain, best, coverage, excess, sim, lexical, lexical_gap(view, lang))
        )
    return out


def lexical_gap(view: PairView, lang: str) -> int:
    """Longest run of content words of this side with no dictionary rendering on the other."""
    lexicon = load_lexicon()
    if lexicon is None:
        return 0
    rival = view.text(other(lang))
    if lang == "zh":
        marks = lexicon.zh_marks(view.zh, rival)
    else:
        bag = view.memo("lexicon:bag:zh", lambda: lexicon.bag(rival))
        marks = lexicon.en_marks(view.en, rival, bag)
    return longest_gap(marks)


MIN_LEXICAL_WORDS = 3
"""Pieces with fewer content words than this say too little to judge their coverage alone."""


def lexical_coverage(view: PairView, lang: str) -> float:
    """Share of covered content words in the worst-covered piece of this side (pieces of at
    least MIN_LEXICAL_WORDS content words; the whole side when there is none)."""
    lexicon = load_lexicon()
    if lexicon is None:
        return 1.0
    text, rival = view.text(lang), view.text(other(lang))
    if lang == "zh":

        def measure(piece: str) -> Coverage:
            return lexicon.zh_coverage(piece, rival)
    else:
        bag = view.memo("lexicon:bag:zh", lambda: lexicon.bag(rival))

        def measure(piece: str) -> Coverage:
            return lexicon.en_coverage(piece, rival, bag)

    shares = [
        c.share
        for a, b in _pieces(view, lang)
        if (c := measure(text[a:b])).total >= MIN_LEXICAL_WORDS
    ]
    return min(shares) if shares else measure(text).share


def omission_score(evidence: SideEvidence) -> float:
    """Log-odds that this side carries content the other lacks (logistic model fitted by
    bench/qa_fit_semantic.py on the dev split of the injected-error cases)."""
    weights = SEMANTIC_MODEL["weights"]
    return float(SEMANTIC_MODEL["bias"]) + sum(
        w * (x - m) / s
        for w, x, m, s in zip(
            weights,
            evidence.features(),
            SEMANTIC_MODEL["mean"],
            SEMANTIC_MODEL["scale"],
            strict=True,
        )
    )


def _missing_type(view: PairView, extra_on: str) -> str:
    """Content present only on `extra_on`: an omission if that is the source side."""
    return "omission" if extra_on == view.source else "addition"


@register_check
class SemanticCheck(Check):
    name = "semantic"
    description = "omissions and additions: length ratio, similarity and clause ablation"
    uses_embedder = True

    def __init__(self, thresholds: SemanticThresholds = THRESHOLDS) -> None:
        self.t = thresholds

    def prepare(self, views: Sequence[PairView], ctx: QAContext) -> None:
        if ctx.embedder is not None:
            bodies = [speech_body(v)[0] for v in views if v.zh.strip() and v.en.strip()]
            _embed(ctx, [t for v in bodies for t in _texts(v)])

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        if not view.zh.strip() or not view.en.strip():
            return []  # the unaligned check reports an empty side
        body, starts = speech_body(view)
        flags = self._check_body(body, ctx)
        for f in flags:  # spans back to offsets in the full texts
            f.spans = [
                Span(sp.lang, sp.start + starts[sp.lang], sp.end + starts[sp.lang], sp.text)
                for sp in f.spans
            ]
        return flags

    def _check_body(self, view: PairView, ctx: QAContext) -> list[Flag]:
        z = length_z(view.zh, view.en, view.original)
        details: dict[str, float] = {"length_z": round(z, 2)}
        evidence = side_evidence(view, ctx)
        if evidence:
            best = max(evidence, key=omission_score)
            score = omission_score(best)
            details |= {
                "similarity": round(best.similarity, 3),
                "score": round(score, 2),
                "gain": round(best.gain, 3),
                "coverage": round(best.coverage, 3),
            }
            if score >= SEMANTIC_MODEL["threshold"]:
                kind = _missing_type(view, best.lang)
                spans, where = [], ""
                if best.span is not None:
                    a, b = best.span
                    text = view.text(best.lang)[a:b]
                    spans = [Span(best.lang, a, b, text)]
                    where = f": '{_clip(text)}'"
                return [
                    Flag(
                        kind,
                        "warning",
                        f"{kind}: the {best.lang} has content with no "
                        f"counterpart in the {other(best.lang)}{where}",
                        spans,
                        self.name,
                        details,
                    )
                ]
            if best.similarity < self.t.low_similarity:
                return [
                    Flag(
                        "similarity",
                        "warning",
                        "the two sides say different things "
                        f"(semantic similarity {best.similarity:.2f})",
                        [],
                        self.name,
                        details,
                    )
                ]
            return []
        if abs(z) >= self.t.length_z:
            longer = "en" if z > 0 else "zh"
            kind = _missing_type(view, longer)
            return [
                Flag(
                    kind,
                    "warning",
                    f"{kind}: the {longer} side is far longer than the "
                    f"{other(longer)} allows (length ratio {z:+.1f} sd from the calibrated zh-en "
                    "ratio)",
                    [],
                    self.name,
                    details,
                )
            ]
        return []


def speech_body(view: PairView) -> tuple[PairView, dict[str, int]]:
    """The pair without a speaker header opening either side, and where each side's body
    starts. "托罗伊蒂奇夫人（肯尼亚）（以英语发言）：" has no counterpart in "Mrs. Toroitich
    (Kenya):" word for word (the language note exists only in translations): the names are
    the term check's business, the content after the colon is this check's."""

    def compute() -> tuple[PairView, dict[str, int]]:
        starts = {lang: _body_start(view.text(lang), lang) for lang in ("zh", "en")}
        if not any(starts.values()):
            return view, starts
        zh, en = view.zh[starts["zh"] :], view.en[starts["en"] :]
        if not zh.strip() or not en.strip():
            return view, {"zh": 0, "en": 0}
        return PairView(view.id, zh, en, view.original), starts

    return view.memo("semantic:body", compute)


def _body_start(text: str, lang: str) -> int:
    header = match_header(text, lang)
    if header is None:
        return 0
    start = len(text) - len(text.lstrip()) + header.end
    return start + len(text[start:]) - len(text[start:].lstrip())


def _clip(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
