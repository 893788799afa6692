"""C09 comment boxes and comment threads after the article.

From the first comment-box line after the last body paragraph (``发表评论``,
``评论``, ``0/150``, ``提交评论``, ``全部评论(12)``, ``1827 跟贴 1827``), removes every
line to the footer, user comments included (they are not body text); removes
comment-policy lines (``网友评论仅供其表达个人看法…``) after the body; harvests
the comment count when the header states it.

Never removes: anything before the last body-like paragraph (news quoting
netizens: ``有网友评论称，…``), opinion articles titled 评论, footer lines
(copyright, filings: left to their own detectors).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..names import parse_count
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._footer import DISCLAIMERS, is_footer_line
from ._shapes import compact, phrase_pattern, tail_start

START = re.compile(
    r"^(?:发表评论|我要评论|我来说两句|提交评论|发表|评论|评论区|最新评论|最热评论|热门评论|精彩评论|全部评论|网友评论|用户评论|"
    r"跟贴|跟帖|网友跟贴|留言|发表留言|全部留言|最新留言|我要留言|写评论|写下你的评论|登录后发表评论|请先登录后发表评论|"
    r"暂无评论|还没有评论|评论\(\d+\)|全部评论\(\d+\)|(?:留言|评论)列表(?:\(\d+\))?|共有\d+条评论|\d+条评论|\d+跟贴\d*|\d+\s*则留言|尚无留言|最新回应)[~.。!！…]*$"
)
COUNTER = re.compile(r"^\d{1,4}\s*/\s*\d{2,4}\s*字?$")
POLICY = phrase_pattern((
    "网友评论仅供其表达个人看法", "并不表明本站立场", "文明上网，理性发言", "文明上网,理性发言", "互联网跟帖评论服务管理规定",
    "留言仅代表网友个人意见", "不代表本网立场", "评论框加载中", "社交帐号登录", "目前没有跟贴",
))
COUNT_IN_HEADER = re.compile(r"(?:共有|全部评论\(|评论\(|列表\(|^)(\d[\d,]*)\s*(?:条评论|跟贴|\)|则留言)")


def _is_comment_chrome(shadow: str) -> bool:
    flat = compact(shadow)
    return bool(START.match(flat) or COUNTER.match(flat) or POLICY.search(flat))


@register_detector
class CommentBox(Detector):
    """The comment form, its policy notes and the comment thread after the article (C09)."""

    name = "comments"
    family = "C09"
    order = 120

    def detect(self, page: Page) -> Iterable[Finding]:
        start = None
        # Reprint notes and footers under the comments are long sentences too; look past them.
        boundary = tail_start(page, lambda shadow: _is_comment_chrome(shadow) or is_footer_line(shadow)
                              or bool(DISCLAIMERS.search(shadow)))
        for position in range(boundary, len(page.blocks)):
            if _is_comment_chrome(page.shadow(page.blocks[position])):
                start = position
                break
        if start is None:
            return
        header = page.compact(page.blocks[start])
        count = COUNT_IN_HEADER.search(header)
        if count:
            parsed = parse_count(count.group(1))
            if parsed:
                yield Harvest("comments", parsed[0], "C09.header", page.blocks[start].text, 0.6)
        for position in range(start, len(page.blocks)):
            block = page.blocks[position]
            if is_footer_line(page.shadow(block)) or DISCLAIMERS.search(page.shadow(block)):
                break
            yield Drop(block, "C09.comments", "comment box / comment thread")
