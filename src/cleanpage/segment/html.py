"""Segment HTML into blocks (interim: replaced by the full HTML path)."""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html

from ..config import Config
from ..document import Block
from ..page import PageHints


@dataclass
class HtmlSegment:
    blocks: list[Block]
    hints: PageHints
    warnings: list[str] = field(default_factory=list)


def segment_html(text: str, *, url: str | None, config: Config) -> HtmlSegment:
    import trafilatura

    extracted = trafilatura.extract(text, url=url, include_comments=False) or ""
    tree = lxml.html.fromstring(text) if text.strip() else None
    titles = [t.strip() for t in (tree.xpath("//title//text()") if tree is not None else []) if t.strip()]
    blocks = [Block(line.strip(), "paragraph", i) for i, line in enumerate(l for l in extracted.splitlines() if l.strip())]
    return HtmlSegment(blocks, PageHints(titles=titles))
