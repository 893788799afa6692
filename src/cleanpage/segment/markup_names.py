"""The words of an element's class, id and role: what every reader of markup names matches against.

One home for the split (``article-body_2`` -> ``article``, ``body``; ``postMessage`` -> ``post``, ``message``)
so that the segmenter, the signals and the readers of posts and metadata agree on it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def class_words(element: etree._Element, *, role: bool = False) -> frozenset[str]:
    """The lower-cased words of an element's class and id (and role): what every reader of markup names
    matches against, split at ``-``, ``_``, digits and case changes."""
    return words_of(names_of(element, role))


def names_of(element: etree._Element, role: bool) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}" + (f" {element.get('role', '')}" if role else "")


@lru_cache(maxsize=4096)
def words_of(names: str) -> frozenset[str]:
    """The words of one class/id string (or any names: an attribute's name and value), remembered: a page repeats a few such strings on thousands of elements
    (most elements have none), and every reader of markup asks again for each ancestor."""
    return frozenset(word.lower() for word in CLASS_WORD.findall(names))
