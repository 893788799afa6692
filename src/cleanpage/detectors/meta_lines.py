"""C03 article meta lines: bylines, datelines, source, editor and counter lines, tool strips.

Removes lines made of label/value pairs (``来源：办公室``, ``更新时间:2018-6-13
阅读:4704``, ``2019-09-26 12:11 来源：证券时报网 作者：李在山``,
``（责任编辑：魏喆）``, ``【字体：大 中 小】【打印】【关闭】``), label-less bylines
(``中央社記者陳怡君／台北報導``: outlet to ``source``), a date alone on its line
in the title area and a bare counter (``0``) under the headline, after harvesting
them into ``source``, ``authors``/``author``, ``editors``, ``published``,
``updated``, ``views``, ``category``, ``tags`` and ``original_title``. A
newswire dateline (``新华社北京7月1日电（记者 张三）``) is harvested for its
reporters and kept. Font-size buttons printed one per line or without their
label (``A`` / ``A`` / ``A``, ``A- A A+``, ``大 中 小``) go in the edges when at
least two of them stand together.

Never removes: a line whose values do not type-check (an interview's
``记者：您如何看待…？``, a bibliography, an event notice's ``时间：… 地点：…``);
in the body only colon-labelled lines with two typed pairs or one short pair, and never a line labelled
only with a bare 时间/日期 (a notice's ``时间：11月12日 14:30`` on its own line is the event's time);
a lone ``大`` or ``A`` line (a size button needs a sibling).
An editor or a source is never the author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Block
from ..names import joined_names, parse_names
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ..shadow import Features
from ._labels import BYLINE, BYLINE_BARE, BYLINE_NO_SLASH, COUNTERS, OWN_PAPER, MetaLine, parse_meta_line
from ._shapes import COLON

MAX_RESIDUE = 10
# Inside the body a line is meta only with a label's colon or an original-title label, and each of those holds 原.
ORIGINAL_TITLE_MARK = "原"
# ``By Jasmine Lo`` under an English-style headline (Hong Kong magazines): one to four capitalised words.
ENGLISH_BYLINE = re.compile(r"^by\s+(?P<name>[a-z][a-z'.-]*(?:\s[a-z][a-z'.-]*){0,3})$")
# Bare date labels: in the body they give an event's time (a notice's 时间：… over its 地点：…).
EVENT_LABELS = frozenset({"时间", "日期"})
BODY_LINE_MARKS = (*COLON.strip("[]"), ORIGINAL_TITLE_MARK)
DATELINE = re.compile(
    r"^.{0,24}?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)\s*(?:[(（]\s*(?P<credits>(?:本报|本台|特约)?记者[^)）]{1,60})[)）]"
    # 南都讯 记者 林小雨 走进城西…: without brackets the names end at the next space
    r"|\s+(?P<bare>(?:本报|本台|特约)?记者(?:\s+[\u4e00-\u9fff]{2,4}){1,4})\s)"
)
BARE_COUNT = re.compile(r"\d{1,6}")
SIZE_BUTTON = re.compile(r"^(?:a[+-]?|t[+-]?|[大中小]|特大|较大|放大|缩小|正常|默认|标准)$")
SIZE_BUTTON_EDGES = re.compile(r"[\s\[\]【】()]+")
SIZE_BUTTON_CHARS = "at+-大中小特较放缩正常默认标准[]【】()"  # every character of SIZE_BUTTON and SIZE_BUTTON_EDGES but spaces
HARVEST_AS = {
    "author": "authors", "reporter": "authors", "editor": "editors", "correspondent": "correspondents",
    "reviewer": "reviewers", "photographer": "photographers",
}


@register_detector
class MetaLines(Detector):
    """Label/value meta lines around the article; harvests source, author, dates, views (C03)."""

    name = "meta_lines"
    family = "C03"
    order = 80

    def detect(self, page: Page) -> Iterable[Finding]:
        first_body, last_body = page.first_body, page.last_body
        title_index = page.value("_title_index")
        buttons = self._size_buttons(page)
        for position, block in enumerate(page.blocks):
            if position in buttons:
                yield Drop(block, "C03.tool", "font-size buttons")
                continue
            feats = page.features(block)
            if feats.vlen > 160:
                continue
            head = position < first_body
            edge = head or position > last_body
            if head and self._bare_counter(block, title_index):
                yield Drop(block, "C03.counter", "bare toolbar counter under the headline")
                continue
            shadow = page.shadow(block)
            if not edge and not any(map(shadow.__contains__, BODY_LINE_MARKS)):
                continue  # inside the body only a labelled line with a colon, or 原标题, is meta
            byline = (BYLINE.match(shadow) or BYLINE_NO_SLASH.match(shadow) or BYLINE_BARE.match(shadow)) \
                if edge and feats.short else None
            if byline and parse_names(byline["names"]):
                yield from self._byline(block, byline)
                continue
            if head and feats.short and (english := ENGLISH_BYLINE.match(shadow)):
                name = block.text[english.start("name"):english.end("name")]
                yield Harvest("authors", [name], "C03.byline", block.text, 0.8, append=True)
                yield Harvest("author", name, "C03.byline", block.text, 0.8)
                yield Drop(block, "C03.byline", "English byline (By …)")
                continue
            parsed = parse_meta_line(block.text, shadow, weak=edge and feats.short, bare_date=head and feats.short)
            if parsed is None or len(parsed.residue) > MAX_RESIDUE:
                continue
            anywhere = parsed.fields == {"original_title"}  # 原标题：… is never body, wherever it sits
            if not edge and not anywhere and not (parsed.colon and (len(parsed.pairs) >= 2 or feats.short)):
                continue
            if not edge and all(pair.label in EVENT_LABELS for pair in parsed.pairs):
                continue  # ``时间：11月12日 14:30`` inside the body is when the event is, not when the page was
            confidence = 0.9 if head else 0.7 if edge else 0.6
            yield from self._harvest(parsed, block.text, confidence)
            fields = "/".join(sorted(parsed.fields))
            yield Drop(block, f"C03.{sorted(parsed.fields)[0]}", f"meta line ({fields})")
        yield from self._dateline(page)

    @staticmethod
    def _size_buttons(page: Page) -> set[int]:
        """Edge lines made only of font-size buttons, in runs of at least two buttons (``A`` / ``A`` / ``A``)."""
        counts = [_size_button_count(page.shadow(block)) if _may_be_size_buttons(page.features(block)) else 0
                  for block in page.blocks]
        found: set[int] = set()
        run: list[int] = []
        for position in range(len(page.blocks) + 1):
            if position < len(page.blocks) and counts[position] and not page.body_like(position):
                run.append(position)
                continue
            if run and sum(counts[p] for p in run) >= 2 and all(page.in_edge(p) for p in run):
                found.update(run)
            run = []
        return found

    @staticmethod
    def _bare_counter(block: Block, title_index: int | None) -> bool:
        """``0`` alone under the headline (in the head): a like/comment/share count whose icon was an image."""
        return title_index is not None and block.index > title_index and bool(BARE_COUNT.fullmatch(block.text.strip()))

    @staticmethod
    def _byline(block: Block, match: re.Match[str]) -> Iterable[Finding]:
        """``中央社記者陳怡君／台北報導``: the outlet is the source, the reporters the authors (as printed)."""
        raw = block.text
        names = parse_names(raw[match.start("names"):match.end("names")]) or []
        if match["outlet"] and match["outlet"] not in OWN_PAPER:
            yield Harvest("source", raw[match.start("outlet"):match.end("outlet")], "C03.byline", raw, 0.7)
        if names:
            yield Harvest("authors", names, "C03.byline", raw, 0.9, append=True)
            yield Harvest("author", joined_names(names, raw), "C03.byline", raw, 0.9)
        yield Drop(block, "C03.byline", "outlet / reporter / place byline")

    @staticmethod
    def _harvest(parsed: MetaLine, raw: str, confidence: float) -> Iterable[Finding]:
        for pair in parsed.pairs:
            if pair.value is None or pair.field == "tool":
                continue
            rule = f"C03.{pair.field}"
            if pair.field in HARVEST_AS:
                target = HARVEST_AS[pair.field]
                if pair.value:
                    yield Harvest(target, pair.value, rule, raw, confidence, append=True)
                    if target == "authors":
                        yield Harvest("author", joined_names(pair.value, raw), rule, raw, confidence)
            elif pair.field in COUNTERS:
                count, lower_bound = pair.value
                yield Harvest(pair.field, count, rule, raw, confidence)
                if lower_bound:
                    yield Harvest(f"{pair.field}_lower_bound", True, rule, raw, confidence)
            elif pair.field == "tags":
                tags = [t for t in re.split(r"[\s,，、;；|]+", pair.value) if t]
                yield Harvest("tags", tags, rule, raw, confidence, append=True)
            else:
                yield Harvest(pair.field, pair.value, rule, raw, confidence)

    @staticmethod
    def _dateline(page: Page) -> Iterable[Finding]:
        """Reporters named in a newswire dateline at the start of the first body paragraph (kept)."""
        start = page.first_body
        for block in page.blocks[start:start + 2]:
            match = DATELINE.match(block.text)
            if not match:
                continue
            group = "credits" if match["credits"] else "bare"
            parsed = parse_meta_line(match[group], page.shadow(block)[match.start(group):match.end(group)], weak=True)
            if parsed:
                yield from MetaLines._harvest(parsed, match.group(0), 0.6)
            return


def _may_be_size_buttons(feats: Features) -> bool:
    """Short and made only of the characters buttons and their brackets are written with (a cheap screen)."""
    return feats.vlen <= 12 and not feats.visible.strip(SIZE_BUTTON_CHARS)


def _size_button_count(shadow: str) -> int:
    """How many font-size buttons the line is made of (``A- A A+`` → 3), 0 when it holds anything else."""
    pieces = [piece for piece in SIZE_BUTTON_EDGES.split(shadow) if piece]
    return len(pieces) if pieces and all(SIZE_BUTTON.match(piece) for piece in pieces) else 0
