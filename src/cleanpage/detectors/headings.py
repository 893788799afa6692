"""C22 glued text: salutations and numbered section headings run into paragraphs.

Splits, inside the body, a speech's salutation from what follows
(``同志们：今天，…`` -> ``同志们：`` / ``今天，…``) and starts a new line before a
numbered section marker that follows a sentence end (``…取得了显著成效。（一）…``
-> a new line at ``（一）``; ``…的工作。二、…`` -> a new line at ``二、``). Nothing
is removed: splits are recorded in the trace.

Never splits: inline enumerations after a colon or semicolon (``有两点：一、…；
二、…``), legal articles (``第一条 为了…``), Arabic numbers (decimals and dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Finding, Page, Split
from ..registry import Detector, register_detector

SALUTATION = re.compile(
    r"^(?:尊敬的|亲爱的|各位)?[\u4e00-\u9fff、]{0,12}?(?:同志们|朋友们|女士们|先生们|同学们|老师们|代表们|来宾们|各位代表|各位来宾|"
    r"各位领导)[:：]\s*(?=\S)"
)
# The sentence end itself is matched (a lookbehind first would be tried at every position: twice as slow);
# the split goes right after it.
MARKER = re.compile(r"[。！？!?](?=\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]))")


@register_detector
class GluedHeadings(Detector):
    """Split salutations and numbered section markers glued to paragraphs (C22)."""

    name = "headings"
    family = "C22"
    order = 190

    def detect(self, page: Page) -> Iterable[Finding]:
        for position, block in enumerate(page.blocks):
            if position < page.first_body - 1 or block.kind in ("code", "table_row"):
                continue
            shadow = page.shadow(block)
            salutation = SALUTATION.match(shadow)
            if salutation and page.features(block).vlen > salutation.end() + 10:
                yield Split(block, salutation.end(), "C22.salutation", "salutation glued to the speech")
            for match in MARKER.finditer(shadow):
                yield Split(block, match.end(), "C22.section_marker", "numbered section glued to the previous paragraph")
