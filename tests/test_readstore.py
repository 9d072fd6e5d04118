"""The store's reads for the calendar, dashboard and metrics (readstore.ReadStore), per backend."""

from __future__ import annotations

import datetime as dt

import pytest

from premiere_watch.model import Event
from premiere_watch.readstore import ReadStore
from premiere_watch.store import Store

pytestmark = pytest.mark.anyio

T0 = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


def event(watch: str, new: str) -> Event:
    return Event(kind="premiere_announced", watch=watch, label=watch.title(), new=new)


async def test_recent_events_delivery_counts_and_size(store: Store) -> None:
    reader: ReadStore = store  # the narrow interface the views are typed against
    await store.enqueue([event("narcos", "2016-09-02")], {"narcos": [("fans", 0), ("ops", 0)]}, T0)
    await store.enqueue([event("dark", "2020-06")], {"dark": [("fans", 0)]}, T0 + dt.timedelta(minutes=1))
    assert [r.event.watch for r in await reader.recent_events(10)] == ["dark", "narcos"]
    assert [r.event.watch for r in await reader.recent_events(1)] == ["dark"]

    rows = {(d.notifier, d.event.watch): d for d in await store.due_deliveries(T0 + dt.timedelta(hours=1))}
    await store.mark_sending([rows["fans", "narcos"].id], T0)
    await store.mark_sent([rows["fans", "narcos"].id], T0)
    await store.mark_failed(rows["ops", "narcos"].id, "HTTP 500", T0 + dt.timedelta(hours=1), T0)
    await store.mark_failed(rows["fans", "dark"].id, "gone", None, T0)
    assert await reader.delivery_counts() == {("fans", "sent"): 1, ("ops", "failed"): 1, ("fans", "dead"): 1}
    assert await reader.size_bytes() > 0
