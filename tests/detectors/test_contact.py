"""C12 contact footers: organiser, tech-support and contact lines near a footer signal go; an event notice's stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _contact(doc: cleanpage.Document) -> list[str]:
    return [r.text for r in doc.removed if r.detector == "contact"]


def test_organiser_and_contact_lines_beside_a_filing_go_and_name_the_publisher(kit: SimpleNamespace) -> None:
    footer = ["主辦單位：臺南市政府文化局　維護單位：資訊中心", "地址：臺南市安平區永華路二段6號　電話：(06)299-1111",
              "网站标识码：4400000101", "技术支持：南方数据科技有限公司"]
    doc = cleanpage.clean(kit.page(footer=footer), kind="text")
    assert _contact(doc) == [footer[0], footer[1], footer[3]]
    assert doc.metadata.publisher == "臺南市政府文化局"
    assert doc.text.splitlines() == kit.BODY


def test_site_only_labels_go_without_another_signal(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(footer=["建议使用Chrome、Edge浏览器，1366×768以上分辨率浏览本站"]), kind="text")
    assert _contact(doc) == ["建议使用Chrome、Edge浏览器，1366×768以上分辨率浏览本站"]


def test_an_event_notice_and_a_company_address_without_footer_signals_are_kept(kit: SimpleNamespace) -> None:
    event = ["主办单位：市文化广电旅游局", "承办单位：市图书馆", "联系电话：0755-83456789"]
    doc = cleanpage.clean(kit.page(body_insert=event), kind="text")
    assert _contact(doc) == []
    assert doc.text.splitlines()[1:4] == event
    address = ["地址：深圳市南山区科技园南区高新南七道", "电话：0755-26712345"]
    doc = cleanpage.clean(kit.page(tail=address), kind="text")
    assert _contact(doc) == []
    assert doc.text.splitlines()[-2:] == address


def test_page_generation_statistics_go_wherever_they_stand_in_the_tail(kit: SimpleNamespace) -> None:
    stats = ["GMT+8, 2015-11-2 14:37 , Processed in 0.031 second(s), 9 queries .", "页面执行时间：0.052秒"]
    doc = cleanpage.clean(kit.page(footer=stats), kind="text")
    assert _contact(doc) == stats
    assert doc.text.splitlines() == kit.BODY


def test_a_sentence_about_processing_queries_is_not_page_statistics(kit: SimpleNamespace) -> None:
    line = "该系统每天处理数百万次查询，平均响应时间保持在0.3秒以内。"
    doc = cleanpage.clean(kit.page(tail=[line, "The cluster processed in 2020 more queries than ever."]), kind="text")
    assert _contact(doc) == []
    assert line in doc.text
