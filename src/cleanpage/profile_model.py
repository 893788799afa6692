"""The site-profile model: what a learned profile holds, its JSON file, and finding a page's profile.

Kept apart from the learner (:mod:`cleanpage.profiles`, which runs the pipeline to segment pages) so
that :class:`cleanpage.page.Page`, the pipeline and the ``site_profile`` detector can hold and read a
:class:`SiteProfile` without importing the pipeline: the model needs nothing but the shadow.

A fingerprint is the folded shadow of a block without whitespace or zero-width characters, every
digit run replaced by ``0``, hashed: ``阅读 1234`` and ``阅读 87`` share one.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import CleanpageError, ConfigError
from .shadow import fold

SCHEMA = "cleanpage-site-profile"
SCHEMA_VERSION = 1

INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\u00ad]+")
DIGIT_RUN = re.compile(r"[0-9]+")


def fingerprint(text: str) -> str:
    """The style-E fingerprint of a line: folded, no whitespace, digit runs as ``0``, hashed (16 hex digits)."""
    compact = DIGIT_RUN.sub("0", INVISIBLE.sub("", fold(text)))
    return hashlib.blake2b(compact.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


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


def site_of(url_or_path: str | os.PathLike[str]) -> str:
    """The site key of a URL (lower-case host without ``www.``) or of a file (its folder name)."""
    text = os.fspath(url_or_path)
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        host = (urlsplit(text).hostname or "").lower()
        return host.removeprefix("www.")
    return Path(text).parent.name


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
    return profile_by_key(site_of(url_or_path), profiles, host="://" in os.fspath(url_or_path))


def profile_by_key(key: str, profiles: Mapping[str, SiteProfile], *, host: bool) -> SiteProfile | None:
    """The profile stored under site ``key``, else under its parent domains when ``key`` is a ``host``."""
    while key:
        if key in profiles:
            return profiles[key]
        parent = key.split(".", 1)[1] if host and "." in key else ""
        key = parent if "." in parent else ""  # never fall back to a bare top-level domain
    return None
