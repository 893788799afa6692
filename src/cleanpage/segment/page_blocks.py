"""The whole page as typed blocks: every piece of visible text, in reading order, with its element.

This is the ground the HTML path stands on. Nothing is chosen here: navigation, footers and the
article all become blocks, and :mod:`cleanpage.segment.scorer` later decides which are main content
(every block it does not keep is recorded as a removal, so the page is accounted for).

What a block is, as a browser would lay it out:

- block-level elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``blockquote``, ``td`` of a layout
  table...) start and end blocks; a ``<br>`` ends one too, because Chinese pages often separate
  paragraphs with ``<br>`` only; inline elements (``span``, ``a``, ``font``, unknown tags) stay
  inside the block around them;
- a *data* table (cells without block content, no nested table) gives one ``table_row`` block per
  row with its ``cells``; a *layout* table (old portals put the whole page in one) is walked as
  containers, so its paragraphs stay paragraphs;
- ``<pre>`` gives one ``code`` block per line (its line breaks kept), grouped by its element;
- an ``<img>`` with a source gives an ``image`` block (``text`` is its alt text);
- link text and targets are kept per block (``links``) and counted (``link_chars``), because link
  density is one of the strongest signals against a block.

Hidden elements (``hidden``, ``display:none``, ``visibility:hidden``) are not visible text and are
skipped, as are scripts, styles and form controls.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from .markup_names import class_words
from .prose import quality, weight_of

SKIP = frozenset({"script", "style", "template", "rt", "rp", "iframe", "select", "option", "textarea", "svg",
                  "input", "object", "embed", "video", "audio", "canvas", "map", "head", "title", "meta", "link",
                  "base"})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "center", "form", "fieldset",
    "address", "figure", "figcaption", "caption", "details", "summary", "dialog", "hgroup", "h1", "h2", "h3", "h4",
    "h5", "h6", "ul", "ol", "dl", "li", "dt", "dd", "menu", "dir", "blockquote", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "td", "th", "hr", "body", "html", "legend", "frameset", "frame", "noframes", "listing", "xmp",
    "plaintext", "marquee", "option", "optgroup", "iframe",
})
KIND_OF_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list_item", "dt": "list_item", "dd": "list_item", "blockquote": "quote", "figcaption": "caption",
    "caption": "caption", "pre": "code", "listing": "code", "xmp": "code", "plaintext": "code",
}
# kinds a paragraph inside the element takes over (a <p> in a quote is quoted text)
INHERITED = frozenset({"quote", "caption", "list_item"})
LINK_TAGS = frozenset({"a", "button"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACE = re.compile(r"[ \t\r\n\f\v]+")
# a data table's cell is short and holds no block structure of its own
DATA_CELL_MAX_CHARS = 300
DATA_CELL_BLOCKS = frozenset({"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
                              "blockquote", "section", "article"})
CODE_BOX_WORDS = frozenset({"code", "codemain", "codebox", "codeblock", "blockcode", "codecontent"})
TINY_IMAGE = 40  # pixels: spacers, icons and emoticons are not images of the content


@dataclass(eq=False)
class PageBlock:
    """One block of the page's visible text.

    ``element`` is the block-level element that holds the text (for a line after a ``<br>``, the
    element around it); ``link_chars`` counts the non-space characters inside links; ``group`` is
    the table or ``<pre>`` a row or code line belongs to.
    """

    text: str
    kind: str
    element: etree._Element
    level: int | None = None
    link_chars: int = 0
    cells: list[str] | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    src: str | None = None
    group: etree._Element | None = None

    @property
    def chars(self) -> int:
        """Visible characters, whitespace excluded."""
        return len(squeezed(self.text))

    @cached_property
    def link_density(self) -> float:
        chars = self.chars
        return min(self.link_chars / chars, 1.0) if chars else 0.0

    @cached_property
    def weight(self) -> float:
        """Amount of text in CJK-character units (:func:`cleanpage.segment.prose.weight_of`)."""
        return weight_of(self.text)

    @cached_property
    def prose(self) -> float:
        """How much the block reads like prose on its own, -1 to +1 (:func:`cleanpage.segment.prose.quality`)."""
        return quality(self.text, self.link_density, self.kind, self.weight)


def squeezed(text: str) -> str:
    """``text`` without whitespace. ``str.split()`` splits at exactly the characters the regex ``\\s`` matches
    (checked for every code point in the tests): as ``re.sub(r"\\s+", "", text)``, three times faster."""
    return "".join(text.split())


def clean_text(text: str) -> str:
    """Collapse runs of ASCII whitespace (source line wrapping) and trim; U+3000 and NBSP stay for repairs."""
    return SPACE.sub(" ", text).strip(" ")


def self_and_ancestors(element: etree._Element, count: int | None = None) -> Iterator[etree._Element]:
    """``element`` and its ancestors, the ``count`` closest in all when given: the boxes that may name or style it."""
    return itertools.islice(itertools.chain((element,), element.iterancestors()), count)


def hidden(element: etree._Element) -> bool:
    """Whether the element is not rendered (``hidden`` attribute, ``display:none``, ``visibility:hidden``)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and HIDDEN_STYLE.search(style) is not None


def segment_page(root: etree._Element) -> list[PageBlock]:
    """Every visible block under ``root`` (the page's ``<html>`` or ``<body>``), in document order."""
    walker = _Walker()
    body = root.find("body") if root.tag == "html" else None
    walker.walk(body if body is not None else root)
    return walker.blocks


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[PageBlock] = []
        self.parts: list[tuple[str, bool]] = []  # text, inside a link
        self.links: list[tuple[str, str]] = []
        self.pending_links: list[tuple[str, str]] = []  # links that wrap the next block to start
        self.owner: etree._Element | None = None
        self.kind = "paragraph"
        self.level: int | None = None
        self.data_tables: dict[etree._Element, bool] = {}

    def walk(self, root: etree._Element) -> None:
        self._start(root, "paragraph", None)
        self._visit(root, "paragraph", in_link=False)
        self._flush()

    # -- block boundaries ----------------------------------------------------------------------------
    def _start(self, owner: etree._Element, kind: str, level: int | None) -> None:
        self._flush()
        self.owner, self.kind, self.level = owner, kind, level
        if self.pending_links:
            self.links, self.pending_links = self.pending_links, []

    def _flush(self) -> None:
        if not self.parts:  # most block boundaries follow another one: nothing to join
            self.links = []
            return
        text = "".join([part for part, _ in self.parts])
        # NBSP and U+3000 padding alone is not visible text; whitespace alone (markup indentation) is the most
        # common run and is told apart before collapsing it
        if text.strip() and self.owner is not None:
            text = clean_text(text)
            linked = sum(len(squeezed(part)) for part, in_link in self.parts if in_link)
            self.blocks.append(PageBlock(text, self.kind, self.owner, self.level, linked, links=self.links))
        self.parts, self.links = [], []

    # -- the tree -------------------------------------------------------------------------------------
    def _visit(self, element: etree._Element, kind: str, in_link: bool) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIP or hidden(element):
            return
        if tag == "img":
            self._image(element)
            return
        if tag in {"br", "hr"}:
            self._start(self.owner if self.owner is not None else element, self.kind, self.level)
            return
        if tag in {"pre", "listing", "xmp", "plaintext"} or _code_box(element):
            self._code(element)
            return
        if tag == "tr" and self._in_data_table(element):
            self._row(element)
            return
        is_block = tag in BLOCK_TAGS
        outer = (self.owner, self.kind, self.level)
        if is_block:
            own = KIND_OF_TAG.get(tag)
            if own is None:
                own = kind if kind in INHERITED else "paragraph"
            level = int(tag[1]) if own == "heading" and len(tag) == 2 else (self.level if kind == "heading" else None)
            if kind == "heading" and own == "paragraph":
                own = "heading"  # a <div> inside an <h2> is the heading's text
            kind = own
            self._start(element, kind, level)
        link = in_link or tag in LINK_TAGS
        if tag == "a" and element.get("href"):
            label = clean_text(element.text_content())
            if label and any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in element.iterdescendants()):
                self.pending_links.append((label, element.get("href", "")))  # a card link: its block starts inside
            elif label:
                self.links.append((label, element.get("href", "")))
        if element.text:
            self.parts.append((element.text, link))
        for child in element:
            self._visit(child, kind, link)
            if child.tail:
                self.parts.append((child.tail, link))  # a tail inside this element shares its link state
        if is_block:
            owner, outer_kind, outer_level = outer
            self._start(owner if owner is not None else element, outer_kind, outer_level)

    def _image(self, element: etree._Element) -> None:
        # lazy-loading pages put the real source in data-src / data-original and a placeholder in src
        src = element.get("data-src") or element.get("data-original") or element.get("src") or ""
        if not src.strip() or _tiny(element):
            return
        alt = clean_text(element.get("alt") or element.get("title") or "")
        self._flush()
        self.blocks.append(PageBlock(alt, "image", element, src=src.strip()))

    def _code(self, element: etree._Element) -> None:
        self._flush()
        text = "".join(_visible_text(element))
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        for line in lines:
            if line.strip():
                self.blocks.append(PageBlock(line.rstrip(), "code", element, group=element))
        self.owner = element.getparent()

    def _row(self, row: etree._Element) -> None:
        self._flush()
        cells: list[str] = []
        linked = 0
        links: list[tuple[str, str]] = []
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in {"td", "th"} or hidden(cell):
                continue
            cells.append(clean_text("".join(_visible_text(cell))))
            for anchor in cell.iter("a"):
                if any(hidden(node) for node in self_and_ancestors(anchor) if node is not row):
                    continue
                label = clean_text(anchor.text_content())
                linked += len(squeezed(label))
                if label and anchor.get("href"):
                    links.append((label, anchor.get("href", "")))
        text = " ".join(cell for cell in cells if cell)
        if text:
            table = next(row.iterancestors("table"), row)
            self.blocks.append(PageBlock(text, "table_row", row, None, linked, cells, links, group=table))

    def _in_data_table(self, row: etree._Element) -> bool:
        table = next(row.iterancestors("table"), None)
        if table is None:
            return False
        known = self.data_tables.get(table)
        if known is None:
            known = self.data_tables[table] = _data_table(table)
        return known


def _data_table(table: etree._Element) -> bool:
    """A table of data, not of layout: no nested table, no block content or long text in a cell, and
    at least two rows."""
    rows = 0
    for row in table.iter("tr"):
        if next(row.iterancestors("table"), None) is not table:
            return False  # a nested table: layout
        rows += 1
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in {"td", "th"}:
                continue
            if any(isinstance(d.tag, str) and d.tag in DATA_CELL_BLOCKS for d in cell.iterdescendants()):
                return False
            if sum(1 for _ in cell.iter("br")) > 1:
                return False
            if len(squeezed(cell.text_content())) > DATA_CELL_MAX_CHARS:
                return False
    return rows >= 2


def _code_box(element: etree._Element) -> bool:
    """Whether a ``<div>`` is a box of code whose lines a forum engine breaks with ``<br>`` instead of a ``<pre>``
    (IPB's ``div.codemain``): its class names code, and it holds line breaks and no block of its own."""
    return (element.tag == "div" and bool(class_words(element) & CODE_BOX_WORDS) and element.find(".//br") is not None
            and not any(isinstance(node.tag, str) and node.tag in BLOCK_TAGS for node in element.iterdescendants()))


def _visible_text(element: etree._Element) -> list[str]:
    """The text under ``element`` without skipped or hidden descendants (their tails stay)."""
    out: list[str] = []

    def visit(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag and tag not in SKIP and not hidden(node):
            if tag == "br":
                out.append("\n")
            if node.text:
                out.append(node.text)
            for child in node:
                visit(child)
        if node is not element and node.tail:
            out.append(node.tail)

    visit(element)
    return out


def _tiny(element: etree._Element) -> bool:
    for name in ("width", "height"):
        value = (element.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < TINY_IMAGE:
            return True
    return False
