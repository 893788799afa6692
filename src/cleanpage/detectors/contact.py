"""C12 organiser, contact and tech-support footer lines.

Removes, after the body and within six blocks of a strong footer signal
(copyright, filing number, report line), lines such as ``主办单位：X``,
``技术支持：信息管理部``, ``联系我们``, ``地址：… 邮编：…``, ``建议使用IE8.0以上浏览器``,
``您是本站第N位访客``, and the engine's page-generation statistics (``Processed in 0.03 second(s),
9 queries``, ``页面执行时间``) wherever they stand in the tail. Harvests ``publisher`` from the organiser (主办).

Never removes: organiser and contact lines of an event notice in the body
(``主办单位：市文化局 承办单位：市图书馆``), or contact lines after the body
with no footer signal near them (a company profile's address is content), or
cut off from the footer by other lines (a press release's contact lines over
its attachment list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._footer import CONTACT_LABEL, ORGANISER, PAGE_STATS, is_footer_line
from ._shapes import tail_start

WINDOW = 6
# Labels only a website has (an event notice has an organiser, not a tech-support vendor).
SITE_ONLY = re.compile(r"技术支持|技术支援|网站建设|设计制作|网站设计|网站维护|powered\s*by|建议使用|您是本站第|网站访问量|"
                       r"网站导览|隐私权(?:保护)?政策|资讯安全政策|政府网站资料开放宣告")


@register_detector
class ContactFooter(Detector):
    """Organiser, tech-support and contact lines of the site footer (C12); harvests publisher."""

    name = "contact"
    family = "C12"
    order = 135

    def detect(self, page: Page) -> Iterable[Finding]:
        # ``建议使用Chrome、Edge浏览器，…浏览本站`` reads as a sentence; it must not hide the footer.
        tail = range(tail_start(page, lambda shadow: bool((CONTACT_LABEL.match(shadow) and SITE_ONLY.search(shadow))
                                                          or PAGE_STATS.search(shadow))),
                     len(page.blocks))
        # Site-only lines (tech support, browser advice, privacy policy) mark a footer as well as a filing does.
        signals = [p for p in tail if is_footer_line(page.shadow(page.blocks[p])) or SITE_ONLY.search(page.shadow(page.blocks[p]))]
        for position in tail:
            block = page.blocks[position]
            shadow = page.shadow(block)
            if page.features(block).vlen <= 120 and PAGE_STATS.search(shadow):
                yield Drop(block, "C12.page_stats", "page-generation statistics of the site engine")
                continue
            if page.features(block).vlen > 120 or not CONTACT_LABEL.match(shadow):
                continue
            if not (SITE_ONLY.search(shadow) or any(abs(position - s) <= WINDOW and self._joined(page, position, s) for s in signals)):
                continue
            yield Drop(block, "C12.contact", "organiser / contact / tech-support footer")
            organiser = ORGANISER.search(shadow)
            if organiser:
                value = block.text[organiser.start("org"):organiser.end("org")]
                yield Harvest("publisher", value, "C12.organiser", block.text, 0.7)

    @staticmethod
    def _joined(page: Page, position: int, signal: int) -> bool:
        """No line other than a contact or footer line stands between the two (a release's contacts end before its attachments)."""
        low, high = sorted((position, signal))
        return all(CONTACT_LABEL.match(shadow := page.shadow(page.blocks[p])) or is_footer_line(shadow) or not page.features(page.blocks[p]).vlen
                   for p in range(low + 1, high))
