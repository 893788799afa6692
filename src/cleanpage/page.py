"""The working state detectors read, and the findings they return.

Detectors never change a :class:`Page`; they return findings (:class:`Drop`,
:class:`Trim`, :class:`Split`, :class:`Harvest`, :class:`Warn`) and the
pipeline applies them, so every change is recorded and any detector can be
switched off by name.

Zones follow the chrome catalogue (§2.1): HEAD is everything before the first
body-like block, TAIL everything after the last one. A *body-like* block is
sentence-like and at least 40 visible characters long, or one of two
sentence-like blocks in a row of at least 20 characters each.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .config import Config
from .document import Block
from .evidence import Evidence
from .joined import join_lines, lines_matching
from .profile_model import SiteProfile
from .shadow import Features, features, fold

T = TypeVar("T")


@dataclass(slots=True)
class Drop:
    """Remove ``block`` from the body (or move it to captions when ``caption``)."""

    block: Block
    rule: str
    reason: str
    caption: bool = False


@dataclass(slots=True)
class Trim:
    """Remove ``block.text[start:end]``; the rest of the block stays."""

    block: Block
    start: int
    end: int
    rule: str
    reason: str


@dataclass(slots=True)
class Split:
    """Cut ``block`` in two at offset ``at``; nothing is lost. ``kinds`` sets the two parts' kinds."""

    block: Block
    at: int
    rule: str
    reason: str
    kinds: tuple[str, str] | None = None


@dataclass(slots=True)
class Harvest:
    """Set a metadata field. The value with the highest confidence wins; on a tie the first."""

    field: str
    value: Any
    rule: str
    raw: str = ""
    confidence: float = 0.5
    append: bool = False  # list fields: add to the list instead of replacing it


@dataclass(slots=True)
class Warn:
    message: str


# Findings are built by the thousand on a large page and never shared or hashed: plain slotted records,
# not frozen ones (a frozen dataclass is three times slower to build).
Finding = Drop | Trim | Split | Harvest | Warn


@dataclass
class PageHints:
    """Facts found outside the body text, mostly from HTML (``<title>``, meta tags, JSON-LD)."""

    titles: list[str] = field(default_factory=list)  # candidate headlines, best first
    values: Evidence = field(default_factory=Evidence)  # metadata candidates from the DOM, the decoder, the limits
    # Indexes of the blocks inside an element a user ``drop_selectors`` rule matched: the ``user_rules``
    # detector drops them after the default detectors, so the rule changes nothing else on the page.
    user_selected: set[int] = field(default_factory=set)
    # Indexes of the blocks a thread's posts hold as their own text (HTML threads): body wherever they sit.
    post_text: set[int] = field(default_factory=set)
    # The page declares itself one article (``og:type`` article, a JSON-LD Article, NewsArticle, BlogPosting…): a list
    # of links in it is the article's (a digest of links), not an index of other pages.
    declared_article: bool = False


class Page:
    """Blocks still in the body, what has been harvested, and cached line features."""

    def __init__(self, blocks: list[Block], *, config: Config, url: str | None = None, kind: str = "text",
                 hints: PageHints | None = None, profile: SiteProfile | None = None) -> None:
        self.blocks = blocks
        self.profile = profile  # the learned chrome of the page's site, read by the site_profile detector
        self.config = config
        self.url = url
        self.host = (urlsplit(url).hostname or None) if url else None
        self.kind = kind
        self.hints = hints or PageHints()
        self.meta = Evidence(self.hints.values)  # the detectors' harvests are offered here too
        # Keyed by the text itself: a trimmed or split block gets a fresh entry, so nothing is invalidated.
        self._lines: dict[str, tuple[str, Features]] = {}
        self._views: dict[Callable[[str], Any], dict[str, Any]] = {}
        self._body: list[bool] | None = None
        self._joined: dict[Callable[[str], str] | None, tuple[str, list[int]]] = {}
        self._zones: tuple[int, int] | None = None

    # -- per-block views -------------------------------------------------------------------------
    # Detectors ask for these hundreds of thousands of times per megabyte: one dict lookup each.
    def shadow(self, block: Block) -> str:
        entry = self._lines.get(block.text)
        return (entry or self._add_line(block.text))[0]

    def features(self, block: Block) -> Features:
        entry = self._lines.get(block.text)
        return (entry or self._add_line(block.text))[1]

    def compact(self, block: Block) -> str:
        """The shadow without whitespace: for whole-line comparisons."""
        return self.features(block).visible

    def view(self, derive: Callable[[str], T], block: Block) -> T:
        """``derive(shadow)`` for ``block``, computed once per distinct text (``derive`` must be pure)."""
        cache = self._views.get(derive)
        if cache is None:
            cache = self._views[derive] = {}
        text = block.text
        if text in cache:
            value: T = cache[text]  # typed by annotation: ``cast`` would be a function call per hit
            return value
        value = cache[text] = derive(self.shadow(block))
        return value

    def views(self, derive: Callable[[str], T]) -> list[T]:
        """:meth:`view` of every block, in page order (cache hits read in line: it is asked after every change)."""
        cache = self._views.get(derive, {})
        return [cache[block.text] if block.text in cache else self.view(derive, block) for block in self.blocks]

    def matching(self, pattern: re.Pattern[str], derive: Callable[[str], str] | None = None) -> list[int]:
        """Positions of the blocks whose shadow (or ``derive(shadow)``) has a match of ``pattern``, in one scan.

        For unanchored patterns (no ``^``/``$``): they are searched across all the lines joined by
        newlines, and each hit is re-checked on its own line, so a match spanning two lines never counts.
        """
        if not self.blocks:
            return []
        joined, starts = self._joined_lines(derive)
        if derive is None:
            return lines_matching(pattern, joined, starts, lambda i: self.shadow(self.blocks[i]))
        return lines_matching(pattern, joined, starts, lambda i: self.view(derive, self.blocks[i]))

    def joined(self, derive: Callable[[str], str] | None = None) -> str:
        """Every block's shadow (or ``derive(shadow)``) joined by newlines: one search answers for the page."""
        return self._joined_lines(derive)[0]

    def _joined_lines(self, derive: Callable[[str], str] | None) -> tuple[str, list[int]]:
        joined = self._joined.get(derive)
        if joined is None:
            lines = [self.shadow(block) for block in self.blocks] if derive is None else self.views(derive)
            joined = self._joined[derive] = join_lines(lines)
        return joined

    def _add_line(self, text: str) -> tuple[str, Features]:
        if not self._lines:
            self._fold_page()
            if text in self._lines:
                return self._lines[text]
        shadow = fold(text)
        entry = self._lines[text] = (shadow, features(shadow))
        return entry

    def _fold_page(self) -> None:
        """Fold every block in one call: folding costs per call as much as per character on short lines."""
        texts = list(dict.fromkeys(block.text for block in self.blocks))
        folded = fold("\n".join(texts))  # folding keeps lengths and never touches a newline
        position = 0
        for text in texts:
            shadow = folded[position:position + len(text)]
            position += len(text) + 1
            self._lines[text] = (shadow, features(shadow))

    def position(self, block: Block) -> int:
        for i, candidate in enumerate(self.blocks):
            if candidate is block:
                return i
        raise ValueError("block is not on the page")

    # -- zones -----------------------------------------------------------------------------------
    def body_like(self, i: int) -> bool:
        if self._body is None:
            self._body = self._body_flags()
        return self._body[i]

    def _body_flags(self) -> list[bool]:
        """Per position: sentence-like and 40+ characters, or 20+ with a sentence-like 20+ neighbour; or a line
        of a thread's post (a one-line reply is body however short)."""
        lines = self._lines  # features() read in line: the zones are computed again after every change
        feats = [(lines.get(block.text) or self._add_line(block.text))[1] for block in self.blocks]
        fair = [f.sentence_like for f in feats]  # sentence-like lines have 20+ characters
        last = len(feats) - 1
        posts = self.hints.post_text
        return [(fair[i] and (feats[i].vlen >= 40 or (i > 0 and fair[i - 1]) or (i < last and fair[i + 1])))
                or self.blocks[i].index in posts for i in range(len(feats))]

    def _compute_zones(self) -> tuple[int, int]:
        if self._zones is None:
            if self._body is None:
                self._body = self._body_flags()
            flags = self._body
            first = next((i for i, flag in enumerate(flags) if flag), len(self.blocks))
            last = next((i for i in range(len(flags) - 1, -1, -1) if flags[i]), -1)
            self._zones = (first, last)
        return self._zones

    @property
    def first_body(self) -> int:
        """Position of the first body-like block (``len(blocks)`` when there is none)."""
        return (self._zones or self._compute_zones())[0]

    @property
    def last_body(self) -> int:
        """Position of the last body-like block (-1 when there is none)."""
        return (self._zones or self._compute_zones())[1]

    def in_head(self, i: int) -> bool:
        return i < self.first_body

    def in_tail(self, i: int) -> bool:
        return i > self.last_body

    def in_edge(self, i: int) -> bool:
        return self.in_head(i) or self.in_tail(i)

    def changed(self) -> None:
        """Called by the pipeline after it applied findings."""
        self._body = None
        self._joined = {}
        self._zones = None

    # -- metadata --------------------------------------------------------------------------------
    def value(self, name: str) -> Any:
        found = self.meta.get(name)
        return found.value if found else None

    @property
    def html_page_type(self) -> str | None:
        """The page type the HTML reader gave (``forum_thread``, ``article``…); ``None`` on a text dump."""
        page_type = self.value("page_type")
        return str(page_type) if self.kind == "html" and page_type is not None else None

    @property
    def title(self) -> str | None:
        title = self.value("title")
        if title:
            return str(title)
        return self.hints.titles[0] if self.hints.titles else None
