"""SQLite: one file, stdlib ``sqlite3``, WAL journal; the embedded default.

The schema is versioned from the first release: ``MIGRATIONS[i]`` upgrades
``PRAGMA user_version`` i -> i+1.  Every time is stored as fixed-width ISO
text (always microseconds, always +00:00) so text order is time order.

One connection per process; the process lock (lock.py) keeps a second
process away, so there is nobody to lease rows against.  Statements run
inline on the event loop (they are local and sub-millisecond); an
``asyncio.Lock`` keeps one task's transaction from interleaving with
another's should a transaction body ever await real I/O.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import sqlite3
import urllib.parse
from collections.abc import AsyncIterator, Callable, Collection, Iterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from premiere_watch.store.records import StoreError
from premiere_watch.store.sql import SqlBackend, check_aware

# Append only: a released migration is never edited.  Each runs in one
# transaction with the user_version bump, so a crash leaves the old version.
MIGRATIONS: list[str] = [
    # 1: the first release.
    """
    CREATE TABLE sources (
        source_id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        kind TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        memory TEXT NOT NULL DEFAULT '{}',
        last_check TEXT,
        last_result TEXT,
        last_reason TEXT NOT NULL DEFAULT '',
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        failing_alerted INTEGER NOT NULL DEFAULT 0,
        next_due TEXT
    );
    CREATE TABLE observations (
        source_id TEXT NOT NULL,
        document_url TEXT NOT NULL,
        target_key TEXT NOT NULL,
        extraction TEXT NOT NULL,
        structured INTEGER NOT NULL DEFAULT 0,
        published TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        history TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (source_id, document_url, target_key)
    );
    CREATE INDEX observations_by_target ON observations (target_key);
    CREATE TABLE facts (
        target_key TEXT PRIMARY KEY,
        facts TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        watch TEXT NOT NULL,
        payload TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX events_by_watch ON events (watch, created);
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events (id),
        notifier TEXT NOT NULL,
        target INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        next_attempt TEXT NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        sent_at TEXT,
        UNIQUE (event_id, notifier, target)
    );
    CREATE INDEX deliveries_by_status ON deliveries (status, next_attempt);
    """,
    # 2: an observation's reads (when it was last seen, what each read said) in a table of
    # their own.  A read of an unchanged page (a 304) records one more read; in the same
    # row as the extraction (~28 KB of JSON on an ordinary page) SQLite rewrote the whole
    # row, overflow pages and all, for every unchanged read: most of a warm pass's store
    # time.  The extraction is now written only when a page changes.
    """
    CREATE TABLE observation_reads (
        source_id TEXT NOT NULL,
        document_url TEXT NOT NULL,
        target_key TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        history TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (source_id, document_url, target_key)
    );
    INSERT INTO observation_reads (source_id, document_url, target_key, last_seen, history)
        SELECT source_id, document_url, target_key, last_seen, history FROM observations;
    CREATE TABLE observations_2 (
        source_id TEXT NOT NULL,
        document_url TEXT NOT NULL,
        target_key TEXT NOT NULL,
        extraction TEXT NOT NULL,
        structured INTEGER NOT NULL DEFAULT 0,
        published TEXT,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (source_id, document_url, target_key)
    );
    INSERT INTO observations_2 (source_id, document_url, target_key, extraction, structured, published, first_seen)
        SELECT source_id, document_url, target_key, extraction, structured, published, first_seen
        FROM observations;
    DROP TABLE observations;
    ALTER TABLE observations_2 RENAME TO observations;
    CREATE INDEX observations_by_target ON observations (target_key);
    """,
]


# Units a batch (SqliteBackend.batch) commits together at most: a commit per source was
# ~7% of a warm pass (benchmarks/README.md); a crash loses at most this many reads.
BATCH_LIMIT = 64


def _iso(value: dt.datetime) -> str:
    # Fixed width (always microseconds, always +00:00) so text order is time order.
    return check_aware(value).astimezone(dt.UTC).isoformat(timespec="microseconds")


def _param(value: Any) -> Any:
    return _iso(value) if isinstance(value, dt.datetime) else value


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (executescript would commit mid-way)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


# SQLite's primary result codes for a database that cannot be used, and the fix to print.
_CANNOT_USE = {
    13: "the disk is full — free space on it; what this run did not store is read again next time",
    11: "the file is damaged — restore it from a backup, or move it aside and premiere-watch starts a "
        "new one (known facts and alert history start over)",
    26: "it is not a premiere-watch database — point [settings] database at the right file, or move "
        "this one aside",
    10: "the disk gave an input/output error — check the disk (dmesg)",
    8: "it is read-only — give the user running premiere-watch write access to it and its directory",
    5: "another program keeps it locked — stop that program",
    6: "another program keeps it locked — stop that program",
    14: "it cannot be opened — check the path and its permissions, or set [settings] database",
    3: "access is denied — check the path and its permissions",
    7: "SQLite ran out of memory",
}


class _cannot_use:  # lower case: used like the function it was, ``with _cannot_use(location):``
    """Turn SQLite's errors about the database itself (not about our SQL) into StoreError.

    A class rather than a ``@contextmanager`` generator: it wraps every statement, and a
    generator-based context manager costs several times as much to enter and leave.
    """

    __slots__ = ("location",)

    def __init__(self, location: str) -> None:
        self.location = location

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if not isinstance(exc, sqlite3.Error):
            return
        code = getattr(exc, "sqlite_errorcode", None)
        fix = _CANNOT_USE.get(code & 0xFF) if isinstance(code, int) else None
        if fix is None:
            return  # a constraint or an SQL mistake: a bug, raised as it is, with its traceback
        raise StoreError(f"cannot use the database {self.location} ({exc}): {fix}") from exc


class SqliteBackend(SqlBackend):
    """``SqliteBackend(":memory:")`` for tests."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.location = self.path
        self._lock = asyncio.Lock()
        # The transaction depth of the current task (0: none): nesting uses savepoints.
        self._depth: contextvars.ContextVar[int] = contextvars.ContextVar(f"sqlite-depth-{id(self)}", default=0)
        self._batches = 0  # open batch() scopes
        self._grouped = 0  # units done in the open transaction of a batch, not yet committed
        self._commit_now = False  # the unit in progress must be committed when it ends
        self._committed: list[Callable[[], None]] = []  # after_commit's callbacks for the open transaction
        # Writes held back (_execute_later), by statement: those of the batch's finished units,
        # run (executemany) before the next statement and before the commit.
        self._held: dict[str, list[list[Any]]] = {}
        # The open batched unit's own held writes (None: no batched unit open), and whether its
        # savepoint is taken: taken only when it first runs a statement, so a unit that runs
        # none (an unchanged read whose facts are settled) costs no SAVEPOINT and RELEASE.
        self._unit: list[tuple[str, list[Any]]] | None = None
        self._unit_saved = False
        # The sources whose rows the held writes (the finished units', the open unit's) change:
        # a read of other sources' rows (_rows_of) need not wait for them.
        self._held_ids: set[str] = set()
        self._unit_ids: set[str] = set()
        self._nested = 0  # savepoints open inside a unit (held writes are not made inside one)
        if read_only:
            self._open_read_only()
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        with _cannot_use(self.location):
            # isolation_level=None: no implicit transactions; ours are explicit.
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
                # NORMAL in WAL mode: every commit survives a process crash, and facts and
                # their outbox rows always commit together; only a power cut can undo the
                # last commits (together), which the next pass redoes. FULL cost an fsync
                # per source read, 14% of a warm pass (benchmarks/README.md).
                self._conn.execute("PRAGMA synchronous=NORMAL")
                self._conn.execute("PRAGMA foreign_keys=ON")
                self._migrate()
            except BaseException:
                self._conn.close()
                raise

    def _open_read_only(self) -> None:
        """For commands that only read (status, history): no journal change, no migration, no write.

        A database the user may not write (a read-only file, or one shown to
        another user) still answers; one whose schema is not this program's
        is refused, since reading it would need the migration a write brings.
        """
        with _cannot_use(self.location):
            uri = f"file:{urllib.parse.quote(self.path)}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                         timeout=30.0)
            try:
                version = self._version()
            except BaseException:
                self._conn.close()
                raise
        if version != len(MIGRATIONS):
            self._conn.close()
            raise StoreError(f"{self.path} has schema version {version}; this program reads version "
                             f"{len(MIGRATIONS)} — run `premiere-watch check` once with write access to it")

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        # Two processes may open a new database at once (status while check
        # starts): each step re-reads the version under the write lock, so the
        # loser sees the winner's work instead of creating the tables again.
        for number in range(len(MIGRATIONS)):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                version = self._version()
                if version > len(MIGRATIONS):
                    raise StoreError(f"{self.path} has schema version {version}, newer than this "
                                     f"program knows ({len(MIGRATIONS)}): upgrade premiere-watch")
                if version == number:
                    for statement in _statements(MIGRATIONS[number]):
                        self._conn.execute(statement)
                    self._conn.execute(f"PRAGMA user_version = {number + 1}")
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        if self._version() > len(MIGRATIONS):
            raise StoreError(f"{self.path} has schema version {self._version()}, newer than this "
                             f"program knows ({len(MIGRATIONS)}): upgrade premiere-watch")

    async def close(self) -> None:
        try:
            if self._grouped:
                self._commit()  # units a batch still held: they succeeded
        finally:
            self._conn.close()

    async def schema_version(self) -> int:
        with _cannot_use(self.location):
            return self._version()

    @asynccontextmanager
    async def transaction(self, batched: bool = False, join: bool = False) -> AsyncIterator[None]:
        """Atomic group; nested uses in the same task join the outer one (savepoints).

        ``batched``: inside :meth:`batch`, this unit may be committed with the next ones.
        ``join``: nested, no savepoint of its own (its failure is the outer one's to undo).
        """
        depth = self._depth.get()
        if depth == 0:
            await self._lock.acquire()
        token = self._depth.set(depth + 1)
        try:
            if depth > 0 and join:
                yield
            elif depth > 0:
                async with self._savepoint(f"sp{depth}"):
                    yield
            elif self._batches or self._grouped:
                async with self._grouped_unit(batched):
                    yield
            else:
                with _cannot_use(self.location):
                    # IMMEDIATE takes the write lock up front: no deadlock upgrading later.
                    self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    self.rollbacks += 1
                    self._committed.clear()
                    if not self._conn.in_transaction:
                        raise  # SQLite already rolled back (disk full, ...): keep the real error
                    with contextlib.suppress(sqlite3.Error):  # keep the real error, not the rollback's
                        self._conn.execute("ROLLBACK")
                    raise
                self._commit()
        finally:
            self._depth.reset(token)
            if depth == 0:
                self._lock.release()

    @asynccontextmanager
    async def _savepoint(self, name: str) -> AsyncIterator[None]:
        """A part of the open transaction: undone alone if it fails."""
        self._ready()  # the unit's savepoint first, and its held writes outside this one
        with _cannot_use(self.location):
            self._conn.execute(f"SAVEPOINT {name}")
        callbacks = len(self._committed)
        self._nested += 1
        try:
            yield
        except BaseException:
            self.rollbacks += 1
            del self._committed[callbacks:]  # what it registered is undone with it
            if not self._conn.in_transaction:
                raise  # SQLite already rolled back (disk full, ...): keep the real error
            with contextlib.suppress(sqlite3.Error):  # keep the real error, not the rollback's
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._nested -= 1
        with _cannot_use(self.location):
            self._conn.execute(f"RELEASE {name}")

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        """Let ``transaction(batched=True)`` units share commits until this ends.

        Inside a batch, each unit is a savepoint of one open transaction (the group),
        undone alone if it fails.  A batched unit that succeeds stays in the group,
        uncommitted; the group commits after BATCH_LIMIT units, at the end of any unit
        that is not batched or that asked for :meth:`commit_at_end` (it queued alerts),
        and when the batch ends.  So a unit that queued an alert is committed when its
        transaction returns, as outside a batch; what a crash can lose is the batched
        units since the last commit, each whole — as if those sources had not been read
        yet (they are read again next time) — never a part of one.  ``Pipeline.check``
        batches its unchanged reads: one commit per BATCH_LIMIT instead of one each.
        """
        self._batches += 1
        ended = False
        try:
            yield
            ended = True
        finally:
            self._batches -= 1
            if not self._batches and self._grouped:
                async with self._lock:  # a unit in progress may commit the group first
                    if self._grouped and ended:
                        self._commit()
                    elif self._grouped:  # keep the error that ended the batch, not the commit's
                        with contextlib.suppress(sqlite3.Error, StoreError):
                            self._commit()

    def commit_at_end(self) -> None:
        """What the current transaction wrote must be committed when it ends, batched or not."""
        self._commit_now = True

    def after_commit(self, callback: Callable[[], None]) -> None:
        # Outside a transaction of this task a batch's may still be open (another task's
        # statements between units): what was read then is committed with that one.
        if self._conn.in_transaction:
            self._committed.append(callback)
        else:
            callback()

    @asynccontextmanager
    async def _grouped_unit(self, batched: bool) -> AsyncIterator[None]:
        """One unit of a batch's transaction: a savepoint (taken lazily, see ``_ready``).

        A batched unit may hold its bookkeeping writes back (``_execute_later``): they join
        the batch's held writes when it succeeds, are dropped when it fails, and run before
        any later statement and before the commit, so what any statement reads and what a
        commit makes durable is exactly what running them at once would give.  A crash loses
        them with the batch's other uncommitted units, each whole.
        """
        if not self._grouped:
            with _cannot_use(self.location):
                self._conn.execute("BEGIN IMMEDIATE")
        self._commit_now = not batched or not self._batches
        self._unit, self._unit_saved = ([] if batched else None), False
        self._unit_ids = set()
        callbacks = len(self._committed)
        try:
            if batched:
                yield
            else:  # not batched: a savepoint at once, as every statement runs at once
                async with self._savepoint("unit"):
                    yield
        except BaseException:
            self.rollbacks += 1
            saved, self._unit, self._unit_saved = self._unit_saved, None, False  # its held writes: dropped
            self._unit_ids = set()
            del self._committed[callbacks:]
            if not self._conn.in_transaction:
                self._grouped = 0  # SQLite rolled the whole group back (disk full, ...)
                self._held.clear()
                self._held_ids.clear()
                self._committed.clear()
            elif saved:
                with contextlib.suppress(sqlite3.Error):  # keep the real error, not the rollback's
                    self._conn.execute("ROLLBACK TO unit")
                    self._conn.execute("RELEASE unit")
            if self._conn.in_transaction and not self._grouped and not self._held:
                self._committed.clear()
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")  # it held nothing else
            raise
        unit, saved, self._unit, self._unit_saved = self._unit, self._unit_saved, None, False
        if saved:
            with _cannot_use(self.location):
                self._conn.execute("RELEASE unit")
        for sql, params in unit or ():
            self._held.setdefault(sql, []).append(params)
        self._held_ids |= self._unit_ids
        self._unit_ids = set()
        self._grouped += 1
        if self._commit_now or self._grouped >= BATCH_LIMIT:
            self._commit()

    async def _execute_later(self, source_id: str, sql: str, params: Sequence[Any] = ()) -> None:
        # Held only in a batched unit's own body (not inside a nested savepoint, which could
        # be undone without the unit); the two statements held (record_check on sources,
        # touch_observation on observation_reads) write different tables, so running each
        # one's rows together (executemany), in order, is the same as running them in turn.
        if self._unit is not None and not self._nested and self._depth.get():
            self._unit.append((sql, [_param(p) for p in params]))
            self._unit_ids.add(source_id)
        else:
            await self._execute(sql, params)

    async def _rows_of(self, source_ids: Collection[str], sql: str,
                       params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        # A read needs no savepoint, and held writes of other sources cannot change its answer:
        # a source's read before its fetch, or a watch's facts, do not wait for the batch's.
        if not (self._held_ids.isdisjoint(source_ids) and self._unit_ids.isdisjoint(source_ids)):
            return await self._rows(sql, params)
        with _cannot_use(self.location):
            return list(self._conn.execute(sql, [_param(p) for p in params]).fetchall())

    def _ready(self) -> None:
        """Before a statement: the writes held back run first, the open unit's savepoint first."""
        if self._unit is not None and self._depth.get():  # the open batched unit's own statement
            if not self._unit_saved:
                self._flush()  # the finished units' writes, outside this unit's savepoint
                with _cannot_use(self.location):
                    self._conn.execute("SAVEPOINT unit")
                self._unit_saved = True
            if self._unit:
                writes, self._unit[:] = list(self._unit), []
                with _cannot_use(self.location):
                    for sql, params in writes:
                        self._conn.execute(sql, params)
        elif self._held:
            self._flush()

    def _flush(self) -> None:
        """Run the finished units' held writes; should that fail, the batch is undone whole
        (each of its units is, as a crash would): never a part of a unit."""
        held, self._held = self._held, {}
        self._held_ids.clear()
        with _cannot_use(self.location):
            try:
                for sql, rows in held.items():
                    self._conn.executemany(sql, rows)
            except sqlite3.Error:
                self.rollbacks += 1
                self._grouped = 0
                self._committed.clear()
                if self._conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):  # keep the real error
                        self._conn.execute("ROLLBACK")
                raise

    def _commit(self) -> None:
        self._flush()
        self._grouped = 0
        callbacks, self._committed = self._committed, []
        with _cannot_use(self.location):
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                self.rollbacks += 1
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")  # a failed COMMIT leaves the transaction open
                raise
        for callback in callbacks:
            callback()

    async def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self._held or self._unit is not None:
            self._ready()
        with _cannot_use(self.location):
            return list(self._conn.execute(sql, [_param(p) for p in params]).fetchall())

    async def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        if self._held or self._unit is not None:
            self._ready()
        with _cannot_use(self.location):
            return int(self._conn.execute(sql, [_param(p) for p in params]).rowcount)

    async def size_bytes(self) -> int:
        """Bytes the database takes on disk, its write-ahead log included."""
        if self.path == ":memory:":
            [(pages,)] = await self._rows("PRAGMA page_count")
            [(page_size,)] = await self._rows("PRAGMA page_size")
            return int(pages) * int(page_size)
        return sum(Path(self.path + suffix).stat().st_size
                   for suffix in ("", "-wal") if Path(self.path + suffix).exists())

    async def after_sent(self) -> None:
        if self._depth.get() == 0 and self.path != ":memory:":
            # A checkpoint syncs the WAL: a sent mark then survives even a power cut,
            # so an alert is not sent twice because of one. Sends are rare; reads are not.
            with _cannot_use(self.location):
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
