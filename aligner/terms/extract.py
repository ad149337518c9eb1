"""Bilingual term extraction from one aligned record: all the evidence, combined.

Order matters: the strong, specific kinds of evidence run first (definitions, speaker headers,
the Member State table, UN phraseology and numbered references) and what they find is masked
out of the weaker, statistical ones (names matched by sound, multiword association), so a
frequent known term never comes back paired with a neighbour. Short forms (联伊援助团, 安理会) are
read off the long forms found so far (aligner/terms/short_forms.py), and names of bodies and
offices written once (Joint Staff) are paired by meaning (aligner/terms/bodies.py), both
before association. Candidates for the same (Chinese, English) pair are merged; their
confidences combine as independent evidence.

Whatever evidence found it, a pair a terminologist would not accept is not emitted: an English
side that is a clause ("The agenda was adopted") is dropped, and every English side that is not
a name is put in its citation form (aligner/terms/citation.py: the form the record uses,
singular when it uses both numbers) before merging, so "Co-Chair of the Working Group" and
"Co-Chairs of ..." are one entry. Types follow the English head where the evidence gave none:
titles (President of ..., Heads of State) are phraseology, named bodies organizations,
documents with an instrument head (statement, treaty, ...) instruments.

Frequencies are counted over the whole record, longest forms first, so 秘书长 inside 助理秘书长
is counted once, for the longer term. An English term shared by several Chinese forms
(联伊援助团 and 联伊团 both render UNAMI) is counted, for each of them but the most frequent,
in the pairs where that Chinese form was seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aligner.ingest.normalize import normalize
from aligner.models import RecordAlignment
from aligner.terms.agenda import agenda_candidates
from aligner.terms.association import AssociationParams, association_candidates
from aligner.terms.bodies import body_candidates
from aligner.terms.candidate import Candidate
from aligner.terms.citation import citation_form, is_clause
from aligner.terms.composition import composition_candidates
from aligner.terms.definitions import definition_candidates
from aligner.terms.entry import MAX_CONTEXTS, TermEntry, entry_key, noisy_or
from aligner.terms.instruments import instrument_candidates
from aligner.terms.names import name_candidates
from aligner.terms.pair_text import PairText, neighbour_texts, pair_texts, record_symbol
from aligner.terms.phrase_pairs import phrase_pair_candidates
from aligner.terms.phraseology import (
    en_form_pattern,
    lexicon_candidates,
    pattern_candidates,
    vocabulary_disabled,
)
from aligner.terms.short_forms import short_form_candidates
from aligner.terms.speakers import speaker_candidates
from aligner.terms.states import government_candidates, member_state_candidates
from aligner.terms.titles import title_candidates

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
    use_phraseology: bool = True
    """The UN vocabulary (aligner/terms/data/un_phraseology.tsv) as evidence and as words the
    segmenter keeps whole; off, extraction shows what it finds by itself (the ablation)."""
    use_association: bool = True
    use_names: bool = True
    use_short_forms: bool = True
    use_bodies: bool = True
    """Names of bodies and offices seen once (needs an embedder)."""
    use_phrase_pairs: bool = True
    """Terms aligned inside their pair by a dictionary (aligner/terms/phrase_pairs.py): the
    evidence for a term written once."""


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
    with vocabulary_disabled(not params.use_phraseology):
        return _extract(alignment, embedder, params)


def extract_from_pairs(
    pairs: Sequence[PairText],
    *,
    embedder: Any = None,
    params: ExtractParams | None = None,
    known: Iterable[TermEntry] = (),
) -> list[TermEntry]:
    """Glossary entries of aligned pairs from any number of records (store-wide association).

    A pure function: the caller reads the pairs (`PairText.of(symbol, index, zh, en,
    pair_id=...)`; `index` unique within the call) and saves what comes back. All the
    evidence that needs only the pairs is used (definitions, Member States, the UN
    vocabulary, numbered references and titles, names by sound, short forms, association);
    speaker headers are the per-record `extract_terms`'s. Co-occurrence is counted over all
    the pairs, so a term that recurs once per record is found once several records are in.
    Frequencies, `pairs` and `symbols` of the entries are over the given pairs: they replace,
    not add to, per-record counts of the same entries. `known`: entries already in the
    glossary (curated or extracted): their terms are masked out of the statistical evidence,
    so that nothing known comes back paired with a neighbour.
    """
    params = params or ExtractParams()
    with vocabulary_disabled(not params.use_phraseology):
        pairs = list(pairs)
        prior = [
            Candidate(e.zh, e.en, e.type, "glossary", 0.0, set(), e.zh_variants, e.en_variants)
            for e in known
        ]
        candidates = _candidates(pairs, [], _usable(embedder), params, prior)
        entries, where = _combine(candidates, pairs, "")
        zh_texts = [p.zh for p in pairs]
        en_texts = [p.en for p in pairs]
        pieces = _count_frequencies(
            entries, zh_texts, en_texts, where, pairs, params.min_confidence
        )
        return _kept(entries, params, pieces)


def _usable(embedder: Any) -> Any:
    if embedder is not None and str(getattr(embedder, "name", "")).startswith("hashing"):
        # The hashing test double knows no cross-lingual meaning: it cannot confirm a pair.
        return None
    return embedder


def _kept(
    entries: list[TermEntry], params: ExtractParams, pieces: set[tuple[str, str]] = frozenset()
) -> list[TermEntry]:
    kept = [
        e
        for e in entries
        if e.confidence >= params.min_confidence and e.freq_zh and e.freq_en and e.key not in pieces
    ]
    kept.sort(key=lambda e: (-e.frequency, -e.confidence, e.zh))
    return kept


def _extract(alignment: RecordAlignment, embedder: Any, params: ExtractParams) -> list[TermEntry]:
    embedder = _usable(embedder)
    symbol = record_symbol(alignment)
    pairs = pair_texts(alignment, symbol)
    candidates = _candidates(
        pairs,
        speaker_candidates(alignment, pairs) + agenda_candidates(alignment, pairs),
        embedder,
        params,
        neighbours=neighbour_texts(alignment),
    )
    entries, where = _combine(candidates, pairs, symbol)
    zh_texts = [s.norm or normalize(s.text) for s in alignment.zh.sentences()]
    zh_texts += [normalize(t.header) for t in alignment.zh.turns if t.header]
    en_texts = [normalize(s.text) for s in alignment.en.sentences()]
    en_texts += [normalize(t.header) for t in alignment.en.turns if t.header]
    # The agenda title is the record's text even where only its running headers print it.
    zh_texts += [normalize(a) for a in (alignment.zh.meta.agenda,) if a]
    en_texts += [normalize(a) for a in (alignment.en.meta.agenda,) if a]
    pieces = _count_frequencies(entries, zh_texts, en_texts, where, pairs, params.min_confidence)
    return _kept(entries, params, pieces)


def _candidates(
    pairs: list[PairText],
    record_evidence: list[Candidate],
    embedder: Any,
    params: ExtractParams,
    prior: list[Candidate] | None = None,
    neighbours: dict[int, tuple[str, str]] | None = None,
) -> list[Candidate]:
    """Every kind of evidence over the pairs, strongest first; `prior`: terms known already
    (masked out of the statistical evidence, never emitted themselves)."""
    prior = prior or []
    strong: list[Candidate] = []
    strong += definition_candidates(pairs)
    strong += record_evidence
    strong += member_state_candidates(pairs)
    strong += lexicon_candidates(pairs, neighbours)
    strong += pattern_candidates(pairs)
    strong += title_candidates(pairs)
    strong += government_candidates(pairs)
    candidates = list(strong)
    candidates += composition_candidates(pairs, strong)
    emitted = len(prior)
    candidates = prior + candidates
    if params.use_names:
        candidates += name_candidates(
            pairs, known_zh=_all_zh(candidates), known_en=_all_en(candidates)
        )
    if params.use_short_forms:
        # After the names: a place name found by sound has short forms too.
        candidates += short_form_candidates(pairs, candidates, min_score=params.min_confidence)
    candidates += instrument_candidates(
        pairs, embedder=embedder, known_zh=_all_zh(candidates), known_en=_all_en(candidates)
    )
    if params.use_bodies:
        people = [c for c in candidates if c.type == "person"]
        candidates += body_candidates(
            pairs,
            embedder=embedder,
            known_zh=_all_zh(candidates),
            known_en=_all_en(candidates),
            people=_all_zh(people) | _all_en(people),
            known=_translations(candidates),
        )
    weak: list[Candidate] = []
    if params.use_phrase_pairs:
        aligned = phrase_pair_candidates(
            pairs, known_zh=_all_zh(candidates), known_en=_all_en(candidates)
        )
        # Only what clears the bar masks the statistical evidence that follows.
        candidates += [c for c in aligned if c.score >= params.min_confidence]
        weak = [c for c in aligned if c.score < params.min_confidence]
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
    return _cite(candidates[emitted:] + weak, pairs)


def _all_zh(candidates: Iterable[Candidate]) -> set[str]:
    forms = {f for c in candidates for f in (c.zh, *c.zh_variants)}
    return forms | {f.strip("《》") for f in forms}


def _translations(candidates: Iterable[Candidate]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in candidates:
        for z in (c.zh, *c.zh_variants):
            out.setdefault(z.strip("《》"), set()).update((c.en, *c.en_variants))
    return out


def _all_en(candidates: Iterable[Candidate]) -> set[str]:
    return {f for c in candidates for f in (c.en, *c.en_variants)}


_UNCITED = frozenset({"person", "place", "country", "document", "acronym"})
"""Types whose English is a name or a code, written as the evidence found it."""


def _cite(candidates: list[Candidate], pairs: list[PairText]) -> list[Candidate]:
    """English sides in citation form; clauses dropped."""
    by_index = {p.index: p.en for p in pairs}
    record = "\n".join(p.en for p in pairs)
    out = []
    for c in candidates:
        if c.type in _UNCITED:
            out.append(c)
            continue
        if is_clause(c.en):
            continue
        own = "\n".join(by_index[i] for i in sorted(c.pair_indices) if i in by_index)
        en, others = citation_form(c.en, record, own)
        if en != c.en:
            c.en_variants = [v for v in dict.fromkeys([*others, *c.en_variants]) if v != en]
            c.en = en
        else:
            c.en_variants = list(dict.fromkeys([*c.en_variants, *others]))
        out.append(c)
    return out


def _combine(
    candidates: list[Candidate], pairs: list[PairText], symbol: str
) -> tuple[list[TermEntry], dict[tuple[str, str], list[int]]]:
    """Entries, and for each entry key the indices of all the pairs it was seen in."""
    by_index = {p.index: p for p in pairs}
    grouped: dict[tuple[str, str], list[Candidate]] = {}
    for c in candidates:
        grouped.setdefault(entry_key(c.zh, c.en), []).append(c)
    entries: list[TermEntry] = []
    seen_in: dict[tuple[str, str], list[int]] = {}
    for key, group in grouped.items():
        first = max(group, key=lambda c: c.score)
        where = sorted(set().union(*(c.pair_indices for c in group)))
        seen_in[key] = where
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
                symbols=sorted({by_index[i].symbol or symbol for i in where if i in by_index})
                or [symbol],
                contexts=[by_index[i].context(symbol) for i in where[:MAX_CONTEXTS]],
            )
        )
    return entries, seen_in


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


_TITLE_START = re.compile(
    r"^(?:President|Chair|Minister|Secretary|Head|Chief|Special Representative|Deputy|Director)"
    r"s?\b"
)
# Common-noun heads of documents that bind or commit their parties (the trilateral statement of
# 9 November 2020): instruments, although not written as names.
_INSTRUMENT_HEADS = frozenset(
    {"statement", "agreement", "treaty", "convention", "declaration", "communiqué", "protocol",
     "accord", "memorandum", "charter", "covenant"}
)  # fmt: skip


def _guess_type(en: str) -> str:
    """Type from the English term's form, for evidence that gives none."""
    if _TITLE_START.search(en):
        return "phraseology"
    head = en.split()[-1].lower() if en.split() else ""
    if head in _INSTRUMENT_HEADS or head.rstrip("s") in _INSTRUMENT_HEADS:
        return "instrument"
    words = en.split()
    title_case = all(w[:1].isupper() for w in words if w not in {"of", "and", "for", "the", "in"})
    if title_case and _ORGANIZATION_WORDS.search(en):
        return "organization"
    if title_case and _INSTRUMENT_WORDS.search(en):
        return "instrument"
    return "other"


_STATISTICAL = frozenset({"phrase_pair", "association"})
"""Evidence read off the text alone (a name found by sound is a name wherever it stands)."""


def _count_frequencies(
    entries: list[TermEntry],
    zh_texts: list[str],
    en_texts: list[str],
    where: dict[tuple[str, str], list[int]],
    pairs: list[PairText],
    min_confidence: float = 0.0,
) -> set[tuple[str, str]]:
    """Occurrences in the texts: a whole record with its speaker headers (a name may occur
    only there), or the pairs of a store-wide extraction.

    Longer forms are counted first and masked, so an occurrence counts for one entry only; a
    form that is one entry's term and another's variant (俄罗斯 beside 俄罗斯联邦) counts for
    the entry whose term it is. Returns the keys of the entries seen only inside longer
    forms of entries that reach `min_confidence`.
    """
    kept = [e.confidence >= min_confidence for e in entries]
    zh_counts, zh_nested = _masked_counts("\n".join(zh_texts), entries, "zh", kept=kept)
    # An English term shared by several entries belongs, in the record count, to the one
    # whose Chinese form is the most frequent.
    by_zh = sorted(range(len(entries)), key=lambda i: -zh_counts[i])
    en_counts, en_nested = _masked_counts(
        "\n".join(en_texts), entries, "en", order=by_zh, kept=kept
    )
    # Seen only inside longer terms on both sides (武装部队 / armed forces only in the name of
    # one State's forces): a piece of those terms, not a term of the text.
    # Only statistical evidence is overruled: the UN vocabulary or a speaker header says a
    # term is one of its own (暂行议事规则 inside 暂行议事规则第37条).
    pieces = {
        e.key
        for i, e in enumerate(entries)
        if zh_nested[i]
        and en_nested[i]
        and zh_counts[i]
        and en_counts[i]
        and set(e.sources) <= _STATISTICAL
    }
    for i, e in enumerate(entries):
        e.freq_zh = zh_counts[i]
        e.freq_en = en_counts[i]

    # An English term shared by several Chinese forms: the most frequent Chinese form keeps the
    # record's count, the others count it in their own pairs.
    by_index = {p.index: normalize(p.en) for p in pairs}
    sharing: dict[str, list[TermEntry]] = {}
    for e in entries:
        sharing.setdefault(e.key[1], []).append(e)
    for group in sharing.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: -e.freq_zh)
        forms = sorted({f for e in group for f in (e.en, *e.en_variants)}, key=len, reverse=True)
        for e in group[1:]:
            texts = [by_index[i] for i in where.get(e.key, []) if i in by_index]
            e.freq_en = sum(_count_once(forms, t) for t in texts)
    return pieces


def _count_once(forms: list[str], text: str) -> int:
    """Occurrences of any of `forms` (longest first) in `text`, each stretch counted once."""
    n = 0
    for form in forms:
        text, k = _en_re(form).subn(lambda m: "\x00" * len(m.group(0)), text)
        n += k
    return n


def _masked_counts(
    text: str,
    entries: list[TermEntry],
    lang: str,
    order: list[int] | None = None,
    kept: list[bool] | None = None,
) -> tuple[list[int], list[bool]]:
    """Per entry, the occurrences of its forms that do not lie inside an occurrence of a longer
    form (terms that overlap both count). A term seen only inside longer ones (德拉 in 德拉省) is
    counted there; the second list says which entries are seen only inside longer forms of
    the `kept` entries (all when None)."""
    order = order if order is not None else list(range(len(entries)))
    owner: dict[str, int] = {}
    for i in order:
        e = entries[i]
        owner.setdefault((e.zh if lang == "zh" else e.en).strip("《》"), i)
    for i in order:
        for v in entries[i].zh_variants if lang == "zh" else entries[i].en_variants:
            owner.setdefault(v.strip("《》"), i)
    # Each stretch of text belongs to the longest form found there (a plural matched by a
    # term's pattern and listed as its variant is one occurrence, not two).
    spans: dict[tuple[int, int], str] = {}
    for form in sorted(owner, key=len, reverse=True):
        if form:
            pattern = _zh_re(form) if lang == "zh" else _en_re(form)
            for m in pattern.finditer(text):
                spans.setdefault(m.span(), form)
    counts = [0] * len(entries)
    nested = [0] * len(entries)
    free_of_kept = [0] * len(entries)
    # In (start, -end) order a span lies inside another exactly when an earlier one reaches
    # as far: the running maximum of the ends tells.
    reach = kept_reach = -1
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        owner_of = owner[spans[(a, b)]]
        if reach >= b:
            nested[owner_of] += 1
        else:
            counts[owner_of] += 1
        if kept_reach < b:
            free_of_kept[owner_of] += 1
        reach = max(reach, b)
        if kept is None or kept[owner_of]:
            kept_reach = max(kept_reach, b)
    return [c or n for c, n in zip(counts, nested, strict=True)], [f == 0 for f in free_of_kept]


def _zh_re(form: str) -> re.Pattern[str]:
    return re.compile(re.escape(form.strip("《》")))


def _en_re(form: str) -> re.Pattern[str]:
    if " … " in form:
        return en_form_pattern(form)
    if form.isupper() or not form[:1].isalpha():
        return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?:s|es)?(?![\w-])", re.IGNORECASE)
