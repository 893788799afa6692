"""Segment an HTML page: the whole page as blocks, main content chosen block by block.

The page is parsed once with lxml. That one tree serves every reader:

1. :mod:`cleanpage.segment.htmlmeta` reads titles, dates, bylines, breadcrumbs and links from the whole
   DOM (they often sit outside the main block);
2. :mod:`cleanpage.segment.page_blocks` turns every piece of visible text into a typed block
   (heading with level, paragraph, list item, table row with cells, code line, quote, caption,
   image) with its element;
3. :mod:`cleanpage.segment.scorer` asks independent signals (trafilatura, the densest prose
   container, text quality, markup semantics, repetition) about every block and
   keeps the main content; every other block is a removal (detector ``content``) whose reason
   names the signals against it, so the whole page is accounted for;
4. :mod:`cleanpage.segment.page_type` reads the page's type and the confidence of the choice
   from the same signals, and warns when the choice is weak.

Widgets after the article that the scorer kept (recommendation sections known by their class
words, a trailing run of short link lists) are then dropped and recorded, and the
text-level repairs and detectors run on the kept blocks as on a text dump, so chrome that
survives selection is still removed and recorded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ..config import Config
from ..document import Block, Post, Removal, Repair
from ..evidence import Evidence
from ..lexicon import RELATED_SECTION_HEADINGS
from ..page import PageHints
from ..pager import read_html
from ..shadow import fold
from .htmlmeta import POSTER_LABEL_RULE, harvest_metadata
from .markup_names import class_words
from .page_blocks import PageBlock, segment_page
from .page_type import classify
from .photo_captions import mark_photo_captions
from .posts import ThreadPost, find_posts, leads_nowhere, opening_header
from .prose import weight_of
from .scorer import Decision, decide
from .signals import PageContext
from .signals._overlap import coverage
from .visual_lines import join_visual_lines, keep_cut_lines

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# An end tag of the document (a server-side include that closes its own <html>) followed by more
# markup: libxml2 stops reading at it, and the article after it would be lost.
EARLY_DOCUMENT_END = re.compile(r"</(?:html|body)\s*>(?=.*?<(?:div|p|table|article|section|span|td)\b)",
                                re.IGNORECASE | re.DOTALL)
SENTENCE_END = re.compile(r"[。！？!?]")
NO_SPACE = re.compile(r"\s+")
LINK_TAGS = {"a", "button"}
# trailing blocks that are mostly link text and short are a related-news or ranking list
LINK_LIST_SHARE = 0.6
LINK_LIST_MAX_CHARS = 60
LINK_LIST_MIN_RUN = 3
BOX_TITLE_MAX_CHARS = 12
BOX_TITLE_NOT = re.compile(r"[\d，。！？；：、,.!?;:（）()]")


@dataclass(frozen=True)
class _Widget:
    """A kind of widget after the article, known by the words of its class or id."""

    words: frozenset[str]
    rule: str
    reason: str
    line_max: float | None = None  # the most text (CJK-character units) a line of it may hold, if it holds only short ones


# A heading naming a section of other pages, alone on its line (with a colon, a more-link arrow or 更多 after it).
RELATED_HEADING = re.compile(rf"[\W_]*(?:{'|'.join(sorted(RELATED_SECTION_HEADINGS, key=len, reverse=True))})"
                             r"[\W_]*(?:更多[\W_]*)?")
# A heading naming the readers' comments (评论（3）, 网友留言, 全部评论 12 条, Comments (4)), alone on its line.
COMMENTS_HEADING = re.compile(r"[\W_]*(?:网友|网民|读者|用户|热门|最新|全部|精彩)?(?:评论|留言|跟帖|跟贴)\s*(?:[(（]?\s*\d+\s*条?\s*[)）]?)?"
                              r"[\W_]*|(?:\d+\s+)?comments?(?:\s*\(\d+\))?", re.IGNORECASE)
MIN_COMMENT_LINES = 2  # lines under a comments heading beside it: a heading alone (no comments yet) is left
SECTION_DEPTH = 5  # levels above a kept block where a headed section holding it is looked for
TEASER_TITLES = 3  # items of a linked title over a summary in one element that make it a list of other pages
TEASER_TITLE_MIN, TEASER_TITLE_MAX = 4, 60  # a teaser's title in Chinese-character units (a Latin word is 2.5)
TEASER_SUMMARY_MIN = 15  # characters outside links in a teaser item: its summary
TEASER_SHARE = 0.6  # of an element's children holding text that are teasers, in a list of them
TEASER_SUMMARY_MAX = 80  # a teaser's summary is a sentence or two (CJK-character units); an article's paragraph is more
HEADLINE_LINES = 6  # lines above the first paragraph where an article page shows its headline
TEASER_DEPTH = 4  # levels above a teaser's title where the list holding it is looked for
NO_SPACE_TEXT = re.compile(r"\s+")
RECOMMENDATION_WIDGET = _Widget(
    frozenset({"recommend", "recommends", "recommended", "recommendation", "recommendations", "recom", "related",
               "relate", "tuijian", "xiangguan", "rank", "ranking", "paihang", "hotnews", "toplist"}),
    "html.related_section", "inside a related/recommended-news widget after the article")
# An author's biography box describes the writer, not the story; extractors often keep it as prose.
AUTHOR_BOX_WIDGET = _Widget(frozenset({"bio", "biography", "authorbio", "aboutauthor"}), "html.author_box",
                            "inside an author's biography box after the article")
# A video player inside the article prints a loading notice, the clip's title and its length: short lines, not the
# story (a video page's description is longer, and a page that starts in the player is left alone).
VIDEO_WIDGET = _Widget(frozenset({"video", "videos", "player", "vjs", "shipin"}), "html.video_player",
                       "a line of a video player inside the article (its loading notice, title or length)", line_max=30)


# A body read from embedded data: the blocks kept hold at most this much (CJK-character units), the extraction at
# least EMBEDDED_MIN and EMBEDDED_RATIO times the kept text, and at most EMBEDDED_SHOWN_MAX of it is on the page.
EMBEDDED_KEPT_MAX = 60
EMBEDDED_MIN = 150
EMBEDDED_RATIO = 4
EMBEDDED_SHOWN_MAX = 0.3
THREAD_VALUES = 0.9  # confidence of a thread's opening post's author and time
HEADER_PROSE = 0.3  # prose quality above which a line inside a post's element but outside its text counts as text
LEAD_PROSE = 20  # prose above a thread's posts (CJK-character units) that is an opening text of its own


ITEM_FIELDS = ("author", "authors", "published")  # what an index page's items have and the index has not


@dataclass
class HtmlSegment:
    blocks: list[Block]
    hints: PageHints
    warnings: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    images: list[Block] = field(default_factory=list)  # kept images, outside the text detectors' view
    posts: list[Post] = field(default_factory=list)  # a thread's posts (text filled in after detection)
    repairs: list[Repair] = field(default_factory=list)  # visual lines joined into paragraphs


HTML_CLASSES = etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
                                              pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


def parse_html(text: str, warnings: list[str] | None = None) -> etree._Element | None:
    """The page's lxml tree, or ``None`` when there is nothing to parse.

    libxml2 stops nesting at 256 levels (its ``huge_tree`` option goes deeper, but the Python tree walkers
    downstream then hit the recursion limit): text nested deeper is lost, and that is said in ``warnings``.
    """
    text = EARLY_DOCUMENT_END.sub("", XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True)
    # lxml.html picks each element's class in Python, once per element touched (a third of a million
    # calls on a long page); HtmlElement for every element, chosen in C, is all we and the voters use
    parser.set_element_class_lookup(HTML_CLASSES)
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
    selected = _selected_elements(tree, config.selectors_for(_host(url)), warnings)
    meta = harvest_metadata(tree, url)
    page_blocks = segment_page(tree)
    context = PageContext(tree, page_blocks, url)
    decisions = decide(context)
    posts = find_posts(context)
    if posts and _outweighed(page_blocks, decisions, posts):
        warnings.append(f"content: {len(posts)} repeated post-like items hold less text than the main content chosen "
                        "around them; read as an article, not a forum thread")
        posts = []
    lead: list[int] = []
    if posts:
        lead = _keep_posts(page_blocks, decisions, posts)
    else:  # a post's line under its photo is the poster's words
        mark_photo_captions(page_blocks)
        keep_cut_lines(page_blocks, decisions)
    # the opening post printed apart, above the replies: prose of its own before the first post
    opener_apart = sum(page_blocks[i].weight for i in lead if page_blocks[i].kind != "heading" and page_blocks[i].prose > 0)
    verdict = classify(context, decisions, posts=len(posts), declared_article=meta.declared_article)
    warnings.extend(f"content: {warning}" for warning in verdict.warnings)
    for index in verdict.notice:
        decisions[index].keep = True
        decisions[index].reason = "the notice of an error or login page"
    embedded = [] if posts else _embedded_paragraphs(context, decisions)
    if embedded:
        warnings.append("content: the page shows almost no text of its own; its body was read from data embedded in "
                        "the page (scripts, JSON), as trafilatura extracted it")
    if verdict.page_type == "list":
        warnings.append(f"content: this looks like an index of other pages ({verdict.evidence}), not an article")
    if verdict.index_only:  # no prose anywhere: no article to lose; a list that has prose keeps what was chosen
        warnings.append("content: the body is empty: an index page has no article; its items are recorded as removed")
        for name in ITEM_FIELDS:  # the names and dates read by its heading are its items': an index has none of its own
            meta.values.pop(name, None)
        for decision in decisions:
            if decision.keep:
                decision.keep = False
                decision.reason = f"an item of an index page ({verdict.evidence})"
    values = meta.values
    pager = read_html(tree, url)
    for name, found in pager.items():  # the pager's links, which usually sit outside the main content
        values.offer(name, found.value, found.rule, found.raw, found.confidence)
    # the first post is not the opening post on a thread's later page, nor under a question or an opening post
    # printed apart from the replies (the lead above the posts)
    if posts and "prev_url" not in pager:
        _offer_thread_values(values, posts, lead if opener_apart >= LEAD_PROSE else None, context)
    elif posts:
        _forget_reply_dates(values, posts)
    values.offer("page_type", verdict.page_type, "content.page_type", verdict.evidence, 1.0)
    values.offer("confidence", round(verdict.confidence, 2), "content.confidence", verdict.evidence, 1.0)
    line_starts = _line_starts(text)
    paths = DomPaths()
    blocks: list[Block] = []
    images: list[Block] = []
    removed: list[Removal] = []
    elements: dict[int, etree._Element] = {}
    for index, (page_block, decision) in enumerate(zip(page_blocks, decisions)):
        if not decision.keep:
            if page_block.kind != "image" or page_block.text:
                removed.append(Removal("content", "content.not_main", decision.reason, page_block.text, index,
                                       page_block.element.sourceline))
            continue
        block = _to_block(page_block, index, paths, line_starts)  # DOM paths only for what is kept
        if page_block.kind == "image":
            images.append(block)
        else:
            blocks.append(block)
        elements[id(block)] = page_block.element
    blocks += [Block(text, "paragraph", len(page_blocks) + offset) for offset, text in enumerate(embedded)]
    for widget in (RECOMMENDATION_WIDGET, AUTHOR_BOX_WIDGET, VIDEO_WIDGET):
        removed += _drop_widget_sections(blocks, elements, widget)
    if not posts:  # a thread's body is its posts already, which may sit under a heading such as 全部评论
        removed += _drop_related_sections(blocks, elements)
        removed += _drop_teaser_lists(blocks, elements, _headed_article(blocks, page_blocks, meta.titles))
    removed += _drop_trailing_link_lists(blocks, elements)
    hints = PageHints(titles=meta.titles, values=values, post_text={index for post in posts for index in post.blocks})
    if selected:
        hints.user_selected = {block.index for block in blocks if _inside(elements[id(block)], selected)}
        removed += _drop_selected_images(images, elements, selected)
    joins: list[Repair] = []
    if not posts:  # a post's text is read back by its blocks' indices: a thread's lines stay as they are
        blocks, joins = join_visual_lines(blocks, elements)
    thread = [Post("", post.author, post.published, list(post.blocks)) for post in posts]
    return HtmlSegment(blocks, hints, warnings, removed, images, thread, joins)


def _embedded_paragraphs(context: PageContext, decisions: list[Decision]) -> list[str]:
    """The body of a page that prints almost none of it: an app shell whose article sits in embedded data
    (JSON-LD ``articleBody``, a HowTo's steps, a framework's state), which trafilatura's baseline reads.
    Only when the blocks kept hold under ``EMBEDDED_KEPT_MAX`` of text, the extraction holds much more,
    and most of the extraction is not text the page shows (that text the scorer has already judged)."""
    kept = sum(block.weight for block, decision in zip(context.blocks, decisions)
               if decision.keep and block.kind != "image")
    extracted = context.extracted
    if kept > EMBEDDED_KEPT_MAX or weight_of(extracted) < max(EMBEDDED_MIN, EMBEDDED_RATIO * kept):
        return []
    shown = "".join(context.keys)
    if coverage([NO_SPACE.sub("", extracted)], shown)[0] > EMBEDDED_SHOWN_MAX:
        return []
    return [line.strip() for line in extracted.splitlines() if line.strip()]


def _outweighed(blocks: list[PageBlock], decisions: list[Decision], posts: list[ThreadPost]) -> bool:
    """Whether the scorer kept more text after the first post, outside the posts (inside a post's element, only its
    prose counts: its header rows, a mail's Message-ID and References, are its chrome), than the posts hold: the
    repeated structure is a small part of the page (user lines, short items), and reading the page as its
    thread would drop the main content. On real threads the scorer keeps a quarter of the posts' weight
    there at most (a signature, a rating line)."""
    own = {index for post in posts for index in post.blocks}
    first = min(own, default=0)
    members = {post.element for post in posts}
    elsewhere = sum(block.weight for index, (block, decision) in enumerate(zip(blocks, decisions))
                    if index > first and decision.keep and index not in own and block.kind != "image"
                    and (block.prose > HEADER_PROSE or (members.isdisjoint(block.element.iterancestors())
                                                        and block.element not in members)))
    return elsewhere > sum(blocks[index].weight for index in own)


def _keep_posts(blocks: list[PageBlock], decisions: list[Decision], posts: list[ThreadPost]) -> list[int]:
    """A thread's body is its posts' own text: every other block of the page goes, with the reason.

    What the scorer chose as main content above the first post stays too (the text detectors still see
    it): a question page prints the question's own description in its header, and a group topic its
    opening post, apart from the repeated replies (unless that post is found: then the lead is its own first
    post). Returns that lead's blocks.
    """
    own = {index for post in posts for index in post.blocks}
    members = {post.element for post in posts}
    inside = {index for index, block in enumerate(blocks)
              if any(node in members for node in (block.element, *block.element.iterancestors()))}
    first = min(own, default=0)
    lead = set() if posts[0].apart else {index for index in range(first) if decisions[index].keep
                                         and blocks[index].kind != "image" and index not in inside}
    for index, decision in enumerate(decisions):
        decision.keep = index in own or index in lead
        if decision.keep:
            continue
        if index in inside:
            decision.reason = "forum thread: a post's header, signature, quote of an earlier post or buttons"
        else:
            decision.reason = f"forum thread: outside the {len(posts)} posts ({decision.reason or 'page chrome'})"
    return sorted(lead)


def _offer_thread_values(values: Evidence, posts: list[ThreadPost], lead: list[int] | None,
                         context: PageContext) -> None:
    """The opening post's author and time are the thread's: surer than any tag or label around them. The
    opening post is the first post, or, printed apart above the replies (``lead``), the post its header shows
    (:func:`opening_header`); never a first post by another poster than the starter the thread's header names."""
    starter = values.get("authors")
    if (lead is None and starter is not None and starter.rule.startswith(POSTER_LABEL_RULE) and posts[0].author
            and posts[0].author not in starter.value):
        return  # the header names the thread's starter (楼主：X), not the first poster here: a later page's reply
    author, published = (posts[0].author, posts[0].published) if lead is None else opening_header(context, lead, posts)
    if posts[0].apart and len(posts) > 1 and not (author and published):
        # the opening post found apart from the replies, in other markup: its header may sit outside the element
        shown = opening_header(context, posts[0].blocks, posts[1:])
        author, published = author or shown[0], published or shown[1]
    if author:
        values.offer("author", author, "content.thread_author", author, THREAD_VALUES)
        values.offer("authors", [author], "content.thread_author", author, THREAD_VALUES)
    if published:
        values.offer("published", published, "content.thread_time", published, THREAD_VALUES)


def _forget_reply_dates(values: Evidence, posts: list[ThreadPost]) -> None:
    """On a thread's later page the first post is a reply: a date read by the headline or guessed from the page
    that is the day of a post printed here dates that reply, not the thread, which started on an earlier page
    (gold conventions: no date rather than a reply's)."""
    current = values.get("published")
    days = {post.published[:10] for post in posts if post.published}
    if current is not None and str(current.value)[:10] in days:
        del values["published"]


class DomPaths:
    """XPaths of elements as lxml's ``getpath`` writes them (``/html/body/div[2]/p``), remembered per
    element and per parent: ``getpath`` counts an element's same-tag siblings on every call, which is
    quadratic on a page of many sibling paragraphs."""

    def __init__(self) -> None:
        self.paths: dict[etree._Element, str] = {}
        self.steps: dict[etree._Element, dict[etree._Element, str]] = {}

    def of(self, element: etree._Element) -> str:
        path = self.paths.get(element)
        if path is None:
            parent = element.getparent()
            # the root's own step from lxml: a document can hold siblings of the root (``/html[1]``)
            path = (element.getroottree().getpath(element) if parent is None
                    else f"{self.of(parent)}/{self._steps(parent)[element]}")
            self.paths[element] = path
        return path

    def _steps(self, parent: etree._Element) -> dict[etree._Element, str]:
        steps = self.steps.get(parent)
        if steps is None:
            children = [child for child in parent if isinstance(child.tag, str)]
            counts: dict[str, int] = {}
            for child in children:
                counts[child.tag] = counts.get(child.tag, 0) + 1
            seen: dict[str, int] = {}
            steps = {}
            for child in children:
                seen[child.tag] = seen.get(child.tag, 0) + 1
                steps[child] = f"{child.tag}[{seen[child.tag]}]" if counts[child.tag] > 1 else str(child.tag)
            self.steps[parent] = steps
        return steps


def _to_block(page_block: PageBlock, index: int, paths: DomPaths, line_starts: list[int]) -> Block:
    element = page_block.element
    line = element.sourceline
    start = line_starts[line - 1] if line is not None and 0 < line <= len(line_starts) else None
    group = paths.of(page_block.group) if page_block.group is not None else None
    return Block(page_block.text, page_block.kind, index, line, start, paths.of(element),
                 level=page_block.level, cells=page_block.cells, links=list(page_block.links), src=page_block.src,
                 group=group)


def _host(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname if url else None


def _selected_elements(tree: etree._Element, selectors: Sequence[str], warnings: list[str]) -> set[etree._Element]:
    """The elements the user's ``drop_selectors`` match (the root excepted: dropping it would empty any page)."""
    selected: set[etree._Element] = set()
    for selector in selectors:
        try:
            matches = tree.cssselect(selector)
        except Exception as exc:  # cssselect raises its own SelectorError family
            warnings.append(f"html: invalid CSS selector {selector!r}: {exc}")
            continue
        selected.update(element for element in matches if element.getparent() is not None)
    return selected


def _inside(element: etree._Element, selected: set[etree._Element]) -> bool:
    return element in selected or any(node in selected for node in element.iterancestors())


def _drop_selected_images(images: list[Block], elements: Mapping[int, etree._Element],
                          selected: set[etree._Element]) -> list[Removal]:
    """Drop the kept images inside an element a user selector matched (text blocks go in ``user_rules``).

    Selectors are applied to what the page's own decisions kept instead of cutting the tree before
    them, so a selector removes exactly what it matches: the scorer still weighs the page it sees
    without the rule. Images never reach the detectors, so theirs are dropped here.
    """
    inside = [image for image in images if _inside(elements[id(image)], selected)]
    images[:] = [image for image in images if not _inside(elements[id(image)], selected)]
    return [Removal("user_rules", "user.selector", "inside an element a drop_selectors rule matches", image.text,
                    image.index, image.line) for image in inside]


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", source))
    return starts


def _widget_word(element: etree._Element, words: frozenset[str]) -> bool:
    """Whether ``element`` or an ancestor below ``body`` has a class/id word in ``words``."""
    for node in (element, *element.iterancestors()):
        if node.tag in {"body", "html"}:
            return False
        if class_words(node) & words:
            return True
    return False


def _drop_widget_sections(blocks: list[Block], elements: Mapping[int, etree._Element | None],
                          widget: _Widget) -> list[Removal]:
    """Drop blocks after the article that sit in a widget named by its class or id (recommendations).

    Only blocks after the first block outside such a widget go: content that starts inside one is
    left alone (a page may wrap everything in oddly named containers), and so is a page that
    would be left empty. The widget must also hold fewer sentences than the blocks kept (it may carry
    summaries), so an article in a misnamed container is never the one dropped.
    """
    flags = [element is not None and _widget_word(element, widget.words)
             and (widget.line_max is None or weight_of(block.text) <= widget.line_max)
             for block, element in ((block, elements.get(id(block))) for block in blocks)]
    if False not in flags:
        return []
    first_article = flags.index(False)
    drop = {index for index, flag in enumerate(flags) if flag and index > first_article}
    if not drop:
        return []
    dropped = [block for index, block in enumerate(blocks) if index in drop]
    kept = [block for index, block in enumerate(blocks) if index not in drop]
    if _sentences(dropped) >= _sentences(kept):
        return []
    return _remove(blocks, drop, elements, widget.rule, widget.reason)


def _drop_related_sections(blocks: list[Block], elements: Mapping[int, etree._Element | None]) -> list[Removal]:
    """Drop the kept blocks after the article that sit in a section its heading names as a list of other pages
    (相关快讯, 推荐产品, 猜你喜欢: the lexicon's related headings) linking to one at least, or as its readers'
    comments (评论（3）, 网民留言): the linked titles and the summaries under them, the comments. The section is an
    element a few levels above a kept block whose text opens with that heading (kept or not), never one holding
    the article's first paragraph."""
    first = _first_paragraph(blocks)
    if first is None:
        return []
    opening = elements.get(id(blocks[first]))
    above = set(opening.iterancestors()) if opening is not None else set()
    drop = _kept_in_sections(blocks, elements, first, SECTION_DEPTH, _headed_listing, above)
    return _remove(blocks, drop, elements, "html.related_section", "a section listing other pages or comments under "
                   "its heading") if drop else []


def _kept_in_sections(blocks: list[Block], elements: Mapping[int, etree._Element | None], first: int, depth: int,
                      is_section: Callable[[etree._Element], bool], stop: set[etree._Element],
                      inside: etree._Element | None = None) -> set[int]:
    """The kept blocks after ``first`` that sit in an element up to ``depth`` levels above them which
    ``is_section`` names (each element judged once); the walk up stops at the elements of ``stop`` (the article's
    own ancestors), and blocks inside ``inside`` are passed by."""
    verdicts: dict[etree._Element, bool] = {}
    drop: set[int] = set()
    for index in range(first + 1, len(blocks)):
        element = elements.get(id(blocks[index]))
        if element is None or (inside is not None and inside in element.iterancestors()):
            continue
        for section in itertools.islice((element, *element.iterancestors()), depth):
            if section in stop:
                break
            if section not in verdicts:
                verdicts[section] = is_section(section)
            if verdicts[section]:
                drop.add(index)
                break
    return drop


def _headed_listing(section: etree._Element) -> bool:
    """Whether ``section`` opens with a heading naming other pages and links to one, or naming comments."""
    heading = next((text.strip() for text in section.itertext() if text.strip()), "")
    if not heading or len(heading) > BOX_TITLE_MAX_CHARS:
        return False
    heading = fold(heading)
    if COMMENTS_HEADING.fullmatch(heading):
        return sum(1 for text in section.itertext() if text.strip()) > MIN_COMMENT_LINES
    return bool(RELATED_HEADING.fullmatch(heading)) and any(not leads_nowhere(link.get("href") or "")
                                                            for link in section.iter("a"))


def _drop_teaser_lists(blocks: list[Block], elements: Mapping[int, etree._Element | None],
                       headed: bool = False) -> list[Removal]:
    """Drop the kept blocks after the article that sit in a list of other pages, each an item opening with its
    title linked whole over a summary (a news box, 生活资讯, 食品知识): at least ``TEASER_TITLES`` such items in
    one element a few levels above the kept block, never one holding the article's first paragraph. Unless the
    page is ``headed`` (its headline shown above the article), nothing goes when its other blocks hold fewer
    sentences: a home page made of such boxes, whose boxes are its text. An article's own subheadings are not
    links."""
    first = _first_paragraph(blocks)
    if first is None:
        return []
    opening = elements.get(id(blocks[first]))
    above = {opening, *opening.iterancestors()} if opening is not None else set()
    # inside the article's own box a list of links is the article's
    drop = _kept_in_sections(blocks, elements, first, TEASER_DEPTH, _teaser_list, above,
                             inside=opening.getparent() if opening is not None else None)
    if not drop or (not headed and _sentences([blocks[i] for i in drop])
                    >= _sentences([b for i, b in enumerate(blocks) if i not in drop])):
        return []
    return _remove(blocks, drop, elements, "html.teaser_list", "a list of other pages' linked titles and summaries")


def _teaser_list(section: etree._Element) -> bool:
    """Whether most of an element's children holding text are teasers, ``TEASER_TITLES`` at least (an article's
    box may hold a few paragraphs that open with a link)."""
    children = [child for child in section if isinstance(child.tag, str) and child.text_content().strip()]
    teasers = sum(map(_teaser_item, children))
    # or a title and its summary as two siblings (<dt><a>…</a></dt><dd>…</dd>)
    pairs = sum(1 for title, summary in itertools.pairwise(children) if _linked_title(title) and _summary(summary))
    return teasers + pairs >= TEASER_TITLES and teasers + 2 * pairs >= TEASER_SHARE * len(children)


def _linked_title(element: etree._Element) -> bool:
    """Whether an element's whole text is one link to another page, a title's length."""
    links = [anchor for anchor in element.iter("a") if anchor.text_content().strip()]
    if len(links) != 1 or leads_nowhere(links[0].get("href") or ""):
        return False
    title = NO_SPACE_TEXT.sub("", links[0].text_content())
    return (TEASER_TITLE_MIN <= weight_of(links[0].text_content()) <= TEASER_TITLE_MAX
            and title == NO_SPACE_TEXT.sub("", element.text_content()))


def _summary(element: etree._Element) -> bool:
    """Whether an element holds a teaser's summary: no link, a sentence or two."""
    text = element.text_content().strip()
    return next(element.iter("a"), None) is None and len(text) >= TEASER_SUMMARY_MIN and weight_of(text) <= TEASER_SUMMARY_MAX


def _teaser_item(item: etree._Element) -> bool:
    """Whether an element opens with a link to another page as its title (a few words) and then gives a summary
    of it: text outside links, a sentence's worth."""
    if not isinstance(item.tag, str):
        return False
    link = next((anchor for anchor in item.iter("a") if anchor.text_content().strip()), None)
    if link is None or leads_nowhere(link.get("href") or ""):
        return False
    title = NO_SPACE_TEXT.sub("", link.text_content())
    text = NO_SPACE_TEXT.sub("", item.text_content())
    if not (TEASER_TITLE_MIN <= weight_of(link.text_content()) <= TEASER_TITLE_MAX and text.startswith(title)):
        return False
    linked = sum(len(NO_SPACE_TEXT.sub("", anchor.text_content())) for anchor in item.iter("a"))
    summary = " ".join(_unlinked_texts(item))
    return len(text) - linked >= TEASER_SUMMARY_MIN and weight_of(summary) <= TEASER_SUMMARY_MAX


def _unlinked_texts(element: etree._Element) -> list[str]:
    """The text of ``element`` outside its links."""
    texts = [element.text or ""] if element.tag != "a" else []
    for child in element:
        if isinstance(child.tag, str) and child.tag != "a":
            texts.extend(_unlinked_texts(child))
        texts.append(child.tail or "")
    return [text for text in texts if text.strip()]


def _headed_article(blocks: list[Block], page_blocks: Sequence[PageBlock], titles: list[str]) -> bool:
    """Whether the page shows its headline (its first title candidate), kept or not, from a few lines above its
    first kept paragraph down to its first kept sentence: an article page, however short its text."""
    headline = NO_SPACE_TEXT.sub("", titles[0]) if titles else ""
    first = _first_paragraph(blocks)
    if len(headline) < 4 or first is None:
        return False
    # up to the first kept sentence: a disclosure table's rows may come first, the headline below them
    sentence = next((block.index for block in blocks[first:] if SENTENCE_END.search(block.text)), blocks[first].index)
    return any(NO_SPACE_TEXT.sub("", block.text) == headline
               for block in page_blocks[max(0, blocks[first].index - HEADLINE_LINES):sentence])


def _first_paragraph(blocks: list[Block]) -> int | None:
    return next((index for index, block in enumerate(blocks) if block.kind != "heading"), None)





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


def link_share(element: etree._Element) -> float:
    """Share of ``element``'s text that sits inside links (1.0 when the element itself is in a link)."""
    if element.tag in LINK_TAGS or any(ancestor.tag in LINK_TAGS for ancestor in element.iterancestors()):
        return 1.0
    total = len(NO_SPACE.sub("", element.text_content()))
    if not total:
        return 0.0
    linked = sum(len(NO_SPACE.sub("", a.text_content())) for a in element.iter("a"))
    return linked / total


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
