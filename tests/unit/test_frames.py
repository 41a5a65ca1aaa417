"""The TF-IDF frame model and its term matcher (framing.frames)."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfTransformer

from framing.errors import FramingError, ModelNotFittedError
from framing.frames import FrameModel, TermMatcher, background_document_share
from framing.lexicon import Lexicon, load_default_lexicon, parse_lexicon
from framing.segment import tokenize
from framing.senses import ContextRules
from framing.types import FRAMES

#: Three short documents that all mention tariffs; only the first mentions troops.
SHARED_TERM_DOCS = (
    "Tariffs went up on Monday and troops stayed home.",
    "New tariffs were announced by the ministry.",
    "A tariff on steel angered exporters.",
)

#: Two made-up words (no background frequency at all), so their IDF depends on the corpus only.
NONSENSE_LEXICON = "term,frame,weight\nzorblax,trade,1\nquibbit,security,1\n"


def _lexicon(rows: str) -> Lexicon:
    return parse_lexicon("term,frame,weight\n" + rows, source="test.csv")


def _tokens(*texts: str) -> list[list]:
    return [tokenize(text) for text in texts]


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(lexicon.terms[i].term, text[s:e]) for i, s, e in TermMatcher(lexicon).find(tokenize(text))]


# -- the IDF formula ------------------------------------------------------------------------------


def test_frame_model_without_prior_matches_sklearn_smooth_idf(corpus: tuple[tuple[str, str, str], ...]) -> None:
    """Non-regression of the documented formula: N0 = 0 is exactly TfidfTransformer(smooth_idf=True)."""
    texts = [*(text for _, _, text in corpus), *SHARED_TERM_DOCS]
    lexicon = load_default_lexicon()
    counts = np.zeros((len(texts), len(lexicon.terms)))
    for row, text in enumerate(texts):
        for index, _, _ in TermMatcher(lexicon).find(tokenize(text)):
            counts[row, index] += 1
    expected = TfidfTransformer(smooth_idf=True).fit(counts).idf_
    model = FrameModel(prior_documents=0, rules=ContextRules(())).fit(_tokens(*texts))  # raw matches, no sense rules
    np.testing.assert_allclose(model.idf_, expected, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(model.document_frequency_, (counts > 0).sum(axis=0))
    assert model.n_documents_ == len(texts)


def test_frame_model_prior_raises_idf_of_a_term_every_document_shares() -> None:
    docs = _tokens(*SHARED_TERM_DOCS)
    index = next(i for i, t in enumerate(load_default_lexicon().terms) if t.term == "tariff")
    without = FrameModel(prior_documents=0).fit(docs).idf_[index]
    with_prior = FrameModel().fit(docs).idf_[index]
    assert without == pytest.approx(1.0)  # ln(4 / 4) + 1: a term in every document counts for little
    assert with_prior > without


def test_frame_model_idf_follows_documented_formula() -> None:
    docs = _tokens(*SHARED_TERM_DOCS)
    model = FrameModel(prior_documents=4.0, typical_length=300).fit(docs)
    for index, term in enumerate(model.lexicon_.terms):
        share = background_document_share(term.term, 300)
        df = model.document_frequency_[index]
        expected = math.log((1 + 3 + 4.0) / (1 + df + 4.0 * share)) + 1
        assert model.idf_[index] == pytest.approx(expected)


def test_frame_model_sublinear_tf_by_hand() -> None:
    # One document, prior 0: idf = ln(2 / 2) + 1 = 1, so the score is w * (1 + ln c).
    model = FrameModel(_lexicon("tariff,trade,2\n"), prior_documents=0)
    (result,) = model.fit_transform(_tokens("Tariff, tariff and a tariff."))
    assert result.scores["trade"] == pytest.approx(2 * (1 + math.log(3)))
    assert [e.weight for e in result.evidence] == pytest.approx([2 * (1 + math.log(3)) / 3] * 3)


# -- evidence -------------------------------------------------------------------------------------


def test_frame_model_evidence_sums_to_scores(fitted_model: FrameModel, corpus: tuple[tuple[str, str, str], ...]) -> None:
    for _, _, text in corpus:
        (result,) = fitted_model.transform([tokenize(text)])
        totals: dict[str, float] = defaultdict(float)
        for item in result.evidence:
            totals[item.frame] += item.weight
        assert result.evidence
        for frame in FRAMES:
            assert totals[frame] == pytest.approx(result.scores[frame], abs=1e-12)


def test_frame_model_evidence_offsets_give_matched_text(
    fitted_model: FrameModel, corpus: tuple[tuple[str, str, str], ...]
) -> None:
    keys = {t.term: t.key for t in fitted_model.lexicon_.terms}
    for _, _, text in corpus:
        (result,) = fitted_model.transform([tokenize(text)])
        for item in result.evidence:
            surface = text[item.start : item.end]
            assert surface == surface.strip() and surface
            assert tuple(t.lemma for t in tokenize(surface)) == keys[item.term]


def test_frame_model_evidence_is_in_text_order(fitted_model: FrameModel, corpus: tuple[tuple[str, str, str], ...]) -> None:
    for _, _, text in corpus:
        (result,) = fitted_model.transform([tokenize(text)])
        starts = [e.start for e in result.evidence]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(result.evidence, result.evidence[1:]))


def test_frame_model_each_article_leans_to_its_frame(
    fitted_model: FrameModel, corpus: tuple[tuple[str, str, str], ...]
) -> None:
    results = fitted_model.transform([tokenize(text) for _, _, text in corpus])
    assert [max(r.scores, key=r.scores.__getitem__) for r in results] == ["trade", "security", "diplomacy"]


def test_frame_model_no_match_gives_zero_scores(fitted_model: FrameModel) -> None:
    (result,) = fitted_model.transform(_tokens("The weather was mild on a Tuesday afternoon."))
    assert result.scores == dict.fromkeys(FRAMES, 0.0)
    assert result.evidence == ()


def test_frame_model_empty_document_gives_zero_scores(fitted_model: FrameModel) -> None:
    (result,) = fitted_model.transform([[]])
    assert result.scores == dict.fromkeys(FRAMES, 0.0)


def test_frame_model_inflection_matches_base_form() -> None:
    model = FrameModel(_lexicon("tariff,trade,1\nnegotiation,diplomacy,1\n"), prior_documents=0)
    text = "Tariffs stalled the negotiations."
    (result,) = model.fit_transform(_tokens(text))
    assert [(e.term, text[e.start : e.end]) for e in result.evidence] == [
        ("tariff", "Tariffs"),
        ("negotiation", "negotiations"),
    ]


# -- matching -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trade war hurt trade.", [("trade war", "trade war"), ("trade", "trade")]),
        ("Trade wars and war.", [("trade war", "Trade wars"), ("war", "war")]),
        ("A trade war truce held.", [("trade war truce", "trade war truce")]),
        ("A trade-war truce held.", [("trade war truce", "trade-war truce")]),
        ("War, then trade.", [("war", "War"), ("trade", "trade")]),
    ],
)
def test_term_matcher_longest_phrase_wins(text: str, expected: list[tuple[str, str]]) -> None:
    lexicon = _lexicon("trade,trade,1\nwar,security,1\ntrade war,trade,2\ntrade war truce,diplomacy,3\n")
    assert _found(lexicon, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was about trade. War came later.",
        "It was about trade!  War came later.",
        "It was about trade\n\nwar came later.",
        "It was about trade, war came later.",
    ],
)
def test_term_matcher_phrase_does_not_cross_sentence_end(text: str) -> None:
    lexicon = _lexicon("trade,trade,1\nwar,security,1\ntrade war,trade,2\n")
    assert [term for term, _ in _found(lexicon, text)] == ["trade", "war"]


def test_term_matcher_phrase_does_not_cross_unspaced_sentence_end() -> None:
    lexicon = _lexicon("trade,trade,1\nwar,security,1\ntrade war,trade,2\n")
    assert [term for term, _ in _found(lexicon, "Talks were about trade.War came later.")] == ["trade", "war"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.N. sat.", [("un", "U.N")]),
        ("The U.N. Security Council sat.", [("un security council", "U.N. Security Council")]),
        ("Two C.I.A. officers left.", [("cia", "C.I.A")]),
        ("A U.S.-E.U. deal.", [("eu", "E.U"), ("deal", "deal")]),
        ("The UN sat.", [("un", "UN")]),
        ("Plan A. N. said no.", []),
        ("Since Sept. 11 the rules changed.", [("september 11", "Sept. 11")]),
        ("The tariffs. War came.", [("tariff", "tariffs"), ("war", "War")]),
    ],
)
def test_term_matcher_reads_dotted_initialisms_as_one_word(text: str, expected: list[tuple[str, str]]) -> None:
    lexicon = load_default_lexicon()
    found = [(lexicon.terms[i].term, text[s:e]) for i, s, e in TermMatcher(lexicon).find(tokenize(text), text)]
    assert found == expected


def test_term_matcher_without_text_leaves_initialisms_apart() -> None:
    text = "The U.N. sat."
    assert TermMatcher(load_default_lexicon()).find(tokenize(text)) == []


def test_term_matcher_matches_phrase_across_hyphen() -> None:
    lexicon = _lexicon("de-escalation,diplomacy,1\n")
    assert _found(lexicon, "A de-escalation, or de escalation.") == [
        ("de-escalation", "de-escalation"),
        ("de-escalation", "de escalation"),
    ]


def test_term_matcher_phrase_at_end_of_text_is_not_overrun() -> None:
    lexicon = _lexicon("trade war,trade,2\n")
    assert _found(lexicon, "It was trade") == []


# -- the estimator contract -----------------------------------------------------------------------


def test_frame_model_constructor_only_stores_params() -> None:
    model = FrameModel(prior_documents=-1, typical_length=0)
    assert (model.prior_documents, model.typical_length, model.lexicon) == (-1, 0, None)
    assert [name for name in vars(model) if name.endswith("_")] == []


def test_frame_model_fit_returns_self() -> None:
    model = FrameModel()
    assert model.fit(_tokens(*SHARED_TERM_DOCS)) is model


def test_frame_model_fit_transform_equals_fit_then_transform() -> None:
    docs = _tokens(*SHARED_TERM_DOCS)
    assert FrameModel().fit_transform(docs) == FrameModel().fit(docs).transform(docs)


@pytest.mark.parametrize("method", ["transform", "term_table"])
def test_frame_model_use_before_fit_raises(method: str) -> None:
    call = getattr(FrameModel(), method)
    args = ([tokenize("tariffs")],) if method == "transform" else ()
    with pytest.raises(ModelNotFittedError, match=r"not fitted yet; call fit\(\)"):
        call(*args)


def test_model_not_fitted_error_is_runtime_and_framing_error() -> None:
    assert issubclass(ModelNotFittedError, RuntimeError) and issubclass(ModelNotFittedError, FramingError)


@pytest.mark.parametrize("method", ["fit", "fit_transform", "transform"])
def test_frame_model_rejects_bare_string(method: str, fitted_model: FrameModel) -> None:
    model = fitted_model if method == "transform" else FrameModel()
    with pytest.raises(TypeError, match="not a single string; tokenize first"):
        getattr(model, method)("Tariffs rose.")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"prior_documents": -1}, r"prior_documents must be a number >= 0, got -1"),
        ({"prior_documents": float("nan")}, r"prior_documents must be a number >= 0, got nan"),
        ({"prior_documents": "10"}, r"prior_documents must be a number >= 0, got '10'"),
        ({"prior_documents": None}, r"prior_documents must be a number >= 0, got None"),
        ({"typical_length": 0}, r"typical_length must be a positive integer, got 0"),
        ({"typical_length": -5}, r"typical_length must be a positive integer, got -5"),
        ({"typical_length": 600.0}, r"typical_length must be a positive integer, got 600.0"),
    ],
)
def test_frame_model_bad_params_raise_value_error(params: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FrameModel(**params).fit(_tokens("Tariffs rose."))


def test_frame_model_defaults_to_packaged_lexicon() -> None:
    model = FrameModel().fit(_tokens("Tariffs rose."))
    assert model.lexicon_ is load_default_lexicon()


def test_frame_model_term_table_reports_each_term(fitted_model: FrameModel) -> None:
    table = fitted_model.term_table()
    assert len(table) == len(fitted_model.lexicon_.terms)
    tariff = next(row for row in table if row["term"] == "tariff")
    assert tariff["frame"] == "trade"
    assert tariff["documents"] == 1
    assert tariff["note"]


def test_frame_model_tied_terms_give_equal_scores() -> None:
    model = FrameModel(parse_lexicon(NONSENSE_LEXICON, source="n.csv"))
    (result,) = model.fit_transform(_tokens("The zorblax met the quibbit."))
    assert result.scores["trade"] == result.scores["security"] > 0


# -- the background prior -------------------------------------------------------------------------


def test_background_document_share_orders_common_above_rare() -> None:
    assert 0 < background_document_share("soybean") < background_document_share("trade") < 1


def test_background_document_share_unknown_word_is_zero() -> None:
    assert background_document_share("zorblax") == 0.0


def test_background_document_share_grows_with_length() -> None:
    assert background_document_share("tariff", 100) < background_document_share("tariff", 1000)


def test_frame_model_clones_with_sklearn_without_importing_it_first() -> None:
    # Issue 16: FrameModel keeps scikit-learn's parameter protocol without inheriting BaseEstimator.
    from sklearn.base import clone

    model = FrameModel(prior_documents=3.0, typical_length=500)
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()
    assert copy.set_params(prior_documents=1.0).prior_documents == 1.0
    with pytest.raises(ValueError, match="invalid parameter 'nope'"):
        copy.set_params(nope=1)


def test_frame_model_scores_equal_sklearn_tfidf_transformer() -> None:
    # The numpy scoring path reproduces TfidfTransformer(norm=None, sublinear_tf=True) bit for bit.
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfTransformer

    docs = _tokens("Tariffs and tariffs on soybeans; trade talks.", "Troops, troops and warships.", "Tariffs rose.")
    model = FrameModel(prior_documents=0, rules=ContextRules(()))
    frames = model.fit_transform(docs)
    matches = model._match_all(docs)
    counts = sparse.csr_matrix(
        ([1] * sum(len(m) for m in matches), ([r for r, m in enumerate(matches) for _ in m], [t[0] for m in matches for t in m])),
        shape=(len(docs), len(model.lexicon_.terms)),
    )
    counts.sum_duplicates()
    transformer = TfidfTransformer(norm=None, sublinear_tf=True, smooth_idf=True).fit(counts)
    transformer.idf_ = model.idf_
    weighted = sparse.csr_matrix(transformer.transform(counts))
    assert np.array_equal(model.document_frequency_, np.asarray((counts > 0).sum(axis=0)).ravel())
    for row, result in enumerate(frames):
        expected = {}
        for index, start, end in matches[row]:
            # the evidence weight is (fitted factor x TF-IDF) / count, in that order (frames._document_frames)
            expected[(start, end)] = model._term_factor[index] * weighted[row, index] / counts[row, index]
        got = {(e.start, e.end): e.weight for e in result.evidence}
        assert got == expected


def test_shipped_fitted_numbers_are_fitted_for_the_shipped_lexicon() -> None:
    # A lexicon version bump without `python -m framing.validate_frames --out framing/lexicons` makes the
    # engine drop every fitted weight silently (they apply only to the lexicon they were fitted for), so
    # users would see unweighted scores while framing validate measures weighted ones (session 14: the
    # frames 2.12.0 bump did exactly that).
    import json

    from framing.data_files import read_data_text
    from framing.frames import load_fitted_weights

    lexicon = load_default_lexicon()
    _, _, weights_for = load_fitted_weights()
    assert weights_for == (lexicon.name, lexicon.version)
    thresholds = json.loads(read_data_text("evidence_thresholds.json"))
    assert (thresholds["lexicon"], thresholds["lexicon_version"]) == (lexicon.name, lexicon.version)


def test_adding_a_term_keeps_the_fitted_multipliers_of_the_built_in_rows() -> None:
    # session 14: one added row that never occurs dropped every fitted multiplier (the lexicon's name
    # changed), and an outlet of the bundled articles turned from trade to diplomacy
    from framing.lexicon import extend_lexicon, load_default_lexicon, parse_lexicon
    from framing.segment import tokenize

    base = load_default_lexicon()
    unused = extend_lexicon(base, parse_lexicon("term,frame,weight\nzzyzx,trade,1.0\n", source="mine.csv"))
    changed = extend_lexicon(base, parse_lexicon("term,frame,weight\ntariff,trade,3.0\n", source="mine.csv"))
    assert unused.extends == (base.name, base.version) and changed.extends == unused.extends
    text = "Tariffs on soybeans rose as troops massed on the border and envoys met for talks."
    docs = [tokenize(text), tokenize("Steel exports fell."), tokenize("The summit ended.")]
    plain = [d.scores for d in FrameModel(lexicon=base).fit(docs).transform(docs)]
    assert [d.scores for d in FrameModel(lexicon=unused).fit(docs).transform(docs)] == plain
    moved = [d.scores for d in FrameModel(lexicon=changed).fit(docs).transform(docs)]
    assert moved[0]["trade"] != plain[0]["trade"]  # the replaced row takes the user's weight as written
    assert (moved[0]["security"], moved[0]["diplomacy"]) == (plain[0]["security"], plain[0]["diplomacy"])
