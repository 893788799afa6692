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

Every block not kept gets a reason naming the signals that voted against it and its score, so
``explain`` can say why it vanished. Nothing here knows a site.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .page_blocks import PageBlock
from .signals import PageContext, Signal
from .signals.readability_vote import ReadabilityVote
from .signals.region import RegionVote
from .signals.repetition import RepetitionVote
from .signals.semantics import SemanticsVote
from .signals.text_quality import TextQualityVote, weight_of
from .signals.trafilatura_vote import TrafilaturaVote

# The signals, in the order their votes are listed in reasons, with their weights.
WEIGHTS: tuple[tuple[type[Signal], float], ...] = (
    (TrafilaturaVote, 1.0),
    (ReadabilityVote, 0.7),
    (RegionVote, 0.8),
    (TextQualityVote, 0.8),
    (SemanticsVote, 0.6),
    (RepetitionVote, 0.4),
)
BIAS = 0.0
GAP = 3
GAP_MAX_LINK_DENSITY = 0.5
GAP_MIN_SCORE = -2.5
STRAGGLER_DISTANCE = 8
STRAGGLER_SHARE = 0.1
EXTRACTORS = ("trafilatura", "readability")


@dataclass
class Decision:
    """The scorer's verdict on one block: kept or not, its score, each signal's vote, and why."""

    keep: bool
    score: float
    votes: dict[str, float]
    reason: str = ""


def decide(page: PageContext, signals: Sequence[tuple[Signal, float]] | None = None) -> list[Decision]:
    """One decision per block of ``page``."""
    chosen = signals if signals is not None else [(kind(), weight) for kind, weight in WEIGHTS]
    columns = {signal.name: (weight, signal.votes(page)) for signal, weight in chosen}
    decisions = []
    for index in range(len(page.blocks)):
        votes = {name: column[index] for name, (_, column) in columns.items()}
        score = BIAS + sum(weight * column[index] for weight, column in columns.values())
        decisions.append(Decision(score > 0, score, votes))
    _fill_gaps(page.blocks, decisions)
    _drop_stragglers(page.blocks, decisions)
    for decision in decisions:
        if not decision.keep and not decision.reason:
            decision.reason = _reason(decision)
    return decisions


def _fill_gaps(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    kept = [i for i, decision in enumerate(decisions) if decision.keep]
    for left, right in itertools.pairwise(kept):
        if 1 < right - left <= GAP + 1:
            for index in range(left + 1, right):
                decision = decisions[index]
                if (blocks[index].link_density <= GAP_MAX_LINK_DENSITY and decision.votes.get("markup", 0) >= 0
                        and decision.score >= GAP_MIN_SCORE):
                    decision.keep = True


def _drop_stragglers(blocks: Sequence[PageBlock], decisions: list[Decision]) -> None:
    kept = [i for i, decision in enumerate(decisions) if decision.keep]
    if len(kept) < 2:
        return
    total = sum(weight_of(blocks[i].text) for i in kept) or 1.0
    runs: list[list[int]] = [[kept[0]]]
    for index in kept[1:]:
        if index - runs[-1][-1] > STRAGGLER_DISTANCE:
            runs.append([])
        runs[-1].append(index)
    if len(runs) < 2:
        return
    for run in runs:
        share = sum(weight_of(blocks[i].text) for i in run) / total
        if share >= STRAGGLER_SHARE:
            continue
        if any(decisions[i].votes.get(name, 0) > 0 for i in run for name in EXTRACTORS):
            continue
        for index in run:
            decisions[index].keep = False
            decisions[index].reason = (f"isolated from the main text ({share:.0%} of the kept text, "
                                       f"more than {STRAGGLER_DISTANCE} blocks away) and no extractor kept it")


def _reason(decision: Decision) -> str:
    against = [name for name, vote in decision.votes.items() if vote < 0]
    voted_for = [name for name, vote in decision.votes.items() if vote > 0]
    text = f"score {decision.score:+.2f}: against " + (", ".join(against) or "none")
    if voted_for:
        text += "; for " + ", ".join(voted_for)
    return text
