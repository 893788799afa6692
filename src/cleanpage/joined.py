"""Lines searched as one text: join once, search once, map each hit back to its line.

The regex engine scans one long string far faster than it is called once per short line, so both
the page's detectors (:meth:`cleanpage.page.Page.matching`) and the repairs' signature scan
(:func:`cleanpage.repair._scan.lines_with_signature`) find their candidate lines this way.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence


def join_lines(lines: Sequence[str]) -> tuple[str, list[int]]:
    """The lines joined by newlines, and where each one starts in the joined text."""
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    return "\n".join(lines), starts


def lines_matching(pattern: re.Pattern[str], joined: str, starts: list[int], line: Callable[[int], str]) -> list[int]:
    """Indexes of the lines where ``pattern`` matches, in order, from one scan of ``joined``.

    Each hit is checked again on its own line (``line(i)``), so a match that spans a newline never
    counts; after a hit the scan goes on at the next line. Patterns must be unanchored.
    """
    found: list[int] = []
    position = 0
    while match := pattern.search(joined, position):
        i = bisect_right(starts, match.start()) - 1
        if pattern.search(line(i)):
            found.append(i)
        if i + 1 == len(starts):
            break
        position = starts[i + 1]
    return found
