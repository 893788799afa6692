from __future__ import annotations

import re

import pytest

from cleanpage.dates import DATE_TEXT, find_date, mentions_date, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("更新时间:2018-6-13 阅读:4704", "2018-06-13"),
        ("2020年8月3日 10:30", "2020-08-03T10:30"),
        ("发布时间：2022-02-13 04:22:18", "2022-02-13T04:22"),
        ("2019年06月15日08:18 来源：人民网", "2019-06-15T08:18"),
        ("2021-03-05T14:23:11+08:00", "2021-03-05T14:23"),
        ("民國113年8月15日", "2024-08-15"),
        ("中華民國91年3月19日", "2002-03-19"),
        ("113-08-15", "2024-08-15"),
        ("二〇二〇年八月三日", "2020-08-03"),
        ("二○○五年十二月三十一日", "2005-12-31"),
        ("2021年3月5日 下午2:30", "2021-03-05T14:30"),
        ("2021年3月5日（星期五）14:23", "2021-03-05T14:23"),
        ("18-03-08 23:16", "2018-03-08T23:16"),
        ("2021/03/05 星期五", "2021-03-05"),
        ("２０２１年３月５日", "2021-03-05"),
        ("2019年6月", "2019-06"),
        ("Mar 3 Fri 2023 08:40", "2023-03-03T08:40"),
        ("September 3, 2023 9:05 pm", "2023-09-03T21:05"),
        ("3 Sept 2023", "2023-09-03"),
        ("發表於: 星期二 三月 15, 2005 9:14 pm", "2005-03-15T21:14"),
        ("Published 5:12 PM EDT, April 9, 2025", "2025-04-09T17:12"),
        ("Updated 9:05 a.m. ET on Tuesday, March 5, 2024", "2024-03-05T09:05"),
        ("星期三 十二月 16, 2005 12:08 am", "2005-12-16T00:08"),
    ],
)
def test_dates_at_the_pages_precision(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2024-13-45", "价格是2019.5元", "Mayor 2024", "Feb 30 2024", "电话 0478-8655532", "第3页", "2月30日", "", "1999"])
def test_no_date_is_invented(text: str) -> None:
    assert parse_date(text) is None


def test_roc_years_only_when_asked_for_two_digit_years() -> None:
    assert parse_date("98年11月18日") is None
    assert parse_date("98年11月18日", roc=True) == "2009-11-18"


def test_offsets_point_into_the_original_text() -> None:
    text = "稿件日期：２０２１年３月５日 10:20"
    found = find_date(text)
    assert found is not None
    assert text[found.start:found.end].startswith("２０２１")


def test_ctime_dates_of_bbs_headers() -> None:
    from cleanpage.dates import parse_date

    assert parse_date("发信站: 水木社区 (Sat Nov 17 20:45:03 2012), 站内") == "2012-11-17T20:45"
    assert parse_date("Mon Feb 29 23:59 2016") == "2016-02-29T23:59"
    assert parse_date("Tue Feb 30 10:00:00 2016") is None  # not a day


@pytest.mark.parametrize(("text", "iso"), [("时间：1998-3", "1998-03"), ("1998/11", "1998-11"), ("2019-2020赛季", None),
                                           ("价格是2019.5元", None)])
def test_a_date_shown_to_the_month_only(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_seconds_after_fen_end_the_date() -> None:
    found = find_date("发布时间：2020年1月2日 10时30分45秒 来源：新华社")
    assert found is not None and found.iso == "2020-01-02T10:30"
    assert "发布时间：2020年1月2日 10时30分45秒 来源：新华社"[found.end:].strip() == "来源：新华社"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("楼主 发表于 2016/3/8 下午 09:15:22", "2016/3/8 下午 09:15:22"),
        ("发文日期:111年3月2日", "111年3月2日"),
        ("民国113年7月24日 下午 4:35", "民国113年7月24日 下午 4:35"),
        ("时间:2023年5月12日(周五)下午2:30 地点:学院报告厅", "2023年5月12日(周五)下午2:30"),
        ("2020年1月2日 10时30分45秒", "2020年1月2日 10时30分45秒"),
        ("18-03-08 23:16", "18-03-08 23:16"),
    ],
)
def test_date_text_is_the_shape_the_parser_reads(line: str, date: str) -> None:
    """Line patterns embed DATE_TEXT; what it spans is exactly a date the parser gives."""
    match = re.search(DATE_TEXT, line)
    assert match is not None and match.group().strip() == date
    assert parse_date(match.group()) == parse_date(date) is not None


@pytest.mark.parametrize("line", ["11.09.2011", "isbn 978-3-7828-1534-5", "第3.5.1节"])
def test_date_text_leaves_what_is_not_a_date(line: str) -> None:
    assert re.fullmatch(DATE_TEXT, line) is None


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("发布时间：2019-09-07 09:59", True),
        ("更新于 3月5日", True),  # a day of the month without the year
        ("08-12 10:30 来源：今日头条", True),  # a clock time
        ("二〇二〇年八月三日", True),
        ("September 3, 2023", True),
        ("2019年6月", True),
        ("阅读 4704 评论 12", False),
        ("第3章 共12节", False),
        ("比赛 2019-13-45 编号", False),  # not a valid date
    ],
)
def test_mentions_date(line: str, dated: bool) -> None:
    assert mentions_date(line) is dated


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("21.01.2022 - 13:30", "2022-01-21T13:30"),
        ("am 5.2.2020", "2020-02-05"),
        ("17/02/2022", "2022-02-17"),  # no 17th month: the day is first
        ("Monday, 6 January 2020", "2020-01-06"),
        ("6. Januar 2022", "2022-01-06"),
        ("12. März 2021, 10:15 Uhr", "2021-03-12T10:15"),
        ("Le 19 février 2020", "2020-02-19"),
        ("1er janvier 2020 à 10:30", "2020-01-01T10:30"),
        ("6 de mayo de 2022", "2022-05-06"),
        ("3 de maio de 2022", "2022-05-03"),
        ("12 settembre 2019", "2019-09-12"),
        ("4 maart 2021", "2021-03-04"),
    ],
)
def test_european_dates_put_the_day_first(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["03/04/2020", "31.02.2022", "v1.2.3.2020", "1,5.3.2020", "mayo 2022", "Mai 2022"])
def test_a_day_first_date_is_read_only_when_one_reading_is_a_day(text: str) -> None:
    assert parse_date(text) is None  # 03/04/2020 is the 3rd of April or the 4th of March: nothing says which


@pytest.mark.parametrize(
    ("text", "iso"),
    [("« 回复 #1 于: 2014-05-06, 21:33:05 »", "2014-05-06T21:33"), ("2015-08-02, 下午 09:41", "2015-08-02T21:41"),
     ("2014年5月6日, 21:33", "2014-05-06T21:33"), ("2014-05-06,12", "2014-05-06")],
)
def test_a_comma_between_a_date_and_its_time(text: str, iso: str) -> None:
    assert parse_date(text) == iso  # SMF and MyBB post headers; a number after the comma is no time


def test_a_weekday_in_full_width_brackets_and_a_time_zone_word_stand_between_a_date_and_its_time() -> None:
    assert parse_date("2024年3月5日（星期二）\n香港時間16時30分") == "2024-03-05T16:30"
    assert parse_date("2024年3月5日 北京时间 10:00") == "2024-03-05T10:00"
    assert parse_date("2024年3月5日（礼拜二）") == "2024-03-05"
    assert parse_date("2024年3月5日 时间不定") == "2024-03-05"  # a zone word with no time after it adds nothing


@pytest.mark.parametrize(("text", "iso"), [
    ("14:32 2024/03/05", "2024-03-05T14:32"),  # the time printed before its date
    ("发布于 10:30 2024-3-5 更新", "2024-03-05T10:30"),
    ("2024 03/05 21:14:37", "2024-03-05T21:14"),  # the year in a span of its own
    ("比分 3:2 2024年3月5日", "2024-03-05"),  # a score is no clock
])
def test_a_clock_before_its_date_and_a_year_printed_apart(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found.iso == iso


def test_a_year_apart_needs_a_real_month_and_day() -> None:
    assert find_date("IPv6 2024 13/05") is None


def test_clock_hint_reads_every_spelling_the_shadow_folds_to_a_clock() -> None:
    """``CLOCK_HINT`` is read on the text, the clock patterns on its shadow: every character whose shadow is a digit,
    a space or a clock separator is one itself (one character for one), so a text it rejects shows no time."""
    from cleanpage.dates import CLOCK_HINT, CLOCK_SEPARATOR
    from cleanpage.shadow import fold

    digit, space = re.compile(r"\d"), re.compile(r"\s")
    for code in (c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF):
        char = chr(code)
        shadow = fold(char).lower()
        if digit.search(shadow):
            assert digit.match(char) and len(shadow) == 1, hex(code)
        if space.search(shadow):
            assert space.match(char) and len(shadow) == 1, hex(code)
        if any(ch in ":时時点點" for ch in shadow):
            assert CLOCK_SEPARATOR.match(char) and len(shadow) == 1, hex(code)
    assert CLOCK_HINT.search("2021年3月5日 下午2 ： 30") and CLOCK_HINT.search("１０時３０分")
    assert not CLOCK_HINT.search("发布时间：2022-02-13") and find_date("更新时间:2018-6-13") is not None
