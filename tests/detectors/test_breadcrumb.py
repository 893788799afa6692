"""C01 breadcrumbs: location bars in other wordings and separators go and are harvested; UI paths in sentences stay."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import cleanpage


def _crumbs(doc: cleanpage.Document) -> list[str]:
    return [r.text for r in doc.removed if r.rule == "C01.breadcrumb"]


@pytest.mark.parametrize(("line", "path", "category"), [
    ("您现在所在的位置：网站首页 ＞ 新闻动态 ＞ 部门动态", ["网站首页", "新闻动态", "部门动态"], "部门动态"),
    ("当前位置 : 主页 -> 政务公开 -> 通知公告 -> 正文", ["主页", "政务公开", "通知公告", "正文"], "通知公告"),
    ("你的位置：首頁 » 港澳新聞 » 內容", ["首頁", "港澳新聞", "內容"], "港澳新聞"),
    ("首页 / 财经 / 宏观经济", ["首页", "财经", "宏观经济"], "宏观经济"),
    ("位置：首頁 → 本會動態", ["首頁", "本會動態"], "本會動態"),
])
def test_location_bars_in_the_head_are_removed_and_harvested(kit: SimpleNamespace, line: str, path: list[str],
                                                            category: str) -> None:
    doc = cleanpage.clean(kit.page(head=[line]), kind="text")
    assert _crumbs(doc) == [line]
    assert doc.metadata.breadcrumb == path
    assert doc.metadata.category == category
    assert doc.text.splitlines() == kit.BODY


def test_a_breadcrumb_ending_in_the_headline_names_the_channel_not_the_title(kit: SimpleNamespace) -> None:
    line = f"新闻中心 > 市政要闻 > {kit.TITLE}"
    doc = cleanpage.clean(kit.page(head=[line]), kind="text")
    assert _crumbs(doc) == [line]
    assert doc.metadata.category == "市政要闻"
    assert doc.metadata.title == kit.TITLE


def test_a_labelled_breadcrumb_in_the_tail_is_removed(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["当前位置：首页>>新闻中心>>图片新闻"]), kind="text")
    assert _crumbs(doc) == ["当前位置：首页>>新闻中心>>图片新闻"]
    assert doc.text.splitlines() == kit.BODY


def test_a_bar_menu_is_not_a_breadcrumb(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(head=["首页 | 要闻 | 民生 | 专题 | 视频"]), kind="text")
    assert _crumbs(doc) == []
    assert doc.metadata.breadcrumb == []


def test_ui_paths_and_comparisons_in_the_body_are_kept(kit: SimpleNamespace) -> None:
    traps = ["依次点击 设置 > 通用 > 关于本机，即可查看手机型号和系统版本。", "今年一季度，全市财政收入 > 支出，实现了收支平衡。",
             "首页改版后，市民可以在一个页面办理社保、公积金和户籍等业务。"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _crumbs(doc) == []
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]


MENU_PAGE = "\n".join([
    "某某大学教务处",
    "首页 | 学校概况 | 院系设置 | 通知公告 | 联系我们",
    "{path}",
    "关于2025年春季学期期末考试安排的通知",
    "发布时间：2025-06-03",
    "各学院：根据校历安排，2025年春季学期期末考试将于6月23日至7月4日进行，现将有关事项通知如下，请各学院认真组织。",
    "一、考试时间与地点以教务系统公布的考试安排为准，学生须携带学生证和身份证参加考试，迟到三十分钟不得入场。",
    "二、各学院要加强考风考纪教育，严格执行监考制度，对违纪作弊行为依规严肃处理，确保考试公平公正。",
])


def test_a_path_rooted_in_the_site_menu_is_a_breadcrumb() -> None:
    doc = cleanpage.clean(MENU_PAGE.format(path="通知公告 / 教务通知"), kind="text")
    assert "通知公告 / 教务通知" not in doc.text
    assert doc.metadata.category == "教务通知"
    assert doc.metadata.breadcrumb == ["通知公告", "教务通知"]


def test_a_two_step_path_not_rooted_in_a_menu_is_not_a_breadcrumb() -> None:
    doc = cleanpage.clean(MENU_PAGE.format(path="收入 / 支出"), kind="text")
    assert doc.metadata.category is None
    assert not [r for r in doc.removed if r.detector == "breadcrumb"]
