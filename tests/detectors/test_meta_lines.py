"""C03 meta lines: label/value lines in other layouts go after harvesting; interviews, notices and datelines stay."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanpage
from cleanpage.detectors._labels import BYLINE_BARE, LABELS
from cleanpage.detectors.meta_lines import ORIGINAL_TITLE_MARK, _may_be_size_buttons, _size_button_count
from cleanpage.shadow import features
from detector_isolation import clean_without


def _meta(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "meta_lines"}


def test_glued_pairs_with_full_width_digits_are_split_and_typed(kit: SimpleNamespace) -> None:
    line = "发布时间：２０２３年１１月０８日　０９：４５来源：省发展改革委浏览量：1.2万"
    doc = cleanpage.clean(kit.page(title_area=[line]), kind="text")
    assert line in _meta(doc)
    assert doc.metadata.published == "2023-11-08T09:45"
    assert doc.metadata.source == "省发展改革委"
    assert doc.metadata.views == 12000
    assert doc.text.splitlines() == kit.BODY


@pytest.mark.parametrize(("line", "source", "author", "published"), [
    ("来源：河南日报　作者：王小明　2008-03-12 09:21:33", "河南日报", "王小明", "2008-03-12T09:21"),
    ("来源：河南日报 2008-03-12 09:21", "河南日报", None, "2008-03-12T09:21"),
    ("2003年11月20日 08:47　来源：泾州晚报　【大 中 小】", "泾州晚报", None, "2003-11-20T08:47"),  # a glued font tool
])
def test_an_unlabelled_date_that_ends_a_labelled_line_is_its_dateline(kit: SimpleNamespace, line: str, source: str,
                                                                     author: str | None, published: str) -> None:
    doc = cleanpage.clean(kit.page(title_area=[line]), kind="text")
    assert line in _meta(doc)
    assert (doc.metadata.source, doc.metadata.author, doc.metadata.published) == (source, author, published)
    assert doc.text.splitlines() == kit.BODY


def test_traditional_meta_block_with_brackets_and_bars(kit: SimpleNamespace) -> None:
    lines = ["【來源：聯合新聞網】【作者：王小明、李大華】", "更新時間｜2024/03/02 下午 02:15", "點閱數：3,208", "（責任編輯：陳美玲）"]
    doc = cleanpage.clean(kit.page(title_area=lines[:3], tail=lines[3:]), kind="text")
    assert set(_meta(doc)) == set(lines)
    assert doc.metadata.source == "聯合新聞網"
    assert doc.metadata.authors == ["王小明", "李大華"]
    assert doc.metadata.updated == "2024-03-02T14:15"
    assert doc.metadata.published == "2024-03-02T14:15"  # only an update time is shown
    assert doc.metadata.views == 3208
    assert doc.metadata.editors == ["陳美玲"]
    assert doc.metadata.author == "王小明 李大華"
    assert doc.text.splitlines() == kit.BODY


def test_bare_date_line_and_bracketed_counters_under_the_headline(kit: SimpleNamespace) -> None:
    lines = ["民國112年12月1日（星期五）上午 10:05", "发表于 2023-08-12 21:40 | 阅读(356) | 评论(4)"]
    doc = cleanpage.clean(kit.page(title_area=lines[:1]), kind="text")
    assert _meta(doc) == {lines[0]: "C03.published"}
    assert doc.metadata.published == "2023-12-01T10:05"
    doc = clean_without(kit.page(title_area=lines[1:]), "self_media", kind="text")  # it claims blog stats first
    assert _meta(doc) == {lines[1]: "C03.comments"}
    assert doc.metadata.published == "2023-08-12T21:40"
    assert doc.metadata.views == 356
    assert doc.metadata.extra["comments"] == 4


@pytest.mark.parametrize(("byline", "source", "author"), [
    ("聯合報／記者王大明／台北報導", "聯合報", "王大明"),
    ("中央社記者陳怡君台北／綜合報導", None, None),  # the place sits before the slash: not this grammar
    ("記者 林小華／新竹報導", None, "林小華"),
    ("本报记者 张晓燕/北京报道", None, "张晓燕"),
])
def test_outlet_reporter_place_bylines(kit: SimpleNamespace, byline: str, source: str | None, author: str | None) -> None:
    doc = cleanpage.clean(kit.page(title_area=[byline]), kind="text")
    assert doc.metadata.source == source
    assert doc.metadata.author == author
    assert (byline in _meta(doc)) == (author is not None)


def test_staff_codes_padded_names_and_wire_date_codes_are_not_names(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["责任编辑：钟 齐_NBJ11279", "（編輯：李淑華）1130724"]), kind="text")
    assert doc.metadata.editors == ["钟齐", "李淑華"]
    assert doc.text.splitlines() == kit.BODY


def test_a_bare_counter_under_the_headline_is_removed(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=["0", "举报"]), kind="text")
    assert _meta(doc).get("0") == "C03.counter"
    assert doc.text.splitlines() == kit.BODY


def test_interviews_notices_bibliographies_and_datelines_are_kept(kit: SimpleNamespace) -> None:
    traps = ["记者：您如何看待今年的营商环境评价结果？", "时间：2024年3月15日（周五）14:30 地点：市民中心三楼报告厅",
             "作者：鲁迅 出版社：人民文学出版社 出版时间：1973年3月"]
    dateline = "新华社台北3月5日电（记者 陈键兴 刘斐）台湾地区今年以来物价持续上涨，民众生活压力加大。"
    doc = cleanpage.clean(kit.page(body_insert=traps).replace(kit.BODY[0], dateline + kit.BODY[0][3:]), kind="text")
    assert _meta(doc) == {}
    assert doc.text.splitlines()[1:4] == traps
    assert doc.text.splitlines()[0].startswith("新华社台北3月5日电（记者 陈键兴 刘斐）")
    assert doc.metadata.authors == ["陈键兴", "刘斐"]


def test_a_signing_date_at_the_end_of_a_notice_is_kept() -> None:
    text = "\n".join([
        "关于春节期间烟花爆竹燃放管理的通告",
        "为保障人民群众生命财产安全，根据有关法律法规规定，现就春节期间烟花爆竹燃放管理有关事项通告如下。",
        "一、市区外环线以内区域全年禁止燃放烟花爆竹，外环线以外区域在规定时段内可以燃放。",
        "二、对违反本通告规定的，由公安机关依法予以处罚；构成犯罪的，依法追究刑事责任。",
        "市公安局",
        "2024年1月20日",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.text.splitlines()[-2:] == ["市公安局", "2024年1月20日"]
    assert doc.metadata.published is None


def test_end_of_article_bylines_give_the_author(kit: SimpleNamespace) -> None:
    tail = ["采写：南都记者 林子沛", "（文/图 刘玺东 易赛楠）", "原标题：长江流域今年首场大范围降雨明起来袭，沿线城市提前部署"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert set(_meta(doc)) == set(tail)
    assert doc.metadata.authors == ["林子沛", "刘玺东", "易赛楠"]
    assert doc.metadata.original_title == "长江流域今年首场大范围降雨明起来袭，沿线城市提前部署"
    assert doc.text.splitlines() == kit.BODY


def test_an_original_title_line_inside_the_body_is_still_removed(kit: SimpleNamespace) -> None:
    line = "原标题：全市优化营商环境工作推进会召开，三万户新增市场主体受益"
    doc = cleanpage.clean(kit.page(body_insert=[line]), kind="text")
    assert line in _meta(doc)
    assert doc.text.splitlines() == kit.BODY


def test_every_original_title_label_holds_the_mark_body_lines_are_screened_for() -> None:
    # Body lines without a colon or this mark are passed over unparsed: a new label must keep it.
    assert all(ORIGINAL_TITLE_MARK in label for label in LABELS["original_title"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "a+", "a-", "t", "t+", "大", "中", "小", "特大", "较大", "放大", "缩小", "正常", "默认", "标准",
                                 " ", "[", "]", "【", "】", "(", ")", "x", "字号", "号"]), min_size=1, max_size=6))
def test_size_button_screen_never_hides_a_button_line(pieces: list[str]) -> None:
    shadow = "".join(pieces)
    if _size_button_count(shadow):
        assert _may_be_size_buttons(features(shadow))


def test_an_event_time_inside_the_body_stays(kit: SimpleNamespace) -> None:
    event = ["讲座主题：城市更新中的历史街区保护", "主讲人：陈思远 研究员", "时间：2025年4月18日（周五）下午3:00", "日期：2025-04-18"]
    doc = cleanpage.clean(kit.page(body_insert=event), kind="text")
    for line in event[2:]:
        assert line in doc.text.splitlines()
    assert doc.metadata.published is None or not doc.metadata.published.startswith("2025-04-18")
    assert cleanpage.clean(kit.page(title_area=["时间：2025-04-20 09:00"]), kind="text").metadata.published == "2025-04-20T09:00"


def test_a_bulleted_byline_saying_what_the_reporter_made_is_harvested_and_a_photo_credit_is_not_a_byline(
        kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=["■ 津沽晚报记者 孟凡 文/图"]), kind="text")
    assert _meta(doc) == {"■ 津沽晚报记者 孟凡 文/图": "C03.byline"}
    assert (doc.metadata.author, doc.metadata.source) == ("孟凡", "津沽晚报")
    assert BYLINE_BARE.match("记者 孟凡 摄") is None  # what a photographer made is no byline's

