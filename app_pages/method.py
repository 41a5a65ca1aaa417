"""Method: how the scores are made (for students and for teachers), the lexicon, validity and limits."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from framing.types import FRAMES
from framing_render.pages import lexicon_table_html
from framing_render.text import number
from ui.markup import md_escape
from ui.state import get_view

#: Which measured figures are shown, with the label a reader sees.
FIGURE_LABELS = {
    "pearson": "Pearson r", "spearman": "Spearman ρ", "macro_f1": "macro-F1", "accuracy": "accuracy",
}
#: Row labels of the validity tables.
ROW_LABELS = {
    "full_dev": "Framing Lens (all dev data)",
    "cross_validated": "Framing Lens (cross-validated)",
    "vader": "VADER alone (baseline)",
    "unfitted": "Framing Lens without its two fitted weights",
    "keyword_baseline": "20 keywords per frame (baseline)",
    "weights_only": "Framing Lens without its fitted word valences",
    "engine_v1": "first version of the engine (baseline)",
    "supervised": "TF-IDF + regression trained on the ratings (baseline)",
    "cross_validated_sentence": "Framing Lens, whole sentence (cross-validated)",
}

view = get_view()
lexicon = view.lexicon

st.markdown("#### How Framing Lens reads an article")
st.markdown(
    """
**For students.** A *frame* is the angle a story is told from. The same visit can be told as a story
about **trade** (tariffs, soybeans, prices), about **security** (troops, weapons, threats) or about
**diplomacy** (talks, summits, alliances). Framing Lens keeps a list of words for each frame. It finds
those words in every sentence, gives rare, specific words more weight than everyday ones, and adds them
up. An outlet's *emphasis* is the share each frame gets of all the frame words it used. *Tone* comes from
lists of words that people rated or marked as positive or negative; "not" and "never" count as
negative too. Every coloured sentence shows which words
counted: click it on the *Side by side* page. Only sentences where one frame clearly leads are
coloured.
"""
)

with st.expander("For teachers: the formula", expanded=False):
    st.markdown("For a lexicon term $t$ with weight $w_t$ and frame $f(t)$, occurring $c_{t,d}$ times in article $d$:")
    st.latex(r"\mathrm{idf}(t) = \ln\frac{1 + n + N_0}{1 + \mathrm{df}(t) + N_0\,q(t)} + 1,"
             r"\qquad q(t) = 1 - e^{-L\,p(t)}")
    st.latex(r"\mathrm{tfidf}(t,d) = (1 + \ln c_{t,d})\,\mathrm{idf}(t)")
    st.latex(r"F_f(d) = \sum_{t:\,f(t)=f} w_t\,\mathrm{tfidf}(t,d), \qquad e_f(d) = \frac{F_f(d)}{\sum_g F_g(d)},"
             r"\qquad \mathrm{intensity}(d) = 1000\,\frac{\sum_f F_f(d)}{\mathrm{words}(d)}")
    st.markdown(
        "$n$ articles are analysed together; $N_0$ pseudo-articles from a background corpus, in which the term "
        "occurs in a share $q(t)$ of articles ($p(t)$ is its everyday frequency from *wordfreq*, $L$ a typical "
        "article length), keep a set of three to ten articles sensible. Outlets pool the scores of their articles. "
        "Tone: each word gets its VADER valence $v$ (people's ratings, -4 to +4), plus a weight $a$ if it is on "
        "Hu & Liu's positive word list or minus $a$ if on their negative list; a negation word (*not*, *never*, "
        "*without*) adds $b$ of its own. A topic or event word (*war*, *attack*, *crisis*) counts $c$ times its "
        "valence, and a word does not count in a listed phrase (*on top of*) or as part of a name (*Dick Cheney*). "
        "VADER's rules for intensifiers, negation and *but* apply; the sentence "
        "sum $S$ is normalised to $S/\\sqrt{S^2+15}$, and an article's tone is the mean over its sentences. "
        "Frames: $w_t$ is the term's lexicon weight times fitted multipliers for its subcategory and for the term "
        "(`frame_weights.csv`), and a word counts only when the sense rules of `frame_rules.csv` allow it. An "
        "article or outlet with too few frame words is marked *not enough frame evidence to compare*, and every "
        "share and every tone comes with a 95% interval (bootstrap over sentences): where two outlets' "
        "intervals overlap widely, the text does not show a real difference between them. The same resamples "
        "say how often an outlet's largest frame stays ahead of the others: below two in three, the summary says "
        "it leans *only slightly* more on it than on the runner-up. "
        "$a$, $b$ and $c$ are the only numbers fitted to people's judgements for tone (file `tone_weights.csv`)."
    )

st.markdown("#### The frames and the words in use")
for frame in FRAMES:
    st.markdown(f"**{frame}**: {md_escape(lexicon.definitions.get(frame, 'no definition in this lexicon'))}")
st.caption(md_escape(f"Lexicon {lexicon.name} {lexicon.version}, from {lexicon.source}; {len(lexicon.terms)} terms."))
with st.expander(f"All {len(lexicon.terms)} terms, by frame (weight after each; grouped by subcategory)", expanded=False):
    st.html(lexicon_table_html(lexicon))


def figure_rows(section: Mapping[str, object]) -> list[dict[str, object]]:
    """Rows of one validity section: every entry that is a dict of numbers, with the known metrics."""
    rows = []
    for name, values in section.items():
        if isinstance(values, Mapping) and any(k in values for k in FIGURE_LABELS):
            row: dict[str, object] = {"": ROW_LABELS.get(name, name)}
            # two decimals everywhere, so no four-decimal figure sits next to a one-decimal one
            row.update({label: number(values[k], 2) for k, label in FIGURE_LABELS.items()
                        if isinstance(values.get(k), float)})
            rows.append(row)
    return rows


st.markdown("#### How well does it agree with people?")
try:
    from framing.validate import load_validity_figures

    figures: Mapping[str, object] | None = load_validity_figures()
except (ImportError, FileNotFoundError, ValueError):
    figures = None
if not figures:
    st.info("Validity figures not measured yet.")
else:
    tone, emphasis = figures.get("tone"), figures.get("emphasis")
    if isinstance(tone, Mapping):
        st.markdown(
            f"**Tone** against {tone.get('n_sentences', '?')} sentences from New York Times opinion pieces, "
            "each rated by 20 people (Hutto & Gilbert 2014):"
        )
        st.dataframe(figure_rows(tone), key="validity_tone", hide_index=True)
    if isinstance(emphasis, Mapping):
        st.markdown(
            f"**Main frame** of {emphasis.get('n_articles', '?')} news articles against an editor's topic tag "
            "(Baly et al. 2020). Here the words mined from these articles are mined again inside each fold, "
            "so the cross-validated figure is stricter than the 'ours' column below, whose folds refit only "
            "the weights:"
        )
        st.dataframe(figure_rows(emphasis), key="validity_emphasis", hide_index=True)
    if isinstance(figures.get("frames"), Mapping):
        from framing.validity_text import render_frames_markdown

        st.markdown("**Main frame on every frame dev set** (the same text as the README's, from `framing/validity.json`):")
        st.markdown(render_frames_markdown(figures))
    st.caption(md_escape(f"Cross-validation: {figures.get('cross_validation', 'not reported')}."))

st.markdown("#### What it cannot see")
st.markdown(
    """
- **Irony, quotes and context.** A word list counts *war* the same in "war is unlikely" and "war broke out",
  and cannot tell a quoted official from the outlet's own voice.
- **What an article leaves out.** Framing is also choosing what not to say; a count of words that are
  there cannot measure the ones that are missing.
- **Tone is general-purpose.** The tone words come from VADER (rated for everyday English) and Hu & Liu
  (collected from product reviews), lightly adjusted for news. Words like *crisis* or *attack* may be neutral reporting in a security story.
- **Three frames only.** *Trade* covers trade and the economy (tariffs, prices, markets); human
  interest, morality, history and other angles are not measured.
- **Small numbers.** With a handful of articles, one sentence can move a share by ten points. Read the
  passages before trusting a percentage.
- **The lexicon decides.** Change the word list in the sidebar and the scores change: that is a good
  class exercise, not a bug.
"""
)
