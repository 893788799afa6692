"""C02 head residue: short lines left above the headline once the title is known.

Above a text dump's headline sit site names, channel names, date bars and
widget labels that no lexicon lists (``新闻中心`` over a breadcrumb). Once the
title detector has found the headline line, the short, non-sentence lines
still standing above it are removed; meta lines were harvested by then.

Never removes: anything when no title line was found (a page may start with
its body), sentence-like lines, or lines below the headline.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector


@register_detector
class HeadResidue(Detector):
    """Short non-sentence lines above the headline line (C02)."""

    name = "head_residue"
    family = "C02"
    order = 95

    def detect(self, page: Page) -> Iterable[Finding]:
        title_index = page.value("_title_index")
        if title_index is None:
            return
        for block in page.blocks:
            if block.index >= title_index:
                break
            feats = page.features(block)
            if feats.short and not feats.sentence_like:
                yield Drop(block, "C02.above_title", "short line above the headline (site or channel chrome)")
