"""What a worker does with one page: load it, clean it, render the result.

Rendering happens in the worker so the parent only moves finished strings
(or, for the review report, compact page views) and writes them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..document import Document
from ..pipeline import Cleaner
from ..profiles import PageRecord, SiteProfile, profile_for_record
from .inputs import PageInput
from .parallel import PageResult

FORMATS = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}
"""Output formats and the extension of their files in a mirrored output tree."""

Renderer = Callable[[Document, PageInput], Any]


@dataclass(frozen=True)
class Render:
    """Render a cleaned page as ``format``; ``pretty`` indents JSON (one file per page)."""

    format: str = "text"
    trace: bool = False
    pretty: bool = False

    def __call__(self, doc: Document, page: PageInput) -> str:
        if self.format == "text":
            return doc.text + "\n" if doc.text else ""
        if self.format == "markdown":
            return doc.to_markdown()
        record = page_record(doc, page, trace=self.trace)
        return json.dumps(record, ensure_ascii=False, indent=2 if self.pretty else None) + "\n"


def page_record(doc: Document, page: PageInput, *, trace: bool) -> dict[str, Any]:
    """The JSON object of one page: its identity first, then the document."""
    record: dict[str, Any] = {"id": page.key}
    if page.record_id is not None:
        record["record_id"] = page.record_id
    record.update(doc.to_dict(trace=trace))
    return record


@dataclass
class CleanTask:
    """Clean pages with one :class:`Cleaner` built per worker by :meth:`setup`."""

    config: Config
    render: Renderer
    cleaner: Cleaner | None = field(default=None, repr=False)
    profiles: Mapping[str, SiteProfile] = field(default_factory=dict, repr=False)
    """Site profiles (:mod:`cleanpage.profiles`); each page gets the one of its site, found as it was learned."""
    group_by: str = "auto"

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "render": self.render, "cleaner": None, "profiles": self.profiles,
                "group_by": self.group_by}

    def setup(self) -> None:
        self.cleaner = Cleaner(self.config)

    def run(self, page: PageInput) -> PageResult:
        result = PageResult.for_page(page)
        if self.cleaner is None:
            self.setup()
        assert self.cleaner is not None
        try:
            data = page.load(self.config.max_input_bytes)
            result.bytes_in = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
            profile = profile_for_record(PageRecord(data, page.url, page.path or page.key), self.profiles,
                                         self.group_by) if self.profiles else None
            doc = self.cleaner.clean(data, url=page.url, headers=page.headers, profile=profile)
            result.payload = self.render(doc, page)
        except Exception as exc:  # one bad page is a failed result, never a dead worker
            result.error = (type(exc).__name__, str(exc))
            return result
        written = result.payload if isinstance(result.payload, str) else doc.text  # a report view: its body
        result.bytes_out = len(written.encode("utf-8", "surrogatepass"))
        result.removals = dict(Counter(r.detector for r in doc.removed if r.action != "split"))
        return result
