"""Terms and names on one side whose equivalent is missing on the other.

Countries (the Member State table, with English adjectives and Chinese one-character short
forms as soft evidence: "Kenyan" shows Kenya is there, so does 中、美双方), the bundled
lexicon of general UN resources and the glossary (approved entries and high-confidence
candidates; a stored record's names come from its own glossary). A swapped name shows up as one
entity that lost mentions while another of the same type gained them.

General UN phraseology (type "phrase": 议程/agenda, 决议/resolution, 人权/human rights ...)
is enforced only for the terms that official translations render consistently (measured on the
development half of the UN Parallel Corpus pairs; "phrase-zh": from Chinese to English only).

What lowers a missing name to a hint (info): a region (欧洲, "Asian"); a name the other side
refers to by an anaphor ("the regime" for 以色列政权, "the Government" for 秘鲁政府, "the
country", "It"); a name inside a compound the other side gives as an acronym holding its
initial (菲律宾发展计划 / PDP); a phraseology or unreviewed glossary entry.

Lists of States (vote lists: 赞成/In favour, 反对/Against, 弃权/Abstaining; lists of
members, sponsors, participants) are compared as sets: a State on one list only is one
pair-level flag naming the differences, an error for a vote list.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from aligner.qa.check import Check, PairView, QAContext, register_check
from aligner.qa.entities import Entity, EntityHit, EntityIndex, default_index
from aligner.qa.flag import Flag, Span
from aligner.qa.folding import fold
from aligner.qa.term_match import en_loosely_present, en_stems, zh_loosely_present


def term_index(ctx: QAContext) -> EntityIndex:
    if ctx.entities is None:
        ctx.entities = default_index()
    return ctx.entities


def hits(view: PairView, ctx: QAContext, lang: str) -> list[EntityHit]:
    return view.memo(f"terms:{lang}", lambda: term_index(ctx).find(view.folded(lang), lang))


def abbreviated(entry: Entity, zh: str) -> bool:
    for a in entry.zh_abbreviations:
        a = re.escape(a)
        if re.search(rf"{a}方|{a}、|、{a}(?=[双两各、和与])|驻{a}|对{a}(?=[关政])", zh):
            return True
    return False


def _compressed(entry: Entity, zh: str) -> bool:
    """A Chinese short form made by keeping characters of the full name in order, its first
    and its last (联伊团 and 联伊援助团 for 联合国伊拉克援助团): how Chinese abbreviates names of
    bodies and missions, beyond the short forms the tables list."""
    for full in entry.forms("zh"):
        if len(full) < 5:
            continue
        start = 0
        while (i := zh.find(full[0], start)) >= 0:
            start = i + 1
            p, j = 1, i + 1
            while j < len(zh) and p < len(full) and (k := full.find(zh[j], p)) >= 0:
                p, j = k + 1, j + 1
                if p == len(full) and 3 <= j - i < len(full):
                    return True
    return False


# What may stand before a Chinese generic head that names the body alone (该委员会, 向理事会,
# "，委员会"): punctuation, a determiner or a function character. After any other character the
# head ends a longer name (国家公共教育署中央管理委员会 is not a UN committee).
_ZH_BEFORE_LONE_HEAD = re.compile(
    r"(?:^|[\s\d\W]|[的和与及对向于是在将由请经为被同该本此各两这那其了并或即从以据按给使让把就"
    r"所等中上后时也都还已曾又而则前原新现])$"
)


def _without_un_prefix(entry: Entity, zh: str) -> bool:
    """联合国儿童基金会 written 儿童基金会, 联合国环境规划署 written 环境规划署: the body's
    name without "the United Nations" in front, standing alone."""
    for f in entry.forms("zh"):
        rest = f[3:] if f.startswith("联合国") else ""
        if len(rest) < 3:
            continue
        for m in re.finditer(re.escape(rest), zh):
            if _ZH_BEFORE_LONE_HEAD.search(zh[max(0, m.start() - 1) : m.start()]):
                return True
    return False


# The Secretary-General as the holder of a title ("Special Representative of the
# Secretary-General" / 秘书长特别代表), which the other language often leaves implicit ("the
# Special Representative" / 特别代表).
_ZH_SG_TITLE = re.compile(
    r"秘书长(?:的)?(?:特别代表|副特别代表|执行代表|个人代表|特使|特别顾问|代表)"
)
_EN_SG_TITLE = re.compile(
    r"\b(?:Special|Personal|Executive|Deputy Special)\s+(?:Representative|Envoy|Adviser)s?"
    r"(?:\s+of\s+the\s+(?P<sg>Secretary[- ]General))?"
)


def _title_holder(view: PairView, lang: str, hit: EntityHit, entry: Entity) -> bool:
    """A Secretary-General named only as the holder of a title the other side names."""
    if entry.type != "title" or "Secretary-General" not in entry.forms("en"):
        return False
    rival = "en" if lang == "zh" else "zh"
    if lang == "zh":
        at = _ZH_SG_TITLE.match(view.folded("zh"), hit.start)
        return bool(at) and bool(_EN_SG_TITLE.search(view.folded(rival)))
    holder = any(
        m.group("sg") and m.start("sg") <= hit.start < m.end("sg")
        for m in _EN_SG_TITLE.finditer(view.folded("en"))
    )
    return holder and bool(
        re.search(r"特别代表|特使|特别顾问|个人代表|执行代表", view.folded(rival))
    )


def zh_present(index: EntityIndex, key: str, zh: str) -> bool:
    """index.present on the Chinese side, where a generic head of three or more characters
    ("委员会") counts only when it stands alone, not when it ends another name. Two-character
    short forms (大会) follow verbs freely (建议大会, 振兴大会工作)."""
    if not index.present(key, zh, "zh"):
        return False
    entry = index.entries[key]
    if any(fold(f, simplify=True) in zh for f in entry.forms("zh")):
        return True
    pattern = index._generic_pattern(key, "zh")
    if pattern is None:
        return True  # found by a form the index folds differently
    return any(
        not re.fullmatch(r"[\u4e00-\u9fff]{3,}", m.group(0))
        or _ZH_BEFORE_LONE_HEAD.search(zh[max(0, m.start() - 1) : m.start()])
        or zh[max(0, m.start() - 3) : m.start()] == "联合国"  # the UN's own body or title
        for m in pattern.finditer(zh)
        if index.generic_present(key, zh[max(0, m.start() - 5) : m.end()], "zh")
    )


def _latin_in_zh(entry: Entity, zh: str) -> bool:
    """Chinese texts keep some names in Latin script (a village, a person: "Choporlu村")."""
    return any(
        re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", zh) for f in entry.forms("en")
    )


def _loosely_in_en(view: PairView, entry: Entity) -> bool:
    """The English forms reworded or inflected (see aligner/qa/term_match.py)."""
    stems = view.memo("stems:en", lambda: en_stems(view.folded("en")))
    return any(en_loosely_present(f, stems) for f in entry.forms("en"))


def _span(view: PairView, lang: str, h: EntityHit) -> Span:
    return Span(lang, h.start, h.end, view.text(lang)[h.start : h.end])


def _kind(entry: Entity) -> str:
    return "country" if entry.type == "country" else "term"


ENFORCED_GLOSSARY_TYPES = frozenset(
    {"organization", "acronym", "country", "person", "place", "document", "instrument"}
)
"""Glossary entries that name something; phraseology is paraphrased too often to enforce."""
HINT_TYPES = frozenset({"region", "time", "implicit"})
"""Lexicon entries whose absence is a hint only: regions are rendered by adjectives and
abbreviations (亚太, "South-East Asian") more often than by name."""


def _severity(entry: Entity) -> str:
    """Warnings for countries, the lexicon and approved glossary names; a high-confidence
    candidate (not yet reviewed), a phraseology entry or a region only gives an info flag."""
    if entry.type in HINT_TYPES:
        return "info"
    if entry.source == "glossary" and (
        entry.type not in ENFORCED_GLOSSARY_TYPES or entry.status != "approved"
    ):
        return "info"
    return "warning"


def _parts(index: EntityIndex, hit: EntityHit, lang: str) -> Iterator[tuple[str, Entity]]:
    """Other entries with a shorter form inside the hit's text (a place inside 某某省)."""
    for key, entry in index.entries.items():
        if key != hit.key and any(
            len(f) < len(hit.text) and f in hit.text for f in entry.forms(lang)
        ):
            yield key, entry


def _satisfied_by_part(
    index: EntityIndex, hit: EntityHit, lang: str, rival_text: str, rival: str
) -> bool:
    """A compound name whose shorter part is on the other side. A title inside a title is
    another rank (副秘书长 holds 秘书长, "Deputy Permanent Representative" holds "Permanent
    Representative"): it does not answer the longer one."""
    entry = index.entries[hit.key]
    title = entry.type == "title"
    # a part the name's own shorter forms leave out is decoration (联合国 in 联合国安全理事会,
    # whose form 安全理事会 stands without it): the United Nations does not name the Council
    inner = [f for f in entry.forms(lang) if len(f) < len(hit.text) and f in hit.text]
    return any(
        index.present(key, rival_text, rival, context=rival == "en")
        or (rival == "zh" and _latin_in_zh(part, rival_text))
        for key, part in _parts(index, hit, lang)
        if not (title and part.type == "title")
        and part.type != "implicit"  # "the United Nations" names none of its bodies
        and not any(all(p not in f for p in part.forms(lang)) for f in inner)
    )


def _has_enforced_part(index: EntityIndex, hit: EntityHit, lang: str) -> bool:
    """Whether a warning-level entry (country, lexicon, approved name) lies inside the hit."""
    return any(_severity(part) == "warning" for _, part in _parts(index, hit, lang))


# What a text says instead of repeating a State's name it has made clear: "the regime" for
# 以色列政权, "the Government" for 秘鲁政府, "the country", "It" for a State that opens the
# sentence. Bodies need no list: their generic heads ("the Council") count as present.
_EN_ANAPHOR = re.compile(
    r"\b(?:the|this|that|its|their|our)\s+(?:country|State|nation)\b(?!\s+(?:of|for|on|in)\b)"
    r"|\b(?:national|domestic|nationwide)\b",
    re.IGNORECASE,
)
_EN_OPENING_PRONOUN = re.compile(r"^\W*(?:[\w'’-]+[\s,]+){0,4}?(?:it|its|they|their)\b", re.I)
_ZH_ANAPHOR = re.compile(r"(?:该|本|此|这个|这一|贵|彼)(?:国|国家)|国内|全国|本国")
# 叙利亚政权 / "regime warplanes": the name heads a noun that the other side keeps alone.
_ZH_HEAD_NOUNS = {
    "政权": "regime",
    "政府": "Government",
    "当局": "authorities",
    "部队": "forces",
    "军队": "army",
    "军方": "military",
    "代表团": "delegation",
}
OPENING = 3
"""A State named within this many characters of the start is the subject an "It" refers to."""


# A State named inside the name of one of its own bodies (乌兹别克斯坦共和国司法部, 巴勒斯坦人民
# 权利司), which the other side calls by the body's head alone ("the Ministry of Justice", "the
# Division"): the head after the name (no punctuation between) and the English head word.
_ZH_BODY_HEADS = {
    "部": "Ministry|Department",
    "司": "Division|Department",
    "局": "Bureau|Office|Department|Authority|Service",
    "署": "Agency|Office|Department|Administration",
    "委员会": "Committee|Commission|Board",
    "理事会": "Council|Board",
    "办事处": "Office",
    "办公室": "Office",
    "中心": "Centre|Center",
    "基金": "Fund|Foundation",
    "研究所": "Institute",
    "法院": "Court",
    "议会": "Parliament|Assembly",
}
_ZH_COMPOUND_AFTER = 12
"""Characters a body's head may stand after the State's name."""


def _named_by_body_head(view: PairView, hit: EntityHit) -> bool:
    after = view.folded("zh")[hit.end : hit.end + _ZH_COMPOUND_AFTER]
    after = re.split(r"[\s，。；：、,.;:()（）《》“”\"]", after, maxsplit=1)[0]
    en = view.folded("en")
    for head, en_heads in _ZH_BODY_HEADS.items():
        i = after.find(head)
        if i < 0 or (i == 0 and len(head) == 1):
            continue
        if re.search(rf"\b(?:the|its|this|that)\s+(?:{en_heads})\b", en, re.IGNORECASE):
            return True
    return False


def _anaphor_on(view: PairView, lang: str, hit: EntityHit, hit_lang: str, entry: Entity) -> bool:
    if entry.type != "country":
        return False
    if hit_lang == "zh" and _named_by_body_head(view, hit):
        return True
    text = view.folded(lang)
    if lang == "en":
        if _EN_ANAPHOR.search(text):
            return True
        if hit.start <= OPENING and _EN_OPENING_PRONOUN.match(text):
            return True
        after = view.folded(hit_lang)[hit.end : hit.end + 3]
        return any(
            after.startswith(zh)
            and bool(
                re.search(rf"\b(?:the|its|their)\s+{en}\b|^\W*{en}\b|\b{en}[\s-]+[a-z]", text, re.I)
            )
            for zh, en in _ZH_HEAD_NOUNS.items()
        )
    return bool(_ZH_ANAPHOR.search(text))


_EN_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]{2,9}\b")
_ACRONYM_TOKEN = re.compile(r"(?<![\w-])[A-Z]{3,9}(?:s|es)?(?![\w-])")
_NAME_WORD = re.compile(r"[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*")
_ACRONYM_SKIPPABLE = frozenset("of the for and on in at to against with".split())  # noqa: SIM905


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` spells the initials of `words` in order: every content word gives its
    initial, a function word may give its own or none (UNMISS: United Nations Mission In South
    Sudan; OHCHR: Office of the High Commissioner for Human Rights)."""

    @cache
    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(acronym)
        word = words[j]
        optional = word.lower() in _ACRONYM_SKIPPABLE
        if i < len(acronym) and word[0].upper() == acronym[i] and match(i + 1, j + 1):
            return True
        return optional and match(i, j + 1)

    return match(0, 0)


def acronym_of(entry: Entity, text: str) -> bool:
    """An acronym in `text` that spells the initials of one of the entry's English forms
    (UNAMA for "United Nations Assistance Mission in Afghanistan"): official texts give many
    bodies by an acronym the tables do not list."""
    acronyms = {re.sub(r"(?:es|s)$", "", m.group(0)) for m in _ACRONYM_TOKEN.finditer(text)}
    acronyms |= {m.group(0) for m in _ACRONYM_TOKEN.finditer(text)}
    if not acronyms:
        return False
    for form in entry.forms("en"):
        words = _NAME_WORD.findall(form)
        content = [w for w in words if w.lower() not in _ACRONYM_SKIPPABLE]
        if len(content) < 3:
            continue
        if any(len(a) >= 3 and _initials_match(a, words) for a in acronyms):
            return True
    return False


# An instrument named only as the owner of its meeting (《不扩散条约》审议大会 / "the 2015
# Review Conference", 《公约》缔约方大会 / "the Conference of the Parties"): the other side
# names the meeting and leaves the instrument implicit.
_ZH_INSTRUMENT_MEETING = re.compile(
    r"^[》\s]*(?:第[^，。；]{1,4}次|[^，。；]{0,2})?"
    r"(?:审议大会|审议会议|缔约国会议|缔约国大会|缔约方大会|缔约方会议)"
)
_EN_INSTRUMENT_MEETING = re.compile(
    r"\b(?:Review Conference|Conference of (?:the )?(?:States )?Parties|"
    r"Meeting of (?:the )?(?:States )?Parties|Conference of (?:the )?High Contracting Parties)",
    re.IGNORECASE,
)


def _named_by_its_meeting(view: PairView, lang: str, hit: EntityHit, entry: Entity) -> bool:
    if entry.type != "instrument" or lang != "zh":
        return False
    after = view.folded("zh")[hit.end : hit.end + 12]
    return bool(_ZH_INSTRUMENT_MEETING.match(after)) and bool(
        _EN_INSTRUMENT_MEETING.search(view.folded("en"))
    )


# The body whose resolution or report a paragraph opens (重申安理会全面承诺… / "Reaffirming its
# full commitment…"; 3. 大会决定 / "3. Decides"): English resolutions leave their author to "its"
# or to the verb alone.
_ZH_OPENING_BODY = re.compile(r"^\W*(?:\d+\s*\.\s*)?[\u4e00-\u9fff]{0,4}$")
_EN_OPENING_VERB = re.compile(
    r"^\W*(?:\d+\s*\.\s*)?(?:[A-Z][a-z]+ly\s+)?[A-Z][a-z]+(?:ing|s)\b(?:\s+(?:also|further|"
    r"again|once again))?\s+(?:its|that|to|the|all|upon|with|on|his|her|their)\b"
)


def _author_by_pronoun(view: PairView, lang: str, hit: EntityHit, entry: Entity) -> bool:
    if entry.type != "organization" or lang != "zh":
        return False
    opening = view.folded("zh")[: hit.start]
    return bool(_ZH_OPENING_BODY.match(opening)) and bool(_EN_OPENING_VERB.match(view.folded("en")))


_ZH_NOT_COMPOUND = frozenset(
    "在的和与及对向于是已将也都就不应把被为从以等所中上后前时还曾又并或而则"
)
"""Characters that end a name rather than continue a compound (安全理事会在…: the Council
is the subject, not the start of a longer name)."""


def _inside_acronym(view: PairView, lang: str, hit: EntityHit, entry: Entity) -> bool:
    """菲律宾发展计划 / PDP, 帕劳国家法典 / PNC, 刚果（金）武装部队 / FARDC: the name begins a
    compound that the other side gives as an acronym holding the name's English initial."""
    if lang != "zh":
        return False
    after = re.sub(r"^\s*\([^)]{0,6}\)\s*", "", view.folded("zh")[hit.end : hit.end + 12])
    if not after or not ("\u4e00" <= after[0] <= "\u9fff") or after[0] in _ZH_NOT_COMPOUND:
        return False
    initials = {f[:1].upper() for f in entry.forms("en")}
    return any(i in a for a in _EN_ACRONYM.findall(view.folded("en")) for i in initials)


def entity_flags(view: PairView, ctx: QAContext, check: str, kinds: set[str]) -> list[Flag]:
    index = term_index(ctx)
    found = {lang: hits(view, ctx, lang) for lang in ("zh", "en")}
    counts = {
        lang: Counter(h.key for h in found[lang] if not h.context_only) for lang in ("zh", "en")
    }
    context_en = {h.key for h in found["en"] if h.context_only}
    flags: list[Flag] = []
    flagged: set[str] = set()
    state_list = state_list_flag(view, ctx) if "country" in kinds else None
    listed = (
        set(state_list.details["zh_only"] + state_list.details["en_only"]) if state_list else ()
    )
    if state_list is not None:
        flags.append(state_list)
    for lang, rival in (("zh", "en"), ("en", "zh")):
        rival_text = view.folded(rival)
        for key, n in counts[lang].items():
            entry = index.entries[key]
            if _kind(entry) not in kinds or counts[rival][key] or entry.id in listed:
                continue
            if entry.type == "phrase-zh" and lang == "en":
                continue  # rendered consistently from Chinese only (the English is freer)
            if rival == "en" and (
                key in context_en
                or index.present(key, rival_text, "en", context=True)
                or _loosely_in_en(view, entry)
                or acronym_of(entry, rival_text)
            ):
                continue
            if rival == "zh" and (
                zh_present(index, key, rival_text)
                or _without_un_prefix(entry, rival_text)
                or abbreviated(entry, rival_text)
                or _compressed(entry, rival_text)
                or _latin_in_zh(entry, rival_text)
                or acronym_of(entry, rival_text)
                or any(zh_loosely_present(f, rival_text) for f in entry.forms("zh"))
            ):
                continue
            first = next(h for h in found[lang] if h.key == key and not h.context_only)
            if _satisfied_by_part(index, first, lang, rival_text, rival):
                continue
            if _title_holder(view, lang, first, entry):
                continue
            severity = _severity(entry)
            if severity == "info" and _has_enforced_part(index, first, lang):
                # A candidate compound hides an enforced name inside it that is missing too:
                # the name is what went missing.
                severity = "warning"
            evidence = "missing"
            if severity == "warning" and _anaphor_on(view, rival, first, lang, entry):
                severity, evidence = "info", "anaphor"
            elif severity == "warning" and (
                _named_by_its_meeting(view, lang, first, entry)
                or _author_by_pronoun(view, lang, first, entry)
            ):
                severity, evidence = "info", "implicit"
            elif severity == "warning" and _inside_acronym(view, lang, first, entry):
                severity, evidence = "info", "acronym"
            noun = "country" if entry.type == "country" else f"{entry.type} term"
            message = (
                f"{noun} {entry.label('en')} / {entry.label('zh')} appears in the {lang} "
                f"({first.text}) but not in the {rival}"
            )
            if evidence == "anaphor":
                message += " (the other side may refer to it by an anaphor)"
            score = {"warning": 0.5 if entry.type == "country" else 0.4, "info": 0.15}[severity]
            flags.append(
                Flag(
                    _kind(entry),
                    severity,
                    message,
                    [_span(view, lang, first)],
                    check,
                    {"key": key, "count": n, "source": entry.source, "evidence": evidence},
                    score,
                )
            )
            flagged.add(key)
    _upgrade_one_sided_swaps(flags, index)
    listed_keys = {f"country:{c}" for c in listed}
    swap = _swap_flag(view, index, found, counts, context_en, flagged | listed_keys, kinds, check)
    if swap is not None:
        flags.append(swap)
    if "term" in kinds and not any(f.details.get("evidence") == "swap" for f in flags):
        phrase_swap = phrase_swap_flag(view, check, found)
        if phrase_swap is not None:
            flags.append(phrase_swap)
    return flags


def _upgrade_one_sided_swaps(flags: list[Flag], index: EntityIndex) -> None:
    """A name missing on one side while another name of the same type is missing on the other
    is a swap, whatever anaphor or acronym might have explained one of them."""
    missing = [f for f in flags if f.details.get("key") in index.entries]
    for f in missing:
        if f.severity != "info" or f.details.get("evidence") not in ("anaphor", "acronym"):
            continue
        entry = index.entries[f.details["key"]]
        side = f.spans[0].lang if f.spans else None
        if any(
            g is not f
            and g.spans
            and g.spans[0].lang != side
            and index.entries[g.details["key"]].type == entry.type
            for g in missing
        ):
            f.severity, f.score = "warning", 0.6
            f.details["evidence"] = "swap"
            f.message = f.message.replace(" (the other side may refer to it by an anaphor)", "")


def _swap_flag(
    view: PairView,
    index: EntityIndex,
    found: dict[str, list[EntityHit]],
    counts: dict[str, Counter[str]],
    context_en: set[str],
    flagged: set[str],
    kinds: set[str],
    check: str,
) -> Flag | None:
    """A swap keeps both names on both sides but moves mentions from one to the other."""
    lost = [k for k in counts["zh"] if counts["zh"][k] > counts["en"][k] and k not in flagged]
    gained = [k for k in counts["en"] if counts["en"][k] > counts["zh"][k] and k not in flagged]
    zh, en = view.folded("zh"), view.folded("en")
    for k_lost in lost:
        e_lost = index.entries[k_lost]
        if _kind(e_lost) not in kinds or k_lost in context_en or _severity(e_lost) != "warning":
            continue
        if not counts["en"][k_lost] and index.present(k_lost, en, "en", context=True):
            continue  # named by its generic head ("the Advisory Committee")
        for k_gained in gained:
            e_gained = index.entries[k_gained]
            if e_gained.type != e_lost.type or k_gained == k_lost or _nested(e_lost, e_gained):
                continue
            if not counts["zh"][k_gained] and zh_present(index, k_gained, zh):
                continue
            h = next(x for x in found["en"] if x.key == k_gained and not x.context_only)
            return Flag(
                _kind(e_lost),
                "warning",
                f"{e_lost.label('en')} is named {counts['zh'][k_lost]}× in the zh but "
                f"{counts['en'][k_lost]}× in the en, while {e_gained.label('en')} goes from "
                f"{counts['zh'][k_gained]}× to {counts['en'][k_gained]}×: swapped names?",
                [_span(view, "en", h)],
                check,
                {"lost": k_lost, "gained": k_gained, "evidence": "swap"},
                0.6,
            )
    return None


def _nested(a: Entity, b: Entity) -> bool:
    """One name contains the other (欧安组织明斯克小组 / 欧安组织): not a swap."""
    for lang in ("zh", "en"):
        for fa in a.forms(lang):
            for fb in b.forms(lang):
                if fa in fb or fb in fa:
                    return True
    return False


# ---------------------------------------------------------------- lists of States

MIN_LIST = 3
"""States a side must name for the pair to be compared as a list."""
_ZH_VOTE = re.compile(r"赞成|反对|弃权")
_EN_VOTE = re.compile(r"\b(?:In favour|Against|Abstaining|Abstentions?)\b")


_LIST_FILLER = re.compile(r"[\s、，,;；:：.。*()（）\[\]]|\band\b|和|及|与|\d")


def _only_states(text: str, found: list[EntityHit]) -> bool:
    """A side that is nothing but a list of States (a vote list printed on its own)."""
    chars = list(text)
    for h in found:
        chars[h.start : h.end] = " " * (h.end - h.start)
    return not _LIST_FILLER.sub("", "".join(chars)).strip()


def state_list_flag(view: PairView, ctx: QAContext) -> Flag | None:
    """Both sides name several States and the two sets differ (a vote list naming other
    States, a list of sponsors with one left out)."""
    index = term_index(ctx)
    states = {
        lang: {
            index.entries[h.key].id: h
            for h in hits(view, ctx, lang)
            if index.entries[h.key].type == "country" and not h.context_only
        }
        for lang in ("zh", "en")
    }
    if min(len(states["zh"]), len(states["en"])) < MIN_LIST:
        return None
    zh_only = sorted(
        c
        for c in set(states["zh"]) - set(states["en"])
        if not index.present(f"country:{c}", view.folded("en"), "en", context=True)
    )
    en_only = sorted(
        c
        for c in set(states["en"]) - set(states["zh"])
        if not index.present(f"country:{c}", view.folded("zh"), "zh")
    )
    if not zh_only and not en_only:
        return None
    vote = (bool(_ZH_VOTE.search(view.zh)) and bool(_EN_VOTE.search(view.en))) or all(
        _only_states(view.text(lang), [h for h in hits(view, ctx, lang) if not h.context_only])
        for lang in ("zh", "en")
    )
    names = {c: index.entries[f"country:{c}"].label("en") for c in zh_only + en_only}
    spans = [_span(view, "zh", states["zh"][c]) for c in zh_only]
    spans += [_span(view, "en", states["en"][c]) for c in en_only]
    what = "vote list" if vote else "list of States"  # a bare list of States is a vote list
    parts = []
    if zh_only:
        parts.append("zh only: " + ", ".join(names[c] for c in zh_only))
    if en_only:
        parts.append("en only: " + ", ".join(names[c] for c in en_only))
    return Flag(
        "country",
        "error" if vote else "warning",
        f"the {what} names different States ({'; '.join(parts)})",
        spans,
        "country",
        {"zh_only": zh_only, "en_only": en_only, "vote": vote, "evidence": "state-list"},
        0.85 if vote else 0.6,
    )


@register_check
class CountryCheck(Check):
    name = "country"
    description = "country names on one side present on the other (Member State table)"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        return entity_flags(view, ctx, self.name, {"country"})


@register_check
class TermCheck(Check):
    name = "term"
    description = "glossary and lexicon terms on one side whose equivalent is missing"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        return entity_flags(view, ctx, self.name, {"term"})


# ---------------------------------------------------------------- confusable UN phraseology

SWAP_FILE = "data/un_term_swaps.tsv"
"""Groups of UN terms of one kind that a translation may render by each other (缔约国 /
States parties vs 签署国 / signatories, 人权 / human rights vs 民权 / civil rights, 缔约方大会 /
Conference of the Parties vs 缔约方会议 / Meeting of the Parties): general UN usage."""


@cache
def swap_index() -> EntityIndex:
    from importlib import resources

    text = resources.files("aligner.qa").joinpath(SWAP_FILE).read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return EntityIndex.from_entries(
        Entity(
            key=f"swap:{row['group']}:{row['zh'].split('|')[0]}",
            type=row["group"],
            zh=tuple(f for f in row["zh"].split("|") if f),
            en=tuple(f for f in row["en"].split("|") if f),
            source="lexicon",
        )
        for row in rows
    )


def _swap_absent(view: PairView, index: EntityIndex, entry: Entity, rival: str) -> bool:
    """Whether no form of `entry` is on the `rival` side, even loosely."""
    text = view.folded(rival)
    if index.present(entry.key, text, rival, context=rival == "en"):
        return False
    if rival == "en":
        return not _loosely_in_en(view, entry)
    return not any(zh_loosely_present(f, text) for f in entry.forms("zh"))


def _swap_hits(
    index: EntityIndex, view: PairView, lang: str, names: list[EntityHit] | None
) -> list[EntityHit]:
    """The group terms found on one side, once each, leaving out those inside a longer name
    the term check found there (理事会 inside 安全理事会 is the Security Council, not a
    governing council; "Assembly" inside "Parliamentary Assembly")."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for h in index.find(view.folded(lang), lang):
        if (h.key, h.start, h.end) in seen:
            continue
        seen.add((h.key, h.start, h.end))
        if names and any(
            n.start <= h.start and h.end <= n.end and n.end - n.start > h.end - h.start
            for n in names
        ):
            continue
        if lang == "en" and not _en_head_alone(view.folded("en"), h, index.entries[h.key]):
            continue
        out.append(h)
    return out


_EN_PRESENCE_ONLY = frozenset(
    "assembly conference council agreement treaty statute charter covenant declaration".split()  # noqa: SIM905
)
"""Common nouns that render a group term ("an agreement", "freedom of assembly") but are too
common in ordinary prose to show that a term was replaced: they answer a term, they are never
the term that took another's place."""
_PRESENCE_ONLY_WORD = re.compile(rf"(?<![\w-])(?:{'|'.join(_EN_PRESENCE_ONLY)})s?(?![\w-])")
_EN_BEFORE_HEAD = re.compile(r"([A-Za-z][\w'’-]*)\s+$")
_EN_AFTER_HEAD = re.compile(r"^\s+(?:of|for|on|against)\s+(?:the\s+)?[A-Z]")
_EN_NOT_A_NAME = frozenset(
    """the this that these those its their our his her a an such same said as in for with by
    at on from to and but if when while like unlike among all both each either""".split()  # noqa: SIM905
)


def _en_head_alone(text: str, h: EntityHit, entry: Entity) -> bool:
    """A group term of one capitalised word ("Council", "Conference", "Treaty") counts only
    where it names the body or instrument by its head alone, not where it ends a longer name
    the tables do not know ("Gulf Cooperation Council") or, for the head of a body, begins one
    ("Council of Ongoing Government", "Conference of the Parties"; but "the Secretariat for
    the United Nations" is the Secretariat)."""
    word = h.text
    if " " in word or not word[:1].isupper() or word.isupper():
        return True
    before = _EN_BEFORE_HEAD.search(text[max(0, h.start - 40) : h.start])
    if before is not None:
        prev = before.group(1)
        if prev[:1].isupper() and prev.lower() not in _EN_NOT_A_NAME:
            return False
    return entry.type != "organ" or not _EN_AFTER_HEAD.match(text[h.end : h.end + 40])


def phrase_swap_flag(
    view: PairView, check: str, names: dict[str, list[EntityHit]] | None = None
) -> Flag | None:
    """A UN term of a group found on one side with no rendering on the other, while another
    term of the same group is on the other side only: one was rendered by the other. Neither
    alone is evidence (phraseology is paraphrased); the two together are. The term that stays
    is found strictly (on word boundaries); the one it replaced only needs to be present (人权
    inside 尊重人权)."""
    index = swap_index()
    found = {
        lang: _swap_hits(index, view, lang, names.get(lang) if names else None)
        for lang in ("zh", "en")
    }
    for lang, rival in (("zh", "en"), ("en", "zh")):
        rival_text = view.folded(rival)
        if rival == "en":  # a common noun neither took a term's place nor lost its own
            rival_text = _PRESENCE_ONLY_WORD.sub(lambda m: " " * len(m.group(0)), rival_text)
        for h in found[lang]:
            gained = index.entries[h.key]
            if h.text in _EN_PRESENCE_ONLY or not _swap_absent(view, index, gained, rival):
                continue
            for key, lost in index.entries.items():
                if key == h.key or lost.type != gained.type or _nested(lost, gained):
                    continue
                if not index.present(key, rival_text, rival) or not _swap_absent(
                    view, index, lost, lang
                ):
                    continue
                return _phrase_swap(view, lang, rival, h, gained, key, lost, check)
    return _counted_phrase_swap(view, index, found, check)


def _counted_phrase_swap(
    view: PairView, index: EntityIndex, found: dict[str, list[EntityHit]], check: str
) -> Flag | None:
    """The swap inside a pair that names the group's terms several times ("civil rights
    treaty bodies… the Human Rights Council" for 人权条约机构…人权理事会): one term is found
    more often on one side, another term of its group more often on the other, and the two
    surpluses match. Found strictly, on word boundaries, on both sides."""
    counts = {lang: Counter(h.key for h in found[lang]) for lang in ("zh", "en")}
    for lang, rival in (("zh", "en"), ("en", "zh")):
        for key, n in counts[lang].items():
            surplus = n - counts[rival][key]
            if surplus <= 0:
                continue
            gained = index.entries[key]
            for other_key, lost in index.entries.items():
                if other_key == key or lost.type != gained.type or _nested(lost, gained):
                    continue
                if counts[rival][other_key] - counts[lang][other_key] != surplus:
                    continue
                if any(
                    x.key in (key, other_key) and x.text in _EN_PRESENCE_ONLY for x in found["en"]
                ):
                    continue  # counts resting on common nouns ("agreements") prove nothing
                h = next(h for h in found[lang] if h.key == key)
                return _phrase_swap(
                    view, lang, rival, h, gained, other_key, lost, check, counted=True
                )
    return None


def _phrase_swap(
    view: PairView,
    lang: str,
    rival: str,
    h: EntityHit,
    gained: Entity,
    key: str,
    lost: Entity,
    check: str,
    counted: bool = False,
) -> Flag:
    missing = "is found more often than in" if counted else "has no rendering in"
    return Flag(
        "term",
        "warning",
        f"UN term {gained.label('zh')} / {gained.label('en')} in the {lang} {missing} the "
        f"{rival}, which has {lost.label('zh')} / {lost.label('en')} instead: one rendered by "
        "the other?",
        [_span(view, lang, h)],
        check,
        {
            "lost": key,
            "gained": h.key,
            "evidence": "phrase-count-swap" if counted else "phrase-swap",
        },
        0.4 if counted else 0.45,
    )
