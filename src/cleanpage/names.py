"""Name and counter grammars for harvested metadata (chrome catalogue §4.3, §4.4).

``parse_names("本报记者 张三 李四")`` -> ``["张三", "李四"]``; role words, staff
codes (``姚立伟_NT6056``), trailing action words (``摄``, ``/文``, ``报道``), a
professional title after a name (``林怡君醫師``) and a department before it
(``新陳代謝科``) are stripped, padded names (``赵 培``) joined, placeholders (``佚名``,
``网络整理``, ``admin``) dropped. A value that is not a list of names (a
sentence after ``记者：`` in an interview) returns ``None`` so the line is kept.
``parse_count("1.2万")`` -> ``12000``.
"""

from __future__ import annotations

import re

from .shadow import fold

ROLE_WORDS = ("本报记者", "本刊记者", "特约记者", "特派记者", "见习记者", "实习记者", "首席记者", "全媒体记者", "融媒体记者",
              "记者", "通讯员", "实习生", "作者", "文")
# ``南都记者``, ``新华社记者``, ``本台通讯员``: an outlet and a role, not a person.
OUTLET_ROLE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:记者|通讯员|实习生|摄影记者|特约记者|见习记者)")
STAFF_CODE = re.compile(r"_?(?:N[A-Z]{0,3}|[A-Z]{1,3})\d{3,6}$")
TRAILING = re.compile(r"(?:\s*/\s*)?(?:摄影|摄|文|报道|整理|编译|发自\S{1,8}|等)$")
PLACEHOLDERS = frozenset({
    "未知", "佚名", "匿名", "admin", "管理员", "系统管理员", "小编", "网络", "网络整理", "本站", "本站编辑", "编辑部", "网友",
    "不详", "暂无", "无", "本站原创", "原创", "转载", "互联网", "综合",
})
# A writer's professional title after the name (``林怡君醫師``, ``王明教授``), and a department before it.
PROFESSION = re.compile(r"(?:副?主任医师|主治医师|医师|医生|药师|营养师|护理师|心理师|治疗师|副?教授|副?研究员|律师)$")
DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,10}(?:科|部|中心|门诊|学院|研究所|研究院)")
SPLIT = re.compile(r"[\s、，,/;；丨|]+")
LIST_SEPARATORS = re.compile(r"\s*[、，,/;；丨|]\s*")
HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff]{1,6}")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]{1,29}")
SENTENCE = re.compile(r"[。！？!?：:“”\"]")
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


def parse_names(value: str) -> list[str] | None:
    """Names in a byline value, or ``None`` if the value is not a list of names."""
    value = STAFF_CODE.sub("", value.strip().strip("()（）[]【】")).strip()  # ``钟 齐_NBJ11279``: the code is not a name part
    if not value or SENTENCE.search(value) or len(value) > 60:
        return None
    splitter = SPLIT if re.search(r"[\u4e00-\u9fff]", value) else LIST_SEPARATORS  # Latin names keep their spaces
    tokens = [t for t in splitter.split(value) if t.strip()]
    if tokens and all(len(t) == 1 and "\u4e00" <= t <= "\u9fff" for t in tokens) and 2 <= len(tokens) <= 3:
        tokens = ["".join(tokens)]  # a padded name: 赵 培
    names: list[str] = []
    for token in tokens:
        if DEPARTMENT.fullmatch(fold(token.strip())):
            continue  # ``新陳代謝科 林怡君醫師``: the writer's department, not a name
        name = _strip_name(token.strip())
        if not name or name in ROLE_WORDS or OUTLET_ROLE.fullmatch(name) or name in PLACEHOLDERS or fold(name) in PLACEHOLDERS:
            continue
        if not (HAN_NAME.fullmatch(name) or LATIN_NAME.fullmatch(name)):
            return None
        if name not in names:
            names.append(name)
    if len(names) > 6:
        return None
    return names


def parse_count(value: str) -> tuple[int, bool] | None:
    """``(count, lower_bound)`` for ``4704``, ``1.2万``, ``10万+``; ``None`` if not a count."""
    match = COUNT.match(fold(value))
    if not match:
        return None
    number = float(match["num"].replace(",", "").replace("，", ""))
    multiplier = MULTIPLIERS.get((match["mult"] or "").lower(), 1)
    return round(number * multiplier), bool(match["plus"])
