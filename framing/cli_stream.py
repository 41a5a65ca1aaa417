"""``framing analyze --format json|jsonl`` and ``--scheduler``: the streamed run behind the command line.

Kept apart from ``cli.py`` so the two-pass machinery (and Dask, for ``--scheduler``) loads only for
these runs. The output file is opened before the analysis starts: an unwritable path fails at once,
not after an hour of work.
"""

from __future__ import annotations

import argparse
import sys
from typing import IO

from .components import check_components, default_components
from .corpus import load_paths
from .export import terminal_safe
from .lexicon import Lexicon, load_tone_lexicon
from .progress import progress_bar
from .senses import ContextRules
from .output_file import OutputFile
from .stream import StreamSummary, stream_jsonl

__all__ = ["run_streamed"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def run_streamed(args: argparse.Namespace, lexicon: Lexicon, rules: ContextRules | None = None) -> int:
    """Run ``analyze`` as JSON or JSON lines, locally (``--workers``) or on Dask; return the exit code."""
    if args.format not in ("json", "jsonl"):
        _warn(f"error: --scheduler streams results back as JSON; use --format jsonl or json (not {args.format})")
        return EXIT_USAGE
    loaded = load_paths(args.paths)  # first: an output file inside an input folder is not read as input
    articles, skipped = list(loaded.articles), loaded.skipped
    del loaded  # stream_jsonl(consume=True) empties ``articles``: the inputs are then dropped as they are spilled
    try:  # a file appears only once the whole run is written (framing.output_file); stdout streams
        target = OutputFile(args.out) if args.out else None
    except OSError as exc:
        _warn(f"error: cannot write {args.out}: {exc.strerror or exc}")
        return EXIT_USAGE
    out: IO[bytes] = target.handle if target else sys.stdout.buffer
    try:
        steps = check_components(default_components(lexicon=lexicon, tone_lexicon=load_tone_lexicon(), rules=rules))
        with progress_bar("analysing") as progress:
            summary: StreamSummary
            if args.scheduler:
                from .cluster import ClusterError, stream_on_cluster

                try:
                    summary = stream_on_cluster(args.scheduler, articles, out, steps=steps, lexicon=lexicon,
                                                skipped=skipped, progress=progress, layout=args.format)
                except ClusterError as exc:
                    _warn(f"error: {exc}")
                    return EXIT_USAGE
            else:
                summary = stream_jsonl(articles, out, steps=steps, lexicon=lexicon, skipped=skipped,
                                       workers=args.workers, progress=progress, layout=args.format, consume=True)
        out.flush()
        if target:
            target.commit()
    finally:
        if target:
            target.discard()  # after commit() a no-op; otherwise the half-written file is removed
    for item in summary.skipped:
        _warn(f"skipped {item.source}: {item.reason}")
    for source, note in summary.truncated:
        _warn(f"truncated {source}: {note}")
    return EXIT_SKIPPED if summary.skipped or not summary.articles else EXIT_OK


def _warn(message: str) -> None:
    print(terminal_safe(message), file=sys.stderr)
