"""One frozen ``Config`` for everything a cleaning run can be told.

Values come from, in increasing priority: the defaults below, a TOML file
(``[tool.cleanpage]`` in ``pyproject.toml`` or the top level of
``cleanpage.toml``), then keyword arguments to :func:`cleanpage.clean` or CLI
flags. Detectors and repairs are switched off by name (``disable``); optional
ones are switched on by name (``enable``).
"""

from __future__ import annotations

import dataclasses
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

EncodingDetector = Callable[[bytes], "str | None"]

KINDS = ("auto", "html", "text")
CAPTION_POLICIES = ("move", "drop", "keep")
FORUM_POLICIES = ("all", "first")
WIDTH_POLICIES = ("none", "digits_letters")
OPENCC_CONFIGS = ("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "t2hk", "t2jp", "jp2t")


@dataclass(frozen=True)
class SiteRule:
    """Extra removals for one site, written without code.

    ``host`` matches the page URL's host or any parent domain of it.
    ``drop_patterns`` are regular expressions searched in each block; a block
    that matches is dropped. ``drop_selectors`` are CSS selectors removed from
    HTML before extraction.
    """

    host: str
    drop_patterns: tuple[str, ...] = ()
    drop_selectors: tuple[str, ...] = ()

    def applies_to(self, host: str | None) -> bool:
        if not host:
            return False
        host = host.lower()
        return host == self.host or host.endswith("." + self.host)


@dataclass(frozen=True)
class Config:
    """Settings of a cleaning run. Immutable: use :meth:`replace` to derive one."""

    kind: str = "auto"
    """``auto`` (sniffed), ``html`` or ``text`` (a plain-text dump)."""
    captions: str = "move"
    """Photo captions: ``move`` to ``metadata.captions``, ``drop``, or ``keep`` in the body."""
    convert: str | None = None
    """OpenCC conversion of the output (``t2s``, ``s2t``, ``s2tw``, ``tw2s``, ``s2hk``...)."""
    disable: tuple[str, ...] = ()
    """Detectors and repairs switched off, by name."""
    enable: tuple[str, ...] = ()
    """Optional detectors and repairs switched on, by name."""
    drop_patterns: tuple[str, ...] = ()
    """Regular expressions: a block whose text matches one is dropped (detector ``user_rules``)."""
    keep_patterns: tuple[str, ...] = ()
    """Regular expressions: a block whose text matches one is never dropped."""
    drop_selectors: tuple[str, ...] = ()
    """CSS selectors removed from HTML input before extraction."""
    site_rules: tuple[SiteRule, ...] = ()
    """Per-site ``drop_patterns``/``drop_selectors``."""
    forum_posts: str = "all"
    """A forum thread's body: ``all`` its posts in order (the gold convention), or ``first`` the opening post only."""
    links: bool = False
    """Write link targets into ``Document.text`` as ``[text](href)`` (they are always in ``blocks`` and Markdown)."""
    images: bool = False
    """Write the main content's images into ``Document.text`` as ``![alt](src)`` (always in ``blocks`` and Markdown)."""
    normalize_width: str = "none"
    """``digits_letters`` turns full-width digits and Latin letters half-width; punctuation is never touched."""
    max_input_bytes: int = 64 * 1024 * 1024
    """Inputs larger than this raise :class:`~cleanpage.errors.InputTooLargeError`."""
    timeout: float | None = None
    """Seconds one page may take; enforced by the batch and CLI paths."""
    encoding_detector: EncodingDetector | str | None = field(default=None, compare=False)
    """A callable ``bytes -> encoding name | None`` (or ``"module:function"``) used after the declared charsets fail."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ConfigError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if self.captions not in CAPTION_POLICIES:
            raise ConfigError(f"captions must be one of {CAPTION_POLICIES}, not {self.captions!r}")
        if self.forum_posts not in FORUM_POLICIES:
            raise ConfigError(f"forum_posts must be one of {FORUM_POLICIES}, not {self.forum_posts!r}")
        if self.convert is not None and self.convert.removesuffix(".json") not in OPENCC_CONFIGS:
            raise ConfigError(f"convert must be one of {OPENCC_CONFIGS}, not {self.convert!r}")
        if self.normalize_width not in WIDTH_POLICIES:
            raise ConfigError(f"normalize_width must be one of {WIDTH_POLICIES}, not {self.normalize_width!r}")
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive")
        if self.timeout is not None and self.timeout <= 0:
            raise ConfigError("timeout must be positive")
        for pattern in (*self.drop_patterns, *self.keep_patterns, *(p for r in self.site_rules for p in r.drop_patterns)):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(f"invalid pattern {pattern!r}: {exc}") from exc

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied; unknown names raise :class:`ConfigError`."""
        if not changes:
            return self
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ConfigError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return dataclasses.replace(self, **_coerce(changes))

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Config:
        return cls().replace(**dict(values))

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        """Read ``[tool.cleanpage]`` from a ``pyproject.toml``, or the top level of any other TOML file."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("cleanpage", {})
        return cls.from_mapping(data)

    @classmethod
    def discover(cls, start: str | Path = ".") -> Config:
        """The config of the nearest ``cleanpage.toml`` or ``pyproject.toml`` with a ``[tool.cleanpage]`` table."""
        folder = Path(start).resolve()
        for candidate_dir in (folder, *folder.parents):
            own = candidate_dir / "cleanpage.toml"
            if own.is_file():
                return cls.from_toml(own)
            pyproject = candidate_dir / "pyproject.toml"
            if pyproject.is_file() and "[tool.cleanpage" in pyproject.read_text(encoding="utf-8", errors="replace"):
                return cls.from_toml(pyproject)
        return cls()

    def is_enabled(self, name: str, *, default: bool = True) -> bool:
        if name in self.disable:
            return False
        return default or name in self.enable

    def patterns_for(self, host: str | None) -> tuple[str, ...]:
        return self.drop_patterns + tuple(p for rule in self.site_rules if rule.applies_to(host) for p in rule.drop_patterns)

    def selectors_for(self, host: str | None) -> tuple[str, ...]:
        return self.drop_selectors + tuple(s for rule in self.site_rules if rule.applies_to(host) for s in rule.drop_selectors)

    def resolved_encoding_detector(self) -> EncodingDetector | None:
        detector = self.encoding_detector
        if detector is None or callable(detector):
            return detector
        module_name, _, attr = detector.partition(":")
        try:
            resolved = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"cannot import encoding_detector {detector!r}: {exc}") from exc
        if not callable(resolved):
            raise ConfigError(f"encoding_detector {detector!r} is not callable")
        return cast(EncodingDetector, resolved)


_TUPLE_FIELDS = {"disable", "enable", "drop_patterns", "keep_patterns", "drop_selectors"}


def _coerce(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Accept lists and single strings where tuples are stored, and tables for ``site_rules``."""
    out = dict(changes)
    for name in _TUPLE_FIELDS & out.keys():
        value = out[name]
        out[name] = (value,) if isinstance(value, str) else tuple(value or ())
    if "site_rules" in out:
        out["site_rules"] = tuple(_site_rule(rule) for rule in _site_rule_items(out["site_rules"]))
    return out


def _site_rule_items(value: Any) -> Iterable[Any]:
    if isinstance(value, Mapping):  # {"example.com": {"drop_patterns": [...]}}
        return [{"host": host, **dict(rule)} for host, rule in value.items()]
    return value or ()


def _site_rule(value: Any) -> SiteRule:
    if isinstance(value, SiteRule):
        return value
    if not isinstance(value, Mapping) or "host" not in value:
        raise ConfigError(f"a site rule needs a host: {value!r}")
    return SiteRule(
        host=str(value["host"]).lower(),
        drop_patterns=tuple(value.get("drop_patterns", ())),
        drop_selectors=tuple(value.get("drop_selectors", ())),
    )
