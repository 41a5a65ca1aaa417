"""Load input files into :class:`~framing.types.Article` objects, without cleaning them.

Supported formats, chosen by file extension (case-insensitive):

* ``.txt`` / ``.md``: one article. An optional YAML front matter block (``---`` on the first line,
  closed by ``---``) may give ``outlet``, ``title``, ``date``, ``url``, ``credit`` and ``id``; other keys
  are ignored. Without front matter, a first line ``date YYYY-MM-DD`` (the seed scraper's marker,
  possibly followed by the first paragraph on the same line) is taken out into ``date``.
* ``.html`` / ``.htm``: one article; trafilatura extracts the main text and the title, date, URL
  and site name (the site name becomes the outlet).
* ``.csv`` (header row required) and ``.jsonl`` (one JSON object per line): one article per row,
  with columns/keys ``text`` (required), ``outlet``, ``title``, ``date``, ``url``, ``id``, ``credit``.
  Column and key names are matched case-insensitively. CSV rows are numbered as a spreadsheet shows
  them (the header is row 1); JSONL lines are numbered from 1.

Defaults when a field is missing: ``outlet`` is ``"Unknown outlet (<file stem>)"`` (never a guessed
name, and never shared by two unrelated files); ``title`` is the first sentence of the body (after a wire dateline: "BERLIN, January 22."), cut
to :data:`TITLE_MAX_CHARS` (a file stem such as ``001_290a004c`` tells a reader nothing, and the
stem stays available in ``id`` and ``source``); ``id`` is the file stem (``<stem>-row<N>`` /
``<stem>-line<N>`` for rows). Ids are made unique within one load by suffixing ``-2``, ``-3``, ...
Dates become ISO ``YYYY-MM-DD`` when they parse and ``None`` when they do not.

Nothing raises for a bad file or row: it becomes a :class:`~framing.types.SkippedInput` whose
reason says what is wrong, and everything else still loads. The body is kept as written (only
newlines are normalised to ``\\n`` and surrounding whitespace is stripped); cleaning belongs to
:mod:`framing.cleaning`.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any

import charset_normalizer
import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
import yaml
from charset_normalizer.constant import TOO_SMALL_SEQUENCE

from framing.cleaning import first_content_line
from framing.clutter import load_clutter_cues, place_dateline_length
from framing.errors import CorpusError
from framing.limits import LoadBudget
from framing.mojibake import repair_mojibake
from framing.segment import split_sentences
from framing.textnorm import clean_label, nfc, shorten
from framing.types import Article, LoadResult, SkippedInput

__all__ = [
    "SUPPORTED_SUFFIXES",
    "TITLE_MAX_CHARS",
    "article_from_text",
    "load_bytes",
    "load_paths",
    "merge_load_results",
    "normalise_date",
    "valid_unicode",
]

#: File extensions we can read; anything else named explicitly is reported as skipped.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".csv", ".htm", ".html", ".jsonl", ".md", ".txt")

#: Longest title derived from a body (characters). Judgement: about one line of a results table.
TITLE_MAX_CHARS = 80

#: Longest CSV field read. Python's csv module stops at 131,072 characters, which cost one long
#: feature and every row after it (issue 12); the file is in memory already, so a field can be as
#: long as the file (2**31 - 1: the most a C long holds on every platform). Long articles are then
#: cut to ``pipeline.MAX_ARTICLE_CHARS`` with a note, and the dashboard's budget still applies.
CSV_FIELD_LIMIT = 2**31 - 1
csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
#: Characters of a column name quoted in an error message.
COLUMN_NAME_SHOWN = 40

#: Fields read from front matter, CSV columns and JSONL keys.
_FIELDS: tuple[str, ...] = ("outlet", "title", "date", "url", "credit", "id")

#: Folder members with these lower-cased stems are documentation (``data/README.md``), not articles.
_IGNORED_STEMS: frozenset[str] = frozenset({"readme"})

#: Byte-order marks, longest first (a UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32-LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32-BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16-LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16-BE"),
)

#: Leading bytes of binary formats people rename or upload by mistake, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx or .xlsx"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Microsoft Office file"),
)

#: Share of 2-byte units with a NUL in the same position above which BOM-less bytes are tried as
#: UTF-16. Judgement: mostly-ASCII UTF-16 text is close to 1.0, binary formats are far lower.
_UTF16_NUL_SHARE = 0.3

#: Most NUL bytes (as a share of all bytes) a CSV or JSONL file may hold and still be read as text:
#: one stray NUL in one field (a broken export) costs that row, not the whole file. Judgement:
#: binary files have NULs in several per cent of their bytes.
_TABULAR_NUL_MAX_SHARE = 0.001
#: ... and however small the file, this many NULs are still taken as stray ones.
_TABULAR_STRAY_NULS = 8

#: Longest part of a third-party parser's error message quoted in a skip reason.
_PARSER_MESSAGE_CHARS = 160

#: Columns that may appear only once in a CSV header: with two ``text`` columns, which one is the
#: article is a guess, and a guess would silently analyse the wrong text.
_UNIQUE_COLUMNS: tuple[str, ...] = ("text", *_FIELDS)

#: Share of control characters (other than tab and line breaks) above which decoded text counts
#: as binary. Judgement: real text has almost none; decoded binary has several per cent.
_CONTROL_CHAR_MAX_SHARE = 0.05

#: How much more "chaos" than charset-normalizer's best guess we accept to read bytes as cp1252.
#: Found by trial: on short Western text it often prefers cp775, cp037 or UTF-16-BE (it read
#: "café" as two CJK characters), while cp1252 scores within 0.07 of the winner.
_CP1252_CHAOS_TOLERANCE = 0.1

#: Date formats tried after ISO 8601 (English month names, as in the seed articles' datelines).
_DATE_FORMATS: tuple[str, ...] = (
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
_SEED_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)")
#: A date given to month or year precision only ("2024-10", "2024"), kept as given (ISO 8601 allows it).
_PARTIAL_ISO_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]))?")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: A Markdown ATX heading's marks ("# Title", "## Title ##"): markup, never part of a title taken from the body.
_ATX_HEADING = re.compile(r"\A {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\Z")
#: A byte-order mark opening a line: what pasting two exported files together leaves behind.
_LINE_START_BOM = re.compile("^\ufeff+", re.MULTILINE)
#: A well-formed UTF-8 sequence of two to four bytes (RFC 3629), i.e. one non-ASCII character.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_TEXT_CONTROL_CHARS = frozenset("\t\n\r\f\v")
#: Unicode category Cc (U+0000-U+001F, U+007F-U+009F) minus the text controls above, as one pattern:
#: counting them with a regex instead of ``unicodedata.category`` per character took loading 1,000
#: articles from 3.5 s to under 1 s (issue 16); the count is the same.
_BINARY_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class _FrontMatterLoader(yaml.SafeLoader):
    """``SafeLoader`` that reads every value as text, keeping only ``null``.

    Our keys are all strings: ``id: 007`` must stay ``"007"`` and ``date: 2025-13-01`` must not
    abort the whole front matter (``safe_load`` raises on impossible dates). A field named twice
    (any case) is an error: YAML would keep the last value without a word. Only the front matter's
    own fields count: a nested mapping ("source: {id: a, ID: b}") is no field of ours.
    """

    _top: yaml.Node | None = None

    def construct_document(self, node: yaml.Node) -> Any:
        self._top = node
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            key = str(key_node.value).strip().lower()
            if key in _UNIQUE_COLUMNS and node is self._top:
                seen[key] = seen.get(key, 0) + 1
                if seen[key] == 2:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"'{key}' appears 2 times; which value is meant is unclear, so keep one",
                        key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# --------------------------------------------------------------------------- public API


def load_paths(paths: Sequence[str | os.PathLike[str]]) -> LoadResult:
    """Load files and folders into articles, reporting whatever could not be read.

    Folders are searched recursively in sorted order for supported files; other files, hidden
    files and folders, and README files inside a folder are ignored. A file named explicitly with
    an unsupported extension is reported as skipped. A file reached twice is loaded once.

    Parameters
    ----------
    paths : sequence of str or os.PathLike
        Files and/or folders, e.g. ``["data"]``.

    Returns
    -------
    LoadResult
        The articles in input order (ids unique within this load) and the skipped inputs.

    Raises
    ------
    TypeError
        If ``paths`` is a single path instead of a sequence of paths.

    Examples
    --------
    >>> load_paths(["no/such/file.txt"]).skipped
    (SkippedInput(source='no/such/file.txt', reason='file not found'),)
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(
            f"load_paths expects a sequence of paths, got a single {type(paths).__name__} {paths!r}; "
            f"wrap it in a list: load_paths([{str(paths)!r}])"
        )
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    for path in _unique_files(_expand_paths(paths), skipped):
        found, bad = _load_file(path)
        articles.extend(found)
        skipped.extend(bad)
    return LoadResult(articles=_with_unique_ids(articles), skipped=tuple(skipped))


def load_bytes(name: str, data: bytes, *, budget: LoadBudget | None = None) -> LoadResult:
    """Load one uploaded file; ``name`` decides the format by its extension.

    Parameters
    ----------
    name : str
        The file name as uploaded, e.g. ``"story.txt"``; its stem is the default id.
    data : bytes
        The file content, in any supported encoding.
    budget : LoadBudget, optional
        Articles and characters the load may still take (the dashboard's limits); rows past it are
        not read and one skipped item says which and why. ``None``: no limit.

    Returns
    -------
    LoadResult
        The file's articles (several for CSV/JSONL) and any skipped file or rows.

    Raises
    ------
    TypeError
        If ``data`` is not bytes (use :func:`article_from_text` for text).

    Examples
    --------
    >>> result = load_bytes("story.txt", b"---\\noutlet: Daily Example\\n---\\nMarkets rose today.")
    >>> result.articles[0].outlet, result.articles[0].title, result.articles[0].text
    ('Daily Example', 'Markets rose today.', 'Markets rose today.')
    >>> load_bytes("story.txt", b"   ").skipped[0].reason
    'only whitespace'
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(
            f"load_bytes expects bytes, got {type(data).__name__}; "
            "encode the text first or use article_from_text"
        )
    articles, skipped = _load_named_bytes(name, bytes(data), source=name, budget=budget)
    return LoadResult(articles=_with_unique_ids(articles), skipped=tuple(skipped))


def article_from_text(
    text: str,
    *,
    outlet: str,
    title: str = "",
    date: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002 - the name of Article.id, fixed by the dashboard's API
) -> Article:
    """Make an article from pasted text.

    Parameters
    ----------
    text : str
        The article body; kept as written apart from newline normalisation and outer whitespace.
    outlet : str
        The outlet's name; blank becomes ``"Unknown outlet (<id>)"``.
    title : str, optional
        Blank means the body's first sentence (at most :data:`TITLE_MAX_CHARS` characters).
    date : str or None, optional
        Any common date format; stored as ISO ``YYYY-MM-DD``, or ``None`` if it does not parse.
    url : str or None, optional
        Where the text came from.
    id : str or None, optional
        Defaults to ``"pasted-"`` plus a hash of the text, so the same text gets the same id.

    Returns
    -------
    Article
        With ``source="pasted text"``.

    Raises
    ------
    CorpusError
        If ``text`` is empty or only whitespace.

    Examples
    --------
    >>> article = article_from_text("Talks resumed. Both sides met.", outlet="Example Times",
    ...                             date="24 November 2025")
    >>> article.title, article.date
    ('Talks resumed.', '2025-11-24')
    """
    body = valid_unicode(_normalise_newlines(text)).strip()
    if not body:
        raise CorpusError("the pasted text is empty; paste the article body")
    article_id = (id or "").strip() or "pasted-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    fields = {"outlet": outlet, "title": title, "date": date, "url": url, "id": article_id}
    return _build_article(
        body, _clean_fields(fields), stem=article_id, default_id=article_id, source="pasted text"
    )


# --------------------------------------------------------------------------- finding files


def _expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterable[Path | SkippedInput]:
    """Yield each named file, each supported file inside each named folder, or a ``SkippedInput``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path)
        elif path.exists():
            yield path
        else:
            yield SkippedInput(source=str(path), reason="file not found")


def _folder_files(folder: Path) -> list[Path]:
    """Supported, non-hidden, non-README files under ``folder``, sorted by path."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in SUPPORTED_SUFFIXES
        and path.stem.lower() not in _IGNORED_STEMS
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )


def _unique_files(items: Iterable[Path | SkippedInput], skipped: list[SkippedInput]) -> Iterable[Path]:
    """Yield each file once (first occurrence wins); append ``SkippedInput`` items to ``skipped``."""
    seen: set[Path] = set()
    for item in items:
        if isinstance(item, SkippedInput):
            skipped.append(item)
            continue
        key = item.resolve()
        if key not in seen:
            seen.add(key)
            yield item


def _load_file(path: Path) -> tuple[list[Article], list[SkippedInput]]:
    """Read one file from disk and parse it; an unreadable file becomes a ``SkippedInput``."""
    source = str(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return [], [SkippedInput(source=source, reason=_unsupported_reason(path.suffix))]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [SkippedInput(source=source, reason=f"cannot read file: {exc.strerror or exc}")]
    return _load_named_bytes(path.name, data, source=source)


def _unsupported_reason(suffix: str) -> str:
    """The skip reason for a file type we do not read."""
    kind = f"unsupported file type {suffix!r}" if suffix else "no file extension"
    return f"{kind} (supported: {', '.join(SUPPORTED_SUFFIXES)})"


# --------------------------------------------------------------------------- one file


def _load_named_bytes(
    name: str, data: bytes, *, source: str, budget: LoadBudget | None = None
) -> tuple[list[Article], list[SkippedInput]]:
    """Decode ``data`` and parse it in the format given by ``name``'s extension.

    Any exception on the way (ours or a third-party parser's, e.g. lxml's ``AssertionError`` inside
    trafilatura) makes this one file a skipped input with a specific reason; the rest still loads.
    """
    suffix = PurePath(name).suffix.lower()
    stem = PurePath(name).stem or name
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [SkippedInput(source=source, reason=_unsupported_reason(suffix))]
    if budget is not None and budget.full:
        return [], [SkippedInput(source=source, reason=f"not read: {budget.reason()}")]
    try:
        text = _decode(data, tabular=suffix in (".csv", ".jsonl"))
        if suffix == ".csv":
            return _parse_csv(text, stem=stem, source=source, budget=budget)
        if suffix == ".jsonl":
            return _parse_jsonl(text, stem=stem, source=source, budget=budget)
        if suffix in (".html", ".htm"):
            return _within_budget(_parse_html(text, stem=stem, source=source), budget)
        return _within_budget(_parse_plain(text, stem=stem, source=source), budget)
    except CorpusError as exc:
        return [], [SkippedInput(source=source, reason=str(exc))]
    except Exception as exc:  # noqa: BLE001 - one input's parser failure must never stop a load
        return [], [SkippedInput(source=source, reason=_parser_failure(suffix, exc))]


def _parser_failure(suffix: str, exc: BaseException) -> str:
    """The skip reason for an unexpected exception while reading a file of type ``suffix``."""
    kind = {".html": "HTML", ".htm": "HTML", ".csv": "CSV", ".jsonl": "JSON Lines"}.get(suffix, "text")
    message = " ".join(str(exc).split())[:_PARSER_MESSAGE_CHARS]
    detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return (f"the {kind} reader failed on this file ({detail}); the file was skipped and the rest "
            "loaded. Re-save it (for HTML: from the browser's \"Save page as\") and try again")


def _within_budget(article: Article, budget: LoadBudget | None) -> tuple[list[Article], list[SkippedInput]]:
    """``article`` alone, or nothing and a reason when the budget cannot take it."""
    if budget is None or budget.take(len(article.text)):
        return [article], []
    return [], [SkippedInput(source=article.source, reason=f"not read: {budget.reason()}")]


# --------------------------------------------------------------------------- decoding


def _decode(data: bytes, *, tabular: bool = False) -> str:
    """Bytes to text with ``\\n`` newlines; raise ``CorpusError`` for empty, binary or undecodable data.

    ``tabular`` (CSV, JSONL): a few NUL bytes are kept in the text, so that only the rows holding
    them are skipped, not the whole file. A byte-order mark opening a line (files pasted together)
    is dropped: "\\ufeffB" must not become an outlet of its own.
    """
    if not data:
        raise CorpusError("empty file")
    _reject_known_binary(data)
    bom = next(((mark, codec, label) for mark, codec, label in _BOMS if data.startswith(mark)), None)
    nuls = data.count(0) if tabular else 0
    stray_nuls = 0 < nuls <= max(_TABULAR_STRAY_NULS, _TABULAR_NUL_MAX_SHARE * len(data))
    if bom is not None:
        text = _decode_strict(data[len(bom[0]) :], bom[1], bom[2])
    elif stray_nuls and _utf16_byte_order(data) is None:
        text = _decode_without_bom(data)
    elif b"\x00" in data:
        text = _decode_utf16_without_bom(data)
    else:
        text = _decode_without_bom(data)
    _reject_control_chars(text.replace("\x00", "") if stray_nuls else text)
    text = _LINE_START_BOM.sub("", _normalise_newlines(text))
    if not text.strip():
        raise CorpusError("only whitespace")
    return text


def _reject_known_binary(data: bytes) -> None:
    """Raise ``CorpusError`` naming the format if ``data`` starts like a known binary file."""
    head = data.lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise CorpusError(f"binary file (looks like {kind}), not text")


def _decode_strict(data: bytes, codec: str, label: str) -> str:
    """Decode with ``codec`` or raise ``CorpusError`` naming it (and truncation, if that is the cause)."""
    unit = 4 if "32" in codec else 2 if "16" in codec else 1
    if len(data) % unit:
        raise CorpusError(
            f"cannot decode as {label}: odd number of bytes ({len(data)}), the file looks truncated"
        )
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorpusError(f"cannot decode as {label}: {exc.reason} at byte {exc.start}") from None


def _decode_utf16_without_bom(data: bytes) -> str:
    """Decode BOM-less bytes containing NULs as UTF-16 if the NULs fall in a UTF-16 pattern."""
    codec = _utf16_byte_order(data)
    if codec is not None:
        whole = data[: len(data) - len(data) % 2]
        try:
            text = whole.decode(codec)
        except UnicodeDecodeError:
            text = "\x00"
        if "\x00" not in text:
            if len(data) % 2:
                raise CorpusError(
                    f"cannot decode as {codec.upper()}: odd number of bytes ({len(data)}), "
                    "the file looks truncated"
                )
            return text
    raise CorpusError("binary file (contains NUL bytes), not text")


def _utf16_byte_order(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if NUL bytes sit in one position of 2-byte units, else ``None``."""
    units = len(data) // 2
    even_nuls, odd_nuls = data[0 : units * 2 : 2].count(0), data[1 : units * 2 : 2].count(0)
    if not units or max(even_nuls, odd_nuls) < _UTF16_NUL_SHARE * units:
        return None
    return "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"


def _decode_without_bom(data: bytes) -> str:
    """Strict UTF-8, else the legacy encoding charset-normalizer finds (cp1252 preferred).

    Bytes that are partly valid UTF-8 (accented letters written as two-byte sequences) and partly
    not are two encodings pasted together: decoding them as cp1252 would turn every UTF-8 letter
    into mojibake ("cafÃ©"), so they are refused with the line of the first bad byte. UTF-8 that only
    stops inside its last character was cut short, not mixed: it is read with U+FFFD for that character.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data" and _UTF8_MULTIBYTE.search(data):
            # UTF-8 cut short inside its last character (an interrupted download): keep the text, mark the cut.
            return data[: exc.start].decode("utf-8") + "\ufffd"
        if _UTF8_MULTIBYTE.search(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise CorpusError(
                f"mixed encodings: UTF-8 text with a byte that is not UTF-8 (0x{data[exc.start]:02X}) "
                f"on line {line}; save the whole file as UTF-8"
            ) from None
    codec = _guess_legacy_codec(data)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise CorpusError("cannot decode as UTF-8, UTF-16 or cp1252; save the file as UTF-8") from None


def _guess_legacy_codec(data: bytes) -> str:
    """cp1252 if the data is too short to guess from or charset-normalizer rates it about as well as
    its best guess; else that guess."""
    if len(data) < TOO_SMALL_SEQUENCE:
        return "cp1252"
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return "cp1252"
    best_chaos = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= best_chaos + _CP1252_CHAOS_TOLERANCE and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return matches[0].encoding


def _reject_control_chars(text: str) -> None:
    """Raise ``CorpusError`` if decoded text has NULs or many control characters (a binary file)."""
    controls = len(_BINARY_CONTROL_RE.findall(text))
    if "\x00" in text or controls > _CONTROL_CHAR_MAX_SHARE * len(text):
        raise CorpusError("binary file (control characters), not text")


def _normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- formats


def _parse_plain(text: str, *, stem: str, source: str) -> Article:
    """A ``.txt``/``.md`` file: front matter or seed date line, then the body."""
    front, body = _split_front_matter(text)
    stamp, body = _split_seed_date_line(body.lstrip("\n") if front is not None else text)
    # The scraper's stamp also sits behind front matter; the front matter's own date wins.
    fields = _Fields({**stamp, **(front or {})})
    fields.ignored = front.ignored if front is not None else ()
    body = body.strip()
    if not body:
        raise CorpusError("no article text after the front matter / date line")
    return _build_article(body, fields, stem=stem, default_id=stem, source=source)


def _split_front_matter(text: str) -> tuple[_Fields | None, str]:
    """``(fields, body)`` if ``text`` opens with a ``---`` block, else ``(None, text)``."""
    if not re.match(r"---[ \t]*(?:\n|\Z)", text):
        return None, text
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise CorpusError(
            "front matter opened with '---' on line 1 is never closed; add a '---' line after it"
        )
    try:
        raw = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # a SafeLoader subclass: safe
    except (yaml.YAMLError, RecursionError) as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise CorpusError(f"invalid front matter{where}: {problem}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise CorpusError(f"front matter must be 'key: value' lines, got a YAML {type(raw).__name__}")
    return _clean_fields(raw), text[match.end() :]


def _split_seed_date_line(text: str) -> tuple[dict[str, str], str]:
    """Take a leading ``date YYYY-MM-DD`` marker out of ``text``; the rest of the line stays in the body."""
    match = _SEED_DATE_LINE.match(text)
    if match is None:
        return {}, text
    return {"date": match.group(1)}, text[match.end() :]


def _parse_html(html: str, *, stem: str, source: str) -> Article:
    """An HTML page: trafilatura's main text and metadata (site name becomes the outlet).

    trafilatura is handed a tree we parse ourselves (:func:`_html_tree`), once for the text and once
    for the metadata, because both change the tree they are given.
    """
    # Imported here, not at the top: trafilatura (and htmldate, courlan, justext under it) costs about
    # 0.3 s of every dashboard server's start and of the first chart, and only HTML input needs it.
    import trafilatura

    body = trafilatura.extract(_html_tree(html), include_comments=False)
    if not body or not body.strip():
        raise CorpusError("no article text found in the HTML")
    meta = trafilatura.extract_metadata(_html_tree(html), extensive=False)
    fields = {"title": meta.title, "date": meta.date, "url": meta.url, "outlet": meta.sitename}
    return _build_article(
        _normalise_newlines(body).strip(), _clean_fields(fields), stem=stem, default_id=stem, source=source
    )


#: ``</body>`` and ``</html>`` end tags. libxml2 drops everything after ``</html>`` without a word;
#: HTML5 (what a browser shows) ignores both end tags and reads what follows into the body.
_END_OF_PAGE = re.compile(r"</(?:body|html)\b[^>]*>", re.IGNORECASE)
#: Tables nested in tables kept as tables; deeper ones are read as blocks (``div``). trafilatura's
#: table reader is quadratic in nesting (1,000 nested tables, a 7 kB page: 5 s; 3,000: 31 s of a
#: server thread, issue 12); layout pages of the 1990s nest a handful. Judgement: 4x that.
MAX_TABLE_NESTING = 16
_TABLE_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
#: HTML5's start tags that end SVG or MathML content ("breakout"): a browser closes the open
#: ``<svg>``/``<math>`` and shows what follows; libxml2 keeps it inside, and trafilatura drops SVG.
_BREAKOUT_TAGS = frozenset({
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
    "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
    "ul", "var",
})
#: Elements inside SVG or MathML that hold HTML (HTML5's integration points): no breakout there.
_INTEGRATION_POINTS = frozenset({"foreignobject", "desc", "title", "annotation-xml", "mi", "mo", "mn", "ms",
                                 "mtext"})
#: Characters lxml will not set as text (C0 controls but tab and line breaks).
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: How deep libxml2 nests elements with ``huge_tree`` (it stops reading the page there).
PARSER_MAX_DEPTH = 2_048


def _html_tree(html: str) -> lxml.html.HtmlElement:
    """The page as a whole lxml document (``<html>`` root), deep nesting allowed.

    Parsing it ourselves fixes two failures of trafilatura's own parsing: a page whose first element
    is ``svg``, ``math``, ``video``, ``audio``, ``object``, ``embed``, ``canvas`` or ``picture``
    became a tree rooted at that element, which htmldate's cleaner cannot drop (lxml's
    ``AssertionError``); and libxml2 stops at 255 nested elements unless ``huge_tree`` is set, so the
    text inside was lost ("no article text found"). ``</body>`` and ``</html>`` are removed first,
    as a browser ignores them: text after them (two pages joined, a CMS's stray end tags) is kept.
    Past ``PARSER_MAX_DEPTH`` (even ``huge_tree``'s limit) the file is a skip that says so; tables
    nested deeper than ``MAX_TABLE_NESTING`` become blocks, and a ``<p>``, ``<div>``, ``<b>`` … inside an
    open ``<svg>`` or ``<math>`` ends it, as in a browser (HTML5's breakout), so the page's text is not
    dropped with the SVG.
    """
    html = _END_OF_PAGE.sub("", html)
    # Bytes with a stated encoding: lxml refuses a str that carries an XML encoding declaration.
    parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except lxml.etree.ParserError as exc:  # e.g. only a comment: nothing to parse
        raise CorpusError(f"no article text found in the HTML ({exc})") from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" and "depth" in error.message for error in parser.error_log):
        raise CorpusError(
            f"the HTML nests elements more than {PARSER_MAX_DEPTH:,} deep, the most the HTML parser reads; "
            "the text after that point cannot be read, so the file was skipped (save its text as .txt)"
        )
    _flatten_deep_tables(tree)
    _break_out_of_foreign_content(tree)
    return tree


def _is_breakout(element: lxml.html.HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag == "font":  # only with a presentational attribute (HTML5)
        return any(name in element.attrib for name in ("color", "face", "size"))
    return element.tag in _BREAKOUT_TAGS


def _first_breakout(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The first element inside ``root`` (``svg``/``math``) that a browser would move out, if any."""
    stack = list(reversed(root))
    while stack:
        element = stack.pop()
        if _is_breakout(element):
            return element
        if element.tag not in _INTEGRATION_POINTS:
            stack.extend(reversed(element))
    return None


def _foreign_roots(nodes: Iterable[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The outermost ``svg``/``math`` elements in or under ``nodes``, in document order."""
    roots: list[lxml.html.HtmlElement] = []
    stack = list(reversed(list(nodes)))
    while stack:
        element = stack.pop()
        if element.tag in ("svg", "math"):
            roots.append(element)
        elif isinstance(element.tag, str):
            stack.extend(reversed(element))
    return roots


def _break_out_of_foreign_content(tree: lxml.html.HtmlElement) -> None:
    """Move what follows a breakout tag inside ``<svg>``/``<math>`` out after it, as HTML5 parsing does.

    The breakout element, its following siblings and those of each ancestor up to the foreign root
    become the root's following siblings, in document order (their tails move with them). One pass:
    a root keeps nothing after its breakout, and the foreign elements moved out are queued in turn.
    """
    queue = _foreign_roots([tree])
    while queue:
        root = queue.pop(0)
        element = _first_breakout(root)
        if element is None:
            continue
        moved = [element, *element.itersiblings()]
        for ancestor in element.iterancestors():
            if ancestor is root:
                break
            moved.extend(ancestor.itersiblings())
        tail, root.tail = root.tail, None
        anchor = root
        for node in moved:
            anchor.addnext(node)
            anchor = node
        if tail:  # lxml refuses to set text with the control characters libxml2 let through
            anchor.tail = _XML_INCOMPATIBLE.sub("", (anchor.tail or "") + tail)
        queue[:0] = _foreign_roots(moved)


def _flatten_deep_tables(tree: lxml.html.HtmlElement) -> None:
    """Rename tables nested ``MAX_TABLE_NESTING`` or more tables deep, and their rows and cells, to ``div``.

    One pass over the tree (an XPath ``count(ancestor::table)`` per table is itself quadratic).
    """
    deep = []
    stack = [(tree, 0)]  # (element, tables among its ancestors)
    while stack:
        element, above = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""  # comments and PIs have no str tag
        if (tag == "table" and above >= MAX_TABLE_NESTING) or (tag in _TABLE_PARTS and above > MAX_TABLE_NESTING):
            deep.append(element)
        inner = above + (tag == "table")
        stack.extend((child, inner) for child in element)
    for element in deep:
        element.tag = "div"


def _parse_csv(
    text: str, *, stem: str, source: str, budget: LoadBudget | None = None
) -> tuple[list[Article], list[SkippedInput]]:
    """A CSV file with a header row: one article per row (row numbers count the header as row 1)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = _csv_header(reader)
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    row_number = 1
    try:
        for row_number, cells in enumerate(reader, start=2):
            if any("\x00" in cell for cell in cells):
                skipped.append(_nul_row(source, f"row {row_number}"))
                continue
            if any(cell.strip() for cell in cells[len(header):]):
                # More values than columns: usually an unquoted comma in the text, which would
                # otherwise cut the text short without a word.
                where = f"row {row_number}"
                skipped.append(SkippedInput(
                    source=f"{source} {where}",
                    reason=f"{where}: {len(cells)} values but the header has {len(header)} columns; "
                           "put text that contains commas in double quotes",
                ))
                continue
            record = dict(zip(header, cells, strict=False))  # short rows lack the last columns
            if not _collect_record(record, f"row {row_number}", stem, source, articles, skipped, budget):
                assert budget is not None
                skipped.append(_rows_not_read(source, "row", row_number, _count_rest(reader), budget))
                break
    except csv.Error as exc:
        where = f"row {row_number + 1}"
        reason = f"{where}: CSV error: {exc}; the rest of the file was not read"
        skipped.append(SkippedInput(source=f"{source} {where}", reason=reason))
    if not articles and not skipped:
        raise CorpusError("no data rows (only a header)")
    return articles, skipped


def _csv_header(reader: Iterator[list[str]]) -> list[str]:
    """The lower-cased column names; raise ``CorpusError`` if unreadable or without ``text``."""
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
    except csv.Error as exc:
        raise CorpusError(f"row 1: CSV error in the header: {exc}") from None
    if "text" not in header:
        found = ", ".join(repr(shorten(cell, COLUMN_NAME_SHOWN)) for cell in header if cell) or "none"
        raise CorpusError(f"missing column 'text' (columns found: {found})")
    for name in _UNIQUE_COLUMNS:
        positions = [str(index) for index, cell in enumerate(header, start=1) if cell == name]
        if len(positions) > 1:
            raise CorpusError(
                f"column '{name}' appears {len(positions)} times (columns {', '.join(positions)}); "
                "which one holds the article is unclear, so rename or delete the others"
            )
    return header


def _nul_row(source: str, where: str) -> SkippedInput:
    """The skip of one row holding a NUL byte (the rest of the file still loads)."""
    return SkippedInput(
        source=f"{source} {where}",
        reason=f"{where}: contains a NUL byte, which text never holds (often a broken export); "
               "this row was not analysed, the others were. Remove the byte and upload the row again",
    )


def _count_rest(reader: Iterator[list[str]]) -> int | None:
    """1 + the rows left in ``reader`` (read, not parsed into articles); ``None`` if a row is malformed."""
    try:
        return 1 + sum(1 for _ in reader)
    except csv.Error:
        return None


def _rows_not_read(source: str, unit: str, first: int, count: int | None, budget: LoadBudget) -> SkippedInput:
    """One skipped item for the ``count`` rows from ``first`` on that the budget left unread."""
    if count is None:
        span = f"{unit} {first:,} and every {unit} after it"
    elif count == 1:
        span = f"{unit} {first:,}"
    else:
        span = f"{unit}s {first:,} to {first + count - 1:,} ({count:,} {unit}s)"
    return SkippedInput(source=f"{source} {unit} {first}", reason=f"{span} not read: {budget.reason()}")


def _parse_jsonl(
    text: str, *, stem: str, source: str, budget: LoadBudget | None = None
) -> tuple[list[Article], list[SkippedInput]]:
    """A JSON Lines file: one article per non-blank line."""
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    lines = text.split("\n")
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"line {line_number}"
        if "\x00" in line:
            skipped.append(_nul_row(source, where))
            continue
        try:
            record = _json_object(line)
        except CorpusError as exc:
            skipped.append(SkippedInput(source=f"{source} {where}", reason=f"{where}: {exc}"))
            continue
        if "text" not in record:
            keys = ", ".join(repr(key) for key in record) or "none"
            skipped.append(
                SkippedInput(
                    source=f"{source} {where}", reason=f"{where}: missing key 'text' (keys found: {keys})"
                )
            )
            continue
        if not _collect_record(record, where, stem, source, articles, skipped, budget):
            assert budget is not None
            rest = sum(1 for later in lines[line_number - 1 :] if later.strip())
            skipped.append(_rows_not_read(source, "line", line_number, rest, budget))
            break
    return articles, skipped


def _json_object(line: str) -> dict[str, Any]:
    """Parse one JSONL line into a dict with lower-cased keys, or raise ``CorpusError``."""
    try:
        value = json.loads(line, object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        raise CorpusError(f"invalid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise CorpusError(f"expected a JSON object, got {type(value).__name__}")
    for name, times in getattr(value, "repeated", ()):  # the line's own keys, not a nested object's
        raise CorpusError(f"key '{name}' appears {times} times; which one holds the article is "
                          "unclear, so rename or delete the others")
    return value


class _JsonObject(dict[str, Any]):
    """A JSON object with lower-cased keys, and the known keys it gave more than once (any case)."""

    repeated: tuple[tuple[str, int], ...] = ()


def _json_pairs(pairs: list[tuple[str, Any]]) -> _JsonObject:
    """A JSON object with lower-cased keys, noting each known key given twice (any case).

    ``json.loads`` alone keeps the last value without a word, as a CSV with two 'text' columns did;
    :func:`_json_object` makes that a ``CorpusError`` for the line's own keys.
    """
    keys = [str(key).strip().lower() for key, _ in pairs]
    value = _JsonObject(zip(keys, (item for _, item in pairs), strict=True))
    value.repeated = tuple((name, keys.count(name)) for name in _UNIQUE_COLUMNS if keys.count(name) > 1)
    return value


def _collect_record(
    record: Mapping[str, Any],
    where: str,
    stem: str,
    source: str,
    articles: list[Article],
    skipped: list[SkippedInput],
    budget: LoadBudget | None = None,
) -> bool:
    """Append the article a CSV row / JSONL object makes to ``articles``, or its reason to ``skipped``.

    Returns ``False`` only when the budget cannot take the row: the caller then reports it with
    every later row as not read.
    """
    row_source = f"{source} {where}"
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        skipped.append(
            SkippedInput(
                source=row_source, reason=f"{where}: 'text' must be a string, got {type(text).__name__}"
            )
        )
        return True
    body = _normalise_newlines(text or "").strip()
    if not body:
        skipped.append(SkippedInput(source=row_source, reason=f"{where}: empty text"))
        return True
    if budget is not None and not budget.take(len(body)):
        return False
    default_id = f"{stem}-{where.replace(' ', '')}"
    articles.append(
        _build_article(body, _clean_fields(record), stem=stem, default_id=default_id, source=row_source)
    )
    return True


# --------------------------------------------------------------------------- fields


class _Fields(dict[str, str]):
    """Cleaned fields, and the notes of known fields that were ignored (a list or mapping is no label)."""

    ignored: tuple[str, ...] = ()


def _clean_fields(raw: Mapping[Any, Any]) -> _Fields:
    """Known fields as one-line, non-empty strings; unknown keys, blanks and non-scalars dropped.

    Runs of whitespace, line breaks included, become one space: an outlet or a title is a label,
    and a line break inside one would split rows of the CSV export and lines of the terminal table.
    A known field holding a list or mapping (``outlet: [A, B]``) is dropped with a note in ``ignored``.
    """
    lowered = {str(key).strip().lower(): value for key, value in raw.items()}
    fields = _Fields()
    ignored = []
    for name in _FIELDS:
        value = lowered.get(name)
        if isinstance(value, (list, tuple, dict)):
            kind = "mapping" if isinstance(value, dict) else "list"
            ignored.append(f"field {name!r} holds a {kind}, not text; it was ignored (write one value)")
        if not isinstance(value, (str, int, float)):
            continue
        if name == "outlet":  # the key articles are pooled by: invisible characters never split one
            cleaned = clean_label(str(value))
        else:  # a byte-order mark opening a value is a pasted-together file's, not part of a name
            cleaned = " ".join(str(value).strip().lstrip("\ufeff").split())
        if cleaned:
            fields[name] = cleaned
    fields.ignored = tuple(ignored)
    return fields


def _build_article(
    body: str, fields: Mapping[str, str], *, stem: str, default_id: str, source: str
) -> Article:
    """Fill in defaults (outlet, title, id), normalise the date, and make every string valid Unicode.

    Mojibake (UTF-8 read as cp1252/Latin-1: "NATOâ€™s") is repaired with ftfy and noted; a date
    that is partial or does not parse is noted too, never dropped without a word. Strings are
    NFC-normalised: "café" typed with a combining accent is the same word as "café".
    """
    notes: list[str] = list(getattr(fields, "ignored", ()))
    body = repair_mojibake(nfc(valid_unicode(body)), "text", notes)
    fields = {name: repair_mojibake(nfc(valid_unicode(value)), name, notes) for name, value in fields.items()}
    outlet = fields.get("outlet", f"Unknown outlet ({stem})")
    given_date = fields.get("date")
    date = normalise_date(given_date)
    if given_date and date is None:
        notes.append(f"date {given_date!r} not understood (use YYYY-MM-DD); left empty")
    elif given_date and len(date or "") < len("YYYY-MM-DD"):
        notes.append(f"date {given_date!r} is partial (no day); kept as given")
    return Article(
        id=fields.get("id", default_id),
        outlet=outlet,
        title=fields.get("title") or _title_from_body(body, outlet=outlet),
        text=body,
        date=date,
        url=fields.get("url"),
        credit=fields.get("credit"),
        source=source,
        notes=tuple(notes),
    )


def valid_unicode(text: str) -> str:
    r"""Join UTF-16 surrogate pairs into characters and replace lone surrogates with U+FFFD.

    JSON and YAML escapes can spell a character as two UTF-16 halves (``"\ud83d\ude00"``), and a
    lone half is no character at all: it cannot be written as UTF-8, so it would break every export
    and the HTML report. Text without surrogates is returned as it is.

    Examples
    --------
    >>> valid_unicode("ok \ud83d\ude00") == "ok \U0001f600", valid_unicode("lone \ud800 half") == "lone \ufffd half"
    (True, True)
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _title_from_body(body: str, *, outlet: str | None = None) -> str:
    """The first sentence of the first content line (never clutter such as "ADVERTISEMENT"; a Markdown
    heading without its "#" marks), cut at a word boundary to ``TITLE_MAX_CHARS``. Sentences come from sentencex, so "U.S." does not end one."""
    first_line = first_content_line(body, outlet=outlet)
    heading = _ATX_HEADING.match(first_line)
    if heading and heading.group(1).strip():
        first_line = heading.group(1).strip()
    first_line = _without_dateline(first_line, body, outlet=outlet)
    spans = split_sentences(first_line)  # the Document's splitter (framing.segment): one in the project
    sentence = (first_line[spans[0].start:spans[0].end] if spans else first_line).strip() or first_line
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    head = sentence[:TITLE_MAX_CHARS]
    cut = head.rsplit(" ", 1)[0] if " " in head else head[: TITLE_MAX_CHARS - 1]
    return cut.rstrip(" ,;:-") + "…"


def _without_dateline(line: str, body: str, *, outlet: str | None) -> str:
    """``line`` without a wire dateline opening it ("BERLIN, January 22."), which says where and when,
    not what; when the dateline is the whole line, the next content line of ``body`` instead."""
    cut = place_dateline_length(line, load_clutter_cues().date_words)
    spans = split_sentences(line) if not cut else ()
    if not cut and len(spans) > 1:  # "BERLIN, January 22. Ministers met ...": the first sentence alone
        first = line[spans[0].start:spans[0].end]
        cut = spans[1].start if place_dateline_length(first.strip(), load_clutter_cues().date_words) else 0
    if not cut:
        return line
    rest = line[cut:].strip()
    if rest:
        return rest
    at = body.find(line)
    after = body[at + len(line):] if at >= 0 else ""
    following = first_content_line(after, outlet=outlet) if after.strip() else ""
    return following or line


def normalise_date(value: str | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date, or ``None`` if ``value`` is missing or does not parse.

    Parameters
    ----------
    value : str or None
        ISO 8601 (date or date-time), ``YYYY/MM/DD``, or English forms such as ``24 November 2025``
        and ``Nov 24, 2025``.

    Returns
    -------
    str or None
        The date as written (a time zone does not shift it); a date given only to the month or
        year (``2024-10``, ``2024``) is kept at that precision.

    Examples
    --------
    >>> normalise_date("2025-11-24T23:30:00-05:00"), normalise_date("Nov 24, 2025"), normalise_date("soon")
    ('2025-11-24', '2025-11-24', None)
    >>> normalise_date("2024-10")
    '2024-10'
    """
    text = (value or "").strip()
    if not text:
        return None
    if _PARTIAL_ISO_DATE.fullmatch(text):
        return text
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def merge_load_results(results: Iterable[LoadResult]) -> LoadResult:
    """Concatenate several loads (e.g. one per uploaded file), keeping article ids unique.

    Examples
    --------
    >>> one = load_bytes("a.txt", b"First text.")
    >>> merged = merge_load_results([one, one])
    >>> [a.id for a in merged.articles]
    ['a', 'a-2']
    """
    results = list(results)
    articles = [article for result in results for article in result.articles]
    skipped = [item for result in results for item in result.skipped]
    return LoadResult(articles=_with_unique_ids(articles), skipped=tuple(skipped))


def _with_unique_ids(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Suffix ``-2``, ``-3``, ... to repeated ids, keeping the input order of ``articles``.

    Which copy keeps the bare id is decided by content (source, then text and the other fields),
    not by position, so listing the same files in another order gives the same ids.
    """
    used: set[str] = set()
    final: dict[int, str] = {}
    for index in sorted(range(len(articles)), key=lambda i: _id_order(articles[i])):
        article = articles[index]
        candidate, number = article.id, 1
        while candidate in used:
            number += 1
            candidate = f"{article.id}-{number}"
        used.add(candidate)
        final[index] = candidate
    return tuple(
        article if final[i] == article.id else dataclasses.replace(article, id=final[i])
        for i, article in enumerate(articles)
    )


def _id_order(article: Article) -> tuple[str, ...]:
    """Sort key that ranks articles sharing an id by where they came from and what they say."""
    return (article.id, article.source, article.text, article.title, article.outlet,
            article.date or "", article.url or "", article.credit or "")
