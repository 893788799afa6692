"""One small news page shared by the HTML tests: a menu, an article of four paragraphs, a footer."""

MENU = '<div class="header"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/city">本地</a></div>'
ARTICLE_DIV = """<div class="article">
<h1>我市出台稳就业新举措</h1>
<p>记者从市人社局获悉，为进一步稳定就业形势，我市近日出台十二条新举措，重点支持高校毕业生、农民工等群体就业创业。</p>
<p>新举措明确，对吸纳高校毕业生就业的中小微企业，按每人一千五百元的标准给予一次性扩岗补助，政策执行至今年年底。</p>
<p>同时，我市将在全年举办各类招聘活动三百场以上，提供岗位不少于五万个，并对就业困难人员实行“一人一档”精准帮扶。</p>
<p>市人社局相关负责人表示，各区县将在一个月内完成政策宣传和申报受理工作，符合条件的企业可通过网上办事大厅提交申请。</p>
</div>"""
FOOTER = '<div class="footer"><p>版权所有 © 本地新闻网</p></div>'
HEAD = "<html><head><title>我市出台稳就业新举措 - 本地新闻</title></head><body>"
BODY = f"{MENU}\n{ARTICLE_DIV}\n{FOOTER}"
PAGE = f"{HEAD}\n{BODY}\n</body></html>"
