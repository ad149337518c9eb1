"""The English citation form of a term: the form the aligned text uses, in the number and case
a terminologist records.

Principles (they apply to every kind of evidence, curated vocabulary included):
- the English side is a form the record actually uses; a vocabulary's form that the record only
  writes in the other number is replaced by the record's (United Nations country teams);
- a countable term seen in both numbers is recorded in the singular, the citation form (war
  crime beside war crimes, Co-Chair of the Working Group beside Co-Chairs ...); a term seen only
  in the plural keeps it (prisoners of war): a glossary never invents an unattested form;
- heads that are plural in meaning keep the plural whatever the text does (armed forces, good
  offices, human rights, hostilities);
- a sentence-initial or heading capital is not part of a term (adoption of the agenda), and a
  capitalised name is lowered when the record writes the term only in lower case inside
  sentences (秘书处 is "the secretariat" of another organization there, not the United
  Nations Secretariat); a lower-case term is never capitalised from a name it is part of;
- a term is a noun phrase: an English side that is a clause (it has a finite verb: "The agenda
  was adopted") or starts with an article is not a citation form.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_PREPOSITIONS = frozenset(
    {"of", "for", "against", "on", "in", "to", "with", "between", "from", "by", "at", "under"}
)
PLURAL_HEADS = frozenset(
    {"forces", "offices", "rights", "hostilities", "affairs", "arms", "headquarters", "means",
     "consultations", "nations", "species", "series", "premises", "proceedings"}
)  # fmt: skip
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ics|ous|ness|sis)$", re.IGNORECASE)
_FINITE = frozenset(
    """is are was were be been has have had will shall would should can could may might must
    do does did am""".split()  # noqa: SIM905
)
_SENTENCE_START = re.compile(r"(?:\n|[.!?:;]\s+|[\"“(]\s*)$")


def is_clause(en: str) -> bool:
    """True for an English side that is a clause rather than a noun phrase."""
    return any(w.lower() in _FINITE for w in re.findall(r"[A-Za-z]+", en))


def _head_index(words: list[str]) -> int | None:
    """Index of the head noun: the last word before the first preposition, or the last word;
    None for coordinations (delimitation and demarcation), whose number is not one word's."""
    for i, w in enumerate(words):
        if w.lower() in _PREPOSITIONS and i > 0:
            head = i - 1
            break
    else:
        head = len(words) - 1
    if any(w.lower() in ("and", "or") for w in words[: head + 1]):
        return None
    return head


def singular(word: str) -> str | None:
    """The singular of an English plural noun, None when `word` does not look plural."""
    low = word.lower()
    if not low.endswith("s") or _NOT_PLURAL.search(low) or len(low) < 4:
        return None
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if re.search(r"(?:ss|ch|sh|x|z)es$", low):
        return word[:-2]
    return word[:-1]


def plural(word: str) -> str:
    low = word.lower()
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", low):
        return word + "es"
    return word + "s"


def other_number(term: str) -> str | None:
    """`term` with its head noun in the other number; None when that is not meaningful."""
    words = term.split(" ")
    head = _head_index(words)
    if head is None or any(ch.isdigit() for ch in term):
        return None
    word = words[head]
    if word.lower() in PLURAL_HEADS or not word[-1:].isalpha():
        return None
    one = singular(word)
    words[head] = one if one is not None else plural(word)
    return " ".join(words)


def is_plural(term: str) -> bool:
    words = term.split(" ")
    head = _head_index(words)
    return head is not None and singular(words[head]) is not None


@lru_cache(maxsize=8)
def _folded(text: str) -> str:
    return text.casefold()


def _pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE)


def attested(form: str, text: str) -> Counter[tuple[str, bool]]:
    """Surface forms of `form` (any case) in `text` (sentences or pairs joined by newlines),
    with whether each opens a sentence."""
    seen: Counter[tuple[str, bool]] = Counter()
    if form.casefold() not in _folded(text):
        return seen
    for m in _pattern(form).finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        initial = m.start() == 0 or bool(_SENTENCE_START.search(before))
        seen[(m.group(0), initial)] += 1
    return seen


def citation_form(term: str, record_text: str, own_text: str) -> tuple[str, list[str]]:
    """The citation form of `term` and the other forms of it the record uses.

    `record_text`: the English of the whole record (which numbers the record uses);
    `own_text`: the English of the pairs the term was found in (how it is written there).
    Pairs or sentences are joined by newlines.
    """
    term = re.sub(r"^(?:the|The)\s+", "", term)
    other = other_number(term)
    in_record = attested(term, record_text)
    other_in_record = attested(other, record_text) if other else Counter()
    chosen = term
    if other and other_in_record and (not in_record or is_plural(term)):
        chosen = other
    variants = [f for f in (term, other) if f and f != chosen and attested(f, record_text)]

    # Case: lowered only when the term's own pairs write it in lower case inside sentences.
    mid_sentence = [
        surface
        for (surface, initial), n in attested(chosen, own_text).items()
        for _ in range(n)
        if not initial
    ]
    if mid_sentence and chosen not in mid_sentence and chosen != chosen.lower():
        lowered = [s for s in mid_sentence if s == chosen.lower()]
        if lowered and len(lowered) == len(mid_sentence):
            variants.append(chosen)
            chosen = lowered[0]
    return chosen, variants
