"""The Member State table: complete, consistent, and every name resolving back to its State."""

from __future__ import annotations

import pytest

from aligner.countries import all_countries, by_code, find_mentions, lookup


def test_every_member_and_both_observer_states_are_listed_once() -> None:
    countries = all_countries()
    codes = [c.code for c in countries]
    assert len(countries) == 195
    assert len(set(codes)) == 195
    assert sum(c.status == "member" for c in countries) == 193
    assert {c.en_short for c in countries if c.status == "observer"} == {
        "Holy See",
        "State of Palestine",
    }
    for c in countries:
        assert len(c.code) == 3 and c.code.isupper()
        assert c.en_short and c.en_formal and c.zh_short and c.zh_formal


def test_every_name_and_alias_resolves_to_its_own_state() -> None:
    for c in all_countries():
        for lang in ("zh", "en"):
            for name in c.names(lang):
                assert lookup(name) is c, (name, c.code)
        assert by_code(c.code) is c


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("联合王国", "GBR"),
        ("英国", "GBR"),
        ("聯合王國", "GBR"),  # Traditional characters
        ("the United Kingdom", "GBR"),
        ("美国", "USA"),
        ("United States", "USA"),
        ("俄罗斯", "RUS"),
        ("俄国", "RUS"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("土耳其", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("the Sudan", "SDN"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("伊朗伊斯兰共和国", "IRN"),
        ("教廷", "VAT"),
        ("巴勒斯坦国", "PSE"),
        ("ＵＫ", "GBR"),  # full-width letters
        ("CAN", "CAN"),
    ],
)
def test_names_seen_in_records_resolve(name: str, code: str) -> None:
    found = lookup(name)
    assert found is not None and found.code == code


@pytest.mark.parametrize("word", ["us", "can", "chad-like", "", None, "Armenian", "欧洲"])
def test_ordinary_words_are_not_states(word: str | None) -> None:
    assert lookup(word) is None


def test_official_chinese_and_english_forms() -> None:
    gbr = by_code("GBR")
    assert gbr is not None
    assert gbr.zh_formal == "大不列颠及北爱尔兰联合王国"
    assert gbr.en_formal == "United Kingdom of Great Britain and Northern Ireland"
    chn = by_code("chn")
    assert chn is not None and chn.zh_formal == "中华人民共和国"
    assert chn.en_formal == "People's Republic of China"


def test_mentions_in_running_text_take_the_longest_name() -> None:
    zh = [(m.text, m.country.code) for m in find_mentions("南苏丹和苏丹、赤道几内亚与几内亚", "zh")]
    assert zh == [("南苏丹", "SSD"), ("苏丹", "SDN"), ("赤道几内亚", "GNQ"), ("几内亚", "GIN")]
    en = find_mentions("Armenian troops left Armenia; Equatorial Guinea and Guinea-Bissau", "en")
    assert [(m.text, m.country.code) for m in en] == [
        ("Armenia", "ARM"),
        ("Equatorial Guinea", "GNQ"),
        ("Guinea-Bissau", "GNB"),
    ]
