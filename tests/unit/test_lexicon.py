"""Reading and validating lexicon files (framing.lexicon)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicon import (
    MAX_WEIGHT,
    Lexicon,
    extend_lexicon,
    load_default_lexicon,
    load_lexicon,
    ToneWeights,
    build_tone_lexicon,
    load_tone_lexicon,
    load_tone_valences,
    load_tone_weights,
    parse_lexicon,
    parse_tone_weights,
)
from framing.types import FRAMES

GOOD_ROW = "tariff,trade,2,instrument"
#: Fields every lexicon's .meta.json must carry (STYLE.md, "Lexicons are data with provenance").
META_FIELDS = ("name", "version", "citation", "url", "licence", "curated", "curator", "changes", "columns")


def _packaged(name: str) -> str:
    return (resources.files("framing.lexicons") / name).read_text(encoding="utf-8")


# -- validation errors: each names the file and the line -------------------------------------------


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("tariff2,economy,2,x", "mine.csv line 3: unknown frame 'economy' (use one of trade, security, diplomacy)"),
        (",trade,2,x", "mine.csv line 3: empty term"),
        ("   ,trade,2,x", "mine.csv line 3: empty term"),
        ("trade.*,trade,2,x", "mine.csv line 3: term 'trade.*' contains '*.'"),
        ("war|conflict,security,2,x", "mine.csv line 3: term 'war|conflict' contains '|'"),
        ("[a-z]+,security,2,x", "mine.csv line 3: term '[a-z]+' contains"),
        ("embargo,trade,heavy,x", "mine.csv line 3: weight 'heavy' is not a number"),
        ("embargo,trade,,x", "mine.csv line 3: weight '' is not a number"),
        ("embargo,trade,0,x", "mine.csv line 3: weight 0 is out of range"),
        ("embargo,trade,-1,x", "mine.csv line 3: weight -1 is out of range"),
        ("embargo,trade,10.5,x", "mine.csv line 3: weight 10.5 is out of range"),
        ("embargo,trade,nan,x", "mine.csv line 3: weight nan is out of range"),
        ("embargo,trade,inf,x", "mine.csv line 3: weight inf is out of range"),
        ("tariff,trade,1,again", "mine.csv line 3: duplicate term 'tariff' on line 2"),
        ("TARIFF ,trade,1,again", "mine.csv line 3: duplicate term 'tariff' on line 2"),
        ("tariffs,trade,1,plural", "mine.csv line 3: same base form as 'tariff' on line 2"),
    ],
)
def test_load_lexicon_bad_row_names_file_and_line(
    write_lexicon: Callable[..., Path], bad_row: str, message: str
) -> None:
    path = write_lexicon([GOOD_ROW, bad_row])
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicon(path)


def test_load_lexicon_weight_at_maximum_is_accepted(write_lexicon: Callable[..., Path]) -> None:
    path = write_lexicon([f"embargo,trade,{MAX_WEIGHT:g},x"])
    assert load_lexicon(path).terms[0].weight == MAX_WEIGHT


def test_load_lexicon_out_of_range_message_says_the_fix(write_lexicon: Callable[..., Path]) -> None:
    with pytest.raises(LexiconError, match=r"use a number above 0 and at most 10"):
        load_lexicon(write_lexicon(["embargo,trade,20,x"]))


@pytest.mark.parametrize(
    ("header", "missing"),
    [("term,frame", "weight"), ("word,frame,weight", "term"), ("term,weight,note", "frame"), ("note", "term, frame, weight")],
)
def test_load_lexicon_missing_columns(write_lexicon: Callable[..., Path], header: str, missing: str) -> None:
    path = write_lexicon(["a,b,c"], header=header)
    with pytest.raises(LexiconError, match=re.escape(f"mine.csv: missing column(s) {missing}")):
        load_lexicon(path)


def test_load_lexicon_no_rows(write_lexicon: Callable[..., Path]) -> None:
    with pytest.raises(LexiconError, match=r"^mine\.csv: no terms"):
        load_lexicon(write_lexicon([]))


def test_load_lexicon_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"")
    with pytest.raises(LexiconError, match=r"^blank\.csv: missing column\(s\) term, frame, weight"):
        load_lexicon(path)


def test_load_lexicon_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("term,frame,weight\nd\u00e9fense,security,1\n".encode("latin-1"))
    with pytest.raises(LexiconError, match=r"^latin\.csv: lexicon is not UTF-8 text \(byte 19\); save it as UTF-8"):
        load_lexicon(path)


def test_load_lexicon_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"^absent\.csv: cannot read lexicon file"):
        load_lexicon(tmp_path / "absent.csv")


def test_load_lexicon_invalid_meta_json(write_lexicon: Callable[..., Path], tmp_path: Path) -> None:
    path = write_lexicon()
    (tmp_path / "mine.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^mine\.meta\.json: not valid JSON"):
        load_lexicon(path)


@pytest.mark.parametrize("error", [LexiconError, ValueError])
def test_parse_lexicon_errors_are_value_errors(error: type[Exception]) -> None:
    with pytest.raises(error, match="unknown frame"):
        parse_lexicon("term,frame,weight\nx,economy,1\n", source="s.csv")


# -- what a valid file gives ----------------------------------------------------------------------


def test_load_lexicon_reads_rows_in_file_order(write_lexicon: Callable[..., Path]) -> None:
    lexicon = load_lexicon(write_lexicon())
    assert [(t.term, t.frame, t.weight, t.line) for t in lexicon.terms] == [
        ("tariff", "trade", 2.0, 2),
        ("trade war", "trade", 2.0, 3),
        ("trade", "trade", 1.0, 4),
        ("war", "security", 1.5, 5),
        ("summit", "diplomacy", 2.0, 6),
    ]


def test_load_lexicon_without_meta_is_labelled_user(write_lexicon: Callable[..., Path]) -> None:
    lexicon = load_lexicon(write_lexicon())
    assert lexicon.describe() == {"name": "mine", "version": "user", "source": "mine.csv"}


def test_load_lexicon_reads_meta_beside_it(write_lexicon: Callable[..., Path]) -> None:
    meta = {"name": "classroom", "version": "2.1", "frames": {"trade": {"definition": "Money matters."}}}
    lexicon = load_lexicon(write_lexicon(meta=meta))
    assert (lexicon.name, lexicon.version, lexicon.definitions) == ("classroom", "2.1", {"trade": "Money matters."})


@pytest.mark.parametrize(
    ("term", "key"),
    [("Tariffs", ("tariff",)), ("trade wars", ("trade", "war")), ("de-escalation", ("de", "escalation")), ("China's", ("china",))],
)
def test_parse_lexicon_key_is_lemmas_of_lower_case_term(term: str, key: tuple[str, ...]) -> None:
    lexicon = parse_lexicon(f"term,frame,weight\n{term},trade,1\n", source="k.csv")
    assert lexicon.terms[0].key == key
    assert lexicon.terms[0].term == term.lower()


def test_parse_lexicon_tolerates_bom_and_header_case() -> None:
    lexicon = parse_lexicon("\ufeffTerm,FRAME,Weight\ntariff,Trade,2\n", source="b.csv")
    assert (lexicon.terms[0].term, lexicon.terms[0].frame, lexicon.terms[0].note) == ("tariff", "trade", "")


def test_lexicon_terms_for_filters_by_frame() -> None:
    lexicon = parse_lexicon("term,frame,weight\ntariff,trade,1\nwar,security,1\nquota,trade,1\n", source="f.csv")
    assert [t.term for t in lexicon.terms_for("trade")] == ["tariff", "quota"]


# -- extend vs replace ----------------------------------------------------------------------------


def test_extend_lexicon_replaces_same_base_form_in_place_and_appends_new() -> None:
    base = parse_lexicon("term,frame,weight\ntariff,trade,2\nwar,security,1\n", source="a.csv")
    extra = parse_lexicon("term,frame,weight\nembargo,trade,3\ntariffs,trade,4\n", source="b.csv")
    merged = extend_lexicon(base, extra)
    assert [(t.term, t.weight) for t in merged.terms] == [("tariffs", 4.0), ("war", 1.0), ("embargo", 3.0)]
    assert merged.describe() == {"name": "a+b", "version": "user+user", "source": "a.csv extended by b.csv"}


def test_extend_lexicon_keeps_every_default_term(write_lexicon: Callable[..., Path]) -> None:
    default = load_default_lexicon()
    merged = extend_lexicon(default, load_lexicon(write_lexicon(["quinoa,trade,2,new"])))
    assert len(merged.terms) == len(default.terms) + 1
    assert merged.definitions == default.definitions


def test_load_lexicon_replace_holds_only_its_own_terms(write_lexicon: Callable[..., Path]) -> None:
    replaced = load_lexicon(write_lexicon(["quinoa,trade,2,new"]))
    assert [t.term for t in replaced.terms] == ["quinoa"]


# -- the packaged lexicons ------------------------------------------------------------------------


def test_load_default_lexicon_has_full_metadata() -> None:
    lexicon = load_default_lexicon()
    meta = json.loads(_packaged("frames.meta.json"))
    for name in META_FIELDS:
        assert meta.get(name), f"frames.meta.json lacks {name!r}"
    assert set(meta["columns"]) >= {"term", "frame", "weight", "note"}
    assert set(lexicon.definitions) == set(FRAMES)
    assert all(definition.strip() for definition in lexicon.definitions.values())
    assert (lexicon.name, lexicon.version) == (meta["name"], meta["version"])


def test_load_default_lexicon_every_row_has_a_note() -> None:
    terms = load_default_lexicon().terms
    assert terms
    assert [t.term for t in terms if not t.note] == []


def test_load_default_lexicon_covers_every_frame() -> None:
    assert {t.frame for t in load_default_lexicon().terms} == set(FRAMES)


def test_load_default_lexicon_is_lower_case_plain_text() -> None:
    raw_terms = [row["term"] for row in csv.DictReader(io.StringIO(_packaged("frames.csv")))]
    assert [t for t in raw_terms if t != t.strip().lower()] == []


def test_load_tone_lexicon_applies_news_adjustments() -> None:
    tone = load_tone_lexicon()
    rows = list(csv.DictReader(io.StringIO(_packaged("tone_news.csv"))))
    assert tone.adjusted == frozenset(row["term"] for row in rows)
    weights = load_tone_weights()
    for row in rows:
        if row["term"] in tone.fitted:
            continue  # a fitted valence (tone_valences.csv) is the last step, over the row
        # a row that is also a topic word (legal jeopardy, tone_news 1.5.0) is then weighed as a topic
        expected = float(row["valence"]) * (weights.topic if row["term"] in tone.topics else 1.0)
        assert tone.valences.get(row["term"], 0.0) == pytest.approx(expected)
    assert "united" not in tone.valences


def test_load_tone_lexicon_every_adjustment_has_a_note() -> None:
    rows = list(csv.DictReader(io.StringIO(_packaged("tone_news.csv"))))
    assert [r["term"] for r in rows if not (r.get("note") or "").strip()] == []


def test_load_tone_lexicon_keeps_vader_valences() -> None:
    valences = load_tone_lexicon().valences
    assert valences["good"] > 0 > valences["bad"]
    assert 0.0 not in valences.values()


def test_load_tone_lexicon_uses_the_shipped_weights() -> None:
    weights = load_tone_weights()
    tone = load_tone_lexicon()
    plain = build_tone_lexicon(opinion_weight=0.0, negation_weight=0.0)
    assert tone.negation_weight == weights.negation
    # "good" is frequent enough to have a fitted valence (tone_valences.csv); the prior is the weighted sum.
    prior = build_tone_lexicon(opinion_weight=weights.opinion, negation_weight=weights.negation)
    assert prior.valences["good"] == pytest.approx(plain.valences["good"] + weights.opinion)  # on both lists
    assert tone.valences["good"] == load_tone_valences()["good"]
    assert tone.valences["timely"] == pytest.approx(weights.opinion)  # Hu & Liu only
    assert tone.valences["bland"] == pytest.approx(-weights.opinion)


def test_build_tone_lexicon_without_weights_is_vader_with_adjustments() -> None:
    plain = build_tone_lexicon(opinion_weight=0.0, negation_weight=0.0)
    assert "timely" not in plain.valences and plain.negation_weight == 0.0
    assert plain.valences["good"] == 1.9  # VADER's rating


def test_build_tone_lexicon_adjustments_win_over_both_lexicons() -> None:
    # "trump" is only on Hu & Liu's positive list; "united" only in VADER; both are neutralised.
    tone = build_tone_lexicon(opinion_weight=2.0, negation_weight=-1.0)
    assert "trump" not in tone.valences and "united" not in tone.valences


def test_load_tone_weights_has_metadata_version() -> None:
    meta = json.loads(_packaged("tone_weights.meta.json"))
    assert load_tone_weights().version == meta["version"]
    assert "Hu" in meta["citation"] and meta["licence"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("weight,value\nopinion_weight,1\n", r"w\.csv: missing column\(s\); the header must be 'name,value,note'"),
        ("name,value\nopinion,1\nnegation_weight,-1\n", r"w\.csv line 2: unknown weight 'opinion'"),
        ("name,value\nopinion_weight,1\nopinion_weight,2\n", r"w\.csv line 3: 'opinion_weight' is given twice"),
        ("name,value\nopinion_weight,lots\n", r"w\.csv line 2: value 'lots' of 'opinion_weight' is not a number"),
        ("name,value\nnegation_weight,-9\n", r"w\.csv line 2: value -9 of 'negation_weight' is out of range"),
        ("name,value\nopinion_weight,nan\n", r"w\.csv line 2: value nan of 'opinion_weight' is out of range"),
        ("name,value\nopinion_weight,1\n", r"w\.csv: no row for negation_weight"),
    ],
)
def test_parse_tone_weights_rejects_bad_files(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tone_weights(text, source="w.csv")


def test_parse_tone_weights_reads_both_weights() -> None:
    text = "\ufeffName,Value,note\nnegation_weight,-1.5,x\nopinion_weight,0.5,y\n"
    assert parse_tone_weights(text, source="w.csv", version="2.0") == ToneWeights(0.5, -1.5, "2.0")


def test_lexicon_is_frozen() -> None:
    lexicon: Lexicon = load_default_lexicon()
    with pytest.raises(AttributeError):
        lexicon.name = "other"  # type: ignore[misc]
