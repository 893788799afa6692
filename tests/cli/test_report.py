"""The HTML review report: structure, totals, escaping, failures (rendered without a browser)."""

from __future__ import annotations

from lxml import html

from cleanpage import Cleaner
from cleanpage.io.page_input import PageInput
from cleanpage.io.parallel import PageResult
from cleanpage.report import Report, page_view

PAGE = "正文第一段，讲了一件事情。\n推广：<script>alert(1)</script>点击领取\n正文第二段，还有后续。\n广告：买一送一\n"
RULES = {"drop_patterns": ("^推广：", "^广告："), "kind": "text"}


def cleaned(key: str, text: str = PAGE) -> PageResult:
    page = PageInput(key=key, out_name=key, data=text)
    result = PageResult.for_page(page)
    result.payload = page_view(Cleaner(**RULES).clean(text), page)
    return result


def rendered(report: Report) -> html.HtmlElement:
    return html.fromstring(report.render())


def test_removed_lines_are_struck_through_in_page_order_with_their_detector() -> None:
    report = Report()
    report.add(cleaned("a.txt"))
    tree = rendered(report)
    lines = tree.cssselect("section.page ol.lines li")
    assert [li.get("class").split()[0] for li in lines] == ["kept", "removed", "kept", "removed"]
    struck = tree.cssselect("li.removed del")
    assert [d.text_content() for d in struck] == ["推广：<script>alert(1)</script>点击领取", "广告：买一送一"]
    assert {li.get("data-detector") for li in tree.cssselect("li.removed")} == {"user_rules"}


def test_page_text_cannot_inject_markup() -> None:
    report = Report()
    report.add(cleaned("a.txt"))
    tree = rendered(report)
    assert len(tree.cssselect("script")) == 1  # the report's own script only


def test_totals_cover_every_page_and_details_stop_at_max_pages() -> None:
    report = Report(max_pages=2)
    for name in ("a", "b", "c"):
        report.add(cleaned(name))
    failed = PageResult(key="broken.html", out_name="broken", error=("InputTooLargeError", "too big"))
    report.add(failed)
    tree = rendered(report)
    assert len(tree.cssselect("section.page")) == 2
    totals = {row.cssselect("td")[0].text_content(): row.cssselect("td")[1].text_content()
              for row in tree.cssselect("#totals tbody tr")}
    assert totals == {"user_rules": "6"}
    assert [li.get("data-detector") for li in tree.cssselect("#legend li.detector")] == ["user_rules"]
    assert tree.cssselect("#failures td")[0].text_content() == "broken.html"
    assert tree.cssselect("#failure-count")[0].text_content() == "1"


def test_repairs_show_before_and_after() -> None:
    report = Report()
    report.add(cleaned("r.txt", "正文第一段&amp;第二句，讲了一件事情的来龙去脉。\n"))
    tree = rendered(report)
    rows = tree.cssselect("table.repairs tbody tr")
    assert rows, "the entity repair is shown"
    assert rows[0].cssselect("del")[0].text_content() == "&amp;"
    assert rows[0].cssselect("ins")[0].text_content() == "&"
