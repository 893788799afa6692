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

The raw bytes are cleaned, not ``response.text``: cleanpage decides the
encoding itself (Content-Type and ``<meta>`` charsets are verified, not
trusted). A page that fails to clean keeps its item, with the error in the
``error`` field (the raw bytes are dropped either way unless
``CLEANPAGE_KEEP_BODY`` is set); items without a body field pass through untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

try:
    from itemadapter import ItemAdapter
    from scrapy.crawler import Crawler
    from scrapy.http import Response
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("the Scrapy pipeline needs Scrapy: pip install 'cleanpage[scrapy]'") from exc

from ..config import Config
from ..errors import ConfigError
from ..pipeline import Cleaner

FIELDS: dict[str, str] = {
    # read from the item
    "body": "body", "url": "url", "headers": "headers",
    # written to the item
    "text": "text", "title": "title", "metadata": "metadata", "encoding": "encoding", "removed": "removed",
    "error": "error",
}
"""Item field names, by role; ``CLEANPAGE_FIELDS`` overrides some of them. Map a written role to ``None`` to skip it."""


def item_from_response(response: Response, **fields: Any) -> dict[str, Any]:
    """A dict item with the response's raw ``body``, ``url`` and ``headers`` (plus any ``fields``)."""
    headers = dict(response.headers.to_unicode_dict())
    return {FIELDS["url"]: response.url, FIELDS["body"]: response.body, FIELDS["headers"]: headers, **fields}


class CleanpagePipeline:
    """Cleans ``item[body]`` into ``text``, ``title``, ``metadata``, ``encoding``, ``removed`` and ``error``."""

    def __init__(self, config: Config | None = None, *, fields: Mapping[str, str | None] | None = None,
                 keep_body: bool = False) -> None:
        unknown = sorted(set(fields or {}) - set(FIELDS))
        if unknown:
            raise ConfigError(f"unknown CLEANPAGE_FIELDS role(s): {', '.join(unknown)}; known: {', '.join(FIELDS)}")
        self.cleaner = Cleaner(config)
        self.fields: dict[str, str | None] = {**FIELDS, **dict(fields or {})}
        self.keep_body = keep_body

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanpagePipeline:
        settings = crawler.settings
        path = settings.get("CLEANPAGE_CONFIG")
        config = Config.from_toml(path) if path else Config()
        config = config.replace(**settings.getdict("CLEANPAGE_OPTIONS"))
        return cls(config, fields=settings.getdict("CLEANPAGE_FIELDS"), keep_body=settings.getbool("CLEANPAGE_KEEP_BODY"))

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
            self._set(adapter, "text", document.text)
            self._set(adapter, "title", document.title)
            self._set(adapter, "metadata", document.metadata.to_dict())
            self._set(adapter, "encoding", document.metadata.encoding)
            self._set(adapter, "removed", [removal.to_dict() for removal in document.removed])
            self._set(adapter, "error", None)
        if not self.keep_body:
            del adapter[body_field]
        return item

    def _get(self, adapter: ItemAdapter, role: str) -> Any:
        name = self.fields[role]
        return adapter.get(name) if name else None

    def _set(self, adapter: ItemAdapter, role: str, value: Any) -> None:
        name = self.fields[role]
        if name:
            adapter[name] = value
