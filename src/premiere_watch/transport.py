"""httpx's client over aiohttp's connection pool: httpx's API, aiohttp's speed.

The fetcher and everything that tests it speak httpx (``httpx.AsyncClient``,
``httpx.Response``, its exceptions, ``httpx.MockTransport``/``respx.MockTransport``
passed as ``transport=``).  Only the default transport changes: httpx-aiohttp's
``AiohttpTransport`` instead of httpcore.  Measured on a warm pass of 1,000
conditional GETs (every one a 304, ``benchmarks/README.md``), the whole pass took
~3.0 s CPU over httpcore, 2.5 s once ``sniffio`` was installed (httpcore imports it
on every request, and the failing import walked ``sys.path`` each time), and
~1.0 s over aiohttp; raw aiohttp is the floor both approach.

What this module adds to httpx-aiohttp:

* aiohttp's errors become the httpx errors httpcore raises for the same failure,
  so fetch.py's retry rules read the same whatever the transport.  The library
  reports a refused connection or a dropped keep-alive as ``ConnectTimeout``, and
  lets a malformed response escape as aiohttp's own exception.
* One retry policy, the fetcher's: aiohttp's own silent retry of a dropped GET
  is off, so each attempt passes the host gate and is counted.
* One cookie jar, httpx's: aiohttp's session gets a ``DummyCookieJar``, or a cookie
  the server changed would be sent twice with two values.
* Header lines up to 64 KiB, as httpcore's h11 allows (aiohttp's default is 8 KiB,
  less than some sites' Content-Security-Policy).
* Bodies arrive as sent (the library turns aiohttp's ``auto_decompress`` off):
  content_coding.py inflates them from ``aiter_raw`` with a bound on the output.
* Proxies from the environment keep working: httpx mounts them as it would its
  own transports (:class:`AsyncClient`), each an aiohttp transport with the proxy.
* httpx's SSL context (certifi's CA file, ~25 ms a start) is built on the first
  https connection, not with the client: a watchlist of plain-http URLs never
  pays for it.  It is the same context, from the same ``verify``/``cert``/``trust_env``.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Callable
from types import TracebackType
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport as _LibraryTransport

__all__ = ["AiohttpTransport", "AsyncClient"]

MAX_HEADER_LINE = 65_536
_DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

# Most specific first: the first class ``exc`` is an instance of decides.
_ERRORS: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),  # connecting, or waiting for a pool slot
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),  # SocketTimeoutError: a read took too long
    (aiohttp.ClientProxyConnectionError, httpx.ProxyError),
    (aiohttp.ClientHttpProxyError, httpx.ProxyError),
    (aiohttp.ClientConnectorError, httpx.ConnectError),  # refused, DNS, TLS handshake
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),  # a keep-alive the server had closed
    (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),  # the body was cut short
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),  # a malformed status line or header
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.NonHttpUrlClientError, httpx.UnsupportedProtocol),
    (aiohttp.ClientOSError, httpx.ReadError),  # reset while reading
    (aiohttp.ClientConnectionError, httpx.ReadError),
    (aiohttp.ClientError, httpx.TransportError),
)


# A connection closed early is said in httpcore's words, which fetch.py tells from non-HTTP.
_DROPPED = {aiohttp.ServerDisconnectedError: "Server disconnected without sending a response.",
            aiohttp.ClientPayloadError: "peer closed connection without sending complete message body"}


def _message(exc: BaseException) -> str:
    for kind, text in _DROPPED.items():
        if isinstance(exc, kind):
            return text
    if isinstance(exc, aiohttp.ClientResponseError) and not isinstance(exc, aiohttp.ClientHttpProxyError):
        # The parser's complaint, without the URL or the offending bytes it quotes.
        first = str(exc.message).strip().splitlines()[0] if str(exc.message).strip() else ""
        return first.split(": b'")[0].split(': b"')[0].rstrip(":") or "malformed response"
    return str(exc).strip() or type(exc).__name__


def httpx_error(exc: BaseException) -> httpx.TransportError:
    """The httpx error httpcore would raise for the failure aiohttp reports as ``exc``."""
    kind = next((to for frm, to in _ERRORS if isinstance(exc, frm)), httpx.TransportError)
    return kind(_message(exc))


class _httpx_errors:  # lower case: used like the function it was, ``with _httpx_errors():``
    """aiohttp's errors, mapped or left unmapped by the library, as the httpx errors httpcore raises.

    A class rather than a ``@contextmanager`` generator: it wraps every request and every
    close of a response, and a generator-based context manager costs several times as much.
    """

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if isinstance(exc, httpx.TransportError):
            cause = exc.__cause__  # the library maps with ``raise ... from exc``; map again, correctly
            if isinstance(cause, aiohttp.ClientError):
                raise httpx_error(cause) from cause
        elif isinstance(exc, aiohttp.ClientError):  # what the library leaves unmapped
            raise httpx_error(exc) from exc


class _Body(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for chunk in self._inner:
                yield chunk

    async def aclose(self) -> None:
        with _httpx_errors():
            await self._inner.aclose()


class _Connector(aiohttp.TCPConnector):
    """aiohttp's connector, asking for its SSL context only when a connection needs TLS.

    aiohttp takes the context when the connector is made (``ssl=``), and the session
    is made on the first request, https or not.  It is made here with ``ssl=True``
    and asks ``tls()`` for the context of each TLS connection (aiohttp's hook for
    choosing it, ``_get_ssl_context``; a request's own ``ssl=`` still wins, and we
    pass none).  Should a newer aiohttp stop calling the hook, ``ssl=True`` is
    aiohttp's own verified default context: still verified, never unverified.
    """

    def __init__(self, tls: Callable[[], ssl.SSLContext], **kwargs: Any) -> None:
        super().__init__(ssl=True, **kwargs)
        self._tls = tls

    def _get_ssl_context(self, req: Any) -> ssl.SSLContext | None:
        if req.is_ssl() and req.ssl is True:
            return self._tls()
        return super()._get_ssl_context(req)


class AiohttpTransport(_LibraryTransport):
    """httpx-aiohttp's transport with httpcore's errors, httpx's cookies and 64 KiB header lines."""

    def __init__(self, verify: ssl.SSLContext | str | bool = True, cert: httpx._types.CertTypes | None = None,
                 trust_env: bool = True, limits: httpx.Limits = _DEFAULT_LIMITS,
                 proxy: httpx.Proxy | None = None) -> None:
        # Not the library's __init__: all it does besides setting these attributes (to
        # the same defaults) is build the SSL context, which ``ssl_context`` builds lazily.
        self._tls_args = (verify, cert, trust_env)
        self._ssl_context: ssl.SSLContext | None = None
        self.proxy = proxy
        self.limits = limits
        self.retries = 0
        self.socket_options = []
        self.uds = None
        self.local_address = None
        self.client = None

    @property
    def ssl_context(self) -> ssl.SSLContext:
        """The library's attribute, built on first use."""
        if self._ssl_context is None:
            verify, cert, trust_env = self._tls_args
            self._ssl_context = httpx.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)
        return self._ssl_context

    @ssl_context.setter
    def ssl_context(self, context: ssl.SSLContext) -> None:
        self._ssl_context = context

    def get_client(self) -> aiohttp.ClientSession:
        limit = self.limits.max_connections or 0  # 0: aiohttp's "no limit", like httpx's None
        keepalive = self.limits.keepalive_expiry if self.limits.keepalive_expiry is not None else 15.0
        connector = _Connector(lambda: self.ssl_context, limit=limit, keepalive_timeout=keepalive)
        session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                        max_line_size=MAX_HEADER_LINE, max_field_size=MAX_HEADER_LINE)
        # aiohttp silently sends a GET again when the server drops the connection; every
        # attempt must pass the fetcher's host gate and count as one (fetch.py retries).
        # No public switch: the attribute aiohttp's own test client turns off.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with _httpx_errors():
            response = await super().handle_async_request(request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        if peer := _peer(response.stream):
            response.extensions["server_addr"] = peer
        response.stream = _Body(response.stream)
        return response


def _peer(stream: httpx.AsyncByteStream) -> tuple[str, int] | None:
    """The address the connection reached, as httpcore reports it (``server_addr``).

    redirects.py checks where a redirected request really went.  No public API
    says it: httpx-aiohttp keeps aiohttp's response on its stream, and that
    response its protocol (its ``connection`` is gone once a small body is in).
    """
    aio = getattr(stream, "_aiohttp_response", None)
    protocol = getattr(aio, "_protocol", None)
    transport = getattr(protocol, "transport", None)
    peer = transport.get_extra_info("peername") if transport is not None else None
    return (str(peer[0]), int(peer[1])) if peer else None


class _Cookies(httpx.Cookies):
    """httpx's cookies, without the urllib round trip for a response that sets none.

    httpx hands every response to ``http.cookiejar`` through urllib-shaped request and
    response wrappers (a ``urllib.request.Request`` built from the URL each time); the
    jar then looks for ``Set-Cookie``/``Set-Cookie2`` headers and, without them, does
    nothing.  Building the wrappers was ~5% of a pass of 304s (benchmarks/README.md):
    the same look comes first here, and the jar sees every response that sets a cookie.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


class AsyncClient(httpx.AsyncClient):
    """``httpx.AsyncClient`` whose default transport (and each proxy's) is :class:`AiohttpTransport`.

    A ``transport=`` given explicitly (a test's mock) is used as is.  httpx offers
    no public hook for the default transport: these are the two methods its
    ``AsyncClient`` calls to build them, overridden the way httpx-aiohttp's own
    ``HttpxAiohttpClient`` does.  Its cookies are :class:`_Cookies` (the same jar).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cookies = _Cookies(self._cookies.jar)

    @property
    def cookies(self) -> httpx.Cookies:
        return self._cookies

    @cookies.setter
    def cookies(self, cookies: httpx._types.CookieTypes) -> None:
        self._cookies = _Cookies(httpx.Cookies(cookies).jar)

    def _init_transport(
        self, verify: ssl.SSLContext | str | bool = True, cert: httpx._types.CertTypes | None = None,
        trust_env: bool = True, http1: bool = True, http2: bool = False,
        limits: httpx.Limits = _DEFAULT_LIMITS, transport: httpx.AsyncBaseTransport | None = None,
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        return AiohttpTransport(verify=verify, cert=cert, trust_env=trust_env, limits=limits)

    def _init_proxy_transport(
        self, proxy: httpx.Proxy, verify: ssl.SSLContext | str | bool = True,
        cert: httpx._types.CertTypes | None = None, trust_env: bool = True, http1: bool = True,
        http2: bool = False, limits: httpx.Limits = _DEFAULT_LIMITS,
    ) -> httpx.AsyncBaseTransport:
        return AiohttpTransport(verify=verify, cert=cert, trust_env=trust_env, limits=limits, proxy=proxy)
