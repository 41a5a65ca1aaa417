"""One article that breaks a step is skipped with its reason; every other article is still analysed.

Before, an exception inside one article's own pass (cleaning, segmentation, any component) ended the
whole run: a teacher's ten pasted articles, or a researcher's hour-long corpus, gave nothing at all.
"""

from __future__ import annotations

import io
import json

import pytest

from framing import cli, pipeline
from framing.components import default_components
from framing.export import to_json_bytes
from framing.stream import stream_jsonl
from framing.types import Article

from broken_step import TRIGGER, articles_one_broken, components_breaking_on_trigger

def test_the_other_articles_are_analysed_and_the_broken_one_is_skipped_with_its_reason() -> None:
    report = pipeline.analyze_articles(articles_one_broken(), components=components_breaking_on_trigger())
    assert [a.id for a in report.articles] == ["a1", "a3"]
    assert [s.source for s in report.skipped] == ["a2.txt"]
    reason = report.skipped[0].reason
    assert "'a2'" in reason and "ValueError: cannot measure this text" in reason
    assert "broken_step.py:" in reason  # where it was raised, for a bug report
    assert {o.outlet for o in report.outlets} == {"Outlet a1", "Outlet a3"}


def test_the_report_of_the_rest_is_the_report_without_the_broken_article() -> None:
    # the IDF and the outlets are learned from the analysed articles only, as if the broken one were absent
    articles = articles_one_broken()
    with_failure = pipeline.analyze_articles(articles, components=components_breaking_on_trigger())
    without = pipeline.analyze_articles([a for a in articles if a.id != "a2"], components=components_breaking_on_trigger())
    assert with_failure.articles == without.articles and with_failure.outlets == without.outlets


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("layout", ["json", "jsonl"])
def test_a_streamed_run_skips_the_broken_article_as_the_whole_report_does(workers: int, layout: str) -> None:
    components = components_breaking_on_trigger()
    steps = {c.name: c for c in components}
    lexicon = steps["frames"].lexicon  # type: ignore[attr-defined]
    out = io.BytesIO()
    summary = stream_jsonl(articles_one_broken(), out, steps=steps, lexicon=lexicon, workers=workers, layout=layout)
    assert summary.articles == 2 and [s.source for s in summary.skipped] == ["a2.txt"]
    whole = to_json_bytes(pipeline.analyze_articles(articles_one_broken(), components=components))
    if layout == "json":
        assert out.getvalue() == whole
    else:
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [line["id"] for line in lines if line["record"] == "article"] == ["a1", "a3"]
        assert lines[-1]["skipped"] == json.loads(whole)["skipped"]


def test_every_article_failing_still_writes_a_report_that_lists_them_all() -> None:
    articles = [Article(id=f"b{i}", outlet="B", title="t", text=f"{TRIGGER} number {i}.") for i in range(3)]
    report = pipeline.analyze_articles(articles, components=components_breaking_on_trigger())
    assert report.articles == () and [s.source for s in report.skipped] == ["b0", "b1", "b2"]  # the id when no file
    out = io.BytesIO()
    steps = {c.name: c for c in components_breaking_on_trigger()}
    stream_jsonl(articles, out, steps=steps, lexicon=steps["frames"].lexicon, layout="json")  # type: ignore[attr-defined]
    assert out.getvalue() == to_json_bytes(report)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_command_line_writes_the_rest_warns_and_exits_1(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    for article in articles_one_broken():
        (tmp_path / article.source).write_text(article.text, encoding="utf-8")
    original = pipeline._prepare

    def breaking(article: Article, steps: object) -> object:
        if TRIGGER in article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return original(article, steps)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_prepare", breaking)
    out = tmp_path / f"out.{fmt}"
    code = cli.main(["analyze", str(tmp_path), "--format", fmt, "--out", str(out), "--workers", "1"])
    assert code == 1
    assert "could not be analysed (RecursionError" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert '"a1' in text and '"a3' in text and text.count("could not be analysed") == 1


def test_an_interrupt_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(article: Article, steps: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_prepare", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.analyze_articles(articles_one_broken()[:1])


def test_a_long_error_message_is_cut() -> None:
    article = Article(id="c", outlet="C", title="t", text="x")
    reason = pipeline.analysis_failure_reason(article, ValueError("y" * 5_000))
    assert len(reason) < 320 and reason.endswith("the other articles were")


def _break_naming(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing import coverage

    def broken(reports: object, facts: object) -> object:
        raise IndexError("string index out of range")

    monkeypatch.setattr(coverage, "find_naming", broken)


def test_a_coverage_part_that_fails_leaves_the_articles_and_the_other_part(monkeypatch: pytest.MonkeyPatch) -> None:
    intact = pipeline.analyze_articles(articles_one_broken()[::2])
    _break_naming(monkeypatch)
    report = pipeline.analyze_articles(articles_one_broken()[::2])
    assert report.articles == intact.articles and report.outlets == intact.outlets
    assert report.facts == () and report.naming == () and report.shared_passages == intact.shared_passages
    assert [s.source for s in report.skipped] == ["coverage step"]
    assert "facts and naming could not be computed (IndexError: string index out of range" in report.skipped[0].reason


@pytest.mark.parametrize("workers", [1, 2])
def test_a_streamed_run_reports_a_failed_coverage_part_as_the_whole_report_does(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    from framing.components import check_components
    from framing.lexicon import load_default_lexicon, load_tone_lexicon

    _break_naming(monkeypatch)
    lexicon = load_default_lexicon()
    steps = check_components(default_components(lexicon=lexicon, tone_lexicon=load_tone_lexicon()))
    out = io.BytesIO()
    summary = stream_jsonl(articles_one_broken(), out, steps=steps, lexicon=lexicon, workers=workers, layout="json")
    assert out.getvalue() == to_json_bytes(pipeline.analyze_articles(articles_one_broken()))
    assert [s.source for s in summary.skipped] == ["coverage step"]


def test_the_dashboard_notice_names_failed_articles_and_an_incomplete_coverage_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.corpus import analysis_failures_message

    assert analysis_failures_message(pipeline.analyze_articles(articles_one_broken()[:1]), ()) is None
    _break_naming(monkeypatch)
    report = pipeline.analyze_articles(articles_one_broken(), components=components_breaking_on_trigger())
    message = analysis_failures_message(report, ())
    assert message is not None and message.startswith("1 article could not be analysed and is left out of every page: a2.txt")
    assert "The Coverage page is incomplete: facts and naming could not be computed" in message
