"""Shared copy: passages two articles share nearly word for word (wire copy, reprints, a quoted post).

Why shingles and our own alignment rather than a library: ``datasketch``'s MinHash estimates how
similar two whole sets are, but a reprint with a new lead or a shared quote is a *partial* overlap,
and we need the aligned spans to show; ``rapidfuzz``'s ``partial_ratio`` finds one best window, not
every shared passage. So every article's words are cut into ``SHINGLE`` -word shingles (hashed with
numpy, no Python loop per shingle); articles that share shingles are paired; each pair's shared
shingles are runs along a diagonal of the two word sequences (one exact run per stretch of equal
words), and runs a few words apart are joined into one passage, so small edits ("said" -> "told
reporters") stay inside it. ``difflib`` (stdlib) then shows what each side changed, on demand.

Scale: a shingle found in many articles links each of them to the first one that has it (a star,
not every pair), plus every pair when at most ``ALL_PAIRS_UP_TO`` articles share it and it occurs at
most ``ALL_PAIRS_OCCURRENCES`` times in all (a phrase repeated through one text pairs by the star only,
or a pasted run of one repeated word would pair every copy with every other), and each article
keeps its ``MAX_PARTNERS`` strongest partners; work grows with the number of words, not with the
square of the number of articles.
"""

from __future__ import annotations

import difflib
import operator
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from .textnorm import WORD, WORD_WITHOUT_MARKS, has_marks
from .types import CoverageSource, Reprint, SharedPassage

__all__ = ["MIN_PASSAGE_WORDS", "REPRINT_SHARE", "SHINGLE", "find_shared_copy", "word_diff"]

#: Words per shingle: five words in the same order rarely recur by chance in news prose.
SHINGLE = 5
#: Fewest words matched exactly for a passage to count as shared copy (a sentence and a bit;
#: stock phrases such as "the United States and China" are shorter).
MIN_PASSAGE_WORDS = 14
#: Largest gap (words, on either side) bridged between two exact runs of one passage.
MAX_GAP = 6
#: Share of words in a passage that must be matched exactly: above this it is "nearly word for word".
MIN_SIMILARITY = 0.6
#: An article is flagged a reprint of another when this share of its words lies in passages shared
#: with that one article.
REPRINT_SHARE = 0.6
#: All pairs are formed for a shingle found in at most this many articles; above, a star.
ALL_PAIRS_UP_TO = 6
#: ... and occurs at most this many times in all: above, the pairs would grow with the square of how
#: often one text repeats it (two pastes of 2,000 repeated words took 8 s and 400 MB).
ALL_PAIRS_OCCURRENCES = 24
#: Partners kept per article (the ones sharing the most shingles).
MAX_PARTNERS = 8

_NO_SHINGLES = np.zeros(0, dtype=np.int64)
#: The Document's word (framing.textnorm): one definition of a word. Captured, so that ``split`` gives
#: the words and the text between them in turn: their lengths give the offsets without a match
#: object per word (half of ``_words``' time on 1,000 articles).
_WORD_SPLIT = re.compile(f"({WORD})")
_PLAIN_WORD_SPLIT = re.compile(f"({WORD_WITHOUT_MARKS})")


@dataclass(frozen=True, slots=True)
class _Words:
    """One article's words: character offsets and shingle hashes, as compact arrays (issue 16: the
    corpus's words are held at once, so Python lists of int objects cost ~80 bytes a word)."""

    starts: np.ndarray  # int32, one per word
    ends: np.ndarray
    hashes: np.ndarray  # int64, one per shingle


def _words(text: str, vocabulary: dict[str, int]) -> _Words:
    pieces = (_WORD_SPLIT if has_marks(text) else _PLAIN_WORD_SPLIT).split(text)  # between, word, ..., word, between
    found = pieces[1::2]
    ends = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
    word_ends = ends[1::2]
    spans = np.stack([word_ends - np.fromiter(map(len, found), dtype=np.int64, count=len(found)), word_ends],
                     axis=1).astype(np.int32)
    # Lowered in one call: NUL is never inside a word and, being neither cased nor case-ignorable,
    # bounds the final-sigma rule as the end of a string does, so each piece is its word's lower().
    lowered = "\0".join(found).lower().replace("’", "'").split("\0") if found else []
    known = list(map(vocabulary.get, lowered))
    if None in known:  # new words get the next ids in order of first appearance
        for i in np.flatnonzero(list(map(operator.is_, known, repeat(None)))).tolist():
            known[i] = vocabulary.setdefault(lowered[i], len(vocabulary) + 1)
    codes = np.array(known, dtype=np.int64)
    offsets = np.ascontiguousarray(spans[:, 0]), np.ascontiguousarray(spans[:, 1])
    if len(codes) < SHINGLE:
        return _Words(*offsets, np.zeros(0, dtype=np.int64))
    # A rolling combination of SHINGLE consecutive word hashes (wraps around on overflow).
    mixed = np.zeros(len(codes) - SHINGLE + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            mixed = mixed * np.uint64(1_000_003) + codes[k : len(codes) - SHINGLE + 1 + k].astype(np.uint64)
    return _Words(*offsets, mixed.astype(np.int64))


def find_shared_copy(reports: Sequence[CoverageSource]) -> tuple[tuple[SharedPassage, ...], tuple[Reprint, ...]]:
    """Every passage two articles share nearly word for word, and the articles that are mostly reprints.

    Returns
    -------
    (passages, reprints)
        Passages sorted by article pair and position; a reprint names the article it copies
        (the earlier one by date, else by id).
    """
    vocabulary: dict[str, int] = {}  # word ids: deterministic, unlike hash() of a str
    words = [_words(r.text, vocabulary) for r in reports]
    pairs = _candidate_pairs(words)
    words = [_Words(w.starts, w.ends, _NO_SHINGLES) for w in words]  # the hashes are done with: free them
    passages: list[SharedPassage] = []
    covered: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for (a, b), hits in sorted(pairs.items()):
        for (i0, i1), (j0, j1), matched in _passages(hits):
            length = max(i1 - i0, j1 - j0)
            similarity = matched / length
            if matched < MIN_PASSAGE_WORDS or similarity < MIN_SIMILARITY:
                continue
            wa, wb = words[a], words[b]
            passages.append(SharedPassage(
                articles=(reports[a].id, reports[b].id),
                spans=((int(wa.starts[i0]), int(wa.ends[i1 - 1])), (int(wb.starts[j0]), int(wb.ends[j1 - 1]))),
                similarity=round(similarity, 4),
            ))
            covered[(a, b)].append((i0, i1))
            covered[(b, a)].append((j0, j1))
    return tuple(passages), _reprints(reports, words, covered)


def _candidate_pairs(words: Sequence[_Words]) -> dict[tuple[int, int], np.ndarray]:
    """Shared shingle positions ``(i, j)`` per article pair ``(a, b)``, ``a < b``."""
    if not words:
        return {}
    # Every shingle of the corpus at once: int32 article and position columns and each temporary
    # freed as soon as it is used, so the peak stays a few dozen bytes per word (issue 16).
    lengths = np.array([len(w.hashes) for w in words], dtype=np.int64)
    hashes = np.concatenate([w.hashes for w in words])
    if len(hashes) == 0:
        return {}
    # A stable sort by hash keeps each hash's shingles in corpus order (article, then position), the
    # order of lexsort((positions, docs, hashes)); article and position follow from the sorted index.
    order = np.argsort(hashes, kind="stable")
    hashes = hashes[order]
    new_group = np.empty(len(hashes), dtype=bool)
    new_group[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=new_group[1:])
    del hashes
    ends = np.cumsum(lengths)
    docs = np.searchsorted(ends, order, side="right").astype(np.int32)
    positions = (order - (ends - lengths)[docs]).astype(np.int32)
    del order, ends
    group_starts = np.flatnonzero(new_group)
    sizes = np.diff(np.r_[group_starts, len(new_group)])
    first = np.repeat(group_starts, sizes)  # index of the group's first occurrence (lowest article, then position)
    del new_group
    star = docs != docs[first]
    pa, pb = docs[first][star].astype(np.int64), docs[star].astype(np.int64)
    ia, ib = positions[first][star], positions[star]
    del first, star
    extra_a, extra_b, extra_i, extra_j = [], [], [], []
    several = (sizes >= 3) & (sizes <= ALL_PAIRS_OCCURRENCES)  # a pair of occurrences is already linked by the star
    for start, size in zip(group_starts[several].tolist(), sizes[several].tolist()):
        group_docs = docs[start : start + size].tolist()
        if len(set(group_docs)) > ALL_PAIRS_UP_TO:
            continue
        group_positions = positions[start : start + size].tolist()
        for x in range(1, size):
            for y in range(x + 1, size):
                if group_docs[x] != group_docs[y]:
                    extra_a.append(group_docs[x])
                    extra_b.append(group_docs[y])
                    extra_i.append(group_positions[x])
                    extra_j.append(group_positions[y])
    del docs, positions, group_starts, sizes
    pa = np.r_[pa, np.array(extra_a, dtype=np.int64)]
    pb = np.r_[pb, np.array(extra_b, dtype=np.int64)]
    ia = np.r_[ia, np.array(extra_i, dtype=np.int32)]
    ib = np.r_[ib, np.array(extra_j, dtype=np.int32)]
    if len(pa) == 0:
        return {}
    n = len(words)
    swap = pa > pb
    ia, ib = np.where(swap, ib, ia), np.where(swap, ia, ib)
    pair_key = np.minimum(pa, pb) * n + np.maximum(pa, pb)
    del pa, pb, swap
    keys, counts = np.unique(pair_key, return_counts=True)
    strong = keys[counts >= MIN_PASSAGE_WORDS - SHINGLE + 1]
    kept = _strongest_partners(strong, counts[counts >= MIN_PASSAGE_WORDS - SHINGLE + 1], n)
    del keys, counts, strong
    if len(kept) == 0:
        return {}
    at = np.searchsorted(kept, pair_key)  # np.isin(pair_key, kept) without its sorted copies
    np.minimum(at, len(kept) - 1, out=at)
    mask = kept[at] == pair_key
    del at
    pair_key, ia, ib = pair_key[mask], ia[mask], ib[mask]
    if len(pair_key) == 0:
        return {}
    order = np.lexsort((ia, ib - ia, pair_key))
    pair_key, ia, ib = pair_key[order], ia[order], ib[order]
    bounds = np.flatnonzero(np.r_[True, pair_key[1:] != pair_key[:-1], True])
    result = {}
    for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        key = int(pair_key[s])
        result[(key // n, key % n)] = np.stack([ia[s:e], ib[s:e]], axis=1)
    return result


def _strongest_partners(keys: np.ndarray, counts: np.ndarray, n: int) -> np.ndarray:
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key, count in zip(keys.tolist(), counts.tolist()):
        partners[key // n].append((count, key))
        partners[key % n].append((count, key))
    kept: set[int] = set()
    for items in partners.values():
        kept.update(key for _, key in sorted(items, reverse=True)[:MAX_PARTNERS])
    return np.array(sorted(kept), dtype=np.int64)


def _passages(hits: np.ndarray) -> list[tuple[tuple[int, int], tuple[int, int], int]]:
    """Join shingle hits (sorted by diagonal, then position) into word-index passages with match counts."""
    # Runs (i_start, i_end, j_start, j_end) in words, exact: a run breaks where the diagonal changes
    # or the next hit is not the next word.
    i, j = hits[:, 0].astype(np.int64), hits[:, 1].astype(np.int64)
    breaks = np.flatnonzero((j[1:] - i[1:] != j[:-1] - i[:-1]) | (i[1:] != i[:-1] + 1)) + 1
    heads = np.concatenate((np.zeros(1, dtype=np.int64), breaks))
    tails = np.concatenate((breaks - 1, np.full(1, len(hits) - 1, dtype=np.int64)))
    runs = list(zip(i[heads].tolist(), (i[tails] + SHINGLE).tolist(), j[heads].tolist(), (j[tails] + SHINGLE).tolist()))
    # Longest runs first; a shorter run overlapping an accepted one (a phrase that recurs elsewhere in
    # the other text) is dropped, so a stray five-word match cannot hide the real alignment.
    accepted: list[tuple[int, int, int, int]] = []
    for run in sorted(runs, key=lambda r: (-(r[1] - r[0]), r)):
        i0, i1, j0, j1 = run
        if all(i1 <= a0 or i0 >= a1 for a0, a1, _, _ in accepted) and all(j1 <= b0 or j0 >= b1 for _, _, b0, b1 in accepted):
            accepted.append(run)
    accepted.sort()
    joined: list[list[int]] = []
    for i0, i1, j0, j1 in accepted:
        if joined:
            last = joined[-1]
            if 0 <= i0 - last[1] <= MAX_GAP and 0 <= j0 - last[3] <= MAX_GAP:
                last[4] += i1 - i0
                last[1], last[3] = i1, j1
                continue
        joined.append([i0, i1, j0, j1, i1 - i0])
    return [((p[0], p[1]), (p[2], p[3]), p[4]) for p in joined]


def _reprints(
    reports: Sequence[CoverageSource], words: Sequence[_Words], covered: dict[tuple[int, int], list[tuple[int, int]]]
) -> tuple[Reprint, ...]:
    found = []
    for (a, b), spans in sorted(covered.items()):
        total = len(words[a].starts)
        if not total:
            continue
        marked = np.zeros(total, dtype=bool)
        for i0, i1 in spans:
            marked[i0:i1] = True
        share = float(marked.mean())
        if share < REPRINT_SHARE:
            continue
        # When both are mostly the other, only one is flagged: the later by date; on the same date (or
        # none) the one that adds more of its own (a new lead, a credit line), then the later id.
        other_total = len(words[b].starts)
        other_marked = np.zeros(other_total, dtype=bool)
        for j0, j1 in covered[(b, a)]:
            other_marked[j0:j1] = True
        other_share = float(other_marked.mean()) if other_total else 0.0
        if other_share >= REPRINT_SHARE:
            dates = (reports[a].date or "", reports[b].date or "")
            copy_is_a = dates[0] > dates[1] if dates[0] != dates[1] else (
                share < other_share if share != other_share else reports[a].id > reports[b].id)
            if not copy_is_a:
                continue
        found.append(Reprint(article=reports[a].id, of=reports[b].id, share=round(share, 4)))
    return tuple(found)


def word_diff(left: str, right: str) -> list[tuple[str, str, str]]:
    """What changed between two versions of a passage, word by word (``difflib``).

    Returns ``(op, left words, right words)`` with ``op`` one of ``equal``, ``replace``, ``delete``
    (only in left), ``insert`` (only in right).

    Examples
    --------
    >>> word_diff("Trump said on Monday he would go", "Trump told reporters on Monday he would go")
    [('equal', 'Trump', 'Trump'), ('replace', 'said', 'told reporters'), ('equal', 'on Monday he would go', 'on Monday he would go')]
    """
    a, b = left.split(), right.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [(op, " ".join(a[i0:i1]), " ".join(b[j0:j1])) for op, i0, i1, j0, j1 in matcher.get_opcodes()]
