"""segment.html rules on small pages: stray document ends, reader-comment widgets, layout blobs."""

from __future__ import annotations

from pathlib import Path

import cleanpage
from cleanpage.segment.html import _Candidate, _swallowed

SNIPPETS = Path(__file__).parent.parent / "fixtures" / "html" / "snippets"


def _clean(name: str) -> cleanpage.Document:
    return cleanpage.clean((SNIPPETS / name).read_bytes())


def test_an_early_html_end_tag_does_not_hide_the_article_after_it() -> None:
    doc = _clean("stray_html_end.html")
    assert "会议决定，批准财政部发行特别国债，调整年末国债余额限额。" in doc.text


def test_reader_comments_after_the_article_are_dropped_and_recorded() -> None:
    doc = _clean("comment_widget.html")
    assert "这需要龙湖给投资者作一个交代，也需要监管部门进一步核查。" in doc.text
    assert "肉烂在锅里" not in doc.text and "审计员" not in doc.text
    recorded = {r.text for r in doc.removed if r.rule == "html.comment_section"}
    assert any("审计员" in text for text in recorded)


def _candidate(*texts: str) -> _Candidate:
    return _Candidate("test", [(text, "paragraph", None) for text in texts])


def test_a_block_holding_a_structured_fallbacks_text_and_more_is_a_blob() -> None:
    paragraphs = ("第一段正文内容。", "第二段正文内容。", "第三段正文内容。")
    blob = "首页 基金超市 我的资产 " + "".join(paragraphs)
    assert _swallowed(_candidate(blob), _candidate(*paragraphs))


def test_a_paragraph_equal_to_the_fallback_is_not_a_blob() -> None:
    paragraph = "第一段正文内容，第二句也在这里。"
    assert not _swallowed(_candidate(paragraph), _candidate(paragraph))
    assert not _swallowed(_candidate("导航 " + paragraph), _candidate(paragraph))
