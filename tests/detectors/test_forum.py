"""C16 forum: post frames go, every post stays (replies go only with forum_posts="first")."""

from __future__ import annotations

from pathlib import Path

import cleanpage

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str, **options: str) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text", **options)


def test_thread_keeps_every_post_without_its_frame() -> None:
    doc = _clean("forum_1")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "forum"}
    assert rules["发表于 2023-9-18 21:05 | 只看该作者 | 倒序浏览"] == rules["沙发"] == "C16.post_header"
    assert not [r for r in doc.removed if r.rule == "C16.reply"]
    lines = doc.text.splitlines()
    assert lines[0] == "上周末带孩子去了老城区新开的城市书房，环境比想象中好很多，儿童区的绘本也很齐全。"
    assert "去过一次，周末人太多了，建议工作日去，安静很多，也更容易找到座位。" in lines
    assert (doc.metadata.author, doc.metadata.published) == ("山野行者", "2023-09-18T21:05")


def test_first_post_only_keeps_the_opening_post_and_harvests_its_poster_and_time() -> None:
    doc = _clean("forum_1", forum_posts="first")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "forum"}
    assert rules["查看: 2385|回复: 12"] == "C16.stats"
    assert rules["发表于 2023-9-18 21:05 | 只看该作者 | 倒序浏览"] == rules["沙发"] == "C16.post_header"
    assert rules["本帖最后由 山野行者 于 2023-9-18 21:30 编辑"] == "C16.edited"
    assert rules["使用道具 举报"] == "C16.toolbar"
    assert rules["去过一次，周末人太多了，建议工作日去，安静很多，也更容易找到座位。"] == "C16.reply"
    assert rules["您需要登录后才可以回帖 登录 | 立即注册"] == "C16.reply_form"
    assert doc.text.splitlines() == [
        "上周末带孩子去了老城区新开的城市书房，环境比想象中好很多，儿童区的绘本也很齐全。",
        "我引用了他在会上的原话：书房要成为街区的文化客厅。",
        "已向平台举报了门口乱停车的问题，希望能尽快处理。",
    ]
    assert (doc.metadata.author, doc.metadata.published, doc.metadata.views) == ("山野行者", "2023-09-18T21:05", 2385)


def test_traditional_thread_with_poster_on_the_header_line() -> None:
    doc = _clean("forum_2")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "forum"}
    assert rules["bookworm77 發表於 2023-9-18 21:05"] == rules["2樓"] == "C16.post_header"
    assert rules["只看該作者 回覆 引用"] == rules["使用道具 檢舉"] == "C16.toolbar"
    assert doc.metadata.author == "bookworm77"
    assert doc.metadata.published == "2023-09-18T21:05"
    assert len(doc.text.splitlines()) == 3  # the opening post (two lines) and the reply


def test_a_single_post_header_without_other_forum_signals_removes_no_text() -> None:
    text = "\n".join([
        "周末去了趟老街区的城市书房",
        "上周末带孩子去了老城区新开的城市书房，环境比想象中好很多，儿童区的绘本也很齐全。",
        "小鱼儿 发表于 2023-9-18 22:11",
        "去过一次，周末人太多了，建议工作日去，安静很多，也更容易找到座位。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert "去过一次，周末人太多了，建议工作日去，安静很多，也更容易找到座位。" in doc.text.splitlines()
    assert not [r for r in doc.removed if r.rule == "C16.reply"]


def test_hidden_content_notice_sets_truncated() -> None:
    text = "\n".join([
        "资源分享帖",
        "上周整理了一份城市书房的分布表，按区县列出了开放时间和借阅规则，供大家参考。",
        "游客，如果您要查看本帖隐藏内容请回复",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert [r.rule for r in doc.removed if r.detector == "forum"] == ["C16.hidden"]
    assert doc.metadata.truncated is True


def test_a_bracketed_edit_note_that_says_modified_is_an_edit_note() -> None:
    from cleanpage.detectors.forum import EDITED

    for line in ["本帖最后由 山野行者 于 2023-9-18 21:30 编辑", "（本帖最后由作者于 2019-05-20 09:02 修改）",
                 "[本帖最后由 老王 于 2008-3-5 10:22 编辑]"]:
        assert EDITED.match(line), line
    assert not EDITED.match("本帖最后由我来总结一下：大家说的办法都试过了，还是得换线圈。")
