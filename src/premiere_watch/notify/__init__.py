"""Who gets an alert, when, and delivering it through Apprise exactly once.

* ``route`` picks the (notifier, target) pairs an event goes to.
* ``hold_until`` decides when: now, the next digest time, the end of quiet
  hours, or tomorrow once a watch has used its daily cap.  Held alerts are
  never dropped; the outbox keeps them until then.
* ``deliver`` drains the due outbox rows.  Each Apprise URL is its own target
  with its own retry state, so a failing webhook is retried alone and a mail
  that already went out is never sent again.

Delivery goes through a small ``Transport`` seam (like httpx's): the real
``AppriseTransport`` or ``MemoryTransport``/``ConsoleTransport`` for tests
and ``premiere-watch demo``.
"""

from __future__ import annotations

from premiere_watch.messages import TEMPLATE_FIELDS, validate_template
from premiere_watch.notify.delivery import DeliveryReport, TargetFailure, deliver, retry_delay
from premiere_watch.notify.pacing import day_start, hold_until, next_digest, next_midnight, pacing, quiet_end
from premiere_watch.notify.routing import OPS_KINDS, OPS_TAG, NotifierConfig, parse_quiet_hours, route
from premiere_watch.notify.targets import body_format_for, redact_target, target_problem, title_format_for
from premiere_watch.notify.transports import (
    AppriseTransport,
    ConsoleTransport,
    MemoryTransport,
    SendOutcome,
    Sent,
    Transport,
)

__all__ = [
    "OPS_KINDS",
    "OPS_TAG",
    "TEMPLATE_FIELDS",
    "AppriseTransport",
    "ConsoleTransport",
    "DeliveryReport",
    "MemoryTransport",
    "NotifierConfig",
    "SendOutcome",
    "Sent",
    "TargetFailure",
    "Transport",
    "body_format_for",
    "day_start",
    "deliver",
    "hold_until",
    "next_digest",
    "next_midnight",
    "pacing",
    "parse_quiet_hours",
    "quiet_end",
    "redact_target",
    "retry_delay",
    "route",
    "target_problem",
    "title_format_for",
    "validate_template",
]
