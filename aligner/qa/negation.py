"""Negation flips: one side negates a clause and the other side says nothing of the kind.

Each side's negation is read at two strengths:
- strong: a clause negator — 不/没有/未/无法/绝不/并非 before a verb; not, never, cannot, no,
  nothing, neither/nor;
- weak: negation carried inside a word or a preposition — 非法, 不稳定, 无核武器, 不扩散, 未经 /
  "without", "free of", "lack", "fail", non-/un-/in-/-less/-free words. These are how the other
  language most often renders a strong negator, so they can answer one, but they never call for
  an answer themselves (UN vocabulary is full of them: non-proliferation, Non-Self-Governing
  Territories, open-ended, nuclear-weapon-free zones).

Words that contain a negator without negating anything — 不断 (constantly), 不仅 (not only),
无论 (regardless), 不间断 (ongoing), 不限成员名额 (open-ended), 未来 (future), 非常 (very),
"not only", "whether or not" — are removed first.

A pair is flagged when one side has more negations in all and more strong ones than the other
side: a negation was added or dropped, and nothing on the other side can stand for it — a
warning when the other side has no plain negator, a hint (info) when it merely has fewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aligner.qa.check import Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span


def _alternation(words: str) -> str:
    """A regex alternation of whitespace-separated words, longest first."""
    return "|".join(sorted(words.split(), key=len, reverse=True))


# Words that contain 不/无/未/非/没/否/别 but do not negate anything.
_ZH_NOT_NEGATION = re.compile(
    # 不一 (various) but not 不一定 (not necessarily) / 不一致 (inconsistent); 不禁 (cannot help
    # but) but not 不禁止 (does not prohibit)
    r"不一(?![定致样般])|不禁(?!止)|"
    # 不能只/不应只 is "not just", which the English side does not count either
    r"不(?:能|应|应该|是|可|可以)?只(?:是|有)?|"
    # 不同 (different) but not 不同意 (disagree); 不同意见 is "different views"
    r"不同(?!意(?!见))|"
    + _alternation(
        """
    不断 不仅 不但 不只 不光 不论 不管 不过 不少 不久 不时 不妨 不止 不外乎 不得不 不已
    不单 差不多 了不起 不间断 不限成员名额 不乏 不约而同 无论
    无数 无比 无偿 无辜 无尽 无异于 未来 未婚 未成年 非常 非洲 非盟 非索 非统 非加太 亚非 莫斯科
    是否 否则 与否 能否
    可否 特别 分别 区别 个别 类别 级别 别的 别国 别人 识别 告别
    派别 性别 辨别 鉴别 甄别 没收 肆无忌惮 坚定不移 刻不容缓 迫不及待 不折不扣 层出不穷 源源不断
    持续不断 不言而喻 不计其数 不懈 不屈不挠 无微不至 无与伦比 不可或缺
    必不可少 不可避免 义不容辞 责无旁贷 不可剥夺 不可分割 密不可分 不遗余力 与日俱增 无一例外
    不约 南非 中非 西非 东非 北非 大不列颠 不丹 更不用说 不用说 更不必说
    居高不下 作用不大 顽固不化 常胜不败 功不可没 核证无误 未遂 毫无疑问 无疑 无线电 无线 不辜负
    层出不穷 不例外 不分 不偏离 无所适从 放纵无度 毫无头绪 不停 不攻自破
"""
    )
)
# Negation inside a word or a fixed phrase (UN vocabulary first).
_ZH_WEAK = re.compile(
    _alternation(
        """
    不扩散 不结盟 不干涉 不干预 不歧视 非歧视 不使用武力 不首先使用 无核武器 无核 无害 无人驾驶
    无人机 无人值守 无缝 非自治 非殖民化 非土著 非政府 非国家 非正式 非常任
    非营利 非正规 非正常 非法 非军事 非暴力 非传染性 非关税 非核 非缔约 非成员 非经常 非员额
    非会员 非当事 非本国 不平等 不稳定 不确定 不公正 不公平 不容忍 不对称
    不可持续 不安全 不充分 不足 不利 不满 不良 不当 不公 不幸 不力 不宜 不再 拒不 不受 不信任
    不明 不可接受 不可能 不必要 不相称 不透明 不一致 不合法 不合理 不到
    不超过 不少于 不低于 不迟于 不晚于 无效 无视 无关 无条件 无限期 无国籍 无家可归 无证 无端
    无理 无可 无法律 无障碍 无记名 未决 悬而未决 未经 未缴 未清偿 未支配
    未用 未付 未动用 未清 未列 未指定 未填补 未予 未获 否认 否决 否定 否则
    缺乏 缺少 缺失 缺席 欠缺 离不开 不可分 除非 免于 失踪 下落不明
    禁止 防止 避免 拒绝 阻止 杜绝 排除 停止 不作为 不遵守 不履行 不执行 不参与 不承认 不加入
    不偏不倚 未满 最不发达 不均衡 不相同 无约束力 不可抗拒 不稳 惨不堪言
    不在 不愿 无限定 不理想 不统一 不多 也不 也没有 也未 也无 亦不 亦未
    而不是 而非 几乎没有 几乎不 不那么 不是那么 不太 无可避免 遥不可及
"""
    )
)
_ZH_NON = re.compile(r"(?<!并|绝)非(?=[\u4e00-\u9fff])")
_ZH_STRONG = re.compile(
    "绝不|决不|从不|从未|毫无|并非|绝非|别无|无法|无从|无意|无权|切莫|不|没有|没|未|无|勿|毋|别再"
)

_EN_NOT_NEGATION = re.compile(
    r"\b(?:not (?:only|least|just|merely|to mention)|whether or not|no doubt|no later than"
    r"|no less than|not less than|nonetheless|nevertheless|or not(?=\s*[,.;:)]))\b",
    re.IGNORECASE,
)
_EN_STRONG = re.compile(
    r"\b(?:not|never|cannot|neither|none|nothing|nobody|nowhere|no(?!\.\s*\d))\b"
    r"|n't\b|\bno one\b",
    re.IGNORECASE,
)
_IN_WORDS = (
    r"acceptab\w*|admissib\w*|adequa\w*|appropriate\w*|balance\w*|capab\w*|compatib\w*|"
    r"complete\w*|consisten\w*|correct\w*|definite\w*|discriminat\w*|effective\w*|"
    r"efficien\w*|equalit\w*|equit\w*|evitab\w*|formal\w*|humane?\w*|justice|legal\w*|"
    r"legitima\w*|licit\w*|logical\w*|mobil\w*|moral\w*|partial\w*|patien\w*|possib\w*|"
    r"proper\w*|regular\w*|relevan\w*|responsib\w*|revers\w*|secur\w*|sensitiv\w*|"
    r"stabil\w*|sufficien\w*|tolera\w*|ability|action|activ\w*|alienab\w*|dispensab\w*|"
    r"punity|balanc\w*|parti\w*|accura\w*|applicab\w*|valid\w*|visib\w*|separab\w*|"
    r"reconcil\w*|revoc\w*"
)
_EN_WEAK = re.compile(
    r"\b(?:without|free (?:from|of)|\w+-free|fail(?:s|ed|ing|ure|ures)?|lack(?:s|ed|ing)?|"
    r"absen(?:ce|t)|unless|instead|rather than|far from|hardly|barely|yet to|refrain\w*|"
    r"refus\w*|den(?:y|ies|ied|ial)|prevent\w*|avoid\w*|ban(?:s|ned)?|prohibit\w*|exclu\w*|"
    r"neglect\w*|ignor\w*|missing|impunity|mistrust|distrust|disregard\w*|disrespect\w*|"
    r"misus\w*|mismanag\w*|misconduct|misappropriat\w*|misinform\w*|misrepresent\w*|"
    r"mistreat\w*|advers\w*|cease\w*|stop(?:s|ped)?|halt\w*|nor|reluctan\w*|silent|short of|zero|"
    r"scarce\w*|away from|too \w+ to|delay(?:s|ed)?|"
    r"\w+less(?:ly|ness)?|"
    r"un(?!der|it|ion|iq|iv|if|til|to\b|animous|ilateral|less)[a-z]{3,}|"
    r"non-?[a-z]{3,}|"
    r"(?:in|im|il|ir)-?(?:" + _IN_WORDS + r")|"
    r"dis(?:abilit\w*|advantag\w*|agree\w*|approv\w*|continu\w*|honest\w*|"
    r"loyal\w*|obey\w*|order\w*|proportion\w*|qualif\w*|satisf\w*|trust\w*)|"
    r"insufficient\w*|inequalit\w*|instabilit\w*|insecurit\w*|inabilit\w*|inaction|"
    r"illicit\w*|illegal\w*|irregular\w*|"
    r"outstanding|pending|unpaid)\b",
    re.IGNORECASE,
)
_EN_WEAK_EXCEPTIONS = frozenset(
    """nonetheless none nonsense unless unlessly regardless nevertheless unanimous unanimously
    unilateral unilaterally unique universal universally university uniform unification
    unemployment""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Polarity:
    strong: list[tuple[int, int]]
    weak_spans: list[tuple[int, int]]

    @property
    def weak(self) -> int:
        return len(self.weak_spans)

    @property
    def total(self) -> int:
        return len(self.strong) + self.weak


def _blank(text: str, pattern: re.Pattern[str], fill: str) -> str:
    return pattern.sub(lambda m: fill * len(m.group(0)), text)


_EN_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:on|of|for|and|the))*\s+$")


def _in_name(text: str, start: int) -> bool:
    """A capitalised word inside a name ("Conference on Disarmament", "Crime Prevention"): the
    name of a body or a programme, which negates nothing in the sentence."""
    if not text[start : start + 1].isupper():
        return False
    return bool(_EN_CAPITAL_BEFORE.search(text[max(0, start - 40) : start]))


def polarity(folded: str, lang: str) -> Polarity:
    if lang == "zh":
        text = _blank(folded, _ZH_NOT_NEGATION, "　")
        weak = [(m.start(), m.end()) for m in _ZH_WEAK.finditer(text)]
        text = _blank(text, _ZH_WEAK, "　")
        # 非 before a word negates the word (非技术性 "non-skilled", 非农 "non-agricultural")
        weak += [(m.start(), m.end()) for m in _ZH_NON.finditer(text)]
        text = _blank(text, _ZH_NON, "　")
        strong = [(m.start(), m.end()) for m in _ZH_STRONG.finditer(text)]
        return Polarity(strong, sorted(weak))
    text = _blank(folded, _EN_NOT_NEGATION, " ")
    weak = [
        (m.start(), m.end())
        for m in _EN_WEAK.finditer(text)
        if m.group(0).lower() not in _EN_WEAK_EXCEPTIONS
        and not m.group(0).isupper()
        and not _in_name(text, m.start())
    ]
    strong = [(m.start(), m.end()) for m in _EN_STRONG.finditer(text)]
    return Polarity(strong, weak)


_EN_WITHOUT = re.compile(r"\b(?:without|lack of|lacking|failure to|failed to|fails to)\b", re.I)
_EN_PREFIXED = re.compile(r"\b(?:un|in|im|il|ir|non-?)([a-z]{4,})\b", re.IGNORECASE)


def antonym_flip(view: PairView) -> tuple[str, int, int] | None:
    """An English word negated by its prefix ("unacceptable") whose positive form stands in
    the Chinese with no negation anywhere there (可以接受): a negation dropped inside a word; or
    the mirror, a Chinese word negated by 不/未 (不遵守) against an English that has its positive
    ("compliance") and no negation at all.
    Returns (side of the negated word, start, end)."""
    from aligner.qa.lexicon import en_stem, load_lexicon

    lexicon = load_lexicon()
    if lexicon is None:
        return None
    pol = {lang: view_polarity(view, lang) for lang in ("zh", "en")}
    if pol["zh"].total == 0 and pol["en"].weak and not re.search("[不非无未没否]", view.zh):
        zh_bag = view.memo("lexicon:bag:zh", lambda: lexicon.bag(view.zh))
        for m in _EN_PREFIXED.finditer(view.folded("en")):
            word = m.group(0).lower()
            if word in _EN_WEAK_EXCEPTIONS or m.group(0).isupper() or not _EN_WEAK.fullmatch(word):
                continue
            if en_stem(m.group(1).lower()) in zh_bag:
                return "en", m.start(), m.end()
    if pol["zh"].total == 0 and not re.search("[不非无未没否]", view.zh):
        # "without prior authorization" against 已获…批准: the word "without" negates is
        # rendered in a Chinese that negates nothing
        from aligner.qa.negation_scope import en_scope_rendered

        en = view.folded("en")
        for m in _EN_WITHOUT.finditer(en):
            if en_scope_rendered(view.folded("zh"), en, m.end()):
                return "en", m.start(), m.end()
    if pol["zh"].weak and not pol["zh"].strong and not pol["en"].strong:
        # the mirror: 不遵守 / 不安全 negated by 不 or 未 inside a word, its positive
        # (遵守 "comply", 安全 "safe") rendered in the English where no negation touches it
        from aligner.qa.negation_scope import plain_en_rendering

        zh = view.folded("zh")
        for start, end in pol["zh"].weak_spans:
            word = zh[start:end]
            if word[0] not in "不未" or len(word) < 3 or re.search("[不未无非没]", word[1:]):
                continue
            if plain_en_rendering(view.folded("en"), word[1:]):
                return "zh", start, end
    return None


# ---------------------------------------------------------------- shapes a flip leaves behind

# Two negations within four words of one clause ("No study could not", "not incompatible",
# "have not not yet"): formal English, and UN English above all, almost never says this (none
# in the 2,000 development pairs); the Chinese answers it only with a double negation of its
# own.
_EN_DOUBLE = re.compile(
    r"\b(?:not|never|no|none|cannot|n't)\b"
    r"(?:\s+(?!(?:and|or|but|nor|that|which|who|whom|whose|what|where|when|if|unless|because|"
    r"since|until)\b)[\w-]+){0,3}?\s+"
    r"(?:not|never|cannot|un(?!der|it|ion|iq|iv|if|til|less)[a-z]{4,}|non-?[a-z]{4,}|"
    r"in(?:compatib|accept|appropriat|adequa|correct|effect|suffic|valid|evitab|dispensab)[a-z]*|"
    r"poorly|badly|f(?:a|e)ll(?:en|s|ing)? short)\b",
    re.IGNORECASE,
)
_ZH_DOUBLE = re.compile(
    r"不无|并非不|并不是不|不是不|无不|不得不|没有不|非[^，。；]{1,8}不|不可不|不能不|未尝不|不会不|"
    r"无一不|莫不|不可或缺|必不可少|没有[^，。；,.;]{0,10}(?:不|无法)|无[^，。；,.;]{1,6}不"
)
# "No reform of the United Nations can not…": "no" opening a subject its verb negates again.
_EN_NO_SUBJECT_NOT = re.compile(
    r"\bno\b(?:\s+(?!(?:and|or|but|that|which|who|whom|whose|what|where|when|if)\b)[\w-]+)"
    r"{1,6}?\s+(?:can|could|should|shall|will|would|may|might|must|is|are|"
    r"was|were|has|have|had|do|does|did)\s+(?:not|never)\b",
    re.IGNORECASE,
)
# Chinese a negator cannot stand in: 不 before a verb with the perfective 了 (不分享了: a
# completed action is negated by 没有/未), or 未/没有 after a modal (能够未用于).
_ZH_BAD_NEGATOR = re.compile(
    r"不[\u4e00-\u9fff]{1,2}了(?![解结如])(?<!为了)(?<!除了)"
    r"|(?:能够|可以|应当|应该|必须|需要|已经)(?:未|没有)(?=[\u4e00-\u9fff])"
)
# "not only X but (also) Y" is 不仅/不但/不只…; a Chinese 仅/只 that no 不 precedes says "only X".
_EN_NOT_ONLY = re.compile(
    r"\bnot (?:only|just|merely|solely|simply|limited to|restricted to|confined to)\b",
    re.IGNORECASE,
)
_ZH_NOT_ONLY = re.compile(
    r"不仅|不只|不但|不光|不单|不止|非但|不限于|不局限于|并非|并不|不是|绝非|不再"
)
_ZH_ONLY = re.compile(r"(?<![不非])(?:仅仅|仅|只有|只是|只)")
_EN_ONLY_BUT_ALSO = re.compile(r"(?<!not )(?<!Not )\bonly\b[^.;:]{1,120}\bbut also\b")
# UN fixed expressions whose negator cannot go (有罪不罚 "impunity", 不限成员名额
# "open-ended", 不可分割 "integral"): the rest of the word standing alone is what a dropped
# negator leaves, not Chinese. The expressions are the module's negation vocabulary above plus
# these; a rest that is itself a word (可持续, 核武器) or a common phrase is left out.
_ZH_FIXED_NEGATED = """
    有罪不罚 不分青红皂白 毫不拖延 不可逆转 不可否认 不容置疑 不懈努力 不可推卸 无可争议 不可动摇
    不择手段 不可估量 毫不含糊 毫不动摇 毫不犹豫 无可辩驳 不可思议 不复存在 不可调和 不合时宜
    不可侵犯 不知所措 不堪重负 前所未有 史无前例 义不容辞
""".split()  # noqa: SIM905
_ZH_REST_IS_CHINESE = frozenset(
    """可持续 可接受 可避免 使用武力 首先使用 几乎有 作用大 是那么 更用说 更必说 受阻碍
    可替代""".split()  # noqa: SIM905
)


@cache
def _broken_words() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(the rests of the fixed negated expressions, the expressions themselves)."""
    words = _jieba_freq()
    han = re.compile("[\u4e00-\u9fff]+")

    def listed(pattern: re.Pattern[str]) -> list[str]:
        return [w for w in pattern.pattern.split("|") if han.fullmatch(w)]

    source = {
        w
        for w in set(listed(_ZH_WEAK)) | set(listed(_ZH_NOT_NEGATION)) | set(_ZH_FIXED_NEGATED)
        if len(w) >= 3 and re.search("[不无未非没]", w)
    }
    rests = set()
    for w in source:
        for i, ch in enumerate(w):
            rest = w[:i] + w[i + 1 :]
            if (
                ch in "不无未非没"
                and len(w) >= 3
                and len(rest) >= 3
                and not words.get(rest)
                and rest not in _ZH_REST_IS_CHINESE
            ):
                rests.add(rest)
    if not rests:
        return None
    return re.compile(_alternation(" ".join(rests))), re.compile(_alternation(" ".join(source)))


COMMON_WORD = 100
"""jieba frequency from which a two-character word is common enough to explain a rest that
shares a character with it (丝毫 in 丝毫动摇)."""


def _jieba_freq() -> dict[str, int]:
    """jieba's dictionary (word -> frequency; prefixes of words have 0), from the QA's own
    tokenizer, already loaded for word boundaries."""
    from aligner.qa.segmentation import _jieba

    return _jieba().FREQ


def broken_negated_word(zh: str) -> tuple[int, int] | None:
    """A UN fixed expression with its negator cut out (有罪罚, 限成员名额)."""
    found = _broken_words()
    if found is None:
        return None
    rests, whole = found
    covered = [(m.start(), m.end()) for m in whole.finditer(zh)]
    for m in rests.finditer(zh):
        if any(a <= m.start() < b for a, b in covered):
            continue
        # the rest's first or last character belongs to a word of its neighbour (丝毫动摇 is
        # not 毫不动摇 cut short)
        before = zh[max(0, m.start() - 1) : m.start() + 1]
        after = zh[m.end() - 1 : m.end() + 1]
        freq = _jieba_freq()
        if freq.get(before, 0) >= COMMON_WORD or freq.get(after, 0) >= COMMON_WORD:
            continue
        return m.start(), m.end()
    return None


def flip_shape(view: PairView) -> tuple[str, int, int, str] | None:
    """(side, start, end, what) of a shape a negation flip leaves that faithful translations
    do not show: a double negation on one side only, "not only" against a bare 仅, a negated
    UN expression with its negator cut out."""
    zh, en = view.folded("zh"), view.folded("en")
    m = _EN_DOUBLE.search(en)
    if m and not _ZH_DOUBLE.search(zh):
        return "en", m.start(), m.end(), "a double negation the zh does not have"
    m = _EN_NO_SUBJECT_NOT.search(en)
    if m and not _ZH_DOUBLE.search(zh):
        return "en", m.start(), m.end(), "a double negation the zh does not have"
    m = _ZH_BAD_NEGATOR.search(zh)
    if m:
        return "zh", m.start(), m.end(), "a negator where Chinese grammar has none"
    m = _EN_NOT_ONLY.search(en)
    bare_only = any(
        not re.search("[不非没无未]", zh[max(0, o.start() - 3) : o.start()])
        for o in _ZH_ONLY.finditer(zh)
    )
    if m and not _ZH_NOT_ONLY.search(zh) and bare_only:
        return "en", m.start(), m.end(), "'not only' where the zh says only (仅/只)"
    m = _EN_ONLY_BUT_ALSO.search(en)
    if m and _ZH_NOT_ONLY.search(zh):
        return "en", m.start(), m.end(), "'only … but also' where the zh says not only"
    broken = broken_negated_word(zh)
    if broken is not None:
        a, b = broken
        return "zh", a, b, "a fixed negated expression with its negator cut out"
    return None


def view_polarity(view: PairView, lang: str) -> Polarity:
    return view.memo(f"polarity:{lang}", lambda: polarity(view.folded(lang), lang))


@register_check
class NegationCheck(Check):
    name = "negation"
    description = "a clause negation on one side with nothing that can render it on the other"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        from aligner.qa.negation_scope import lexically_rendered_weak, scope_verdict

        pol = {lang: view_polarity(view, lang) for lang in ("zh", "en")}
        flip = antonym_flip(view)
        if flip is not None:
            side, start, end = flip
            word = view.text(side)[start:end]
            return [
                Flag(
                    "negation",
                    "warning",
                    f"'{word}' ({side}) is negated inside the word, but the {other(side)} says the "
                    "positive and negates nothing: a negation dropped?",
                    [Span(side, start, end, word)],
                    self.name,
                    {"evidence": "antonym"},
                    0.55,
                )
            ]
        shape = flip_shape(view)
        if shape is not None:
            side, start, end, what = shape
            word = view.text(side)[start:end]
            return [
                Flag(
                    "negation",
                    "warning",
                    f"'{word}' ({side}): {what}; a negation added or dropped?",
                    [Span(side, start, end, word)],
                    self.name,
                    {"evidence": "shape"},
                    0.5,
                )
            ]
        texts = {"zh": view.folded("zh"), "en": view.folded("en")}
        for more in ("zh", "en"):
            less = other(more)
            # more negation in all, and more of it as plain negators: a negator that nothing on
            # the other side can stand for (a weak negation answers a weak one first)
            if len(pol[more].strong) <= len(pol[less].strong):
                continue
            if pol[more].total <= pol[less].total:
                # a weak negation of the fewer side that the other side renders by a word
                # negating nothing (stop / 遏止) stands for no negator
                lexical = lexically_rendered_weak(
                    texts, less, pol[less].weak_spans, pol[more].strong + pol[more].weak_spans
                )
                if pol[more].total <= pol[less].total - lexical:
                    continue
            # Read each plain negator's scope on the other side (negation_scope.py): its
            # content rendered there with no negation is strong evidence; rendered negated,
            # the other side says the same in other words; not found, only the counts speak.
            verdicts = [(scope_verdict(texts, more, a, b), a, b) for a, b in pol[more].strong]
            contradicted = [(a, b) for v, a, b in verdicts if v == "contradicted"]
            unknown = [(a, b) for v, a, b in verdicts if v == "unknown"]
            if contradicted:
                severity, score, evidence = "warning", 0.5, "scope"
                start, end = contradicted[0]
            elif unknown:
                # No rendering of the negated words: only the counts speak. A side with no
                # plain negator against one is the clear case (a warning); one with fewer of
                # them is, on official translations, almost always coordination or paraphrase
                # ("都不应…也不应" / "No reform… or"): a hint.
                clear = not pol[less].strong
                severity, score, evidence = (
                    ("warning", 0.3, "count") if clear else ("info", 0.1, "count")
                )
                start, end = unknown[0]
            else:
                continue
            spans = [Span(more, start, end, view.text(more)[start:end])]
            return [
                Flag(
                    "negation",
                    severity,
                    f"the {more} has {pol[more].total} negation(s), {len(pol[more].strong)} of "
                    f"them plain negators, where the {less} has {pol[less].total}: a negation "
                    "added or dropped?"
                    + (
                        f" ('{view.text(more)[start:end]}' negates words the {less} renders "
                        "without negation)"
                        if evidence == "scope"
                        else ""
                    ),
                    spans,
                    self.name,
                    {
                        "zh_strong": len(pol["zh"].strong),
                        "zh_weak": pol["zh"].weak,
                        "en_strong": len(pol["en"].strong),
                        "en_weak": pol["en"].weak,
                        "evidence": evidence,
                    },
                    score,
                )
            ]
        return []
