"""``/``: what the dashboard shows, as plain data for its Jinja2 template.

Built from the same views as ``status`` (report.status_data: secrets already
masked) and ``calendar`` (ics.entries), so the three never disagree.  Every
string here is untrusted or may be: the template autoescapes all of it, and
links go through :func:`messages.safe_url` (http(s) only).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from premiere_watch import ics
from premiere_watch.config import Config
from premiere_watch.messages import MAX_EVIDENCE, clean, date_words, headline, safe_url
from premiere_watch.notify import OPS_KINDS
from premiere_watch.readstore import ReadStore
from premiere_watch.redact import mask_secrets
from premiere_watch.report import status_data

RECENT_ALERTS = 20


def _when(value: str | None) -> str:
    """ISO time → ``2016-06-10 14:03 UTC`` (or ``—``)."""
    if not value:
        return "—"
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _precision(entry: ics.Entry) -> str:
    if entry.kind == "rumour":
        return "rumoured, not confirmed"
    return "exact day" if entry.date.precision == "day" else f"only the {entry.date.precision} announced"


async def view(config: Config, store: ReadStore, now: dt.datetime) -> dict[str, Any]:
    status = await status_data(config, store)
    today = now.date()
    timeline = []
    for entry in await ics.entries(config, store, tentative=True):
        timeline.append({
            "watch": entry.watch, "when": entry.date.words(), "iso": entry.date.iso(),
            "precision": _precision(entry), "exact": entry.date.precision == "day",
            "rumour": entry.kind == "rumour", "past": entry.date.end() < today,
            "evidence": entry.evidence, "source": safe_url(entry.source_url) if entry.source_url else None,
        })
    upcoming = [t for t in timeline if not t["past"]]
    past = [t for t in timeline if t["past"]][::-1]

    watches = []
    for w in status["watches"]:
        if w["premiere"] and w["premiere_status"] == "withdrawn":
            premiere = f"date withdrawn (was {w['premiere_words']})"
        elif w["premiere"]:
            premiere = w["premiere_words"]
        else:
            premiere = "no official date yet"
        watches.append({
            "label": w["watch"], "premiere": premiere, "dated": bool(w["premiere"]),
            "since": _when(w["since"]) if w["since"] else "", "evidence": clean(w["evidence"], MAX_EVIDENCE),
            "source": w["source_url"], "source_href": safe_url(w["source_url"]) if w["source_url"] else None,
            "trailers": [{"kind": t["kind"], "name": t["name"] or t["url"] or t["kind"],
                          "href": safe_url(t["url"]) if t["url"] else None} for t in w["trailers"]],
            "rumoured": [date_words(r) for r in w["rumoured"]],
        })

    alerts = []
    for record in await store.recent_events(RECENT_ALERTS):
        e = record.event
        alerts.append({
            "time": _when(record.created.isoformat()), "label": clean(e.label, 120),
            "what": headline(e), "ops": e.kind in OPS_KINDS,
            "evidence": clean(e.evidence, MAX_EVIDENCE) if e.kind not in OPS_KINDS else "",
            "source": mask_secrets(e.source_url, config.secrets),
            "href": safe_url(mask_secrets(e.source_url, config.secrets)) if e.source_url else None,
        })

    sources = []
    for s in status["sources"]:
        sources.append({
            **s, "href": safe_url(s["source"]), "last": _when(s["last_check"]), "next": _when(s["next_due"]),
            "failing": s["result"] == "failed",
        })
    sources.sort(key=lambda s: (not s["failing"], s["source"]))

    return {
        "now": now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "upcoming": upcoming, "past": past, "watches": watches, "alerts": alerts, "sources": sources,
        "failing": sum(1 for s in sources if s["failing"]), "outbox": status["outbox"],
        "dead": status["dead"],
        "notifiers": [{"name": n.name, "targets": len(n.urls), "tags": ", ".join(n.tags), "mode": n.mode}
                      for n in config.notifiers],
    }
