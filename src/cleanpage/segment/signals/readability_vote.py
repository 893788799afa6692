"""readability-lxml's top candidate (with the siblings it joins to it), as one vote among several.

readability scores paragraphs by commas and length, credits their containers, and keeps the best
container with its related siblings. It works on a copy of the tree (its cleaner copies). Each
block votes +1 when its text is in that output and -1 when not (:mod:`._overlap`); readability
abstains when its output is under ``MIN_CHARS`` characters (it then returned a fragment, not a
choice). Its length rules count words by spaces, so on CJK text it undercounts: that is why it is
one voter among several and not the gate.
"""

from __future__ import annotations

import logging
import re

from . import PageContext, Signal
from ._overlap import coverage, vote_from_coverage

MIN_CHARS = 40
NO_SPACE = re.compile(r"\s+")


class ReadabilityVote(Signal):
    name = "readability"

    def votes(self, page: PageContext) -> list[float]:
        output = NO_SPACE.sub("", summary_text(page))
        if len(output) < MIN_CHARS:
            return [0.0] * len(page.blocks)
        # images: the extractor runs without them, so it has no opinion on them
        return [0.0 if block.kind == "image" else vote_from_coverage(share)
                for block, share in zip(page.blocks, coverage(page.keys, output))]


def summary_text(page: PageContext) -> str:
    import lxml.html
    from readability import Document
    from readability.readability import Unparseable

    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    try:
        html = Document(page.tree, url=page.url).summary(html_partial=True)
    except (Unparseable, ValueError, TypeError):
        return ""
    if not html:
        return ""
    try:
        return str(lxml.html.fragment_fromstring(html, create_parent="div").text_content())
    except Exception:  # lxml raises ParserError and friends on what readability printed
        return ""
