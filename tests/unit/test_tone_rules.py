"""Tone context rules and topic words as data (framing.tone_rules; issue 11, item 5)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from framing.errors import LexiconError
from framing.lexicon import (
    build_tone_lexicon,
    load_tone_lexicon,
    load_tone_rules,
    load_tone_topics,
    load_tone_valences,
    load_tone_weights,
    parse_tone_valences,
    parse_tone_weights,
)
from framing.segment import tokenize
from framing.tone import HEDGE_FACTOR, clause_window, normalize_tone, score_tone
from framing.tone_rules import ToneRules, parse_tone_rules, parse_tone_topics

HEADER = "term,rule,context,note\n"


def _terms(text: str, *, with_text: bool = True) -> list[str]:
    return [e.term for e in score_tone(tokenize(text), text=text if with_text else None)[1]]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tariffs came on top of the levy.", "top"),  # issue 11: "top" in "on top of"
        ("Dick Cheney spoke on Monday.", "dick"),  # issue 11: a first name
        ("On Monday Dick spoke.", "dick"),  # a first name written alone
        ("Members of the Freedom Caucus voted.", "freedom"),  # inside a capitalised run
        ("The Justice Department filed the case.", "justice"),
        ("He met the special counsel.", "special"),
        ("The health care bill passed.", "care"),
        ("Exports rose as well.", "well"),
    ],
)
def test_rules_keep_non_evaluative_uses_out(text: str, word: str) -> None:
    assert word not in _terms(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The result was top quality.", "top"),
        ("They fought for freedom.", "freedom"),
        ("They asked for justice.", "justice"),
        ("A special day.", "special"),
        ("It went well.", "well"),
    ],
)
def test_rules_leave_evaluative_uses_alone(text: str, word: str) -> None:
    assert word in _terms(text)


def test_name_rules_need_the_text() -> None:
    assert "dick" in _terms("Dick Cheney spoke.", with_text=False)


def test_name_rules_are_off_in_title_case() -> None:
    assert "great" in _terms("Voters Expect Great Things From Leaders")


def test_sentence_start_is_not_a_name_by_itself() -> None:
    assert "sadly" in _terms("Sadly Trump left.")


def test_topic_words_carry_the_fitted_share_of_their_valence() -> None:
    topic = load_tone_weights().topic
    assert 0 < topic < 1
    plain = build_tone_lexicon(opinion_weight=load_tone_weights().opinion, negation_weight=0.0)
    # Before the fitted word valences (tone_valences.csv), which replace some of these last.
    shipped = build_tone_lexicon(opinion_weight=load_tone_weights().opinion, negation_weight=0.0, topic_weight=topic)
    for word in ("war", "attack", "crisis"):
        assert word in load_tone_topics()
        assert shipped.valences[word] == pytest.approx(plain.valences[word] * topic)
    assert shipped.valences["terrible"] == pytest.approx(plain.valences["terrible"])  # evaluative: untouched


def test_topic_weight_lets_evaluation_outweigh_the_event() -> None:
    # "war" is the event, "shameful" the judgement: the judgement weighs more ("disgraceful", an
    # opinion-lexicon word only, is about even with the refitted "war" since tone_valences.csv 1.2.0).
    weights = {e.term: e.weight for e in score_tone(tokenize("The war was shameful."))[1]}
    assert abs(weights["shameful"]) > abs(weights["war"])


@pytest.mark.parametrize(
    ("text", "target", "clause"),
    [
        ("Critics were furious, but Smith praised the plan.", "Smith", ["smith", "praised", "the", "plan"]),
        ("Smith praised the plan while critics were furious.", "Smith", ["smith", "praised", "the", "plan"]),
        ("Smith (the envoy) left.", "envoy", ["the", "envoy"]),
        ("Smith left.", "nobody", ["smith", "left"]),
        # A comma alone does not end the clause: an appositive sits inside it.
        ("Smith, the envoy, praised the plan.", "Smith", ["smith", "the", "envoy", "praised", "the", "plan"]),
        # Reported speech: the report is not tone toward the speaker, and the other way round.
        ("Smith said the plan was a disaster.", "Smith", ["smith"]),
        ("Smith told reporters the plan was a disaster.", "Smith", ["smith"]),
        ("Smith said Jones did a wonderful job.", "Jones", ["jones", "did", "a", "wonderful", "job"]),
        ("According to Smith, the plan failed.", "Smith", ["to", "smith", "the", "plan", "failed"]),
    ],
)
def test_clause_window_stops_at_clause_breaks(text: str, target: str, clause: list[str]) -> None:
    tokens = tokenize(text)
    start = text.find(target) if target in text else len(text)
    first, last = clause_window(tokens, text, start, start + len(target), load_tone_rules())
    assert [t.lower for t in tokens[first:last]] == clause


def test_window_scores_only_the_clause() -> None:
    text = "Critics were furious, but Smith praised the plan."
    tokens = tokenize(text)
    window = clause_window(tokens, text, 26, 31, load_tone_rules())
    tone, evidence = score_tone(tokens, text=text, window=window)
    assert tone > 0 and [e.term for e in evidence] == ["praised"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("term,rule\ntop,phrase\n", r"r\.csv: missing column\(s\) context"),
        ("top,rank,top official\n", r"r\.csv line 2: unknown rule 'rank'"),
        ("top,phrase,on the of\n", r"r\.csv line 2: phrase 'on the of' does not contain the word 'top'"),
        ("*,phrase,on top of\n", r"r\.csv line 2: '\*' is allowed only as '\*,name,in_name'"),
        ("dick,name,sometimes\n", r"r\.csv line 2: unknown name context 'sometimes'"),
        ("dick,name,in_name\n", r"r\.csv line 2: 'in_name' applies to every word"),
        ("top,phrase,on top of\ntop,phrase,on  top of\n", r"r\.csv line 3: same rule as line 2"),
        ("--,clause,\n", r"r\.csv line 2: clause break '--' must be one word or one punctuation mark"),
        (",phrase,x\n", r"r\.csv line 2: empty term"),
        ("but,scope,\n", r"r\.csv line 2: scope break 'but' must be one punctuation mark"),
        ("--,scope,\n", r"r\.csv line 2: scope break '--' must be one punctuation mark"),
    ],
)
def test_parse_tone_rules_rejects_bad_rows(body: str, message: str) -> None:
    text = body if body.startswith("term,") else HEADER + body
    with pytest.raises(LexiconError, match=message):
        parse_tone_rules(text, source="r.csv")


def test_parse_tone_rules_reads_every_kind() -> None:
    body = 'top,phrase,On Top of,x\ndick,name,capitalised,x\n*,name,in_name,x\nbut,clause,,x\n;,clause,,x\n",",scope,,x\n'
    rules = parse_tone_rules(HEADER + body, source="r.csv")
    assert rules.phrases == {"top": (("on", "top", "of"),)}
    assert rules.capitalised_names == {"dick"} and rules.names_in_runs
    assert rules.clause_words == {"but"} and rules.clause_marks == {";"} and rules.scope_marks == {","}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("term\nwar\n", r"t\.csv: missing column\(s\) category"),
        ("term,category\nwar crimes,conflict\n", r"t\.csv line 2: topic term 'war crimes' must be one word"),
        ("term,category\nwar,\n", r"t\.csv line 2: empty category for 'war'"),
        ("term,category\nwar,conflict\nWar,conflict\n", r"t\.csv line 3: duplicate term 'war' \(first on line 2\)"),
    ],
)
def test_parse_tone_topics_rejects_bad_rows(body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tone_topics(body, source="t.csv")


def test_shipped_rules_and_topics_parse_and_cover_the_issue_slips() -> None:
    rules = load_tone_rules()
    assert ("on", "top", "of") in rules.phrases["top"] and "dick" in rules.capitalised_names
    assert ";" in rules.clause_marks and "," not in rules.clause_marks and "," in rules.scope_marks
    assert {"but", "said", "told"} <= rules.clause_words
    assert {"war", "attack", "threat", "crisis"} <= load_tone_topics()


@pytest.mark.parametrize("value", ["-0.1", "1.5", "nan"])
def test_parse_tone_weights_bounds_the_topic_weight(value: str) -> None:
    text = f"name,value\nopinion_weight,1\nnegation_weight,-1\ntopic_weight,{value}\n"
    with pytest.raises(LexiconError, match=r"w\.csv line 4: value .* of 'topic_weight' is out of range; use a number from 0 to 1"):
        parse_tone_weights(text, source="w.csv")


def test_parse_tone_weights_topic_weight_is_optional() -> None:
    weights = parse_tone_weights("name,value\nopinion_weight,1\nnegation_weight,-1\n", source="w.csv")
    assert weights.topic == 1.0 and weights.positive == 1.0


@pytest.mark.parametrize("value", ["-0.1", "1.5", "nan"])
def test_parse_tone_weights_bounds_the_positive_weight(value: str) -> None:
    text = f"name,value\nopinion_weight,1\nnegation_weight,-1\npositive_weight,{value}\n"
    with pytest.raises(LexiconError, match=r"w\.csv line 4: value .* of 'positive_weight' is out of range; use a number from 0 to 1"):
        parse_tone_weights(text, source="w.csv")


def test_parse_tone_weights_reads_the_positive_weight() -> None:
    weights = parse_tone_weights("name,value\nopinion_weight,1\nnegation_weight,-1\npositive_weight,0.6\n", source="w.csv")
    assert weights.positive == 0.6
    assert build_tone_lexicon(opinion_weight=1.0, negation_weight=-1.0, positive_weight=0.6).positive_weight == 0.6
    assert 0.0 < load_tone_weights().positive < 1.0


@pytest.mark.parametrize(
    ("text", "word", "sign"),
    [
        # A negation does not reach across a comma or a clause mark (issue 11, negation scope) ...
        ("Without fail, disappointment followed.", "disappointment", -1),
        ("Not now; success came later.", "success", 1),
        ("He never wavered, good news for us.", "good", 1),
        # ... but still reaches the words of its own clause.
        ("Without much success the talks ended.", "success", -1),
        ("It was not a good plan.", "good", -1),
    ],
)
def test_negation_stops_at_a_scope_break(text: str, word: str, sign: int) -> None:
    weights = {e.term: e.weight for e in score_tone(tokenize(text), text=text)[1]}
    assert weights[word] * sign > 0


def test_intensifier_stops_at_a_scope_break() -> None:
    plain, boosted, split = "Good talks.", "Very good talks.", "Very much, good talks."
    weight = {t: {e.term: e.weight for e in score_tone(tokenize(t), text=t)[1]}["good"] for t in (plain, boosted, split)}
    assert weight[boosted] > weight[plain] == weight[split]


def test_scope_breaks_need_the_text() -> None:
    text = "Without fail, disappointment followed."
    weights = {e.term: e.weight for e in score_tone(tokenize(text))[1]}
    assert weights["disappointment"] > 0  # without the text, VADER's three-word reach applies


VALENCE_HEADER = "term,valence,prior,count,note\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("term,valence\ngood,1\n", r"v\.csv line 1: missing column\(s\) prior, count"),
        ("good,x,4.9,10,n\n", r"v\.csv line 2: 'x' is not a number"),
        ("good,-1.0,4.9,10,n\n", r"v\.csv line 2: fitted valence -1 of 'good' has the other sign than its prior 4.9"),
        ("good,0,4.9,10,n\n", r"v\.csv line 2: fitted valence 0 of 'good'; leave the row out"),
        ("good,9.5,4.9,10,n\n", r"v\.csv line 2: fitted valence 9.5 of 'good' is beyond \+-8"),
        ("Good,1.0,4.9,10,n\n", r"v\.csv line 2: term 'Good' must be one lower-case word"),
        ("good,1.0,4.9,10,n\ngood,2.0,4.9,10,n\n", r"v\.csv line 3: duplicate term 'good' \(first on line 2\)"),
    ],
)
def test_parse_tone_valences_rejects_bad_rows(body: str, message: str) -> None:
    text = body if body.startswith("term,") else VALENCE_HEADER + body
    with pytest.raises(LexiconError, match=message):
        parse_tone_valences(text, source="v.csv")


def test_shipped_lexicon_uses_the_fitted_valences() -> None:
    fitted, weights = load_tone_valences(), load_tone_weights()
    prior = build_tone_lexicon(opinion_weight=weights.opinion, negation_weight=weights.negation,
                               topic_weight=weights.topic, rules=True)
    shipped = load_tone_lexicon()
    assert len(fitted) >= 100 and shipped.fitted == frozenset(fitted)
    for word, value in fitted.items():
        assert shipped.valences[word] == value and value * prior.valences[word] > 0  # same sign as the prior
    unfitted = next(w for w in prior.valences if w not in fitted)
    assert shipped.valences[unfitted] == prior.valences[unfitted]


def test_fitted_valences_still_sum_to_the_tone() -> None:
    text = "The plan was a good one, but the rollout was a disaster."
    tone, evidence = score_tone(tokenize(text), text=text)
    assert {e.term for e in evidence} & load_tone_valences().keys()
    assert tone == pytest.approx(normalize_tone(sum(e.weight for e in evidence)), abs=1e-3)


def _text_weights(text: str) -> dict[str, float]:
    return {e.term: e.weight for e in score_tone(tokenize(text), text=text)[1]}


@pytest.mark.parametrize(
    ("text", "factors"),
    [
        # contrast, after: "however" works as VADER's "but" (issue 11, contrast)
        ("The plan was good; however, the result was bad.", {"good": 0.5, "bad": 1.5}),
        ("The plan was good, but the result was bad.", {"good": 0.5, "bad": 1.5}),
        # concession: the clause "although" opens counts half, the rest of the sentence 1.5 times
        ("Although the plan was good, the result was bad.", {"good": 0.5, "bad": 1.5}),
        ("The result was bad, though the plan was good.", {"good": 0.5, "bad": 1.5}),
        ("The result was bad even though the plan was good.", {"good": 0.5, "bad": 1.5}),
        # the first contrast word of a sentence decides
        ("Although the plan was good, the result was bad, but fine.", {"good": 0.5, "bad": 1.5, "fine": 1.5}),
        # "though" closing a sentence opens no clause: nothing is weighed
        ("The plan was good, though.", {"good": 1.0}),
    ],
)
def test_contrast_rules_weigh_one_part_against_the_other(text: str, factors: dict[str, float]) -> None:
    weights = _text_weights(text)
    for word, factor in factors.items():
        alone = _text_weights(f"It was {word}.")[word]
        assert weights[word] == pytest.approx(factor * alone, abs=1e-3), word


@pytest.mark.parametrize(
    ("clauses", "sign"),
    [("the talks were a success, the deal was bad.", -1), ("the talks were a failure, the deal was good.", 1)],
)
def test_concession_lets_the_main_clause_win(clauses: str, sign: int) -> None:
    # Without "although" the first clause's word outweighs the second's; with it, the main clause wins.
    plain, conceded = clauses.capitalize(), f"Although {clauses}"
    even = replace(load_tone_lexicon(), positive_weight=1.0)  # praise and criticism weighed alike
    assert score_tone(tokenize(plain), text=plain, lexicon=even)[0] * sign < 0
    assert score_tone(tokenize(conceded), text=conceded, lexicon=even)[0] * sign > 0


def test_concessions_need_the_text() -> None:
    weights = {e.term: e.weight for e in score_tone(tokenize("Although it was good, it was bad."))[1]}
    assert weights["good"] == pytest.approx(_text_weights("It was good.")["good"])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("but,contrast,before\n", r"r\.csv line 2: unknown contrast context 'before'"),
        ("but,contrast,after\nbut,contrast,concession\n", r"r\.csv line 3: 'but' is already a contrast word"),
        ("even though,contrast,concession\n", r"r\.csv line 2: contrast word 'even though' must be one word"),
    ],
)
def test_parse_tone_rules_rejects_bad_contrast_rows(body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tone_rules(HEADER + body, source="r.csv")


def test_shipped_rules_read_contrast_rows_and_default_to_vaders_but() -> None:
    rules = load_tone_rules()
    assert {"but", "however"} <= rules.contrast_after and {"although", "though"} <= rules.concessions
    assert ToneRules().contrast_after == {"but"} and not ToneRules().concessions


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # issue 11, negation edge cases: "not only" and "not just" add, "no doubt" asserts
        ("He is not only honest but kind.", "honest"),
        ("The deal is not just fair, it is generous.", "fair"),
        ("There is no doubt the plan is good.", "good"),
    ],
)
def test_negation_phrases_neither_score_nor_negate(text: str, word: str) -> None:
    weights = _text_weights(text)
    assert weights[word] > 0
    assert not {"not", "no", "doubt"} & set(weights)


@pytest.mark.parametrize(
    ("text", "word"),
    [("He is not honest.", "honest"), ("The deal is not fair.", "fair"), ("It is never good.", "good")],
)
def test_negation_outside_the_phrases_still_negates(text: str, word: str) -> None:
    assert _text_weights(text)[word] < 0


@pytest.mark.parametrize(
    ("hedged", "plain", "word"),
    [
        # a modal hedges the rest of its clause (issue 11, modal/hedged statements)
        ("The plan would help farmers.", "The plan will help farmers.", "help"),
        ("The talks could fail.", "The talks will fail.", "fail"),
        ("Officials might praise it.", "Officials will praise it.", "praise"),
        ("Voters should reject it.", "Voters will reject it.", "reject"),
        # a question hedges the whole sentence, closing quotation marks allowed
        ("Is the plan good?", "The plan is good.", "good"),
        ('He asked, "Is the plan good?"', 'He said, "The plan is good."', "good"),
    ],
)
def test_hedges_weaken_the_words_they_cover(hedged: str, plain: str, word: str) -> None:
    assert _text_weights(hedged)[word] == pytest.approx(HEDGE_FACTOR * _text_weights(plain)[word], abs=1e-3)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It would rain, and the result was good.", "good"),  # a comma ends the modal's reach
        ("The good plan would pass.", "good"),  # words before the modal are not hedged
        ("Is it late? The plan is good.", "good"),  # only a sentence ending with '?' is a question
    ],
)
def test_hedges_leave_other_words_alone(text: str, word: str) -> None:
    assert _text_weights(text)[word] == pytest.approx(_text_weights("It was good.")["good"])


def test_hedges_need_the_text() -> None:
    weights = {e.term: e.weight for e in score_tone(tokenize("The plan would help farmers."))[1]}
    assert weights["help"] == pytest.approx(_text_weights("The plan will help farmers.")["help"])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("would,hedge,always\n", r"r\.csv line 2: unknown hedge context 'always'"),
        ("?,hedge,clause\n", r"r\.csv line 2: a 'clause' hedge must be one word, not '\?'"),
        ("would,hedge,sentence\n", r"r\.csv line 2: a 'sentence' hedge must be one punctuation mark, not 'would'"),
    ],
)
def test_parse_tone_rules_rejects_bad_hedge_rows(body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tone_rules(HEADER + body, source="r.csv")


def test_shipped_rules_read_hedge_rows() -> None:
    rules = load_tone_rules()
    assert {"would", "could", "might", "should"} <= rules.hedges and rules.hedge_endings == {"?"}


# -- tone_rules.csv 1.3.0: negators beyond VADER's list, polarity shifters, capitalised names --


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They had no good answer.", "good"),  # VADER's own 'no' rule
        ("The plan is no longer popular.", "popular"),  # 'no longer' reaches two words on
        ("The launch was hardly a success.", "success"),  # approximate negators
        ("The team barely won.", "won"),
        ("Voters were scarcely happy.", "happy"),
    ],
)
def test_negation_rows_negate_like_vaders_list(text: str, word: str) -> None:
    assert _text_weights(text)[word] < 0


def test_no_matter_is_a_phrase_not_a_negation() -> None:
    weights = _text_weights("No matter how good the plan is, it passed.")
    assert weights["good"] > 0 and "matter" not in weights


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The law will reduce abuse.", "abuse"),
        ("Screening prevents cancer.", "cancer"),
        ("The rules should curb fraud.", "fraud"),
        ("The report noted a lack of progress.", "progress"),
        # tone_rules 1.10.0 (session 14, untuned pages): quieting a worry is not a worry
        ("The statement was quelling doubts.", "doubts"),
        ("He assured them, assuaging concerns.", "concerns"),
        ("The minister sought to allay fears.", "fears"),
        ("The data dispelled worries.", "worries"),
    ],
)
def test_shifters_reverse_what_follows_them(text: str, word: str) -> None:
    plain = {e.term: e.weight for e in score_tone(tokenize(f"It was {word}."), text=f"It was {word}.")[1]}[word]
    shifted = _text_weights(text)[word]
    assert shifted * plain < 0


def test_a_shifter_does_not_reach_across_a_comma() -> None:
    assert _text_weights("To reduce costs, fraud must stop.")["fraud"] < 0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Voters in Ohio backed Love on Tuesday.", "love"),  # a surname written alone
        ("The senator thanked Strange for his vote.", "strange"),
        ("Reporters asked Earnest about the memo.", "earnest"),
    ],
)
def test_capitalised_tone_words_in_mid_sentence_are_names(text: str, word: str) -> None:
    assert word not in _text_weights(text)
    assert word in _text_weights(text.replace(word.capitalize(), word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He said: Good things happen.", "good"),  # a capital after a colon opens a clause
        ('She wrote, "Great work."', "great"),  # ... or a quotation
        ("They LOVE the plan.", "love"),  # capitals throughout are emphasis, not a name
        ("Great news for the city.", "great"),  # the sentence's first word
    ],
)
def test_capitals_that_open_a_clause_or_shout_still_count(text: str, word: str) -> None:
    assert word in _text_weights(text)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("no longer,negation,\n", r"r\.csv line 2: a negation must be one word, not 'no longer'"),
        ("reduce,shifter,verb\n", r"r\.csv line 2: a shifter row takes no context \(found 'verb'\)"),
        ("no,negation,silent\n", r"r\.csv line 2: a negation row takes no context or 'no_valence' \(found 'silent'\)"),
        ("lack,negation,\nlack,shifter,\n", r"r\.csv line 3: 'lack' is already a negation; give it one rule"),
        ("*,negation,\n", r"r\.csv line 2: '\*' is allowed only as"),
    ],
)
def test_parse_tone_rules_rejects_bad_negation_and_shifter_rows(body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tone_rules(HEADER + body, source="r.csv")


def test_parse_tone_rules_reads_negation_shifter_and_every_capital_rows() -> None:
    rules = parse_tone_rules(HEADER + "no,negation,,x\nreduce,shifter,,x\n*,name,capitalised,x\n", source="r.csv")
    assert rules.negators == {"no"} and rules.shifters == {"reduce"} and rules.names_capitalised
    assert not rules.names_in_runs and not ToneRules().names_capitalised


def test_shipped_rules_read_negation_and_shifter_rows() -> None:
    rules = load_tone_rules()
    assert {"no", "hardly", "barely", "scarcely"} <= rules.negators
    assert {"reduce", "prevent", "lack", "curb"} <= rules.shifters and rules.names_capitalised
    assert not rules.negators & rules.shifters


def test_the_targets_own_words_do_not_count() -> None:
    text = "Mia Love won the seat."
    tokens = tokenize(text)
    assert "love" in _text_weights("She spoke of love and won.")
    assert [e.term for e in score_tone(tokens, text=text, target=(0, 8))[1]] == ["won"]


@pytest.mark.parametrize(
    "text",
    [
        "Although the plan was praised, it failed badly.",
        "But the mayor is very good?",
        "The law would reduce abuse, but critics were not impressed.",
        "They had no good answer to the war.",
    ],
)
def test_explanations_sum_to_the_score_and_name_their_rules(text: str) -> None:
    from framing.tone import explain_tone

    tokens = tokenize(text)
    tone, evidence = score_tone(tokens, text=text)
    explained = explain_tone(tokens, text=text)
    assert [(x.term, x.weight, x.start, x.end) for x in explained] == [(e.term, e.weight, e.start, e.end) for e in evidence]
    assert normalize_tone(sum(x.weight for x in explained)) == pytest.approx(tone)
    for x in explained:
        assert x.steps and (x.valence is not None or "negation word" in x.steps[0])
        # a word whose weight is not its valence names at least one rule that moved it
        if x.valence is not None and x.weight != pytest.approx(x.valence):
            assert len(x.steps) > 1


def test_explanations_say_which_rule_moved_a_word() -> None:
    from framing.tone import explain_tone

    text = "Although prices rose, the law would reduce abuse."
    steps = {x.term: x.steps for x in explain_tone(tokenize(text), text=text)}
    assert "shifted by 'reduce' x\u22120.74" in steps["abuse"]  # signed(): a true minus sign
    assert "hedged by 'would' x0.7" in steps["abuse"]
    assert any("'although'" in step for step in steps["abuse"])


@pytest.mark.parametrize(("text", "word", "degree"), [("The plan is pretty good.", "good", "pretty"),
                                                       ("The offer was fairly generous.", "generous", "fairly")])
def test_degree_adverbs_weaken_the_next_tone_word_and_carry_no_valence(text: str, word: str, degree: str) -> None:
    weights = _text_weights(text)
    plain = _text_weights(text.replace(f"{degree} ", ""))
    assert degree not in weights and 0 < weights[word] < plain[word]


def test_a_degree_word_alone_keeps_its_own_valence() -> None:
    assert _text_weights("They planted a pretty garden.")["pretty"] > 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("pretty,intensifier,sideways\n", r"r\.csv line 2: unknown intensifier context 'sideways'"),
        ("pretty,intensifier,down\npretty,intensifier,up\n", r"r\.csv line 3: 'pretty' is already an intensifier"),
        ("kind of,intensifier,down\n", r"r\.csv line 2: an intensifier must be one word, not 'kind of'"),
    ],
)
def test_parse_tone_rules_rejects_bad_intensifier_rows(body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_tone_rules(HEADER + body, source="r.csv")


def test_shipped_rules_read_intensifier_rows() -> None:
    rules = load_tone_rules()
    assert {"pretty", "fairly"} <= rules.diminishers and not rules.intensifiers & rules.diminishers


def test_a_form_the_lexicons_do_not_list_is_scored_as_its_lemma() -> None:
    from framing.tone import explain_tone

    text = "The team celebrated two victories."
    assert "victories" not in load_tone_lexicon().valences and "victory" in load_tone_lexicon().valences
    explained = {x.term: x for x in explain_tone(tokenize(text), text=text)}
    assert explained["victory"].weight > 0
    assert explained["victory"].steps[0].startswith("'victories' scored as its lemma 'victory'")
    # the lemma rule is part of the rules: the version-1 tone (no rules) leaves the form out
    # (evidence names the written form, so look for the word's place, not the lemma's name)
    at = text.index("victories")
    assert at not in [e.start for e in score_tone(tokenize(text), lexicon=build_tone_lexicon(opinion_weight=1.0, negation_weight=0.0))[1]]


@pytest.mark.parametrize("text", ["The city collected fines.", "The ward has six patients.", "Talks regarding trade."])
def test_forms_set_in_tone_news_keep_their_own_entry(text: str) -> None:
    assert _text_weights(text) == {}


def test_parse_tone_rules_reads_the_lemma_row() -> None:
    assert parse_tone_rules(HEADER + "*,lemma,,x\n", source="r.csv").lemmas and not ToneRules().lemmas
    with pytest.raises(LexiconError, match=r"r\.csv line 2: the lemma rule applies to every word"):
        parse_tone_rules(HEADER + "fines,lemma,,x\n", source="r.csv")
    with pytest.raises(LexiconError, match=r"r\.csv line 2: '\*' is allowed only as"):
        parse_tone_rules(HEADER + "*,lemma,forms,x\n", source="r.csv")
    assert load_tone_rules().lemmas



@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The board thanked Mr. Love for the report.", "love"),  # the title's full stop opens no sentence
        ("Voters backed Dr. Strange on Tuesday.", "strange"),
        ("Reporters asked Mrs. Earnest about the memo.", "earnest"),
        ("Sen. Strange voted against the bill.", "strange"),
    ],
)
def test_a_capitalised_tone_word_after_a_title_is_a_surname(text: str, word: str) -> None:
    assert word not in _text_weights(text)
    # without the title rows the full stop reads as a sentence's end and the word counts
    rules = parse_tone_rules(HEADER + "*,name,capitalised,x\n", source="r.csv")
    lexicon = replace(load_tone_lexicon(), rules=rules)
    assert word in [e.term for e in score_tone(tokenize(text), text=text, lexicon=lexicon)[1]]


@pytest.mark.parametrize(
    "text",
    ["The meeting ended. Love won the day.", "Mr. LOVE is the song's title.", "She asked Mr. Smith for love."],
)
def test_the_title_rule_needs_a_title_right_before_a_capital(text: str) -> None:
    # a capital after a real sentence end, a word in capitals, a tone word away from the title: it counts
    assert "love" in _text_weights(text)


def test_parse_tone_rules_reads_title_rows() -> None:
    rules = parse_tone_rules(HEADER + "mr,name,title,x\ndr,name,title,x\n", source="r.csv")
    assert rules.name_titles == {"mr", "dr"} and not ToneRules().name_titles
    with pytest.raises(LexiconError, match=r"r\.csv line 2: a title must be one word without its full stop"):
        parse_tone_rules(HEADER + "mr.,name,title,x\n", source="r.csv")
    with pytest.raises(LexiconError, match=r"r\.csv line 2: '\*' is allowed only as"):
        parse_tone_rules(HEADER + "*,name,title,x\n", source="r.csv")
    assert {"mr", "mrs", "ms", "dr"} <= load_tone_rules().name_titles


# -- tone_rules.csv 1.6.0: 'little' and 'few' as negative quantifiers, 'a little' / 'a few' as phrases --


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("The summit made little progress.", "progress", True),
        ("Few farmers support the new levy.", "support", True),
        ("There was little praise for the envoy.", "praise", True),
        ("The offer is a little better than the last.", "better", False),  # 'a little': a small amount
        ("A few farmers support the new levy.", "support", False),  # 'a few': a small number
        ("Quite a few delegates praised the text.", "praised", False),
        ("In little time, success came.", "success", False),  # the comma ends the reach
    ],
)
def test_little_and_few_negate_unless_after_a(text: str, word: str, negated: bool) -> None:
    plain = _text_weights(f"It was {word}.")[word]
    assert (_text_weights(text)[word] * plain < 0) is negated


def test_little_and_few_carry_no_valence_of_their_own() -> None:
    assert _text_weights("Few people came and little was said.") == {}
    rules = load_tone_rules()
    assert {"little", "few"} <= rules.negators and ("a", "few") in rules.phrases["few"]


# -- tone_news.csv 1.4.0: forms whose news sense is not the sense the lexicons score --


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Tariffs on imported goods rose in May.", "goods"),
        ("The odds of a deal fell overnight.", "odds"),
        ("The shipping firm was fined last week.", "fined"),
        ("The port changed hands twice.", "hands"),
        ("The court handed down its ruling.", "handed"),
        ("The new cabinet was sworn in on Friday.", "sworn"),
        ("She worked for the trade ministry.", "worked"),
        ("Talks concerning the border resumed.", "concerning"),
        ("He is regarded as a hawk.", "regarded"),
        ("The envoy was treated as a guest.", "treated"),
        ("The leak prompted an inquiry.", "prompted"),
        ("The appeals court met in June.", "appeals"),
        ("Ships carry all kinds of cargo.", "kinds"),
        ("Three justices wrote the opinion.", "justices"),
    ],
)
def test_wrong_sense_forms_carry_no_tone(text: str, form: str) -> None:
    assert form not in _text_weights(text)
    assert form in {row.split(",")[0] for row in _tone_news_rows()}


def test_the_senses_the_lexicons_score_still_count() -> None:
    weights = _text_weights("It was a good plan, an odd choice and a fine result.")
    assert weights["good"] > 0 and weights["odd"] < 0 and weights["fine"] > 0


def _tone_news_rows() -> list[str]:
    from framing.data_files import read_data_text

    return read_data_text("tone_news.csv").splitlines()[1:]


# -- tone_news.csv 1.5.0 / tone_topics.csv 1.1.0: legal jeopardy the lexicons did not list --


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The mayor was indicted on Tuesday.", "indicted"),
        ("A grand jury returned an indictment against the firm.", "indictment"),
        ("The trader was convicted of smuggling.", "convicted"),
        ("The house opened an impeachment inquiry.", "impeachment"),
    ],
)
def test_legal_jeopardy_reads_negative_as_a_topic_word(text: str, word: str) -> None:
    assert _text_weights(text)[word] < 0
    assert word in load_tone_topics()


def test_rows_for_unlisted_words_restate_a_vader_rating() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer().lexicon
    for row in _tone_news_rows():
        term, valence, note = row.split(",", 2)
        if "neither lexicon lists" in note:  # legal jeopardy (1.5.0), evaluative verbs (1.6.0)
            named = note.split("rating of '")[1].split("'")[0]
            assert term not in vader and vader[named] == float(valence)


# -- tone_news.csv 1.6.0: evaluative verbs the lexicons did not list --


@pytest.mark.parametrize(
    ("text", "word", "sign"),
    [
        ("The envoys achieved a breakthrough.", "achieved", 1),
        ("The new rules achieve their aim.", "achieve", 1),
        ("The treaty is achieving results.", "achieving", 1),  # by the lemma rule
        ("Both sides attained their goals.", "attained", 1),
        ("The embargo backfired on its authors.", "backfired", -1),
        ("The talks did not achieve much.", "achieve", -1),  # negated like any tone word
    ],
)
def test_evaluative_verbs_carry_their_sense(text: str, word: str, sign: int) -> None:
    assert _text_weights(text)[word] * sign > 0


# -- tone_rules.csv 1.7.0: 'without' negates but carries no valence of its own --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bill passed without a debate.", {}),  # an absence, not a negated statement
        ("The envoy left without support.", {"support": "negative"}),  # it still negates what it governs
        ("The bill did not pass.", {"not": "negative"}),  # 'not' keeps its own valence
        ("Despite the delay, the talks went on.", {"despite": "negative", "delay": "positive"}),  # unchanged
    ],
)
def test_without_negates_but_adds_no_valence(text: str, expected: dict[str, str]) -> None:
    weights = _text_weights(text)
    assert {w: "positive" if v > 0 else "negative" for w, v in weights.items()} == expected


def test_parse_tone_rules_reads_no_valence_negation_rows() -> None:
    rules = parse_tone_rules(HEADER + "without,negation,no_valence,x\nno,negation,,x\n", source="r.csv")
    assert rules.unscored_negations == {"without"} and rules.negators == {"without", "no"}
    assert "without" in load_tone_rules().unscored_negations and not ToneRules().unscored_negations


# -- tone_rules.csv 1.8.0: a type and the legal system are not praise --


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It was the kind of deal both sides sign.", "kind"),
        ("He was charged with obstruction of justice.", "justice"),
        ("The bill would change the criminal justice system.", "justice"),
    ],
)
def test_type_and_legal_system_words_carry_no_tone(text: str, word: str) -> None:
    assert word not in _text_weights(text)


def test_kind_and_justice_keep_their_sense_elsewhere() -> None:
    weights = _text_weights("The nurse was kind and the ruling brought justice.")
    assert weights["kind"] > 0 and weights["justice"] > 0


def test_no_wonder_is_a_phrase_not_a_negation() -> None:
    assert _text_weights("No wonder the envoys left early.") == {}
    assert _text_weights("The canyon filled them with wonder.")["wonder"] > 0
