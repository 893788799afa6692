"""One frozen ``Config`` for everything a cleaning run can be told.

Values come from, in increasing priority: the defaults below, a TOML file
(``[tool.cleanpage]`` in ``pyproject.toml`` or the top level of
``cleanpage.toml``), then keyword arguments to :func:`cleanpage.clean` or CLI
flags. Detectors and repairs are switched off by name (``disable``); optional
ones are switched on by name (``enable``).

Every way in (TOML, ``Config(...)``, :meth:`Config.replace`, keyword options)
goes through one validation driven by the dataclass fields and their types: a
misspelt key or a value of the wrong type is a :class:`ConfigError` naming the
key, where it came from (the file and line where known) and the closest valid
name, never a silently ignored setting.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import importlib
import re
import sys
import types
import typing
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
    that matches is dropped. ``drop_selectors`` are CSS selectors; the HTML
    blocks inside a matched element are dropped.
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
    """CSS selectors: the HTML blocks inside a matched element are dropped (after the page's own choices)."""
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

    def __new__(cls, *args: Any, **kwargs: Any) -> Config:
        # Runs before the generated ``__init__``, which would reject a misspelt keyword with a bare TypeError.
        _reject_unknown(kwargs, _field_names(cls), Origin("Config(...)"))
        return super().__new__(cls)

    def __post_init__(self) -> None:
        for name, value in _checked(_field_values(self), Origin("Config(...)")).items():
            object.__setattr__(self, name, value)  # lists become tuples, site rule tables SiteRules
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
        """A copy with ``changes`` applied; unknown names and wrong types raise :class:`ConfigError`."""
        return self.with_values(changes, Origin("keyword options"))

    def with_values(self, changes: Mapping[str, Any], origin: Origin) -> Config:
        """A copy with ``changes`` applied, errors naming ``origin`` (a file and its lines, or an API call)."""
        if not changes:
            return self
        _reject_unknown(changes, _field_names(type(self)), origin)
        try:
            return dataclasses.replace(self, **_checked(changes, origin))
        except ConfigError as exc:
            if str(exc).startswith(origin.name):
                raise
            # A value check of ``__post_init__``: its message opens with the field's name.
            key = next((name for name in changes if str(exc).startswith(f"{name} ")), None)
            raise ConfigError(f"{origin.at(key) if key else origin.name}: {exc}") from exc

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], origin: Origin | None = None) -> Config:
        return cls().with_values(values, origin or Origin("mapping"))

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        """Read ``[tool.cleanpage]`` from a ``pyproject.toml``, or the top level of any other TOML file."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("cleanpage", {})
        return cls.from_mapping(data, Origin(str(path), text))

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


@dataclass(frozen=True)
class Origin:
    """Where configuration values came from, for error messages: a file (with its text, to find a key's line) or a call."""

    name: str
    text: str | None = None

    def at(self, key: str) -> str:
        """``name``, with the line of the first ``key =`` in the file when there is one."""
        if self.text is not None:
            found = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=|[{{,][ \t]*{re.escape(key)}[ \t]*=",
                              self.text, re.MULTILINE)
            if found:
                return f"{self.name} line {self.text.count(chr(10), 0, found.start()) + 1}"
        return self.name


def _field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def _field_values(instance: Any) -> dict[str, Any]:
    return {f.name: getattr(instance, f.name) for f in dataclasses.fields(instance)}


def _reject_unknown(values: Mapping[str, Any], known: list[str], origin: Origin, within: str = "option",
                    place: str = "") -> None:
    """A :class:`ConfigError` for the first key not in ``known``, with the closest known name."""
    for key in values:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(sorted(known))}"
            raise ConfigError(f"{origin.at(str(key))}: unknown {within} {key!r}{place}{hint}")


def _checked(values: Mapping[str, Any], origin: Origin) -> dict[str, Any]:
    """``values`` converted to the stored forms (lists to tuples, tables to :class:`SiteRule`) and type-checked
    against the field annotations, so a field added to :class:`Config` is checked without code of its own."""
    hints = _type_hints()
    out = {}
    for name, value in values.items():
        if name == "site_rules":
            value = tuple(_site_rule(rule, n, origin) for n, rule in enumerate(_site_rule_items(value, origin)))
        value = _stored_form(value, hints[name])
        if not _is_instance(value, hints[name]):
            raise ConfigError(f"{origin.at(name)}: {name} must be {_describe(hints[name])}, "
                              f"not {type(value).__name__} {value!r}")
        out[name] = value
    return out


@functools.cache
def _type_hints() -> dict[str, Any]:
    return typing.get_type_hints(Config, localns={"EncodingDetector": EncodingDetector})


def _stored_form(value: Any, hint: Any) -> Any:
    """Lists (and a single string) where a tuple is stored: TOML and JSON have no tuples."""
    if typing.get_origin(hint) is tuple:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(value)
    return value


def _is_instance(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return any(_is_instance(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return isinstance(value, tuple) and all(_is_instance(v, item) for v in value)
    if origin is not None and origin.__module__ == "collections.abc" and origin.__name__ == "Callable":
        return callable(value)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return " or ".join(_describe(arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return "None"
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return "a list of " + {str: "strings", SiteRule: "site rule tables"}.get(item, _describe(item))
    if origin is not None:
        return "a callable"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false"}.get(hint, hint.__name__)


def _site_rule_items(value: Any, origin: Origin) -> Iterable[Any]:
    if isinstance(value, Mapping):  # {"example.com": {"drop_patterns": [...]}}
        return [{"host": host, **dict(rule)} if isinstance(rule, Mapping) else rule for host, rule in value.items()]
    if isinstance(value, (list, tuple)):
        return value
    raise ConfigError(f"{origin.at('site_rules')}: site_rules must be a list of tables, not {type(value).__name__}")


def _site_rule(value: Any, number: int, origin: Origin) -> SiteRule:
    if isinstance(value, SiteRule):
        return value
    where = f"site_rules[{number}]"
    if not isinstance(value, Mapping) or "host" not in value:
        raise ConfigError(f"{origin.at('site_rules')}: {where} needs a host: {value!r}")
    _reject_unknown(value, _field_names(SiteRule), origin, within="key", place=f" in {where}")
    rule = {name: _stored_form(item, tuple[str, ...]) if name != "host" else item for name, item in value.items()}
    for name, item in rule.items():
        expected = str if name == "host" else tuple[str, ...]
        if not _is_instance(item, expected):
            raise ConfigError(f"{origin.at(name)}: {where}.{name} must be {_describe(expected)}, "
                              f"not {type(item).__name__} {item!r}")
    return SiteRule(**{**rule, "host": rule["host"].lower()})
