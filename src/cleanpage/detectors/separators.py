"""C21 separator and markup residue: lines that carry no words.

Removes whole lines made only of punctuation and symbols (``|``, ``||||||``,
``--------``, ``━━━``, ``-END-``), script and template residue
(``javascript:void(0)``, ``undefined``, ``{{title}}``, stray ``<p>``) and media
placeholders (``[图片]``, ``视频加载中...``) and end-of-copy marks (``-END-``, the wire and telex ``NNNN``), anywhere
on the page.

Never removes: a line with any letter, digit or Han character that is not on
the residue lists; scene breaks made of Han punctuation that belong to a text
(``……`` and ``——`` are kept, since they are part of quotes and poems); code; a line of emoji on a forum
thread (a reply of 👍👍 is what the poster wrote).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector
from ..segment.prose import PICTOGRAPH

RESIDUE = frozenset({
    "javascript:void(0)", "javascript:void(0);", "javascript:;", "#", "undefined", "null", "nan", "[objectobject]",
    "<p>", "</p>", "<br>", "<br/>", "&nbsp;", "[图片]", "[图]", "[视频]", "[音频]", "[表情]", "[img]", "[附件]", "图片",
    "视频加载中...", "视频加载中", "加载中", "加载中...", "加载中⋅⋅⋅", "列表加载中...", "0%", "image", "img",
    "您的浏览器不支持video标签", "您的浏览器不支持video标签。", "0:00/0:00", "倍速", "全屏", "点击播放",
    "-end-", "—end—", "theend", "-end", "end", "nnnn", "影片载入中", "点击查看大图", "点击图片进入下一页",
})
SYMBOLS = re.compile(r"[\W_]+")
TEMPLATE = re.compile(r"\{\{[^{}]*\}\}|\$\{[^{}]*\}")
# Punctuation kept because it is text, not layout: ellipses and dashes in quotes and poems.
TEXT_PUNCTUATION = frozenset("…—")
TEXT_PUNCTUATION_CHARS = "".join(TEXT_PUNCTUATION)
LONG_RULE_MAX = 400
# Every TEMPLATE match opens with one of these: lines that do not are never matched against it.
TEMPLATE_OPENERS = ("{{", "${")


def _is_symbol_only(line: str) -> bool:
    """No letter, digit or Han character (``\\W`` also covers icon-font private-use glyphs); up to 40 characters,
    or any length when it repeats one or two symbols (a rule of ``*`` or ``=-`` across the page)."""
    if not line or not line.strip(TEXT_PUNCTUATION_CHARS):
        return False
    if len(line) > 40 and (len(line) > LONG_RULE_MAX or len(set(line)) > 2):
        return False
    return bool(SYMBOLS.fullmatch(line))


@register_detector
class SeparatorResidue(Detector):
    """Punctuation-only lines, script/template residue and media placeholders (C21)."""

    name = "separators"
    family = "C21"
    order = 20
    sweeps_residue = True

    def detect(self, page: Page) -> Iterable[Finding]:
        thread = page.html_page_type == "forum_thread"
        for block in page.blocks:
            if block.kind == "code":
                continue
            shadow = page.compact(block)
            if _is_symbol_only(shadow) and not (thread and PICTOGRAPH.search(shadow)):
                yield Drop(block, "C21.symbols", "line of separator symbols only")
            elif shadow in RESIDUE:
                yield Drop(block, "C21.residue", "script, template or media-placeholder residue")
            elif shadow.startswith(TEMPLATE_OPENERS) and TEMPLATE.fullmatch(shadow):
                yield Drop(block, "C21.template", "unfilled template placeholder")
