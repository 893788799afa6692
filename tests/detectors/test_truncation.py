"""C23 truncation: read-more and to-be-continued markers go and set ``truncated``; end marks go; sentences stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _truncation(doc: cleanpage.Document) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in doc.removed if r.detector == "truncation"]


def test_traditional_read_more_marker_sets_truncated(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["【未完待續】"]), kind="text")
    assert _truncation(doc) == [("C23.marker", "【未完待續】")]
    assert doc.metadata.truncated is True
    doc = cleanpage.clean(kit.page(tail=["展开剩余72%"]), kind="text")
    assert _truncation(doc) == [("C23.marker", "展开剩余72%")]


def test_end_marks_glued_or_alone_are_removed(kit: SimpleNamespace) -> None:
    glued = kit.page().replace(kit.BODY[2], kit.BODY[2] + "（完）")
    doc = cleanpage.clean(glued, kind="text")
    assert _truncation(doc) == [("C23.end_mark", "（完）")]
    assert doc.text.splitlines() == kit.BODY
    doc = cleanpage.clean(kit.page(tail=["【全文完】"]), kind="text")
    assert _truncation(doc) == [("C23.end_mark", "【全文完】")]
    assert doc.metadata.extra["ended"] is True
    assert doc.metadata.truncated is False


def test_a_body_cut_by_the_scraper_is_flagged_and_kept(kit: SimpleNamespace) -> None:
    cut = kit.page().replace(kit.BODY[2], kit.BODY[2][:30] + "...")
    doc = cleanpage.clean(cut, kind="text")
    assert doc.metadata.truncated is True
    assert doc.text.splitlines()[-1] == kit.BODY[2][:30] + "..."


def test_sentences_about_continuation_and_a_closing_quotation_are_kept(kit: SimpleNamespace) -> None:
    traps = ["他们的故事未完待续。", "老人望着远方，轻声说：“日子总会好起来的……”"]
    doc = cleanpage.clean(kit.page(tail=traps), kind="text")
    assert _truncation(doc) == []
    assert doc.metadata.truncated is False
    assert doc.text.splitlines()[-2:] == traps


def test_a_metered_paywalls_prompt_inside_the_article_goes_and_the_text_after_it_stays() -> None:
    paragraphs = ["The council approved the new budget on Tuesday after a long debate about school funding.",
                  "Council members Greg Tillman and Rosa Whitfield voted against the plan on Tuesday evening."]
    wall = ('<div class="paywall-inline"><h3>Subscribe to continue reading</h3><p>You’ve read 3 of your 4 free articles '
            'this month. Support local journalism and get unlimited access.</p><p><a href="/subscribe">Subscribe for $1</a> '
            '<a href="/login">Already a subscriber? Log in</a></p></div>')
    page = (f"<html><body><article><h1>Council approves budget</h1><p>{paragraphs[0]}</p>{wall}<p>{paragraphs[1]}</p>"
            + "<p>The vote came after three public hearings in which residents asked the city to look for grants first.</p>" * 3
            + "</article></body></html>")
    doc = cleanpage.clean(page)
    assert {rule for rule, _ in _truncation(doc)} == {"C23.paywall_prompt"}
    assert "Subscribe" not in doc.text and "free articles" not in doc.text
    assert paragraphs[1] in doc.text and doc.metadata.truncated is False
    teaser = page.replace("<h3>Subscribe to continue reading</h3>", "<p>To view the full story, please subscribe to "
                          "<a href='/subscribe'>The Riverton Gazette</a>.</p>")
    assert "To view the full story" not in cleanpage.clean(teaser).text
