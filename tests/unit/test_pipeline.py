"""The whole analysis from articles to a CorpusReport (framing.pipeline)."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from framing.export import to_json
from framing.lexicon import load_default_lexicon, parse_lexicon
from framing.pipeline import analyze_articles, analyze_paths, dominant_frame
from framing.tone import mean_tone
from framing.types import FRAMES, TONE_LABEL, Article

FOUR_FRAMES_TEXT = (
    "Tariffs on soybeans and steel exports rose again this week. "
    "Troops and warships gathered near the disputed island. "
    "The foreign minister praised the summit and the new treaty. "
    "The weather was mild on a Tuesday afternoon."
)
NO_EVIDENCE_TEXT = "The weather was mild on a Tuesday afternoon. Children played in the park."
#: Two invented words with no background frequency, one per frame, so their scores tie exactly.
NONSENSE_LEXICON = "term,frame,weight\nzorblax,trade,1\nquibbit,security,1\n"


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"trade": 0.2, "security": 0.5, "diplomacy": 0.3}, "security"),
        ({"trade": 2.0, "security": 0.0, "diplomacy": 0.0}, "trade"),
        ({"trade": 0.5, "security": 0.5, "diplomacy": 0.0}, None),
        ({"trade": 0.1, "security": 0.5, "diplomacy": 0.5}, None),
        ({"trade": 0.0, "security": 0.0, "diplomacy": 0.0}, None),
        ({}, None),
        ({"diplomacy": 1e-9}, "diplomacy"),
    ],
)
def test_dominant_frame_table(scores: dict[str, float], expected: str | None) -> None:
    assert dominant_frame(scores) == expected


def test_analyze_articles_dominant_frame_per_sentence(make_article: Callable[..., Article]) -> None:
    (report,) = analyze_articles([make_article(text=FOUR_FRAMES_TEXT)]).articles
    assert [s.frame for s in report.sentences] == ["trade", "security", "diplomacy", None]


def test_analyze_articles_tie_gives_no_frame(make_article: Callable[..., Article]) -> None:
    lexicon = parse_lexicon(NONSENSE_LEXICON, source="n.csv")
    (report,) = analyze_articles([make_article(text="The zorblax met the quibbit.")], lexicon=lexicon).articles
    (sentence,) = report.sentences
    assert sentence.frames["trade"] == sentence.frames["security"] > 0
    assert sentence.frame is None


def test_analyze_articles_no_evidence_gives_zero_emphasis(make_article: Callable[..., Article]) -> None:
    (report,) = analyze_articles([make_article(text=NO_EVIDENCE_TEXT)]).articles
    assert report.emphasis == dict.fromkeys(FRAMES, 0.0)
    assert report.intensity == 0.0
    assert [s.frame for s in report.sentences] == [None, None]
    assert all(e.frame == TONE_LABEL for s in report.sentences for e in s.evidence)


def test_analyze_articles_result_does_not_depend_on_order(corpus_articles: list[Article]) -> None:
    expected = to_json(analyze_articles(corpus_articles))
    shuffled = list(corpus_articles)
    for seed in range(3):
        random.Random(seed).shuffle(shuffled)
        assert to_json(analyze_articles(shuffled)) == expected


def test_analyze_articles_reports_articles_in_id_order(make_article: Callable[..., Article]) -> None:
    articles = [make_article(id=i, outlet=f"O{i}") for i in ("c", "a", "b")]
    assert [a.id for a in analyze_articles(articles).articles] == ["a", "b", "c"]


def test_analyze_articles_same_outlet_label_pools(make_article: Callable[..., Article]) -> None:
    articles = [
        make_article(id="g1", outlet="Gazette", text="Tariffs rose."),
        make_article(id="h1", outlet="Herald", text="Troops moved."),
        make_article(id="g2", outlet="Gazette", text="Troops moved."),
    ]
    report = analyze_articles(articles)
    assert [(o.outlet, o.articles) for o in report.outlets] == [("Gazette", ("g1", "g2")), ("Herald", ("h1",))]
    gazette = report.outlets[0]
    by_id = {a.id: a for a in report.articles}
    for frame in FRAMES:
        assert gazette.frame_scores[frame] == pytest.approx(by_id["g1"].frame_scores[frame] + by_id["g2"].frame_scores[frame])


def test_analyze_articles_credit_from_cleaning(make_article: Callable[..., Article]) -> None:
    text = "Tariffs rose on Monday. Farmers were worried.\n\nBased On ANI Report"
    (report,) = analyze_articles([make_article(text=text)]).articles
    assert report.credit == "ANI"
    assert [(r.kind, r.text) for r in report.removed] == [("wire_credit", "Based On ANI Report")]
    assert "ANI" not in report.text


def test_analyze_articles_article_credit_wins_over_cleaning(make_article: Callable[..., Article]) -> None:
    text = "Tariffs rose on Monday.\n\nBased On ANI Report"
    (report,) = analyze_articles([make_article(text=text, credit="Own desk")]).articles
    assert report.credit == "Own desk"


def test_analyze_articles_sentence_scores_add_up_to_article(corpus_articles: list[Article]) -> None:
    for article in analyze_articles(corpus_articles).articles:
        for frame in FRAMES:
            assert sum(s.frames[frame] for s in article.sentences) == pytest.approx(article.frame_scores[frame])


def test_analyze_articles_sentence_and_evidence_offsets(corpus_articles: list[Article]) -> None:
    for article in analyze_articles(corpus_articles).articles:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            for item in sentence.evidence:
                assert sentence.start <= item.start < item.end <= sentence.end
                assert article.text[item.start : item.end].lower().startswith(item.term.split()[0][:3])


def test_analyze_articles_sentence_evidence_holds_frames_and_tone(make_article: Callable[..., Article]) -> None:
    (report,) = analyze_articles([make_article(text="The tariffs were a disaster.")]).articles
    (sentence,) = report.sentences
    assert [(e.term, e.frame) for e in sentence.evidence] == [("tariff", "trade"), ("disaster", TONE_LABEL)]


def test_analyze_articles_tone_is_mean_of_sentences(corpus_articles: list[Article]) -> None:
    for article in analyze_articles(corpus_articles).articles:
        assert article.tone == mean_tone([s.tone for s in article.sentences])


def test_analyze_articles_each_corpus_article_leans_to_its_frame(corpus_articles: list[Article]) -> None:
    report = analyze_articles(corpus_articles)
    assert [dominant_frame(a.emphasis) for a in report.articles] == ["trade", "security", "diplomacy"]


def test_analyze_articles_word_count_skips_numbers(make_article: Callable[..., Article]) -> None:
    (report,) = analyze_articles([make_article(text="In 2025 tariffs rose 25 percent.")]).articles
    assert report.word_count == 4


def test_analyze_articles_uses_given_lexicon(make_article: Callable[..., Article]) -> None:
    lexicon = parse_lexicon("term,frame,weight\nweather,diplomacy,1\n", source="odd.csv")
    report = analyze_articles([make_article(text=NO_EVIDENCE_TEXT)], lexicon=lexicon)
    assert report.articles[0].emphasis["diplomacy"] == 1.0
    assert report.lexicon == {"name": "odd", "version": "user", "source": "odd.csv"}


def test_analyze_articles_default_lexicon_is_described(make_article: Callable[..., Article]) -> None:
    assert analyze_articles([make_article()]).lexicon == load_default_lexicon().describe()


def test_analyze_articles_reports_progress_after_each_article(corpus_articles: list[Article]) -> None:
    seen: list[tuple[int, int]] = []
    analyze_articles(corpus_articles, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_analyze_articles_progress_does_not_change_the_result(corpus_articles: list[Article]) -> None:
    assert analyze_articles(corpus_articles, progress=lambda done, total: None) == analyze_articles(corpus_articles)


def test_analyze_articles_empty_input() -> None:
    report = analyze_articles([])
    assert (report.articles, report.outlets, report.skipped) == ((), (), ())


@pytest.mark.parametrize("bad", ["Tariffs rose.", Article(id="a", outlet="A", title="t", text="x")])
def test_analyze_articles_rejects_a_single_item(bad: str | Article) -> None:
    with pytest.raises(TypeError, match="must be a sequence of Article objects, not a single one"):
        analyze_articles(bad)  # type: ignore[arg-type]


def test_analyze_paths_reports_skipped_and_analyses_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("---\noutlet: Gazette\n---\nTariffs on steel rose.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    report = analyze_paths([tmp_path])
    assert [(a.id, a.outlet) for a in report.articles] == [("good", "Gazette")]
    assert [(Path(s.source).name, s.reason) for s in report.skipped] == [("empty.txt", "empty file")]
