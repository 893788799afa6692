"""What a worker does with one page: load it, clean it (or, to learn site profiles, segment it), render the result.

Rendering happens in the worker so the parent only moves finished strings
(or, for the review report, compact page views; for Parquet, Arrow rows) and
writes them.
"""

from __future__ import annotations

import functools
import json
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..config import Config
from ..document import Block, Document
from ..pipeline import Cleaner
from ..profile_model import SiteProfile
from ..profiles import PageRecord, ProfileLearner, profile_for_record
from .page_input import PageInput
from .parallel import PageResult

if TYPE_CHECKING:
    import pyarrow as pa

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


@functools.lru_cache(maxsize=2)
def parquet_schema(*, trace: bool) -> pa.Schema:
    """The columns of ``--format parquet``: the page's ``id`` and ``record_id`` (as in JSON output), then
    the columns :func:`cleanpage.clean_table` adds, so a local file reads like one written by ``--engine ray``.

    Raises ImportError without pyarrow (the ``arrow`` extra).
    """
    import pyarrow as pa

    from ..batch import result_schema

    return pa.schema([pa.field("id", pa.string()), pa.field("record_id", pa.string()), *result_schema(trace=trace)])


@dataclass(frozen=True)
class ArrowRow:
    """Render a cleaned page as a one-row Arrow batch of :func:`parquet_schema`.

    The values come from clean_table's own conversion of a document, so the
    types cannot drift from it; converting in the worker means a value that
    does not fit fails its page there, not a whole batch in the parent.
    """

    trace: bool = False

    def __call__(self, doc: Document, page: PageInput) -> pa.RecordBatch:
        import pyarrow as pa

        from ..batch import _document_row

        row = {"id": page.key, "record_id": page.record_id, **_document_row(doc, self.trace)}
        return pa.RecordBatch.from_pylist([row], schema=parquet_schema(trace=self.trace))


@dataclass
class CleanTask:
    """Clean pages with one :class:`Cleaner` built per worker by :meth:`setup`."""

    config: Config
    render: Renderer
    cleaner: Cleaner | None = field(default=None, repr=False)
    profiles: Mapping[str, SiteProfile] = field(default_factory=dict, repr=False)
    """Site profiles (:mod:`cleanpage.profile_model`); each page gets the one of its site, found as it was learned."""
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
        written = result.payload if isinstance(result.payload, str) else doc.text  # a report view or Arrow row: its body
        result.bytes_out = len(written.encode("utf-8", "surrogatepass"))
        result.removals = dict(Counter(r.detector for r in doc.removed if r.action != "split"))
        return result


class SitePage(NamedTuple):
    """A page segmented for learning: the site it is grouped under and its blocks (none when segmenting failed)."""

    site: str
    blocks: list[Block]


@dataclass
class SegmentTask:
    """Segment pages for site-profile learning (``cleanpage learn``), one :class:`Cleaner` per worker.

    Segmentation is the costly half of :meth:`ProfileLearner.add`, and it does
    not depend on other pages, so it runs in the workers; counting
    fingerprints does, so :class:`SiteLearners` does it in the parent, in input
    order. A page that fails after its site is known keeps a :class:`SitePage`
    payload, so the failure is recorded in that site's profile as before.
    """

    config: Config
    group_by: str = "auto"
    cleaner: Cleaner | None = field(default=None, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "group_by": self.group_by, "cleaner": None}

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
            site = PageRecord(data, page.url, page.path or page.key).site(self.group_by)
            result.payload = SitePage(site, [])
            # The deadline Cleaner.clean sets, so a page that would time out when cleaned times out here too.
            deadline = time.monotonic() + self.config.timeout if self.config.timeout else None
            blocks = self.cleaner.segment(data, url=page.url, headers=page.headers, deadline=deadline).blocks
        except Exception as exc:  # one bad page is a failed result, never a dead worker
            result.error = (type(exc).__name__, str(exc))
            return result
        result.payload = SitePage(site, blocks)
        return result


class SiteLearners:
    """The parent's half of learning: one :class:`ProfileLearner` per site, fed :class:`SegmentTask` results.

    Results must arrive in input order (``run_batch(..., ordered=True)``):
    which page of a repeated article is counted, and which page's text a
    recurring block keeps as its sample, depend on it. Given that, the
    profiles are the same for any number of workers.
    """

    def __init__(self, config: Config) -> None:
        self.cleaner = Cleaner(config)  # one for all sites: the learners only read its config
        self.learners: dict[str, ProfileLearner] = {}

    def _learner(self, site: str) -> ProfileLearner:
        learner = self.learners.get(site)
        if learner is None:
            learner = self.learners[site] = ProfileLearner(site, cleaner=self.cleaner)
        return learner

    def add(self, result: PageResult) -> None:
        """Count a segmented page, as :meth:`ProfileLearner.add` counts one it segments itself."""
        page: SitePage = result.payload
        learner = self._learner(page.site)
        learner.seen += 1  # add_blocks counts the page's blocks; the page itself is counted by add, not run here
        learner.add_blocks(page.blocks)

    def add_failure(self, result: PageResult) -> None:
        """Record a page that failed once its site was known in that site's profile (``seen``, ``errors``).

        Pages that failed before (unreadable, no site) belong to no profile:
        they are only counted and logged by the run.
        """
        if not isinstance(result.payload, SitePage) or result.error is None:
            return
        learner = self._learner(result.payload.site)
        learner.seen += 1
        learner.errors.append(f"{result.key}: {result.error[0]}: {result.error[1]}")

    def profiles(self) -> dict[str, SiteProfile]:
        return {site: learner.profile() for site, learner in self.learners.items()}
