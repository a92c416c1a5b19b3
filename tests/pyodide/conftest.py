"""What the Pyodide tests share (this file never runs inside Pyodide: the engine's suite runs
there with --confcutdir below it)."""
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def cut_archive(built_site) -> Path:
    """The standard library archive the calculator boots with, from the built site."""
    return next(built_site.glob("python-stdlib-*.zip"))
