"""One document from the pages of one multi-page article (:func:`merge`).

News and government sites split long articles over pages, each page printing the headline, the
byline and the site's chrome again. Each page is cleaned on its own (:func:`cleanpage.clean`, which
reads the pager into ``metadata.pages``, ``next_url``, ``prev_url`` and ``page_urls``); :func:`merge`
then puts the pages in order and joins their bodies:

- order: by ``pages.current`` when every page states it; else by the chain of ``next_url``/``prev_url``
  links when it joins them all; else by the page number in their URLs (:func:`cleanpage.pager.page_keys`);
- body: every page's blocks in order, without what a later page repeats at its top from the first page's
  top (headline, standfirst, byline, per-page chrome the detectors kept) and without what an earlier page
  repeats at its bottom from the last page's bottom (a per-page footer note); each of these is a recorded
  removal (detector ``merge``), and a paragraph a page break cut in two is rejoined (a recorded repair);
- metadata: the first page's, with ``pages = {"total": n}``, the pages' URLs in order and every page's
  captions; ``next_url`` stays set only when the last page given still points on (a page is missing);
- trace: every removal, repair and block keeps the number of the page it came from (``page``), and every
  page's warnings are kept prefixed ``page N:``; a page missing from the sequence, a page given twice or
  an order that could not be established is a warning.

:class:`ArticleGroups` finds which pages of a stream belong to one article (their pager links and URL
page numbers), for ``cleanpage clean --merge-pages`` and the Scrapy pipeline.

Never: text is dropped only when it repeats the first page's top or the last page's bottom exactly, so
a page's own body is never lost; the pages are not re-cleaned and no metadata field is invented.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from .document import Block, Document, Removal, Repair
from .errors import InputError
from .pager import page_keys, same_page
from .shadow import TERMINAL

LEAD_WINDOW = 12  # the first page's leading blocks a later page may repeat at its top
TAIL_WINDOW = 6  # the last page's trailing blocks an earlier page may repeat at its bottom
JOIN_MIN_CHARS = 20
JOIN_INNER_PUNCTUATION = frozenset("，,；;、。")
JOINABLE_KINDS = frozenset({"paragraph", "line"})
T = TypeVar("T")


@dataclasses.dataclass
class _Page:
    document: Document
    number: int  # the page's number in the article


def merge(documents: Sequence[Document]) -> Document:
    """The pages of one article (cleaned documents, in any order) as one document; see the module docstring.

    Raises :class:`~cleanpage.errors.InputError` when ``documents`` is empty.
    """
    if not documents:
        raise InputError("merge needs the documents of at least one page")
    warnings: list[str] = []
    pages, total = _ordered(_distinct(documents, warnings), warnings)
    first, last = pages[0].document, pages[-1].document
    blocks: list[Block] = []
    removed: list[Removal] = []
    repairs: list[Repair] = []
    lead = {_key(block.text) for block in first.blocks[:LEAD_WINDOW]} | {_key(first.title or "")}
    tail = {_key(block.text) for block in last.blocks[-TAIL_WINDOW:]}
    for index, page in enumerate(pages):
        doc, number = page.document, page.number
        own = list(doc.blocks)
        start = 0
        if index > 0:
            while start < len(own) and _key(own[start].text) in lead:
                start += 1
        end = len(own)
        if index < len(pages) - 1:
            while end > start and _key(own[end - 1].text) in tail:
                end -= 1
        removed.extend(_removal(block, number, "merge.repeated_lead", "repeats the first page's top")
                       for block in own[:start])
        removed.extend(_removal(block, number, "merge.repeated_tail", "repeats the last page's bottom")
                       for block in own[end:])
        kept = [dataclasses.replace(block, page=number) for block in own[start:end]]
        if blocks and kept and _split_paragraph(blocks[-1], kept[0]):
            joined = blocks[-1].text + kept[0].text
            repairs.append(Repair("page_join", kept[0].text, joined, len(blocks[-1].text), 1.0, kept[0].index,
                                  "a paragraph cut by the page break, rejoined", number))
            blocks[-1] = dataclasses.replace(blocks[-1], text=joined)
            kept = kept[1:]
        blocks.extend(kept)
        removed.extend(dataclasses.replace(removal, page=number) for removal in doc.removed)
        repairs.extend(dataclasses.replace(repair, page=number) for repair in doc.repairs)
        warnings.extend(f"page {number}: {warning}" for warning in doc.warnings)
    metadata = copy.deepcopy(first.metadata)
    metadata.pages = {"total": total}
    metadata.prev_url = first.metadata.prev_url
    metadata.next_url = last.metadata.next_url
    listed = next((doc.metadata.page_urls for doc in (p.document for p in pages) if doc.metadata.page_urls), None)
    metadata.page_urls = list(listed) if listed else [url for url in (p.document.metadata.url for p in pages) if url]
    metadata.captions = list(dict.fromkeys(c for p in pages for c in p.document.metadata.captions))
    metadata.truncated = any(p.document.metadata.truncated for p in pages)
    metadata.extra.setdefault("provenance", {})["pages"] = {
        "rule": "merge", "raw": f"{len(pages)} page(s) merged: {', '.join(str(p.number) for p in pages)}",
        "confidence": 1.0}
    posts = [post for p in pages for post in p.document.posts]
    return Document(blocks=blocks, metadata=metadata, removed=removed, repairs=repairs, warnings=warnings,
                    kind=first.kind, posts=posts, text_links=first.text_links, text_images=first.text_images)


def _key(text: str) -> str:
    return "".join(text.split())


def _removal(block: Block, page: int, rule: str, reason: str) -> Removal:
    return Removal("merge", rule, reason, block.text, block.index, block.line, page=page)


def _split_paragraph(before: Block, after: Block) -> bool:
    """Whether a page break cut a paragraph: prose that stops mid-sentence, continued by a paragraph."""
    text = before.text.rstrip()
    return (before.kind in JOINABLE_KINDS and after.kind in JOINABLE_KINDS and len(text) >= JOIN_MIN_CHARS
            and text[-1] not in TERMINAL and text[-1] not in "：:" and bool(JOIN_INNER_PUNCTUATION & set(text)))


def _distinct(documents: Sequence[Document], warnings: list[str]) -> list[Document]:
    """The documents without a page given twice (same URL): its first copy is kept."""
    kept: list[Document] = []
    for doc in documents:
        url = doc.metadata.url
        if url and any(same_page(url, other.metadata.url) for other in kept):
            warnings.append(f"merge: {url} given twice; its first copy is kept")
            continue
        kept.append(doc)
    return kept


def _ordered(documents: list[Document], warnings: list[str]) -> tuple[list[_Page], int]:
    """The pages in article order with their numbers, and the article's page count; missing pages are warned."""
    stated_total = max((doc.metadata.pages or {}).get("total", 0) for doc in documents)
    currents = [(doc.metadata.pages or {}).get("current") for doc in documents]
    if all(currents) and len(set(currents)) == len(currents):
        pages = sorted((_Page(doc, current) for doc, current in zip(documents, currents) if current),
                       key=lambda page: page.number)
        total = max(stated_total, pages[-1].number)
        missing = sorted(set(range(1, total + 1)) - {page.number for page in pages})
        if missing:
            warnings.append(f"merge: page(s) {', '.join(map(str, missing))} of {total} missing")
        return pages, total
    chain = _chain(documents)
    if chain is None:
        chain = _by_url_number(documents, warnings)
    pages = [_Page(doc, number) for number, doc in enumerate(chain, start=1)]
    _warn_broken_links(pages, warnings)
    gaps = sum(1 for warning in warnings if warning.startswith("merge: a page is missing"))  # each at least one page
    total = max(stated_total, len(pages) + gaps)
    if stated_total > len(pages) and not any(w.startswith("merge: a page is missing") for w in warnings):
        warnings.append(f"merge: {stated_total - len(pages)} of {stated_total} page(s) missing")
    return pages, total


def _chain(documents: list[Document]) -> list[Document] | None:
    """The documents in the order their ``next_url``/``prev_url`` links chain them, when the links join them all."""
    def follows(before: Document, after: Document) -> bool:
        return same_page(before.metadata.next_url, after.metadata.url) or \
            same_page(after.metadata.prev_url, before.metadata.url)

    if len(documents) == 1:
        return list(documents)
    heads = [doc for doc in documents if not any(follows(other, doc) for other in documents if other is not doc)]
    if len(heads) != 1:
        return None
    order = [heads[0]]
    while len(order) < len(documents):
        following = [doc for doc in documents if doc not in order and follows(order[-1], doc)]
        if len(following) != 1:
            return None
        order.append(following[0])
    return order


def _by_url_number(documents: list[Document], warnings: list[str]) -> list[Document]:
    """The documents ordered by their URLs' page numbers under the stem they share (the first page has none)."""
    counts: dict[str, int] = {}
    for doc in documents:
        for key, _ in page_keys(doc.metadata.url or ""):
            counts[key] = counts.get(key, 0) + 1
    shared = [key for key, count in counts.items() if count == len(documents)]
    if not shared or not all(doc.metadata.url for doc in documents):
        warnings.append("merge: the pages' order is unknown (no page numbers, pager links or URL page numbers); "
                        "they are kept in the order given")
        return list(documents)
    stem = shared[0]

    def number(doc: Document) -> int:
        return next(n for key, n in page_keys(doc.metadata.url or "") if key == stem)

    ordered = sorted(documents, key=number)
    suffixes = [number(doc) for doc in ordered if number(doc)]
    expected = range(min(suffixes), max(suffixes) + 1) if suffixes else range(0)
    gaps = sorted(set(expected) - set(suffixes))
    if gaps:
        warnings.append(f"merge: a page is missing: no page with URL number(s) {', '.join(map(str, gaps))} under {stem}")
    return ordered


def _warn_broken_links(pages: list[_Page], warnings: list[str]) -> None:
    """A page whose next link points at a page that was not given, before the next page given or after the last."""
    for before, after in zip(pages, [*pages[1:], None]):
        target = before.document.metadata.next_url
        if target and (after is None or not same_page(target, after.document.metadata.url)):
            where = "after the last page given" if after is None else f"between pages {before.number} and {after.number}"
            warnings.append(f"merge: a page is missing {where} ({target})")
    first_prev = pages[0].document.metadata.prev_url
    if first_prev:
        warnings.append(f"merge: a page is missing before the first page given ({first_prev})")


def paged(doc: Document) -> bool:
    """Whether a cleaned page is one page of several: a pager link or a stated total, or a page number in its URL.

    An index of other pages (``page_type == "list"``) is never one: its pages list different articles; nor is
    a page without a URL, which nothing can link to.
    """
    meta = doc.metadata
    if meta.page_type == "list" or not meta.url:
        return False
    numbered = bool(meta.url) and any(number for _, number in page_keys(meta.url or ""))
    return bool(meta.next_url or meta.prev_url or meta.page_urls or (meta.pages or {}).get("total", 0) > 1 or numbered)


class ArticleGroups(Generic[T]):
    """The pages of a stream grouped by article, each group handed back as soon as it is complete.

    :meth:`add` takes a cleaned page (with its caller's ``tag``, such as its input record) and returns the
    groups that page completed: every page from the first (no previous page) to the last (no next page)
    linked, and all ``pages.total`` of them when the pager states it. Pages join a group through their
    ``next_url``/``prev_url``/``page_urls`` (also through a page that was never given, so a gap still
    groups) and through a URL page stem shared by pages of the same title. :meth:`rest` returns the groups
    that never completed, in the order their first page arrived. Only :func:`paged` pages (which have a URL)
    may be added.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._pages: list[tuple[Document, T]] = []

    def add(self, doc: Document, tag: T) -> list[list[tuple[Document, T]]]:
        meta = doc.metadata
        own = self._key(doc)
        links = [meta.next_url, meta.prev_url, *meta.page_urls]
        for url in links:
            if url:
                self._union(own, f"url:{url.split('#', 1)[0]}")
        if meta.title:
            for stem, _ in page_keys(meta.url or ""):
                self._union(own, f"stem:{stem}|{meta.title}")
        self._find(own)
        self._pages.append((doc, tag))
        group = [entry for entry in self._pages if self._find(self._key(entry[0])) == self._find(own)]
        if not _complete([d for d, _ in group]):
            return []
        self._pages = [entry for entry in self._pages if not any(entry is member for member in group)]
        return [group]

    def rest(self) -> list[list[tuple[Document, T]]]:
        groups: dict[str, list[tuple[Document, T]]] = {}
        for entry in self._pages:
            groups.setdefault(self._find(self._key(entry[0])), []).append(entry)
        self._pages = []
        return list(groups.values())

    @staticmethod
    def _key(doc: Document) -> str:
        return f"url:{(doc.metadata.url or '').split('#', 1)[0]}"

    def _find(self, node: str) -> str:
        parent = self._parent.setdefault(node, node)
        if parent != node:
            parent = self._parent[node] = self._find(parent)
        return parent

    def _union(self, first: str, second: str) -> None:
        self._parent[self._find(first)] = self._find(second)


def _complete(pages: Iterable[Document]) -> bool:
    """Whether the pages make a whole article: ordered without a gap, from a first page to a last one."""
    docs = list(pages)
    warnings: list[str] = []
    ordered, total = _ordered(docs, warnings)
    first, last = ordered[0].document.metadata, ordered[-1].document.metadata
    linked = bool(first.next_url or last.prev_url or (first.pages or {}).get("total"))
    return (linked and not warnings and len(ordered) == total and first.prev_url is None
            and last.next_url is None)
