"""The store under test, once per backend: ``store`` and ``reopen`` fixtures.

A test that takes ``store`` runs against every backend in ``BACKENDS``;
``reopen()`` opens another store on the same database, as a second process
(or the same one after a restart) would.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from premiere_watch.store import Store, open_store

Reopen = Callable[[], Awaitable[Store]]

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A fresh, empty database of each backend: a SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "state.db"
    new_database: Callable[[], str] = request.getfixturevalue("postgres_database")
    return new_database()


@pytest.fixture
async def store(database: str | Path, anyio_backend: Any) -> AsyncIterator[Store]:
    s = await open_store(database)
    try:
        yield s
    finally:
        await s.close()


@pytest.fixture
def reopen(database: str | Path) -> Reopen:
    async def again() -> Store:
        return await open_store(database)

    return again
