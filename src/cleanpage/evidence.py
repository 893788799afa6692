"""What a harvested value must be before it can win a metadata field, wherever it was found.

Every reader (the DOM's tags and bylines, the text detectors, site profiles) offers candidates with a
confidence; the highest wins. Before that, a candidate has to be plausible for its field, so no
reader's slip becomes the document's metadata:

- a date is a real day between the web's first pages (:data:`EARLIEST`) and tomorrow (pages are
  cleaned after they are published; a day of slack for time zones);
- a source, a category or a breadcrumb step is an outlet, a department or a section, never
  navigation: no pager (上一页, 第1页/共3页, ``>>``), no 返回顶部 or 关闭窗口;
- a source is short and no sentence: what follows 来源 in a repost notice is not always an outlet.

Other fields pass unchecked (their readers already parse them with the name, date and count grammars).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

EARLIEST = date(1991, 1, 1)
SOURCE_MAX = 30
NAVIGATION = re.compile(r"上一[页頁篇]|下一[页頁篇]|[上下][页頁]|首[页頁]\s*[|｜]|尾[页頁]|第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁]|"
                        r"<<|>>|[‹›«»]|返回(?:顶部|頂部|首页|首頁|页首|頁首|列表)|关闭窗口|關閉視窗|\b(?:next|previous) page\b",
                        re.IGNORECASE)
SENTENCE_PUNCTUATION = re.compile(r"[，。！？；]")
DATE_FIELDS = frozenset({"published", "updated"})
SECTION_FIELDS = frozenset({"source", "category"})
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def plausible(field: str, value: Any, today: date | None = None) -> bool:
    """Whether ``value`` may stand for ``field`` at all (see the module docstring)."""
    if field in DATE_FIELDS:
        return isinstance(value, str) and _plausible_day(value, today or date.today())
    if field in SECTION_FIELDS:
        return isinstance(value, str) and not NAVIGATION.search(value) and (
            field != "source" or (len(value) <= SOURCE_MAX and not SENTENCE_PUNCTUATION.search(value)))
    if field == "breadcrumb":
        return isinstance(value, list) and not any(NAVIGATION.search(str(step)) for step in value)
    return True


def _plausible_day(value: str, today: date) -> bool:
    match = ISO_DAY.match(value)
    if not match:
        return False
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        shown = date(year, month, day)
    except ValueError:
        return False
    return EARLIEST <= shown <= today + timedelta(days=1)
