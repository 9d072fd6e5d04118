"""What the read-only views (the calendar, the dashboard, the feed, metrics) need of a store.

They never write: typing them against this narrow protocol instead of a whole
backend keeps them working on any store that answers these reads.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from premiere_watch.facts import Facts
from premiere_watch.store.records import Backlog, Delivery, EventRecord, SourceRow


class ReadStore(Protocol):
    async def all_facts(self) -> dict[str, Facts]: ...

    async def history(self, target_key: str, limit: int = 50) -> list[EventRecord]: ...

    async def recent_events(self, limit: int = 50) -> list[EventRecord]: ...

    async def source_rows(self) -> list[SourceRow]: ...

    async def backlog(self, now: dt.datetime) -> Backlog: ...

    async def dead_deliveries(self) -> list[Delivery]: ...

    async def delivery_counts(self) -> dict[tuple[str, str], int]: ...

    async def size_bytes(self) -> int: ...
