"""C01 breadcrumbs and location bars: ``当前位置：首页 > 新闻中心 > 正文``.

Removes the path from the site root to the article's channel, with or without
a location label, in HEAD and just below the title; in TAIL only the labelled
or root-anchored form. A path is rooted by a label, a root word (首页) or a
first step that is an item of a site menu printed above it (``新聞中心 / 新聞稿``
under a menu holding 新聞中心). Harvests ``breadcrumb`` (the segments as printed) and
``category`` (the deepest segment that is neither the root, a leaf placeholder
such as 正文, nor the article title).

Never removes: UI paths and comparisons inside sentences (``依次点击 设置 >
通用 > 关于本机，即可…``, ``收入 > 支出``), or a body line that starts with 首页.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._shapes import ARROW, BAR, COLON, SEPARATORS, normalized, tokens

LABEL = re.compile(
    rf"^\s*(?:(?:[您你]|[您你]?(?:当前|现在|目前))(?:所在|所处)?的?位置|(?:现在|所在|目前)?位置|当前路径|导航)\s*{COLON}?\s*"
)
SEPARATOR = re.compile(rf"\s*(?:{ARROW}|{BAR}|＞|/)\s*|\s{{2,}}")
# Every separator holds one of these characters (arrows, bars, slashes, spaces): a cheap first test.
SEPARATOR_CHARS = re.compile(rf"[>»›→⇒{BAR[1:-1]}＞/\s]")
PATH_SEPARATOR = re.compile(rf"{ARROW}|＞|/")
ROOTS = frozenset({"首页", "主页", "网站首页", "回首页", "home", "首页home", "返回首页"})
LEAVES = frozenset({"正文", "内容", "详情", "文章", "阅读", "正文内容", "文章内容", "详细内容", "查看内容", "浏览"})
TITLE_LOOKAHEAD = 3
HEAD_WINDOW = 8  # blocks after the first body-like block still counted as the title area
MAX_MENU_PATH = 30
MENU_SEPARATOR = SEPARATORS
MENU_ITEMS = 3


SENTENCE_MARK = re.compile(r"[,;!?。，；！？]")


def _is_root(segment: str) -> bool:
    """``首页``, ``网站首页``, ``新浪首页``; not the utility link ``设为首页``."""
    return segment in ROOTS or (segment.endswith("首页") and len(segment) <= 8 and not segment.startswith(("设为", "设置")))


def parse(shadow: str) -> tuple[int, list[tuple[int, int]]] | None:
    """``(label_end, segment spans)`` when the shadow reads as a breadcrumb, else ``None``."""
    label = LABEL.match(shadow)
    if not label and not SEPARATOR_CHARS.search(shadow):
        return None
    start = label.end() if label else 0
    body = shadow[start:]
    separators = len(SEPARATOR.findall(body))
    # One separator is enough after a root (``主頁 > 即時新聞``): a root word never starts a comparison.
    if separators < 2 and not label and not (separators == 1 and _is_root(body.split(">")[0].strip())):
        return None
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sep in SEPARATOR.finditer(body):
        if sep.start() > cursor or not spans:
            spans.append((start + cursor, start + sep.start()))
        cursor = sep.end()
    spans.append((start + cursor, start + len(body)))
    spans = [(a, b) for a, b in spans if shadow[a:b].strip()]
    if len(spans) < 2:
        return None
    segments = [shadow[a:b].strip() for a, b in spans]
    if any(len(s) > 16 or SENTENCE_MARK.search(s) for s in segments[:-1]) or len(segments[-1]) > 80:
        return None
    return (label.end() if label else 0), spans


def printed_leaf(text: str, spans: list[tuple[int, int]]) -> str:
    start, end = spans[-1]
    return text[start:end].strip()


class _MenuItems:
    """Where each item of the page's menu rows (three or more items) first appears, built on first use."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.first: dict[str, int] | None = None

    def rooted(self, segment: str, position: int) -> bool:
        """Whether ``segment`` is an item of a menu row above ``position``."""
        if self.first is None:
            self.first = {}
            for row, block in enumerate(self.page.blocks):
                if MENU_SEPARATOR.search(self.page.shadow(block)):  # a row without one is one token, never a menu
                    items = self.page.view(tokens, block)
                    if len(items) >= MENU_ITEMS:
                        for item in items:
                            self.first.setdefault(item, row)
        return self.first.get(segment, position) < position


@register_detector
class Breadcrumb(Detector):
    """Location bars and breadcrumb paths; harvests breadcrumb and category (C01)."""

    name = "breadcrumb"
    family = "C01"
    order = 40
    sweeps_residue = True

    def detect(self, page: Page) -> Iterable[Finding]:
        menu = _MenuItems(page)
        for position, block in enumerate(page.blocks):
            feats = page.features(block)
            if feats.sentence_like and feats.vlen > 60:
                continue
            shadow = page.shadow(block)
            parsed = parse(shadow)
            if parsed is None:
                parsed = self._menu_rooted(page, position, shadow, menu)
            if parsed is None:
                continue
            label_end, spans = parsed
            segments = [shadow[a:b].strip() for a, b in spans]
            near_head = position < page.first_body + HEAD_WINDOW
            anchored = bool(label_end) or _is_root(segments[0]) or menu.rooted(segments[0], position)
            leaf_known = segments[-1] in LEAVES or (page.title is not None and normalized(printed_leaf(block.text, spans)) == normalized(page.title))
            # ``新闻中心 > 市政要闻 > TITLE`` above the headline line: the leaf is the title the page shows next.
            headline = next((b.text for b in page.blocks[position + 1:position + 1 + TITLE_LOOKAHEAD]
                             if normalized(segments[-1]) == normalized(page.shadow(b))), None)
            leaf_known = leaf_known or headline is not None
            if not label_end and not leaf_known and not PATH_SEPARATOR.search(shadow):
                continue  # ``首页 | 要闻 | 时政``: a row of bars is a menu unless it ends in the article
            if not ((near_head and (anchored or leaf_known)) or (page.in_tail(position) and anchored)):
                continue
            printed = [block.text[a:b].strip() for a, b in spans]
            yield Drop(block, "C01.breadcrumb", "breadcrumb / location bar")
            if page.value("breadcrumb"):
                continue
            yield Harvest("breadcrumb", printed, "C01.breadcrumb", block.text, 0.8)
            category = self._category(printed, segments, page.title or headline)
            if category:
                yield Harvest("category", category, "C01.breadcrumb", block.text, 0.8)

    @staticmethod
    def _menu_rooted(page: Page, position: int, shadow: str, menu: _MenuItems) -> tuple[int, list[tuple[int, int]]] | None:
        """``新聞中心 / 新聞稿`` in HEAD: a short two- to four-step path (``/``, ``>``) whose first step is an
        item of a site menu printed above it on the page (the path starts where the menu does)."""
        if position >= page.first_body or page.features(page.blocks[position]).vlen > MAX_MENU_PATH:
            return None
        spans, cursor = [], 0
        for end, next_start in [*((sep.start(), sep.end()) for sep in PATH_SEPARATOR.finditer(shadow)),
                                (len(shadow), len(shadow))]:
            piece = shadow[cursor:end]
            start = cursor + len(piece) - len(piece.lstrip())
            spans.append((start, start + len(piece.strip())))
            cursor = next_start
        segments = [shadow[a:b] for a, b in spans]
        if not 2 <= len(segments) <= 4 or not all(segments) or any(SENTENCE_MARK.search(s) for s in segments):
            return None
        return (0, spans) if menu.rooted(segments[0], position) else None

    @staticmethod
    def _category(printed: list[str], segments: list[str], title: str | None) -> str | None:
        title_key = normalized(title) if title else None
        for original, folded in zip(reversed(printed), reversed(segments)):
            if _is_root(folded) or folded in LEAVES:
                continue
            if title_key and normalized(original) == title_key:
                continue
            if len(folded) > 16:  # a leaf that is the article's headline
                continue
            return original
        return None
