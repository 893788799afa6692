"""The meta-label lexicon and the label/value parser behind C03 meta lines.

``parse_meta_line`` treats every label occurrence as a delimiter (so glued
pairs such as ``阅读:34来源:国知局`` split), type-checks each value (dates by
the date grammar, names by the name grammar, counts as numbers) and reports
what is left outside the pairs. A line whose values do not all type-check is
not a meta line: that is what keeps ``记者：您如何看待…？`` (an interview) and
``作者：鲁迅 出版社：…`` (a bibliography) in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..dates import FoundDate, find_date
from ..lexicon import LABELS, longest_first
from ..names import parse_count, parse_names, says_unknown
from ._shapes import BAR, CLOSE, COLON, OPEN, compact

LABEL_FIELD = {label: name for name, labels in LABELS.items() for label in labels}
# Labels that may stand without a colon (``作者 张三``, ``来源丨新华社``, ``阅读 4704``): weak, edge zones only.
WEAK_OK = frozenset({"作者", "记者", "来源", "编辑", "采写", "文/图", "图/文", "责任编辑", "责编", "阅读", "浏览", "点击", "发布时间", "发布于", "发表于",
                     "更新时间", "发布日期", "发表时间", "更新日期",
                     "更新于", "编辑于", "稿源", "摄影", "通讯员", "文", "观看", "评论", "围观", "人气", "按赞", "收藏"})
LABEL_RE = re.compile(
    rf"(?P<label>{longest_first(LABEL_FIELD)})"
    rf"\s*(?P<colon>{COLON})?"
)
COUNTED_TOOLS = frozenset({"收藏"})
TOOL_WORDS = re.compile(r"^(?:大|中|小|a-|a|a\+|t|放大|缩小|正常|默认|\[|\]|【|】|\s|" + BAR + r")*$")
TRIM = f"{BAR}·/ \t\u3000\u00a0-—|()[]【】（）"
# A serial number after a closing bracket (``（編輯：李淑華）1130724``): a wire service's date code.
TRAILING_CODE = re.compile(r"(?<=[)）\]】])\s*\d{4,8}\s*$")
HAN = re.compile(r"[\u4e00-\u9fff]")
COUNTERS = ("views", "comments", "likes", "downloads")
# A byline with no label colon: ``聯合報／記者王大明／台北報導``, ``中央社記者陳怡君／台北報導``.
BYLINE = re.compile(
    r"^\s*(?:(?P<outlet>[\u4e00-\u9fff]{2,8}?)\s*/?\s*)?(?:特约|驻地|见习|实习|首席)?记者\s*"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:\s*[、,]\s*[\u4e00-\u9fff]{2,4}){0,3})\s*/\s*"
    r"(?P<place>[\u4e00-\u9fff]{2,8}?)(?:综合)?(?:报导|报道|专电|电)\s*$"
)
# Without the slash (``中央社記者黃湘婷台南報導``) a name runs into the place; a known place ends the name.
PLACES = ("台北", "新北", "桃园", "台中", "台南", "高雄", "基隆", "新竹", "嘉义", "苗栗", "彰化", "南投", "云林", "屏东", "宜兰",
          "花莲", "台东", "澎湖", "金门", "马祖", "香港", "澳门", "北京", "上海", "广州", "深圳", "东京", "首尔", "华盛顿", "纽约",
          "伦敦", "巴黎", "台湾", "大陆")
BYLINE_NO_SLASH = re.compile(
    r"^\s*(?P<outlet>[\u4e00-\u9fff]{2,8}?)?(?:特约|驻地|见习|实习|首席)?记者\s*"
    rf"(?P<names>[\u4e00-\u9fff]{{2,4}}?)\s*(?P<place>{'|'.join(PLACES)})(?:综合)?(?:报导|报道|专电|电)\s*$"
)
# ``澳聲日報記者 梁詠詩``: an outlet, 记者 and the names alone on the line (a space keeps out 记者会, 记者证), after a
# bullet and before what they made (``■ 津沽晚报记者 孟凡 文/图``).
BYLINE_BARE = re.compile(
    r"^\s*(?:[■□●◆◇★☆•·]\s*)?(?P<outlet>[\u4e00-\u9fff]{2,8}?)?(?:特约|驻地|见习|实习|首席)?记者\s+"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:\s*[、,]\s*[\u4e00-\u9fff]{2,4}){0,3})(?:\s+(?:文/图|图/文|文图|图文|文|报道))?\s*$"
)
OWN_PAPER = frozenset({"本报", "本刊", "本台", "本网", "本站"})


@dataclass
class MetaPair:
    field: str
    label: str
    raw: str  # the value as printed (original text)
    value: Any


@dataclass
class MetaLine:
    pairs: list[MetaPair] = field(default_factory=list)
    residue: str = ""
    colon: bool = False

    @property
    def fields(self) -> set[str]:
        return {p.field for p in self.pairs}


# Compiled once: these run for every label found on a page.
BAR_RE = re.compile(BAR)
SPACED_DIGIT = re.compile(r"\s?\d")
SPACE_DIGIT = re.compile(r"\s\d")
BRACKETED_DIGIT = re.compile(r"\(\d")
TOOL_TAIL = re.compile(r"\s*[【\[][^】\]]*[】\]]?\s*$")  # a bracketed group closing a value: a tool when it holds tool words
TOOL_EDGE = re.compile(f"{BAR}|{OPEN}|{CLOSE}")
SENTENCE_MARK = re.compile(r"[。，,；;！？!?]")
SENTENCE_END = re.compile(r"[。！？]")


def _bare_label_ok(label: str, after: str, weak: bool) -> bool:
    """A label without a colon: weak labels before a space/bar/slash, counters before digits or a
    bracketed number (``阅读(356)``, ``评论(4)``), tools before brackets. ``after``: the next three characters."""
    field_name = LABEL_FIELD[label]
    first = after[:1]
    if weak and label in WEAK_OK and (first.isspace() or first == "/" or BAR_RE.match(first) or first.isdigit()):
        return True
    if (field_name == "views" and SPACED_DIGIT.match(after)) or (field_name in COUNTERS and BRACKETED_DIGIT.match(after)):
        return True
    if field_name in ("published", "updated") and label in WEAK_OK and SPACE_DIGIT.match(after):
        return True  # ``发表于 2023-08-12``: the date grammar checks the value
    return field_name == "tool" and (not first or first.isspace() or bool(TOOL_EDGE.match(first)))


def _occurrences(shadow: str, weak: bool) -> list[tuple[int, int, str, bool]]:
    found: list[tuple[int, int, str, bool]] = []
    for match in LABEL_RE.finditer(shadow):
        label, start, end = match["label"], match.start(), match.end()
        before = shadow[start - 1] if start else " "
        after = shadow[match.end("label"):match.end("label") + 3]
        colon = match["colon"] is not None
        boundary = not HAN.match(before)
        if colon and (boundary or len(label) >= 3):
            found.append((start, end, label, True))
        elif boundary and _bare_label_ok(label, after, weak):
            found.append((start, end, label, False))
    return found


def _typed(name: str, raw: str, shadow_value: str, label: str = "") -> tuple[bool, Any]:
    """``(ok, value)`` after checking a value against its field's grammar; empty values are ok and ``None``. A
    font-size tool glued after the value (``泾州晚报　【大 中 小】``) is no part of it."""
    tool = TOOL_TAIL.search(raw)
    if tool and TOOL_WORDS.match(tool.group().strip()) and name != "tool":
        raw, shadow_value = raw[:tool.start()], shadow_value[:tool.start()]
    value = raw.strip(TRIM)
    if not value:
        return True, None
    if name in ("published", "updated"):
        found = find_date(value)
        ok = found is not None and len(compact(value[:found.start] + value[found.end:])) <= 2
        return ok, found.iso if found else None
    if name in ("author", "reporter", "correspondent", "editor", "reviewer", "photographer"):
        names = parse_names(value)
        return names is not None, names
    if name in COUNTERS:
        count = parse_count(shadow_value.strip(TRIM))
        return count is not None, count
    if name == "source":
        ok = len(value) <= 40 and not SENTENCE_MARK.search(value)
        return ok, None if says_unknown(value) else value
    if name in ("category", "tags"):
        return len(value) <= 60 and not SENTENCE_END.search(value), value
    if name == "original_title":
        return 2 <= len(value) <= 150, value.strip("《》")
    if name == "tool":
        # the bookmark button with its counter (``收藏 1,026`` in a stats line) is still a tool: the count is not kept
        counted = label in COUNTED_TOOLS and parse_count(shadow_value.strip(TRIM)) is not None
        return bool(TOOL_WORDS.match(shadow_value.strip())) or counted, None
    if name == "length":
        return parse_count(shadow_value.strip(TRIM)) is not None, None
    return False, None


def parse_meta_line(text: str, shadow: str, *, weak: bool = False, bare_date: bool = False) -> MetaLine | None:
    """Parse one line as label/value pairs; ``None`` when it is not a meta line.

    ``bare_date`` also accepts a line that is only a date (``民國113年7月24日 下午 4:35``),
    which is a dateline only in the title area: at the end of a notice it is the signing date.
    """
    code = TRAILING_CODE.search(shadow)
    if code:
        text, shadow = text[:code.start()], shadow[:code.start()]
    occurrences = _occurrences(shadow, weak)
    if not occurrences:
        return _bare_date(text, shadow) if bare_date else None
    result = MetaLine(colon=any(colon for *_, colon in occurrences), residue=code.group().strip() if code else "")
    lead_text, lead_shadow = text[:occurrences[0][0]], shadow[:occurrences[0][0]]
    lead_date = find_date(lead_text) if lead_text.strip(TRIM) else None
    if lead_date and len(compact(lead_shadow[:lead_date.start] + lead_shadow[lead_date.end:]).strip(TRIM)) <= 2:
        result.pairs.append(MetaPair("published", "", lead_text.strip(), lead_date.iso))
    else:
        result.residue = lead_shadow + result.residue
    for n, (_start, end, label, _colon) in enumerate(occurrences):
        last = n + 1 == len(occurrences)
        stop = len(text) if last else occurrences[n + 1][0]
        field_name = LABEL_FIELD[label]
        ok, value = _typed(field_name, text[end:stop], shadow[end:stop], label)
        trailing = _trailing_date(text[end:stop]) if last and field_name not in ("published", "updated") else None
        if trailing is not None:
            # ``来源：河南日报 作者：王小明 2008-03-12 09:21:33``: the line ends with its date, unlabelled
            cut = end + trailing.start
            cut_ok, cut_value = _typed(field_name, text[end:cut], shadow[end:cut], label)
            if cut_ok:
                stop, ok, value = cut, cut_ok, cut_value
            else:
                trailing = None
        if not ok:
            return None
        result.pairs.append(MetaPair(field_name, label, text[end:stop].strip(TRIM), value))
        if trailing is not None:
            result.pairs.append(MetaPair("published", "", text[stop:].strip(), trailing.iso))
    result.residue = compact(result.residue).strip(TRIM)
    return result


def _trailing_date(value: str) -> FoundDate | None:
    """A date with a time of day that ends ``value`` after a space (the line's unlabelled dateline), or ``None``."""
    found = find_date(value)
    if found is None or "T" not in found.iso or found.start == 0 or not value[found.start - 1].isspace():
        return None
    return found if len(compact(value[found.end:]).strip(TRIM)) <= 2 else None


def _bare_date(text: str, shadow: str) -> MetaLine | None:
    found = find_date(text)
    if found is None or len(compact(shadow[:found.start] + shadow[found.end:]).strip(TRIM)) > 2:
        return None
    return MetaLine(pairs=[MetaPair("published", "", text.strip(), found.iso)])


def labelled_fields(shadow: str) -> set[str]:
    """The fields of the labels that stand with a colon on a line (``来源：``, ``发布时间:``), by the rule
    :func:`parse_meta_line` finds them with: a short label glued after a Han character is part of a word."""
    return {LABEL_FIELD[label] for _start, _end, label, colon in _occurrences(shadow, weak=False) if colon}


def starts_with_label(shadow: str) -> bool:
    """The line opens with a meta label and a colon (``来源：``, ``原标题:``)."""
    match = LABEL_RE.match(shadow.lstrip(" [【(（"))
    return bool(match and match["colon"])
