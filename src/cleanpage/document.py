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

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Removal:
    """Text a detector took out of the body.

    ``action`` is ``drop`` (the whole block), ``trim`` (a span of it),
    ``caption`` (moved to ``metadata.captions``) or ``split`` (a block cut in
    two, nothing lost). ``start``/``end`` are offsets inside the block's text
    at the time of the removal.
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

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Repair:
    """One text repair: ``before`` became ``after`` at ``position``.

    ``position`` is the character offset in the block (or in the text handed
    to :func:`cleanpage.repair_text`), ``block`` the block index when the
    repair ran inside :func:`cleanpage.clean`.
    """

    kind: str
    before: str
    after: str
    position: int
    confidence: float = 1.0
    block: int | None = None
    note: str = ""

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
    language: str | None = None
    script: str | None = None
    encoding: str | None = None
    encoding_reason: str | None = None
    captions: list[str] = field(default_factory=list)
    pages: dict[str, int] | None = None
    truncated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))


@dataclass
class Document:
    """A cleaned page."""

    blocks: list[Block]
    metadata: Metadata
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kind: str = "text"

    @property
    def text(self) -> str:
        """The body, one paragraph per line, no blank lines."""
        return "\n".join(block.text for block in self.blocks)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    def to_dict(self, *, trace: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "kind": self.kind,
            "metadata": self.metadata.to_dict(),
            "warnings": list(self.warnings),
        }
        if trace:
            data["blocks"] = [b.to_dict() for b in self.blocks]
            data["removed"] = [r.to_dict() for r in self.removed]
            data["repairs"] = [r.to_dict() for r in self.repairs]
        return data

    def to_json(self, *, trace: bool = True, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(trace=trace), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The body as Markdown: headings as ``##``, list items as ``-``, quotes as ``>``."""
        out: list[str] = []
        if self.metadata.title:
            out.append(f"# {self.metadata.title}")
        for block in self.blocks:
            if block.kind == "heading":
                out.append(f"## {block.text}")
            elif block.kind == "list_item":
                out.append(f"- {block.text}")
            elif block.kind == "quote":
                out.append(f"> {block.text}")
            else:
                out.append(block.text)
        return "\n\n".join(out) + ("\n" if out else "")
