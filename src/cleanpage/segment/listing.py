"""The listings of a page: its lists of other pages, each item led by a link to the page it lists.

An index page repeats one kind of item: a board's topics, a search's results, a tag's questions, a category's
articles. Each item opens with a link to another page as its title (after at most a number, an icon's label or a
tag such as ``[置顶]``), and often goes on with an excerpt or a summary and its meta (poster, time, counts). Those
excerpts read as prose, so extractors keep them and turn the index into a fake article.

A listing here is an element with at least ``MIN_ITEMS`` block children (a paragraph's links are no items) of one
shape (tag and class), most of its children, of which at least ``ITEM_SHARE`` are led by such a title link, to as
many different pages (permalinks to the parts of one page are one), and whose usual item is short (a page's
sections, one of them the article, are no listing). Measured, not guessed: a comment list is led by its commenters'
names (links to user pages or addresses, no title) and a thread's posts by their posters, so neither is a listing;
an article's paragraphs do not open on a link.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from lxml import etree

from .page_blocks import BLOCK_TAGS, self_and_ancestors
from .posts import USER_LINK, leads_nowhere  # a link to a person leads a comment, not a listed page
from .prose import weight_of

MIN_ITEMS = 5
ITEM_SHARE = 0.7
DISTINCT_SHARE = 0.8  # of the items' title links that lead to different pages: a list, not one link repeated
TITLE_CHARS = (5, 80)  # a title's length without spaces: a few words to a line, not a name or a button
LEAD_MAX = 12  # characters of an item before its title: a number, an icon's label, a tag ([置顶], 【精华】)
ITEM_WEIGHT_MAX = 200  # an item's usual text (CJK-character units): a title, an excerpt, its meta; a blog's front
# page printing each post whole is its posts, not an index
LONGEST_ITEM_MAX = 600  # no item much longer: a page's sections, one of them holding the article, are no listing
NO_SPACE = re.compile(r"\s+")
DIGITS = re.compile(r"\d+")


def listed_items(tree: etree._Element) -> set[etree._Element]:
    """The items of the listings of ``tree``: those a title link leads and the list's other short ones, where a
    list's titles and excerpts are (an article printed in a long row of the same layout table is no item of it)."""
    found: set[etree._Element] = set()
    listing_elements: set[etree._Element] = set()
    for element in tree.iter():
        if not isinstance(element.tag, str) or len(element) < MIN_ITEMS:
            continue
        if any(outer in listing_elements for outer in element.iterancestors()):
            continue
        children = [child for child in element if child.tag in BLOCK_TAGS and child.text_content().strip()]
        if len(children) < MIN_ITEMS:
            continue
        # one kind of item: the children of one shape (tag and class, digits aside), most of them
        shape, count = Counter(map(_shape, children)).most_common(1)[0]
        items = [child for child in children if _shape(child) == shape]
        if count < max(MIN_ITEMS, ITEM_SHARE * len(children)):
            continue
        led = {item: target for item in items if (target := _title_target(item))}
        pages = {target.split("#", 1)[0] for target in led.values()}  # permalinks to one page's parts are one page
        if len(led) < ITEM_SHARE * len(items) or len(pages) < DISTINCT_SHARE * len(led):
            continue
        weights = {item: weight_of(item.text_content()) for item in children}
        if (statistics.median(weights[item] for item in items) <= ITEM_WEIGHT_MAX
                and max(weights.values()) <= LONGEST_ITEM_MAX):
            listing_elements.add(element)
            # the items a title leads, and the list's other short items (a sticky row, a row led by its tag)
            found.update(item for item in children if item in led or weights[item] <= ITEM_WEIGHT_MAX)
    return found


def _shape(element: etree._Element) -> tuple[str, str]:
    return str(element.tag), DIGITS.sub("", element.get("class") or "")


def in_listed_item(element: etree._Element, items: set[etree._Element]) -> bool:
    """Whether ``element`` is one of ``items`` or sits inside one."""
    return any(node in items for node in self_and_ancestors(element))


def _title_target(item: etree._Element) -> str | None:
    """The address of the link that leads ``item`` as its title, or ``None`` when no title link leads it."""
    shown = NO_SPACE.sub("", item.text_content())
    for anchor in item.iter("a"):
        href = (anchor.get("href") or "").strip()
        title = NO_SPACE.sub("", anchor.text_content())
        if not title:
            continue
        lead = shown.find(title)
        if lead < 0 or lead > LEAD_MAX:
            return None  # the item opens on its own words, or on more than a tag
        if USER_LINK.search(href) or href.lower().startswith("mailto:"):
            return None  # led by a person: a comment, a post
        if TITLE_CHARS[0] <= len(title) <= TITLE_CHARS[1] and not leads_nowhere(href):
            return href
    return None
