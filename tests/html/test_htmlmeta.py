"""htmlmeta bylines: dateline credits, name/outlet bylines, role words that are not names."""

from __future__ import annotations

from pathlib import Path

import cleanpage
from cleanpage.htmlmeta import person_names

SNIPPETS = Path(__file__).parent.parent / "fixtures" / "html" / "snippets"


def test_reporters_credited_in_a_dateline_are_the_author() -> None:
    doc = cleanpage.clean((SNIPPETS / "bylines.html").read_bytes())
    assert doc.metadata.author == "唐霁"
    assert doc.metadata.source == "新华网"


def test_an_unlabelled_name_and_outlet_byline_gives_author_and_source() -> None:
    doc = cleanpage.clean((SNIPPETS / "name_outlet_byline.html").read_bytes())
    assert doc.metadata.author == "石佳"
    assert doc.metadata.source == "中国青年报"
    assert doc.metadata.published == "2019-09-24T09:10"


def test_role_words_written_apart_from_names_are_not_names() -> None:
    assert person_names("陈智 整合") == ["陈智"]
    assert person_names("叨叨姐、胡一刀&李小飞刀") == ["叨叨姐", "胡一刀", "李小飞刀"]


def test_an_outlet_alone_is_nobody() -> None:
    assert person_names("中国青年报") == []
