"""Find where in the source tree each extracted block came from.

trafilatura builds a new tree for the main content, so its blocks have no
link to the page's elements. Each text node of the source tree is indexed by
its first characters (whitespace removed); a block is matched to the first
unused source node after the previous match that starts the same way, so
repeated short strings resolve in reading order. The match gives the block
its source line, its DOM path and the share of its text that is link text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .blocks import SKIP

KEY_LENGTH = 6
NO_SPACE = re.compile(r"\s+")
LINK_TAGS = {"a", "button"}
UNIT_TAGS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class SourceNode:
    element: etree._Element  # the element whose text (or a child's tail) this is
    in_link: bool


class SourceIndex:
    """Text nodes of a tree in document order, indexed by their first characters."""

    def __init__(self, root: etree._Element) -> None:
        self.nodes: list[SourceNode] = []
        self.by_key: dict[str, list[int]] = {}
        self._walk(root, in_link=False)

    def _add(self, text: str | None, element: etree._Element, in_link: bool) -> None:
        if not text:
            return
        key = NO_SPACE.sub("", text)[:KEY_LENGTH]
        if key:
            self.by_key.setdefault(key, []).append(len(self.nodes))
            self.nodes.append(SourceNode(element, in_link))

    def _walk(self, element: etree._Element, in_link: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIP:
            return
        in_link = in_link or tag in LINK_TAGS
        if tag in UNIT_TAGS and len(NO_SPACE.sub("", element.text or "")) < KEY_LENGTH:
            # a unit whose own text is short (<li><span>【</span><a>新闻</a>...) is found by its whole text
            self._add(element.text_content()[:KEY_LENGTH * 8], element, in_link)
        self._add(element.text, element, in_link)
        for child in element:
            self._walk(child, in_link)
            self._add(child.tail, element, in_link)

    def locate(self, texts: list[str]) -> list[SourceNode | None]:
        """The source node each text starts in, matched in reading order."""
        out: list[SourceNode | None] = []
        cursor = 0
        for text in texts:
            key = NO_SPACE.sub("", text)[:KEY_LENGTH]
            candidates = self.by_key.get(key, [])
            if not candidates and len(key) == KEY_LENGTH:
                candidates = self._prefix_candidates(key)
            chosen = next((i for i in candidates if i >= cursor), candidates[0] if candidates else None)
            if chosen is None:
                out.append(None)
                continue
            cursor = chosen + 1
            out.append(self.nodes[chosen])
        return out

    def _prefix_candidates(self, key: str) -> list[int]:
        # a block that starts with a short text node (<b>注</b>：...) is found by a shorter key
        for length in range(KEY_LENGTH - 1, 1, -1):
            found = self.by_key.get(key[:length])
            if found:
                return found
        return []


def link_share(element: etree._Element) -> float:
    """Share of ``element``'s text that sits inside links (1.0 when the element itself is in a link)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in LINK_TAGS:
            return 1.0
    if element.tag in LINK_TAGS:
        return 1.0
    total = len(NO_SPACE.sub("", element.text_content()))
    if not total:
        return 0.0
    linked = sum(len(NO_SPACE.sub("", a.text_content())) for a in element.iter("a"))
    return linked / total
