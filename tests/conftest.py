"""Fixtures shared by every test module: local servers and the installed CLI."""

from __future__ import annotations

from hostile import hostile_server  # noqa: F401
from postgres_server import postgres_database, postgres_server  # noqa: F401
from receivers import json_receiver, smtp_server  # noqa: F401
from runner import run_cli  # noqa: F401
from servers import page_server, page_server_factory  # noqa: F401
from store_backends import anyio_backend, database, reopen, store  # noqa: F401
