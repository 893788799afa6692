"""Quoted mojibake: spans of text presented as an example of damage, which no repair may change.

A text about mojibake quotes it (``常见乱码如“浣犲ソ”其实是“你好”的 UTF-8 字节被按 GBK 解码``): the
quoted garbage is the point of the sentence, not damage. A line that talks about garbled text
(乱码, 例如, 显示为, mojibake, 编码…) protects what it puts inside quotes or code marks.
"""

from __future__ import annotations

import re

CUES = re.compile(r"乱码|亂碼|例如|比如|显示为|顯示為|显示成|顯示成|变成|變成|编码|編碼|解码|解碼|字节|位元組|"
                  r"mojibake|encoding|charset|gbk|utf-?8|big5|latin-?1", re.IGNORECASE)
QUOTED = re.compile(r"“[^”\n]{1,80}”|「[^」\n]{1,80}」|『[^』\n]{1,80}』|‘[^’\n]{1,80}’|\"[^\"\n]{1,80}\""
                    r"|`[^`\n]{1,80}`|<code>.{1,80}?</code>")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` quoted as examples: inside quotes or code marks on a line that talks about garbled text."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if CUES.search(line.group()):
            spans += [(line.start() + m.start(), line.start() + m.end()) for m in QUOTED.finditer(line.group())]
    return spans


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)
