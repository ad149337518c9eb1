"""Negation flips: one side says "not" and the other says nothing of the kind.

Negation is counted per side with two lexicons. Strong markers are plain negators (不能, 没有,
未, 绝不 / not, no, never, cannot). Weak markers carry the negation inside a word (不稳定, 非法,
尚未 / unacceptable, illegal, "fail to", "has yet to"): they are how the other language often
renders a strong marker.
Chinese words that contain a negator without negating (不断, 不仅, 非常, 未来, 无人机, 特别) are
removed first.

Both lexicons are built so that one negated idea counts once on each side (不可接受 and
"unacceptable" are one each), and a pair is flagged when the counts differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.qa.check import Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span

# Words that contain 不/无/未/非/没/否/别 but do not negate the clause.
_ZH_NOT_NEGATION = re.compile(
    "不断|不仅|不但|不只|不光|不论|不管|不过|不少|不久|不时|不妨|不止|不外乎|不得不|不已|"
    "不一定|不同|不单|不禁|差不多|了不起|"
    "无论|无人机|无人驾驶|无数|无限|无比|无偿|无辜|无尽|无异于|"
    "未来|未婚|"
    "非常|非洲|非盟|非正式|非政府|非国家|非营利|非常任|莫斯科|是否|否则|与否|"
    "特别|分别|区别|个别|类别|级别|别的|别国|别人|识别|告别|"
    "没收|莫斯科|"
    # idioms whose negator is not rendered as one: 肆无忌惮 "emboldened", 刻不容缓 "urgent"
    "肆无忌惮|坚定不移|刻不容缓|迫不及待|不折不扣|层出不穷|源源不断|持续不断|不言而喻|不计其数|"
    "不懈|不屈不挠|无微不至|无与伦比|不可或缺|必不可少|不可避免|义不容辞|责无旁贷|不可剥夺|"
    # feelings and judgements that English words carry without a negator: 不安 "disturbed",
    # 不利 "adverse", 不满 "grievances", 悬而未决 "outstanding"
    "不安|不利|不满|不良|不足|不当|不公|悬而未决|未决"
)
_ZH_STRONG = re.compile(
    "绝不|决不|从不|从未|毫无|并非|绝非|别无|无法|无从|无意|无权|不|没有|没|未|无|勿|毋|别再"
)
_ZH_WEAK = re.compile(
    "非法|不稳定|不幸|不力|不宜|不再|拒不|否认|否决|否定|缺乏|缺少|离不开|不可分|无辜|无效|"
    "无视|无关|免于|无条件|无端|无理|除非|缺席|不受|不信任|不明|不确定|无可|失踪|下落不明|"
    "不可分割|密不可分"
)

# "not only ... but also" is 不仅...而且, "not least" is 尤其: no negation.
_EN_NOT_NEGATION = re.compile(r"\bnot (?:only|least|just|merely)\b", re.IGNORECASE)
_EN_STRONG = re.compile(
    r"\b(?:not|never|cannot|nor|neither|none|nothing|nobody|nowhere|no(?!\.\s*\d))\b"
    r"|n't\b|\bno one\b",
    re.IGNORECASE,
)
_EN_WEAK = re.compile(
    r"\b(?:without|free (?:from|of)|fail(?:s|ed|ing|ure)?|lack(?:s|ed|ing)?|absence|unless|"
    r"instead|rather than|far from|hardly|barely|yet to|mistrust|distrust|missing|impunity|"
    r"(?:ground|base|need|use|sense|meaning|point|end|count|relent|tire|cease|reck|care|help|"
    r"hope|home|law|power|defen[cs]e|harm|fruit|state|right)less(?:ly|ness)?|"
    r"ir(?:responsib|revers|relevan|regular|reparab|reconcil|respective)\w*|"
    r"indefinite(?:ly)?|"
    r"(?:un|in|im|il|dis|non)-?(?:acceptable|possible|able|likely|provoked|resolved|founded|"
    r"delimited|impeded|conditional(?:ly)?|controlled|precedented|lawful|legal|legitimate|"
    r"separable|divisible|stable|stability|sustainable|necessary|fortunately|fortunate|"
    r"armed|use|regard|respect(?:ful)?|equal|just|justified|fair|safe|secure|certain|clear|"
    r"aware|willing(?:ness)?|known|addressed|verified|true|related|interrupted|compatible|"
    r"accountable|adequate|effective|sufficient|relevant|ready|interested|successful|"
    r"restricted|hindered|covered|checked|punished|doubtedly|deniabl[ey]|"
    r"acceptably|ambiguous(?:ly)?|equivocal(?:ly)?))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Polarity:
    strong: list[tuple[int, int]]
    weak: int

    @property
    def total(self) -> int:
        return len(self.strong) + self.weak


def polarity(folded: str, lang: str) -> Polarity:
    if lang == "zh":
        weak = len(_ZH_WEAK.findall(folded))
        text = _ZH_WEAK.sub(lambda m: "　" * len(m.group(0)), folded)
        text = _ZH_NOT_NEGATION.sub(lambda m: "　" * len(m.group(0)), text)
        strong = [(m.start(), m.end()) for m in _ZH_STRONG.finditer(text)]
        return Polarity(strong, weak)
    weak = len(_EN_WEAK.findall(folded))
    text = _EN_NOT_NEGATION.sub(lambda m: " " * len(m.group(0)), folded)
    strong = [(m.start(), m.end()) for m in _EN_STRONG.finditer(text)]
    return Polarity(strong, weak)


def view_polarity(view: PairView, lang: str) -> Polarity:
    return view.memo(f"polarity:{lang}", lambda: polarity(view.folded(lang), lang))


@register_check
class NegationCheck(Check):
    name = "negation"
    description = "the two sides carry a different number of negations"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        pol = {lang: view_polarity(view, lang) for lang in ("zh", "en")}
        if pol["zh"].total == pol["en"].total:
            return []
        more = "zh" if pol["zh"].total > pol["en"].total else "en"
        spans = []
        if pol[more].strong:
            start, end = pol[more].strong[0]
            spans.append(Span(more, start, end, view.text(more)[start:end]))
        return [
            Flag(
                "negation",
                "warning",
                f"the {more} carries more negation ({pol[more].total}) than the {other(more)} "
                f"({pol[other(more)].total}): a negation added or dropped?",
                spans,
                self.name,
                {"zh": pol["zh"].total, "en": pol["en"].total},
            )
        ]
