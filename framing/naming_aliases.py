"""Which names of one analysis are the same referent: aliases joined by general rules.

A reader counts a capital, its country's short name and its full name with its acronym in brackets
as one referent, and a coast guard named after the country's demonym, after the country's name and
by its initials as another. Joining them needs knowledge no
article states in one place, so the rules here are general and their words live in data files:

* **country words** (names, demonyms, capitals, from ``speaker_types.csv``): a name that is a
  country word is that country ("Tokyo" -> Japan), and two names that differ only in the country
  word they start with are one ("Chinese Coast Guard" = "China Coast Guard");
* **acronyms**: one written in brackets after a name is that name; otherwise an all-capitals word
  whose letters are the initials of exactly one multi-word name of the analysis;
* **short plurals**: "the Spratlys" is "the Spratly Islands" when the analysis has that name;
* **cue phrases** (``naming_words.json``): "Alpha Islands is how Ruritania calls Beta Islands",
  "the Ruritanian name for Example Reef" (invented names) join two names with the same head word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import NoReturn

from .data_files import json_key_line, read_data_json
from .errors import LexiconError
from .quote_rules import load_quote_rules
from .types import EMPTY_MAPPING

__all__ = ["COMPASS_WORDS", "Aliases", "NamingWords", "compact", "initials", "leading_country", "load_naming_words"]

_NAME_WORD = re.compile(r"[\w'’.-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
#: Little words left out of initials ("Ministry of Foreign Affairs" -> MFA).
_MINOR = frozenset({"of", "the", "and", "for", "on", "in", "de"})


#: Compass words (lower case): part of a place's name ("North Korea" is not "South Korea"), and a
#: region's adjective before a demonym ("North American", "West African"). naming.py reads them too.
COMPASS_WORDS = frozenset({"north", "south", "east", "west"})


@dataclass(frozen=True, slots=True)
class NamingWords:
    """The word lists of ``naming_words.json`` plus the country words of ``speaker_types.csv``.

    Read-only all the way down (word sets, tuples and read-only mappings): one cached instance is
    shared by every caller in the process.
    """

    country_of: Mapping[str, str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    relational: frozenset[str]
    place_classes: frozenset[str]
    name_heads: frozenset[str]
    government_words: frozenset[str]
    alias_before: tuple[str, ...]
    alias_how_calls: tuple[str, ...]
    #: Each country's own name, lower-cased, to the name (built from ``country_of``).
    country_names: Mapping[str, str]
    #: Head nouns outlets use for one thing, each to the first word of its group ("pact" -> "deal").
    head_synonyms: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Plural nouns a number makes a group of countries or of people ("the three nations"), to the class.
    group_nouns: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Number words that open a group ("three" -> 3).
    numbers: Mapping[str, int] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Capital cities (lower case): a country word that names a place where things happen, too.
    capitals: frozenset[str] = frozenset()
    #: Words before a capital that make it the city, not its government ("talks in Doha").
    locatives: frozenset[str] = frozenset()
    #: International bodies (lower case, from ``speaker_types.csv``): "the EU deal" is a deal the EU
    #: makes, not the EU's name, where "the AUKUS pact" is the pact AUKUS is.
    bodies: frozenset[str] = frozenset()
    #: Collective nouns that head a phrase before "of" ("a generation of submarines", "a fleet of").
    collective_heads: frozenset[str] = frozenset()
    #: Nouns after an initialism that name the group itself ("the G7 group").
    group_heads: frozenset[str] = frozenset()
    #: Nouns that head an institution's name before "of" ("Ministry of Commerce"), though titles.
    institution_heads: frozenset[str] = frozenset()
    #: Titles outlets name an unnamed source by ("the spokesperson", "a ministry spokesman").
    unnamed_titles: frozenset[str] = frozenset()
    #: Endings that make a country word a demonym ("russian", "filipino"; see :meth:`demonym`).
    demonym_endings: tuple[str, ...] = ()
    #: Words of the stop list that modify a noun in a naming form ("full", "first", "third").
    modifier_words: frozenset[str] = frozenset()
    #: Words of the stop list that are nouns in news prose ("call" of "the phone call"): a word before
    #: one modifies it, as before any other noun.
    stop_nouns: frozenset[str] = frozenset()
    #: Nouns that name a story's deal, truce or measures ("deal", "ceasefire", "package", "sanctions"):
    #: two of them written together by outlets ("ceasefire deal") name one thing.
    event_heads: frozenset[str] = frozenset()
    #: Nouns that never head a referent of their own: times and measures ("year", "week", "later").
    non_referent_heads: frozenset[str] = frozenset()
    #: Words before a common noun that make it a verb ("to visit", "will visit"): no mention.
    verb_markers: frozenset[str] = frozenset()
    #: Nouns that stand for a body of their class ("the bloc" -> the EU, ASEAN, ...), to those bodies.
    body_descriptors: Mapping[str, frozenset[str]] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Every body some descriptor stands for (lower case).
    bodies_of_descriptor: frozenset[str] = frozenset()
    #: Prepositions and linking words that open sentences before a name ("Despite", "Amid").
    sentence_openers: frozenset[str] = frozenset()
    #: Seats of government (lower case) that stand for their country ("kremlin").
    seats: frozenset[str] = frozenset()
    #: Government words that stand alone for one country's government ("the administration" -> the
    #: United States) where the corpus ties the word to no country by name.
    unqualified_governments: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Nouns that stand for the one named event of their class ("the event" -> a "... Summit").
    event_descriptors: Mapping[str, frozenset[str]] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Heads of goods split by where they come from ("Chinese goods" apart from "American goods").
    origin_heads: frozenset[str] = frozenset()

    def head(self, word: str) -> str:
        """The head a common noun counts under: its synonym group's first word, or itself.

        >>> w = load_naming_words()
        >>> w.head("pact"), w.head("agreement"), w.head("sub"), w.head("missile")
        ('deal', 'deal', 'submarine', 'missile')
        """
        return self.head_synonyms.get(word, word)

    def synonyms(self, head: str) -> tuple[str, ...]:
        """Every word of ``head``'s synonym group, ``head`` first.

        >>> load_naming_words().synonyms("truce")
        ('ceasefire', 'truce')
        """
        canonical = self.head(head)
        return (canonical, *sorted(w for w, c in self.head_synonyms.items() if c == canonical and w != canonical))

    def demonym(self, phrase: str) -> bool:
        """Whether ``phrase`` is a country's demonym or adjective ("Russian", "South Korean",
        "Filipino"), which names no country: a country word that is not the country's own name, an
        abbreviation, a capital or a seat of government, and ends in one of ``demonym_endings``.

        A compass word before a demonym is a region's adjective ("North American", "West African").

        >>> w = load_naming_words()
        >>> [w.demonym(p) for p in ("Russian", "South Korean", "Filipino", "Russia", "Britain", "US", "Tehran", "Kremlin")]
        [True, True, True, False, False, False, False, False]
        >>> [w.demonym(p) for p in ("North American", "South Sudan", "North Korea")]
        [True, False, False]
        """
        key = _phrase_key(phrase)
        compass, _, rest = key.partition(" ")
        if rest and compass in COMPASS_WORDS and key not in self.country_of and key not in self.country_names:
            return self.demonym(phrase.split(None, 1)[1])
        if (key not in self.country_of or key in self.country_names or key in self.capitals or key in self.seats
                or key.replace(".", "").isalpha() and phrase.replace(".", "").isupper()):
            return False
        return key.endswith(self.demonym_endings) if self.demonym_endings else False

    def country(self, phrase: str) -> str | None:
        """The country a word or phrase names ("tokyo" -> "Japan"), or None.

        A dotted abbreviation may have lost its last dot to the end of a name ("U.S" is "u.s."), and a
        country's own name is the country even where the table lists only its other words
        ("United Kingdom", listed as "uk" and "britain").

        >>> w = load_naming_words()
        >>> w.country("U.S"), w.country("US"), w.country("United Kingdom"), w.country("Ruritania")
        ('United States', 'United States', 'United Kingdom', None)
        """
        key = _phrase_key(phrase)
        found = self.country_of.get(key)
        if found is None and "." in key and not key.endswith("."):
            found = self.country_of.get(key + ".")
        return found if found is not None else self.country_names.get(key)


@lru_cache(maxsize=1 << 16)
def _phrase_key(phrase: str) -> str:
    """``phrase`` as the country tables key it: lower case, straight apostrophe, no possessive. Cached:
    naming asks :meth:`NamingWords.country` of the same words over a hundred thousand times per analysis."""
    return _POSSESSIVE.sub("", phrase.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def load_naming_words() -> NamingWords:
    """Return the packaged naming words (read once).

    Examples
    --------
    >>> words = load_naming_words()
    >>> words.country("Beijing"), words.country("North Korean"), "president" in words.titles
    ('China', 'North Korea', True)
    """
    data = read_data_json("naming_words.json")
    rules = load_quote_rules()
    country_of = {" ".join(k): t.country for k, t in rules.speaker_terms.items() if t.type == "country" and t.country}
    # A seat of government stands for its country's government ("the Kremlin said"), like a capital.
    country_of.update({k.lower(): str(v) for k, v in _table(data, "seats_of_government", str).items()})
    titles = {" ".join(k) for k, t in rules.speaker_terms.items() if t.type == "government" and not t.person}

    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _strings(data, name))

    groups: list[list[str]] = []
    for index, group in enumerate(_value(data, "head_synonyms", list, "a list of synonym groups (lists of strings)")):
        if not isinstance(group, list) or not group or not all(isinstance(w, str) for w in group):
            _fail("head_synonyms", f"'head_synonyms' group {index + 1} must be a non-empty list of strings, got {group!r}")
        groups.append(group)
    group_nouns = _table(data, "group_nouns", list)
    descriptor_table = _table(data, "body_descriptors", list)
    events_table = _table(data, "event_descriptors", list)
    descriptors = {noun.lower(): frozenset(b.lower() for b in _strings(descriptor_table, noun, where=f"body_descriptors.{noun}"))
                   for noun in descriptor_table}
    return NamingWords(
        country_of=MappingProxyType(country_of),
        titles=words("titles") | titles,
        honorifics=words("honorifics"),
        relational=words("relational"),
        place_classes=words("place_classes"),
        name_heads=words("name_heads"),
        government_words=words("government_words"),
        alias_before=tuple(sorted(words("alias_before"), key=len, reverse=True)),
        alias_how_calls=tuple(sorted(words("alias_how_calls"), key=len, reverse=True)),
        country_names=MappingProxyType({country.lower(): country for country in country_of.values()}),
        head_synonyms=MappingProxyType({w.lower(): group[0].lower() for group in groups for w in group}),
        group_nouns=MappingProxyType({w.lower(): cls for cls in group_nouns
                                      for w in _strings(group_nouns, cls, where=f"group_nouns.{cls}")}),
        numbers=MappingProxyType({w.lower(): int(str(n)) for w, n in _table(data, "numbers", int).items()}),
        capitals=words("capitals"),
        locatives=words("locatives"),
        collective_heads=words("collective_heads"),
        group_heads=words("group_heads"),
        institution_heads=words("institution_heads"),
        unnamed_titles=words("unnamed_titles"),
        demonym_endings=tuple(sorted(words("demonym_endings"), key=len, reverse=True)),
        modifier_words=words("modifier_words"),
        stop_nouns=words("stop_nouns"),
        event_heads=words("event_heads"),
        non_referent_heads=words("non_referent_heads"),
        verb_markers=words("verb_markers"),
        body_descriptors=MappingProxyType(descriptors),
        bodies_of_descriptor=frozenset(b for group in descriptors.values() for b in group),
        sentence_openers=words("sentence_openers"),
        seats=frozenset(k.lower() for k in _table(data, "seats_of_government", str)),
        origin_heads=words("origin_heads"),
        event_descriptors=MappingProxyType({
            noun.lower(): frozenset(h.lower() for h in _strings(events_table, noun, where=f"event_descriptors.{noun}"))
            for noun in events_table}),
        unqualified_governments=MappingProxyType({k.lower(): str(v) for k, v in _table(data, "unqualified_governments", str).items()}),
        bodies=frozenset(" ".join(k) for k, t in rules.speaker_terms.items() if t.type == "international"),
    )


_NAMING_FILE = "naming_words.json"
#: How messages name the values a table of ``naming_words.json`` may hold.
_KINDS = {str: "a string", int: "a whole number", list: "a list of strings"}


def _fail(key: str, message: str) -> NoReturn:
    """Raise the error for ``key`` of ``naming_words.json``, naming the file and the key's line."""
    raise LexiconError(f"{json_key_line(_NAMING_FILE, key)}: {message}; see naming_words.json's description")


def _value(data: Mapping[str, object], key: str, kind: type, what: str) -> list[object] | dict[str, object]:
    """``data[key]`` (empty when absent), which must be a ``kind`` (list or dict)."""
    value = data.get(key, kind())
    if not isinstance(value, kind) or isinstance(value, bool):
        _fail(key, f"{key!r} must be {what}, got {value!r}")
    assert isinstance(value, (list, dict))
    return value


def _strings(data: Mapping[str, object], key: str, *, where: str | None = None) -> tuple[str, ...]:
    """The strings listed under ``key`` (none when absent); anything else is an error naming file and line."""
    where = where or key
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        _fail(where.split(".")[0], f"{where!r} must be a list of non-empty strings, got {value!r}")
    return tuple(str(w) for w in value)


def _table(data: Mapping[str, object], key: str, kind: type) -> dict[str, object]:
    """The object under ``key`` (empty when absent), each value a ``kind`` (str, int or list)."""
    table = _value(data, key, dict, f"an object mapping a word to {_KINDS[kind]}")
    assert isinstance(table, dict)
    for word, value in table.items():
        if not isinstance(value, kind) or isinstance(value, bool):
            _fail(key, f"{key}.{word} must be {_KINDS[kind]}, got {value!r}")
    return table


def compact(name: str, words: NamingWords) -> str:
    """A multi-word name without spaces, case or possessives, its leading country word made the country.

    Examples
    --------
    >>> w = load_naming_words()
    >>> compact("Chinese Coast Guard", w) == compact("China’s coastguard", w) == compact("China Coast Guard", w)
    True
    >>> compact("Chile's Ministry of Fisheries", w) == compact("Chilean Fisheries Ministry", w)
    True
    """
    parts = [_POSSESSIVE.sub("", p).lower().replace("’", "'") for p in _NAME_WORD.findall(name)]
    found = leading_country(parts, words)
    if found:
        country, size = found
        parts = [country.lower().replace(" ", ""), *parts[size:]]
    return "".join(_of_name_inverted(parts, words))


def _of_name_inverted(parts: list[str], words: NamingWords) -> list[str]:
    """"ministry of fisheries" as "fisheries ministry": an institution's noun before "of" and one or two
    words ends the name either way ("Ministry of Commerce" is the "Commerce Ministry", "Department of
    Homeland Security" the "Homeland Security Department").

    >>> _of_name_inverted(["chile", "ministry", "of", "fisheries"], load_naming_words())
    ['chile', 'fisheries', 'ministry']
    """
    if "of" not in parts:
        return parts
    at = parts.index("of")
    tail = parts[at + 1 :]
    if at == 0 or parts[at - 1] not in words.institution_heads or not 1 <= len(tail) <= 2 or set(tail) & _MINOR:
        return parts
    return [*parts[: at - 1], *tail, parts[at - 1]]


def leading_country(parts: list[str], words: NamingWords) -> tuple[str, int] | None:
    """The country the first one or two words of ``parts`` name ("North Korean", then "Chinese") and
    how many words that took, or None; at least one word must follow ("Chinese" alone is no speaker
    or name to rewrite).

    >>> leading_country(["north", "korean", "leader"], load_naming_words())
    ('North Korea', 2)
    """
    for size in range(min(2, len(parts) - 1), 0, -1):
        country = words.country(" ".join(parts[:size]))
        if country:
            return country, size
    return None


def initials(name: str) -> str:
    """Capital initials of a multi-word name, little words left out ("" for one word).

    >>> initials("Philippine Coast Guard"), initials("People’s Republic of China"), initials("Japan")
    ('PCG', 'PRC', '')
    """
    parts = [p for p in _NAME_WORD.findall(name) if p.lower() not in _MINOR]
    return "".join(p[0].upper() for p in parts) if len(parts) >= 2 else ""


class Aliases:
    """Union-find over referent keys; the root of a group is its first key by the order of joining."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, key: str) -> str:
        """The group key ``key`` belongs to."""
        while self._parent.get(key, key) != key:
            key = self._parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        """Put ``b``'s group into ``a``'s."""
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[rb] = ra

    def _join_country_less(self, keys: set[str], words: NamingWords) -> None:
        """Join a name without a country word ("Fisheries Ministry") to the one country's name that is
        it with the country in front ("Chile's Ministry of Fisheries"), when only one group is so."""
        with_country: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            parts = [_POSSESSIVE.sub("", p).lower().replace("’", "'") for p in _NAME_WORD.findall(key)]
            found = leading_country(parts, words)
            if " " in key and found and len(parts) - found[1] >= 2:
                with_country["".join(_of_name_inverted(parts[found[1] :], words))].add(key)
        for key in sorted(keys):
            parts = [p.lower() for p in _NAME_WORD.findall(key)]
            if " " in key and leading_country(parts, words) is None:
                groups = {self.root(k) for k in with_country.get(compact(key, words), ())}
                if len(groups) == 1:
                    self.join(groups.pop(), key)

    def join_names(self, keys: set[str], defined: set[tuple[str, str]], cued: set[tuple[str, str]],
                   words: NamingWords, *, places: frozenset[str] | set[str] = frozenset()) -> None:
        """Join ``keys`` by the module's rules: country words, compact forms, acronyms, plurals, cues.

        ``defined`` holds (name, acronym) pairs written "Name (ACR)"; ``cued`` (name, name) pairs
        a cue phrase joins; ``places`` are capitals named as the city, never joined to their country.

        Examples
        --------
        >>> a = Aliases()
        >>> keys = {"Beijing", "China", "PCG", "Philippine Coast Guard", "Spratlys", "Spratly Islands"}
        >>> a.join_names(keys, set(), set(), load_naming_words())
        >>> a.root("Beijing") == a.root("China"), a.root("PCG") == a.root("Philippine Coast Guard")
        (True, True)
        >>> a.root("Spratlys") == a.root("Spratly Islands")
        True
        """
        for key in sorted(keys - set(places)):
            country = words.country(key)
            if country:
                self.join(country, key)
        by_compact: dict[str, str] = {}
        for key in sorted(keys, key=lambda k: (-len(k), k)):
            if " " in key:
                self.join(by_compact.setdefault(compact(key, words), key), key)
        self._join_country_less(keys, words)
        for name, acronym in sorted(defined):
            if name in keys and acronym in keys:
                self.join(name, acronym)
        by_initials: dict[str, set[str]] = {}
        for key in keys:
            if initials(key):
                by_initials.setdefault(initials(key), set()).add(key)
        for key in sorted(keys):
            if key.isupper() and key.isalpha() and 2 <= len(key) <= 6 and not words.country(key):
                groups = {self.root(k) for k in by_initials.get(key, ())}
                if len(groups) == 1:
                    self.join(groups.pop(), key)
            elif " " not in key and key.endswith("s") and len(key) > 3:
                for head in ("Islands", "Isles", "Mountains"):
                    if f"{key[:-1]} {head}" in keys:
                        self.join(f"{key[:-1]} {head}", key)
        for a, b in sorted(cued):
            if a in keys and b in keys:
                self.join(b, a)
