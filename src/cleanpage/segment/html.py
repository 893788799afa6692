"""Segment an HTML page into blocks of its main content, plus the page's metadata.

The page is parsed once with lxml. That one tree serves three readers:

1. :mod:`cleanpage.htmlmeta` reads titles, dates, bylines, breadcrumbs and
   links from the whole DOM (they often sit outside the main block);
2. trafilatura (fast mode, on its own copy of the tree) finds the main content
   with its structure (paragraphs, headings, list items, quotes, table rows);
3. :mod:`cleanpage.segment.density` finds the container with the most
   sentence punctuation, the fallback when trafilatura keeps too little (a
   short news flash, an unusual layout) or too much (a whole layout table,
   related lists and comment widgets around a short article).

The choice between the two is made on measured signals only (amount of
sentence-final punctuation and of text in each candidate), never on the
site. Blocks are then located in the source tree (line, DOM path), and a
trailing run of link lists (related news, rankings) is dropped and recorded.
The text-level repairs and detectors then run on these blocks as on a text
dump, so chrome that survives extraction is still removed and recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ..config import Config
from ..document import Block, Removal
from ..htmlmeta import harvest_metadata
from ..page import PageHints
from .align import SourceIndex, link_share
from .blocks import iter_blocks
from .density import densest_container

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# An end tag of the document (a server-side include that closes its own <html>) followed by more
# markup: libxml2 stops reading at it, and the article after it would be lost.
EARLY_DOCUMENT_END = re.compile(r"</(?:html|body)\s*>(?=.*?<(?:div|p|table|article|section|span|td)\b)",
                                re.IGNORECASE | re.DOTALL)
SENTENCE_END = re.compile(r"[。！？!?]")
NO_SPACE = re.compile(r"\s+")
# trafilatura keeps too little when the densest container holds more than twice its sentences.
TOO_LITTLE_RATIO = 0.5
# trafilatura keeps too much when it has this many times the container's text for about the same sentences.
TOO_MUCH_TEXT_RATIO = 2.5
SAME_SENTENCES_RATIO = 0.8
# one extracted block that holds a structured fallback's whole text and this much more is a layout blob
BLOB_RATIO_STRUCTURED = 1.1
BLOB_MIN_FALLBACK_BLOCKS = 3
MIN_FALLBACK_SENTENCES = 2
# trailing blocks that are mostly link text and short are a related-news or ranking list
LINK_LIST_SHARE = 0.6
LINK_LIST_MAX_CHARS = 60
LINK_LIST_MIN_RUN = 3
# class/id words of reader-comment widgets (跟贴, 评论, replies), split at case changes, dashes and underscores
COMMENT_WORDS = frozenset({"comment", "comments", "cmt", "reply", "replies", "pinglun", "gentie", "tie", "discuss",
                           "discussion"})
CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass
class HtmlSegment:
    blocks: list[Block]
    hints: PageHints
    warnings: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)


@dataclass
class _Candidate:
    name: str
    items: list[tuple[str, str, etree._Element | None]]  # text, kind, source element when known

    @property
    def chars(self) -> int:
        return sum(len(text) for text, _, _ in self.items)

    @property
    def sentences(self) -> int:
        return sum(len(SENTENCE_END.findall(text)) for text, _, _ in self.items)


def parse_html(text: str) -> etree._Element | None:
    """The page's lxml tree, or ``None`` when there is nothing to parse."""
    text = EARLY_DOCUMENT_END.sub("", XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(remove_comments=True))
    except (etree.ParserError, ValueError):
        return None


def segment_html(text: str, *, url: str | None, config: Config) -> HtmlSegment:
    tree = parse_html(text)
    if tree is None:
        return HtmlSegment([], PageHints(), ["html: nothing to parse"])
    warnings: list[str] = []
    host = _host(url)
    for selector in config.selectors_for(host):
        _drop_selector(tree, selector, warnings)
    meta = harvest_metadata(tree, url)
    extracted = _trafilatura(tree, url)
    container = densest_container(tree)
    fallback = _Candidate("density", [(t, k, e) for t, k, e in iter_blocks(container.element)]) if container else None
    chosen, why = choose(extracted, fallback)
    if why:
        warnings.append(f"html: {why}")
    blocks = _to_blocks(chosen, tree, text)
    removed = _drop_comment_sections(blocks, chosen)
    removed += _drop_trailing_link_lists(blocks, chosen)
    return HtmlSegment(blocks, PageHints(titles=meta.titles, values=meta.values), warnings, removed)


def choose(extracted: _Candidate, fallback: _Candidate | None) -> tuple[_Candidate, str]:
    """The candidate to keep and, when it is the fallback, the measured reason."""
    if fallback is None or fallback.sentences < MIN_FALLBACK_SENTENCES:
        return extracted, ""
    if extracted.sentences < TOO_LITTLE_RATIO * fallback.sentences:
        return fallback, (f"main-content extraction kept too little ({extracted.sentences} sentences, "
                          f"densest container {fallback.sentences}); used the densest container")
    if (extracted.chars > TOO_MUCH_TEXT_RATIO * fallback.chars
            and fallback.sentences >= SAME_SENTENCES_RATIO * extracted.sentences):
        return fallback, (f"main-content extraction kept too much ({extracted.chars} characters for "
                          f"{extracted.sentences} sentences, densest container {fallback.chars} for "
                          f"{fallback.sentences}); used the densest container")
    if _swallowed(extracted, fallback):
        return fallback, ("main-content extraction merged the densest container's whole text into one "
                          "much longer block; used the densest container")
    return extracted, ""


def _swallowed(extracted: _Candidate, fallback: _Candidate) -> bool:
    """One extracted block holds all of the fallback's text and more: a layout blob, not a paragraph.

    Far more (2.5x) is enough on its own; a little more is enough when the fallback has paragraphs of
    its own (at least three blocks), because then the blob has also lost the article's structure.
    """
    inner = NO_SPACE.sub("", "".join(text for text, _, _ in fallback.items))
    ratio = BLOB_RATIO_STRUCTURED if len(fallback.items) >= BLOB_MIN_FALLBACK_BLOCKS else TOO_MUCH_TEXT_RATIO
    return any(len(NO_SPACE.sub("", text)) > ratio * len(inner) and inner in NO_SPACE.sub("", text)
               for text, _, _ in extracted.items)


def _host(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname if url else None


def _drop_selector(tree: etree._Element, selector: str, warnings: list[str]) -> None:
    try:
        matches = tree.cssselect(selector)
    except Exception as exc:  # cssselect raises its own SelectorError family
        warnings.append(f"html: invalid CSS selector {selector!r}: {exc}")
        return
    for element in matches:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()


def _trafilatura(tree: etree._Element, url: str | None) -> _Candidate:
    import trafilatura

    document = trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False, include_tables=True,
                                           include_images=False, with_metadata=False)
    body = getattr(document, "body", None) if document is not None else None
    if body is None:
        return _Candidate("trafilatura", [])
    return _Candidate("trafilatura", [(t, k, None) for t, k, _ in iter_blocks(body)])


def _to_blocks(candidate: _Candidate, tree: etree._Element, source: str) -> list[Block]:
    elements = [e for _, _, e in candidate.items]
    if any(e is None for e in elements):
        located = SourceIndex(tree).locate([t for t, _, _ in candidate.items])
        elements = [node.element if node else None for node in located]
        candidate.items = [(t, k, e) for (t, k, _), e in zip(candidate.items, elements)]
    roottree = tree.getroottree()
    line_starts = _line_starts(source)
    blocks = []
    for index, (text, kind, element) in enumerate(candidate.items):
        line = element.sourceline if element is not None else None
        start = line_starts[line - 1] if line is not None and 0 < line <= len(line_starts) else None
        path = roottree.getpath(element) if element is not None else None
        blocks.append(Block(text, kind, index, line, start, path))
    return blocks


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", source))
    return starts


def _in_comment_section(element: etree._Element) -> bool:
    for node in (element, *element.iterancestors()):
        if node.tag in {"body", "html"}:
            return False
        words = CLASS_WORD.findall(f"{node.get('class', '')} {node.get('id', '')}")
        if any(word.lower() in COMMENT_WORDS for word in words):
            return True
    return False


def _drop_comment_sections(blocks: list[Block], candidate: _Candidate) -> list[Removal]:
    """Drop blocks after the article that sit in a reader-comment widget (class or id says comment/reply/跟贴).

    Only blocks after the first block outside such a widget go: content that starts inside one is
    left alone (a page may wrap everything in oddly named containers), and so is a page that
    would be left empty.
    """
    elements = {id(block): element for block, (_, _, element) in zip(blocks, candidate.items)}
    flags = [element is not None and _in_comment_section(element)
             for element in (elements.get(id(block)) for block in blocks)]
    if False not in flags:
        return []
    first_article = flags.index(False)
    dropped = [block for block, flag in zip(blocks[first_article:], flags[first_article:]) if flag]
    if not dropped:
        return []
    gone = {id(block) for block in dropped}
    blocks[:] = [block for block in blocks if id(block) not in gone]
    return [Removal("html", "html.comment_section", "inside a reader-comment widget after the article",
                    block.text, block.index, block.line) for block in dropped]


def _drop_trailing_link_lists(blocks: list[Block], candidate: _Candidate) -> list[Removal]:
    """Drop the run of short, mostly-link blocks at the end (related news, rankings, tag clouds)."""
    elements = {id(block): element for block, (_, _, element) in zip(blocks, candidate.items)}
    run = 0
    for block in reversed(blocks):
        element = elements.get(id(block))
        if element is None or len(block.text) > LINK_LIST_MAX_CHARS or link_share(element) < LINK_LIST_SHARE:
            break
        run += 1
    if run < LINK_LIST_MIN_RUN or run == len(blocks):
        return []
    dropped = blocks[len(blocks) - run:]
    del blocks[len(blocks) - run:]
    # a short heading right before the list ("相关新闻", "热门推荐") belongs to it
    if blocks and blocks[-1].kind == "heading" and len(blocks[-1].text) <= 12:
        dropped.insert(0, blocks.pop())
    return [Removal("html", "html.trailing_link_list", f"{run} short link blocks at the end of the content",
                    block.text, block.index, block.line) for block in dropped]
