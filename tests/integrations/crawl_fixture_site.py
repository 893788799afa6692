"""Run a real Scrapy crawl of the encoded fixture pages, served on 127.0.0.1 only, through CleanpagePipeline.

Usage: ``python crawl_fixture_site.py OUT.jsonl``. Run in a subprocess by
``test_scrapy.py`` because Scrapy's reactor can only start once per process.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

from cleanpage.integrations.scrapy import item_from_response

FIXTURES = Path(__file__).parents[1] / "fixtures" / "integrations"
# path -> (fixture file, Content-Type header)
ROUTES = {
    "/utf8": ("encoded/utf8.html", "text/html; charset=utf-8"),
    "/gbk-lying": ("encoded/gbk-lying.html", "text/html"),
    "/gbk-undeclared": ("encoded/gbk-undeclared.html", "text/html"),
    "/big5": ("encoded/big5.html", "text/html"),
    "/big5-header": ("encoded/big5.html", "text/html; charset=big5"),
    "/too-large": ("pages/people.html", "text/html"),
}
SETTINGS: dict[str, Any] = {
    "ITEM_PIPELINES": {"cleanpage.integrations.scrapy.CleanpagePipeline": 300},
    "CLEANPAGE_OPTIONS": {"max_input_bytes": 20_000},  # people.html (41 kB) fails: its item carries the error
    "CLEANPAGE_FIELDS": {"text": "body_text"},
    "ROBOTSTXT_OBEY": False,
    "TELNETCONSOLE_ENABLED": False,
    "RETRY_ENABLED": False,
    "DOWNLOAD_TIMEOUT": 10,
    "CLOSESPIDER_TIMEOUT": 60,
    "CLOSESPIDER_PAGECOUNT": 2 * len(ROUTES),
    "LOG_LEVEL": "WARNING",
}


class FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path not in ROUTES:
            self.send_error(404)
            return
        name, content_type = ROUTES[self.path]
        body = (FIXTURES / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        pass


class FixtureSpider(scrapy.Spider):
    name = "fixtures"

    def __init__(self, base: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.allowed_domains = ["127.0.0.1"]
        self.start_urls = [base + path for path in ROUTES]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        yield item_from_response(response, route=response.url.rsplit("/", 1)[-1])


def main(output: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        process = CrawlerProcess({**SETTINGS, "FEEDS": {output: {"format": "jsonlines", "encoding": "utf8"}}})
        process.crawl(FixtureSpider, base=f"http://127.0.0.1:{server.server_address[1]}")
        process.start()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1])
