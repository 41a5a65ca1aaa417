"""Issue 5 item 1, hostile text, in a real browser: no payload runs, every payload reads as text.

Three articles are uploaded whose outlets, titles and texts carry every payload of
tests/data/hostile_payloads.json (scripts and handlers that would set ``window.__pwned``, change
``document.title`` or call ``alert``; Markdown links and images; bidi overrides; a 10,000-character
word). On Overview, Side by side, Passages and Words the test asserts that no script ran (no global,
title still "Framing Lens", no dialog), that no link or image was made from a payload, that the
payload text is on screen as text, and that the long word does not widen the page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ENTRIES: list[dict[str, Any]] = json.loads(
    (ROOT / "tests" / "data" / "hostile_payloads.json").read_text(encoding="utf-8"))["payloads"]
#: Milliseconds for the first chart (cold start analyses the sample corpus first).
CHART_TIMEOUT_MS = 120_000  # a cold start took 53 s on the shared 2-core machine at load 15 (main, 2026-12-01)
#: Milliseconds for a page's own content after a click.
PAGE_TIMEOUT_MS = 60_000
#: Pages visited, with an element each one renders once its content is there.
PAGES = (("Overview", ".fl-sentence"), ("Side by side", ".fl-compare .fl-s"), ("Passages", ".fl-passage"),
         ("Words", "#fl-evidence"))
#: Pixels a wrapped line may stick out of its column: a highlight's horizontal padding (.15em each
#: side, repeated on every line by box-decoration-break: clone).
MARK_PADDING_PX = 8
#: Links and images a payload would make if Markdown or HTML were rendered.
MADE_FROM_PAYLOAD = ('a[href*="evil.example"]', 'img[src*="evil.example"]', 'a[href^="javascript"]',
                     'img[src="x"]', "iframe[src^='javascript']", "svg[onload]")


def payload(name: str) -> str:
    entry = next(e for e in ENTRIES if e["name"] == name)
    return str(entry["payload"]) * int(entry.get("repeat", 1))


def body_with_every_payload() -> str:
    """One sentence per payload, each with frame words so it is highlighted."""
    return "\n\n".join(f"Tariffs on soybeans rose as troops gathered {payload(e['name'])} near the border."
                       for e in ENTRIES)


#: Outlets are listed by name and Side by side shows the first three: this prefix sorts first.
FIRST = "!! "
#: (outlet, title) of the uploaded articles: three carry every payload that acts in a browser, the
#: rest one Markdown or Unicode payload each, short enough to be a whole sidebar label (titles label
#: the outlet boxes, and labels are rendered as Markdown).
ARTICLES = (
    (FIRST + payload("script_sets_global_and_title") + " Gazette " + payload("img_onerror"),
     " ".join(payload(e["name"]) for e in ENTRIES if e["category"] == "html")),
    (FIRST + payload("markdown_link") + " " + payload("right_to_left_override") + " Times",
     payload("entity_encoded_javascript")),
    (FIRST + payload("attribute_breakout_double_quote") + payload("svg_onload") + " Post",
     payload("long_single_word")),
    *((payload(e["name"]), payload(e["name"])) for e in ENTRIES if e["category"] in ("markdown", "unicode")),
)
#: Text that must be readable on every page (the outlet names as written, bidi controls aside).
SHOWN_EVERYWHERE = ("<script>window.__pwned=1;document.title='pwned'</script> Gazette", "[click](http://evil.example)",
                    "onmouseover=\"window.__pwned=1\"")
#: Titles shown whole as sidebar labels: Markdown that must read literally.
LABELS = tuple(" ".join(payload(e["name"]).split()) for e in ENTRIES if e["category"] in ("markdown", "unicode"))
#: The dashboard cuts a title to this many characters for a label (dashboard.LABEL_TITLE_CHARS).
LABEL_TITLE_CHARS = 60


def visible(text: str) -> str:
    """Text as read: white space collapsed, without invisible bidi closers and word joiners."""
    return " ".join(text.replace("\u202c", "").replace("\u2069", "").replace("\u2060", "").split())


def test_hostile_uploads_run_nothing_and_read_as_text(
    server: str, browser: Any, output_dir: Path, tmp_path: Path
) -> None:
    upload = tmp_path / "hostile.jsonl"
    rows = [{"id": f"h{i}", "outlet": outlet, "title": title, "text": body_with_every_payload()}
            for i, (outlet, title) in enumerate(ARTICLES)]
    upload.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(server, wait_until="domcontentloaded")
        page.wait_for_selector(".js-plotly-plot", timeout=CHART_TIMEOUT_MS)
        page.get_by_text("Upload files", exact=True).click()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
        page.get_by_text(f"{len(ARTICLES)} articles").wait_for(timeout=CHART_TIMEOUT_MS)
        page.get_by_text("Outlet labels").click()  # the sidebar boxes labelled with the titles
        for name, ready in PAGES:
            if name != "Overview":
                page.get_by_role("link", name=name).click()
            page.wait_for_selector(ready, timeout=PAGE_TIMEOUT_MS)
            page.wait_for_timeout(800)  # let late elements (charts, tooltips) settle
            page.screenshot(path=str(output_dir / f"hostile_{name.lower().replace(' ', '_')}.png"))
            assert page.evaluate("window.__pwned") is None, name
            assert page.title() == "Framing Lens", name
            assert dialogs == [], name
            for selector in MADE_FROM_PAYLOAD:
                assert page.locator(selector).count() == 0, (name, selector)
            text = visible(page.locator("body").inner_text())
            for shown in SHOWN_EVERYWHERE:
                assert visible(shown) in text, (name, shown)
            assert "Traceback" not in text
            sidebar = visible(page.locator('[data-testid="stSidebar"]').inner_text())
            unrendered = [label for label in LABELS if visible(label[:LABEL_TITLE_CHARS]) not in sidebar]
            assert not unrendered, (name, unrendered)
            assert page.locator('[data-testid="stSidebar"] :is(strong, em, code, del, .katex, a, img)').count() == 0
            # The 10,000-character word wraps inside its column instead of widening the page.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
            if name == "Side by side":
                assert visible(payload("markdown_image")) in text and visible(payload("markdown_math")) in text
                assert page.locator(".fl-compare label.fl-s").count() >= len(ENTRIES)
                # Unwrapped, the word would stick out by ~80,000 px; wrapped, at most by a mark's padding.
                overflow = page.evaluate(
                    "Math.max(...[...document.querySelectorAll('.fl-article')].map(a => a.scrollWidth - a.clientWidth))")
                assert overflow <= MARK_PADDING_PX, overflow
    finally:
        context.close()
