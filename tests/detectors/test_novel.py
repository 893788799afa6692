"""C20 novels: navigation, watermarks, appeals and the author's note go; the chapter text stays."""

from __future__ import annotations

from pathlib import Path

import cleanpage

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text")


def test_simplified_chapter_page_is_cleaned_and_chapter_harvested() -> None:
    doc = _clean("novel_1")
    removed = [(r.rule, r.action, r.text) for r in doc.removed if r.detector == "novel"]
    assert ("C20.watermark", "trim", "天才一秒记住本站地址：www.example.com。") in removed
    assert ("C20.watermark", "trim", "（ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ）") in removed
    assert ("C20.appeal", "drop", "求收藏，求推荐票！") in removed
    assert ("C20.postscript", "drop", "PS：今天家里有事，只更一章，明天补上。") in removed
    assert [rule for rule, _, _ in removed].count("C20.nav") == 2
    assert doc.text.splitlines() == [
        "雨下了整整一夜，客栈的灯笼在风里摇晃，掌柜的打着哈欠正要关门。",
        "她求他收藏好那封信，说等天亮了再拆开，他点点头，把信塞进了怀里。",
        "门外忽然传来一阵急促的敲门声，掌柜的手一抖，灯笼差点掉在地上。他犹豫片刻，还是拉开了门闩。",
    ]
    assert doc.metadata.extra["chapter"] == {"title": "第一百二十三章 雨夜来客", "index": 123}


def test_traditional_unfinished_chapter_sets_truncated() -> None:
    doc = _clean("novel_2")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "novel"}
    assert rules["本章未完，請點擊下一頁繼續閱讀"] == "C20.unfinished"
    assert rules["請記住本書首發域名：example.cc。"] == "C20.watermark"
    assert doc.metadata.truncated is True
    assert "她求他收藏好那封信，說等天亮了再拆開，他點點頭，把信塞進了懷裡。" in doc.text.splitlines()


def test_postscript_mentions_inside_the_chapter_are_kept() -> None:
    text = "\n".join([
        "上一章 ← 章节目录 → 下一章",
        "第五章 来信",
        "PS：这封信是她留下的唯一线索，他反复读了三遍，终于在信的背面发现了一行小字。",
        "他把信折好放回信封，决定天一亮就去城东的旧书店找那位老掌柜问个清楚。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert not [r for r in doc.removed if r.rule == "C20.postscript"]
