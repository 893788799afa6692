"""Characters a Big5 decoder dropped whole from GBK text, put back where the text clearly lacks one.

GBK text read by a lenient Big5 decoder whose U+FFFD were deleted (:mod:`._dropped`) loses both bytes of six
common characters wherever they stand: 三 赛 热 塞 驱 渠 (C8 FD, C8 FC, C8 C8, C8 FB, C7 FD, C7 FE; Big5 has no
lead byte C8, and none of FB-FE, and C7 FD/FE is no pair of it). The bytes around them stay in step and read
well, so nothing in them shows the loss; the text does, sometimes: ``第天`` lacks a numeral, ``()`` is empty,
and read as words (:func:`._words.segment_cost`) ``比赛`` or ``搜索三天`` may be much cheaper than what is left.

:func:`put_back_whole` puts a character back only there: where the text clearly lacks it and the decoder
would indeed have dropped both bytes before the character that follows. A place found by the words whose
character the words do not clearly choose is U+FFFD (the caller warns).

Never touches: anything but a reading of the GBK-read-as-Big5 chain (the caller's choice); a gap the words
only weakly prefer filled (on the tune half of gbk_as_big5, lines that lost nothing, the best false place
gains 0.45, the bar is 1.0).
"""

from __future__ import annotations

from functools import cache

from ..shadow import is_han
from ._words import segment_cost

MISSING = "\ufffd"
WHOLE_DROPPED = "三赛热塞驱渠"
WHOLE_WINDOW = 4  # characters of context on either side, read as words
WHOLE_GAIN = 1.0  # log10 the words must save with the character put back (tune half: at most 0.45 on lines
# of gbk_as_big5 that lost nothing, 0.8-1.95 at five of the thirty places where one was lost)
WHOLE_MARGIN = 0.5  # over the runner-up among WHOLE_DROPPED, or the place is U+FFFD
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两几")


def put_back_whole(text: str, original: str = "gb18030") -> tuple[str, int, int] | None:
    """``text`` (GBK text read as Big5, re-read as GBK) with the characters of :data:`WHOLE_DROPPED` put back
    where reading it as words says one is missing (``第天`` → ``第三天``): the text, how many were put back and
    how many of those are U+FFFD (the place is clear, the character is not); ``None`` when none is.

    Nothing in the bytes shows such a loss, so only a clear gain in words places one, or a numbering that
    lacks its numeral (:func:`_numbering_gap`), and only between two characters of which one is Han (or
    inside empty parentheses), where the decoder would indeed have dropped both bytes before the next."""
    out: list[str] = []
    put = unknown = 0
    for index, char in enumerate(text):
        if index and _numbering_gap(text[index - 1], char) and _dropped_whole("三", char, original):
            out.append("三")
            put += 1
        elif (index and is_han(text[index - 1])) or is_han(char):
            left = text[max(0, index - WHOLE_WINDOW):index]
            right = text[index:index + WHOLE_WINDOW]
            base = segment_cost(left + right)
            gains = sorted(((base - segment_cost(left + whole + right), whole) for whole in WHOLE_DROPPED
                            if _dropped_whole(whole, char, original)), reverse=True)
            if gains and gains[0][0] >= WHOLE_GAIN:
                margin = gains[0][0] - gains[1][0] if len(gains) > 1 else 99.0
                out.append(gains[0][1] if margin >= WHOLE_MARGIN else MISSING)
                put += 1
                unknown += margin < WHOLE_MARGIN
        out.append(char)
    return ("".join(out), put, unknown) if put else None


def _numbering_gap(before: str, char: str) -> bool:
    """Whether a numeral is missing between ``before`` and ``char``: ``第`` before a Han character that is no
    numeral (``第天``; 4 of 539 ``第`` on real pages, 次第 and 将军第), or an empty pair of parentheses (``()``,
    none on real pages). 三 is the one numeral a Big5 decoder drops whole."""
    return (before == "第" and is_han(char) and char not in NUMERALS) or (before in "(（" and char in ")）")


@cache
def _dropped_whole(whole: str, following: str, original: str) -> bool:
    """Whether a Big5 decoder drops both of ``whole``'s bytes before ``following``'s."""
    try:
        after = following.encode(original)
    except UnicodeEncodeError:
        return False
    return (whole.encode(original) + after).decode("big5", "replace") == MISSING * 2 + after.decode("big5", "replace")
