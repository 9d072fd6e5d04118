"""The HTTP client floor: N conditional GETs that all get 304, nothing else.

    python benchmarks/_floor.py --port P --n N [--concurrency 8] [--client httpx|httpx-aiohttp|aiohttp]

No politeness, robots.txt, parsing or storage: the least a Python asyncio
client can spend on a warm pass, to read premiere-watch's warm pass against.
Run it with any interpreter that has the client (``httpx-aiohttp`` and
``aiohttp`` are not project dependencies: use a scratch virtualenv).
Prints ``FLOOR <seconds> <304s>`` on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable


async def _run(n: int, concurrency: int, get: Callable[[int], Awaitable[int]]) -> tuple[float, int]:
    gate = asyncio.Semaphore(concurrency)
    codes: list[int] = []

    async def one(i: int) -> None:
        async with gate:
            codes.append(await get(i))

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(n)))
    return time.perf_counter() - started, sum(c == 304 for c in codes)


async def main_async(port: int, n: int, concurrency: int, client: str) -> tuple[float, int]:
    base = f"http://127.0.0.1:{port}/p/"

    def etag(i: int) -> str:
        return f'"p{i}-v0"'  # the site's validators before any bump

    if client == "aiohttp":
        import aiohttp  # type: ignore[import-not-found,unused-ignore]  # scratch venv only

        conn = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=conn) as session:

            async def get_aiohttp(i: int) -> int:
                async with session.get(base + str(i), headers={"If-None-Match": etag(i)}) as resp:
                    await resp.read()
                    return int(resp.status)

            return await _run(n, concurrency, get_aiohttp)

    import httpx

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    transport: httpx.AsyncBaseTransport | None = None
    if client == "httpx-aiohttp":
        from httpx_aiohttp import AiohttpTransport  # type: ignore[import-not-found,unused-ignore]

        transport = AiohttpTransport()
    async with httpx.AsyncClient(limits=limits, transport=transport, trust_env=False) as http:

        async def get_httpx(i: int) -> int:
            resp = await http.get(base + str(i), headers={"If-None-Match": etag(i)})
            return resp.status_code

        return await _run(n, concurrency, get_httpx)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--client", choices=("httpx", "httpx-aiohttp", "aiohttp"), default="httpx")
    args = ap.parse_args()
    seconds, not_modified = asyncio.run(main_async(args.port, args.n, args.concurrency, args.client))
    print(f"FLOOR {seconds:.4f} {not_modified}", flush=True)


if __name__ == "__main__":
    main()
