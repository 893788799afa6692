from __future__ import annotations

from cleanpage.shadow import _tables, features, fold


def test_fold_is_one_to_one_and_folds_width_script_and_case() -> None:
    text = "來源：ＩＣＰ備案　Copyright"
    shadow = fold(text)
    assert len(shadow) == len(text)
    assert shadow == "来源:icp备案 copyright"


def test_sentence_features() -> None:
    feats = features(fold("会议要求，各部门要坚持问题导向，逐项制定整改措施。"))
    assert feats.sentence_like and feats.term_end and feats.sent_punct == 3
    nav = features(fold("首页 新闻 体育 财经"))
    assert not nav.sentence_like and nav.short


def test_traditional_and_simplified_paths_fold_every_character_alike() -> None:
    # A Traditional page is folded through one string table, a Simplified one by substitution:
    # both must give every character of both tables (and characters beyond U+FFFF) the same shadow.
    width, _, script, _ = _tables()
    every = "".join(map(chr, sorted({*width, *script}))) + "𠀀𪚥😀"
    expected = "".join(chr(script.get(width.get(ord(ch), ord(ch)), width.get(ord(ch), ord(ch)))) for ch in every)
    traditional_page = "臺灣的網路與資訊產業發展" * 40 + every
    assert fold(traditional_page)[-len(every):] == expected
    assert fold("简体中文页面" * 100 + every)[-len(every):] == expected


def test_digit_grouping_commas_are_not_sentence_punctuation() -> None:
    assert features("浏览 12,345 收藏 2,001 按赞 96").sent_punct == 0
    assert features("他说,我们明天再来,好吗?").sent_punct == 3


def test_the_ascii_shortcut_folds_as_the_tables_do() -> None:
    """``fold`` takes ASCII text aside (lower case, the tab a space): the tables must fold every ASCII character so."""
    table = _tables()[0]
    script = _tables()[2]
    for code in range(128):
        char = chr(code)
        expected = chr(script.get(table.get(code, code), table.get(code, code)))
        assert fold(char) == expected == char.lower().replace("\t", " "), code
    assert fold("Posted\tON 12:30") == "posted on 12:30"
