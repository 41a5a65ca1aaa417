"""``python -m framing report``: the printable HTML report written to a file (exit codes as ``analyze``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from framing.output_file import write_whole
from framing.pipeline import analyze_paths

from .report import render_report_html

__all__ = ["write_report"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def write_report(paths: Sequence[str], out: str, *, charts: bool = False, outlets: Sequence[str] | None = None) -> int:
    """Analyse ``paths`` and write the HTML report to ``out``; return the exit code.

    0: every file loaded; 1: some input skipped (listed on stderr, the report covers the rest);
    2: an unknown outlet or an unwritable output.
    """
    report = analyze_paths(list(paths))
    try:
        page = render_report_html(report, outlets=outlets, include_charts=charts)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        write_whole(out, page)
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    for skipped in report.skipped:
        print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    print(f"report written to {out} ({len(page) / 1024:,.0f} kB, {len(report.articles)} articles)", file=sys.stderr)
    return EXIT_SKIPPED if report.skipped or not report.articles else EXIT_OK
