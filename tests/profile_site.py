"""A synthetic news site: one fixed page template around varying articles.

Every generated page is a plain-text dump with its ground truth: which lines
are the article body, which are template chrome (fixed, or drawn from small
pools such as related-headline lists, as real sites do) and which are meta
lines whose values vary. Used by tests/test_profiles.py and
benchmarks/bench_profiles.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SUBJECTS = ("市教育局", "省气象台", "该公司", "研究团队", "当地政府", "志愿者们", "专家组", "村民代表", "交通部门", "医院负责人",
            "项目组", "市场监管局", "一位老师", "记者", "调查人员", "居委会")
VERBS = ("表示", "介绍", "指出", "宣布", "透露", "强调", "回应称", "提醒", "认为", "发现")
CLAUSES = ("今年以来已累计投入资金{n}万元", "下一步将继续完善相关制度", "目前各项工作正在有序推进", "受影响的{n}户居民已全部妥善安置",
           "预计{n}月底前全部完工", "相关情况仍在进一步调查之中", "市民可通过热线电话反映问题", "试点范围将扩大到{n}个街道",
           "这一比例比去年同期提高了{n}个百分点", "活动共吸引{n}余人参加", "新系统上线后办事时间缩短了一半",
           "未来三年还将新建{n}所学校", "降雨将持续到本周末", "部分路段实行临时交通管制", "检测结果均符合国家标准",
           "已有{n}家企业提交了申请", "他们在现场发现了{n}处安全隐患", "项目建成后可惠及周边{n}万人")
HEADLINES = tuple(f"{place}{event}" for place in ("北京", "上海", "广州", "成都", "武汉", "西安")
                  for event in ("地铁新线开通运营", "发布高温橙色预警", "举办国际马拉松赛", "新增一批便民服务点", "启动老旧小区改造"))
SOURCES = ("新华社", "人民网", "本网", "中国新闻网", "央视新闻")
NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏")
DISCLAIMER = "本栏目所载文章仅代表作者个人观点，不构成任何投资建议，读者据此操作，风险自担。"
NAV = "首页 | 新闻 | 财经 | 体育 | 科技 | 娱乐 | 汽车 | 房产"
# Lines only this site prints: no generic lexicon knows them, only repetition gives them away.
SLOGAN = "示例新闻网 · 让城市更有温度"
COLUMNS = "城事 深度 观点 影像 数据"
LISTEN = "听新闻 A+ A-"
# Template lines set between paragraphs: inside BODY, where generic rules hold back.
INTERIOR = ("— 城市观察 · 示例出品 —", "推广｜示例理财 稳健之选")
PROMO = ("早安城市｜每天七点，陪你读懂这座城", "示例原创 授权请联系示例版权中心", "24小时热榜")
FOOTER = ("关于我们 | 联系我们 | 广告服务 | 网站地图 | 意见反馈",
          "Copyright © 2005-2023 示例新闻网 版权所有",
          "京ICP备12345678号  京公网安备11010502030000号",
          "违法和不良信息举报电话：010-12345678")


@dataclass
class SyntheticPage:
    text: str
    url: str
    body: list[str]  # article lines, title included
    chrome: list[str]  # template lines that carry no metadata
    meta: list[str]  # template-shaped lines whose values vary (date, source, author, editor)


def sentence(rng: random.Random) -> str:
    parts = [rng.choice(SUBJECTS) + rng.choice(VERBS) + "，"]
    for _ in range(rng.randint(2, 4)):
        parts.append(rng.choice(CLAUSES).format(n=rng.randint(2, 9999)) + rng.choice("，；"))
    return "".join(parts)[:-1] + "。"


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]
    meta: tuple[str, str, str]  # dateline with source, author line, editor line


def make_article(rng: random.Random, *, series: bool = False) -> Article:
    """A new article; with ``series`` it ends with the column's standing disclaimer (body text)."""
    title = f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(CLAUSES).format(n=rng.randint(2, 99))}"
    paragraphs = [sentence(rng) + sentence(rng) for _ in range(rng.randint(3, 8))]
    if series:
        paragraphs.append(DISCLAIMER)
    dateline = (f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:"
                f"{rng.randint(0, 59):02d}  来源：{rng.choice(SOURCES)}")
    return Article(title, tuple(paragraphs), (dateline, f"作者：{rng.choice(NAMES)}", f"责任编辑：{rng.choice(NAMES)}"))


def render(article: Article, url: str, rng: random.Random) -> SyntheticPage:
    """The article inside the site template; the related list and the view count vary per page view."""
    head = [SLOGAN, NAV, COLUMNS, "当前位置：首页 > 新闻 > 正文"]
    tools = [LISTEN, "分享到：微信 微博 QQ空间", "字号：大 中 小"]
    tail = ["相关阅读", *rng.sample(HEADLINES, 4), f"阅读 {rng.randint(100, 99999)}", PROMO[0], PROMO[1],
            "扫一扫，关注示例新闻网微信公众号", PROMO[2], *rng.sample(HEADLINES, 3), *FOOTER]
    dateline, author, editor = article.meta
    body = [article.paragraphs[0], INTERIOR[0], *article.paragraphs[1:-1], INTERIOR[1], article.paragraphs[-1]]
    lines = [*head, article.title, dateline, author, *tools, *body, editor, *tail]
    return SyntheticPage("\n".join(lines) + "\n", url, [article.title, *article.paragraphs],
                         [*head, *tools, *INTERIOR, *tail], list(article.meta))


def make_site(pages: int, *, seed: int = 7, series_every: int = 0, duplicates: int = 0) -> list[SyntheticPage]:
    """``pages`` distinct articles (every ``series_every``-th with the series disclaimer), then
    ``duplicates`` pages that re-crawl the first articles at another URL (same body, other related list)."""
    rng = random.Random(seed)
    articles = [make_article(rng, series=bool(series_every) and n % series_every == 0) for n in range(pages)]
    site = [render(article, f"https://news.example.com/a/{n}.html", rng) for n, article in enumerate(articles)]
    site += [render(articles[n % pages], f"https://news.example.com/copy/{n}.html", rng) for n in range(duplicates)]
    return site
