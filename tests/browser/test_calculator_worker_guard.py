"""The calculator's worker protects itself (issue 14 item 8): a page's <meta> policy does not
reach a dedicated worker and a static host sends no policy header, so the worker refuses, from
its own scope, code made from strings and any request to another origin. A probe worker that
imports the guard as the calculator's worker does tries each way out."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import "./worker-guard.js";
const tries = {
  eval: () => eval("1"),
  indirect_eval: () => (0, self.eval)("1"),
  function_constructor: () => Function("return 1")(),
  new_function: () => new Function("return 1")(),
  constructor_of_a_function: () => (() => {}).constructor("return 1")(),
  constructor_of_an_async_function: () => (async () => {}).constructor("return 1")(),
  constructor_of_a_generator: () => function* () {}.constructor("yield 1")().next(),
  string_timer: () => setTimeout("1", 0),
  web_socket: () => new WebSocket("ws://example.com/"),
  event_source: () => new EventSource("https://example.com/"),
  request_elsewhere: () => { const r = new XMLHttpRequest(); r.open("GET", "https://example.com/"); },
};
const results = {};
for (const [name, attempt] of Object.entries(tries)) {
  try { attempt(); results[name] = "allowed"; } catch { results[name] = "refused"; }
}
results.fetch_elsewhere = await fetch("https://example.com/").then(() => "allowed", () => "refused");
results.fetch_data_url = await fetch("data:text/plain,x").then(() => "allowed", () => "refused");
results.fetch_here = await fetch("../../../sw.js").then((r) => (r.ok ? "allowed" : "refused"), () => "refused");
const blob = URL.createObjectURL(new Blob(["x"]));
results.fetch_own_blob = await fetch(blob).then((r) => (r.ok ? "allowed" : "refused"), () => "refused");
results.request_here = (() => { const r = new XMLHttpRequest(); r.open("GET", "../../../sw.js"); return "allowed"; })();
results.functions_still_work = (() => 1) instanceof Function && typeof Function.prototype.call === "function";
results.timers_still_work = await new Promise((resolve) => setTimeout(() => resolve(true), 0));
postMessage(results);
"""
REFUSED = ["eval", "indirect_eval", "function_constructor", "new_function", "constructor_of_a_function",
           "constructor_of_an_async_function", "constructor_of_a_generator", "string_timer", "web_socket",
           "event_source", "request_elsewhere", "fetch_elsewhere", "fetch_data_url"]


def test_the_worker_guard_refuses_code_from_strings_and_other_origins(fresh_page, site_server):
    page = fresh_page  # a first visit: a service worker of an earlier one would serve the probe's URL
    page.route("**/static/js/calculator/guard-probe.js",
               lambda route: route.fulfill(status=200, content_type="text/javascript", body=PROBE))
    page.goto(site_server.url + "calculator/")
    results = page.evaluate("""() => new Promise((resolve, reject) => {
        const probe = new Worker("/static/js/calculator/guard-probe.js", { type: "module" });
        probe.onmessage = (event) => resolve(event.data);
        probe.onerror = (event) => reject(new Error(event.message));
    })""")
    assert {name: results[name] for name in REFUSED} == dict.fromkeys(REFUSED, "refused")
    assert results["fetch_here"] == results["fetch_own_blob"] == results["request_here"] == "allowed"
    assert results["functions_still_work"] is True and results["timers_still_work"] is True
    # (the guarded context fails the test if any request left for example.com)


def test_the_calculators_worker_runs_the_guard_before_anything_else():
    worker = (ROOT / "static/js/calculator/worker.js").read_text(encoding="utf-8")
    imports = re.findall(r'^import .*?"(\./[^"]+)";', worker, flags=re.M)
    assert imports[0] == "./worker-guard.js", imports
    # and Python's `js` module reaches nothing of the worker
    assert "jsglobals: {}" in worker


def test_the_service_worker_serves_the_worker_script_with_a_policy_header(guarded_context, site_server):
    # issue 22: the guard's promise made true. On a first visit the worker's script comes from the
    # host, without a policy; once the service worker serves it, with the policy as a header,
    # which the browser enforces in the worker. (Playwright cannot probe inside the worker: its
    # evaluate is code from a string, which the guard refuses.)
    from sitegen.templating import WORKER_CSP
    from tests.browser.calculator_page import READY, fill_profile, open_calculator, shown_score

    page = guarded_context(site_server).new_page()
    scripts = []
    page.on("response", lambda r: "/calculator/worker.js" in r.url and scripts.append(r))
    open_calculator(page, site_server)
    page.wait_for_selector("html[data-offline=ready]")
    assert "content-security-policy" not in scripts[-1].all_headers()
    page.reload()
    page.wait_for_selector(READY)
    assert scripts[-1].from_service_worker
    assert scripts[-1].all_headers()["content-security-policy"] == WORKER_CSP
    fill_profile(page, {"age": 31, "education": "masters", "first_language": None})
    assert shown_score(page)["total"] > 0  # and the calculator works under it
