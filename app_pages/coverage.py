"""Coverage: which outlet reports which fact, which passages are shared copy, how each names things."""

from __future__ import annotations

from typing import Any

import streamlit as st

from framing.coverage import FactRow, fact_matrix
from framing_render.coverage import (
    COVERAGE_CSS,
    diff_html,
    fact_wordings_html,
    naming_places_html,
    shared_passage_html,
    short_wording,
)
from framing.types import CorpusReport, Fact, Naming
from ui.markup import md_escape, outlet_heading
from ui.state import get_view

#: Fact rows listed in the matrix; a large corpus has thousands and the table must stay responsive.
MAX_FACT_ROWS = 300
#: Shared passages offered for a side-by-side diff.
MAX_PASSAGES = 200
#: Referents offered in the naming picker, and places listed per referent.
MAX_PLACES = 40
#: Outlets per row of side-by-side columns, and wordings shown per outlet (a large corpus repeats a
#: wire sentence in hundreds of articles).
COLUMNS_PER_ROW = 3
MAX_WORDINGS_PER_OUTLET = 3
#: Outlet column headers: at most this many characters, cut at a word ("The" dropped), the full name
#: as the header's tooltip; headers never wrap in a data table, and five long names at 1280 px were
#: cut to "ANI wire rep", "The Diplom".
HEADER_CHARS = 16
#: Widths of the two pinned columns, fact and who, and pixels per header character (plus the sort
#: icon's room). Both columns are pinned left so they stay in view whatever the width: the "Who" column
#: after the outlets was cut at the right edge at 1440x900 and out of sight at 1280x720 (five outlets
#: need about 580 px; the table has 1,074 px at 1440 and 914 at 1280, measured in Chromium). Session 14:
#: narrower pinned columns and header room measured on the grid's 14 px font, so five outlets also fit
#: at 1280x720 (the fifth outlet's column was out of sight there, behind a scroll bar on a projector).
FACT_COLUMN_PX = 220
WHO_COLUMN_PX = 160
HEADER_PX_PER_CHAR = 6.5
HEADER_PAD_PX = 21
#: Most characters of a "Who" cell that fit its column; a longer "not in: …" list gives a count instead.
WHO_CHARS = int((WHO_COLUMN_PX - HEADER_PAD_PX) // HEADER_PX_PER_CHAR)

view = get_view()
report: CorpusReport = view.report
outlets = [o.outlet for o in report.outlets]
by_id = {a.id: a for a in report.articles}
st.html(f"<style>{COVERAGE_CSS}</style>")


def column_label(outlet: str) -> str:
    """A short header for an outlet's column: whole words up to ``HEADER_CHARS``, "…" when cut."""
    name = outlet.removeprefix("The ").strip() or outlet
    if len(name) <= HEADER_CHARS:
        return name
    words, label = name.split(), ""
    for word in words:
        if len(label) + len(word) + (1 if label else 0) > HEADER_CHARS - 1:
            break
        label = f"{label} {word}".strip()
    return (label or name[: HEADER_CHARS - 1]) + "…"


def column_labels(outlets: list[str]) -> dict[str, str]:
    """Each outlet's header: its short label, or its full name where two short labels would be the same."""
    short = {o: column_label(o) for o in outlets}
    counts: dict[str, int] = {}
    for label in short.values():
        counts[label] = counts.get(label, 0) + 1
    return {o: label if counts[label] == 1 else o for o, label in short.items()}


def who_label(row: FactRow, labels: dict[str, str]) -> str:
    """Who reports a fact, short enough for its column: outlets by their column headers ("not in:
    Independent"), or a count where the names would not fit ("in 2 of 5 outlets")."""
    if row.band == "all":
        return "all outlets"
    if row.band == "one":
        return "only " + next(labels[o] for o in labels if o not in row.not_in)
    names = "not in: " + ", ".join(labels[o] for o in row.not_in)
    return names if len(names) <= WHO_CHARS else f"in {len(labels) - len(row.not_in)} of {len(labels)} outlets"


def label_width(label: str) -> int:
    """Pixels a header of ``label`` needs."""
    return round(len(label) * HEADER_PX_PER_CHAR + HEADER_PAD_PX)


def show_fact(fact: Fact) -> None:
    """Every outlet's wording of one fact, side by side; outlets that leave it out say so."""
    for row_start in range(0, len(outlets), COLUMNS_PER_ROW):
        row = outlets[row_start:row_start + COLUMNS_PER_ROW]
        for column, name in zip(st.columns(COLUMNS_PER_ROW, gap="medium"), row):
            mentions = [(by_id[m.article], m.start, m.end) for m in fact.mentions if by_id[m.article].outlet == name]
            with column:
                st.html(outlet_heading(name) + fact_wordings_html(mentions, shown=MAX_WORDINGS_PER_OUTLET))


def facts_section() -> None:
    st.markdown("#### Which outlet reports which fact")
    st.caption("Each row is one fact, in the words of one outlet; sentences of different outlets that say the "
               "same thing (the same names, numbers and specific words) count as one fact. Facts all outlets "
               "share come first, then those some leave out, then facts only one outlet reports. "
               "Click a row to read every outlet's wording side by side.")
    if len(outlets) < 2:
        st.info("Coverage compares outlets: add articles from a second outlet.")
    rows = fact_matrix(report.facts, outlets)
    if not rows:
        st.info("No sentence long enough to count as a fact.")
        return
    if len(rows) > MAX_FACT_ROWS:
        st.caption(f"The first {MAX_FACT_ROWS:,} of {len(rows):,} facts; the JSON export has all of them.")
    shown = rows[:MAX_FACT_ROWS]
    headers = column_labels(outlets)
    table = [{"Fact": short_wording(r.text), "Who": who_label(r, headers), **r.cells} for r in shown]
    # A column tooltip is Markdown: the full name escaped, or "![x](http://…)" would load a picture.
    config: dict[str, Any] = {
        o: st.column_config.CheckboxColumn(headers[o], help=md_escape(o), disabled=True, width=label_width(headers[o]))
        for o in outlets
    }
    config["Fact"] = st.column_config.TextColumn("Fact", width=FACT_COLUMN_PX, pinned=True)
    config["Who"] = st.column_config.TextColumn("Who", width=WHO_COLUMN_PX, pinned=True,
                                                help="Which outlets report the fact; the ticks on the right say which.")
    event = st.dataframe(table, key="coverage_matrix", hide_index=True, on_select="rerun",
                         selection_mode="single-row", column_config=config, height=420)
    picked = event.selection.rows if event is not None and hasattr(event, "selection") else []
    labels = [f"{r.id}: {short_wording(r.text, 12)}" for r in shown]
    if picked:
        st.session_state["coverage_fact"] = labels[picked[0]]
    choice = st.selectbox("Fact to read side by side", labels, key="coverage_fact")
    fact = report.facts[labels.index(choice)] if choice in labels else report.facts[0]
    show_fact(fact)


def shared_section() -> None:
    st.markdown("#### Shared copy")
    st.caption("Passages two articles share nearly word for word: agency copy, reprints, the same quoted post. "
               "Struck-through words are only in the left article, highlighted ones only in the right.")
    for reprint in report.reprints:
        left, right = by_id[reprint.article], by_id[reprint.of]
        st.warning(md_escape(f"{left.outlet} ({left.title or left.id}) is mostly a reprint: {reprint.share:.0%} of "
                             f"its words are the same text as {right.outlet} ({right.title or right.id})."),
                   icon=":material/content_copy:")
    if not report.shared_passages:
        st.info("No two articles share a passage word for word.")
        return
    passages = report.shared_passages[:MAX_PASSAGES]
    labels = []
    for p in passages:
        a, b = by_id[p.articles[0]], by_id[p.articles[1]]
        (s, e), _ = p.spans
        labels.append(f"{a.outlet} / {b.outlet}: {short_wording(a.text[s:e], 10)} ({p.similarity:.0%} the same)")
    index = st.selectbox("Passage", range(len(passages)), format_func=labels.__getitem__, key="coverage_passage")
    passage = passages[index]
    columns = st.columns(2, gap="medium")
    marked = diff_html(*(by_id[a].text[s:e] for a, (s, e) in zip(passage.articles, passage.spans)))
    for column, article_id, html_text in zip(columns, passage.articles, marked):
        article = by_id[article_id]
        with column:
            st.html(outlet_heading(article.outlet) + shared_passage_html(html_text, article.title or article.id))


def naming_section() -> None:
    st.markdown("#### How each outlet names the same people, places and things")
    st.caption("For what most outlets mention: each outlet's forms with how often it uses them. Words inside "
               "quotation marks are somebody else's and are counted apart.")
    if not report.naming:
        st.info("No person, place or thing is named by most outlets.")
        return
    names = [n.referent for n in report.naming]
    referent = st.selectbox("Who or what", names, key="coverage_referent")
    naming: Naming = report.naming[names.index(referent)] if referent in names else report.naming[0]
    table = []
    for outlet in outlets:
        own, quoted = naming.forms.get(outlet, {}), naming.quoted_forms.get(outlet, {})
        table.append({"Outlet": outlet,
                      "Its own words": ", ".join(f"{f} ×{c}" for f, c in own.items()) or "—",
                      "In quotations": ", ".join(f"{f} ×{c}" for f, c in quoted.items()) or "—"})
    st.dataframe(table, key="coverage_naming_table", hide_index=True)
    with st.expander(f"Where ({len(naming.mentions)} places)"):
        places = []
        for m in naming.mentions[:MAX_PLACES]:
            article = by_id[m.article]
            sentence = next((s for s in article.sentences if s.start <= m.start < s.end), None)
            s0, s1 = (sentence.start, sentence.end) if sentence else (m.start, m.end)
            text = article.text
            places.append((article.outlet, m.quoted, text[s0:m.start], text[m.start:m.end], text[m.end:s1]))
        st.html(naming_places_html(places, more=max(0, len(naming.mentions) - MAX_PLACES)))


facts_section()
shared_section()
naming_section()
