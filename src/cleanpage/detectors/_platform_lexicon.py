"""Helpers shared by the platform detectors (share, pagination, WeChat, forum, self-media, gov, ads, novel).

Dates in their line patterns are :data:`cleanpage.dates.DATE_TEXT`, the date grammar's own shape.

The catalogue's edge peeling (§2.5): chrome is removed from the two edges of
the page inwards, and a long chrome line (a platform disclaimer, a keyword
farm) must not stop the peel just because it looks like a sentence. So the
edges here are computed per detector: walk from each end, pass over lines the
detector recognises as its chrome and over lines that are not body-like, and
stop at the first body-like line that is not chrome.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..page import Page
from ._shapes import compact

# Private-use icon-font glyphs and emoji that sit before share targets and toolbar labels.
ICON = re.compile("[\ue000-\uf8ff\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def edge_positions(page: Page, is_chrome: Callable[[int], bool]) -> set[int]:
    """Positions in the top and bottom edges that ``is_chrome`` accepts (the §2.5 peel).

    A body-like line that ``is_chrome`` rejects ends the peel; lines that are
    neither are passed over and kept.
    """
    found: set[int] = set()
    count = len(page.blocks)
    stop_top = count
    for i in range(count):
        if is_chrome(i):
            found.add(i)
        elif page.body_like(i):
            stop_top = i
            break
    for i in range(count - 1, stop_top, -1):
        if is_chrome(i):
            found.add(i)
        elif page.body_like(i):
            break
    return found


def whole(page: Page, position: int) -> str:
    """The block's shadow without whitespace and icon glyphs: for whole-line phrase lists."""
    return page.view(whole_key, page.blocks[position])


def whole_key(shadow: str) -> str:
    return ICON.sub("", compact(shadow))


def without(text: str, chars: str) -> str:
    """``text`` with every one of ``chars`` deleted.

    One ``str.replace`` per character runs at memory speed; a regex character class of a few
    non-Latin characters is scanned three times slower on Chinese text.
    """
    for char in chars:
        if char in text:
            text = text.replace(char, "")
    return text


def unquoted_keys(page: Page, quotes: str) -> list[str]:
    """Every line's :func:`whole` key without ``quotes``, in one pass over the page (keys hold no newline)."""
    return without(page.joined(whole_key), quotes).split("\n") if page.blocks else []
