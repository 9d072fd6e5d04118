"""A hostile HTTP server on 127.0.0.1: raw bytes on the wire, whatever HTTP allows or not.

``servers.PageServer`` speaks correct HTTP through ``http.server``; the faults
of issue 14 need what it cannot send: 5,000 header lines, a 70 KB Location,
two Content-Encoding lines, a status line of garbage, a body that stops
half-way.  Each route is a function of the request path returning the raw
response bytes, or a list of byte strings sent with a pause between them.

    with HostileServer() as hostile:
        hostile.route("/headers", raw_response(200, [("X-A", "b")] * 5000, b"<p>x</p>"))
        ...fetch hostile.url("/headers")...
        assert hostile.count("/headers") == 1
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence

import pytest

__all__ = ["HostileServer", "hostile_server", "raw_response"]

Script = bytes | Sequence[bytes] | Callable[[str], bytes | Sequence[bytes]]


def raw_response(status: int | str, headers: Iterable[tuple[str, str]] = (), body: bytes = b"",
                 *, length: bool = True) -> bytes:
    """Response bytes; ``status`` may be a whole status line of garbage (a str)."""
    line = status if isinstance(status, str) else f"HTTP/1.1 {status} X"
    fields = list(headers)
    if length and not any(name.lower() in ("content-length", "transfer-encoding") for name, _ in fields):
        fields.append(("Content-Length", str(len(body))))
    head = "".join(f"{name}: {value}\r\n" for name, value in fields)
    return f"{line}\r\n{head}Connection: close\r\n\r\n".encode("latin-1", "surrogateescape") + body


class HostileServer:
    """One thread per connection; every response closes its connection."""

    def __init__(self, pause: float = 0.05) -> None:
        self.pause = pause  # between the pieces of a list-valued reply
        self.paths: list[str] = []
        self._routes: dict[str, Script] = {}
        self._lock = threading.Lock()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, script: Script) -> None:
        with self._lock:
            self._routes[path] = script

    def count(self, path: str) -> int:
        with self._lock:
            return sum(p.split("?")[0] == path for p in self.paths)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            request = b""
            try:
                while b"\r\n\r\n" not in request and len(request) < 65_536:
                    data = conn.recv(4096)
                    if not data:
                        return
                    request += data
                path = request.split(b" ", 2)[1].decode("latin-1")
                with self._lock:
                    self.paths.append(path)
                    script = self._routes.get(path.split("?")[0])
                if script is None:
                    script = raw_response(404, [("Content-Type", "text/plain")], b"not found")
                reply = script(path) if callable(script) else script
                for i, piece in enumerate([reply] if isinstance(reply, bytes) else reply):
                    if i:
                        time.sleep(self.pause)
                    conn.sendall(piece)
                conn.shutdown(socket.SHUT_WR)
                # Let the client read everything before the close (no RST on unread data).
                conn.settimeout(2)
                while conn.recv(65_536):
                    pass
            except (OSError, IndexError):
                return


@pytest.fixture
def hostile_server() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server
