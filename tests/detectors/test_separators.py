"""C21 separators: symbol-only lines, script/template residue and media placeholders go; text punctuation stays."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st

import cleanpage
from cleanpage.detectors.separators import TEMPLATE, TEMPLATE_OPENERS


def _rules(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "separators"}


def test_symbol_lines_and_residue_in_every_zone_are_removed(kit: SimpleNamespace) -> None:
    text = kit.page(
        head=["＊＊＊＊＊＊＊＊", "javascript:void(0);"],
        body_insert=["＝＝＝＝＝＝＝＝＝＝", "[圖片]", "{{ article.summary }}"],
        tail=["◆ ◆ ◆", "—END—", "Undefined", "*" * 56, "NNNN"],
    )
    doc = cleanpage.clean(text, kind="text")
    assert _rules(doc) == {
        "＊＊＊＊＊＊＊＊": "C21.symbols",
        "javascript:void(0);": "C21.residue",
        "＝＝＝＝＝＝＝＝＝＝": "C21.symbols",
        "[圖片]": "C21.residue",
        "{{ article.summary }}": "C21.template",
        "◆ ◆ ◆": "C21.symbols",
        "—END—": "C21.residue",
        "Undefined": "C21.residue",
        "*" * 56: "C21.symbols",
        "NNNN": "C21.residue",
    }
    assert doc.text.splitlines() == kit.BODY


def test_ellipses_dashes_and_short_words_in_a_poem_are_kept() -> None:
    text = "\n".join([
        "夜泊",
        "月落乌啼霜满天，江枫渔火对愁眠。姑苏城外寒山寺，夜半钟声到客船。",
        "……",
        "——",
        "图片",  # a stray placeholder word is residue
        "多年以后，我在苏州的一个冬夜读到这首诗，才明白“愁眠”两个字的分量。",
        "你说呢？",
        "1、2、3",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert _rules(doc) == {"图片": "C21.residue"}
    assert "……" in doc.text.splitlines()
    assert "——" in doc.text.splitlines()
    assert "你说呢？" in doc.text.splitlines()
    assert "1、2、3" in doc.text.splitlines()


def test_traditional_separator_rows_are_removed() -> None:
    text = "\n".join([
        "社區長者食堂開幕",
        "｜｜｜｜｜｜｜｜",
        "區議會昨日宣布，首間社區長者食堂於本月正式開幕，六十歲以上長者憑卡用餐可獲每餐港幣十元資助。",
        "～～～～～～",
        "負責人表示，食堂每日供應午餐及晚餐，並會按長者健康需要提供低鹽低糖餐單，下月起亦會提供送餐服務。",
        "▁▁▁▁▁▁▁▁▁▁",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert set(_rules(doc).values()) == {"C21.symbols"}
    assert len(_rules(doc)) == 3
    assert not any(line.startswith(("｜", "～", "▁")) for line in doc.text.splitlines())


@given(st.text(alphabet="{}$ab 图:", max_size=12))
@example("{{ a }}")
@example("${图}")
def test_only_lines_opening_with_a_template_opener_can_be_templates(line: str) -> None:
    # The detector tests TEMPLATE only on lines that open with {{ or ${: that must lose no match.
    if TEMPLATE.fullmatch(line):
        assert line.startswith(TEMPLATE_OPENERS)
