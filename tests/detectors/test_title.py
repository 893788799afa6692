"""C04 the headline: found without hints, moved to ``title``, its copies removed; sentences naming it stay."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _title_removals(doc: cleanpage.Document) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in doc.removed if r.detector == "title"]


def test_headline_above_a_meta_line_beats_the_site_name_above_it() -> None:
    text = "\n".join([
        "臺中市政府新聞局",
        "市府推動公車轉乘優惠 十公里內免費延長至明年底",
        "發布日期：2024-01-05　發布單位：交通局",
        "臺中市政府今天宣布，市民持電子票證搭乘市區公車十公里內免費的優惠措施，將延長實施至明年底，預估每年嘉惠逾一億人次。",
        "交通局表示，優惠實施以來公車運量穩定成長，市府也將持續增加班次與新闢路線，並優化候車設施，提升搭乘品質。",
        "臺中市政府新聞局",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.title == "市府推動公車轉乘優惠 十公里內免費延長至明年底"
    assert ("C04.title_line", "市府推動公車轉乘優惠 十公里內免費延長至明年底") in _title_removals(doc)
    assert doc.text.splitlines()[0].startswith("臺中市政府今天宣布")


def test_a_date_line_or_byline_is_never_taken_for_the_headline() -> None:
    text = "\n".join([
        "颱風假明起停班停課 共12縣市",
        "記者林佳慧／高雄報導",
        "2024年7月24日 16:35",
        "受颱風影響，高雄市政府今天傍晚宣布，明天全市停止上班、停止上課，民眾應避免外出並注意自身安全。",
        "市府提醒，山區及沿海低窪地區居民應提早撤離，各區公所已開設避難收容處所，提供民眾暫時安置。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.title == "颱風假明起停班停課 共12縣市"
    assert doc.metadata.published == "2024-07-24T16:35"
    assert doc.metadata.author == "林佳慧"


def test_copies_of_the_title_and_a_marker_are_removed(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=[], body_insert=[kit.TITLE + "（组图）", kit.TITLE]).replace(
        kit.TITLE + "\n", kit.TITLE + "（图）\n", 1), kind="text")
    assert doc.metadata.title == kit.TITLE
    assert ("C04.title_repeated", kit.TITLE) in _title_removals(doc)
    assert doc.text.splitlines() == [kit.BODY[0], kit.TITLE + "（组图）", kit.BODY[1], kit.BODY[2]]


def test_a_sentence_that_mentions_the_title_is_kept(kit: SimpleNamespace) -> None:
    mention = f"“{kit.TITLE}”的消息发布后，不少企业负责人在朋友圈转发点赞。"
    doc = cleanpage.clean(kit.page(body_insert=[mention]), kind="text")
    assert mention in doc.text.splitlines()


def test_title_glued_to_a_salutation_is_cut_but_not_a_title_followed_by_a_comma() -> None:
    glued = "\n".join([
        "在全市安全生产工作会议上的讲话",
        "在全市安全生产工作会议上的讲话同志们：今天召开全市安全生产工作会议，主要任务是总结去年工作，分析当前形势，部署今年任务。",
        "去年以来，全市安全生产形势总体平稳，各类事故起数和死亡人数实现双下降，但一些行业领域风险隐患仍然突出。",
    ])
    doc = cleanpage.clean(glued, kind="text")
    assert doc.metadata.title == "在全市安全生产工作会议上的讲话"
    assert doc.text.splitlines()[0] == "同志们："
    sentence = "\n".join([
        "全市安全生产工作会议召开",
        "全市安全生产工作会议召开，市长出席并讲话。会议总结了去年工作，分析了当前形势，部署了今年任务。",
        "会议要求，各地各部门要压紧压实安全生产责任，深入开展隐患排查整治，坚决遏制重特大事故发生。",
    ])
    doc = cleanpage.clean(sentence, kind="text")
    assert doc.text.splitlines()[0].startswith("全市安全生产工作会议召开，市长出席并讲话。")


def test_no_title_is_invented_for_a_page_that_starts_with_its_body() -> None:
    text = "\n".join([
        "今年以来，全省新开工重大项目320个，完成投资1850亿元，同比增长12.6%，为稳增长提供了有力支撑。",
        "下一步，全省将继续强化要素保障，推动更多项目早开工、早投产、早见效。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.title is None
    assert doc.text == text


BROKEN_PAGE = """<html><head><title>国务院办公厅关于进一步加强城市地下管网建设管理的指导意见_政策文件</title></head>
<body><div class="article">
<h1>国务院办公厅关于进一步加强城市地下管网建设管理的指导意见</h1>
<p>国务院办公厅</p>
<p>关于进一步加强城市地下管网建设管理的</p>
<p>指导意见</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：城市地下管网是保障城市运行的重要基础设施，近年来各地加大投入，建设管理水平不断提高。</p>
<p>为进一步加强城市地下管网建设管理，经国务院同意，现提出以下意见。各地区、各部门要结合实际认真贯彻落实，确保各项任务落到实处。</p>
</div></body></html>"""


def test_a_title_broken_over_lines_at_the_top_is_removed() -> None:
    doc = cleanpage.clean(BROKEN_PAGE)
    assert doc.title == "国务院办公厅关于进一步加强城市地下管网建设管理的指导意见"
    assert [r.text for r in doc.removed if r.rule == "C04.title_broken"] == [
        "国务院办公厅", "关于进一步加强城市地下管网建设管理的", "指导意见"]
    assert doc.text.splitlines()[0].startswith("各省、自治区")


def test_lines_that_only_start_the_title_stay(kit: SimpleNamespace) -> None:
    # The first line is the title's opening words but the next one goes on differently: no broken copy.
    text = kit.page(title_area=[kit.TITLE[:6], "一段不同的说明文字"])
    doc = cleanpage.clean(text, kind="text")
    assert not [r for r in doc.removed if r.rule == "C04.title_broken"]
