"""Which words belong to a name's form (issue 15, session 12): a family name written like a stop word,
a country inside a hyphenated pair, dotted initials cut out of a longer run.

Table-driven on small made-up articles (invented people; real country words only where the lexicon's
country words are the point). Each case failed before the rule it tests.
"""

from __future__ import annotations

import pytest

from framing.types import CorpusReport, Naming

from naming_cases import forms_of, report_of


def referent_with(report: CorpusReport, word: str) -> Naming:
    found = [n for n in report.naming if any(word in f.split() for f in forms_of(n))]
    assert len(found) == 1, [(n.referent, sorted(forms_of(n))) for n in report.naming]
    return found[0]


def _family_first(family: str, given: str) -> tuple[tuple[str, str, str], ...]:
    """A spokesman whose family name, written first, is spelt like an English stop word ("He", "Do").
    Mid-sentence after a lower-case word or a comma, that word can only be a name's."""
    name = f"{family} {given}"
    return (
        ("a", "Alpha", f"Kessland held no talks on the levy, said ministry spokesman {name} on Monday. "
                       f"{name} added that the levy must go."),
        ("b", "Beta", f"{name}, a spokesman for the ministry, said there were no talks on the levy."),
        ("c", "Gamma", f"There are no talks, said the ministry spokesperson, {name}. Kessland wants the levy gone. "
                       f"{name} left."),
    )


@pytest.mark.parametrize(("family", "given"), [("He", "Lanfeng"), ("Do", "Minh Tuan"), ("You", "Quanhai")])
def test_naming_a_family_name_spelt_like_a_stop_word_stays_in_the_name(family: str, given: str) -> None:
    person = referent_with(report_of(_family_first(family, given)), given.split()[-1])
    name = f"{family} {given}"
    assert person.referent == name, (person.referent, sorted(forms_of(person)))
    assert all(f.endswith(name) or f.startswith(("a ", "the ")) for f in forms_of(person)), sorted(forms_of(person))


#: A stop word before a name at a sentence's start, never capitalised mid-sentence: no part of the name.
OPENERS = (
    ("a", "Alpha", "In Kessland the levy stays. Officials in Kessland said little."),
    ("b", "Beta", "So Kessland waits. The levy stays in Kessland, officials said."),
    ("c", "Gamma", "To Kessland the levy is fair. Kessland keeps it."),
)


def test_naming_a_stop_word_opening_a_sentence_is_no_name_word() -> None:
    place = referent_with(report_of(OPENERS), "Kessland")
    assert forms_of(place) == {"Kessland"}, sorted(forms_of(place))


#: Countries joined by a hyphen modify the noun after them: the words in front describe that noun.
PAIRS = (
    ("a", "Alpha", "The ongoing Chile-Peru trade talks stalled on Monday. Chile blamed Peru for the delay."),
    ("b", "Beta", "Chile and Peru ended the trade talks on Monday. The ongoing dispute hurts Chile."),
    ("c", "Gamma", "The wider Chile-Peru rivalry goes on. Peru said Chile walked out of the talks."),
)


@pytest.mark.parametrize("country", ["Chile", "Peru"])
def test_naming_a_country_in_a_hyphenated_pair_takes_no_descriptor(country: str) -> None:
    place = referent_with(report_of(PAIRS), country)
    assert forms_of(place) == {country}, sorted(forms_of(place))


#: Dotted initials inside a title's run, a hyphenated pair and at a sentence's end: one form, "U.S.".
DOTTED = (
    ("a", "Alpha", "Kessland denied that U.S. President Ada Lind held talks. Chile-U.S. trade fell."),
    ("b", "Beta", "There are no talks with the U.S. Kessland said so on Monday. U.S. officials agreed."),
    ("c", "Gamma", "The U.S. and Kessland hold no talks, U.S. Treasury Secretary Bo Tran said."),
)


def test_naming_dotted_initials_keep_their_last_dot() -> None:
    us = next(n for n in report_of(DOTTED).naming if n.referent == "United States")
    assert forms_of(us) == {"U.S."}, sorted(forms_of(us))
    assert sum(n for cell in us.forms.values() for n in cell.values()) >= 5, us.forms


#: One ministry written "Ministry of X" and "X Ministry", with and without its country word.
MINISTRY = (
    ("a", "Alpha", "The Ministry of Fisheries said on Monday that the levy stays. The Ministry of Fisheries "
                   "keeps the levy on grain."),
    ("b", "Beta", "The Fisheries Ministry said the levy stays. A Fisheries Ministry spokesman left."),
    ("c", "Gamma", "Chile's Ministry of Fisheries kept the levy, and the Chilean Fisheries Ministry said so."),
)


def test_naming_ministry_of_x_and_x_ministry_are_one_referent() -> None:
    report = report_of(MINISTRY)
    found = {n.referent: forms_of(n) for n in report.naming if any("Fisheries" in f for f in forms_of(n))}
    assert len(found) == 1, found
    forms = next(iter(found.values()))
    assert {"Ministry of Fisheries", "Fisheries Ministry"} <= forms, forms
    # named as outlets write it most, not by the longest key it was linked to ("Chile Ministry of Fisheries")
    assert next(iter(found)) == "Ministry of Fisheries", found


#: A thing written only after a number ("a 20% toll") or before another noun ("toll talks"): the number
#: stands where a modifier would, and a use before a noun is that noun's modifier, no mention of the toll.
TOLLS = (
    ("a", "Alpha", "Kessland imposed a 20% toll on grain from Norland. Norland said toll talks had failed and "
                   "the talks would not resume."),
    ("b", "Beta", "Norland answered with a 15% toll on fruit. Both tolls hurt farmers, and toll talks failed."),
    ("c", "Gamma", "Kessland put 20 percent tolls on grain. Norland replied with tolls of its own; the talks "
                   "broke down."),
)


def test_naming_a_thing_written_after_a_number_is_a_referent_without_its_modifier_uses() -> None:
    report = report_of(TOLLS)
    tolls = [n for n in report.naming if "20% toll" in forms_of(n)]
    assert len(tolls) == 1, [(n.referent, sorted(forms_of(n))) for n in report.naming]
    assert {"20% toll", "15% toll", "20 percent tolls"} <= forms_of(tolls[0]), sorted(forms_of(tolls[0]))
    texts = {a.id: a.text for a in report.articles}
    assert not any(texts[m.article][m.end :].startswith(" talks") for m in tolls[0].mentions), tolls[0].mentions


#: A leader's name before a government word stands for the leader's country ("the Lind administration"),
#: also where the run "Lind" is read as a modifier and in an article naming Lind nowhere else.
ADMINISTRATION = (
    ("a", "Alpha", "US President Ada Lind met Kessland's envoy on Monday. Lind wants a deal, the US said."),
    ("b", "Beta", "The United States and Kessland held talks. Kessland criticised the Lind administration."),
    ("c", "Gamma", "Kessland said the Lind administration had made no offer. US officials said little."),
)


def test_naming_a_leader_s_administration_is_a_mention_of_the_country() -> None:
    us = next(n for n in report_of(ADMINISTRATION).naming if n.referent == "United States")
    cells = [cell for table in (us.forms, us.quoted_forms) for cell in table.values()]
    assert sum(cell.get("Lind administration", 0) for cell in cells) == 2, us.forms


#: An appositive of seven words ("a spokesperson for the Ministry of Fisheries") after a name.
APPOSITIVE = (
    ("a", "Alpha", "Bo Tran, a spokesperson for the Ministry of Fisheries, said the levy stays."),
    ("b", "Beta", "The levy stays, said Bo Tran. Tran spoke on Monday."),
)


def test_naming_a_seven_word_appositive_is_a_form_of_the_name() -> None:
    person = referent_with(report_of(APPOSITIVE), "Tran")
    assert "a spokesperson for the Ministry of Fisheries" in forms_of(person), sorted(forms_of(person))


#: A country word before a government word stands for the country ("the Chile side", "the Chile
#: government"); a demonym stays no mention of it ("the Chilean side", "Chilean farmers": the labels' rule).
SIDES = (
    ("a", "Alpha", "Chile said the levy stays. The Chile side wants talks, and Chilean farmers agree."),
    ("b", "Beta", "The Chile government said no on Monday. Chile wants talks with Peru."),
    ("c", "Gamma", "Officials said the Chilean side wants talks with Peru. Chile left."),
)


@pytest.mark.parametrize("form", ["Chile side", "Chile government"])
def test_naming_a_country_s_side_or_government_is_a_mention_of_it(form: str) -> None:
    chile = next(n for n in report_of(SIDES).naming if n.referent == "Chile")
    assert form in forms_of(chile), sorted(forms_of(chile))
    assert not any(f.startswith("Chilean") for f in forms_of(chile)), sorted(forms_of(chile))


#: Tolls written mostly in the plural, and "the final toll rate" two outlets share: the shared phrase
#: makes "toll" there the rate's modifier, whatever number the head is most written in.
TOLL_RATE = (
    ("a", "Alpha", "Kessland raised tolls on grain. The final toll rate will fall, Lind said. Tolls hurt."),
    ("b", "Beta", "Norland faces tolls on grain. Lind hinted that the final toll rate would be lower."),
    ("c", "Gamma", "Kessland's grain-import tolls stay. Norland wants the tolls gone."),
)


def test_naming_a_plural_head_s_use_in_a_shared_phrase_is_no_mention() -> None:
    report = report_of(TOLL_RATE)
    tolls = next(n for n in report.naming if "tolls" in forms_of(n))
    texts = {a.id: a.text for a in report.articles}
    assert not any(texts[m.article][m.end :].startswith(" rate") for m in tolls.mentions), tolls.mentions


#: A one-word name before a plural noun is a modifier ("Lind tariffs"), but before a verb in -s with a
#: particle or a possessive after it ("Lind steps up his campaign", "Lind backs down") it is the name.
VERB_AFTER = (
    ("a", "Alpha", "Ada Lind met Ben Ode in Dorvia. The trip ends as Lind steps up his campaign at home. "
                   "The steps were small."),
    ("b", "Beta", "Ada Lind spoke in Dorvia. Lind signs his deals on Friday, and Lind tariffs stay. The signs "
                  "and the tariffs were plain."),
)


def test_naming_a_name_before_a_verb_with_a_particle_is_a_mention() -> None:
    from naming_cases import report_of
    report = report_of(VERB_AFTER)
    lind = [n for n in report.naming if n.referent.endswith("Lind")]
    assert lind, [n.referent for n in report.naming]
    spans = {(m.article, m.form) for m in lind[0].mentions}
    counts = [m.article for m in lind[0].mentions if m.form == "Lind"]
    assert counts.count("a") == 1 and counts.count("b") == 1, spans


#: A country word before a capitalised plural is no first name (session 14, untuned pages): "Chinese EVs"
#: after "Chinese electric vehicles (EVs)" put the vehicles under China.
COUNTRY_BEFORE_ACRONYM = (
    ("a", "Alpha", "Dorvia approved tariffs on Chinese electric vehicles (EVs). The duties on Chinese EVs start "
                   "in October. China said it would respond."),
    ("b", "Beta", "Dorvia put duties on Chinese EVs. China criticised the move. China said it would respond."),
    ("c", "Gamma", "China attacked the Dorvia tariffs on electric vehicles. China said it would fight back."),
)


def test_naming_a_country_word_is_no_first_name() -> None:
    china = next(n for n in report_of(COUNTRY_BEFORE_ACRONYM).naming if n.referent == "China")
    assert {m.form for m in china.mentions} == {"China"}, sorted({m.form for m in china.mentions})
