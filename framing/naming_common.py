"""Common-noun referents: things outlets name without a capital letter ("ballistic missile",
"intermediate-range missile", "the missile").

Why from the aligned facts: a lower-case noun is only a referent worth a naming table when several
outlets state the same fact with it; across all words it would be every noun of the corpus. So a
head noun qualifies when the aligned mentions of one fact use it in two or more outlets, and the
outlets write it with at least two different sets of modifiers (which is what a naming choice is).
Each use of the head anywhere in an outlet's text is then a mention, with its modifiers as the form.

Facts across outlets do not always align, so a second source: the nouns of each article's lead (its
first ``LEAD_SENTENCES`` sentences, where a news story says what it is about) that at least half of
the outlets, and two or more, use there ("the deal", "the submarines"). A plural and its singular are
one head ("submarine" / "submarines"), and so are the nouns of one synonym group of
``naming_words.json`` ("deal" / "pact" / "agreement", "submarine" / "sub"): outlets name one thing
with different nouns, which is the naming choice the table is for.

Groups named by a number ("the three nations", "Ruritania's four allies") are referents of their own
(:func:`group_mentions`): a number word and a plural noun of one class (countries or people, from
``naming_words.json``); the nouns differ between outlets, the number and the class stay.
"""

from __future__ import annotations

import calendar
import functools
from bisect import bisect_right
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from .stopwords import ENGLISH_STOP_WORDS
from .word_frequency import zipf_frequency

from .naming_aliases import load_naming_words
from .segment import lemmatize
from .types import CoverageSource, Fact, NamingMention

__all__ = ["ADJECTIVE_ENDINGS", "MAX_COMMON_REFERENTS", "NAME_PARTICLES", "common_mentions", "group_mentions", "title_case_line",
           "unnamed_title_mentions"]

#: Lower-case particles inside a personal name, between two capitalised words ("Ursula von der Leyen",
#: "Lula da Silva", "Osama bin Laden"): a name run goes on over them (``naming._NAME_RUN``), and none
#: heads a common-noun referent. Without them one person was three referents ("Ursula", "der",
#: "Leyen"; session 16, untuned EU-Mercosur pages).
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "do", "dos", "das", "du", "del", "bin", "ibn", "al"})

#: Common-noun referents kept (most widely shared first): names stay the bulk of the table. 12 since
#: the shared phrases (naming_words 1.3.0): the EU sanctions dev reader lists 20 things named in lower case;
#: 16 since session 10 (the EU goods two outlets list ranked below the twelfth; EU dev precision rose too).
MAX_COMMON_REFERENTS = 16
#: Head nouns read through every text, most widely shared first (each costs one pass over the texts):
#: 20 when 5 referents were kept; twice the referents kept since 12 are (more cost 0.5 s of naming
#: on bench/coverage_scale.py's 1,000 articles and changed no dev figure).
MAX_HEADS_TRIED = 2 * MAX_COMMON_REFERENTS
#: Modifier words taken before a head noun ("suspected intermediate-range ballistic").
MAX_MODIFIERS = 3
#: Sentences of an article read as its lead (headline, standfirst, first paragraph in these pages).
LEAD_SENTENCES = 3
_WORD = re.compile(r"[a-z][\w-]*")
_CALENDAR = frozenset(w for w in (*calendar.month_name, *calendar.day_name) if w)
_ANY_WORD = re.compile(r"[A-Za-z][\w-]*")
#: Endings of demonyms and adjectives of places ("Chinese", "Philippine", "Korean", "French").
ADJECTIVE_ENDINGS = ("ese", "ine", "ian", "ean", "can", "ish", "ic", "ch", "ani", "ali", "aeli")
#: Words that open a noun phrase: determiners and small numbers.
_PHRASE_STARTS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                            "both", "two", "three", "four", "five"})


#: A title-case line: at least this many content words, and at least this share of them capitalised
#: ("date 2025-03-04 U.S. Tariffs on Canada, Mexico Take Effect" has one lower-case word of eight).
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.8
_LINE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def title_case_line(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` is written in title case (a headline), by its content words.

    >>> text = "Kessland Levies Take Effect on Dorvia\\nThe levies took effect on Monday, officials said."
    >>> title_case_line(text, 3), title_case_line(text, 45)
    (True, False)
    """
    starts, ends = _title_case_lines(text)
    i = bisect_right(starts, at) - 1
    return i >= 0 and at <= ends[i]


@functools.lru_cache(maxsize=256)
def _title_case_lines(text: str) -> tuple[list[int], list[int]]:
    """The start and end offsets of ``text``'s title-case lines, read once per text (asking per name
    re-read a 26,000-character one-line page for each of its names: 25 times the naming's CPU time)."""
    starts: list[int] = []
    ends: list[int] = []
    line_start = 0
    for line in text.split("\n"):
        words = [w for w in _LINE_WORD.findall(line) if len(w) >= 3 and w.lower() not in ENGLISH_STOP_WORDS]
        if len(words) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words):
            starts.append(line_start)
            ends.append(line_start + len(line))
        line_start += len(line) + 1
    return starts, ends


#: A capitalised word inside a prose sentence: after a word (the second word of a name too,
#: "the BRICS Summit") or a comma.
_MID_CAPITAL = re.compile(r"(?<=[A-Za-z.,;] )([A-Z][a-z]+)")


def _prose_capitals(reports: Iterable[CoverageSource]) -> frozenset[str]:
    """Words the corpus capitalises inside prose sentences (outside title-case lines): a name's words."""
    found: set[str] = set()
    for report in reports:
        for match in _MID_CAPITAL.finditer(report.text):
            if match.group(1) not in found and not title_case_line(report.text, match.start()):
                found.add(match.group(1))
    return frozenset(found)


def _singular(word: str) -> str:
    """The head a plural counts under ("submarines" -> "submarine", "countries" -> "country");
    "-ss" words are not plurals, and neither are "series" and "species".

    >>> [_singular(w) for w in ("submarines", "countries", "territories", "talks", "press", "series", "ties")]
    ['submarine', 'country', 'territory', 'talk', 'press', 'series', 'ties']
    """
    if word.endswith("ies") and len(word) > 5 and word not in {"series", "species"}:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4 and word not in {"series", "species"}:
        return word[:-1]
    return word


def _with_plural(word: str) -> str:
    """A regex for ``word`` and its plural ("country" -> countr(?:y|ies), "deal" -> deal(?:s|es)?).

    >>> [bool(re.fullmatch(_with_plural("country"), w)) for w in ("country", "countries", "countrys")]
    [True, True, False]
    """
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    return re.escape(word) + "(?:s|es)?"


def _canonical(word: str) -> str:
    """The head a noun counts under: its synonym group's first word, else its singular's
    ("pacts" -> "deal", "subs" -> "submarine", "negotiations" -> "talks").

    >>> [_canonical(w) for w in ("pacts", "good", "products", "talk")]
    ['deal', 'goods', 'goods', 'talk']
    """
    words = load_naming_words()
    if word in words.head_synonyms:
        return words.head(word)
    if word + "s" in words.head_synonyms and words.head(word + "s") in words.origin_heads:
        return words.head(word + "s")  # "good", the singular a shared phrase keys "goods" by
    return words.head(_singular(word))


def _long_enough(word: str) -> bool:
    """Words of two letters are too vague to head a referent; three letters may ("cap", "war",
    "ban", "oil": the price cap of a sanctions story was lost to a four-letter minimum)."""
    return len(word) >= 3 or word in load_naming_words().head_synonyms


def _modifier_like(word: str, nouns: set[str]) -> bool:
    """A word that can modify a head noun: hyphenated ("intermediate-range"), one the corpus uses after
    a determiner, or a country word ("Australian leaders", "British-designed sub"); participles and
    plural forms are mostly verbs here ("fires", "launched"), but a plural in -ions is a noun, never a
    verb ("sanctions package", "operations centre")."""
    if word[:1].isupper():  # a demonym or a compound ("Virginia-class"), not a name ("US later" is no phrase)
        first = word.split("-")[0]
        return "-" in word or first.lower().endswith(ADJECTIVE_ENDINGS) and load_naming_words().country(first) is not None
    if word in load_naming_words().modifier_words:
        return True  # "a full ceasefire", "third countries": stop-list words that modify a noun
    if word in ENGLISH_STOP_WORDS or word.isdigit():
        return False
    if "-" in word:
        return True
    return word in nouns and not word.endswith(("ed", "ing")) and (not word.endswith("s") or word.endswith("ions"))


def _before_noun(text: str, end: int, nouns: set[str]) -> bool:
    """Whether a noun follows ``end``: a word of ``nouns`` off the stop list, or one of the stop list's
    nouns (``stop_nouns`` of ``naming_words.json``: "call" of "phone call")."""
    following = _NEXT_LOWER.match(text[end : end + 40])
    if following is None:
        return False
    word = following.group(1)
    return word in nouns and word not in ENGLISH_STOP_WORDS or word in load_naming_words().stop_nouns


def _heads(reports: dict[str, CoverageSource], facts: Sequence[Fact], nouns: set[str],
           phrases: dict[tuple[str, str], set[str]], joined: dict[str, str] | None = None) -> Counter[str]:
    """Lower-case head nouns used in two or more outlets' mentions of one fact, by outlets; also
    the nouns most outlets put in their leads and the heads of ``phrases`` (:func:`shared_phrases`)."""
    outlets_of: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if len(fact.outlets) < 2:
            continue
        per_outlet: dict[str, set[str]] = defaultdict(set)
        for m in fact.mentions:
            report = reports.get(m.article)
            if report is not None:
                per_outlet[report.outlet].update(w for w in _WORD.findall(report.text[m.start : m.end])
                                                 if w in nouns and w not in ENGLISH_STOP_WORDS and _long_enough(w))
        shared = Counter(w for words in per_outlet.values() for w in words)
        for word, count in shared.items():
            if count >= 2:
                outlets_of[word].update(o for o, words in per_outlet.items() if word in words)
    # The leads: nouns most outlets put in their first sentences, heading a noun phrase there
    # (after a determiner, a number, a lower-case word or a demonym: "the deal", "three leaders",
    # "submarine building deal", "Australian leaders"; not after a name: "the US later said").
    in_lead: dict[str, set[str]] = defaultdict(set)
    for report in reports.values():
        for sentence in list(report.sentences)[:LEAD_SENTENCES]:
            words = _ANY_WORD.findall(report.text[sentence.start : sentence.end])
            for previous, w in zip(words, words[1:]):
                if (w in nouns and w not in ENGLISH_STOP_WORDS and _long_enough(w)
                        and (previous.lower() in _PHRASE_STARTS or _modifier_like(previous, nouns)
                             or previous[0].islower() and previous not in ENGLISH_STOP_WORDS)):
                    in_lead[_canonical(w)].add(report.outlet)
    outlets_total = len({r.outlet for r in reports.values()})
    needed = max(2, -(-outlets_total // 2))
    for word, outlets in in_lead.items():
        if len(outlets) >= needed:
            outlets_of[word].update(outlets)
    for (_, word), outlets in phrases.items():
        outlets_of[word].update(outlets)
    owned: dict[str, set[str]] = defaultdict(set)
    for report in reports.values():
        for word in _owned_nouns(report.text, nouns):
            owned[_canonical(word)].add(report.outlet)
    for word, outlets in owned.items():
        if len(outlets) >= needed:
            outlets_of[word].update(outlets)
    merged: dict[str, set[str]] = defaultdict(set)
    skipped = load_naming_words().non_referent_heads
    for word, outlets in outlets_of.items():
        if _singular(word) not in skipped and word not in skipped and word not in NAME_PARTICLES:
            canonical = _canonical(word)
            merged[(joined or {}).get(canonical, canonical)].update(outlets)
    return Counter({w: len(o) for w, o in merged.items()})


#: An owner before a noun phrase: a name or initials, possessive or not ("Trump's", "US"), or a
#: title in the possessive ("the president's"); the phrase's words follow (:func:`_owned_nouns`).
_OWNER = re.compile(r"(?<![\w'’.-])(?=((?:[A-Z]\.){2,}|[A-Z][\w-]*|[a-z]+(?=['’]s ))(['’]s)?"
                    r"((?: [a-z][\w-]*){1,3}))")  # a lookahead: "U.S. president's moves" holds two owners


def _owned_nouns(text: str, nouns: set[str]) -> list[str]:
    """The nouns ``text`` writes owned by a name or a title: a thing somebody in the story has or does
    is a thing the story is about, though outlets may state no one fact about it alike (one outlet's
    "moves", another's "actions", a third's "decision"). The head is the first word of the phrase
    after the owner that no noun follows; the words before it must be modifiers (no stop word, no
    adverb). A country word owns without a possessive ("the US decision"), other names do not
    ("Kessland said").

    >>> sorted(_owned_nouns("Kessland's harsh levy and the US decision angered the president's allies. Kessland said",
    ...                     {"levy", "decision"}))
    ['allies', 'decision', 'levy']
    """
    found = []
    naming_words = load_naming_words()
    for match in _OWNER.finditer(text):
        owner, possessive = match.group(1), match.group(2)
        if owner.lower() in ENGLISH_STOP_WORDS and not owner.isupper() or owner in _CALENDAR:
            continue
        if owner.islower() and owner not in naming_words.titles:
            continue  # "the president's moves": a title owns; "the day's events" does not
        if not possessive and (naming_words.country(owner) is None or naming_words.demonym(owner)
                               or not _owned_phrase(text, match.start(3) + 1)):
            continue
        words = match.group(3).split()
        for k, noun in enumerate(words):
            if noun in ENGLISH_STOP_WORDS and noun not in naming_words.stop_nouns or _adverb(noun):
                break
            following = words[k + 1] if k + 1 < len(words) else None
            if following is not None and following in nouns and following not in ENGLISH_STOP_WORDS:
                continue  # "harsh levy": the phrase goes on
            # After a possessive a noun phrase's head stands, as after a determiner.
            if ((noun in nouns or possessive and _noun_head(noun)) and _long_enough(noun)
                    and not noun.endswith(("ed", "ing"))):
                found.append(noun)
            break
    return found


def event_compounds(reports: Iterable[CoverageSource], needed: int) -> dict[str, str]:
    """Event nouns one story's outlets join into one name: "ceasefire deal", "sanctions package".

    Two nouns of ``event_heads`` of ``naming_words.json`` (what a story's deal, truce or measures are
    called) that ``needed`` outlets or more write one right before the other name one thing: the first
    used alone ("the ceasefire", "the updated sanctions") is a form of the second's referent. Returns
    each first noun's head (its synonym group's first word) to the second's; a noun written first
    before two others, or both first and second, is left alone (which thing it names is unclear).

    >>> from types import SimpleNamespace as Ns
    >>> texts = {"A": "A ceasefire deal was signed.", "B": "The ceasefire agreement holds.", "C": "A truce."}
    >>> event_compounds([Ns(outlet=o, text=t) for o, t in texts.items()], 2)
    {'ceasefire': 'deal'}
    """
    words = load_naming_words()
    if not words.event_heads:
        return {}
    alternatives = "|".join(_with_plural(w) for w in sorted(words.event_heads, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])(" + alternatives + r") (?=(" + alternatives + r")(?![\w-]))", re.IGNORECASE)
    outlets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for report in reports:
        for match in pattern.finditer(report.text):
            first, second = _canonical(match.group(1).lower()), _canonical(match.group(2).lower())
            if first != second:
                outlets[(first, second)].add(report.outlet)
    pairs = [pair for pair, found in outlets.items() if len(found) >= needed]
    firsts = Counter(first for first, _ in pairs)
    seconds = {second for _, second in pairs}
    return {first: second for first, second in pairs if firsts[first] == 1 and first not in seconds}


#: A lower-case word and the word after it, within a sentence (the pair a shared phrase is read from).
_PAIR = re.compile(r"(?<![\w'’-])([A-Za-z][a-z-]*|[A-Z]{2,6})(?= ([a-z][a-z-]*)(?![\w'’-]))")


def _body_initialism(word: str) -> bool:
    """An all-capitals word of two to six letters that is no country ("WTO", "NATO"; not "US"): as the
    first word of a shared phrase it names the body the thing belongs to ("WTO rules", "WTO members").

    >>> [_body_initialism(w) for w in ("WTO", "US", "UK", "Kessland", "A")]
    [True, False, False, False, False]
    """
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and load_naming_words().country(word) is None


def _noun_head(word: str) -> bool:
    """A word that can head a noun phrase: not a stop word, an adverb, a gerund or an inflected verb
    ("said", "took"); a plural passes when its lemma is its singular ("threats", "components").

    >>> [_noun_head(w) for w in ("components", "coal", "said", "took", "fully", "including", "the")]
    [True, True, False, False, False, False, False]
    """
    if word in load_naming_words().stop_nouns and _long_enough(word):
        return True  # "trading system", "phone call": the stop list's nouns head phrases too
    if word in ENGLISH_STOP_WORDS or not _long_enough(word) or _adverb(word) or word.endswith("ing") or "-" in word:
        return False
    lemma = lemmatize(word)
    return lemma == word or word.endswith("s") and lemma == _singular(word)


def _pair_modifier(word: str, nouns: set[str]) -> bool:
    """The first word of a shared phrase: a modifier (:func:`_modifier_like`) or a word in its
    dictionary form that is no stop word ("additional", "electronic", "steel")."""
    if _modifier_like(word, nouns) or _body_initialism(word):
        return True
    return word not in ENGLISH_STOP_WORDS and not _adverb(word) and lemmatize(word) == word


def _plural_written(word: str) -> bool:
    """A plural noun as written ("tariffs", "sanctions"): never the bare verb a "to" or "will" takes.

    >>> [_plural_written(w) for w in ("tariffs", "sanctions", "visit", "progress", "us")]
    [True, True, False, False, False]
    """
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and _singular(word) != word


def _participle_after_adverb(text: str, start: int) -> int:
    """Where an adverb in -ly and a participle in -ed right before ``start`` begin ("previously delayed
    tariffs", "newly agreed truce"): a modifier pair though neither word modifies alone; else ``start``.

    >>> text = "would enforce previously delayed tariffs and delayed tariffs"
    >>> [text[_participle_after_adverb(text, text.index(h, i)):text.index(h, i)] for h, i in (("tariffs", 0), ("tariffs", 42))]
    ['previously delayed ', '']
    """
    pair = _ADVERB_PARTICIPLE_BEFORE.search(text[max(0, start - 50) : start])
    if pair is None or not _adverb(pair.group(1)):
        return start
    return start - len(pair.group())


def _adverb(word: str) -> bool:
    """An adverb in -ly: the word without its ending is an everyday word ("fully" is no noun's
    modifier; "supply", "family" and "assembly" end in -ly but are nouns).

    >>> [_adverb(w) for w in ("previously", "happily", "probably", "basically", "fully", "supply", "family", "assembly")]
    [True, True, True, True, True, False, False, False]
    """
    if not word.endswith("ly") or len(word) < 5:
        return False
    stems = [word[:-2], word[:-3] + "y", word[:-4], word[:-1] if word.endswith("lly") else "",
             word[:-1] + "e" if word.endswith(("ably", "ibly")) else ""]
    return any(len(stem) >= 3 and zipf_frequency(stem, "en") >= 3.0 for stem in stems)


def shared_phrases(reports: Iterable[CoverageSource], nouns: set[str], needed: int) -> dict[tuple[str, str], set[str]]:
    """Two-word noun phrases that ``needed`` outlets or more write word for word ("electronic
    components", "nuclear threats", "third countries"), each (modifier, singular head) with those outlets.

    A thing the story is about is often named the same way everywhere, so it never shows as a
    swapped wording or as a noun of the lead; a modified phrase several outlets share is a thing
    they all name. The head must end the phrase (in "specific electronic components" the pair
    "specific electronic" is not read: a noun follows it), and a phrase followed by a determiner or
    a pronoun is mostly a verb's ("officials say the ..."), and is not read either.

    >>> from types import SimpleNamespace as Ns
    >>> texts = {"A": "It bans specific electronic components.", "B": "Also electronic components, it said.", "C": "No."}
    >>> reports = [Ns(outlet=o, text=t) for o, t in texts.items()]
    >>> {pair: sorted(outlets) for pair, outlets in shared_phrases(reports, set(), 2).items()}
    {('electronic', 'component'): ['A', 'B']}
    """
    return _shared_pairs(reports, nouns, needed)[0]


def _shared_pairs(reports: Iterable[CoverageSource], nouns: set[str],
                  needed: int) -> tuple[dict[tuple[str, str], set[str]], set[tuple[str, str]]]:
    """:func:`shared_phrases`, plus the shared pairs a noun follows ("open nuclear" of "open nuclear
    threats"), which are no phrases of their own but say which words before a head belong to its form."""
    outlets_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    inner_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    words = load_naming_words()
    # The word tests are asked once per word, not once per pair (110,000 pairs of far fewer words on
    # the 1,000 bench articles): each depends on the word alone (and on ``nouns``, fixed here).
    opens: dict[str, bool] = {}
    heads: dict[str, bool] = {}

    def noun_head(word: str) -> bool:
        if word not in heads:
            heads[word] = _noun_head(word)
        return heads[word]

    for report in reports:
        text = report.text
        for match in _PAIR.finditer(text):
            first, head = match.group(1), match.group(2)
            if first not in opens:
                # a demonym modifies ("Russian weapons"); another capitalised word opens a sentence or a name
                opens[first] = ((not first[0].isupper() or words.demonym(first) or _body_initialism(first))
                                and _pair_modifier(first, nouns))
            if not opens[first] or not noun_head(head):
                continue
            after = _NEXT_WORD.match(text, match.end(2))
            if after and after.group(1) in _VERB_OBJECTS:
                continue
            if after and after.group(1).islower() and noun_head(after.group(1)):
                inner_of[(first, head)].add(report.outlet)
                continue
            outlets_of[(first, _singular(head))].add(report.outlet)
    return ({pair: outlets for pair, outlets in outlets_of.items() if len(outlets) >= needed},
            {pair for pair, outlets in inner_of.items() if len(outlets) >= needed})


_NEXT_WORD = re.compile(r" ([A-Za-z]+)")
#: Patterns asked once per head-noun match, compiled once (``re.search(str, ...)`` looked each up in
#: re's cache on every call).
_NEXT_LOWER = re.compile(r" ([a-z][\w-]*)")
_ADVERB_PARTICIPLE_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+ly) ([a-z]+ed) $")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_LAST_LOWER_WORD = re.compile(r"(?<![\w'’-])([a-z][\w-]*)$")
_PAIR_WORD_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]*|[A-Z]{2,6}) $")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w.-]*) $")
_PHRASE_OPENING = re.compile(r"([a-z][\w-]*)(?: ([A-Za-z][\w-]*))?")
_NON_SPACE = re.compile(r"\S+")
_OF_PHRASES = {size: re.compile(r" of ((?:[a-z][\w-]* ){%d}[a-z][\w-]*)(?![\w'’-])" % (size - 1)) for size in (1, 2)}
_COLLECTIVE_OF_BEFORE = re.compile(r"(?<![\w'’.-])([a-z]+) of $")
_MODIFIER_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][\w-]*) $")
_LOWER_MODIFIER_BEFORE = re.compile(r"(?<![\w'’.-])([a-z][\w-]*) $")
_PREVIOUS_WORD = re.compile(r"(?<![\w'’-])([A-Za-z]+) $")
#: Words after a verb's object position: a phrase followed by one is a clause ("officials say the").
_VERB_OBJECTS = frozenset({"the", "a", "an", "it", "that", "this", "he", "she", "they", "we", "his", "her", "their", "its"})


def common_mentions(
    reports: Sequence[CoverageSource],
    facts: Sequence[Fact],
    nouns: set[str],
    inside: Callable[[str, int], bool],
    exclude: set[str],
    titles: frozenset[str] = frozenset(),
    *,
    absorbed: frozenset[str] = frozenset(),
    absorbed_out: dict[str, list[NamingMention]] | None = None,
) -> dict[str, list[NamingMention]]:
    """Mentions of the common-noun referents, keyed by head noun; ``inside(article, offset)`` says quoted.

    ``exclude`` holds lower-case words already naming a referent (titles, swapped wordings); a
    head in ``titles`` is still read in the plural ("the leaders" of a summit, not "leader Xi").
    A head in ``absorbed`` (the last word of a name, "summit" of "BRICS Summit") is read even where
    excluded, with no naming choice needed, and its mentions go to ``absorbed_out`` (the caller adds
    them to the name) instead of the result.
    """
    by_id = {r.id: r for r in reports}
    outlet_of = {r.id: r.outlet for r in reports}
    found: dict[str, list[NamingMention]] = {}
    ranked = []
    tried = 0
    verb_markers = load_naming_words().verb_markers
    lowered = {r.id: r.text.lower() for r in reports}
    outlets_total = len({r.outlet for r in reports})
    phrases, inner = _shared_pairs(reports, nouns, max(2, -(-outlets_total // 2)))
    pair_modifiers: dict[str, set[str]] = defaultdict(set)  # singular head -> modifiers shared with it
    for first, second in (*phrases, *inner):
        pair_modifiers[_singular(second)].add(first)
    joined = event_compounds(reports, max(2, -(-outlets_total // 2)))
    prose_capitals = _prose_capitals(reports)
    heads = _heads(by_id, facts, nouns, phrases, joined)
    listed = listed_heads(reports, max(2, -(-outlets_total // 2)))
    listed_only = {_canonical(h) for h in listed} - set(heads)
    for head, count in listed.items():
        canonical = _canonical(head)
        heads[canonical] = max(heads.get(canonical, 0), count)
    tried_listed = 0
    listed_canonical = {_canonical(h) for h in listed}
    for head in absorbed:
        heads.setdefault(head, 0)  # a name's head is read though no fact or lead gives it
    for head, outlets in sorted(heads.items(), key=lambda kv: (-kv[1], kv[0])):
        ending = r"(?:s|es)?"
        asked = head
        if head in exclude and head not in absorbed:
            if head not in titles:
                continue
            ending = "s"  # "the leaders" is a group; "leader" is a title of the names' forms
        if asked in listed_only:
            tried_listed += 1
            if tried_listed > MAX_COMMON_REFERENTS:
                continue  # a list's items have their own bound: a long list must not push out the facts' heads
        elif asked not in absorbed:
            tried += 1
            if tried > MAX_HEADS_TRIED:
                continue  # each head tried reads every text: bounded (a name's heads are few and still read)
        synonyms = load_naming_words().synonyms(head) if ending != "s" else (head,)
        if ending != "s":  # "the ceasefire" where outlets write "ceasefire deal": the deal's form too
            synonyms += tuple(w for first, second in joined.items() if second == head
                              for w in load_naming_words().synonyms(first))
        group = {_canonical(w) for w in synonyms}
        alternatives = [_with_plural(w) for w in synonyms] if ending != "s" else [re.escape(head) + ending]
        pattern = re.compile(_word_alternation(alternatives))
        # A title-case headline writes the head capitalised ("U.S. Tariffs Take Effect"), unless the
        # corpus capitalises the word in prose too (then it is a name's: "Security Council").
        capitalised = [_with_plural(w[:1].upper() + w[1:]) for w in synonyms
                       if w[:1].upper() + w[1:] not in prose_capitals] if ending != "s" else []
        headline_pattern = (re.compile(_word_alternation(capitalised))
                            if capitalised else None)
        items: list[NamingMention] = []
        plain: list[str] = []  # each item's form without its owner: an owner alone makes no naming choice
        written: Counter[str] = Counter()
        surface: Counter[str] = Counter()  # the head as written ("troops", not "troop", names the referent)
        stems = [w[:-1] if w.endswith("y") else w for w in synonyms]
        for report in reports:
            text = report.text
            if not any(stem in lowered[report.id] for stem in stems):
                continue  # a text without the head's letters cannot match it (a substring test is cheap)
            matches = list(pattern.finditer(text))
            if headline_pattern is not None:
                matches = sorted([*matches, *(m for m in headline_pattern.finditer(text) if title_case_line(text, m.start()))],
                                 key=lambda m: m.start())
            for match in matches:
                if items and items[-1].article == report.id and match.start() < items[-1].end:
                    continue  # inside the last mention ("package of sanctions" is one)
                following = _NEXT_WORD.match(text, match.end())
                if joined and following and _canonical(following.group(1).lower()) in group:
                    continue  # "ceasefire" of "ceasefire deal": the deal's mention holds it
                marker = _PREVIOUS_WORD.search(text, max(0, match.start() - 20), match.start())
                if marker and marker.group(1).lower() in verb_markers and not _plural_written(match.group()):
                    continue  # "to visit Beijing", "will visit": the verb; "in addition to tariffs" is no verb
                start = _modifiers_start(text, match.start(), nouns)
                if start == match.start():
                    start = _shared_start(text, start, _singular(match.group().lower()), pair_modifiers)
                end = _of_phrase_end(text, match, nouns)
                plain.append(" ".join(text[start:end].split()))
                start = _owner_start(text, start, nouns)
                written[_singular(match.group().lower())] += 1
                surface[match.group().lower()] += 1
                items.append(NamingMention(report.id, start, end, " ".join(text[start:end].split()),
                                           inside(report.id, match.start())))
        if ending != "s" and written:  # the group's most used noun names it ("agreement" over "deal")
            head = max(written.items(), key=lambda kv: (kv[1], kv[0] == head, kv[0]))[0]
            head = max((n, w == head, w) for w, n in surface.items() if _singular(w) == head)[2]
        # A word before a noun, a title ("foreign minister") or a head it shares a phrase with ("state visit").
        modified = {second for first, second in phrases if first in (head, _singular(head))}  # head may be the plural written
        after = nouns | titles | modified | {w + "s" for w in modified}
        before_noun = [_before_noun(by_id[m.article].text, m.end, after) for m in items]  # asked once per item
        if 2 * sum(before_noun) >= len(items):
            continue  # mostly a modifier itself ("ballistic missile", "resupply mission")
        # A use before a noun modifies that noun ("tariff rate", "tariff measures"): no mention of the head.
        kept = [i for i, noun_follows in enumerate(before_noun) if not noun_follows]
        items, plain = [items[i] for i in kept], [plain[i] for i in kept]
        if asked in absorbed:
            if absorbed_out is not None and items:
                absorbed_out[asked] = items
            continue
        parts = (_by_origin(by_id, items, plain, head) if _canonical(head) in load_naming_words().origin_heads
                 else [(head, items, plain, outlets)])
        for key, part, part_plain, part_outlets in parts:
            forms = set(part_plain)
            several_nouns = len(written) >= 2 if len(parts) == 1 else len({_singular(f.split()[-1].lower()) for f in forms}) >= 2
            # A naming choice: modifiers ("full ceasefire" / "ceasefire"), or the nouns of one synonym
            # group written by themselves ("ceasefire" / "truce": the choice of noun is the naming).
            if (len(forms) >= 2 and (any(" " in f for f in forms) or several_nouns)
                    or _shared_form(part, part_plain, outlet_of) or key in listed or _canonical(key) in listed_canonical):
                ranked.append((-part_outlets, -len(part), key + ("s" if ending == "s" else ""), part))
    for _, _, head, items in sorted(ranked)[:MAX_COMMON_REFERENTS]:
        found[head] = items
    return found


_POSSESSIVE_END = re.compile(r"['’]s?$")
#: Pieces of a list: commas (an Oxford "and" too), "and", "or"; a list ends at a clause's end.
#: The second branch starts only at the start of a run of spaces: unanchored, it tried every position of
#: a long run, and 40,000 spaces in one article took 16 s (quadratic; session 14 review).
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|(?<!\s)\s+(?:and|or)\s+")
_LIST_CHUNK = re.compile(r"[^.;:!?\n•()]+")
#: A listed item's opening words that are no part of it ("including coking coal", "certain chemicals").
_LIST_OPENERS = frozenset({"the", "a", "an", "including", "certain", "specific", "other", "some"})


#: Endings of abstract nouns, which a list of things (goods, arms, people) does not hold: the lists of
#: a statement ("unilateralism, protectionism and ...", "peace, freedom and cooperation") name no thing.
_ABSTRACT_ENDINGS = ("ism", "dom", "ness", "ity", "ation", "ment")


def _list_word(word: str) -> bool:
    return (word not in ENGLISH_STOP_WORDS and len(word) >= 3 and word != "etc"
            and not word.endswith(("ly", "ing", "ed", *_ABSTRACT_ENDINGS)))


def _list_item(piece: str) -> str | None:
    """The head of a listed item: its last lower-case word of at most three, before a participle or a
    stop word that opens what follows ("specific electronic components found in ..." -> "components").

    >>> [_list_item(p) for p in ("including coking coal", "technical items used in aviation", "Russia", "etc")]
    ['coal', 'items', None, None]
    """
    words = piece.split()
    while words and words[0] in _LIST_OPENERS:
        words = words[1:]
    taken: list[str] = []
    for word in words:
        if not _LOWER_WORD.fullmatch(word):
            return None
        if taken and (word in ENGLISH_STOP_WORDS or lemmatize(word) != word and not word.endswith("s")
                      or word.endswith("ed")):
            break
        taken.append(word)
        if len(taken) > 3:
            return None
    return taken[-1] if taken and _list_word(taken[-1]) else None


def listed_heads(reports: Iterable[CoverageSource], needed: int) -> dict[str, int]:
    """Nouns that ``needed`` outlets or more write as items of a list of three or more ("coal,
    plastics, timber and copper wire"): a thing only ever listed is a referent too (the goods of an
    export ban), though nobody modifies it. By outlets; the item's last word, stop words, ``-ly`` and
    ``-ing`` words, verbs' ``-ed`` forms and ``non_referent_heads`` excluded.

    >>> from types import SimpleNamespace as S
    >>> listed_heads([S(outlet="A", text="Bans hit coal, plastics and copper wire."),
    ...               S(outlet="B", text="It covers plastics, rubber, and coal. Trade fell.")], 2)
    {'coal': 2, 'plastics': 2}
    """
    skipped = load_naming_words().non_referent_heads
    outlets: dict[str, set[str]] = defaultdict(set)
    for report in reports:
        for chunk in _LIST_CHUNK.finditer(report.text):
            pieces = _LIST_SEPARATOR.split(chunk.group())
            run: list[str] = []
            for piece in [*pieces, ""]:
                word = _list_item(piece)
                if word is not None:
                    run.append(word)
                    continue
                if len(run) >= 3:
                    for noun in run:
                        if _singular(noun) not in skipped and noun not in skipped:
                            outlets[noun].add(report.outlet)
                # A list's first piece carries the words before it ("The bans cover coal"): its last
                # word is the first item.
                last = _LAST_LOWER_WORD.search(piece.strip())
                run = [last.group(1)] if last and _list_word(last.group(1)) else []
    return {w: len(o) for w, o in sorted(outlets.items()) if len(o) >= needed}


#: "goods from Canada", "products imported from Dorvia": the origin written after the goods' noun.
_FROM_ORIGIN = re.compile(r"\s+(?:imported\s+|shipped\s+)?from\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")


def _origin(text: str, mention: NamingMention) -> tuple[str, str] | None:
    """The country goods come from, with the word that says it: a country word or demonym among the
    form's words before its noun ("Chinese imports", "US goods", "China's exports"), else a country
    named after it with "from" ("imports from Canada"). None where neither says."""
    words = load_naming_words()
    tokens = [_POSSESSIVE_END.sub("", w) for w in mention.form.split()[:-1]]
    for size in (2, 1):
        for i in range(len(tokens) - size + 1):
            written = " ".join(tokens[i : i + size])
            country = words.country(written) if written[:1].isupper() else None
            if country:
                return country, written
    after = _FROM_ORIGIN.match(text, mention.end)
    if after:
        name = after.group(1)
        for written in (name, name.split()[0]):
            country = words.country(_POSSESSIVE_END.sub("", written))
            if country:
                return country, "from " + written
    return None


def _by_origin(by_id: Mapping[str, CoverageSource], items: list[NamingMention], plain: list[str],
               head: str) -> list[tuple[str, list[NamingMention], list[str], int]]:
    """Goods split by where they come from (``origin_heads`` of ``naming_words.json``): "Chinese goods",
    "Chinese products" and "Chinese imports" one referent, "American goods" another. Goods of no stated
    origin join the one origin there is in an article that names it, and are nobody's beside two origins. Each part: (key, items, plain forms, outlets).

    >>> from types import SimpleNamespace
    >>> text = "Chinese goods and US products and goods from Canada"
    >>> r = {"a": SimpleNamespace(outlet="A", text=text)}
    >>> m = [NamingMention("a", 0, 13, "Chinese goods", False), NamingMention("a", 18, 29, "US products", False),
    ...      NamingMention("a", 34, 39, "goods", False)]
    >>> [(k, [i.form for i in p]) for k, p, _, _ in _by_origin(r, m, [i.form for i in m], "goods")]
    [('Chinese goods', ['Chinese goods']), ('US goods', ['US products']), ('goods from Canada', ['goods'])]
    >>> text = "Chinese goods and US products and goods"
    >>> r = {"a": SimpleNamespace(outlet="A", text=text)}
    >>> [(k, [i.form for i in p]) for k, p, _, _ in _by_origin(r, m, [i.form for i in m], "goods")]
    [('Chinese goods', ['Chinese goods']), ('US goods', ['US products'])]
    """
    parts: dict[str | None, list[int]] = defaultdict(list)
    said: dict[str, Counter[str]] = defaultdict(Counter)
    for i, m in enumerate(items):
        found = _origin(by_id[m.article].text, m)
        parts[found[0] if found else None].append(i)
        if found:
            said[found[0]][found[1]] += 1
    if None in parts and len(parts) >= 2:
        # Goods of no stated origin: the one origin's where their article names it, else too vague.
        loose = parts.pop(None)
        if len(parts) == 1:
            only = next(iter(parts))
            articles = {items[i].article for i in parts[only]}
            parts[only].extend(i for i in loose if items[i].article in articles)
    out = []
    for country, indices in parts.items():
        indices.sort()
        if country is None:
            key = head
        else:
            word = min(said[country].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            key = f"{head} {word}" if word.startswith("from ") else f"{word} {head}"
        part = [items[i] for i in indices]
        out.append((key, part, [plain[i] for i in indices], len({by_id[m.article].outlet for m in part})))
    return out


def _word_alternation(alternatives: Sequence[str]) -> str:
    r"""``(?<![\w-])(?:a|b|...)(?![\w-])``, written so that each alternative opens with its first letter:
    ``c(?<![\w-]c)...`` asks the same of the character before ``c``, and a pattern that opens with
    letters is scanned for them in C, where an opening lookbehind was tried at every character
    (common_mentions read every text about 2.4 times slower).

    >>> pattern = re.compile(_word_alternation(["deal(?:s|es)?", "pact(?:s|es)?", "(?:x)"]))
    >>> [m.group() for m in pattern.finditer("deals, a pact-like idea, impact, redeal, pacts x")]
    ['deals', 'pacts', 'x']
    """
    written = [a[0] + r"(?<![\w-]" + a[0] + ")" + a[1:] if a[:1].isalnum() and a[:1].isascii() else r"(?<![\w-])" + a
               for a in alternatives]
    return r"(?:" + "|".join(written) + r")(?![\w-])"


def _shared_start(text: str, start: int, head: str, pair_modifiers: dict[str, set[str]]) -> int:
    """Move ``start`` back over words that outlets share as this head's modifiers ("open nuclear
    threats": "nuclear threats" and "open nuclear" are both shared phrases), up to ``MAX_MODIFIERS``.

    >>> text = "made open nuclear threats"
    >>> text[_shared_start(text, 18, "threat", {"threat": {"nuclear"}, "nuclear": {"open"}}):]
    'open nuclear threats'
    """
    for _ in range(MAX_MODIFIERS):
        before = _PAIR_WORD_BEFORE.search(text[max(0, start - 40) : start])
        if not before or before.group(1) not in pair_modifiers.get(head, ()):
            break
        start -= len(before.group())
        head = before.group(1)
    return start


def _shared_form(items: Sequence[NamingMention], plain: Sequence[str], outlet_of: dict[str, str]) -> bool:
    """Whether two outlets or more write one modified form ("electronic components") of a head: a
    thing named the same way everywhere is a referent too, though its table shows no choice.
    ``plain`` holds each item's form without its owner ("review panel" of "Kessland's review panel")."""
    outlets: dict[str, set[str]] = defaultdict(set)
    for m, form in zip(items, plain):
        if " " in form:
            outlets[form.lower()].add(outlet_of[m.article])
    return any(len(o) >= 2 for o in outlets.values())


#: A word of an owner's name: capitalised, dotted initials ("U.S."), or an acronym in brackets ("(WTO)").
_OWNER_WORD = r"(?:[A-Z][\w&-]*|(?:[A-Z]\.){2,}|\([A-Z]{2,6}\))"
#: A possessive name right before a phrase ("China's", "World Trade Organization (WTO)'s",
#: "World Trade Organization's (WTO)", "US President Ada Lind's"), up to six words.
_POSSESSIVE_OWNER = re.compile(r"(?<![\w'’.-])(" + _OWNER_WORD + r"(?: (?:" + _OWNER_WORD + r"|of|the|and)){0,5})"
                               r"['’]s(?: \([A-Z]{2,6}\))? $")
#: A capitalised word or dotted abbreviation right before a phrase ("US", "U.S.", "WTO").
_OWNER_BEFORE = re.compile(r"(?<![\w'’.-])((?:[A-Z]\.){2,}|[A-Z][\w-]*) $")
_OWNER_WINDOW = 90
#: A title in the possessive right before a phrase, with a country word before it or none ("the U.S.
#: president's moves", "the minister's plan").
_TITLE_OWNER = re.compile(r"(?<![\w'’.-])((?:(?:[A-Z]\.){2,}|[A-Z][\w-]*) )?([a-z]+(?: [a-z]+)?)['’]s $")


def _owner_start(text: str, start: int, nouns: set[str]) -> int:
    """Move ``start`` back over the owner of a common-noun phrase: a possessive name ("China's legal
    action", "the World Trade Organization's dispute settlement mechanism") or a country word or a
    body's initials written before it ("the US move", "additional U.S. tariffs", "WTO lawsuit").

    A reader's form is the noun phrase with the words directly in front of its head, and the owner is
    one of them (the name is still a mention of its own referent too). A possessive name ends the
    phrase on the left; after a country word the modifiers before it are read again ("additional").
    Leading stop words of a possessive run are a sentence's opening ("The", "In"), not the owner's;
    a day or month owns no thing ("Saturday's announcement" keeps "announcement").

    >>> text = "It filed with the World Trade Organization (WTO)'s dispute settlement mechanism over additional US tariffs."
    >>> [text[_owner_start(text, text.index(h), {"additional"}):text.index(h) + len(h)] for h in ("dispute", "tariffs")]
    ["World Trade Organization (WTO)'s dispute", 'additional US tariffs']
    >>> text = "The U.S. president's moves and the minister's plan"
    >>> [text[_owner_start(text, text.index(h), set()):text.index(h) + len(h)] for h in ("moves", "plan")]
    ["U.S. president's moves", "minister's plan"]
    >>> text = "In Kessland's view, Monday's move and the Grain Board decision"
    >>> [text[_owner_start(text, text.index(h), set()):text.index(h) + len(h)] for h in ("view", "move", "decision")]
    ["Kessland's view", 'move', 'decision']
    """
    words = load_naming_words()
    for _ in range(2):
        window = max(0, start - _OWNER_WINDOW)
        owner = _POSSESSIVE_OWNER.search(text, window, start)
        if owner is not None:
            parts = owner.group(1).split(" ")
            dropped = 0
            while len(parts) > 1 and parts[0].lower() in ENGLISH_STOP_WORDS and not parts[0].isupper():
                dropped += len(parts.pop(0)) + 1
            last = parts[-1]
            if last.lower() in ENGLISH_STOP_WORDS or last in _CALENDAR or last.lower() in words.non_referent_heads:
                return start
            return owner.start(1) + dropped
        titled = _TITLE_OWNER.search(text, window, start)
        if titled is not None and titled.group(2) in words.titles:
            country = titled.group(1) and words.country(titled.group(1).strip())
            return titled.start(1) if country else titled.start(2)  # "the U.S. president's moves"
        if titled is not None and titled.group(2).split()[-1] in words.titles:
            return titled.end(2) - len(titled.group(2).split()[-1])  # "the minister's plan"
        before = _OWNER_BEFORE.search(text, window, start)
        if before is None:
            return start
        word = before.group(1)
        if words.country(word) is None and not _body_initialism(word) or words.demonym(word):
            return start
        name = _CAPITALISED_BEFORE.search(text[max(0, before.start() - 30) : before.start()])
        if name and name.group(1).lower() not in ENGLISH_STOP_WORDS:
            return start  # the end of a longer name ("South Korea troops", "Grain Board decision"; not "The US move")
        if not _owned_phrase(text, start):
            return start  # "Kessland said", "Kessland claims the reef": a subject and its verb
        start = _modifiers_start(text, before.start(1), nouns)
    return start


def _owned_phrase(text: str, start: int) -> bool:
    """Whether the words from ``start`` read as a noun phrase a country word may own: its first word
    is no inflected verb ("said", "took") and no object follows its last ("claims the reef").

    >>> [_owned_phrase(t, 9) for t in ("Kessland said no", "Kessland claims the reef", "Kessland tariffs rose")]
    [False, False, True]
    """
    words = _PHRASE_OPENING.match(text[start : start + 60])
    if words is None:
        return True
    first = words.group(1)
    if "-" not in first and lemmatize(first) != first and lemmatize(first) != _singular(first):
        return False
    return words.group(2) is None or words.group(2).lower() not in _VERB_OBJECTS


#: Determiners that open a noun phrase whose words up to the head are all its modifiers.
_CHUNK_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those"})
#: A modifier word of such a phrase: lower case or hyphenated ("British-designed", "built"), or a
#: number joined to a word or a percent sign ("10-percent", "10%", "1,000-for-1,000", "12-member"); a
#: bare number is a quantity, not a modifier.
_CHUNK_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*|\d[\d,.]*(?:%|(?:-[A-Za-z]+)+(?:-\d[\d,.]*)?)")


def _chunk_start(text: str, start: int, nouns: set[str]) -> int | None:
    """Where the modifiers of a head noun at ``start`` begin when a determiner opens the phrase and
    every word between is a modifier word (lower-case letters and hyphens, no stop word, or a
    capitalised word :func:`_modifier_like` accepts: a demonym or a compound; two of them may be
    joined by "and" or "or"): "a British-designed and built sub", "an eighth sanctions package",
    "the updated sanctions"; not "the West Philippine Sea said". None where no determiner opens it
    within ``MAX_MODIFIERS`` words.

    >>> text = "It will bring a British-designed and built sub, then an eighth sanctions package, and the sub."
    >>> [text[_chunk_start(text, text.index(h), set()):text.index(h) + len(h)] for h in ("sub", "package")]
    ['British-designed and built sub', 'eighth sanctions package']
    >>> _chunk_start(text, text.rindex("sub"), set()) is None  # no modifier: the existing rules decide
    True
    >>> _chunk_start("as the West Sea said", 16, set()) is None  # names are no modifiers
    True
    """
    offset = max(0, start - 80)
    words = list(_NON_SPACE.finditer(text[offset:start]))[::-1]
    between: list[str] = []
    for match in words[: MAX_MODIFIERS + 2]:
        word = match.group()
        if word.lower() in _CHUNK_OPENERS:
            joined = [i for i, w in enumerate(between) if w in {"and", "or"}]
            content = [w for i, w in enumerate(between) if i not in joined]
            if (between and len(content) <= MAX_MODIFIERS and all(0 < i < len(between) - 1 for i in joined)
                    and len(joined) <= 1
                    and all(_CHUNK_WORD.fullmatch(w) and (w.lower() not in ENGLISH_STOP_WORDS
                                                          or w.lower() in load_naming_words().modifier_words)
                            and (w[0].islower() or w[0].isdigit() or _modifier_like(w, nouns)) for w in content)):
                return offset + match.end() + 1
            return None
        between.append(word)
    return None


def _of_phrase_end(text: str, match: re.Match[str], nouns: set[str]) -> int:
    """A collective head keeps its "of" phrase ("an eighth package of sanctions"): the end of the
    phrase (one or two words, the last used as a noun in the corpus or a plural), else the head's end.

    >>> text = "an eighth package of sanctions against X, a package of new measures, a package of that"
    >>> [text[m.start():_of_phrase_end(text, m, {"sanctions"})] for m in re.finditer("package", text)]
    ['package of sanctions', 'package of new measures', 'package']
    """
    if _singular(match.group().lower()) not in load_naming_words().collective_heads:
        return match.end()
    for size in (2, 1):  # "of new measures", else "of sanctions" (before "against")
        after = _OF_PHRASES[size].match(text[match.end() : match.end() + 60])
        if after is None:
            continue
        words = after.group(1).split()
        if not any(w in ENGLISH_STOP_WORDS for w in words) and (words[-1] in nouns or words[-1].endswith("s")):
            return match.end() + after.end()
    return match.end()


#: A rate right before a head or its modifiers: "145 percent", "25 per cent", "10.5%".
_RATE_BEFORE = re.compile(r"(?<![\w.,-])\d[\d.,]*(?:%| percent| per cent) $")


def _modifiers_start(text: str, start: int, nouns: set[str]) -> int:
    """Move ``start`` back over up to ``MAX_MODIFIERS`` modifier words before a head noun.

    A word in -ing is taken when a noun stands before it ("submarine building deal": a gerund
    inside a noun chain); alone it is mostly a verb ("after signing"). Modifiers joined by "and"
    after a determiner are all taken (:func:`_chunk_start`). A collective noun before "of" heads the
    phrase ("a future generation of submarines"; ``collective_heads`` of ``naming_words.json``).
    """
    chunk = _chunk_start(text, start, nouns)
    if chunk is not None:
        return chunk
    participle = _participle_after_adverb(text, start)
    if participle < start:
        return participle
    collective = _COLLECTIVE_OF_BEFORE.search(text[max(0, start - 30) : start])
    if collective and collective.group(1) in load_naming_words().collective_heads:
        start -= len(collective.group())
    taken = 0
    while taken < MAX_MODIFIERS:
        rate = _RATE_BEFORE.search(text, max(0, start - 30), start)
        if rate is not None:  # "145 percent tariffs" as "a 145% tariff": a rate modifies, a count would not
            start, taken = rate.start(), taken + 1
            continue
        before = _MODIFIER_BEFORE.search(text[max(0, start - 40) : start])
        if not before:
            break
        word = before.group(1)
        if not _modifier_like(word, nouns):
            outer = _LOWER_MODIFIER_BEFORE.search(text[max(0, start - len(word) - 41) : start - len(word) - 1])
            if not (word.endswith("ing") and len(word) > 5 and word not in ENGLISH_STOP_WORDS and taken + 2 <= MAX_MODIFIERS
                    and outer is not None and outer.group(1) in nouns and outer.group(1) not in ENGLISH_STOP_WORDS):
                break
            start -= len(word) + 1
            word = outer.group(1)
            taken += 1
        start -= len(word) + 1
        taken += 1
    return start


#: A group named by a number: an optional determiner or possessive name, a number, one modifier, a plural noun.
_GROUP_OPENERS = r"(?:(?P<owner>[A-Z][\w.-]*['’]s )|(?:[Tt]he|[Tt]heir|[Ii]ts|[Aa]ll|[Tt]hese|[Tt]hose|[Oo]ur) )?"


#: "Both" counts two where a group noun follows: "both countries" are the two countries, "both
#: leaders" the two leaders (a quantifier of English grammar, not a term of any event).
_PAIR_WORDS = {"both": 2}


def group_mentions(
    reports: Sequence[CoverageSource],
    inside: Callable[[str, int], bool],
) -> dict[str, list[NamingMention]]:
    """Mentions of groups named by a number ("the three nations", "Ruritania's four allies"), keyed
    "the <number> <noun>" by their most used noun; ``inside(article, offset)`` says quoted.

    A number word and a plural noun of one class of ``naming_words.json``'s ``group_nouns``
    (countries: nations, allies, members...; people: leaders, ministers...) make one referent per
    number and class across the analysis, whatever the noun. Where the analysis has exactly one such
    group of a class, the class's nouns after "their" or "the" with no number are that group too.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> texts = ["The three nations signed.", "Kessland's three allies agreed, and their partners cheered."]
    >>> reports = analyze_articles([Article(id=str(i), outlet=str(i), title="", text=t)
    ...                             for i, t in enumerate(texts)]).articles
    >>> {k: [m.form for m in v] for k, v in group_mentions(reports, lambda a, o: False).items()}
    {'the three allies': ['three nations', "Kessland's three allies", 'partners']}
    """
    words = load_naming_words()
    if not words.group_nouns or not words.numbers:
        return {}
    nouns = "|".join(re.escape(n) for n in sorted(words.group_nouns, key=len, reverse=True))
    counts = {**words.numbers, **_PAIR_WORDS}
    numbers = "|".join(re.escape(n) for n in sorted(counts, key=len, reverse=True))
    # Anchored on the number (a leading optional group would be tried at every position of the text);
    # the determiner or possessive name before it is looked for only where a number matched.
    numbered = re.compile(r"(?<![\w-])(?P<number>(?i:" + numbers + r")|\d{1,2}) (?:(?P<modifier>[A-Za-z][\w-]*) )??"
                          r"(?P<noun>" + nouns + r")(?![\w-])")
    opener = re.compile(_GROUP_OPENERS + r"$")
    groups: dict[tuple[int, str], list[NamingMention]] = defaultdict(list)
    written: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for report in reports:
        for match in numbered.finditer(report.text):
            word = match.group("number").lower()
            number = int(word) if word.isdigit() else counts[word]
            modifier = match.group("modifier")
            if modifier and modifier.lower() in ENGLISH_STOP_WORDS:
                continue  # "three of the members" is no modifier
            key = (number, words.group_nouns[match.group("noun")])
            before = opener.search(report.text, max(0, match.start() - 40), match.start())
            owner = before.group("owner") if before else None
            start = before.start("owner") if before and owner else match.start("number")
            groups[key].append(NamingMention(report.id, start, match.end(), " ".join(report.text[start : match.end()].split()),
                                             inside(report.id, start)))
            written[key][match.group("noun")] += 1
    by_class = Counter(cls for _, cls in groups)
    bare = re.compile(r"(?<![\w-])(?:[Tt]he|[Tt]heir) (?P<noun>" + nouns + r")(?![\w-])")
    for report in reports:
        for match in bare.finditer(report.text):
            cls = words.group_nouns[match.group("noun")]
            if by_class[cls] == 1:
                key = next(k for k in groups if k[1] == cls)
                groups[key].append(NamingMention(report.id, match.start("noun"), match.end(), match.group("noun"),
                                                 inside(report.id, match.start())))
    number_words = {n: w for w, n in sorted(words.numbers.items(), reverse=True)}  # "the two countries", never "the both"
    found = {}
    for key, items in groups.items():
        noun = min(written[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]  # most used, then alphabetical
        found[f"the {number_words.get(key[0], str(key[0]))} {noun}"] = sorted(items, key=lambda m: (m.article, m.start))
    return found


def unnamed_title_mentions(
    reports: Sequence[CoverageSource],
    inside: Callable[[str, int], bool],
    taken: Callable[[str, int, int], bool],
    needed: int,
    nouns: set[str],
) -> dict[str, list[NamingMention]]:
    """The source a story names by a title alone ("the spokesperson", "an MOC spokesperson", "a
    ministry spokesman"), keyed "the <title>" by its most used word; ``inside(article, offset)``
    says quoted, ``taken(article, start, end)`` whether another referent holds the words already.

    The titles are ``unnamed_titles`` of ``naming_words.json`` (one group: the words are synonyms).
    A title right before a capitalised word ("spokesman Ben Okafor") is a named person's, and where
    any outlet writes one so, the title is left to the names; otherwise every use not taken is a
    mention, with the modifiers before it, when ``needed`` outlets or more use it.

    >>> from types import SimpleNamespace as Ns
    >>> texts = {"A": "The spokesperson said no.", "B": "A ministry spokesman agreed.", "C": "Nothing."}
    >>> found = unnamed_title_mentions([Ns(id=o, outlet=o, text=t) for o, t in texts.items()],
    ...                                lambda a, o: False, lambda a, s, e: False, 2, {"ministry"})
    >>> {k: [m.form for m in v] for k, v in found.items()}
    {'the spokesman': ['spokesperson', 'ministry spokesman']}
    """
    titles = load_naming_words().unnamed_titles
    if not titles:
        return {}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
                         + r")(?![\w-])", re.IGNORECASE)
    items: list[NamingMention] = []
    outlets: set[str] = set()
    written: Counter[str] = Counter()
    for report in reports:
        text = report.text
        for match in pattern.finditer(text):
            if re.match(r" [A-Z][a-z]", text[match.end() : match.end() + 3]):
                return {}  # "spokesman Ben Okafor": the title is a named person's
            if taken(report.id, match.start(), match.end()):
                continue
            start = _modifiers_start(text, match.start(), nouns)
            items.append(NamingMention(report.id, start, match.end(), " ".join(text[start : match.end()].split()),
                                       inside(report.id, match.start())))
            outlets.add(report.outlet)
            written[match.group().lower()] += 1
    if len(outlets) < needed:
        return {}
    title = min(written.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return {f"the {title}": items}
