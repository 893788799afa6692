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


def test_an_ad_slots_marker_and_a_line_of_links_to_the_sites_app_go_inside_the_article() -> None:
    body = ["台中市舊鐵道綠園道夜間點燈活動今晚正式登場，沿線步道掛上上千盞燈串，吸引大批民眾前往散步拍照。",
            "市府建設局表示，今年首度舉辦夜間點燈，以「鐵道記憶」為主題，在沿線設置了六處燈光裝置。",
            "住在附近的居民說，現在點了燈，傍晚吃完飯就可以帶孩子來散步，比以前熱鬧很多，也安全多了。"]
    promo = ('<p><a href="/app/">不用抽 不用搶 現在用APP看新聞 保證天天中獎</a>　<a href="/app/download">點我下載APP</a></p>')
    page = (f"<html><body><h1>舊鐵道綠園道點燈</h1><div class='text'><p>{body[0]}</p><p>請繼續往下閱讀...</p><p>{body[1]}</p>"
            f"{promo}<p>{body[2]}</p></div></body></html>")
    doc = cleanpage.clean(page)
    assert doc.text.splitlines() == body
    assert {r.rule for r in doc.removed if r.detector == "ads"} == {"C19.read_on", "C19.app_promo"}
    about = "這款APP看新聞的功能很受長輩歡迎，下載量一個月就突破十萬。"  # a sentence about an app, no links
    assert about in cleanpage.clean(page.replace(promo, f"<p>{about}</p>")).text.splitlines()

