"""CleanpagePipeline: a real Scrapy crawl of a loopback server serving pages in several encodings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("scrapy")

from cleanpage import ConfigError
from cleanpage.integrations.scrapy import CleanpagePipeline

HERE = Path(__file__).parent
ENCODED = HERE.parent / "fixtures" / "integrations" / "encoded"
TRUE_CODECS = {"utf8": ("utf8.html", "utf-8"), "gbk-lying": ("gbk-lying.html", "gbk"),
               "gbk-undeclared": ("gbk-undeclared.html", "gbk"), "big5": ("big5.html", "big5"),
               "big5-header": ("big5.html", "big5")}


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    output = tmp_path_factory.mktemp("crawl") / "items.jsonl"
    subprocess.run([sys.executable, str(HERE / "crawl_fixture_site.py"), str(output)], check=True, timeout=180,
                   stdin=subprocess.DEVNULL)
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    return {row["route"]: row for row in rows}


@pytest.mark.parametrize("route", sorted(TRUE_CODECS))
def test_each_encoding_is_decoded_and_cleaned(items: dict[str, dict[str, Any]], route: str) -> None:
    name, codec = TRUE_CODECS[route]
    page = (ENCODED / name).read_bytes()
    source = page.decode(codec)
    item = items[route]
    assert item["error"] is None
    assert page.decode(item["encoding"]) == source  # the chosen codec reads the page as its author wrote it
    assert item["title"] == re.search(r"<title>(.*?)</title>", source).group(1)
    first_paragraph = re.search(r"<p>(.*?)</p>", source).group(1)
    assert first_paragraph in item["body_text"]  # CLEANPAGE_FIELDS renamed "text"
    assert "\ufffd" not in item["body_text"]
    assert item["metadata"]["encoding"] == item["encoding"]
    assert "body" not in item and item["url"].startswith("http://127.0.0.1:")


def test_header_charset_reaches_the_decoder(items: dict[str, dict[str, Any]]) -> None:
    assert items["big5-header"]["metadata"]["encoding_reason"].startswith("http header")
    assert not items["big5"]["metadata"]["encoding_reason"].startswith("http header")


def test_a_failing_page_keeps_its_item_with_the_error(items: dict[str, dict[str, Any]]) -> None:
    assert items["too-large"]["error"].startswith("InputTooLargeError: ")  # CLEANPAGE_OPTIONS reached the Config
    assert "body_text" not in items["too-large"] and "body" not in items["too-large"]
    assert len(items) == len(TRUE_CODECS) + 1


def test_items_without_a_body_pass_through() -> None:
    item = {"url": "https://example.com/", "note": "not a page"}
    assert CleanpagePipeline().process_item(dict(item)) == item


def test_unknown_field_role_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="bodytext"):
        CleanpagePipeline(fields={"bodytext": "x"})


MULTIPAGE = HERE.parent / "fixtures" / "multipage"


def _multipage_responses(case: str) -> list[Any]:
    from scrapy.http import HtmlResponse

    records = json.loads((MULTIPAGE / case / "pages.json").read_text(encoding="utf-8"))
    return [HtmlResponse(r["url"], body=(MULTIPAGE / case / r["file"]).read_bytes(), headers={"Content-Type": "text/html"})
            for r in records]


def test_item_from_response_exposes_the_next_page() -> None:
    from cleanpage.integrations.scrapy import item_from_response

    responses = _multipage_responses("trs-gbk-simplified")
    items = [item_from_response(response) for response in responses]
    assert [item["next_url"] for item in items] == [responses[1].url, responses[2].url, None]


def test_the_pipeline_merges_the_pages_of_one_article_when_configured() -> None:
    from scrapy.exceptions import DropItem

    from cleanpage.integrations.scrapy import item_from_response

    pipeline = CleanpagePipeline(merge_pages=True)
    responses = _multipage_responses("trs-gbk-simplified")
    out = []
    for response in [responses[2], responses[0], responses[1]]:  # pages arrive in any order
        try:
            out.append(pipeline.process_item(item_from_response(response)))
        except DropItem as held:
            assert "held to be merged" in str(held)
    assert len(out) == 1
    gold = (MULTIPAGE / "trs-gbk-simplified" / "expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert out[0]["url"] == responses[0].url and out[0]["text"] == gold
    assert out[0]["metadata"]["pages"] == {"total": 3} and "body" not in out[0]
    single = CleanpagePipeline().process_item(item_from_response(responses[1]))  # not configured: pages stay pages
    assert single["metadata"]["pages"] == {"current": 2, "total": 3}


def test_an_incomplete_article_is_sent_when_the_spider_closes() -> None:
    from scrapy import Spider, signals
    from scrapy.crawler import Crawler
    from scrapy.exceptions import DropItem

    from cleanpage.integrations.scrapy import item_from_response

    crawler = Crawler(Spider, {"CLEANPAGE_MERGE_PAGES": True})
    sent: list[dict[str, Any]] = []
    crawler.signals.connect(lambda item, **_: sent.append(item), signal=signals.item_scraped, weak=False)
    pipeline = CleanpagePipeline.from_crawler(crawler)
    responses = _multipage_responses("tw-utf8-traditional-query")
    for response in (responses[2], responses[0]):  # page 2 never came
        with pytest.raises(DropItem):
            pipeline.process_item(item_from_response(response))
    pipeline.close_spider()
    assert [item["url"] for item in sent] == [responses[0].url]
    assert sent[0]["metadata"]["pages"] == {"total": 3}  # the first page links to a second that never came
