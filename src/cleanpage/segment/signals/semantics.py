"""What the page's own markup says a block is: tag names, and words of class, id and role.

The nearest ancestor (the block's element included) whose tag or class/id/role words are telling
decides: ``<article>``, ``main``, ``content``, ``zhengwen`` (正文), ``neirong`` (内容)... vote for,
``<nav>``, ``<footer>``, ``<aside>``, ``menu``, ``sidebar``, ``comment``, ``share``, ``related``,
``xiangguan`` (相关), ``pinglun`` (评论)... against. The nearest one wins because pages wrap
everything in a ``content`` div, sidebars included. Words are split at ``-``, ``_``, digits and case
changes, and matched whole (``comment`` is a word, ``commentary`` is not). A word that glues a social
platform's short name to a telling word (``wxfollow``, ``wbshare``, ``weixinshare``) counts as that word:
Chinese templates name their WeChat/Weibo boxes so. An author's biography box (``author-bio``) votes against:
it describes the writer, not the story. No site names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from ..markup_names import names_of, words_of
from . import PageContext, Signal

POSITIVE_WORDS = frozenset({
    "article", "articles", "artical", "content", "contents", "main", "body", "text", "txt", "story", "entry",
    "postmessage", "detail", "details", "zhengwen", "neirong", "wenzhang", "markdown", "prose", "maintext",
    "bodytext", "articlebody",
})
NEGATIVE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "footer", "foot", "header", "masthead", "sidebar", "side",
    "aside", "widget", "widgets", "comment", "comments", "cmt", "reply", "replies", "tie", "share", "sharing", "social",
    "related", "relate", "recommend", "recommended", "recommendation", "tuijian", "xiangguan", "pinglun", "gentie",
    "ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "sponsor", "promo", "copyright", "breadcrumb",
    "breadcrumbs", "crumb", "crumbs", "login", "signin", "register", "toolbar", "tools", "pager", "pagination",
    "paging", "rank", "ranking", "paihang", "hot", "hotnews", "popular", "trending", "subscribe", "newsletter",
    "qrcode", "ewm", "erweima", "logo", "search", "cookie", "consent", "modal", "popup", "signature", "sign",
    "sitemap", "skip", "topbar", "bottom", "friendlink", "links", "tags", "tag", "print", "font", "more",
    "follow", "bio", "biography",
})
# Short names of the social platforms that templates glue to a box's purpose: ``wxfollow``, ``wbshare``.
PLATFORM_PREFIX = re.compile(r"^(?:wx|weixin|wechat|wb|weibo|qq|fb|facebook|twitter)(?=[a-z]{3,}$)")
# Class and id words of an article's standfirst (deck): the summary line between its headline and its text.
STANDFIRST_WORDS = frozenset({"intro", "lead", "lede", "teaser", "standfirst", "summary", "excerpt", "dek", "deck",
                              "sub", "subtitle", "subhead", "subheadline", "strapline", "abstract", "description", "kicker", "daodu", "zhaiyao"})
POSITIVE_TAGS = frozenset({"article", "main"})
NEGATIVE_TAGS = frozenset({"nav", "footer", "aside", "header", "menu"})
STOP_TAGS = frozenset({"body", "html"})


class SemanticsVote(Signal):
    name = "markup"

    def votes(self, page: PageContext) -> list[float]:
        cache: dict[etree._Element, float] = {}  # keyed by the element itself: it keeps the proxy alive
        return [verdict(block.element, cache) for block in page.blocks]


def own_verdict(element: etree._Element) -> float | None:
    """+1, -1, a mix, or ``None`` when the element's tag and attributes say nothing."""
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return None
    return _tag_verdict(tag, names_of(element, role=True))


@lru_cache(maxsize=4096)
def _tag_verdict(tag: str, names: str) -> float | None:
    """:func:`own_verdict` of a tag and its class/id/role string, remembered like :func:`_words`."""
    words = words_of(names)
    words |= {PLATFORM_PREFIX.sub("", word) for word in words}
    positive = len(words & POSITIVE_WORDS) + (tag in POSITIVE_TAGS)
    negative = len(words & NEGATIVE_WORDS) + (tag in NEGATIVE_TAGS)
    if not positive and not negative:
        return None
    return (positive - negative) / (positive + negative)


def verdict(element: etree._Element, cache: dict[etree._Element, float]) -> float:
    """The verdict of the nearest telling ancestor-or-self, 0 when none below ``body`` is telling."""
    seen = []
    node: etree._Element | None = element
    value = 0.0
    while node is not None and node.tag not in STOP_TAGS:
        if node in cache:
            value = cache[node]
            break
        seen.append(node)
        own = own_verdict(node)
        if own is not None:
            value = own
            break
        node = node.getparent()
    for key in seen:
        cache[key] = value
    return value
