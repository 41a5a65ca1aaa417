"""Context rules and topic words for tone, parsed from data files (``tone_rules.csv``, ``tone_topics.csv``).

A lexicon gives each word one valence; news prose uses some of those words in ways that carry no
judgement. Rather than word lists in code, these files say when a word does not count and which words
name the topic of a report rather than evaluate it (issue 11, item 5):

* ``phrase`` rows: the word does not count inside the phrase ("top" in "on top of", "justice" in
  "Justice Department");
* ``name`` rows: a capitalised word is part of a name ("Dick Cheney"). ``*, name, in_name`` covers every
  tone word written with a capital next to another capitalised word; ``<word>, name, capitalised``
  covers a first name written alone ("Dick said"), also at a sentence's start before another capital;
  ``*, name, capitalised`` every tone word capitalised in mid-sentence ("Flake said", not after a
  sentence-opening mark such as a colon or a quotation mark, not written in capitals throughout);
  ``<title>, name, title`` rows ("mr", "dr") make a capitalised tone word right after the title a
  surname: the title's full stop ("Mr. Love") does not open a sentence;
* ``clause`` rows: punctuation or words that end a clause, used to read the tone of the clause around a
  target (the NewsMTSC check; see :func:`framing.tone.clause_window`). Reporting verbs ("said", "told")
  are clause words: what a speaker says is a report of its own, not tone toward the speaker;
* ``scope`` rows: punctuation that ends the reach of a negation or an intensifier ("Without fail,
  disappointment ..." does not negate "disappointment"); a clause mark ends it too;
* ``contrast`` rows: words that weigh one part of a sentence against another. ``after`` ("but",
  "however") is VADER's "but" rule: words before it count half, words after it 1.5 times.
  ``concession`` ("although", "though") opens a conceded clause, up to the next comma or clause mark
  (or the sentence's end): its words count half, the rest of the sentence 1.5 times ("Although the plan
  was praised, it failed" is negative). Concessions need the text's punctuation, so they apply when the
  caller passes ``text``; the first contrast word of a sentence decides;
* ``negation`` rows: words that negate the words after them as VADER's list does ("no good answer",
  "hardly a success"); with the context ``no_valence`` the word negates but carries no valence of its own,
  even where VADER's list gives negation words one ("without support" negates "support", but "without" alone
  is a preposition, not a negated statement); ``shifter`` rows: polarity shifters, read as a negation of what follows ("reduce
  the risk", "prevent deaths", "a lack of progress"): neither word needs to be on VADER's list, and a
  shifter keeps its own valence, if any;
* ``intensifier`` rows: degree words beyond VADER's boosters, ``up`` or ``down``: right before a tone
  word the degree word carries no valence of its own and moves the word by VADER's step ("pretty
  good" is moderately good, not "beautiful" plus "good");
* the ``*, lemma,`` row: a word form the lexicons do not list is scored as its lemma ("plunged" as
  "plunge", "victories" as "victory"), unless ``tone_news.csv`` sets the form (to 0 to block it:
  "fines" are penalties, not "fine");
* ``hedge`` rows: a ``clause`` hedge (the modals "would", "could", ...) makes the words after it in
  its clause (up to the next comma or clause mark) count ``HEDGE_FACTOR`` times (:mod:`framing.tone`):
  a conditional or a possibility is a weaker judgement than a statement; a ``sentence`` hedge ("?")
  does the same for every word of a sentence that ends with it (a question asserts less). Hedges
  need the text.

``tone_topics.csv`` lists topic and event words ("war", "attack", "crisis", "killed"): their lexicon
valence is multiplied by the fitted ``topic_weight`` (``tone_weights.csv``), so a factual report of a war
reads less negative than an opinion about it. Both parsers report the file and line of a bad row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import LexiconError
from .types import EMPTY_MAPPING, read_only

__all__ = ["ToneRules", "parse_tone_rules", "parse_tone_topics", "RULE_KINDS", "NAME_CONTEXTS", "CONTRAST_CONTEXTS",
           "HEDGE_CONTEXTS"]

#: The kinds of rule a ``tone_rules.csv`` row may give.
RULE_KINDS = ("phrase", "name", "clause", "scope", "contrast", "hedge", "negation", "shifter", "intensifier", "lemma")
#: For ``name`` rows: inside a run of capitalised words, capitalised anywhere but a sentence's start, or
#: right after a courtesy or office title ("Mr.", "Dr.": the row's term is the title).
NAME_CONTEXTS = ("in_name", "capitalised", "title")
#: For ``contrast`` rows: the word turns the sentence ("but": what follows outweighs what precedes), or it
#: opens a conceded clause ("although": the clause it opens is outweighed by the rest of the sentence).
CONTRAST_CONTEXTS = ("after", "concession")
#: For ``hedge`` rows: a word that hedges the rest of its clause ("would"), or a mark that hedges the
#: whole sentence when the sentence ends with it ("?").
HEDGE_CONTEXTS = ("clause", "sentence")
#: For ``intensifier`` rows: the word strengthens ("truly") or weakens ("fairly") the tone word after it.
INTENSIFIER_CONTEXTS = ("up", "down")
#: For ``negation`` rows: empty (the word negates what follows), or ``no_valence`` (it negates what follows and
#: carries no valence of its own, even where VADER's list gives negation words one: "without").
NEGATION_CONTEXTS = ("", "no_valence")
#: VADER's contrast word, the rule used when no rules file is given (the tone of version 1).
VADER_CONTRAST = frozenset({"but"})
#: The term of a rule that applies to every tone word (only ``name, in_name`` rows).
EVERY_WORD = "*"


@dataclass(frozen=True, slots=True)
class ToneRules:
    """When a tone word does not count, and what ends a clause; see the module docstring.

    ``phrases`` maps a word to the phrases (as lower-case word tuples) in which it does not count;
    ``scope_marks`` end a negation's or an intensifier's reach (with the clause marks);
    ``contrast_after`` and ``concessions`` are the ``contrast`` rows (VADER's "but" alone by default);
    ``hedges`` the words that hedge the rest of their clause, ``hedge_endings`` the marks that hedge a
    sentence ending with them.
    """

    phrases: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=lambda: EMPTY_MAPPING)
    names_in_runs: bool = False
    capitalised_names: frozenset[str] = frozenset()
    clause_marks: frozenset[str] = frozenset()
    clause_words: frozenset[str] = frozenset()
    version: str = "none"
    scope_marks: frozenset[str] = frozenset()
    contrast_after: frozenset[str] = VADER_CONTRAST
    concessions: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    hedge_endings: frozenset[str] = frozenset()
    names_capitalised: bool = False
    negators: frozenset[str] = frozenset()
    shifters: frozenset[str] = frozenset()
    intensifiers: frozenset[str] = frozenset()
    diminishers: frozenset[str] = frozenset()
    lemmas: bool = False
    #: Courtesy and office titles (``name, title`` rows): a capitalised word right after one is a name.
    name_titles: frozenset[str] = frozenset()
    #: Negation words that negate what follows but carry no valence of their own (``negation, no_valence`` rows).
    unscored_negations: frozenset[str] = frozenset()


def parse_tone_rules(text: str, *, source: str, version: str = "user") -> ToneRules:
    """Validate ``term, rule, context, note`` CSV text and return the rules.

    Raises
    ------
    LexiconError
        Missing column, unknown rule, a phrase that does not contain its word, an unknown name
        context, ``*`` on anything but ``name, in_name``, a scope break that is not one punctuation mark,
        a contrast row whose context is not ``after`` or ``concession`` (or whose word has both), a
        hedge row whose context is not ``clause`` (a word) or ``sentence`` (a mark), or a repeated row;
        the message names file and line.

    Examples
    --------
    >>> rules = parse_tone_rules('term,rule,context\\ntop,phrase,on top of\\n*,name,in_name\\n;,clause,\\n",",scope,\\n',
    ...                          source="r.csv")
    >>> rules.phrases["top"], rules.names_in_runs, sorted(rules.clause_marks), sorted(rules.scope_marks)
    ((('on', 'top', 'of'),), True, [';'], [','])
    >>> parse_tone_rules("term,rule,context\\ntop,phrase,on the of\\n", source="r.csv")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: r.csv line 2: phrase 'on the of' does not contain the word 'top'
    """
    reader = _reader(text, ("term", "rule", "context"), source=source, header="term,rule,context,note")
    phrases: dict[str, list[tuple[str, ...]]] = {}
    in_runs, capitalised, marks, words, scope = False, set(), set(), set(), set()
    titles: set[str] = set()
    every_capitalised = lemmas = False
    contrast: dict[str, set[str]] = {context: set() for context in CONTRAST_CONTEXTS}
    hedges: dict[str, set[str]] = {context: set() for context in HEDGE_CONTEXTS}
    negators: set[str] = set()
    unscored: set[str] = set()
    shifters: set[str] = set()
    degree: dict[str, set[str]] = {context: set() for context in INTENSIFIER_CONTEXTS}
    seen: dict[tuple[str, str, str], int] = {}
    for row in reader:
        where = f"{source} line {reader.line_num}"
        term = str(row.get("term") or "").strip().lower()
        rule = str(row.get("rule") or "").strip().lower()
        context = " ".join(str(row.get("context") or "").lower().split())
        if not term:
            raise LexiconError(f"{where}: empty term; write a word (or '*' for a name rule)")
        if rule not in RULE_KINDS:
            raise LexiconError(f"{where}: unknown rule '{rule}' (use one of {', '.join(RULE_KINDS)})")
        key = (term, rule, context)
        if key in seen:
            raise LexiconError(f"{where}: same rule as line {seen[key]}; keep one row per rule")
        seen[key] = reader.line_num
        if term == EVERY_WORD and (rule, context) not in (("name", "in_name"), ("name", "capitalised"), ("lemma", "")):
            raise LexiconError(f"{where}: '*' is allowed only as '*,name,in_name', '*,name,capitalised' or '*,lemma,'")
        if rule == "lemma" and term != EVERY_WORD:
            raise LexiconError(f"{where}: the lemma rule applies to every word; write it as '*,lemma,'")
        if rule == "lemma":
            lemmas = True
        elif rule == "phrase":
            phrase = tuple(context.split())
            if term not in phrase:
                raise LexiconError(f"{where}: phrase '{context}' does not contain the word '{term}'")
            phrases.setdefault(term, []).append(phrase)
        elif rule == "name":
            if context not in NAME_CONTEXTS:
                raise LexiconError(f"{where}: unknown name context '{context}' (use one of {', '.join(NAME_CONTEXTS)})")
            if context == "title":
                if not term.isalpha():
                    raise LexiconError(f"{where}: a title must be one word without its full stop ('mr'), not '{term}'")
                titles.add(term)
            elif term == EVERY_WORD and context == "capitalised":
                every_capitalised = True
            elif term == EVERY_WORD:
                in_runs = True
            elif context == "capitalised":
                capitalised.add(term)
            else:
                raise LexiconError(f"{where}: 'in_name' applies to every word; write it as '*,name,in_name'")
        elif rule == "scope":
            if len(term) != 1 or term.isalnum():
                raise LexiconError(f"{where}: scope break '{term}' must be one punctuation mark")
            scope.add(term)
        elif rule == "contrast":
            if context not in CONTRAST_CONTEXTS:
                raise LexiconError(f"{where}: unknown contrast context '{context}' (use one of {', '.join(CONTRAST_CONTEXTS)})")
            if not term.isalpha():
                raise LexiconError(f"{where}: contrast word '{term}' must be one word")
            if any(term in kept for kept in contrast.values()):
                raise LexiconError(f"{where}: '{term}' is already a contrast word; give it one context")
            contrast[context].add(term)
        elif rule == "hedge":
            if context not in HEDGE_CONTEXTS:
                raise LexiconError(f"{where}: unknown hedge context '{context}' (use one of {', '.join(HEDGE_CONTEXTS)})")
            if (context == "clause") != term.isalpha() or (context == "sentence" and len(term) != 1):
                kind = "one word" if context == "clause" else "one punctuation mark"
                raise LexiconError(f"{where}: a '{context}' hedge must be {kind}, not '{term}'")
            hedges[context].add(term)
        elif rule in ("negation", "shifter"):
            if not term.isalpha():
                raise LexiconError(f"{where}: a {rule} must be one word, not '{term}'")
            if context and (rule == "shifter" or context not in NEGATION_CONTEXTS):
                allowed = "no context" if rule == "shifter" else "no context or 'no_valence'"
                raise LexiconError(f"{where}: a {rule} row takes {allowed} (found '{context}')")
            if term in (shifters if rule == "negation" else negators):
                raise LexiconError(f"{where}: '{term}' is already a {'shifter' if rule == 'negation' else 'negation'}; "
                                   "give it one rule")
            (negators if rule == "negation" else shifters).add(term)
            if context == "no_valence":
                unscored.add(term)
        elif rule == "intensifier":
            if context not in INTENSIFIER_CONTEXTS:
                raise LexiconError(f"{where}: unknown intensifier context '{context}' "
                                   f"(use one of {', '.join(INTENSIFIER_CONTEXTS)})")
            if not term.isalpha():
                raise LexiconError(f"{where}: an intensifier must be one word, not '{term}'")
            if any(term in kept for kept in degree.values()):
                raise LexiconError(f"{where}: '{term}' is already an intensifier; give it one context")
            degree[context].add(term)
        elif term.isalpha():
            words.add(term)
        elif len(term) == 1:
            marks.add(term)
        else:
            raise LexiconError(f"{where}: clause break '{term}' must be one word or one punctuation mark")
    return ToneRules(
        phrases=read_only({w: tuple(p) for w, p in phrases.items()}),
        names_in_runs=in_runs,
        capitalised_names=frozenset(capitalised),
        clause_marks=frozenset(marks),
        clause_words=frozenset(words),
        version=version,
        scope_marks=frozenset(scope),
        contrast_after=frozenset(contrast["after"]),
        concessions=frozenset(contrast["concession"]),
        hedges=frozenset(hedges["clause"]),
        hedge_endings=frozenset(hedges["sentence"]),
        names_capitalised=every_capitalised,
        negators=frozenset(negators),
        shifters=frozenset(shifters),
        intensifiers=frozenset(degree["up"]),
        diminishers=frozenset(degree["down"]),
        lemmas=lemmas,
        name_titles=frozenset(titles),
        unscored_negations=frozenset(unscored),
    )


def parse_tone_topics(text: str, *, source: str) -> frozenset[str]:
    """Validate ``term, category, note`` CSV text and return the topic words (one lower-case word a row).

    Examples
    --------
    >>> sorted(parse_tone_topics("term,category\\nwar,conflict\\ncrisis,conflict\\n", source="t.csv"))
    ['crisis', 'war']
    >>> parse_tone_topics("term,category\\nwar crimes,conflict\\n", source="t.csv")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: t.csv line 2: topic term 'war crimes' must be one word
    """
    reader = _reader(text, ("term", "category"), source=source, header="term,category,note")
    terms: dict[str, int] = {}
    for row in reader:
        where = f"{source} line {reader.line_num}"
        term = str(row.get("term") or "").strip().lower()
        if not term or not term.replace("'", "").isalpha():
            raise LexiconError(f"{where}: topic term '{term}' must be one word")
        if not str(row.get("category") or "").strip():
            raise LexiconError(f"{where}: empty category for '{term}'; say what kind of topic word it is")
        if term in terms:
            raise LexiconError(f"{where}: duplicate term '{term}' (first on line {terms[term]})")
        terms[term] = reader.line_num
    return frozenset(terms)


def _reader(text: str, required: tuple[str, ...], *, source: str, header: str) -> csv.DictReader[str]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in required if c not in columns]
    if missing:
        raise LexiconError(f"{source}: missing column(s) {', '.join(missing)}; the header must be '{header}'")
    reader.fieldnames = columns
    return reader
