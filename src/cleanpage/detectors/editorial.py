"""C06 editorial labels: summaries and leads, editor's notes, repost notes.

A summary or standfirst (``摘要：``, ``导读：``, ``内容提要：``, ``核心提示：``) in
the title area is body: its label is removed, its text kept as a paragraph and
copied to ``summary`` (a label alone on its line is removed and the next
paragraph is the summary). An editor's note (``编者按：``) is kept and copied to
``extra['editor_note']``. Repost notes in TAIL (``本文转自…``, ``(本文来自澎湃新闻，
更多原创资讯请下载“澎湃新闻”APP)``, ``本文首发于…``, an editor's note that is
one: ``（编按：本文经作者授权转载自其博客）``) are removed, and so is a 本文-led repost note heading the article
(``本文来自微信公众号：县域观察（ID：…），作者：苏木，原文标题：…``: its outlet is the source, its 作者 the
author), and so is a labelled
author biography after the article (``作者简介：王某，某大学教授…``) and a note of the print edition the piece
appeared in (``This article appears in the April 2025 print edition…``, wherever it stands).

Never removes: a scholarly abstract's text; ``本文认为…`` statements; a
summary label deep inside the body; an author biography before the article's
last paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Block
from ..names import joined_names, parse_names
from ..page import Drop, Finding, Harvest, Page, Trim
from ..registry import Detector, register_detector
from ._shapes import OPEN, tail_start

SUMMARY = re.compile(rf"^{OPEN}?\s*(?:摘要|导读|内容提要|核心提示|提要|内容摘要|本文导读)\s*[\]】]?\s*[:﹕∶︰]?\s*")
EDITOR_NOTE = re.compile(rf"^{OPEN}?\s*(?:编者按|编按|编者的话)\s*[\]】]?\s*[:﹕∶︰]?\s*")
REPOST = re.compile(
    r"^[(（\[【]?\s*(?:(?:编按|编者按|编注)\s*[:﹕∶︰]\s*)?(?:(?:本文|文章|此文|本篇)(?:经?作者)?)?(?:经?授权)?"
    r"(?:转自|转载自|来自|首发于|原文刊载于|原载于|转载于|摘自|选自)(?P<source>[^，,。（(]{2,30})"
)
REPOST_MARKED = re.compile(r"^[(（\[【]|^(?:本文|文章|此文|本篇)")
# The platform an outlet publishes on, before its name in a repost note (本文来自微信公众号：县域观察).
PLATFORM_PREFIXES = ("微信公众号", "微信公号", "公众号", "微信", "微博", "头条号", "百家号", "企鹅号", "网易号", "搜狐号", "知乎")
PLATFORM = re.compile(rf"^(?:{'|'.join(PLATFORM_PREFIXES)})(?:专栏)?\s*[:：]?\s*")
NOTE_AUTHOR = re.compile(r"(?:^|[，,;；\s])作者\s*[:：]\s*(?P<name>[^，,。;；（(\s]{2,20})")
# ``转载自其个人脸书``: the author's own channel, not an outlet to name as the source.
OWN_CHANNEL = re.compile(r"^(?:其|作者|笔者|本人)")
AUTHOR_BIO = re.compile(rf"^{OPEN}?\s*(?:作者简介|作者介绍|关于作者|作者小传)\s*[\]】]?\s*[:﹕∶︰]\s*\S")
# A note of the print edition a piece appeared in, on the folded line (``This article appears in the April 2025 print
# edition with the headline …``, ``A version of this article appears in print on March 5, 2024, Section A, Page 1``).
PRINT_EDITION = re.compile(r"^(?:a\s+version\s+of\s+)?this\s+(?:article|story|essay|review|interview|column)\s+"
                           r"(?:appears|appeared|was\s+published)\s+(?:in\s+print\b|in\s+the\s+.{1,40}?\bprint\s+(?:edition|issue)\b)")
MAX_NOTE_VLEN = 200
TITLE_AREA = 2  # body blocks after the first body-like one still counted as the title area


@register_detector
class Editorial(Detector):
    """Summary/lead labels (text kept, copied to summary), editor's notes, repost notes (C06)."""

    name = "editorial"
    family = "C06"
    order = 70

    def detect(self, page: Page) -> Iterable[Finding]:
        limit = page.first_body + TITLE_AREA
        # A bracketed or 本文-led repost note is a sentence: without this it would pass for the last body
        # paragraph. A bare ``来自…`` sentence may be body and counts only in the tail proper.
        tail = tail_start(page, lambda shadow: bool((REPOST.match(shadow.strip()) and REPOST_MARKED.match(shadow.strip()))
                                                    or AUTHOR_BIO.match(shadow.strip())))
        for position, block in enumerate(page.blocks):
            shadow = page.shadow(block)
            if position < limit:
                if (REPOST_MARKED.match(shadow.strip()) and (match := REPOST.match(shadow))
                        and page.features(block).vlen <= MAX_NOTE_VLEN and match["source"].startswith(PLATFORM_PREFIXES)):
                    yield from self._repost(block, match, "repost note heading the article (本文来自微信公众号：…)")
                    continue
                yield from self._summary(page, position, shadow)
                note = EDITOR_NOTE.match(shadow)
                if note and note.end() < len(shadow):
                    yield Harvest("editor_note", block.text[note.end():].strip(), "C06.editor_note", block.text, 0.8)
            elif PRINT_EDITION.match(shadow.strip()) and page.features(block).vlen <= MAX_NOTE_VLEN:
                yield Drop(block, "C06.print_edition", "a note of the print edition the piece appeared in")
            elif position >= tail and AUTHOR_BIO.match(shadow.strip()) and page.features(block).vlen <= MAX_NOTE_VLEN:
                yield Drop(block, "C06.author_bio", "author biography note")
            elif position >= tail and page.features(block).vlen <= 80:
                match = REPOST.match(shadow)
                if match and (page.in_tail(position) or REPOST_MARKED.match(shadow)):
                    yield from self._repost(block, match, "repost / first-published note")

    @staticmethod
    def _repost(block: Block, match: re.Match[str], reason: str) -> Iterable[Finding]:
        yield Drop(block, "C06.repost", reason)
        source = block.text[match.start("source"):match.end("source")]
        source = PLATFORM.sub("", source, count=1).strip(" “”\"《》")
        if source and not OWN_CHANNEL.match(match["source"]):
            yield Harvest("source", source, "C06.repost", block.text, 0.4)
        if (author := NOTE_AUTHOR.search(block.text)) and (names := parse_names(author["name"])):
            yield Harvest("author", joined_names(names, author["name"]), "C06.repost", block.text, 0.6)

    @staticmethod
    def _summary(page: Page, position: int, shadow: str) -> Iterable[Finding]:
        block = page.blocks[position]
        match = SUMMARY.match(shadow)
        if not match or (match.end() == 0):
            return
        rest = block.text[match.end():].strip()
        if rest:
            yield Trim(block, 0, match.end(), "C06.summary_label", "summary label (its text is kept)")
            yield Harvest("summary", rest, "C06.summary", block.text, 0.8)
        elif position + 1 < len(page.blocks):
            yield Drop(block, "C06.summary_label", "summary label (the next paragraph is the summary)")
            following = page.blocks[position + 1]
            yield Harvest("summary", following.text, "C06.summary", following.text, 0.8)
