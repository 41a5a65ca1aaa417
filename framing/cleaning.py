"""Find the non-article text in a scraped news body, remove it and record every removal.

The work is a chain of small pure steps, like scikit-learn's analyzer chain, each replaceable:

1. :func:`split_paragraphs` cuts the raw body into :class:`Paragraph` objects with offsets.
   **Every non-empty line is a paragraph.** Bodies separated by blank lines and bodies using
   single line breaks (one seed does) then split the same way, and the cleaned text (paragraphs
   joined by ``"\\n\\n"``) splits back into the same paragraphs, which keeps cleaning idempotent.
   The price: a hard-wrapped paragraph becomes several paragraphs; scraped news bodies are
   not hard-wrapped.
2. Detectors (:data:`DEFAULT_DETECTORS`) each look at all paragraphs and return
   :class:`Finding` objects: which paragraph, what kind of non-article text and why. Cue words
   come from the data file ``framing/lexicons/boilerplate.json``; only general text shapes
   (e-mail addresses, post signatures, dates) are regexes here.
3. :func:`assemble` keeps the paragraphs nobody claimed and turns the claims into
   :class:`~framing.types.Removal` records whose offsets point into the raw body.

Detectors that look at a paragraph's neighbours (a bare author name before a bio, the opening
paragraphs of a social post) only attach paragraphs to something that is itself removed, so a
second pass over the cleaned text finds nothing new.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from framing.clutter import ClutterDetector, word_start_alternation
from framing.data_files import data_source, read_data_json
from framing.errors import LexiconError
from framing.segment import split_sentences
from framing.textnorm import lower_if_plain, shorten
from framing.types import CleanedText, Removal

__all__ = [
    "Boilerplate",
    "Paragraph",
    "Finding",
    "Detector",
    "DEFAULT_DETECTORS",
    "clean_text",
    "CLEANED_AWAY_NOTE_START",
    "cleaned_away_note",
    "first_content_line",
    "detect_clutter",
    "split_paragraphs",
    "assemble",
    "load_boilerplate",
    "parse_boilerplate",
    "detect_wire_credit",
    "detect_social_embed",
    "detect_embed_markers",
    "detect_author_bio",
    "detect_contact",
    "detect_read_more",
    "detect_appeals",
]

# --------------------------------------------------------------------------------------------
# Tuned numbers. Each was chosen by reasoning about the shape of the text, then checked against
# the seed corpus (which must lose no article paragraph) and the unit tests' own examples.
# --------------------------------------------------------------------------------------------

#: An appeal needs this many distinct cue phrases: two "your support"-style phrases can occur in
#: a news paragraph quoting a charity; three in one paragraph did not in any article we read.
APPEAL_MIN_CUES = 3
#: A paragraph of at most this many words needs only APPEAL_SHORT_MIN_CUES cues (a typical
#: "Subscribe now for unlimited access" strip is 5-20 words).
APPEAL_SHORT_WORDS = 30
#: See APPEAL_SHORT_WORDS.
APPEAL_SHORT_MIN_CUES = 2
#: Longest headline (in words) after a "Read more:" label; headlines run 5-20 words.
READ_MORE_MAX_WORDS = 25
#: A paragraph holding an e-mail address is a contact line when, not counting the address, it
#: has at most this many words: one short clause ("Contact the reporter at ...", 4-10 words).
#: A news sentence that quotes an address is longer and is kept.
CONTACT_MAX_WORDS = 12
#: A paragraph that starts with a contact cue ("Follow us", "Email") and holds an address or
#: @handle may be this long (two short clauses) and still be a contact line.
CONTACT_CUE_MAX_WORDS = 30
#: Longest author bio in words: bios run one to four sentences (the seed's has about 50 words).
BIO_MAX_WORDS = 120
#: Most words in the bare author-name line that precedes a bio ("Dr. Jane Q. Doe").
NAME_LINE_MAX_WORDS = 5
#: Longest display name in a post signature: X/Twitter caps display names at 50 characters.
DISPLAY_NAME_MAX_CHARS = 50
#: Longest @handle: X/Twitter caps handles at 15 characters; other sites allow 30.
HANDLE_MAX_CHARS = 30
#: Longest paragraph attached to a post as its opening or middle part: X/Twitter's 280-character
#: limit for a standard post.
POST_PARAGRAPH_MAX_CHARS = 280
#: How many paragraphs before a post signature may belong to the post when the opening paragraph
#: carries strong evidence (starts with emoji, flags, styled letters or "BREAKING:"): an opening,
#: up to two middle paragraphs, then the signature paragraph.
EMBED_LOOKBACK_STRONG = 3
#: The same when the only evidence is a short paragraph ending with ":" (weaker: an article
#: sentence introducing a quote looks the same), so at most one middle paragraph.
EMBED_LOOKBACK_WEAK = 2
#: A paragraph ending with ":" counts as the opening of a post only at this length or less.
OPENER_MAX_WORDS = 12
#: Most words in an embed marker line ("A post shared by Jane Doe (@jane)").
MARKER_MAX_WORDS = 15
#: Most words in a credited name after "Based on"/"With inputs from" ("PTI, Reuters and AFP").
CREDIT_NAME_MAX_WORDS = 6
#: Most passes of the detectors over what they kept (a fixed point is reached in 2 passes on every
#: benchmark page and seed; the cap bounds the time a pathological text can take).
MAX_CLEANING_PASSES = 6
#: Most words in a Reuters-style production credit ("Reporting by ...; Editing by ...").
CREDIT_BYLINE_MAX_WORDS = 40

# --------------------------------------------------------------------------------------------
# General text shapes (not word lists).
# --------------------------------------------------------------------------------------------

#: An e-mail address (deliberately loose: local part, "@", dotted domain with a 2+ letter TLD).
#: The look-behind makes matches start only where a local part can start (keeps search linear).
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
#: A social @handle not preceded by a word character (so not the "@" of an e-mail address).
HANDLE_RE = re.compile(rf"(?<![\w@])@\w{{1,{HANDLE_MAX_CHARS}}}\b")
#: A picture link left by an embedded tweet, or a t.co short link.
PIC_LINK_RE = re.compile(r"(?:https?://)?pic\.twitter\.com/\w+|https?://t\.co/\w+")
#: The same link ending a paragraph (optionally followed by closing punctuation).
PIC_LINK_END_RE = re.compile(rf"(?:{PIC_LINK_RE.pattern})\W*$")
#: An English month name or abbreviation, as written in post signatures and timestamps.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: "Month D, YYYY".
_DATE = rf"{_MONTH}\s+\d{{1,2}},\s*\d{{4}}"
#: The signature an embedded tweet leaves at its end: "— Display Name (@handle) Month D, YYYY".
#: The display name may be in styled Unicode letters; the date is optional. The spaces before the name are
#: all taken at once (``\s*+``; the look-ahead keeps "at least one character before '(@'"): given back one
#: by one, each was tried with every length of the name and of the spaces after it (quadratic on a long run).
SIGNATURE_RE = re.compile(
    rf"[—–-]{{1,2}}(?=[^()\n])\s*+(?P<name>[^()\n]{{0,{DISPLAY_NAME_MAX_CHARS}}}?)\s*"
    rf"\(@(?P<handle>\w{{1,{HANDLE_MAX_CHARS}}})\)\s*(?P<date>{_DATE})?\W*$"
)
#: The header of an embedded Truth Social post: "( Display Name – Nov 24, 2025, 12:39 PM ET )". As above, the
#: spaces after "(" are taken at once; ``(?<!^\()`` keeps "at least one character before the dash".
POST_HEADER_RE = re.compile(
    rf"^\(\s*+(?P<name>[^()\n]{{0,{DISPLAY_NAME_MAX_CHARS}}}?)(?<!^\()\s*[—–-]\s*{_DATE}"
    r"(?:,?\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?\s*\)"
)
#: A whole-line embed marker: "( @handle – Truth Social Post )".
HANDLE_MARKER_RE = re.compile(
    rf"^\(\s*@\w{{1,{HANDLE_MAX_CHARS}}}\s*[—–-]\s*[^()\n]{{1,{DISPLAY_NAME_MAX_CHARS}}}\)$"
)
#: First character of a post opening: emoji and pictographs (incl. regional-indicator flags,
#: U+1F000-U+1FAFF), dingbats and symbols (U+2600-U+27BF), or "styled" mathematical letters
#: (U+1D400-U+1D7FF) that posts use for bold or italic text.
EMOJI_OR_STYLED_START_RE = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\U0001D400-\U0001D7FF]")
#: A styled mathematical letter anywhere (a signal that a display name is a social one).
STYLED_LETTER_RE = re.compile(r"[\U0001D400-\U0001D7FF]")
#: Sentence boundary used to find a bio's last sentence.
#: "Name Surname is a/an/the ...", the opening of an author bio (name capitalisation is
#: checked in code so that any script's upper-case letters count).
BIO_OPENING_RE = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})\s+(?:is|was)\s+"
    r"(?:(?:currently|also)\s+)?(?:a|an|the)\b"
)
#: Separator between a "Read more" label and its headline.
_READ_MORE_SEPARATOR = r"[:|›»>–—-]+"
#: Splits a credit like "PTI, Reuters and AFP" into names.
_CREDIT_SPLIT_RE = re.compile(r"\s*(?:,|/|&|;|\band\b)\s*", re.IGNORECASE)
#: Leading dashes of a credit line such as "— AP".
_LEADING_DASHES_RE = re.compile(r"^[—–-]{1,2}\s*")

_LEXICON_FILE = "boilerplate.json"


# --------------------------------------------------------------------------------------------
# Shapes used by the steps.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-empty line of the raw body, stripped; ``raw[start:end] == text``."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A detector's claim that paragraph ``index`` is non-article text of ``kind``."""

    index: int
    kind: str
    reason: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The cue phrases of ``boilerplate.json`` (all lower-case tuples); see its meta file."""

    donation_cues: tuple[str, ...]
    subscription_cues: tuple[str, ...]
    shared_appeal_cues: tuple[str, ...]
    read_more_cues: tuple[str, ...]
    contact_cues: tuple[str, ...]
    bio_contact_cues: tuple[str, ...]
    embed_open_markers: tuple[str, ...]
    embed_close_markers: tuple[str, ...]
    embed_standalone_markers: tuple[str, ...]
    embed_opener_cues: tuple[str, ...]
    wire_agencies: tuple[str, ...]
    credit_lead_phrases: tuple[str, ...]
    credit_source_phrases: tuple[str, ...]
    credit_trailing_words: tuple[str, ...]
    credit_byline_cues: tuple[str, ...]


#: A detector: all paragraphs and the cue phrases in, claims out. It must not depend on anything
#: else, and it may attach a paragraph because of a neighbour only if it also claims that neighbour.
Detector = Callable[[Sequence[Paragraph], Boilerplate], Iterable[Finding]]


# --------------------------------------------------------------------------------------------
# Lexicon loading.
# --------------------------------------------------------------------------------------------

#: Field of Boilerplate -> path of its list in the JSON file.
_LEXICON_FIELDS: dict[str, tuple[str, ...]] = {
    "donation_cues": ("appeal_cues", "donation_appeal"),
    "subscription_cues": ("appeal_cues", "subscription_appeal"),
    "shared_appeal_cues": ("appeal_cues", "shared"),
    "read_more_cues": ("read_more_cues",),
    "contact_cues": ("contact_cues",),
    "bio_contact_cues": ("bio_contact_cues",),
    "embed_open_markers": ("embed_markers", "open"),
    "embed_close_markers": ("embed_markers", "close"),
    "embed_standalone_markers": ("embed_markers", "standalone"),
    "embed_opener_cues": ("embed_opener_cues",),
    "wire_agencies": ("wire_agencies",),
    "credit_lead_phrases": ("credit_lead_phrases",),
    "credit_source_phrases": ("credit_source_phrases",),
    "credit_trailing_words": ("credit_trailing_words",),
    "credit_byline_cues": ("credit_byline_cues",),
}


def parse_boilerplate(data: Mapping[str, object], *, source: str = _LEXICON_FILE) -> Boilerplate:
    """Validate the decoded JSON of a boilerplate lexicon and return it as a :class:`Boilerplate`.

    Parameters
    ----------
    data : Mapping
        The decoded JSON object (see ``boilerplate.meta.json`` for its keys).
    source : str, optional
        Name of the file the data came from, used in error messages.

    Returns
    -------
    Boilerplate
        Every list as a tuple of lower-case strings.

    Raises
    ------
    LexiconError
        If a key is missing, a list is empty, or a term is not a lower-case, non-empty, unique string.

    Examples
    --------
    >>> parse_boilerplate({"read_more_cues": ["read more"]})
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: boilerplate.json: key 'appeal_cues' is missing; ...
    """
    values: dict[str, tuple[str, ...]] = {}
    for field_name, path in _LEXICON_FIELDS.items():
        node: object = data
        for depth, key in enumerate(path):
            if not isinstance(node, Mapping) or key not in node:
                where = ".".join(path[: depth + 1])
                raise LexiconError(
                    f"{source}: key {where!r} is missing; add it as a list of lower-case phrases "
                    "(see boilerplate.meta.json for what it means)"
                )
            node = node[key]
        where = ".".join(path)
        if not isinstance(node, list) or not node:
            raise LexiconError(f"{source}: {where!r} must be a non-empty list of strings, got {node!r}")
        seen: set[str] = set()
        for term in node:
            if not isinstance(term, str) or not term.strip() or term != term.strip():
                raise LexiconError(
                    f"{source}: {where!r} holds {term!r}; use non-empty strings without outer spaces"
                )
            if term != term.lower():
                raise LexiconError(f"{source}: {where!r} holds {term!r}; write it lower-case as {term.lower()!r}")
            if term in seen:
                raise LexiconError(f"{source}: {where!r} lists {term!r} twice; remove the duplicate")
            seen.add(term)
        values[field_name] = tuple(node)
    return Boilerplate(**values)


@functools.cache
def load_boilerplate() -> Boilerplate:
    """Load and validate the bundled ``framing/lexicons/boilerplate.json`` (cached, read-only).

    Returns
    -------
    Boilerplate
        The bundled cue phrases.

    Raises
    ------
    LexiconError
        If the file is not valid JSON or fails :func:`parse_boilerplate`'s checks.

    Examples
    --------
    >>> "reuters" in load_boilerplate().wire_agencies
    True
    """
    # The one reader of package data (framing/data_files.py) names file and line in its errors.
    data = dict(read_data_json(_LEXICON_FILE))
    return parse_boilerplate(data, source=data_source(_LEXICON_FILE))


@functools.cache
def _phrase_pattern(phrases: tuple[str, ...]) -> str:
    """Regex alternation of ``phrases`` (longest first, any whitespace run matching a space)."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)


@functools.cache
def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Case-insensitive regex finding any of ``phrases`` on word boundaries."""
    return re.compile(rf"(?<!\w)(?:{_phrase_pattern(phrases)})(?!\w)", re.IGNORECASE)


@functools.cache
def _lower_phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """:func:`_phrase_re` of the lower-cased phrases, case-sensitive: for text from ``lower_if_plain``."""
    ordered = [phrase.lower() for phrase in sorted(phrases, key=len, reverse=True)]  # _phrase_pattern's order
    # one branch per first character (clutter.word_start_alternation): the search skips to where one stands
    return re.compile(word_start_alternation(ordered, r"\s+") + r"(?!\w)" if ordered else r"(?!x)x")


@functools.cache
def _starts_with_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Case-insensitive regex matching ``phrases`` at the start of a text."""
    return re.compile(rf"^(?:{_phrase_pattern(phrases)})(?!\w)", re.IGNORECASE)


def _word_count(text: str) -> int:
    return len(text.split())


# --------------------------------------------------------------------------------------------
# Step 1: paragraphs.
# --------------------------------------------------------------------------------------------


def split_paragraphs(raw: str) -> tuple[Paragraph, ...]:
    """Cut a body into paragraphs: every non-empty line, stripped, with its offsets into ``raw``; page
    metadata glued to the end of a line ("…tariffsReuters | London | Updated: …") is a paragraph of its own.

    Parameters
    ----------
    raw : str
        The article body; lines end with ``"\\n"``.

    Returns
    -------
    tuple of Paragraph
        In order; ``raw[p.start:p.end] == p.text`` for each.

    Examples
    --------
    >>> [(p.text, p.start) for p in split_paragraphs("  One.\\n\\nTwo.\\nThree.")]
    [('One.', 2), ('Two.', 8), ('Three.', 13)]
    """
    paragraphs: list[Paragraph] = []
    position = 0
    for line in raw.split("\n"):
        text = line.strip()
        if text:
            start = position + (len(line) - len(line.lstrip()))
            glued = _GLUED_META_RE.search(text) if _MAY_BE_GLUED_RE.search(text) else None
            if glued is not None and text[: glued.start()].strip():
                # "… whisky tariffsReuters | London | Updated: …": the page's metadata glued to the headline
                # is a line of its own, so cleaning can take it and keep the headline
                head = text[: glued.start()].rstrip()
                paragraphs.append(Paragraph(len(paragraphs), head, start, start + len(head)))
                start, text = start + glued.start(), text[glued.start():]
            paragraphs.append(Paragraph(len(paragraphs), text, start, start + len(text)))
        position += len(line) + 1
    return tuple(paragraphs)


#: Where page metadata is glued to the end of a line without a space: "…BureauUpdated: Mar 5",
#: "…tariffsReuters | London | Updated: …", "…BBC toldpublished at 17:07 …" (a lower-case letter, then
#: the field; never the words "republished", "unpublished"), a photo credit after a caption's full stop
#: ("…last week.Credit: AP"). The agency field is at most 41 characters: unbounded, it was read from every
#: capital to the end of its word run again (quadratic on a long line of glued words).
_GLUED_META_RE = re.compile(
    r"(?<=[a-z])(?:(?=(?:Last )?(?:Updated|Published|Posted)\s*:)|(?<!re)(?<!un)(?=published at \d)"
    r"|(?=[A-Z][\w.&-]{0,40} \| [^|]{1,40} \| (?:Last )?(?:Updated|Published|Created|Posted)\s*:))"
    r"|(?<=[a-z]\.)(?=Credit:\s)")
#: A cheap test first: most lines hold none of the field words.
_MAY_BE_GLUED_RE = re.compile(r"pdated|ublished|reated|osted|redit:")


# --------------------------------------------------------------------------------------------
# Step 2: detectors.
# --------------------------------------------------------------------------------------------


def _known_agencies(credit: str, lexicon: Boilerplate) -> bool:
    names = [name for name in _CREDIT_SPLIT_RE.split(credit) if name]
    return bool(names) and all(name.lower() in lexicon.wire_agencies for name in names)


@functools.cache
def _credit_shape_re(phrases: tuple[str, ...], trailing: tuple[str, ...]) -> re.Pattern[str]:
    """A whole credit line: one of ``phrases``, the credit, then optionally one of ``trailing``
    (compiled once per lexicon: building it for every paragraph cost more than matching it)."""
    return re.compile(
        rf"(?:{_phrase_pattern(phrases)})\s*:?\s*(?P<credit>.+?)(?:\s+(?:{_phrase_pattern(trailing)}))?",
        re.IGNORECASE,
    )


def _match_credit(text: str, lexicon: Boilerplate) -> tuple[str, str] | None:
    """Return (credit, rule) when the whole paragraph is a wire credit line."""
    inner = text
    parenthesised = inner.startswith("(") and inner.endswith(")")
    if parenthesised:
        inner = inner[1:-1].strip()
    inner = _LEADING_DASHES_RE.sub("", inner).rstrip(". ").strip()
    if not inner:
        return None

    byline_re = _phrase_re(lexicon.credit_byline_cues)
    if _starts_with_re(lexicon.credit_byline_cues).match(inner) and _word_count(inner) <= CREDIT_BYLINE_MAX_WORDS:
        if parenthesised or len(byline_re.findall(inner)) >= 2:
            return inner, "production credit ('Reporting by ...')"

    for phrases, needs_agency in (
        (lexicon.credit_lead_phrases, False),
        (lexicon.credit_source_phrases, True),
    ):
        shape = _credit_shape_re(phrases, lexicon.credit_trailing_words).fullmatch(inner)
        if shape is None:
            continue
        credit = shape.group("credit").strip(" .:;,")
        if not credit or _word_count(credit) > CREDIT_NAME_MAX_WORDS:
            continue
        if needs_agency and not _known_agencies(credit, lexicon):
            continue
        return credit, "credit line naming its source"

    if (parenthesised or text.startswith(("—", "–", "-"))) and _known_agencies(inner, lexicon):
        return inner, "bare agency name as a credit line"
    return None


def detect_wire_credit(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim whole-paragraph wire credits: "Based On ANI Report", "(With inputs from Reuters)", "— AP".

    A paragraph counts only if all of it is the credit: a lead phrase ("based on", "with inputs
    from") and at most CREDIT_NAME_MAX_WORDS words of name; a source phrase ("source", "via")
    and known agencies only; a dash or parentheses around a known agency; or a production
    credit ("(Reporting by ...; Editing by ...)", in parentheses or with two cues).

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"wire_credit"``, with the credited name in ``credit``.

    Examples
    --------
    >>> found = detect_wire_credit(split_paragraphs("Talks ended.\\n— AP"), load_boilerplate())
    >>> [(f.index, f.credit) for f in found]
    [(1, 'AP')]
    """
    findings = []
    for paragraph in paragraphs:
        match = _match_credit(paragraph.text, lexicon)
        if match is not None:
            credit, rule = match
            findings.append(Finding(paragraph.index, "wire_credit", f"{rule}: credit {credit!r}", credit))
    return findings


def _embed_anchor_reason(text: str) -> str | None:
    """Why a paragraph is (the end of) an embedded post, or None."""
    # SIGNATURE_RE needs "(@" and PIC_LINK_END_RE "pic.twitter.com/" or "://t.co/": most paragraphs skip both scans
    signature = SIGNATURE_RE.search(text) if "(@" in text else None
    if signature is not None:
        styled = " in styled letters" if STYLED_LETTER_RE.search(signature.group("name")) else ""
        name = shorten(signature.group("name").strip(), 30)
        return f"ends with a post signature{styled} '— {name} (@{signature.group('handle')})'"
    if ("pic.twitter.com/" in text or "://t.co/" in text) and PIC_LINK_END_RE.search(text):
        return "ends with a pic.twitter.com / t.co link"
    if POST_HEADER_RE.match(text):
        return "starts with an embedded post header '( Name – date, time )'"
    return None


def _opener_strength(text: str, lexicon: Boilerplate) -> int:
    """Lookback a post opening grants: EMBED_LOOKBACK_STRONG, EMBED_LOOKBACK_WEAK or 0."""
    if EMOJI_OR_STYLED_START_RE.match(text):
        return EMBED_LOOKBACK_STRONG
    if re.match(rf"(?:{_phrase_pattern(lexicon.embed_opener_cues)})\s*:", text, re.IGNORECASE):
        return EMBED_LOOKBACK_STRONG
    if text.endswith(":") and _word_count(text) <= OPENER_MAX_WORDS:
        return EMBED_LOOKBACK_WEAK
    return 0


def detect_social_embed(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim embedded social posts: a signature or pic link paragraph and its opening paragraphs.

    An *anchor* is a paragraph ending with a signature ``— Name (@handle) Month D, YYYY`` or a
    ``pic.twitter.com`` link, or starting with a ``( Name – Nov 24, 2025, 12:39 PM ET )``
    header. Earlier paragraphs join the post only with evidence: walking back, the nearest
    *opening* (starts with emoji, flags or styled letters, or "BREAKING:"-like cue: reach
    EMBED_LOOKBACK_STRONG; or at most OPENER_MAX_WORDS words ending with ":": reach
    EMBED_LOOKBACK_WEAK) within reach, with every paragraph on the way at most
    POST_PARAGRAPH_MAX_CHARS long and none of them another anchor.

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"social_embed"``.

    Examples
    --------
    >>> body = "Talks ended.\\n🚨 Huge news:\\nDeal done! — Jo Roe (@joroe) May 2, 2025"
    >>> [f.index for f in detect_social_embed(split_paragraphs(body), load_boilerplate())]
    [1, 2]
    """
    anchors = {p.index: reason for p in paragraphs if (reason := _embed_anchor_reason(p.text))}
    findings = []
    for index, reason in sorted(anchors.items()):
        for back in range(1, EMBED_LOOKBACK_STRONG + 1):
            candidate = index - back
            if candidate < 0 or candidate in anchors:
                break
            text = paragraphs[candidate].text
            if len(text) > POST_PARAGRAPH_MAX_CHARS:
                break
            if back <= _opener_strength(text, lexicon):
                for attached in range(candidate, index):
                    findings.append(
                        Finding(
                            attached,
                            "social_embed",
                            f"part of the embedded post ending at paragraph {index}: opened by "
                            f"{shorten(text, 40)!r}",
                        )
                    )
                break
        findings.append(Finding(index, "social_embed", f"embedded post: {reason}"))
    return findings


def _marker_kind(text: str, lexicon: Boilerplate) -> str | None:
    if HANDLE_MARKER_RE.match(text):
        return "standalone"
    if _word_count(text) > MARKER_MAX_WORDS:
        return None
    for role, phrases in (
        ("open", lexicon.embed_open_markers),
        ("close", lexicon.embed_close_markers),
        ("standalone", lexicon.embed_standalone_markers),
    ):
        if _starts_with_re(phrases).match(text):
            return role
    return None


def detect_embed_markers(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim lines an embed leaves behind, and the post between an opening and a closing marker.

    A marker is a whole paragraph ``( @handle – Site Post )`` or a paragraph of at most
    MARKER_MAX_WORDS words starting with a marker phrase ("View this post on Instagram",
    "A post shared by"). Paragraphs between an "open" and the next "close" marker, at most
    EMBED_LOOKBACK_STRONG of them, are the embedded post.

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"embed_marker"`` for markers, ``"social_embed"`` for posts between markers.

    Examples
    --------
    >>> body = "View this post on Instagram\\nSunset!\\nA post shared by Jo (@jo)"
    >>> [(f.index, f.kind) for f in detect_embed_markers(split_paragraphs(body), load_boilerplate())]
    [(0, 'embed_marker'), (1, 'social_embed'), (2, 'embed_marker')]
    """
    roles = {p.index: role for p in paragraphs if (role := _marker_kind(p.text, lexicon))}
    findings = []
    for index, role in sorted(roles.items()):
        findings.append(Finding(index, "embed_marker", f"embed marker line ({role})"))
        if role != "open":
            continue
        for gap in range(1, EMBED_LOOKBACK_STRONG + 2):
            after = index + gap
            if roles.get(after) == "close":
                findings.extend(
                    Finding(inner, "social_embed", f"post between embed markers {index} and {after}")
                    for inner in range(index + 1, after)
                )
                break
            if after in roles or after >= len(paragraphs):
                break
    return findings


def _bio_reason(text: str, lexicon: Boilerplate) -> tuple[str, str] | None:
    """Return (author name, reason) when the paragraph is an author bio with contact details."""
    opening = BIO_OPENING_RE.match(text)
    if opening is None or _word_count(text) > BIO_MAX_WORDS:
        return None
    name = opening.group("name")
    if not all(word[0].isupper() for word in name.split()):
        return None
    sentences = split_sentences(text)  # the Document's splitter: one sentence splitter in the project
    last_sentence = text[sentences[-1].start:sentences[-1].end] if sentences else text
    if _word_count(EMAIL_RE.sub(" ", last_sentence)) > CONTACT_MAX_WORDS:
        return None  # a long last sentence is news that mentions an address, not a contact line
    if EMAIL_RE.search(last_sentence):
        evidence = "an e-mail address"
    elif HANDLE_RE.search(last_sentence):
        evidence = "an @handle"
    elif _phrase_re(lexicon.bio_contact_cues).search(last_sentence):
        evidence = "a contact phrase"
    else:
        return None
    return name, f"author bio: '{name} is a ...' with {evidence} in its last sentence"


def detect_author_bio(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim author bios and the bare author-name line just before one.

    A bio starts with a capitalised name of two to four words followed by "is a/an/the" (or
    "was"), has at most BIO_MAX_WORDS words, and its last sentence is a contact line: at most
    CONTACT_MAX_WORDS words besides an address, giving an e-mail address, an @handle or a phrase
    like "can be reached". The paragraph just before a
    bio is claimed too when it is the same name alone (at most NAME_LINE_MAX_WORDS words).
    "Sun Yun is a director of ..." in an article has no contact details and stays.

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"author_bio"``.

    Examples
    --------
    >>> body = "Jo Roe\\nJo Roe is a reporter. Email jo@example.org"
    >>> [f.index for f in detect_author_bio(split_paragraphs(body), load_boilerplate())]
    [0, 1]
    """
    findings = []
    for paragraph in paragraphs:
        bio = _bio_reason(paragraph.text, lexicon)
        if bio is None:
            continue
        name, reason = bio
        if paragraph.index > 0:
            previous = paragraphs[paragraph.index - 1].text.rstrip(".:")
            if previous == name and _word_count(previous) <= NAME_LINE_MAX_WORDS:
                findings.append(
                    Finding(paragraph.index - 1, "author_bio", f"author name line before the bio of {name}")
                )
        findings.append(Finding(paragraph.index, "author_bio", reason))
    return findings


def detect_contact(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim paragraphs whose main content is a contact line.

    Either the paragraph holds an e-mail address and, without it, at most CONTACT_MAX_WORDS
    words; or it starts with a contact cue ("Contact", "Follow us"), holds an address or
    @handle and has at most CONTACT_CUE_MAX_WORDS words. A news paragraph that quotes an
    address inside a longer sentence is kept.

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"contact"``.

    Examples
    --------
    >>> body = "Talks ended.\\nTips? Write to news@example.org"
    >>> [f.index for f in detect_contact(split_paragraphs(body), load_boilerplate())]
    [1]
    """
    findings = []
    cue_re = _starts_with_re(lexicon.contact_cues)
    for paragraph in paragraphs:
        text = paragraph.text
        emails = EMAIL_RE.findall(text) if "@" in text else []
        if emails and _word_count(EMAIL_RE.sub(" ", text)) <= CONTACT_MAX_WORDS:
            findings.append(Finding(paragraph.index, "contact", f"short line around e-mail address {emails[0]!r}"))
        elif (
            cue_re.match(text)
            and (emails or HANDLE_RE.search(text))
            and _word_count(text) <= CONTACT_CUE_MAX_WORDS
        ):
            findings.append(Finding(paragraph.index, "contact", "short line opening with a contact cue"))
    return findings


def detect_read_more(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim link lines: a "Read more"-style label alone, or label, separator and a short headline.

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"read_more"``.

    Examples
    --------
    >>> body = "Talks ended.\\nALSO READ | Markets rally on hopes of a deal"
    >>> [f.index for f in detect_read_more(split_paragraphs(body), load_boilerplate())]
    [1]
    """
    line_re = re.compile(
        rf"(?:{_phrase_pattern(lexicon.read_more_cues)})"
        rf"(?:\s*{_READ_MORE_SEPARATOR}\s*(?P<headline>\S.*)|\s*[:.…]*)",
        re.IGNORECASE,
    )
    findings = []
    for paragraph in paragraphs:
        match = line_re.fullmatch(paragraph.text)
        if match is None:
            continue
        headline = match.group("headline")
        if headline is not None and _word_count(headline) > READ_MORE_MAX_WORDS:
            continue
        reason = "link line to another story" if headline else "bare 'read more' label"
        findings.append(Finding(paragraph.index, "read_more", reason))
    return findings


#: Paragraph texts in which no appeal cue can match, one set per cue pattern (held with its pattern, so
#: an id is not reused while its set lives): :func:`clean_text` runs the detectors again on what it kept,
#: and each paragraph was scanned once a pass. Bounded, for a long run and for many lexicons.
CUE_FREE_MEMO_MAX = 8192
_CUE_FREE: dict[int, tuple[re.Pattern[str], set[str]]] = {}


def _cue_free_texts(pattern: re.Pattern[str]) -> set[str]:
    found = _CUE_FREE.get(id(pattern))
    if found is None or found[0] is not pattern:
        if len(_CUE_FREE) > 64:
            _CUE_FREE.clear()
        found = _CUE_FREE[id(pattern)] = (pattern, set())
    return found[1]


def detect_appeals(paragraphs: Sequence[Paragraph], lexicon: Boilerplate) -> list[Finding]:
    """Claim donation and subscription appeals by counting distinct cue phrases.

    A paragraph is an appeal with at least APPEAL_MIN_CUES distinct cues, or with
    APPEAL_SHORT_MIN_CUES cues when it has at most APPEAL_SHORT_WORDS words, or when it is
    nothing but cues ("Support Now"). One "support" or "donation" in a news sentence is not a
    cue; the cues are phrases like "your support" and "make a donation". The kind is the
    family with more cues (ties: donation_appeal); shared cues ("paywalls") only add to the count.

    Parameters
    ----------
    paragraphs : sequence of Paragraph
    lexicon : Boilerplate

    Returns
    -------
    list of Finding
        Kind ``"donation_appeal"`` or ``"subscription_appeal"``.

    Examples
    --------
    >>> body = "Talks ended.\\nSubscribe now for unlimited access to our journalism."
    >>> [(f.index, f.kind) for f in detect_appeals(split_paragraphs(body), load_boilerplate())]
    [(1, 'subscription_appeal')]
    """
    families = (
        ("donation_appeal", lexicon.donation_cues),
        ("subscription_appeal", lexicon.subscription_cues),
        ("shared", lexicon.shared_appeal_cues),
    )
    family_of = {cue: family for family, cues in reversed(families) for cue in cues}
    every_cue = tuple(family_of)
    cue_re = _phrase_re(every_cue)
    findings = []
    lower_cue_re = _lower_phrase_re(every_cue)
    cue_free = _cue_free_texts(lower_cue_re)
    for paragraph in paragraphs:
        if paragraph.text in cue_free:
            continue  # found cue-free in an earlier pass over this page (clean_text runs the detectors again)
        low = lower_if_plain(paragraph.text)
        if low is not None and lower_cue_re.search(low) is None:
            if len(cue_free) >= CUE_FREE_MEMO_MAX:
                cue_free.clear()
            cue_free.add(paragraph.text)
            continue  # no cue can match (textnorm.lower_if_plain): the case-insensitive scan is skipped
        found = {" ".join(match.group().lower().split()) for match in cue_re.finditer(paragraph.text)}
        if not found:
            continue
        words = _word_count(paragraph.text)
        only_cues = not re.search(r"\w", cue_re.sub(" ", paragraph.text))
        if not (
            len(found) >= APPEAL_MIN_CUES
            or (words <= APPEAL_SHORT_WORDS and len(found) >= APPEAL_SHORT_MIN_CUES)
            or only_cues
        ):
            continue
        donation = sum(family_of.get(cue) == "donation_appeal" for cue in found)
        subscription = sum(family_of.get(cue) == "subscription_appeal" for cue in found)
        kind = "subscription_appeal" if subscription > donation else "donation_appeal"
        cues = ", ".join(repr(cue) for cue in sorted(found))
        findings.append(Finding(paragraph.index, kind, f"{len(found)} appeal cue(s) in {words} words: {cues}"))
    return findings


#: The general clutter detector of :mod:`framing.clutter` (captions, bylines, datelines, labels, ...).
#: :func:`clean_text` swaps it for one that knows the article's title and outlet.
detect_clutter: Detector = ClutterDetector()

#: The detectors :func:`clean_text` runs; when two claim a paragraph, the earlier one wins.
DEFAULT_DETECTORS: tuple[Detector, ...] = (
    detect_wire_credit,
    detect_social_embed,
    detect_embed_markers,
    detect_author_bio,
    detect_contact,
    detect_read_more,
    detect_appeals,
    detect_clutter,
)


# --------------------------------------------------------------------------------------------
# Step 3: assemble.
# --------------------------------------------------------------------------------------------


def assemble(paragraphs: Sequence[Paragraph], findings: Iterable[Finding]) -> CleanedText:
    """Keep the unclaimed paragraphs and turn claims into removals (the first claim wins).

    Parameters
    ----------
    paragraphs : sequence of Paragraph
        From :func:`split_paragraphs`; their offsets become the removals' offsets.
    findings : iterable of Finding
        Claims in priority order.

    Returns
    -------
    CleanedText
        Kept paragraphs joined by ``"\\n\\n"``, removals in text order, and the wire credits
        (deduplicated, in text order) joined by ``"; "`` or None.

    Examples
    --------
    >>> paragraphs = split_paragraphs("Kept.\\nDropped.")
    >>> result = assemble(paragraphs, [Finding(1, "read_more", "example")])
    >>> result.text, result.removed[0].start
    ('Kept.', 6)
    """
    claims: dict[int, Finding] = {}
    for finding in findings:
        claims.setdefault(finding.index, finding)
    kept: list[str] = []
    removed: list[Removal] = []
    credits: list[str] = []
    for paragraph in paragraphs:
        claim = claims.get(paragraph.index)
        if claim is None:
            kept.append(paragraph.text)
            continue
        removed.append(Removal(claim.kind, paragraph.text, claim.reason, paragraph.start, paragraph.end))
        if claim.credit and claim.credit not in credits:
            credits.append(claim.credit)
    return CleanedText("\n\n".join(kept), tuple(removed), "; ".join(credits) or None)


#: How the note of an article cleaning removed whole begins (the dashboard finds the note by it).
CLEANED_AWAY_NOTE_START = "no article text left after cleaning"


def cleaned_away_note(removed: Sequence[Removal]) -> str | None:
    """The note of a text that had words but lost all of them to cleaning, else None.

    Without it such a text got the note of a text with no letter at all ("only numbers, emoji…"),
    which misled a user whose one line was a byline or a "Read more" link.

    Examples
    --------
    >>> print(cleaned_away_note(clean_text("By Jane Roe").removed))
    no article text left after cleaning: all of it was taken as page clutter (byline), so every score is 0 and means nothing; the removed passages and the reasons are listed under 'removed'
    >>> cleaned_away_note(()) is None
    True
    """
    if not any(char.isalpha() for removal in removed for char in removal.text):
        return None
    kinds = ", ".join(dict.fromkeys(removal.kind.replace("_", " ") for removal in removed))
    return (f"{CLEANED_AWAY_NOTE_START}: all of it was taken as page clutter ({kinds}), so every score is 0 "
            "and means nothing; the removed passages and the reasons are listed under 'removed'")


def clean_text(
    raw: str,
    *,
    detectors: Sequence[Detector] = DEFAULT_DETECTORS,
    lexicon: Boilerplate | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> CleanedText:
    """Remove non-article text from a news body and record every removal.

    Splits the body into paragraphs (every non-empty line), runs the detectors (wire credits,
    social embeds and embed markers, author bios, contact lines, read-more lines, donation and
    subscription appeals) and keeps what none of them claimed. Nothing vanishes silently: each
    non-whitespace character of ``raw`` is either in ``text`` or in one ``Removal``.
    Cleaning is idempotent: ``clean_text(clean_text(x).text).text == clean_text(x).text``.

    Parameters
    ----------
    raw : str
        The article body as loaded (front matter and date line already stripped).
    detectors : sequence of Detector, optional
        The detectors to run, in priority order; defaults to :data:`DEFAULT_DETECTORS`.
    lexicon : Boilerplate, optional
        Cue phrases; defaults to the bundled ``framing/lexicons/boilerplate.json``.

    Returns
    -------
    CleanedText
        ``text``: kept paragraphs, stripped, joined by ``"\\n\\n"``. ``removed``: one
        ``Removal(kind, text, reason, start, end)`` per removed paragraph, in text order, with
        ``raw[start:end] == text``. ``credit``: wire credits found, joined by ``"; "``, or None.

    Raises
    ------
    TypeError
        If ``raw`` is not a string.

    Examples
    --------
    >>> result = clean_text(
    ...     "Talks resumed on Monday.\\n\\nRead more: Talks stall again\\n\\n(With inputs from Reuters)"
    ... )
    >>> result.text
    'Talks resumed on Monday.'
    >>> [removal.kind for removal in result.removed]
    ['read_more', 'wire_credit']
    >>> result.credit
    'Reuters'
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean_text expects the body as a str, got {type(raw).__name__}")
    cue_phrases = load_boilerplate() if lexicon is None else lexicon
    paragraphs = split_paragraphs(raw)
    if title or outlet:
        contextual: Detector = ClutterDetector(title=title, outlet=outlet)
        detectors = [contextual if detector is detect_clutter else detector for detector in detectors]
    # Run the detectors again on what they kept until nothing new is found: rules that look at the
    # whole page (its header and footer, its script, repeated lines) can see more once clutter is
    # gone, and a fixed point is what makes cleaning idempotent.
    claimed: dict[int, Finding] = {}
    for _ in range(MAX_CLEANING_PASSES):
        kept = [p for p in paragraphs if p.index not in claimed]
        view = tuple(Paragraph(n, p.text, p.start, p.end) for n, p in enumerate(kept))
        found = [finding for detector in detectors for finding in detector(view, cue_phrases)]
        new = {}
        for finding in found:
            original = kept[finding.index].index
            if original not in claimed and original not in new:
                new[original] = Finding(original, finding.kind, finding.reason, finding.credit)
        if not new:
            break
        claimed.update(new)
    return assemble(paragraphs, [claimed[index] for index in sorted(claimed)])


#: Characters of a text :func:`first_content_line` cleans, cut at a line end when there is one: a
#: title comes from a text's opening lines, and cleaning a 10 MB pasted text whole for its title took
#: 7 s of the server's CPU (measured 2026-12-03). Twice the analysed length (pipeline.MAX_ARTICLE_CHARS).
FIRST_LINE_SCAN_CHARS = 200_000


def first_content_line(raw: str, *, outlet: str | None = None) -> str:
    """The first line of ``raw`` that cleaning keeps (so never "ADVERTISEMENT" or a byline).

    Falls back to the first non-empty line when cleaning keeps nothing. Only the first
    :data:`FIRST_LINE_SCAN_CHARS` are read.

    Examples
    --------
    >>> first_content_line("ADVERTISEMENT\\nTalks resume in Geneva\\nBoth sides met.")
    'Talks resume in Geneva'
    """
    if len(raw) > FIRST_LINE_SCAN_CHARS:
        line_end = raw.rfind("\n", 0, FIRST_LINE_SCAN_CHARS)
        raw = raw[:line_end] if line_end > 0 else raw[:FIRST_LINE_SCAN_CHARS]
    cleaned = clean_text(raw, outlet=outlet)
    kept = cleaned.text.split("\n\n", 1)[0].strip()
    if kept:
        return kept
    return next((line.strip() for line in raw.split("\n") if line.strip()), "")
