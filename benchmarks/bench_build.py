"""Build speed: a full build and a one-page rebuild (as `python build.py serve` does).

Prints figures; asserts nothing. Targets (issue 5): full build < 1 s with Pyodide cached,
rebuild after one Markdown edit < 300 ms.

    .venv/bin/python benchmarks/bench_build.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.build import Builder, build_site  # noqa: E402
from sitegen.paths import CONTENT  # noqa: E402


def timed(action) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process and its children). On a busy machine the CPU
    time is the steadier figure: it leaves out the time spent waiting for a core."""
    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    wall, used = time.perf_counter(), cpu()
    action()
    return time.perf_counter() - wall, cpu() - used


def report(name: str, runs: list[tuple[float, float]], target: float) -> None:
    wall = statistics.median(w for w, _ in runs)
    used = statistics.median(c for _, c in runs)
    verdict = "within" if wall < target else "OVER"
    print(f"{name:<42} wall median {wall * 1000:6.0f} ms, best {min(w for w, _ in runs) * 1000:6.0f} ms; "
          f"CPU median {used * 1000:6.0f} ms  ({verdict} the {target * 1000:.0f} ms target, {len(runs)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        out = work / "site"
        build_site(out)  # warms the OS file cache (Pyodide files) and the engine's parsed data

        # A whole new process, as `python build.py` runs: imports, templates, rules, everything.
        command = [sys.executable, str(ROOT / "build.py"), "--out", str(out)]
        cold = [timed(lambda: subprocess.run(command, check=True, capture_output=True)) for _ in range(runs)]
        report("full build, new process (python build.py)", cold, 1.0)

        # A new Builder in this process: every page and template rendered again.
        warm = [timed(lambda: build_site(out)) for _ in range(runs)]
        report("full build, in process", warm, 1.0)

        # serve's case: one long-lived Builder, one Markdown file edited between builds.
        content = work / "content"
        shutil.copytree(CONTENT, content)
        builder = Builder(dev=True, content=content)
        builder.build(out)
        page = content / "en" / "proof-of-funds.md"
        rebuilds = []
        for i in range(runs):
            page.write_text(page.read_text(encoding="utf-8") + f"\nEdit number {i}.\n", encoding="utf-8")
            rebuilds.append(timed(lambda: builder.build(out)))
        report("rebuild after one Markdown edit (serve)", rebuilds, 0.3)

        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        files = sum(1 for p in out.rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
        print(f"site: {files} files, {size:.1f} MB (Pyodide files are hard links when the file system allows)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
