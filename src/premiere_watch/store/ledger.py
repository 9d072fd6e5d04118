"""The store's rules, once, over any backend: the ledger.

Sources, observations, facts, event history and the outbox.  Every public
write is atomic on its own and joins an enclosing ``async with
store.transaction():``, so the pipeline saves facts and enqueues the events
they caused in ONE transaction.

Delivery guarantee: an event is in the outbox iff the facts that caused it are
committed.  A delivery row moves through explicit states (``Delivery.state``):

    pacing (held: quiet hours, digest, daily cap) ─┐
    backoff (failed, retry later) ─────────────────┼─► sending ─► sent
    waiting (behind a failed alert to its target) ─┘      └─────► backoff | dead

A row is *claimed* before it is sent.  On a private database (SQLite, one
process under the instance lock) a row left 'sending' was abandoned by a
crash and is claimed again; on a shared one (PostgreSQL) a claim is a lease
that lapses when its holder dies.  At-least-once in the small window between
a notifier accepting a message and ``mark_sent`` recording it; exactly once
otherwise — a database that cannot take the sent mark (a full disk) included:
the room to record each send is reserved before it (receipts.py).  Dedupe
is permanent: an event key is recorded once, and (event key, notifier, URL
index) is queued once, whatever happens later.  Apprise
URLs are never stored (they hold secrets): a delivery names the notifier and
the index of the URL within it.

Observations keep the latest extraction per (source, document, target) plus
the last ``HISTORY_LIMIT`` reads of its confirmed/denied dates, which the
anti-flap rule of reconcile.py reads.  A failed read never touches them; an
unchanged read (304, same hash) counts as one more read of the same values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from premiere_watch.facts import Facts, Read, StoredObservation, extraction_from_json, extraction_to_json
from premiere_watch.model import Event
from premiere_watch.sources.base import SourceResult, SourceState
from premiere_watch.store.backend import Backend, Histories
from premiere_watch.store.receipts import Receipts, Reservation
from premiere_watch.store.records import (
    Backlog,
    Delivery,
    EventRecord,
    HoldUntil,
    Routes,
    SavedResult,
    SourceRow,
    StoreError,
)
from premiere_watch.store.sql import check_aware

# Reads kept per (source, document, target) for the anti-flap rule: long
# enough that a page flipping at random between versions practically never
# looks settled (going back to an earlier value within them marks it flapping).
HISTORY_LIMIT = 20

# How long a claimed delivery stays with its claimant: longer than any send
# (Apprise's timeout is 60 s), so a live sender is never second-guessed.
DELIVERY_LEASE = dt.timedelta(minutes=5)


def _stamp(now: dt.datetime) -> str:
    return check_aware(now).astimezone(dt.UTC).isoformat(timespec="microseconds")


def _read_entry(extraction: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    """One read in an observation's history: what it confirmed and denied."""
    confirmed = extraction.get("confirmed")
    return {"at": _stamp(now),
            "confirmed": confirmed["date"] if confirmed else None,
            "denied": [d["date"] for d in extraction.get("denied", ())]}


def _history(entries: list[dict[str, Any]]) -> str:
    return json.dumps(entries[-HISTORY_LIMIT:])


class Store:
    """The ledger: ``Store(backend)``; ``open_store`` picks the backend from the watchlist."""

    def __init__(self, backend: Backend, receipts: Receipts | None = None) -> None:
        self.backend = backend
        # Room for "sent" reserved before each send (receipts.py); None: not kept (in-memory tests).
        self.receipts = receipts
        self._reserved: dict[int, Reservation] = {}  # delivery id -> the receipt room of its send
        # Sources whose read (or try) is committed: a source once read stays read (its check
        # time is never cleared), so known_sources need not ask about them again.
        self._read: set[str] = set()
        # Sources this process has recorded a read of that may not be committed yet (a batched
        # unit may still be rolled back): while it is uncommitted, a row showing the source read
        # may be that write.  A read rolled back stays counted here: its source is asked about.
        self._unsettled: Counter[str] = Counter()
        # What a source's read needs to save it, read with its validators before the read
        # (source_state) and used by the save that follows (save_source_result) unless this
        # process wrote the source, or undid anything, in between (_writes, backend.rollbacks).
        self._snapshots: dict[str, tuple[int, int, tuple[int, bool, bool] | None, Histories]] = {}
        self._writes: Counter[str] = Counter()  # writes to a source's rows by this process
        # Watches whose facts were settled when last read (facts_settled), on a private database
        # (nobody else writes facts): kept until this process writes them or undoes anything.
        self._settled: dict[str, tuple[int, int]] = {}  # watch -> (_fact_writes, rollbacks) then
        self._fact_writes: Counter[str] = Counter()

    @property
    def location(self) -> str:
        return self.backend.location

    @property
    def shared(self) -> bool:
        return self.backend.shared

    def transaction(self, *, batched: bool = False) -> AbstractAsyncContextManager[None]:
        """Atomic group; nested uses join the outer one.

        ``batched``: inside :meth:`batch`, the backend may commit it with the next
        batched ones instead of at its end — unless it queued alerts (:meth:`enqueue`),
        which are committed when it ends, batched or not.
        """
        return self.backend.transaction(batched)

    def batch(self) -> AbstractAsyncContextManager[None]:
        """``async with store.batch():`` batched transactions inside may share commits
        (SQLite; a shared database commits each alone); all are committed when it ends."""
        return self.backend.batch()

    def reading(self, source_id: str) -> AbstractAsyncContextManager[bool]:
        """``async with store.reading(id) as mine``: False when another process reads it now."""
        return self.backend.reading(source_id)

    async def close(self) -> None:
        await self.backend.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def schema_version(self) -> int:
        return await self.backend.schema_version()

    # -- sources ------------------------------------------------------------

    async def source_state(self, source_id: str) -> SourceState:
        """Validators and memory to hand the source on its next read (empty if new).

        Read with what saving the read needs (failures, read histories) in one statement,
        without a lock, kept for the ``save_source_result`` that follows: a source is read by
        one process at a time (``reading``), so only this process can change those rows in
        between, and the save reads them again if it did (or undid anything since).
        """
        row, failures, histories = await self.backend.source_snapshot(source_id)
        if not self._unsettled[source_id]:  # else it shows a write of ours that may yet be undone
            self._snapshots[source_id] = (self._writes[source_id], self.backend.rollbacks, failures, histories)
        if row is None:
            return SourceState()
        etag, modified, digest, memory = row
        return SourceState(etag, modified, digest, json.loads(memory))

    async def save_source_result(
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

        Inside a transaction it joins it without a savepoint of its own (two statements
        a read): should it fail, the enclosing transaction must not go on but let the
        failure through and be undone whole, as the pipeline's does (``Pipeline._commit``).
        """
        b = self.backend
        async with b.transaction(join=True):
            # A failed read tells nothing: validators, memory and observations
            # stay as the last good read left them.
            good = result.status != "failed"
            snapshot = self._snapshots.pop(source_id, None)
            self._writes[source_id] += 1
            if snapshot is not None and snapshot[:2] == (self._writes[source_id] - 1, b.rollbacks):
                # As source_state read them: only a read of the source writes its failures,
                # check and histories (a cluster's scheduler writes its next due time alone),
                # and it is read by one process at a time (``reading``, which check_source
                # holds from before source_state until after this save commits).
                _, _, row, histories = snapshot
            else:
                # Failures and read histories in one statement (SQLite; benchmarks/README.md).
                row, histories = await b.source_reads(source_id, with_histories=good)
            before, alerted, known = row or (0, False, False)
            if known and not self._unsettled[source_id]:
                self._read.add(source_id)  # read before, and not by a write of ours still uncommitted
            self._unsettled[source_id] += 1  # before the write that makes it look read
            self.backend.after_commit(lambda: self._settle(source_id))
            failures = 0 if good else before + 1
            st = result.state
            await b.record_check(source_id, url, kind, check_aware(now), result.status, result.reason,
                                 failures, next_due,
                                 (st.etag, st.last_modified, st.content_hash, json.dumps(st.memory)) if good else None)
            targets: set[str] = set()
            if good:
                if result.status == "ok":
                    # One read per document and target even if a result repeats one
                    # (a feed listing an article twice): two reads would pass as stable.
                    latest = {(o.document_url, o.target_key): o for o in result.observations}
                    for (document_url, target_key), obs in latest.items():
                        extraction = extraction_to_json(obs.extraction)
                        entries = [*histories.get((document_url, target_key), []), _read_entry(extraction, now)]
                        await b.upsert_observation(source_id, document_url, target_key, json.dumps(extraction),
                                                   obs.structured, extraction.get("published"), now,
                                                   _history(entries))
                        targets.add(target_key)
                else:
                    targets |= await self._reread(source_id, histories, now)
        return SavedResult(tuple(sorted(targets)), failures, before, alerted, known)

    def _settle(self, source_id: str) -> None:
        """A read of the source is committed."""
        self._read.add(source_id)
        self._unsettled[source_id] -= 1
        if not self._unsettled[source_id]:
            del self._unsettled[source_id]

    async def _reread(self, source_id: str, histories: dict[tuple[str, str], list[dict[str, Any]]],
                      now: dt.datetime) -> set[str]:
        """An unchanged read (304, same hash) is one more read of every stored value.

        The content is what the last read stored, so the new history entry is the
        last one with a new time: the stored extraction (the bulk of a row) is not
        decoded and re-encoded, which was most of a warm pass's store time.
        """
        for (document_url, target_key), entries in histories.items():
            if entries:
                entry = {**entries[-1], "at": _stamp(now)}
            else:  # a row from before histories were kept
                extraction = await self.backend.observation_extraction(source_id, document_url, target_key)
                entry = _read_entry(json.loads(extraction), now)
            await self.backend.touch_observation(source_id, document_url, target_key, now,
                                                 _history([*entries, entry]))
        return {target_key for _, target_key in histories}

    async def set_next_due(self, source_id: str, when: dt.datetime) -> None:
        await self.backend.set_next_due(source_id, check_aware(when))

    async def set_failing_alerted(self, source_id: str, alerted: bool) -> None:
        self._writes[source_id] += 1
        await self.backend.set_failing_alerted(source_id, alerted)

    async def due_sources(self, now: dt.datetime) -> list[str]:
        """Known source ids whose next_due is unset or <= now (never-seen ids are the caller's)."""
        return await self.backend.due_sources(check_aware(now))

    async def source_rows(self) -> list[SourceRow]:
        return await self.backend.source_rows()

    async def rename_sources(self, renames: Mapping[str, str]) -> int:
        """Move sources (validators, memory, failure count, observations) to new ids.

        Run when a watchlist meets its database (``Config.former_source_ids``),
        so a database made by an earlier release keeps its sources when their
        identity is computed differently; a no-op once done.
        """
        if not renames:
            return 0
        self._read.clear()  # an id renamed away is no longer read (known_sources asks again)
        self._snapshots.clear()
        self._writes.update(renames.values())
        return await self.backend.rename_sources(renames)

    async def known_sources(self, source_ids: Collection[str]) -> set[str]:
        """Which of these sources have been read (or tried) before.

        A source once read stays read, so the answer is kept: a watch of ten sources
        asks about the other nine about once a pass, not on each of their reads.  Only
        a committed read is kept: a batched read may still be rolled back, and then the
        source was never read.  A row showing a source read is committed unless this
        process wrote it in a transaction not committed yet (``_unsettled``; another
        process's uncommitted rows are not visible), and a read of ours is kept when it
        commits (``after_commit``).  On a shared database other processes read sources
        too: a source one of them has read stays read for this process as well (the
        answer only ever goes from unread to read), so what is kept never goes stale.
        """
        known = self._read.intersection(source_ids)
        ask = [s for s in source_ids if s not in known]
        if ask:
            found = await self.backend.known_sources(ask)
            known |= found
            self._read.update(s for s in found if not self._unsettled[s])
        return known

    # -- observations and facts ----------------------------------------------

    async def observations(self, target_key: str) -> list[StoredObservation]:
        return [
            StoredObservation(sid, doc, key, extraction_from_json(json.loads(data)), structured, first, last,
                              tuple(Read(dt.datetime.fromisoformat(r["at"]), r.get("confirmed"),
                                         tuple(r.get("denied", ()))) for r in json.loads(history)))
            for sid, doc, key, data, structured, first, last, history in await self.backend.observations(target_key)
        ]

    async def lock_watches(self, target_keys: Collection[str]) -> None:
        """Before rewriting facts: one writer per watch (sorted, so two writers never deadlock)."""
        await self.backend.lock_watches(sorted(set(target_keys)))

    async def facts(self, target_key: str, *, for_update: bool = False) -> Facts | None:
        data = await self.backend.facts(target_key, for_update)
        return Facts.from_json(json.loads(data)) if data is not None else None

    async def facts_settled(self, target_key: str) -> bool:
        """The watch has facts, and no change of them waits for another read (``Facts.pending``).

        On a shared database it locks them as ``facts(for_update=True)`` does; on a private
        one a settled answer is kept until this process writes them or undoes anything.  An
        unchanged read asks only this (pipeline.py): its JSON is read for that one field, not
        built into Facts (~2% of a warm pass).
        """
        b = self.backend
        if not b.shared and self._settled.get(target_key) == (self._fact_writes[target_key], b.rollbacks):
            return True  # as last read: only this process writes them (save_facts), and it has not since
        data = await b.facts(target_key, True)
        settled = data is not None and not json.loads(data).get("pending")
        if settled and not b.shared:
            self._settled[target_key] = (self._fact_writes[target_key], b.rollbacks)
        return settled

    async def all_facts(self) -> dict[str, Facts]:
        return {key: Facts.from_json(json.loads(data)) for key, data in await self.backend.all_facts()}

    async def save_facts(self, target_key: str, facts: Facts, now: dt.datetime) -> None:
        self._fact_writes[target_key] += 1
        await self.backend.save_facts(target_key, json.dumps(facts.to_json()), check_aware(now))

    # -- events and outbox ----------------------------------------------------

    async def enqueue(
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
        check_aware(now)
        queued = 0
        async with self.transaction():
            if events:
                self.backend.commit_at_end()  # an alert is never left in a batch a crash could lose
            for event in events:
                event_id = await self.backend.insert_event(event.key, event.kind, event.watch,
                                                           json.dumps(event.to_json()), now)
                targets = routes(event) if callable(routes) else routes.get(event.watch, ())
                for notifier, target in targets:
                    hold = hold_until(notifier, event) if hold_until else None
                    due = max(now, hold) if hold else now
                    queued += await self.backend.insert_delivery(event_id, notifier, target, now, due)
        return queued

    async def due_deliveries(self, now: dt.datetime) -> list[Delivery]:
        """Pending rows due by ``now`` and rows being sent, oldest first (a read, no claim)."""
        return await self.backend.due_deliveries(check_aware(now))

    async def claim_deliveries(self, now: dt.datetime) -> list[Delivery]:
        """The due rows this process may send now, oldest first.

        Private database: every due row, and rows left 'sending' by a crash
        (sent again: at-least-once for a crash between a notifier accepting
        the message and ``mark_sent`` committing).  Shared database: rows no
        live process holds, leased to this one; a target another process is
        sending to is left to it, so each target's alerts keep their order.
        """
        await self._apply_receipts()
        return await self.backend.claim_deliveries(check_aware(now), now + DELIVERY_LEASE)

    async def mark_sending(self, ids: Sequence[int], now: dt.datetime) -> None:
        """About to send: committed before the send, so a crash is visible afterwards.

        The room to record the send is reserved first (receipts.py): on a full
        disk this fails, as a StoreError, and nothing is sent.
        """
        check_aware(now)
        if self.receipts is not None and ids:
            try:
                reservation = self.receipts.reserve(tuple(ids))
            except OSError as exc:
                raise StoreError(f"cannot reserve room to record a send in {self.receipts.path} "
                                 f"({exc.strerror or exc}): free space on that disk; nothing was sent") from exc
            self._reserved.update(dict.fromkeys(ids, reservation))
        try:
            await self.backend.set_sending(ids, now)
        except BaseException:
            self._release(ids)
            raise

    async def mark_sent(self, ids: Sequence[int], now: dt.datetime) -> None:
        """Sent. Recorded first in the room ``mark_sending`` reserved, which cannot fail for want
        of space; if the database then cannot take the mark, the next round applies the receipt."""
        check_aware(now)
        reservation = self._reserved.get(ids[0]) if ids else None
        if self.receipts is not None and reservation is not None:
            self.receipts.record(reservation, now)
        await self.backend.set_sent(ids, now)
        self._release(ids)
        await self.backend.after_sent()

    async def mark_failed(
        self, id: int, error: str, next_attempt: dt.datetime | None, now: dt.datetime
    ) -> None:
        """Back to pending not before ``next_attempt``; ``None`` gives up (dead)."""
        if next_attempt is None:
            await self.backend.set_dead(id, error)
        else:
            await self.backend.set_pending(id, error, max(check_aware(now), next_attempt))
        self._release([id])

    def _release(self, ids: Sequence[int]) -> None:
        if self.receipts is not None:
            for reservation in {self._reserved.pop(i) for i in ids if i in self._reserved}:
                self.receipts.release(reservation)

    async def _apply_receipts(self) -> None:
        """Mark sent what was sent when the database could not take the mark (receipts.py)."""
        if self.receipts is None:
            return
        for ids, when in self.receipts.sent():
            await self.backend.set_sent(ids, when)
        self.receipts.applied()
        self._reserved.clear()

    async def dead_deliveries(self) -> list[Delivery]:
        return await self.backend.dead_deliveries()

    async def revive_dead(self, ids: Sequence[int] | None = None, *, now: dt.datetime) -> int:
        """Dead -> pending, due now, attempts reset (``premiere-watch retry``); returns rows."""
        return await self.backend.revive_dead(ids, check_aware(now))

    async def retry_now(self, now: dt.datetime) -> int:
        """Make failed-and-waiting deliveries due now (``premiere-watch retry``).

        Only rows in backoff, or waiting behind a failed one to the same target,
        are hurried: alerts held for quiet hours, a digest or the daily cap
        (pacing) keep their time.
        """
        return await self.backend.hurry_failed(check_aware(now))

    async def held_deliveries(self, now: dt.datetime) -> list[Delivery]:
        """Pending rows held by pacing (quiet hours, digest, daily cap), not by a failure."""
        return await self.backend.held_deliveries(check_aware(now))

    async def hurry(self, id: int, when: dt.datetime) -> None:
        """Bring a held delivery forward to ``when`` (never later than it was)."""
        await self.backend.hurry(id, check_aware(when))

    async def count_events_since(self, target_key: str, since: dt.datetime) -> int:
        """Events recorded for the watch since ``since`` (the daily cap: since the notifier's midnight)."""
        return await self.backend.count_events(target_key, check_aware(since))

    async def events_earlier_that_day(
        self, event_id: int, day_start: Callable[[dt.datetime], dt.datetime]
    ) -> int:
        """Events of the same watch recorded before this one on its day, which began at
        ``day_start(when the event was recorded)`` (the notifier's midnight: notify.day_start)."""
        watch, created = await self.backend.event_day(event_id)
        return await self.backend.count_events(watch, check_aware(day_start(created)), before_id=event_id)

    async def backlog(self, now: dt.datetime) -> Backlog:
        return await self.backend.backlog(check_aware(now))

    async def history(self, target_key: str, limit: int = 50) -> list[EventRecord]:
        """Events emitted for a watch, newest first."""
        return await self.backend.history(target_key, limit)

    # -- read-only views (calendar, dashboard, metrics) -----------------------------------

    async def recent_events(self, limit: int = 50) -> list[EventRecord]:
        """Events of every watch (and ops events), newest first."""
        return await self.backend.recent_events(limit)

    async def delivery_counts(self) -> dict[tuple[str, str], int]:
        """Deliveries per (notifier, state): queued, failed (waiting for a retry), sending, sent, dead."""
        return await self.backend.delivery_counts()

    async def size_bytes(self) -> int:
        """How much room the database takes."""
        return await self.backend.size_bytes()
