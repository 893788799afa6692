"""Whole-line decoding chains: every reversible wrong decode undone in one piece, never below ftfy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ftfy
import pytest

from cleanpage.repair import repair_text
from cleanpage.repair._chains import best_reading, lost_unmarked, plausible_chinese
from cleanpage.repair.charlm import load
from legacy_decoder import legacy_pairs

FIXTURES = Path(__file__).parent.parent / "fixtures" / "repair"
SIMPLIFIED = ["会议强调，要坚持稳中求进工作总基调。", "我国中部地区经济发展势头良好，产业园区建设加快推进。"]
TRADITIONAL = ["醫生說這種情況每年查一次B超就可以了。", "現在我們來人工構造一個異常，觀察系統的反應。"]
UNDEFINED_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def whatwg_1252(data: bytes) -> str:
    return "".join(chr(byte) if byte in UNDEFINED_1252 else bytes((byte,)).decode("cp1252") for byte in data)


Chain = Callable[[str], str]
CHAINS: dict[str, tuple[list[str], Chain]] = {
    "utf-8 as gb18030": (["产业园区建设加快推进", "中国人民"], lambda s: s.encode().decode("gb18030")),
    "utf-8 as latin-1": (SIMPLIFIED + TRADITIONAL, lambda s: s.encode().decode("latin-1")),
    "utf-8 as windows-1252 (whatwg)": (SIMPLIFIED + TRADITIONAL, lambda s: whatwg_1252(s.encode())),
    "utf-8 as windows-1252 twice": (SIMPLIFIED, lambda s: whatwg_1252(whatwg_1252(s.encode()).encode())),
    "gbk as latin-1": (SIMPLIFIED, lambda s: s.encode("gbk").decode("latin-1")),
    "gbk as windows-1252 (whatwg)": (SIMPLIFIED, lambda s: whatwg_1252(s.encode("gbk"))),
    "gbk as big5": (SIMPLIFIED, lambda s: s.encode("gbk").decode("big5", "replace")),
    "gbk as cp950": (SIMPLIFIED, lambda s: s.encode("gbk").decode("cp950", "replace")),
    "big5 as gb18030": (TRADITIONAL, lambda s: s.encode("big5").decode("gb18030")),
    "cp950 as gb18030": (TRADITIONAL, lambda s: s.encode("cp950").decode("gb18030")),
}


@pytest.mark.parametrize("name", CHAINS)
def test_every_reversible_chain_is_undone(name: str) -> None:
    sentences, chain = CHAINS[name]
    for sentence in sentences:
        damaged = chain(sentence)
        assert damaged != sentence
        assert repair_text(damaged) == sentence, (name, damaged)


def test_soft_hyphens_and_c1_controls_are_bytes_of_the_mojibake() -> None:
    # 中 is E4 B8 AD: read as Latin-1 its last byte is a soft hyphen, which must reach the mojibake repair.
    damaged = "中拉贸易产业园".encode().decode("latin-1")
    assert "\xad" in damaged and any("\x80" <= char <= "\x9f" for char in damaged)
    assert repair_text(damaged) == "中拉贸易产业园"


def test_never_below_ftfy_on_its_own_kind() -> None:
    for sentence in SIMPLIFIED + TRADITIONAL:
        for damaged in (sentence.encode().decode("latin-1"), whatwg_1252(sentence.encode()),
                        whatwg_1252(whatwg_1252(sentence.encode()).encode())):
            assert ftfy.fix_encoding(damaged) == sentence
            assert repair_text(damaged) == sentence


def test_undefined_windows_1252_bytes_are_inferred() -> None:
    # Python's cp1252 with errors=replace: each U+FFFD is one of the five bytes Windows-1252 leaves undefined.
    sentence = "承办部门应当提出分类处理意见。"
    damaged = sentence.encode().decode("cp1252", "replace")
    assert damaged.count("\ufffd") >= 3
    assert repair_text(damaged) == sentence


def test_a_pair_a_legacy_decoder_swallowed_is_marked_not_deleted() -> None:
    sentence = "第二十九條 依法應當留置的被調查人如果在逃，監察機關可以決定在本行政區域內通緝。"
    damaged = legacy_pairs(sentence.encode("big5"), "gbk")  # a bad pair prints "?" and both bytes are gone
    repaired, records = repair_text(damaged, explain=True)
    assert len(repaired) == len(sentence) and "?" not in repaired
    assert sum(a == b for a, b in zip(repaired, sentence, strict=True)) > 0.6 * len(sentence)
    assert "\ufffd" in repaired and any("warning" in record.note for record in records)


@pytest.mark.parametrize("line", [
    "Café naïve façade, résumé.", "Москва — столица России.", "Αθήνα είναι η πρωτεύουσα.",
    "東京の天気は晴れです。ひらがなとカタカナ。", "会议在北京召开。", "業務報告顯示，今年營收成長三成。",
    "ÀÁÂ are capital letters with accents", "The price is 5€ — or ‘cheap’.", "生僻字：𠀀𪚥龘靐齉，还有䶮和堃。",
])
def test_real_text_has_no_reading(line: str) -> None:
    assert best_reading(load(), line) is None
    assert repair_text(line) == line


def test_must_not_change_lines_have_no_reading() -> None:
    lm = load()
    for line in (FIXTURES / "must_not_change.txt").read_text(encoding="utf-8").splitlines():
        assert best_reading(lm, line) is None, line


def test_a_line_of_nothing_but_lost_characters_is_not_read_again() -> None:
    assert best_reading(load(), "\ufffd" * 6) is None
    assert best_reading(load(), "?? \ufffd\ufffd") is None


def test_european_text_is_not_searched_for_chains_and_stays_as_written() -> None:
    line = "Die Bürger müssen früh über die Gebühren für Straßenreinigung entscheiden, sagt Frau Müller."
    assert repair_text(line) == line
    broken = "我们的新产品".encode().decode("latin-1")
    assert repair_text(broken) == "我们的新产品"


def test_deleted_replacement_characters_in_utf8_read_as_gbk_are_placed_by_utf8_structure() -> None:
    # The GBK decoder's U+FFFD (one per byte it could not pair) deleted afterwards: nothing marks the loss.
    for sentence in ("中文，我们在这里。", "要认真履行日常监督检查责任,督促企业落实主体责任。"):
        damaged = sentence.encode("utf-8").decode("gbk", "replace").replace("\ufffd", "")
        assert repair_text(damaged) == sentence


def test_utf8_read_by_a_legacy_pair_decoder_is_placed_by_utf8_structure() -> None:
    # Each ``?`` lost two bytes; UTF-8's structure shows which character each lost byte belonged to.
    sentence = "他在北京工作了十年，去年才回到家乡。"
    damaged = legacy_pairs(sentence.encode(), "gbk")
    assert damaged.count("?") >= 2
    assert repair_text(damaged) == sentence


def test_utf8_read_by_a_legacy_pair_decoder_marks_what_it_cannot_infer() -> None:
    sentence = "会议强调，要坚持稳中求进工作总基调。"
    damaged = legacy_pairs(sentence.encode(), "gbk")
    repaired, records = repair_text(damaged, explain=True)
    # Repaired in one piece: every character is the original's or U+FFFD, nothing deleted, nothing left as ``?``.
    assert len(repaired) == len(sentence) and "?" not in repaired
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))
    assert sum(got == want for got, want in zip(repaired, sentence, strict=True)) >= len(sentence) - 3
    if "\ufffd" in repaired:
        assert any("warning" in record.note for record in records)


def test_a_legacy_question_mark_in_clean_text_is_not_a_lost_pair() -> None:
    for line in ("你知道吗?我们明天去北京。", "这是为什么?原因很简单。", "真的吗??太好了!"):
        assert repair_text(line) == line


@pytest.mark.parametrize("sentence", ["每天坚持锻炼身体，晚上早点休息。", "学校将于下周一正式开学，请同学们做好准备。"])
def test_one_mark_per_character_a_legacy_pair_decoder_lost(sentence: str) -> None:
    # The last '?' may be one lone byte (the stream ended), and a character the structure does not explain
    # (a whole Han character or 。 lost with the pair) is one U+FFFD, not one per pair.
    damaged = legacy_pairs(sentence.encode(), "gbk")
    repaired = repair_text(damaged)
    assert len(repaired) == len(sentence) and "?" not in repaired
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))
    assert repaired.count("\ufffd") <= 1


def test_a_whole_lost_character_is_not_chosen_beside_an_undecided_guess() -> None:
    # Big5 read by an old GBK pair decoder: each '?' is one whole character. 上級 were both lost; a guess
    # for 級 next to an undecided guess for 上 (孩) would look clear (孩子) and be wrong.
    sentence = "監察機關之間對監察事項的管轄有爭議的，由其共同的上級監察機關確定。"
    damaged = legacy_pairs(sentence.encode("big5"), "gbk")
    repaired, records = repair_text(damaged, explain=True)
    assert len(repaired) == len(sentence) and repaired.count("\ufffd") >= 3
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))
    assert any("warning" in record.note for record in records)


@pytest.mark.parametrize(("sentence", "mark"), [("她常常因此感到痛苦不堪，甚至自己也被動忍不住哭泣。", "。"),
                                              ("這種情況押金能全扣嗎？", "？")])
def test_a_whole_character_lost_at_the_end_of_a_line_closes_the_sentence(sentence: str, mark: str) -> None:
    # Big5 punctuation (A1 40-A1 7E) is no GBK pair: an old decoder prints ``?`` for it. After Han text at the
    # end of a line it is the closing mark, ？ where the line asks something.
    damaged = legacy_pairs(sentence.encode("big5"), "gbk")
    assert damaged.endswith("?")
    repaired = repair_text(damaged)
    assert len(repaired) == len(sentence) and repaired.endswith(mark)
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))


@pytest.mark.parametrize("sentence", ["他们决定明天一早出发去北京。", "现在的年轻人都喜欢网购。"])
def test_a_whole_utf8_character_lost_at_the_end_of_a_line_closes_the_sentence(sentence: str) -> None:
    # 京/购 lost their last byte and 。 (E3 80 82) all of its three with the two last ``?``: UTF-8's structure
    # places the one byte, and the whole character after it is the closing mark.
    damaged = legacy_pairs(sentence.encode(), "gbk")
    assert damaged.endswith("??")
    repaired = repair_text(damaged)
    assert len(repaired) == len(sentence) and repaired.endswith("。")
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))


def test_a_question_mark_an_old_decoder_printed_at_the_start_of_a_line_is_a_lost_character() -> None:
    sentence = "《中華人民共和國行政監察法》同時廢止。"
    damaged = legacy_pairs(sentence.encode("big5"), "gbk")
    assert damaged.startswith("?")
    repaired = repair_text(damaged)
    assert len(repaired) == len(sentence) and "?" not in repaired
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))


def test_a_line_mostly_lost_to_an_old_pair_decoder_is_judged_on_what_it_kept() -> None:
    # Eleven of nineteen characters are ``?``: they cost the same kept or marked, so the gain the reading
    # needs is counted on the other eight, and the line is read as a whole, every ``?`` marked.
    sentence = "這個真的，我家囤了六包NB，最後全送人了。"
    damaged = legacy_pairs(sentence.encode("big5"), "gbk")
    repaired = repair_text(damaged)
    assert len(repaired) == len(sentence) and "?" not in repaired
    assert all(got in (want, "\ufffd") for got, want in zip(repaired, sentence, strict=True))


def test_lost_bytes_that_no_choice_fits_stay_unknown() -> None:
    # 「調皮男孩」 through an old GBK pair decoder starts with ``?``: read as UTF-8, no two bytes fit the pair
    # the decoder lost there, which must leave that character unknown, not fail.
    damaged = legacy_pairs("「調皮男孩」".encode("big5"), "gbk")
    assert damaged.startswith("?")
    repaired = repair_text(damaged)
    assert len(repaired) == len("「調皮男孩」") and "調皮男" in repaired


@pytest.mark.parametrize("line", ["?我们明天去北京开会。", "本当ですか?はい、そうです。", "第1题?这道题怎么做"])
def test_a_question_mark_beside_clean_text_stays(line: str) -> None:
    assert repair_text(line) == line


def test_a_lost_byte_whose_runner_up_ties_at_the_margin_is_marked_not_guessed() -> None:
    # 、 and 。 share their first two UTF-8 bytes (E3 80) and differ by exactly the margin in context here:
    # a tie is not a choice, so the lost 、 is U+FFFD with a warning, never a silent 。.
    sentence = "他喜欢唱歌、跳舞和画画。"
    damaged = legacy_pairs(sentence.encode(), "gbk")
    repaired, records = repair_text(damaged, explain=True)
    assert repaired == "他喜欢唱歌\ufffd跳舞和画画。"
    assert any("warning" in record.note for record in records)


@pytest.mark.parametrize("clean", ["第二十五條 監察機關在調查過程中，可以調取、查封、扣押用以證明被調查人涉嫌違法犯罪的財物。",
                                   "然而，這只是詐騙團伙套路的第一步。"])
def test_a_gb18030_reading_of_big5_that_lost_its_private_use_characters_is_told_apart(clean: str) -> None:
    lm = load()
    read = clean.encode("big5").decode("gb18030")
    assert not lost_unmarked(lm, read)  # the private-use characters are there: a repair loses nothing
    assert lost_unmarked(lm, "".join(char for char in read if not "\ue000" <= char <= "\uf8ff"))
    assert not lost_unmarked(lm, clean) and not lost_unmarked(lm, clean.encode("big5").decode("gbk", "replace"))


def test_a_short_gb18030_reading_of_big5_that_lost_its_private_use_characters_is_told_apart_too() -> None:
    # 二是要加強監督檢查。 lost 二 and 加 and 。 (private use in GB18030): six Han characters are left (five would do), which
    # read as clean-looking Big5; a repair would hide three lost characters.
    lm = load()
    read = "二是要加強監督檢查。".encode("big5").decode("gb18030")
    damaged = "".join(char for char in read if not "\ue000" <= char <= "\uf8ff")
    assert lost_unmarked(lm, damaged)
    assert repair_text(damaged) == damaged
    assert not lost_unmarked(lm, "監督檢查".encode("big5").decode("gb18030"))  # four Han characters say too little


@pytest.mark.parametrize("clean", ["所谓话语权，是共享充电宝代理商和商家之间的博弈。",
                                   "茉莉还代表该地区参加了英国美人鱼小候选美比赛，目的是为英国组织筹集资金并提高知名度。"])
def test_the_two_bytes_an_old_pair_decoder_lost_are_chosen_together(clean: str) -> None:
    # 语 = E8 AF AD and 该 = E8 AF A5 lost their last two bytes to one ``?``: only characters whose two
    # bytes GBK cannot read as a pair compete, not every character whose bytes each fit on their own.
    damaged = legacy_pairs(clean.encode(), "gbk")
    assert "?" in damaged
    assert repair_text(damaged) == clean


def test_a_lost_byte_is_not_guessed_as_a_traditional_form_in_a_simplified_line() -> None:
    # 小 = E5 B0 8F: Windows-1252 has no 8F, and 對 (E5 B0 8D) is 对 to the model, about as likely as 小 here.
    clean = "小刚与小花同岁，身高已有1米4。"
    damaged = clean.encode().decode("cp1252", errors="replace")
    assert damaged.count("\ufffd") == 4
    assert repair_text(damaged) == clean


@pytest.mark.parametrize("clean", ["模板到底要不要背？", "为什么这么火？"])
def test_a_line_that_asks_something_ends_in_a_question_mark(clean: str) -> None:
    # ？ = EF BC 9F, its last byte lost to GBK: ！ (EF BC 81) is as common to the model, the question word is not.
    damaged = clean.encode().decode("gbk", errors="replace")
    assert damaged.endswith("\ufffd")
    assert repair_text(damaged) == clean


def test_a_character_both_of_whose_bytes_were_replaced_is_one_whose_bytes_each_would_be() -> None:
    # 全 = A5 FE in Big5: GBK replaces A5 (no pair A5 FE) and then FE. A common character whose second
    # byte GBK would have kept (外 = A5 7E leaves "~") is no candidate for the two U+FFFD.
    clean = "加強藥品安全監管工作。"
    damaged = clean.encode("big5").decode("gbk", errors="replace")
    assert "\ufffd\ufffd" in damaged
    assert repair_text(damaged) == clean


@pytest.mark.parametrize("clean", ["她回答“我不知道”，然后走了。", "报告说“情况良好”。"])
def test_a_lost_mark_of_a_pair_is_the_one_the_line_lacks(clean: str) -> None:
    # “ = E2 80 9C lost its last bytes to an old pair decoder's ?; ” (E2 80 9D) is as likely to the model,
    # but the line keeps its ” and lacks a “.
    damaged = legacy_pairs(clean.encode(), "gbk")
    assert "?" in damaged and "”" not in damaged
    assert repair_text(damaged) == clean


def test_rare_characters_that_make_a_word_do_not_make_a_reading_implausible() -> None:
    # 澎湃 and 寇 are rare characters; the U+FFFD the GBK decoder wrote for the bytes it could not pair were
    # deleted, and only UTF-8's structure shows where they went.
    clean = "近日来，澎湃新闻多次尝试联系寇兴斌，未果。"
    damaged = clean.encode().decode("gbk", errors="replace").replace("\ufffd", "")
    assert repair_text(damaged) == clean
    assert plausible_chinese(load(), "澎湃新闻") and not plausible_chinese(load(), "澎新湃闻")
