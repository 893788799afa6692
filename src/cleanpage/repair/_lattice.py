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


States = dict[str | None, tuple[float, str]]  # folded last char -> (cost, chosen chars so far)


def best_path(lm: Scorer, slots: list[Slot], left: str | None, right: str | None, margins: bool = True,
              trace: list[States] | None = None, resume: tuple[int, States] | None = None) -> Path | None:
    """Lowest-cost choice of one character per slot between the ``left`` and ``right`` context characters.

    Without ``margins`` the path's margins are left empty: a caller comparing many hypotheses computes them
    (:func:`path_margins`) for the winner only. Hypotheses that share their first slots share that part of
    the search: ``trace`` collects the states before each slot (and after the last), and ``resume=(k,
    trace[k])`` starts a later call after its first ``k`` slots, which must be those of the traced call
    (same ``left``); the result is the same as searching from the start."""
    if not slots or any(not slot.chars for slot in slots):
        return None
    skip, states = resume if resume is not None else (0, {_fold(left) if left else None: (0.0, "")})
    if trace is not None:
        trace.append(states)
    for slot in slots[skip:]:
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
        if trace is not None:
            trace.append(states)
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
        local = sorted(_local_cost(lm, before, char, after) for char in slot.chars)
        margins.append(local[1] - local[0])
    return tuple(margins)


def _local_cost(lm: Scorer, before: str | None, char: str, after: str | None) -> float:
    folded = _fold(char)
    cost = lm.pair_cost(_fold(before) if before else None, folded)
    return cost + (lm.pair_cost(folded, _fold(after)) if after else 0.0)
