"""The HTTP client floor: N conditional GETs that all get 304, nothing else.

    python benchmarks/_floor.py --urls FILE [--concurrency 8] [--client httpx|httpx-aiohttp|aiohttp]

No politeness, robots.txt, parsing or storage: the least a Python asyncio
client can spend on a warm pass, to read premiere-watch's warm pass against.
``--urls`` holds one ``URL ETAG`` line per page.  ``httpx`` is httpx over
its own httpcore transport; ``httpx-aiohttp`` the library's aiohttp transport,
which premiere-watch uses (with its own error mapping, ``transport.py``).
Prints ``FLOOR <seconds> <304s>`` on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable

Page = tuple[str, str]  # URL, ETag


async def _run(pages: list[Page], concurrency: int, get: Callable[[Page], Awaitable[int]]) -> tuple[float, int]:
    gate = asyncio.Semaphore(concurrency)
    codes: list[int] = []

    async def one(page: Page) -> None:
        async with gate:
            codes.append(await get(page))

    started = time.perf_counter()
    await asyncio.gather(*(one(p) for p in pages))
    return time.perf_counter() - started, sum(c == 304 for c in codes)


async def main_async(pages: list[Page], concurrency: int, client: str) -> tuple[float, int]:
    if client == "aiohttp":
        import aiohttp

        conn = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=conn) as session:

            async def get_aiohttp(page: Page) -> int:
                async with session.get(page[0], headers={"If-None-Match": page[1]}) as resp:
                    await resp.read()
                    return int(resp.status)

            return await _run(pages, concurrency, get_aiohttp)

    import httpx

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    transport: httpx.AsyncBaseTransport | None = None
    if client == "httpx-aiohttp":
        from httpx_aiohttp import AiohttpTransport

        transport = AiohttpTransport(limits=limits)
    async with httpx.AsyncClient(limits=limits, transport=transport, trust_env=False) as http:

        async def get_httpx(page: Page) -> int:
            resp = await http.get(page[0], headers={"If-None-Match": page[1]})
            return resp.status_code

        return await _run(pages, concurrency, get_httpx)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", required=True, help="a file of 'URL ETAG' lines")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--client", choices=("httpx", "httpx-aiohttp", "aiohttp"), default="httpx")
    args = ap.parse_args()
    with open(args.urls) as f:
        pages = [(url, etag) for url, etag in (line.split(" ", 1) for line in f.read().splitlines() if line)]
    seconds, not_modified = asyncio.run(main_async(pages, args.concurrency, args.client))
    print(f"FLOOR {seconds:.4f} {not_modified}", flush=True)


if __name__ == "__main__":
    main()
