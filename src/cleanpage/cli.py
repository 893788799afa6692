"""The ``cleanpage`` command: ``clean``, ``learn``, ``explain``, ``report``, ``detectors`` and ``fixtures``.

Exit codes: 0 success, 1 some pages (or fixture cases) failed, 2 bad usage,
configuration or input, 130 interrupted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ._version import __version__
from .config import CAPTION_POLICIES, KINDS, OPENCC_CONFIGS, Config
from .errors import CleanpageError
from .io.inputs import (
    INPUT_FORMATS,
    JSONL_SUFFIXES,
    STDIN,
    JsonlFields,
    check_inputs,
    input_format,
    iter_pages,
)
from .io.merging import PageMerger, keep_document
from .io.outputs import PAGE_SEPARATOR, ErrorLog, StreamWriter, TableWriter, TreeWriter, atomic_write
from .io.page_input import PageInput
from .io.parallel import PageResult
from .io.runner import Summary, run_batch
from .io.work import FORMATS, ArrowRow, CleanTask, Render, Renderer, SegmentTask, SiteLearners, parquet_schema
from .profile_model import SiteProfile, load_profiles, save_profiles

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PARQUET_SUFFIX = ".parquet"

CLEAN_EXAMPLES = """examples:
  cleanpage clean page.html                        print the body of one page
  cleanpage clean dumps/ -o clean/ --jobs 4        mirror a folder tree of pages as .txt files
  cleanpage clean dumps/ --glob '*.html' -o clean/ --format json --trace
  cleanpage clean crawl.jsonl -o clean.jsonl --content-field html --url-field url
  cleanpage clean crawl.warc.gz -o clean.jsonl --unordered --skip-existing
  cleanpage clean dumps/ -o clean.parquet          one Parquet file (the columns of clean_table)
  cat page.html | cleanpage clean - --convert t2s
  cat crawl.jsonl | cleanpage clean - --input-format jsonl > clean.jsonl
  cleanpage clean dumps/ -o clean/ --profiles profiles/      use site profiles made by 'cleanpage learn'
  cleanpage clean dumps/ -o clean/ --learn-sites             learn the profiles first, in the same run
  cleanpage clean pages.jsonl --merge-pages -o articles.jsonl  one record per article, its pages merged
"""
LEARN_EXAMPLES = """examples:
  cleanpage learn crawl/ -o profiles/                 one profile per site (URL host, else folder)
  cleanpage learn crawl/ -o profiles/ --jobs 4        segment the pages in 4 worker processes
  cleanpage learn crawl.jsonl -o profiles/ --group-by host
  cleanpage clean crawl/ -o clean/ --profiles profiles/
"""
EXPLAIN_EXAMPLES = """examples:
  cleanpage explain page.html                      kept and removed lines, coloured on a terminal
  cleanpage explain dump.txt --format json | jq '.lines[] | select(.detector)'
  cleanpage explain page.html --disable navigation --url https://example.com/a.html
"""
REPORT_EXAMPLES = """examples:
  cleanpage report dumps/ -o report.html           review a folder of pages in a browser
  cleanpage report crawl.jsonl -o report.html --max-pages 200 --jobs 4
"""
FIXTURES_EXAMPLES = """examples:
  cleanpage fixtures check tests/fixtures          diff every case against its expectations
  cleanpage fixtures update tests/fixtures         record the current output of differing cases
  cleanpage fixtures add page.html news/new-page --root tests/fixtures --url https://example.com/a
"""


DETECTORS_EXAMPLES = """examples:
  cleanpage detectors                              every detector and repair, in pipeline order
  cleanpage detectors --format json | jq '.[] | select(.kind == "repair")'
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=34)


class _Parser(argparse.ArgumentParser):
    """No abbreviated flags (``--url`` must never be read as ``--url-field``), and each command's parser
    remembers itself so a stray argument is reported with that command's usage, not the top level's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)
        self.set_defaults(usage_of=self)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleanpage", formatter_class=_Formatter,
        description="Turn scraped Chinese web pages into clean article bodies plus metadata, explaining every removal.",
        epilog="run 'cleanpage COMMAND --help' for the options and examples of each command")
    parser.add_argument("--version", action="version", version=f"cleanpage {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    clean = commands.add_parser("clean", help="clean pages, folders, JSONL or WARC files", formatter_class=_Formatter,
                                description="Clean many pages in parallel; failures are logged, never fatal.",
                                epilog=CLEAN_EXAMPLES)
    _add_inputs(clean)
    clean.add_argument("-o", "--output", metavar="OUT",
                       help="folder mirroring the input tree, or a .jsonl or .parquet file; default: standard output")
    clean.add_argument("--format", choices=(*FORMATS, "parquet"), default=None,
                       help="text, markdown, json (one file per page), jsonl or parquet (one file, -o needed); "
                            "default: text into a folder or for one page, parquet for -o *.parquet, jsonl otherwise")
    clean.add_argument("--url", help="the page's URL, for a single page input (sets metadata.url, selects site rules)")
    clean.add_argument("--trace", action="store_true", help="include blocks, removals and repairs in JSON output")
    clean.add_argument("--skip-existing", action="store_true",
                       help="resume: skip pages whose output exists (folder) or whose id is in OUT (.jsonl)")
    clean.add_argument("--merge-pages", action="store_true",
                       help="write the pages of one multi-page article (linked by their pagers or URL page numbers) "
                            "as one output, its id the first page's URL; other pages pass through unchanged")
    _add_run_options(clean)
    _add_config_options(clean)
    clean.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local worker processes, or a Ray cluster (RAY_ADDRESS, else a local one with --jobs CPUs; "
                            "needs cleanpage[ray]; output is a new folder of JSONL or, with --format parquet, Parquet)")
    sites = clean.add_argument_group("site profiles")
    learned = sites.add_mutually_exclusive_group()
    learned.add_argument("--profiles", metavar="DIR", help="site profiles written by 'cleanpage learn'")
    learned.add_argument("--learn-sites", action="store_true",
                         help="learn a profile per site from the inputs first, then clean with them (two passes)")
    _add_group_by(sites)

    learn = commands.add_parser("learn", help="learn each site's chrome from many of its pages",
                                formatter_class=_Formatter, epilog=LEARN_EXAMPLES,
                                description="Group pages by site and write one profile per site: the lines and "
                                "blocks that recur across its pages, for 'cleanpage clean --profiles'.")
    _add_inputs(learn)
    learn.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the <site>.json profiles")
    learn.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    _add_group_by(learn)
    run = learn.add_argument_group("run")
    _add_jobs(run)
    _add_errors(run)
    _add_config_options(learn)

    explain = commands.add_parser("explain", help="show why each line of one page was kept or removed",
                                  formatter_class=_Formatter, description="The kept text of one page and every "
                                  "removal and repair, coloured by detector, with the reason.", epilog=EXPLAIN_EXAMPLES)
    explain.add_argument("file", metavar="FILE", help="a page file, or - for standard input")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.add_argument("--url", help="the page's URL (helps site rules and metadata)")
    explain.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="ANSI colours: auto (on a terminal), always or never")
    _add_config_options(explain)

    report = commands.add_parser("report", help="write a self-contained HTML page to review a batch",
                                 formatter_class=_Formatter, description="One HTML file (no network needed) showing, "
                                 "per page, removed lines struck through and coloured by detector, repairs, metadata, "
                                 "and totals per detector across the batch.", epilog=REPORT_EXAMPLES)
    _add_inputs(report)
    report.add_argument("-o", "--output", metavar="HTML", required=True, help="the report file to write")
    report.add_argument("--max-pages", type=_positive_int, default=500,
                        help="pages shown in detail (totals always cover all); default 500")
    report.add_argument("--title", default="cleanpage review", help="the report's heading")
    _add_run_options(report)
    _add_config_options(report)

    detectors = commands.add_parser("detectors", help="list the detectors and repairs", formatter_class=_Formatter,
                                    description="Every detector and repair in pipeline order: name, family, order, "
                                    "whether it is on by default, and what it does.", epilog=DETECTORS_EXAMPLES)
    detectors.add_argument("--format", choices=("text", "json"), default="text")

    fixtures = commands.add_parser("fixtures", help="check, update or add regression fixture cases",
                                   formatter_class=_Formatter, description="The fixture regression harness "
                                   "(cleanpage.testing): cases are folders with input.* and expected.txt/.json.",
                                   epilog=FIXTURES_EXAMPLES)
    actions = fixtures.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    for name, text in (("check", "clean every case and diff it against its expectations"),
                       ("update", "rewrite the expectations of cases whose output differs")):
        action = actions.add_parser(name, help=text, description=text, formatter_class=_Formatter,
                                    epilog=FIXTURES_EXAMPLES)
        action.add_argument("root", nargs="?", default="tests/fixtures", help="fixture folder (default tests/fixtures)")
        action.add_argument("-v", "--verbose", action="store_true", help="show every case, not only failures")
        action.add_argument("--config", metavar="FILE", help="base TOML config (default: library defaults)")
    add = actions.add_parser("add", help="create a case from a page and its current output", formatter_class=_Formatter,
                             description="Create ROOT/NAME from INPUT, recording the current output as expected.",
                             epilog=FIXTURES_EXAMPLES)
    add.add_argument("input", metavar="INPUT", help="the page file")
    add.add_argument("name", metavar="NAME", help="case path under the root, e.g. news/site-a")
    add.add_argument("--root", default="tests/fixtures", help="fixture folder (default tests/fixtures)")
    add.add_argument("--url", help="the page's URL, stored in options.json")
    add.add_argument("--kind", choices=KINDS[1:], help="force html or text")
    add.add_argument("--config", metavar="FILE", help="base TOML config (default: library defaults)")
    return parser


def _add_group_by(parser: argparse._ActionsContainer) -> None:
    parser.add_argument("--group-by", choices=("auto", "host", "folder"), default="auto",
                        help="how pages are grouped into sites: URL host, else folder (auto); default auto")


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="page files, folders (recursive), .jsonl/.warc/.warc.gz files, or - for standard input")
    group = parser.add_argument_group("input")
    group.add_argument("--glob", metavar="PATTERN", help="in folders, only files whose name or path matches, e.g. '*.html'")
    group.add_argument("--all-files", action="store_true",
                       help="in folders, every file (default: pages, text, JSON/JSONL/WARC and files without extension)")
    group.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                       help="how to read inputs: auto (by extension; stdin is one page), page, jsonl or warc")
    group.add_argument("--content-field", metavar="NAME",
                       help="JSONL field holding the page (default: first of html, content, raw, text, body)")
    group.add_argument("--url-field", metavar="NAME", default="url", help="JSONL field of the URL (default url)")
    group.add_argument("--headers-field", metavar="NAME", default="headers",
                       help="JSONL field of the HTTP headers: object, pairs or raw text (default headers)")
    group.add_argument("--id-field", metavar="NAME", default="id", help="JSONL field of a record id (default id)")
    group.add_argument("--content-encoding", choices=("text", "base64"), default="text",
                       help="JSONL page field holds text or base64 raw bytes (default text)")


def _add_jobs(group: argparse._ActionsContainer) -> None:
    group.add_argument("-j", "--jobs", type=_positive_int, default=os.cpu_count() or 1,
                       help="worker processes (default: number of CPUs)")


def _add_errors(group: argparse._ActionsContainer) -> None:
    group.add_argument("--errors", metavar="FILE", help="JSONL log of failed pages (default: OUT.errors.jsonl)")


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("run")
    _add_jobs(group)
    order = group.add_mutually_exclusive_group()
    order.add_argument("--ordered", dest="ordered", action="store_true", default=True,
                       help="write results in input order (default)")
    order.add_argument("--unordered", dest="ordered", action="store_false",
                       help="write results as they finish (faster when page times vary)")
    group.add_argument("--timeout", type=float, metavar="SECONDS",
                       help="seconds one page may take (overrides the config); a page that hangs is killed")
    group.add_argument("--max-memory", type=_positive_int, metavar="MB",
                       help="address-space ceiling of each worker; a page exceeding it fails")
    _add_errors(group)
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("cleaning (override the config file)")
    group.add_argument("--config", metavar="FILE",
                       help="TOML config; default: nearest cleanpage.toml or pyproject.toml [tool.cleanpage]")
    group.add_argument("--kind", choices=KINDS, help="auto (sniffed), html or text")
    group.add_argument("--convert", choices=OPENCC_CONFIGS, help="OpenCC conversion of the output, e.g. t2s")
    group.add_argument("--captions", choices=CAPTION_POLICIES, help="photo captions: move to metadata, drop or keep")
    group.add_argument("--disable", nargs="+", default=[], metavar="NAME", help="detectors or repairs to switch off")
    group.add_argument("--enable", nargs="+", default=[], metavar="NAME", help="optional detectors or repairs to switch on")


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def load_config(args: argparse.Namespace) -> Config:
    """The config file (``--config`` or discovered from the cwd) with the command-line flags on top."""
    config = Config.from_toml(args.config) if args.config else Config.discover()
    changes: dict[str, object] = {name: getattr(args, name) for name in ("kind", "convert", "captions")
                                  if getattr(args, name, None) is not None}
    if getattr(args, "timeout", None) is not None:
        changes["timeout"] = args.timeout
    if args.disable:
        changes["disable"] = (*config.disable, *args.disable)
    if args.enable:
        changes["enable"] = (*config.enable, *args.enable)
    config = config.replace(**changes)
    from .pipeline import Cleaner

    Cleaner(config)  # unknown detector names and bad patterns fail here, before any worker starts
    return config


def _jsonl_fields(args: argparse.Namespace) -> JsonlFields:
    return JsonlFields(content=args.content_field, url=args.url_field, headers=args.headers_field, id=args.id_field,
                       encoding=args.content_encoding)


def _pages(args: argparse.Namespace, config: Config) -> Iterator[PageInput]:
    check_inputs(args.inputs)  # a missing input is a usage error before any work, not a failure mid-run
    return iter_pages(args.inputs, glob=args.glob, all_files=args.all_files, forced_format=args.input_format,
                      fields=_jsonl_fields(args),
                      max_bytes=config.max_input_bytes)


def _single_page(args: argparse.Namespace) -> bool:
    if len(args.inputs) != 1:
        return False
    given = args.inputs[0]
    if given == STDIN:
        return args.input_format in ("auto", "page")
    return os.path.isfile(given) and input_format(given, args.input_format) == "page"


def _refuse_output_in_inputs(output: str, inputs: Sequence[str]) -> None:
    target = Path(output).resolve()
    for given in inputs:
        if given == STDIN:
            continue
        source = Path(given).resolve()
        if target == source or (source.is_dir() and source in target.parents):
            raise CleanpageError(f"the output {output} must not be an input or inside an input folder ({given})")


def _errors_path(args: argparse.Namespace) -> str | None:
    """``--errors``, else beside the output; ``None`` (standard error) when the output is standard output:
    a run never leaves a file in the current folder unasked."""
    if args.errors:
        return str(args.errors)
    if args.output and args.output != STDIN:
        base = args.output.rstrip("/\\")
        for suffix in (*JSONL_SUFFIXES, PARQUET_SUFFIX, ".html"):
            if base.lower().endswith(suffix):
                base = base[: -len(suffix)]
        return base + ".errors.jsonl"
    return None


def command_ray(args: argparse.Namespace, config: Config) -> int:
    """``clean --engine ray``: the same cleaning as a Ray Data job (:mod:`cleanpage.integrations.ray`)."""
    if STDIN in args.inputs or args.glob or args.profiles or args.learn_sites or not args.output:
        raise CleanpageError("--engine ray reads files and folders into a new output folder (-o); "
                             "standard input, --glob and site profiles are local-engine features")
    try:
        from .integrations.ray import run_ray
    except ImportError as exc:
        raise CleanpageError(f"--engine ray needs the ray extra (pip install 'cleanpage[ray]'): {exc}") from exc
    summary = run_ray(args.inputs, args.output, config=config, num_cpus=args.jobs,
                      fmt="parquet" if args.format == "parquet" else "jsonl", trace=args.trace,
                      html_field=args.content_field or "html", url_field=args.url_field,
                      headers_field=args.headers_field, id_field=args.id_field,
                      base64_html=args.content_encoding == "base64")
    if not args.quiet:
        print(json.dumps(summary.to_dict(), ensure_ascii=False), file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def command_clean(args: argparse.Namespace) -> int:
    config = load_config(args)
    if args.merge_pages and (args.engine == "ray" or args.skip_existing):
        raise CleanpageError("--merge-pages runs on the local engine and cannot resume (--skip-existing): an article's "
                             "pages must all pass through one run")
    if args.engine == "ray":
        return command_ray(args, config)
    to_parquet = args.format == "parquet" or (args.format is None and bool(args.output)
                                              and args.output.lower().endswith(PARQUET_SUFFIX))
    to_stream = not to_parquet and (not args.output or args.output == STDIN
                                    or args.output.lower().endswith(JSONL_SUFFIXES) or args.format == "jsonl")
    fmt = "parquet" if to_parquet else args.format or ("text" if not to_stream or _single_page(args) else "jsonl")
    if args.output and args.output != STDIN:
        _refuse_output_in_inputs(args.output, args.inputs)
        if (to_stream or to_parquet) and os.path.isdir(args.output):
            example = "out.parquet" if to_parquet else "out.jsonl"
            raise CleanpageError(f"{args.output} is a folder; --format {fmt} writes one file (e.g. -o {example})")
    # Inputs are checked before any output is opened, so a usage error leaves no partial file behind.
    pages = _pages(args, config)
    if args.url:
        if not _single_page(args):
            raise CleanpageError("--url names the URL of a single page input; JSONL and WARC records carry their own "
                                 "(--url-field)")
        pages = (dataclasses.replace(page, url=args.url) for page in pages)
    writer: StreamWriter | TreeWriter | TableWriter
    render: Renderer
    failure_rows: list[Callable[[PageResult], None]] = []
    done_before: Callable[[PageInput], bool] | None
    if to_parquet:
        table = _parquet_writer(args)
        writer, render, done_before = table, ArrowRow(trace=args.trace), None
        failure_rows.append(table.write_failure)
    elif to_stream:
        path = None if not args.output or args.output == STDIN else args.output
        separator = PAGE_SEPARATOR if fmt in ("text", "markdown") else ""
        stream = StreamWriter(path, separator=separator, skip_existing=args.skip_existing)
        writer, render = stream, Render(fmt, trace=args.trace)
        done_before = (lambda page: stream.done_before(page.key)) if args.skip_existing else None
    else:
        tree = TreeWriter(args.output, FORMATS[fmt], skip_existing=args.skip_existing)
        writer, render = tree, Render(fmt, trace=args.trace, pretty=True)
        done_before = (lambda page: tree.done_before(page.out_name)) if args.skip_existing else None
    errors = ErrorLog(_errors_path(args))
    complete = False
    merger = PageMerger(render, writer.write) if args.merge_pages else None
    try:
        task = CleanTask(config, keep_document if merger else render, profiles=_site_profiles(args, config),
                         group_by=args.group_by)
        summary = run_batch(pages, task, merger.add if merger else writer.write, jobs=_jobs(args),
                            ordered=args.ordered, page_timeout=config.timeout, max_memory_mb=args.max_memory,
                            on_failure=[errors.record, *failure_rows], done_before=done_before,
                            progress=None if not args.quiet else False)
        if merger:
            merger.finish()
        complete = True
    finally:
        try:
            writer.close(complete=complete)
        finally:
            errors.close()
    quiet_success = to_stream and summary.pages == 1 and not summary.failed  # one page printed: nothing to sum up
    if merger and not args.quiet:
        print(f"{merger.articles} article(s) merged from {merger.merged_pages} page(s)", file=sys.stderr)
    return _finish(summary, args, errors.where, show=not quiet_success)


def _parquet_writer(args: argparse.Namespace) -> TableWriter:
    """``--format parquet`` from the local engine: one file, appended a batch of pages at a time."""
    if not args.output or args.output == STDIN:
        raise CleanpageError("--format parquet writes a file, not standard output: give -o OUT.parquet")
    if args.skip_existing:
        raise CleanpageError("--skip-existing cannot resume a Parquet file; write JSONL (-o OUT.jsonl) to resume")
    try:
        schema = parquet_schema(trace=args.trace)
    except ImportError as exc:
        raise CleanpageError(f"--format parquet needs pyarrow (pip install 'cleanpage[arrow]'): {exc}") from exc
    return TableWriter(args.output, schema)


def _learn(args: argparse.Namespace, config: Config,
           on_failure: Sequence[Callable[[PageResult], None]] = ()) -> tuple[dict[str, SiteProfile], Summary]:
    """One profile per site from the inputs, segmented in ``--jobs`` workers like ``clean`` cleans them.

    Results are taken in input order, so the profiles do not depend on the
    number of workers. A failed page is counted in the summary and passed to
    ``on_failure``; when its site is known it is also listed in that profile's
    ``errors``.
    """
    if STDIN in args.inputs:
        raise CleanpageError("learning needs inputs that can be read twice; standard input cannot")
    learners = SiteLearners(config)
    summary = run_batch(_pages(args, config), SegmentTask(config, args.group_by), learners.add, jobs=_jobs(args),
                        page_timeout=config.timeout, max_memory_mb=getattr(args, "max_memory", None),
                        on_failure=[learners.add_failure, *on_failure], progress=None if not args.quiet else False)
    return learners.profiles(), summary


def _site_profiles(args: argparse.Namespace, config: Config) -> dict[str, SiteProfile]:
    if args.learn_sites:
        return _learn(args, config)[0]  # its failures fail again when cleaned, and are reported then
    return load_profiles(args.profiles) if args.profiles else {}


def _jobs(args: argparse.Namespace) -> int:
    """``--jobs``, except for a single page: starting more workers than pages only costs their start-up."""
    return 1 if _single_page(args) else int(args.jobs)


def command_learn(args: argparse.Namespace) -> int:
    config = load_config(args)
    errors = ErrorLog(_errors_path(args))
    try:
        profiles, summary = _learn(args, config, on_failure=[errors.record])
    finally:
        errors.close()
    written = save_profiles(profiles, args.output)
    if not args.quiet:
        for site, profile in sorted(profiles.items()):
            print(f"{site}: {profile.pages} pages", file=sys.stderr)
        print(f"{len(written)} profile(s) written to {args.output} in {summary.seconds:.1f} s", file=sys.stderr)
        if summary.failed:
            print(f"{summary.failed} of {summary.pages} page(s) failed; they are listed in {errors.where}",
                  file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def command_report(args: argparse.Namespace) -> int:
    from .report import Report, page_view

    config = load_config(args)
    _refuse_output_in_inputs(args.output, args.inputs)
    report = Report(max_pages=args.max_pages, title=args.title)
    errors = ErrorLog(_errors_path(args))
    try:
        summary = run_batch(_pages(args, config), CleanTask(config, page_view), report.add, jobs=args.jobs,
                            ordered=args.ordered, page_timeout=config.timeout, max_memory_mb=args.max_memory,
                            on_failure=[report.add, errors.record], progress=None if not args.quiet else False)
    finally:
        errors.close()
    atomic_write(Path(args.output), report.render())
    if not args.quiet:
        print(f"report written to {args.output}", file=sys.stderr)
    return _finish(summary, args, errors.where)


def _finish(summary: Summary, args: argparse.Namespace, errors_path: str | None, *, show: bool = True) -> int:
    if show and not args.quiet:
        print(summary.format(errors_path), file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def command_explain(args: argparse.Namespace) -> int:
    from .explain import explain_dict, format_explain
    from .pipeline import Cleaner

    config = load_config(args)
    if args.file == STDIN:
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise CleanpageError(f"cannot read {args.file}: {exc.strerror}") from exc
    doc = Cleaner(config).clean(data, url=args.url)
    if args.format == "json":
        import json

        print(json.dumps(explain_dict(doc, key=args.file), ensure_ascii=False, indent=2))
    else:
        colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
        sys.stdout.write(format_explain(doc, colour=colour, key=args.file))
    return EXIT_OK


def command_fixtures(args: argparse.Namespace) -> int:
    from . import testing

    config = Config.from_toml(args.config) if args.config else None
    if args.action == "add":
        options: dict[str, object] = {}
        if args.url:
            options["url"] = args.url
        if args.kind:
            options["kind"] = args.kind
        case = testing.add_case(args.root, args.name, args.input, config=config, **options)
        print(f"added {case.path}: {', '.join(sorted(p.name for p in case.path.iterdir()))}")
        return EXIT_OK
    report = testing.check(args.root, update=args.action == "update", config=config)
    sys.stdout.write(report.format(color=sys.stdout.isatty(), verbose=args.verbose))
    return EXIT_OK if report.ok else EXIT_FAILED


def command_detectors(args: argparse.Namespace) -> int:
    from .registry import describe

    rows = describe()
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(str(row["name"])) for row in rows)
    for row in rows:
        state = "on " if row["default"] else "off"
        print(f"{row['kind']:<8} {row['name']:<{width}} {row['family'] or '-':<6} {row['order']:>4} {state} "
              f"{row['summary']}")
    return EXIT_OK


COMMANDS = {"clean": command_clean, "explain": command_explain, "report": command_report, "fixtures": command_fixtures,
            "learn": command_learn, "detectors": command_detectors}


def main(argv: Sequence[str] | None = None) -> int:
    args, stray = build_parser().parse_known_args(argv)
    if stray:
        args.usage_of.error(f"unrecognized arguments: {' '.join(stray)}")
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("interrupted: finished outputs are kept; rerun with --skip-existing to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    except CleanpageError as exc:
        print(f"cleanpage: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `cleanpage clean dir/ | head`: the reader left, nothing is wrong
        # Whatever is still buffered for the closed pipe would fail again at exit, with a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
