"""A general detector of page clutter: the lines of a scraped news page that are not the article.

Scraped text keeps what the page showed around the story: captions and photo credits, bylines,
timestamps, navigation and section labels, related-story links, ads, subscription, cookie and
paywall prompts, share buttons, mastheads, headlines repeated by image galleries. None of it is
the article's prose, and all of it moves frame, tone and distinctive-word scores.

The detector looks at each line's *shape* and its *place*, not at phrases fitted to a few files:

* shape: length and completeness (sentence punctuation), stop-word density (jusText's stop list,
  read from the installed ``justext`` package), capitalised words, digits, dates and times, URLs,
  brackets, bullets and separators, the page's script;
* place: lines before the first and after the last paragraph of prose (the page's header and
  footer) are judged more strictly than lines between them; repetition of the headline and of any
  line; lines next to a photo credit; lines following a "More stories" label;
* cue families kept as data in ``framing/lexicons/clutter_cues.json`` (whole-line labels, line
  openings and contained phrases, each family naming its kind).

Safety first: a line of prose in the body is removed only on strong evidence (a cue family, a
credit at its end, an exact repeat); weak evidence (a bare name, a section word) counts only in
the header and footer. Every finding says which rule fired.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from framing.data_files import data_source, read_data_json
from framing.errors import LexiconError
from framing.segment import split_sentences
from framing.textnorm import lower_if_plain, shorten
from framing.types import read_only

if TYPE_CHECKING:  # cleaning imports this module at run time; its shapes are only needed for types
    from framing.cleaning import Boilerplate, Finding, Paragraph

__all__ = [
    "ClutterCues",
    "ClutterDetector",
    "load_clutter_cues",
    "parse_clutter_cues",
    "normalise_label",
    "is_dateline",
    "place_dateline_length",
    "stop_words",
]

_CUES_FILE = "clutter_cues.json"

# --------------------------------------------------------------------------------------------
# Tuned numbers: chosen from the shape of page furniture (labels are 1-8 words, captions 10-80)
# and checked on cleaning_dev.jsonl (validate_cleaning.py), where every content line must stay.
# --------------------------------------------------------------------------------------------

#: A paragraph of prose, the kind that bounds the header and footer: at least this many words...
ANCHOR_MIN_WORDS = 20
#: ... and at least this share of stop words (jusText's "stopwords_high" is 0.32; lower here because
#: news prose is dense with names; captions and teasers are shorter than ANCHOR_MIN_WORDS anyway).
ANCHOR_MIN_STOP_SHARE = 0.2
#: Longest line a label cue ("Read more", "Updated") may open; past it the line is prose.
LABEL_MAX_WORDS = 25
#: Longest line a contained cue phrase ("contributed to this report", "sign up for") may sit in.
CONTAINS_MAX_WORDS = 40
#: Longest caption (words): agency captions run to about 80 words with their credit.
CAPTION_MAX_WORDS = 90
#: Longest credit segment at the end of a caption ("Ezra Acayan, Pool/EPA-EFE").
TAIL_CREDIT_MAX_WORDS = 8
#: Longest stand-alone photo credit line ("Ruritanian State News Agency/Strelsau Photo Service via AP, File").
CREDIT_LINE_MAX_WORDS = 12
#: Longest caption that may follow its credit (when the credit stands above it): a short label.
CAPTION_AFTER_CREDIT_MAX_WORDS = 15
#: Bare author names and staff labels: at most this many tokens.
NAME_MAX_TOKENS = 4
#: Share of capitalised words that makes "By ..." or "Written by ..." a list of names.
NAME_SHARE = 0.6
#: Short labels ("Jazbaat News Desk", "In Iran News by Newsroom"): at most this many words.
SHORT_LABEL_MAX_WORDS = 8
#: Longest field of a metadata bar ("Updated: 14-01-2021 15:51 IST" is four words).
METADATA_FIELD_MAX_WORDS = 5
#: Longest newspaper name on a line of its own ("The Sydney Morning Herald" is four).
MASTHEAD_MAX_WORDS = 5
#: A teaser after a "More stories" label: at most this many words, and at most this many lines.
TEASER_MAX_WORDS = 30
TEASER_MAX_LINES = 8
#: A bio made of fragments ("Web geek. Coffee fan. ..."): at least this many sentences, each this short.
FRAGMENT_MIN_SENTENCES = 4
FRAGMENT_MAX_WORDS = 4
#: Alt text left by an image ("gaza destruction"): at most this many lower-case words.
ALT_TEXT_MAX_WORDS = 6
#: Another script: a line with at least this many letters, less than this share in the page's script,
#: on a page with at least PAGE_SCRIPT_MIN_SHARE of its letters in one script.
SCRIPT_MIN_LETTERS = 3
LINE_SCRIPT_MAX_SHARE = 0.5
PAGE_SCRIPT_MIN_SHARE = 0.9
#: Mis-decoded text ("șÚÁÏÉçÇű"): at least this share of a Latin line's letters are accented, on a
#: page where accented letters are at most PAGE_ACCENT_MAX_SHARE (names like "Šefčovič" stay far below).
LINE_ACCENT_MIN_SHARE = 0.6
PAGE_ACCENT_MAX_SHARE = 0.1
MOJIBAKE_MIN_LETTERS = 4
#: A line of only digits and symbols ("4763 | 0") with at most this many tokens is a counter.
NUMBERS_LINE_MAX_TOKENS = 8
#: A ticker ("USD 387.24, EUR 411.87"): at most this many tokens, at least this many with digits.
TICKER_MAX_TOKENS = 15
TICKER_MIN_NUMBERS = 3
#: ... and at least this share of its tokens with digits (units such as "°C" sit between the figures).
TICKER_MIN_SHARE = 0.4
#: A menu: at least this many items split by | / › », each at most this many words.
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 2
#: A short line between two appeal lines is part of the appeal box: at most this many words.
APPEAL_BOX_MAX_WORDS = 25
#: Longest line a dateline may be (tokens): "Originally Published: 11 MAR 21 07:15 ET".
DATELINE_MAX_TOKENS = 15
#: Words of a prefix allowed before a repeated headline ("Update", "LIVE").
HEADLINE_PREFIX_MAX_WORDS = 2
#: Longest kicker before a headline's colon ("South China Sea:") shared by a sibling-story link.
KICKER_MAX_WORDS = 4
#: Lines whose label, words and single-line claim a detector keeps (``clean_text`` runs it again on what
#: it kept, so each line of a page is judged once, not once a pass); bounded for a detector shared by pages.
LINE_MEMO_MAX = 4096

# --------------------------------------------------------------------------------------------
# General shapes.
# --------------------------------------------------------------------------------------------

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: Date and time tokens: ISO dates, numeric dates, clock times, month names, day and year numbers.
_DATE_PART_RE = re.compile(
    rf"(?<!\d)(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T\d{{1,2}}:\d{{2}}(?::\d{{2}})?Z?)?"
    rf"|\d{{1,2}}[./-]\d{{1,2}}(?:[./-]\d{{2,4}})?"
    rf"|\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?\s?m\b\.?)?"
    rf"|\d{{1,4}}(?:st|nd|rd|th)?\b"
    rf"|\b(?:{_MONTHS})\b\.?)",
    re.IGNORECASE,
)
#: Evidence that a line holds a date or time, not just a number.
_STRONG_DATE_RE = re.compile(
    rf"(?<!\d)(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./-]\d{{1,2}}(?:[./-]\d{{2,4}})?|\d{{1,2}}:\d{{2}})"
    rf"|\b(?:{_MONTHS})\b\.?\s*\d|\d\s*(?:{_MONTHS})\b",
    re.IGNORECASE,
)
#: A full calendar date with day and year ("March 2, 2025", "4 October 2022", "Sept. 8, 2022").
_FULL_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}\b",
    re.IGNORECASE,
)
#: Deletes the ASCII letters: ``len(text) - len(text.translate(_DROP_ASCII_LETTERS))`` counts them
#: without building a list of one-letter strings (issue 16: the detector's largest cost).
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#: A digit anywhere in a token (the ticker rule).
_DIGIT_RE = re.compile(r"\d")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
#: A teaser's media label glued after two spaces or a bar ("… in 2025  image", "… | video"). The spaces
#: are tried from the start of their run only (``(?<!\s)``): from every position of a long run of spaces
#: the search was quadratic (20,000 spaces in a line took 9 s).
_MEDIA_LABEL_END_RE = re.compile(r"(?:(?<!\s)\s{2,}|(?<!\s)\s*\|\s*)(?:image|images|video|gallery|photos|audio|podcast)\s*$", re.IGNORECASE)
#: The last letters of those media words in either case (outside ASCII the search always runs: under
#: IGNORECASE "ſ" matches "s").
_MEDIA_LAST_LETTERS = frozenset("esoytESOYT")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: Leading bullets, dashes, brackets and quote marks, stripped before a label is compared.
_LEAD_RE = re.compile(r"^[\s•·*▪►▶●○◦■□–—\-|>»›\[\](){}“”\"'‘’#:]+")
#: Trailing bullets, brackets and end punctuation, tried only where such a run starts (``(?<!…)``): from each
#: of its positions a long run of dots or spaces inside a line was scanned again to its end (quadratic).
_TRAIL_RE = re.compile(r"(?<![\s•·*▪►▶●○◦■□–—\-|<«‹\[\](){}“”\"'‘’.,:;!?…])[\s•·*▪►▶●○◦■□–—\-|<«‹\[\](){}“”\"'‘’.,:;!?…]+$")
#: The characters ``\s`` matches (``str.isspace``: the same set, 29 code points, none above U+3000).
_SPACE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
#: ``_LEAD_RE`` and ``_TRAIL_RE`` as ``str.lstrip`` / ``str.rstrip`` sets: the same characters, stripped
#: in C without a regex search from every position of the line (issue 16: ``normalise_label`` runs on every line).
_LEAD_CHARS = _SPACE_CHARS + "•·*▪►▶●○◦■□–—-|>»›[](){}“”\"'‘’#:"
_TRAIL_CHARS = _SPACE_CHARS + "•·*▪►▶●○◦■□–—-|<«‹[](){}“”\"'‘’.,:;!?…"
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
#: A sentence ends with these (after closing quotes and brackets).
_TERMINAL_RE = re.compile(r"[.!?](?:[\"”’')\]]*)$")
_ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|…)[\"”’')\]]*$")
#: The closing quotes and brackets both patterns allow after the end mark.
_CLOSERS = "\"”’')]"
#: Where a caption's credit starts: after the last sentence end.
#: Characters of a line quoted in a claim's reason (the photo credit it ends with).
QUOTED_CHARS = 40
_LAST_SENTENCE_END_RE = re.compile(r".*[.!?][\"”’)]*\s+(?=\S)", re.DOTALL)
_PARENS_END_RE = re.compile(r"\(([^()]{1,200})\)\s*$")
_BULLET_START_RE = re.compile(r"^\s*(?:[•·*▪►▶●○◦■□→]|[-–—]\s)")
_SHORTCODE_RE = re.compile(r"^\[\w[\w -]{0,29}\]$")
_MENU_SPLIT_RE = re.compile(r"\s*[|›»·]\s*|\s+/\s+")
_SPACES_RE = re.compile(r"\s+")
_BY_START_RE = re.compile(r"^by\s+", re.IGNORECASE)
_SOURCE_BRACKET_RE = re.compile(
    r"^[\[(]\s*(?:source|sources|via|courtesy|credit|with inputs from)\s*:?\s*[^\[\]()]{1,60}[\])]$", re.IGNORECASE
)
#: A lower-case letter followed by a capital inside one token: names glued together ("BoakPaul").
#: FRAGMENT_MAX_WORDS + 1 words of ASCII letters and digits in a row, single spaces between them.
#: Starts only at a word's start: without the look-behind a search tried every position of a long word
#: again (a 200,000-character "word" took minutes); any run that starts inside a word also starts at it.
_PLAIN_RUN_RE = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z0-9]+(?: [A-Za-z0-9]+){{{FRAGMENT_MAX_WORDS}}}")
_GLUED_RE = re.compile(r"[a-z][A-Z]")
#: Words that link names in a byline or credit ("Jo Roe and Al Poe", "Name/AGENCY via AP").
_NAME_JOINERS = frozenset({"and", "&", "with", "in", "of", "de", "da", "van", "von", "der", "al", "el", "bin"})


# --------------------------------------------------------------------------------------------
# Cue data.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClutterCues:
    """The cue families of ``clutter_cues.json`` (see its meta file); every phrase lower-case."""

    whole_line: Mapping[str, frozenset[str]]
    line_start: Mapping[str, tuple[str, ...]]
    line_contains: Mapping[str, tuple[str, ...]]
    section_labels: frozenset[str]
    staff_labels: tuple[str, ...]
    footer_links: tuple[str, ...]
    appeal_address: frozenset[str]
    cta_verbs: frozenset[str]
    photo_credit_words: frozenset[str]
    photo_agencies: frozenset[str]
    caption_openers: tuple[str, ...]
    date_words: frozenset[str]
    #: optional (1.2.0): last words of a newspaper's name, and job words of a byline's second line
    masthead_words: frozenset[str] = frozenset()
    staff_roles: frozenset[str] = frozenset()


def _phrases(value: object, where: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{source}: {where!r} must be a non-empty list of strings")
    seen: set[str] = set()
    for term in value:
        if not isinstance(term, str) or not term.strip() or term != term.strip():
            raise LexiconError(f"{source}: {where!r} holds {term!r}; use non-empty strings without outer spaces")
        if term != term.lower():
            raise LexiconError(f"{source}: {where!r} holds {term!r}; write it lower-case as {term.lower()!r}")
        if term in seen:
            raise LexiconError(f"{source}: {where!r} lists {term!r} twice; remove the duplicate")
        seen.add(term)
    return tuple(value)


def _families(value: object, where: str, source: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping) or not value:
        raise LexiconError(f"{source}: {where!r} must be an object mapping a kind to a list of phrases")
    return {str(kind): _phrases(items, f"{where}.{kind}", source) for kind, items in value.items()}


_LIST_KEYS = (
    "section_labels", "staff_labels", "footer_links", "appeal_address", "cta_verbs", "photo_credit_words",
    "photo_agencies", "caption_openers", "date_words",
)
#: Lists a cue file may leave out (added in 1.2.0; a user's older file still loads).
_OPTIONAL_LIST_KEYS = ("masthead_words", "staff_roles")


def parse_clutter_cues(data: Mapping[str, object], *, source: str = _CUES_FILE) -> ClutterCues:
    """Validate decoded ``clutter_cues.json`` data and return it as :class:`ClutterCues`.

    Raises
    ------
    LexiconError
        If a key is missing or a list is empty, not lower-case or holds a duplicate.

    Examples
    --------
    >>> parse_clutter_cues({"whole_line": {}})
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: clutter_cues.json: key 'line_start' is missing (see clutter_cues.meta.json for what it means)
    """
    for key in ("whole_line", "line_start", "line_contains", *_LIST_KEYS):
        if key not in data:
            raise LexiconError(f"{source}: key {key!r} is missing (see clutter_cues.meta.json for what it means)")
    lists = {key: _phrases(data[key], key, source) for key in _LIST_KEYS}
    optional = {key: frozenset(_phrases(data[key], key, source)) if key in data else frozenset() for key in _OPTIONAL_LIST_KEYS}
    return ClutterCues(
        # Read-only mappings (issue 9 item 3): the cached cues are shared by every caller in the process.
        whole_line=read_only({k: frozenset(v) for k, v in _families(data["whole_line"], "whole_line", source).items()}),
        line_start=read_only(_families(data["line_start"], "line_start", source)),
        line_contains=read_only(_families(data["line_contains"], "line_contains", source)),
        section_labels=frozenset(lists["section_labels"]),
        staff_labels=lists["staff_labels"],
        footer_links=lists["footer_links"],
        appeal_address=frozenset(lists["appeal_address"]),
        cta_verbs=frozenset(lists["cta_verbs"]),
        photo_credit_words=frozenset(lists["photo_credit_words"]),
        photo_agencies=frozenset(lists["photo_agencies"]),
        caption_openers=lists["caption_openers"],
        date_words=frozenset(lists["date_words"]),
        masthead_words=optional["masthead_words"],
        staff_roles=optional["staff_roles"],
    )


@functools.cache
def load_clutter_cues() -> ClutterCues:
    """Load the bundled ``framing/lexicons/clutter_cues.json`` (cached, read-only).

    Examples
    --------
    >>> "advertisement" in load_clutter_cues().whole_line["ad_sponsor"]
    True
    """
    data = read_data_json(_CUES_FILE)
    return parse_clutter_cues(data, source=data_source(_CUES_FILE))


@functools.cache
def stop_words() -> frozenset[str]:
    """English stop words from jusText's stop list (a maintained list, not one of ours).

    Examples
    --------
    >>> "the" in stop_words() and "tariff" not in stop_words()
    True
    """
    import justext  # imported here: only the detector needs it

    return frozenset(word.lower() for word in justext.get_stoplist("English"))


@functools.cache
def _phrase_re(phrases: tuple[str, ...], anchored: bool) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s*".join(re.escape(word) for word in phrase.split()) for phrase in ordered)
    lead = r"^(?:" if anchored else r"(?<!\w)(?:"
    # A capital may follow at once: scraped menus glue labels together ("Skip to navigationSkip to content").
    return re.compile(rf"{lead}{body})(?!(?-i:[a-z0-9]))" if ordered else r"(?!x)x", re.IGNORECASE)


def word_start_alternation(phrases: Sequence[str], joiner: str) -> str:
    r"""``(?<!\w)(?:p1|p2|...)`` for ``phrases`` (words joined by the regex ``joiner``), in that order, with
    the phrases grouped under their first character.

    It matches what the plain form matches, the same alternative at the same place (phrases of different
    first characters never both match at one place, and each group keeps its phrases' order), but at each
    word start it tests about twenty first characters instead of every phrase (issue 16: the clutter and
    appeal scans of every line; half the time of the plain form). For case-sensitive patterns only.

    Examples
    --------
    >>> print(word_start_alternation(["sign up", "share", "more"], r"\s*"))
    (?<!\w)(?:s(?:ign\s*up|hare)|m(?:ore))
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        words = phrase.split()
        if not words:  # the cue loader rejects blank phrases; say so rather than fail on words[0]
            raise ValueError(f"a blank phrase cannot be a cue: {phrase!r}")
        groups.setdefault(words[0][0], []).append(joiner.join([re.escape(words[0][1:]), *map(re.escape, words[1:])]))
    return r"(?<!\w)(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


@functools.cache
def _lower_phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A looser, case-sensitive form of ``_phrase_re(phrases, False)`` for lower-cased text: no check
    of what follows, so on text where :func:`framing.textnorm.lower_if_plain` answers it matches wherever the strict one does."""
    ordered = [phrase.lower() for phrase in sorted(phrases, key=len, reverse=True)]
    return re.compile(word_start_alternation(ordered, r"\s*") if ordered else r"(?!x)x")


_CONTAINS_ANY: dict[int, tuple[ClutterCues, re.Pattern[str]]] = {}


def _lower_contains_re(cues: ClutterCues) -> re.Pattern[str]:
    """``_lower_phrase_re`` of every ``line_contains`` phrase and every footer link, built once per cue set."""
    found = _CONTAINS_ANY.get(id(cues))
    if found is None or found[0] is not cues:
        if len(_CONTAINS_ANY) > 64:
            _CONTAINS_ANY.clear()
        phrases = tuple(phrase for family in cues.line_contains.values() for phrase in family) + cues.footer_links
        found = _CONTAINS_ANY[id(cues)] = (cues, _lower_phrase_re(phrases))
    return found[1]


_STARTS_ANY: dict[int, tuple[ClutterCues, re.Pattern[str]]] = {}


def _lower_start_re(cues: ClutterCues) -> re.Pattern[str]:
    """Every ``line_start`` phrase, lower-case, for ``match`` on ``lower_if_plain`` text: looser than each
    family's ``_phrase_re(phrases, True)`` (no check of what follows), so where it fails none of them matches."""
    found = _STARTS_ANY.get(id(cues))
    if found is None or found[0] is not cues:
        if len(_STARTS_ANY) > 64:
            _STARTS_ANY.clear()
        phrases = sorted({phrase.lower() for family in cues.line_start.values() for phrase in family}, key=lambda p: (-len(p), p))
        found = _STARTS_ANY[id(cues)] = (cues, re.compile(word_start_alternation(phrases, r"\s*") if phrases else r"(?!x)x"))
    return found[1]


# --------------------------------------------------------------------------------------------
# Line features.
# --------------------------------------------------------------------------------------------


#: Unicode hyphens and the minus as "-" in a label: a page wrote its headline "EU‑China trade rift" with a
#: non-breaking hyphen (U+2011) and was not matched to its title "EU-China trade rift" (session 14, untuned
#: page). En and em dashes stay: they separate ("Talks – live") where a hyphen joins.
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2212\ufe63\uff0d"})
#: Any character ``_DASHES`` maps (a cheap test before the translation).
_HYPHEN_RE = re.compile("[" + "".join(map(chr, _DASHES)) + "]")
#: A block in braces, read in one linear pass (the inside is tested apart, so a stray brace before a
#: long paragraph costs one scan, not one per colon).
_BRACE_BLOCK_RE = re.compile(r"\{([^{}]*)\}")
#: The inside of a style sheet's declaration block: "display:none", "max-width:634px; gap:4px".
_DECLARATIONS_RE = re.compile(r"\s*[a-z-]+\s*:[^:;{}]*(?:;\s*[a-z-]+\s*:[^:;{}]*)*;?\s*")
#: A declaration block longer than this is no style rule (and is not tested further).
CSS_BLOCK_MAX_CHARS = 2_000
#: Signs of script code: a function, an arrow, a declaration, the browser's objects.
_SCRIPT_RE = re.compile(r"\bfunction\s*\(|=>|\b(?:var|const|let)\s+[\w$]+\s*=|\bwindow\.|\bdocument\.")
#: Four plain words in a row outside the braces: prose, which keeps a line that quotes code or writes a
#: set in braces ("the set {x : x > 0} and the set {y : y < 5} overlap, the journal reported").
_PROSE_RUN_RE = re.compile(r"(?<![\w-])[A-Za-z]+(?: [A-Za-z]+){3}(?![\w-])")
#: Declaration blocks (or braces beside script signs) that make a line without prose code.
CODE_MIN_BLOCKS = 2
#: A line that is one identifier: a hex digest or a UUID (an image file's hash left by the scraper).
_IDENTIFIER_RE = re.compile(r"[0-9a-fA-F]{16,128}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def _looks_like_code(text: str) -> bool:
    """True for a line of CSS, script or JSON a scraper left in the text (the JSON is parsed, not guessed).

    A line with a run of plain words outside its braces is prose and stays, whatever its braces hold.

    Examples
    --------
    >>> _looks_like_code(".a{display:none}@media(min-width:768px){.b{max-width:634px}}")
    True
    >>> _looks_like_code('{"@context": "https://schema.org", "@type": "NewsArticle"}')
    True
    >>> _looks_like_code("The toll has risen since {September 11, 2001}, he said.")
    False
    >>> _looks_like_code("They said the set {x : x > 0} and the set {y : y < 5} overlap.")
    False
    """
    parts = _BRACE_BLOCK_RE.split(text)  # the text outside the blocks at even places, their insides at odd ones
    blocks = parts[1::2]
    stripped = text.strip()
    parse = stripped[:1] in "{[" and stripped[-1:] in "}]"
    if not blocks and not parse:
        return False
    if _PROSE_RUN_RE.search(" ".join(parts[::2])):
        return False
    declarations = sum(1 for b in blocks if len(b) <= CSS_BLOCK_MAX_CHARS and _DECLARATIONS_RE.fullmatch(b))
    if declarations >= CODE_MIN_BLOCKS or (len(blocks) >= CODE_MIN_BLOCKS and _SCRIPT_RE.search(text)):
        return True
    if parse:
        try:
            return isinstance(json.loads(stripped), (dict, list)) and ":" in stripped
        except (ValueError, RecursionError):  # a deeply nested line is no article text either way
            return False
    return False


def normalise_label(text: str) -> str:
    """A line as a label: bullets, brackets and end punctuation stripped, lower-case, single spaces.

    Examples
    --------
    >>> normalise_label("  • Advertisement  "), normalise_label("- Read More -"), normalise_label("Already a subscriber?")
    ('advertisement', 'read more', 'already a subscriber')
    """
    # hyphens folded first, so a Unicode hyphen at the edge is stripped as "-" is (session 14 review);
    # translated only when the line holds one (str.translate looks up a dict per character)
    folded = text.translate(_DASHES) if _HYPHEN_RE.search(text) else text
    return " ".join(folded.lstrip(_LEAD_CHARS).rstrip(_TRAIL_CHARS).lower().split())


@functools.lru_cache(maxsize=256)
def _outlet_label(outlet: str) -> str:
    return normalise_label(outlet)


def _may_hold_url(text: str) -> bool:
    """False when ``_URL_RE`` cannot match: it needs "://" or "www." (any case, so "w." or "W.")."""
    return "://" in text or "w." in text or "W." in text


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _stop_share(words: Sequence[str]) -> float:
    if not words:
        return 0.0
    stops = stop_words()
    return sum(map(stops.__contains__, map(str.lower, words))) / len(words)


def _is_capitalised(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def _terminal(text: str) -> bool:
    # _TERMINAL_RE and not _ELLIPSIS_END_RE, by string ends: "$" also matches before a final newline, and
    # a search tried every ".", "!" and "?" of the line (issue 16: this runs several times per line)
    end = (text[:-1] if text.endswith("\n") else text).rstrip(_CLOSERS)
    return end.endswith((".", "!", "?")) and not end.endswith(("...", "…"))


def is_dateline(text: str, date_words: frozenset[str]) -> bool:
    """True when a line holds a date or time and nothing else but date words ("Updated", "ET", "|").

    Examples
    --------
    >>> words = load_clutter_cues().date_words
    >>> is_dateline("Updated: 11 MAR 21 07:15 ET", words), is_dateline("Talks end on May 4, 2025.", words)
    (True, False)
    """
    if len(text.split()) > DATELINE_MAX_TOKENS or not _STRONG_DATE_RE.search(text):
        return False
    rest = _DATE_PART_RE.sub(" ", text)
    leftover = [w.lower().strip(".") for w in re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", rest)]
    return all(word in date_words or word.rstrip(".") in date_words for word in leftover)


#: A wire dateline's place: one to four upper-case words ("BERLIN", "NEW YORK", "ST. PETERSBURG").
_DATELINE_PLACE_RE = re.compile(r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}(?=[\s,(/]|$)")
#: The dash that ends a dateline before the story ("BERLIN (AP) — Ministers met").
_DATELINE_DASH_RE = re.compile(r"\s[-–—]{1,2}\s")
#: A news agency in brackets or slashes inside a dateline: "(Reuters)", "/TASS/".
_DATELINE_AGENCY_RE = re.compile(r"\([^()]{1,40}\)|/[^/\s][^/]{0,30}/")
#: A region after the place: "Idaho", "Northern Ireland", "N.Y." (capitalised words, not an acronym such as "EU").
_DATELINE_REGION_RE = re.compile(r"(?=.*[a-z.])[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}")


def place_dateline_length(sentence: str, date_words: frozenset[str]) -> int:
    """Characters of a wire dateline opening ``sentence`` ("BERLIN, January 22.", "BERLIN, Jan 22
    (Reuters) - ", "BOISE, Idaho — "), or 0: a place in capitals, then a region, a date or an agency,
    ended by a dash or by the sentence's end. A title taken from the body skips it: it says where and
    when, not what.

    Examples
    --------
    >>> words = load_clutter_cues().date_words
    >>> text = "BERLIN, Jan. 22 (Wire) - Ministers met."
    >>> text[place_dateline_length(text, words):]
    'Ministers met.'
    >>> place_dateline_length("BERLIN, January 22.", words), place_dateline_length("NATO met on Monday.", words)
    (19, 0)
    """
    place = _DATELINE_PLACE_RE.match(sentence)
    if place is None or not any(c.isalpha() for c in place.group()) or len(place.group().strip(".'’-")) < 2:
        return 0
    rest = sentence[place.end():]
    dash = _DATELINE_DASH_RE.search(rest)
    head = rest[: dash.start()] if dash else rest.rstrip().rstrip(".:")
    agency = bool(_DATELINE_AGENCY_RE.search(head))
    fields = [f.strip() for f in _DATELINE_AGENCY_RE.sub(" ", head).split(",")]
    if fields and not fields[0]:
        fields = fields[1:]  # the comma right after the place
    fields = [f for f in fields if f or not agency]  # "BERLIN (AP) —": the agency left an empty field
    # regions first ("Idaho"), then a date that may itself hold a comma ("January 22, 2015")
    split = next((k for k in range(len(fields) + 1) if all(_DATELINE_REGION_RE.fullmatch(f) for f in fields[:k])
                  and (k == len(fields) or is_dateline(", ".join(fields[k:]), date_words))), None)
    if split is None:
        return 0
    dated = split < len(fields)
    if not (dated or agency or fields):
        return 0  # "US - China talks resume": a place and a dash alone may be a headline's pair
    if dash:
        return place.end() + dash.end()
    return len(sentence) if (dated or agency) else 0


def _metadata_fields(text: str, date_words: frozenset[str]) -> bool:
    """Two or more short fields between " | " (agency, place, "Updated: <date>"), at least one a dateline,
    none a sentence: a page's metadata bar. "Exports | Imports | Balance" has no date and stays."""
    fields = [f.strip() for f in text.split(" | ") if f.strip()]
    return len(fields) >= 2 and all(len(f.split()) <= METADATA_FIELD_MAX_WORDS and not _terminal(f) for f in fields) and any(
        is_dateline(f, date_words) for f in fields)


@functools.lru_cache(maxsize=8192)
def _script(char: str) -> str:
    """The script of a letter: the first word of its Unicode name ("LATIN", "CYRILLIC", "CJK")."""
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "?"


@dataclass(frozen=True, slots=True)
class _PageProfile:
    """What the page's letters look like, to spot a line in another script or mis-decoded."""

    script: str | None
    accent_share: float


def _letter_scripts(text: str) -> tuple[Counter[str], int]:
    """Letters per script, and how many Latin letters are not ASCII (ASCII letters counted by regex)."""
    scripts: Counter[str] = Counter()
    # counted on the UTF-8 bytes: bytes below 0x80 are ASCII characters there, never part of another letter
    encoded = text.encode("utf-8", "surrogatepass")
    ascii_letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    if ascii_letters:
        scripts["LATIN"] = ascii_letters
    accented = 0
    for char in _NON_ASCII_RE.findall(text):
        if char.isalpha():
            script = _script(char)
            scripts[script] += 1
            accented += script == "LATIN"
    return scripts, accented


def _page_profile(texts: Sequence[str]) -> _PageProfile:
    scripts, accented = _letter_scripts("\n".join(texts))
    latin = scripts.get("LATIN", 0)
    total = sum(scripts.values())
    if not total:
        return _PageProfile(None, 0.0)
    script, count = scripts.most_common(1)[0]
    return _PageProfile(script if count >= PAGE_SCRIPT_MIN_SHARE * total else None, accented / latin if latin else 0.0)


# --------------------------------------------------------------------------------------------
# The detector.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Claim:
    kind: str
    reason: str


class ClutterDetector:
    """Claim clutter lines of one page; call it like the other detectors of :mod:`framing.cleaning`.

    Parameters
    ----------
    title : str, optional
        The article's headline: its first occurrence in the body stays, later copies go.
    outlet : str, optional
        The outlet's name: a line that is only this name is the masthead.
    cues : ClutterCues, optional
        Cue families; the bundled ``clutter_cues.json`` by default.

    Examples
    --------
    >>> from framing.cleaning import split_paragraphs, load_boilerplate
    >>> body = "Talks end\\nBy Jo Roe and Al Poe\\nMarch 2, 2025\\nBoth sides met in Geneva on Monday and agreed to meet again next week, officials said.\\nAdvertisement"
    >>> found = ClutterDetector(title="Talks end")(split_paragraphs(body), load_boilerplate())
    >>> [(f.index, f.kind) for f in found]
    [(1, 'byline'), (2, 'dateline_meta'), (4, 'ad_sponsor')]
    """

    def __init__(self, *, title: str | None = None, outlet: str | None = None, cues: ClutterCues | None = None):
        self.title = title
        self.outlet = outlet
        self.cues = cues
        self._lines: dict[str, tuple[str, list[str]]] = {}  # text -> (label, words)
        self._anchors: dict[str, bool] = {}  # text -> _is_anchor(text, words)
        self._line_claims: dict[tuple[str, str | None, float], _Claim | None] = {}  # (text, page profile) -> claim

    # The detector protocol of framing.cleaning: paragraphs and the boilerplate lexicon in, findings out.
    def __call__(self, paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
        from framing.cleaning import Finding  # cleaning imports this module; the shapes live there

        texts = [p.text for p in paragraphs]
        claims = self.claims(texts)
        return [Finding(index, claim.kind, claim.reason) for index, claim in sorted(claims.items())]

    def claims(self, texts: Sequence[str]) -> dict[int, _Claim]:
        """Line index -> claim, for the stripped non-empty lines ``texts`` of one page."""
        cues = self.cues or load_clutter_cues()
        if len(self._lines) > LINE_MEMO_MAX or len(self._line_claims) > LINE_MEMO_MAX:
            self._lines.clear()
            self._anchors.clear()
            self._line_claims.clear()
        features = [self._features(text) for text in texts]
        labels = [label for label, _ in features]
        words = [line_words for _, line_words in features]
        headline = normalise_label(self.title) if self.title else None
        protected = self._headline_index(labels, headline)
        profile = _page_profile(texts)
        claims: dict[int, _Claim] = {}
        for index, text in enumerate(texts):
            if index != protected:
                key = (text, profile.script, profile.accent_share)
                if key in self._line_claims:
                    claim = self._line_claims[key]
                else:
                    claim = self._line_claims[key] = self._line_claim(
                        text, labels[index], words[index], cues, False, profile
                    )
                if claim is not None:
                    claims[index] = claim
        # Section words and menus in the header and footer: safe to take before guessing the headline.
        for index in self._margin(texts, words, claims):
            if index != protected:
                menu = _menu_claim(texts[index], labels[index], cues) or _masthead_claim(texts[index], cues)
                if menu is not None:
                    claims[index] = menu
        if protected is None and headline is None:
            # No title known: the first line that stays is the headline (even if it is repeated).
            protected = next((i for i in range(len(texts)) if i not in claims), None)
            headline = labels[protected] if protected is not None else None
        self._repeats(labels, words, headline, protected, claims)
        self._bylines_with_job(texts, protected, cues, claims)
        self._kicker_links(texts, labels, headline, protected, claims)
        self._captions_by_credit(texts, words, protected, claims)
        self._teasers(texts, words, protected, claims)
        self._appeal_boxes(words, protected, claims)
        for index in self._margin(texts, words, claims):
            if index != protected:
                claim = self._margin_claim(texts[index], labels[index], cues)
                if claim is not None:
                    claims[index] = claim
        return claims

    def _margin(self, texts: Sequence[str], words: Sequence[Sequence[str]], claims: Mapping[int, _Claim]) -> list[int]:
        """Unclaimed lines before the first and after the last paragraph of prose that stays."""
        anchors = [i for i, w in enumerate(words) if i not in claims and self._anchor(texts[i], w)]
        first_anchor = anchors[0] if anchors else len(texts)
        last_anchor = anchors[-1] if anchors else -1
        return [i for i in range(len(texts)) if i not in claims and (i < first_anchor or i > last_anchor)]

    # -- helpers ---------------------------------------------------------------------------

    def _features(self, text: str) -> tuple[str, list[str]]:
        """A line's label and words, worked out once per line of the page (see LINE_MEMO_MAX)."""
        found = self._lines.get(text)
        if found is None:
            found = self._lines[text] = (normalise_label(text), _words(text))
        return found

    def _anchor(self, text: str, words: Sequence[str]) -> bool:
        """``_is_anchor(text, words)`` for a line of the page and its words, worked out once per line."""
        found = self._anchors.get(text)
        if found is None:
            found = self._anchors[text] = self._is_anchor(text, words)
        return found

    @staticmethod
    def _headline_index(labels: Sequence[str], headline: str | None) -> int | None:
        """The headline's first place: the line that is the title, else the first line that is the title
        after a short prefix (a date stamp: "date 2025-03-04 <title>"), which otherwise went as a copy of
        a headline that stood nowhere else, taking its names out of the text the naming table reads."""
        if not headline:
            return None
        exact = next((i for i, label in enumerate(labels) if label == headline), None)
        if exact is not None:
            return exact
        return next((i for i, label in enumerate(labels) if _is_prefixed(label, headline)), None)

    @staticmethod
    def _is_anchor(text: str, words: Sequence[str]) -> bool:
        return len(words) >= ANCHOR_MIN_WORDS and _stop_share(words) >= ANCHOR_MIN_STOP_SHARE

    def _line_claim(
        self,
        text: str,
        label: str,
        words: Sequence[str],
        cues: ClutterCues,
        in_margin: bool,
        profile: _PageProfile,
    ) -> _Claim | None:  # in_margin is kept for subclasses that want margin-only line rules
        """The strongest single-line rule that fires, or None (the line stays)."""
        n_words = len(words)
        if _may_hold_url(text) and _URL_RE.sub("", text).strip(" |-–—·") == "" and _URL_RE.search(text):
            return _Claim("other", "a bare web address")
        if _may_hold_url(text) and len(_URL_RE.findall(text)) >= 2 and not _terminal(_URL_RE.sub("", text).strip()):
            return _Claim("related_link", "a trail of links (a breadcrumb such as 'Home <address> World <address> …')")
        for kind, phrases in cues.whole_line.items():
            if label in phrases:
                return _Claim(kind, f"the whole line is the page label {label!r}")
        if self.outlet and label and label == _outlet_label(self.outlet):
            return _Claim("masthead", "the line is the outlet's name")
        if is_dateline(text, cues.date_words):
            return _Claim("dateline_meta", "only a date or time and date words")
        if " | " in text and _metadata_fields(text, cues.date_words):
            return _Claim("dateline_meta", "fields of page metadata between bars, one of them a date ('Reuters | London | Updated: …')")
        if "{" in text and _looks_like_code(text):
            return _Claim("other", "style-sheet, script or structured-data code, not prose")
        script_claim = self._script_claim(text, profile)
        if script_claim is not None:
            return script_claim
        credit = self._caption_credit(text, words, cues)
        if credit is not None:
            return credit
        low = lower_if_plain(text)  # for both cue scans' lower-case prefilters
        start = self._start_cue(text, n_words, cues, low)
        if start is not None:
            return start
        contains = self._contains_cue(text, n_words, cues, low)
        if contains is not None:
            return contains
        return self._shape_claim(text, words, cues)

    def _script_claim(self, text: str, profile: _PageProfile) -> _Claim | None:
        if profile.script is None or (profile.script == "LATIN" and text.isascii()):
            return None  # ASCII letters are all Latin and none accented: neither rule below can fire
        scripts, accented = _letter_scripts(text)
        n_letters = sum(scripts.values())
        if n_letters < SCRIPT_MIN_LETTERS:
            return None
        same = scripts.get(profile.script, 0) / n_letters
        if same < LINE_SCRIPT_MAX_SHARE:
            return _Claim("other", f"written in another script than the page ({profile.script.lower()})")
        if (
            profile.script == "LATIN"
            and n_letters >= MOJIBAKE_MIN_LETTERS
            and len(text.split()) <= 3
            and profile.accent_share <= PAGE_ACCENT_MAX_SHARE
            and accented / n_letters >= LINE_ACCENT_MIN_SHARE
        ):
            return _Claim("other", "mostly accented letters on a page that has few: mis-decoded text")
        return None

    @staticmethod
    def _credit_tokens_ok(segment: str, cues: ClutterCues) -> bool:
        """A credit is names, agencies and credit words: no lower-case running text."""
        tokens = [t for t in re.split(r"[\s/|,;:()]+", segment) if t and re.search(r"\w", t)]
        if not tokens:
            return False
        for token in tokens:
            low = token.lower().strip(".-")
            if not (_is_capitalised(token) or low in cues.photo_credit_words or low in _NAME_JOINERS
                    or low in cues.photo_agencies or not any(c.isalpha() for c in token)):
                return False
        return True

    @staticmethod
    def _names_agency(segment: str, cues: ClutterCues) -> bool:
        low = " " + re.sub(r"[\s/|,;:()]+", " ", segment.lower()) + " "
        return any(f" {agency} " in low or f"{agency}-" in low for agency in cues.photo_agencies) or any(
            f" {word} " in low for word in ("photo", "photos", "pool", "getty", "credit", "courtesy", "handout")
        )

    def _is_credit_line(self, text: str, cues: ClutterCues) -> bool:
        """A stand-alone photo credit: "Eugene Hoshiko/AFP", "AP Photo/Jo Roe", "(... via AP, File)"."""
        # at most CREDIT_LINE_MAX_WORDS + 1 pieces: a line of prose is not split to its end (this runs on every line)
        if len(text.split(None, CREDIT_LINE_MAX_WORDS)) > CREDIT_LINE_MAX_WORDS or _terminal(text.rstrip(")")):
            return False
        if not (self._credit_tokens_ok(text, cues) and self._names_agency(text, cues)):
            return False
        low = text.lower()
        return bool(re.search(r"[/|]", text)) or bool(re.match(r"^\s*[(\[]", text)) or any(
            word in low for word in ("photo", "getty", "pool", "credit", "courtesy")
        )

    def _caption_credit(self, text: str, words: Sequence[str], cues: ClutterCues) -> _Claim | None:
        if self._is_credit_line(text, cues):
            return _Claim("caption_credit", "a photo credit line (names and an agency)")
        if len(words) > CAPTION_MAX_WORDS:
            return None
        parens = _PARENS_END_RE.search(text)
        if parens and parens.start() > 0:
            inner = parens.group(1)
            if (len(inner.split()) <= CREDIT_LINE_MAX_WORDS and self._credit_tokens_ok(inner, cues)
                    and self._names_agency(inner, cues)):
                return _Claim("caption_credit", f"caption ending with the photo credit ({shorten(inner, QUOTED_CHARS)})")
        last_end = _LAST_SENTENCE_END_RE.match(text)
        if last_end:
            segment = text[last_end.end():].strip()
            if (
                segment
                and len(segment.split()) <= TAIL_CREDIT_MAX_WORDS
                and not _terminal(segment)
                and self._credit_tokens_ok(segment, cues)
                and self._names_agency(segment, cues)
            ):
                return _Claim("caption_credit", f"caption ending with the photo credit {shorten(segment, QUOTED_CHARS)!r}")
        return None

    @staticmethod
    def _start_cue(text: str, n_words: int, cues: ClutterCues, low: str | None = None) -> _Claim | None:
        """A line opening with a label cue; ``low`` is ``lower_if_plain(text)`` when the caller has it."""
        if n_words > max(CAPTION_MAX_WORDS, LABEL_MAX_WORDS):
            return None  # past every family's limit
        body = _LEAD_RE.sub("", text) if not text.lstrip().startswith("(") else text.lstrip()
        if low is not None:
            # one lower-case test of every family's phrases where a cue may open the line (both places are
            # ends of the line, so of the same length in ``low``): on most lines no family can match
            starts = _lower_start_re(cues)
            if starts.match(low, len(text) - len(body)) is None and starts.match(low, len(text) - len(text.lstrip())) is None:
                return None
        for kind, phrases in cues.line_start.items():
            match = _phrase_re(phrases, True).match(body) or _phrase_re(phrases, True).match(text.lstrip())
            if match is None:
                continue
            limit = CAPTION_MAX_WORDS if kind == "caption_credit" else LABEL_MAX_WORDS
            if n_words > limit:
                continue
            after = body[match.end():] if match.string is body else text.lstrip()[match.end():]
            if kind == "related_link" and _terminal(text) and not re.match(r"\s*[:|»>›–—-]", after):
                continue  # "More on that later." is a sentence, not a link label
            if kind == "dateline_meta" and (n_words > SHORT_LABEL_MAX_WORDS or not re.search(r"\d", text)):
                continue
            if kind == "byline" and not _mostly_names(after):
                continue  # "Reporting by the Times showed ..." is a sentence
            return _Claim(kind, f"opens with the label {match.group().strip().lower()!r}")
        return None

    @staticmethod
    def _contains_cue(text: str, n_words: int, cues: ClutterCues, low: str | None = None) -> _Claim | None:
        """A line holding a cue phrase; ``low`` is ``lower_if_plain(text)`` when the caller has it."""
        if low is None:
            low = lower_if_plain(text)
        # one lower-case scan for the phrases of every family and the footer links: on most lines none can match
        none_can = low is not None and _lower_contains_re(cues).search(low) is None
        if n_words <= CONTAINS_MAX_WORDS and not none_can:
            for kind, phrases in cues.line_contains.items():
                if low is not None and _lower_phrase_re(phrases).search(low) is None:
                    continue  # cannot match (see textnorm.lower_if_plain): the case-insensitive search is skipped
                match = _phrase_re(phrases, False).search(text)
                if match is None:
                    continue
                if kind == "appeal" and not _addresses_reader(text, cues):
                    continue
                if kind == "read_time" and (n_words > SHORT_LABEL_MAX_WORDS or not re.search(r"\d", text)):
                    continue
                return _Claim(kind, f"holds the phrase {match.group().lower()!r}")
        footer = set()
        if not none_can and (low is None or _lower_phrase_re(cues.footer_links).search(low) is not None):
            footer = {m.group().lower() for m in _phrase_re(cues.footer_links, False).finditer(text)}
        if len(footer) >= 2 or (footer and n_words <= 4):
            return _Claim("masthead", f"site footer links: {', '.join(sorted(footer))}")
        if n_words <= SHORT_LABEL_MAX_WORDS and not _terminal(text):
            staff = _phrase_re(cues.staff_labels, False).search(text)
            if staff is not None:
                return _Claim("byline", f"staff label {staff.group().lower()!r}")
        return None

    def _shape_claim(self, text: str, words: Sequence[str], cues: ClutterCues) -> _Claim | None:
        tokens = text.split()
        if _BY_START_RE.match(text) and 2 <= len(tokens) <= 10 and not _terminal(text):
            if _mostly_names(" ".join(tokens[1:])):
                return _Claim("byline", "'By' and names")
        if _SOURCE_BRACKET_RE.match(text):
            return _Claim("byline", "a bracketed source credit")
        last = text.rstrip()[-1:]  # the search is skipped unless the line can end with a media word's last letter
        if (
            (last in _MEDIA_LAST_LETTERS or not last.isascii()) and _MEDIA_LABEL_END_RE.search(text)
            and len(tokens) >= 4 and not _terminal(text)
        ):
            return _Claim("related_link", "a link to another story, labelled with its media type ('…  image')")
        if _SHORTCODE_RE.match(text):
            return _Claim("other", "a template placeholder such as '[ad_1]'")
        if len(tokens) <= NUMBERS_LINE_MAX_TOKENS and not any(c.isalpha() for c in text):
            return _Claim("other", "only numbers and symbols (counters, separators)")
        if len(tokens) == 1 and _IDENTIFIER_RE.fullmatch(tokens[0]) and any(c.isdigit() for c in tokens[0]):
            return _Claim("other", "one identifier (a hex digest or UUID), not a word")
        # counted only where the ticker rule can fire (it was a regex search per token of every line)
        numeric = sum(1 for t in tokens if _DIGIT_RE.search(t)) if len(tokens) <= TICKER_MAX_TOKENS else 0
        if (
            len(tokens) <= TICKER_MAX_TOKENS and numeric >= TICKER_MIN_NUMBERS and numeric >= TICKER_MIN_SHARE * len(tokens)
            and _stop_share(words) == 0
        ):
            return _Claim("other", f"{numeric} figures and no sentence: a ticker (prices, weather, counts)")

        # A sentence ends only at punctuation, so a run of FRAGMENT_MAX_WORDS + 1 plain words lies inside one
        # sentence that is too long for a fragment: the sentence split is skipped (it was a third of the rule's time).
        sentences = [] if _PLAIN_RUN_RE.search(text) else _sentences(text.strip("“”\""))
        if len(sentences) >= FRAGMENT_MIN_SENTENCES and all(len(s.split()) <= FRAGMENT_MAX_WORDS for s in sentences):
            return _Claim("author_bio_contact", f"{len(sentences)} verbless fragments: a profile blurb")
        if (
            0 < len(words) <= ALT_TEXT_MAX_WORDS
            and text == text.lower()
            and not _BULLET_START_RE.match(text)
            and not re.search(r"[\d.,;:!?]", text)
        ):
            return _Claim("caption_credit", "a few lower-case words without punctuation: image alt text")
        return None

    def _margin_claim(self, text: str, label: str, cues: ClutterCues) -> _Claim | None:
        """Weak evidence, trusted only in the page's header and footer (outside the prose)."""
        tokens = text.split()
        if self._is_name_line(text, tokens):
            return _Claim("byline", "bare names outside the article's prose")
        if len(tokens) <= SHORT_LABEL_MAX_WORDS and not _terminal(text):
            lowered = [t.lower() for t in tokens]
            if "by" in lowered[1:-1]:
                after = tokens[lowered.index("by", 1) + 1:]
                if after and len(after) <= NAME_MAX_TOKENS and _is_capitalised(after[0]):
                    return _Claim("byline", "'... by Name' label outside the article's prose")
            if _job_line(text, cues):
                return _Claim("author_bio", f"the author's job line ('{shorten(text, QUOTED_CHARS)}') outside the article's prose")
        return None

    @staticmethod
    def _is_name_line(text: str, tokens: Sequence[str]) -> bool:
        if not 2 <= len(tokens) <= NAME_MAX_TOKENS or _terminal(text) or re.search(r"\d", text):
            return False
        stops = stop_words()
        for token in tokens:
            clean = token.strip(",;:*")
            if not clean or not _is_capitalised(clean) or clean.lower() in stops:
                return False
            if not re.fullmatch(r"[^\W\d_][\w'’.-]*", clean):
                return False
        return True

    # -- rules that look at several lines --------------------------------------------------

    def _repeats(
        self, labels: Sequence[str], words: Sequence[Sequence[str]], headline: str | None, protected: int | None,
        claims: dict[int, _Claim],
    ) -> None:
        """Copies of the headline go after its first place; every copy of another repeated short line
        goes (gallery captions, menu labels); a repeated paragraph of prose keeps its first copy."""
        counts = Counter(label for label in labels if label)
        seen: set[str] = set()
        for index, label in enumerate(labels):
            first = label not in seen
            seen.add(label)
            if index == protected or not label:
                continue
            if headline and (label == headline or _is_prefixed(label, headline)):
                claims[index] = _Claim("repeated_headline", "repeats the headline")
            elif counts[label] > 1 and index not in claims:
                if first and self._is_anchor(label, words[index]):
                    continue
                claims[index] = _Claim("repeated_line", f"the same line stands {counts[label]} times on the page")

    @staticmethod
    def _kicker_links(
        texts: Sequence[str], labels: Sequence[str], headline: str | None, protected: int | None,
        claims: dict[int, _Claim],
    ) -> None:
        """A second headline with the headline's kicker ("South China Sea: ...") links a sibling story."""
        if not headline or ":" not in headline:
            return
        kicker = headline.split(":", 1)[0]
        if not kicker or len(kicker.split()) > KICKER_MAX_WORDS:
            return
        for index, label in enumerate(labels):
            if index == protected or index in claims or _terminal(texts[index]):
                continue
            if label.startswith(kicker + ":") and len(label.split()) <= TEASER_MAX_WORDS:
                claims[index] = _Claim("related_link", f"another headline under the kicker {kicker!r}")

    def _captions_by_credit(
        self, texts: Sequence[str], words: Sequence[Sequence[str]], protected: int | None, claims: dict[int, _Claim]
    ) -> None:
        """The caption a stand-alone credit belongs to: the line above it (dated or "FILE"), else a
        short label below it."""
        cues = self.cues or load_clutter_cues()
        openers = _phrase_re(cues.caption_openers, True)
        for index, text in enumerate(texts):
            if not self._is_credit_line(text, cues):
                continue
            above = index - 1
            while above >= 0 and claims.get(above, _Claim("", "")).kind in ("caption_credit", "repeated_line"):
                above -= 1
            if (
                above >= 0 and above != protected and len(words[above]) <= CAPTION_MAX_WORDS
                and (_FULL_DATE_RE.search(texts[above]) or openers.match(texts[above])
                     or _ELLIPSIS_END_RE.search(texts[above]))
            ):
                claims[above] = _Claim("caption_credit", f"the caption above the photo credit {shorten(text, QUOTED_CHARS)!r}")
                continue
            below = index + 1
            if (
                below < len(texts) and below != protected and below not in claims
                and len(words[below]) <= CAPTION_AFTER_CREDIT_MAX_WORDS and not _terminal(texts[below])
                and not (index - 1 >= 0 and index - 1 not in claims and not _terminal(texts[index - 1])
                         and len(words[index - 1]) <= CAPTION_AFTER_CREDIT_MAX_WORDS)
            ):
                claims[below] = _Claim("caption_credit", f"the caption below the photo credit {shorten(text, QUOTED_CHARS)!r}")

    def _bylines_with_job(self, texts: Sequence[str], protected: int | None, cues: ClutterCues, claims: dict[int, _Claim]) -> None:
        """A bare name with a job line under it ("Ana Ruiz" / "Trade correspondent, Lisbon") is a byline
        anywhere on the page (a live blog signs every post so); a bare name alone between paragraphs stays."""
        for index in range(1, len(texts)):
            name, job = index - 1, index
            if name in claims or job in claims or protected in (name, job):
                continue
            if self._is_name_line(texts[name], texts[name].split()) and _job_line(texts[job], cues):
                claims[name] = _Claim("byline", "a name above the author's job line")
                claims[job] = _Claim("author_bio", "the author's job line under their name")

    @staticmethod
    def _appeal_boxes(words: Sequence[Sequence[str]], protected: int | None, claims: dict[int, _Claim]) -> None:
        """A short line between two appeal lines is the appeal box's blurb ("Escape your echo chamber.")."""
        appeal = {i for i, c in claims.items() if c.kind == "appeal"}
        for index in range(1, len(words) - 1):
            if (index not in claims and index != protected and index - 1 in appeal and index + 1 in appeal
                    and len(words[index]) <= APPEAL_BOX_MAX_WORDS):
                claims[index] = _Claim("appeal", "a short line inside an appeal box (appeals above and below)")

    @staticmethod
    def _teasers(texts: Sequence[str], words: Sequence[Sequence[str]], protected: int | None, claims: dict[int, _Claim]) -> None:
        """Headlines and blurbs of other stories after a "More stories"-style label."""
        heads = [i for i, c in sorted(claims.items()) if c.kind == "related_link" and c.reason.startswith(_LABEL_REASONS)
                 and not re.search(r"[:|»›]\s*\S", texts[i])]
        for head in heads:
            taken = 0
            index = head + 1
            while index < len(texts) and taken < TEASER_MAX_LINES and index != protected:
                if index in claims:
                    if claims[index].kind not in ("related_link", "repeated_line"):
                        break  # a headline listed twice ("repeated_line") is still a teaser of the list
                    index += 1
                    continue
                if _teaser_like(texts[index], words[index]):
                    claims[index] = _Claim("related_link", f"a teaser after the link label at line {head}")
                elif (
                    index + 1 < len(texts) and len(words[index]) <= TEASER_MAX_WORDS + 10
                    and index + 1 != protected and _teaser_like(texts[index + 1], words[index + 1])
                    and index + 1 not in claims
                ):
                    claims[index] = _Claim("related_link", f"a blurb between teasers after line {head}")
                else:
                    break
                taken += 1
                index += 1


def _mostly_names(text: str) -> bool:
    """At least NAME_SHARE of the words (joiners aside) are capitalised: a list of names and outlets."""
    tokens = [t for t in re.split(r"[\s,;/&]+", text) if t and any(c.isalpha() for c in t)]
    names = [t for t in tokens if t.lower() not in _NAME_JOINERS]
    return bool(names) and sum(_is_capitalised(t) for t in names) >= NAME_SHARE * len(names)


#: Reasons of related-link claims that are a label a list of teasers may follow.
_LABEL_REASONS = ("the whole line is the page label", "opens with the label")


def _job_line(text: str, cues: ClutterCues) -> bool:
    """A journalist's job line: at most SHORT_LABEL_MAX_WORDS words, no sentence end or digit, a staff role
    word last or before a comma and a place ("State Department correspondent, Washington DC")."""
    head = text.split(",", 1)[0].split()
    if not head or len(text.split()) > SHORT_LABEL_MAX_WORDS or _terminal(text) or re.search(r"\d", text):
        return False
    return head[-1].lower() in cues.staff_roles and _is_capitalised(head[0])


def _masthead_claim(text: str, cues: ClutterCues) -> _Claim | None:
    """A newspaper's name ("The Canberra Times") on a line of its own in the header or footer, when the
    outlet is not known: two to five capitalised words (joiners aside) ending in a masthead word."""
    tokens = text.split()
    if not 2 <= len(tokens) <= MASTHEAD_MAX_WORDS or _terminal(text) or tokens[-1].lower() not in cues.masthead_words:
        return None
    if not all(_is_capitalised(t) or t.lower() in ("of", "the", "and", "&") for t in tokens) or not _is_capitalised(tokens[0]):
        return None
    if "," in text:  # "Ana Ruiz, Borovia Herald": the author and their paper
        return _Claim("byline", f"a name and a newspaper's name ({tokens[-1]!r}) outside the article's prose")
    return _Claim("masthead", f"a newspaper's name ({tokens[-1]!r}) outside the article's prose")


def _menu_claim(text: str, label: str, cues: ClutterCues) -> _Claim | None:
    """A section word ("World News") or a menu ("Home | World | Asia"); for the header and footer only."""
    if label in cues.section_labels:
        return _Claim("tags_nav", f"section or navigation label {label!r} outside the article's prose")
    # runs of spaces as one (the items are stripped, so the same items): the separator's ``\s*`` tried
    # from each position of a long run of spaces was quadratic
    items = [item.strip() for item in _MENU_SPLIT_RE.split(_SPACES_RE.sub(" ", text)) if item.strip()]
    if len(items) >= 2 and not _terminal(text) and (
        all(normalise_label(item) in cues.section_labels for item in items)
        or (len(items) >= MENU_MIN_ITEMS and all(len(item.split()) <= MENU_ITEM_MAX_WORDS for item in items))
    ):
        return _Claim("tags_nav", f"a menu of {len(items)} short items outside the article's prose")
    return None


def _teaser_like(text: str, words: Sequence[str]) -> bool:
    return 0 < len(words) <= TEASER_MAX_WORDS and (not _terminal(text) or bool(_ELLIPSIS_END_RE.search(text)))


def _is_prefixed(label: str, headline: str) -> bool:
    if not label.endswith(headline) or label == headline:
        return False
    prefix = label[: -len(headline)].split()
    return 0 < len(prefix) <= HEADLINE_PREFIX_MAX_WORDS


def _sentences(text: str) -> list[str]:
    """The sentences of one line, by the Document's splitter (``framing.segment``: one in the project)."""
    return [text[span.start : span.end] for span in split_sentences(text)]


def _addresses_reader(text: str, cues: ClutterCues) -> bool:
    """An appeal speaks to the reader: "you"/"your", or a sentence opening with "Subscribe", "Get", ..."""
    lowered = [w.lower() for w in _words(text)]
    if any(word in cues.appeal_address for word in lowered):
        return True
    for sentence in _sentences(text):
        first = _words(sentence)[:1]
        if first and first[0].lower() in cues.cta_verbs:
            return True
    return False
