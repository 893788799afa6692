"""Harvested evidence and the one rule that merges it into metadata fields, wherever it was found.

Every reader (the DOM's tags and bylines, the thread reader, the decoder and the limits, the text
detectors, site profiles) offers :class:`Harvested` candidates to one :class:`Evidence` per page
with a confidence, and :meth:`Evidence.offer` keeps, per field, the most confident one (on a tie the
first, so an earlier and surer reader is never overruled by a later guess of the same strength);
list fields can be appended to instead. Two dates of the same day are one date at two precisions:
whichever wins, the time of day the page shows on one of them is kept (发布日期 2024-01-10 in a table,
发布时间：2024-01-10 16:20 in the byline); a time only a tag holds (a meta tag, JSON-LD) is not shown, and a
date is given at the precision the page shows (gold conventions). Before a candidate can win it has to be plausible for its
field, so no reader's slip becomes the document's metadata:

- a date is a real day between the web's first pages (:data:`EARLIEST`) and tomorrow (pages are
  cleaned after they are published; a day of slack for time zones);
- a source, a category or a breadcrumb step is an outlet, a department or a section, never
  navigation: no pager (上一页, 第1页/共3页, ``>>``), no 返回顶部 or 关闭窗口;
- a source is short and no sentence: what follows 来源 in a repost notice is not always an outlet.

Other fields pass unchecked (their readers already parse them with the name, date and count grammars).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass
class Harvested:
    """One candidate value for a metadata field: what was found, by which rule, in which raw text, how surely."""

    value: Any
    rule: str
    raw: str
    confidence: float
    shown: bool = True  # read from the page's visible text, not from a tag or the address


class Evidence(dict[str, Harvested]):
    """A page's metadata candidates by field, merged by one rule (:meth:`offer`)."""

    def offer(self, name: str, value: Any, rule: str, raw: str = "", confidence: float = 0.5, *,
              append: bool = False, shown: bool = True) -> bool:
        """Keep ``value`` for ``name`` if it is plausible and more confident than what is there; with
        ``append``, add its items to the list the field holds; ``shown`` is false for a value read from a tag.
        Whether anything changed."""
        if value is None or value == "" or value == []:
            return False
        current = self.get(name)
        if append:
            values = list(current.value) if current else []
            items = value if isinstance(value, list) else [value]
            values.extend(item for item in items if item not in values)
            self[name] = Harvested(values, rule, raw, max(confidence, current.confidence if current else 0.0))
            return True
        if not plausible(name, value):
            return False
        if current is not None and confidence <= current.confidence:
            if name in DATE_FIELDS and shown and _adds_time(value, current.value):
                self[name] = Harvested(value, f"{current.rule}, its time from {rule}", current.raw, current.confidence,
                                       current.shown)
                return True
            return False
        if current is not None and name in DATE_FIELDS and current.shown and _adds_time(current.value, value):
            value, rule = current.value, f"{rule}, its time from {current.rule}"
        self[name] = Harvested(value, rule, raw, confidence, shown)
        return True


def _adds_time(timed: Any, day: Any) -> bool:
    """Whether ``timed`` is the day ``day`` with a time of day."""
    return isinstance(timed, str) and isinstance(day, str) and len(day) == 10 and timed.startswith(day + "T")


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
