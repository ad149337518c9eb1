"""Document symbols, countries, named entities and glossary terms."""

from __future__ import annotations

import pytest

from aligner.qa.check import QAContext
from aligner.qa.entities import default_index, glossary_entry
from aligner.qa.runner import check_pair
from aligner.qa.symbols import extract_symbols


def types(zh: str, en: str, ctx: QAContext | None = None) -> list[str]:
    return [f.type for f in check_pair(zh, en, ctx=ctx)]


def test_symbols_are_found_and_normalised() -> None:
    found = extract_symbols("see S/2022/688, annex; resolution S/RES/2625 (2022); A/76/L.5.")
    assert [m.symbol for m in found] == ["s/2022/688", "s/res/2625", "a/76/l.5"]
    # full-width forms in Chinese text are folded before extraction
    assert check_pair("（见Ｓ／２０２２／６８８）", "(see S/2022/688)") == []


def test_changed_or_dropped_symbol_is_an_error() -> None:
    flags = check_pair("（见S/2022/688，附件）", "(see S/2022/689, annex)")
    assert [(f.type, f.severity) for f in flags] == [("symbol", "error")]
    assert "symbol" in types("秘书长的信（S/2022/688）。", "The letter of the Secretary-General.")


def test_country_adjectives_and_short_forms_count_as_present() -> None:
    assert "country" not in types("亚美尼亚的挑衅。", "Armenian provocations.")
    assert "country" not in types("中方对此表示关切。", "China is concerned about it.")
    assert "country" not in types(
        "亚、阿双方成立了委员会。", "Armenia and Azerbaijan each set up a commission."
    )


def test_swapped_country_is_flagged() -> None:
    assert "country" in types("法国支持这一努力。", "Germany supports this effort.")
    # both names on both sides, but one mention moved from one to the other
    zh = "亚美尼亚武装部队向阿塞拜疆-亚美尼亚边境发起了挑衅。"
    en = "The armed forces of Azerbaijan launched provocations along the Azerbaijan-Armenia border."
    assert "country" in types(zh, en)


def test_lexicon_entities_are_checked() -> None:
    assert "term" in types(
        "我们欢迎欧洲联盟的努力。", "We welcome the efforts of the African Union."
    )
    assert "term" not in types(
        "欧洲安全与合作组织明斯克小组共同主席。",
        "The Co-Chairs of the Minsk Group of the Organization for Security and Co-operation "
        "in Europe.",
    )
    # Chinese records keep some place names in Latin script (the names come from the record's
    # glossary)
    names = [
        {**_entry("克尔巴贾尔", "Kalbajar", "place"), "id": 11},
        {**_entry("拉钦", "Lachin", "place"), "id": 12},
    ]
    ctx = QAContext(entities=default_index(names))
    assert "term" not in types("Kalbajar和Lachin地区。", "The Kalbajar and Lachin districts.", ctx)
    assert "term" in types("克尔巴贾尔地区。", "The Shusha district.", ctx)


def test_glossary_entries_are_enforced_by_status_and_confidence() -> None:
    approved = {
        "id": 7,
        "zh": "撒马尔罕",
        "en": "Samarkand",
        "type": "place",
        "status": "approved",
        "confidence": 0.5,
    }
    weak = {**approved, "id": 8, "status": "candidate", "confidence": 0.4}
    assert glossary_entry(approved) is not None
    assert glossary_entry(weak) is None
    assert glossary_entry({**approved, "status": "rejected"}) is None
    ctx = QAContext(entities=default_index([{**approved, "zh": "某某城", "en": "Someton"}]))
    assert "term" in types("会议在某某城举行。", "The meeting was held in Othertown.", ctx)
    assert "term" not in types("会议在某某城举行。", "The meeting was held in Someton.", ctx)


def _term_flags(zh: str, en: str, entries: list[dict]) -> list[str]:
    ctx = QAContext(entities=default_index(entries))
    return [f.message for f in check_pair(zh, en, ctx=ctx, min_severity="info") if f.type == "term"]


def _entry(zh: str, en: str, type: str = "phraseology") -> dict:
    return {"id": 1, "zh": zh, "en": en, "type": type, "status": "approved", "confidence": 1.0}


def test_a_chinese_term_split_by_an_insertion_is_present() -> None:
    rep = _entry("常驻代表", "Permanent Representative")
    zh = "某国常驻联合国代表给安全理事会主席的信"
    en = (
        "Letter from the Permanent Representative of Someland to the United Nations addressed "
        "to the President of the Security Council"
    )
    assert _term_flags(zh, en, [rep]) == []
    assert (
        _term_flags(
            "关系实现正常化",
            "normalization of relations",
            [_entry("关系正常化", "normalization of relations")],
        )
        == []
    )
    # a real omission is still found, and one-character halves do not count (主…权)
    assert _term_flags("某国代表给主席的信", en, [rep])
    assert _term_flags("主要权利", "sovereignty", [_entry("主权", "sovereignty")])


def test_an_english_term_reworded_or_inflected_is_present() -> None:
    entry = _entry("关系正常化", "normalization of relations")
    zh = "两国努力使关系正常化。"
    assert _term_flags(zh, "Both work to normalize their relations.", [entry]) == []
    assert _term_flags(zh, "The process of normalizing inter-State relations.", [entry]) == []
    assert (
        _term_flags(
            "和平解决争端。",
            "to settle disputes peacefully",
            [_entry("和平解决", "peaceful settlement")],
        )
        == []
    )
    # the words must be near each other, and all of them there
    far = "Relations were tense, and years later the border was normal and quiet again."
    assert _term_flags(zh, far, [entry])
    assert _term_flags(zh, "Both work to improve their relations.", [entry])


def test_a_candidate_compound_does_not_hide_a_missing_known_place() -> None:
    # The record's glossary (built at import; nothing of one record is bundled) has the place
    # 拉钦, approved by a reviewer, and the candidate compound 拉钦地区.
    place = {**_entry("拉钦", "Lachin", "place"), "id": 2}
    candidate = {**_entry("拉钦地区", "Lachin district", "place"), "status": "candidate", "id": 3}
    ctx = QAContext(entities=default_index([place, {**candidate, "confidence": 0.95}]))
    zh = "仅在拉钦地区就发现了1300多枚杀伤人员地雷。"
    swapped = "More than 1,300 anti-personnel mines have been found in the Shusha district alone."
    right = "More than 1,300 anti-personnel mines have been found in the Lachin district alone."
    flags = check_pair(zh, swapped, ctx=ctx)
    assert [(f.type, f.severity) for f in flags] == [("term", "warning")]
    assert check_pair(zh, right, ctx=ctx) == []


def test_a_resolution_cited_with_another_year_is_an_error() -> None:
    # official UN text (UN Parallel Corpus dev set), the year of the English changed
    zh = "安全理事会回顾第1373 ( 2001 )号决议执行部分第2 ( e )段规定的义务。"
    en = (
        "The Security Council recalls the obligations in operative paragraph 2 (e) of "
        "resolution 1373 ({})."
    )
    flags = [f for f in check_pair(zh, en.format(2031)) if f.type == "symbol"]
    assert [f.severity for f in flags] == ["error"]
    assert "1373" in flags[0].message
    assert not [f for f in check_pair(zh, en.format(2001)) if f.type == "symbol"]
    # the year left out on one side is the number check's business, not a changed symbol
    assert not [f for f in check_pair(zh, "It recalls resolution 1373.") if f.type == "symbol"]


def _term_warnings(zh: str, en: str) -> list[str]:
    return [f.message for f in check_pair(zh, en) if f.check == "term" and f.severity != "info"]


def test_a_un_body_rendered_by_another_is_flagged_both_ways() -> None:
    # bodies, titles and instruments of general UN usage (aligner/qa/data/un_bodies.tsv)
    assert _term_warnings(
        "审计委员会审查了账目。", "The Statistical Commission reviewed the accounts."
    )
    assert not _term_warnings(
        "审计委员会审查了账目。", "The Board of Auditors reviewed the accounts."
    )
    assert _term_warnings(
        "独立专家向大会提交了报告。",
        "The Executive Director submitted a report to the General Assembly.",
    )
    assert not _term_warnings(
        "执行主任向大会提交了报告。",
        "The Executive Director submitted a report to the General Assembly.",
    )


def test_a_title_inside_a_longer_title_is_another_rank() -> None:
    assert _term_warnings("常务副秘书长发了言。", "The Secretary-General made a statement.")
    # hyphen or space, and the UN's own title after "United Nations"
    assert not _term_warnings(
        "常务副秘书长发了言。", "The Deputy Secretary General made a statement."
    )
    assert not _term_warnings(
        "前联合国副秘书长发了言。",
        "The former United Nations Deputy Secretary-General made a statement.",
    )


def test_confusable_un_phraseology_is_a_swap_only_with_evidence_on_both_sides() -> None:
    en = "States parties shall submit reports every four years."
    assert _term_warnings("签署国应当每四年提交一次报告。", en)
    assert not _term_warnings("缔约国应当每四年提交一次报告。", en)
    # one side alone is paraphrase, not evidence
    assert not _term_warnings(
        "缔约国应当每四年提交一次报告。", "They shall submit reports every four years."
    )


def test_the_council_answers_the_security_council_but_another_council_does_not() -> None:
    assert not _term_warnings("安理会成员听取了通报。", "Council members heard a briefing.")
    assert not _term_warnings(
        "主席先生，安理会成员今天听取了通报。",
        "Mr. President, Council members heard a briefing today.",
    )
    assert _term_warnings(
        "安理会成员听取了通报。", "Human Rights Council members heard a briefing."
    )


def test_a_chinese_short_form_made_from_the_full_name_answers_the_acronym() -> None:
    # S/PV.9642 (United Nations): China's statement calls UNAMI 联伊团
    zh = "如今已经到了联伊团精简授权、逐步撤出的时候。"
    en = "It is time for UNAMI to be given a streamlined mandate."
    assert [f for f in check_pair(zh, en) if f.type == "term"] == []
    # a short form of another mission is no answer
    zh = "如今已经到了联阿援助团精简授权、逐步撤出的时候。"
    assert [f for f in check_pair(zh, en, min_severity="info") if f.type == "term"]


def test_council_after_a_sentence_opening_word_is_the_security_council() -> None:
    # S/PV.9722 (United Nations)
    zh = "作为安理会成员和维护国际和平与安全的保障者，我们有集体责任。"
    en = "As Council members and guarantors of peace, it is our collective responsibility."
    assert [f for f in check_pair(zh, en) if f.type == "term"] == []
    en = "As Human Rights Council members, it is our collective responsibility."
    assert [f for f in check_pair(zh, en) if f.type == "term"]


def test_a_phrase_swap_among_repeated_terms_is_found_by_counting() -> None:
    # UNPC dev set (United Nations): "human rights" of 人权条约机构 rendered "civil rights",
    # while the Human Rights Council keeps the term on the English side once
    zh = "邀请人权条约机构和人权理事会特别程序继续关注白化病患者的处境；"
    en = (
        "Invites the civil rights treaty bodies and special procedures of the Human Rights "
        "Council to continue to give attention to the situation of persons with albinism;"
    )
    flags = [f for f in check_pair(zh, en) if f.details.get("evidence") == "phrase-count-swap"]
    assert flags
    faithful = en.replace("civil rights", "human rights")
    assert [f for f in check_pair(zh, faithful) if f.type == "term"] == []


def test_a_body_followed_by_a_function_word_is_not_the_start_of_an_acronym_compound() -> None:
    # UNPC dev set (United Nations), the Security Council swapped for the Trusteeship Council;
    # MONUSCO holds an S but 安全理事会 is the subject of 在…, not the start of a longer name
    zh = "我国政府要求安全理事会在先听取刚果民主共和国政府的立场之前，不要对联刚稳定团采取行动。"
    en = (
        "My Government asks the Trusteeship Council not to take action on MONUSCO without first "
        "having heard the position of the Government of the Democratic Republic of the Congo."
    )
    assert [f for f in check_pair(zh, en) if f.type == "term"]


def test_a_body_swapped_for_another_of_its_kind_is_flagged() -> None:
    # 联合国 in 联合国安全理事会 is decoration: "United Nations" does not answer the Council
    assert _term_warnings(
        "与会者欢迎联合国安全理事会通过一项主席声明。",
        "Participants welcomed the adoption of a presidential statement by the United Nations "
        "Trusteeship Council.",
    )
    assert not _term_warnings(
        "与会者欢迎联合国安全理事会通过一项主席声明。",
        "Participants welcomed the adoption of a presidential statement by the United Nations "
        "Security Council.",
    )
    # 委员会 ending another name (…中央管理委员会) is not a UN committee
    assert _term_warnings(
        "国家公共教育署中央管理委员会组建了性别网络。",
        "The Gender Network was established by the Committee on the Rights of Persons with "
        "Disabilities.",
    )
    # 理事会 inside 安全理事会 is the Security Council, not a governing council
    assert _term_warnings(
        "请将本函作为大会议程项目42下的文件和安全理事会的文件分发。",
        "Please circulate this letter as a document of the Governing Council, under agenda "
        "item 42, and of the Security Council.",
    )


def test_a_state_inside_the_name_of_its_body_may_be_left_to_the_body_head() -> None:
    # 司法部 / "the Ministry of Justice": the State is in the name of its own ministry
    flags = check_pair(
        "乌兹别克斯坦共和国司法部的活动得到了完善。",
        "The work of the Ministry of Justice has thus been improved.",
    )
    assert not [f for f in flags if f.check == "country" and f.severity != "info"]
    # with no body head on the other side, the State is missing
    flags = check_pair("乌兹别克斯坦共和国的活动得到了完善。", "The work has thus been improved.")
    assert [f for f in flags if f.check == "country" and f.severity != "info"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("环境规划署提交了报告。", "The United Nations Environment Programme submitted a report."),
        ("儿童基金会提交了报告。", "UNICEF submitted a report."),
        ("秘书长特别代表发了言。", "The Special Representative made a statement."),
        (
            "特别代表发了言。",
            "The Special Representative of the Secretary-General made a statement.",
        ),
        ("大会主席发了言。", "The President of the Assembly made a statement."),
        ("余留机制提交了报告。", "The Residual Mechanism submitted a report."),
    ],
)
def test_short_forms_of_general_un_usage_are_not_flagged(zh: str, en: str) -> None:
    assert not _term_warnings(zh, en)


def test_the_holder_of_a_title_swapped_is_still_flagged() -> None:
    assert _term_warnings(
        "总干事特别代表发了言。",
        "The Special Representative of the Secretary-General made a statement.",
    )


def test_resolution_and_decision_or_convention_and_protocol_swapped_are_flagged() -> None:
    assert _term_warnings(
        "大会在第69/1号决议中请秘书长提交报告。",
        "In its decision 69/1, the General Assembly requested the Secretary-General to report.",
    )
    assert not _term_warnings(
        "大会在第69/1号决议中请秘书长提交报告。",
        "In its resolution 69/1, the General Assembly requested the Secretary-General to report.",
    )
    assert _term_warnings(
        "该登记表可在《公约》网站上查询。", "The registers are on the Protocol website."
    )
