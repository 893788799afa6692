"""The suspicion scan: one search of a page finds the same lines as a search of each line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage.repair._scan import lines_with_signature, mojibake_signature, shift_signature

# Pieces that make signatures, near-signatures and their neighbourhoods at line edges.
PIECES = ["会议", "鍙戝竷", "浚", "俞善", "À´", "Ð", "ХР", "Жё", "?", "\ufffd", "-", ":", "a", " ", "龘", "靐", "，", "。", "1", "い", "ㄤ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), max_size=8))
def test_a_page_scan_flags_exactly_the_lines_a_line_scan_flags(texts: list[str]) -> None:
    for pattern in (mojibake_signature(), shift_signature()):
        expected = {index for index, text in enumerate(texts) if pattern.search(text)}
        assert lines_with_signature(pattern, texts) == expected


def test_a_question_mark_an_old_pair_decoder_printed_among_what_gbk_made_of_big5_is_a_signature() -> None:
    # 今年6月16日是母親節。 through an old GBK pair decoder: kana and one rare character, no rare pair.
    damaged = "さ??6る16ら琌?克竊?"
    assert mojibake_signature().search(damaged)
    for clean in ("你知道吗?我们明天去北京。", "真的吗??太好了!", "What?"):
        assert not mojibake_signature().search(clean), clean
