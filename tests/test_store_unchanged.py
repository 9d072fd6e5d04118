"""What a pass stores for a source that has not changed (every page a 304), on each backend.

A warm pass is mostly unchanged reads, so each costs few statements (benchmarks/README.md):
on SQLite one read before the fetch and, for the whole batch, the held bookkeeping writes
(``SqliteBackend._execute_later``) run together before the commit; on PostgreSQL, which
commits each read alone, the source's state, failures and histories are read in one statement.
What must not change: every source's check, validators and read history are recorded,
facts and alerts are what they were, and a crash loses at most the reads not yet committed,
each whole (tests/test_store_batch.py kills a process mid-batch).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from premiere_watch.config import load
from premiere_watch.notify import MemoryTransport
from premiere_watch.pipeline import Pipeline
from premiere_watch.store import Store, open_store
from servers import PageServer, Reply
from store_backends import Reopen

pytestmark = pytest.mark.anyio

SERIES = ("Narcos", "Ozark")
PAGES = 6  # per series


def page(title: str, i: int) -> str:
    return (f"<html><body><article><h1>{title} season 2</h1><p>Netflix announced that {title} season 2 "
            f"will premiere on Friday, September 2, 2016.</p><p>Page {i}.</p></article></body></html>")


@pytest.fixture
def site(page_server: PageServer) -> PageServer:
    def answer(etag: str, body: str) -> Reply:
        def handler(req: Any) -> Reply:
            if req.headers.get("if-none-match") == etag:
                return Reply(304, headers={"ETag": etag})
            return Reply(200, body, headers={"ETag": etag})
        return Reply(handler=handler)

    for title in SERIES:
        for i in range(PAGES):
            page_server.route(f"/{title}/{i}", answer(f'"{title}-{i}"', page(title, i)))
    return page_server


def watchlist(tmp_path: Path, site: PageServer) -> Path:
    path = tmp_path / "watchlist.toml"
    body = "".join(
        f'[[watch]]\ntitle = "{title}"\nseason = 2\nsources = ['
        + ", ".join(f'"{site.url(f"/{title}/{i}")}"' for i in range(PAGES)) + "]\n"
        for title in SERIES)
    path.write_text('[settings]\ndatabase = "state.db"\nhost_delay = "0s"\nretries = 0\n'
                    '[[notifier]]\nname = "fans"\nurl = "json://fans.example/"\n' + body)
    return path


async def one_pass(config_path: Path, store: Store) -> tuple[list[str], int]:
    pipeline = Pipeline(load(config_path, {}), store, transport=MemoryTransport())
    try:
        report = await pipeline.check()
    finally:
        await pipeline.aclose()
    return sorted(o.status for o in report.outcomes), len(report.events)


async def state(store: Store) -> dict[str, Any]:
    """What a pass leaves that matters: each source's check, validators, failures; each read history; facts."""
    b = store.backend
    sources = await b._rows("SELECT source_id, last_check, last_result, etag, content_hash, memory, "  # type: ignore[attr-defined]
                            "consecutive_failures, failing_alerted FROM sources")
    reads = await b._rows("SELECT source_id, document_url, target_key, last_seen, history "  # type: ignore[attr-defined]
                          "FROM observation_reads")
    return {"sources": sorted(tuple(map(str, r)) for r in sources),
            "reads": sorted(tuple(map(str, r)) for r in reads),
            "facts": {k: f.to_json() for k, f in (await store.all_facts()).items()},
            "events": len(await store.recent_events(1000))}


@pytest.fixture
def count_statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Statements sent to PostgreSQL (every execute and executemany of psycopg), by their first word."""
    counts: Counter[str] = Counter()
    try:
        import psycopg
    except ImportError:
        yield counts
        return
    execute, executemany = psycopg.AsyncConnection.execute, psycopg.AsyncCursor.executemany

    async def counted_execute(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        counts[str(query).split(None, 1)[0].upper()] += 1
        return await execute(self, query, *args, **kwargs)

    async def counted_executemany(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        counts["executemany"] += 1
        return await executemany(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.AsyncConnection, "execute", counted_execute)
    monkeypatch.setattr(psycopg.AsyncCursor, "executemany", counted_executemany)
    yield counts


async def test_an_unchanged_source_costs_few_statements_and_records_its_read(
        tmp_path: Path, site: PageServer, database: str | Path, reopen: Reopen,
        count_statements: Counter[str]) -> None:
    config = watchlist(tmp_path, site)
    sources = len(SERIES) * PAGES
    async with await reopen() as store:
        assert await one_pass(config, store) == (["ok"] * sources, len(SERIES))
        cold = await state(store)
    async with await reopen() as store:  # a new process, as a warm `check` is
        sqlite = not store.shared
        traced: list[str] = []
        if sqlite:
            store.backend._conn.set_trace_callback(traced.append)  # type: ignore[attr-defined]
        count_statements.clear()
        assert await one_pass(config, store) == (["unchanged"] * sources, 0)
        if sqlite:
            store.backend._conn.set_trace_callback(None)  # type: ignore[attr-defined]
        warm = await state(store)
    assert all(site.requests(f"/{t}/{i}")[-1].status == 304 for t in SERIES for i in range(PAGES))

    # Every read recorded: a new check time, the same validators, one more read in each history.
    assert len(warm["sources"]) == len(cold["sources"]) == sources
    for before, after in zip(cold["sources"], warm["sources"], strict=True):
        assert after[0] == before[0] and after[1] > before[1] and after[2] == "unchanged"
        assert after[3:] == before[3:]
    for before, after in zip(cold["reads"], warm["reads"], strict=True):
        assert after[:3] == before[:3] and after[3] > before[3]
        old, new = json.loads(before[4]), json.loads(after[4])
        assert len(new) == len(old) + 1 and {**new[-1], "at": None} == {**old[-1], "at": None}
    assert (warm["facts"], warm["events"]) == (cold["facts"], cold["events"])

    if sqlite:
        # Statements run one by one (SQLite's own count, each row of a batch's held writes included):
        # per unchanged source the read before its fetch and its two held writes, run together.
        held = sum(s.startswith(("INSERT INTO sources", "UPDATE observation_reads")) for s in traced)
        assert held == 2 * sources
        # Besides: per watch, its other sources asked about and its facts read once; per pass, a
        # commit and the outbox's reads.  No unit ran a write of its own: none took a savepoint.
        kinds = Counter(s.split(None, 1)[0] for s in traced)
        assert len(traced) - held <= sources + 2 * len(SERIES) + 6 and not kinds["SAVEPOINT"], kinds
    else:
        # Each read commits alone (BEGIN/COMMIT are not counted here), 7 statements: the source's
        # lock and unlock, its state with its failures and histories, its check, its read, the
        # watch's lock and its facts (locked: another worker may be changing them).
        assert sum(count_statements.values()) <= 7 * sources + 4 * len(SERIES) + 6, count_statements


# A pass of unchanged reads killed after some batches: what was committed is whole, what was
# not is as if unread, and the next pass reads everything again, correctly.
CHILD = textwrap.dedent("""
    import asyncio, os, signal, sys
    sys.path[:0] = {paths!r}
    import premiere_watch.store.sqlite as sqlite_backend
    from premiere_watch.store import open_store
    from test_store_unchanged import one_pass
    from pathlib import Path

    sqlite_backend.BATCH_LIMIT = 5
    commit = sqlite_backend.SqliteBackend._commit
    commits = 0

    def counted(self):
        global commits
        commit(self)
        commits += 1
        if commits == 2:  # two batches committed; the next units' writes are held, then the kill
            self._kill_after_units = 1

    grouped = sqlite_backend.SqliteBackend._grouped_unit

    def unit(self, batched):
        left = getattr(self, "_kill_after_units", None)
        if left is not None:
            if left == 0:
                assert self._held, "writes were held when the process was killed"
                print("killing", flush=True)
                os.kill(os.getpid(), signal.SIGKILL)
            self._kill_after_units = left - 1
        return grouped(self, batched)

    sqlite_backend.SqliteBackend._commit = counted
    sqlite_backend.SqliteBackend._grouped_unit = unit

    async def main():
        async with await open_store({database!r}) as store:
            await one_pass(Path({config!r}), store)

    asyncio.run(main())
""")


async def test_a_crash_with_held_writes_loses_only_uncommitted_reads_and_the_next_pass_is_right(
        tmp_path: Path, site: PageServer) -> None:
    config = watchlist(tmp_path, site)
    database = tmp_path / "state.db"
    async with await open_store(database) as store:
        await one_pass(config, store)
        cold = await state(store)
    paths = [str(Path(__file__).resolve().parent), *sys.path]
    code = CHILD.format(paths=paths, database=str(database), config=str(config))
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "killing" in proc.stdout

    async with await open_store(database) as store:
        crashed = await state(store)
        # Two batches of 5 reads committed, each read whole (its check and its history); the rest
        # as the cold pass left them.  Facts, alerts and the outbox untouched.
        checks = {row[0]: row for row in crashed["sources"]}
        reads = {row[0]: row for row in crashed["reads"]}
        before = {row[0]: row for row in cold["sources"]}
        read = {sid for sid in checks if checks[sid] != before[sid]}
        assert len(read) == 10
        for sid in checks:
            history = json.loads(reads[sid][4])
            assert (checks[sid][2], len(history)) == (("unchanged", 2) if sid in read else ("ok", 1))
            assert reads[sid][3] == checks[sid][1]  # the read and its check, together or not at all
        assert (crashed["facts"], crashed["events"]) == (cold["facts"], cold["events"])

        assert await one_pass(config, store) == (["unchanged"] * len(checks), 0)
        after = await state(store)
    assert all(row[2] == "unchanged" for row in after["sources"])
    assert sorted(len(json.loads(r[4])) for r in after["reads"]) == sorted([3] * 10 + [2] * (len(checks) - 10))
    assert (after["facts"], after["events"]) == (cold["facts"], cold["events"])


async def test_a_source_read_again_in_a_batch_reads_its_held_writes(store: Store, reopen: Reopen) -> None:
    """Held writes run before any read of their rows: the second read counts the first."""
    from test_store_batch import LATER, NARCOS, NOW, ok_result, source, unchanged

    await store.save_source_result(source(0), source(0), "page", ok_result(0), NOW)
    async with store.batch():
        for minutes in (0, 1):
            state = await store.source_state(source(0))
            assert state.etag == '"v0"'
            async with store.transaction(batched=True):
                saved = await store.save_source_result(source(0), source(0), "page", unchanged(0),
                                                       LATER + dt.timedelta(minutes=minutes))
                assert saved.targets == (NARCOS.key,) and saved.known_before
    other = await reopen()
    try:
        (observation,) = await other.observations(NARCOS.key)
        assert [r.at for r in observation.history] == [NOW, LATER, LATER + dt.timedelta(minutes=1)]
        (row,) = await other.source_rows()
        assert (row.last_check, row.last_result) == (LATER + dt.timedelta(minutes=1), "unchanged")
    finally:
        await other.close()
