"""Command line: ``python -m framing analyze PATH... [--format table|csv|json|jsonl] [--lexicon FILE]
[--rules FILE] [--out FILE] [--workers N] [--scheduler tcp://HOST:PORT]``,
``python -m framing report PATH... --out FILE.html [--charts]`` (the printable handout, rendered by
``framing_render``, imported only for this command) and ``python -m framing validate [--data DIR] [--out FILE]``.

Exit codes: 0 every file loaded; 1 some input was skipped, or an article's analysis failed (results for the
rest are still written);
2 bad usage (unknown option, unreadable or invalid lexicon, unwritable output, benchmark data missing).
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import sys
from collections.abc import Callable, Sequence

from .errors import FramingError
from .corpus import load_paths
from .export import terminal_safe, to_csv, to_json_bytes, to_table, truncation_notes
from .components import default_components
from .output_file import write_whole
from .lexicon import Lexicon, extend_lexicon, load_default_lexicon, load_lexicon, load_tone_lexicon
from .pipeline import analyze_articles
from .progress import progress_bar
from .senses import ContextRules, extend_rules, load_default_rules, load_rules
from .types import CorpusReport
from .workers import available_cores
from .benchmark_files import DEFAULT_DATA_DIR, EMPHASIS_FILE, TONE_FILE

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
_RENDERERS: dict[str, Callable[[CorpusReport], str | bytes]] = {"table": to_table, "csv": to_csv, "json": to_json_bytes}
#: Allocations between two runs of the cyclic collector's youngest generation in an ``analyze`` run
#: (Python's default: 700). The analysis allocates millions of short-lived objects and few cycles; at
#: 700 the collector took ~7% of a 1,000-article run (bench/README.md). Only the command line run as
#: a program, which owns its process, changes this: never the library (the dashboard shares its
#: process) nor ``main([...])`` called from Python (tests, notebooks).
GC_YOUNG_THRESHOLD = 50_000
#: Formats written while the analysis runs (framing.stream: two passes, chunk by chunk), never held whole.
_STREAMED = ("json", "jsonl")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (its help text is the CLI's documentation)."""
    parser = argparse.ArgumentParser(
        prog="python -m framing",
        description="Compare how news articles frame one event: trade, security and diplomacy emphasis, "
        "tone, readability and distinctive words, with the evidence behind every number.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = commands.add_parser(
        "analyze",
        help="analyse files or folders of articles",
        description="Analyse .txt/.md (front matter optional), .html, .csv and .jsonl articles.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    analyze.add_argument("--format", choices=sorted({*_RENDERERS, *_STREAMED}), default="table",
                         help="output format (default: table); jsonl streams one article per line as it is done, "
                         "then the outlets, then a corpus line")
    lexicons = analyze.add_mutually_exclusive_group()
    lexicons.add_argument("--lexicon", metavar="FILE", help="frame lexicon CSV that replaces the default")
    lexicons.add_argument("--extend-lexicon", metavar="FILE", help="frame lexicon CSV added to the default (its rows win)")
    rules = analyze.add_mutually_exclusive_group()
    rules.add_argument("--rules", metavar="FILE",
                       help="sense and context rules CSV (columns rule, term, context, window, note) that replaces "
                       "the default framing/lexicons/frame_rules.csv")
    rules.add_argument("--extend-rules", metavar="FILE", help="sense and context rules CSV added to the default")
    analyze.add_argument("--out", metavar="FILE", help="write the result to FILE instead of standard output")
    analyze.add_argument("--workers", type=_positive, default=available_cores(), metavar="N",
                         help=f"processes for the per-article work (default: the {available_cores()} cores here); "
                         "the output is the same for any N")
    analyze.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                         help="run on a Dask distributed cluster (pip install 'dask[distributed]'); "
                         "results are streamed back, the output is the same as on one machine")
    report = commands.add_parser(
        "report",
        help="write the printable HTML report (the classroom handout) of files or folders of articles",
        description="The same self-contained HTML report as the dashboard's Export page; print it from a "
        "browser (landscape: page 1 the overview, then the outlets side by side).",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    report.add_argument("--out", metavar="FILE", required=True, help="the HTML file to write")
    report.add_argument("--charts", action="store_true",
                        help="embed interactive charts (adds plotly.js, about 5 MB; every number is in the table anyway)")
    report.add_argument("--outlet", action="append", metavar="NAME", dest="outlets",
                        help="include only this outlet (repeat for several, in this order)")
    validate = commands.add_parser(
        "validate",
        help="measure tone and frame scores against human judgements (docs/validity.md)",
        description="Compare our sentence tone with human ratings (VADER as baseline) and our dominant frame "
        "with editors' topic tags (a keyword count as baseline); prints a table and writes the figures as JSON.",
    )
    validate.add_argument("--data", metavar="DIR", default=str(DEFAULT_DATA_DIR),
                          help=f"folder holding {TONE_FILE} and {EMPHASIS_FILE} (default: {DEFAULT_DATA_DIR})")
    validate.add_argument("--out", metavar="FILE", default="validity.json",
                          help="where to write the figures as JSON (default: validity.json)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    if argv is None:  # run as the program: a kill (SIGTERM) unwinds, so worker processes are stopped too
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    if args.command == "validate":
        return _validate(args.data, args.out)
    if args.command == "report":
        from framing_render.cli import write_report  # the render layer, only for this command

        return write_report(args.paths, args.out, charts=args.charts, outlets=args.outlets)
    try:
        lexicon = _choose_lexicon(args.lexicon, args.extend_lexicon)
        rules = _choose_rules(args.rules, args.extend_rules)
    except FramingError as exc:
        _warn(f"error: {exc}")
        return EXIT_USAGE
    if argv is None:  # run as the program (python -m framing, the framing script), not called from Python
        _tune_collector()
    if args.format in _STREAMED or args.scheduler:
        from .cli_stream import run_streamed  # the two-pass streaming run (and Dask) load only when asked for

        return run_streamed(args, lexicon, rules)
    loaded = load_paths(args.paths)
    # Own rules: the standard components built with them (the lexicon goes in with them, not beside).
    steps = None if rules is None else default_components(lexicon=lexicon, tone_lexicon=load_tone_lexicon(), rules=rules)
    with progress_bar("analysing") as progress:
        report = analyze_articles(loaded.articles, lexicon=None if steps else lexicon, components=steps,
                                  skipped=loaded.skipped, workers=args.workers, progress=progress)
    output = _RENDERERS[args.format](report)
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    if args.out:
        try:
            write_whole(args.out, data)
        except OSError as exc:
            _warn(f"error: cannot write {args.out}: {exc.strerror or exc}")
            return EXIT_USAGE
    elif isinstance(output, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(output)
    for skipped in report.skipped:
        _warn(f"skipped {skipped.source}: {skipped.reason}")
    for article, note in truncation_notes(report):
        _warn(f"truncated {article.source or article.id}: {note}")
    return EXIT_SKIPPED if report.skipped or not report.articles else EXIT_OK


def _exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM as SystemExit (exit code 143, as the shell reports a kill): ``finally`` blocks and
    context managers run, so the coverage processes and the worker pool are stopped, not orphaned
    (they went on computing for their whole job after the parent had died)."""
    raise SystemExit(128 + signal.SIGTERM)


def _tune_collector() -> None:
    """Freeze what is loaded so far (modules, lexicons: never garbage) out of the collector's scans and
    run its youngest generation less often; results do not depend on when it runs."""
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"needs at least 1 process, got {number}")
    return number


def _warn(message: str) -> None:
    """One line on stderr; a file name with terminal escapes is shown as ``\\x1b``, never obeyed."""
    print(terminal_safe(message), file=sys.stderr)


def _validate(data: str, out: str) -> int:
    # Imported here: the validation code (and scipy's statistics) loads only for this command.
    from .validate import BenchmarkNotFoundError, format_table, run_validation

    try:
        figures = run_validation(data)
    except BenchmarkNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(format_table(figures))
    try:
        write_whole(out, (json.dumps(figures.to_dict(), indent=2) + "\n").encode("utf-8"))
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"figures written to {out}", file=sys.stderr)
    return EXIT_OK


def _choose_rules(replace: str | None, extend: str | None) -> ContextRules | None:
    """The user's sense rules (replacing or extending the packaged ones), or None for the packaged ones."""
    if replace:
        return load_rules(replace)
    if extend:
        return extend_rules(load_default_rules(), load_rules(extend))
    return None


def _choose_lexicon(replace: str | None, extend: str | None) -> Lexicon:
    if replace:
        return load_lexicon(replace)
    if extend:
        return extend_lexicon(load_default_lexicon(), load_lexicon(extend))
    return load_default_lexicon()
