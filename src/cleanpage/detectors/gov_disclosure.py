"""C18 government information-disclosure tables (政府信息公开).

Removes the metadata table of policy and document pages (``索引号：…``,
``发文机关：…``, ``发文字号：吉政明电〔2022〕1号``, ``成文日期：…``,
``有效性：有效``; Traditional ``發文字號``, ``發布單位``, ``資料來源``) once at
least three distinct labels occur within eight lines, one label or several per
line, a value possibly on the next line. Harvests the table into ``gov``
(``index_number``, ``issuing_body``, ``doc_number`` as printed plus
``doc_number_norm``, ``written``, ``published``, ``topic``, ``validity``,
``disclosure``, …; dates as ISO 8601), ``published`` from 发布日期/公开日期
only (成文日期 is the signing date: ``gov.written``, never ``published``),
``updated`` from 更新日期, ``source`` from 信息来源/资料来源 and ``views``
from 浏览人次/浏览次数.

Never removes: a single ``发布日期：`` line (an ordinary meta line, C03),
a document number cited inside a sentence
(``根据《…的决定》（国发〔2014〕45号）有关要求……``), a table of fewer than three
disclosure labels, a line with text before its first label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import parse_date
from ..names import parse_count
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector

LABELS: dict[str, str] = {
    "索引号": "index_number", "主题分类": "topic", "发文机关": "issuing_body", "发布机构": "issuing_body",
    "发布机关": "issuing_body", "发布单位": "issuing_body", "发文单位": "issuing_body", "成文日期": "written",
    "发布日期": "published", "公开日期": "published", "发文日期": "issued", "生效日期": "effective",
    "废止日期": "repealed", "标题": "title", "发文字号": "doc_number", "文号": "doc_number", "主题词": "keywords",
    "有效性": "validity", "时效性": "validity", "公开方式": "disclosure", "公开范围": "scope", "公开时限": "time_limit",
    "信息来源": "source", "资料来源": "source", "体裁分类": "genre", "组配分类": "composite_class",
    "信息分类": "info_class", "服务对象分类": "audience", "更新日期": "updated", "浏览人次": "views", "浏览次数": "views",
}
DATE_FIELDS = frozenset({"written", "published", "issued", "effective", "repealed", "updated"})
MIN_LABELS = 3
WINDOW = 8
MAX_VALUE_LINE = 40
# A label may be spaced out in a table dump (``索 引 号：``).
LABEL = re.compile(
    r"(?:^|(?<=\s))[\[【]?(?P<label>"
    + "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(LABELS, key=len, reverse=True))
    + r")[\]】]?\s*[:﹕∶︰]"
)
BRACKETS = str.maketrans({"[": "〔", "]": "〕", "（": "〔", "）": "〕", "(": "〔", ")": "〕", "［": "〔", "］": "〕"})


@dataclass
class TableLine:
    position: int
    pairs: list[tuple[str, str]]  # (label in the shadow with spaces removed, value as printed)


def _parse(text: str, shadow: str) -> list[tuple[str, str]] | None:
    """Label/value pairs if the line starts with a disclosure label, else ``None``."""
    # A label can only start after the leading whitespace: one anchored try rejects most lines.
    if not LABEL.match(shadow, len(shadow) - len(shadow.lstrip())):
        return None
    matches = list(LABEL.finditer(shadow))
    pairs = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        pairs.append(("".join(match["label"].split()), text[match.end():end].strip()))
    return pairs


def _normalise_number(doc_number: str) -> str:
    return re.sub(r"〔\s*(\d{4})\s*〕", r"〔\1〕", doc_number.translate(BRACKETS))


@register_detector
class GovDisclosure(Detector):
    """Government information-disclosure metadata tables (C18); harvests ``gov``."""

    name = "gov_disclosure"
    family = "C18"
    order = 22

    def detect(self, page: Page) -> Iterable[Finding]:
        lines = self._table_lines(page)
        for cluster in self._clusters(lines):
            yield from self._harvest(page, cluster)
            for line in cluster:
                yield Drop(page.blocks[line.position], "C18.table", "information-disclosure table")

    @staticmethod
    def _table_lines(page: Page) -> list[TableLine]:
        found: list[TableLine] = []
        pending: TableLine | None = None  # a line whose last label waits for its value on the next line
        for i, block in enumerate(page.blocks):
            pairs = _parse(block.text, page.shadow(block))
            if pairs is not None:
                pending = TableLine(i, pairs)
                found.append(pending)
                if pending.pairs[-1][1]:
                    pending = None
                continue
            feats = page.features(block)
            if pending and pending.position == i - 1 and feats.vlen <= MAX_VALUE_LINE and not feats.sentence_like:
                label, _ = pending.pairs[-1]
                found.append(TableLine(i, [(label, block.text.strip())]))
            pending = None
        return found

    @staticmethod
    def _clusters(lines: list[TableLine]) -> list[list[TableLine]]:
        groups: list[list[TableLine]] = []
        for line in lines:
            if groups and line.position - groups[-1][-1].position <= 2:
                groups[-1].append(line)
            else:
                groups.append([line])
        tables = []
        for group in groups:
            for start in group:
                labels = {label for line in group if start.position <= line.position < start.position + WINDOW
                          for label, _ in line.pairs}
                if len(labels) >= MIN_LABELS:
                    tables.append(group)
                    break
        return tables

    @staticmethod
    def _harvest(page: Page, cluster: list[TableLine]) -> Iterable[Finding]:
        values: dict[str, str] = {}
        raw: dict[str, str] = {}
        for line in cluster:
            for label, value in line.pairs:
                if value:
                    key = LABELS[label]
                    values.setdefault(key, value)
                    raw.setdefault(key, f"{label}:{value}")
        roc = bool(page.host and page.host.endswith(".tw")) or any("民国" in v or "民國" in v for v in values.values())
        gov: dict[str, object] = {}
        for key, value in values.items():
            gov[key] = (parse_date(value, roc=roc) or value) if key in DATE_FIELDS else value
        if "doc_number" in values:
            gov["doc_number_norm"] = _normalise_number(values["doc_number"])
        raw_text = " ".join(raw.values())
        yield Harvest("gov", gov, "C18.table", raw_text, 0.9)
        for field, rule in (("published", "C18.published"), ("updated", "C18.updated")):
            iso = parse_date(values[field], roc=roc) if field in values else None
            if iso:
                yield Harvest(field, iso, rule, raw[field], 0.9)
        if "source" in values:
            yield Harvest("source", values["source"], "C18.source", raw["source"], 0.9)
        count = parse_count(values["views"]) if "views" in values else None
        if count:
            yield Harvest("views", count[0], "C18.views", raw["views"], 0.8)
