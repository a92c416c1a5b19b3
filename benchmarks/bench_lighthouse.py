"""Lighthouse's performance score (mobile, its default throttling) for the home page, a guide page
and the calculator, with the site served with gzip as GitHub Pages serves it. Prints figures;
asserts nothing. Target (issue 21): at least 0.9 on each.

Lighthouse is not one of the project's packages (two hundred npm packages): install it apart,
e.g. `npm install --prefix /tmp/lh lighthouse`, and give its command:

    LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse .venv/bin/python benchmarks/bench_lighthouse.py

It drives Debian's Chromium (CHROME_PATH=/usr/bin/chromium).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_first_visit import serve_gzip  # noqa: E402
from sitegen.build import build_site  # noqa: E402
from tests.harness.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ROUTES = ("", "guide/eligibility/", "calculator/")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")


def main() -> None:
    lighthouse = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not lighthouse:
        sys.exit("lighthouse not found: set LIGHTHOUSE to its command (see this script's docstring)")
    flags = " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless") + " --headless=new"
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_site(site)
        httpd, base = serve_gzip(site)
        try:
            print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (1 min)")
            for route in ROUTES:
                report = Path(folder) / "report.json"
                subprocess.run([lighthouse, base + route, "--only-categories=performance", "--form-factor=mobile",
                                "--output=json", f"--output-path={report}", "--quiet", f"--chrome-flags={flags}"],
                               check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
                result = json.loads(report.read_text(encoding="utf-8"))
                audits = result["audits"]
                figures = ", ".join(f"{name} {audits[name]['displayValue']}" for name in METRICS if name in audits)
                print(f"/{route}: performance {result['categories']['performance']['score']:.2f}   [target ≥ 0.9]; {figures}")
        finally:
            httpd.shutdown()


if __name__ == "__main__":
    main()
