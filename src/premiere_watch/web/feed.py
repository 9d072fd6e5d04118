"""``/feed.atom``: the alerts fans get, as an Atom feed (RFC 4287), newest first.

A feed reader is one more notifier: each entry is an alert as the text
notifier renders it (title, what changed, the quoted evidence, the source).
Ops alerts (failing sources) and test messages stay out.  Built with lxml,
which escapes every value; page text is cleaned of control characters first
(XML cannot carry them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from lxml import etree

from premiere_watch import __version__
from premiere_watch.messages import default_title, render, safe_url
from premiere_watch.notify import OPS_KINDS
from premiere_watch.store import EventRecord

ATOM = "http://www.w3.org/2005/Atom"
CONTENT_TYPE = "application/atom+xml; charset=utf-8"
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def fan_alerts(records: Sequence[EventRecord]) -> list[EventRecord]:
    return [r for r in records if r.event.kind not in OPS_KINDS and r.event.kind != "test"]


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom(records: Sequence[EventRecord], *, feed_id: str, self_url: str, home_url: str) -> bytes:
    """The feed of ``records`` (newest first, as :meth:`recent_events` gives them)."""
    alerts = fan_alerts(records)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _add(feed, "id", feed_id)
    _add(feed, "title", "premiere-watch alerts")
    _add(feed, "updated", _stamp(alerts[0].created if alerts else _EPOCH))
    _add(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _add(feed, "link", rel="alternate", href=home_url, type="text/html")
    _add(feed, "generator", "premiere-watch", version=__version__)
    author = _add(feed, "author")
    _add(author, "name", "premiere-watch")
    for record in alerts:
        event = record.event
        entry = _add(feed, "entry")
        _add(entry, "id", "urn:premiere-watch:alert:" + hashlib.sha256(event.key.encode()).hexdigest()[:32])
        _add(entry, "title", default_title(event))
        _add(entry, "updated", _stamp(record.created))
        _add(entry, "published", _stamp(record.created))
        _add(entry, "category", term=event.kind)
        if url := safe_url(event.trailer_url or event.source_url):
            _add(entry, "link", rel="alternate", href=url)
        _add(entry, "content", render(event, "text").body, type="text")
    data: bytes = etree.tostring(feed, xml_declaration=True, encoding="utf-8")
    return data
