"""C15 WeChat official-account (公众号) chrome: header, author prompts and the tail frame.

Runs only on WeChat pages: a ``weixin.qq.com`` host, or at least two distinct
exact whole-line frame phrases (``预览时标签不可点``, ``微信扫一扫 关注该公众号``,
``写留言``, ``轻觸閱讀原文``, ``Scan to Follow``, …) or header labels
(``微信号``, ``功能介绍``). Then removes:

* the tail frame as one block, from its earliest strong member to the end of
  the page (reward widget, 在看/赞 bar, comment panel, 看一看 panel,
  mini-program dialog, "more articles"), harvesting ``views`` (``阅读 10万+``)
  and ``likes`` (``在看 356``);
* the header: ``原创 <author> <account>`` and ``<author> <account> <date>``
  lines, the account card (name, ``微信号``, ``功能介绍``), the date line,
  ``发表于<place>`` (harvested as ``region``), ``收录于合集…``; harvesting
  ``author``, ``source`` (the account name), ``published`` and ``wechat``
  (``account_name``, ``account_id``, ``intro``);
* author-placed prompts (``点击上方蓝字关注我们``, ``设为星标``,
  ``长按识别二维码关注``, ``点个在看``) as whole short lines in the head, the
  first three or last eight lines of the body, or the tail.

Never removes: sentences that teach WeChat (``在“设置”-“通用”中可以关闭“看一看”入口。``),
``阅读原文`` inside a sentence (``报名请点击阅读原文填写表单。``), English body
text (the English UI strings only match whole lines), anything before the body
ends unless the tail frame holds two distinct strong members.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import DATE_TEXT, find_date, parse_date
from ..lexicon import WECHAT_HOSTS
from ..names import parse_count
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._platform_lexicon import unquoted_keys, without

QUOTE_CHARS = "“”\"'‘’「」『』"
# Whole-line members of the frame that only WeChat prints: they open the tail frame and gate the page.
STRONG = frozenset({
    "预览时标签不可点", "微信扫一扫关注该公众号", "继续滑动看下一个", "向上滑动看下一个", "轻触阅读原文", "微信扫一扫使用小程序",
    "已同步到看一看写下你的想法", "看一看入口已关闭", "微信扫一扫赞赏作者", "喜欢此内容的人还喜欢", "写留言", "精选留言",
    "阅读原文", "发送到看一看", "已无更多数据", "scantofollow", "scanwithweixintousethisminiprogram",
    "视频小程序赞,轻点两下取消赞在看,轻点两下取消在看", "前往发现-看一看浏览朋友在看", "在设置-通用-发现页管理打开看一看入口",
})
# Frame members that are too plain to open the frame on their own.
WEAK = frozenset({
    "阅读", "在看", "赞", "分享", "收藏", "留言", "我的留言", "知道了", "我知道了", "取消允许", "已发送", "发送中",
    "赞赏", "喜欢作者", "其它金额", "长按二维码向我转账", "更多文章", "往期推荐", "人划线", "最多200字,当前共字",
    "gotit", "cancelallow", "liketheauthor", "otheramount", "readmore", "wow", "like", "share", "comment",
})
FRAME_PREFIXES = ("受苹果公司新规定影响,微信ios版的赞赏功能被关闭", "修改于")
COUNTER = re.compile(r"^(?P<label>阅读|在看|赞)(?P<count>\d[\d.]*(?:万|w)?\+?)$")
REWARD_COUNT = re.compile(r"^\d+人赞赏$")
ACCOUNT_ID = re.compile(r"^微信号[:\s]*(?P<id>[a-z][-_a-z0-9]{4,19})$")
INTRO = re.compile(r"^功能介绍[:\s]*(?P<intro>\S.*)$")
TOKEN = r"[^\s,，。:：;；!！?？]{1,20}"
HEADER = re.compile(rf"^(?P<original>原创\s+)?(?:(?P<author>{TOKEN})\s+)?(?P<account>{TOKEN})(?:\s+(?P<date>{DATE_TEXT}))?"
                    # newer headers end with the writer's IP region: ``… 2024年01月18日 20:30 浙江``
                    rf"(?:(?<=\d)\s+(?P<region>[\u4e00-\u9fff]{{2,4}}))?$")
DATE_LINE = re.compile(rf"^(?P<date>{DATE_TEXT})(?:\s*发表于\s*(?P<place>[\u4e00-\u9fff]{{2,8}}))?$")
REGION = re.compile(r"^发表于\s*(?P<place>[\u4e00-\u9fff]{2,8})$")
HEADER_CHROME = re.compile(r"^收录于(?:合集|话题)|^在小说阅读器|^#\S{1,20}?\d+个$")  # ``#老建筑 12个``: a collection tag
PROMPTS = re.compile(
    r"点击?(?:上方|上面|标题下方?)?.{0,12}蓝字.{0,10}(?:关注|订阅)?|点击上方.{0,16}(?:关注|星标|置顶)|设为星标|星标(?:我们|公众号)"
    r"|长按(?:识别)?.{0,4}二维码.{0,6}(?:关注)?|扫码关注|扫描.{0,6}二维码.{0,4}关注|点击?下方.{0,8}(?:卡片|名片).{0,4}关注"
    r"|[↓👇]*点击?阅读原文[↓👇]*|点个?.{0,2}在看.{0,6}|喜欢就.{0,6}(?:在看|点赞|分享)(?:吧)?"
    r"|(?:分享|点赞|在看|转发)[、,]?(?:分享|点赞|在看|转发)[、,]?(?:分享|点赞|在看|转发)"
)
MAX_PROMPT_RESIDUE = 6
PROMPT_HEAD_LINES = 3
PROMPT_TAIL_LINES = 8


def _frame_member(key: str) -> bool:
    return key in STRONG or key in WEAK or key.startswith(FRAME_PREFIXES) or bool(COUNTER.match(key) or REWARD_COUNT.match(key))


@register_detector
class WeChat(Detector):
    """WeChat official-account header, author prompts and tail frame (C15)."""

    name = "wechat"
    family = "C15"
    order = 24

    def detect(self, page: Page) -> Iterable[Finding]:
        keys = unquoted_keys(page, QUOTE_CHARS)
        if not self._is_wechat(page, keys):
            return
        frame_start = self._frame_start(page, keys)
        yield from self._tail(page, keys, frame_start)
        yield from self._header(page, keys)
        for i in range(frame_start):
            if self._is_prompt(page, keys[i], i, frame_start):
                yield Drop(page.blocks[i], "C15.prompt", "author-placed follow/like prompt")

    @staticmethod
    def _is_wechat(page: Page, keys: list[str]) -> bool:
        if page.host and any(page.host == h or page.host.endswith("." + h) for h in WECHAT_HOSTS):
            return True
        signals = {k for k in keys if k in STRONG}
        signals |= {"account_id" for k in keys if ACCOUNT_ID.match(k)}
        signals |= {"intro" for k in keys if INTRO.match(k)}
        return len(signals) >= 2

    @staticmethod
    def _frame_start(page: Page, keys: list[str]) -> int:
        """Where the tail frame begins (``len(blocks)`` when there is none)."""
        count = len(keys)
        strong = [i for i in range(page.first_body + 1, count) if keys[i] in STRONG]
        if not strong:
            return count
        start = strong[0]
        if start <= page.last_body and len({keys[i] for i in strong}) < 2:
            return count
        while start - 1 > page.first_body and _frame_member(keys[start - 1]):
            start -= 1
        return start

    @staticmethod
    def _tail(page: Page, keys: list[str], start: int) -> Iterable[Finding]:
        for i in range(start, len(keys)):
            block = page.blocks[i]
            yield Drop(block, "C15.tail_frame", "WeChat article frame below the article")
            counter = COUNTER.match(keys[i])
            parsed = parse_count(counter["count"]) if counter else None
            if counter and parsed:
                field = "views" if counter["label"] == "阅读" else "likes"
                yield Harvest(field, parsed[0], f"C15.{field}", block.text, 0.8)
                if field == "views" and parsed[1]:
                    yield Harvest("views_lower_bound", True, "C15.views", block.text, 0.8)

    def _header(self, page: Page, keys: list[str]) -> Iterable[Finding]:
        wechat: dict[str, str] = {}
        for i in range(min(page.first_body, len(keys))):
            block, key = page.blocks[i], keys[i]
            spaced = without(page.shadow(block), QUOTE_CHARS).strip()
            if match := ACCOUNT_ID.match(key):
                wechat["account_id"] = block.text[-len(match["id"]):]
                yield Drop(block, "C15.account", "WeChat account id")
                name = self._account_name(page, keys, i)
                if name is not None:
                    wechat["account_name"] = page.blocks[name].text.strip()
                    yield Drop(page.blocks[name], "C15.account", "WeChat account name")
            elif match := INTRO.match(key):
                wechat["intro"] = block.text.split("介绍", 1)[1].lstrip(":： \u3000")
                yield Drop(block, "C15.account", "WeChat account introduction")
            elif match := REGION.match(key):
                yield Harvest("region", block.text.split("于", 1)[1].strip(), "C15.region", block.text, 0.7)
                yield Drop(block, "C15.header", "WeChat IP-location line")
            elif HEADER_CHROME.search(key):
                yield Drop(block, "C15.header", "WeChat collection or reader banner")
            elif match := DATE_LINE.match(spaced):
                yield from self._date(block.text)
                yield Drop(block, "C15.header", "WeChat publication date")
            elif (match := HEADER.match(spaced)) and (match["original"] or match["date"]):
                yield from self._byline(match, block.text, wechat)
                yield Drop(block, "C15.header", "WeChat author and account line")
        if wechat:
            yield Harvest("wechat", wechat, "C15.account", " ".join(wechat.values()), 0.9)
            if "account_name" in wechat:
                yield Harvest("source", wechat["account_name"], "C15.account", wechat["account_name"], 0.85)

    @staticmethod
    def _account_name(page: Page, keys: list[str], id_position: int) -> int | None:
        """The account card's name: the short single-token line just above ``微信号``."""
        above = id_position - 1
        if above < 0 or INTRO.match(keys[above]) or len(keys[above]) > 20:
            return None
        return above if len(page.shadow(page.blocks[above]).split()) == 1 else None

    @staticmethod
    def _date(text: str) -> Iterable[Finding]:
        iso = parse_date(text)
        if iso:
            yield Harvest("published", iso, "C15.published", text, 0.85)
        place = DATE_LINE.match(text.strip())
        if place and place["place"]:
            yield Harvest("region", place["place"], "C15.region", text, 0.7)

    @staticmethod
    def _byline(match: re.Match[str], text: str, wechat: dict[str, str]) -> Iterable[Finding]:
        found = find_date(text)
        words = (text[: found.start] if found else text).split()  # the region after the date is not a word here
        if match["original"]:
            words = words[1:]
        if len(words) == 2:
            yield Harvest("author", words[0], "C15.author", text, 0.85)
            yield Harvest("authors", [words[0]], "C15.author", text, 0.85)
        if words:
            wechat.setdefault("account_name", words[-1])
        if found:
            yield Harvest("published", found.iso, "C15.published", text, 0.85)
        if match["region"]:
            yield Harvest("region", match["region"], "C15.region", text, 0.7)

    @staticmethod
    def _is_prompt(page: Page, key: str, position: int, frame_start: int) -> bool:
        near_edge = position < page.first_body + PROMPT_HEAD_LINES or position >= frame_start - PROMPT_TAIL_LINES
        if not near_edge or not key or page.features(page.blocks[position]).vlen > 40:
            return False
        match = PROMPTS.search(key)
        if not match:
            return False
        rest = re.sub(r"[\W_]", "", key[: match.start()] + key[match.end():])
        return len(rest) <= MAX_PROMPT_RESIDUE
