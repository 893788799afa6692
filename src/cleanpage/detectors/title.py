"""C04 the headline: found, moved to ``title``, and removed wherever it is repeated.

Finds the title from, in order: the page's own title hints (HTML ``<title>``,
``og:title``, ``<h1>``); a per-page title list (``TITLE_第1页``,
``TITLE_第2页``...); a line glued to a summary label (``TITLE摘要：``); the
line in HEAD that best fits a headline (repeated later on the page, equal to
the breadcrumb leaf, the 原标题 value or the page's own ``TITLE_频道-站名`` line
printed at the top, followed by meta lines, or the last
headline-shaped line before the body). Then removes the title line, a title
glued to the first sentence, the title broken over two to four lines at the top
(``全国人民代表大会常务委员会`` / ``关于批准……的决议``), and every whole-line copy
of the title in the body (image alt lines, share cards).

Never removes: a body line that only contains the title inside a sentence;
lines that only together with a sentence-like line, or in another order, spell the title;
anything when no title is found (a page may have none); a title shorter than
six characters as a repeated line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from ..document import Block
from ..page import Drop, Finding, Harvest, Page, Trim
from ..registry import Detector, register_detector
from ..segment.htmlmeta import TITLE_PARTS
from ..shadow import fold
from ._labels import BYLINE, BYLINE_BARE, parse_meta_line, starts_with_label
from ._shapes import BAR, is_nav_like, normalized, tokens

# The separator is a dash or underscore between spaces, or spaces alone: ``\s*[_\- ]\s*`` split a run of
# spaces in every way at every title length (20,000 spaces: 40 s).
PAGE_TITLE = re.compile(r"^(?P<title>.{4,120}?)(?:\s*[_\-]\s*|\s+)第\s*\d{1,4}\s*页$")
SUMMARY_GLUE = re.compile(r"(?P<label>摘要|导读|内容提要|核心提示|提要|内容摘要)\s*[:﹕∶︰]")
MARKER = re.compile(r"\s*[(\[（【](?:图|组图|附图|多图|视频|高清组图|附全文|更新|影音|复制链接|複製連結)[)\]）】]\s*$")
ORIGINAL_TITLE = re.compile(r"^[\[【(（]?\s*(?:本文)?原(?:标题|题|文标题)(?:为)?\s*[:﹕∶︰]\s*(?P<t>.+?)\s*[\]】)）]?\s*$")
CHAPTER = re.compile(r"^第[一二三四五六七八九十百千零〇\d]{1,8}[章回节卷集篇]")
WORD_CHAR = re.compile(r"[^\W_]")  # what normalized() keeps
GLUE_BLOCKERS = re.compile(r"[,，、;；:：.。!！?？)）」』”’]")
MIN_REPEAT = 6
# ``中央社記者黃湘婷台南報導``: a byline, however short and headline-like.
BYLINE_SHAPE = re.compile(r"(?:记者|特派员|通讯员)[\u4e00-\u9fff/／\s]{2,16}(?:报导|报道|专电|电)$")
HEAD_LOOKAHEAD = 3
MAX_BROKEN_LINES = 4
KNOWN_MIN_HAN = 0.2
MAX_TITLE_LINE = 160
MAX_SUFFIXES = 4  # ``TITLE_频道-站名`` has two; a line of separators is no title
SITE_SUFFIX = re.compile(r"_|[|｜]|\s[-|–—]\s|-(?=[^-]{2,20}$)")  # before ``站名`` in ``TITLE_频道-站名``


BAR_RE = re.compile(BAR)
CRUMB_ARROW = re.compile(r">|›|»")


def clean_title(title: str) -> str:
    return MARKER.sub("", title.strip())


def _title_shaped(page: Page, position: int, is_meta_line: Callable[[Block], bool], min_han: float = 0.4) -> bool:
    """A headline's shape; ``min_han`` is lowered for a line the page names as its title elsewhere
    (``Python asyncio 并发限流的三种写法``)."""
    block = page.blocks[position]
    feats = page.features(block)
    shadow = page.shadow(block).strip()
    if not (5 <= feats.vlen <= 80) or feats.sent_punct > 3 or shadow.endswith(("。", ":", "；", ";", "，", ",")):
        return False
    if starts_with_label(shadow) or len(BAR_RE.findall(shadow)) >= 2 or CRUMB_ARROW.search(shadow) \
            or BYLINE_SHAPE.search(shadow) or feats.han_ratio < min_han:
        return False
    pieces = tokens(shadow)
    if len(pieces) >= 4 and is_nav_like(shadow, feats.sent_punct):  # menus and pagers, not spaced TW headlines
        return False
    return not is_meta_line(block)  # the dearest test last


def _first_word_char(shadow: str) -> str:
    """The first character :func:`normalized` keeps: two lines with different ones never compare equal."""
    match = WORD_CHAR.search(shadow)
    return match.group() if match else ""


class _Copies:
    """Finds the blocks whose normalised shadow is a given key, normalising only the lines that could match."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.by_first: dict[str, list[Block]] = {}
        for block, first in zip(page.blocks, page.views(_first_word_char)):
            self.by_first.setdefault(first, []).append(block)

        self.by_key: dict[str, list[Block]] = {}  # filled per first character on the first question about it
        self.indexed: set[str] = set()

    def of(self, key: str) -> list[Block]:
        """In page order; each line is normalised at most once, however many keys are asked about."""
        first = key[:1]
        if first not in self.indexed:
            self.indexed.add(first)
            for block in self.by_first.get(first, []):
                self.by_key.setdefault(self.page.view(normalized, block), []).append(block)
        return self.by_key.get(key, [])


def _is_meta_line(page: Page, block: Block) -> bool:
    short = page.features(block).short
    shadow = page.shadow(block)
    parsed = parse_meta_line(block.text, shadow, weak=short, bare_date=short)
    return ((parsed is not None and len(parsed.residue) <= 10) or bool(ORIGINAL_TITLE.match(shadow.strip()))
            or bool(BYLINE.match(shadow) or BYLINE_BARE.match(shadow)))


@register_detector
class Title(Detector):
    """The headline: harvested as ``title``, its line and its copies removed (C04)."""

    name = "title"
    family = "C04"
    order = 60

    def detect(self, page: Page) -> Iterable[Finding]:
        findings: list[Finding] = []
        copies = _Copies(page)
        title = self._from_page_list(page, findings)
        if title is None:
            title = self._from_summary_glue(page, findings)
        if title is None and page.hints.titles:
            hint = clean_title(page.hints.titles[0])
            # a hint the page does not show above its text: the part of it the page shows there (the headline
            # of ``站名--TITLE``, of ``TITLE (第 2 页) / 频道 / 站名``)
            if not self._shown(page, hint):
                shown = [part for part in TITLE_PARTS.split(hint) if len(normalized(fold(part))) >= MIN_REPEAT
                         and self._shown(page, part, whole=True)]
                hint = max(shown, key=len) if shown else hint
                if not shown:
                    title = self._opening_heading(page, hint, findings)
            if title is None:
                title = clean_title(hint)
                findings.append(Harvest("title", title, "C04.hint", page.hints.titles[0], 0.9))
                self._remove_line(page, title, findings)
        if title is None:
            title = self._from_head(page, copies, findings)
        if title is None:
            return findings
        self._remove_glued(page, title, findings)
        self._remove_broken(page, title, findings)
        self._remove_copies(copies, title, findings)
        return findings

    # -- ways to find the title ------------------------------------------------------------------
    @staticmethod
    def _from_page_list(page: Page, findings: list[Finding]) -> str | None:
        """Two or more lines ``TITLE_第N页`` with the same TITLE (doc-sharing page lists)."""
        run: list[tuple[int, str]] = []
        for position, block in enumerate(page.blocks[: page.first_body + 1]):
            match = PAGE_TITLE.match(page.shadow(block).strip())
            title = block.text.strip()[: match.end("title")] if match else ""
            if match and (not run or title == run[0][1]):
                run.append((position, title))
            elif len(run) >= 2:
                break
            else:
                run = [(position, title)] if match else []
        if len(run) < 2:
            return None
        title = clean_title(run[0][1])
        findings.append(Harvest("title", title, "C04.page_list", page.blocks[run[0][0]].text, 0.85))
        findings.append(Harvest("_title_index", page.blocks[run[0][0]].index, "C04.page_list", "", 1.0))
        for position, _ in run:
            findings.append(Drop(page.blocks[position], "C04.page_list", "per-page title list (TITLE_第N页)"))
        return title

    @staticmethod
    def _from_summary_glue(page: Page, findings: list[Finding]) -> str | None:
        """``TITLE摘要：`` in the head: the title is what precedes the summary label."""
        for block in page.blocks[: page.first_body + 1]:
            shadow = page.shadow(block)
            match = SUMMARY_GLUE.search(shadow)
            if not match or match.start() < 4 or starts_with_label(shadow):
                continue
            head = block.text[: match.start()].strip()
            if re.search(r"[。！？]$", head) or len(head) > 100:
                continue
            title = clean_title(head)
            findings.append(Harvest("title", title, "C04.summary_glue", block.text, 0.8))
            findings.append(Harvest("_title_index", block.index, "C04.summary_glue", "", 1.0))
            findings.append(Trim(block, 0, match.start(), "C04.summary_glue", "title glued to a summary label"))
            return title
        return None

    def _from_head(self, page: Page, copies: _Copies, findings: list[Finding]) -> str | None:
        end = min(page.first_body, len(page.blocks))
        meta_lines: dict[int, bool] = {}  # a line is asked about as a candidate and as one that follows

        def is_meta_line(block: Block) -> bool:
            if id(block) not in meta_lines:
                meta_lines[id(block)] = _is_meta_line(page, block)
            return meta_lines[id(block)]

        known = self._known_titles(page)
        candidates = [p for p in range(end) if _title_shaped(page, p, is_meta_line, KNOWN_MIN_HAN
                                                             if page.view(normalized, page.blocks[p]) in known else 0.4)]
        # A headline with a comma can read as the first body line; it still counts when the page names it
        # elsewhere (the breadcrumb's leaf, an original-title line).
        # So does one a platform byline (removed before this detector) sat right under.
        over_byline = end < len(page.blocks) and page.blocks[end].index == page.value("_headline_over_byline")
        if end < len(page.blocks) and _title_shaped(page, end, is_meta_line) and \
                (over_byline or normalized(MARKER.sub("", page.shadow(page.blocks[end]))) in known):
            candidates.append(end)
        if not candidates:
            return None
        best, best_score = None, 0
        for n, position in enumerate(candidates):
            key = page.view(normalized, page.blocks[position])
            score = 0
            if key in known or normalized(MARKER.sub("", page.shadow(page.blocks[position]))) in known:
                score += 4
            if len(copies.of(key)) > 1:
                score += 4
            # Meta lines vouch for the headline right above them, not for a site name further up; a date
            # directly over the next candidate (a blog's ``Jul 28 Sun 2024`` over its headline) is that one's.
            after = candidates[n + 1] if n + 1 < len(candidates) else None
            stop = min(position + 1 + HEAD_LOOKAHEAD, after if after is not None else len(page.blocks))
            following = [page.blocks[q] for q in range(position + 1, stop) if q == position + 1 or q + 1 != after]
            if page.blocks[position].index == page.value("_headline_over_byline") or any(map(is_meta_line, following)):
                score += 3
            if position == candidates[-1]:
                score += 2
            if page.features(page.blocks[position]).vlen >= 8:
                score += 1
            if CHAPTER.match(page.shadow(page.blocks[position]).strip()):
                score += 2
            if score > best_score:
                best, best_score = position, score
        if best is None or best_score < 3:
            return None
        block = page.blocks[best]
        title = clean_title(block.text)
        confidence = 0.8 if best_score >= 5 else 0.6
        findings.append(Harvest("title", title, "C04.title_line", block.text, confidence))
        findings.append(Harvest("_title_index", block.index, "C04.title_line", "", 1.0))
        findings.append(Drop(block, "C04.title_line", "headline (moved to title)"))
        return title

    @staticmethod
    def _known_titles(page: Page) -> set[str]:
        """Normalised titles other chrome names: the breadcrumb leaf, original-title lines, and the page's
        ``<title>`` printed at the top with the site's suffix (``TITLE_频道-站名``: each part before a suffix)."""
        known: set[str] = set()
        crumbs = page.value("breadcrumb")
        if crumbs:
            known.add(normalized(fold(crumbs[-1])))
        for block in page.blocks[: page.first_body + HEAD_LOOKAHEAD]:
            shadow = page.shadow(block).strip()
            match = ORIGINAL_TITLE.match(shadow)
            if match:
                known.add(normalized(match["t"]))
            if len(shadow) > MAX_TITLE_LINE:
                continue  # a <title> line is short; a long line would cost a prefix per separator
            for suffix in itertools.islice(SITE_SUFFIX.finditer(shadow), MAX_SUFFIXES):
                if len(prefix := normalized(shadow[:suffix.start()])) >= MIN_REPEAT:
                    known.add(prefix)
        return known

    @staticmethod
    def _opening_heading(page: Page, hint: str, findings: list[Finding]) -> str | None:
        """The heading an article's text opens with, when the title ``hint`` shows nowhere above it (a <title>
        naming only the channel and the site: 新聞稿-海岸環境保育署): the headline the page displays. Not when
        the heading holds the hint (原创 glued before it), nor on a thread (a post's subject heads its text)."""
        if (not page.blocks or page.blocks[0].kind != "heading" or page.first_body == 0
                or page.html_page_type == "forum_thread"):
            return None
        block = page.blocks[0]
        if normalized(fold(hint)) in page.view(normalized, block):
            return None
        if not _title_shaped(page, 0, lambda line: _is_meta_line(page, line)):
            return None
        title = clean_title(block.text)
        findings.append(Harvest("title", title, "C04.opening_heading", block.text, 0.9))
        findings.append(Harvest("_title_index", block.index, "C04.opening_heading", "", 1.0))
        findings.append(Drop(block, "C04.title_line", "headline (moved to title)"))
        return title

    @staticmethod
    def _shown(page: Page, title: str, *, whole: bool = False) -> bool:
        """Whether ``title`` is a line of the page's head (or, unless ``whole``, starts one: a headline with a
        marker after it)."""
        key = normalized(fold(title))
        lines = (page.view(normalized, block) for block in page.blocks[: page.first_body + HEAD_LOOKAHEAD])
        return any(line == key if whole else line.startswith(key) for line in lines)

    # -- removals once the title is known -------------------------------------------------------
    @staticmethod
    def _remove_line(page: Page, title: str, findings: list[Finding]) -> None:
        key = normalized(fold(title))
        for block in page.blocks[: page.first_body + HEAD_LOOKAHEAD]:
            if key and page.view(normalized, block) == key:
                findings.append(Harvest("_title_index", block.index, "C04.title_line", "", 1.0))
                findings.append(Drop(block, "C04.title_line", "headline (moved to title)"))
                return

    @staticmethod
    def _remove_glued(page: Page, title: str, findings: list[Finding]) -> None:
        """A title glued to the first sentence: ``TITLE同志们：今天…``."""
        flat_title = "".join(fold(title).split())
        for block in page.blocks[: page.first_body + 1]:
            shadow = page.shadow(block)
            flat = "".join(shadow.split())
            # ``TITLE，供参考。`` is a sentence about the title, not a title glued to one.
            if len(flat) > len(flat_title) + 4 and flat.startswith(flat_title) and not GLUE_BLOCKERS.match(flat, len(flat_title)):
                cut, seen = 0, 0
                while seen < len(flat_title):
                    if not shadow[cut].isspace():
                        seen += 1
                    cut += 1
                findings.append(Trim(block, 0, cut, "C04.title_glued", "title glued to the first sentence"))
                return

    @staticmethod
    def _remove_broken(page: Page, title: str, findings: list[Finding]) -> None:
        """The headline broken over two to four consecutive lines at the top (a print layout's line breaks)."""
        key = normalized(fold(title))
        if len(key) < MIN_REPEAT:
            return
        dropped = {id(f.block) for f in findings if isinstance(f, Drop)}
        head = page.blocks[: page.first_body + HEAD_LOOKAHEAD]
        pieces = [page.view(normalized, block) for block in head]
        for start in range(len(head)):
            if not key.startswith(pieces[start]):
                continue
            joined = ""
            for end in range(start, min(start + MAX_BROKEN_LINES, len(head))):
                block = head[end]
                joined += pieces[end]
                if id(block) in dropped or page.features(block).sentence_like or not key.startswith(joined):
                    break
                if joined == key and end > start:
                    for piece in head[start:end + 1]:
                        findings.append(Drop(piece, "C04.title_broken", "headline broken over several lines"))
                    return

    @staticmethod
    def _remove_copies(copies: _Copies, title: str, findings: list[Finding]) -> None:
        key = normalized(fold(title))
        if len(key) < MIN_REPEAT:
            return
        dropped = {id(f.block) for f in findings if isinstance(f, Drop)}
        for block in copies.of(key):
            if id(block) not in dropped:
                findings.append(Drop(block, "C04.title_repeated", "headline repeated in the page (image alt, share card)"))
