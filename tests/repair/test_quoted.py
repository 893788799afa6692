"""Quoted mojibake: an example of garbled text inside quotes or code marks is not repaired."""

from __future__ import annotations

import pytest

from cleanpage.repair import repair_text
from cleanpage.repair._quoted import protected_spans


@pytest.mark.parametrize("line", [
    "常见乱码如“浣犲ソ”其实是“你好”的 UTF-8 字节被按 GBK 解码",
    "例如“鎴戜滑”就是“我们”按 GBK 读出的乱码。",
    "网页显示为“ä½ å¥½”，说明 UTF-8 被当成 Latin-1 解码了。",
    "这类 mojibake 的典型样子是 `æ–°é—»`，即“新闻”的 UTF-8 字节。",
])
def test_quoted_examples_stay(line: str) -> None:
    assert repair_text(line) == line


def test_the_same_mojibake_unquoted_is_repaired() -> None:
    assert repair_text("浣犲ソ锛屾垜浠") != "浣犲ソ锛屾垜浠"
    assert repair_text("文章标题：鍙戝竷鏃堕棿") == "文章标题：发布时间"


def test_quotes_protect_only_on_a_line_about_garbled_text() -> None:
    assert protected_spans("他说“你好”，然后走了。") == []
    assert protected_spans("乱码“浣犲ソ”\n他说“你好”") == [(2, 7)]


def test_byte_shift_leaves_a_quoted_example() -> None:
    from cleanpage.repair.byteshift import find_shifted

    damaged = "為確!笆奈濉遍_好局"
    assert find_shifted(damaged)
    assert find_shifted(f"乱码的例子：“{damaged}”") == []
