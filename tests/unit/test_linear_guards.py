"""Pasted junk costs time in proportion to its length: operation counts, not timings.

Each case once grew with the square of the input (an upload of 100,000 characters took from
8 s to minutes and up to 400 MB): sentencex on a run of unclosed opening quotes, the quote finder's
scan of every quote per quote and of a run-on sentence per cue, and shared copy pairing every
copy of a phrase one text repeats with every other. The counts below double when the input
doubles; a quadratic step would make them quadruple.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import framing.segment as segment
from framing import shared_copy
from framing.quotes import QuoteFinder, _Run

GROWTH_LIMIT = 2.6  # doubling the input may at most about double the work (plus constant overhead)


def _calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, run: Callable[[], object]) -> int:
    counted = 0
    original = getattr(owner, name)

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal counted
        counted += 1
        return original(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(owner, name, counting)
        run()
    return counted


def _sentencex_lengths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text handed to sentencex from now on (the list fills as the test runs)."""
    seen: list[int] = []
    original = segment._split_sentences

    def recording(language: str, text: str) -> object:
        seen.append(len(text))
        return original(language, text)

    monkeypatch.setattr(segment, "_split_sentences", recording)
    return seen


def test_sentencex_never_gets_more_than_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _sentencex_lengths(monkeypatch)
    junk = "“a " * 20_000
    spans = segment.split_sentences(junk)
    assert max(seen) <= segment.SPLITTER_MAX_CHARS
    assert spans and spans[0].start == 0 and spans[-1].end == len(junk.rstrip())
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))  # in order, no overlap


def test_a_long_paragraph_splits_where_one_sentencex_call_would() -> None:
    paragraph = " ".join(f"Delegates from {n} countries met in Geneva on day {n}. "
                         f"“We are close to a deal,” said envoy No. {n}, who asked about the U.S. position. "
                         f"Mr. Ruiz said talks on tariff {n} would resume (after a break) on Friday." for n in range(100))
    assert len(paragraph) > 3 * segment.SPLITTER_MAX_CHARS  # several windows
    whole = [(s.start, s.end) for s in segment._sentences_of(paragraph, [segment.Span(0, len(paragraph), 0)])]
    cursor, expected = 0, []
    for piece in segment._split_sentences("en", paragraph):  # one call on the whole paragraph
        at = paragraph.find(piece, cursor)
        cursor = at + len(piece)
        span = segment._strip_span(paragraph, at, cursor, 0)
        if span is not None:
            expected.append((span.start, span.end))
    assert whole == expected


@pytest.mark.parametrize("pattern", ["“a” ", "Mr. Li said that a. ", "“Tariffs,” said Li Wei, the minister. "])
def test_quote_finding_work_grows_linearly(monkeypatch: pytest.MonkeyPatch, pattern: str) -> None:
    finder = QuoteFinder()

    def gaps(repeats: int) -> int:
        text = "Tariffs rose. " + pattern * repeats + "end."
        return _calls(monkeypatch, _Run, "_gap", lambda: finder(text))

    small, large = gaps(1_500), gaps(3_000)
    assert large <= GROWTH_LIMIT * small, (small, large)


def test_shared_copy_of_a_repeated_phrase_stays_linear() -> None:
    def hits(repeats: int) -> int:
        text = "the talks on tariffs went on " * repeats  # two articles that repeat one phrase throughout
        vocabulary: dict[str, int] = {}
        words = [shared_copy._words(text, vocabulary) for _ in ("a", "b")]
        return sum(len(v) for v in shared_copy._candidate_pairs(words).values())

    small, large = hits(1_000), hits(2_000)
    assert 0 < small and large <= GROWTH_LIMIT * small, (small, large)


class _CountingPattern:
    """Stands in for a compiled pattern and counts its ``findall`` calls."""

    def __init__(self, pattern: object) -> None:
        self.pattern, self.calls = pattern, 0

    def findall(self, text: str) -> object:
        self.calls += 1
        return self.pattern.findall(text)  # type: ignore[attr-defined]


def test_role_resolution_over_many_named_people_stays_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # a role ("the US President") resolved against every person named so far read each person's
    # description again per role mention: 1,200 pairs of lines took 17 s (quadratic)
    import framing.quotes as quotes

    finder = QuoteFinder()
    syllables = ("ba", "de", "ki", "lo", "mu", "ne", "po", "ri", "sa", "tu")

    def name(n: int) -> str:
        return "".join(syllables[int(d)] for d in f"{n:04d}").capitalize()

    def findalls(repeats: int) -> int:
        text = " ".join(f"President {name(n)} {name(n + 5000)} spoke. “Fine,” the US President said."
                        for n in range(repeats))
        counting = _CountingPattern(quotes._WORDS)
        with monkeypatch.context() as patch:
            patch.setattr(quotes, "_WORDS", counting)
            finder(text)
        return counting.calls

    small, large = findalls(150), findalls(300)
    assert large <= GROWTH_LIMIT * small, (small, large)


class _ScanCountingText(str):
    """A text that adds up how many characters its ``find`` calls pass over."""

    scanned = 0

    def find(self, sub: str, start: int = 0, *rest: int) -> int:  # type: ignore[override]
        found = str.find(self, sub, start, *rest)
        type(self).scanned += (found if found >= 0 else len(self)) - start
        return found


def test_naming_quotation_spans_of_one_long_line_stay_linear() -> None:
    # every quotation looked for its paragraph's end from its own start: on one long line without a
    # blank line, a scan to the end of the text per quotation (quadratic)
    from framing.naming import quotation_spans

    def scanned(repeats: int) -> int:
        _ScanCountingText.scanned = 0
        quotation_spans(_ScanCountingText("The envoy called it “a fair offer” twice. " * repeats))
        return _ScanCountingText.scanned

    small, large = scanned(1_000), scanned(2_000)
    assert large <= GROWTH_LIMIT * small, (small, large)


@pytest.mark.parametrize("offset", range(-1, 16))
def test_naming_inside_quotation_agrees_with_a_scan_of_every_span(offset: int) -> None:
    from framing.naming import _inside, _merged

    spans = sorted([(0, 6), (2, 4), (5, 9), (11, 12), (12, 14)])  # curly and straight quotes may overlap
    assert _inside(_merged(spans), offset) == any(s <= offset < e for s, e in spans)


@pytest.mark.parametrize("junk", ["Tariffwall" * 1_000, "“" * 20_000])
def test_a_window_cut_never_splits_a_word_and_stays_bounded(monkeypatch: pytest.MonkeyPatch, junk: str) -> None:
    """One 10,000-letter word stays one piece (no space to cut at, and letters cost sentencex little);
    a run of marks with no space is cut at a mark, so sentencex still sees one window at a time."""
    seen = _sentencex_lengths(monkeypatch)
    text = "Talks began. " + junk + " Talks ended."
    spans = segment.split_sentences(text)
    if junk.isalpha():
        assert any(text[s.start : s.end].count(junk) == 1 for s in spans)
    else:
        assert max(seen) <= segment.SPLITTER_MAX_CHARS
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("span", [(0, 1), (0, 3), (3, 4), (4, 5), (5, 7), (6, 8), (9, 20), (13, 14), (20, 25), (21, 22)])
def test_naming_overlap_test_agrees_with_a_scan_of_every_mention(span: tuple[int, int]) -> None:
    # the unnamed-title pass asked, per title found, whether any mention of the article overlaps it,
    # by a scan of all of them (quadratic on a text repeating a title); now by a bisect
    from framing.naming import _Overlaps

    held = {"a": [(5, 6), (2, 4), (10, 21), (12, 13)]}
    overlaps = _Overlaps(held)
    s, e = span
    assert overlaps("a", s, e) == any(s < m_end and m_start < e for m_start, m_end in held["a"])
    assert not overlaps("other article", s, e)
