"""C07 related reading, recommendations, rankings and previous/next links.

Removes a heading from the lexicon (``相关阅读``, ``延伸阅读``, ``推荐阅读``,
``猜你喜欢``, ``相關新聞``…, alone or with a colon and its first item) together
with the list of headlines that follows it; ``上一篇：…``/``下一篇：…`` links; and,
after the body, a headless list of three or more headlines most of which carry
a date, a count or a bullet; and promotions of other pages that close with a
more-link label (``……【详细】``, ``……【点击投票】Pick…``), peeled from the top and
bottom edges of the page; and a label with a link to another page between the article's paragraphs
(``Related: <a>…</a>``, ``Read more: <a>…</a>``).

Never removes: a sentence that uses the words (``推荐阅读《平凡的世界》，它会改变你…``,
``下一篇文章我们将讨论…``, ``相关阅读材料请见附件。``); a list that is the article
itself (a digest) — headless lists are only taken after the last body-like
paragraph, and a headed list inside the body needs two or more headline items;
a teaser between body paragraphs, or on a page made only of teasers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Block
from ..lexicon import RELATED_SECTION_HEADINGS
from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector
from ._footer import is_footer_line
from ._platform_lexicon import edge_positions
from ._shapes import BAR, CLOSE, COLON, DOT, OPEN, is_nav_like, linked_chars

HEADING = re.compile(
    rf"^[■●◆▶>\s{DOT[1:-1]}]*{OPEN}?\s*(?:{'|'.join(sorted(RELATED_SECTION_HEADINGS, key=len, reverse=True))})"
    # the heading word ends there (热门 is a heading, 热门标签 is not this one)
    rf"(?=\s|$|{CLOSE}|{COLON}|>)\s*{CLOSE}?\s*(?:{COLON}|>+)?\s*"
)
PREV_NEXT = re.compile(rf"^{OPEN}?\s*(?:上一篇|下一篇|上一条|下一条|上一则|下一则|上篇|下篇|阅读下一篇|上一篇文章|下一篇文章)\s*(?:{CLOSE}|{COLON}|\s|$)")
ITEM_MARK = re.compile(rf"^\s*(?:{DOT}|\d{{1,2}}[.、\s]|[-*]|\d{{1,2}}:\d{{2}}\s)|\d{{4}}[-/.年]\d{{1,2}}|\d{{1,2}}[-/]\d{{1,2}}\s*\d{{1,2}}:\d{{2}}|\(\d{{1,2}}/\d{{1,2}}|评论|跟贴|阅读|\d+\s*(?:小时|分钟|天)前")


# A link label closing a promotion, possibly followed by a short slogan (``【点击投票】Pick你心目中的…``).
TEASER = re.compile(
    rf"{OPEN}\s*(?:详细|详情|查看详情|详细内容|点击查看|查看更多|更多|点击投票|立即投票|点击进入|进入专题|专题)\s*{CLOSE}"
    r"[^。！？!?]{0,16}$"
)
HEADLESS_MIN, HEADLESS_MAX = 8, 40
# A line pointing to another page between an article's paragraphs, in the languages a crawl meets (``Related: <link>``,
# ``Read more: <link>``, ``相关阅读：<link>``), on the folded line: dropped when the rest of the line is its link.
LINKED_LABEL = re.compile(
    rf"^\s*(?:related(?:\s+(?:story|article|coverage|content|reading))?|read\s+(?:more|also|next)|see\s+also|also\s+read|"
    rf"more\s+on\s+this(?:\s+story)?|recommended|lesen\s+sie\s+auch|mehr\s+zum\s+thema|(?:à\s+)?lire\s+aussi|"
    rf"(?:vea|lea|lee|ver|mira)\s+también|(?:leia|veja)\s+também|leggi\s+anche|czytaj\s+(?:też|także)|zobacz\s+(?:też|także)|"
    rf"{'|'.join(sorted(RELATED_SECTION_HEADINGS, key=len, reverse=True))})\s*{COLON}\s*",
    re.IGNORECASE,
)
LINKED_SHARE = 0.9  # of the rest of such a line that is link text


def _linked_rest(block: Block, rest: str) -> bool:
    """Whether the text after a label is (nearly) all one link's or a few links' text: a pointer, not a sentence."""
    shown = "".join(rest.split())
    return bool(shown) and linked_chars(block) >= LINKED_SHARE * len(shown)


RANK = re.compile(r"\d{1,2}|top\s?\d{1,2}")


BAR_RE = re.compile(BAR)


def _is_item(page: Page, position: int) -> bool:
    """A headline-shaped line: not a paragraph (no sentence end, modest length), not a footer or link row."""
    feats = page.features(page.blocks[position])
    shadow = page.shadow(page.blocks[position]).strip()
    if is_footer_line(shadow) or (BAR_RE.search(shadow) and is_nav_like(shadow, feats.sent_punct)):
        return False  # the list ends where the site footer begins
    if RANK.fullmatch(shadow):
        return True  # a ranked list with its numbers on lines of their own
    return 4 <= feats.vlen <= 80 and not shadow.endswith(("。", "；", ";")) and feats.sent_punct <= 3


@register_detector
class RelatedReading(Detector):
    """Related/recommended lists, rankings and prev/next links after the article (C07)."""

    name = "related"
    family = "C07"
    order = 100

    def detect(self, page: Page) -> Iterable[Finding]:
        taken: set[int] = set()
        first_body = page.first_body
        for position, block in enumerate(page.blocks):
            if position in taken or position < first_body:
                continue
            shadow = page.shadow(block)
            feats = page.features(block)
            heading = HEADING.match(shadow)
            if heading and feats.vlen <= 80 and not self._sentence_after(page, block, heading.end()):
                items = self._items_after(page, position)
                if page.in_tail(position) or len(items) >= 2:
                    taken.update([position, *items])
                    yield Drop(block, "C07.heading", "related-reading heading")
                    yield from (Drop(page.blocks[i], "C07.list", "related-reading item") for i in items)
            elif PREV_NEXT.match(shadow) and feats.vlen <= 80 and (page.in_tail(position) or not feats.sentence_like):
                yield Drop(block, "C07.prev_next", "previous/next article link")

        for position, block in enumerate(page.blocks):  # wherever it stands: a pointer is no sentence of the body
            if position not in taken and (label := LINKED_LABEL.match(page.shadow(block))) and _linked_rest(
                    block, page.shadow(block)[label.end():]):
                taken.add(position)
                yield Drop(block, "C07.linked_teaser", "a label and a link to another page (Related: …)")
        yield from self._headless_tail_list(page, taken)
        yield from self._teasers(page, taken)

    @staticmethod
    def _teasers(page: Page, taken: set[int]) -> Iterable[Finding]:
        """Promotions of other pages peeled from the page's edges: ``专题名 导语…… 【详细】``, ``……【点击投票】``."""
        def teaser(position: int) -> bool:
            return position not in taken and bool(TEASER.search(page.shadow(page.blocks[position]).rstrip()))

        if not any(page.body_like(i) and not teaser(i) for i in range(len(page.blocks))):
            return  # a page of teasers is a digest: its teasers are the content
        for position in sorted(edge_positions(page, teaser)):
            yield Drop(page.blocks[position], "C07.teaser", "promotion of another page with a more-link")

    @staticmethod
    def _sentence_after(page: Page, block: Block, end: int) -> bool:
        """``推荐阅读《平凡的世界》，它会改变你…``: the heading word opens a sentence."""
        rest = page.shadow(block).strip()[end:]
        return bool(re.search(r"[，,。！？!?]", rest)) and rest.rstrip().endswith(("。", "！", "？", "!", "?"))

    @staticmethod
    def _items_after(page: Page, position: int) -> list[int]:
        items: list[int] = []
        for following in range(position + 1, len(page.blocks)):
            shadow = page.shadow(page.blocks[following])
            if not _is_item(page, following) or HEADING.match(shadow) or PREV_NEXT.match(shadow):
                break
            items.append(following)
        return items

    @staticmethod
    def _headless_tail_list(page: Page, taken: set[int]) -> Iterable[Finding]:
        # Headless lists need the catalogue's headline length (8-40): short widgets (``0/500``) break a run.
        run = [p for p in range(page.last_body + 1, len(page.blocks))
               if p not in taken and _is_item(page, p) and HEADLESS_MIN <= page.features(page.blocks[p]).vlen <= HEADLESS_MAX]
        groups: list[list[int]] = []
        for p in run:
            if groups and groups[-1][-1] == p - 1:
                groups[-1].append(p)
            else:
                groups.append([p])
        for group in groups:
            marked = sum(1 for p in group if ITEM_MARK.search(page.compact(page.blocks[p])))
            if len(group) >= 3 and marked * 10 >= len(group) * 6:
                yield from (Drop(page.blocks[p], "C07.headless_list", "list of other headlines after the article") for p in group)
