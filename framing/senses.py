"""Sense and context rules: when a matched lexicon term counts as frame evidence, as editable data.

A lexicon says *which* words are evidence; this file says *when*. Like spaCy's Matcher patterns,
rules are data (``lexicons/frame_rules.csv``, one rule a row), so a user can read, extend or
replace them, and a bad row is reported with its file and line. Rule kinds (column ``rule``):

``never``
    the term never counts (``@NUMBER``: a match made only of digits never counts).
``exclude_phrase``
    the term does not count inside the phrase given in ``context`` ("social security").
``only_form``
    the term counts only in the surface forms listed (``arms``, not ``arm``).
``not_after`` / ``not_before``
    the term does not count when one of the ``|``-separated context words stands within
    ``window`` words before / after it (``@POSSESSIVE`` before ``arms``). A window of 1 means the
    word right beside the term, with no punctuation between ("the Ohio secretary of state", not
    "in Ohio, Secretary of State ...").
``require_near``
    the term counts only when a context word stands within ``window`` words on either side
    (``meet`` only near a party: ``@NAME``, "counterpart", "minister", ...).
``not_name``
    the term does not count when it is written with a capital letter inside a sentence: then it is
    a person's name ("Sen. Tom Cotton", "Susan E. Rice", "Levy argued"), not the traded good or the
    import levy. A word in capitals throughout, a word in a title-case headline (every other content
    word of the sentence capitalised: "Oil Prices Soar") and the first word of a sentence still count;
    a period after an initial or a short title ("E.", "Mr.", "Sen.") does not end a sentence.
``attribution``
    the term does not count when a speech verb ("told", "said", "according") stands within
    ``window`` words: a speaker's job title is sourcing, not the paragraph's frame.
    ``term`` may name a lexicon subcategory as ``@frame/subcategory``.

An optional ``forms`` column limits a rule to some surface forms (``meet|meets|met``, so the noun
"meeting", which has the same lemma, is not held to the verb's rule).
Context words are compared with the surface form (lower case) and the lemma; windows never cross
sentence punctuation (``. ! ? ;``), but the windows of ``not_after``, ``not_before`` and
``require_near`` count a dotted initialism ("U.S.") as one word whose dots end no sentence. Every dropped match keeps the rule's line, so a reader can see
why a word was not counted.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data_files import data_source, read_data_text

from .errors import LexiconError
from .segment import tokenize
from .types import FRAMES, Token

__all__ = ["ContextRule", "ContextRules", "extend_rules", "load_default_rules", "load_rules", "parse_rules", "RULE_KINDS"]

RULE_KINDS = ("never", "exclude_phrase", "only_form", "not_after", "not_before", "require_near", "attribution", "not_name")
#: Rules whose ``context`` is a ``|``-separated word list searched within ``window`` words.
_WINDOW_KINDS = frozenset({"not_after", "not_before", "require_near", "attribution"})
#: Special context words: any possessive, any capitalised word that does not start a sentence.
SPECIAL_WORDS = frozenset({"@POSSESSIVE", "@NAME"})
POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their", "one's"})
MAX_WINDOW = 10
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|@[A-Z]+")
_SENTENCE_BREAK = re.compile(r"[.!?;]")
#: A capitalised word of at most this many letters before a period is an initial or a title ("E.", "Sen."),
#: not a sentence's end, for ``not_name``.
_SHORT_CAPITAL = 3
#: Words looked at on each side of a term to tell a title-case headline from prose, for ``not_name``.
_TITLE_WINDOW = 8
_TITLE_BREAK = re.compile(r"[.!?;,:()\[\]\"“”]")
_REQUIRED = ("rule", "term")


@dataclass(frozen=True, slots=True)
class ContextRule:
    """One validated rule row; ``line`` is its line in ``source``."""

    kind: str
    term: str
    key: tuple[str, ...]
    context: tuple[str, ...]
    phrase: tuple[tuple[str, ...], ...]
    window: int
    note: str
    source: str
    line: int
    #: Surface forms the rule is limited to (empty: every form of the term), e.g. meet|meets|met.
    forms: tuple[str, ...] = ()

    def describe(self) -> str:
        """Return ``source line N: kind`` for explanations."""
        return f"{self.source} line {self.line}: {self.kind}"


@dataclass(frozen=True, slots=True)
class ContextRules:
    """A set of rules, applied to the matches of one token list: a pure component.

    Call it with the tokens, the matches ``(term index, start, end)`` and the lexicon terms (for
    their keys and subcategories); it returns the matches that count and the dropped ones with
    the rule that dropped each.
    """

    rules: tuple[ContextRule, ...]
    source: str = ""

    def __call__(
        self,
        tokens: Sequence[Token],
        matches: Sequence[tuple[int, int, int]],
        terms: Sequence[object],
        text: str | None = None,
    ) -> tuple[list[tuple[int, int, int]], list[tuple[tuple[int, int, int], ContextRule]]]:
        if not self.rules or not matches:
            return list(matches), []
        by_term, by_group, cues = self._index()
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        # Every lower-case form and lemma of the document: a rule whose context words are all absent
        # cannot fire, so it is not tried (most rules' words are in few documents; issue 16).
        present = {t.lower for t in tokens} | {t.lemma for t in tokens}
        kept: list[tuple[int, int, int]] = []
        dropped: list[tuple[tuple[int, int, int], ContextRule]] = []
        numbers = by_term.get(("@NUMBER",), ())
        per_term: dict[int, tuple[tuple[str, ...], list[ContextRule]]] = {}  # term index -> (key, its rules)
        for match in matches:
            index, start, end = match
            if index in per_term:
                key, candidates = per_term[index]
            else:
                term = terms[index]
                key = getattr(term, "key", ())
                group = f"@{getattr(term, 'frame', '')}/{getattr(term, 'subcategory', '')}"
                candidates = [r for r in (*by_term.get(key, ()), *by_group.get(group, ()), *numbers)
                              if _may_fire(cues[id(r)], present)]
                per_term[index] = (key, candidates)
            first, last = starts.get(start), ends.get(end)
            rule = None
            if first is not None and last is not None:
                rule = next((r for r in candidates if _fires(r, tokens, first, last, key, text)), None)
            if rule is None:
                kept.append(match)
            else:
                dropped.append((match, rule))
        return kept, dropped

    def _index(self) -> _RuleIndex:
        # Looked up by the rules tuple's identity: hashing it (every rule's fields) cost more than the lookup saved.
        found = _INDEXES.get(id(self.rules))
        if found is None or found[0] is not self.rules:
            if len(_INDEXES) > 16:
                _INDEXES.clear()
            found = _INDEXES[id(self.rules)] = (self.rules, _index_rules(self.rules))
        return found[1]


#: Rules by term key, rules by ``@frame/subcategory`` group, and each rule's cue words (by ``id``,
#: see :func:`_cue_words`); the rules tuple is held with it, so the ids stay those of live rules.
_RuleIndex = tuple[dict[tuple[str, ...], list[ContextRule]], dict[str, list[ContextRule]], dict[int, "tuple[frozenset[str], ...] | None"]]
_INDEXES: dict[int, tuple[tuple[ContextRule, ...], _RuleIndex]] = {}
#: Rule kinds that fire only when a context word (or every word of an excluding phrase) stands near
#: the term; ``require_near`` fires when none does, so it is always tried.
_NEEDS_CONTEXT = frozenset({"exclude_phrase", "not_after", "not_before", "attribution"})


@lru_cache(maxsize=16)
def _index_rules(rules: tuple[ContextRule, ...]) -> _RuleIndex:
    by_term: dict[tuple[str, ...], list[ContextRule]] = {}
    by_group: dict[str, list[ContextRule]] = {}
    for rule in rules:
        if rule.term.startswith("@") and "/" in rule.term:
            by_group.setdefault(rule.term, []).append(rule)
        else:
            by_term.setdefault(rule.key, []).append(rule)
    return by_term, by_group, {id(rule): _cue_words(rule) for rule in rules}


def _cue_words(rule: ContextRule) -> tuple[frozenset[str], ...] | None:
    """Word sets of which the document must hold one whole (as a lower-case form or a lemma) for
    ``rule`` to fire; None when the rule can fire without any (``never``, ``require_near``, @NAME ...).

    >>> rule = ContextRule("not_after", "deal", ("deal",), ("card", "cards"), (), 2, "", "x", 2)
    >>> sorted(map(sorted, _cue_words(rule)))
    [['card'], ['cards']]
    """
    if rule.kind not in _NEEDS_CONTEXT:
        return None
    if rule.kind == "exclude_phrase":
        return tuple(frozenset(phrase) for phrase in rule.phrase)
    if SPECIAL_WORDS.intersection(rule.context):
        return None
    return tuple(frozenset((word,)) for word in rule.context)


def _may_fire(cues: tuple[frozenset[str], ...] | None, present: set[str]) -> bool:
    return cues is None or any(words <= present for words in cues)


def _fires(rule: ContextRule, tokens: Sequence[Token], first: int, last: int, key: tuple[str, ...], text: str | None) -> bool:
    kind = rule.kind
    if rule.forms and " ".join(tokens[i].lower for i in range(first, last + 1)) not in rule.forms:
        return False
    if kind == "never":
        if rule.term == "@NUMBER":
            return all(tokens[i].lower.isdigit() for i in range(first, last + 1))
        return True
    if kind == "not_name":
        return _written_as_name(tokens, first, text)
    if kind == "only_form":
        surface = " ".join(tokens[i].lower for i in range(first, last + 1))
        return surface not in rule.context
    if kind == "exclude_phrase":
        return any(_inside_phrase(phrase, tokens, first, last, key) for phrase in rule.phrase)
    if kind == "not_after":
        return any(_is(rule.context, tokens, j, text) for j in _window(tokens, first, -rule.window, text, initialisms=True))
    if kind == "not_before":
        return any(_is(rule.context, tokens, j, text) for j in _window(tokens, last, rule.window, text, initialisms=True))
    # An attribution window still stops at the dots of "U.S.": in "X said U.S. negotiators are ..." the
    # negotiators are what was said, not the speaker (4 of the 6 dev matches reaching across were so).
    whole = kind == "require_near"
    near = [*_window(tokens, first, -rule.window, text, initialisms=whole),
            *_window(tokens, last, rule.window, text, initialisms=whole)]
    hit = any(_is(rule.context, tokens, j, text) for j in near)
    return not hit if kind == "require_near" else hit  # attribution fires when a speech verb is near


def _window(tokens: Sequence[Token], at: int, size: int, text: str | None, *, initialisms: bool = False) -> list[int]:
    """Token indexes within ``size`` words before (size < 0) or after ``at``, stopping at sentence punctuation.

    A window of one word is the word written right beside the term (one space or hyphen between,
    ``Token.joins_previous``): "Ohio secretary of state", not "in Ohio, Secretary of State ...".
    With ``initialisms`` (and ``text``), a dotted initialism ("U.S.", "U.N.") is one word and its
    dots end no sentence, so in "a veteran U.S. diplomat" the diplomat is the second word after
    "veteran"; without it, the dots stop the window as any period does.
    """
    text_ = text if initialisms else None
    out: list[int] = []
    step = -1 if size < 0 else 1
    j = at
    words = 0
    while words < abs(size):
        k = j + step
        if not 0 <= k < len(tokens):
            break
        left, right = (k, j) if step < 0 else (j, k)
        dotted = text_ is not None and _initialism_dot(tokens[left], text_) and not _starts_sentence(tokens[right], text_)
        if abs(size) == 1 and not (tokens[right].joins_previous or dotted):
            break
        if text is not None and not dotted and _SENTENCE_BREAK.search(text, tokens[left].end, tokens[right].start):
            break
        out.append(k)
        if not (text_ is not None and _same_initialism(tokens[left], tokens[right], text_)):
            words += 1
        j = k
    while text_ is not None and out and 0 <= out[-1] + step < len(tokens):  # the rest of an initialism the window ends in
        left, right = sorted((out[-1], out[-1] + step))
        if not _same_initialism(tokens[left], tokens[right], text_):
            break
        out.append(out[-1] + step)
    return out


def _starts_sentence(token: Token, text: str) -> bool:
    """True for a capitalised function word ("The", "He", "But"): after "U.S." it starts a new sentence."""
    from .stopwords import ENGLISH_STOP_WORDS

    word = text[token.start:token.end]
    return word[:1].isupper() and word.lower() in ENGLISH_STOP_WORDS


def _initialism_dot(token: Token, text: str) -> bool:
    """True when ``token`` is a capital letter written with a dot, inside or at the end of an initialism ("U.S.")."""
    if token.end - token.start != 1 or not text[token.start].isupper() or text[token.end:token.end + 1] != ".":
        return False
    after = text[token.end + 1:token.end + 2]
    before = text[token.start - 2:token.start] if token.start >= 2 else ""
    # U.S.: the next letter follows the dot, or this letter follows another's dot
    return (after.isalpha() and after.isupper()) or (before[1:] == "." and before[:1].isupper())


def _same_initialism(left: Token, right: Token, text: str) -> bool:
    """True when two tokens are letters of one dotted initialism ("U" and "S" of "U.S.")."""
    return left.end - left.start == 1 and right.end - right.start == 1 and text[left.end:right.start] == "."


def _is(words: tuple[str, ...], tokens: Sequence[Token], j: int, text: str | None) -> bool:
    token = tokens[j]
    for word in words:
        if word == "@POSSESSIVE":
            if token.lower in POSSESSIVES or token.lower.endswith("'s"):
                return True
        elif word == "@NAME":
            if text is not None and text[token.start].isupper() and j > 0 and not _sentence_start(tokens, j, text):
                return True
        elif token.lower == word or token.lemma == word:
            return True
    return False


def _written_as_name(tokens: Sequence[Token], j: int, text: str | None) -> bool:
    """True when token ``j`` is capitalised (not all capitals) and not the first word of a sentence."""
    if text is None or j == 0:
        return False
    word = text[tokens[j].start:tokens[j].end]
    if not word[:1].isupper() or word.isupper():
        return False
    before = tokens[j - 1]
    if _sentence_start(tokens, j, text):
        previous = text[before.start:before.end]
        initial = text[before.end:tokens[j].start].strip() == "." and previous[:1].isupper()
        if not (initial and len(previous) <= _SHORT_CAPITAL):
            return False
    return not _title_case(tokens, j, text)


def _title_case(tokens: Sequence[Token], j: int, text: str) -> bool:
    """True when token ``j`` stands in a title-case headline ("Oil Prices Soar", "Japan Opens Its Rice
    Market"): the content words beside it, up to a comma, bracket or sentence mark, are all capitalised,
    and at least one of them follows it (in prose a name is followed by a verb, a comma or a bracket)."""
    from .stopwords import ENGLISH_STOP_WORDS

    found: dict[int, list[str]] = {-1: [], 1: []}
    for step in (-1, 1):
        k = j
        for _ in range(_TITLE_WINDOW):
            nxt = k + step
            if not 0 <= nxt < len(tokens):
                break
            left, right = (tokens[nxt], tokens[k]) if step < 0 else (tokens[k], tokens[nxt])
            if _TITLE_BREAK.search(text, left.end, right.start):
                break
            word = text[tokens[nxt].start:tokens[nxt].end]
            if len(word) >= 3 and word[0].isalpha() and word.lower() not in ENGLISH_STOP_WORDS:
                found[step].append(word)
            k = nxt
    words = found[-1] + found[1]
    return bool(found[1]) and len(words) >= 2 and all(w[0].isupper() for w in words)


def _sentence_start(tokens: Sequence[Token], j: int, text: str) -> bool:
    return bool(_SENTENCE_BREAK.search(text, tokens[j - 1].end, tokens[j].start))


def _inside_phrase(phrase: tuple[str, ...], tokens: Sequence[Token], first: int, last: int, key: tuple[str, ...]) -> bool:
    # The phrase is given by surface words; the matched term sits somewhere inside it.
    size = len(phrase)
    for offset in range(size):
        begin = first - offset
        if begin < 0 or begin + size > len(tokens) or begin + size - 1 < last:
            continue
        for k, word in enumerate(phrase):
            token = tokens[begin + k]
            if not (token.lower == word or (token.lemma == word and len(word) > 3)) or (k and not token.joins_previous):
                break
        else:
            return True
    return False


# -- loading --------------------------------------------------------------------------------------
def load_default_rules() -> ContextRules:
    """Return the rules shipped with the package (``framing/lexicons/frame_rules.csv``).

    Examples
    --------
    >>> rules = load_default_rules()
    >>> sorted({r.kind for r in rules.rules}) == sorted(RULE_KINDS)
    True
    """
    return _load_packaged()


@lru_cache(maxsize=1)
def _load_packaged() -> ContextRules:
    return parse_rules(read_data_text("frame_rules.csv"), source=data_source("frame_rules.csv"))


def load_rules(path: str | Path) -> ContextRules:
    """Read and validate a user rules CSV; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise LexiconError(f"{path.name}: cannot read rules file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path.name}: rules file is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    return parse_rules(text, source=path.name)


def extend_rules(base: ContextRules, extra: ContextRules) -> ContextRules:
    """``base`` with ``extra``'s rules added: a user's file adds exclusions, it cannot switch one off.

    Examples
    --------
    >>> extra = parse_rules("rule,term,context,window\\nexclude_phrase,deal,deal with,\\n", source="mine.csv")
    >>> both = extend_rules(load_default_rules(), extra)
    >>> len(both.rules) == len(load_default_rules().rules) + 1, both.source.endswith("+ mine.csv")
    (True, True)
    """
    return ContextRules(base.rules + extra.rules, source=f"{base.source} + {extra.source}")


def parse_rules(text: str, *, source: str) -> ContextRules:
    """Validate rules CSV text (columns ``rule, term, context, window, note``).

    Raises
    ------
    LexiconError
        Unknown rule kind, empty term, missing or malformed context, a window that is not a whole
        number from 1 to 10, or an exclusion phrase that does not contain its term; the message
        names file and line.

    Examples
    --------
    >>> rules = parse_rules("rule,term,context,window\\nexclude_phrase,security,social security,\\n", source="r.csv")
    >>> rules.rules[0].phrase
    (('social', 'security'),)
    >>> parse_rules("rule,term,context,window\\nnot_after,arms,his,0\\n", source="r.csv")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: r.csv line 2: window '0' must be a whole number from 1 to 10
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise LexiconError(f"{source}: missing column(s) {', '.join(missing)}; the header must be 'rule,term,context,window,note'")
    reader.fieldnames = columns
    rules = [_parse_rule(row, source=source, line=reader.line_num) for row in reader]
    return ContextRules(tuple(rules), source=source)


def _parse_rule(row: dict[str | None, str | list[str] | None], *, source: str, line: int) -> ContextRule:
    where = f"{source} line {line}"
    if row.get(None):
        raise LexiconError(f"{where}: more cells than columns; put a note that contains a comma in double quotes")
    kind = str(row.get("rule") or "").strip().lower()
    term = str(row.get("term") or "").strip().lower()
    context_text = str(row.get("context") or "").strip().lower()
    window_text = str(row.get("window") or "").strip()
    note = str(row.get("note") or "").strip()
    forms = tuple(f.strip() for f in str(row.get("forms") or "").lower().split("|") if f.strip())
    if kind not in RULE_KINDS:
        raise LexiconError(f"{where}: unknown rule '{kind}' (use one of {', '.join(RULE_KINDS)})")
    if not term:
        raise LexiconError(f"{where}: empty term; write the lexicon term the rule is about")
    if term.startswith("@"):
        term = term.upper() if "/" not in term else term
        group = term[1:].split("/")
        ok = term == "@NUMBER" or (len(group) == 2 and group[0] in FRAMES and group[1].isidentifier())
        if not ok:
            raise LexiconError(f"{where}: term '{term}' is not @NUMBER or @frame/subcategory (frames: {', '.join(FRAMES)})")
        if term == "@NUMBER" and kind != "never":
            raise LexiconError(f"{where}: @NUMBER can only be used with the rule 'never'")
        key: tuple[str, ...] = (term,)
    else:
        key = tuple(t.lemma for t in tokenize(term))
        if not key or not re.fullmatch(r"[^\W_]+(?:[ '’\-][^\W_]+)*", term):
            raise LexiconError(f"{where}: term '{term}' must be a plain word or phrase, as in the lexicon")
    window = 0
    if kind in _WINDOW_KINDS:
        if not window_text.isdigit() or not 1 <= int(window_text) <= MAX_WINDOW:
            raise LexiconError(f"{where}: window '{window_text}' must be a whole number from 1 to {MAX_WINDOW}")
        window = int(window_text)
    context: tuple[str, ...] = ()
    phrase: tuple[tuple[str, ...], ...] = ()
    if kind == "exclude_phrase":
        words = tuple(w.lower().replace("’", "'") for w in _WORD.findall(context_text))
        if not words:
            raise LexiconError(f"{where}: exclude_phrase needs the phrase in 'context' (e.g. 'social security')")
        lemmas = tuple(t.lemma for t in tokenize(context_text))
        if not _contains(lemmas, key) and not _contains(words, tuple(term.replace("-", " ").split())):
            raise LexiconError(f"{where}: phrase '{context_text}' does not contain the term '{term}'")
        phrase = (tuple(t.lower for t in tokenize(context_text)),)
    elif kind in _WINDOW_KINDS or kind == "only_form":
        context = tuple(w.strip().replace("’", "'") for w in context_text.split("|") if w.strip())
        if not context:
            raise LexiconError(f"{where}: rule '{kind}' needs '|'-separated words in 'context'")
        for word in context:
            if word.startswith("@") and word.upper() not in SPECIAL_WORDS:
                raise LexiconError(f"{where}: unknown special word '{word}' (use {', '.join(sorted(SPECIAL_WORDS))})")
        context = tuple(w.upper() if w.startswith("@") else w for w in context)
    elif context_text:
        raise LexiconError(f"{where}: rule '{kind}' takes no context; leave the column empty")
    return ContextRule(kind, term, key, context, phrase, window, note, source, line, forms)


def _contains(seq: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(seq[i : i + n] == part for i in range(len(seq) - n + 1))
