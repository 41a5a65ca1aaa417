"""Naming rules (issue 15): country abbreviations, possessives, noise in forms, referents without a name.

Table-driven on small made-up articles (invented names; the country words come from the lexicon).
Each case failed before the rule it tests.
"""

from __future__ import annotations

import re

import pytest

from framing.naming_aliases import load_naming_words
from framing.types import CorpusReport

from naming_cases import report_of

#: One event in three outlets: the country written three ways, a possessive name, a page's date stamp.
ABBREVIATIONS = (
    ("a", "Alpha", "The US and Norvania signed a grain pact on Monday. Officials in the US said the pact "
                   "would cut prices. Norvanian leader Ada Lindqvist welcomed it."),
    ("b", "Beta", "The U.S. and Norvania signed a grain pact on Monday. The pact was welcomed by Ada Lindqvist, "
                  "who said the U.S. had been patient."),
    ("c", "Gamma", "2025-03-03 Lindqvist and the United States signed a grain pact on Monday. US officials "
                   "called the pact fair, and Lindqvist’s Borealis plan was left for later. Okafor said little."),
    ("d", "Delta", "Norvania and the United States agreed a grain pact on Monday, leaving the Borealis plan "
                   "aside. US envoy Ben Okafor thanked Lindqvist."),
)

#: Outlets that name the thing the story is about only with a common noun, in different words.
PIPELINE = (
    ("a", "Alpha", "Kessland and Norvania opened the export pipeline on Tuesday. The pipeline runs under the "
                   "bay. The leaders attended. The export of gas starts in spring."),
    ("b", "Beta", "A subsea pipeline between Kessland and Norvania opened on Tuesday. Critics say the "
                  "pipeline harms fishing. Japanese leaders called it a success. The subsea work took a year."),
    ("c", "Gamma", "The undersea pipeline linking Kessland to Norvania is open. The two leaders cut a ribbon. "
                   "A Kestrel-built pipeline carries the gas. Its pipelines serve two cities."),
)


def naming_of(report: CorpusReport, referent: str) -> dict[str, dict[str, int]]:
    for naming in report.naming:
        if naming.referent == referent:
            return {o: dict(c) for o, c in naming.forms.items()}
    raise AssertionError(f"no referent {referent!r} in {[n.referent for n in report.naming]}")


@pytest.mark.parametrize(
    ("outlet", "form"),
    [
        ("Alpha", "US"),  # the stop word "us" never hid the abbreviation
        ("Beta", "U.S."),  # a dotted abbreviation keeps its last dot and is the country
        ("Gamma", "United States"),
        ("Gamma", "US"),  # a country noun before a noun ("US officials") names the country
    ],
)
def test_naming_country_abbreviations_are_one_referent(outlet: str, form: str) -> None:
    forms = naming_of(report_of(ABBREVIATIONS), "United States")
    assert form in forms[outlet]


def test_naming_descriptor_may_start_with_a_country_abbreviation() -> None:
    assert "US envoy Ben Okafor" in naming_of(report_of(ABBREVIATIONS), "Okafor")["Delta"]


def test_naming_word_after_a_possessive_name_is_not_that_person() -> None:
    report = report_of(ABBREVIATIONS)
    for naming in report.naming:
        if "Lindqvist" in naming.referent:
            forms = {f for cell in naming.forms.values() for f in cell}
            assert not any("Borealis" in f for f in forms), forms


@pytest.mark.parametrize("articles", [ABBREVIATIONS, PIPELINE])
def test_naming_forms_start_at_a_word_and_never_with_a_number(articles: tuple[tuple[str, str, str], ...]) -> None:
    report = report_of(articles)
    text_of = {a.id: a.text for a in report.articles}
    for naming in report.naming:
        for m in naming.mentions:
            text = text_of[m.article]
            assert m.start == 0 or not re.match(r"[\w'’-]", text[m.start - 1]), (naming.referent, m.form)
            assert m.form[:1].isalpha(), (naming.referent, m.form)


@pytest.mark.parametrize(
    ("referent", "outlet", "form"),
    [
        ("pipeline", "Alpha", "export pipeline"),
        ("pipeline", "Beta", "subsea pipeline"),
        ("pipeline", "Gamma", "undersea pipeline"),
        ("pipeline", "Gamma", "pipelines"),  # a plural counts under its singular
        ("pipeline", "Gamma", "Kestrel-built pipeline"),  # a capitalised compound modifies, whole
        ("leaders", "Beta", "Japanese leaders"),  # a title word in the plural is a group
    ],
)
def test_naming_finds_referents_without_a_proper_name_in_the_leads(referent: str, outlet: str, form: str) -> None:
    assert form in naming_of(report_of(PIPELINE), referent)[outlet]


@pytest.mark.parametrize(
    ("phrase", "country"),
    [("U.S", "United States"), ("U.K.", "United Kingdom"), ("United Kingdom", "United Kingdom"), ("Kessland", None)],
)
def test_country_reads_dotted_abbreviations_and_country_names(phrase: str, country: str | None) -> None:
    assert load_naming_words().country(phrase) == country


#: One grain deal named with different head nouns (and a clipped noun for a ship), a group named by a
#: number and different plural nouns, and a capital that hosts the talks in two outlets and speaks
#: for its government in a third (invented names; the capital and its country come from the lexicon).
SYNONYMS = (
    ("a", "Alpha", "Kessland and Norvania signed a grain deal in Tokyo on Monday. A Kessland-built sub was shown. "
                   "The deal cuts duties. The three nations will meet again."),
    ("b", "Beta", "The grain agreement between Kessland and Norvania was signed in Tokyo. The submarine "
                  "sailed past. Critics say the agreement is thin. The three allies praised the pact."),
    ("c", "Gamma", "A landmark grain pact was sealed on Monday. Tokyo said the pact was fair. Kessland's "
                   "three partners will fund it, and their partners cheered. The submarine building deal waits."),
)


@pytest.mark.parametrize(
    ("referent", "outlet", "form"),
    [
        ("deal", "Alpha", "grain deal"),
        ("deal", "Beta", "grain agreement"),  # a synonym head is the same referent
        ("deal", "Gamma", "landmark grain pact"),
        ("deal", "Gamma", "submarine building deal"),  # a gerund inside a noun chain modifies the head
        ("submarine", "Alpha", "Kessland-built sub"),  # a clipped noun counts under its full word
        ("submarine", "Beta", "submarine"),
        ("the three allies", "Alpha", "three nations"),  # a number-led group, whatever its noun
        ("the three allies", "Beta", "three allies"),
        ("the three allies", "Gamma", "Kessland's three partners"),
        ("the three allies", "Gamma", "partners"),  # the class's noun after "their": the one group
    ],
)
def test_naming_joins_synonym_heads_and_number_led_groups(referent: str, outlet: str, form: str) -> None:
    """Non-regression (issue 15, AUKUS dev misses): synonym heads, clipped nouns, number-led groups."""
    forms = naming_of(report_of(SYNONYMS), referent)
    assert form in forms.get(outlet, {}) or form in _quoted(report_of(SYNONYMS), referent).get(outlet, {}), forms


def _quoted(report: CorpusReport, referent: str) -> dict[str, dict[str, int]]:
    return next({o: dict(c) for o, c in n.quoted_forms.items()} for n in report.naming if n.referent == referent)


def test_naming_capital_hosting_talks_is_the_city_not_its_country() -> None:
    """Non-regression (issue 15): "signed in Tokyo" named Japan's government; "Tokyo said" still does."""
    report = report_of(SYNONYMS)
    assert naming_of(report, "Tokyo") == {"Alpha": {"Tokyo": 1}, "Beta": {"Tokyo": 1}}
    assert all(naming.referent != "Japan" or "Tokyo" not in naming.forms.get("Alpha", {}) for naming in report.naming)
    japan = [m for n in report.naming for m in n.mentions if n.referent == "Japan"]
    assert [m.form for m in japan] in ([], ["Tokyo"])  # Gamma's "Tokyo said" (one outlet: below the table's bar)


#: Session 7 rules (issue 15, read off the AUKUS dev misses): a noun after a name that belongs to its
#: mention, modifiers joined by "and", a collective noun before "of", a capital with its district's
#: initials, and a descriptor whose word next to the name is no noun.
HEADS = (
    ("a", "Alpha", "Washington D.C. signed the NORPAC pact on Monday, and the Ostrava region will host "
                   "a Kessland-designed and built barge. The EU deal was left aside. Officials at Ostrava near "
                   "Kessland cheered the NORPAC pact."),
    ("b", "Beta", "Leaders signed NORPAC on Monday. The barge will sail from the Ostrava region, and a new "
                  "generation of barges will follow. The EU deal waits. NORPAC was hailed in Kessland."),
    ("c", "Gamma", "NORPAC was signed on Monday; the Ostrava region gets a barge. Washington D.C. sought the "
                   "NORPAC pact for years, the EU deal less so. A barge sails to Kessland."),
)


@pytest.mark.parametrize(
    ("referent", "outlet", "form"),
    [
        ("NORPAC", "Alpha", "NORPAC pact"),  # an abbreviation before a pact noun is the pact
        ("NORPAC", "Gamma", "NORPAC pact"),
        ("Ostrava", "Alpha", "Ostrava region"),  # a place-class noun after a place belongs to its mention
        ("Ostrava", "Beta", "Ostrava region"),
        ("United States", "Alpha", "Washington D.C."),  # the capital with its district's initials: the government
        ("United States", "Gamma", "Washington D.C."),
        ("barge", "Alpha", "Kessland-designed and built barge"),  # modifiers joined by "and" after a determiner
        ("barge", "Beta", "new generation of barges"),  # a collective noun before "of" heads the phrase
    ],
)
def test_naming_takes_the_words_that_belong_to_a_mention(referent: str, outlet: str, form: str) -> None:
    assert form in naming_of(report_of(HEADS), referent)[outlet]


def test_naming_keeps_an_international_body_apart_from_its_deals() -> None:
    """'the EU deal' is a deal the EU makes: the EU's form stays 'EU' (since session 10 the deal three
    outlets write so is a referent of its own, 'EU deal' its form: a body's initials open a shared phrase)."""
    report = report_of(HEADS)
    for naming in report.naming:
        forms = {f for cell in naming.forms.values() for f in cell}
        if "EU" in forms:
            assert "EU deal" not in forms, (naming.referent, forms)
        if "EU deal" in forms:
            assert naming.referent == "deal", (naming.referent, forms)


def test_naming_descriptor_next_to_a_name_is_a_noun() -> None:
    """'Ostrava near Kessland' is no form of Kessland: 'near' describes no name."""
    forms = {f for cell in naming_of(report_of(HEADS), "Kessland").values() for f in cell}
    assert forms and not any("near" in f for f in forms), forms


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"Trump", "Donald Trump", "Kessland"}, {"Trump": "Donald Trump"}),
        ({"Sea", "China Sea", "South China Sea"}, {"Sea": "South China Sea", "China Sea": "South China Sea"}),
        ({"Lee", "Ann Lee", "Bo Lee"}, {}),  # two longer names end in "Lee": ambiguous, no link
        ({"Lee", "Ann Leeds"}, {}),  # a name ends another only at a word boundary
    ],
)
def test_suffix_links_join_a_short_name_to_the_one_longer_name_it_ends(keys: set[str], expected: dict[str, str]) -> None:
    """The links compare keys with the same last word only (issue 15 speed); the result is the pairwise one."""
    from framing.naming import _suffix_links

    assert _suffix_links(keys) == expected


#: Session 7 rules read off the EU sanctions dev event (invented text): modifiers after a determiner,
#: a collective head's "of" phrase, three-letter heads, initialisms, a seat of government, -ions plurals.
SANCTIONS = (
    ("a", "Alpha", "Norvania adopts eighth sanctions package\n\nNorvania adopted an eighth package of sanctions "
                   "against Russia on Monday, with a price cap on gas. The cap was set by the G7 group. The "
                   "Kremlin called the package theft. The eighth package also bans coal. The sanctions hit banks."),
    ("b", "Beta", "Norvania has approved the eighth sanctions package, with a gas price cap. The new sanctions "
                  "package follows threats to Ukraine, the Commission reported on Monday. The G7 group agreed the cap."),
    ("c", "Gamma", "Norvania's eighth sanctions package sets a price cap. The cap needs approval of the G7 "
                   "countries, and the Kremlin said the package was illegal. Russia and Ukraine objected."),
)


@pytest.mark.parametrize(
    ("referent", "outlet", "form"),
    [
        ("package", "Alpha", "eighth sanctions package"),  # a plural in -ions modifies, even without a determiner
        ("package", "Alpha", "eighth package of sanctions"),  # a collective head keeps its "of" phrase
        ("package", "Beta", "new sanctions package"),  # every modifier after a determiner
        ("cap", "Beta", "gas price cap"),  # a three-letter head noun is a referent
        ("cap", "Gamma", "price cap"),
        ("G7", "Alpha", "G7 group"),  # a group noun after an initialism is the group
        ("G7", "Gamma", "G7"),  # an initialism before a noun is a mention of it
        ("Russia", "Alpha", "Kremlin"),  # a seat of government stands for its country
        ("Russia", "Gamma", "Kremlin"),
    ],
)
def test_naming_reads_a_sanctions_story(referent: str, outlet: str, form: str) -> None:
    assert form in naming_of(report_of(SANCTIONS), referent)[outlet]


def test_naming_appositive_with_a_verb_is_no_form() -> None:
    """'Ukraine, the Commission reported on Monday': a clause after the name, not a name for Ukraine."""
    report = report_of(SANCTIONS)
    forms = {f for n in report.naming for cell in n.forms.values() for f in cell}
    assert not any("reported" in f for f in forms), forms


#: A titled full name in two outlets, the bare surname in a third; no one writes the title in lower case.
TITLED = (
    ("a", "Alpha", "US President Rose Field imposed new duties on Norvanian grain on Monday. Field said "
                   "the duties would stay."),
    ("b", "Beta", "U.S. President Rose Field imposed new duties on Norvanian grain. Norvania answered with "
                  "duties of its own."),
    ("c", "Gamma", "Field imposed new duties on Norvanian grain on Monday, and Field defended them."),
)


def test_naming_a_title_is_never_part_of_the_name_it_stands_before() -> None:
    # Seen on unseen pages (session 8): "US President Donald Trump" and "Trump" were two referents
    # because "President" only counted as a title where the corpus also wrote "president" in lower case.
    forms = naming_of(report_of(TITLED), "Rose Field")
    assert "US President Rose Field" in forms["Alpha"] and "Field" in forms["Gamma"]
    assert "U.S. President Rose Field" in forms["Beta"]
