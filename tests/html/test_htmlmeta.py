"""htmlmeta bylines and dates: dateline credits, name/outlet bylines, role words, reading order, self-media
accounts, date labels, year-less dates, script timestamps."""

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


def test_a_byline_split_by_nested_tools_is_read_in_reading_order() -> None:
    doc = cleanpage.clean((SNIPPETS / "byline_tools.html").read_bytes())
    assert doc.metadata.author == "魏星"


def test_a_headline_saying_fabu_in_a_list_is_not_a_date_label() -> None:
    doc = cleanpage.clean((SNIPPETS / "byline_tools.html").read_bytes())
    assert doc.metadata.published == "2014-08-24T21:30"


def test_a_self_media_account_and_a_yearless_labelled_date() -> None:
    doc = cleanpage.clean((SNIPPETS / "self_media_byline.html").read_bytes())
    assert doc.metadata.author == "海外趣闻君"
    assert doc.metadata.published == "2019-10-08T12:00"


def test_a_script_timestamp_is_the_published_time_in_beijing() -> None:
    doc = cleanpage.clean((SNIPPETS / "section_per_paragraph.html").read_bytes())
    assert doc.metadata.published == "2020-02-12T22:17"
