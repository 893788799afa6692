"""C13 pagination: pagers, page-position statements and per-page title lists.

Removes pager lines at the page's edges (``上一页 1 2 3 … 10 下一页``,
``首页 上一頁 下一頁 尾页``, ``[1] [2] [3]``, ``跳转到第 [ ] 页 GO``),
page-position lines anywhere when they are the whole line (``第2页 共5页``,
``第 2 頁，共 5 頁``, ``本文共3页``, ``(2/3)``), a bare pager word line
(``下一页``) anywhere, and lists of the title repeated with ``_第N页``.
Harvests ``pages`` as ``{"current": n, "total": m}`` with only what the page
states: ``第N页`` gives the current page, ``共M页`` or ``N/M`` the total, a
numeric pager its highest page number; a per-page title list states no total
(a preview lists only some pages) and harvests nothing. The lexicon, the
position grammar and the reading of the pager's links (``next_url``,
``prev_url``, ``page_urls``) live in :mod:`cleanpage.pager`: an HTML page's
links are read from its DOM during segmentation (the pager usually sits
outside the main content), a text dump's here, where the dump kept them
(``[下一页](https://…)``); such a pager line is removed with its links.

Never removes: citations inside sentences (``详见报告第3页的数据汇总表。``),
instructions (``点击“下一页”继续填写表单。``), code, numeric pagers inside the
body (a table row or a line-number gutter may look the same), or "read the
whole text" markers, which are truncation (C23).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page
from ..pager import CURRENT_ONLY, FRACTION, POSITION, read_text_lines, stated_pages
from ..pager import is_bare_nav as _is_bare_nav
from ..pager import is_pager as _is_pager
from ..registry import Detector, register_detector
from ..shadow import fold
from ._platform_lexicon import edge_positions, whole
from ._shapes import compact

MAX_VLEN = 60
TITLE_FRACTION = re.compile(r"\(\s*(?P<current>\d+)\s*/\s*(?P<total>\d+)\s*\)$")
PAGE_TITLE = re.compile(r"^(?P<stem>.+?)_?第\d+页$")


def _is_position(line: str) -> bool:
    for pattern in (POSITION, FRACTION, CURRENT_ONLY):
        match = pattern.match(line)
        if match and (match.end() == len(line) or _is_pager(line[match.end():]) or _is_bare_nav(line[match.end():])):
            return True
    return False


def _combined(pages: dict[str, int], more: dict[str, int]) -> dict[str, int]:
    """``pages`` with what ``more`` adds, when the two agree on what both state (the first reading wins)."""
    if all(pages.get(key, value) == value for key, value in more.items()):
        return {**more, **pages}
    return pages


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
        links, linked_pagers = ({}, set()) if page.kind == "html" else \
            read_text_lines([block.text for block in page.blocks], page.url)
        for i, block in enumerate(page.blocks):
            line = lines[i]
            if i in title_list:
                yield Drop(block, "C13.page_titles", "title repeated once per page (_第N页)")
            elif _is_position(line):
                yield Drop(block, "C13.position", "page-position statement")
                pages = _combined(pages, stated_pages(page.shadow(block)))
            elif i in edges:
                yield Drop(block, "C13.pager", "pager at the page's edge")
                pages = _combined(pages, stated_pages(page.shadow(block)))
            elif i in linked_pagers:
                yield Drop(block, "C13.pager", "pager with its link targets")
            elif not page.features(block).sentence_like and _is_bare_nav(line):
                yield Drop(block, "C13.pager_words", "line of pager words only")
        title = page.title
        title_match = TITLE_FRACTION.search(title.replace("（", "(").replace("）", ")")) if title else None
        if title_match and not pages:
            pages = {"current": int(title_match["current"]), "total": int(title_match["total"])}
        for name, found in links.items():
            if name != "pages" or not pages:
                yield Harvest(name, found.value, found.rule, found.raw, found.confidence)
        # The pager's links (the DOM's, or a dump's) may know the current page a kept pager line does not state.
        known = page.meta.get("pages") or links.get("pages")
        if pages and known:
            pages = _combined(pages, known.value)
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
