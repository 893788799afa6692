"""Best-path search over candidate characters, scored by the character model.

A repair that has to guess bytes turns the damaged span into a sequence of
slots, each holding the characters its bytes could have been. The path with
the lowest model cost wins (Viterbi over the last character, with a beam);
each guessed slot also gets a margin: how much worse the runner-up character
would be in the winner's context, which is what the repair's confidence and
the keep-U+FFFD decision rest on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..shadow import to_simplified_chars
from .charlm import Scorer

BEAM = 48


@dataclass(frozen=True)
class Slot:
    """Candidate characters for one position; ``guessed`` when some of its bytes were lost."""

    chars: tuple[str, ...]
    guessed: bool = False
    prior: float = 0.0


@dataclass(frozen=True)
class Path:
    text: str
    cost: float
    margins: tuple[float | None, ...]  # per slot; None for slots that were not guessed


@lru_cache(maxsize=65536)
def _fold(char: str) -> str:
    return to_simplified_chars(char)


@lru_cache(maxsize=4096)
def _folded_chars(chars: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each candidate with its fold: a slot's candidates (shared tuples) are stepped through many times."""
    return tuple((char, _fold(char)) for char in chars)


def best_path(lm: Scorer, slots: list[Slot], left: str | None, right: str | None, margins: bool = True) -> Path | None:
    """Lowest-cost choice of one character per slot between the ``left`` and ``right`` context characters.

    Without ``margins`` the path's margins are left empty: a caller comparing many hypotheses computes them
    (:func:`path_margins`) for the winner only."""
    if not slots or any(not slot.chars for slot in slots):
        return None
    start = _fold(left) if left else None
    # state: folded last char -> (cost, chosen chars so far)
    states: dict[str | None, tuple[float, str]] = {start: (0.0, "")}
    for slot in slots:
        nxt: dict[str | None, tuple[float, str]] = {}
        for char in slot.chars:
            folded = _fold(char)
            best: tuple[float, str] | None = None
            for prev, (cost, chosen) in states.items():
                total = cost + lm.pair_cost(prev, folded) + slot.prior
                if best is None or total < best[0]:
                    best = (total, chosen + char)
            if best is not None and (folded not in nxt or best[0] < nxt[folded][0]):
                nxt[folded] = best
        states = dict(sorted(nxt.items(), key=lambda item: item[1][0])[:BEAM])
    right_folded = _fold(right) if right else None
    final = [(cost + (lm.pair_cost(last, right_folded) if right_folded else 0.0), chosen)
             for last, (cost, chosen) in states.items()]
    cost, text = min(final)
    return Path(text, cost, path_margins(lm, slots, text, left, right) if margins else ())


def path_margins(lm: Scorer, slots: list[Slot], text: str, left: str | None, right: str | None) -> tuple[float | None, ...]:
    margins: list[float | None] = []
    for index, slot in enumerate(slots):
        if not slot.guessed or len(slot.chars) < 2:
            margins.append(None if not slot.guessed else 99.0)
            continue
        before = text[index - 1] if index else left
        after = text[index + 1] if index + 1 < len(text) else right
        local = sorted(local_cost(lm, before, char, after) for char in slot.chars)
        margins.append(local[1] - local[0])
    return tuple(margins)


def local_cost(lm: Scorer, before: str | None, char: str, after: str | None) -> float:
    folded = _fold(char)
    cost = lm.pair_cost(_fold(before) if before else None, folded)
    return cost + (lm.pair_cost(folded, _fold(after)) if after else 0.0)


Restoration = tuple[Slot, Slot]  # two slots that replace one slot of the plain sequence


def best_path_restoring(lm: Scorer, slots: list[Slot], restorations: dict[int, list[Restoration]],
                        left: str | None, right: str | None) -> tuple[Path, tuple[int, int] | None] | None:
    """The lowest-cost path over ``slots`` or over any one variant of them in which ``slots[p]`` is replaced
    by the two slots of ``restorations[p][k]`` (a pair a decoder dropped, put back), in one search.

    The plain slots are searched first; their best path's cost bounds the variants, whose states form a
    second beam (the slots after a variant are searched once for all variants instead of once per
    variant). A state of that beam already dearer than the plain path can only lead to a dearer path (no
    pair costs less than nothing) and is dropped, so most variants cost a step or two. Returns the path
    (margins left empty) and ``(p, k)`` of the variant taken, or ``None`` for the plain slots."""
    if not slots or any(not slot.chars for slot in slots):
        return None
    right_folded = _fold(right) if right else None
    beams: list[_Tagged] = [{_fold(left) if left else None: (0.0, "", None)}]
    for slot in slots:
        beams.append(_step(lm, beams[-1], slot))
    bound = _cheapest(lm, beams[-1], right_folded)
    restored: _Tagged = {}
    for position, slot in enumerate(slots):
        restored = _step(lm, restored, slot)
        for index, (first, second) in enumerate(restorations.get(position, ())):
            if first.chars and second.chars:
                reached = _within(_step(lm, _within(_step(lm, beams[position], first), bound), second), bound)
                restored = _merge(restored, {last: (cost, chosen, (position, index))
                                             for last, (cost, chosen, _) in reached.items()})
        restored = _within(restored, bound)
    final = [(cost + (lm.pair_cost(last, right_folded) if right_folded else 0.0), chosen, tag)
             for states in (beams[-1], restored) for last, (cost, chosen, tag) in states.items()]
    cost, text, tag = min(final, key=lambda item: (item[0], item[1]))
    return Path(text, cost, ()), tag


_Tagged = dict[str | None, tuple[float, str, tuple[int, int] | None]]


def _step(lm: Scorer, states: _Tagged, slot: Slot) -> _Tagged:
    """The beam after ``slot``: per folded character, its cheapest extension of a state (``states`` cheapest
    first, as every beam here is kept)."""
    nxt: _Tagged = {}
    pair_cost, prior = lm.pair_cost, slot.prior
    for char, folded in _folded_chars(slot.chars):
        best: tuple[float, str, tuple[int, int] | None] | None = None
        for prev, (cost, chosen, tag) in states.items():
            if best is not None and cost + prior >= best[0]:
                break  # states come cheapest first and no pair costs less than nothing
            total = cost + pair_cost(prev, folded) + prior
            if best is None or total < best[0]:
                best = (total, chosen + char, tag)
        if best is not None and (folded not in nxt or best[0] < nxt[folded][0]):
            nxt[folded] = best
    return dict(sorted(nxt.items(), key=lambda item: item[1][0])[:BEAM])


def _merge(states: _Tagged, more: _Tagged) -> _Tagged:
    merged = dict(states)
    for last, value in more.items():
        if last not in merged or value[0] < merged[last][0]:
            merged[last] = value
    return dict(sorted(merged.items(), key=lambda item: item[1][0])[:BEAM])


def _within(states: _Tagged, bound: float) -> _Tagged:
    """The states no dearer than ``bound``."""
    return {last: value for last, value in states.items() if value[0] <= bound}


def _cheapest(lm: Scorer, states: _Tagged, right: str | None) -> float:
    """The cost of the cheapest complete path among ``states``, the pair with ``right`` included."""
    return min(cost + (lm.pair_cost(last, right) if right else 0.0) for last, (cost, _, _) in states.items())
