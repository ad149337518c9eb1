"""A third translation-error injector (v3), written as an outside acceptance tester would.

It was written without reading the QA checks, their data files, or the bodies of the other two
injectors (bench/qa_inject.py, bench/qa_inject2.py): only their interface is shared (`KINDS`,
`Injected`, `inject_all`). Its word lists (Member States, cities, regions, organisations, UN
terms that get confused) come from general UN usage, not from the product's data. It was frozen
before any detection figure was measured and is not to be tuned against the checks.

Each case rewrites one side of a faithful pair (the side chosen at random, the other tried when
the chosen one offers nothing) the way a careless translator or a broken pipeline would:
- number: one figure changed (a digit, a number word, 万/亿, million/billion);
- date: the day, month or year of a date changed (English and 年月日 forms, a bare year);
- symbol: a document symbol or resolution number changed (A/70/L.5, S/RES/2334 (2016), 第70/1号);
- entity: a State, city, region, organisation or person swapped for another of the same kind,
  or dropped from a list;
- negation: a negation inserted or removed (not/never/no/un-words; 不/未/没有/非法/无法...);
- clause: a clause or phrase dropped (>= 4 English words, >= 6 Han characters);
- sentence: a sentence of another pair (same language) added at the start or the end;
- untranslated: the other side's text copied in, in place of a clause, a part, or the whole;
- term: a UN term replaced by one it gets confused with (Security Council <-> General Assembly,
  决议 <-> 决定, Member States <-> States parties...).

    from bench.qa_eval import unpc_pairs
    from bench.qa_inject3 import inject_all
    cases = inject_all(unpc_pairs(), seed=37, per_kind=300)
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench.qa_inject import KINDS, Injected

__all__ = ["KINDS", "Injected", "inject_all"]

Edit = tuple[str, str] | None
"""(new text of the side, note), or None when the side offers nothing to change."""


def _words(text: str) -> list[str]:
    return text.split()


def _names(kind: str, text: str) -> list[tuple[str, list[str], list[str]]]:
    """Entries "English/short=中文/简称" separated by ';' -> (kind, en forms, zh forms)."""
    rows = []
    for entry in re.split(r"[;\n]", text):
        if entry.strip():
            en, zh = entry.strip().split("=")
            rows.append((kind, en.split("/"), zh.split("/")))
    return rows


# ---------------------------------------------------------------- word lists (general UN usage)
_ENTITIES = [
    row
    for kind, names in (
        (
            "state",
            "Afghanistan=阿富汗; Algeria=阿尔及利亚; Argentina=阿根廷; Australia=澳大利亚;"
            "Austria=奥地利; Bangladesh=孟加拉国; Belgium=比利时;"
            "Bolivia (Plurinational State of)/Bolivia=多民族玻利维亚国/玻利维亚; Brazil=巴西;"
            "Burundi=布隆迪; Cameroon=喀麦隆; Canada=加拿大; Central African Republic=中非共和国;"
            "Chad=乍得; Chile=智利; China=中华人民共和国/中国; Colombia=哥伦比亚; Cuba=古巴;"
            "Cyprus=塞浦路斯; Democratic Republic of the Congo=刚果民主共和国; Denmark=丹麦;"
            "Egypt=埃及; Ethiopia=埃塞俄比亚; Finland=芬兰; France=法国; Germany=德国; Ghana=加纳;"
            "Greece=希腊; Guatemala=危地马拉; India=印度; Indonesia=印度尼西亚;"
            "Iran (Islamic Republic of)/Iran=伊朗伊斯兰共和国/伊朗; Iraq=伊拉克; Israel=以色列;"
            "Italy=意大利; Japan=日本; Jordan=约旦; Kenya=肯尼亚; Lebanon=黎巴嫩; Libya=利比亚;"
            "Mali=马里; Mexico=墨西哥; Morocco=摩洛哥; Myanmar=缅甸; Nepal=尼泊尔;"
            "Netherlands=荷兰; Nigeria=尼日利亚; Niger=尼日尔; Norway=挪威; Pakistan=巴基斯坦;"
            "Peru=秘鲁; Philippines=菲律宾; Poland=波兰; Qatar=卡塔尔;"
            "Republic of Korea=大韩民国/韩国; Romania=罗马尼亚; Rwanda=卢旺达;"
            "Democratic People's Republic of Korea=朝鲜民主主义人民共和国/朝鲜;"
            "Saudi Arabia=沙特阿拉伯; Russian Federation/Russia=俄罗斯联邦/俄罗斯;"
            "Senegal=塞内加尔; Somalia=索马里; Spain=西班牙; South Africa=南非;"
            "South Sudan=南苏丹; Sri Lanka=斯里兰卡; Sudan=苏丹; Sweden=瑞典; Turkey=土耳其;"
            "Switzerland=瑞士; Syrian Arab Republic/Syria=阿拉伯叙利亚共和国/叙利亚;"
            "Thailand=泰国; Uganda=乌干达; Ukraine=乌克兰;"
            "United Kingdom of Great Britain and Northern Ireland/United Kingdom=联合王国/英国;"
            "United States of America/United States=美利坚合众国/美国; Viet Nam=越南; Yemen=也门;"
            "Venezuela (Bolivarian Republic of)/Venezuela=委内瑞拉玻利瓦尔共和国/委内瑞拉;"
            "Zimbabwe=津巴布韦",
        ),
        (
            "city",
            "Geneva=日内瓦; New York=纽约; Vienna=维也纳; Nairobi=内罗毕;"
            "Addis Ababa=亚的斯亚贝巴; Bangkok=曼谷; Beirut=贝鲁特; Santiago=圣地亚哥; Paris=巴黎;"
            "Rome=罗马; Kabul=喀布尔; Doha=多哈; Baghdad=巴格达; Damascus=大马士革; Bangui=班吉;"
            "Juba=朱巴; Khartoum=喀土穆; Mogadishu=摩加迪沙; Kinshasa=金沙萨; Bamako=巴马科;"
            "Tripoli=的黎波里; Jerusalem=耶路撒冷; Beijing=北京; London=伦敦; Moscow=莫斯科;"
            "The Hague=海牙; Monrovia=蒙罗维亚; Aleppo=阿勒颇",
        ),
        (
            "region",
            "Africa=非洲; Asia=亚洲; Europe=欧洲; Latin America=拉丁美洲; Caribbean=加勒比;"
            "Middle East=中东; Sahel=萨赫勒; Darfur=达尔富尔; Gaza Strip/Gaza=加沙地带/加沙;"
            "West Bank=西岸; Central Asia=中亚; South-East Asia=东南亚; Horn of Africa=非洲之角;"
            "Western Sahara=西撒哈拉; Kosovo=科索沃",
        ),
        (
            "organisation",
            "United Nations Development Programme/UNDP=开发计划署/开发署; UN-Women=妇女署;"
            "UNESCO=教科文组织; United Nations Children's Fund/UNICEF=儿童基金会/儿基会;"
            "UNHCR=难民署; UNCTAD=贸发会议; World Health Organization/WHO=世界卫生组织/世卫组织;"
            "United Nations Population Fund/UNFPA=人口基金;"
            "United Nations Environment Programme/UNEP=环境规划署/环境署;"
            "World Food Programme/WFP=粮食署;"
            "Food and Agriculture Organization of the United Nations/FAO=粮农组织;"
            "World Bank=世界银行; International Labour Organization/ILO=国际劳工组织/劳工组织;"
            "African Union=非洲联盟/非盟;"
            "International Monetary Fund/IMF=国际货币基金组织/货币基金组织;"
            "European Union=欧洲联盟/欧盟; League of Arab States=阿拉伯国家联盟;"
            "International Atomic Energy Agency/IAEA=国际原子能机构;"
            "World Trade Organization/WTO=世界贸易组织/世贸组织;"
            "International Committee of the Red Cross=红十字国际委员会;"
            "Economic Community of West African States/ECOWAS=西非国家经济共同体/西非经共体",
        ),
        (
            "person",
            "Ban Ki-moon=潘基文; António Guterres/Guterres=安东尼奥·古特雷斯/古特雷斯;"
            "Kofi Annan=科菲·安南; Nelson Mandela/Mandela=纳尔逊·曼德拉/曼德拉;"
            "Dag Hammarskjöld=达格·哈马舍尔德",
        ),
    )
    for row in _names(kind, names)
]

_ZH_NOT_BEFORE = {"中国": "展", "美国": "拉欧", "法国": "宪合立司执非"}  # 发展中国家, 拉美国家...
_ZH_NOT_AFTER = {"中国": "家", "印度": "洋"}

# UN terms a careless translator confuses: each line is one pair, swapped either way
_TERMS = [
    tuple(_names("term", line.replace(" <> ", ";")))
    for line in """
    Security Council=安全理事会/安理会 <> General Assembly=大会
    Economic and Social Council=经济及社会理事会/经社理事会 <> Human Rights Council=人权理事会
    Human Rights Committee=人权事务委员会 <> Committee against Torture=禁止酷刑委员会
    resolution=决议 <> decision=决定
    Member States=会员国 <> States parties=缔约国
    Secretary-General=秘书长 <> Secretariat=秘书处
    Special Rapporteur=特别报告员 <> Special Representative=特别代表
    peacekeeping=维持和平/维和 <> peacebuilding=建设和平
    Convention=公约 <> Protocol=议定书
    Sustainable Development Goals=可持续发展目标 <> Millennium Development Goals=千年发展目标
    developing countries=发展中国家 <> developed countries=发达国家
    international humanitarian law=国际人道主义法 <> international human rights law=国际人权法
    International Court of Justice=国际法院 <> International Criminal Court=国际刑事法院
    Permanent Representative=常驻代表 <> Permanent Observer=常驻观察员
    refugees=难民 <> internally displaced persons=境内流离失所者
    regular budget=经常预算 <> programme budget=方案预算
    troop-contributing countries=部队派遣国 <> police-contributing countries=警察派遣国
    Charter=宪章 <> Statute=规约""".strip().splitlines()
]
_TERM_PATTERNS = {  # where a bare form would hit something else
    "大会": r"(?:(?<=联合国)|(?<![\u4e00-\u9fff]))大会|大会(?=第|决议|决定|主席|请|还|将|已|通过)",
    "决定": r"(?<=[号项])决定|决定(?=草案)",  # the noun, not the verb "decided"
    "发达国家": r"(?<!不)发达国家",  # 最不发达国家
    "常驻代表": r"常驻代表(?!团)",  # 常驻代表团, the mission
    "难民": r"难民(?!署|事务)",  # 难民署, UNHCR
    "resolution": r"(?<!conflict )(?<!dispute )\b[Rr]esolution(?=s?\b)",
    "decision": r"\b[Dd]ecision(?=s?\b)",
    "developed countries": r"(?<!least )\bdeveloped countries\b",
}

_MONTHS = _words(
    "January February March April May June July August September October November December"
)
_EN_NUMBER_WORDS = _words("two three four five six seven eight nine ten eleven twelve twenty")
_ZH_NUMERALS = "两二三四五六七八九十"
_ZH_MEASURES = "个次项名场年届国种天周位份条段点倍所批轮类"
_EN_UN_WORDS = _words(  # adjectives whose negative is a prefix (un- unless said otherwise)
    "acceptable able lawful legal:il safe fair equal sufficient:in adequate:in sustainable "
    "likely necessary effective:in consistent:in conditional stable successful possible:im"
)
_EN_AUX = "is|are|was|were|will|would|should|shall|can|could|must|may|has|have|had|does|do|did"
_ZH_NOT_NEGATION = _words(  # words with 不 that negate nothing
    "不断 不仅 不同 不久 不论 不管 不过 不少 不扩散 不但 不妨 不得不 不可或缺 不时 不如 不止"
)
_ZH_NEG_SWAPS = [  # (negated, positive), applied in either direction
    *[("不" + verb, verb) for verb in _words("支持 同意 接受 符合 适用 承认 允许 欢迎 遵守 批准")],
    ("非法", "合法"),
    ("无法", "能够"),
    ("未能", "能够"),
    ("尚未", "已经"),
    ("不得", "可以"),
    ("不可接受", "可以接受"),
    ("没有", "有"),
]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUM_BEFORE = r"(?<![A-Za-z0-9./\-;:)])"
_EN_DIGITS = re.compile(_NUM_BEFORE + r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![A-Za-z0-9/]|\.\d)")
_ZH_DIGITS = re.compile(_NUM_BEFORE + r"(?:\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?(?![A-Za-z0-9/]|\.\d)")
_PARAGRAPH = re.compile(r"^\s*\(?\d+\s?[.)]")
_SYMBOL = re.compile(r"(?<![A-Za-z0-9/])[A-Z][A-Za-z]{0,7}(?:/[A-Za-z0-9.\-]+)+(?: ?\(\d{4}\))?")
_ONE_NUMBER = r"\d(?:[\d.\-]{0,7}\d)?(?:/\d{1,3})?\s*(?:[(（]\s*(?:\d{4}|[IVXL]+)\s*[)）])?"
_EN_RESOLUTION = re.compile(  # "resolution 2127 (2013)", "resolutions 1267 (1999) and 1989 (2011)"
    rf"\b(?:[Rr]esolutions?|[Dd]ecisions?) ((?:{_ONE_NUMBER}(?:,? and |, )?)+)(?![\w/])"
)
_ZH_RESOLUTION = re.compile(
    rf"第\s*((?:{_ONE_NUMBER}\s*(?:、|和|及|-)?\s*)+)号"
)  # any numbered 第…号


def _len(text: str, side: str) -> int:
    """Size of a piece: English words or Han characters."""
    return len(_HAN.findall(text)) if side == "zh" else len(re.findall(r"[A-Za-z]+", text))


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _tidy(text: str, side: str, was: str) -> str:
    """Whitespace and punctuation left over when a piece is cut out."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    if side == "en":
        text = re.sub(r" ([,;:.])", r"\1", text)
        text = re.sub(r"[,;:]([,;:.])", r"\1", text)
        text = re.sub(r"^[\s,;:]+", "", text).strip()
        if was[:1].isupper() and text[:1].islower():
            text = text[0].upper() + text[1:]
    else:
        text = re.sub(r"[，；：、]([，；：、。])", r"\1", text)
        text = re.sub(r"^[\s，；：、]+", "", text)
    return text.strip()


def _change_digit(token: str, rng: random.Random) -> str:
    """Another figure of the same shape: one digit changed (never to a leading zero)."""
    places = [i for i, c in enumerate(token) if c.isdigit()]
    i = rng.choice(places)
    digits = [d for d in "0123456789" if d != token[i] and (d != "0" or i != places[0])]
    return token[:i] + rng.choice(digits) + token[i + 1 :]


def _symbols(text: str, side: str) -> list[tuple[int, int]]:
    """Spans of document symbols and of the numbers of resolutions, decisions, supplements..."""
    spans = [m.span() for m in _SYMBOL.finditer(text) if re.search(r"\d", m[0])]
    for m in (_ZH_RESOLUTION if side == "zh" else _EN_RESOLUTION).finditer(text):
        spans.append((m.start(1), m.start(1) + len(m[1].rstrip(" ,.、和及and"))))
    if side == "en":  # the number of an instrument: Supplement No. 18, general comment No. 9
        spans += [m.span(1) for m in re.finditer(r"\bNo\. ?(\d[\d.\-]*\d|\d)", text)]
    return spans


def _in_symbol(text: str, side: str, pos: int) -> bool:
    """Whether `pos` falls inside a document symbol (its figures belong to the symbol kind)."""
    return any(start <= pos < end for start, end in _symbols(text, side))


def _clauses(text: str, side: str) -> list[tuple[int, int]]:
    """Spans of the clauses between separators, the sentence-final mark left out."""
    body = len(text.rstrip("。.!?！？ "))
    separator = r"[，；：、]" if side == "zh" else r"[;:]|,(?!\d{3})"
    paragraph = _PARAGRAPH.match(text)  # a paragraph number stays where it is
    spans, start = [], paragraph.end() if paragraph else 0
    for m in re.finditer(separator, text[:body]):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, body))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _phrases(text: str, side: str) -> list[tuple[int, int]]:
    """Spans from a connecting word to the next separator (a phrase inside one clause)."""
    if side == "zh":
        starts = r"(?:并且|并|以及|以便|包括|通过|其中|和(?!平))"
        return [m.span() for m in re.finditer(rf"{starts}[^，；：、。]+", text) if m.start() > 0]
    starts = r"(?:which|who|including|in order to|through|with|by|for|in|on|and|to)"
    return [m.span() for m in re.finditer(rf" {starts} [^,;:.]+", text)]


# ---------------------------------------------------------------- one function per kind
def inj_number(text: str, side: str, rng: random.Random) -> Edit:
    options: list[tuple[int, int, str]] = []
    paragraph = _PARAGRAPH.match(text)
    for m in (_ZH_DIGITS if side == "zh" else _EN_DIGITS).finditer(text):
        if not (paragraph and m.start() < paragraph.end()) and not _in_symbol(
            text, side, m.start()
        ):
            year = re.fullmatch(r"(?:19|20)\d\d", m[0])
            new = str(int(m[0]) + rng.choice([-2, -1, 1, 2])) if year else _change_digit(m[0], rng)
            options.append((m.start(), m.end(), new))
    if side == "en":
        for m in re.finditer(rf"\b({'|'.join(_EN_NUMBER_WORDS)})\b(?!-)", text, re.I):
            word = rng.choice([w for w in _EN_NUMBER_WORDS if w != m.group().lower()])
            options.append((m.start(), m.end(), word.title() if m.group().istitle() else word))
        for m in re.finditer(r"\b(million|billion)\b", text):
            options.append((m.start(), m.end(), "billion" if m[0] == "million" else "million"))
    else:
        for m in re.finditer(
            rf"(?<![第{_ZH_NUMERALS}百千万])[{_ZH_NUMERALS}](?=[{_ZH_MEASURES}])", text
        ):
            options.append(
                (m.start(), m.end(), rng.choice([c for c in "二三四五六七八九" if c != m[0]]))
            )
        for m in re.finditer(r"(?<=[0-9两二三四五六七八九十百千])[万亿]", text):
            options.append((m.start(), m.end(), "亿" if m[0] == "万" else "万"))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _splice(text, start, end, new), f"{text[start:end]!r} -> {new!r}"


def inj_date(text: str, side: str, rng: random.Random) -> Edit:
    spans: list[tuple[int, int]] = []  # one day, month or year of a date
    if side == "en":
        months = "|".join(_MONTHS)
        for m in re.finditer(rf"\b(?:(\d{{1,2}}) )?({months})(?:,? (\d{{4}}))?\b", text):
            if m[1] or m[3]:
                spans += [m.span(g) for g in (1, 2, 3) if m[g]]
        if not spans:
            year = r"(?<![/(\d])\b(?:19[5-9]\d|20[0-4]\d)\b(?!/)"
            spans = [m.span() for m in re.finditer(year, text)]
    else:
        for m in re.finditer(r"(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?日)?", text):
            spans += [m.span(g) for g in (1, 2, 3) if m[g]]
        if not spans:
            spans = [m.span(1) for m in re.finditer(r"(?<![\d/(（])((?:19|20)\d\d)\s?年", text)]
    if not spans:
        return None
    start, end = rng.choice(spans)
    old = text[start:end]
    if old in _MONTHS:
        new = rng.choice([m for m in _MONTHS if m != old])
    elif len(old) == 4:
        new = str(int(old) + rng.choice([-3, -2, -1, 1, 2, 3]))
    elif side == "zh" and text[end:].lstrip().startswith("月"):
        new = str(rng.choice([n for n in range(1, 13) if n != int(old)]))
    else:
        new = str(rng.choice([n for n in range(1, 29) if n != int(old)]))
    return _splice(text, start, end, new), f"date {old!r} -> {new!r}"


def inj_symbol(text: str, side: str, rng: random.Random) -> Edit:
    found = _symbols(text, side)
    if not found:
        return None
    start, end = rng.choice(found)
    old = text[start:end].rstrip(".")
    if re.match(r"[ASE]/", old) and rng.random() < 0.25:  # the wrong organ's series
        new = rng.choice([s for s in "ASE" if s != old[0]]) + old[1:]
    else:
        run = rng.choice(list(re.finditer(r"\d+", old)))
        number = int(run[0])
        bumped = str(number + rng.choice([-1, 1, 2] if number > 1 else [1, 2]))
        new = _splice(
            old, *run.span(), bumped if rng.random() < 0.6 else _change_digit(run[0], rng)
        )
    return _splice(text, start, start + len(old), new), f"symbol {old!r} -> {new!r}"


def _find_names(text: str, side: str) -> list[tuple[int, int, int, int]]:
    """Non-overlapping (start, end, row, variant) of the known names in `text`, longest first."""
    hits = []
    for r, (_, en, zh) in enumerate(_ENTITIES):
        for v, form in enumerate(zh if side == "zh" else en):
            if side == "zh":
                pattern = re.escape(form)
                if form in _ZH_NOT_BEFORE:
                    pattern = f"(?<![{_ZH_NOT_BEFORE[form]}]){pattern}"
                if form in _ZH_NOT_AFTER:
                    pattern = f"{pattern}(?![{_ZH_NOT_AFTER[form]}])"
            else:
                pattern = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
            hits += [(m.start(), m.end(), r, v) for m in re.finditer(pattern, text)]
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    taken: list[tuple[int, int, int, int]] = []
    for h in hits:
        if all(h[1] <= t[0] or h[0] >= t[1] for t in taken):
            taken.append(h)
    return taken


def inj_entity(text: str, side: str, rng: random.Random) -> Edit:
    names = _find_names(text, side)
    if not names:
        return None
    start, end, r, v = rng.choice(names)
    kind, old = _ENTITIES[r][0], text[start:end]
    separator = "、" if side == "zh" else ", "
    listed = text.startswith(separator, end) and not text[end + len(separator) :].startswith("(")
    if listed and rng.random() < 0.3:
        return _tidy(_splice(text, start, end + len(separator), ""), side, text), f"dropped {old!r}"
    others = [i for i, row in enumerate(_ENTITIES) if row[0] == kind and i != r]
    forms = _ENTITIES[rng.choice(others)][2 if side == "zh" else 1]
    new = forms[min(v, len(forms) - 1)]
    return _splice(text, start, end, new), f"{kind} {old!r} -> {new!r}"


def inj_negation(text: str, side: str, rng: random.Random) -> Edit:
    options: list[tuple[int, int, str]] = []
    if side == "en":
        for m in re.finditer(rf"\b({_EN_AUX}) (not|never) ", text):
            options.append((m.start(), m.end(), m[1] + " "))
        for m in re.finditer(rf"(?<!political )(?<!good )\b({_EN_AUX}) (?!not\b|never\b)", text):
            options.append((m.start(), m.end(), "cannot " if m[1] == "can" else f"{m[1]} not "))
        options += [(m.start(), m.end(), "can") for m in re.finditer(r"\bcannot\b", text)]
        options += [(m.start(), m.end(), "") for m in re.finditer(r"\bno (?!longer|one|way)", text)]
        for entry in _EN_UN_WORDS:
            word, _, prefix = entry.partition(":")
            prefix = prefix or "un"
            for m in re.finditer(rf"\b({prefix})?{word}\b", text):
                options.append((m.start(), m.end(), word if m[1] else prefix + word))
    else:
        for negated, positive in _ZH_NEG_SWAPS:
            options += [(m.start(), m.end(), positive) for m in re.finditer(negated, text)]
            if len(positive) > 1:
                found = re.finditer(rf"(?<![不未非无没尚并]){positive}(?![书下者])", text)
                options += [(m.start(), m.end(), negated) for m in found]
        for m in re.finditer(r"(?<![相反供适响对效顺答理回呼])应(?=当|该|[\u4e00-\u9fff])", text):
            if not re.match(r"应[对用急变邀届力付]", text[m.start() : m.start() + 2]):
                options.append((m.start(), m.end(), "不应"))
        for m in re.finditer(r"(?<![但于别还其就或总即而凡若要只正更也像不])是(?!否)", text):
            options.append((m.start(), m.end(), "不是"))
        for m in re.finditer(r"不(?=[\u4e00-\u9fff])", text):
            if not any(text.startswith(w, m.start()) for w in _ZH_NOT_NEGATION):
                options.append((m.start(), m.end(), ""))
        options += [
            (m.start(), m.end(), "已") for m in re.finditer(r"未(?=[经予被提作获曾])", text)
        ]
    options = [o for o in options if text[o[0] : o[1]] != o[2]]
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _splice(text, start, end, new), f"negation {text[start:end]!r} -> {new!r}"


def inj_clause(text: str, side: str, rng: random.Random) -> Edit:
    clauses = _clauses(text, side)
    spans = []
    for i, (start, end) in enumerate(clauses if len(clauses) > 1 else []):
        # the clause with one of its separators: the next one, or for the last the previous
        spans.append(
            (start, clauses[i + 1][0]) if i + 1 < len(clauses) else (clauses[i - 1][1], end)
        )
    spans += _phrases(text, side)
    spans = [
        (a, b)
        for a, b in spans
        if _len(text[a:b], side) >= (6 if side == "zh" else 4)
        and _len(text[:a] + text[b:], side) >= (5 if side == "zh" else 3)
    ]
    if not spans:
        return None
    start, end = rng.choice(spans)
    return _tidy(_splice(text, start, end, ""), side, text), f"dropped {text[start:end].strip()!r}"


def inj_sentence(text: str, side: str, rng: random.Random, pool: list[str]) -> Edit:
    extra = rng.choice(pool).strip()
    if extra == text.strip():
        return None
    joined = [text.strip(), extra] if rng.random() < 0.7 else [extra, text.strip()]
    return ("" if side == "zh" else " ").join(joined), f"added {extra[:40]!r}"


def _cut(text: str, share: float, words: bool) -> int:
    """A position at `share` of the text, moved on to a space when `words`."""
    i = min(int(len(text) * share), len(text))
    while words and 0 < i < len(text) and text[i] != " ":
        i += 1
    return i


def inj_untranslated(text: str, side: str, rng: random.Random, other: str) -> Edit:
    other_side = "en" if side == "zh" else "zh"
    least = 6 if other_side == "zh" else 4
    if rng.random() < 0.2:  # a broken pipeline: the source copied over the whole target
        return other.strip(), "the whole side left in the other language"
    mine, theirs = _clauses(text, side), _clauses(other, other_side)
    if len(mine) > 1 and len(theirs) > 1:  # a clause left in the other language
        i = rng.randrange(len(mine))
        j = min(round(i * len(theirs) / len(mine)), len(theirs) - 1)
        start, end = mine[i]
        piece = other[slice(*theirs[j])].strip()
        if _len(piece, other_side) >= least:
            lead = " " if side == "en" and start > 0 else ""
            return _splice(text, start, end, lead + piece), f"clause left as {piece[:40]!r}"
    # a middle part of the side replaced by the same part of the other side
    a, b = sorted(rng.uniform(0.1, 0.9) for _ in range(2))
    b = max(b, a + 0.3)
    start, end = _cut(text, a, side == "en"), _cut(text, b, side == "en")
    piece = other[_cut(other, a, side == "zh") : _cut(other, b, side == "zh")].strip()
    if _len(piece, other_side) < least or start >= end:
        return None
    pad = " " if side == "en" else ""
    return _splice(text, start, end, pad + piece + pad).strip(), f"part left as {piece[:40]!r}"


def inj_term(text: str, side: str, rng: random.Random) -> Edit:
    options: list[tuple[int, int, str]] = []
    for pair in _TERMS:
        for this, partner in (pair, pair[::-1]):
            forms, targets = (this[2], partner[2]) if side == "zh" else (this[1], partner[1])
            for v, form in enumerate(forms):
                pattern = _TERM_PATTERNS.get(form) or (
                    re.escape(form) if side == "zh" else rf"(?<![\w-]){re.escape(form)}(?=s?\b)"
                )
                new = targets[min(v, len(targets) - 1)]
                for m in re.finditer(pattern, text):
                    upper = side == "en" and m[0][0].isupper() and new[0].islower()
                    options.append((m.start(), m.end(), new[0].upper() + new[1:] if upper else new))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return _splice(text, start, end, new), f"term {text[start:end]!r} -> {new!r}"


# ---------------------------------------------------------------- the driver
_SIMPLE: dict[str, Callable[[str, str, random.Random], Edit]] = {
    "number": inj_number,
    "date": inj_date,
    "symbol": inj_symbol,
    "entity": inj_entity,
    "negation": inj_negation,
    "clause": inj_clause,
    "term": inj_term,
}


def _one(kind: str, zh: str, en: str, side: str, rng: random.Random, pools: dict) -> Edit:
    text, other = (zh, en) if side == "zh" else (en, zh)
    if kind in _SIMPLE:
        return _SIMPLE[kind](text, side, rng)
    if kind == "sentence":
        return inj_sentence(text, side, rng, pools[side])
    return inj_untranslated(text, side, rng, other)


def inject_all(
    pairs: list[tuple[str, str, str]], *, seed: int = 37, per_kind: int = 300
) -> list[tuple[str, Injected]]:
    """Up to `per_kind` cases of each kind, each from a different pair (id, zh, en), the side
    chosen at random (the other tried when the chosen one has nothing to change); returns
    (pair id, case). Deterministic for a given seed and list of pairs."""
    pools = {
        "zh": [zh for _, zh, _ in pairs if _len(zh, "zh") >= 8 and zh.rstrip()[-1:] in "。！？"],
        "en": [en for _, _, en in pairs if _len(en, "en") >= 5 and en.rstrip()[-1:] in ".!?"],
    }
    out: list[tuple[str, Injected]] = []
    for kind in KINDS:
        rng = random.Random(f"{seed}:{kind}")
        order = list(pairs)
        rng.shuffle(order)
        made = 0
        for pair_id, zh, en in order:
            if made >= per_kind:
                break
            first = rng.choice(("zh", "en"))
            for side in (first, "en" if first == "zh" else "zh"):
                edit = _one(kind, zh, en, side, rng, pools)
                if edit is None:
                    continue
                new_zh, new_en = (edit[0], en) if side == "zh" else (zh, edit[0])
                if (new_zh, new_en) != (zh, en) and new_zh.strip() and new_en.strip():
                    out.append((pair_id, Injected(kind, new_zh, new_en, side, edit[1])))
                    made += 1
                    break
    return out
