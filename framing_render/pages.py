"""HTML of the dashboard's evidence pages: the words and frame-words tables, the lexicon table and
the passage cards, from Jinja2 templates with autoescape (``templates/words_table``, ``evidence_table``,
``lexicon_table``, ``passage``). Pages pass numbers and spans; nothing here reads session state."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from framing.compare import TermTotal
from framing.lexicon import Lexicon
from framing.selection import Passage
from framing.types import FRAMES, DistinctiveTerm

from .article import emphasise_evidence
from .jinja import render
from .palette import FRAME_COLOURS, FRAME_TINTS
from .text import Markup, number

__all__ = ["words_table_html", "evidence_table_html", "lexicon_table_html", "passage_html", "passages_html"]


def words_table_html(passing: Mapping[str, Sequence[DistinctiveTerm]]) -> str:
    """One row per outlet: its distinctive words with z-score and count ("none passes" when empty).

    >>> from framing.types import DistinctiveTerm
    >>> html = words_table_html({"A<b>": [DistinctiveTerm("tariff", 2.5, 4)], "B": []})
    >>> "<bdi>A&lt;b&gt;</bdi>" in html and "z 2.5 · ×4" in html and "none passes" in html
    True
    """
    return render("words_table.html.j2", rows=list(passing.items()))


def evidence_table_html(rows: Sequence[tuple[str, Mapping[str, Sequence[TermTotal]]]],
                        context: Collection[str] = frozenset()) -> str:
    """One row per outlet, a column per frame: the lexicon terms that added most (``selection.evidence_table``).

    Terms in ``context`` (``selection.context_terms``: foreign places and states, officials' titles) are
    listed after the others under "places and officials", so "ukraine" or "german" is not read as a word
    of diplomatic framing.
    """
    split = [(name, {f: ([t for t in by_frame[f] if t.term not in context], [t for t in by_frame[f] if t.term in context])
                     for f in FRAMES}) for name, by_frame in rows]
    return render("evidence_table.html.j2", rows=split, frames=FRAMES)


def lexicon_table_html(lexicon: Lexicon) -> str:
    """Every lexicon term by frame, grouped by subcategory, heaviest first, each with its weight."""
    by_frame: dict[str, list[str]] = {}
    for term in sorted(lexicon.terms, key=lambda t: (t.frame, t.subcategory or "", -t.weight, t.term)):
        by_frame.setdefault(term.frame, []).append(f"{term.term} {number(term.weight, 1)}")
    return render("lexicon_table.html.j2", rows=list(by_frame.items()))


def passage_html(passage: Passage) -> str:
    """One passage: the sentence with the frame's words in bold, then its score, words and title."""
    sentence, wanted = passage.sentence, passage.frame
    evidence = [e for e in sentence.evidence if e.frame == wanted]
    marked: Markup = emphasise_evidence(sentence.text, evidence, offset=sentence.start)
    return render("passage.html.j2", tint=FRAME_TINTS[wanted], colour=FRAME_COLOURS[wanted], marked=marked,
                  frame=wanted, score=passage.score, terms=sorted(evidence, key=lambda e: -e.weight),
                  title=passage.article.title)


def passages_html(passages: Sequence[Passage], frame: str) -> str:
    """An outlet's passage cards for ``frame`` (``selection.top_passages``), or a note that it has none.

    >>> passages_html([], "trade")
    '<p class="fl-passage-meta">No sentence uses a trade word from the lexicon.</p>'
    """
    if not passages:
        return str(Markup('<p class="fl-passage-meta">No sentence uses a {} word from the lexicon.</p>').format(frame))
    return "".join(passage_html(p) for p in passages)
