"""Real notification receivers on 127.0.0.1 for delivery tests (no internet).

* ``json_receiver`` — an HTTP server behind Apprise's ``json://127.0.0.1:PORT/``;
  ``script(500, 200)`` makes it answer 500 once, then 200 (the default).
* ``smtp_server`` — an aiosmtpd server behind
  ``mailto://127.0.0.1:PORT?from=…&to=…``.  For ``mailto://`` Apprise's email
  plugin defaults to ``mode=insecure`` (plain SMTP, no STARTTLS) and logs in
  only when a user *and* password are given, which is what a local test
  server wants; ``smtp=`` is not needed because the host is the server.

Import the fixtures into a test module (or tests/conftest.py) with
``from receivers import json_receiver, smtp_server  # noqa: F401`` (pytest's
default import mode puts tests/ on sys.path, as for ``servers.py``).
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import threading
from collections import deque
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class JsonReceiver:
    """Collects the JSON documents Apprise posts; answers with scripted codes."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []  # only requests answered 2xx
        self.requests: list[dict[str, Any]] = []  # every request, whatever the answer
        self.auth: list[tuple[str, str]] = []  # (user, password) of each request with Basic auth
        self._codes: deque[int] = deque()
        self._lock = threading.Lock()
        # Called with each document before it is answered: a test's fault at the moment of a send.
        self.on_receive: Callable[[dict[str, Any]], None] | None = None
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    doc = json.loads(raw or b"{}")
                except ValueError:
                    doc = {"raw": raw.decode("utf-8", "replace")}
                if receiver.on_receive is not None:
                    receiver.on_receive(doc)
                scheme, _, credentials = (self.headers.get("Authorization") or "").partition(" ")
                with receiver._lock:
                    if scheme.lower() == "basic":
                        user, _, password = base64.b64decode(credentials).decode().partition(":")
                        receiver.auth.append((user, password))
                    code = receiver._codes.popleft() if receiver._codes else 200
                    receiver.requests.append(doc)
                    if 200 <= code < 300:
                        receiver.received.append(doc)
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"json://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def script(self, *codes: int) -> None:
        """Answer the next requests with these status codes, then 200."""
        with self._lock:
            self._codes.extend(codes)

    def start(self) -> JsonReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _Handler:
    def __init__(self, sink: list[EmailMessage]) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.content
        raw = content if isinstance(content, bytes) else content.encode("utf-8")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        self.sink.append(msg)
        return "250 OK"


class _EphemeralController(Controller):
    """aiosmtpd pokes ``self.port`` to check the server is up; learn it first."""

    def _trigger_server(self) -> None:
        server: Any = self.server
        self.port = server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


class SmtpServer:
    """A plain SMTP server collecting parsed messages."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._controller = _EphemeralController(_Handler(self.messages), hostname="127.0.0.1", port=0)

    def start(self) -> SmtpServer:
        self._controller.start()
        self.port = int(self._controller.port)
        self.url = f"mailto://127.0.0.1:{self.port}?from=alerts@example.com&to=fan@example.com"
        return self

    def stop(self) -> None:
        self._controller.stop()

    @staticmethod
    def html_part(msg: EmailMessage) -> str:
        part = msg.get_body(preferencelist=("html",))
        assert part is not None, "no text/html part"
        return str(part.get_content())

    @staticmethod
    def text_part(msg: EmailMessage) -> str:
        part = msg.get_body(preferencelist=("plain",))
        assert part is not None, "no text/plain part"
        return str(part.get_content())


@pytest.fixture
def json_receiver() -> Iterator[JsonReceiver]:
    receiver = JsonReceiver().start()
    try:
        yield receiver
    finally:
        receiver.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()
