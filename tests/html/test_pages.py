"""Every dev page through the whole HTML path, and the hand-annotated subset against its annotations."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleanpage

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
PAGES = sorted((FIXTURES / "pages").glob("*.html.gz"))
ANNOTATED = sorted((FIXTURES / "annotations").glob("*.json"))


def _name(path: Path) -> str:
    return path.name.split(".")[0]


def _clean(name: str) -> cleanpage.Document:
    return cleanpage.clean(gzip.decompress((FIXTURES / "pages" / f"{name}.html.gz").read_bytes()))


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_page_has_encoding_title_and_body(page: Path) -> None:
    doc = _clean(_name(page))
    assert doc.metadata.encoding == "utf-8"  # every dev page is UTF-8, several declare gb2312
    assert doc.title
    assert doc.text.strip()


@pytest.mark.parametrize("annotation", ANNOTATED, ids=_name)
def test_annotated_page(annotation: Path) -> None:
    expected = json.loads(annotation.read_text(encoding="utf-8"))
    doc = _clean(_name(annotation))
    assert doc.metadata.title == expected["title"]
    assert doc.metadata.published == expected["published"]
    assert doc.metadata.encoding == expected["encoding"]
    # an author is either the named one or absent: never somebody else (a source, an editor, the site)
    assert doc.metadata.author in {expected["author"], None}
    for line in expected["must_contain"]:
        assert line in doc.text
    for line in expected["must_not_contain"]:
        assert line not in doc.text
