"""Registries of detectors and repairs, built-in and from plugins.

A built-in detector is one module in ``cleanpage/detectors/`` whose class is
decorated with :func:`register_detector`; the package imports every module
it holds, so adding a detector means writing one file. Third-party packages
register theirs through the entry-point groups ``cleanpage.detectors`` and
``cleanpage.repairs`` (the entry point names a class; it is registered when the
registry is first read). Components run in ascending ``order``; each is
enabled or disabled by ``name`` through :class:`~cleanpage.config.Config`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterable, Sequence
from importlib.metadata import entry_points
from typing import ClassVar, TypeVar

from .config import Config
from .document import Repair
from .errors import ConfigError
from .page import Finding, Page


class Detector:
    """Base class of detectors: one family of site chrome per class.

    Subclasses set ``name`` (how users enable or disable it), ``family`` (the
    chrome-catalogue id such as ``C01``), ``order`` (position in the pipeline),
    ``default`` (on unless disabled) and implement :meth:`detect`.
    """

    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    order: ClassVar[int] = 500
    default: ClassVar[bool] = True
    # Line-local families set this: after the last detector they look once more at the lines a later
    # detector trimmed or split (a title cut off ``TITLE摘要：首页 > 新闻中心`` leaves a breadcrumb behind).
    sweeps_residue: ClassVar[bool] = False
    # A user's own rule runs after the default detectors and their residue sweep, on the page they left: what it
    # removes is added to their removals and cannot change them. Detectors switched on by name (``default``
    # false) run there too.
    after_defaults: ClassVar[bool] = False

    def __init__(self, config: Config) -> None:
        self.config = config

    def detect(self, page: Page) -> Iterable[Finding]:
        raise NotImplementedError


class Repairer:
    """Base class of repairs: one kind of text damage per class.

    :meth:`repair` receives the texts of every block of a page at once
    (some repairs need page-level evidence, such as the density of pinyin
    annotations) and returns, for each text, the repaired text and the records
    of what changed, positions relative to the text it was given.
    """

    name: ClassVar[str] = ""
    order: ClassVar[int] = 500
    default: ClassVar[bool] = True

    def __init__(self, config: Config) -> None:
        self.config = config
        self._notes: list[str] = []

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        raise NotImplementedError

    def may_change(self, page_text: str) -> bool:
        """Whether :meth:`repair` could change anything, given the page's texts joined by newlines.

        A cheap page-level test (one search of the page instead of one per line) that lets the
        pipeline skip the repair on clean pages. It may say ``True`` for nothing, never ``False``
        for a page the repair would change.
        """
        return True

    def note(self, message: str) -> None:
        """Say something about the page just repaired (work left undone, say); it becomes a warning."""
        self._notes.append(message)

    def take_notes(self) -> list[str]:
        notes, self._notes = self._notes, []
        return notes


C = TypeVar("C", bound=type)

_DETECTORS: dict[str, type[Detector]] = {}
_REPAIRERS: dict[str, type[Repairer]] = {}
_loaded = False


def _register(table: dict[str, C], cls: C) -> C:
    name = getattr(cls, "name", "")
    if not name:
        raise ConfigError(f"{cls.__qualname__} has no name")
    existing = table.get(name)
    if existing is not None and existing is not cls:
        raise ConfigError(f"two components are named {name!r}: {existing.__qualname__} and {cls.__qualname__}")
    table[name] = cls
    return cls


def register_detector(cls: type[Detector]) -> type[Detector]:
    """Class decorator: add a detector to the registry."""
    return _register(_DETECTORS, cls)


def register_repairer(cls: type[Repairer]) -> type[Repairer]:
    """Class decorator: add a repair to the registry."""
    return _register(_REPAIRERS, cls)


def _import_package(package: str) -> None:
    module = importlib.import_module(package)
    for info in pkgutil.iter_modules(module.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{package}.{info.name}")


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    _import_package("cleanpage.detectors")
    _import_package("cleanpage.repair")
    for group, register in (("cleanpage.detectors", register_detector), ("cleanpage.repairs", register_repairer)):
        for point in entry_points(group=group):
            register(point.load())


def detector_classes() -> list[type[Detector]]:
    _load()
    return sorted(_DETECTORS.values(), key=lambda cls: (cls.order, cls.name))


def repairer_classes() -> list[type[Repairer]]:
    _load()
    return sorted(_REPAIRERS.values(), key=lambda cls: (cls.order, cls.name))


def component_names() -> set[str]:
    return {cls.name for cls in detector_classes()} | {cls.name for cls in repairer_classes()}


def check_names(config: Config) -> None:
    """Raise :class:`ConfigError` if ``disable``/``enable`` name a component that does not exist."""
    known = component_names()
    unknown = sorted((set(config.disable) | set(config.enable)) - known)
    if unknown:
        raise ConfigError(f"unknown detector or repair name(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")


def default_detector_classes() -> list[type[Detector]]:
    """The detectors every page goes through unless disabled, in order."""
    return [cls for cls in detector_classes() if cls.default and not cls.after_defaults]


def build_detectors(config: Config) -> list[Detector]:
    """Every default detector, the disabled ones included: the pipeline holds back their drops (see
    :func:`cleanpage.pipeline.hold_back`) so disabling one never changes what the others remove."""
    return [cls(config) for cls in default_detector_classes()]


def build_additions(config: Config) -> list[Detector]:
    """The user's rules and the optional detectors switched on, run after the defaults."""
    return [cls(config) for cls in detector_classes()
            if (cls.after_defaults or not cls.default) and config.is_enabled(cls.name, default=cls.default)]


def build_repairers(config: Config) -> list[Repairer]:
    return [cls(config) for cls in repairer_classes() if config.is_enabled(cls.name, default=cls.default)]


def describe(names: Sequence[str] | None = None) -> list[dict[str, object]]:
    """Name, kind, family, order, default and one-line description of every component, in the order they run.

    Detectors that run after the defaults (user rules, optional detectors) come after them whatever their
    ``order``. The description is the first line of the component's module docstring (one module per
    component), else of its class docstring.
    """
    defaults = default_detector_classes()
    later = [cls for cls in detector_classes() if cls not in defaults]
    rows: list[dict[str, object]] = []
    for kind, classes in (("detector", [*defaults, *later]), ("repair", repairer_classes())):
        for cls in classes:
            if names is None or cls.name in names:
                rows.append({"name": cls.name, "kind": kind, "family": getattr(cls, "family", ""), "order": cls.order,
                             "default": cls.default, "after_defaults": cls in later, "summary": _summary(cls)})
    return rows


def _summary(cls: type) -> str:
    module = sys.modules.get(cls.__module__)
    for doc in (module.__doc__ if module else None, cls.__doc__):
        lines = (doc or "").strip().splitlines()
        if lines:
            return lines[0]
    return ""
