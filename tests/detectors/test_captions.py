"""C05 captions: ▼/图①/credit/source-note lines move to ``captions``; geometry, legends and 拍摄 sentences stay."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import cleanpage

CAPTIONS = ["▼ 3月5日，与会企业代表在会上发言。", "圖①：市民在行政服務中心辦理業務。", "通讯员 和丽萍/摄",
            "（新华社记者 王鹏 摄）", "圖片來源：中央社", "图/受访者提供"]


def _captions(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "captions"}


def test_captions_in_other_wordings_move_to_metadata(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(body_insert=CAPTIONS), kind="text")
    assert _captions(doc) == {
        "▼ 3月5日，与会企业代表在会上发言。": "C05.triangle",
        "圖①：市民在行政服務中心辦理業務。": "C05.caption",
        "通讯员 和丽萍/摄": "C05.credit",
        "（新华社记者 王鹏 摄）": "C05.credit",
        "圖片來源：中央社": "C05.source_note",
        "图/受访者提供": "C05.source_note",
    }
    assert doc.metadata.captions == ["3月5日，与会企业代表在会上发言。", *CAPTIONS[1:]]
    assert doc.text.splitlines() == kit.BODY


def test_caption_policy_drop_and_keep(kit: SimpleNamespace) -> None:
    dropped = cleanpage.clean(kit.page(body_insert=CAPTIONS[:2]), kind="text", captions="drop")
    assert dropped.metadata.captions == []
    assert dropped.text.splitlines() == kit.BODY
    kept = cleanpage.clean(kit.page(body_insert=CAPTIONS[:2]), kind="text", captions="keep")
    assert kept.text.splitlines() == [kit.BODY[0], *CAPTIONS[:2], kit.BODY[1], kit.BODY[2]]


def test_geometry_legends_photography_sentences_and_figure_references_are_kept(kit: SimpleNamespace) -> None:
    traps = ["△ABC中，AB=AC，求证∠B=∠C。", "▲ 表示上涨，▼ 表示下跌", "他用三年时间拍摄了这部纪录片，记录了老街的变迁。",
             "如图1所示，新建成的综合服务中心位于老城区东侧。", "▲1.25%"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _captions(doc) == {}
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]


def test_a_photos_shooting_data_moves_to_metadata_but_a_sentence_about_settings_stays(kit: SimpleNamespace) -> None:
    exif = "相机: Canon EOS 400D | 镜头: 17-40mm F4L | 光圈: F11 | 快门: 1/8s | ISO: 100 | 焦距: 17mm"
    advice = "日出时光圈开到F11，快门1/8秒，ISO用100，焦距17毫米就够了。"
    doc = cleanpage.clean(kit.page(body_insert=[exif, advice]), kind="text")
    assert _captions(doc) == {exif: "C05.exif"}
    assert advice in doc.text.splitlines()


def test_a_figcaption_moves_to_metadata_but_a_data_tables_caption_stays() -> None:
    body = "".join(f"<p>{line}</p>" for line in [
        "记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生就业创业。",
        "新举措明确，对吸纳高校毕业生就业的中小微企业，按每人一千五百元的标准给予一次性扩岗补助。"])
    page = (f"<html><head><title>我市出台稳就业新举措</title></head><body><article><h1>我市出台稳就业新举措</h1>{body}"
            "<figure><img src='/a.jpg'><figcaption>招聘会现场，求职者排队咨询</figcaption></figure>"
            "<table><caption>各区县补助发放情况</caption><tr><td>东城区</td><td>120万元</td></tr>"
            "<tr><td>西城区</td><td>98万元</td></tr></table>"
            f"{body}</article></body></html>")
    doc = cleanpage.clean(page)
    assert doc.metadata.captions == ["招聘会现场，求职者排队咨询"]
    assert "招聘会现场" not in doc.text
    assert [r.rule for r in doc.removed if r.detector == "captions"] == ["C05.marked"]


def test_a_photo_credit_line_in_latin_script_moves_to_metadata_a_sentence_after_the_word_stays(kit: SimpleNamespace) -> None:
    credits = ["Foto: Galli/Malteser", "Photo: Reuters / John Smith", "(Bild: privat)"]
    traps = ["Bild: Der Autor erklärt, warum das so ist.", "Photos: they show the old town before the fire of 1911 and after."]
    doc = cleanpage.clean(kit.page(body_insert=[*credits, *traps]), kind="text")
    assert _captions(doc) == {credit: "C05.latin_credit" for credit in credits}
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]


def test_a_caption_closing_on_its_photos_credit_moves_to_metadata(kit: SimpleNamespace) -> None:
    captions = ["Waren gute Freunde: Lee Elder und Gary Player. | © PGA of America via Getty Images",
                "Roman Prymula, photo: Archives du Gouvernement tchèque"]
    traps = ["Der Preis stieg um 3 % | Quelle: Statistisches Bundesamt, Stand: Mai.",
             "Er sagte, die Lage sei ernst, und fügte hinzu, man werde die Hilfe verdoppeln."]
    doc = cleanpage.clean(kit.page(body_insert=[*captions, *traps]), kind="text")
    assert {text: rule for text, rule in _captions(doc).items() if rule == "C05.latin_credit_tail"} == {
        caption: "C05.latin_credit_tail" for caption in captions}
    assert all(trap in doc.text.splitlines() for trap in traps)


def test_a_figure_caption_by_its_lead_word_moves_to_metadata(kit: SimpleNamespace) -> None:
    captions = ["Abbildung: Vergleich auf dem Aletschgletscher", "Figure 2: Snow depth by altitude"]
    traps = ["Figurenschach ist ein altes Spiel, das viele Kinder lernen.", "Abbildungen zeigen oft mehr als Worte, sagt sie."]
    doc = cleanpage.clean(kit.page(body_insert=[*captions, *traps]), kind="text")
    assert {text for text, rule in _captions(doc).items() if rule == "C05.latin_figure"} == set(captions)
    assert all(trap in doc.text.splitlines() for trap in traps)


def test_a_figcaption_of_a_few_latin_sentences_is_a_caption_however_many_letters() -> None:
    page = Path(__file__).parents[1] / "fixtures/html/articles8/riverton-gazette-arc-editors-note-paywall-related/page.html"
    caption = ("The Riverton water treatment plant on Route 9 was built in 1958 and has failed three state inspections "
               "since 2021. (Jenna Ortiz / The Riverton Gazette)")
    doc = cleanpage.clean(page.read_bytes())
    assert _captions(doc)[caption] == "C05.marked"
    assert caption in doc.metadata.captions and caption not in doc.text
