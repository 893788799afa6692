"""Segment a plain-text dump into blocks: one block per non-empty line.

Nothing is assumed about blank lines (some scrapers put one between
paragraphs, others none). Only ``\\n``, ``\\r\\n`` and ``\\r`` break lines:
``str.splitlines`` would also break on U+0085, U+2028 and friends, which
Latin-1 mojibake leaves inside a line and which a repair must see intact.
"""

from __future__ import annotations

import itertools
import re

from ..document import Block

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Layout whitespace stripped from both ends of a line; U+0085 is deliberately absent.
EDGE_SPACE = " \t\f\v\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\ufeff"


def segment_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for number, (raw, start) in enumerate(_lines(text), start=1):
        stripped = raw.strip(EDGE_SPACE)
        if stripped:
            lead = len(raw) - len(raw.lstrip(EDGE_SPACE))
            blocks.append(Block(text=stripped, kind="line", index=len(blocks), line=number, start=start + lead))
    return blocks


def _lines(text: str) -> list[tuple[str, int]]:
    if "\r" not in text:  # the common case, split in C
        parts = text.split("\n")
        return list(zip(parts, itertools.accumulate((len(part) + 1 for part in parts[:-1]), initial=0), strict=True))
    lines: list[tuple[str, int]] = []
    start = 0
    for brk in LINE_BREAK.finditer(text):
        lines.append((text[start:brk.start()], start))
        start = brk.end()
    lines.append((text[start:], start))
    return lines
