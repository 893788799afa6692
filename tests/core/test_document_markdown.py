"""Document.to_markdown and Document.text over structured blocks; Config.links / Config.images; the pipeline's
image and post assembly."""

from __future__ import annotations

import cleanpage
from cleanpage import Config
from cleanpage.document import Block, Document, Metadata, Post, Removal
from cleanpage.pipeline import _posts_text, _with_images

TABLE = "/html/body/div/table"
PRE = "/html/body/div/pre"


def _doc(*blocks: Block, title: str | None = None, **flags: bool) -> Document:
    return Document(list(blocks), Metadata(title=title), kind="html", **flags)


# -- Markdown ------------------------------------------------------------------------------------------

def test_markdown_headings_by_level() -> None:
    doc = _doc(Block("正文标题", "heading", 0, level=1), Block("第一节", "heading", 1, level=3),
               Block("无级别", "heading", 2), Block("最深", "heading", 3, level=6), title="页面标题")
    assert doc.to_markdown() == "# 页面标题\n\n## 正文标题\n\n### 第一节\n\n## 无级别\n\n###### 最深\n"


def test_markdown_list_items_quotes_and_paragraphs() -> None:
    doc = _doc(Block("第一段。", "paragraph"), Block("第一项", "list_item"), Block("第二项", "list_item"),
               Block("引用的话。", "quote"), Block("说明文字", "caption"))
    assert doc.to_markdown() == "第一段。\n\n- 第一项\n\n- 第二项\n\n> 引用的话。\n\n说明文字\n"


def test_markdown_pipe_table_from_the_rows_of_one_group() -> None:
    doc = _doc(Block("各地报名情况如下：", "paragraph", 0),
               Block("地区 人数", "table_row", 1, cells=["地区", "人数"], group=TABLE),
               Block("北京 1,200", "table_row", 2, cells=["北京", "1,200"], group=TABLE),
               Block("上海 980", "table_row", 3, cells=["上海", "980"], group=TABLE),
               Block("以上数据截至六月底。", "paragraph", 4))
    assert doc.to_markdown() == ("各地报名情况如下：\n\n"
                                 "| 地区 | 人数 |\n|---|---|\n| 北京 | 1,200 |\n| 上海 | 980 |\n\n"
                                 "以上数据截至六月底。\n")


def test_markdown_table_pads_short_rows_and_escapes_pipes() -> None:
    doc = _doc(Block("a", "table_row", cells=["选项", "说明", "默认"], group=TABLE),
               Block("b", "table_row", cells=["--mode", "a|b"], group=TABLE))
    assert doc.to_markdown() == "| 选项 | 说明 | 默认 |\n|---|---|---|\n| --mode | a\\|b |  |\n"


def test_markdown_two_tables_are_two_tables_and_a_row_without_group_is_a_line() -> None:
    doc = _doc(Block("甲 1", "table_row", cells=["甲", "1"], group=TABLE),
               Block("乙 2", "table_row", cells=["乙", "2"], group=TABLE + "[2]"),
               Block("丙 3", "table_row", cells=["丙", "3"]))
    assert doc.to_markdown() == "| 甲 | 1 |\n|---|---|\n\n| 乙 | 2 |\n|---|---|\n\n丙 3\n"


def test_markdown_fenced_code_from_the_lines_of_one_pre() -> None:
    doc = _doc(Block("示例代码如下：", "paragraph"),
               Block("def greet(name):", "code", group=PRE), Block('    print(f"你好，{name}")', "code", group=PRE),
               Block('greet("世界")', "code", group=PRE),
               Block("x = 1", "code", group=PRE + "[2]"),
               Block("single = True", "code"))
    assert doc.to_markdown() == ('示例代码如下：\n\n'
                                 '```\ndef greet(name):\n    print(f"你好，{name}")\ngreet("世界")\n```\n\n'
                                 '```\nx = 1\n```\n\n'
                                 '```\nsingle = True\n```\n')


def test_markdown_images_and_links() -> None:
    doc = _doc(Block("本文介绍如何使用 pandas 读取数据，详见官方文档。", "paragraph",
                     links=[("pandas", "https://pandas.pydata.org/"), ("官方文档", "https://pandas.pydata.org/docs/")]),
               Block("会议现场", "image", src="https://img.example.com/a.jpg"),
               Block("", "image", src="/b.png"),
               Block("返回顶部 打印本页", "paragraph", links=[("返回顶部", "#top"), ("打印本页", "javascript:print()")]),
               Block("相关链接", "list_item", links=[("相关链接", "/related")]))
    assert doc.to_markdown() == (
        "本文介绍如何使用 [pandas](https://pandas.pydata.org/) 读取数据，详见[官方文档](https://pandas.pydata.org/docs/)。\n\n"
        "![会议现场](https://img.example.com/a.jpg)\n\n"
        "![](/b.png)\n\n"
        "返回顶部 打印本页\n\n"
        "- [相关链接](/related)\n")


def test_markdown_of_an_empty_document_is_empty() -> None:
    assert _doc().to_markdown() == ""
    assert _doc(title="只有标题").to_markdown() == "# 只有标题\n"


def test_markdown_a_link_is_not_put_inside_an_earlier_link() -> None:
    doc = _doc(Block("更多内容请访问新闻中心或新闻频道", "paragraph",
                     links=[("新闻中心", "/news/center"), ("新闻", "/news")]))
    assert doc.to_markdown() == "更多内容请访问[新闻中心](/news/center)或[新闻](/news)频道\n"


def test_markdown_a_link_label_is_not_matched_inside_an_earlier_links_url() -> None:
    doc = _doc(Block("See the docs or visit python.org today.", "paragraph",
                     links=[("docs", "https://docs.python.org/3/"), ("python.org", "https://www.python.org/")]))
    assert doc.to_markdown() == ("See the [docs](https://docs.python.org/3/) or visit "
                                 "[python.org](https://www.python.org/) today.\n")


# -- Document.text ----------------------------------------------------------------------------------------

def _linked_doc(**flags: bool) -> Document:
    return _doc(Block("第一段，详见官方文档。", "paragraph", links=[("官方文档", "https://example.com/docs")]),
                Block("示意图", "image", src="https://img.example.com/a.jpg"),
                Block("第二段。", "paragraph"), **flags)


def test_text_excludes_images_and_link_targets_by_default() -> None:
    assert _linked_doc().text == "第一段，详见官方文档。\n第二段。"


def test_text_includes_link_targets_with_text_links() -> None:
    assert _linked_doc(text_links=True).text == "第一段，详见[官方文档](https://example.com/docs)。\n第二段。"


def test_text_includes_images_with_text_images() -> None:
    assert _linked_doc(text_images=True).text == "第一段，详见官方文档。\n![示意图](https://img.example.com/a.jpg)\n第二段。"


def test_markdown_always_has_images_and_links() -> None:
    assert _linked_doc().to_markdown() == ("第一段，详见[官方文档](https://example.com/docs)。\n\n"
                                           "![示意图](https://img.example.com/a.jpg)\n\n第二段。\n")


# -- through clean ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Python 数据处理入门 - 技术博客</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/blog">博客</a> <a href="/about">关于</a></div>
<div class="post-content">
<h1>Python 数据处理入门</h1>
<p>本文介绍如何使用 <a href="https://pandas.pydata.org/">pandas</a> 读取和清洗表格数据，适合刚接触数据分析的读者，示例代码都可以直接运行。</p>
<h3>准备工作</h3>
<p>首先需要安装依赖，推荐使用虚拟环境，避免和系统自带的 Python 包产生冲突，安装完成后再导入模块。</p>
<ul><li>安装 Python 3.10 或更高版本，并确认命令行可以运行。</li><li>使用 pip 安装 pandas 和 openpyxl 两个库。</li></ul>
<blockquote>提示：在公司网络环境下，可能需要先配置镜像源，否则下载速度会很慢。</blockquote>
<p><img src="https://img.example.com/pandas-logo.png" alt="pandas 标志" width="300"></p>
<p>下面的表格列出了常用的读取函数以及它们对应的文件格式，使用时按需选择即可，参数大多相同。</p>
<table class="data"><tr><th>函数</th><th>格式</th></tr><tr><td>read_csv</td><td>CSV 文件</td></tr><tr><td>read_excel</td><td>Excel 文件</td></tr></table>
<p>读取一个 CSV 文件只需要一行代码，返回的结果是一个 DataFrame 对象，可以继续筛选和统计。</p>
<pre>import pandas as pd
df = pd.read_csv("data.csv")
print(df.head())</pre>
<p>以上就是最基本的用法，更多内容可以参考官方文档，里面有大量的示例和详细的参数说明。</p>
</div>
<div class="footer"><p>© 2023 技术博客 <a href="/icp">京ICP备12345678号</a></p></div>
</body></html>"""


def test_clean_keeps_structure_in_blocks_and_markdown() -> None:
    doc = cleanpage.clean(PAGE)
    kinds = [block.kind for block in doc.blocks]
    assert kinds.count("table_row") == 3 and kinds.count("code") == 3 and kinds.count("list_item") == 2
    heading = next(block for block in doc.blocks if block.kind == "heading")
    assert (heading.text, heading.level) == ("准备工作", 3)
    rows = [block for block in doc.blocks if block.kind == "table_row"]
    assert [row.cells for row in rows] == [["函数", "格式"], ["read_csv", "CSV 文件"], ["read_excel", "Excel 文件"]]
    assert len({row.group for row in rows}) == 1 and rows[0].group is not None
    markdown = doc.to_markdown()
    assert markdown.startswith("# Python 数据处理入门\n\n")
    assert "\n\n### 准备工作\n\n" in markdown
    assert "\n\n- 安装 Python 3.10 或更高版本，并确认命令行可以运行。\n\n" in markdown
    assert "\n\n> 提示：在公司网络环境下，可能需要先配置镜像源，否则下载速度会很慢。\n\n" in markdown
    assert "\n\n| 函数 | 格式 |\n|---|---|\n| read_csv | CSV 文件 |\n| read_excel | Excel 文件 |\n\n" in markdown
    assert '\n\n```\nimport pandas as pd\ndf = pd.read_csv("data.csv")\nprint(df.head())\n```\n\n' in markdown
    assert "\n\n![pandas 标志](https://img.example.com/pandas-logo.png)\n\n" in markdown
    assert "使用 [pandas](https://pandas.pydata.org/) 读取" in markdown
    assert "首页" not in markdown and "京ICP备" not in markdown


def test_clean_text_has_no_images_or_link_targets_by_default() -> None:
    doc = cleanpage.clean(PAGE)
    assert any(block.kind == "image" for block in doc.blocks)
    assert "pandas-logo.png" not in doc.text and "](" not in doc.text
    assert "本文介绍如何使用 pandas 读取和清洗表格数据" in doc.text


def test_clean_with_links_writes_link_targets_into_text() -> None:
    doc = cleanpage.clean(PAGE, links=True)
    assert doc.text_links is True
    assert "本文介绍如何使用 [pandas](https://pandas.pydata.org/) 读取和清洗表格数据" in doc.text
    assert "pandas-logo.png" not in doc.text


def test_clean_with_images_config_writes_images_into_text() -> None:
    doc = cleanpage.clean(PAGE, config=Config(images=True))
    assert doc.text_images is True
    lines = doc.text.splitlines()
    image = lines.index("![pandas 标志](https://img.example.com/pandas-logo.png)")
    assert lines[image - 1] == "提示：在公司网络环境下，可能需要先配置镜像源，否则下载速度会很慢。"
    assert "[pandas](" not in doc.text


def test_config_defaults_leave_links_and_images_out() -> None:
    assert (Config().links, Config().images) == (False, False)
    assert Config().replace(links=True, images=True).links is True


# -- pipeline assembly -----------------------------------------------------------------------------------

def test_with_images_puts_images_inside_the_body_in_page_order_and_records_the_rest() -> None:
    body = [Block("第一段", "paragraph", 3), Block("第二段", "paragraph", 7), Block("第三段", "paragraph", 9)]
    images = [Block("页头横幅", "image", 1, src="/banner.jpg"), Block("配图", "image", 5, src="/a.jpg"),
              Block("", "image", 12, src="/qr.png")]
    removed: list[Removal] = []
    assert [(b.kind, b.index) for b in _with_images(body, images, removed)] == [
        ("paragraph", 3), ("image", 5), ("paragraph", 7), ("paragraph", 9)]
    assert [(r.rule, r.text, r.block) for r in removed] == [("content.image_outside_body", "页头横幅", 1),
                                                            ("content.image_outside_body", "/qr.png", 12)]
    assert _with_images(body, [], []) is body
    assert _with_images([], images, removed := []) == [] and len(removed) == 3
    assert _with_images(body, images[:1], []) is body


def test_posts_text_joins_the_surviving_blocks_of_each_post() -> None:
    blocks = [Block("第一楼第一行", "paragraph", 4), Block("第一楼第二行", "paragraph", 5), Block("第二楼", "paragraph", 9)]
    posts = [Post("", "甲", "2013-05-07T21:23", [4, 5, 6]), Post("", "乙", None, [9]), Post("", "丙", None, [11])]
    out = _posts_text(posts, blocks)
    assert [(p.text, p.author, p.published, p.blocks) for p in out] == [
        ("第一楼第一行\n第一楼第二行", "甲", "2013-05-07T21:23", [4, 5, 6]), ("第二楼", "乙", None, [9]),
        ("", "丙", None, [11])]
