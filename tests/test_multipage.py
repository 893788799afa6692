"""Multi-page articles (issue 16): the pager read on every page, and the pages merged into one document.

Each case under ``tests/fixtures/multipage/`` is one article split over pages as a real CMS prints
it (site chrome, the headline and byline again on every page, the CMS's own pager), with
``pages.json`` (each page's file, URL and its expected ``pages``, ``next_url``, ``prev_url`` and
``page_urls``), ``expected.txt`` (the whole article's body, one gold for all its pages) and
``expected.json`` (the article's metadata).
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import cleanpage
from cleanpage import Block, Document, Metadata, Removal
from cleanpage.pager import page_keys

ROOT = Path(__file__).parent / "fixtures" / "multipage"
CASES = sorted(path.name for path in ROOT.iterdir() if (path / "pages.json").is_file())
MIN_F1 = 0.99


def f1(predicted: str, gold: str) -> float:
    """Character 4-gram F1 with whitespace removed (as ``benchmarks/bench_quality.py`` scores bodies)."""
    def grams(text: str) -> Counter[str]:
        text = re.sub(r"\s+", "", text)
        return Counter(text[i:i + 4] for i in range(max(len(text) - 3, 0)))

    p, g = grams(predicted), grams(gold)
    hits = sum((p & g).values())
    precision, recall = hits / max(sum(p.values()), 1), hits / max(sum(g.values()), 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def records(case: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((ROOT / case / "pages.json").read_text(encoding="utf-8"))
    return data


@cache
def cleaned(case: str) -> tuple[Document, ...]:
    return tuple(cleanpage.clean((ROOT / case / r["file"]).read_bytes(), url=r["url"]) for r in records(case))


def gold(case: str) -> str:
    return (ROOT / case / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


PAGES = [(case, number) for case in CASES for number in range(len(records(case)))]


def test_the_cases_cover_three_url_styles_both_scripts_and_both_encodings() -> None:
    assert len(CASES) >= 3
    urls = [r["url"] for case in CASES for r in records(case)]
    assert any(re.search(r"_\d\.html$", u) for u in urls) and any("page=" in u for u in urls)
    assert any(u.endswith("_2.shtml") for u in urls)
    scripts = {json.loads((ROOT / case / "expected.json").read_text(encoding="utf-8"))["script"] for case in CASES}
    assert scripts == {"simplified", "traditional"}
    raw = [(ROOT / case / r["file"]).read_bytes() for case in CASES for r in records(case)]
    assert any(b"charset=gb2312" in page for page in raw)
    assert any(b"charset=utf-8" in page.lower() for page in raw)


@pytest.mark.parametrize(("case", "number"), PAGES, ids=[f"{c}-page{n + 1}" for c, n in PAGES])
def test_every_page_reads_its_pager(case: str, number: int) -> None:
    expected = records(case)[number]
    metadata = cleaned(case)[number].metadata
    assert metadata.pages == expected["pages"]
    assert metadata.next_url == expected["next_url"]
    assert metadata.prev_url == expected["prev_url"]
    assert metadata.page_urls == expected["page_urls"]
    if metadata.next_url:
        assert metadata.extra["provenance"]["next_url"]["rule"]


@pytest.mark.parametrize("case", CASES)
def test_the_merged_article_is_the_single_page_gold_in_any_order(case: str) -> None:
    pages = list(cleaned(case))
    orders = list(itertools.permutations(pages))
    meta = json.loads((ROOT / case / "expected.json").read_text(encoding="utf-8"))
    for order in orders:
        merged = cleanpage.merge(list(order))
        assert f1(merged.text, gold(case)) >= MIN_F1
        assert merged.text == gold(case)  # the paragraph cut by a page break is one line again
        assert merged.title == meta["title"]
        assert merged.text.count(meta["title"]) == 0  # the title once: in metadata, not again in the body
        assert merged.metadata.published == meta["published"]
        assert merged.metadata.pages == {"total": len(pages)}
        assert merged.metadata.next_url is None and merged.metadata.url == records(case)[0]["url"]
        assert not [w for w in merged.warnings if w.startswith("merge:")]


@pytest.mark.parametrize("case", CASES)
def test_a_missing_page_is_a_warning(case: str) -> None:
    pages = list(cleaned(case))
    given = [pages[0], pages[-1]] if len(pages) > 2 else pages[1:]
    merged = cleanpage.merge(list(reversed(given)))
    assert any("missing" in warning for warning in merged.warnings if warning.startswith("merge:"))
    assert f1(merged.text, gold(case)) < MIN_F1


def test_removals_and_repairs_keep_their_page() -> None:
    pages = list(cleaned("dede-utf8-split-paragraph"))
    merged = cleanpage.merge([pages[1], pages[0]])
    assert {r.page for r in merged.removed} == {1, 2}
    assert len(merged.removed) == sum(len(p.removed) for p in pages) + 1
    repeated = [r for r in merged.removed if r.detector == "merge"]
    assert [(r.rule, r.page) for r in repeated] == [("merge.repeated_lead", 2)]
    assert repeated[0].text == merged.metadata.summary
    assert [(r.kind, r.page) for r in merged.repairs] == [("page_join", 2)]
    assert {b.page for b in merged.blocks} == {1, 2}


def test_a_next_article_link_is_never_a_next_page() -> None:
    page = (ROOT / "dede-utf8-split-paragraph" / "page2.html").read_bytes()  # 下一篇：… links to 3688.html
    doc = cleanpage.clean(page, url=records("dede-utf8-split-paragraph")[1]["url"])
    assert doc.metadata.next_url is None
    blog = ("<html><head><link rel='next' href='/2021/05/other-post.html'></head><body><h1>一篇博文</h1>"
            "<p>" + "这是一篇没有分页的博客文章，正文只有这一页。" * 8 + "</p>"
            "<p>下一篇：<a href='/2021/05/other-post.html'>另一篇博文</a> <a href='/2021/05/next.html'>下一篇</a></p>"
            "</body></html>")
    doc = cleanpage.clean(blog, url="https://blog.example.com/2021/05/post.html")
    assert doc.metadata.next_url is None and doc.metadata.pages is None


def test_a_rel_link_naming_the_adjacent_topic_is_no_page_of_this_one() -> None:
    page = ("<html><head><link rel='prev' href='viewtopic.php?t=3127&amp;view=previous' title='瀏覽上一個主題'>"
            "<link rel='next' href='viewtopic.php?t=3127&amp;view=next' title='View next topic'></head><body><h1>一篇帖子</h1>"
            "<p>" + "這是一篇兩頁的討論帖的第一頁，回覆還在下一頁。" * 8 + "</p><span class='nav'>前往頁面 <b>1</b>, "
            "<a href='viewtopic.php?t=3127&amp;start=15'>2</a> <a href='viewtopic.php?t=3127&amp;start=15'>下一頁</a></span>"
            "</body></html>")
    doc = cleanpage.clean(page, url="http://bbs.example.com.tw/phpBB2/viewtopic.php?t=3127")
    assert doc.metadata.prev_url is None  # page 1: the previous *topic* is no previous page
    assert doc.metadata.next_url == "http://bbs.example.com.tw/phpBB2/viewtopic.php?t=3127&start=15"


def test_relative_pager_links_resolve_against_base_href() -> None:
    page = ("<html><head><base href='https://cdn.example.com/news/'></head><body><h1>标题</h1>"
            "<p>" + "正文第一页的内容在这里，文章很长所以分成了几页来显示。" * 6 + "</p>"
            "<div class='pages'><span>1</span> <a href='a_2.html'>2</a> <a href='a_2.html'>下一页</a></div>"
            "</body></html>")
    doc = cleanpage.clean(page, url="https://www.example.com/news/a.html")
    assert doc.metadata.next_url == "https://cdn.example.com/news/a_2.html"
    assert doc.metadata.pages == {"current": 1, "total": 2}


def test_a_text_dump_without_link_targets_states_no_next_url() -> None:
    text = "\n".join(["老城区改造的三个难题", "老城区改造牵涉面广，既要保留街巷肌理，又要改善居民生活条件，这是共同难题。" * 2,
                      "第 1 页 / 共 2 页", "上一页 1 2 下一页"])
    doc = cleanpage.clean(text, kind="text", url="https://example.com/a.html")
    assert doc.metadata.pages == {"current": 1, "total": 2}
    assert doc.metadata.next_url is None


@pytest.mark.parametrize(("url", "key", "number"), [
    ("https://a.cn/fc/t20190907_5512345_1.html", "https://a.cn/fc/t20190907_5512345.html", 1),
    ("https://a.cn/a/2019/art_123_2.html", "https://a.cn/a/2019/art_123.html", 2),
    ("https://a.cn/list/index_1.html", "https://a.cn/list/index.html", 1),
    ("https://a.cn/view.php?id=7&page=3", "https://a.cn/view.php?id=7", 3),
    ("https://a.cn/w/doc-iircuyvi6951234_2.shtml", "https://a.cn/w/doc-iircuyvi6951234.shtml", 2),
])
def test_url_page_numbers(url: str, key: str, number: int) -> None:
    assert (key, number) in page_keys(url)


def test_a_long_id_is_no_page_number() -> None:
    assert page_keys("https://a.cn/fc/t20190907_5512345.html") == [("https://a.cn/fc/t20190907_5512345.html", 0)]


def _page(texts: list[str], url: str, **pages: int) -> Document:
    blocks = [Block(text, "paragraph", index) for index, text in enumerate(texts)]
    metadata = Metadata(title="标题", url=url, pages=dict(pages) or None)
    return Document(blocks, metadata, removed=[Removal("title", "C01.title", "headline", "标题", 0)],
                    warnings=["decode: lossy"], kind="html")


def test_per_page_chrome_at_the_bottom_is_kept_once_at_the_end() -> None:
    note = "（本文为作者授权发布，转载请注明出处）"
    first = _page(["第一段，正文开始了。", note], "https://a.cn/x.html", current=1, total=2)
    second = _page(["第二段，正文结束了。", note], "https://a.cn/x_2.html", current=2, total=2)
    merged = cleanpage.merge([second, first])
    assert merged.text.splitlines() == ["第一段，正文开始了。", "第二段，正文结束了。", note]
    assert [(r.rule, r.page) for r in merged.removed if r.detector == "merge"] == [("merge.repeated_tail", 1)]
    assert merged.warnings == ["page 1: decode: lossy", "page 2: decode: lossy"]


def test_pages_without_numbers_or_links_order_by_url_and_warn_of_a_gap() -> None:
    urls = ["https://a.cn/v.php?id=9", "https://a.cn/v.php?id=9&page=2", "https://a.cn/v.php?id=9&page=4"]
    docs = [_page([f"第{n}页的正文，内容在这里。"], url) for n, url in zip((1, 2, 4), urls)]
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    merged = cleanpage.merge(shuffled)
    assert [line[:3] for line in merged.text.splitlines()] == ["第1页", "第2页", "第4页"]
    assert any("URL number(s) 3" in warning for warning in merged.warnings)


def test_merge_needs_a_page() -> None:
    with pytest.raises(cleanpage.InputError):
        cleanpage.merge([])


def test_a_malformed_link_target_is_no_next_page() -> None:
    text = "\n".join(["老城区改造的三个难题", "老城区改造牵涉面广，既要保留街巷肌理，又要改善居民生活条件，这是共同难题。" * 2,
                      "[下一页](http://中©来源：/a_2.html) [下一页](http://[::1/a.html)"])
    doc = cleanpage.clean(text, kind="text", url="https://example.com/a.html")
    assert doc.metadata.next_url is None
