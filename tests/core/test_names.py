from __future__ import annotations

import pytest

from cleanpage.names import is_latin_outlet, joined_names, parse_count, parse_names, person_names, says_unknown


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("张三", ["张三"]),
        ("宋怡 杨志华", ["宋怡", "杨志华"]),
        ("本报记者 张三 李四", ["张三", "李四"]),
        ("姚立伟_NT6056", ["姚立伟"]),
        ("赵 培", ["赵培"]),
        ("张三、李四", ["张三", "李四"]),
        ("阿卜杜·热合曼", ["阿卜杜·热合曼"]),
        ("Joel Spolsky", ["Joel Spolsky"]),
        ("佚名", []),
        ("网络整理", []),
    ],
)
def test_names(value: str, names: list[str]) -> None:
    assert parse_names(value) == names


@pytest.mark.parametrize("value", ["您如何看待这一政策的长期影响？", "这是一个很长的句子，说明了很多问题。", "他说：“好”"])
def test_sentences_are_not_names(value: str) -> None:
    assert parse_names(value) is None


@pytest.mark.parametrize(
    ("value", "count"),
    [("4704", (4704, False)), ("1.2万", (12000, False)), ("10万+", (100000, True)), ("2,168", (2168, False)),
     ("１２３", (123, False)), ("3w", (30000, False)), ("56次", (56, False))],
)
def test_counts(value: str, count: tuple[int, bool]) -> None:
    assert parse_count(value) == count


def test_not_a_count() -> None:
    assert parse_count("很多") is None


def test_a_writers_department_and_professional_title_are_not_part_of_the_name() -> None:
    assert parse_names("心臟血管外科 陳志明醫師") == ["陳志明"]
    assert parse_names("营养科 王丽营养师") == ["王丽"]
    assert parse_names("张教授") == ["张教授"]  # a surname and a title alone: nothing to cut to
    assert parse_names("李科") == ["李科"]  # a two-character name ending in 科 is a name


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("By Staff Writer", ["Staff Writer"]),
        ("Von Robert -", ["Robert"]),
        ("Por Luciana Bertoia", ["Luciana Bertoia"]),
        ("Veröffentlicht vonChris Jung", ["Chris Jung"]),
        ("AuthorAndreas Kalt", ["Andreas Kalt"]),
        ("Nuño Domínguez", ["Nuño Domínguez"]),
        ("Verónica De Vita", ["Verónica De Vita"]),
        ("Sarah Hinger; Sylvia Torres-Guillén", ["Sarah Hinger", "Sylvia Torres-Guillén"]),
        ("Lars Fischer und Alina Schadwinkel", ["Lars Fischer", "Alina Schadwinkel"]),
        ("AFP/The Local", ["AFP", "The Local"]),
        ("Byron Smith", ["Byron Smith"]),
        ("Super User", []),
    ],
)
def test_latin_bylines(value: str, names: list[str]) -> None:
    assert parse_names(value) == names


@pytest.mark.parametrize("value", ["By", "Posted on", "Afficher mon profil complet", "Alle Beiträge"])
def test_a_bylines_frame_alone_is_nobody(value: str) -> None:
    assert not parse_names(value)


def test_a_posters_location_and_the_buttons_beside_the_name_are_not_names() -> None:
    assert person_names("来自 贵州遵义") == []
    assert person_names("只看该作者") == []
    assert person_names("张三 来自 北京") == ["张三"]


def test_a_latin_name_in_brackets_is_the_writers_other_name() -> None:
    assert parse_names("周思博 (Joel Spolsky)") == ["周思博 (Joel Spolsky)"]  # one writer, as the byline prints them
    assert person_names("周思博（Joel Spolsky）") == ["周思博 (Joel Spolsky)"]
    assert parse_names("周思博 (Joel Spolsky) 张三") == ["周思博 (Joel Spolsky)", "张三"]


@pytest.mark.parametrize(("value", "names"), [("Autor:innen: Max Muster", ["Max Muster"]),
                                              ("Autor*innen Max Muster", ["Max Muster"]),
                                              ("Voir tous les articles", None), ("Ver perfil", None)])
def test_gender_inclusive_leads_and_archive_links_in_other_languages(value: str, names: list[str] | None) -> None:
    assert parse_names(value) == names


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Alexa von Heyden", ["Alexa von Heyden"]),
        ("Vincent van Gogh", ["Vincent van Gogh"]),
        ("Williams Perdomo @wperdomod", ["Williams Perdomo"]),
        ("Henning Lobin www.lobin.de", ["Henning Lobin"]),
        ("Christoph Hein Chefredakteur", ["Christoph Hein"]),
        ("von Mathilda Trausch, Online-Redaktion", ["Mathilda Trausch"]),
        ("Von Redaktion", ["Redaktion"]),  # a desk alone is the byline of a staff article
        ("jancak", ["jancak"]),  # a user name
        ("uncut-news.ch", ["uncut-news.ch"]),  # a site signing its own articles
    ],
)
def test_latin_name_particles_handles_addresses_and_roles(value: str, names: list[str]) -> None:
    assert parse_names(value) == names


@pytest.mark.parametrize("value", ["Anstelle einer Unterwerfung, ohne Engel", "Afficher mon profil complet"])
def test_words_in_lower_case_other_than_particles_make_no_name(value: str) -> None:
    assert not parse_names(value)


def test_a_poster_id_is_any_user_name_but_no_placeholder_button_location_or_label() -> None:
    from cleanpage.names import poster_id

    assert poster_id(" 中华门外看鹭 [胡同居民 等级5 积分2236]") == "中华门外看鹭"
    assert poster_id("ThE_PaiN 2005-05-07") == "ThE_PaiN"
    for value in ("匿名", "只看该作者", "来自 江苏", "时间：2012-03-04", "2012-03-04 12:13", "新华社", "12345", "游客", "回复"):
        assert poster_id(value) is None


def test_a_user_name_of_one_word_keeps_its_digits_underscores_and_points_but_not_in_a_han_byline() -> None:
    for value in ("ThE_PaiN", "Herr_Rein", "Isabella.DiBiase", "delta201"):
        assert parse_names(value) == [value]
    assert parse_names("2020") is None
    assert person_names("作者：abc123 张三") == ["张三"]  # beside Chinese names a code is no writer


def test_a_share_bar_glued_to_a_han_byline_is_no_name() -> None:
    assert parse_names("许文涛 微信 微博") == ["许文涛"]
    assert person_names("许文涛 微信 QQ空间") == ["许文涛"]
    assert parse_names("Line Hansen") == ["Line Hansen"]  # a Latin byline is not read for share buttons


def test_a_button_glued_to_a_han_byline_is_no_name() -> None:
    assert parse_names("秦野 我要评论") == ["秦野"]
    assert person_names("林一帆 评论(86)") == ["林一帆"]
    assert parse_names("秦野 打印") == ["秦野"]
    assert parse_names("程评论") == ["程评论"]  # a name holding the word is a name


@pytest.mark.parametrize(
    ("names", "printed", "joined"),
    [
        (["张明远", "李思琪"], "记者 张明远 李思琪", "张明远 李思琪"),
        (["Anna Whitfield", "Rohan Mehta"], "By Anna Whitfield and Rohan Mehta", "Anna Whitfield and Rohan Mehta"),
        (["Clara Löw", "Siddharth Prakash", "Klaus Jacob"], "CLARA LÖW, SIDDHARTH PRAKASH & KLAUS JACOB".title().replace("Ö", "ö"),
         "Clara Löw, Siddharth Prakash & Klaus Jacob"),
        (["Rob Picheta", "CNN"], "By Rob Picheta, CNN", "Rob Picheta, CNN"),
        (["Jane Doe", "John Roe"], "", "Jane Doe, John Roe"),  # nothing printed to follow: a comma
    ],
)
def test_joined_names_follow_the_printed_byline(names: list[str], printed: str, joined: str) -> None:
    assert joined_names(names, printed) == joined


def test_only_a_value_saying_unknown_is_unknown() -> None:
    assert says_unknown("未知") and says_unknown("Unknown") and says_unknown("暂无")
    assert not says_unknown("本站原创") and not says_unknown("网络")


def test_a_latin_outlet_is_told_from_a_person() -> None:
    assert is_latin_outlet("The Riverton Gazette") and is_latin_outlet("Jinghai Daily") and is_latin_outlet("Boston Herald")
    assert not is_latin_outlet("Tom Kessler") and not is_latin_outlet("Gazette") and not is_latin_outlet("南方日报")


def test_a_label_is_no_name_and_ends_the_names_before_it() -> None:
    assert parse_names("苏木，原文标题") == ["苏木"]  # 作者：苏木，原文标题：《…》
    assert person_names("苏木，原文标题") == ["苏木"]
    assert person_names("刘晓阳 校对 李铭") == ["刘晓阳"]
    assert person_names("回复 查看") == []
    assert person_names("文/张三") == ["张三"]  # a one-character label is part of the byline's frame


def test_an_outlet_before_its_reporters_name_is_no_name() -> None:
    assert parse_names("观澜网 王立") == ["王立"]  # 【文/观澜网 王立】
    assert person_names("人民日报 李明") == ["李明"]
    assert parse_names("张建社") == ["张建社"]  # 社 ends people's names too
