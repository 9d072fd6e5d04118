"""State: sources, observations, facts, event history and the outbox.

One store interface (:class:`Store`, the ledger: every rule once) over two
backends that only know SQL and connections: SQLite, the embedded default
(a path), and PostgreSQL for several machines (a ``postgresql://`` URL, with
``pip install 'premiere-watch[postgres]'``).
"""

from __future__ import annotations

from pathlib import Path

from premiere_watch.store.ledger import DELIVERY_LEASE, HISTORY_LIMIT, Store
from premiere_watch.store.receipts import Receipts
from premiere_watch.store.records import (
    Backlog,
    Delivery,
    DeliveryStatus,
    EventRecord,
    HoldUntil,
    Routes,
    SavedResult,
    SourceRow,
    StoreError,
)
from premiere_watch.store.sqlite import MIGRATIONS, SqliteBackend

__all__ = [
    "DELIVERY_LEASE",
    "HISTORY_LIMIT",
    "MIGRATIONS",
    "Backlog",
    "Delivery",
    "DeliveryStatus",
    "EventRecord",
    "HoldUntil",
    "Routes",
    "SavedResult",
    "SourceRow",
    "Store",
    "StoreError",
    "is_postgres",
    "open_store",
]


def is_postgres(database: str | Path) -> bool:
    return isinstance(database, str) and database.startswith(("postgresql://", "postgres://"))


async def open_store(database: str | Path, *, read_only: bool = False) -> Store:
    """The store a watchlist names: a ``postgresql://`` URL, else a SQLite path.

    ``read_only``: for commands that only read; an existing SQLite file is
    opened without writing to it (it may be read-only), a missing one is made.
    """
    if is_postgres(database):
        try:
            from premiere_watch.store.postgres import PostgresBackend
        except ImportError as exc:
            raise StoreError(f"a PostgreSQL database needs the [postgres] extra ({exc.name} is missing): "
                             "pip install 'premiere-watch[postgres]'") from None
        # No receipts file: a cluster's sends are recorded by the server; a worker's disk is not the database's.
        return Store(await PostgresBackend.open(str(database)))
    if read_only and str(database) != ":memory:" and Path(database).is_file():
        return Store(SqliteBackend(database, read_only=True))
    receipts = None if str(database) == ":memory:" else Receipts(Path(f"{database}.sent"))
    return Store(SqliteBackend(database), receipts)
