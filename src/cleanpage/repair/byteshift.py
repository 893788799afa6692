"""Resynchronise GBK/Big5 text that was decoded one byte out of step.

When a double-byte stream loses a byte, or a byte-level edit ignores
character boundaries (a full-width-to-ASCII punctuation replace that turns
the pair ``A3 A1`` straddling two characters into ``!``, or an annotation
inserted between a lead and a trail byte), the decoder pairs every following
byte with the wrong partner until the next ASCII-range byte. The text shows
a marker (the ASCII punctuation, or a ``?``/U+FFFD for a bad pair, maybe
followed by the inserted text) and then a run of rare characters:
``確!笆奈濉遍_好局`` for ``確保“十四五”開好局``.

The repair re-encodes the run to the codec's bytes, shifts it back by one
byte and rebuilds the original characters: the lead byte lost before the run,
the bytes of the full-width punctuation that an ASCII marker replaced, a pair
the decoder turned into a private-use character or U+FFFD that was deleted
(at most one per run), and the trail byte lost at the end (or the ASCII byte
that really was a trail byte, like ``_`` = 0x5F in ``開`` = E9 5F). Every
lost byte is a set of candidate characters; the character model picks the
best path. A guessed character whose runner-up is nearly as likely is kept
as U+FFFD and the record says so.

The marker may be any ASCII character a full-width form (or 、。“”) became,
digits and letters included; it may also be invisible: swallowed as the
trail byte of the character before it (``確盞幤钒踩`` for ``確保藥品安全``), or
absent because a byte was simply lost. Those unmarked spans are searched only
in clusters of rare characters far costlier than the text around them whose
bytes, read one byte later, give common characters (:func:`suspicious_spans`).

Never touches: runs of common characters (the cheap rarity filter rejects
them before any search), rare names in clean text (a one-byte shift of clean
text does not read as much commoner text), and any span whose best
reconstruction is not much more likely than the text as it stands. Real half-width punctuation in
Chinese text (``太好了!我们走吧``) is therefore left alone, and so is a quoted example of garbled
text (:mod:`._quoted`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..document import Repair
from ..registry import Repairer, register_repairer
from ..shadow import is_han, to_simplified_chars
from ._chains import lost_unmarked
from ._edits import Edit, apply_edits
from ._lattice import Path, Restoration, Slot, best_path, best_path_restoring, local_cost, path_margins
from ._pairs import pair_table
from ._quoted import overlaps, protected_spans
from ._resync import DAMAGE_SIGN, damage, stretches
from ._scan import comma_hit, hits, lines_with_signature, shift_signature
from ._words import segment_cost
from .charlm import CharLM, PageLM, Scorer, load
from .pinyin import readings

CODECS = ("gbk", "big5")
PUNCT_MARKER = r"[!-~]"  # full-width punctuation, digits and letters all have an ASCII counterpart
INSERTED_TEXT = r"[\x21-\x7e\u00c0-\u02af]{0,16}"
CANDIDATE = re.compile(
    rf"(?<=[^\x00-\x7f])(?P<junk>{PUNCT_MARKER}|[?\ufffd]+{INSERTED_TEXT})(?P<run>[^\x00-\x7f\s]{{1,48}})"
)
ANNOTATION_REST = re.compile(r"[?\ufffd]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]")
WIDE_ALTERNATIVES = {'"': "“”", "'": "‘’", ",": "、", ".": "。", "<": "《〈", ">": "》〉", "-": "—", "~": "～"}
RARE_COST = 5.0
MIN_GAIN = 4.0
COMMA_MIN_GAIN = 2.0  # tune half of gbk_lost_byte: true rebuilds ending in a lost ， gain 1.8-4.4, read as words 0.9-6.2
MAX_REPAIRED_COST = 4.2
WORDS_INSTEAD = 2.0
MIN_MARGIN = 0.2
# A guessed character is also read as words (:mod:`._words`): the model's best few candidates, each with the
# characters up to WORD_WINDOW on either side; the cheapest reading replaces the model's choice when it is
# cheaper than every other by WORD_MARGIN (log10). A guess whose model margin is already SURE is not read again
# (it rarely changes, and page 001's many rebuilds would pay for it).
WORD_CANDIDATES = 8
WORD_WINDOW = 3
WORD_MARGIN = 1.0
SURE = 2.0
GUESS_MAX_COST = 6.0
GUESSED_PUNCTUATION = "，。、；：？！"
OPENING_MARKS = "“《（"
SENTENCE_CLOSERS = "。！？"
TEXT_RUN = re.compile(r"[^\x00-\x7f\s]+")
LINE = re.compile(r"[^\n]+")
HOT_WINDOW = 4  # characters from a rare one whose mean unigram cost is compared with the text's
HOT_MARGIN = 1.5  # how far above the mean cost per Han character around it a window must be to count as out of step
HOT_FLOOR = 4.5  # no window cheaper than this is hot (ordinary Chinese text costs about 3 per character)
ORDINARY_COST = 3.5  # the baseline when the text around is itself out of step (the loss is near the line's start)
NEIGHBOURHOOD = 32  # characters on either side whose mean cost is the baseline
MAX_RUN = 48
UNMARKED_LOOKBACK = 6  # the first out-of-step characters may be common: resynchronise up to 6 before the first rare one
REALIGNED_SHARE = 0.75
CLUSTER_GAP = 2
REALIGNED_GAIN = 1.0  # mean unigram cost the one-byte-shifted reading must save over the run as it stands
MISSING = "\ufffd"


@lru_cache(maxsize=8)
def guessable_table(codec: str, punctuation: str = "") -> dict[int, str]:
    """The part of :func:`pair_table` a guess may produce: Han characters that are not very rare, and the marks
    of ``punctuation`` (a lost trail byte at the end of a sentence was often its 。 or ，: a guess whose lead
    byte is known)."""
    table = pair_table(codec)
    lm = load()
    codes = [code for code, char in table.items() if is_han(char)]
    folded = to_simplified_chars("".join(table[code] for code in codes))
    guessable = {code: table[code] for code, char in zip(codes, folded, strict=True)
                 if lm.unigram_cost(char) < GUESS_MAX_COST}
    guessable.update((code, char) for code, char in table.items() if char in punctuation)
    return guessable


@lru_cache(maxsize=4)
def lost_pair_classes(codec: str) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """Byte pairs a decoder turns into a private-use character or U+FFFD, grouped as (leads, trails) products."""
    table = pair_table(codec)
    groups: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for lead in range(0x81, 0xFF):
        trails = tuple(t for t in range(0x40, 0xFF) if t != 0x7F and (lead << 8 | t) not in table)
        if trails:
            groups[trails].append(lead)
    return tuple((tuple(leads), trails) for trails, leads in groups.items())


def _encode_pairs(run: str, codec: str) -> bytes | None:
    out = bytearray()
    for char in run:
        try:
            encoded = char.encode("gb18030" if codec == "gbk" and unicodedata.category(char) == "Co" else codec)
        except UnicodeEncodeError:
            return None
        if len(encoded) != 2:
            return None
        out += encoded
    return bytes(out)


def _wide_forms(marker: str, codec: str) -> list[bytes]:
    forms = []
    for wide in chr(ord(marker) + 0xFEE0) + WIDE_ALTERNATIVES.get(marker, ""):
        try:
            encoded = wide.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2:
            forms.append(encoded)
    return forms


@lru_cache(maxsize=65536)
def _pair_chars(codec: str, leads: tuple[int, ...] | None, trails: tuple[int, ...] | None,
                punctuation: str = "") -> tuple[str, ...]:
    """Characters with a lead byte in ``leads`` and a trail byte in ``trails`` (``None``: any).

    A guess (more than one byte pair) offers only Han characters the model does not find very rare:
    a lost character is far more likely common than rare, and the search stays small.
    """
    lead_range = range(0x81, 0xFF) if leads is None else leads
    trail_range = range(0x40, 0xFF) if trails is None else trails
    table = guessable_table(codec, punctuation) if len(lead_range) * len(trail_range) > 1 else pair_table(codec)
    return tuple(c for b in lead_range for t in trail_range if (c := table.get(b << 8 | t)) is not None)


class _Slots:
    """Candidate characters for byte pairs of one codec, some bytes unknown (``None`` or a byte set)."""

    def __init__(self, codec: str) -> None:
        self.codec = codec

    def pair(self, lead: int | Sequence[int] | None, trail: int | Sequence[int] | None,
             punctuation: str = "") -> Slot:
        """A guess may also be a mark of ``punctuation`` (a lost trail byte at the end of a run was often its 。
        or ，)."""
        leads = None if lead is None else (lead,) if isinstance(lead, int) else tuple(lead)
        trails = None if trail is None else (trail,) if isinstance(trail, int) else tuple(trail)
        guessed = leads is None or trails is None or len(leads) * len(trails) > 1
        return Slot(_pair_chars(self.codec, leads, trails, punctuation), guessed=guessed)

    def either_side(self, byte: int) -> Slot:
        # A lost lead byte may have been an opening mark's (“ is A1 B0 in GBK, A1 A7 in Big5): its trail starts the run.
        chars = self.pair(None, byte, punctuation=OPENING_MARKS).chars + self.pair(byte, None).chars
        return Slot(tuple(dict.fromkeys(chars)), guessed=True)


@dataclass(frozen=True)
class _Candidate:
    path: Path
    codec: str
    note: str
    slots: tuple[Slot, ...] = ()  # what the path chose from, its context, and text kept after it as it stands:
    context: tuple[str | None, str | None] = (None, None)  # the margins are computed for the winner only
    kept: int = 0

    def with_margins(self, lm: Scorer, before: str, after: str, settle: bool) -> _Candidate:
        """The path with its guesses read again as words (``before`` and ``after``: the text around the span,
        ``settle``: see :func:`_read_as_words`) and the guesses that stay unclear replaced by U+FFFD."""
        chosen = self.path.text[:len(self.path.text) - self.kept]
        margins = list(path_margins(lm, list(self.slots), chosen, *self.context))
        reread = _read_as_words(lm, self.slots, margins, before + chosen + self.path.text[len(chosen):] + after,
                                len(before), settle)
        text = reread[len(before):len(before) + len(self.path.text)]
        # The rebuild is weighed by what the model says of the text it writes, not of the path it chose first.
        left, right = self.context
        cost = self.path.cost + _chain_cost(lm, text[:len(chosen)], left, right) - _chain_cost(lm, chosen, left, right)
        margins_all = (*margins, *(None,) * self.kept)
        return _Candidate(_with_missing(Path(text, cost, margins_all)), self.codec, self.note)


def _read_as_words(lm: Scorer, slots: Sequence[Slot], margins: list[float | None], text: str, offset: int,
                   settle: bool) -> str:
    """``text`` with each guessed slot's character (slot ``i`` at ``offset + i``) chosen again among the model's
    best :data:`WORD_CANDIDATES` by the cost of its window read as words. The character model prefers a guess that makes a word with a neighbour (答應) to the function
    word the text needs at a word boundary (完善的應急預案), which the word reading gets right.

    With ``settle`` a guess so chosen becomes clear whatever the character model's margin; without it (a lone
    ASCII byte read as a trail byte, where a letter glued to Han text is often just that: ``死神h動畫``) the
    guess keeps the model's margin, so the reading never makes a rebuild that the model left undecided."""
    chars = list(text)
    for index, slot in enumerate(slots):
        margin = margins[index]
        if margin is None or margin >= SURE or len(slot.chars) < 2:
            continue
        at = offset + index
        left = chars[at - 1] if at else None
        right = chars[at + 1] if at + 1 < len(chars) else None
        near = sorted(slot.chars, key=lambda char: local_cost(lm, left, char, right))[:WORD_CANDIDATES]
        head, tail = "".join(chars[max(0, at - WORD_WINDOW):at]), "".join(chars[at + 1:at + 1 + WORD_WINDOW])
        (best, char), (runner_up, _) = sorted((segment_cost(head + char + tail), char) for char in near)[:2]
        if runner_up - best >= WORD_MARGIN:
            chars[at] = char
            if settle:
                margins[index] = 99.0
    return "".join(chars)


def _chain_cost(lm: Scorer, text: str, left: str | None, right: str | None) -> float:
    """What the model says of ``text`` between the characters ``left`` and ``right``."""
    if not text:
        return 0.0
    return lm.cost(text, left) + (lm.pair_cost(to_simplified_chars(text[-1]), to_simplified_chars(right)) if right else 0.0)


def _annotated_leads(left: str, reading: str, codec: str) -> tuple[int, ...]:
    """Lost bytes ``x`` such that (last byte of ``left``, ``x``) is a character read ``reading``.

    A converter that inserts ``(pinyin)`` while working on raw bytes matched
    the pair straddling ``left`` and the next character: the reading it wrote
    names that pair, which pins down the byte the bad pair ``?`` swallowed.
    """
    try:
        encoded = left.encode(codec)
    except UnicodeEncodeError:
        return ()
    table = pair_table(codec)
    return tuple(x for x in range(0x81, 0xFF)
                 if (char := table.get(encoded[-1] << 8 | x)) is not None and reading in readings(char))


@lru_cache(maxsize=8192)
def _dropped_trails(codec: str, following: str) -> tuple[int, ...] | None:
    """The bytes a lenient decoder drops alone before ``following`` (a double-byte character): it reads them
    with ``following``'s lead byte as a pair it rejects, replaces that one byte and reads on in step.

    An out-of-step stretch that ends inside a run of Chinese text ends this way: the last character's trail
    byte, left over, was dropped there. ``None`` when ``following`` says nothing about it (no character of
    two bytes in ``codec``)."""
    try:
        after = following.encode(codec)
    except UnicodeEncodeError:
        return None
    if len(after) != 2:
        return None
    return tuple(byte for byte in range(0x40, 0xFF)
                 if (bytes((byte,)) + after).decode(codec, "replace") == MISSING + following)


def _hypotheses(shifted: bytes, mid: bytes, tail: int | None, codec: str, lost_leads: tuple[int, ...] = (),
                lead: int | None = None, run_end: bool = False, following: str | None = None
                ) -> list[tuple[list[Slot], str]]:
    """Slot sequences for ``[lost lead] + mid + shifted + [tail or lost trail]``; with ``run_end`` (the span
    ends its run) the lost trail may have been punctuation, and before a double-byte character
    ``following`` it is one the decoder dropped there (:func:`_dropped_trails`). :func:`_restorations`
    gives the variants with one deleted pair restored."""
    slots = _Slots(codec)
    head: list[Slot]
    if lost_leads:
        first = slots.pair(lost_leads, shifted[0])
        head = [Slot(first.chars, guessed=True)]
        what = "annotation inserted inside a character; the lost byte is the one its reading names"
    elif mid:
        # The marker's lead byte is lost (the decoder rejected it), or known when the marker was read as its trail.
        head = [slots.pair(lead, mid[0]), slots.pair(mid[1], shifted[0])]
        what = f"ASCII marker stood for {mid.hex(' ')}"
    else:
        head = [slots.either_side(shifted[0])]
        what = "a byte was lost before the run"
    inner = [slots.pair(shifted[i], shifted[i + 1]) for i in range(1, len(shifted) - 1, 2)]
    dropped = _dropped_trails(codec, following) if tail is None and following else None
    # A lost trail byte may have been punctuation's: at the end of a run, or where the decoder dropped it before
    # the next character, a ， (GBK's is A3 AC, and no pair starts with AC: dropped before any character; other
    # marks' trail bytes start pairs before all but a few characters).
    marks = "" if tail is not None else GUESSED_PUNCTUATION if run_end else "，" if dropped else ""
    last = slots.pair(shifted[-1], tail if tail is not None else dropped, punctuation=marks)
    return [([*head, *inner, last], what)]


def _restorations(shifted: bytes, head: int, codec: str) -> dict[int, list[Restoration]]:
    """For each inner slot of a hypothesis (after ``head`` slots), the pairs of slots that replace it when
    a pair the decoder turned into a private-use character or U+FFFD was deleted between its two bytes."""
    slots = _Slots(codec)
    out: dict[int, list[Restoration]] = {}
    for index in range(len(shifted) // 2 - 1):
        lead_byte, trail_byte = shifted[2 * index + 1], shifted[2 * index + 2]
        for leads, trails in lost_pair_classes(codec):
            first, second = slots.pair(lead_byte, leads), slots.pair(trails, trail_byte)
            if first.chars and second.chars:
                out.setdefault(head + index, []).append((Slot(first.chars, True, 1.0), Slot(second.chars, True)))
    return out


def _is_suspicious(lm: CharLM, run: str) -> bool:
    """The run opens with rare characters that form no known word with their neighbours (夯实 does)."""
    head = to_simplified_chars(run[:5])
    rare = [lm.unigram_cost(char) >= RARE_COST
            and not (index and lm.in_word(head[index - 1], char))
            and not (index + 1 < len(head) and lm.in_word(char, head[index + 1]))
            for index, char in enumerate(head[:4])]
    return rare[0] or sum(rare) >= 2


@dataclass(frozen=True)
class Span:
    """``text[start:end]``: ``junk`` (a marker, maybe empty) at ``start``, then the run thought out of step."""

    start: int
    junk: str
    end: int

    @property
    def visible_marker(self) -> bool:
        """Whether the junk is a marker in the text, not nothing or a character that swallowed one."""
        return bool(self.junk) and (self.junk.isascii() or self.junk[0] in "?\ufffd")


def _repair_span(lm: Scorer, text: str, span: Span) -> tuple[float, Edit] | None:
    """The best rebuild of ``span`` and its gain over the text as it stands, if it is clearly better."""
    start, junk, end = span.start, span.junk, span.end
    if junk[:1] in ("?", MISSING) and len(junk) > 1 and not ANNOTATION_REST.fullmatch(junk):
        # One bad pair's ``?`` is rebuilt as the character it held, and text after it goes only when it is a
        # converter's annotation (``?yōu)``). More marks stand for more lost characters than the rebuild puts
        # back, and other ASCII (``??3600``) is the page's own text, already back in step: removing either
        # would lose text silently.
        return None
    run = text[start + len(junk):end].replace(MISSING, "")
    following = text[end] if end < len(text) else None
    left = text[start - 1] if start else None
    if not run and not (following and 0x40 <= ord(following) <= 0x7E and damage(lm, text, end, end + 1)):
        return None
    best: _Candidate | None = None
    for codec in CODECS if run else ():
        shifted = _encode_pairs(run, codec)
        if shifted is None:
            continue
        tail = ord(following) if following and 0x40 <= ord(following) <= 0x7E else None
        marker = _marker(junk, codec)
        if marker is None:
            continue
        lead, ascii_marker = marker
        mids = _wide_forms(ascii_marker, codec) if ascii_marker else [b""]
        annotation = ANNOTATION_REST.fullmatch(junk)
        lost_leads = _annotated_leads(left, annotation.group(1), codec) if annotation and left else ()
        for mid in mids:
            # A deleted bad pair, like a re-alignment, leaves a marker behind: a span without one is only shifted.
            run_end = following is None or following.isascii() or following.isspace()
            right = (text[end + 1] if end + 1 < len(text) else None) if tail is not None else following
            [(slots, what)] = _hypotheses(shifted, mid, tail, codec, lost_leads, lead=lead, run_end=run_end,
                                          following=following)
            restorations = _restorations(shifted, len(slots) - len(shifted) // 2, codec) \
                if span.visible_marker else {}
            found = best_path_restoring(lm, slots, restorations, left, right)
            if found is not None and (best is None or found[0].cost < best.path.cost):
                if found[1] is not None:
                    position, index = found[1]
                    slots = [*slots[:position], *restorations[position][index], *slots[position + 1:]]
                    what += "; a deleted private-use/U+FFFD pair restored"
                best = _Candidate(found[0], codec, what, tuple(slots), (left, right))
            # A decoder that drops one bad byte re-aligns there: only run[:cut] is out of step.
            for cut in range(1, len(run)) if span.visible_marker else ():
                for slots, what in _hypotheses(shifted[:2 * cut], mid, None, codec, lost_leads, lead=lead,
                                               following=run[cut]):
                    path = best_path(lm, slots, left, run[cut], margins=False)
                    if path is None:
                        continue
                    kept = run[cut:]
                    path = Path(path.text + kept, path.cost + lm.cost(kept[1:], kept[0]), ())
                    if best is None or path.cost < best.path.cost:
                        best = _Candidate(path, codec, what + f"; back in step after {cut} characters", tuple(slots),
                                          (left, run[cut]), len(kept))
    if not run and following:
        # A lone ASCII character between Han text: the trail byte of a Big5 character whose lead was lost.
        right = text[end + 1] if end + 1 < len(text) else None
        for codec in CODECS:
            slots = [_closing_marks(codec, ord(following)) if right in (None, "\n") else Slot(())]
            if not slots[0].chars:
                slots = [_Slots(codec).pair(None, ord(following))]
            path = best_path(lm, slots, left, right, margins=False)
            if path is not None and (best is None or path.cost < best.path.cost):
                best = _Candidate(path, codec, "a lead byte was lost before an ASCII trail byte", tuple(slots),
                                  (left, right))
    if best is None:
        return None
    best = best.with_margins(lm, text[max(0, start - WORD_WINDOW):start], text[end:end + WORD_WINDOW], bool(run))
    consumed = end + (1 if not run or (best.path.text and following and _tail_used(best, following)) else 0)
    if run and not junk and consumed > end and best.path.text[:1] == text[start]:
        # A rebuild that keeps the span's first character and takes the ASCII byte after it is the lone trail
        # byte's own rebuild, without the guess that one must make clearly (its lost byte repeats one it kept).
        return None
    before = text[start:consumed]
    after_ctx = text[consumed] if consumed < len(text) else None
    original_cost = lm.cost(before, left) + (lm.pair_cost(to_simplified_chars(before[-1]), after_ctx) if after_ctx else 0)
    # The damage signs the rebuild removes (:mod:`._resync`): whichever search proposed the span, so spans compare.
    original_cost += damage(lm, text, start, consumed)
    repaired_cost = best.path.cost
    guessed = [m for m in best.path.margins if m is not None]
    gain = original_cost - repaired_cost
    # A rebuild that ends in the ， a GBK decoder dropped the trail byte of before the next character
    # (:func:`._resync.comma_part`) is made on a smaller gain when it also reads as words: the out-of-step stretch
    # before such a ， is often two or three characters, too short to gain MIN_GAIN. Not a stretch of one: its
    # one guess rests on a single byte whose partner may have been lost on either side (a rare name's 浚 before
    # 与 reads as 款，).
    least = COMMA_MIN_GAIN if best.codec == "gbk" and best.path.text.endswith("，") and following is not None \
        and is_han(following) and len(run) > 1 and _reads_as_words(text, start, consumed, best.path.text) \
        else MIN_GAIN
    # A lone guessed character's cost includes its pair with the character after it: two characters' worth.
    if gain < least or (repaired_cost / (len(best.path.text) + (0 if run else 1)) > MAX_REPAIRED_COST
                           and not _reads_as_words(text, start, consumed, best.path.text)):
        return None
    if sum(1 for m in guessed if m < MIN_MARGIN) * 2 > len(guessed):
        return None
    if DAMAGE_SIGN.search(best.path.text):
        # The rebuild itself shows a sign of out-of-step text (Greek, Cyrillic, box drawing, bopomofo, a
        # full-width letter glued to Han): not a repair (``α粒子、β射線`` read as ``對亮Ｗ印ⅵ律鋒線``).
        return None
    low = min(guessed, default=99.0)
    confidence = round(min(0.99, 0.5 + low / 8), 2)
    note = f"{best.codec} stream out of step: {best.note}"
    if MISSING in best.path.text:
        note += "; warning: a lost character could not be inferred and is kept as U+FFFD"
    return gain, Edit(start, consumed, best.path.text, confidence, note)


def _reads_as_words(text: str, start: int, end: int, rebuilt: str) -> bool:
    """Whether ``rebuilt`` in place of ``text[start:end]`` reads as words :data:`WORDS_INSTEAD` cheaper, with
    :data:`WORD_WINDOW` characters of context on either side: a rebuild the character model finds dear per
    character because it holds a name or a rare word (``院長劉興亮``, ``讀書示子聿``) but that reads as words."""
    head, tail = text[max(0, start - WORD_WINDOW):start], text[end:end + WORD_WINDOW]
    return segment_cost(head + text[start:end] + tail) - segment_cost(head + rebuilt + tail) >= WORDS_INSTEAD


@lru_cache(maxsize=64)
def _closing_marks(codec: str, trail: int) -> Slot:
    """The marks that close a sentence (。！？) whose trail byte in ``codec`` is ``trail``: what a lone trail byte
    at the end of a line of Chinese text held (Big5's 。 is A1 43, its lead lost leaves ``C``); no slot
    characters when none has it."""
    marks = []
    for mark in SENTENCE_CLOSERS:
        encoded = mark.encode(codec)
        if encoded[1] == trail:
            marks.append(mark)
    return Slot(tuple(marks), guessed=True)


def _marker(junk: str, codec: str) -> tuple[int | None, str | None] | None:
    """The known lead byte and the ASCII marker that ``junk`` stands for; ``None`` when it cannot in ``codec``.

    A visible ASCII marker had its lead byte rejected by the decoder. A character whose trail byte is
    ASCII may be a marker swallowed as a trail byte (``確保藥`` -> ``確盞幤``: 保 = B1 A3 and A3 CB = Ｋ became
    ``K``, read with B1 as 盞): its lead byte is known. Other junk (``?``, U+FFFD, nothing) names no marker.
    """
    if len(junk) != 1 or junk in "?\ufffd":
        return None, None
    if junk.isascii():
        return None, junk
    try:
        encoded = junk.encode(codec)
    except UnicodeEncodeError:
        return None
    return (encoded[0], chr(encoded[1])) if len(encoded) == 2 and 0x21 <= encoded[1] <= 0x7E else None


def _tail_used(candidate: _Candidate, following: str) -> bool:
    """Whether the ASCII character after the run was the last character's trail byte."""
    try:
        encoded = candidate.path.text[-1].encode(candidate.codec)
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[1] == ord(following)


def _with_missing(path: Path) -> Path:
    """Replace guessed characters the model is not confident about by U+FFFD."""
    chars = [MISSING if margin is not None and margin < MIN_MARGIN else char
             for char, margin in zip(path.text, path.margins, strict=True)]
    return Path("".join(chars), path.cost, path.margins)


def suspicious_spans(text: str) -> list[list[Span]]:
    """Spans worth a search (cheap: regexes and unigram look-ups, no search), grouped by alternatives.

    A marker before a rare run gives one span. A run that went out of step without a marker (a
    lost byte) shows only as characters far rarer than the rest of the text: each such hot window
    gives the spans that resynchronise at its first rare character or up to
    :data:`UNMARKED_LOOKBACK` characters before it (the first out-of-step characters may be common)
    and run to the end of the non-ASCII run; the best of them is kept.
    """
    # A common character that may hold a lost ，'s lead byte matches the regex in clean text all the time (保护,
    # 学校): a text whose only matches are such, none of them a hit, is not searched.
    signatures = hits(shift_signature(), text)
    if not signatures and all(comma_hit(text, *match.span()) for match in shift_signature().finditer(text)):
        return []
    lm = load()
    groups: list[list[Span]] = []
    for match in CANDIDATE.finditer(text):
        run, junk = match.group("run").replace(MISSING, ""), match.group("junk")
        # A digit or letter between Chinese characters is mostly just that: it must also realign the run.
        if run and _is_suspicious(lm, run) and not (junk.isalnum() and not _realigns(lm, run)):
            groups.append([Span(match.start(), match.group("junk"), match.end())])
    # A lost ，'s hit proposes its own stretches (:func:`._resync.stretches`), not those around rare characters.
    rare_hits = [start for start, end in signatures if is_han(text[start]) and not comma_hit(text, start, end)]
    if rare_hits:
        groups += _unmarked_spans(lm, text, rare_hits)
    # Short out-of-step stretches after one lost byte, shown by a symbol or a lone ASCII trail byte.
    groups += [[Span(start, "", end)] for start, end in stretches(lm, text, rare_hits)]
    return _merge_overlapping(groups)


def _merge_overlapping(groups: list[list[Span]]) -> list[list[Span]]:
    """Groups whose spans overlap are alternatives for the same damage: one group, its best span wins. A span
    may take the character at its end as a trail byte, so a group starting there overlaps it too."""
    merged: list[list[Span]] = []
    end = -1  # the last merged group's end, kept as it grows (many groups in a long run must not cost quadratic time)
    for group in sorted(groups, key=lambda spans: min(span.start for span in spans)):
        if merged and min(span.start for span in group) <= end:
            merged[-1] += group
        else:
            merged.append(list(group))
        end = max(end if len(merged[-1]) > len(group) else -1, max(span.end for span in group))
    return merged


def _unmarked_spans(lm: CharLM, text: str, rare_hits: list[int]) -> list[list[Span]]:
    """Resynchronisation spans around rare hits in hot windows, kept where a one-byte shift reads as common text."""
    groups: list[list[Span]] = []
    searched_until = -1
    for hit in rare_hits:
        if hit < searched_until or not _hot(lm, text, hit):
            continue
        run_start = hit
        while run_start > 0 and hit - run_start < MAX_RUN and TEXT_RUN.match(text[run_start - 1]):
            run_start -= 1
        run = TEXT_RUN.match(text, hit)
        run_end = run.end() if run else hit + 1
        cluster_end = _cluster_end(lm, text, hit, run_end)
        # Out of step to the end of the run, or back in step after the rare cluster: a lenient
        # decoder that drops a byte it cannot pair re-aligns there without a trace.
        # The last rare character may be clean text already back in step, hence ends inside the cluster too.
        ends = sorted({min(cluster_end + extra, run_end) for extra in range(-CLUSTER_GAP, 2)
                       if cluster_end + extra > hit + 1} | {run_end})
        first = max(run_start, hit - UNMARKED_LOOKBACK)
        # The first rare character may itself be the one that swallowed a marker: start after it too.
        spans = [Span(start, "", end) for end in ends for start in range(first, min(hit + 2, end - 1))
                 if _realigns(lm, text[start:end])]
        spans += [Span(span.start - 1, text[span.start - 1], span.end) for span in spans
                  if span.start > run_start and _swallows_marker(text[span.start - 1])]
        if spans:
            groups.append(spans)
        searched_until = cluster_end
    return groups


def _cluster_end(lm: CharLM, text: str, hit: int, run_end: int) -> int:
    """End of the stretch from ``hit`` in which rare characters are at most two apart."""
    last = hit
    for index in range(hit + 1, run_end):
        if index - last > CLUSTER_GAP:
            break
        if lm.unigram_cost(to_simplified_chars(text[index])) >= RARE_COST:
            last = index
    return last + 1


def _swallows_marker(char: str) -> bool:
    """Whether ``char`` has an ASCII trail byte in a codec, so it may hold a marker read as its trail."""
    for codec in CODECS:
        try:
            encoded = char.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2 and encoded[1] < 0x80:
            return True
    return False


def _hot(lm: CharLM, text: str, hit: int) -> bool:
    """Whether the window at ``hit`` costs far more per character than the Han text around it, or than
    ordinary Chinese text where the text around it is out of step too (a byte lost near the line's start
    leaves little text in step to compare with)."""
    window = to_simplified_chars(text[hit:hit + HOT_WINDOW])
    mean = sum(map(lm.unigram_cost, window)) / len(window)
    if mean < HOT_FLOOR:
        return False
    around = [cost for char in to_simplified_chars(text[max(0, hit - NEIGHBOURHOOD):hit + NEIGHBOURHOOD])
              if (cost := lm.unigram.get(char)) is not None] or [mean]
    return mean >= min(sum(around) / len(around), ORDINARY_COST) + HOT_MARGIN


def _realigns(lm: CharLM, run: str) -> bool:
    """Whether the run's bytes read one byte later give mostly common characters in some codec,
    and characters much cheaper than the run as it stands.

    A run thrown out of step by a lost byte reads back as the original text, apart from its
    ends. Clean text read one byte off gives rarer characters (in GBK often still common ones:
    a trail byte of level-1 Han is a level-1 lead byte too), so the cost comparison decides.
    One decode, no search.
    """
    as_is = [lm.unigram_cost(char) for char in to_simplified_chars(run)]
    for codec in CODECS:
        try:
            encoded = run.encode(codec)
        except UnicodeEncodeError:
            continue
        inner = [lm.unigram_cost(char) for char in to_simplified_chars(encoded[1:].decode(codec, "replace"))[1:-1]]
        if inner and sum(cost < RARE_COST for cost in inner) >= REALIGNED_SHARE * len(inner) and \
                sum(inner) / len(inner) <= sum(as_is) / len(as_is) - REALIGNED_GAIN:
            return True
    return False


# Each suspicious run costs a candidate search (milliseconds); a real damaged page has a few dozen at most,
# while binary junk decoded as text has thousands. The budget keeps such a page bounded.
MAX_GROUPS_PER_PAGE = 200


def find_shifted(text: str, page: Sequence[str] = (), scorer: Scorer | None = None) -> list[Edit]:
    """Repairs of out-of-step runs in ``text``; ``page`` (all texts of the page) feeds the cache model."""
    groups = suspicious_spans(text)
    if not groups:
        return []
    scorer = scorer or PageLM(load(), page or (text,))
    edits = []
    quoted = protected_spans(text)
    # A line the mojibake repair left garbled because characters were deleted from it without a trace: any
    # rebuild of its out-of-step-looking stretches would be more garbage.
    garbled = [line.span() for line in LINE.finditer(text) if lost_unmarked(load(), line.group())]
    for spans in groups:
        if any(overlaps(quoted, span.start, span.end) for span in spans):
            continue  # an example of garbled text, quoted as one
        if any(overlaps(garbled, span.start, span.end) for span in spans):
            continue
        # The spans and the character before them: the pair joining an out-of-step character to the text before
        # (``意漲`` for ``意的``) is as much the damage's own count as the characters themselves.
        own = text[max(0, min(span.start for span in spans) - 1):max(span.end for span in spans) + 1]
        span_scorer = scorer.excluding(own) if isinstance(scorer, PageLM) else scorer
        found = [repaired for span in spans if (repaired := _repair_span(span_scorer, text, span)) is not None]
        if found:
            edits.append(max(found, key=lambda repaired: repaired[0])[1])
    return edits


@register_repairer
class ByteShift(Repairer):
    """Re-align GBK/Big5 runs decoded one byte out of step after a lost or replaced byte."""

    name = "byte_shift"
    order = 300

    def may_change(self, page_text: str) -> bool:
        return shift_signature().search(page_text) is not None

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        scorer: PageLM | None = None  # built once per page, and only for a page with a suspicious span
        budget, skipped = MAX_GROUPS_PER_PAGE, 0
        results = []
        flagged = lines_with_signature(shift_signature(), texts)
        for index, text in enumerate(texts):
            groups = suspicious_spans(text) if index in flagged else []
            if groups and budget <= 0:
                skipped += len(groups)
            elif groups:
                budget -= len(groups)
                scorer = scorer or PageLM(load(), texts)
                results.append(apply_edits(text, self.name, find_shifted(text, texts, scorer)))
                continue
            results.append((text, []))
        if skipped:
            self.note(f"search budget of {MAX_GROUPS_PER_PAGE} suspicious runs per page reached; {skipped} more "
                      "left as they are (binary or undecodable data looks like this)")
        return results
