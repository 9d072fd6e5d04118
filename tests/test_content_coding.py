"""Content-Encoding against a real local server: bombs stay small, one layer only (issue 14 item 1).

Peak memory is measured with ``tracemalloc`` around the fetch: every byte
zlib and httpx allocate for the body is a traced Python allocation, and the
page server sends only the small compressed body.
"""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
import zlib
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import pytest

from bombs import gzip_bomb
from premiere_watch.content_coding import ContentCodingError, decoder_for
from premiere_watch.fetch import Fetcher, FetchResult, FetchSettings
from servers import PageServer, Reply

T = TypeVar("T")
MB = 1_000_000
FAST = FetchSettings(host_delay=0.0, backoff=0.01, timeout=10.0, retries=0)
PAGE = b"<html><body><p>Narcos season 2 premieres on Friday, September 2, 2016.</p></body></html>"


def peak_memory(make: Callable[[], Coroutine[Any, Any, T]]) -> tuple[T, int]:
    """Run the coroutine; return its result and the peak bytes allocated while it ran."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = asyncio.run(make())
        return result, tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def encoded(body: bytes, coding: str) -> Reply:
    return Reply(200, body, headers={"Content-Encoding": coding})


async def fetch_all(settings: FetchSettings, *urls: str) -> list[FetchResult]:
    async with Fetcher(settings) as f:
        return list(await asyncio.gather(*(f.fetch(u) for u in urls)))


# --- the bombs of the issue ----------------------------------------------------


def test_stacked_gzip_bomb_page_is_refused_with_memory_near_nothing(page_server: PageServer) -> None:
    bomb = gzip_bomb(2)
    assert len(bomb) < 3_000
    page_server.route("/bomb", encoded(bomb, "gzip, gzip"))
    [r], peak = peak_memory(lambda: fetch_all(FAST, page_server.url("/bomb")))
    assert (r.status, r.temporary) == ("failed", False)
    assert r.reason == "Content-Encoding gzip, gzip refused: more than one layer of compression"
    assert peak < 100 * MB, f"peak {peak / MB:.0f} MB"


def test_one_gzip_layer_of_a_gibibyte_stops_at_the_cap(page_server: PageServer) -> None:
    page_server.route("/bomb", encoded(gzip_bomb(1), "gzip"))
    [r], peak = peak_memory(lambda: fetch_all(FAST, page_server.url("/bomb")))
    assert (r.status, r.reason, r.temporary) == ("failed", "body over 5 MB cap", False)
    assert peak < 100 * MB, f"peak {peak / MB:.0f} MB"


def test_eight_bombs_at_once_stay_bounded(page_server_factory: Callable[[], PageServer]) -> None:
    # concurrency 8 was an out-of-memory kill; each fetch now holds at most max_bytes.
    servers = [page_server_factory() for _ in range(8)]
    for i, server in enumerate(servers):
        server.route("/bomb", encoded(gzip_bomb(1), "gzip") if i % 2 else encoded(gzip_bomb(2), "gzip, gzip"))
    settings = FetchSettings(host_delay=0.0, timeout=10.0, retries=0, concurrency=8)
    results, peak = peak_memory(lambda: fetch_all(settings, *(s.url("/bomb") for s in servers)))
    assert [r.status for r in results] == ["failed"] * 8
    assert peak < 100 * MB, f"peak {peak / MB:.0f} MB"


@pytest.mark.parametrize("layers, coding", [(2, "gzip, gzip"), (1, "gzip")])
def test_a_bomb_as_robots_txt_stays_small_and_the_page_is_read(page_server: PageServer, layers: int,
                                                                coding: str) -> None:
    # Two layers: refused, so "no robots.txt"; one layer: cut at robots.txt's own cap (500 KiB).
    page_server.route("/robots.txt", Reply(200, gzip_bomb(layers), content_type="text/plain",
                                           headers={"Content-Encoding": coding}))
    page_server.route("/p", PAGE)
    settings = FetchSettings(host_delay=0.0, timeout=10.0, retries=0, robots=True)
    [r], peak = peak_memory(lambda: fetch_all(settings, page_server.url("/p")))
    assert r.status == "ok" and r.content == PAGE
    assert page_server.count("/robots.txt") == 1
    assert peak < 100 * MB, f"peak {peak / MB:.0f} MB"


def test_small_error_page_bomb_is_drained_without_decoding(page_server: PageServer) -> None:
    # A 404 under the drain limit is read to reuse the connection: raw, never inflated.
    page_server.route("/gone", Reply(404, gzip_bomb(2), headers={"Content-Encoding": "gzip, gzip"}))
    [r], peak = peak_memory(lambda: fetch_all(FAST, page_server.url("/gone")))
    assert (r.status, r.reason) == ("failed", "HTTP 404")
    assert peak < 100 * MB, f"peak {peak / MB:.0f} MB"


# --- ordinary codings still work ----------------------------------------------------


@pytest.mark.parametrize("coding, body", [
    ("gzip", gzip.compress(PAGE)),
    ("x-gzip", gzip.compress(PAGE)),
    ("deflate", zlib.compress(PAGE)),  # RFC 9110: zlib-wrapped
    ("deflate", zlib.compress(PAGE, wbits=-15)),  # raw deflate, as some servers send it
    ("identity", PAGE),
    ("gzip, identity", gzip.compress(PAGE)),
    ("GZIP", gzip.compress(PAGE)),
])
def test_one_layer_is_decoded(page_server: PageServer, coding: str, body: bytes) -> None:
    page_server.route("/p", encoded(body, coding))
    [r] = asyncio.run(fetch_all(FAST, page_server.url("/p")))
    assert r.status == "ok" and r.content == PAGE


def test_multi_member_gzip_is_read_whole_and_trailing_garbage_ignored(page_server: PageServer) -> None:
    body = gzip.compress(PAGE[:40]) + gzip.compress(PAGE[40:]) + b"\0\0garbage"
    page_server.route("/p", encoded(body, "gzip"))
    [r] = asyncio.run(fetch_all(FAST, page_server.url("/p")))
    assert r.status == "ok" and r.content == PAGE


def test_big_gzip_page_under_the_cap_is_read_across_many_chunks(page_server: PageServer) -> None:
    page = b"<p>" + bytes(range(256)) * 16_000 + b"</p>"  # 4 MB, poorly compressible runs
    page_server.route("/p", Reply(200, gzip.compress(page), chunked=True, chunk_size=4096,
                                  headers={"Content-Encoding": "gzip"}))
    [r] = asyncio.run(fetch_all(FAST, page_server.url("/p")))
    assert r.status == "ok" and r.content == page


def test_we_ask_only_for_codings_we_can_bound(page_server: PageServer) -> None:
    page_server.route("/p", PAGE)
    asyncio.run(fetch_all(FAST, page_server.url("/p")))
    assert page_server.requests("/p")[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("coding, reason", [
    ("br", "Content-Encoding br not supported (asked for gzip, deflate)"),
    ("compress", "Content-Encoding compress not supported (asked for gzip, deflate)"),
    ("deflate, gzip", "Content-Encoding deflate, gzip refused: more than one layer of compression"),
])
def test_codings_we_did_not_ask_for_are_permanent_failures(page_server: PageServer, coding: str,
                                                             reason: str) -> None:
    page_server.route("/p", encoded(gzip.compress(PAGE), coding))
    [r] = asyncio.run(fetch_all(FAST, page_server.url("/p")))
    assert (r.status, r.reason, r.temporary) == ("failed", reason, False)


def test_corrupt_gzip_is_a_failure_not_a_crash(page_server: PageServer) -> None:
    page_server.route("/p", encoded(b"\x1f\x8b\x08\x00garbage-not-deflate" * 10, "gzip"))
    [r] = asyncio.run(fetch_all(FAST, page_server.url("/p")))
    assert r.status == "failed" and r.reason.startswith("body is not valid gzip")
    assert "internal error" not in r.reason


def test_decoder_never_yields_more_than_the_room_it_is_given() -> None:
    decoder = decoder_for(["gzip"])
    pieces = list(decoder.decode(gzip_bomb(1)[:200_000], 300_000))
    assert sum(map(len, pieces)) == 300_000 and max(map(len, pieces)) <= 65_536
    with pytest.raises(ContentCodingError):
        decoder_for(["gzip", "gzip"])
