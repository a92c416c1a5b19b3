"""Calculator in real headless Chromium: how fast it gets ready, how fast it answers, how
much it downloads. Prints figures; asserts nothing (targets in issue 6).

    .venv/bin/python benchmarks/bench_calculator.py [--runs 5] [--changes 50]

- navigation → `html[data-engine=ready]`, cold (fresh on-disk browser profile) and warm (later
  visits: files from the service worker's cache, Python restored from the memory snapshot the
  first visit saved), with the boot stages the page marks in its timeline;
- input change → updated `#crs-total`, measured inside the page over N changes of the age;
- bytes transferred on a first visit: our own files vs Pyodide's (the service worker's
  precache of the rest of the site counted apart).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.build import build_site  # noqa: E402
from tests.browser.calculator_page import choose  # noqa: E402
from tests.harness.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.harness.server import serve  # noqa: E402

STAGES = ["engine-download", "engine-start", "engine-rules", "engine-ready"]
PROFILE = {"age": "30", "education": "masters", "foreign_work_years": "3"}
SCORES = {"listening": "8", "reading": "7", "writing": "7", "speaking": "7"}

# Runs in the page: change the age N times (each change moves the total) and time each
# change until #crs-total shows the new answer.
CHANGES = """async (count) => {
  const age = document.querySelector('[name="age"]');
  const total = document.getElementById("crs-total");
  const times = [];
  for (let i = 0; i < count; i++) {
    const before = total.textContent;
    const changed = new Promise((resolve) => {
      const seen = new MutationObserver(() => {
        if (total.textContent !== before) { seen.disconnect(); resolve(); }
      });
      seen.observe(total, { childList: true, characterData: true, subtree: true });
    });
    const start = performance.now();
    age.value = String(31 + (i % 14));  // 31..44 after 30: every step changes the age points
    age.dispatchEvent(new Event("input", { bubbles: true }));
    await Promise.race([changed, new Promise((_, fail) => setTimeout(() => fail(new Error(`change ${i}: no new total`)), 5000))]);
    times.push(performance.now() - start);
  }
  return times;
}"""
MARKS = "() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))"


def stages(page) -> dict:
    marks = page.evaluate(MARKS)
    return {name: marks.get(name) for name in STAGES}


def fill(page) -> None:
    page.fill('[name="age"]', PROFILE["age"])
    choose(page, "education", PROFILE["education"])
    page.fill('[name="foreign_work_years"]', PROFILE["foreign_work_years"])
    choose(page, "first_language.test", "ielts_general")
    for ability, value in SCORES.items():
        page.fill(f'[name="first_language.{ability}"]', value)
    page.wait_for_selector('#result[data-state="ready"]:not([aria-busy])')


def kind(url: str) -> str:
    return "pyodide" if "/pyodide/" in url else "own"


def profile(playwright, folder: Path):
    """A browser with its own on-disk profile, as a visitor's: an incognito context keeps its
    HTTP cache in memory, too small for the 9.6 MB wasm, and has no compiled-code cache."""
    return playwright.chromium.launch_persistent_context(
        str(folder), executable_path=CHROMIUM, args=CHROMIUM_ARGS, bypass_csp=True,  # for page.evaluate
    )


def first_visit(context, server) -> tuple[dict, dict, dict]:
    """The first visit in a fresh profile: ready time and stages, and the bytes downloaded."""
    page_bytes = {"own": 0, "pyodide": 0}
    precache_bytes = {"own": 0, "pyodide": 0}

    def finished(request):
        size = request.sizes()["responseBodySize"]
        target = precache_bytes if request.service_worker else page_bytes
        target[kind(request.url)] += max(size, 0)

    context.on("requestfinished", finished)
    page = context.new_page()
    page.goto(server.url + "calculator/")
    page.wait_for_selector("html[data-engine=ready]")
    timing = stages(page)
    page.wait_for_selector("html[data-offline=ready]")
    page.wait_for_timeout(500)  # let the last precache responses be counted
    context.remove_listener("requestfinished", finished)
    page.close()
    return timing, page_bytes, precache_bytes


def warm_visit(context, server) -> dict:
    """A later visit: every file from the service worker's cache."""
    page = context.new_page()
    page.goto(server.url + "calculator/")
    page.wait_for_selector("html[data-engine=ready]")
    timing = stages(page)
    page.close()
    return timing


def change_latencies(context, server) -> list[float]:
    page = context.new_page()
    page.goto(server.url + "calculator/")
    page.wait_for_selector("html[data-engine=ready]")
    fill(page)
    return page.evaluate(CHANGES, ARGS.changes)


def summary(timings: list[dict]) -> str:
    parts = []
    for name in STAGES:
        values = [t[name] for t in timings if t[name] is not None]
        if values:
            parts.append(f"{name.removeprefix('engine-')} {statistics.median(values):.0f}")
    return " → ".join(parts) + " ms (median since navigation start)"


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        own_on_disk = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "pyodide" not in p.parts)
        server = serve(site, "/")
        cold = []
        warm = [[] for _ in range(ARGS.warm_visits)]  # by visit: compiled code is cached over visits
        try:
            with sync_playwright() as playwright:
                for run in range(ARGS.runs):
                    context = profile(playwright, Path(tmp) / f"profile-{run}")
                    timing, page_bytes, precache_bytes = first_visit(context, server)
                    cold.append(timing)
                    for visit in warm:
                        visit.append(warm_visit(context, server))
                    if run == ARGS.runs - 1:
                        latencies = change_latencies(context, server)
                    context.close()
        finally:
            server.close()

    # Other work on the machine slows every figure: say how busy it was.
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (1 min)")
    print(f"navigation → ready, cold cache  ({ARGS.runs} runs): median {statistics.median(t['engine-ready'] for t in cold):.0f} ms")
    print(f"    stages: {summary(cold)}")
    for number, timings in enumerate(warm, start=2):
        print(f"navigation → ready, warm (service worker), visit {number} ({ARGS.runs} runs): "
              f"median {statistics.median(t['engine-ready'] for t in timings):.0f} ms")
        print(f"    stages: {summary(timings)}")
    ordered = sorted(latencies)
    print(f"input change → updated total ({len(latencies)} changes): median {statistics.median(latencies):.1f} ms, "
          f"p90 {ordered[int(len(ordered) * 0.9) - 1]:.1f} ms, max {ordered[-1]:.1f} ms")
    print(f"first visit, page and worker: own files {kb(page_bytes['own'])}, Pyodide {kb(page_bytes['pyodide'])}")
    print(f"first visit, service-worker precache: own files {kb(precache_bytes['own'])}, "
          f"Pyodide {kb(precache_bytes['pyodide'])} (a file still in the HTTP cache is revalidated: a 304 has no body)")
    print(f"whole site's own files on disk (guide, data, calculator; no Pyodide): {kb(own_on_disk)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--warm-visits", type=int, default=3)
    ARGS = parser.parse_args()
    main()
