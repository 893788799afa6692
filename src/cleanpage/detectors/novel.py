"""C20 online-novel site chrome: chapter navigation, pirate-site watermarks, reader appeals.

Removes:

* in the page's edges: chapter navigation lines made only of navigation words
  and arrows (``上一章 ← 章节目录 → 下一章``, ``加入書籤 投推荐票``), reader-app
  prompts (``手机接着看``, ``在APP中继续阅读``), the site's notice about where its
  novels come from (``《…》最新章节由网友提供，转载至本站只是为了宣传``) and lines
  made only of watermark sentences (both long: they would stop the peel);
* anywhere: watermark spans by exact phrase, cut at their sentence or bracket
  boundaries (``天才一秒记住本站地址：…``, ``一秒记住【…】，精彩小说无弹窗免费阅读！``),
  bracketed spans holding a domain (``（ｗｗｗ．ｘｘ．ｃｏｍ）``), whole short
  appeal lines (``求收藏，求推荐票！``), ``（本章完）``, and
  ``本章未完，点击下一页继续阅读`` (which sets ``truncated``);
* on a novel page (one of the above seen): the author's note paragraph that
  starts with ``PS：`` after the chapter text.

Harvests ``chapter`` (``{"title", "index"}``) from the first ``第N章`` heading
of a novel page; the heading stays in the body.

Never removes: chapter headings, dialogue that mentions ``PS`` or ``求…``
(``她求他收藏好那封信。``), a ``PS`` that is not at the start of the last
paragraphs, watermark look-alikes without an exact phrase or a domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page, Trim
from ..registry import Detector, register_detector
from ._platform_lexicon import edge_positions, whole, whole_key

NAV_WORDS = ("上一章", "下一章", "章节目录", "返回目录", "目录", "加入书签", "投推荐票", "返回书页", "章节列表", "最新章节", "投月票",
             "书架", "加入书架", "上一页", "下一页", "返回书架", "推荐本书", "打赏")
NAV_WORDS_LONGEST_FIRST = sorted(NAV_WORDS, key=len, reverse=True)
NAV_ANCHORS = re.compile(r"上一章|下一章|章节目录|加入书签|投推荐票|返回书页")
NAV_FILLER = re.compile(r"[\s←→<>|/\-·:]|(?:-->|->|>>|<<|<-)")
APP_PROMPTS = re.compile(r"^(?:手机接着看|扫码继续阅读|在app中继续阅读|公交地铁随意阅读|前往.{1,10}app.{0,6})$")
WATERMARKS = ("天才一秒记住本站地址", "一秒记住", "请记住本书首发域名", "手机版阅读网址", "精彩小说无弹窗免费阅读", "最快更新",
              "更新最快", "笔趣阁", "无弹窗广告", "手机用户请浏览", "本书首发")
DOMAIN = r"(?:w\s*w\s*w\s*[.。]|[a-z0-9]\s*[.。]\s*(?:c\s*o\s*m|n\s*e\s*t|o\s*r\s*g|c\s*c|l\s*a|i\s*n\s*f\s*o)\b)"
BRACKETED_DOMAIN = re.compile(rf"[(\[【{{](?=[^)\]】}}]{{0,60}}{DOMAIN})[^)\]】}}]{{1,60}}[)\]】}}]")
SENTENCE_END = "。！？!?"
APPEAL = re.compile(r"^(?:(?:求|再求)(?:收藏|推荐票?|月票|打赏|订阅|票票|支持)[,、!！~～。]*)+$|^新书已发[,，]?求支持[!！。]*$")
CHAPTER_END = re.compile(r"^[(（\[【]?本章完[)）\]】]?$")
UNFINISHED = re.compile(r"^[(（]?本章未完[,，]?(?:请)?点击下一页继续阅读[)）]?")
POSTSCRIPT = re.compile(r"^ps\s*[:：]")
CHAPTER = re.compile(r"^第\s*(?P<index>[0-9]+|[零〇一二两三四五六七八九十百千]+)\s*章\s*(?P<name>.*)$")
CN_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
POSTSCRIPT_LINES = 3


def _chapter_index(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in CN_NUMERALS:
            digit = CN_NUMERALS[ch]
        elif ch in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _is_nav(key: str) -> bool:
    if not NAV_ANCHORS.search(key):
        return False
    rest = key
    for word in NAV_WORDS_LONGEST_FIRST:
        rest = rest.replace(word, "")
    return not NAV_FILLER.sub("", rest)


def _watermark_spans(shadow: str, *, domains: bool) -> list[tuple[int, int]]:
    """Sentence- or bracket-delimited spans holding a watermark phrase, or (``domains``) a bracketed domain."""
    spans = [(m.start(), m.end()) for m in BRACKETED_DOMAIN.finditer(shadow)] if domains else []
    for match in WATERMARK_RE.finditer(shadow):
        start = max(shadow.rfind(ch, 0, match.start()) for ch in SENTENCE_END) + 1
        ends = [e for e in (shadow.find(ch, match.end()) for ch in SENTENCE_END) if e != -1]
        end = min(ends) + 1 if ends else len(shadow)
        spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _all_watermark(key: str) -> bool:
    """The whole line is watermark sentences (``手机用户请浏览 m.xx.la 阅读，更优质的阅读体验。``)."""
    spans = _watermark_spans(key, domains=False) if WATERMARK_RE.search(key) else []
    return bool(spans) and sum(end - start for start, end in spans) >= len(key)


WATERMARK_RE = re.compile("|".join(re.escape(p) for p in sorted(WATERMARKS, key=len, reverse=True)))
# The pirate site's notice in its footer: a long sentence, so without it the peel from the bottom stops there.
SITE_NOTICE = re.compile(r"最新章节由网友提供|转载至本站只是为了宣传|所有小说均来源于网络|本站所有小说(?:均|都)?(?:来源于|来自|由网友)")
# What every rule of this module needs in the line's key (keep in step with the rules above).
NOVEL_WORDS = re.compile(rf"{SITE_NOTICE.pattern}|{NAV_ANCHORS.pattern}|手机接着看|扫码继续阅读|在app中继续阅读|公交地铁随意阅读|前往.{{1,10}}app"
                         rf"|本章未?完|求(?:收藏|推荐|月票|打赏|订阅|票票|支持)|新书已发|{WATERMARK_RE.pattern}")
# Lines outside the edges need one of these (single characters, since the line rules read the
# whitespace-free key) or a watermark phrase to be chrome.
HINT = re.compile(rf"[完求新]|{WATERMARK_RE.pattern}")


@register_detector
class Novel(Detector):
    """Online-novel navigation, watermarks, appeals and author's notes (C20); harvests ``chapter``."""

    name = "novel"
    family = "C20"
    order = 29

    def detect(self, page: Page) -> Iterable[Finding]:
        if not NOVEL_WORDS.search(page.joined(whole_key)):
            return  # every rule below needs one of these words: no per-line pass on other pages
        edges = edge_positions(page, lambda i: self._edge_chrome(whole(page, i)))
        signals = 0
        for i in sorted(edges.union(page.matching(HINT))):
            block, key = page.blocks[i], whole(page, i)
            if i in edges and SITE_NOTICE.search(key):
                signals += 1
                yield Drop(block, "C20.site_notice", "pirate-site notice about where its novels come from")
            elif i in edges:
                signals += 1
                yield Drop(block, "C20.nav", "chapter navigation or reader-app prompt")
            elif UNFINISHED.match(key):
                signals += 1
                yield Drop(block, "C20.unfinished", "chapter continues on the next page")
                yield Harvest("truncated", True, "C20.unfinished", block.text, 0.8)
            elif CHAPTER_END.match(key) or (APPEAL.match(key) and page.features(block).short):
                signals += 1
                yield Drop(block, "C20.appeal", "reader appeal or chapter end mark")
            else:
                for start, end in _watermark_spans(page.shadow(block), domains=False):
                    signals += 1
                    yield Trim(block, start, end, "C20.watermark", "pirate-site watermark")
        if signals:
            # A bracketed domain is a watermark only on a page that is already a novel page:
            # in news it is content (``请登录（www.12306.cn）购票``).
            for i, block in enumerate(page.blocks):
                if i not in edges:
                    for start, end in _watermark_spans(page.shadow(block), domains=True):
                        yield Trim(block, start, end, "C20.watermark", "pirate-site watermark")
            yield from self._novel_page(page, edges)

    @staticmethod
    def _edge_chrome(key: str) -> bool:
        return _is_nav(key) or bool(APP_PROMPTS.match(key) or SITE_NOTICE.search(key)) or _all_watermark(key)

    @staticmethod
    def _novel_page(page: Page, edges: set[int]) -> Iterable[Finding]:
        remaining = [i for i in range(len(page.blocks)) if i not in edges]
        # The body ends at the last body-like line the peel left (the site's notices below it are chrome).
        last_body = max((i for i in remaining if page.body_like(i)), default=-1)
        for i in remaining[-POSTSCRIPT_LINES:]:
            if POSTSCRIPT.match(whole(page, i)) and i >= last_body:
                yield Drop(page.blocks[i], "C20.postscript", "author's note after the chapter")
        for i in remaining:
            match = CHAPTER.match(page.shadow(page.blocks[i]).strip())
            if match and page.features(page.blocks[i]).vlen <= 40:
                text = page.blocks[i].text.strip()
                yield Harvest("chapter", {"title": text, "index": _chapter_index(match["index"])}, "C20.chapter", text, 0.7)
                break
