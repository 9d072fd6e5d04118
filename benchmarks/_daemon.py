"""Daemon memory check: many passes in ONE process must not grow its memory.

    python benchmarks/_daemon.py --config watchlist.toml --port P --passes 20 [--bump-every 10]

Runs a cold priming pass (pass 0), then ``--passes`` passes of
``Pipeline.check()`` with one store, fetcher and pipeline, as ``premiere-watch
run`` keeps them.  Before each pass the site rotates the rail of every
``--bump-every``-th page (new ETag, same article), so each pass also parses
and digests some pages instead of only taking 304s.  Prints ``RSS <pass>
<MB> <seconds> <RSS MB with workers> <PSS MB with workers>`` after every pass; the parent keeps 0, 1, 10 and 20.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import time
import urllib.request
from pathlib import Path

from premiere_watch.config import load
from premiere_watch.pipeline import Pipeline
from premiere_watch.store import open_store


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size now (not the peak): growth shows as a rising line."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # a worker that just exited
        pass
    return 0.0


def tree_mb() -> tuple[float, float]:
    """(RSS, PSS) of this process and all its descendants (the page reader's fork server and workers)."""
    rss = pss = 0.0
    todo = [str(os.getpid())]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError):  # a worker that just exited
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith(("Rss:", "Pss:")):
                    kb = int(line.split()[1]) / 1024
                    rss, pss = (rss + kb, pss) if line.startswith("Rss:") else (rss, pss + kb)
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo += task.read_text().split()
    return rss, pss


def _control(port: int, path: str) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy: 127.0.0.1 only
    with opener.open(f"http://127.0.0.1:{port}{path}", timeout=30) as resp:
        resp.read()


async def run(config_path: str, port: int, passes: int, bump_every: int) -> None:
    config = load(config_path)
    store = await open_store(config.settings.database)
    pipeline = Pipeline(config, store)
    try:
        for n in range(passes + 1):
            if n and bump_every:
                _control(port, f"/__bump?every={bump_every}")
            started = time.perf_counter()
            report = await pipeline.check()
            seconds = time.perf_counter() - started
            gc.collect()  # measure what is kept, not garbage not yet collected
            failed = len(report.failed)
            tree_rss, tree_pss = tree_mb()
            print(f"RSS {n} {rss_mb():.1f} {seconds:.3f} {tree_rss:.1f} {tree_pss:.1f} failed={failed}", flush=True)
    finally:
        await pipeline.aclose()
        await store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--bump-every", type=int, default=10)
    args = ap.parse_args()
    asyncio.run(run(args.config, args.port, args.passes, args.bump_every))


if __name__ == "__main__":
    main()
