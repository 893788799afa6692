"""htmlmeta bylines and dates: dateline credits, name/outlet bylines, role words, reading order, self-media
accounts, date labels, year-less dates, script timestamps."""

from __future__ import annotations

from pathlib import Path

import cleanpage
from cleanpage.names import person_names
from cleanpage.segment.html import parse_html
from cleanpage.segment.htmlmeta import harvest_metadata

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


def _english(head: str = "", byline: str = "", footer: str = "", url: str | None = None) -> cleanpage.Document:
    body = ("<p>The city council approved the new budget on Tuesday after a long debate about school funding "
            "and public transport, with seven votes in favour and two against.</p>") * 4
    page = (f"<html><head><title>Council approves budget - Daily Post</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Council approves budget</h1>{byline}{body}</article>"
            f"{footer}</body></html>")
    return cleanpage.clean(page, url=url)


def test_a_meta_author_in_latin_letters_printed_anywhere_on_the_page_is_the_author() -> None:
    doc = _english('<meta name="author" content="Nuño Domínguez">', footer="<footer><p>Nuño Domínguez writes on cities.</p></footer>")
    assert doc.metadata.authors == ["Nuño Domínguez"]
    assert doc.metadata.extra["provenance"]["author"]["rule"] == "meta author"


def test_an_unprinted_meta_author_counts_only_as_a_full_name() -> None:
    assert _english('<meta name="author" content="Jane Doe">').metadata.author == "Jane Doe"
    assert _english('<meta name="author" content="jdoe">').metadata.author is None
    assert _english('<meta name="author" content="Super User">').metadata.author is None


def test_json_ld_authors_are_all_kept() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Sarah Hinger"},'
          ' {"@type": "Person", "name": "Sylvia Torres-Guillén"}]}</script>')
    doc = _english(ld)
    assert doc.metadata.authors == ["Sarah Hinger", "Sylvia Torres-Guillén"]


def test_a_byline_element_gives_the_names_without_their_lead_word() -> None:
    doc = _english(byline='<div class="byline">By <a rel="author" href="/staff/kalt">Andreas Kalt</a> and Jule Radeck</div>')
    assert doc.metadata.authors == ["Andreas Kalt", "Jule Radeck"]
    assert "Andreas Kalt" not in doc.text


def test_several_latin_writers_are_joined_as_the_byline_prints_them() -> None:
    and_byline = _english(byline='<div class="byline">By <a rel="author" href="/staff/kalt">Andreas Kalt</a> and Jule Radeck</div>')
    assert and_byline.metadata.author == "Andreas Kalt and Jule Radeck"
    comma_byline = _english(byline='<div class="byline">By Andreas Kalt, Jule Radeck</div>')
    assert comma_byline.metadata.author == "Andreas Kalt, Jule Radeck"


def test_a_day_and_time_a_script_keeps_for_the_header_is_the_published_time() -> None:
    script = '<script>var shareTitle="x";var publishTime="2024-03-05 18:42:07";</script>'
    assert _english(footer=script).metadata.published == "2024-03-05T18:42"
    # a machine's ISO form (zone unstated) and a bare day (an entry's creation, on a wiki) are not read
    for script in ('<script>{"pubDate": "2019-09-11T02:46:57"}</script>', '<script>{"publishDate":"2012-06-24",}</script>'):
        assert _english(footer=script).metadata.extra["provenance"]["published"]["rule"] != "script date"


def test_a_source_label_saying_where_the_piece_comes_from_is_kept_unless_it_says_unknown() -> None:
    page = ("<html><body><h1>{title}</h1><div class='info'>来源：{source}　发布时间：2019-10-31 23:00</div>"
            "<div class='content'>" + "<p>为进一步提升医院药学服务水平，医院于近日举办中药、药学理论知识与专业技能大赛，共有四十余名药师参加比赛。</p>" * 3
            + "</div></body></html>")
    assert cleanpage.clean(page.format(title="医院举办药学技能大赛", source="本站原创")).metadata.source == "本站原创"
    assert cleanpage.clean(page.format(title="医院举办药学技能大赛", source="未知")).metadata.source is None


def test_an_author_box_with_a_biography_or_a_commenter_is_no_byline() -> None:
    bio = '<div class="author-bio">Jane Doe has covered city politics for twenty years and lives in Leeds.</div>'
    comment = '<div class="comments"><div class="comment"><span class="comment-author">Max Muster</span> Great piece!</div></div>'
    doc = _english(footer=bio + comment)
    assert doc.metadata.author is None


def test_a_han_meta_author_far_from_the_headline_is_not_taken() -> None:
    page = ("<html><head><meta name='author' content='王小明'><title>我市出台新举措</title></head><body><h1>我市出台新举措</h1>"
            "<p>记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生就业创业。</p>" * 3
            + "<p>责任编辑：王小明</p></body></html>")
    assert cleanpage.clean(page).metadata.author is None


def test_the_day_in_the_url_wins_over_a_utc_tag_of_another_day() -> None:
    tag = '<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">'
    doc = _english(tag, url="https://blog.example.org/2019/01/01/new-year/")
    assert doc.metadata.published == "2019-01-01"
    same_day = _english(tag, url="https://blog.example.org/2018/12/31/new-year/")
    assert same_day.metadata.published == "2018-12-31T23:11"
    assert _english(url="https://example.org/home/2017/7/12/montauk").metadata.published == "2017-07-12"


def test_description_and_lead_image_are_fields_with_the_image_url_resolved() -> None:
    head = ('<meta name="description" content="The council approved the budget.">'
            '<meta property="og:image" content="/img/council.jpg">')
    doc = _english(head, url="https://news.example.org/2023/05/02/budget.html")
    assert doc.metadata.description == "The council approved the budget."
    assert doc.metadata.image == "https://news.example.org/img/council.jpg"
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "image": {"@type": "ImageObject", "url": "https://cdn.example.org/a.jpg"}}</script>'
    assert _english(ld).metadata.image == "https://cdn.example.org/a.jpg"


def test_the_local_day_the_page_shows_wins_over_a_utc_tag_of_the_next_day() -> None:
    tag = '<meta property="article:published_time" content="2022-05-04T00:53:29Z">'
    shown = '<p class="date">Publicado el 3 de mayo de 2022</p><span class="published">2022-05-03</span>'
    doc = _english(tag, byline=shown)
    assert doc.metadata.published == "2022-05-03"
    tree = parse_html(f"<html><head>{tag}</head><body><h1>Budget</h1>{shown}<p>Text.</p></body></html>")
    assert tree is not None
    found = harvest_metadata(tree, None).values["published"]
    assert found.value == "2022-05-03" and "near headline" in found.rule  # the shown day, not the tag's UTC day


def _published(head: str, byline: str) -> str:
    tree = parse_html(f"<html><head>{head}</head><body><h1>Budget</h1>{byline}<p>Text.</p></body></html>")
    assert tree is not None
    return str(harvest_metadata(tree, None).values["published"].value)


def test_the_one_date_shown_by_the_headline_wins_over_tags_of_another_day_but_not_their_update() -> None:
    tags = ('<meta property="article:published_time" content="2022-05-04T09:00:00+02:00">'
            '<meta property="article:modified_time" content="2022-05-20T10:00:00+02:00">')
    assert _published(tags, '<span class="date">20.04.2022</span>') == "2022-04-20"
    # the day the tags say the page was modified on is the update, shown in place of the publication
    assert _published(tags, '<span class="date">20.05.2022</span>') == "2022-05-04T09:00"
    # several days on several lines: a list of other pages, not this one's byline
    listed = '<p>Older post</p><p>20.04.2022</p><p>Another post</p><p>11.03.2022</p>'
    assert _published(tags, listed) == "2022-05-04T09:00"
    # a date in a link names another page; a date after another field's label is that field's
    assert _published(tags, '<p><a href="/archive/2022/04/20">20.04.2022</a></p>') == "2022-05-04T09:00"
    assert _published(tags, '<p>Erscheinungsdatum: 20.04.2022</p>') == "2022-05-04T09:00"
    assert _published(tags, '<p>Veröffentlicht am 20. April 2022</p>') == "2022-04-20"


def test_a_publication_date_labelled_as_such_counts_anywhere_but_in_comments() -> None:
    footer = "<footer><p>Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: 01.11.2023</p></footer>"
    assert _english(footer=footer).metadata.published == "2023-11-01"
    # a commenter's time, and a generic label far from the headline (an event's date), are not read as the
    # page's (htmldate, the last resort, may still guess from them)
    comments = '<div class="comments"><p>Kommentar von Jan, veröffentlicht am 03.11.2023</p></div>'
    event = "<footer><p>Date: 05.12.2023, town hall</p></footer>"
    for footer in (comments, event):
        assert not _english(footer=footer).metadata.extra["provenance"]["published"]["rule"].startswith("label")
    # the page shows only when it was updated: that date, not a guess from elsewhere
    updated = _english(footer="<p>Aktualisiert am 17.01.2021.</p><p>© 2019 Daily Post</p>")
    assert updated.metadata.published == "2021-01-17"


def test_a_json_ld_author_given_by_its_id_is_looked_up_in_the_graph() -> None:
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "author": {"@id": "/#/person/1"}},'
          ' {"@type": "Person", "@id": "/#/person/1", "name": "Giovanni Gaggero"}]}</script>')
    doc = _english(ld, byline="<h4>By Giovanni Gaggero | 12/10/2020</h4>")
    assert doc.metadata.authors == ["Giovanni Gaggero"]
    assert doc.metadata.extra["provenance"]["author"]["rule"] == "json-ld author"


def test_a_written_by_label_and_its_data_in_twitter_tags_name_the_author() -> None:
    tags = '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Christoph Hein">'
    assert _english(tags).metadata.author == "Christoph Hein"
    # a reading time in the same pair of tags is no author
    assert _english('<meta name="twitter:label1" content="Lesezeit"><meta name="twitter:data1" content="Jane Doe">'
                    ).metadata.author is None


def test_a_byline_that_shows_its_date_gives_the_names_beside_the_date() -> None:
    assert _english(byline='<p class="byline__author">VON <a href="/autoren/g">MORITZ GATHMANN</a> am 21. April 2020</p>'
                    ).metadata.authors == ["MORITZ GATHMANN"]
    assert _english(byline='<div class="post-date-author">Veröffentlicht am 8. Februar 2022 von <a href="/a/p">PETA-Team</a>'
                    "</div>").metadata.authors == ["PETA-Team"]
    # without a lead word, what a date leaves is no name: a category, or a date label's remains
    for byline in ('<div class="byline">Wein &amp; Geschmack · 14. Oktober 2021</div>',
                   '<p class="byline">by Last updated 04 Jun 2020, originally created 17 Jun 2019</p>'):
        assert _english(byline=byline).metadata.author is None


def test_a_byline_elements_publisher_handle_and_teaser_classes_are_not_its_writers() -> None:
    publisher = ('<div class="article_autor">Text: <span itemprop="author">Kirsten Freund</span> / <span itemprop="publisher"'
                 ' itemscope><span itemprop="name">handwerksblatt.de</span></span></div>')
    assert _english(byline=publisher).metadata.authors == ["Kirsten Freund"]
    handle = ('<div class="entry-meta-author"><a href="/author/matthias/">Matthias</a> '
              '<a href="https://twitter.com/herrpfleger">herrpfleger</a></div>')
    assert _english(byline=handle).metadata.authors == ["Matthias"]
    linked = '<p class="byline">By <a href="https://twitter.com/robpicheta">Rob Picheta</a></p>'
    assert _english(byline=linked).metadata.authors == ["Rob Picheta"]
    teaser = ('<ul><li class="post-24788 type-post status-publish autor-anselm-doris"><h2><a href="/x">Atmosphären</a>'
              '</h2></li></ul>')
    assert _english(footer=teaser).metadata.author is None


def test_a_tag_says_where_a_printed_name_ends_and_who_else_wrote() -> None:
    ld = '<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person", "name": "Christoph Hein"}}</script>'
    doc = _english(ld, byline='<div class="author-ch"><a href="/ueber-mich/">Christoph Hein</a><br>Chefin vom Dienst</div>')
    assert doc.metadata.authors == ["Christoph Hein"]
    both = '<meta name="author" content="Sadhbh O\'Sullivan,Elisabeth Kochan">'
    byline = ('<div class="byline"><span class="author-name"><a href="/a/s">Sadhbh O\'Sullivan</a></span>, '
              '<span class="contributor"><a href="/a/e">Elisabeth Kochan</a></span></div>')
    assert _english(both, byline=byline).metadata.authors == ["Sadhbh O'Sullivan", "Elisabeth Kochan"]


def test_a_latin_tag_value_that_is_no_list_of_names_gives_nobody() -> None:
    for value in ("Bundesministerium für Wirtschaft und Klimaschutz", "Deutsche Welle (www.dw.com)"):
        assert _english(f'<meta name="author" content="{value}">', footer=f"<p>{value}</p>").metadata.author is None


def test_a_poster_label_by_the_headline_names_the_poster_by_the_id_they_chose() -> None:
    def author(header: str) -> str | None:
        page = (f"<html><head><title>七桥瓮湿地观鸟记</title></head><body><h1>七桥瓮湿地观鸟记</h1><div>{header}</div>"
                + "<p>这一上午记到的鸟不少，小䴙䴘五只，白鹭十几只，夜鹭四只，普通翠鸟一只在木栈道边的枯枝上停了很久。</p>" * 3
                + "</body></html>")
        return cleanpage.clean(page).metadata.author

    assert author('<span>发帖人：<a href="/u/8812047/">中华门外看鹭</a></span> <span>[胡同居民 等级5]</span> '
                  "<span>发表时间：2019-05-20 08:41</span>") == "中华门外看鹭"
    assert author("楼主： 小鱼儿2005 时间：2005-05-07 21:23") == "小鱼儿2005"
    # a button, an empty value before the next label, a location: nobody
    for header in ("<a>只看楼主</a>： 2019-05-20", "楼主：时间：2005-05-07 21:23", "楼主：来自 贵州遵义"):
        assert author(header) is None


def test_the_first_time_shown_by_the_headline_is_not_refined_by_later_ones_of_the_same_day() -> None:
    posts = "".join(f"<div><p>第{n}楼 2023-03-28 21:{minute} 回复</p><p>{'今天拟录取名单出来了，分享一下复习时间表。' * 2}</p></div>"
                    for n, minute in ((1, 14), (2, 20), (3, 33)))
    page = f"<html><head><title>二战上岸</title></head><body><h1>二战上岸</h1>{posts}</body></html>"
    assert cleanpage.clean(page).metadata.published == "2023-03-28T21:14"


def test_the_names_beside_a_date_end_at_a_preposition() -> None:
    byline = ('<div class="group-author-inner">Von <a href="/redaktion/i" class="username">Isabella.DiBiase</a> am '
              "Samstag, 19. Oktober 2019 um 11:14 Uhr</div>")
    assert _english(byline=byline).metadata.authors == ["Isabella.DiBiase"]


def test_a_line_by_the_headline_that_opens_with_a_lead_word_is_the_byline() -> None:
    assert _english(byline="<p>Von Claudia Lindner 27.1.2022</p>").metadata.authors == ["Claudia Lindner"]
    assert _english(byline="<p>Por Agencia EFE</p>").metadata.authors == ["Agencia EFE"]
    # the markup says where the name ends; a teaser's byline inside a link is another article's
    marked = '<p>By <span class="author-name">Adam Aaronson</span> PhillyVoice Staff</p>'
    assert _english(byline=marked).metadata.authors == ["Adam Aaronson"]
    teaser = '<ul><li><a href="/other"><div>Another story</div><div><span>By John Teufel</span></div></a></li></ul>'
    assert _english(byline=teaser).metadata.author is None


def test_reporters_credited_in_brackets_at_the_end_of_a_paragraph_are_the_author() -> None:
    def author(last: str) -> list[str]:
        prose = "<p>山西品牌丝路行主题为走丝绸之路，促合作共赢，南美站活动将先后在巴西、乌拉圭、阿根廷举行。</p>" * 3
        page = (f"<html><head><title>山西品牌丝路行正式启动</title></head><body><h1>山西品牌丝路行正式启动</h1>{prose}"
                f"<p>当天下午，省贸促会分别与多家商会签署合作协议，并正式设立驻巴西代表处。{last}</p></body></html>")
        return cleanpage.clean(page).metadata.authors

    assert author("（张巨峰）") == ["张巨峰"]
    # a correspondent (通讯员) is no author (catalogue C03; articles7's dateline gold)
    assert author("（记者 李明 通讯员 王芳）") == ["李明"]
    # no surname and no role word, a note, an editor or a source: nobody
    for last in ("（湖南药监）", "（未完待续）", "（责任编辑：王芳）", "（来源：新华社）"):
        assert author(last) == []


def test_a_common_surname_starts_a_name() -> None:
    from cleanpage.names import has_surname

    assert has_surname("张巨峰") and has_surname("歐陽修") and not has_surname("湖南药监")


def _page(head: str, body: str) -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


ARTICLE_TEXT = "".join(f"<p>{n}月以来，全市各部门认真落实安全生产责任制，排查隐患一百余处，整改完成率达到百分之九十五。</p>" for n in range(1, 6))


def _title(html: str) -> str | None:
    return cleanpage.clean(html).metadata.title


def test_a_heading_that_is_a_part_of_the_title_after_the_sites_name_is_the_headline() -> None:
    page = _page("<title>江州市人民法院--王海军与上海鑫腾建材有限公司买卖合同纠纷一案公告</title>",
                 "<div class='logo'>江苏省江州市人民法院</div><div class='newstitle'>王海军与上海鑫腾建材有限公司买卖合同纠纷一案公告</div>"
                 f"<div class='content'>{ARTICLE_TEXT}</div>")
    assert _title(page) == "王海军与上海鑫腾建材有限公司买卖合同纠纷一案公告"


def test_a_tag_its_poster_typed_before_the_title_is_part_of_it_and_engine_credits_are_not() -> None:
    page = _page("<title>冬季钓鲫鱼的几点心得，新手少走弯路 - 钓鱼技巧交流 - 钓鱼论坛 - Powered by Discuz!</title>",
                 f"<h1>[经验分享] 冬季钓鲫鱼的几点心得，新手少走弯路</h1><div class='content'>{ARTICLE_TEXT}</div>")
    assert _title(page) == "[经验分享] 冬季钓鲫鱼的几点心得，新手少走弯路"
    assert _title(page.replace("<h1>[经验分享] 冬季钓鲫鱼的几点心得，新手少走弯路</h1>", "")) == "冬季钓鲫鱼的几点心得，新手少走弯路"


def test_the_pages_one_h1_unrelated_to_its_title_tag_is_the_displayed_headline_unless_it_is_a_cut_form() -> None:
    page = _page("<title>海滩救生员的夏天_西湾新闻网</title>",
                 f"<h1>暑期海滩救生员：每天在烈日下守望八小时</h1><div class='content'>{ARTICLE_TEXT}</div>")
    assert _title(page) == "暑期海滩救生员：每天在烈日下守望八小时"
    # an <h1> that holds the title and more (its meta line) is no other headline
    glued = page.replace("暑期海滩救生员：每天在烈日下守望八小时", "海滩救生员的夏天 2022-07-08 来源：西湾晚报")
    assert _title(glued) == "海滩救生员的夏天"


def test_the_date_of_a_translated_pieces_original_is_not_the_pages() -> None:
    page = _page("<title>为什么你的每一次估算都会出错</title>",
                 "<h1>为什么你的每一次估算都会出错</h1><div class='meta'>作者：贺立德 (Lydia Hollister) 来源：Hollister on Software</div>"
                 "<p class='orig'>原文：Why Every Estimate Is Wrong，发表于 2021 年 8 月 30 日。</p>"
                 f"<div class='info'>发布时间：2021-09-14 09:30</div><div class='content'>{ARTICLE_TEXT}</div>")
    meta = cleanpage.clean(page).metadata
    assert meta.published == "2021-09-14T09:30"
    assert meta.author == "贺立德 (Lydia Hollister)"
    assert meta.source == "Hollister on Software"  # a Latin outlet's name keeps its spaces


def test_a_self_media_account_linked_to_its_profile_is_the_author_an_outlet_is_the_source() -> None:
    body = (f"<h1>一碗片儿川背后的三代面馆</h1><div class='content'>{ARTICLE_TEXT}</div>"
            "<div class='user-info'><h4><a href='https://mp.example.com/profile?xpt=abc'>钱塘闲话</a></h4></div>")
    account = cleanpage.clean(_page("<title>一碗片儿川背后的三代面馆</title><meta name='mediaid' content='钱塘闲话'>", body))
    assert (account.metadata.author, account.metadata.source) == ("钱塘闲话", None)
    outlet = body.replace("https://mp.example.com/profile?xpt=abc", "http://www.ckxx.net/news/1.html").replace("钱塘闲话", "参考消息")
    portal = cleanpage.clean(_page("<title>一碗片儿川背后的三代面馆</title><meta name='mediaid' content='参考消息'>", outlet))
    assert (portal.metadata.author, portal.metadata.source) == (None, "参考消息")


def test_a_blog_engines_posted_at_sign_labels_the_date_under_the_post() -> None:
    page = _page("<title>MySQL 升级后 GROUP BY 报错的排查</title>",
                 f"<h1>MySQL 升级后 GROUP BY 报错的排查</h1><div class='content'><p>{'升级之后报错了。' * 20}</p>{ARTICLE_TEXT}</div>"
                 "<div class='postDesc'>posted @ <span>2019-03-02 10:21</span> 林间小径 阅读(1234) 评论(5)</div>")
    tree = parse_html(page)
    assert tree is not None
    assert harvest_metadata(tree, None).values["published"].value == "2019-03-02T10:21"  # read from the markup


def test_a_short_paragraph_ends_the_byline_zone_so_a_related_lists_time_is_not_the_pages() -> None:
    paragraphs = "".join(f"<p>{n}月以来，全市新增加装电梯的老旧公寓超过百栋，居民普遍反映上下楼方便了许多，申请的社区还在增加。</p>"
                         for n in range(1, 4))
    page = _page("<title>北市老舊公寓電梯補助加碼</title><meta property='article:modified_time' content='2024-03-05T16:59:00+08:00'>",
                 "<h1>北市老舊公寓電梯補助加碼</h1><div class='info'><time>2024-03-05 14:32</time> "
                 "<span>聯興報／ 記者<a href='/reporter/w'>王曉明</a>／台北即時報導</span></div>"
                 f"<div class='content'>{paragraphs}</div>"
                 "<div class='latest'><h3><a href='/s/1'>高鐵加開疏運列車</a></h3><time>2024-03-05 16:59</time></div>")
    meta = cleanpage.clean(page).metadata
    assert meta.published == "2024-03-05T14:32"
    assert (meta.author, meta.source) == ("王曉明", "聯興報")  # the outlet printed before its reporter


def test_a_bracketed_byline_opening_the_first_paragraph_names_the_reporter_a_photo_credit_does_not() -> None:
    page = _page("<title>台中老眷村變身文創聚落</title>",
                 "<h1>台中老眷村變身文創聚落</h1><div class='date'>98/10/05 下午 02:32</div>"
                 "<p>【新港時報∕記者林雅婷∕台中報導】閒置多年的老眷村經過一年多整修，成為文創聚落，中秋連假首度對外開放。</p>"
                 f"<p class='pic'>老眷村保留紅磚牆與黑瓦。（記者陳大文攝）</p><div class='content'>{ARTICLE_TEXT}</div>")
    assert cleanpage.clean(page).metadata.author == "林雅婷"
    no_byline = page.replace("【新港時報∕記者林雅婷∕台中報導】", "")
    assert cleanpage.clean(no_byline).metadata.author is None  # the photographer is no author


def test_an_element_classed_author_holding_a_persons_name_alone_is_the_author() -> None:
    body = ("<h1>城市更新别丢了“烟火气”</h1><p class='author'>周若澜</p>"
            f"<div class='info'>2024年03月05日05:52 | 来源：民声日报</div><div class='content'>{ARTICLE_TEXT}</div>")
    assert cleanpage.clean(_page("<title>城市更新别丢了“烟火气”</title>", body)).metadata.author == "周若澜"
    desk = body.replace("<p class='author'>周若澜</p>", "<p class='author'>评论部</p>")
    assert cleanpage.clean(_page("<title>城市更新别丢了“烟火气”</title>", desk)).metadata.author is None


def test_a_year_alone_padded_to_the_first_of_january_is_no_date() -> None:
    from cleanpage.segment.htmlmeta import _shows_day

    tree = parse_html(_page("<title>t</title>", "<p>发布于2024年1月1日</p><p>© 2023 某某网</p>"))
    assert tree is not None
    assert _shows_day(tree, "2024-01-01")
    assert not _shows_day(tree, "2023-01-01")


def test_a_wechat_articles_account_is_its_source() -> None:
    head = ("<title>城西的田野</title><meta property='og:site_name' content='微信公众平台'>"
            "<meta name='author' content='沈一舟'>")
    body = ("<h1 id='activity-name'>城西的田野</h1><div id='meta_content'><span id='js_author_name'>沈一舟</span>"
            "<a href='javascript:void(0);' id='js_name'>运河边的田野</a></div>"
            f"<div id='js_content'>{ARTICLE_TEXT}</div>")
    assert cleanpage.clean(_page(head, body)).metadata.source == "运河边的田野"
    elsewhere = head.replace("微信公众平台", "某某网")  # the same markup on another site says nothing of the source
    assert cleanpage.clean(_page(elsewhere, body)).metadata.source is None


def test_an_unlabelled_outlet_beside_the_bylines_date_is_the_source_a_persons_name_is_not() -> None:
    body = ("<h1>海螺沟寻子一个月</h1><div class='article-sub'><span>原创</span> <span>南方都市报</span> "
            f"<span>2019-09-09 16:01:46</span></div><div class='content'>{ARTICLE_TEXT}</div>")
    meta = cleanpage.clean(_page("<title>海螺沟寻子一个月</title>", body)).metadata
    assert (meta.source, meta.published) == ("南方都市报", "2019-09-09T16:01")
    person = cleanpage.clean(_page("<title>海螺沟寻子一个月</title>", body.replace("南方都市报", "李明"))).metadata
    assert person.source is None


def test_a_title_tag_naming_only_the_channel_and_site_gives_way_to_the_heading_the_article_opens_with() -> None:
    body = ("<div class='nav'><a href='/'>首頁</a> <a href='/news'>最新消息</a></div>"
            "<div class='content'><h2>海岸保育署啟動「淨灘認養2.0」 113年號召百家企業守護海岸線</h2>"
            f"{ARTICLE_TEXT}</div>")
    document = cleanpage.clean(_page("<title>新聞稿-海岸環境保育署</title>", body))
    assert document.metadata.title == "海岸保育署啟動「淨灘認養2.0」 113年號召百家企業守護海岸線"
    assert not document.text.startswith("海岸保育署啟動")
    # a heading that holds the title (a marker glued before it) leaves the title as the tag says
    glued = cleanpage.clean(_page("<title>最不愁吃肉的国家：顿顿有肉吃_新闻网</title>",
                                  f"<div class='content'><h2>原创最不愁吃肉的国家：顿顿有肉吃</h2>{ARTICLE_TEXT}</div>"))
    assert glued.metadata.title == "最不愁吃肉的国家：顿顿有肉吃"


def test_a_day_and_time_shown_without_the_year_by_the_headline_dates_the_page_in_its_own_zone() -> None:
    tag = '<script type="application/ld+json">{"@type": "DiscussionForumPosting", "datePublished": "2024-03-12T13:14:05.421Z"}</script>'
    # the tag's UTC time is 21:14 in Taipei, which the page shows beside the board's name, without the year
    assert _published(tag, '<div class="meta">工作 · <time datetime="2024-03-12T13:14:05.421Z">3月12日 21:14</time></div>') \
        == "2024-03-12T21:14"
    # a day the tags do not date is no date at all (no year to give it)
    assert _published(tag, '<div class="meta">工作 · 3月15日 21:14</div>') == "2024-03-12T13:14"


def test_a_title_of_headline_channel_and_site_joined_by_bare_hyphens_loses_both() -> None:
    from cleanpage.segment.htmlmeta import split_title
    assert split_title("关于2024年端午节放假安排的公告-公司公告-温州嘉禾源食品有限公司") == \
        ("关于2024年端午节放假安排的公告", ["公司公告", "温州嘉禾源食品有限公司"])
    # a hyphen inside a word is no separator
    assert split_title("COVID-19疫苗接种指南-健康频道") == ("COVID-19疫苗接种指南", ["健康频道"])
    assert split_title("Self-driving cars-Tech") == ("Self-driving cars", ["Tech"])


def test_a_badge_printed_at_the_start_of_the_headline_is_no_part_of_the_title() -> None:
    head = ("<title>快讯｜南州港一季度集装箱吞吐量同比增长12.6% - 金石财经</title>"
            "<meta property='og:title' content='快讯｜南州港一季度集装箱吞吐量同比增长12.6%'>")
    page = (f"<html><head>{head}</head><body><h1 class='detail-title'><span class='flash-badge'>快讯</span>"
            "南州港一季度集装箱吞吐量同比增长12.6%</h1><p>金石财经4月12日电，南州港集团发布公告称，今年一季度完成集装箱"
            "吞吐量386.2万标准箱，同比增长12.6%。</p></body></html>")
    assert cleanpage.clean(page).metadata.title == "南州港一季度集装箱吞吐量同比增长12.6%"
    # a tag typed in the heading's own text stays
    typed = page.replace("<span class='flash-badge'>快讯</span>", "【快讯】").replace("快讯｜", "【快讯】")
    assert cleanpage.clean(typed).metadata.title == "【快讯】南州港一季度集装箱吞吐量同比增长12.6%"


def test_a_blogs_posted_line_after_the_article_gives_its_writer_and_time_but_a_quoted_one_does_not() -> None:
    article = "".join(f"<p>{text}</p>" for text in (
        "早上七點出門，搭嵐電到嵐山站，一出站就是滿滿的人潮，渡月橋上擠得走不動。",
        "竹林小徑在天龍寺後面，建議早一點去，人少的時候才拍得到那種很安靜的感覺。",
        "下午搭嵯峨野小火車到龜岡，沿途的楓葉正紅，保津川的水是很漂亮的碧綠色。"))
    posted = '<div class="posted">maplecat 發表於 2008-11-28 23:41 | <a href="#replies">回應(24)</a> | 分類：2008 京都</div>'
    comments = '<div class="replies"><div class="reply">路人甲 發表於 2008-11-29 08:10<p>好美！</p></div></div>'
    page = (f"<html><body><div class='date'>2008-11-28</div><h1>京都賞楓四日遊（三）嵐山</h1>"
            f"<div class='article'>{article}</div>{{posted}}{comments}</body></html>")
    doc = cleanpage.clean(page.format(posted=posted))
    assert (doc.metadata.author, doc.metadata.published) == ("maplecat", "2008-11-28T23:41")
    quoted = f'<div class="quote"><blockquote>{posted.replace("div", "span")}</blockquote></div>'
    assert cleanpage.clean(page.format(posted=quoted)).metadata.author is None



def test_a_title_opening_on_the_sites_name_gives_the_part_the_page_shows_as_the_topic() -> None:
    body = "<p>" + "小弟跟同事四個人抽到了四月中的排雲山莊床位，預計兩天一夜走玉山主峰。" * 4 + "</p>"
    phpbb = ("<html><head><title>鋼彈模型同好會 :: 檢視主題 - [心得] 第一次用噴筆上色，踩雷紀錄（附器材）</title></head><body>"
             "<span class='maintitle'>鋼彈模型同好會</span><a class='maintitle' href='viewtopic.php?t=1'>[心得] 第一次用噴筆上色，踩雷紀錄（附器材）</a>"
             f"{body}</body></html>")
    assert cleanpage.clean(phpbb).metadata.title == "[心得] 第一次用噴筆上色，踩雷紀錄（附器材）"
    snitz = ("<html><head><title>山友驛站 登山論壇 - [請教] 第一次爬玉山主峰，裝備和行程請大家給意見</title></head><body>"
             "<table><tr><td><b>[請教] 第一次爬玉山主峰，裝備和行程請大家給意見</b></td></tr></table>" f"{body}</body></html>")
    assert cleanpage.clean(snitz).metadata.title == "[請教] 第一次爬玉山主峰，裝備和行程請大家給意見"
    vb2 = ("<html><head><title>色影无忌 - 风光摄影 - [风光] 霞浦滩涂，第一次用中灰渐变镜</title></head><body>"
           "<table><tr><td><b>主题: [风光] 霞浦滩涂，第一次用中灰渐变镜</b></td></tr></table>" f"{body}</body></html>")
    assert cleanpage.clean(vb2).metadata.title == "[风光] 霞浦滩涂，第一次用中灰渐变镜"  # shown after its label



def test_an_outlet_after_the_writers_and_an_english_source_label_are_the_source() -> None:
    byline = '<div class="byline">By Alicia Brandt and Tom Kessler, The Riverton Gazette</div>'
    doc = _english(byline=byline)
    assert (doc.metadata.author, doc.metadata.source) == ("Alicia Brandt and Tom Kessler", "The Riverton Gazette")
    barred = _english(byline='<p class="byline">By <span class="fn">Ruth Ellerby</span> | Dunmere Sentinel</p>')
    assert (barred.metadata.author, barred.metadata.source) == ("Ruth Ellerby", "Dunmere Sentinel")
    info = '<div class="info">Source: Jinghai Daily\u3000Author: Zhou Yifan\u3000Editor: Wang Li\u30002024-05-16 18:47</div>'
    assert _english(byline=info.replace("\\u3000", "\u3000")).metadata.source == "Jinghai Daily"
    provided = '<div class="provider">News provided by <strong><a href="/news/lumenfield/">Lumenfield Robotics</a></strong></div>'
    doc = _english('<meta name="author" content="Lumenfield Robotics">', byline=provided)
    assert (doc.metadata.source, doc.metadata.author) == ("Lumenfield Robotics", None)


def test_a_credit_on_its_own_line_under_the_last_paragraph_names_the_reporter_not_the_intern_nor_a_picture_source() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in (
        "记者在现场看到，献血的人群中有学生、公交司机、退休工人，也有专程从郊县赶来的农民。",
        "市中心血站负责人提醒，目前库存血液已能满足需要，市民可以通过电话预约，错峰献血，避免长时间排队。"))
    page = ("<html><body><h1>市民冒雨排长队献血</h1><div class='info'>2008年05月20日09:15</div>"
            f"<div class='content'><p>图片来源：网络</p>{paragraphs}<p>（记者 陶然 实习生 孔丽）</p></div></body></html>")
    doc = cleanpage.clean(page)
    assert (doc.metadata.author, doc.metadata.source) == ("陶然", None)


def test_the_date_printed_before_an_update_label_is_the_publication_not_the_utc_tag() -> None:
    # 2024/03/05 07:30 更新于 2024/03/05 19:48 under the headline, article:published_time 2024-03-04T23:30:00Z
    page = Path(__file__).parents[1] / "fixtures/html/articles9/zhuoguan-paywall-teaser-daodu-update-time-chuneng/page.html"
    assert cleanpage.clean(page.read_bytes()).metadata.published == "2024-03-05T07:30"


def test_a_date_split_over_elements_of_its_own_is_read_as_a_browser_shows_it() -> None:
    header = ("<div class='header-time'><span class='year'><em> 2024</em></span><span class='day'><em> 03</em>/<em>05</em>"
              "</span><span class='time'> 21:14:37</span></div>")
    page = _page("<title>农村公路建设提速</title>", f"<div class='head'>{header}<h1>农村公路建设提速</h1></div>{ARTICLE_TEXT}")
    assert cleanpage.clean(page).metadata.published == "2024-03-05T21:14"


def _wire_story(ld: str, dateline: str) -> cleanpage.Document:
    return _english(f'<script type="application/ld+json">{{"@type": "NewsArticle", {ld}}}</script>',
                    byline=f"<p>{dateline} Lawmakers agreed on Tuesday to fund the replacement of lead pipes in older cities.</p>")


def test_a_json_ld_provider_other_than_the_publisher_is_the_source() -> None:
    syndicated = _wire_story('"publisher": {"name": "Horizon News"}, "provider": {"@type": "Organization", "name": "Pinecrest Wire"}', "")
    assert syndicated.metadata.source == "Pinecrest Wire"
    own = _wire_story('"publisher": {"name": "Horizon News"}', "")
    assert own.metadata.source is None


def test_a_wire_datelines_initials_name_the_organisation_the_page_spells_out() -> None:
    wire = _wire_story('"publisher": {"@type": "Organization", "name": "Northstar Press"}', "WASHINGTON (NP) —")
    assert wire.metadata.source == "Northstar Press"
    assert wire.metadata.extra["provenance"]["source"]["rule"] == "wire dateline initials"
    unknown = _wire_story('"publisher": {"@type": "Organization", "name": "Northstar Press"}', "WASHINGTON (AP) —")
    assert unknown.metadata.source is None


def test_a_date_label_after_another_events_word_is_not_the_pages_date() -> None:
    card = "<div class='userinfo'>注册时间: 2019-05-02</div><div class='posted'>发表于 2023-03-18 22:14</div>"
    page = _page("<title>新版输入法候选框不跟随光标</title>", f"<h1>新版输入法候选框不跟随光标</h1>{card}{ARTICLE_TEXT}")
    assert cleanpage.clean(page).metadata.published == "2023-03-18T22:14"
    started = "<div class='thread-meta'>开始日期 2023-03-02</div>"
    page = _page("<title>家用 NAS 硬盘怎么选</title>", f"<h1>家用 NAS 硬盘怎么选</h1>{started}{ARTICLE_TEXT}")
    assert cleanpage.clean(page).metadata.published == "2023-03-02"


def test_an_upload_date_by_the_headline_is_the_published_date() -> None:
    facts = "<div class='doc-info'><span>上传人：lx****2020</span><span>上传于：2021-01-18</span><span>格式：DOCX</span></div>"
    page = _page("<title>柳溪社区2020年度垃圾分类工作总结</title>", f"<h1>柳溪社区2020年度垃圾分类工作总结</h1>{facts}{ARTICLE_TEXT}")
    assert cleanpage.clean(page).metadata.published == "2021-01-18"


def test_a_headline_after_the_sites_name_in_the_title_shown_as_a_heading_is_the_title() -> None:
    page = _page("<title>临川日报数字报-刷脸进门 扫码缴费 线上议事</title>",
                 "<table><tr><td class='logo'>临川日报数字报</td></tr><tr><td class='zhuti'><founder-title>刷脸进门 扫码缴费 线上议事"
                 f"</founder-title></td></tr></table><p>本报记者 韩冰</p>{ARTICLE_TEXT}")
    assert cleanpage.clean(page).metadata.title == "刷脸进门 扫码缴费 线上议事"
    suffixed = _page("<title>刷脸进门 扫码缴费 线上议事_临川日报</title>", f"<h1>临川日报</h1><h2>刷脸进门 扫码缴费 线上议事</h2>{ARTICLE_TEXT}")
    assert cleanpage.clean(suffixed).metadata.title == "刷脸进门 扫码缴费 线上议事"
