"""Restore the © that a publisher's pipeline turned into ``?`` or U+FFFD in copyright lines.

Repairs: ``Copyright ?2015`` -> ``Copyright ©2015``, ``版权所有 ? 2003-2020`` ->
``版权所有 © 2003-2020``, and a line that opens with ``?2015`` and names a
copyright. A Latin-1 © byte (0xA9) followed by a digit is invalid GBK, which
is how the sign becomes ``?`` or U+FFFD.

Never touches: a ``?`` that is not directly before a year (19xx/20xx) in a
line that names a copyright (Copyright, 版权, 版權, All rights reserved),
such as a question mark in a headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Repair
from ..registry import Repairer, register_repairer
from ._edits import Edit, apply_edits

COPYRIGHT_WORD = re.compile(r"copyright|版权|版權|all\s+rights\s+reserved", re.IGNORECASE)
LOST_SIGN = re.compile(
    r"(?:(?<=copyright)|(?<=版权所有)|(?<=版權所有)|(?<=版权)|(?<=版權)|(?<=^)|(?<=[\s:：]))"
    r"(\s*)[?\ufffd](\s*)(?=(?:19|20)\d\d\b)",
    re.IGNORECASE,
)

SIGN_BEFORE_YEAR = (re.compile(r"\?\s*(?:19|20)\d\d"), re.compile(r"\ufffd\s*(?:19|20)\d\d"))


def find_lost_signs(text: str) -> list[Edit]:
    if not any(year.search(text) for year in SIGN_BEFORE_YEAR) or not COPYRIGHT_WORD.search(text):
        return []
    return [Edit(m.end(1), m.end(1) + 1, "©", 0.95, "lost © before a copyright year") for m in LOST_SIGN.finditer(text)]


@register_repairer
class CopyrightSign(Repairer):
    """Turn ``?``/U+FFFD before a year in a copyright line back into ``©``."""

    name = "copyright_sign"
    order = 600

    def may_change(self, page_text: str) -> bool:
        # A lost sign stands before a year; the literal-led patterns are found far faster than the word list.
        return any(year.search(page_text) for year in SIGN_BEFORE_YEAR) and COPYRIGHT_WORD.search(page_text) is not None

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        return [apply_edits(text, self.name, find_lost_signs(text)) for text in texts]
