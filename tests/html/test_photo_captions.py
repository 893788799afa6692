"""The short line under a photo that the markup sets apart as its caption (segment/photo_captions.py)."""

from __future__ import annotations

import pytest

from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import segment_page
from cleanpage.segment.photo_captions import mark_photo_captions

PHOTO = '<p><img src="/a.jpg" width="600" height="400" alt="{alt}"></p>'
BODY = "园区运营方负责人介绍，改造坚持修旧如旧，保留了老厂房的砖墙、木屋架和部分纺织机械。"


def _kinds(html: str) -> dict[str, str]:
    tree = parse_html(f"<html><body>{html}</body></html>")
    assert tree is not None
    blocks = segment_page(tree)
    mark_photo_captions(blocks)
    return {block.text: block.kind for block in blocks if block.kind != "image"}


@pytest.mark.parametrize("line", [
    '<p class="picIntro"><span>改造后的纺织厂主厂房。</span></p>',
    '<p class="img-desc">7楼业主家卧室天花板的渗水痕迹 图据受访者</p>',
    '<p style="text-align:center;color:#8f8f8f;font-size:14px">围挡示意图。图/长沙市轨道交通集团</p>',
    '<p style="text-align: center; font-size: 12px">围挡示意图。图/长沙市轨道交通集团</p>',
    '<p style="text-align:center"><font color="#666666">新闻发布会现场</font></p>',  # old markup's grey type
    '<p align="center"><font size="2">新闻发布会现场</font></p>',
])
def test_a_line_under_a_photo_named_or_styled_as_its_caption_is_one(line: str) -> None:
    kinds = _kinds(PHOTO.format(alt="") + line + f"<p>{BODY}</p>")
    assert [kind for text, kind in kinds.items() if text != BODY] == ["caption"]
    assert kinds[BODY] == "paragraph"


def test_a_line_repeating_the_photos_alt_is_its_caption() -> None:
    alt = "由舊車廂改造而成的「光之列車」。（記者林佳蓉攝）"
    assert _kinds(PHOTO.format(alt=alt) + f'<p class="ph_b"><span>{alt}</span></p>')[alt] == "caption"


@pytest.mark.parametrize("html", [
    PHOTO.format(alt="") + f"<p>{BODY}</p>",  # the article's own paragraph under a photo
    PHOTO.format(alt="") + f'<p style="text-align:center">{BODY}</p>',  # centred only: the article's type
    PHOTO.format(alt="") + f'<p align="center">{BODY}<font color="#666666">（图）</font></p>',  # grey type on a part only
    f'<p class="picIntro">{BODY}</p>',  # named so, but under no photo
    PHOTO.format(alt="图片") + "<p>图片</p>",  # an alt too short to be a caption
])
def test_a_line_the_markup_does_not_set_apart_under_a_photo_stays_a_paragraph(html: str) -> None:
    assert set(_kinds(html).values()) == {"paragraph"}
