"""Short out-of-step stretches after one lost GBK/Big5 byte (repair/_resync.py, rebuilt by byte_shift)."""

from __future__ import annotations

import pytest

from cleanpage.repair import repair_text, suspicious
from cleanpage.repair._resync import stretches
from cleanpage.repair.charlm import load


def _lose(sentence: str, codec: str, char_index: int, byte: int = 0) -> str:
    """``sentence`` in ``codec`` with one byte of one character deleted, decoded leniently, U+FFFD dropped."""
    data = bytearray()
    for index, char in enumerate(sentence):
        encoded = char.encode(codec)
        data += encoded[:byte] + encoded[byte + 1:] if index == char_index else encoded
    return bytes(data).decode(codec, "replace").replace("\ufffd", "")


@pytest.mark.parametrize(("sentence", "codec", "index"), [
    ("調查組仍在緊鑼密鼓工作中。", "big5", 9),  # 工 = A4 75: the lead lost, 'u' left alone
    ("他每天早上都會跑步，身體很健康。", "big5", 14),  # 康 = B1 64: 'd' left alone before 。
    ("老師說明天要考試，大家都很緊張。", "big5", 14),  # 張 = B1 69: 'i' left alone before 。
    ("開展藥品安全治理創新試點,努力打造基層最佳實踐。", "big5", 22),  # 踐 。 read as 翩 C
])
def test_lost_lead_before_an_ascii_trail_is_rebuilt(sentence: str, codec: str, index: int) -> None:
    damaged = _lose(sentence, codec, index)
    assert damaged != sentence and suspicious(damaged)
    assert repair_text(damaged) == sentence


@pytest.mark.parametrize(("sentence", "index"), [
    ("他們決定向社會公開道歉。", 5),  # 社 = AA C0 lost its trail: AA read with 會's lead B7 as 疝, 會's trail '|' alone
    ("補充幾個提車要注意的地方，不管買哪臺都適用：", 9),  # 的 = AA BA: 爬 then 地's trail 'a'
])
def test_an_ascii_trail_byte_after_a_rare_character_is_the_end_of_a_stretch(sentence: str, index: int) -> None:
    damaged = _lose(sentence, "big5", index, byte=1)
    assert damaged != sentence and suspicious(damaged)
    assert repair_text(damaged) == sentence


@pytest.mark.parametrize(("sentence", "index"), [
    ("在中国集成电路设计业的销售统计中，近乎100%是由中国本地企业贡献检查。", 34),  # 查 = B2 E9: 椤 = E9 A1
    ("巡逻队员每天都要沿着边境线认真巡逻。", 14),  # 真 lost its lead: out of step to 摺 = DF A1, A3 dropped
    ("自治区药监局要牵头研究制定实施方案,明确职责分工。", 20),  # 职 lost its lead: out of step to ぁ = A4 A1
])
def test_a_line_ending_in_a_character_with_the_lead_byte_of_its_full_stop_is_rebuilt(sentence: str,
                                                                                     index: int) -> None:
    damaged = _lose(sentence, "gbk", index)
    assert len(damaged) == len(sentence) - 1 and suspicious(damaged)
    assert repair_text(damaged) == sentence


def test_a_symbol_glued_to_han_text_proposes_the_stretch_it_ends() -> None:
    damaged = _lose("然而，这只是诈骗团伙套路的第一步。", "gbk", 5)
    assert "┢" in damaged
    start = damaged.index("┢") - 1
    assert (start, start + 2) in stretches(load(), damaged)


@pytest.mark.parametrize("clean", [
    "医生看了报告说，半年后再复查B超。",
    "S碼和M碼可以多囤點。",
    "他说:“太好了!”然后用iPhone 15拍了照片(约3MB)。",
    "维生素C片和第Ⅲ章，①号文件。",
    "東京の天気は晴れです。ひらがなとカタカナ、漢字が混ざっています。",
    "谢谢大家，尤其是@北漂第七年 和@法学僧小林 ！",  # @ is Big5's trail byte of 作 too, but a mention here
    "21Cn娱乐[引用日期2014-05-19]",
    "汉化组_阿树说好~再看看^_^",
    "於發燒咳嗽_科技湃_澎湃新聞",  # a rare character before an ASCII mark, as written (3 in 11,587 real lines)
    "責任編輯：劉斌]",
    "海賊王787 死神h動畫 火影忍者漫畫官網",
    "这是一个很大的市场",  # 场 = B3 A1 ends a line as it is
    "我们去看看吧，真好啊",
])
def test_clean_text_with_letters_and_symbols_is_left_alone(clean: str) -> None:
    assert repair_text(clean) == clean


@pytest.mark.parametrize(("sentence", "codec", "index"), [
    ("周末我们打算开车去郊外爬山。", "gbk", 3),  # 们 lost its lead: 谴蛩憧, two rare characters and no symbol
    ("去年秋天买了六棵草莓苗，想着今年春天能吃上自己种的草莓。", "gbk", 18),
])
def test_a_lost_byte_shown_only_by_rare_characters_is_rebuilt(sentence: str, codec: str, index: int) -> None:
    damaged = _lose(sentence, codec, index)
    assert damaged != sentence and suspicious(damaged)
    repaired = repair_text(damaged)
    assert len(repaired) == len(sentence)
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))
    assert sum(got == want for got, want in zip(repaired, sentence, strict=True)) >= len(sentence) - 1


def test_rare_names_in_clean_text_do_not_trigger_a_rebuild() -> None:
    for clean in ("楊國禹對澎湃新聞表示，俞善浚與麒麟公司無關。", "患者咳嗽、鼻塞，伴有轻度发热。"):
        assert repair_text(clean) == clean


@pytest.mark.parametrize(("sentence", "index", "byte"), [
    ("这次比赛的结果出来了，我们都很高兴。", 7, 0),  # 出 lost its lead: out of step to 耍 = CB A3, AC dropped
    ("经过认真研究讨论，大家一致同意这个方案。", 6, 1),  # 讨 lost its trail: out of step to 郏 = DB A3
    ("记者到达现场的时候，救援工作已经开始。", 7, 0),  # 时 lost its lead: out of step to 颍 = F2 A3
])
def test_a_stretch_that_ends_in_the_lead_byte_of_a_lost_comma_is_rebuilt_with_it(sentence: str, index: int,
                                                                                 byte: int) -> None:
    damaged = _lose(sentence, "gbk", index, byte)
    assert len(damaged) == len(sentence) - 1 and "，" not in damaged and suspicious(damaged)
    assert repair_text(damaged) == sentence


@pytest.mark.parametrize("line", ["工信部要求主流APP推出长者模式", "学校常常保护学生的安全。"])
def test_a_character_with_the_lead_byte_of_a_comma_inside_a_word_is_no_signature(line: str) -> None:
    assert not suspicious(line)


@pytest.mark.parametrize(("sentence", "codec"), [
    ("“我们即便再努力也没有用。", "gbk"),  # “ = A1 B0 lost its lead: B0 starts the run (拔颐羌幢阍倥)
    ("“這個問題我們明天再討論。”他說。", "big5"),  # “ = A1 A7 lost its lead: A7 starts the run
])
def test_a_lost_lead_byte_of_an_opening_mark_is_rebuilt_as_the_mark(sentence: str, codec: str) -> None:
    damaged = _lose(sentence, codec, 0)
    assert not damaged.startswith("“")
    assert repair_text(damaged) == sentence


@pytest.mark.parametrize("line", ["Γ射线", "射线的В"])
def test_a_symbol_with_a_comma_lead_byte_at_either_end_of_a_line_is_scanned_without_error(line: str) -> None:
    # Γ (A6 A3) and В (A7 A3) have a comma's lead as their trail byte and are symbol triggers with Han text on one side only.
    assert suspicious(line)
    assert repair_text(line) == line
