"""Issue 16: ``--scheduler`` on a Dask cluster gives the bytes of a run in one process.

A scheduler and two workers are started on loopback inside the test process (``processes=False``
keeps the test light; the tasks still go through the scheduler and the workers' serialisation).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from framing.cli import main
from framing.cluster import ClusterError, stream_on_cluster
from framing.components import check_components, default_components
from framing.lexicon import load_default_lexicon, load_tone_lexicon
from framing.stream import stream_jsonl
from framing.types import Article

distributed = pytest.importorskip("distributed", reason="dask[distributed] is in requirements.txt")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, protocol="tcp",
                                  host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


def _options() -> dict[str, Any]:
    lexicon = load_default_lexicon()
    return {"steps": check_components(default_components(lexicon=lexicon, tone_lexicon=load_tone_lexicon())),
            "lexicon": lexicon}


def test_cluster_output_is_byte_identical_to_one_process(scheduler: str, scale_articles: list[Article]) -> None:
    local, remote = io.BytesIO(), io.BytesIO()
    stream_jsonl(scale_articles, local, **_options())
    seen: list[int] = []
    stream_on_cluster(scheduler, scale_articles, remote, chunk_articles=5, progress=lambda d, t: seen.append(d),
                      **_options())
    assert remote.getvalue() == local.getvalue()
    assert seen[-1] == 2 * len(scale_articles)


def test_cluster_cli_writes_the_same_lines(scheduler: str, scale_articles: list[Article], tmp_path: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "rows.jsonl", "w", encoding="utf-8") as handle:
        import json

        for article in scale_articles[:12]:
            handle.write(json.dumps({"id": article.id, "outlet": article.outlet, "title": article.title,
                                     "text": article.text}) + "\n")
    assert main(["analyze", str(folder), "--format", "jsonl", "--workers", "1", "--out", str(tmp_path / "one.jsonl")]) == 0
    assert main(["analyze", str(folder), "--format", "jsonl", "--scheduler", scheduler,
                 "--out", str(tmp_path / "dask.jsonl")]) == 0
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_cluster_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        stream_on_cluster("tcp://127.0.0.1:9", [], io.BytesIO(), timeout=2, **_options())


def test_cluster_cli_asks_for_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "data", "--scheduler", "tcp://127.0.0.1:9", "--format", "csv"]) == 2
    assert "use --format jsonl or json" in capsys.readouterr().err


@pytest.mark.parametrize("layout", ["jsonl", "json"])
def test_cluster_skips_an_article_that_breaks_a_step_as_one_process_does(scheduler: str, layout: str) -> None:
    from broken_step import articles_one_broken, components_breaking_on_trigger

    steps = check_components(components_breaking_on_trigger())  # type: ignore[arg-type]
    options = {"steps": steps, "lexicon": steps["frames"].lexicon}  # type: ignore[attr-defined]
    local, remote = io.BytesIO(), io.BytesIO()
    stream_jsonl(articles_one_broken(), local, layout=layout, **options)
    summary = stream_on_cluster(scheduler, articles_one_broken(), remote, chunk_articles=1, layout=layout, **options)
    assert remote.getvalue() == local.getvalue()
    assert summary.articles == 2 and [s.source for s in summary.skipped] == ["a2.txt"]
