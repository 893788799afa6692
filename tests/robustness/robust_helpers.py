"""Shared checks of the robustness suite: hang guard, fixtures and the character-accounting invariant.

The accounting invariant is how the suite proves "nothing invented, nothing
lost": for every block the segmenter produced, replay the recorded repairs on
its text; then the characters of that repaired text (ignoring whitespace) must
be exactly the characters of the output blocks carrying its index plus the
characters of the removals recorded against that index, and every output
block must be a subsequence of it (no reordering, no insertion).
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from types import FrameType

import cleanpage
from cleanpage.config import Config
from cleanpage.document import Block, Document, Repair
from cleanpage.pipeline import Cleaner, Source, sniff_kind
from cleanpage.segment.text import EDGE_SPACE, segment_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_INPUTS = sorted((FIXTURES / "seeds").glob("*/input.txt"))


class HangError(AssertionError):
    """Raised inside the code under test when it runs past its hard limit."""


@contextmanager
def hard_limit(seconds: float) -> Iterator[None]:
    """Fail with :class:`HangError` if the body runs longer than ``seconds`` (SIGALRM, main thread only)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise HangError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def seed_lines() -> list[str]:
    """Every non-empty line of the seed pages, in a stable order."""
    lines = {line.strip() for path in SEED_INPUTS for line in path.read_text(encoding="utf-8").splitlines()}
    return sorted(line for line in lines if line)


def source_blocks(source: Source, config: Config, url: str | None = None) -> tuple[str, list[Block]]:
    """The kind and the blocks the pipeline segments ``source`` into, before any repair."""
    cleaner = Cleaner(config)
    text, _, _ = cleaner._decode(source, None, [])
    kind = config.kind if config.kind != "auto" else sniff_kind(text)
    if kind == "html":
        from cleanpage.segment.html import segment_html

        return kind, segment_html(text, url=url, config=config).blocks
    return kind, segment_text(text)


def replay_repairs(text: str, records: Sequence[Repair]) -> str:
    """Apply ``records`` of one block to ``text``: each run of one repair kind is one pass, positions in its input."""
    for _, run in groupby(records, key=lambda r: r.kind):
        for record in sorted(run, key=lambda r: r.position, reverse=True):
            end = record.position + len(record.before)
            assert text[record.position:end] == record.before, (
                f"repair record {record.kind} at {record.position} does not match its block: "
                f"{text[record.position:end]!r} != {record.before!r}")
            text = text[:record.position] + record.after + text[end:]
    return text


def ink(text: str) -> Counter[str]:
    """The characters of ``text`` that carry content: everything but whitespace and edge spacing."""
    return Counter(ch for ch in text if not ch.isspace() and ch not in EDGE_SPACE)


def is_subsequence(needle: str, haystack: str) -> bool:
    chars = iter(haystack)
    return all(ch in chars for ch in needle)


def assert_accounted(source: Source, doc: Document, config: Config | None = None, url: str | None = None) -> None:
    """Every output character comes from the (repaired) input, and every input character is kept or recorded."""
    config = config or Config()
    kind, blocks = source_blocks(source, config, url)
    assert kind == doc.kind
    indexes = [block.index for block in doc.blocks]
    assert indexes == sorted(indexes), "output blocks are out of source order"
    for block in blocks:
        repaired = replay_repairs(block.text, [r for r in doc.repairs if r.block == block.index])
        kept = [b.text for b in doc.blocks if b.index == block.index]
        for piece in kept:
            assert is_subsequence(piece, repaired), f"block {block.index}: {piece!r} is not drawn from {repaired!r}"
        removed = [r.text for r in doc.removed if r.block == block.index]
        out = sum((ink(t) for t in (*kept, *removed)), Counter())
        assert out == ink(repaired), (
            f"block {block.index}: characters not accounted for; missing {ink(repaired) - out}, "
            f"invented {out - ink(repaired)}")
    known = {block.index for block in blocks}
    assert set(indexes) <= known, f"output blocks with no source block: {set(indexes) - known}"


def clean_or_error(source: Source, **options: object) -> Document | None:
    """``clean(source)``, or ``None`` when it raised a ``CleanpageError`` (the only exceptions allowed)."""
    try:
        return cleanpage.clean(source, **options)  # type: ignore[arg-type]
    except cleanpage.CleanTimeoutError:
        raise
    except cleanpage.CleanpageError:
        return None
