"""SQLite state: sources, observations, facts, event history and the outbox.

One file, stdlib ``sqlite3``, WAL journal.  The schema is versioned from the
first release: ``MIGRATIONS[i]`` upgrades ``PRAGMA user_version`` i -> i+1.

Every time is an aware UTC datetime, stored as fixed-width ISO text so text
order is time order.  Every public write is atomic on its own and joins an
enclosing ``with store.transaction():`` (nesting uses savepoints), so the
pipeline can save facts and enqueue the events they caused in ONE transaction.

Delivery guarantee: an event is in the outbox iff the facts that caused it are
committed.  A delivery row goes pending -> sending -> sent (or back to pending
with a not-before time, or dead).  Rows left 'sending' by a crash are handed
out again by :meth:`Store.due_deliveries`: at-least-once in the small window
between a notifier accepting a message and ``mark_sent`` committing; exactly
once otherwise.  Dedupe is permanent: an event key is recorded once, and
(event key, notifier, URL index) is queued once, whatever happens later.
Apprise URLs are never stored (they hold secrets): a delivery names the
notifier and the index of the URL within it.

Observations keep the latest extraction per (source, document, target) plus
the last ``HISTORY_LIMIT`` reads of its confirmed/denied dates, which the
anti-flap rule of reconcile.py reads.  A failed read never touches them; an
unchanged read (304, same hash) counts as one more read of the same values.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast

from premiere_watch.facts import (
    Facts,
    Read,
    StoredObservation,
    extraction_from_json,
    extraction_to_json,
)
from premiere_watch.model import Event
from premiere_watch.sources.base import SourceResult, SourceState

# Reads kept per (source, document, target) for the anti-flap rule: long
# enough that a page flipping at random between versions practically never
# looks settled (going back to an earlier value within them marks it flapping).
HISTORY_LIMIT = 20

DeliveryStatus = Literal["pending", "sending", "sent", "dead"]
# Routes: watch key (Event.watch) -> [(notifier name, URL index)], or a function of the event.
Routes = Mapping[str, Sequence[tuple[str, int]]] | Callable[[Event], Sequence[tuple[str, int]]]
HoldUntil = Callable[[str, Event], dt.datetime | None]

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
]


class StoreError(RuntimeError):
    """The database cannot be used (newer schema than this program, ...)."""


def _iso(value: dt.datetime) -> str:
    # Fixed width (always microseconds, always +00:00) so text order is time order.
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime given to the store: {value!r} (use aware UTC)")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _opt_time(text: str | None) -> dt.datetime | None:
    return _time(text) if text else None


@dataclass(frozen=True)
class SourceRow:
    """A source as ``premiere-watch status`` shows it."""

    source_id: str
    url: str
    kind: str
    last_check: dt.datetime | None
    last_result: str | None  # ok | unchanged | failed
    last_reason: str
    consecutive_failures: int
    failing_alerted: bool
    next_due: dt.datetime | None


@dataclass(frozen=True)
class SavedResult:
    """What saving a source result changed, for the pipeline's follow-up."""

    targets: tuple[str, ...]  # target keys whose observations changed: reconcile these
    consecutive_failures: int  # after this result
    previous_failures: int  # before this result (>0 and ok now: the source recovered)
    failing_alerted: bool  # a source_failing alert is outstanding (set_failing_alerted)


@dataclass(frozen=True)
class Delivery:
    """One event to send through one notifier URL."""

    id: int
    event: Event
    event_id: int
    notifier: str
    target: int  # index of the Apprise URL within the notifier
    status: DeliveryStatus
    attempts: int  # send attempts started so far (mark_sending increments)
    created: dt.datetime
    next_attempt: dt.datetime
    last_error: str


@dataclass(frozen=True)
class EventRecord:
    """An event as it was emitted, for ``premiere-watch history``."""

    id: int
    event: Event
    created: dt.datetime


@dataclass(frozen=True)
class Backlog:
    """Outbox counts for ``premiere-watch status``."""

    pending: int  # waiting, due now or later (backoff, quiet hours, digest)
    due: int  # pending and due now
    sending: int
    sent: int
    dead: int


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


def _read_entry(extraction: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    """One read in an observation's history: what it confirmed and denied."""
    confirmed = extraction.get("confirmed")
    return {"at": _iso(now), "confirmed": confirmed["date"] if confirmed else None,
            "denied": [d["date"] for d in extraction.get("denied", ())]}


class Store:
    """The SQLite database. ``Store(":memory:")`` for tests; a context manager.

    One connection, shared by the threads of one process under a lock (the
    scheduler may call from worker threads); the process lock (lock.py) keeps
    a second process away.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit transactions; ours are explicit.
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                     timeout=30.0)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: every commit survives a process crash, and facts and
        # their outbox rows always commit together; only a power cut can undo the
        # last commits (together), which the next pass redoes. FULL cost an fsync
        # per source read, 14% of a warm pass (benchmarks/README.md).
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        # Two processes may open a new database at once (status while check
        # starts): each step re-reads the version under the write lock, so the
        # loser sees the winner's work instead of creating the tables again.
        for number in range(len(MIGRATIONS)):
            with self._lock:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    version = self.schema_version
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
        if self.schema_version > len(MIGRATIONS):
            raise StoreError(f"{self.path} has schema version {self.schema_version}, newer than this "
                             f"program knows ({len(MIGRATIONS)}): upgrade premiere-watch")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Atomic group; nested uses join the outer one (savepoints)."""
        with self._lock:
            depth = self._depth
            savepoint = f"sp{depth}"
            # IMMEDIATE takes the write lock up front: no deadlock upgrading later.
            self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth = depth
                if not self._conn.in_transaction:
                    raise  # SQLite already rolled back (disk full, ...): keep the real error
                if depth == 0:
                    self._conn.execute("ROLLBACK")
                else:
                    self._conn.execute(f"ROLLBACK TO {savepoint}")
                    self._conn.execute(f"RELEASE {savepoint}")
                raise
            self._depth = depth
            self._conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """One write statement, atomic on its own; returns rows changed."""
        with self.transaction():
            return int(self._conn.execute(sql, params).rowcount)

    # -- sources ------------------------------------------------------------

    def source_state(self, source_id: str) -> SourceState:
        """Validators and memory to hand the source on its next read (empty if new)."""
        rows = self._rows("SELECT etag, last_modified, content_hash, memory FROM sources "
                          "WHERE source_id = ?", (source_id,))
        if not rows:
            return SourceState()
        etag, modified, digest, memory = rows[0]
        return SourceState(etag, modified, digest, json.loads(memory))

    def save_source_result(
        self, source_id: str, url: str, kind: str, result: SourceResult, now: dt.datetime,
        next_due: dt.datetime | None = None,
    ) -> SavedResult:
        """Record one read of a source.

        ok: upsert each observation (latest per source, document, target) and
        append its confirmed date to the read history; unchanged: count a read
        of every stored observation of the source (same content, same value);
        failed: keep validators, memory and observations, bump the failure count.
        ``next_due`` None keeps the previous due time.  ``result.state.memory``
        must be JSON-serializable.
        """
        stamp = _iso(now)
        due = _iso(next_due) if next_due else None
        with self.transaction():
            rows = self._rows("SELECT consecutive_failures, failing_alerted FROM sources "
                              "WHERE source_id = ?", (source_id,))
            before, alerted = (int(rows[0][0]), bool(rows[0][1])) if rows else (0, False)
            failures = before + 1 if result.status == "failed" else 0
            self._conn.execute(
                "INSERT INTO sources (source_id, url, kind) VALUES (?, ?, ?) "
                "ON CONFLICT (source_id) DO UPDATE SET url = excluded.url, kind = excluded.kind",
                (source_id, url, kind))
            self._conn.execute(
                "UPDATE sources SET last_check = ?, last_result = ?, last_reason = ?, "
                "consecutive_failures = ?, next_due = COALESCE(?, next_due) WHERE source_id = ?",
                (stamp, result.status, result.reason, failures, due, source_id))
            targets: set[str] = set()
            if result.status != "failed":
                # A failed read tells nothing: validators, memory and observations
                # stay as the last good read left them.
                st = result.state
                self._conn.execute(
                    "UPDATE sources SET etag = ?, last_modified = ?, content_hash = ?, memory = ? "
                    "WHERE source_id = ?",
                    (st.etag, st.last_modified, st.content_hash, json.dumps(st.memory), source_id))
                if result.status == "ok":
                    # One read per document and target even if a result repeats one
                    # (a feed listing an article twice): two reads would pass as stable.
                    latest = {(o.document_url, o.target_key): o for o in result.observations}
                    for (document_url, target_key), obs in latest.items():
                        self._save_observation(source_id, document_url, target_key,
                                               extraction_to_json(obs.extraction), obs.structured,
                                               now)
                        targets.add(target_key)
                else:
                    targets |= self._reread(source_id, now)
        return SavedResult(tuple(sorted(targets)), failures, before, alerted)

    def _save_observation(self, source_id: str, document_url: str, target_key: str,
                          extraction: dict[str, Any], structured: bool, now: dt.datetime) -> None:
        key = (source_id, document_url, target_key)
        rows = self._rows("SELECT history FROM observations WHERE source_id = ? AND "
                          "document_url = ? AND target_key = ?", key)
        history = json.loads(rows[0][0]) if rows else []
        history.append(_read_entry(extraction, now))
        self._conn.execute(
            "INSERT INTO observations (source_id, document_url, target_key, extraction, structured,"
            " published, first_seen, last_seen, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source_id, document_url, target_key) DO UPDATE SET "
            "extraction = excluded.extraction, structured = excluded.structured, "
            "published = excluded.published, last_seen = excluded.last_seen, "
            "history = excluded.history",
            (*key, json.dumps(extraction), int(structured), extraction.get("published"),
             _iso(now), _iso(now), json.dumps(history[-HISTORY_LIMIT:])))

    def _reread(self, source_id: str, now: dt.datetime) -> set[str]:
        """An unchanged read (304, same hash) is one more read of every stored value.

        The content is what the last read stored, so the new history entry is the
        last one with a new time: the stored extraction (the bulk of a row) is not
        decoded and re-encoded, which was most of a warm pass's store time.
        """
        touched: set[str] = set()
        for document_url, target_key, history_json in self._rows(
                "SELECT document_url, target_key, history FROM observations WHERE source_id = ?",
                (source_id,)):
            key = (source_id, document_url, target_key)
            history = json.loads(history_json)
            if history:
                entry = {**history[-1], "at": _iso(now)}
            else:  # a row from before histories were kept
                [(extraction,)] = self._rows("SELECT extraction FROM observations WHERE source_id = ? AND "
                                             "document_url = ? AND target_key = ?", key)
                entry = _read_entry(json.loads(extraction), now)
            history.append(entry)
            self._conn.execute("UPDATE observations SET last_seen = ?, history = ? WHERE source_id = ? AND "
                               "document_url = ? AND target_key = ?",
                               (_iso(now), json.dumps(history[-HISTORY_LIMIT:]), *key))
            touched.add(target_key)
        return touched

    def set_next_due(self, source_id: str, when: dt.datetime) -> None:
        self._run("UPDATE sources SET next_due = ? WHERE source_id = ?", (_iso(when), source_id))

    def set_failing_alerted(self, source_id: str, alerted: bool) -> None:
        self._run("UPDATE sources SET failing_alerted = ? WHERE source_id = ?",
                  (int(alerted), source_id))

    def due_sources(self, now: dt.datetime) -> list[str]:
        """Known source ids whose next_due is unset or <= now (never-seen ids are the caller's)."""
        return [r[0] for r in self._rows(
            "SELECT source_id FROM sources WHERE next_due IS NULL OR next_due <= ? "
            "ORDER BY next_due, source_id", (_iso(now),))]

    def source_rows(self) -> list[SourceRow]:
        return [
            SourceRow(sid, url, kind, _opt_time(check), result, reason, int(failures),
                      bool(alerted), _opt_time(due))
            for sid, url, kind, check, result, reason, failures, alerted, due in self._rows(
                "SELECT source_id, url, kind, last_check, last_result, last_reason, "
                "consecutive_failures, failing_alerted, next_due FROM sources ORDER BY source_id")
        ]

    def known_sources(self, source_ids: Collection[str]) -> set[str]:
        """Which of these sources have been read (or tried) before."""
        ids = list(source_ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        return {row[0] for row in self._rows(f"SELECT source_id FROM sources WHERE source_id IN ({marks})", ids)}

    # -- observations and facts ----------------------------------------------

    def observations(self, target_key: str) -> list[StoredObservation]:
        return [
            StoredObservation(
                sid, doc, key, extraction_from_json(json.loads(data)), bool(structured),
                _time(first), _time(last),
                tuple(Read(_time(r["at"]), r.get("confirmed"), tuple(r.get("denied", ())))
                      for r in json.loads(history)))
            for sid, doc, key, data, structured, first, last, history in self._rows(
                "SELECT source_id, document_url, target_key, extraction, structured, first_seen, "
                "last_seen, history FROM observations WHERE target_key = ? "
                "ORDER BY source_id, document_url", (target_key,))
        ]

    def facts(self, target_key: str) -> Facts | None:
        rows = self._rows("SELECT facts FROM facts WHERE target_key = ?", (target_key,))
        return Facts.from_json(json.loads(rows[0][0])) if rows else None

    def all_facts(self) -> dict[str, Facts]:
        return {key: Facts.from_json(json.loads(data))
                for key, data in self._rows("SELECT target_key, facts FROM facts ORDER BY target_key")}

    def save_facts(self, target_key: str, facts: Facts, now: dt.datetime) -> None:
        self._run("INSERT INTO facts (target_key, facts, updated_at) VALUES (?, ?, ?) "
                  "ON CONFLICT (target_key) DO UPDATE SET facts = excluded.facts, "
                  "updated_at = excluded.updated_at",
                  (target_key, json.dumps(facts.to_json()), _iso(now)))

    # -- events and outbox ----------------------------------------------------

    def enqueue(
        self, events: Sequence[Event], routes: Routes, now: dt.datetime,
        hold_until: HoldUntil | None = None,
    ) -> int:
        """Record events in the history and queue one delivery per route; return rows queued.

        Dedupe is permanent: an event whose ``key`` was recorded before is not
        recorded again, and (event key, notifier, target) is never queued
        twice.  Recurring events (source_failing) must make ``key`` distinct,
        e.g. with the failure start time in ``new``.  ``hold_until(notifier,
        event)`` gives a not-before time (quiet hours, digest) or None (now).
        Call it inside the transaction that saves the facts causing the events.
        """
        stamp = _iso(now)
        queued = 0
        with self.transaction():
            for event in events:
                self._conn.execute(
                    "INSERT INTO events (key, kind, watch, payload, created) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (key) DO NOTHING",
                    (event.key, event.kind, event.watch, json.dumps(event.to_json()), stamp))
                event_id = self._rows("SELECT id FROM events WHERE key = ?", (event.key,))[0][0]
                targets = routes(event) if callable(routes) else routes.get(event.watch, ())
                for notifier, target in targets:
                    hold = hold_until(notifier, event) if hold_until else None
                    due = _iso(max(now, hold)) if hold else stamp
                    queued += self._conn.execute(
                        "INSERT INTO deliveries (event_id, notifier, target, status, created, "
                        "next_attempt) VALUES (?, ?, ?, 'pending', ?, ?) "
                        "ON CONFLICT (event_id, notifier, target) DO NOTHING",
                        (event_id, notifier, target, stamp, due)).rowcount
        return queued

    _DELIVERY = ("SELECT d.id, e.payload, d.event_id, d.notifier, d.target, d.status, d.attempts, "
                 "d.created, d.next_attempt, d.last_error FROM deliveries d "
                 "JOIN events e ON e.id = d.event_id ")

    def _deliveries(self, where: str, params: Sequence[Any] = ()) -> list[Delivery]:
        return [
            Delivery(did, Event.from_json(json.loads(payload)), eid, notifier, target,
                     cast(DeliveryStatus, status), attempts, _time(created), _time(due), error)
            for did, payload, eid, notifier, target, status, attempts, created, due, error
            in self._rows(self._DELIVERY + where + " ORDER BY d.created, d.id", params)
        ]

    def due_deliveries(self, now: dt.datetime) -> list[Delivery]:
        """Pending rows due by ``now`` plus rows left 'sending' by a crash, oldest first.

        Call once per delivery round under the process lock: 'sending' rows are
        assumed abandoned, and are sent again (at-least-once for a crash between
        a notifier accepting the message and ``mark_sent`` committing).
        """
        return self._deliveries("WHERE (d.status = 'pending' AND d.next_attempt <= ?) "
                                "OR d.status = 'sending'", (_iso(now),))

    def _update_ids(self, ids: Sequence[int], sql: str, params: Sequence[Any]) -> None:
        if not ids:
            return
        marks = ",".join("?" * len(ids))
        self._run(f"{sql} WHERE id IN ({marks})", (*params, *ids))

    def mark_sending(self, ids: Sequence[int], now: dt.datetime) -> None:
        """About to send: committed before the send, so a crash is visible afterwards."""
        self._update_ids(ids, "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, "
                              "next_attempt = ?", (_iso(now),))

    def mark_sent(self, ids: Sequence[int], now: dt.datetime) -> None:
        self._update_ids(ids, "UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = ''",
                         (_iso(now),))
        if self._depth == 0 and self.path != ":memory:":
            # A checkpoint syncs the WAL: a sent mark then survives even a power cut,
            # so an alert is not sent twice because of one. Sends are rare; reads are not.
            with self._lock:
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def mark_failed(
        self, id: int, error: str, next_attempt: dt.datetime | None, now: dt.datetime
    ) -> None:
        """Back to pending not before ``next_attempt``; ``None`` gives up (dead)."""
        if next_attempt is None:
            self._run("UPDATE deliveries SET status = 'dead', last_error = ? WHERE id = ?",
                      (error, id))
        else:
            self._run("UPDATE deliveries SET status = 'pending', last_error = ?, next_attempt = ? "
                      "WHERE id = ?", (error, _iso(max(now, next_attempt)), id))

    def dead_deliveries(self) -> list[Delivery]:
        return self._deliveries("WHERE d.status = 'dead'")

    def revive_dead(self, ids: Sequence[int] | None = None, *, now: dt.datetime) -> int:
        """Dead -> pending, due now, attempts reset (``premiere-watch retry``); returns rows."""
        sql = ("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt = ? "
               "WHERE status = 'dead'")
        if ids is None:
            return self._run(sql, (_iso(now),))
        if not ids:
            return 0
        return self._run(sql + f" AND id IN ({','.join('?' * len(ids))})", (_iso(now), *ids))

    def retry_now(self, now: dt.datetime) -> int:
        """Make failed-and-waiting deliveries due now (``premiere-watch retry``).

        Only rows that failed, or wait behind a failed one to the same target
        (``last_error`` set, no attempt of their own), are hurried: alerts held
        for quiet hours, a digest or the daily cap keep their time.
        """
        return self._run("UPDATE deliveries SET next_attempt = ? WHERE status = 'pending' "
                         "AND (attempts > 0 OR last_error != '') AND next_attempt > ?",
                         (_iso(now), _iso(now)))

    def held_deliveries(self, now: dt.datetime) -> list[Delivery]:
        """Pending rows held by pacing (quiet hours, digest, daily cap), not by a failure."""
        return self._deliveries("WHERE d.status = 'pending' AND d.attempts = 0 AND d.last_error = '' "
                                "AND d.next_attempt > ?", (_iso(now),))

    def hurry(self, id: int, when: dt.datetime) -> None:
        """Bring a held delivery forward to ``when`` (never later than it was)."""
        self._run("UPDATE deliveries SET next_attempt = ? WHERE id = ? AND status = 'pending' "
                  "AND next_attempt > ?", (_iso(when), id, _iso(when)))

    def events_earlier_that_day(self, event_id: int) -> int:
        """Events of the same watch recorded before this one on its UTC day (daily cap)."""
        [(watch, created)] = self._rows("SELECT watch, created FROM events WHERE id = ?", (event_id,))
        day = created[:10]
        return int(self._rows("SELECT COUNT(*) FROM events WHERE watch = ? AND created >= ? AND id < ?",
                              (watch, day, event_id))[0][0])

    def backlog(self, now: dt.datetime) -> Backlog:
        counts = dict(self._rows("SELECT status, COUNT(*) FROM deliveries GROUP BY status"))
        due = self._rows("SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND "
                         "next_attempt <= ?", (_iso(now),))[0][0]
        return Backlog(counts.get("pending", 0), due, counts.get("sending", 0),
                       counts.get("sent", 0), counts.get("dead", 0))

    def count_events_today(self, target_key: str, now: dt.datetime) -> int:
        """Events recorded for the watch since 00:00 UTC of ``now`` (per-watch daily cap)."""
        midnight = now.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        return int(self._rows("SELECT COUNT(*) FROM events WHERE watch = ? AND created >= ?",
                              (target_key, _iso(midnight)))[0][0])

    def history(self, target_key: str, limit: int = 50) -> list[EventRecord]:
        """Events emitted for a watch, newest first."""
        return [EventRecord(eid, Event.from_json(json.loads(payload)), _time(created))
                for eid, payload, created in self._rows(
                    "SELECT id, payload, created FROM events WHERE watch = ? "
                    "ORDER BY created DESC, id DESC LIMIT ?", (target_key, limit))]
