"""Learning, saving and using site profiles (cleanpage.profiles, cleanpage.profile_model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Cleaner, Config
from cleanpage.profile_model import (
    SCHEMA_VERSION,
    ProfileError,
    ProfilePolicy,
    SiteProfile,
    fingerprint,
    load_profiles,
    profile_for,
    save_profiles,
    site_of,
)
from cleanpage.profiles import (
    PageRecord,
    ProfileLearner,
    carries_metadata,
    learn_profile,
    learn_profiles,
    profile_for_record,
)
from cleanpage.registry import detector_classes
from cleanpage.shadow import features, fold
from detector_isolation import cleaner_without
from profile_site import DISCLAIMER, INTERIOR, NAV, make_site

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
TEXT = Config(kind="text")
REAL_SITES = ("163", "sina", "thepaper", "toutiao", "ifeng", "baijiahao")


def site_profile(pages: int = 30, **kwargs: int) -> tuple[list, SiteProfile]:
    site = make_site(pages, **kwargs)
    return site, learn_profile([(p.text, p.url) for p in site], site="news.example.com", config=TEXT)


# -- fingerprints ------------------------------------------------------------------------------
def test_fingerprint_ignores_spacing_width_script_and_numbers() -> None:
    assert fingerprint("阅读 1234") == fingerprint("阅读８７")
    assert fingerprint("來源：新華社") == fingerprint("来源:新华社")
    assert fingerprint("Copyright\u200b © 2019") == fingerprint("copyright ©2023")
    assert fingerprint("热点新闻") != fingerprint("热门新闻")


def test_metadata_lines_are_flagged_and_phone_numbers_are_not_dates() -> None:
    assert carries_metadata("来源：新华社")
    assert carries_metadata("2019-09-08 09:38 新浪财经")
    assert not carries_metadata("澎湃新闻报料：4009-20-4009 澎湃新闻，未经授权不得转载")
    assert not carries_metadata("热点新闻")


def test_metadata_lines_are_what_the_meta_lexicon_and_the_date_grammar_read() -> None:
    assert carries_metadata("文章关键词：")  # a label of the lexicon (tags)
    assert carries_metadata("更新于 3月5日") and carries_metadata("08-12 10:30")  # a day of the month, a clock time
    assert carries_metadata("二〇二〇年八月三日")
    assert not carries_metadata("iPhone 11 系列发布：双摄三摄都有")  # 发布 glued in a headline is not a label
    assert not carries_metadata("分享到：")  # a tool button, not metadata


# -- learning ----------------------------------------------------------------------------------
def test_template_lines_recur_on_every_page_and_article_lines_are_not_kept() -> None:
    site, profile = site_profile()
    assert (profile.pages, profile.seen, profile.duplicates) == (30, 30, 0)
    nav = profile.entry(NAV)
    assert nav is not None and nav.pages == 30 and nav.head == 30 and nav.position < 0.2
    interior = profile.entry(INTERIOR[0])
    assert interior is not None and interior.body == 30
    assert all(profile.entry(line) is None for page in site for line in page.body[1:])
    dateline = profile.entry(site[0].meta[0])  # dates fold to one fingerprint: the line's shape recurs
    assert dateline is not None and dateline.meta


def test_a_page_crawled_twice_counts_once() -> None:
    page = make_site(1)[0].text
    profile = learn_profile([page] * 8, config=TEXT)
    assert (profile.pages, profile.seen, profile.duplicates) == (1, 8, 7)
    assert not profile.usable


def test_near_copies_of_an_article_count_once() -> None:
    site, profile = site_profile(6, duplicates=6)  # the same 6 bodies again, each with another related list
    assert (profile.pages, profile.duplicates) == (6, 6)
    assert all(profile.entry(line) is None for page in site for line in page.body[1:])


def test_a_series_disclaimer_does_not_make_articles_look_copied() -> None:
    _, profile = site_profile(12, series_every=1)
    assert profile.pages == 12
    entry = profile.entry(DISCLAIMER)
    assert entry is not None and entry.pages == 12


def test_learning_reads_html_like_clean_does() -> None:
    pages = [p.read_bytes() for p in sorted((FIXTURES / "html" / "baijiahao").glob("*.html"))]
    profile = learn_profile(pages, site="baijiahao.baidu.com")
    learner = ProfileLearner(config=Config())
    assert [learner.cleaner.segment(p).kind for p in pages] == ["html"] * len(pages)
    assert profile.pages == len(pages) and profile.seen == len(pages)


def test_unreadable_pages_are_recorded_not_fatal() -> None:
    good = make_site(3)
    profile = learn_profile([good[0].text, 12345, good[1].text], config=TEXT)  # type: ignore[list-item]
    assert profile.pages == 2 and profile.seen == 3
    assert len(profile.errors) == 1 and "bytes or str" in profile.errors[0]


# -- JSON --------------------------------------------------------------------------------------
def test_json_round_trip(tmp_path: Path) -> None:
    _, profile = site_profile(10)
    path = profile.save(tmp_path / "site.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "cleanpage-site-profile" and data["version"] == SCHEMA_VERSION
    assert SiteProfile.load(path) == profile


@pytest.mark.parametrize("change", [{"schema": "other"}, {"version": 99}, {"pages": "many"}])
def test_bad_profiles_raise_profile_error(tmp_path: Path, change: dict[str, object]) -> None:
    data = site_profile(6)[1].to_dict() | change
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError):
        SiteProfile.load(path)
    with pytest.raises(cleanpage.CleanpageError):
        SiteProfile.load(tmp_path / "missing.json")


# -- many sites --------------------------------------------------------------------------------
def test_pages_group_by_host_and_folder(tmp_path: Path) -> None:
    for n, page in enumerate(make_site(6)):
        folder = tmp_path / "dumps" / "example"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n}.txt").write_text(page.text, encoding="utf-8")
    other = make_site(5, seed=3)
    records = [PageRecord(p.text, p.url.replace("news.example.com", "www.other.cn")) for p in other]
    profiles = learn_profiles([tmp_path / "dumps", *records], config=TEXT)
    assert {site: p.pages for site, p in profiles.items()} == {"example": 6, "other.cn": 5}
    saved = save_profiles(profiles, tmp_path / "profiles")
    assert sorted(p.name for p in saved) == ["example.json", "other.cn.json"]
    loaded = load_profiles(tmp_path / "profiles")
    assert loaded == profiles
    assert profile_for("https://news.other.cn/a/1.html", loaded) is loaded["other.cn"]
    assert profile_for(tmp_path / "dumps" / "example" / "9.txt", loaded) is loaded["example"]
    assert profile_for("https://cn/x", loaded) is None and profile_for(None, loaded) is None
    assert profile_for_record(records[0], loaded) is loaded["other.cn"]
    assert profile_for_record(PageRecord(site_text := make_site(1)[0].text, None, "x/example/1.txt"), loaded) \
        is loaded["example"]
    assert profile_for_record(PageRecord(site_text, None, "x/example/1.txt"), loaded, group_by="host") is None


def test_grouping_by_host_needs_urls() -> None:
    with pytest.raises(cleanpage.InputError):
        learn_profiles([{"text": "a line", "path": "x/1.txt"}], group_by="host")
    with pytest.raises(cleanpage.ConfigError):
        learn_profiles([], group_by="domain")


def test_site_keys() -> None:
    assert site_of("https://WWW.Example.com/a") == "example.com"
    assert site_of("pages/sina/1.html") == "sina"


# -- cleaning with a profile -------------------------------------------------------------------
@pytest.mark.parametrize("alone", [True, False], ids=["profile-alone", "with-every-detector"])
def test_profile_removes_template_chrome_and_keeps_every_body_line(alone: bool) -> None:
    site, profile = site_profile(40, series_every=3, duplicates=5)
    others = tuple(cls.name for cls in detector_classes() if cls.name != "site_profile") if alone else ()
    cleaner = cleaner_without(*others, config=TEXT)
    fixed = set.intersection(*(set(page.chrome) for page in site))
    leaked_before = leaked_after = 0
    for page in site:
        plain = cleaner.clean(page.text)
        profiled = cleaner.clean(page.text, profile=profile)
        before, after = set(plain.text.splitlines()), set(profiled.text.splitlines())
        leaked_before += len(before & set(page.chrome))
        leaked_after += len(after & set(page.chrome))
        assert after & fixed == set()
        assert [line for line in page.body if line in before and line not in after] == []
        assert plain.metadata.published == profiled.metadata.published
        assert all(not carries_metadata(r.text) for r in profiled.removed if r.detector == "site_profile")
    assert leaked_after < leaked_before


def test_a_small_profile_is_not_used() -> None:
    site, profile = site_profile(4)
    document = cleanpage.clean(site[0].text, kind="text", profile=profile)
    assert INTERIOR[0] in document.text
    assert any("4 distinct pages" in w for w in document.warnings)
    assert cleanpage.clean(site[0].text, kind="text", profile=profile.with_policy(min_pages=4)).text.count(INTERIOR[0]) == 0


def test_keep_patterns_protect_template_lines() -> None:
    site, profile = site_profile(10)
    assert INTERIOR[0] not in cleanpage.clean(site[0].text, kind="text", profile=profile).text
    assert INTERIOR[0] in cleanpage.clean(site[0].text, kind="text", profile=profile, keep_patterns=("城市观察",)).text


@pytest.mark.parametrize("site", REAL_SITES)
def test_real_sites_lose_recurring_lines_but_no_unique_sentence(site: str) -> None:
    """Leave one out on text dumps of real sites: learn from the others, clean the held-out page."""
    pages = [p.read_bytes() for p in sorted((FIXTURES / "news" / site).glob("*.txt"))]
    cleaner = Cleaner(TEXT)
    prints = [{fingerprint(b.text) for b in cleaner.segment(p).blocks} for p in pages]
    recurring_before = recurring_after = 0
    for i, page in enumerate(pages):
        others = [s for j, s in enumerate(prints) if j != i]
        profile = learn_profile([p for j, p in enumerate(pages) if j != i], config=TEXT,
                                policy=ProfilePolicy(min_pages=3))
        plain = cleaner.clean(page).text.splitlines()
        profiled = set(cleaner.clean(page, profile=profile).text.splitlines())
        unique = [line for line in plain if not any(fingerprint(line) in s for s in others)]
        assert [line for line in unique if features(fold(line)).sentence_like and line not in profiled] == []
        recurring_before += sum(sum(fingerprint(line) in s for s in others) >= 2 for line in plain)
        recurring_after += sum(sum(fingerprint(line) in s for s in others) >= 2 for line in profiled)
    assert recurring_after < recurring_before


def test_a_series_disclaimer_is_kept_unless_site_wide_and_then_on_request() -> None:
    # The copyright detector also takes the disclaimer: without it, the line is the profile's to judge.
    cleaner, keeping = cleaner_without("copyright", kind="text"), cleaner_without("copyright", kind="text",
                                                                                  keep_patterns=("^本栏目所载文章",))
    column, column_profile = site_profile(30, series_every=2)  # on half of the pages: a column's standing text
    assert DISCLAIMER in cleaner.clean(column[0].text, profile=column_profile).text
    site, profile = site_profile(30, series_every=1)  # on every page: template
    dropped = cleaner.clean(site[0].text, profile=profile)
    assert [r.reason for r in dropped.removed if r.text == DISCLAIMER] == ["recurs on 30 of 30 pages of this site "
                                                                             "(news.example.com)"]
    assert DISCLAIMER in keeping.clean(site[0].text, profile=profile).text
