"""Issue 13 in a real browser: every page at a projector's sizes, evidence on click, and the printed handout.

Each page is opened at 1440x900 and 1280x720 with every request recorded: a request to any host but
loopback fails the test (a ``:material:`` page icon made Streamlit fetch its favicon from Google).
Screenshots go to ``test-output/`` (git-ignored) for a person to judge. The report is printed with
Chromium's ``--print-to-pdf`` (Letter, its default) and playwright's ``page.pdf`` (A4), and its pages
counted.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

#: Milliseconds to wait for a page's first content (includes the first analysis).
READY_TIMEOUT_MS = 120_000
SIZES = ((1440, 900), (1280, 720))
#: Page title in the navigation, and an element that shows the page has drawn.
PAGES = (
    ("Overview", ".js-plotly-plot"),
    ("Side by side", ".fl-compare label.fl-s"),
    ("Passages", ".fl-passage"),
    ("Voices", ".fl-voices"),
    ("Words", "#fl-evidence"),
    ("Coverage", "h4:has-text(\"Which outlet reports which fact\")"),
    ("Method", "h4:has-text(\"What it cannot see\")"),
    ("Export", "[data-testid=\"stDownloadButton\"]"),
)
REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: The flags of STYLE.md's "Browser test here" (as in tests/conftest.py).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
#: The handout's target: the five bundled articles on at most five printed pages.
MAX_PRINTED_PAGES = 5


def _is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-extension"):
        return True
    host = parts.hostname or ""
    return host in LOOPBACK or host.startswith("127.")


def _open(browser: Any, server: str, size: tuple[int, int]) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    page.wait_for_selector(".js-plotly-plot", timeout=READY_TIMEOUT_MS)
    return context, page, requests


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_stays_on_loopback_and_is_screenshotted(server: str, browser: Any, output_dir: Path,
                                                          size: tuple[int, int]) -> None:
    context, page, requests = _open(browser, server, size)
    try:
        for title, ready in PAGES:
            page.get_by_role("link", name=title, exact=True).click()
            page.wait_for_selector(ready, timeout=READY_TIMEOUT_MS)
            page.wait_for_timeout(900)  # charts and fonts settle
            assert "Traceback" not in page.content(), title
            slug = title.lower().replace(" ", "_")
            page.screenshot(path=str(output_dir / f"classroom_{slug}_{size[0]}x{size[1]}.png"))
            # no scroll box inside the page: nothing but the page itself scrolls vertically
            nested = page.evaluate("""() => [...document.querySelectorAll('.fl-compare, .fl-compare *, .fl-table')]
                .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)
                             && e.scrollHeight > e.clientHeight + 2).length""")
            assert nested == 0, title
        page.wait_for_timeout(500)
        outside = sorted({url for url in requests if not _is_loopback(url)})
        assert outside == [], f"requests left the machine: {outside}"
        assert len(requests) > 10  # the recorder saw the page load
    finally:
        context.close()


def test_side_by_side_pins_evidence_on_click_and_keyboard(server: str, browser: Any, output_dir: Path) -> None:
    context, page, requests = _open(browser, server, (1280, 720))
    try:
        page.get_by_role("link", name="Side by side", exact=True).click()
        page.wait_for_selector(".fl-compare label.fl-s", timeout=READY_TIMEOUT_MS)
        panel = page.locator(".fl-panel")
        assert panel.is_visible()
        assert page.locator(".fl-card:visible").count() == 0
        # columns side by side and readable at 1280x720: three columns plus the panel, each wide enough
        boxes = page.evaluate("[...document.querySelectorAll('.fl-col')].map(c => c.getBoundingClientRect().width)")
        panel_box = panel.bounding_box()
        assert len(boxes) == 3 and min(boxes) >= 190, boxes
        col_box = page.locator(".fl-col").first.bounding_box()
        assert panel_box["x"] > col_box["x"] and abs(panel_box["y"] - col_box["y"]) < 200
        tinted = page.locator(".fl-compare label.fl-s.fl-t-trade, .fl-compare label.fl-s.fl-t-security, "
                              ".fl-compare label.fl-s.fl-t-diplomacy").first
        # A sentence is an inline label over several lines: its bounding box's centre can fall on
        # another sentence, so click the middle of its first line, as a reader taps the words.
        tinted.scroll_into_view_if_needed()
        first_line = tinted.evaluate("e => { const r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; }")
        page.mouse.click(*first_line)
        card = page.locator(".fl-card:visible")
        assert card.count() == 1
        text = card.inner_text().lower()
        assert "frame words" in text and "tone words" in text
        assert re.search(r"frame\s+(trade|security|diplomacy)", text), text
        size_px = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.fl-panel')).fontSize)"))
        assert size_px >= 18, size_px  # readable from the back of a room
        page.screenshot(path=str(output_dir / "classroom_evidence_pinned_1280x720.png"))
        first_card = card.get_attribute("id")
        # keyboard: the checked sentence's radio has focus; an arrow key moves to the next sentence
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(200)
        assert page.locator(".fl-card:visible").count() == 1
        assert page.locator(".fl-card:visible").get_attribute("id") != first_card
        assert page.evaluate("document.activeElement.classList.contains('fl-pick')")
        assert sorted({u for u in requests if not _is_loopback(u)}) == []
    finally:
        context.close()


def test_coverage_matrix_fits_at_1440_and_1280(server: str, browser: Any, output_dir: Path) -> None:
    """Session 13: the "Who" column was the last one and cut at the right edge at 1440x900 (out of sight
    at 1280x720); Fact and Who are now pinned left. Session 14: the fifth outlet's column was behind a
    scroll bar at 1280x720; now the whole matrix of the five bundled outlets fits its box at both sizes."""
    for size in SIZES:
        context, page, requests = _open(browser, server, size)
        try:
            page.get_by_role("link", name="Coverage", exact=True).click()
            page.wait_for_selector('h4:has-text("Which outlet reports which fact")', timeout=READY_TIMEOUT_MS)
            page.wait_for_timeout(900)
            grid = page.locator('[data-testid="stDataFrame"]').first
            widths = grid.evaluate("g => { const s = g.querySelector('.dvn-scroller'); return [s.scrollWidth, s.clientWidth]; }")
            assert widths[0] <= widths[1] + 1, (size, widths)  # nothing to scroll: no column cut at the right edge
            page.screenshot(path=str(output_dir / f"coverage_matrix_{size[0]}x{size[1]}.png"))
            assert sorted({u for u in requests if not _is_loopback(u)}) == []
        finally:
            context.close()


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "handout.html"
    done = subprocess.run([sys.executable, "-m", "framing", "report", "data", "--out", str(out)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


def test_handout_prints_on_at_most_five_letter_pages(report_file: Path, output_dir: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with `apt-get install -y chromium`")
    pdf = output_dir / "handout_letter.pdf"
    pdf.unlink(missing_ok=True)
    done = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", report_file.as_uri()],
        capture_output=True, timeout=120,
    )
    assert pdf.exists(), done.stderr.decode(errors="replace")[-2000:]
    pages = _pdf_pages(pdf.read_bytes())
    assert 2 <= pages <= MAX_PRINTED_PAGES, pages


def test_handout_prints_on_at_most_five_a4_pages_without_overlap_or_mid_word_wraps(
        report_file: Path, browser: Any, output_dir: Path) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        page.emulate_media(media="print")
        # no header cell wraps inside a word: each header word fits its cell
        squeezed = page.evaluate("""() => [...document.querySelectorAll('table.fl-summary th')].flatMap(th => {
              const r = document.createRange(); const out = [];
              for (const node of th.childNodes) { if (node.nodeType !== 3) continue;
                let offset = 0;
                for (const word of node.textContent.split(/(\\s+)/)) {
                  if (word.trim()) { r.setStart(node, offset); r.setEnd(node, offset + word.length);
                    if (r.getClientRects().length > 1) out.push(word); }
                  offset += word.length; } }
              return out; })""")
        assert squeezed == [], squeezed
        # columns of one row never overlap
        overlaps = page.evaluate("""() => [...document.querySelectorAll('.fl-columns')].map(row => {
              const cols = [...row.children].map(c => c.getBoundingClientRect());
              return cols.slice(1).filter((c, i) => c.left < cols[i].right - 1).length; })""")
        assert all(count == 0 for count in overlaps), overlaps
        assert page.locator(".modebar").count() == 0  # no plotly toolbar (charts are off by default)
        data = page.pdf(format="A4", prefer_css_page_size=False, landscape=True, print_background=True)
        (output_dir / "handout_a4.pdf").write_bytes(data)
        assert 2 <= _pdf_pages(data) <= MAX_PRINTED_PAGES, _pdf_pages(data)
    finally:
        context.close()
