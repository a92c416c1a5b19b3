"""Build into a sibling temporary folder and swap it in only when the build succeeded."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path


@contextlib.contextmanager
def staging(out_dir: Path):
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # A sibling folder is on the same file system, so the final renames are atomic.
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.build-", dir=out_dir.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap(tmp, out_dir)


def swap(new: Path, out_dir: Path) -> None:
    """Replace `out_dir` with `new`; the old tree is removed only after the rename."""
    tmp_mode = 0o755
    new.chmod(tmp_mode)  # mkdtemp makes 0700 folders; a web server needs to read them
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{new.name}")
        out_dir.rename(old)
        new.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(out_dir)
