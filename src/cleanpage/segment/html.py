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
from collections.abc import Mapping
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
# one extracted block that holds a structured fallback's whole text (and this much more) is a layout blob
BLOB_RATIO_STRUCTURED = 1.0
BLOB_MIN_FALLBACK_BLOCKS = 3
MIN_FALLBACK_SENTENCES = 2
# trailing blocks that are mostly link text and short are a related-news or ranking list
LINK_LIST_SHARE = 0.6
LINK_LIST_MAX_CHARS = 60
LINK_LIST_MIN_RUN = 3
BOX_TITLE_MAX_CHARS = 12
BOX_TITLE_NOT = re.compile(r"[\d，。！？；：、,.!?;:（）()]")
CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # class/id words: split at case changes, digits, - and _


@dataclass(frozen=True)
class _Widget:
    """A kind of widget after the article, known by the words of its class or id."""

    words: frozenset[str]
    rule: str
    reason: str
    outweighed: bool  # dropped only when it holds fewer sentences than the rest (it may carry summaries)


COMMENT_WIDGET = _Widget(
    frozenset({"comment", "comments", "cmt", "reply", "replies", "pinglun", "gentie", "tie", "discuss", "discussion"}),
    "html.comment_section", "inside a reader-comment widget after the article", outweighed=False)
RECOMMENDATION_WIDGET = _Widget(
    frozenset({"recommend", "recommends", "recommended", "recommendation", "recommendations", "recom", "related",
               "relate", "tuijian", "xiangguan", "rank", "ranking", "paihang", "hotnews", "toplist"}),
    "html.related_section", "inside a related/recommended-news widget after the article", outweighed=True)


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


def parse_html(text: str, warnings: list[str] | None = None) -> etree._Element | None:
    """The page's lxml tree, or ``None`` when there is nothing to parse.

    libxml2 stops nesting at 256 levels (its ``huge_tree`` option goes deeper, but the Python tree walkers
    downstream then hit the recursion limit): text nested deeper is lost, and that is said in ``warnings``.
    """
    text = EARLY_DOCUMENT_END.sub("", XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if warnings is not None and any("Excessive depth" in entry.message for entry in parser.error_log):
        warnings.append("html: elements nested deeper than the parser's limit were cut; text inside them is lost")
    return tree


def segment_html(text: str, *, url: str | None, config: Config) -> HtmlSegment:
    warnings: list[str] = []
    tree = parse_html(text, warnings)
    if tree is None:
        return HtmlSegment([], PageHints(), ["html: nothing to parse"])
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
    # each block's source element, fixed before any rule removes blocks
    elements = {id(block): element for block, (_, _, element) in zip(blocks, chosen.items)}
    removed = _drop_widget_sections(blocks, elements, COMMENT_WIDGET)
    removed += _drop_widget_sections(blocks, elements, RECOMMENDATION_WIDGET)
    removed += _drop_trailing_link_lists(blocks, elements)
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
                          "block; used the densest container")
    return extracted, ""


def _swallowed(extracted: _Candidate, fallback: _Candidate) -> bool:
    """One extracted block holds all of the fallback's text: a layout blob, not a paragraph.

    Far more (2.5x) is needed when the fallback is one block; when the fallback has paragraphs of
    its own (at least three blocks) holding them is enough, because the blob has lost the article's
    structure (and whatever else it holds, a dateline or a menu, is not a paragraph of it either).
    """
    inner = NO_SPACE.sub("", "".join(text for text, _, _ in fallback.items))
    ratio = BLOB_RATIO_STRUCTURED if len(fallback.items) >= BLOB_MIN_FALLBACK_BLOCKS else TOO_MUCH_TEXT_RATIO
    return any(len(NO_SPACE.sub("", text)) >= ratio * len(inner) and inner in NO_SPACE.sub("", text)
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


def _widget_word(element: etree._Element, words: frozenset[str]) -> bool:
    """Whether ``element`` or an ancestor below ``body`` has a class/id word in ``words``."""
    for node in (element, *element.iterancestors()):
        if node.tag in {"body", "html"}:
            return False
        found = CLASS_WORD.findall(f"{node.get('class', '')} {node.get('id', '')}")
        if any(word.lower() in words for word in found):
            return True
    return False


def _drop_widget_sections(blocks: list[Block], elements: Mapping[int, etree._Element | None],
                          widget: _Widget) -> list[Removal]:
    """Drop blocks after the article that sit in a widget named by its class or id (comments, recommendations).

    Only blocks after the first block outside such a widget go: content that starts inside one is
    left alone (a page may wrap everything in oddly named containers), and so is a page that
    would be left empty. A widget that may carry summaries (recommendations) must also hold fewer
    sentences than the blocks kept, so an article in a misnamed container is never the one dropped.
    """
    flags = [element is not None and _widget_word(element, widget.words)
             for element in (elements.get(id(block)) for block in blocks)]
    if False not in flags:
        return []
    first_article = flags.index(False)
    drop = {index for index, flag in enumerate(flags) if flag and index > first_article}
    if not drop:
        return []
    if widget.outweighed:
        dropped = [block for index, block in enumerate(blocks) if index in drop]
        kept = [block for index, block in enumerate(blocks) if index not in drop]
        if _sentences(dropped) >= _sentences(kept):
            return []
    return _remove(blocks, drop, elements, widget.rule, widget.reason)


def _drop_trailing_link_lists(blocks: list[Block], elements: Mapping[int, etree._Element | None]) -> list[Removal]:
    """Drop the last run of short, mostly-link blocks after the article (related news, rankings, tag clouds).

    The run may be followed by weak lines only (a footer, a follow box); a run followed by prose is
    inside the article and stays.
    """
    def linked(block: Block) -> bool:
        element = elements.get(id(block))
        return (element is not None and len(block.text) <= LINK_LIST_MAX_CHARS
                and link_share(element) >= LINK_LIST_SHARE)

    end = len(blocks)
    while end and not linked(blocks[end - 1]):
        if not _weak(blocks[end - 1]):
            return []
        end -= 1
    start = end
    while start and linked(blocks[start - 1]):
        start -= 1
    if end - start < LINK_LIST_MIN_RUN or start == 0:
        return []
    return _remove(blocks, set(range(start, end)), elements, "html.trailing_link_list",
                   f"{end - start} short link blocks after the content")


def _remove(blocks: list[Block], drop: set[int], elements: Mapping[int, etree._Element | None], rule: str,
            reason: str) -> list[Removal]:
    """Remove the blocks at ``drop`` with what belongs to them: the title just before each run of them
    ("相关新闻", "热门推荐") and, after the last, a tail of weak lines only (a footer, a follow box)."""
    drop = set(drop)
    for index in sorted(drop):
        if index > 1 and index - 1 not in drop and _box_title(blocks[index - 1], elements.get(id(blocks[index - 1]))):
            drop.add(index - 1)
    after = max(drop) + 1
    if all(_weak(block) for block in blocks[after:]):
        drop.update(range(after, len(blocks)))
    removed = [Removal("html", rule, reason, block.text, block.index, block.line)
               for index, block in enumerate(blocks) if index in drop]
    blocks[:] = [block for index, block in enumerate(blocks) if index not in drop]
    return removed


def _weak(block: Block) -> bool:
    """A line that cannot be article prose on its own: short and without a sentence end."""
    return len(block.text) <= LINK_LIST_MAX_CHARS and not SENTENCE_END.search(block.text)


def _box_title(block: Block, element: etree._Element | None) -> bool:
    """A short title right before a list ("相关新闻", "热门推荐", "时报观察"): a heading, or words without
    punctuation outside a ``<p>`` (a paragraph of the article would be in one)."""
    if len(block.text) > BOX_TITLE_MAX_CHARS:
        return False
    return block.kind == "heading" or (element is not None and element.tag != "p"
                                       and not BOX_TITLE_NOT.search(block.text))


def _sentences(blocks: list[Block]) -> int:
    return sum(len(SENTENCE_END.findall(block.text)) for block in blocks)
