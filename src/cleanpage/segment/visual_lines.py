"""Visual lines rejoined into the paragraphs they were cut from (:func:`join_visual_lines`).

Document-sharing readers (文库 and 道客巴巴-like previews) and converted PDFs draw a document one element per
visual line: a paragraph of 120 characters comes as four ``<p class="ln">`` or absolutely placed ``<div>`` of 38
characters each, cut where the page's width ran out, inside words and sentences. A reader reads paragraphs, and
so does everything after segmentation (detectors judge a block at a time, an index keeps a paragraph whole).

Measures: a run of at least ``MIN_RUN`` consecutive kept paragraphs printed in elements of one shape (one tag,
a class word in common, or none on either) and short (at most ``LINE_MAX`` characters), in which at least
half the lines are full, within ``FULL_SLACK`` characters of the run's longest line, and ``MIN_CUTS`` of them stop
inside a sentence (on a Han character, a digit or a pause, ``，``), most full lines holding sentence
punctuation of their own (a list of titles holds none): text cut by width, which the paragraphs of an article
never are. In such a
run a full line is joined with the next one, unless it ends a sentence (the paragraph may end there: two
paragraphs glued are worse than a paragraph left in two) or the next one opens a paragraph of its own (an indent, a
heading's numbering: ``一、``, ``（二）``, ``3．``). The document's page breaks between the lines are the
reader's chrome, which the scorer has dropped: a paragraph cut by one is joined the same way.

Never: joins lines of different shapes, lines of a run without cuts inside sentences (a list of short
items, a poem, an address block), lines without Han characters (Latin list items and captions end without
punctuation too: no evidence of a cut), or anything outside the kept body. Each join is a recorded repair
(``visual_lines``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from lxml import etree

from ..document import Block, Repair
from ..names import has_han
from .markup_names import class_words
from .page_blocks import PageBlock
from .scorer import Decision

MIN_RUN = 4
MIN_CUTS = 3
LINE_MAX = 60  # characters: a visual line of a page; a longer block is a paragraph already
LINE_MIN = 20  # characters of the run's longest line: narrower columns (a table's cells, a poem) are not width-cut
FULL_SLACK = 3  # characters a full line may fall short of the longest: the width a digit or a Latin word leaves
RUN_WINDOW = 40  # kept lines before a dropped one read for the run's evidence: enough, and linear on a long page
PARAGRAPH_END = frozenset("。！？：；…")  # a full line ending a sentence may end its paragraph: left apart, not glued to the next
SENTENCE_PUNCTUATION = re.compile(r"[，。；！？]")
# a Chinese line cut inside a sentence ends on a character of it or a pause (，、), not on a closing mark or a
# Latin word: a list of Latin items never ends its lines on punctuation, so Latin text gives no such evidence
CUT_INSIDE_SENTENCE = re.compile(r"[\u4e00-\u9fff\d，、“‘《（]$")
PARAGRAPH_OPENING = re.compile(r"^(?:[\s\u3000]{2}|[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                               r"|\d{1,2}[、．.](?!\d))")
LATIN_EDGE = re.compile(r"[A-Za-z0-9,;]$")


def join_visual_lines(blocks: list[Block], elements: dict[int, etree._Element]) -> tuple[list[Block], list[Repair]]:
    """``blocks`` with each run of visual lines rejoined into paragraphs, and the joins as repairs;
    ``elements`` maps ``id(block)`` to the element it was read from."""
    out: list[Block] = []
    repairs: list[Repair] = []
    for run in _runs(blocks, elements):
        if not _width_cut(run):
            out.extend(run)
            continue
        longest = max(len(block.text) for block in run)
        current, last_line = run[0], run[0].text
        for block in run[1:]:
            if _full(last_line, longest) and last_line[-1:] not in PARAGRAPH_END and not PARAGRAPH_OPENING.match(block.text):
                joined = current.text + _separator(last_line, block.text) + block.text
                repairs.append(Repair("visual_lines", block.text, joined, len(current.text), 1.0, block.index,
                                      "a visual line of a document preview, joined to the line before it"))
                current = dataclasses.replace(current, text=joined, links=current.links + block.links)
            else:
                out.append(current)
                current = block
            last_line = block.text
        out.append(current)
    return out, repairs


def keep_cut_lines(blocks: Sequence[PageBlock], decisions: Sequence[Decision]) -> None:
    """Keeps a visual line the scorer dropped right after a kept one that the page's width cut inside a sentence
    (``…一是部分居民分`` | ``类习惯尚未养成，``): the end of the paragraph, a short line no signal favours alone,
    whose loss would cut the sentence without a trace."""
    shapes = [_shape(block.kind, block.text, block.element) for block in blocks]
    for index in range(len(blocks) - 1):
        if not decisions[index].keep or decisions[index + 1].keep or not _same_shape(shapes[index], shapes[index + 1]):
            continue
        run = [blocks[index]]  # the kept lines before it, over the reader's dropped page breaks
        for earlier in range(index - 1, -1, -1):
            if not decisions[earlier].keep:
                continue
            if not _same_shape(shapes[earlier], shapes[index]) or len(run) >= RUN_WINDOW:
                break
            run.insert(0, blocks[earlier])
        line = blocks[index].text
        if _width_cut(run) and _full(line, max(len(block.text) for block in run)) and CUT_INSIDE_SENTENCE.search(line):
            decisions[index + 1].keep = True
            decisions[index + 1].reason = "the rest of a sentence the page's width cut: a visual line after a kept one"


Shape = tuple[str, frozenset[str]] | None


def _shape(kind: str, text: str, element: etree._Element | None) -> Shape:
    """A visual line's element shape (its tag and class words), or ``None`` for a block that is no short
    paragraph."""
    if kind != "paragraph" or element is None or len(text) > LINE_MAX:
        return None
    return str(element.tag), frozenset(class_words(element))


def _same_shape(one: Shape, other: Shape) -> bool:
    return one is not None and other is not None and one[0] == other[0] and (
        bool(one[1] & other[1]) or not (one[1] or other[1]))


def _runs(blocks: list[Block], elements: dict[int, etree._Element]) -> list[list[Block]]:
    """Consecutive blocks grouped while they are short paragraphs printed in elements of one shape."""
    runs: list[list[Block]] = []
    previous: Shape = None
    for block in blocks:
        this = _shape(block.kind, block.text, elements.get(id(block)))
        if runs and _same_shape(this, previous):
            runs[-1].append(block)
        else:
            runs.append([block])
        previous = this
    return runs


def _width_cut(run: Sequence[Block | PageBlock]) -> bool:
    """Whether a run's lines were cut by the page's width: enough of them, a line width worth the name, and
    full lines stopping inside a sentence."""
    if len(run) < MIN_RUN:
        return False
    longest = max(len(block.text) for block in run)
    if longest < LINE_MIN:
        return False
    full = [block.text for block in run if _full(block.text, longest)]
    cuts = sum(1 for line in full if CUT_INSIDE_SENTENCE.search(line))
    prose = sum(1 for line in full if SENTENCE_PUNCTUATION.search(line[:-1]))  # titles and names hold none
    return cuts >= MIN_CUTS and len(full) * 2 >= len(run) and prose * 2 >= len(full) \
        and all(has_han(block.text) for block in run)


def _full(line: str, longest: int) -> bool:
    return len(line) >= longest - FULL_SLACK


def _separator(before: str, after: str) -> str:
    """Nothing between the lines of Chinese text (a number cut by the width, ``34|00余件``, is one number); a
    space between the lines of a text without Han characters where a word ends one and another starts the
    next."""
    if has_han(before) or has_han(after):
        return ""
    return " " if LATIN_EDGE.search(before) and after[:1].isascii() and after[:1].isalnum() else ""
