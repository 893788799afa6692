"""segment.signals: each independent vote on whether a block is main content, on small handmade pages."""

from __future__ import annotations

import pytest

from article_snippet import BODY
from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import segment_page
from cleanpage.segment.signals import PageContext, clip, trafilatura_vote
from cleanpage.segment.signals._overlap import coverage, vote_from_coverage
from cleanpage.segment.signals.region import RegionVote
from cleanpage.segment.signals.repetition import RepetitionVote
from cleanpage.segment.signals.semantics import SemanticsVote, own_verdict, verdict
from cleanpage.segment.signals.text_quality import TextQualityVote, quality, weight_of
from cleanpage.segment.signals.trafilatura_vote import TrafilaturaVote


def _page(body: str) -> PageContext:
    tree = parse_html(f"<html><head><title>测试</title></head><body>{body}</body></html>")
    assert tree is not None
    return PageContext(tree, segment_page(tree))


LONG_CHINESE = ("记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生、"
                "农民工等群体就业创业，相关政策执行至今年年底。")  # 61 CJK characters
LONG_ENGLISH = ("The city council approved the new budget on Tuesday, adding funds for schools, parks and public "
                "transport, while the mayor promised that property taxes would not rise this year.")

ARTICLE = BODY


# -- text quality ------------------------------------------------------------------------------------

def test_text_quality_votes_for_a_long_punctuated_chinese_paragraph() -> None:
    page = _page(f"<p>{LONG_CHINESE}</p>")
    assert TextQualityVote().votes(page) == [pytest.approx(1.0)]


def test_text_quality_votes_for_a_long_english_sentence() -> None:
    assert weight_of(LONG_ENGLISH) == pytest.approx(2.5 * 29)  # 29 Latin words
    assert quality(LONG_ENGLISH, 0.0, "paragraph") == pytest.approx(1.0)


def test_text_quality_votes_against_menu_items_and_link_dense_blocks() -> None:
    page = _page('<ul class="menu"><li><a href="/">首页</a></li><li><a href="/about">关于我们</a></li></ul>'
                 f'<p><a href="/news/1.html">{LONG_CHINESE}</a></p>'
                 '<p>版权所有</p>')
    votes = TextQualityVote().votes(page)
    assert votes[:3] == [-1.0, -1.0, -1.0]  # two menu links, one long paragraph that is all link text
    assert votes[3] == pytest.approx(1.4 * 4 / 60 - 1.0)  # short, unpunctuated, no links: still against
    assert votes[3] < -0.9


def test_text_quality_short_unlinked_menu_word_is_against() -> None:
    assert quality("联系我们", 0.0, "paragraph") == pytest.approx(1.4 * 4 / 60 - 1.0)


def test_text_quality_counts_chinese_punctuation() -> None:
    unpunctuated = "记者从市人社局获悉为进一步稳定就业形势我市近日出台十二条新举措重点支持高校毕业生农民工等群体就业创业"
    punctuated = "记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措。"
    assert weight_of(unpunctuated) == 50
    assert quality(unpunctuated, 0.0, "paragraph") == pytest.approx(1.4 * 50 / 60 - 1.0)  # long, no punctuation
    assert quality(punctuated, 0.0, "paragraph") > quality(punctuated.replace("，", "").replace("。", ""), 0.0,
                                                           "paragraph")


def test_text_quality_structure_is_not_judged_by_punctuation_and_images_abstain() -> None:
    assert quality("准备工作", 0.0, "heading") == -0.2
    assert quality("import os", 0.0, "code") == -0.2
    assert quality("北京 1,200", 0.0, "table_row") == -0.2
    assert quality("首页", 1.0, "heading") == -0.2
    assert quality("会议现场照片", 0.0, "image") == 0.0


def test_clip_bounds_votes() -> None:
    assert (clip(-3.0), clip(0.25), clip(7.0)) == (-1.0, 0.25, 1.0)


# -- semantics -----------------------------------------------------------------------------------------

def test_markup_a_sidebar_inside_a_content_div_votes_against() -> None:
    page = _page('<div class="content"><div class="sidebar"><p>热门文章推荐</p></div></div>')
    assert SemanticsVote().votes(page) == [-1.0]


def test_markup_a_paragraph_in_a_content_div_votes_for() -> None:
    page = _page('<div id="main-content"><div><p>正文段落。</p></div></div>')
    assert SemanticsVote().votes(page) == [1.0]


def test_markup_article_tag_votes_for_and_nav_tag_against() -> None:
    assert SemanticsVote().votes(_page("<article><p>文章正文。</p></article>")) == [1.0]
    assert SemanticsVote().votes(_page("<nav><a href='/'>首页</a></nav>")) == [-1.0]
    assert SemanticsVote().votes(_page("<footer><p>版权所有</p></footer>")) == [-1.0]


def test_markup_words_match_whole_words_only() -> None:
    # "commentary" is not "comment", so the nearest telling ancestor is the article container
    page = _page('<div class="article-body"><div class="commentary"><p>专家点评：这项政策力度空前。</p></div></div>')
    assert SemanticsVote().votes(page) == [1.0]
    assert own_verdict(page.blocks[0].element.getparent()) is None  # the "commentary" div says nothing
    for classes in ("hotel", "header-wrapper2", "sidebarWidget", "navList", "ADList"):
        tree = parse_html(f"<html><body><div class='{classes}'><p>文字</p></div></body></html>")
        assert tree is not None
        element = tree.body[0]
        expected = None if classes == "hotel" else -1.0
        assert own_verdict(element) == expected, classes


def test_markup_a_platform_name_glued_to_a_telling_word_counts_as_that_word() -> None:
    for classes, expected in (("blk-wxfollow", -1.0), ("wbShare", -1.0), ("weixinshare", -1.0),
                              ("wxcontent", 1.0), ("qqgroup", None), ("wx", None), ("author-bio", -1.0)):
        tree = parse_html(f"<html><body><div class='{classes}'><p>文字</p></div></body></html>")
        assert tree is not None
        assert own_verdict(tree.body[0]) == expected, classes


def test_markup_mixed_words_cancel_and_body_says_nothing() -> None:
    page = _page('<div class="article-comment"><p>混合的容器</p></div>')
    assert SemanticsVote().votes(page) == [0.0]
    assert SemanticsVote().votes(_page("<p>没有任何提示的段落</p>")) == [0.0]


def test_markup_nearest_telling_ancestor_wins_with_a_fresh_cache() -> None:
    page = _page('<div class="content">'
                 '<div class="sidebar"><p>侧栏推荐</p></div>'
                 '<p>正文第一段。</p>'
                 '<div class="commentary"><p>专家点评。</p></div>'
                 '<div class="share-bar"><p>分享到微博</p></div>'
                 '</div>'
                 '<article><p>文章标签内的段落。</p></article>')
    assert [verdict(block.element, {}) for block in page.blocks] == [-1.0, 1.0, 1.0, -1.0, 1.0]


def test_markup_votes_on_a_page_with_both_chrome_and_content() -> None:
    page = _page('<div class="sidebar"><p>侧栏</p></div><div class="content"><p>正文</p></div>')
    assert SemanticsVote().votes(page) == [-1.0, 1.0]


def test_markup_votes_match_the_nearest_telling_ancestor_on_a_whole_page() -> None:
    page = _page('<div class="content">'
                 '<div class="sidebar"><p>侧栏推荐</p></div>'
                 '<p>正文第一段。</p>'
                 '<div class="commentary"><p>专家点评。</p></div>'
                 '<div class="share-bar"><p>分享到微博</p></div>'
                 '</div>'
                 '<article><p>文章标签内的段落。</p></article>')
    assert SemanticsVote().votes(page) == [-1.0, 1.0, 1.0, -1.0, 1.0]


# -- repetition ----------------------------------------------------------------------------------------

def test_repetition_votes_against_repeated_short_text_and_abstains_otherwise() -> None:
    long_teaser = "多地出台促消费新举措，发放消费券、延长营业时间、举办购物节，带动假期消费明显回升，市场人气持续升温。"
    page = _page(f'<div class="nav"><a href="/">首页</a></div><p>{LONG_CHINESE}</p><p>更多&gt;&gt;</p>'
                 f'<p>{long_teaser}</p><div class="foot"><a href="/">首页</a></div><p>更多&gt;&gt;</p>'
                 f'<div class="side"><p>{long_teaser}</p></div>'
                 '<img src="/a.jpg"><img src="/b.jpg">')
    assert [b.text for b in page.blocks][:3] == ["首页", LONG_CHINESE, "更多>>"]
    assert RepetitionVote().votes(page) == [-1.0, 0.0, -1.0, -0.5, -1.0, -1.0, -0.5, 0.0, 0.0]


def test_repetition_ignores_whitespace_differences() -> None:
    page = _page("<p>关于 我们</p><p>关于我们</p><p>联系方式</p>")
    assert RepetitionVote().votes(page) == [-1.0, -1.0, 0.0]


# -- the extractors' overlap ------------------------------------------------------------------------------

def test_coverage_of_a_substring_is_whole() -> None:
    assert coverage(["国务院常务会议"], "今天国务院常务会议召开") == [1.0]


def test_coverage_by_four_grams_is_partial() -> None:
    key = "今天召开常务会议研究部署"  # 12 characters, 9 four-grams
    output = "新闻今天召开常务，其他内容"  # holds 今天召开, 天召开常, 召开常务
    assert coverage([key], output) == [pytest.approx(3 / 9)]


def test_coverage_of_short_keys_is_by_substring_only_and_empty_keys_are_zero() -> None:
    assert coverage(["首页", "新闻", ""], "首页导航栏") == [1.0, 0.0, 0.0]


def test_coverage_of_empty_output_is_zero_for_every_block() -> None:
    assert coverage(["国务院常务会议", "首页"], "") == [0.0, 0.0]


def test_vote_from_coverage() -> None:
    assert [vote_from_coverage(s) for s in (1.0, 0.8, 0.5, 0.2, 0.0)] == [1.0, 1.0, 0.0, -1.0, -1.0]
    assert vote_from_coverage(0.65) == pytest.approx(0.5)


# -- the extractors ------------------------------------------------------------------------------------

def test_extractors_abstain_when_their_output_is_tiny(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(f"<div class='nav'><a href='/'>首页</a></div><p>{LONG_CHINESE}</p><p>版权所有</p>")
    monkeypatch.setattr(trafilatura_vote, "extract_text", lambda page: "版权所有 首页")
    assert TrafilaturaVote().votes(page) == [0.0, 0.0, 0.0]


def test_extractors_vote_by_coverage_when_their_output_is_long_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(f"<div class='nav'><a href='/'>首页</a></div><p>{LONG_CHINESE}</p><p>版权所有</p>")
    monkeypatch.setattr(trafilatura_vote, "extract_text", lambda page: f"\n{LONG_CHINESE}\n")
    assert TrafilaturaVote().votes(page) == [-1.0, 1.0, -1.0]


def test_extractors_abstain_on_a_real_page_with_almost_no_text() -> None:
    page = _page("<div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div><p>欢迎访问。</p>")
    assert TrafilaturaVote().votes(page) == [0.0, 0.0]


def test_extractors_and_region_keep_the_article_and_drop_the_chrome_of_a_real_page() -> None:
    page = _page(ARTICLE)
    texts = [b.text for b in page.blocks]
    assert texts[0] == "首页 新闻 本地" and texts[-1] == "版权所有 © 本地新闻网"
    paragraphs = range(2, 6)
    for signal in (TrafilaturaVote(), RegionVote()):
        votes = signal.votes(page)
        assert len(votes) == len(page.blocks)
        assert [votes[i] for i in paragraphs] == [1.0] * 4, signal.name
        assert votes[0] == -1.0 and votes[-1] == -1.0, signal.name


# -- region ----------------------------------------------------------------------------------------------

def test_region_votes_for_the_densest_prose_container_only() -> None:
    page = _page(f'<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>'
                 f'<div class="box"><p>{LONG_CHINESE}</p><p>第二段，内容继续。</p></div>'
                 '<div class="side"><p>热门：排行</p></div>')
    assert RegionVote().votes(page) == [-1.0, 1.0, 1.0, -1.0]


def test_region_abstains_on_a_page_without_sentence_punctuation() -> None:
    page = _page("<div><a href='/'>首页</a> <a href='/n'>新闻</a></div><div>无标点的文字</div>")
    assert RegionVote().votes(page) == [0.0, 0.0]


def test_every_signal_has_a_name_and_one_vote_per_block_in_range() -> None:
    page = _page(ARTICLE)
    names = set()
    for signal in (TrafilaturaVote(), RegionVote(), TextQualityVote(), SemanticsVote(), RepetitionVote()):
        votes = signal.votes(page)
        assert len(votes) == len(page.blocks)
        assert all(-1.0 <= vote <= 1.0 for vote in votes)
        names.add(signal.name)
    assert names == {"trafilatura", "region", "text", "markup", "repeated"}
