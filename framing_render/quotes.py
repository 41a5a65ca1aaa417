"""Quotations marked in an article's text, as safe HTML (spans first, then markup, as article.py).

``quote_spans`` merges an article's quotes into non-overlapping spans (a direct quote inside a
reported clause is one span); ``render_quotes_html`` writes the text with each span in a
``<span class="fl-q">`` whose tooltip names speaker, type and cue, the chosen speaker's quotes
stronger. Every piece of article text goes through ``esc``, the render layer's one escaper. Colours: the quoted background
is a neutral grey tint so it never competes with the frame tints; the chosen speaker's quotes get
a dark outline and bold speaker tag, so the choice survives a black-and-white print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.types import ArticleReport, OutletReport, Quote
from framing.voices import speaker_key

from .text import esc, percent, signed

#: Speakers named per outlet in the handout's table (the Voices page and JSON have them all).
REPORT_SPEAKERS = 2

__all__ = ["QUOTE_CSS", "QuoteSpan", "quote_spans", "render_quotes_compare_html", "render_quotes_html", "speaker_label", "type_label", "voices_section_html"]

QUOTE_CSS = """
.fl-voices { font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.6; color: #000;
  overflow-wrap: anywhere; }
.fl-voices p { margin: 0 0 .8rem 0; }
.fl-q { background: #ececec; border-bottom: 2px solid #767676; unicode-bidi: isolate; }
.fl-q.fl-indirect { background: #f5f5f5; border-bottom: 2px dotted #767676; }
.fl-q.fl-chosen { background: #fff3b0; border: 2px solid #000; border-radius: 2px; }
.fl-q-tag { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .72rem; color: #333;
  margin-left: .25rem; }
.fl-q.fl-chosen + .fl-q-tag { font-weight: 700; color: #000; }
"""


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stretch of quoted text and the quotes it is made of (outermost first)."""

    start: int
    end: int
    quotes: tuple[Quote, ...]


def type_label(speaker_type: str) -> str:
    """A reader's label of a speaker type.

    Examples
    --------
    >>> type_label("government:China"), type_label("social_media"), type_label("government")
    ('government (China)', 'social media', 'government (country not named)')
    """
    if speaker_type.startswith("government:"):
        return f"government ({speaker_type.split(':', 1)[1]})"
    if speaker_type == "government":
        return "government (country not named)"
    return speaker_type.replace("_", " ")


def speaker_label(quote: Quote) -> str:
    """The speaker as shown: the name, or 'no speaker named'."""
    return quote.speaker or "no speaker named"


def quote_spans(quotes: Sequence[Quote]) -> list[QuoteSpan]:
    """Merge overlapping quotes into spans, in text order.

    Examples
    --------
    >>> a = Quote(0, 20, "", "indirect", "said", "X", "other", None, None)
    >>> b = Quote(5, 9, "", "direct", "said", "X", "other", None, None)
    >>> [(s.start, s.end, len(s.quotes)) for s in quote_spans([b, a])]
    [(0, 20, 2)]
    """
    spans: list[QuoteSpan] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if spans and quote.start < spans[-1].end:
            last = spans[-1]
            spans[-1] = QuoteSpan(last.start, max(last.end, quote.end), (*last.quotes, quote))
        else:
            spans.append(QuoteSpan(quote.start, quote.end, (quote,)))
    return spans


def _tooltip(span: QuoteSpan) -> str:
    outer = span.quotes[0]
    return f"{speaker_label(outer)} · {type_label(outer.speaker_type)} · {outer.kind} · cue: {outer.cue}"


def render_quotes_html(article: ArticleReport, *, speaker: str | None = None) -> str:
    """The article's text as escaped HTML paragraphs with its quotations marked.

    ``speaker`` (as in ``Quote.speaker``) marks that speaker's quotations as chosen.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> text = "Talks ended. “We <b>won</b>,” said Ana Ruiz."
    >>> report = analyze_articles([Article(id="a", outlet="A", title="t", text=text)])
    >>> out = render_quotes_html(report.articles[0], speaker="Ana Ruiz")
    >>> "&lt;b&gt;won&lt;/b&gt;" in out, 'class="fl-q fl-direct fl-chosen"' in out, "<b>" in out
    (True, True, False)
    """
    text = article.text
    spans = quote_spans(article.quotes)
    # Pooled as in the speakers table: "China's foreign ministry" is the Chinese Foreign Ministry's quote.
    chosen_key = speaker_key(speaker) if speaker is not None else None
    parts: list[str] = []
    cursor = 0
    for span in spans:
        parts.append(esc(text[cursor : span.start]))
        outer = span.quotes[0]
        chosen = chosen_key is not None and any(q.speaker is not None and speaker_key(q.speaker) == chosen_key
                                                for q in span.quotes)
        classes = f"fl-q fl-{outer.kind}" + (" fl-chosen" if chosen else "")
        parts.append(
            f'<span class="{classes}" title="{esc(_tooltip(span))}">'
            f"{esc(text[span.start : span.end])}</span>"
            f'<span class="fl-q-tag">[{esc(speaker_label(outer))}]</span>'
        )
        cursor = span.end
    parts.append(esc(text[cursor:]))
    body = "".join(parts)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    title = esc(article.title or article.id)
    return f'<article class="fl-voices" dir="auto"><h4 dir="auto">{title}</h4>{paragraphs}</article>'


def voices_section_html(outlets: Sequence[OutletReport], articles: Sequence[ArticleReport]) -> str:
    """The HTML report's "Who speaks" section: per outlet the quote share, own vs quoted tone,
    tone by frame and its speakers, then each outlet's quotations with speaker and type.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> report = analyze_articles([Article(id="a", outlet="A<b>", title="t", text="“We <i>won</i>,” said Ana Ruiz.")])
    >>> out = voices_section_html(report.outlets, report.articles)
    >>> "A&lt;b&gt;" in out and "Ana Ruiz" in out and "<i>" not in out
    True
    """
    rows = []
    for o in outlets:
        quoted_tone = signed(o.voice.quoted.tone) if o.voice.quoted.words else "–"
        by_frame = " · ".join(f"{f} {signed(v)}" for f, v in o.tone_by_frame.items() if v is not None) or "–"
        top = "; ".join(f"{s.speaker} ({type_label(s.type)}, {s.words} words)" for s in o.speakers[:REPORT_SPEAKERS]) or "–"
        rows.append(
            f'<tr><th scope="row">{esc(o.outlet)}</th><td>{percent(o.quote_share)}</td><td>{len(o.speakers)}</td>'
            f"<td>{signed(o.voice.own.tone)}</td><td>{quoted_tone}</td><td class='fl-by-frame'>{esc(by_frame)}</td><td>{esc(top)}</td></tr>"
        )
    head = "".join(f'<th scope="col"{cls}>{h}</th>' for h, cls in (
        ("Outlet", ""), ("Words in quotations", ""), ("Speakers", ""), ("Own tone", ""), ("Quoted tone", ""),
        ("Tone by frame", ' class="fl-by-frame"'), ("Most quoted", "")))
    parts = [f'<table class="fl-summary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>']
    for o in outlets:
        items = [
            f"<li>“{esc(q.text)}” — <b>{esc(speaker_label(q))}</b> ({esc(type_label(q.speaker_type))}, {esc(q.kind)})</li>"
            for a in articles if a.outlet == o.outlet for q in a.quotes
        ]
        if items:
            parts.append(f"<details><summary>{esc(o.outlet)}: {len(items)} quotations</summary><ul>{''.join(items)}</ul></details>")
    return "\n".join(parts)




def render_quotes_compare_html(columns: Sequence[tuple[str, Sequence[ArticleReport], str]]) -> str:
    """Outlets side by side with their quotations marked, in the same columns as the frame view.

    ``columns`` holds (outlet, articles, note) per column; the frame view's stylesheet lays them out.

    >>> out = render_quotes_compare_html([("A<b>", [], "")])
    >>> "A&lt;b&gt;" in out and 'class="fl-cols"' in out
    True
    """
    sections = []
    for outlet, articles, note in columns:
        note_html = f'<div class="fl-col-note">{esc(note)}</div>' if note else ""
        body = "".join(render_quotes_html(article) for article in articles)
        sections.append(f'<section class="fl-col"><h3 class="fl-outlet"><bdi>{esc(outlet)}</bdi></h3>'
                        f"{note_html}{body}</section>")
    return (f'<div class="fl-compare" style="--fl-count:{len(columns)}"><div class="fl-cols">'
            f'{"".join(sections)}</div></div>')
