"""Whole-line decoding chains: a line that is mojibake from end to end, undone in one piece.

A wrong decode that kept every byte is reversible: re-encode the text with the codec that misread it
and decode the bytes with the one they were written in. This module tries every such chain on the
whole line, strictly (a chain that fails on one character fails on the line, so a line is repaired
entirely or not by this path), applied once or twice (UTF-8 read as Windows-1252, saved as UTF-8 and
read as Windows-1252 again), with ftfy's ``fix_encoding`` as one more candidate. The character model
chooses among the results; the winner must be plausible Chinese and much more likely than the line
as it stands.

Readers: GBK/GB18030, Big5/cp950/Big5-HKSCS, Latin-1, Windows-1252 in Python's mapping and in
WHATWG's (the five bytes Windows-1252 leaves undefined come through as C1 controls, so a C1 control
encodes to its own byte). Originals: UTF-8, GB18030, Big5/cp950/Big5-HKSCS.

Lost bytes the line itself marks: a U+FFFD from a decoder that replaced what it could not read stands
for one byte (a Windows-1252 decoder: one of its five undefined bytes; a double-byte decoder: a byte
it could not pair with the next). Each is chosen by the model in the context of the whole line, and
kept as U+FFFD when the runner-up is nearly as likely (the caller records a warning). Lost bytes nothing
marks: UTF-8's own structure places them (:func:`_utf8_deletions`); GBK read as Big5 has the bytes the
Big5 decoder dropped put back by :mod:`._dropped`. What the line's surviving characters say weighs on
each guess too (:func:`_line_cost`: their script, a question word, a mark of a pair they lack).

Never changes: a line some chain cannot re-encode or decode strictly (clean Chinese, real accented
Latin, Cyrillic or Greek text), a line whose best reading is not plausible Chinese, or one the model
does not clearly prefer; it never folds width, quotes or anything else ftfy might. A Big5 line read as
GB18030 that lost its private-use characters without a trace is told apart (:func:`lost_unmarked`) for
the caller to leave alone.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..shadow import is_han, to_simplified_chars
from ._dropped import DROPPING, reread
from ._whole import put_back_whole
from .charlm import CharLM

MISSING = "\ufffd"
FTFY = (("ftfy", "fix_encoding"),)
READERS = ("gb18030", "gbk", "big5", "cp950", "big5hkscs", "latin-1", "cp1252")
ORIGINALS = ("utf-8", "gb18030", "cp950", "big5hkscs")
SINGLE_BYTE = ("latin-1", "cp1252")
CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
MAX_LINE = 4000
MAX_HOLES = 60
MIN_GAIN_PER_CHAR = 1.0  # log10 the candidate must save per character of the line as it stands
MAX_COST_PER_CHAR = 4.5
MIN_COMMON_SHARE = 0.8
LOSSLESS_COMMON_SHARE = 0.6
RARE_COST = 5.0
MIN_MARGIN = 0.3
SCRIPT_COST = 1.5
QUESTION_COST = 1.0
PAIRED = {"“": "”", "”": "“", "《": "》", "》": "《", "（": "）", "）": "（", "「": "」", "」": "「", "‘": "’", "’": "‘"}
UNPAIRED_COST = 1.0
QUESTION = re.compile("[吗呢嗎谁誰哪]|什么|什麼|怎么|怎麼|为何|為何|多少|几[个個次天年]|幾[個次天年]|是否|难道|難道|要不要|能不能|是不是")
GUESSED_SYMBOL_COST = 1.0  # a lost byte in Chinese text far more often belonged to a Han character than a symbol
LINE_END = "。！？”」』）…"
SENTENCE_END, QUESTION_END = "。", "？"
SEPARATORS = "，。、；：？！"
MAX_CHOICES = 1024
WHOLE_CHAR_MARGIN = 1.0  # a character all of whose bytes were lost is chosen among thousands: a wider margin  # byte choices tried for the holes of one character
HOLE_CONTEXT = 12  # bytes on either side of a lost byte decoded to score each candidate


@dataclass(frozen=True)
class Reading:
    """The line re-read through ``chain`` ((reader, original) steps), U+FFFD where a lost byte stays unknown."""

    text: str
    chain: tuple[tuple[str, str], ...]
    cost: float
    guessed: int  # lost bytes the model chose
    unknown: int  # lost bytes kept as U+FFFD

    @property
    def label(self) -> str:
        if self.chain == FTFY:
            return "ftfy fix_encoding"
        return ", then ".join(f"{original} read as {reader}" for reader, original in reversed(self.chain))


@cache
def _encodes(reader: str, char: str) -> bytes | None:
    """``char`` in the bytes ``reader`` read it from (a C1 control is its own byte in Windows-1252)."""
    if reader == "cp1252" and "\x80" <= char <= "\x9f":
        return bytes((ord(char),))
    try:
        return char.encode(reader)
    except UnicodeEncodeError:
        return None


def _reencode(text: str, reader: str, original: str, legacy: bool = False) -> tuple[bytearray, list[int]] | None:
    """The bytes ``reader`` read ``text`` from, with the offsets of lost bytes (U+FFFD), or ``None``.

    With ``legacy``, a ``?`` beside a non-ASCII character is a pair an old decoder could not read: it
    took a lead byte and the byte after it together and printed ``?``, so two bytes are lost there.
    """
    data = bytearray()
    holes: list[int] = []
    for index, char in enumerate(text):
        if char == MISSING or (legacy and char == "?" and _beside_wide(text, index)):
            if not _hole_readable(reader, original):
                return None
            holes += [len(data)] if char == MISSING else [len(data), len(data) + 1]
            data += b"\x80" if char == MISSING else b"\x80\x80"
            continue
        raw = _encodes(reader, char)
        if raw is None:
            return None
        data += raw
    return data, holes


LEAD_PLACEHOLDER = 0xE4  # a lost UTF-8 lead byte most likely began a three-byte (Han) character
CONTINUATION_PLACEHOLDER = 0x80


Pairs = dict[int, tuple[int, bool, range]]  # hole -> (the other hole of its lost pair, first of the two, its byte range)
CONTINUATIONS = range(0x80, 0xC0)
THREE_BYTE_LEADS = range(0xE0, 0xF0)
REPLACEMENT_UTF8 = "\ufffd".encode()


def _utf8_deletions(text: str, reader: str, legacy: bool = False) -> tuple[bytearray, list[int], Pairs] | None:
    """The UTF-8 bytes ``reader`` read ``text`` from, with a hole wherever a byte was deleted, or ``None``.

    A lenient double-byte decoder replaces each byte it cannot pair by U+FFFD; when those are deleted
    afterwards, nothing marks the loss, but UTF-8 is self-synchronising: a lead byte short of its
    continuation bytes, or continuation bytes without a lead, shows where a byte went. The lost byte
    sat between two characters of ``text`` (the decoder dropped it whole), which places it (the last such
    boundary inside the short sequence; a lost lead byte goes before the continuation bytes that survived). At most
    :data:`MAX_HOLES` holes; ``None`` when the bytes decode already or the damage is not of this shape.

    With ``legacy``, a ``?`` beside a non-ASCII character is a pair an old decoder could not read (it takes
    a byte of 0x80 or more and the byte after it together): two bytes were lost exactly there, and nowhere
    else. They are placed the same way; the two are chosen so that the reader could not have read them as
    a pair (``Pairs``). A byte of the pair that UTF-8's structure does not explain (an ASCII byte swallowed
    as a trail, or a whole two-byte character) becomes U+FFFD.
    """
    data = bytearray()
    boundaries = {0}
    sites: dict[int, int] = {}  # byte offset -> bytes a legacy decoder lost there
    for index, char in enumerate(text):
        if legacy and char == "?" and _beside_wide(text, index):
            sites[len(data)] = sites.get(len(data), 0) + 2
            continue
        raw = _encodes(reader, char)
        if raw is None or char == MISSING:
            return None
        data += raw
        boundaries.add(len(data))
    if legacy and not sites:
        return None
    try:
        bytes(data).decode("utf-8")
        if not sites:
            return None  # nothing was lost
    except UnicodeDecodeError:
        pass
    built = _place_holes(data, set(sites) if legacy else boundaries, {}, legacy)
    if built is None:
        return None
    if legacy:
        unexplained = {site: lost - len(built[2].get(site, [])) for site, lost in sites.items()}
        if unexplained.get(len(data)) == 1 and text.endswith("?"):
            # The last ``?``: a lone byte at the end of the stream, which the decoder could not pair either.
            unexplained[len(data)] = 0
        if any(count < 0 for count in unexplained.values()):
            return None  # more bytes placed than the decoder lost: not this damage
        # One U+FFFD for each character the structure does not explain: a whole character of up to three
        # bytes (a two-byte symbol, a Han character or CJK punctuation), or an ASCII byte taken as a trail; a
        # whole character of three bytes lost at the end of the line is its closing mark (:func:`_closing_mark`).
        built = _place_holes(data, set(sites), {
            site: _closing_mark_utf8(data) if site == len(data) and count == 3 else REPLACEMENT_UTF8 * ((count + 2) // 3)
            for site, count in unexplained.items() if count}, legacy)
        if built is None:
            return None
    out, holes, placed = built
    if len(holes) > MAX_HOLES or (not holes and not legacy):
        return None
    pairs: Pairs = {}
    for at in placed.values() if legacy else ():
        for first, second in zip(at[::2], at[1::2], strict=False):
            pairs[first] = (second, True, _role(out[first]))
            pairs[second] = (first, False, _role(out[second]))
    return out, holes, pairs


def _closing_mark_utf8(data: bytearray) -> bytes:
    """The UTF-8 bytes of the mark that closes the line ``data`` holds (:func:`_closing_mark`)."""
    asks = QUESTION.search(bytes(data).decode("utf-8", "ignore")) is not None
    return (QUESTION_END if asks else SENTENCE_END).encode()


def _place_holes(data: bytearray, allowed: set[int], unknown: dict[int, bytes], legacy: bool = False
                 ) -> tuple[bytearray, list[int], dict[int, list[int]]] | None:
    """``data`` with holes where UTF-8's structure shows a lost byte, each at an ``allowed`` offset, and the
    bytes ``unknown[offset]`` (U+FFFD for characters lost whole) after the holes put at that offset. Returns
    the bytes, the holes, and the holes put at each offset."""
    out = bytearray()
    holes: list[int] = []
    placed: dict[int, list[int]] = {}
    pending = dict(unknown)

    def put(offset: int, placeholders: bytes) -> None:
        for placeholder in placeholders:
            placed.setdefault(offset, []).append(len(out))
            holes.append(len(out))
            out.append(placeholder)
        if pending.pop(offset, b"") and offset in unknown:
            out.extend(unknown[offset])

    index = 0
    while index < len(data):
        byte = data[index]
        if byte < 0x80:
            put(index, b"") if index in pending else None
            out.append(byte)
            index += 1
            continue
        continuations = 0
        scan = index + (1 if byte >= 0xC2 else 0)
        # Continuation bytes end at an offset where bytes were lost, when there are few such offsets (legacy).
        while scan < len(data) and 0x80 <= data[scan] <= 0xBF and continuations < 3 \
                and not (legacy and scan in allowed and scan > index):
            scan += 1
            continuations += 1
        if 0xC2 <= byte <= 0xF4:
            if index in pending:
                put(index, b"")
            width = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            missing = width - 1 - continuations
            if missing < 0:
                return None
            end = index + 1 + continuations
            if not missing:
                # A sequence complete on its own may still have an offset with U+FFFD to put inside it: none.
                if any(index < offset < end for offset in pending):
                    return None
                out += data[index:end]
                index = end
                continue
            # The lost bytes sat at an allowed offset inside this sequence: the last one.
            at = max((offset for offset in range(index + 1, end + 1) if offset in allowed), default=None)
            if at is None:
                return None
            out += data[index:at]
            put(at, bytes((CONTINUATION_PLACEHOLDER,)) * missing)
            out += data[at:end]
            index = end
        elif 0x80 <= byte <= 0xBF and index in allowed and continuations <= 2:
            # A lead byte lost before ``continuations`` continuation bytes (a three-byte character when two
            # survive; when one survives, one continuation byte was lost with the lead).
            put(index, bytes((LEAD_PLACEHOLDER,)) if continuations == 2
                else bytes((LEAD_PLACEHOLDER, CONTINUATION_PLACEHOLDER)))
            out += data[index:scan]
            index = scan
        else:
            return None
    if len(data) in pending:
        put(len(data), b"")
    return out, holes, placed


def _role(placeholder: int) -> range:
    return THREE_BYTE_LEADS if placeholder == LEAD_PLACEHOLDER else CONTINUATIONS


def _beside_wide(text: str, index: int) -> bool:
    """Whether ``text[index]`` follows or precedes a non-ASCII character, maybe across other ``?``: an old
    pair decoder's ``?`` also starts a line or follows a digit or ASCII comma the text kept."""
    before = text[:index].rstrip("?")
    after = text[index + 1:].lstrip("?")
    return (bool(before) and not before[-1].isascii()) or (bool(after) and not after[0].isascii())


def _hole_readable(reader: str, original: str) -> bool:
    """Whether a U+FFFD from ``reader`` stands for exactly one byte of ``original`` text: Windows-1252's
    five undefined bytes inside UTF-8, or a byte a double-byte decoder could not pair (it replaces that
    one byte and reads on from the next; GB18030 may swallow more, so it is not one of them)."""
    return (reader == "cp1252" and original == "utf-8") or reader in ("gbk", "big5", "cp950")


@cache
def _pair_unreadable(first: int, second: int, reader: str) -> bool:
    """Whether an old pair decoder printed ``?`` for these two bytes: ``reader`` reads no one character."""
    try:
        return len(bytes((first, second)).decode(reader)) != 1
    except UnicodeDecodeError:
        return True


@cache
def _unreadable_with(role: range, others: range, first: bool, reader: str) -> tuple[int, ...]:
    """The bytes of ``role`` that ``reader`` cannot read as a pair with some byte of ``others`` (after it
    when ``first``, before it otherwise)."""
    return tuple(byte for byte in role
                 if any(_pair_unreadable(byte, other, reader) if first else _pair_unreadable(other, byte, reader)
                        for other in others))


def _hole_bytes(data: bytearray, offset: int, reader: str, pairs: Pairs | None = None) -> list[int]:
    """Bytes the hole may have held: the reader would have replaced them by one U+FFFD (or, for a hole of a
    legacy pair, could not read it with the other byte of the pair)."""
    if pairs and offset in pairs:
        partner, first, role = pairs[offset]
        others = pairs[partner][2] if partner in pairs else range(data[partner], data[partner] + 1)
        return list(_unreadable_with(role, others, first, reader))
    if reader == "cp1252":
        return list(CP1252_UNDEFINED)
    following = bytes(data[offset + 1:offset + 2])
    return [byte for byte in range(0x80, 0x100)
            if (bytes((byte,)) + following).decode(reader, "replace")[0] == MISSING]


def _pairs_unreadable(group: list[int], choice: tuple[int, ...], reader: str, pairs: Pairs | None) -> bool:
    """Whether every legacy pair both of whose bytes ``choice`` sets (for the holes of ``group``) is one the
    old decoder could not read: the bytes of a pair are options each on its own (:func:`_hole_bytes`), but
    only some of their combinations made it print ``?``."""
    if not pairs:
        return True
    chosen = dict(zip(group, choice, strict=True))
    return all(_pair_unreadable(byte, chosen[partner], reader)
               for hole, byte in chosen.items() if hole in pairs
               for partner, first, _ in (pairs[hole],) if first and partner in chosen)


def _ordinary(text: str) -> bool:
    return not any(unicodedata.category(char) in ("Co", "Cn", "Cc") and char not in "\t\n\r" for char in text)


def _decode(data: bytearray, original: str) -> str | None:
    try:
        text = bytes(data).decode(original)
    except UnicodeDecodeError:
        return None
    return text if _ordinary(text) else None


def _fill(lm: CharLM, data: bytearray, holes: list[int], reader: str, original: str,
          pairs: Pairs | None = None, legacy: bool = False) -> tuple[str, int] | None:
    """Decode ``data`` with each hole set to the bytes the model prefers; an undecided hole's character
    becomes U+FFFD. Returns the text and how many holes stayed unknown.

    Holes in one character are chosen together. Each choice is scored on the bytes around it decoded
    leniently (a hole not yet filled reads as U+FFFD, the same for every choice); two passes, the
    second with every other hole filled. A whole lost character is never scored against a neighbour
    that is itself an undecided guess: a wrong neighbour would make a wrong choice look clear.
    """
    groups: list[list[int]] = []
    for hole in holes:
        if groups and _char_start(data, hole, original)[1] <= groups[-1][-1]:
            groups[-1].append(hole)
        else:
            groups.append([hole])
    undecided = set(holes)  # not filled yet, or filled without a clear choice
    # The characters that survived: the bytes between holes (a character cut by a hole is dropped).
    edges = [-1, *holes, len(data)]
    known = "".join(bytes(data[start + 1:stop]).decode(original, "ignore") for start, stop in itertools.pairwise(edges))
    # No Traditional form among the characters that survived, and a codec that has Simplified ones.
    line = _Line(original not in BIG5_FAMILY and not any(map(_traditional, known)), bool(QUESTION.search(known)),
                 not legacy, _unpaired(known))
    for _ in range(2):
        for group in groups:
            if _choose(lm, data, group, reader, original, pairs, undecided, line):
                undecided.difference_update(group)
            else:
                undecided.update(group)
    text = _decode(data, original)
    if text is None:
        return None
    if undecided:
        text = _mark_unknown(text, undecided, original)
    return text, len(undecided)


def _choose(lm: CharLM, data: bytearray, group: list[int], reader: str, original: str,
            pairs: Pairs | None = None, unsure: set[int] | frozenset[int] = frozenset(),
            line: _Line | None = None) -> bool:
    """Set the holes of one character to the bytes the model prefers; whether the choice is clear.
    ``unsure``: holes whose bytes are not a clear choice (a neighbour holding one does not count);
    ``line``: what the line's surviving text says of a guess (:func:`_line_cost`)."""
    begin, char_start = _char_start(data, group[0], original)
    window = slice(begin, group[-1] + HOLE_CONTEXT)
    at_end = group[-1] + HOLE_CONTEXT >= len(data) and not bytes(data[group[-1] + 1:]).strip(b" \t\r\n")
    options = [_hole_bytes(data, hole, reader, pairs) for hole in group]
    whole_pair = original != "utf-8" and char_start == group[0] and group[1:] == [group[0] + 1]
    if not whole_pair and math.prod(map(len, options)) <= MAX_CHOICES:
        choices = [choice for choice in itertools.product(*options) if _pairs_unreadable(group, choice, reader, pairs)]
        if not choices:
            return False  # no bytes fit how they were lost: the character stays unknown
    else:
        # Too many byte choices (a whole pair lost): the common characters whose known bytes match.
        # A lost UTF-8 lead byte most likely began a three-byte (Han) character.
        width = _width(data[char_start], original) if char_start != group[0] or original != "utf-8" else 3
        if char_start + width > len(data) or group[-1] >= char_start + width:
            return False
        if whole_pair and line is not None and line.replaced_singly:
            # The second byte too is one the reader replaced on its own, before the byte that follows it.
            second = set(options[1])
            raws = tuple(raw for raw in _lost_pairs(lm, original, reader) if raw[1] in second)
        elif whole_pair:
            raws = _lost_pairs(lm, original, reader)
        else:
            known = {offset: data[offset] for offset in range(char_start, char_start + width) if offset not in group}
            raws = tuple(raw for raw in _common_encoded(lm, original, width)
                         if all(raw[offset - char_start] == byte for offset, byte in known.items()))
        if not raws:
            return False
        left = bytes(data[begin:char_start]).decode(original, "replace")[-1:]
        right = bytes(data[char_start + width:char_start + width + 4]).decode(original, "replace")[:1]
        if left and any(char_start - _encoded_width(left, original) <= hole < char_start for hole in unsure):
            left = ""
        end = char_start + width
        if right and any(end <= hole < end + _encoded_width(right, original) for hole in unsure):
            right = ""
        return _choose_char(lm, data, char_start, raws, original, (left, right), at_end, line)
    scored = []
    local = _local_scoring(data, group, options, char_start, window, original)
    for choice in choices:
        for hole, byte in zip(group, choice, strict=True):
            data[hole] = byte
        char = bytes(data[char_start:char_start + _width(data[char_start], original)]).decode(original, "replace")
        prior = _prior(char, char_start == 0, at_end) + _line_cost(char, line, at_end)
        if local is None:
            cost = lm.cost(bytes(data[window]).decode(original, "replace"))
        else:
            # The window's cost less what every choice shares: the character's pairs with its neighbours.
            cost, previous = 0.0, local[0]
            for folded in _folded(char):
                cost += lm.pair_cost(previous, folded)
                previous = folded
            cost += lm.pair_cost(previous, local[1]) if local[1] is not None else 0.0
        scored.append((cost + prior, choice))
    scored.sort()
    for hole, byte in zip(group, scored[0][1], strict=True):
        data[hole] = byte
    # A runner-up within the margin, a tie at it included (punctuation costs are a few fixed values, so two
    # marks can differ by exactly 0.3): rounded, so the decision does not depend on the order costs were added.
    return len(scored) == 1 or round(scored[1][0] - scored[0][0], 9) > MIN_MARGIN


def _local_scoring(data: bytearray, group: list[int], options: list[list[int]], char_start: int, window: slice,
                   original: str) -> tuple[str | None, str | None] | None:
    """The folded characters on either side of the character holding ``group``, when every choice gives
    that character the same width in UTF-8: then the text before and after it decodes the same whatever
    is chosen, and a choice's window cost differs from another's only by the character's own pairs.
    ``None`` when the whole window must be scored (another codec, or widths that differ)."""
    if original != "utf-8":
        return None
    leads = options[group.index(char_start)] if char_start in group else [data[char_start]]
    widths = {_width(lead, original) for lead in leads}
    if len(widths) != 1:
        return None
    end = char_start + widths.pop()
    if group[-1] >= end or end > len(data) or end > window.stop:
        return None
    before = to_simplified_chars(bytes(data[window.start:char_start]).decode(original, "replace"))
    after = to_simplified_chars(bytes(data[end:window.stop]).decode(original, "replace"))
    return (before[-1] if before else None), (after[0] if after else None)


def _choose_char(lm: CharLM, data: bytearray, char_start: int, raws: tuple[bytes, ...], original: str,
                 neighbours: tuple[str, str], at_end: bool, line: _Line | None = None) -> bool:
    """Choose a whole lost character among thousands (``raws``, its possible encodings), scored with
    the characters on either side only (two look-ups each); the choice must be clearer than a lost
    byte's (:data:`WHOLE_CHAR_MARGIN`)."""
    left, right = (to_simplified_chars(char) if char and char != MISSING else None for char in neighbours)
    if at_end and (not left or is_han(left)) and (mark := _closing_mark(raws, original, line)) is not None:
        data[char_start:char_start + len(mark)] = mark
        return True
    position = (char_start == 0) + 2 * at_end
    scored = []
    for raw in raws:
        folded, priors = _char_info(raw, original)
        cost = lm.pair_cost(left, folded) + (lm.pair_cost(folded, right) if right else 0.0)
        scored.append((cost + priors[position] + _line_cost(raw.decode(original), line, at_end), raw))
    scored.sort()
    data[char_start:char_start + len(scored[0][1])] = scored[0][1]
    return len(scored) == 1 or scored[1][0] - scored[0][0] >= WHOLE_CHAR_MARGIN


def _closing_mark(raws: tuple[bytes, ...], original: str, line: _Line | None) -> bytes | None:
    """The bytes of the mark that closes a sentence, for a whole character lost at the end of a line after Han
    text or another lost character: ？ in a line that asks something, 。 otherwise (a line of Chinese prose ends in a mark,
    and the model cannot tell ！ from 。, the commoner). ``None`` when that mark is not one of ``raws``, the
    characters the decoder could have lost there."""
    mark = (QUESTION_END if line is not None and line.question else SENTENCE_END).encode(original)
    return mark if mark in raws else None


@cache
def _char_info(raw: bytes, original: str) -> tuple[str, tuple[float, float, float, float]]:
    """The character ``raw`` encodes, folded to Simplified, and its :func:`_prior` inside a line, at its
    start, at its end, and both."""
    char = raw.decode(original)
    return to_simplified_chars(char), (_prior(char, False, False), _prior(char, True, False),
                                       _prior(char, False, True), _prior(char, True, True))


def _encoded_width(char: str, original: str) -> int:
    try:
        return len(char.encode(original))
    except UnicodeEncodeError:
        return 1


@cache
def _lost_pairs(lm: CharLM, original: str, reader: str) -> tuple[bytes, ...]:
    """Common characters of ``original`` whose two bytes ``reader`` cannot read as one character."""
    return tuple(raw for raw in _common_encoded(lm, original, 2) if not _reads(raw, reader))


def _reads(raw: bytes, reader: str) -> bool:
    """Whether ``reader`` reads the pair ``raw`` as one character (then it did not lose it)."""
    try:
        return len(raw.decode(reader)) == 1
    except UnicodeDecodeError:
        return False


@cache
def _common_encoded(lm: CharLM, original: str, width: int) -> tuple[bytes, ...]:
    """The ``width``-byte encodings in ``original`` of the Han characters the model does not find rare,
    and of Chinese punctuation: what a character whose bytes were all lost most likely was."""
    out = []
    for char in [*lm.unigram, *SEPARATORS]:
        if (is_han(char) or char in SEPARATORS) and lm.unigram_cost(to_simplified_chars(char)) < RARE_COST:
            try:
                raw = char.encode(original)
            except UnicodeEncodeError:
                continue
            if len(raw) == width:
                out.append(raw)
    return tuple(out)


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return to_simplified_chars(text)


@lru_cache(maxsize=65536)
def _prior(char: str, at_start: bool, at_end: bool) -> float:
    """What a guessed character pays besides the model: a lost byte in Chinese text far more often
    belonged to a Han character or a separating mark than to a bracket, quote or other symbol; a line
    does not start with a separating mark and ends in closing punctuation."""
    if len(char) != 1 or is_han(char):
        return 0.0 if len(char) == 1 else GUESSED_SYMBOL_COST
    if at_end:
        return 0.0 if char in LINE_END else GUESSED_SYMBOL_COST
    return 0.0 if char in SEPARATORS and not at_start else GUESSED_SYMBOL_COST


@dataclass(frozen=True)
class _Line:
    """What a line says of a guess in it: its surviving characters, and how its bytes were lost."""

    simplified: bool  # no Traditional form among them, in a codec that has Simplified ones
    question: bool  # a question word (吗, 什么, 为什么, 哪, 多少 …)
    replaced_singly: bool  # each hole a byte the reader replaced on its own (not an old decoder's ? pair)
    unpaired: frozenset[str] = frozenset()  # the marks of pairs (“” 《》 （） 「」) one more of which it lacks


def _line_cost(char: str, line: _Line | None, at_end: bool) -> float:
    """What a guess pays for its line: a Traditional form in a Simplified line (the model scores a
    character by its Simplified form, so 對 and 对, three UTF-8 bytes starting E5 B0 and E5 AF, tie with
    小); at the end of a line that asks something, any mark but ？ (to the model ？ and ！ are two
    equally common marks); and a mark of a pair (“ ” …) the line does not lack while it lacks another."""
    if line is None:
        return 0.0
    cost = SCRIPT_COST if line.simplified and _traditional(char) else 0.0
    if at_end and line.question and char != "？" and not (len(char) == 1 and is_han(char)):
        cost += QUESTION_COST
    if char in PAIRED and line.unpaired and char not in line.unpaired:
        cost += UNPAIRED_COST
    return cost


def _unpaired(text: str) -> frozenset[str]:
    """The marks ``text`` has fewer of than of their partners (“ when it has a ” more than “)."""
    return frozenset(mark for mark, partner in PAIRED.items() if text.count(mark) < text.count(partner))


def _traditional(char: str) -> bool:
    """Whether ``char`` (one character; a failed decode may give more, which are no such form) is the
    Traditional form of a Han character with another Simplified form."""
    return len(char) == 1 and is_han(char) and _folded(char) != char


def _width(lead: int, original: str) -> int:
    if original == "utf-8":
        return 4 if lead >= 0xF0 else 3 if lead >= 0xE0 else 2 if lead >= 0xC0 else 1
    return 1 if lead < 0x80 else 2


def _char_start(data: bytearray, hole: int, original: str) -> tuple[int, int]:
    """A character boundary about :data:`HOLE_CONTEXT` bytes before ``hole``, and where the character
    holding the hole starts (UTF-8 finds its lead byte by looking back; a double-byte stream is read
    in pairs from its start, as the decoder did)."""
    if original == "utf-8":
        start = hole
        while start > 0 and hole - start < 3 and data[start] & 0xC0 == 0x80:
            start -= 1
        begin = max(0, start - HOLE_CONTEXT)
        while begin < start and data[begin] & 0xC0 == 0x80:
            begin += 1
        return begin, start
    position = begin = 0
    while True:
        width = 2 if data[position] >= 0x80 else 1
        if position + width > hole:
            return begin, position
        if hole - position > HOLE_CONTEXT:
            begin = position + width
        position += width


def _mark_unknown(text: str, undecided: set[int], original: str) -> str:
    """``text`` with the characters holding an undecided byte replaced by U+FFFD."""
    chars = list(text)
    offset = 0
    for index, char in enumerate(text):
        width = len(char.encode(original))
        if any(offset <= hole < offset + width for hole in undecided):
            chars[index] = MISSING
        offset += width
    return "".join(chars)


def _readings_once(lm: CharLM, text: str, as_it_came: bool = True) -> list[tuple[str, tuple[str, str], int, int]]:
    """Every reading of ``text`` through one chain; bytes a decoder dropped are put back only in the line
    ``as_it_came``, the last decoding it went through (a reading of a reading that guesses bytes is a guess
    on a guess, and finds Chinese-looking text in lines that never were GBK read as Big5)."""
    out = []
    for reader in READERS:
        for original in ORIGINALS:
            if original == reader or {reader, original} <= {"big5", "cp950", "big5hkscs"} \
                    or {reader, original} == {"gbk", "gb18030"}:
                continue
            legacy = "?" in text and original != "utf-8" and reader in ("gbk", "big5", "cp950")
            out += _reading(lm, text, _reencode(text, reader, original), reader, original)
            if original == "utf-8" and reader in ("gbk", "big5", "cp950") and MISSING not in text:
                # The decoder's U+FFFD may have been deleted, or an old pair decoder printed ``?`` for two
                # bytes: UTF-8's own structure shows where the bytes went.
                for legacy_pairs in (False, True) if "?" in text else (False,):
                    if (found := _utf8_deletions(text, reader, legacy_pairs)) is not None:
                        out += _reading(lm, text, found[:2], reader, original, found[2])
            # Lost pairs keep a double-byte stream in step: the rest must already read as Chinese.
            if legacy and (encoded := _reencode(text, reader, original, True)) is not None \
                    and plausible_chinese(lm, bytes(encoded[0]).decode(original, "replace")):
                out += _reading(lm, text, encoded, reader, original, legacy=True)
    if as_it_came and MISSING not in text:
        # A decoder that dropped the bytes it could not pair, its U+FFFD deleted: the bytes put back.
        for reader, original in DROPPING:
            if (reread_text := reread(lm, text, reader, original)) is not None:
                rebuilt, guessed, unknown, by_words = reread_text
                if by_words:
                    # Read as words the line lost bytes there: its reading without them is out of step.
                    out = [found for found in out if found[1][1] != original or found[1][0] not in BIG5_FAMILY]
                out.append((rebuilt, (reader, original), guessed - unknown, unknown))
        # Characters whose two bytes the Big5 decoder both dropped leave no trace but a gap in the words.
        for index, (reading_text, chain, guessed, unknown) in enumerate(out):
            if chain[0] in BIG5_FAMILY and chain[1] == "gb18030" and (whole := put_back_whole(reading_text)):
                out[index] = (whole[0], chain, guessed + whole[1] - whole[2], unknown + whole[2])
    return out


def _reading(lm: CharLM, text: str, encoded: tuple[bytearray, list[int]] | None, reader: str,
             original: str, pairs: Pairs | None = None, legacy: bool = False
             ) -> list[tuple[str, tuple[str, str], int, int]]:
    """The text ``encoded`` decodes to as ``original``, its lost bytes inferred (nothing if it does not decode);
    ``legacy``: its holes come in pairs an old decoder printed as ``?``."""
    if encoded is None:
        return []
    data, holes = encoded
    if len(holes) > MAX_HOLES or len(holes) > len(text) * (2 if legacy else 1):  # an old decoder lost two per ``?``
        return []
    if holes:
        filled = _fill(lm, data, holes, reader, original, pairs, legacy)
        if filled is None:
            return []
        unknown = max(filled[1], filled[0].count(MISSING) - text.count(MISSING))  # U+FFFD put for a lost character
        return [(filled[0], (reader, original), len(holes) - filled[1], unknown)]
    decoded = _decode(data, original)
    if decoded is None or decoded == text:
        return []
    return [(decoded, (reader, original), 0, max(0, decoded.count(MISSING) - text.count(MISSING)))]


def plausible_chinese(lm: CharLM, text: str, share: float = MIN_COMMON_SHARE) -> bool:
    """Mostly common Han characters (``share`` of them), at least a third of the line: what a repaired
    Chinese line reads as. A rare character in a word the model knows with its neighbour (澎湃, 咳嗽) is as
    good as a common one: garbage is rare characters that make no words."""
    visible = text.replace(MISSING, "")
    folded = to_simplified_chars(visible)
    han = [index for index, char in enumerate(visible) if is_han(char)]
    common = sum(1 for index in han if lm.unigram_cost(folded[index]) < RARE_COST
                 or (index and lm.in_word(folded[index - 1], folded[index]))
                 or (index + 1 < len(folded) and lm.in_word(folded[index], folded[index + 1])))
    return len(han) >= 2 and len(han) * 3 >= len(visible.strip()) and common >= share * len(han)


MARKED_LOSS = re.compile("[?\ufffd\ue000-\uf8ff]")  # a printed ? too: an old pair decoder marks what it lost
BIG5_READ_AS_GB = ("gb18030", "big5")
# Han characters a Big5 line needs before missing every unreadable character is telling: 93 % of stretches of six
# Han characters on real pages (1,094 development pages, in Traditional) hold one, 97 % of eight; of sentences
# of those pages with five Han characters 83 %, with four 72 % (too few: a title of four says too little). Five
# (session 10): a short line that lost its commonest characters is left garbled with a warning rather than
# repaired into clean-looking text with words missing (tune half of big5_as_gb18030_pua_removed: silent lines
# 6 -> 3; the lossless kinds unchanged).
MIN_TELLING_HAN = 5


@cache
def _unreadable_in_gb(char: str) -> bool:
    """Whether GB18030 reads ``char``'s Big5 bytes as no ordinary character (a private-use one)."""
    reader, original = BIG5_READ_AS_GB
    try:
        raw = char.encode(original)
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and (len(read := raw.decode(reader, "replace")) != 1 or not _ordinary(read))


def lost_unmarked(lm: CharLM, line: str) -> bool:
    """Whether ``line`` is Big5 text read as GB18030 whose private-use characters were deleted afterwards.

    GB18030 reads several characters of every Big5 sentence (，。、 的 一 在 了 人 …: leads A1-A7 with an
    ASCII-range trail, leads AA-AF and F8-FE) as private-use characters; a cleaning step that deletes those
    leaves text that re-reads as clean-looking Big5 with its punctuation and commonest words gone, at places
    nothing marks. A Chinese line of :data:`MIN_TELLING_HAN` Han characters without one of them is uncommon
    (7 % of real ones of six, 17 % of five), so such a reading of a line without a private-use character, U+FFFD or printed ``?``
    is this damage. Repairing it would hide the loss: the caller leaves the line as it is and says so (a short
    clean line that happens to hold none is left garbled too, visibly, which is the lesser harm).
    """
    if MARKED_LOSS.search(line):
        return False
    reader, original = BIG5_READ_AS_GB
    try:
        reading = line.encode(reader).decode(original)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return (reading != line and sum(map(is_han, reading)) >= MIN_TELLING_HAN and plausible_chinese(lm, reading)
            and not any(map(_unreadable_in_gb, reading)))


NOT_LOST = re.compile(r"[^\ufffd?\s\ue000-\uf8ff]")
LOST_MARK = re.compile("[?\ufffd]")


def best_reading(lm: CharLM, text: str) -> Reading | None:
    """The whole-line reading the model prefers, if it is plausible Chinese and clearly better than ``text``."""
    if len(text) > MAX_LINE or len(text) < 2 or not NOT_LOST.search(text):
        return None  # a line of nothing but lost characters has no bytes left to read again
    candidates: dict[str, Reading] = {}

    def add(reading_text: str, chain: tuple[tuple[str, str], ...], guessed: int, unknown: int) -> None:
        if reading_text not in candidates:
            # A character kept unknown costs what a printed ``?`` does: readings that mark the same loss compare.
            cost = lm.cost(reading_text.replace(MISSING, "?") if "?" in text else reading_text)
            candidates[reading_text] = Reading(reading_text, chain, cost, guessed, unknown)

    for once, step, guessed, unknown in _readings_once(lm, text):
        add(once, (step,), guessed, unknown)
        if not plausible_chinese(lm, once) and MISSING not in once:
            for twice, second, guessed2, unknown2 in _readings_once(lm, once, as_it_came=False):
                add(twice, (step, second), guessed + guessed2, unknown + unknown2)
    from ftfy import fix_encoding

    if (fixed := fix_encoding(text)) != text:
        add(fixed, FTFY, 0, 0)
    # A lossless reading of the whole line is strong evidence: names and rare words may be a larger share.
    plausible = [reading for reading in candidates.values()
                 if plausible_chinese(lm, reading.text, LOSSLESS_COMMON_SHARE if not reading.guessed + reading.unknown
                                      else MIN_COMMON_SHARE)]
    if not plausible:
        return None
    # At equal cost the reading that marks lost characters as U+FFFD wins over one that keeps a printed ``?``.
    best = min(plausible, key=lambda reading: (round(reading.cost, 6), reading.text.count("?")))
    visible = best.text.replace(MISSING, "")
    if lm.cost(visible) / max(1, len(visible)) > MAX_COST_PER_CHAR:
        return None
    # Per character the reading can improve: a printed ``?`` or U+FFFD costs the same kept or marked.
    if lm.cost(text) - best.cost < MIN_GAIN_PER_CHAR * len(LOST_MARK.sub("", text)):
        return None
    return best
