"""Element trees to ordered ``(text, kind)`` blocks, keeping the structure.

Two vocabularies are read: trafilatura's output tree (``p``, ``head``,
``list``/``item``, ``quote``, ``table``/``row``/``cell``, ``lb``) and plain
HTML (``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``tr``/``td``,
``figcaption``, ``br``) for the fallback extractor. A line break inside a
block ends the block, because Chinese pages often separate paragraphs with
``<br>`` only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

KIND_OF_TAG = {
    "p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph", "center": "paragraph",
    "head": "heading", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "item": "list_item", "li": "list_item", "dt": "list_item", "dd": "list_item",
    "quote": "quote", "blockquote": "quote", "row": "table_row", "tr": "table_row", "caption": "caption",
    "figcaption": "caption", "code": "code", "pre": "code",
}
CONTAINERS = {"list", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "body", "doc", "main", "figure"}
BREAKS = {"lb", "br", "hr"}
CELLS = {"cell", "td", "th"}
SKIP = {"script", "style", "noscript", "template", "iframe", "select", "option", "button", "textarea", "svg",
        "graphic", "img", "input", "form", "object", "embed", "video", "audio", "canvas", "map"}
SPACE = re.compile(r"[ \t\r\n\f\v]+")


def clean_text(text: str) -> str:
    """Collapse runs of ASCII whitespace (source line wrapping) and trim; U+3000 and NBSP stay for repairs."""
    return SPACE.sub(" ", text).strip(" ")


def iter_blocks(root: etree._Element) -> Iterator[tuple[str, str, etree._Element]]:
    """``(text, kind, element)`` for each block under ``root``, in document order."""
    yield from _Walker().walk(root, "paragraph")


class _Walker:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.kind = "paragraph"
        self.owner: etree._Element | None = None
        self.out: list[tuple[str, str, etree._Element]] = []

    def walk(self, root: etree._Element, kind: str) -> Iterator[tuple[str, str, etree._Element]]:
        self._open(root, kind)
        self._visit(root, kind, top=True)
        self._flush()
        return iter(self.out)

    def _open(self, element: etree._Element, kind: str) -> None:
        self._flush()
        self.kind, self.owner = kind, element

    def _flush(self) -> None:
        text = clean_text("".join(self.parts))
        if text and self.owner is not None:
            self.out.append((text, self.kind, self.owner))
        self.parts = []

    def _visit(self, element: etree._Element, parent_kind: str, top: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIP:
            return
        own_kind = KIND_OF_TAG.get(tag)
        if tag == "code" and "\n" not in "".join(element.itertext()):
            own_kind = None  # inline code inside a sentence
        # a paragraph inside a list item, a table row, a heading or a caption stays part of it
        inside_unit = parent_kind in {"list_item", "table_row", "heading", "caption"} and own_kind == "paragraph"
        is_block = not top and not inside_unit and (own_kind is not None or tag in CONTAINERS)
        kind = parent_kind
        if is_block:
            kind = own_kind or parent_kind
            self._open(element, kind)
        if tag in CELLS and "".join(self.parts).strip():
            self.parts.append(" ")
        if element.text:
            self.parts.append(element.text)
        for child in element:
            self._visit(child, kind)
            if isinstance(child.tag, str) and child.tag in BREAKS:
                self._open(element, kind)
            if child.tail:
                self.parts.append(child.tail)
        if is_block:
            parent = element.getparent()
            self._open(parent if parent is not None else element, parent_kind)
