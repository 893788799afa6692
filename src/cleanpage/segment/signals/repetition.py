"""Text the page prints more than once: menus repeated at the top and bottom, "more" links, labels.

A block whose text (whitespace removed) occurs in two or more blocks of the page votes against
itself: -1 when short (a menu item, a label), -0.5 when longer (a teaser repeated in a sidebar; an
article rarely repeats its own paragraphs). Empty texts (images without alt) abstain.
"""

from __future__ import annotations

from collections import Counter

from . import PageContext, Signal

SHORT = 40


class RepetitionVote(Signal):
    name = "repeated"

    def votes(self, page: PageContext) -> list[float]:
        counts = Counter(page.keys)
        return [0.0 if not key or counts[key] < 2 else (-1.0 if len(key) < SHORT else -0.5) for key in page.keys]
