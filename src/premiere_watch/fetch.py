"""The HTTP client and its politeness rules.

One shared :class:`httpx.AsyncClient` behind :class:`Fetcher`, over aiohttp's
connection pool by default (transport.py). Every source
calls :meth:`Fetcher.fetch`; it never raises for network or HTTP problems —
a failure is a :class:`FetchResult` with ``status="failed"``, a short human
``reason`` and a ``temporary`` flag (may succeed later by itself vs. needs
someone to change the config or the site).

Politeness is per *origin host* (``host:port``, as robots.txt is): at most
``host_concurrency`` requests in flight and ``host_delay`` seconds between
request starts. Page requests, retries, redirect hops and robots.txt fetches
all pass the same gate, so a retry storm cannot skip the queue.

Decisions worth knowing:

* robots.txt (RFC 9309): 2xx is parsed and cached 24 h; any 4xx (401/403
  included, as RFC 9309 §2.3.1.3 and Google do) means "allow all", cached
  24 h; 5xx or unreachable means "allow for now, ask again in 10 min" — a
  deliberate, documented departure from the RFC's "assume disallow", because
  a watcher polling a handful of pages must not go blind because a CDN
  hiccupped on /robots.txt. ``Crawl-delay`` raises the host delay (capped).
* Redirects are followed here, not by httpx, so every hop gets the scheme
  check, robots.txt and host politeness of its own host, and the address
  policy of redirects.py (never from a public site into a private network,
  never to a link-local/metadata address). A loop is a URL
  revisited with an unchanged cookie jar (consent walls legitimately send
  you back to the same URL once a cookie is set).
* Retries: connect errors and timeouts, dropped connections, 408, 429 and
  5xx (not 501), with exponential backoff and jitter.  A response that is not
  HTTP (garbage status line, headers over 100 KB, a Location that is no URL)
  is a permanent failure at once. A read timeout is
  *not* retried: a server that took ``timeout`` seconds once is overloaded,
  and the next pass will try again anyway.
* Timeouts: ``timeout`` bounds each connect / read; a whole attempt
  (headers and body) gets ``2 * timeout``, which stops trickling tarpits.
* Bodies are read raw and inflated by content_coding.py, bounded by
  ``max_bytes`` as they are produced; one layer of gzip or deflate only.
* ``Retry-After`` holds the whole host (other requests to it wait too); a
  value over ``retry_after_cap`` fails the fetch at once, temporarily, and
  later fetches to that host fail fast until the time has passed.

Tests pass ``transport=`` (``httpx.MockTransport``, ``respx.MockTransport``) plus ``sleep=`` and
``clock=``; an injected ``sleep`` must advance an injected ``clock``.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import email.utils
import functools
import json
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

from premiere_watch.content_coding import ACCEPT_ENCODING, ContentCodingError, drain, read_body
from premiere_watch.redact import redact_url
from premiere_watch.redirects import RedirectGuard, Resolver, system_resolver
from premiere_watch.transport import AsyncClient

if TYPE_CHECKING:
    from bs4.dammit import EncodingDetector
    from protego import Protego

__all__ = ["FetchResult", "FetchSettings", "FetchStats", "Fetcher", "redact_url"]

log = logging.getLogger("premiere_watch.fetch")

ROBOTS_TTL = 24 * 3600.0  # RFC 9309 §2.4: SHOULD NOT use a cached copy longer than 24 h
ROBOTS_RETRY = 600.0  # re-ask for a robots.txt that failed with 5xx / network error
ROBOTS_MAX_BYTES = 512_000  # RFC 9309 §2.5: parse at least 500 KiB; ignore the rest
CRAWL_DELAY_CAP = 60.0  # a Crawl-delay of an hour would stall a whole pass
SNIFF_BYTES = 2048
DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RETRY_CODES = frozenset({408, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524, 529})  # not 501
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Query keys whose values never reach a log line (matched as substrings, lower-case).

@dataclass(frozen=True)
class FetchSettings:
    """How the fetcher behaves; one instance per program run."""

    user_agent: str = "premiere-watch/0.1 (+https://github.com/premiere-watch)"
    timeout: float = 20.0  # seconds per connect / read / pool wait; a whole attempt gets twice this
    max_bytes: int = 5_000_000  # body cap, enforced while streaming
    max_redirects: int = 5
    retries: int = 3  # extra attempts for connect errors, 408, 429, 5xx
    backoff: float = 1.0  # base seconds; exponential with jitter
    retry_after_cap: float = 60.0  # longest Retry-After honoured
    host_concurrency: int = 1
    host_delay: float = 2.0  # min seconds between request starts per host
    concurrency: int = 10  # total concurrent requests
    robots: bool = True
    allowed_types: tuple[str, ...] = (
        "text/html", "application/xhtml+xml", "application/xml", "text/xml",
        "application/rss+xml", "application/atom+xml", "application/json",
        "text/plain", "application/ld+json",
    )


@dataclass(frozen=True)
class FetchResult:
    """The outcome of one :meth:`Fetcher.fetch` call (all hops and retries)."""

    url: str
    final_url: str
    status: Literal["ok", "not_modified", "failed"]
    status_code: int | None = None
    content: bytes = b""
    content_type: str = ""  # media type only, lower-case, no parameters
    # From the Content-Type charset, else a BOM or <meta charset>/<meta
    # http-equiv> or <?xml encoding> in the first 2 KB, else None (hand the bytes to the parser).
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    reason: str = ""  # short, human: "HTTP 503 after 4 attempts", "timed out after 20s"
    temporary: bool = True  # failures: may succeed later without anyone changing anything
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def text(self) -> str:
        """The body decoded with ``encoding`` (utf-8 if unknown), bad bytes replaced; no BOM."""
        body, bom = _detector().strip_byte_order_mark(self.content)
        try:
            return body.decode(bom or self.encoding or "utf-8", errors="replace")
        except LookupError:
            return body.decode("utf-8", errors="replace")


@dataclass
class FetchStats:
    """Counters for benchmarks and the status command."""

    requests: int = 0  # HTTP requests sent: retries, redirect hops and robots.txt included
    bytes_received: int = 0  # body bytes as they came over the wire
    retries: int = 0
    robots_fetches: int = 0
    by_status: dict[str, int] = field(default_factory=dict)  # FetchResult.status -> fetch() calls
    by_code: dict[int, int] = field(default_factory=dict)  # HTTP status code -> responses


_DRAIN_LIMIT = 65_536


@functools.lru_cache(maxsize=4096)
def _parsed(url: str) -> httpx.URL:
    """httpx's parse of ``url``, kept: each pass requests the same URLs again, and httpx
    parses a string URL on every request (~10 µs; a URL object it only copies)."""
    return httpx.URL(url)


@functools.lru_cache(maxsize=4096)
def _host_key(url: str) -> str:
    """``host:port`` of ``url``: politeness (and robots.txt) is per origin host. Kept, as
    ``_parsed`` is: each request asks twice (the robots.txt check and the host gate)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.hostname}:{port}"


async def _drain(resp: httpx.Response) -> None:
    """Read a small non-2xx body to its end so the connection goes back to the pool.

    A connection whose response was left unread is closed, not reused: without this,
    every small 404 or 403 of a pass would open a new TCP (and TLS) connection to the host.
    A body that is large or of unknown length is left alone: closing is cheaper.
    The raw bytes are read, never decoded: a small 404 may be a compression bomb.
    A 304 has no body, and aiohttp's pool (transport.py) keeps its connection when the
    response closes: reading its empty body through httpx's stream first cost ~40 ms per
    1,000 304s (measured in-process).  httpcore, which closed it, only serves tests that
    pass ``transport=`` now; test_304s_and_small_errors_keep_the_connection checks reuse.
    """
    if resp.status_code == 304:
        return
    length = resp.headers.get("Content-Length")
    if not (length and length.isdigit() and int(length) <= _DRAIN_LIMIT):
        return
    with contextlib.suppress(httpx.HTTPError):
        await drain(resp)


# --- encoding ---------------------------------------------------------------

def _detector() -> type[EncodingDetector]:
    """bs4's encoding detector, imported the first time a body is decoded.

    Importing it imports the whole of beautifulsoup4 (and soupsieve, which compiles
    its CSS grammar): ~0.1 s of CPU that a pass of 304s, which decodes nothing,
    would pay at every start (benchmarks/README.md).
    """
    from bs4.dammit import EncodingDetector

    return EncodingDetector


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset ``label``, or None if unknown.

    Browsers (WHATWG Encoding) read latin-1 and ascii labels as windows-1252,
    and pages rely on it for smart quotes; so do we.
    """
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _sniff_encoding(charset: str | None, body: bytes) -> str | None:
    """The Content-Type charset, else what bs4's EncodingDetector finds: a byte-order
    mark, or a ``<meta charset>``/``<meta http-equiv>``/``<?xml encoding?>`` near the top.

    No statistical guessing: an undeclared body is left to the parser (UTF-8, then
    windows-1252, as browsers do).
    """
    detector = _detector()
    _, bom = detector.strip_byte_order_mark(body)
    declared = None if bom else detector.find_declared_encoding(body[:SNIFF_BYTES], is_html=True)
    for label in (charset, bom, declared):
        if encoding := _codec(label):
            return encoding
    return None


# --- retry-after ------------------------------------------------------------

def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# --- per-host politeness ----------------------------------------------------

class _HostBusy(Exception):
    """The host asked us (Retry-After) to stay away longer than the cap."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


@dataclass
class _Host:
    active: int = 0  # requests in flight (or waiting for their start time) on this host
    freed: asyncio.Event = field(default_factory=asyncio.Event)  # replaced on every release
    last_start: float = float("-inf")
    not_before: float = float("-inf")  # from Retry-After: nobody starts before this
    robots: Protego | None = None  # None: allow everything
    robots_expires: float = float("-inf")
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass(frozen=True)
class _Retry:
    reason: str
    retry_after: float | None = None


@dataclass(frozen=True)
class _Redirect:
    location: str
    code: int


_Outcome = FetchResult | _Retry | _Redirect


class Fetcher:
    """Polite shared HTTP client. Use as ``async with Fetcher(settings) as f:``."""

    def __init__(
        self,
        settings: FetchSettings = FetchSettings(),
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        resolve: Resolver = system_resolver,
    ) -> None:
        self.settings = settings
        self.stats = FetchStats()
        self._sleep = sleep
        self._clock = clock
        self._resolve = resolve  # for the redirect policy (redirects.py); tests fake DNS
        self._hosts: dict[str, _Host] = {}
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._robots_off_logged: set[str] = set()
        # Limits given to the client only apply when it builds the transport
        # itself; we let it (transport=None) because that keeps HTTP(S)_PROXY
        # from the environment working, which passing our own transport would
        # silently switch off. The transport does no retries of its own.
        limits = httpx.Limits(max_connections=settings.concurrency,
                              max_keepalive_connections=settings.concurrency)
        self._client = AsyncClient(
            transport=transport,
            limits=limits,
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,  # we follow hops ourselves: robots + politeness per hop
            # Only codings content_coding.py inflates with a bound (httpx would add br/zstd if installed).
            headers={"User-Agent": settings.user_agent, "Accept": DEFAULT_ACCEPT,
                     "Accept-Encoding": ACCEPT_ENCODING},
        )

    # --- public -------------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        host_delay: float | None = None,
        host_concurrency: int | None = None,
        robots: bool | None = None,
        accept: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> FetchResult:
        """GET ``url`` politely; never raises for network or HTTP problems.

        ``etag``/``last_modified`` make the request conditional (a 304 gives
        ``status="not_modified"`` and keeps them). ``host_delay``,
        ``host_concurrency`` and ``robots`` override the settings for this call.
        """
        try:
            result = await self._fetch(url, etag, last_modified, host_delay, host_concurrency,
                                       robots, accept, headers)
        except Exception as exc:  # a bug must not take the whole pass down; say what broke
            log.exception("fetch %s crashed", redact_url(url))
            result = FetchResult(url, url, "failed", reason=f"internal error: {type(exc).__name__}")
        self.stats.by_status[result.status] = self.stats.by_status.get(result.status, 0) + 1
        # DEBUG: the pipeline logs one line per failed source, with this reason. The URL is
        # redacted only for a line that is written.
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s: %s", redact_url(url), result.status, result.reason or result.status_code)
        return result

    async def get_json(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        host_delay: float | None = None,
        host_concurrency: int | None = None,
        robots: bool | None = None,
        accept: str | None = "application/json",
        headers: Mapping[str, str] | None = None,
    ) -> tuple[FetchResult, Any]:
        """:meth:`fetch` then parse JSON: ``(result, data)``; ``data`` is None unless ok
        (an unparsable body turns the result into a permanent failure)."""
        result = await self.fetch(url, etag=etag, last_modified=last_modified, host_delay=host_delay,
                                  host_concurrency=host_concurrency, robots=robots, accept=accept,
                                  headers=headers)
        if result.status != "ok":
            return result, None
        try:
            return result, json.loads(result.text())
        except ValueError as exc:
            return replace(result, status="failed", reason=f"invalid JSON: {exc}", temporary=False), None
        except RecursionError:  # json parses arrays and objects recursively
            return replace(result, status="failed", reason="invalid JSON: nested too deeply",
                           temporary=False), None

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- one fetch: hops and retries ----------------------------------------

    async def _fetch(
        self, url: str, etag: str | None, last_modified: str | None, host_delay: float | None,
        host_concurrency: int | None, robots: bool | None, accept: str | None,
        headers: Mapping[str, str] | None,
    ) -> FetchResult:
        s = self.settings
        delay = s.host_delay if host_delay is None else host_delay
        limit = max(1, s.host_concurrency if host_concurrency is None else host_concurrency)
        use_robots = s.robots if robots is None else robots
        extra = dict(headers or {})
        if accept:
            extra["Accept"] = accept
        if etag:
            extra["If-None-Match"] = etag
        if last_modified:
            extra["If-Modified-Since"] = last_modified

        def fail(reason: str, temporary: bool, code: int | None = None, at: str = url) -> FetchResult:
            return FetchResult(url, at, "failed", code, reason=reason, temporary=temporary,
                               attempts=attempts)

        current, attempts, seen = url, 0, set[tuple[str, frozenset[tuple[str, str, str]]]]()
        guard: RedirectGuard | None = None  # set at the first redirect
        for _hop in range(s.max_redirects + 1):
            attempts = 0  # tries of this hop's URL; hops show in final_url
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                return fail(f"not an http(s) URL: {redact_url(current)}", False, at=current)
            key = (current, self._cookie_state())
            if key in seen:
                return fail("redirect loop", False, at=current)
            seen.add(key)
            if not use_robots:
                if current not in self._robots_off_logged:
                    self._robots_off_logged.add(current)
                    log.info("robots.txt is off for %s", redact_url(current))
            elif not await self._robots_allow(current, delay, limit):
                return fail("blocked by robots.txt", False, at=current)
            outcome: _Outcome = _Retry("")
            for attempt in range(s.retries + 1):
                attempts += 1
                try:
                    outcome = await self._attempt(current, extra, delay, limit, guard)
                except _HostBusy as busy:
                    return fail(f"host asked to wait {busy.seconds:.0f}s (Retry-After), "
                                f"over the {s.retry_after_cap:g}s cap", True, at=current)
                if not isinstance(outcome, _Retry):
                    break
                if outcome.retry_after is not None:
                    self._hold_host(current, outcome.retry_after)
                    if outcome.retry_after > s.retry_after_cap:
                        return fail(f"{outcome.reason}, Retry-After {outcome.retry_after:.0f}s over "
                                    f"the {s.retry_after_cap:g}s cap", True, at=current)
                if attempt == s.retries:
                    break
                self.stats.retries += 1
                if outcome.retry_after is None:  # else the host gate waits it out for everyone
                    pause = s.backoff * 2**attempt * random.uniform(0.5, 1.5)
                    log.debug("%s: %s, retrying in %.1fs", redact_url(current), outcome.reason, pause)
                    await self._sleep(pause)
                else:
                    log.debug("%s: %s, retrying after %.1fs (Retry-After)", redact_url(current),
                             outcome.reason, outcome.retry_after)
            if isinstance(outcome, _Retry):
                tries = "attempt" if attempts == 1 else "attempts"
                return fail(f"{outcome.reason} after {attempts} {tries}", True, at=current)
            if isinstance(outcome, FetchResult):
                if outcome.url == url and outcome.attempts == attempts:
                    return outcome  # the usual first-try answer of the first URL: already right
                return replace(outcome, url=url, attempts=attempts)
            try:
                nxt = str(httpx.URL(current).join(outcome.location))
            except httpx.InvalidURL:
                return fail(f"HTTP {outcome.code} to a bad Location", False, outcome.code, current)
            guard = guard or await RedirectGuard.for_origin(url, self._resolve)
            if refusal := await guard.refuse(nxt, self._resolve):
                return fail(refusal, False, outcome.code, current)
            if urlsplit(nxt).netloc.lower() != parts.netloc.lower():
                # Caller headers may carry credentials meant for the first host only.
                extra = {k: v for k, v in extra.items()
                         if k in ("Accept", "If-None-Match", "If-Modified-Since")}
            log.debug("%s -> %d %s", redact_url(current), outcome.code, redact_url(nxt))
            current = nxt
        return fail(f"too many redirects (over {s.max_redirects})", False, at=current)

    async def _attempt(self, url: str, headers: Mapping[str, str], delay: float, limit: int,
                       guard: RedirectGuard | None = None) -> _Outcome:
        """One request through the host gate; the body is read only when wanted.

        ``guard``: this request follows a redirect; where it connected is checked.
        """
        s = self.settings
        async with self._gate(url, delay, limit):
            self.stats.requests += 1
            try:
                # httpx's timeout bounds each connect/read; this deadline bounds the
                # whole attempt, so a tarpit trickling a byte per second fails too.
                # Twice the timeout, so httpx's connect timeout (retried) always wins.
                async with asyncio.timeout(2 * s.timeout):
                    async with self._client.stream("GET", _parsed(url), headers=headers) as resp:
                        if guard is not None and (refusal := guard.refuse_peer(resp.extensions)):
                            return FetchResult(url, url, "failed", resp.status_code, reason=refusal,
                                               temporary=False)
                        return await self._read(url, resp)
            except TimeoutError:
                return FetchResult(url, url, "failed", reason=f"timed out after {2 * s.timeout:g}s")
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
                    return _Retry(f"connect timed out after {s.timeout:g}s")
                return FetchResult(url, url, "failed", reason=f"timed out after {s.timeout:g}s")
            except httpx.RemoteProtocolError as exc:
                if _dropped(exc):  # a keep-alive connection the server had closed, or a cut body
                    return _Retry(_describe(exc))
                # The server answered with something that is not HTTP (a garbage status line,
                # 100 KB of headers, a Location no URL can be made of): it will again.
                return FetchResult(url, url, "failed", reason=f"malformed response: {_describe(exc)}",
                                   temporary=False)
            except httpx.NetworkError as exc:  # refused, DNS, reset
                return _Retry(_describe(exc))
            except httpx.TransportError as exc:  # TLS, proxy, protocol: retrying won't help soon
                return FetchResult(url, url, "failed", reason=_describe(exc))
            except httpx.InvalidURL as exc:
                return FetchResult(url, url, "failed", reason=f"invalid URL: {exc}", temporary=False)

    async def _read(self, url: str, resp: httpx.Response) -> _Outcome:
        s, code = self.settings, resp.status_code
        self.stats.by_code[code] = self.stats.by_code.get(code, 0) + 1
        if not 200 <= code < 300:
            await _drain(resp)
        etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        if code == 304:  # no body by definition; keep the validators we were given
            req = resp.request.headers
            return FetchResult(url, url, "not_modified", code, etag=etag or req.get("If-None-Match"),
                               last_modified=modified or req.get("If-Modified-Since"))
        if code in REDIRECT_CODES:
            if location := resp.headers.get("Location"):
                return _Redirect(location, code)
            return FetchResult(url, url, "failed", code, reason=f"HTTP {code} without Location",
                               temporary=False)
        if code in RETRY_CODES:
            return _Retry(f"HTTP {code}", _retry_after(resp.headers.get("Retry-After")))
        if not 200 <= code < 300:  # other 4xx (404, 410, 403...) won't change by retrying now
            return FetchResult(url, url, "failed", code, reason=f"HTTP {code}", temporary=code >= 500)
        header = resp.headers.get("Content-Type", "")
        ctype = header.split(";")[0].strip().lower()
        if ctype and ctype not in s.allowed_types:  # missing type: let the parser judge the bytes
            return FetchResult(url, url, "failed", code, content_type=ctype,
                               reason=f"content type {ctype} not allowed", temporary=False)
        too_big = FetchResult(url, url, "failed", code, content_type=ctype, temporary=False,
                              reason=f"body over {s.max_bytes / 1e6:g} MB cap")
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            return too_big
        try:
            body, seen = await read_body(resp, s.max_bytes)
        except ContentCodingError as exc:  # the site must change, not the network
            return FetchResult(url, url, "failed", code, content_type=ctype, reason=str(exc), temporary=False)
        self.stats.bytes_received += seen
        if body is None:
            return too_big
        encoding = _sniff_encoding(resp.charset_encoding, body)
        return FetchResult(url, url, "ok", code, body, ctype, encoding, etag, modified)

    # --- politeness ---------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = _host_key(url)
        host = self._hosts.get(key)
        if host is None:  # made only when new: a _Host makes an asyncio Event and Lock
            host = self._hosts[key] = _Host()
        return host

    def _hold_host(self, url: str, seconds: float) -> None:
        host = self._host(url)
        host.not_before = max(host.not_before, self._clock() + seconds)

    @asynccontextmanager
    async def _gate(self, url: str, delay: float, limit: int) -> AsyncIterator[None]:
        """Hold a host slot and a global slot, started ``delay`` after the host's last start."""
        host = self._host(url)
        if host.robots is not None:
            crawl_delay = host.robots.crawl_delay(self.settings.user_agent)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), CRAWL_DELAY_CAP))
        while host.active >= limit:
            await host.freed.wait()
        host.active += 1
        try:
            while True:
                wait = max(host.last_start + delay, host.not_before) - self._clock()
                if host.not_before - self._clock() > self.settings.retry_after_cap:
                    raise _HostBusy(host.not_before - self._clock())
                if wait > 0:
                    await self._sleep(wait)
                    continue
                await self._slots.acquire()
                # Check and claim with no await in between, so two requests
                # that waited on the global slot cannot both start now.
                if max(host.last_start + delay, host.not_before) <= self._clock():
                    host.last_start = self._clock()
                    break
                self._slots.release()
            try:
                yield
            finally:
                self._slots.release()
        finally:
            # No await here: a cancelled fetch must still give its slot back.
            host.active -= 1
            host.freed.set()  # wake every waiter to re-check; later ones wait on a new event
            host.freed = asyncio.Event()

    # --- robots.txt ---------------------------------------------------------

    async def _robots_allow(self, url: str, delay: float, limit: int) -> bool:
        host = self._host(url)
        # A robots.txt still fresh is not being fetched (that starts only once it expires):
        # it is read without taking the lock, and without an await in between.
        if self._clock() >= host.robots_expires:
            async with host.robots_lock:  # one robots.txt fetch per host, others wait for it
                if self._clock() >= host.robots_expires:
                    await self._load_robots(url, host, delay, limit)
        return host.robots is None or bool(host.robots.can_fetch(url, self.settings.user_agent))

    async def _load_robots(self, url: str, host: _Host, delay: float, limit: int) -> None:
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        self.stats.robots_fetches += 1
        host.robots, ttl, code = None, ROBOTS_RETRY, None
        guard: RedirectGuard | None = None
        try:
            for _hop in range(5):  # RFC 9309 §2.3.1.2: follow at least five redirects
                async with self._gate(robots_url, delay, limit):
                    self.stats.requests += 1
                    async with asyncio.timeout(2 * self.settings.timeout), \
                            self._client.stream("GET", robots_url) as resp:
                        code = resp.status_code
                        self.stats.by_code[code] = self.stats.by_code.get(code, 0) + 1
                        if code in REDIRECT_CODES and "Location" in resp.headers:
                            robots_url = str(resp.url.join(resp.headers["Location"]))
                            guard = guard or await RedirectGuard.for_origin(url, self._resolve)
                            if refusal := await guard.refuse(robots_url, self._resolve):
                                log.info("robots.txt for %s: %s; allowing", parts.netloc, refusal)
                                ttl = ROBOTS_TTL  # as if it had none
                                break
                            continue
                        if 200 <= code < 300:
                            # Imported here: a site without a robots.txt (most of a pass of 304s) never needs it.
                            from protego import Protego

                            body, seen = await read_body(resp, ROBOTS_MAX_BYTES, truncate=True)
                            self.stats.bytes_received += seen
                            host.robots = Protego.parse((body or b"").decode("utf-8", errors="replace"))
                            ttl = ROBOTS_TTL
                        elif code == 429 or code >= 500:  # overloaded: allow now, ask again soon
                            if (wait := _retry_after(resp.headers.get("Retry-After"))) is not None:
                                self._hold_host(robots_url, wait)
                        elif code >= 400:
                            ttl = ROBOTS_TTL  # unavailable (401/403 too): everything allowed
                        break
        except (_HostBusy, TimeoutError, httpx.HTTPError) as exc:
            code = None
            log.debug("robots.txt for %s unreachable (%s); allowing, will ask again", parts.netloc,
                     _describe(exc))
        except ValueError as exc:  # protego choked, or a refused coding: treat like a missing file
            ttl = ROBOTS_TTL
            log.info("robots.txt for %s unparsable (%s); allowing", parts.netloc, exc)
        if code is not None and (code == 429 or code >= 500):
            log.info("robots.txt for %s gave HTTP %d; allowing, will ask again", parts.netloc, code)
        host.robots_expires = self._clock() + ttl

    def _cookie_state(self) -> frozenset[tuple[str, str, str]]:
        return frozenset((c.domain, c.name, c.value or "") for c in self._client.cookies.jar)


def _dropped(exc: httpx.RemoteProtocolError) -> bool:
    """Whether the connection closed early, as opposed to the server sending non-HTTP.

    httpcore and h11 raise the same exception class for both and say which in
    the message only ("Server disconnected without sending a response.",
    "peer closed connection without sending complete message body").
    """
    text = str(exc).lower()
    return "disconnected" in text or "closed" in text


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, _HostBusy):
        return "host asked us to wait"
    text = str(exc).strip() or type(exc).__name__
    return f"connection failed: {text}" if isinstance(exc, httpx.ConnectError) else text[:120]
