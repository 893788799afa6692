"""segment.posts: the posts of a forum thread, and the pages that are not threads (thread lists, comment sections)."""

from __future__ import annotations

import re
from urllib.parse import quote

import cleanpage
from article_snippet import ARTICLE_DIV, HEAD, MENU
from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import segment_page
from cleanpage.segment.posts import ThreadPost, find_posts
from cleanpage.segment.signals import PageContext


def _context(html: str) -> PageContext:
    tree = parse_html(html)
    assert tree is not None
    return PageContext(tree, segment_page(tree))


def _texts(context: PageContext, post: ThreadPost) -> list[str]:
    return [context.blocks[i].text for i in post.blocks]


# A Discuz! X-like thread: user panel with a space link, "发表于" header, the message cell, a signature, a quote of
# the first post in the second, and reply/quote buttons.
THREAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>成都周边自驾游线路推荐 - 川西旅游 - 驴友论坛</title></head>
<body>
<div id="hd"><div class="nav"><a href="/">首页</a> <a href="forum.php">论坛</a> <a href="search.php">搜索</a></div></div>
<div id="pt" class="bm cl"><a href="/">驴友论坛</a> › <a href="forum-12-1.html">川西旅游</a> › 成都周边自驾游线路推荐</div>
<div id="postlist" class="pl bm">
<div id="post_1001">
<table id="pid1001" class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="home.php?mod=space&amp;uid=1" class="xw1">山野行者</a></div></div></td>
<td class="plc">
<div class="pi"><div class="pti"><div class="authi">发表于 2013-5-7 21:23 | <a href="forum.php?mod=viewthread&amp;tid=55&amp;authorid=1">只看该作者</a></div></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_1001">
五一假期我们从成都出发，沿着川西环线走了一圈，路况比想象中好很多。<br>
第一天到达康定，住在城里的客栈，晚上吃了牦牛肉火锅，味道非常不错。<br>
第二天翻越折多山，海拔四千多米，大家都有点高原反应，建议提前准备药品。
</td></tr></table></div></div>
<div class="sign">签名：热爱自由，热爱旅行。</div>
<div class="po"><a href="#">回复</a> <a href="#">引用</a></div>
</td></tr></table>
</div>
<div id="post_1002">
<table id="pid1002" class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="home.php?mod=space&amp;uid=2" class="xw1">背包客小张</a></div></div></td>
<td class="plc">
<div class="pi"><div class="pti"><div class="authi">发表于 2013-5-7 22:05 | <a href="forum.php?mod=viewthread&amp;tid=55&amp;authorid=2">只看该作者</a></div></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_1002">
<blockquote>山野行者 发表于 2013-5-7 21:23<br>五一假期我们从成都出发，沿着川西环线走了一圈</blockquote>
请问新都桥那边的住宿需要提前预订吗？我们打算下个月也去走一趟。
</td></tr></table></div></div>
<div class="sign">每天进步一点点</div>
<div class="po"><a href="#">回复</a> <a href="#">引用</a></div>
</td></tr></table>
</div>
<div id="post_1003">
<table id="pid1003" class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="home.php?mod=space&amp;uid=3" class="xw1">老驴</a></div></div></td>
<td class="plc">
<div class="pi"><div class="pti"><div class="authi">发表于 2013-5-8 08:40 | <a href="forum.php?mod=viewthread&amp;tid=55&amp;authorid=3">只看该作者</a></div></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_1003">
旺季一定要提前订，新都桥的客栈周末经常满房，淡季倒是可以直接过去。
</td></tr></table></div></div>
<div class="po"><a href="#">回复</a> <a href="#">引用</a></div>
</td></tr></table>
</div>
</div>
<div id="ft"><p>Powered by Discuz! X3 © 2001-2013 Comsenz Inc.</p><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p></div>
</body></html>"""


# A div-based board whose time line comes after the message (as tieba and Q&A pages print it).
def post(n, uid, user, when, body):
    return f"""<div class="post" id="post_{n}">
<div class="postbody">
<div class="message" id="message_{n}">{body}</div>
<div class="postinfo"><a href="space.php?uid={uid}">{user}</a> 发表于 {when} <a href="#">回复</a> | <a href="#">引用</a> | <a href="#">举报</a></div>
</div></div>"""
THREAD2 = "<html><head><title>求推荐入门单反相机 - 摄影论坛</title></head><body><div class='nav'><a href='/'>首页</a> <a href='/bbs'>论坛</a></div><div class='postlist'>" + "\n".join([
 post(1, 7, "光影", "2013-5-7 21:23", "<p>本帖最后由 光影 于 2013-5-7 21:30 编辑</p><p>预算五千元左右，主要拍风景和人像，请问入门单反选哪一款比较合适？</p><div class='sign'>我的相册：光与影的故事</div>"),
 post(2, 8, "老法师", "2013-5-7 22:05", "<blockquote>光影 发表于 2013-5-7 21:23<br>预算五千元左右，主要拍风景和人像</blockquote><p>这个预算建议买入门机身加一支定焦镜头，画质提升非常明显。</p>"),
 post(3, 9, "路过的", "2013-5-8 08:40", "<p>同意楼上的意见，先把基础练好，器材以后再慢慢升级也不迟。</p>"),
]) + "</div><div class='footer'>Copyright 摄影论坛</div></body></html>"


# A board's list of threads: link titles, authors and dates, no text of their own.
THREAD_LIST = """<html><head><title>川西旅游 - 驴友论坛</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/forum.php">论坛</a></div>
<table id="threadlisttableid" class="threadlist">
""" + "\n".join(
    f"""<tbody id="normalthread_{n}"><tr><th class="common"><a href="thread-{n}-1-1.html" class="xst">{title}</a></th>
<td class="by"><cite><a href="home.php?mod=space&amp;uid={n}">{user}</a></cite><em><span>2013-5-{day} 1{day}:2{day}</span></em></td>
<td class="num"><a href="thread-{n}-1-1.html" class="xi2">{n}</a></td></tr></tbody>"""
    for n, (title, user, day) in enumerate([
        ("成都周边自驾游线路推荐", "山野行者", 1), ("稻城亚丁十月还能去吗", "背包客小张", 2),
        ("新都桥摄影攻略分享", "老驴", 3), ("求助：318国道路况如何", "阿杰", 4),
        ("四姑娘山徒步装备清单", "小雨", 5), ("色达两日游行程记录", "路人甲", 6)], start=101)
) + """
</table></body></html>"""


# An article followed by its readers' comments.
ARTICLE_WITH_COMMENTS = HEAD + "\n" + MENU + "\n" + ARTICLE_DIV + """
<div class="comment-list">
<div class="comment-item" id="c_1"><a href="/user/11">网友甲</a> <span>2023-6-1 10:12</span><p>政策很好，希望尽快落实。</p></div>
<div class="comment-item" id="c_2"><a href="/user/12">网友乙</a> <span>2023-6-1 11:30</span><p>补贴怎么申请？在哪里提交材料？</p></div>
<div class="comment-item" id="c_3"><a href="/user/13">网友丙</a> <span>2023-6-1 12:45</span><p>点赞，毕业生有福了。</p></div>
</div>
<div class="footer"><p>版权所有 © 本地新闻网</p></div>
</body></html>"""

# The same comments, under a page with little prose before them.
COMMENTS_ONLY = """<html><head><title>网友评论 - 本地新闻网</title></head><body>
<h2>网友评论</h2>
<div id="comments" class="cmt-box">
<div class="item" id="c_1"><a href="/user/11">网友甲</a> <span>2023-6-1 10:12</span><p>政策很好，希望尽快落实到位，让更多毕业生受益。</p></div>
<div class="item" id="c_2"><a href="/user/12">网友乙</a> <span>2023-6-1 11:30</span><p>补贴怎么申请？在哪里提交材料？有没有具体的流程？</p></div>
</div></body></html>"""

# An article, then the same kind of comment items in a container whose name says nothing.
ARTICLE_WITH_NEUTRAL_COMMENTS = ARTICLE_WITH_COMMENTS.replace('class="comment-list"', 'class="box2"').replace(
    'class="comment-item"', 'class="item"')


# -- a thread ------------------------------------------------------------------------------------------

def test_a_discuz_thread_gives_its_three_posts_with_authors_and_times() -> None:
    context = _context(THREAD)
    posts = find_posts(context)
    assert [post.element.get("id") for post in posts] == ["post_1001", "post_1002", "post_1003"]
    assert [post.author for post in posts] == ["山野行者", "背包客小张", "老驴"]
    assert [post.published for post in posts] == ["2013-05-07T21:23", "2013-05-07T22:05", "2013-05-08T08:40"]
    assert [post.content.get("id") for post in posts] == ["postmessage_1001", "postmessage_1002", "postmessage_1003"]


def test_a_discuz_posts_text_leaves_out_signature_quote_and_buttons() -> None:
    context = _context(THREAD)
    posts = find_posts(context)
    assert _texts(context, posts[0]) == [
        "五一假期我们从成都出发，沿着川西环线走了一圈，路况比想象中好很多。",
        "第一天到达康定，住在城里的客栈，晚上吃了牦牛肉火锅，味道非常不错。",
        "第二天翻越折多山，海拔四千多米，大家都有点高原反应，建议提前准备药品。",
    ]
    assert _texts(context, posts[1]) == ["请问新都桥那边的住宿需要提前预订吗？我们打算下个月也去走一趟。"]
    assert _texts(context, posts[2]) == ["旺季一定要提前订，新都桥的客栈周末经常满房，淡季倒是可以直接过去。"]
    everything = "\n".join(text for post in posts for text in _texts(context, post))
    for chrome in ("签名", "每天进步一点点", "回复", "引用", "只看该作者", "发表于", "山野行者"):
        assert chrome not in everything


def test_a_thread_with_the_time_below_the_message_gives_its_posts_without_edit_notice_quote_or_signature() -> None:
    context = _context(THREAD2)
    posts = find_posts(context)
    assert [post.author for post in posts] == ["光影", "老法师", "路过的"]
    assert [_texts(context, post) for post in posts] == [
        ["预算五千元左右，主要拍风景和人像，请问入门单反选哪一款比较合适？"],
        ["这个预算建议买入门机身加一支定焦镜头，画质提升非常明显。"],
        ["同意楼上的意见，先把基础练好，器材以后再慢慢升级也不迟。"],
    ]
    assert posts[2].published == "2013-05-08T08:40"


def test_a_posts_time_is_its_own_not_its_edit_notices_or_the_quoted_posts() -> None:
    posts = find_posts(_context(THREAD2))
    assert [post.published for post in posts] == ["2013-05-07T21:23", "2013-05-07T22:05", "2013-05-08T08:40"]


def test_a_thread_through_clean_keeps_every_post_with_text_and_is_a_forum_thread() -> None:
    doc = cleanpage.clean(THREAD)
    assert doc.metadata.page_type == "forum_thread"
    assert [(post.author, post.published) for post in doc.posts] == [
        ("山野行者", "2013-05-07T21:23"), ("背包客小张", "2013-05-07T22:05"), ("老驴", "2013-05-08T08:40")]
    assert all(post.text for post in doc.posts)
    assert doc.posts[1].text == "请问新都桥那边的住宿需要提前预订吗？我们打算下个月也去走一趟。"
    assert doc.posts[0].text.splitlines()[0] == "五一假期我们从成都出发，沿着川西环线走了一圈，路况比想象中好很多。"
    assert doc.metadata.author == "山野行者"
    assert doc.metadata.published == "2013-05-07T21:23"
    assert doc.text == "\n".join(post.text for post in doc.posts)
    # on a later page of the thread the first post shown is not the opening post: it gives no author or time
    pager = '<div class="pg"><a href="thread-55-1-1.html">上一页</a> <a href="thread-55-1-1.html">1</a> <strong>2</strong></div></body>'
    later = cleanpage.clean(THREAD.replace("</body>", pager), url="https://bbs.example.cn/thread-55-2-1.html")
    assert len(later.posts) == 3 and later.metadata.author is None
    assert later.metadata.extra["provenance"].get("published", {}).get("rule") != "content.thread_time"
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["签名：热爱自由，热爱旅行。"].startswith("forum thread: a post's header, signature")
    assert reasons["首页 论坛 搜索"].startswith("forum thread: outside the 3 posts (")
    assert "score -" in reasons["首页 论坛 搜索"]


# -- not threads -----------------------------------------------------------------------------------------

def test_a_thread_list_is_not_a_thread() -> None:
    context = _context(THREAD_LIST)
    assert sum(block.kind == "table_row" for block in context.blocks) == 6  # the rows are read, with their dates
    assert find_posts(context) == []


def test_an_article_with_a_comment_list_is_not_a_thread() -> None:
    assert find_posts(_context(ARTICLE_WITH_COMMENTS)) == []


def test_comments_in_a_container_named_for_comments_are_no_thread_under_an_article() -> None:
    article = ("<p>市人社局今天发布新政策：高校毕业生到本市中小企业就业，签订一年以上劳动合同的，可以申请每人三千元的一次性"
               "就业补贴，申请材料包括身份证、毕业证和劳动合同，在线提交即可，审核通过后一个月内发放到个人账户。</p>")
    assert find_posts(_context(COMMENTS_ONLY.replace("<h2>网友评论</h2>", article + "<h2>网友评论</h2>"))) == []
    # a short article (a lead of one sentence) is an article still
    lead = "<p>市人社局今天发布新政策：高校毕业生到中小企业就业可以申请补贴，具体办法见附件。</p>"
    assert find_posts(_context(COMMENTS_ONLY.replace("<h2>网友评论</h2>", lead + "<h2>网友评论</h2>"))) == []
    # without an article above them, comments are a discussion in comment markup (an issue tracker's replies)
    assert [post.author for post in find_posts(_context(COMMENTS_ONLY))] == ["网友甲", "网友乙"]


def test_comment_items_after_more_prose_than_they_hold_are_not_a_thread() -> None:
    assert find_posts(_context(ARTICLE_WITH_NEUTRAL_COMMENTS)) == []
    # without the article's paragraphs before them, the same items are posts: the prose before them ruled them out
    without_article = re.sub(r"<p>(?:记者|新举措|同时|市人社局)[^<]*</p>", "", ARTICLE_WITH_NEUTRAL_COMMENTS)
    assert [post.author for post in find_posts(_context(without_article))] == ["网友甲", "网友乙", "网友丙"]


def test_an_article_without_repeated_structure_has_no_posts() -> None:
    context = _context("<html><body><div class='article'><p>第一段，介绍背景。发布于2023-06-01 10:00。</p>"
                       "<p>第二段，介绍内容，时间为2023-06-02 11:00。</p></div></body></html>")
    assert find_posts(context) == []


def _post(cls: str, user: str, time: str, body: str, extra: str = "") -> str:
    header = f'<div class="info"><a href="u.php?uid=1">{user}</a> 发表于: {time}</div>' if time else ""
    return f'<div class="{cls}">{header}<div class="content">{body}</div>{extra}</div>'


REPLIES = [("背包客小张", "2011-06-12 09:02", "请问新都桥那边的住宿需要提前预订吗？我们打算下个月也去走一趟。"),
           ("川西老司机", "2011-06-12 10:37", "旺季一定要提前订，国庆前后很多客栈一个月前就满了，价格也会翻倍。"),
           ("山野行者", "2011-06-12 21:46", "谢谢两位！我们已经订好了，到时候回来再给大家分享路线和花费。")]
OPENING = "五一假期我们从成都出发，沿着川西环线走了一圈，路况比想象中好很多，风景也非常漂亮。"


def _thread(posts: str, head: str = "") -> str:
    return f"<html><body>{MENU}<div class='wrap'>{head}{posts}</div></body></html>"


def test_a_posters_name_box_gives_the_name_without_the_badges_after_it_nor_a_follow_button() -> None:
    def floor(user: str, time: str, body: str) -> str:
        return (f'<div class="post-item"><div class="user-name">{user}<span class="lz-tag">楼主</span>'
                f'<span class="level-tag">8级</span></div><a href="#" class="follow">+关注</a>'
                f'<div class="post-meta"><span class="time">{time}</span></div><div class="post-content"><p>{body}</p></div></div>')
    posts = "".join(floor(user, time, text) for user, time, text in [("山野行者", "2011-06-12 08:15", OPENING), *REPLIES])
    found = find_posts(_context(_thread(posts)))
    assert [post.author for post in found] == ["山野行者", *[user for user, _, _ in REPLIES]]


def test_a_floor_table_whose_rows_are_the_post_is_no_comment_list_and_its_info_bar_gives_the_time() -> None:
    def floor(uid: int, user: str, time: str, body: str, comments: str = "") -> str:
        return (f'<div class="floor"><table class="floor_table"><tr><td class="floor_left"><div class="name">'
                f'<a href="index.php?m=space&uid={uid}">{user}</a></div><div class="level">中级会员</div></td>'
                f'<td class="floor_right"><div class="floor_info"><span>楼主</span><span class="time">发布于：{time}</span>'
                f'<span>只看该作者</span></div><div class="editor_content">{body}</div></td></tr>'
                f'<tr><td class="floor_bottom"><ul class="floor_reply_list">{comments}</ul></td></tr></table></div>')
    comments = "".join(f'<li><a href="index.php?m=space&uid=9{n}">u{n}</a>：<span>好看！书桌多深？</span>'
                       f'<span>2011-06-12 22:1{n}</span></li>' for n in range(2))
    posts = floor(1, "山野行者", "2011-06-12 08:15", OPENING, comments) + "".join(
        floor(n + 2, user, time, text) for n, (user, time, text) in enumerate(REPLIES))
    found = find_posts(context := _context(_thread(posts)))
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]
    assert [post.published for post in found] == ["2011-06-12T08:15", *[time.replace(" ", "T") for _, time, _ in REPLIES]]


def test_posts_whose_classes_carry_digits_are_one_structure() -> None:
    posts = "".join(_post("t5 t2", user, time, text) for user, time, text in [("山野行者", "2011-06-12 08:15", OPENING), *REPLIES])
    found = find_posts(context := _context(_thread(posts)))
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]


def test_an_opening_post_whose_time_is_in_the_thread_header_is_the_first_post() -> None:
    head = '<div class="thread-head"><h1>川西环线自驾游记</h1><div class="meta">楼主：山野行者 时间：2012-03-04 10:15:00</div></div>'
    posts = _post("item host-item", "", "", OPENING) + "".join(
        _post("item", user, time, text).replace('class="item"', f'class="item" id="{n}"') for n, (user, time, text) in enumerate(REPLIES, 1))
    found = find_posts(context := _context(_thread(posts, head)))
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]


def test_page_wrappers_that_each_hold_a_whole_thread_are_not_its_posts() -> None:
    posts = "".join(_post("post", user, time, text) for user, time, text in [("山野行者", "2011-06-12 08:15", OPENING), *REPLIES])
    second = "".join(_post("post", user, time, text + "（第二页）") for user, time, text in REPLIES)
    page = f"<html><body>{MENU}<div class='wp'>{posts}</div><div class='wp'>{second}</div></body></html>"
    found = find_posts(_context(page))
    assert len(found) == 4


def test_a_quote_box_known_by_its_header_signatures_and_a_reply_to_line_are_not_the_posts_text() -> None:
    quote = ('<div class="msgbody"><div class="msgheader">引用:</div><div class="msgborder"><i>原帖由 <b>背包客小张</b> 于 '
             '2011-06-12 09:02 发表</i><br>请问新都桥那边的住宿需要提前预订吗？</div></div>')
    reply = "旺季一定要提前订，国庆前后很多客栈一个月前就满了。"
    posts = (_post("post", "山野行者", "2011-06-12 08:15", OPENING, '<div class="signatures">热爱自由，热爱旅行。</div>')
             + _post("post", "川西老司机", "2011-06-12 10:37", quote + reply)
             + _post("post", "山野行者", "2011-06-12 21:46", "<strong>回复 2# 川西老司机 的帖子</strong><br>谢谢提醒，已经订好了。"))
    found = find_posts(context := _context(_thread(posts)))
    assert [_texts(context, post) for post in found] == [[OPENING], [reply], ["谢谢提醒，已经订好了。"]]


def test_a_quote_written_as_plain_lines_of_the_post_is_left_with_the_post() -> None:
    body = "引用第1楼背包客小张于2011-06-12 09:02发表的:<br>请问要提前预订吗？<br>要的，旺季一定要提前订。"
    posts = _post("post", "山野行者", "2011-06-12 08:15", OPENING) + _post("post", "川西老司机", "2011-06-12 10:37", body)
    found = find_posts(context := _context(_thread(posts)))
    assert "要的，旺季一定要提前订。" in " ".join(_texts(context, found[1]))  # never the reply's own words lost


def test_comments_under_an_answer_are_not_the_answers_text() -> None:
    comments = ('<div class="Comments"><div class="CommentItem"><a href="/people/x">路人甲</a> 2019-08-02 10:00'
                '<p>泡沫轴滚起来太疼了哈哈</p></div></div>')
    posts = "".join(_post("AnswerItem", user, time, text, comments) for user, time, text in REPLIES)
    found = find_posts(context := _context(_thread(posts)))
    assert [_texts(context, post) for post in found] == [[text] for _, _, text in REPLIES]


def _table_post(user: str, time: str, body: str) -> str:
    return (f'<table cellpadding="4" width="98%" bgcolor="#FFFFFF"><tr><td width="160"><b>{user}</b><br>等级：论坛游侠</td>'
            f'<td>发表于 {time}</td></tr><tr><td></td><td>{body}</td></tr></table>'
            '<table width="98%"><tr><td height="6"></td></tr></table>')


def test_posts_printed_as_tables_without_class_or_id_are_one_structure() -> None:
    posts = "".join(_table_post(user, time, text) for user, time, text in [("山野行者", "2005-5-7 21:23:57", OPENING), *REPLIES])
    found = find_posts(context := _context(f"<html><body>{MENU}<center>{posts}</center></body></html>"))
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]


def test_a_signature_after_a_separator_line_and_a_quote_header_line_are_not_the_posts_text() -> None:
    signed = OPENING + "<br><br><font color=#999999>----------------------<br>天道酬勤</font>"
    quoting = ('<font color="#808080">引用 山野行者 的发言：<br>路况比想象中好很多。</font><br><br>'
               "同意，我们上个月走的时候也很顺利。<br>-----------------------<br>QQ：27718302 资料低价转让")
    posts = _post("post", "山野行者", "2011-06-12 08:15", signed) + _post("post", "川西老司机", "2011-06-12 10:37", quoting)
    found = find_posts(context := _context(_thread(posts)))
    # the quote's inline box ends where the reply begins: the quoted line goes with its header
    assert [_texts(context, post) for post in found] == [[OPENING], ["同意，我们上个月走的时候也很顺利。"]]


def test_a_poster_named_only_in_the_address_of_an_image_link_and_an_edited_notice() -> None:
    def dvbbs_post(user: str, time: str, body: str) -> str:
        encoded = quote(user, encoding="gb18030")
        return (f'<table width="98%"><tr><td width="20%"><font color=#990000><b>{user}</b></font></td>'
                f'<td><a href="dispuser.asp?name={encoded}"><img src="profile.gif" alt=""></a></td></tr>'
                f'<tr><td>等级：论坛游侠</td><td><blockquote><span style="font-size:9pt">{body}</span></blockquote></td></tr>'
                f'<tr><td></td><td><span class=smalltxt>{time}</span></td></tr></table>')

    edited = OPENING + "<br><font color=gray>[此贴子已经被作者于2011-6-12 11:40:11编辑过]</font>"
    posts = "".join(dvbbs_post(user, time, text) for user, time, text in [("山野行者", "2011-6-12 08:15:00", edited), *REPLIES])
    found = find_posts(context := _context(f"<html><body>{MENU}<center>{posts}</center></body></html>"))
    assert [(post.author, post.published) for post in found] == [
        ("山野行者", "2011-06-12T08:15"), *[(user, time.replace(" ", "T")) for user, time, _ in REPLIES]]
    assert _texts(context, found[0]) == [OPENING]


def test_a_separator_with_a_reply_after_it_is_a_divider_and_the_reply_stays() -> None:
    reply = "穿刺是微创的，门诊就能做，不用太担心。恶性的可能性也不高，做了穿刺心里就有底了，祝你好运！"
    body = f"@山野行者 2012-03-04 12:20:05<br>谢谢楼主分享。<br>-----------------------------<br>{reply}"
    posts = _post("post", "山野行者", "2012-03-04 10:15", OPENING) + _post("post", "川西老司机", "2012-03-04 12:30", body)
    found = find_posts(context := _context(_thread(posts)))
    assert reply in _texts(context, found[1])


def test_replies_in_a_container_named_for_comments_are_a_thread_when_one_is_marked_as_the_openers() -> None:
    items = "".join(f'<li class="reply-item"><h4><a href="/people/{n}/">{user}</a>{" <span>楼主</span>" if n == 3 else ""} '
                    f'<span>{time}</span></h4><p>{text}</p></li>' for n, (user, time, text) in enumerate(REPLIES, 1))
    page = (f"<html><body>{MENU}<div class='topic'><h1>川西环线自驾游记</h1><p>{OPENING}</p></div>"
            f"<ul id='comments' class='topic-reply'>{items}</ul></body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[text] for _, _, text in REPLIES]
    unmarked = page.replace(" <span>楼主</span>", "")
    assert find_posts(_context(unmarked)) == []
    english = page.replace(" <span>楼主</span>", " <span>OP</span>")  # English comment threads say OP in passing
    assert find_posts(_context(english)) == []


def test_answers_after_a_long_best_answer_are_posts_on_a_question_page() -> None:
    best = "<p>" + "红烧肉要先焯水去腥，再小火慢炖一个半小时，糖色要炒到枣红色，出锅前大火收汁，这样肉才软糯不柴。" * 6 + "</p>"
    answers = "".join(_post("answer", user, time, text) for user, time, text in REPLIES)
    page = (f"<html><body>{MENU}<div class='question'><h1>红烧肉怎么做才不柴？</h1></div>"
            f"<div class='best'><h2>最佳答案</h2>{best}</div><div class='answers'><h2>其他回答</h2>{answers}</div></body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[text] for _, _, text in REPLIES]
    assert find_posts(_context(page.replace("最佳答案", "正文").replace("其他回答", "评论"))) == []


def _modern_post(user: str, stamp: str, body: str, cls: str = "cPost ipsComment") -> str:
    """A post of a modern engine: the day printed, the time of day only in ``<time datetime>``, the text in an
    element the engine also names for comments."""
    return (f'<article class="{cls}"><aside class="cAuthorPane"><h3><a href="/profile/1/">{user}</a></h3></aside>'
            f'<div class="ipsComment_content"><div class="ipsComment_meta">发布于 <time datetime="{stamp}Z">'
            f'{stamp[:10]}</time></div><div class="richText">{body}</div></div></article>')


def test_posts_timed_by_a_time_tag_and_named_comments_by_their_engine_are_a_thread() -> None:
    bodies = [(user, stamp, f"<p>{text}</p>") for user, stamp, text in
              [("背包客小张", "2011-06-12T09:02:00", REPLIES[0][2]), ("川西老司机", "2011-06-12T10:37:00", REPLIES[1][2]),
               ("山野行者", "2011-06-12T21:46:00", '上传好了：<a href="https://example.com/log/7f3a">https://example.com/log/7f3a</a>')]]
    page = (f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='cTopic'>"
            + "".join(_modern_post(*post) for post in bodies) + "</div></body></html>")
    found = find_posts(context := _context(page))
    assert [post.author for post in found] == ["背包客小张", "川西老司机", "山野行者"]
    assert [post.published for post in found] == ["2011-06-12T09:02", "2011-06-12T10:37", "2011-06-12T21:46"]
    # a line whose link shows its own address is the poster's words
    assert _texts(context, found[2]) == ["上传好了：https://example.com/log/7f3a"]
    # the same items named only as comments are a comment section under an article, a discussion without one;
    # without the time tag, nothing dates them
    comments = page.replace("cPost ipsComment", "ipsComment")
    assert find_posts(_context(comments.replace("<h1>川西环线自驾游记</h1>", f"<h1>川西环线自驾游记</h1><p>{OPENING}</p>"))) == []
    assert len(find_posts(_context(comments))) == 3
    assert find_posts(_context(re.sub(r"<time[^>]*>|</time>", "", page))) == []
    # a list of threads: each row's teaser is titled by a link to another page
    teasers = page.replace('<div class="richText">', '<div class="richText"><a href="/topic/8812/">川西环线自驾游记（一）</a>')
    assert find_posts(_context(teasers)) == []


def _board_post(cls: str, user: str, stamp: str, body: str) -> str:
    """A post of an older board: the header prints the time in its own shape, the text in a content box."""
    return (f'<li class="{cls}"><div class="posthead"><span class="date">{stamp}</span></div>'
            f'<div class="userinfo"><a class="username" href="member.php?20233">{user}</a></div>'
            f'<div class="content"><blockquote class="postcontent restore">{body}</blockquote></div>'
            f'<blockquote class="signature">CPU: R5 5600X</blockquote></li>')


def test_alternating_rows_text_in_a_content_blockquote_and_times_in_any_shape_of_the_date_grammar() -> None:
    rows = [("windowbg", "阿翔", "2021-03-09, 10:32 PM", REPLIES[0][2]),
            ("windowbg2", "kevin0921", "2021-03-09, 22:47:05", REPLIES[1][2]),
            ("windowbg", "小胖丁", "2021年3月9日 下午11:05", REPLIES[2][2])]
    page = (f"<html><body>{MENU}<h1>川西环线自驾游记</h1><ol class='posts'>"
            + "".join(_board_post(*row) for row in rows) + "</ol></body></html>")
    found = find_posts(context := _context(page))
    assert [post.author for post in found] == ["阿翔", "kevin0921", "小胖丁"]
    assert [post.published for post in found] == ["2021-03-09T22:32", "2021-03-09T22:47", "2021-03-09T23:05"]
    assert [_texts(context, post) for post in found] == [[text] for _, _, text in REPLIES]
    # a blockquote not named as content is a quote: posts holding nothing else have no text of their own
    quoted = page.replace('blockquote class="postcontent restore"', 'blockquote class="bbcode"')
    assert find_posts(_context(quoted)) == []


def test_an_element_showing_many_times_is_a_section_of_the_page_not_a_post() -> None:
    comments = "".join(f"<li>读者{n}：说得好 2023-11-01 10:{n:02d}</li>" for n in range(12))
    section = (f"<div class='row'><p>{OPENING}</p><p>编辑 2023-11-01 09:00</p><ul>{comments}</ul></div>")
    page = f"<html><body>{MENU}<div class='rows'>{section}{section.replace(OPENING, REPLIES[0][2])}</div></body></html>"
    assert find_posts(_context(page)) == []


def test_a_post_printed_in_a_bare_blockquote_is_the_posts_text_and_a_quote_inside_it_is_not() -> None:
    def post(n: int, user: str, time: str, body: str) -> str:
        return (f'<table class="tableborder1"><tr><td><b>{user}</b></td><td>{n}楼</td></tr>'
                f'<tr><td>等级：新手上路<br>文章：23<br>积分：71</td><td><blockquote>{body}</blockquote>'
                f'<br><span>生在杭州，长在杭州。</span></td></tr><tr><td></td><td>发表于 {time}</td></tr></table>')
    quote = '<div class="quote"><b>以下是引用老王在2006-3-5 10:22:00的发言：</b><br>有人住过七区吗？</div>'
    page = (f"<html><body>{MENU}<h1>九十年代的筒子楼</h1>"
            + post(1, "老王", "2006-3-5 10:22", OPENING) + post(2, "阿毛", "2006-3-5 10:31", quote + REPLIES[0][2])
            + post(3, "小雨", "2006-3-5 13:05", REPLIES[1][2]) + "</body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[OPENING], [REPLIES[0][2]], [REPLIES[1][2]]]
    # a blockquote that opens with a quote header is a quote, not the post's text
    quoted = page.replace("<blockquote>有人", "<blockquote>引用: 有人")
    assert find_posts(_context(quoted.replace(f"<blockquote>{OPENING}", f"<blockquote>引用: {OPENING}"))) != found


def test_reply_lines_nested_under_a_post_are_not_its_text() -> None:
    def floor(n: int, user: str, time: str, text: str, nested: str = "") -> str:
        return (f'<div class="floor-item"><div class="user"><a href="/home/main?un={user}">{user}</a></div>'
                f'<div class="body"><div class="text"><p>{text}</p></div><div class="info">第{n}楼 {time}</div>'
                f'{nested}</div></div>')
    sub = "".join(f'<li><a href="/home/main?un=u{n}">u{n}</a>：<span>{OPENING}</span><span>2023-03-28 21:3{n}</span></li>'
                  for n in range(3))
    page = (f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='floors'>"
            + floor(1, "山野行者", "2023-03-28 21:14", OPENING)
            + floor(2, "背包客小张", "2023-03-28 21:20", "恭喜！请问用的哪几本书？", f"<ul class='sub'>{sub}</ul>")
            + floor(3, "川西老司机", "2023-03-28 21:41", REPLIES[1][2]) + "</div></body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[OPENING], ["恭喜！请问用的哪几本书？"], [REPLIES[1][2]]]


def test_comment_lines_naming_their_writers_in_name_boxes_with_a_bare_time_and_an_image_only_floor() -> None:
    def reply(user: str, time: str, body: str, nested: str = "") -> str:
        return (f'<li class="reply-item"><div class="reply-header"><span class="nickname">{user}</span></div>'
                f'<div class="reply-content">{body}</div><div class="reply-footer"><span class="time" title="{time}">'
                f'{time}</span><span>回复</span></div>{nested}</li>')
    sub = "".join(f'<div class="sub-reply-item"><span class="nickname">u{n}</span> 回复 <span class="nickname">背包客小张'
                  f'</span>：<span>{OPENING}</span> <span class="time">03-28 21:3{n}</span></div>' for n in range(2))
    page = (f"<html><body>{MENU}<h1>川西环线自驾游记</h1><ul class='reply-list'>"
            + reply("山野行者", "2023-03-28 21:14", f"<p>{OPENING}</p>")
            + reply("背包客小张", "2023-03-28 21:20", "<p>恭喜！请问用的哪几本书？</p>", f"<div class='sub-reply-list'>{sub}</div>")
            + reply("省钱小能手", "2023-03-28 21:30", '<img src="/shot.png" width="300" height="200">')
            + reply("川西老司机", "2023-03-28 21:41", f"<p>{REPLIES[1][2]}</p>") + "</ul></body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[OPENING], ["恭喜！请问用的哪几本书？"], [REPLIES[1][2]]]
    assert [post.author for post in found] == ["山野行者", "背包客小张", "川西老司机"]


def test_comment_lines_without_times_led_by_their_writers_name_and_a_colon_are_not_the_posts_text() -> None:
    def floor(n: int, user: str, time: str, body: str, lzl: str = "") -> str:
        return (f'<div class="post-item"><div class="user-name">{user}</div><div class="post-meta"><span>第{n}楼</span>'
                f'<span class="time">{time}</span></div><div class="post-content"><p>{body}</p></div>'
                f'<div class="lzl-list">{lzl}</div><div class="post-opr"><span>回复</span></div></div>')
    one = '<div class="lzl-item"><span class="lzl-name">山野行者</span>：<span class="lzl-text">粉笔的真题，按年份做就行，每天两篇</span></div>'
    more = one + '<div class="lzl-item"><span class="lzl-name">u2</span>：<span>收藏了</span></div><div class="lzl-more">查看全部6条回复 &gt;</div>'
    page = (f"<html><body>{MENU}<h1>川西环线自驾游记</h1>" + floor(1, "山野行者", "2023-03-28 21:14", OPENING, more)
            + floor(2, "背包客小张", "2023-03-28 21:20", "恭喜！请问用的哪几本书？", one)
            + floor(3, "川西老司机", "2023-03-28 21:41", REPLIES[1][2]) + "</body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[OPENING], ["恭喜！请问用的哪几本书？"], [REPLIES[1][2]]]


def test_a_board_naming_posters_in_bold_beside_profile_buttons_and_a_photo_only_post_that_wrote_nothing() -> None:
    def post(uid: int, user: str, time: str, body: str) -> str:
        return (f'<table class="post"><tr><td width="175"><b>{user}</b><br><font size="1">资深会员<br><br>注册日期: 2004-06'
                f'<br>发帖: 2438<br>状态: 离线</font></td><td><font size="1">发表于: {time} #{uid}</font><hr>'
                f'<span class="msgbody">{body}</span></td></tr><tr><td></td><td><a href="member.php?action=getinfo&userid={uid}">'
                f'资料</a> <a href="private.php?action=newmessage&userid={uid}">短信</a></td></tr></table>')
    page = (f"<html><body>{MENU}<h1>霞浦滩涂</h1>" + post(1, "闽东拍客", "2007-05-12 20:37", OPENING)
            + post(2, "老胶片", "2007-05-12 21:52", REPLIES[0][2])
            + post(3, "海边的风", "2007-05-12 22:30", '<img src="/attach/hai.jpg" width="700" height="400">')
            + post(4, "闽东拍客", "2007-05-12 22:41", REPLIES[2][2]) + "</body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[OPENING], [REPLIES[0][2]], [REPLIES[2][2]]]
    assert [post.author for post in found] == ["闽东拍客", "老胶片", "闽东拍客"]


def test_a_text_box_of_paragraphs_each_named_as_text_is_the_posts_whole_text() -> None:
    def floor(user: str, time: str, *lines: str) -> str:
        text = "".join(f'<p class="pb-content-text">{line}</p>' for line in lines)
        return (f'<div class="pb-comment-item"><div class="user-info"><a class="user-name" href="/home/main?un={user}">'
                f'{user}</a></div><div class="pb-content">{text}</div><div class="comment-bottom">'
                f'<span class="post-time">{time}</span><a href="javascript:;">回复</a></div></div>')
    page = (f"<html><body>{MENU}<h1>五千预算买什么公路车</h1>" + floor("风里来骑车去", "2024-05-12 21:14", OPENING)
            + floor("骑行的土拨鼠", "2024-05-12 22:05", "刚才手滑发了个表情。", REPLIES[1][2])
            + floor("风里来骑车去", "2024-05-13 08:12", REPLIES[2][2], "回头骑满一个月再来反馈。") + "</body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [
        [OPENING], ["刚才手滑发了个表情。", REPLIES[1][2]], [REPLIES[2][2], "回头骑满一个月再来反馈。"]]


def test_one_word_replies_in_a_box_named_as_the_posts_text_are_posts_and_the_posters_card_is_not() -> None:
    def floor(n: int, user: str, body: str) -> str:
        return (f'<div class="t5"><table><tr><td class="r_two"><div class="readName"><a href="u.php?uid={n}">{user}</a></div>'
                f'<div class="tac"><span>级别:</span> <span>中级机友</span></div></td><td class="floot_right">'
                f'<div class="tipTop"><span title="2012-05-12 21:{10 + n}">发表于: 2012-05-12 21:{10 + n}</span></div>'
                f'<div class="tpc_content"><div id="read_{n}">{body}</div></div></td></tr></table></div>')
    page = (f"<html><body>{MENU}<h1>某米2S 精简省电版</h1>" + floor(0, "刷机达人阿坤", OPENING) + floor(1, "机友_a3f21", "顶")
            + floor(2, "数码控小马", "谢谢分享") + floor(3, "老刘在此", REPLIES[0][2]) + floor(4, "刷机狂人", "支持楼主")
            + "</body></html>")
    found = find_posts(context := _context(page))
    assert [_texts(context, post) for post in found] == [[OPENING], ["顶"], ["谢谢分享"], [REPLIES[0][2]], ["支持楼主"]]


def test_a_bbs_web_posts_lines_around_its_signature_box_are_its_text_and_its_origin_stamp_goes() -> None:
    def post(n: int, user: str, *lines: str) -> str:
        text = "".join(f"<p>{line}</p>" for line in lines)
        return (f'<section class="smth-post"><header><a href="/user/{user}">{user}</a>'
                f'<time datetime="2023-09-24T22:0{n}:13+08:00">2023-09-24 22:0{n}:13</time></header>'
                f'<div class="smth-body">{text}<div class="smth-sign"><p>--</p><p>跑步是一个人的修行</p></div>'
                f'<p class="smth-from">※ 来源:·水木社区 https://www.mysmth.net·[FROM: 北京]</p></div></section>')
    page = (f"<html><body>{MENU}<h1>第一次全马</h1>" + post(1, "dashan2010", OPENING, "目标是安全完赛。")
            + post(2, "lemonTea", REPLIES[0][2], "补给一定要提前试过。") + post(3, "oldHorse", REPLIES[1][2]) + "</body></html>")
    doc = cleanpage.clean(page)
    assert [post.text.splitlines() for post in doc.posts] == [
        [OPENING, "目标是安全完赛。"], [REPLIES[0][2], "补给一定要提前试过。"], [REPLIES[1][2]]]
    assert {r.rule for r in doc.removed if "来源" in r.text} == {"C16.bbs_origin"}


def test_answers_whose_hashed_class_names_differ_are_one_structure_by_their_ids() -> None:
    hashes = ["cnt_UhQqg", "wrap_cfQgW", "wrap_nUaTM", "blk_MLxRB"]
    answers = "".join(
        f'<div class="{name}" id="answer-48290{n}"><div class="main_Hx{n}Z7"><a class="item_iA{n}CA" '
        f'href="/usercenter?uid=3a{n}">{user}</a><span class="blk_Kh{n}tw">2024-03-13 0{n}:20</span></div>'
        f'<div class="box_9x{n}P1"><p>{text}</p></div></div>'
        for n, (name, (user, _, text)) in enumerate(zip(hashes, [("提问者", "", OPENING), *REPLIES])))
    found = find_posts(context := _context(f"<html><body>{MENU}<h1>绿萝叶子发黄</h1><div>{answers}</div></body></html>"))
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]


def test_a_date_spelled_in_latin_letters_dates_a_post_only_beside_its_posters_name() -> None:
    rows = [("Redaktion 5. November 2023 10:29", OPENING), ("Kommentare 5. November 2023 um 11:54 Uhr", REPLIES[0][2]),
            ("Teilen 6. November 2023 um 09:12 Uhr", REPLIES[1][2])]
    page = (f"<html><body>{MENU}<div class='rows'>"
            + "".join(f"<div class='row'><p>{head}</p><p>{text}</p></div>" for head, text in rows) + "</div></body></html>")
    assert find_posts(_context(page)) == []  # layout rows of an article page
    posted = page.replace("<div class='row'><p>", "<div class='row'><p><a href='/member/7'>Jan</a> ")
    assert [post.published for post in find_posts(_context(posted))] == [
        "2023-11-05T10:29", "2023-11-05T11:54", "2023-11-06T09:12"]


def test_replies_under_an_opening_post_printed_apart_do_not_give_the_page_its_author() -> None:
    items = "".join(f'<li class="reply-item"><h4><a href="/people/{n}/">{user}</a> <span>{time}</span></h4><p>{text}</p></li>'
                    for n, (user, time, text) in enumerate(REPLIES, 1))
    page = (f"<html><body>{MENU}<div class='topic'><h1>川西环线自驾游记</h1><p>{OPENING}</p><p>{OPENING}</p></div>"
            f"<ul class='topic-reply'>{items}</ul></body></html>")
    doc = cleanpage.clean(page)
    assert [post.author for post in doc.posts] == [user for user, _, _ in REPLIES]
    assert OPENING in doc.text  # the opening post stays in the body, above the replies
    assert doc.metadata.author != REPLIES[0][0]
    assert doc.metadata.extra["provenance"].get("published", {}).get("rule") != "content.thread_time"


def test_a_time_kept_in_a_title_behind_a_relative_time_dates_a_post() -> None:
    posts = "".join(f'<div class="topic-post"><a href="/u/{user}">{user}</a> <span title="2024年3月5日 1{n}:32">{n} 小时前</span>'
                    f'<div class="cooked"><p>{text}</p></div></div>'
                    for n, (user, _, text) in enumerate(REPLIES, 1))
    page = f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='stream'>{posts}</div></body></html>"
    found = find_posts(_context(page))
    assert [post.published for post in found] == ["2024-03-05T11:32", "2024-03-05T12:32", "2024-03-05T13:32"]
    assert find_posts(_context(page.replace('href="/u/', 'href="/t/'))) == []  # no poster named: no post


def test_an_opener_badge_glued_into_its_header_line_marks_a_thread_in_a_comment_container() -> None:
    # the badge is an element of its own, which the header line glues to the name and the time: 芋泥啵啵楼主2024-…
    items = "".join(f'<li class="reply-item"><h4><a href="/people/{n}/">{user}</a>'
                    f'{"<span class=badge>楼主</span>" if n == 3 else ""}<span>{time}</span></h4><p>{text}</p></li>'
                    for n, (user, time, text) in enumerate(REPLIES, 1))
    page = (f"<html><body>{MENU}<div class='topic'><h1>川西环线自驾游记</h1><p>{OPENING}</p></div>"
            f"<ul id='comments' class='topic-reply'>{items}</ul></body></html>")
    assert [post.author for post in find_posts(_context(page))] == [user for user, _, _ in REPLIES]
    # a name that merely contains the word is no badge
    assert find_posts(_context(page.replace("<span class=badge>楼主</span>", "<span class=badge>楼主好</span>"))) == []


def test_a_post_with_one_prose_line_keeps_its_short_lines_and_code_but_not_its_header() -> None:
    bodies = [f"<p>{text}</p>" for _, _, text in REPLIES]
    bodies[1] = ("<p>配置文件这样写：</p><pre>region: cn\nmode: fast</pre><p>旺季一定要提前订，国庆前后很多客栈一个月前就满了。</p>"
                 "<p>链接：<a href='https://example.com/a'>https://example.com/a</a></p>")
    posts = "".join(f'<div class="topic-post"><div class="names"><a href="/u/{user}">{user}</a></div>'
                    f'<h3>Re: 川西环线自驾游记</h3><div class="cooked">{body}</div>'
                    f'<div class="date">{time}</div><div class="actions">回复</div></div>'
                    for (user, time, _), body in zip(REPLIES, bodies))
    found = find_posts(context := _context(f"<html><body>{MENU}<div class='stream'>{posts}</div></body></html>"))
    assert _texts(context, found[1]) == ["配置文件这样写：", "region: cn", "mode: fast",
                                         "旺季一定要提前订，国庆前后很多客栈一个月前就满了。", "链接：https://example.com/a"]
    assert all("Re:" not in text and text != "回复" for post in found for text in _texts(context, post))


def test_times_kept_in_date_and_time_attributes_and_a_reply_to_link_showing_a_posters_name() -> None:
    # XenForo 1: the day and the time in data attributes behind a weekday; a link to the answered post names its poster
    posts = "".join(f'<li class="message"><div class="messageInfo"><blockquote class="messageText SelectQuoteContainer">'
                    f'{text}</blockquote><div class="meta"><a href="/members/{user}.{n}/">{user}</a>, '
                    f'<a href="/threads/9/#post-{n}"><abbr data-datestring="2023-11-1{n}" data-timestring="下午 0{n}:15">'
                    f'星期{n} 下午 0{n}:15</abbr></a>'
                    + (f' <a href="/threads/9/#post-{n - 1}">{REPLIES[n - 2][0]}</a>' if n > 1 else "")
                    + '</div></div></li>' for n, (user, _, text) in enumerate(REPLIES, 1))
    found = find_posts(context := _context(f"<html><body>{MENU}<ol class='messageList'>{posts}</ol></body></html>"))
    assert [post.published for post in found] == ["2023-11-11T13:15", "2023-11-12T14:15", "2023-11-13T15:15"]
    # the quote word of a blockquote named as the message does not make the post's own text a quote
    assert [_texts(context, post) for post in found] == [[text] for _, _, text in REPLIES]
    # a link titling another page still rules out a teaser list
    teasers = posts.replace('<div class="meta">', '<div class="meta"><a href="/threads/10/">另一条自驾路线的游记</a> ')
    assert find_posts(_context(f"<html><body>{MENU}<ol class='messageList'>{teasers}</ol></body></html>")) == []


def test_a_device_line_under_a_post_of_an_html_thread_is_not_body() -> None:
    posts = "".join(f'<div class="floor"><div class="author"><a href="/u/{n}">{user}</a> <span>{time}</span></div>'
                    f'<div class="floor-content"><p>{text}</p><p>{OPENING}</p><small>发自虎扑iPhone客户端</small></div></div>'
                    for n, (user, time, text) in enumerate(REPLIES, 1))
    document = cleanpage.clean(f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='floors'>{posts}</div></body></html>")
    assert document.metadata.page_type == "forum_thread"
    assert document.text.splitlines() == [line for _, _, text in REPLIES for line in (text, OPENING)]
    assert any(removal.text == "发自虎扑iPhone客户端" for removal in document.removed)


def test_a_poster_linked_to_a_page_on_another_host_is_named_by_the_card_it_sits_in_and_a_tooltip_dates_the_post() -> None:
    # the users' pages live on a blog host (no user-page address); the time only in a data-tip behind 6 小時前
    posts = "".join(f'<div class="reply-item"><div class="reply-user-info"><a class="name" href="https://blog.example.net/{n}">'
                    f'{user}</a></div><div class="reply-content"><p>{text}</p></div>'
                    f'<div class="reply-footer"><span data-tip="17/03/2024 1{n}:12">{n} 小時前</span></div></div>'
                    for n, (user, _, text) in enumerate(REPLIES, 1))
    page = f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='reply-list'>{posts}</div></body></html>"
    found = find_posts(_context(page))
    assert [post.author for post in found] == [user for user, _, _ in REPLIES]
    assert [post.published for post in found] == ["2024-03-17T11:12", "2024-03-17T12:12", "2024-03-17T13:12"]
    # nothing names a poster: neither the card nor the link's own class
    assert find_posts(_context(page.replace("reply-user-info", "reply-meta").replace('class="name"', 'class="link"'))) == []


def test_a_numbered_list_inside_a_post_is_the_posts_text_not_a_list_of_other_headlines() -> None:
    tips = "".join(f"<br>{n}. 租车记得加保险，出事不用赔营业损失{n}" for n in range(1, 5))
    bodies = [REPLIES[0][2], f"几个贴士：{tips}", REPLIES[2][2]]
    posts = "".join(f'<div class="floor"><div class="author"><a href="/u/{n}">{user}</a> <span>{time}</span></div>'
                    f'<div class="floor-content">{body}</div></div>'
                    for n, ((user, time, _), body) in enumerate(zip(REPLIES, bodies), 1))
    document = cleanpage.clean(f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='floors'>{posts}</div></body></html>")
    assert document.metadata.page_type == "forum_thread"
    assert all(f"{n}. 租车记得加保险，出事不用赔营业损失{n}" in document.text.splitlines() for n in range(1, 5))


def test_an_opening_post_printed_apart_in_its_own_markup_is_the_first_post_when_its_text_box_is_named_alike() -> None:
    # a GitHub-like discussion: the question in a group of its own, the comments in timeline items; every text box
    # is a td.comment-body, the time in a <relative-time datetime>, the text box inside an element named comment
    def item(user: str, stamp: str, text: str) -> str:
        return (f'<div class="timeline-comment comment"><h3><a class="author" href="/{user}">{user}</a> '
                f'<relative-time datetime="{stamp}">5 days ago</relative-time></h3>'
                f'<table class="user-select-contain"><tr><td class="comment-body markdown-body"><p>{text}</p></td></tr></table></div>')
    replies = "".join(f'<div class="js-timeline-item">{item(user, f"2024-02-2{n}T0{n}:14:00Z", text)}</div>'
                      for n, (user, _, text) in enumerate(REPLIES, 1))
    opening = f'<div class="timeline-comment-group">{item("shuye-lin", "2024-02-20T08:00:00Z", OPENING)}</div>'
    page = f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='discussion'>{opening}{replies}</div></body></html>"
    found = find_posts(context := _context(page))
    assert [post.author for post in found] == ["shuye-lin", *(user for user, _, _ in REPLIES)]
    assert [post.published for post in found] == ["2024-02-20T08:00", "2024-02-21T01:14", "2024-02-22T02:14",
                                                   "2024-02-23T03:14"]
    assert _texts(context, found[0]) == [OPENING]


def test_posts_dated_by_schema_org_times_and_named_by_their_author_without_a_user_page() -> None:
    posts = "".join(f'<li class="answer-item"><div itemprop="author"><span itemprop="name">{user}</span> <span>7 年前</span>'
                    f'</div><meta itemprop="dateCreated" content="2014-03-0{n}T12:03:40.000Z">'
                    f'<div class="answer-content"><p>{text}</p></div></li>' for n, (user, _, text) in enumerate(REPLIES, 1))
    found = find_posts(_context(f"<html><body>{MENU}<h1>川西环线自驾游记</h1><ul class='answers'>{posts}</ul></body></html>"))
    assert [post.author for post in found] == [user for user, _, _ in REPLIES]
    assert [post.published for post in found] == ["2014-03-01T12:03", "2014-03-02T12:03", "2014-03-03T12:03"]


def test_layout_sections_whose_text_boxes_are_all_named_differently_are_no_thread() -> None:
    def section(box: str, user: str, stamp: str, text: str) -> str:
        return (f'<section class="grid-container"><div class="byline"><a href="/user/{user}">{user}</a> '
                f'<time datetime="{stamp}">vor 3 Tagen</time></div><div class="{box}"><p>{text}</p></div></section>')
    article = section("content-area", "redaktion", "2016-03-08T15:30", OPENING)
    comment = section("comment-content", "leser", "2016-03-16T18:40", REPLIES[0][2])
    assert find_posts(_context(f"<html><body>{MENU}<main>{article}{comment}</main></body></html>")) == []
    # the same boxes named alike are posts
    alike = comment.replace("comment-content", "content-area")
    assert len(find_posts(_context(f"<html><body>{MENU}<main>{article}{alike}</main></body></html>"))) == 2


def test_a_permalink_naming_the_poster_a_reply_answers_titles_no_page() -> None:
    posts = "".join(f'<article class="post"><div class="post-header"><a class="author-name" href="/profile/{user}">{user}</a>'
                    f'<time datetime="2023-06-1{n}T02:02:00Z" title="2023年6月1{n}日 上午10:02">2 年前</time>'
                    f'<a class="post-permalink" href="/thread/1?answer={n}">回應至 {REPLIES[0][0]}</a></div>'
                    f'<div class="post-body"><p>{text}</p></div></article>' for n, (user, _, text) in enumerate(REPLIES, 1))
    found = find_posts(_context(f"<html><body>{MENU}<h1>川西环线自驾游记</h1><section>{posts}</section></body></html>"))
    assert [post.author for post in found] == [user for user, _, _ in REPLIES]
    # a link titling another thread still rules a teaser list out
    teasers = posts.replace(f"回應至 {REPLIES[0][0]}", "川西环线自驾游记（下）")
    assert find_posts(_context(f"<html><body>{MENU}<h1>川西环线自驾游记</h1><section>{teasers}</section></body></html>")) == []


def test_a_question_whose_text_box_shares_a_named_class_with_the_answers_is_the_first_post() -> None:
    # the question's box is "topic-content md-content", the answers' "reply-content md-content"; the asker's link
    # is named by its own class (a.name), on another host
    def header(user: str, stamp: str) -> str:
        return (f'<div class="info"><a class="name" href="https://blog.example.net/{user}">{user}</a>'
                f'<span class="time" title="{stamp}">2 天前</span></div>')
    question = f'<div class="topic">{header("慢慢来", "2023-11-02 14:33:21")}<div class="topic-content md-content"><p>{OPENING}</p></div></div>'
    answers = "".join(f'<div class="reply-item">{header(user, f"2023-11-0{n + 2} 09:1{n}:00")}'
                      f'<div class="reply-content md-content"><p>{text}</p></div></div>' for n, (user, _, text) in enumerate(REPLIES, 1))
    found = find_posts(_context(f"<html><body>{MENU}<h1>川西环线自驾游记</h1>{question}<div class='replies'>{answers}</div></body></html>"))
    assert [post.author for post in found] == ["慢慢来", *(user for user, _, _ in REPLIES)]
    assert found[0].published == "2023-11-02T14:33"


def _comment(name: str, href: str, stamp: str, text: str) -> str:
    """A comment of a modern site: a styled-components class, the poster's link (or none), a relative time whose
    absolute sits in the ``title``."""
    poster = f'<a href="{href}"><span>{name}</span><span>@{href.strip("/@")}</span></a>' if href else f"<span>{name}</span>"
    return (f'<div class="sc-71b8f2c4-0 eXbqWs"><div class="sc-4">{poster}</div><div class="sc-7"><span>{text}</span></div>'
            f'<div class="sc-3"><span>B{stamp[-2:]}</span> · <time title="2024年3月12日 21:{stamp[-2:]}">4 小時前</time></div></div>')


COMMENTS = [("阿明不加班", "/@ming_no_ot", "32", REPLIES[0][2]), ("國立中興大學", "", "40", REPLIES[1][2]),
            ("小熊軟糖", "/@gummybear_tw", "47", REPLIES[2][2])]


def test_a_user_page_at_slash_at_names_its_poster_by_the_id_beside_the_display_name() -> None:
    page = _thread("".join(_comment(*comment) for comment in COMMENTS))
    assert [post.author for post in find_posts(_context(page))] == ["ming_no_ot", None, "gummybear_tw"]


def test_members_of_a_thread_that_name_no_poster_are_its_posts_but_not_a_teasers_or_a_deleted_ones() -> None:
    # the school-signed comment is a post once two members name their posters
    found = find_posts(context := _context(_thread("".join(_comment(*comment) for comment in COMMENTS))))
    assert [_texts(context, post) for post in found] == [[text] for *_, text in COMMENTS]
    # alone among anonymous ones, nothing makes it a thread
    anonymous = [(name, "", stamp, text) for name, _, stamp, text in COMMENTS]
    assert find_posts(_context(_thread("".join(_comment(*comment) for comment in anonymous)))) == []
    # a deleted comment shows its notice and its header only: no post (and no header line taken for its text)
    for notice in ("此留言已被原作者刪除", "提示: 该帖被管理员或版主屏蔽"):
        deleted = [*COMMENTS[:2], ("國立中興大學", "", "44", notice), COMMENTS[2]]
        found = find_posts(context := _context(_thread("".join(_comment(*comment) for comment in deleted))))
        assert [_texts(context, post) for post in found] == [[text] for *_, text in COMMENTS]
    # a member whose link titles another page is a teaser, not an anonymous post
    teaser = [*COMMENTS, ("", "", "45", '<a href="/f/job/p/2553">新竹設備廠IT支援值不值得去？十年老鳥來回答</a>')]
    found = find_posts(context := _context(_thread("".join(_comment(*comment) for comment in teaser))))
    assert [_texts(context, post) for post in found] == [[text] for *_, text in COMMENTS]


def _issue_comment(ident: str, user: str, stamp: str, body: str, box: str = "text markdown-body") -> str:
    return (f'<div class="ui comments" id="{ident}"><div class="comment"><div class="content"><div class="header">'
            f'<a class="author" href="/{user}">{user}</a> <span class="timeago" title="{stamp}">4年前</span></div>'
            f'<div class="{box}"><p>{body}</p></div></div></div></div>')


def _timeline_event(user: str, action: str, stamp: str) -> str:
    return (f'<div class="ui feed issue-events"><div class="event"><div class="summary"><a class="user" href="/{user}">{user}</a>'
            f' {action} <span class="timeago date" title="{stamp}">4年前</span></div></div></div>')


def test_an_issue_in_comment_markup_with_nothing_above_is_a_thread_and_its_timeline_lines_are_no_posts() -> None:
    page = _thread(_issue_comment("git-issue-description", "zhou-xiaobei", "2021-09-14 10:26", OPENING,
                                  box="text markdown-body git-issue-content")
                   + _timeline_event("lanxi-dev", "添加了 bug 标签", "2021-09-14 14:58")
                   + _issue_comment("note_6648213", "lanxi-dev", "2021-09-14 15:03", REPLIES[1][2])
                   + _timeline_event("lanxi-dev", "将任务状态修改为 已完成", "2021-09-14 15:04"),
                   head="<h1>执行 mvn package 时依赖下载失败</h1>")
    found = find_posts(context := _context(page))
    # the opening post's box has a name of its own beside the one it shares with the reply's: one engine's posts
    assert [(post.author, _texts(context, post)) for post in found] == [("zhou-xiaobei", [OPENING]), ("lanxi-dev", [REPLIES[1][2]])]
    # under an article's prose, the same comments are the article's comments
    article = "<p>记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生就业创业。</p>"
    assert find_posts(_context(page.replace("<h1>", article + "<h1>"))) == []


def test_an_engines_reply_subject_and_the_subject_itself_are_headers_not_the_posts_words() -> None:
    title = "湖北理科612分，想学计算机，求推荐学校"
    posts = "".join(_post("t2", user, time, f'<div class="ptitle">{subject}</div><div class="pcont">{text}</div>')
                    for (user, time, text), subject in zip([("山野行者", "2008-06-26 21:14", OPENING), *REPLIES],
                                                           [title, *[f"回复：{title}"] * 3]))
    found = find_posts(context := _context(_thread(posts, head=f"<h1>{title}</h1>")))
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]
    # a subject one poster typed, which no other reply repeats, is that poster's words
    once = "".join(_post("t2", user, time, f'<div class="ptitle">{subject}</div><div class="pcont">{text}</div>')
                   for (user, time, text), subject in zip(REPLIES, ["回复：关于分数线的问题", "", ""]))
    found = find_posts(context := _context(_thread(once)))
    assert _texts(context, found[0]) == ["回复：关于分数线的问题", REPLIES[0][2]]


def test_a_quote_box_opened_by_the_quoted_posters_name_and_floor_is_not_the_replys_text() -> None:
    quote = ('<div class="relyhf"><div class="relyhfcon"><p><a href="javascript:;">背包客小张</a> 发表于 板凳</p>'
             f'<p>{REPLIES[0][2]}</p></div></div>')
    posts = _post("post", "背包客小张", "2011-06-12 09:02", REPLIES[0][2]) + _post(
        "post", "川西老司机", "2011-06-12 10:37", quote + REPLIES[1][2])
    found = find_posts(context := _context(_thread(posts)))
    assert _texts(context, found[1]) == [REPLIES[1][2]]


def test_a_link_named_a_posters_by_its_other_attributes_names_the_poster_and_keeps_the_id() -> None:
    def reply(user: str, time: str, text: str, link: str) -> str:
        return (f'<div class="contstxt"><div class="conleft"><a {link} href="//i.example.cn/77">{user}</a></div>'
                f'<div class="rtop"><span>{time}</span></div><div class="rconten">{text}</div></div>')
    marked = "".join(reply(user, time, text, 'xname="uname"') for user, time, text in REPLIES)
    assert [post.author for post in find_posts(_context(_thread(marked)))] == [user for user, _, _ in REPLIES]
    kept = "".join(reply(user, time, text, f'data-username="user{n}"') for n, (user, time, text) in enumerate(REPLIES))
    assert [post.author for post in find_posts(_context(_thread(kept)))] == ["user0", "user1", "user2"]
    # a link whose attributes say nothing names no poster: the posts are dated, but nobody signs them
    plain = "".join(reply(user, time, text, 'target="_blank"') for user, time, text in REPLIES)
    assert [post.author for post in find_posts(_context(_thread(plain)))] == [None, None, None]


def test_an_opening_post_printed_apart_gives_the_thread_the_poster_and_time_its_header_shows() -> None:
    items = "".join(f'<li class="reply-item"><h4><a href="/people/{n}/">{user}</a> <span>{time}</span></h4><p>{text}</p></li>'
                    for n, (user, time, text) in enumerate(REPLIES, 1))
    header = '<h3>来自: <a href="/people/koala/">一只考拉不睡觉</a> <span>2011-06-11 20:05:33</span></h3>'
    page = (f"<html><body>{MENU}<div class='topic'><h1>川西环线自驾游记</h1>{header}<p>{OPENING}</p><p>{OPENING}</p></div>"
            f"<ul class='topic-reply'>{items}</ul></body></html>")
    doc = cleanpage.clean(page)
    assert (doc.metadata.author, doc.metadata.published) == ("一只考拉不睡觉", "2011-06-11T20:05")
    # a question page prints its asker under the question, not the first answerer's header
    below = page.replace(header, "").replace(f"<p>{OPENING}</p></div>", f"<p>{OPENING}</p>{header}</div>")
    assert cleanpage.clean(below).metadata.author == "一只考拉不睡觉"


def test_a_second_link_to_the_posters_page_showing_the_id_names_the_poster() -> None:
    def reply(user: str, ident: str, time: str, text: str) -> str:
        return (f'<section class="c-section"><div class="author"><a class="username" href="https://home.example.tw/{ident}">'
                f'{user}</a><a class="userid" href="https://home.example.tw/{ident}">{ident}</a></div>'
                f'<div class="edittime">{time}</div><div class="c-article">{text}</div></section>')
    page = _thread("".join(reply(user, f"id{n}x", time, text) for n, (user, time, text) in enumerate(REPLIES)))
    assert [post.author for post in find_posts(_context(page))] == ["id0x", "id1x", "id2x"]
    # a second link to another page is no ID
    other = page.replace('class="userid" href="https://home.example.tw/', 'class="userid" href="https://home.example.tw/gb/')
    assert [post.author for post in find_posts(_context(other))] == [user for user, _, _ in REPLIES]


def _reddit_comment(ident: str, user: str, stamp: str, text: str, children: str = "") -> str:
    return (f'<div class="thing id-t1_{ident} noncollapsed comment" id="thing_t1_{ident}"><div class="entry">'
            f'<p class="tagline"><a href="javascript:void(0)" class="expand">[–]</a><a href="https://old.example.com/user/{user}" '
            f'class="author">{user}</a> <span class="score">21 points</span> <time title="{stamp}" datetime="{stamp}">2 years ago'
            f'</time> <a href="javascript:void(0)" class="numchildren">({1 if children else 0} children)</a></p>'
            f'<div class="usertext-body"><div class="md"><p>{text}</p></div></div><ul class="buttons"><li>'
            f'<a href="https://old.example.com/r/x/comments/1/comment/{ident}/">permalink</a></li></ul></div>'
            f'<div class="child">{children}</div></div>')


def test_a_comment_tree_under_a_submission_is_a_thread_of_every_comment_in_page_order() -> None:
    submission = (f'<div id="siteTable" class="sitetable linklisting"><div class="thing id-t3_1 odd link self">'
                  f'<p class="tagline">submitted <time datetime="2024-03-05T09:12:44+00:00">2 years ago</time> by '
                  f'<a href="https://old.example.com/user/panda" class="author">panda</a></p><div class="expando"><div class="md">'
                  f'<p>{OPENING}</p><p>{OPENING}</p></div></div></div></div>')
    nested = _reddit_comment("b", "川西老司机", "2011-06-12T10:37:00+00:00", REPLIES[1][2])
    comments = (_reddit_comment("a", "背包客小张", "2011-06-12T09:02:00+00:00", REPLIES[0][2], children=nested)
                + _reddit_comment("c", "山野行者", "2011-06-12T21:46:00+00:00", REPLIES[2][2]))
    page = (f"<html><body>{MENU}<div class='content'>{submission}<div class='commentarea'>"
            f"<div class='sitetable nestedlisting'>{comments}</div></div></div></body></html>")
    found = find_posts(context := _context(page))
    # the submission, in the comments' own structure above them, opens the thread; the nested reply is a post
    # of its own, between its parent and the next comment, and no parent holds its text
    assert [post.author for post in found] == ["panda", "背包客小张", "川西老司机", "山野行者"]
    assert [_texts(context, post) for post in found[1:]] == [[text] for _, _, text in REPLIES]
    assert found[0].apart


def _community_comment(user: str, time: str, text: str) -> str:
    return (f'<div class="comment-item"><div class="comment-head"><a class="name" href="/user/{user}">{user}</a>'
            f'<span class="time" title="{time}">3小时前</span></div><div class="comment-text">{text}</div></div>')


def test_a_topic_under_a_poster_header_of_the_comments_own_opens_a_thread_of_them() -> None:
    topic = ('<div class="topic-detail"><div class="topic-author"><a class="name" href="/user/zhuge">绿茵小诸葛</a>'
             '<span class="time" title="2011-06-12 08:15">3小时前</span></div><h1>川西环线自驾游记</h1>'
             f'<div class="topic-content"><p>{OPENING}</p></div></div>')
    comments = "".join(_community_comment(user, time, text) for user, time, text in REPLIES)
    page = f"<html><body>{MENU}<div class='main'>{topic}<div class='comments all-comments'>{comments}</div></div></body></html>"
    found = find_posts(context := _context(page))
    assert [post.author for post in found] == ["绿茵小诸葛", *[user for user, _, _ in REPLIES]]
    assert _texts(context, found[0]) == [OPENING]
    # a byline of another kind (no poster link of the comments' class) is an article's: the comments are its own
    byline = topic.replace('<a class="name" href="/user/zhuge">绿茵小诸葛</a>', "记者 诸葛")
    assert find_posts(_context(page.replace(topic, byline))) == []


def test_comments_outweighing_a_long_article_above_them_are_still_its_comments() -> None:
    article = "".join(f"<p>{OPENING}{text}</p>" for _, _, text in REPLIES * 3)  # over 300 characters of prose
    items = "".join(_post("reply", f"{user}{n}", time, text * 2) for n in range(4) for user, time, text in REPLIES)
    page = f"<html><body>{MENU}<h1>川西环线自驾游记</h1><div class='article'>{article}</div><div class='box2'>{items}</div></body></html>"
    assert find_posts(_context(page)) == []
    # the replies' own mark of the opener (楼主 on a reply) says the text above is an opening post
    marked = page.replace("发表于: 2011-06-12 10:37", "楼主 发表于: 2011-06-12 10:37", 1)
    assert len(find_posts(_context(marked))) == 12


def test_a_time_tag_in_utc_showing_the_readers_time_dates_a_post_in_the_readers_zone() -> None:
    def reply(user: str, stamp: str, shown: str, text: str) -> str:
        return (f'<div class="comment"><a href="/@{user}">{user}</a> <time datetime="{stamp}">{shown}</time>'
                f'<div class="body">{text}</div></div>')
    page = _thread(reply("ming", "2024-03-12T13:40:52.592Z", "3月12日 21:40", REPLIES[0][2])
                   + reply("taro", "2024-03-12T16:21:00Z", "3月13日 00:21", REPLIES[1][2]))
    # the shown time of day is UTC+8 here: the date moves with it past midnight
    assert [post.published for post in find_posts(_context(page))] == ["2024-03-12T21:40", "2024-03-13T00:21"]
    # a tag showing no time of day keeps its value
    bare = page.replace("3月12日 21:40", "4 小時前").replace("3月13日 00:21", "1 小時前")
    assert [post.published for post in find_posts(_context(bare))] == ["2024-03-12T13:40", "2024-03-12T16:21"]


def test_a_name_linking_the_page_its_avatar_links_names_the_poster() -> None:
    def reply(n: int, user: str, time: str, text: str, thank: str = "") -> str:
        return (f'<div class="b5"><div class="b5l"><a href="http://my.example.net/{n}/"><img src="/face/{n}.jpg"></a>'
                f'<p><a href="http://my.example.net/{n}/">{user}</a></p></div><div class="b5r"><div class="b5h">发表于：{time}'
                f'{thank}</div><div class="b5c"><p>{text}</p></div></div></div>')
    page = _thread("".join(reply(n, user, time, text) for n, (user, time, text) in enumerate(REPLIES)))
    assert [post.author for post in find_posts(_context(page))] == [user for user, _, _ in REPLIES]
    # a button with an icon beside it leads nowhere: no poster's page
    thank = '<a href="#;" class="thank"><img src="/heart.png"></a><a href="#;">♥ 感谢回复者</a>'
    unnamed = _thread("".join(reply(n, user, time, text, thank).replace('<a href="http://my.example.net/', '<span data-u="')
                              .replace("</a></p>", "</span></p>") for n, (user, time, text) in enumerate(REPLIES)))
    assert [post.author for post in find_posts(_context(unnamed))] == [None, None, None]


def test_an_opening_post_apart_takes_its_poster_from_the_header_above_its_title_not_from_its_edit_line() -> None:
    def note(user: str, name: str, iso: str, shown: str, text: str, system: bool = False) -> str:
        words = f'<span class="system-note-message">{text}</span>' if system else ""
        body = "" if system else f'<div class="note-body"><div class="note-text md"><p>{text}</p></div></div>'
        return (f'<li class="note timeline-entry"><div class="note-header"><a class="author-link" href="/{user}" '
                f'data-username="{user}"><span class="note-header-author-name">{name}</span></a> {words}'
                f'<time class="js-timeago" title="{shown}" datetime="{iso}">2年前</time></div>{body}</li>')

    header = ('<div class="issuable-meta">议题创建于 <time class="js-timeago" title="2023年3月7日 下午2:22 GMT+0800" '
              'datetime="2023-03-07T06:22:31Z">2年前</time> 由 <a class="author-link" href="/chenxf" data-username="chenxf"></a>'
              '<strong>陈晓峰</strong></div><div><a href="/issues/new">新建议题</a></div>')
    description = ('<h1>主从切换后 binlog 位点丢失</h1><div class="description"><div class="md">'
                   "<p>3 月 6 日晚上数据库发生了一次主从切换，切换后增量任务没有报错，但是对账发现有 1342 条变更没有同步到下游。</p>"
                   "<p>切换后应该按 GTID 续传，而不是直接跳到新主库的当前位点。</p></div></div>"
                   '<small class="edited-text">编辑于 <time class="js-timeago" title="2023年3月7日 下午2:26 GMT+0800" '
                   'datetime="2023-03-07T06:26:40Z">2年前</time> 由 <a class="author-link" href="/chenxf">陈晓峰</a></small>')
    notes = ('<ul class="notes">' + note("linwei", "林蔚", "2023-03-07T06:30:00Z", "2023年3月7日 下午2:30 GMT+0800", "添加了 bug 标签", True)
             + note("zhoujm", "周建民", "2023-03-07T07:05:00Z", "2023年3月7日 下午3:05 GMT+0800", "看了一下代码，重连逻辑里只保存了文件名和位置，没有保存 GTID 集合。")
             + note("chenxf", "陈晓峰", "2023-03-07T07:40:00Z", "2023年3月7日 下午3:40 GMT+0800", "好的，已经按这个办法补跑完了，核对过数据一致。")
             + note("zhoujm", "周建民", "2023-03-08T02:12:00Z", "2023年3月8日 上午10:12 GMT+0800", "已经加了 GTID 续传，下个版本发布。")
             + "</ul>")
    doc = cleanpage.clean(f"<html><body>{MENU}<div class='content'>{header}{description}{notes}</div></body></html>")
    assert (doc.metadata.author, doc.metadata.published) == ("chenxf", "2023-03-07T14:22")


def _phpbb2_thread() -> str:
    """phpBB 2 (subSilver): each post a bare <tr> of one big table, its poster in span.name, its time with the month
    spelled by the board's Chinese translation, quotes in a row of td.quote, a signature under a text rule."""
    def row(n: int, user: str, time: str, body: str) -> str:
        return (f'<tr><td class="row{n % 2 + 1}" width="150"><span class="name"><a name="{n}"></a><b>{user}</b></span>'
                f'<br><span class="postdetails">中士<br>文章: 312</span></td><td class="row{n % 2 + 1}"><table width="100%">'
                f'<tr><td><span class="postdetails">發表於: {time}&nbsp; &nbsp;文章主題: 第一次用噴筆上色，踩雷紀錄</span></td></tr>'
                f'<tr><td colspan="2">{body}</td></tr></table></td></tr>'
                f'<tr><td class="row{n % 2 + 1}"><a href="#top">回頂端</a></td><td class="row{n % 2 + 1}">'
                f'<a href="profile.php?mode=viewprofile&u={n}"><img src="icon_profile.gif" alt="個人資料"></a></td></tr>'
                '<tr><td class="spaceRow" colspan="2"><img src="spacer.gif" alt=""></td></tr>')
    quote = ('<table width="90%"><tr><td><span class="genmed"><b>小飛俠Ken 寫到:</b></span></td></tr>'
             '<tr><td class="quote">前後花了三個週末，踩了不少雷。</td></tr></table>')
    posts = (row(1, "小飛俠Ken", "星期二 三月 15, 2005 9:14 pm", f'<span class="postbody">{OPENING}<br>_________________<br>'
                 "我的模型小屋：http://home.example.com.tw/kenzaku/<br>HG 薩克製作中</span>")
             + row(2, "老周模型", "星期二 三月 15, 2005 9:40 pm", f'<span class="postbody"></span>{quote}<span class="postbody">恭喜入坑！漆的濃度真的要靠經驗。</span>')
             + row(3, "阿傑", "星期三 三月 16, 2005 12:08 am", '<span class="postbody">哈哈哈這個我也遇過，建議用鱷魚夾夾在竹筷上再噴。</span>'))
    return f'<html><body>{MENU}<table class="forumline"><tr><th>作者</th><th>內容</th></tr>{posts}</table></body></html>'


def test_a_phpbb2_thread_of_bare_table_rows_gives_each_post_without_its_header_quote_or_signature() -> None:
    found = find_posts(context := _context(_phpbb2_thread()))
    assert [(post.author, post.published) for post in found] == [
        ("小飛俠Ken", "2005-03-15T21:14"), ("老周模型", "2005-03-15T21:40"), ("阿傑", "2005-03-16T00:08")]
    assert [_texts(context, post) for post in found] == [
        [OPENING], ["恭喜入坑！漆的濃度真的要靠經驗。"], ["哈哈哈這個我也遇過，建議用鱷魚夾夾在竹筷上再噴。"]]


def test_posts_in_rows_alternating_colours_named_beside_a_profile_icon_with_a_signature_under_a_rule() -> None:
    def row(n: int, user: str, time: str, body: str) -> str:
        colour = ("#F7F7F7", "#E7EBEF")[n % 2]
        return (f'<tr><td bgcolor="{colour}" valign="top" width="140" nowrap><p><font size="2"><b><span>{user}</span></b></font>'
                f'<br><font size="1"><small>一般會員</small></font><br><font size="1"><small>58 篇文章</small></font></p></td>'
                f'<td bgcolor="{colour}" width="100%"><table width="100%"><tr><td><font size="1">發表 -&nbsp;{time}</font>'
                f'<a href="pop_profile.asp?mode=display&id={n}"><img src="icon_profile.gif" alt="顯示作者資料"></a><hr></td></tr>'
                f'<tr><td><font size="2"><span class="spnMessageText" id="msg">{body}</span></font></td></tr></table></td></tr>')
    signed = f'{OPENING}<br><br><hr noshade size="1"><font size="1">百岳進度 37/100</font>'
    rows = "".join(row(n, user, time, text) for n, (user, time, text) in enumerate(
        [("山豬阿明", "2006/3/5 下午 09:14:07", signed), ("嚮導老吳", "2006/3/5 下午 10:02:45", REPLIES[0][2]),
         ("小雲雀", "2006/3/5 下午 11:18:20", REPLIES[1][2]), ("Jerry_登山客", "2006/3/6 上午 08:47:10", REPLIES[2][2])]))
    found = find_posts(context := _context(f'<html><body>{MENU}<table width="95%">{rows}</table></body></html>'))
    assert [post.author for post in found] == ["山豬阿明", "嚮導老吳", "小雲雀", "Jerry_登山客"]
    assert [_texts(context, post) for post in found] == [[OPENING], *[[text] for _, _, text in REPLIES]]



def test_a_news_archive_thread_gives_each_messages_preformatted_text_without_quoted_lines_or_signature() -> None:
    def message(user: str, time: str, body: str) -> str:
        return (f'<table class="art"><tr><td class="hdr">发件人：</td><td><b>{user} &lt;{user}@example.net&gt;</b></td></tr>'
                f'<tr><td class="hdr">日期：</td><td>{time}</td></tr><tr><td class="hdr">Message-ID：</td><td>&lt;{time[5:7]}.{user}@news.example&gt;</td></tr>'
                '<tr><td class="hdr">User-Agent：</td><td>Mozilla/5.0 (Windows; U; Win98; zh-CN; rv:1.4) Gecko/20030624</td></tr>'
                f'<tr><td colspan="2"><pre class="body">{body}</pre></td></tr></table>')
    opening = "新装的 RedHat 9，挂载 Windows 的 FAT32 分区以后，中文文件名全是问号。\n用的命令是：\nmount -t vfat /dev/hda5 /mnt/win"
    reply = "李伟 写道:\n&gt; 中文文件名全是问号。\n\n加上 iocharset 参数试试：\nmount -t vfat -o iocharset=cp936 /dev/hda5 /mnt/win"
    third = ("In article &lt;3F12B7C5@news.example&gt;, 张宏 wrote:\n&gt; 加上 iocharset 参数试试：\n\n还要注意 LANG，终端的编码"
             "要和 iocharset 一致。\n-- \n※ 来源:·水木社区 newsmth.net·[FROM: 166.111.8.*]")
    posts = (message("李伟", "Mon, 14 Jul 2003 21:05:33 +0800", opening) + message("张宏", "Mon, 14 Jul 2003 22:17:02 +0800", reply)
             + message("tiger", "Tue, 15 Jul 2003 09:40:11 +0800", third))
    found = find_posts(context := _context(f"<html><body>{MENU}<div>{posts}</div></body></html>"))
    assert [(post.author, post.published) for post in found] == [
        ("李伟", "2003-07-14T21:05"), ("张宏", "2003-07-14T22:17"), ("tiger", "2003-07-15T09:40")]
    assert [_texts(context, post) for post in found] == [
        opening.split("\n"), ["加上 iocharset 参数试试：", "mount -t vfat -o iocharset=cp936 /dev/hda5 /mnt/win"],
        ["还要注意 LANG，终端的编码要和 iocharset 一致。"]]


def test_a_reply_of_emoji_alone_is_the_posters_words() -> None:
    posts = "".join(_post("post", user, time, text) for user, time, text in [("山野行者", "2011-06-12 08:15", OPENING), *REPLIES,
                                                                           ("路过的猫", "2011-06-13 09:00", "👍👍")])
    doc = cleanpage.clean(_thread(posts))
    assert doc.metadata.page_type == "forum_thread" and doc.text.splitlines()[-1] == "👍👍"
