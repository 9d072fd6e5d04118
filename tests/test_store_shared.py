"""What a database shared by many processes adds to the store contract (PostgreSQL).

Each ``open_store`` here stands for another process: reads of one source
exclude each other, deliveries are claimed once and leased, a dead holder's
claims and locks pass on at once, and a watch's facts have one writer at a time.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from collections.abc import Callable

import pytest

from premiere_watch.dates import FuzzyDate
from premiere_watch.facts import Facts
from premiere_watch.model import Event
from premiere_watch.store import DELIVERY_LEASE, Store, StoreError, open_store

pytestmark = pytest.mark.anyio

NOW = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.UTC)

HOLD_A_READ = """
import asyncio, sys
from premiere_watch.store import open_store

async def main():
    store = await open_store(sys.argv[1])
    async with store.reading("src-c") as mine:
        assert mine
        print("reading", flush=True)
        await asyncio.sleep(600)

asyncio.run(main())
"""


def event(n: int, watch: str = "narcos#s2") -> Event:
    return Event("premiere_announced", watch, "Narcos S2", new=f"2025-03-{n:02d}")


async def test_a_source_is_read_by_one_process_at_a_time_and_a_dead_reader_frees_it(
    postgres_database: Callable[[], str], anyio_backend: str,
) -> None:
    url = postgres_database()
    one, two = await open_store(url), await open_store(url)
    try:
        async with one.reading("src-a") as mine:
            assert mine
            async with two.reading("src-a") as theirs:
                assert not theirs
            async with two.reading("src-b") as other:
                assert other  # another source is free
        async with two.reading("src-a") as theirs:
            assert theirs  # released after the read
        # A process SIGKILLed mid-read frees the source at once: its connection dies with it.
        dying = await asyncio.create_subprocess_exec(
            sys.executable, "-c", HOLD_A_READ, url, stdout=asyncio.subprocess.PIPE)
        assert dying.stdout is not None
        assert await asyncio.wait_for(dying.stdout.readline(), 30) == b"reading\n"
        async with two.reading("src-c") as theirs:
            assert not theirs
        dying.kill()
        await dying.wait()
        for _ in range(50):  # the server notices the closed socket within moments
            async with two.reading("src-c") as theirs:
                if theirs:
                    break
            await asyncio.sleep(0.1)
        assert theirs
    finally:
        await one.close()
        await two.close()


async def test_deliveries_are_claimed_once_and_a_target_stays_with_its_sender(
    postgres_database: Callable[[], str], anyio_backend: str,
) -> None:
    url = postgres_database()
    one, two = await open_store(url), await open_store(url)
    try:
        await one.enqueue([event(1), event(2)], {"narcos#s2": [("fans", 0), ("fans", 1)]}, NOW)
        first = await one.claim_deliveries(NOW)
        assert [(d.target, d.status) for d in first] == [(0, "sending"), (1, "sending"), (0, "sending"),
                                                          (1, "sending")]
        assert await two.claim_deliveries(NOW) == []  # leased to a live process
        # One sent, one failed back to the queue: target 0 is still being sent to by `one`,
        # so `two` leaves its alerts to it (per-target order); target 1 is free again.
        await one.mark_sending([first[0].id], NOW)
        await one.mark_sent([first[0].id], NOW)
        await one.mark_failed(first[1].id, "HTTP 500", NOW, NOW)
        await one.mark_failed(first[3].id, "waiting: behind", NOW, NOW)
        assert [(d.target, d.event.new) for d in await two.claim_deliveries(NOW)] == [
            (1, "2025-03-01"), (1, "2025-03-02")]
        # Leases lapse: after DELIVERY_LEASE every row still 'sending' may be claimed again.
        lapsed = await two.claim_deliveries(NOW + DELIVERY_LEASE + dt.timedelta(seconds=1))
        assert [(d.target, d.event.new) for d in lapsed] == [(1, "2025-03-01"), (0, "2025-03-02"), (1, "2025-03-02")]
    finally:
        await one.close()
        await two.close()


async def test_a_dead_claimants_deliveries_are_claimable_at_once(
    postgres_database: Callable[[], str], anyio_backend: str,
) -> None:
    url = postgres_database()
    dying, survivor = await open_store(url), await open_store(url)
    try:
        await dying.enqueue([event(1)], {"narcos#s2": [("fans", 0)]}, NOW)
        (claimed,) = await dying.claim_deliveries(NOW)
        await dying.mark_sending([claimed.id], NOW)
        await dying.close()  # killed while sending: its presence lock goes with its connection
        # The server ends the closed session a moment later on a loaded machine: poll briefly.
        got = await survivor.claim_deliveries(NOW)
        for _ in range(50):
            if got:
                break
            await asyncio.sleep(0.1)
            got = await survivor.claim_deliveries(NOW)
        (again,) = got
        assert (again.id, again.attempts) == (claimed.id, 1)
    finally:
        await survivor.close()


async def test_facts_of_one_watch_have_one_writer_at_a_time(
    postgres_database: Callable[[], str], anyio_backend: str,
) -> None:
    url = postgres_database()
    one, two = await open_store(url), await open_store(url)
    order: list[str] = []
    try:
        await one.save_facts("w", Facts(), NOW)
        entered = asyncio.Event()

        async def first() -> None:
            async with one.transaction():
                await one.lock_watches(["w"])
                facts = await one.facts("w", for_update=True)
                assert facts == Facts()
                entered.set()
                await asyncio.sleep(0.3)
                await one.save_facts("w", Facts(premiere=FuzzyDate.parse("2025")), NOW)
                order.append("first")

        async def second() -> None:
            await entered.wait()
            async with two.transaction():
                await two.lock_watches(["w"])
                facts = await two.facts("w", for_update=True)  # waits for first, then sees its write
                order.append("second")
                assert facts is not None and facts.premiere == FuzzyDate.parse("2025")

        await asyncio.gather(first(), second())
        assert order == ["first", "second"]
    finally:
        await one.close()
        await two.close()


async def test_an_unreachable_server_is_a_store_error(anyio_backend: str) -> None:
    with pytest.raises(StoreError, match=r"127\.0\.0\.1"):
        await open_store("postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")


async def test_a_newer_schema_is_refused(postgres_database: Callable[[], str], anyio_backend: str) -> None:
    url = postgres_database()
    store: Store = await open_store(url)
    from premiere_watch.store.postgres import MIGRATIONS, PostgresBackend

    assert isinstance(store.backend, PostgresBackend)
    async with store.backend.pool.connection() as conn:
        await conn.execute("INSERT INTO premiere_watch_schema (version) VALUES (%s)", (len(MIGRATIONS) + 1,))
    await store.close()
    with pytest.raises(StoreError, match="upgrade premiere-watch"):
        await open_store(url)
