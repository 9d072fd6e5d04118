"""What the store hands back, whichever backend keeps it: plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from premiere_watch.model import Event

DeliveryStatus = Literal["pending", "sending", "sent", "dead"]
# Routes: watch key (Event.watch) -> [(notifier name, URL index)], or a function of the event.
Routes = Mapping[str, Sequence[tuple[str, int]]] | Callable[[Event], Sequence[tuple[str, int]]]
HoldUntil = Callable[[str, Event], dt.datetime | None]


class StoreError(RuntimeError):
    """The database cannot be used (newer schema than this program, unreachable server, ...)."""


def as_time(value: Any) -> dt.datetime:
    """A stored time as an aware UTC datetime (SQLite keeps ISO text, PostgreSQL timestamptz)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC)
    return dt.datetime.fromisoformat(value)


def as_opt_time(value: Any) -> dt.datetime | None:
    return as_time(value) if value else None


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
    known_before: bool = False  # the source had been read before this result (known_sources)


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

    @property
    def state(self) -> str:
        """Where the row is in the delivery state machine (see ``Store``'s doc)."""
        if self.status != "pending":
            return self.status
        if self.last_error.startswith(WAITING):
            return "waiting"
        if self.attempts or self.last_error:
            return "backoff"
        return "pacing"


# The error text a row gets while it queues behind an earlier failed alert to its target.
WAITING = "waiting: "


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
