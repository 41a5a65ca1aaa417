"""Issue 12 on one shared server: read-only shared figures, sessions that keep their own analysis,
heavy analyses in worker processes, the Words page's chart cap and the dashboard's notices."""

from __future__ import annotations

import threading
from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

import ui.state
import ui.worker
from framing import pipeline
from framing.errors import FramingError
from framing.export import to_json
from framing.types import Article
from ui.shared_figure import SharedFigure
from ui.report_cache import PackedShare, unpack_report
from ui.worker import AnalysisPool, WorkerError

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
TIMEOUT_S = 180
ARTICLES = tuple(
    Article(id=f"a{i}", outlet=f"Outlet {i % 3}", title=f"Story {i}",
            text=f"Tariffs on soybeans rose {i} times as talks stalled. Troops gathered at the border.")
    for i in range(12)
)


def _app() -> AppTest:
    return AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S)


def _upload(app: AppTest, name: str, data: bytes) -> AppTest:
    app.radio(key="source").set_value("Upload files").run()
    return app.file_uploader(key="upload_files").set_value([(name, data, "text/csv")]).run()


def test_cached_figures_cannot_be_changed_by_a_session() -> None:
    app = _app().run()
    app.switch_page("app_pages/words.py").run()
    assert not app.exception
    sets = list(ui.state._figure_sets()._values.values())
    figures = [f for s in sets for f in ([s] if isinstance(s, SharedFigure) else s.values() if isinstance(s, dict) else s)]
    assert figures and all(isinstance(f, SharedFigure) for f in figures)
    figure = figures[0]
    drawn = figure.to_dict()
    for mutate in (lambda: figure.update_layout(title_text="HACKED"),
                   lambda: figure.add_trace(go.Bar(x=[1], y=[1])),
                   lambda: setattr(figure, "layout", {"title": {"text": "HACKED"}}),
                   lambda: figure.__setitem__("layout", {}),
                   lambda: setattr(figure.layout.title, "text", "HACKED")):  # no walk inside either
        with pytest.raises(TypeError, match="read-only"):
            mutate()
    figure.to_dict()["layout"]["title"] = "HACKED"  # a fresh copy each time
    assert figure.to_dict() == drawn and "HACKED" not in figure.to_json()


def test_a_session_keeps_its_analysis_when_others_fill_the_shared_store(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = pipeline.analyze_articles
    monkeypatch.setattr(pipeline, "analyze_articles", lambda *a, **k: calls.append(1) or real(*a, **k))
    app = _app().run()
    first = len(calls)
    ui.state._reports().clear()  # what nine other corpora did to the 8-entry cache before (issue 12)
    ui.state._figure_sets().clear()
    app.switch_page("app_pages/side_by_side.py").run()
    app.switch_page("app_pages/overview.py").run()
    assert not app.exception
    assert len(calls) == first, "the session analysed its own current corpus again"


def test_the_report_store_is_bounded_by_bytes() -> None:
    store = ui.state._reports()
    assert isinstance(store, PackedShare) and store.max_bytes == ui.state.REPORTS_MAX_BYTES
    assert store.packed.max_entries is None


def test_the_words_page_draws_no_chart_per_outlet_however_many_outlets() -> None:
    # Issue 12 item 7: one chart per outlet (500 outlets: 13-17 s a visit). The Words page is now one
    # table of the words that pass z >= 1.96 (issue 13), so its cost no longer grows with charts.
    outlets = ui.state.WORD_CHARTS_MAX + 7
    rows = "".join(f"Outlet {i:02d},Tariffs on soybeans rose {i} times as the talks stalled again.\n"
                   for i in range(outlets))
    app = _upload(_app().run(), "many.csv", ("outlet,text\n" + rows).encode())
    app.switch_page("app_pages/words.py").run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == 0


def test_a_truncated_article_is_named_on_every_page() -> None:
    # Numbered paragraphs: cleaning drops later copies of a paragraph repeated word for word (issue 10).
    text = "\n\n".join(f"Part {n}. " + "Tariffs on soybeans rose as talks stalled. " * 40 for n in range(70))
    app = _upload(_app().run(), "long.csv", f'outlet,title,text\nA,Long read,"{text}"\n'.encode())
    for page in ("overview", "side_by_side", "words", "export"):
        app.switch_page(f"app_pages/{page}.py").run()
        shown = [w.value.replace("\\", "") for w in app.warning]  # Markdown-escaped on the page
        assert any('"Long read" (long.csv row 2): only the first' in w for w in shown), page


def test_the_dashboard_names_what_its_limits_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_MAX_ARTICLES", "4")
    ui.state._uploads().clear()
    rows = "".join(f"O{i},Tariffs rose {i} times.\n" for i in range(10))
    app = _upload(_app().run(), "ten.csv", ("outlet,text\n" + rows).encode())
    assert len(app.session_state["_view"]().report.articles) == 4
    assert any("rows 6 to 11 (6 rows) not read: the dashboard analyses at most 4 articles" in w.value.replace("\\", "")
               for w in app.warning)
    ui.state._uploads().clear()


# --------------------------------------------------------------------------- the worker pool


def test_a_worker_gives_the_same_report_as_the_server_thread() -> None:
    in_thread = pipeline.analyze_articles(ARTICLES)
    seen: list[tuple[int, int]] = []
    in_worker, packed = AnalysisPool(workers=1).run(ARTICLES, progress=lambda done, total: seen.append((done, total)))
    assert to_json(in_worker) == to_json(in_thread) == to_json(unpack_report(packed))
    assert len(packed) < len(to_json(in_thread)) / 3  # packed: what the server keeps once no session shows it
    assert seen[-1] == (12, 12) and seen == sorted(seen)


def test_a_worker_raises_the_analysis_error_with_its_message() -> None:
    with pytest.raises(FramingError, match="mine.csv line 2: unknown frame"):
        AnalysisPool().run(ARTICLES, lexicon=("mine.csv", "term,frame,weight,note\nx,sport,1,\n", False))


def test_a_worker_that_dies_is_an_error_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.worker.sys, "executable", "/bin/false")
    with pytest.raises(WorkerError, match="stopped unexpectedly \\(worker exit code 1\\)"):
        AnalysisPool().run(ARTICLES)


def test_analyses_beyond_the_pool_wait_their_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    release, running = threading.Event(), threading.Event()
    real = ui.worker._run_in_worker

    def slow(job, progress):  # type: ignore[no-untyped-def]
        running.set()
        release.wait(30)
        return real(job, progress)

    monkeypatch.setattr(ui.worker, "_run_in_worker", slow)
    pool = AnalysisPool(workers=1)
    queued: list[int] = []
    first = threading.Thread(target=pool.run, args=(ARTICLES,))
    first.start()
    assert running.wait(30)
    second = threading.Thread(target=lambda: pool.run(ARTICLES[:3], on_queue=queued.append))
    second.start()
    for _ in range(300):
        if queued:
            break
        threading.Event().wait(0.01)
    assert queued == [1] and pool.waiting == 1
    release.set()
    first.join(60)
    second.join(60)
    assert pool.waiting == 0


def _reachable(root: object) -> int:
    """Objects reachable from ``root`` through the collector's references, classes and modules excluded."""
    import gc
    import types
    seen, stack = {id(root)}, [root]
    while stack:
        for child in gc.get_referents(stack.pop()):
            if id(child) not in seen and not isinstance(child, (type, types.ModuleType)):
                seen.add(id(child))
                stack.append(child)
    return len(seen)


def test_a_shared_figure_keeps_its_text_not_the_plotly_objects_it_was_built_from() -> None:
    labels = [f"Outlet {i % 9}: Story {i}" for i in range(2_000)]
    figure = go.Figure(go.Scatter(x=list(range(2_000)), y=list(range(2_000)), hovertext=labels))
    shared = SharedFigure(figure)
    kept, built = _reachable(shared), _reachable(figure)
    assert built > 2_000 and kept < 500, (kept, built)  # a few hundred objects, not one per label
    assert shared.to_dict() == figure.to_dict()


def test_uploads_and_html_reports_are_kept_by_size_and_uploads_keyed_by_the_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12 item 4: the upload and HTML-report caches are bounded by memory, not by a count of entries."""
    ui.state._uploads().clear()
    files = (("two.csv", b"outlet,text\nA,Tariffs on soybeans rose.\nB,Envoys met for talks.\n"),)
    first = ui.state.load_uploaded(files)
    assert ui.state.load_uploaded(files) is first  # shared, not re-read
    monkeypatch.setenv("FRAMING_MAX_ARTICLES", "1")
    limited = ui.state.load_uploaded(files)
    assert len(first.articles) == 2 and len(limited.articles) == 1
    assert ui.state._uploads().max_bytes == ui.state.UPLOADS_MAX_BYTES and ui.state._uploads().max_entries is None
    assert ui.state._report_pages().max_bytes == ui.state.REPORT_HTML_MAX_BYTES
    ui.state._uploads().clear()


def test_a_worker_reads_an_upload_as_the_server_thread_does() -> None:
    """Issue 12 item 3: heavy uploads are parsed in a worker process; the result is the same."""
    from framing.limits import LoadBudget
    from ui.corpus import load_uploads

    page = "<html><body>" + "<div>" * 300 + "<p>Envoys met for talks on tariffs in Geneva.</p>" * 5 + "</div>" * 300
    files = (("a.csv", b"outlet,text\nA,Tariffs on soybeans rose.\nB,Envoys met for talks.\nC,Troops moved.\n"),
             ("nested.html", page.encode()), ("b.txt", b"   "))
    in_worker = AnalysisPool(workers=1).load(files, (2, 10_000))
    assert in_worker == load_uploads(files, budget=LoadBudget(max_articles=2, max_chars=10_000))
    assert len(in_worker.articles) == 2 and in_worker.skipped


def test_a_few_very_long_articles_are_analysed_in_a_worker_not_the_server_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under 100 articles ran in the server's thread whatever their length: 99 articles of 100,000
    characters (inside the upload limits) held every session for about two minutes of CPU."""
    long_text = "Tariffs on soybeans rose as talks stalled. Troops gathered at the border.\n\n" * 3_000
    articles = tuple(Article(id=f"l{i}", outlet=f"O{i}", title="Long", text=long_text) for i in range(2))
    assert len(articles) < ui.state.WORKER_MIN_ARTICLES
    assert sum(len(a.text) for a in articles) >= ui.state.WORKER_MIN_CHARS
    handed: list[int] = []

    class Pool:
        def run(self, given, **_: object) -> tuple[object, None]:  # type: ignore[no-untyped-def]
            handed.append(len(given))
            return "from the worker", None

    def in_thread(*_: object, **__: object) -> None:
        raise AssertionError("analysed in the server thread")

    monkeypatch.setattr(ui.state, "_pool", Pool)
    monkeypatch.setattr(pipeline, "analyze_articles", in_thread)
    assert ui.state._analyse(articles, None, (), None) == ("from the worker", None)
    assert handed == [2]


def test_the_dashboard_reads_a_big_upload_in_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = ui.worker._load_in_worker

    def counting(files, limits):  # type: ignore[no-untyped-def]
        calls.append(len(files))
        return real(files, limits)

    monkeypatch.setattr(ui.worker, "_load_in_worker", counting)
    monkeypatch.setattr(ui.state, "WORKER_MIN_UPLOAD_BYTES", 10)
    ui.state._uploads().clear()
    app = _upload(_app().run(), "three.csv", b"outlet,text\nA,Tariffs rose again.\nB,Talks went on.\nC,Envoys met.\n")
    assert calls == [1]
    assert not app.exception and len(app.session_state["_view"]().report.articles) == 3
    ui.state._uploads().clear()
