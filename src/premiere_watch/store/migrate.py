"""``premiere-watch migrate --to postgresql://…``: one machine's SQLite state into PostgreSQL.

Everything is copied as it is — sources with their validators and next due
times, observations with their read histories, facts, the event history and
the outbox (pending, held, dead and sent rows, with their ids) — in one
PostgreSQL transaction, so a failed copy leaves the target as it was.  A
target that already holds any state is refused: merging two histories could
send an alert twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from premiere_watch.store.records import StoreError, as_opt_time
from premiere_watch.store.sqlite import SqliteBackend

# table -> (columns, the time columns among them); parents before children.
TABLES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "sources": (("source_id", "url", "kind", "etag", "last_modified", "content_hash", "memory", "last_check",
                 "last_result", "last_reason", "consecutive_failures", "failing_alerted", "next_due"),
                frozenset({"last_check", "next_due"})),
    "observations": (("source_id", "document_url", "target_key", "extraction", "structured", "published",
                      "first_seen"), frozenset({"first_seen"})),
    "observation_reads": (("source_id", "document_url", "target_key", "last_seen", "history"),
                          frozenset({"last_seen"})),
    "facts": (("target_key", "facts", "updated_at"), frozenset({"updated_at"})),
    "events": (("id", "key", "kind", "watch", "payload", "created"), frozenset({"created"})),
    "deliveries": (("id", "event_id", "notifier", "target", "status", "attempts", "created", "next_attempt",
                    "last_error", "sent_at"), frozenset({"created", "next_attempt", "sent_at"})),
}


async def copy_sqlite_to_postgres(path: Path, url: str) -> dict[str, int]:
    """Copy the SQLite database at ``path`` into the empty PostgreSQL database at ``url``; rows per table."""
    from premiere_watch.store.postgres import PostgresBackend

    source = SqliteBackend(path)
    try:
        target = await PostgresBackend.open(url)
    except BaseException:
        await source.close()
        raise
    try:
        counts: dict[str, int] = {}
        async with target.transaction():
            for table in TABLES:
                if await target._rows(f"SELECT 1 FROM {table} LIMIT 1"):
                    raise StoreError(f"{target.location} is not empty ({table} has rows): "
                                     "migrate only into a new, empty database")
            for table, (columns, times) in TABLES.items():
                rows = await source._rows(f"SELECT {', '.join(columns)} FROM {table}")
                await target.insert_rows(table, columns, [_convert(row, columns, times) for row in rows])
                counts[table] = len(rows)
            await target.continue_ids(("events", "deliveries"))
        return counts
    finally:
        await target.close()
        await source.close()


def _convert(row: tuple[Any, ...], columns: tuple[str, ...], times: frozenset[str]) -> tuple[Any, ...]:
    return tuple(as_opt_time(value) if name in times else value for name, value in zip(columns, row, strict=True))
