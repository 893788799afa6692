"""The container of the page's running prose, found by punctuation density.

Chinese article text is full of sentence punctuation (，。！？；：“”); navigation,
related-news lists, footers and comment widgets are mostly short link text
without it. Each run of non-link text credits its sentence punctuation to the
nearest container element (``div``, ``td``, ``article``...); the container with
the most credit holds the article. It is the region signal's reading
(:mod:`cleanpage.segment.signals.region`) and the scorer's rescue.

Some editors put every paragraph in its own container (WeChat wraps each in a
``<section>``), so the densest container is one paragraph of the article. A
container that holds a single block therefore widens to its nearest ancestor
holding many times more prose, and on while each next ancestor does again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from .page_blocks import SKIP, PageBlock

SENTENCE_PUNCTUATION = re.compile(r"[，。！？；：、“”,.!?;]")
CONTAINER_TAGS = {"div", "td", "article", "section", "main", "body", "center", "dd", "form"}
LINK_TAGS = {"a", "button", "select", "option"}
# an ancestor with this many times the punctuation of a one-paragraph container holds the article around it
WIDEN_RATIO = 3
PAGE_TAGS = {"body", "html"}


@dataclass(frozen=True)
class Container:
    element: etree._Element
    punctuation: int


def densest_container(root: etree._Element, blocks: Sequence[PageBlock]) -> Container | None:
    """The container element whose own paragraphs hold the most sentence punctuation (``blocks``: the
    page's segmentation, which says how many blocks a container holds)."""
    credit: dict[etree._Element, int] = {}
    _credit(root, None, credit)
    if not credit:
        return None
    element, punctuation = max(credit.items(), key=lambda item: item[1])
    if not punctuation:
        return None
    within = set(element.iter())  # one walk of the container, not one of every block's ancestors
    if sum(1 for block in blocks if block.element in within) <= 1:
        element, punctuation = _widened(element, credit)
    return Container(element, punctuation)


def _widened(element: etree._Element, credit: dict[etree._Element, int]) -> tuple[etree._Element, int]:
    """The ancestor of a one-paragraph container that holds the article: climbs while the next
    ancestor (never ``body``) holds ``WIDEN_RATIO`` times the prose of the current one."""
    within: dict[etree._Element, int] = {}
    for container, amount in credit.items():
        for node in (container, *container.iterancestors()):
            within[node] = within.get(node, 0) + amount
    current = element
    for ancestor in element.iterancestors():
        if ancestor.tag in PAGE_TAGS:
            break
        if within.get(ancestor, 0) >= WIDEN_RATIO * within[current]:
            current = ancestor
    return current, within[current]


def _credit(element: etree._Element, container: etree._Element | None, credit: dict[etree._Element, int]) -> None:
    """Credit the punctuation of the text under ``element`` to its nearest container. Nothing inside a link
    counts, so a link's subtree is not walked (its tail is its parent's text)."""
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIP or tag in LINK_TAGS:
        return
    if tag in CONTAINER_TAGS:
        container = element
    counted = container is not None
    if counted and element.text:
        credit[container] = credit.get(container, 0) + len(SENTENCE_PUNCTUATION.findall(element.text))
    for child in element:
        _credit(child, container, credit)
        if counted and child.tail:
            credit[container] = credit.get(container, 0) + len(SENTENCE_PUNCTUATION.findall(child.tail))
