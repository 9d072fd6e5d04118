"""Notifier settings and routing: which notifier targets an event goes to."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import time
from typing import Literal

from premiere_watch.model import Event

OPS_KINDS = frozenset({"source_failing", "source_recovered"})
OPS_TAG = "ops"


@dataclass(frozen=True)
class NotifierConfig:
    """One ``[[notifier]]`` table: where alerts go and how they are paced."""

    name: str
    urls: tuple[str, ...]  # Apprise URLs, secrets already substituted
    tags: tuple[str, ...] = ()
    mode: Literal["instant", "digest"] = "instant"
    digest: str | None = None  # "1d", "12h" or "cron: 0 9 * * *"
    quiet_hours: tuple[time, time] | None = None  # (22:00, 07:00) spans midnight
    timezone: str = "UTC"  # for quiet hours, digest times and the daily cap
    format: Literal["auto", "markdown", "html", "text"] = "auto"
    title_template: str | None = None
    body_template: str | None = None
    max_attempts: int = 8


def parse_quiet_hours(text: str) -> tuple[time, time]:
    """``"22:00-07:00"`` → (22:00, 07:00).  The window may span midnight."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", text)
    if not m:
        raise ValueError(f'cannot read "{text}" as quiet hours — write HH:MM-HH:MM, like "22:00-07:00"')
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise ValueError(f'"{text}" is not a time of day — hours go 00..23, minutes 00..59')
    start, end = time(h1, m1), time(h2, m2)
    if start == end:
        raise ValueError(f'quiet hours "{text}" start and end at the same time — give a window')
    return start, end


# -- routing -------------------------------------------------------------------


def route(
    event: Event, notifiers: Mapping[str, NotifierConfig] | Iterable[NotifierConfig]
) -> list[tuple[str, int]]:
    """(notifier name, URL index) pairs that should receive ``event``.

    Apprise's rule: an untagged watch alerts untagged notifiers; a tagged one
    alerts notifiers sharing at least one tag.  Ops events go only to
    notifiers tagged ``ops``.  A ``test`` event carries the ``--tag`` filter
    in ``event.tags``; without one it goes everywhere.
    """
    configs = list(notifiers.values()) if isinstance(notifiers, Mapping) else list(notifiers)
    wanted = set(event.tags)
    out: list[tuple[str, int]] = []
    for n in configs:
        tags = set(n.tags)
        if event.kind in OPS_KINDS:
            ok = OPS_TAG in tags
        elif event.kind == "test":
            ok = not wanted or bool(tags & wanted)
        else:
            ok = bool(tags & wanted) if wanted else not tags
        if ok:
            out.extend((n.name, i) for i in range(len(n.urls)))
    return out


