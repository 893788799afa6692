"""Re-decode Chinese text that went through the wrong codec (mojibake).

Repairs, one run of non-ASCII characters at a time (ASCII survives every
one of these round trips, so runs are independent):

* UTF-8 read as GBK/GB18030: ``鍙戝竷鏃堕棿锛�2021骞�3鏈�`` -> ``发布时间：2021年3月``.
  A U+FFFD there stands for the last byte of a UTF-8 sequence that the GBK
  decoder rejected; the byte is inferred (64 candidates) with the character
  model, and kept as U+FFFD with a warning when the model is not confident.
* Big5 read as GBK and GBK read as Big5 (``�┡v┮Τ`` for ``版權所有``).
* UTF-8 or GBK read as Latin-1/cp1252 (``À´Ô´£ºÐÂ»ªÉç`` for ``来源：新华社``); the
  UTF-8 side uses ftfy's ``fix_encoding`` only, never its width or quote folding.
* GBK read as a Cyrillic code page (``ХРЖё`` for ``招聘``).

A cheap signature scan (:data:`SUSPECT`: characters typical of these
mojibakes, private-use characters, U+FFFD, C1 controls, Latin-1 letters,
Cyrillic) decides whether a run is looked at; a candidate is accepted only
when it decodes strictly and the character model finds it much more likely
than the run as it stands.

Never touches: clean Chinese, real Cyrillic, Greek or accented Latin text
(their round trips fail or score worse), and runs without a signature.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..document import Repair
from ..registry import Repairer, register_repairer
from ..shadow import is_han, to_simplified_chars
from ._edits import Edit, apply_edits
from .charlm import Scorer, load

UTF8_AS_GBK = "锛銆鐨鏄涓浜鍦鎴鏃骞鏈鍙缂璇閿绗鍚鎵鐗鐢鍏闂鏂寮浠绂瀛"
SUSPECT = re.compile(
    rf"[{UTF8_AS_GBK}\ufffd\ue000-\uf8ff\x80-\xff\u0400-\u04ff\u2500-\u257f\u3100-\u312f]"
)
RUN = re.compile(r"[^\x00-\x7f]+(?:[\x20-\x7e]{1,3}[^\x00-\x7f]+)*")
MIN_GAIN = 3.0
MAX_COST_PER_CHAR = 4.5
MIN_MARGIN = 0.3
RARE_COST = 5.0
MIN_COMMON_SHARE = 0.8
MISSING = "\ufffd"


def _utf8_as_gbk(lm: Scorer, run: str) -> str | None:
    """Undo UTF-8 bytes decoded as GBK; each U+FFFD is one lost continuation byte, guessed by the model."""
    pieces = run.split(MISSING)
    try:
        raw = [piece.encode("gb18030") for piece in pieces]
    except UnicodeEncodeError:
        return None
    data = raw[0]
    for piece in raw[1:]:
        data = _best_continuation(lm, data, piece)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _best_continuation(lm: Scorer, head: bytes, tail: bytes) -> bytes:
    scored = []
    for byte in range(0x80, 0xC0):
        candidate = head + bytes((byte,)) + tail
        try:
            text = candidate.decode("utf-8")
        except UnicodeDecodeError:
            continue
        scored.append((lm.cost(text), candidate))
    scored.sort()
    if scored and (len(scored) == 1 or scored[1][0] - scored[0][0] >= MIN_MARGIN):
        return scored[0][1]
    complete = len(head)
    while complete and head[complete - 1] & 0xC0 == 0x80:
        complete -= 1
    if complete and head[complete - 1] >= 0xC0:
        complete -= 1  # drop the sequence the lost byte belonged to; U+FFFD marks it
    return head[:complete] + MISSING.encode("utf-8") + tail


def _round_trip(encoding: str, decoding: str) -> Callable[[Scorer, str], str | None]:
    def convert(_lm: Scorer, run: str) -> str | None:
        try:
            return run.encode(encoding).decode(decoding)
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
    return convert


def _western(_lm: Scorer, run: str) -> str | None:
    from ftfy import fix_encoding

    fixed = fix_encoding(run)
    return fixed if fixed != run else None


CONVERSIONS: tuple[tuple[str, Callable[[Scorer, str], str | None]], ...] = (
    ("utf-8 read as gbk", _utf8_as_gbk),
    ("big5 read as gbk", _round_trip("gbk", "big5")),
    ("gbk read as big5", _round_trip("big5", "gbk")),
    ("utf-8 read as cp1252", _western),
    ("gbk read as latin-1", _round_trip("latin-1", "gb18030")),
    ("gbk read as cp1252", _round_trip("cp1252", "gb18030")),
    ("gbk read as cp1251", _round_trip("cp1251", "gb18030")),
    ("gbk read as koi8-r", _round_trip("koi8_r", "gb18030")),
)


def _plausible(lm: Scorer, text: str) -> bool:
    """Mostly common Han characters and no C1 controls: what a real repair of Chinese text yields."""
    han = [ch for ch in text if is_han(ch)]
    common = sum(1 for ch in to_simplified_chars("".join(han)) if lm.unigram_cost(ch) < RARE_COST)
    return (len(han) >= max(1, len(text.strip()) // 3) and common >= MIN_COMMON_SHARE * len(han)
            and not any("\x80" <= ch <= "\x9f" for ch in text))


def _repair_run(lm: Scorer, text: str, start: int, end: int) -> Edit | None:
    run = text[start:end]
    left = text[start - 1] if start else None
    original = lm.cost(run, left)
    best: tuple[float, str, str] | None = None
    for label, convert in CONVERSIONS:
        candidate = convert(lm, run)
        if not candidate or candidate == run or not _plausible(lm, candidate):
            continue
        cost = lm.cost(candidate, left)
        if best is None or cost < best[0]:
            best = (cost, candidate, label)
    if best is None:
        return None
    cost, candidate, label = best
    if original - cost < MIN_GAIN or cost / max(1, len(candidate)) > MAX_COST_PER_CHAR:
        return None
    note = label
    if MISSING in candidate:
        note += "; warning: a lost byte could not be inferred and is kept as U+FFFD"
    confidence = round(min(0.99, 0.6 + (original - cost) / (10 * max(1, len(candidate)))), 2)
    return Edit(start, end, candidate, confidence, note)


def find_mojibake(text: str) -> list[Edit]:
    if not SUSPECT.search(text):
        return []
    lm = load()
    edits = []
    for match in RUN.finditer(text):
        if SUSPECT.search(match.group()):
            edit = _repair_run(lm, text, match.start(), match.end())
            if edit is not None:
                edits.append(edit)
    return edits


@register_repairer
class Mojibake(Repairer):
    """Re-decode runs of CJK mojibake (UTF-8/GBK/Big5/Latin-1/Cyrillic code pages)."""

    name = "mojibake"
    order = 200

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        return [apply_edits(text, self.name, find_mojibake(text)) for text in texts]
