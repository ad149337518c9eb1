"""QA on official United Nations translations (texts from the UN Parallel Corpus dev set and
from Security Council records in ../shared/real; source: United Nations).

Faithful pairs that the checks used to flag must stay quiet above info; the same pairs with an
error written in must be flagged. The rule-based checks only (the model-free semantic check
included): `python -m bench.qa_eval` gives the figures over all 4,000 pairs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.qa.check import QAContext
from aligner.qa.runner import check_pair

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real"


def warnings(zh: str, en: str) -> list[str]:
    flags = check_pair(zh, en, ctx=QAContext())
    return [f"{f.check}: {f.message}" for f in flags if f.severity != "info"]


FAITHFUL = [
    # a time written both ways; the weekday
    ("定于2015年5月28日星期四下午3时10分举行", "To be held on Thursday, 28 May 2015, at 3.10 p.m."),
    # paragraph numbers on one side only; footnote digits glued to words
    (
        "187 .小组委员会注意到，行动小组还建议，"
        "小行星警报网和任务计划咨询组应当争取获得委员会常设观察员地位。",
        "The Subcommittee noted that the Action Team further recommended that IAWN and SMPAG "
        "should seek permanent observer status with the Committee.",
    ),
    (
        "131 .回顾行政和预算问题咨询委员会报告3第27段，请秘书长与各常驻代表团联络。",
        "131. Recalls paragraph 27 of the report of the Advisory Committee on Administrative "
        "and Budgetary Questions,3 and requests the Secretary-General to approach permanent "
        "missions.",
    ),
    # words with 不/非/无 that negate nothing: 不扩散, 不结盟, 非土著, 无论, 不断
    (
        "条约不结盟缔约国集团强调，原子能机构关于保障监督执行情况的报告必须以事实和技术为基础。",
        "The Group of Non-Aligned States Parties to the Treaty underlines the necessity of "
        "reporting of IAEA on the implementation of safeguards being factual and technically "
        "based.",
    ),
    (
        "在危地马拉，玛雅妇女的产妇死亡率为每100 000活产儿死亡211人，"
        "而非土著妇女的这一比率为每100 000活产儿死亡70人。",
        "In Guatemala, maternal mortality among Mayan women is 211 per 100,000 live births, while "
        "among non-indigenous women it is 70 per 100,000 live births.",
    ),
    (
        "妇女无论年龄多大，都不得前往叙利亚政权控制地区。",
        "Women are not allowed to travel to regime-controlled areas irrespective of their age.",
    ),
    # 中国 inside 发展中国家; 南非 inside 撒哈拉以南非洲
    (
        "发展中国家的社会和经济指标显示，总体而言，城市人口比农村人口的处境优越得多。",
        "In developing countries, social and economic indicators show that urban populations "
        "are, in aggregate, significantly better off than their rural counterparts.",
    ),
    (
        "在东南亚测试的这些药物中有36%和在撒哈拉以南非洲测试的这些药物中有20%被确定为是假药。",
        "Of the drugs that failed the chemical analysis, 36 per cent of those tested in "
        "South-East Asia and 20 per cent of those tested in sub-Saharan Africa were determined "
        "to be falsified.",
    ),
    # 大会 for the General Assembly; UNICEF for 儿基会; UN-Women is no "UN"
    (
        "行预咨委会建议大会请秘书长将灵活工作场所战略纳入战略遗产计划的制订工作。",
        "The Committee recommends that the General Assembly request the Secretary-General to "
        "incorporate flexible workplace strategies in the strategic heritage plan.",
    ),
    (
        "例如在也门，政治事务部、开发署、人口基金、妇女署和儿基会的一个联合项目协助启动了一个包容各方的全国对话会议。",
        "In Yemen, for example, a joint project between the Department of Political Affairs, "
        "UNDP, UNFPA, UN-Women and UNICEF helped to launch an inclusive National Dialogue "
        "Conference.",
    ),
    # "the regime" for 叙利亚政权
    (
        "自2013年该居民区首次被围后，叙利亚政权仅允许非常有限的人道主义援助进入。",
        "Since it first laid siege to the neighbourhood in 2013, the regime has allowed the "
        "entry of only a very limited amount of humanitarian assistance.",
    ),
    # three meetings written as a number word on one side only
    (
        "专家工作组在第二次会议上制定的工作方案草案版本被提交给第三次会议以便进一步制定。",
        "The version of the draft programme developed by the expert working group at its "
        "second meeting was transmitted to its third meeting for further development.",
    ),
    # a Security Council resolution cited by number alone
    (
        "第三，我们刚才通过的决议呼吁有关各方立即执行安全理事会第338（1973）号决议。",
        "Thirdly, the resolution we just adopted calls upon the parties concerned to implement "
        "immediately resolution 338 (1973).",
    ),
]


@pytest.mark.parametrize(("zh", "en"), FAITHFUL)
def test_faithful_official_pairs_raise_no_warning(zh: str, en: str) -> None:
    assert warnings(zh, en) == []


ERRORS = [
    # a figure changed
    (
        "在危地马拉，玛雅妇女的产妇死亡率为每100 000活产儿死亡211人。",
        "In Guatemala, maternal mortality among Mayan women is 221 per 100,000 live births.",
        "number",
    ),
    # a date changed
    (
        "定于2015年5月28日星期四下午3时10分举行",
        "To be held on Thursday, 27 May 2015, at 3.10 p.m.",
        "date",
    ),
    # a negation added
    (
        "联合国的任何改革都不应重新定义《宪章》的这些原则。",
        "Any reform of the United Nations can redefine the principles of the Charter.",
        "negation",
    ),
    # a State swapped
    (
        "当前的项目向立陶宛儿童和摩尔多瓦儿童提供支助。",
        "Current projects provide support for children in Latvia and the Republic of Moldova.",
        "country",
    ),
    # a UN body replaced by another
    (
        "例如在也门，开发署和儿基会的一个联合项目协助启动了全国对话会议。",
        "In Yemen, for example, a joint project between UNDP and UNHCR helped to launch the "
        "National Dialogue Conference.",
        "term",
    ),
    # Chinese left in the English
    (
        "执行局",
        "Executive Board 执行局",
        "untranslated",
    ),
]


@pytest.mark.parametrize(("zh", "en", "check"), ERRORS)
def test_errors_written_into_official_pairs_are_flagged(zh: str, en: str, check: str) -> None:
    found = warnings(zh, en)
    assert any(f.startswith(check) for f in found), found


def test_a_vote_list_naming_other_states_is_one_pair_level_error() -> None:
    # S/PV.9826: the Chinese record prints a vote list of other States than the English one
    zh_text = (REAL / "text" / "S-PV-9826.zh.txt").read_text("utf-8")
    en_text = (REAL / "text" / "S-PV-9826.en.txt").read_text("utf-8")
    zh_list = zh_text.split("赞成:", 1)[1].split("主席", 1)[0].replace("\n", "")
    en_list = " ".join(en_text.split("In favour:", 1)[1].split("The President", 1)[0].split())
    flags = [f for f in check_pair(zh_list, en_list) if f.check == "country"]
    assert len(flags) == 1
    [flag] = flags
    assert flag.severity == "error" and flag.details["evidence"] == "state-list"
    assert {"ALB", "BRA", "GAB", "GHA", "ARE"} == set(flag.details["zh_only"])
    assert {"DZA", "GUY", "KOR", "SLE", "SVN"} == set(flag.details["en_only"])


def test_every_flag_carries_a_score_and_a_meaningful_severity() -> None:
    flags = check_pair("已有105名军人死亡。", "150 servicemen have been killed.")
    assert [(f.type, f.severity) for f in flags] == [("number", "error")]
    assert 0 < flags[0].score <= 1 and flags[0].to_dict()["score"] == flags[0].score
    # a repeated number rendered once is a hint, not an error
    repeat = check_pair(
        "未满15岁的女童( 大概10%的15岁以下的女童受此影响 )。",
        "Girls under 15 (some 10 per cent of girls under that age are affected).",
        min_severity="info",
    )
    assert [f.severity for f in repeat if f.type == "number"] == ["info"]
