"""Remove the pinyin readings that converter sites append after characters (``產業(yè)``).

Some sites that convert pages to Traditional script annotate characters with
their reading in parentheses, one syllable at a time: ``發(fā)展``,
``監(jiān)管``, ``們(men)``. The annotation is removed when the page shows the
converter pattern (chrome catalogue C24 ``PINYIN_NOTE``): at least
:data:`MIN_HITS` tone-marked single syllables, each a reading of the character
before it according to pypinyin, mostly on characters whose Traditional and
Simplified forms differ. Toneless syllables (``們(men)``) are removed only on
such a page and only when they too are a reading of the character before.

Never touches: teaching pages that annotate whole words (``中国(zhōng guó)``),
a page with fewer than three hits, parentheses holding Latin text without
tone marks (``(vip)``, ``(pdf)``, ``(Joel Spolsky)``), or a syllable that is not a
reading of the character in front of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from ..document import Repair
from ..registry import Repairer, register_repairer
from ..shadow import to_simplified_chars
from ._edits import Edit, apply_edits

MIN_HITS = 3
MIN_TRADITIONAL_SHARE = 0.6
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
ANNOTATION = re.compile(
    rf"[(（](?<=[{HAN}][(（])((?:[a-zɡü]*[{TONED}][a-zɡü]*)|(?:[a-zü]{{1,6}}))[)）]"
)


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Tone-marked and toneless readings of ``char`` according to pypinyin."""
    from pypinyin.pinyin_dict import pinyin_dict

    toned = [r for r in pinyin_dict.get(ord(char), "").split(",") if r]
    plain = {"".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c)) for r in toned}
    plain |= {p.replace("u", "ü") for p in plain}
    return frozenset(toned) | frozenset(plain)


def _is_toned(syllable: str) -> bool:
    return any(ch in TONED for ch in syllable)


def _confirmed(text: str) -> list[tuple[re.Match[str], str]]:
    found = []
    for match in ANNOTATION.finditer(text):
        syllable = unicodedata.normalize("NFC", match.group(1).replace("ɡ", "g"))
        if syllable in readings(text[match.start() - 1]):
            found.append((match, syllable))
    return found


@register_repairer
class PinyinAnnotations(Repairer):
    """Remove converter-site pinyin annotations such as ``產業(yè)`` at page-level density."""

    name = "pinyin"
    order = 500

    def may_change(self, page_text: str) -> bool:
        """Only a page with :data:`MIN_HITS` tone-marked annotations is repaired (checked before readings)."""
        if "(" not in page_text and "（" not in page_text:
            return False
        return sum(1 for match in ANNOTATION.finditer(page_text) if _is_toned(match.group(1))) >= MIN_HITS

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        hits = [_confirmed(text) if "(" in text or "（" in text else [] for text in texts]
        toned_chars = [text[m.start() - 1] for text, found in zip(texts, hits, strict=True) for m, s in found if _is_toned(s)]
        traditional = sum(1 for ch in toned_chars if to_simplified_chars(ch) != ch)
        if len(toned_chars) < MIN_HITS or traditional < MIN_TRADITIONAL_SHARE * len(toned_chars):
            return [(text, []) for text in texts]
        return [apply_edits(text, self.name, [Edit(m.start(), m.end(), "", 0.95, f"reading {s} of {text[m.start() - 1]}")
                                              for m, s in found])
                for text, found in zip(texts, hits, strict=True)]
