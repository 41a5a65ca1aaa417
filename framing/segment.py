"""Split cleaned text into paragraphs, sentences and word tokens, all with character offsets.

:func:`build_document` is the one segmentation step: it makes one immutable ``Document`` per article,
and every count and scorer (words, sentences, syllables, readability, language note, frames, tone,
distinctive words) reads that Document instead of splitting the text again. No other module splits
text into sentences or paragraphs; the functions below are the only splitters.

Sentences come from ``sentencex`` (a maintained rule-based splitter that knows abbreviations such as
"U.S." and "Nov."); we only map its output back onto offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter
from typing import Any

from sentencex import segment as _split_sentences

from .lemma_data import LEMMATIZER
from .textnorm import WORD, WORD_WITHOUT_MARKS, has_marks
from .word_frequency import zipf_frequency
from .types import Document, Span, Token

__all__ = ["build_document", "split_paragraphs", "split_sentences", "tokenize", "lemmatize"]

#: A paragraph is a run of text between blank lines (cleaning joins kept paragraphs with "\n\n").
#: A paragraph break: a blank line (whitespace allowed). The one definition, also used to lay out text.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

#: A word: letters or digits, with inner apostrophes ("didn't", "China's"). Hyphens and dots split
#: words, so "US-China" gives two tokens and a lexicon phrase "de-escalation" matches "de escalation".
_WORD = re.compile(WORD)  # combining marks belong to their word (framing.textnorm)

#: Characters that may stand between the words of one phrase ("trade war", "de-escalation"; an
#: unspaced en dash joins compounds: "post–World War II", "US–China trade").
_PHRASE_JOINERS = frozenset(" -\u00a0\u2010\u2011\u2013")
#: Characters that let a word continue a multi-word phrase (``Token.joins_previous``).
PHRASE_JOINERS = _PHRASE_JOINERS

#: A possessive ending, dropped before lemmatizing ("China's" -> "china").
_POSSESSIVE = re.compile(r"['’]s$")

#: How much more common (wordfreq's Zipf scale, log10: 1.5 is about 30 times) the one-l lemma must be
#: than simplemma's doubled-l one to replace it ("cancel" 4.2 vs "cancell" 1.1; "enrol" 2.7 vs "enroll" 3.5 stays).
BRITISH_LL_MORE_COMMON = 1.5
#: Cache size for the lemmatizer; news vocabulary of a large corpus fits comfortably.
_LEMMA_CACHE = 200_000


def build_document(text: str) -> Document:
    """Segment cleaned text once: paragraphs, sentences, tokens and which tokens each sentence holds.

    Examples
    --------
    >>> doc = build_document("Tariffs rose. Talks stalled.\\n\\nA new day.")
    >>> [doc.text[s.start:s.end] for s in doc.sentences], len(doc.paragraphs), doc.word_count
    (['Tariffs rose.', 'Talks stalled.', 'A new day.'], 2, 7)
    >>> [t.lower for t in doc.sentence_tokens(1)]
    ['talks', 'stalled']
    """
    paragraphs = split_paragraphs(text)
    sentences = _sentences_of(text, paragraphs)
    tokens = tuple(tokenize(text))
    ranges = []
    position = 0
    for sentence in sentences:
        while position < len(tokens) and tokens[position].start < sentence.start:
            position += 1
        first = position
        while position < len(tokens) and tokens[position].start < sentence.end:
            position += 1
        ranges.append((first, position))
    return Document(
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        tokens=tokens,
        token_ranges=tuple(ranges),
    )


def split_paragraphs(text: str) -> list[Span]:
    """Return the paragraphs of ``text`` as spans, numbered from 0, surrounding whitespace excluded.

    Examples
    --------
    >>> [(s.start, s.end, s.paragraph) for s in split_paragraphs("One.\\n\\n  Two. ")]
    [(0, 4, 0), (8, 12, 1)]
    """
    spans: list[Span] = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        span = _strip_span(text, position, end, len(spans))
        if span is not None:
            spans.append(span)
        if match:
            position = match.end()
    return spans


def split_sentences(text: str) -> list[Span]:
    """Return the sentences of ``text`` as spans carrying their paragraph number.

    A sentence never crosses a paragraph break.

    Examples
    --------
    >>> text = "The U.S. met on Nov. 24. Talks went well.\\n\\nA new day."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['The U.S. met on Nov. 24.', 'Talks went well.', 'A new day.']
    """
    return _sentences_of(text, split_paragraphs(text))


def _sentences_of(text: str, paragraphs: list[Span]) -> list[Span]:
    sentences: list[Span] = []
    for paragraph in paragraphs:
        for located, piece in _located_sentences(text[paragraph.start : paragraph.end]):
            start = paragraph.start + located
            span = _strip_span(text, start, start + len(piece), paragraph.paragraph)
            if span is not None:
                sentences.append(span)
    return sentences


#: Longest stretch handed to sentencex at once. Its time grows with the square of a run of unclosed
#: opening quotes (100,000 characters of them took 6 s); real paragraphs are shorter, so this only
#: changes pasted junk and the rare paragraph of several pages.
SPLITTER_MAX_CHARS = 5_000


def _located_sentences(body: str) -> list[tuple[int, str]]:
    """sentencex's sentences of ``body`` with their offsets, ``SPLITTER_MAX_CHARS`` at a time.

    A longer paragraph is split window by window: every sentence of a window but its last two is
    kept (the last may go on past the window, and the one before it may lose an opening quote mark to
    it), and the next window starts where those two start, so a cut falls where sentencex itself saw a
    sentence end with a sentence of context after it. A window that is one long sentence from its
    first half on is cut at a space or mark in its second half instead (:func:`_cut_point`), so each
    window moves on by at least half its length and the whole stays linear.
    """
    found: list[tuple[int, str]] = []
    start = 0
    while True:
        window = body[start : start + SPLITTER_MAX_CHARS]
        located = _sentences_in(window)
        if start + SPLITTER_MAX_CHARS >= len(body):
            found.extend((start + at, piece) for at, piece in located)
            return found
        if len(located) >= 3 and located[-2][0] >= SPLITTER_MAX_CHARS // 2:
            found.extend((start + at, piece) for at, piece in located[:-2])
            start += located[-2][0]
            continue
        cut = _cut_point(body, start)
        kept = [(at, piece) for at, piece in located[:-1] if at + len(piece) <= cut]  # the last runs on past the cut
        found.extend((start + at, piece) for at, piece in kept)
        rest = kept[-1][0] + len(kept[-1][1]) if kept else 0
        found.append((start + rest, body[start + rest : start + cut]))
        start += cut
        if start >= len(body):
            return found


def _cut_point(body: str, start: int) -> int:
    """Where to cut a window that is one long sentence from its first half on, counted from ``start``:
    after its last space in the second half; else after its last character that is no letter or digit
    (a run of quote marks, the costly case); else, in one long word, at the word's end, so no word is
    ever cut in two (letters alone cost sentencex little)."""
    half, end = start + SPLITTER_MAX_CHARS // 2, start + SPLITTER_MAX_CHARS
    space = body.rfind(" ", half, end)
    if space >= 0:
        return space + 1 - start
    for at in range(end - 1, half - 1, -1):
        if not body[at].isalnum():
            return at + 1 - start
    at = end
    while at < len(body) and body[at].isalnum():
        at += 1
    return at - start


def _sentences_in(body: str) -> list[tuple[int, str]]:
    located: list[tuple[int, str]] = []
    cursor = 0
    for piece in _split_sentences("en", body):
        at = body.find(piece, cursor) if piece else -1
        if at >= 0:
            located.append((at, piece))
            cursor = at + len(piece)
    return located


def tokenize(text: str) -> list[Token]:
    """Return the word tokens of ``text`` with lower-case and lemma forms.

    Done in bulk, not word by word (issue 16: this loop was most of ``build_document``): one
    ``re.split`` gives the words and the gaps between them, their offsets are the running sum of
    their lengths, a word continues a phrase when the gap before it is one joiner character, and
    the Tokens are built by ``map``; only word types not met before go through Python one by one.
    A text without combining marks is split by the pattern without them (the same words).

    Examples
    --------
    >>> [(t.lower, t.lemma) for t in tokenize("China's tariffs didn't fall")]
    [("china's", 'china'), ('tariffs', 'tariff'), ("didn't", "didn't"), ('fall', 'fall')]
    """
    pieces = (_WORD_SPLIT if has_marks(text) else _PLAIN_WORD_SPLIT).split(text)  # gap, word, gap, ..., gap
    words = pieces[1::2]
    if not words:
        return []
    offsets = list(accumulate(map(len, pieces), initial=0))  # offsets[k]: where piece k starts
    forms: list[Any] = list(map(_FORMS.get, words))  # None for a word type not met before
    if None in forms:
        for i, form in enumerate(forms):
            if form is None:
                surface = words[i]
                lower = surface.lower().replace("’", "'")
                forms[i] = form = (lower, lemmatize(lower))
                if len(_FORMS) < _LEMMA_CACHE:
                    _FORMS[surface] = form
    joins = list(map(_PHRASE_JOINERS.__contains__, pieces[0:-1:2]))  # the gap before each word
    joins[0] = False  # the first word continues nothing, whatever precedes it
    return list(map(_new_token, zip(offsets[1::2], offsets[2::2], map(_first, forms), map(_second, forms), joins)))


#: :data:`_WORD` as a splitter (the words kept between the gaps), and the same without combining marks.
_WORD_SPLIT = re.compile(f"({WORD})")
_PLAIN_WORD_SPLIT = re.compile(f"({WORD_WITHOUT_MARKS})")
#: ``Token`` from a tuple of its fields: the same Token as ``Token(...)``, without the NamedTuple's
#: argument handling, and callable from ``map`` without a Python frame.
_new_token = partial(tuple.__new__, Token)
_first, _second = itemgetter(0), itemgetter(1)


#: Surface form -> (lower-case form, lemma): each word type is lower-cased and lemmatized once.
_FORMS: dict[str, tuple[str, str]] = {}


@lru_cache(maxsize=_LEMMA_CACHE)
def lemmatize(word: str) -> str:
    """Return the lower-case dictionary form of one lower-case word (possessives dropped).

    Contractions are kept whole: negation rules need "didn't", not "do".

    Examples
    --------
    >>> lemmatize("negotiations"), lemmatize("beijing's"), lemmatize("won't")
    ('negotiation', 'beijing', "won't")
    """
    stem = _POSSESSIVE.sub("", word)
    if "'" in stem:
        return stem
    lemma = LEMMATIZER.lemmatize(stem, lang="en").lower()
    if lemma.endswith("ll") and _BRITISH_LL.search(stem):
        return _american_ll(stem, lemma)
    return lemma


#: British doubled l before -ed / -ing ("cancelled", "travelling"), which simplemma's dictionary
#: sometimes lacks: its fallback rule then leaves "cancell", shown to readers as a word.
_BRITISH_LL = re.compile(r"[aeiou]ll(?:ed|ing)$")


def _american_ll(stem: str, lemma: str) -> str:
    """The lemma of the American spelling ("canceled" -> "cancel") when it is ``lemma`` less one "l"
    and far more common (wordfreq's list, read through ``framing.word_frequency``): "cancell" ->
    "cancel", but "installed" and "enrolled" keep "install" and "enroll"."""
    american = LEMMATIZER.lemmatize(_BRITISH_LL.sub(lambda m: m.group()[0] + m.group()[2:], stem), lang="en").lower()
    if american + "l" == lemma and zipf_frequency(american, "en") - zipf_frequency(lemma, "en") >= BRITISH_LL_MORE_COMMON:
        return american
    return lemma


def _strip_span(text: str, start: int, end: int, paragraph: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, paragraph) if end > start else None
