"""Decode HTML character references that survived extraction as literal text.

Repairs: named and numeric references terminated by ``;`` (``&nbsp;``,
``&ldquo;``, ``&#8220;``, ``&#x201C;``), at any escaping depth
(``&amp;nbsp;`` is one reference escaped twice and is decoded in one step,
never by unescaping the whole text again), and ``nbsp;`` whose ``&`` was lost.
A non-breaking space becomes a plain space, as the gold conventions ask.

Never touches: text that is about character references (a block that also
mentions HTML, entities or escaping keeps every reference literal),
references without ``;`` (``&copy=2`` in a URL), unknown names, and references
that would decode to control characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

from ..document import Repair
from ..registry import Repairer, register_repairer
from ._edits import Edit, apply_edits

REFERENCE = re.compile(r"&((?:amp;)*)(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
LOST_AMPERSAND = re.compile(r"nbsp;(?<![A-Za-z&]nbsp;)")
ABOUT_ENTITIES = re.compile(r"html|xml|entit|escap|unescape|实体|實體|转义|轉義|字符引用|字元參照|源代码|源代碼|代码|代碼",
                            re.IGNORECASE)
SPACE_LIKE = {"\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "}


def _decode(reference: str) -> str | None:
    decoded = html.unescape("&" + reference)
    if decoded == "&" + reference or len(decoded) != 1:
        return None
    if unicodedata.category(decoded) in ("Cc", "Cs", "Co") and decoded not in "\t":
        return None
    return SPACE_LIKE.get(decoded, decoded)


def find_entities(text: str) -> list[Edit]:
    if "&" not in text and "nbsp;" not in text:
        return []
    if ABOUT_ENTITIES.search(text):
        return []
    edits: list[Edit] = []
    for match in REFERENCE.finditer(text):
        decoded = _decode(match.group(2))
        if decoded is not None:
            depth = match.group(1).count("amp;") + 1
            edits.append(Edit(match.start(), match.end(), decoded, note=f"character reference escaped {depth}x"))
    for match in LOST_AMPERSAND.finditer(text):
        edits.append(Edit(match.start(), match.end(), " ", 0.9, "nbsp; reference that lost its &"))
    return edits


@register_repairer
class HtmlEntities(Repairer):
    """Decode leftover HTML character references such as ``&nbsp;`` and ``&amp;ldquo;``."""

    name = "entities"
    order = 110

    def may_change(self, page_text: str) -> bool:
        return "&" in page_text or "nbsp;" in page_text

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        return [apply_edits(text, self.name, find_entities(text)) for text in texts]
