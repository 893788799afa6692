"""The cleaning pipeline: decode, segment, repair, detect, convert.

A :class:`Cleaner` builds its detectors and repairs once from a
:class:`~cleanpage.config.Config` and cleans any number of pages with them.
Detectors only return findings; :func:`apply_findings` applies them and
records every removal, so the trace in :class:`~cleanpage.document.Document`
is complete by construction.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from . import convert
from .config import Config
from .convert import SCRIPT_SAMPLE, detect_script
from .decode import decode, not_a_page
from .document import Block, Document, Metadata, Post, Removal, Repair
from .errors import CleanTimeoutError, InputError, InputTooLargeError, NotAPageError
from .language import detect_language
from .names import joined_names
from .page import Drop, Finding, Harvest, Page, PageHints, Split, Trim, Warn
from .profile_model import SiteProfile
from .registry import Detector, Repairer, build_additions, build_detectors, build_repairers, check_names
from .repair import repair_warnings
from .segment.text import EDGE_SPACE, segment_text

Source = bytes | bytearray | memoryview | str

HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta\s|title)[\s>]", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:div|p|span|a|table|td|tr|li|ul|br|h[1-6]|article|section|img)\b[^<>]{0,200}>", re.IGNORECASE)
# A fetched page can be nothing but a script (JavaScript redirects, anti-bot challenges): still markup.
SCRIPT_START = re.compile(r"\s*<(?:script|style|noscript)[\s>]", re.IGNORECASE)
SURROGATE = re.compile(r"[\ud800-\udfff]")
ELEMENT_START = re.compile(r"<[A-Za-z]")
# Layout whitespace runs are shortened to this many characters before detection: a run carries no text,
# and a pattern that backtracks on one (``\s*:?\s*``) costs the cube of its length.
MAX_SPACE_RUN = 16
NO_ARTICLE_TYPES = frozenset({"list", "error_or_login"})  # pages whose body is empty by right
SPACE_RUN = re.compile(f"[{re.escape(EDGE_SPACE)}]{{{MAX_SPACE_RUN + 1},}}")
UNDECODABLE = re.compile(r"[\ufffd\ue000-\uf8ff]")
# Repairs are skipped when more of the non-ASCII text than this is U+FFFD or private-use characters:
# they would rebuild Chinese words out of bytes that never were text.
MAX_UNDECODABLE_SHARE = 0.05
LIST_FIELDS = {name for name, value in Metadata().to_dict().items() if isinstance(value, list)}


def sniff_kind(text: str) -> str:
    """``html`` when the text starts like a page or a script, or is dense with tags, else ``text``."""
    head = text[:4096]
    if HTML_SNIFF.search(head) or SCRIPT_START.match(head):
        return "html"
    return "html" if len(HTML_TAG.findall(head)) >= 5 else "text"


@dataclass
class Segmented:
    """A page before detection: repaired blocks, what the markup said, and the trace so far."""

    blocks: list[Block]
    kind: str
    hints: PageHints
    warnings: list[str]
    removed: list[Removal]
    repairs: list[Repair]
    images: list[Block] = field(default_factory=list)  # HTML images of the main content, kept out of detection
    posts: list[Post] = field(default_factory=list)  # a forum thread's posts


class Cleaner:
    """Reusable cleaner: build once (detectors, repairs, compiled rules), clean many pages."""

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = (config or Config()).replace(**options)
        check_names(self.config)
        # The default detectors run first, every one of them: a disabled one still reads the page (its drops
        # are held back and put back at the end) so the others see the page they see by default and disabling
        # it keeps exactly its own removals. The user's additions then run on what the defaults left.
        self.detectors: list[Detector] = build_detectors(self.config)
        self.additions: list[Detector] = build_additions(self.config)
        self.held_back = frozenset(d.name for d in self.detectors if d.name in self.config.disable)
        self.repairers: list[Repairer] = build_repairers(self.config)

    def clean(self, source: Source, *, url: str | None = None, headers: Mapping[str, str] | None = None,
              profile: SiteProfile | None = None) -> Document:
        """Clean one page; ``profile`` is the learned chrome of its site (:mod:`cleanpage.profile_model`)."""
        deadline = time.monotonic() + self.config.timeout if self.config.timeout else None
        segmented = self.segment(source, url=url, headers=headers, deadline=deadline)
        warnings, removed = segmented.warnings, segmented.removed
        page = Page(segmented.blocks, config=self.config, url=url, kind=segmented.kind, hints=segmented.hints,
                    profile=profile)
        edited: dict[int, Block] = {}  # by identity; holding the blocks keeps their ids from being reused
        held: list[Block] = []
        for detector in self.detectors:
            _check_deadline(deadline, detector.name)
            findings = list(detector.detect(page))
            if detector.name in self.held_back:
                hold_back(page, findings, held)
                continue
            for block in apply_findings(page, detector.name, findings, removed, warnings, held):
                edited[id(block)] = block
        if edited:
            self._sweep_residue(page, edited, removed, warnings, held)
        if held:
            put_back(page, held)
        for detector in self.additions:
            _check_deadline(deadline, detector.name)
            apply_findings(page, detector.name, list(detector.detect(page)), removed, warnings)
        _check_deadline(deadline, "conversion")
        metadata = finalize_metadata(page, url)
        if removed and metadata.page_type not in NO_ARTICLE_TYPES and not any(block.text.strip() for block in page.blocks):
            warnings.append(f"content: the body is empty after cleaning ({len(removed)} removals, each with its reason); "
                            "the page may show its article in a way not read here")
        _set_script_and_language(page.blocks, metadata)
        convert.apply(page.blocks, metadata, self.config)
        blocks = _with_images(page.blocks, segmented.images, removed)
        posts = _posts_text(segmented.posts, page.blocks)
        if self.config.convert:  # the body's blocks are converted already; the posters' names too
            posts = [replace(post, author=convert.convert_text(post.author, self.config.convert) if post.author else None)
                     for post in posts]
        return Document(blocks=blocks, metadata=metadata, removed=removed, repairs=segmented.repairs,
                        warnings=warnings, kind=segmented.kind, posts=posts,
                        text_links=self.config.links, text_images=self.config.images)

    def _sweep_residue(self, page: Page, edited: dict[int, Block], removed: list[Removal], warnings: list[str],
                       held: list[Block]) -> None:
        """Let the line-local detectors drop what trims and splits left behind (and nothing else)."""
        for detector in self.detectors:
            if detector.sweeps_residue:
                drops = [f for f in detector.detect(page) if isinstance(f, Drop) and id(f.block) in edited]
                if detector.name in self.held_back:
                    hold_back(page, drops, held)
                else:
                    apply_findings(page, detector.name, drops, removed, warnings, held)

    def segment(self, source: Source, *, url: str | None = None, headers: Mapping[str, str] | None = None,
                deadline: float | None = None) -> Segmented:
        """Decode, segment and repair ``source``: the blocks detectors start from (also used to learn profiles).

        ``deadline`` is a :func:`time.monotonic` time checked between stages (:class:`CleanTimeoutError`).
        """
        warnings: list[str] = []
        text, encoding, reason = self._decode(source, headers, warnings)
        _check_deadline(deadline, "segmentation")
        kind = self.config.kind if self.config.kind != "auto" else sniff_kind(text)
        hints = PageHints()
        removed: list[Removal] = []
        images: list[Block] = []
        posts: list[Post] = []
        joins: list[Repair] = []
        if kind == "html":
            from .segment.html import segment_html

            text = self._cut_markup(text, hints, warnings)
            segmented = segment_html(text, url=url, config=self.config)
            blocks, hints = segmented.blocks, _with_values(segmented.hints, hints)
            warnings.extend(segmented.warnings)
            removed.extend(segmented.removed)
            images, posts = segmented.images, segmented.posts
            joins = segmented.repairs
        else:
            blocks = self._cut_lines(segment_text(text), hints, warnings)
        if encoding:
            hints.values.offer("encoding", encoding, "decode", reason, 1.0)
            hints.values.offer("encoding_reason", reason, "decode", reason, 1.0)
        self._cut_long_blocks(blocks, hints, removed, warnings)
        if _mostly_undecodable(text):
            warnings.append(f"repair: skipped, over {MAX_UNDECODABLE_SHARE:.0%} of the decoded text is undecodable "
                            "(U+FFFD or private-use characters): a repair would invent text")
            repairs = []
            _check_deadline(deadline, "repairs")
        else:
            repairs = self._repair(blocks, removed, warnings, deadline)
        repairs = joins + repairs
        warnings.extend(repair_warnings(repairs))
        _shorten_space_runs(blocks, warnings)
        return Segmented(blocks, kind, hints, warnings, removed, repairs, images, posts)

    # -- limits ----------------------------------------------------------------------------------
    def _cut_markup(self, text: str, hints: PageHints, warnings: list[str]) -> str:
        """The markup before the element past ``max_blocks``: parsing and segmentation cost per element."""
        limit = self.config.max_blocks
        past = next(itertools.islice(ELEMENT_START.finditer(text), limit, None), None)
        if past is None:
            return text
        line = text.count("\n", 0, past.start()) + 1
        _truncated(hints, warnings, "limits.max_blocks", f"page cut after {limit} elements (max_blocks): "
                   f"{len(text) - past.start()} characters of markup from line {line} not read")
        return text[:past.start()]

    def _cut_lines(self, blocks: list[Block], hints: PageHints, warnings: list[str]) -> list[Block]:
        limit = self.config.max_blocks
        if len(blocks) <= limit:
            return blocks
        _truncated(hints, warnings, "limits.max_blocks", f"page cut after {limit} lines (max_blocks): "
                   f"{len(blocks) - limit} lines from line {blocks[limit].line} not cleaned")
        return blocks[:limit]

    def _cut_long_blocks(self, blocks: list[Block], hints: PageHints, removed: list[Removal],
                         warnings: list[str]) -> None:
        """Cut blocks longer than ``max_line_chars``; what is cut is a recorded removal (before the repairs,
        so their positions stay those of the source block)."""
        limit = self.config.max_line_chars
        long_blocks = [block for block in blocks if len(block.text) > limit]
        for block in long_blocks:
            removed.append(Removal("limits", "limits.max_line_chars", f"block longer than {limit} characters "
                                   "(max_line_chars)", block.text[limit:], block.index, block.line, "trim", limit,
                                   len(block.text)))
            block.text = block.text[:limit]
        if long_blocks:
            _truncated(hints, warnings, "limits.max_line_chars",
                       f"{len(long_blocks)} block(s) cut at {limit} characters (max_line_chars)")

    # -- stages ----------------------------------------------------------------------------------
    def _decode(self, source: Source, headers: Mapping[str, str] | None,
                warnings: list[str]) -> tuple[str, str | None, str]:
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            if len(data) > self.config.max_input_bytes:
                raise InputTooLargeError(f"input is {len(data)} bytes; max_input_bytes is {self.config.max_input_bytes}")
            what = not_a_page(data)
            if what:
                raise NotAPageError(f"not a page: {what}")
            decoded = decode(data, headers=headers, detector=self.config.resolved_encoding_detector())
            if decoded.lossy:
                warnings.append(f"decode: {decoded.reason}")
            text, encoding, reason = decoded.text, decoded.encoding, decoded.reason
        elif isinstance(source, str):
            if len(source) > self.config.max_input_bytes:
                raise InputTooLargeError(f"input is {len(source)} characters; max_input_bytes is {self.config.max_input_bytes}")
            text, encoding, reason = source, None, "str input"
        else:
            raise InputError(f"source must be bytes or str, not {type(source).__name__}")
        if _has_surrogates(text):
            warnings.append("input: lone surrogates replaced by U+FFFD")
            text = SURROGATE.sub("\ufffd", text)
        if "\x00" in text:
            warnings.append(f"input: {text.count(chr(0))} NUL characters removed")
            text = text.replace("\x00", "")
        return text, encoding, reason

    def _repair(self, blocks: list[Block], removed: list[Removal], warnings: list[str],
                deadline: float | None = None) -> list[Repair]:
        records: list[Repair] = []
        page_text = "\n".join(block.text for block in blocks)
        for repairer in self.repairers:
            _check_deadline(deadline, f"repair {repairer.name}")
            if not repairer.may_change(page_text):
                continue
            results = repairer.repair([block.text for block in blocks])
            warnings.extend(f"repair {repairer.name}: {note}" for note in repairer.take_notes())
            changed = False
            for block, (new_text, block_records) in zip(blocks, results):
                if block_records:
                    block.text = new_text
                    records.extend(_with_block(r, block.index) for r in block_records)
                    changed = True
            if changed:
                page_text = "\n".join(block.text for block in blocks)
        for block in blocks:
            if not block.text.strip(EDGE_SPACE):
                removed.append(Removal("repair", "repair.empty", "nothing left after repair", block.text, block.index,
                                       block.line))
        blocks[:] = [block for block in blocks if block.text.strip(EDGE_SPACE)]
        for block in blocks:
            block.text = block.text.strip(EDGE_SPACE)
        return records


@lru_cache(maxsize=16)
def shared_cleaner(config: Config) -> Cleaner:
    """One :class:`Cleaner` per config, reused by :func:`cleanpage.clean` and :func:`cleanpage.batch.clean_table`:
    building the detectors and compiling the rules costs more than cleaning a small page."""
    return Cleaner(config)


def _with_images(blocks: list[Block], images: list[Block], removed: list[Removal]) -> list[Block]:
    """The kept images put back in page order among the body's blocks, where they sit inside the body
    (between its first and last block); images outside the body that detection left are dropped, and
    recorded like every other removal."""
    if not images:
        return blocks
    first, last = (blocks[0].index, blocks[-1].index) if blocks else (0, -1)
    inside = [image for image in images if first < image.index < last]
    for image in images:
        if not first < image.index < last:
            removed.append(Removal("content", "content.image_outside_body",
                                   "an image before the article's first kept block or after its last one",
                                   image.text or image.src or "", image.index, image.line))
    return sorted([*blocks, *inside], key=lambda block: block.index) if inside else blocks


def _posts_text(posts: list[Post], blocks: list[Block]) -> list[Post]:
    """Each post with the text of its blocks that survived detection."""
    out = []
    for post in posts:
        own = set(post.blocks)
        text = "\n".join(block.text for block in blocks if block.index in own)
        out.append(Post(text, post.author, post.published, post.blocks))
    return out


def _with_values(hints: PageHints, earlier: PageHints) -> PageHints:
    """``hints`` plus what was found before segmentation (a cut), offered by the same rule."""
    for name, found in earlier.values.items():
        hints.values.offer(name, found.value, found.rule, found.raw, found.confidence, shown=found.shown)
    return hints


def _truncated(hints: PageHints, warnings: list[str], rule: str, message: str) -> None:
    warnings.append(f"limits: {message}")
    hints.values.offer("truncated", True, rule, message, 1.0)


def _mostly_undecodable(text: str) -> bool:
    """Whether U+FFFD and private-use characters (what a lossy decode of binary leaves) are much of the text."""
    if "\ufffd" not in text:
        return False
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return sum(1 for _ in UNDECODABLE.finditer(text)) > MAX_UNDECODABLE_SHARE * non_ascii


def _shorten_space_runs(blocks: list[Block], warnings: list[str]) -> None:
    """Shorten whitespace runs inside blocks to :data:`MAX_SPACE_RUN` characters (layout, never text)."""
    runs = 0
    for block in blocks:
        if SPACE_RUN.search(block.text):
            block.text, count = SPACE_RUN.subn(lambda run: run.group()[:MAX_SPACE_RUN], block.text)
            runs += count
    if runs:
        warnings.append(f"input: {runs} whitespace run(s) longer than {MAX_SPACE_RUN} characters shortened")


def _has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: the strict UTF-8 encoder finds one faster than a regex."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _with_block(record: Repair, index: int) -> Repair:
    return Repair(record.kind, record.before, record.after, record.position, record.confidence, index, record.note)


def _check_deadline(deadline: float | None, stage: str) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise CleanTimeoutError(f"page timed out before {stage}")


def apply_findings(page: Page, detector: str, findings: Sequence[Finding], removed: list[Removal],
                   warnings: list[str], held: list[Block] | None = None) -> list[Block]:
    """Apply one detector's findings to ``page``, recording every change in ``removed``.

    A drop of a block that ``Config.keep_patterns`` protects is not recorded; with ``held`` the block
    still leaves the page, into ``held``, so the detectors after see the page they see without the
    pattern (:func:`put_back` returns it), else it stays. Returns the blocks that trims and splits
    left on the page.
    """
    if not findings:
        return []
    keep = [re.compile(p) for p in page.config.keep_patterns]
    # Blocks are matched by identity through sets and the list is rebuilt once, so a detector
    # dropping or editing most lines of a huge page stays linear.
    ids = list(map(id, page.blocks))
    present = set(ids)
    dropped: set[int] = set()
    edits: dict[int, list[Trim | Split]] = {}
    for finding in findings:
        if isinstance(finding, Harvest):
            _harvest(page, finding)
        elif isinstance(finding, Warn):
            warnings.append(f"{detector}: {finding.message}")
        elif isinstance(finding, Drop):
            key = id(finding.block)
            if key not in present or key in dropped:
                continue
            if _protected(finding.block, keep):
                if held is not None:
                    held.append(finding.block)
                    dropped.add(key)
            elif _drop(page, detector, finding, removed):
                dropped.add(key)
        else:
            edits.setdefault(id(finding.block), []).append(finding)
    replaced = {key: _edit_block(detector, block_edits, removed)
                for key, block_edits in edits.items() if key in present and key not in dropped}
    if replaced:
        page.blocks[:] = [new for block in page.blocks if id(block) not in dropped
                          for new in replaced.get(id(block), [block])]
    elif dropped:  # the common case, kept at C speed: most detectors only drop
        kept = present - dropped
        page.blocks[:] = list(itertools.compress(page.blocks, map(kept.__contains__, ids)))
    if replaced or dropped:  # harvests and warnings leave the zones as they were
        page.changed()
    return [block for blocks in replaced.values() for block in blocks]


def _protected(block: Block, keep: list[re.Pattern[str]]) -> bool:
    return any(p.search(block.text) for p in keep)


def hold_back(page: Page, findings: Sequence[Finding], held: list[Block]) -> None:
    """A disabled detector's drops leave the page unrecorded, into ``held``; the rest of its findings are ignored.

    The detectors after it then see the page they see by default, so disabling one keeps exactly the
    blocks it would drop (a line it no longer takes is not taken by another detector instead).
    """
    present = set(map(id, page.blocks))
    taken = {id(f.block) for f in findings if isinstance(f, Drop) and id(f.block) in present}
    if taken:
        held.extend(block for block in page.blocks if id(block) in taken)
        page.blocks[:] = [block for block in page.blocks if id(block) not in taken]
        page.changed()


def put_back(page: Page, held: list[Block]) -> None:
    """Return the held-back blocks to the page at their source positions (the page's own order is kept)."""
    pending = sorted(held, key=_source_order)
    merged: list[Block] = []
    next_held = 0
    for block in page.blocks:
        while next_held < len(pending) and _source_order(pending[next_held]) < _source_order(block):
            merged.append(pending[next_held])
            next_held += 1
        merged.append(block)
    merged.extend(pending[next_held:])
    page.blocks[:] = merged
    held.clear()
    page.changed()


def _source_order(block: Block) -> tuple[int, int]:
    """Where a block sat in the source: its segment, then its offset (the pieces of a split block share a segment)."""
    return block.index, block.start if block.start is not None else -1


def _drop(page: Page, detector: str, finding: Drop, removed: list[Removal]) -> bool:
    """Record the removal of a block still on the page; ``False`` when it must stay."""
    block = finding.block
    if finding.caption and page.config.captions == "keep":
        return False
    action = "caption" if finding.caption and page.config.captions == "move" else "drop"
    removed.append(Removal(detector, finding.rule, finding.reason, block.text, block.index, block.line, action))
    if action == "caption":
        _harvest(page, Harvest("captions", block.text.lstrip("▲△▼ "), finding.rule, block.text, 1.0, append=True))
    return True


def _edit_block(detector: str, edits: list[Trim | Split], removed: list[Removal]) -> list[Block]:
    """Record the trims and splits of one block and return the blocks that replace it."""
    block = edits[0].block
    text = block.text
    cuts = sorted({e.at for e in edits if isinstance(e, Split) and 0 < e.at < len(text)})
    gone = [False] * len(text)
    for edit in edits:
        if isinstance(edit, Trim) and 0 <= edit.start < edit.end <= len(text):
            # Overlapping trims (two rules cutting the same title) record each character once.
            fresh = [i for i in range(edit.start, edit.end) if not gone[i]]
            if not fresh:
                continue
            for i in fresh:
                gone[i] = True
            removed.append(Removal(detector, edit.rule, edit.reason, "".join(text[i] for i in fresh), block.index,
                                   block.line, "trim", fresh[0], fresh[-1] + 1))
    for edit in edits:
        if isinstance(edit, Split) and edit.at in cuts:
            removed.append(Removal(detector, edit.rule, edit.reason, "", block.index, block.line, "split", edit.at, edit.at))
    kinds = {e.at: e.kinds for e in edits if isinstance(e, Split) and e.kinds}
    bounds = [0, *cuts, len(text)]
    pieces: list[tuple[str, int, str]] = []
    for left, right in itertools.pairwise(bounds):
        piece = "".join(ch for i, ch in enumerate(text[left:right], start=left) if not gone[i])
        lead = len(piece) - len(piece.lstrip(EDGE_SPACE))
        piece = piece.strip(EDGE_SPACE)
        kind = block.kind
        if left in kinds:
            kind = kinds[left][1]
        elif right in kinds:
            kind = kinds[right][0]
        if piece:
            pieces.append((piece, left + lead, kind))
    new_blocks = []
    for n, (piece, offset, kind) in enumerate(pieces):
        if n == 0:
            block.text, block.kind = piece, kind
            new_blocks.append(block)
        else:
            start = block.start + offset if block.start is not None else None
            new_blocks.append(Block(piece, kind, block.index, block.line, start, block.path))
    return new_blocks


def _harvest(page: Page, finding: Harvest) -> None:
    page.meta.offer(finding.field, finding.value, finding.rule, finding.raw, finding.confidence, append=finding.append)


def _set_script_and_language(blocks: list[Block], metadata: Metadata) -> None:
    """``metadata.script`` and ``metadata.language`` from the body before any conversion; the page's declared
    language is only a hint (:mod:`cleanpage.language`)."""
    body = "\n".join(block.text for block in blocks) or (metadata.title or "")
    metadata.script = detect_script(body[:SCRIPT_SAMPLE])
    declared = metadata.language
    found = detect_language(body, metadata.script, declared)
    metadata.language = found.tag if found else None
    provenance = metadata.extra.setdefault("provenance", {})
    if found:
        provenance["language"] = {"rule": found.rule, "raw": declared or "", "confidence": round(found.confidence, 2)}
    else:
        provenance.pop("language", None)


def finalize_metadata(page: Page, url: str | None) -> Metadata:
    """Turn harvested values into :class:`Metadata`, filling fields derivable from others."""
    values: dict[str, Any] = {name: found.value for name, found in page.meta.items() if not name.startswith("_")}
    known = set(Metadata.field_names())
    extra = {k: v for k, v in values.items() if k not in known}
    fields = {k: v for k, v in values.items() if k in known and k != "extra"}
    if not fields.get("published") and fields.get("updated"):
        fields["published"] = fields["updated"]
    if fields.get("authors") and not fields.get("author"):
        fields["author"] = joined_names(fields["authors"])
    if url and not fields.get("url"):
        fields["url"] = url
    for name in LIST_FIELDS & fields.keys():
        if fields[name] is None:
            fields[name] = []
    metadata = Metadata(**fields)
    metadata.extra.update(extra)
    metadata.extra["provenance"] = {name: {"rule": found.rule, "raw": found.raw, "confidence": found.confidence}
                                    for name, found in page.meta.items()
                                    if not name.startswith("_") and name != "encoding_reason"}
    return metadata
