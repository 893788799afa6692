"""C14 document-sharing site chrome (文库 / 文档站): preview limits, download prompts, tips.

Active only on an HTML page segmentation read as a document preview, on a doc-sharing host, or when at
least two distinct platform phrases occur on the page. Then removes preview-limit lines
(``已阅读5页，还剩1页未读，继续免费阅读`` -> ``pages = {"read": 5, "unread": 1}``,
``truncated``), download prompts (``下载本文档``), the platform copyright note
(``版权说明：本文档由用户提供并上传…``), section labels (``文档简介`` — a glued
label is cut, its text kept; a summary that only repeats the document's opening words, cut with an
ellipsis, goes whole), file-fact and uploader lines (the upload date
goes to ``published``), and a ``温馨提示`` heading with the numbered platform
rules after it.

Never removes: the document's own text, including its own ``温馨提示`` and
numbered rules (an exam notice): a tips block goes only when most items talk
about the platform (本站, 下载, 上传, 文档, 侵权…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import find_date
from ..page import Drop, Finding, Harvest, Page, Trim
from ..registry import Detector, register_detector
from ._shapes import compact, phrase_pattern

HOSTS = ("doc88.com", "docin.com", "book118.com", "wenku.baidu.com", "renrendoc.com", "360doc.com", "360docs.net",
         "wenku.so.com", "31doc.com", "jinchutou.com", "taodocs.com", "bdocx.com", "ishare.iask.sina.com.cn", "mayiwenku.com")
PHRASES = phrase_pattern((
    "已阅读", "页未读", "继续免费阅读", "免费预览已结束", "预览已结束", "全文阅读已结束", "下载本文档", "下载此文档", "不看了,直接下载",
    "版权说明", "本文档由用户提供并上传", "收益归属内容提供方", "文档简介", "资源描述", "上传人", "该文档贡献者很忙", "下载积分",
    "资源大小", "全文页数", "仅部分预览", "试读结束", "稻壳阅读器", "该用户还上传了这些文档", "文档预览", "游客一键下载",
))
PREVIEW = re.compile(r"已阅读\s*(?P<read>\d+)\s*页\s*[,，]?\s*(?:还剩|剩余)\s*(?P<unread>\d+)\s*页\s*未读")
REMAINING = re.compile(r"(?:还剩|剩余)\s*(?P<unread>\d+)\s*页\s*(?:未读|可下载)")
LINE_RULES = (
    ("C14.preview", "preview limit", re.compile(
        r"已阅读\d+页|还剩\s*\d+\s*页|免费预览已结束|预览已结束|全文阅读已结束|继续免费阅读|试读结束|仅部分预览|剩余\d+页未读")),
    ("C14.download", "download prompt", re.compile(
        r"^(?:立即|免费|直接|快捷|会员登录|游客一键|合集)?下载(?:本文档|此文档|文档|资源|本文)?(?:\(\d+页\)|\(\d+(?:\.\d+)?[km]b?\))?$|不看了,?直接下载|下载高清无水印|"
        r"加入vip免费专享|下载资源需要|稻壳阅读器|下载积分|三方登录下载|加入vip免费下载|下载文档到电脑|"
        r"^\d+(?:\.\d+)?积分$")),
    ("C14.rights", "platform copyright note", re.compile(
        r"本文档由用户提供并上传|收益归属内容提供方|若内容存在侵权|该文档贡献者很忙|该用户还上传了这些文档|文档c2c交易模式")),
    ("C14.facts", "file facts / uploader", re.compile(
        r"^(?:资源id|资源大小|全文页数|资源格式|格式|编号|类型|大小|星级|上传人|上传者|贡献者|认证信息|ip属地|粉丝量|上传时间|上传于|上传日期)\s*[:：]")),
)
LABEL = re.compile(r"^(?:文档简介|资源描述|内容简介|文档预览|资源目录|文档介绍)\s*[:：]?")
UPLOADED = re.compile(r"(?:上传时间|上传于|上传日期|分享于)\s*[:：]?")
ELLIPSIS = re.compile(r"(?:\.{3,}|…+)\s*$")
SUMMARY_MIN = 20  # characters of a summary before its ellipsis: enough to be sure it repeats the document
TIPS = re.compile(r"^(?:温馨提示|友情提示|下载须知|特别提示|用户须知)\s*[:：]?$")
ITEM = re.compile(r"^[•·\-*\s]*(?:\d{1,2}\s*[.、)）]|[(（]\d{1,2}[)）]|[①-⑩])")
PLATFORM_WORDS = re.compile(r"本站|下载|上传|文档|侵权|资源|水印|预览|阅读器|积分|客服|网站|会员|用户")


def _repeats_document(summary: str, page: Page, position: int) -> bool:
    """Whether a labelled summary (its shadow after the label) is the start of the document shown after it, cut
    with an ellipsis (文档简介：2020年，柳溪社区…定时定点...): a platform's excerpt, not a text of its own."""
    cut = ELLIPSIS.search(summary)
    if cut is None or len(head := compact(summary[:cut.start()])) < SUMMARY_MIN:
        return False
    return head in "".join(page.compact(block) for block in page.blocks[position + 1:])


@register_detector
class DocSharing(Detector):
    """Doc-sharing site chrome: preview limits, downloads, platform notes, tips (C14)."""

    name = "doc_sharing"
    family = "C14"
    order = 30

    def detect(self, page: Page) -> Iterable[Finding]:
        if not self._active(page):
            return
        for position, block in enumerate(page.blocks):
            shadow = page.compact(block)
            if TIPS.match(shadow):
                yield from self._tips(page, position)
                continue
            label = LABEL.match(shadow)
            if label:
                yield from self._label(page, position)
                continue
            for rule, reason, pattern in LINE_RULES:
                if pattern.search(shadow) and (page.features(block).vlen <= 80 or rule == "C14.rights"):
                    yield Drop(block, rule, reason)
                    yield from self._harvest(block.text, shadow)
                    break

    def _active(self, page: Page) -> bool:
        if page.html_page_type == "doc_preview":  # the page's structure says so; its chrome was mostly dropped already
            return True
        if page.host and any(page.host == h or page.host.endswith("." + h) for h in HOSTS):
            return True
        found: set[str] = set()
        for block in page.blocks:
            found.update(PHRASES.findall(page.compact(block)))
            if len(found) >= 2:
                return True
        return False

    @staticmethod
    def _harvest(text: str, shadow: str) -> Iterable[Finding]:
        preview = PREVIEW.search(shadow)
        remaining = REMAINING.search(shadow)
        if preview:
            pages = {"read": int(preview["read"]), "unread": int(preview["unread"])}
            yield Harvest("pages", pages, "C14.preview", text, 0.8)
        limit = preview or remaining
        if limit and int(limit["unread"]) > 0:
            yield Harvest("truncated", True, "C14.preview", text, 0.8)
        if UPLOADED.search(shadow):
            found = find_date(text)
            if found:
                yield Harvest("published", found.iso, "C14.uploaded", text, 0.5)

    @staticmethod
    def _label(page: Page, position: int) -> Iterable[Finding]:
        block = page.blocks[position]
        match = LABEL.match(page.shadow(block).lstrip())
        lead = len(page.shadow(block)) - len(page.shadow(block).lstrip())
        end = lead + (match.end() if match else 0)
        rest = block.text[end:].strip()
        if _repeats_document(page.shadow(block)[end:], page, position):
            yield Drop(block, "C14.summary", "doc-sharing summary: the document's opening words again, cut short")
        elif rest:
            yield Trim(block, 0, end, "C14.label", "doc-sharing section label (its text is kept)")
        else:
            yield Drop(block, "C14.label", "doc-sharing section label")

    @staticmethod
    def _tips(page: Page, position: int) -> Iterable[Finding]:
        items: list[int] = []
        for following in range(position + 1, len(page.blocks)):
            if not ITEM.match(page.shadow(page.blocks[following])):
                break
            items.append(following)
        about_platform = sum(1 for i in items if PLATFORM_WORDS.search(page.shadow(page.blocks[i])))
        if items and about_platform * 2 > len(items):
            yield Drop(page.blocks[position], "C14.tips", "platform tips heading")
            yield from (Drop(page.blocks[i], "C14.tips", "platform tips / download rules") for i in items)
