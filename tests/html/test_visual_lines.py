"""Visual lines of a document preview rejoined into paragraphs; lists, titles and Latin lines left alone."""

from __future__ import annotations

import cleanpage
from article_snippet import MENU

PARAGRAPHS = [
    "2020年，柳溪社区在街道党工委、办事处的领导下，以创建垃圾分类示范社区为目标，坚持党建引领、居民参与、分类投放、定时定点，"
    "社区垃圾分类工作取得了阶段性成效。现将全年工作总结如下：",
    "柳溪社区辖区面积0.86平方公里，共有住宅小区7个，居民2863户、7420人。年初，社区共设置分类投放点23处，配备四分类垃圾桶186组。"
    "截至12月底，社区居民垃圾分类知晓率达到98%，参与率达到86%，投放准确率达到78%。",
    "社区成立了由党委书记任组长的垃圾分类工作领导小组，实行三级责任体系，将7个小区划分为23个网格，每个网格明确1名网格员和2名党员志愿者，"
    "全年累计开展桶边督导1.2万人次，一是部分居民分类习惯尚未养成，",
]
WIDTH = 38


def _lines(paragraph: str) -> list[str]:
    return [paragraph[start:start + WIDTH] for start in range(0, len(paragraph), WIDTH)]


def _preview(paragraphs: list[str], page_break_after: int | None = None) -> str:
    lines = [line for paragraph in paragraphs for line in _lines(paragraph)]
    divs = [f'<div class="ln" style="top:{20 + 28 * n}px">{line}</div>' for n, line in enumerate(lines)]
    if page_break_after is not None:
        divs.insert(page_break_after, '</div><div class="page_footer">第 1 页 共 6 页</div></div><div class="outer_page">'
                                      '<div class="page_header">柳溪社区2020年度垃圾分类工作总结</div><div class="page_txt">')
    return (f"<html><head><meta charset='utf-8'><title>柳溪社区2020年度垃圾分类工作总结</title></head><body>{MENU}"
            f"<h1>柳溪社区2020年度垃圾分类工作总结</h1><div class='outer_page'><div class='page_txt'>{''.join(divs)}</div></div>"
            "<div class='preview-end'>已阅读3页，还剩3页未读 继续免费阅读</div></body></html>")


def test_visual_lines_are_joined_into_their_paragraphs_across_a_page_break_and_each_join_is_recorded() -> None:
    doc = cleanpage.clean(_preview(PARAGRAPHS, page_break_after=4))
    assert doc.text.splitlines() == PARAGRAPHS
    joins = [repair for repair in doc.repairs if repair.kind == "visual_lines"]
    assert len(joins) == sum(len(_lines(paragraph)) - 1 for paragraph in PARAGRAPHS)


def _list_page(items: list[str]) -> str:
    body = "".join(f"<p>{item}</p>" for item in items)
    return (f"<html><head><meta charset='utf-8'><title>通知</title></head><body>{MENU}<h1>通知</h1>"
            f"<div class='content'>{PARAGRAPHS[0]}{body}</div></body></html>")


def test_short_lines_that_hold_no_sentence_or_no_han_are_left_as_they_are() -> None:
    titles = ["城东区社区老年食堂建设和运营补贴办法出台实施", "柳溪社区垃圾分类示范社区创建工作顺利通过验收",
              "全市农村公路建设提速三年行动计划正式印发实施", "市政府召开常务会议研究部署安全生产专项整治工作"]
    assert [line for line in cleanpage.clean(_list_page(titles)).text.splitlines()[-4:]] == titles
    latin = ["Reduces wear and compensates it quickly on all", "Extends the service life of the moving parts",
             "Evens out scratches and small cracks in metal", "Reduces noise and vibration in the whole drive"]
    assert cleanpage.clean(_list_page(latin)).text.splitlines()[-4:] == latin
