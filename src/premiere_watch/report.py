"""What ``status``, ``history`` and ``keys`` show an operator.

Each view is built once as JSON-ready data (``--json`` prints it as is) and
then rendered as text from that data, so both outputs always agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from premiere_watch.config import NOTIFIER_KEYS, SETTINGS_KEYS, WATCH_KEYS, Config, Watch
from premiere_watch.keys import help_text
from premiere_watch.messages import date_words
from premiere_watch.readstore import ReadStore
from premiere_watch.redact import mask_secrets
from premiere_watch.sources import Source


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


async def status_data(config: Config, store: ReadStore) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    facts = await store.all_facts()
    rows = {r.source_id: r for r in await store.source_rows()}
    watches = []
    for watch in config.watches:
        f = facts.get(watch.key)
        watches.append({
            "watch": watch.label,
            "key": watch.key,
            "premiere": f.premiere.iso() if f and f.premiere else None,
            "premiere_words": f.premiere.words() if f and f.premiere else None,
            "premiere_status": f.premiere_status if f else None,
            "since": _iso(f.since) if f else None,
            "evidence": f.evidence if f else "",
            "source_url": mask_secrets(f.source_url, config.secrets) if f else "",
            "supporting": [mask_secrets(u, config.secrets) for u in f.supporting] if f else [],
            "trailers": [
                {"kind": t.kind, "url": t.url, "name": t.name, "since": _iso(t.first_seen)}
                for t in (f.trailers.values() if f else [])
            ],
            "rumoured": list(f.tentative) if f else [],
        })
    sources = []
    for source, ws in config.sources():
        row = rows.get(source.id)
        sources.append({
            "source": mask_secrets(source.url, config.secrets),
            "kind": source.kind,
            "watches": [w.label for w in ws],
            "interval": config.schedule_of(source, ws).text,
            "last_check": _iso(row.last_check) if row else None,
            "result": row.last_result if row else "never checked",
            "reason": mask_secrets(row.last_reason, config.secrets) if row else "",
            "consecutive_failures": row.consecutive_failures if row else 0,
            "next_due": _iso(row.next_due) if row else None,
        })
    backlog = await store.backlog(now)
    dead = [
        {"id": d.id, "notifier": d.notifier, "alert": d.event.label + ": " + d.event.kind.replace("_", " "),
         "attempts": d.attempts, "error": mask_secrets(d.last_error, config.secrets)}
        for d in await store.dead_deliveries()
    ]
    return {
        "database": config.database_label,
        "watches": watches,
        "sources": sources,
        "outbox": {"pending": backlog.pending, "due": backlog.due, "sending": backlog.sending,
                   "sent": backlog.sent, "dead": backlog.dead},
        "dead": dead,
    }


def status_text(data: dict[str, Any]) -> str:
    lines = [f"database: {data['database']}", "", "watches:"]
    for w in data["watches"]:
        if w["premiere"] and w["premiere_status"] == "withdrawn":
            premiere = f"date withdrawn (was {w['premiere_words']})"
        elif w["premiere"]:
            premiere = f"premieres {w['premiere_words']}"
        else:
            premiere = "no official date yet"
        since = f" (since {w['since'][:16].replace('T', ' ')})" if w["since"] else ""
        lines.append(f"  {w['watch']}: {premiere}{since}")
        for t in w["trailers"]:
            lines.append(f"    {t['kind']} out: {t['url'] or t['name']}")
        if w["rumoured"]:
            lines.append(f"    rumoured: {', '.join(w['rumoured'])}")
    lines += ["", "sources:"]
    for s in data["sources"]:
        last = s["last_check"][:16].replace("T", " ") if s["last_check"] else "never"
        due = s["next_due"][:16].replace("T", " ") if s["next_due"] else "now"
        failing = f", {s['consecutive_failures']} failures in a row" if s["consecutive_failures"] else ""
        reason = f" — {s['reason']}" if s["reason"] and s["result"] == "failed" else ""
        lines.append(f"  [{s['kind']}] {s['source']} every {s['interval']}: last {last} {s['result']}"
                     f"{reason}{failing}; next {due}")
    o = data["outbox"]
    lines += ["", f"alerts: {o['pending']} waiting ({o['due']} due now), {o['sent']} sent, {o['dead']} dead"]
    for d in data["dead"]:
        lines.append(f"  dead #{d['id']} to {d['notifier']}: {d['alert']} after {d['attempts']} tries — "
                     f"{d['error']} (premiere-watch retry {d['id']})")
    return "\n".join(lines)


async def history_data(watch: Watch, store: ReadStore) -> dict[str, Any]:
    events = []
    for record in await store.history(watch.key, limit=200):
        e = record.event
        events.append({"time": _iso(record.created), "kind": e.kind, "change": e.change,
                       "old": e.old, "new": e.new, "evidence": e.evidence, "source_url": e.source_url})
    return {"watch": watch.label, "events": events}


def history_text(data: dict[str, Any]) -> str:
    if not data["events"]:
        return f"{data['watch']}: no alerts yet"
    lines = [f"{data['watch']}:"]
    for e in data["events"]:
        what = e["kind"].replace("_", " ")
        if e["kind"].startswith("premiere"):
            change = f"{date_words(e['old'])} → {date_words(e['new'])}" if e["old"] else date_words(e["new"])
        else:
            change = e["new"] or ""
        lines.append(f"  {e['time'][:16].replace('T', ' ')}  {what}{' (' + e['change'] + ')' if e['change'] else ''}"
                     f": {change}  [{e['source_url']}]")
    return "\n".join(lines)


def keys_text() -> str:
    from premiere_watch.messages import TEMPLATE_FIELDS

    parts = [
        help_text("[settings]", SETTINGS_KEYS),
        help_text("[[notifier]]", NOTIFIER_KEYS),
        help_text("[[watch]]", WATCH_KEYS),
    ]
    for kind, cls in sorted(Source.registry.items()):
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        parts.append(help_text(f'source kind "{kind}"', cls.all_keys(), doc))
    fields = "\n".join(f"  {{{name}}}: {text}" for name, text in TEMPLATE_FIELDS.items())
    parts.append("message template fields (title_template, body_template):\n" + fields)
    return "\n\n".join(parts)
