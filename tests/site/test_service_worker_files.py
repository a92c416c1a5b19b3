"""What the service worker is told about each file: its revision and its group."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from sitegen.offline import group_of, write_offline


def _site(root: Path) -> None:
    for name, text in {"index.html": "home", "guide/step/index.html": "a step", ".nojekyll": "",
                       "manifest.webmanifest": "{}", "static/css/site.css": "css",
                       "pyodide/pyodide.asm.wasm": "wasm", "pyodide/python_stdlib.zip": "full",
                       "python-stdlib-0123456789ab.zip": "cut", "engine-0123456789ab.zip": "engine",
                       "data/noc-examples.json": "{}", "data/rounds.json": "{}",
                       "fr/index.html": "accueil", "fr/guide/step/index.html": "une étape",
                       "fr/data/noc-index.json": "{}", "fr/feeds/rounds.atom": "<feed/>"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _files(root: Path) -> tuple[str, dict]:
    text = (root / "sw.js").read_text()
    version = re.search(r'const VERSION = "([0-9a-f]+)"', text).group(1)
    body = re.search(r"const FILES = \{\n(.*?)\n\};", text, re.S).group(1)
    return version, json.loads("{" + body + "}")


def test_every_file_has_its_revision_and_group(tmp_path):
    _site(tmp_path)
    write_offline(tmp_path, "/repo-name/", False)
    version, files = _files(tmp_path)
    assert 'const CACHE_PREFIX = "ee-guide:/repo-name/:"' in (tmp_path / "sw.js").read_text()
    assert ".nojekyll" not in files and "sw.js" not in files
    assert {path: entry[1] for path, entry in files.items()} == {
        "index.html": "guide-en", "guide/step/index.html": "guide-en", "manifest.webmanifest": "guide-en",
        "static/css/site.css": "guide", "data/rounds.json": "guide", "data/noc-examples.json": "noc-en",
        "fr/index.html": "guide-fr", "fr/guide/step/index.html": "guide-fr", "fr/data/noc-index.json": "noc-fr",
        "fr/feeds/rounds.atom": "feeds",
        "pyodide/pyodide.asm.wasm": "runtime", "python-stdlib-0123456789ab.zip": "runtime",
        "engine-0123456789ab.zip": "runtime", "pyodide/python_stdlib.zip": "fallback"}
    assert files["index.html"][0] == hashlib.sha256(b"home").hexdigest()[:16]
    assert files["index.html"][2] == 4 and files["index.html"][3] > 0  # bytes, bytes gzipped

    write_offline(tmp_path, "/repo-name/", False)
    assert _files(tmp_path)[0] == version  # same files, same version
    (tmp_path / "index.html").write_text("home, edited")
    write_offline(tmp_path, "/repo-name/", False)
    new_version, new_files = _files(tmp_path)
    assert new_version != version
    changed = {path for path in files if files[path][0] != new_files[path][0]}
    assert changed == {"index.html"}  # only what changed gets a new revision


def test_groups_keep_python_out_of_the_guide_and_each_language_to_its_readers():
    assert group_of("static/js/calculator/worker.js") == group_of("data/noc-categories.json") == "guide"
    assert group_of("guide/eligibility/index.html") == group_of("search-index.json") == "guide-en"
    assert group_of("fr/guide/eligibility/index.html") == group_of("fr/recherche/index.html") == "guide-fr"
    assert group_of("pyodide/pyodide.mjs") == "runtime"
    assert group_of("data/noc-index.json") == "noc-en" and group_of("fr/data/noc-examples.json") == "noc-fr"
