"""segment.html rules on small pages: stray document ends, comment and recommendation widgets, link lists,
one-paragraph containers."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import cleanpage
from cleanpage.document import Block
from cleanpage.segment.density import densest_container
from cleanpage.segment.html import (
    AUTHOR_BOX_WIDGET,
    RECOMMENDATION_WIDGET,
    _drop_related_sections,
    _drop_teaser_lists,
    _drop_trailing_link_lists,
    _drop_widget_sections,
    parse_html,
)
from cleanpage.segment.page_blocks import segment_page

SNIPPETS = Path(__file__).parent.parent / "fixtures" / "html" / "snippets"


def _clean(name: str) -> cleanpage.Document:
    return cleanpage.clean((SNIPPETS / name).read_bytes())


def test_an_early_html_end_tag_does_not_hide_the_article_after_it() -> None:
    doc = _clean("stray_html_end.html")
    assert "会议决定，批准财政部发行特别国债，调整年末国债余额限额。" in doc.text


def test_reader_comments_after_the_article_are_dropped_and_recorded() -> None:
    doc = _clean("comment_widget.html")
    assert "这需要龙湖给投资者作一个交代，也需要监管部门进一步核查。" in doc.text
    assert "肉烂在锅里" not in doc.text and "审计员" not in doc.text
    recorded = {r.text: r.reason for r in doc.removed if r.detector == "content"}
    reason = next(reason for text, reason in recorded.items() if "审计员" in text)
    assert "markup" in reason.split("against")[1].split(";")[0]  # the comment widget's class words voted it out


def _source_blocks(name: str) -> tuple[list[Block], dict[int, etree._Element | None]]:
    """Blocks of a snippet's whole page with their source elements, as the segmentation yields them."""
    tree = parse_html((SNIPPETS / name).read_text(encoding="utf-8"))
    assert tree is not None
    items = [item for item in segment_page(tree) if item.kind != "image"]
    blocks = [Block(item.text, item.kind, index, None, None, None) for index, item in enumerate(items)]
    return blocks, {id(block): item.element for block, item in zip(blocks, items)}


def test_a_recommendation_widget_after_the_article_goes_with_its_title_and_weak_tail() -> None:
    blocks, elements = _source_blocks("recommend_widget.html")
    removed = _drop_widget_sections(blocks, elements, RECOMMENDATION_WIDGET)
    kept = [block.text for block in blocks]
    assert kept[-1] == "业内人士认为，随着稳外贸政策落地，四季度港口生产有望继续保持平稳。"
    assert {"热门推荐", "多地出台稳就业新举措", "12,345", "扫码关注官方账号"} <= {r.text for r in removed}
    assert all(r.rule == "html.related_section" for r in removed)


def test_an_article_inside_a_container_named_like_a_widget_is_not_dropped() -> None:
    blocks, elements = _source_blocks("recommend_widget.html")
    first_paragraph = elements[id(blocks[1])]
    assert first_paragraph is not None and first_paragraph.getparent() is not None
    first_paragraph.getparent().set("class", "related-article")
    assert _drop_widget_sections(blocks, elements, RECOMMENDATION_WIDGET) == []


def test_a_link_list_followed_by_footer_lines_is_still_a_trailing_list() -> None:
    blocks, elements = _source_blocks("link_list_before_footer.html")
    removed = _drop_trailing_link_lists(blocks, elements)
    assert blocks[-1].text == "市民可以通过官方网站查询各公园的具体开放时间和入园须知。"
    assert [r.text for r in removed] == ["推荐阅读", "全市新增三处口袋公园", "滨江绿道二期年底贯通", "夏季游园安全提示",
                                         "植物园举办荷花展", "新闻客户端", "微信公众号"]


def test_a_link_list_followed_by_prose_is_part_of_the_article() -> None:
    blocks, elements = _source_blocks("link_list_before_footer.html")
    blocks.append(Block("园林局提醒，游园时请爱护花草树木，文明游园。", "paragraph", len(blocks), None, None, None))
    assert _drop_trailing_link_lists(blocks, elements) == []


def test_a_paragraph_per_section_widens_to_the_article_container() -> None:
    tree = parse_html((SNIPPETS / "section_per_paragraph.html").read_text(encoding="utf-8"))
    assert tree is not None
    container = densest_container(tree, segment_page(tree))
    assert container is not None and container.element.get("id") == "js_content"
    doc = _clean("section_per_paragraph.html")
    assert len(doc.text.splitlines()) == 5


def test_an_old_layout_table_portal_keeps_the_article_and_explains_every_other_line() -> None:
    doc = _clean("old_portal_gbk.html")
    assert doc.text.splitlines() == [
        "5月11日，市长张三主持召开市政府常务会议，研究部署当前经济工作和安全生产工作。会议听取了一季度全市经济运行情况的汇报。",
        "会议指出，今年以来全市经济保持平稳较快发展，但也面临不少困难和问题，各地各部门要进一步增强忧患意识。",
        "会议强调，要切实抓好安全生产工作，坚决遏制重特大事故发生，确保人民群众生命财产安全。",
    ]
    metadata = doc.metadata
    assert (metadata.title, metadata.published, metadata.source, metadata.author) == (
        "市政府召开常务会议", "2008-05-12", "市政府办公室", "王明")
    assert metadata.page_type == "article" and metadata.encoding == "gb18030"
    removed = {r.text for r in doc.removed}
    assert {"发送给朋友 发表评论 打印本文", "返回页首 | 关闭窗口", "热点新闻", "我市举办春季招聘会"} <= removed
    assert any(text.startswith("著作权声明") for text in removed)


def test_dom_paths_are_lxmls_getpath_remembered() -> None:
    import random

    import lxml.html

    from cleanpage.segment.html import DomPaths

    pieces = ["<p>x</p>", "<div><p>a</p><span>b</span><p>c</p></div>", "<!-- c -->", "<span>s</span>", "<table><tr><td>t</td></tr></table>"]
    html = "<html><body>" + "".join(random.Random(7).choice(pieces) for _ in range(300)) + "</body></html>"
    tree = lxml.html.document_fromstring(html)
    roottree, paths = tree.getroottree(), DomPaths()
    elements = [element for element in tree.iter() if isinstance(element.tag, str)]
    assert [paths.of(element) for element in reversed(elements)] == [roottree.getpath(element) for element in reversed(elements)]


def test_an_author_biography_box_after_the_article_goes_but_never_an_article_inside_one() -> None:
    blocks, elements = _source_blocks("author_box.html")
    removed = _drop_widget_sections(blocks, elements, AUTHOR_BOX_WIDGET)
    assert [r.text for r in removed] == ["张明远，资深财经记者，长期关注港口与航运业，著有《港口经济十讲》。"]
    assert all(r.rule == "html.author_box" for r in removed)
    assert blocks[-1].text.startswith("业内人士认为")
    # a page whose article sits inside a container named for a biography keeps it: nothing comes before it
    blocks, elements = _source_blocks("author_box_only.html")
    assert _drop_widget_sections(blocks, elements, AUTHOR_BOX_WIDGET) == []


def test_small_post_like_items_inside_an_article_do_not_make_it_a_thread() -> None:
    # three short dated items with user links (a quoted exchange), then the article's own paragraphs
    items = "".join(f'<div class="item"><a href="/user/{n}">网友{n}</a> 2023-06-0{n} 10:0{n}<p>说得好{n}</p></div>'
                    for n in range(1, 4))
    paragraphs = "".join(f"<p>{text}</p>" for text in [
        "记者从市人社局获悉，今年我市将进一步加大高校毕业生就业补贴力度，符合条件的毕业生可申请一次性补贴。",
        "据介绍，补贴对象为毕业两年内的高校毕业生，申请人需在本市参加社会保险满六个月，并提供相关证明材料。",
        "同时，市人社局还将举办系列招聘活动，组织三百余家用人单位提供岗位，涵盖制造、信息技术和服务等行业。",
        "市人社局相关负责人表示，下一步将持续优化办事流程，让更多毕业生尽快享受到政策红利，实现稳定就业。"])
    page = (f"<html><body><div class='nav'><a href='/'>首页</a></div><div class='article'><h1>我市加大就业补贴力度</h1>"
            f"<div class='box2'>{items}</div>{paragraphs}</div></body></html>")
    doc = cleanpage.clean(page)
    assert doc.metadata.page_type == "article" and not doc.posts
    assert "市人社局相关负责人表示" in doc.text and "同时，市人社局还将举办" in doc.text
    assert any("post-like items" in warning for warning in doc.warnings)


def test_an_app_shell_page_gives_the_article_its_embedded_data_holds_with_a_warning() -> None:
    import json

    paragraphs = ["记者从市人社局获悉，今年我市将进一步加大高校毕业生就业补贴力度，符合条件的毕业生可申请一次性补贴。",
                  "据介绍，补贴对象为毕业两年内的高校毕业生，申请人需在本市参加社会保险满六个月，并提供相关证明材料。",
                  "同时，市人社局还将举办系列招聘活动，组织三百余家用人单位提供岗位，涵盖制造、信息技术和服务等行业。",
                  "市人社局相关负责人表示，下一步将持续优化办事流程，让更多毕业生尽快享受到政策红利，实现稳定就业。"]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "我市加大就业补贴力度",
            "articleBody": "\n".join(paragraphs)}
    page = (f'<html><head><script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script></head>'
            '<body><div id="app"><p>请启用浏览器的脚本功能后再访问本页。</p></div></body></html>')
    doc = cleanpage.clean(page)
    assert all(paragraph in doc.text for paragraph in paragraphs)
    assert any("embedded" in warning for warning in doc.warnings)
    # the same data beside the article printed on the page adds nothing: the page's own text is judged as usual
    shown = page.replace("<p>请启用浏览器的脚本功能后再访问本页。</p>", "".join(f"<p>{p}</p>" for p in paragraphs))
    assert not any("embedded" in warning for warning in cleanpage.clean(shown).warnings)


def _blocks_of(html: str) -> tuple[list[Block], dict[int, etree._Element | None]]:
    tree = parse_html(html)
    assert tree is not None
    items = [item for item in segment_page(tree) if item.kind != "image"]
    blocks = [Block(item.text, item.kind, index, links=item.links) for index, item in enumerate(items)]
    return blocks, {id(block): item.element for block, item in zip(blocks, items)}


ARTICLE_P = "<p>金石财经4月12日电，南州港集团发布公告称，今年一季度完成集装箱吞吐量386.2万标准箱，同比增长12.6%。</p>"
RELATED = ('<div class="box"><h3>{heading}</h3>'
           '<div class="rel-item"><h4><a href="/detail/1648210">南州港集团：3月集装箱吞吐量同比增长15.1%</a></h4>'
           '<p>公司3月完成集装箱吞吐量138.4万标准箱，同比增长15.1%。</p></div>'
           '<div class="rel-item"><h4><a href="/detail/1647833">多家港口公布一季度数据 外贸集装箱量增势明显</a></h4>'
           '<p>据不完全统计，已有6家沿海港口上市公司公布一季度生产数据。</p></div></div>')


def test_a_section_a_related_heading_names_goes_with_its_linked_titles_and_their_summaries() -> None:
    page = f"<html><body><h1>南州港一季度吞吐量增长</h1><div class='content'>{ARTICLE_P}</div>{RELATED}</body></html>"
    for heading in ("相关快讯", "相關新聞", "猜你喜欢", "相关阅读 更多>>"):
        blocks, elements = _blocks_of(page.format(heading=heading))
        removed = _drop_related_sections(blocks, elements)
        assert [block.text for block in blocks] == ["南州港一季度吞吐量增长", ARTICLE_P[3:-4]], heading
        assert {r.rule for r in removed} == {"html.related_section"} and len(removed) == 5
    # a heading that is no related one, a section without links, or one holding the article: nothing goes
    for changed in (page.format(heading="一季度数据"), page.format(heading="相关快讯").replace('href="/detail/', 'href="#'),
                    f"<html><body><div class='box'><h3>相关快讯</h3>{ARTICLE_P}{RELATED.format(heading='')}</div></body></html>"):
        blocks, elements = _blocks_of(changed)
        assert _drop_related_sections(blocks, elements) == []


def test_a_section_a_comments_heading_names_goes_with_its_comments() -> None:
    comments = ('<div class="card"><h3>评论（3）</h3><p><b>吃货阿南</b>：海棠糕必须是观前街那家！<br><small>03-09 12:41</small></p>'
                '<p><b>陌上花开</b>：十种里吃过八种，下次一定试试。<br><small>03-09 14:05</small></p></div>')
    blocks, elements = _blocks_of(f"<html><body><h1>苏州糕点</h1><div class='content'>{ARTICLE_P}</div>{comments}</body></html>")
    removed = _drop_related_sections(blocks, elements)
    assert [block.text for block in blocks] == ["苏州糕点", ARTICLE_P[3:-4]] and len(removed) == 5
    # a comments heading with nothing under it is left to the text detectors
    blocks, elements = _blocks_of(f"<html><body><div class='content'>{ARTICLE_P}</div><div><h3>网友评论</h3></div></body></html>")
    assert _drop_related_sections(blocks, elements) == []


TEASERS = "".join(f'<div class="rel-item"><h4><a href="/shenghuo/{n}.html">{title}</a></h4><p>{summary}</p></div>' for n, (title, summary) in
                  enumerate([("全市森林防火形势严峻", "市政务服务中心推出帮办代办服务，全程协助。"),
                             ("高速服务区新增充电桩", "各乡镇抢抓晴好天气组织夏收，机收率过九成。"),
                             ("公积金贷款政策调整", "本周后期我市将迎来一次明显降雨，注意防范。")]))


def test_titles_linked_whole_over_their_summaries_after_the_article_are_a_teaser_list() -> None:
    article = "".join(f"<p>{text}</p>" for text in ("海棠糕是苏州的传统点心。", "定胜糕松软香甜，寓意吉祥。", "酒酿饼只在春天出售。", "橘红糕小巧玲珑。"))
    page = f"<html><body><h1>苏州十大糕点</h1><div class='content'>{article}</div><div class='card'><h3>生活资讯</h3>{TEASERS}</div></body></html>"
    blocks, elements = _blocks_of(page)
    removed = _drop_teaser_lists(blocks, elements)
    assert [block.text for block in blocks][-1] == "橘红糕小巧玲珑。" and {r.rule for r in removed} == {"html.teaser_list"}
    # subheadings that are not links, or a page made of such boxes (more sentences in them than elsewhere): kept
    blocks, elements = _blocks_of(page.replace('<a href="/shenghuo/', '<span data-href="').replace("</a>", "</span>"))
    assert _drop_teaser_lists(blocks, elements) == []
    blocks, elements = _blocks_of(page.replace(article, "<p>欢迎光临。</p>"))
    assert _drop_teaser_lists(blocks, elements) == []
    # ... unless the page shows its headline above that short text: a two-line notice beside a box of blurbs
    blocks, elements = _blocks_of(page.replace(article, "<p>欢迎光临。</p>"))
    assert {r.rule for r in _drop_teaser_lists(blocks, elements, headed=True)} == {"html.teaser_list"}
    # items whose title is a link in bold inside a list item, the summary under it, are teasers too
    items = (TEASERS.replace('<div class="rel-item"><h4>', "<li>").replace("</h4><p>", "<p>").replace("</p></div>", "</p></li>")
             .replace('.html">', '.html"><b>').replace("</a>", "</b></a>"))
    blocks, elements = _blocks_of(page.replace(TEASERS, f"<ul>{items}</ul>"))
    assert _drop_teaser_lists(blocks, elements) and [block.text for block in blocks][-1] == "橘红糕小巧玲珑。"


def test_an_article_box_with_a_few_paragraphs_opening_on_a_link_is_no_teaser_list() -> None:
    linked = "".join(f'<p><a href="/people/{n}.html">{name}</a>，{text}</p>' for n, (name, text) in enumerate(
        [("王小明", "市人社局局长，介绍了新政策的背景和出台经过。"), ("李红", "市财政局副局长，说明了补贴资金的来源。"),
         ("张强", "一家中小企业负责人，讲述了企业招工的难处。")]))
    plain = "".join(f"<p>{text}</p>" for text in ("新政策自七月一日起施行，各区县同步开展宣传。", "企业可登录网上办事大厅提交申请材料。",
                                                  "审核通过后补贴在一个月内发放到企业账户。", "政策执行至今年年底，届时视效果决定是否延续。"))
    page = f"<html><body><h1>稳就业新政策发布</h1><div class='head'>{ARTICLE_P}</div><div class='body'>{linked}{plain}</div></body></html>"
    blocks, elements = _blocks_of(page)
    assert _drop_teaser_lists(blocks, elements, headed=True) == []


def test_a_related_section_goes_even_when_its_heading_was_not_kept() -> None:
    page = f"<html><body><h1>南州港一季度吞吐量增长</h1><div class='content'>{ARTICLE_P}</div>{RELATED.format(heading='推荐产品')}</body></html>"
    blocks, elements = _blocks_of(page)
    heading = next(block for block in blocks if block.text == "推荐产品")
    blocks.remove(heading)  # the scorer left it out; its items were kept
    _drop_related_sections(blocks, elements)
    assert [block.text for block in blocks] == ["南州港一季度吞吐量增长", ARTICLE_P[3:-4]]


def test_titles_and_summaries_as_sibling_pairs_are_a_teaser_list_too() -> None:
    pairs = "".join(f'<dt><a href="/art/{n}.html">{title}</a></dt><dd>{summary}</dd>' for n, (title, summary) in enumerate(
        [("图解：政务服务好差评工作方案", "方案明确，全县各级政务服务机构要在线上线下全面推行好差评，差评须一个工作日内回访。"),
         ("一图读懂优化营商环境三年行动方案", "行动方案提出，到2026年全县企业开办时间压缩至半个工作日以内。"),
         ("政策解读：延时服务有关问题答复", "县政务服务中心在工作日午间和周六上午设立综合受理窗口，办理高频事项。")]))
    page = (f"<html><body><div class='main'><h1>南州港一季度吞吐量增长</h1>{ARTICLE_P}</div>"
            f"<div class='side'><div class='rbox'><h3>政策解读</h3><dl>{pairs}</dl></div></div></body></html>")
    blocks, elements = _blocks_of(page)
    assert {r.rule for r in _drop_teaser_lists(blocks, elements, headed=True)} == {"html.teaser_list"}
    assert [block.text for block in blocks] == ["南州港一季度吞吐量增长", ARTICLE_P[3:-4]]


def test_the_short_lines_of_a_video_player_inside_the_article_go_and_the_article_stays() -> None:
    paragraphs = ["德国莱茵河水位持续上涨，科布伦茨水文站的水位六日晚已达到六点八米，超过通航警戒水位，预计八日将继续上涨。",
                  "当地航运部门表示，暂停通航期间，约两百艘货船滞留在沿岸港口，部分集装箱和散货运输受到影响。",
                  "德国内河航运协会负责人说，如果停航持续一周以上，可能对沿线化工、钢铁等企业的原料供应造成影响。"]
    player = ('<section class="video-module"><div class="video-box"><p class="video-tip">视频加载中，请稍候……</p></div>'
              '<p class="video-title">视频：莱茵河水位持续上涨 沿岸道路被淹</p></section>')
    page = (f"<html><body><h1>莱茵河水位上涨</h1><article><p>{paragraphs[0]}</p>{player}<p>{paragraphs[1]}</p>"
            f"<p>{paragraphs[2]}</p></article></body></html>")
    doc = cleanpage.clean(page)
    assert doc.text.splitlines() == paragraphs
    assert {r.rule for r in doc.removed if "视频" in r.text} == {"html.video_player"}



def test_english_teaser_cards_are_measured_in_words_not_letters() -> None:
    cards = "".join(f'<div class="card"><h4><a href="/news-releases/{n}.html">{title}</a></h4><p>{summary}</p></div>'
                    for n, (title, summary) in enumerate([
                        ("Lumenfield Robotics Appoints Dr. Yuna Park as Chief Technology Officer",
                         "Park joins from a warehouse automation company where she led vision-guided picking..."),
                        ("Lumenfield Robotics Opens European Service Hub in Venlo",
                         "The facility will support growers with spare parts, training and on-site service..."),
                        ("Lumenfield Robotics Reports Fourth Quarter and Full Year 2024 Results",
                         "Revenue grew 38% year over year to $61.2 million, the company said on Tuesday...")]))
    article = "".join(f"<p>{text}</p>" for text in (
        "Lumenfield Robotics today introduced the Tendril T2, a harvesting robot for greenhouse tomatoes.",
        "The T2 picks a truss in under nine seconds and works through the night without supervision.",
        "Deliveries to growers in Europe and North America begin in the third quarter of the year."))
    page = (f"<html><body><h1>Lumenfield Robotics Introduces Tendril T2</h1><div class='content'>{article}</div>"
            f"<section class='also-from'><h2>Also from this source</h2>{cards}</section></body></html>")
    blocks, elements = _blocks_of(page)
    removed = _drop_teaser_lists(blocks, elements, headed=True)  # the page shows its headline over the article
    assert {r.rule for r in removed} == {"html.teaser_list"} and not any("Venlo" in block.text for block in blocks)
