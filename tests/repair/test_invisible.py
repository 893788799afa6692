"""Invisible characters: removed, except where they are bytes of mojibake, and only after the mojibake repair."""

from __future__ import annotations

from cleanpage.registry import repairer_classes
from cleanpage.repair import repair_text
from cleanpage.repair.invisible import find_invisible


def test_mojibake_repair_sees_the_text_first() -> None:
    order = [cls.name for cls in repairer_classes()]
    assert order.index("mojibake") < order.index("invisible")


def test_soft_hyphen_between_latin1_bytes_is_kept() -> None:
    quoted = "为什么“从中收取”会变成“ä»Žä¸\xadæ”¶å\x8f–”这样的乱码？"
    assert find_invisible(quoted) == []
    assert repair_text(quoted) == quoted


def test_invisible_characters_in_text_are_removed() -> None:
    assert repair_text("正\u200b文\u00ad。co\u00adoperate") == "正文。cooperate"
