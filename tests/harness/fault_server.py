"""The test server with a bad network in front of it, as a visitor meets one:

- `cut`: a response cut short whose Content-Length matches the cut body (nothing tells the
  browser it is incomplete), for the files named, each the given number of times;
- `portal`: a captive portal (hotel or café Wi-Fi) answering every request with 200 and its
  login page, except for the paths it lets through;
- `sw_suffix`: bytes added to `sw.js`, so the browser sees a new version of the worker.

`faults.clear()` is the network recovering.
"""
from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from io import BytesIO

from tests.harness.server import SiteServer, _SiteHandler

PORTAL_PAGE = b"<!doctype html><title>Wi-Fi login</title><h1>Sign in to the hotel Wi-Fi</h1>"


class Faults:
    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        with self.lock:
            self.cut: dict[str, int] = {}  # path ending -> responses still to cut
            self.portal = False
            self.portal_lets_through: tuple[str, ...] = ()  # exact paths
            self.sw_suffix = b""
            self.cut_served: list[str] = []

    def take_cut(self, path: str) -> bool:
        with self.lock:
            for end, left in self.cut.items():
                if left > 0 and path.endswith(end):
                    self.cut[end] = left - 1
                    self.cut_served.append(path)
                    return True
            return False


class _FaultHandler(_SiteHandler):
    def __init__(self, *args, faults: Faults, **kwargs):
        self.faults = faults
        super().__init__(*args, **kwargs)

    def _path(self) -> str:
        return self.path.split("?")[0]

    def do_GET(self):
        path = self._path()
        faults = self.faults
        if faults.portal and path not in faults.portal_lets_through:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PORTAL_PAGE)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(PORTAL_PAGE)
            return
        if path.endswith("/sw.js") and faults.sw_suffix:
            body = (self.translate_path_bytes(path)) + faults.sw_suffix
            return self._send(body, "text/javascript")
        if faults.take_cut(path):
            body = self.translate_path_bytes(path)
            return self._send(body[: len(body) // 2], self.guess_type(self.translate_path(self.path)))
        return super().do_GET()

    def translate_path_bytes(self, path: str) -> bytes:
        target = self.translate_path(path)
        if target.endswith("/"):
            target += "index.html"
        with open(target, "rb") as handle:
            return handle.read()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.copyfile(BytesIO(body), self.wfile)


def serve_with_faults(root, prefix: str = "/") -> tuple[SiteServer, Faults]:
    """Serve `root` like tests.harness.server.serve, through the `Faults` it returns."""
    faults = Faults()
    handler = functools.partial(_FaultHandler, directory=str(root), prefix=prefix, faults=faults)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return SiteServer(root=root, prefix=prefix, httpd=httpd), faults
