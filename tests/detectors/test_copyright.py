"""C10 copyright: notices and disclaimers at the edges go, holder harvested; articles about copyright stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _copyright(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "copyright"}


def test_notices_in_other_wordings_are_removed_and_harvested(kit: SimpleNamespace) -> None:
    footer = ["CopyRight(C)2003-2024 鹭岛晚报社 保留所有权利", "本網站所刊登之各種新聞，非經授權，不得轉載"]
    doc = cleanpage.clean(kit.page(footer=footer), kind="text")
    assert _copyright(doc) == {footer[0]: "C10.copyright", footer[1]: "C10.disclaimer"}
    assert doc.metadata.copyright == footer[0]
    assert doc.metadata.publisher == "鹭岛晚报社"
    assert doc.text.splitlines() == kit.BODY


def test_platform_disclaimer_sentences_after_the_body_are_removed(kit: SimpleNamespace) -> None:
    tail = ["特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
            "市场有风险，投资需谨慎。本文不构成投资建议。"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert _copyright(doc) == {tail[0]: "C10.statement", tail[1]: "C10.disclaimer"}  # a labelled one is a statement
    assert doc.text.splitlines() == kit.BODY
    shapes = ["本内容为作者独立观点，不代表虎踞立场。未经允许不得转载，授权事宜请联系 hezuo@huju.example",
              "如对本稿件有异议或投诉，请联系 tougao@huju.example"]
    doc = cleanpage.clean(kit.page(tail=shapes), kind="text")
    assert _copyright(doc) == dict.fromkeys(shapes, "C10.disclaimer")
    bulleted = ["・华经网版权及免责声明：", "※免責聲明：本文內容僅供參考，讀者應自行審慎判斷。"]
    assert _copyright(cleanpage.clean(kit.page(tail=bulleted), kind="text")) == dict.fromkeys(bulleted, "C10.statement")


def test_articles_about_copyright_and_risk_are_kept(kit: SimpleNamespace) -> None:
    traps = ["法院审理认为，被告未经授权转载原告享有著作权的作品，构成侵权。", "使用他人作品前，应当获得版权所有者的许可。",
             "业内人士提醒，市场有风险，投资需谨慎，切勿轻信高收益承诺。"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _copyright(doc) == {}
    assert doc.text.splitlines() == [kit.BODY[0], *traps, kit.BODY[1], kit.BODY[2]]


def test_labelled_statements_after_the_article_are_removed_but_not_in_the_body(kit: SimpleNamespace) -> None:
    statement = "声明：本报力求本文所载信息准确可靠，但对这些信息的准确性或完整性不作保证，亦不对因使用该等信息而引发的损失承担任何责任。"
    doc = cleanpage.clean(kit.page(tail=[statement]), kind="text")
    assert [r.rule for r in doc.removed if r.text == statement] == ["C10.statement"]
    assert doc.text.splitlines() == kit.BODY
    portal = "著作权声明：凡本网注明“来源：某某在线”的所有作品，版权均属于某某在线，未经本网授权不得转载、摘编或利用其它方式使用上述作品。"
    assert [r.rule for r in cleanpage.clean(kit.page(tail=[portal]), kind="text").removed if r.text == portal] == [
        "C10.statement"]
    # a party's statement quoted at the end of an article is not the site's
    quoted = "外交部声明：中方坚决反对任何形式的单边制裁，将采取必要措施维护自身正当权益。"
    assert quoted in cleanpage.clean(kit.page(tail=[quoted]), kind="text").text.splitlines()
    prose = "声明发布后，多家企业表示将按照要求，在一个月内完成自查自纠并向社会公开结果。"
    kept = cleanpage.clean(kit.page(body_insert=[prose]), kind="text")
    assert prose in kept.text.splitlines()


def test_an_opinion_disclaimer_in_german_or_english_after_the_article_goes(kit: SimpleNamespace) -> None:
    disclaimers = ["Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.",
                   "The views expressed do not necessarily reflect those of the publisher."]
    doc = cleanpage.clean(kit.page(tail=disclaimers), kind="text")
    assert doc.text.splitlines() == kit.BODY
    assert {r.text for r in doc.removed if r.rule == "C10.disclaimer"} >= set(disclaimers)
