"""Learning site profiles: a site's chrome learned from many of its pages.

Chrome is what repeats across the pages of a site; the article is what does
not (chrome catalogue §2.4, style E). :func:`learn_profile` segments each page
exactly as :meth:`cleanpage.Cleaner.clean` does (decode, segment, repair: no
detectors), fingerprints every block and counts on how many *distinct* pages
each fingerprint appears, in which zone (HEAD, BODY, TAIL as defined by
:class:`cleanpage.page.Page`) and at which relative position. The result, a
:class:`~cleanpage.profile_model.SiteProfile` (the model, its JSON file and the
lookup of a page's profile live in :mod:`cleanpage.profile_model`, which does not
need the pipeline), is handed to ``cleanpage.clean(..., profile=...)``, where the
``site_profile`` detector uses it.

Blocks are counted by their :func:`~cleanpage.profile_model.fingerprint`.
Pages are counted once per article: a page whose body repeats one already seen
(the same article crawled twice, or a near copy sharing most of its body
sentences) is skipped, so an article's own lines cannot look like template.

Learning is one pass, linear in the number of pages; only fingerprints seen on
at least two distinct pages (and on ``policy.record_share`` of them) are kept.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .dates import mentions_date
from .detectors._labels import labelled_fields
from .document import Block
from .errors import CleanpageError, ConfigError, InputError
from .lexicon import LABELS
from .page import Page
from .pipeline import Cleaner, Source
from .profile_model import ProfileEntry, ProfilePolicy, SiteProfile, fingerprint, profile_by_key, site_of
from .shadow import fold

# Label lines whose value is metadata; tool buttons (``分享：``) and a text's length (``字数：``) are not.
META_FIELDS = frozenset(LABELS) - {"tool", "length"}
NEAR_DUPLICATE_SHARE = 0.5  # a page sharing more than half its body sentences with one earlier page is a copy of it


def carries_metadata(text: str) -> bool:
    """True for label lines (``来源：``, ``发布时间：``...) and dated lines: their values belong in metadata.

    Labels are the meta-line detector's lexicon, found by its rule (:func:`labelled_fields`), and dates the
    date grammar's (:func:`mentions_date`), so the ``site_profile`` detector keeps exactly the lines those
    readers take metadata from.
    """
    return not META_FIELDS.isdisjoint(labelled_fields(fold(text))) or mentions_date(text)


# -- learning ------------------------------------------------------------------------------------
@dataclass
class _Stats:
    pages: int = 0
    zones: list[int] = field(default_factory=lambda: [0, 0, 0])
    position: float = 0.0
    sample: str = ""
    path: str | None = None


class ProfileLearner:
    """Learns one site's profile a page at a time (what :func:`learn_profile` runs).

    Memory is one small record per distinct fingerprint; the first sighting is
    kept as a packed ``(zone, position)`` and promoted to full statistics on the
    second, since most fingerprints are article lines seen once.
    """

    def __init__(self, site: str | None = None, *, config: Config | None = None,
                 policy: ProfilePolicy | None = None, cleaner: Cleaner | None = None) -> None:
        self.site = site
        self.policy = policy or ProfilePolicy()
        self.cleaner = cleaner or Cleaner(config)
        self.seen = 0
        self.pages = 0
        self.duplicates = 0
        self.errors: list[str] = []
        self._bodies: set[str] = set()
        self._sentence_owner: dict[str, int] = {}  # body sentence -> the one page it is on, -1 once on several
        self._first: dict[str, tuple[int, float]] = {}
        self._stats: dict[str, _Stats] = {}

    def add(self, source: Source, *, url: str | None = None) -> bool:
        """Count one page; False when it was skipped as a copy of an earlier page or could not be read."""
        self.seen += 1
        try:
            blocks = self.cleaner.segment(source, url=url).blocks
        except CleanpageError as exc:
            self.errors.append(f"{url or 'page ' + str(self.seen)}: {exc}")
            return False
        return self.add_blocks(blocks)

    def add_blocks(self, blocks: list[Block]) -> bool:
        """Count one already segmented page (see :meth:`add`)."""
        if not blocks:
            return False
        page = Page(blocks, config=self.cleaner.config)
        prints = [fingerprint(block.text) for block in blocks]
        first, last = page.first_body, page.last_body
        body = prints[first:last + 1] if first <= last else prints
        body_key = hashlib.blake2b("\n".join(body).encode(), digest_size=12).hexdigest()
        sentences = list(dict.fromkeys(prints[i] for i in range(first, last + 1) if page.features(blocks[i]).sentence_like))
        if body_key in self._bodies or self._near_copy(sentences):
            self.duplicates += 1
            return False
        self._bodies.add(body_key)
        page_id = self.pages
        self.pages += 1
        for fp in sentences:
            self._sentence_owner[fp] = page_id if fp not in self._sentence_owner else -1
        counted: set[str] = set()
        last_index = max(len(blocks) - 1, 1)
        for i, (fp, block) in enumerate(zip(prints, blocks, strict=True)):
            if fp in counted:
                continue
            counted.add(fp)
            zone = 0 if i < first else (2 if i > last else 1)
            self._count(fp, zone, i / last_index, block)
        return True

    def _near_copy(self, sentences: list[str]) -> bool:
        """More than half of the page's body sentences are on one earlier page, and at least two of them.

        Sentences already seen on several pages do not vote: they are a
        series' standing text, not evidence that this article was seen before.
        """
        votes = Counter(owner for fp in sentences if (owner := self._sentence_owner.get(fp, -1)) >= 0)
        if not votes:
            return False
        best = votes.most_common(1)[0][1]
        return best >= 2 and best > NEAR_DUPLICATE_SHARE * len(sentences)

    def _count(self, fp: str, zone: int, position: float, block: Block) -> None:
        stats = self._stats.get(fp)
        if stats is None:
            earlier = self._first.pop(fp, None)
            if earlier is None:
                self._first[fp] = (zone, position)
                return
            stats = self._stats[fp] = _Stats(sample=block.text, path=block.path)
            stats.pages, stats.position = 1, earlier[1]
            stats.zones[earlier[0]] += 1
        stats.pages += 1
        stats.zones[zone] += 1
        stats.position += position

    def profile(self) -> SiteProfile:
        """The profile of everything added so far."""
        floor = self.policy.needed(self.policy.record_share, self.pages)
        entries = {
            fp: ProfileEntry(pages=s.pages, head=s.zones[0], body=s.zones[1], tail=s.zones[2],
                             position=round(s.position / s.pages, 3), meta=carries_metadata(s.sample),
                             sample=s.sample, path=s.path)
            for fp, s in self._stats.items() if s.pages >= floor
        }
        return SiteProfile(site=self.site, pages=self.pages, seen=self.seen, duplicates=self.duplicates,
                           entries=entries, policy=self.policy, errors=list(self.errors))


PageInput = Source | tuple[Source, "str | None"]


def learn_profile(pages: Iterable[PageInput], *, site: str | None = None, config: Config | None = None,
                  policy: ProfilePolicy | None = None) -> SiteProfile:
    """Learn the chrome of one site from its pages.

    Each page is raw bytes, decoded HTML or a text dump, or a ``(source, url)``
    pair. Pages are segmented like :func:`cleanpage.clean` segments them
    (``config`` decides how, e.g. ``kind``); detectors do not run.
    """
    learner = ProfileLearner(site, config=config, policy=policy)
    for item in pages:
        source, url = item if isinstance(item, tuple) else (item, None)
        learner.add(source, url=url)
    return learner.profile()


# -- many sites ----------------------------------------------------------------------------------
CANONICAL_URL = re.compile(
    rb"<link[^>]+rel=[\"']?canonical[\"']?[^>]+href=[\"']?(https?://[^\"'\s>]+)"
    rb"|<link[^>]+href=[\"']?(https?://[^\"'\s>]+)[\"']?[^>]+rel=[\"']?canonical"
    rb"|<meta[^>]+property=[\"']og:url[\"'][^>]+content=[\"'](https?://[^\"'\s>]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageRecord:
    """One page of a bulk run: its content, where it came from, and the site it belongs to."""

    source: Source
    url: str | None = None
    path: str | None = None

    def site(self, group_by: str = "auto") -> str:
        """``host`` of the URL (read from the page's canonical link when not given), else the folder."""
        url = self.url or (None if group_by == "folder" else page_url(self.source))
        if group_by != "folder" and url:
            return site_of(url)
        if group_by == "host" and not url:
            raise InputError(f"{self.path or 'page'}: no URL to group by host")
        return Path(self.path).parent.name if self.path else ""


def page_url(source: Source) -> str | None:
    """The canonical (or ``og:url``) address an HTML page declares about itself, if any."""
    head = bytes(source[:65536]) if not isinstance(source, str) else source[:65536].encode("utf-8", "replace")
    match = CANONICAL_URL.search(head)
    if not match:
        return None
    return next(g for g in match.groups() if g).decode("ascii", "replace")


GroupBy = str | Callable[[PageRecord], str]


def learn_profiles(inputs: Iterable[str | os.PathLike[str] | PageRecord | Mapping[str, Any]], *,
                   group_by: GroupBy = "auto", config: Config | None = None,
                   policy: ProfilePolicy | None = None) -> dict[str, SiteProfile]:
    """Learn one profile per site from many pages, in one pass.

    ``inputs`` are file paths (folders are walked for ``*.htm*``/``*.txt``),
    :class:`PageRecord` s, or mappings with ``url``/``path`` and the content in
    ``source``, ``html`` or ``text``. ``group_by`` is ``"auto"`` (URL host,
    else folder), ``"host"``, ``"folder"`` or a function of the record.
    """
    if isinstance(group_by, str) and group_by not in ("auto", "host", "folder"):
        raise ConfigError(f"group_by must be 'auto', 'host', 'folder' or a function, not {group_by!r}")
    cleaner = Cleaner(config)
    learners: dict[str, ProfileLearner] = {}
    for record in _records(inputs):
        site = group_by(record) if callable(group_by) else record.site(group_by)
        learner = learners.get(site)
        if learner is None:
            learner = learners[site] = ProfileLearner(site, policy=policy, cleaner=cleaner)
        learner.add(record.source, url=record.url)
    return {site: learner.profile() for site, learner in learners.items()}


PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")


def _records(inputs: Iterable[str | os.PathLike[str] | PageRecord | Mapping[str, Any]]) -> Iterable[PageRecord]:
    for item in inputs:
        if isinstance(item, PageRecord):
            yield item
        elif isinstance(item, Mapping):
            content = next((item[k] for k in ("source", "html", "text") if item.get(k) is not None), None)
            if content is None:
                raise InputError(f"record has no source/html/text: {sorted(item)}")
            yield PageRecord(content, item.get("url"), item.get("path"))
        else:
            path = Path(item)
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES) if path.is_dir() else [path]
            for file in files:
                try:
                    yield PageRecord(file.read_bytes(), None, str(file))
                except OSError as exc:
                    raise InputError(f"cannot read {file}: {exc}") from exc


def profile_for_record(record: PageRecord, profiles: Mapping[str, SiteProfile], group_by: str = "auto") -> SiteProfile | None:
    """The profile of a bulk-run page, found by the same key :func:`learn_profiles` grouped it under."""
    if group_by == "host" and not (record.url or page_url(record.source)):
        return None
    key = record.site(group_by)
    return profile_by_key(key, profiles, host=bool(record.url or (group_by != "folder" and page_url(record.source))))
