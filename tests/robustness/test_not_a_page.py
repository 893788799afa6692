"""Bytes that are not a page are refused before decoding, and repairs never invent text from binary.

``cleanpage clean pic.png`` used to write 256 kB of CJK mojibake, some of it "repaired" into real words
(``'\\ufffd\\ue089\\ufffd'`` became ``'全体'``).
"""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest

import cleanpage
from cleanpage.errors import InputError, NotAPageError

HAN = re.compile(r"[\u4e00-\u9fff]")


def png(size: int = 64 * 1024) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(size)


def zip_of_pages() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.html", "<p>正文内容。</p>" * 100)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "what"), [
    (png(), "PNG image"), (zip_of_pages(), "ZIP archive"), (b"%PDF-1.4\n" + random.Random(2).randbytes(4096), "PDF"),
], ids=["png", "zip", "pdf"])
def test_clean_refuses_what_is_not_a_page(data: bytes, what: str) -> None:
    with pytest.raises(NotAPageError, match=what) as raised:
        cleanpage.clean(data)
    assert isinstance(raised.value, InputError) and isinstance(raised.value, cleanpage.CleanpageError)


def test_every_entry_point_refuses_a_png() -> None:
    pa = pytest.importorskip("pyarrow")
    from cleanpage.batch import clean_table

    with pytest.raises(NotAPageError):
        cleanpage.Cleaner().clean(png())
    row = clean_table(pa.table({"html": [png()]})).to_pylist()[0]
    assert row["error"].startswith("NotAPageError: not a page: a PNG image")


def test_repairs_never_turn_undecodable_text_into_words() -> None:
    """The issue's example: a lossy decode's U+FFFD and private-use characters were repaired into 全体."""
    text = "\ufffd\ue089\ufffd" * 200 + "\n" + "正文内容。"
    doc = cleanpage.clean(text, kind="text")
    assert doc.repairs == []
    assert any(w.startswith("repair: skipped") for w in doc.warnings)
    assert len(HAN.findall(doc.text)) <= len(HAN.findall(text))
    assert "全体" not in doc.text
