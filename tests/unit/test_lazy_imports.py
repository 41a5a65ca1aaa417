"""Libraries the dashboard's first run does not need are imported only when used (issue 16 item 6).

trafilatura (with htmldate, courlan) is about 0.3 s of a server's start and first chart, and only
HTML input uses it. Checked in a fresh interpreter: the test process has imported everything.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PAGE = ("<html><head><title>Port deal signed</title></head><body><article><h1>Port deal signed</h1>"
        "<p>The two ministers signed the port agreement on Tuesday after three rounds of talks in the capital.</p>"
        "<p>Officials said shipping fees would fall and that customs checks would be shared from next spring.</p>"
        "</article></body></html>")


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                          check=True)
    return done.stdout.strip().splitlines()[-1]


def test_dashboard_modules_and_first_analysis_do_not_import_trafilatura() -> None:
    out = _run("import sys\n"
               "import framing.corpus, framing.errors, framing.types, framing.limits\n"
               "import ui.corpus, ui.markup, ui.state, ui.warm\n"
               "from framing import pipeline\n"
               "from framing.corpus import load_paths\n"
               "assert ui.warm.warm_once()\n"
               "pipeline.analyze_articles(load_paths(['data']).articles)\n"
               "print(sorted(m for m in ('trafilatura', 'htmldate', 'courlan') if m in sys.modules))")
    assert out == "[]"


def test_html_input_still_goes_through_trafilatura() -> None:
    out = _run("import sys\n"
               "from framing.corpus import load_bytes\n"
               f"result = load_bytes('page.html', {PAGE.encode()!r})\n"
               "print('trafilatura' in sys.modules, result.articles[0].title, 'port agreement' in result.articles[0].text)")
    assert out == "True Port deal signed True"
