"""HTML of the dashboard's evidence pages (framing_render.pages): escaped, from templates, one per fragment."""

from __future__ import annotations

from framing.compare import TermTotal
from framing.lexicon import Lexicon, LexiconTerm
from framing.selection import Passage
from framing.types import FRAMES, ArticleReport, DistinctiveTerm, Evidence, Readability, SentenceReport
from framing_render import pages
from framing_render.palette import FRAME_TINTS

HOSTILE = '<script>x</script> & "Co"'


def test_words_table_escapes_and_says_none_passes() -> None:
    html = pages.words_table_html({HOSTILE: [DistinctiveTerm("<b>tariff</b>", 2.345, 3)], "Quiet": []})
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; &#34;Co&#34;" in html
    assert "<b>&lt;b&gt;tariff&lt;/b&gt;</b> <span class=\"fl-passage-meta\">z 2.3 · ×3</span>" in html
    assert html.count("<tr>") == 3 and "none passes" in html and 'id="fl-words"' in html


def test_evidence_table_has_a_column_per_frame_and_a_dash_when_empty() -> None:
    html = pages.evidence_table_html([(HOSTILE, {"trade": [TermTotal("tariff", 2, 3.0), TermTotal("soy<", 1, 1.0)],
                                                 "security": [], "diplomacy": []})])
    assert [f"<th>{f}</th>" in html for f in FRAMES] == [True, True, True]
    assert "<td>tariff ×2, soy&lt; ×1</td><td>–</td><td>–</td>" in html and "<script>" not in html


def test_evidence_table_lists_places_and_officials_apart() -> None:
    # a classroom walkthrough read "ukraine", "german" as the outlets' "diplomacy words"
    row = {"trade": [], "security": [TermTotal("borovia", 3, 2.0)],
           "diplomacy": [TermTotal("borovia", 4, 9.0), TermTotal("talks", 3, 6.0), TermTotal("borovian", 2, 3.0)]}
    html = pages.evidence_table_html([("Daily", row)], context={"borovia", "borovian"})
    assert ('<td>talks ×3; <span class="fl-passage-meta">places and officials: borovia ×4, borovian ×2</span></td>'
            in html)
    assert '<td><span class="fl-passage-meta">places and officials: borovia ×3</span></td>' in html
    assert "<td>–</td>" in html


def test_lexicon_table_groups_terms_by_frame_heaviest_first() -> None:
    terms = tuple(LexiconTerm(term, frame, weight, note="", key=tuple(term.split()))
                  for term, frame, weight in [("trade war", "trade", 2.0), ("tariff", "trade", 3.0), ("troops", "security", 2.0)])
    html = pages.lexicon_table_html(Lexicon(name="t", version="1", source="test", terms=terms))
    assert '<th scope="row">trade</th><td>tariff 3.0, trade war 2.0</td>' in html
    assert html.index("security") < html.index(">trade<")


def _passage(title: str) -> Passage:
    text = "New tariffs hit <soy>."
    evidence = (Evidence(term="tariff", frame="trade", weight=2.5, start=14, end=21),)
    sentence = SentenceReport(start=10, end=10 + len(text), text=text, paragraph=0, frames={"trade": 2.5},
                              frame="trade", tone=0.0, evidence=evidence)
    article = ArticleReport(id="a", outlet="A", title=title, date=None, url=None, credit=None, source="", text="",
                            removed=(), word_count=4, readability=Readability(0.0, 0.0, 4, 1), frame_scores={},
                            emphasis={}, intensity=0.0, tone=0.0, sentences=(sentence,))
    return Passage(article, sentence, "trade", 2.5)


def test_passage_card_bolds_the_evidence_and_escapes_the_rest() -> None:
    html = pages.passage_html(_passage(HOSTILE))
    assert "New <b>tariffs</b> hit &lt;soy&gt;." in html and FRAME_TINTS["trade"] in html
    assert "<b>trade score 2.5</b> · tariff 2.50 · <i><bdi>&lt;script&gt;" in html and "<script>" not in html
    assert pages.passages_html([_passage("t"), _passage("u")], "trade").count('class="fl-passage"') == 2
