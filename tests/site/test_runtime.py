"""The build's browser runtime: the five Pyodide files, a deterministic content-hashed engine
zip, and a service worker that precaches every file under a cache named from the content."""
from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sitegen.errors import BuildError
from sitegen.editions import EDITIONS
from sitegen.offline import write_manifest, write_offline
from sitegen.strings import Strings, load_strings
from sitegen.runtime import PYODIDE_FILES, write_runtime

ROOT = Path(__file__).resolve().parents[2]


def test_runtime_copies_pyodide_and_zips_the_engine(tmp_path):
    urls = write_runtime(tmp_path)
    assert urls["pyodide"] == "pyodide/"
    assert sorted(p.name for p in (tmp_path / "pyodide").iterdir()) == sorted(PYODIDE_FILES)
    for name in PYODIDE_FILES:
        assert (tmp_path / "pyodide" / name).read_bytes() == (ROOT / "node_modules" / "pyodide" / name).read_bytes()

    archive = tmp_path / urls["engine_zip"]
    assert re.fullmatch(r"engine-[0-9a-f]{12}\.zip", urls["engine_zip"])
    names = zipfile.ZipFile(archive).namelist()
    assert "engine/__init__.py" in names and "engine/data/crs.toml" in names
    assert all(n.endswith((".py", ".toml", ".json")) and "__pycache__" not in n for n in names)
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "engine").rglob("*")
                if p.suffix in (".py", ".toml", ".json") and "__pycache__" not in p.parts}
    assert set(names) == expected | {"bridge.py"}  # the worker's Python side


def test_engine_zip_depends_on_content_only(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT / "engine", source / "engine", ignore=shutil.ignore_patterns("__pycache__"))
    (source / "node_modules").symlink_to(ROOT / "node_modules")
    first = write_runtime(tmp_path / "a", root=source)["engine_zip"]
    os.utime(source / "engine" / "__init__.py", (0, 0))  # a new timestamp, same content
    second = write_runtime(tmp_path / "b", root=source)["engine_zip"]
    assert first == second
    assert (tmp_path / "a" / first).read_bytes() == (tmp_path / "b" / second).read_bytes()
    (source / "engine" / "__init__.py").write_text("# changed\n", encoding="utf-8")
    assert write_runtime(tmp_path / "c", root=source)["engine_zip"] != first


def test_missing_pyodide_is_a_clear_build_error(tmp_path):
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "__init__.py").write_text("")
    with pytest.raises(BuildError, match="run npm ci"):
        write_runtime(tmp_path / "out", root=tmp_path)


def _site(root: Path) -> None:
    (root / "guide" / "step").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "guide" / "step" / "index.html").write_text("a step")
    (root / ".nojekyll").write_text("")


def test_manifest_and_dev_worker(tmp_path):
    _site(tmp_path)
    write_offline(tmp_path, "/", True)
    # Each edition has its manifest, starting at its home page; the app's scope is the whole site.
    for lang, folder, scope in (("en", tmp_path, "./"), ("fr", tmp_path / "fr", "../")):
        edition = next(e for e in EDITIONS if e.lang == lang)
        write_manifest(folder, Strings(load_strings(edition.locales)), edition, scope)
        manifest = json.loads((folder / "manifest.webmanifest").read_text())
        assert manifest["start_url"] == "./" and manifest["scope"] == scope and manifest["lang"] == edition.locale
        for icon in manifest["icons"]:
            assert (folder / icon["src"]).resolve() == (tmp_path / icon["src"].removeprefix(scope)).resolve()
            assert (ROOT / icon["src"].removeprefix(scope)).is_file()
    # In dev the worker only removes an earlier production worker and its caches.
    text = (tmp_path / "sw.js").read_text()
    assert "unregister()" in text and "addAll" not in text


def test_rules_dates_are_the_newest_copy_read_and_the_oldest_review():
    from engine import rules
    from sitegen.runtime import rules_dates

    day = date(2026, 11, 25)
    tables = [rules.table(table_id, day) for table_id in rules.table_ids()]
    dates = rules_dates(day)
    assert dates["figures_seen"] == max(t.figures_seen for t in tables if t.figures_seen)
    assert dates["reviewed"] == min(t.reviewed for t in tables)
    # No official page newer than early October 2026 could be read: no date may claim more.
    assert dates["figures_seen"] <= date(2026, 10, 3) < dates["reviewed"] <= date.today()
