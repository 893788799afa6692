"""Which blocks of the page are main content: one readable scorer over independent signals.

Every signal (:mod:`cleanpage.segment.signals`) votes on every block, from -1 (not main content) to
+1; the scorer adds the votes with the weights below and keeps a block whose score is above zero.
Two passes of context then follow, because a page's article is a run of blocks, not a set of
independent ones:

1. **gaps**: a block between two kept blocks (at most ``GAP`` blocks apart) that is not link text
   and that the markup does not put in chrome is kept: a short paragraph, a subheading or a
   table row inside the article scores low on its own;
2. **stragglers**: a kept block far (more than ``STRAGGLER_DISTANCE`` blocks) from the rest of the
   kept text, with less than ``STRAGGLER_SHARE`` of it, is dropped only when no extractor voted
   for it: an isolated promo paragraph in a sidebar, never a paragraph an extractor saw as main.

Last, a **rescue**: when what was kept is far less than the prose of the densest prose region (the
extractors missed the article), that region's prose is kept as well, and the page warns about it.

Every block not kept gets a reason naming the signals that voted against it and its score, so
``explain`` can say why it vanished. Nothing here knows a site.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from ..lexicon import NOTICE_CLOSINGS
from .markup_names import class_words
from .page_blocks import PageBlock, self_and_ancestors
from .prose import SPACE
from .signals import PageContext, Signal
from .signals.region import RegionVote
from .signals.repetition import RepetitionVote
from .signals.semantics import NEGATIVE_WORDS, STANDFIRST_WORDS, SemanticsVote
from .signals.text_quality import TextQualityVote
from .signals.trafilatura_vote import TrafilaturaVote

# The signals, in the order their votes are listed in reasons, with their weights: on any block, and
# added on a short block (under SHORT_WEIGHT units of text), where the extractors are most reliable and
# the text signal least. Fitted by logistic regression on the tune halves of the dev sets
# (benchmarks/fit_scorer.py), then rounded.
WEIGHTS: tuple[tuple[type[Signal], float, float], ...] = (
    (TrafilaturaVote, 2.1, 0.0),
    (RegionVote, 0.4, 0.2),
    (TextQualityVote, 2.0, -0.7),
    (SemanticsVote, 0.9, -0.5),
    (RepetitionVote, 0.7, 0.0),
)
BIAS = -1.2
SHORT_WEIGHT = 30
INSIDE_MIN = -0.5
OUTSIDE_MIN = 1.0
RUN_SHARE = 0.3
RESCUE_SHORTFALL = 0.4
HEAD_LINES = 3
LEAD_BLOCKS = 2
NAMING_BOXES = 3  # a block's element and its two closest containers: the boxes whose class may name it
PULL_QUOTE_MIN = 15  # characters of a sentence repeated as a pull quote
PULL_QUOTE_WORDS = frozenset({"pullquote", "pull", "callout"})  # a box setting a sentence apart (not a quote of a post)
ENTRY_FIELDS = frozenset({"text", "email"})
FORM_BOX_DEPTH = 3  # ancestors of a block searched for the box holding it
FORM_BOX_TEXT_MAX = 600  # characters of such a box: a pitch and a field, not a section of the article
STANDFIRST_REACH = 8  # lines above the article's first kept block where its standfirst may stand
STANDFIRST_MIN = 20  # its least amount of text (Chinese-character units): a sentence, not a label
STANDFIRST_MAX_LINK_DENSITY = 0.3
NOTICE_CLOSING = re.compile(rf"(?:{'|'.join(NOTICE_CLOSINGS)})[。.！!]?")
HEAD_MIN = -1.5
HEAD_MAX_LINK_DENSITY = 0.5
MAX_RUNS = 4
EXTRACTORS = ("trafilatura",)
TEASER_LINK_DENSITY = 0.8  # the headline over a teaser's summary is a link
TEASER_SUMMARY_MAX_LINK_DENSITY = 0.3
TEASER_HEADLINE_MIN = 6  # units of a headline's text: a title, not an edit button or a close mark (编辑, X)
TEASER_REPEATS = 3  # pairs of the same shape: a list of teasers, not one link line over a paragraph


@dataclass
class Decision:
    """The scorer's verdict on one block: kept or not, its score, each signal's vote, and why."""

    keep: bool
    score: float
    votes: dict[str, float]
    reason: str = ""
    rescued: bool = False  # kept by the rescue of the densest prose region, against the scores


def decide(page: PageContext, signals: Sequence[tuple[Signal, float, float]] | None = None,
           bias: float = BIAS) -> list[Decision]:
    """One decision per block of ``page``; ``signals`` (signal, weight, added weight when short) replace the
    default ones."""
    chosen = signals if signals is not None else [(kind(), weight, short) for kind, weight, short in WEIGHTS]
    columns = {signal.name: (weight, short, signal.votes(page)) for signal, weight, short in chosen}
    decisions = []
    for index, block in enumerate(page.blocks):
        is_short = block.weight < SHORT_WEIGHT
        votes = {name: column[index] for name, (_, _, column) in columns.items()}
        score = bias + sum((weight + (short if is_short else 0.0)) * column[index]
                           for weight, short, column in columns.values())
        decisions.append(Decision(score > 0, score, votes))
    _follow_main_run(page.blocks, decisions)
    _keep_standfirst(page.blocks, decisions)
    _drop_form_boxes(page.blocks, decisions)
    _drop_pull_quotes(page.blocks, decisions)
    _keep_notice_closings(page.blocks, decisions)
    _rescue_region(page.blocks, decisions)
    for decision in decisions:
        if not decision.keep and not decision.reason:
            decision.reason = _reason(decision)
    return decisions


def _follow_main_run(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    """Keep the article's runs of blocks, not a scatter of good-looking ones.

    A run is a stretch of blocks with a high sum of scores, each weighted by the square root of its
    amount of text (a long paragraph counts more than a label; chrome between two articles breaks the
    run). The best run is the article; another run holding at least ``RUN_SHARE`` of the best one's
    sum is kept too (an article broken by an ad box or a paywall teaser). Inside a run a block is kept
    unless its score is below ``INSIDE_MIN`` (a share bar or an ad inside the article); the short lines
    just above a run (its head: a headline, a byline, a post header) are kept for the text detectors,
    which remove them with a precise reason and harvest what they say; outside
    the runs only a block an extractor kept and that scores above ``OUTSIDE_MIN`` stays (the article's
    last paragraph after an ad box), never a sidebar that merely looks like prose. (Limiting these
    further, by distance to a run or by the markup vote, was measured: each lost real paragraphs on
    the tune half of trafilatura-eval for a gain on two Chinese dev pages, so neither is made.)
    """
    gains = [decision.score * math.sqrt(1.0 + block.weight) for block, decision in zip(blocks, decisions)]
    runs = _runs(gains)
    if not runs:
        return
    inside = [False] * len(decisions)
    head = [False] * len(decisions)
    for first, last in runs:
        first = _lead_of(blocks, decisions, first)
        inside[first:last + 1] = [True] * (last + 1 - first)
        start = _head_of(blocks, decisions, first)
        head[start:first] = [True] * (first - start)
    described = ", ".join(f"{first}-{last}" for first, last in runs)
    teasers = _teaser_summaries(blocks)
    for index, decision in enumerate(decisions):
        if head[index]:
            decision.keep = True  # above HEAD_MIN by construction: left to the text detectors
        elif inside[index]:
            decision.keep = decision.score > INSIDE_MIN
            if not decision.keep:
                decision.reason = f"inside the main text but {_reason(decision)}"
        else:
            extractor = any(decision.votes.get(name, 0) > 0 for name in EXTRACTORS)
            decision.keep = decision.score > OUTSIDE_MIN and extractor and index not in teasers
            if index in teasers and decision.score > OUTSIDE_MIN and extractor:
                decision.reason = (f"outside the main text (blocks {described}); the summary under a linked headline, "
                                   "one of a list of teasers")
            elif not decision.keep:
                decision.reason = f"outside the main text (blocks {described}); {_reason(decision)}"


def _teaser_summaries(blocks: Sequence[PageBlock]) -> set[int]:
    """The summaries of a list of teasers: a paragraph of plain text right under a headline that is a link to
    another page, in the same box (``<td><a><b>headline</b></a><br><span>summary</span></td>``, ``<li><h3><a>…</h3>
    <p>…</p></li>``), where at least ``TEASER_REPEATS`` such pairs share the box's shape. A sidebar of 导读 or "More
    stories" reads as prose to every signal; one linked line over a paragraph is no list and stays with the votes."""
    pairs: dict[tuple[str, ...], list[int]] = {}
    for index in range(1, len(blocks)):
        headline, summary = blocks[index - 1], blocks[index]
        if (summary.kind != "paragraph" or summary.link_density > TEASER_SUMMARY_MAX_LINK_DENSITY
                or headline.link_density < TEASER_LINK_DENSITY
                or not TEASER_HEADLINE_MIN <= headline.weight < summary.weight):
            continue
        box = _shared_box(headline.element, summary.element)
        if box is not None:
            pairs.setdefault(_shape(box), []).append(index)
    return {index for indices in pairs.values() if len(indices) >= TEASER_REPEATS for index in indices}


def _shared_box(first: etree._Element, second: etree._Element) -> etree._Element | None:
    """The box holding both blocks: the same element, or the parent of two sibling elements."""
    if first is second:
        return first
    parent = first.getparent()
    return parent if parent is not None and parent is second.getparent() else None


def _shape(box: etree._Element) -> tuple[str, ...]:
    """A box's tag and class with its parent's and grandparent's tags: boxes of one list share it."""
    parent = box.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return (str(box.tag), box.get("class") or "", str(parent.tag) if parent is not None else "",
            str(grandparent.tag) if grandparent is not None else "")


def _rescue_region(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    """Never lose the article silently: when the kept prose is less than ``RESCUE_SHORTFALL`` of the prose
    in the densest prose region (an extractor that kept only a caption, the last paragraph or a sidebar
    outvoted the rest), that region's prose is kept too, and marked so that a warning says so. Only kept
    text that reads as prose counts: a sidebar's labels and counts kept instead of the article are no
    reason to lose it."""
    weights = [block.weight for block in blocks]
    kept = sum(w for w, d in zip(weights, decisions) if d.keep and d.votes.get("text", 0) > 0)
    prose = [i for i, d in enumerate(decisions) if d.votes.get("region", 0) > 0 and d.votes.get("text", 0) > 0]
    region = sum(weights[i] for i in prose)
    if not prose or kept >= RESCUE_SHORTFALL * region:
        return
    for index in range(prose[0], prose[-1] + 1):
        decision = decisions[index]
        if decision.keep or decision.votes.get("region", 0) <= 0:
            continue
        if decision.votes.get("text", 0) > 0 or decision.score > INSIDE_MIN:
            decision.keep = decision.rescued = True
            decision.reason = ""


def _lead_of(blocks: Sequence[PageBlock], decisions: list[Decision], first: int) -> int:
    """A run's start moved up over the prose just above it, in the run's own container, that only an extractor
    voted against: a standfirst or an editor's note (编者按), which extractors often leave out of an article,
    while every other signal reads it as the article's text."""
    start = first
    container = blocks[first].element.getparent()
    while (start > 0 and first - start < LEAD_BLOCKS and _only_extractors_against(decisions[start - 1])
           and container is not None and container in blocks[start - 1].element.iterancestors()):
        start -= 1
    return start


def _keep_standfirst(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    """Keep the article's standfirst (deck): a paragraph right under a heading, among the lines just above the first
    kept block, that the markup names a standfirst (``p.dek``, ``p.sub``, ``div.summary``). It sits in the
    article's header with its byline and share bar, which every signal reads as chrome; the gold conventions make
    it the body's first line."""
    first = next((index for index, decision in enumerate(decisions) if decision.keep), None)
    if first is None:
        return
    for index in range(first - 1, max(0, first - STANDFIRST_REACH) - 1, -1):
        block = blocks[index]
        if block.kind == "heading":
            return  # the headline: the standfirst is below it
        if (block.kind == "paragraph" and index and blocks[index - 1].kind == "heading" and block.weight >= STANDFIRST_MIN
                and block.link_density < STANDFIRST_MAX_LINK_DENSITY and any(
                    class_words(node) & STANDFIRST_WORDS for node in self_and_ancestors(block.element, NAMING_BOXES))):
            decisions[index].keep, decisions[index].reason = True, ""
            return


def _drop_form_boxes(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    """Drop what a small box named as chrome says around the form it holds: a newsletter signup or a comment form
    inside the article (``div.subscribe-box``: ``Never miss a recipe!`` over an e-mail field), which the extractor
    and the region keep with the text around it. A box without a form is left to the votes."""
    boxes: dict[etree._Element, bool] = {}
    for block, decision in zip(blocks, decisions):
        if not decision.keep:
            continue
        for node in itertools.islice(block.element.iterancestors(), FORM_BOX_DEPTH):
            if node not in boxes:
                boxes[node] = (bool(class_words(node) & NEGATIVE_WORDS) and _holds_entry_form(node)
                               and next(node.iter("h1"), None) is None and len(node.text_content()) <= FORM_BOX_TEXT_MAX)
            if boxes[node]:
                decision.keep = False
                decision.reason = "a form box named as chrome (a newsletter signup, a comment form) inside the text"
                break


def _holds_entry_form(box: etree._Element) -> bool:
    """Whether ``box`` holds a form asking the reader to type (an e-mail address, a comment), not a button row."""
    return any(field.tag == "textarea" or (field.get("type") or "text").lower() in ENTRY_FIELDS
               for form in box.iter("form") for field in form.iter("input", "textarea"))


def _drop_pull_quotes(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    """Drop a pull quote: a sentence set apart in an aside or a box named for it that repeats, word for word, a
    sentence of a longer kept paragraph (``<aside class="pullquote">“We get busy. …”</aside>``). The words stay where
    the article says them; a forum's quote of an earlier post (a blockquote) is the thread reader's to judge."""
    kept = [SPACE.sub("", block.text) for block, decision in zip(blocks, decisions) if decision.keep]
    for block, decision in zip(blocks, decisions):
        text = SPACE.sub("", block.text)
        if (not decision.keep or len(text) < PULL_QUOTE_MIN or block.kind == "heading"
                or not any(node.tag == "aside" or class_words(node) & PULL_QUOTE_WORDS
                           for node in self_and_ancestors(block.element, NAMING_BOXES))):
            continue
        if any(text in other and len(other) > len(text) for other in kept):  # a longer paragraph says it
            decision.keep = False
            decision.reason = "a pull quote repeating a sentence of the text"


def _keep_notice_closings(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    """Keep a notice's closing formula (特此公告。) just after a kept block in the same element: a one-line paragraph
    the text signal votes against, which closes the notice kept above it."""
    for index in range(1, len(blocks)):
        if (not decisions[index].keep and decisions[index - 1].keep
                and blocks[index].element.getparent() is blocks[index - 1].element.getparent()
                and NOTICE_CLOSING.fullmatch(blocks[index].text.strip())):
            decisions[index].keep, decisions[index].reason = True, ""


def _only_extractors_against(decision: Decision) -> bool:
    return (decision.score > INSIDE_MIN and decision.votes.get("text", 0) > 0
            and all(vote >= 0 for name, vote in decision.votes.items() if name not in EXTRACTORS))


def _head_of(blocks: Sequence[PageBlock], decisions: list[Decision], first: int) -> int:
    """A run's start moved up over the short lines just above it (a byline, a date, a post header): the
    text detectors read and harvest those, and they are dropped there with a precise reason."""
    start = first
    while (start > 0 and first - start < HEAD_LINES and decisions[start - 1].score > HEAD_MIN
           and blocks[start - 1].link_density < HEAD_MAX_LINK_DENSITY and blocks[start - 1].weight < SHORT_WEIGHT):
        start -= 1
    return start


def _runs(gains: list[float]) -> list[tuple[int, int]]:
    """The best run of ``gains`` and the runs outside it worth ``RUN_SHARE`` of it, in page order."""
    best = _best_run(gains, 0, len(gains))
    if best is None:
        return []
    runs = [best]
    threshold = RUN_SHARE * best[2]
    pending = [(0, best[0]), (best[1] + 1, len(gains))]
    while pending and len(runs) < MAX_RUNS:
        low, high = pending.pop()
        found = _best_run(gains, low, high)
        if found is None or found[2] < threshold:
            continue
        runs.append(found)
        pending += [(low, found[0]), (found[1] + 1, high)]
    return sorted((first, last) for first, last, _ in runs)


def _best_run(gains: list[float], low: int, high: int) -> tuple[int, int, float] | None:
    """The maximum-sum stretch of ``gains[low:high]`` (Kadane), or ``None`` when no sum is positive."""
    best, span = 0.0, None
    current, start = 0.0, low
    for index in range(low, high):
        if current <= 0:
            current, start = gains[index], index
        else:
            current += gains[index]
        if current > best:
            best, span = current, (start, index)
    return (span[0], span[1], best) if span else None


def _reason(decision: Decision) -> str:
    against = [name for name, vote in decision.votes.items() if vote < 0]
    voted_for = [name for name, vote in decision.votes.items() if vote > 0]
    text = f"score {decision.score:+.2f}: against " + (", ".join(against) or "none")
    if voted_for:
        text += "; for " + ", ".join(voted_for)
    return text
