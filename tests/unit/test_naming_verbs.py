"""A verb between two names is no descriptor of the second (issue 15 item 3, session 15).

"The Kessland government accuses Lindia": the corpus's noun test reads "accuses" as a noun (a determiner
and a capitalised word stand before it), so "Kessland accuses Lindia" became a form of Lindia. A
descriptor in front of a name is a noun in its dictionary form ("leader", "counterpart", "envoy"); an
inflected word there ("accuses", "said", "warned") is the verb of the name before it.

Table-driven on small made-up articles (invented places and people). Each case failed before the rule.
"""

from __future__ import annotations

import pytest

from naming_cases import forms_of, report_of


def _articles(verb: str) -> tuple[tuple[str, str, str], ...]:
    """Three outlets; in one, ``verb`` stands between two names and after 'The Kessland' elsewhere."""
    return (
        ("a", "Alpha", f"Kessland {verb} Lindia of dumping steel. The Kessland {verb} nobody else. "
                       "Lindia rejects the claim."),
        ("b", "Beta", "Lindia denies dumping steel in Kessland. The Kessland ministry wants a levy on Lindia."),
        ("c", "Gamma", "Kessland and Lindia argue over steel. Lindia says the levy breaks the rules."),
    )


@pytest.mark.parametrize("verb", ["accuses", "suspected", "warned", "told"])
def test_naming_a_verb_before_a_name_is_no_descriptor(verb: str) -> None:
    report = report_of(_articles(verb))
    lindia = next(n for n in report.naming if n.referent == "Lindia")
    assert forms_of(lindia) == {"Lindia"}, sorted(forms_of(lindia))


#: Descriptors in their dictionary form stay: "trade envoy Ada Lind", "his counterpart Bo Tran".
DESCRIBED = (
    ("a", "Alpha", "Kessland's trade envoy Ada Lind met Bo Tran. The envoy said little."),
    ("b", "Beta", "Ada Lind met her counterpart Bo Tran in Lindia. A counterpart is a peer."),
    ("c", "Gamma", "Ada Lind and Bo Tran met in Lindia on Monday."),
)


def test_naming_a_descriptor_noun_before_a_name_stays() -> None:
    report = report_of(DESCRIBED)
    lind = next(n for n in report.naming if n.referent == "Ada Lind")
    tran = next(n for n in report.naming if n.referent == "Bo Tran")
    assert any(f.endswith("trade envoy Ada Lind") for f in forms_of(lind)), sorted(forms_of(lind))
    assert "counterpart Bo Tran" in forms_of(tran), sorted(forms_of(tran))


#: A place adjective no table lists ("Lindian", like "European" or "Asian") before a noun the corpus never
#: writes after a determiner: it modifies the noun ("Lindian cheese producers"), it names nothing itself.
ADJECTIVES = (
    ("a", "Alpha", "Kessland put a levy on Lindian cheese. Lindian producers object to it."),
    ("b", "Beta", "The levy on Lindian cheese imports angers Lindia. Kessland says it is fair."),
    ("c", "Gamma", "Lindia fights the levy. Kessland hit Lindian dairy exports with it."),
)


def test_naming_a_place_adjective_before_a_noun_is_no_referent() -> None:
    report = report_of(ADJECTIVES)
    assert not [n.referent for n in report.naming if any("Lindian" in f for f in forms_of(n))], \
        [(n.referent, sorted(forms_of(n))) for n in report.naming]


#: "the Ministry of Trade of Kessland" is the ministry's name, not the country's: the country's own
#: mentions ("Kessland") must not be filed under the ministry (on untuned EU-brandy pages every "China"
#: became a form of "Ministry of Commerce of China"). "the Republic of Lindia" stays the country.
OF_NAMES = (
    ("a", "Alpha", "The Ministry of Trade of Kessland said the levy stays. Kessland wants talks with Lindia."),
    ("b", "Beta", "Kessland keeps the levy, its trade ministry said. Lindia objects. The Republic of Lindia said so."),
    ("c", "Gamma", "Lindia and Kessland argue over the levy. Kessland says it is fair."),
)


def test_naming_a_country_after_an_institution_s_of_is_not_the_institution() -> None:
    report = report_of(OF_NAMES)
    kessland = next(n for n in report.naming if "Kessland" in forms_of(n))
    assert kessland.referent == "Kessland", (kessland.referent, sorted(forms_of(kessland)))
    assert "Ministry of Trade of Kessland" not in forms_of(kessland), sorted(forms_of(kessland))
    lindia = next(n for n in report.naming if "Lindia" in forms_of(n))
    assert "Republic of Lindia" in forms_of(lindia), sorted(forms_of(lindia))


#: An initialism defined after the lower-case words it spells is a form of their referent, plural or not.
INITIALISMS = (
    ("a", "Alpha", "Kessland put a levy on heat pumps (HPs) from Lindia. Lindia sells cheap HPs in Kessland."),
    ("b", "Beta", "The levy on Lindian heat pumps angers Lindia. Kessland says the heat pumps are dumped."),
    ("c", "Gamma", "Lindia ships HPs to Kessland. Kessland taxes the heat pumps from Lindia."),
)


def test_naming_an_initialism_defined_after_lower_case_words_joins_their_referent() -> None:
    report = report_of(INITIALISMS)
    pumps = [n for n in report.naming if "heat pumps" in forms_of(n)]
    assert len(pumps) == 1 and "HPs" in forms_of(pumps[0]), [(n.referent, sorted(forms_of(n))) for n in report.naming]
    assert not [n for n in report.naming if n is not pumps[0] and "HPs" in forms_of(n)]


#: A plural title before "of" opens no name ("Leaders of Kessland and Lindia met"): the country stays
#: its own referent, as after "President of" (untuned Thai-Cambodian ceasefire pages).
PLURAL_TITLES = (
    ("a", "Alpha", "Leaders of Kessland and Lindia agreed to a truce. Kessland will pull back its troops."),
    ("b", "Beta", "Kessland and Lindia agreed to a truce on Monday. Lindia said Kessland started the fighting."),
    ("c", "Gamma", "The truce between Kessland and Lindia holds. Kessland thanked the mediators."),
)


def test_naming_a_plural_title_before_of_opens_no_name() -> None:
    report = report_of(PLURAL_TITLES)
    kessland = next(n for n in report.naming if "Kessland" in forms_of(n))
    assert kessland.referent == "Kessland" and forms_of(kessland) == {"Kessland"}, \
        (kessland.referent, sorted(forms_of(kessland)))


#: A title with "of" and a country before a name is the name's descriptor, whole: "Prime Minister of
#: Chile Ada Lind", not "Chile Ada Lind" (untuned Thai-Cambodian ceasefire pages). A real country word:
#: the rule reads the country table.
TITLE_OF = (
    ("a", "Alpha", "Acting Prime Minister of Chile Ada Lind met Bo Tran on Monday. Lind said little."),
    ("b", "Beta", "Chile's prime minister Ada Lind met Bo Tran. Ada Lind wants a truce."),
    ("c", "Gamma", "Ada Lind and Bo Tran met in Lindia. Lind thanked Lindia."),
)


def test_naming_a_title_of_a_country_before_a_name_is_its_descriptor() -> None:
    report = report_of(TITLE_OF)
    lind = next(n for n in report.naming if "Ada Lind" in forms_of(n))
    assert "Acting Prime Minister of Chile Ada Lind" in forms_of(lind), sorted(forms_of(lind))
    assert "Chile Ada Lind" not in forms_of(lind), sorted(forms_of(lind))


#: Two outlets state one fact with different modifiers of one noun ("a landmark moment" / "a historic
#: moment"): the modifiers name no thing of their own (dev Shoal's "military / remote" of "outpost",
#: untuned papal-election pages' "historic / landmark").
MODIFIER_SWAP = (
    ("a", "Alpha", "In a landmark moment for Kessland, the council elected Ada Lind as its head on Monday."),
    ("b", "Beta", "In a historic moment for Kessland, the council elected Ada Lind as its head on Monday."),
    ("c", "Gamma", "Kessland's council chose Ada Lind on Monday. Lind thanked the council."),
)


def test_naming_swapped_modifiers_of_one_noun_are_no_referent() -> None:
    report = report_of(MODIFIER_SWAP)
    assert not [n.referent for n in report.naming if forms_of(n) & {"historic", "landmark"}], \
        [(n.referent, sorted(forms_of(n))) for n in report.naming]


#: An honorific written with its dot ("Mr. Lind", US style) is the name's descriptor, as "Mr Lind" is,
#: never a referent "Mr" of its own.
DOTTED = (
    ("a", "Alpha", "Mr. Lind met Bo Tran in Lindia on Monday. Dr. Tran said little."),
    ("b", "Beta", "Ada Lind met Bo Tran. Lind wants a truce, Tran said."),
    ("c", "Gamma", "Ada Lind and Bo Tran met in Lindia. Mr. Lind thanked Lindia."),
)


def test_naming_a_dotted_honorific_is_the_name_s_descriptor() -> None:
    found = {n.referent: forms_of(n) for n in report_of(DOTTED).naming}
    assert "Mr" not in found and "Mr." not in found, found
    assert "Mr. Lind" in next(f for f in found.values() if "Ada Lind" in f), found
    assert "Dr. Tran" in next(f for f in found.values() if "Bo Tran" in f), found


#: A name of three words after "of", spelt by the acronym in brackets after it, is one name with the
#: noun before "of" ("Association of Southeast Asian Nations (ASEAN)" was "Association" and "Asian
#: Nations" on untuned Thai-Cambodian ceasefire pages).
SPELT = (
    ("a", "Alpha", "Ada Lind chairs the Association of Northern Grain Exporters (ANGE) this year. ANGE met in Lindia."),
    ("b", "Beta", "The Association of Northern Grain Exporters (ANGE) met in Lindia on Monday. Lind chaired it."),
    ("c", "Gamma", "ANGE ministers met in Lindia. The bloc wants lower tariffs."),
)


def test_naming_a_long_of_name_spelt_by_its_acronym_is_one_name() -> None:
    found = {n.referent: forms_of(n) for n in report_of(SPELT).naming}
    assert "Association" not in found, found
    assert {"ANGE", "Association of Northern Grain Exporters"} <= next(f for f in found.values() if "ANGE" in f), found


#: A title is no first name: "President Biden" is not joined to a run that ends in "President" ("President
#: (Donald) Trump", cut by its bracket), which put Biden and another president's mentions in one table
#: (untuned Nippon Steel pages).
TITLE_UNION = (
    ("a", "Alpha", "Kessland bought the mill, after Biden had earlier blocked it. Trump allowed it."),
    ("b", "Beta", "The sale followed a review under President Biden. Trump approved the sale."),
    ("c", "Gamma", "The deal needs the president's consent. “We thank President (Donald) Trump,” Ada Lind said. "
                   "Trump backed the deal."),
)


def test_naming_a_title_is_no_first_name_of_a_union() -> None:
    biden = next(n for n in report_of(TITLE_UNION).naming if "President Biden" in forms_of(n))
    assert forms_of(biden) <= {"Biden", "President Biden"}, sorted(forms_of(biden))


#: An everyday word capitalised only where a sentence or a quotation starts names nothing ("“Peace be
#: with you,” he said" made "Peace" a referent of two outlets on untuned papal-election pages).
OPENING_WORDS = (
    ("a", "Alpha", "“Peace be with you,” Ada Lind told the crowd in Lindia. Lind smiled."),
    ("b", "Beta", "Ada Lind greeted the crowd: “Peace be with you.” Crowds cheered in Lindia."),
    ("c", "Gamma", "Ada Lind spoke in Lindia on Monday. Lind waved."),
)


def test_naming_an_everyday_word_opening_a_quotation_is_no_name() -> None:
    found = {n.referent: forms_of(n) for n in report_of(OPENING_WORDS).naming}
    assert not [r for r, forms in found.items() if "Peace" in forms], found


#: Review of this session's naming rules: "the King." at a sentence's end is no "Mr.", a title before one
#: name only still joins it ("King Charles" beside "the King"), and a company that only opens sentences stays.
KING = tuple((c, c.upper(), "The President was welcomed at Windsor by the King. Starmer joined the banquet later. "
              "King Charles spoke of old friendship, and the King raised a toast. Starmer said it went well.")
             for c in ("a", "b", "c"))
FORD = tuple((c, c.upper(), "Ford said it would cut jobs in Europe. Ford shares fell on the news.") for c in ("a", "b", "c"))


def test_naming_a_king_at_a_sentence_end_and_his_bare_title() -> None:
    found = {n.referent: forms_of(n) for n in report_of(KING).naming}
    starmer = next(f for f in found.values() if "Starmer" in f)
    king = next(f for f in found.values() if "King Charles" in f)
    assert starmer == {"Starmer"} and king == {"King", "King Charles"}, found


def test_naming_a_company_that_only_opens_sentences_stays() -> None:
    assert any("Ford" in forms_of(n) for n in report_of(FORD).naming)
