from __future__ import annotations

from cleanpage.shadow import features, fold


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
