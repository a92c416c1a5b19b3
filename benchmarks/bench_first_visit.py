"""What a first visit costs, in real headless Chromium: bytes (raw and gzipped, as a static host
that compresses sends them) and seconds. Prints figures; asserts nothing. Targets (issue 15):

- first visit to the home page, and to one guide page, including what the service worker then
  keeps for offline reading: at most 1.5 MB raw;
- first visit to the calculator until `html[data-engine=ready]`: at most 4.5 MB gzipped; cold
  and warm ready times (median);
- the same first visit over a 2 Mbit/s link (Chrome DevTools network emulation): seconds to ready;
- the cut standard library against Pyodide's full one.

    .venv/bin/python benchmarks/bench_first_visit.py [--runs 3] [--no-throttle]

The site is served from 127.0.0.1 with gzip, as GitHub Pages serves it, so the throttled run
moves the bytes a visitor would.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.build import build_site  # noqa: E402
from sitegen.runtime import GzipSizes  # noqa: E402
from tests.harness.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.harness.server import _SiteHandler  # noqa: E402

READY = "html[data-engine=ready]"
MB = 1e6
# Chrome DevTools' own "2 Mbit/s" figures: throughput in bytes per second, latency in ms.
LINK = {"offline": False, "latency": 100, "downloadThroughput": 2_000_000 / 8, "uploadThroughput": 1_000_000 / 8}


class GzipHandler(_SiteHandler):
    """The test server, compressing responses for browsers that accept it (as Pages does).
    Each file is compressed once, so the server's work is not part of the figures."""

    compressed: dict[Path, bytes] = {}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        if path not in self.compressed:
            self.compressed[path] = gzip.compress(path.read_bytes(), 6)
        body = self.compressed[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' ten minutes
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(root: Path):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(root), prefix="/"))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


class Bytes:
    """Bytes of the site's files a visit fetched (page and service worker), raw and gzipped."""

    def __init__(self, site: Path, base: str):
        self.site, self.base, self.sizes = site, base, GzipSizes()
        self.raw = {"page": 0, "worker": 0}
        self.gzip = {"page": 0, "worker": 0}
        self.files = 0

    def file(self, url: str) -> Path | None:
        path = unquote(urlsplit(url).path)
        if not url.startswith(self.base):
            return None
        relative = path.removeprefix(urlsplit(self.base).path)
        target = self.site / relative
        if target.is_dir() or relative.endswith("/") or relative == "":
            target = target / "index.html"
        return target if target.is_file() else None

    def finished(self, request) -> None:
        target = self.file(request.url)
        if target is None:
            return
        who = "worker" if request.service_worker else "page"
        data = target.read_bytes()
        self.raw[who] += len(data)
        self.gzip[who] += self.sizes.gzip_size(data)
        self.files += 1

    def line(self, label: str) -> str:
        raw, gz = sum(self.raw.values()), sum(self.gzip.values())
        return (f"{label}: {raw / MB:.2f} MB raw, {gz / MB:.2f} MB gzipped ({self.files} files; "
                f"page {self.raw['page'] / MB:.2f} MB raw, kept for offline by the service worker "
                f"{self.raw['worker'] / MB:.2f} MB raw)")


def browser_profile(playwright, folder: Path):
    """A browser with its own on-disk profile, as a visitor's (an HTTP cache big enough for the wasm)."""
    return playwright.chromium.launch_persistent_context(str(folder), executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def guide_visit(playwright, tmp: Path, site: Path, base: str, route: str) -> str:
    context = browser_profile(playwright, tmp / f"guide-{route.strip('/').replace('/', '-') or 'home'}")
    counted = Bytes(site, base)
    context.on("requestfinished", counted.finished)
    page = context.new_page()
    page.goto(base + route)
    page.wait_for_selector("html[data-offline=ready]", timeout=120_000)
    page.wait_for_timeout(500)  # the last responses are counted
    context.close()
    return counted.line(f"first visit to /{route}, with what the service worker keeps")


def calculator_visit(playwright, folder: Path, site: Path, base: str, throttle: bool = False) -> tuple[float, Bytes]:
    """Seconds from navigation to ready on a first visit, and the bytes the page (and its
    worker) moved until then; the service worker starts keeping files only once it is ready."""
    context = browser_profile(playwright, folder)
    counted = Bytes(site, base)
    context.on("requestfinished", lambda request: request.service_worker or counted.finished(request))
    page = context.new_page()
    if throttle:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", LINK)
    start = time.perf_counter()
    page.goto(base + "calculator/", timeout=600_000)
    page.wait_for_selector(READY, timeout=600_000)
    seconds = time.perf_counter() - start
    said = page_said_ready(page)
    context.close()
    return seconds, said, counted


def page_said_ready(page) -> float:
    """Seconds from navigation to the moment the page itself said ready (its mark
    "calculator-ready"): the driver notices a little later, so it times both."""
    return page.evaluate("performance.getEntriesByName('calculator-ready')[0].startTime") / 1000


def warm_visits(playwright, folder: Path, base: str, count: int) -> tuple[list[float], list[float]]:
    """Later visits in the same profile: files from the service worker, Python from its snapshot."""
    context = browser_profile(playwright, folder)
    page = context.new_page()
    page.goto(base + "calculator/")
    page.wait_for_selector(READY)
    page.wait_for_selector("html[data-offline=ready]", timeout=120_000)
    times, said = [], []
    for _ in range(count):
        start = time.perf_counter()
        page.goto(base + "calculator/")
        page.wait_for_selector(READY)
        times.append(time.perf_counter() - start)
        said.append(page_said_ready(page))
    context.close()
    return times, said


def stdlib_sizes(site: Path) -> str:
    sizes = GzipSizes()
    cut = next(site.glob("python-stdlib-*.zip"))
    full = site / "pyodide" / "python_stdlib.zip"
    parts = []
    for label, path in (("cut", cut), ("full", full)):
        data = path.read_bytes()
        members = len(zipfile.ZipFile(path).namelist())
        parts.append(f"{label} {len(data) / MB:.2f} MB raw, {sizes.gzip_size(data) / MB:.2f} MB gzipped ({members} files)")
    return "standard library: " + "; ".join(parts)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        site = tmp / "site"
        build_site(site)
        stdlib = stdlib_sizes(site)
        load = os.getloadavg()[0]
        httpd, base = serve_gzip(site)
        try:
            with sync_playwright() as playwright:
                lines = [guide_visit(playwright, tmp, site, base, ""),
                         guide_visit(playwright, tmp, site, base, "guide/eligibility/")]
                cold, cold_said, moved = [], [], None
                for run in range(ARGS.runs):
                    seconds, said, counted = calculator_visit(playwright, tmp / f"calc-{run}", site, base)
                    cold.append(seconds)
                    cold_said.append(said)
                    moved = moved or counted
                warm, warm_said = warm_visits(playwright, tmp / "calc-0", base, ARGS.runs)
                slow = None
                if ARGS.throttle:
                    slow, _, _ = calculator_visit(playwright, tmp / "calc-slow", site, base, throttle=True)
        finally:
            httpd.shutdown()

    # Other work on the machine slows every figure: say how busy it was.
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (1 min)")
    for line in lines:
        print(line + "   [target ≤ 1.5 MB raw]")
    print(f"first visit to the calculator, until ready: {sum(moved.raw.values()) / MB:.2f} MB raw, "
          f"{sum(moved.gzip.values()) / MB:.2f} MB gzipped ({moved.files} files)   [target ≤ 4.5 MB gzipped]")
    print(f"calculator ready, cold (first visit, {ARGS.runs} runs): median {statistics.median(cold_said):.2f} s "
          f"as the page says it (min {min(cold_said):.2f}, max {max(cold_said):.2f}); "
          f"{statistics.median(cold):.2f} s as the test driver sees it")
    print(f"calculator ready, warm (later visits, {len(warm)}): median {statistics.median(warm_said):.2f} s "
          f"as the page says it; {statistics.median(warm):.2f} s as the test driver sees it")
    if slow is not None:
        print(f"calculator ready over a 2 Mbit/s link ({LINK['latency']} ms latency), first visit: {slow:.1f} s")
    print(stdlib)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-throttle", dest="throttle", action="store_false")
    ARGS = parser.parse_args()
    main()
