"""Bytes a lenient double-byte decoder dropped, their U+FFFD deleted, put back (repair/_dropped.py)."""

from __future__ import annotations

import pytest

from cleanpage.repair import repair_text
from cleanpage.repair._dropped import reread
from cleanpage.repair.charlm import load


def _read_as_big5_dropping(clean: str) -> str:
    """GBK bytes read by a lenient Big5 decoder, each U+FFFD it wrote deleted afterwards."""
    return clean.encode("gbk").decode("big5", errors="replace").replace("\ufffd", "")


@pytest.mark.parametrize("clean", [
    "第十八条 监察机关行使监督、调查职权，有权依法向有关单位和个人了解情况，收集、调取证据。",
    "一些大型新兴经济体已经陷入衰退，而一些发达经济体距离衰退仅一步之遥。",
])
def test_gbk_read_as_big5_whose_dropped_bytes_were_deleted_reads_again(clean: str) -> None:
    damaged = _read_as_big5_dropping(clean)
    assert len(damaged.encode("big5")) < len(clean.encode("gbk"))  # bytes are gone, nothing marks where
    found = reread(load(), damaged, "big5", "gb18030")
    assert found is not None and found[0] == clean and found[2] == 0
    assert repair_text(damaged) == clean


def test_a_line_that_lost_no_byte_needs_no_reread() -> None:
    clean = "监察机关行使监督、调查职"
    read = clean.encode("gbk").decode("big5")  # every pair of these is a Big5 character: nothing dropped
    assert reread(load(), read, "big5", "gb18030") is None


@pytest.mark.parametrize("clean", ["監察機關行使監督、調查職權，有權依法向有關單位和個人了解情況。",
                                   "今年三月開始跑步，一週跑三到四次。"])
def test_clean_text_is_left_alone(clean: str) -> None:
    assert repair_text(clean) == clean


def test_a_byte_the_reader_took_as_a_trail_is_not_read_as_ascii() -> None:
    # 一 = A4 40 in Big5: GBK has no character A4 40, and reading its 40 as "@" would turn clean text before a
    # garbled stretch into more garbage (尋@是…); the line is left to the span-wise repair.
    damaged = "一" + "是提高政治站位,充分动员部署。".encode("gbk").decode("big5", errors="replace")
    assert "\ufffd" not in damaged
    assert reread(load(), damaged, "big5", "gb18030") is None
    assert repair_text(damaged) == "一是提高政治站位,充分动员部署。"


@pytest.mark.parametrize("clean", ["立案调查决定应当向被调查人宣布，并通报相关组织。",
                                   "总理菲利普将于11日宣布退休制度改革的总体架构。"])
def test_an_out_of_step_stretch_the_model_prefers_is_reread_as_words(clean: str) -> None:
    # 人 (C8 CB) and 宣 (D0 FB) each lost a byte: the rest reads 诵布, two characters the pair model prices lower
    # than 人宣布; read as words (调查 人 宣布) the line with the bytes put back is far cheaper.
    damaged = _read_as_big5_dropping(clean)
    found = reread(load(), damaged, "big5", "gb18030")
    assert found is not None and found[0] == clean and found[3]
    assert repair_text(damaged) == clean


def test_a_character_dropped_whole_is_put_back_where_the_words_need_it() -> None:
    # 三 = C8 FD: a Big5 decoder drops both bytes and reads on in step; only the words show 第天 lacks one.
    clean = "第三天，蓝天救援队搜寻无果离开。"
    damaged = _read_as_big5_dropping(clean)
    assert len(damaged) == len(clean) - 1
    assert repair_text(damaged) == clean


def test_a_lossless_line_gets_no_character_put_back() -> None:
    clean = "一周开了400公里，市区油耗7.2，比预想的好。"  # 比[赛]预想 is the closest false place (0.45 below the bar)
    damaged = clean.encode("gbk").decode("big5")
    assert repair_text(damaged) == clean


@pytest.mark.parametrize("clean", ["我两个仔都系读官津，一个派到第一志愿，一个派到第三志愿，两间都唔错。",
                                   "(三)执法力度持续加大"])
def test_a_numbering_that_lacks_its_numeral_gets_three_back(clean: str) -> None:
    # 第志愿, (): 三 (C8 FD) is the one numeral a Big5 decoder drops whole.
    assert repair_text(_read_as_big5_dropping(clean)) == clean


def test_an_ascii_byte_the_reader_took_as_a_trail_is_ascii_after_a_pair_of_the_original() -> None:
    # 然 lost its lead byte C8; Big5 then read 而，out of step and paired ，'s trail byte AC with the Z after it.
    clean = "“然而，ZoomEye最核心的竞争力就是一支强干的团队”，余弦骄傲地说道。"
    assert repair_text(_read_as_big5_dropping(clean)) == clean


def test_a_line_whose_dropped_bytes_were_put_back_warns_of_characters_dropped_whole() -> None:
    _, records = repair_text(_read_as_big5_dropping("立案调查决定应当向被调查人宣布，并通报相关组织。"), explain=True)
    assert any("warning: characters a" in record.note and "drops whole" in record.note for record in records)


def test_a_lone_ascii_byte_the_reader_took_as_a_trail_stays_a_trail_byte() -> None:
    # A GBK span read as Big5 after clean text, ending in Big5's 。 (A1 43): the 43 is no ``C``.
    damaged = "有" + "关情况应当登记备案".encode("gbk").decode("big5") + "。"
    assert repair_text(damaged) == "有关情况应当登记备案。"
