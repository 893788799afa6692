"""Site profiles: a site's chrome learned from many of its pages.

Chrome is what repeats across the pages of a site; the article is what does
not (chrome catalogue §2.4, style E). :func:`learn_profile` segments each page
exactly as :meth:`cleanpage.Cleaner.clean` does (decode, segment, repair: no
detectors), fingerprints every block and counts on how many *distinct* pages
each fingerprint appears, in which zone (HEAD, BODY, TAIL as defined by
:class:`cleanpage.page.Page`) and at which relative position. The result, a
:class:`SiteProfile`, is saved and loaded as versioned JSON and handed to
``cleanpage.clean(..., profile=...)``, where the ``site_profile`` detector
uses it.

A fingerprint is the folded shadow of a block without whitespace or
zero-width characters, every digit run replaced by ``0``, hashed: ``阅读 1234``
and ``阅读 87`` share one. Pages are counted once per article: a page whose
body repeats one already seen (the same article crawled twice, or a near copy
sharing most of its body sentences) is skipped, so an article's own lines
cannot look like template.

Learning is one pass, linear in the number of pages; only fingerprints seen on
at least two distinct pages (and on ``policy.record_share`` of them) are kept.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .config import Config
from .document import Block
from .errors import CleanpageError, ConfigError, InputError
from .page import Page
from .pipeline import Cleaner, Source
from .shadow import fold

SCHEMA = "cleanpage-site-profile"
SCHEMA_VERSION = 1

INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\u00ad]+")
DIGIT_RUN = re.compile(r"[0-9]+")
# Lines that carry metadata: a meta label followed by a colon (C03), or a date.
META_LABEL = re.compile(
    r"(?:来源|稿源|出处|作者|记者|通讯员|编辑|责编|责任编辑|编审|审核|校对|摄影|撰文|发布|发表|发布时间|发布日期|更新时间|"
    r"时间|日期|浏览|阅读|点击|评论|原标题|转载|供稿|文章来源|信息来源|新闻来源)\s*[:﹕∶︰]"
)
DATE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-/.年]\s*[01]?\d\s*[-/.月]\s*[0-3]?\d(?!\d)|(?<!\d)[01]?\d月[0-3]?\d日|(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")
NEAR_DUPLICATE_SHARE = 0.5  # a page sharing more than half its body sentences with one earlier page is a copy of it


def fingerprint(text: str) -> str:
    """The style-E fingerprint of a line: folded, no whitespace, digit runs as ``0``, hashed (16 hex digits)."""
    compact = DIGIT_RUN.sub("0", INVISIBLE.sub("", fold(text)))
    return hashlib.blake2b(compact.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def carries_metadata(text: str) -> bool:
    """True for label lines (``来源：``, ``发布时间：``...) and dated lines: their values belong in metadata."""
    shadow = fold(text)
    return bool(META_LABEL.search(shadow) or DATE.search(shadow))


@dataclass(frozen=True)
class ProfilePolicy:
    """When a profile's evidence is enough to drop a block (chrome catalogue §2.4 and §5 item 18).

    ``min_pages``: distinct pages a profile needs before it is used at all.
    ``edge_share``: share of pages a fingerprint must recur on to be dropped in HEAD or TAIL.
    ``body_share``: share needed inside BODY, where sentence-like blocks are never dropped.
    ``record_share``: rarer fingerprints are not stored (keeps profiles small).
    """

    min_pages: int = 5
    edge_share: float = 0.3
    body_share: float = 0.8
    record_share: float = 0.1

    def __post_init__(self) -> None:
        if self.min_pages < 2:
            raise ConfigError("profile min_pages must be at least 2")
        for name in ("edge_share", "body_share", "record_share"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"profile {name} must be in (0, 1], not {value!r}")

    def needed(self, share: float, pages: int) -> int:
        """Distinct pages a fingerprint must recur on, out of ``pages``: never fewer than two."""
        return max(2, math.ceil(share * pages - 1e-9))


@dataclass
class ProfileEntry:
    """One recurring block of a site.

    ``pages``: distinct pages it appears on; ``head``/``body``/``tail``: on how
    many of them it sat in that zone (its first occurrence on the page);
    ``position``: mean relative position (0 = top, 1 = bottom); ``meta``: it
    carries metadata; ``sample``: its text on one page; ``path``: its DOM path
    there (HTML only).
    """

    pages: int
    head: int
    body: int
    tail: int
    position: float
    meta: bool
    sample: str
    path: str | None = None

    @property
    def edge(self) -> int:
        return self.head + self.tail


@dataclass
class SiteProfile:
    """The learned chrome of one site: fingerprint -> :class:`ProfileEntry`, plus how much evidence there is.

    ``pages`` counts distinct pages (after dropping repeated articles), ``seen``
    every page given, ``duplicates`` the pages skipped as copies of another,
    ``errors`` why unreadable pages were skipped.
    """

    site: str | None
    pages: int
    seen: int = 0
    duplicates: int = 0
    entries: dict[str, ProfileEntry] = field(default_factory=dict)
    policy: ProfilePolicy = field(default_factory=ProfilePolicy)
    errors: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return self.pages >= self.policy.min_pages

    def entry(self, text: str) -> ProfileEntry | None:
        return self.entries.get(fingerprint(text))

    def with_policy(self, **changes: Any) -> SiteProfile:
        """A copy whose policy has ``changes`` applied (``min_pages=3``...)."""
        return replace(self, policy=replace(self.policy, **changes))

    # -- JSON ------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "site": self.site,
            "pages": self.pages,
            "seen": self.seen,
            "duplicates": self.duplicates,
            "policy": asdict(self.policy),
            "errors": self.errors,
            "entries": {fp: asdict(entry) for fp, entry in sorted(self.entries.items(),
                                                                   key=lambda item: (-item[1].pages, item[0]))},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SiteProfile:
        if data.get("schema") != SCHEMA:
            raise ProfileError(f"not a cleanpage site profile (schema {data.get('schema')!r})")
        if data.get("version") != SCHEMA_VERSION:
            raise ProfileError(f"site profile version {data.get('version')!r} is not supported (expected {SCHEMA_VERSION})")
        try:
            entry_fields = {f.name for f in fields(ProfileEntry)}
            entries = {str(fp): ProfileEntry(**{k: v for k, v in value.items() if k in entry_fields})
                       for fp, value in dict(data.get("entries", {})).items()}
            return cls(site=data.get("site"), pages=int(data["pages"]), seen=int(data.get("seen", 0)),
                       duplicates=int(data.get("duplicates", 0)), entries=entries,
                       policy=ProfilePolicy(**dict(data.get("policy", {}))),
                       errors=[str(e) for e in data.get("errors", [])])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ProfileError(f"malformed site profile: {exc}") from exc

    def to_json(self, *, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.to_json() + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProfileError(f"cannot read site profile {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise ProfileError(f"{path}: a site profile is a JSON object")
        return cls.from_dict(data)


class ProfileError(CleanpageError, ValueError):
    """A site profile file is missing, malformed or of an unsupported version."""


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


def site_of(url_or_path: str | os.PathLike[str]) -> str:
    """The site key of a URL (lower-case host without ``www.``) or of a file (its folder name)."""
    text = os.fspath(url_or_path)
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        host = (urlsplit(text).hostname or "").lower()
        return host.removeprefix("www.")
    return Path(text).parent.name


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


def profile_filename(site: str) -> str:
    """A safe file name for a site's profile."""
    return (re.sub(r"[^\w.-]+", "_", site).strip("._") or "_") + ".json"


def save_profiles(profiles: Mapping[str, SiteProfile], directory: str | Path) -> list[Path]:
    """Write one ``<site>.json`` per profile into ``directory`` (created if needed)."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    return [profile.save(folder / profile_filename(site)) for site, profile in sorted(profiles.items())]


def load_profiles(directory: str | Path) -> dict[str, SiteProfile]:
    """Every profile in ``directory``, keyed by the site recorded inside each file."""
    folder = Path(directory)
    if not folder.is_dir():
        raise ProfileError(f"profile directory {folder} does not exist")
    loaded: dict[str, SiteProfile] = {}
    for file in sorted(folder.glob("*.json")):
        profile = SiteProfile.load(file)
        loaded[profile.site if profile.site is not None else file.stem] = profile
    return loaded


def profile_for(url_or_path: str | os.PathLike[str] | None, profiles: Mapping[str, SiteProfile]) -> SiteProfile | None:
    """The profile of the site a page belongs to: its host, then parent domains; or its folder for files."""
    if url_or_path is None:
        return None
    return _lookup(site_of(url_or_path), profiles, host="://" in os.fspath(url_or_path))


def profile_for_record(record: PageRecord, profiles: Mapping[str, SiteProfile], group_by: str = "auto") -> SiteProfile | None:
    """The profile of a bulk-run page, found by the same key :func:`learn_profiles` grouped it under."""
    if group_by == "host" and not (record.url or page_url(record.source)):
        return None
    key = record.site(group_by)
    return _lookup(key, profiles, host=bool(record.url or (group_by != "folder" and page_url(record.source))))


def _lookup(key: str, profiles: Mapping[str, SiteProfile], *, host: bool) -> SiteProfile | None:
    while key:
        if key in profiles:
            return profiles[key]
        parent = key.split(".", 1)[1] if host and "." in key else ""
        key = parent if "." in parent else ""  # never fall back to a bare top-level domain
    return None
