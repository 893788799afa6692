"""C23 truncation, paywall and "read more" markers; end marks.

Removes whole-line markers after the body or on its last two lines (``展开全文``,
``阅读全文``, ``展开剩余80%``, ``登录后查看更多``, ``（未完待续）``, ``下转第3版``)
and sets ``truncated``; drops a metered paywall's prompt wherever it stands (``Subscribe to continue reading``,
``You've read 3 of your 4 free articles…``, ``Already a subscriber? Log in``); cuts an end mark at the very end of the last body line
(``（完）``, ``-END-``), or drops it alone on its line after the body (there a
bare ``完`` counts too), and records ``extra['ended']``; the issue date and clock
time printed right under such a line (``2023年3月2日（星期四）`` / ``香港時間18時05分``)
go too, harvested as ``published``. A body that ends
mid-sentence after a preview limit, or in ``...``, is flagged ``truncated``
and kept whole.

Never removes: ``他们的故事未完待续。`` and other sentences; quotations ending in
``……``; ``（上）`` in a title; a date after the body with no end mark over it
(a notice's signing date is body).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import parse_date
from ..page import Drop, Finding, Harvest, Page, Trim
from ..registry import Detector, register_detector

MARKER = re.compile(
    r"^[(（\[【]?(?:展开全文|显示全文|阅读全文|查看全文|点击展开|点击查看全文|全文阅读|余下全文|展开剩余\d+%?|展开阅读全文|"
    r"阅读全文,请先登录|登录后查看更多|扫码阅读全文|剩余\d+%内容付费后可查看|开通会员查看全文|订阅后可阅读全文|订阅后即可阅读全文|"
    r"本文为付费内容|付费文章|加入会员看全文|此处内容已隐藏|未完待续|待续|续|下转第?\S{1,3}版|转第?\S{1,3}版|"
    r"订户专享(?:内容)?|(?:立即)?订阅以?继续阅读(?:全文)?|订阅(?:会员)?即可阅读全文|已有帐户\?登[入录]|已有账户\?登[入录]|"
    # a paywall: ``剩余65%内容，开通VIP后可继续阅读``, its button and its login line
    r"剩余\d+%?内容,?.{0,16}?(?:开通|购买|订阅|成为|登录|登入).{0,16}?(?:可|即可)?继续阅读|立即开通|已是会员\?登[入录])"
    r"[)）\]】>»]*[.。…]*$"
)
# A paywall's prompt wherever it stands: a metered wall inside the article, whose text goes on after it (on the
# folded line; the line that counts what is left, ``You've read 3 of your 4 free articles…``, goes whole).
PAYWALL_PROMPT = re.compile(
    r"^(?:subscribe\s+(?:now\s+|today\s+)?to\s+(?:continue|keep)\s+reading\b|"
    r"to\s+(?:view|read|see)\s+the\s+(?:full|whole|rest\s+of\s+the)\s+(?:story|article),?\s+(?:please\s+)?(?:subscribe|log\s*in|sign\s+in)\b|"
    r"you(?:['’]ve|\s+have)\s+read\s+\d+\s+of\s+(?:your\s+)?\d+\s+free\s+(?:articles|stories)\b|"
    r"(?:subscribe\s+for\s+\S{1,10}\s+)?already\s+a\s+subscriber\?\s*(?:log|sign)\s*in\b)", re.IGNORECASE)
PAYWALL_PROMPT_MAX = 300
END_MARK = re.compile(r"\s*(?:[(（\[【]\s*(?:完|全文完|本文完)\s*[)）\]】]|-\s*end\s*-|—\s*完\s*—)\s*$")
# Alone on its line a bare ``完`` is a mark too (Hong Kong government releases).
BARE_END_MARK = re.compile(r"[-—－~～=\s]*完[-—－~～=\s]*")
ISSUE_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\(?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*\)?)?")
# ``香港時間18時05分``, ``北京时间 18:05``, ``18:05``
ISSUE_TIME = re.compile(r"(?:[\u4e00-\u9fff]{2,4}时间)?\s*(?P<hour>[01]?\d|2[0-3])\s*[:时]\s*(?P<minute>[0-5]\d)\s*分?")
TERMINAL = ("。", "！", "？", "!", "?", "”", "」", "』", "…", "）", ")", "；", ".", "：", ":")


@register_detector
class Truncation(Detector):
    """Read-more, paywall and to-be-continued markers; end marks; truncated bodies (C23)."""

    name = "truncation"
    family = "C23"
    order = 180

    @staticmethod
    def _issued(page: Page, start: int) -> Iterable[Finding]:
        """The issue date and clock time printed right under an end mark, harvested together as ``published``."""
        lines = [page.shadow(block).strip() for block in page.blocks[start:start + 2]]
        if not lines or not ISSUE_DATE.fullmatch(lines[0]) or not (day := parse_date(lines[0])):
            return
        issued = page.blocks[start:start + 1]
        clock = ISSUE_TIME.fullmatch(lines[1]) if len(lines) > 1 else None
        if clock:
            day += f"T{int(clock['hour']):02d}:{clock['minute']}"
            issued = page.blocks[start:start + 2]
        for block in issued:
            yield Drop(block, "C23.issued", "issue date or time under the end mark")
        yield Harvest("published", day, "C23.issued", " ".join(block.text.strip() for block in issued), 0.7)

    def detect(self, page: Page) -> Iterable[Finding]:
        if not page.blocks:
            return
        start = max(page.last_body - 1, 0)
        for position in range(start, len(page.blocks)):
            block = page.blocks[position]
            if page.in_tail(position) and (END_MARK.fullmatch(page.shadow(block)) or BARE_END_MARK.fullmatch(page.shadow(block))):
                yield Drop(block, "C23.end_mark", "end mark on its own line")
                yield Harvest("ended", True, "C23.end_mark", block.text, 0.8)
                yield from self._issued(page, position + 1)
            elif MARKER.match(page.compact(block)):
                yield Drop(block, "C23.marker", "read-more / paywall / to-be-continued marker")
                yield Harvest("truncated", True, "C23.marker", block.text, 0.8)
        for block in page.blocks:
            if len(block.text) <= PAYWALL_PROMPT_MAX and PAYWALL_PROMPT.match(page.shadow(block).strip()):
                yield Drop(block, "C23.paywall_prompt", "a paywall's prompt inside the article (subscribe to continue…)")
        if page.last_body < 0:
            return
        last = page.blocks[page.last_body]
        end = END_MARK.search(page.shadow(last))
        if end and end.start() > 0:
            yield Trim(last, end.start(), len(last.text), "C23.end_mark", "end mark")
            yield Harvest("ended", True, "C23.end_mark", last.text, 0.8)
        elif last.text.rstrip().endswith(("...", "…")) and not last.text.rstrip().endswith("……"):
            yield Harvest("truncated", True, "C23.scraper_cut", last.text[-20:], 0.6)
        elif page.value("pages") and not last.text.rstrip().endswith(TERMINAL):
            yield Harvest("truncated", True, "C23.preview_cut", last.text[-20:], 0.7)
