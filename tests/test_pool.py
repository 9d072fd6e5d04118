"""Pages read in worker processes: the same results, and one page's crash stays that page's.

The worker processes are real (forkserver); what they run is the real
``read_page`` behind a thin wrapper that crashes or raises on a marked page.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from premiere_watch.config import load
from premiere_watch.model import Target
from premiere_watch.notify import MemoryTransport
from premiere_watch.pipeline import Pipeline
from premiere_watch.pool import PageReader, ReaderCrashed
from premiere_watch.reading import PageJob, PageRead, read_page
from premiere_watch.store import open_store
from servers import PageServer

NARCOS = Target("Narcos", 2)


def article(title: str, date: str, marker: str = "") -> str:
    return ("<html><head><meta property='article:published_time' content='2016-06-07'></head><body><article>"
            f"<h1>{title} season 2 gets a date</h1><p>Netflix announced that {title} season 2 will premiere on "
            f"{date}.</p><p>{marker}</p></article></body></html>")


def job(html: str, target: Target = NARCOS) -> PageJob:
    return PageJob(html.encode(), "http://127.0.0.1/a", "utf-8", (target,), "http://127.0.0.1/a")


def with_pid(job: PageJob) -> PageRead:
    """Which process read the page, in place of its digest."""
    return PageRead(str(os.getpid()), read_page(job).observations)


def crashy(job: PageJob) -> PageRead:
    """read_page, except that a page saying so kills the process reading it, or raises."""
    if b"KILL-THE-READER" in job.content:
        os._exit(70)  # what a segfault or the OOM killer looks like from outside: the process is gone
    if b"RAISE-IN-EXTRACTION" in job.content:
        raise ValueError("extraction bug on this page")
    return read_page(job)


def test_a_burst_is_read_in_worker_processes_with_the_same_results() -> None:
    pages = [job(article("Narcos", f"September {day}, 2016")) for day in range(1, 9)]

    async def go() -> list[PageRead]:
        reader = PageReader(workers=2, read=with_pid)
        try:
            return list(await asyncio.gather(*(reader.read(p) for p in pages)))
        finally:
            await reader.aclose()

    reads = asyncio.run(go())
    pids = [r.digest for r in reads]
    assert pids[0] == str(os.getpid())  # the first page of a burst is read here...
    assert str(os.getpid()) not in pids[1:] and 1 <= len(set(pids[1:])) <= 2  # ...the rest by two workers
    assert [r.observations for r in reads] == [read_page(p).observations for p in pages]
    assert reads[3].observations and reads[3].observations[0].extraction.confirmed is not None


def test_one_page_alone_never_starts_a_process() -> None:
    async def go() -> PageRead:
        reader = PageReader(workers=2, read=with_pid)
        try:
            return await reader.read(job(article("Narcos", "September 2, 2016")))
        finally:
            await reader.aclose()

    assert asyncio.run(go()).digest == str(os.getpid())


def test_a_dying_worker_fails_its_page_and_spares_the_others() -> None:
    good = [job(article("Narcos", f"September {day}, 2016")) for day in range(1, 7)]
    deadly = job(article("Narcos", "September 9, 2016", "KILL-THE-READER"))

    async def go() -> list[PageRead | BaseException]:
        reader = PageReader(workers=2, read=crashy)
        try:
            first = await asyncio.gather(*(reader.read(p) for p in [*good[:3], deadly, *good[3:]]),
                                         return_exceptions=True)
            after = await reader.read(good[0])  # a new pool serves the pages that come later
            return [*first, after]
        finally:
            await reader.aclose()

    results = asyncio.run(go())
    assert isinstance(results[3], ReaderCrashed)
    others = [r for i, r in enumerate(results) if i != 3]
    assert all(isinstance(r, PageRead) and r.observations for r in others), others


def test_a_crash_or_a_bug_in_extraction_fails_that_source_not_the_pass(tmp_path: Path,
                                                                        page_server: PageServer) -> None:
    page_server.route("/narcos", article("Narcos", "Friday, September 2, 2016"))
    page_server.route("/ozark", article("Ozark", "Friday, August 31, 2018", "KILL-THE-READER"))
    page_server.route("/dark", article("Dark", "Friday, June 21, 2019", "RAISE-IN-EXTRACTION"))
    page_server.route("/mindhunter", article("Mindhunter", "Friday, August 16, 2019"))
    body = "".join(f'[[watch]]\ntitle = "{t}"\nseason = 2\nsources = ["{page_server.url(p)}"]\n'
                   for t, p in (("Narcos", "/narcos"), ("Ozark", "/ozark"), ("Dark", "/dark"),
                                ("Mindhunter", "/mindhunter")))
    path = tmp_path / "watchlist.toml"
    path.write_text(f'[settings]\ndatabase = "state.db"\nhost_delay = "0s"\nretries = 0\n{body}')
    config = load(path, {})

    async def go() -> dict[str, tuple[str, str, int]]:
        reader = PageReader(2, read=crashy)
        # A burst is under way, so every page of the pass goes to the workers: read in
        # this process, the deadly page would take the test down with it.
        await reader.read(job(article("Narcos", "September 2, 2016")))
        async with await open_store(config.settings.database) as store:
            pipeline = Pipeline(config, store, transport=MemoryTransport(), reader=reader)
            try:
                report = await pipeline.check()
            finally:
                await pipeline.aclose()
        return {o.url.rsplit("/", 1)[1]: (o.status, o.reason, o.events) for o in report.outcomes}

    outcomes = asyncio.run(go())
    assert outcomes["narcos"][0] == outcomes["mindhunter"][0] == "ok"
    assert outcomes["narcos"][2] == outcomes["mindhunter"][2] == 1  # premiere announced
    status, reason, events = outcomes["ozark"]
    assert (status, events) == ("failed", 0) and "ReaderCrashed" in reason and "died" in reason
    status, reason, events = outcomes["dark"]
    assert (status, events) == ("failed", 0) and "ValueError: extraction bug on this page" in reason


@pytest.mark.parametrize("workers", [0, 2])
def test_an_unchanged_page_is_known_by_its_digest_wherever_it_is_read(workers: int) -> None:
    html = article("Narcos", "September 2, 2016")

    async def go() -> tuple[PageRead, PageRead]:
        reader = PageReader(workers)
        try:
            first = await reader.read(job(html))
            second = await reader.read(PageJob(html.encode(), "http://127.0.0.1/a", "utf-8", (NARCOS,),
                                               "http://127.0.0.1/a", known_digest=first.digest))
            return first, second
        finally:
            await reader.aclose()

    first, second = asyncio.run(go())
    assert first.observations and first.digest
    assert second == PageRead(first.digest, None)


CHILD = """
import asyncio
from premiere_watch.model import Target
from premiere_watch.pool import PageReader
from premiere_watch.reading import PageJob

async def main() -> None:
    reader = PageReader(2)
    job = PageJob(b"<html><body><p>Nothing yet.</p></body></html>", "http://x/", "utf-8", (Target("X", 2),),
                  "http://x/")
    await asyncio.gather(*(reader.read(job) for _ in range(4)))  # a burst: the workers run
    print("ready", flush=True)
    await asyncio.sleep(120)

asyncio.run(main())
"""


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                kids = {int(c) for c in task.read_text().split()}
                todo += kids - found
                found |= kids
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pidfd and /proc are Linux's")
def test_workers_do_not_outlive_a_killed_process() -> None:
    # kill -9 or the OOM killer: nothing runs to stop the pool, and an idle worker waits on a
    # pipe it holds both ends of. Workers watch the process they serve; the fork server then
    # has no client left, and multiprocessing's resource tracker no writer.
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        left = _descendants(proc.pid)
        assert len(left) >= 3  # the fork server and two workers (and multiprocessing's resource tracker)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 20
    while left and time.monotonic() < deadline:
        left = {pid for pid in left if Path(f"/proc/{pid}").exists()
                and "Z" not in (Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split() or ["Z"])[0]}
        time.sleep(0.1)
    assert not left, f"left running: {left}"


def test_a_reader_that_has_read_nothing_has_imported_no_process_pool() -> None:
    """A pass of 304s reads no page: its start-up does not import multiprocessing for the pool."""
    code = ("import sys; from premiere_watch.pipeline import Pipeline; from premiere_watch.pool import PageReader; "
            "PageReader(); print(sorted(m for m in sys.modules "
            "if m.startswith(('multiprocessing', 'concurrent.futures.process'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
