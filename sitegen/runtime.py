"""Put the browser runtime into the site: the pinned Pyodide core, the engine as one zip and
the standard library cut to what the engine imports.

The page's worker boots Pyodide from `pyodide/` (same origin, no CDN) with the cut standard
library (sitegen/stdlib.py; the full one stays beside it as the fallback), writes the engine zip,
which also holds the worker's Python bridge, into Pyodide's file system and imports from it. The zips' names
carry their content hash, so a changed engine is a new URL and no cache can serve a stale one.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

from sitegen.bytecode import compiled_zip
from sitegen.errors import BuildError
from sitegen.stdlib import write_cut_stdlib

ROOT = Path(__file__).resolve().parent.parent

# Exactly what a browser needs to boot the core of Pyodide 314 (no packages, no micropip).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_DIR = "pyodide/"
# What the worker fetches to start, besides the two zips; the full standard library is only the
# fallback. `pyodide.mjs` is small and loaded first: it is not counted in the download. The lock
# file is not fetched: the worker gets its header (`lock_info`, all Pyodide checks) from the build.
BOOT_FILES = ("pyodide.asm.mjs", "pyodide.asm.wasm")
BRIDGE = Path(__file__).with_name("browser") / "bridge.py"
GZIP_CACHE = ROOT / ".cache" / "gzip-sizes.json"

# The engine is Python plus its rules; anything else in the folder (caches, notes) stays out.
ENGINE_SUFFIXES = (".py", ".toml", ".json")
# A fixed timestamp makes the zip, and so its hash, depend on content alone.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_stdlib(out_dir: Path | str, runtime: dict) -> dict:
    """Compile the engine zip of a runtime written by write_runtime (sitegen/bytecode.py) and add
    the cut standard library (sitegen/stdlib.py), both with Pyodide under Node; returns `runtime`
    with the archives' names and the boot's download, file by file."""
    out_dir = Path(out_dir)
    source_zip = out_dir / runtime["engine_zip"]
    data = compiled_zip(out_dir / PYODIDE_DIR, source_zip.read_bytes())
    engine_name = f"engine-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    source_zip.unlink()
    (out_dir / engine_name).write_bytes(data)
    stdlib_name = write_cut_stdlib(out_dir, out_dir / PYODIDE_DIR, out_dir / engine_name)
    downloads = [PYODIDE_DIR + name for name in BOOT_FILES] + [stdlib_name, engine_name]
    return {
        **runtime,
        "engine_zip": engine_name,
        "stdlib": stdlib_name,
        "stdlib_full": PYODIDE_DIR + "python_stdlib.zip",
        # {file: [bytes, bytes gzipped]}: the boot's download, shown as it progresses.
        "downloads": {name: file_sizes(out_dir / name) for name in downloads},
    }


def write_runtime(out_dir: Path | str, *, root: Path | str = ROOT) -> dict:
    """Copy Pyodide into `out_dir/pyodide/` and write `out_dir/engine-<hash>.zip`.

    Returns the URLs, relative to the site root, that templates and scripts use, and the
    dates of the rules in force (`rules_dates`: the newest copy of a source read, the oldest
    review), computed here rather than in the browser where reading every table would delay
    the start.
    """
    out_dir, root = Path(out_dir), Path(root)
    source = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise BuildError(
            f"{source}: Pyodide files missing ({', '.join(missing)}); run npm ci"
        )
    target = out_dir / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        _link_or_copy(source / name, target / name)

    data = engine_zip_bytes(root / "engine")
    engine_name = f"engine-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    (out_dir / engine_name).write_bytes(data)
    return {
        "pyodide": PYODIDE_DIR,
        "engine_zip": engine_name,
        "lock_info": json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))["info"],
        # The worker names its memory snapshot with it before Pyodide's own script has loaded.
        "pyodide_version": json.loads((source / "package.json").read_text(encoding="utf-8"))["version"],
        "rules_dates": rules_dates(dt.date.today()),
        "crs_maximum": crs_maximum(dt.date.today()),
    }


def crs_maximum(as_of: dt.date) -> int:
    """The most points a profile can score: the section caps added up, for either column."""
    from engine import crs, rules

    caps = {row.key: row.values for row in rules.table("crs.caps", as_of).rows}
    return max(sum(caps[section][column] for section in crs.SECTIONS) for column in (crs.WITH, crs.WITHOUT))


def rules_dates(as_of: dt.date) -> dict:
    """For the rule tables in force: `figures_seen`, the newest copy of a source actually read
    (no figure is known to be newer), and `reviewed`, the oldest day a person reviewed one."""
    from engine import rules

    tables = [rules.table(table_id, as_of) for table_id in rules.table_ids()]
    return {"figures_seen": max(t.figures_seen for t in tables if t.figures_seen),
            "reviewed": min(t.reviewed for t in tables)}


class GzipSizes:
    """Gzip sizes by content hash, kept in .cache between builds (compressing Pyodide's 9.6 MB
    wasm takes a while): what a host that compresses sends."""

    def __init__(self, path: Path = GZIP_CACHE):
        self.path = path
        try:
            self.known = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    def gzip_size(self, data: bytes) -> int:
        digest = hashlib.sha256(data).hexdigest()
        if digest not in self.known:
            self.known[digest] = len(gzip.compress(data, 6))
            self.changed = True
        return self.known[digest]

    def save(self) -> None:
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.known), encoding="utf-8")
            partial.replace(self.path)
            self.changed = False


def file_sizes(path: Path) -> list[int]:
    """[size, size gzipped] of a file."""
    data = path.read_bytes()
    sizes = GzipSizes()
    result = [len(data), sizes.gzip_size(data)]
    sizes.save()
    return result


def engine_zip_bytes(engine_dir: Path) -> bytes:
    """The `engine/` package, and the worker's bridge as `bridge.py`, as a zip whose bytes
    depend only on the files' paths and content."""
    if not (engine_dir / "__init__.py").is_file():
        raise BuildError(f"{engine_dir}: no engine package to bundle")
    files = sorted(
        path
        for path in engine_dir.rglob("*")
        if path.is_file()
        and path.suffix in ENGINE_SUFFIXES
        and "__pycache__" not in path.parts
    )
    entries = [(path.relative_to(engine_dir.parent).as_posix(), path) for path in files]
    entries.append(("bridge.py", BRIDGE))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard-link the large files (instant, no extra disk); copy when linking is impossible."""
    if target.exists():
        if os.path.samefile(source, target):
            return
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
