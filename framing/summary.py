"""One plain-language sentence per outlet, drawn from the numbers and comparing across outlets.

The sentences are for a projected classroom screen: short, no jargon, every claim backed by a
number in the same sentence. Superlatives ("the most", "the least") are only used when an outlet
leads by more than a tie tolerance, so rounding noise never crowns a winner, and a tone is ranked
only when its 95% interval (``tone_ci``) is apart from every other outlet's; with a single outlet
nothing is compared. No streamlit here: the dashboard renders what this returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .evidence import NOT_ENOUGH, frames_that_may_lead
from .numbers import percent, signed
from .types import FRAMES, OutletReport

__all__ = ["OutletSentence", "CLOSE_LEAD_SUPPORT", "SHARE_TIE", "TONE_TIE", "TONE_NEUTRAL_BAND", "summarise_outlets", "describe_tone"]

#: |tone| below this is described (and drawn) as neutral; tone lies in [-1, 1] and the engine's
#: lexicon weights are ~0.1-1, so 0.05 only swallows rounding noise.
TONE_NEUTRAL_BAND: Final = 0.05

#: Emphasis shares closer than this count as a tie (1 percentage point: what the rounded
#: percentages on screen can no longer tell apart).
SHARE_TIE: Final = 0.01
#: Tones closer than this count as a tie. Tone lies in [-1, 1]; 0.02 is two hundredths, the
#: precision the charts print.
TONE_TIE: Final = 0.02
#: |tone| above which tone is called "clearly" rather than "mildly" positive/negative. Judgement:
#: a third of the way to the end of the scale, the same step the highlight underline uses.
CLEAR_TONE: Final = 1 / 3

#: Frame words (``OutletReport.frame_words_by_frame``) a frame needs before an outlet is said to give it
#: "the most space" of the outlets: one word is one sentence's wording, and 3% from one word named as
#: an outlet's lead read as a finding on a classroom projector (session 11, four wire reports of one meeting).
MIN_LEAD_WORDS: Final = 2

#: ``OutletReport.dominant_support`` below which an outlet's largest frame is "only slightly" ahead of its
#: runner-up rather than what it "leans most on": the lead holds in fewer than two of three resamples of
#: its sentences. Judgement, not fitted: at about 0.5 (46% against 47% on the bundled articles) the lead is a
#: coin toss; a 95% rule would call almost every one-article outlet too close (0.75-0.86 on the seeds).
CLOSE_LEAD_SUPPORT: Final = 2 / 3

_NUMBER_WORDS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True, slots=True)
class OutletSentence:
    """A sentence about one outlet: ``outlet`` and the ``rest`` that follows the name.

    The name is kept apart so a caller can set it in bold after escaping both parts.
    """

    outlet: str
    rest: str

    @property
    def text(self) -> str:
        """The whole sentence as plain text."""
        return f"{self.outlet} {self.rest}"


def summarise_outlets(outlets: Sequence[OutletReport]) -> list[OutletSentence]:
    """Return one sentence per outlet, in the given order, comparing it with the others.

    Parameters
    ----------
    outlets : sequence of OutletReport
        The outlets of one analysis.

    Returns
    -------
    list of OutletSentence

    Examples
    --------
    >>> a = OutletReport("Daily", ("1",), {}, {"trade": 0.2, "security": 0.5, "diplomacy": 0.3}, 5.0, -0.3, 100)
    >>> b = OutletReport("Weekly", ("2",), {}, {"trade": 0.6, "security": 0.1, "diplomacy": 0.3}, 5.0, 0.2, 100)
    >>> [s.text for s in summarise_outlets([a, b])]  # doctest: +NORMALIZE_WHITESPACE
    ['Daily gives security the most space of the two outlets (50% of its frame evidence) and reads the more negative of the two (−0.30).',
     'Weekly gives trade the most space of the two outlets (60% of its frame evidence) and reads the more positive of the two (+0.20).']
    """
    if isinstance(outlets, OutletReport):
        raise TypeError("summarise_outlets expects a sequence of OutletReport, not a single one")
    return [OutletSentence(o.outlet, _frame_clause(o, outlets) + " and " + _tone_clause(o, outlets) + ".")
            for o in outlets]


def describe_tone(tone: float) -> str:
    """Describe a tone value in words, e.g. ``"mildly positive (+0.15)"``.

    Examples
    --------
    >>> describe_tone(0.15), describe_tone(-0.5), describe_tone(0.01)
    ('mildly positive (+0.15)', 'clearly negative (−0.50)', 'about neutral (+0.01)')
    """
    return f"{_tone_words(tone)} ({signed(tone)})"


def _tone_words(tone: float) -> str:
    if abs(tone) < TONE_NEUTRAL_BAND:
        return "about neutral"
    strength = "clearly" if abs(tone) >= CLEAR_TONE else "mildly"
    return f"{strength} {'positive' if tone > 0 else 'negative'}"


def _count(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


def _has_evidence(outlet: OutletReport) -> bool:
    return sum(outlet.emphasis.get(f, 0.0) for f in FRAMES) > 0


def _comparable(outlet: OutletReport) -> bool:
    """Evidence that can be compared: some, and not flagged thin (``evidence_level``)."""
    return _has_evidence(outlet) and outlet.evidence_level != "thin"


def _interval(outlet: OutletReport, frame: str) -> str:
    ci = outlet.emphasis_ci.get(frame)
    if not ci or len(ci) != 2:
        return ""
    return f", 95% interval {ci[0] * 100:.0f}–{ci[1] * 100:.0f}%"


def _top_frames(outlet: OutletReport) -> list[str]:
    """The outlet's dominant frame, plus any other frame that may lead within ``SHARE_TIE`` of it.

    Only frames with a frame word proper may lead when any has one (``evidence.frames_that_may_lead``,
    the rule behind ``OutletReport.dominant_frame``): a share made of general words alone is not named.
    """
    candidates = frames_that_may_lead(outlet.frame_words_by_frame)
    best = max(outlet.emphasis.get(f, 0.0) for f in candidates)
    return [f for f in candidates if best - outlet.emphasis.get(f, 0.0) < SHARE_TIE]


def _general_only(outlet: OutletReport, frame: str) -> str:
    """A note when a frame of only general words has a larger share than the dominant ``frame``, else ""."""
    larger = [f for f in FRAMES if f not in frames_that_may_lead(outlet.frame_words_by_frame)
              and outlet.emphasis.get(f, 0.0) - outlet.emphasis.get(frame, 0.0) >= SHARE_TIE]
    if not larger:
        return ""
    listed = " and ".join(f"{percent(outlet.emphasis[f])} for {f}" for f in larger)
    return f"; the {listed} is general vocabulary alone, with no {' or '.join(larger)} frame word"


def _leads(value: float, others: Sequence[float], tie: float) -> bool:
    """Whether ``value`` is above every other value by at least ``tie``."""
    return all(value - other >= tie for other in others)


def _frame_clause(outlet: OutletReport, outlets: Sequence[OutletReport]) -> str:
    if not _has_evidence(outlet):
        return "uses none of the lexicon's frame words, so its emphasis cannot be measured,"
    if outlet.evidence_level == "thin":
        return f"has {NOT_ENOUGH} ({outlet.word_count:,} words, few frame words),"
    top = _top_frames(outlet)
    if len(top) > 1:
        shares = " and ".join(f"{f} ({percent(outlet.emphasis[f])})" for f in top)
        return f"splits its frame evidence evenly between {shares}"
    frame = top[0]
    share = outlet.emphasis[frame]
    note = _general_only(outlet, frame)
    close = _close_runner_up(outlet, frame)
    if close and not note:
        return (f"leans only slightly more on {frame} ({percent(share)}) than on {close} "
                f"({percent(outlet.emphasis[close])}), too close to call,")
    rivals = [o for o in outlets if o is not outlet and _comparable(o)]
    if note:
        return f"leans most on {frame} ({percent(share)} of its frame evidence{note})"
    if not rivals:
        return f"gives most of its frame evidence to {frame} ({percent(share)})"
    lead = _leading_frame(outlet, rivals)
    n_outlets = _count(len(rivals) + 1)
    if lead == frame:
        return (f"gives {frame} the most space of the {n_outlets} outlets ({percent(share)} of its frame evidence"
                f"{_interval(outlet, frame)})")
    if lead is not None:
        return (f"gives {lead} the most space of the {n_outlets} outlets ({percent(outlet.emphasis[lead])} "
                f"of its frame evidence, though its largest frame is {frame} at {percent(share)})")
    return f"leans most on {frame} ({percent(share)} of its frame evidence{_interval(outlet, frame)})"


def _close_runner_up(outlet: OutletReport, frame: str) -> str | None:
    """The runner-up frame when ``frame`` leads it in fewer than :data:`CLOSE_LEAD_SUPPORT` of the
    bootstrap resamples (``dominant_support``), else None; only for the frame named dominant."""
    support = outlet.dominant_support
    if support is None or support >= CLOSE_LEAD_SUPPORT or frame != outlet.dominant_frame:
        return None
    return max((f for f in FRAMES if f != frame), key=lambda f: outlet.emphasis.get(f, 0.0))


def _leading_frame(outlet: OutletReport, rivals: Sequence[OutletReport]) -> str | None:
    """The frame on which the outlet beats every rival by the widest margin, if it leads on any; a frame
    with fewer than :data:`MIN_LEAD_WORDS` frame words (where they are counted) never leads."""
    margins: dict[str, float] = {}
    counts = outlet.frame_words_by_frame
    for frame in FRAMES:
        if counts and counts.get(frame, 0) < MIN_LEAD_WORDS:
            continue
        margin = outlet.emphasis.get(frame, 0.0) - max(o.emphasis.get(frame, 0.0) for o in rivals)
        if margin >= SHARE_TIE and not _overlapping_share(outlet, rivals, frame):
            margins[frame] = margin
    return max(margins, key=lambda f: (margins[f], outlet.emphasis[f])) if margins else None


def _overlapping_share(outlet: OutletReport, rivals: Sequence[OutletReport], frame: str) -> bool:
    """Whether the outlet's 95% interval for ``frame``'s share (``emphasis_ci``) overlaps a rival's: then
    "gives trade the most space of the five outlets" is not said, as for tone. Without intervals
    (one sentence, or a report from before them) the points decide, as before."""
    return _overlaps(outlet.emphasis_ci.get(frame) or [], [o.emphasis_ci.get(frame) or [] for o in rivals])


def _tone_clause(outlet: OutletReport, outlets: Sequence[OutletReport]) -> str:
    rivals = [o for o in outlets if o is not outlet]
    others = [o.tone for o in rivals]
    tone = outlet.tone
    if not others:
        return f"its tone is {describe_tone(tone)}"
    two = len(others) == 1
    if _overlapping_tone(outlet, rivals):
        # the 95% intervals cannot tell it from some other outlet: no ranking, however the points fall.
        # Said by leaving the ranking out, not by a tail on every sentence (five of them pushed the
        # printed handout past five pages).
        ci = outlet.tone_ci
        if ci[0] <= 0 <= ci[1]:  # the interval spans zero: no direction either
            return f"its tone is not clearly positive or negative ({signed(tone)}{_tone_interval(outlet)})"
        return f"its tone is {_tone_words(tone)} ({signed(tone)}{_tone_interval(outlet)})"
    # Inside the neutral band a ranking names the direction of the others, never "most negative"
    # for −0.01 (seen on the seeds: every other outlet was mildly positive).
    if _leads(tone, others, TONE_TIE):
        pair = ("more", "most", "positive") if tone >= TONE_NEUTRAL_BAND else ("less", "least", "negative")
    elif _leads(-tone, [-t for t in others], TONE_TIE):
        pair = ("more", "most", "negative") if tone <= -TONE_NEUTRAL_BAND else ("less", "least", "positive")
    elif two:
        return f"its tone is about the same as the other's ({signed(tone)})"
    else:
        return f"its tone is {describe_tone(tone)}"
    neutral = ", about neutral" if abs(tone) < TONE_NEUTRAL_BAND else ""
    rank = f"{pair[0]} {pair[2]} of the two" if two else f"{pair[1]} {pair[2]}"
    return f"reads the {rank} ({signed(tone)}{neutral}{_tone_interval(outlet)})"


def _overlapping_tone(outlet: OutletReport, rivals: Sequence[OutletReport]) -> bool:
    """Whether the outlet's tone interval overlaps the interval of a rival it would be ranked above or
    below: a ranking ("reads the most positive") is only said when the 95% intervals
    (``tone_ci``) of the outlet and every rival are apart. Outlets without an interval (one sentence)
    are compared by their points, as before intervals existed."""
    return _overlaps(outlet.tone_ci, [o.tone_ci for o in rivals])


def _overlaps(own: Sequence[float], others: Sequence[Sequence[float]]) -> bool:
    """Whether the interval ``own`` overlaps any of ``others``; a missing interval (not two numbers)
    overlaps nothing, so the points decide."""
    return len(own) == 2 and any(len(ci) == 2 and own[0] <= ci[1] and ci[0] <= own[1] for ci in others)


def _tone_interval(outlet: OutletReport) -> str:
    """", 95% interval +0.22 to +0.63" from ``tone_ci`` (nothing without one): a ranking's number
    with how sure it is, as the frame clause gives the share's."""
    ci = outlet.tone_ci
    if len(ci) != 2 or ci[0] == ci[1]:
        return ""
    return f", 95% interval {signed(ci[0])} to {signed(ci[1])}"
