"""Python's memory snapshot (static/js/calculator/snapshot.js), with the pinned Pyodide under Node:
a snapshot of a Python whose memory grew past the 30 MiB its wasm starts with is restored.

Pyodide 314 alone fails there (pyodide issue 6254), and the calculator then deleted its snapshot
and took a new one at every visit: no later visit was fast. The first test shows that failure
(so the second can fail), the second that snapshot.js's start restores it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.harness.node import run_module

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="these tests start Pyodide")

ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024
# Takes a snapshot after Python's memory grew (a 16 MiB object, kept), then restores it, with
# Pyodide's own module or with snapshot.js's, and reads the object back.
RESTORE = """
import { pathToFileURL } from "node:url";
const [pyodideDir, snapshotModule, how] = process.argv.slice(1);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const createModule = (await import(pathToFileURL(pyodideDir + "/pyodide.asm.mjs").href)).default;
const { withRoomFor } = await import(pathToFileURL(snapshotModule).href);
const first = await loadPyodide({ _makeSnapshot: true });
first.runPython("kept = bytearray(16 * 1024 * 1024); kept[-1] = 7");
const image = first.makeMemorySnapshot();
const createPyodideModule = how === "grown" ? withRoomFor(image.byteLength, createModule) : createModule;
let answer;
try {
  const again = await loadPyodide({ _loadSnapshot: image, createPyodideModule });
  answer = again.runPython("f'{len(kept)} {kept[-1]}'");
} catch (error) {
  answer = "failed: " + String(error?.message ?? error);
}
console.log(JSON.stringify({ snapshot: image.byteLength, answer }));
"""


def restore(how: str) -> dict:
    output = run_module(RESTORE, ROOT / "node_modules" / "pyodide", ROOT / "static" / "js" / "calculator" / "snapshot.js",
                        how, timeout=300, cwd=ROOT)
    return json.loads(output.strip().splitlines()[-1])


def test_pyodide_alone_cannot_restore_a_snapshot_over_30_mib():
    result = restore("as is")
    assert result["snapshot"] > 32 * MIB
    assert result["answer"].startswith("failed:")


def test_the_calculators_start_restores_a_snapshot_over_30_mib():
    result = restore("grown")
    assert result["snapshot"] > 32 * MIB
    assert result["answer"] == f"{16 * MIB} 7"
