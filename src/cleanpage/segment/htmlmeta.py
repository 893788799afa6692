"""Page metadata from the whole DOM: title, dates, authors, source, site, breadcrumb, links, description, image.

Titles, dates and bylines often sit outside the main content block, so they
are read from the parsed page before extraction. Chinese-aware rules come
first: the headline element that agrees with ``<title>``, the ``<title>``
without its site suffix (`` - 新华网``, ``_新浪网``, ``|人民网``), labelled
meta lines near the headline (发布时间 / 發佈時間 / 来源 / 作者 / 记者), meta
tags and JSON-LD, ``<time>``, byline elements, the URL's date. htmldate is the
last resort for the published date, at low confidence. Every value is offered
to the page's :class:`~cleanpage.evidence.Evidence` with a confidence, so
text-level detectors with stronger evidence win by the same rule.

Never invented: an author is only a person's name (never 来源, never
责任编辑, never the site), and nothing is set when the page names nobody.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..dates import find_date, parse_date
from ..evidence import SOURCE_MAX, Harvested
from ..lexicon import (
    GENERIC_DATE_LABELS,
    LABELS,
    LATIN_DATE_LABELS,
    LATIN_OTHER_EVENT_DATE_WORDS,
    LATIN_SOURCE_LABELS,
    ORIGINAL_WORK_LABELS,
    OTHER_EVENT_DATE_WORDS,
    OTHER_EVENT_LABEL,
    POSTER_LABELS,
    WECHAT_HOSTS,
    WECHAT_SITE_NAMES,
    longest_first,
)
from ..names import (
    BRACKET_NOT_ALIAS,
    BYLINE_LEAD,
    LATIN_EDGES,
    NOT_A_PERSON,
    WEB_ADDRESS,
    has_han,
    has_surname,
    is_latin_outlet,
    is_placeholder,
    joined_names,
    parse_names,
    person_names,
    poster_id,
    says_unknown,
)
from ..page import PageHints
from ..shadow import fold
from .markup_names import CLASS_WORD, class_words
from .page_blocks import self_and_ancestors
from .posts import QUOTE_WORDS, USER_LINK
from .prose import SPACE
from .signals.semantics import STANDFIRST_WORDS

# Confidence of each kind of evidence (catalogue §4.7): labelled lines ≈ 0.9, tags ≈ 0.8, guesses lower.
LABELLED_NEAR_TITLE = 0.85
WECHAT_ACCOUNT = 0.9  # the platform's own account field: surer than any label
OUTLET_IN_BYLINE = 0.8  # an outlet printed before its reporter: below a 来源 label
OUTLET_BESIDE_DATE = 0.6  # an unlabelled outlet beside the byline's date
BYLINE_LINE_MAX = 60
OUTLET_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")
ORIGINAL_MARKS = frozenset({"原创"})  # a self-media byline's tag for its own piece, beside the account
META_TAG = 0.8
TIME_ELEMENT = 0.75
SHOWN_DATE = 0.81
BARE_DATE_NEAR_TITLE = 0.7
TITLE_FROM_DOM = 0.7
TITLE_SUFFIX_SITE = 0.6
AUTHOR_ELEMENT = 0.6
BYLINE_NEAR_TITLE = 0.55
NAME_FROM_META = 0.5
NAME_PRINTED_ELSEWHERE = 0.45
BYLINE_ELEMENT = 0.42
SCRIPT_TIMESTAMP = 0.45
NAME_UNPRINTED = 0.35
URL_DATE = 0.82
LABELLED_ELSEWHERE = 0.4
LEAD_WORD_BYLINE = 0.6
CLOSING_CREDIT = 0.45
POSTED_LINE_CONFIDENCE = 0.44
HTMLDATE_GUESS = 0.3

TITLE_SEPARATOR = re.compile(r"\s*(?:\s[-–—|｜/]\s|\s::\s|_|\||｜|--|—|\s-|-\s|-(?=[^-]{2,16}$)|[(（]第\s*\d+\s*[页頁][)）])\s*")
SITE_SUFFIX_MAX = 16
PROSE_LINE_MIN = 40  # characters of a short paragraph of prose below a headline
ZONE_PARAGRAPHS = 3  # short paragraphs of prose after which the byline zone below a headline has ended
SENTENCE_MARKS = re.compile(r"[，。！？；,.!?;]")
SENTENCE_ENDS = ("。", "！", "？", "”", "」")
ENGINE_CREDIT = re.compile(r"powered by\b", re.IGNORECASE)  # a <title>'s last part naming the forum engine, of any length
# The separators of a title's parts (站名--TITLE, TITLE - 频道 - 站名, TITLE (第 2 页) / 频道 / 站名, 【图片】TITLE【吧名】)
TITLE_PARTS = re.compile(r"\s*(?:--+|\s[-–—|｜/]\s|\s::\s|_|[|｜]|【[^】]{1,12}】|[(（]第\s*\d+\s*[页頁][)）])\s*")
SHOWN_PART_BOXES = ("b", "strong", "font", "td", "span", "a", "div", "p")  # what shows a thread's title as its text
TITLE_OPENING = re.compile(r"[^\s\"'“”‘’「」『』《》]")  # a title part's first character, as _norm keeps it
# headings, elements named as titles, and custom elements named so (an e-paper's <founder-title>)
HEADING_BOXES = etree.XPath("//h1|//h2|//h3|//*[contains(@class,'title') or contains(@id,'title')]"
                            "|//body//*[contains(local-name(),'title')]")
TEXT_CONTAINING = etree.XPath("//body//text()[contains(., $needle)]")
DOMAIN_LIKE = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)  # a host's name as a <title> part
TITLE_PART_MIN = 6  # a part shorter than this (a site's short name) is not taken for a headline
THREAD_TAG = re.compile(r"^[\[【(（][^\]】)）]{1,10}[\]】)）]")  # [心得], 【游记】 before a thread's title
NEAR_TITLE_NODES = 40  # text nodes after the headline searched for meta lines
PRECEDING_NODES = 6  # text nodes before it, in its own container, searched for its date
META_LINE_MAX = 200
DATELINE_LINES = 3  # lines after the byline zone also searched for a story's dateline: a caption may come before it
CAPITALISED_WORD = re.compile(r"[A-Z][\w&'-]*")
WIRE_DATELINE = re.compile(r"[A-Z][A-Za-z.,' -]{1,40}?\s\((?P<agency>[A-Z]{2,6})\)\s*[—–-]")
LONE_DATE_SEPARATORS = frozenset("/-.:")
SPLIT_DATE_SEPARATOR = re.compile(r"(?<=\d) ([/.:-]) (?=\d)")


# Labels from the one lexicon, matched on the folded line (Simplified, half-width) and cut from the original.
def _date_label(field: str, *, specific: bool = False) -> re.Pattern[str]:
    """A date label of ``field`` (published, updated) from the lexicon: Han labels anywhere, Latin ones as whole
    words in any case (``update`` is no ``date``); ``specific`` leaves out the labels that do not say what the
    date dates (时间, Date)."""
    han, latin = ([label for label in labels if not (specific and label in GENERIC_DATE_LABELS)]
                  for labels in (LABELS[field], LATIN_DATE_LABELS[field]))
    # a label after another event's word dates that event (注册时间, Join Date), not the page
    not_han_event = "".join(f"(?<!{word})" for word in OTHER_EVENT_DATE_WORDS)
    not_latin_event = "".join(f"(?<!{word} )" for word in LATIN_OTHER_EVENT_DATE_WORDS)
    return re.compile(rf"(?:{not_han_event}(?:{longest_first(han)})"
                      rf"|(?i:{not_latin_event}(?<![^\W\d_])(?:{longest_first(latin)})(?![^\W\d_])))\s*[:：]?")


PUBLISHED_LABEL = _date_label("published")
ORIGINAL_WORK = re.compile(rf"\s*(?:{longest_first(ORIGINAL_WORK_LABELS)})\s*[:：]")
# What may stand between a date label and its date: a colon, 于, an at sign (``posted @ 2019-03-02``), a
# preposition (``on``, ``am``, ``le``) and a weekday or month name (``Posted on Monday, 6 January``, ``Published June 5``).
_DATE_PREPOSITION = r"(?:[于於@]|(?i:on|am|um|le|el|il|op|den|the)\b\s*[:：]?)"
LABELLED_DATE_START = re.compile(rf"\s*[:：]?\s*{_DATE_PREPOSITION}?\s*(?:(?i:[a-zà-ÿ]{{3,12}})\.?,?\s+)?[\d〇○零一二]")
UPDATED_LABEL = _date_label("updated")
# A label and its colon right before a date: ``Erscheinungsdatum:``, ``截止日期：``.
OTHER_LABEL_BEFORE = re.compile(r"([^\W\d_][^\s:：]{0,30})\s*[:：]\s*[于於]?\s*$")
MONTH_DAY = re.compile(r"\s*[:：]?\s*([01]?\d)\s*[-/月]\s*([0-3]?\d)\s*日?(?![\d/-])(?:\s*([0-2]?\d)[:：]([0-5]\d))?")
# Labels that say the date is the page's publication or update wherever the page prints them (Erschienen am:,
# 发布时间：, Letzte Änderung:): a date labelled so is the page's own even far from the headline.
SPECIFIC_LABELS = (("updated", _date_label("updated", specific=True)), ("published", _date_label("published", specific=True)))
# A date label alone on its line (``Erschienen am:``): it labels the date on the next line.
LABEL_ALONE = re.compile(rf"\s*(?:{PUBLISHED_LABEL.pattern}|{UPDATED_LABEL.pattern})\s*{_DATE_PREPOSITION}?\s*")
# a 来源 label, not a figure's or a dataset's (图片来源：网络, 视频来源, 数据来源 credit a picture or a chart)
SOURCE_LABEL = re.compile(rf"(?<![片图圖频頻据據])(?:{longest_first(LABELS['source'])})\s*[:：]\s*|^\s*(?:{longest_first(LATIN_SOURCE_LABELS)})\b\s*[:：]?\s*")
AUTHOR_LABEL = re.compile(rf"(?<!责任)(?<!编)(?:(?:{longest_first(LABELS['author'] + LABELS['reporter'])})\s*(?:[:：|｜/／]\s*)"
                          r"|(?:作者|记者)(?=\s?[\u4e00-\u9fff]{2,4}(?:\s|[|｜/／∕]|$)))")
POSTER_LABEL_RULE = "poster label near headline"  # the rule of a starter named by a thread's header (楼主：X)
# A post header's poster label and its colon (发帖人：, 楼主：; never 只看楼主).
POSTER_LABEL = re.compile(rf"(?<!只看)(?:{longest_first(POSTER_LABELS)})\s*[:：]\s*")
# A paragraph of Chinese news that closes on its reporters in brackets (…正式设立驻巴西代表处。（张巨峰）,
# …。（记者 李明 通讯员 王芳））: the sentence end, then the credit, at the end of the text.
CLOSING_CREDIT_TEXT = re.compile(r"[。！？!?”」]\s*[（(]\s*(?P<credit>[^（()）]{2,30})\s*[)）]\s*$")
CLOSING_ROLE = re.compile(r"记者|通讯员|实习生|特约|撰稿")
CORRESPONDENT_LABEL = re.compile(longest_first(LABELS["correspondent"]))
LONE_CREDIT = re.compile(r"[（(][^（()）]{2,30}[)）]")  # a bracketed credit alone on its line
PHOTO_CREDIT = re.compile(r"摄$|摄影|供图|图片")  # 图文, 文/图 credit the writer (lexicon author labels)
CLOSING_PROSE = 20  # characters of the paragraph before its credit
# a blog's posted line: the writer's ID, a posted label, the date (maplecat 發表於 2008-11-28 23:41 | 回應(24))
POSTED_LINE = re.compile(r"^(?P<name>\S{2,30}?)\s*(?:发表于|發表於|发布于|發佈於|posted\s+(?:at|on))\s*(?P<rest>\S.*)$",
                         re.IGNORECASE)
POSTED_LINE_MAX = 120
# (the first test, implied by the second, keeps libxml2 from reading most text nodes eight times)
POSTED_LABEL_PRESENT = etree.XPath("boolean(//text()[contains(., '于') or contains(., '於') or contains(., 'osted') "
                                   "or contains(., 'OSTED')][contains(., '发表于') or contains(., '發表於') "
                                   "or contains(., '发布于') or contains(., '發佈於') or contains(., 'osted at') "
                                   "or contains(., 'osted on') or contains(., 'OSTED AT') or contains(., 'OSTED ON')])")
OTHER_FIELD = re.compile(longest_first([label for name in ("source", "editor", "reviewer", "photographer", "published")
                                        for label in LABELS[name]]))
# A newswire or local-news dateline credits its reporters in brackets: 新华社巴黎12月9日电（记者唐霁）.
DATELINE_CREDIT = re.compile(r"[（(]\s*(?:本报|本報|本台|本刊)?(?:特约|特約|实习|實習|见习|見習|职工|職工)?"
                             r"(?:记者|記者|通讯员|通訊員)\s*([^（）()]{2,40}?)\s*(?<![摄攝])[）)]")  # （記者林雅婷攝）: a photo
OUTLET_BEFORE_REPORTER = re.compile(r"(?:^|\s)([\u4e00-\u9fff]{2,12})\s*[/／∕]\s*(?:记者|記者)")
BRACKETED_BYLINE = re.compile(r"\s*[【\[〔]([^】\]〕]{2,40})[】\]〕]")  # 【新港時報／記者林雅婷／台中報導】 opening a paragraph
DATELINE_WINDOW = 60  # characters at the start of a paragraph where a dateline sits
# An unlabelled byline of a name and the outlet it writes for: 石佳/中国青年报.
NAME_SLASH_OUTLET = re.compile(r"([\u4e00-\u9fff·]{2,8})\s*[/／]\s*([\u4e00-\u9fff]{2,12})")
# Where a byline's names end: the next label, a separator, a date, a bracket (unless it holds the writer's
# Latin name: 周思博 (Joel Spolsky)).
AUTHOR_STOP = re.compile(r"\s*(?:来源|來源|发布|發佈|时间|時間|日期|编辑|編輯|责任|責任|摄影|攝影|图|圖|审核|校对|浏览|阅读|点击|字号|"
                         rf"译者|譯者|[|｜/／∕\[【]|{BRACKET_NOT_ALIAS}|\d{{4}}[-年/.]).*$")
SOURCE_STOP = re.compile(r"\s*(?:作者|记者|記者|发布|發佈|时间|時間|日期|编辑|編輯|责任|責任|浏览|阅读|点击|字号|分享|[|｜\[【]|\d{4}[-年/.]|"
                         r"\s{2,}|\u3000|\b(?:author|editor|by|updated|published)\b).*$", re.IGNORECASE)
AUTHOR_ELEMENT_MAX = 20
# A name the byline zone prints after one of these is the source, an editor or a checker, not the writer.
NOT_THE_WRITER = re.compile(rf"(?:{longest_first(LABELS['source'] + LABELS['editor'] + LABELS['reviewer'])})\s*[:：]?.{{0,3}}\0")
EMAIL_OR_URL = re.compile(r"\S@\S|://")
SOCIAL_LINK = re.compile(r"(?:twitter|x|facebook|instagram|linkedin|xing|youtube|tiktok|threads|mastodon)\.(?:com|net|social)/",
                         re.IGNORECASE)
# The parts of a byline that hold no name (``byline-part cats``: the category printed beside the date), unless
# they say they hold the author too (``post-date-author``).
AUTHOR_WORDS = frozenset({"author", "authors", "autor", "autoren"})
NOT_NAME_PART = frozenset({"cat", "cats", "category", "categories", "tag", "tags", "date", "time", "separator", "section",
                           "rubrik", "kategorie", "ressort"})
NAMES_END = re.compile(r"\s(?:am|vom|on|le|el|il|op|um|den|the)\s|[|·•]", re.IGNORECASE)
ENTRY_CLASS = re.compile(r"(?<!\S)(?:type-post|status-publish|hentry|post-\d+)(?!\S)")
BYLINE_ELEMENT_MAX = 400  # an element with more text is an author box or a teaser, not a byline
# What stands before a date in a byline: its label and preposition (Veröffentlicht am, Published on, |).
DATE_FRAME_BEFORE = re.compile(rf"(?:(?<![^\W\d_])(?:{PUBLISHED_LABEL.pattern}|{UPDATED_LABEL.pattern})\s*)?"
                               r"(?:(?<![^\W\d_])(?i:on|am|um|le|el|il|op|den|the)\s*)?[:：,|·•\-–—]?\s*$")
BYLINE_MARK = re.compile(r"byline|author|autor")
BYLINE_ELEMENTS = 30
BYLINE_TEXT_MAX = 80
COMMENT_WORDS = frozenset({"comment", "comments", "respond", "reply", "replies", "discussion", "disqus", "kommentare",
                           "pinglun"})
NOT_A_NAME = re.compile(r"[\d:：|｜]|来源|來源|编辑|編輯|责任|責任|发布|發佈|作者|记者|記者|关注|關注|更多|简介")
BREADCRUMB_LABEL = re.compile(r"^\s*(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|现在位置|當前位置|您的位置|位置)\s*[:：]?\s*")
BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:>>|>|›|»|→|＞|＞＞|/)\s*")
BREADCRUMB_ARROWS = re.compile(r">|›|»|→|＞")
BREADCRUMB_PART_MAX = 20
# (every label holds 位置, and normalize-space only changes whitespace: the first test, implied by the second, keeps
# libxml2 from normalising every text node of the page five times)
BREADCRUMB_TEXT_XPATH = ("//text()[contains(., '位置')]"
                         "[starts-with(normalize-space(.), '当前位置') or starts-with(normalize-space(.), '您的位置')"
                         " or starts-with(normalize-space(.), '您现在的位置') or starts-with(normalize-space(.), '當前位置')"
                         " or starts-with(normalize-space(.), '所在位置')]")
# the elements of the body (itself included) that name themselves, in page order (:func:`_marked`)
MARKED = etree.XPath("descendant-or-self::*[@class != '' or @id != '' or @rel != '' or @itemprop != '']")
BADGE_WORDS = frozenset({"badge", "tag", "label", "flag", "mark", "tip"})  # a heading's badge (快讯, 置顶, 独家)
BADGE_MAX = 4
BREADCRUMB_CLASS = re.compile(r"crumb|position|location|(?:^|[-_ ])path|currentpos|nav_?loc|weizhi|dqwz", re.IGNORECASE)
HOME_WORDS = {"首页", "首頁", "网站首页", "網站首頁", "主页", "主頁", "home", "Home", "HOME"}
LEAF_WORDS = {"正文", "内容", "內容", "详情", "詳情", "正文内容", "文章内容", "阅读文章"}
# A publication time left in a script for the page to render: a variable named for creation or publication
# holding a Unix time in seconds, read as Beijing time (WeChat's `var ct = "1581517074"`), or a day and time as
# pages show them (`var publishTime="2024-03-05 18:42:07"`, where the header prints it in pieces; an ISO
# `…T02:46:57` is a machine's form, in a zone nobody states, and a bare day may be an entry's creation).
SCRIPT_TIME = re.compile(r"(?<![\w.])(?:ct|create_?time|publish_?time|pub_?time|publish_?date|pub_?date)[\"']?\s*[=:]\s*"
                         r"(?:[\"']?(?P<seconds>1[0-9]{9})[\"']?|[\"'](?P<shown>(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
                         r" \d{1,2}:\d{2}(?::\d{2})?)[\"'])\s*(?:[,;}\n]|\|\|)", re.IGNORECASE)
BEIJING = timezone(timedelta(hours=8))
UTC_SUFFIX = re.compile(r"(?:Z|[+-]00:?00|\bGMT|\bUTC)$")
TIMESTAMP_RANGE = (946684800, 2524608000)  # 2000-01-01 to 2050-01-01
DATE_IN_URL = re.compile(r"/((?:19|20)\d{2})[-/_]?([01]\d)[-/_]?([0-3]\d)(?:/|_|\d{2}[/_]|\b)|/t((?:19|20)\d{2})([01]\d)([0-3]\d)_"
                         r"|/((?:19|20)\d{2})/([1-9]|1[0-2])/([1-9]|[12]\d|3[01])/")

PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:release_date", "datepublished",
                  "publishdate", "pubdate", "publish_date", "publishtime", "publish-date", "apub:time",
                  "firstpublishedtime", "og:time", "dc.date.issued", "dc.date", "date", "weibo: article:create_at",
                  "sailthru.date", "article.published", "published_time", "published", "maketime")
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "lastmodifiedtime",
                "weibo: article:update_at", "dateupdate", "last-modified", "modified_time")
MODIFIED_WORDS = frozenset({"datemodified", "modified", "updated", "update", "lastmod", "changed", "aktualisiert"})
SOURCE_META = ("source", "contentsource", "article:source", "og:article:source", "mediaid")
ACCOUNT_META = frozenset({"mediaid"})  # a platform's account field: an outlet, or a self-media account
AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "byl")
IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image")
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
                           "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting"})
SITE_META = ("og:site_name", "sitename", "application-name", "twitter:site")


def harvest_metadata(tree: etree._Element, url: str | None) -> PageHints:
    """Everything the page says about itself outside its body text."""
    found = PageHints()
    metas = _meta_tags(tree)
    ld = list(_json_ld(tree))
    site = _site_name(metas, ld, found)
    found.declared_article = _declares_article(metas, ld)
    headline = _titles(tree, metas, ld, site, found, _host_name(url))
    _dates_from_tags(tree, metas, ld, found)
    below = _meta_lines(_following_texts(headline)) if headline is not None else []
    above = _meta_lines(_preceding_texts(headline)) if headline is not None else []
    byline_zone = [line.text for line in below]
    zone_end = _byline_zone_end(below)
    shown_days = _near_headline(above, below, zone_end, found)
    _wechat_account(tree, metas, url, found)
    _source_from_tags(tree, metas, found)
    _source_from_ld(ld, found)
    _wire_dateline(below[:zone_end + DATELINE_LINES], metas, ld, found)
    _author_from_tags(tree, metas, ld, " ".join(byline_zone), found)
    tagged = found.values.get("authors")
    tagged_names = list(tagged.value) if tagged and tagged.rule.startswith(("meta", "json-ld")) else None
    marked = _marked(tree)
    if _weaker("author", AUTHOR_ELEMENT, found):
        _author_from_name_element(marked, " ".join(byline_zone), tagged_names, found)
    if _weaker("author", BYLINE_NEAR_TITLE, found):
        _author_from_byline_element(marked, " ".join(byline_zone), tagged_names, found)
    # after the markup's readers, which say where a printed name ends; a line all inside a link is a teaser's
    for line in below[:zone_end]:
        if line.own and not has_han(line.text) and BYLINE_LEAD.match(line.text):
            _lead_word_byline(line.text, found)
    if headline is not None and _weaker("author", CLOSING_CREDIT, found):
        _closing_credit(tree, headline, found)
    if headline is not None and _weaker("author", POSTED_LINE_CONFIDENCE, found):
        _posted_line(tree, headline, found)
    _breadcrumb(tree, marked, ld, found)
    _links_and_language(tree, metas, url, found)
    _image_from_ld(ld, url, found)
    if _weaker("published", SCRIPT_TIMESTAMP, found):
        _date_from_script(tree, found)
    if url:
        _date_from_url(url, found)
    if _weaker("published", LABELLED_ELSEWHERE, found):
        _labelled_dates_elsewhere(tree, found)
    if "published" not in found.values and not _shown_update(found):
        _date_from_htmldate(tree, url, found)
    else:
        _local_day_of_utc_tag(tree, url, shown_days, found)
    return found


# -- tags --------------------------------------------------------------------------------------------
def _meta_tags(tree: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), content.strip())
    return out


def _declares_article(metas: dict[str, str], ld: list[dict[str, object]]) -> bool:
    """Whether the page says it is one article: ``og:type`` article, or a JSON-LD item of an article type."""
    if metas.get("og:type", "").lower() == "article":
        return True
    for item in ld:
        kinds = item.get("@type")
        if any(kind in ARTICLE_TYPES for kind in ([kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else [])):
            return True
    return False


def _json_ld(tree: etree._Element) -> Iterator[dict[str, object]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                graph = item.get("@graph")
                yield from (g for g in graph if isinstance(g, dict)) if isinstance(graph, list) else [item]


def _ld_text(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    return None


def _text(element: etree._Element) -> str:
    return SPACE.sub(" ", element.text_content()).strip()


def _headline_text(element: etree._Element) -> str:
    """A heading's text without the badge a site prints at its start (``<span class="flash-badge">快讯</span>``):
    a first child, before any text, named a badge, tag or label and holding a word or two. A tag typed by a
    poster (【游记】) is text of the heading, not an element of its own, and stays."""
    first = element[0] if len(element) else None
    if (first is not None and not (element.text or "").strip() and isinstance(first.tag, str)
            and class_words(first) & BADGE_WORDS and len(_text(first)) <= BADGE_MAX):
        return SPACE.sub(" ", (first.tail or "") + "".join(_text_with_tail(child) for child in element[1:])).strip()
    return _text(element)


def _text_with_tail(element: etree._Element) -> str:
    return element.text_content() + (element.tail or "")


# -- site and title ----------------------------------------------------------------------------------
def _site_name(metas: dict[str, str], ld: list[dict[str, object]], found: PageHints) -> str | None:
    for key in SITE_META:
        value = metas.get(key)
        if value and not value.startswith("@") and len(value) <= 40:
            found.values.offer("site_name", value, f"meta {key}", value, META_TAG)
            break
    for item in ld:
        publisher = _ld_text(item.get("publisher"))
        if publisher:
            found.values.offer("site_name", publisher, "json-ld publisher", publisher, META_TAG - 0.05)
    site = found.values.get("site_name")
    return str(site.value) if site else None


def split_title(raw: str) -> tuple[str, list[str]]:
    """``(headline, suffix segments)``: the ``<title>`` without the trailing site and channel names."""
    title = SPACE.sub(" ", raw).strip()
    parts = TITLE_SEPARATOR.split(title)
    suffix: list[str] = []
    while len(parts) > 1 and (len(parts[-1]) <= SITE_SUFFIX_MAX or ENGINE_CREDIT.match(parts[-1])) \
            and len("".join(parts[:-1])) >= 4:
        suffix.insert(0, parts.pop())
    if not suffix:
        return title, []
    cut = 0
    for part in parts:
        cut = title.index(part, cut) + len(part)
    head, tail = title[:cut].strip(), [segment.strip(" /") for segment in suffix if segment.strip(" /")]
    if title[cut:cut + 1] == "-" and "-" in head:
        # 标题-栏目-站名: a bare hyphen separates only before a last short part, so the channel is cut next; a
        # hyphen inside a word (COVID-19, Self-driving) is no separator
        shorter, channel = split_title(head)
        at = len(shorter)
        if channel and not (head[at - 1:at].isascii() and head[at - 1:at].isalnum()
                            and head[at + 1:at + 2].isascii() and head[at + 1:at + 2].isalnum()):
            head, tail = shorter, channel + tail
    return head, tail


# The label a thread's header prints before its subject (normalised: no spaces).
SUBJECT_LABEL = re.compile(r"(?:主题|主題|标题|標題|帖子主题|帖子標題|文章主题|subject|topic)[:：]", re.IGNORECASE)


def _shown_title_part(tree: etree._Element, raw_title: str, names: set[str]) -> str | None:
    """The last part of a <title> that opens on the site's name (``站名 - 版块 - TOPIC``), when it is the longest
    part, no site's, channel's or host's name, and an element of the body shows it whole, in bold or a cell
    (``<b>[請教] 第一次爬玉山主峰…</b>``), or after a subject label (``<b>主题: [风光] 霞浦滩涂…</b>``)."""
    parts = [part for part in TITLE_PARTS.split(raw_title) if part.strip()]
    if len(parts) < 2:
        return None
    last = _norm(parts[-1])
    if (len(last) < TITLE_PART_MIN or last in names or DOMAIN_LIKE.fullmatch(last)
            or any(len(_norm(part)) >= len(last) for part in parts[:-1])):
        return None
    # every box showing the part holds a text node with its first character: those nodes found in C, and the boxes
    # up from them (reading every box's whole text instead costs a page of nested boxes the square of its size)
    opening = TITLE_OPENING.search(parts[-1])
    if opening is None:
        return None
    shown = {element for node in TEXT_CONTAINING(tree, needle=opening.group()) if (parent := node.getparent()) is not None
             for element in itertools.chain((parent,), parent.iterancestors()) if element.tag in SHOWN_PART_BOXES}
    body = tree.find("body")
    for element in (body if body is not None else tree).iter(*SHOWN_PART_BOXES):
        if element not in shown:
            continue
        text = _norm(element.text_content())
        if text == last:
            return _headline_text(element)
        if (label := SUBJECT_LABEL.match(text)) and text[label.end():] == last:
            return parts[-1].strip()  # shown after its label (主题: [风光] 霞浦滩涂…)
    return None


def _norm(text: str) -> str:
    return re.sub(r"[\s\"'“”‘’「」『』《》]", "", text)


def _starts_title(key: str, reference: list[str]) -> bool:
    """Whether the <title> or og:title starts with a heading (its normalised text ``key``) or equals it."""
    return len(key) >= 4 and any(ref.startswith(key) for ref in reference if len(ref) >= 4)


def _part_of_title(key: str, reference: list[str], parts: set[str]) -> bool:
    """Whether a heading is the longest part of a declared title (the TITLE of 站名--TITLE, not a channel's name
    in its middle) other than the site's name, or a title after a tag its poster typed ([心得] TITLE), which the
    title keeps."""
    if len(key) >= TITLE_PART_MIN and key == max(parts, key=len, default=""):
        return True
    tag = THREAD_TAG.match(key)
    return tag is not None and len(key) - tag.end() >= TITLE_PART_MIN and key[tag.end():] in parts | set(reference)


def _apart(key: str, reference: list[str]) -> bool:
    """Whether a heading has nothing to do with the declared titles: it is not a longer or a cut form of one (a
    headline with its meta line in the same ``<h1>``, a title cut short with …), it is another headline."""
    return not any(ref[:TITLE_PART_MIN] == key[:TITLE_PART_MIN] or ref in key or key in ref for ref in reference if ref)


def _headline_shaped(element: etree._Element, names: set[str], host: str | None) -> bool:
    """Whether a heading reads as an article's headline: long enough, not a link (a logo), not the site's name,
    and not naming the site's address (``love-hina.ch News``)."""
    key = _norm(_text(element))
    linked = sum(len(_norm(_text(anchor))) for anchor in element.iter("a"))
    inside_link = any(ancestor.tag == "a" for ancestor in element.iterancestors())
    return (len(key) >= TITLE_PART_MIN and 2 * linked < len(key) and not inside_link and key not in names
            and not (host and host in key.lower()))


def _host_name(url: str | None) -> str | None:
    """The site's address without ``www.`` (``love-hina.ch``)."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _titles(tree: etree._Element, metas: dict[str, str], ld: list[dict[str, object]], site: str | None,
            found: PageHints, host: str | None = None) -> etree._Element | None:
    """Candidate headlines, best first; returns the headline element when one is found in the page. A heading
    that shows the title comes first; then the <title> without its suffixes and the declared titles."""
    raw_title = " ".join(t for t in tree.xpath("//head/title//text()|//title//text()")[:1]).strip()
    stripped, suffix = split_title(raw_title) if raw_title else ("", [])
    if suffix and not site:
        site_guess = suffix[-1]
        found.values.offer("site_name", site_guess, "title suffix", raw_title, TITLE_SUFFIX_SITE)
    declared = [metas.get(k, "") for k in ("og:title", "twitter:title", "title", "headline")]
    declared += [_ld_text(item.get("headline")) or "" for item in ld]
    headline_element: etree._Element | None = None
    headings: list[tuple[str, etree._Element]] = []
    for element in HEADING_BOXES(tree)[:60]:
        text = _headline_text(element)
        if 4 <= len(text) <= 120:
            headings.append((text, element))
    reference = [_norm(x) for x in (raw_title, stripped, *declared) if x]
    if suffix and len(_norm(suffix[-1])) > len(_norm(stripped)) and any(_norm(text) == _norm(suffix[-1])
                                                                         for text, _ in headings):
        # 站名-HEADLINE: the last part, longer than what stands before it and shown as a heading, is the headline
        # (an e-paper's <founder-title>), not a site's suffix
        stripped, suffix = suffix[-1], []
        reference.append(_norm(stripped))
    names = {_norm(name) for name in (*suffix, site or "") if name}  # the site's and the channel's names
    parts = {_norm(part) for x in (raw_title, *declared) if x for part in TITLE_PARTS.split(x)} - names
    candidates: list[str] = []
    # the first heading the <title> or og:title starts with (or equals); else the longest that is a part of one
    # other than the site's name, or such a part after a tag its poster typed; else the page's one <h1>, when it
    # names neither the site nor the title's words
    parted = [(text, element) for text, element in headings if _part_of_title(_norm(text), reference, parts)]
    # a heading the <title> starts with, unless it is only the first of three or more parts and another heading shows
    # a longer one (phpBB's ``站名 :: 检视主题 - TOPIC`` over a span.maintitle site name and an a.maintitle topic; of
    # two parts, ``TOPIC | 站名`` is as common as the other way round)
    first_parts = {_norm(TITLE_PARTS.split(x)[0]) for x in (raw_title, *declared) if x and len(TITLE_PARTS.split(x)) > 2}
    longest_part = max((len(_norm(text)) for text, _ in parted), default=0)
    starts = [(text, element) for text, element in headings if _starts_title(_norm(text), reference)
              and not (_norm(text) in first_parts and longest_part > len(_norm(text)))]
    # no heading markup: the part of the <title> an element shows whole (a thread's title in <b>), as the title only
    # (such an element heads no byline: a poster's card follows it)
    shown_part = None if starts or parted else _shown_title_part(tree, raw_title, names)
    lone = [(text, element) for text, element in headings if element.tag == "h1"]
    if not (len(lone) == 1 and _headline_shaped(lone[0][1], names, host) and _apart(_norm(lone[0][0]), reference)):
        lone = []
    shown = starts[:1] or parted or lone
    if shown:
        text, headline_element = max(shown, key=lambda pair: len(_norm(pair[0])))
        candidates.append(text)
    if shown_part:
        candidates.append(shown_part)
    if stripped:
        candidates.append(stripped)
    for value in declared:
        if value:
            candidates.append(split_title(value)[0])
    if headline_element is None:
        headline_element = next((el for text, el in headings if el.tag == "h1"), None)
    found.titles = list(dict.fromkeys(c for c in candidates if c))
    if found.titles:
        found.values.offer("title", found.titles[0], "dom headline" if shown else "page <title>", raw_title,
                           TITLE_FROM_DOM)
    return headline_element


# -- dates -------------------------------------------------------------------------------------------
def _dates_from_tags(tree: etree._Element, metas: dict[str, str], ld: list[dict[str, object]],
                     found: PageHints) -> None:
    for name, keys, ld_key in (("published", PUBLISHED_META, "datePublished"), ("updated", UPDATED_META, "dateModified")):
        for key in keys:
            value = metas.get(key)
            iso = parse_date(value) if value else None
            if iso:
                found.values.offer(name, iso, f"meta {key}", value or "", META_TAG, shown=False)
                break
        for item in ld:
            value = _ld_text(item.get(ld_key))
            iso = parse_date(value) if value else None
            if iso:
                found.values.offer(name, iso, f"json-ld {ld_key}", value or "", META_TAG, shown=False)
    seen: set[str] = set()
    for element in tree.iter("time"):
        raw = element.get("datetime") or _text(element)
        iso = parse_date(raw) if raw else None
        # a <time> the markup names for the modification (itemprop=dateModified, class updated) is the update
        name = "updated" if (class_words(element) | {element.get("itemprop", "").lower()}) & MODIFIED_WORDS else "published"
        if iso and name not in seen:
            seen.add(name)
            found.values.offer(name, iso, "time element", raw, TIME_ELEMENT, shown=False)
        if "published" in seen:
            break


def _following_texts(start: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Short text nodes after ``start`` in document order (its own subtree excluded)."""
    seen = 0
    for element in start.itersiblings():
        for text, node in _texts_in_order(element):
            seen += 1
            yield text, node
            if seen >= NEAR_TITLE_NODES:
                return
    parent = start.getparent()
    if parent is not None and seen < NEAR_TITLE_NODES and parent.tag not in {"body", "html"}:
        yield from _following_texts(parent)


def _texts_in_order(element: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """The non-blank text nodes of ``element`` and its tail in reading order (a tail after the children).

    The owner of a tail is the parent, as a browser lays it out: ``作者<span>魏星</span>`` is one line.
    """
    walker = etree.iterwalk(element, events=("start", "end"))  # in C: a recursive generator pays per level
    for event, node in walker:
        if event == "start":
            if not isinstance(node.tag, str) or node.tag in {"script", "style"}:
                walker.skip_subtree()
            elif node.text and (text := node.text.strip()):
                yield text, node
        elif node.tail and (tail := node.tail.strip()) and (parent := node.getparent()) is not None:
            yield tail, parent


@dataclass
class ZoneLine:
    """A line of text near the headline as a browser shows it (one block's text), its text outside links
    (a date in a link names another page: an archive, a related article) and its block element."""

    text: str
    own: str
    block: etree._Element


def _meta_lines(texts: Iterable[tuple[str, etree._Element]]) -> list[ZoneLine]:
    """Text nodes grouped into the lines a browser shows, one per block."""
    groups: list[tuple[etree._Element, list[str], list[str]]] = []
    for text, node in texts:
        block = _block_ancestor(node)
        if not groups or block is not groups[-1][0]:
            groups.append((block, [], []))
        groups[-1][1].append(text)
        if node.tag != "a" and next(node.iterancestors("a"), None) is None:
            groups[-1][2].append(text)
    return [ZoneLine(_joined(text)[:META_LINE_MAX], _joined(own)[:META_LINE_MAX], block) for block, text, own in groups]


def _joined(pieces: list[str]) -> str:
    """One line's text nodes joined as a browser shows them: apart, except a date separator printed alone
    between two numbers in elements of their own (``<em>03</em>/<em>05</em>``, a wire site's split date),
    which a browser shows as ``03/05``."""
    line = " ".join(pieces)
    if any(piece in LONE_DATE_SEPARATORS for piece in pieces):
        line = SPLIT_DATE_SEPARATOR.sub(r"\1", line)
    return SPACE.sub(" ", line)


def _preceding_texts(headline: etree._Element) -> list[tuple[str, etree._Element]]:
    """The few text nodes just before the headline inside its own container (its and its parent's earlier
    siblings), in document order: article headers print the date or the kicker above the headline."""
    texts: list[tuple[str, etree._Element]] = []
    for level in (headline, headline.getparent()):
        if level is None or level.tag in {"body", "html"}:
            break
        for sibling in level.itersiblings(preceding=True):
            texts[:0] = list(_texts_in_order(sibling))
            if len(texts) >= PRECEDING_NODES:
                return texts[-PRECEDING_NODES:]
    return texts


def _block_ancestor(node: etree._Element) -> etree._Element:
    for element in self_and_ancestors(node):  # lazily: the block is mostly the node or its parent
        if element.tag in {"p", "div", "li", "td", "tr", "section", "header", "h1", "h2", "h3", "h4", "dd", "dt"}:
            return element
    return node


def _byline_zone_end(lines: list[ZoneLine]) -> int:
    """Where the body starts after the headline: at the first long line, or the ``ZONE_PARAGRAPHS``-th short
    paragraph of prose (a question and its addendum may stand above the asker's line and time; an item of a
    key-points list, which bylines often follow, 划重点, is none), that is not a labelled date line, unless it is
    the article's standfirst, which the markup names (``article__intro``, ``lead``, ``teaser``) and bylines often
    follow."""
    paragraphs = 0
    for index, line in enumerate(lines):
        paragraphs += line.block.tag != "li" and _prose_line(line.text)
        if (len(line.text) > 120 or paragraphs >= ZONE_PARAGRAPHS) \
                and not PUBLISHED_LABEL.search(fold(line.text)[:40]) and not (
                index == 0 and any(class_words(element) & STANDFIRST_WORDS
                                   for element in (line.block, *line.block.iterancestors()))):
            return index
    return len(lines)


def _prose_line(text: str) -> bool:
    """A paragraph of prose, however short: 40 characters or more, two sentences' punctuation, ending a
    sentence (a byline or a date line is none)."""
    return len(text) >= PROSE_LINE_MIN and len(SENTENCE_MARKS.findall(text)) >= 2 and text.rstrip().endswith(SENTENCE_ENDS)


def _near_headline(above: list[ZoneLine], below: list[ZoneLine], end: int, found: PageHints) -> set[str]:
    """Dates, names and the source printed by the headline: in the byline zone below it, up to the body's
    first line at ``end`` (whose dateline may credit the reporters), and the dates in the few lines above it,
    where article headers print them. Returns the days shown there."""
    below, body_start = below[:end], below[end:end + 1]
    shown = {id(line): _shown_dates(_before_update(line.own), found) if len(line.text) <= 80 else []
             for line in (*above, *below)}
    # the byline zone of an article shows one day; several days on several lines are a list of other pages
    one_day = len({dates[0][:10] for dates in shown.values() if dates}) == 1
    label_line: str | None = None  # a date label alone on its line labels the date on the next one
    for line in (*above, *below):
        _dates_near_headline(line.text, shown[id(line)], one_day, label_line, found)
        label_line = line.text if LABEL_ALONE.fullmatch(fold(line.text)) else None
    for line in below:
        _names_near_headline(line.text, found)
    for line in body_start:
        _credits_near_headline(line.text, found)
        if BRACKETED_BYLINE.match(line.text):  # 【新港時報／記者林雅婷／台中報導】台中市…: the byline opens it
            _names_near_headline(line.text, found)
    return {dates[0][:10] for dates in shown.values() if dates}


def _before_update(text: str) -> str:
    """A byline line's text before its update label or another event's date label: the date printed ahead of
    ``更新于 …`` is the publication (``2024/03/05 07:30 更新于 2024/03/05 19:48``); a line opening on the label
    shows only the update, or a poster's 注册时间, which dates nothing of the page."""
    shadow = fold(text)
    cuts = [label.start() for label in (UPDATED_LABEL.search(shadow), OTHER_EVENT_LABEL.search(shadow)) if label]
    return text[:min(cuts)] if cuts else text


def _dates_near_headline(line: str, dates: list[str], one_day: bool, label_line: str | None,
                         found: PageHints) -> None:
    shadow = fold(line)  # the same length as the line: offsets found on it cut the original
    if ORIGINAL_WORK.match(shadow):
        return  # 原文：…，发表于 2021 年 8 月 30 日: the original's date, not the page's
    if label_line is not None:
        shadow, line = fold(label_line) + " " + shadow, label_line + " " + line
    for name, label in (("updated", UPDATED_LABEL), ("published", PUBLISHED_LABEL)):
        match = _labelled_date(label, shadow)
        if match:
            rest = line[match.end():]
            iso = parse_date(rest) or _with_known_year(rest, found)
            if iso:
                words = line[match.start():match.end()].strip()
                found.values.offer(name, iso, f"label near headline ({words})", line, LABELLED_NEAR_TITLE)
    if dates:
        _offer_shown_date(dates, one_day, line, found)


def _names_near_headline(line: str, found: PageHints) -> None:
    _credits_near_headline(line, found)
    bracketed = BRACKETED_BYLINE.match(line)
    if bracketed:  # a paragraph opened by a bracketed byline: the names are in the brackets, not in its sentences
        line = bracketed.group(1)
    shadow = fold(line)
    outlet = OUTLET_BEFORE_REPORTER.search(line)
    if outlet and NOT_A_PERSON.search(fold(outlet.group(1))):  # 聯興報／記者王曉明／台北即時報導: the outlet is the source
        found.values.offer("source", outlet.group(1), "outlet in the byline", line, OUTLET_IN_BYLINE)
    _outlet_beside_date(line, found)
    match = SOURCE_LABEL.search(shadow)
    if match:
        value = SOURCE_STOP.sub("", line[match.end():]).strip(" ：:")
        value = value.split(" ")[0] if has_han(value) else value  # a Latin outlet's name has spaces
        if value and not says_unknown(value) and len(value) <= SOURCE_MAX:
            found.values.offer("source", value, "label near headline (来源)", line, LABELLED_NEAR_TITLE)
    match = AUTHOR_LABEL.search(shadow)
    if match:
        names = person_names(AUTHOR_STOP.sub("", line[match.end():]))
        if names:
            _offer_authors(names, f"label near headline ({line[match.start():match.end()].strip()})", line, found)
    match = POSTER_LABEL.search(shadow)
    if match and (poster := poster_id(line[match.end():])):
        _offer_authors([poster], f"{POSTER_LABEL_RULE} ({line[match.start():match.end()].strip()})", line, found)


def _outlet_beside_date(line: str, found: PageHints) -> None:
    """An unlabelled outlet in a short byline line with the date (``原创 南方都市报 2019-09-09 16:01:46``: a media
    account's byline): a name shaped as an organisation's (…报, …网, …社) is the source, at a lower confidence
    than a label's."""
    date = find_date(line)
    if date is None or len(line) > BYLINE_LINE_MAX:
        return
    tokens = [token for token in (line[:date.start] + " " + line[date.end:]).split() if token not in ORIGINAL_MARKS]
    outlets = [token for token in tokens if OUTLET_NAME.fullmatch(token) and NOT_A_PERSON.search(fold(token))]
    if len(outlets) == 1 and len(tokens) <= 2:
        found.values.offer("source", outlets[0], "outlet beside the date in the byline", line, OUTLET_BESIDE_DATE)


def _lead_word_byline(line: str, found: PageHints) -> None:
    """A line by the headline that opens with a byline's lead word (By, Von, Por, Par, Autor:) and is a list of
    names, or names and a date (``Von Claudia Lindner 27.1.2022``): the page's own byline, marked up or not."""
    names = parse_names(line) or (_names_beside_dates(line) if find_date(line) is not None else None)
    current = found.values.get("authors")
    if current and all(_has_words(line, name) for name in current.value):
        return  # the byline the markup was read from, which says where the names end (Adam Aaronson | PhillyVoice Staff)
    if names:
        _offer_authors(names, "lead-word byline near headline", line, found, LEAD_WORD_BYLINE)


def _credits_near_headline(line: str, found: PageHints) -> None:
    """Reporters credited in a dateline (新华社北京7月1日电（记者 …）) and a name/outlet byline (石佳/中国青年报)."""
    credit = DATELINE_CREDIT.search(line[:DATELINE_WINDOW])
    names = _reporters(credit.group(1)) if credit else []
    if names:
        _offer_authors(names, "dateline credit near headline", line, found)
    byline = NAME_SLASH_OUTLET.fullmatch(line)
    if byline and person_names(byline.group(1)) == [byline.group(1)] and NOT_A_PERSON.search(byline.group(2)):
        _offer_authors([byline.group(1)], "name/outlet byline near headline", line, found)
        found.values.offer("source", byline.group(2), "name/outlet byline near headline", line, LABELLED_NEAR_TITLE)


def _texts_after(tree: etree._Element, headline: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """The page's text nodes after its headline, in reading order (:func:`_texts_in_order`): where an article's
    closing credit and a blog's posted line stand."""
    body = tree.find("body")
    texts = _texts_in_order(body if body is not None else tree)
    for _, node in texts:
        if node is headline or headline in node.iterancestors():
            break
    yield from texts


def _reporters(credit: str) -> list[str]:
    """The writers a bracketed credit names: the reporters, not the correspondents after them (（记者 陶然 实习生
    孔丽）: 孔丽 is an intern, 通讯员 a correspondent; gold conventions: neither is the author)."""
    return person_names(CORRESPONDENT_LABEL.split(credit, maxsplit=1)[0] or credit)


def _closing_credit(tree: etree._Element, headline: etree._Element, found: PageHints) -> None:
    """The reporters a Chinese article credits in brackets at the end of a paragraph (or on a line of its own right
    under it), after the headline: the
    first such credit counts, at a low confidence (a labelled byline wins). A name without a role word counts
    only when it starts with a common surname (（张巨峰）, not （湖南药监） or （未完）), and a credit holding
    another field's label (（责任编辑：…）, （来源：…）) is none."""
    previous = ""
    for text, node in _texts_after(tree, headline):
        if LONE_CREDIT.fullmatch(text):
            text = previous + text  # the credit on a line of its own under the last paragraph: （记者 陶然 实习生 孔丽）
        previous = text
        if not text.endswith(("）", ")")) or len(text) < CLOSING_PROSE:
            continue
        match = CLOSING_CREDIT_TEXT.search(text)
        if match is None or match.start() < CLOSING_PROSE or _in_comments(node):
            continue
        credit = match["credit"]
        if PHOTO_CREDIT.search(fold(credit)):
            continue  # a photo caption's credit (（刘通摄）): the photographer
        if NOT_THE_WRITER.search(fold(credit) + "\0") or OTHER_FIELD.search(fold(credit)):
            return
        names = _reporters(credit)
        if names and all(has_han(name) for name in names) and (
                CLOSING_ROLE.search(fold(credit)) or all(has_surname(name) for name in names)):
            _offer_authors(names, "closing credit", text[match.start():], found, CLOSING_CREDIT)
        return


def _posted_line(tree: etree._Element, headline: etree._Element, found: PageHints) -> None:
    """A blog's posted line after the headline, its writer's ID before the date label (``maplecat 發表於
    2008-11-28 23:41 | 回應(24) | 分類：…``): the first one outside the comments, a list (a sidebar's latest posts),
    links and quotes, gives the author and the time of the day the page shows."""
    if not POSTED_LABEL_PRESENT(tree):
        return  # one test in C: most pages print no posted label at all
    for text, node in _texts_after(tree, headline):
        match = POSTED_LINE.match(text)
        if match is None or len(text) > POSTED_LINE_MAX or (shown := find_date(match["rest"])) is None or shown.start:
            continue
        if _in_comments(node) or any(holder.tag in ("li", "a", "dd", "blockquote") or class_words(holder) & QUOTE_WORDS
                                     for holder in self_and_ancestors(node)):
            continue  # a post quoted in a reply opens with the same line
        if writer := poster_id(match["name"]):
            _offer_authors([writer], "posted line", text, found, POSTED_LINE_CONFIDENCE)
            found.values.offer("published", shown.iso, "posted line", text, POSTED_LINE_CONFIDENCE)
        return


def _shown_dates(text: str, hints: PageHints) -> list[str]:
    """The dates a byline-zone line shows (up to three), the first unlabelled or after a date label; none when
    the first follows another field's label (``Erscheinungsdatum: 14.08.2017`` of a reviewed book, 截止日期：…).
    A line showing only a day and time without the year (``3月12日 21:14``: this year's dates on many sites)
    shows that day when a tag dates the page on it (:func:`_with_known_year`)."""
    if find_date(text) is None:
        return [iso] if (iso := _yearless_with_time(text, hints)) else []
    dates: list[str] = []
    start = 0
    while len(dates) < 3 and (found := find_date(text[start:])) is not None:
        if not dates:
            label = OTHER_LABEL_BEFORE.search(text[:found.start])
            if label and not PUBLISHED_LABEL.search(fold(label.group(1))):
                return []
        dates.append(found.iso)
        start += found.end
    return dates


SHOWN_RULES = ("date near headline", "label near headline")


def _offer_shown_date(dates: list[str], one_day: bool, line: str, found: PageHints) -> None:
    """The date the page prints by its headline, unlabelled. It refines a tag's date of the same day (its time,
    or the local day of a UTC tag); alone in its line and in the byline zone it wins over tags of another day
    (the page's own word), unless it is the day the tags say the page was modified on: then it shows the update,
    not the publication."""
    iso = dates[0]
    current = found.values.get("published")
    updated = found.values.get("updated")
    # a date shown beside another one the page shows refines nothing: the first one the headline shows stays
    # (a thread's opening post over the replies' times of the same day)
    refines = current is not None and not current.rule.startswith(SHOWN_RULES) and (
        (iso[:10] == str(current.value)[:10] and iso != current.value and len(iso) >= len(str(current.value)))
        or _local_day_of(iso, current))
    if refines and current is not None:
        confidence = current.confidence + 0.01
    elif len(dates) == 1 and one_day and not (updated is not None and str(updated.value)[:10] == iso[:10]):
        confidence = SHOWN_DATE
    else:
        confidence = BARE_DATE_NEAR_TITLE
    found.values.offer("published", iso, "date near headline", line, confidence)


def _local_day_of(printed: str, tag: Harvested) -> bool:
    """Whether ``printed`` (a date the page shows by the headline) is the local day of a tag's UTC time:
    ``2022-05-04T00:53:29Z`` is the evening of 3 May in Buenos Aires, and the page prints 3 May."""
    raw = tag.raw.strip()
    if not UTC_SUFFIX.search(raw) or len(printed) < 10 or len(str(tag.value)) < 10:
        return False
    try:
        shown, stamped = date.fromisoformat(printed[:10]), date.fromisoformat(str(tag.value)[:10])
    except ValueError:
        return False
    return abs((shown - stamped).days) == 1


def _labelled_date(label: re.Pattern[str], line: str) -> re.Match[str] | None:
    """A date label that labels a date: the date follows it at once (发布时间：2019-…, 发表于2014-…), so a
    headline that says 发布 somewhere before a list date (华为发布…芯片 2019-09-06) is not one."""
    for match in label.finditer(line):
        if LABELLED_DATE_START.match(line, match.end()):
            return match
    return None


def _yearless_with_time(text: str, found: PageHints) -> str | None:
    """The first day shown with a time of day and no year in ``text`` that a tag's date completes."""
    for match in MONTH_DAY.finditer(text):
        if (match.group(3) is not None and not text[:match.start(1)].rstrip()[-1:].isdigit()
                and (iso := _with_known_year(text[match.start():], found))):
            return iso
    return None


def _with_known_year(text: str, found: PageHints) -> str | None:
    """A labelled date shown without its year (发布时间：10-08 12:00), dated by a tag of the same day."""
    shown = MONTH_DAY.match(text)
    if not shown:
        return None
    month, day, hour, minute = (int(g) if g else None for g in shown.groups())
    for name in ("published", "updated"):
        known = found.values.get(name)
        iso = str(known.value) if known else ""
        if len(iso) >= 10 and iso[5:10] == f"{month:02d}-{day:02d}":
            return iso[:10] + (f"T{hour:02d}:{minute:02d}" if hour is not None and minute is not None else "")
    return None


def _offer_authors(names: list[str], rule: str, raw: str, found: PageHints,
                   confidence: float = LABELLED_NEAR_TITLE) -> None:
    """``authors`` and the ``author`` string that joins them, from one piece of evidence; an outlet the byline names
    after its writers (``By Alicia Brandt and Tom Kessler, The Riverton Gazette``) is the source, not a writer."""
    if len(names) > 1 and is_latin_outlet(names[-1]):
        found.values.offer("source", names[-1], f"{rule} (the outlet after the writers)", raw, confidence)
        names = names[:-1]
    found.values.offer("authors", names, rule, raw, confidence)
    found.values.offer("author", joined_names(names, raw), rule, raw, confidence)


def _author_from_tags(tree: etree._Element, metas: dict[str, str], ld: list[dict[str, object]], byline_zone: str,
                      found: PageHints) -> None:
    """An author tag counts when the page also prints the name: near the headline for any name, anywhere
    in the page's visible text for a name in Latin letters, and, at a low confidence, unprinted when it
    is a Latin name of two words or more (trafilatura's rule for a meta author).

    Chinese portals fill ``<meta name="author">`` with the site (网易), the source outlet (参考消息), an
    editor printed at the bottom (责任编辑) or a template placeholder, so a Han name in the tag counts
    only beside the headline.
    """
    raws = [(metas.get(key), f"meta {key}") for key in AUTHOR_META]
    # Yoast's ``twitter:label1`` "Written by" / "Verfasst von" and its ``twitter:data1``
    raws += [(metas.get(f"twitter:data{n}"), f"meta twitter:data{n} ({label})") for n in range(1, 5)
             if (label := metas.get(f"twitter:label{n}")) and BYLINE_LEAD.fullmatch(label + " ")]
    by_id = {key: item for item in ld if isinstance(key := item.get("@id"), str)}
    raws += [(_ld_names(item.get("author"), by_id), "json-ld author") for item in ld]
    printed: str | None = None
    taken = " ".join(str(found.values[k].value) for k in ("site_name", "source") if k in found.values)
    best: tuple[float, list[str], str, str] | None = None
    for raw, rule in raws:
        # a Latin tag value counts whole or not at all: ``Bundesministerium für Wirtschaft und Klimaschutz`` is
        # no list of people whose last word would be one
        # and a tag that gives a web address (Deutsche Welle (www.dw.com)) names the site
        if not raw or EMAIL_OR_URL.search(raw) or WEB_ADDRESS.search(raw) or (not has_han(raw) and parse_names(raw) is None):
            continue
        names = [name for name in person_names(raw) if name not in taken and not NOT_THE_WRITER.search(
                 fold(byline_zone).replace(fold(name), "\0"))]
        near = [name for name in names if name in byline_zone]
        if near:
            confidence, names = NAME_FROM_META, near
        elif names and not any(has_han(name) for name in names):
            printed = _visible_text(tree) if printed is None else printed
            if all(name in printed for name in names):
                confidence = NAME_PRINTED_ELSEWHERE
            elif all(" " in name for name in names):
                confidence = NAME_UNPRINTED
            else:
                continue
        else:
            continue
        if best is None or confidence > best[0]:
            best = (confidence, names, rule, raw)
    if best:
        confidence, names, rule, raw = best
        _offer_authors(names, rule, raw, found, confidence)


def _marked(tree: etree._Element) -> list[tuple[etree._Element, str]]:
    """The body's elements with a class or id, with both lower-cased: one walk for every reader that
    looks for elements by their names (bylines, author names, breadcrumbs)."""
    body = tree.find("body")
    return [(element, f"{element.get('class', '')} {element.get('id', '')}".lower())
            for element in (MARKED(body) if body is not None else ())]


def _author_from_byline_element(marked: list[tuple[etree._Element, str]], byline_zone: str, tagged: list[str] | None,
                                found: PageHints) -> None:
    """The names in the page's byline element (``rel=author``, ``itemprop=author``, a class or id with
    ``byline``/``author``/``autor``), in Latin letters: English and European pages print ``By …`` there.

    Only an element whose whole text, after its lead word (By, Von, Por...), is a list of names counts:
    an author box with a biography is not a byline. Comment sections are skipped (a commenter is not the
    author), and so is Han text: Chinese bylines are read from their labels and name elements.
    """
    bylines = [(element, marks) for element, marks in marked
               if element.get("rel") == "author" or element.get("itemprop") == "author" or BYLINE_MARK.search(marks)]
    for element, marks in bylines[:BYLINE_ELEMENTS]:
        # a whole post is no byline: WordPress classes a teaser by its writer (``post-24788 type-post autor-<slug>``)
        if (_in_comments(element) or len(_text(element)) > BYLINE_ELEMENT_MAX or ENTRY_CLASS.search(marks)
                or ((words := class_words(element)) & NOT_NAME_PART and not words & AUTHOR_WORDS)):
            continue
        text = _byline_text(element)
        if not text or len(text) > BYLINE_TEXT_MAX or has_han(text):
            continue
        names = parse_names(text)
        if names is None and find_date(text) is not None:
            names = _names_beside_dates(text)
        if not names:
            continue
        names = _as_tagged(names, text, byline_zone, tagged)
        near = all(name in byline_zone for name in names)
        rule = f"byline element <{element.tag}>" + (" near headline" if near else "")
        confidence = BYLINE_NEAR_TITLE if near else BYLINE_ELEMENT
        _offer_authors(names, rule, text, found, confidence)
        return


def _byline_text(element: etree._Element) -> str:
    """What a byline element says about its writers: the ``itemprop=author`` parts inside it (not the
    publisher beside them), their ``itemprop=name`` when they have one, and no mail link or social-profile
    link that shows its handle (``Matthias`` and his ``herrpfleger`` on Twitter; a name linked to its profile
    stays)."""
    if element.get("itemprop") != "author" and (parts := element.xpath(".//*[@itemprop='author']")):
        return ", ".join(text for text in map(_byline_text, parts) if text)
    names = [name for name in element.xpath(".//*[@itemprop='name']") if _itemscope_owner(name, element) is None]
    if names:
        return ", ".join(_text(name) for name in names)
    copy = deepcopy(element)
    copy.tail = None
    for link in copy.xpath(".//a[@href]"):
        href, shown = link.get("href", ""), _text(link).lstrip("@").lower()
        if href.startswith("mailto:") or (SOCIAL_LINK.search(href) and shown and shown in href.lower()):
            link.text = None
            for child in link:
                link.remove(child)
    return _text(copy)


def _itemscope_owner(element: etree._Element, within: etree._Element) -> etree._Element | None:
    """The nearest ancestor below ``within`` that opens an item of its own (``itemprop`` with ``itemscope``:
    the publisher beside the author), which a name inside it names."""
    for node in element.iterancestors():
        if node is within:
            return None
        if node.get("itemprop") is not None and node.get("itemscope") is not None:
            return node
    return None


def _names_beside_dates(text: str) -> list[str] | None:
    """The names of a byline that also shows its dates (``VON MORITZ GATHMANN am 21. April 2020``,
    ``Veröffentlicht am 8. Februar 2022 von PETA-Team``): the text between the dates and their labels,
    read only where a byline's lead word (By, Von, Por) starts it, so a category printed beside the date
    (``Wein & Geschmack·14. Oktober 2021``) or what a date label leaves (``originally created``) is no name."""
    pieces = []
    while (shown := find_date(text)) is not None:
        head = text[:shown.start]
        frame = DATE_FRAME_BEFORE.search(fold(head))
        pieces.append(head[:frame.start() if frame else len(head)])
        text = text[shown.end:]
    for piece in (*pieces, text):
        # the names end at a preposition or a separator (Von Isabella.DiBiase am Samstag, 19. Oktober 2019)
        piece = NAMES_END.split(piece.strip(LATIN_EDGES), maxsplit=1)[0].strip(LATIN_EDGES)
        if BYLINE_LEAD.match(piece) and (names := parse_names(piece)):
            return names
    return None


def _as_tagged(names: list[str], text: str, byline_zone: str, tagged: list[str] | None) -> list[str]:
    """The names a tag gives (meta author, JSON-LD) when the printed byline agrees with them: it prints them
    all (``Christoph Hein`` and his job title on the next line: the tag says where the name ends), or it
    names some of them and the others are printed beside the headline too (co-authors)."""
    if not tagged:
        return names
    if all(_has_words(text, name) for name in tagged) and all(any(_has_words(name, tag) for tag in tagged)
                                                               for name in names):
        return tagged
    if set(names) < set(tagged) and all(_has_words(byline_zone, name) for name in tagged):
        return tagged
    return names


def _has_words(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words, in any case (``Lindsey O`` is not in ``Lindsey O'Donnell``)."""
    return re.search(rf"(?<![\w'’]){re.escape(words)}(?![\w'’])", text, re.IGNORECASE) is not None


def _in_comments(element: etree._Element) -> bool:
    return any(class_words(node) & COMMENT_WORDS for node in element.iterancestors())


def _visible_text(tree: etree._Element) -> str:
    """The page's text outside scripts, styles and ``<head>``: where a name counts as printed."""
    return " ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"))


def _ld_names(value: object, by_id: dict[str, dict[str, object]]) -> str | None:
    """A JSON-LD ``author``: one name, a Person, or a list of them (joined by ``;``); a Person given by its
    ``@id`` alone is looked up in the page's graph (Yoast: ``"author": {"@id": ".../#/schema/person/…"}``)."""
    values = value if isinstance(value, list) else [value]
    values = [by_id.get(item["@id"], item) if isinstance(item, dict) and "name" not in item
              and isinstance(item.get("@id"), str) else item for item in values]
    names = [name for name in (_ld_text(item) for item in values) if name]
    return "; ".join(names) or None


def _author_from_name_element(marked: list[tuple[etree._Element, str]], byline_zone: str, tagged: list[str] | None,
                              found: PageHints) -> None:
    """The text of an element classed as the author's name (``author-name``, ``authorName``), printed by
    the headline: self-media pages show the account that wrote the article there, with no label; and the
    text of one classed ``author`` when it is a Han person's name and nothing else (``<p class="author">周若澜</p>``;
    a Latin one may be a blog's or a desk's name: Krimiblog-Archiv).

    Only names count: no label, colon, digit or role word (an ``author`` box that says 责任编辑：… or 来源
    is not one), no placeholder, no organisation; a byline's lead word (By, Von) is not part of the name.
    """
    for element, marks in marked:
        if "author" not in marks:
            continue
        words = [w.lower() for w in CLASS_WORD.findall(f"{element.get('class', '')} {element.get('id', '')}")]
        named = any(a == "author" and n in {"name", "nickname"} for a, n in pairwise(words))
        if not named and ("author" not in words or COMMENT_WORDS & set(words) or _in_comments(element)):
            continue  # a commenter (comment-author) is nobody's byline
        text = _text(element)
        if not 0 < len(text) <= AUTHOR_ELEMENT_MAX or NOT_A_NAME.search(text) or is_placeholder(text):
            continue
        if named:  # a self-media account's name is the author, whatever its shape (科技狐说, 看懂经济的小编)
            names = [text] if has_han(text) else parse_names(text)
        else:  # an element classed only ``author`` (an author box, a byline) counts when it holds a person's name alone
            names = [name for name in parse_names(text) or [] if has_han(name) and has_surname(name)]
        if names and all(name in byline_zone and not NOT_A_PERSON.search(name) for name in names):
            names = _as_tagged(names, text, byline_zone, tagged)
            _offer_authors(names, "author-name element near headline", text, found, AUTHOR_ELEMENT)
            return


def _source_from_tags(tree: etree._Element, metas: dict[str, str], found: PageHints) -> None:
    """The source a meta tag names. A platform's account field (``mediaid``) names the outlet that published
    through it (参考消息 on a portal, linked to its own site), or a self-media account, which the page links
    to its profile: that account is the byline's writer, the author (gold conventions), not a source."""
    for key in SOURCE_META:
        raw = metas.get(key)
        if not raw:
            continue
        label = SOURCE_LABEL.search(fold(raw))
        value = (raw[label.end():] if label else raw).strip()
        value = re.split(r"\s", value)[0] if value else value
        if value and not says_unknown(value) and len(value) <= SOURCE_MAX and not value.isdigit():
            if key in ACCOUNT_META and _links_to_profile(tree, value):
                _offer_authors([value], f"meta {key} (an account linked to its profile)", raw, found, NAME_FROM_META)
            else:
                found.values.offer("source", value, f"meta {key}", raw, NAME_FROM_META)
            return


def _source_from_ld(ld: list[dict[str, object]], found: PageHints) -> None:
    """The organisation a JSON-LD article names as where its content came from (``sourceOrganization``, or a
    ``provider`` that is not its ``publisher``: a wire story syndicated on a portal) is the source; the
    publisher alone is the site, not a source (gold conventions)."""
    for item in ld:
        publisher = _ld_text(item.get("publisher"))
        for key in ("sourceOrganization", "provider"):
            origin = _ld_text(item.get(key))
            if origin and origin != publisher and len(origin) <= SOURCE_MAX:
                found.values.offer("source", origin, f"json-ld {key}", origin, META_TAG - 0.05)
                return


def _wire_dateline(lines: list[ZoneLine], metas: dict[str, str], ld: list[dict[str, object]],
                   found: PageHints) -> None:
    """A wire story's dateline credits its agency by initials (``WASHINGTON (NP) —``); when an organisation the
    page names in its tags (JSON-LD publisher or provider, ``og:site_name``) has those initials, that
    organisation is the source. Initials no name on the page spells out stay unread: an abbreviation is not
    expanded from knowledge of the world."""
    if "source" in found.values:
        return
    for line in lines:
        dateline = WIRE_DATELINE.match(line.text)
        if dateline is None:
            continue
        names = [metas.get("og:site_name")] + [_ld_text(item.get(key)) for item in ld
                                               for key in ("publisher", "provider", "sourceOrganization")]
        for name in names:
            if name and _initials(name) == dateline.group("agency"):
                found.values.offer("source", name, "wire dateline initials", line.text[:dateline.end()], OUTLET_IN_BYLINE)
                return
        return


def _initials(name: str) -> str:
    return "".join(word[0] for word in CAPITALISED_WORD.findall(name) if word not in {"The", "A", "An"})


def _wechat_account(tree: etree._Element, metas: dict[str, str], url: str | None, found: PageHints) -> None:
    """On a WeChat official-account article (an ``mp.weixin.qq.com`` address, or the platform's site name in its
    tags) the account's name, which the platform prints in its header (``#js_name``, ``profile_nickname``), is the
    source (gold conventions), above any source tag."""
    address = url or metas.get("og:url") or ""
    host = urlsplit(address).hostname or ""
    if not (metas.get("og:site_name") in WECHAT_SITE_NAMES or any(host == h or host.endswith("." + h) for h in WECHAT_HOSTS)):
        return
    for element in tree.xpath("//*[@id='js_name']|//*[contains(concat(' ', @class, ' '), ' profile_nickname ')]"):
        name = _text(element)
        if 0 < len(name) <= SOURCE_MAX:
            found.values.offer("source", name, "WeChat account name", name, WECHAT_ACCOUNT)
            return


def _links_to_profile(tree: etree._Element, name: str) -> bool:
    """Whether the page shows ``name`` as a link to a user's or an account's profile page."""
    return any(anchor.text_content().strip() == name and USER_LINK.search(anchor.get("href") or "")
               for anchor in tree.iter("a"))


# -- breadcrumb, links, language, fallbacks -----------------------------------------------------------
def _breadcrumb(tree: etree._Element, marked: list[tuple[etree._Element, str]], ld: list[dict[str, object]],
                found: PageHints) -> None:
    for item in ld:
        entries = item.get("itemListElement")
        if item.get("@type") == "BreadcrumbList" and isinstance(entries, list):
            names = [_ld_text(entry.get("item")) or _ld_text(entry) for entry in entries if isinstance(entry, dict)]
            _offer_breadcrumb([n for n in names if n], "json-ld BreadcrumbList", found)
            return
    labelled = [node.getparent() for node in tree.xpath(BREADCRUMB_TEXT_XPATH)]
    classed = [element for element, marks in marked if BREADCRUMB_CLASS.search(marks)]
    for element in (*labelled, *classed):
        if element is None:
            continue
        text = _text(element)
        if len(text) > 100 and element in labelled and element.getparent() is not None:
            text = _text(element.getparent()) if len(_text(element)) < 10 else text
        if not text or len(text) > 100:
            continue
        if not BREADCRUMB_LABEL.match(text) and not BREADCRUMB_ARROWS.search(text):
            continue
        parts = _breadcrumb_parts(BREADCRUMB_LABEL.sub("", text), found)
        if len(parts) >= 2 and all(len(p) <= BREADCRUMB_PART_MAX for p in parts[:-1]):
            _offer_breadcrumb(parts, f"breadcrumb <{element.tag} class={element.get('class', '')!r}>", found)
            return


def _breadcrumb_parts(text: str, found: PageHints) -> list[str]:
    """Segments of a location bar; words run together by spaces are separate links, and a leaf that is
    not the headline ends at its first space (tools such as 字号 or 打印 often follow it)."""
    pieces = [p.strip() for p in BREADCRUMB_SEPARATOR.split(text) if p.strip()]
    if not pieces:
        return []
    parts = [word for piece in pieces[:-1] for word in piece.split()]
    leaf = pieces[-1]
    title = found.values.get("title")
    is_headline = title is not None and _norm(leaf)[:6] == _norm(str(title.value))[:6]
    parts.append(leaf if is_headline else leaf.split()[0])
    return parts


def _offer_breadcrumb(parts: list[str], rule: str, found: PageHints) -> None:
    parts = [p.strip() for p in parts]
    found.values.offer("breadcrumb", parts, rule, " > ".join(parts), META_TAG)
    inner = [p for p in parts if p not in HOME_WORDS and p not in LEAF_WORDS and not p.endswith("首页")]
    title = found.values.get("title")
    if inner and title and _norm(inner[-1]) == _norm(str(title.value)):
        inner.pop()
    if inner:
        found.values.offer("category", inner[-1], rule, " > ".join(parts), META_TAG)


def _links_and_language(tree: etree._Element, metas: dict[str, str], url: str | None, found: PageHints) -> None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            href = link.get("href", "").strip()
            found.values.offer("canonical_url", urljoin(url, href) if url else href, "link rel=canonical", href, META_TAG)
            break
    if "og:url" in metas and metas["og:url"].startswith("http"):
        found.values.offer("canonical_url", metas["og:url"], "meta og:url", metas["og:url"], NAME_FROM_META)
    description = metas.get("description") or metas.get("og:description")
    if description:
        found.values.offer("description", SPACE.sub(" ", description), "meta description", description, META_TAG)
    for key in IMAGE_META:
        image = metas.get(key)
        if image and not image.startswith("data:"):
            found.values.offer("image", urljoin(url, image) if url else image, f"meta {key}", image, META_TAG)
            break
    lang = tree.get("lang") or tree.get("xml:lang") or metas.get("content-language") or metas.get("language")
    if lang:
        found.values.offer("language", lang.strip().lower().replace("_", "-"), "html lang", lang, META_TAG)


def _image_from_ld(ld: list[dict[str, object]], url: str | None, found: PageHints) -> None:
    """JSON-LD ``image``: a URL, an ImageObject or a list of either; the first one."""
    for item in ld:
        image = item.get("image")
        if isinstance(image, list):
            image = image[0] if image else None
        if isinstance(image, dict):
            image = image.get("url") or image.get("contentUrl")
        if isinstance(image, str) and image.strip() and not image.startswith("data:"):
            found.values.offer("image", urljoin(url, image.strip()) if url else image.strip(), "json-ld image", image,
                        META_TAG - 0.05)
            return


def _weaker(name: str, confidence: float, found: PageHints) -> bool:
    current = found.values.get(name)
    return current is None or current.confidence < confidence


def _date_from_script(tree: etree._Element, found: PageHints) -> None:
    for script in tree.iter("script"):
        match = SCRIPT_TIME.search(script.text or "")
        if match is None:
            continue
        if match["shown"]:
            if shown := parse_date(match["shown"]):
                found.values.offer("published", shown, "script date", match.group(), SCRIPT_TIMESTAMP)
                return
        elif TIMESTAMP_RANGE[0] <= int(match["seconds"]) < TIMESTAMP_RANGE[1]:
            moment = datetime.fromtimestamp(int(match["seconds"]), BEIJING)
            found.values.offer("published", moment.strftime("%Y-%m-%dT%H:%M"), "script timestamp", match.group(),
                        SCRIPT_TIMESTAMP)
            return


def _date_from_url(url: str, found: PageHints) -> None:
    """A full date in the URL's path (``/2019/01/01/``, ``/t20210209_``) is the day the site filed the page
    under, in its own time zone. It wins over a tag's date of another day: tags are often in UTC
    (``2018-12-31T23:11:59+00:00`` for a post of 1 January) or are a modification date. A tag of the
    same day is kept, for its time."""
    match = DATE_IN_URL.search(urlsplit(url).path)
    if not match:
        return
    year, month, day = (g for g in match.groups() if g is not None)
    iso = parse_date(f"{year}-{month}-{day}")
    if not iso:
        return
    current = found.values.get("published")
    if current is not None and str(current.value)[:10] == iso[:10]:
        return
    found.values.offer("published", iso, "date in url", url, URL_DATE, shown=False)


def _local_day_of_utc_tag(tree: etree._Element, url: str | None, shown_days: set[str], found: PageHints) -> None:
    """A published time taken from a tag in UTC (``2022-05-04T00:53:29Z``) may fall on the day after the one
    the page shows its readers (3 May in Buenos Aires). htmldate reads the page's own shown date first;
    when it gives the day before or after the tag's, that is the local day; unless the headline shows the
    tag's own day."""
    current = found.values.get("published")
    if (current is None or not current.rule.startswith(("meta ", "json-ld ")) or not UTC_SUFFIX.search(current.raw.strip())
            or str(current.value)[:10] in shown_days):
        return
    import htmldate

    try:
        shown = htmldate.find_date(tree, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return
    if shown and _local_day_of(shown, current):
        found.values.offer("published", shown, "htmldate (the local day of a UTC tag)", current.raw, current.confidence + 0.01)


def _labelled_dates_elsewhere(tree: etree._Element, found: PageHints) -> None:
    """A publication or update date the page labels as such (Erschienen am: 01.11.2023, 发布时间：…, Letzte
    Änderung: …) outside the byline zone: under the article or in its footer. The first of each field in
    the page's order counts, never one in a comment section (a commenter's post time) or a link."""
    texts = ((text, node) for text, node in _texts_in_order(tree.find("body") if tree.find("body") is not None else tree)
             if len(text) < 40 or any(map(str.isdigit, text)))  # the short first: no character read
    label_line: str | None = None
    for line in _meta_lines(texts):
        text = f"{label_line} {line.own}" if label_line else line.own
        shadow = fold(text)
        for name, label in SPECIFIC_LABELS:
            match = _labelled_date(label, shadow) if name not in found.values else None
            iso = parse_date(text[match.end():]) if match else None
            if match and iso and not _in_comments(line.block):
                words = text[match.start():match.end()].strip()
                found.values.offer(name, iso, f"label ({words})", text, LABELLED_ELSEWHERE)
        label_line = line.own if LABEL_ALONE.fullmatch(fold(line.own)) else None
        if "published" in found.values and "updated" in found.values:
            return


def _shown_update(found: PageHints) -> bool:
    """Whether the page labels an update date it shows (and no publication): that date is the page's."""
    updated = found.values.get("updated")
    return updated is not None and updated.rule.startswith("label")


def _date_from_htmldate(tree: etree._Element, url: str | None, found: PageHints) -> None:
    """htmldate's guess, with its extensive search (as trafilatura runs it): only when the page gave no
    date of its own, and at the lowest confidence. A 1 January the page never shows is a year alone that
    htmldate padded (a copyright line's ``© 2024``): no date is better than an invented one."""
    import htmldate

    try:
        value = htmldate.find_date(tree, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return
    if value and value.endswith("-01-01") and not _shows_day(tree, value):
        return
    if value:
        found.values.offer("published", value, "htmldate", value, HTMLDATE_GUESS, shown=False)


def _shows_day(tree: etree._Element, day: str) -> bool:
    """Whether the page's text shows the date ``day`` (YYYY-MM-DD) in any shape the date grammar reads."""
    body = tree.find("body")
    for text, _ in _texts_in_order(body if body is not None else tree):
        while (found := find_date(text)) is not None:
            if found.iso[:10] == day:
                return True
            text = text[found.end:]
    return False
