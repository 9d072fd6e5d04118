"""The HTTP client and its politeness rules.

One shared :class:`httpx.AsyncClient` behind :class:`Fetcher`. Every source
calls :meth:`Fetcher.fetch`; it never raises for network or HTTP problems —
a failure is a :class:`FetchResult` with ``status="failed"``, a short human
``reason`` and a ``temporary`` flag (retry later vs. fix the config).

Tests pass ``transport=`` (e.g. ``httpx.MockTransport``) plus ``sleep=`` and
``clock=`` to run without a network or real waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

__all__ = ["FetchResult", "FetchSettings", "FetchStats", "Fetcher", "redact_url"]


@dataclass(frozen=True)
class FetchSettings:
    """How the fetcher behaves; one instance per program run."""

    user_agent: str = "premiere-watch/0.1 (+https://github.com/premiere-watch)"
    timeout: float = 20.0  # seconds, per request (connect/read/write/pool)
    max_bytes: int = 5_000_000  # body cap, enforced while streaming
    max_redirects: int = 5
    retries: int = 3  # extra attempts for connect errors, timeouts, 408, 429, 5xx
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
    # From the Content-Type charset, else <meta charset>/<meta http-equiv> in
    # the first 2 KB, else None (hand the bytes to the parser to sniff).
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    reason: str = ""  # short, human: "HTTP 503 after 4 attempts", "timed out after 20s"
    temporary: bool = True  # failures: worth retrying later (vs. permanent: 404, robots, type)
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def text(self) -> str:
        """The body decoded with ``encoding`` (utf-8 if unknown), bad bytes replaced."""
        raise NotImplementedError


@dataclass
class FetchStats:
    """Counters for benchmarks and the status command."""

    requests: int = 0  # HTTP requests sent, including retries, redirects, robots.txt
    bytes_received: int = 0  # body bytes read
    by_status: dict[str, int] = field(default_factory=dict)  # FetchResult.status -> count
    by_code: dict[int, int] = field(default_factory=dict)  # HTTP status code -> count


def redact_url(url: str) -> str:
    """``url`` safe to log: values of secret-looking query keys masked."""
    raise NotImplementedError


class Fetcher:
    """Polite shared HTTP client. Use as ``async with Fetcher(settings) as f:``."""

    def __init__(
        self,
        settings: FetchSettings = FetchSettings(),  # noqa: B008 - frozen, safe to share
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.stats = FetchStats()
        raise NotImplementedError

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
        ``status="not_modified"``). ``host_delay``, ``host_concurrency`` and
        ``robots`` override the settings for this call's host.
        """
        raise NotImplementedError

    async def get_json(self, url: str, **kwargs: Any) -> tuple[FetchResult, Any]:
        """:meth:`fetch` then parse JSON: ``(result, data)``; ``data`` is None on any failure
        (an unparsable body turns the result into a permanent failure)."""
        raise NotImplementedError

    async def aclose(self) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
