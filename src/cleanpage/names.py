"""The name and counter grammars for harvested metadata (chrome catalogue §4.3, §4.4): the one place
that says what a person's name looks like, for the text detectors and the DOM readers alike.

``parse_names("本报记者 张三 李四")`` -> ``["张三", "李四"]``; role words, staff
codes (``姚立伟_NT6056``), trailing action words (``摄``, ``/文``, ``报道``), a
professional title after a name (``林怡君醫師``) and a department before it
(``新陳代謝科``) are stripped, padded names (``赵 培``) joined, placeholders (``佚名``,
``网络整理``, ``admin``) dropped. Latin-script names keep their spaces and letters of any
language (``Nuño Domínguez``, ``Jürgen Heitmann``); a byline's lead word is not part of the name
(``By``, ``Von``, ``Por``, ``Par``, ``Door``), and ``;`` ``,`` ``/`` ``&`` ``and``/``und``/``et``
separate names. A value that is not a list of names (a sentence after ``记者：`` in an
interview) returns ``None`` so the line is kept. :func:`person_names` is the lenient reader
for text already cut to a byline: it keeps the tokens that are names and skips the rest.
``parse_count("1.2万")`` -> ``12000``.
"""

from __future__ import annotations

import itertools
import re

from .lexicon import BUTTON_WORDS, LABELS, LATIN_DESK_WORDS, LATIN_JOB_WORDS, SHARE_PLATFORMS, longest_first
from .shadow import HAN, fold

ROLE_WORDS = ("本报记者", "本刊记者", "特约记者", "特派记者", "见习记者", "实习记者", "首席记者", "全媒体记者", "融媒体记者",
              "记者", "通讯员", "实习生", "作者", "文")
# ``南都记者``, ``新华社记者``, ``本台通讯员``: an outlet and a role, not a person.
OUTLET_ROLE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:记者|通讯员|实习生|摄影记者|特约记者|见习记者)")
# An outlet printed before its reporter's name (【文/观澜网 王立】): a name of three characters or more that ends on an
# outlet's word (社 is left out: 张建社 is a person's name).
OUTLET_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}(?:网|日报|晚报|早报|报|电视台|广播电台|新闻|传媒|杂志)")
STAFF_CODE = re.compile(r"_?(?:N[A-Z]{0,3}|[A-Z]{1,3})\d{3,6}$")
TRAILING = re.compile(r"(?:\s*/\s*)?(?:摄影|摄|文|报道|整理|编译|发自\S{1,8}|等)$")
# A field's value that says it is not known (来源：未知, 作者：暂无): the field stays empty.
UNKNOWN_VALUES = frozenset({"未知", "不详", "暂无", "无", "default", "none", "null", "unknown"})
# Words a byline prints where no person is named: never a writer. As a 来源 value, what says where the piece comes
# from (本站原创, 转载, 网络) is the label's value all the same (gold conventions); only an unknown one is no source.
PLACEHOLDERS = UNKNOWN_VALUES | frozenset({
    "佚名", "匿名", "admin", "administrator", "管理员", "系统管理员", "小编", "网络", "网络整理", "本站", "本站编辑",
    "编辑部", "网友", "本站原创", "原创", "转载", "互联网", "综合",
    "anonymous", "guest", "super user", "superuser", "wordpressadmin", "webmaster", "comsenz ui team",
})
# An organisation's or a channel's name, not a person's (参考消息, 新华社, 新闻中心...).
NOT_A_PERSON = re.compile(r"(?:网|網|报|報|社|台|刊|新闻|新聞|频道|頻道|中心|部|局|委|办|辦|厅|廳|处|處|站|公司|集团|集團|大学|大學|学会|"
                          r"學會|日报|日報|官方|综合|綜合|编辑|編輯)$")
# The last word of a newspaper's or an agency's name in a Latin byline (Riverton Gazette, Daily News).
LATIN_OUTLET_WORDS = frozenset({"gazette", "times", "post", "news", "press", "daily", "journal", "herald", "tribune",
                                "review", "magazine", "chronicle", "observer", "examiner", "courier", "telegraph",
                                "guardian", "standard", "mirror", "globe", "ledger", "register", "dispatch", "bulletin",
                                "wire", "agency", "sentinel", "star", "record", "monitor", "inquirer", "beacon",
                                "independent", "leader", "advocate", "courant", "argus", "citizen",
                                "zeitung", "nachrichten", "rundschau", "tagblatt", "anzeiger"})
# What a byline prints between two writers' names (``A and B``, ``A, B & C``, ``A und B``).
NAME_CONNECTOR = re.compile(r"\s*(?:,|;|and|und|&|y|et|e|og|en)\s*", re.IGNORECASE)
# What a byline says somebody did, written apart from the name (记者陈智 整合); never a name.
ACTION_WORDS = frozenset({"整合", "整理", "编译", "編譯", "报道", "報導", "摄影", "攝影", "供稿", "通讯员", "通訊員", "实习生",
                          "實習生"})
# The words before a name in a byline, in the languages a crawl meets: By, Von, Por, Par, Door, Av, Autor:,
# and German's gender-inclusive Autor:innen / Autor*innen.
BYLINE_LEAD = re.compile(
    r"^\s*(?:(?:(?:written|posted|published|story|text|words|reporting|article)\s+by|by|von|vom|por|par|door|av|af|przez|"
    r"(?:escrito|publicado)\s+por|(?:publié|écrit)\s+par)\s+|(?:verfasst|geschrieben|veröffentlicht|eingestellt|publiziert)\s+von\s*"
    r"(?:der|dem)?\s*|(?:autor[:*]innen\s*:?|(?:autor(?:in)?|author|text)\s*:)\s*)", re.IGNORECASE)
# Words of a byline's frame, and of the author-archive and profile links printed beside it, in the
# languages a crawl meets: never part of a name (``Posted on``, ``Afficher mon profil complet``, ``Alle Beiträge``).
FRAME_WORDS = frozenset({
    "by", "von", "vom", "por", "par", "door", "durch", "article", "posted", "published", "written", "on", "am", "publiziert",
    "veröffentlicht", "eingestellt", "auteur", "auteurs", "autor", "autoren", "autorin", "autores", "author", "authors",
    "view", "voir", "afficher", "ver", "alle", "all", "tous", "todos", "posts", "beiträge", "articles", "artikel",
    "profile", "profil", "perfil", "more", "mehr", "read", "share",
})
# Lower-case particles inside a Latin name (Alexa von Heyden, Vincent van Gogh, José de la Cruz): every other
# word of a name of several words starts with a capital (``Anstelle einer Unterwerfung`` is a title, not a name).
NAME_PARTICLES = frozenset({"von", "van", "vom", "zu", "zum", "der", "den", "de", "del", "della", "degli", "di", "da", "das",
                            "dos", "do", "du", "des", "la", "le", "ten", "ter", "bin", "ben", "al", "el", "y", "e"})
# A web address beside a name (Henning Lobin www.lobin.de) is not a name, and neither is a social handle
# (Williams Perdomo @wperdomod). A site's bare name (uncut-news.ch) may be the byline of its own articles.
WEB_ADDRESS = re.compile(r"(?i)www\.[\w.-]+")
HANDLE = re.compile(r"(?<!\S)@[\w.]+")
# A job word printed after a name (``Christoph Hein Chefredakteur``): cut, the name stays.
LATIN_ROLE_AFTER = re.compile(r"(?<=[^\W\d_]{2})\s+(?:" + "|".join(sorted(LATIN_JOB_WORDS, key=len, reverse=True)) + r")$",
                              re.IGNORECASE)
GLUED_LEAD = re.compile(r"^(?:Author|Autor|By|Von|Por|Par)(?=[A-ZÀ-ÖØ-Þ])")  # ``AuthorAndreas Kalt``: a label run into the name
# Phrases of a post header that are not names: the poster's location and the buttons beside the name.
NOT_NAME_PHRASES = re.compile(r"(?:来自|來自)\s*\S+|只看(?:该|該)?(?:作者|他|她|楼主|樓主)|楼主|樓主|(?:发表|發表)(?:于|於)")
_LATIN_ALIAS_INSIDE = r"\s*([A-Za-z][^()（）\u4e00-\u9fff]{1,40}?)\s*[)）]"
LATIN_ALIAS = re.compile(r"[(（]" + _LATIN_ALIAS_INSIDE)
# An opening bracket that does not start a Latin alias: where a byline's names end (``张三（实习生）``).
BRACKET_NOT_ALIAS = r"[(（](?!" + _LATIN_ALIAS_INSIDE + ")"
LATIN_LIST = re.compile(r"\s*(?:[;,/|&，、；]|\s(?:and|und|et|y|e)\s)\s*", re.IGNORECASE)
LATIN_EDGES = " \t-–—|·•:;,()[]"
# A writer's professional title after the name (``林怡君醫師``, ``王明教授``), and a department before it.
PROFESSION = re.compile(r"(?:副?主任医师|主治医师|医师|医生|药师|营养师|护理师|心理师|治疗师|副?教授|副?研究员|律师)$")
DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,10}(?:科|部|中心|门诊|学院|研究所|研究院)")
SPLIT = re.compile(r"[\s、，,/／∕;；丨|]+")
LIST_SEPARATORS = re.compile(r"\s*[、，,/;；丨|]\s*")
HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff]{1,6}")
# A Han name followed by its writer's Latin name in brackets: 周思博 (Joel Spolsky)
ALIAS_AFTER_NAME = re.compile(rf"({HAN_NAME.pattern})\s*[(（]" + _LATIN_ALIAS_INSIDE)
# Up to five words of letters (any script but Han), with apostrophes, hyphens and initials: Loïc Le Clerc, O'Sullivan.
LATIN_NAME = re.compile(r"(?=.{2,40}$)[^\W\d_][^\W\d_'’.\-]*(?:[ '’.\-]+[^\W\d_][^\W\d_'’.\-]*){0,4}\.?")
# A user name: one word of letters, digits, ``_`` ``.`` ``-`` that starts with a letter (delta201, Herr_Rein,
# Isabella.DiBiase).
USER_NAME = re.compile(r"[^\W\d_][\w.\-]{0,29}")
LATIN_WORD = re.compile(r"[^\W\d_][^\W\d_'’.\-]*(?:[’'.\-]+[^\W\d_][^\W\d_'’.\-]*)*\.?")
SENTENCE = re.compile(r"[。！？!?：:“”\"]")
# The commonest Chinese surnames (folded to Simplified), which most people's names start with.
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
                     "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
                     "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂"
                     "成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党"
                     "宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
DOUBLE_SURNAMES = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
                             "令狐", "端木", "西门", "南宫", "独孤"})
POSTER_ID_END = re.compile(r"[\s\[【(（|｜,，;；]")
POSTER_ID_LENGTH = (2, 20)
# Page chrome that stands where a post header prints the ID (folded): the page's links and the post's buttons.
NOT_A_POSTER = frozenset({"首页", "主页", "返回", "登录", "注册", "回复", "引用", "举报", "编辑", "删除", "收藏", "分享", "游客",
                          "楼主", "沙发", "板凳", "地板", "作者", "用户", "会员"})
# Any field's label: a poster label followed at once by another label has an empty value.
ANY_LABEL = re.compile(longest_first([label for labels in LABELS.values() for label in labels]))
MULTIPLIERS = {"万": 10_000, "萬": 10_000, "w": 10_000, "亿": 100_000_000, "億": 100_000_000, "千": 1_000, "k": 1_000}
COUNT = re.compile(r"^\s*(?P<num>\d[\d,，]*(?:\.\d+)?)\s*(?P<mult>万|萬|亿|億|千|[wWkK])?\s*(?P<plus>\+)?\s*(?:次|人|人次)?\s*$")


def _strip_name(token: str) -> str:
    token = STAFF_CODE.sub("", token.strip())
    token = TRAILING.sub("", token).strip()
    if (title := PROFESSION.search(fold(token))) and title.start() >= 2:
        token = token[:title.start()]  # ``林怡君醫師``: folding keeps lengths, so the cut applies to the original
    for word in ROLE_WORDS:
        if token.startswith(word) and len(token) > len(word):
            token = token[len(word):].strip()
            break
    return token


def is_role(token: str) -> bool:
    """A desk or a job word alone (``Redaktion``, ``Online-Redaktion``, ``Chefredakteur``)."""
    return token.lower().rsplit("-", 1)[-1] in LATIN_DESK_WORDS | LATIN_JOB_WORDS


def _without_roles(names: list[str]) -> list[str]:
    """A desk or a job beside the writers' names is none of them; a desk alone is the byline (Von Redaktion)."""
    people = [name for name in names if not is_role(name)]
    return people or [name for name in names if name.lower() not in LATIN_JOB_WORDS]


def has_han(value: str) -> bool:
    """Whether ``value`` holds a Han character: Han and Latin names follow different grammars."""
    return HAN.search(value) is not None


def is_latin_outlet(name: str) -> bool:
    """Whether a name in a Latin byline is a newspaper's or an agency's, not a person's: ``The …`` (no person's name
    opens on the article), or a last word that names a paper (``Riverton Gazette``, ``Daily News``)."""
    words = name.split()
    return not has_han(name) and len(words) >= 2 and (words[0] in ("The", "THE") or words[-1].lower() in LATIN_OUTLET_WORDS)


def joined_names(names: list[str], printed: str = "") -> str:
    """The ``author`` string for several writers, as the byline prints them: Han names joined by a space
    (``张明远 李思琪``); Latin ones by the word or mark the printed byline puts between them (``Anna Whitfield and
    Rohan Mehta``, ``Rob Picheta, CNN``), else by a comma."""
    if all(has_han(name) for name in names):
        return " ".join(names)
    joined = names[0]
    for before, name in itertools.pairwise(names):
        between = re.search(f"{re.escape(before)}(.{{1,6}}?){re.escape(name)}", printed, re.IGNORECASE)
        connector = between[1].strip() if between and NAME_CONNECTOR.fullmatch(between[1]) else ","
        joined += (", " if connector == "," else f" {connector} ") + name
    return joined


def _latin_value(value: str) -> str:
    """A Latin-script byline value without its lead word and edge punctuation (``Von Robert -`` -> ``Robert``)."""
    value = WEB_ADDRESS.sub(" ", HANDLE.sub(" ", value)).strip(LATIN_EDGES)
    value = LATIN_ROLE_AFTER.sub("", value).strip(LATIN_EDGES)
    return GLUED_LEAD.sub("", BYLINE_LEAD.sub("", value)).strip(LATIN_EDGES)


def is_name(token: str, *, user_names: bool = True) -> bool:
    """A person's (or a signing desk's) name as written: 2-4 Han characters, a transliterated name with ·,
    or a few words of letters, none of them a word of the byline's frame."""
    if HAN_NAME.fullmatch(token):
        return True
    if has_han(token) or WEB_ADDRESS.fullmatch(token):
        return False
    # a one-word name or a user name, in any case (Matthias, jancak, ThE_PaiN); in a Han byline a Latin word
    # is a name of letters only (a code or a number beside Chinese names is no writer)
    if (USER_NAME if user_names else LATIN_WORD).fullmatch(token):
        return token.lower() not in FRAME_WORDS
    if not LATIN_NAME.fullmatch(token):
        return False
    words = token.split()
    particle = [word.lower() in NAME_PARTICLES and index < len(words) - 1 for index, word in enumerate(words)]
    return all(is_particle or (word.lower() not in FRAME_WORDS and not word[0].islower())
               for word, is_particle in zip(words, particle))


def is_placeholder(token: str) -> bool:
    return token in PLACEHOLDERS or token.lower() in PLACEHOLDERS or fold(token) in PLACEHOLDERS


def says_unknown(value: str) -> bool:
    """Whether a field's value says only that it is not known (来源：未知)."""
    return fold(value).lower() in UNKNOWN_VALUES


def parse_names(value: str) -> list[str] | None:
    """Names in a byline value, or ``None`` if the value is not a list of names."""
    aliases: list[str] = []
    han = has_han(value)
    if han:
        aliases = [alias for inner in LATIN_ALIAS.findall(value) for alias in (parse_names(inner) or [])]
        paired = _paired_aliases(value)
        value = NOT_NAME_PHRASES.sub(" ", LATIN_ALIAS.sub(" ", value))
    value = STAFF_CODE.sub("", value.strip().strip("()（）[]【】")).strip()  # ``钟 齐_NBJ11279``: the code is not a name part
    if not has_han(value):
        value = _latin_value(value)
    if not value or SENTENCE.search(value) or len(value) > 60:
        return None
    splitter = SPLIT if has_han(value) else LATIN_LIST  # Latin names keep their spaces
    tokens = [t if splitter is SPLIT else _latin_value(t) for t in splitter.split(value) if t.strip()]
    if tokens and all(len(t) == 1 and "\u4e00" <= t <= "\u9fff" for t in tokens) and 2 <= len(tokens) <= 3:
        tokens = ["".join(tokens)]  # a padded name: 赵 培
    names: list[str] = []
    for token in tokens:
        if DEPARTMENT.fullmatch(fold(token.strip())) or (han and _share_button(token)):
            continue  # ``新陳代謝科 林怡君醫師``: the writer's department, not a name; a share bar's 微信 微博
        name = _strip_name(token.strip())
        if not name or name in ROLE_WORDS or OUTLET_ROLE.fullmatch(name) or OUTLET_NAME.fullmatch(fold(name)) \
                or is_placeholder(name):
            continue
        if _label_word(name):
            if names:
                break  # the next field's label (作者：苏木，原文标题：…): the names have ended
            continue  # a label is no name (回复, 查看)
        if not is_name(name, user_names=not han):
            return None
        if name not in names:
            names.append(name)
    names += [alias for alias in aliases if alias not in names]
    if len(names) > 6:
        return None
    return _without_roles(_with_aliases(names, paired)) if han else _without_roles(names)


def person_names(raw: str) -> list[str]:
    """The people named in ``raw``, text already cut to a byline: role words, action words, placeholders and
    organisations left out, tokens that are not names skipped; ``[]`` when nobody is named.

    A forum's post header also says where the poster is from (来自 贵州遵义) and carries buttons
    (只看该作者): neither is a name. A Latin name in brackets after a Han one is the same writer's
    other name, kept with it as one writer (``周思博 (Joel Spolsky)``)."""
    paired: dict[str, str] = {}
    if not has_han(raw):
        tokens = [_latin_value(token) for token in LATIN_LIST.split(_latin_value(raw))]
    else:
        paired = _paired_aliases(raw)
        aliases = [alias for inner in LATIN_ALIAS.findall(raw) for alias in person_names(inner)]
        text = NOT_NAME_PHRASES.sub(" ", LATIN_ALIAS.sub(" ", raw))
        text = re.sub(r"(?:本报|本報|特约|特約|实习|實習|见习|見習|通讯员|通訊員|首席|资深|資深)?(?:记者|記者|作者)", " ", text)
        tokens = [t for t in re.split(r"[\s、，,;；/／∕|｜&＆:：]+", text) if t]
        if tokens and all(len(t) == 1 for t in tokens) and 2 <= len(tokens) <= 3:
            tokens = ["".join(tokens)]  # 赵 培: one padded name
        tokens = [re.sub(r"(?:摄|攝|报道|報導|整理|整合|编译|編譯|等)$", "", STAFF_CODE.sub("", token)) for token in tokens]
        tokens += aliases
    names: list[str] = []
    for token in tokens:
        if _label_word(token):
            if names:
                break  # the next field's label (作者：苏木，原文标题：…): the names have ended
            continue  # a label is no name (回复, 查看)
        if (not token or is_placeholder(token) or token in ACTION_WORDS or NOT_A_PERSON.search(token)
                or OUTLET_NAME.fullmatch(fold(token)) or (has_han(raw) and _share_button(token))):
            continue
        if is_name(token, user_names=not has_han(raw)) and token not in names:
            names.append(token)
    return _without_roles(_with_aliases(names, paired))


def _label_word(token: str) -> bool:
    """Whether a token is a field's label of two characters or more (原文标题, 编辑, 回复), never a name; a label of
    one (文) may be part of a byline's frame."""
    return len(token) >= 2 and has_han(token) and ANY_LABEL.fullmatch(fold(token)) is not None


def _paired_aliases(raw: str) -> dict[str, str]:
    """The Latin name each Han name is followed by in brackets (周思博 (Joel Spolsky)): the same writer's other
    name, as the byline prints it."""
    return {han: latin.strip() for han, latin in ALIAS_AFTER_NAME.findall(raw)}


def _with_aliases(names: list[str], paired: dict[str, str]) -> list[str]:
    """One writer for a Han name and its Latin alias: ``周思博 (Joel Spolsky)``, not two names."""
    aliases = set(paired.values())
    return [f"{name} ({paired[name]})" if name in paired else name for name in names if name not in aliases]


def _share_button(token: str) -> bool:
    """A share bar's service name (微信, 微博, QQ空间) or a button (我要评论, 打印) glued to a Han byline, a count in
    brackets after it (我要评论(126))."""
    key = fold(re.sub(r"[(（]\d+[)）]$", "", token.strip()))
    return key in SHARE_PLATFORMS or key in BUTTON_WORDS


def poster_id(value: str) -> str | None:
    """The user name after a poster label (发帖人：, 楼主：): the first word of ``value``, of any shape (小鱼儿2005,
    中华门外看鹭, ThE_PaiN), up to a space or a bracket (the poster's rank: [胡同居民 等级5]). ``None`` for what is no
    user name: a placeholder, a role word, an outlet, a button or a location (只看该作者, 来自 …), a number, a date,
    a sentence, or another field's label where the name was left empty (楼主：时间：…)."""
    word = POSTER_ID_END.split(value.strip(), maxsplit=1)[0].strip(LATIN_EDGES + "：")
    if not POSTER_ID_LENGTH[0] <= len(word) <= POSTER_ID_LENGTH[1] or word.isdigit() or SENTENCE.search(word):
        return None
    if (is_placeholder(word) or fold(word) in NOT_A_POSTER or word in ROLE_WORDS or NOT_A_PERSON.search(word) or NOT_NAME_PHRASES.fullmatch(word)
            or ANY_LABEL.match(fold(word)) or re.search(r"\d{4}\s*[-/.年]", word)):
        return None
    return word


def has_surname(name: str) -> bool:
    """Whether a Han name starts with a common surname (王, 欧阳…): what tells a reporter's bare name in a closing
    credit (（张巨峰）) from an organisation's short name there (（湖南药监）, （央视）) or a note (（未完）)."""
    folded = fold(name)
    return folded[:2] in DOUBLE_SURNAMES or folded[:1] in SURNAMES


def parse_count(value: str) -> tuple[int, bool] | None:
    """``(count, lower_bound)`` for ``4704``, ``1.2万``, ``10万+``; ``None`` if not a count."""
    match = COUNT.match(fold(value))
    if not match:
        return None
    number = float(match["num"].replace(",", "").replace("，", ""))
    multiplier = MULTIPLIERS.get((match["mult"] or "").lower(), 1)
    return round(number * multiplier), bool(match["plus"])
