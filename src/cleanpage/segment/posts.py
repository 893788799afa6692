"""The posts of a forum thread: one structure repeated, each with an author, a time and a text.

A thread (Discuz, phpwind, tieba, Tianya, Q&A pages...) prints every post in the same markup: the
children of one element that share a tag and a first class word (or, without a class, an id
pattern: ``post_123`` -> ``post_#``). A group of such siblings is a thread when at least two of them carry a date with a
time (printed, or kept in a ``<time datetime>`` or a ``title`` attribute beside a link to the poster's user page:
modern engines print only the day or a relative time and keep the time in the tag) and some text of their own (the first sibling may show none: the opening post's time is often
in the thread's header), and when it is not a comment section under an article (no comment/reply words on the
group's container unless an item is marked as the opener's, 楼主, or the items name themselves posts, as
Invision's ``cPost ipsComment`` does; and less prose before its first post than in its posts, unless
the page is a question page with answer headings, 最佳答案 / 其他回答).

Inside each post, the text is the content element: the nearest common ancestor of the post's
prose blocks, leaving out user panels, signatures and quotes by their class words, and quote
boxes that open with a quote header (引用:, 原帖由 … 发表, … 写道:). What a post
shows outside it gives the post's author (a link to a user page, or the first short link) and
time (the first date with a time). Quoted earlier posts, edit notices and buttons inside the
content element are not the post's text.

Never: a list of other threads (titles, authors and dates without text of their own) is not a
thread, because its rows are mostly link text.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from urllib.parse import quote

from lxml import etree

from ..dates import CLOCK_HINT, CLOCK_SEPARATOR, find_date
from ..lexicon import OTHER_EVENT_LABEL
from ..shadow import fold
from .markup_names import CLASS_WORD, class_words, words_of
from .page_blocks import PageBlock
from .prose import PICTOGRAPH, SPACE
from .signals import PageContext

DIGITS = re.compile(r"\d+")
USER_LINK = re.compile(r"uid=|space-uid|/@[^/?#]+/?(?:[?#]|$)|mod=space|/u/|/user|/people/|member|profile|/home\.php|username=|un=|/i/",
                       re.IGNORECASE)
BUTTONS = re.compile(
    r"^(?:回复|回覆|引用|举报|舉報|只看该作者|只看他|只看樓主|只看楼主|支持|反对|反對|评分|評分|收藏|分享|顶|踩|楼主|樓主|沙发|沙發|"
    r"板凳|地板|地下室|\d+\s*[楼樓#]|#\d+|电梯直达|使用道具|编辑|編輯|删除|刪除|点赞|按讚|赞|讚|"
    # the links beside a poster's name to their profile and messages (vBulletin: 资料 短信 查找)
    r"个人资料|個人資料|资料|資料|短信|短消息|发短消息|發短消息|私信|私訊|查找|加为好友|加為好友|"
    # a follow button beside the name
    r"\+?关注|\+?關注|加关注|加關注|追蹤|\s|[|｜丨·+])+$")
# The header a forum engine prints above a quoted earlier post, when the quote box has no telling class:
# 引用: / 原帖由 X 于 … 发表 / 以下是引用 X 在 … 的发言 / 引用第1楼 X 于 … 发表的 / X 写道: / X wrote: /
# @X 2012-03-04 12:20:05 (the quoted post's author and time) / X 发表于 板凳 (the quoted post's author and floor)
QUOTE_HEADER = re.compile(r"^\s*(?:引用\s*[:：]|引用\s*\S{1,30}\s*的(?:发言|發言)\s*[:：]|原帖由|以下是引用|引用第\s*\d+\s*[楼樓]|[^\s:：]{1,30}\s*(?:写道|寫道|写到|寫到|wrote)\s*[:：]|@\S{1,30}\s+(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|"
                          r"[^\s:：]{1,30}\s*(?:发表于|發表於)\s*(?:沙发|沙發|板凳|地板|地下室|\d+\s*[楼樓#]|#\d+)\s*$|"
                          # a mail or news reply's attribution line: ``In article <…>, 张宏 wrote:``, Outlook Express's
                          # ``"李伟" <liwei@263.net> 写入消息新闻:3F13…``
                          r".{0,80}?\b(?:wrote|写道|寫道)\s*[:：]\s*$|.{0,60}?写入消息新闻\s*[:：])",
                          re.IGNORECASE)
# A line a mail or a markdown reply quotes from an earlier post: each quoted line opens on ``>``.
QUOTED_LINE = re.compile(r"^\s*[>＞]")
QUOTE_HEADER_MAX = 60  # an element this short that opens with a quote header is the header alone
INLINE_BOXES = frozenset({"font", "span", "i", "em", "small"})
NAME_BOXES = frozenset({"a", "b", "strong", "span", "font"})  # what a quoted poster's name is printed in
SEPARATOR_LINE = re.compile(r"^\s*(?:[-_=—─━~*·.]{6,}|--)\s*$")  # ``-- ``: a mail's signature separator
SIGNATURE_MAX = 200
SIGNATURE_LINES = 3
SIGNATURE_LINE_MAX = 40
MAIL_SIGNATURE_LINE_MAX = 80  # under a mail's ``-- `` separator, made for nothing but a signature
# An edit notice (本帖最后由 X 于 … 编辑, 已编辑 <date> 由 X, 编辑于 <time> 由 X, [此贴子已经被作者于 <time> 编辑过]), or the line naming the post a reply answers (Discuz: 回复 3# 儿保科刘医生 的帖子,
# 回覆 1# 阿凱不加班): engine
# text at the top of a post, not the poster's words.
EDIT_NOTICE = re.compile(r"本帖最后由|本帖最後由|最后(?:进行)?编辑|最後(?:進行)?編輯|last edited|^\s*[(（]?(?:已编辑|已編輯|编辑于|編輯於|edited)\b|"
                         r"已(?:经|經)?被.{0,30}?[于於].{0,40}?(?:编辑|編輯)过|"
                         r"^\s*(?:回复|回覆)\s*\d+\s*[#楼樓]\s*(?:\S.{0,30}的帖子|\S{1,30})\s*$",
                         re.IGNORECASE)
QUOTE_WORDS = frozenset({"quote", "blockquote", "quotes", "yinyong"})
# The panels around a post's text (its poster's card, an info bar, an ad): small beside the post. An element so
# named that holds most of the post's text (XenForo 1: ``div.messageInfo``) or its named text box is the post's
# own wrapper.
PANEL_WORDS = frozenset({"user", "author", "userinfo", "profile", "avatar", "postauthor", "poster", "info", "sidebar",
                         "side", "ad", "ads", "rate"})
INFO_BAR = frozenset({"info"})
SIGNATURE_WORDS = frozenset({"sign", "signature", "signatures", "sig"})
ASIDE_WORDS = QUOTE_WORDS | PANEL_WORDS | SIGNATURE_WORDS
# Class and id words that name an element as a post's text (postcontent, postmessage_12, messageContent, post_body,
# postmsg)
CONTENT_BOX_ENDS = ("content", "message", "msg", "body")
POSTER_BOX_WORDS = frozenset({"user", "username", "author", "poster", "nickname", "uname"})  # a poster's card
POSTER_NAME_BOXES = POSTER_BOX_WORDS | {"name"}  # a box printing a poster's name without a link
POSTER_NAME_LENGTH = (2, 30)
NAME_AND_HANDLE = re.compile(r".+?\s*@(?P<handle>[A-Za-z0-9_.\-]{2,30})")  # 阿明不加班 @ming_no_ot: a name, then the ID
HANDLE = re.compile(r"[A-Za-z0-9_.\-]{2,30}")
# a user's name as an address's parameter (dispuser.asp?name=…, messanger.asp?touser=…)
NAME_PARAMETER = re.compile(r"[?&](?:name|username|user|uname|touser|author|nickname)=([^&'\"#\s]+)", re.IGNORECASE)
ADDRESS_ENCODINGS = ("utf-8", "gb18030", "big5")
ID_KEYS = frozenset({"username", "login", "uname"})  # data-username="zhou-xiaobei": the ID a poster's link keeps
PLAIN_ATTRIBUTES = frozenset({"href", "class", "id", "style", "title", "src", "alt", "target", "onclick", "onmouseover"})
POSTER_BOX_DEPTH = 3  # the card is the link's own element or one of its closest containers, never the page
COMMENT_WORDS = frozenset({"comment", "comments", "cmt", "pinglun", "gentie", "review", "reviews"})
AUTHOR_WORDS = r"(?:作者|發信人|发信人|发件人|發件人|寄件人|楼主|樓主|提问者|發表者|发表者)"  # 发件人: a mail or news archive's From
AUTHOR_LABEL = re.compile(rf"{AUTHOR_WORDS}\s*[:：]\s*([^\s:：(（<]{{1,20}})")
AUTHOR_LABEL_CELL = re.compile(rf"\s*{AUTHOR_WORDS}\s*[:：]\s*")  # the label alone, the name in the next cell
# The mark a thread puts on its opener's replies: comments under a news article have no opener.
OPENER_MARK = re.compile(r"(?:^|\s)(?:楼主|樓主|原帖作者|原PO)(?:\s|$)", re.IGNORECASE)  # 原PO: Taiwan's "original poster"
OPENER_MARK_LINE = 60  # the mark stands in a post's header line, not in its text
# The headings of a question-and-answer page (百度知道-like: 最佳答案, 其他回答, 12个回答; Q&A sites in English).
QA_HEADING = re.compile(r"最佳答案|最佳回答|推荐答案|其他回答|其他答案|其它回答|全部回答|\d+\s*(?:个|條|条)回答|"
                        r"\b(?:best answer|accepted answer|\d+ answers)\b", re.IGNORECASE)
QA_HEADING_MAX = 20
MIN_POSTS = 2
MORE_LINE_MAX = 12  # characters of the button closing a comment list (查看全部6条回复 >)
BADGE_MAX = 3  # characters of a badge printed beside a poster's name (官方, 楼主, VIP)
# A class name a CSS-modules build makes: a word, a separator and a short hash holding a capital or a digit.
HASHED_CLASS = re.compile(r"[a-z]{2,12}[_-](?=[A-Za-z0-9]{5,8}$)[a-z]*[A-Z0-9][A-Za-z0-9]*")
SHOWN_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:：]([0-5]\d)(?!\d)")  # a time of day a <time> shows
# what a header line prints before its time: a label, a weekday (發表於: 星期二, 發表 - , Posted: Tue)
TIME_LABEL = re.compile(r"\s*(?:[^\s\[(（]{1,6}\s*[:：-]\s*)?(?:(?:星期|週|周)[一二三四五六日天]|[A-Za-z]{3}\.?,?)?\s*")
ATTRIBUTE_TIME_LINE_MAX = 120  # a header line keeping its time in an attribute, with the scores and counts beside it
OPENING_HEADER_LINES = 3  # the lines beside an opening post's text where its header shows its poster and time
REPLY_SUBJECT = re.compile(r"^(?:回复|回覆|回應|答复|答覆|re)\s*[:：]\s*(?P<subject>\S.{3,}?)\s*$", re.IGNORECASE)
LONG_ARTICLE = 300  # prose (CJK-character units) above repeated comments that is an article of its own
LONG_ARTICLE_SHARE = 0.25  # ... when it is at least this share of the comments' text
ARTICLE_ABOVE_MIN = 20  # the least prose (in characters) above a comment list that makes it an article's (a sentence)
# What a forum prints in place of a deleted or hidden post: a post showing nothing else is no post (there is no
# text to keep, and its header alone would pass for one): 此留言已被原作者刪除, ※ 此跟帖已被管理员删除 ※, [deleted].
DELETED_NOTICE = re.compile(
    r"^[※*\s\[【(（]*(?:提示\s*[:：]\s*)?(?:此|该|該|本)?\s*(?:留言|回复|回覆|回應|帖子|跟帖|帖|文章|楼层|樓層|内容|內容|评论|評論|"
    r"发言|發言)?\s*(?:已被|已由|已经被|已經被|被).{0,12}?(?:删除|刪除|屏蔽|隐藏|隱藏)[\s※*\]】)）。.!！]*$"
    r"|^\[(?:deleted|removed)\]$|^(?:this|the) (?:post|comment|reply|message) (?:has been|was) (?:deleted|removed)\b.{0,40}$",
    re.IGNORECASE)
MIN_POST_WEIGHT = 1
SPELLED = re.compile(r"(?!(?:am|pm)\b)[A-Za-z]{3,}")  # a month or weekday name in a date's text (not am/pm)
# A post shows its own time, and a few more in quotes, edit notices and rating lines; an element showing more
# times than this is a section of the page (a layout row holding an article and its comment list).
MAX_TIMES = 8
MICRODATA_TIMES = frozenset({"datecreated", "datepublished"})  # schema.org's times of a post (not dateModified)
TOOLTIP_ATTRIBUTES = ("title", "data-tip", "data-tooltip", "data-original-title")  # what a page shows on hover
TIME_KEYS = frozenset({*TOOLTIP_ATTRIBUTES, "datetime", "itemprop"})  # the attributes besides data-* that keep a time
# the elements that may keep a time in an attribute, in page order: found in C, most elements have none of these
TIME_KEEPERS = etree.XPath("//*[@*[starts-with(name(), 'data-')] or "
                           + " or ".join(f"@{name}" for name in sorted(TIME_KEYS)) + "]")
TITLE_LINK_MIN = 6  # characters of a link's text that title a page (a button or a count is shorter)
REPLY_TO = re.compile(r"^(?:回應至|回应至|回复给|回覆給|回复|回覆|回應|回应|reply to|in reply to|@)\s*", re.IGNORECASE)  # 回應至 NAME
COUNT_LINK = re.compile(r"\D{0,4}\d+\D{0,4}")  # 其他 12 人, 3 replies
# What a post's button links say in English (the Chinese ones are BUTTONS): no page's title
LATIN_BUTTONS = re.compile(r"(?:permalink|embed|save|unsave|report|reply|share|parent|context|source|edit|delete|quote|"
                           r"give award|hide|block user|mark as spam)", re.IGNORECASE)
LINK_LINE_MAX = 0.6  # more of a line in links than this is a link row, not a post's words
SHOWN_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
# Words a forum engine names its posts by: a post so named is one even where the engine also calls it a
# comment (Invision: ``cPost ipsComment``).
POST_WORDS = frozenset({"post", "posts", "postbit", "message", "floor"})


@dataclass
class ThreadPost:
    element: etree._Element
    content: etree._Element
    blocks: list[int] = field(default_factory=list)
    author: str | None = None
    published: str | None = None
    apart: bool = False  # the opening post, printed apart from the replies (then nothing above it is the thread's)


def find_posts(page: PageContext) -> list[ThreadPost]:
    """The thread's posts in page order, or ``[]`` when the page is not a thread."""
    facts = _PageFacts(page.tree)
    # A thread needs MIN_POSTS sibling members that show a time (_thread_of's first test, _maybe_dated): a block
    # under the member with a time of day, or an element inside it keeping one in an attribute. Siblings share no
    # block and no element, so a page showing fewer times than MIN_POSTS has no thread: most pages, told cheaply.
    timed = 0
    for block in page.blocks:
        if CLOCK_HINT.search(block.text) and _timed_date(block.text) and (timed := timed + 1) >= MIN_POSTS:
            break
    if timed < MIN_POSTS and timed + facts.keepers() < MIN_POSTS:
        return []
    under = _blocks_under(page.blocks, skip=_reply_subject_lines(page.blocks))
    # a question page's answers follow the question and its best answer: more prose before them is no article
    qa_page = any(len(block.text) <= QA_HEADING_MAX and QA_HEADING.search(block.text) for block in page.blocks)
    threads = [thread for members in _sibling_groups(page.tree, under)
               if (thread := _thread_of(members, page, under, facts, qa_page)) is not None]
    # a group of page wrappers holding a whole thread each is not the thread: its posts are inside (a comment
    # tree holds its nested replies' group, which is no wrapper of them)
    inner = [(posts, weight) for posts, weight in threads
             if not any(_wraps(post.element, other) for post in posts for other, _ in threads
                        if other is not posts and not {reply.element for reply in other} <= {post.element for post in posts})]
    return max(inner, key=lambda thread: thread[1], default=([], 0.0))[0]


def _thread_of(members: list[etree._Element], page: PageContext, under: dict[etree._Element, list[int]],
               facts: _PageFacts, qa_page: bool) -> tuple[list[ThreadPost], float] | None:
    """The posts of a group of sibling elements of one structure and their weight, or ``None`` when the group is
    no thread."""
    if sum(1 for member in members if _maybe_dated(member, page.blocks, under, facts)) < MIN_POSTS:
        return None  # every post shows a time (:func:`_dated`): most groups of a page are no thread, cheaply
    members, under = _comment_tree(members, under)
    boxes = _text_boxes(members, page.blocks, under)
    posts = [post for post in (_read_post(member, page.blocks, under, box=boxes.get(member), facts=facts)
                               for member in members) if post]
    if sum(1 for post in posts if post.author or post.published) < MIN_POSTS:
        return None  # a post shows its poster or its time: sections that show neither are layout (an article's)
    posts = _at_text_place(_with_unnamed_posters(posts, members, page.blocks, under, boxes, facts), members,
                           page.blocks, under)
    if sum(1 for post in posts if post.author or post.published) < MIN_POSTS:
        return None  # the posts that wrote nothing gone, fewer than a thread's
    if posts[0].element is not members[0]:
        # the opening post's time is often printed in the thread's header, above the post
        opening = _read_post(members[0], page.blocks, under, box=boxes.get(members[0]))
        if opening and any(page.blocks[i].prose > 0 and page.blocks[i].kind != "heading" for i in opening.blocks):
            posts = [opening, *posts]
    if _mixed_text_boxes(posts):
        return None
    weight = sum(page.blocks[i].weight for post in posts for i in post.blocks)
    # the opening post in the replies' own structure, apart from them (a submission above its comment tree), or
    # under a header of the replies' own (the same poster link, a time beside it)
    kin = _opener_of_kind(members, page, under) or _opener_by_header(posts, page, under)
    # a comment list under an article; one with no article above it is a discussion in comment markup
    # (an issue tracker's description and replies)
    comments = (kin is None and _comment_section(members[0]) and not _marks_opener(page.blocks, members, under)
                and _prose_before(page, posts, least=0.0) >= ARTICLE_ABOVE_MIN)
    # a long article above repeated comments keeps them its comments, however many: only the replies' own marks
    # (an opener of their kind or header, 楼主 on a reply) say the text above is an opening post
    article = (kin is None and not qa_page and not _marks_opener(page.blocks, members, under)
               and _prose_before(page, posts) >= max(LONG_ARTICLE, LONG_ARTICLE_SHARE * weight))
    if comments or article or not (qa_page or not _after_article(page, posts, weight)):
        return None  # only a thread's own replies say it is one: an article above comments is no opening post
    apart = kin or _opener_apart(page, posts, under)
    if apart is not None:
        # on a question page the post printed apart is the best answer: the question above it opens the thread
        apart.apart = not qa_page
        posts = [apart, *posts]
        weight += sum(page.blocks[i].weight for i in apart.blocks)
    return posts, weight


def _at_text_place(posts: list[ThreadPost], members: list[etree._Element], blocks: Sequence[PageBlock],
                   under: dict[etree._Element, list[int]]) -> list[ThreadPost]:
    """The posts read where their text is. When most posts that wrote prose print it in the same place of their
    markup (the second cell of their row, ``div.reply-content``), a post read elsewhere (a one-word reply, 顶 or mark,
    weighs less than its poster's card: 级别, 注册日期, 文章) is read again from its own box in that place, and a
    member left unread for its shortness is read there too. In any case, when most posts print their text in one
    place, a post whose box there holds no words (a photo, a sticker) and whose other lines are no prose wrote
    nothing, and goes."""
    prose_posts = [post for post in posts if any(blocks[i].prose > 0 for i in post.blocks)]
    place = _common_place(prose_posts)
    if place is None:
        place = _common_place(posts)
        if place is None:
            return posts
        return [post for post in posts if _place(post.element, post.content) == place or post in prose_posts
                or (box := _at_place(post.element, place)) is None
                or any(_own_text(blocks[i], text_box=_in_content_box(box, post.element)) for i in under.get(box, []))]
    read = {post.element: post for post in posts}
    placed: list[ThreadPost] = []
    for member in members:
        post = read.get(member)
        if post is not None and (_place(member, post.content) == place or post in prose_posts):
            placed.append(post)
            continue
        box = _at_place(member, place)
        if box is None:
            placed += [post] if post is not None else []
            continue
        reread = _read_post(member, blocks, under, box=box)
        if reread is not None and (post is not None or reread.author or reread.published):
            placed.append(reread)
    return placed + [post for post in posts if post.element not in members]


def _common_place(posts: list[ThreadPost]) -> tuple[tuple[str, int], ...] | None:
    """The place of their markup where most of ``posts``, ``MIN_POSTS`` at least, hold their text."""
    places = Counter(_place(post.element, post.content) for post in posts)
    if not places:
        return None
    place, count = places.most_common(1)[0]
    return place if place and count >= MIN_POSTS and 2 * count > len(posts) else None


def _place(member: etree._Element, content: etree._Element) -> tuple[tuple[str, int], ...]:
    """Where ``content`` sits in ``member``: the tag and position among its siblings of each element on the way."""
    steps = []
    node = content
    while node is not member and (parent := node.getparent()) is not None:
        steps.append((str(node.tag), parent.index(node)))
        node = parent
    return tuple(reversed(steps)) if node is member else ()


def _at_place(member: etree._Element, place: tuple[tuple[str, int], ...]) -> etree._Element | None:
    node = member
    for tag, index in place:
        if index >= len(node) or node[index].tag != tag:
            return None
        node = node[index]
    return node


def _comment_tree(members: list[etree._Element], under: dict[etree._Element, list[int]]
                  ) -> tuple[list[etree._Element], dict[etree._Element, list[int]]]:
    """The members with the replies nested inside them in the same structure (:func:`_named_kind`; a comment tree:
    old Reddit's ``div.thing.comment`` inside a comment's ``div.child``), in page order, and a view of the blocks under each
    element in which a member holds none of its nested replies' blocks (each reply is a post of its own)."""
    kind = _named_kind(members[0])
    tree = [node for member in members for node in (member, *(inner for inner in member.iterdescendants()
                                                               if kind and inner in under and _named_kind(inner) == kind))]
    if len(tree) == len(members):
        return members, under
    posts = set(tree)
    view = dict(under)
    for member in tree:
        nested = [node for node in member.iterdescendants() if node in posts]
        if not nested:
            continue
        skip = {index for node in nested for index in under[node]}
        stack = [member]
        while stack:  # the member's own elements, not those of the replies inside it
            node = stack.pop()
            if node in under:
                view[node] = [index for index in under[node] if index not in skip]
            stack.extend(child for child in node if isinstance(child.tag, str) and child not in posts)
    return tree, view


def _opener_by_header(posts: list[ThreadPost], page: PageContext,
                      under: dict[etree._Element, list[int]]) -> ThreadPost | None:
    """The opening post above the replies, printed apart from them under a poster header of theirs: a link to a
    user page classed as the replies' poster links are, with a time beside it (a community topic above its
    comments: ``a.name`` and ``span.time[title]`` in the topic's author row and in every comment's head). The
    post is the largest element holding that header but not the replies."""
    first = posts[0].element
    link = next((anchor for anchor in first.iter("a") if anchor.get("class") and _user_page(anchor, first)
                 and posts[0].content not in (anchor, *anchor.iterancestors())), None)
    if link is None or not under.get(first):
        return None
    start = under[first][0]
    header = next((anchor for anchor in page.tree.iter("a") if anchor.get("class") == link.get("class")
                   and _user_page(anchor) and (row := anchor.getparent()) is not None and under.get(row)
                   and under[row][0] < start and _shows_time(row, page.blocks, under)), None)
    if header is None:
        return None
    opening = header
    while (parent := opening.getparent()) is not None and first not in parent.iterdescendants():
        opening = parent
    post = _read_post(opening, page.blocks, under)
    return post if post and any(page.blocks[i].prose > 0 for i in post.blocks) else None


def _shows_time(row: etree._Element, blocks: Sequence[PageBlock], under: dict[etree._Element, list[int]]) -> bool:
    """Whether a header row shows a time of day: printed, or kept in an attribute."""
    return _time(blocks, under.get(row, [])) is not None or _keeps_time(row)


def _keeps_time(element: etree._Element) -> bool:
    """Whether ``element`` or an element inside it keeps a post's time in an attribute (:func:`_post_time`)."""
    return any(map(_post_time, element.iter(tag=etree.Element)))


def _named_kind(element: etree._Element) -> tuple[str, frozenset[str]] | None:
    """An element's tag and the classes it carries that hold no digit: what a nested reply shares with the post
    it answers (``thing noncollapsed comment``), where a component's inner boxes only share a numbered prefix
    (``sc-71b8f2c4-0`` above ``sc-71b8f2c4-3``). ``None`` without such a class."""
    names = frozenset(name for name in (element.get("class") or "").split() if not DIGITS.search(name))
    return (str(element.tag), names) if names else None


def _opener_of_kind(members: list[etree._Element], page: PageContext,
                    under: dict[etree._Element, list[int]]) -> ThreadPost | None:
    """The opening post printed in the replies' own structure but apart from them, before them: the last element
    of their signature before the first reply, outside the group and outside any comment section, holding prose
    (old Reddit's submission ``div.thing.link`` above the comments' ``div.thing.comment``)."""
    signature = _signature(members[0])
    first = under.get(members[0], [])
    if not first:
        return None
    before = [node for node in page.tree.iter(members[0].tag) if under.get(node) and under[node][-1] < first[0]
              and _signature(node) == signature and node.getparent() is not members[0].getparent()]
    if not before or _comment_section(before[-1]):
        return None  # a comment of another list (热门跟帖 above 最新跟帖), not a submission
    opening = _read_post(before[-1], page.blocks, under)
    return opening if opening and any(page.blocks[i].prose > 0 for i in opening.blocks) else None


def _with_unnamed_posters(posts: list[ThreadPost], members: list[etree._Element], blocks: Sequence[PageBlock],
                          under: dict[etree._Element, list[int]], boxes: dict[etree._Element, etree._Element | None],
                          facts: _PageFacts) -> list[ThreadPost]:
    """The thread's posts with the members that show a time but name no poster: an anonymous reply, a guest's,
    one signed by a school or a town alone. Once two members of the group are posts by the strict test
    (:func:`_dated`), a member of the same structure with a time and text is one too, unless a link in it titles
    another page (a teaser of a list)."""
    read = {post.element: post for post in posts}
    found: list[ThreadPost] = []
    for member in members:
        if member in read:
            found.append(read[member])
        elif _maybe_dated(member, blocks, under, facts) and not any(_titles_page(anchor, facts) for anchor in member.iter("a")):
            post = _read_post(member, blocks, under, box=boxes.get(member))
            found.extend([post] if post else [])
    return found


def opening_header(page: PageContext, lead: list[int], posts: list[ThreadPost]) -> tuple[str | None, str | None]:
    """The poster and time of an opening post printed apart above the replies (``lead``: the blocks kept above the
    first post, unless that post is marked as the opener's: then the lead is a title row, and the post's are the
    thread's): a link to a user page and a time of day in the few lines just above its text, or just below it
    (a question page prints its asker under the question, and its best answer after that), before the first
    reply."""
    text = [i for i in lead if page.blocks[i].kind != "heading"]
    inside = [index for index, block in enumerate(page.blocks)
              if posts[0].element in (block.element, *block.element.iterancestors())]
    replies = posts[0].element.getparent()  # the list of replies, whose other members (an issue's events) are no header
    listed = next((index for index, block in enumerate(page.blocks)
                   if replies is not None and replies in block.element.iterancestors()), len(page.blocks))
    if _marks_opener(page.blocks, [posts[0].element], {posts[0].element: inside}):
        return posts[0].author, posts[0].published  # the lead is the thread's title row: the first post is 楼主's
    if not inside or not any(page.blocks[i].prose > 0 for i in text):
        return None, None
    end = next((before for before, after in itertools.pairwise(text) if after - before > 2), text[-1])  # its text's end
    zone = [*range(max(0, lead[0] - OPENING_HEADER_LINES), text[0]),  # above its title and text
            *range(end + 1, min(inside[0], listed, end + 1 + OPENING_HEADER_LINES))]  # not into the replies' list
    elements = [page.blocks[i].element for i in zone if not EDIT_NOTICE.search(page.blocks[i].text)]
    author = next((poster for element in elements for anchor in element.iter("a") if (poster := _header_poster(anchor))), None)
    published = _time(page.blocks, zone) or next(
        (found for element in elements for node in element.iter(tag=etree.Element) if (found := _post_time(node))), None)
    return author, published


def _header_poster(anchor: etree._Element) -> str | None:
    """The poster a header's link names: a link to a user page showing a name (or the ID it keeps beside it), or
    one showing nothing that keeps the poster's ID (``<a class="author-link" data-username="chenxf">`` whose
    picture and name the page prints beside it)."""
    name = anchor.text_content().strip()
    if _poster_name_shaped(name) and _user_page(anchor) and not BUTTONS.match(name):
        return _poster_id(anchor, name)
    if not name and _names_poster_by_markup(anchor) and (kept := _poster_id(anchor, "")):
        return kept
    return None


def _mixed_text_boxes(posts: list[ThreadPost]) -> bool:
    """Whether the posts' text boxes are all named as text boxes, and no two alike: layout sections of a page (an
    article's ``content-area``, a comment's ``comment-content``), not the posts of one thread, whose engine names
    its replies' text alike (the opening post's box may have a name of its own, beside the one it shares:
    ``text markdown-body git-issue-content`` above ``text markdown-body``)."""
    if not all(_content_box(post.content) for post in posts) or _shared_text_names(posts):
        return False
    return len({frozenset(class_words(post.content)) for post in posts}) == len(posts)


def _shared_text_names(posts: list[ThreadPost]) -> set[str]:
    """The classes every post's text box carries that name a post's text (``md-content``, ``comment-body``)."""
    shared = set.intersection(*({*(post.content.get("class") or "").split()} for post in posts))
    return {name for name in shared if any(map(_names_text, CLASS_WORD.findall(name.lower())))}


def _opener_apart(page: PageContext, posts: list[ThreadPost],
                  under: dict[etree._Element, list[int]]) -> ThreadPost | None:
    """The opening post printed apart from the replies, in other markup (a question above its answers, a GitHub
    discussion above its comments): the last element before the first post that carries a class every post's
    text box carries and that names a post's text (``td.comment-body``; ``md-content`` of a question's
    ``topic-content md-content`` and the answers' ``reply-content md-content``), read as a post. Its poster and
    time are what its own container shows outside that box."""
    if len({post.content.tag for post in posts}) != 1:
        return None
    named = _shared_text_names(posts)
    first = under.get(posts[0].element, [])
    if not named or not first:
        return None
    before = [box for box in page.tree.iter(posts[0].content.tag) if named & {*(box.get("class") or "").split()}
              and under.get(box) and under[box][0] < first[0]
              and not any(post.element in box.iterancestors() for post in posts)]
    if not before:
        return None
    box = before[-1]
    member = box
    while (parent := member.getparent()) is not None and posts[0].element not in parent.iterdescendants():
        member = parent
    opening = _read_post(member, page.blocks, under, box=box)
    return opening if opening and any(page.blocks[i].prose > 0 for i in opening.blocks) else None


def _marks_opener(blocks: Sequence[PageBlock], members: list[etree._Element],
                  under: dict[etree._Element, list[int]]) -> bool:
    """Whether a post header among ``members`` marks the thread's opener (楼主): a thread, even in a
    container named for comments. The mark is a word of a short header line, or a badge element of its
    own, which the header's line glues to the name and time beside it (``芋泥啵啵楼主2024-03-12 21:02``)."""
    return any(len(blocks[i].text) <= OPENER_MARK_LINE
               and (OPENER_MARK.search(blocks[i].text) or _opener_badge(blocks[i].element))
               for member in members for i in under.get(member, []))


def _opener_badge(line: etree._Element) -> bool:
    return any(isinstance(node.tag, str) and OPENER_MARK.fullmatch(node.text_content().strip())
               for node in line.iterdescendants())


def _wraps(element: etree._Element, posts: list[ThreadPost]) -> bool:
    """Whether ``element`` holds at least two of ``posts``."""
    return sum(1 for post in posts if element in post.element.iterancestors()) >= MIN_POSTS


def _blocks_under(blocks: Sequence[PageBlock], skip: Container[int] = ()) -> dict[etree._Element, list[int]]:
    """For every element that holds blocks, their indices (in page order), but those in ``skip``."""
    under: dict[etree._Element, list[int]] = defaultdict(list)
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        node: etree._Element | None = block.element
        while node is not None:
            under[node].append(index)
            node = node.getparent()
    return under


def _reply_subject_lines(blocks: Sequence[PageBlock]) -> set[int]:
    """The lines of the subject an engine prints atop each reply (回复：<thread title>, Re: …), when two replies or
    more carry the same one, and the lines showing that subject alone (the opening post's, the headline): post
    headers, not anyone's words."""
    replied = Counter(match["subject"] for block in blocks if (match := REPLY_SUBJECT.match(block.text.strip())))
    subjects = {subject for subject, count in replied.items() if count >= MIN_POSTS}
    if not subjects:
        return set()
    return {index for index, block in enumerate(blocks) if (text := block.text.strip()) in subjects
            or ((match := REPLY_SUBJECT.match(text)) and match["subject"] in subjects)}


def _signature(element: etree._Element) -> tuple[str, str]:
    """Tag and first class, or tag and id when there is no class, with numbers generalised: ``post_123`` and
    ``post_456`` are one structure, and so are phpwind's ``t5 t2`` posts and the rows a board alternates
    (SMF's ``windowbg`` and ``windowbg2``). The id only counts without a class (a thread's opening post often
    carries a class of its own and no number: Tianya's ``atl-item host-item`` before ``atl-item id=1``), or when
    every class is a build tool's hashed name (CSS modules: ``cnt_UhQqg`` on one answer, ``wrap_cfQgW`` on the
    next, ``id="answer-4829002"`` on each). Without either, the presentational attributes stand for the class: an
    old bulletin board prints each post as a ``<table>`` with the same ``cellpadding``, ``width`` and ``bgcolor``,
    and nothing else tells the posts apart from layout. A bare table
    row stands for its first cell (phpBB 2 prints each post as a ``<tr>`` opening on ``td.row1`` or ``td.row2``,
    between spacer rows opening on ``td.spaceRow``)."""
    classes = (element.get("class") or "").split()
    if classes and element.get("id") and all(HASHED_CLASS.fullmatch(name) for name in classes):
        classes = []  # a build tool's hashed names (cnt_UhQqg, wrap_cfQgW) differ post by post: the id tells
    if classes:
        return (str(element.tag), DIGITS.sub("#", classes[0].rstrip("0123456789") or classes[0]))
    if element.get("id"):
        return (str(element.tag), "#" + DIGITS.sub("#", element.get("id") or ""))
    attributes = " ".join(f"{key.lower()}={value}" for key, value in sorted(element.attrib.items())
                          if key.lower() not in ("style", "bgcolor"))  # the colours a board alternates
    if not attributes and element.tag == "tr" and (cell := next(element.iterchildren("td", "th"), None)) is not None:
        tag, kind = _signature(cell)
        return ("tr", f">{tag}{kind}" if kind else "")
    return (str(element.tag), "@" + attributes if attributes or element.tag == "table" else "")


def _sibling_groups(tree: etree._Element, under: dict[etree._Element, list[int]]) -> list[list[etree._Element]]:
    groups: list[list[etree._Element]] = []
    for parent in under:
        children = [child for child in parent if isinstance(child.tag, str) and child in under]
        if len(children) < MIN_POSTS:
            continue
        by_signature: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
        for child in children:
            signature = _signature(child)
            if signature[1]:  # bare <div>s are layout, not a repeated structure
                by_signature[signature].append(child)
        groups.extend(members for members in by_signature.values() if len(members) >= MIN_POSTS)
    return groups


def _aside(element: etree._Element, stop: etree._Element) -> bool:
    """Whether ``element`` sits in a user panel, signature, quote or comment list inside the post ``stop``.
    A comment word the post itself carries names the post, not a list inside it (Invision's
    ``ipsComment`` post holds its text in ``ipsComment_content``), and so does one on an element holding most of
    the post (GitHub's ``timeline-comment`` box in a timeline item); so does a quote word on a ``<blockquote>``
    named as the post's content (XenForo's ``blockquote.messageText.SelectQuoteContainer``)."""
    aside_words = ASIDE_WORDS | (COMMENT_WORDS - class_words(stop))
    cells = [cell for cell in element.iterchildren("td", "th") if cell.text_content().strip()] if element.tag == "tr" else []
    if cells and all(class_words(cell) & (aside_words - PANEL_WORDS - COMMENT_WORDS) for cell in cells):
        return True  # a table row's block is the row: phpBB 2 quotes a post in a row of one td.quote
    node: etree._Element | None = element
    while node is not None and node is not stop:
        words = class_words(node)
        if _content_box(node):  # comment-body, blockquote.messageText: named as the post's text
            words -= COMMENT_WORDS | (QUOTE_WORDS if node.tag == "blockquote" else frozenset())
        if words & (aside_words - PANEL_WORDS - COMMENT_WORDS):
            return True
        if words & aside_words and not _holds_most(node, stop) and not (
                words & PANEL_WORDS and not words & aside_words & COMMENT_WORDS and _holds_content_box(node)):
            return True
        if _quote_node(node):
            return True
        first = _first_text_owner(node)
        if first is not None and _signature_box(node, first):
            return True
        node = node.getparent()
    return False


def _holds_content_box(element: etree._Element) -> bool:
    """Whether ``element`` holds a box named as a post's text: no user panel does (``table.user-select-contain``
    around GitHub's ``td.comment-body`` is a wrapper that a utility class happens to name)."""
    return any(_content_box(node) for node in element.iterdescendants() if isinstance(node.tag, str))


def _holds_most(element: etree._Element, post: etree._Element) -> bool:
    """Whether ``element`` holds more than half of the text of ``post``."""
    return 2 * len(element.text_content().strip()) > len(post.text_content().strip())


def _quote_box(element: etree._Element, header: etree._Element) -> bool:
    """Whether ``element`` (whose first text ``header`` holds) is a quote box: its first text is a quote header, it holds the header and the
    quoted text, and either no loose text after its children or, for an inline box (``<font>``,
    ``<span>``), the post's own words right after it. A post whose reply follows the quote inside the
    same block element is not itself the quote; a quote written as plain lines of the post is left alone.
    """
    if element.tag == "pre":
        return False  # preformatted text marks what it quotes line by line (``> …``), under its attribution line
    line = header.text_content()
    if not QUOTE_HEADER.match(line if len(line) <= QUOTE_HEADER_MAX else header.text or ""):
        return False
    box = header.getparent() if len(line) <= QUOTE_HEADER_MAX and header is not element else header
    if box is not element:
        return False
    if not any(child.tail and child.tail.strip() for child in element):
        return True
    return element.tag in INLINE_BOXES and _words_follow(element)


def _words_follow(element: etree._Element) -> bool:
    """Whether text follows ``element`` in its parent, right after it or after line breaks (``<font>引用 X 的发言：
    <br>…</font><br><br>the reply``)."""
    if element.tail and element.tail.strip():
        return True
    for sibling in element.itersiblings():
        if sibling.tag != "br":
            return bool(sibling.text_content().strip())
        if sibling.tail and sibling.tail.strip():
            return True
    return False


def _signature_box(element: etree._Element, first: etree._Element) -> bool:
    """Whether ``element`` opens with a separator line and holds a few short lines after it: a signature
    printed without a class (``<font color=#999999>------<br>天道酬勤</font>``)."""
    return bool(SEPARATOR_LINE.match(first.text or "")) and len(element.text_content()) <= SIGNATURE_MAX


def _without_quote_lines(own: list[int], blocks: Sequence[PageBlock]) -> list[int]:
    """The post's lines without the header of a quote written in its text (引用 X 的发言：, @X 2012-03-04
    12:20:05), and without the quoted lines after it where an inline box marks where they end
    (``<font color=gray>引用 X 的发言：<br>…</font><br><br>the reply``) or where each quoted line opens on ``>`` (a
    mail's, markdown's). Elsewhere the quoted words stay: where they end is not marked, and a quoted line left is
    better than a reply's line lost."""
    kept: list[int] = []
    quoted = ""
    for i in own:
        text = blocks[i].text
        if QUOTED_LINE.match(text):
            continue
        if QUOTE_HEADER.match(text):
            quoted = _inline_quote(blocks[i].element, text)
        elif quoted and SPACE.sub("", text) in quoted:
            continue
        else:
            quoted = ""
            kept.append(i)
    return kept


def _inline_quote(holder: etree._Element, header: str) -> str:
    """The text (without spaces) of the inline box in ``holder`` whose own first text is the quote header
    ``header`` and that has the reply's words after it, else ``""``."""
    opening = SPACE.sub("", header)
    for box in holder.iter(*INLINE_BOXES):
        if SPACE.sub("", box.text or "").startswith(opening) and _words_follow(box):
            return SPACE.sub("", box.text_content())[len(opening):]
    return ""


def _without_signature_lines(own: list[int], blocks: Sequence[PageBlock]) -> list[int]:
    """The post's lines up to a separator line followed by at most a few short lines: a signature written
    in the post's own text (``------`` then ``天道酬勤``; a home page's address is no length). A separator with longer lines after it is a
    divider inside the post (Tianya prints one between a quote and the reply), and stays with it. A few short
    lines under a rule (``<hr>``) that ends the post are a signature too."""
    for position, index in enumerate(own):
        rest = own[position + 1:]
        longest = MAIL_SIGNATURE_LINE_MAX if blocks[index].text.strip() == "--" else SIGNATURE_LINE_MAX
        if (SEPARATOR_LINE.match(blocks[index].text) and len(rest) <= SIGNATURE_LINES
                and all(_signature_length(blocks[i]) <= longest for i in rest)):
            return own[:position]
        if (position and len(rest) < SIGNATURE_LINES and all(_signature_length(blocks[i]) <= SIGNATURE_LINE_MAX
                                                             for i in (index, *rest)) and _under_rule(own[position:], blocks)):
            return own[:position]
    return own


def _signature_length(block: PageBlock) -> int:
    """A line's length as a signature's is judged: a home page's address it shows counts for nothing."""
    return len(SHOWN_ADDRESS.sub("", block.text))


def _under_rule(lines: list[int], blocks: Sequence[PageBlock]) -> bool:
    """Whether a horizontal rule stands right above the post's last ``lines`` and nothing but they follow it in its
    box, in a box of their own: a signature printed under a rule (Snitz: ``…<br><hr><font size=1>百岳進度
    37/100</font>``)."""
    shown = SPACE.sub("", "".join(blocks[i].text for i in lines))
    for rule in blocks[lines[0]].element.iter("hr"):
        if (rule.tail or "").strip():
            continue  # words typed right after a rule are the post's (a PS under a divider); a signature is a box
        after = "".join(etree.tostring(sibling, method="text", encoding="unicode", with_tail=True) for sibling in rule.itersiblings())
        if SPACE.sub("", after) == shown:
            return True
    return False


def _first_text_owner(element: etree._Element) -> etree._Element | None:
    """The first element in ``element`` (itself included) with text of its own before any child."""
    return next((node for node in element.iter() if isinstance(node.tag, str) and node.text and node.text.strip()), None)


def _read_post(member: etree._Element, blocks: Sequence[PageBlock], under: dict[etree._Element, list[int]],
               *, box: etree._Element | None = None, facts: _PageFacts | None = None) -> ThreadPost | None:
    """The post ``member`` holds; ``box`` is its text box when the engine prints posts in one
    (:func:`_bare_content_box`). With ``facts`` (what the whole page shows: poster names, attribute times), only
    when it shows a date with a time as a post does; without, whatever its date (an opening post whose time is
    printed in the thread's header)."""
    indices = under.get(member, [])
    if facts is not None and not _dated(member, blocks, indices, facts):
        return None
    if sum(1 for i in indices if _timed_date(blocks[i].text)) > MAX_TIMES:
        return None  # a section of the page holding a list of its own (comments, a feed), not one post
    nested = _nested_replies(member, blocks, under)
    candidates = [i for i in indices if i not in nested and _own_text(blocks[i]) and not _aside(blocks[i].element, member)]
    prose = _preformatted_text(candidates, blocks) or [i for i in candidates if blocks[i].prose > 0]
    if box is not None:
        content = box
        named_box = _in_content_box(box, member)
        own = [i for i in under.get(box, []) if _own_text(blocks[i], quotes=True, text_box=named_box)
               and not _aside(blocks[i].element, box)
               and not EDIT_NOTICE.search(blocks[i].text)]
    else:
        emoji = _pictographs_only(candidates, blocks)
        wordless = [i for i in candidates if not _name_line(blocks[i])]  # an image-only floor shows its poster alone
        # a box the markup names as the post's text holds its words, however few (顶, mark): not its poster's card
        named = [] if prose or emoji else [i for i in indices if i not in nested and _in_content_box(blocks[i].element, member)
                                           and _own_text(blocks[i], text_box=True) and not _aside(blocks[i].element, member)]
        chosen = [i for i in candidates if PICTOGRAPH.search(blocks[i].text)] if emoji else (
            prose or named or ([max(wordless, key=lambda i: blocks[i].weight)] if wordless else []))
        if not chosen or (sum(blocks[i].weight for i in chosen) < MIN_POST_WEIGHT and not emoji and not named):
            return None
        content = _widened(_common_ancestor([blocks[i].element for i in chosen], member), member, set(candidates),
                           blocks, under)
        in_box = bool(named) and _in_content_box(content, member)
        own = [i for i in under.get(content, []) if _own_text(blocks[i], text_box=in_box)
               and not _aside(blocks[i].element, content) and not EDIT_NOTICE.search(blocks[i].text)]
    own = _without_signature_lines(_without_quote_lines([i for i in own if i not in nested], blocks), blocks)
    if not own or _deleted(own, blocks):
        return None
    taken = set(own)
    # the post's own time: outside its text, never an edit notice's or a quoted post's
    outside = [i for i in indices if i not in taken and i not in nested and not EDIT_NOTICE.search(blocks[i].text)
               and not _quoted(blocks[i])]
    header = [i for i in outside if not _aside(blocks[i].element, member)]
    published = (_time(blocks, header) or _tagged_time(member, content) or _time(blocks, own)
                 or _time(blocks, _info_bar_lines(outside, header, blocks, member)))
    return ThreadPost(member, content, own, _author(member, content), published)


def _info_bar_lines(outside: list[int], header: list[int], blocks: Sequence[PageBlock],
                    member: etree._Element) -> list[int]:
    """The lines of a post's info bar (phpwind's div.floor_info: named so and nothing else), read last for its
    time; never a registration date; a side panel's or an ad's time is never the post's."""
    return [i for i in outside if i not in header and _in_info_bar(blocks[i].element, member)
            and not OTHER_EVENT_LABEL.search(fold(blocks[i].text))]


def _in_info_bar(element: etree._Element, member: etree._Element) -> bool:
    """Whether ``element`` sits in a box inside ``member`` that the markup names an info bar and no other panel."""
    named = frozenset().union(*(class_words(node) & ASIDE_WORDS for node in _up_to(element, member)))
    return named == INFO_BAR


def _name_line(block: PageBlock) -> bool:
    """Whether a line is a poster's name printed in a box named for it (``<span class="nickname">``), with at most a
    badge beside it (官方, 楼主): the header of a floor, not words of the post."""
    shown = SPACE.sub("", block.text)
    return any(class_words(node) & POSTER_NAME_BOXES
               and 0 <= len(shown) - len(name := SPACE.sub("", node.text_content())) <= BADGE_MAX and shown.startswith(name)
               and name for node in block.element.iter() if isinstance(node.tag, str))


def _pictographs_only(candidates: list[int], blocks: Sequence[PageBlock]) -> bool:
    """Whether a post's only wordless candidate lines are emoji beside its header lines: a reply of ``👍👍``, which
    weighs nothing as text and is all the poster wrote."""
    return not any(blocks[i].prose > 0 for i in candidates) and any(
        PICTOGRAPH.search(blocks[i].text) and not blocks[i].weight for i in candidates)


def _preformatted_text(candidates: list[int], blocks: Sequence[PageBlock]) -> list[int]:
    """The lines of the ``<pre>`` holding more of the post's text than all its prose blocks together: a mail or news
    archive prints each message as preformatted text under a table of its headers (whose User-Agent line would
    pass for the only prose). Empty when there is no such ``<pre>``."""
    groups: dict[etree._Element, list[int]] = defaultdict(list)
    for i in candidates:
        if blocks[i].kind == "code" and blocks[i].group is not None:
            groups[blocks[i].group].append(i)
    if not groups:
        return []
    lines = max(groups.values(), key=lambda group: sum(blocks[i].weight for i in group))
    prose = sum(blocks[i].weight for i in candidates if blocks[i].prose > 0 and blocks[i].kind != "code")
    return lines if sum(blocks[i].weight for i in lines) > prose else []


def _deleted(own: list[int], blocks: Sequence[PageBlock]) -> bool:
    """Whether a post's lines are a deletion notice and, at most, its header (no other prose)."""
    notices = {i for i in own if DELETED_NOTICE.match(blocks[i].text.strip())}
    return bool(notices) and not any(blocks[i].prose > 0 for i in own if i not in notices)


def _nested_replies(member: etree._Element, blocks: Sequence[PageBlock],
                    under: dict[etree._Element, list[int]]) -> set[int]:
    """The blocks of reply lists inside the post (楼中楼, 点评): an element below the post whose children, two
    or more, each name a user (by a link, or in a box named for a poster's name: ``span.nickname``) and show a
    time (a comment line's time of day may come without its date: ``04-08 22:19``), none holding half the post's
    text (the rows of the post's own table are no comments). Comment lines under a post are not its text. A 楼中楼 that prints no times shows its lines as ``name：words`` (:func:`_colon_comments`)."""
    nested: set[int] = set()
    whole = sum(blocks[index].weight for index in under.get(member, []))
    for parent in member.iter():
        held = under.get(parent)
        if parent is member or not held or held[0] in nested:  # no text, or inside a reply list already found
            continue
        items = [child for child in parent if isinstance(child.tag, str) and child in under]
        if any(sum(blocks[index].weight for index in under[item]) * 2 > whole for item in items):
            continue  # the post's own rows (a header row, a text row), not a list of short comments under it
        if (len(items) >= MIN_POSTS and all(_names_commenter(item) and _shows_clock(blocks, under[item])
                                           for item in items)) or _colon_comments(items):
            nested.update(under[parent])
    return nested


def _colon_comments(items: list[etree._Element]) -> bool:
    """Whether ``items`` are comment lines under a post that show no time: each opens with its writer's name in a
    box of its own (a name box, a link to a user page) and a colon right after it (``<span class="lzl-name">上岸的
    小葵花</span>：<span>…</span>``), one of them at least, with at most a short last line after them (its
    ``查看全部6条回复 >`` button). A post's own words open with no writer's box."""
    comments = [item for item in items if _colon_led(item)]
    rest = items[len(comments):]
    return bool(comments) and items[:len(comments)] == comments and (
        not rest or (len(rest) == 1 and len(SPACE.sub("", rest[0].text_content())) <= MORE_LINE_MAX))


def _colon_led(item: etree._Element) -> bool:
    if (item.text or "").strip():
        return False
    lead = next((node for node in item.iter() if node is not item and isinstance(node.tag, str)
                 and node.text_content().strip()), None)
    return (lead is not None and (bool(class_words(lead) & POSTER_NAME_BOXES) or (lead.tag == "a" and _user_page(lead, item)))
            and _poster_name_shaped(lead.text_content().strip()) and (lead.tail or "").lstrip().startswith(("：", ":")))


def _names_commenter(item: etree._Element) -> bool:
    """Whether a comment line names its writer: a link to a user page, or a name box without a link."""
    return bool(_user_link(item)) or any(
        class_words(node) & POSTER_NAME_BOXES and next(node.iter("a"), None) is None
        and _poster_name_shaped(node.text_content().strip()) for node in item.iter())


def _shows_clock(blocks: Sequence[PageBlock], indices: list[int]) -> bool:
    """Whether the lines show a date with a time, or a time of day alone."""
    return bool(_time(blocks, indices)) or any(SHOWN_CLOCK.search(blocks[index].text) for index in indices)


def _tagged_time(member: etree._Element, content: etree._Element | None = None) -> str | None:
    """The first time of day ``member`` keeps in an attribute (:func:`_attribute_time`), outside its text
    ``content`` (a quoted post's time is inside it) and not an edit notice's (最後編輯: <span title=…>)."""
    for element in member.iter():
        if not isinstance(element.tag, str) or (content is not None and content in element.iterancestors()):
            continue
        if found := _post_time(element):
            return found
    return None


def _post_time(element: etree._Element) -> str | None:
    """The time ``element`` keeps in an attribute, unless it is an edit notice's (最後編輯: <span title=…>)."""
    found = _attribute_time(element)
    return found if found and not EDIT_NOTICE.search(_text_before(element)) else None


def _attribute_time(element: etree._Element) -> str | None:
    """The time of day one element keeps in its attributes, behind a day or a relative time: a tooltip showing
    a date with a time (``<span title="2024年3月5日 14:32">3 小时前</span>``, ``data-tip``), in the reader's zone
    as the page shows it on hover, else a ``<time datetime>``, else date and time attributes read together
    (``data-datestring="2023-11-18" data-timestring="上午 09:03"``; an epoch number has no zone to show)."""
    attributes = element.attrib
    if not any(name in TIME_KEYS or name.startswith("data-") for name in attributes):
        return None  # most elements: only class, href, style and the like
    for name in TOOLTIP_ATTRIBUTES:
        tip = attributes.get(name)
        if tip and (shown := _timed_date(tip)):
            return shown
    if value := attributes.get("datetime"):  # <time>, and the custom elements that reuse it (<relative-time>)
        return _shown_local_time(element, value) or _timed_date(value)
    if (attributes.get("itemprop") or "").lower() in MICRODATA_TIMES and (value := attributes.get("content")):
        return _timed_date(value)  # <meta itemprop="dateCreated" content="…"> inside a post
    parts = [value for name, value in attributes.items()
             if name.startswith("data-") and ("date" in name or "time" in name) and not value.strip().isdigit()]
    return _timed_date(" ".join(parts)) if parts else None


def _shown_local_time(element: etree._Element, value: str) -> str | None:
    """The time a ``<time>`` shows in the reader's zone when its ``datetime`` is in another (UTC): ``datetime=
    "2024-03-12T13:14:05Z"`` showing ``3月12日 21:14`` is 21:14 on the 12th. The shown time of day gives the zone's
    offset (whole quarter hours, at most 14 hours), which moves the date too; ``None`` when the element shows no
    time of day or the value has no zone."""
    shown = SHOWN_CLOCK.search(element.text_content())
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if shown is None or stamp.tzinfo is None:
        return None
    offset = (int(shown[1]) * 60 + int(shown[2]) - stamp.hour * 60 - stamp.minute) % (24 * 60)
    offset -= 24 * 60 if offset > 12 * 60 else 0
    if offset % 15 or abs(offset) > 14 * 60:
        return None
    return (stamp.replace(tzinfo=None) + timedelta(minutes=offset)).strftime("%Y-%m-%dT%H:%M")


def _text_before(element: etree._Element) -> str:
    """The loose text just before ``element`` in its parent (its label)."""
    previous = element.getprevious()
    if previous is not None:
        return previous.tail or ""
    parent = element.getparent()
    return (parent.text or "") if parent is not None else ""


def _text_boxes(members: list[etree._Element], blocks: Sequence[PageBlock],
                under: dict[etree._Element, list[int]]) -> dict[etree._Element, etree._Element | None]:
    """Each member's text box when every dated member has one (an old board, Dvbbs, prints every post's text in
    a bare ``<blockquote>``; a quote some replies make is not a text box), else ``{}``."""
    dated = {member: _bare_content_box(member, blocks, under) for member in members if _time(blocks, under.get(member, []))}
    if not dated or None in dated.values():
        return {}
    return {member: dated[member] if member in dated else _bare_content_box(member, blocks, under) for member in members}


def _bare_content_box(member: etree._Element, blocks: Sequence[PageBlock],
                      under: dict[etree._Element, list[int]]) -> etree._Element | None:
    """The one ``<blockquote>`` of ``member`` with text, when it opens with no quote header (on it or on the
    line before it): the post's text box if every post of the group has one."""
    boxes = [box for box in member.iter("blockquote")
             if not _aside(box.getparent(), member) and any(_own_text(blocks[i], quotes=True) for i in under.get(box, []))]
    if len(boxes) != 1:
        return None
    box = boxes[0]
    first = under[box][0]  # a quote box of its own inside (div.quote) leaves the box the poster's
    if first > 0 and QUOTE_HEADER.match(blocks[first - 1].text):
        return None
    if QUOTE_HEADER.match(blocks[first].text) and not _aside(blocks[first].element, box):
        return None
    return box


def _own_text(block: PageBlock, *, quotes: bool = False, text_box: bool = False) -> bool:
    """A block that can be a post's own words: not a button row, not link text, not a bare date line; not
    quoted, unless ``quotes`` (inside the post's own text box). In a box the markup names as the post's text
    (``text_box``), a button's word is the reply's (顶, 支持楼主) unless it is a link."""
    if block.kind == "image" or (_quoted(block) and not quotes) or not block.text.strip():
        return False
    if BUTTONS.match(block.text) and not (text_box and not block.link_chars):
        return False
    if block.link_density > LINK_LINE_MAX:
        # a link that shows its own address (上传好了：https://…) is what the poster wrote, not navigation
        shown = sum(len(text.strip()) for text, _ in block.links if SHOWN_ADDRESS.match(text.strip()))
        if block.chars <= shown or (block.link_chars - shown) / (block.chars - shown) > LINK_LINE_MAX:
            return False
    # a short line showing the post's time is its header: printed, or relative with the time in an attribute
    # (周小北 创建于 <span title="2021-09-14 10:26">4年前</span>); a longer one opening on it, the post's subject
    # after it (發表於: 星期二 三月 15, 2005 9:14 pm 文章主題: …)
    return not ((len(block.text) < 60 and _timed_date(block.text))
                or (len(block.text) < ATTRIBUTE_TIME_LINE_MAX and (_keeps_time(block.element) or _opens_on_time(block))))


def _opens_on_time(block: PageBlock) -> bool:
    """Whether a line opens on a date with its time of day, after a label at most (發表於: …, 2005-03-15 21:14 …);
    a line of code quoting a log (``[09-7-15 16:12:08:315 CST] …``) is the poster's."""
    found = find_date(block.text)
    return (found is not None and "T" in found.iso and TIME_LABEL.fullmatch(block.text[:found.start]) is not None
            and block.kind != "code")


def _quoted(block: PageBlock) -> bool:
    """A quote block that quotes: not the text of a post its engine prints in a ``<blockquote>``."""
    if block.kind != "quote":
        return False
    box = next((node for node in (block.element, *block.element.iterancestors()) if node.tag == "blockquote"), None)
    return box is None or not _content_box(box)


def _content_box(element: etree._Element) -> bool:
    """An element named as a post's text (vBulletin 4: ``blockquote.postcontent``, a blockquote that is no
    quote; Discuz: ``td#postmessage_12``)."""
    return any(map(_names_text, class_words(element)))


def _in_content_box(element: etree._Element, member: etree._Element) -> bool:
    """Whether ``element`` sits in a box named as the post's text, inside ``member``."""
    return any(map(_content_box, _up_to(element, member)))


def _names_text(word: str) -> bool:
    """Whether a class or id word names a post's text (``postcontent``, ``postmessage``, ``body``, ``postmsg``)."""
    return word.endswith(CONTENT_BOX_ENDS)


def _common_ancestor(elements: list[etree._Element], member: etree._Element) -> etree._Element:
    """The deepest element holding all of ``elements``, never above ``member``."""
    path = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        ancestors = {element, *element.iterancestors()}
        path = [node for node in path if node in ancestors]
    node = path[0] if path else member
    return node if member in (node, *node.iterancestors()) else member


def _widened(content: etree._Element, member: etree._Element, candidates: set[int], blocks: Sequence[PageBlock],
             under: dict[etree._Element, list[int]]) -> etree._Element:
    """``content`` grown to its parent for as long as the parent holds nothing but the post's own lines: a post
    with one line of prose and short lines around it (a link, a line of code, a one-line answer) is its whole
    text box, not the prose line alone. A quote of an earlier post and a signature's box may sit in the box too
    (they are not the post's text, which leaves them out later); growing stops below anything else (a button row; a header: a heading, a
    line that shows a date or links to a user page), and at a box named as the post's content, unless its parent is
    named so too (a text box of paragraphs each named as text: ``div.pb-content > p.pb-content-text``)."""
    while content is not member:
        parent = content.getparent()
        if _content_box(content) and (parent is None or not _content_box(parent)):
            break
        if parent is None or parent is member or not all(
                _in_quote(blocks[i].element, parent) or _in_signature_box(blocks[i].element, parent)
                or (i in candidates and not _header_line(blocks[i])) for i in under.get(parent, [])):
            break
        content = parent
    return content


def _header_line(block: PageBlock) -> bool:
    """A line a post header may show: the post's title, a date (a day alone too), or a poster's name (a line mostly a link to a user
    page; an @mention in a sentence is the poster's words)."""
    return block.kind == "heading" or find_date(block.text) is not None or (block.link_density > LINK_LINE_MAX
                                                  and any(USER_LINK.search(href) for _, href in block.links))


def _in_signature_box(element: etree._Element, stop: etree._Element) -> bool:
    """Whether ``element`` sits in a box named as a signature inside ``stop``."""
    return any(class_words(node) & SIGNATURE_WORDS for node in _up_to(element, stop))


def _up_to(element: etree._Element, stop: etree._Element) -> Iterator[etree._Element]:
    node: etree._Element | None = element
    while node is not None and node is not stop:
        yield node
        node = node.getparent()


def _in_quote(element: etree._Element, stop: etree._Element) -> bool:
    """Whether ``element`` sits in a quote of an earlier post inside ``stop``."""
    node: etree._Element | None = element
    while node is not None and node is not stop:
        if (class_words(node) & QUOTE_WORDS and not (node.tag == "blockquote" and _content_box(node))) or _quote_node(node):
            return True
        node = node.getparent()
    return False


def _quote_node(node: etree._Element) -> bool:
    """A ``<blockquote>`` that is no post's content box, or a box that opens with a quote header."""
    if node.tag == "blockquote" and not _content_box(node):
        return True
    first = _first_text_owner(node)
    if (first is not None and first.tag in NAME_BOXES and not QUOTE_HEADER.match(first.text or "")
            and (line := first.getparent()) is not None and line is not node):
        first = line  # the header line a quoted poster's name opens: <p><a>北方的狼</a> 发表于 板凳</p>
    return first is not None and _quote_box(node, first)


def _author(member: etree._Element, content: etree._Element) -> str | None:
    """A link to a user page outside the post's text, else the name its schema.org author shows, else the name in
    a box its class names a poster's, else a name its header shows that a link carries in its address, else a name
    after an author label."""
    name = _user_link(member, content) or _microdata_author(member) or _poster_box(member, content)
    if name:
        return name
    outside = _text_outside(member, content)
    if name := _poster_in_address(member, content, outside) or _poster_beside_profile_picture(member, content):
        return name
    head = " ".join(text for text in outside)
    labelled = AUTHOR_LABEL.search(head)
    return labelled.group(1) if labelled else None


def _poster_box(member: etree._Element, content: etree._Element) -> str | None:
    """The name printed without a link in a box outside the post's text that its class names a poster's
    (phpBB 2's ``<span class="name"><b>小飛俠Ken</b></span>``)."""
    for node in _outside(member, content):
        if not class_words(node) & POSTER_NAME_BOXES or any(not leads_nowhere(a.get("href") or "") for a in node.iter("a")):
            continue  # a name linked to a page is the link's (:func:`_user_link`)
        own = (node.text or "").strip()  # the name before the badges the box prints after it (楼主, 8级)
        name = own if len(node) and _poster_name_shaped(own) else node.text_content().strip()
        if _poster_name_shaped(name) and not BUTTONS.match(name):
            return name
    return None


def _poster_in_address(member: etree._Element, content: etree._Element, outside: list[str]) -> str | None:
    """A name the post's header shows that a link of the post carries as a user parameter in its address, plain
    or percent-encoded in one of the encodings Chinese pages use (DVBBS-like engines link the poster's profile and
    messages by images only: ``dispuser.asp?name=%C0%CF…``, ``touser=小鱼儿2005``)."""
    carried = {value.lower() for anchor in _outside(member, content, "a")
               for value in NAME_PARAMETER.findall(anchor.get("href") or "")}
    if not carried:
        return None
    for shown in (text.strip() for text in outside):
        if _poster_name_shaped(shown) and not BUTTONS.match(shown) and any(
                form.lower() in carried for form in _address_forms(shown)):
            return shown
    return None


def _poster_beside_profile_picture(member: etree._Element, content: etree._Element) -> str | None:
    """The first bold name outside the post's text when the post links its poster's profile by a picture or a
    button only (Snitz: ``<b><span>山豬阿明</span></b>`` over the rank and post count, ``pop_profile.asp?id=51`` on an
    icon; vBulletin 2: ``<b>老胶片</b>`` with ``<a href="member.php?action=getinfo&userid=…">资料</a>`` below)."""
    outside = list(_outside(member, content))
    if not any(node.tag == "a" and USER_LINK.search(node.get("href") or "") and _icon_or_button(node) for node in outside):
        return None
    for node in outside:
        if node.tag in ("b", "strong") and _poster_name_shaped(name := node.text_content().strip()) and not BUTTONS.match(name) \
                and find_date(name) is None and next(node.iter("a"), None) is None:
            return name
    return None


def _icon_or_button(anchor: etree._Element) -> bool:
    """Whether a link shows a picture only or a button's label (资料), not a name."""
    shown = anchor.text_content().strip()
    return BUTTONS.match(shown) is not None if shown else next(anchor.iter("img"), None) is not None


def _address_forms(name: str) -> set[str]:
    """How an address may carry ``name``: as it is, or percent-encoded in UTF-8, GB18030 or Big5."""
    forms = {name}
    for encoding in ADDRESS_ENCODINGS:
        try:
            forms.add(quote(name, encoding=encoding))
        except UnicodeEncodeError:
            continue
    return forms


def _tag_timed_post(member: etree._Element, facts: _PageFacts) -> bool:
    """Whether a time tag dates ``member`` as a post: a link to a user page names its poster, and no link
    titles another page (the teasers of a list of articles or threads carry time tags and user links too).
    """
    if facts.first_time(member) is None or not (_user_link(member) or _microdata_author(member)):
        return False
    return not any(_titles_page(anchor, facts) for anchor in member.iter("a"))


def _microdata_author(member: etree._Element) -> str | None:
    """The name a post's schema.org author shows (``itemprop="author"`` and its ``itemprop="name"``): a poster
    without a user page (an anonymous one) is named so."""
    author = next((node for node in member.iter() if isinstance(node.tag, str) and node.get("itemprop") == "author"), None)
    if author is None:
        return None
    named = next((node for node in author.iter() if isinstance(node.tag, str) and node.get("itemprop") == "name"), author)
    name = named.get("content") or named.text_content().strip()
    return name if _poster_name_shaped(name) else None


def _titles_page(anchor: etree._Element, posters: Container[str]) -> bool:
    """Whether a link's text titles a page: long enough, and none of the things a post's header links show: a
    poster's name (``posters``: a user page, or the post a reply answers), an address, a count (其他 12 人), a
    button (permalink), a date or a time tag (the post's permalink); a poster's name after a reply word (回應至 阿哲的小屋) is one too. A
    link that leads nowhere (a script's button: ``javascript:``, ``#``) or mentions a user (``@zhoujm``) titles no
    page."""
    name = anchor.text_content().strip()
    href = (anchor.get("href") or "").strip()
    return (len(name) >= TITLE_LINK_MIN and not leads_nowhere(href)
            and not name.startswith(("@", "＠"))  # a mention of a user
            and not USER_LINK.search(href)
            and REPLY_TO.sub("", name) not in posters
            and not SHOWN_ADDRESS.match(name) and not COUNT_LINK.fullmatch(name) and not LATIN_BUTTONS.fullmatch(name)
            and find_date(name) is None
            and next(anchor.iter("time"), None) is None and not any(_attribute_time(node) for node in anchor.iter()))


class _PageFacts(Container[str]):
    """What the whole page shows that a member's tests read, each found in one pass the first time it is asked
    about: the names its links to user pages show (``name in facts``; most pages never ask: only a member dated by
    a tag alone, with a link long enough to title a page), and for each element the first time of day an
    element inside it keeps in an attribute (:func:`_attribute_time`), not an edit notice's (groups nest: without
    it every element's attributes were read again for every group holding it)."""

    def __init__(self, tree: etree._Element) -> None:
        self.tree = tree
        self.names: frozenset[str] | None = None
        self.times: dict[etree._Element, str] | None = None
        self.keeping = 0  # how many elements keep such a time (each its own, in page order)

    def __contains__(self, name: object) -> bool:
        if self.names is None:
            self.names = frozenset(text for anchor in self.tree.iter("a")
                                   if _user_page(anchor) and (text := anchor.text_content().strip()))
        return name in self.names

    def first_time(self, member: etree._Element) -> str | None:
        if self.times is None:
            self.times = {}
            for element in TIME_KEEPERS(self.tree):
                # an attribute keeps a time with its clock's separator (:func:`_attribute_time` reads one value, or
                # the data-* ones joined), but a <time datetime> may show it in its text: most elements keep none
                if not element.get("datetime") and not CLOCK_SEPARATOR.search(" ".join(element.attrib.values())):
                    continue
                if found := _post_time(element):
                    self.keeping += 1
                    # the ancestors read lazily: the walk mostly stops a step or two up
                    for holder in itertools.chain((element,), element.iterancestors()):
                        if holder in self.times:
                            break  # an earlier time holds this holder and all above it
                        self.times[holder] = found
        return self.times.get(member)

    def keepers(self) -> int:
        """How many elements keep a time of day in an attribute (:meth:`first_time`)."""
        self.first_time(self.tree)
        return self.keeping


def _user_link(member: etree._Element, content: etree._Element | None = None) -> str | None:
    """The name on the first link to a user page in ``member``, outside its text ``content``
    (:func:`_poster_name_shaped`)."""
    for anchor in _outside(member, content, "a"):
        name = anchor.text_content().strip()
        if _poster_name_shaped(name) and _user_page(anchor, member) and not BUTTONS.match(name):
            return _poster_id(anchor, name)
    return None


def _poster_id(anchor: etree._Element, name: str) -> str:
    """The poster's ID where the link shows or keeps one beside the display name: ``阿明不加班 @ming_no_ot``,
    a second link to the same page showing the ID, ``<a data-username="zhou-xiaobei">周小北</a>``; else the name
    shown."""
    if handle := NAME_AND_HANDLE.fullmatch(name):
        return handle["handle"]
    href = anchor.get("href")
    twin = next((text for link in anchor.itersiblings("a") if href and link.get("href") == href
                 and HANDLE.fullmatch(text := link.text_content().strip()) and not text.isdigit()), None)
    if twin and twin != name:
        return twin  # the same user page linked again by its ID (a.username 海拉魯小農夫, a.userid hylia0512)
    kept = (value.strip() for key, value in anchor.attrib.items() if key.startswith("data-") and words_of(key) & ID_KEYS)
    return next((value for value in kept if HANDLE.fullmatch(value) and not value.isdigit()), name)


def _names_poster_by_markup(anchor: etree._Element) -> bool:
    """Whether a link's other attributes name it a poster's: ``xname="uname"``, ``rel="author"``, ``data-username``."""
    return any(words_of(f"{key} {value}") & POSTER_BOX_WORDS for key, value in anchor.attrib.items()
               if key not in PLAIN_ATTRIBUTES)


def _poster_name_shaped(name: str) -> bool:
    """A poster's name as a header shows it: one line of 2 to 30 characters (an avatar's link shows a letter, or a
    letter and a hidden status: ``F\n离线``)."""
    return POSTER_NAME_LENGTH[0] <= len(name) <= POSTER_NAME_LENGTH[1] and "\n" not in name


def _user_page(anchor: etree._Element, member: etree._Element | None = None) -> bool:
    """Whether a link leads to a user's page: by its address, or, when the site keeps its users' pages on another
    host, by its own name (``a.name``) or the name of the box it sits in inside ``member`` (a user's card:
    ``reply-user-info``, ``author``)."""
    if USER_LINK.search(anchor.get("href") or "") or "name" in class_words(anchor) or _names_poster_by_markup(anchor):
        return True
    if member is not None and _avatar_twin(anchor, member):
        return True
    for node in itertools.islice((anchor, *anchor.iterancestors()), POSTER_BOX_DEPTH + 1):
        if node is member:
            return False
        if class_words(node) & POSTER_BOX_WORDS:
            return True
    return False


def leads_nowhere(href: str) -> bool:
    """Whether a link's address leads to no page: none, a script's button (``javascript:``), a place on this one."""
    href = href.strip()
    return not href or href.lower().startswith(("javascript:", "#"))


def _avatar_twin(anchor: etree._Element, member: etree._Element) -> bool:
    """Whether the post also links the same page through an image, its poster's avatar, in the same box (a
    user's card: the picture and the name lead to the profile)."""
    href = (anchor.get("href") or "").strip()
    if leads_nowhere(href):
        return False
    box = anchor.getparent()
    for _ in range(POSTER_BOX_DEPTH):
        if box is None or box is member:
            break
        box = box.getparent()
    return bool(href) and box is not None and any(
        other is not anchor and (other.get("href") or "").strip() == href and next(other.iter("img"), None) is not None
        for other in box.iter("a"))


def _outside(member: etree._Element, content: etree._Element | None, *tags: str) -> Iterator[etree._Element]:
    """The elements of ``member`` (of ``tags``, or all) that are not its text ``content`` nor inside it: where its
    header, card and buttons are."""
    for node in member.iter(*tags) if tags else member.iter(tag=etree.Element):
        if content is None or (node is not content and content not in node.iterancestors()):
            yield node


def _text_outside(member: etree._Element, content: etree._Element) -> list[str]:
    out: list[str] = []
    for node in member.iter():
        if node is content or content in node.iterancestors():
            continue
        if isinstance(node.tag, str) and node.tag not in {"script", "style"} and node.text:
            out.append(node.text)
        if node.tail and node is not member:
            out.append(node.tail)
    return out


def _time(blocks: Sequence[PageBlock], indices: list[int], *, spelled: bool = True) -> str | None:
    return next((found for index in indices if (found := _timed_date(blocks[index].text, spelled))), None)


@lru_cache(maxsize=8192)  # the blocks of nested candidate groups are read again for every group that holds them
def _timed_date(text: str, spelled: bool = True) -> str | None:
    """The first date with a time of day in ``text``, in the one date grammar (:mod:`cleanpage.dates`):
    ``2013-05-07 21:23``, ``2014-05-06, 21:33:05``, ``2015年8月2日 下午 09:41``; without ``spelled``, not a date
    whose month or weekday is spelled in Latin letters (``5. November 2023 um 10:29``)."""
    while (found := find_date(text)) is not None:
        if "T" in found.iso and (spelled or not SPELLED.search(text[found.start:found.end])):
            return found.iso
        text = text[found.end:]
    return None


def _dated(member: etree._Element, blocks: Sequence[PageBlock], indices: list[int], facts: _PageFacts) -> bool:
    """Whether ``member`` shows a time of day as a post does: printed (a date spelled in Latin letters only
    beside its poster's name: layout rows of an article page, its byline row, its comment row, show such dates
    too), or kept in an attribute (:func:`_tag_timed_post`). The cheap tests go first."""
    if _time(blocks, indices, spelled=False):
        return True
    if _time(blocks, indices) and _names_poster(member, blocks, indices):
        return True
    return _tag_timed_post(member, facts)


def _maybe_dated(member: etree._Element, blocks: Sequence[PageBlock], under: dict[etree._Element, list[int]],
                 facts: _PageFacts) -> bool:
    """What :func:`_dated` needs first: a time of day printed in ``member`` or kept in an attribute inside it."""
    return _time(blocks, under.get(member, [])) is not None or facts.first_time(member) is not None


def _names_poster(member: etree._Element, blocks: Sequence[PageBlock], indices: list[int]) -> bool:
    """Whether ``member`` names a poster: a link to a user page or an author label (作者：, 发信人：)."""
    return _user_link(member) is not None or any(AUTHOR_LABEL.search(blocks[i].text) or AUTHOR_LABEL_CELL.fullmatch(blocks[i].text)
                                                 for i in indices)


def _comment_section(member: etree._Element) -> bool:
    """Whether ``member`` or a container of it is named for comments, and ``member`` is not named a post."""
    if class_words(member) & POST_WORDS:
        return False
    parent = member.getparent()
    for node in (member, *(parent.iterancestors() if parent is not None else ()), parent):
        if node is None or node.tag in {"body", "html"}:
            continue
        if class_words(node) & COMMENT_WORDS:
            return True
    return False


def _after_article(page: PageContext, posts: list[ThreadPost], weight: float) -> bool:
    """Whether more prose precedes the first post than the posts hold: an article with comments."""
    return _prose_before(page, posts) > weight


def _prose_before(page: PageContext, posts: list[ThreadPost], least: float = 0.5) -> float:
    """The weight of the prose (of a quality over ``least``) the page shows before its first post."""
    first = posts[0].blocks[0] if posts[0].blocks else 0
    return sum(block.weight for block in page.blocks[:first] if block.prose > least)
