"""Byte-shift resynchronisation of GBK/Big5 runs (seed damage and synthetic damage)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleanpage.repair import repair_text
from cleanpage.repair._pairs import pair_table
from cleanpage.repair.byteshift import _dropped_trails, find_shifted, lost_pair_classes
from legacy_decoder import legacy_pairs

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"


def _seed(name: str) -> str:
    [folder] = SEEDS.glob(f"{name}_*")
    return (folder / "input.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("seed", "damaged", "repaired"), [
    ("001", "為確!笆奈濉遍_好局", "為確保“十四五”開好局"),
    ("001", "“六!焙鸵咔榉揽卮缶,", "“六保”和疫情防控大局,"),
    ("004", "我們?yōu)槠髽I(yè)提供了", "我們為企業提供了"),
])
def test_seed_spans_repaired_in_page(seed: str, damaged: str, repaired: str) -> None:
    text = _seed(seed)
    assert damaged in text
    assert repaired in repair_text(text)


def test_records_say_what_was_inferred() -> None:
    _, records = repair_text(_seed("001"), explain=True)
    shifts = [r for r in records if r.kind == "byte_shift"]
    assert [r.after for r in shifts] == ["保“十四五”開", "保”和疫情防控大局"]
    assert all(0 < r.confidence < 1 and "gbk" in r.note for r in shifts)


def _straddling_replace(text: str) -> str:
    """Simulate a full-width-to-ASCII replace run on raw GBK bytes, then a lenient decode."""
    data = text.encode("gbk").replace(b"\xa3\xa1", b"!").replace(b"\xa3\xac", b",")
    return data.decode("gbk", errors="replace").replace("\ufffd", "")


def test_synthetic_straddling_replace_is_repaired() -> None:
    clean = "我们要确保“十四五”开好局，推动经济高质量发展。"
    damaged = _straddling_replace(clean)
    assert damaged != clean
    repaired = repair_text(damaged)
    assert "确保“十四五”开好局" in repaired


def test_real_half_width_punctuation_is_left_alone() -> None:
    for line in ("太好了!我们明天就出发,不见不散。", "尼斯湖水怪之谜揭晓?科学家:可能是巨鳗"):
        assert find_shifted(line) == []


def test_codec_tables() -> None:
    assert pair_table("gbk")[0xB1A3] == "保"
    assert any(0xAA in leads and 0xCB in trails for leads, trails in lost_pair_classes("gbk"))



def test_lost_byte_without_marker_is_resynchronised() -> None:
    clean = "朱勤虎局長對這次集中行動的總體要求和主要內容作了具體部署。"
    data = bytearray(clean.encode("gbk"))
    del data[2 * clean.index("要") + 1]  # the trail byte of 要: every later pair is read one byte off
    damaged = data.decode("gbk", errors="replace").replace("\ufffd", "")
    assert damaged != clean
    assert repair_text(damaged) == clean


@pytest.mark.parametrize(("clean", "codec", "lost"), [
    ("模板到底要不要背？", "gbk", "板"),  # 板 = B0 E5 lost its lead: out of step until a byte dropped before 不
    ("他是校運會上是班級拿獎的主力，跑步和跳遠比賽都穩居前三。", "big5", "遠"),
])
def test_a_stretch_back_in_step_inside_the_run_ends_in_a_byte_the_decoder_dropped(clean: str, codec: str,
                                                                                 lost: str) -> None:
    data = bytearray(clean.encode(codec))
    del data[len(clean[:clean.index(lost)].encode(codec))]  # the lead byte of ``lost``
    damaged = data.decode(codec, errors="replace").replace("\ufffd", "")
    assert damaged != clean and len(damaged) < len(clean)
    assert repair_text(damaged) == clean


def test_a_run_out_of_step_to_the_end_of_the_line_is_found_without_text_in_step_around_it() -> None:
    clean = "从目前来看，债券资金使用情况是良好的。"
    data = bytearray(clean.encode("gbk"))
    del data[len(clean[:clean.index("金")].encode("gbk"))]  # 金's lead: the rest of the line is out of step
    damaged = data.decode("gbk", errors="replace").replace("\ufffd", "")
    assert damaged.startswith("从目前来看，债券资") and "使用" not in damaged
    assert repair_text(damaged) == clean


def test_a_stretch_that_takes_the_ascii_trail_byte_after_it_is_priced_with_that_byte() -> None:
    # 的 = AA BA lost its trail: AA read with 地's lead A6 as 爬, 地's trail 61 left alone as ``a``. Rebuilding
    # only ``a`` (a lost lead before it) keeps 爬; rebuilding 爬 with it must count the ``a`` it removes too,
    # and the page's pair 意爬 (the damage's own) must not vouch for 爬.
    clean = "補充幾個提車要注意的地方，不管買哪臺都適用："
    data = bytearray(clean.encode("big5"))
    del data[2 * clean.index("的") + 1]
    damaged = data.decode("big5", errors="replace").replace("\ufffd", "")
    assert "爬a" in damaged
    assert repair_text(damaged) == clean
    assert len(find_shifted(damaged)) == 1  # the two readings of one loss are alternatives, not two edits


def test_a_stretch_that_keeps_its_first_character_and_takes_the_letter_after_it_is_not_a_rebuild() -> None:
    # 死神h動畫 is a page's own text. Read as 神 (AF AB) that lost a repeated AB before 則 (AB 68), it would
    # make no guess at all: that is the lone trail byte's rebuild, which must choose 則 clearly, and does not.
    text = "海賊王787 死神h動畫 火影忍者漫畫官網"
    assert find_shifted(text, (text, "死神動畫和火影忍者動畫都是日本的動畫作品。" * 40)) == []


@pytest.mark.parametrize("clean", ["公司表示，主要精力仍在開拓市場上。", "接到線索後，迅速展開人員落地排查。"])
def test_a_capital_ending_a_line_of_prose_after_han_text_is_the_trail_byte_of_its_closing_mark(clean: str) -> None:
    # Big5 。 = A1 43: its lead byte lost, the decoder prints the trail byte as ``C``.
    data = bytearray(clean.encode("big5"))
    del data[-2]
    damaged = data.decode("big5", errors="replace").replace("\ufffd", "")
    assert damaged == clean[:-1] + "C"
    assert repair_text(damaged) == clean


@pytest.mark.parametrize("clean", ["這次考試他得了A，我得了B。", "請選擇選項C或選項D。", "今年A股表現不錯。",
                                   "今年A股表現不錯", "每天補充維生素C。", "每天補充維生素C", "富含維生素A、維生素C"])
def test_a_capital_chinese_text_writes_between_han_characters_stays(clean: str) -> None:
    assert repair_text(clean) == clean


def test_only_bytes_a_decoder_drops_before_a_character_end_a_stretch_there() -> None:
    dropped = _dropped_trails("gbk", "采")
    assert dropped is not None and 0xAA in dropped and 0xB0 not in dropped  # (AA, B2) is no GBK pair, (B0, B2) is
    assert _dropped_trails("gbk", "a") is None



def _wide_to_ascii_on_bytes(text: str) -> str:
    """A naive full-width-to-ASCII replace on raw GBK bytes (every A3 xx pair, aligned or not), lenient decode."""
    data = re.sub(rb"\xa3([\xa1-\xfe])", lambda m: bytes((m.group(1)[0] - 0x80,)), text.encode("gbk"))
    return data.decode("gbk", errors="replace").replace("\ufffd", "")


@pytest.mark.parametrize("clean", [
    "我市藥品生產企業規模不斷壯大,產品質量穩步提升",  # 模 = C4 A3: A3 B2 (２) became a visible "2"
    "四,加強領導,確保藥品安全鞏固提升行動取得實效",  # 保 = B1 A3: A3 CB became "K", read as 盞's trail
])
def test_straddling_replace_of_digits_and_letters(clean: str) -> None:
    damaged = _wide_to_ascii_on_bytes(clean)
    assert damaged != clean
    assert repair_text(damaged) == clean


def test_marks_of_several_bad_pairs_and_ascii_after_them_are_not_rebuilt_away() -> None:
    # Big5 read by an old GBK pair decoder: every '?' is a lost character and '3600' is the page's own text,
    # already back in step. A rebuild from '??3600μ' to two characters would delete both silently.
    sentence = "營地位於海拔最高、約3600米的山頂附近，夏天的夜晚依然很冷。"
    damaged = legacy_pairs(sentence.encode("big5"), "gbk")
    assert "??3600" in damaged
    for edit in find_shifted(damaged):
        removed = damaged[edit.start:edit.end]
        assert not re.search(r"[0-9A-Za-z]", removed) and removed.count("?") <= 1, (removed, edit.after)
    assert "3600" in repair_text(damaged)


@pytest.mark.parametrize("clean", ["α粒子、β射線與γ射線。", "α粒子、β射线与γ射线。"])
def test_a_rebuild_that_itself_reads_as_out_of_step_text_is_not_made(clean: str) -> None:
    # Greek glued to Han is priced as damage, and one rebuild of this clean line read 對亮Ｗ印ⅵ律鋒線:
    # a full-width letter glued to Han is the very sign of out-of-step text, so that is no repair.
    assert repair_text(clean) == clean


def test_a_line_left_garbled_for_characters_deleted_without_a_trace_is_not_rebuilt_in_stretches() -> None:
    clean = "應當解除查封、扣押、凍結措施而不解除的"
    read = clean.encode("big5").decode("gb18030")
    damaged = "".join(char for char in read if not "\ue000" <= char <= "\uf8ff")  # 封、 、凍 的 gone
    assert find_shifted(damaged) == []
    assert repair_text(damaged) == damaged


@pytest.mark.parametrize("damaged, clean", [
    ("《冬夜狙悒雂l聿》", "《冬夜讀書示子聿》"),
    ("”DCCI互聯網研究院院盲B興亮從資本的角度分析共享充電寶集體漲價的原因。",
     "”DCCI互聯網研究院院長劉興亮從資本的角度分析共享充電寶集體漲價的原因。"),
])
def test_a_rebuild_dear_per_character_but_reading_as_words_is_made(damaged: str, clean: str) -> None:
    # A Big5 stream that lost one byte: the rebuild holds a name or a classical title the character model
    # prices above its per-character bar; read as words it is far cheaper than the text as it came.
    assert repair_text(damaged) == clean
