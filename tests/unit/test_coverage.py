"""Facts across outlets, shared copy and naming choices (issue 15) on small articles written for these tests."""

from __future__ import annotations

import json

import pytest

from framing.coverage import analyze_coverage, fact_matrix
from framing_render.coverage import coverage_section_html, diff_html
from framing.export import to_json
from framing.pipeline import analyze_articles
from framing.facts import find_compounds, split_units
from framing.shared_copy import find_shared_copy
from framing.types import Article, ArticleReport

# Three outlets on one invented event, and one article on something else entirely.
TALKS_A = (
    "Trade ministers from Norvania and Kessland will resume talks in Geneva on March 3, officials said. "
    "The first round ended in January without a deal on fishing quotas. "
    "Norvanian Prime Minister Ada Lindqvist called the dispute a test of good faith. "
    "A separate report said 40 trawlers had been held in the port of Sallen since the winter."
)
TALKS_B = (
    "Officials said negotiators of the two countries are set to meet again in Geneva on March 3 to talk trade. "
    "Talks in January broke up with no agreement on fishing quotas. "
    "Norvanian leader Ada Lindqvist said the dispute was “a test of good faith” for both sides."
)
TALKS_C = (
    "Geneva will host a new round of Norvania-Kessland trade talks on March 3, according to officials. "
    "Lindqvist has said little since January, when the first round failed over fishing quotas."
)
UNRELATED = (
    "The city council voted to extend the tram line to the university campus by 2028. "
    "Residents of the northern district asked for more bicycle lanes and a later last service. "
    "The budget for the extension was approved after a long evening debate."
)
WIRE = (
    "Heavy rain flooded the lower town of Brenmoor on Sunday, forcing about 300 residents to leave their homes "
    "as the river rose above its banks for the second time this year. Emergency crews used boats to reach "
    "families trapped on upper floors, and the regional governor said the army would help clear debris once "
    "the water receded. Forecasters expect more rain on Tuesday, and schools in three villages will stay closed "
    "until the roads are safe again."
)
REPRINT_LEAD = "Our correspondent in the valley sent this update late on Sunday evening. "


def analysed(*articles: tuple[str, str, str]) -> tuple[list[ArticleReport], object]:
    report = analyze_articles([Article(id=i, outlet=o, title=i, text=t) for i, o, t in articles])
    return list(report.articles), report


def outlets_of_fact_with(report: object, needle: str) -> tuple[str, ...]:
    by_id = {a.id: a for a in report.articles}  # type: ignore[attr-defined]
    for fact in report.facts:  # type: ignore[attr-defined]
        if any(needle in by_id[m.article].text[m.start:m.end] for m in fact.mentions):
            return fact.outlets
    raise AssertionError(f"no fact mentions {needle!r}")


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("resume talks in Geneva on March 3", ("Alpha", "Beta", "Gamma")),   # the same fact in other words
        ("without a deal on fishing quotas", ("Alpha", "Beta", "Gamma")),
        ("called the dispute a test of good faith", ("Alpha", "Beta")),     # one outlet leaves it out
        ("40 trawlers", ("Alpha",)),                                         # only one outlet has it
        ("tram line", ("Delta",)),                                           # unrelated: never joined
    ],
)
def test_facts_align_paraphrases_and_keep_apart_what_differs(needle: str, expected: tuple[str, ...]) -> None:
    _, report = analysed(("a", "Alpha", TALKS_A), ("b", "Beta", TALKS_B), ("c", "Gamma", TALKS_C),
                         ("d", "Delta", UNRELATED))
    assert outlets_of_fact_with(report, needle) == expected


def test_facts_are_ordered_shared_by_all_then_some_then_one() -> None:
    _, report = analysed(("a", "Alpha", TALKS_A), ("b", "Beta", TALKS_B), ("c", "Gamma", TALKS_C))
    outlets = ["Alpha", "Beta", "Gamma"]
    bands = [row.band for row in fact_matrix(report.facts, outlets)]
    assert bands == sorted(bands, key=["all", "some", "one"].index)
    assert bands[0] == "all" and "one" in bands
    some = next(r for r in fact_matrix(report.facts, outlets) if r.band == "some")
    assert some.not_in == ("Gamma",)


def test_fact_mentions_point_into_cleaned_text() -> None:
    _, report = analysed(("a", "Alpha", TALKS_A), ("b", "Beta", TALKS_B))
    by_id = {a.id: a for a in report.articles}
    for fact in report.facts:
        assert any(fact.text == by_id[m.article].text[m.start:m.end] for m in fact.mentions)
        for m in fact.mentions:
            assert 0 <= m.start < m.end <= len(by_id[m.article].text)


@pytest.mark.parametrize(
    ("left", "right", "shared"),
    [
        (WIRE, REPRINT_LEAD + WIRE, True),                                   # a reprint with a new lead
        (WIRE, WIRE.replace("about 300", "some 300").replace("Sunday", "Sunday night"), True),  # small edits
        (WIRE, UNRELATED, False),                                            # unrelated
        (TALKS_A, TALKS_B, False),                                           # same event, own words
    ],
)
def test_shared_copy_found_only_for_copied_text(left: str, right: str, shared: bool) -> None:
    reports, _ = analysed(("x", "Left", left), ("y", "Right", right))
    passages, _ = find_shared_copy(reports)
    assert bool(passages) is shared


@pytest.mark.parametrize("text", [
    "Plain words, it’s 12 o'clock_now — and “quoted” ones.",
    "Cafe\u0301 owners in Nai\u0308robi said the ka\u0301rta\u0301 rose; \u0939\u093f\u0902\u0926\u0940 too.",
    "", "   ", "\u0301 a mark first",
])
def test_shared_copy_words_are_the_documents_words_with_or_without_marks(text: str) -> None:
    """Shared copy finds words faster when a text has no combining mark: the words must not change."""
    import re

    from framing.shared_copy import _words
    from framing.textnorm import WORD

    words = _words(text, {})
    spans = [m.span() for m in re.finditer(WORD, text)]
    assert list(zip(words.starts.tolist(), words.ends.tolist())) == spans


def test_reprint_with_a_new_lead_is_shared_over_most_of_its_text_and_flagged() -> None:
    reports, report = analysed(("orig", "Wire", WIRE), ("copy", "Paper", REPRINT_LEAD + WIRE))
    copy = next(r for r in reports if r.id == "copy")
    spans = [p.spans[p.articles.index("copy")] for p in report.shared_passages]
    covered = sum(end - start for start, end in spans)
    assert covered / len(copy.text) >= 0.7
    assert [(r.article, r.of) for r in report.reprints] == [("copy", "orig")]
    for passage in report.shared_passages:
        (s0, e0), (s1, e1) = passage.spans
        texts = [next(r for r in reports if r.id == a).text for a in passage.articles]
        assert texts[0][s0:e0] == texts[1][s1:e1] and 0.6 <= passage.similarity <= 1.0


def test_unrelated_articles_are_never_reprints() -> None:
    _, report = analysed(("w", "Wire", WIRE), ("u", "City", UNRELATED), ("a", "Alpha", TALKS_A))
    assert report.shared_passages == () and report.reprints == ()


@pytest.mark.parametrize(
    ("outlet", "form", "quoted"),
    [
        ("Alpha", "Norvanian Prime Minister Ada Lindqvist", False),
        ("Beta", "Norvanian leader Ada Lindqvist", False),
        ("Gamma", "Lindqvist", False),
    ],
)
def test_naming_lists_each_outlets_forms(outlet: str, form: str, quoted: bool) -> None:
    _, report = analysed(("a", "Alpha", TALKS_A), ("b", "Beta", TALKS_B), ("c", "Gamma", TALKS_C))
    naming = next(n for n in report.naming if "Lindqvist" in n.referent)
    table = naming.quoted_forms if quoted else naming.forms
    assert table[outlet].get(form) == 1


def test_naming_keeps_quoted_uses_apart() -> None:
    quoted = "Kessland said the deal was “a gift to Norvanian leader Ada Lindqvist” and walked out."
    _, report = analysed(("a", "Alpha", TALKS_A), ("q", "Quoting", quoted))
    naming = next(n for n in report.naming if "Lindqvist" in n.referent)
    assert naming.quoted_forms == {"Quoting": {"Norvanian leader Ada Lindqvist": 1}}
    assert "Quoting" not in naming.forms
    by_id = {a.id: a for a in report.articles}
    for m in naming.mentions:
        assert by_id[m.article].text[m.start:m.end] == m.form


def test_json_carries_coverage_at_the_top_level_with_the_issue_field_names() -> None:
    _, report = analysed(("orig", "Wire", WIRE), ("copy", "Paper", REPRINT_LEAD + WIRE), ("a", "Alpha", TALKS_A))
    body = json.loads(to_json(report))
    assert {"facts", "shared_passages", "naming"} <= set(body)
    fact = body["facts"][0]
    assert {"id", "text", "mentions"} <= set(fact) and set(fact["mentions"][0]) == {"article", "start", "end"}
    passage = body["shared_passages"][0]
    assert {"articles", "spans", "similarity"} <= set(passage)
    assert len(passage["articles"]) == 2 and all(len(span) == 2 for span in passage["spans"])


def test_report_section_escapes_the_data_and_lists_the_matrix() -> None:
    hostile = "Norvania & Kessland <will> resume trade talks in Geneva on March 3, officials said."
    _, report = analysed(("a", "Alpha <blink>", TALKS_A), ("h", "Beta", hostile))
    page = coverage_section_html(report, [o.outlet for o in report.outlets])
    assert "<blink>" not in page and "<will>" not in page
    assert "Alpha &lt;blink&gt;" in page and "&amp; Kessland &lt;will&gt;" in page and "fl-yes" in page


def test_diff_marks_what_each_side_changed() -> None:
    left, right = diff_html("rain flooded the town on Sunday", "rain flooded the old town on Sunday night")
    assert "<ins>old</ins>" in right and "<ins>night</ins>" in right and "<del>" not in left


def test_coverage_of_one_article_has_only_single_outlet_facts() -> None:
    reports, _ = analysed(("a", "Alpha", TALKS_A))
    coverage = analyze_coverage(reports)
    assert coverage.facts and all(f.outlets == ("Alpha",) for f in coverage.facts)
    assert coverage.shared_passages == () and coverage.naming == ()


# Issue 15, Shoal dev check: a sentence with an aside between two dashes was cut at the closing dash,
# parting its subject from its verb; a compound written as one word in one outlet and as two in
# another ("coastguard" / "Coast Guard") did not match.
ASIDE = ("Nine trawlers from the northern fleet — four of them owned by a single family in Sallen — were seized "
         "off the coast on Monday by a patrol boat and towed into the harbour, the port authority said.")
ONE_DASH = ("Nine trawlers from the northern fleet were seized off the coast on Monday by a patrol boat — the "
            "port authority said the crews would be questioned by the police before the weekend.")


@pytest.mark.parametrize(("text", "units"), [(ASIDE, 1), (ONE_DASH, 2)])
def test_split_units_keeps_an_aside_between_dashes_in_its_clause(text: str, units: int) -> None:
    (report,), _ = analysed(("a", "Alpha", text))
    assert len(split_units(report)) == units


@pytest.mark.parametrize(
    ("left", "right", "together"),
    [
        ("The coastguard sent a cutter with the supply boats on Friday.",
         "A Coast Guard cutter went along with the convoy, officials said.", True),
        ("The coastguard stopped the two boats near the reef.",
         "Two boats were halted by the Coast Guard close to the shoal.", True),
        ("Officials called Kessland a close diplomatic ally at the summit held last week.",
         "The minister spoke diplomatically about fishing quotas in a radio interview.", False),
    ],
)
def test_facts_match_a_compound_written_as_one_word_or_two(left: str, right: str, together: bool) -> None:
    _, report = analysed(("a", "Alpha", left), ("b", "Beta", right))
    assert (outlets_of_fact_with(report, left[:30]) == ("Alpha", "Beta")) is together


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["The coastguard came.", "Two Coast Guard ships."], {"coastguard"}),
        (["A new website.", "The web site is down."], {"website"}),
        (["Goodman said so.", "He is a good man."], set()),                     # a surname, never lower case
        (["She spoke diplomatically.", "A diplomatic ally."], set()),           # an adverb is not two words
        (["A coast road.", "The guard left."], set()),                          # never run together
    ],
)
def test_find_compounds_only_joins_words_some_text_writes_as_one(texts: list[str], expected: set[str]) -> None:
    assert find_compounds(texts) == expected
def test_coverage_of_compact_texts_equals_coverage_of_reports() -> None:
    # issue 16: a streamed run keeps only coverage_text(report) per article; the coverage must not change
    from framing.coverage import coverage_text

    texts = ["Trump will visit Beijing in April 2026, officials said on Monday in Washington.",
             "The president plans a Beijing trip in April 2026, officials said on Monday in Washington.",
             "Officials said on Monday in Washington that Trump will visit Beijing in April 2026."]
    reports = analyze_articles([Article(id=f"a{i}", outlet=f"O{i}", title="t", text=t) for i, t in enumerate(texts)]).articles
    assert analyze_coverage([coverage_text(r) for r in reports]) == analyze_coverage(reports)


# One outlet's own facts that go on over two units: a quotation after the sentence introducing it,
# and the second clause of a long sentence; then an unrelated neighbour (invented text).
GOES_ON = (
    "The harbour board of Sallen voted to close the old fish market. Its chair, Mira Osei, defended the "
    "vote after the meeting. “We kept it open for forty years and the roof can no longer be mended,” she said. "
    "The board will sell the lot to a housing trust next spring for an undisclosed sum, a spokesman "
    "said; the trust plans two hundred flats and a small square with benches beside the water. "
    "A ferry strike delayed crossings to the islands on Friday."
)


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        ("Its chair, Mira Osei, defended", "We kept it open for forty years", True),  # a quotation goes on with its introduction
        ("sell the lot to a housing trust", "the trust plans two hundred flats", True),  # two clauses of one sentence
        ("the trust plans two hundred flats", "A ferry strike delayed", False),  # an unrelated neighbour
        ("voted to close the old fish market", "Its chair, Mira Osei, defended", False),  # no cue: kept apart
    ],
)
def test_facts_join_a_units_continuation_in_one_outlet(first: str, second: str, together: bool) -> None:
    """Non-regression (issue 15, dev strict F1): each clause or quotation restating one outlet's fact was a row."""
    _, report = analysed(("a", "Alpha", GOES_ON), ("b", "Beta", TALKS_B))
    text = next(a.text for a in report.articles if a.id == "a")

    def fact_of(needle: str) -> str:
        return next(f.id for f in report.facts for m in f.mentions if m.article == "a" and needle in text[m.start:m.end])

    assert (fact_of(first) == fact_of(second)) is together
