"""Fetcher against a real local HTTP server: faults injected, requests counted.

Fixtures ``page_server`` / ``page_server_factory`` come from tests/servers.py via conftest.py.
"""

from __future__ import annotations

import asyncio
import codecs
import itertools
import logging
import socket
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import pytest

from premiere_watch.fetch import Fetcher, FetchResult, FetchSettings, _retry_after
from premiere_watch.redact import redact_url
from servers import LoggedRequest, PageServer, Reply

T = TypeVar("T")
FAST = FetchSettings(host_delay=0.0, backoff=0.01, timeout=5.0)


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def fetch_one(settings: FetchSettings, url: str, **kwargs: Any) -> FetchResult:
    async with Fetcher(settings) as f:
        return await f.fetch(url, **kwargs)


class FakeTime:
    """Injected sleep that returns at once but moves the injected clock, and records waits."""

    def __init__(self) -> None:
        self.offset = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return time.monotonic() + self.offset

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds
        await asyncio.sleep(0)


def fetcher(settings: FetchSettings, fake: FakeTime) -> Fetcher:
    sleep: Callable[[float], Awaitable[None]] = fake.sleep
    return Fetcher(settings, sleep=sleep, clock=fake.clock)


# --- retries -----------------------------------------------------------------

def test_429_retry_after_is_waited_out(page_server: PageServer) -> None:
    page_server.route("/p", Reply(429, headers={"Retry-After": "2"}), Reply(200, "<p>ok</p>"))
    fake = FakeTime()

    async def go() -> FetchResult:
        async with fetcher(FAST, fake) as f:
            return await f.fetch(page_server.url("/p"))

    r = run(go())
    assert r.status == "ok" and r.attempts == 2
    assert page_server.count("/p") == 2
    assert any(abs(s - 2.0) < 0.1 for s in fake.sleeps), fake.sleeps


def test_retry_after_over_cap_gives_up_and_holds_the_host(page_server: PageServer) -> None:
    page_server.route("/p", Reply(503, headers={"Retry-After": "3600"}), Reply(200, "ok"))
    fake = FakeTime()

    async def go() -> tuple[FetchResult, FetchResult]:
        async with fetcher(FAST, fake) as f:
            return await f.fetch(page_server.url("/p")), await f.fetch(page_server.url("/other"))

    first, second = run(go())
    assert first.status == "failed" and first.temporary
    assert "Retry-After 3600s" in first.reason and "cap" in first.reason
    assert second.status == "failed" and second.temporary and "Retry-After" in second.reason
    assert page_server.count("/p") == 1 and page_server.count("/other") == 0
    assert not [s for s in fake.sleeps if s > 1]


def test_retry_after_http_date() -> None:
    later = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    assert 25 < (_retry_after(later) or 0) <= 30
    assert _retry_after("7") == 7.0
    assert _retry_after("soon") is None


def test_503_503_200_succeeds_in_one_call(page_server: PageServer) -> None:
    page_server.route("/p", Reply(503), Reply(503), Reply(200, "<p>third time</p>"))
    r = run(fetch_one(FAST, page_server.url("/p")))
    assert r.status == "ok" and r.attempts == 3 and b"third time" in r.content
    assert page_server.count("/p") == 3


def test_5xx_exhausted_is_temporary(page_server: PageServer) -> None:
    page_server.route("/p", Reply(503))
    r = run(fetch_one(FetchSettings(host_delay=0, backoff=0.01, retries=2), page_server.url("/p")))
    assert (r.status, r.temporary, r.reason) == ("failed", True, "HTTP 503 after 3 attempts")
    assert page_server.count("/p") == 3


@pytest.mark.parametrize("code", [404, 410, 403])
def test_other_4xx_not_retried_and_permanent(page_server: PageServer, code: int) -> None:
    page_server.route("/p", Reply(code))
    r = run(fetch_one(FAST, page_server.url("/p")))
    assert (r.status, r.status_code, r.temporary, r.reason) == ("failed", code, False, f"HTTP {code}")
    assert page_server.count("/p") == 1


def test_connection_refused_retried_then_temporary() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = FetchSettings(host_delay=0, backoff=0.01, retries=2, robots=False)
    r = run(fetch_one(settings, f"http://127.0.0.1:{port}/p"))
    assert r.status == "failed" and r.temporary and r.attempts == 3
    assert r.reason.startswith("connection failed") and r.reason.endswith("after 3 attempts")


# --- timeouts and size -------------------------------------------------------

def test_slow_response_times_out_cleanly(page_server: PageServer) -> None:
    page_server.route("/slow", Reply(200, "late", delay=1.5))
    t0 = time.monotonic()
    r = run(fetch_one(FetchSettings(host_delay=0, timeout=0.3), page_server.url("/slow")))
    assert (r.status, r.reason, r.temporary) == ("failed", "timed out after 0.3s", True)
    assert time.monotonic() - t0 < 1.2
    assert page_server.count("/slow") == 1  # a read timeout is not retried


def test_trickling_body_hits_the_whole_request_timeout(page_server: PageServer) -> None:
    # Every chunk arrives well within the read timeout; the attempt as a whole does not.
    # The deadline for a whole attempt is twice the timeout.
    page_server.route("/drip", Reply(200, b"x" * 60, chunked=True, chunk_size=1, chunk_delay=0.02))
    t0 = time.monotonic()
    r = run(fetch_one(FetchSettings(host_delay=0, timeout=0.3), page_server.url("/drip")))
    assert (r.status, r.reason) == ("failed", "timed out after 0.6s")
    assert time.monotonic() - t0 < 1.0


def test_20mb_body_is_cut_at_the_cap_without_reading_it(page_server: PageServer) -> None:
    page_server.route("/big", Reply(200, size=20_000_000))

    async def go() -> tuple[FetchResult, int]:
        async with Fetcher(FAST) as f:
            r = await f.fetch(page_server.url("/big"))
            return r, f.stats.bytes_received

    r, received = run(go())
    assert (r.status, r.reason, r.temporary) == ("failed", "body over 5 MB cap", False)
    assert received < 6_000_000
    page_server.wait_idle()
    (req,) = page_server.requests("/big")
    assert req.disconnected and req.bytes_sent < 20_000_000


def test_declared_length_over_cap_is_refused_before_reading(page_server: PageServer) -> None:
    page_server.route("/big", Reply(200, b"y" * 200_000))

    async def go() -> tuple[FetchResult, int]:
        async with Fetcher(FetchSettings(host_delay=0, max_bytes=100_000)) as f:
            return await f.fetch(page_server.url("/big")), f.stats.bytes_received

    r, received = run(go())
    assert r.reason == "body over 0.1 MB cap" and received == 0


def test_content_type_not_allowed_is_permanent(page_server: PageServer) -> None:
    page_server.route("/img", Reply(200, b"\x89PNG", content_type="image/png"))
    r = run(fetch_one(FAST, page_server.url("/img")))
    assert (r.status, r.reason, r.temporary) == ("failed", "content type image/png not allowed", False)
    assert page_server.count("/img") == 1


def test_only_http_urls() -> None:
    r = run(fetch_one(FAST, "file:///etc/passwd"))
    assert r.status == "failed" and not r.temporary and "http" in r.reason


# --- encodings ---------------------------------------------------------------

def test_windows_1252_page_with_only_meta_charset(page_server: PageServer) -> None:
    body = ('<html><head><meta charset="windows-1252"><title>x</title></head>'
            "<body>Le café ouvre \u201cbientôt\u201d \u2014 dit-on</body></html>").encode("cp1252")
    page_server.route("/fr", Reply(200, body, content_type="text/html"))
    r = run(fetch_one(FAST, page_server.url("/fr")))
    assert r.encoding == "cp1252"
    assert "café" in r.text() and "\u201cbientôt\u201d \u2014" in r.text()


def test_http_equiv_and_latin1_label_read_as_windows_1252(page_server: PageServer) -> None:
    body = ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            "\u201cquoted\u201d").encode("cp1252")
    page_server.route("/p", Reply(200, body, content_type="text/html"))
    r = run(fetch_one(FAST, page_server.url("/p")))
    assert r.encoding == "cp1252" and r.text().endswith("\u201cquoted\u201d")


def test_header_charset_wins_and_unknown_is_none(page_server: PageServer) -> None:
    page_server.route("/h", Reply(200, "é".encode(), content_type="text/html; charset=UTF-8"))
    page_server.route("/n", Reply(200, b"plain", content_type="text/html"))

    async def go() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(FAST) as f:
            return await f.fetch(page_server.url("/h")), await f.fetch(page_server.url("/n"))

    h, n = run(go())
    assert (h.encoding, h.text(), h.content_type) == ("utf-8", "é", "text/html")
    assert n.encoding is None and n.text() == "plain"


# --- redirects ---------------------------------------------------------------

def test_redirect_followed_to_final_url(page_server: PageServer) -> None:
    page_server.route("/old", Reply(301, headers={"Location": "/new"}))
    page_server.route("/new", Reply(200, "here"))
    r = run(fetch_one(FAST, page_server.url("/old")))
    assert r.status == "ok" and r.url == page_server.url("/old") and r.final_url == page_server.url("/new")


def test_redirect_loop_stops(page_server: PageServer) -> None:
    page_server.route("/a", Reply(302, headers={"Location": "/b"}))
    page_server.route("/b", Reply(302, headers={"Location": "/a"}))
    r = run(fetch_one(FAST, page_server.url("/a")))
    assert (r.status, r.reason, r.temporary) == ("failed", "redirect loop", False)
    assert page_server.count("/a") == 1 and page_server.count("/b") == 1


def test_too_many_redirects(page_server: PageServer) -> None:
    for i in range(10):
        page_server.route(f"/r{i}", Reply(302, headers={"Location": f"/r{i + 1}"}))
    r = run(fetch_one(FetchSettings(host_delay=0, max_redirects=3), page_server.url("/r0")))
    assert (r.status, r.reason) == ("failed", "too many redirects (over 3)")
    assert page_server.count() - page_server.count("/robots.txt") == 4


def test_cookie_wall_bounce_back_is_not_a_loop(page_server: PageServer) -> None:
    def page(req: LoggedRequest) -> Reply:
        if "consent=yes" in req.headers.get("cookie", ""):
            return Reply(200, "article")
        return Reply(302, headers={"Location": "/consent"})

    page_server.route("/article", Reply(handler=page))
    page_server.route("/consent", Reply(302, headers={"Location": "/article", "Set-Cookie": "consent=yes"}))
    r = run(fetch_one(FAST, page_server.url("/article")))
    assert r.status == "ok" and r.content == b"article"


def test_cross_host_redirect_drops_caller_headers(page_server_factory: Callable[[], PageServer]) -> None:
    a, b = page_server_factory(), page_server_factory()
    a.route("/go", Reply(302, headers={"Location": b.url("/land")}))
    b.route("/land", Reply(200, "landed"))
    r = run(fetch_one(FAST, a.url("/go"), headers={"Authorization": "Bearer s3cret"}, etag='"v1"'))
    assert r.status == "ok"
    assert a.requests("/go")[0].headers["authorization"] == "Bearer s3cret"
    landed = b.requests("/land")[0].headers
    assert "authorization" not in landed and landed["if-none-match"] == '"v1"'


# --- robots.txt --------------------------------------------------------------

def test_robots_disallow_obeyed_and_override(
    page_server: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    page_server.robots("User-agent: *\nDisallow: /private\n")
    page_server.route("/private/x", Reply(200, "secret"))
    page_server.route("/public", Reply(200, "hello"))

    async def go() -> list[FetchResult]:
        async with Fetcher(FAST) as f:
            return [await f.fetch(page_server.url("/private/x")), await f.fetch(page_server.url("/public")),
                    await f.fetch(page_server.url("/private/x"), robots=False)]

    with caplog.at_level(logging.INFO, logger="premiere_watch.fetch"):
        blocked, public, overridden = run(go())
    assert (blocked.status, blocked.reason, blocked.temporary) == ("failed", "blocked by robots.txt", False)
    assert public.status == "ok" and overridden.status == "ok"
    assert page_server.count("/private/x") == 1  # only the robots=False one
    assert page_server.count("/robots.txt") == 1  # cached per host
    assert any("robots.txt is off" in m and "/private/x" in m for m in caplog.messages)


def test_robots_5xx_allows_and_asks_again_later(page_server: PageServer) -> None:
    page_server.route("/robots.txt", Reply(503), Reply(200, "User-agent: *\nDisallow: /p\n",
                                                       content_type="text/plain"))
    page_server.route("/p", Reply(200, "ok"))
    fake = FakeTime()

    async def go() -> list[FetchResult]:
        async with fetcher(FAST, fake) as f:
            first = await f.fetch(page_server.url("/p"))
            second = await f.fetch(page_server.url("/p"))
            fake.offset += 601  # past the robots retry interval
            return [first, second, await f.fetch(page_server.url("/p"))]

    first, second, third = run(go())
    assert first.ok and second.ok
    assert third.reason == "blocked by robots.txt"
    assert page_server.count("/robots.txt") == 2  # not retried at once, asked again later
    assert page_server.count("/p") == 2


@pytest.mark.parametrize("code", [401, 403, 404, 410])
def test_robots_4xx_means_allow_all(page_server: PageServer, code: int) -> None:
    page_server.route("/robots.txt", Reply(code))
    page_server.route("/p", Reply(200, "ok"))

    async def go() -> list[FetchResult]:
        async with Fetcher(FAST) as f:
            return [await f.fetch(page_server.url("/p")) for _ in range(2)]

    assert all(r.ok for r in run(go()))
    assert page_server.count("/robots.txt") == 1  # the "allow all" is cached too


def test_robots_429_allows_but_asks_again(page_server: PageServer) -> None:
    page_server.route("/robots.txt", Reply(429), Reply(404))
    page_server.route("/p", Reply(200, "ok"))
    fake = FakeTime()

    async def go() -> list[FetchResult]:
        async with fetcher(FAST, fake) as f:
            first = await f.fetch(page_server.url("/p"))
            fake.offset += 601
            return [first, await f.fetch(page_server.url("/p"))]

    assert all(r.ok for r in run(go()))
    assert page_server.count("/robots.txt") == 2


def test_robots_crawl_delay_raises_host_delay(page_server: PageServer) -> None:
    page_server.robots("User-agent: premiere-watch\nCrawl-delay: 7\n")
    page_server.route("/p", Reply(200, "ok"))
    fake = FakeTime()

    async def go() -> None:
        async with fetcher(FAST, fake) as f:
            await f.fetch(page_server.url("/p"))
            await f.fetch(page_server.url("/p"))

    run(go())
    assert sum(1 for s in fake.sleeps if 6.5 < s <= 7.0) == 2, fake.sleeps  # after robots, between pages


# --- conditional requests ----------------------------------------------------

def test_second_fetch_is_conditional_and_304_is_not_modified(page_server: PageServer) -> None:
    validators = {"ETag": '"abc"', "Last-Modified": "Wed, 01 Oct 2025 10:00:00 GMT"}

    def answer(req: LoggedRequest) -> Reply:
        if req.headers.get("if-none-match") == '"abc"':
            return Reply(304, headers={"ETag": '"abc"'})
        return Reply(200, "<p>v1</p>", headers=validators)

    page_server.route("/p", Reply(handler=answer))

    async def go() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(FAST) as f:
            first = await f.fetch(page_server.url("/p"))
            return first, await f.fetch(page_server.url("/p"), etag=first.etag,
                                        last_modified=first.last_modified)

    first, second = run(go())
    assert first.status == "ok" and first.etag == '"abc"' and first.last_modified is not None
    assert (second.status, second.status_code, second.content) == ("not_modified", 304, b"")
    assert second.etag == '"abc"' and second.last_modified == first.last_modified
    sent = page_server.requests("/p")[1].headers
    assert sent["if-none-match"] == '"abc"' and sent["if-modified-since"] == first.last_modified


def test_304s_and_small_errors_keep_the_connection(page_server: PageServer) -> None:
    """A warm pass reuses one connection per host instead of reconnecting per source."""
    page_server.route("/a", Reply(304, headers={"ETag": '"a"'}))
    page_server.route("/gone", Reply(404, "not here"))

    async def go() -> None:
        async with Fetcher(FAST) as f:
            for path in ("/a", "/a", "/gone", "/a"):
                await f.fetch(page_server.url(path), etag='"a"')

    run(go())
    ports = {r.port for r in page_server.requests() if r.path != "/robots.txt"}
    assert len(ports) == 1, ports


# --- politeness --------------------------------------------------------------

def test_one_host_never_overlaps_with_host_concurrency_1(page_server: PageServer) -> None:
    page_server.route("/p", Reply(200, "ok", delay=0.05))
    urls = [page_server.url(f"/p?i={i}") for i in range(10)]

    async def go() -> list[FetchResult]:
        async with Fetcher(FetchSettings(host_delay=0, host_concurrency=1)) as f:
            return list(await asyncio.gather(*(f.fetch(u) for u in urls)))

    assert all(r.ok for r in run(go()))
    page_server.wait_idle()
    reqs = sorted(page_server.requests("/p"), key=lambda r: r.start)
    assert len(reqs) == 10
    for before, after in itertools.pairwise(reqs):
        assert before.end is not None and after.start >= before.end - 0.005


def test_per_call_host_concurrency_allows_overlap(page_server: PageServer) -> None:
    page_server.route("/p", Reply(200, "ok", delay=0.3))

    async def go() -> None:
        async with Fetcher(FetchSettings(host_delay=0, robots=False)) as f:
            await asyncio.gather(*(f.fetch(page_server.url(f"/p?{i}"), host_concurrency=2) for i in range(2)))

    t0 = time.monotonic()
    run(go())
    assert time.monotonic() - t0 < 0.55


def test_host_delay_spaces_request_starts(page_server: PageServer) -> None:
    page_server.route("/p", Reply(200, "ok"))

    async def go() -> None:
        async with Fetcher(FetchSettings(host_delay=0.2, robots=False)) as f:
            await asyncio.gather(*(f.fetch(page_server.url(f"/p?{i}")) for i in range(4)))

    run(go())
    starts = sorted(r.start for r in page_server.requests("/p"))
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 4 and min(gaps) >= 0.18, gaps


def test_per_call_host_delay_wins(page_server: PageServer) -> None:
    page_server.route("/p", Reply(200, "ok"))
    fake = FakeTime()

    async def go() -> None:
        async with fetcher(FetchSettings(host_delay=30, robots=False), fake) as f:
            await f.fetch(page_server.url("/p"), host_delay=5)
            await f.fetch(page_server.url("/p"), host_delay=5)

    run(go())
    assert len(fake.sleeps) == 1 and 4.5 < fake.sleeps[0] <= 5


def test_different_hosts_proceed_in_parallel(page_server_factory: Callable[[], PageServer]) -> None:
    a, b = page_server_factory(), page_server_factory()
    for server in (a, b):
        server.route("/p", Reply(200, "ok", delay=1.0))  # long enough to overlap on a busy machine

    async def go() -> list[FetchResult]:
        async with Fetcher(FetchSettings(host_delay=0, robots=False)) as f:
            return list(await asyncio.gather(f.fetch(a.url("/p")), f.fetch(b.url("/p"))))

    assert all(r.ok for r in run(go()))
    # (The client may have the last byte before the server's thread logs the request's end.)
    a.wait_idle()
    b.wait_idle()
    # The two slow requests overlapped in time (asserting wall time would be flaky on a busy machine).
    (ra,), (rb,) = a.requests("/p"), b.requests("/p")
    assert ra.start < (rb.end or 0) and rb.start < (ra.end or 0)


def test_cancelled_fetch_gives_its_host_slot_back(page_server: PageServer) -> None:
    page_server.route("/slow", Reply(200, "late", delay=1.0))
    page_server.route("/fast", Reply(200, "ok"))

    async def go() -> tuple[FetchResult, float]:
        async with Fetcher(FetchSettings(host_delay=0, robots=False)) as f:
            slow = asyncio.create_task(f.fetch(page_server.url("/slow")))
            await asyncio.sleep(0.1)
            slow.cancel()
            t0 = time.monotonic()
            return await f.fetch(page_server.url("/fast")), time.monotonic() - t0

    r, took = run(go())
    assert r.ok and took < 0.5


# --- conveniences and hygiene -------------------------------------------------

def test_get_json(page_server: PageServer) -> None:
    page_server.route("/api", Reply(200, '{"name": "Dune"}', content_type="application/json"))
    page_server.route("/bad", Reply(200, "{nope", content_type="application/json"))

    async def go() -> tuple[tuple[FetchResult, Any], tuple[FetchResult, Any]]:
        async with Fetcher(FAST) as f:
            return await f.get_json(page_server.url("/api")), await f.get_json(page_server.url("/bad"))

    (ok, data), (bad, none) = run(go())
    assert ok.ok and data == {"name": "Dune"}
    assert page_server.requests("/api")[0].headers["accept"] == "application/json"
    assert bad.status == "failed" and not bad.temporary and none is None


def test_redact_url_masks_secrets() -> None:
    assert (redact_url("https://u:pw@api.example/v3?api_key=abc&q=dune&access_token=t&page=2")
            == "https://****@api.example/v3?api_key=****&q=dune&access_token=****&page=2")
    assert redact_url("http://x/p") == "http://x/p"
    assert redact_url("https://x/cb#access_token=abc&state=1") == "https://x/cb#access_token=****&state=1"
    assert redact_url("https://x/?apiKey=abc&TOKEN=t&monkey=1") == "https://x/?apiKey=****&TOKEN=****&monkey=****"


def test_logs_never_show_api_keys(page_server: PageServer, caplog: pytest.LogCaptureFixture) -> None:
    page_server.route("/api", Reply(503))
    with caplog.at_level(logging.DEBUG, logger="premiere_watch.fetch"):
        r = run(fetch_one(FetchSettings(host_delay=0, backoff=0.01, retries=1, robots=False),
                          page_server.url("/api?api_key=TOPSECRET&q=x")))
    assert r.status == "failed"
    assert caplog.messages and not any("TOPSECRET" in m for m in caplog.messages)


def test_sends_user_agent_and_accept(page_server: PageServer) -> None:
    page_server.route("/p", Reply(200, "ok"))
    run(fetch_one(FAST, page_server.url("/p")))
    sent = page_server.requests("/p")[0].headers
    assert sent["user-agent"] == FetchSettings().user_agent and "text/html" in sent["accept"]
    assert page_server.requests("/robots.txt")[0].headers["user-agent"] == FetchSettings().user_agent


def test_stats_count_requests(page_server: PageServer) -> None:
    page_server.route("/p", Reply(503), Reply(200, "12345"))

    async def go() -> Fetcher:
        async with Fetcher(FAST) as f:
            await f.fetch(page_server.url("/p"))
            return f

    stats = run(go()).stats
    assert stats.requests == 3 and stats.robots_fetches == 1 and stats.retries == 1
    assert stats.by_code == {404: 1, 503: 1, 200: 1}  # robots.txt, then the page twice
    assert stats.by_status == {"ok": 1} and stats.bytes_received >= 5


def test_byte_order_mark_beats_a_missing_charset_and_is_not_part_of_the_text(page_server: PageServer) -> None:
    page_server.route("/bom", Reply(200, codecs.BOM_UTF8 + b'{"a": "\xc3\xa9"}', content_type="application/json"))
    page_server.route("/u16", Reply(200, "<p>é</p>".encode("utf-16"), content_type="text/html"))

    async def go() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(FAST) as f:
            return await f.fetch(page_server.url("/bom")), await f.fetch(page_server.url("/u16"))

    bom, u16 = run(go())
    assert bom.text() == '{"a": "é"}'
    assert u16.encoding and u16.encoding.startswith("utf-16") and u16.text() == "<p>é</p>"
