"""Voice-aware scores: an article's own prose and the material it quotes, scored apart.

"Reads most positive" may come from the outlet or from the people it quotes (issue 14). Here every
token is either *quoted* (inside a quote's span, direct or reported) or *own*. Frames: each piece
of frame evidence counts for the voice its first character falls in. Tone: a sentence wholly in one
voice keeps its tone; in a sentence with both (“…,” he said, adding that …) each tone word's evidence
weight counts for the voice it is in and each part's sum is normalised as a sentence's is (no rescoring). A voice's tone is the mean over its sentences (parts), as for articles.

Per outlet: the share of words inside quotations, a speakers table, the share of quoted words by
speaker type, pooled voice scores, and frame-conditional tone (the mean tone of the outlet's
sentences whose dominant frame is trade, security or diplomacy).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from collections.abc import Sequence
from typing import NamedTuple

from .lexicon import ToneLexicon
from .naming_aliases import leading_country, load_naming_words
from .quotes import quoted_mask
from .tone import mean_tone, normalize_tone
from .types import (
    FRAMES,
    ArticleReport,
    Quote,
    SentenceReport,
    SpeakerTotal,
    Token,
    Voice,
    VoiceScores,
)

__all__ = ["OutletVoiceTotals", "TokenLayout", "count_words", "outlet_voice_fields", "same_speaker", "speaker_key", "split_voice", "token_layout"]


class TokenLayout(NamedTuple):
    """Where an article's tokens start and which are digits: all that the voice split reads of them.

    Why not the tokens: the pipeline keeps what the split needs from each article's own pass until
    the corpus-level report step; thousands of Token tuples kept alive that long made every garbage
    collection walk them again (a good part of what quote finding added to the analysis time). A flat
    array and a bytes object are not tracked by the collector.
    """

    starts: array[int]
    #: ``digits[k]`` is 1 when token k is a number (numbers are not counted as words).
    digits: bytes


def token_layout(tokens: Sequence[Token]) -> TokenLayout:
    """The :class:`TokenLayout` of ``tokens``.

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> layout = token_layout(tokenize("In 2025 talks resumed"))
    >>> list(layout.starts), list(layout.digits)
    ([0, 3, 8, 14], [0, 1, 0, 0])
    """
    return TokenLayout(array("q", [t.start for t in tokens]), bytes([t.lower.isdigit() for t in tokens]))


def count_words(tokens: Sequence[Token]) -> int:
    """Words as the pipeline counts them (digits are not words).

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> count_words(tokenize("In 2025 talks resumed"))
    3
    """
    return sum(1 for t in tokens if not t.lower.isdigit())


def split_voice(
    sentences: Sequence[SentenceReport],
    tokens: Sequence[Token] | TokenLayout,
    quotes: Sequence[Quote],
    *,
    tone_lexicon: ToneLexicon | None = None,
) -> Voice:
    """Split one article's words, tone and frame evidence into its own voice and quoted material.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> text = "Talks collapsed badly. “This is a wonderful, great deal,” said Lin Jian."
    >>> report = analyze_articles([Article(id="a", outlet="A", title="t", text=text)])
    >>> voice = report.articles[0].voice
    >>> voice.own.words, voice.quoted.words, voice.own.tone < 0 < voice.quoted.tone
    (6, 6, True)
    """
    layout = tokens if isinstance(tokens, TokenLayout) else token_layout(tokens)
    token_starts, digits = layout.starts, layout.digits
    mask = quoted_mask(quotes)
    starts = [s for s, _ in mask]

    def inside(position: int) -> bool:
        k = bisect_right(starts, position) - 1
        return k >= 0 and position < mask[k][1]

    words = {"own": 0, "quoted": 0}
    tones: dict[str, list[float]] = {"own": [], "quoted": []}
    frames = {voice: dict.fromkeys(FRAMES, 0.0) for voice in ("own", "quoted")}
    n_mask = len(mask)
    # non_digit[k]: words among the first k tokens, so a run of tokens is counted without a walk over it
    non_digit = [0, *accumulate(1 - d for d in digits)]
    for sentence in sentences:
        lo, hi = bisect_left(token_starts, sentence.start), bisect_right(token_starts, sentence.end - 1)
        # a token is quoted when its start lies in one of the mask's sorted, disjoint intervals: the
        # quoted tokens of the sentence are whole runs, one per interval it meets
        quoted_tokens = quoted_words = 0
        if lo < hi:
            last = token_starts[hi - 1]
            m = max(bisect_right(starts, token_starts[lo]) - 1, 0)
            while m < n_mask and starts[m] <= last:
                x, y = bisect_left(token_starts, starts[m], lo, hi), bisect_left(token_starts, mask[m][1], lo, hi)
                if y > x:
                    quoted_tokens += y - x
                    quoted_words += non_digit[y] - non_digit[x]
                m += 1
        words["quoted"] += quoted_words
        words["own"] += non_digit[hi] - non_digit[lo] - quoted_words if lo < hi else 0
        has = {"own": hi - lo > quoted_tokens, "quoted": quoted_tokens > 0}
        present = [voice for voice, seen in has.items() if seen]
        if len(present) == 1:
            tones[present[0]].append(sentence.tone)
        sums = {"own": 0.0, "quoted": 0.0}
        for item in sentence.evidence:
            voice = "quoted" if inside(item.start) else "own"
            if item.frame in FRAMES:
                frames[voice][item.frame] += item.weight
            elif len(present) > 1:
                sums[voice] += item.weight
        if len(present) > 1:
            # each tone word counts for its voice; a part's sum is normalised as a sentence's is
            for voice in present:
                tones[voice].append(normalize_tone(sums[voice]))
    return Voice(
        own=VoiceScores(words=words["own"], tone=mean_tone(tones["own"]), frames=frames["own"]),
        quoted=VoiceScores(words=words["quoted"], tone=mean_tone(tones["quoted"]), frames=frames["quoted"]),
    )


def speaker_key(speaker: str) -> str:
    """How speakers are pooled in an outlet's table: case, a leading 'the', possessives and the form of
    a leading country word ignored, so "China's foreign ministry" and "the Chinese Foreign Ministry" are
    one speaker. Country words are those the naming step reads (``naming_aliases.NamingWords.country``).

    Examples
    --------
    >>> speaker_key("The European Commission"), speaker_key("Chinese foreign ministry’s")
    ('european commission', 'china foreign ministry')
    >>> speaker_key("China’s Foreign Ministry"), speaker_key("Beijing")
    ('china foreign ministry', 'beijing')
    """
    key = " ".join(speaker.lower().replace("’", "'").split())
    key = key.removeprefix("the ").removesuffix("'s")
    words = key.split()
    found = leading_country(words, load_naming_words())
    if found is None:
        return key
    country, size = found
    return " ".join([country.lower(), *words[size:]])


def same_speaker(key: str, chosen: str) -> bool:
    """True when a quote's :func:`speaker_key` belongs under the chosen row of the speakers table:
    the same key, or the one-word surname of a full name that the table pools under it.

    Examples
    --------
    >>> same_speaker("takaichi", "sanae takaichi"), same_speaker("sanae takaichi", "sanae takaichi"), same_speaker("abe", "sanae takaichi")
    (True, True, False)
    """
    return key == chosen or (" " not in key and " " in chosen and key in (chosen.split(" ", 1)[0], chosen.rsplit(" ", 1)[1]))


def outlet_voice_fields(members: Sequence[ArticleReport]) -> dict[str, object]:
    """The issue-14 fields of one outlet: quote_share, speakers, tone_by_frame, voice_by_type,
    unattributed_share (the part of the quoted words, inside voice_by_type's ``other``, whose
    quotation has no identified speaker) and voice."""
    totals = OutletVoiceTotals()
    for article in members:
        totals.add(article)
    return totals.fields()


class OutletVoiceTotals:
    """Running sums behind :func:`outlet_voice_fields`, fed one article at a time (issue 16).

    A streamed run adds each article as its line is written and keeps no report: per article this
    holds a few numbers and one tone per sentence, and the fields are those of the whole list.
    """

    def __init__(self) -> None:
        self.words = self.quoted = self.own = 0
        #: quoted words of quotations with no speaker identified (counted under "other" by type)
        self.unattributed = 0
        self.table: dict[str, dict[str, object]] = {}
        self.type_words: Counter[str] = Counter()
        self.by_frame: dict[str, array[float]] = {f: array("d") for f in FRAMES}
        self.frames: dict[str, dict[str, list[float]]] = {v: {f: [] for f in FRAMES} for v in ("own", "quoted")}
        # per voice: tone x words of each article (summed exactly at the end) and the words
        self.weighted: dict[str, list[float]] = {"own": [], "quoted": []}
        self.weights: dict[str, int] = {"own": 0, "quoted": 0}

    def add(self, article: ArticleReport) -> None:
        """Add one article (articles are added in the outlet's order)."""
        self.words += article.word_count
        self.quoted += article.voice.quoted.words
        self.own += article.voice.own.words
        for quote in _outermost(article.quotes):
            n = _quote_words(quote)
            self.type_words[quote.speaker_type] += n
            if quote.speaker is None:
                self.unattributed += n
                continue
            entry = self.table.setdefault(speaker_key(quote.speaker), {"speaker": quote.speaker, "types": Counter(), "quotes": 0, "words": 0})
            entry["quotes"] = int(entry["quotes"]) + 1  # type: ignore[call-overload]
            entry["words"] = int(entry["words"]) + n  # type: ignore[call-overload]
            types = entry["types"]
            assert isinstance(types, Counter)
            types[quote.speaker_type] += 1
        for sentence in article.sentences:
            if sentence.frame in self.by_frame:
                self.by_frame[sentence.frame].append(sentence.tone)
        for name in ("own", "quoted"):
            scores = getattr(article.voice, name)
            for f in FRAMES:
                self.frames[name][f].append(scores.frames[f])
            self.weighted[name].append(scores.tone * scores.words)
            self.weights[name] += scores.words

    def fields(self) -> dict[str, object]:
        """The fields of :func:`outlet_voice_fields` for the articles added so far."""
        speakers = tuple(sorted(
            (SpeakerTotal(str(e["speaker"]), _top(e["types"]), int(e["quotes"]), int(e["words"])) for e in _pool_surnames(self.table).values()),  # type: ignore[call-overload]
            key=lambda s: (-s.words, -s.quotes, s.speaker),
        ))
        total_typed = sum(self.type_words.values())
        return {
            "quote_share": self.quoted / self.words if self.words else 0.0,
            "speakers": speakers,
            "tone_by_frame": {f: (mean_tone(v) if v else None) for f, v in self.by_frame.items()},
            "voice_by_type": {t: n / total_typed for t, n in sorted(self.type_words.items())} if total_typed else {},
            "unattributed_share": self.unattributed / total_typed if total_typed else 0.0,
            "voice": Voice(
                own=VoiceScores(self.own, self._pooled_tone("own"), self._frames("own")),
                quoted=VoiceScores(self.quoted, self._pooled_tone("quoted"), self._frames("quoted")),
            ),
        }

    def _frames(self, voice: str) -> dict[str, float]:
        return {f: math.fsum(values) for f, values in self.frames[voice].items()}

    def _pooled_tone(self, voice: str) -> float:
        total = self.weights[voice]
        return math.fsum(self.weighted[voice]) / total if total else 0.0


def _pool_surnames(table: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    """The speakers table with a one-word speaker pooled under the one full name that ends or
    starts with it ("Takaichi" in one article, "Sanae Takaichi" in another: one row, shown with the
    full name; "Xi" with "Xi Jinping"); left apart when no name or several names fit. ``table`` is
    not changed.

    Examples
    --------
    >>> row = lambda name, n: {"speaker": name, "types": Counter({"other": n}), "quotes": n, "words": 10 * n}
    >>> table = {"sanae takaichi": row("Sanae Takaichi", 1), "takaichi": row("Takaichi", 2), "beijing": row("Beijing", 1)}
    >>> {k: (e["speaker"], e["quotes"]) for k, e in _pool_surnames(table).items()}
    {'sanae takaichi': ('Sanae Takaichi', 3), 'beijing': ('Beijing', 1)}
    """
    full: dict[str, list[str]] = {}
    for key, entry in table.items():
        words = key.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in str(entry["speaker"]).split()):
            for word in {words[0], words[-1]}:  # "Ruiz" of Ana Ruiz; "Xi" of Xi Jinping (family name first)
                full.setdefault(word, []).append(key)
    pooled = {key: dict(entry) for key, entry in table.items()}
    for key, entry in table.items():
        targets = full.get(key, []) if " " not in key else []
        if len(targets) != 1:
            continue
        target = pooled[targets[0]]
        target["quotes"] = int(target["quotes"]) + int(entry["quotes"])  # type: ignore[call-overload]
        target["words"] = int(target["words"]) + int(entry["words"])  # type: ignore[call-overload]
        types = target["types"]
        assert isinstance(types, Counter)
        target["types"] = types + entry["types"]  # type: ignore[operator]
        del pooled[key]
    return pooled


def _top(types: object) -> str:
    assert isinstance(types, Counter)
    return min(types.items(), key=lambda item: (-item[1], item[0]))[0]


def _quote_words(quote: Quote) -> int:
    return sum(1 for w in quote.text.split() if w.isalpha() or any(c.isalpha() for c in w))


def _outermost(quotes: Sequence[Quote]) -> list[Quote]:
    """Quotes not inside another quote (a direct quote inside a reported clause counts once)."""
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for quote in ordered:
        if kept and quote.end <= kept[-1].end:
            continue
        kept.append(quote)
    return kept

