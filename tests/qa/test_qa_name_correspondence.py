"""The name-correspondence check (aligner/qa/name_correspondence.py) on official United Nations
translations: pairs of the UN Parallel Corpus dev set (../shared/real/unpc-dev; source: United
Nations). Faithful pairs whose names the other side carries by dictionary, transliteration,
Pinyin or adjective stay quiet; the same pairs with a name swapped or dropped are flagged.
"""

from __future__ import annotations

import pytest

from aligner.qa.check import PairView, QAContext, build_checks
from aligner.qa.lexicon import load_lexicon
from aligner.qa.name_correspondence import en_names, ordinary_stems, unrendered, zh_names

pytestmark = pytest.mark.skipif(load_lexicon() is None, reason="CC-CEDICT not installed")

MEETINGS = (
    "14 .其后的会议分别在塔什干( 2011年3月15日 )、阿斯塔纳( 2012年6月12日和2013年6月27日 )"
    "以及阿拉木图( 2014年7月25日 )举行。",
    "14. Subsequent meetings were held in Tashkent (15 March 2011), Astana (12 June 2012 and "
    "27 June 2013) and Almaty (25 July 2014).",
)
CONVENTIONS = (
    "认识到持续审查和评估《巴塞尔公约》、《鹿特丹公约》和《斯德哥尔摩公约》的执行情况是"
    "相应缔约方大会的责任；",
    "Recognizes that it is the responsibility of the respective conferences of the parties to "
    "keep under continuous review and evaluation the implementation of the Basel, Rotterdam "
    "and Stockholm conventions;",
)
FAITHFUL = [
    MEETINGS,
    CONVENTIONS,
    # a transliterated person's name and an adjective ("inter-Malian") for 马里
    (
        "安全理事会还表示全力支持秘书长马里问题特别代表蒙伊 · 哈姆迪先生，请他利用他的斡旋授权，"
        "积极进行接触，在阿尔及尔的马里人之间谈判进程中发挥重大作用。",
        "The Security Council also expresses its full support to the Special Representative of "
        "the Secretary-General for Mali, Mr. Mongi Hamdi, and requests him to use his good "
        "offices mandate and actively engage to play a key role in the inter-Malian negotiation "
        "process in Algiers.",
    ),
    # Chinese names written in Pinyin
    (
        "理事会选举陈士球( 中国 )填补丛军女士( 中国 )辞职产生的空缺，任期自当选之日起，"
        "至2016年12月31日止。",
        "The Council elected Chen Shiqiu (China), for a term of office beginning on the date of "
        "election and expiring on 31 December 2016, to fill a vacancy arising from the "
        "resignation of Ms. Cong Jun (China).",
    ),
    # a demonym ("Mayan" for 玛雅)
    (
        "在危地马拉，玛雅妇女的产妇死亡率为每100 000活产儿死亡211人，"
        "而非土著妇女的这一比率为每100 000活产儿死亡70人。",
        "In Guatemala, maternal mortality among Mayan women is 211 per 100,000 live births, "
        "while among non-indigenous women it is 70 per 100,000 live births.",
    ),
    # a currency written as a sign
    (
        "项目核定预算总额计8 787 700美元。",
        "The total budget approved for the project amounts to $8,787,700.",
    ),
    # place names cut by the segmentation (绥德 + 鲁), one of them with one consonant
    (
        "即便在危机之中，邦加、哈珀和绥德鲁等地区域司法和安全中心还是推出了服务。",
        "Services in regional justice and security hubs in Gbarnga, Harper and Zwedru were "
        "rolled out, even amid the crisis.",
    ),
]


def entity_flags(zh: str, en: str) -> list:
    (check,) = build_checks(["entity"])
    ctx = QAContext()
    view = PairView("t", zh, en)
    check.prepare_batch([view], ctx)
    return check.check(view, ctx)


@pytest.mark.parametrize(("zh", "en"), FAITHFUL)
def test_faithful_pairs_raise_no_warning(zh: str, en: str) -> None:
    assert [f.message for f in entity_flags(zh, en) if f.severity != "info"] == []


def test_a_swapped_place_is_a_swap_on_both_sides() -> None:
    zh, en = MEETINGS
    flags = entity_flags(zh, en.replace("Almaty", "Rotterdam"))
    swaps = [f for f in flags if f.severity == "warning" and "swapped" in f.message]
    assert swaps, flags
    spans = {(s.lang, s.text) for s in swaps[0].spans}
    assert ("zh", "阿拉木图") in spans
    assert ("en", "Rotterdam") in spans
    assert swaps[0].score >= 0.5


def test_a_place_swapped_in_the_chinese() -> None:
    zh, en = MEETINGS
    flags = entity_flags(zh.replace("阿斯塔纳", "鹿特丹"), en)
    assert any(f.severity == "warning" for f in flags), flags


def test_a_dropped_name_the_dictionary_knows_is_a_strong_hint() -> None:
    zh, en = MEETINGS
    flags = entity_flags(zh, en.replace("and Almaty (25", "and (25"))
    assert [s.text for f in flags for s in f.spans] == ["阿拉木图"]
    assert flags[0].severity == "info"
    assert flags[0].score > 0.2
    assert flags[0].details["evidence"] == "dictionary"


def test_a_place_inside_a_body_named_by_its_head_is_a_warning() -> None:
    # UNPC dev line 99 (United Nations), Nairobi dropped from the English: the term check
    # takes "the United Nations Office at" for 联合国内罗毕办事处 by its head
    zh = "第二个制约因素是联合国内罗毕办事处的成效和效率。"
    en = "The second constraint is the effectiveness and efficiency of the United Nations Office"
    assert [f.severity for f in entity_flags(zh, en + " at Nairobi.")] == []
    flags = entity_flags(zh, en + " at.")
    (term,) = build_checks(["term"])
    view, ctx = PairView("t", zh, en + " at."), QAContext()
    term.prepare_batch([view], ctx)
    term_warns = [f for f in term.check(view, ctx) if f.severity == "warning"]
    # warned by the term check (which now asks for the whole name), or else by this one
    if term_warns:
        assert flags == []
    else:
        assert [(f.severity, f.details.get("alone")) for f in flags] == [("warning", True)]
        assert flags[0].spans[0].text == "内罗毕"


def test_a_dropped_name_stays_a_hint_beside_an_anaphor() -> None:
    zh, en = MEETINGS
    flags = entity_flags(zh, en.replace("and Almaty (25", "and the city (25"))
    assert [(f.severity, s.text) for f in flags for s in f.spans] == [("info", "阿拉木图")]


def test_a_description_in_the_dictionary_does_not_render_a_name() -> None:
    # UNPC dev line 70 (United Nations), 阿勒颇 swapped for 的黎波里: CC-CEDICT describes
    # Tripoli as a city, and "cities" or a transliteration-like "Ladhiqiyah" is not Tripoli
    flags = entity_flags(
        "此外，武装恐怖团伙还袭击了的黎波里和拉塔基亚，在该两市杀害多人。",
        "In addition, armed terrorist groups struck Aleppo and Ladhiqiyah, killing many persons "
        "in both cities.",
    )
    assert any(f.severity == "warning" and "的黎波里" in f.message for f in flags), flags


def test_names_of_the_term_tables_are_left_to_the_term_check() -> None:
    zh, en = CONVENTIONS
    # 《鹿特丹公约》 is in the UN-body table (aligner/qa/data): the term check judges it
    flags = entity_flags(zh, en.replace("Basel, Rotterdam and Stockholm", "Basel and Stockholm"))
    assert flags == []


def test_a_reference_back_is_not_a_name() -> None:
    lexicon = load_lexicon()
    assert lexicon is not None
    view = PairView("t", "安理会欢迎这一进展。", "The Council welcomes this progress.")
    names = en_names(view, ordinary_stems(lexicon, [view]))
    # kept as a reference (never flagged on its own), not as a name
    assert [(n.text, n.evidence) for n in names] == [("Council", "reference")]
    assert entity_flags(view.zh, view.en) == []


def test_names_found_on_each_side() -> None:
    lexicon = load_lexicon()
    assert lexicon is not None
    zh, en = CONVENTIONS
    view = PairView("t", zh, en)
    found = {n.text: n.evidence for n in zh_names(view, lexicon)}
    assert found.get("鹿特丹") == "dictionary"
    names = [n.text for n in en_names(view, ordinary_stems(lexicon, [view]))]
    # "Recognizes" opens the sentence: an ordinary word, not a name
    assert "Recognizes" not in names
    assert "Rotterdam" in names


def test_names_rendered_on_the_other_side_are_not_unrendered() -> None:
    zh, en = MEETINGS
    assert unrendered(PairView("t", zh, en), QAContext()) == ([], [])


def batch_flags(pairs: list[tuple[str, str]]) -> list[list]:
    (check,) = build_checks(["entity"])
    ctx = QAContext()
    views = [PairView(str(i), zh, en) for i, (zh, en) in enumerate(pairs)]
    check.prepare_batch(views, ctx)
    return [check.check(v, ctx) for v in views]


def test_a_dropped_name_the_batch_renders_elsewhere_is_a_warning() -> None:
    # the same sentence twice in a batch: once whole, once with Almaty dropped from the
    # English; the check found 阿拉木图 rendered in the first, so its absence is not a gap
    zh, en = MEETINGS
    dropped = en.replace("and Almaty (25", "and (25")
    whole, cut = batch_flags([(zh, en), (zh, dropped)])
    assert whole == []
    assert [(f.severity, s.text) for f in cut for s in f.spans] == [("warning", "阿拉木图")]
    assert cut[0].details["rendered_elsewhere"] == 1


def test_a_name_the_batch_misses_as_often_stays_a_hint() -> None:
    zh, en = MEETINGS
    dropped = en.replace("and Almaty (25", "and (25")
    other = dropped.replace("Subsequent meetings", "Further meetings")
    *_, cut = batch_flags([(zh, en), (zh, other), (zh, dropped)])
    # rendered in one other pair, missing in another one too: a hint
    assert [f.severity for f in cut] == ["info"]


def test_a_word_does_not_grow_into_a_transliteration() -> None:
    lexicon = load_lexicon()
    assert lexicon is not None
    # UNPC dev line 426: jieba tags 攸关 of 利益攸关方 (stakeholders) as a place name; it is a
    # word, and the transliteration character 方 beside it does not make it a transliteration
    view = PairView(
        "t",
        "强调几内亚比绍的所有利益攸关方都应明确做出承诺，进行真正的包容各方的政治对话，",
        "Stressing that all stakeholders in Guinea-Bissau should work to ensure short, medium "
        "and long-term stability through clear commitment and genuine inclusive political "
        "dialogue",
    )
    found = {n.text: n.evidence for n in zh_names(view, lexicon)}
    assert "攸关方" not in found
    assert "sound" not in found.values()
