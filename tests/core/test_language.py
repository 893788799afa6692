"""language: the body's language as a BCP 47 tag; the page's declaration is only a hint."""

from __future__ import annotations

import pytest

import cleanpage
from cleanpage.language import detect_language

ENGLISH = "The city council approved the new budget on Tuesday after a long debate about school funding."
GERMAN = "Die Deutsche Bahn streicht den Zutritt zu ihrer Lounge für Fahrgäste mit einem Sparpreis-Ticket."
SIMPLIFIED = "记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生就业创业。"
TRADITIONAL = "記者從市人社局獲悉，為進一步穩定就業形勢，本市近日出台十二條新舉措，重點支持高校畢業生就業創業。"


@pytest.mark.parametrize(
    ("text", "script", "declared", "tag", "rule"),
    [
        (SIMPLIFIED, "simplified", "en", "zh-Hans", "script"),  # a template's lang="en" does not make it English
        (TRADITIONAL, "traditional", None, "zh-Hant", "script"),
        ("東京都は新しい予算を発表しました。これは市民の生活に大きな変化をもたらします。", "traditional", None, "ja", "script"),
        ("서울시는 새로운 예산을 발표했습니다. 이것은 시민들의 생활에 큰 변화를 가져옵니다.", None, None, "ko", "script"),
        (ENGLISH, None, "utf-8", "en", "fasttext"),  # a charset in the language header is no language
        (ENGLISH, None, "en-GB", "en-GB", "fasttext"),  # a declaration that agrees keeps its region
        (GERMAN, None, "en", "de", "fasttext"),
    ],
)
def test_the_language_is_read_from_the_body(text: str, script: str | None, declared: str | None, tag: str,
                                             rule: str) -> None:
    found = detect_language(text, script, declared)
    assert found is not None
    assert (found.tag, found.rule) == (tag, rule)


def test_too_little_text_falls_back_on_a_well_formed_declaration_only() -> None:
    assert detect_language("OK", None, "fr-CA") is not None
    assert detect_language("OK", None, "fr-CA").tag == "fr-CA"  # type: ignore[union-attr]
    assert detect_language("OK", None, "utf-8") is None
    assert detect_language("OK", None, None) is None


def test_clean_sets_the_language_with_its_provenance() -> None:
    page = (f"<html lang='utf-8'><head><title>Budget</title></head><body><article><h1>Budget</h1>"
            f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>")
    doc = cleanpage.clean(page)
    assert doc.metadata.language == "en"
    assert doc.metadata.extra["provenance"]["language"]["rule"] == "fasttext"
    assert cleanpage.clean(SIMPLIFIED + "\n" + SIMPLIFIED, kind="text").metadata.language == "zh-Hans"
