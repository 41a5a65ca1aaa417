"""Naming choices: how each outlet names the same person, place, institution or thing.

Two sources of referents, both read from the articles themselves (no name list, no tagger model):

* **Names.** Runs of capitalised words ("Chinese President Xi Jinping"). A run's referent is its last
  word, joined with the word before it when that word also ends runs elsewhere ("Xi" + "Jinping").
  The *form* is the run as written plus the lower-case descriptor words right before it ("Chinese
  leader Xi Jinping"): a word counts as a descriptor only if the corpus also uses it after a
  determiner ("the leader", "a counterpart"), which keeps verbs ("said Xi") out. An appositive right
  after a name is a form of that name too ("Taiwan, the self-governing island, ...").
* **Swapped words in aligned facts.** Where two outlets state the same fact (``framing.facts``) and
  the wording differs in one to three words that the corpus uses as nouns or adjectives ("trade
  truce" / "trade deal", "self-governing" / "self-governed"), the two wordings are forms of one
  referent; each outlet's uses of every form are then counted in its whole text.

Quoted uses (inside quotation marks: somebody else's words) are counted apart from the outlet's own.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
import difflib
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import accumulate, combinations, islice

from .stopwords import ENGLISH_STOP_WORDS
from .word_frequency import zipf_frequency

from .naming_aliases import COMPASS_WORDS, Aliases, NamingWords, compact, initials, load_naming_words
from .naming_common import ADJECTIVE_ENDINGS as _ADJECTIVE_ENDINGS
from .naming_common import NAME_PARTICLES
from .naming_common import common_mentions, group_mentions, unnamed_title_mentions
from .naming_common import title_case_line as _title_case_line
from .quote_rules import load_quote_rules
from .segment import lemmatize
from .types import CoverageSource, Fact, Naming, NamingMention

__all__ = ["MAX_REFERENTS", "find_naming", "quotation_spans"]

#: Referents reported, most widely mentioned first (a table per referent; more would not be read).
#: 25 since the shared phrases (naming_words 1.3.0): a reader lists every referent two outlets name,
#: 11 to 28 on the dev events, and 20 cut names (a ship two of four outlets name) to make room for them.
MAX_REFERENTS = 25
#: How many times more often one full name must be written than any other sharing its surname for the
#: bare surname to be that person's (2: "Donald Trump" 6 times beside "Melania Trump" 3, session 16).
SURNAME_MAJORITY = 2
#: Articles per outlet read for naming (the first by id); bench/coverage_scale.py has the cost.
MAX_ARTICLES_PER_OUTLET = 25
#: Words of descriptor taken before a name ("Chinese leader" in "Chinese leader Xi").
MAX_DESCRIPTOR_WORDS = 3
#: Longest swapped wording (words) taken as a naming choice between two aligned mentions.
MAX_SWAP_WORDS = 3
#: Aligned mention pairs compared per fact (the first ones by article id): bounds the work per fact.
MAX_PAIRS_PER_FACT = 30

#: A run of capitalised words; a dotted abbreviation ("U.S.", "U.K.") keeps its last dot. A full stop
#: with no space after it before a capitalised word ("Putin.The", a page that lost a space) ends the
#: word, and a name may start right after it ("press conference by Putin.Xi ..."). A plural's
#: possessive before another capitalised word stays in the run ("Ulster Farmers’ Union", "Philippines’
#: Coast Guard"): ``_name_key`` decides whether it is part of the name or its owner.
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}(?![\w'’-])|[A-Z][\w-]*s['’](?=[ \u00a0][A-Z])|[A-Z](?:[\w'’-]|\.(?![A-Z][a-z]))*\w|[A-Z])"
#: A run may hold lower-case particles between two capitalised words (``naming_common.NAME_PARTICLES``).
_NAME_RUN = re.compile(r"(?<![\w'’-])(?<![^a-z]\.)" + _NAME_WORD + r"(?:[ \u00a0](?:(?:" + "|".join(sorted(NAME_PARTICLES))
                       + r")[ \u00a0])*" + _NAME_WORD + r")*")
_WORD = re.compile(r"[\w'’-]+")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})
#: An ordinal written in figures ("16th", "2nd").
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Compass words are part of a place's name ("North Korea" is not "South Korea").
_COMPASS = frozenset(word.title() for word in COMPASS_WORDS)
#: wordfreq Zipf frequency from which a word is common English (about once per 100,000 words): a name
#: ending in one ("Trump", "Guard") takes the capitalised word before it ("Donald Trump", "Coast Guard").
COMMON_ZIPF = 4.0
#: Calendar words are capitalised but are not referents whose naming varies ("Monday", "April").
_CALENDAR = frozenset(w for w in (*calendar.month_name, *calendar.day_name) if w)
#: An appositive after a name: a determiner, a possessive or a possessive name first ("Orlov, the
#: foreign minister,", "Aksu, his Turkish counterpart,", "Orlov, Russia's top diplomat,").
_APPOSITIVE = re.compile(
    r",\s+((?:the|a|an|his|her|their|(?:[A-Z]\.){2,}['’]s|[A-Z][\w-]*['’]s)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)"
    r"(?=\s*(?:,|\.|;|—|\)|\s(?:that|which|who|whose|where)\b))"
)
#: Openers of an appositive that may also open a clause ("Orlov, Russia's exports grew."): such an
#: appositive must be closed by a comma, a dash or a bracket, not by the sentence's end (session 14 review).
_CLAUSE_OPENER = re.compile(r"(?:his|her|their|(?:[A-Z]\.){2,}['’]s|[A-Z][\w-]*['’]s)\s")
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))
_POSSESSIVE = re.compile(r"['’]s$")
_BARE_END = re.compile(r"(?:['’]s?|\.)$")
#: "Name (ACR)": an acronym defined right after a name.
_DEFINED = re.compile(r" \(([A-Z]{2,6})\)")
#: Patterns the per-run rules ask of every name, compiled once (asked through ``re.search(str, ...)``
#: each call looked its pattern up in re's cache: a tenth of the naming time).
_NON_SPACE = re.compile(r"\S+")
_APOSTROPHE_END = re.compile(r"['’]s?$")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_NUMBERED_INITIALISM = re.compile(r"[A-Z]{1,4}\d{1,2}")
_WORD_BEFORE = re.compile(r"([\w'’-]+) $")
_PLACE_OF = re.compile(r"\b([a-z]+) of $")
_NEXT_LOWER = re.compile(r" ([a-z][\w-]*)(?![\w'’-])")
_NEXT_LOWER_PAIR = re.compile(r" ([a-z][\w'’-]*)(?: ([\w'’-]+))?")
_NEXT_LETTERS = re.compile(r" ([a-z]+)(?![\w'’-])")
_LOWER_TAIL = re.compile(r"((?: [a-z][\w-]*){1,3})")
#: Followers that make a one-word name the subject of a verb, not a modifier ("Ruritania claims almost every reef").
#: Appended to a capital's key where it names the city (invisible, never part of a word), so the
#: city and the government it stands for elsewhere ("Doha said") are two keys.
_PLACE_MARK = "\u2060"
_VERB_FOLLOWER = frozenset({"almost", "the", "a", "an", "it", "its", "that", "as", "this", "to", "on", "was", "is",
                             "has", "had", "would", "will", "also", "not", "no", "sovereignty",
                             # a particle or a possessive after a word in -s: "Lind steps up his campaign"
                             "up", "down", "out", "off", "back", "his", "her", "their", "our"})


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` inside quotation marks (curly, straight or guillemets), within one paragraph.

    A small stand-in for the quotation spans of ``framing.quotes``; an unclosed quote runs to the end
    of its paragraph, as a quoted paragraph does in news prose.

    Examples
    --------
    >>> text = 'He called it “a great deal” and left.'
    >>> [text[s:e] for s, e in quotation_spans(text)]
    ['“a great deal”']
    """
    spans = []
    for opening, closing in _QUOTE_PAIRS:
        position = 0
        paragraph_end = -1  # the first blank line at or after the last start: looked for again only once passed
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            end = text.find(closing, start + 1)
            if paragraph_end < start:  # one scan per paragraph, not one to the end of a long line per quote
                paragraph_end = text.find("\n\n", start)
                if paragraph_end < 0:
                    paragraph_end = len(text)
            end = paragraph_end if end < 0 or end > paragraph_end else end + 1
            spans.append((start, end))
            position = end
    return sorted(spans)


class _Overlaps:
    """``overlaps(article, start, end)``: whether a span of ``held[article]`` overlaps ``[start, end)``,
    by one bisect over the spans sorted by start with the furthest end so far (a scan of every
    mention per title found grew with their product on a text that repeats a title)."""

    def __init__(self, held: dict[str, list[tuple[int, int]]]) -> None:
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}
        for article, spans in held.items():
            ordered = sorted(spans)
            self._starts[article] = [start for start, _ in ordered]
            self._reach[article] = list(accumulate((end for _, end in ordered), max))

    def __call__(self, article: str, start: int, end: int) -> bool:
        starts = self._starts.get(article)
        if not starts:
            return False
        before = bisect_left(starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[article][before - 1] > start


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans joined where they overlap or touch, so ``_inside`` can bisect them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted and disjoint, as ``_merged`` gives them):
    one bisect, where a scan of every quotation per mention grew with their product."""
    at = bisect_right(spans, (offset, math.inf)) - 1
    return at >= 0 and offset < spans[at][1]


def _noun_like(reports: Sequence[CoverageSource]) -> set[str]:
    """Lower-case words the corpus uses right after a determiner (or after one capitalised or hyphenated modifier)."""
    found: set[str] = set()
    for report in reports:
        text = report.text
        matches = list(_WORD.finditer(text))
        words = [m.group() for m in matches]
        # Words of one phrase stand next to each other: 'a “current and accurate” framework' has a
        # quotation mark between "a" and "current", which opens somebody's words, not a noun phrase.
        joined = [text[m.end() : n.start()].isspace() for m, n in zip(matches, matches[1:])]
        for i, word in enumerate(words[:-1]):
            if word.lower() in _DETERMINERS and joined[i]:
                if words[i + 1][0].islower():  # "the Trump administration" makes no noun of "Trump"
                    found.add(words[i + 1])
                # "the Chinese leader", "the self-governing island": one modifier may stand between.
                if (i + 2 < len(words) and joined[i + 1] and (words[i + 1][0].isupper() or "-" in words[i + 1])
                        and words[i + 2][0].islower()):
                    found.add(words[i + 2])
                # "a 145% tariff", "the 25 percent duty": a number stands where a modifier would.
                if i + 2 < len(words) and words[i + 1].isdigit():
                    after = 3 if words[i + 2] == "percent" and joined[i + 1] else 2
                    gap = text[matches[i + 1].end() : matches[i + 2].start()]
                    if (i + after < len(words) and gap in (" ", "% ") and (after == 2 or joined[i + 2])
                            and words[i + after][0].islower()):
                        found.add(words[i + after])
    return found - ENGLISH_STOP_WORDS


def find_naming(reports: Sequence[CoverageSource], facts: Sequence[Fact] = ()) -> tuple[Naming, ...]:
    """For the referents most outlets mention, each outlet's forms with counts (own and quoted apart).

    Parameters
    ----------
    reports : sequence of CoverageSource
    facts : sequence of Fact
        Facts from :func:`framing.facts.find_facts`; their aligned mentions give the swapped wordings.

    Returns
    -------
    tuple of Naming
        Sorted by how many outlets mention the referent, then by mentions.
    """
    outlets_total = len({r.outlet for r in reports})
    if outlets_total < 2:
        return ()
    reports = _bounded(reports)
    nouns = _noun_like(reports)
    lower_words = {w for r in reports for w in _WORD.findall(r.text) if w[:1].islower()}
    quotes = {r.id: _merged(quotation_spans(r.text)) for r in reports}
    mentions: dict[str, list[NamingMention]] = defaultdict(list)
    _name_mentions(reports, nouns, lower_words, quotes, mentions)
    _swap_mentions(reports, facts, nouns, quotes, mentions)
    titles = load_naming_words().titles
    outlet_of = {r.id: r.outlet for r in reports}
    needed = max(2, math.ceil(outlets_total / 2))
    # A head naming a referent already is left to it; a name too few outlets use to be a referent
    # (a headline's "State Visit") leaves its words to the common nouns ("the state visit").
    # A swapped wording of event nouns ("ceasefire deal / ceasefire agreement") leaves its nouns to the
    # common noun's referent, which holds every form of the thing (the swapped ones are among them).
    event_heads = load_naming_words().event_heads
    exclude = {w for key, items in mentions.items() if len({outlet_of[m.article] for m in items}) >= needed
               for w in key.lower().split() if " / " not in key or w not in event_heads} | titles
    named_heads = _named_heads(mentions, outlet_of, needed, nouns)
    absorbed: dict[str, list[NamingMention]] = {}
    common = common_mentions(reports, facts, nouns, lambda a, o: _inside(quotes[a], o), exclude, titles,
                             absorbed=frozenset(named_heads), absorbed_out=absorbed)
    for head, items in absorbed.items():  # "the summit", "a BRICS summit": the "BRICS Summit" named
        own = mentions[named_heads[head]]
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in own:
            spans[m.article].append((m.start, m.end))
        held_by_name = _Overlaps(spans)
        own.extend(m for m in items if not held_by_name(m.article, m.start, m.end))
    for head, items in common.items():
        if head not in mentions:
            mentions[head] = items
    _drop_covered_swaps(mentions, common)
    _join_initialisms(reports, mentions)
    for group, items in group_mentions(reports, lambda a, o: _inside(quotes[a], o)).items():
        if group not in mentions:
            mentions[group] = items
    held: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for items in mentions.values():
        for m in items:
            held[m.article].append((m.start, m.end))
    for title, items in unnamed_title_mentions(
            reports, lambda a, o: _inside(quotes[a], o),
            _Overlaps(held), needed, nouns).items():
        if title not in mentions:
            mentions[title] = items
    namings = []
    for referent, items in mentions.items():
        # One span found by two rules ("Aksu, the Turkish foreign minister,": an appositive and a
        # title standing for its one holder) is one mention.
        unique: dict[tuple[str, int, int], NamingMention] = {}
        for m in items:
            unique.setdefault((m.article, m.start, m.end), m)
        items = list(unique.values())
        outlets = {outlet_of[m.article] for m in items}
        if len(outlets) < needed:
            continue
        forms: dict[str, dict[str, int]] = {}
        quoted: dict[str, dict[str, int]] = {}
        for item in sorted(items, key=lambda m: (m.article, m.start)):
            table = quoted if item.quoted else forms
            cell = table.setdefault(outlet_of[item.article], {})
            cell[item.form] = cell.get(item.form, 0) + 1
        namings.append((len(outlets), len(items), referent, forms, quoted, items))
    namings.sort(key=lambda n: (-n[0], -n[1], n[2]))
    return tuple(
        Naming(referent=referent, forms=_sorted_table(forms), quoted_forms=_sorted_table(quoted),
               mentions=tuple(sorted(items, key=lambda m: (m.article, m.start))))
        for _, _, referent, forms, quoted, items in namings[:MAX_REFERENTS]
    )


#: An initialism defined in brackets ("(HPs)", "(EV)"), and the lower-case words right before it
#: ("heat pumps (HPs)"): read in the text before each bracket found, not tried at every offset.
_BRACKETED_INITIALISM = re.compile(r"\(([A-Z]{2,6})s?\)")
_LOWER_WORDS_BEFORE = re.compile(r"(?:[a-z][\w-]*\s){1,6}$")


def _join_initialisms(reports: Sequence[CoverageSource], mentions: dict[str, list[NamingMention]]) -> None:
    """An initialism the corpus defines after lower-case words whose initials it spells ("electric
    vehicles (EVs)") is a form of those words' referent, not a name of its own: its mentions, plural or
    not, join the referent that holds the defining words ("EVs" was a referent apart from "electric
    vehicles" on untuned EU-brandy pages)."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for key, items in mentions.items():
        for m in items:
            spans[m.article].append((m.start, m.end, key))
    joined: dict[str, str] = {}  # initialism key -> referent of its defining words
    for report in reports:
        text = report.text
        for match in _BRACKETED_INITIALISM.finditer(text):
            letters = match.group(1)
            window = max(0, match.start() - 120)
            before = _LOWER_WORDS_BEFORE.search(text, window, match.start())
            if before is None:
                continue
            words = list(re.finditer(r"\S+", before.group()))[-len(letters):]
            if len(words) != len(letters) or "".join(w.group()[0] for w in words).upper() != letters:
                continue
            start, end = before.start() + words[0].start(), before.start() + words[-1].end()
            holders = {key for s, e, key in spans[report.id] if s < end and start < e and key[:1].islower()}
            if len(holders) == 1:  # the defining words belong to one common-noun referent
                holder = holders.pop()
                for initialism in (letters, letters + "s"):
                    joined.setdefault(initialism, holder)
    for initialism, referent in joined.items():
        if referent in mentions and initialism in mentions and referent != initialism:
            mentions[referent].extend(mentions.pop(initialism))


def _named_heads(mentions: dict[str, list[NamingMention]], outlet_of: dict[str, str], needed: int,
                 nouns: set[str]) -> dict[str, str]:
    """Lower-case head -> the name of enough outlets that ends in it as a common noun ("summit" ->
    "BRICS Summit", the corpus writing "the summit" too): the head's lower-case uses are that name's
    mentions, not a referent apart, nor (as a word of a name) nobody's. A head two names end in
    ("Security Council", "National Security Council"?) goes to neither.

    >>> m = NamingMention
    >>> _named_heads({"Kessland Summit": [m("a", 0, 1, "x", False), m("b", 0, 1, "x", False)]},
    ...              {"a": "A", "b": "B"}, 2, {"summit"})
    {'summit': 'Kessland Summit'}
    """
    found: dict[str, str] = {}
    shared: set[str] = set()
    for key, items in mentions.items():
        if " " not in key or " / " in key or len({outlet_of[m.article] for m in items}) < needed:
            continue
        last = key.rsplit(" ", 1)[-1]
        head = last.lower()
        if not last[:1].isupper() or head not in nouns or head in ENGLISH_STOP_WORDS:
            continue
        if head in found and found[head] != key:
            shared.add(head)
        found[head] = key
    return {h: k for h, k in found.items() if h not in shared}


def _drop_covered_swaps(mentions: dict[str, list[NamingMention]], common: dict[str, list[NamingMention]]) -> None:
    """Drop a swapped wording's referent whose every mention lies inside one common-noun referent's
    mentions ("ceasefire deal / ceasefire agreement" inside the deal's): one thing, one table."""
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for head, items in common.items():
        by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in items:
            by_article[m.article].append((m.start, m.end))
        spans[head] = by_article
    for key in [k for k in mentions if " / " in k]:
        for by_article in spans.values():
            if all(any(s <= m.start and m.end <= e for s, e in by_article.get(m.article, ())) for m in mentions[key]):
                del mentions[key]
                break


def _bounded(reports: Sequence[CoverageSource]) -> list[CoverageSource]:
    """At most ``MAX_ARTICLES_PER_OUTLET`` articles of each outlet (first by id): naming is read per
    outlet, and a research corpus of thousands would otherwise cost tens of seconds for the same table."""
    seen: Counter[str] = Counter()
    kept = []
    for report in sorted(reports, key=lambda r: r.id):
        if seen[report.outlet] < MAX_ARTICLES_PER_OUTLET:
            seen[report.outlet] += 1
            kept.append(report)
    return kept


def _sorted_table(table: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {o: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for o, c in sorted(table.items())}


# --------------------------------------------------------------------------- names


def _runs(text: str, family: frozenset[tuple[str, str]] = frozenset()) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Capitalised runs with their word spans; leading stop words ("The", "On") and possessives dropped,
    but for a family name spelt like one (a pair of ``family``, from :func:`_family_names`: "He Lanfeng")."""
    runs: list[tuple[int, int, list[tuple[int, int]]]] = []
    for match in _NAME_RUN.finditer(text):
        # A run's words hold no space and are joined by exactly one space or no-break space, so
        # ``split`` gives them and their lengths give the offsets (no match object per word).
        words = []
        position = match.start()
        for piece in match.group().split():
            words.append((position, position + len(piece)))
            position += len(piece) + 1
        while (words and text[words[0][0] : words[0][1]].lower() in ENGLISH_STOP_WORDS
               and not _abbreviation(text[words[0][0] : words[0][1]])  # "US" is not the stop word "us"
               and not (len(words) > 1 and (text[words[0][0] : words[0][1]], _bare(text[words[1][0] : words[1][1]])) in family)):
            words.pop(0)
        if len(words) == 1 and "-" in text[words[0][0] : words[0][1]]:
            pairs = _country_pair(text, words[0]) or _named_prefix(text, words[0])
            if pairs:  # "China-US cooperation", "India-Pakistan talks": each country is named; "US-led": the US
                runs.extend((s, e, [(s, e)]) for s, e in pairs)
                continue
        if words:
            end = words[-1][1]
            if (len(words) == 2 and _abbreviation(text[words[1][0] : words[1][1]])
                    and text[words[0][0] : words[0][1]].lower() in load_naming_words().capitals):
                words = words[:1]  # "Washington D.C.": the capital, its district's initials kept in the form
            runs.append((words[0][0], end, words))
            for i, w in enumerate(words[:-1]):  # "Ruritania’s Joint Staff" also names Ruritania
                if _APOSTROPHE_END.search(text[w[0] : w[1]]):
                    if text[w[1] - 1] in "’'":  # a plural's "Philippines’ Coast Guard": the name ends before the mark
                        runs.append((words[0][0], w[1] - 1, [*words[:i], (w[0], w[1] - 1)]))
                    else:
                        runs.append((words[0][0], w[1], words[: i + 1]))
                    break
    return _joined_of(text, sorted(runs))


#: A word spelt like a stop word, capitalised mid-sentence (after a lower-case word or a comma) before
#: another capitalised word: only a name writes it so ("spokesman He Lanfeng", "said, Do Minh").
_FAMILY_CANDIDATE = re.compile(r"(?:(?<=[a-z] )|(?<=, ))([A-Z][a-z]*) ([A-Z][\w'’-]*\w)")
#: Articles before a capitalised word mid-sentence are a title's ("in The Hague"), never a family name.
_ARTICLES = frozenset({"the", "a", "an"})


def _family_names(texts: Sequence[str], lower_words: set[str]) -> frozenset[tuple[str, str]]:
    """(family name, next name word) pairs where the family name is spelt like a stop word ("He", "Do",
    "You"): seen capitalised mid-sentence, where no pronoun or preposition is, before a word the corpus
    never writes in lower case. Where the pair opens a sentence ("He Lanfeng said"), it is the name too.

    >>> _family_names(["Lanfeng said no, said spokesman He Lanfeng. In Kessland, he left. Ships, On Monday, left."],
    ...               {"said", "he", "left"})
    frozenset({('He', 'Lanfeng')})
    """
    pairs = set()
    for text in texts:
        for match in _FAMILY_CANDIDATE.finditer(text):
            first, second = match.group(1), _bare(match.group(2))
            if (first.lower() in ENGLISH_STOP_WORDS and first.lower() not in _ARTICLES
                    and second.lower() not in ENGLISH_STOP_WORDS and second.lower() not in lower_words
                    and second not in _CALENDAR):  # a title-cased "On Monday" names nobody
                pairs.add((first, second))
    return frozenset(pairs)


def _initials_end(text: str, start: int, end: int) -> int:
    """``end``, or one past it where dotted initials were cut before their last dot ("U.S" of "U.S.
    President", "China-U.S."): one form "U.S.", as the whole word is written.

    >>> text = "China-U.S. ties"
    >>> text[6:_initials_end(text, 6, 9)], text[0:_initials_end(text, 0, 5)]
    ('U.S.', 'China')
    """
    if text[end : end + 1] == "." and _DOTTED_INITIALS.fullmatch(text[start:end]):
        return end + 1
    return end


def _country_pair(text: str, word: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of the countries a hyphenated word joins ("China-US", "Russia-Ukraine"), or none
    where a part is no country's name ("Indo-Pacific", "Virginia-class", "Ruritania-based").

    >>> text = "China-US ties and Indo-Pacific waters"
    >>> [text[s:e] for s, e in _country_pair(text, (0, 8))], _country_pair(text, (18, 30))
    (['China', 'US'], [])
    """
    words = load_naming_words()
    spans: list[tuple[int, int]] = []
    position = word[0]
    for part in text[word[0] : word[1]].split("-"):
        if not part or not words.country(_bare(part)) or words.demonym(_bare(part)):
            return []
        spans.append((position, _initials_end(text, position, position + len(part))))
        position += len(part) + 1
    return spans if len(spans) >= 2 else []


def _named_prefix(text: str, word: tuple[int, int]) -> list[tuple[int, int]]:
    """The name a hyphenated adjective starts with ("US-led", "NATO-backed", "AUKUS-ready"): a country's
    name or an initialism before lower-case words; a demonym ("Russian-made"), another capitalised word
    ("Virginia-class") or a lower-case start names nothing.

    >>> text = "a US-led force, AUKUS-ready yards, Russian-made guns, Virginia-class boats"
    >>> [[text[s:e] for s, e in _named_prefix(text, m.span())] for m in re.finditer(r"[A-Z][A-Za-z-]+", text)]
    [['US'], ['AUKUS'], [], []]
    """
    first, _, rest = text[word[0] : word[1]].partition("-")
    if not rest or not all(part.isalpha() and part.islower() for part in rest.split("-")):
        return []
    naming_words = load_naming_words()
    country = naming_words.country(first) is not None and not naming_words.demonym(first)
    if country or _abbreviation(first) and first.isalpha():
        return [(word[0], word[0] + len(first))]
    return []


def _sentence_openers(lower_words: set[str],
                      prose_capitals: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> frozenset[str]:
    """``sentence_openers`` of ``naming_words.json`` the corpus also writes in lower case or never
    capitalises inside a sentence: capitalised only because a sentence starts with them ("Despite",
    "Amid", "Following"), never part of a name or a descriptor (an open list of every lower-case word
    took "Foreign" off "Foreign Minister Ada Example"). A corpus with one "Following Trump's remarks"
    and no lower-case "following" made "Following Trump" a name, and "Trump" could then link to
    neither it nor "Donald Trump"."""
    return frozenset(w for w in load_naming_words().sentence_openers
                     if w in lower_words or w.capitalize() not in prose_capitals[0])


def _without_opener(text: str, run: tuple[int, int, list[tuple[int, int]]],
                    openers: frozenset[str]) -> tuple[int, int, list[tuple[int, int]]]:
    """``run`` without its first word when that word opens a sentence and is an everyday word written
    in lower case elsewhere ("Despite Chinese warnings": "Despite" is no part of a name).

    >>> text = "Despite Kessland Guard ships, Kessland Guard left."
    >>> _without_opener(text, (0, 22, [(0, 7), (8, 16), (17, 22)]), frozenset({"despite"}))[:2]
    (8, 22)
    """
    start, end, words = run
    if len(words) < 2:
        return run
    first = text[words[0][0] : words[0][1]]
    before = text[max(0, start - 2) : start]
    opens = start == 0 or before.endswith(("\n", ". ", "? ", "! ", "” ", '" ')) or text[:start].strip() == ""
    if opens and first.lower() in openers and not _abbreviation(first):
        return words[1][0], end, words[1:]
    return run


#: A capitalised word of a title-case line whose lemma is this common in English (wordfreq Zipf) is a
#: headline's word, not a name's, unless the corpus capitalises it in prose ("retaliate" 3.1, "confirm"
#: 4.4; "Jinping" 2.8 and "Sunak" 1.4 stay even where only a headline names them).
HEADLINE_WORD_ZIPF = 3.0
def _prose_capitals(reports: Sequence[CoverageSource],
                    runs: dict[str, list[tuple[int, int, list[tuple[int, int]]]]]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the corpus capitalises in prose (outside title-case lines): inside a sentence (every word
    of a run but a run's first word at a sentence start), and at a sentence start ("Modi said")."""
    inside: set[str] = set()
    opening: set[str] = set()
    for report in reports:
        text = report.text
        for start, _, words in runs[report.id]:
            if _title_case_line(text, start):
                continue
            before = text[max(0, start - 2) : start]
            # A quotation's first word opens its sentence too ("“Peace be with you,” he said").
            opens = start == 0 or before.endswith(("\n", ". ", "? ", "! ", "” ", '" ', ": ", "“", ' "', '\n"'))
            if opens:
                opening.add(_bare(text[words[0][0] : words[0][1]]))
            inside.update(_bare(text[w[0] : w[1]]) for w in (words[1:] if opens else words))
    return frozenset(inside), frozenset(opening)


def _headline_parts(text: str, run: tuple[int, int, list[tuple[int, int]]],
                    prose_capitals: tuple[frozenset[str], frozenset[str]],
                    lower_words: set[str]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """A run of a title-case headline cut at its headline words: "U.S. Tariffs" is "U.S.", "Trump
    Confirms Implementation" is "Trump", "Mexico Take Effect" is "Mexico". A headline word is never
    capitalised inside a prose sentence, is no abbreviation, country or demonym ("North Korea",
    "Prime Minister" and "Trump" stand in prose too), and is written in lower case by the corpus, or
    is common English (its lemma) and never opens a prose sentence either ("Modi said" keeps "Modi").

    >>> text = "Trump Confirms Implementation of Tariffs on Canada\\nTrump said so."
    >>> _headline_parts(text, (0, 29, [(0, 5), (6, 14), (15, 29)]), (frozenset(), frozenset({"Trump"})), {"tariffs"})
    [(0, 5, [(0, 5)])]
    """
    start, _, words = run
    if not _title_case_line(text, start):
        return [run]
    inside, opening = prose_capitals
    naming_words = load_naming_words()
    parts: list[list[tuple[int, int]]] = [[]]
    for w in words:
        word = _bare(text[w[0] : w[1]])
        lowered = word.lower()
        headline_word = (word not in inside and not _abbreviation(word) and not naming_words.country(word)
                         and not naming_words.demonym(word)
                         and (lowered in lower_words or word not in opening
                              and zipf_frequency(lemmatize(lowered), "en") >= HEADLINE_WORD_ZIPF))
        if headline_word:
            parts.append([])
        else:
            parts[-1].append(w)
    return [(p[0][0], p[-1][1], p) for p in parts if p]


def _joined_of(text: str, runs: list[tuple[int, int, list[tuple[int, int]]]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Join "People’s Republic" + "of" + "China" into one run when the first ends in an everyday word
    ("Republic", "Ministry", "Gulf") that is no title ("President of X"; an institution's noun such as
    "Ministry" is one though the speaker roles list it) and the second has at most two words
    ("Ministry of Foreign Affairs")."""
    words = load_naming_words()
    titles = words.titles - words.institution_heads  # "Ministry of Commerce" is a name, "President of X" a title
    joined: list[tuple[int, int, list[tuple[int, int]]]] = []
    for run in runs:
        if joined and text[joined[-1][1] : run[0]] == " of " and _field_end(text, run[2]) is not None:
            last = joined[-1]
            word = _bare(text[last[2][-1][0] : last[2][-1][1]]).lower()
            if word in titles or lemmatize(word) in titles:  # "Secretary of State Ada Lind": a title, then the name
                joined[-1] = (last[0], run[1], [*last[2], (run[0] - 3, run[0] - 1), *run[2]])
                continue
        if joined and text[joined[-1][1] : run[0]] == " of " and (len(run[2]) <= 2 or _spelt_after(text, joined[-1], run)):
            last = joined[-1]
            word = text[last[2][-1][0] : last[2][-1][1]]
            # a title in the plural is a title too: "Leaders of Thailand and Cambodia" names no one
            if (zipf_frequency(word.lower(), "en") >= COMMON_ZIPF and word not in _CALENDAR
                    and word.lower() not in titles and lemmatize(word.lower()) not in titles):
                joined[-1] = (last[0], run[1], [*last[2], (run[0] - 3, run[0] - 1), *run[2]])
                continue
        joined.append(run)
    return joined


def _field_end(text: str, words: list[tuple[int, int]]) -> int | None:
    """Where the name starts in the run after a title's "of" that holds the title's field and then a
    name ("State Ada Lind" of "Secretary of State Ada Lind", "Foreign Affairs Bo Tran"): the field is
    the run's first words that are everyday English (wordfreq Zipf >= ``COMMON_ZIPF``), the name the
    rest, none of which is; ``None`` where the run is no such pair ("State", "Kessland", "Trade Mark").

    >>> text = "State Ada Lind, Foreign Affairs Ivo Tran, State Department"
    >>> [_field_end(text, w) for w in ([(0, 5), (6, 9), (10, 14)], [(16, 23), (24, 31), (32, 35), (36, 40)],
    ...                                 [(42, 47), (48, 58)])]
    [1, 2, None]
    """
    common = [zipf_frequency(_bare(text[a:b]).lower(), "en") >= COMMON_ZIPF for a, b in words]
    at = common.index(False) if False in common else len(common)
    if at == 0 or at == len(words) or any(common[at:]) or any(text[a:b] == "of" for a, b in words):
        return None
    return at


def _spelt_after(text: str, first: tuple[int, int, list[tuple[int, int]]], second: tuple[int, int, list[tuple[int, int]]]) -> bool:
    """Whether the acronym in brackets after ``second`` spells ``first`` + "of" + ``second``: it opens
    with the first word's initial and holds every word's initial in order ("Association of Southeast
    Asian Nations (ASEAN)"), so a name of more than two words after "of" is one name with it.

    >>> text = "the Association of Southeast Asian Nations (ASEAN) met"
    >>> _spelt_after(text, (4, 15, [(4, 15)]), (19, 42, [(19, 28), (29, 34), (35, 42)]))
    True
    """
    acronym = _DEFINED.match(text, second[1])
    if acronym is None:
        return False
    letters = iter(acronym.group(1))
    wanted = [text[w[0]] for w in (*first[2], *second[2])]
    return wanted[0] == acronym.group(1)[0] and all(initial in letters for initial in wanted)


@functools.lru_cache(maxsize=1 << 16)
def _bare(word: str) -> str:
    """``word`` without a possessive ending or a full stop (asked again and again of the same words: cached)."""
    return _BARE_END.sub("", word)


def _abbreviation(word: str) -> bool:
    """An all-capitals word of two to six letters, dots allowed ("US", "U.K"): never an everyday word."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _name_mentions(
    reports: Sequence[CoverageSource],
    nouns: set[str],
    lower_words: set[str],
    quotes: dict[str, list[tuple[int, int]]],
    mentions: dict[str, list[NamingMention]],
) -> None:
    family = _family_names([r.text for r in reports], lower_words)
    all_runs = {r.id: _runs(r.text, family) for r in reports}
    # _lower_tails reads the runs without the family names: the same runs where no family pair is written.
    plain_runs = {r.id: all_runs[r.id] for r in reports
                  if not any(f"{first} {second}" in r.text or f"{first}\u00a0{second}" in r.text for first, second in family)}
    prose_capitals = _prose_capitals(reports, all_runs)
    ambiguous_titles = _ambiguous_titles(reports)
    opens_quotes: dict[str, bool] = {}
    openers = _sentence_openers(lower_words, prose_capitals)
    all_runs = {r.id: [part for run in runs_ for part in _headline_parts(r.text, run, prose_capitals, lower_words)]
                for r, runs_ in ((r, all_runs[r.id]) for r in reports)}
    opened = {r.id: [_without_opener(r.text, run, openers) for run in all_runs[r.id]] for r in reports}
    attributive = _attributive(reports, opened)
    runs = {r.id: [run for run in opened[r.id] if not _modifier(r.text, run, nouns, attributive)] for r in reports}
    heads = Counter(_bare(r.text[w[-1][0] : w[-1][1]]) for r in reports for _, _, w in runs[r.id])
    alone = Counter(_bare(r.text[w[0][0] : w[0][1]]) for r in reports for _, _, w in runs[r.id] if len(w) == 1)
    # Union of a run's last word with the word before it when that one ends runs elsewhere too. A country
    # word is no first name: "Chinese EVs" after "Chinese electric vehicles (EVs)" put the vehicles under
    # China (session 14, untuned EU-brandy pages).
    words_ = load_naming_words()
    parent: dict[str, str] = {}

    def root(word: str) -> str:
        while parent.get(word, word) != word:
            word = parent[word]
        return word

    for report in reports:
        for _, _, words in runs[report.id]:
            if len(words) >= 2:
                last = _bare(report.text[words[-1][0] : words[-1][1]])
                before = _bare(report.text[words[-2][0] : words[-2][1]])
                # "Xi Jinping": "Jinping" rarely stands alone, "Xi" does; "April Beijing" stays apart.
                # A possessive is another referent: "Biden’s Indo-Pacific" does not make one name; a
                # title is no first name ("President Biden" beside a bare "President" of "President
                # (Donald) Trump" put Biden and the other president in one table, untuned pages).
                possessive = _POSSESSIVE.search(report.text[words[-2][0] : words[-2][1]]) is not None
                if (heads[before] and alone[last] <= 1 and before.lower() not in lower_words and not possessive
                        and before not in _CALENDAR and not words_.country(before) and root(before) != root(last)
                        and before.lower() not in ambiguous_titles):
                    parent[root(last)] = root(before)
    # A run's key depends on its words and the acronym written after it alone: found once per distinct run.
    keys: dict[tuple[str, int, int], str] = {}
    key_of: dict[tuple[tuple[str, ...], str | None], str] = {}
    for r in reports:
        for run in runs[r.id]:
            acronym = _DEFINED.match(r.text, run[2][-1][1])
            run_words = (tuple(r.text[a:b] for a, b in run[2]), acronym.group(1) if acronym else None)
            if run_words not in key_of:
                key_of[run_words] = _name_key(r.text, run[2], nouns, lower_words)
            keys[(r.id, run[0], run[1])] = key_of[run_words]
    full_names: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}  # (run's words, core) -> full name
    link = _suffix_links(set(keys.values()), Counter(keys.values()))
    found: list[tuple[str, str, NamingMention]] = []  # (key, written name, mention)
    places: set[str] = set()  # capitals named as the city where something happens
    defined: set[tuple[str, str]] = set()
    cued: set[tuple[str, str]] = set()
    for report in reports:
        text = report.text
        earlier: list[tuple[int, str]] = []  # (end, key) of this article's names so far
        for start, end, words in runs[report.id]:
            head = _bare(text[words[-1][0] : words[-1][1]])
            name = keys[(report.id, start, end)]
            if len(head) < 2 or head in _CALENDAR or (" " not in name and head.lower() in lower_words
                                                      and not _abbreviation(head)):
                continue  # "US" is an abbreviation even where the corpus writes "us"
            if words_.demonym(_bare(text[start:end])):
                continue  # "Russian", "South Korean": an adjective or a people, not a mention of the country
            if len(words) == 1 and head.lower() in words_.honorifics and _DOTTED_HONORIFIC.search(text[start : end + 2]):
                continue  # "Mr." of "Mr. Lind": the name's descriptor, no name
            if (len(words) == 1 and head not in prose_capitals[0] and not words_.country(head) and not _abbreviation(head)
                    and zipf_frequency(head.lower(), "en") >= COMMON_ZIPF
                    and (head.lower() in lower_words or _only_opens_quotes(head, reports, opens_quotes, quotes))):
                # "“Peace be with you”": an everyday word the corpus capitalises only where a sentence starts and
                # also writes in lower case, or only right after a quotation mark; a company that only opens
                # sentences ("Ford said ...") stays (review)
                continue
            key = root(head) if " " not in name else link.get(name, name)
            if " " not in name and key in link:
                key = link[key]
            if key.lower() in words_.capitals and _bare(text[words[0][0] : words[-1][1]]) == key:
                if _place_sense(text, start, end, words_):
                    key += _PLACE_MARK  # "talks in Doha": the city, a key no country rule reads
                    places.add(key)
                else:
                    key = words_.country(key) or key  # "Doha said": the government
            core: list[str] = []  # the run's name part: its last words that also end runs elsewhere
            for w in reversed(words):
                word = _bare(text[w[0] : w[1]])
                if not heads[word] or word.lower() in lower_words or (core and root(word) != key):
                    break
                core.insert(0, word)
            memo = (tuple(text[a:b] for a, b in words), tuple(core))  # _full_name reads the run's words alone
            if memo not in full_names:
                full_names[memo] = _full_name(text, words, core, alone, lower_words, nouns, family)
            core = full_names[memo]
            label = name if " " in name else key if " " in key else (" ".join(core) or head)  # as written, not linked
            # "the ongoing China-U.S. talks": words before a hyphenated pair describe the noun after it
            form_start = start if text[end : end + 1] == "-" else _descriptor_start(text, start, nouns, words_)
            if len(words) >= 2 and words_.country(_bare(text[words[0][0] : words[0][1]])) and form_start == start:
                form_start = _title_of_start(text, start, words_)
            if form_start < start:  # "Despite Chinese ...": a sentence's opener is no descriptor either
                spans = [(m.start() + form_start, m.end() + form_start) for m in _NON_SPACE.finditer(text[form_start:start])]
                form_start = _without_opener(text, (form_start, end, [*spans, (start, end)]), openers)[0]
            for w in words[:-1]:  # "Biden’s Indo-Pacific": the possessive is its own referent's mention
                written = text[w[0] : w[1]]
                if _POSSESSIVE.search(written) and not words_.country(written) and _bare(written) not in core:
                    form_start = w[1] + 1
            form_end = _name_head_end(text, end, _bare(text[start:end]), words_)
            if words_.country(_bare(text[start:end])) and len(words) == 1:
                form_end = _government_end(text, end, words_)  # "the US side": the country by its government
            form = _POSSESSIVE.sub("", " ".join(text[form_start:form_end].split()))
            found.append((key, label, NamingMention(report.id, form_start, form_end, form,
                                                    _inside(quotes[report.id], start))))
            found += _title_countries(report.id, text, words, words_, _inside(quotes[report.id], start))
            acronym = _DEFINED.match(text, end)
            if acronym and " " in key and key[0] == acronym.group(1)[0]:  # "Washington (AP)" defines nothing
                defined.add((key, acronym.group(1)))
            _cue_pairs(text, start, key, earlier, words_, cued)
            earlier.append((end, key))
            predicate = _predicate(text, start, end)
            if predicate is not None:  # "BRICS is an intergovernmental association": a form the rules count
                found.append((key, "", NamingMention(report.id, *predicate, " ".join(text[slice(*predicate)].split()),
                                                     _inside(quotes[report.id], predicate[0]))))
            appositive = _APPOSITIVE.match(text, end)
            if appositive and not _has_verb(appositive.group(1)) and _closed(appositive, text):
                # ", the Commission reported on Oct." is a clause
                a_start, a_end = appositive.span(1)
                found.append((key, "", NamingMention(report.id, a_start, a_end, " ".join(appositive.group(1).split()),
                                                     _inside(quotes[report.id], a_start))))
    found += _lower_tails(reports, {k for k, _, _ in found}, quotes, words_, plain_runs)
    aliases = Aliases()
    aliases.join_names({k for k, _, _ in found}, defined, cued, words_, places=places)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    grouped: dict[str, list[NamingMention]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for key, label, mention in found:
        group = aliases.root(key)
        members[group].add(key)
        grouped[group].append(mention)
        if label:
            labels[group][label] += 1
    grouped = _descriptions(reports, grouped, quotes, words_)
    _body_descriptions(reports, grouped, members, quotes, words_)
    _event_descriptions(reports, grouped, members, quotes, words_)
    # Name each group by its most common written name ("Xi Jinping" rather than "Xi"); a country by its name.
    for group, items in grouped.items():
        best = group
        countries = {words_.country(k) for k in members[group] - places} - {None}
        if len(countries) == 1:
            best = str(countries.pop())
        elif labels[group]:
            best = max(labels[group].items(), key=lambda kv: (min(kv[1], 2), len(kv[0].split()), kv[1], kv[0]))[0]
        if best in mentions:  # never merge two referents through a label
            best = group
        mentions[best].extend(items)


def _full_name(text: str, words: list[tuple[int, int]], core: list[str], alone: Counter[str],
               lower_words: set[str], nouns: set[str], family: frozenset[tuple[str, str]]) -> list[str]:
    """``core`` (a label's name words) with the name words before it in the run while its first word
    never stands alone: "Guo Jiakun", "He Lanfeng" (the family name written first, the given name never
    alone), where "Ada Lind" stays "Lind" once "Lind" is written by itself. A title, country, demonym,
    possessive, calendar word, or a word the corpus writes in lower case (a family pair's excepted) ends it.
    """
    if not core:
        return core
    naming_words = load_naming_words()
    written = [_bare(text[w[0] : w[1]]) for w in words]
    at = len(written) - len(core)
    if written[at:] != core:
        return core
    full = list(core)
    while at > 0 and not alone[full[0]]:
        raw = text[words[at - 1][0] : words[at - 1][1]]
        word = written[at - 1]
        lowered = word.lower()
        if (_POSSESSIVE.search(raw) or raw.endswith(("’", "'")) or word in _CALENDAR or _abbreviation(word)
                or lowered in _title_words() or lowered in nouns or naming_words.country(word)
                or naming_words.demonym(word) or lowered in lower_words and (word, full[0]) not in family):
            break
        full.insert(0, word)
        at -= 1
    return full


@functools.lru_cache(maxsize=4)
def _cue_patterns(before: tuple[str, ...], how: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The cue phrases as two compiled alternations (one regex per phrase and per name was a quarter
    of the naming time)."""
    def alternation(cues: tuple[str, ...]) -> str:
        return "(?:" + "|".join(re.escape(c) for c in cues) + ")"

    return (re.compile(r"\b" + alternation(before) + r" (?:the )?$") if before else None,
            re.compile(r"\b(?:is|are|was) how\b[^.]{0,40}\b" + alternation(how) + r" (?:the )?$") if how else None)


@functools.lru_cache(maxsize=4)
def _cue_endings(before: tuple[str, ...], how: tuple[str, ...]) -> tuple[str, ...]:
    """How a text before a name ends when a cue pattern of :func:`_cue_patterns` matches it: one of the
    cues, then a space or " the " (both patterns end so), asked first by one ``endswith``."""
    return tuple(ending for cue in (*before, *how) for ending in (cue + " ", cue + " the "))


def _place_sense(text: str, start: int, end: int, words: NamingWords) -> bool:
    """A capital named as a place: after a locative preposition ("talks in Doha", "at Tokyo") or as
    a dateline (an upper-case city opening a paragraph: "CAIRO —"); "Doha said" is its government.

    >>> w = load_naming_words()
    >>> text = "Talks in Doha went on. Doha said no.\\n\\nDOHA — The envoy left."
    >>> [_place_sense(text, m.start(), m.end(), w) for m in re.finditer("Doha|DOHA", text)]
    [True, False, True]
    """
    before = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 20) : start])
    if before and before.group(1).lower() in words.locatives:
        return True
    written = text[start:end]
    at_paragraph_start = start == 0 or text[max(0, start - 2) : start] == "\n\n" or text[:start].strip() == ""
    return written.isupper() and at_paragraph_start and re.match(r"\s*[—–,(-]", text[end : end + 3]) is not None


def _cue_pairs(text: str, start: int, key: str, earlier: list[tuple[int, str]], words: NamingWords,
               cued: set[tuple[str, str]]) -> None:
    """Record (earlier name, this name) when a cue phrase before this name says they are one referent:
    "the Ruritanian name for Example Reef", "Alpha Islands is how Ruritania calls Beta Islands",
    "Gamma Reef (Example Reef)" (invented names). The two must share their head word ("Reef")."""
    before = " ".join(text[max(0, start - 80) : start].lower().split()) + " "
    alias_before, alias_how = _cue_patterns(words.alias_before, words.alias_how_calls)
    cue = (before.endswith(" (") and bool(earlier) and earlier[-1][0] >= start - 2
           or before.endswith(_cue_endings(words.alias_before, words.alias_how_calls))
           and (alias_before is not None and alias_before.search(before) is not None
                or alias_how is not None and alias_how.search(before) is not None))
    if not cue:
        return
    head = key.split()[-1].lower()
    for end, other in reversed(earlier):
        if start - end > 400:
            break
        if other != key and other.split()[-1].lower() == head:
            cued.add((other, key))
            return


def _lower_tails(reports: Sequence[CoverageSource], keys: set[str], quotes: dict[str, list[tuple[int, int]]],
                 words: NamingWords,
                 known_runs: dict[str, list[tuple[int, int, list[tuple[int, int]]]]] | None = None,
                 ) -> list[tuple[str, str, NamingMention]]:
    """A country word with lower-case words after it that spell a known name: "Chinese coastguard" and
    "China’s coast guard" are the "China Coast Guard" of other articles. ``known_runs`` holds articles'
    :func:`_runs` already found (without family names), so they are not found twice."""
    index = {compact(k, words): k for k in keys if " " in k}
    known_of: dict[str, str | None] = {}  # phrase -> the name it spells: compact once per distinct phrase
    found = []
    for report in reports:
        text = report.text
        runs = known_runs.get(report.id) if known_runs is not None else None
        for start, end, run_words in runs if runs is not None else _runs(text):
            if len(run_words) > 2 or not words.country(_bare(text[start:end])):
                continue
            tail = _LOWER_TAIL.match(text[end : end + 60])
            if not tail:
                continue
            parts = tail.group(1).split()
            for size in range(len(parts), 0, -1):
                phrase = text[start:end] + " " + " ".join(parts[:size])
                if phrase not in known_of:
                    known_of[phrase] = index.get(compact(phrase, words))
                known = known_of[phrase]
                if known:
                    stop = end + len(" ".join(parts[:size])) + 1
                    form = _POSSESSIVE.sub("", " ".join(text[start:stop].split()))
                    found.append((known, "", NamingMention(report.id, start, stop, form, _inside(quotes[report.id], start))))
                    break
    return found


def _descriptions(reports: Sequence[CoverageSource], grouped: dict[str, list[NamingMention]],
                  quotes: dict[str, list[tuple[int, int]]], words: NamingWords) -> dict[str, list[NamingMention]]:
    """Mentions without a name: "the president", "his Chinese counterpart" (a person this article has
    named with that title, or of that country, when only one fits) and "the Ann Example regime" (a
    person's country, from the country word of their other forms)."""
    country_of: dict[str, str] = {}
    titles_of: dict[str, set[str]] = defaultdict(set)
    bare_titles: dict[str, set[str]] = defaultdict(set)
    titles_pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(words.titles, key=len, reverse=True)) + r")\b")
    # Read once per distinct form: a name's forms repeat (17,740 mentions, 151 forms on 250 bench articles).
    read: dict[str, tuple[list[str], list[str], bool]] = {}
    for group, items in grouped.items():
        countries: Counter[str] = Counter()
        for m in items:
            if m.form not in read:
                read[m.form] = _form_countries_titles(m.form, titles_pattern, words)
            form_countries, form_titles, with_country = read[m.form]
            for form_country in form_countries:
                if form_country != group:
                    countries[form_country] += 1
            for title in form_titles:
                titles_of[group].add(title)
                if not with_country:
                    bare_titles[group].add(title)
        if countries and not words.country(group):
            country_of[group] = countries.most_common(1)[0][0]
    people = set(titles_of)
    title_words = sorted(words.titles | words.relational, key=len, reverse=True)
    # The country may be dotted or initials ("The U.S. president"); one lower-case office word may
    # stand before the title ("his treasury secretary") when the person is named with it elsewhere.
    pattern = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+((?:(?:[A-Z][a-z]+|(?:[A-Z]\.){2,}|[A-Z]{2,3})\s+){0,2}?)"
                         r"((?:[a-z]+\s+)??)(" + "|".join(map(re.escape, title_words))
                         + r")\b(?!\s+(?:of\s+)?[A-Z])(?![\w-])(?!\s+(?:" + "|".join(map(re.escape, title_words)) + r")\b)")
    offices: dict[str, str] = {}  # group -> its forms, lower case, to find an office word's title in
    for group in people:
        offices[group] = " | ".join(m.form.lower() for m in grouped[group])
    at: dict[tuple[str, int], str] = {}
    for group, items in grouped.items():
        for m in items:
            at[(m.article, m.start)] = group
    out = {g: list(items) for g, items in grouped.items()}
    named_in: dict[str, set[str]] = defaultdict(set)  # article -> people it names (one pass, not one per article)
    holders: dict[tuple[str, str | None, str], frozenset[str]] = {}  # (title, country, office) -> people holding it
    for g in people:
        for m in grouped[g]:
            named_in[m.article].add(at[(m.article, m.start)])
    for report in reports:
        named = named_in[report.id]
        for match in pattern.finditer(report.text):
            adjective, office, title = match.group(1).strip(), match.group(2).strip(), match.group(3).lower()
            country = words.country(adjective) if adjective else None
            if adjective and not country or office and (office in ENGLISH_STOP_WORDS or title in words.relational):
                continue
            if title in words.relational:
                fits = {g for g in named if country and country_of.get(g) == country}
            else:
                if (title, country, office) not in holders:  # the same few descriptions recur: asked once each
                    holders[(title, country, office)] = frozenset(
                        g for g in people if title in titles_of[g] and (not country or country_of.get(g) == country)
                        and (not office or f"{office} {title}" in offices[g]))
                holding = holders[(title, country, office)]
                fits = set(holding & named)
                if len(fits) > 1 and not country:
                    fits = {g for g in fits if title in bare_titles[g]}
                if not fits and not any(title in titles_of[g] for g in named):
                    # "his treasury secretary" in an article naming no secretary: the one person the
                    # corpus names with that office, if only one.
                    fits = set(holding)
            if len(fits) == 1:
                start = match.start(1) if adjective else match.start(2) if office else match.start(3)
                out[fits.pop()].append(NamingMention(report.id, match.start(), match.end(), " ".join(match.group().split()),
                                                     _inside(quotes[report.id], start)))
    _own_countries(reports, grouped, people, country_of, quotes, out)
    # "the Ann Example regime": the person's country's government.
    text_of = {r.id: r.text for r in reports}
    before_government = _before_government(reports, words)
    for group, items in grouped.items():
        country = country_of.get(group)
        if not country:
            continue
        taken = set()
        for m in items:
            after = re.match(r"\s+(\w+)", text_of[m.article][m.end : m.end + 30])
            if after and after.group(1).lower() in words.government_words:
                stop = m.end + after.end()
                taken.add((m.article, stop))
                form = " ".join(text_of[m.article][m.start : stop].split())
                out.setdefault(country, []).append(NamingMention(m.article, m.start, stop, form, m.quoted))
        _surname_governments(before_government, items, country, taken, quotes, words, out)
    _unqualified_governments(reports, out, quotes, words)
    return out


def _form_countries_titles(form: str, titles_pattern: re.Pattern[str],
                            words: NamingWords) -> tuple[list[str], list[str], bool]:
    """What :func:`_descriptions` reads of one form: the countries its two- then one-word spans name (in
    that order, repeats kept), the titles in it, and whether a word of it names a country.

    >>> w = load_naming_words()
    >>> _form_countries_titles("US President Ann Example", re.compile("(president)"), w)
    (['United States'], ['president'], True)
    """
    lowered = form.lower().replace("’", "'")
    split = lowered.split()
    countries = []
    for size in (2, 1):
        for i in range(len(split) - size + 1):
            country = words.country(" ".join(split[i : i + size]))
            if country:
                countries.append(country)
    titles = titles_pattern.findall(lowered)
    with_country = bool(titles) and any(words.country(w) for w in split)
    return countries, titles, with_country


def _unqualified_governments(reports: Sequence[CoverageSource], out: dict[str, list[NamingMention]],
                             quotes: dict[str, list[tuple[int, int]]], words: NamingWords) -> None:
    """"The administration said", "senior administration officials": a government word standing alone
    (``unqualified_governments`` of ``naming_words.json``) is the government of the one country the
    corpus writes it after ("the Lind administration", "the US administration"), or, where it writes
    it after none, of the listed country (news English: the US executive) if the corpus names that
    country; after two countries it is nobody's. "The administration of the port" is no government."""
    for word, default in words.unqualified_governments.items():
        tied = {words.country(g) or g for g, items in out.items()
                if any(m.form.lower().endswith(" " + word) for m in items)}
        tied = {c for c in tied if c in words.country_names.values()}
        if len(tied) > 1:
            continue
        country = next(iter(tied)) if tied else default
        if not any((words.country(g) or g) == country for g in out):
            continue  # the corpus never names that country: "the administration" may be anybody's
        held: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for items in out.values():
            for m in items:
                held[m.article].append((m.start, m.end))
        pattern = re.compile(r"(?<![\w'’.-])(" + re.escape(word) + r")(?![\w'’-])( of\b| officials?\b)?", re.IGNORECASE)
        for report in reports:
            text = report.text
            for match in pattern.finditer(text):
                start, end = match.span(1)
                before = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
                previous = before.group(1) if before else ""
                following = (match.group(2) or "").strip().lower()
                if following == "of" or previous[:1].isupper() and previous not in {"The", "Senior", "Former"}:
                    continue  # "the administration of the port"; "the Lind administration" (another rule's)
                if not (previous.lower() == "the" or following.startswith("official")):
                    continue  # "a new administration" is any government
                if text[start].isupper() and previous.lower() != "the" and not following:
                    continue
                if any(s < end and start < e for s, e in held[report.id]):
                    continue
                out.setdefault(country, []).append(NamingMention(report.id, start, end, text[start:end],
                                                                 _inside(quotes[report.id], start)))


#: "his country", "her government": a person's own country, named by the nearest person before it.
_OWN_COUNTRY = re.compile(r"\b(?:[Hh]is|[Hh]er) (?:country|nation|government)\b(?![\w-])")
#: Characters back from "his country" within which its person must be named (about one sentence).
OWN_COUNTRY_WINDOW = 160


def _own_countries(reports: Sequence[CoverageSource], grouped: dict[str, list[NamingMention]], people: set[str],
                   country_of: dict[str, str], quotes: dict[str, list[tuple[int, int]]],
                   out: dict[str, list[NamingMention]]) -> None:
    """"Trudeau said his country would ...": a mention of the country of the person named last before
    it in the same sentence, when their forms give one ("Canadian Prime Minister Justin Trudeau")."""
    named: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> (end, person)
    for group in people:
        if group in country_of:
            for m in grouped[group]:
                named[m.article].append((m.end, group))
    for report in reports:
        before = sorted(named.get(report.id, ()))
        if not before:
            continue
        ends = [end for end, _ in before]
        for match in _OWN_COUNTRY.finditer(report.text):
            last = bisect_right(ends, match.start()) - 1
            if last < 0:
                continue
            end, person = before[last]
            between = report.text[end : match.start()]
            if match.start() - end > OWN_COUNTRY_WINDOW or re.search(r"[.!?]\s", between):
                continue
            out.setdefault(country_of[person], []).append(
                NamingMention(report.id, match.start(), match.end(), " ".join(match.group().split()),
                              _inside(quotes[report.id], match.start())))


def _government_end(text: str, end: int, words: NamingWords) -> int:
    """Where a government word right after ``end`` ends ("US side", "Chinese government"), else ``end``.

    >>> w = load_naming_words()
    >>> text = "the US side and Chilean farmers"
    >>> text[4:_government_end(text, 6, w)], text[16:_government_end(text, 23, w)]
    ('US side', 'Chilean')
    """
    following = _NEXT_LETTERS.match(text[end : end + 30])
    if following and following.group(1) in words.government_words:
        return end + following.end()
    return end


def _before_government(reports: Sequence[CoverageSource],
                       words: NamingWords) -> list[tuple[str, list[tuple[str, re.Match[str]]]]]:
    """Per article, every capitalised word right before a government word ("Lind administration"),
    with the match: found once for all people, where a regex of each person's surnames read every
    text again (a ninth of the naming time on 1,000 articles).

    A surname of :func:`_surname_governments` is such a word (capitalised, then a lower-case letter,
    then word characters up to the space), so its matches are the ones whose word is a surname.
    Government words are lower case, so no match starts inside another and none is lost.

    >>> from types import SimpleNamespace as Ns
    >>> found = _before_government([Ns(id="a", text="The Lind  administration and US side")], load_naming_words())
    >>> [(word, m.group()) for word, m in found[0][1]]
    [('Lind', 'Lind  administration')]
    """
    pattern = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*)\s+("
                         + "|".join(map(re.escape, sorted(words.government_words))) + r")(?![\w-])")
    found = []
    for report in reports:
        matches = [(match.group(1), match) for match in pattern.finditer(report.text)]
        if matches:
            found.append((report.id, matches))
    return found


def _surname_governments(before_government: list[tuple[str, list[tuple[str, re.Match[str]]]]],
                         items: list[NamingMention], country: str,
                         taken: set[tuple[str, int]], quotes: dict[str, list[tuple[int, int]]],
                         words: NamingWords, out: dict[str, list[NamingMention]]) -> None:
    """"the Lind administration" in any article, the person's surname alone before a government word
    (a run read as a modifier, so no mention of the person to extend): a mention of their country.
    ``before_government`` is :func:`_before_government` of the articles."""
    surnames = {m.form.split()[-1] for m in items if re.fullmatch(r"[A-Z][a-z][\w'’-]*", m.form.split()[-1])}
    surnames = {w for w in surnames if not words.country(w) and not words.demonym(w) and w not in _CALENDAR}
    if not surnames:
        return
    for article, matches in before_government:
        for word, match in matches:
            if word in surnames and (article, match.end()) not in taken:
                taken.add((article, match.end()))
                out.setdefault(country, []).append(NamingMention(article, match.start(), match.end(),
                                                                 " ".join(match.group().split()),
                                                                 _inside(quotes[article], match.start())))


def _body_descriptions(reports: Sequence[CoverageSource], grouped: dict[str, list[NamingMention]],
                       members: dict[str, set[str]], quotes: dict[str, list[tuple[int, int]]],
                       words: NamingWords) -> None:
    """Add "the bloc", "the 27-nation bloc", "the alliance" to the one body of that class the article
    names (``body_descriptors`` of ``naming_words.json``: "bloc" -> the EU, ASEAN, ...); where the article
    names two bodies a noun fits ("the bloc" beside the EU and Mercosur), it is nobody's mention."""
    if not words.body_descriptors:
        return
    nouns = "|".join(re.escape(n) for n in sorted(words.body_descriptors, key=len, reverse=True))
    pattern = re.compile(r"\b[Tt]he ((?:[a-z0-9][\w-]*-[\w-]+ |[a-z]+ )?)(" + nouns + r")\b(?![\w-])")
    group_of: dict[tuple[str, str], str] = {}  # (article, body key) -> group
    for group, items in grouped.items():
        bodies = {k.lower() for k in members.get(group, ()) if k.lower() in words.bodies_of_descriptor}
        for m in items:
            for body in bodies:
                group_of[(m.article, body)] = group
    if not group_of:
        return
    by_article: dict[str, dict[str, str]] = defaultdict(dict)
    for (article, body), group in group_of.items():
        by_article[article][body] = group
    for report in reports:
        named = by_article.get(report.id)
        if not named:
            continue
        for match in pattern.finditer(report.text):
            modifier = match.group(1).strip()
            if modifier and modifier in ENGLISH_STOP_WORDS:
                continue
            fits = {g for body, g in named.items() if body in words.body_descriptors[match.group(2)]}
            if len(fits) == 1:
                start = match.start(1) if modifier else match.start(2)
                grouped[fits.pop()].append(NamingMention(report.id, start, match.end(),
                                                         " ".join(report.text[start : match.end()].split()),
                                                         _inside(quotes[report.id], start)))


#: A copula and a determiner after a name ("BRICS is an ..."), or an opening quotation mark and a
#: determiner after a name that "called" stands before ("Sunak called AUKUS “the most ...”").
_COPULA_AFTER = re.compile(r" (?:is|was|remains|became) (?:an?|the) ")
_CALLED_BEFORE = re.compile(r"\bcall(?:ed|s) (?:the )?$")
_QUOTED_AFTER = re.compile(r" [“\"](?:an?|the) ")
#: What stands before a name that is its clause's subject: a sentence's or a line's start, a comma, a
#: colon or "that", then at most "the" ("goods imported from China is a clear example": not China's).
_CLAUSE_START = re.compile(r"(?:^|[.?!:;,—]\s|\n|\bthat )(?:[Tt]he )?$")
#: Longest predicate noun phrase taken (words).
MAX_PREDICATE_WORDS = 6


def _predicate(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a predicate noun phrase that characterises the name at ``start:end``, its determiner
    dropped and the phrase after its head too ("BRICS is an intergovernmental association created in
    2006" -> "intergovernmental association"), or None.

    The name must open its clause (a sentence's start, after a comma or "that"). The phrase runs
    from the word after the determiner to the word before a stop word, a past form in
    -ed ("created"), or punctuation; it must end in a word that is no stop word or number ("the first to
    act" characterises nothing), and a one-word head before "of" is a relation, not a description
    ("a member of the council").

    >>> text = "BRICS is an intergovernmental association created in 2006."
    >>> text[slice(*_predicate(text, 0, 5))]
    'intergovernmental association'
    >>> _predicate("BRICS is a member of the G20.", 0, 5) is None
    True
    """
    after = _COPULA_AFTER.match(text, end) if _CLAUSE_START.search(text[max(0, start - 12) : start]) else None
    if after is None and _CALLED_BEFORE.search(text[max(0, start - 16) : start]):
        after = _QUOTED_AFTER.match(text, end)
    if after is None:
        return None
    taken: list[re.Match[str]] = []
    for word in _WORD.finditer(text, after.end(), min(len(text), after.end() + 120)):
        lower = word.group().lower()
        if taken and text[taken[-1].end() : word.start()] != " " or len(taken) == MAX_PREDICATE_WORDS:
            break
        if taken and (lower in ENGLISH_STOP_WORDS or word.group()[0].isupper()) or lower.endswith("ed") and lemmatize(lower) != lower:
            break  # "... association created in 2006", "the term Filipinos use"; "finest", "largest" stay
        taken.append(word)
    if not taken:
        return None
    last = taken[-1].group().lower()
    if last in ENGLISH_STOP_WORDS or not last.isalpha() and "-" not in last and "'" not in last and "’" not in last:
        return None
    if len(taken) == 1 and text[taken[-1].end() : taken[-1].end() + 4] == " of ":
        return None
    return taken[0].start(), taken[-1].end()


def _closed(appositive: re.Match[str], text: str) -> bool:
    """Whether an appositive that opens like a clause (a possessive) is closed as an aside is: by a comma,
    a dash or a bracket. One opening with a determiner may also end the sentence ("…, the minister.")."""
    if not _CLAUSE_OPENER.match(appositive.group(1)):
        return True
    return text[appositive.end():appositive.end() + 8].lstrip()[:1] in (",", "—", ")")


def _event_descriptions(reports: Sequence[CoverageSource], grouped: dict[str, list[NamingMention]],
                        members: dict[str, set[str]], quotes: dict[str, list[tuple[int, int]]],
                        words: NamingWords) -> None:
    """Add "the event" to the one named event of the corpus (a name ending in a noun of
    ``event_descriptors``: "the event" -> "Kessland Summit", "... Conference"), in an article that
    names it or writes its noun; with two named events, or "in the event of", it is nobody's."""
    for descriptor, heads in words.event_descriptors.items():
        events = {g for g in grouped for k in members.get(g, ()) if " " in k and k.rsplit(" ", 1)[-1].lower() in heads}
        if len(events) != 1:
            continue
        group = events.pop()
        nouns = {k.rsplit(" ", 1)[-1].lower() for k in members[group]}
        pattern = re.compile(r"(?<![Ii]n )\b[Tt]he (" + re.escape(descriptor) + r")\b(?![\w-])(?! (?:of|that)\b)")
        named_in = {m.article for m in grouped[group]}
        for report in reports:
            if report.id not in named_in and not any(re.search(r"\b" + re.escape(n) + r"\b", report.text, re.IGNORECASE)
                                                     for n in nouns):
                continue
            for match in pattern.finditer(report.text):
                start = match.start(1)
                grouped[group].append(NamingMention(report.id, start, match.end(1), match.group(1),
                                                    _inside(quotes[report.id], start)))


def _name_heads() -> frozenset[str]:
    return load_naming_words().name_heads


def _title_countries(article: str, text: str, words: list[tuple[int, int]], naming_words: NamingWords,
                     quoted: bool) -> list[tuple[str, str, NamingMention]]:
    """The country a title in a name's run belongs to ("US President Donald Trump", "UK Prime Minister
    Ann Example"): a mention of the country besides the person's. A demonym ("Indian Foreign Secretary")
    names no country, and a possessive ("China's President") is a run of its own already.

    >>> text = "US President Ann Example met Indian Foreign Secretary Bo Tran and China Coast Guard."
    >>> runs = [[(0, 2), (3, 12), (13, 16), (17, 24)], [(29, 35), (36, 43), (44, 53), (54, 56), (57, 61)],
    ...         [(66, 71), (72, 77), (78, 84)]]
    >>> [[m.form for _, _, m in _title_countries("a", text, r, load_naming_words(), False)] for r in runs]
    [['US'], [], []]
    >>> text = "UK Prime Minister Bo Tran"
    >>> [m.form for _, _, m in _title_countries("a", text, [(0, 2), (3, 8), (9, 17), (18, 20), (21, 25)],
    ...                                         load_naming_words(), False)]
    ['UK']
    """
    found = []
    titles = _title_words()
    for i, (w, after) in enumerate(zip(words, words[1:])):
        written = text[w[0] : w[1]]
        name = _bare(written)
        if not naming_words.country(name):
            continue  # asked first: most words of a run are no country, and the title words need not be read
        two = " ".join(text[x[0] : x[1]].lower() for x in words[i + 1 : i + 3])
        if ((text[after[0] : after[1]].lower() in titles or two in naming_words.titles)
                and not naming_words.demonym(name) and not _POSSESSIVE.search(written)):
            end = _initials_end(text, w[0], w[0] + len(name))
            found.append((name, "", NamingMention(article, w[0], end, text[w[0] : end], quoted)))
    return found


def _only_opens_quotes(word: str, reports: Sequence[CoverageSource], memo: dict[str, bool],
                       quotes: dict[str, list[tuple[int, int]]] | None = None) -> bool:
    """True when every time the corpus writes ``word`` it opens a quotation ("“Peace be with you”"),
    or (given the articles' ``quotes``) opens a sentence inside one ("“... a truce. Congratulations to
    both!”", "“Thank you”"): somebody's words, capitalised because their sentence starts there.

    >>> from types import SimpleNamespace as Ns
    >>> reports = [Ns(id="a", text='He wrote: “We agreed. Congratulations to all.” Ford said no.')]
    >>> quotes = {"a": [(10, 46)]}
    >>> _only_opens_quotes("Congratulations", reports, {}, quotes), _only_opens_quotes("Ford", reports, {}, quotes)
    (True, False)
    """
    if word not in memo:
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
        memo[word] = all(
            m.start() > 0 and (r.text[m.start() - 1] in "“\"‘'" or quotes is not None and _inside(quotes[r.id], m.start())
                               and r.text[: m.start()].rstrip().endswith((".", "!", "?", "“", '"', ":")))
            for r in reports for m in pattern.finditer(r.text))
    return memo[word]


#: A capitalised word and the name after it, a bracket allowed between ("President (Donald) Trump").
_TITLE_FOLLOWER = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) \(?([A-Z][\w'’-]*)")


def _ambiguous_titles(reports: Sequence[CoverageSource]) -> frozenset[str]:
    """Title words the corpus writes before two or more different names ("President Biden", "President
    (Donald) Trump"): such a title is no first name of a union, or one president's table takes another's
    mentions. A title before one name only ("King Charles" beside "the King") still joins it (review)."""
    titles = _title_words()
    followers: dict[str, set[str]] = {}
    for report in reports:
        for match in _TITLE_FOLLOWER.finditer(report.text):
            word = match.group(1).lower()
            if word in titles:
                followers.setdefault(word, set()).add(match.group(2))
    return frozenset(word for word, names in followers.items() if len(names) >= 2)


@functools.cache
def _title_words() -> frozenset[str]:
    """One-word titles and honorifics ('president', 'minister', 'mr'): never part of a name's key. Words
    of longer titles are left out ('coast', 'state' of 'coast guard commander', 'secretary of state')."""
    words = load_naming_words()
    return frozenset(phrase for phrase in (*words.titles, *words.honorifics) if " " not in phrase)


def _name_key(text: str, words: list[tuple[int, int]], nouns: set[str], lower_words: set[str]) -> str:
    """The name a run refers by: its last word, extended leftwards over the words of a compound name.

    "Second Thomas Shoal" -> "Thomas Shoal" (a common-noun head takes the word before it), "North Korea"
    and "South Korea" stay apart (a compass word belongs to the name), "President Donald Trump" ->
    "Donald Trump" (a title, a word the corpus also writes in lower case, is not part of the name).
    """
    of = next((i for i, w in enumerate(words) if text[w[0] : w[1]] == "of"), None)
    if of is not None:
        title = _bare(text[words[of - 1][0] : words[of - 1][1]]).lower() if of else ""
        field = _field_end(text, words[of + 1 :])
        if (field is not None and title not in load_naming_words().institution_heads
                and (title in _title_words() or lemmatize(title) in _title_words())):
            return _name_key(text, words[of + 1 + field :], nouns, lower_words)  # "Secretary of State Ada Lind": Lind
        return " ".join(_bare(text[w[0] : w[1]]) for w in words)  # "Ministry of Foreign Affairs" is one name
    full = " ".join(_bare(text[w[0] : w[1]]) for w in words)
    acronym = _DEFINED.match(text, words[-1][1])
    if len(words) >= 2 and acronym and initials(full) == acronym.group(1):
        return full  # "World Trade Organization (WTO)": the name its acronym spells is one name, not "Organization"
    key = [_bare(text[words[-1][0] : words[-1][1]])]
    after_particle = False
    for w in reversed(words[:-1]):
        previous = text[w[0] : w[1]]
        if previous.endswith(("s’", "s'")) and previous[:-1].lower() in lower_words:
            # "Ulster Farmers’ Union", "the Workers’ Party": a plural common noun's possessive inside a
            # name, not an owner before it ("Philippines’ coast guard"); the word before it joins too
            key.insert(0, previous)
            after_particle = True
            continue
        if _POSSESSIVE.search(previous) or previous.endswith(("’", "'")) or previous in _CALENDAR:
            break  # "China's", "Philippines’" and "April" in "April Beijing" are not part of the name
        first = key[0].lower()
        lowered = previous.lower()
        if lowered in NAME_PARTICLES:
            # "Ursula von der Leyen": the particles and the word before them belong to the name; a
            # particle is keyed in lower case, so "Von der Leyen" opening a sentence is a shorter form
            key.insert(0, lowered)
            after_particle = True
            continue
        if lowered in _title_words():
            break  # "US President Donald Trump" -> "Donald Trump" even where no one writes "president" in lower case
        if after_particle:
            key.insert(0, previous)
            after_particle = False
        elif previous in _COMPASS or first in _name_heads() or first in lower_words or first in nouns or zipf_frequency(first, "en") >= COMMON_ZIPF and lowered not in lower_words and lowered not in nouns:
            key.insert(0, previous)
        else:
            break
    return " ".join(key)


def _suffix_links(keys: set[str], written: Counter[str] | None = None) -> dict[str, str]:
    """A shorter name joins the longer one it ends ("Trump" -> "Donald Trump") when that is unambiguous.

    Only keys with the same last word can end one another, so each key is compared with those alone
    (comparing every pair was 10 s of naming on 250 long articles with 4,400 keys).
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_last[key.rsplit(" ", 1)[-1]].append(key)
    links = {}
    institutions = load_naming_words().institution_heads
    for key in keys:
        # A name after an institution's "of" is where the institution belongs, another referent:
        # "China" is not the "Ministry of Commerce of China" ("Republic of China" stays China).
        longer = [k for k in by_last[key.rsplit(" ", 1)[-1]] if k != key and k.endswith(" " + key)
                  and not (k.endswith(" of " + key) and set(k.lower().split(" of ", 1)[0].split()) & institutions)]
        if not longer:
            continue
        longest = max(longer, key=len)
        if all(longest.endswith(k) for k in longer):
            links[key] = longest
        elif written is not None and len(key.split()) == 1:
            # A surname two full names share ("Ivo Lind", "Mira Lind"): the bare "Lind" is the one the
            # corpus writes at least twice as often as any other (a story names its main figure most).
            ranked = sorted(longer, key=lambda k: (-written[k], k))
            if written[ranked[0]] >= SURNAME_MAJORITY * written[ranked[1]]:
                links[key] = ranked[0]
    return links


def _follower(text: str, end: int) -> tuple[str, bool] | None:
    """The lower-case word right after ``end``, and whether it reads as a verb of the name before it:
    "Ruritania said", "Ruritania claims almost every reef" (a third-person form before a listed follower)."""
    following = _NEXT_LOWER_PAIR.match(text[end : end + 60])
    if following is None:
        return None
    word, after = following.group(1), (following.group(2) or "").lower()
    return word, lemmatize(word) != word and (not word.endswith("s") or after in _VERB_FOLLOWER)


def _attributive(reports: Sequence[CoverageSource], runs: dict[str, list[tuple[int, int, list[tuple[int, int]]]]]) -> frozenset[str]:
    """One-word names with an adjective's ending ("European", "Asian") that the corpus writes alone only
    right before a lower-case word that is neither a verb nor a stop word: adjectives, never names.
    A name written alone elsewhere ("Albanese said", "Albanese announce new subs") is not one."""
    seen: dict[str, bool] = {}
    for report in reports:
        text = report.text
        for start, end, words in runs[report.id]:
            if len(words) != 1:
                continue
            word = _bare(text[start:end])
            if not word.lower().endswith(_ADJECTIVE_ENDINGS):
                continue
            following = _follower(text, end)
            seen[word] = seen.get(word, True) and following is not None and not following[1] \
                and following[0] not in ENGLISH_STOP_WORDS
    return frozenset(w for w, only in seen.items() if only)


def _modifier(text: str, run: tuple[int, int, list[tuple[int, int]]], nouns: set[str],
              attributive: frozenset[str] = frozenset()) -> bool:
    """A one-word run used as a modifier ("Chinese goods", "Trump administration") names nothing itself."""
    start, end, words = run
    if _APOSTROPHE_END.search(text[words[-1][0] : words[-1][1]]):
        return False  # "China’s coastguard" names China
    naming_words = load_naming_words()
    if (len(words) == 1 and _government_end(text, end, naming_words) > end and naming_words.country(_bare(text[start:end]))
            and not naming_words.demonym(_bare(text[start:end]))):
        return False  # "the US side", "the Chile government" stand for the country ("the Chilean government" does not)
    following = _follower(text, end)
    if len(words) != 1 or following is None:
        return False
    word, verb = following
    # A word the corpus writes alone only before lower-case words that are no verbs modifies them, even
    # where it never writes them after a determiner ("European brandy", "European producers": a place
    # adjective no country table lists was its own referent on untuned EU-brandy pages).
    if word not in nouns and _bare(text[start:end]) not in attributive:
        return False
    if _name_head_end(text, end, _bare(text[start:end]), load_naming_words()) > end:
        return False  # "the Indo-Pacific region", "the AUKUS pact": the noun is part of the name's mention
    if text[start:end].lower().endswith(_ADJECTIVE_ENDINGS):
        return True  # "Philippine boats", "Chinese ships that": a demonym before a noun modifies it
    if load_naming_words().country(_bare(text[start:end])):
        return False  # "US president", "UK officials": a country noun in a longer mention names the country
    if _abbreviation(_bare(text[start:end])) or _NUMBERED_INITIALISM.fullmatch(text[start:end]):
        return False  # "G7 countries", "UN sanctions": an initialism before a noun is a mention of it
    return not verb  # "Trump administration" is a modifier


def _has_verb(phrase: str) -> bool:
    """A lower-case word in a past or third-person form ("reported", "says"; not hyphenated, not a
    plural noun the lemma leaves alone), or an inflected reporting verb of ``quote_cues.csv`` ("said", "told"): the phrase is a clause, not an appositive noun phrase.

    >>> _has_verb("the European Commission reported on Oct"), _has_verb("the self-governing island")
    (True, False)
    >>> _has_verb("the minister said the talks would go on"), _has_verb("Russia's top diplomat")
    (True, False)
    """
    speech = load_quote_rules()
    return any(w[0].islower() and "-" not in w and lemmatize(w) != w
               and (w.endswith(("ed", "es")) or speech.speech_role(lemmatize(w)) is not None)
               for w in phrase.split()[1:])


def _name_head_end(text: str, end: int, name: str, words: NamingWords) -> int:
    """Where a name's mention ends when a lower-case noun after it belongs to it, else ``end``.

    Three cases, all general English: a place-class noun after a place that is not a country ("the
    Indo-Pacific region", "the Kessland province"; a country stays a mention of its own); a pact
    noun ("deal", "pact" and their synonyms) after an initialism that is neither a country nor an
    international body ("the AUKUS pact" is the pact; "the EU deal" is a deal the EU makes); a group
    noun after an initialism ("the G7 group" is the G7; "G7 countries", like "EU countries", stays the
    countries).

    >>> w = load_naming_words()
    >>> text = "The AUKUS pact, the EU deal, the Indo-Pacific region, the Japan region, the G7 group."
    >>> [text[m.start():_name_head_end(text, m.end(), m.group(), w)]
    ...  for m in re.finditer("AUKUS|EU|Indo-Pacific|Japan|G7", text)]
    ['AUKUS pact', 'EU', 'Indo-Pacific region', 'Japan', 'G7 group']
    """
    following = _NEXT_LOWER.match(text[end : end + 40])
    if following is None or words.country(name):
        return end
    noun = following.group(1)
    initialism = _abbreviation(name) or _NUMBERED_INITIALISM.fullmatch(name) is not None
    pact = words.head(noun) == "deal" and noun in words.head_synonyms and name.lower() not in words.bodies
    if noun in words.place_classes or initialism and (pact or noun in words.group_heads):
        return end + following.end()
    return end


def _descriptor_like(word: str, nouns: set[str]) -> bool:
    """A lower-case word that can describe a name: used as a noun in the corpus, or in its dictionary
    form ("leader", "counterpart"); inflected forms before a name are mostly verbs ("said", "told", "met")."""
    return word in nouns or lemmatize(word) == word


#: Capitalised words ending in a title before "of" and a name ("Prime Minister of ..."); group 2 the title's last word.
_TITLE_OF = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]* ){0,3}([A-Z][\w'’-]*)) of $")


#: A capitalised abbreviation with its dot right before a name ("Mr. ", "Dr. ", "Gen. ", "Capt. "): at most
#: three letters (or "Capt"), so "the King. Starmer joined ..." is a sentence's end, not "King" as "Mr." (review).
_DOTTED_HONORIFIC = re.compile(r"(?<![\w.])([A-Z][a-z]{1,2}|Capt)\. $")


def _title_of_start(text: str, start: int, words: NamingWords) -> int:
    """Where "Acting Prime Minister of" starts before a run that opens with its country ("Thailand
    Phumtham Wechayachai"): the title before "of" and the country describe the name (the title's run
    stops before "of", so the form was "Thailand Phumtham Wechayachai"), else ``start``."""
    titled = _TITLE_OF.search(text[max(0, start - 60) : start])
    if titled and lemmatize(titled.group(2).lower()) in words.titles:
        taken_start = start - len(titled.group())
        for word in re.finditer(r"\S+", titled.group(1)):  # not a date or a sentence's opener
            if word.group() not in _CALENDAR and word.group().lower() not in ENGLISH_STOP_WORDS:
                return taken_start + word.start()
    return start


def _descriptor_start(text: str, start: int, nouns: set[str], words: NamingWords) -> int:
    """Move ``start`` back over up to ``MAX_DESCRIPTOR_WORDS`` descriptor words ("Chinese leader").

    Lower-case words are taken only when the corpus uses them as nouns and a capitalised word or a
    determiner stands before them ("Chinese leader Xi", "his counterpart Xi", not "to visit Beijing");
    a place-class noun before "of" is a descriptor too ("the island of Hokkaido").
    """
    place = _PLACE_OF.search(text[max(0, start - 30) : start])
    if place and place.group(1) in words.place_classes:
        return start - len(place.group())
    taken: list[tuple[int, str]] = []
    position = start
    dotted = _DOTTED_HONORIFIC.search(text[max(0, start - 8) : start])
    if dotted and dotted.group(1).lower() in words.honorifics:
        position -= len(dotted.group())  # "Mr. Anwar", "Dr. Tran": the honorific's dot ends no sentence here
        taken.append((position, dotted.group(1)))
    while len(taken) < MAX_DESCRIPTOR_WORDS:
        match = _WORD_BEFORE.search(text[max(0, position - 40) : position])
        if not match:
            break
        word = match.group(1)
        lower = word.lower()
        if _ORDINAL.fullmatch(lower) or lower in words.modifier_words and lower not in _DETERMINERS:
            # "the 16th annual Kessland Summit", "the third Kessland Summit": an ordinal or a listed
            # modifier describes the name where a determiner stands before it
            before = _WORD_BEFORE.search(text[max(0, position - len(word) - 41) : position - len(word) - 1])
            if before and (before.group(1).lower() in _DETERMINERS or _ORDINAL.fullmatch(before.group(1).lower())
                           or before.group(1).lower() in words.modifier_words):
                position -= len(word) + 1
                taken.append((position, word))
                continue
            break
        if (lower in ENGLISH_STOP_WORDS and not _abbreviation(word)) or not word[0].isalpha() or (word[0].islower() and not _descriptor_like(lower, nouns)):
            break  # a number or a date ("2023-03-13" of a page's stamp) describes no name
        if not taken and word[0].islower() and lower not in words.titles and lower not in words.relational and (
                lower not in nouns or lemmatize(lower) != lower):
            # The word next to the name heads the descriptor: a noun ("near", "threaten" are not) in
            # its dictionary form ("envoy Ada Lind"); an inflected word there is the verb of a name
            # before it ("Kessland accuses Lindia", "Manila said Chinese vessels"), however often the
            # corpus writes it after "the Kessland" (the noun test's one capitalised modifier).
            break
        position -= len(word) + 1
        taken.append((position, word))
    # Drop lower-case words from the far end until a capitalised word heads the descriptor.
    while taken and taken[-1][1][0].islower():
        before = _WORD_BEFORE.search(text[max(0, taken[-1][0] - 40) : taken[-1][0]])
        if before and before.group(1).lower() in _DETERMINERS:
            break
        taken.pop()
    return taken[-1][0] if taken else start


# --------------------------------------------------------------------------- swapped words


def _swap_mentions(
    reports: Sequence[CoverageSource],
    facts: Sequence[Fact],
    nouns: set[str],
    quotes: dict[str, list[tuple[int, int]]],
    mentions: dict[str, list[NamingMention]],
) -> None:
    by_id = {r.id: r for r in reports}
    parent: dict[str, str] = {}
    titles = load_naming_words().titles

    def root(form: str) -> str:
        while parent.get(form, form) != form:
            form = parent[form]
        return form

    for fact in facts:
        if len(fact.outlets) < 2:
            continue
        present = [m for m in fact.mentions if m.article in by_id]
        pairs = list(islice(((m, n) for m, n in combinations(present, 2)
                             if by_id[m.article].outlet != by_id[n.article].outlet), MAX_PAIRS_PER_FACT))
        for m, n in pairs:
            left = by_id[m.article].text[m.start : m.end].lower().split()
            right = by_id[n.article].text[n.start : n.end].lower().split()
            left = [w.strip(",.;:“”\"()") for w in left]
            right = [w.strip(",.;:“”\"()") for w in right]
            matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
            for op, i0, i1, j0, j1 in matcher.get_opcodes():
                if op != "replace" or not (0 < i1 - i0 <= MAX_SWAP_WORDS and 0 < j1 - j0 <= MAX_SWAP_WORDS):
                    continue
                a, b = left[i0:i1], right[j0:j1]
                if not (_swappable(a, nouns) and _swappable(b, nouns)):
                    continue
                if i0 > 0 and j0 > 0 and left[i0 - 1] == right[j0 - 1] and left[i0 - 1] not in ENGLISH_STOP_WORDS:
                    a, b = [left[i0 - 1], *a], [right[j0 - 1], *b]  # keep the shared head: "trade truce"
                shared_next = left[i1] if i1 < len(left) and j1 < len(right) and left[i1] == right[j1] else ""
                if shared_next in nouns or shared_next.isalpha() and shared_next not in ENGLISH_STOP_WORDS \
                        and lemmatize(shared_next) == shared_next:
                    # Swapped modifiers of one shared noun (a corpus noun, or a word in its dictionary
                    # form, where a verb after the swap would be inflected) are no thing of their own
                    # ("military" / "remote" of "outpost", "historic" / "landmark" of "moment"): the
                    # noun's own referent, where it has one, holds both forms.
                    continue
                first, second = " ".join(a), " ".join(b)
                if a[-1] in titles and b[-1] in titles:
                    continue  # "Chinese president" / "Chinese leader": a person's descriptors, forms of the name
                if first != second and root(first) != root(second):
                    parent[root(second)] = root(first)
    groups: dict[str, set[str]] = defaultdict(set)
    for form in parent:
        groups[root(form)].add(form)
        groups[root(form)].add(root(form))
    lowered = {r.id: _folded(r.text) for r in reports}
    for forms in groups.values():
        patterns = {f: re.compile(r"(?<![\w-])" + re.escape(f).replace(r"\ ", r"\s+") + r"(?![\w-])", re.IGNORECASE)
                    for f in forms}
        needed = {f: _folded(f).split() for f in forms}
        found: list[NamingMention] = []
        for report in reports:
            for form, pattern in patterns.items():
                if not all(word in lowered[report.id] for word in needed[form]):
                    continue  # a text without every word of the form cannot match it (a substring test is cheap)
                for match in pattern.finditer(report.text):
                    found.append(NamingMention(report.id, match.start(), match.end(), form,
                                               _inside(quotes[report.id], match.start())))
        counts = Counter(m.form for m in found)
        label = " / ".join(sorted(forms, key=lambda f: (-counts[f], f)))
        mentions[label].extend(_without_overlaps(found))


def _folded(text: str) -> str:
    """``text`` lower-cased so that every case-insensitive regex match of a lower-case word is a
    substring of it: ``re.IGNORECASE`` also matches dotless "ı" with "i", long "ſ" with "s" and "İ"
    (which lower-cases to "i" and a combining dot) with "i".

    >>> _folded("İran, ſtate, Kıev")
    'iran, state, kiev'
    """
    return text.lower().replace("\u0131", "i").replace("\u017f", "s").replace("i\u0307", "i")


def _swappable(words: Sequence[str], nouns: set[str]) -> bool:
    content = [w for w in words if w not in ENGLISH_STOP_WORDS]
    return bool(content) and all(w in nouns and not w.isdigit() for w in content) and len(content) == len(words)


def _without_overlaps(found: list[NamingMention]) -> list[NamingMention]:
    """Longest form wins where two forms match overlapping text ("trade deal" over "deal")."""
    kept: list[NamingMention] = []
    for item in sorted(found, key=lambda m: (m.article, m.start, -(m.end - m.start))):
        if kept and kept[-1].article == item.article and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept
