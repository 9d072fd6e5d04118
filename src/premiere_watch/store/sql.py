"""The statements both databases run the same way, written once.

Placeholders are ``?``; JSON is kept as text (the store never looks inside
it, and text round-trips byte for byte, which also keeps ``migrate`` a plain
copy); booleans are integers.  Times go in as aware datetimes: each backend
stores them its own way (ISO text in SQLite, ``timestamptz`` in PostgreSQL)
and :func:`~premiere_watch.store.records.as_time` reads either back.
Subclasses provide the connection (``_rows``, ``_execute``, ``transaction``)
and override what differs: claims and locks.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, cast

from premiere_watch.model import Event
from premiere_watch.store.backend import Histories, ObservationRow, Snapshot
from premiere_watch.store.records import (
    Backlog,
    Delivery,
    DeliveryStatus,
    EventRecord,
    SourceRow,
    as_opt_time,
    as_time,
)


def check_aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime given to the store: {value!r} (use aware UTC)")
    return value


def marks(values: Collection[Any]) -> str:
    return ",".join("?" * len(values))


class SqlBackend:
    """Portable statements over ``_rows``/``_execute``; see the module doc."""

    location = ""
    shared = False
    rollbacks = 0

    # -- what a subclass provides ----------------------------------------------------

    def transaction(self, batched: bool = False, join: bool = False) -> AbstractAsyncContextManager[None]:
        raise NotImplementedError

    async def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    async def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """One statement inside the current transaction; returns rows changed."""
        raise NotImplementedError

    async def _execute_later(self, source_id: str, sql: str, params: Sequence[Any] = ()) -> None:
        """A write of a read's bookkeeping (``record_check``, ``touch_observation``: rows of
        ``source_id``) that the backend may hold back and run with others (SQLite, in a batch),
        provided that every later statement that may read those rows, and the commit, still
        comes after it.  Here it runs at once."""
        await self._execute(sql, params)

    async def _rows_of(self, source_ids: Collection[str], sql: str,
                       params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A read whose answer depends on no rows that ``_execute_later`` writes but those of
        ``source_ids``: a backend holding writes back need run only theirs first."""
        return await self._rows(sql, params)

    async def close(self) -> None:
        raise NotImplementedError

    async def schema_version(self) -> int:
        raise NotImplementedError

    # -- defaults a shared backend overrides ---------------------------------------------

    @asynccontextmanager
    async def batch(self) -> Any:
        """Where ``transaction(batched=True)`` may share commits; here every transaction commits alone."""
        yield

    def commit_at_end(self) -> None:
        """The current transaction must be durable when it ends; it always is here."""
        return None

    @asynccontextmanager
    async def reading(self, source_id: str) -> Any:
        """Hold the right to read a source; a private database has no one to exclude."""
        yield True

    async def lock_watches(self, target_keys: Sequence[str]) -> None:
        return None  # one writer at a time already (SQLite's write lock)

    async def claim_deliveries(self, now: dt.datetime, lease_until: dt.datetime) -> list[Delivery]:
        # One process (the instance lock): rows left 'sending' were abandoned by a crash.
        return await self.due_deliveries(now)

    async def after_sent(self) -> None:
        return None

    async def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        async with self.transaction():
            return await self._execute(sql, params)

    # -- sources ----------------------------------------------------------------------

    async def source_state(self, source_id: str) -> tuple[str | None, str | None, str | None, str] | None:
        rows = await self._rows("SELECT etag, last_modified, content_hash, memory FROM sources "
                                "WHERE source_id = ?", (source_id,))
        return cast(tuple[str | None, str | None, str | None, str], rows[0]) if rows else None

    _FAILURES = ("SELECT consecutive_failures, failing_alerted, last_check IS NOT NULL FROM sources "
                 "WHERE source_id = ?")

    async def source_failures(self, source_id: str) -> tuple[int, bool, bool] | None:
        rows = await self._rows(self._FAILURES, (source_id,))
        return (int(rows[0][0]), bool(rows[0][1]), bool(rows[0][2])) if rows else None

    # A source's failures and its read histories, in one statement (source_reads): the
    # one-row ``k`` keeps each side whether or not the other has rows.
    _READS = ("SELECT s.source_id IS NOT NULL, s.consecutive_failures, s.failing_alerted, "
              "s.last_check IS NOT NULL, r.document_url, r.target_key, r.history "
              "FROM (SELECT CAST(? AS TEXT) AS source_id) k "
              "LEFT JOIN sources s ON s.source_id = k.source_id "
              "LEFT JOIN observation_reads r ON r.source_id = k.source_id")

    # The same, with the validators, before a read (source_snapshot): all the store needs to
    # save an unchanged read, in the one statement a read of a source has to make anyway.
    _SNAPSHOT = _READS.replace("SELECT s.source_id IS NOT NULL, ",
                               "SELECT s.source_id IS NOT NULL, s.etag, s.last_modified, s.content_hash, s.memory, ")

    async def source_snapshot(self, source_id: str) -> Snapshot:
        rows = await self._rows_of((source_id,), self._SNAPSHOT, (source_id,))
        exists, etag, modified, digest, memory, failures, alerted, known = rows[0][:8]
        if not exists:
            return None, None, {(doc, target): json.loads(history) for *_, doc, target, history in rows
                                if doc is not None}
        return ((etag, modified, digest, memory), (int(failures), bool(alerted), bool(known)),
                {(doc, target): json.loads(history) for *_, doc, target, history in rows if doc is not None})

    async def source_reads(self, source_id: str, with_histories: bool) -> tuple[tuple[int, bool, bool] | None,
                                                                                Histories]:
        if not with_histories:
            return await self.source_failures(source_id), {}
        rows = await self._rows(self._READS, (source_id,))
        exists, failures, alerted, known = rows[0][:4]
        return ((int(failures), bool(alerted), bool(known)) if exists else None,
                {(doc, target): json.loads(history) for *_, doc, target, history in rows if doc is not None})

    _CHECK = ("INSERT INTO sources (source_id, url, kind, last_check, last_result, last_reason, "
              "consecutive_failures, next_due{}) VALUES (?, ?, ?, ?, ?, ?, ?, ?{}) "
              "ON CONFLICT (source_id) DO UPDATE SET url = excluded.url, kind = excluded.kind, "
              "last_check = excluded.last_check, last_result = excluded.last_result, "
              "last_reason = excluded.last_reason, consecutive_failures = excluded.consecutive_failures, "
              "next_due = COALESCE(excluded.next_due, sources.next_due){}")
    _RECORD_CHECK = _CHECK.format("", "", "")
    _RECORD_CHECK_VALIDATORS = _CHECK.format(
        ", etag, last_modified, content_hash, memory", ", ?, ?, ?, ?",
        ", etag = excluded.etag, last_modified = excluded.last_modified, "
        "content_hash = excluded.content_hash, memory = excluded.memory")

    async def record_check(self, source_id: str, url: str, kind: str, now: dt.datetime, result: str,
                           reason: str, failures: int, next_due: dt.datetime | None,
                           validators: tuple[str | None, str | None, str | None, str] | None = None) -> None:
        # One statement, a read of every source of a pass (a new source gets its row here),
        # with the read's validators when it has them (what save_validators would write).
        # Bookkeeping a backend may hold back until its next statement (_execute_later).
        if validators is None:
            await self._execute_later(source_id, self._RECORD_CHECK,
                                      (source_id, url, kind, now, result, reason, failures, next_due))
        else:
            await self._execute_later(source_id, self._RECORD_CHECK_VALIDATORS,
                                      (source_id, url, kind, now, result, reason, failures, next_due, *validators))

    async def save_validators(self, source_id: str, etag: str | None, modified: str | None,
                              content_hash: str | None, memory: str) -> None:
        await self._execute("UPDATE sources SET etag = ?, last_modified = ?, content_hash = ?, memory = ? "
                            "WHERE source_id = ?", (etag, modified, content_hash, memory, source_id))

    async def set_next_due(self, source_id: str, when: dt.datetime) -> None:
        await self._write("UPDATE sources SET next_due = ? WHERE source_id = ?", (when, source_id))

    async def set_failing_alerted(self, source_id: str, alerted: bool) -> None:
        await self._write("UPDATE sources SET failing_alerted = ? WHERE source_id = ?",
                          (int(alerted), source_id))

    async def due_sources(self, now: dt.datetime) -> list[str]:
        # (next_due IS NULL) DESC: never-scheduled first, as SQLite's NULL ordering did.
        return [r[0] for r in await self._rows(
            "SELECT source_id FROM sources WHERE next_due IS NULL OR next_due <= ? "
            "ORDER BY (next_due IS NULL) DESC, next_due, source_id", (now,))]

    async def source_rows(self) -> list[SourceRow]:
        return [
            SourceRow(sid, url, kind, as_opt_time(check), result, reason, int(failures),
                      bool(alerted), as_opt_time(due))
            for sid, url, kind, check, result, reason, failures, alerted, due in await self._rows(
                "SELECT source_id, url, kind, last_check, last_result, last_reason, "
                "consecutive_failures, failing_alerted, next_due FROM sources ORDER BY source_id")
        ]

    async def rename_sources(self, renames: Mapping[str, str]) -> int:
        """Give sources new ids, with their observations; returns how many moved.

        A new id that already has rows keeps them (it was read under that id
        since): the old rows are then left as they were, never merged.
        """
        ids = {*renames, *renames.values()}
        # Read first: once done (or on a read-only database) this writes nothing.
        present = {row[0] for row in await self._rows(
            f"SELECT source_id FROM sources WHERE source_id IN ({marks(ids)})", list(ids))}
        moves = [(old, new) for old, new in renames.items() if old in present and new not in present]
        if not moves:
            return 0
        async with self.transaction():
            for old, new in moves:
                await self._execute("UPDATE sources SET source_id = ? WHERE source_id = ?", (new, old))
                await self._execute("UPDATE observations SET source_id = ? WHERE source_id = ?", (new, old))
                await self._execute("UPDATE observation_reads SET source_id = ? WHERE source_id = ?", (new, old))
        return len(moves)

    async def known_sources(self, source_ids: Collection[str]) -> set[str]:
        ids = list(source_ids)
        if not ids:
            return set()
        # last_check: a row a scheduler created before any read does not count as read.
        return {row[0] for row in await self._rows_of(
            ids, f"SELECT source_id FROM sources WHERE last_check IS NOT NULL AND source_id IN ({marks(ids)})", ids)}

    # -- observations and facts ---------------------------------------------------------

    async def histories(self, source_id: str) -> Histories:
        return {(doc, target): json.loads(history) for doc, target, history in await self._rows(
            "SELECT document_url, target_key, history FROM observation_reads WHERE source_id = ?", (source_id,))}

    async def observation_extraction(self, source_id: str, document_url: str, target_key: str) -> str:
        [(extraction,)] = await self._rows(
            "SELECT extraction FROM observations WHERE source_id = ? AND document_url = ? AND target_key = ?",
            (source_id, document_url, target_key))
        return str(extraction)

    async def upsert_observation(self, source_id: str, document_url: str, target_key: str, extraction: str,
                                 structured: bool, published: str | None, now: dt.datetime,
                                 history: str) -> None:
        await self._execute(
            "INSERT INTO observations (source_id, document_url, target_key, extraction, structured,"
            " published, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source_id, document_url, target_key) DO UPDATE SET "
            "extraction = excluded.extraction, structured = excluded.structured, "
            "published = excluded.published",
            (source_id, document_url, target_key, extraction, int(structured), published, now))
        await self._execute(
            "INSERT INTO observation_reads (source_id, document_url, target_key, last_seen, history) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_id, document_url, target_key) DO UPDATE SET "
            "last_seen = excluded.last_seen, history = excluded.history",
            (source_id, document_url, target_key, now, history))

    async def touch_observation(self, source_id: str, document_url: str, target_key: str,
                                now: dt.datetime, history: str) -> None:
        # The small reads row only: the extraction beside it is left as the last change wrote it.
        await self._execute_later(source_id, "UPDATE observation_reads SET last_seen = ?, history = ? "
                                  "WHERE source_id = ? AND document_url = ? AND target_key = ?",
                                  (now, history, source_id, document_url, target_key))

    async def observations(self, target_key: str) -> list[ObservationRow]:
        return [
            (sid, doc, key, data, bool(structured), as_time(first), as_time(last), history)
            for sid, doc, key, data, structured, first, last, history in await self._rows(
                "SELECT o.source_id, o.document_url, o.target_key, o.extraction, o.structured, o.first_seen, "
                "r.last_seen, r.history FROM observations o JOIN observation_reads r "
                "ON r.source_id = o.source_id AND r.document_url = o.document_url AND r.target_key = o.target_key "
                "WHERE o.target_key = ? ORDER BY o.source_id, o.document_url", (target_key,))
        ]

    _FACTS = "SELECT facts FROM facts WHERE target_key = ?"

    async def facts(self, target_key: str, for_update: bool) -> str | None:
        rows = await self._rows_of((), self._FACTS, (target_key,))  # no source's rows
        return str(rows[0][0]) if rows else None

    async def all_facts(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in await self._rows("SELECT target_key, facts FROM facts ORDER BY target_key")]

    async def save_facts(self, target_key: str, facts: str, now: dt.datetime) -> None:
        await self._write("INSERT INTO facts (target_key, facts, updated_at) VALUES (?, ?, ?) "
                          "ON CONFLICT (target_key) DO UPDATE SET facts = excluded.facts, "
                          "updated_at = excluded.updated_at", (target_key, facts, now))

    # -- events and outbox ---------------------------------------------------------------

    async def insert_event(self, key: str, kind: str, watch: str, payload: str, now: dt.datetime) -> int:
        await self._execute("INSERT INTO events (key, kind, watch, payload, created) VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT (key) DO NOTHING", (key, kind, watch, payload, now))
        return int((await self._rows("SELECT id FROM events WHERE key = ?", (key,)))[0][0])

    async def insert_delivery(self, event_id: int, notifier: str, target: int, now: dt.datetime,
                              due: dt.datetime) -> bool:
        return bool(await self._execute(
            "INSERT INTO deliveries (event_id, notifier, target, status, created, next_attempt) "
            "VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (event_id, notifier, target) DO NOTHING",
            (event_id, notifier, target, now, due)))

    _DELIVERY = ("SELECT d.id, e.payload, d.event_id, d.notifier, d.target, d.status, d.attempts, "
                 "d.created, d.next_attempt, d.last_error FROM deliveries d "
                 "JOIN events e ON e.id = d.event_id ")

    @staticmethod
    def _delivery(row: Sequence[Any]) -> Delivery:
        did, payload, eid, notifier, target, status, attempts, created, due, error = row
        return Delivery(int(did), Event.from_json(json.loads(payload)), int(eid), notifier, int(target),
                        cast(DeliveryStatus, status), int(attempts), as_time(created), as_time(due), error)

    async def _deliveries(self, where: str, params: Sequence[Any] = ()) -> list[Delivery]:
        return [self._delivery(row)
                for row in await self._rows(self._DELIVERY + where + " ORDER BY d.created, d.id", params)]

    async def due_deliveries(self, now: dt.datetime) -> list[Delivery]:
        return await self._deliveries("WHERE (d.status = 'pending' AND d.next_attempt <= ?) "
                                      "OR d.status = 'sending'", (now,))

    async def held_deliveries(self, now: dt.datetime) -> list[Delivery]:
        return await self._deliveries("WHERE d.status = 'pending' AND d.attempts = 0 AND d.last_error = '' "
                                      "AND d.next_attempt > ?", (now,))

    async def dead_deliveries(self) -> list[Delivery]:
        return await self._deliveries("WHERE d.status = 'dead'")

    async def _update(self, ids: Sequence[int], sql: str, params: Sequence[Any]) -> None:
        if ids:
            await self._write(f"{sql} WHERE id IN ({marks(ids)})", (*params, *ids))

    async def set_sending(self, ids: Sequence[int], now: dt.datetime) -> None:
        await self._update(ids, "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, "
                                "next_attempt = ?", (now,))

    async def set_sent(self, ids: Sequence[int], now: dt.datetime) -> None:
        await self._update(ids, "UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = ''", (now,))

    async def set_pending(self, id: int, error: str, next_attempt: dt.datetime) -> None:
        await self._write("UPDATE deliveries SET status = 'pending', last_error = ?, next_attempt = ? "
                          "WHERE id = ?", (error, next_attempt, id))

    async def set_dead(self, id: int, error: str) -> None:
        await self._write("UPDATE deliveries SET status = 'dead', last_error = ? WHERE id = ?", (error, id))

    async def revive_dead(self, ids: Sequence[int] | None, now: dt.datetime) -> int:
        sql = "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt = ? WHERE status = 'dead'"
        if ids is None:
            return await self._write(sql, (now,))
        if not ids:
            return 0
        return await self._write(sql + f" AND id IN ({marks(ids)})", (now, *ids))

    async def hurry_failed(self, now: dt.datetime) -> int:
        return await self._write("UPDATE deliveries SET next_attempt = ? WHERE status = 'pending' "
                                 "AND (attempts > 0 OR last_error != '') AND next_attempt > ?", (now, now))

    async def hurry(self, id: int, when: dt.datetime) -> None:
        await self._write("UPDATE deliveries SET next_attempt = ? WHERE id = ? AND status = 'pending' "
                          "AND next_attempt > ?", (when, id, when))

    async def event_day(self, event_id: int) -> tuple[str, dt.datetime]:
        [(watch, created)] = await self._rows("SELECT watch, created FROM events WHERE id = ?", (event_id,))
        return str(watch), as_time(created)

    async def count_events(self, watch: str, since: dt.datetime, before_id: int | None = None) -> int:
        if before_id is None:
            rows = await self._rows("SELECT COUNT(*) FROM events WHERE watch = ? AND created >= ?", (watch, since))
        else:
            rows = await self._rows("SELECT COUNT(*) FROM events WHERE watch = ? AND created >= ? AND id < ?",
                                    (watch, since, before_id))
        return int(rows[0][0])

    async def backlog(self, now: dt.datetime) -> Backlog:
        counts = {status: int(n) for status, n in
                  await self._rows("SELECT status, COUNT(*) FROM deliveries GROUP BY status")}
        due = (await self._rows("SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND "
                                "next_attempt <= ?", (now,)))[0][0]
        return Backlog(counts.get("pending", 0), int(due), counts.get("sending", 0),
                       counts.get("sent", 0), counts.get("dead", 0))

    async def history(self, watch: str, limit: int) -> list[EventRecord]:
        return [EventRecord(int(eid), Event.from_json(json.loads(payload)), as_time(created))
                for eid, payload, created in await self._rows(
                    "SELECT id, payload, created FROM events WHERE watch = ? "
                    "ORDER BY created DESC, id DESC LIMIT ?", (watch, limit))]

    # -- read-only views ----------------------------------------------------------------

    async def recent_events(self, limit: int) -> list[EventRecord]:
        return [EventRecord(int(eid), Event.from_json(json.loads(payload)), as_time(created))
                for eid, payload, created in await self._rows(
                    "SELECT id, payload, created FROM events ORDER BY created DESC, id DESC LIMIT ?", (limit,))]

    async def delivery_counts(self) -> dict[tuple[str, str], int]:
        return {(str(notifier), str(state)): int(n) for notifier, state, n in await self._rows(
            "SELECT notifier, CASE WHEN status = 'pending' AND (attempts > 0 OR last_error != '') "
            "THEN 'failed' WHEN status = 'pending' THEN 'queued' ELSE status END AS state, COUNT(*) "
            "FROM deliveries GROUP BY notifier, state")}
