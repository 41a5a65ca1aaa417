"""The per-article steps as components (issue 9 item 2): built with their data, each reading the one
Document; the pipeline is an ordered tuple of them and a caller may pass its own."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pytest

from framing.components import REQUIRED, ToneScorer, check_components, default_components
from framing.lexicon import ToneLexicon, load_default_lexicon, load_tone_lexicon
from framing.pipeline import analyze_articles
from framing.segment import build_document
from framing.types import Article, Document

TEXT = "The talks were a success. Tariffs on soybeans fell.\n\nTroops left the border in a good mood."
ARTICLES = (Article(id="a", outlet="A", title="t", text=TEXT),
            Article(id="b", outlet="B", title="t", text="A failure of talks. Warships moved."))


def _defaults() -> tuple:
    return default_components(lexicon=load_default_lexicon(), tone_lexicon=load_tone_lexicon())


def test_default_components_run_in_the_required_order() -> None:
    names = [component.name for component in _defaults()]
    assert tuple(names[: len(REQUIRED)]) == REQUIRED and names[len(REQUIRED):] == ["quotes"]


def test_components_are_pure_functions_of_the_document() -> None:
    document = build_document(TEXT)
    for component in _defaults():
        assert component(document) == component(document), component.name
    assert document == build_document(TEXT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = "changed"  # type: ignore[misc]


def test_analyze_articles_uses_the_callers_tone_lexicon() -> None:
    # No hidden module-level default: a tone lexicon where every word is neutral gives tone 0.
    shipped = load_tone_lexicon()
    neutral = ToneLexicon(valences=MappingProxyType({}), adjusted=frozenset(), provenance=shipped.provenance)
    default_report = analyze_articles(ARTICLES)
    neutral_report = analyze_articles(ARTICLES, tone_lexicon=neutral)
    assert any(a.tone != 0 for a in default_report.articles)
    assert [a.tone for a in neutral_report.articles] == [0.0, 0.0]
    assert [a.frame_scores for a in neutral_report.articles] == [a.frame_scores for a in default_report.articles]


class _FlatTone:
    """A caller's own tone step: every sentence neutral, no evidence."""

    name = "tone"

    def __call__(self, document: Document) -> tuple:
        return tuple((span, 0.0, ()) for span in document.sentences)


def test_analyze_articles_runs_the_callers_components() -> None:
    steps = tuple(_FlatTone() if c.name == "tone" else c for c in _defaults())
    report = analyze_articles(ARTICLES, components=steps)
    assert [a.tone for a in report.articles] == [0.0, 0.0]
    assert all(s.tone == 0.0 for a in report.articles for s in a.sentences)
    assert report.articles[0].frame_scores == analyze_articles(ARTICLES).articles[0].frame_scores


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda steps: steps[1:], r"components lack language"),
        (lambda steps: (*steps, ToneScorer(load_tone_lexicon())), r"two components are named 'tone'"),
        (lambda steps: (*steps, object()), r"is not a component: it needs a 'name' and __call__"),
    ],
    ids=["missing", "repeated", "not_a_component"],
)
def test_check_components_says_what_is_wrong(change: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_components(change(_defaults()))  # type: ignore[operator]


def test_analyze_articles_refuses_components_with_lexicons() -> None:
    with pytest.raises(ValueError, match=r"pass either components or lexicon/tone_lexicon, not both"):
        analyze_articles(ARTICLES, components=_defaults(), tone_lexicon=load_tone_lexicon())
