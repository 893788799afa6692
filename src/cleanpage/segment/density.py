"""The container of the page's running prose, found by punctuation density.

Chinese article text is full of sentence punctuation (，。！？；：“”); navigation,
related-news lists, footers and comment widgets are mostly short link text
without it. Each run of non-link text credits its sentence punctuation to the
nearest container element (``div``, ``td``, ``article``...); the container with
the most credit holds the article. This is the fallback when the main-content
extractor keeps too little or too much (see :mod:`cleanpage.segment.html`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .blocks import SKIP

SENTENCE_PUNCTUATION = re.compile(r"[，。！？；：、“”,.!?;]")
CONTAINER_TAGS = {"div", "td", "article", "section", "main", "body", "center", "dd", "form"}
LINK_TAGS = {"a", "button", "select", "option"}


@dataclass(frozen=True)
class Container:
    element: etree._Element
    punctuation: int


def densest_container(root: etree._Element) -> Container | None:
    """The container element whose own paragraphs hold the most sentence punctuation."""
    credit: dict[etree._Element, int] = {}
    _credit(root, None, credit, in_link=False)
    if not credit:
        return None
    element, punctuation = max(credit.items(), key=lambda item: item[1])
    return Container(element, punctuation) if punctuation else None


def _credit(element: etree._Element, container: etree._Element | None, credit: dict[etree._Element, int],
            in_link: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag in SKIP:
        return
    if tag in CONTAINER_TAGS:
        container = element
    in_link = in_link or tag in LINK_TAGS
    if not in_link and container is not None and element.text:
        credit[container] = credit.get(container, 0) + len(SENTENCE_PUNCTUATION.findall(element.text))
    for child in element:
        _credit(child, container, credit, in_link)
        if not in_link and container is not None and child.tail:
            credit[container] = credit.get(container, 0) + len(SENTENCE_PUNCTUATION.findall(child.tail))
