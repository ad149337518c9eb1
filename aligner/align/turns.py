"""Aligning the speaker turns of a Chinese and an English record of the same meeting.

All language versions of a verbatim record carry the same turns in the same order, so
this is a monotonic alignment, but not always a plain 1-1 zip: a version can lack a
turn or have an extra one (a procedural line set apart, a short President's turn
merged into the next), or print one turn as two. Names are no help (古特雷斯 vs Guterres), so
each candidate link is scored on what is language-independent:
  role, country (ISO code, mapped across languages by aligner.countries), the language
  the speaker used, the honorific's gender, text length (against the record pair's own
  length ratio), paragraph count, and, when given, the embedding similarity of the two
  turns (standardised by row and column, so that a meeting where every speech is about
  the same topic still separates the right counterpart from its neighbours).
The scores are log-odds of "these are the same turn". A dynamic programme over the
moves 1-1, 1-0, 0-1, 2-1 and 1-2 picks the best path (Viterbi), and forward-backward
over the same lattice gives each chosen link its posterior probability, which is the
link's confidence: a link is uncertain exactly when another path explains the two
records nearly as well (two consecutive President turns, two speakers of one country).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from aligner.models import Record, Turn, TurnLink

# Log-odds weights of the evidence, hand-set on the structure of UN records (role,
# country and spoken language are almost never wrong; lengths vary with style).
ROLE_SAME, ROLE_DIFFERENT = 1.0, -2.5
# A procedural line is printed, not spoken: no language version turns a speech into one.
ROLE_PROCEDURE_VS_SPEECH = -4.5
COUNTRY_SAME, COUNTRY_DIFFERENT, COUNTRY_ONE_MISSING = 3.0, -4.0, -1.0
LANGUAGE_SAME, LANGUAGE_DIFFERENT = 1.0, -2.0
GENDER_SAME, GENDER_DIFFERENT = 0.3, -1.0
LENGTH_WEIGHT = 2.0
LENGTH_BEST = 1.0
PARAGRAPHS_SAME, PARAGRAPHS_STEP = 0.5, -0.8
SIMILARITY_WEIGHT = 1.2
SIMILARITY_CAP = (-2.5, 3.0)
SKIP = -3.0
SKIP_PROCEDURE = -2.0
SPLIT = -3.0
SPLIT_INCONSISTENT = -6.0

_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
_GENDER = {
    "先生": "m",
    "勋爵": "m",
    "爵士": "m",
    "女士": "f",
    "夫人": "f",
    "小姐": "f",
    "Mr.": "m",
    "Sir": "m",
    "Lord": "m",
    "Mrs.": "f",
    "Ms.": "f",
    "Miss": "f",
    "Dame": "f",
    "Lady": "f",
    "Baroness": "f",
    "Sheikha": "f",
    "Princess": "f",
    "Queen": "f",
    "Sheikh": "m",
    "Prince": "m",
    "King": "m",
    "Baron": "m",
    "Emir": "m",
}


@dataclass(frozen=True)
class _Side:
    role: str
    country: str | None
    spoken: str | None
    gender: str | None
    length: float
    paragraphs: int


def align_turns(zh: Record, en: Record, similarity: np.ndarray | None = None) -> list[TurnLink]:
    """Monotonic turn alignment with a confidence in [0, 1] on every link.

    `similarity[i, j]` is the cosine similarity of zh turn i and en turn j (embeddings);
    None uses speaker evidence and lengths only.
    """
    zs = [_side(t, zh.language) for t in zh.turns]
    es = [_side(t, en.language) for t in en.turns]
    n, m = len(zs), len(es)
    if similarity is not None:
        similarity = np.asarray(similarity, dtype=np.float64)
        if similarity.shape != (n, m):
            raise ValueError(f"similarity must be {n}x{m}, got {similarity.shape}")
    if n == 0 or m == 0:
        return [TurnLink(i, None, 1.0, [i], []) for i in range(n)] + [
            TurnLink(None, j, 1.0, [], [j]) for j in range(m)
        ]
    ratio = _length_ratio(zs, es)
    z_sim = _standardised(similarity) if similarity is not None else None
    scorer = _Scorer(zs, es, ratio, z_sim)
    path = _viterbi(scorer, n, m)
    posteriors = _edge_posteriors(scorer, n, m, [(i, j, di, dj) for (i, j), (di, dj) in path])
    links = []
    for (i, j), (di, dj) in path:
        zh_turns = [zh.turns[k].index for k in range(i, i + di)]
        en_turns = [en.turns[k].index for k in range(j, j + dj)]
        confidence = float(min(1.0, max(0.0, posteriors.get((i, j, di, dj), 0.0))))
        links.append(
            TurnLink(
                zh_turn=zh_turns[0] if zh_turns else None,
                en_turn=en_turns[0] if en_turns else None,
                confidence=round(confidence, 4),
                zh_turns=zh_turns,
                en_turns=en_turns,
            )
        )
    return links


def _side(turn: Turn, record_language: str) -> _Side:
    text_length = sum(len("".join(s.text.split())) for s in turn.sentences())
    spoken = None if turn.role == "procedure" else turn.spoken_language
    return _Side(
        role=turn.role,
        country=turn.country_code,
        spoken=spoken if spoken and spoken != "und" else None,
        gender=_GENDER.get(turn.honorific or ""),
        length=float(max(text_length, 1)),
        paragraphs=len(turn.paragraphs),
    )


def _length_ratio(zs: list[_Side], es: list[_Side]) -> float:
    """The pair's own en/zh length ratio (about 3 characters of English per Chinese one)."""
    return sum(e.length for e in es) / sum(z.length for z in zs)


def _standardised(similarity: np.ndarray) -> np.ndarray:
    """Similarity in standard deviations above the row's and the column's mean."""

    def z(a: np.ndarray, axis: int) -> np.ndarray:
        mean = a.mean(axis=axis, keepdims=True)
        std = np.maximum(a.std(axis=axis, keepdims=True), 0.05)
        return (a - mean) / std

    if min(similarity.shape) < 3:
        # Too few turns to standardise: centre on the value of an unrelated pair instead.
        return (similarity - 0.3) / 0.15
    return (z(similarity, 1) + z(similarity, 0)) / 2


class _Scorer:
    """Log-odds of every move, computed once as arrays (the DPs below only look them up):
    `move(i, j, di, dj)` scores zh turns i..i+di-1 against en turns j..j+dj-1."""

    def __init__(
        self, zs: list[_Side], es: list[_Side], ratio: float, z_sim: np.ndarray | None
    ) -> None:
        self.zs, self.es, self.ratio, self.z_sim = zs, es, ratio, z_sim
        n, m = len(zs), len(es)
        zl = np.array([z.length for z in zs])
        el = np.array([e.length for e in es])
        zp = np.array([z.paragraphs for z in zs], dtype=np.float64)
        ep = np.array([e.paragraphs for e in es], dtype=np.float64)
        pair = _pair_matrix(zs, es)
        self.skip_zh = np.array([SKIP_PROCEDURE if z.role == "procedure" else SKIP for z in zs])
        self.skip_en = np.array([SKIP_PROCEDURE if e.role == "procedure" else SKIP for e in es])
        self.one = pair + _length_matrix(zl[:, None], el[None, :], ratio)
        self.one += _paragraph_matrix(zp[:, None], ep[None, :])
        if z_sim is not None:
            self.one += SIMILARITY_WEIGHT * np.clip(z_sim, *SIMILARITY_CAP)
        # 2-1: zh turns i, i + 1 against en turn j; 1-2 the other way round.
        self.two_one = np.full((max(n - 1, 0), m), -np.inf)
        self.one_two = np.full((n, max(m - 1, 0)), -np.inf)
        if n > 1 and m:
            zl2, zp2 = zl[:-1] + zl[1:], zp[:-1] + zp[1:]
            score = pair[:-1] + _length_matrix(zl2[:, None], el[None, :], ratio)
            score += _paragraph_matrix(zp2[:, None], ep[None, :])
            if z_sim is not None:
                mean = (z_sim[:-1] * zl[:-1, None] + z_sim[1:] * zl[1:, None]) / zl2[:, None]
                score += SIMILARITY_WEIGHT * np.clip(mean, *SIMILARITY_CAP)
            consistent = np.array([_same_speaker(zs[k], zs[k + 1]) for k in range(n - 1)])
            score += np.where(consistent, SPLIT, SPLIT_INCONSISTENT)[:, None]
            self.two_one = score
        if m > 1 and n:
            el2, ep2 = el[:-1] + el[1:], ep[:-1] + ep[1:]
            score = pair[:, :-1] + _length_matrix(zl[:, None], el2[None, :], ratio)
            score += _paragraph_matrix(zp[:, None], ep2[None, :])
            if z_sim is not None:
                mean = (z_sim[:, :-1] * el[None, :-1] + z_sim[:, 1:] * el[None, 1:]) / el2[None, :]
                score += SIMILARITY_WEIGHT * np.clip(mean, *SIMILARITY_CAP)
            consistent = np.array([_same_speaker(es[k], es[k + 1]) for k in range(m - 1)])
            score += np.where(consistent, SPLIT, SPLIT_INCONSISTENT)[None, :]
            self.one_two = score
        # The DPs read single cells: Python lists are several times faster at that than numpy.
        self._tables = {
            (1, 1): self.one.tolist(),
            (2, 1): self.two_one.tolist(),
            (1, 2): self.one_two.tolist(),
        }
        self._skip_zh, self._skip_en = self.skip_zh.tolist(), self.skip_en.tolist()

    def move(self, i: int, j: int, di: int, dj: int) -> float:
        if di == 0:
            return self._skip_en[j]
        if dj == 0:
            return self._skip_zh[i]
        return self._tables[(di, dj)][i][j]


def _pair_matrix(zs: list[_Side], es: list[_Side]) -> np.ndarray:
    """_pair_score of every zh turn against every en turn."""
    return np.array([[_pair_score(z, e) for e in es] for z in zs], dtype=np.float64).reshape(
        len(zs), len(es)
    )


def _length_matrix(zh_length: np.ndarray, en_length: np.ndarray, ratio: float) -> np.ndarray:
    deviation = np.abs(np.log(en_length / (zh_length * ratio)))
    return np.maximum(LENGTH_BEST - LENGTH_WEIGHT * deviation, -4.0)


def _paragraph_matrix(zh_paragraphs: np.ndarray, en_paragraphs: np.ndarray) -> np.ndarray:
    difference = np.minimum(np.abs(zh_paragraphs - en_paragraphs), 5)
    return np.where(difference == 0, PARAGRAPHS_SAME, PARAGRAPHS_STEP * difference)


def _pair_score(z: _Side, e: _Side) -> float:
    if z.role == e.role:
        score = ROLE_SAME
    elif "procedure" in (z.role, e.role):
        score = ROLE_PROCEDURE_VS_SPEECH
    else:
        score = ROLE_DIFFERENT
    if z.country and e.country:
        score += COUNTRY_SAME if z.country == e.country else COUNTRY_DIFFERENT
    elif z.country or e.country:
        score += COUNTRY_ONE_MISSING
    if z.spoken and e.spoken:
        score += LANGUAGE_SAME if z.spoken == e.spoken else LANGUAGE_DIFFERENT
    if z.gender and e.gender:
        score += GENDER_SAME if z.gender == e.gender else GENDER_DIFFERENT
    return score


def _same_speaker(a: _Side, b: _Side) -> bool:
    return a.role == b.role and a.country == b.country and a.spoken == b.spoken


def _viterbi(scorer: _Scorer, n: int, m: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    neg = -math.inf
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            for di, dj in _MOVES:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or best[pi][pj] == neg:
                    continue
                value = best[pi][pj] + scorer.move(pi, pj, di, dj)
                if value > best[i][j]:
                    best[i][j] = value
                    back[(i, j)] = (di, dj)
    path = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = back[(i, j)]
        i, j = i - di, j - dj
        path.append(((i, j), (di, dj)))
    return path[::-1]


def _edge_posteriors(
    scorer: _Scorer, n: int, m: int, edges: list[tuple[int, int, int, int]]
) -> dict[tuple[int, int, int, int], float]:
    """P(move from (i, j) by (di, dj) is on the path), summing over all monotonic paths, for
    the given edges."""
    neg = -math.inf
    forward = [[neg] * (m + 1) for _ in range(n + 1)]
    forward[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            forward[i][j] = _logsumexp(
                [
                    forward[i - di][j - dj] + scorer.move(i - di, j - dj, di, dj)
                    for di, dj in _MOVES
                    if i - di >= 0 and j - dj >= 0
                ]
            )
    backward = [[neg] * (m + 1) for _ in range(n + 1)]
    backward[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            backward[i][j] = _logsumexp(
                [
                    scorer.move(i, j, di, dj) + backward[i + di][j + dj]
                    for di, dj in _MOVES
                    if i + di <= n and j + dj <= m
                ]
            )
    total = forward[n][m]
    posteriors = {}
    for i, j, di, dj in edges:
        if forward[i][j] > neg:
            log_p = forward[i][j] + scorer.move(i, j, di, dj) + backward[i + di][j + dj] - total
            posteriors[(i, j, di, dj)] = math.exp(min(log_p, 0.0))
    return posteriors


def _logsumexp(values: list[float]) -> float:
    finite = [v for v in values if v > -math.inf]
    if not finite:
        return -math.inf
    top = max(finite)
    return top + math.log(sum(math.exp(v - top) for v in finite))
