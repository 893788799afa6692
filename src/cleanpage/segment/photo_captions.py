"""Photo captions the page prints as plain paragraphs: the short line right under a photo that the markup sets
apart as its caption.

Most pages print a caption without ``<figcaption>``: ``<p class="picIntro">``, a centred grey line in small type
(``<p style="text-align:center;color:#999;font-size:13px">``, or in old markup ``<p align="center"><font
color="#666666">``), or a line repeating the photo's own ``alt`` or
``title``. Each such line is marked ``caption``, which the captions detector (C05) moves out of the body with
its reason, as it does a ``<figcaption>``.

Measured, never guessed: a line is a caption only right after an image block and only when the markup says so
(the image's own words, the caption's look, or a class naming a picture's text); a paragraph of the article
under a photo, in the article's own type, is never marked. The detector still keeps any line longer than a
caption (80 Chinese-character units).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from lxml import etree

from .markup_names import class_words
from .page_blocks import PageBlock, self_and_ancestors
from .prose import SPACE

CAPTION_WORDS = frozenset({"caption", "captions", "figcaption", "desc", "imgdesc", "picdesc", "pictext", "pictxt",
                           "imgtxt", "legend"})
PICTURE_WORDS = frozenset({"pic", "img", "image", "photo", "figure", "tu"})
PICTURE_TEXT_WORDS = frozenset({"intro", "text", "txt", "title", "note", "info", "des", "word", "words", "explain"})
CENTRED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
SMALL_TYPE = re.compile(r"font-size\s*:\s*(?:(?:[0-9]|1[0-4])(?:\.\d+)?px|(?:[0-9]|10)(?:\.\d+)?pt|small|x-small|smaller)",
                        re.IGNORECASE)
GREY = r"(?:#(?:([0-9a-f])\1\1|([0-9a-f]{2})\2\2)\b|gr[ae]y\b|darkgr[ae]y\b)"  # a colour value of grey
GREY_TYPE = re.compile(rf"(?<![-\w])color\s*:\s*{GREY}", re.IGNORECASE)
GREY_VALUE = re.compile(rf"\s*{GREY}", re.IGNORECASE)  # <font color="#666666">
MARKUP_DEPTH = 2  # the caption's element and its closest container: what may style or name it
ALT_MIN = 4  # characters of an image's alt repeated by a line: a caption, not a word such as 图片


def mark_photo_captions(blocks: Sequence[PageBlock]) -> None:
    """Mark as ``caption`` each paragraph right after an image that the markup sets apart as the image's caption."""
    for previous, block in itertools.pairwise(blocks):
        if previous.kind == "image" and block.kind == "paragraph" and _set_apart(block, previous.element):
            block.kind = "caption"


def _set_apart(block: PageBlock, image: etree._Element) -> bool:
    text = SPACE.sub("", block.text)
    if not text:
        return False
    if len(text) >= ALT_MIN and any(text == SPACE.sub("", image.get(name) or "") for name in ("alt", "title")):
        return True
    centred = set_off = False
    for node in self_and_ancestors(block.element, MARKUP_DEPTH):
        words = class_words(node)
        if words & CAPTION_WORDS or (words & PICTURE_WORDS and words & PICTURE_TEXT_WORDS):
            return True
        style = node.get("style") or ""
        centred = centred or bool(CENTRED.search(style)) or (node.get("align") or "").lower() == "center" \
            or node.tag == "center"
        set_off = set_off or bool(SMALL_TYPE.search(style) or GREY_TYPE.search(style))
    return centred and (set_off or _wrapped_in_caption_type(block.element, text))


def _wrapped_in_caption_type(element: etree._Element, text: str) -> bool:
    """Whether the whole text of ``element`` sits in one inline element of small or grey type, as old markup
    sets a caption (``<font color="#666666">``, ``<font size="2">``, ``<small>``, a styled ``<span>``)."""
    for node in element.iterdescendants():
        if not isinstance(node.tag, str) or SPACE.sub("", node.text_content()) != text:
            continue
        style = node.get("style") or ""
        color = node.get("color") or ""
        if node.tag == "small" or (node.get("size") or "") in {"1", "2", "-1", "-2"} or SMALL_TYPE.search(style) \
                or GREY_TYPE.search(style) or GREY_VALUE.match(color):
            return True
    return False
