"""A self-contained HTML page to review what cleaning did to a batch of pages.

One file, inline CSS and JavaScript, no network: it can be mailed or opened
from an archive. For each page: the page's lines in order with the removed
ones struck through and coloured by detector (the reason on hover and
beside the line), the repairs before and after, and the metadata table.
At the top: a legend that doubles as a filter (untick a detector to hide its
removals) and the totals per detector across the whole batch, failures
included. Page details are kept for the first ``max_pages`` pages so a
report of a million-page run stays openable; totals cover every page.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ._version import __version__
from .document import Document
from .explain import explain_dict
from .io.page_input import PageInput
from .io.parallel import PageResult

PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#e377c2", "#8c564b",
           "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd")


def page_view(doc: Document, page: PageInput) -> dict[str, Any]:
    """The part of a cleaned page the report shows (computed in the worker)."""
    view = explain_dict(doc, key=page.key)
    view["url"] = page.url
    return view


class Report:
    """Collects page results and renders the HTML."""

    def __init__(self, *, max_pages: int = 500, title: str = "cleanpage review") -> None:
        self.max_pages = max_pages
        self.title = title
        self.pages: list[dict[str, Any]] = []
        self.failures: list[dict[str, str | None]] = []
        self.totals: Counter[str] = Counter()
        self.pages_with: Counter[str] = Counter()
        self.page_count = 0

    def add(self, result: PageResult) -> None:
        self.page_count += 1
        if result.error is not None:
            self.failures.append({"id": result.key, "error": result.error[0], "message": result.error[1]})
            return
        view: dict[str, Any] = result.payload
        self.totals.update(view["totals"])
        self.pages_with.update(view["totals"].keys())
        if len(self.pages) < self.max_pages:
            self.pages.append(view)

    def render(self) -> str:
        colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(self.totals))}
        slots = {name: i for i, name in enumerate(sorted(self.totals))}
        style = CSS + "".join(
            f".d{slots[n]}{{--c:{c}}} body.hide-d{slots[n]} li.d{slots[n]}{{display:none}}\n" for n, c in colours.items())
        generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        shown = "" if len(self.pages) == self.page_count - len(self.failures) else (
            f" (details for the first {len(self.pages)})")
        parts = [
            "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            f"<title>{_e(self.title)}</title><style>{style}</style></head><body>",
            f"<header><h1>{_e(self.title)}</h1><p class=\"summary\">{self.page_count} page(s), "
            f"<span id=\"failure-count\">{len(self.failures)}</span> failed, {sum(self.totals.values())} removal(s){shown}"
            f" · cleanpage {_e(__version__)} · {generated}</p>",
            "<p class=\"tools\"><button id=\"expand\">expand all</button> <button id=\"collapse\">collapse all</button> "
            "<input id=\"search\" type=\"search\" placeholder=\"filter pages by id or title\"> "
            "<span id=\"status\"></span></p></header>",
            self._legend(colours, slots),
            self._totals(slots),
            self._failures(),
            "<main id=\"pages\">",
            *(self._page(number, view, slots) for number, view in enumerate(self.pages, start=1)),
            "</main>",
            f"<script>{SCRIPT}</script></body></html>\n",
        ]
        return "\n".join(parts)

    def _legend(self, colours: Mapping[str, str], slots: Mapping[str, int]) -> str:
        items = "".join(
            f"<li class=\"detector d{slots[name]}\" data-detector=\"{_e(name)}\"><label>"
            f"<input type=\"checkbox\" checked data-slot=\"d{slots[name]}\"> <span class=\"swatch\"></span>"
            f"{_e(name)}</label></li>" for name in colours)
        return f"<section id=\"legend-box\"><h2>Detectors</h2><ul id=\"legend\">{items}</ul></section>"

    def _totals(self, slots: Mapping[str, int]) -> str:
        rows = "".join(
            f"<tr class=\"d{slots[name]}\" data-detector=\"{_e(name)}\"><td><span class=\"swatch\"></span>{_e(name)}</td>"
            f"<td class=\"num\">{count}</td><td class=\"num\">{self.pages_with[name]}</td></tr>"
            for name, count in self.totals.most_common())
        return ("<section><h2>Totals across the batch</h2><table id=\"totals\"><thead><tr><th>detector</th>"
                f"<th>removals</th><th>pages</th></tr></thead><tbody>{rows}</tbody>"
                f"<tfoot><tr><td>all</td><td class=\"num\">{sum(self.totals.values())}</td>"
                f"<td class=\"num\">{self.page_count}</td></tr></tfoot></table></section>")

    def _failures(self) -> str:
        if not self.failures:
            return ""
        rows = "".join(f"<tr><td>{_e(f['id'])}</td><td>{_e(f['error'])}</td><td>{_e(f['message'])}</td></tr>"
                       for f in self.failures)
        return (f"<section><h2>Failed pages</h2><table id=\"failures\"><thead><tr><th>page</th><th>error</th>"
                f"<th>message</th></tr></thead><tbody>{rows}</tbody></table></section>")

    def _page(self, number: int, view: Mapping[str, Any], slots: Mapping[str, int]) -> str:
        title = view["metadata"].get("title") or ""
        removed = sum(view["totals"].values())
        lines = "".join(self._line(line, slots) for line in view["lines"])
        return (f"<section class=\"page\" id=\"page-{number}\" data-search=\"{_e((view['id'] or '') + ' ' + title)}\">"
                f"<details open><summary><span class=\"key\">{_e(view['id'])}</span> <span class=\"title\">{_e(title)}"
                f"</span> <span class=\"badge\">{removed} removed · {len(view['repairs'])} repaired</span></summary>"
                f"{self._metadata(view)}<ol class=\"lines\">{lines}</ol>{self._repairs(view['repairs'])}"
                f"{self._warnings(view['warnings'])}</details></section>")

    @staticmethod
    def _line(line: Mapping[str, Any], slots: Mapping[str, int]) -> str:
        where = line["line"] if line["line"] is not None else f"#{line['block']}"
        if line["detector"] is None:
            return f"<li class=\"kept\"><span class=\"ln\">{_e(where)}</span>{_e(line['text'])}</li>"
        why = f"{line['detector']}/{line['rule']}: {line['reason']}"
        action = "" if line["action"] == "drop" else f" ({line['action']})"
        return (f"<li class=\"removed d{slots[line['detector']]}\" data-detector=\"{_e(line['detector'])}\" "
                f"title=\"{_e(why)}\"><span class=\"ln\">{_e(where)}</span><del>{_e(line['text'])}</del>"
                f"<span class=\"why\">{_e(line['detector'])}{_e(action)} · {_e(line['reason'])}</span></li>")

    @staticmethod
    def _metadata(view: Mapping[str, Any]) -> str:
        rows = "".join(f"<tr><th>{_e(name)}</th><td>{_e(_show(value))}</td></tr>" for name, value in view["metadata"].items())
        if view.get("url") and "url" not in view["metadata"]:
            rows = f"<tr><th>url</th><td>{_e(view['url'])}</td></tr>" + rows
        return f"<table class=\"meta\">{rows}</table>" if rows else ""

    @staticmethod
    def _repairs(repairs: list[dict[str, Any]]) -> str:
        if not repairs:
            return ""
        rows = "".join(
            f"<tr><td>{_e(r['kind'])}</td><td class=\"before\"><del>{_e(r['before'])}</del></td>"
            f"<td class=\"after\"><ins>{_e(r['after'])}</ins></td><td class=\"num\">{r['confidence']:.2f}</td>"
            f"<td>{_e(r['note'])}</td></tr>" for r in repairs)
        return (f"<table class=\"repairs\"><thead><tr><th>repair</th><th>before</th><th>after</th><th>confidence</th>"
                f"<th>note</th></tr></thead><tbody>{rows}</tbody></table>")

    @staticmethod
    def _warnings(warnings: list[str]) -> str:
        if not warnings:
            return ""
        return "<ul class=\"warnings\">" + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul>"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " · ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


CSS = """
:root{--c:#999}
body{font:14px/1.55 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 0;z-index:2}
h1{font-size:20px;margin:6px 0}h2{font-size:16px;margin:16px 0 6px}
.summary{margin:0;color:#555}.tools{margin:4px 0}#status{color:#555;margin-left:8px}
#legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 14px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;background:var(--c);margin-right:5px;vertical-align:-1px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}
td.num{text-align:right}tfoot td{font-weight:600}
.page{border:1px solid #ddd;border-radius:6px;margin:12px 0;padding:4px 10px}
summary{cursor:pointer;font-weight:600}.key{font-family:monospace}.title{color:#333}
.badge{font-weight:400;color:#666;font-size:12px;margin-left:6px}
.meta th{background:#f6f6f6;font-weight:500;white-space:nowrap}
ol.lines{list-style:none;padding:0;margin:8px 0}
ol.lines li{padding:1px 4px;border-left:4px solid transparent;white-space:pre-wrap;word-break:break-all}
.ln{display:inline-block;min-width:3.5em;color:#aaa;font:12px monospace;user-select:none}
li.removed{border-left-color:var(--c);background:color-mix(in srgb,var(--c) 10%,white)}
li.removed del{color:var(--c);text-decoration:line-through}
.why{color:#666;font-size:12px;margin-left:10px}
.repairs del{background:#fdd}.repairs ins{background:#dfd;text-decoration:none}
.warnings{color:#a60}
section.page.filtered{display:none}
"""

SCRIPT = """
(function(){
  var body=document.body;
  function status(){
    var pages=document.querySelectorAll('section.page:not(.filtered)').length;
    var shown=0;
    document.querySelectorAll('section.page:not(.filtered) li.removed').forEach(function(li){
      if(getComputedStyle(li).display!=='none'){shown++;}
    });
    document.getElementById('status').textContent=pages+' page(s) shown, '+shown+' removal(s) visible';
  }
  document.querySelectorAll('#legend input').forEach(function(box){
    box.addEventListener('change',function(){body.classList.toggle('hide-'+box.dataset.slot,!box.checked);status();});
  });
  document.getElementById('expand').onclick=function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});};
  document.getElementById('collapse').onclick=function(){document.querySelectorAll('details').forEach(function(d){d.open=false;});};
  document.getElementById('search').addEventListener('input',function(ev){
    var q=ev.target.value.toLowerCase();
    document.querySelectorAll('section.page').forEach(function(p){
      p.classList.toggle('filtered',q!=='' && p.dataset.search.toLowerCase().indexOf(q)<0);
    });
    status();
  });
  status();
})();
"""
