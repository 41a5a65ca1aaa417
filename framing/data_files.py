"""The one reader of the package's data files (``framing/lexicons/``, ``framing/validity.json``).

A meta-test enforces that no other module opens them.

Every loader (frame and tone lexicons, tone weights, frame scales, cleaning cues, baseline keywords)
reads through these functions, so files are found with ``importlib.resources`` (works from a wheel or
a zip, never the network) and a broken file is reported with its name and line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

from .errors import LexiconError

__all__ = ["DATA_FOLDER", "data_source", "json_key_line", "read_data_text", "read_data_json", "read_data_csv"]

#: Where the data files live, as named in messages.
DATA_FOLDER = "framing/lexicons"  # the default package folder, as messages name it


def data_source(name: str, *, package: str = "framing.lexicons") -> str:
    """Return how messages name data file ``name``: ``framing/lexicons/<name>``."""
    return f"{package.replace('.', '/')}/{name}"


def read_data_text(name: str, *, package: str = "framing.lexicons") -> str:
    """Return the UTF-8 text of data file ``name`` (a BOM is dropped).

    Raises
    ------
    LexiconError
        When the file is missing or not UTF-8; the message names it.

    Examples
    --------
    >>> read_data_text("frames.csv").splitlines()[0]
    'term,frame,subcategory,weight,source,note'
    """
    resource = resources.files(package) / name
    try:
        return resource.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"{data_source(name, package=package)}: file missing from the package; reinstall framing-lens") from None
    except UnicodeDecodeError as exc:
        line = resource.read_bytes()[: exc.start].count(b"\n") + 1
        raise LexiconError(f"{data_source(name, package=package)} line {line}: not UTF-8 text (byte {exc.start})") from None


def read_data_json(name: str, *, package: str = "framing.lexicons", required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """Return the JSON object in data file ``name``; ``required`` keys must be there.

    Raises
    ------
    LexiconError
        When it is not valid JSON (the message gives the line), not an object, or lacks a required key.

    Examples
    --------
    >>> read_data_json("frames.meta.json", required=("name", "version"))["name"]
    'framing-lens-frames'
    """
    try:
        data = json.loads(read_data_text(name, package=package))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{data_source(name, package=package)} line {exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{data_source(name, package=package)}: the top level must be a JSON object")
    missing = [key for key in required if key not in data]
    if missing:
        raise LexiconError(f"{data_source(name, package=package)}: key(s) {', '.join(map(repr, missing))} missing")
    return data


def json_key_line(name: str, key: str, *, package: str = "framing.lexicons") -> str:
    """How a message names the line of JSON data file ``name`` where ``key`` is first written
    (``framing/lexicons/<name> line <n>``; the file alone when the key is not written in it).

    Examples
    --------
    >>> json_key_line("frames.meta.json", "name")
    'framing/lexicons/frames.meta.json line 2'
    """
    text = read_data_text(name, package=package)
    at = text.find(json.dumps(key) + ":")
    source = data_source(name, package=package)
    return source if at < 0 else f"{source} line {text.count(chr(10), 0, at) + 1}"


def read_data_csv(name: str, *, required: tuple[str, ...] = ()) -> tuple[tuple[int, dict[str, str]], ...]:
    """Return ``(line number, row)`` for every row of CSV data file ``name``; header names lower-cased.

    Raises
    ------
    LexiconError
        When a required column is missing or a row has more values than the header.

    Examples
    --------
    >>> line, row = read_data_csv("frame_scales.csv", required=("frame", "scale"))[0]
    >>> line, sorted(row)[:2]
    (2, ['frame', 'note'])
    """
    return parse_csv_rows(read_data_text(name), source=data_source(name), required=required)


def parse_csv_rows(
    text: str, *, source: str, required: tuple[str, ...] = ()
) -> tuple[tuple[int, dict[str, str]], ...]:
    """Parse CSV text like :func:`read_data_csv`; ``source`` names it in messages."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in required if c not in columns]
    if missing:
        raise LexiconError(f"{source} line 1: missing column(s) {', '.join(missing)}")
    reader.fieldnames = columns
    rows = []
    for row in reader:
        if None in row:
            raise LexiconError(f"{source} line {reader.line_num}: more values than the header has columns")
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}))
    return tuple(rows)
