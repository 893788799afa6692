"""C17 self-media and blogs: statements, stats, labels and buttons go; code and platform mentions stay."""

from __future__ import annotations

from pathlib import Path

import cleanpage

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text")


def test_csdn_like_blog_frame_is_removed_and_harvested() -> None:
    doc = _clean("self_media_1")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "self_media"}
    assert rules == {
        "于 2023-09-18 10:20:11 发布 阅读量1.2w 收藏 12 点赞数 35": "C17.stats",
        "文章标签： python pandas 数据清洗": "C17.labels",
        "复制代码": "C17.code_button",
        "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。": "C17.statement",
        "打赏": "C17.button",
    }
    assert 'df = pd.read_csv("loans.csv")' in doc.text.splitlines()
    assert doc.text.splitlines()[0] == "在 CSDN 发布文章后，不少读者问我借阅数据是怎么整理出来的，这里把完整流程记录下来。"
    meta = doc.metadata
    assert (meta.published, meta.views, meta.tags) == ("2023-09-18T10:20", 12000, ["python", "pandas", "数据清洗"])
    assert meta.extra["likes"] == 35
    assert meta.extra["licence"] == "CC 4.0 BY-SA"


def test_traditional_blog_posted_line_gives_author_date_and_views() -> None:
    doc = _clean("self_media_2")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "self_media"}
    assert rules["posted @ 2023-09-18 10:20 林小溪 閱讀(1234) 評論(5) 編輯 收藏 舉報"] == "C17.stats"
    assert rules["此分類上一篇"] == rules["此分類下一篇"] == "C17.button"
    assert (doc.metadata.author, doc.metadata.published, doc.metadata.views) == ("林小溪", "2023-09-18T10:20", 1234)


def test_zhihu_like_line_gives_published_and_region() -> None:
    text = "\n".join([
        "城市书房为什么能留住年轻人",
        "发布于 2023-09-18 10:20・IP 属地浙江",
        "城市书房能留住年轻人，靠的不只是免费借书，更是一个可以安静待上半天的地方。",
        "很多书房还会定期举办读书会和手作活动，让陌生的邻居慢慢变成熟人。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.published == "2023-09-18T10:20"
    assert doc.metadata.extra["region"] == "浙江"
    assert len(doc.text.splitlines()) == 2


def test_a_code_box_label_goes_only_right_above_code() -> None:
    post = ("<p>小弟想把照片依日期改檔名，寫了一個很簡單的 Perl 腳本，請各位前輩幫忙看看哪裡寫錯了，謝謝大家。</p>"
            "<div class='codetop'>代碼</div><div class='codemain'>use strict;<br>print $f;<br>}</div>"
            "<p>英文檔名都正常，但只要原本是中文檔名的，stat 就抓不到，rename 也失敗，系統是 Windows XP 繁體版。</p>")
    doc = cleanpage.clean(f"<html><body><article><h1>Perl 改檔名</h1>{post}<h2>代码</h2><p>{'正文段落，' * 12}</p></article></body></html>")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "self_media"}
    assert rules == {"代碼": "C17.code_button"}
    assert "}" in doc.text.splitlines() and "代码" in doc.text.splitlines()
