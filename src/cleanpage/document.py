"""The result of cleaning a page: text, metadata and the trace of every change.

A ``Document`` is what :func:`cleanpage.clean` returns. It keeps the kept
blocks, the harvested :class:`Metadata`, every :class:`Removal` (what a
detector dropped and why), every :class:`Repair` (what a repair rewrote) and
any warnings, so a user can always see why text vanished or changed.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Block:
    """One unit of page text: a line of a dump, or a paragraph/heading/... of HTML.

    ``kind`` is one of paragraph, heading, list_item, quote, table_row, caption,
    line (a text dump's line) or code. ``index`` is the block's position in the original segmentation (stable
    across the pipeline), ``line`` the 1-based source line where known and
    ``start`` the character offset of the block in the decoded source.
    """

    text: str
    kind: str = "line"
    index: int = 0
    line: int | None = None
    start: int | None = None
    path: str | None = None  # DOM path for HTML blocks
    level: int | None = None  # a heading's level (1 for <h1>)
    cells: list[str] | None = None  # a table row's cells
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, href) of the links in the block
    src: str | None = None  # an image's source (its alt text is ``text``)
    group: str | None = None  # DOM path of the table or <pre> a row or code line belongs to
    page: int | None = None  # in a merged article (cleanpage.merge), the page the block came from; None otherwise

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Removal:
    """Text a detector took out of the body.

    ``action`` is ``drop`` (the whole block), ``trim`` (a span of it),
    ``caption`` (moved to ``metadata.captions``) or ``split`` (a block cut in
    two, nothing lost). ``start``/``end`` are offsets inside the block's text
    at the time of the removal. In a document merged from an article's pages
    (:func:`cleanpage.merge`), ``page`` is the page number and ``block`` an
    index within that page.
    """

    detector: str
    rule: str
    reason: str
    text: str
    block: int
    line: int | None = None
    action: str = "drop"
    start: int | None = None
    end: int | None = None
    page: int | None = None  # in a merged article (cleanpage.merge), the page it was removed from; None otherwise

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Repair:
    """One text repair: ``before`` became ``after`` at ``position``.

    ``position`` is the character offset in the block (or in the text handed
    to :func:`cleanpage.repair_text`), ``block`` the block index when the
    repair ran inside :func:`cleanpage.clean`, ``page`` its page in a merged
    article (:func:`cleanpage.merge`).
    """

    kind: str
    before: str
    after: str
    position: int
    confidence: float = 1.0
    block: int | None = None
    note: str = ""
    page: int | None = None  # in a merged article (cleanpage.merge), the page it was made on; None otherwise

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Metadata:
    """What the page says about itself. ``None`` (or an empty list) means unknown.

    Dates are ISO 8601 at the precision the page shows (``2018-06-13`` or
    ``2018-06-13T09:30``); names and values keep the page's script.
    """

    title: str | None = None
    original_title: str | None = None
    summary: str | None = None
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    source: str | None = None
    published: str | None = None
    updated: str | None = None
    views: int | None = None
    category: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    site_name: str | None = None
    publisher: str | None = None
    copyright: str | None = None
    icp: str | None = None
    filings: dict[str, list[str]] = field(default_factory=dict)
    url: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    image: str | None = None  # the page's lead image (og:image, JSON-LD image), an absolute URL
    language: str | None = None  # BCP 47, read from the body: zh-Hans, zh-Hant, en, de... (cleanpage.language)
    script: str | None = None
    encoding: str | None = None
    encoding_reason: str | None = None
    captions: list[str] = field(default_factory=list)
    pages: dict[str, int] | None = None
    next_url: str | None = None  # the pager's next page of this article, absolute; None on the last page (cleanpage.pager)
    prev_url: str | None = None  # the pager's previous page, absolute; None on the first page
    page_urls: list[str] = field(default_factory=list)  # every page of the article in order, when the pager lists all
    truncated: bool = False
    page_type: str | None = None  # HTML: article, forum_thread, list, doc_preview, error_or_login or other
    confidence: float | None = None  # HTML: how sure the main-content choice is, 0-1
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))


@dataclass
class Post:
    """One post of a forum thread: its author and time as the page shows them, and its text."""

    text: str
    author: str | None = None
    published: str | None = None
    blocks: list[int] = field(default_factory=list)  # indices of the post's blocks

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Document:
    """A cleaned page.

    ``blocks`` hold the body's structure (kinds, heading levels, table cells, links, images);
    ``text`` is the body as plain lines. Images and link targets appear in ``text`` only when
    ``text_images`` / ``text_links`` are set (``Config.images`` / ``Config.links``); Markdown always
    has them.
    """

    blocks: list[Block]
    metadata: Metadata
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kind: str = "text"
    posts: list[Post] = field(default_factory=list)
    text_links: bool = False
    text_images: bool = False

    @property
    def text(self) -> str:
        """The body, one paragraph per line, no blank lines."""
        lines = []
        for block in self.blocks:
            if block.kind == "image":
                if self.text_images:
                    lines.append(_image(block))
            else:
                lines.append(_linked(block) if self.text_links else block.text)
        return "\n".join(lines)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    def to_dict(self, *, trace: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "kind": self.kind,
            "metadata": self.metadata.to_dict(),
            "warnings": list(self.warnings),
            "posts": [post.to_dict() for post in self.posts],
        }
        if trace:
            data["blocks"] = [b.to_dict() for b in self.blocks]
            data["removed"] = [r.to_dict() for r in self.removed]
            data["repairs"] = [r.to_dict() for r in self.repairs]
        return data

    def to_json(self, *, trace: bool = True, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(trace=trace), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The body as Markdown: headings by level, lists, quotes, pipe tables, fenced code, images, links."""
        out: list[str] = []
        if self.metadata.title:
            out.append(f"# {self.metadata.title}")
        index = 0
        blocks = self.blocks
        while index < len(blocks):
            block = blocks[index]
            if block.kind in {"table_row", "code"} and block.group is not None:
                end = index
                while end < len(blocks) and blocks[end].kind == block.kind and blocks[end].group == block.group:
                    end += 1
                run = blocks[index:end]
                out.append(_table(run) if block.kind == "table_row" else _fence(run))
                index = end
                continue
            out.append(_markdown_line(block))
            index += 1
        return "\n\n".join(out) + ("\n" if out else "")


def _markdown_line(block: Block) -> str:
    text = _linked(block)
    if block.kind == "heading":
        return "#" * min(max(block.level or 2, 2), 6) + " " + text
    if block.kind == "list_item":
        return f"- {text}"
    if block.kind == "quote":
        return f"> {text}"
    if block.kind == "image":
        return _image(block)
    if block.kind == "code":
        return f"```\n{block.text}\n```"
    return text


def _linked(block: Block) -> str:
    """The block's text with each link written ``[text](href)``: links are found in reading order in the
    original text, each after the previous one, so a link never lands inside another or its URL."""
    text = block.text
    out: list[str] = []
    cursor = 0
    for label, href in block.links:
        if not href or href.startswith(("javascript:", "#")):
            continue
        at = text.find(label, cursor)
        if at < 0:
            continue
        out.append(text[cursor:at])
        out.append(f"[{label}]({href})")
        cursor = at + len(label)
    out.append(text[cursor:])
    return "".join(out)


def _image(block: Block) -> str:
    return f"![{block.text}]({block.src or ''})"


def _table(rows: list[Block]) -> str:
    cells = [[cell.replace("|", "\\|") for cell in (row.cells or [row.text])] for row in rows]
    width = max(len(row) for row in cells)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in cells]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _fence(lines: list[Block]) -> str:
    return "```\n" + "\n".join(block.text for block in lines) + "\n```"
