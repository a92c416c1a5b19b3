"""The calculator's <head>: its boot script starts Python without waiting for the stylesheets."""
from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("page", ["calculator/index.html", "fr/calculateur/index.html"])
def test_boot_script_comes_before_every_stylesheet(built_site, page):
    # A classic script waits for the stylesheets above it to load before it runs.
    head = (built_site / page).read_text(encoding="utf-8").split("</head>")[0]
    scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", head)
    assert any(src.endswith("js/calculator/boot.js") for src in scripts)
    before_boot = head[:head.index("js/calculator/boot.js")]
    assert 'rel="stylesheet"' not in before_boot
    assert head.count('rel="stylesheet"') >= 4  # the site's, the print one and the calculator's
