"""C19 ads: keyword farms anywhere, ad labels and tag clouds at the edges; name lists stay."""

from __future__ import annotations

from pathlib import Path

import cleanpage
from detector_isolation import clean_without

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str, **options: object) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text", **options)


def test_keyword_farm_ad_label_and_hot_search_are_removed_name_list_kept() -> None:
    doc = _clean("ads_1")
    rules = [r.rule for r in doc.removed if r.detector == "ads"]
    assert rules == ["C19.ad_label", "C19.tag_cloud", "C19.keyword_farm"]
    assert "获奖名单：张三、李四、王五、赵六、钱七、孙八、周九、吴十" in doc.text.splitlines()
    assert len(doc.text.splitlines()) == 3


def test_traditional_seo_sentence_ad_label_and_tag_heading() -> None:
    # The copyright detector also knows the SEO disclaimer; without it, the sentence is C19's.
    doc = clean_without((CHROME / "ads_2" / "input.txt").read_text(encoding="utf-8"), "copyright", kind="text")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "ads"}
    assert rules == {
        "本文主要內容關鍵詞為:長者食堂,社區養老,老年餐桌,此文獻不代表本站觀點,內容供學術參考。": "C19.seo_sentence",
        "廣告": "C19.ad_label",
        "熱門標籤": "C19.tag_cloud",
    }


def test_ad_words_in_the_body_interior_are_kept() -> None:
    text = "\n".join([
        "户外广告整治进展",
        "今年以来，市城管局对主干道两侧的户外广告进行了集中整治，拆除违规设置的广告牌两百余块。",
        "广告",
        "下一步，城管部门将建立户外广告设置审批台账，实行动态管理，对新设置的广告牌逐块核查，防止违规广告反弹。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert "广告" in doc.text.splitlines()


def test_a_latin_paragraph_with_av_inside_its_words_is_no_keyword_farm() -> None:
    paragraph = ("The gas leak may have been caused by nearby construction, but investigators have not yet been able to "
                 "confirm it and the avenue stays closed while crews travel between the sites and evaluate the damage")
    doc = cleanpage.clean(paragraph, kind="text")
    assert doc.text == paragraph
