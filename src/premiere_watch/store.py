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
once otherwise.  Apprise URLs are never stored (they hold secrets): a delivery
names the notifier and the index of the URL within it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

from premiere_watch.model import Event
from premiere_watch.reconcile import Facts, StoredObservation
from premiere_watch.sources.base import SourceResult, SourceState

# Reads kept per (source, document, target) for the anti-flap rule.
HISTORY_LIMIT = 8

DeliveryStatus = Literal["pending", "sending", "sent", "dead"]
# Routes: watch key (Event.watch) -> [(notifier name, URL index)], or a function of the event.
Routes = Mapping[str, Sequence[tuple[str, int]]] | Callable[[Event], Sequence[tuple[str, int]]]
HoldUntil = Callable[[str, Event], dt.datetime | None]

MIGRATIONS: list[str] = []  # filled in by the implementation


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


class Store:
    """The SQLite database. ``Store(":memory:")`` for tests; a context manager."""

    def __init__(self, path: str | Path) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Atomic group; nested uses join the outer one (savepoints)."""
        raise NotImplementedError
        yield

    # -- sources ------------------------------------------------------------

    def source_state(self, source_id: str) -> SourceState:
        """Validators and memory to hand the source on its next read (empty if new)."""
        raise NotImplementedError

    def save_source_result(
        self, source_id: str, url: str, kind: str, result: SourceResult, now: dt.datetime,
        next_due: dt.datetime | None = None,
    ) -> SavedResult:
        """Record one read of a source.

        ok: upsert each observation (latest per source, document, target) and
        append its confirmed date to the read history; unchanged: count a read
        of every stored observation of the source (same content, same value);
        failed: keep validators, memory and observations, bump the failure count.
        """
        raise NotImplementedError

    def set_next_due(self, source_id: str, when: dt.datetime) -> None:
        raise NotImplementedError

    def set_failing_alerted(self, source_id: str, alerted: bool) -> None:
        raise NotImplementedError

    def due_sources(self, now: dt.datetime) -> list[str]:
        """Known source ids whose next_due is unset or <= now (never-seen ids are the caller's)."""
        raise NotImplementedError

    def source_rows(self) -> list[SourceRow]:
        raise NotImplementedError

    # -- observations and facts ----------------------------------------------

    def observations(self, target_key: str) -> list[StoredObservation]:
        raise NotImplementedError

    def facts(self, target_key: str) -> Facts | None:
        raise NotImplementedError

    def all_facts(self) -> dict[str, Facts]:
        raise NotImplementedError

    def save_facts(self, target_key: str, facts: Facts, now: dt.datetime) -> None:
        raise NotImplementedError

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
        """
        raise NotImplementedError

    def due_deliveries(self, now: dt.datetime) -> list[Delivery]:
        """Pending rows due by ``now`` plus rows left 'sending' by a crash, oldest first.

        Call once per delivery round under the process lock: 'sending' rows are
        assumed abandoned.
        """
        raise NotImplementedError

    def mark_sending(self, ids: Sequence[int], now: dt.datetime) -> None:
        raise NotImplementedError

    def mark_sent(self, ids: Sequence[int], now: dt.datetime) -> None:
        raise NotImplementedError

    def mark_failed(
        self, id: int, error: str, next_attempt: dt.datetime | None, now: dt.datetime
    ) -> None:
        """Back to pending not before ``next_attempt``; ``None`` gives up (dead)."""
        raise NotImplementedError

    def dead_deliveries(self) -> list[Delivery]:
        raise NotImplementedError

    def revive_dead(self, ids: Sequence[int] | None = None, *, now: dt.datetime) -> int:
        """Dead -> pending, due now, attempts reset (``premiere-watch retry``)."""
        raise NotImplementedError

    def backlog(self, now: dt.datetime) -> Backlog:
        raise NotImplementedError

    def count_events_today(self, target_key: str, now: dt.datetime) -> int:
        """Events recorded for the watch since 00:00 UTC of ``now`` (per-watch daily cap)."""
        raise NotImplementedError

    def history(self, target_key: str, limit: int = 50) -> list[EventRecord]:
        """Events emitted for a watch, newest first."""
        raise NotImplementedError
