"""``cleanpage clean --merge-pages``: the pages of one article written as one output.

Workers clean pages as usual but hand back the document itself (:func:`keep_document`), not its
rendering; :class:`PageMerger`, in the parent, writes a page of no multi-page article at once and
holds the pages of one (:func:`cleanpage.merge.paged`) until :class:`~cleanpage.merge.ArticleGroups`
says the article is complete, then writes :func:`cleanpage.merge` of its pages under the first page's
URL (and that page's output name). Articles still incomplete when the input ends are merged from the
pages that came (with the merge's warning about the missing ones); a group of one page is written
as that page, unchanged.

Memory holds only the pages of articles not yet complete. Never: a page that belongs to no group is
changed, or a page is written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ..document import Document
from ..merge import ArticleGroups, merge, paged
from .page_input import PageInput
from .parallel import PageResult


class KeptPage(NamedTuple):
    """What a worker sends back under ``--merge-pages``: the cleaned document and its record's id."""

    document: Document
    record_id: str | None


def keep_document(doc: Document, page: PageInput) -> KeptPage:
    """The renderer of ``--merge-pages`` workers: the document itself, for the parent to merge."""
    return KeptPage(doc, page.record_id)


class PageMerger:
    """The parent's sink under ``--merge-pages``: renders and writes single pages and merged articles."""

    def __init__(self, render: Callable[[Document, PageInput], Any], write: Callable[[PageResult], None]) -> None:
        self.render = render
        self.write = write
        self.groups: ArticleGroups[PageResult] = ArticleGroups()
        self.articles = 0
        self.merged_pages = 0

    def add(self, result: PageResult) -> None:
        kept: KeptPage = result.payload
        if not paged(kept.document):
            self._write(result, kept.document, result.key)
            return
        for group in self.groups.add(kept.document, result):
            self._write_group(group)

    def finish(self) -> None:
        """Write the groups that never completed (their missing pages are warned in the merged document)."""
        for group in self.groups.rest():
            self._write_group(group)

    def _write_group(self, group: list[tuple[Document, PageResult]]) -> None:
        if len(group) == 1:
            doc, result = group[0]
            self._write(result, doc, result.key)
            return
        article = merge([doc for doc, _ in group])
        first = next(result for doc, result in group if doc.metadata.url == article.metadata.url)
        self.articles += 1
        self.merged_pages += len(group)
        self._write(first, article, article.metadata.url or first.key)

    def _write(self, result: PageResult, doc: Document, key: str) -> None:
        kept: KeptPage = result.payload
        page = PageInput(key, result.out_name, url=result.url, record_id=kept.record_id)
        self.write(PageResult(key, result.out_name, result.path, result.url, payload=self.render(doc, page)))
