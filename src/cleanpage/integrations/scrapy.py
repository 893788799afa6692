"""A Scrapy item pipeline that cleans the page each item carries.

Pipelines receive items, not responses, so the spider puts the response into
the item with :func:`item_from_response` (raw body bytes, URL and headers):

    from cleanpage.integrations.scrapy import item_from_response

    def parse(self, response):
        yield item_from_response(response, section="news")

and the project enables the pipeline::

    ITEM_PIPELINES = {"cleanpage.integrations.scrapy.CleanpagePipeline": 300}
    CLEANPAGE_OPTIONS = {"captions": "drop"}    # Config fields
    CLEANPAGE_CONFIG = "cleanpage.toml"         # optional: a config file, OPTIONS override it
    CLEANPAGE_FIELDS = {"text": "body_text"}    # optional: rename fields (see FIELDS)
    CLEANPAGE_KEEP_BODY = False                 # drop the raw bytes from the item once cleaned
    CLEANPAGE_MERGE_PAGES = False               # True: one item per multi-page article (below)

The raw bytes are cleaned, not ``response.text``: cleanpage decides the
encoding itself (Content-Type and ``<meta>`` charsets are verified, not
trusted). A page that fails to clean keeps its item, with the error in the
``error`` field (the raw bytes are dropped either way unless
``CLEANPAGE_KEEP_BODY`` is set); items without a body field pass through untouched.

Multi-page articles: :func:`item_from_response` reads the page's pager into ``next_url`` (absolute,
``None`` on the last page), so the spider follows it::

    def parse(self, response):
        item = item_from_response(response)
        yield item
        if item["next_url"]:
            yield response.follow(item["next_url"], self.parse)

With ``CLEANPAGE_MERGE_PAGES = True`` the pipeline holds the pages of an article (pages whose pager
links to other pages, or whose URL carries a page number) until all have come, then returns one item
for the article: the first page's item with the merged ``text``, ``metadata`` and ``removed``
(:func:`cleanpage.merge`); the other pages' items are dropped (``DropItem``, logged at debug level
on Scrapy 2.13 and later). Articles still incomplete when the spider closes (a page
failed or was never followed) are merged from the pages that came (the missing ones are logged
as a warning) and sent to the feed exports through the ``item_scraped`` signal.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

try:
    from itemadapter import ItemAdapter
    from scrapy.crawler import Crawler
    from scrapy.http import Response
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("the Scrapy pipeline needs Scrapy: pip install 'cleanpage[scrapy]'") from exc

from ..config import Config
from ..decode import decode
from ..document import Document
from ..errors import ConfigError
from ..merge import ArticleGroups, merge, paged
from ..pager import read_html
from ..pipeline import Cleaner
from ..segment.html import parse_html

logger = logging.getLogger(__name__)

FIELDS: dict[str, str] = {
    # read from the item
    "body": "body", "url": "url", "headers": "headers",
    # written by item_from_response
    "next_url": "next_url",
    # written to the item
    "text": "text", "title": "title", "metadata": "metadata", "encoding": "encoding", "removed": "removed",
    "error": "error",
}
"""Item field names, by role; ``CLEANPAGE_FIELDS`` overrides some of them. Map a written role to ``None`` to skip it."""


def item_from_response(response: Response, **fields: Any) -> dict[str, Any]:
    """A dict item with the response's raw ``body``, ``url`` and ``headers``, the ``next_url`` its pager links
    to (``None`` on an article's last page or a page of one), plus any ``fields``."""
    headers = dict(response.headers.to_unicode_dict())
    return {FIELDS["url"]: response.url, FIELDS["body"]: response.body, FIELDS["headers"]: headers,
            FIELDS["next_url"]: next_url(response.body, response.url, {str(k): str(v) for k, v in headers.items()}),
            **fields}


def next_url(body: bytes, url: str, headers: Mapping[str, str] | None = None) -> str | None:
    """The next page of the article a page's pager links to (:mod:`cleanpage.pager`), read without cleaning it."""
    tree = parse_html(decode(body, headers=headers).text)
    found = read_html(tree, url).get("next_url") if tree is not None else None
    return str(found.value) if found else None


class CleanpagePipeline:
    """Cleans ``item[body]`` into ``text``, ``title``, ``metadata``, ``encoding``, ``removed`` and ``error``."""

    def __init__(self, config: Config | None = None, *, fields: Mapping[str, str | None] | None = None,
                 keep_body: bool = False, merge_pages: bool = False, crawler: Crawler | None = None) -> None:
        unknown = sorted(set(fields or {}) - set(FIELDS))
        if unknown:
            raise ConfigError(f"unknown CLEANPAGE_FIELDS role(s): {', '.join(unknown)}; known: {', '.join(FIELDS)}")
        self.cleaner = Cleaner(config)
        self.fields: dict[str, str | None] = {**FIELDS, **dict(fields or {})}
        self.keep_body = keep_body
        self.groups: ArticleGroups[Any] | None = ArticleGroups() if merge_pages else None
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanpagePipeline:
        settings = crawler.settings
        path = settings.get("CLEANPAGE_CONFIG")
        config = Config.from_toml(path) if path else Config()
        config = config.replace(**settings.getdict("CLEANPAGE_OPTIONS"))
        return cls(config, fields=settings.getdict("CLEANPAGE_FIELDS"), keep_body=settings.getbool("CLEANPAGE_KEEP_BODY"),
                   merge_pages=settings.getbool("CLEANPAGE_MERGE_PAGES"), crawler=crawler)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        # ``spider`` has a default: Scrapy >= 2.13 no longer passes it, older versions do.
        adapter = ItemAdapter(item)
        body_field = self.fields["body"]
        if body_field is None or adapter.get(body_field) is None:
            return item
        try:
            document = self.cleaner.clean(adapter[body_field], url=self._get(adapter, "url"),
                                          headers=self._get(adapter, "headers"))
        except Exception as exc:  # one bad page must not stop the crawl: the item carries the error
            self._set(adapter, "error", f"{type(exc).__name__}: {exc}")
        else:
            self._fill(adapter, document)
            if self.groups is not None and paged(document):
                if not self.keep_body:
                    del adapter[body_field]
                return self._merged(self.groups.add(document, item), document)
        if not self.keep_body:
            del adapter[body_field]
        return item

    def _fill(self, adapter: ItemAdapter, document: Document) -> None:
        self._set(adapter, "text", document.text)
        self._set(adapter, "title", document.title)
        self._set(adapter, "metadata", document.metadata.to_dict())
        self._set(adapter, "encoding", document.metadata.encoding)
        self._set(adapter, "removed", [removal.to_dict() for removal in document.removed])
        self._set(adapter, "error", None)

    def _merged(self, groups: list[list[tuple[Document, Any]]], document: Document) -> Any:
        """The article's item when this page completed it, else ``DropItem`` (the page is held, or merged)."""
        from scrapy.exceptions import DropItem

        if not groups:
            message = f"page of a multi-page article, held to be merged with its other pages: {document.metadata.url}"
            try:  # Scrapy >= 2.13 lets the exception set its log level; older ones log drops as warnings
                raise DropItem(message, log_level="DEBUG")  # type: ignore[call-arg,unused-ignore]
            except TypeError:
                raise DropItem(message) from None
        return self._article(groups[0])

    def _article(self, group: list[tuple[Document, Any]]) -> Any:
        """The first page's item with the whole article's text, metadata and removals."""
        article = merge([doc for doc, _ in group]) if len(group) > 1 else group[0][0]
        for warning in article.warnings:
            if warning.startswith("merge:"):
                logger.warning("%s: %s", article.metadata.url, warning)
        item = next(item for doc, item in group if doc.metadata.url == article.metadata.url)
        self._fill(ItemAdapter(item), article)
        return item

    def close_spider(self, spider: Any = None) -> None:
        """Articles still incomplete are merged from the pages that came and sent to the feed exports."""
        if self.groups is None:
            return
        from scrapy import signals

        for group in self.groups.rest():
            item = self._article(group)
            if self.crawler is not None:
                self.crawler.signals.send_catch_log(signal=signals.item_scraped, item=item, response=None,
                                                    spider=spider)

    def _get(self, adapter: ItemAdapter, role: str) -> Any:
        name = self.fields[role]
        return adapter.get(name) if name else None

    def _set(self, adapter: ItemAdapter, role: str, value: Any) -> None:
        name = self.fields[role]
        if name:
            adapter[name] = value
