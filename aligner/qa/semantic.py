"""Omissions and additions: content on one side with no counterpart on the other.

Evidence for each side of a pair that it carries content the other side lacks:
- dictionary coverage (aligner/qa/lexicon.py, CC-CEDICT): each content word of the side has a
  rendering on the other side or not; an omitted clause leaves a run of words without one
  (`gap`; `run`, which survives one stray gloss match inside it) and a clause-sized piece with
  little coverage (`lexical`), while free translation leaves scattered single words; and an
  omission leaves its run on one side only, where a paraphrase leaves unmatched words on both
  sides at about the same place (the contrasts with the other side's run and gap, and
  `rival_fill`, the other side's unmatched words at the run's place); and the run weighted by
  how often faithful UN translations render each of its words (`wrun`,
  aligner/qa/coverage_prior.py): a dropped phrase leaves words that are usually rendered;
- length: the side is longer than the zh-en ratio of official UN translations allows
  (`excess`, in standard deviations; the ratio and its spread are fitted on real pairs);
- embeddings, when a model is given: the two sides' similarity, and (when the fitted model
  reads it) the worst piece of the side against runs of 1-3 pieces of the other side
  (`coverage`, and its contrast with the other side's; the shipped model leaves it out:
  leave-one-out says the same, and its embeddings cost ~9 s per 4,000 pairs); and, with the
  project's USE embedder, how much more like the other side the side becomes without its most
  foreign run of words (`loo_gain`, aligner/qa/leave_out.py: an omitted clause is the run
  whose removal makes the longer side say what the shorter says), and its contrast with the
  other side's.

Two logistic models combine them (aligner/qa/semantic_calibration.py, fitted by
bench/qa_fit_semantic.py on the development half of the UN Parallel Corpus pairs, with clause
drops and added sentences made by the fitter, and checked on the held-out half): a lexical
model over the cheap evidence, and a full model that adds the embedding evidence. The cheap
model runs on every pair and decides alone where it is sure (a warning above its threshold,
nothing below its gate, about the lowest-scoring 92 % of clean pairs); only the pairs in
between are embedded and left to the full model, so a batch of thousands of clean pairs
costs seconds, not minutes. Without an embedding model the lexical model decides everything.

A speaker header opening a side ("托罗伊蒂奇夫人（肯尼亚）（以英语发言）：") is left out: the
names are the term check's business.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.parse.speakers import match_header
from aligner.qa.association import MIN_PAIRS, BatchAssociations, learn, shipped
from aligner.qa.check import Check, PairView, QAContext, other, register_check
from aligner.qa.coverage_prior import CoveragePrior, weighted_run
from aligner.qa.coverage_prior import shipped as shipped_prior
from aligner.qa.flag import Flag, Span
from aligner.qa.leave_out import LeaveOut, leave_out_batch, token_encoder
from aligner.qa.lexicon import en_content_stems, en_stem, load_lexicon
from aligner.qa.segments import pieces
from aligner.qa.semantic_calibration import SEMANTIC_MODEL

MIN_PIECE_WORDS = 3
"""Pieces with fewer content words than this say too little to judge their coverage alone."""
_EMB = "semantic:embeddings"
_EVIDENCE = "semantic:evidence"
_GATED = "semantic:gated"
_LEAVE_OUT = "semantic:leave_out"


@dataclass
class SideEvidence:
    """How strongly one side looks like it carries content the other side lacks."""

    lang: str
    lexical: float
    """Worst piece of this side (of at least MIN_PIECE_WORDS content words): the share of its
    content words with a dictionary rendering on the other side; 1.0 without a dictionary."""
    gap: int
    """Longest run of consecutive content words of this side without a rendering."""
    share: float
    """Share of all content words of this side with a rendering."""
    excess: float
    """Length z-score in the direction of this side being too long (0 when it is not)."""
    span: tuple[int, int] | None
    """Where the evidence is: the longest uncovered run, widened to its piece."""
    sentences: int = 0
    """Sentences this side has beyond the other side's count (an appended sentence)."""
    clauses: int = 0
    """Clause punctuation this side has beyond the other side's (a dropped clause)."""
    run: float = 0.0
    """Best run score of this side: uncovered content words count +1, covered ones
    -RUN_PENALTY (an omitted clause's run survives one stray gloss match inside it)."""
    words: int = 0
    """Content words of this side."""
    rival_gap: int = 0
    rival_run: float = 0.0
    rival_share: float = 1.0
    rival_fill: int = 0
    """Uncovered words of the other side at the place of this side's run."""
    wrun: float = 0.0
    """Best run of unrendered words, each weighted by how often it is rendered in faithful
    UN translations (aligner/qa/coverage_prior.py): a dropped phrase leaves words that are
    usually rendered, loose translation words that often are not."""
    rival_wrun: float = 0.0
    """The other side's gap, run and share: free translation leaves gaps on both sides, an
    omission on one side only."""
    similarity: float | None = None
    coverage: float | None = None
    """Worst piece of this side: its best cosine against runs of 1-3 pieces of the other side."""
    rival_coverage: float = 0.0
    """The other side's coverage: a piece with no counterpart lowers one side's coverage,
    loose translation both sides'."""
    loo_gain: float | None = None
    """How much the side's cosine with the other side rises without its most foreign run of
    words (aligner/qa/leave_out.py); None when the embedder has no token features."""
    rival_loo_gain: float | None = None

    def lexical_features(self) -> list[float]:
        return [
            self.lexical,
            math.log1p(self.gap),
            self.share,
            self.excess,
            math.log1p(self.sentences),
            math.log1p(self.clauses),
            math.log1p(self.run),
            math.log1p(self.run) - math.log1p(self.rival_run),
            math.log1p(self.gap) - math.log1p(self.rival_gap),
            math.log1p(self.words),
            math.log1p(self.rival_fill),
            math.log1p(self.run) - math.log1p(self.rival_fill),
            math.log1p(self.wrun),
            math.log1p(self.wrun) - math.log1p(self.rival_wrun),
        ]

    def full_features(self) -> list[float]:
        assert self.similarity is not None and self.coverage is not None
        loo = self.loo_gain is not None and self.rival_loo_gain is not None
        return [
            *self.lexical_features(),
            self.similarity,
            self.coverage,
            self.coverage - self.rival_coverage,
            # missing (another embedder): NaN, which the model leaves out
            self.loo_gain if loo else math.nan,
            self.loo_gain - self.rival_loo_gain if loo else math.nan,
        ]


LEXICAL_FEATURES = [
    "lexical",
    "log1p_gap",
    "share",
    "excess",
    "log1p_sentences",
    "log1p_clauses",
    "log1p_run",
    "run_contrast",
    "gap_contrast",
    "log1p_words",
    "log1p_rival_fill",
    "fill_contrast",
    "log1p_wrun",
    "wrun_contrast",
]
_SENTENCE_END = {
    "zh": re.compile(r"[。！？](?!$)"),
    "en": re.compile(r"[.?!][\"”’)]?\s+(?=[A-Z\"“(])"),
}
_CLAUSE_MARK = {"zh": re.compile(r"[，；：、]"), "en": re.compile(r"[,;:](?=\s)")}
FULL_FEATURES = [
    *LEXICAL_FEATURES,
    "similarity",
    "coverage",
    "coverage_contrast",
    "loo_gain",
    "loo_contrast",
]


def length_z(zh: str, en: str) -> float:
    """How many standard deviations the English side is longer (+) or shorter (-) than the
    ratio of official UN translations allows for this Chinese length; 0.0 when a side is
    empty."""
    n_zh, n_en = len(re.sub(r"\s", "", zh)), len(re.sub(r"\s", "", en))
    if not n_zh or not n_en:
        return 0.0
    m = SEMANTIC_MODEL["length"]
    sd = math.sqrt(m["var_floor"] + m["var_per_char"] / n_zh)
    return (math.log(n_en / n_zh) - m["centre"]) / sd


def _pieces(view: PairView, lang: str) -> list[tuple[int, int]]:
    return view.memo(f"pieces:{lang}", lambda: pieces(view.text(lang), lang))


def learn_associations(views: Sequence[PairView]) -> BatchAssociations:
    """Word translations learned from the batch, with the shipped general ones
    (aligner/qa/association.py)."""
    lexicon = load_lexicon()
    if lexicon is None:
        return BatchAssociations()
    if len(views) < MIN_PAIRS:
        return shipped()
    return learn(
        (
            {w for _, w in lexicon.zh_content_words_at(v.zh)},
            set(en_content_stems(v.en)),
        )
        for v in views
    ).merged(shipped())


def batch_associations(views: Sequence[PairView], ctx: QAContext) -> BatchAssociations:
    """The batch's associations (learned from the speech bodies), learned once per batch and
    shared by the checks that read dictionary coverage (this one, aligner/qa/name_coverage)."""
    cached = ctx.scratch.get("associations")
    if cached is not None and cached[0] is views:
        return cached[1]
    assoc = learn_associations([speech_body(v)[0] for v in views if v.zh.strip() and v.en.strip()])
    ctx.scratch["associations"] = (views, assoc)
    return assoc


def lexical_evidence(
    view: PairView, assoc: BatchAssociations | None = None, prior: CoveragePrior | None = None
) -> list[SideEvidence]:
    """Dictionary and length evidence for each side (zh, en); `assoc` adds the translations
    learned from the batch, `prior` replaces the shipped word rendering rates (the fitter's
    out-of-fold rates). Computed once per pair: the first call's arguments hold."""

    def compute() -> list[SideEvidence]:
        rates = shipped_prior() if prior is None else prior
        z = length_z(view.zh, view.en)
        out = []
        all_marks: list[list[tuple[int, int, bool]]] = []
        for lang in ("zh", "en"):
            text, rival = view.text(lang), view.text(other(lang))
            marks = side_marks(view, lang, assoc)
            spans = _pieces(view, lang)
            worst, share = _piece_coverage(marks, spans)
            gap, gap_span = _longest_gap(marks)
            excess = max(z, 0.0) if lang == "en" else max(-z, 0.0)
            counts = {
                what: max(
                    len(pattern[lang].findall(text.strip()))
                    - len(pattern[other(lang)].findall(rival.strip())),
                    0,
                )
                for what, pattern in (("sentences", _SENTENCE_END), ("clauses", _CLAUSE_MARK))
            }
            out.append(
                SideEvidence(
                    lang,
                    worst,
                    gap,
                    share,
                    excess,
                    _widen(gap_span, spans),
                    **counts,
                    run=_best_run(marks)[0],
                    words=len(marks),
                    wrun=weighted_run(mark_weights(marks, text, lang, rates)),
                )
            )
            all_marks.append(marks)
        for k, ev in enumerate(out):
            rival = out[1 - k]
            ev.rival_gap, ev.rival_run, ev.rival_share = rival.gap, rival.run, rival.share
            ev.rival_wrun = rival.wrun
            _, a, b = _best_run(all_marks[k])
            ev.rival_fill = _rival_fill((a, b), len(all_marks[k]), all_marks[1 - k])
        return out

    return view.memo(_EVIDENCE, compute)


def side_marks(
    view: PairView, lang: str, assoc: BatchAssociations | None
) -> list[tuple[int, int, bool]]:
    """(start, end, has a rendering on the other side) of each content word of one side."""
    lexicon = load_lexicon()
    text, rival = view.text(lang), view.text(other(lang))
    if lexicon is None:
        return []
    if lang == "zh":
        return lexicon.zh_marks_at(text, rival, assoc)
    bag = view.memo("lexicon:bag:zh", lambda: lexicon.bag(view.zh))
    return lexicon.en_marks_at(text, rival, bag, assoc)


def rendering_observations(
    view: PairView, assoc: BatchAssociations | None
) -> list[tuple[str, str, bool]]:
    """(lang, word, rendered) for each content word of both sides: what the rendering rates
    of aligner/qa/coverage_prior.py are counted from."""
    return [
        (lang, mark_key(view.text(lang), a, b, lang), covered)
        for lang in ("zh", "en")
        for a, b, covered in side_marks(view, lang, assoc)
    ]


def mark_key(text: str, start: int, end: int, lang: str) -> str:
    """The word of a mark as the rendering rates know it: the Chinese word, the English stem."""
    word = text[start:end]
    return word if lang == "zh" else en_stem(word.lower())


def mark_weights(
    marks: list[tuple[int, int, bool]], text: str, lang: str, prior: CoveragePrior
) -> list[float | None]:
    """Per content word: None when rendered, else its weight toward a run of unrendered
    words (aligner/qa/coverage_prior.py)."""
    return [
        None if covered else prior.weight(lang, mark_key(text, a, b, lang))
        for a, b, covered in marks
    ]


def _piece_coverage(
    marks: list[tuple[int, int, bool]], spans: list[tuple[int, int]]
) -> tuple[float, float]:
    """(worst piece's coverage share, the whole side's share)."""
    if not marks:
        return 1.0, 1.0
    share = sum(c for _, _, c in marks) / len(marks)
    worst = 1.0
    for a, b in spans:
        inside = [c for s, _, c in marks if a <= s < b]
        if len(inside) >= MIN_PIECE_WORDS:
            worst = min(worst, sum(inside) / len(inside))
    return (worst if worst < 1.0 or len(spans) > 1 else share), share


RUN_PENALTY = 2.0


def _best_run(marks: list[tuple[int, int, bool]]) -> tuple[float, int, int]:
    """Maximum-sum run of uncovered (+1) and covered (-RUN_PENALTY) content words: its score
    and the indices [first, last + 1) of its words in `marks`."""
    best = cur = 0.0
    at, start = (0, 0), 0
    for i, (_, _, covered) in enumerate(marks):
        if cur == 0.0:
            start = i
        cur = max(0.0, cur + (-RUN_PENALTY if covered else 1.0))
        if cur > best:
            best, at = cur, (start, i + 1)
    return best, *at


RIVAL_SLACK = 0.15
"""How far (as a share of the other side's content words) around the run's relative place
the other side is searched for its own uncovered words."""


def _rival_fill(at: tuple[int, int], n: int, rival: list[tuple[int, int, bool]]) -> int:
    """Uncovered content words of the other side around the place that corresponds to the
    run (same relative position, +- RIVAL_SLACK): a paraphrase leaves unmatched words on
    both sides at about the same place, an omission on one side only."""
    if not n or not rival:
        return 0
    m = len(rival)
    lo = max(int((at[0] / n - RIVAL_SLACK) * m), 0)
    hi = min(math.ceil((at[1] / n + RIVAL_SLACK) * m), m)
    return sum(not c for _, _, c in rival[lo:hi])


def _longest_gap(marks: list[tuple[int, int, bool]]) -> tuple[int, tuple[int, int] | None]:
    best, best_span = 0, None
    run, start = 0, 0
    for s, e, covered in marks:
        if covered:
            run = 0
            continue
        if run == 0:
            start = s
        run += 1
        if run > best:
            best, best_span = run, (start, e)
    return best, best_span


def _widen(span: tuple[int, int] | None, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The piece(s) holding the uncovered run."""
    if span is None:
        return None
    inside = [(a, b) for a, b in spans if a < span[1] and b > span[0]]
    return (inside[0][0], inside[-1][1]) if inside else span


def _windows(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [
        text[spans[i][0] : spans[i + k - 1][1]]
        for i in range(len(spans))
        for k in (1, 2, 3)
        if i + k <= len(spans)
    ]


def uses_windows() -> bool:
    """Whether the full model reads the window coverage (each piece against runs of pieces
    of the other side); a model fitted without it spares those embeddings."""
    return "coverage" in SEMANTIC_MODEL["full"]["features"]


def _texts(view: PairView, windows: bool | None = None) -> list[str]:
    out = [view.zh, view.en]
    if uses_windows() if windows is None else windows:
        for lang in ("zh", "en"):
            out += _windows(view.text(lang), _pieces(view, lang))
    return out


def _embed(ctx: QAContext, texts: Sequence[str]) -> dict[str, np.ndarray]:
    cache: dict[str, np.ndarray] = ctx.scratch.setdefault(_EMB, {})
    missing = sorted({t for t in texts if t not in cache})
    if missing:
        vectors = np.asarray(ctx.embedder.encode(missing), dtype=np.float32)
        cache.update(zip(missing, vectors, strict=True))
    return cache


def prepare_leave_out(views: Sequence[PairView], ctx: QAContext) -> None:
    """Leave-one-out evidence of `views` in one batch of token passes, kept in the batch's
    scratch by text (a no-op without an embedder that has token features)."""
    encoder = token_encoder(ctx.embedder)
    if encoder is None:
        return
    done: dict[tuple[str, str], tuple[LeaveOut, LeaveOut]] = ctx.scratch.setdefault(_LEAVE_OUT, {})
    todo = sorted({(v.zh, v.en) for v in views} - done.keys())
    done.update(zip(todo, leave_out_batch(encoder, todo), strict=True))


def _leave_out(view: PairView, ctx: QAContext) -> tuple[LeaveOut, LeaveOut] | None:
    if token_encoder(ctx.embedder) is None:
        return None
    prepare_leave_out([view], ctx)
    return ctx.scratch[_LEAVE_OUT][(view.zh, view.en)]


def add_embedding_evidence(view: PairView, ctx: QAContext, windows: bool | None = None) -> None:
    """Fill similarity, coverage and leave-one-out gain of both sides' evidence (embeds the
    pair's texts). `windows` (default: whether the model reads it) computes the window
    coverage; without it coverage is NaN."""
    evidence = lexical_evidence(view)
    if evidence[0].similarity is not None:
        return
    windows = uses_windows() if windows is None else windows
    found = _leave_out(view, ctx)
    if found is not None:
        for k, ev in enumerate(evidence):
            ev.loo_gain, ev.rival_loo_gain = found[k].gain, found[1 - k].gain
    emb = _embed(ctx, _texts(view, windows))
    sim = float(emb[view.zh] @ emb[view.en])
    if not windows:
        for ev in evidence:
            ev.similarity, ev.coverage, ev.rival_coverage = sim, math.nan, math.nan
        return
    for ev in evidence:
        text, rival = view.text(ev.lang), view.text(other(ev.lang))
        windows = np.stack([emb[w] for w in _windows(rival, _pieces(view, other(ev.lang)))])
        ev.similarity = sim
        ev.coverage = min(
            float((windows @ emb[text[a:b]]).max()) for a, b in _pieces(view, ev.lang)
        )
    evidence[0].rival_coverage = evidence[1].coverage
    evidence[1].rival_coverage = evidence[0].coverage


def _logit(model: dict, features: list[float]) -> float:
    """The model's logit; a missing (NaN) feature counts as its mean."""
    return float(model["bias"]) + sum(
        w * (x - m) / s
        for w, x, m, s in zip(
            model["weights"], features, model["mean"], model["scale"], strict=True
        )
        if not math.isnan(x)
    )


def lexical_score(ev: SideEvidence) -> float:
    return _logit(SEMANTIC_MODEL["lexical"], ev.lexical_features())


def full_score(ev: SideEvidence) -> float:
    model = SEMANTIC_MODEL["full"]
    return _logit(model, select(ev.full_features(), model["features"]))


def select(features: list[float], names: list[str]) -> list[float]:
    """The values of `names` among FULL_FEATURES' (a model fitted on a subset of them)."""
    value = dict(zip(FULL_FEATURES, features, strict=True))
    return [value[n] for n in names]


def _missing_type(view: PairView, extra_on: str) -> str:
    """Content present only on `extra_on`: an omission if that is the source side."""
    return "omission" if extra_on == view.source else "addition"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 30.0), -30.0)))


@register_check
class SemanticCheck(Check):
    name = "semantic"
    description = "omissions and additions: dictionary coverage, length and embeddings"
    uses_embedder = True

    def prepare_batch(self, views: Sequence[PairView], ctx: QAContext) -> None:
        assoc = batch_associations(views, ctx)
        lexical = SEMANTIC_MODEL["lexical"]
        for v in views:
            if not (v.zh.strip() and v.en.strip()):
                continue
            evidence = lexical_evidence(speech_body(v)[0], assoc)
            # only the pairs the cheap model leaves in doubt are embedded
            if lexical["gate"] <= max(map(lexical_score, evidence)) < lexical["threshold"]:
                v.memo(_GATED, lambda: True)

    def prepare(self, views: Sequence[PairView], ctx: QAContext) -> None:
        if ctx.embedder is None:
            return
        chosen = [speech_body(v)[0] for v in views if v.memo(_GATED, lambda: False)]
        _embed(ctx, [t for v in chosen for t in _texts(v)])
        prepare_leave_out(chosen, ctx)

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        if not view.zh.strip() or not view.en.strip():
            return []  # the unaligned check reports an empty side
        body, starts = speech_body(view)
        flags = self._check_body(body, ctx, gated=view.memo(_GATED, lambda: False))
        for f in flags:  # spans back to offsets in the full texts
            f.spans = [
                Span(sp.lang, sp.start + starts[sp.lang], sp.end + starts[sp.lang], sp.text)
                for sp in f.spans
            ]
        return flags

    def _check_body(self, view: PairView, ctx: QAContext, *, gated: bool) -> list[Flag]:
        evidence = lexical_evidence(view)
        model, score_of = SEMANTIC_MODEL["lexical"], lexical_score
        if ctx.embedder is not None and gated:
            # in doubt: the embeddings decide (warning, info or nothing)
            add_embedding_evidence(view, ctx)
            model, score_of = SEMANTIC_MODEL["full"], full_score
        if load_lexicon() is not None:
            # a side without a single content word (a date, a figure, a symbol) has no clause
            # to omit or add: its length alone is the number and date checks' business
            evidence = [ev for ev in evidence if ev.words]
            if not evidence:
                return []
        best = max(evidence, key=score_of)
        score = score_of(best)
        if score < model["info_threshold"]:
            return []
        severity = "warning" if score >= model["threshold"] else "info"
        kind = _missing_type(view, best.lang)
        spans, where = [], ""
        if best.span is not None:
            a, b = best.span
            text = view.text(best.lang)[a:b]
            spans = [Span(best.lang, a, b, text)]
            where = f": '{_clip(text)}'"
        details = {
            "logit": round(score, 2),
            "lexical": round(best.lexical, 3),
            "gap": best.gap,
            "length_excess": round(best.excess, 2),
            "model": "full" if best.similarity is not None else "lexical",
        }
        if best.similarity is not None and best.coverage is not None:
            details |= {
                "similarity": round(best.similarity, 3),
                "coverage": round(best.coverage, 3),
            }
        return [
            Flag(
                kind,
                severity,
                f"{kind}: the {best.lang} has content with no counterpart in the "
                f"{other(best.lang)}{where}",
                spans,
                self.name,
                details,
                round(_sigmoid(score - model["threshold"]) * model["precision"], 3),
            )
        ]


def speech_body(view: PairView) -> tuple[PairView, dict[str, int]]:
    """The pair without a speaker header opening either side, and where each side's body
    starts. "某某夫人（肯尼亚）（以英语发言）：" has no counterpart in "Mrs. Name
    (Kenya):" word for word (the language note exists only in translations): the names are
    the term check's business, the content after the colon is this check's."""

    def compute() -> tuple[PairView, dict[str, int]]:
        starts = {lang: _body_start(view.text(lang), lang) for lang in ("zh", "en")}
        if not any(starts.values()):
            return view, starts
        zh, en = view.zh[starts["zh"] :], view.en[starts["en"] :]
        if not zh.strip() or not en.strip():
            return view, {"zh": 0, "en": 0}
        return PairView(view.id, zh, en, view.original, view.role), starts

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
