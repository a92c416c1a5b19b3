"""The test server behind a slow link: every response's bytes share one budget of bytes per
second, as on a phone's mobile connection, and can be made to stop in the middle.

Throttling in the server (not DevTools' emulation) slows every request alike: the page's, the
service worker's and the Web Worker's.
"""
from __future__ import annotations

import functools
import threading
import time
from http.server import ThreadingHTTPServer

from tests.harness.server import SiteServer, _SiteHandler

CHUNK = 8192


class Link:
    """One link's budget: `rate` bytes per second shared by every response. `stalled` (a
    set of path endings) makes those responses stop after their first chunk, never ending."""

    def __init__(self, rate: int):
        self.rate = rate
        self.lock = threading.Lock()
        self.next_free = time.monotonic()
        self.stalled: set[str] = set()
        self.sent = 0

    def take(self, size: int) -> None:
        """Wait until `size` more bytes may go out."""
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_free)
            self.next_free = start + size / self.rate
            self.sent += size
            self.last_sent = self.next_free
        time.sleep(max(0.0, self.next_free - time.monotonic()))

    def quiet_for(self) -> float:
        """Seconds since the last byte went out (0 before any did)."""
        return max(0.0, time.monotonic() - getattr(self, "last_sent", time.monotonic()))


class _SlowHandler(_SiteHandler):
    # HTTP/1.1 with keep-alive, like a real host: the browser is not limited by new connections.
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, link: Link, **kwargs):
        self.link = link
        super().__init__(*args, **kwargs)

    def copyfile(self, source, outputfile):
        stalled = any(self.path.split("?")[0].endswith(end) for end in self.link.stalled)
        while chunk := source.read(CHUNK):
            self.link.take(len(chunk))
            outputfile.write(chunk)
            outputfile.flush()
            if stalled:
                # Bytes stop arriving and the connection stays open: a link that went quiet.
                while True:
                    time.sleep(3600)


def serve_slowly(root, rate: int, prefix: str = "/") -> tuple[SiteServer, Link]:
    """Serve `root` like tests.harness.server.serve, every byte through one `rate` (bytes/s)."""
    link = Link(rate)
    handler = functools.partial(_SlowHandler, directory=str(root), prefix=prefix, link=link)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return SiteServer(root=root, prefix=prefix, httpd=httpd), link
