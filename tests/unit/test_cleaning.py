"""Unit tests of framing.cleaning: what each detector removes, what it must keep, and the seeds."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from framing.cleaning import (
    DEFAULT_DETECTORS,
    clean_text,
    detect_clutter,
    load_boilerplate,
    parse_boilerplate,
    split_paragraphs,
)
from framing.errors import LexiconError

# Two plain article paragraphs that every removal case is sandwiched between.
BEFORE = "Negotiators from both countries met in Geneva on Tuesday to discuss tariffs on steel."
AFTER = "The talks are expected to resume next month, officials said."

# --------------------------------------------------------------------------------------------
# Seed corpus helpers: data/*.md (YAML front matter) when converted, else ../shared/seeds/*.txt.
# --------------------------------------------------------------------------------------------

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "data"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)
DATE_MARKER_RE = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2}[ \t]*")


def _strip_header(text: str) -> str:
    text = FRONT_MATTER_RE.sub("", text.replace("\r\n", "\n"), count=1)
    return DATE_MARKER_RE.sub("", text, count=1)


@pytest.fixture
def seed_body() -> Callable[[str], str]:
    """Return a loader of a seed's body by its number ("000"), skipping if no copy exists."""

    def load(number: str) -> str:
        for directory, pattern in ((DATA_DIR, f"{number}_*.md"), (SEEDS_DIR, f"{number}_*.txt")):
            found = sorted(directory.glob(pattern)) if directory.is_dir() else []
            if found:
                return _strip_header(found[0].read_text(encoding="utf-8"))
        pytest.skip(f"seed {number} not found as {DATA_DIR}/{number}_*.md or {SEEDS_DIR}/{number}_*.txt")

    return load


def _body(line: str) -> str:
    return f"{BEFORE}\n\n{line}\n\n{AFTER}\n"


# --------------------------------------------------------------------------------------------
# One removal per kind, on text written for these tests.
# --------------------------------------------------------------------------------------------

REMOVAL_CASES = [
    (
        "We rely on readers like you. Your support keeps our journalism free. Make a donation today.",
        "donation_appeal",
    ),
    ("Donate now", "donation_appeal"),
    ("Support Now", "donation_appeal"),
    (
        "Subscribe today for unlimited access. Already a subscriber? Log in to continue reading.",
        "subscription_appeal",
    ),
    ("Subscribe now", "subscription_appeal"),
    ("Read more: Markets slide as trade talks stall", "read_more"),
    ("READ MORE: Ports reopen after a week-long strike", "read_more"),
    ("ALSO READ | Senate passes the budget bill", "read_more"),
    ("Related: How the steel quota works", "read_more"),
    ("Read more", "read_more"),
    ("See also — Earlier coverage of the summit", "read_more"),
    ("Maria Lopez is a correspondent based in Madrid. Follow her on X at @mlopez.", "author_bio"),
    ("Ken Ito is an economics reporter. He can be reached at ken.ito@example.net", "author_bio"),
    ("Contact the newsroom at desk@example.net", "contact"),
    ("Email: tips@example.com", "contact"),
    ("Follow us on Twitter @dailypaper for live updates", "contact"),
    ("What a day for the negotiators! pic.twitter.com/AbC123xyz", "social_embed"),
    ("Great result for exporters — 𝑱𝒂𝒏𝒆 𝑹𝒐𝒆 (@janeroe) March 3, 2024", "social_embed"),
    ("Deal done. — Trade Watcher (@tradewatch) Jan 5, 2025", "social_embed"),
    ("( Jane Roe – Mar 3, 2024, 9:15 AM ET ) Thanks to everyone who voted today.", "social_embed"),
    ("( @janeroe – Truth Social Post )", "embed_marker"),
    ("View this post on Instagram", "embed_marker"),
    ("A post shared by Jane Roe (@janeroe)", "embed_marker"),
    ("(With inputs from PTI)", "wire_credit"),
    ("— AFP", "wire_credit"),
    ("Source: Reuters", "wire_credit"),
    ("(Reporting by Jane Doe in Beijing; Editing by John Roe)", "wire_credit"),
    ("Based on Xinhua report", "wire_credit"),
]


@pytest.mark.parametrize(("line", "kind"), REMOVAL_CASES)
def test_clean_text_removes_line_with_kind(line: str, kind: str) -> None:
    raw = _body(line)
    result = clean_text(raw)
    assert [(r.kind, r.text) for r in result.removed] == [(kind, line)]
    assert result.text == f"{BEFORE}\n\n{AFTER}"


# Article text that shares words or shapes with boilerplate and must stay.
KEEP_CASES = [
    "The charity said your support for flood victims had been overwhelming.",
    "Officials said support for the tariff plan had grown, and donations to the campaign rose.",
    "He said support now stands at its highest level since 2019, according to a Gallup poll.",
    "Subscribers to the newspaper's print edition fell by a third over the decade.",
    "Sun Yun is a director of the China program at the Stimson Center in Washington.",
    (
        "In a statement e-mailed to reporters from press@ministry.example.gov on Monday, the ministry "
        "said the tariff increase would take effect in January and that exporters should expect delays."
    ),
    "China's relations with Japan sour",
    "Trump and Xi discussed trade",
    "Read more about the deal's impact on soybean farmers in the ministry's statement on Tuesday.",
    "Based on the figures released on Tuesday, exports to the United States fell by 12 percent.",
    "Sources said talks would resume next week in Geneva.",
    "Trump wrote on Truth Social: “We have done a good deal for our farmers.”",
    "Washington (TDI): US President Donald Trump said that he will travel to Beijing in April.",
    "WASHINGTON (AP) — President Trump said on Monday that the talks had gone well.",
    "The minister reposted the message, adding “Very productive day” with a flag emoji.",
    "Related talks on Taiwan's security are scheduled for next year.",
]


@pytest.mark.parametrize("paragraph", KEEP_CASES)
def test_clean_text_keeps_article_paragraph(paragraph: str) -> None:
    result = clean_text(_body(paragraph))
    assert result.removed == ()
    assert result.text == f"{BEFORE}\n\n{paragraph}\n\n{AFTER}"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Based On ANI Report", "ANI"),
        ("(With inputs from Reuters)", "Reuters"),
        ("With inputs from PTI and IANS.", "PTI and IANS"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "Reporting by Jane Doe; Editing by John Roe"),
        ("— AP", "AP"),
        ("Source: AFP", "AFP"),
        ("(Xinhua)", "Xinhua"),
    ],
)
def test_clean_text_reports_credit(line: str, credit: str) -> None:
    assert clean_text(_body(line)).credit == credit


def test_clean_text_joins_several_credits() -> None:
    result = clean_text(f"{BEFORE}\n\n— AP\n\n(With inputs from Reuters)\n\n— AP")
    assert result.credit == "AP; Reuters"


def test_clean_text_credit_is_none_without_credit_line() -> None:
    assert clean_text(_body("Trade volumes rose.")).credit is None


@pytest.mark.parametrize(
    "line",
    [
        "Source: World Bank estimates for 2024",  # a chart source, not a news agency
        "— John",  # a dash and a name that is no agency
        "Reporting by the Times showed that exports fell sharply",  # one byline cue, no parentheses
    ],
)
def test_clean_text_keeps_credit_like_line_without_agency(line: str) -> None:
    assert clean_text(_body(line)).removed == ()


# --------------------------------------------------------------------------------------------
# Paragraphs, offsets and output shape.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  One. \n\n\nTwo.\n\n Three.", "One.\n\nTwo.\n\nThree."),
        ("One.\nTwo.\nThree.", "One.\n\nTwo.\n\nThree."),
        ("\n\n  \n\t\n", ""),
        ("", ""),
    ],
)
def test_clean_text_joins_kept_paragraphs_with_blank_line(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_split_paragraphs_offsets_point_into_raw() -> None:
    raw = "  First paragraph. \n\n\tSecond.\nThird"
    assert [raw[p.start : p.end] for p in split_paragraphs(raw)] == ["First paragraph.", "Second.", "Third"]


def test_clean_text_removal_offsets_point_into_raw() -> None:
    raw = f"   {BEFORE}\n \n  Read more: Ports reopen  \n{AFTER}"
    (removal,) = clean_text(raw).removed
    assert raw[removal.start : removal.end] == removal.text == "Read more: Ports reopen"


def test_clean_text_removal_has_reason() -> None:
    (removal,) = clean_text(_body("Read more: Ports reopen")).removed
    assert removal.reason


def test_clean_text_rejects_non_string() -> None:
    with pytest.raises(TypeError, match="expects the body as a str, got bytes"):
        clean_text(b"Read more: Ports reopen")  # type: ignore[arg-type]


def test_clean_text_runs_only_given_detectors() -> None:
    assert clean_text(_body("Read more: Ports reopen"), detectors=()).removed == ()


def test_clean_text_default_detectors_match_explicit_list() -> None:
    raw = "\n".join(line for line, _ in REMOVAL_CASES)
    assert clean_text(raw, detectors=DEFAULT_DETECTORS) == clean_text(raw)


# --------------------------------------------------------------------------------------------
# Context rules: posts spanning paragraphs, author name lines.
# --------------------------------------------------------------------------------------------

POST_OPENING = "🚨🇬🇧 Big news from the summit:"
POST_MIDDLE = "Both sides agreed to cut tariffs on cars by half."
POST_END = "More soon. pic.twitter.com/Zz9yy8 — 𝘛𝘳𝘢𝘥𝘦 𝘞𝘢𝘵𝘤𝘩 (@tradewatch) June 2, 2025"


def test_clean_text_attaches_post_opening_paragraphs() -> None:
    result = clean_text(f"{BEFORE}\n\n{POST_OPENING}\n\n{POST_MIDDLE}\n\n{POST_END}\n\n{AFTER}")
    assert [(r.kind, r.text) for r in result.removed] == [
        ("social_embed", POST_OPENING),
        ("social_embed", POST_MIDDLE),
        ("social_embed", POST_END),
    ]
    assert result.text == f"{BEFORE}\n\n{AFTER}"


@pytest.mark.parametrize(
    "opening",
    [
        "BREAKING: leaders agree on a summit date",
        "𝗝𝘂𝘀𝘁 𝗶𝗻 from the trade ministry",
        "What the readout did not say:",
    ],
)
def test_clean_text_attaches_post_opening_with_evidence(opening: str) -> None:
    result = clean_text(f"{BEFORE}\n\n{opening}\n\n{POST_MIDDLE}\n\n{POST_END}")
    assert [r.text for r in result.removed] == [opening, POST_MIDDLE, POST_END]


def test_clean_text_keeps_paragraph_before_post_without_evidence() -> None:
    result = clean_text(f"{BEFORE}\n\n{POST_MIDDLE}\n\n{POST_END}")
    assert [r.text for r in result.removed] == [POST_END]
    assert result.text == f"{BEFORE}\n\n{POST_MIDDLE}"


def test_clean_text_keeps_colon_opening_out_of_reach() -> None:
    # A weak opening (short, ends with ":") reaches over one middle paragraph, not two.
    opening = "Here is what he posted:"
    raw = f"{opening}\n\n{POST_MIDDLE}\n\n{POST_MIDDLE} Again.\n\n{POST_END}"
    assert [r.text for r in clean_text(raw).removed] == [POST_END]


def test_clean_text_removes_post_between_instagram_markers() -> None:
    raw = f"{BEFORE}\n\nView this post on Instagram\n\nSunset over the port\n\nA post shared by Jo (@jo)\n\n{AFTER}"
    result = clean_text(raw)
    assert [r.kind for r in result.removed] == ["embed_marker", "social_embed", "embed_marker"]


def test_clean_text_removes_name_line_before_bio() -> None:
    bio = "Jane Roe is a trade reporter covering Asia. She can be reached at jane.roe@example.org"
    result = clean_text(f"{BEFORE}\n\nJane Roe\n{bio}\n")
    assert [(r.kind, r.text) for r in result.removed] == [("author_bio", "Jane Roe"), ("author_bio", bio)]


def test_clean_text_keeps_name_line_of_another_person() -> None:
    bio = "Jane Roe is a trade reporter. She can be reached at jane.roe@example.org"
    result = clean_text(f"{BEFORE}\n\nJohn Doe\n{bio}\n")
    assert [r.text for r in result.removed] == [bio]


def test_clean_text_keeps_long_paragraph_quoting_address() -> None:
    paragraph = (
        "Ken Ito is a spokesman for the ministry. He told reporters the new tariff schedule was "
        "published on Monday, and that companies could send questions to tariffs@ministry.example.gov, "
        "which would answer within a week."
    )
    assert clean_text(_body(paragraph)).removed == ()


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Your donation keeps us going. Donate today and support our journalism.", "donation_appeal"),
        ("Start your free trial. Subscribe now for unlimited access.", "subscription_appeal"),
        ("Paywalls lock readers out; subscribe today or donate now.", "donation_appeal"),  # tie
    ],
)
def test_clean_text_appeal_kind_follows_majority_of_cues(line: str, kind: str) -> None:
    assert [r.kind for r in clean_text(_body(line)).removed] == [kind]


def test_clean_text_is_idempotent_on_mixed_body() -> None:
    raw = "\n".join(line for line, _ in REMOVAL_CASES) + f"\n{BEFORE}\nJane Roe\n{AFTER}"
    once = clean_text(raw).text
    assert clean_text(once).text == once


# --------------------------------------------------------------------------------------------
# The lexicon data file.
# --------------------------------------------------------------------------------------------


def _bundled_lexicon() -> dict[str, Any]:
    data = json.loads((files("framing") / "lexicons" / "boilerplate.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("read_more_cues"), "key 'read_more_cues' is missing"),
        (lambda d: d["appeal_cues"].pop("shared"), "key 'appeal_cues.shared' is missing"),
        (lambda d: d.update(read_more_cues=[]), "'read_more_cues' must be a non-empty list"),
        (lambda d: d["read_more_cues"].append("Read Now"), "write it lower-case as 'read now'"),
        (lambda d: d["read_more_cues"].append("read more"), "lists 'read more' twice"),
        (lambda d: d["read_more_cues"].append(" read"), "without outer spaces"),
        (lambda d: d["read_more_cues"].append(3), "holds 3"),
    ],
)
def test_parse_boilerplate_rejects_malformed_lexicon(
    change: Callable[[dict[str, Any]], object], message: str
) -> None:
    data = _bundled_lexicon()
    change(data)
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_boilerplate(data)


def test_parse_boilerplate_accepts_bundled_lexicon() -> None:
    assert parse_boilerplate(_bundled_lexicon()) == load_boilerplate()


def test_load_boilerplate_meta_documents_every_key() -> None:
    meta = json.loads((files("framing") / "lexicons" / "boilerplate.meta.json").read_text(encoding="utf-8"))
    assert set(_bundled_lexicon()) <= set(meta["columns"])
    assert meta["curator"] == "Framing Lens maintainers"
    assert meta["curated"] == "2026-11-21"
    assert meta["licence"] == "CC0-1.0"
    assert meta["name"] == "boilerplate" and meta["version"] and meta["description"]


def test_clean_text_uses_given_lexicon() -> None:
    data = _bundled_lexicon()
    data["read_more_cues"] = ["more on this"]
    lexicon = parse_boilerplate(data)
    result = clean_text(_body("More on this: Ports reopen"), lexicon=lexicon)
    assert [r.kind for r in result.removed] == ["read_more"]
    # The boilerplate detectors follow the given lexicon; the general clutter detector keeps its own
    # cue data (clutter_cues.json), so it is left out here.
    boilerplate_only = [d for d in DEFAULT_DETECTORS if d is not detect_clutter]
    assert clean_text(_body("Read more: Ports reopen"), lexicon=lexicon, detectors=boilerplate_only).removed == ()


# --------------------------------------------------------------------------------------------
# The seed corpus.
# --------------------------------------------------------------------------------------------

SEED_REMOVALS = {
    "000": [("wire_credit", "Based On ANI Report")],
    "001": [],
    "002": [
        ("read_more", "Read More: Trump, Xi Strike Deal on Soybeans"),
        ("author_bio", "Tayyaba Arif"),
        ("author_bio", "Tayyaba Arif is a student of International Relations"),
    ],
    "003": [
        ("social_embed", "BREAKING: "),
        ("embed_marker", "( @realDonaldTrump – Truth Social Post )"),
        ("social_embed", "( Donald J. Trump – Nov 24, 2025, 12:39 PM ET )"),
        ("social_embed", "🇨🇳🇺🇸 Interesting detail Western media missed:"),
        ("social_embed", "China released the Xi–Trump call before the White House did"),
        ("social_embed", "Why now? Because they know Trump’s habit"),
    ],
    "004": [("donation_appeal", "Your support helps us to tell the story")],
}

SEED_KEPT_COUNTS = {"000": 9, "001": 19, "002": 11, "003": 9, "004": 8}

SEED_KEPT_PARAGRAPHS = [
    ("000", "The call took place amid heightened regional tensions involving Taiwan"),
    ("000", "specifically regarding trade truce, tariff reductions"),
    ("001", "China's relations with Japan sour"),
    ("001", "Trump and Xi discussed trade"),
    ("001", "approved a US$330 million arms sales to Taiwan"),
    ("001", "Sun Yun, director of the China program"),
    ("002", "Washington (TDI): US President Donald Trump said"),
    ("002", "Nonetheless, overall tariffs on Chinese exports remain near the 50% mark."),
    ("002", "The island remains a central point of strategic divergence"),
    ("003", "According to The Independent, Trump took to Truth Social"),
    ("003", "Trump agreed to halve a 20 percent retaliatory tariff"),
    ("003", "Analysts say both leaders are playing a careful game."),
    ("004", "President Donald Trump said he would visit Beijing this coming April"),
    ("004", "In return, Trump agreed to half a 20 percent tariff hike"),
]


@pytest.mark.parametrize(("number", "expected"), sorted(SEED_REMOVALS.items()))
def test_clean_text_seed_removes_expected_text(
    seed_body: Callable[[str], str], number: str, expected: list[tuple[str, str]]
) -> None:
    removed = clean_text(seed_body(number)).removed
    assert len(removed) == len(expected)
    for removal, (kind, opening) in zip(removed, expected, strict=True):
        assert removal.kind == kind
        assert removal.text.startswith(opening)


@pytest.mark.parametrize(("number", "count"), sorted(SEED_KEPT_COUNTS.items()))
def test_clean_text_seed_keeps_every_article_paragraph(
    seed_body: Callable[[str], str], number: str, count: int
) -> None:
    assert len(clean_text(seed_body(number)).text.split("\n\n")) == count


@pytest.mark.parametrize(("number", "snippet"), SEED_KEPT_PARAGRAPHS)
def test_clean_text_seed_keeps_named_paragraph(seed_body: Callable[[str], str], number: str, snippet: str) -> None:
    assert snippet in clean_text(seed_body(number)).text


@pytest.mark.parametrize(("number", "credit"), [("000", "ANI"), ("001", None), ("004", None)])
def test_clean_text_seed_credit(seed_body: Callable[[str], str], number: str, credit: str | None) -> None:
    assert clean_text(seed_body(number)).credit == credit


@pytest.mark.parametrize("number", sorted(SEED_REMOVALS))
def test_clean_text_seed_offsets_point_into_raw(seed_body: Callable[[str], str], number: str) -> None:
    raw = seed_body(number)
    assert all(raw[r.start : r.end] == r.text for r in clean_text(raw).removed)


@pytest.mark.parametrize("number", sorted(SEED_REMOVALS))
def test_clean_text_seed_is_idempotent(seed_body: Callable[[str], str], number: str) -> None:
    once = clean_text(seed_body(number)).text
    assert clean_text(once).text == once


@pytest.mark.parametrize("opening", ["(", "(@ana) -"])
def test_an_embed_header_or_signature_rule_reads_a_long_run_of_spaces_in_linear_work(
    monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    # The spaces before a post's display name were tried with every length of the name and of the spaces
    # after it ("( Name – Nov 24, 2025 )", "— Name (@handle)"): a "(" and 4,000 spaces took 11 s to clean.
    # Counted: the backtracking steps of every pattern the cleaning modules hold (tests/unit/regex_steps.py).
    from regex_steps import GROWTH_LIMIT, grows_linearly

    import framing.cleaning as cleaning
    import framing.clutter as clutter

    def run(n: int) -> None:
        result = clean_text(f"{BEFORE}\n\n{opening}{' ' * n}x\n\n{AFTER}")
        assert BEFORE in result.text and AFTER in result.text

    small, large = grows_linearly(monkeypatch, run, 1_000, cleaning, clutter)
    assert large <= GROWTH_LIMIT * small, (small, large)


def test_a_paragraph_found_cue_free_for_one_lexicon_is_scanned_again_for_another() -> None:
    import dataclasses

    from framing.cleaning import detect_appeals, load_boilerplate, split_paragraphs

    line = "Back the lantern fund today and keep the lantern lit for every reader."
    paragraphs = split_paragraphs(line)
    bundled = load_boilerplate()
    assert detect_appeals(paragraphs, bundled) == []  # cue-free for the bundled cues (and remembered)
    assert detect_appeals(paragraphs, bundled) == []
    own = dataclasses.replace(bundled, donation_cues=("back the lantern fund", "keep the lantern lit", "every reader"))
    assert [f.kind for f in detect_appeals(paragraphs, own)] == ["donation_appeal"]
