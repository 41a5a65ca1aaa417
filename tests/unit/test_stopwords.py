"""The packaged stop words are scikit-learn's, so dropping the scikit-learn import changed no result (issue 16)."""

from __future__ import annotations

import subprocess
import sys

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN_STOP_WORDS

from framing.stopwords import ENGLISH_STOP_WORDS


def test_stopwords_equal_scikit_learns() -> None:
    assert ENGLISH_STOP_WORDS == SKLEARN_STOP_WORDS


def test_stopwords_analysis_never_imports_sklearn() -> None:
    code = ("import sys, framing.cli, framing.pipeline, framing.export; "
            "from framing.pipeline import analyze_paths; analyze_paths(['data']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'pandas', 'scipy')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240, check=True)
    assert done.stdout.strip() == "[]"
