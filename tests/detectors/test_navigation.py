"""C02 navigation: menus, account and accessibility bars and footer link rows go; instructions and sentences stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _nav(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "navigation"}


def test_head_bars_and_footer_rows_are_removed(kit: SimpleNamespace) -> None:
    head = ["無障礙 ｜ 簡體 ｜ English", "登入 / 註冊", "新闻  国内  国际  财经  体育  娱乐  教育"]
    footer = ["关于我们 · 联系我们 · 网站地图 · 隐私政策", "回頁首"]
    doc = cleanpage.clean(kit.page(head=head, footer=footer), kind="text")
    removed = _nav(doc)
    assert set(removed) == {*head, *footer}
    assert removed["回頁首"] == "C02.utility"
    assert removed["新闻  国内  国际  财经  体育  娱乐  教育"] == "C02.menu"
    assert doc.text.splitlines() == kit.BODY


def test_a_vertical_menu_in_the_head_is_removed(kit: SimpleNamespace) -> None:
    head = ["首頁", "政治", "兩岸", "國際", "生活"]
    doc = cleanpage.clean(kit.page(head=head), kind="text")
    assert set(_nav(doc)) == set(head)
    assert set(_nav(doc).values()) <= {"C02.vertical_menu", "C02.utility"}


def test_hong_kong_footer_wordings_are_a_link_row(kit: SimpleNamespace) -> None:
    row = "私隱政策 | 使用條款 | 聯絡我們"
    doc = cleanpage.clean(kit.page(footer=[row]), kind="text")
    assert _nav(doc) == {row: "C02.menu"}


def test_instructions_and_a_channel_word_in_the_body_are_kept(kit: SimpleNamespace) -> None:
    traps = ["登录", "点击右上角“登录”后，即可在个人中心查看办理进度。", "体育"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _nav(doc) == {}
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]
