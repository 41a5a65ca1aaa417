"""Voices: who speaks in each outlet, how much, and whether the outlet's tone is its own or its sources'."""

from __future__ import annotations

import streamlit as st

from framing_render.quotes import QUOTE_CSS, outlet_voice_html, render_quotes_html, type_label
from framing.selection import articles_of, outlet_of
from framing.textnorm import counted
from framing.types import FRAMES, SpeakerTotal
from ui.markup import md_escape, outlet_heading
from ui.state import default_outlet_choice, get_view

#: Most outlet columns that stay readable on a projected screen (as on the side-by-side page).
MAX_COLUMNS = 4
#: Outlets shown before anyone picks.
DEFAULT_COLUMNS = 3
#: Speakers listed per outlet before "more" (the table below has them all).
TOP_SPEAKERS = 8
#: Fewest quoted words before a quoted-voice tone is shown as a number rather than "too little".
MIN_QUOTED_WORDS = 20
#: The radio choice that marks every quotation without singling out a speaker.
ALL_QUOTES = "(all quotations)"

view = get_view()
report = view.report
names = [o.outlet for o in report.outlets]
default_outlet_choice("voices_outlets", names, DEFAULT_COLUMNS)

# a heading like every other page's: on a projector the page opened on small grey print
st.markdown("#### Who is quoted, and how much")
st.caption(
    "Quotations are direct quotes (words in quotation marks) and reported "
    "speech (“X said that …”, “according to X …”), found by transparent rules (Method page). "
    "Each outlet's tone and frames are split into its own voice and what it quotes. "
    "Quotations for which the rules find no speaker are listed as “no speaker identified”, not as a kind of speaker."
)
chosen = st.multiselect("Outlets to compare (up to four)", names, key="voices_outlets", max_selections=MAX_COLUMNS)
if not chosen:
    st.info("Pick at least one outlet above.")
    st.stop()
st.html(f"<style>{QUOTE_CSS}</style>")


def speaker_option(total: SpeakerTotal) -> str:
    """The radio label of one speaker: name, type, how many quotations and words."""
    return f"{total.speaker} · {type_label(total.type)} · {counted(total.quotes, 'quote')}, {counted(total.words, 'word')}"


columns = st.columns(len(chosen), gap="medium")
for index, (column, name) in enumerate(zip(columns, chosen)):
    outlet = outlet_of(report, name)
    with column:
        st.html(outlet_heading(name) + outlet_voice_html(outlet, min_words=MIN_QUOTED_WORDS))
        # Options are the shown labels (Markdown-escaped: names come from the articles), mapped back.
        by_label = {md_escape(speaker_option(s)): s.speaker for s in outlet.speakers[:TOP_SPEAKERS]}
        picked = st.radio("Click a speaker to see their quotations", [ALL_QUOTES, *by_label], key=f"voices_speaker_{index}")
        speaker = by_label.get(picked or ALL_QUOTES)
        # No scroll box of its own: the page scrolls once (a box inside a page hides all but a few lines).
        for article in articles_of(report, name):
            st.html(render_quotes_html(article, speaker=speaker))

st.subheader("Own voice and quoted material")
st.caption("Emphasis is each voice's share of its frame evidence; tone from −1 to +1. "
           f"A voice with fewer than {MIN_QUOTED_WORDS} words gets no tone.")
rows = []
for outlet in report.outlets:
    for label, block in (("own", outlet.voice.own), ("quoted", outlet.voice.quoted)):
        total = sum(block.frames.values())
        rows.append({
            "outlet": outlet.outlet, "voice": label, "words": block.words,
            "tone": round(block.tone, 3) if block.words >= MIN_QUOTED_WORDS else None,
            **{f: round(block.frames[f] / total, 3) if total else 0.0 for f in FRAMES},
        })
st.dataframe(rows, hide_index=True)

st.subheader("Tone of each frame's sentences")
st.caption("Mean tone of the sentences whose dominant frame is trade, security or diplomacy (empty: no such sentence).")
st.dataframe(
    [{"outlet": o.outlet, **{f: (round(v, 3) if (v := o.tone_by_frame.get(f)) is not None else None) for f in FRAMES}}
     for o in report.outlets],
    hide_index=True,
)

st.subheader("Every speaker")
st.dataframe(
    [{"outlet": o.outlet, "speaker": s.speaker, "type": type_label(s.type), "quotes": s.quotes, "words": s.words}
     for o in report.outlets for s in o.speakers],
    hide_index=True,
)
