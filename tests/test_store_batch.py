"""Batched commits of unchanged reads (``Store.batch``): cheaper, and nothing weaker.

Inside ``store.batch()`` a ``transaction(batched=True)`` may be committed with the
next ones (SQLite: one commit per ``BATCH_LIMIT`` unchanged reads of a pass instead
of one each).  What must hold whatever happens:

* a crash (SIGKILL) loses only the batched reads since the last commit, each whole:
  a source is either read (its check time, validators and read history) or not at all;
* a unit that queued an alert is committed when its transaction ends, batched or not,
  with the reads before it;
* a unit that fails is undone alone; the batch's other reads stay;
* everything is committed when the batch ends (and on a shared database nothing waits).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from premiere_watch.dates import FuzzyDate
from premiere_watch.model import DateClaim, Event, Extraction, Observation, Target
from premiere_watch.sources.base import SourceResult, SourceState
from premiere_watch.store import Store, open_store
from store_backends import Reopen

pytestmark = pytest.mark.anyio

NOW = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(hours=1)
NARCOS = Target("Narcos", season=2)


def source(i: int) -> str:
    return f"page:https://example.test/{i}"


def ok_result(i: int) -> SourceResult:
    ex = Extraction(NARCOS, confirmed=DateClaim(FuzzyDate.parse("2025-03-14"), "confirmed", "On 2025-03-14."))
    return SourceResult("ok", [Observation(NARCOS.key, f"https://example.test/{i}", ex)],
                        state=SourceState(f'"v{i}"', None, f"hash{i}", {}))


def unchanged(i: int) -> SourceResult:
    return SourceResult("unchanged", state=SourceState(f'"v{i}"', None, f"hash{i}", {}))


async def read_once(store: Store, n: int) -> None:
    """Sources 0..n-1 read once (committed), as a cold pass leaves them."""
    for i in range(n):
        await store.save_source_result(source(i), source(i), "page", ok_result(i), NOW)


def reads(path: Path) -> dict[str, tuple[str, int]]:
    """Per source: its last check time and how many reads its observation's history holds."""
    with sqlite3.connect(path) as db:
        checks = dict(db.execute("SELECT source_id, last_check FROM sources"))
        history = {sid: len(json.loads(h)) for sid, h in db.execute("SELECT source_id, history FROM observation_reads")}
    db.close()
    return {sid: (checks[sid], history[sid]) for sid in checks}


# The unit a pass commits per unchanged source: its read, in a batched transaction.
CHILD = textwrap.dedent("""
    import asyncio, datetime as dt, os, signal, sys
    sys.path[:0] = {paths!r}
    import premiere_watch.store.sqlite as sqlite_backend
    from premiere_watch.model import Event
    from premiere_watch.store import open_store
    from test_store_batch import LATER, NARCOS, source, unchanged

    sqlite_backend.BATCH_LIMIT = 3

    async def main():
        store = await open_store({path!r})
        async with store.batch():
            for i in range({units}):
                async with store.transaction(batched=True):
                    await store.save_source_result(source(i), source(i), "page", unchanged(i), LATER)
                    if i in {alert_at!r}:
                        await store.enqueue([Event("premiere_announced", NARCOS.key, NARCOS.label,
                                                   new="2025-03-14")], {{NARCOS.key: [("fans", 0)]}}, LATER)
            print("killing", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)  # mid-batch: no close, no commit

    asyncio.run(main())
""")


def kill_mid_batch(path: Path, units: int, alert_at: tuple[int, ...] = ()) -> None:
    paths = [str(Path(__file__).resolve().parent), *sys.path]
    code = CHILD.format(paths=paths, path=str(path), units=units, alert_at=alert_at)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "killing" in proc.stdout


async def test_a_crash_between_batches_loses_only_the_uncommitted_reads_each_whole(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    async with await open_store(path) as store:
        await read_once(store, 8)
    before = reads(path)

    kill_mid_batch(path, units=8)  # BATCH_LIMIT 3: reads 0-2 and 3-5 committed, 6 and 7 in the open batch

    after = reads(path)
    later = LATER.isoformat(timespec="microseconds")
    assert {sid: after[sid] for sid in map(source, range(6))} == {sid: (later, 2) for sid in map(source, range(6))}
    # The reads of the batch the kill cut short are gone whole: as if never made (the next pass reads them).
    assert {sid: after[sid] for sid in map(source, (6, 7))} == {sid: before[sid] for sid in map(source, (6, 7))}
    async with await open_store(path) as store:  # and the database is whole
        assert [s.source_id for s in await store.source_rows()] == sorted(map(source, range(8)))


async def test_an_alert_queued_in_a_batch_is_committed_when_its_transaction_ends(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    async with await open_store(path) as store:
        await read_once(store, 4)
    before = reads(path)

    kill_mid_batch(path, units=4, alert_at=(1,))  # read 1 queues an alert; reads 2 and 3 wait in the batch

    after = reads(path)
    later = LATER.isoformat(timespec="microseconds")
    assert [after[source(i)] for i in (0, 1)] == [(later, 2), (later, 2)]  # committed with the alert
    assert [after[source(i)] for i in (2, 3)] == [before[source(i)] for i in (2, 3)]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT kind, watch FROM events").fetchall() == [("premiere_announced", NARCOS.key)]
        assert db.execute("SELECT notifier, status FROM deliveries").fetchall() == [("fans", "pending")]
    db.close()


async def test_a_failing_unit_in_a_batch_is_undone_alone_and_the_batch_commits_at_its_end(
        store: Store, reopen: Reopen) -> None:
    await read_once(store, 3)
    async with store.batch():
        for i in range(3):
            with pytest.raises(RuntimeError) if i == 1 else contextlib.nullcontext():
                async with store.transaction(batched=True):
                    await store.save_source_result(source(i), source(i), "page", unchanged(i), LATER)
                    if i == 1:
                        raise RuntimeError("a bug while storing read 1")
    other = await reopen()  # another connection: sees only what was committed
    try:
        rows = {row.source_id: row for row in await other.source_rows()}
        assert [rows[source(i)].last_check for i in range(3)] == [LATER, NOW, LATER]
        assert [rows[source(i)].last_result for i in range(3)] == ["unchanged", "ok", "unchanged"]
        history = {o.source_id: len(o.history) for o in await other.observations(NARCOS.key)}
        assert history == {source(0): 2, source(1): 1, source(2): 2}
    finally:
        await other.close()


async def test_a_transaction_that_is_not_batched_commits_the_batch_before_it_returns(
        store: Store, reopen: Reopen) -> None:
    await read_once(store, 2)
    async with store.batch():
        async with store.transaction(batched=True):
            await store.save_source_result(source(0), source(0), "page", unchanged(0), LATER)
        await store.set_next_due(source(1), LATER)  # any other write: durable when it returns
        other = await reopen()
        try:
            rows = {row.source_id: row for row in await other.source_rows()}
            assert (rows[source(0)].last_check, rows[source(1)].next_due) == (LATER, LATER)
        finally:
            await other.close()


async def test_events_outside_and_inside_a_batch_are_recorded_once(store: Store) -> None:
    await read_once(store, 1)
    event = Event("premiere_announced", NARCOS.key, NARCOS.label, new="2025-03-14")
    async with store.batch():
        for _ in range(2):
            async with store.transaction(batched=True):
                await store.enqueue([event], {NARCOS.key: [("fans", 0)]}, LATER)
    assert len(await store.history(NARCOS.key)) == 1
    assert (await store.backlog(LATER)).pending == 1
