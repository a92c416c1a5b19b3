"""Build into a sibling temporary folder and swap it in only when the build succeeded."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from pathlib import Path


@contextlib.contextmanager
def staging(out_dir: Path, *, background_cleanup: bool = False):
    """Yield an empty folder to build into; on success it replaces `out_dir`, on error it is
    removed and `out_dir` is untouched. `background_cleanup` deletes the replaced tree in a
    thread (serve: the new site is live at once)."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.parent.glob(f".{out_dir.name}.old-*"):  # from an interrupted cleanup
        shutil.rmtree(leftover, ignore_errors=True)
    # A sibling folder is on the same file system, so the final renames are atomic.
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.build-", dir=out_dir.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = swap(tmp, out_dir)
    if old is not None:
        if background_cleanup:
            threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True}, daemon=True).start()
        else:
            shutil.rmtree(old, ignore_errors=True)


def swap(new: Path, out_dir: Path) -> Path | None:
    """Put `new` in place of `out_dir`; returns the previous tree (renamed aside) to delete."""
    new.chmod(0o755)  # mkdtemp makes 0700 folders; a web server needs to read them
    if not out_dir.exists():
        new.rename(out_dir)
        return None
    old = out_dir.with_name(f".{out_dir.name}.old-{new.name}")
    out_dir.rename(old)
    new.rename(out_dir)
    return old
