"""`python build.py serve`: a development server that rebuilds on every edit and reloads the browser.

The dev build relaxes the CSP for livereload's injected script and registers no service worker
(docs/architecture.md). One Builder lives for the whole session, so an edit re-renders only the
Markdown pages whose inputs changed; the site is still swapped in atomically, so a broken edit
leaves the last good build on screen and prints `file:line: message`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler

from .build import Builder
from .errors import BuildError
from .paths import CONTENT, DATA, ENGINE, LOCALES, STATIC, TEMPLATES

WATCHED = (CONTENT, TEMPLATES, ENGINE, STATIC, LOCALES, DATA)
# livereload drops (not delays) a change that comes within DEFAULT_RELOAD_TIME seconds of the
# last reload (3 by default): quick successive saves would never show.
RELOAD_TIME = 0.2


def _engine_stamp() -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in ENGINE.rglob("*") if p.suffix in (".py", ".toml")))


class _Engine:
    """Drops the engine's modules when its files changed, so the next build imports the edits."""

    stamp: tuple = ()

    @classmethod
    def refresh(cls) -> None:
        stamp = _engine_stamp()
        if stamp != cls.stamp:
            for name in [n for n in sys.modules if n == "engine" or n.startswith("engine.")]:
                del sys.modules[name]
            cls.stamp = stamp


def rebuild(builder: Builder, out: Path) -> bool:
    """Build once, report the time or the error; True when the new site is in place."""
    started = time.perf_counter()
    _Engine.refresh()
    try:
        builder.build(out)
    except BuildError as exc:
        print(f"build failed, still serving the last good build:\n  {exc}", file=sys.stderr)
        return False
    print(f"rebuilt in {(time.perf_counter() - started) * 1000:.0f} ms")
    return True


def serve(out: Path, *, base_url: str = "/", port: int = 8000) -> int:
    if base_url.strip("/"):
        print("serve always serves the site at /; --base-url is for `python build.py` builds",
              file=sys.stderr)
        return 2
    builder = Builder(dev=True)
    if not rebuild(builder, out):
        return 1
    LiveReloadHandler.DEFAULT_RELOAD_TIME = RELOAD_TIME
    server = Server()
    for folder in WATCHED:
        server.watch(str(folder), lambda: rebuild(builder, out))
    print(f"serving http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    server.serve(host="127.0.0.1", port=port, root=str(out), open_url_delay=None)
    return 0
