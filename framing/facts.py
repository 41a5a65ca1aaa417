"""Facts across outlets: align sentences and clauses of different articles by content, cluster them.

A corpus-level reduce step over the per-article reports. Each sentence (long ones split into
clauses) becomes a unit with a TF-IDF vector over its content lemmas and numbers. The IDF is the
engine's formula (``framing.frames``: scikit-learn's smooth IDF over the articles analysed plus
``PRIOR_DOCUMENTS`` background pseudo-articles from wordfreq), applied to every word instead of only
lexicon terms, so a word all outlets use ("Trump") weighs less than a specific one ("soybeans").
Numbers and names count extra: two outlets rarely share "April", "2026" and "Busan" by chance.

Units of different articles are linked when their cosine is at least ``LINK_SIMILARITY``; links are
taken strongest first and two groups merge only while their centroids stay similar
(``MERGE_SIMILARITY``), so a chain of loosely related sentences does not collapse into one "fact".

Scale: identical units (wire copy, a corpus built from repeated paragraphs) are vectorised and
clustered once. Candidate pairs come from an inverted index on each unit's rarest terms
(``BLOCK_KEYS`` per unit) and postings longer than ``MAX_POSTING`` are not used for blocking, so the
pairs compared grow as units x ``BLOCK_KEYS`` x ``MAX_POSTING`` at worst: linear in the corpus.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .stopwords import ENGLISH_STOP_WORDS

from .frames import PRIOR_DOCUMENTS, background_document_share
from .segment import tokenize
from .types import CoverageSource, Fact, Mention, Token

__all__ = ["LINK_SIMILARITY", "MERGE_SIMILARITY", "Unit", "find_compounds", "find_facts", "split_units", "unit_terms"]

#: Cosine at which two units of different articles are taken to state the same fact. Tuned on the
#: bundled seeds and the annotated dev events (docs/coverage.md): 0.30 joins paraphrases that share
#: two or three specific words; 0.45 left most paraphrases apart.
LINK_SIMILARITY = 0.30
#: Cosine two groups' centroids must keep for them to merge (stops chaining A~B~C into one fact).
MERGE_SIMILARITY = 0.30
#: Cosine to a fact's centroid at which another sentence of an article already in the fact joins it.
ATTACH_SIMILARITY = 0.45
#: Extra weight of a number ("24", "2026") and of a capitalised word inside a sentence (a name).
NUMBER_BOOST = 1.6
NAME_BOOST = 1.3
#: Shortest part of a compound written as two words ("coast guard"): shorter parts join too much
#: by chance ("in to", "any one" are stop words anyway; "sea bed" is the shortest wanted).
MIN_COMPOUND_PART = 3
#: Fewest content words a unit needs to be a fact ("He said so." is not one).
MIN_CONTENT_WORDS = 3
#: A sentence is split into clauses only when it has at least this many words and each part at least
#: ``MIN_CLAUSE_WORDS``: news sentences often pack two facts ("X met Y; they agreed Z").
SPLIT_SENTENCE_WORDS = 28
MIN_CLAUSE_WORDS = 8
#: Rarest terms per unit used as blocking keys, and the longest posting list (in distinct units)
#: still used to propose candidates; longer lists are terms too common to say two units match.
BLOCK_KEYS = 6
MAX_POSTING = 200
#: Candidate comparisons per unit type (rarest shared terms first): with it the linking work grows
#: with the number of units, not with the square of a posting's length (which grows with the corpus).
MAX_CANDIDATES = 40

#: Clause boundaries: a semicolon, a dash, or a comma before a conjunction that starts a new clause.
_CLAUSE_BREAK = re.compile(r";\s+|\s+[—–]\s+|,\s+(?=(?:and|but|while|whereas|although)\s)")
_DASHES = ("—", "–")
_NUMBER = re.compile(r"^\d+$")
_OPENING_QUOTES = ("“", '"', "«", "‘")


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence or clause of one article: ``text[start:end]`` of that article's cleaned text."""

    article: int
    start: int
    end: int


def split_units(report: CoverageSource) -> list[Unit]:
    """Sentences of one article, long ones split into clauses, as units (article index left 0).

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> text = ("The two leaders spoke by phone on Monday about trade and the war in Ukraine; "
    ...         "they also agreed that the president would visit Beijing in April next year.")
    >>> report = analyze_articles([Article(id="a", outlet="A", title="t", text=text)]).articles[0]
    >>> [report.text[u.start:u.end][:20] for u in split_units(report)]
    ['The two leaders spok', 'they also agreed tha']
    """
    units: list[Unit] = []
    for sentence in report.sentences:
        body = report.text[sentence.start : sentence.end]
        pieces = [(0, len(body))]
        if len(body.split()) >= SPLIT_SENTENCE_WORDS:
            pieces = _clauses(body)
        units.extend(Unit(0, sentence.start + s, sentence.start + e) for s, e in pieces)
    return units


def _clauses(body: str) -> list[tuple[int, int]]:
    """Clause cuts of one long sentence; a pair of dashes encloses an aside and cuts nothing.

    Examples
    --------
    >>> body = ("Nine trawlers from the northern fleet — four of them owned by one family — were "
    ...         "seized off the coast on Monday by a patrol boat, the harbour master said.")
    >>> len(_clauses(body))
    1
    """
    breaks = list(_CLAUSE_BREAK.finditer(body))
    dashes = [m for m in breaks if m.group().strip() in _DASHES]
    # Dashes pair up in order (first with second, third with fourth): "A — aside — B" is one
    # clause, and cutting at the closing dash would part the subject ("A") from its verb ("B").
    paired = {id(m) for m in dashes[: len(dashes) // 2 * 2]}
    cuts = [0]
    for match in breaks:
        if id(match) in paired:
            continue
        left = body[cuts[-1] : match.start()]
        right = body[match.end() :]
        if len(left.split()) >= MIN_CLAUSE_WORDS and len(right.split()) >= MIN_CLAUSE_WORDS:
            cuts.append(match.end())
    pieces = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(body)
        piece = body[start:end].rstrip(" ,;—–")
        if piece:
            pieces.append((start, start + len(piece)))
    return pieces


def unit_terms(
    text: str, *, compounds: frozenset[str] = frozenset(), tokens: Sequence[Token] | None = None
) -> Counter[str]:
    """Content features of a unit: lemmas of non-stop words, numbers as ``#n``, names as ``lemma``.

    Names (capitalised words that do not start the unit) are marked with a leading ``^`` so they can
    be boosted; their lemma is the same feature as the lower-case word. Two adjacent words whose
    concatenation is in ``compounds`` count as that one word ("coast guard" = "coastguard"; see
    :func:`find_compounds`). ``tokens`` are ``tokenize(text)`` when the caller already has them.

    Examples
    --------
    >>> sorted(unit_terms("Trump will visit Beijing in April 2026."))
    ['#2026', '^april', '^beijing', 'trump', 'visit']
    >>> sorted(unit_terms("Two Coast Guard ships sailed.", compounds=frozenset({"coastguard"})))
    ['^coastguard', 'sail', 'ship']
    """
    terms: Counter[str] = Counter()
    if tokens is None:
        tokens = tokenize(text)
    skip = False
    for index, token in enumerate(tokens):
        if skip:
            skip = False
            continue
        if _NUMBER.match(token.lower):
            terms["#" + token.lower.lstrip("0")] += 1
            continue
        lemma = token.lemma
        if compounds and index + 1 < len(tokens) and _joinable(text, token, tokens[index + 1]):
            joined = token.lower + tokens[index + 1].lemma
            if joined in compounds:
                lemma, skip = joined, True
        if len(lemma) < 2 or lemma in ENGLISH_STOP_WORDS or token.lower in ENGLISH_STOP_WORDS:
            continue
        capitalised = text[token.start].isupper()
        terms[("^" + lemma) if capitalised and index > 0 else lemma] += 1
    return terms


def _joinable(text: str, left: Token, right: Token) -> bool:
    """Two words that could be one compound written apart: adjacent, alphabetic, not stop words."""
    return (
        text[left.end : right.start] == " "
        and len(left.lower) >= MIN_COMPOUND_PART
        and len(right.lower) >= MIN_COMPOUND_PART
        and left.lower.isalpha()
        and right.lower.isalpha()
        and left.lower not in ENGLISH_STOP_WORDS
        and right.lower not in ENGLISH_STOP_WORDS
    )


def find_compounds(texts: Sequence[str], *, tokens: Sequence[Sequence[Token]] | None = None) -> frozenset[str]:
    """Words some texts write as one and others as two ("coastguard" / "coast guard", "air strike").

    A word is a compound when it equals two adjacent words of some text run together (the second
    as its lemma, so "coast guards" matches "coastguard" too) and some text writes it in lower case
    (a surname such as "Goodman" is not "good man"); never a word ending in "-ly" (an adverb such
    as "diplomatically" is not "diplomatic ally"). ``tokens`` are each text's
    ``tokenize`` result when the caller already has them.

    Examples
    --------
    >>> sorted(find_compounds(["The coastguard came.", "Coast Guard ships and a coast road."]))
    ['coastguard']
    >>> sorted(find_compounds(["Goodman spoke diplomatically.", "A good man, a diplomatic ally."]))
    []
    """
    singles: set[str] = set()
    pairs: set[str] = set()
    for number, text in enumerate(texts):
        words = tokenize(text) if tokens is None else tokens[number]
        for index, token in enumerate(words):
            if (token.lower.isalpha() and len(token.lower) >= 2 * MIN_COMPOUND_PART
                    and text[token.start : token.end].islower() and not token.lower.endswith("ly")):
                singles.add(token.lemma)
            if index + 1 < len(words) and _joinable(text, token, words[index + 1]):
                pairs.add(token.lower + words[index + 1].lemma)
    return frozenset(singles & pairs)


def find_facts(reports: Sequence[CoverageSource]) -> tuple[Fact, ...]:
    """Cluster the units of all articles into facts, ordered shared-by-all first, single-outlet last.

    Parameters
    ----------
    reports : sequence of CoverageSource
        The articles of one analysis (their cleaned ``text`` and ``sentences``).

    Returns
    -------
    tuple of Fact
        Each with an id (``f1``...), a representative wording and every mention's offsets.
    """
    units: list[Unit] = []
    for index, report in enumerate(reports):
        units.extend(Unit(index, u.start, u.end) for u in split_units(report))
    # Identical units (after whitespace/case folding) are one "type", clustered once. Each unit's
    # text is cut out only while its key is made: a list of them all copied the corpus (issue 16).
    type_of: dict[str, int] = {}
    unit_type: list[int] = []
    type_articles: list[set[int]] = []
    type_text: list[str] = []
    for unit in units:
        text = reports[unit.article].text[unit.start : unit.end]
        key = " ".join(text.lower().split())
        if key not in type_of:
            type_of[key] = len(type_text)
            type_text.append(text)
            type_articles.append(set())
        unit_type.append(type_of[key])
        type_articles[type_of[key]].add(unit.article)
    # Each unit type is tokenised twice (for the compounds, then for its terms) rather than all the
    # corpus's tokens held at once: ~350 bytes a word, 170 MB on 519 AllSides articles (issue 16).
    compounds = find_compounds(type_text)
    features = [unit_terms(t, compounds=compounds, tokens=tokenize(t)) for t in type_text]
    content = [sum(1 for f in feats if not f.startswith("#")) for feats in features]
    idf = _idf(features, type_articles, len(reports))
    vectors = [_vector(feats, idf) for feats in features]
    eligible = [content[i] >= MIN_CONTENT_WORDS for i in range(len(type_text))]
    spread = _article_counts(features, type_articles)
    groups = _cluster(vectors, type_articles, eligible, idf, spread)
    members: dict[int, list[int]] = defaultdict(list)
    for unit_index, type_index in enumerate(unit_type):
        if eligible[type_index]:
            members[groups[type_index]].append(unit_index)
    _join_continuations(reports, units, members)
    return _facts(reports, units, unit_type, vectors, members)


def _continues(reports: Sequence[CoverageSource], before: Unit, after: Unit, sentence_ends: list[int]) -> str:
    """How ``after`` goes on with what ``before`` says: ``"clause"`` (the next clause of the same
    sentence), ``"quotation"`` (a quotation the sentence before introduces or that goes on: "He
    said:" / "“..."), or ``""``. ``sentence_ends`` are the ends of the article's sentences, sorted."""
    if before.article != after.article:
        return ""
    report = reports[before.article]
    at = bisect.bisect_right(sentence_ends, before.start)
    if at < len(sentence_ends) and after.end <= sentence_ends[at]:
        return "clause"
    if (report.text[before.start : before.end].rstrip().endswith(":")
            or report.text[after.start : after.end].lstrip()[:1] in _OPENING_QUOTES):
        return "quotation"
    return ""


def _join_continuations(reports: Sequence[CoverageSource], units: list[Unit], members: dict[int, list[int]]) -> None:
    """A unit no other unit joined, that goes on with the unit before it (:func:`_continues`), is
    one fact with that unit; so is a lone clause before another clause of its sentence (a quotation
    follows its introduction, never the other way round: the introduction says the fact).

    On the dev events (docs/coverage.md) the reader gave such neighbours one fact in 18 of 19 pairs
    (clauses 7 of 7, quotations 11 of 12), against 17 of 78 for other neighbouring sentences;
    without it each clause or quotation going on with a single-outlet fact was a row of its own.
    """
    group_of = {u: g for g, unit_indexes in members.items() for u in unit_indexes}
    ends: dict[int, list[int]] = {}
    for before, after in zip(range(len(units) - 1), range(1, len(units))):
        if before not in group_of or after not in group_of or group_of[before] == group_of[after]:
            continue
        article = units[before].article
        if article not in ends:
            ends[article] = sorted(s.end for s in reports[article].sentences)
        how = _continues(reports, units[before], units[after], ends[article])
        if not how:
            continue
        alone = [u for u in ((after, before) if how == "clause" else (after,)) if len(members[group_of[u]]) == 1]
        if not alone:
            continue
        moved, kept = (alone[0], before if alone[0] == after else after)
        target = group_of[kept]
        del members[group_of[moved]]
        members[target].append(moved)
        group_of[moved] = target


def _idf(features: Sequence[Counter[str]], type_articles: Sequence[set[int]], n: int) -> dict[str, float]:
    documents: dict[str, set[int]] = defaultdict(set)
    for feats, articles in zip(features, type_articles):
        for feature in feats:
            documents[_plain(feature)].update(articles)
    idf = {}
    for term, articles in documents.items():
        share = background_document_share(term.lstrip("#"))
        idf[term] = math.log((1 + n + PRIOR_DOCUMENTS) / (1 + len(articles) + PRIOR_DOCUMENTS * share)) + 1
    return idf


def _article_counts(features: Sequence[Counter[str]], type_articles: Sequence[set[int]]) -> dict[str, int]:
    documents: dict[str, set[int]] = defaultdict(set)
    for feats, articles in zip(features, type_articles):
        for feature in feats:
            documents[_plain(feature)].update(articles)
    return {term: len(articles) for term, articles in documents.items()}


def _plain(feature: str) -> str:
    return feature.removeprefix("^")


def _vector(feats: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vector: dict[str, float] = {}
    for feature, count in feats.items():
        term = _plain(feature)
        boost = NUMBER_BOOST if term.startswith("#") else NAME_BOOST if feature.startswith("^") else 1.0
        vector[term] = vector.get(term, 0.0) + (1 + math.log(count)) * idf[term] * boost
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _cluster(
    vectors: list[dict[str, float]],
    type_articles: list[set[int]],
    eligible: list[bool],
    idf: dict[str, float],
    spread: dict[str, int],
) -> list[int]:
    """Group ids per unit type: union of links strongest first, merges checked on centroids."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        if eligible[index]:
            # Blocking keys: the rarest terms that another article also uses (a word only this
            # article has can never link it to another one).
            shared = [t for t in vector if spread[t] > 1 or len(type_articles[index]) > 1]
            for term in sorted(shared, key=lambda t: (-idf[t], t))[:BLOCK_KEYS]:
                postings[term].append(index)
    links: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(postings, type_articles):
        similarity = _cosine(vectors[i], vectors[j])
        if similarity >= LINK_SIMILARITY:
            links[(i, j)] = similarity
    parent = list(range(len(vectors)))
    centroid = {i: dict(v) for i, v in enumerate(vectors)}
    norms = {i: _norm(v) for i, v in centroid.items()}
    articles = {i: set(a) for i, a in enumerate(type_articles)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), _ in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = root(i), root(j)
        if a == b or _cosine(centroid[a], centroid[b]) / (norms[a] * norms[b]) < MERGE_SIMILARITY:
            continue
        # A fact is stated once per article: groups that share an article stay apart (otherwise a
        # run of sentences about "the South China Sea" chains into one blob).
        if not articles[a] & articles[b]:
            if len(centroid[a]) < len(centroid[b]):
                a, b = b, a
            parent[b] = a
            for term, value in centroid.pop(b).items():
                centroid[a][term] = centroid[a].get(term, 0.0) + value
            norms[a] = _norm(centroid[a])
            articles[a] |= articles.pop(b)
    _attach_repeats(vectors, type_articles, eligible, parent, centroid, norms, articles, root)
    return [root(i) for i in range(len(vectors))]


def _attach_repeats(
    vectors: list[dict[str, float]],
    type_articles: list[set[int]],
    eligible: list[bool],
    parent: list[int],
    centroid: dict[int, dict[str, float]],
    norms: dict[int, float],
    articles: dict[int, set[int]],
    root: Callable[[int], int],
) -> None:
    """An article that states a fact again later (lead, then body) adds that sentence to the fact."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for group, members in articles.items():
        if len(members) > 1:
            for article in members:
                by_article[article].append(group)
    for index, vector in enumerate(vectors):
        if not eligible[index] or root(index) != index or len(articles.get(index, ())) != 1:
            continue
        (article,) = articles[index]
        best, best_similarity = -1, ATTACH_SIMILARITY
        for group in by_article.get(article, ()):
            similarity = _cosine(vector, centroid[group]) / norms[group]
            if similarity >= best_similarity:
                best, best_similarity = group, similarity
        if best >= 0:
            parent[index] = best  # the centroid is left as it was: a repeat should not pull the fact


def _norm(vector: dict[str, float]) -> float:
    """Kept per group and updated on merge: recomputing it per comparison grew with the group."""
    return math.sqrt(sum(v * v for v in vector.values())) or 1.0


def candidate_pairs(postings: dict[str, list[int]], type_articles: Sequence[set[int]]) -> list[tuple[int, int]]:
    """Unit type pairs worth a cosine: sharing a blocking term, at most ``MAX_CANDIDATES`` per unit.

    Postings are read rarest first (a shared rare term is the best evidence), so a unit's budget
    goes to its most specific partners; postings longer than ``MAX_POSTING`` are not read at all.

    Examples
    --------
    >>> postings = {"rare": [0, 1], "common": list(range(100))}
    >>> pairs = candidate_pairs(postings, [{i} for i in range(100)])
    >>> pairs[0], len(pairs) <= MAX_CANDIDATES * 100
    ((0, 1), True)
    """
    compared: Counter[int] = Counter()
    seen: set[tuple[int, int]] = set()
    pairs = []
    for term in sorted(postings, key=lambda t: (len(postings[t]), t)):
        posting = postings[term]
        if len(posting) > MAX_POSTING:
            continue
        for x, i in enumerate(posting):
            for j in posting[x + 1 :]:
                if compared[i] >= MAX_CANDIDATES:
                    break
                pair = (i, j) if i < j else (j, i)
                if compared[j] >= MAX_CANDIDATES or pair in seen:
                    continue
                if len(type_articles[i]) == 1 and type_articles[i] == type_articles[j]:
                    continue  # two sentences of the same single article are never one fact
                seen.add(pair)
                compared[i] += 1
                compared[j] += 1
                pairs.append(pair)
    return pairs


def _facts(
    reports: Sequence[CoverageSource],
    units: list[Unit],
    unit_type: list[int],
    vectors: list[dict[str, float]],
    members: dict[int, list[int]],
) -> tuple[Fact, ...]:
    drafts = []
    for unit_indexes in members.values():
        unit_indexes.sort(key=lambda u: (reports[units[u].article].id, units[u].start))
        outlets = sorted({reports[units[u].article].outlet for u in unit_indexes})
        summed: dict[str, float] = defaultdict(float)
        for u in unit_indexes:
            for term, value in vectors[unit_type[u]].items():
                summed[term] += value
        best = max(unit_indexes, key=lambda u: (_cosine(vectors[unit_type[u]], summed), -u))
        unit = units[best]
        position = sum(units[u].start / max(len(reports[units[u].article].text), 1) for u in unit_indexes)
        drafts.append((outlets, position / len(unit_indexes), reports[unit.article].text[unit.start : unit.end],
                       unit_indexes))
    total = len({r.outlet for r in reports})
    drafts.sort(key=lambda d: (_band(len(d[0]), total), -len(d[0]) if len(d[0]) > 1 else 0,
                               d[0] if len(d[0]) == 1 else [], d[1], d[2]))
    facts = []
    for number, (outlets, _, text, unit_indexes) in enumerate(drafts, start=1):
        mentions = tuple(Mention(reports[units[u].article].id, units[u].start, units[u].end) for u in unit_indexes)
        facts.append(Fact(id=f"f{number}", text=text, mentions=mentions, outlets=tuple(outlets)))
    return tuple(facts)


def _band(outlets: int, total: int) -> int:
    """0 = every outlet reports it, 1 = some leave it out, 2 = only one outlet."""
    if outlets == total and total > 1:
        return 0
    return 1 if outlets > 1 else 2
