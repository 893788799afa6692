"""C07 related reading: headings in other wordings with their lists, prev/next and headless lists go; digests stay."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import cleanpage


def _related(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "related"}


def test_traditional_heading_with_bullets_stops_at_the_footer(kit: SimpleNamespace) -> None:
    tail = ["【延伸閱讀】", "‧ 新北捷運環狀線北環段動工 預計2030年通車", "‧ 台北市長：明年起公車票價不調漲", "上一則：颱風假標準公布"]
    footer = ["© 2024 港城日報 版權所有"]
    doc = cleanpage.clean(kit.page(tail=tail, footer=footer), kind="text")
    assert _related(doc) == {
        "【延伸閱讀】": "C07.heading",
        "‧ 新北捷運環狀線北環段動工 預計2030年通車": "C07.list",
        "‧ 台北市長：明年起公車票價不調漲": "C07.list",
        "上一則：颱風假標準公布": "C07.prev_next",
    }
    assert doc.text.splitlines() == kit.BODY


def test_heading_glued_to_its_first_item(kit: SimpleNamespace) -> None:
    tail = ["为你推荐：全市首批“无证明城市”事项清单公布", "市场监管局开展春季食品安全检查"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert _related(doc) == {tail[0]: "C07.heading", tail[1]: "C07.list"}


def test_a_dated_headless_list_after_the_body(kit: SimpleNamespace) -> None:
    tail = ["· 两会聚焦：如何进一步优化营商环境 2024-03-04", "· 全市新增市场主体三万户 2024-03-01",
            "· 一网通办平台上线新功能 2024-02-27"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert _related(doc) == dict.fromkeys(tail, "C07.headless_list")
    assert doc.text.splitlines() == kit.BODY


def test_sentences_using_the_words_and_a_digest_body_are_kept(kit: SimpleNamespace) -> None:
    traps = ["推荐阅读《营商环境优化条例》，它对政务服务的要求写得非常具体。", "下一篇文章我们将讨论企业开办中的常见问题。",
             "相关阅读材料请见附件。"]
    doc = cleanpage.clean(kit.page(body_insert=traps), kind="text")
    assert _related(doc) == {}
    digest = "\n".join(["今日要闻", "1. 全市优化营商环境推进会召开，部署今年十项重点任务。", "2. 一网通办平台上线，三百项事项实现掌上办理。",
                        "3. 市场监管局公布首批信用修复企业名单，共计一百二十家。"])
    doc = cleanpage.clean(digest, kind="text")
    assert _related(doc) == {}


def test_promotions_with_a_more_link_are_peeled_from_both_edges(kit: SimpleNamespace) -> None:
    top = "“读懂中国经济的十个关键词”年度盘点正在进行！【立即投票】选出你心中的年度关键词"
    bottom = ["城市更新三年行动 老旧小区改造、口袋公园建设与街区焕新一线观察，记录一座城市的变化与坚持。【详情】",
              "非遗里的中国 走进传承人的工作室，看一门手艺如何在今天找到新的观众。【查看更多】"]
    doc = cleanpage.clean(kit.page(head=[top], footer=bottom), kind="text")
    assert {r.text for r in doc.removed if r.rule == "C07.teaser"} == {top, *bottom}
    assert all(line in doc.text for line in kit.BODY)


def test_a_teaser_between_body_paragraphs_and_a_digest_of_teasers_stay(kit: SimpleNamespace) -> None:
    inside = "本报推出系列报道，记录各地基层治理的新探索、新经验与新成效，欢迎读者关注。【详细】"
    doc = cleanpage.clean(kit.page(body_insert=[inside]), kind="text")
    assert inside in doc.text
    digest = "\n".join(f"今日要闻第{n}条：某地出台新举措，推动相关产业高质量发展，惠及企业和群众。【详细】" for n in range(1, 6))
    assert cleanpage.clean(digest, kind="text").text.count("【详细】") == 5


def test_a_label_with_a_link_to_another_page_between_paragraphs_goes_but_a_sentence_naming_one_stays() -> None:
    story = ["The Riverton water treatment plant on Route 9 was built in 1958 and has failed three state inspections.",
             "The council voted five to two on Tuesday to borrow 48 million dollars to rebuild the plant by 2028.",
             "Residents will see their water bills rise by about nine dollars a month over the next three years.",
             "Council members Greg Tillman and Rosa Whitfield voted against the plan after a long debate.",
             "Mayor Dana Alvarado said the city had applied for every state and federal grant it was eligible for."]
    page = ("<html><body><article><h1>Riverton approves water plant loan</h1>"
            + "".join(f"<p>{text}</p>" for text in story[:3])
            + '<p><b>Related:</b> <a href="/news/plant-fails-inspection/">Riverton water plant fails third state inspection</a></p>'
            + '<p>Read more: the <a href="/report.pdf">inspection report</a> lists eleven violations at the plant.</p>'
            + "".join(f"<p>{text}</p>" for text in story[3:]) + "</article></body></html>")
    doc = cleanpage.clean(page)
    assert [(r.rule, r.text) for r in doc.removed if r.detector == "related"] == [
        ("C07.linked_teaser", "Related: Riverton water plant fails third state inspection")]
    assert "the inspection report lists eleven violations" in doc.text


@pytest.mark.parametrize("label", ["VEA TAMBIÉN:", "Lea también:", "Czytaj też:", "Leggi anche:", "À lire aussi :"])
def test_a_related_link_label_in_other_languages_goes(label: str) -> None:
    story = ["La abogada señaló que durante todo este tiempo han entregado la documentación que acredita la aeronave.",
             "El juez ordenó la liberación del avión la semana pasada, pero la aeronave sigue detenida en el aeropuerto.",
             "La defensa presentó un nuevo recurso ante la Corte Suprema de Justicia el lunes por la mañana."]
    page = ("<html><body><article><h1>Siguen buscando mantener la aeronave detenida</h1>" + f"<p>{story[0]}</p><p>{story[1]}</p>"
            + f'<p><strong>{label}</strong>&nbsp;<a href="/nacion/otra-noticia/">Estrella de la educación no brilla en Panamá Oeste</a></p>'
            + f"<p>{story[2]}</p></article></body></html>")
    doc = cleanpage.clean(page)
    assert [r.rule for r in doc.removed if r.detector == "related"] == ["C07.linked_teaser"]
    assert doc.text.splitlines() == story
