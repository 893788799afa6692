"""The listings of a page: lists of other pages, each item led by a title linked to its page (segment/listing.py),
and the page they make a list (segment/page_type.py)."""

from __future__ import annotations

import cleanpage
from cleanpage.segment.html import parse_html
from cleanpage.segment.listing import in_listed_item, listed_items

EXCERPT = "空气炸锅做出来的薯条到底健不健康？我家用了半年，说说真实感受，少油是真的，但也不能天天吃。"
ARTICLE = ["记者从市交通运输局获悉，为配合地铁七号线主体结构施工，湘府路将于本月十二日起分阶段实施围挡，施工周期一百二十天。",
           "围挡期间，该路段双向各保留两条机动车道，非机动车和行人通行不受影响，公交线路暂不调整。",
           "交警部门提醒，施工期间途经该路段的车辆请减速慢行，早晚高峰可提前绕行其他道路。"]


def _results(count: int = 8, lead: str = "") -> str:
    return "".join(f'<li class="result"><h3>{lead}<a href="/thread-{n}-1-1.html">空气炸锅用了半年的真实感受 第{n}帖</a></h3>'
                   f'<p class="excerpt">{EXCERPT}</p><p class="meta">作者：用户{n} 回复 {n} 查看 {n * 10}</p></li>'
                   for n in range(count))


def _page(body: str, head: str = "") -> str:
    return (f"<html><head><title>搜索结果</title>{head}</head><body><div class='nav'><a href='/'>首页</a> "
            f"<a href='/forum'>论坛</a></div>{body}<div class='footer'>关于我们 | 联系我们</div></body></html>")


def test_search_results_with_excerpts_are_a_listing_and_the_page_a_list_with_an_empty_body() -> None:
    tree = parse_html(_page(f"<h1>“空气炸锅”的搜索结果</h1><ul class='results'>{_results()}</ul>"))
    assert tree is not None
    items = listed_items(tree)
    assert len(items) == 8 and all(item.get("class") == "result" for item in items)
    excerpt = next(node for node in tree.iter("p") if node.get("class") == "excerpt")
    assert in_listed_item(excerpt, items)
    doc = cleanpage.clean(_page(f"<h1>“空气炸锅”的搜索结果</h1><ul class='results'>{_results()}</ul>"))
    assert (doc.metadata.page_type, doc.text) == ("list", "")
    assert any("index" in warning for warning in doc.warnings)
    assert any(EXCERPT in removal.text for removal in doc.removed)  # every excerpt accounted for


def test_an_item_led_by_a_tag_before_its_title_is_led_by_the_title() -> None:
    tree = parse_html(_page(f"<ul>{_results(lead='[置顶] ')}</ul>"))
    assert tree is not None and len(listed_items(tree)) == 8


def test_comments_led_by_their_writers_and_permalinks_to_one_page_are_no_listing() -> None:
    comments = "".join(f'<div class="comment"><a href="/user/{n}">读者{n}号</a>：{EXCERPT}</div>' for n in range(8))
    permalinks = "".join(f'<div class="c"><a href="show_bug.cgi?id=18#c{n}">Comment {n} on the bug</a> {EXCERPT}</div>'
                         for n in range(8))
    for body in (comments, permalinks):
        tree = parse_html(_page(f"<div>{body}</div>"))
        assert tree is not None and listed_items(tree) == set()


def test_a_paragraphs_links_and_a_pages_sections_are_no_listing() -> None:
    links = "".join(f'<a href="https://site{n}.example/">https://site{n}.example/page</a> 的说明，' for n in range(8))
    sections = ("".join(f'<div><a href="/menu{n}">栏目导航第{n}项</a> 其他链接</div>' for n in range(5))
                + "<div>" + "".join(f"<p>{line}</p>" for line in ARTICLE * 6) + "</div>")
    for body in (f"<div><p>{links}</p></div>", f"<div>{sections}</div>"):
        tree = parse_html(_page(body))
        assert tree is not None and not any(item.findall(".//p") for item in listed_items(tree))


def test_an_article_above_a_feed_of_teasers_with_summaries_stays_an_article() -> None:
    body = (f"<h1>湘府路本月起分阶段围挡施工</h1><div class='article'>{''.join(f'<p>{line}</p>' for line in ARTICLE)}</div>"
            f"<ul class='feed'>{_results()}</ul>")
    doc = cleanpage.clean(_page(body))
    assert doc.metadata.page_type == "article"
    assert doc.text.splitlines()[:3] == ARTICLE


def test_a_page_declaring_itself_an_article_keeps_its_list_of_links() -> None:
    head = '<meta property="og:type" content="article">'
    doc = cleanpage.clean(_page(f"<h1>本周值得一读的帖子</h1><ul class='results'>{_results()}</ul>", head))
    assert doc.metadata.page_type != "list" and EXCERPT in doc.text
