"""Debian's Chromium driven by Playwright, with a guard against requests to other origins."""
from __future__ import annotations

from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class ForeignRequestGuard:
    """Aborts and records every request that leaves the allowed origin.

    Local schemes (data:, blob:, about:) stay inside the browser and are allowed.
    """

    LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome-extension:")

    def __init__(self, allowed_origin: str):
        self.allowed_origin = allowed_origin
        self.foreign: list[str] = []

    def is_foreign(self, url: str) -> bool:
        return not url.startswith(self.LOCAL_SCHEMES) and _origin(url) != self.allowed_origin

    def attach(self, context) -> None:
        context.route("**/*", self._route)
        # The route misses requests a service worker makes itself; the event still sees them.
        context.on("request", self._seen)

    def _seen(self, request) -> None:
        if self.is_foreign(request.url) and request.url not in self.foreign:
            self.foreign.append(request.url)

    def _route(self, route) -> None:
        url = route.request.url
        if self.is_foreign(url):
            self._seen(route.request)
            route.abort("blockedbyclient")
        else:
            route.fallback()
