"""C11 ICP and public-security filing numbers, licences and "report illegal content" lines.

Removes footer lines that carry a filing or licence number (``粤ICP备15022662号``,
``京公网安备11000002000001号``, ``网站标识码：3300000020``, ``京B2-20090059``) or a
report line (``违法和不良信息举报电话：12377``), and harvests ``icp`` (the first
ICP filing, as printed) and ``filings`` (every number by kind).

Never removes: a sentence that cites a number (``该网站备案号为京ICP备12345678号，
已被注销。``) or talks about filing (``网站应当在首页底部标注ICP备案号。``).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._footer import LICENCE_WORDS, REPORT, filings_in


@register_detector
class Filings(Detector):
    """Filing and licence numbers, report lines (C11); harvests icp and filings."""

    name = "filings"
    family = "C11"
    order = 150

    def detect(self, page: Page) -> Iterable[Finding]:
        harvested: dict[str, list[str]] = {}
        last_body = page.last_body
        for position, block in enumerate(page.blocks):
            feats = page.features(block)
            in_tail = position > last_body
            if feats.sentence_like and not (in_tail and feats.vlen <= 80):
                continue
            shadow = page.shadow(block)
            numbers = filings_in(shadow)
            if numbers:
                for kind, start, end in numbers:
                    harvested.setdefault(kind, []).append(block.text[start:end].strip())
                yield Drop(block, f"C11.{numbers[0][0]}", "filing / licence number")
            elif in_tail and (REPORT.search(shadow) or LICENCE_WORDS.search(shadow)) and feats.vlen <= 80:
                yield Drop(block, "C11.report", "illegal-content report line or licence")
        if harvested:
            yield Harvest("filings", harvested, "C11.filings", "", 0.9)
            if "icp" in harvested:
                yield Harvest("icp", harvested["icp"][0], "C11.icp", harvested["icp"][0], 0.9)
