"""``python -m framing analyze`` end to end, in subprocesses (framing.cli, framing.__main__).

Every command of this module is started at once by one module-scoped fixture and awaited together:
each run is an independent process, and starting Python with the whole stack takes seconds, so running
them side by side keeps the module fast. Each test then asserts on one finished run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from framing.cli import main

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
#: Seconds a single CLI run may take before the test fails instead of hanging.
TIMEOUT = 240
#: CLI runs started side by side (each spends seconds importing scikit-learn; more than the cores only thrashes).
PARALLEL = max(2, os.cpu_count() or 1)

GOOD_TEXT = "---\noutlet: Test Gazette\n---\nTariffs on soybeans rose after the trade talks stalled.\n"
#: Bad input files: name -> (bytes, the reason framing.corpus gives for them).
BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (looks like PNG image), not text"),
    "garbled.txt": (b"Hi \x81\x8d\x90 there", "cannot decode as UTF-8, UTF-16 or cp1252; save the file as UTF-8"),
    "table.csv": (b"title,body\nTariffs,Tariffs rose.\n", "missing column 'text' (columns found: 'title', 'body')"),
}


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    folder: Path


def _command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "framing", *map(str, args)]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Run every CLI command of this module, a few at a time, and return them by name."""
    plans: dict[str, tuple[list[str], Path]] = {}
    for fmt in ("table", "csv"):
        folder = tmp_path_factory.mktemp(f"data-{fmt}")
        plans[f"data-{fmt}"] = (_command("analyze", DATA, "--format", fmt), folder)
    folder = tmp_path_factory.mktemp("data-json")
    plans["data-json"] = (_command("analyze", DATA, "--format", "json", "--out", folder / "out.json"), folder)
    # One folder holds a good file and every bad one: each bad file must be named with its own reason.
    folder = tmp_path_factory.mktemp("bad-inputs")
    (folder / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    plans["bad-inputs"] = (_command("analyze", folder, "--format", "json"), folder)
    folder = tmp_path_factory.mktemp("lexicon")
    (folder / "broken.csv").write_text("term,frame,weight,note\ntariff,trade,2,ok\ntrade.*,trade,1,pattern\n", encoding="utf-8")
    plans["bad-lexicon"] = (_command("analyze", DATA, "--lexicon", folder / "broken.csv"), folder)
    folder = tmp_path_factory.mktemp("option")
    plans["unknown-option"] = (_command("analyze", DATA, "--colour", "red"), folder)

    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONWARNINGS": "error"}
    results: dict[str, Run] = {}
    pending = list(plans.items())
    while pending:
        batch, pending = pending[:PARALLEL], pending[PARALLEL:]
        started = [
            (name, folder, subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            text=True, encoding="utf-8"))
            for name, (cmd, folder) in batch
        ]
        for name, folder, process in started:
            stdout, stderr = process.communicate(timeout=TIMEOUT)
            results[name] = Run(process.returncode, stdout, stderr, folder)
    return results


# -- the bundled data folder ----------------------------------------------------------------------


def test_cli_json_out_writes_five_articles_and_outlets(runs: dict[str, Run]) -> None:
    run = runs["data-json"]
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    data = json.loads((run.folder / "out.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    assert len(data["outlets"]) == 5
    assert data["skipped"] == []


def test_cli_csv_parses(runs: dict[str, Run]) -> None:
    run = runs["data-csv"]
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [r["level"] for r in rows] == ["outlet"] * 5 + ["article"] * 5


def test_cli_table_lists_every_outlet(runs: dict[str, Run]) -> None:
    run = runs["data-table"]
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Framing Lens: 5 articles, 5 outlets")
    data = json.loads((runs["data-json"].folder / "out.json").read_text(encoding="utf-8"))
    for outlet in data["outlets"]:
        assert outlet["outlet"][:20] in run.stdout
    assert run.stderr == ""


# -- bad inputs: exit 1, the good file is still analysed, stderr says which file and why -----------


def test_cli_bad_input_exits_1(runs: dict[str, Run]) -> None:
    assert runs["bad-inputs"].returncode == 1


def test_cli_bad_input_still_reports_good_file(runs: dict[str, Run]) -> None:
    data = json.loads(runs["bad-inputs"].stdout)
    assert [(a["id"], a["outlet"]) for a in data["articles"]] == [("good", "Test Gazette")]
    assert sorted(Path(s["source"]).name for s in data["skipped"]) == sorted(BAD_INPUTS)


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_cli_bad_input_stderr_names_file_and_reason(runs: dict[str, Run], name: str) -> None:
    run = runs["bad-inputs"]
    reason = BAD_INPUTS[name][1]
    assert f"skipped {run.folder / name}: {reason}\n" in run.stderr


# -- usage errors: exit 2 -------------------------------------------------------------------------


def test_cli_malformed_lexicon_exits_2_with_file_and_line(runs: dict[str, Run]) -> None:
    run = runs["bad-lexicon"]
    assert run.returncode == 2
    assert "error: broken.csv line 3: term 'trade.*' contains" in run.stderr
    assert run.stdout == ""


def test_cli_unknown_option_exits_2(runs: dict[str, Run]) -> None:
    run = runs["unknown-option"]
    assert run.returncode == 2
    assert "unrecognized arguments: --colour red" in run.stderr
    assert run.stdout == ""


# -- main() in process: the paths a subprocess run does not need to cover -----------------------


def test_main_extend_lexicon_adds_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "extra.csv").write_text("term,frame,weight,note\nzorblax,trade,5,made-up word\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("---\noutlet: Gazette\n---\nThe zorblax tariff was signed.\n", encoding="utf-8")
    code = main(["analyze", str(tmp_path / "story.md"), "--extend-lexicon", str(tmp_path / "extra.csv"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [e["term"] for s in data["articles"][0]["sentences"] for e in s["evidence"] if e["frame"] == "trade"] == [
        "zorblax",
        "tariff",
    ]
    assert data["lexicon"]["name"] == "framing-lens-frames+extra"


STORY = "---\noutlet: Gazette\n---\nThe bakery sold a tariff cake. Tariffs on steel rose.\n"
CAKE_RULE = "rule,term,context,window,note\nexclude_phrase,tariff,tariff cake,,a made-up pastry\n"


def _trade_terms(data: dict[str, object]) -> list[str]:
    article = data["articles"][0]  # type: ignore[index]
    return [e["term"] for s in article["sentences"] for e in s["evidence"] if e["frame"] == "trade"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize(("option", "default_rules_kept"), [("--extend-rules", True), ("--rules", False)])
def test_main_user_rules_drop_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str,
                                       default_rules_kept: bool, fmt: str) -> None:
    (tmp_path / "rules.csv").write_text(CAKE_RULE, encoding="utf-8")
    (tmp_path / "story.md").write_text(STORY + "Social security payments rose.\n", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "story.md"), "--format", "json", "--workers", "1"]) == 0
    before = json.loads(capsys.readouterr().out)
    code = main(["analyze", str(tmp_path / "story.md"), option, str(tmp_path / "rules.csv"), "--format", fmt,
                 "--workers", "1"])
    out = capsys.readouterr().out
    data = json.loads(out) if fmt == "json" else {"articles": [json.loads(out.splitlines()[0])]}
    assert code == 0
    assert _trade_terms(before).count("tariff") == 2
    assert _trade_terms(data).count("tariff") == 1  # the cake is not trade evidence any more; the steel tariff is
    security = [e["term"] for s in data["articles"][0]["sentences"] for e in s["evidence"] if e["frame"] == "security"]
    # --extend-rules keeps the packaged "social security" exclusion; --rules replaces it
    assert (security == []) == default_rules_kept


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("rule,term,context,window\nnot_a_rule,tariff,x,\n", "rules.csv line 2"),
        (b"\xff\xfe\x00garbage", "rules.csv: rules file is not UTF-8"),
    ],
)
def test_main_bad_rules_file_exits_2_naming_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          rules: str | bytes, message: str) -> None:
    path = tmp_path / "rules.csv"
    path.write_bytes(rules if isinstance(rules, bytes) else rules.encode())
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "story.md"), "--rules", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_main_missing_lexicon_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(tmp_path), "--lexicon", str(tmp_path / "nope.csv")])
    assert code == 2
    assert "error: nope.csv: cannot read lexicon file" in capsys.readouterr().err


def test_main_unwritable_out_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.md").write_text("Tariffs rose.\n", encoding="utf-8")
    code = main(["analyze", str(tmp_path / "story.md"), "--out", str(tmp_path / "no" / "such" / "dir" / "x.json")])
    assert code == 2
    assert "error: cannot write" in capsys.readouterr().err


def test_main_nothing_loaded_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(tmp_path / "missing.txt")])
    captured = capsys.readouterr()
    assert code == 1
    assert "No article could be analysed." in captured.out
    assert "missing.txt: file not found" in captured.err


@pytest.mark.parametrize("argv", [["analyze", "data", "--lexicon", "a.csv", "--extend-lexicon", "b.csv"],
                                  ["analyze", "data", "--rules", "a.csv", "--extend-rules", "b.csv"], [], ["analyze"]])
def test_main_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match="^2$"):
        main(argv)
    assert "usage: python -m framing" in capsys.readouterr().err


# -- issue 16: --format jsonl, --workers ------------------------------------------------------------


def test_main_jsonl_lines_rebuild_the_json_output(tmp_path: Path) -> None:
    for name, outlet, text in [("a.md", "Gazette", "Tariffs on soybeans rose."), ("b.md", "Courier", "Troops massed."),
                               ("c.md", "Gazette", "The summit went well, diplomats said.")]:
        (tmp_path / name).write_text(f"---\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--format", "json", "--out", str(tmp_path / "out.json")]) == 1
    assert main(["analyze", str(tmp_path), "--format", "jsonl", "--out", str(tmp_path / "out.jsonl")]) == 1
    whole = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r.pop("record") for r in records] == ["article"] * 3 + ["outlet"] * 2 + ["corpus"]
    assert records[:3] == whole["articles"] and records[3:5] == whole["outlets"]
    assert records[5] == {k: v for k, v in whole.items() if k not in ("articles", "outlets")}


@pytest.mark.parametrize("workers", ["0", "-2", "two"])
def test_main_workers_must_be_a_positive_number(workers: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match="^2$"):
        main(["analyze", "data", "--workers", workers])
    assert "--workers" in capsys.readouterr().err


def test_main_jsonl_unwritable_out_fails_before_analysing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.md").write_text("Tariffs rose.\n", encoding="utf-8")
    code = main(["analyze", str(tmp_path / "story.md"), "--format", "jsonl", "--out", str(tmp_path / "no" / "x.jsonl")])
    captured = capsys.readouterr()
    assert code == 2
    assert "error: cannot write" in captured.err and captured.out == ""


def _children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (from /proc: Linux, where the workers fork)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or sys.platform != "linux", reason="reads /proc (Linux)")
def test_cli_sigterm_stops_the_worker_processes_too(tmp_path: Path) -> None:
    # Killed with SIGTERM, the program used to die at once and leave its worker processes
    # computing their whole job as orphans; now it unwinds (exit 143) and stops them.
    seeds = sorted(DATA.glob("*.md"))
    seeds = [s for s in seeds if s.name != "README.md"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(120):
        for seed in seeds:
            (corpus / f"{copy:03d}_{seed.name}").write_bytes(seed.read_bytes())
    process = subprocess.Popen(_command("analyze", corpus, "--format", "jsonl", "--workers", "2", "--out", tmp_path / "out.jsonl"),
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + TIMEOUT
        children: set[int] = set()
        while time.monotonic() < deadline and process.poll() is None and len(children) < 2:
            time.sleep(0.2)
            children = _children(process.pid)
        assert len(children) >= 2, "the run ended or timed out before its workers started"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=120) == 143
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
            time.sleep(0.2)
        assert not [pid for pid in children if Path(f"/proc/{pid}").exists()], "worker processes outlived the killed run"
    finally:
        if process.poll() is None:
            process.kill()
