"""decode: BOM, headers, verified declarations, CJK detection, mixed spans, injectable detector."""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import re
import zipfile
from pathlib import Path

import pytest

from cleanpage.decode import common_han_share, decode, normalize_encoding, not_a_page

PAGE = gzip.decompress((Path(__file__).parent / "fixtures" / "html" / "pages" / "people-1.html.gz").read_bytes())
META = re.compile(r"<meta[^>]*charset[^>]*>", re.IGNORECASE)
TEXT = META.sub("", PAGE.decode("utf-8"))
TRADITIONAL = TEXT.translate(str.maketrans("这个国为会们来对时说发后与过学现还经开动关样机长间从问种电体区员产点网应题场该资让无计给认两结总东数设统话务别见爱变论报议军组选决记权运据视联处导规划传车术强领际号万历图觉单门广达办类带队约专党游参级请确几许书师亚团则称儿调证听头义济况续举条难争标乐准价较语备线马却众钱观干织质气识欢创费亲获项转护离构谁连华须响属农边节写态显尔医风杀职击声",
                                               "這個國為會們來對時說發後與過學現還經開動關樣機長間從問種電體區員產點網應題場該資讓無計給認兩結總東數設統話務別見愛變論報議軍組選決記權運據視聯處導規劃傳車術強領際號萬歷圖覺單門廣達辦類帶隊約專黨遊參級請確幾許書師亞團則稱兒調證聽頭義濟況續舉條難爭標樂準價較語備線馬卻眾錢觀幹織質氣識歡創費親獲項轉護離構誰連華須響屬農邊節寫態顯爾醫風殺職擊聲"))


def _declare(text: str, charset: str | None) -> str:
    return text if charset is None else text.replace("<head>", f'<head><meta charset="{charset}">', 1)


@pytest.mark.parametrize("declared", [None, "gb2312", "gbk", "utf-8", "big5"])
@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gb_pages_with_right_missing_and_lying_declarations(codec: str, declared: str | None) -> None:
    data = _declare(TEXT, declared).encode(codec, "xmlcharrefreplace")
    decoded = decode(data)
    assert decoded.text == data.decode("gb18030")
    assert decoded.encoding == "gb18030"


@pytest.mark.parametrize("declared", [None, "big5", "gb2312", "utf-8"])
def test_big5_pages_with_right_missing_and_lying_declarations(declared: str | None) -> None:
    data = _declare(TRADITIONAL, declared).encode("cp950", "xmlcharrefreplace")
    decoded = decode(data)
    assert decoded.text == data.decode("cp950")
    assert decoded.encoding in {"cp950", "big5hkscs"}


def test_utf8_page_declaring_gb2312_is_utf8() -> None:
    decoded = decode(_declare(TEXT, "gb2312").encode("utf-8"))
    assert decoded.encoding == "utf-8"
    assert "not trusted" in decoded.reason


def test_byte_order_mark_wins() -> None:
    decoded = decode(codecs.BOM_UTF8 + "来源：新华社".encode())
    assert decoded.text == "来源：新华社"
    assert decoded.reason == "byte-order mark"


def test_http_header_is_verified_before_the_meta_tag() -> None:
    data = _declare(TEXT, "utf-8").encode("gbk", "xmlcharrefreplace")
    decoded = decode(data, headers={"Content-Type": "text/html; charset=GBK"})
    assert decoded.encoding == "gb18030"
    assert decoded.reason.startswith("http header gbk")


def test_gbk_span_inside_a_utf8_page_is_decoded_on_its_own() -> None:
    body = TEXT.encode("utf-8")
    cut = body.index(b"</head>")
    data = body[:cut] + "<p>广告：欢迎访问我们的网站</p>".encode("gbk") + body[cut:]
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert "广告：欢迎访问我们的网站" in decoded.text
    assert "span" in decoded.reason


def test_injected_detector_is_verified() -> None:
    data = TEXT.encode("gbk", "xmlcharrefreplace")
    assert decode(data, detector=lambda _: "gbk").reason == "encoding detector said gbk"
    assert decode(data, detector=lambda _: "utf-8").encoding == "gb18030"  # a wrong guess fails the strict decode


def test_binary_junk_is_a_recorded_lossy_decode() -> None:
    decoded = decode(bytes(range(256)) * 4)
    assert isinstance(decoded.text, str)


def test_widening_and_unknown_names() -> None:
    assert normalize_encoding("GB2312") == "gb18030"
    assert normalize_encoding("x-gbk") == "gb18030"
    assert normalize_encoding("Big5") == "cp950"
    assert normalize_encoding("no-such-charset") is None


def test_common_han_share_separates_text_from_mojibake() -> None:
    mojibake = TEXT.encode("utf-8").decode("gb18030", errors="replace")
    assert common_han_share(TEXT) > 0.45 > common_han_share(mojibake)


# -- not_a_page: what is refused before decoding ----------------------------------------------------
def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.html", "<p>正文</p>")
    return buffer.getvalue()


NOT_PAGES = {
    "a PNG image": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "a JPEG image": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200),
    "a GIF image": b"GIF89a\x01\x00\x01\x00" + bytes(50),
    "a WebP image": b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(50),
    "an ICO icon": b"\x00\x00\x01\x00\x01\x00\x10\x10" + bytes(50),
    "a ZIP archive": _zip_bytes(),
    "gzip-compressed data": gzip.compress("<p>正文</p>".encode() * 50),
    "a 7z archive": b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(50),
    "a RAR archive": b"Rar!\x1a\x07\x01\x00" + bytes(50),
    "bzip2-compressed data": bz2.compress(b"text" * 50),
    "a PDF document": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    "a WOFF font": b"wOFF\x00\x01\x00\x00" + bytes(50),
    "a WOFF2 font": b"wOF2\x00\x01\x00\x00" + bytes(50),
    "a TrueType font": b"\x00\x01\x00\x00\x00\x12\x01\x00" + bytes(50),
    "an OpenType font": b"OTTO\x00\x0b\x00\x80" + bytes(50),
    "a JavaScript file": b'/*! jQuery v3.6.0 */\n!function(e,t){"use strict";"object"==typeof module}(this);',
    "a CSS style sheet": b"@charset \"utf-8\";\n/* reset */\nbody,div,p{margin:0;padding:0}\n.nav li{float:left}",
    "UTF-16 text without a byte-order mark": "第一段正文内容。Hello\n".encode("utf-16-le") * 4,
    "binary data (control bytes no text contains)": bytes(range(256)) * 8,
}


@pytest.mark.parametrize(("what", "data"), NOT_PAGES.items(), ids=list(NOT_PAGES))
def test_not_a_page_names_what_the_bytes_are(what: str, data: bytes) -> None:
    assert not_a_page(data) == what


@pytest.mark.parametrize("data", [
    b"", b"<p>x</p>", "<html><body><p>正文</p><script>var a = 1;</script></body></html>".encode(),
    b"<script>window.location.href = '/a.html';</script>", "第一段\x00正文。\n第二段\x00\x00。".encode(),
    "正文内容。".encode("utf-16") * 5, "北京时间6月13日，国务院新闻办公室举行发布会。".encode("big5hkscs", "replace") * 3,
    b"Function words are short: var is not code here {not css}.", "body 正文 { 不是样式 }".encode("gb18030"),
    "来源：新华社\n正文内容。var x = 1;".encode(),
], ids=["empty", "tag", "page with script", "script page", "NULs", "utf-16 with BOM", "big5", "english", "braces",
        "dump"])
def test_pages_and_dumps_are_not_refused(data: bytes) -> None:
    assert not_a_page(data) is None
