"""Where a GBK or Big5 stream that lost one byte was read out of step: short stretches, priced in one pass.

A double-byte stream that lost a byte is read out of step from the loss until the decoder meets an
ASCII byte or a pair it rejects (a lenient decoder drops that byte, which puts it back in step). The
out-of-step stretch is often one to four characters long and need not hold two rare Han characters,
which is what the rare-cluster search of :mod:`.byteshift` looks for. It shows instead as a symbol
of GBK's symbol rows glued to Han text (``收┢团伙`` for ``是诈骗团伙``, ``利ⅰ`` for ``利息。``),
or, in Big5, as a lone ASCII letter or symbol after a Han character and before another, CJK
punctuation or the end of the line: the trail byte of a character whose lead byte was lost
(``信息W報`` for ``信息上報``, ``工@中`` for ``工作中``, ``很健d。`` for ``很健康。``), or any byte of the trail
range after a rare character, a character that lost its trail byte read with the next one's lead (``疝|`` for
``社會``).

Such a trigger (:func:`trigger_pattern`, also one family of the suspicion scan) marks a run worth pricing. The
run's characters are encoded once; the same bytes read from the second byte give every shifted pair at
once, so every stretch ``[s, e)`` of the run is priced with prefix sums: what its characters cost as
they stand, against what the shifted pairs inside it cost plus two guessed characters (the one whose
lead or trail byte was lost, and the one whose trail the decoder dropped or that took the ASCII byte
after the run as its trail). The few stretches much cheaper read shifted are handed to
:func:`.byteshift._repair_span`, which rebuilds them with the character model and decides.

Never changes anything itself: it only proposes stretches. A stretch with no trigger near it, or whose
shifted reading is not clearly cheaper, is never proposed; clean text read one byte off is rarely cheaper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..shadow import to_simplified_chars
from ._pairs import pair_table
from ._rare import rare_class
from .charlm import CharLM, Scorer

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# What an out-of-step GBK/Big5 pair often reads as, glued to Han text: Greek, Cyrillic, Roman numerals,
# enclosed numbers, box drawing, bopomofo, full-width letters and digits (not kana: Japanese glues it to kanji).
ODD = "\u0391-\u03c9\u0401-\u0451\u2160-\u217f\u2460-\u24ff\u2500-\u257f\u3105-\u3129" \
      "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
CJK_PUNCT = "，。、；：？！」』）》"
CLAUSE_MARK = re.compile("[，；：,;]")
BEFORE_HAN = f"(?=[{HAN}{CJK_PUNCT}\\n]|\\Z)"


def trigger_parts(rare: str) -> tuple[tuple[str, str], ...]:
    """(first character class, the rest of the pattern) of each trigger, the suspicion scan's family form;
    ``rare`` is the class of the Han characters the model finds rare."""
    return (
        (f"[{ODD}]", f"(?:(?<=[{HAN}].)|(?=[{HAN}]))"),
        # Big5: a trail byte (0x40-0x7E) left alone by its lost lead, before Han text, CJK punctuation or the end
        # of the line: a letter (capitals inside a line priced as the model prices them: B超, see _priced) or a
        # mark Chinese prose never glues between Han characters; not the marks it does write there (@提及,
        # 乐[引用日期], 汉化组_阿树, 标题|栏目, 好~, ^_^).
        ("[A-Za-z\\\\`{}]", f"(?<=[{HAN}].){BEFORE_HAN}"),
        # Any byte of that range after a rare character, which is what a character that lost its trail byte
        # reads as with the next character's lead (社會 -> 疝|, 商貸 -> 荈U): 3 such hits in 11,587 lines of real
        # pages (劉斌], 咳嗽_).
        ("[\\x40-\\x7e]", f"(?<={rare}.){BEFORE_HAN}"),
        # GBK: a character whose trail byte is A1 ending a line after Han text: the lead of the line's 。
        # (A1 A3) read with the byte before it, the A3 left alone at the end and dropped (检查。 -> 检椤).
        (f"[{_trail_a1()}]", f"(?<=[{HAN}].)(?=\\n|\\Z)"),
    )


@lru_cache(maxsize=1)
def _trail_a1() -> str:
    """The characters whose GBK trail byte is A1, as a regex class body: Han characters, kana and the other
    letters of GBK's rows A4-A9 (not full-width punctuation, A3 A1 is ！, nor the symbols of rows A1-A2)."""
    return "".join(re.escape(char) for code, char in pair_table("gbk").items()
                   if code & 0xFF == 0xA1 and code >> 8 >= 0xA4)


def comma_part() -> tuple[str, str]:
    """GBK: a character whose trail byte is A3 glued to the Han character after it, the suspicion scan's family
    form. GBK's ``，`` is A3 AC and row AC is unassigned, so a stream out of step when it reaches a ``，`` reads the
    A3 as the trail of the character before it and drops the AC (no pair starts with it): the decoder is back in
    step at the next character, and the clause mark is gone (``统计中，近`` that lost a byte read ``统浦校近``). Such
    characters are common in clean text (保 常 校 before Han text): a hit counts only where the character makes no
    word with either neighbour (:func:`comma_lost`), and a stretch ending there is proposed only when its shifted
    reading is clearly cheaper (:data:`COMMA_ESTIMATE`)."""
    return f"[{_trail_a3()}]", f"(?<=[{HAN}].)(?=[{HAN}])"


def comma_lost(lm: CharLM, text: str, index: int) -> bool:
    """Whether ``text[index]``, a hit of :func:`comma_part`, may hold a lost ，'s lead byte: it makes no word with the
    character before it nor with the one after (模式, 保护, 学校 do; 26 of 9,080 lines of real pages, in
    Simplified and Traditional, hold a hit that does not), and the character after it is one of GB2312 (both
    bytes from A1): Simplified text in GBK lives there, Traditional forms (與 is C5 63) mostly do not, and
    Traditional text is rarely GBK."""
    folded = to_simplified_chars(text[index - 1:index + 2])
    return not lm.in_word(folded[0], folded[1]) and not lm.in_word(folded[1], folded[2]) \
        and _gb2312(text[index + 1])


def _gb2312(char: str) -> bool:
    try:
        encoded = char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and min(encoded) >= 0xA1


@lru_cache(maxsize=1)
def _trail_a3() -> str:
    """The characters whose GBK trail byte is A3, outside the punctuation rows A1-A3 (A1 A3 is 。 itself)."""
    return "".join(re.escape(char) for code, char in pair_table("gbk").items()
                   if code & 0xFF == 0xA3 and code >> 8 >= 0xA4)


@lru_cache(maxsize=1)
def comma_pattern() -> re.Pattern[str]:
    """:func:`comma_part` as one pattern."""
    return re.compile("".join(comma_part()))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The trigger pattern and the rare-character class (the class is read from the model: built on first use)."""
    rare = rare_class()
    return re.compile("|".join(f"{head}{rest}" for head, rest in trigger_parts(rare))), re.compile(rare)


def trigger_pattern() -> re.Pattern[str]:
    """Every trigger of :func:`trigger_parts` in one pattern."""
    return _patterns()[0]


RUN = re.compile(r"[^\x00-\x7f\s]+")
CODECS = ("gbk", "big5")
GUESS_COST = 3.8  # what a guessed common character is assumed to cost when stretches are compared
RARE_MIN_ESTIMATE = 2.0  # the same after a rare pair: the shifted reading must be clearly cheaper
COMMA_ESTIMATE = 2.0  # the same for a stretch ending in a character that took a lost ，'s lead byte (comma_part): as after a
# rare pair, clean text must not cost a rebuild (on bench_repair.py's clean corpora such stretches estimate at most 1.6)
MIN_ESTIMATE = -4.0  # estimated gain (log10) a stretch needs to be proposed (the estimate is a rough one: rebuilding decides)
# A trigger as it stands is priced as damage, not as the model prices a symbol or a Latin letter (2.5,
# cheap because Latin words are common in Chinese text; a lone letter glued between Han characters is not).
TRIGGER_COST = 6.0
# Box drawing, Greek, Cyrillic, bopomofo and full-width letters glued to Han prose are damage all but
# always; Roman numerals, enclosed numbers and full-width digits are sometimes written (第Ⅲ章, ①).
DAMAGE_SIGN = re.compile("[\u0391-\u03c9\u0401-\u0451\u2500-\u257f\u3105-\u3129\uff21-\uff3a\uff41-\uff5a]")
SIGN_COST = 8.0
MAX_STRETCH = 8  # characters of the damaged text an out-of-step stretch spans
PER_TRIGGER = 3  # stretches proposed around each trigger
REACH = 8  # characters before a trigger where the stretch may start


def _priced(text: str, index: int) -> bool:
    """Whether the trigger character ``text[index]`` is priced as damage: not a capital letter, which Chinese
    text glues to Han characters as it is (B超, A股, M码, X光, T恤), unless it follows a rare character (the
    trail byte of a character read with the one before, see :func:`trigger_parts`) or ends a line of prose (a
    clause mark before it) without a closing mark: Big5's 。 whose lead byte was lost leaves its trail byte
    ``C`` there, and no line of real pages ends in a capital glued to Han text (none in 11,587 Chinese lines
    of 1,094 development pages); a line without a clause mark may be a title or a list item (维生素C)."""
    if not "A" <= text[index] <= "Z" or (index and _patterns()[1].match(text, index - 1)):
        return True
    line_start = text.rfind("\n", 0, index) + 1
    return text[index + 1:index + 2] in ("", "\n") and CLAUSE_MARK.search(text, line_start, index) is not None


def _cost(char: str) -> float:
    return SIGN_COST if DAMAGE_SIGN.match(char) else TRIGGER_COST


def damage(lm: Scorer, text: str, start: int, end: int) -> float:
    """What the triggers in ``text[start:end]`` cost beyond the model's price for them."""
    return sum(max(0.0, _cost(match.group()) - lm.unigram_cost(match.group()))
               for match in trigger_pattern().finditer(text, start, min(len(text), end + 1)) if match.start() < end
               and _priced(text, match.start()))


def stretches(lm: CharLM, text: str, rare_hits: Sequence[int] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` stretches of ``text`` worth a rebuild as one lost byte's out-of-step reading, best
    first per trigger. ``start == end`` is a lone ASCII character at ``end`` read as a trail byte.

    ``rare_hits`` (where the scan found two rare Han characters close together) are triggers too, with a
    stricter estimate: a GBK stream read one byte off mostly gives common characters in pairs no word
    has, and a rare name in clean text must not cost a rebuild.
    """
    out: list[tuple[int, int]] = []
    triggers = [(match.start(), MIN_ESTIMATE, False) for match in trigger_pattern().finditer(text)]
    triggers += [(hit, RARE_MIN_ESTIMATE, False) for hit in rare_hits]
    # A lost ，'s stretch ends at the character that took its lead byte: the decoder is back in step after it.
    triggers += [(match.start(), COMMA_ESTIMATE, True) for match in comma_pattern().finditer(text)
                 if comma_lost(lm, text, match.start())]
    for position, least, ends_here in sorted(triggers):
        found: list[tuple[float, int, int]] = []
        if text[position].isascii():
            found += _around_ascii(lm, text, position)
        else:
            run = RUN.search(text, max(0, position - REACH))
            while run is not None and run.start() <= position:
                if run.end() > position:
                    if ends_here:
                        # Only the stretches ending at the trigger: the run around them, so that a long run full of
                        # such characters is priced in linear time.
                        found += _in_run(lm, text, max(run.start(), position - REACH), position + 1, position,
                                         comma=True)
                    else:
                        found += _in_run(lm, text, run.start(), run.end(), position)
                    break
                run = RUN.search(text, run.end())
        found = [item for item in found if item[0] >= least]
        for _, start, end in sorted(found, reverse=True)[:PER_TRIGGER]:
            if (start, end) not in out:
                out.append((start, end))
    return out


def _around_ascii(lm: CharLM, text: str, position: int) -> list[tuple[float, int, int]]:
    """Stretches ending just before the ASCII character at ``position``, which took it as their trail."""
    run_start = position
    while run_start > 0 and position - run_start < REACH and not text[run_start - 1].isascii() \
            and not text[run_start - 1].isspace():
        run_start -= 1
    return _in_run(lm, text, run_start, position, position, ascii_tail=True)


def _in_run(lm: CharLM, text: str, start: int, end: int, trigger: int,
            ascii_tail: bool = False, comma: bool = False) -> list[tuple[float, int, int]]:
    """Estimated gains of the stretches of ``text[start:end]`` that hold the trigger (or, with
    ``ascii_tail``, that end at the ASCII character at ``end``; with ``comma``, that end at the trigger, whose
    trail byte was a lost ，'s lead: the last character is that ，, not a guess), see the module doc."""
    chars = text[start:end]
    count = len(chars)
    folded = to_simplified_chars(chars)
    left = to_simplified_chars(text[start - 1]) if start else None
    # Only the run is searched (the whole text once per call made a long block quadratic); two characters past
    # its end keep the lookahead of a trigger at ``end`` as it is in the whole text.
    triggers = {match.start() - start for match in trigger_pattern().finditer(text, start, min(len(text), end + 2))
                if match.start() <= end and _priced(text, match.start())}
    prefix = [0.0]
    for index, char in enumerate(folded):
        cost = lm.pair_cost(folded[index - 1] if index else left, char)
        prefix.append(prefix[-1] + (max(cost, _cost(char)) if index in triggers else cost))
    relative = trigger - start
    found: list[tuple[float, int, int]] = []
    for codec in CODECS:
        try:
            data = chars.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(data) != 2 * count:
            continue  # a character of another width: the pairs below would not line up
        table = pair_table(codec)
        shifted = [table.get(data[2 * i + 1] << 8 | data[2 * i + 2]) for i in range(count - 1)]
        if ascii_tail:
            # The last character took the ASCII byte after the run as its trail.
            shifted.append(table.get(data[-1] << 8 | ord(text[end])) if count else None)
        reading = [to_simplified_chars(char) if char else None for char in shifted]
        if ascii_tail:
            priced = _priced(text, end)
            tail = TRIGGER_COST if priced else lm.unigram_cost(text[end])
            for first in range(count if priced else count - 1, -1, -1):  # a lone capital stays
                inner = _chain_cost(lm, reading[first:count])
                if inner is None:
                    break
                gain = prefix[count] - prefix[first] + tail - inner - GUESS_COST
                if gain >= MIN_ESTIMATE:
                    found.append((gain, start + first, start + count))
            continue
        for first in range(max(0, relative - REACH), relative + 1):
            inner = 0.0
            previous: str | None = None
            for stop in range(first + 1, min(count, first + MAX_STRETCH) + 1):
                # Shifted pairs first..stop-2 are the inner characters; the first and the last are guessed.
                if stop - 2 >= first:
                    shifted_char = reading[stop - 2]
                    if shifted_char is None:
                        break
                    inner += lm.pair_cost(previous, shifted_char)
                    previous = shifted_char
                if stop <= relative:
                    continue  # the stretch must hold the trigger
                if comma and stop > relative + 1:
                    break
                gain = prefix[stop] - prefix[first] - inner - 2 * GUESS_COST
                if comma:
                    # The rebuilt ，'s own cost and its pair with the next character, against the trigger's pair with it.
                    following = to_simplified_chars(text[start + stop])  # the pattern's lookahead: a Han character
                    gain += GUESS_COST - lm.pair_cost(previous, "，") + lm.pair_cost(folded[stop - 1], following) \
                        - lm.pair_cost("，", following)
                if gain >= MIN_ESTIMATE:
                    found.append((gain, start + first, start + stop))
    return found


def _chain_cost(lm: CharLM, chars: list[str | None]) -> float | None:
    total = 0.0
    previous: str | None = None
    for char in chars:
        if char is None:
            return None
        total += lm.pair_cost(previous, char)
        previous = char
    return total
