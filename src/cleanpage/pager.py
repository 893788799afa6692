"""The pager read: which page of an article this is, and where its previous, next and other pages are.

One home for what a pager says, in both kinds of input:

- the pager lexicon (:data:`NAV_WORDS`, the next/previous labels) and the page-position grammar
  (``第2页 共5页``, ``(2/3)``, a numeric pager's highest number), which the C13 detector
  (:mod:`cleanpage.detectors.pagination`) also removes lines by;
- :func:`read_html`: ``next_url``, ``prev_url``, ``page_urls`` and ``pages`` from the whole DOM, the
  pager usually sitting outside the main content: ``<link rel=next/prev>``, ``<a rel=next/prev>``,
  links labelled 下一页/下页/后页/下一頁/next/›/» (and their previous-page twins), the numbered link
  after the current page, and TRS WCM's script pager (``createPageHTML(3, 0, "t2021…", "html")``);
- :func:`read_text_lines`: the same from a text dump's lines, only where the dump kept the link targets
  (``[下一页](https://…)``, ``下一页：https://…``);
- :func:`page_keys`: the page number a URL carries (``_2.html``, ``index_1.html``, ``?page=2``,
  ``art_123_2.html``, ``-2.shtml``), for ordering and grouping the pages of one article.

Every URL returned is absolute, resolved against the page URL or the page's ``<base href>``; a
relative link with neither is not read. A link that points back at the page itself (the last page's
``下一页`` on many CMSes) or at a script is no next page.

Never: a "next article" link (下一篇, 下一篇文章, 下一条, next post) is a next page; labels are matched
whole, so only pager words count. Nothing here changes the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from .evidence import Harvested
from .shadow import fold

# -- the lexicon (on the folded shadow: Simplified, half-width, lower case) ------------------------
PREV_WORDS = ("上一页", "上页", "前一页", "前页")
NEXT_WORDS = ("下一页", "下页", "后一页", "后页")
NAV_WORDS = ("返回上一页", "最后一页", *PREV_WORDS, *NEXT_WORDS, "第一页", "最末页", "首页", "尾页", "末页",
             "返目录", "余下全文", "单页阅读", "跳转到", "跳转", "跳至", "转到", "前往", "go")
"""Words a pager line is made of (C13 removes lines of these, numbers and separators)."""
NEXT_LATIN = ("next", "nextpage")
# What a rel=next/prev link names when it leads to the adjacent topic or post, not to a page of this one.
ADJACENT_ITEM = re.compile(r"主题|主題|话题|話題|帖子|文章|篇|\b(?:topic|thread|post|article|story|entry)\b", re.IGNORECASE)
PREV_LATIN = ("prev", "previous", "previouspage", "prevpage")
# Arrow-only links: single arrows rank above double ones (in ``« ‹ 1 2 › »`` the double arrow is the last page).
NEXT_ARROWS = {"›": 1, ">": 1, "→": 1, "»": 2, ">>": 2}
PREV_ARROWS = {"‹": 1, "<": 1, "←": 1, "«": 2, "<<": 2}
LABEL_BRACKETS = "[]【】()〔〕<>«»‹›→←"

NAV = re.compile("|".join(NAV_WORDS))
# What a pager may hold besides its words: numbers, brackets, separators, ellipses, page words.
PAGER_FILLER = re.compile(r"[\d\s\[\]()<>«»‹›|/,:._…·\-]|第|页|共|到|\.\.\.")
POSITION = re.compile(r"^[\[【(]?(?:第\s*(?P<current>\d+)\s*页\s*[/,]?\s*)?(?:本文)?共\s*(?P<total>\d+)\s*页[\]】)]?")
CURRENT_ONLY = re.compile(r"^第\s*(?P<current>\d+)\s*页$")
FRACTION = re.compile(r"^\(\s*(?P<current>\d+)\s*/\s*(?P<total>\d+)\s*\)$")
PAGER_FRACTION = re.compile(r"(?<!\d)(?P<current>\d+)\s*/\s*(?P<total>\d+)(?!\d)")
STATED_TOTAL = re.compile(r"共\s*(?P<total>\d+)\s*页")
STATED_CURRENT = re.compile(r"第\s*(?P<current>\d+)\s*页")
NUMBER = re.compile(r"\d+")
# ``2022/11/30`` alone on a line is a date, not page 2022 of 11.
DATE_ONLY = re.compile(r"(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}")
MAX_PAGES = 500  # a pager number above this is a year, an id or a count, not a page

# -- URLs ------------------------------------------------------------------------------------------
# The last path segment's page suffix: ``art_123_2.html``, ``index_1.html``, ``Content-1220000_2.html``,
# ``c_1126-3.shtml``; at most three digits, so ``t20210209_123456.html`` is no page 123456.
PATH_PAGE = re.compile(r"^(?P<stem>.+?)[_-](?P<number>\d{1,3})(?P<ext>\.[A-Za-z]{2,5})?$")
PAGE_SEGMENT = re.compile(r"^(?P<stem>.*)/page/(?P<number>\d{1,3})/?$")
PAGE_PARAMS = frozenset({"page", "p", "pn", "pg", "pageno", "page_no", "pagenum", "pageindex", "curpage", "cur_page",
                         "currentpage", "pagenumber"})
SCRIPT_PAGER = re.compile(r"createPageHTML\(\s*(?P<count>\d+)\s*,\s*(?P<index>\d+)\s*,\s*[\"'](?P<name>[^\"']+)[\"']"
                          r"\s*,\s*[\"'](?P<ext>[^\"']+)[\"']")
# Text dumps: ``[label](url)``, or a label followed by its URL (``下一页：https://…``, ``下一页 (https://…)``).
TEXT_LINK = re.compile(r"\[(?P<label>[^\[\]\n]{1,40})\]\((?P<href>[^()\s]+)\)"
                       r"|(?P<word>[^\s\[\]()<>（）:：]{1,12}?)\s*[:：]?\s*[<(（]?(?P<url>https?://[^\s<>()（）]+)[>)）]?")
MARKED_CLASS = re.compile(r"(?:^|[\s_-])(?:cur|current|active|on|sel|selected|now|thisclass|curr)(?:$|[\s_-])", re.I)
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
CONTAINER_LEVELS = 4  # how far up from a pager link its pager element may sit
CONTAINER_MAX_CHARS = 200

RULE_CONFIDENCE = {"link rel": 0.9, "a rel": 0.9, "script pager": 0.85, "pager label": 0.8, "pager number": 0.6,
                   "text link": 0.7}
PAGES_CONFIDENCE = 0.5  # below C13's reading of a kept position line (0.6), which merges this one's fields


def fold_label(text: str) -> str:
    """A link's label as the lexicon spells it: folded, without whitespace."""
    return "".join(fold(text).split())


def is_pager(line: str) -> bool:
    """A line (folded) made only of pager words, numbers and separators, with evidence of paging."""
    if PAGER_FILLER.sub("", NAV.sub("", line)) or DATE_ONLY.fullmatch(line):
        return False
    words = NAV.findall(line)
    numbers = set(NUMBER.findall(line))
    return len(numbers) >= 2 or len(set(words)) >= 2 or "返回上一页" in words or bool(words and numbers)


def is_bare_nav(line: str) -> bool:
    """A line of pager words only (``下一页``, ``上一页 下一页``)."""
    return bool(line) and not NAV.sub("", line).strip("|/·") and not NUMBER.search(line)


def stated_pages(line: str) -> dict[str, int]:
    """Current and total page as a (folded) pager or position line states them.

    ``第N页`` gives the current page, ``共M页`` or ``N/M`` the total, a numeric pager its highest
    number unless an ellipsis follows it (the pager shows only some pages).
    """
    match = POSITION.match(line) or FRACTION.match(line) or CURRENT_ONLY.match(line) or PAGER_FRACTION.search(line)
    if match:
        return {k: int(v) for k, v in match.groupdict().items() if v}
    found: dict[str, int] = {}
    for pattern in (STATED_TOTAL, STATED_CURRENT):
        inner = pattern.search(line)
        if inner:
            found.update({k: int(v) for k, v in inner.groupdict().items()})
    numbers = list(NUMBER.finditer(line))
    if "total" not in found and len(numbers) >= 2 and not re.match(r"\s*(?:…|\.\.\.)", line[numbers[-1].end():]):
        found["total"] = max(int(n.group()) for n in numbers)
    return found


def next_rank(label: str) -> int | None:
    """0 for a next-page word, 1-2 for an arrow, ``None`` for anything else (下一篇 included)."""
    return _rank(label, NEXT_WORDS, NEXT_LATIN, NEXT_ARROWS)


def prev_rank(label: str) -> int | None:
    return _rank(label, PREV_WORDS, PREV_LATIN, PREV_ARROWS)


def _rank(label: str, words: tuple[str, ...], latin: tuple[str, ...], arrows: dict[str, int]) -> int | None:
    if label in arrows:
        return arrows[label]
    bare = label.strip(LABEL_BRACKETS)  # ``[下一页]``, ``下一页»``, ``« Previous``
    return 0 if bare in words or bare in latin else None


# -- URL page numbers ------------------------------------------------------------------------------
def page_keys(url: str) -> list[tuple[str, int]]:
    """The articles ``url`` may be a page of, each with its page number in that article.

    ``(url, 0)`` always (any URL may be an article's first page, which carries no number), plus the
    URL without its page suffix and that suffix: ``…/art_123_2.html`` → ``(…/art_123.html, 2)``,
    ``…/index_1.html`` → ``(…/index.html, 1)``, ``…?id=7&page=3`` → ``(…?id=7, 3)``. Numbers only
    order pages within an article: TRS sites count from ``_1`` for the second page, others from
    ``_2``.
    """
    own = _without_fragment(url)
    keys = [(own, 0)]
    try:
        parts = urlsplit(own)
    except ValueError:  # a malformed host or port: the URL is only itself
        return keys
    query = parse_qsl(parts.query, keep_blank_values=True)
    params = [(name, value) for name, value in query if name.lower() in PAGE_PARAMS and value.isdigit()]
    if len(params) == 1:
        rest = urlencode([(name, value) for name, value in query if (name, value) != params[0]])
        keys.append((urlunsplit(parts._replace(query=rest)), int(params[0][1])))
        return keys
    head, _, last = parts.path.rpartition("/")
    segment = PAGE_SEGMENT.match(parts.path)
    match = PATH_PAGE.match(last)
    if segment:
        keys.append((urlunsplit(parts._replace(path=segment["stem"] + "/")), int(segment["number"])))
    elif match:
        path = f"{head}/{match['stem']}{match['ext'] or ''}"
        keys.append((urlunsplit(parts._replace(path=path)), int(match["number"])))
    return keys


def same_page(first: str | None, second: str | None) -> bool:
    return bool(first and second) and _without_fragment(first or "") == _without_fragment(second or "")


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


# -- reading ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PagerItem:
    """One piece of a pager in reading order: its folded label, its absolute target (``None`` when it is not
    a usable link) and whether the markup marks it as the current page."""

    label: str
    href: str | None = None
    marked: bool = False


@dataclass
class PagerReading:
    """What a page's pager says; each URL field with the rule and raw text it was read from."""

    next_url: tuple[str, str, str] | None = None  # (url, rule, raw)
    prev_url: tuple[str, str, str] | None = None
    page_urls: tuple[list[str], str, str] | None = None
    pages: dict[str, int] = field(default_factory=dict)
    pages_raw: str = ""

    def add(self, other: PagerReading) -> None:
        """Fill what this reading lacks from ``other`` (a weaker source read later)."""
        self.next_url = self.next_url or other.next_url
        self.prev_url = self.prev_url or other.prev_url
        self.page_urls = self.page_urls or other.page_urls
        if other.pages and all(self.pages.get(k, v) == v for k, v in other.pages.items()):
            self.pages = {**other.pages, **self.pages}
            self.pages_raw = self.pages_raw or other.pages_raw

    def values(self) -> dict[str, Harvested]:
        """The reading as harvested metadata (``next_url``, ``prev_url``, ``page_urls``, ``pages``)."""
        found: dict[str, Harvested] = {}
        for name in ("next_url", "prev_url", "page_urls"):
            entry = getattr(self, name)
            if entry:
                value, rule, raw = entry
                found[name] = Harvested(value, rule, raw, RULE_CONFIDENCE[rule])
        if self.pages:
            found["pages"] = Harvested(dict(self.pages), "pager", self.pages_raw, PAGES_CONFIDENCE)
        return found


def read_items(items: list[PagerItem], page_url: str | None, rule: str) -> PagerReading:
    """Read one pager's pieces: labelled next/previous links, the current number and the numbered links."""
    reading = PagerReading()
    reading.next_url = _best(items, next_rank, rule)
    reading.prev_url = _best(items, prev_rank, rule)
    line = " ".join(item.label for item in items)
    numbers = [(int(item.label), item) for item in items if item.label.isdigit() and 0 < int(item.label) <= MAX_PAGES]
    # Links back to the page itself were resolved to no link: an unlinked or marked number is the current page.
    current_numbers = {n for n, item in numbers if item.href is None or item.marked}
    if not is_pager(line) or len(current_numbers) > 1:
        numbers, current_numbers = [], set()
    reading.pages = stated_pages(line) if is_pager(line) else {}
    if len(current_numbers) == 1:
        reading.pages.setdefault("current", next(iter(current_numbers)))
    reading.pages_raw = line if reading.pages else ""
    current = reading.pages.get("current")
    by_number = {n: item.href for n, item in numbers}
    if current:
        for name, n in (("next_url", current + 1), ("prev_url", current - 1)):
            href = by_number.get(n)
            if getattr(reading, name) is None and href:
                setattr(reading, name, (href, "pager number", f"{n} after {current}" if n > current else f"{n}"))
    total = reading.pages.get("total")
    if current and total and set(by_number) == set(range(1, total + 1)) and page_url:
        urls = [page_url if n == current else by_number[n] for n in range(1, total + 1)]
        if all(urls):
            reading.page_urls = ([u for u in urls if u], rule, line)
    return reading


def _best(items: Iterable[PagerItem], rank_of: Callable[[str], int | None], rule: str) -> tuple[str, str, str] | None:
    """The first usable link of the best rank (words before arrows)."""
    best: tuple[int, PagerItem] | None = None
    for item in items:
        rank = rank_of(item.label)
        if rank is not None and item.href and not item.marked and (best is None or rank < best[0]):
            best = (rank, item)
    return (best[1].href or "", rule, best[1].label) if best else None


def _resolve(href: str | None, base: str | None, page_url: str | None) -> str | None:
    """``href`` as an absolute http(s) URL, or ``None`` (scripts, fragments, the page itself, no base)."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(("javascript:", "mailto:", "tel:")):
        return None
    try:
        absolute = urljoin(base, href) if base else href
        scheme = urlsplit(absolute).scheme
    except ValueError:  # a malformed host (``http://中©来源：``) or port
        return None
    if scheme not in ("http", "https") or same_page(absolute, page_url):
        return None
    return absolute


def read_html(tree: etree._Element, url: str | None) -> dict[str, Harvested]:
    """``next_url``, ``prev_url``, ``page_urls`` and ``pages`` from a parsed page (see the module docstring)."""
    base = _base(tree, url)
    page_url = url or None
    reading = _script_pager(tree, base, page_url)
    # a page has hundreds of links and a pager label on a few: each label is read once, the URL only for those
    labels = [(a, fold_label(_text(a))) for a in tree.iter("a")]
    for container in _pager_containers(labels):
        items = list(_container_items(container, base, page_url))
        if any(item.href for item in items):  # a pager of scripts and buttons pages comments or a reward list
            reading.add(read_items(items, page_url, "pager label"))
    labelled = [PagerItem(label, _resolve(a.get("href"), base, page_url), _marked(a)) for a, label in labels
                if next_rank(label) is not None or prev_rank(label) is not None]
    reading.add(read_items(labelled, page_url, "pager label"))
    rel = _rel_links(tree, base, page_url, paged=bool(reading.pages or reading.next_url or reading.prev_url))
    rel.add(reading)
    return rel.values()


def _rel_links(tree: etree._Element, base: str | None, page_url: str | None, *, paged: bool) -> PagerReading:
    """``<link rel=next/prev>`` and ``<a rel=next/prev>``, trusted when the page shows a pager or the link is a
    page of the same URL (blogs mark the adjacent *post* with rel=next: a next article, never a next page)."""
    reading = PagerReading()
    own = {key for key, _ in page_keys(page_url)} if page_url else set()
    for tag in ("link", "a"):
        for element in tree.iter(tag):
            rel = (element.get("rel") or "").lower().split()
            if not {"next", "prev", "previous"} & set(rel):  # rel=nofollow on every link: no URL resolved for them
                continue
            href = _resolve(element.get("href"), base, page_url)
            if not href or not (paged or own & {key for key, _ in page_keys(href)}):
                continue
            if ADJACENT_ITEM.search(f"{element.get('title') or ''} {element.text_content() if tag == 'a' else ''}"):
                continue  # phpBB's <link rel="prev" title="瀏覽上一個主題">: the previous topic, on a URL of this one's
            if "next" in rel and reading.next_url is None:
                reading.next_url = (href, f"{tag} rel", "next")
            elif ("prev" in rel or "previous" in rel) and reading.prev_url is None:
                reading.prev_url = (href, f"{tag} rel", "prev")
    return reading


def read_text_lines(lines: Iterable[str], url: str | None) -> tuple[dict[str, Harvested], set[int]]:
    """The pager read from a text dump's lines that kept their link targets, and the positions of the
    lines that are pagers with their links (C13 removes them)."""
    reading = PagerReading()
    pagers: set[int] = set()
    for position, line in enumerate(lines):
        if "http" not in line and "](" not in line:
            continue
        items = _text_items(line, url)
        if not any(item.href for item in items):
            continue
        found = read_items(items, url, "text link")
        label_line = " ".join(item.label for item in items)
        if is_pager(label_line) or (is_bare_nav(label_line) and (found.next_url or found.prev_url)):
            pagers.add(position)
            reading.add(found)
        elif found.next_url or found.prev_url:
            reading.add(PagerReading(next_url=found.next_url, prev_url=found.prev_url))
    return reading.values(), pagers


def _text_items(line: str, url: str | None) -> list[PagerItem]:
    items: list[PagerItem] = []
    cursor = 0
    for match in TEXT_LINK.finditer(line):
        items.extend(PagerItem(token) for token in _tokens(line[cursor:match.start()]))
        label = match["label"] if match["label"] is not None else match["word"]
        href = match["href"] if match["href"] is not None else match["url"]
        items.append(PagerItem(fold_label(label), _resolve(href, url, url)))
        cursor = match.end()
    items.extend(PagerItem(token) for token in _tokens(line[cursor:]))
    return items


def _tokens(text: str) -> list[str]:
    return [token for token in re.split(r"[\s|]+", fold(text).strip(" [](){}")) if token]


def _base(tree: etree._Element, url: str | None) -> str | None:
    for element in tree.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            return urljoin(url, href) if url else href
    return url


def _script_pager(tree: etree._Element, base: str | None, page_url: str | None) -> PagerReading:
    """TRS WCM's pager, written by a script: ``createPageHTML(count, index, "name", "ext")``; page
    ``index`` 0 is ``name.ext``, page ``i`` is ``name_i.ext``."""
    reading = PagerReading()
    for script in tree.iter("script"):
        match = SCRIPT_PAGER.search(script.text or "")
        if not match or not base:
            continue
        count, index = int(match["count"]), int(match["index"])
        if not 0 <= index < count <= MAX_PAGES or count == 1:  # one page: the script prints no pager
            continue
        urls = [urljoin(base, f"{match['name']}{'' if i == 0 else f'_{i}'}.{match['ext']}") for i in range(count)]
        raw = match.group()
        if index + 1 < count:
            reading.next_url = (urls[index + 1], "script pager", raw)
        if index > 0:
            reading.prev_url = (urls[index - 1], "script pager", raw)
        reading.page_urls = (urls, "script pager", raw)
        reading.pages, reading.pages_raw = {"current": index + 1, "total": count}, raw
        break
    return reading


def _pager_containers(labels: Iterable[tuple[etree._Element, str]]) -> Iterator[etree._Element]:
    """Elements that hold a pager: the highest ancestor (a few levels up, short) of a numbered or labelled
    link (``labels``: the page's links with their folded text) whose whole text is pager words, numbers and
    separators."""
    seen: set[etree._Element] = set()
    for anchor, label in labels:
        if not (label.isdigit() or next_rank(label) is not None or prev_rank(label) is not None):
            continue
        found = None
        element = anchor.getparent()
        for _ in range(CONTAINER_LEVELS):  # a link's own wrapper (``<li>2</li>``) is no pager yet: climb past it
            if element is None or element.tag in ("body", "html"):
                break
            text = " ".join(fold(_text(element)).split())
            if len(text) > CONTAINER_MAX_CHARS:
                break
            if is_pager(text):
                found = element
            element = element.getparent()
        if found is not None and found not in seen:
            seen.add(found)
            yield found


def _container_items(container: etree._Element, base: str | None, page_url: str | None) -> Iterator[PagerItem]:
    """The pager's links and loose words in reading order (an unlinked number is the current page)."""
    if container.text:
        yield from (PagerItem(token) for token in _tokens(container.text))
    for child in container:
        if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
            if child.tag == "a":
                yield PagerItem(fold_label(_text(child)), _resolve(child.get("href"), base, page_url), _marked(child))
            elif _marked(child) and fold_label(_text(child)).isdigit():
                yield PagerItem(fold_label(_text(child)), None, True)
            else:
                yield from _container_items(child, base, page_url)
        if child.tail:
            yield from (PagerItem(token) for token in _tokens(child.tail))


def _marked(element: etree._Element) -> bool:
    return bool(MARKED_CLASS.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())
