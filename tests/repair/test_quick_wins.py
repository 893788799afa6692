"""Invisible characters, HTML entity residue, the lost © and converter-site pinyin."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanpage.repair import repair_text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "repair"


def test_clean_lines_come_out_unchanged() -> None:
    lines = (FIXTURES / "must_not_change.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 60
    changed = [(line, repair_text(line)) for line in lines if repair_text(line) != line]
    assert changed == []


def test_whole_clean_page_comes_out_unchanged() -> None:
    text = (FIXTURES / "must_not_change.txt").read_text(encoding="utf-8")
    assert repair_text(text) == text


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("\u200b分享到微信", "分享到微信"),
    ("正\ufeff文\u00ad内容\u2060。", "正文内容。"),
    ("中\u200d文", "中文"),
    ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),
])
def test_invisible_characters(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("他说&ldquo;好&rdquo;。", "他说“好”。"),
    ("他说&#8220;好&#x201D;。", "他说“好”。"),
    ("&amp;nbsp;&amp;nbsp;正文开始", "  正文开始"),
    ("nbsp;nbsp;正文开始", "  正文开始"),
    ("AT&amp;T公司", "AT&T公司"),
    ("未知&foo;实体", "未知&foo;实体"),
])
def test_entity_residue(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


def test_entities_explained_in_text_stay() -> None:
    line = "在HTML中，&nbsp;表示不换行空格。"
    assert repair_text(line) == line


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("Copyright ?2015 廣東穗康醫藥有限公司", "Copyright ©2015 廣東穗康醫藥有限公司"),
    ("Copyright \ufffd 2003-2020 某某网 All Rights Reserved", "Copyright © 2003-2020 某某网 All Rights Reserved"),
    ("版权所有 ?2019 某某出版社", "版权所有 ©2019 某某出版社"),
])
def test_lost_copyright_sign(damaged: str, repaired: str) -> None:
    text, records = repair_text(damaged, explain=True)
    assert text == repaired
    assert [r.kind for r in records] == ["copyright_sign"]


def test_question_mark_outside_copyright_context_stays() -> None:
    assert repair_text("谁拥有2015年的版权?2016年呢") == "谁拥有2015年的版权?2016年呢"


def test_converter_pinyin_removed_at_page_density() -> None:
    text = "推動產業(yè)發(fā)展,加強監(jiān)管,我們(men)繼續(xù)努力。"
    repaired, records = repair_text(text, explain=True)
    assert repaired == "推動產業發展,加強監管,我們繼續努力。"
    assert {r.kind for r in records} == {"pinyin"}


def test_pinyin_that_is_not_a_reading_stays() -> None:
    text = "推動產業(yè)發(fā)展,加強監(jiān)管,下載(pdf)與(mā)。"
    assert repair_text(text) == "推動產業發展,加強監管,下載(pdf)與(mā)。"


def test_sparse_pinyin_stays() -> None:
    assert repair_text("產業(yè)發展") == "產業(yè)發展"


def test_teaching_page_pinyin_stays() -> None:
    text = "中(zhōng)国(guó)人(rén)民(mín)。中国(zhōng guó)位于亚洲东部。"
    assert repair_text(text) == text


def test_soft_hyphen_that_is_a_mojibake_byte_is_left_to_the_mojibake_repair() -> None:
    clean = "二是进一步推进放管服改革。"  # 步 = E6 AD A5: its AD reads as a soft hyphen in Latin-1
    assert repair_text(clean.encode().decode("latin-1")) == clean
    assert repair_text("Zusammen\u00adarbeit") == "Zusammenarbeit"
