"""C16 forum and BBS chrome: per-post frames (and, with ``forum_posts="first"``, the replies of a thread).

Removes, wherever they sit (the frame repeats around every post):

* post toolbars made only of toolbar words (``只看该作者 | 倒序浏览``,
  ``使用道具 举报``, ``回覆 引用``), edit notes (``本帖最后由 X 于 … 编辑``),
  attachment lines (``1.png (32.35 KB, 下载次数: 0)``, ``下载附件``), thread
  statistics (``查看: 1234 | 回复: 56``, harvested as ``views``), hidden or
  moderated-content notices (which set ``truncated``), reply forms
  (``您需要登录后才可以回帖``);
* on a page that is clearly a forum (two post headers, or one and two other
  forum signals): post headers (``张三 发表于 2012-3-4 10:23``, ``楼主``,
  ``2楼``, ``千问 | 2008-3-7 19:54:07 | 显示全部楼层``), author-card lines
  (``积分 123 帖子 45 主题 6``), device lines (``来自手机``, ``发自虎扑iPhone客户端``), and reply-form
  words on lines of their own next to a reply form (``高级模式``, ``发表回复``);
* on an HTML page read as a thread (``metadata.page_type`` ``forum_thread``), device lines.

A thread's body is every post in order (the gold convention): replies stay, only their frames go.
On an HTML page whose structure is not a thread (``metadata.page_type`` other than
``forum_thread``), post-like lines after the article are reader comments and go.
With ``Config(forum_posts="first")`` every reply goes too, from the first post header that follows
body text to the end of the last reply (for users who want the opening post alone).

Harvests the opening post's poster ID as ``author``/``authors`` and its post
time as ``published``.

Never removes: sentences of a post (``我引用了他在会上的原话。``,
``已向平台举报。``), any line over 40 characters except an anchored post
header, the text of a reply (unless ``forum_posts="first"``), replies when the page has only
one post header and no other forum signal, or the opening post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import DATE_TEXT, parse_date
from ..names import parse_count
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._platform_lexicon import whole
from ._shapes import phrase_pattern

MAX_VLEN = 40
FLOOR = r"(?:楼主|沙发|板凳|地板|\d+\s*楼|\d+\s*#|#\s*\d+)"
POST_META = [
    re.compile(rf"^(?:(?P<floor>{FLOOR})\s*)?(?:(?P<author>[^\s|:]{{1,20}})\s+)?发表于\s*[:]?\s*(?P<date>{DATE_TEXT})(?P<rest>.*)$"),
    re.compile(rf"^(?P<author>[^\s|:]{{1,20}})\s*\|\s*(?P<date>{DATE_TEXT})\s*\|\s*显示全部楼层$"),
    re.compile(rf"^本贴由\s*(?P<author>\S{{1,20}}?)\s*于\s*(?P<date>{DATE_TEXT})\s*在.{{0,24}}发表\.?$"),
]
FLOOR_LINE = re.compile(rf"^(?P<floor>{FLOOR})(?:\s+(?P<author>[^\s|:]{{1,20}}))?$")
TOOLBAR_WORDS = frozenset({
    "只看该作者", "只看楼主", "倒序浏览", "阅读模式", "显示全部楼层", "复制链接", "使用道具", "举报", "检举", "回复", "回覆", "引用",
    "支持", "反对", "top", "评分", "收藏", "分享", "电梯直达", "跳转到指定楼层", "打印", "上一主题", "下一主题", "收起", "点评",
})
TOOLBAR_ANCHORS = frozenset({"只看该作者", "只看楼主", "倒序浏览", "显示全部楼层", "使用道具", "电梯直达", "跳转到指定楼层"})
# 本帖最后由 X 于 2012-3-4 10:30 编辑, and bracketed (（本帖最后由作者于 2019-05-20 09:02 修改）)
EDITED = re.compile(rf"^[(（\[【]?\s*本帖最后由\s*\S+?\s*于\s*{DATE_TEXT}\s*(?:编辑|修改)\s*[)）\]】]?$")
ATTACHMENT = re.compile(
    r"^\S+\.(?:png|jpe?g|gif|bmp|webp|rar|zip|7z|docx?|xlsx?|pptx?|pdf|txt|torrent)\s*\(\s*[\d.]+\s*[kmg]?b\s*,\s*下载次数\s*:?\s*\d+\s*\)$"
    rf"|^下载附件\s*(?:\(\s*[\d.]+\s*[kmg]?b\s*\))?$|^{DATE_TEXT}\s*上传$|^点击文件名下载附件$|^保存到相册$"
)
STATS = re.compile(r"^查看\s*:?\s*(?P<views>\d+)\s*\|\s*回复\s*:?\s*\d+(?:\s*\|.*)?$|^查看\s*(?P<views2>\d+)\s*\|\s*回复\s*\d+")
BLOG_STATS = re.compile(r"^阅读全文\(\d+\)\s*\|\s*回复\(\d+\)|^\(本文发表于.{0,40}已被阅读\d+次\)$")
CARD_PAIR = re.compile(
    r"(?:积分|帖子|主题|精华|金钱|威望|贡献|注册时间|最后登录|uid|在线时间|阅读权限|听众|收听|好友|金币|经验|等级|日志|相册)"
    rf"\s*:?\s*(?:{DATE_TEXT}|\d[\d.,]*\s*(?:小时|分钟)?)?"
)
CARD_WORDS = re.compile(r"发消息|加好友|发短消息|打招呼|\s|\|")
HIDDEN = ("本帖隐藏的内容需要回复才可以浏览", "如果您要查看本帖隐藏内容请回复", "作者被禁止或删除内容自动屏蔽", "该帖子已被管理员屏蔽",
          "部分链接隐藏,注册或登陆后显示", "图片隐藏,注册或登陆后显示", "本帖隐藏的内容需要回覆才可以浏览")
REPLY_FORM = ("您需要登录后才可以回帖", "您需要登入后才可以回帖", "回帖后跳转到最后一页")
REPLY_WORDS = frozenset({"发表回复", "高级模式", "发新帖", "返回列表", "快速回复", "回复楼主", "登录", "立即注册", "注册", "登入"})
# The line an app appends to a post (来自Android客户端, 发自虎扑iPhone客户端, 发自我的iPhone): keys are folded
DEVICE = re.compile(r"^(?:来自|发自)(?:我的)?(?:手机|\S{1,12}客户端|\S{1,12}手机版|iphone|ipad|android)$")
HIDDEN_PHRASES = phrase_pattern(HIDDEN)
REPLY_FORM_PHRASES = phrase_pattern(REPLY_FORM)
TOOLBAR_SPLIT = re.compile(r"[\s|\[\]]+")
REPLY_SPLIT = re.compile(r"[\s|]+")
# Every frame rule needs one of these words in the line's key (keep in step with the rules above):
# a line without any is passed over without trying each rule.
FRAME_WORDS = phrase_pattern((*HIDDEN, "本帖最后由", "下载次数", "下载附件", "上传", "保存到相册", "查看", "阅读全文",
                              "本文发表于", *TOOLBAR_WORDS, *REPLY_FORM, *REPLY_WORDS))
# Every post header or floor line holds one of these.
HEADER_WORDS = re.compile(r"发表于|本贴由|楼|沙发|板凳|地板|#")
POSTER_ID = re.compile(r"^(?:[a-z0-9_\-\u4e00-\u9fff]*[a-z0-9][a-z0-9_\-\u4e00-\u9fff]*|[\u4e00-\u9fff]{2,10})$")


@dataclass
class PostHeader:
    start: int
    end: int
    author: str | None
    published: str | None
    raw: str


def _toolbar(line: str) -> bool:
    parts = [p for p in TOOLBAR_SPLIT.split(line) if p]
    return bool(parts) and all(p in TOOLBAR_WORDS for p in parts) and (len(parts) >= 2 or parts[0] in TOOLBAR_ANCHORS)


def _reply_form(key: str, spaced: str) -> bool:
    if REPLY_FORM_PHRASES.search(key):
        return True
    parts = [p for p in REPLY_SPLIT.split(spaced) if p]
    return len(parts) >= 2 and all(p in REPLY_WORDS for p in parts)


AUTHOR_CARD = re.compile(
    r"(?:(?:主题|帖子|积分|精华|金钱|威望|贡献|在线时间|注册时间|最后登录|uid)\s*[:：]?\s*[\d.\-]+\s*)+"
    r"|新手上路|注册会员|初级会员|中级会员|高级会员|金牌会员|论坛元老|版主|超级版主|管理员|实习版主|禁止发言|贵宾|vip\d*"
)
CARD_LINES = 3


@register_detector
class Forum(Detector):
    """Forum post frames and thread replies (C16); harvests the opening post's author and time."""

    name = "forum"
    family = "C16"
    order = 26

    def detect(self, page: Page) -> Iterable[Finding]:
        keys = [whole(page, i) for i in range(len(page.blocks))]
        spaced = [page.shadow(b) for b in page.blocks]
        chrome: dict[int, tuple[str, str]] = {}
        for i, block in enumerate(page.blocks):
            frame = self._frame_rule(page, i, keys[i], spaced[i])
            if frame:
                chrome[i] = frame
                yield from self._frame_harvest(frame[0], keys[i], block.text)
        headers = self._headers(page, spaced)
        signals = len({rule for rule, _ in chrome.values()})
        is_forum = len(headers) >= 2 or (len(headers) == 1 and signals >= 2)
        if is_forum:
            for header in headers:
                for i in range(header.start, header.end + 1):
                    chrome.setdefault(i, ("C16.post_header", "forum post header (floor, poster, time)"))
        if is_forum or self._html_thread(page):  # an HTML thread's post headers were left out with its markup
            for i, key in enumerate(keys):
                if i not in chrome and (DEVICE.match(key) or (is_forum and self._card(spaced[i]))):
                    chrome[i] = ("C16.post_meta", "poster card or device line")
        if is_forum:
            yield from self._opening_post(page, headers)
            if self.config.forum_posts == "first":
                for i in self._replies(page, headers, chrome):
                    chrome.setdefault(i, ("C16.reply", "reply after the opening post (forum_posts='first')"))
            elif self._comments_under_article(page):
                for i in self._replies(page, headers, chrome):
                    chrome.setdefault(i, ("C16.comment", "reader comment under an article (the page is no thread)"))
            for i in self._reply_form_buttons(keys, chrome):
                chrome[i] = ("C16.reply_form", "reply form button")
        for i in sorted(chrome):
            rule, reason = chrome[i]
            yield Drop(page.blocks[i], rule, reason)

    @staticmethod
    def _frame_rule(page: Page, i: int, key: str, spaced: str) -> tuple[str, str] | None:
        """Per-post chrome that is safe anywhere: anchored, whole-line, short."""
        feats = page.features(page.blocks[i])
        if feats.vlen > 60 or not FRAME_WORDS.search(key):
            return None
        if HIDDEN_PHRASES.search(key):
            return "C16.hidden", "hidden or moderated content notice"
        if EDITED.match(spaced):
            return "C16.edited", "post edit note"
        if ATTACHMENT.match(spaced):
            return "C16.attachment", "attachment line"
        if STATS.match(spaced) or BLOG_STATS.match(key):
            return "C16.stats", "thread statistics"
        if feats.vlen > MAX_VLEN or feats.sentence_like:
            return None
        if _toolbar(spaced):
            return "C16.toolbar", "post toolbar"
        if _reply_form(key, spaced):
            return "C16.reply_form", "reply form"
        return None

    @staticmethod
    def _html_thread(page: Page) -> bool:
        """An HTML page read as a thread (its posts found in the markup, their headers left out already)."""
        return page.html_page_type == "forum_thread"

    @staticmethod
    def _comments_under_article(page: Page) -> bool:
        """An HTML page whose structure is not a thread: post-like lines after its text are comments."""
        return page.html_page_type not in {None, "forum_thread"}

    @staticmethod
    def _reply_form_buttons(keys: list[str], chrome: dict[int, tuple[str, str]]) -> list[int]:
        """Single reply-form words on lines of their own (``高级模式``, ``发表回复``) next to the reply form."""
        found: list[int] = []
        for i, (rule, _) in sorted(chrome.items()):
            if rule != "C16.reply_form":
                continue
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(keys) and j not in chrome and keys[j] in REPLY_WORDS:
                    found.append(j)
                    j += step
        return found

    @staticmethod
    def _frame_harvest(rule: str, key: str, text: str) -> Iterable[Finding]:
        if rule == "C16.hidden":
            yield Harvest("truncated", True, rule, text, 0.8)
        elif rule == "C16.stats" and (match := STATS.match(key)):
            count = parse_count(match["views"] or match["views2"])
            if count:
                yield Harvest("views", count[0], rule, text, 0.7)

    @staticmethod
    def _card(spaced: str) -> bool:
        if not spaced or len(spaced) > 80:
            return False
        pairs = CARD_PAIR.findall(spaced)
        return len(pairs) >= 2 and not CARD_WORDS.sub("", CARD_PAIR.sub("", spaced))

    @staticmethod
    def _headers(page: Page, spaced: list[str]) -> list[PostHeader]:
        headers: list[PostHeader] = []
        for i, line in enumerate(spaced):
            if not HEADER_WORDS.search(line):
                continue
            match = next((m for p in POST_META if (m := p.match(line))), None)
            floor = FLOOR_LINE.match(line) if not match else None
            if match and len(match.groupdict().get("rest") or "") > 30:
                match = None
            if not (match or floor):
                continue
            found = match or floor
            author = page.blocks[i].text[found.start("author"):found.end("author")] if found and found["author"] else None
            published = parse_date(match["date"]) if match else None
            if headers and i - headers[-1].end <= 2:
                last = headers[-1]
                last.end = i
                last.author = last.author or author
                last.published = last.published or published
                continue
            start = i
            above = i - 1
            while above > 0 and i - above <= CARD_LINES and AUTHOR_CARD.fullmatch(page.shadow(page.blocks[above]).strip()):
                above -= 1  # the poster's card (posts, points, member rank) sits between the ID and the header
            if match and not author and above > 0 and Forum._poster_line(page, above):
                start, author = above, page.blocks[above].text.strip()
            headers.append(PostHeader(start, i, author, published, page.blocks[i].text))
        return headers

    @staticmethod
    def _poster_line(page: Page, i: int) -> bool:
        """A poster ID alone on the line above a post header."""
        feats = page.features(page.blocks[i])
        return feats.vlen <= 12 and not feats.sentence_like and bool(POSTER_ID.match(page.shadow(page.blocks[i]).strip()))

    @staticmethod
    def _opening_post(page: Page, headers: list[PostHeader]) -> Iterable[Finding]:
        first = headers[0]
        if first.start > page.first_body:  # the opening post's own header is not on the page
            return
        if first.author:
            author = first.author.strip()
            yield Harvest("author", author, "C16.author", first.raw, 0.85)
            yield Harvest("authors", [author], "C16.author", first.raw, 0.85)
        if first.published:
            yield Harvest("published", first.published, "C16.published", first.raw, 0.85)

    @staticmethod
    def _replies(page: Page, headers: list[PostHeader], chrome: dict[int, tuple[str, str]]) -> range:
        """Positions from the first post header after body text to the end of the last reply."""
        body = [i for i in range(len(page.blocks)) if page.body_like(i)]
        if not body:
            return range(0)
        if headers[0].start < body[0]:
            between = range(headers[0].end + 1, headers[1].start) if len(headers) >= 2 else range(0)
            start = headers[1].start if any(i not in chrome for i in between) else None
        else:
            start = next((h.start for h in headers if h.start > body[0]), None)
        if start is None:
            return range(0)
        toolbars = [i for i, (rule, _) in chrome.items() if rule == "C16.toolbar" and i >= headers[-1].start]
        end = max([headers[-1].end, *toolbars, *(i for i in body if i >= start)])
        return range(start, end + 1)
