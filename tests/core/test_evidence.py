"""evidence.plausible: what a candidate must be before it can win a metadata field."""

from __future__ import annotations

from datetime import date

import pytest

import cleanpage
from cleanpage.evidence import plausible

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(("value", "ok"), [("2019-03-01", True), ("1998-03", True), ("2026-12-08T01:00", True),
                                           ("2027-01-05", False), ("1970-01-01", False), ("2019-02-30", False)])
def test_a_date_is_a_real_day_between_the_first_web_pages_and_tomorrow(value: str, ok: bool) -> None:
    assert plausible("published", value, TODAY) is ok


@pytest.mark.parametrize(("value", "ok"), [("新华网", True), ("市卫生健康委员会办公室", True),
                                           ("转载文章 第1页/共1页 <‹ 上一页 | 下一页 >>", False), ("下一页", False),
                                           ("本文转载自网络，如有侵权请联系本站删除，谢谢大家的理解与支持", False)])
def test_a_source_is_an_outlet_never_navigation_or_a_sentence(value: str, ok: bool) -> None:
    assert plausible("source", value) is ok


def test_a_breadcrumb_made_of_a_pager_is_no_breadcrumb() -> None:
    assert plausible("breadcrumb", ["网站首页", "新闻中心", "正文"])
    assert not plausible("breadcrumb", ["<‹ 上一页", "下一页 >>"])


def test_a_pager_after_a_source_label_never_becomes_the_source() -> None:
    text = ("关于开展安全生产大检查的通知\n来源：转载文章 第1页/共1页 <‹ 上一页 | 下一页 >>\n"
            "各区县安全生产委员会，市直有关部门：为深入贯彻落实安全生产工作部署，决定在全市开展安全生产大检查。\n"
            "请各单位高度重视，认真组织，确保检查工作取得实效，并于本月底前报送检查情况。\n")
    doc = cleanpage.clean(text.encode(), kind="text")
    assert doc.metadata.source is None


def test_two_dates_of_one_day_keep_the_time_the_page_shows_whichever_wins() -> None:
    from cleanpage.evidence import Evidence

    later_time = Evidence()
    later_time.offer("published", "2024-01-10", "label (发布日期)", "发布日期 2024-01-10", 0.85)
    assert later_time.offer("published", "2024-01-10T16:20", "label (发布时间)", "发布时间：2024-01-10 16:20", 0.85)
    assert later_time["published"].value == "2024-01-10T16:20"
    assert later_time["published"].confidence == 0.85
    earlier_time = Evidence()
    earlier_time.offer("published", "2024-01-10T16:20", "label (发布时间)", "", 0.5)
    earlier_time.offer("published", "2024-01-10", "label (发布日期)", "", 0.9)  # the surer day keeps the time
    assert earlier_time["published"].value == "2024-01-10T16:20"
    # a time only a tag holds is not shown: the date stays at the precision the page shows
    tagged = Evidence()
    tagged.offer("published", "2016-11-22", "label (发布日期)", "", 0.85)
    tagged.offer("published", "2016-11-22T09:53", "meta publishdate", "", 0.7, shown=False)
    assert tagged["published"].value == "2016-11-22"
    another_day = Evidence()
    another_day.offer("published", "2016-11-22", "label", "", 0.85)
    another_day.offer("published", "2016-11-23T09:53", "label", "", 0.5)
    assert another_day["published"].value == "2016-11-22"
