"""C13 pagination: pagers and position lines go with ``pages`` harvested; page citations stay."""

from __future__ import annotations

from pathlib import Path

import cleanpage
from detector_isolation import clean_without

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"
BODY = [
    "老城区改造牵涉面广，既要保留街巷肌理，又要改善居民生活条件，这是很多城市都面临的共同难题。",
    "详见报告第3页的数据汇总表。",
    "调查显示，超过七成居民希望在原址改造，而不是整体搬迁，这给规划部门提出了更高的要求。",
]


def test_position_and_pager_lines_are_removed_and_pages_harvested() -> None:
    doc = cleanpage.clean((CHROME / "pagination_1" / "input.txt").read_text(encoding="utf-8"), kind="text")
    removed = {r.text: r.rule for r in doc.removed if r.detector == "pagination"}
    assert removed == {"第 2 页 / 共 4 页": "C13.position", "上一页 1 2 3 4 下一页": "C13.pager"}
    assert doc.metadata.pages == {"current": 2, "total": 4}
    assert "点击“下一页”继续填写表单。" in doc.text.splitlines()


def test_traditional_position_line_states_current_and_total() -> None:
    text = "\n".join(["老城區改造的三個難題", *BODY, "第 3 頁，共 5 頁"])
    doc = cleanpage.clean(text, kind="text")
    assert [(r.rule, r.text) for r in doc.removed if r.detector == "pagination"] == [("C13.position", "第 3 頁，共 5 頁")]
    assert doc.metadata.pages == {"current": 3, "total": 5}


def test_a_pager_with_a_trailing_ellipsis_states_no_total() -> None:
    doc = cleanpage.clean("\n".join(["老城区改造的三个难题", *BODY, "上一页 1 2 3 … 下一页"]), kind="text")
    assert [r.rule for r in doc.removed if r.detector == "pagination"] == ["C13.pager"]
    assert doc.metadata.pages is None


def test_per_page_title_list_is_removed_without_inventing_a_total() -> None:
    lines = [f"城市更新调研报告_第{n}页" for n in (1, 2, 3)]
    # The title detector reads the same list for the headline; without it, the list is pagination's.
    doc = clean_without("\n".join([*lines, *BODY]), "title", kind="text")
    assert [r.text for r in doc.removed if r.rule == "C13.page_titles"] == lines
    assert doc.metadata.pages is None


def test_numeric_rows_inside_the_body_are_kept() -> None:
    text = "\n".join(["老城区改造的三个难题", BODY[0], "1 2 3 4 5", BODY[2]])
    doc = cleanpage.clean(text, kind="text")
    assert "1 2 3 4 5" in doc.text.splitlines()
