"""The explanation of one page: kept and removed text back in page order, terminal and JSON forms."""

from __future__ import annotations

from cleanpage import Cleaner
from cleanpage.explain import explain_dict, format_explain, trace_lines

PAGE = "第一段正文，讲了一件事情。\n广告：买一送一\n第二段正文，还有后续。\n"


def explained() -> Cleaner:
    return Cleaner(kind="text", drop_patterns=("^广告：",))


def test_trace_lines_put_removals_back_where_they_stood() -> None:
    doc = explained().clean(PAGE)
    lines = trace_lines(doc)
    assert [(line.line, line.kept) for line in lines] == [(1, True), (2, False), (3, True)]
    assert lines[1].detector == "user_rules" and lines[1].text == "广告：买一送一"


def test_explain_dict_totals_and_lines() -> None:
    data = explain_dict(explained().clean(PAGE), key="p.txt")
    assert data["id"] == "p.txt" and data["totals"] == {"user_rules": 1}
    assert [line["detector"] for line in data["lines"]] == [None, "user_rules", None]


def test_format_explain_marks_removals_and_colours_only_on_request() -> None:
    doc = explained().clean(PAGE)
    plain = format_explain(doc)
    assert "\x1b[" not in plain
    marked = [line for line in plain.splitlines() if line.startswith("- ")]
    assert len(marked) == 1 and "广告：买一送一" in marked[0] and "[user_rules/" in marked[0]
    assert "1 removal(s) (user_rules 1)" in plain
    coloured = format_explain(doc, colour=True)
    assert "\x1b[9;31m广告：买一送一\x1b[0m" in coloured  # struck through, in the first palette colour
