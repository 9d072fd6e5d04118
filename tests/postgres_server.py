"""A real PostgreSQL for the tests, started from the machine's binaries.

``postgres_server`` (session) runs ``initdb`` and ``pg_ctl`` in a temporary
directory on a free port (as the unprivileged ``postgres`` user when the
tests run as root: PostgreSQL refuses root), and removes it at the end.
``postgres_database()`` hands each test a new, empty database.  Without
PostgreSQL the tests that need it are skipped, except under ``CI=true``,
where a missing PostgreSQL is a failure (``.ci/run`` installs it).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the server's binaries off PATH, under its major version.
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: p.parts[-3])
    return str(candidates[-1]) if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str
    _names: Iterator[int]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"pw_test_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)


def _as_postgres(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


class MissingPostgres(RuntimeError):
    pass


@contextlib.contextmanager
def temporary_postgres() -> Iterator[PostgresServer]:
    """A new PostgreSQL cluster in a temporary directory, stopped and removed on exit."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise MissingPostgres("PostgreSQL is not installed (no initdb/pg_ctl): apt-get install postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise MissingPostgres("psycopg is not installed: pip install '.[test]' (it pulls in [postgres])") from None
    root = Path(tempfile.mkdtemp(prefix="pw-postgres-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    log = root / "server.log"
    try:
        subprocess.run(_as_postgres([initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                                     "--no-sync"]), check=True, capture_output=True)
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off "
                   "-c synchronous_commit=off -c max_connections=300")
        started = subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w",
                                               "-t", "60", "start"]), capture_output=True, text=True)
        if started.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {started.stderr}\n{log.read_text(errors='replace')}")
        try:
            yield PostgresServer("127.0.0.1", port, "postgres", itertools.count(1))
        finally:
            subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]),
                           capture_output=True)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(root)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL; skipped without one, except under CI=true (a failure there)."""
    try:
        with temporary_postgres() as server:
            yield server
    except MissingPostgres as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(str(exc))
        pytest.skip(str(exc))


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Callable[[], str]:
    """``postgres_database()``: the URL of a new empty database on the session's server."""
    return postgres_server.new_database
