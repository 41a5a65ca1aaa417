"""What is known of each bundled outlet, read from the table in ``data/README.md`` (one source of truth).

Labels stay short so they read on a chart axis; the reason behind each label is one click away on
the Overview page. No streamlit here.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["read_outlet_notes"]

_ROW = re.compile(r"^\|\s*[^|]+\.md\s*\|\s*(?P<label>[^|]+?)\s*\|\s*[^|]*\|\s*(?P<known>[^|]+?)\s*\|")


def read_outlet_notes(readme: Path) -> dict[str, str]:
    """``{outlet label: what is known}`` from the file table of a corpus README; empty if there is none.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "README.md"
    >>> _ = path.write_text("| file | outlet label | date | what is known | x |\\n| a.md | Daily | - | Named in the bio. | - |\\n")
    >>> read_outlet_notes(path)
    {'Daily': 'Named in the bio.'}
    """
    try:
        lines = readme.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    notes = {}
    for line in lines:
        match = _ROW.match(line)
        if match:
            notes[match["label"]] = match["known"]
    return notes
