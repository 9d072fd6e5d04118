"""A real local HTTP server for tests: scripted replies, a request log, fault injection.

Threaded (stdlib ``http.server``), so it serves sync and async tests alike and
the client under test talks real TCP on 127.0.0.1 — timeouts, cut-off bodies
and connection reuse behave as they do in production, unlike a mock.

    def test_retry(page_server):
        page_server.route("/p", Reply(503), Reply(503), Reply(200, "<p>hi</p>"))
        ...fetch page_server.url("/p")...
        assert page_server.count("/p") == 3

Replies for a path are served in order; the last one repeats. Unknown paths
get 404 (so robots.txt is "allow all" unless you route it). ``Reply`` knows
delays (before headers, between chunks), chunked bodies, generated big bodies
(``size=``), and a ``handler`` callable for anything scripted replies can't
express. Every request is logged with path, headers, start/end times
(``time.monotonic``, comparable with the test's clock) and bytes sent.

To use the fixture in any test module, ``tests/conftest.py`` does
``from servers import page_server, page_server_factory  # noqa: F401``
(a test module may instead say ``pytest_plugins = ["servers"]``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

__all__ = ["LoggedRequest", "PageServer", "Reply", "page_server", "page_server_factory"]


@dataclass(frozen=True)
class Reply:
    """One scripted response."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"  # None: send no Content-Type
    delay: float = 0.0  # seconds before the status line (slow server / timeouts)
    chunked: bool = False  # Transfer-Encoding: chunked instead of Content-Length
    size: int | None = None  # generate a body of this many bytes (implies chunked)
    chunk_size: int = 65_536
    chunk_delay: float = 0.0  # seconds between chunks (trickling body)
    handler: Callable[[LoggedRequest], Reply] | None = None  # decide per request

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass
class LoggedRequest:
    """One request as the server saw it. ``end`` / ``bytes_sent`` fill in when done."""

    method: str
    path: str  # with the query string
    headers: dict[str, str]  # header names lower-case
    start: float  # time.monotonic() when the request line was read
    port: int  # client port: same port = same (reused) connection
    end: float | None = None
    bytes_sent: int = 0  # body bytes written before the client went away (or all)
    status: int | None = None
    disconnected: bool = False  # the client hung up mid-response


class PageServer:
    """A threaded HTTP/1.1 server on an ephemeral 127.0.0.1 port."""

    def __init__(self) -> None:
        self._routes: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self.log: list[LoggedRequest] = []
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})

    # --- setup ----------------------------------------------------------------

    def start(self) -> PageServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> PageServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def route(self, path: str, *replies: Reply | str | bytes) -> None:
        """Serve ``replies`` in order at ``path`` (query string ignored); the last repeats."""
        script = [r if isinstance(r, Reply) else Reply(body=r) for r in replies] or [Reply()]
        with self._lock:
            self._routes[path] = script
            self._served[path] = 0

    def robots(self, text: str) -> None:
        self.route("/robots.txt", Reply(body=text, content_type="text/plain"))

    # --- inspection -----------------------------------------------------------

    def requests(self, path: str | None = None) -> list[LoggedRequest]:
        """Logged requests, optionally only those for ``path`` (query ignored)."""
        with self._lock:
            return [r for r in self.log if path is None or r.path.split("?")[0] == path]

    def count(self, path: str | None = None) -> int:
        return len(self.requests(path))

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Block until every logged request has finished (end is set)."""
        deadline = time.monotonic() + timeout
        while any(r.end is None for r in self.requests()) and time.monotonic() < deadline:
            time.sleep(0.01)

    # --- serving (called from handler threads) --------------------------------

    def _next_reply(self, path: str) -> Reply:
        with self._lock:
            script = self._routes.get(path)
            if script is None:
                return Reply(404, "not found", content_type="text/plain")
            index = min(self._served[path], len(script) - 1)
            self._served[path] += 1
            return script[index]

    def _record(self, req: LoggedRequest) -> None:
        with self._lock:
            self.log.append(req)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still sleeping must not stall teardown
    owner: PageServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client closing a kept-alive connection (or hanging up on a big
        # body) is normal for the code under test, not a server failure.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked, like real servers
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # the request log is self.server.owner.log; keep pytest output clean

    def do_GET(self) -> None:
        owner = self.server.owner
        req = LoggedRequest("GET", self.path, {k.lower(): v for k, v in self.headers.items()},
                            time.monotonic(), self.client_address[1])
        owner._record(req)
        reply = owner._next_reply(self.path.split("?")[0])
        if reply.handler is not None:
            reply = reply.handler(req)
        req.status = reply.status
        try:
            self._send(reply, req)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            req.disconnected = True
            self.close_connection = True
        finally:
            req.end = time.monotonic()

    def _send(self, reply: Reply, req: LoggedRequest) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        body = reply.payload()
        chunked = reply.chunked or reply.size is not None
        self.send_response(reply.status)
        if reply.content_type is not None and "content-type" not in {k.lower() for k in reply.headers}:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        bodiless = reply.status == 304 or 100 <= reply.status < 200 or reply.status == 204
        if bodiless:
            self.end_headers()
            return
        if not chunked:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            req.bytes_sent = len(body)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        # A small send buffer keeps "bytes_sent" close to what the client really
        # took, so a test can prove a big body was not read to the end.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65_536)
        remaining = reply.size if reply.size is not None else len(body)
        source = body
        while remaining > 0:
            if reply.size is not None:
                piece = b"x" * min(reply.chunk_size, remaining)
            else:
                piece, source = source[: reply.chunk_size], source[reply.chunk_size:]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
            req.bytes_sent += len(piece)
            remaining -= len(piece)
            if reply.chunk_delay:
                time.sleep(reply.chunk_delay)
        self.wfile.write(b"0\r\n\r\n")


@pytest.fixture
def page_server() -> Iterator[PageServer]:
    """A started :class:`PageServer`, stopped after the test."""
    with PageServer() as server:
        yield server


@pytest.fixture
def page_server_factory() -> Iterator[Callable[[], PageServer]]:
    """Start more servers (each is its own host:port, e.g. for cross-host tests)."""
    servers: list[PageServer] = []

    def make() -> PageServer:
        server = PageServer().start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
