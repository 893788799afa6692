"""segment.scorer: votes combined by weight, the main runs and reasons; and, end to end, every block of
the page accounted for (kept or recorded as removed)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pytest
from lxml import etree

import cleanpage
from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import segment_page
from cleanpage.segment.scorer import INSIDE_MIN, OUTSIDE_MIN, Decision, decide
from cleanpage.segment.signals import PageContext, Signal


class Fixed(Signal):
    """A signal that votes what it is told."""

    def __init__(self, name: str, votes: Sequence[float]) -> None:
        self.name = name  # type: ignore[misc]
        self._votes = list(votes)

    def votes(self, page: PageContext) -> list[float]:
        assert len(self._votes) == len(page.blocks)
        return list(self._votes)


PROSE = [
    "记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生、农民工等群体就业创业。",
    "新举措明确，对吸纳高校毕业生就业的中小微企业，按每人一千五百元的标准给予一次性扩岗补助，政策执行至今年年底。",
    "同时，我市将在全年举办各类招聘活动三百场以上，提供岗位不少于五万个，并对就业困难人员实行“一人一档”精准帮扶。",
    "市人社局相关负责人表示，各区县将在一个月内完成政策宣传和申报受理工作，符合条件的企业可通过网上办事大厅提交申请。",
]


def _page(body: str) -> PageContext:
    tree = parse_html(f"<html><head><title>测试</title></head><body>{body}</body></html>")
    assert tree is not None
    return PageContext(tree, segment_page(tree))


def _paragraphs(*texts: str) -> PageContext:
    return _page("".join(f"<p>{text}</p>" for text in texts))


def _kept(decisions: Sequence[Decision]) -> list[bool]:
    return [d.keep for d in decisions]


# -- scores ------------------------------------------------------------------------------------------

def test_score_is_the_weighted_sum_of_votes_and_keep_means_above_zero() -> None:
    page = _paragraphs(PROSE[0], "责任编辑：张三", PROSE[1])
    decisions = decide(page, signals=[(Fixed("a", [1.0, -1.0, 0.5]), 1.0, 0.0), (Fixed("b", [0.5, 0.5, -1.0]), 0.5, 2.0)],
                       bias=0.0)
    # the second block is short (under SHORT_WEIGHT units): signal b weighs 0.5 + 2.0 there
    assert [d.score for d in decisions] == [pytest.approx(1.25), pytest.approx(0.25), pytest.approx(0.0)]
    assert decisions[0].votes == {"a": 1.0, "b": 0.5}
    assert decisions[0].keep is True


def test_default_signals_vote_on_every_block() -> None:
    page = _paragraphs(*PROSE)
    decisions = decide(page)
    assert len(decisions) == 4
    assert list(decisions[0].votes) == ["trafilatura", "region", "text", "markup", "repeated"]
    assert all(d.keep for d in decisions)


# -- runs ----------------------------------------------------------------------------------------------

def _decide(page: PageContext, *columns: tuple[str, Sequence[float]]) -> list[Decision]:
    """Fixed votes, weight 1, no extra weight when short, no bias: the score is the sum of the votes."""
    return decide(page, signals=[(Fixed(name, votes), 1.0, 0.0) for name, votes in columns], bias=0.0)


def test_a_short_weak_block_inside_the_main_run_is_kept() -> None:
    page = _paragraphs(PROSE[0], "第二部分", PROSE[1])
    decisions = _decide(page, ("text", [1.0, -0.4, 1.0]))
    assert _kept(decisions) == [True, True, True]


def test_a_block_scored_below_the_inside_minimum_goes_even_inside_the_run() -> None:
    page = _paragraphs(PROSE[0], "分享到：微信 微博", PROSE[1])
    decisions = _decide(page, ("text", [1.0, INSIDE_MIN - 0.5, 1.0]))
    assert _kept(decisions) == [True, False, True]
    assert decisions[1].reason.startswith("inside the main text but score")


def test_a_sidebar_that_looks_like_prose_outside_the_run_goes_unless_an_extractor_kept_it() -> None:
    chrome = [f"栏目{n}" for n in range(12)]
    page = _paragraphs(*PROSE, *PROSE, *chrome, "侧栏推荐：这是一段看起来像正文的推荐文字。")
    votes = [1.0] * 2 * len(PROSE) + [-1.0] * len(chrome) + [OUTSIDE_MIN + 0.2]
    decisions = _decide(page, ("text", votes), ("trafilatura", [0.0] * len(votes)))
    assert _kept(decisions)[-1] is False
    assert decisions[-1].reason.startswith("outside the main text (blocks 0-7)")
    extracted = [0.0] * (len(votes) - 1) + [1.0]
    decisions = _decide(page, ("text", [v - 1.0 if i == len(votes) - 1 else v for i, v in enumerate(votes)]),
                        ("trafilatura", extracted))
    assert _kept(decisions)[-1] is True


def test_the_summaries_of_a_list_of_teasers_outside_the_run_go_though_an_extractor_kept_them() -> None:
    teasers = "".join(f'<div class="item"><a href="/news/{n}.htm"><b>导读：第{n}条新闻的标题在这里</b></a><br>'
                      f'<span>{PROSE[n % len(PROSE)]}</span></div>' for n in range(3))
    page = _page("".join(f"<p>{text}</p>" for text in PROSE * 4) + "".join(f"<p>栏目{n}</p>" for n in range(12))
                 + f"<div>{teasers}</div>")
    summaries = [i for i, block in enumerate(page.blocks) if block.text in PROSE and i >= 4 * len(PROSE)]
    votes = [1.0 if i < 4 * len(PROSE) else (OUTSIDE_MIN + 0.1 if i in summaries else -1.0) for i in range(len(page.blocks))]
    extracted = [1.0 if vote > 0 else 0.0 for vote in votes]
    decisions = _decide(page, ("text", [vote - e for vote, e in zip(votes, extracted)]), ("trafilatura", extracted))
    assert len(summaries) == 3 and not any(decisions[i].keep for i in summaries)
    assert "one of a list of teasers" in decisions[summaries[0]].reason
    one = _page("".join(f"<p>{text}</p>" for text in PROSE * 4) + "".join(f"<p>栏目{n}</p>" for n in range(12))
                + f'<div><a href="/news/1.htm"><b>导读：一条新闻的标题在这里</b></a><br><span>{PROSE[0]}</span></div>')
    votes = [1.0] * 4 * len(PROSE) + [-1.0] * 13 + [OUTSIDE_MIN + 0.1]
    extracted = [1.0 if vote > 0 else 0.0 for vote in votes]
    assert _decide(one, ("text", [vote - e for vote, e in zip(votes, extracted)]),
                   ("trafilatura", extracted))[-1].keep  # one pair is no list


def test_prose_just_above_the_run_that_only_an_extractor_voted_against_is_its_lead() -> None:
    note = "编者按：老旧小区改造是群众身边的关键小事，本报今起推出系列报道，记录居民生活的新变化。"
    page = _paragraphs("网站首页 新闻 民生", note, *PROSE)
    votes = {"text": [-1.0, 0.6, 1.0, 1.0, 1.0, 1.0], "markup": [-1.0, 0.0, 1.0, 1.0, 1.0, 1.0],
             "trafilatura": [-1.0, -1.0, 1.0, 1.0, 1.0, 1.0]}
    decisions = _decide(page, *votes.items())
    assert _kept(decisions) == [False, True, True, True, True, True]
    # one other signal against it, and it is no lead
    votes["markup"][1] = -0.2
    assert _kept(_decide(page, *votes.items()))[:2] == [False, False]


def test_a_standfirst_the_markup_names_under_the_headline_is_kept_above_the_run() -> None:
    deck = "新举措重点支持高校毕业生、农民工等群体，对吸纳就业的中小微企业给予扩岗补助。"
    page = _page(f"<header><h1>我市出台十二条稳就业新举措</h1><p class='dek'>{deck}</p><div>分享 收藏</div></header>"
                 + "".join(f"<p>{text}</p>" for text in PROSE))
    votes = [-1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 1.0]
    assert _kept(_decide(page, ("text", votes)))[:2] == [False, True]
    subhead = _page(f"<header><h1>我市出台十二条稳就业新举措</h1><div class='release-subhead'><p>{deck}</p></div>"
                    "<div>分享 收藏</div></header>" + "".join(f"<p>{text}</p>" for text in PROSE))
    assert _kept(_decide(subhead, ("text", votes)))[:2] == [False, True]
    unnamed = _page(f"<header><h1>我市出台十二条稳就业新举措</h1><p>{deck}</p><div>分享 收藏</div></header>"
                    + "".join(f"<p>{text}</p>" for text in PROSE))
    assert _kept(_decide(unnamed, ("text", votes)))[:2] == [False, False]


def test_a_signup_box_with_an_entry_form_inside_the_run_goes_and_a_pull_quote_repeating_a_sentence_goes() -> None:
    box = ("<div class='subscribe-box'><h3>订阅我们的周报</h3><p>每周日把最新的政策解读和办事指南发到您的邮箱，已有四万名读者订阅。</p>"
           "<form action='/subscribe'><input type='email' name='email'><button>订阅</button></form></div>")
    quote = "<aside class='pullquote'><p>重点支持高校毕业生、农民工等群体就业创业。</p></aside>"
    page = _page("".join(f"<p>{text}</p>" for text in PROSE[:2]) + box + quote + "".join(f"<p>{text}</p>" for text in PROSE[2:]))
    decisions = _decide(page, ("text", [1.0] * len(page.blocks)))
    dropped = [block.text for block, decision in zip(page.blocks, decisions) if not decision.keep]
    assert dropped == ["订阅我们的周报", "每周日把最新的政策解读和办事指南发到您的邮箱，已有四万名读者订阅。", "订阅",
                       "重点支持高校毕业生、农民工等群体就业创业。"]
    assert all(decision.keep for block, decision in zip(page.blocks, decisions) if block.text in PROSE)


def test_a_second_run_worth_a_share_of_the_first_is_kept() -> None:
    chrome = [f"广告{n}" for n in range(6)]
    page = _paragraphs(PROSE[0], PROSE[1], *chrome, PROSE[2], PROSE[3])
    votes = [1.0, 1.0] + [-1.0] * len(chrome) + [1.0, 1.0]
    decisions = _decide(page, ("text", votes))
    assert _kept(decisions) == [True, True] + [False] * len(chrome) + [True, True]


def test_a_page_without_a_positive_score_keeps_nothing_and_says_why() -> None:
    page = _paragraphs("首页", "登录")
    decisions = _decide(page, ("text", [-1.0, -1.0]))
    assert _kept(decisions) == [False, False]
    assert all(d.reason.startswith("score -1.00: against text") for d in decisions)


# -- reasons -------------------------------------------------------------------------------------------------

def test_the_reason_names_the_signals_against_and_for_in_signal_order() -> None:
    page = _paragraphs(PROSE[0], "热门推荐")
    decisions = decide(page, signals=[(Fixed("trafilatura", [1.0, 0.5]), 1.0, 0.0),
                                      (Fixed("region", [1.0, -1.0]), 0.8, 0.0), (Fixed("text", [1.0, -1.0]), 0.8, 0.0),
                                      (Fixed("markup", [0.0, 0.0]), 0.6, 0.0), (Fixed("repeated", [0.0, -1.0]), 0.4, 0.0)],
                       bias=0.0)
    assert decisions[0].keep and decisions[0].reason == ""
    assert decisions[1].keep is False
    assert decisions[1].reason.endswith("score -1.50: against region, text, repeated; for trafilatura")


def test_the_reason_says_none_when_no_signal_voted_against() -> None:
    page = _paragraphs("孤立的一行")
    decisions = decide(page, signals=[(Fixed("text", [0.0]), 1.0, 0.0)], bias=0.0)
    assert decisions[0].reason == "score +0.00: against none"


# -- end to end: the page accounted for ---------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>我市出台稳就业新举措_本地新闻_新闻网</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav{color:#333}</style></head>
<body>
<div class="top"><a href="/">网站首页</a> | <a href="/login">登录</a> | <a href="/reg">注册</a></div>
<div class="nav"><ul><li><a href="/news">新闻</a></li><li><a href="/city">本地</a></li><li><a href="/sports">体育</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/city">本地新闻</a> &gt; 正文</div>
<div class="main">
<div class="article">
<h1>我市出台稳就业新举措</h1>
<div class="info">2023-06-01 09:30 来源：本地日报 作者：王芳</div>
<p>记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生、农民工等群体就业创业。</p>
<p>新举措明确，对吸纳高校毕业生就业的中小微企业，按每人一千五百元的标准给予一次性扩岗补助，政策执行至今年年底。</p>
<p style="display:none">隐藏的统计文字不算可见文本</p>
<p><img src="https://img.example.com/2023/0601/job.jpg" alt="招聘会现场" width="600"></p>
<p>同时，我市将在全年举办各类招聘活动三百场以上，提供岗位不少于五万个，并对就业困难人员实行“一人一档”精准帮扶。</p>
<table><tr><th>补贴项目</th><th>标准</th></tr><tr><td>一次性扩岗补助</td><td>1500元/人</td></tr><tr><td>求职创业补贴</td><td>2000元/人</td></tr></table>
<p>市人社局相关负责人表示，各区县将在一个月内完成政策宣传和申报受理工作，符合条件的企业可通过网上办事大厅提交申请。</p>
<p>（责任编辑：张三）</p>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="sidebar"><h3>热门排行</h3><ul><li><a href="/n/1.html">多地出台促消费新举措</a></li><li><a href="/n/2.html">统计局公布五月经济数据</a></li><li><a href="/n/3.html">气象局发布高温预警</a></li></ul></div>
</div>
<div class="footer"><p>版权所有 © 2023 新闻网 京ICP备12345678号</p><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p><img src="/img/logo.gif" width="12"></div>
</body></html>"""

VISIBLE_SKIP = {"script", "style", "noscript", "template", "head", "title", "select", "option", "textarea"}
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _visible_text(html: str) -> str:
    """The page's visible text, read independently of page_blocks."""
    tree = parse_html(html)
    assert tree is not None
    out: list[str] = []

    def visit(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag and tag not in VISIBLE_SKIP and node.get("hidden") is None and not HIDDEN.search(node.get("style") or ""):
            if node.text:
                out.append(node.text)
            for child in node:
                visit(child)
        if node.tail:
            out.append(node.tail)

    visit(tree.body)
    return "".join(out)


def _accounted_share(html: str, doc: cleanpage.Document) -> float:
    visible = Counter(re.sub(r"\s", "", _visible_text(html)))
    accounted = Counter(re.sub(r"\s", "", "".join([doc.text, *(r.text for r in doc.removed), doc.metadata.title or ""])))
    return sum(min(count, accounted[ch]) for ch, count in visible.items()) / sum(visible.values())


def test_the_visible_text_of_the_page_is_in_the_body_or_the_removals() -> None:
    doc = cleanpage.clean(PAGE)
    assert "隐藏的统计文字" not in _visible_text(PAGE) and "统计代码" not in _visible_text(PAGE)
    assert _accounted_share(PAGE, doc) >= 0.98


def test_every_block_of_the_page_is_kept_or_removed() -> None:
    doc = cleanpage.clean(PAGE)
    tree = parse_html(PAGE)
    assert tree is not None
    blocks = segment_page(tree)
    accounted = {block.index for block in doc.blocks} | {removal.block for removal in doc.removed}
    missing = [(i, b.kind, b.text) for i, b in enumerate(blocks)
               if i not in accounted and not (b.kind == "image" and not b.text)]
    assert missing == []
    assert "记者从市人社局获悉" in doc.text
    assert "热门排行" not in doc.text and "关于我们" not in doc.text
    not_main = {r.text: r.reason for r in doc.removed if r.rule == "content.not_main"}
    assert "网站首页 | 登录 | 注册" in not_main
    assert "score -" in not_main["网站首页 | 登录 | 注册"]
    assert "against" in not_main["网站首页 | 登录 | 注册"]


def test_the_accounting_check_notices_lost_text() -> None:
    """The share measure itself must be able to fail: a document missing its body is far below 98 %."""
    doc = cleanpage.clean(PAGE)
    doc.blocks = doc.blocks[:1]
    assert _accounted_share(PAGE, doc) < 0.9


def test_an_image_between_article_paragraphs_is_kept() -> None:
    doc = cleanpage.clean(PAGE)
    images = [block for block in doc.blocks if block.kind == "image"]
    assert [(image.text, image.src) for image in images] == [("招聘会现场", "https://img.example.com/2023/0601/job.jpg")]


def test_a_notices_closing_formula_after_a_kept_paragraph_is_kept() -> None:
    page = _paragraphs(PROSE[0], "特此公告。", "网站首页 新闻 民生")
    decisions = _decide(page, ("text", [1.0, -0.8, -1.0]))
    assert _kept(decisions) == [True, True, False]
    # any other short line there is left to the scores
    assert _kept(_decide(_paragraphs(PROSE[0], "返回首页。", "网站首页 新闻 民生"), ("text", [1.0, -0.8, -1.0]))) == [True, False, False]
