"""Translation errors injected into real UN translation pairs, for the QA benchmark.

Each injection rewrites one side of a faithful pair (chosen at random: the checker does not
know which side is the translation) the way a careless translator or a broken pipeline would:

    number      a figure changed (12 -> 13, 2,500 -> 2,600) or a number word changed
    date        the day, month or year of a date changed
    symbol      a digit or the series of a UN document symbol changed (A/69/L.5 -> A/69/L.6)
    entity      a State or a UN body swapped for another one, or dropped
    negation    a negation inserted (is -> is not, 支持 -> 不支持) or removed
    clause      a clause of the side dropped (between commas / 、，；)
    sentence    a sentence from another pair appended
    untranslated a clause left in the other language (copied from the other side)
    term        a UN term replaced by a wrong one (Security Council -> Economic and Social
                Council, 秘书长 -> 总干事, draft resolution -> draft decision)

The rewrites use their own small word lists and regular expressions, written without looking
at the checks, so the benchmark does not reward a checker for matching its own injector.
Everything is seeded: the same pairs give the same cases.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

KINDS = (
    "number",
    "date",
    "symbol",
    "entity",
    "negation",
    "clause",
    "sentence",
    "untranslated",
    "term",
)


@dataclass(frozen=True)
class Injected:
    kind: str
    zh: str
    en: str
    side: str
    note: str


# ---------------------------------------------------------------- word lists (bench only)

_STATES = [
    ("法国", "France"),
    ("德国", "Germany"),
    ("日本", "Japan"),
    ("中国", "China"),
    ("俄罗斯联邦", "Russian Federation"),
    ("美利坚合众国", "United States of America"),
    ("联合王国", "United Kingdom"),
    ("巴西", "Brazil"),
    ("印度", "India"),
    ("埃及", "Egypt"),
    ("肯尼亚", "Kenya"),
    ("尼日利亚", "Nigeria"),
    ("南非", "South Africa"),
    ("墨西哥", "Mexico"),
    ("阿根廷", "Argentina"),
    ("加拿大", "Canada"),
    ("澳大利亚", "Australia"),
    ("意大利", "Italy"),
    ("西班牙", "Spain"),
    ("瑞典", "Sweden"),
    ("挪威", "Norway"),
    ("土耳其", "Turkey"),
    ("伊朗", "Iran"),
    ("伊拉克", "Iraq"),
    ("叙利亚", "Syria"),
    ("黎巴嫩", "Lebanon"),
    ("以色列", "Israel"),
    ("乌克兰", "Ukraine"),
    ("马里", "Mali"),
    ("苏丹", "Sudan"),
    ("索马里", "Somalia"),
    ("利比亚", "Libya"),
    ("阿富汗", "Afghanistan"),
    ("巴基斯坦", "Pakistan"),
    ("塞浦路斯", "Cyprus"),
    ("希腊", "Greece"),
    ("古巴", "Cuba"),
    ("智利", "Chile"),
    ("秘鲁", "Peru"),
    ("哥伦比亚", "Colombia"),
]
_BODIES = [
    ("安全理事会", "Security Council"),
    ("安理会", "Security Council"),
    ("大会", "General Assembly"),
    ("经济及社会理事会", "Economic and Social Council"),
    ("人权理事会", "Human Rights Council"),
    ("秘书处", "Secretariat"),
    ("国际法院", "International Court of Justice"),
    ("开发署", "UNDP"),
    ("儿基会", "UNICEF"),
    ("难民署", "UNHCR"),
    ("原子能机构", "IAEA"),
    ("世界卫生组织", "World Health Organization"),
    ("欧洲联盟", "European Union"),
    ("非洲联盟", "African Union"),
]
# UN terms and a wrong rendering a translator could pick (both directions are used).
_TERMS = [
    ("秘书长", "总干事", "Secretary-General", "Director-General"),
    ("会员国", "成员组织", "Member States", "member organizations"),
    ("决议草案", "决定草案", "draft resolution", "draft decision"),
    ("大会", "理事会", "General Assembly", "Governing Council"),
    ("安全理事会", "托管理事会", "Security Council", "Trusteeship Council"),
    ("缔约国", "签署国", "States parties", "signatory States"),
    ("维持和平", "建设和平", "peacekeeping", "peacebuilding"),
    ("人权", "民权", "human rights", "civil rights"),
    ("可持续发展", "经济增长", "sustainable development", "economic growth"),
    ("常驻代表", "特别代表", "Permanent Representative", "Special Representative"),
    ("行预咨委会", "审计委员会", "Advisory Committee", "Board of Auditors"),
    ("特别报告员", "独立专家", "Special Rapporteur", "Independent Expert"),
]
_MONTHS = list(calendar.month_name)[1:]  # English: the C locale

_EN_NUM = re.compile(r"(?<![\w./-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/]|\.\d)")
_ZH_NUM = re.compile(r"(?<![\w./-])(\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.\d+)?(?![\d/]|\.\d)")
_EN_NUM_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten)\b")
_ZH_NUM_WORD = re.compile(r"([两三四五六七八九])(?=[名个次项份国人所届])")
_EN_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(_MONTHS)})(?: (\d{{4}}))?\b")
_ZH_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_SYMBOL = re.compile(r"\b(?:A|S|E|ST|CRC|CEDAW|CCPR|HRC|UNEP|ICCD|FCCC)/[A-Z0-9./-]*\d[A-Z0-9./-]*")
_EN_NEG_INSERT = re.compile(r"\b(is|are|was|were|will|would|should|can|could|has|have|had|must)\b")
_EN_NEG_REMOVE = re.compile(r"\b(not|never)\s+|n't\b")
_ZH_NEG_VERBS = re.compile(
    r"(支持|同意|认为|接受|承认|参加|赞成|允许|能够|应当|需要|具有|涉及|包括|适用)"
)
_ZH_NEG_REMOVE = re.compile(r"(?:没有|尚未|不|未)(?=[\u4e00-\u9fff])")
_EN_CLAUSE = re.compile(r"[^,;]+(?:[,;]|$)")
_ZH_CLAUSE = re.compile(r"[^，；、]+(?:[，；、]|$)")


def _bump(number: str, rng: random.Random) -> str:
    raw = number.replace(",", "").replace(" ", "")
    value = int(raw)
    new = value
    while new == value or new < 0:
        new = value + rng.choice([1, 2, 3, 5, 10, 100, -1, -2, -10]) * max(1, value // 50)
    if "," in number:
        return f"{new:,}"
    if " " in number:
        return f"{new:,}".replace(",", " ")
    return str(new)


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


# ---------------------------------------------------------------- injections


def inj_number(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    found = list((_EN_NUM if side == "en" else _ZH_NUM).finditer(text))
    if found:
        m = rng.choice(found)
        new = _replace(text, m.start(1), m.end(1), _bump(m.group(1), rng))
    else:
        words = list((_EN_NUM_WORD if side == "en" else _ZH_NUM_WORD).finditer(text))
        if not words:
            return None
        m = rng.choice(words)
        pool = (
            ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
            if side == "en"
            else list("两三四五六七八九")
        )
        new = _replace(text, m.start(1), m.end(1), rng.choice([w for w in pool if w != m.group(1)]))
    return (zh, new) if side == "en" else (new, en)


def inj_date(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    found = list((_EN_DATE if side == "en" else _ZH_DATE).finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    part = rng.choice(["day", "month", "year"])
    if side == "en":
        day, month, year = int(m.group(1)), _MONTHS.index(m.group(2)), m.group(3)
        if part == "day" or (part == "year" and not year):
            day = day % 28 + 1 if day != 28 else 27
        elif part == "month":
            month = (month + rng.choice([1, 2, 11])) % 12
        else:
            year = str(int(year) + rng.choice([-1, 1]))
        new = f"{day} {_MONTHS[month]}" + (f" {year}" if year else "")
    else:
        year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        if part == "day" or (part == "year" and not year):
            day = day % 28 + 1 if day != 28 else 27
        elif part == "month":
            month = (month - 1 + rng.choice([1, 2, 11])) % 12 + 1
        else:
            year = str(int(year) + rng.choice([-1, 1]))
        new = (f"{year}年" if year else "") + f"{month}月{day}日"
    text = _replace(text, m.start(), m.end(), new)
    return (zh, text) if side == "en" else (text, en)


def inj_symbol(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    found = list(_SYMBOL.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    symbol = m.group(0)
    digits = [i for i, c in enumerate(symbol) if c.isdigit()]
    if rng.random() < 0.7 and digits:
        i = rng.choice(digits)
        new = symbol[:i] + str((int(symbol[i]) + rng.choice([1, 2, 7])) % 10) + symbol[i + 1 :]
    else:
        series = symbol.split("/", 1)
        new = ("S" if series[0] != "S" else "A") + "/" + series[1]
    text = _replace(text, m.start(), m.end(), new)
    return (zh, text) if side == "en" else (text, en)


def inj_entity(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    names = [
        (z, e)
        for z, e in _STATES + _BODIES
        if (re.search(rf"\b{re.escape(e)}\b", text) if side == "en" else z in text)
    ]
    if not names:
        return None
    z, e = rng.choice(names)
    old = e if side == "en" else z
    pool = _STATES if (z, e) in _STATES else _BODIES
    if rng.random() < 0.7:
        others = [p for p in pool if p[1] != e and p[0] != z and (p[1] if side == "en" else p[0])]
        new = rng.choice(others)
        replacement = new[1] if side == "en" else new[0]
        pattern = rf"\b{re.escape(old)}\b" if side == "en" else re.escape(old)
        new_text = re.sub(pattern, replacement, text, count=1)
    else:
        # dropped: the name and a conjunction or preposition glued to it
        pattern = (
            rf"(?:\s*\b(?:and|of|in|by|for|from)\s+(?:the\s+)?)?\b{re.escape(old)}\b"
            if side == "en"
            else rf"[和与及、]?{re.escape(old)}"
        )
        new_text = re.sub(pattern, "", text, count=1)
    if new_text == text:
        return None
    return (zh, new_text) if side == "en" else (new_text, en)


def inj_negation(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    remove = list((_EN_NEG_REMOVE if side == "en" else _ZH_NEG_REMOVE).finditer(text))
    insert = list((_EN_NEG_INSERT if side == "en" else _ZH_NEG_VERBS).finditer(text))
    if remove and (not insert or rng.random() < 0.5):
        m = rng.choice(remove)
        new = _replace(text, m.start(), m.end(), "")
    elif insert:
        m = rng.choice(insert)
        new = (
            _replace(text, m.end(), m.end(), " not")
            if side == "en"
            else _replace(text, m.start(), m.start(), "不")
        )
    else:
        return None
    return (zh, new) if side == "en" else (new, en)


def _clauses(text: str, side: str) -> list[tuple[int, int]]:
    pattern = _EN_CLAUSE if side == "en" else _ZH_CLAUSE
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.group(0).strip()]


def _long_enough(piece: str, side: str) -> bool:
    if side == "en":
        return len(piece.split()) >= 4
    return len(re.sub(r"\W", "", piece)) >= 6


def inj_clause(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    spans = [s for s in _clauses(text, side) if _long_enough(text[s[0] : s[1]], side)]
    if len(_clauses(text, side)) < 2 or not spans:
        return None
    a, b = rng.choice(spans)
    new = (text[:a] + text[b:]).strip()
    if side == "en":
        new = re.sub(r"\s+([,;.])", r"\1", new)
    if not new or new == text:
        return None
    return (zh, new) if side == "en" else (new, en)


def inj_sentence(
    zh: str, en: str, side: str, rng: random.Random, donor: tuple[str, str]
) -> tuple[str, str] | None:
    extra = donor[1] if side == "en" else donor[0]
    if not extra.strip():
        return None
    if side == "en":
        return zh, en.rstrip() + " " + extra.strip()
    return zh.rstrip() + extra.strip(), en


def inj_untranslated(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    """A clause of `side` replaced by a clause of the other side, as left untranslated."""
    text = en if side == "en" else zh
    source = zh if side == "en" else en
    spans = [s for s in _clauses(text, side) if _long_enough(text[s[0] : s[1]], side)]
    other = "zh" if side == "en" else "en"
    src = [s for s in _clauses(source, other) if _long_enough(source[s[0] : s[1]], other)]
    if not spans or not src:
        return None
    a, b = rng.choice(spans)
    c, d = rng.choice(src)
    piece = source[c:d].strip()
    new = text[:a] + (" " if side == "en" else "") + piece + " " + text[b:]
    return (zh, new.strip()) if side == "en" else (new.strip(), en)


def inj_term(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    found = [t for t in _TERMS if (t[2] if side == "en" else t[0]) in text]
    if not found:
        return None
    z, z_wrong, e, e_wrong = rng.choice(found)
    new = text.replace(e, e_wrong, 1) if side == "en" else text.replace(z, z_wrong, 1)
    return (zh, new) if side == "en" else (new, en)


INJECTORS: dict[str, Callable[..., tuple[str, str] | None]] = {
    "number": inj_number,
    "date": inj_date,
    "symbol": inj_symbol,
    "entity": inj_entity,
    "negation": inj_negation,
    "clause": inj_clause,
    "untranslated": inj_untranslated,
    "term": inj_term,
}


def inject_all(
    pairs: list[tuple[str, str, str]], *, seed: int = 11, per_kind: int = 300
) -> list[tuple[str, Injected]]:
    """Up to `per_kind` cases of each kind, each from a different pair (id, zh, en), the side
    chosen at random; returns (pair id, case)."""
    rng = random.Random(seed)
    out: list[tuple[str, Injected]] = []
    for kind in KINDS:
        order = list(range(len(pairs)))
        rng.shuffle(order)
        made = 0
        for i in order:
            if made >= per_kind:
                break
            pair_id, zh, en = pairs[i]
            if not zh.strip() or not en.strip():
                continue
            side = rng.choice(["zh", "en"])
            if kind == "sentence":
                donor = pairs[rng.randrange(len(pairs))]
                if donor[0] == pair_id:
                    continue
                result = inj_sentence(zh, en, side, rng, (donor[1], donor[2]))
            else:
                result = INJECTORS[kind](zh, en, side, rng)
            if result is None or result == (zh, en):
                continue
            out.append((pair_id, Injected(kind, result[0], result[1], side, "")))
            made += 1
    return out
