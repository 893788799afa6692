"""C16 PTT (批踢踢) posts: the four-line post header and the footer frame.

A PTT post prints its header as four label-value lines (``作者 roadrunner88 (週末騎士)``,
``看板 Bike``, ``標題 [心得] …``, ``時間 Sat Aug 17 22:14:36 2024``) and ends with a frame: ``--``,
the poster's signature, ``--``, ``※ 發信站: 批踢踢實業坊(ptt.cc), 來自: …``, ``※ 文章網址: …``,
``※ 編輯: …`` and the push lines (``推 id: text  08/17 22:20``, ``→``, ``噓``).

Removes, on a PTT page only (three or more header labels together in HEAD, or the 發信站 line):
the header lines, harvesting ``author`` (the poster's id), ``category`` (the board), ``title``
and ``published``; and, after the body, everything from the ``--`` that opens the frame (or from
the 發信站 line when there is none) to the end of the page.

Never removes: an article that quotes PTT or its push syntax inside the body; anything on a page
without the header or the 發信站 line; the body above the frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import parse_date
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector

HEADER = re.compile(r"^(?P<label>作者|看板|标题|时间)\s+(?P<value>\S.*)$")
MIN_HEADER_LABELS = 3
MAX_HEADER_VLEN = 80
STATION = re.compile(r"^※\s*发信站\s*[:：]\s*批踢踢")
SEPARATOR = "--"
FIELDS = {"作者": "author", "看板": "category", "标题": "title"}


@register_detector
class Ptt(Detector):
    """PTT post header (author, board, title, time) and footer frame (C16)."""

    name = "ptt"
    family = "C16"
    order = 15  # before separators, which would take the ``--`` lines that open the frame

    def detect(self, page: Page) -> Iterable[Finding]:
        header = self._header(page)
        station = next((i for i, block in enumerate(page.blocks)
                        if "※" in block.text and STATION.match(page.shadow(block).strip())), None)
        if len(header) < MIN_HEADER_LABELS and station is None:
            return
        for position, label, value in header:
            block = page.blocks[position]
            yield from self._harvest(label, value)
            yield Drop(block, "C16.ptt_header", "PTT post header")
        if station is not None:
            start = self._frame_start(page, station)
            for position in range(start, len(page.blocks)):
                yield Drop(page.blocks[position], "C16.ptt_frame", "PTT signature, station line and pushes")

    @staticmethod
    def _header(page: Page) -> list[tuple[int, str, str]]:
        """The header lines in HEAD: label and the value as printed."""
        found: list[tuple[int, str, str]] = []
        for position in range(min(page.first_body, len(page.blocks))):
            if page.features(page.blocks[position]).vlen > MAX_HEADER_VLEN:
                continue
            block = page.blocks[position]
            match = HEADER.match(page.shadow(block).strip())
            if match and match["label"] not in {label for _, label, _ in found}:
                found.append((position, match["label"], block.text.strip()[match.start("value"):]))
        return found if len(found) >= MIN_HEADER_LABELS else []

    @staticmethod
    def _frame_start(page: Page, station: int) -> int:
        """The ``--`` line that opens the frame: the first one after the last body-like line above the station."""
        body_end = max((i for i in range(station) if page.body_like(i)), default=-1)
        dashes = [i for i in range(body_end + 1, station) if page.shadow(page.blocks[i]).strip() == SEPARATOR]
        return dashes[0] if dashes else station

    @staticmethod
    def _harvest(label: str, value: str) -> Iterable[Finding]:
        if label == "时间":
            published = parse_date(value)  # the ctime form, ``Sat Aug 17 22:14:36 2024``
            if published:
                yield Harvest("published", published, "C16.ptt_header", value, 0.9)
            return
        if label == "作者":
            value = value.split()[0]  # the id, without the nickname in brackets
            yield Harvest("authors", [value], "C16.ptt_header", value, 0.9)
        yield Harvest(FIELDS[label], value, "C16.ptt_header", value, 0.9)
