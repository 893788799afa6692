"""Guessed characters read as words (repair/_words.py, used by byte_shift's rebuilds)."""

from __future__ import annotations

from cleanpage.repair import repair_text
from cleanpage.repair._words import segment_cost


def test_a_function_word_at_a_word_boundary_reads_cheaper_than_a_word_made_with_a_neighbour() -> None:
    # The character model prefers 答應 (a word) to 的應 (two words); read as words, 完善 的 应急 预案 is cheaper.
    assert segment_cost("完善的应急预案") < segment_cost("完善答应急预案") - 1.0


def test_traditional_text_is_read_folded() -> None:
    assert segment_cost("完善的應急預案") == segment_cost("完善的应急预案")


def test_a_character_no_word_explains_costs_more_than_any_word() -> None:
    assert segment_cost("龘") > segment_cost("的") and segment_cost("，") < segment_cost("龘")


def test_a_lost_byte_rebuilt_with_the_function_word() -> None:
    sentence = "建立了完善的應急預案和處置流程。"
    data = bytearray(sentence.encode("big5"))
    del data[len("建立了完善".encode("big5")) + 1]  # 的 = AA BA lost its trail: 社 釩 皝 w, out of step until 預's 'w'
    damaged = bytes(data).decode("big5", "replace").replace("\ufffd", "")
    assert damaged == "建立了完善社釩皝w案和處置流程。"
    assert repair_text(damaged) == sentence
