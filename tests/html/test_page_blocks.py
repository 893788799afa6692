"""segment.page_blocks: the whole page as typed blocks (paragraphs, headings, table rows, code lines, images)."""

from __future__ import annotations

import pytest

from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import PageBlock, clean_text, segment_page


def _blocks(body: str) -> list[PageBlock]:
    tree = parse_html(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>测试页面</title></head><body>{body}</body></html>")
    assert tree is not None
    return segment_page(tree)


def _texts(body: str) -> list[str]:
    return [block.text for block in _blocks(body)]


# -- block boundaries ------------------------------------------------------------------------------

def test_br_splits_a_paragraph_into_blocks_owned_by_the_paragraph() -> None:
    blocks = _blocks("<p>各位网友：<br>本站将于今晚十点进行系统维护。<br/>维护期间暂停访问，敬请谅解。</p>")
    assert [b.text for b in blocks] == ["各位网友：", "本站将于今晚十点进行系统维护。", "维护期间暂停访问，敬请谅解。"]
    assert [b.kind for b in blocks] == ["paragraph"] * 3
    assert [b.element.tag for b in blocks] == ["p", "p", "p"]


def test_consecutive_brs_make_no_empty_blocks() -> None:
    assert _texts("<div>第一行<br><br><br>第二行</div>") == ["第一行", "第二行"]


def test_inline_tags_stay_inside_the_block() -> None:
    blocks = _blocks('<p>据<span class="src">新华社</span>报道，<b>国务院</b>近日印发<a href="/doc/1.html">《通知》</a>，'
                     '<font color="red">要求</font>各地<em>加强</em>管理。</p>')
    assert len(blocks) == 1
    assert blocks[0].text == "据新华社报道，国务院近日印发《通知》，要求各地加强管理。"
    assert blocks[0].links == [("《通知》", "/doc/1.html")]
    assert blocks[0].link_chars == 4


def test_inline_tags_in_english_keep_their_spaces() -> None:
    blocks = _blocks('<p>The <strong>quick</strong> brown\n   <a href="/fox">fox</a> jumps over the <i>lazy</i> dog.</p>')
    assert [b.text for b in blocks] == ["The quick brown fox jumps over the lazy dog."]
    assert blocks[0].link_chars == 3


def test_unknown_tags_are_inline() -> None:
    assert _texts("<p>今天<custom-tag>自定义</custom-tag>标签<o:p></o:p>不断行。</p>") == ["今天自定义标签不断行。"]


def test_block_elements_split_and_the_text_after_a_nested_block_returns_to_its_parent() -> None:
    blocks = _blocks("<div>导语部分<p>第一段正文。</p>尾随文字</div>")
    assert [(b.text, b.element.tag) for b in blocks] == [("导语部分", "div"), ("第一段正文。", "p"), ("尾随文字", "div")]


def test_scripts_styles_and_form_controls_are_not_text() -> None:
    body = ('<p>正文开始。</p><script>var msg = "脚本文字";</script><style>.a{color:red}</style>'
            '<noscript>请启用脚本</noscript><select><option>选项一</option></select><textarea>输入框</textarea>'
            '<p>正文结束。</p>')
    assert _texts(body) == ["正文开始。", "请启用脚本", "正文结束。"]  # <noscript> is what a browser without scripts shows


# -- kinds and levels --------------------------------------------------------------------------------

def test_headings_carry_their_level() -> None:
    blocks = _blocks("<h1>一级标题</h1><h2>二级标题</h2><h3>三级标题</h3><h6>六级标题</h6><p>正文。</p>")
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "一级标题"), ("heading", 2, "二级标题"), ("heading", 3, "三级标题"), ("heading", 6, "六级标题"),
        ("paragraph", None, "正文。"),
    ]


def test_a_block_inside_a_heading_is_the_heading_with_its_level() -> None:
    blocks = _blocks('<h2 class="title"><div>稳就业<span>新举措</span></div></h2><p>正文。</p>')
    assert [(b.kind, b.level, b.text) for b in blocks] == [("heading", 2, "稳就业新举措"), ("paragraph", None, "正文。")]


def test_list_items_and_quotes_and_what_they_contain() -> None:
    blocks = _blocks("<ul><li>第一项</li><li><p>第二项的段落</p></li></ul>"
                     "<blockquote><p>引用的第一段。</p><p>引用的第二段。</p></blockquote>"
                     "<figure><img src='/a.jpg' alt='配图'><figcaption>图为会议现场。</figcaption></figure>")
    assert [(b.kind, b.text) for b in blocks] == [
        ("list_item", "第一项"), ("list_item", "第二项的段落"),
        ("quote", "引用的第一段。"), ("quote", "引用的第二段。"),
        ("image", "配图"), ("caption", "图为会议现场。"),
    ]


# -- tables --------------------------------------------------------------------------------------------

def test_a_data_table_gives_one_table_row_per_row_with_cells() -> None:
    blocks = _blocks('<p>各地报名情况如下：</p><table class="data"><thead><tr><th>地区</th><th>人数</th><th>链接</th></tr></thead>'
                     '<tbody><tr><td>北京</td><td>1,200</td><td><a href="/bj">详情</a></td></tr>'
                     '<tr><td>上海</td><td>980</td><td><a href="/sh">详情</a></td></tr></tbody></table>')
    assert blocks[0].kind == "paragraph"
    rows = blocks[1:]
    assert [b.kind for b in rows] == ["table_row"] * 3
    assert [b.cells for b in rows] == [["地区", "人数", "链接"], ["北京", "1,200", "详情"], ["上海", "980", "详情"]]
    assert [b.text for b in rows] == ["地区 人数 链接", "北京 1,200 详情", "上海 980 详情"]
    assert rows[1].links == [("详情", "/bj")]
    assert rows[1].link_chars == 2
    assert all(b.element.tag == "tr" for b in rows)
    table = rows[0].group
    assert table is not None and table.tag == "table"
    assert all(b.group is table for b in rows)


def test_two_data_tables_are_two_groups() -> None:
    rows = _blocks("<table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table>"
                   "<table><tr><td>丙</td><td>3</td></tr><tr><td>丁</td><td>4</td></tr></table>")
    assert [b.kind for b in rows] == ["table_row"] * 4
    assert rows[0].group is rows[1].group
    assert rows[2].group is rows[3].group
    assert rows[0].group is not rows[2].group


def test_a_layout_table_with_a_nested_table_gives_paragraphs() -> None:
    blocks = _blocks('<table width="960"><tr><td class="left"><table><tr><td>栏目导航</td></tr></table></td>'
                     '<td class="main">记者从市教育局获悉，今年中考将于六月下旬举行。</td></tr>'
                     '<tr><td>版权所有</td><td>联系我们</td></tr></table>')
    assert "table_row" not in {b.kind for b in blocks}
    assert [b.text for b in blocks] == ["栏目导航", "记者从市教育局获悉，今年中考将于六月下旬举行。", "版权所有", "联系我们"]
    assert all(b.cells is None and b.group is None for b in blocks)


def test_a_layout_table_with_paragraphs_in_its_cells_gives_paragraphs() -> None:
    blocks = _blocks("<table><tr><td><p>第一段正文，介绍会议的背景。</p><p>第二段正文，介绍会议的内容。</p></td>"
                     "<td>右侧栏</td></tr><tr><td>底部</td><td>备案号</td></tr></table>")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "第一段正文，介绍会议的背景。"), ("paragraph", "第二段正文，介绍会议的内容。"),
        ("paragraph", "右侧栏"), ("paragraph", "底部"), ("paragraph", "备案号"),
    ]


def test_a_layout_table_with_a_long_cell_gives_paragraphs() -> None:
    long_text = "本市今年将新建和改扩建中小学幼儿园三十所，新增学位两万个。" * 12  # well over 300 characters
    blocks = _blocks(f"<table><tr><td>日期</td><td>{long_text}</td></tr><tr><td>来源</td><td>市教委</td></tr></table>")
    assert [b.kind for b in blocks] == ["paragraph"] * 4
    assert blocks[1].text == long_text


def test_a_single_row_table_is_layout() -> None:
    blocks = _blocks("<table><tr><td>首页</td><td>新闻</td><td>图片</td></tr></table>")
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "首页"), ("paragraph", "新闻"), ("paragraph", "图片")]


# -- code ----------------------------------------------------------------------------------------------

def test_pre_gives_one_code_block_per_line_grouped_by_the_pre() -> None:
    blocks = _blocks("<p>示例代码如下：</p><pre>\ndef greet(name):\n    print(f\"你好，{name}\")\n\n"
                     "greet(\"世界\")\n</pre><p>运行即可。</p>")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "示例代码如下："),
        ("code", "def greet(name):"), ("code", '    print(f"你好，{name}")'), ("code", 'greet("世界")'),
        ("paragraph", "运行即可。"),
    ]
    code = blocks[1:4]
    pre = code[0].group
    assert pre is not None and pre.tag == "pre"
    assert all(b.group is pre and b.element is pre for b in code)


def test_two_pre_elements_are_two_groups_and_inline_markup_in_pre_is_kept_as_text() -> None:
    blocks = _blocks('<pre><span class="kw">import</span> os</pre><pre>x = 1<br>y = 2</pre>')
    assert [(b.kind, b.text) for b in blocks] == [("code", "import os"), ("code", "x = 1"), ("code", "y = 2")]
    assert blocks[0].group is not blocks[1].group
    assert blocks[1].group is blocks[2].group


def test_a_div_named_for_code_whose_lines_break_at_br_is_code_and_a_named_box_of_blocks_is_not() -> None:
    blocks = _blocks("<div class='codemain'>use strict;<br>&nbsp;&nbsp;foreach my $f (@files) {<br>print $f;<br>}</div>")
    assert [(b.kind, b.text.strip()) for b in blocks] == [
        ("code", "use strict;"), ("code", "foreach my $f (@files) {"), ("code", "print $f;"), ("code", "}")]
    boxed = _blocks("<div class='code'><p>扫码关注</p><br><p>领取优惠</p></div>")
    assert {b.kind for b in boxed} == {"paragraph"}


# -- hidden and empty ------------------------------------------------------------------------------------

def test_hidden_elements_are_skipped_but_the_text_after_them_stays() -> None:
    body = ('<p hidden>隐藏属性的段落</p><div style="display: none">不显示的层</div>'
            '<div style="color:red; VISIBILITY:hidden">看不见的层</div>'
            '<p>前半句<span style="display:none">隐藏的字</span>后半句。</p>')
    assert _texts(body) == ["前半句后半句。"]


def test_hidden_table_cells_are_not_cells() -> None:
    rows = _blocks('<table><tr><td>名称</td><td style="display:none">内部编号</td><td>数量</td></tr>'
                   '<tr><td>苹果</td><td style="display:none">A-001</td><td>3</td></tr></table>')
    assert [b.cells for b in rows] == [["名称", "数量"], ["苹果", "3"]]


def test_nbsp_and_ideographic_space_alone_are_no_block() -> None:
    assert _texts("<p>&nbsp;&nbsp;&nbsp;</p><p>\u3000\u3000</p><div> \n\t </div><p>&nbsp;<span>&nbsp;</span></p><p>有字</p>") == [
        "有字"]


def test_ideographic_indent_stays_for_the_repairs_and_source_wrapping_collapses() -> None:
    blocks = _blocks("<p>\u3000\u3000今天天气很好，\n      我们去公园散步。</p>")
    assert blocks[0].text == "\u3000\u3000今天天气很好， 我们去公园散步。"
    assert clean_text("  a \n\t b  ") == "a b"


# -- images --------------------------------------------------------------------------------------------

def test_an_image_with_src_is_an_image_block_with_its_alt_text() -> None:
    blocks = _blocks('<p>会议现场：</p><p><img src=" https://img.example.com/2023/0601.jpg " alt="会议现场 照片" width="600"></p>')
    assert [(b.kind, b.text, b.src) for b in blocks] == [
        ("paragraph", "会议现场：", None), ("image", "会议现场 照片", "https://img.example.com/2023/0601.jpg")]
    assert blocks[1].element.tag == "img"
    assert blocks[1].chars == 6 and blocks[1].link_density == 0.0


def test_tiny_images_and_images_without_source_are_not_blocks() -> None:
    body = ('<img src="/static/icon_new.gif" width="16" height="16" alt="新">'
            '<img src="/static/dot.gif" height="1px">'
            '<img alt="没有地址">'
            '<img src="   " alt="空地址">'
            '<img data-src="/lazy/photo.jpg" alt="懒加载">'
            '<img src="/big.jpg">')
    blocks = _blocks(body)
    assert [(b.kind, b.text, b.src) for b in blocks] == [("image", "懒加载", "/lazy/photo.jpg"), ("image", "", "/big.jpg")]


def test_an_image_inside_a_paragraph_splits_the_text_around_it() -> None:
    blocks = _blocks('<p>上文<img src="/a.png" alt="示意图">下文</p>')
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "上文"), ("image", "示意图"), ("paragraph", "下文")]


# -- links -----------------------------------------------------------------------------------------------

def test_link_chars_and_density() -> None:
    blocks = _blocks('<p><a href="/news/1.html">相关阅读</a>：这是一段说明文字</p>'
                     '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></div>'
                     '<p><a href="/more">更多新闻请点击这里</a></p>'
                     '<p>没有任何链接的一段文字。</p>'
                     '<p><button>提交评论</button></p>')
    first, nav, all_link, plain, button = blocks
    assert (first.link_chars, first.chars) == (4, 13)
    assert first.link_density == pytest.approx(4 / 13)
    assert (nav.link_chars, nav.chars) == (4, 5)
    assert nav.link_density == pytest.approx(0.8)
    assert nav.links == [("首页", "/"), ("新闻", "/news")]
    assert all_link.link_density == 1.0
    assert (plain.link_chars, plain.link_density) == (0, 0.0)
    assert button.link_density == 1.0 and button.links == []


def test_an_anchor_without_href_is_link_text_but_no_link() -> None:
    blocks = _blocks('<p><a name="top">锚点</a>正文</p>')
    assert blocks[0].links == []
    assert blocks[0].link_chars == 2


# -- whole pages -----------------------------------------------------------------------------------------

ASPNET_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>关于开展安全生产检查的通知</title></head>
<body>
<form name="form1" method="post" action="./ShowArticle.aspx?id=1024" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkY2xhc3M=" />
</div>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr><td class="top"><a href="Default.aspx">网站首页</a> <a href="List.aspx?c=1">通知公告</a></td></tr>
  <tr><td class="content">
    <div id="lblTitle"><h2>关于开展安全生产检查的通知</h2></div>
    <div id="lblContent">
      <p>各有关单位：</p>
      <p>为切实做好节日期间安全生产工作，经研究，决定在全区范围内开展安全生产大检查。</p>
    </div>
    <span id="lblDate">发布时间：2019-12-20</span>
  </td></tr>
</table>
<input type="submit" name="btnSearch" value="搜索" />
</form>
</body></html>"""


def test_a_form_wrapping_the_whole_page_still_yields_its_text() -> None:
    tree = parse_html(ASPNET_PAGE)
    assert tree is not None
    blocks = segment_page(tree)
    assert [b.text for b in blocks] == [
        "网站首页 通知公告", "关于开展安全生产检查的通知", "各有关单位：",
        "为切实做好节日期间安全生产工作，经研究，决定在全区范围内开展安全生产大检查。", "发布时间：2019-12-20",
    ]
    assert blocks[1].kind == "heading" and blocks[1].level == 2
    assert not any("VIEWSTATE" in b.text or "wEPDw" in b.text for b in blocks)


def test_segmentation_starts_at_body_and_skips_the_head() -> None:
    tree = parse_html("<html><head><title>页面标题</title><meta name='keywords' content='关键词'></head>"
                      "<body><p>正文</p></body></html>")
    assert tree is not None
    assert [b.text for b in segment_page(tree)] == ["正文"]


# -- known bugs ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "text"), [
    ('<p><a href="/n"><b>要闻</b>：央行发布报告</a></p>', "要闻：央行发布报告"),
    ('<ul><li><a href="/news/1.html"><span class="date">[06-01]</span>国务院部署稳就业工作</a></li></ul>',
     "[06-01]国务院部署稳就业工作"),
    ('<p><a href="/news/2.html"><img src="/icon.gif" width="10">多地出台促消费新举措</a></p>', "多地出台促消费新举措"),
], ids=["bold-prefix", "date-span", "icon-image"])
def test_all_text_inside_a_link_is_link_text(body: str, text: str) -> None:
    (block,) = _blocks(body)
    assert block.text == text
    assert block.link_density == 1.0


def test_a_link_wrapping_a_block_belongs_to_that_block() -> None:
    blocks = _blocks('<div>来源：<a href="/news/1.html"><h3>国务院部署稳就业工作</h3></a></div>')
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "来源："), ("heading", "国务院部署稳就业工作")]
    assert blocks[0].links == []
    assert blocks[1].links == [("国务院部署稳就业工作", "/news/1.html")]


def test_a_hidden_link_in_a_data_row_is_not_link_text() -> None:
    rows = _blocks('<table><tr><td>张三<a href="/edit?id=1" style="display:none">编辑此条记录</a></td><td>1</td></tr>'
                   '<tr><td>李四</td><td>2</td></tr></table>')
    assert rows[0].text == "张三 1"
    assert rows[0].link_chars == 0
    assert rows[0].links == []


def test_squeezed_drops_exactly_the_regex_whitespace() -> None:
    """``squeezed`` stands for ``re.sub(r"\\s+", "", text)``: ``str.split`` must split at the same characters."""
    import re

    from cleanpage.segment.page_blocks import squeezed

    space = re.compile(r"\s")
    assert all(bool(space.match(chr(code))) == chr(code).isspace() for code in range(0x110000))
    assert squeezed(" 一\u3000二\u00a0三\n four\x1c ") == "一二三four"
