"""The build: content and templates in, a complete static site out, swapped in atomically."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import atomic
from .paths import STATIC
from .strings import load_strings
from .templating import make_env, render


def build_site(out_dir: Path, *, base_url: str = "/", dev: bool = False) -> None:
    """Build the whole site into `out_dir`; on any error `out_dir` is left as it was."""
    out_dir = Path(out_dir)
    with atomic.staging(out_dir) as tmp:
        _build_into(tmp, base_url=base_url, dev=dev)


def _build_into(out: Path, *, base_url: str, dev: bool) -> None:
    strings = load_strings()
    env = make_env(strings, base_url, dev)
    context: dict = {}
    _write(out / "index.html", render(env, "index.html", context))
    _write(out / "404.html", render(env, "404.html", context))
    (out / ".nojekyll").write_text("", encoding="utf-8")
    if STATIC.is_dir():
        shutil.copytree(STATIC, out / "static", dirs_exist_ok=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
