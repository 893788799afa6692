"""Components are found by module, ordered, selectable by name, and pluggable through entry points."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import EntryPoint

import pytest

import cleanpage
from cleanpage import registry
from cleanpage.page import Drop, Finding, Page


def test_every_builtin_component_has_a_unique_name_an_order_and_a_docstring() -> None:
    rows = registry.describe()
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    assert all(row["summary"] for row in rows), [row["name"] for row in rows if not row["summary"]]
    detectors = registry.detector_classes()
    assert [cls.order for cls in detectors] == sorted(cls.order for cls in detectors)
    assert all(cls.__module__.startswith("cleanpage.detectors.") and (cls.__doc__ or "").strip() for cls in detectors)


def test_detector_modules_document_what_they_must_never_remove() -> None:
    import sys

    for cls in registry.detector_classes():
        module_doc = sys.modules[cls.__module__].__doc__ or ""
        assert "never" in module_doc.lower(), cls.__module__


class Shouting(cleanpage.Detector):
    """Drops lines written in capitals (a plugin for this test)."""

    name = "test_shouting"
    family = "plugin"
    order = 15

    def detect(self, page: Page) -> Iterable[Finding]:
        for block in page.blocks:
            if block.text.isupper():
                yield Drop(block, "plugin.shouting", "capitals")


def test_a_plugin_registered_by_entry_point_runs_and_can_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint(name="test_shouting", value=f"{__name__}:Shouting", group="cleanpage.detectors")
    monkeypatch.setattr(registry, "entry_points", lambda group: [point] if group == "cleanpage.detectors" else [])
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "_DETECTORS", dict(registry._DETECTORS))
    monkeypatch.setattr(registry, "_REPAIRERS", dict(registry._REPAIRERS))
    text = "会议要求，各部门要坚持问题导向，逐项制定整改措施，确保各项举措落地见效。\nBUY NOW\n"
    doc = cleanpage.Cleaner(kind="text").clean(text)
    assert "BUY NOW" not in doc.text and doc.removed[0].detector == "test_shouting"
    assert "BUY NOW" in cleanpage.Cleaner(kind="text", disable=("test_shouting",)).clean(text).text


def test_two_components_with_one_name_are_refused() -> None:
    class Twin(cleanpage.Detector):
        name = "title"

    with pytest.raises(cleanpage.ConfigError):
        registry.register_detector(Twin)
