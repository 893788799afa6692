"""Text composed into Unicode's canonical form (NFC); compatibility forms and width left alone."""

from __future__ import annotations

import unicodedata

import cleanpage
from cleanpage.repair.canonical_form import composed_edits


def test_combining_marks_and_singletons_are_composed_span_by_span() -> None:
    text = "Mu\u0308nchen, কুষ্টি\u09dfা, 兀 and \ufa0c"
    edits = composed_edits(text)
    assert [text[edit.start:edit.end] for edit in edits] == ["u\u0308", "\u09df", "\ufa0c"]
    assert [edit.after for edit in edits] == ["ü", "\u09af\u09bc", "\u5140"]


def test_nfc_text_width_and_compatibility_forms_are_left_alone() -> None:
    for text in ("München", "ＡＢＣ全角ｱｲｳ", "ﬁnal ligature", "你好，世界。"):
        assert composed_edits(text) == []


def test_clean_gives_nfc_text_and_records_each_composition() -> None:
    body = "<p>Die Stadt Mu\u0308nchen hat viele Einwohner und eine lange Geschichte, die bis ins Mittelalter reicht.</p>"
    doc = cleanpage.clean(f"<html><body><article><h1>München</h1>{body * 3}</article></body></html>")
    assert "München" in doc.text and unicodedata.is_normalized("NFC", doc.text)
    assert {(repair.kind, repair.after) for repair in doc.repairs} == {("canonical_form", "ü")}
