"""C09 comment boxes: the form, counters, policy notes and the thread after the body go; quoted netizens stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _comments(doc: cleanpage.Document) -> list[str]:
    return [r.text for r in doc.removed if r.detector == "comments"]


def test_traditional_comment_thread_goes_up_to_the_footer(kit: SimpleNamespace) -> None:
    tail = ["最新留言", "阿明：說得好，希望政府說到做到。", "2024-03-05 12:01", "小芳：辦事真的比以前方便多了。"]
    footer = ["Copyright © 2024 港城日報 All Rights Reserved"]
    doc = cleanpage.clean(kit.page(tail=tail, footer=footer), kind="text")
    assert _comments(doc) == tail
    assert doc.metadata.copyright == footer[0]
    assert doc.text.splitlines() == kit.BODY


def test_comment_count_header_and_a_long_reprint_note_below(kit: SimpleNamespace) -> None:
    tail = ["全部评论(12)", "0/500", "请先登录后发表评论~", "本站所有文章除特别声明外，均为原创内容，转载请注明出处并保留原文链接。"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert _comments(doc) == tail[:3]
    assert doc.metadata.extra["comments"] == 12
    assert doc.text.splitlines() == kit.BODY


def test_news_quoting_netizens_is_kept(kit: SimpleNamespace) -> None:
    traps = ["有网友评论称，推进会提出的措施“接地气、有干货”。", "评论", "这篇评论发表后引起了广泛讨论，不少读者留言支持。"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _comments(doc) == []
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]
