"""Logging set-up: one line per pass and per failure, secrets never shown.

Human-readable lines by default, ``--log-format json`` for log shippers,
``-q`` for cron (errors only).  A filter on the handler masks every secret
the watchlist read from ``${VAR}``, so no module has to remember to.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable

from premiere_watch.redact import mask_secrets


class _MaskSecrets(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = mask_secrets(message, self.secrets)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask_secrets(logging.Formatter().formatException(record.exc_info), self.secrets)
            record.exc_info = None
        return True


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text:
            out["error"] = record.exc_text
        return json.dumps(out, ensure_ascii=False)


def setup(level: str = "info", fmt: str = "text", secrets: Iterable[str] = ()) -> None:
    """(Re)configure the root logger; called again after a reload adds secrets."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_MaskSecrets(secrets))
    if fmt == "json":
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(message)s", "%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper()))
    # Libraries' chatter is noise in a cron mail; our own lines say what matters.
    for noisy in ("httpx", "httpcore", "apprise", "apscheduler", "procrastinate", "psycopg"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
