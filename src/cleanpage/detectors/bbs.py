"""C16 BBS mail-format posts (水木, 北大未名, 日月光华, 小百合...): the frame around every post.

Mainland university BBSes print each post as a mail: a header (``发信人: xiaomao (小猫爱吃鱼), 信区:
Cooking``, ``标  题: …``, ``发信站: 水木社区 (Sat Nov 17 20:45:03 2012), 站内``), the text, the quoted
earlier post (``【 在 chuzi (厨子) 的大作中提到: 】`` and lines opening with ``: ``), the signature after a
``--`` line, and origin lines (``※ 来源:·水木社区 …``, ``※ 修改:·…``). The thread prints one such mail per
post, with a row of links (``本篇全文 回复本文 回信给作者``) between them.

On a thread's posts anywhere, removes the origin stamp a BBS's new web keeps (``※ 来源:·水木社区 … [FROM: 北京]``).
Else removes, on a BBS page only (a ``发信人`` header line, and a ``发信站`` line or a ``标  题`` line right under
the sender): every header line, quote
introduction and the ``:`` lines after it, ``--`` with the signature under it (up to the origin line,
the next header, or ``MAX_SIGNATURE`` lines), origin lines and rows made only of BBS link words. Harvests the
first post's author (the id, without the nickname), title (without ``Re:``) and time.

Never removes: the posts' own lines (every post is body); a ``--`` line or a line opening with a
colon on a page without the BBS header; quoted lines that do not follow a quote introduction; a
sentence that merely mentions link words (``帖子已修改，请勿转寄``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import parse_date
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector

SENDER = re.compile(r"^发信人\s*[:：]\s*(?P<id>[A-Za-z0-9_.\-]{1,24})(?:\s*\((?P<nick>[^)]*)\))?")
HEADER = re.compile(r"^(?:发信人|标\s*题|发信站|转信站)\s*[:：]")
SUBJECT = re.compile(r"^标\s*题\s*[:：]\s*(?:re\s*[:：]\s*)*(?P<title>.+)$", re.IGNORECASE)
STATION = re.compile(r"^发信站\s*[:：]")
QUOTE_INTRO = re.compile(r"^【\s*在\s*.{1,60}?\s*的(?:大作|来信)中提到\s*[:：]?\s*】$")
QUOTED = re.compile(r"^[:：]\s")
ORIGIN = re.compile(r"^※\s*(?:来源|修改|转载|转寄|来\s*源)\s*[:：·]")
ORIGIN_FROM = re.compile(r"\[\s*FROM\s*[:：]", re.IGNORECASE)  # the poster's address or place in the stamp
SIGNATURE_OPEN = "--"
MAX_SIGNATURE = 6
# The link words of Firebird-family BBS web pages (水木, 未名, 日月光华 share the interface).
LINK_WORDS = ("本篇全文", "回复本文", "回信给作者", "本篇作者", "同主题阅读", "同主题展开", "返回版面", "进入讨论区", "返回顶部", "转寄",
              "转贴", "删除", "修改", "从这里展开", "溯源", "阅读全文")
LINK_WORD = re.compile("|".join(LINK_WORDS))
# what may sit between the link words of a row: brackets, separators and the poster's id after 本篇作者:
LINK_ROW_FILLER = re.compile(r"[:：]\s*[A-Za-z0-9_.\-]{1,24}|[\s\[\]【】|]+")
MIN_LINK_WORDS = 2
MAX_LINK_ROW = 80


@register_detector
class Bbs(Detector):
    """BBS mail-format post frames (C16): headers, quotes, signatures, origin lines; every post stays."""

    name = "bbs"
    family = "C16"
    order = 16  # before separators, which would take the ``--`` that opens a signature

    def detect(self, page: Page) -> Iterable[Finding]:
        shadows = [page.shadow(block).strip() for block in page.blocks]
        senders = [i for i, line in enumerate(shadows) if line.startswith("发信人") and SENDER.match(line)]
        # the station line, or a subject line right under a sender (a thread reader may have taken the
        # station line, which shows the post's time, as the post's header)
        if not senders or not (any(STATION.match(line) for line in shadows)
                               or any(i + 1 < len(shadows) and SUBJECT.match(shadows[i + 1]) for i in senders)):
            # a BBS's new web prints posts without the mail header but keeps each post's origin stamp (※ 来源:·水木社区
            # … [FROM: 北京]), which no poster writes
            for i, line in enumerate(shadows):
                if page.blocks[i].index in page.hints.post_text and ORIGIN.match(line) and ORIGIN_FROM.search(line):
                    yield Drop(page.blocks[i], "C16.bbs_origin", "BBS origin stamp of a post")
            return
        yield from self._harvest(page, shadows, senders[0])
        quoting = False
        signature = 0
        for i, line in enumerate(shadows):
            block = page.blocks[i]
            if HEADER.match(line):
                quoting, signature = False, 0
                yield Drop(block, "C16.bbs_header", "BBS post header (sender, subject, station)")
            elif ORIGIN.match(line):
                quoting, signature = False, 0
                yield Drop(block, "C16.bbs_origin", "BBS origin or edit line")
            elif line == SIGNATURE_OPEN:
                quoting, signature = False, MAX_SIGNATURE
                yield Drop(block, "C16.bbs_signature", "BBS signature separator")
            elif signature:
                signature -= 1
                yield Drop(block, "C16.bbs_signature", "BBS signature")
            elif QUOTE_INTRO.match(line):
                quoting = True
                yield Drop(block, "C16.bbs_quote", "quote of an earlier post")
            elif quoting and QUOTED.match(line):
                yield Drop(block, "C16.bbs_quote", "quote of an earlier post")
            elif _link_row(line):
                quoting = False
                yield Drop(block, "C16.bbs_links", "BBS link row")
            else:
                quoting = False

    @staticmethod
    def _harvest(page: Page, shadows: list[str], first: int) -> Iterable[Finding]:
        sender = SENDER.match(shadows[first])
        if sender:
            raw = page.blocks[first].text.strip()
            author = raw[sender.start("id"):sender.end("id")]
            yield Harvest("author", author, "C16.bbs_header", raw, 0.9)
            yield Harvest("authors", [author], "C16.bbs_header", raw, 0.9)
        for i in range(first + 1, min(first + 4, len(shadows))):
            subject = SUBJECT.match(shadows[i])
            if subject:
                yield Harvest("title", page.blocks[i].text.strip()[subject.start("title"):].strip(), "C16.bbs_header",
                              page.blocks[i].text, 0.8)
            if STATION.match(shadows[i]):
                published = parse_date(page.blocks[i].text)
                if published:
                    yield Harvest("published", published, "C16.bbs_header", page.blocks[i].text, 0.9)


def _link_row(line: str) -> bool:
    """A row made of BBS link words only (with brackets, separators and a poster id): a sentence that
    mentions 删除 or 转寄 is a post's own text."""
    if len(line) > MAX_LINK_ROW or len(LINK_WORD.findall(line)) < MIN_LINK_WORDS:
        return False
    return not LINK_ROW_FILLER.sub("", LINK_WORD.sub("", line))
