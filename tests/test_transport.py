"""The aiohttp transport under httpx behaves like httpcore where the fetcher can tell.

Real sockets on 127.0.0.1: a scripted ``PageServer`` and, for what no HTTP server
would send, a raw socket server that writes exactly the bytes a test gives it.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import threading
from collections.abc import Iterator

import aiohttp
import httpx
import pytest

from premiere_watch.fetch import Fetcher, FetchResult, FetchSettings
from premiere_watch.transport import AiohttpTransport, AsyncClient, httpx_error
from servers import LoggedRequest, PageServer, Reply

FAST = FetchSettings(host_delay=0.0, backoff=0.01, timeout=5.0, robots=False)


def fetch(url: str, settings: FetchSettings = FAST) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings) as f:
            return await f.fetch(url)

    return asyncio.run(go())


class RawServer:
    """Each connection reads one request and gets the next scripted reply verbatim (the last repeats)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)  # so the loop sees ``stop`` soon after the test
        self.replies: list[bytes] = []
        self.served = 0  # connections answered
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def serve(self, script: list[bytes]) -> str:
        self.replies[:] = script
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/p"

    def _loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65_536)
                conn.sendall(self.replies.pop(0) if len(self.replies) > 1 else self.replies[0])
                self.served += 1


@pytest.fixture
def raw_server() -> Iterator[RawServer]:
    server = RawServer()
    yield server
    server.stop.set()
    server.thread.join(timeout=5)
    server.listener.close()


def test_fetcher_uses_the_aiohttp_transport_and_a_given_one_as_is() -> None:
    default = Fetcher(FAST)
    assert isinstance(default._client._transport, AiohttpTransport)
    mock = httpx.MockTransport(lambda request: httpx.Response(200, text="mocked"))
    given = Fetcher(FAST, transport=mock)
    assert given._client._transport is mock
    asyncio.run(default.aclose())
    asyncio.run(given.aclose())


def test_malformed_response_is_a_clear_failure_not_an_internal_error(
        raw_server: RawServer) -> None:
    url = raw_server.serve([b"this is not HTTP at all\r\n\r\n"])
    r = fetch(url, FetchSettings(host_delay=0, backoff=0.01, retries=1, robots=False))
    # Without the mapping, aiohttp's own exception escaped as "internal error: ClientResponseError".
    assert (r.status, r.temporary, r.attempts, r.reason) == ("failed", False, 1, "malformed response: Bad status line")


def test_a_dropped_connection_is_one_attempt_not_two(raw_server: RawServer) -> None:
    # aiohttp would quietly send the GET again; the fetcher's retries are the only ones.
    url = raw_server.serve([b""])
    r = fetch(url, FetchSettings(host_delay=0, backoff=0.01, retries=1, robots=False))
    assert (r.status, r.temporary, r.attempts) == ("failed", True, 2) and "disconnected" in r.reason
    assert raw_server.served == 2


def test_body_cut_short_is_retried(raw_server: RawServer) -> None:
    cut = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<p>only this"
    whole = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n<p>all</p>"[:-1]
    url = raw_server.serve([cut, whole])
    r = fetch(url)
    assert r.status == "ok" and r.attempts == 2 and r.content == b"<p>all</p"


def test_long_header_lines_are_read(page_server: PageServer) -> None:
    policy = "default-src 'self'; " + "; ".join(f"img-src https://cdn{i}.example.com" for i in range(600))
    assert 16_000 < len(policy) < 64_000
    page_server.route("/p", Reply(200, "<p>ok</p>", headers={"Content-Security-Policy": policy}))
    r = fetch(page_server.url("/p"))
    assert r.status == "ok" and r.content == b"<p>ok</p>"


def test_gzip_arrives_raw_and_is_inflated_once(page_server: PageServer) -> None:
    body = b"<p>" + b"compressed words " * 500 + b"</p>"
    page_server.route("/z", Reply(200, gzip.compress(body), headers={"Content-Encoding": "gzip"}))
    r = fetch(page_server.url("/z"))
    assert r.status == "ok" and r.content == body


def test_a_changed_cookie_is_sent_once_with_its_new_value(page_server: PageServer) -> None:
    page_server.route("/a", Reply(200, "a", headers={"Set-Cookie": "session=one; Path=/"}))
    page_server.route("/b", Reply(200, "b", headers={"Set-Cookie": "session=two; Path=/"}))
    page_server.route("/c", Reply(200, "c"))

    async def go() -> None:
        async with Fetcher(FAST) as f:
            for path in ("/a", "/b", "/c"):
                await f.fetch(page_server.url(path))

    asyncio.run(go())
    (last,) = page_server.requests("/c")
    assert last.headers["cookie"] == "session=two"


def test_proxy_from_the_environment_is_used(page_server: PageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # An HTTP proxy gets the absolute URL in the request line; the page server answers for it.
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", page_server.base)
    seen: list[LoggedRequest] = []

    def answer(req: LoggedRequest) -> Reply:
        seen.append(req)
        return Reply(200, "<p>via the proxy</p>")

    page_server.route("http://films.invalid/news", Reply(handler=answer))
    r = fetch("http://films.invalid/news")
    assert r.status == "ok" and r.content == b"<p>via the proxy</p>"
    assert seen and seen[0].headers["host"] == "films.invalid"


def test_aiohttp_errors_map_to_the_errors_httpcore_raises() -> None:
    key = aiohttp.client_reqrep.ConnectionKey("h", 80, False, True, None, None, None)
    refused = aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connection refused"))
    cases: list[tuple[BaseException, type[httpx.TransportError]]] = [
        (refused, httpx.ConnectError),
        (aiohttp.ConnectionTimeoutError("connect"), httpx.ConnectTimeout),
        (aiohttp.SocketTimeoutError("read"), httpx.ReadTimeout),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError("cut"), httpx.RemoteProtocolError),
        (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
        (aiohttp.InvalidURL("nope"), httpx.UnsupportedProtocol),
    ]
    for exc, expected in cases:
        assert type(httpx_error(exc)) is expected, exc
    # ...so the fetcher's rules hold: refused and disconnected are retried, read timeouts are not.
    assert isinstance(httpx_error(refused), httpx.NetworkError)
    assert isinstance(httpx_error(aiohttp.ServerDisconnectedError()), httpx.RemoteProtocolError)
    assert not isinstance(httpx_error(aiohttp.SocketTimeoutError("read")), httpx.ConnectTimeout)


def test_client_keeps_httpx_api() -> None:
    async def go() -> int:
        transport = httpx.MockTransport(lambda request: httpx.Response(204))
        async with AsyncClient(transport=transport) as client:
            return (await client.get("http://example.invalid/")).status_code

    assert asyncio.run(go()) == 204


class _Req:
    def __init__(self, tls: bool) -> None:
        self.ssl = True  # no per-request ``ssl=``, as the fetcher sends none
        self._tls = tls

    def is_ssl(self) -> bool:
        return self._tls


def test_ssl_context_is_built_for_the_first_https_connection_and_is_httpx_s() -> None:
    async def go() -> None:
        transport = AiohttpTransport()
        session = transport.get_client()
        try:
            connector = session.connector
            assert connector is not None
            assert connector._get_ssl_context(_Req(tls=False)) is None  # type: ignore[attr-defined]
            assert transport._ssl_context is None  # plain http built nothing
            context = connector._get_ssl_context(_Req(tls=True))  # type: ignore[attr-defined]
            assert context is transport.ssl_context  # httpx's own context, built once
            assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
        finally:
            await session.close()

    asyncio.run(go())


def test_a_given_ssl_context_is_the_one_https_uses() -> None:
    given = ssl.create_default_context()
    transport = AiohttpTransport(verify=given)
    assert transport.ssl_context is given


def test_https_goes_through_tls_with_the_lazily_built_context(raw_server: RawServer) -> None:
    # A plain-TCP server on an https URL: the handshake fails, as a connection error.
    url = raw_server.serve([b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"])
    client = AsyncClient()

    async def go() -> None:
        async with client:
            with pytest.raises(httpx.ConnectError):
                await client.get(url.replace("http://", "https://"))
        assert client._transport._ssl_context is not None  # type: ignore[attr-defined]

    asyncio.run(go())
