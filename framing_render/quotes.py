"""Quotations marked in an article's text, as safe HTML (spans first, then markup, as article.py).

``quote_spans`` merges an article's quotes into non-overlapping spans (a direct quote inside a
reported clause is one span); ``render_quotes_html`` writes the text with each span in a
``<span class="fl-q">`` whose tooltip names speaker, type and cue, the chosen speaker's quotes
stronger. The HTML is written by Jinja2 templates with autoescape (``templates/quotes_*.html.j2``,
``voices_section.html.j2``): no article text reaches the page unescaped. Colours: the quoted background
is a neutral grey tint so it never competes with the frame tints; the chosen speaker's quotes get
a dark outline and bold speaker tag, so the choice survives a black-and-white print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from framing.selection import articles_of
from framing.types import ArticleReport, OutletReport, Quote
from framing.voices import same_speaker, speaker_key

from framing.segment import PARAGRAPH_BREAK

from .jinja import render, stylesheet
from .text import Markup

#: Speakers named per outlet in the handout's table (the Voices page and JSON have them all).
REPORT_SPEAKERS = 2

__all__ = ["QUOTE_CSS", "QuotePiece", "QuoteSpan", "quote_paragraphs", "quote_spans", "quote_type_label", "UNATTRIBUTED_LABEL", "render_quotes_compare_html", "outlet_voice_html", "render_quotes_html", "speaker_label", "type_label", "type_shares", "voices_section_html"]

#: How a quotation with no identified speaker is labelled where types are shown (issue 14: the JSON's
#: ``voice_by_type`` counts these under ``other``; ``unattributed_share`` is their part of it).
UNATTRIBUTED_LABEL = "no speaker identified"

#: The quotation marks' stylesheet (``static/quotes.css``): grey tints that never compete with frame tints.
QUOTE_CSS = stylesheet("quotes.css")


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


def quote_type_label(quote: Quote) -> str:
    """A quotation's type as shown: its speaker's type, or ``UNATTRIBUTED_LABEL`` with no speaker
    (the rules give such a quote the type ``other``, which would read as an identified speaker).

    >>> quote_type_label(Quote(0, 5, "", "direct", "“", None, "other", None, None))
    'no speaker identified'
    """
    return type_label(quote.speaker_type) if quote.speaker is not None else UNATTRIBUTED_LABEL


def type_shares(outlet: OutletReport) -> list[tuple[str, float]]:
    """The shares of an outlet's quoted words by speaker type, largest first, with the quotations
    that have no identified speaker taken out of ``other`` and listed as ``UNATTRIBUTED_LABEL``.

    >>> o = OutletReport("A", (), {}, {}, 0.0, 0.0, 0, voice_by_type={"government:China": 0.3, "other": 0.7},
    ...                  unattributed_share=0.68)
    >>> [(label, round(share, 2)) for label, share in type_shares(o)]
    [('no speaker identified', 0.68), ('government (China)', 0.3), ('other', 0.02)]
    """
    shares = dict(outlet.voice_by_type)
    unattributed = min(outlet.unattributed_share, shares.get("other", 0.0))
    if unattributed > 0:
        shares["other"] = shares.get("other", 0.0) - unattributed
        if shares["other"] <= 1e-12:
            del shares["other"]
    rows = [(type_label(kind), share) for kind, share in shares.items()]
    if unattributed > 0:
        rows.append((UNATTRIBUTED_LABEL, unattributed))
    return sorted(rows, key=lambda row: -row[1])


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
    return f"{speaker_label(outer)} · {quote_type_label(outer)} · {outer.kind} · cue: {outer.cue}"


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
    # Pooled as in the speakers table: "China's foreign ministry" is the Chinese Foreign Ministry's quote.
    chosen_key = speaker_key(speaker) if speaker is not None else None
    return render("quotes_article.html.j2", title=article.title or article.id,
                  paragraphs=quote_paragraphs(article.text, article.quotes, chosen_key))


@dataclass(frozen=True, slots=True)
class QuotePiece:
    """A run of one paragraph: plain text, or (part of) a quotation with its class, tooltip and tag."""

    text: str
    kind: str | None = None
    chosen: bool = False
    tooltip: str = ""
    #: The speaker tag shown after the quotation's last piece ('' on earlier pieces).
    tag: str = ""


def quote_paragraphs(text: str, quotes: Sequence[Quote], chosen_key: str | None = None) -> list[list[QuotePiece]]:
    """The text cut into paragraphs of pieces; a quotation running over paragraphs is marked in each.

    Examples
    --------
    >>> q = Quote(3, 7, "", "direct", "said", "Ana", "other", None, None)
    >>> [[(p.text, p.kind, p.tag) for p in para] for para in quote_paragraphs("A “b\\n\\nc” said Ana.", [q])]
    [[('A “', None, ''), ('b', 'direct', '')], [('c', 'direct', 'Ana'), ('” said Ana.', None, '')]]
    """
    paragraphs: list[list[QuotePiece]] = [[]]

    def add(stretch: str, quote: QuotePiece | None = None) -> None:
        """Cut ``stretch`` at paragraph breaks; as quotation pieces when ``quote`` (its tag on the last)."""
        parts = PARAGRAPH_BREAK.split(stretch)
        for index, part in enumerate(parts):
            if index:
                paragraphs.append([])
            if quote is not None:
                paragraphs[-1].append(replace(quote, text=part, tag=quote.tag if index == len(parts) - 1 else ""))
            elif part:
                paragraphs[-1].append(QuotePiece(part))

    cursor = 0
    for span in quote_spans(quotes):
        add(text[cursor:span.start])
        outer = span.quotes[0]
        chosen = chosen_key is not None and any(
            q.speaker is not None and same_speaker(speaker_key(q.speaker), chosen_key) for q in span.quotes)
        add(text[span.start:span.end], QuotePiece("", outer.kind, chosen, _tooltip(span), speaker_label(outer)))
        cursor = span.end
    add(text[cursor:])
    return [para for para in paragraphs if "".join(p.text for p in para).strip()]


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
    rows = [
        {
            "outlet": o.outlet, "share": o.quote_share, "speakers": len(o.speakers), "own": o.voice.own.tone,
            "quoted": o.voice.quoted.tone if o.voice.quoted.words else None,
            "by_frame": [(f, v) for f, v in o.tone_by_frame.items() if v is not None],
            "top": [(s.speaker, type_label(s.type), s.words) for s in o.speakers[:REPORT_SPEAKERS]],
        }
        for o in outlets
    ]
    quoted = [
        (o.outlet, [(q.text, speaker_label(q), quote_type_label(q), q.kind)
                    for a in articles_of(articles, o.outlet) for q in a.quotes])
        for o in outlets
    ]
    return render("voices_section.html.j2", rows=rows, quoted=[(name, items) for name, items in quoted if items])


def outlet_voice_html(outlet: OutletReport, *, min_words: int) -> str:
    """One outlet's card on the Voices page: quote share, speakers, own vs quoted words and tone, and the
    share of quoted words by speaker type. A voice with fewer than ``min_words`` words shows no tone.

    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> report = analyze_articles([Article(id="a", outlet="A", title="t", text="“We <i>won</i>,” said Ana Ruiz.")])
    >>> out = outlet_voice_html(report.outlets[0], min_words=20)
    >>> "too few words" in out and "<i>" not in out
    True
    """
    voices = [("own voice", outlet.voice.own), ("quoted", outlet.voice.quoted)]
    return render("voice_card.html.j2", outlet=outlet, min_words=min_words,
                  voices=[(label, block.words, block.tone) for label, block in voices],
                  shares=type_shares(outlet), unattributed=outlet.unattributed_share, unattributed_label=UNATTRIBUTED_LABEL)


def render_quotes_compare_html(columns: Sequence[tuple[str, Sequence[ArticleReport], str]]) -> str:
    """Outlets side by side with their quotations marked, in the same columns as the frame view.

    ``columns`` holds (outlet, articles, note) per column; the frame view's stylesheet lays them out.

    >>> out = render_quotes_compare_html([("A<b>", [], "")])
    >>> "A&lt;b&gt;" in out and 'class="fl-cols"' in out
    True
    """
    return render("quotes_compare.html.j2", columns=[
        (outlet, note, [Markup(render_quotes_html(article)) for article in articles]) for outlet, articles, note in columns
    ])
