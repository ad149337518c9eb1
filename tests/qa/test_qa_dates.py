"""Dates and clock times compared by value across the two languages."""

from __future__ import annotations

import pytest

from aligner.qa.check import build_checks
from aligner.qa.dates import extract_dates, extract_times
from aligner.qa.folding import fold
from aligner.qa.runner import check_pair


def date_flags(zh: str, en: str) -> list[str]:
    return [f.message for f in check_pair(zh, en) if f.type == "date"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("2020年11月9日的声明。", "The statement of 9 November 2020."),
        ("2020年11月9日的声明。", "The statement of November 9, 2020."),
        ("二〇二〇年十一月九日的声明。", "The statement of 9 November 2020."),
        ("9月12日傍晚。", "On the evening of 12 September."),
        ("交火持续到9月13日和14日。", "The fire continued into 13 and 14 September."),
        ("9月12日至13日夜间。", "On the night of 12 to 13 September."),
        ("今年5月成立了委员会。", "In May this year a commission was set up."),
        ("2021年5月和11月的攻势。", "The offensives of May and November 2021."),
        ("上午10时05分开会。", "The meeting was called to order at 10.05 a.m."),
        ("从当地时间晚上8点开始停火。", "A ceasefire starting at 8 p.m. local time."),
        ("于巴库时间9月13日上午9时生效。", "It took effect at 9 a.m. Baku time on 13 September."),
    ],
)
def test_same_dates_and_times_are_accepted(zh: str, en: str) -> None:
    assert date_flags(zh, en) == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("2020年11月9日的声明。", "The statement of 19 November 2020."),
        ("2020年11月9日的声明。", "The statement of 9 October 2020."),
        ("2020年11月9日的声明。", "The statement of 9 November 2021."),
        ("9月12日傍晚。", "On the evening."),
        ("上午10时05分开会。", "The meeting was called to order at 10.50 a.m."),
        ("晚上8点开始停火。", "A ceasefire starting at 8 a.m."),
    ],
)
def test_changed_or_dropped_dates_are_flagged(zh: str, en: str) -> None:
    assert date_flags(zh, en)


def test_may_the_verb_is_not_a_month() -> None:
    assert extract_dates(fold("These incidents may erode trust."), "en") == []
    assert [d.month for d in extract_dates(fold("in May this year"), "en")] == [5]


def test_times_read_the_period_of_day() -> None:
    (t,) = extract_times(fold("上午10时05分"), "zh")
    assert t.candidates == {(10, 5)}
    (t,) = extract_times(fold("晚8时"), "zh")
    assert t.candidates == {(20, 0)}
    (t,) = extract_times(fold("at 11.35 a.m."), "en")
    assert t.candidates == {(11, 35)}


# Meeting notices of the UN Parallel Corpus dev set (../shared/real/unpc-dev, United Nations)
@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # the weekday changed in the English: 18 February 2015 was a Wednesday
        (
            "定于2015年2月18日星期三上午10时举行",
            "To be held on Friday, 18 February 2015, at 10 a.m.",
        ),
        # ... in the Chinese
        (
            "定于2015年2月18日星期六上午10时举行",
            "To be held on Wednesday, 18 February 2015, at 10 a.m.",
        ),
        # weekdays that differ, with no year to check them against
        ("定于2月18日星期三举行", "To be held on Friday, 18 February."),
    ],
)
def test_a_changed_weekday_is_flagged(zh: str, en: str) -> None:
    flags = [f for f in check_pair(zh, en, checks=build_checks(["date"])) if f.severity == "error"]
    assert flags and "day" in flags[0].message


def test_a_right_weekday_is_not_flagged() -> None:
    zh = "定于2015年2月18日星期三上午10时举行"
    en = "To be held on Wednesday, 18 February 2015, at 10 a.m."
    assert check_pair(zh, en, checks=build_checks(["date"])) == []
