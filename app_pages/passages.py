"""Passages: for one frame, each outlet's strongest sentences side by side, with scores and evidence."""

from __future__ import annotations

import streamlit as st

from framing.highlights import emphasise_evidence
from framing.palette import FRAME_COLOURS, FRAME_TINTS
from framing.types import FRAMES, ArticleReport, SentenceReport
from ui.markup import esc, esc_name, outlet_heading
from ui.state import get_view

#: Outlets per row of columns (five narrow columns would break sentences into a few words a line).
COLUMNS_PER_ROW = 3
#: Choices for the number of passages per outlet.
MAX_PASSAGES = 6

st.session_state.setdefault("passage_frame", FRAMES[1])
st.session_state.setdefault("passage_count", 3)

view = get_view()
report = view.report

left, right = st.columns([3, 2])
frame = left.radio("Frame", FRAMES, key="passage_frame", horizontal=True, format_func=str.capitalize)
count = right.slider("Passages per outlet", 1, MAX_PASSAGES, key="passage_count")
st.caption(
    f"The sentences with the highest {frame} score in each outlet. A sentence's score is the sum of the "
    "weights of the frame words in it: they are in bold, with their weights listed under the sentence."
)


def marked_sentence(sentence: SentenceReport, wanted: str) -> str:
    """The sentence escaped, with the chosen frame's evidence terms in bold."""
    evidence = (e for e in sentence.evidence if e.frame == wanted)
    return emphasise_evidence(sentence.text, evidence, offset=sentence.start)


def passage_html(article: ArticleReport, sentence: SentenceReport, wanted: str) -> str:
    terms = sorted((e for e in sentence.evidence if e.frame == wanted), key=lambda e: -e.weight)
    listed = ", ".join(f"{esc(e.term)} {e.weight:.2f}" for e in terms)
    style = f"background:{FRAME_TINTS[wanted]};border-left:5px solid {FRAME_COLOURS[wanted]}"
    return (
        f'<div class="fl-passage" style="{style}">{marked_sentence(sentence, wanted)}</div>'
        f'<div class="fl-passage-meta"><b>{wanted} score {sentence.frames[wanted]:.2f}</b> · {listed}'
        f" · <i>{esc_name(article.title)}</i></div>"
    )


names = [o.outlet for o in report.outlets]
for row_start in range(0, len(names), COLUMNS_PER_ROW):
    row = names[row_start:row_start + COLUMNS_PER_ROW]
    for column, name in zip(st.columns(COLUMNS_PER_ROW, gap="medium"), row):
        ranked = sorted(
            ((s.frames.get(frame, 0.0), a, s) for a in report.articles if a.outlet == name for s in a.sentences),
            key=lambda item: (-item[0], item[1].id, item[2].start),
        )
        top = [(a, s) for score, a, s in ranked if score > 0][:count]
        body = "".join(passage_html(a, s, frame) for a, s in top)
        if not top:
            body = f'<p class="fl-passage-meta">No sentence uses a {frame} word from the lexicon.</p>'
        with column:
            st.html(outlet_heading(name) + body)
