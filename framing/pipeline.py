"""The whole analysis in order: clean, build one Document per article, run the components, reduce.

This is the one entry point the CLI and the dashboard call. Per article: cleaning, truncation, then
``segment.build_document`` once, then each component of the pipeline (``framing.components``) on that
Document. Over the corpus: ``FrameModel`` learns the IDF from every article's matches, and the
outlets are aggregated. The returned report is read-only all the way down (``types.freeze``).
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .cleaning import clean_text, cleaned_away_note
from .compare import aggregate_outlets, emphasis_shares, intensity_per_thousand
from .components import Component, SentenceTone, TermMatches, check_components, default_components
from .corpus import load_paths
from .evidence import NO_FRAME, decide_frame, emphasis_interval, evidence_level, load_evidence_thresholds, tone_interval
from .coverage import analyze_coverage
from .errors import describe_failure
from .frames import DocumentFrames, FrameModel
from .language import NO_WORDS_NOTE
from .lexicon import Lexicon, ToneLexicon, load_default_lexicon, load_tone_lexicon
from .segment import build_document
from .tone import mean_tone
from .voices import TokenLayout, split_voice, token_layout
from .workers import map_articles
from .types import (
    FRAMES,
    Article,
    ArticleReport,
    CleanedText,
    CorpusReport,
    Evidence,
    ParagraphReport,
    Quote,
    Readability,
    SentenceReport,
    SkippedInput,
    Voice,
    VoiceScores,
    freeze,
    read_only,
)

__all__ = ["analyze_articles", "analyze_paths", "dominant_frame", "prepare_or_skip", "truncate_text"]

#: Longest cleaned text analysed per article, in characters (about 15,000 words; long-form features
#: run to 10,000). Longer texts are cut at a paragraph or word boundary with a note, never dropped:
#: this bounds the time and memory one pasted book can take from a shared classroom server.
MAX_ARTICLE_CHARS = 100_000
#: Characters of an article's raw text cleaning reads: cleaning takes out a fraction of a real page, so
#: four times the analysed length still leaves ``MAX_ARTICLE_CHARS`` of article text. Past it cleaning
#: was the whole cost of a huge text: a 10 MB one-line upload took 6.9 s of CPU to clean for 100,000
#: characters analysed (measured 2026-12-03). The cut is at a paragraph or word, as truncation's.
MAX_CLEANED_CHARS = 4 * MAX_ARTICLE_CHARS


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One article after the corpus-independent steps; its Document is already dropped."""

    article: Article
    cleaned: CleanedText
    sentences: tuple[SentenceTone, ...]
    matches: TermMatches
    word_counts: Counter[str]
    words: int
    readability: Readability
    notes: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    #: Where the Document's tokens start (``voices.TokenLayout``), kept only when quotes were found:
    #: the voice split needs it later, and the tokens themselves are dropped with the Document. An
    #: array and a bytes object also pickle in C when a worker process sends this back (issue 16).
    tokens: TokenLayout | None = None


def analyze_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    lexicon: Lexicon | None = None,
    tone_lexicon: ToneLexicon | None = None,
    components: Sequence[Component] | None = None,
    workers: int = 1,
) -> CorpusReport:
    """Load files or folders and analyse every article that loaded; what was skipped is reported.

    ``workers`` > 1 runs the per-article pass in that many processes (``framing.workers``); the
    report is the same.

    Examples
    --------
    >>> report = analyze_paths(["data"])
    >>> len(report.articles), len(report.outlets), report.skipped
    (5, 5, ())
    """
    loaded = load_paths(paths)
    return analyze_articles(
        loaded.articles, lexicon=lexicon, tone_lexicon=tone_lexicon, components=components, skipped=loaded.skipped,
        workers=workers,
    )


def analyze_articles(
    articles: Sequence[Article],
    *,
    lexicon: Lexicon | None = None,
    tone_lexicon: ToneLexicon | None = None,
    components: Sequence[Component] | None = None,
    skipped: Sequence[SkippedInput] = (),
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
) -> CorpusReport:
    """Analyse articles together (IDF is learned over the whole set) and pool them by outlet.

    Articles are reported in id order and skipped inputs by source; pooled sums are exactly
    rounded (``math.fsum``), so the result does not depend on the order of the input.

    Parameters
    ----------
    articles : sequence of Article
        The corpus; ids must be unique (``framing.corpus`` makes them so).
    lexicon : Lexicon, optional
        Frame terms; the packaged lexicon when omitted.
    tone_lexicon : ToneLexicon, optional
        Tone valences; the packaged tone lexicon when omitted.
    components : sequence of Component, optional
        The per-article steps, in order (``components.default_components`` when omitted); every name
        in ``components.REQUIRED`` must be there. Give either this or the lexicons, not both.
    skipped : sequence of SkippedInput
        Inputs that did not load, carried into the report so every output can list them.
    progress : callable, optional
        Called as ``progress(done, total)`` after each article's own pass (the slow part), so a
        dashboard or CLI can show how far a large corpus has got. It must not raise.
    workers : int
        Processes for the per-article pass (``framing.workers``; 1 = this process). The report is
        byte-for-byte the same for any number.

    Returns
    -------
    CorpusReport
        Read-only all the way down.

    Raises
    ------
    ValueError
        When ``components`` lacks a required name or comes with ``lexicon``/``tone_lexicon``.

    Examples
    --------
    >>> a = Article(id="a", outlet="A", title="t", text="Tariffs on soybeans rose sharply.")
    >>> b = Article(id="b", outlet="B", title="t", text="Troops massed at the border in a crisis.")
    >>> report = analyze_articles([b, a])
    >>> [(r.id, dominant_frame(r.emphasis)) for r in report.articles]
    [('a', 'trade'), ('b', 'security')]
    """
    if isinstance(articles, (str, Article)):
        raise TypeError("articles must be a sequence of Article objects, not a single one")
    steps = _choose_components(components, lexicon=lexicon, tone_lexicon=tone_lexicon)
    frame_lexicon: Lexicon = getattr(steps["frames"], "lexicon", None) or load_default_lexicon()
    model = FrameModel(frame_lexicon)
    ordered = sorted(articles, key=lambda a: a.id)
    outcomes = map_articles(prepare_or_skip, ordered, steps, workers=workers, progress=progress)
    prepared = [p for p in outcomes if isinstance(p, _Prepared)]
    skipped = (*skipped, *(p for p in outcomes if isinstance(p, SkippedInput)))
    frames = model.fit_transform_matches([list(p.matches) for p in prepared]) if prepared else []
    reports = tuple(_report(p, f) for p, f in zip(prepared, frames))
    word_counts = {p.article.id: p.word_counts for p in prepared}
    coverage = analyze_coverage(reports)  # corpus-level reduce step across outlets (issue 15)
    skipped = (*skipped, *coverage.skipped)
    return freeze(
        CorpusReport(
            articles=reports,
            outlets=aggregate_outlets(reports, word_counts),
            skipped=tuple(sorted(skipped, key=lambda item: (item.source, item.reason))),
            lexicon=read_only(frame_lexicon.describe()),
            facts=coverage.facts,
            shared_passages=coverage.shared_passages,
            reprints=coverage.reprints,
            naming=coverage.naming,
        )
    )


def dominant_frame(scores: Mapping[str, float]) -> str | None:
    """Return the frame with the highest score, or None when there is no evidence or a tie at the top.

    Scores alone: the reports name their dominant frames with ``evidence.decide_frame``, which also
    knows which frames have a frame word proper (``ArticleReport.dominant_frame``).

    Examples
    --------
    >>> dominant_frame({"trade": 0.2, "security": 0.5, "diplomacy": 0.3})
    'security'
    >>> dominant_frame({"trade": 0.5, "security": 0.5, "diplomacy": 0.0}) is None
    True
    """
    best = max(FRAMES, key=lambda f: scores.get(f, 0.0))
    top = scores.get(best, 0.0)
    if top <= 0 or sum(1 for f in FRAMES if scores.get(f, 0.0) == top) > 1:
        return None
    return best


def truncate_text(text: str, limit: int = MAX_ARTICLE_CHARS) -> tuple[str, str | None]:
    """Cut ``text`` to at most ``limit`` characters at a paragraph or word boundary; say so in a note.

    Examples
    --------
    >>> truncate_text("First part.\\n\\nSecond part.", 20)
    ('First part.', 'article truncated: only the first 11 of 25 characters were analysed')
    >>> truncate_text("Short.", 20)
    ('Short.', None)
    """
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n\n", 0, limit + 1)
    if cut <= 0:
        cut = max(text.rfind(" ", 0, limit + 1), 0) or limit
    kept = text[:cut].rstrip()
    return kept, f"article truncated: only the first {len(kept):,} of {len(text):,} characters were analysed"


def _choose_components(
    components: Sequence[Component] | None, *, lexicon: Lexicon | None, tone_lexicon: ToneLexicon | None
) -> Mapping[str, Component]:
    if components is None:
        return check_components(
            default_components(lexicon=lexicon or load_default_lexicon(), tone_lexicon=tone_lexicon or load_tone_lexicon())
        )
    if lexicon is not None or tone_lexicon is not None:
        raise ValueError("pass either components or lexicon/tone_lexicon, not both: the components carry their data")
    return check_components(tuple(components))


def prepare_or_skip(article: Article, steps: Mapping[str, Component]) -> _Prepared | SkippedInput:
    """The article's own pass, or the reason it failed: one article that breaks a step never ends the run.

    Article text is untrusted and the steps are many; an exception inside them (a bug our tests did
    not meet, a component of the user's own) skips this article with a reason naming the article,
    the error and where it was raised, and every other article is still analysed and reported.
    KeyboardInterrupt and SystemExit are not caught.
    """
    try:
        return _prepare(article, steps)
    except Exception as exc:  # noqa: BLE001 - reported as a skipped input, see the docstring
        return SkippedInput(source=article.source or article.id, reason=analysis_failure_reason(article, exc))


def analysis_failure_reason(article: Article, exc: BaseException) -> str:
    """What a reader (and a bug report) needs: which article, which error, and the line that raised it.

    Examples
    --------
    >>> a = Article(id="a1", outlet="A", title="t", text="x")
    >>> analysis_failure_reason(a, ValueError("bad span"))
    "article 'a1' could not be analysed (ValueError: bad span); the other articles were"
    """
    return f"article {article.id!r} could not be analysed ({describe_failure(exc)}); the other articles were"


def _prepare(article: Article, steps: Mapping[str, Component]) -> _Prepared:
    raw, precut = truncate_text(article.text, MAX_CLEANED_CHARS)
    cleaned = clean_text(raw, title=article.title, outlet=article.outlet)
    text, truncated = truncate_text(cleaned.text)
    if truncated:
        cleaned = CleanedText(text=text, removed=cleaned.removed, credit=cleaned.credit)
    if precut:  # the note names the article's whole length, not the part that was cleaned
        truncated = f"article truncated: only the first {len(text):,} of {len(article.text):,} characters were analysed"
    document = build_document(text)
    results: dict[str, Any] = {name: step(document) for name, step in steps.items()}
    language = results["language"]
    if language == NO_WORDS_NOTE:  # words there were, but cleaning took them all: say that instead
        language = cleaned_away_note(cleaned.removed) or language
    notes = tuple(n for n in (*article.notes, truncated, language) if n)
    return _Prepared(
        article=article,
        cleaned=cleaned,
        sentences=results["tone"],
        matches=results["frames"],
        word_counts=results["words"],
        words=document.word_count,
        readability=results["readability"],
        notes=notes,
        quotes=results.get("quotes", ()),
        tokens=token_layout(document.tokens) if results.get("quotes") else None,
    )


def _report(prepared: _Prepared, frames: DocumentFrames) -> ArticleReport:
    article, text = prepared.article, prepared.cleaned.text
    # (frame, subcategory, lexicon weight, weight) per evidence item: what evidence.decide_frame reads
    units = tuple(zip((e.frame for e in frames.evidence), frames.subcategories, frames.lexicon_weights,
                      (e.weight for e in frames.evidence)))
    sentences = _sentence_reports(text, prepared.sentences, frames.evidence, units)
    words = prepared.words
    credit = article.credit or prepared.cleaned.credit
    floor = load_evidence_thresholds().min_term_weight
    by_frame = dict.fromkeys(FRAMES, 0)
    for frame, _, lexicon_weight, _ in units:
        if lexicon_weight >= floor:
            by_frame[frame] += 1
    frame_words = sum(by_frame.values())
    return ArticleReport(
        id=article.id,
        outlet=article.outlet,
        title=article.title,
        date=article.date,
        url=article.url,
        credit=credit,
        source=article.source,
        text=text,
        removed=prepared.cleaned.removed,
        word_count=words,
        readability=prepared.readability,
        frame_scores=read_only(frames.scores),
        emphasis=read_only(emphasis_shares(frames.scores)),
        intensity=intensity_per_thousand(frames.scores, words),
        tone=mean_tone([s.tone for s in sentences]),
        sentences=sentences,
        notes=prepared.notes,
        quotes=prepared.quotes,
        voice=split_voice(sentences, prepared.tokens, prepared.quotes) if prepared.quotes and prepared.tokens is not None else _own_only(sentences, words),
        evidence_level=evidence_level(frame_words, words, any_evidence=bool(frames.evidence)),
        emphasis_ci=emphasis_interval([s.frames for s in sentences]),
        frame_words=frame_words,
        dominant_frame=_named(decide_frame(units)),
        frame_words_by_frame=read_only(by_frame),
        paragraphs=_paragraph_reports(sentences, frames.evidence, units),
        tone_ci=tone_interval([s.tone for s in sentences]),
    )


def _named(frame: str) -> str | None:
    """``evidence.decide_frame``'s answer as the reports carry it: a frame name, or None for "none"."""
    return None if frame == NO_FRAME else frame


def _paragraph_reports(
    sentences: tuple[SentenceReport, ...], frame_evidence: tuple[Evidence, ...], units: Sequence[tuple[str, str, float, float]]
) -> tuple[ParagraphReport, ...]:
    """Each paragraph's dominant frame, from the evidence of its sentences (``decide_frame``, ``passage=True``)."""
    spans: dict[int, list[int]] = {}
    for sentence in sentences:
        bounds = spans.setdefault(sentence.paragraph, [sentence.start, sentence.end])
        bounds[0], bounds[1] = min(bounds[0], sentence.start), max(bounds[1], sentence.end)
    starts = [e.start for e in frame_evidence]
    out = []
    for number in sorted(spans):
        start, end = spans[number]
        first, last = bisect_left(starts, start), bisect_right(starts, end - 1)
        out.append(ParagraphReport(start, end, number, _named(decide_frame(units[first:last], passage=True))))
    return tuple(out)


def _own_only(sentences: tuple[SentenceReport, ...], words: int) -> Voice:
    """The voice of an article without quotations (or without the quotes component): all its own."""
    frames = dict.fromkeys(FRAMES, 0.0)
    for sentence in sentences:
        for frame in FRAMES:
            frames[frame] += sentence.frames[frame]
    return Voice(own=VoiceScores(words=words, tone=mean_tone([s.tone for s in sentences]), frames=read_only(frames)))


def _sentence_reports(
    text: str,
    sentences: tuple[SentenceTone, ...],
    frame_evidence: tuple[Evidence, ...],
    units: Sequence[tuple[str, str, float, float]],
) -> tuple[SentenceReport, ...]:
    evidence_starts = [e.start for e in frame_evidence]
    reports = []
    for span, tone, tone_evidence in sentences:
        first, last = bisect_left(evidence_starts, span.start), bisect_right(evidence_starts, span.end - 1)
        evidence = frame_evidence[first:last]
        scores = dict.fromkeys(FRAMES, 0.0)
        for item in evidence:
            scores[item.frame] += item.weight
        reports.append(
            SentenceReport(
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                paragraph=span.paragraph,
                frames=read_only(scores),
                # the article rule (headline-sized units are measured with it): general words alone never lead
                frame=_named(decide_frame(units[first:last])),
                tone=tone,
                evidence=tuple(sorted([*evidence, *tone_evidence], key=lambda e: (e.start, e.frame))),
            )
        )
    return tuple(reports)
