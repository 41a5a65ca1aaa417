"""Turn a ``CorpusReport`` into JSON, CSV or a terminal table (text and bytes, no I/O).

The JSON layout is a contract that scripts and the dashboard rely on: it mirrors the dataclasses in
``framing.types`` field for field; fields may be added, never renamed. ``SCHEMA_VERSION`` is bumped
on additions.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import keyword
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import orjson

from .compare import evidence_summary
from .evidence import NOT_ENOUGH, frame_label
from .numbers import signed
from .textnorm import counted, shorten
from .types import FRAMES, ArticleReport, CorpusReport, OutletReport, Voice

__all__ = ["SCHEMA_VERSION", "report_to_dict", "to_json", "to_json_bytes", "dumps_json", "to_csv", "to_table", "csv_safe", "terminal_safe",
           "truncation_notes"]

#: Version of the JSON layout (semantic: minor for added fields, major would mean a rename: never).
SCHEMA_VERSION = "1.6"  # 1.1: evidence_level, emphasis_ci, frame_words (issue 11); 1.2: quotes, voice,
# quote_share, speakers, tone_by_frame, voice_by_type (issue 14); 1.3: dominant_frame, frame_words_by_frame,
# paragraphs (issue 11: the dominant-frame rule validation measures); 1.4: outlet unattributed_share (issue 14);
# 1.5: article and outlet tone_ci (how sure the tone is); 1.6: outlet dominant_support (how sure the lead is)
#: Decimals kept for floats in exports: enough to compare, few enough for byte-stable output.
DECIMALS = 4
#: Leading characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Control characters (C0 but line feed, DEL, C1) a terminal would act on: ESC starts the escape
#: sequences that clear the screen or retitle the window. The table shows them as ``\x1b``.
_TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
#: Widest outlet or title shown in the terminal table before it is cut with an ellipsis.
_NAME_WIDTH = 34
#: Evidence terms listed per frame and distinctive terms listed per outlet in the table.
_TABLE_TERMS = 5

CSV_COLUMNS = (
    "level", "id", "outlet", "title", "date", "credit", "articles", "word_count",
    "trade", "security", "diplomacy", "trade_score", "security_score", "diplomacy_score",
    "intensity", "tone", "flesch_reading_ease", "grade_level", "removed", "distinctive_terms",
    "notes",
    # issue 14: who speaks (added at the end: columns are added, never moved)
    "quote_share", "quotes", "speakers", "own_tone", "quoted_tone",
    # session 14: how sure the numbers are, as the JSON and the summaries say (issue 11)
    "evidence_level", "dominant_frame", "dominant_support",
    "trade_low", "trade_high", "security_low", "security_high", "diplomacy_low", "diplomacy_high",
    "tone_low", "tone_high",
)
#: How ``pipeline.truncate_text``'s note begins (an article cut to the per-article limit).
_TRUNCATED = "article truncated"


def report_to_dict(report: CorpusReport) -> dict[str, object]:
    """Return the JSON-ready dict of a report: ``articles``, ``outlets``, ``skipped`` and metadata."""
    body = _rounded(report)
    assert isinstance(body, dict)
    return {"schema_version": SCHEMA_VERSION, **body}


def to_json(report: CorpusReport, *, indent: int | None = 2) -> str:
    """Serialise a report as JSON; the same report always gives the same bytes."""
    return to_json_bytes(report, indent=indent).decode("utf-8")


def to_json_bytes(report: CorpusReport, *, indent: int | None = 2) -> bytes:
    """The UTF-8 bytes of :func:`to_json`, without decoding them (what a file or socket wants).

    Written by orjson (issue 16: about 10x faster than the stdlib encoder, which falls back to pure
    Python whenever ``indent`` is set). Same layout as ``json.dumps(..., indent=2)``; NaN or infinity,
    which the stdlib would write as invalid JSON, become ``null``.
    """
    return dumps_json(report_to_dict(report), indent=indent) + b"\n"


def dumps_json(value: object, *, indent: int | None = 2) -> bytes:
    """JSON bytes of plain data (dicts, lists, str, numbers): indent 2, or one line with ``indent=None``.

    Any other indent goes through the stdlib encoder, since orjson only indents by two.
    """
    if indent == 2:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    if indent is None:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    return json.dumps(value, ensure_ascii=False, indent=indent).encode("utf-8")


def to_csv(report: CorpusReport) -> str:
    """One row per outlet (``level=outlet``) then one per article (``level=article``).

    Text cells are neutralised against spreadsheet formula injection.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for outlet in report.outlets:
        writer.writerow(_outlet_row(outlet))
    for article in report.articles:
        writer.writerow(_article_row(article))
    return buffer.getvalue()


def csv_safe(value: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe.

    Carriage returns become line feeds first: the writer quotes cells with a line feed, but a lone
    carriage return in an unquoted cell would end the row early in every reader.

    Examples
    --------
    >>> csv_safe("=HYPERLINK(1)"), csv_safe("Reuters"), csv_safe("two\\rlines")
    ("'=HYPERLINK(1)", 'Reuters', 'two\\nlines')
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value


def to_table(report: CorpusReport) -> str:
    """A plain-text summary for the terminal: outlets, their evidence, articles, skipped files.

    Control characters from the data (an ESC in a title) are shown as ``\\x1b``, never sent to the
    terminal.
    """
    lines = [
        f"Framing Lens: {counted(len(report.articles), 'article')}, {counted(len(report.outlets), 'outlet')}; "
        f"lexicon {report.lexicon.get('name', '?')} {report.lexicon.get('version', '')}".rstrip(),
        "Emphasis = share of each outlet's frame evidence; range = 95% bootstrap interval over its sentences;",
        "evidence = enough, thin or none (frame words to compare on); main = dominant frame, '-' where evidence",
        "is not enough (general words alone never lead); tone from -1 (negative) to +1 (positive), and",
        "'tone:' under an outlet gives its 95% range (the same bootstrap); 'lead:' how often the main frame",
        "stays ahead of the others when the outlet's sentences are resampled.",
        "",
    ]
    cut = truncation_notes(report)
    if cut:
        lines += [f"TRUNCATED: {counted(len(cut), 'article')} {'was' if len(cut) == 1 else 'were'} longer than the limit; only {'its' if len(cut) == 1 else 'their'} beginning was "
                  "analysed (see 'note:' below)", ""]
    if report.outlets:
        lines += _outlet_table(report)
    if report.articles:
        lines += ["", "ARTICLES", *_article_table(report.articles)]
    if report.skipped:
        lines += ["", f"SKIPPED ({len(report.skipped)})"]
        lines += [f"  {s.source}: {s.reason}" for s in report.skipped]
    if not report.articles:
        lines.append("No article could be analysed.")
    return _printable("\n".join(lines)) + "\n"


def terminal_safe(text: str) -> str:
    """``text`` with every terminal control character but line feed written as ``\\xNN``.

    Examples
    --------
    >>> terminal_safe("a\\x1b[2Jb.txt")
    'a\\\\x1b[2Jb.txt'
    """
    return _TERMINAL_CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


_printable = terminal_safe


def truncation_notes(report: CorpusReport) -> list[tuple[ArticleReport, str]]:
    """Every article cut to the per-article limit, with the note that says how much was kept."""
    return [(a, note) for a in report.articles for note in a.notes if note.startswith(_TRUNCATED)]


def _outlet_table(report: CorpusReport) -> list[str]:
    header = (f"{'OUTLET':<{_NAME_WIDTH}}  {'trade':>6} {'secur.':>6} {'diplo.':>6}  {'evidence':>8}  "
              f"{'main':<9}  {'tone':>6}  {'words':>6}")
    lines = [header, "-" * len(header)]
    by_id = {a.id: a for a in report.articles}
    for outlet in report.outlets:
        lines.append(
            f"{_cut(outlet.outlet):<{_NAME_WIDTH}}  {_shares(outlet.emphasis, outlet.evidence_level)}  "
            f"{outlet.evidence_level:>8}  {frame_label(outlet.dominant_frame, outlet.evidence_level):<9}  "
            f"{outlet.tone:>+6.2f}  {outlet.word_count:>6}"
        )
        if outlet.evidence_level != "enough":
            lines.append(f"    {NOT_ENOUGH}")
        elif outlet.emphasis_ci:
            lines.append(f"    {'range:':<11}{_ranges(outlet.emphasis_ci)}")
            if outlet.dominant_support is not None and outlet.dominant_frame:
                lines.append(f"    {'lead:':<11}{outlet.dominant_frame} ahead in {outlet.dominant_support:.0%} of resamples")
        if len(outlet.tone_ci) == 2:
            lines.append(f"    {'tone:':<11}{signed(outlet.tone_ci[0])} to {signed(outlet.tone_ci[1])}")
        summary = evidence_summary([by_id[i] for i in outlet.articles])
        for frame in FRAMES:
            terms = summary[frame][:_TABLE_TERMS]
            if terms:
                listed = ", ".join(f"{t.term} x{t.count}" for t in terms)
                lines.append(f"    {frame + ':':<11}{listed}")
        if outlet.distinctive_terms:
            words = ", ".join(t.term for t in outlet.distinctive_terms[:_TABLE_TERMS])
            lines.append(f"    {'own words:':<11}{words}")
    return lines


def _article_table(articles: Sequence[ArticleReport]) -> list[str]:
    header = (f"  {'TITLE':<{_NAME_WIDTH}}  {'trade':>6} {'secur.':>6} {'diplo.':>6}  {'evidence':>8}  "
              f"{'main':<9}  {'tone':>6}  {'ease':>5} {'grade':>5}  removed")
    lines = [header]
    for article in articles:
        removed = ", ".join(sorted({r.kind for r in article.removed})) or "-"
        lines.append(
            f"  {_cut(article.title or article.id):<{_NAME_WIDTH}}  "
            f"{_shares(article.emphasis, article.evidence_level)}  {article.evidence_level:>8}  "
            f"{frame_label(article.dominant_frame, article.evidence_level):<9}  {article.tone:>+6.2f}  {article.readability.flesch_reading_ease:>5.0f} "
            f"{article.readability.grade_level:>5.1f}  {removed}"
        )
        lines.append(f"    {article.id} · {article.outlet}" + (f" · {article.date}" if article.date else "")
                     + (f" · credit {article.credit}" if article.credit else ""))
        lines += [f"    note: {note}" for note in article.notes]
    return lines


def _shares(emphasis: Mapping[str, float], level: str = "enough") -> str:
    """Each frame's share, or a dash where there is no frame evidence to share out."""
    if level == "none":
        return " ".join(f"{'-':>6}" for _ in FRAMES)
    return " ".join(f"{emphasis[f]:>6.0%}" for f in FRAMES)


def _ranges(interval: Mapping[str, Sequence[float]]) -> str:
    """``trade 12-40%, security 0-9%, ...``: how far each share could move on other sentences."""
    return ", ".join(f"{f} {interval[f][0] * 100:.0f}-{interval[f][1]:.0%}" for f in FRAMES if f in interval)


def _cut(name: str) -> str:
    return shorten(_printable(" ".join(name.split())), _NAME_WIDTH)


def _outlet_row(outlet: OutletReport) -> dict[str, object]:
    return {
        "level": "outlet",
        "id": "",
        "outlet": csv_safe(outlet.outlet),
        "articles": len(outlet.articles),
        "word_count": outlet.word_count,
        **_frame_cells(outlet.emphasis, outlet.frame_scores),
        "intensity": round(outlet.intensity, DECIMALS),
        "tone": round(outlet.tone, DECIMALS),
        "distinctive_terms": csv_safe(" ".join(t.term for t in outlet.distinctive_terms)),
        **_voice_cells(outlet.voice, outlet.quote_share),
        "quotes": sum(s.quotes for s in outlet.speakers),
        "speakers": csv_safe("; ".join(f"{s.speaker} ({s.type}, {s.quotes}, {s.words} words)" for s in outlet.speakers)),
        **_certainty_cells(outlet.evidence_level, outlet.dominant_frame, outlet.emphasis_ci, outlet.tone_ci),
        "dominant_support": "" if outlet.dominant_support is None else round(outlet.dominant_support, DECIMALS),
    }


def _article_row(article: ArticleReport) -> dict[str, object]:
    return {
        "level": "article",
        "id": csv_safe(article.id),
        "outlet": csv_safe(article.outlet),
        "title": csv_safe(article.title),
        "date": article.date or "",
        "credit": csv_safe(article.credit or ""),
        "articles": 1,
        "word_count": article.word_count,
        **_frame_cells(article.emphasis, article.frame_scores),
        "intensity": round(article.intensity, DECIMALS),
        "tone": round(article.tone, DECIMALS),
        "flesch_reading_ease": round(article.readability.flesch_reading_ease, 2),
        "grade_level": round(article.readability.grade_level, 2),
        "removed": len(article.removed),
        "notes": csv_safe("; ".join(article.notes)),
        **_voice_cells(article.voice, article.voice.quoted.words / article.word_count if article.word_count else 0.0),
        "quotes": len(article.quotes),
        "speakers": csv_safe("; ".join(sorted({q.speaker for q in article.quotes if q.speaker}))),
        **_certainty_cells(article.evidence_level, article.dominant_frame, article.emphasis_ci, article.tone_ci),
        "dominant_support": "",
    }


def _voice_cells(voice: Voice, share: float) -> dict[str, float]:
    return {
        "quote_share": round(share, DECIMALS),
        "own_tone": round(voice.own.tone, DECIMALS),
        "quoted_tone": round(voice.quoted.tone, DECIMALS),
    }


def _certainty_cells(level: str, dominant: str | None, emphasis_ci: Mapping[str, Sequence[float]],
                     tone_ci: Sequence[float]) -> dict[str, object]:
    """Evidence level, dominant frame and the 95% intervals as plain cells (empty where there are none)."""
    cells: dict[str, object] = {"evidence_level": level, "dominant_frame": dominant or ""}
    for f in FRAMES:
        ci = emphasis_ci.get(f) or ()
        cells[f"{f}_low"], cells[f"{f}_high"] = (round(ci[0], DECIMALS), round(ci[1], DECIMALS)) if len(ci) == 2 else ("", "")
    cells["tone_low"], cells["tone_high"] = (round(tone_ci[0], DECIMALS), round(tone_ci[1], DECIMALS)) if len(tone_ci) == 2 else ("", "")
    return cells


def _frame_cells(emphasis: Mapping[str, float], scores: Mapping[str, float]) -> dict[str, float]:
    cells = {f: round(emphasis[f], DECIMALS) for f in FRAMES}
    cells.update({f"{f}_score": round(scores[f], DECIMALS) for f in FRAMES})
    return cells


def _rounded(value: object) -> object:
    # Dataclasses become dicts of their fields (as dataclasses.asdict does), read-only mappings dicts.
    # Dispatch on the exact type first (issue 16: this walk was a third of the time to write JSON).
    convert = _CONVERTERS.get(type(value))
    if convert is not None:
        return convert(value)
    if isinstance(value, float):
        return float(round(value, DECIMALS))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        convert = _CONVERTERS[type(value)] = _dataclass_converter(type(value))
        return convert(value)
    if isinstance(value, Mapping):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


# The converters below hold :func:`_rounded`'s own result for the commonest values inline (a str,
# int, bool or None as it is, a float rounded) instead of calling it once per value: the walk made
# about two million calls for 1,000 articles (issue 16). Anything else goes to its converter.


def _same(value: object) -> object:
    return value


def _items(value: Any) -> dict[object, object]:
    return {k: v if (kind := type(v)) in _KEPT else round(v, DECIMALS) if kind is float
            else _CONVERTERS.get(kind, _rounded)(v) for k, v in value.items()}


def _elements(value: Any) -> list[object]:
    return [v if (kind := type(v)) in _KEPT else round(v, DECIMALS) if kind is float
            else _CONVERTERS.get(kind, _rounded)(v) for v in value]


def _dataclass_converter(cls: type) -> Callable[[Any], dict[str, object]]:
    """The dict of one dataclass type's fields, in field order, each value as :func:`_rounded` makes it.

    Written out as one function per type (as ``dataclasses`` writes ``__init__``): a dict display of
    the fields, each with the inline test of :func:`_elements`, so a report's quarter of a million
    evidence items and sentences take one call each instead of one per field.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))
    if not all(name.isidentifier() and not keyword.iskeyword(name) for name in names):
        return lambda item: {name: _rounded(getattr(item, name)) for name in names}
    values = ", ".join(
        f"{name!r}: v if (kind := type(v := item.{name})) in _KEPT else round(v, DECIMALS) if kind is float "
        f"else _CONVERTERS.get(kind, _rounded)(v)" for name in names
    )
    scope: dict[str, Any] = {"_KEPT": _KEPT, "DECIMALS": DECIMALS, "_CONVERTERS": _CONVERTERS, "_rounded": _rounded}
    exec(f"def convert(item):\n    return {{{values}}}\n", scope)  # noqa: S102 (our own field names)
    convert: Callable[[Any], dict[str, object]] = scope["convert"]
    return convert


#: Exact types :func:`_rounded` returns as they are.
_KEPT = frozenset({str, int, bool, type(None)})
#: Exact type -> converter for the common cases; dataclass types are added on first sight.
_CONVERTERS: dict[type, Callable[[Any], object]] = {
    float: lambda v: round(v, DECIMALS),
    str: _same, int: _same, bool: _same, type(None): _same,
    dict: _items, MappingProxyType: _items, list: _elements, tuple: _elements,
}
