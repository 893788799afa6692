"""Re-decode Chinese text that went through the wrong codec (mojibake), span by span.

Repairs, inside one run of non-ASCII characters (ASCII survives every one of
these round trips, so runs are independent):

* UTF-8 read as GBK/GB18030: ``鍙戝竷鏃堕棿锛�2021骞�3鏈�`` -> ``发布时间：2021年3月``.
  A U+FFFD there stands for the last byte of a UTF-8 sequence that the GBK
  decoder rejected; the byte is inferred (64 candidates) with the character
  model, and kept as U+FFFD with a warning when the model is not confident.
* Big5 read as GBK and GBK read as Big5 (``�┡v┮Τ`` for ``版權所有``). Each U+FFFD
  there is one byte the wrong decoder could not pair, inferred the same way.
* UTF-8 or GBK read as Latin-1/cp1252 (``À´Ô´£ºÐÂ»ªÉç`` for ``来源：新华社``); ftfy's
  ``fix_encoding`` is also tried on the whole run, never its width or quote folding.
* GBK read as a Cyrillic code page (``ХРЖё`` for ``招聘``).

The damaged span is found, not assumed to be the whole run: for each codec
pair the run is re-encoded and re-decoded once (errors escaped), which cuts
it into pieces that convert strictly and start and end on character
boundaries of both codecs. The span is the stretch of consecutive pieces
whose re-decoded reading the character model prefers most over the text as
it stands (a maximum-gain subarray, linear in the run length), so mojibake
glued to clean Chinese in one run is repaired and its neighbours are kept.
The cheap signature scan (:func:`._scan.mojibake_signature`) decides
whether a text is looked at at all.

Never touches: clean Chinese, real Cyrillic, Greek or accented Latin text
(their round trips fail or score worse), and text without a signature. A
candidate must be mostly common Han characters and much more likely than
the span as it stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ftfy.badness import is_bad

from ..document import Repair
from ..registry import Repairer, register_repairer
from ..shadow import HAN_RANGES, is_han, to_simplified_chars
from ._chains import best_reading, lost_unmarked
from ._dropped import DROPPING
from ._edits import Edit, apply_edits
from ._quoted import overlaps, protected_spans
from ._scan import hits, lines_with_signature, mojibake_signature
from ._whole import WHOLE_DROPPED
from .charlm import CharLM, load

HAN_CHAR = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_RANGES) + "]")  # as is_han
HIRAGANA = re.compile(r"[\u3041-\u309f]")
PARTICLES = re.compile(r"[のはをがにでてたするい]")
JAPANESE_SHARE = 0.25
# A run may end in one ASCII letter or symbol: a double-byte character's trail byte can be one (Big5 A1 43 = 。).
RUN = re.compile(r"[^\x00-\x7f]+(?:[\x20-\x7e]{1,3}[^\x00-\x7f]+)*[\x40-\x7e]?")
LINE = re.compile(r"[^\n]+")
# CJK text, or what a lossy decode leaves: a line with any of these is searched whatever ftfy thinks of it.
CJK_OR_MARKS = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\ue000-\uf8ff\ufffd?]")
MIN_GAIN = 3.0
MAX_COST_PER_CHAR = 4.5
MIN_MARGIN = 0.3
RARE_COST = 5.0
MIN_COMMON_SHARE = 0.8
MIN_HAN = 2
REACH = 12  # characters searched on either side of the first and last signature in a run
MAX_CHUNK = 200
MISSING = "\ufffd"
MIN_STRETCH = 2  # characters a conversion must re-encode in a row to be tried
MAX_REMEMBERED = 20_000  # characters whose bytes are remembered per codec
GUESSED_SYMBOL_COST = 1.0  # a lost byte in Chinese text far more often belonged to a Han character than a symbol
MAX_HOLE_SHARE = 3  # at most one lost byte in three characters of a stretch is inferred
LOST_BYTE = 0x80  # stands for a UTF-8 continuation byte the GBK decoder turned into U+FFFD


@dataclass(frozen=True)
class Conversion:
    """Text that was ``encoding`` bytes read with the wrong codec: re-encode it, decode with ``decoding``."""

    label: str
    encoding: str
    decoding: str

    @property
    def single_byte(self) -> bool:
        return self.encoding in ("latin-1", "cp1252", "cp1251", "koi8_r")

    def may_apply(self, run: str, length: int) -> bool:
        """Whether ``run`` has ``length`` characters in a row this conversion can re-encode.

        A cheap rejection before the character-by-character pass: a single-byte code page
        encodes no Han character, so clean Chinese is ruled out by one regex search.
        """
        return not self.single_byte or _encodable_stretch(self.encoding, length).search(run) is not None

    @property
    def lost_byte_reading(self) -> bool:
        """Whether a U+FFFD in the text stands for one byte of the original: a double-byte
        decoder (GBK, Big5) replaces each byte it cannot pair by one U+FFFD and reads on from the next."""
        return self.encoding in ("gb18030", "gbk", "big5")


@cache
def _encodable_stretch(encoding: str, length: int) -> re.Pattern[str]:
    """``length`` characters in a row that the single-byte ``encoding`` can encode (see :func:`_char_bytes`)."""
    chars = set(bytes(range(256)).decode(encoding, "ignore"))
    if encoding == "cp1252":
        chars |= set(map(chr, range(0x80, 0xA0)))
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + f"]{{{length}}}")


CONVERSIONS = (
    Conversion("utf-8 read as gbk", "gb18030", "utf-8"),
    Conversion("big5 read as gbk", "gbk", "big5"),
    Conversion("gbk read as big5", "big5", "gbk"),
    Conversion("utf-8 read as latin-1", "latin-1", "utf-8"),
    Conversion("utf-8 read as cp1252", "cp1252", "utf-8"),
    Conversion("gbk read as latin-1", "latin-1", "gb18030"),
    Conversion("gbk read as cp1252", "cp1252", "gb18030"),
    Conversion("gbk read as cp1251", "cp1251", "gb18030"),
    Conversion("gbk read as koi8-r", "koi8_r", "gb18030"),
)


@dataclass(frozen=True)
class Piece:
    """``run[start:end]`` reads as ``text`` under a conversion (U+FFFD where a lost byte stays unknown)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Window:
    start: int
    end: int
    text: str
    gain: float
    label: str


def _char_bytes(char: str, conversion: Conversion) -> bytes | None:
    if char == MISSING:
        return bytes((LOST_BYTE,)) if conversion.lost_byte_reading else None
    if conversion.encoding == "cp1252" and "\x80" <= char <= "\x9f":
        return bytes((ord(char),))  # bytes cp1252 leaves undefined come through as C1 controls
    try:
        return char.encode(conversion.encoding)
    except UnicodeEncodeError:
        return None


class _CharBytes(dict[str, "bytes | None"]):
    """:func:`_char_bytes` for one conversion, remembered: a run is re-encoded a character at a time."""

    def __init__(self, conversion: Conversion) -> None:
        super().__init__()
        self.conversion = conversion

    def __missing__(self, char: str) -> bytes | None:
        if len(self) > MAX_REMEMBERED:
            self.clear()
        value = self[char] = _char_bytes(char, self.conversion)
        return value


class _Widths(dict[str, int]):
    """Bytes each character takes in one codec, remembered."""

    def __init__(self, codec: str) -> None:
        super().__init__()
        self.codec = codec

    def __missing__(self, char: str) -> int:
        if len(self) > MAX_REMEMBERED:
            self.clear()
        value = self[char] = len(char.encode(self.codec, "replace"))
        return value


ENCODERS = {conversion.label: _CharBytes(conversion) for conversion in CONVERSIONS}
WIDTHS = {codec: _Widths(codec) for codec in {conversion.decoding for conversion in CONVERSIONS}}


@dataclass(frozen=True)
class Hole:
    """A lost byte at ``offset``; ``left``/``right`` are the text's characters around the stretch it lies in."""

    offset: int
    following: str | None  # the character after the hole in the text: right context when the hole ends the span
    left: str | None


def _fill_lost_bytes(lm: CharLM, data: bytearray, holes: list[Hole], conversion: Conversion) -> set[int]:
    """Choose each lost byte by the model; return the holes it could not decide.

    The candidates are the bytes that complete the character the hole lies in (under the right
    decoding) and that the wrong decoder would indeed have rejected there. Each is scored with the
    character before and after; a hole whose runner-up is within :data:`MIN_MARGIN` stays unknown.
    Two passes: the first fills the holes in order with unfilled neighbours as no context, the
    second decides each hole again with its neighbours filled.
    """
    pending = {hole.offset for hole in holes}
    undecided: set[int] = set()
    for _ in range(2):
        undecided = set()
        for hole in holes:
            pending.discard(hole.offset)
            if not _fill_hole(lm, data, hole, conversion, pending):
                undecided.add(hole.offset)
    return undecided


def _fill_hole(lm: CharLM, data: bytearray, hole: Hole, conversion: Conversion, pending: set[int]) -> bool:
    """Set the lost byte to the model's choice; whether the choice is clear."""
    located = _utf8_char(data, hole.offset) if conversion.decoding == "utf-8" else _double_byte_char(data, hole.offset)
    if located is None:
        return False
    start, width = located

    def neighbour(span: tuple[int, int]) -> str | None:
        return None if any(span[0] <= offset < span[1] for offset in pending) else _decoded(data, span, conversion)

    before = neighbour(_previous_char(data, start, conversion)) if start else hole.left
    # Bytes after the hole that decode to nothing belong to clean text the span ends in.
    after = (neighbour(_next_char(data, start + width, conversion)) if start + width < len(data) else None) \
        or hole.following
    scored = []
    for byte in _candidate_bytes(data, hole.offset, conversion):
        data[hole.offset] = byte
        if (char := _decoded(data, (start, start + width), conversion)) is not None:
            prior = 0.0 if is_han(char) else GUESSED_SYMBOL_COST
            scored.append((lm.cost(char + (after or ""), before) + prior, byte))
    scored.sort()
    if scored:
        data[hole.offset] = scored[0][1]  # even an undecided hole keeps a byte that decodes in step
    return bool(scored) and (len(scored) == 1 or scored[1][0] - scored[0][0] >= MIN_MARGIN)


def _utf8_char(data: bytearray, hole: int) -> tuple[int, int] | None:
    """Start and width of the UTF-8 sequence whose continuation byte was lost at ``hole``."""
    lead = hole
    while lead > 0 and hole - lead < 3 and data[lead] & 0xC0 == 0x80:
        lead -= 1
    width = 4 if data[lead] >= 0xF0 else 3 if data[lead] >= 0xE0 else 2 if data[lead] >= 0xC0 else 0
    return (lead, width) if width and lead + width > hole else None


def _double_byte_char(data: bytearray, hole: int) -> tuple[int, int] | None:
    """The byte pair the lost byte at ``hole`` belongs to, found by reading pairs from the stretch start."""
    position = 0
    while position < hole:
        position += 1 if data[position] < 0x80 else 2
    start = hole if position == hole else hole - 1
    return (start, 2) if start + 2 <= len(data) else None


def _candidate_bytes(data: bytearray, hole: int, conversion: Conversion) -> list[int]:
    """Bytes the hole may have held: a UTF-8 continuation byte, or a byte the wrong double-byte
    decoder cannot pair with the byte after it (it would not have written U+FFFD otherwise)."""
    if conversion.decoding == "utf-8":
        return list(range(0x80, 0xC0))
    following = bytes(data[hole + 1:hole + 2])
    return [byte for byte in range(0x81, 0xFF)
            if not following or (bytes((byte,)) + following).decode(conversion.encoding, "replace")[0] == MISSING]


def _previous_char(data: bytearray, end: int, conversion: Conversion) -> tuple[int, int]:
    """Start and end of the character that ends at ``end`` (a character boundary)."""
    if conversion.decoding == "utf-8":
        start = end - 1
        while start > 0 and end - start < 4 and data[start] & 0xC0 == 0x80:
            start -= 1
        return start, end
    position = start = 0
    while position < end:
        start, position = position, position + (1 if data[position] < 0x80 else 2)
    return start, end


def _next_char(data: bytearray, start: int, conversion: Conversion) -> tuple[int, int]:
    """Start and end of the character that starts at ``start`` (a character boundary)."""
    lead = data[start]
    if conversion.decoding == "utf-8":
        return start, start + (4 if lead >= 0xF0 else 3 if lead >= 0xE0 else 2 if lead >= 0xC0 else 1)
    return start, start + (1 if lead < 0x80 else 2)


def _decoded(data: bytearray, span: tuple[int, int], conversion: Conversion) -> str | None:
    """The character in ``data[span]``, or ``None`` when those bytes are no ordinary character."""
    try:
        char = bytes(data[span[0]:span[1]]).decode(conversion.decoding)
    except UnicodeDecodeError:
        return None
    return char if len(char) == 1 and unicodedata.category(char) not in ("Co", "Cn", "Cc") else None


def _pieces(lm: CharLM, run: str, left: str | None, conversion: Conversion, skip: int) -> list[list[Piece]]:
    """Chains of consecutive pieces of ``run``, each stretch of encodable characters decoded from its ``skip``-th."""
    chains: list[list[Piece]] = []
    stretch_start = 0
    encoded: list[bytes] = []
    encoder = ENCODERS[conversion.label]
    for index, char in enumerate([*run, None]):
        raw = encoder[char] if char is not None else None
        if raw is not None:
            encoded.append(raw)
            continue
        begin = stretch_start + skip
        if len(encoded) - skip >= MIN_STRETCH:
            chains += _decode_stretch(lm, run, begin, encoded[skip:], conversion, run[begin - 1] if begin else left)
        stretch_start, encoded = index + 1, []
    return chains


def _decode_stretch(lm: CharLM, run: str, begin: int, encoded: list[bytes], conversion: Conversion,
                    left: str | None) -> list[list[Piece]]:
    offsets: dict[int, int] = {}  # byte offset -> run index
    data = bytearray()
    holes: list[Hole] = []
    for index, raw in enumerate(encoded, begin):
        offsets[len(data)] = index
        if run[index] == MISSING:
            holes.append(Hole(len(data), run[index + 1] if index + 1 < len(run) else None, left))
        data += raw
    offsets[len(data)] = begin + len(encoded)
    # A lost byte is inferred from the bytes around it: a stretch that is mostly holes has too few.
    if len(holes) * MAX_HOLE_SHARE > len(encoded):
        undecided = {hole.offset for hole in holes}
    else:
        undecided = _fill_lost_bytes(lm, data, holes, conversion) if holes else set()
    chains: list[list[Piece]] = []
    chain: list[Piece] = []
    piece_start: int | None = 0
    chars: list[str] = []
    offset = 0
    widths = WIDTHS[conversion.decoding]
    for char in bytes(data).decode(conversion.decoding, "surrogateescape"):
        if "\udc80" <= char <= "\udcff":
            offset += 1
            piece_start, chars = None, []
            if chain:
                chains.append(chain)
                chain = []
        else:
            width = widths[char]
            lost = bool(undecided) and any(offset <= hole < offset + width for hole in undecided)
            chars.append(MISSING if lost else char)
            offset += width
        if offset in offsets:
            if piece_start is not None and chars:
                chain.append(Piece(offsets[piece_start], offsets[offset], "".join(chars)))
            piece_start, chars = offset, []
    if chain:
        chains.append(chain)
    return chains


class Baseline:
    """The run as it stands, folded to Simplified, with the cost of each character after the one before it.

    Computed once per run and shared by every candidate chain: the chains differ, the run does not.
    """

    def __init__(self, lm: CharLM, run: str, left: str | None, right: str | None) -> None:
        self.lm = lm
        self.folded = to_simplified_chars(run)
        self.left = to_simplified_chars(left) if left else None
        self.right = to_simplified_chars(right) if right else None
        self.costs = [lm.pair_cost(self.before(i), char) for i, char in enumerate(self.folded)]
        # What the character after position ``end`` costs after the run's own character at ``end - 1``.
        self.closing = [*self.costs[1:], self.pair(self.folded[-1], self.right) if self.folded else 0.0]

    def before(self, position: int) -> str | None:
        return self.folded[position - 1] if position else self.left

    def after(self, position: int) -> str | None:
        return self.folded[position] if position < len(self.folded) else self.right

    def pair(self, first: str | None, second: str | None) -> float:
        return self.lm.pair_cost(first, second) if second is not None else 0.0

    def cost(self, start: int, end: int) -> float:
        """What ``run[start:end]`` costs as it stands, each character after the one before it."""
        return sum(self.costs[start:end])


def _best_window(baseline: Baseline, chain: list[Piece], label: str) -> Window | None:
    """The stretch of ``chain`` whose conversion gains most over the run as it stands (maximum-gain subarray)."""
    pair, before, after, pair_cost = baseline.pair, baseline.before, baseline.after, baseline.lm.pair_cost
    best: tuple[float, int, int] | None = None  # gain, first and last piece of the best window
    best_open: tuple[float, int] | None = None  # max over a of (left correction - gains before a)
    running = 0.0  # sum of piece gains so far
    previous_last: str | None = None
    folded = to_simplified_chars("".join(piece.text for piece in chain))  # one call: folding keeps lengths
    offset = 0
    for position, piece in enumerate(chain):
        text = folded[offset:offset + len(piece.text)]
        offset += len(piece.text)
        inner = sum(map(pair_cost, text[:-1], text[1:]))
        original = baseline.cost(piece.start, piece.end)
        true_left = pair(before(piece.start), text[0])
        joined = pair(previous_last, text[0]) if position else true_left
        candidate_open = (joined - true_left - running, position)  # a window starting here pays the true left pair
        if best_open is None or candidate_open[0] > best_open[0]:
            best_open = candidate_open
        running += original - inner - joined
        closing = baseline.closing[piece.end - 1] - pair(text[-1], after(piece.end))
        gain = best_open[0] + running + closing
        if best is None or gain > best[0]:
            best = (gain, best_open[1], position)
        previous_last = text[-1]
    if best is None:
        return None
    gain, first, last = best
    return Window(chain[first].start, chain[last].end, "".join(p.text for p in chain[first:last + 1]), gain, label)


def _ftfy_window(lm: CharLM, run: str, left: str | None, right: str | None) -> Window | None:
    from ftfy import fix_encoding

    fixed = fix_encoding(run)
    if fixed == run:
        return None
    tail = lambda text: lm.pair_cost(to_simplified_chars(text[-1]), to_simplified_chars(right)) if right else 0.0  # noqa: E731
    gain = lm.cost(run, left) + tail(run) - lm.cost(fixed, left) - tail(fixed)
    return Window(0, len(run), fixed, gain, "utf-8 read as cp1252 (ftfy)")


def _plausible(lm: CharLM, text: str) -> bool:
    """Mostly common Han characters and no C1 controls: what a real repair of Chinese text yields."""
    han = [ch for ch in text if is_han(ch)]
    common = sum(1 for ch in to_simplified_chars("".join(han)) if lm.unigram_cost(ch) < RARE_COST)
    return (len(han) >= max(1, len(text.strip()) // 3) and common >= MIN_COMMON_SHARE * len(han)
            and not any("\x80" <= ch <= "\x9f" for ch in text))


def _has_common_pair(lm: CharLM, text: str) -> bool:
    """Whether two Han characters follow each other in ``text`` (other characters between them allowed)
    and are both common.

    Without such a pair no stretch of the text passes :func:`_acceptable`: it needs two Han characters,
    and at most every other one being common falls short of :data:`MIN_COMMON_SHARE` (above 2/3). Garbage
    decoded from clean text is screened out here before any window is scored.
    """
    previous = False
    for char in to_simplified_chars("".join(HAN_CHAR.findall(text))):
        common = lm.unigram_cost(char) < RARE_COST
        if common and previous:
            return True
        previous = common
    return False


def _acceptable(lm: CharLM, window: Window) -> bool:
    """Enough gain, a plausible result, and at least two Han characters: one character alone is weak evidence."""
    visible = window.text.replace(MISSING, "")
    return (window.gain >= MIN_GAIN and sum(map(is_han, visible)) >= MIN_HAN and _plausible(lm, visible)
            and lm.cost(visible) / len(visible) <= MAX_COST_PER_CHAR)


def _japanese(run: str) -> bool:
    """Japanese prose: hiragana particles at prose density (Big5 read as GBK yields kana too, but scattered)."""
    hiragana = len(HIRAGANA.findall(run))
    return hiragana >= JAPANESE_SHARE * len(run) and len(PARTICLES.findall(run)) >= 2


def _repair_run(lm: CharLM, run: str, left: str | None, right: str | None, offset: int) -> list[Edit]:
    """Edits for the best span of ``run``, then recursively for what lies on either side of it."""
    if len(run) < 2 or not hits(mojibake_signature(), run) or _japanese(run):
        return []
    windows: list[Window] = []
    baseline: Baseline | None = None  # built for the first chain worth scoring: most runs have none
    for conversion in CONVERSIONS:
        # A stray single-byte character before the span pairs its byte with the span's first byte:
        # decoding from the second character as well finds the true pairing.
        for skip in (0, 1) if conversion.single_byte else (0,):
            if not conversion.may_apply(run, MIN_STRETCH + skip):
                continue
            for chain in _pieces(lm, run, left, conversion, skip):
                if not _has_common_pair(lm, "".join(piece.text for piece in chain)):
                    continue  # no window of the chain could be accepted
                baseline = baseline or Baseline(lm, run, left, right)
                if (window := _best_window(baseline, chain, conversion.label)) is not None:
                    windows.append(window)
    if ftfy_window := _ftfy_window(lm, run, left, right):
        windows.append(ftfy_window)
    chosen = next((w for w in sorted(windows, key=lambda w: -w.gain) if _acceptable(lm, w)), None)
    if chosen is None:
        return []
    note = chosen.label
    if MISSING in chosen.text:
        note += "; warning: a lost byte could not be inferred and is kept as U+FFFD"
    confidence = round(min(0.99, 0.6 + chosen.gain / (10 * max(1, len(chosen.text)))), 2)
    edits = [Edit(offset + chosen.start, offset + chosen.end, chosen.text, confidence, note)]
    edits += _repair_run(lm, run[:chosen.start], left, chosen.text[0], offset)
    edits += _repair_run(lm, run[chosen.end:], chosen.text[-1], right, offset + chosen.end)
    return edits


@dataclass
class SearchBudget:
    """Chunk searches left for the page (binary junk decoded as text is signatures from end to end), and the
    lines left as they are because a repair would hide characters deleted without a trace."""

    left: int = 400
    skipped: int = 0
    lost_unmarked: int = 0


def find_mojibake(text: str, budget: SearchBudget | None = None) -> list[Edit]:
    signature = mojibake_signature()
    if not signature.search(text):
        return []
    budget = budget or SearchBudget()
    lm = load()
    quoted = protected_spans(text)
    edits = []
    decided: list[tuple[int, int]] = []  # lines repaired in one piece, or left as they are
    # A line that is mojibake end to end is undone in one piece, by the chain the model prefers.
    for line in LINE.finditer(text):
        if not signature.search(line.group()) or overlaps(quoted, *line.span()) or _plain_latin(line.group()):
            continue
        if lost_unmarked(lm, line.group()):
            budget.lost_unmarked += 1
            decided.append(line.span())
            continue
        if (reading := best_reading(lm, line.group())) is not None:
            note = f"whole line: {reading.label}"
            if reading.unknown:
                note += f"; warning: {reading.unknown} lost byte(s) could not be inferred and are kept as U+FFFD"
            if reading.chain[-1] in DROPPING and reading.guessed:
                # Bytes that decoder dropped were deleted here: the characters it drops whole went without a trace.
                note += f"; warning: characters a {reading.chain[-1][0]} decoder drops whole ({WHOLE_DROPPED}) may be missing"
            confidence = 0.95 if not reading.unknown else 0.5
            edits.append(Edit(line.start(), line.end(), reading.text, confidence, note))
            decided.append(line.span())
    for match in RUN.finditer(text):
        found = hits(signature, match.group())
        if not found or overlaps(decided, *match.span()):
            continue
        # Signatures fill a damaged span, so the search stays near them: a long clean paragraph
        # with one rare name costs a few characters of search, not the paragraph.
        start = match.start() + max(0, found[0][0] - REACH)
        end = match.start() + min(len(match.group()), found[-1][1] + REACH)
        # Chunks bound the search on hostile input: each costs the square of its length at worst.
        for chunk in range(start, end, MAX_CHUNK):
            if budget.left <= 0:
                budget.skipped += 1
                continue
            budget.left -= 1
            stop = min(end, chunk + MAX_CHUNK)
            left = text[chunk - 1] if chunk else None
            right = text[stop] if stop < len(text) else None
            edits += [edit for edit in _repair_run(lm, text[chunk:stop], left, right, chunk)
                      if not overlaps(quoted, edit.start, edit.end)]
    return edits


def _plain_latin(line: str) -> bool:
    """A line of a European language as written (``Die Bürger müssen früh entscheiden``): no CJK character
    and nothing ftfy's badness measure flags. Its accented letters hit the mojibake signature, and searching
    every chain of every such line of a German page costs more than the rest of its cleaning."""
    return not CJK_OR_MARKS.search(line) and not is_bad(line)


@register_repairer
class Mojibake(Repairer):
    """Re-decode spans of CJK mojibake (UTF-8/GBK/Big5/Latin-1/Cyrillic code pages)."""

    name = "mojibake"
    order = 200

    def may_change(self, page_text: str) -> bool:
        return mojibake_signature().search(page_text) is not None

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        budget = SearchBudget()
        flagged = lines_with_signature(mojibake_signature(), texts)
        results = [apply_edits(text, self.name, find_mojibake(text, budget)) if index in flagged else (text, [])
                   for index, text in enumerate(texts)]
        if budget.lost_unmarked:
            self.note(f"{budget.lost_unmarked} line(s) of Big5 text read as GB18030 lost the characters GB18030 "
                      "reads as private use (，。的一…) without a trace: left garbled, as a repair would hide the loss")
        if budget.skipped:
            self.note(f"search budget reached; {budget.skipped} more suspicious stretches left as they are "
                      "(binary or undecodable data looks like this)")
        return results
