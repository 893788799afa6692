"""Independent signals on whether a block of the page is main content.

Each signal is one module with one class: a ``name`` (it appears in the reason of every removal it
votes for), a docstring saying what it measures, and ``votes(page)``, one number per block in
``[-1, 1]`` (``+1`` main content, ``-1`` not, ``0`` no opinion). Signals never see each other's
votes; :mod:`cleanpage.segment.scorer` combines them with the weights listed there, in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from lxml import etree

from ..page_blocks import PageBlock, squeezed
from ..prose import clip

__all__ = ["PageContext", "Signal", "clip"]


@dataclass
class PageContext:
    """What every signal reads: the page's tree, its blocks and URL."""

    tree: etree._Element
    blocks: Sequence[PageBlock]
    url: str | None = None
    _keys: list[str] | None = field(default=None, repr=False)
    # what trafilatura extracted (set by its vote): read again when the page shows almost no text of its own
    extracted: str = field(default="", repr=False)

    @property
    def keys(self) -> list[str]:
        """Each block's text without whitespace (for matching against extractors' output)."""
        if self._keys is None:
            self._keys = [squeezed(block.text) for block in self.blocks]
        return self._keys


class Signal:
    """One independent opinion on every block of a page."""

    name: ClassVar[str] = ""

    def votes(self, page: PageContext) -> list[float]:
        raise NotImplementedError
