"""Pages from WARC and WARC.gz files, one per HTTP ``response`` record.

Read with FastWARC (the ``warc`` extra): it streams records from plain,
gzip, zstd or lz4 files without loading the archive, parses the HTTP
headers (which carry the charset the decoder weighs) and undoes
``Content-Encoding``; it is several times faster than warcio, which matters
when the archive is the input of a parallel run. Only successful (2xx)
responses whose content type is text, HTML or XML (or absent) are pages;
images, scripts and redirects are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .inputs import PageInput, record_name

PAGE_TYPES = ("text/", "html", "xml")


def warc_pages(source: str | BinaryIO, stem: str, max_bytes: int) -> Iterator[PageInput]:
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:  # pragma: no cover - depends on the installed extras
        name = source if isinstance(source, str) else "stdin"
        yield PageInput(name, stem, error=("InputError", "reading WARC files needs FastWARC: pip install 'cleanpage[warc]'"))
        return
    name = source if isinstance(source, str) else "stdin"
    stream = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115 - closed below
    number = 0
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, auto_decode="all")
        for record in records:
            number += 1
            page = _record_page(record, name, record_name(stem, number), max_bytes)
            if page is not None:
                yield page
    except OSError as exc:  # a damaged archive: the records before the damage were already yielded
        yield PageInput(f"{name}@{number + 1}", record_name(stem, number + 1),
                        error=("InputError", f"unreadable WARC after record {number}: {exc}"))
    finally:
        if isinstance(source, str):
            stream.close()


def _record_page(record: Any, source: str, out_name: str, max_bytes: int) -> PageInput | None:
    http = getattr(record, "http_headers", None)
    if http is None or not 200 <= http.status_code < 300:
        return None
    content_type = (http.get("Content-Type") or "").lower()
    if content_type and not any(kind in content_type for kind in PAGE_TYPES):
        return None
    headers: dict[str, str] = {str(k): str(v) for k, v in http.items()}
    record_id = str(record.record_id or "")
    url = record.headers.get("WARC-Target-URI")
    key = f"{source}#{record_id}" if record_id else source
    length = record.content_length
    if length > max_bytes:
        return PageInput(key, out_name, url=url, record_id=record_id,
                         error=("InputTooLargeError", f"record payload is {length} bytes; max_input_bytes is {max_bytes}"))
    return PageInput(key, out_name, data=record.reader.read(), url=url, headers=headers,
                     record_id=record_id)
