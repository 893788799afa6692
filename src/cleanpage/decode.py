"""Bytes to text, with the encoding and the reason it was chosen.

Order of evidence: a byte-order mark; strict UTF-8 (a page that decodes as
UTF-8 without error is UTF-8 whatever it declares); the declared charsets
(HTTP ``Content-Type`` when headers are given, then ``<meta charset>`` /
``http-equiv``), widened (GB2312/GBK to GB18030, Big5 to Big5-HKSCS) and
verified by a strict decode; an injectable detector; then strict GB18030 and
Big5-HKSCS; and last charset-normalizer's guess. A lossy decode is recorded in
``Decoded.lossy``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared names that must be read with a wider codec to decode real pages.
WIDEN = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030",
    "euc-cn": "gb18030", "hz-gb-2312": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "big-5": "big5hkscs", "cp950": "big5hkscs", "x-x-big5": "big5hkscs", "big5-hkscs": "big5hkscs",
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
}
META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)

EncodingDetector = Callable[[bytes], "str | None"]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    reason: str
    declared: str | None = None
    lossy: bool = False


def normalize_encoding(name: str) -> str | None:
    """The Python codec to use for a declared charset name, widened; ``None`` if unknown."""
    label = name.strip().strip("\"'").lower()
    label = WIDEN.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_encodings(data: bytes, headers: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """``(codec, where)`` for each charset the transport or the page declares, in order of authority."""
    found: list[tuple[str, str]] = []
    if headers:
        for key, value in headers.items():
            if key.lower() == "content-type":
                match = HEADER_CHARSET.search(value)
                if match:
                    found.append((match.group(1), "http header"))
    match = META_CHARSET.search(data[:8192])
    if match:
        found.append((match.group(1).decode("ascii", "replace"), "meta charset"))
    out: list[tuple[str, str]] = []
    for name, where in found:
        codec = normalize_encoding(name)
        if codec and all(codec != seen for seen, _ in out):
            out.append((codec, f"{where} {name.lower()}"))
    return out


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, *, headers: Mapping[str, str] | None = None,
           detector: EncodingDetector | None = None) -> Decoded:
    """Decode ``data``; never raises on bad bytes (the last resort is a lossy decode)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return Decoded(text.lstrip("\ufeff"), codecs.lookup(codec).name, "byte-order mark")
    declared = declared_encodings(data, headers)
    first_declared = declared[0][1] if declared else None
    text = _strict(data, "utf-8")
    if text is not None:
        why = "strict utf-8" + (f" (declared {first_declared}, not trusted)" if declared and declared[0][0] != "utf-8" else "")
        return Decoded(text, "utf-8", why, first_declared)
    for codec, where in declared:
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, f"{where}, verified by a strict decode", first_declared)
    if detector is not None:
        guess = detector(data)
        codec = normalize_encoding(guess) if guess else None
        if codec:
            text = _strict(data, codec)
            if text is not None:
                return Decoded(text, codec, f"encoding detector said {guess}", first_declared)
    for codec in ("gb18030", "big5hkscs"):
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, f"strict {codec} decode", first_declared)
    return _best_effort(data, declared, first_declared)


def _best_effort(data: bytes, declared: list[tuple[str, str]], first_declared: str | None) -> Decoded:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    candidates = [c for c, _ in declared]
    if best is not None:
        codec = normalize_encoding(best.encoding)
        if codec:
            candidates.insert(0, codec)
    candidates += ["utf-8", "gb18030"]
    scored = []
    for codec in dict.fromkeys(candidates):
        text = data.decode(codec, errors="replace")
        scored.append((text.count("\ufffd"), codec, text))
    errors, codec, text = min(scored, key=lambda item: item[0])
    return Decoded(text, codec, f"lossy {codec} decode ({errors} undecodable sequences)", first_declared, lossy=True)
