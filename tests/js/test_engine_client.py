"""The page's side of the calculator's worker (static/js/calculator/engine-client.js), under Node
with a stand-in worker and clock: a new total never waits in line behind older questions or
the details."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.harness.node import run_module

ROOT = Path(__file__).resolve().parents[2]

# Each step's effect is printed as one JSON line: what the worker was sent, what the page got.
SCRIPT = """
import { pathToFileURL } from "node:url";
const timers = new Map();
let now = 0, next = 1;
globalThis.setTimeout = (fn, ms) => { timers.set(next, { fn, at: now + ms }); return next++; };
globalThis.clearTimeout = (id) => timers.delete(id);
const advance = (ms) => {
  now += ms;
  for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
    if (timer.at <= now && timers.delete(id)) timer.fn();
  }
};
const sent = [];
const listeners = {};
const worker = {
  postMessage: (message) => sent.push(message),
  addEventListener: (type, fn) => { listeners[type] = fn; },
  terminate() {},
};
globalThis.window = { calculatorBoot: { worker, early: [], claim: () => true, release() {} } };
globalThis.document = { documentElement: { dataset: {} } };
const { EngineClient } = await import(pathToFileURL(process.argv[1]).href);
const shown = [];
const client = new EngineClient({
  onProgress() {}, onReady() {}, onError: (reason) => shown.push(["error", reason]),
  onResult: (answer) => shown.push(["result", answer.value]),
  onDetails: (answer) => shown.push(["details", answer.value]),
});
client.start();
const reply = (type, id, value) => listeners.message({ data: { id, type, payload: { ok: true, value } } });
const step = (name, action) => {
  sent.length = 0; shown.length = 0;
  action();
  console.log(JSON.stringify({ name, sent: sent.map((m) => [m.type, m.id, m.payload?.age ?? null]), shown }));
};
step("ready", () => listeners.message({ data: { type: "ready", payload: {} } }));
step("three keys", () => { client.calculate({ age: 31 }); client.calculate({ age: 32 }); client.calculate({ age: 33 }); });
step("answer to the first", () => reply("result", 1, 1));
step("answer to the last", () => reply("result", 3, 3));
step("a short pause", () => advance(100));
step("a key before the details", () => client.calculate({ age: 34 }));
step("its answer", () => reply("result", 4, 4));
step("a pause", () => advance(300));
step("a key while the details run", () => client.calculate({ age: 35 }));
step("the details arrive", () => reply("details", 4, "d4"));
step("its answer", () => reply("result", 5, 5));
step("a pause", () => advance(300));
step("the details arrive", () => reply("details", 5, "d5"));
"""


@pytest.fixture(scope="module")
def steps():
    module = ROOT / "static" / "js" / "calculator" / "engine-client.js"
    return [json.loads(line) for line in run_module(SCRIPT, module).splitlines()]


def test_a_newer_question_replaces_one_not_yet_sent(steps):
    # One question at the worker at a time; the middle one is never asked.
    assert steps[1]["sent"] == [["score", 1, 31]]
    assert steps[2] == {"name": "answer to the first", "sent": [["score", 3, 33]], "shown": []}
    assert steps[3]["shown"] == [["result", 3]] and steps[3]["sent"] == []


def test_details_are_asked_for_only_after_a_pause(steps):
    assert steps[4]["sent"] == []  # 100 ms: still typing
    assert steps[5]["sent"] == [["score", 4, 34]]  # the pause was cut short: no details for 33
    assert steps[6]["shown"] == [["result", 4]] and steps[6]["sent"] == []
    assert steps[7]["sent"] == [["details", 4, 34]]


def test_a_key_while_details_run_is_asked_next_and_the_old_details_are_not_shown(steps):
    assert steps[8]["sent"] == []  # the worker is busy with the details: the total is next
    assert steps[9] == {"name": "the details arrive", "sent": [["score", 5, 35]], "shown": []}
    assert steps[10]["shown"] == [["result", 5]]
    assert steps[11]["sent"] == [["details", 5, 35]]
    assert steps[12]["shown"] == [["details", "d5"]]
