"""Common-noun referents: things outlets name without a capital letter ("ballistic missile",
"intermediate-range missile", "the missile").

Why from the aligned facts: a lower-case noun is only a referent worth a naming table when several
outlets state the same fact with it; across all words it would be every noun of the corpus. So a
head noun qualifies when the aligned mentions of one fact use it in two or more outlets, and the
outlets write it with at least two different sets of modifiers (which is what a naming choice is).
Each use of the head anywhere in an outlet's text is then a mention, with its modifiers as the form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from .stopwords import ENGLISH_STOP_WORDS

from .types import CoverageSource, Fact, NamingMention

__all__ = ["MAX_COMMON_REFERENTS", "common_mentions"]

#: Common-noun referents kept (most widely shared first): names stay the bulk of the table.
MAX_COMMON_REFERENTS = 5
#: Modifier words taken before a head noun ("suspected intermediate-range ballistic").
MAX_MODIFIERS = 3
_WORD = re.compile(r"[a-z][\w-]*")


def _modifier_like(word: str, nouns: set[str]) -> bool:
    """A lower-case word that can modify a head noun: hyphenated ("intermediate-range") or one the
    corpus uses after a determiner; participles and plural forms are mostly verbs here ("fires", "launched")."""
    if word in ENGLISH_STOP_WORDS or word.isdigit():
        return False
    if "-" in word:
        return True
    return word in nouns and not word.endswith(("ed", "ing", "s"))


def _before_noun(text: str, end: int, nouns: set[str]) -> bool:
    following = re.match(r" ([a-z][\w-]*)", text[end : end + 40])
    return following is not None and following.group(1) in nouns and following.group(1) not in ENGLISH_STOP_WORDS


def _heads(reports: dict[str, CoverageSource], facts: Sequence[Fact], nouns: set[str]) -> Counter[str]:
    """Lower-case head nouns used in two or more outlets' mentions of one fact, by outlets."""
    outlets_of: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if len(fact.outlets) < 2:
            continue
        per_outlet: dict[str, set[str]] = defaultdict(set)
        for m in fact.mentions:
            report = reports.get(m.article)
            if report is not None:
                per_outlet[report.outlet].update(w for w in _WORD.findall(report.text[m.start : m.end])
                                                 if w in nouns and w not in ENGLISH_STOP_WORDS and len(w) > 3)
        shared = Counter(w for words in per_outlet.values() for w in words)
        for word, count in shared.items():
            if count >= 2:
                outlets_of[word].update(o for o, words in per_outlet.items() if word in words)
    return Counter({w: len(o) for w, o in outlets_of.items()})


def common_mentions(
    reports: Sequence[CoverageSource],
    facts: Sequence[Fact],
    nouns: set[str],
    inside: Callable[[str, int], bool],
    exclude: set[str],
) -> dict[str, list[NamingMention]]:
    """Mentions of the common-noun referents, keyed by head noun; ``inside(article, offset)`` says quoted.

    ``exclude`` holds lower-case words already naming a referent (titles, swapped wordings).
    """
    by_id = {r.id: r for r in reports}
    found: dict[str, list[NamingMention]] = {}
    ranked = []
    tried = 0
    for head, outlets in sorted(_heads(by_id, facts, nouns).items(), key=lambda kv: (-kv[1], kv[0])):
        if head in exclude:
            continue
        tried += 1
        if tried > 4 * MAX_COMMON_REFERENTS:
            break  # each head tried reads every text: bounded
        pattern = re.compile(r"(?<![\w-])" + re.escape(head) + r"(?![\w-])")
        items = []
        for report in reports:
            text = report.text
            for match in pattern.finditer(text):
                start = match.start()
                taken = 0
                while taken < MAX_MODIFIERS:
                    before = re.search(r"([a-z][\w-]*) $", text[max(0, start - 40) : start])
                    if not before or not _modifier_like(before.group(1), nouns):
                        break
                    start -= len(before.group(1)) + 1
                    taken += 1
                items.append(NamingMention(report.id, start, match.end(), text[start : match.end()],
                                           inside(report.id, match.start())))
        followed = sum(1 for m in items if _before_noun(by_id[m.article].text, m.end, nouns))
        if 2 * followed >= len(items):
            continue  # mostly a modifier itself ("ballistic missile", "resupply mission")
        forms = {m.form for m in items}
        if len(forms) >= 2 and any(" " in f for f in forms):
            ranked.append((-outlets, -len(items), head, items))
    for _, _, head, items in sorted(ranked)[:MAX_COMMON_REFERENTS]:
        found[head] = items
    return found
