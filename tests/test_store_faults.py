"""A failing machine under the store (issue 14 items 3, 4, 10): full disk, damaged file, locks, days.

The full-disk test puts the database on a real 1 MiB tmpfs and fills it at the
moment the notifier receives the alert — between the send and the sent mark.
Mounting needs root (CI runs as root); the same fault injected under the
ledger runs everywhere.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sqlite3
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from premiere_watch.config import load
from premiere_watch.lock import InstanceLock, LockHeld
from premiere_watch.model import Event
from premiere_watch.notify import MemoryTransport, NotifierConfig, deliver
from premiere_watch.pipeline import Pipeline
from premiere_watch.store import Store, StoreError, open_store
from premiere_watch.store.receipts import Receipts
from premiere_watch.store.sqlite import SqliteBackend
from receivers import JsonReceiver
from runner import RunCli
from servers import PageServer

ANNOUNCED = ("<html><head><meta property='article:published_time' content='2016-06-07'></head><body><article>"
             "<h1>Narcos season 2 gets a date</h1><p>Netflix announced that Narcos season 2 will premiere on "
             "Friday, September 2, 2016.</p></article></body></html>")
MOVED = ("<html><head><meta property='article:published_time' content='2016-07-01'></head><body><article>"
         "<h1>Narcos season 2 moves</h1><p>Netflix announced that Narcos season 2 will now premiere on "
         "Friday, October 7, 2016.</p></article></body></html>")


def watchlist(path: Path, database: str, pages: PageServer, extra: str = "") -> Path:
    path.write_text(f'[settings]\ndatabase = "{database}"\nhost_delay = "0s"\nretries = 0\n{extra}\n'
                    f'[[watch]]\ntitle = "Narcos"\nseason = 2\nsources = ["{pages.url("/narcos")}"]\n')
    return path


# --- item 3: a full disk between send and mark ---------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB tmpfs, unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; test_a_refused_sent_mark_is_applied_from_its_receipt "
                    "covers the same fault without it")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], check=True)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> None:
    """Write zeros to ``disk`` until it is full."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, bytes(65_536))
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_between_send_and_mark_sends_the_alert_once(
        tmp_path: Path, run_cli: RunCli, page_server: PageServer, json_receiver: JsonReceiver,
        small_disk: Path) -> None:
    page_server.route("/narcos", ANNOUNCED)
    config = watchlist(tmp_path / "watchlist.toml", str(small_disk / "state.db"), page_server,
                       f'[[notifier]]\nname = "fans"\nurl = "{json_receiver.url}"')
    json_receiver.on_receive = lambda doc: fill(small_disk)  # the disk fills while the alert is sent
    proc = run_cli("check", "-c", str(config))
    assert proc.returncode == 4, proc.stderr
    assert "disk is full" in proc.stderr and "Traceback" not in proc.stderr
    assert len(json_receiver.received) == 1
    json_receiver.on_receive = None

    for _ in range(2):  # the disk stays full: the pass stops, and nothing is sent again
        proc = run_cli("check", "-c", str(config))
        assert proc.returncode == 4 and "disk is full" in proc.stderr
    (small_disk / "filler").unlink()
    proc = run_cli("check", "-c", str(config))
    assert proc.returncode == 0, proc.stderr
    assert len(json_receiver.received) == 1
    status = run_cli("status", "--json", "-c", str(config))
    assert status.returncode == 0
    assert '"sent": 1' in status.stdout and (small_disk / "state.db.sent").stat().st_size == 0


class _RefusesTheSentMark(SqliteBackend):
    """The database fills up right after a send: the sent mark fails as SQLite fails it."""

    refuse = True

    async def set_sent(self, ids: Sequence[int], now: dt.datetime) -> None:
        if self.refuse:
            raise StoreError(f"cannot use the database {self.location} (database or disk is full): "
                             "the disk is full")
        await super().set_sent(ids, now)


def test_a_refused_sent_mark_is_applied_from_its_receipt(tmp_path: Path) -> None:
    now = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
    notifiers = {"fans": NotifierConfig("fans", ("json://fans.example/",))}
    event = Event("premiere_announced", "narcos#s2", "Narcos S2", new="2016-09-02")
    transport = MemoryTransport()

    async def go() -> list[Any]:
        backend = _RefusesTheSentMark(tmp_path / "state.db")
        store = Store(backend, Receipts(tmp_path / "state.db.sent"))
        await store.enqueue([event], {"narcos#s2": [("fans", 0)]}, now)
        with pytest.raises(StoreError, match="disk is full"):
            await deliver(store, notifiers, transport, now)
        await store.close()
        # The next run (a new process) finds the receipt, marks the row sent, sends nothing.
        again = Store(SqliteBackend(tmp_path / "state.db"), Receipts(tmp_path / "state.db.sent"))
        report = await deliver(again, notifiers, transport, now + dt.timedelta(minutes=1))
        rows = [(d.status, d.attempts) for d in await again.dead_deliveries()]
        backlog = await again.backlog(now)
        await again.close()
        return [report.sent, rows, backlog.sent, backlog.sending]

    assert asyncio.run(go()) == [0, [], 1, 0]
    assert len(transport.sent) == 1
    assert (tmp_path / "state.db.sent").stat().st_size == 0


def test_no_room_for_the_receipt_means_no_send(tmp_path: Path) -> None:
    now = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
    notifiers = {"fans": NotifierConfig("fans", ("json://fans.example/",))}
    transport = MemoryTransport()

    async def go() -> int:
        # A receipt file that cannot be created stands for a disk without room for one.
        store = Store(SqliteBackend(tmp_path / "state.db"), Receipts(tmp_path / "missing" / "state.db.sent"))
        await store.enqueue([Event("premiere_announced", "narcos#s2", "Narcos S2", new="2016-09-02")],
                            {"narcos#s2": [("fans", 0)]}, now)
        with pytest.raises(StoreError, match="nothing was sent"):
            await deliver(store, notifiers, transport, now)
        pending = (await store.backlog(now)).pending
        await store.close()
        return pending

    assert asyncio.run(go()) == 1  # still queued, for the next round
    assert transport.sent == []


def test_a_store_error_ends_the_pass_at_once(tmp_path: Path, page_server: PageServer) -> None:
    for i in range(6):
        page_server.route(f"/p{i}", ANNOUNCED)
    sources = ", ".join(f'"{page_server.url(f"/p{i}")}"' for i in range(6))
    path = tmp_path / "watchlist.toml"
    path.write_text('[settings]\ndatabase = "state.db"\nhost_delay = "0s"\nretries = 0\nconcurrency = 1\n'
                    f'[[watch]]\ntitle = "Narcos"\nseason = 2\nsources = [{sources}]\n')
    config = load(path, {})

    class Full(SqliteBackend):
        async def record_check(self, *args: Any) -> None:
            raise StoreError("cannot use the database (database or disk is full): the disk is full")

    async def go() -> None:
        store = Store(Full(config.settings.database))
        pipeline = Pipeline(config, store, transport=MemoryTransport())
        try:
            with pytest.raises(StoreError, match="disk is full"):
                await pipeline.check()
        finally:
            await pipeline.aclose()
            await store.close()

    asyncio.run(go())
    assert sum(page_server.count(f"/p{i}") for i in range(6)) == 1  # the other reads were never made


# --- item 4: a damaged database ------------------------------------------------------------


def damage(database: Path, table: str) -> None:
    """Overwrite the 4 KiB page holding ``table``'s root with random bytes."""
    with sqlite3.connect(database) as con:
        [(root,)] = con.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchall()
        [(page_size,)] = con.execute("PRAGMA page_size").fetchall()
    con.close()
    with database.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(os.urandom(page_size))


def test_a_damaged_database_stops_check_and_status_with_exit_4(
        tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    page_server.route("/narcos", ANNOUNCED)
    config = watchlist(tmp_path / "watchlist.toml", "state.db", page_server,
                       '[[notifier]]\nname = "fans"\nurl = "json://127.0.0.1:9/"')
    assert run_cli("check", "-c", str(config)).returncode == 0
    damage(tmp_path / "state.db", "sources")  # both commands read it first
    for command in ("check", "status"):
        proc = run_cli(command, "-c", str(config))
        assert proc.returncode == 4, (command, proc.stderr)
        assert "database disk image is malformed" in proc.stderr and "restore it from a backup" in proc.stderr
        assert "Traceback" not in proc.stderr and proc.stderr.count("malformed") == 1


def test_a_file_that_is_no_database_is_named(tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    config = watchlist(tmp_path / "watchlist.toml", "state.db", page_server)
    (tmp_path / "state.db").write_bytes(os.urandom(8192))
    for command in ("check", "status"):
        proc = run_cli(command, "-c", str(config))
        assert proc.returncode == 4 and "not a premiere-watch database" in proc.stderr
        assert "Traceback" not in proc.stderr


# --- item 10: locks and days ---------------------------------------------------------------


def test_with_instance_lock_holds_it_for_the_block(tmp_path: Path) -> None:
    database = tmp_path / "state.db"
    with InstanceLock(database, "check"), pytest.raises(LockHeld, match=r"\(check, since"):
        InstanceLock(database).acquire("run")
    other = InstanceLock(database)
    other.acquire("run")  # released at the end of the block
    other.release()


def test_the_daily_cap_counts_the_notifiers_day_and_releases_at_its_midnight(
        tmp_path: Path, page_server: PageServer) -> None:
    # Los Angeles is UTC-8 in early March: 18:00 UTC and 04:00 UTC the next day are both 2 March there.
    config_path = watchlist(tmp_path / "watchlist.toml", "state.db", page_server,
                            'max_alerts_per_day = 1\n[[notifier]]\nname = "fans"\nurl = "json://fans.example/"\n'
                            'timezone = "America/Los_Angeles"')
    transport = MemoryTransport()

    def check_at(utc: str, page: str) -> int:
        page_server.route("/narcos", page)
        config = load(config_path, {})
        clock = dt.datetime.fromisoformat(utc)

        async def go() -> None:
            async with await open_store(config.settings.database) as store:
                pipeline = Pipeline(config, store, transport=transport, clock=lambda: clock)
                try:
                    await pipeline.check()
                finally:
                    await pipeline.aclose()

        asyncio.run(go())
        return len(transport.sent)

    assert check_at("2026-03-02T18:00:00+00:00", ANNOUNCED) == 1  # 10:00 in LA: the day's one alert
    assert check_at("2026-03-03T04:00:00+00:00", MOVED) == 1  # 20:00 in LA, same day: held (a new UTC day)
    assert check_at("2026-03-03T07:59:00+00:00", MOVED) == 1  # 23:59 in LA: still held
    assert check_at("2026-03-03T08:00:00+00:00", MOVED) == 2  # midnight in LA: released
    assert "October 7, 2016" in transport.sent[1].title
