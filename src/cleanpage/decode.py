"""Bytes to text, with the encoding and the reason it was chosen.

Order of evidence:

1. a byte-order mark;
2. strict UTF-8: a page with non-ASCII bytes that decodes as UTF-8 without a
   single error is UTF-8 whatever it declares (many pages declare gb2312 and
   are UTF-8);
3. the declared charsets, HTTP ``Content-Type`` first (when headers are
   given), then ``<meta charset>`` / ``http-equiv`` / the XML declaration,
   widened (GB2312/GBK to GB18030, Big5 to cp950 then Big5-HKSCS) and
   *verified*: the strict decode must succeed and the text must read like
   Chinese at least as well as the other CJK decodings of the same bytes
   (Big5 bytes decode without error as GBK, so a strict decode alone proves
   little);
4. an injectable detector (``Config.encoding_detector``), verified the same
   way;
5. the CJK double-byte codecs that decode strictly, ranked by how much of the
   text is common Chinese characters;
6. a page that is UTF-8 except for a few spans (an ad or include saved in
   GBK) is decoded per span;
7. charset-normalizer's guess (it beat chardet 7 on our measurements, see
   ``docs/html.md``), and last a lossy decode recorded in ``Decoded.lossy``.
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
    "gb_2312": "gb18030", "euc-cn": "gb18030", "csgb2312": "gb18030", "gb18030": "gb18030",
    "big5": "cp950", "big-5": "cp950", "cn-big5": "cp950", "x-x-big5": "cp950", "csbig5": "cp950", "cp950": "cp950",
    "big5-hkscs": "big5hkscs",
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
}
# A codec that fails strictly on a page may still be right with a superset: cp950 lacks the HKSCS characters.
FALLBACK_CODEC = {"cp950": "big5hkscs"}
CJK_CODECS = ("gb18030", "cp950", "big5hkscs")
META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
NON_ASCII_BYTES = re.compile(rb"[\x80-\xff]+")
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
DECLARATION_WINDOW = 32_768  # bytes searched for <meta charset>; real heads put scripts before it
SCORE_SAMPLE = 4000  # non-ASCII characters scored per candidate decoding
# A declared decode is doubted when less of its text is common Chinese than this, and then
# replaced by another strict decoding that scores better by this margin.
DOUBT_BELOW = 0.45
REPLACE_MARGIN = 0.2
# A page is decoded per span when at most this share of its non-ASCII runs are not UTF-8.
MIXED_MAX_BAD_SHARE = 0.05

# The 500 most frequent Han characters of running Chinese text (wordfreq's zh list, character
# frequency summed over its top 20,000 words; 81 % of running text), then the Traditional forms
# of those that differ (OpenCC s2t). Real Chinese text decoded with the right codec is mostly
# made of these; the same bytes decoded with the wrong double-byte codec hardly ever are.
COMMON_HAN = frozenset(
    "的是一在人有不了我这中国为个会他年们来大和上以要到对时么能说你就可也于发地后生出与家日过成学行用多现都自没作"
    "还得下经开好动而方法看月吗公事分政里之民所主本最其定子同如全新业天前进那当部但等被因实关样什美很机去工些理面长"
    "内间然道只想小并从着问起种力及电体由将区心加员已产重意者合点高外文女网制情应题此场三表该真正代位第名资让无计市"
    "建果次给相期系她或明度任怎使认西提通活更两教比知结世总立利化做东物数特展目己入设统话手务社把别影性受战解司信向"
    "常它回见何又保接爱变论治少府报界议军组至选件安平品决记台共各北权运持据始视式原再站直联身快处海今反才程导老完路"
    "感规划量口打交需改基传车放科术元强领际号院南万金历图求每管觉单非指门片广达斯办先候类告带队约专必技党吧游参级布"
    "请确几许集取书造师球太亚包团示服像史则称色儿调证近听根头收水义济城京友且况二续推举条难命争支标乐准十英啊望格价"
    "较语男备死线马却容士形流走未委众港钱整观干失哪案官织研质料气识查欢即注言校孩创香照消字具费首亲型究育算增获项供"
    "转护离构律谁投源跟商连息华除找周便喜省须响象演空企四属助境农克边步节写希引洲态神思音显害尔医德风杀山职列击存易"
    "声清拉州越考這國爲個會們來對時麼說於發後與過學現沒還經開動嗎裏業進當實關樣機長內間並從問種電體將區員產點網應題"
    "場該資讓無計給認兩結總東數設統話務別戰見愛變論報議軍組選決記臺權運據視聯處導規劃傳車術強領際號萬歷圖覺單門廣達"
    "辦類帶隊約專黨遊參級請確幾許書師亞團則稱兒調證聽頭義濟況續舉條難爭標樂準價較語備線馬卻衆錢觀幹織質氣識歡創費親"
    "獲項轉護離構誰連華須響屬農邊節寫態顯爾醫風殺職擊聲"
)

EncodingDetector = Callable[[bytes], "str | None"]

# File signatures of what a crawl or a saved page's folder brings back that is not a page.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"\x00\x00\x01\x00", "an ICO icon"), (b"\x00\x00\x02\x00", "a CUR cursor"),
    (b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive"), (b"PK\x07\x08", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"%PDF-", "a PDF document"),
    (b"wOFF", "a WOFF font"), (b"wOF2", "a WOFF2 font"), (b"\x00\x01\x00\x00\x00", "a TrueType font"),
    (b"OTTO\x00", "an OpenType font"), (b"ttcf\x00", "a TrueType font collection"),
)
SNIFF_BYTES = 8192
# C0 controls no text uses (NUL aside: stray NULs are removed with a warning); random bytes have ~11 %.
BINARY_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\x00\t\n\v\f\r\x1b")
MAX_BINARY_SHARE = 0.05
MIN_UTF16_NULS = 0.4  # share of one byte parity that is NUL in UTF-16 text of ASCII and CJK
MARKUP = re.compile(rb"<(?:!doctype|html|head|body|meta|title|div|p|span|a|table|br|script|article)[\s>/]", re.IGNORECASE)
CODE_COMMENTS = rb"(?:\s+|/\*(?:[^*]|\*(?!/)){0,4000}\*/|//[^\n]{0,2000}\n)*"
SCRIPT_FILE = re.compile(
    CODE_COMMENTS + rb"""(?:["']use strict["']|[!;]?\(\s*function\b|!function\b|\(\s*\(\s*\)\s*=>|(?:var|let|const)\s+[\w$]+\s*=|"""
    rb"function\s*[\w$]*\s*\(|(?:import|export)\s+[\w{*]|define\s*\(|require\s*\(|(?:window|document|self)\.[\w$]+|"
    rb"\(self\.webpackChunk|webpackJsonp)")
STYLE_FILE = re.compile(
    CODE_COMMENTS + rb"(?:@(?:charset|import|media|font-face|keyframes|supports)\b|:root\s*\{|"
    rb"[#.]?[A-Za-z*][\w\-.#:\[\]=\"' >+~,*()]{0,200}\{\s*[\w-]+\s*:[^;{}]{1,500}[;}])")


def not_a_page(data: bytes) -> str | None:
    """What ``data`` is when it is clearly not a page (``"a PNG image"``), else ``None``.

    Asked before decoding: every decoding of an image or an archive is mojibake, and the repairs
    would then turn some of it into real words (invented text).
    """
    head = data[:SNIFF_BYTES]
    for signature, what in SIGNATURES:
        if head.startswith(signature):
            return what
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "bzip2-compressed data"
    if any(head.startswith(bom) for bom, _ in BOMS) or len(head) < 16:
        return None
    if _utf16_without_bom(head):
        return "UTF-16 text without a byte-order mark"
    if len(head) - len(head.translate(None, BINARY_BYTES)) > MAX_BINARY_SHARE * len(head):  # counted in C
        return "binary data (control bytes no text contains)"
    if not MARKUP.search(head):
        if SCRIPT_FILE.match(head):
            return "a JavaScript file"
        if STYLE_FILE.match(head):
            return "a CSS style sheet"
    return None


def _utf16_without_bom(head: bytes) -> bool:
    """NULs in one byte parity only: ASCII and CJK characters in UTF-16 without a byte-order mark."""
    size = len(head) // 2 * 2
    even, odd = head[0:size:2].count(0) / (size / 2), head[1:size:2].count(0) / (size / 2)
    return max(even, odd) >= MIN_UTF16_NULS and min(even, odd) < MIN_UTF16_NULS / 4


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    reason: str
    declared: str | None = None
    lossy: bool = False


def normalize_encoding(name: str) -> str | None:
    """The Python codec to use for a declared charset name, widened; ``None`` if unknown."""
    label = name.strip().strip("\"'").lower().replace("_", "-") if name else ""
    label = WIDEN.get(label, WIDEN.get(label.replace("-", "_"), label))
    try:
        return codecs.lookup(label).name if label else None
    except LookupError:
        return None


def declared_encodings(data: bytes, headers: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """``(codec, where)`` for each charset the transport or the page declares, in order of authority."""
    found: list[tuple[str, str]] = []
    if headers:
        for key, value in headers.items():
            if key.lower() == "content-type":
                header = HEADER_CHARSET.search(value)
                if header:
                    found.append((header.group(1), "http header"))
    head = data[:DECLARATION_WINDOW]
    xml = XML_ENCODING.match(head)
    if xml:
        found.append((xml.group(1).decode("ascii", "replace"), "xml declaration"))
    match = META_CHARSET.search(head)
    if match:
        found.append((match.group(1).decode("ascii", "replace"), "meta charset"))
    out: list[tuple[str, str]] = []
    for name, where in found:
        codec = normalize_encoding(name)
        if codec and all(codec != seen for seen, _ in out):
            out.append((codec, f"{where} {name.lower()}"))
    return out


def common_han_share(text: str) -> float:
    """Share of the first non-ASCII characters of ``text`` that are common Chinese characters."""
    seen = common = 0
    for ch in text:
        if ch < "\x80":
            continue
        seen += 1
        common += ch in COMMON_HAN
        if seen >= SCORE_SAMPLE:
            break
    return common / seen if seen else 0.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _strict_with_fallback(data: bytes, codec: str) -> tuple[str, str] | None:
    for name in (codec, FALLBACK_CODEC.get(codec)):
        if name:
            text = _strict(data, name)
            if text is not None:
                return text, name
    return None


def _best_cjk(data: bytes, skip: str | None = None) -> tuple[str, str, float] | None:
    """The strict CJK double-byte decoding of ``data`` whose text is most common Chinese."""
    best: tuple[str, str, float] | None = None
    for codec in CJK_CODECS:
        if codec == skip or (codec == "big5hkscs" and best is not None and best[1] == "cp950"):
            continue
        text = _strict(data, codec)
        if text is not None:
            score = common_han_share(text)
            if best is None or score > best[2]:
                best = (text, codec, score)
    return best


def decode(data: bytes, *, headers: Mapping[str, str] | None = None,
           detector: EncodingDetector | None = None) -> Decoded:
    """Decode ``data``; never raises on bad bytes (the last resort is a lossy decode)."""
    decoded = _decode(data, headers, detector, probe=False)
    assert decoded is not None  # only a probe gives up
    return decoded


def _cut_off(data: bytes, headers: Mapping[str, str] | None, detector: EncodingDetector | None) -> Decoded | None:
    """A page cut inside its last character (crawlers cap page sizes): decode the bytes before the cut.

    Without this, one missing byte fails every strict decode and the whole
    page falls to a statistical guess (Big5 read as GB18030, UTF-16 as junk).
    """
    for cut in range(1, min(3, len(data) - 1) + 1):
        whole = _decode(data[:-cut], headers, detector, probe=True)
        if whole is not None:
            return Decoded(whole.text + "\ufffd", whole.encoding,
                           f"{whole.reason}; the last {cut} byte(s) are a cut-off character", whole.declared, lossy=True)
    return None


def _decode(data: bytes, headers: Mapping[str, str] | None, detector: EncodingDetector | None, *,
            probe: bool) -> Decoded | None:
    """The order of evidence of the module docstring; a ``probe`` stops before the lossy last resorts."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return Decoded(text.lstrip("\ufeff"), codecs.lookup(codec).name, "byte-order mark")
    declared = declared_encodings(data, headers)
    first_declared = declared[0][1] if declared else None
    text = _strict(data, "utf-8")
    if text is not None:
        doubted = declared and declared[0][0] != "utf-8" and not data.isascii()
        why = "strict utf-8" + (f" (declared {first_declared}, not trusted)" if doubted else "")
        return Decoded(text, "utf-8", why, first_declared)
    mixed = _utf8_with_foreign_spans(data)
    if mixed:
        return Decoded(mixed[0], "utf-8", mixed[1], first_declared)
    for codec, where in declared:
        verified = _verified(data, codec, f"{where}, verified by a strict decode")
        if verified:
            return Decoded(verified[0], verified[1], verified[2], first_declared)
    if detector is not None:
        guess = detector(data)
        guessed_codec = normalize_encoding(guess) if guess else None
        verified = _verified(data, guessed_codec, f"encoding detector said {guess}") if guessed_codec else None
        if verified:
            return Decoded(verified[0], verified[1], verified[2], first_declared)
    best = _best_cjk(data)
    if best is not None and best[2] >= DOUBT_BELOW:
        return Decoded(best[0], best[1], f"strict {best[1]} decode, {best[2]:.0%} common Chinese characters",
                       first_declared)
    if probe:
        return None
    return _cut_off(data, headers, detector) or _statistical(data, declared, first_declared, best)


def _verified(data: bytes, codec: str, why: str) -> tuple[str, str, str] | None:
    """Decode with ``codec`` if it decodes strictly and no other CJK codec reads clearly better."""
    decoded = _strict_with_fallback(data, codec)
    if decoded is None:
        return None
    text, used = decoded
    if used not in CJK_CODECS:
        return text, used, why
    score = common_han_share(text)
    if score < DOUBT_BELOW:
        rival = _best_cjk(data, skip=used)
        if rival is not None and rival[2] > score + REPLACE_MARGIN:
            return rival[0], rival[1], (f"strict {rival[1]} decode, {rival[2]:.0%} common Chinese characters "
                                        f"(rejected {why.split(',')[0]}: {score:.0%})")
    return text, used, why + ("" if used == codec else f" (widened to {used})")


def _utf8_with_foreign_spans(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few runs in GB18030 or Big5, each run decoded on its own."""
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    non_ascii_chars = sum(len(run) for run in NON_ASCII.findall(lenient))
    if invalid > MIXED_MAX_BAD_SHARE * (non_ascii_chars - invalid):
        return None
    bad_runs: list[tuple[int, int]] = []
    runs = 0
    for match in NON_ASCII_BYTES.finditer(data):
        runs += 1
        try:
            match.group().decode("utf-8")
        except UnicodeDecodeError:
            bad_runs.append(match.span())
    if not bad_runs or len(bad_runs) > max(1, runs * MIXED_MAX_BAD_SHARE) or runs < 20:
        return None
    pieces: list[str] = []
    end = 0
    used: set[str] = set()
    for start, stop in bad_runs:
        pieces.append(data[end:start].decode("utf-8"))
        chunk = data[start:stop]
        best = _best_cjk(chunk)
        if best is not None:
            pieces.append(best[0])
            used.add(best[1])
        else:
            pieces.append(chunk.decode("utf-8", errors="replace"))
            used.add("replacement")
        end = stop
    pieces.append(data[end:].decode("utf-8"))
    return "".join(pieces), f"utf-8 with {len(bad_runs)} span(s) decoded as {'/'.join(sorted(used))}"


def _statistical(data: bytes, declared: list[tuple[str, str]], first_declared: str | None,
                 best_cjk: tuple[str, str, float] | None) -> Decoded:
    """charset-normalizer's guess when it decodes strictly, else the decoding with the fewest errors."""
    import charset_normalizer

    match = charset_normalizer.from_bytes(data[:200_000]).best()
    label = match.encoding if match is not None else None
    guess = normalize_encoding(label) if label else None
    if guess:
        decoded = _strict_with_fallback(data, guess)
        if decoded is not None and (best_cjk is None or decoded[1] in CJK_CODECS
                                    or common_han_share(decoded[0]) >= best_cjk[2]):
            return Decoded(decoded[0], decoded[1], f"charset-normalizer guessed {label}", first_declared)
    if best_cjk is not None:
        return Decoded(best_cjk[0], best_cjk[1], f"strict {best_cjk[1]} decode, {best_cjk[2]:.0%} common Chinese "
                       "characters", first_declared)
    candidates = [c for c, _ in declared] + ([guess] if guess else []) + ["utf-8", "gb18030", "cp950"]
    scored = []
    for codec in dict.fromkeys(candidates):
        text = data.decode(codec, errors="replace")
        scored.append((text.count("\ufffd"), codec, text))
    errors, codec, text = min(scored, key=lambda item: item[0])
    return Decoded(text, codec, f"lossy {codec} decode ({errors} undecodable sequences)", first_declared, lossy=True)
