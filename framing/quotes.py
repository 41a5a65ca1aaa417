"""Who speaks: direct quotes, reported speech, their speakers and speaker types, with offsets.

Transparent rules over the tokens and sentences the pipeline already has (no parser, no model):

1. **Quote marks are paired** per paragraph with a stack, so nested quotes (“… sham “referenda” …”)
   stay inside their outer quote, and apostrophes ("Russia’s", "don't", "farmers’") are told from
   closing marks by the letters around them. A paragraph that ends inside a quote and a next one
   that opens again continue the same quote (one span per paragraph, one speaker).
2. **Direct quotes are attributed** from the words after the closing mark (“…,” said X / “…,” X
   said), before the opening mark (X said: “…”), the reported clause they sit in (X said the deal
   was “very good”), or the quote before them in a split quote. A short quote (fewer than
   ``MIN_UNATTRIBUTED_WORDS`` words) with no speaker is a scare quote or a title and is not counted.
3. **Reported speech** is a reporting verb from ``lexicons/quote_cues.csv`` with a speaker before
   it and a clause after it (X said (that) …, X told Y …), a trailing attribution (…, X said.), or
   ``according to X`` where X is not a document ("according to the agreement" is not speech).
4. **Speakers** are the noun phrase next to the cue; a pronoun, a relative "who" or "the
   spokesperson" is resolved to the last named speaker of the right kind (a person for he/she, a
   body for it/they), and left as written when there is none. Later mentions of a surname take
   the first full name ("Brandt" -> "Ilse Brandt").
5. **Speaker types** come from ``lexicons/speaker_types.csv`` matched on the mention and the
   description around its first mention (appositions like "…, spokesperson of the coast guard").

Everything is found on the cleaned text, so quotes inside embedded posts that cleaning removed are
never seen. Offsets point into that text: ``text[start:end]`` is the quote, ``text[speaker_start:
speaker_end]`` the mention the speaker name was taken from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .word_frequency import zipf_frequency

from .quote_rules import QuoteRules, SpeakerTerm, load_quote_rules
from .segment import split_paragraphs, split_sentences, tokenize
from .types import Document, Quote, Span, Token

__all__ = ["GIVEN_NAME_ZIPF", "MIN_UNATTRIBUTED_WORDS", "QuoteFinder", "find_quotes", "quoted_mask"]

#: A quote with no speaker and fewer words than this is a scare quote, a title or a term in marks
#: ("sham “referendums”"), not a quotation. Four words: the shortest unattributed dev quotes that
#: were real statements had five or more, the scare quotes one to three.
MIN_UNATTRIBUTED_WORDS = 4
#: Most capitalised words of a body's name after "The" that a later "It said" may stand for ("The
#: Orvan Maritime Safety Board" has four).
MAX_BODY_WORDS = 6
#: Longest speaker phrase, in words ("the Ruritanian National Security Council spokesman Anton
#: Varga" has eight).
#: An "-ly" word is read as an adverb before a reporting verb when it has this many letters and a stem of
#: ADVERB_MIN_STEM letters or more as common as ADVERB_STEM_ZIPF (wordfreq's Zipf scale: "swift" 3.6,
#: "prompt" 3.9; "fami", "assemb" and "al" are no words).
ADVERB_MIN_LETTERS = 6
ADVERB_MIN_STEM = 4
ADVERB_STEM_ZIPF = 3.0
MAX_SPEAKER_WORDS = 12
#: Words after a cue scanned for the end of its reported clause; a longer clause runs to its sentence's end
#: (a run-on "sentence" of pasted junk was scanned to its end once per cue: minutes).
MAX_CLAUSE_SCAN = 200
#: Longest aside between a speaker and its verb after a quote ("…,” Orlov, who also hosts a radio
#: show on Sundays, said): a relative clause or an apposition.
ASIDE_WORDS = 15
#: Longest title in marks ("said on “The Sunday Morning Report”"): longer title-case runs are quotes.
TITLE_WORDS = 8
#: Most words of a title in marks right after a title word ("under the headline “…”", "a report titled
#: “…”"): headlines run longer than programme names; a title-case run of more is taken as a quotation.
LONG_TITLE_WORDS = 20
#: Longest term in marks after a term word ("the formula “ten for ten”", "the so-called “E3”").
TERM_WORDS = 3
#: Words between a cue and the quote it introduces ("described the agreement on the swap as “…”").
BEFORE_QUOTE_WORDS = 8
#: Words after a checked reporting verb within which its clause must show a verb form.
FINITE_WINDOW = 10
#: Fewest words a reported clause needs ("it would", "he will" are not clauses on their own).
MIN_CLAUSE_WORDS = 3
#: A sentence-initial capitalised word this frequent in English (wordfreq Zipf scale) is a function
#: word ("But", "When"), not the start of a name; 5.0 keeps "Manila" (3.6) and drops "But" (6.9).
FUNCTION_WORD_ZIPF = 5.0
#: office words ("spokesman", "ministry") a speaker with no country must share with speakers of one
#: country to be taken for that country's (``_country_by_office``)
OFFICE_WORDS_SHARED = 1
#: A capitalised "He" or "She" at a sentence's start is a surname only before a given name rarer
#: than this in English (wordfreq Zipf): "He Lianbo" (Lianbo below 1) but not "He Also" (6.4).
#: 4.0 sits under the English words a title-case line puts there and above most romanised given names.
GIVEN_NAME_ZIPF = 4.0
#: Role words before a name kept as its description ("then-Deputy Chief of Staff Ana
#: Ruiz" has four, "U.S. ambassador to the United Nations Nikki Haley" seven; was 6 until session 8,
#: when the fresh check's ambassador lost her country), and the longest apposition after it
#: ("…, a spokesperson for the navy,").
DESCRIPTION_WORDS = 8
#: Most words of a dateline before its outlet or dash ("WASHINGTON (Reuters) -", "BOISE, Idaho —"):
#: a city and a state or country, as datelines are written.
DATELINE_WORDS = 4
APPOSITION_WORDS = 10
#: The words read of an apposition opening with "a"/"an" (a noun phrase, however long it runs).
LONG_APPOSITION_WORDS = 20
#: A person's pooled description stops growing past this many characters (every later mention
#: adds its words; a long article names its main speaker dozens of times).
DESCRIPTION_CHARS = 400
#: ... and is cut at this many, however it was pooled (real descriptions stay far below).
DESCRIPTION_MAX_CHARS = 2 * DESCRIPTION_CHARS


def _describe(mention: _Mention, words: str) -> None:
    """Add ``words`` to what describes ``mention``, up to ``DESCRIPTION_CHARS``: a name repeated with
    an aside thousands of times grew its description, and its typing, without bound (minutes)."""
    if len(mention.description) < DESCRIPTION_CHARS:
        mention.description += " " + words
#: Longest phrase between a sentence's subject and its reporting verb read as the subject's aside
#: ("Three officials from Borovia and one from Ruritania confirmed"): fifteen words.
FAR_SPEAKER_WORDS = 15
#: Link words a trailing speaker's of-chain may add before the comma, and the words that link.
TRAILING_LINK_WORDS = 4
_LINK_WORDS = frozenset({"of", "the", "for", "and"})
#: Words within which a clause opened after a past-tense "stated"/"claimed" must show its verb form.
CLAUSE_VERB_WORDS = 6
#: Words a vehicle verb may stand before 'to say' ("took to X (formerly Twitter) on Sunday to say").
VEHICLE_WORDS = 8
#: Words between 'with' and its reporting participle that end a reported clause ("…, with 15% saying …").
ABSOLUTE_WORDS = 5
#: Words between a source's tail word and its verb ("familiar with the investigation told").
SOURCE_TAIL_WORDS = 6
#: Words a listener may take after "told" before 'that' ("told a local radio presenter on Sunday that").
OBJECT_WORDS = 8
#: Lower-case words between an article and a speaker phrase ("a senior U.S. official").
ADJECTIVE_WORDS = 2
#: Characters that open a list item (a paragraph of its own under an introduction ending in ':').
_BULLETS = frozenset("•·→-–—*▪►‣◦")
#: Auxiliaries of a passive reporting verb ("this was stated by", "as confirmed by").
_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "as"})
#: Subjects that point back at the sentence before ("This was reported by X").
_ANAPHORS = frozenset({"this", "that", "it", "these", "those"})
#: forms of 'be' before a reporting verb in -ing ("critics are claiming"): the speaker comes before them
_PROGRESSIVE = frozenset({"is", "are", "was", "were", "been", "be"})
#: Lower-case modifiers of an office its holder still holds, read inside a title before a name.
_CURRENT_OFFICE = frozenset({"acting", "interim", "deputy"})
#: Lower-case words allowed between a comma and a trailing speaker ("…, two senior officials said").
MODIFIER_WORDS = 3
#: Capitalised title words allowed between a comma and a trailing speaker's name ("…, Malaysian Prime
#: Minister Anwar Ibrahim said"): the name is the mention and its title the description, so the
#: clause before the comma went unreported (session 16, untuned Thailand-Cambodia pages).
TITLE_WORDS = 4
#: Distinct speaker descriptions whose type a finder remembers before starting afresh.
TYPE_CACHE_SIZE = 20_000
#: Words that may sit inside a name between capitalised words ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"von", "der", "van", "de", "da", "al", "bin", "la", "le", "du", "of", "for", "and"})
#: Particles a mention never opens with (built once, not per mention).
_LEADING_PARTICLES = _NAME_PARTICLES - {"de", "von", "van", "al", "bin"}

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"
_MARKS = re.compile("[\"'“”„«»‘’]")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
#: Words of a speaker description as ``speaker_type`` matches them ("u.s.", "secretary-general").
_TYPE_WORDS = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")
#: Endings of demonyms ("Borovian", "Lebanese", "Danish"): a country's word, not a company's.
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
#: A short capitalised word before another ("He Lianbo"): candidates for a surname that reads as a pronoun.
#: (``\b`` written as a look-behind after the capital: the same matches, found about 2.5 times faster)
_CAPITAL_PAIR = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{1,2} [A-Z]")
#: Two letters with dots and a space ("U.S. ", "U.K. "): where a letter abbreviation meets the next word.
#: Only a match's end is read, so the match starts at the first dot (a literal the regex engine
#: jumps to) and looks back for the letter: the same ends as ``\b[A-Za-z]\.[A-Za-z]\.[ \u00a0]``,
#: found over ten times faster.
_LETTER_ABBREVIATION = re.compile(r"\.(?<=(?<!\w)[A-Za-z]\.)[A-Za-z]\.[ \u00a0]")
#: A US party tag in commas after a name, as US agencies write it: ", R-Ariz.,", ", D-N.Y.,", ", R.-Ky.,".
#: A middle initial between a given name and a surname ("George W. Bush"): the dot's end.
_MIDDLE_INITIAL = re.compile(r"\b[A-Z][a-z]+ [A-Z]\.(?= [A-Z][a-z])")
_AP_PARTY_TAG = re.compile(r",\s+[RDI]\.?-(?:[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,5}\.?|[A-Z]{2})(?=\s*[,—–;:)]|\s)")
#: A US party tag in brackets after a name: "(R-Tenn.)", "(D-Ore.)", "(R)", "(I-Vt.)".
_US_PARTY_TAG = re.compile(r"\([RDI](?:-[A-Z][A-Za-z. ]{0,14})?\)")
#: A gap that ends a name's description going back: a bracket or a spaced dash ("WASHINGTON (Reuters) - ").
#: The gender "he" / "she" says of the person they stand for, and gendered honorifics (Mr, Ms, …):
#: a "she" is not resolved to someone a "he" stood for.
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "sir": "m", "lord": "m", "lady": "f",
                     "king": "m", "queen": "f", "prince": "m", "princess": "f"}
#: Words that, right after "said," open the sentence's own subordinate clause, not a reported one
#: ("…, the minister says, as talks continue"); the subordinators of quote_cues.csv count too.
_CLAUSE_AFTER_COMMA = frozenset({"as", "amid", "although", "though", "despite", "even"})
#: What a listener's possessive may own ("told the ABC's Insiders program"): a programme, not a clause.
_MEDIA_NOUNS = frozenset({"program", "programme", "show", "podcast", "channel", "radio", "station", "newspaper",
                          "broadcast", "interview", "website", "network"})
_DATELINE_GAP = re.compile(r"[()]| [-–—] ")
#: Speaker-row types whose one-word rows are speaker words however frequent ("government", "company").
#: Words a past office may span after "former" ("a former U.S. national security aide"): each role or
#: country row starting this many words after it or fewer is the past office (read on the dev articles).
FORMER_WORDS = 3
#: Determiners that make a plural role a known group ("the officials"), not unnamed ones.
#: Possessives that tie a role to the person named before ("his Treasury Secretary").
_OWNER_PRONOUNS = frozenset({"his", "her"})
_DEFINITE = frozenset({"the", "these", "those", "their", "its", "his", "her", "our"})
_ORGANISATION_TYPES = frozenset({"government", "international", "expert", "media", "other"})
#: Gap characters that end a speaker phrase or a clause piece.
#: two names joined by "and" in a speaker's mention or description ("Ana Ruiz of Ohio and Lev Orlov")
_PAIR = re.compile(r"\b[A-Z][\w.’'-]* and [A-Z]")
_BOUNDARY = re.compile("[,;:.!?\"“”‘’«»—–\n]")


@dataclass(slots=True)
class _Direct:
    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int
    group: int
    words: int
    speaker: _Mention | None = None
    cue: str = ""
    cue_at: int = -1
    #: attributed by a speaker and verb after its closing mark ("“…,” Orlov said")
    after: bool = False


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    person: bool
    pronoun: str = ""  # "person", "body", "role", "group" or "relative" when it must be resolved
    description: str = ""
    #: only ever named as a possessor so far ("Fumio Kishida's office"): no role holder of theirs
    possessor: bool = False

    def __setattr__(self, name: str, value: object) -> None:
        # Descriptions are pooled from mention to mention ("known.description + ' ' + …"): a name
        # repeated thousands of times made them, their memory and their typing grow without bound.
        if name == "description" and isinstance(value, str) and len(value) > DESCRIPTION_MAX_CHARS:
            value = value[:DESCRIPTION_MAX_CHARS]
        object.__setattr__(self, name, value)


@dataclass(slots=True)
class _Indirect:
    start: int
    end: int
    cue: str
    speaker: _Mention
    cue_at: int = 0
    attached: list[int] = field(default_factory=list)


class QuoteFinder:
    """A component: constructed with its rules, called on one article's text and segmentation.

    Examples
    --------
    >>> text = "“We will never leave,” said Ilse Brandt. He said the boats would return soon."
    >>> [(q.kind, q.text, q.speaker) for q in QuoteFinder()(text)]
    [('direct', 'We will never leave,', 'Ilse Brandt'), ('indirect', 'the boats would return soon', 'Ilse Brandt')]
    """

    #: The component's name in the pipeline (``framing.components``).
    name = "quotes"

    def __init__(self, rules: QuoteRules | None = None) -> None:
        self.rules = rules or load_quote_rules()
        # Words of speaker terms that may make up a speaker phrase; function words inside a term
        # ("on condition of anonymity") are left out, or "posted on X" would read as a name.
        functional = self.rules.cues.get("preposition", frozenset()) | self.rules.cues.get("determiner", frozenset())
        self._term_words = frozenset(
            w for key, row in self.rules.speaker_terms.items() for w in key
            if row.type != "indefinite" and w not in functional and zipf_frequency(w, "en") < FUNCTION_WORD_ZIPF + 0.5
        )
        # Lemmas that can start a cue ("point" of "point out"), so each article looks only at those.
        self._cue_starts = frozenset({*self.rules.roles, *(cue.split()[0] for cue in self.rules.roles if " " in cue)})
        # Speaker words by role, looked up once per token (``QuoteRules.has`` per call was a hot spot).
        cues = self.rules.cues
        self._speaker_words = frozenset({
            *self._term_words, *_NAME_PARTICLES, *cues.get("pronoun_person", ()), *cues.get("pronoun_body", ()),
            *cues.get("role_person", ()), *cues.get("determiner", ()),
            # frequent words of one-word organisation rows ("a government spokesman", "a company official")
            *(key[0] for key, row in self.rules.speaker_terms.items() if len(key) == 1 and row.type in _ORGANISATION_TYPES),
            *cues.get("people", ()),  # "critics say", "human rights advocates argue"
        })
        #: speaker type by description: the same few speakers recur across a corpus, and the type is
        #: a pure function of the description and the rules (bounded, cleared when full).
        self._types: dict[str, str] = {}
        #: longest speaker term opening with each word, so ``speaker_type`` tries no longer phrase
        self._term_spans = term_spans(self.rules)
        #: ``_Run._function_word`` by lower-case word: a pure function of the word and the rules.
        self._function_words: dict[str, bool] = {}
        self._pronoun_person = cues.get("pronoun_person", frozenset())
        self._determiners = cues.get("determiner", frozenset())

    def __call__(
        self,
        document: str | Document,
        *,
        tokens: Sequence[Token] | None = None,
        sentences: Sequence[Span] | None = None,
        paragraphs: Sequence[Span] | None = None,
    ) -> tuple[Quote, ...]:
        """Return the quotes of a Document (or of a text, segmented when not given) in reading order."""
        if isinstance(document, Document):
            return _Run(self, document.text, list(document.tokens), list(document.sentences), list(document.paragraphs)).quotes()
        text = document
        tokens = list(tokens) if tokens is not None else tokenize(text)
        sentences = list(sentences) if sentences is not None else split_sentences(text)
        paragraphs = list(paragraphs) if paragraphs is not None else split_paragraphs(text)
        return _Run(self, text, tokens, sentences, paragraphs).quotes()


def find_quotes(text: str, *, rules: QuoteRules | None = None) -> tuple[Quote, ...]:
    """Find the direct quotes and reported speech of one cleaned article text.

    Examples
    --------
    >>> [(q.kind, q.speaker, q.speaker_type) for q in find_quotes("China said the talks were useful and frank.")]
    [('indirect', 'China', 'government:China')]
    >>> find_quotes("The sham “referendums” were condemned.")
    ()
    """
    return QuoteFinder(rules)(text)


def quoted_mask(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Merge the spans of ``quotes`` into sorted, non-overlapping ``(start, end)`` intervals.

    Examples
    --------
    >>> q = [Quote(0, 10, "", "indirect", "said", None, "other", None, None), Quote(5, 8, "", "direct", "“", None, "other", None, None)]
    >>> quoted_mask(q)
    [(0, 10)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted((q.start, q.end) for q in quotes):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class _Run:
    """One article's pass; holds the article-local state so the finder itself stays read-only."""

    def __init__(self, finder: QuoteFinder, text: str, tokens: list[Token], sentences: list[Span], paragraphs: list[Span]):
        self.rules = finder.rules
        self.finder = finder
        self.term_words = finder._term_words
        # "Lev Orlov, R-Ariz., told reporters": a US party tag in commas is read as part of the gap, so the
        # name and its verb meet; the tag is kept for the name's description (by the token after it)
        self.tag_before: dict[int, str] = {}
        tags = [m.span() for m in _AP_PARTY_TAG.finditer(text)] if "-" in text else []
        if tags:
            # the tags are sorted and apart (``finditer``): one bisect per token, not a scan of the tags
            tag_starts = [a for a, _ in tags]
            tokens = [t for t in tokens if (n := bisect_right(tag_starts, t.start) - 1) < 0 or t.start >= tags[n][1]]
            starts = [t.start for t in tokens]
            for a, b in tags:
                k = bisect_left(starts, b)
                if k < len(tokens):
                    self.tag_before[k] = text[a + 1 : b].strip()
        self.text, self.tokens, self.sentences, self.paragraphs = text, tokens, sentences, paragraphs
        self.starts = [t.start for t in tokens]
        # Each token's leading capital and the gap before it, computed once: the rules ask for both
        # many times per token (a third of the finder's time went to slicing gaps again).
        self.caps = [text[start].isupper() for start in self.starts]
        self.gaps = _gaps(text, tokens, self.starts, finder.rules.cues.get("honorific", frozenset()))
        for k in self.tag_before:
            if k > 0 and text[tokens[k - 1].end : tokens[k].start].rstrip().endswith(","):
                self.gaps[k] = " "  # the tag's closing comma closes the aside: no boundary left
        self.sentence_starts = {s.start for s in sentences}
        for j in [bisect_left(self.starts, m.end()) for m in _LETTER_ABBREVIATION.finditer(text)]:
            if j < 2 or j >= len(tokens):
                continue
            # "U.S. Senator Ana Ruiz", "a U.S. cybersecurity official": the dot of a letter abbreviation
            # before a capital ends no phrase where the sentence splitter did not end the sentence there
            if self.gaps[j] in (". ", ".\u00a0") and len(tokens[j - 1].lower) == 1 and len(tokens[j - 2].lower) == 1 and (
                    text[tokens[j - 2].end : tokens[j - 1].start] == ".") and (
                    self.starts[j] not in self.sentence_starts):
                self.gaps[j] = " "
        for j in [bisect_left(self.starts, m.end()) for m in _MIDDLE_INITIAL.finditer(text)]:
            # "George W. Bush", "John F. Kelly": a middle initial's dot ends no phrase (unless the
            # sentence splitter ended the sentence there)
            if 0 < j < len(tokens) and self.gaps[j] == ". " and self.starts[j] not in self.sentence_starts:
                self.gaps[j] = " "
        # a boundary per distinct gap (a few dozen per article), not a regex search per token
        bound_of = {gap: gap != " " and _BOUNDARY.search(gap) is not None for gap in set(self.gaps)}
        self.bounds = [bound_of[gap] for gap in self.gaps]
        self.sentence_list = [s.start for s in sentences]
        self.paragraph_list = [p.start for p in paragraphs]
        self.paragraph_start_of = {p.paragraph: p.start for p in reversed(paragraphs)}  # by number; the first wins
        self._directs: list[_Direct] = []  # the quotes being attributed and their opening marks in order
        self._opens: list[int] = []
        self.used_cues: set[int] = set()
        self.names: dict[str, _Mention] = {}
        #: where each speaker of the history was first quoted (parallel to ``quotes``' history)
        self.history_at: list[int] = []
        #: the gender a "he" or "she" showed for a person, recorded only where the pronoun follows that
        #: person's own quotation, named there, with no other person named between (the reliable case)
        self.genders: dict[str, str] = {}
        self._surnames: tuple[int, re.Pattern[str]] | None = None
        self._role_words_of: dict[str, frozenset[str]] = {}  # ``_role_words`` by phrase, for this article
        #: (offset of the cue, speaker) of each attributed direct quote, for a participle later in
        #: the same sentence ("…,” she said, adding that …")
        self.cue_speakers: list[tuple[int, _Mention]] = []
        self.titles: dict[int, int] = {}
        self.name_pronouns = self._name_pronouns()
        self._scan_names()

    def _name_pronouns(self) -> frozenset[int]:
        """Capitalised person pronouns that are a surname ("spokesman He Lianbo", "He Minwei
        said"): followed, with no boundary, by a capitalised word that is no reporting verb, no
        function word and, at a sentence's start, no English word (Zipf below ``GIVEN_NAME_ZIPF``),
        so "He Also said" and "He Said" stay pronouns."""
        pronouns = self.rules.cues.get("pronoun_person", frozenset())
        tokens, caps = self.tokens, self.caps
        found = set()
        # candidates: a capitalised word directly before another (a C-speed scan of the text)
        for k in [bisect_left(self.starts, m.start()) for m in _CAPITAL_PAIR.finditer(self.text)]:
            if k + 1 >= len(tokens):
                continue
            token = tokens[k]
            if token.lower not in pronouns or not caps[k] or not caps[k + 1] or self._bound(k + 1):
                continue
            given = tokens[k + 1]
            if self.rules.speech_role(given.lemma) or given.lower in self.term_words or self._function_word(k + 1):
                continue
            if token.start in self.sentence_starts and _zipf(given.lower) >= GIVEN_NAME_ZIPF:
                continue
            found.add(k)
        return frozenset(found)

    def _scan_names(self) -> None:
        """Register every run of two or more capitalised words that ends in no role, body or country
        word as a person's name, keyed by surname, with the role words before it as description, so
        "Anker said" later finds "Ruritanian Defence Minister Rolf Anker"."""
        tokens, text, terms = self.tokens, self.text, self.rules.speaker_terms
        caps, bounds, gaps, determiners = self.caps, self.bounds, self.gaps, self.finder._determiners
        capitals = [i for i, c in enumerate(caps) if c]
        count = len(tokens)
        k = 0
        for k0 in capitals:
            if k0 < k:
                continue
            k = k0
            end = k
            # (``bounds[end]`` is ``_bound(end)`` here: 0 < end < count holds past the first word)
            while end < count and (caps[end] or tokens[end].lower in ("von", "der", "de", "van", "bin", "al", "da")) and (
                    end == k or not bounds[end] and not _DATELINE_GAP.search(gaps[end])):
                end += 1  # "Lev Orlov (R-Tenn.)": a bracket ends the name; so does a spaced dash ("… Time - Lavrov")
            if end - k < 2:
                k = max(end, k + 1)  # one capitalised word: no name (every check below needs one)
                continue
            name = self._trim_name(self._person_name(k, end))
            if name is not None and tokens[name[0]].lower in determiners:
                name = (name[0] + 1, name[1])  # "The U.S.": a determiner opens no name
            if name is not None and (name[0] >= name[1] or len(tokens[name[1] - 1].lower) < 2):
                name = None  # "U.S.", "S Korea": letters of an abbreviation, not a surname
            if name is not None and name[1] - name[0] == 1 and name[0] > k and (
                    self._function_word(name[0] - 1) or tokens[name[0] - 1].lower in determiners):
                name = None  # "The U.S.": a function word before one capitalised word is no role
            elif name is not None and name[1] - name[0] == 1 and name[0] > k:
                pass  # "King Charles", "President Trump": a role word before one name
            elif name is not None and name[1] - name[0] < 2:
                name = None
            if name is not None and self._whole_line(k, end):
                name = None  # a line that is only a name ("Sputnik International", a byline): a masthead, never "the minister"
            if name is not None and not self._function_word(name[0]):
                n0, n1 = name
                last_row = terms.get((_bare(tokens[n1 - 1].lower),))
                states = self.rules.cues.get("us_state", frozenset())
                state = _bare(tokens[n1 - 1].lower) in states or n1 - n0 >= 2 and f"{tokens[n1 - 2].lower} {_bare(tokens[n1 - 1].lower)}" in states
                if (last_row is None or last_row.person) and not state:  # "South Carolina" is no person
                    d0 = n0
                    envoys = self.rules.cues.get("envoy", frozenset())
                    while d0 > 0 and n0 - d0 < DESCRIPTION_WORDS and (self._speaker_word(d0 - 1) or (
                            # "Thailand's acting Prime Minister …": a current holder's modifier inside the title
                            # ("former" is not one: a former official's type comes from other words)
                            tokens[d0 - 1].lower in _CURRENT_OFFICE) or (
                            # "U.S. ambassador to the United Nations Nikki Haley": the envoy's "to"
                            tokens[d0 - 1].lower == "to" and d0 > 1 and tokens[d0 - 2].lower in envoys)) and (
                            not self._bound(d0) or self._inner_abbreviation(d0)) and (
                            not _DATELINE_GAP.search(self.gaps[d0])):
                        d0 -= 1  # "WASHINGTON (Reuters) - Former FBI Director …": the dateline is not a role
                    # "Donald Trump's promises": the possessor is named, without the possessive
                    n_to = _unpossessed_end(text, tokens[n1 - 1])
                    description = text[tokens[d0].start : n_to] + self._description_after(n1)
                    if d0 == n0:
                        description = self._description_before(n0, n1) + description
                    if n1 in self.tag_before:
                        description += f" ({self.tag_before[n1]})"  # the party tag, as the bracket rule reads it
                    surname = _bare(tokens[n1 - 1].lower)
                    known = self.names.get(surname)
                    possessor = n_to < tokens[n1 - 1].end
                    if known is None:
                        self.names[surname] = _Mention(tokens[n0].start, n_to, text[tokens[n0].start : n_to], True, description=description,
                                                       possessor=possessor)
                    else:
                        known.possessor = known.possessor and possessor
                        _describe(known, description)  # every mention of a person describes them
            k = max(end, k + 1)

    def _whole_line(self, k: int, end: int) -> bool:
        """True when the capitalised run ``k..end`` is all its paragraph holds (punctuation aside)."""
        start, stop = self.tokens[k].start, self.tokens[end - 1].end
        at = bisect_right(self.paragraph_list, start) - 1
        here = self.paragraphs[at] if at >= 0 and start < self.paragraphs[at].end else None
        return here is not None and not self.text[here.start:start].strip(" \t\n\"'“”‘’") and (
            not self.text[stop:here.end].strip(" \t\n.:\"'“”‘’"))

    def _trim_name(self, name: tuple[int, int] | None) -> tuple[int, int] | None:
        """Drop common English words opening a name of three words or more ("Secretary of State
        Lev Orlov" -> "Lev Orlov", "Chief of Staff Ana Ruiz" -> "Ana Ruiz"), keeping two at least."""
        while name is not None and name[1] - name[0] >= 3 and self._function_word(name[0]) and (
                _bare(self.tokens[name[0]].lower) not in self.names):
            name = (name[0] + 1, name[1])
        return name

    def _description_before(self, n0: int, n1: int) -> str:
        """A role in commas before a name that opens its sentence or clause ("Borovia's chief
        negotiator, Lev Orlov, said …", "The prime minister of Japan, Lev Orlov, said …"): the
        role's words and a space when the name is set off by commas on both sides and every word
        before it back to the boundary is a speaker word (a capitalised one, a determiner, a
        possessive, a head role or a word of ``speaker_types.csv``), at most ``APPOSITION_WORDS``; else ""."""
        tokens = self.tokens
        if n0 < 1 or n1 >= len(tokens) or self.gaps[n0].strip() != "," or self.gaps[n1].strip() != ",":
            return ""
        start = n0 - 1
        while start > 0 and n0 - start < APPOSITION_WORDS and not self._bound(start) and not _DATELINE_GAP.search(self.gaps[start]):
            start -= 1
        opening = start == 0 or "\n" in self.gaps[start] or self._bound(start) and self.gaps[start].strip() in ("", ".", "!", "?")
        if not opening:
            return ""  # after a comma, a mark or too many words: not the opening of a sentence
        words = range(start, n0)
        # a head role ("The head of German diplomacy, …": role ``org_head``) is too frequent a word to be a speaker word
        if not all(self._speaker_word(n) or tokens[n].lower.endswith(("'s", "’s")) or tokens[n].lower in ("of", "to")
                   or self.rules.has("org_head", tokens[n].lower) for n in words):
            return ""
        if not any(not self.caps[n] and tokens[n].lemma in self.term_words for n in words) and not self._head_of_body(start, n0):
            return ""  # no role word in lower case: "Meanwhile, Lev Orlov, …", a list of names
        return self.text[tokens[start].start : tokens[n0 - 1].end] + " "

    def _head_of_body(self, start: int, n0: int) -> bool:
        """A head role in lower case, "of" and a listed body between ``start`` and ``n0``, the body's
        words written with capitals ("The head of the Foreign Ministry, Ilse Brandt, said"): a role,
        though no role word is in lower case."""
        tokens = self.tokens
        return any(not self.caps[n] and self.rules.has("org_head", tokens[n].lower) and tokens[n + 1].lower == "of"
                   and any(tokens[m].lemma in self.term_words for m in range(n + 2, n0)) for n in range(start, n0 - 2))

    def _description_after(self, n1: int) -> str:
        """What follows a name and describes its holder: a short bracket ("Lev Orlov (R-Tenn.)")
        or an apposition that opens with a lower-case or small word and ends at the next boundary
        ("Ana Ruiz, a spokesperson for the navy, said"), with a space before it; else ""."""
        tokens, text = self.tokens, self.text
        if n1 >= len(tokens):
            return ""
        gap = self.gaps[n1]
        if gap.strip() == "(":
            close = text.find(")", tokens[n1].start, tokens[n1].start + 24)
            return " " + text[tokens[n1].start - 1 : close + 1] if close > 0 else ""
        if gap.strip() != ",":
            return ""
        m = n1 + 1
        # an apposition opening with an article is a noun phrase, often long ("a former aide to
        # President George W. Bush and a defense policy expert at …"): its first words describe
        limit = LONG_APPOSITION_WORDS if tokens[n1].lower in ("a", "an") else APPOSITION_WORDS
        while m < len(tokens) and m - n1 < limit and not self._bound(m):
            m += 1
        if m - n1 >= limit and limit == APPOSITION_WORDS or self.rules.speech_role(tokens[n1].lemma) or self.rules.has("relative", tokens[n1].lower):
            return ""
        if self.caps[n1] and not self.rules.has("determiner", tokens[n1].lower) and not self._capitalised_apposition(n1, m):
            return ""
        return " " + text[tokens[n1].start : tokens[m - 1].end]

    def _adjective_in_phrase(self, start: int, k: int, stop: int) -> bool:
        """Token ``k`` is a lower-case modifier inside a speaker phrase that an article or number
        opens ("said a senior official", "said one top diplomat", "said an unnamed former
        official"): at most ``ADJECTIVE_WORDS`` of them, a speaker word after them, no boundary."""
        counted = k > start + 1 and self.rules.has("determiner", self.tokens[start].lower) and self._opener(start + 1)
        if self._office_modifier(start) and not self.caps[start]:
            # "said former campaign operative Steve Jarding": an office modifier opens the phrase as an article does
            if k == start:
                return k + 1 < stop and not self._bound(k + 1) and (self._speaker_word(k + 1) or self._adjective_in_phrase(start, k + 1, stop))
            counted = True
        if k == start + 1 and self.rules.has("determiner", self.tokens[start].lower) and self._opener(k) and not self._bound(k):
            return True  # "said the four top diplomats": a number after the article opens the phrase too
        if k == start or not (self._opener(start) or counted) or self.caps[k] or self._bound(k) or not self.tokens[k].lower.isalpha():
            return False
        if self._function_word(k) and not self._office_modifier(k) or self.rules.speech_role(self.tokens[k].lemma):
            return False
        for n in range(k + 1, min(k + ADJECTIVE_WORDS + 1, stop)):
            if self._bound(n):
                return False
            if self._speaker_word(n):
                return True
        return False

    def _titled_trailer(self, j: int, rest: Sequence[int], sentence: Span) -> bool:
        """Whether the cue at token j may end "…, <title> <name> said": a finite verb ("said", not
        "with Prime Minister X vowing to …") that ends its sentence or is followed only by a time or
        a setting ("on Monday", "in a statement"; not ", American hostages would be freed"), after a
        clause that does not open with a participle ("Confirming the deal, President X said, …")."""
        tokens = self.tokens
        if tokens[j].lower.endswith("ing") or (rest and "," in self._gap(rest[0])):
            return False
        first = bisect_left(self.starts, sentence.start)
        return not tokens[first].lower.endswith("ing")

    def _title_word(self, k: int) -> bool:
        """A capitalised word of a title before a name: a government, country or international word of
        ``speaker_types.csv`` alone or with a neighbour ("Minister", "Malaysian", "Prime" of "prime
        minister", "Foreign" of "foreign ministry"), or an office modifier ("Acting", "Former")."""
        tokens, terms = self.tokens, self.rules.speaker_terms
        lower = tokens[k].lower
        keys: list[tuple[str, ...]] = [(lower,)]
        if k + 1 < len(tokens):
            keys.append((lower, tokens[k + 1].lower))
        if k > 0:
            keys.append((tokens[k - 1].lower, lower))
        for key in keys:
            row = terms.get(key)
            if row is not None and row.type in ("government", "country", "international") and not row.person:
                return True
        return self._office_modifier(k)

    def _office_modifier(self, k: int) -> bool:
        """A frequent word that still modifies an office ("former", "acting": roles ``former`` and
        ``role_modifier`` of ``quote_cues.csv``)."""
        lower = self.tokens[k].lower
        return self.rules.has("former", lower) or self.rules.has("role_modifier", lower)

    def _inner_abbreviation(self, k: int) -> bool:
        """True when the dot before token ``k`` joins two letters of an abbreviation ("U.S")."""
        return self.gaps[k] == "." and len(self.tokens[k].lower) == 1 and len(self.tokens[k - 1].lower) == 1

    def _capitalised_apposition(self, n1: int, m: int) -> bool:
        """An apposition opening with a capital describes the name before it when it holds no
        coordinator and either a role word in lower case or a listed body followed by lower-case
        words ("Ana Ruiz, White House director of trade policy,"; not "Ana Ruiz, Lev Orlov and other
        officials")."""
        coordinators = self.rules.cues.get("coordinator", frozenset())
        terms = self.rules.speaker_terms
        if m >= len(self.tokens) or not self.gaps[m].startswith(","):
            return False
        opening = terms.get((_bare(self.tokens[n1].lower),))
        if n1 + 1 < m:
            opening = terms.get((self.tokens[n1].lower, _bare(self.tokens[n1 + 1].lower)), opening)  # "White House"
        role = opening is not None and not opening.person and any(not self.caps[k] for k in range(n1 + 1, m))
        for k in range(n1 + 1, m):
            lower = self.tokens[k].lower
            if lower in coordinators:
                return False
            row = terms.get((_bare(lower),))
            if not self.caps[k] and row is not None and not row.person and row.type in _ORGANISATION_TYPES:
                role = True
        return role

    # ----- top level -------------------------------------------------------------------------
    def quotes(self) -> tuple[Quote, ...]:
        paired = self._pair_marks()
        directs = [d for d in paired if not self._is_title(d)]
        #: titles in marks, by the offset of their closing mark ("said on “Morning Hour”: “…”")
        kept_ids = {id(d) for d in directs}
        self.titles = {d.close_at: d.open_at for d in paired if d.close_at is not None and id(d) not in kept_ids}
        inside = [(d.start, d.end) for d in directs]
        self._directs, self._opens = directs, sorted(d.open_at for d in directs)
        for d in directs:
            self._attribute_direct(d, directs)
        indirects = self._find_indirect(inside)
        indirects += self._framed_quotes(directs, indirects)
        self._attach_to_indirect(directs, indirects)
        self._continue_groups(directs)
        self._after_report(directs, indirects)
        self._list_items(directs, indirects)
        kept = [d for d in directs if d.speaker is not None or d.words >= MIN_UNATTRIBUTED_WORDS]
        indirects = [i for i in indirects if not self._is_the_quote(i, kept)]
        items: list[tuple[int, str, _Direct | _Indirect]] = [(d.start, "direct", d) for d in kept]
        items += [(i.start, "indirect", i) for i in indirects]
        items.sort(key=lambda item: (item[0], item[1]))
        out: list[Quote] = []
        groups: set[int] = set()  # quotes of a plural group ("the leaders", "Western allies"): maybe several countries
        history: list[_Mention] = []
        explicit: list[bool] = []
        said_by: list[_Mention | None] = []  # each quote's resolved speaker, for ``_country_by_office``
        for at, kind, item in items:
            raw = item.speaker
            later = self._later_subject(raw, history) if raw is not None and raw.pronoun == "person" else None
            if later is not None and not self._gender_ok(later, raw):
                later = None
            mention = later or self._resolve(raw, history)
            if mention is not None and not mention.pronoun:
                gender = _PRONOUN_GENDER.get(raw.text.lower()) if raw is not None and raw.pronoun == "person" else None
                if gender is not None and history and history[-1].text == mention.text and explicit[-1] and not self._other_named(
                        mention, self.history_at[-1], at):
                    self.genders.setdefault(mention.text, gender)
                history.append(mention)
                self.history_at.append(at)
                explicit.append(raw is not None and not raw.pronoun)  # named at this quote, not resolved from "he"
            speaker, stype = (None, "other") if mention is None or mention.pronoun else (mention.text, self._type(mention))
            if mention is not None and mention.pronoun:
                speaker = mention.text
                if mention.pronoun in ("role", "body"):
                    stype = self._type(mention)  # "the minister" unresolved is still a government's
            if stype == "government" and mention is not None and (owner := self._owner_country(mention)):
                stype = f"government:{owner}"  # "President Trump … His Treasury Secretary said": Trump's government
            s_start = mention.start if mention is not None else None
            s_end = mention.end if mention is not None else None
            cue = item.cue or (self.text[item.open_at] if isinstance(item, _Direct) else "")
            if mention is not None and not mention.person and mention.text.endswith("s") and not mention.text.endswith("ss"):
                groups.add(len(out))
            out.append(Quote(item.start, item.end, self.text[item.start:item.end], kind, cue, speaker, stype, s_start, s_end))
            said_by.append(mention)
        out = self._country_by_office(out, said_by, groups)
        if any(q.speaker_type == "government" for q in out):
            country = self._home_country(out)
            if country:
                out = [replace(q, speaker_type=f"government:{country}") if q.speaker_type == "government" and n not in groups else q
                       for n, q in enumerate(out)]
        return tuple(out)

    def _framed_quotes(self, directs: list[_Direct], indirects: list[_Indirect]) -> list[_Indirect]:
        """Sentences that carry a partial quote in the writer's own frame, attributed after it ('The
        former chief “possesses deep ties,” Senator Orlov said.'): the sentence up to the closing mark
        is the speaker's reported clause too (the quote stays a quote of its own). Only where at least
        ``MIN_CLAUSE_WORDS`` words open the sentence before the mark and end in a word, not a comma or
        colon, and no reported clause overlaps it."""
        out: list[_Indirect] = []
        for d in directs:
            if not d.after or d.speaker is None or d.close_at is None:
                continue
            k = bisect_right(self.sentence_list, d.open_at) - 1
            if k < 0:
                continue
            start = self.sentences[k].start
            lead = self.text[start : d.open_at]
            if not lead.rstrip() or not lead.rstrip()[-1].isalnum() or len(_WORDS.findall(lead)) < MIN_CLAUSE_WORDS:
                continue
            if _MARKS.search(lead):
                continue  # another quote opens the sentence: a split quote, not a frame
            end = d.close_at + 1
            if any(i.start < end and start < i.end for i in indirects):
                continue
            cue_at = next((self.tokens[j].start for j in sorted(self.used_cues) if self.tokens[j].start > d.close_at), d.close_at)
            out.append(_Indirect(start, end, d.cue, d.speaker, cue_at))
        return out

    def _country_by_office(self, quotes: list[Quote], said_by: list[_Mention | None], groups: set[int]) -> list[Quote]:
        """A government speaker whose mention names no country takes the country of the other
        speakers who hold the same kind of office, when they all serve one ("He Yadong, a spokesman
        for the Commerce Ministry" beside "Guo Jiakun, a spokesman for China's Foreign Ministry"):
        two spokesmen of ministries quoted in one story mostly speak for one government, which the
        article's most named country (``_home_country``) often is not. Measured on the AllSides dev
        articles, one shared word moved 14 quotes: 12 to the right country from a wrong one (a Chinese
        "Foreign Ministry spokesman" had been American), 2 from one wrong country to another (an Iraqi
        prime minister took a foreign minister's country by "minister"); two shared words kept 1 of the 12."""
        offices = [self._office_words(m) if m is not None else frozenset() for m in said_by]
        served = [(offices[n], q.speaker_type.split(":", 1)[1]) for n, q in enumerate(quotes)
                  if q.speaker_type.startswith("government:") and offices[n]]
        if not served:
            return quotes
        out = list(quotes)
        for n, q in enumerate(quotes):
            if q.speaker_type != "government" or n in groups or not offices[n]:
                continue
            countries = {country for words, country in served if len(words & offices[n]) >= OFFICE_WORDS_SHARED}
            if len(countries) == 1:
                out[n] = replace(q, speaker_type=f"government:{countries.pop()}")
        return out

    def _owner_country(self, mention: _Mention) -> str:
        """The country of the person a role opening with "his" / "her" belongs to ("President Trump
        spoke. His Treasury Secretary said …"): the last person named by surname before the mention
        in its paragraph, when their description names a country; "" otherwise."""
        words = mention.text.split(maxsplit=1)
        if len(words) < 2 or words[0].lower() not in _OWNER_PRONOUNS or not self.names:
            return ""
        paragraph = self._paragraph_of(mention.start)
        floor = paragraph.start if paragraph is not None else 0
        k = bisect_left(self.starts, mention.start) - 1
        while k >= 0 and self.tokens[k].start >= floor:
            known = self.names.get(_bare(self.tokens[k].lower)) if self.caps[k] else None
            if known is not None and known.person:
                return _country_named(known.description + " " + known.text, self.rules)
            k -= 1
        return ""

    def _office_words(self, mention: _Mention) -> frozenset[str]:
        """The words of a speaker's mention that name a government office ("spokesman", "ministry"),
        from the government rows of ``speaker_types.csv`` (no names, no countries)."""
        terms = self.rules.speaker_terms
        return frozenset(w for w in self._role_words(mention.description + " " + mention.text)
                         if (row := terms.get((w,))) is not None and row.type == "government" and not row.person)

    def _home_country(self, quotes: list[Quote]) -> str:
        """The country a government speaker whose mention names none most likely serves: the one
        most of the article's other government speakers serve, else the country the article names
        most often (``country`` rows of ``speaker_types.csv``; a US state, role ``us_state`` of
        ``quote_cues.csv``, counts for the United States), "" when it names none. A rule of
        thumb ("Sen. Lev Orlov" in a story about US politics), right far more often than a type
        with no country is."""
        served = Counter(q.speaker_type.split(":", 1)[1] for q in quotes if q.speaker_type.startswith("government:"))
        if served:
            return served.most_common(1)[0][0]
        terms, named = self.rules.speaker_terms, Counter[str]()
        states = self.rules.cues.get("us_state", frozenset())
        for k, token in enumerate(self.tokens):
            if not self.caps[k]:
                continue
            if _bare(token.lower) in states or k + 1 < len(self.tokens) and f"{token.lower} {_bare(self.tokens[k + 1].lower)}" in states:
                named["United States"] += 1  # "Sen. Lev Orlov of Utah": a US state names the United States
                continue
            row = terms.get((_bare(token.lower),))
            if k + 1 < len(self.tokens) and (pair := terms.get((token.lower, _bare(self.tokens[k + 1].lower)))) is not None:
                row = pair  # "United States", "South Korea"
            elif len(token.lower) == 1 and k + 1 < len(self.tokens) and len(self.tokens[k + 1].lower) == 1:
                row = terms.get((f"{token.lower}.{self.tokens[k + 1].lower}.",), row)  # "U.S.", "U.K."
            if row is not None and row.type == "country" and row.country:
                named[row.country] += 1
        return named.most_common(1)[0][0] if named else ""

    def _is_the_quote(self, item: _Indirect, directs: list[_Direct]) -> bool:
        """A 'reported clause' that opens with a direct quote covering most of it is that quote."""
        for d in directs:
            if d.end <= item.start or d.start >= item.end or not _mostly_inside(item.start, item.end, [(d.start, d.end)]):
                continue
            lead = self.text[item.start : d.open_at]
            if d.open_at <= item.start + 1:
                return True  # the 'clause' is the quote
            introduced = self.text[max(0, item.start - 6) : item.start].rstrip().lower().endswith(" that")
            if lead.rstrip().endswith((",", ":")) and not self._clause_lead(item.start, d.open_at) and not introduced:
                return True  # "as per X, “…”" (but "said that Borovia, for example, “…”" is a clause)
        return False

    def _clause_lead(self, start: int, end: int) -> bool:
        """True when the words before a quote inside a reported clause are a clause of their own
        ("she would build, “…”", "when she met the envoy, “…”"): four words or more, or a verb form."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        finite = self.rules.cues.get("finite", frozenset())
        return last - first >= 4 or any(self.tokens[n].lower in finite for n in range(first, last))

    # ----- 1. quote marks --------------------------------------------------------------------
    def _pair_marks(self) -> list[_Direct]:
        text = self.text
        found: list[_Direct] = []
        group = 0
        carried = False
        for paragraph in self.paragraphs:
            stack: list[tuple[str, int]] = []
            outer_open: int | None = None
            first_open = True
            for match in _MARKS.finditer(text, paragraph.start, paragraph.end):
                i, char = match.start(), match.group()
                family, role = self._classify(i, char, stack)
                if role == "open":
                    if not stack:
                        outer_open = i
                        if not (carried and first_open):
                            group += 1
                        first_open = False
                    stack.append((family, i))
                elif role == "close" and any(f == family for f, _ in stack):
                    while stack and stack[-1][0] != family:
                        stack.pop()
                    stack.pop()
                    if not stack and outer_open is not None:
                        found.append(self._direct(outer_open + 1, i, outer_open, i, paragraph.paragraph, group))
                        outer_open = None
                    carried = False
            carried = False
            if stack and outer_open is not None and stack[0][0] == "double":
                found.append(self._direct(outer_open + 1, paragraph.end, outer_open, None, paragraph.paragraph, group))
                carried = True
        return [d for d in found if d.end > d.start]

    def _is_title(self, d: _Direct) -> bool:
        """A title or a term in marks, not a quotation: words in title case after 'on'/'in' (a
        programme: "said on “Morning Report Sunday”") or after a title word ("a book titled “…”"),
        and up to ``TERM_WORDS`` words after a term word ("the formula “ten for ten”")."""
        first, last = bisect_left(self.starts, d.start), bisect_left(self.starts, d.end)
        before = bisect_left(self.starts, d.open_at) - 1
        if before < 0 or last <= first or d.close_at is None or self.tokens[before].start < self._paragraph_start(d.open_at):
            return False
        if last - first <= 2 and all(self.caps[n] for n in range(first, last)) and self.caps[before] and last < len(self.tokens) and (
                self.caps[last]) and self.text[d.close_at + 1 : self.tokens[last].start] == " " and (
                self.text[self.tokens[before].end : d.open_at] in (" ", ". ")):
            return True  # a nickname inside a name: "Gov. C.L. “Butch” Orlov"
        word = self.tokens[before]
        if word.lower in self.rules.cues.get("term", ()) and last - first <= TERM_WORDS:
            return True
        titled = word.lower in self.rules.cues.get("title", ())
        if last - first > (LONG_TITLE_WORDS if titled else TITLE_WORDS) or "," in self.text[d.start : d.end] and not titled:
            return False  # after a title word ("under the headline “…”") a title may be long and hold a comma
        small = self.rules.cues.get("title_small", frozenset())
        content = [n for n in range(first, last) if self.tokens[n].lower not in small]
        if not content or not all(self.caps[n] for n in content) or all(self.text[self.tokens[n].start : self.tokens[n].end].isupper() for n in content):
            return False  # not title case ("FULL CEASEFIRE" is shouted, not a title)
        if word.lower in self.rules.cues.get("title", ()):
            return True
        titles = self.rules.cues.get("title", frozenset())
        if before >= 2 and word.lower == "the" and self.tokens[before - 1].lower == "as" and self.tokens[before - 2].lower in titles:
            return True  # "a law known as the “Affordable Care Act”"
        k = before
        if self.caps[k] and (word.lower.endswith(("'s", "’s")) or self.text[word.end : d.open_at].strip() in ("'", "’")):
            return True  # "on CNN's “…”", "told Radio Nine’ “Late Hour”": an outlet's programme
        return self.tokens[k].lower in ("on", "in")

    def _paragraph_start(self, offset: int) -> int:
        here = self._paragraph_of(offset)
        return here.start if here is not None else 0

    def _paragraph_of(self, offset: int) -> Span | None:
        """The paragraph holding ``offset`` (one bisect: a scan per quote was quadratic on junk input)."""
        at = bisect_right(self.paragraph_list, offset) - 1
        return self.paragraphs[at] if at >= 0 and offset < self.paragraphs[at].end else None

    def _direct(self, start: int, end: int, open_at: int, close_at: int | None, paragraph: int, group: int) -> _Direct:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        words = bisect_left(self.starts, end) - bisect_left(self.starts, start)
        return _Direct(start, end, open_at, close_at, paragraph, group, words)

    def _classify(self, i: int, char: str, stack: list[tuple[str, int]]) -> tuple[str, str]:
        text = self.text
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char in _DOUBLE_OPEN:
            if not before.isspace() and (after.isspace() or after in ",.;:!?)") and any(f == "double" for f, _ in stack):
                return "double", "close"  # "“… in years.“ Orlov said": an opening mark typed for a closing one
            return "double", "open"
        if char in _DOUBLE_CLOSE:
            if before.isspace() and after.isalnum() and not any(f == "double" for f, _ in stack):
                return "double", "open"  # "…, ”and we thank you," he said": a closing mark typed for an opening one
            return "double", "close"
        if char == '"':
            opening = (before.isspace() or before in "([—–-/") and not after.isspace()
            if opening:
                return "double", "open"
            if before in ".!?" and after.isupper() and not any(f == "double" for f, _ in stack):
                return "double", "open"  # 'cuts."If you …' (a page that lost the space after a stop)
            if not before.isspace():
                return "double", "close"
            return "double", "close" if any(f == "double" for f, _ in stack) else "open"
        single_open = any(f == "single" for f, _ in stack)
        if before.isalnum() and after.isalnum():
            return "single", "apostrophe"
        if char == _SINGLE_OPEN or (char == "'" and (before.isspace() or before in "([—–")):
            if after.isdigit() or after.isspace():
                return "single", "apostrophe"
            return "single", "open"
        # ’ or ' after a word: a closing mark only when a single quote is open ("farmers’ union" is not).
        if single_open and not before.isspace():
            return "single", "close"
        return "single", "apostrophe"

    # ----- 2. attributing a direct quote ----------------------------------------------------
    def _attribute_direct(self, d: _Direct, directs: list[_Direct]) -> None:
        found = None
        if self.text[max(0, d.open_at - 6) : d.open_at].rstrip().lower().endswith(" that"):
            # "Orlov shared that “…,” the agency reported": the quote is the clause of the verb before it,
            # so its speaker is that verb's; the reporter after it only relays
            found = self._before_open(d, directs)
        if not found:
            found = self._after_close(d, directs) if d.close_at is not None else None
            d.after = bool(found)
        if not found:
            found = self._before_open(d, directs)
        if found:
            d.speaker, d.cue = found
            cue_at = d.cue_at if d.cue_at >= 0 else next(
                (self.tokens[j].start for j in sorted(self.used_cues) if d.close_at is not None and self.tokens[j].start > d.close_at), -1)
            if cue_at >= 0:
                self.cue_speakers.append((cue_at, found[0]))

    def _limit_after(self, d: _Direct, directs: list[_Direct]) -> int:
        here = self._paragraph_of(d.open_at)
        limit = here.end if here is not None else len(self.text)
        # the next quote's opening mark: the quotes' opening marks in order, found by bisect (a scan of
        # every quote for every quote took minutes on a pasted run of thousands of quoted words)
        opens = sorted(o.open_at for o in directs) if directs is not self._directs else self._opens
        nxt = bisect_right(opens, d.open_at)
        return min(limit, opens[nxt]) if nxt < len(opens) else limit

    def _after_close(self, d: _Direct, directs: list[_Direct]) -> tuple[_Mention, str] | None:
        assert d.close_at is not None
        limit = self._limit_after(d, directs)
        first = bisect_left(self.starts, d.close_at + 1)
        window = [j for j in range(first, min(first + MAX_SPEAKER_WORDS + 2, len(self.tokens))) if self.tokens[j].end <= limit]
        if not window:
            return None
        gap = self.text[d.close_at + 1 : self.tokens[window[0]].start]
        ends_sentence = any(c in gap for c in ".!?") or self.text[d.close_at - 1] in ".!?"
        if any(c in gap for c in ".!?") and self.text[self.tokens[window[0]].start].isupper() and not self.rules.has(
                "pronoun_person", self.tokens[window[0]].lower) | (self.tokens[window[0]].lower in ("she", "he")):
            return None  # “…”. A new sentence starts: its subject is not this quote's speaker
        # “…!” Ana Ruiz wrote. / “….” Officials said the talks … : the quote's own stop may end the
        # sentence, so a capitalised speaker after it counts only when nothing is reported after
        # the verb (checked below as for a pronoun).
        j0 = window[0]
        # “….” He said … : a new sentence opened by a pronoun attributes the quote only when nothing
        # is reported after its verb ("He said." / "He said on Tuesday."); "He said the UK will …" is
        # a new report of its own.
        new_sentence = ends_sentence and self.caps[j0]
        # “…,” but Lev Orlov said trade partners … : after a coordinator the verb reports a clause of its
        # own (the quote is someone else's), unless nothing is reported after it ("“…,” and Orlov agreed.")
        new_sentence = new_sentence or self.rules.has("coordinator", self.tokens[j0].lower)
        skipped = self._skip_forward(j0, window[-1] + 1)
        role = self.rules.speech_role(self.tokens[skipped].lemma) if skipped < len(self.tokens) else None
        if role and skipped in window:
            mention = self._speaker_after(skipped)
            if mention is not None and self._verb_follows(mention):
                return None  # “…,” signalling Ottawa may match …: the name opens a clause of its own, it does not speak
            if mention is not None:
                self.used_cues.add(skipped)
                return mention, self.text[self.tokens[skipped].start : self.tokens[skipped].end]
        for j in window:
            if j > j0 and self._bound(j):
                break
            if self.rules.speech_role(self.tokens[j].lemma) and j > j0 and not self.text[self.tokens[j].start].isupper():
                if self.tokens[j - 1].lower in self.rules.cues.get("determiner", ()):
                    continue
                mention = self._speaker_span(j0, j)
                if mention is not None and new_sentence and not self._is_trailer(range(j + 1, self._sentence_last(j))):
                    return None
                if mention is not None and new_sentence and self._other_subject(j0, mention):
                    return None  # “….” This response came after Trump's remarks: the sentence's subject is not the speaker
                if mention is not None:
                    self.used_cues.add(j)
                    return mention, self.text[self.tokens[j].start : self.tokens[j].end]
                break
        aside = self._speaker_with_aside(j0, limit)
        if aside is not None:
            mention, j = aside
            if new_sentence and not self._is_trailer(range(j + 1, self._sentence_last(j))):
                return None
            self.used_cues.add(j)
            return mention, self.text[self.tokens[j].start : self.tokens[j].end]
        return None

    def _verb_follows(self, mention: _Mention) -> bool:
        """True when a finite verb ("may", "will", "is") follows ``mention`` in the same clause: the
        mention is the subject of a clause ("signalling Ottawa may match"), not a speaker after a cue."""
        k = bisect_left(self.starts, mention.end)
        return k < len(self.tokens) and not self._bound(k) and self.tokens[k].lower in self.rules.cues.get("finite", frozenset())

    def _other_subject(self, j0: int, mention: _Mention) -> bool:
        """Whether a new sentence after a quote opens with a clause of its own before ``mention``
        ("This response comes in the wake of Trump's remarks"): a word before the speaker that is no
        speaker word and no skip word, outside a comma-closed opener ("In a statement, the ministry said")."""
        skips = self.rules.cues.get("skip", frozenset())
        k = bisect_left(self.starts, mention.start)
        opener = next((n for n in range(k - 1, j0 - 1, -1) if self._gap(n + 1).strip() == ","), None)
        first = opener + 1 if opener is not None else j0
        return any(not self._speaker_word(n) and self.tokens[n].lower not in skips for n in range(first, k))

    def _speaker_with_aside(self, j0: int, limit: int) -> tuple[_Mention, int] | None:
        """A speaker and its cue with an aside between them, after a closing mark: a relative
        clause ("…,” Orlov, who hosts a radio show, said) or an apposition ("…,” Ruritania's
        foreign minister, Anna Varga, said; the name is the speaker, the role its description)."""
        tokens = self.tokens
        stop = bisect_left(self.starts, limit)
        k = j0 + 1
        while k < stop and k - j0 <= MAX_SPEAKER_WORDS and not self._bound(k):
            k += 1
        if k >= stop or self._gap(k).strip() != ",":
            return None
        m = k + 1
        while m < stop and m - k <= ASIDE_WORDS and not self._bound(m):
            m += 1
        if m >= stop or self._gap(m).strip() != ",":
            return None
        cue = self._skip_forward(m, stop)
        if cue >= stop or not self.rules.speech_role(tokens[cue].lemma) or self.caps[cue] or (
                cue > m and self._bound(cue)):
            return None
        first = self._speaker_span(j0, k)
        if tokens[k].lower in self.rules.cues.get("relative", ()):
            return (first, cue) if first is not None else None
        if not all(self._speaker_word(n) for n in range(k, m)):
            if first is None or first.pronoun:
                return None
            # "…,” Senator Lev Orlov, a Democrat on the committee, told CNN: the aside describes him
            _describe(first, self._aside_description(self.text[tokens[k].start : tokens[m - 1].end]))
            self._remember(first)
            return first, cue
        second = self._mention(k, m)
        if second is not None and second.person and (first is None or not first.person):
            if first is not None:
                second.description = first.text + " " + second.description
                self._remember(second)
            return second, cue
        if first is not None:
            _describe(first, self.text[tokens[k].start : tokens[m - 1].end])
            return first, cue
        return None

    def _before_open(self, d: _Direct, directs: list[_Direct]) -> tuple[_Mention, str] | None:
        last = bisect_left(self.starts, d.open_at) - 1
        if last < 0:
            return None
        paragraph_start = self._paragraph_start(d.open_at)
        gap = self.text[self.tokens[last].end : d.open_at]
        close = self.tokens[last].end + next((n for n, c in enumerate(gap) if c in "”\""), len(gap))
        if close in self.titles:
            # "said on Channel Nine’s “Morning Hour”: “…”": the speaker and cue stand before the title
            last = bisect_left(self.starts, self.titles[close]) - 1
            if last < 0:
                return None
            gap = self.text[self.tokens[last].end : self.titles[close]]
        if self.tokens[last].start < paragraph_start or any(c in gap for c in ".!?”\""):
            return None
        if gap.strip() == ",":
            # "Ruiz called Orlov, who led the navy under two presidents, “a brilliant man”": the cue stands
            # before a relative aside on its object; walk back from the word before the aside
            relatives = self.rules.cues.get("relative", frozenset())
            aside = next((r for r in range(last, max(last - LONG_APPOSITION_WORDS, 0), -1)
                          if self.tokens[r].lower in relatives and self._gap(r).strip() == "," and not any(
                              _BOUNDARY.search(self.gaps[n]) and self.gaps[n].strip() != "," for n in range(r + 1, last + 1))), None)
            if aside is not None and aside > 0 and self.tokens[aside - 1].start >= paragraph_start and not self.rules.speech_role(
                    self.tokens[aside - 1].lemma):
                last = aside - 1
        # Walk back over at most a short prepositional phrase to a cue: "said on X:", "wrote on X social media:"
        for j in range(last, max(last - BEFORE_QUOTE_WORDS, -1), -1):
            if self.tokens[j].start < paragraph_start:
                return None
            if j < last and self._bound(j + 1):
                return None
            token = self.tokens[j]
            role = self.rules.speech_role(token.lemma)
            if not role and j == last and token.lower == "it" and j > 0 and (two := self.rules.speech_role(self.tokens[j - 1].lemma + " it")):
                # "as Orlov put it, “…”": a two-word cue ending in 'it'; its speaker stands before its first word
                j, role = j - 1, two
                token = self.tokens[j]
            if role and self.text[token.start].isupper() and token.start not in self.sentence_starts:
                role = None  # "Secretary of State Rubio": a name, not the verb "state"
            if role and self._gap(j) in ("-", "‑"):
                role = None  # "the so-called “E3”": part of a compound
            if role and j > 0 and self.tokens[j - 1].lower.endswith(("'s", "’s")) and not self._bound(j):
                role = None  # "echoed Orlov's remarks: “…”": a possessor and a noun, not a speaker and a verb
            if role and j not in self.used_cues:
                if j > 0 and self.tokens[j - 1].lower in self.rules.cues.get("determiner", ()):
                    return None
                mention = self._speaker_before(j, paragraph_start)
                if mention is None and j > 0 and self.tokens[j - 1].lower in self.rules.cues.get("relative", ()):
                    mention = self._speaker_before(j - 1, paragraph_start, across_gap=True)
                if mention is None and self._gap(j).strip() == "," and j > 0:
                    # "The Borovian Navy, in a short note, called the voyage a “…”": the subject before an aside
                    sentence = next((s for s in self.sentences if s.start <= token.start < s.end), None)
                    if sentence is not None:
                        mention = self._sentence_subject(bisect_left(self.starts, sentence.start), j)
                if token.lower.endswith("ing") and (mention is None or j > 0 and self._document(j - 1)):
                    sentence = next((s for s in self.sentences if s.start <= token.start < s.end), None)
                    if sentence is not None:
                        first = bisect_left(self.starts, sentence.start)
                        mention = self._document_author(first, j, sentence.start) if j > first and self._document(j - 1) else (
                            self._sentence_subject(first, j))
                if mention is None:
                    return None
                d.cue_at = token.start
                return mention, self.text[token.start : token.end]
        return None

    # ----- 3. reported speech ---------------------------------------------------------------
    def _find_indirect(self, inside: list[tuple[int, int]]) -> list[_Indirect]:
        found: list[_Indirect] = []
        quoted = _IntervalSet(inside)
        # only tokens that can be cues are looked at (a few per sentence at most)
        cue_starts = self.finder._cue_starts
        candidates = [j for j, t in enumerate(self.tokens) if t.lemma in cue_starts or t.lower == "according"]
        for sentence in self.sentences:
            first, last = bisect_left(self.starts, sentence.start), bisect_right(self.starts, sentence.end - 1)
            lo, hi = bisect_left(candidates, first), bisect_left(candidates, last)
            if lo == hi:
                continue
            pending = candidates[lo:hi]
            while pending:
                j = pending.pop(0)
                token = self.tokens[j]
                if j in self.used_cues or quoted.contains(token.start):
                    continue
                item = None
                if token.lower == "according" and j + 1 < last and self.tokens[j + 1].lower == "to":
                    item = self._according(j, first, last, sentence)
                else:
                    role = self.rules.speech_role(token.lemma)
                    head = None
                    # a two-word cue ("pointed out"), or one with 'it' inside ("made it clear that")
                    second = j + 2 if j + 2 < last and self.tokens[j + 1].lower == "it" and not self._bound(j + 2) else j + 1
                    if second < last and self.rules.speech_role(token.lemma + " " + self.tokens[second].lower):
                        role = self.rules.speech_role(token.lemma + " " + self.tokens[second].lower)
                        self.used_cues.add(second)
                        head, j = j, second
                        token = self.tokens[j]
                        while pending and pending[0] <= j:
                            pending.pop(0)
                    if role and j + 1 < last and self.tokens[j + 1].lower == "by" and j > first and self.tokens[j - 1].lower in _PASSIVE:
                        item = self._passive(j, first, last, sentence)
                    elif role and role != "quote_only":
                        item = self._reported(j, role, first, last, sentence, found, head)
                if item is not None and quoted.contains(item.speaker.start):
                    # a speaker is never a phrase inside a quotation ("“… the American action …,” he said,
                    # adding further retaliation …"): the sentence's earlier reporting verb speaks, or nobody
                    earlier = self._earlier_speaker(first, j, found)
                    item = None if earlier is None else replace(item, speaker=earlier)
                if item is not None and not self._nested(item, found):
                    found.append(item)
                    self.used_cues.add(j)
        return found

    def _passive(self, j: int, first: int, last: int, sentence: Span) -> _Indirect | None:
        """Speech reported in the passive, the speaker after 'by': "This was stated by X." (the
        reported clause is the sentence before) and "…, as confirmed by X" (the words before)."""
        tokens = self.tokens
        mention = self._agent(j + 2, last)
        if mention is None:
            return None
        cue = self.text[tokens[j].start : tokens[j].end]
        if tokens[j - 1].lower == "as":
            if j - 1 > first and "," in self._gap(j - 1):
                return self._clause_before(sentence, self._trim_end(tokens[j - 2].end), cue, mention, tokens[j].start)
            return None
        if j - first > 3 or tokens[first].lower not in _ANAPHORS:
            return None  # "The deal was announced by …": its subject is a thing, not a reported clause
        k = bisect_right(self.sentence_list, sentence.start) - 2
        if k < 0:
            return None
        before = self.sentences[k]
        if before.paragraph < sentence.paragraph - 1:
            return None
        return self._clause_before(before, self._trim_end(before.end), cue, mention, tokens[j].start)

    def _agent(self, k: int, stop: int) -> _Mention | None:
        """The speaker after a passive's 'by': the words up to a comma, a full stop or a place or time
        phrase ("by senior officials at a briefing"), or the name in apposition after a role ("by the
        leader of the visiting team, Rolf Anker")."""
        prepositions = self.rules.cues.get("preposition", frozenset()) - {"of", "for"}
        end = k
        while end < stop and end - k < MAX_SPEAKER_WORDS and (end == k or not self._bound(end)):
            if end > k and self.tokens[end].lower in prepositions:
                break
            end += 1
        if end == k:
            return None
        full = self.text[self.tokens[k].start : self.tokens[end - 1].end]
        if end < stop and self._gap(end).strip() == ",":
            app = end
            while app < stop and app - end < 8 and (app == end or not self._bound(app)) and (
                    self.caps[app] or self.tokens[app].lower in _NAME_PARTICLES):
                app += 1
            if app > end and (app >= stop or self._bound(app)):
                named = self._mention(end, app)
                if named is not None and named.person:
                    named.description = full + " " + named.description
                    self._remember(named)
                    return named
            # "by the head of the delegation, adviser to the President Rolf Anker": a role whose
            # apposition ends in a name of two words or more
            app = end
            while app < stop and app - end < 12 and (app == end or not self._bound(app)):
                app += 1
            name = self._person_name(end, app) if app >= stop or self._bound(app) else None
            if name is not None and name[1] - name[0] >= 2 and not self._function_word(name[0]):
                named = self._mention(name[0], name[1])
                if named is not None and named.person:
                    named.description = full + " " + self.text[self.tokens[end].start : self.tokens[app - 1].end]
                    self._remember(named)
                    return named
        mention = self._mention(k, end)
        if mention is None and self.rules.has("determiner", self.tokens[k].lower) or mention is None and any(
                self.tokens[n].lemma in self.term_words for n in range(k, end)):
            mention = _Mention(self.tokens[k].start, self.tokens[end - 1].end, full, False, description=full)
        return mention

    def _nested(self, item: _Indirect, found: list[_Indirect]) -> bool:
        """Reported speech inside reported speech ("China said it warned the boats to leave") is
        part of the outer report; a second attribution of the same clause is not a new quote."""
        for other in found:
            if other.start <= item.cue_at < other.end:
                return True
            if _overlap_share((item.start, item.end), (other.start, other.end)) > 0.5:
                return True
        return False

    def _sentence_subject(self, first: int, cue: int) -> _Mention | None:
        """The speaker words at the start of a sentence ("The ministry released a statement, saying …")."""
        first = self._after_dateline(first, cue)
        start = first
        for n in range(first + 1, min(first + 9, cue)):
            if self._gap(n).strip() == ",":
                opener = self.tokens[first].lower
                name_first = n - first >= 2 and self.caps[first] and self.caps[first + 1] and not self._function_word(first)
                if opener not in self.term_words and not self._person_like(first, n) and not name_first and not (
                        self.rules.has("determiner", opener) and all(self._speaker_word(m) for m in range(first + 1, n))):
                    start = n  # "Meanwhile, …" / "In a social media post, …": not the subject
                break
        while start < cue and (self._function_word(start) or self.tokens[start].lower in self.rules.cues.get("skip", ())) and not self.rules.has("determiner", self.tokens[start].lower):
            start += 1
        end = start
        while end < cue and (self._speaker_word(end) or end > start and self._gap(end) == "-" or end <= start + ADJECTIVE_WORDS and self._adjective_in_phrase(start, end, cue)) and (
                end == start or not self._bound(end)):
            end += 1  # "US President-elect Lars Holm": a hyphened word stays in the phrase; "A top Senate Democrat": an adjective after an article
        if end == start:
            return None
        if self.tokens[end - 1].lower.endswith(("'s", "’s")):
            # "Ana Ruiz’s legal team claimed …": the possessor is not the subject, the phrase it opens is
            more = end
            while more < cue and more - end < ADJECTIVE_WORDS + 1 and not self._bound(more) and not self.caps[more] and (
                    self.tokens[more].lower.isalpha() and not self.rules.speech_role(self.tokens[more].lemma)):
                more += 1
            if more == end or more < cue and not self._bound(more) and not self.rules.speech_role(self.tokens[more].lemma):
                return None
            full = self.text[self.tokens[start].start : self.tokens[more - 1].end]
            return _Mention(self.tokens[start].start, self.tokens[more - 1].end, full, False, description=full)
        mention = self._mention(start, end)
        if mention is not None and not mention.person and end < cue and self._gap(end).strip() == ",":
            # "Ruritania’s Prime Minister, Count Anton Varga of Strelsau, confirmed …"
            app = end
            while app < cue and app - end < 8 and (app == end or not self._bound(app)) and (
                self.text[self.tokens[app].start].isupper() or self.tokens[app].lower in _NAME_PARTICLES):
                app += 1
            if app > end and (app >= cue or self._bound(app)):
                named = self._mention(end, app)
                if named is not None and named.person:
                    named.description = mention.text + " " + named.description
                    self._remember(named)
                    return named
        return mention

    def _after_dateline(self, first: int, cue: int) -> int:
        """The first word after a dateline that opens a sentence ("Washington (CNN) A senator …",
        "BOISE, Idaho — A judge …"): capitalised words, a comma at most, then an outlet in brackets
        or a spaced dash within ``DATELINE_WORDS`` words; ``first`` when there is none."""
        for n in range(first + 1, min(first + DATELINE_WORDS + 1, cue)):
            if not self.caps[n - 1]:
                return first
            gap = self.gaps[n]
            if gap.strip() == "(":
                close = next((m for m in range(n + 1, min(n + DATELINE_WORDS, cue)) if ")" in self.gaps[m]), None)
                return close if close is not None and self.caps[close] else first
            if _DATELINE_GAP.search(gap):
                return n if self.caps[n] else first
            if gap.strip() not in ("", ","):
                return first
        return first

    def _reported(self, j: int, role: str, first: int, last: int, sentence: Span, found: list[_Indirect], head: int | None = None) -> _Indirect | None:
        """The reported clause of the cue at token j, and its speaker; ``head`` is the cue's first word when
        it has two ("pointed out", "made it clear"): the speaker is looked for before that word."""
        cue_end = j
        j = j if head is None else head
        vehicle = self._vehicle(j, first) if head is None else None
        if vehicle is not None:
            j = vehicle  # "The mayor took to Facebook to say that …": the speaker is before 'took'
        tokens = self.tokens
        if j > first and tokens[j - 1].lower in self.rules.cues.get("determiner", ()):
            return None
        if j > first and self.text[tokens[j].start].isupper():
            return None  # "Von Der Leyen Announces EU Deal": a headline in title case, not a sentence
        if j > first and self._gap(j) in ("-", "‑", "–"):
            return None  # "a two-state solution": part of a compound word
        if not self._looks_finite(j):
            return None
        if j > first and tokens[j - 1].lower in self.rules.cues.get("preposition", frozenset()) and not tokens[j].lower.endswith("ing"):
            return None  # "reached out for comment": a noun after a preposition ("after saying that …" still reports)
        if j > first and tokens[j - 1].lower in _PASSIVE - {"as"} and not (j + 1 < last and tokens[j + 1].lower == "by") and not (
                tokens[j].lower.endswith("ing")):
            return None  # "… and was told that …": the subject heard it, nobody here said it
        cue = self.text[tokens[j].start : tokens[j].end]
        mention = self._speaker_before(j, sentence.start) or self._source_tail(j, sentence.start)
        if mention is not None and tokens[j - 1].lower.endswith(("'s", "’s")) and tokens[j - 1].start < mention.end:
            return None  # "Borovia’s claimed annexation", "Ruiz’s claim that": a possessor and a noun, not a speaker and a verb
        if j > first and tokens[j].lower.endswith("ing") and self._document(j - 1):
            # "the premier wrote a post announcing that …": the author speaks, the subject right before the
            # verb whose object the document is ("… — the ministry released a statement saying …")
            mention = self._document_author(first, j, sentence.start)  # "the premier wrote a post announcing that …": the author speaks
        relative = False
        before = j - 1
        while before > first and tokens[before].lower in self.rules.cues.get("skip", ()) and not self._bound(before + 1):
            before -= 1  # "… but did say", "… and later said"
        if mention is None and before >= first and tokens[before].lower in self.rules.cues.get("coordinator", ()):
            mention = self._earlier_speaker(first, j, found) or self._sentence_subject(first, before)
        if mention is None and j > first and self.rules.has("relative", tokens[j - 1].lower) and "," in self._gap(j - 1):
            # "Mr. Olsen, who argued that …, left": the speaker is the noun phrase before ", who"
            mention = self._speaker_before(j - 1, sentence.start, across_gap=True)
            relative = mention is not None
        elif mention is None and j - 1 > first and tokens[j - 1].lower == "who" and not self._bound(j - 1):
            # "according to officials who told Radio Nine that …": the source before "who" reports the clause
            mention = self._according_source(j - 1, first)
            relative = mention is not None  # the clause ends at the next comma, as a relative's does
        if mention is None and j > first and "," in self._gap(j) and head is None:
            trailer = self._trailer_with_aside(j, first, last, sentence, cue)
            if trailer is not None:
                return trailer  # "…, Ana Ruiz, a spokeswoman for the ministry, added." / "…, said Ana Ruiz, a …."
        if mention is None and j > first and self._gap(j).strip() == "," and clause_ok(self, j, role, last):
            # "The group, designated as … by several countries, added that …": the sentence's subject
            mention = self._sentence_subject(first, j)
        if mention is None and j > first and tokens[j].lower.endswith("ing") and "," in self._gap(j):
            mention = self._earlier_speaker(first, j, found) or self._sentence_subject(first, j)
        if mention is None and j > first and clause_ok(self, j, role, last):
            # "Three officials from X and one from Y confirmed that …", "The State Department reissued its
            # advisory for Borovia saying …": the sentence's subject, far from the verb
            mention = self._far_subject(first, j)
        j = cue_end
        clause_from = self._clause_start(j, role, last)
        if mention is not None and clause_from is None and self._gapped_relative(mention, j, last):
            clause_from = j + 1  # "the tariffs, which Ruritania claims break trade rules": the verb opens the clause
            relative = True
        if mention is not None and clause_from is not None:
            end = self._clause_end(clause_from, last, sentence)
            if relative:
                end = min(end, self._next_comma(clause_from, last, end))
            start = tokens[clause_from].start
            if clause_from == j + 1 and self._bound(clause_from) and self._partial_quote_opens(clause_from, last):
                start = tokens[j].end + max(self._gap(clause_from).rfind('"'), self._gap(clause_from).rfind("“"))  # from its mark
            if end > start and bisect_left(self.starts, end) - clause_from >= MIN_CLAUSE_WORDS:
                return _Indirect(start, end, cue, mention, tokens[j].start)
        # Trailing attribution: "…, Manila's council said (in a statement)." or "…, said the ministry."
        if role in ("speech_that",) and not (tokens[j].lower.endswith("ed") and j + 1 == last):
            return None  # "…, he noted." and "…, she claimed." end a sentence and attribute; "…, they agreed to …" does not
        rest = range(j + 1, last)
        comma = self._comma_before(mention.start, sentence.start) if mention is not None else None
        if mention is not None and comma is None and self._titled_trailer(j, rest, sentence):
            comma = self._comma_before(mention.start, sentence.start, titles=True)
        if mention is not None and comma is not None and self._is_trailer(rest):
            return self._clause_before(sentence, comma, cue, mention, tokens[j].start)
        if mention is None and j > first and "," in self._gap(j):
            return self._inverted_trailer(j, last, sentence, cue, named_only=False)
        return None

    def _inverted_trailer(self, j: int, last: int, sentence: Span, cue: str, *, named_only: bool) -> _Indirect | None:
        """"…, said the ministry (in a statement).": the speaker after the cue at token j, the clause
        before it; with ``named_only`` a pronoun ("…, said he") does not count."""
        after = self._speaker_after(j, stop=last)
        if after is None or (named_only and after.pronoun):
            return None
        if not self._is_trailer(range(bisect_left(self.starts, after.end), last)):
            return None
        return self._clause_before(sentence, self._trim_end(self.tokens[j - 1].end), cue, after, self.tokens[j].start)

    def _trailer_with_aside(self, j: int, first: int, last: int, sentence: Span, cue: str) -> _Indirect | None:
        """A trailing attribution whose speaker has an apposition, the cue ending the sentence: "…, Ana Ruiz,
        a spokeswoman for the ministry, added." (the name before the aside speaks) and "…, said Ana Ruiz, a
        spokeswoman for the ministry." (the speaker after the cue); None for anything else, so the
        sentence's far subject ("Israel will free …, said X") is never taken for the speaker."""
        tokens = self.tokens
        rest = range(j + 1, last)
        if rest and not self._is_trailer(rest):
            return None
        if not rest or "," in self._gap(rest[0]):
            # the cue is last (or only an aside follows): the name stands before ", <aside>,"
            aside = next((m for m in range(j - 1, max(first, j - ASIDE_WORDS) - 1, -1) if "," in self._gap(m)), None)
            if aside is not None and aside > first:
                name_at = next((k for k in range(aside - 1, max(first, aside - MAX_SPEAKER_WORDS) - 1, -1) if "," in self._gap(k)), None)
                if name_at is not None and name_at > first:
                    found = self._speaker_with_aside(name_at, sentence.end)
                    if found is not None and found[1] == j and not found[0].pronoun:
                        return self._clause_before(sentence, self._trim_end(tokens[name_at - 1].end), cue, found[0], tokens[j].start)
        return self._inverted_trailer(j, last, sentence, cue, named_only=True)

    def _document_author(self, first: int, j: int, floor: int) -> _Mention | None:
        """The author of the document before the participle at token j ("the ministry released a
        statement saying …"): the speaker right before the verb whose object the document is, else the
        sentence's subject ("… — the ministry released a statement saying": not the words before the dash)."""
        tokens = self.tokens
        verb = next((n for n in range(j - 2, max(first, j - 5) - 1, -1) if self.rules.has("determiner", tokens[n].lower)), None)
        return (self._speaker_before(verb - 1, floor) if verb is not None and verb - 1 > first else None) or (
            self._sentence_subject(first, j))

    def _vehicle(self, j: int, first: int) -> int | None:
        """The verb of role ``vehicle`` ("took") in "took to Facebook (on Sunday) to say …", "took the
        stage to say …": the infinitive 'to say' then reports, and the vehicle's subject speaks."""
        tokens = self.tokens
        if j < 3 or tokens[j - 1].lower != "to":
            return None
        vehicles = self.rules.cues.get("vehicle", frozenset())
        for n in range(j - 3, max(first, j - 1 - VEHICLE_WORDS) - 1, -1):
            if tokens[n].lemma in vehicles and (tokens[n + 1].lower == "to" or self.rules.has("determiner", tokens[n + 1].lower)) and (
                    self._looks_finite(n)):
                return n
        return None

    def _document(self, k: int) -> bool:
        """True when token k is a document noun (role ``document``: a post, a statement, a report)."""
        documents = self.rules.cues.get("document", frozenset())
        lower = self.tokens[k].lower
        # a plural the lemmatizer reads as another word ("filings" -> "file") counts as its singular
        return self.tokens[k].lemma in documents or lower in documents or (lower.endswith("s") and lower[:-1] in documents)

    def _far_subject(self, first: int, j: int) -> _Mention | None:
        """The sentence's subject as the speaker of a verb it is far from, when a phrase with no verb
        of its own stands between ("Three officials from Borovia and one from Ruritania confirmed
        that …", "Former Director Lev Orlov in notes recounting the talks said …"): a person, a role,
        people or a body at the sentence's start, at most ``FAR_SPEAKER_WORDS`` words before the
        verb, with no boundary, verb form (role ``finite``) or other reporting verb between."""
        subject = self._sentence_subject(first, j)
        if subject is None or subject.pronoun:
            return None
        after = bisect_left(self.starts, subject.end)
        if j - after > FAR_SPEAKER_WORDS or not self._speaker_head(after - 1, subject):
            return None
        finite = self.rules.cues.get("finite", frozenset())
        for n in range(after, j):
            if self._bound(n) or self.tokens[n].lower in finite or self.rules.has("relative", self.tokens[n].lower):
                return None
            if self.rules.speech_role(self.tokens[n].lemma) and not self.tokens[n].lower.endswith("ing") and not (
                    self.tokens[n - 1].lower in self.rules.cues.get("preposition", frozenset()) or self.rules.has("determiner", self.tokens[n - 1].lower)):
                return None  # another reporting verb between; "in notes", "the claims" are nouns
        if self._bound(j):
            return None
        return subject

    def _speaker_head(self, k: int, mention: _Mention) -> bool:
        """True when token k, the last of ``mention``, heads a speaker: a person, a role or people
        noun, or a word of a speaker row (a body, a country)."""
        token = self.tokens[k]
        return mention.person or self.rules.has("role_person", token.lemma) or self.rules.has("people", token.lower) or (
            token.lemma in self.term_words or _bare(token.lower) in self.rules.speaker_terms and self.caps[k])

    def _earlier_speaker(self, first: int, j: int, found: list[_Indirect]) -> _Mention | None:
        """The speaker of the last reporting verb before token j in its sentence ("“…,” Ana Ruiz
        said, adding that …"): a direct quote's cue or an earlier reported clause."""
        start = self.tokens[first].start
        cues = [(at, m) for at, m in self.cue_speakers if start <= at < self.tokens[j].start]
        cues += [(i.cue_at, i.speaker) for i in found if start <= i.cue_at < self.tokens[j].start]
        return max(cues, key=lambda c: c[0])[1] if cues else None

    def _gapped_relative(self, mention: _Mention, j: int, last: int) -> bool:
        """True for "…, which <speaker> claims/says <verb> …": the reported clause has no subject
        of its own, its verb follows the cue (a verb form of role finite, or a word in -s or -ed)."""
        m = bisect_left(self.starts, mention.start)
        if m == 0 or self.tokens[m - 1].lower not in ("which", "that") or j + 1 >= last or self._bound(j + 1):
            return False
        verb = self.tokens[j + 1].lower
        finite = self.rules.cues.get("finite", frozenset())
        return not self.caps[j + 1] and (verb in finite or (len(verb) > 3 and verb.endswith(("s", "ed")) and not verb.endswith("ss")))

    def _next_comma(self, k: int, last: int, default: int) -> int:
        """The end of the clause at the next comma after token k (a clause inside a relative clause
        or an aside ends there), or ``default``."""
        for n in range(k + 1, last):
            if "," in self._gap(n):
                return self._trim_end(self.tokens[n - 1].end)
        return default

    def _according(self, j: int, first: int, last: int, sentence: Span) -> _Indirect | None:
        tokens = self.tokens
        k = j + 2
        end_np = k
        while end_np < last and not self._bound(end_np) or end_np == k:
            end_np += 1
            if end_np >= last:
                break
        end_np = min(end_np, last)
        words = list(range(k, end_np))
        if not words:
            return None
        places = self.rules.cues.get("preposition", frozenset()) - {"of", "for", "with", "from", "by"}
        cut = next((n for n in words[1:] if tokens[n].lower in places or (
            # "according to officials who told Radio Nine that …": the source ends before "who <verb>"
            tokens[n].lower == "who" and n + 1 < last and self.rules.speech_role(tokens[n + 1].lemma))), None)
        # "according to Acme Bank in a note issued on Thursday": the source ends before a place or time phrase
        mention = self._np_from_according(words if cut is None else [n for n in words if n < cut])
        if mention is None:
            return None
        cue = "according to"
        if j == first or (j > first and self.text[tokens[j].start].isupper()):
            end_np = self._skip_apposition(end_np, last, mention)  # "According to Ana Ruiz, the ministry's spokeswoman, …"
            if end_np >= last:
                return None
            if any(self.rules.speech_role(tokens[n].lemma) in ("speech", "speech_check", "speech_that", "speech_object") and not self.text[tokens[n].start].isupper() for n in range(end_np, last)):
                return None  # "According to sources, Medinsky said …": the verb's speaker speaks
            start = tokens[end_np].start
            end = self._trim_end(sentence.end)
            if bisect_left(self.starts, end) - end_np < MIN_CLAUSE_WORDS:
                return None
            return _Indirect(start, end, cue, mention, tokens[j].start)
        if "," in self._gap(j) and end_np < last and "," in self._gap(end_np) and last - end_np >= MIN_CLAUSE_WORDS:
            # "The talks, according to Ana Ruiz, will resume next week": the clause is the sentence around it
            return self._clause_before(sentence, self._trim_end(sentence.end), cue, mention, tokens[j].start)
        return self._clause_before(sentence, self._trim_end(tokens[j - 1].end), cue, mention, tokens[j].start)

    def _according_source(self, who: int, first: int) -> _Mention | None:
        """The source of "according to <source> who <verb>": the speaker phrase between "according
        to" and "who" (at most ``MAX_SPEAKER_WORDS``), else None."""
        start = who
        while start > first and who - start < MAX_SPEAKER_WORDS and not self._bound(start) and (
                self._speaker_word(start - 1) or self._opener(start - 1) or not self._function_word(start - 1)):
            start -= 1
            if start - 2 >= first and self.tokens[start - 1].lower == "to" and self.tokens[start - 2].lower == "according":
                return self._mention(start, who) if start < who else None
        return None

    def _skip_apposition(self, k: int, last: int, mention: _Mention) -> int:
        """After "According to <name>", skip an apposition in commas ("…, the ministry's
        spokeswoman, …"), added to the mention's description; returns where the clause starts."""
        tokens = self.tokens
        if k >= last or self._gap(k).strip() != "," or not (self.rules.has("determiner", tokens[k].lower) or not self.caps[k]):
            return k
        m = k + 1
        while m < last and m - k < APPOSITION_WORDS and not self._bound(m):
            m += 1
        if m >= last or self._gap(m).strip() != "," or not any(self._speaker_word(n) and not self.rules.has("determiner", tokens[n].lower)
                                                                 for n in range(k, m)):
            return k
        if any(tokens[n].lower in self.rules.cues.get("finite", frozenset()) for n in range(k, m)):
            return k  # "According to Ana Ruiz, the deal is …": a clause, not an apposition
        _describe(mention, self.text[tokens[k].start : tokens[m - 1].end])
        return m

    def _np_from_according(self, words: list[int]) -> _Mention | None:
        tokens = self.tokens
        heads = [k for k in words if self._document(k)]
        if heads and any(self.rules.has("people", tokens[k].lower) or tokens[k].lower != tokens[k].lemma and (
                self.rules.has("role_person", tokens[k].lemma) or (tokens[k].lemma,) in self.rules.speaker_terms) for k in words if k < heads[0]):
            heads = []  # "two officials familiar with the plans": people, whatever they know of
        if not heads:
            return self._mention(words[0], words[-1] + 1)
        head = heads[0]
        tail = [k for k in words if k > head]
        # "a statement from X", "data released by X": the source after from/by (a participle may come first)
        source = next((n for n, k in enumerate(tail[:3]) if tokens[k].lower in ("from", "by", "of") and (
            n == 0 or tokens[tail[0]].lower.endswith("ed"))), None)
        if source is not None:
            after = tail[source + 1 :]
            # "by the ministry on Monday": the source ends before a place or time phrase
            stop = next((k for k in after[1:] if tokens[k].lower in self.rules.cues.get("preposition", frozenset()) - {"of", "for"}), None)
            return self._mention(after[0], stop if stop is not None else words[-1] + 1) if after else None
        before = [k for k in words if k < head and self.text[tokens[k].start].isupper()]
        if before:
            return self._mention(before[0], before[-1] + 1)
        return None

    def _clause_before(self, sentence: Span, end: int, cue: str, mention: _Mention, cue_at: int) -> _Indirect | None:
        start = sentence.start
        first = bisect_left(self.starts, start)
        after = self._after_dateline(first, bisect_left(self.starts, end)) if first < len(self.tokens) else first
        if after > first:
            start = self.tokens[after].start  # "BANGKOK — Thailand and Cambodia have agreed …, X said": the dateline is no one's words
        while start < end and not self.text[start].isalnum() and self.text[start] not in "“\"‘'":
            start += 1
        if bisect_left(self.starts, end) - bisect_left(self.starts, start) < MIN_CLAUSE_WORDS:
            return None
        return _Indirect(start, end, cue, mention, cue_at)

    def _clause_start(self, j: int, role: str, last: int) -> int | None:
        tokens, rules = self.tokens, self.rules
        k = j + 1
        if k >= last:
            return None
        if role == "speech_object":
            if self._bound(k):
                return None
            k = self._skip_object(k, last)
        k = self._skip_phrases(k, last)
        if k + 1 < last and tokens[k].lower in rules.cues.get("subordinator", ()) and tokens[k + 1].lower.endswith("ing") and (
                self._reporting_verb(k + 1)) and not self._bound(k + 1):
            # "said while announcing that …": the participle's clause is the one reported
            self.used_cues.add(k + 1)
            inner = self.rules.speech_role(tokens[k + 1].lemma) or "speech"
            return self._clause_start(k + 1, "speech_check" if inner == "quote_only" else inner, last)
        if k + 1 < last and tokens[k].lower == "whether" and rules.has("question_verb", tokens[j].lemma) and not self._bound(k + 1):
            return k  # "analysts questioned whether the deal …": a reported question, 'whether' its first word
        if k < last and tokens[k].lower in rules.cues.get("that", ()) and not _BOUNDARY.search(self._gap(k).strip("\"”’ ")):
            return k + 1 if k + 1 < last else None  # also after a title in marks: 'said on “Late Edition” that …'
        if role in ("speech_that", "speech_check", "speech_object"):
            # "promised the American public that …", "warned the cabinet that …", "told a local radio
            # presenter on Sunday that …": a short object before 'that'
            for n in range(k, min(k + (OBJECT_WORDS if role == "speech_object" else 5), last)):
                if self._bound(n) and n > k:
                    break
                if tokens[n].lower in rules.cues.get("that", ()) and n > k:
                    return n + 1 if n + 1 < last else None
        if role == "speech_that" and tokens[j].lower.endswith(("ed", "ing")) and k == j + 1 and self._opens_clause(k, last):
            return k  # "stated the council had finished", "claiming the vote was rigged": the clause has a verb form
        if role == "speech_that":
            if k + 1 < last and (rules.has("pronoun_person", tokens[k].lower) or tokens[k].lower in ("it", "they", "we", "i")) and (
                    tokens[k + 1].lower in rules.cues.get("finite", ()) or tokens[k + 1].lower in rules.cues.get("infinitive", ())) and not (
                    self._bound(k + 1)):
                return k  # "promised she would build …": a pronoun and a verb form open a clause without 'that'
            return None
        if role == "speech_check" and not self._has_finite(k, last):
            return None
        if k >= last or (k == j + 1 and self._bound(k) and self._gap(k).strip() != "," and not self._partial_quote_opens(k, last)):
            return None
        if k == j + 1 and self._gap(k).strip() == "," and (
            (self._speaker_word(k) and self.text[tokens[k].start].isupper() and not self.rules.has("pronoun_person", tokens[k].lower)
             and not self.rules.has("pronoun_body", tokens[k].lower)) or self.rules.has("relative", tokens[k].lower) or tokens[k].lower == "which"):
            return None  # "…, said X, spokesperson" or "said, which …" is an attribution, not "said, <clause>"
        if k == j + 1 and self._gap(k).strip() == "," and (tokens[k].lower in rules.cues.get("subordinator", ()) or tokens[k].lower in _CLAUSE_AFTER_COMMA):
            return None  # "…, the minister says, as talks continue": the subordinate clause is the sentence's, not said
        if tokens[k].lower in self.rules.cues.get("preposition", frozenset()):
            return None  # "said in response to questions": a trailing phrase, not a clause
        if tokens[k].lower in ("to", "by", "so", "yes", "goodbye", "sorry", "thanks", "hello") or (
                tokens[k].lower == "no" and k + 1 < last and tokens[k + 1].lower == "to"):
            return None
        return k

    def _partial_quote_opens(self, k: int, last: int) -> bool:
        """True when token k opens a quotation that the sentence goes on after, in lower case, with a
        verb form ('said "occupation forces" were to blame'): a reported clause opening with a
        partial quote."""
        if self._gap(k).strip() not in ('"', "“"):
            return False
        for n in range(k + 1, min(k + TITLE_WORDS + 1, last)):
            if self._gap(n).strip() in ('"', "”"):
                return not self.caps[n] and self._has_finite(n, min(n + CLAUSE_VERB_WORDS, last))
            if self._bound(n):
                return False
        return False

    def _opens_clause(self, k: int, last: int) -> bool:
        """True when token k opens a clause with a subject: a determiner, a pronoun or a capitalised
        word, then a verb form of role ``finite`` within ``CLAUSE_VERB_WORDS`` words and no boundary
        ("the council had", "it would", "Borovia was"; not "annexation of occupied lands")."""
        tokens, rules = self.tokens, self.rules
        if k >= last or self._bound(k):
            return False
        lower = tokens[k].lower
        if not (rules.has("determiner", lower) or rules.has("pronoun_person", lower) or rules.has("pronoun_body", lower)
                or lower in ("it", "they", "we", "i") or self.caps[k]):
            return False
        finite = rules.cues.get("finite", frozenset())
        for n in range(k + 1, min(k + 1 + CLAUSE_VERB_WORDS, last)):
            if self._bound(n):
                return False
            if tokens[n].lower in finite:
                return True
        return False

    def _after_title(self, n: int, last: int) -> int:
        """The first token after a title in marks opening at token n (its opening mark in the gap
        before n), or n when the marks do not close within ``TITLE_WORDS`` words."""
        for m in range(n + 1, min(n + TITLE_WORDS + 1, last)):
            if any(c in self.gaps[m] for c in "”\""):
                return m
        return n

    def _has_finite(self, k: int, last: int) -> bool:
        """A zero-'that' clause after 'warned'/'announced' needs a verb form early on: the words of
        role 'finite' (was, will, has …) or a past form in -ed; 'warned the boats to leave' has none."""
        finite = self.rules.cues.get("finite", frozenset())
        subordinators = self.rules.cues.get("subordinator", frozenset())
        naming = self.rules.cues.get("title", frozenset()) | self.rules.cues.get("term", frozenset())
        for n in range(k, min(k + FINITE_WINDOW, last)):
            if n > k and self._bound(n):
                break
            lower = self.tokens[n].lower
            if lower == "to":
                return False
            if lower in subordinators and n > k:
                return False  # "announced the visit after the envoy left": the verb is the subordinate clause's
            if lower in finite or (n > k and lower.endswith("ed") and not self.caps[n] and lower not in naming):
                return True
        return False

    def _skip_object(self, k: int, last: int) -> int:
        tokens = self.tokens
        if tokens[k].lower in self.rules.cues.get("determiner", ()) and k + 1 < last and self.caps[k + 1]:
            k += 1  # "told the Strelsau Herald on Friday": the listener is the name after the article
            n = k
            while n < last and n - k < OBJECT_WORDS and self.caps[n] and (n == k or not self._bound(n)):
                n += 1
            if n < last and tokens[n].lower in _MEDIA_NOUNS and not self._bound(n):
                return n + 1  # "told the ABC's Insiders program on Sunday": the name and its programme
        elif tokens[k].lower in self.rules.cues.get("determiner", ()):
            k += 1
            while k < last and k < k + 3 and not self.text[tokens[k].start].isupper() and tokens[k].lower != "that":
                k += 1
                if k < last and (tokens[k].lower == "that" or self.text[tokens[k].start].isupper()):
                    break
                break
            return min(k, last)
        if self.text[tokens[k].start].isupper():
            while k < last and self.text[tokens[k].start].isupper() and not _BOUNDARY.search(self._gap(k + 1) if k + 1 < last else ""):
                k += 1
            return min(k + (1 if k < last and self.text[tokens[k].start].isupper() else 0), last)
        return k + 1

    def _skip_phrases(self, k: int, last: int) -> int:
        """Skip time words and a short phrase like 'in a statement' or 'on X' after a cue."""
        tokens, rules = self.tokens, self.rules
        skips = rules.cues.get("skip", frozenset())
        for _ in range(3):
            moved = False
            while k < last and (tokens[k].lower in skips and tokens[k].lower not in ("on", "in")) or (k < last and tokens[k].lower.isdigit()):
                k += 1
                moved = True
            if k < last and tokens[k].lower in ("on", "in", "at") and not self._bound(k):
                n = k + 1
                if n < last and tokens[n].lower in skips:
                    k = n
                    continue
                if n < last and tokens[n].lower in rules.cues.get("determiner", ()):
                    n += 1
                    # "in a statement", "at a press conference": up to three words, until a word that
                    # can open the clause (that, a pronoun, a determiner, a capitalised word)
                    stops = rules.cues.get("that", frozenset()) | rules.cues.get("pronoun_person", frozenset()) | rules.cues.get(
                        "pronoun_body", frozenset()) | rules.cues.get("determiner", frozenset())
                    limit = n + 3
                    while n < min(last, limit) and not self.text[tokens[n].start].isupper() and tokens[n].lower not in stops:
                        n += 1
                    k = n
                    moved = True
                elif n < last and self.text[tokens[n].start].isupper():
                    while n < last and self.text[tokens[n].start].isupper():
                        n += 1
                        if n < last and any(c in self.gaps[n] for c in "“\""):
                            n = self._after_title(n, last)  # "on Radio Strelsau's “Evening Review”": the title too
                            break
                    if n < last and tokens[n].lower in ("social", "media"):
                        n += 1
                        if n < last and tokens[n].lower == "media":
                            n += 1
                    k = n
                    moved = True
            if not moved:
                break
        return k

    def _clause_end(self, k: int, last: int, sentence: Span) -> int:
        """Where a reported clause ends: the sentence's end, or before ", according to", before a
        second reporting verb of the same speaker ("…, and said on Monday …", "… and warned …")
        and before a reporting participle after a comma ("…,” describing the terms as …")."""
        tokens = self.tokens
        coordinators = self.rules.cues.get("coordinator", frozenset())
        subordinators = self.rules.cues.get("subordinator", frozenset())
        for n in range(k + 1, min(last, k + 1 + MAX_CLAUSE_SCAN)):  # a run-on "sentence" of junk is not scanned to its end per cue
            gap = self._gap(n)
            if "," in gap and tokens[n].lower == "according" and n + 1 < last and tokens[n + 1].lower == "to":
                return self._trim_end(tokens[n - 1].end)
            if tokens[n].lower in subordinators and "," in gap and n + 1 < last and n > k + 1:
                verb = n + 1
                while verb < last and verb - n <= MAX_SPEAKER_WORDS and (self._speaker_word(verb) or tokens[verb].lower in _LINK_WORDS) and (
                        not self._bound(verb)):
                    verb += 1  # "…, while the office of the prime minister said …": another speaker's report
                if verb > n + 1 and verb < last and self._reporting_verb(verb) and not self.caps[verb] and not self._bound(verb):
                    return self._trim_end(tokens[n - 1].end)
            if self.rules.has("absolute", tokens[n].lower) and "," in gap and n > k + 1:
                # "…, with 15% saying …", "…, with the minister adding …": the participle's own report
                verb = next((v for v in range(n + 1, min(n + 1 + ABSOLUTE_WORDS, last)) if self._bound(v) or (
                    tokens[v].lower.endswith("ing") and self._reporting_verb(v))), last)
                if verb < last and not self._bound(verb):
                    return self._trim_end(tokens[n - 1].end)
            if tokens[n].lower in coordinators and n + 1 < last and n > k + 1:
                verb = n + 1
                while verb < last and verb - n <= MAX_SPEAKER_WORDS and self._speaker_word(verb) and (
                        self.caps[verb] or "," in gap or self.rules.has("determiner", tokens[n + 1].lower)) and not self._bound(verb):
                    verb += 1  # "…, and Ana Ruiz said …", "…, and an army source also said …": a second speaker's report
                verb = self._skip_forward(verb, last)
                if verb < last and self._reporting_verb(verb) and not self.caps[verb] and not self._bound(verb):
                    return self._trim_end(tokens[n - 1].end)
            if "," in gap and n > k + 1 and tokens[n].lower.endswith("ing") and self._reporting_verb(n):
                return self._trim_end(tokens[n - 1].end)
            if "," in gap and n > k + 1 and self.rules.has("determiner", tokens[n].lower):
                # "…,” the state-run news agency reported.": another speaker's trailing attribution ends it
                verb = n + 1
                while verb < last and verb - n <= MAX_SPEAKER_WORDS and (self._speaker_word(verb) or tokens[verb].lower in _LINK_WORDS
                                                                          or self._gap(verb) == "-" or (verb + 1 < last and self._gap(verb + 1) == "-")) and (
                        not self._bound(verb)):
                    verb += 1
                if verb > n + 1 and verb < last and self._reporting_verb(verb) and not self.caps[verb] and (
                        self._is_trailer(range(verb + 1, last))):
                    return self._trim_end(tokens[n - 1].end)
            if "," in gap and n > k + 1 and self.caps[n] and not self._function_word(n):
                # "After Ana Ruiz announced that …, Senate Leader Lev Orlov said he would wait": a new speaker
                verb = n
                while verb < last and verb - n <= MAX_SPEAKER_WORDS and (self.caps[verb] or tokens[verb].lower in _LINK_WORDS) and (
                        verb == n or not self._bound(verb)):
                    verb += 1
                verb = self._skip_forward(verb, last)
                if verb < last and self._reporting_verb(verb) and not self.caps[verb] and not self._bound(verb) and (
                        last - verb > MIN_CLAUSE_WORDS):
                    return self._trim_end(tokens[n - 1].end)
        return self._trim_end(sentence.end)

    def _reporting_verb(self, n: int) -> bool:
        """True when token n is a reporting verb that reports (not 'call' or 'ask', which only
        attribute a quote)."""
        role = self.rules.speech_role(self.tokens[n].lemma)
        return role is not None and role != "quote_only" or self.tokens[n].lower in ("describing", "calling")

    def _is_trailer(self, rest: Sequence[int]) -> bool:
        """After a cue only 'in a statement', 'on Tuesday', 'told reporters' and the like remain."""
        if rest and any(c in self._gap(rest[0]) for c in ":“\"‘"):
            return False
        if rest and "," in self._gap(rest[0]):
            return True  # "…, a senior official said, which …": nothing reported after the cue
        if not rest:
            return True
        for n, k in enumerate(rest[:7]):  # past seven words the answer is False anyway: a long sentence is not scanned
            if n and self._bound(k):
                rest = rest[:n]
                break
        if len(rest) > 6:
            return False
        skips = self.rules.cues.get("skip", frozenset())
        first = self.tokens[rest[0]].lower
        return first in skips or first in ("at", "to", "during", "reporters", "journalists") or self.text[self.tokens[rest[0]].start].isupper()

    def _comma_before(self, position: int, floor: int, *, titles: bool = False) -> int | None:
        """The end of the clause before ", <speaker> said": the comma may stand a few lower-case
        modifiers before the speaker's head word ("…, several officials said", "…, two senior
        diplomats told reporters"), and a body's name in an of-chain ("…, the ministry of the
        interior of Borovia said": up to ``TRAILING_LINK_WORDS`` link words more); with ``titles``, up to
        ``TITLE_WORDS`` capitalised title words too ("…, Malaysian Prime Minister Anwar Ibrahim said")."""
        j = bisect_left(self.starts, position)
        counted = skipped = 0
        for _ in range(MODIFIER_WORDS + 1 + TRAILING_LINK_WORDS + TITLE_WORDS):
            if counted > MODIFIER_WORDS:
                return None
            if j == 0 or self.tokens[j - 1].start < floor:
                return None
            gap = self.text[self.tokens[j - 1].end : self.tokens[j].start] if j < len(self.tokens) else ""
            if "," in gap:
                return self._trim_end(self.tokens[j - 1].end)
            if titles and self.caps[j - 1] and not _BOUNDARY.search(gap) and skipped < TITLE_WORDS and (
                    self._title_word(j - 1) or skipped and _zipf(self.tokens[j - 1].lower) >= ADVERB_STEM_ZIPF):
                # a common word before a title word is part of the title ("Foreign" of "Foreign Minister")
                skipped += 1  # "…, Malaysian Prime Minister Anwar Ibrahim said": the name's title
                j -= 1
                continue
            if _BOUNDARY.search(gap) or self.caps[j - 1] or not self.tokens[j - 1].lower.isalpha() or self.rules.speech_role(self.tokens[j - 1].lemma):
                return None
            if self.tokens[j - 1].lower not in _LINK_WORDS:
                counted += 1  # "…, the ministry of the interior of Borovia said": 'of' and 'the' are free
            j -= 1
        return None

    def _looks_finite(self, j: int) -> bool:
        """A reporting verb in a form that reports: said/says/told/stressed, not 'to say' or 'saying so'."""
        return not (j > 0 and self.tokens[j - 1].lower in self.rules.cues.get("infinitive", frozenset()))

    # ----- speakers -------------------------------------------------------------------------
    def _bound(self, j: int) -> bool:
        """True when the gap before token j holds a boundary character (``_BOUNDARY``), looked up."""
        return 0 < j < len(self.bounds) and self.bounds[j]

    def _gap(self, j: int) -> str:
        """The characters between token j-1 and token j (see :func:`_gaps`)."""
        if j <= 0 or j >= len(self.tokens):
            return ""
        return self.gaps[j]

    def _skip_forward(self, j: int, stop: int) -> int:
        skips = self.rules.cues.get("skip", frozenset())
        while j < stop and self.tokens[j].lower in skips and self.tokens[j].lower not in ("on", "in"):
            j += 1
        return j

    def _speaker_before(self, cue: int, floor: int, *, across_gap: bool = False) -> _Mention | None:
        """The speaker phrase ending right before token ``cue`` (time words and '(PCG)' skipped)."""
        tokens, rules = self.tokens, self.rules
        share = self._poll_share(cue, floor)
        if share is not None:
            return share
        skips = rules.cues.get("skip", frozenset())
        j = cue - 1
        progressive = tokens[cue].lower.endswith("ing")
        while j >= 0 and tokens[j].start >= floor and (tokens[j].lower in skips or tokens[j].lower.isdigit() or (
                progressive and tokens[j].lower in _PROGRESSIVE) or self._adverb(j)) and not self._bound(j + 1):
            if tokens[j].lower in ("on", "in") and j == cue - 1:
                break
            j -= 1  # "X now said", "X are now claiming" (the progressive's 'be' too)
        if j < 0 or tokens[j].start < floor or (self._bound(j + 1) and not across_gap):
            # "The union's president, Mara Lind, who chaired the meeting, said": skip the relative clause.
            return self._speaker_over_relative(j + 1, floor) if j >= 0 and tokens[j].start >= floor else None
        end = j + 1
        start = end
        while start - 1 >= 0 and tokens[start - 1].start >= floor and end - (start - 1) <= MAX_SPEAKER_WORDS:
            k = start - 1
            if start < end and self._bound(start):
                break
            if not self._speaker_word(k):
                break
            start = k
            if tokens[k].lower in rules.cues.get("determiner", ()) or tokens[k].lower in self.rules.cues.get("indefinite", ()):
                break
        if start == end and j >= 1 and tokens[j].lower.isalpha() and not self._bound(j) and (
                self.text[tokens[j - 1].start].isupper() or rules.has("determiner", tokens[j - 1].lower)) and not rules.has(
                "relative", tokens[j].lower) and tokens[j].lower not in rules.cues.get("preposition", frozenset()):
            # "The European powers argue …", "the leaders said": a plural head after a name or determiner
            start = j
            while start - 1 >= 0 and tokens[start - 1].start >= floor and end - start < MAX_SPEAKER_WORDS and not _BOUNDARY.search(
                    self._gap(start)) and self._speaker_word(start - 1):
                start -= 1
                if rules.has("determiner", tokens[start].lower):
                    break
            if start == j:
                return None
        if start == end:
            return None
        while start < end - 1 and tokens[start].lower in ("of", "for", "and"):
            start += 1  # "an advisory for Borovia saying": the phrase starts after the particle
        start = self._with_adjectives(start, floor)
        head = self._head_before_of(start, floor)
        if head is not None:
            # "A spokesperson for the ministry said", "Supporters of the plan argue": the head speaks
            full = self.text[tokens[head].start : tokens[end - 1].end]
            person = any(rules.has("role_person", tokens[n].lemma) for n in range(head, start - 1))
            return _Mention(tokens[head].start, tokens[end - 1].end, full, person, description=full)
        if start > 0 and rules.has("subordinator", tokens[start - 1].lower) and not tokens[cue].lower.endswith("ing") and not self._bound(start):
            return self._mention(start, end)  # "… after the Boston Globe reported that …": the subordinate clause's subject
        if start > 0 and tokens[start - 1].lower in rules.cues.get("preposition", frozenset()) and not self._bound(start):
            # "posted on X saying": X is where, not who; but "with a French minister saying" (issue
            # 14, unseen text): a person or a role after the preposition is the participle's subject,
            # nearer than the sentence's subject
            mention = self._mention(start, end)
            if mention is not None and not tokens[cue].lower.endswith("ing"):
                if not mention.person or mention.pronoun or not self.caps[start - 2 if start >= 2 else 0]:
                    return None
                # "Minister of State at the Foreign Ministry Lev Orlov said": a capitalised title that runs over
                # "at the …" ends in the person's name; the title describes them
                d0 = start - 1
                while d0 > 0 and start - d0 < DESCRIPTION_WORDS and not self._bound(d0) and tokens[d0 - 1].start >= floor and (
                        self.caps[d0 - 1] or tokens[d0 - 1].lower in _NAME_PARTICLES):
                    d0 -= 1
                if not (d0 == 0 or self._bound(d0) or tokens[d0 - 1].start < floor):
                    return None  # the capitalised words do not open the sentence: a place ("met at the Foreign Ministry …")
                mention.description = self.text[tokens[d0].start : tokens[start].start] + mention.description
                return mention
            if mention is not None and not mention.pronoun and (self._names_people(mention, start, end) or (
                    rules.has("absolute", tokens[start - 1].lower) and not self._document(end - 1))):
                return mention  # after "with" (role absolute) any speaker: "with Borovia saying …"
            return None
        return self._mention(start, end)

    def _adverb(self, j: int) -> bool:
        """True for a lower-case "-ly" adverb of manner or time between a speaker and the verb ("the
        ministry swiftly said", "China promptly announced"): its stem is a common word (swift, prompt,
        happy, basic), which the nouns "family", "ally", "assembly" and "rally" are not. A class rule
        rather than one skip row per adverb; the listed skip rows still apply."""
        word = self.tokens[j].lower
        if len(word) < ADVERB_MIN_LETTERS or not word.endswith("ly") or self.caps[j] or not word.isalpha():
            return False
        if self._speaker_word(j) and (self.rules.has("role_person", word) or self.rules.has("people", word)):
            return False
        stems = [word[:-2]] + ([word[:-3] + "y"] if word.endswith("ily") else []) + ([word[:-4]] if word.endswith("ally") else [])
        return any(len(stem) >= ADVERB_MIN_STEM and _zipf(stem) >= ADVERB_STEM_ZIPF for stem in stems)

    def _poll_share(self, cue: int, floor: int) -> _Mention | None:
        """A poll's share right before the cue, which speaks for those asked: "41% say …", "with
        16% saying …", "four in 10 say …" (a share in words, "Sixty percent", is the people word
        ``percent``)."""
        tokens = self.tokens
        k = cue - 1
        if k < 0 or tokens[k].start < floor or not tokens[k].lower.isdigit() or self._bound(k + 1):
            return None
        if self.gaps[cue].strip() == "%":
            end = tokens[k].end + self.gaps[cue].index("%") + 1
            return _Mention(tokens[k].start, end, self.text[tokens[k].start : end], False, description="respondents")
        if k >= 2 and tokens[k].lower == "10" and tokens[k - 1].lower == "in" and tokens[k - 2].start >= floor and (
                tokens[k - 2].lower.isdigit() or _number_word(tokens[k - 2].lower, self.rules)) and not self._bound(k - 1):
            text = self.text[tokens[k - 2].start : tokens[k].end]
            return _Mention(tokens[k - 2].start, tokens[k].end, text, False, description="respondents")
        return None

    def _names_people(self, mention: _Mention, start: int, end: int) -> bool:
        """True when tokens [start, end) name a person or people: a person's name, or a role or
        people noun (``role_person`` or ``people`` of ``quote_cues.csv``) or a lower-case speaker
        word that is no document ("the host", "the ministry") at the head; not a platform ("on X")."""
        head = self.tokens[end - 1]
        return mention.person or self.rules.has("role_person", head.lemma) or self.rules.has("people", head.lower) or (
            head.lemma in self.term_words and not self.caps[end - 1] and not self._document(end - 1))  # "with the host asking"

    def _with_adjectives(self, start: int, floor: int) -> int:
        """Widen a speaker phrase over up to ``ADJECTIVE_WORDS`` lower-case words back to an
        article or number that opens it ("a senior U.S. official", "two top British diplomats"):
        the article is what makes the speaker unnamed; without one, ``start`` as it was."""
        tokens, n = self.tokens, start
        adjectives = 0
        while n > 0 and start - n < ADJECTIVE_WORDS + 2 and tokens[n - 1].start >= floor and not self._bound(n) and (
                tokens[n - 1].lower.isalpha()) and not self._opener(n - 1):
            if not self.caps[n - 1] and not self._speaker_word(n - 1):
                if self._function_word(n - 1) and not self._office_modifier(n - 1) or tokens[n - 1].lower in self.rules.cues.get(
                        "preposition", frozenset()):
                    break  # "one from Hamas": a preposition is no adjective ("a former official": "former" is one)
                adjectives += 1
            elif not self._speaker_word(n - 1):
                break
            n -= 1  # "a U.S. cybersecurity official": adjectives and speaker words may alternate
        if adjectives == 0 or adjectives > ADJECTIVE_WORDS:
            return start
        definite = self._definite_before(n, start, floor)
        if definite is not None:
            return definite
        if n == 0 or tokens[n - 1].start < floor or self._bound(n):
            return start
        return n - 1 if self._opener(n - 1) else start

    def _definite_before(self, n: int, start: int, floor: int) -> int | None:
        """The "the" that opens "the nuclear watchdog", "The UN nuclear agency" (a lower-case noun for
        a body, after lower-case modifiers), or None. Without it the speaker was the bare noun
        ("watchdog"), typed without the "UN" before it. Not after a preposition: in "During the
        crisis officials said" the "the" belongs to "crisis", and the speaker is "officials"."""
        tokens = self.tokens
        head = tokens[start]
        if self.caps[start] or not self._speaker_word(start) or self.rules.has("role_person", head.lemma) or (
                self.rules.has("people", head.lower)):
            return None  # a body ("watchdog", "agency"), not people: "As the crisis grew officials said"
        if tokens[n].lower == "the":  # a capitalised "The" opening the sentence was read as a name word
            at = n
        elif n > 0 and tokens[n - 1].lower == "the" and tokens[n - 1].start >= floor and not self._bound(n):
            at = n - 1
        else:
            return None
        before = at - 1
        if before >= 0 and tokens[before].start >= floor and not self._bound(at) and (
                tokens[before].lower in self.rules.cues.get("preposition", frozenset())):
            return None
        return at

    def _opener(self, k: int) -> bool:
        """True for an article or a number word that opens an unnamed speaker ("a", "two"): an
        ``indefinite`` row of ``speaker_types.csv`` that is a determiner or has no lower-case
        letters' meaning of its own ("senior" is an adjective there, not an opener)."""
        word = self.tokens[k].lower
        row = self.rules.speaker_terms.get((word,))
        return row is not None and row.type == "indefinite" and (self.rules.has("determiner", word) or _zipf(word) >= FUNCTION_WORD_ZIPF)

    def _head_before_of(self, start: int, floor: int) -> int | None:
        """The first token of "<people noun> of/for" right before a speaker phrase starting at
        ``start`` ("a spokesperson for the ministry", "relatives of the sailor Ivo Kral"), or None."""
        tokens = self.tokens
        k = start - 1
        while k > 0 and start - k <= 2 and not self.caps[k] and tokens[k].lower not in ("of", "for") and tokens[k].lower.isalpha() and (
                not self._bound(k + 1)):
            k -= 1  # "relatives of the sailor Ivo Kral"
        if k < 1 or tokens[k].lower not in ("of", "for") or tokens[k - 1].start < floor or self._bound(k) or (
                self._bound(k + 1)):
            return None
        noun = tokens[k - 1]
        listed = self.rules.has("role_person", noun.lemma) or self.rules.has("people", noun.lower)
        if not listed and (self.caps[k - 1] or noun.lemma not in self.term_words or noun.lower == noun.lemma):
            return None
        head = k - 1
        while head > 0 and tokens[head - 1].start >= floor and k - head < 4 and not self._bound(head) and (
                self._speaker_word(head - 1) or tokens[head - 1].lower in self.rules.cues.get("people", ())):
            head -= 1
            if self.rules.has("determiner", tokens[head].lower) or tokens[head].lower in self.rules.cues.get("indefinite", ()):
                break
        return head

    def _speaker_over_relative(self, after: int, floor: int) -> _Mention | None:
        """'X, who …, said': find the chunk before a ', who …,' clause."""
        tokens = self.tokens
        j = after - 1
        while j >= 0 and tokens[j].start >= floor:
            if tokens[j].lower in self.rules.cues.get("relative", ()) and "," in self._gap(j):
                mention = self._speaker_before(j, floor, across_gap=True)
                if mention is not None:
                    # "The envoy, who declined to be named, said": the aside describes them
                    mention.description = (mention.description or mention.text) + " " + self._aside_description(
                        self.text[tokens[j].start : tokens[after - 1].end])
                return mention
            if "." in self._gap(j) or j < after - 15:
                return None
            j -= 1
        return None

    def _aside_description(self, aside: str) -> str:
        """What an aside after a speaker says about them: all of it, unless it is a relative clause
        that does not identify them ("who is the commander of …", "who spoke on condition of
        anonymity" do; "who added that the Borovian launch …" speaks of other things): then ""."""
        words = aside.split()
        relatives = self.rules.cues.get("relative", frozenset())
        if not words or words[0].lower() not in relatives:
            return aside
        if len(words) > 1 and self.rules.has("identifying", words[1].lower()) or speaker_type(aside, self.rules) == "anonymous":
            return aside
        return ""

    def _source_tail(self, cue: int, floor: int) -> _Mention | None:
        """An unnamed source with a post-modifier before its verb ("a government source familiar
        with the investigation told CNN", "people close to the talks said"): the speaker phrase
        before the tail word (role ``source_tail``), widened to the verb; None when there is none."""
        tokens = self.tokens
        tails = self.rules.cues.get("source_tail", frozenset())
        for f in range(cue - 1, max(cue - SOURCE_TAIL_WORDS - 1, -1), -1):
            if tokens[f].start < floor or self._bound(f + 1):
                return None
            if tokens[f].lower in tails and f > 0 and self._speaker_word(f - 1) and not self._bound(f):
                head = self._speaker_before(f, floor)
                if head is None or head.pronoun:
                    return None
                full = self.text[head.start : tokens[cue - 1].end]
                return _Mention(head.start, tokens[cue - 1].end, full, head.person, description=head.description + " " + full)
        return None

    def _speaker_word(self, k: int) -> bool:
        if self.caps[k]:
            return True
        token = self.tokens[k]
        return token.lower in self.finder._speaker_words or (token.lower.endswith("s") and token.lemma in self.term_words)  # plurals: "officials"

    def _speaker_after(self, cue: int, *, stop: int | None = None) -> _Mention | None:
        """The speaker phrase right after a cue: 'said Ilse Brandt, spokesperson of the coast guard'."""
        tokens = self.tokens
        stop = len(tokens) if stop is None else stop
        start = cue + 1
        if start >= stop or self._bound(start):
            return None
        end = start
        while end < stop and end - start < MAX_SPEAKER_WORDS and (self._speaker_word(end) or self._adjective_in_phrase(start, end, stop)):
            if end > start and self._bound(end):
                break
            end += 1
        if end == start:
            return None
        mention = self._mention(start, end)
        if mention is None:
            return None
        # Apposition: "the Commission's spokesperson, Olof Gill," or "Ilse Brandt, spokesperson of the coast guard"
        if end < stop and "," in self._gap(end) and not _BOUNDARY.sub("", self._gap(end)).strip():
            app_end = end
            limit = LONG_APPOSITION_WORDS if tokens[end].lower in ("a", "an") else 8
            while app_end < stop and app_end - end < limit and (app_end == end or not self._bound(app_end)):
                app_end += 1
            appositive = self.text[tokens[end].start : tokens[app_end - 1].end]
            if not mention.person and all(self.text[tokens[k].start].isupper() or tokens[k].lower in _NAME_PARTICLES for k in range(end, app_end)):
                named = self._mention(end, app_end)
                if named is not None and named.person:
                    named.description = mention.text + " " + named.description
                    self._remember(named)
                    return named
            if app_end < stop and self._gap(app_end).strip() == "," and self.rules.has("determiner", tokens[app_end].lower):
                # "…, president of Acme Wire, a cable distributor near the port": the second apposition too
                more = app_end + 1
                while more < stop and more - app_end < APPOSITION_WORDS and not self._bound(more):
                    more += 1
                appositive += " " + self.text[tokens[app_end].start : tokens[more - 1].end]
            _describe(mention, self._aside_description(appositive))
            self._remember(mention)
        return mention

    def _mention(self, start: int, end: int) -> _Mention | None:
        """A mention from tokens [start, end): drop a leading function word, find a person's name."""
        tokens, text = self.tokens, self.text
        while start < end and (tokens[start].lower in _LEADING_PARTICLES):
            start += 1
        end = next((k for k in range(start + 1, end) if "(" in self.gaps[k]), end)  # "Lev Orlov (R-Ohio)": not the name
        if start < end and tokens[start].start in self.sentence_starts_or_para() and self._function_word(start):
            start += 1
        if start >= end:
            return None
        lowers = [t.lower for t in tokens[start:end]]
        if len(lowers) == 3 and lowers[1] == "and" and lowers[2] in ("others", "colleagues") and self.rules.has("pronoun_person", lowers[0]):
            end = start + 1  # "he and others noted": the one named before is the speaker
            lowers = lowers[:1]
        if len(lowers) == 1 and (self.rules.has("determiner", lowers[0]) or lowers[0] in _NAME_PARTICLES):
            return None
        if " ".join(lowers) in self.rules.cues.get("pronoun_group", ()):
            # "the two said", "both said": the pair named before ("Ana Ruiz and Lev Orlov"), see ``_resolve``
            return _Mention(tokens[start].start, tokens[end - 1].end, text[tokens[start].start : tokens[end - 1].end], False, "group")
        if len(lowers) == 1 and self.rules.has("pronoun_person", lowers[0]) and text[tokens[start].start].isupper() and (
                tokens[start].start not in self.sentence_starts):
            # "…,” He said." mid-sentence: the family name of a person named family name first ("He Lifeng")
            named = next((m for m in self.names.values() if m.person and m.text.split()[0] == "He" and lowers[0] == "he"), None)
            if named is not None:
                return _Mention(tokens[start].start, tokens[end - 1].end, named.text, True, description=named.description)
        if len(lowers) == 1 and self.rules.has("pronoun_person", lowers[0]):
            return _Mention(tokens[start].start, tokens[end - 1].end, text[tokens[start].start : tokens[end - 1].end], True, "person")
        if len(lowers) == 1 and self.rules.has("pronoun_body", lowers[0]):
            return _Mention(tokens[start].start, tokens[end - 1].end, text[tokens[start].start : tokens[end - 1].end], False, "body")
        if len(lowers) == 1 and self.rules.has("role_person", lowers[0]):
            # "…,” said spokesman.": a bare role noun is resolved like "the spokesman"
            return _Mention(tokens[start].start, tokens[end - 1].end, text[tokens[start].start : tokens[end - 1].end], True, "role")
        if lowers[0] == "the" and len(lowers) >= 2 and tokens[end - 1].lower != tokens[end - 1].lemma and self.rules.has(
                "role_person", tokens[end - 1].lemma) and not any(self.caps[k] for k in range(start + 1, end)):
            # "the leaders said", "the officials said": a group of people, as written; "they" later
            # resolves to it as to a body
            full = text[tokens[start].start : tokens[end - 1].end]
            return _Mention(tokens[start].start, tokens[end - 1].end, full, False, description=full)
        if lowers[0] == "the" and len(lowers) <= 4 and not any(
                text[t.start].isupper() for t in tokens[start + 1 : end - 1] if self.rules.speaker_terms.get((_bare(t.lower),)) is None and (
                    _bare(t.lower) not in self.term_words)):
            if lowers[-1] in self.rules.cues.get("role_person", ()):
                return _Mention(tokens[start].start, tokens[end - 1].end, text[tokens[start].start : tokens[end - 1].end], True, "role")
            if lowers[-1] in self.rules.cues.get("role_body", ()):
                return _Mention(tokens[start].start, tokens[end - 1].end, text[tokens[start].start : tokens[end - 1].end], False, "body")
        if not any(text[t.start].isupper() for t in tokens[start:end]) and not any(
                w in self.term_words or w in self.finder._speaker_words and w not in _NAME_PARTICLES and not self.rules.has("determiner", w)
                for w in lowers) and not any(t.lower.endswith("s") and t.lemma in self.term_words for t in tokens[start:end]):
            return None  # a plural counts as its singular ("four diplomats"), as in ``_speaker_word``
        full = text[tokens[start].start : tokens[end - 1].end]
        name = self._trim_name(self._person_name(start, end))
        if name is None and end - start >= 4 and tokens[start + 2].lower in ("of", "at", "from") and self.caps[start] and self.caps[start + 1] and (
                not self._function_word(start)) and self._person_name(start, start + 2) == (start, start + 2):
            name = (start, start + 2)  # "Lev Orlov of the Borovian Institute": the person, of the body
        if name is None and end - start >= 4:
            # "Sen. Ana Ruiz of Ohio": a title and a name before "of <place>"; the place does not end the name
            cut = next((k for k in range(start + 2, end - 1) if tokens[k].lower in ("of", "from")), None)
            if cut is not None and all(self.caps[k] for k in range(start, cut)) and "and" not in lowers[cut - start :]:
                name = self._trim_name(self._person_name(start, cut))
        if name is not None and name[1] - name[0] == 1 and name[0] == start:
            row = self.rules.speaker_terms.get((_bare(tokens[start].lower),))
            if (row is None or not row.person) and _bare(tokens[start].lower) not in self.names:
                name = None  # "Hamas said", "Manila said": one unknown capitalised word is a body
                word = text[tokens[start].start : _unpossessed_end(text, tokens[start])]
                first_named = {m.text: m for m in self.names.values() if m.person and m.text.count(" ") == 1 and m.text.split()[0] == word}
                if len(first_named) == 1 and end - start == 1:
                    # "Gao noted …" after "spokesperson Gao Feng": a name written family name first, then alone
                    alone = next(iter(first_named.values()))
                    return _Mention(tokens[start].start, tokens[start].end, alone.text, True, description=alone.description + " " + full)
        if name is not None and self.rules.has("outlet_head", tokens[name[1] - 1].lower) and name[1] - name[0] >= 2:
            name = None  # "the Boston Globe", "the South China Morning Post": a news outlet, no person
        if name is not None:
            n_start, n_end = name
            surname = tokens[n_end - 1].lower
            known = self.names.get(surname)
            n_to = _unpossessed_end(text, tokens[n_end - 1])
            mention = _Mention(tokens[n_start].start, n_to, text[tokens[n_start].start : n_to], True, description=full)
            if known is not None and len(known.text) >= len(mention.text):
                return _Mention(mention.start, mention.end, known.text, True, description=known.description + " " + full)
            if known is not None:
                mention.description = known.description + " " + mention.description  # what the article said of them before
            self._remember(mention)
            return mention
        return _Mention(tokens[start].start, tokens[end - 1].end, full, False, description=full)

    def sentence_starts_or_para(self) -> set[int]:
        return self.sentence_starts

    def _person_like(self, start: int, end: int) -> bool:
        """True when tokens [start, end) are capitalised words that could be a name or a body."""
        return all(self.text[t.start].isupper() or t.lower in _NAME_PARTICLES for t in self.tokens[start:end]) and not self._function_word(start)

    def _function_word(self, k: int) -> bool:
        lower = self.tokens[k].lower
        cache = self.finder._function_words
        found = cache.get(lower)
        if found is None:
            if len(cache) >= TYPE_CACHE_SIZE:
                cache.clear()
            found = cache[lower] = (
                _zipf(lower) >= FUNCTION_WORD_ZIPF
                and lower not in self.term_words
                and not self.rules.has("pronoun_person", lower)
                and not self.rules.has("pronoun_body", lower)
                and not self.rules.has("determiner", lower)
                and not self.rules.has("people", lower)  # "Others said …": a group that speaks
            )
        return found

    def _person_name(self, start: int, end: int) -> tuple[int, int] | None:
        """The trailing run of capitalised words that are no role, body or country word."""
        tokens, text, caps = self.tokens, self.text, self.caps
        terms_get, pronouns, name_pronouns = self.rules.speaker_terms.get, self.finder._pronoun_person, self.name_pronouns
        k = end
        bares: list[str] = []  # _bare of each word taken, last first (computed once, not per phrase)
        while k - 1 >= start:
            lower = tokens[k - 1].lower
            bare = _bare(lower)
            key = terms_get((bare,))
            if caps[k - 1] and (key is None or key.person) and (lower not in pronouns or k - 1 in name_pronouns) or lower in _NAME_PARTICLES and k < end and lower not in ("of", "for", "and"):
                k -= 1
                bares.append(bare)
            else:
                break
        taken = k
        bares.reverse()  # now the words of tokens[taken:end]
        while k < end and tokens[k].lower in _NAME_PARTICLES:
            row = terms_get(tuple(bares[k - taken :]))
            if row is not None and row.person:
                break
            k += 1
        if k == end:
            return None
        # multi-word rows ("von der leyen", "xi jinping") are person names too
        words = tuple(bares[k - taken :])
        # a body's name of several words inside the run ends there: "the United Nations Nikki Haley"
        # is the body then the name (its single words are no terms, so the scan above took them)
        cut = 0
        for i in range(len(words) - 2):
            for size in range(2, min(self.rules.longest_term, len(words) - 1 - i) + 1):
                row = terms_get(words[i : i + size])
                if row is not None and not row.person:
                    cut = max(cut, i + size)
        if cut:
            k, words = k + cut, words[cut:]
        if k > 0 and tokens[k - 1].lower in ("of", "for") and self.gaps[k] == " " and end - k <= 2 and not any(
                (row := self.rules.speaker_terms.get((w,))) is not None and row.person or w in self.names for w in words):
            return None  # "the Ministry of Trade", "Department of Homeland Security": a body's name, not a person's
        for size in range(min(len(words), self.rules.longest_term), 0, -1):  # no term is longer
            row = terms_get(words[-size:])
            if row is not None and not row.person:
                return None
        if self.rules.has("role_body", words[-1]):
            return None  # "the Orvan Maritime Board": a body the lists do not know (role ``role_body``), not a person
        if k > start and text[tokens[k].start].isupper() and end - k == 1 and self.rules.speaker_terms.get(words) is None:
            # A single unknown capitalised word after a role ("President Macron") is a name;
            # after nothing it may be a body ("Manila") — bodies are listed, names are not.
            pass
        return k, end

    def _remember(self, mention: _Mention) -> None:
        if mention.person:
            surname = self.text[mention.start : mention.end].split()[-1].lower().replace("’", "'")
            known = self.names.get(surname)
            if known is None or len(mention.text) > len(known.text):
                self.names[surname] = mention
            elif known.text == mention.text and len(mention.description) > len(known.description):
                # "The prime minister of Japan, Lev Orlov, said …": the role found with the speaker is what
                # the article said of them, for "Orlov told …" later (the first mention keeps its place)
                known.description = mention.description

    def _speaker_span(self, first: int, cue: int) -> _Mention | None:
        skips = self.rules.cues.get("skip", frozenset())
        end = cue
        if end - 3 >= first and self.tokens[end - 1].lower == "as" and self.rules.has("passive_quote", self.tokens[end - 2].lower) and (
                self.tokens[end - 3].lower in _PASSIVE):
            end -= 3  # "…,” Ana Ruiz was quoted as saying
        while end > first and (self.tokens[end - 1].lower in skips or self.tokens[end - 1].lower.isdigit()):
            end -= 1
        if end <= first or end - first > MAX_SPEAKER_WORDS:
            return None
        if " ".join(t.lower for t in self.tokens[first:end]) in self.rules.cues.get("pronoun_group", ()):
            return self._mention(first, end)  # "…,” the two said
        if end == cue and (tail := self._source_tail(cue, self.tokens[first].start)) is not None:
            return tail  # "…,” a source close to the premier told reporters
        start = end
        while start > first and self._speaker_word(start - 1):
            start -= 1
        if start < end:
            start = self._with_adjectives(start, self.tokens[first].start)  # "…,” an unnamed former official told
        if start == end and end - first <= 5 and self.rules.has("determiner", self.tokens[first].lower):
            if self.rules.has("role_body", self.tokens[end - 1].lower):
                return self._mention(first, end)  # "…,” the statement said: resolved like "the ministry"
            start = first  # "an off-duty officer told me"
            return _Mention(self.tokens[first].start, self.tokens[end - 1].end,
                            self.text[self.tokens[first].start : self.tokens[end - 1].end], False,
                            description=self.text[self.tokens[first].start : self.tokens[end - 1].end])
        return self._mention(start, end) if start < end else None

    def _sentence_last(self, j: int) -> int:
        """One past the last token of the sentence that holds token j."""
        k = bisect_right(self.sentence_list, self.tokens[j].start) - 1
        end = self.sentences[k].end if k >= 0 else len(self.text)
        return bisect_right(self.starts, end - 1)

    def _trim_end(self, end: int) -> int:
        # an opening mark never ends a clause: a sentence split before a quote typed with reversed marks
        # ("… goodwill. “If …,“ he said.") leaves it on the sentence before
        while end > 0 and self.text[end - 1] in " \t\n.,;:“":
            end -= 1
        return end

    # ----- 4. links between quotes ----------------------------------------------------------
    def _attach_to_indirect(self, directs: list[_Direct], indirects: list[_Indirect]) -> None:
        for d in directs:
            for item in indirects:
                # a quote inside a reported clause belongs to its speaker, also when a verb inside
                # the clause stood before it ("He said they agreed to “share …”")
                if d.speaker is not None and not (item.start <= d.cue_at < item.end):
                    continue
                if d.speaker is not None and self._own_inner_speaker(d, item):
                    continue  # "Ruiz said Orlov told him that the plan “had failed”": Orlov's words, named inside the clause
                if item.start <= d.open_at and d.end <= item.end + 1:
                    d.speaker, d.cue = item.speaker, item.cue
                    break

    def _own_inner_speaker(self, d: _Direct, item: _Indirect) -> bool:
        """True when a quote inside a reported clause has a speaker of its own there: a name or a
        capitalised body with a reporting verb that reports ("Orlov told him that …"), not an
        infinitive's ("Borovia and Ruritania agreed to “share …”" stays the outer speaker's)."""
        speaker = d.speaker
        if speaker is None or speaker.pronoun or speaker.text == item.speaker.text:
            return False
        if not (speaker.person or self.caps[bisect_left(self.starts, speaker.start)]):
            return False
        cue = bisect_left(self.starts, d.cue_at)
        return not (cue + 1 < len(self.tokens) and self.tokens[cue + 1].lower == "to")

    def _continue_groups(self, directs: list[_Direct]) -> None:
        by_group: dict[int, list[_Direct]] = {}
        for d in directs:
            by_group.setdefault(d.group, []).append(d)
        for members in by_group.values():
            speaker = next((m for m in members if m.speaker is not None), None)
            if speaker is not None:
                for m in members:
                    if m.speaker is None:
                        m.speaker, m.cue = speaker.speaker, speaker.cue
        # split quotes and quote paragraphs: “…,” he said, “…”  /  a paragraph that is only a quote
        previous: _Direct | None = None
        for d in directs:
            if d.speaker is None and previous is not None and previous.speaker is not None:
                same_paragraph = previous.paragraph == d.paragraph
                whole = self._whole_paragraph(d)
                if same_paragraph or (whole and d.paragraph == previous.paragraph + 1 and self._whole_paragraph(previous, loose=True)):
                    d.speaker, d.cue = previous.speaker, previous.cue
            previous = d

    def _after_report(self, directs: list[_Direct], indirects: list[_Indirect]) -> None:
        """A paragraph that is one quote and nothing else, with no speaker of its own, continues the
        paragraph before it when that paragraph quotes or reports one speaker only ("Holm told
        reporters the guns had fallen silent.¶“Both sides agreed …”")."""
        speakers: dict[int, set[str]] = {}
        mentions: dict[int, _Mention] = {}
        spans = [*((d.open_at, d.speaker) for d in directs), *((i.start, i.speaker) for i in indirects)]
        for at, speaker in spans:
            if speaker is None:
                continue
            here = self._paragraph_of(at)
            paragraph = here.paragraph if here is not None else -1
            speakers.setdefault(paragraph, set()).add(speaker.text.lower())
            mentions[paragraph] = speaker
        quoted_paragraphs = {d.paragraph for d in directs}
        for d in directs:
            if d.speaker is None and self._whole_paragraph(d) and len(speakers.get(d.paragraph - 1, ())) == 1 and (
                    d.paragraph not in speakers):
                d.speaker, d.cue = mentions[d.paragraph - 1], self.text[d.open_at]
            elif d.speaker is None and self._whole_paragraph(d) and d.paragraph > 0 and d.paragraph - 1 not in speakers and (
                    d.paragraph - 1 not in quoted_paragraphs):
                # "Ana Ruiz reciprocated with a formal reply.¶“Both countries …”": the one person the
                # paragraph before is about, named or as 'he'/'she', opening its last sentence
                subject = self._last_subject(d.paragraph - 1)
                if subject is not None:
                    d.speaker, d.cue = subject, self.text[d.open_at]

    def _last_subject(self, paragraph: int) -> _Mention | None:
        """The person opening the last sentence of ``paragraph``: a known name, or a capitalised
        'He'/'She' (resolved later like any pronoun); None for anything else."""
        last = next((s for s in reversed(self.sentences) if s.paragraph == paragraph), None)
        if last is None:
            return None
        first = bisect_left(self.starts, last.start)
        if first >= len(self.tokens):
            return None
        token = self.tokens[first]
        if self.caps[first] and self.rules.has("pronoun_person", token.lower) and first not in self.name_pronouns:
            return _Mention(token.start, token.end, self.text[token.start : token.end], True, "person")
        return self._subject_person(last, last.end)

    def _list_items(self, directs: list[_Direct], indirects: list[_Indirect]) -> None:
        """Quotes in list items ("• the army will “stay in place”") belong to the speaker of the
        paragraph that introduces the list with a colon ("Medinsky named three results:"): the one
        speaker found there, else the one person named there; with none or several, nobody."""
        intro: _Mention | None = None
        by_paragraph: dict[int, list[_Direct]] = {}
        for d in directs:
            by_paragraph.setdefault(d.paragraph, []).append(d)
        for paragraph in self.paragraphs:
            body = self.text[paragraph.start : paragraph.end]
            if body[:1] in _BULLETS:
                if intro is not None:
                    for d in by_paragraph.get(paragraph.paragraph, ()):
                        if d.speaker is None:
                            d.speaker, d.cue = intro, ":"
                continue
            intro = self._intro_speaker(paragraph, directs, indirects) if body.rstrip().endswith(":") else None

    def _intro_speaker(self, paragraph: Span, directs: list[_Direct], indirects: list[_Indirect]) -> _Mention | None:
        inside = {id(m): m for m in [*(d.speaker for d in directs), *(i.speaker for i in indirects)]
                  if m is not None and paragraph.start <= m.start < paragraph.end}
        if len(inside) == 1:
            return next(iter(inside.values()))
        if inside:
            return None
        named = {m.text: m for m in self.names.values() if paragraph.start <= m.start < paragraph.end}
        return next(iter(named.values())) if len(named) == 1 else None

    def _whole_paragraph(self, d: _Direct, *, loose: bool = False) -> bool:
        paragraph = self._paragraph_of(d.open_at)
        if paragraph is None:
            return False
        share = (d.end - d.start) / max(1, paragraph.end - paragraph.start)
        return share >= (0.5 if loose else 0.9)

    # ----- 5. resolution and types ----------------------------------------------------------
    def _resolve(self, mention: _Mention | None, history: list[_Mention]) -> _Mention | None:
        if mention is None or not mention.pronoun:
            return mention
        if mention.pronoun == "relative":
            return history[-1] if history else None
        if mention.pronoun == "group" or (mention.pronoun == "body" and mention.text.lower() == "they"):
            # "the two said", "they said" right after a pair's quote ("Ana Ruiz and Lev Orlov, who called it …"):
            # the last speaker when named as a pair; "the two" stays as written otherwise
            if history and _PAIR.search(history[-1].text + " " + history[-1].description):
                return history[-1]
            if mention.pronoun == "group":
                return mention
        wanted_person = mention.pronoun in ("person", "role")
        if mention.pronoun == "role":
            role_words = self._role_words(mention.text)
            for earlier in reversed(history):
                if role_words <= self._role_words(earlier.description + " " + earlier.text):
                    # "Mao Ning, a spokesperson" or "A government spokesman"; but a person named in
                    # that role since ("Ana Ruiz, the ministry spokesperson, explained …") is nearer
                    since = [m for m in self.names.values() if earlier.end <= m.start and m.end <= mention.start and m.text != earlier.text
                             and role_words <= self._role_words(m.description)]
                    if since and not _country_named(mention.text, self.rules):
                        # "President Ana Ruiz said …, to host Borovian president Lev Orlov …. The president
                        # stated …": a role with no country is the quoted holder's, not another country's holder's
                        theirs = _country_named(earlier.description + " " + earlier.text, self.rules)
                        since = [m for m in since if _country_named(m.description + " " + m.text, self.rules) in ("", theirs)]
                    return max(since, key=lambda m: m.start) if since else earlier
            # "Japanese Prime Minister Sanae Takaichi met …. The prime minister said …": the one
            # person the article named before with every word of the role
            holders = {m.text: m for m in self.names.values() if m.end <= mention.start and role_words <= self._role_words(m.description)}
            if len(holders) == 1:
                return next(iter(holders.values()))
            if role_words - self.rules.cues.get("role_person", frozenset()):
                # a qualified role ("The Japanese Prime Minister later announced …. Takaichi said"):
                # the one person the article names with the same speaker type, else as written
                wanted = self._type(mention)
                same = {m.text: m for m in self.names.values() if m.person and ":" in wanted and self._type(m) == wanted}
                head = set(_WORDS.findall(mention.text.lower())[-1:])
                holding = {m.text: m for m in self.names.values() if m.person and head <= self._role_words(m.description + " " + m.text)}
                if holding:
                    # "the US President" with a US president and a US secretary of state named: the one holding the
                    # office, of that country or of none the list knows ("President Lev Orlov")
                    same = {t: m for t, m in holding.items() if t in same or self._type(m) == wanted.split(":")[0]}
                return next(iter(same.values())) if len(same) == 1 else mention
        for earlier in reversed(history):
            if earlier.person == wanted_person and self._gender_ok(earlier, mention):
                return earlier
        if mention.pronoun == "body" and mention.text.lower() == "it":
            body = self._subject_body(mention.start)
            if body is not None:
                return body  # "The Orvan Maritime Board met on Monday. It said …": no body spoke before
        if wanted_person:
            here_span = self._paragraph_of(mention.start)
            here = here_span.paragraph if here_span is not None else 0
            floor = self.paragraph_start_of.get(here - 1, 0) if here else 0
            named = [m for m in self.names.values() if floor <= m.start and m.end <= mention.start and self._gender_ok(m, mention) and not (
                mention.pronoun == "role" and (m.possessor or self._role_named_since(mention, m)))]  # "Kishida's office … A spokesman said": not Kishida
            if len(named) == 1:
                return named[0]  # the one person the article named just before
            # two or more people named and none of them quoted yet: "he" is ambiguous, left as written
        return mention

    def _subject_body(self, before: int) -> _Mention | None:
        """The named body opening the sentence before offset ``before``'s sentence, in the same
        paragraph: "The" and capitalised words ending in a body word (role ``role_body``) or a listed
        body ("The Orvan Maritime Board met …", "The European Commission proposed …"); else None."""
        here = bisect_right(self.sentence_list, before) - 1
        if here < 1 or self.sentences[here - 1].paragraph != self.sentences[here].paragraph:
            return None
        sentence = self.sentences[here - 1]
        first = bisect_left(self.starts, sentence.start)
        if first >= len(self.tokens) or self.tokens[first].lower != "the":
            return None
        n = first + 1
        while n < len(self.tokens) and n - first <= MAX_BODY_WORDS and self.caps[n] and not self._bound(n):
            n += 1
        if n == first + 1 or n >= len(self.tokens) or self.caps[n] or self.tokens[n].start >= sentence.end:
            return None
        last = _bare(self.tokens[n - 1].lower)
        row = self.rules.speaker_terms.get((last,))
        if not (self.rules.has("role_body", last) or row is not None and not row.person and row.type != "country"):
            return None
        text = self.text[self.tokens[first].start : self.tokens[n - 1].end]
        return _Mention(self.tokens[first].start, self.tokens[n - 1].end, text, False, description=text)

    def _other_named(self, person: _Mention, start: int, end: int) -> bool:
        """Whether a person other than ``person`` is named between ``start`` and ``end`` (by surname)."""
        if not self.names:
            return False
        if self._surnames is None or self._surnames[0] != len(self.names):
            # one pattern of every surname known so far: one scan of the text between, however many names
            alternation = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            self._surnames = (len(self.names), re.compile(rf"\b(?:{alternation})\b"))
        own = _bare(person.text.split()[-1].lower()) if person.text.split() else ""
        return any(m.group() != own for m in self._surnames[1].finditer(self.text[start:end].lower()))

    def _gender_ok(self, person: _Mention, pronoun: _Mention | None) -> bool:
        """False when "he" / "she" cannot be ``person``: a "he"/"she" after their own quotation showed the
        other gender, or a gendered honorific describes them ("Ms. Ruiz" is no "he"). True otherwise."""
        wanted = _PRONOUN_GENDER.get(pronoun.text.lower()) if pronoun is not None and pronoun.pronoun == "person" else None
        if wanted is None:
            return True
        known = self.genders.get(person.text)
        if known is None:
            words = _WORDS.findall((person.description + " " + person.text).lower())
            known = next((_HONORIFIC_GENDER[w] for w in words if w in _HONORIFIC_GENDER), None)
        return known in (None, wanted)

    def _role_named_since(self, role: _Mention, person: _Mention) -> bool:
        """True when the role's head word stands on its own between the person and the role mention
        ("Lev Orlov met the minister. The minister said …": someone else holds it), not inside the
        person's own description."""
        words = [w for w in _WORDS.findall(role.text.lower()) if w not in self.finder._determiners]
        if not words or words[-1] in _WORDS.findall(person.description.lower()):
            return False
        return re.search(rf"\b{re.escape(words[-1])}\b", self.text[person.end : role.start].lower()) is not None

    def _later_subject(self, pronoun: _Mention, history: list[_Mention]) -> _Mention | None:
        """'he'/'she' for a person named as a sentence's subject after the last quoted person
        ("Ruiz, in her speech, had praised the deal. In a calm tone, she wrote: …"): the subject
        of a sentence in the pronoun's paragraph or the one before, when no person was quoted
        since; None when there is none."""
        last_person_at = next((at for m, at in zip(reversed(history), reversed(self.history_at)) if m.person), -1)
        here = bisect_right(self.sentence_list, pronoun.start) - 1
        paragraph = self.sentences[here].paragraph if here >= 0 else 0
        same = pronoun.text.lower()
        for k in range(here, -1, -1):
            sentence = self.sentences[k]
            if sentence.paragraph < paragraph - 1 or sentence.start < last_person_at:
                return None
            subject = self._subject_person(sentence, pronoun.start)
            if subject is not None:
                return subject if subject.start > last_person_at else None
            first = bisect_left(self.starts, sentence.start)
            if k < here and first < len(self.tokens) and self.caps[first] and self.tokens[first].lower == same:
                # "Haley made history …. She criticized Trump …. In October, she said …": sentences opened by the
                # same pronoun carry the subject on, so the search goes on a paragraph before them
                paragraph = sentence.paragraph
        return None

    def _subject_person(self, sentence: Span, before: int) -> _Mention | None:
        """The known person whose name opens ``sentence`` (before offset ``before``), or None."""
        first = bisect_left(self.starts, sentence.start)
        if first > 0 and self.rules.has("honorific", self.tokens[first - 1].lower) and self.text[self.tokens[first - 1].end : sentence.start].strip() == ".":
            return None  # "… asked why Ms. | Warren had emerged …": a split after a title's dot, not a sentence's subject
        n = first
        while n < len(self.tokens) and n - first < 5 and self.tokens[n].start < before and self.caps[n] and (
                n == first or not self._bound(n)):
            n += 1
        if n == first or self._function_word(first) or self.rules.has("determiner", self.tokens[first].lower):
            return None  # "The U.S. president's moves …": not a name
        surname = _bare(self.tokens[n - 1].lower)
        known = self.names.get(surname)
        if known is None or (n < len(self.tokens) and self.caps[n] and not self._bound(n)):
            return None
        last = bisect_left(self.starts, min(sentence.end, before))
        if any(self.caps[k] and _bare(self.tokens[k].lower) in self.names and _bare(self.tokens[k].lower) != surname
               for k in range(n, last)):
            return None  # "Anna Weber met Tom Okafor. He said …": two people, 'he' stays ambiguous
        return _Mention(self.tokens[first].start, self.tokens[n - 1].end, known.text, True, description=known.description)

    def _role_words(self, phrase: str) -> frozenset[str]:
        """The words of a role phrase that must match ("The Japanese Prime Minister" -> japanese,
        prime, minister): lower case, possessives and determiners dropped. Kept by phrase: a role is
        checked against every person named so far, and each person's description was read again per
        role mention (quadratic on a long list of names)."""
        found = self._role_words_of.get(phrase)
        if found is None:
            determiners = self.rules.cues.get("determiner", frozenset())
            found = self._role_words_of[phrase] = frozenset(
                w for w in (_bare(w) for w in _WORDS.findall(phrase.lower())) if w not in determiners)
        return found

    def _type(self, mention: _Mention) -> str:
        description = mention.text + " " + mention.description
        cache = self.finder._types
        found = cache.get(description)
        if found is None:
            if len(cache) >= TYPE_CACHE_SIZE:
                cache.clear()
            found = cache[description] = speaker_type(description, self.rules, spans=self.finder._term_spans)
        return found


def _country_named(words: str, rules: QuoteRules) -> str:
    """The country ``words`` give a speaker ("Chinese president" -> "China"; a public figure's own), a
    capitalised demonym the speaker types do not list ("Borovian"), or "" when they name none.

    >>> rules = load_quote_rules()
    >>> _country_named("Chinese president", rules), _country_named("the Borovian minister", rules), _country_named("the president", rules)
    ('China', 'Borovian', '')
    """
    kind = speaker_type(words, rules) if words.strip() else ""
    if ":" in kind:
        return kind.split(":", 1)[1]
    return next((w for w in _TYPE_WORDS.findall(words)
                 if w[:1].isupper() and not w.isupper() and w.lower().endswith(_DEMONYM_ENDINGS)), "")


def term_spans(rules: QuoteRules) -> dict[str, int]:
    """The most words of a speaker term opening with each word ("white" -> 2 for "white house").

    >>> term_spans(load_quote_rules())["white"]
    2
    """
    spans: dict[str, int] = {}
    for key in rules.speaker_terms:
        if key and spans.get(key[0], 0) < len(key):
            spans[key[0]] = len(key)
    return spans


def speaker_type(description: str, rules: QuoteRules | None = None, *, spans: dict[str, int] | None = None) -> str:
    """The speaker type of a mention and its description, by the rules of ``speaker_types.csv``.

    A word not listed counts as its singular when that is listed ("leaders" as "leader"); a US party
    tag in brackets ("Sen. Ana Ruiz (D-Ore.)", "Gov. Lev Orlov (R)") marks a US lawmaker; an unnamed
    role of an organisation the list does not know ("an Acme spokesperson") is that organisation's,
    so ``other``, where an unnamed official of a known government is ``anonymous``.

    Examples
    --------
    >>> speaker_type("Chinese foreign ministry spokesperson Lin Jian")
    'government:China'
    >>> speaker_type("a White House official"), speaker_type("Sun Yun director at the think tank Stimson Center")
    ('anonymous', 'expert')
    >>> speaker_type("Sen. Ana Ruiz (D-Ore.)"), speaker_type("an Acme spokesperson"), speaker_type("the leaders")
    ('government:United States', 'other', 'government')

    ``spans`` is :func:`term_spans` of ``rules`` (a finder computes it once): no phrase longer than the
    longest term opening with a word is looked up; the result is the same without it.
    """
    rules = rules or load_quote_rules()
    words = [_bare(w) for w in _TYPE_WORDS.findall(description.lower())]
    words = [w.rstrip(".") if w.count(".") == 1 and w.endswith(".") else w for w in words]
    found = []
    unknown_proper = False
    # capitalised words written in mixed case: a company's name ("Acme"), not an acronym ("MOC",
    # mostly a ministry or agency) nor a demonym ("Borovian", a country the list does not have)
    written = _TYPE_WORDS.findall(description)
    originals = {w.lower() for w in written if w[:1].isupper() and not w.isupper() and not w.lower().endswith(_DEMONYM_ENDINGS)}
    # the same words as written, when they line up with ``words`` (they do unless lower-casing split one)
    aligned = written if len(written) == len(words) else []
    at: list[tuple[int, int]] = []  # (first word, words) of each row in ``found``
    unknown_caps: set[int] = set()  # words no row covers, written with a capital and no demonym
    i = 0
    while i < len(words):
        longest = rules.longest_term if spans is None else max(1, spans.get(words[i], 1))
        for size in range(min(longest, len(words) - i), 0, -1):
            row = rules.speaker_terms.get(tuple(words[i : i + size]))
            if row is None and size == 1 and len(words[i]) > 3 and words[i].endswith("s"):
                row = rules.speaker_terms.get((words[i][:-1],))  # "leaders" -> "leader"
                if row is None and words[i].endswith("ies"):
                    row = rules.speaker_terms.get((words[i][:-3] + "y",))
            if row is not None:
                found.append(row)
                at.append((i, size))
                i += size
                break
        else:
            if i > 0 and words[i] in originals and all(row.type == "indefinite" for row in found):
                unknown_proper = True  # a capitalised word before any listed one: "an Acme spokesperson"
            if aligned and aligned[i][:1].isupper() and not words[i].endswith(_DEMONYM_ENDINGS):
                unknown_caps.add(i)
            i += 1
    if _names_outlet(aligned, words, rules) and not any(row.type in ("anonymous", "social_media") for row in found):
        return "media"  # "the South China Morning Post", "the Boston Globe": a news outlet, whatever place it names
    kept, at = _company_and_envoy_rows(words, aligned, found, at, unknown_caps, rules)
    if kept is None:
        return "other"  # "United States Steel", "NFU president Ana Ruiz": an organisation named, not a country
    # an unnamed holder of a past office is still unnamed ("a former official": anonymous)
    past_office = {row.type for row in found if row.type in ("government", "international")} - {row.type for row in kept}
    found = kept
    types = [row.type for row in found]
    countries = [row.country for row in found if row.country]
    if _US_PARTY_TAG.search(description):
        types.append("government")
        countries.append("United States")
    staff = rules.cues.get("unnamed_staff", frozenset())
    if not countries and words and all(row.type in ("government", "indefinite") and not row.person for row in found) and words[0] not in _DEFINITE and any(
            len(w) > 4 and w.endswith("s") and w[:-1] in staff for w in words):
        return "anonymous"  # "officials said", "administration officials told": unnamed, no country
    has_name = any(row.person for row in found)
    role_types = {"government", "international"}
    indefinite = bool(found) and found[0].type == "indefinite" and bool(words) and words[0] == found[0].term
    if indefinite and not has_name and unknown_proper and not countries and "anonymous" not in types:
        return "other"  # "an Acme spokesperson": the organisation speaks, named
    if "anonymous" in types or (indefinite and not has_name and role_types & (set(types) | past_office)):
        return "anonymous"
    for kind in ("social_media", "media", "international", "expert", "other"):
        if kind in types:
            # a role of an organisation ("president of a steel company", "the farmers' union's president") is
            # the organisation's (role ``organisation`` of quote_cues.csv); other roles are the government's
            organisations = rules.cues.get("organisation", frozenset())
            if kind == "other" and ("government" in types and not any(r.type == "other" and r.term in organisations for r in found)):
                continue
            return kind
    if "government" in types or "country" in types:
        return f"government:{countries[0]}" if countries else "government"
    return "other"


def _number_word(word: str, rules: QuoteRules) -> bool:
    """True for a number word that opens an unnamed speaker in ``speaker_types.csv`` ("four")."""
    row = rules.speaker_terms.get((word,))
    return row is not None and row.type == "indefinite" and word not in ("a", "an", "some", "several", "senior", "many", "dozens")


def _names_outlet(written: list[str], words: list[str], rules: QuoteRules) -> bool:
    """True when a capitalised name in the description ends in an ``outlet_head`` of
    ``quote_cues.csv`` written with a capital after another capitalised word ("Boston Globe",
    "Morning Post"), and no capitalised word follows it ("the Post Office" is no outlet)."""
    heads = rules.cues.get("outlet_head", frozenset())
    if not heads or not written:
        return False
    return any(words[i] in heads and written[i][:1].isupper() and written[i - 1][:1].isupper() and (
        i + 1 == len(written) or not written[i + 1][:1].isupper()) for i in range(1, len(written)))


def _company_and_envoy_rows(words: list[str], written: list[str], found: list[SpeakerTerm], at: list[tuple[int, int]],
                            unknown_caps: set[int], rules: QuoteRules) -> tuple[list[SpeakerTerm] | None, list[tuple[int, int]]]:
    """The rows of a description that speak for its type, or None when it names an organisation.

    None: a head role (role ``org_head`` of ``quote_cues.csv``) right after a capitalised word no row
    lists and no ``role_modifier``, the role in lower case or the word an acronym ("NFU president", "Open
    Doors president", "FIFA President"; not "Vice President"), with no country named; or a country's name as the only row, written before one capitalised word no row
    lists and not as a possessor ("United States Steel", "China Mobile"). An ``international`` row after
    an ``envoy`` row and "to" is dropped ("U.S. ambassador to the United Nations" serves the United States),
    and so are government and country rows up to ``FORMER_WORDS`` after a ``former`` word ("Former FBI
    Director Lev Orlov" holds no office now).
    """
    heads, modifiers = rules.cues.get("org_head", frozenset()), rules.cues.get("role_modifier", frozenset())
    countries = any(row.country for row in found)
    for row, (i, _) in zip(found, at, strict=True):
        if row.term in heads and i - 1 in unknown_caps and words[i - 1] not in modifiers and not countries and (
                written[i][:1].islower() or written[i - 1].isupper() and len(written[i - 1]) > 1):
            return None, at  # (a capitalised title after a capitalised word may be two mentions pooled: "Obama President Obama")
    listed = [(row, place) for row, place in zip(found, at, strict=True) if row.type != "indefinite"]
    if written and len(listed) == 1 and listed[0][0].type == "country":
        i, size = listed[0][1]
        possessor = written[i + size - 1].lower().endswith(("'s", "’s"))
        if not possessor and i + size in unknown_caps and i + size + 1 == len(words):
            return None, at
    envoys, past = rules.cues.get("envoy", frozenset()), rules.cues.get("former", frozenset())
    # a past office: government and country rows that start up to FORMER_WORDS after "former"
    formers = [i for i, w in enumerate(words) if w in past or w.startswith("ex-")]
    # ... and the same words in the other mentions pooled into the description ("Former FBI Director
    # Lev Orlov … FBI Director Lev Orlov")
    past_terms = {row.term for row, (i, _) in zip(found, at, strict=True)
                  if row.type in ("government", "country") and not row.person and any(0 <= i - f <= FORMER_WORDS for f in formers)}
    keep = []
    for n, (row, (i, _)) in enumerate(zip(found, at, strict=True)):
        if row.term in past_terms:
            continue
        if row.type == "international" and i >= 2 and words[i - 1] in ("to", "the") and any(
                found[m].term in envoys or found[m].term.rstrip("s") in envoys for m in range(n)) and "to" in words[max(0, i - 2) : i]:
            continue  # "ambassador to the United Nations": the envoy's country, not the body
        keep.append(n)
    return [found[n] for n in keep], [at[n] for n in keep]


def _gaps(text: str, tokens: Sequence[Token], starts: Sequence[int], honorifics: frozenset[str] = frozenset()) -> list[str]:
    """The characters before each token (``""`` before the first), as the speaker rules read them:
    a plural possessive ("the Philippines’ National Security Council") and an abbreviation's dot
    ("a senior U.S. official", also before the lower-case word after it) and an honorific's dot
    ("Mr. Navarro", "Sen. Jeff Sessions"; role ``honorific`` of ``quote_cues.csv``) read as a plain
    space, so they do not end a speaker phrase."""
    gaps = [""]
    gaps += [text[t.end : start] for t, start in zip(tokens, starts[1:])]
    for j in [j for j, gap in enumerate(gaps) if gap != " " and gap[:1] in ("’", "'", ".")]:
        gap, previous = gaps[j], tokens[j - 1].lower
        if gap[:1] in ("’", "'") and previous.endswith("s") and not gap[1:].strip():
            gaps[j] = " "
        elif gap == "." and len(previous) == 1 and len(tokens[j].lower) == 1:
            gaps[j] = " "
        elif gap in (". ", ".\u00a0") and len(previous) == 1 and text[tokens[j].start].islower():
            gaps[j] = " "  # "a senior U.S. official": the abbreviation's dot before a lower-case word
        elif gap in (".", ". ", ".\u00a0") and previous in honorifics and text[tokens[j].start].isupper():
            gaps[j] = " "  # "Mr. Navarro", "Gen. Smith"
        elif gap.startswith(".)") and not gap[2:].strip(" "):
            gaps[j] = gap[1:]  # "Sen. Ana Ruiz (D-Ore.) said": the abbreviation's dot inside a parenthesis
    return gaps


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    """wordfreq's Zipf frequency, cached: names recur in every article of a corpus."""
    return float(zipf_frequency(word, "en"))


def _unpossessed_end(text: str, token: Token) -> int:
    """The end offset of ``token`` without a possessive 's ("Trump's" ends before the apostrophe)."""
    end = token.end
    return end - 2 if end - token.start > 2 and text[end - 2 : end] in ("'s", "’s") else end


@lru_cache(maxsize=100_000)
def _bare(word: str) -> str:
    word = word.replace("’", "'")
    return word.removesuffix("'s")


def clause_ok(run: _Run, j: int, role: str, last: int) -> bool:
    """True when a reporting verb at token j has a clause after it (used before trusting a subject)."""
    return run._clause_start(j, role, last) is not None


def _overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(1, min(a[1] - a[0], b[1] - b[0])) if shared > 0 else 0.0


def _mostly_inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered > 0.5 * max(1, end - start)


class _IntervalSet:
    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def contains(self, position: int) -> bool:
        k = bisect_right(self.starts, position) - 1
        return k >= 0 and position < self.spans[k][1]

