"""Chinese date grammar: page text to ISO 8601 at the precision the page shows.

``2018-6-13`` -> ``2018-06-13``; ``2020年8月3日 10:30`` -> ``2020-08-03T10:30``;
``民國113年8月15日`` and ``113-08-15`` (ROC years) -> ``2024-08-15``;
``二〇二〇年八月三日`` -> ``2020-08-03``; ``下午2:30`` -> ``14:30``;
``Jul 28 Sun 2024 21:15`` -> ``2024-07-28T21:15``; ``Sat Nov 17 20:45:03 2012`` -> ``2012-11-17T20:45``;
``2021-03-05T14:23:11+08:00`` -> ``2021-03-05T14:23``. Seconds and time zones
are dropped (the gold convention); a date-only value never gets a time;
``2019年6月`` -> ``2019-06``. Anything that does not validate is ``None``:
never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .shadow import _tables, fold

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}
_CN = "〇○零Ｏ一二三四五六七八九十"

# The pieces of the numeric shapes, written once: the parser below and the line patterns of the detectors
# (``DATE_TEXT``) and site profiles (``mentions_date``) are built from them, so a page's date is one shape
# everywhere. All of them read the shadow, lower-cased (``t`` is ISO's ``T``).
_YEAR = r"(?:19|20)\d{2}"
_ROC_YEAR = r"\d{1,3}"  # after 民国
_SHORT_YEAR = r"1\d{2}|\d{2}"  # a bare ROC year (113) or a two-digit Gregorian one (18-03-08)
_MONTH_NUMBER = r"[01]?\d"
_DAY_NUMBER = r"[0-3]?\d"
_HOUR = r"[0-2]?\d"
_MINUTE = r"[0-5]\d"
_WEEKDAY = r"[(（]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*[)）]?"
# The zone a time is given in, before it: ``香港時間16時30分``, ``北京时间 10:00``.
_ZONE = r"(?:(?:北京|香港|台北|澳门|澳門|东京|東京)?\s*(?:时间|時間))"


def _group(name: str, body: str, named: bool) -> str:
    return f"(?P<{name}>{body})" if named else f"(?:{body})"


def _time(named: bool) -> str:
    """``10:30``, ``下午2:30``, ``10时30分``, ``10时30分45秒``, ``21:15:08``, ``9:05 pm``; ``named`` adds the
    parser's groups. Seconds are matched (so a line's date ends after them) but not kept."""
    return (rf"(?:\s*{_ZONE})?(?:\s*{_group('ampm', '上午|下午|晚上|凌晨|中午|早上|am|pm', named)})?\s*"
            rf"{_group('hour', _HOUR, named)}\s*[:时時点點]\s*{_group('minute', _MINUTE, named)}"
            r"(?:\s*分)?(?:\s*[:：]\s*[0-5]\d(?:\.\d+)?(?:\s*秒)?|(?<=分)\s*[0-5]\d\s*秒)?"
            rf"(?:\s*{_group('ampm2', 'am|pm', named)})?")


def _numeric(named: bool) -> str:
    """A numeric date with an optional weekday and time: ``2018-6-13``, ``2020年8月3日 10:30``,
    ``民国113年8月15日``, ``113-08-15``, ``18-03-08``; ``named`` adds the parser's groups."""
    year = (f"(?:(?:中华民国|民国)\\s*{_group('roc', _ROC_YEAR, named)}|{_group('year', _YEAR, named)}"
            f"|{_group('year3', _SHORT_YEAR, named)})")
    return (rf"(?<![\d]){year}\s*{_group('sep', '[-/.年]', named)}\s*{_group('month', _MONTH_NUMBER, named)}"
            rf"\s*(?:[-/.月])\s*{_group('day', _DAY_NUMBER, named)}(?![\d])\s*[日号]?"
            rf"(?:[ \tt]*,?[ \t]*(?:{_WEEKDAY})?{_time(named)})?")  # 2014-05-06, 21:33:05 (SMF, MyBB)


NUMERIC = re.compile(_numeric(named=True))
DATE_TEXT = _numeric(named=False)
"""The numeric date shape without groups, for line patterns that hold a date (``发表于 {DATE_TEXT}``, a forum
post header): what it matches is read with :func:`parse_date`, which also validates it."""
# A day of the month or a clock time alone (``3月5日``, ``10:30``): not a date :func:`find_date` can give,
# but a line showing one is dated (:func:`mentions_date`).
PARTIAL = re.compile(rf"(?<!\d){_MONTH_NUMBER}月{_DAY_NUMBER}日|(?<!\d){_HOUR}:{_MINUTE}(?!\d)")
# Month names of the languages a crawl meets, written out and abbreviated (``Jul 28 Sun 2024 21:15`` on
# blog platforms, ``July 28, 2024``, ``28 Jul 2024``, ``6. Januar 2022``, ``10 décembre 2019``,
# ``6 de mayo de 2022``, ``三月 15, 2005``), each with its month's number; lower case, as on the shadow.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
MONTH_NAMES: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTHS, 1)},
    **{name[:3]: number for number, name in enumerate(MONTHS, 1)}, "sept": 9,
    # German
    **{name: number for number, name in enumerate(
        ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
         "dezember"), 1)}, "jänner": 1, "mär": 3, "mrz": 3, "okt": 10, "dez": 12,
    # French
    **{name: number for number, name in enumerate(
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
         "décembre"), 1)}, "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,
    # Spanish and Portuguese
    **{name: number for number, name in enumerate(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
         "diciembre"), 1)}, "setiembre": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    **{name: number for number, name in enumerate(
        ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
         "dezembro"), 1)},
    # Italian and Dutch
    **{name: number for number, name in enumerate(
        ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
         "novembre", "dicembre"), 1)},
    **{name: number for number, name in enumerate(
        ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
         "december"), 1)},
    # Chinese, where an engine's translation puts the month in the English slot (phpBB 2: ``三月 15, 2005 9:14 pm``)
    **{name + "月": number for number, name in enumerate(("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"), 1)},
}
_MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
# A weekday before the year (``Jul 28 Sun 2024``), in English.
_EN_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
ENGLISH = re.compile(
    rf"""
    (?<![^\W\d_])(?:(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?
    |(?P<day2>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?(?P<month2>{_MONTH})\.?(?:\s+de)?)(?![^\W\d_])
    ,?\s+(?:{_EN_WEEKDAY})?(?P<year>(?:19|20)\d{{2}})(?!\d)
    (?:,?[ \t]*(?:-|à|a las|um|at)?""" + _time(named=True) + r""")?
    """,
    re.VERBOSE,
)
# A day before its month, with points (``21.01.2022``, ``5.2.2020 - 13:30``: German, Scandinavian, Russian
# pages), or with slashes or hyphens when only one reading is a date (``17/02/2022``: no 17th month; an
# ambiguous ``03/04/2020`` is left alone, as is a number with more points, a version or a price).
DAY_FIRST = re.compile(
    r"(?<![\d.,/-])(?P<day>[0-3]?\d)\s?(?P<sep>[./-])\s?(?P<month>[01]?\d)\s?(?P=sep)\s?(?P<year>(?:19|20)\d{2})"
    r"(?![\d]|[./-]\d)(?:,?[ \t]*(?:-|um|à|a las|at|,)?" + _time(named=True) + r")?")
# A clock time before its date, as American news sites print it (``5:12 PM EDT, April 9, 2025``, ``9:05 a.m. ET on
# Tuesday, March 5, 2024``): the time with its half of the day, a zone, then the date.
TIME_FIRST = re.compile(
    rf"""(?<![\d:])(?P<hour>[01]?\d):(?P<minute>[0-5]\d)\s*(?P<ampm>[ap])\.?m\.?\s*(?:(?!on\b)[a-z]{{2,5}},?\s+)?(?:on\s+)?
    (?:{_EN_WEEKDAY})?(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)""",
    re.VERBOSE,
)
# The year printed apart from the month and day, as a news site's header sets them in spans of their own (``<span
# class="year">2024</span><span class="day">03/05</span><span class="time">21:14:37</span>``: ``2024 03/05 21:14:37``).
YEAR_APART = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})[ \t\u3000]+(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"
                        r"(?:[ \t\u3000]+(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d))?")
# A 24-hour clock right before a numeric date, as some news sites print their time stamp (``14:32 2024/03/05``).
CLOCK_BEFORE = re.compile(r"(?<![\d:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?[ \t\u3000]+$")
# ``Sat Nov 17 20:45:03 2012`` (C's ctime: BBS mail headers, PTT, server logs): the time before the year.
CTIME = re.compile(
    rf"""(?<![a-z])(?:{_EN_WEEKDAY})?(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)\s+
    (?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)""",
    re.VERBOSE,
)
MONTH_ONLY = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>[01]?\d)\s*月(?!\s*\d)"
                        # a personal site's 1998-3: a year and a month, with nothing date-like after them
                        # (never with a point: 价格是2019.5元 is a price)
                        r"|(?<![\d.\-/])(?P<nyear>(?:19|20)\d{2})\s*[-/]\s*(?P<nmonth>[01]?\d)(?![\d.\-/:：])")
CHINESE = re.compile(rf"(?P<year>[{_CN}]{{4}})\s*年\s*(?P<month>[{_CN}]{{1,2}})\s*月\s*(?P<day>[{_CN}]{{1,3}})\s*日")
ISO = re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})t(?P<hour>\d{2}):(?P<minute>\d{2})")
# Every date form above holds a digit or 年 (on the shadow): a line with neither in any spelling the
# shadow folds to them has no date, and is rejected before it is folded.
DATE_HINT = re.compile("[" + "".join(sorted({"年", *(chr(code) for code, simple in _tables()[2].items()
                                                     if chr(simple) == "年")})) + r"]|\d")

# Every date above given with a time of day shows its clock on the shadow as a digit, the hour's separator and a
# digit, only spaces between (``10:30``, ``10时30分``, ``t14:23``). The shadow folds one character for one, only
# digits to digits and spaces to spaces, and the separators from these characters alone: a text without such a run
# shows no time of day (checked for every code point), and a caller looking for one can skip it unread.
CLOCK_SEPARATOR = re.compile("[" + "".join(sorted({":", "：", *"时時点點", *(
    chr(code) for code, simple in _tables()[2].items() if chr(simple) in "时時点點")})) + "]")
CLOCK_HINT = re.compile(r"\d\s*" + CLOCK_SEPARATOR.pattern + r"\s*\d")


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int


def _cn_number(text: str) -> int | None:
    """Chinese numerals as used in dates: digit by digit for years, 十-based for months and days."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + CN_DIGITS[ch]
        return value
    tens, _, units = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return False
    if day is None:
        return True
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _hour(hour: int, ampm: str | None) -> int:
    if ampm in ("下午", "晚上", "pm") and hour < 12:
        return hour + 12
    if ampm in ("凌晨", "上午", "早上", "am") and hour == 12:
        return 0
    return hour


def _year(match: re.Match[str], roc: bool) -> int | None:
    if match.group("roc"):
        return int(match.group("roc")) + 1911
    if match.group("year"):
        return int(match.group("year"))
    short = match.group("year3")
    if len(short) == 3:  # a three-digit year only exists in the ROC calendar
        return int(short) + 1911
    if roc and match.group("sep") == "年":
        return int(short) + 1911
    if match.group("sep") == "-":  # 18-03-08: two-digit Gregorian year
        return 2000 + int(short)
    return None


def _iso_numeric(match: re.Match[str], roc: bool) -> str | None:
    year = _year(match, roc)
    month, day = int(match.group("month")), int(match.group("day"))
    if year is None or not _valid(year, month, day):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if match.group("hour") is not None:
        hour = _hour(int(match.group("hour")), match.group("ampm") or match.group("ampm2"))
        minute = int(match.group("minute"))
        if hour <= 23:
            out += f"T{hour:02d}:{minute:02d}"
    return out


def _month_number(name: str) -> int:
    return MONTH_NAMES[name]


def _iso_english(match: re.Match[str]) -> str | None:
    month = _month_number(match["month"] or match["month2"])
    year, day = int(match["year"]), int(match["day"] or match["day2"])
    if not _valid(year, month, day):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if match["hour"] is not None:
        hour = _hour(int(match["hour"]), match["ampm"] or match["ampm2"])
        if hour <= 23:
            out += f"T{hour:02d}:{match['minute']}"
    return out


def _iso_day_first(match: re.Match[str]) -> str | None:
    """``21.01.2022`` is a day first; with slashes or hyphens only when the other reading is no date."""
    first, second, year = int(match["day"]), int(match["month"]), int(match["year"])
    if match["sep"] != "." and second <= 12 and first <= 12:
        return None  # 03/04/2020: the 3rd of April or the 4th of March, and nothing on the page says which
    day, month = (first, second) if second <= 12 else (second, first)
    if not _valid(year, month, day):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if match["hour"] is not None:
        hour = _hour(int(match["hour"]), match["ampm"] or match["ampm2"])
        if hour <= 23:
            out += f"T{hour:02d}:{match['minute']}"
    return out


def _iso_time_first(match: re.Match[str]) -> str | None:
    month, year, day = _month_number(match["month"]), int(match["year"]), int(match["day"])
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{_hour(int(match['hour']), match['ampm'] + 'm'):02d}:{match['minute']}"


def _iso_ctime(match: re.Match[str]) -> str | None:
    month = _month_number(match["month"])
    year, day, hour = int(match["year"]), int(match["day"]), int(match["hour"])
    if not _valid(year, month, day) or hour > 23:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{match['minute']}"


def _iso_year_apart(match: re.Match[str]) -> str | None:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not _valid(year, month, day):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso + f"T{int(match['hour']):02d}:{match['minute']}" if match["hour"] and int(match["hour"]) <= 23 else iso


@lru_cache(maxsize=4096)  # the page's readers ask about the same lines again (a third of the calls); FoundDate is frozen
def find_date(text: str, *, roc: bool = False) -> FoundDate | None:
    """The first date in ``text`` (offsets refer to ``text``), or ``None``."""
    if not DATE_HINT.search(text):
        return None
    shadow = fold(text).lower()
    candidates: list[FoundDate] = []
    match = ISO.search(shadow)
    if match and _valid(int(match["year"]), int(match["month"]), int(match["day"])):
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour <= 23 and minute <= 59:
            iso = f"{match['year']}-{match['month']}-{match['day']}T{hour:02d}:{minute:02d}"
            candidates.append(FoundDate(iso, match.start(), _iso_end(shadow, match.end())))
    for match in NUMERIC.finditer(shadow):
        numeric = _iso_numeric(match, roc)
        if numeric:
            start = match.start()
            clock = CLOCK_BEFORE.search(shadow, 0, start) if "T" not in numeric else None
            if clock:  # the time printed before its date (14:32 2024/03/05)
                numeric, start = f"{numeric}T{int(clock['hour']):02d}:{clock['minute']}", clock.start()
            candidates.append(FoundDate(numeric, start, match.end()))
            break
    for match in YEAR_APART.finditer(shadow):
        if apart := _iso_year_apart(match):
            candidates.append(FoundDate(apart, match.start(), match.end()))
            break
    for match in ENGLISH.finditer(shadow):
        english = _iso_english(match)
        if english:
            candidates.append(FoundDate(english, match.start(), match.end()))
            break
    for match in TIME_FIRST.finditer(shadow):
        time_first = _iso_time_first(match)
        if time_first:
            candidates.append(FoundDate(time_first, match.start(), match.end()))
            break
    for match in DAY_FIRST.finditer(shadow):
        day_first = _iso_day_first(match)
        if day_first:
            candidates.append(FoundDate(day_first, match.start(), match.end()))
            break
    for match in CTIME.finditer(shadow):
        ctime = _iso_ctime(match)
        if ctime:
            candidates.append(FoundDate(ctime, match.start(), match.end()))
            break
    for match in CHINESE.finditer(shadow):
        year, month, day = (_cn_number(match[g]) for g in ("year", "month", "day"))
        if year is not None and month is not None and day is not None and _valid(year, month, day):
            candidates.append(FoundDate(f"{year:04d}-{month:02d}-{day:02d}", match.start(), match.end()))
            break
    if not candidates:
        for match in MONTH_ONLY.finditer(shadow):
            year, month = int(match["year"] or match["nyear"]), int(match["month"] or match["nmonth"])
            if _valid(year, month):
                return FoundDate(f"{year:04d}-{month:02d}", match.start(), match.end())
        return None
    return min(candidates, key=lambda found: (found.start, -len(found.iso)))


ISO_TAIL = re.compile(r"(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?")


def _iso_end(shadow: str, end: int) -> int:
    tail = ISO_TAIL.match(shadow, end)
    return tail.end() if tail else end


def mentions_date(text: str) -> bool:
    """The text shows a date, a day of the month (``3月5日``) or a clock time (``10:30``): a dated line.

    Looser than :func:`find_date`, which must give a whole date: a template line dated ``08-12 10:30`` or
    ``3月5日`` changes from page to page like a full date does.
    """
    return bool(PARTIAL.search(fold(text))) or find_date(text) is not None


def parse_date(text: str, *, roc: bool = False) -> str | None:
    """ISO 8601 for the first date in ``text``; ``roc`` reads bare ``98年`` years as ROC years."""
    found = find_date(text, roc=roc)
    return found.iso if found else None
