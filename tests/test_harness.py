"""The test harness itself: served site, guarded Chromium, Pyodide under Node."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.harness import browser as chromium
from tests.harness.pyodide import PyodideError, run_python
from tests.harness.server import serve


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_home_page_loads_in_chromium_without_foreign_requests(page, site_server):
    response = page.goto(site_server.url)
    assert response.status == 200
    assert page.title().strip()
    assert page.locator("main").count() == 1


def test_home_page_loads_under_a_sub_path(subpath_page, subpath_server):
    response = subpath_page.goto(subpath_server.url)
    assert response.status == 200
    assert subpath_server.url.endswith("/repo-name/")


def test_sub_path_server_hides_everything_outside_the_sub_path(subpath_server):
    assert _status(subpath_server.url) == 200
    assert _status(subpath_server.origin + "/index.html") == 404


def test_guard_blocks_and_reports_a_foreign_request(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><img src="http://foreign.invalid/pixel.png" alt="">'
    )
    server = serve(tmp_path)
    context = browser.new_context()
    guard = chromium.ForeignRequestGuard(server.origin)
    guard.attach(context)
    try:
        context.new_page().goto(server.url, wait_until="load")
    finally:
        context.close()
        server.close()
    assert guard.foreign == ["http://foreign.invalid/pixel.png"]


def test_pyodide_runs_python_314_and_computes_like_cpython():
    code = (
        "import json, sys, tomllib\n"
        "from decimal import Decimal\n"
        "data = tomllib.loads('a = 2026-11-25\\nb = [1, 2, 3]')\n"
        "print(json.dumps({'version': sys.version_info[:2], 'sum': sum(data['b']),"
        " 'date': data['a'].isoformat(), 'money': str(Decimal('15263') * 2)}))\n"
    )
    result = json.loads(run_python(code).strip().splitlines()[-1])
    assert result == {"version": [3, 14], "sum": 6, "date": "2026-11-25", "money": "30526"}


def test_pyodide_sees_the_project_and_reports_failures():
    assert run_python("import pathlib; print(pathlib.Path('pyproject.toml').exists())").strip() == "True"
    with pytest.raises(PyodideError, match="ZeroDivisionError"):
        run_python("1 / 0")
