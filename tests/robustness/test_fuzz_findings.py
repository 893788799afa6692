"""Regression tests for what the fuzzer found (docs/reliability.md lists each finding)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

import cleanpage
from cleanpage.page import Finding, Page, Trim
from cleanpage.registry import Detector

from .robust_helpers import assert_accounted

GLUED = ("<p>湖南、廣西、甘肅周密部署,確保專項整治工作取得實效摘要:</p>\n"
         "<p>2月11日,國家藥監局深入開展藥品安全專項整治行動視頻會議召開后,各省藥品監管局迅速行動,實實在在地貫徹落實會議精神。</p>\n"
         "<p>2月14日,湖南省藥品監管局召開局務會議傳達貫徹全國藥品安全專項整治行動工作會議精神。</p>")


class OverlappingTrims(Detector):
    """Two rules cutting overlapping spans of the first block, as the title detector did."""

    name = "overlapping_trims"

    def detect(self, page: Page) -> Iterable[Finding]:
        block = page.blocks[0]
        yield Trim(block, 0, 6, "test.first", "first rule")
        yield Trim(block, 3, 9, "test.second", "second rule")
        yield Trim(block, 0, 6, "test.again", "same span again")


def test_overlapping_trims_record_each_character_once() -> None:
    source = "第一行标题文字很长很长。\n第二行正文。"
    cleaner = cleanpage.Cleaner(disable=[c.name for c in cleanpage.Cleaner().detectors])
    cleaner.detectors.append(OverlappingTrims(cleaner.config))
    doc = cleaner.clean(source)
    assert [r.text for r in doc.removed] == ["第一行标题文", "字很长"]
    assert doc.blocks[0].text == "很长。"
    assert_accounted(source, doc, cleaner.config)


# The title detector cuts ``TITLE摘要：`` off a line after separators and breadcrumb have run; the residue sweep
# lets them look at what is left ('</p>', a breadcrumb) in the same pass.
@pytest.mark.parametrize("page", [GLUED, "湖南、廣西、甘肅周密部署,確保專項整治工作取得實效摘要:首页 > 新闻中心 > 正文"],
                         ids=["markup", "breadcrumb"])
def test_what_a_glued_title_leaves_is_cleaned_in_one_pass(page: str) -> None:
    once = cleanpage.clean(page, kind="text")
    assert cleanpage.clean(once.text, kind="text").text == once.text
