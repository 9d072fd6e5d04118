"""A scripted web site on respx: httpx mocked at its transport seam, no socket.

For the unit tests of source kinds (feeds, APIs), where what matters is what
is asked and what comes back.  Timing, politeness and sockets are tested
against the real local servers of servers.py.

Routes work like :class:`servers.PageServer`'s: ``route(path, *replies)``
serves the replies in order and repeats the last; a request for a path with
no route is a test failure (respx's ``assert_all_mocked``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import respx

from servers import Reply


class MockSite:
    def __init__(self, base: str = "http://news.test") -> None:
        self.base = base.rstrip("/")
        self.router = respx.Router(base_url=self.base, assert_all_called=False)
        self._scripts: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}

    @property
    def transport(self) -> httpx.MockTransport:
        """Give this to ``Fetcher(transport=...)``."""
        return httpx.MockTransport(self.router.async_handler)

    def url(self, path: str = "/") -> str:
        return self.base + path

    def route(self, path: str, *replies: Reply | str | bytes) -> None:
        """Serve ``replies`` in order at ``path`` (query string ignored); the last repeats."""
        if path not in self._scripts:
            self.router.get(path=path, name=path).mock(side_effect=lambda request, p=path: self._serve(p))
        self._scripts[path] = [r if isinstance(r, Reply) else Reply(body=r) for r in replies] or [Reply()]
        self._served[path] = 0

    def _serve(self, path: str) -> httpx.Response:
        script = self._scripts[path]
        reply = script[min(self._served[path], len(script) - 1)]
        self._served[path] += 1
        headers = dict(reply.headers)
        if reply.content_type is not None and "content-type" not in {k.lower() for k in headers}:
            headers["Content-Type"] = reply.content_type
        bodiless = reply.status in (204, 304)
        return httpx.Response(reply.status, headers=headers, content=b"" if bodiless else reply.payload())

    def requests(self, path: str | None = None) -> list[httpx.Request]:
        """Requests made so far, optionally only those for ``path``."""
        return [call.request for call in self.router.calls
                if path is None or urlsplit(str(call.request.url)).path == path]

    def count(self, path: str | None = None) -> int:
        return len(self.requests(path))


class MockApi:
    """A scripted JSON API on a respx router; subclasses add its routes, then :meth:`not_found`."""

    def __init__(self, base: str) -> None:
        self.router = respx.Router(base_url=base, assert_all_called=False)

    def not_found(self, body: object) -> None:
        """Every path without a route answers 404 with ``body`` (call after the routes)."""
        self.router.route().respond(404, json=body)

    @property
    def transport(self) -> httpx.MockTransport:
        """Give this to ``Fetcher(transport=...)``."""
        return httpx.MockTransport(self.router.async_handler)

    @property
    def log(self) -> list[httpx.Request]:
        return [call.request for call in self.router.calls]
