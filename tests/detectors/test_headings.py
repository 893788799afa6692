"""C22 glued headings: salutations and numbered section markers glued to paragraphs are split; nothing is lost."""

from __future__ import annotations

import re

import pytest

import cleanpage
from cleanpage.detectors.headings import MARKER
from cleanpage.shadow import fold

SPEECH = "\n".join([
    "在全市农村工作会议上的讲话",
    "各位代表、同志们：这次会议的主要任务是总结去年农村工作，部署今年重点任务。下面，我讲三点意见。一、充分肯定去年农村工作取得的成绩过去一年，全市粮食总产量稳定在一百万吨以上。",
    "（二）扎实推進鄉村建設。今年要新改建農村公路三百公里，完成一百個行政村人居環境整治。（三）深化農村改革。穩妥推進宅基地制度改革試點，發展壯大新型農村集體經濟。",
])


def test_salutation_and_section_markers_are_split_without_loss() -> None:
    doc = cleanpage.clean(SPEECH, kind="text")
    splits = [r for r in doc.removed if r.detector == "headings"]
    assert {r.rule for r in splits} == {"C22.salutation", "C22.section_marker"}
    assert all(r.action == "split" and r.text == "" for r in splits)
    assert doc.text.splitlines() == [
        "各位代表、同志们：",
        "这次会议的主要任务是总结去年农村工作，部署今年重点任务。下面，我讲三点意见。",
        "一、充分肯定去年农村工作取得的成绩过去一年，全市粮食总产量稳定在一百万吨以上。",
        "（二）扎实推進鄉村建設。今年要新改建農村公路三百公里，完成一百個行政村人居環境整治。",
        "（三）深化農村改革。穩妥推進宅基地制度改革試點，發展壯大新型農村集體經濟。",
    ]


def test_inline_enumerations_legal_articles_and_decimals_are_not_split() -> None:
    text = "\n".join([
        "关于调整最低工资标准的通知",
        "本次调整有两点变化：一、月最低工资标准提高到2490元；二、小时最低工资标准提高到22.2元。",
        "第一条 为了保障劳动者个人及其家庭成员的基本生活，根据劳动法，制定本规定。第二条 本规定适用于本市行政区域内的企业。",
        "经测算，调整后的标准比上年提高3.5%。2.全市约有二十万名劳动者将直接受益。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert [r for r in doc.removed if r.detector == "headings"] == []
    assert doc.text.splitlines() == text.splitlines()[1:]


@pytest.mark.parametrize("text", [
    "第一段结束。一、第二部分开始", "结束。。二、接着", "完成。 （三）下一节", "句号。\u3000十二、十二节", "问号？(四)问", "没有标记。只是一句话、顿号",
    "连续。一、甲。二、乙！三、丙", "括号不配对。(五 未完", "一、开头不拆",
])
def test_section_markers_split_right_after_the_sentence_end(text: str) -> None:
    # The definition the faster pattern must agree with: a split wherever a sentence end is followed
    # (after optional spaces) by a numbered marker.
    definition = re.compile(r"(?<=[。！？!?])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]))")
    shadow = fold(text)
    assert [m.end() for m in MARKER.finditer(shadow)] == [m.start() for m in definition.finditer(shadow)]
