"""A second injector of translation errors, written apart from the checks and from the first one.

bench/qa_inject.py was written beside the checks it measures: its wrong-term list is largely
the phraseology the term check enforces and its entity swaps stay among the States and bodies
the checks know, so its detection figures are optimistic. This one draws on other evidence and
other rules, the way an outside tester would write it:

    number      any figure (paragraph numbers, decimals and percentages included): a digit
                changed, two digits transposed, a zero added or dropped; a number word or a
                scale word changed (three -> four, million -> billion, 三 -> 四, 万 -> 亿)
    date        a month, a day, a weekday or the year of a date changed
    symbol      a document symbol or a resolution number changed (a digit, the series, a
                revision added)
    entity      a proper name swapped for another proper name of the corpus or dropped: in the
                English any capitalised name, in the Chinese any word jieba tags as a person,
                place or organisation name (its own dictionary, not ours)
    negation    a negation inserted ("not" after an auxiliary, "no longer", "never", "no"
                for "a"; 不/未/没有 before a verb jieba tags, 并非 for 是) or removed (not,
                never, cannot, without -> with, un- adjectives; 不/未/没有/并非/无法)
    clause      a part of the sentence dropped: the span between two commas, a relative
                clause (", which ..." / "that ..."), a prepositional phrase, a coordinated
                tail ("and ..."); in the Chinese the span between two marks (，；、), a
                "在…中/上/方面" or "根据…" phrase, a modifier before 的
    sentence    a sentence from another pair inserted at the start or appended
    untranslated a phrase of the other side put in place of a phrase of this side (a clause,
                or a few words: "sustainable development" left in the Chinese)
    term        a UN body, programme, fund, office, instrument or title replaced by another one
                (from a list written for this file, most of whose names the product's own
                lists do not hold), or any name with a body/instrument head word replaced

Everything is seeded: the same pairs give the same cases.
"""

from __future__ import annotations

import calendar
import logging
import random
import re
from collections.abc import Callable, Sequence
from functools import cache

from bench.qa_inject import KINDS, Injected

# ---------------------------------------------------------------- word lists (bench only)

# UN bodies, programmes, funds, offices and instruments, with their official Chinese names,
# grouped so a swap stays within one kind. Written for this file; many are in no list of the
# product.
_UN_NAMES: dict[str, list[tuple[str, str]]] = {
    "body": [
        ("统计委员会", "Statistical Commission"),
        ("方案和协调委员会", "Committee for Programme and Coordination"),
        ("审计委员会", "Board of Auditors"),
        ("国际公务员制度委员会", "International Civil Service Commission"),
        ("联合国合办工作人员养恤基金", "United Nations Joint Staff Pension Fund"),
        ("中央应急基金", "Central Emergency Response Fund"),
        ("可持续发展问题高级别政治论坛", "high-level political forum on sustainable development"),
        ("世界粮食安全委员会", "Committee on World Food Security"),
        ("绿色气候基金", "Green Climate Fund"),
        ("国际海底管理局", "International Seabed Authority"),
        ("经济、社会及文化权利委员会", "Committee on Economic, Social and Cultural Rights"),
        ("强迫失踪问题委员会", "Committee on Enforced Disappearances"),
        ("残疾人权利委员会", "Committee on the Rights of Persons with Disabilities"),
        ("反恐怖主义委员会", "Counter-Terrorism Committee"),
        ("建设和平支助办公室", "Peacebuilding Support Office"),
        ("联合国日内瓦办事处", "United Nations Office at Geneva"),
        ("联合国内罗毕办事处", "United Nations Office at Nairobi"),
        ("联合国争议法庭", "United Nations Dispute Tribunal"),
        ("联合国上诉法庭", "United Nations Appeals Tribunal"),
        ("内部司法理事会", "Internal Justice Council"),
        ("科学和技术促进发展委员会", "Commission on Science and Technology for Development"),
        ("联合国森林论坛", "United Nations Forum on Forests"),
        ("土著问题常设论坛", "Permanent Forum on Indigenous Issues"),
        (
            "联合国人权事务高级专员办事处",
            "Office of the United Nations High Commissioner for Human Rights",
        ),
        ("联合国开发计划署", "United Nations Development Programme"),
        ("联合国环境规划署", "United Nations Environment Programme"),
        ("联合国儿童基金会", "United Nations Children's Fund"),
        ("联合国人口基金", "United Nations Population Fund"),
        ("世界粮食计划署", "World Food Programme"),
        ("联合国人类住区规划署", "United Nations Human Settlements Programme"),
        ("联合国贸易和发展会议", "United Nations Conference on Trade and Development"),
        ("联合国工业发展组织", "United Nations Industrial Development Organization"),
        ("国际劳工组织", "International Labour Organization"),
        ("世界卫生组织", "World Health Organization"),
        ("国际原子能机构", "International Atomic Energy Agency"),
        ("经济及社会理事会", "Economic and Social Council"),
        ("安全理事会", "Security Council"),
        ("大会", "General Assembly"),
        ("人权理事会", "Human Rights Council"),
        ("国际法委员会", "International Law Commission"),
        ("妇女地位委员会", "Commission on the Status of Women"),
        ("儿童权利委员会", "Committee on the Rights of the Child"),
        ("联合国大学", "United Nations University"),
        ("联合国志愿人员方案", "United Nations Volunteers programme"),
        ("联合国训练研究所", "United Nations Institute for Training and Research"),
        ("国际移民组织", "International Organization for Migration"),
        ("联合国项目事务厅", "United Nations Office for Project Services"),
        ("非洲经济委员会", "Economic Commission for Africa"),
        ("亚洲及太平洋经济社会委员会", "Economic and Social Commission for Asia and the Pacific"),
        ("拉丁美洲和加勒比经济委员会", "Economic Commission for Latin America and the Caribbean"),
        ("西亚经济社会委员会", "Economic and Social Commission for Western Asia"),
        ("欧洲经济委员会", "Economic Commission for Europe"),
        ("联合国毒品和犯罪问题办公室", "United Nations Office on Drugs and Crime"),
        ("裁军谈判会议", "Conference on Disarmament"),
        ("维持和平行动特别委员会", "Special Committee on Peacekeeping Operations"),
        ("非殖民化特别委员会", "Special Committee on Decolonization"),
        ("和平利用外层空间委员会", "Committee on the Peaceful Uses of Outer Space"),
        ("独立审计咨询委员会", "Independent Audit Advisory Committee"),
        ("联合检查组", "Joint Inspection Unit"),
        ("内部监督事务厅", "Office of Internal Oversight Services"),
    ],
    "instrument": [
        ("京都议定书", "Kyoto Protocol"),
        ("巴黎协定", "Paris Agreement"),
        (
            "2015-2030年仙台减少灾害风险框架",
            "Sendai Framework for Disaster Risk Reduction 2015-2030",
        ),
        ("伊斯坦布尔行动纲领", "Istanbul Programme of Action"),
        ("北京宣言和行动纲要", "Beijing Declaration and Platform for Action"),
        ("维也纳条约法公约", "Vienna Convention on the Law of Treaties"),
        ("武器贸易条约", "Arms Trade Treaty"),
        ("生物多样性公约", "Convention on Biological Diversity"),
        ("联合国反腐败公约", "United Nations Convention against Corruption"),
        (
            "联合国打击跨国有组织犯罪公约",
            "United Nations Convention against Transnational Organized Crime",
        ),
        ("蒙特利尔议定书", "Montreal Protocol"),
        ("残疾人权利公约", "Convention on the Rights of Persons with Disabilities"),
        ("儿童权利公约", "Convention on the Rights of the Child"),
        ("联合国海洋法公约", "United Nations Convention on the Law of the Sea"),
        ("世界人权宣言", "Universal Declaration of Human Rights"),
        (
            "联合国土著人民权利宣言",
            "United Nations Declaration on the Rights of Indigenous Peoples",
        ),
        ("亚的斯亚贝巴行动议程", "Addis Ababa Action Agenda"),
        ("2030年可持续发展议程", "2030 Agenda for Sustainable Development"),
        ("联合国气候变化框架公约", "United Nations Framework Convention on Climate Change"),
        ("化学武器公约", "Chemical Weapons Convention"),
        ("不扩散核武器条约", "Treaty on the Non-Proliferation of Nuclear Weapons"),
        ("全面禁止核试验条约", "Comprehensive Nuclear-Test-Ban Treaty"),
        ("公民及政治权利国际公约", "International Covenant on Civil and Political Rights"),
        (
            "消除对妇女一切形式歧视公约",
            "Convention on the Elimination of All Forms of Discrimination against Women",
        ),
        ("日内瓦公约", "Geneva Conventions"),
        ("联合国宪章", "Charter of the United Nations"),
        ("千年宣言", "Millennium Declaration"),
        ("维也纳宣言和行动纲领", "Vienna Declaration and Programme of Action"),
    ],
    "title": [
        ("秘书长", "Secretary-General"),
        ("常务副秘书长", "Deputy Secretary-General"),
        ("大会主席", "President of the General Assembly"),
        ("高级专员", "High Commissioner"),
        ("特别报告员", "Special Rapporteur"),
        ("特使", "Special Envoy"),
        ("独立专家", "Independent Expert"),
        ("监察员", "Ombudsperson"),
        ("协调员", "Coordinator"),
        ("副秘书长", "Under-Secretary-General"),
        ("助理秘书长", "Assistant Secretary-General"),
        ("执行主任", "Executive Director"),
        ("总干事", "Director-General"),
        ("署长", "Administrator"),
    ],
}
_EN_HEADS = (
    r"Committee|Commission|Council|Programme|Fund|Office|Agency|Organization|Authority|Forum|"
    r"Board|Tribunal|Court|Institute|Convention|Treaty|Protocol|Declaration|Agreement|Covenant|"
    r"Framework|Agenda|Mission|Department|Unit|Conference"
)
_EN_BODY_NAME = re.compile(
    rf"\b(?:the\s+)?((?:[A-Z][\w'-]+\s+(?:(?:of|on|for|and|against|to|in|the)\s+)*){{0,6}}"
    rf"(?:{_EN_HEADS})(?:\s+(?:of|on|for|against|in)\s+(?:the\s+)?(?:[A-Z][\w'-]+\s?)+)?)"
)
_ZH_HEADS = (
    "委员会|理事会|规划署|计划署|开发署|基金会|基金|办事处|办公室|公约|议定书|条约|宣言|"
    "协定|框架|纲领|论坛|法庭|法院|组织|机构|特派团"
)
_ZH_BODY_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,14}}(?:{_ZH_HEADS})")

# English names from the C locale's calendar (the bench never sets a locale).
_MONTHS = list(calendar.month_name)[1:]
_WEEKDAYS = list(calendar.day_name)
_ZH_WEEKDAYS = list("一二三四五六日")
_EN_NUMBER_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
]
_EN_ORDINALS = [
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]
_EN_SCALES = ["thousand", "million", "billion"]
_ZH_NUMERALS = list("二两三四五六七八九十")
_ZH_SCALES = ["千", "万", "亿"]

# ---------------------------------------------------------------- helpers


def _side(zh: str, en: str, side: str) -> str:
    return en if side == "en" else zh


def _put(zh: str, en: str, side: str, new: str) -> tuple[str, str] | None:
    new = re.sub(r"[ \t]{2,}", " ", new).strip() if side == "en" else new.strip()
    old = _side(zh, en, side)
    if not new or new == old:
        return None
    return (zh, new) if side == "en" else (new, en)


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _en_words(text: str) -> int:
    return len(re.findall(r"[A-Za-z]+", text))


def _han(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


@cache
def _posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _tagged(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) from jieba's part-of-speech tagger."""
    out, pos = [], 0
    for pair in _posseg().cut(text):
        word, tag = pair.word, pair.flag
        out.append((pos, pos + len(word), word, tag))
        pos += len(word)
    return out


# ---------------------------------------------------------------- number


def _change_digits(token: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(token) if c.isdigit()]
    choice = rng.random()
    if choice < 0.5 or len(digits) < 2:
        i = rng.choice(digits)
        pool = [d for d in "0123456789" if d != token[i] and not (d == "0" and i == digits[0])]
        return token[:i] + rng.choice(pool) + token[i + 1 :]
    if choice < 0.75:
        k = rng.randrange(len(digits) - 1)
        a, b = digits[k], digits[k + 1]
        if token[a] != token[b]:
            chars = list(token)
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
        return token[: digits[-1] + 1] + "0" + token[digits[-1] + 1 :]
    if token.endswith("0") and len(digits) > 1:
        return token[:-1]
    return token[: digits[-1] + 1] + "0" + token[digits[-1] + 1 :]


def inj_number(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    options: list[Callable[[], str]] = []
    for m in re.finditer(r"\d[\d,.]*\d|\d", text):
        options.append(
            lambda m=m: _splice(text, m.start(), m.end(), _change_digits(m.group(), rng))
        )
    if side == "en":
        for m in re.finditer(rf"\b({'|'.join(_EN_NUMBER_WORDS + _EN_ORDINALS)})\b", text):
            pool = _EN_ORDINALS if m.group(1) in _EN_ORDINALS else _EN_NUMBER_WORDS
            new = rng.choice([w for w in pool if w != m.group(1)])
            options.append(lambda m=m, new=new: _splice(text, m.start(1), m.end(1), new))
        for m in re.finditer(rf"\b({'|'.join(_EN_SCALES)})\b", text):
            new = rng.choice([w for w in _EN_SCALES if w != m.group(1)])
            options.append(lambda m=m, new=new: _splice(text, m.start(1), m.end(1), new))
    else:
        for m in re.finditer(r"([二两三四五六七八九十])(?=[个名项次届年份国种天周条类所人])", text):
            new = rng.choice([w for w in _ZH_NUMERALS if w not in (m.group(1), "两", "二")])
            options.append(lambda m=m, new=new: _splice(text, m.start(1), m.end(1), new))
        for m in re.finditer(r"(?<=\d)([千万亿])", text):
            new = rng.choice([w for w in _ZH_SCALES if w != m.group(1)])
            options.append(lambda m=m, new=new: _splice(text, m.start(1), m.end(1), new))
    if not options:
        return None
    return _put(zh, en, side, rng.choice(options)())


# ---------------------------------------------------------------- date


def inj_date(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    options: list[Callable[[], str]] = []
    if side == "en":
        for m in re.finditer(rf"\b({'|'.join(_MONTHS)})\b", text):
            new = rng.choice([x for x in _MONTHS if x != m.group(1)])
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
        for m in re.finditer(rf"\b(\d{{1,2}})(?= (?:{'|'.join(_MONTHS)})\b)", text):
            new = str(int(m.group(1)) % 27 + 2)
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
        for m in re.finditer(rf"\b({'|'.join(_WEEKDAYS)})\b", text):
            new = rng.choice([x for x in _WEEKDAYS if x != m.group(1)])
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
        for m in re.finditer(rf"\b(?:{'|'.join(_MONTHS)}) ((?:19|20)\d\d)\b", text):
            new = str(int(m.group(1)) + rng.choice([-2, -1, 1]))
            options.append(lambda m=m, new=new: _splice(text, m.start(1), m.end(1), new))
    else:
        for m in re.finditer(r"(\d{1,2})(?=月)", text):
            new = str(int(m.group(1)) % 12 + 1)
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
        for m in re.finditer(r"(?<=月)(\d{1,2})(?=日)", text):
            new = str(int(m.group(1)) % 27 + 2)
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
        for m in re.finditer(r"(?<=星期)([一二三四五六日])", text):
            new = rng.choice([x for x in _ZH_WEEKDAYS if x != m.group(1)])
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
        for m in re.finditer(r"((?:19|20)\d\d)(?=年\d{1,2}月)", text):
            new = str(int(m.group(1)) + rng.choice([-2, -1, 1]))
            options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
    if not options:
        return None
    return _put(zh, en, side, rng.choice(options)())


# ---------------------------------------------------------------- symbol

_SYMBOL = re.compile(r"\b[A-Z]{1,8}(?:/[A-Za-z0-9.()\-]+)+")
_EN_RESOLUTION = re.compile(r"\bresolutions? (\d{2,4})(?: \((\d{4})\))?")
_ZH_RESOLUTION = re.compile(r"第\s?(\d{2,4})\s?(?:[(（]\s?(\d{4})\s?[)）])?\s?号")


def inj_symbol(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    options: list[Callable[[], str]] = []
    for m in _SYMBOL.finditer(text):
        sym = m.group()
        if not re.search(r"\d", sym):
            continue
        variants = [_change_digits(sym, rng), sym + "/Rev.1" if "Rev" not in sym else sym[:-1]]
        head, rest = sym.split("/", 1)
        variants.append(("E" if head != "E" else "A") + "/" + rest)
        new = rng.choice(variants)
        options.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
    pattern = _EN_RESOLUTION if side == "en" else _ZH_RESOLUTION
    for m in pattern.finditer(text):
        group = rng.choice([g for g in (1, 2) if m.group(g)])
        new = _change_digits(m.group(group), rng)
        options.append(lambda m=m, g=group, new=new: _splice(text, m.start(g), m.end(g), new))
    if not options:
        return None
    return _put(zh, en, side, rng.choice(options)())


# ---------------------------------------------------------------- entity

_EN_NOT_NAMES = frozenset(
    """The This That These Those It In On At For With By From As We I He She They Its Our
    Their His Her A An And But Or If When While Since Although However Also Further Furthermore
    Moreover Therefore Thus Please Mr Mrs Ms Dr Article Paragraph Annex Chapter Section Part
    Rule Table Figure January February March April May June July August September October
    November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Recalling Noting
    Welcoming Reaffirming Recognizing Requests Decides Urges Calls Encourages Emphasizing
    Stressing Expressing Taking Bearing Having Invites Notes Welcomes""".split()  # noqa: SIM905
)
_EN_NAME = re.compile(
    r"(?<![\w-])([A-Z][a-z'’-]+(?:\s+(?:of|de|al|the|and)?\s*[A-Z][a-z'’-]+){0,3})"
)


def _en_names(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _EN_NAME.finditer(text):
        name = m.group(1).strip()
        first = name.split()[0]
        if first in _EN_NOT_NAMES:
            continue
        if m.start() == 0 or re.search(r"[.:;!?]\s*$", text[: m.start()]):
            continue  # sentence-initial capital
        out.append((m.start(1), m.start(1) + len(name), name))
    return out


_ZH_NAME_TAGS = ("nr", "ns", "nt", "nz")


def _zh_names(text: str) -> list[tuple[int, int, str, str]]:
    return [
        (a, b, w, t)
        for a, b, w, t in _tagged(text)
        if t in _ZH_NAME_TAGS and len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff·]+", w)
    ]


class _NamePools:
    """Proper names of every pair, to swap one in."""

    def __init__(self, pairs: Sequence[tuple[str, str, str]]) -> None:
        self.en: list[str] = []
        self.zh: dict[str, list[str]] = {t: [] for t in _ZH_NAME_TAGS}
        for _, zh, en in pairs:
            self.en += [n for _, _, n in _en_names(en)]
            for _, _, w, t in _zh_names(zh):
                self.zh[t].append(w)


def inj_entity(
    zh: str, en: str, side: str, rng: random.Random, pools: _NamePools
) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    names = [(a, b, n, "") for a, b, n in _en_names(text)] if side == "en" else _zh_names(text)
    if not names:
        return None
    a, b, name, tag = rng.choice(names)
    if rng.random() < 0.75:
        pool = pools.en if side == "en" else pools.zh[tag]
        others = [p for p in pool if p != name and p not in text and name not in p]
        if not others:
            return None
        return _put(zh, en, side, _splice(text, a, b, rng.choice(others)))
    # dropped, with a joining word or mark before it
    if side == "en":
        before = re.search(r"(?:,\s*|\s+(?:and|of|in|for|by|the)\s+)*$", text[:a])
        start = before.start() if before else a
    else:
        start = a - 1 if a and text[a - 1] in "、和与及" else a
    return _put(zh, en, side, _splice(text, start, b, ""))


# ---------------------------------------------------------------- negation

_EN_AUX = re.compile(
    r"\b(is|are|was|were|can|could|should|will|would|must|may|might|has|have|had|does|do|did)"
    r"\b(?! not\b| no\b| never\b)"
)
_EN_ARTICLE_AFTER_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|there is) (a|an)\b")
_EN_NEGATORS = re.compile(
    r"\b(?:not|never)\s+|\bno longer\s+|(?<=ca)nnot\b|n't\b|\bwithout\b|\bun(?=(?:accept|law|fair|"
    r"just|safe|stable|able|sustain|equal|necess|lik|clear|resolved|paid|fortunate)\w*)"
)


def inj_negation(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    inserts: list[Callable[[], str]] = []
    removes: list[Callable[[], str]] = []
    if side == "en":
        for m in _EN_AUX.finditer(text):
            word = rng.choice(
                [" not", " not", " never"] + ([" no longer"] if m.group(1) in ("is", "are") else [])
            )
            inserts.append(lambda m=m, word=word: _splice(text, m.end(), m.end(), word))
        for m in _EN_ARTICLE_AFTER_VERB.finditer(text):
            inserts.append(lambda m=m: _splice(text, m.start(1), m.end(1), "no"))
        for m in _EN_NEGATORS.finditer(text):
            found = m.group()
            if found == "without":
                new = "with"
            elif found == "nnot":
                new = "n"
            else:
                new = ""
            removes.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
    else:
        for a, _b, w, t in _tagged(text):
            if t == "v" and len(w) >= 2 and not re.search("[不未没无非]", w):
                neg = rng.choice(["不", "不", "未", "没有"])
                inserts.append(lambda a=a, neg=neg: _splice(text, a, a, neg))
            elif w == "是":
                inserts.append(lambda a=a: _splice(text, a, a + 1, "并非"))
            elif w in ("已", "已经"):
                inserts.append(lambda a=a, w=w: _splice(text, a, a + len(w), "未"))
        for m in re.finditer(r"并非|无法|没有|不(?=[\u4e00-\u9fff])|未(?=[\u4e00-\u9fff])", text):
            found = m.group()
            if text[m.end() : m.end() + 1] in (
                "断",
                "仅",
                "论",
                "同",
                "少",
                "久",
                "来",
                "但",
                "过",
            ):
                continue  # a word that negates nothing
            new = {"并非": "是", "无法": "能够", "没有": "有"}.get(found, "")
            removes.append(lambda m=m, new=new: _splice(text, m.start(), m.end(), new))
    if removes and (not inserts or rng.random() < 0.4):
        return _put(zh, en, side, rng.choice(removes)())
    if inserts:
        return _put(zh, en, side, rng.choice(inserts)())
    return None


# ---------------------------------------------------------------- clause

_EN_PREPOSITIONS = (
    "in|on|at|for|with|through|by|under|within|during|including|from|between|among|against|"
    "without|across|throughout|towards|regarding|concerning"
)


def _en_clause_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    # between two commas (the commas are kept as one)
    for m in re.finditer(r",([^,;.]+),", text):
        spans.append((m.start(), m.end() - 1))
    # relative clause, to the next mark or the end
    for m in re.finditer(r"(,?\s+(?:which|who|whose|where|that)\s[^,;.]+)", text):
        spans.append((m.start(1), m.end(1)))
    # a prepositional phrase: a preposition and the words up to a mark or the next preposition
    for m in re.finditer(
        rf"(?<=\s)((?:{_EN_PREPOSITIONS})\s(?:(?!(?:{_EN_PREPOSITIONS})\b)[^,;.\s]+\s?)+)", text
    ):
        # the phrase and the space before it; the space after it stays ("received in 2014;")
        spans.append((m.start(1) - 1, m.start(1) + len(m.group(1).rstrip())))
    # a coordinated tail
    for m in re.finditer(r"(,?\s+and\s[^,;.]+)(?=[.;]?\s*$)", text):
        spans.append((m.start(1), m.end(1)))
    return spans


def _zh_clause_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"(?<=[，；、：])([^，；、。：]+[，；、])", text):
        spans.append((m.start(1), m.end(1)))
    for m in re.finditer(r"[，；]([^，；、。：]+)(?=。?$)", text):
        spans.append((m.start(), m.end(1)))
    for m in re.finditer(r"(在[^，；。]{3,20}?(?:中|上|方面|期间|之下))", text):
        spans.append((m.start(1), m.end(1)))
    for m in re.finditer(r"(根据[^，；。]{3,25}?[，,])", text):
        spans.append((m.start(1), m.end(1)))
    for m in re.finditer(r"(?<=[，；、：])([^，；、。：的]{4,18}的)", text):
        spans.append((m.start(1), m.end(1)))
    return spans


def inj_clause(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    if side == "en":
        spans = [
            (a, b)
            for a, b in _en_clause_spans(text)
            if _en_words(text[a:b]) >= 4 and _en_words(text) - _en_words(text[a:b]) >= 4
        ]
    else:
        spans = [
            (a, b)
            for a, b in _zh_clause_spans(text)
            if _han(text[a:b]) >= 6 and _han(text) - _han(text[a:b]) >= 6
        ]
    if not spans:
        return None
    a, b = rng.choice(spans)
    new = _splice(text, a, b, "")
    if side == "en":
        new = re.sub(r"\s+([,;.])", r"\1", new)
        new = re.sub(r",\s*,", ",", new)
    else:
        new = re.sub(r"[，、；]([。，；])", r"\1", new)
    return _put(zh, en, side, new)


# ---------------------------------------------------------------- sentence


def inj_sentence(
    zh: str, en: str, side: str, rng: random.Random, donor: tuple[str, str]
) -> tuple[str, str] | None:
    extra = _side(donor[0], donor[1], side).strip()
    text = _side(zh, en, side).strip()
    if (side == "en" and _en_words(extra) < 4) or (side == "zh" and _han(extra) < 6):
        return None
    if side == "en":
        if not re.search(r"[.?!]$", extra):
            extra += "."
        new = f"{extra} {text}" if rng.random() < 0.3 else f"{text} {extra}"
    else:
        if not re.search(r"[。？！]$", extra):
            extra += "。"
        new = extra + text if rng.random() < 0.3 else text + extra
    return _put(zh, en, side, new)


# ---------------------------------------------------------------- untranslated


def inj_untranslated(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    source = _side(zh, en, "zh" if side == "en" else "en")
    if side == "zh":
        targets = [(m.start(), m.end()) for m in re.finditer(r"[\u4e00-\u9fff]{4,12}", text)]
        phrases = re.findall(r"[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){1,8}", source)
        phrases = [p for p in phrases if len(p.split()) >= 2]
    else:
        targets = [
            (m.start(), m.end())
            for m in re.finditer(r"[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){1,6}", text)
        ]
        phrases = re.findall(r"[\u4e00-\u9fff]{2,16}", source)
    if not targets or not phrases:
        return None
    a, b = rng.choice(targets)
    if side == "zh" and rng.random() < 0.5:
        # a few words only, as a tired translator leaves them
        words = rng.choice(phrases).split()
        k = rng.randint(2, min(4, len(words)))
        i = rng.randrange(len(words) - k + 1)
        piece = " ".join(words[i : i + k])
    else:
        piece = rng.choice(phrases)
    pad = " " if side == "en" else ""
    return _put(zh, en, side, text[:a] + pad + piece + pad + text[b:])


# ---------------------------------------------------------------- term


def _term_options(text: str, side: str, rng: random.Random) -> list[Callable[[], str]]:
    options: list[Callable[[], str]] = []
    for group, names in _UN_NAMES.items():
        for z, e in names:
            form = e if side == "en" else z
            pattern = rf"(?<![\w-]){re.escape(form)}(?![\w-])" if side == "en" else re.escape(form)
            for m in re.finditer(pattern, text):
                others = [x for x in _UN_NAMES[group] if x != (z, e)]
                new = rng.choice(others)
                repl = new[1] if side == "en" else new[0]
                options.append(lambda m=m, repl=repl: _splice(text, m.start(), m.end(), repl))
    if options:
        return options
    pattern = _EN_BODY_NAME if side == "en" else _ZH_BODY_NAME
    for m in pattern.finditer(text):
        found = m.group(1) if side == "en" else m.group()
        start = m.start(1) if side == "en" else m.start()
        if side == "en" and len(found.split()) < 2:
            continue
        head = re.search(_EN_HEADS if side == "en" else _ZH_HEADS, found)
        group = (
            "instrument"
            if head
            and head.group()
            in (
                "Convention",
                "Treaty",
                "Protocol",
                "Declaration",
                "Agreement",
                "Covenant",
                "Framework",
                "Agenda",
                "公约",
                "议定书",
                "条约",
                "宣言",
                "协定",
                "框架",
                "纲领",
            )
            else "body"
        )
        new = rng.choice(_UN_NAMES[group])
        repl = new[1] if side == "en" else new[0]
        if side == "zh":
            # keep the name's own opening (a jieba word) so only the body changes
            words = [w for _, _, w, _ in _tagged(found)]
            if len(words) > 2:
                start += len(words[0])
                found = found[len(words[0]) :]
        options.append(
            lambda start=start, found=found, repl=repl: _splice(
                text, start, start + len(found), repl
            )
        )
    return options


def inj_term(zh: str, en: str, side: str, rng: random.Random) -> tuple[str, str] | None:
    text = _side(zh, en, side)
    options = _term_options(text, side, rng)
    if not options:
        return None
    return _put(zh, en, side, rng.choice(options)())


# ---------------------------------------------------------------- driver

INJECTORS: dict[str, Callable[..., tuple[str, str] | None]] = {
    "number": inj_number,
    "date": inj_date,
    "symbol": inj_symbol,
    "negation": inj_negation,
    "clause": inj_clause,
    "untranslated": inj_untranslated,
    "term": inj_term,
}


def inject_all(
    pairs: list[tuple[str, str, str]], *, seed: int = 23, per_kind: int = 300
) -> list[tuple[str, Injected]]:
    """Up to `per_kind` cases of each kind, each from a different pair (id, zh, en), the side
    chosen at random; returns (pair id, case)."""
    rng = random.Random(seed)
    pools = _NamePools(pairs)
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
            elif kind == "entity":
                result = inj_entity(zh, en, side, rng, pools)
            else:
                result = INJECTORS[kind](zh, en, side, rng)
            if result is None or result == (zh, en):
                continue
            out.append((pair_id, Injected(kind, result[0], result[1], side, "v2")))
            made += 1
    return out
