"""House rules checked over the source tree: no streamlit in framing/, lexicon provenance, docstrings, README."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import pytest

import framing

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "framing"
LEXICONS = PACKAGE / "lexicons"
META_FIELDS = ("name", "version", "citation", "url", "licence", "curated", "curator", "changes", "columns")
MODULES = sorted(PACKAGE.rglob("*.py"))
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
}


@pytest.mark.parametrize(("section", "name"), list(STREAMLIT_SETTINGS))
def test_meta_streamlit_config_keeps_the_server_private_and_bounded(section: str, name: str) -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config[section][name] == STREAMLIT_SETTINGS[(section, name)]
