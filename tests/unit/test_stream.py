"""Issue 16: ``--format jsonl`` streams the same report as ``--format json``, one object per line."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from framing.components import check_components, default_components
from framing.export import dumps_json, report_to_dict
from framing.lexicon import load_default_lexicon, load_tone_lexicon
from framing.pipeline import analyze_articles
from framing.progress import progress_bar
from framing.stream import stream_jsonl
from framing.types import Article, SkippedInput

SKIPPED = (SkippedInput("b.txt", "empty file"), SkippedInput("a.txt", "empty file"))


def _stream(articles: list[Article], **options: Any) -> bytes:
    lexicon = load_default_lexicon()
    steps = check_components(default_components(lexicon=lexicon, tone_lexicon=load_tone_lexicon()))
    out = io.BytesIO()
    stream_jsonl(articles, out, steps=steps, lexicon=lexicon, skipped=SKIPPED, **options)
    return out.getvalue()


def rebuild(lines: bytes) -> dict[str, Any]:
    """The ``--format json`` document from JSON lines: articles, outlets, then the corpus line's fields."""
    records = [json.loads(line) for line in lines.splitlines()]
    kinds = [r.pop("record") for r in records]
    assert kinds == sorted(kinds, key=["article", "outlet", "corpus"].index) and kinds[-1] == "corpus"
    corpus = records[-1]
    return {"schema_version": corpus.pop("schema_version"),
            "articles": [r for k, r in zip(kinds, records) if k == "article"],
            "outlets": [r for k, r in zip(kinds, records) if k == "outlet"],
            "skipped": corpus.pop("skipped"), "lexicon": corpus.pop("lexicon"), **corpus}


@pytest.fixture(scope="module")
def expected(scale_articles: list[Article]) -> dict[str, Any]:
    return report_to_dict(analyze_articles(list(reversed(scale_articles)), skipped=SKIPPED))


def test_stream_rebuilds_the_json_report(scale_articles: list[Article], expected: dict[str, Any]) -> None:
    lines = _stream(scale_articles)
    rebuilt = rebuild(lines)
    assert list(rebuilt) == list(expected)
    assert rebuilt == json.loads(dumps_json(expected))


def test_stream_article_lines_are_the_json_articles_byte_for_byte(
    scale_articles: list[Article], expected: dict[str, Any]
) -> None:
    lines = _stream(scale_articles).splitlines()
    assert len(lines) == len(scale_articles) + len(expected["outlets"]) + 1
    for line, article in zip(lines, expected["articles"]):
        assert line == dumps_json({"record": "article", **article}, indent=None)


def test_stream_workers_give_identical_bytes(scale_articles: list[Article]) -> None:
    assert _stream(scale_articles, workers=2) == _stream(scale_articles, workers=1)


@pytest.mark.parametrize("layout", ["jsonl", "json"])
def test_stream_coverage_beside_pass_2_gives_identical_bytes(
    scale_articles: list[Article], layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With workers the coverage step runs in its own processes beside pass 2; same bytes as one process."""
    import framing.stream as stream

    started: list[bool] = []
    start = stream.start_coverage

    def recorded(*args: Any, background: bool) -> stream.PendingCoverage:
        started.append(background)
        return start(*args, background=background)

    monkeypatch.setattr(stream, "start_coverage", recorded)
    one = _stream(scale_articles, workers=1, layout=layout)
    two = _stream(scale_articles, workers=2, layout=layout)
    assert started == [False, True]
    assert one == two
    corpus = json.loads(one.splitlines()[-1]) if layout == "jsonl" else json.loads(one)
    assert corpus["facts"] and corpus["naming"] and corpus["shared_passages"]  # the coverage step had work to do


@pytest.mark.parametrize(("workers", "passes"), [(1, [1, 1]), (2, [2, 1])])
def test_stream_pass_2_leaves_a_core_to_the_coverage_processes(
    scale_articles: list[Article], workers: int, passes: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the coverage step beside pass 2, pass 2 takes one process fewer (with 2 cores: this one)."""
    import framing.stream as stream

    asked: list[int] = []
    original = stream.map_chunks

    def recorded(*args: Any, workers: int) -> Any:
        asked.append(workers)
        return original(*args, workers=workers)

    monkeypatch.setattr(stream, "map_chunks", recorded)
    _stream(scale_articles, workers=workers)
    assert asked == passes


def test_stream_chunk_texts_are_the_reports_coverage_texts(scale_articles: list[Article]) -> None:
    from framing.coverage import coverage_text
    from framing.stream import chunk_texts, prepare_chunk

    lexicon = load_default_lexicon()
    steps = check_components(default_components(lexicon=lexicon, tone_lexicon=load_tone_lexicon()))
    ordered = sorted(scale_articles[:12], key=lambda a: a.id)
    reports = analyze_articles(ordered).articles
    assert chunk_texts(prepare_chunk(ordered, steps)) == [coverage_text(r) for r in reports]


def test_stream_empty_corpus_still_ends_with_a_corpus_line() -> None:
    lines = _stream([]).splitlines()
    assert [json.loads(line)["record"] for line in lines] == ["corpus"]
    assert json.loads(lines[0])["skipped"] == [{"source": "a.txt", "reason": "empty file"},
                                               {"source": "b.txt", "reason": "empty file"}]


def test_stream_progress_counts_both_passes(scale_articles: list[Article]) -> None:
    seen: list[tuple[int, int]] = []
    _stream(scale_articles, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2 * len(scale_articles), 2 * len(scale_articles))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "drawn"), [(io.StringIO(), False), (_Terminal(), True)])
def test_stream_progress_bar_only_on_a_terminal(stream: io.StringIO, drawn: bool) -> None:
    with progress_bar("analysing", stream=stream) as progress:
        for done in range(1, 11):
            progress(done, 10)
    assert ("analysing" in stream.getvalue()) is drawn


@pytest.mark.parametrize("workers", [1, 2])
def test_stream_json_layout_is_byte_identical_to_to_json(scale_articles: list[Article], workers: int) -> None:
    from framing.export import to_json_bytes

    expected_bytes = to_json_bytes(analyze_articles(scale_articles, skipped=SKIPPED))
    assert _stream(scale_articles, workers=workers, layout="json") == expected_bytes


def test_stream_json_layout_of_an_empty_corpus() -> None:
    from framing.export import to_json_bytes

    assert _stream([], layout="json") == to_json_bytes(analyze_articles([], skipped=SKIPPED))


def test_stream_coverage_stops_the_first_process_when_the_second_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # A failed second fork (memory, process limit) left the first coverage process running, unclosed.
    import framing.stream as stream
    from framing.workers import Beside

    made: list[Beside[Any]] = []

    def second_fails(*args: Any, **kwargs: Any) -> Beside[Any]:
        if made:
            raise OSError("fork failed")
        made.append(Beside(*args, **kwargs))
        return made[0]

    monkeypatch.setattr(stream, "Beside", second_fails)
    with pytest.raises(OSError, match="fork failed"):
        stream.start_coverage([], "jsonl", background=True)
    assert len(made) == 1 and made[0]._process is None  # closed: stopped and joined
