"""Script detection and optional conversion of the output.

``metadata.script`` is always set (by the pipeline, from the body before any conversion):
``simplified``, ``traditional`` or ``mixed`` (``None`` for text without Chinese). Conversion runs
only when asked (``Config.convert``), through the official OpenCC binding, on the body blocks,
the posts and every text field of the metadata (title, authors, source, category, breadcrumb,
description...): a converted page is converted throughout. ``Config.normalize_width``
optionally turns full-width digits and Latin letters half-width; punctuation is
never touched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from .config import Config
from .document import Block, Metadata

HAN = re.compile(r"[\u4e00-\u9fff]")
# The metadata fields that hold the page's words (never URLs, dates, codes or tags such as ``language``).
TEXT_FIELDS = ("title", "original_title", "summary", "author", "authors", "editors", "source", "category", "breadcrumb",
               "tags", "site_name", "publisher", "copyright", "description", "captions")
PROBE = 400  # characters per counting step
SCRIPT_SAMPLE = 6000  # characters: far more than the evidence needs, and the cost stays flat on long pages
# Full-width 0-9, A-Z, a-z only: never punctuation, which Chinese text writes full-width on purpose.
WIDTH_TABLE = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


@lru_cache(maxsize=1)
def _script_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of the two sets, so counting runs in the regex engine, not a Python loop."""
    traditional_only, simplified_only = _script_sets()
    return (re.compile("[" + "".join(sorted(traditional_only)) + "]"),
            re.compile("[" + "".join(sorted(simplified_only)) + "]"))


@lru_cache(maxsize=1)
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    data = resources.files("cleanpage.data")
    traditional_only = frozenset(json.loads(data.joinpath("t2s_chars.json").read_text(encoding="utf-8")))
    simplified_only = frozenset(data.joinpath("s2t_changed.txt").read_text(encoding="utf-8").strip())
    return traditional_only, simplified_only


def detect_script(text: str, *, threshold: float = 0.8) -> str | None:
    """``traditional`` or ``simplified`` when at least ``threshold`` of the telling characters agree.

    Counting every telling character costs one regex match each, and a page has thousands of
    the script it is written in: the scarcer script (guessed on the first characters) is counted
    in full, the other one only until the verdict can no longer change.
    """
    traditional_re, simplified_re = _script_patterns()
    head = text[:PROBE]
    if len(traditional_re.findall(head)) <= len(simplified_re.findall(head)):
        trad = len(traditional_re.findall(text))
        simp = _count_until(simplified_re, text, lambda simp: simp > 0 and trad / (trad + simp) <= 1 - threshold)
    else:
        simp = len(simplified_re.findall(text))
        trad = _count_until(traditional_re, text, lambda trad: trad > 0 and trad / (trad + simp) >= threshold)
    if trad + simp == 0:
        return "simplified" if HAN.search(text) else None
    share = trad / (trad + simp)
    if share >= threshold:
        return "traditional"
    if share <= 1 - threshold:
        return "simplified"
    return "mixed"


def _count_until(pattern: re.Pattern[str], text: str, settled: Callable[[int], bool]) -> int:
    """Matches of ``pattern`` in ``text``, counted a chunk at a time and no further once ``settled``.

    ``settled`` must stay true as the count grows, so a verdict taken on the partial count is final.
    """
    count = 0
    for start in range(0, len(text), PROBE):
        count += len(pattern.findall(text, start, start + PROBE))
        if settled(count):
            break
    return count


@lru_cache(maxsize=8)
def _converter(name: str) -> object:
    import opencc

    return opencc.OpenCC(name.removesuffix(".json"))


def convert_text(text: str, name: str) -> str:
    """Convert ``text`` with the OpenCC configuration ``name`` (``t2s``, ``s2twp``...)."""
    return str(_converter(name).convert(text))  # type: ignore[attr-defined]


def apply(blocks: list[Block], metadata: Metadata, config: Config) -> None:
    """Apply the optional conversions in place: to the body and to every text field of the metadata alike
    (``metadata.script`` keeps the page's own script)."""
    if config.normalize_width == "digits_letters":
        for block in blocks:
            block.text = block.text.translate(WIDTH_TABLE)
    if config.convert:
        for block in blocks:
            block.text = convert_text(block.text, config.convert)
        _convert_metadata(metadata, config.convert)
        metadata.extra["converted"] = config.convert


def _convert_metadata(metadata: Metadata, name: str) -> None:
    for field in TEXT_FIELDS:
        value = getattr(metadata, field)
        if isinstance(value, str):
            setattr(metadata, field, convert_text(value, name))
        elif isinstance(value, list):
            setattr(metadata, field, [convert_text(item, name) if isinstance(item, str) else item for item in value])
