"""Properties of the engine on arbitrary text: nothing raises, offsets stay valid, numbers stay in range.

Hypothesis is imported as ``hst`` (``st`` is Streamlit's name in this project).
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from framing.compare import emphasis_shares
from framing.export import to_json
from framing.frames import FrameModel
from framing.lexicon import load_default_lexicon
from framing.pipeline import analyze_articles
from framing.segment import split_paragraphs, split_sentences, tokenize
from framing.tone import score_tone
from framing.types import FRAMES, Article

#: Examples per property: enough to reach odd Unicode and punctuation, few enough that the file runs
#: in well under a minute on two cores (the pipeline properties cost ~0.1 s an example).
FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

#: News-like words (lexicon and tone vocabulary, abbreviations) mixed with separators, so generated
#: texts actually trigger phrase matching, negation and sentence splitting, not only random symbols.
WORDS = (
    "tariff", "tariffs", "trade", "war", "talks", "summit", "troops", "military", "peace", "deal", "not",
    "very", "but", "good", "bad", "crisis", "U.S.", "Nov.", "24", "Mr.", "China's", "didn't", "state",
    "visit", "foreign", "minister", "united", "nations",
)
SEPARATORS = (" ", " ", " ", ". ", ", ", "\n", "\n\n", "-", "! ", "? ", ".", "—", "  ")
news_text = hst.lists(
    hst.one_of(hst.sampled_from(WORDS), hst.sampled_from(SEPARATORS), hst.text(max_size=3)), max_size=60
).map("".join)
any_text = hst.one_of(hst.text(max_size=300), news_text)


@FAST
@given(any_text)
def test_split_sentences_offsets_valid(text: str) -> None:
    spans = split_sentences(text)
    paragraphs = split_paragraphs(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece.strip() == piece
        assert any(p.start <= span.start and span.end <= p.end and p.paragraph == span.paragraph for p in paragraphs)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@FAST
@given(any_text)
def test_tokenize_offsets_valid(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert text[token.start : token.end].lower().replace("’", "'") == token.lower
        assert token.lemma
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


@FAST
@given(any_text)
def test_score_tone_in_range_and_traceable(text: str) -> None:
    tokens = tokenize(text)
    tone, evidence = score_tone(tokens)
    assert -1.0 <= tone <= 1.0
    for item in evidence:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end].lower().replace("’", "'") == item.term


@FAST
@given(hst.lists(any_text, min_size=1, max_size=4))
def test_frame_model_scores_traceable(texts: list[str]) -> None:
    docs = [tokenize(text) for text in texts]
    results = FrameModel(load_default_lexicon()).fit_transform(docs)
    for text, result in zip(texts, results):
        assert set(result.scores) == set(FRAMES)
        assert all(v >= 0 and math.isfinite(v) for v in result.scores.values())
        for frame in FRAMES:
            total = sum(e.weight for e in result.evidence if e.frame == frame)
            assert math.isclose(total, result.scores[frame], rel_tol=1e-9, abs_tol=1e-12)
        for item in result.evidence:
            assert 0 <= item.start < item.end <= len(text)


@FAST
@given(hst.lists(hst.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=3, max_size=3))
def test_emphasis_shares_sum_to_one_or_all_zero(values: list[float]) -> None:
    shares = emphasis_shares(dict(zip(FRAMES, values)))
    assert all(0.0 <= v <= 1.0 for v in shares.values())
    total = sum(shares.values())
    assert math.isclose(total, 1.0, rel_tol=1e-9) or set(shares.values()) == {0.0}


@SLOW
@given(news_text)
def test_analyze_articles_never_raises_and_stays_in_range(text: str) -> None:
    report = analyze_articles([Article(id="a", outlet="A", title="t", text=text or "x")])
    for article in report.articles:
        shares = article.emphasis.values()
        assert math.isclose(sum(shares), 1.0) or set(shares) == {0.0}
        assert -1.0 <= article.tone <= 1.0
        # Issue 9 item 1: readability reads the one Document, so its counts are the report's own.
        assert (article.readability.words, article.readability.sentences) == (article.word_count, len(article.sentences))
        for sentence in article.sentences:
            assert -1.0 <= sentence.tone <= 1.0
            assert article.text[sentence.start : sentence.end] == sentence.text
            for item in sentence.evidence:
                assert sentence.start <= item.start < item.end <= len(article.text)


@SLOW
@given(
    hst.lists(hst.tuples(hst.sampled_from(("Gazette", "Herald", "Post")), news_text), min_size=2, max_size=4),
    hst.randoms(use_true_random=False),
)
def test_analyze_articles_independent_of_order(rows: list[tuple[str, str]], rng: object) -> None:
    articles = [Article(id=f"id{i}", outlet=outlet, title="t", text=text or "x") for i, (outlet, text) in enumerate(rows)]
    shuffled = list(articles)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert to_json(analyze_articles(shuffled)) == to_json(analyze_articles(articles))
