"""How alike a Chinese transliteration and a Latin-script name sound.

Chinese writes foreign names with a small set of characters read for their sound
(古特雷斯 = Guterres, 喀布尔 = Kabul). Comparing the Pinyin of such a name with the
English spelling, reduced on both sides to classes of consonants that transliteration maps onto
each other (l/r, f/v/w, s/sh/x/ch/q ...), finds the English name a Chinese name stands for in an
aligned sentence pair, where embeddings know nothing about rare names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Characters of the Xinhua transliteration tables that also occur in names of the records; a
# run of them is a candidate foreign name.
TRANSLITERATION_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴芭白拜班邦保堡鲍贝本比彼毕边宾滨波伯博勃布查察柴楚茨达代戴丹道德"
    "得登邓迪狄蒂丁东杜敦顿多厄鄂恩尔法凡范方菲费芬丰冯佛弗伏福富盖甘冈高戈哥格葛根贡古"
    "瓜圭哈海汉罕豪赫黑亨洪侯胡华怀霍基吉季加迦贾简杰捷金津京久居卡凯坎康考柯科可克肯孔"
    "库夸奎昆拉腊莱赖兰郎朗劳勒雷蕾黎里理丽利莉连廉良列林琳灵留柳龙隆卢鲁路露伦罗洛律吕"
    "马玛迈麦曼芒毛茂梅门蒙孟米密敏明缪谟摩莫默姆穆纳娜乃奈南楠瑙内妮尼涅宁纽努诺欧帕派潘"
    "庞佩彭蓬皮平珀普齐奇恰钱乔切钦琼丘屈萨撒塞赛桑瑟森沙莎尚绍舍申施什史舒斯松宋苏素索"
    "塔泰坦汤唐陶特滕提廷通图托瓦娃万旺威韦维魏温文翁沃乌伍武西希锡夏歇谢辛欣休修雅亚延"
    "扬杨姚耶叶伊依因英尤于约泽扎詹珍朱兹宗佐祖赞夫也盛柏喀堪培·"
)
_PINYIN_OVERRIDES = {"什": "shi", "茨": "ci", "伯": "bo", "佛": "fo", "尉": "wei"}

_EN_SPECIAL = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "ć": "ch", "ł": "l", "ø": "o"})
_EN_RULES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("dj", "j"),
    ("zh", "j"),
    ("ts", "z"),
    ("tz", "z"),
    ("dz", "z"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
)
# One letter per class of sounds that Chinese transliteration maps onto each other; "a" is any
# vowel, "ə" a vowel Chinese adds after a final consonant (克 ke for k, 斯 si for s).
_CLASS = {
    "b": "b", "p": "p", "m": "m", "f": "f", "v": "f", "w": "f", "d": "d", "t": "t", "n": "n",
    "l": "l", "r": "l", "g": "k", "k": "k", "h": "h", "j": "j", "z": "z", "s": "s",
    "a": "a", "e": "a", "i": "a", "o": "a", "u": "a", "y": "a",
}  # fmt: skip
_NEAR = frozenset(
    frozenset(p) for p in ("bp", "dt", "kh", "sz", "jz", "js", "mn", "fb", "fp", "ln", "dz", "tz")
)
# Syllables whose vowel Chinese adds to render a lone consonant.
_EPENTHETIC = frozenset(
    {"si", "ke", "te", "de", "mu", "bu", "pu", "fu", "ge", "zi", "ci", "shi", "he"}
)
_INITIAL = re.compile(r"(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)(.*)$")
_ZH_INITIAL = {"zh": "j", "ch": "s", "sh": "s", "x": "s", "q": "s", "c": "z", "r": "l"}


def _en_fold(name: str) -> str:
    s = name.lower().translate(_EN_SPECIAL)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"c(?=[eiy])", "s", s)
    for old, new in _EN_RULES:
        s = s.replace(old, new)
    s = s.replace("ch", "s").replace("sh", "s").replace("c", "k")
    s = re.sub(r"ng$", "n", s)
    return re.sub(r"(.)\1+", r"\1", s)


def en_sounds(name: str) -> str:
    classes = "".join(_CLASS.get(ch, "") for ch in _en_fold(name))
    return re.sub(r"(.)\1+", r"\1", classes)


@cache
def pinyin_of(ch: str) -> str:
    if ch in _PINYIN_OVERRIDES:
        return _PINYIN_OVERRIDES[ch]
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


def zh_sounds(name: str) -> str:
    out: list[str] = []
    for ch in name:
        if not "\u4e00" <= ch <= "\u9fff":
            continue
        syl = pinyin_of(ch)
        if syl == "er":
            out.append("l")
            continue
        m = _INITIAL.match(syl)
        assert m is not None
        initial, final = m.groups()
        initial = _ZH_INITIAL.get(initial, initial)
        if initial == "w" and final != "u":
            out.append("f")
        elif initial and initial != "y":
            out.append(_CLASS[initial])
        out.append("ə" if syl in _EPENTHETIC else "a")
        if final.endswith(("n", "ng")):
            out.append("n")
    return re.sub(r"([^ə])\1+", r"\1", "".join(out))


def sound_cost(a: str, b: str) -> float:
    if a == b or {a, b} == {"a", "ə"}:
        return 0.0
    return 0.5 if frozenset((a, b)) in _NEAR else 1.0


def indel_cost(ch: str) -> float:
    return {"ə": 0.1, "a": 0.4}.get(ch, 1.0)


def prefix_distances(zh: str, en: str) -> tuple[list[float], list[float]]:
    """The weighted edit distance between two sound strings, in one pass: (distance of each
    prefix of `zh` to the whole of `en`, distance of the whole of `zh` to each prefix of `en`).
    The QA's name check reads the prefixes to match a name cut by the segmentation."""
    prev = [0.0]
    for ch in en:
        prev.append(prev[-1] + indel_cost(ch))
    by_zh = [prev[-1]]
    for zc in zh:
        row = [prev[0] + indel_cost(zc)]
        for j, ec in enumerate(en, 1):
            row.append(
                min(
                    prev[j] + indel_cost(zc),
                    row[j - 1] + indel_cost(ec),
                    prev[j - 1] + sound_cost(zc, ec),
                )
            )
        prev = row
        by_zh.append(prev[-1])
    return by_zh, prev


def _distance(zh: str, en: str) -> float:
    return prefix_distances(zh, en)[1][-1]


def similarity(zh: str, en: str) -> float:
    """0-1: how well the Chinese transliteration `zh` renders the Latin name `en`."""
    zs, es = zh_sounds(zh), en_sounds(en)
    consonants = sum(ch not in "aə" for ch in es)
    if consonants < 2 or sum(ch not in "aə" for ch in zs) < 1:
        return 0.0
    weight = sum(indel_cost(ch) for ch in es)
    return max(0.0, 1.0 - _distance(zs, es) / weight)


def is_transliteration(text: str) -> bool:
    return len(text) >= 2 and all(ch in TRANSLITERATION_CHARS for ch in text)
