"""C13 pagination: pagers, page-position statements and per-page title lists.

Removes pager lines at the page's edges (``上一页 1 2 3 … 10 下一页``,
``首页 上一頁 下一頁 尾页``, ``[1] [2] [3]``, ``跳转到第 [ ] 页 GO``),
page-position lines anywhere when they are the whole line (``第2页 共5页``,
``第 2 頁，共 5 頁``, ``本文共3页``, ``(2/3)``), a bare pager word line
(``下一页``) anywhere, and lists of the title repeated with ``_第N页``.
Harvests ``pages`` as ``{"current": n, "total": m}`` with only what the page
states: ``第N页`` gives the current page, ``共M页`` or ``N/M`` the total, a
numeric pager its highest page number; a per-page title list states no total
(a preview lists only some pages) and harvests nothing.

Never removes: citations inside sentences (``详见报告第3页的数据汇总表。``),
instructions (``点击“下一页”继续填写表单。``), code, numeric pagers inside the
body (a table row or a line-number gutter may look the same), or "read the
whole text" markers, which are truncation (C23).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ..shadow import fold
from ._platform_lexicon import edge_positions, whole
from ._shapes import compact

MAX_VLEN = 60
NAV_WORDS = ("返回上一页", "最后一页", "上一页", "下一页", "前一页", "后一页", "第一页", "最末页", "首页", "尾页", "末页",
             "返目录", "余下全文", "单页阅读", "跳转到", "跳转", "跳至", "转到", "前往", "go")
NAV = re.compile("|".join(NAV_WORDS))
# What a pager may hold besides its words: numbers, brackets, separators, ellipses, page words.
PAGER_FILLER = re.compile(r"[\d\s\[\]()<>«»|/,:._…·\-]|第|页|共|到|\.\.\.")
POSITION = re.compile(r"^[\[【(]?(?:第\s*(?P<current>\d+)\s*页\s*[/,]?\s*)?(?:本文)?共\s*(?P<total>\d+)\s*页[\]】)]?")
CURRENT_ONLY = re.compile(r"^第\s*(?P<current>\d+)\s*页$")
FRACTION = re.compile(r"^\(\s*(?P<current>\d+)\s*/\s*(?P<total>\d+)\s*\)$")
PAGER_FRACTION = re.compile(r"(?<!\d)(?P<current>\d+)\s*/\s*(?P<total>\d+)(?!\d)")
TITLE_FRACTION = re.compile(r"\(\s*(?P<current>\d+)\s*/\s*(?P<total>\d+)\s*\)$")
PAGE_TITLE = re.compile(r"^(?P<stem>.+?)_?第\d+页$")
NUMBER = re.compile(r"\d+")
# ``2022/11/30`` alone on a line is a date, not page 2022 of 11.
DATE_ONLY = re.compile(r"(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}")


def _is_pager(line: str) -> bool:
    """A line made only of pager words, numbers and separators, with evidence of paging."""
    if PAGER_FILLER.sub("", NAV.sub("", line)) or DATE_ONLY.fullmatch(line):
        return False
    words = NAV.findall(line)
    numbers = set(NUMBER.findall(line))
    return len(numbers) >= 2 or len(set(words)) >= 2 or "返回上一页" in words or bool(words and numbers)


def _is_bare_nav(line: str) -> bool:
    """A line of pager words only (``下一页``, ``上一页 下一页``): safe anywhere."""
    return bool(line) and not NAV.sub("", line).strip("|/·") and not NUMBER.search(line)


def _pages(line: str) -> dict[str, int]:
    """Current and total page as the line states them."""
    match = POSITION.match(line) or FRACTION.match(line) or CURRENT_ONLY.match(line) or PAGER_FRACTION.search(line)
    if match:
        return {k: int(v) for k, v in match.groupdict().items() if v}
    numbers = [int(n) for n in NUMBER.findall(line)]
    last_number = list(NUMBER.finditer(line))
    if len(numbers) >= 2 and last_number and not re.match(r"\s*(?:…|\.\.\.)", line[last_number[-1].end():]):
        return {"total": max(numbers)}
    return {}


def _is_position(line: str) -> bool:
    for pattern in (POSITION, FRACTION, CURRENT_ONLY):
        match = pattern.match(line)
        if match and (match.end() == len(line) or _is_pager(line[match.end():]) or _is_bare_nav(line[match.end():])):
            return True
    return False


@register_detector
class Pagination(Detector):
    """Pagers, page-position lines and per-page title lists (C13); harvests ``pages``."""

    name = "pagination"
    family = "C13"
    order = 165

    def detect(self, page: Page) -> Iterable[Finding]:
        lines = [whole(page, i) for i in range(len(page.blocks))]
        pages: dict[str, int] = {}
        title_list = self._page_title_list(page, lines)
        edges = edge_positions(page, lambda i: self._edge_pager(page, lines[i]))
        for i, block in enumerate(page.blocks):
            line = lines[i]
            if i in title_list:
                yield Drop(block, "C13.page_titles", "title repeated once per page (_第N页)")
            elif _is_position(line):
                yield Drop(block, "C13.position", "page-position statement")
                pages = pages or _pages(line)
            elif i in edges:
                yield Drop(block, "C13.pager", "pager at the page's edge")
                pages = pages or _pages(line)
            elif not page.features(block).sentence_like and _is_bare_nav(line):
                yield Drop(block, "C13.pager_words", "line of pager words only")
        title = page.title
        title_match = TITLE_FRACTION.search(title.replace("（", "(").replace("）", ")")) if title else None
        if title_match and not pages:
            pages = {"current": int(title_match["current"]), "total": int(title_match["total"])}
        if pages:
            yield Harvest("pages", pages, "C13.pages", str(pages), 0.6)

    @staticmethod
    def _edge_pager(page: Page, line: str) -> bool:
        return 0 < len(line) <= MAX_VLEN and _is_pager(line)

    @staticmethod
    def _page_title_list(page: Page, lines: list[str]) -> set[int]:
        """Runs of at least two consecutive ``<title>_第N页`` lines (three when the title is unknown)."""
        title = compact(fold(page.title)) if page.title else None
        found: set[int] = set()
        run: list[int] = []
        stem = None
        for i, line in enumerate([*lines, ""]):
            # Keys hold no whitespace, so ``$`` is the end of the key: only keys ending in 页 can match.
            match = PAGE_TITLE.match(line) if line.endswith("页") else None
            if match and (stem is None or match["stem"] == stem):
                run.append(i)
                stem = match["stem"]
                continue
            if len(run) >= 3 or (len(run) >= 2 and stem == title):
                found.update(run)
            run, stem = ([i], match["stem"]) if match else ([], None)
        return found
