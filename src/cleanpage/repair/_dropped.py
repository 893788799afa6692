"""Double-byte text read by the wrong double-byte decoder, whose U+FFFD were deleted afterwards: the dropped
bytes put back where the decoder dropped them.

A lenient GBK or Big5 decoder replaces a byte it cannot pair with the byte after it by one U+FFFD and reads
on from that next byte. GBK text read as Big5 loses the lead byte of every character Big5 has no pair for
(人 去 全 如 让 …): Big5 then pairs that character's trail byte with the next character's lead, out of step
with GBK, until it drops another byte (the trail byte of a character, which puts it back in step). Once the U+FFFD are deleted nothing marks where,
and the line re-read as GBK from the bytes that are left is out of step from the first loss on.

The dropped bytes sat between two characters of the text as it reads now, each one the reader rejects
before the bytes that follow it: a lead byte (its trail starts the next character) or a trail byte (after
a lead that starts the character before). :func:`reread` searches every such placement at once, over the
line's byte offsets (a Viterbi search with the character model, a beam per offset), the character with a
dropped byte chosen among the common characters and punctuation its known byte allows; it costs
:data:`DROPPED_COST` besides the model, so a line reads with no more of them than its text asks for. A
chosen character the model does not clearly prefer to the others its bytes allow is U+FFFD.

A character both of whose bytes were dropped (渠 = C7 FE before 道, 三 = C8 FD) leaves the bytes around it in
step and reading well: nothing in the bytes shows it is gone. :mod:`._whole` puts one of the six common
ones back only where the text says clearly that one is missing (``第天``).

Never changes anything itself: the caller (:func:`._chains.best_reading`) weighs the reading against the
line as it stands and every other reading. A line that cannot be re-encoded by the reader, or whose bytes
read no way as the original codec, gives none.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from ..shadow import is_han, to_simplified_chars
from ._words import segment_cost
from .charlm import CJK_PUNCT, CharLM

MISSING = "\ufffd"
# (reader, original): the decoder that dropped bytes, the codec the bytes were written in.
DROPPING = (("big5", "gb18030"), ("cp950", "gb18030"))
GUESS_MAX_COST = 5.5  # the model's cost above which a character is too rare to be guessed
DROPPED_COST = 1.5  # a character the decoder dropped a byte of, besides what the model says of it
BEAM = 16
MIN_MARGIN = 0.3
MAX_BYTES = 600  # a longer line is not searched
SEARCH_DROPPED_COST = -1.0  # a dropped byte in the search judged as words (:func:`_by_words`)
WORD_GAIN = 2.0  # log10 the words of a reading with dropped bytes must save over the reading without (tune half
# of gbk_as_big5: a false reading of a line that lost nothing saves at most 1.7)


Candidates = tuple[tuple[str, str], ...]  # characters with their Simplified fold


@dataclass(frozen=True)
class _State:
    cost: float
    text: str
    guesses: tuple[tuple[int, Candidates], ...]  # (index in text, the characters its bytes allowed)


@cache
def _rejected_before(reader: str, following: bytes) -> tuple[int, ...]:
    """The bytes ``reader`` drops alone before ``following`` (the next character's bytes, or nothing at the
    end of the line): it cannot pair them with the byte after them, replaces them and reads on in step."""
    after = following.decode(reader, "replace")
    return tuple(byte for byte in range(0x80, 0x100)
                 if (bytes((byte,)) + following).decode(reader, "replace") == MISSING + after)


@cache
def _char(original: str, pair: bytes) -> str | None:
    try:
        char = pair.decode(original)
    except UnicodeDecodeError:
        return None
    return char if len(char) == 1 and unicodedata.category(char) not in ("Co", "Cn", "Cc") else None


@cache
def _guessable(lm: CharLM, char: str | None) -> tuple[str, str] | None:
    """``char`` and its fold when it may be guessed: a character that lost a byte was far more likely a
    common one (or punctuation) than a rare one, and the search stays small."""
    if char is None:
        return None
    folded = to_simplified_chars(char)
    wanted = is_han(char) or char in CJK_PUNCT
    return (char, folded) if wanted and lm.unigram_cost(folded) < GUESS_MAX_COST else None


@cache
def _with_dropped(lm: CharLM, original: str, known: int, dropped: tuple[int, ...], known_first: bool,
                  simplified: bool = False) -> Candidates:
    """Guessable characters of ``original`` made of the byte ``known`` and one of ``dropped`` (after it when
    ``known_first``); with ``simplified``, only those that are their own Simplified form."""
    pairs = (bytes((known, byte)) if known_first else bytes((byte, known)) for byte in dropped)
    return tuple(found for pair in pairs if (found := _guessable(lm, _char(original, pair))) is not None
                 and (not simplified or found[0] == found[1]))


def reread(lm: CharLM, text: str, reader: str, original: str) -> tuple[str, int, int, bool] | None:
    """``text`` as ``original`` bytes that ``reader`` read dropping some, with the dropped bytes put back:
    the reading, how many characters were rebuilt, how many of them stay U+FFFD, and whether the reading was
    chosen as words (:func:`_by_words`: the caller then drops the reading without them); ``None`` when there
    is no such reading, or it needs no dropped byte."""
    try:
        data = text.encode(reader)
    except UnicodeEncodeError:
        return None
    if len(data) > MAX_BYTES or len(data) < 4:
        return None
    best = _search(lm, data, _boundaries(text, reader), reader, original, DROPPED_COST)
    by_words = False
    if best is not None and (found := _by_words(lm, data, _boundaries(text, reader), reader, original, best.text)):
        best, by_words = found, True
    if best is None or not best.guesses:
        return None
    out = list(best.text)
    unknown = 0
    for index, candidates in best.guesses:
        if _margin(lm, best.text, index, candidates) < MIN_MARGIN:
            out[index] = MISSING
            unknown += 1
    return "".join(out), len(best.guesses), unknown, by_words


def _by_words(lm: CharLM, data: bytes, boundaries: set[int], reader: str, original: str,
              chosen: str) -> _State | None:
    """A reading with dropped bytes put back that reads much better as words than ``chosen``, the character
    model's choice (often the line read with none): the model knows pairs inside words only, so an out-of-step
    stretch of two or three characters (``被调查诵布`` for ``被调查人宣布``, two dropped bytes; ``英顾`` for
    ``英国人``) often costs it less than the longer true text; read as words (:func:`._words.segment_cost`) the
    true text is far cheaper. Searched only when ``chosen`` is Chinese (a GBK line read as Big5), with a bonus
    for each dropped byte put back (the
    search only proposes; characters that are their own Simplified form only, as GBK text is), and kept when
    its words cost :data:`WORD_GAIN` less than ``chosen``'s."""
    if not _plain_chinese(lm, chosen):
        return None
    found = _search(lm, data, boundaries, reader, original, SEARCH_DROPPED_COST, simplified=True)
    if found is None or not found.guesses or found.text == chosen:
        return None
    return found if segment_cost(chosen) - segment_cost(found.text) >= WORD_GAIN else None


def _plain_chinese(lm: CharLM, text: str) -> bool:
    han = [to_simplified_chars(char) for char in text if is_han(char)]
    return len(han) >= 4 and len(han) * 2 >= len(text) and \
        sum(lm.unigram_cost(char) < GUESS_MAX_COST for char in han) >= 0.8 * len(han)


def _boundaries(text: str, reader: str) -> set[int]:
    """The byte offsets where the characters of ``text`` start as ``reader`` encodes them, and its end."""
    boundaries = set()
    offset = 0
    for char in text:
        boundaries.add(offset)
        offset += len(char.encode(reader))
    boundaries.add(offset)
    return boundaries


def _search(lm: CharLM, data: bytes, boundaries: set[int], reader: str, original: str,
            dropped_cost: float, simplified: bool = False) -> _State | None:
    """The cheapest reading of ``data`` with dropped bytes put back, each costing ``dropped_cost``; with
    ``simplified``, a character put back is one that is its own Simplified form."""
    beams: list[dict[str | None, _State]] = [{} for _ in range(len(data) + 1)]
    beams[0][None] = _State(0.0, "", ())

    def reach(position: int, state: _State, chars: Candidates, prior: float, previous: str | None) -> None:
        beam = beams[position]
        for char, folded in chars:
            cost = state.cost + lm.pair_cost(previous, folded) + prior
            held = beam.get(folded)
            if held is None or cost < held.cost:
                guesses = (*state.guesses, (len(state.text), chars)) if prior else state.guesses
                beam[folded] = _State(cost, state.text + char, guesses)

    for position in range(len(data) + 1):
        beam = beams[position]
        if not beam:
            continue
        beams[position] = beam = dict(sorted(beam.items(), key=lambda item: item[1].cost)[:BEAM])
        if position == len(data):
            break
        byte = data[position]
        steps: list[tuple[int, Candidates, float]] = []
        if byte < 0x80:
            # A byte the reader took as a trail is one GBK pairs the same way: it is ASCII only where the reader
            # read it so, or where it starts a word of ASCII letters and digits after a pair of the original that
            # ends just before it (“然而，ZoomEye read as Big5 lost 然's lead byte, and Big5 paired ，'s trail byte
            # with the Z). A lone one (Big5's 。 is A1 43, ``C``) stays a trail byte.
            ascii_step = (position + 1, ((chr(byte), chr(byte)),), 0.0)
            if position in boundaries:
                steps.append(ascii_step)
            elif position >= 2 and _ascii_word(data, position) \
                    and (pair := _char(original, bytes(data[position - 2:position]))):
                for previous, state in beam.items():
                    if state.text.endswith(pair) and not (state.guesses and state.guesses[-1][0] == len(state.text) - 1):
                        reach(position + 1, state, ascii_step[1], 0.0, previous)
        else:
            if position + 1 < len(data) and (read := _char(original, bytes(data[position:position + 2]))):
                steps.append((position + 2, ((read, to_simplified_chars(read)),), 0.0))
            if position + 1 in boundaries:
                # This byte's trail was dropped just after it, before the next character.
                dropped = _rejected_before(reader, _next_char(data, position + 1))
                steps.append((position + 1, _with_dropped(lm, original, byte, dropped, True, simplified), dropped_cost))
        if position in boundaries and byte >= 0x40:
            # This byte's lead was dropped just before it.
            dropped = _rejected_before(reader, _next_char(data, position))
            steps.append((position + 1, _with_dropped(lm, original, byte, dropped, False, simplified), dropped_cost))
        for previous, state in beam.items():
            for target, chars, prior in steps:
                reach(target, state, chars, prior, previous)
    if not beams[len(data)]:
        return None
    return min(beams[len(data)].values(), key=lambda state: (state.cost, state.text))


def _ascii_word(data: bytes, position: int) -> bool:
    """Whether ``data[position:]`` starts with two ASCII letters or digits."""
    return position + 1 < len(data) and all(chr(byte).isascii() and chr(byte).isalnum()
                                            for byte in data[position:position + 2])


def _next_char(data: bytes, position: int) -> bytes:
    """The bytes of the character starting at ``position`` as the reader saw it (nothing at the end)."""
    if position >= len(data):
        return b""
    return data[position:position + (1 if data[position] < 0x80 else 2)]


def _margin(lm: CharLM, text: str, index: int, candidates: Candidates) -> float:
    """How much worse the runner-up among ``candidates`` is than the chosen one, between its neighbours."""
    if len(candidates) < 2:
        return 99.0
    before = to_simplified_chars(text[index - 1]) if index else None
    after = to_simplified_chars(text[index + 1]) if index + 1 < len(text) else None
    costs = sorted({lm.pair_cost(before, folded) + (lm.pair_cost(folded, after) if after else 0.0)
                    for _, folded in candidates})
    return costs[1] - costs[0] if len(costs) > 1 else 99.0

