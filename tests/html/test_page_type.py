"""segment.page_type: the page's type, the confidence of the content choice and its warnings."""

from __future__ import annotations

import pytest

import cleanpage
from article_snippet import PAGE
from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import segment_page
from cleanpage.segment.page_type import Verdict, classify
from cleanpage.segment.scorer import Decision, decide
from cleanpage.segment.signals import PageContext


def _context(html: str) -> PageContext:
    tree = parse_html(html)
    assert tree is not None
    return PageContext(tree, segment_page(tree))


def _classify(html: str, posts: int = 0) -> Verdict:
    context = _context(html)
    return classify(context, decide(context), posts=posts)


ARTICLE = PAGE

LOGIN = """<html><head><title>提示信息 - 驴友论坛</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="alert_info"><p>抱歉，您尚未登录，无法进行此操作。请先登录后再访问。</p>
<p><a href="member.php?mod=logging&amp;action=login">登录</a> <a href="member.php?mod=register">立即注册</a></p></div>
</body></html>"""

NOT_FOUND = """<html><head><title>404 Not Found</title></head><body>
<h1>Not Found</h1><p>The requested URL was not found on this server.</p><hr><address>Apache Server at example.com</address>
</body></html>"""

LINK_ITEMS = ["国务院常务会议部署稳就业工作", "央行发布最新货币政策报告", "多地出台促消费新举措", "统计局公布五月经济数据",
              "教育部部署高考安全工作", "交通运输部发布假期出行提示", "商务部回应外贸形势", "住建部推进老旧小区改造",
              "水利部启动防汛应急响应", "农业农村部部署夏粮收购", "卫健委发布健康提示", "文旅部公布假期旅游数据",
              "工信部推动中小企业发展", "财政部下达专项资金", "气象局发布高温预警", "民政部加强养老服务",
              "生态环境部通报空气质量", "人社部发布就业数据"]
LIST_PAGE = """<html><head><title>国内新闻 - 新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/guonei">国内</a> <a href="/guoji">国际</a></div>
<h2>国内新闻</h2>
<ul class="news-list">
""" + "\n".join(f'<li><a href="/news/{n}.html">{title}</a></li>' for n, title in enumerate(LINK_ITEMS)) + """
</ul>
<div class="pages"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=2">下一页</a></div>
</body></html>"""

SENTENCES = ["今年以来，我市坚持稳中求进工作总基调，经济运行总体平稳。", "一季度全市地区生产总值同比增长百分之五点二，高于全省平均水平。",
             "规模以上工业增加值增长百分之六点一，其中高技术制造业增长百分之十一。", "社会消费品零售总额增长百分之七点三，消费市场持续回暖。",
             "固定资产投资增长百分之四点八，重大项目建设进展顺利。"]
GIANT = ("<html><head><title>经济运行情况</title></head><body><div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div>"
         f"<div class='text'>{''.join(SENTENCES * 12)}</div><div class='footer'>版权所有</div></body></html>")

THREAD = """<html><head><title>求推荐入门单反相机 - 摄影论坛</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/bbs">论坛</a></div>
<div class="postlist">
<div class="post" id="post_1"><div class="info"><a href="space.php?uid=7">光影</a> 发表于 2013-5-7 21:23</div>
<div class="message">预算五千元左右，主要拍风景和人像，请问入门单反选哪一款比较合适？</div></div>
<div class="post" id="post_2"><div class="info"><a href="space.php?uid=8">老法师</a> 发表于 2013-5-7 22:05</div>
<div class="message">这个预算建议买入门机身加一支定焦镜头，画质提升非常明显。</div></div>
<div class="post" id="post_3"><div class="info"><a href="space.php?uid=9">路过的</a> 发表于 2013-5-8 08:40</div>
<div class="message">同意楼上的意见，先把基础练好，器材以后再慢慢升级也不迟。</div></div>
</div></body></html>"""


# -- page types --------------------------------------------------------------------------------------

def test_an_article_is_an_article() -> None:
    verdict = _classify(ARTICLE)
    assert verdict.page_type == "article"
    assert verdict.evidence == "4 prose blocks"
    assert verdict.warnings == []
    assert 0.8 <= verdict.confidence <= 1.0


def test_posts_make_a_forum_thread() -> None:
    verdict = _classify(THREAD, posts=3)
    assert verdict.page_type == "forum_thread"
    assert verdict.evidence == "3 posts of one repeated structure"
    assert _classify(THREAD, posts=1).page_type != "forum_thread"


def test_a_thread_through_clean_is_a_forum_thread() -> None:
    doc = cleanpage.clean(THREAD)
    assert doc.metadata.page_type == "forum_thread"
    assert [post.author for post in doc.posts] == ["光影", "老法师", "路过的"]
    assert all(post.text for post in doc.posts)


def test_a_short_page_asking_to_log_in_is_error_or_login() -> None:
    verdict = _classify(LOGIN)
    assert verdict.page_type == "error_or_login"
    assert verdict.evidence.startswith("no article, and a notice: '抱歉，您尚未登录")


# A forum's permission notice inside the full page frame: far more navigation text than an error page prints,
# and the engine's page statistics in the footer.
NAV = "".join(f'<li><a href="forum-{i}-1.html">{name}版块</a></li>' for i, name in enumerate(
    ["摄影器材", "人像作品", "风光作品", "后期处理", "器材交易", "新手入门", "活动召集", "站务公告", "灌水乐园", "二手市场"] * 4))
PERMISSION = f"""<html><head><title>提示信息 - 光影论坛 - Powered by Discuz!</title></head><body>
<div id="hd"><ul class="nav">{NAV}</ul></div>
<div id="ct" class="wp"><div class="alert_error"><p>抱歉，本帖要求阅读权限高于 10 才能浏览</p></div>
<div class="login"><label>用户名</label><input name="username"><label>密码</label><input name="password"></div></div>
<div id="ft"><p>Powered by Discuz! X3.2 © 2001-2013 Comsenz Inc.</p>
<p>GMT+8, 2015-11-2 14:37 , Processed in 0.031 second(s), 9 queries .</p></div>
</body></html>"""


def test_the_notice_of_a_permission_page_is_its_body() -> None:
    doc = cleanpage.clean(PERMISSION)
    assert doc.metadata.page_type == "error_or_login"
    assert doc.text == "抱歉，本帖要求阅读权限高于 10 才能浏览"
    assert any(r.text.startswith("GMT+8") and r.detector == "contact" for r in doc.removed)


def test_an_article_that_says_something_does_not_exist_is_an_article() -> None:
    page = ARTICLE.replace('<div class="footer">', "<p>记者核实发现，该公司注册地址并不存在。</p>\n<div class=\"footer\">")
    doc = cleanpage.clean(page)
    assert doc.metadata.page_type == "article"
    assert "该公司注册地址并不存在" in doc.text


def test_a_notice_that_a_comment_is_gone_is_no_notice_of_the_page() -> None:
    short = ("<html><body><h1>今晚首发大家打几分</h1><p>三中卫配两个边翼卫，中场还是老搭档。我给6分，大家呢？</p>"
             "<div class='comments'><p>该评论已被删除</p></div></body></html>")
    assert _classify(short).page_type != "error_or_login"
    # the page's own notice stays one
    assert _classify(short.replace("该评论已被删除", "抱歉，该帖子已被删除")).page_type == "error_or_login"


def test_an_english_not_found_page_is_error_or_login() -> None:
    assert _classify(NOT_FOUND).page_type == "error_or_login"


def test_a_long_page_mentioning_login_is_not_error_or_login() -> None:
    more = "".join(f"<p>{''.join(SENTENCES)}</p>" for _ in range(2))
    html = ARTICLE.replace("<p>记者从", f"{more}<p>企业需先登录网上办事大厅。记者从")
    verdict = _classify(html)
    assert verdict.page_type == "article"


def test_many_link_items_and_no_prose_is_a_list() -> None:
    verdict = _classify(LIST_PAGE)
    assert verdict.page_type == "list"
    assert "link text" in verdict.evidence or "link items and no prose block" in verdict.evidence


def test_a_list_with_a_prompt_to_log_in_before_posting_is_still_a_list() -> None:
    page = LIST_PAGE.replace("</ul>", "</ul>\n<div class=\"post-box\"><p>您需要登录后才可以发帖</p></div>")
    assert _classify(page).page_type == "list"


def test_many_link_items_and_no_prose_is_a_list_even_when_nothing_was_kept() -> None:
    context = _context(LIST_PAGE)
    nothing = [Decision(False, -1.0, {}) for _ in context.blocks]
    verdict = classify(context, nothing)
    assert verdict.page_type == "list"
    assert verdict.evidence == f"{len(LINK_ITEMS) + 2} link items and no prose block"  # the items, nav and pager


def test_an_index_page_emptied_has_no_author_or_date_of_its_own() -> None:
    page = LIST_PAGE.replace("<h2>国内新闻</h2>", "<h2>国内新闻</h2><p>发布时间：2024-05-06 10:12 作者：新闻网编辑部 张三</p>")
    doc = cleanpage.clean(page)
    assert doc.text == ""
    assert doc.metadata.published is None and doc.metadata.author is None


def test_a_page_with_neither_prose_nor_links_is_other() -> None:
    context = _context("<html><body><h2>产品参数</h2><p>重量 1.2kg</p><p>尺寸 30x20x10cm</p></body></html>")
    verdict = classify(context, [Decision(True, 1.0, {}) for _ in context.blocks])
    assert verdict.page_type == "other"


def test_a_document_preview_page() -> None:
    html = ("<html><body><h1>2023年工作总结范文</h1><p>共 12 页</p><p>第 1 页 / 共 12 页</p>"
            "<p><a href='/dl/1'>立即下载</a> <a href='/pv/1'>在线预览</a></p><p>一、工作回顾</p></body></html>")
    context = _context(html)
    verdict = classify(context, [Decision(True, 1.0, {}) for _ in context.blocks])
    assert verdict.page_type == "doc_preview"


def test_a_short_article_with_login_links_in_its_header_is_an_article() -> None:
    html = ARTICLE.replace('<div class="header">', '<div class="top"><a href="/login">登录</a> | <a href="/reg">注册</a></div>'
                                                   '<div class="header">')
    assert _classify(html).page_type == "article"
    assert cleanpage.clean(html).metadata.page_type == "article"


# -- confidence and warnings ---------------------------------------------------------------------------------

def test_one_giant_block_holding_the_text_is_a_warning() -> None:
    verdict = _classify(GIANT)
    assert verdict.page_type == "article"
    assert verdict.warnings[0].startswith("one block holds 100% of the kept text (1752 characters)")
    assert verdict.confidence < 0.7
    doc = cleanpage.clean(GIANT)
    assert any(w.startswith("content: one block holds") for w in doc.warnings)


def test_the_same_text_in_paragraphs_has_no_giant_block_warning() -> None:
    paragraphs = "".join(f"<p>{''.join(SENTENCES)}</p>" for _ in range(12))
    verdict = _classify(GIANT.replace(f"<div class='text'>{''.join(SENTENCES * 12)}</div>",
                                      f"<div class='text'>{paragraphs}</div>"))
    assert not any(w.startswith("one block holds") for w in verdict.warnings)


def test_kept_link_text_is_a_warning() -> None:
    context = _context(LIST_PAGE)
    verdict = classify(context, [Decision(True, 1.0, {}) for _ in context.blocks])
    assert any(w.startswith("the kept text is") and w.endswith("link text") for w in verdict.warnings)


def test_keeping_nothing_of_a_page_with_text_is_a_warning_and_lowers_confidence() -> None:
    context = _context(ARTICLE)
    certain = classify(context, [Decision(True, 5.0, {}) for _ in context.blocks])
    nothing = classify(context, [Decision(False, -5.0, {}) for _ in context.blocks])
    assert certain.confidence == pytest.approx(1.0)
    assert "almost nothing of the page was kept as main content" in nothing.warnings
    assert nothing.confidence == pytest.approx(0.5)
    assert nothing.page_type == "other"


def test_a_small_page_that_comes_out_empty_says_so() -> None:
    doc = cleanpage.clean("<html><body><div id='app'><p>请启用浏览器的脚本功能后再访问本页。</p></div></body></html>")
    assert doc.text == ""
    assert any(warning.startswith("content: nothing of the page's text") for warning in doc.warnings)
    context = _context("<html><body><p>请启用浏览器的脚本功能。</p></body></html>")
    verdict = classify(context, [Decision(False, -5.0, {}) for _ in context.blocks])
    assert any(warning.startswith("nothing of the page's text") for warning in verdict.warnings)


def test_keeping_far_less_than_the_densest_region_is_a_warning() -> None:
    context = _context(ARTICLE)
    votes = {"region": 1.0, "text": 1.0}
    decisions = [Decision(i == 2, 3.0 if i == 2 else -3.0, votes) for i in range(len(context.blocks))]
    verdict = classify(context, decisions)
    assert any(w.startswith("kept ") and "far less than the densest region" in w for w in verdict.warnings)


def test_scores_near_zero_give_low_confidence_with_a_warning() -> None:
    context = _context(ARTICLE)
    verdict = classify(context, [Decision(True, 0.1, {}) for _ in context.blocks])
    assert verdict.confidence == pytest.approx(0.05)
    assert verdict.warnings == ["low confidence in the content choice (0.05)"]


@pytest.mark.parametrize("html", [ARTICLE, LOGIN, NOT_FOUND, LIST_PAGE, GIANT, THREAD], ids=[
    "article", "login", "not-found", "list", "giant", "thread"])
def test_confidence_is_between_zero_and_one_and_reaches_the_metadata(html: str) -> None:
    verdict = _classify(html)
    assert 0.0 <= verdict.confidence <= 1.0
    doc = cleanpage.clean(html)
    assert doc.metadata.page_type in {"article", "forum_thread", "list", "doc_preview", "error_or_login", "other"}
    assert doc.metadata.confidence is not None and 0.0 <= doc.metadata.confidence <= 1.0
    assert doc.metadata.confidence == round(verdict.confidence, 2) or doc.metadata.page_type == "forum_thread"


def test_page_types_through_clean() -> None:
    assert cleanpage.clean(ARTICLE).metadata.page_type == "article"
    assert cleanpage.clean(LOGIN).metadata.page_type == "error_or_login"
    assert cleanpage.clean(LIST_PAGE).metadata.page_type == "list"


def test_a_comment_under_an_article_that_says_something_does_not_exist_stays_out() -> None:
    comment = "评论区：这种地方连名义上的工会都不存在。"
    page = ARTICLE.replace('<div class="footer">', f'<div class="comments"><p>{comment}</p></div>\n<div class="footer">')
    doc = cleanpage.clean(page)
    assert doc.metadata.page_type == "article"
    assert comment not in doc.text


def test_an_index_page_without_prose_comes_out_empty_with_its_items_recorded_as_removed() -> None:
    with_description = LIST_PAGE.replace("<h2>国内新闻</h2>", "<h2>国内新闻</h2><p>国内要闻、政策解读与地方动态。</p>")
    for page in (LIST_PAGE, with_description):
        document = cleanpage.clean(page)
        assert document.metadata.page_type == "list"
        assert document.text == ""
        assert any("index page has no article" in warning for warning in document.warnings)
        removed = " ".join(removal.text for removal in document.removed)
        assert all(title in removed for title in LINK_ITEMS)


def test_a_list_page_keeping_several_blocks_keeps_them_a_misread_thread_is_never_emptied() -> None:
    # short replies (no block scores as prose) around the same link items: more than one block chosen
    replies = "".join(f"<div class='reply'><p>{text}</p></div>" for text in ("我也想知道。", "同问，坐等答案。", "楼上说得对。"))
    page = LIST_PAGE.replace("<h2>国内新闻</h2>", f"<h2>国内新闻</h2><div class='replies'>{replies}</div>")
    context = _context(page)
    decisions = [Decision(block.text in {"我也想知道。", "同问，坐等答案。", "楼上说得对。"}, 1.0, {}) for block in context.blocks]
    verdict = classify(context, decisions)
    assert verdict.page_type == "list"
    assert not verdict.index_only


def test_an_archive_index_with_label_lines_above_its_items_has_no_article() -> None:
    head = ("<p>起始: Sun Mar 1 08:12:33 CST 2009</p><p>结束: Tue Mar 31 22:40:01 CST 2009</p><p>消息数: 113</p>"
            "<p>消息排序方式: [ 话题 ] [ 主题 ] [ 作者 ] [ 日期 ]</p>")
    context = _context(LIST_PAGE.replace("<h2>国内新闻</h2>", f"<h2>2009年3月归档</h2>{head}"))
    verdict = classify(context, [Decision(True, 1.0, {}) for _ in context.blocks])
    assert verdict.page_type == "list" and verdict.index_only
