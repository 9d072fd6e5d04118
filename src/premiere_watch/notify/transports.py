"""The delivery seam: one small ``Transport`` protocol, like httpx's transports.

``AppriseTransport`` sends for real (one Apprise object per target URL, so
failures are per target); ``MemoryTransport`` and ``ConsoleTransport`` serve
tests and ``premiere-watch demo``.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import threading
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from premiere_watch.messages import (
    Format,
)
from premiere_watch.redact import mask_secrets


@dataclass(frozen=True)
class SendOutcome:
    """How one send to one Apprise URL went; ``reason`` is short and secret-free."""

    ok: bool
    reason: str = ""


class Transport(Protocol):
    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome: ...


_HOSTNAME = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def url_secrets(url: str) -> list[str]:
    """The parts of an Apprise URL that may be credentials, to mask in reasons.

    Apprise puts tokens anywhere: password, user, even the "host"
    (``tgram://BOTTOKEN/chat``), path segments (``discord://id/token``) and
    query values.  Every piece of 6+ characters that is not a dotted host
    name or an e-mail address counts; the password counts at any length.
    """
    _, _, rest = url.partition("://")
    rest = rest.split("#", 1)[0]
    location, _, query = rest.partition("?")
    found = [p for p in re.split(r"[/@:]", location) if len(p) >= 6 and not _HOSTNAME.match(p)]
    with contextlib.suppress(ValueError):
        password = urllib.parse.urlsplit(url).password
        if password and len(password) >= 3:
            found.append(password)
    found += [v for _, v in urllib.parse.parse_qsl(query) if len(v) >= 6 and "@" not in v
              and not _HOSTNAME.match(v)]
    return sorted({*found, *(urllib.parse.unquote(f) for f in found)}, key=len, reverse=True)


def redact_url(url: str) -> str:
    """An Apprise URL safe to show: Apprise's own privacy form, else scheme://host/…"""
    with contextlib.suppress(Exception):
        import apprise

        plugin = apprise.Apprise.instantiate(url)
        if plugin is not None:
            return str(plugin.url(privacy=True))  # type: ignore[no-untyped-call]
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}/…"


def short_reason(text: str, secrets: Sequence[str], limit: int = 200) -> str:
    text = " ".join(mask_secrets(text, secrets).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AppriseTransport:
    """Sends through Apprise, one ``Apprise`` object per URL (cached).

    Apprise's ``notify`` blocks (SMTP, HTTP), so it runs in a worker thread;
    every exception is turned into a failed ``SendOutcome``.
    """

    def __init__(self, timeout: float = 60.0, app_id: str = "premiere-watch") -> None:
        self.timeout = timeout
        self.app_id = app_id
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _apprise(self, url: str) -> Any:
        import apprise

        with self._lock:
            if url not in self._cache:
                # The asset names the sender where services show one (mail X-Application, ...).
                asset = apprise.AppriseAsset(app_id=self.app_id, app_desc="premiere-watch alerts")
                obj = apprise.Apprise(asset=asset)
                # None marks a URL Apprise cannot use, so it is not re-parsed each time.
                self._cache[url] = obj if obj.add(url) else None
            return self._cache[url]

    def _send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        secrets = url_secrets(url)
        try:
            obj = self._apprise(url)
            if obj is None:
                return SendOutcome(False, f"Apprise cannot use this URL ({redact_url(url)})")
            result = obj.notify(body=body, title=title, body_format=body_format, timeout=self.timeout)
            with result:
                if bool(result):
                    return SendOutcome(True)
                return SendOutcome(False, short_reason(_reason(result), secrets))
        except Exception as exc:  # a plugin bug must not stop the other targets
            return SendOutcome(False, short_reason(f"{type(exc).__name__}: {exc}", secrets))

    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        return await asyncio.to_thread(self._send, url, title, body, body_format)


def _reason(result: Any) -> str:
    """The most telling line of a failed AppriseResult."""
    status = getattr(result.status, "name", str(result.status))
    for service in result.results:
        if bool(service):
            continue
        messages = [e.message for e in service.logs() if e.level in ("WARNING", "ERROR", "CRITICAL")]
        detail = messages[-1] if messages else getattr(service.status, "name", "failed").lower()
        return f"{service.name}: {detail}"
    calls = [e.message for e in result.call_logs()]
    return f"{status.lower()}: {calls[-1]}" if calls else status.lower()


@dataclass(frozen=True)
class Sent:
    url: str
    title: str
    body: str
    body_format: Format


@dataclass
class MemoryTransport:
    """Collects what each target would receive; ``fail`` scripts failures.

    ``fail[url] = ["HTTP 500", "HTTP 500"]`` makes the next two sends to
    ``url`` fail with those reasons, then succeed.
    """

    sent: list[Sent] = field(default_factory=list)
    fail: dict[str, list[str]] = field(default_factory=dict)

    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        if self.fail.get(url):
            return SendOutcome(False, self.fail[url].pop(0))
        self.sent.append(Sent(url, title, body, body_format))
        return SendOutcome(True)


class ConsoleTransport:
    """Prints what a fan would receive (``premiere-watch demo``)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        out = self.stream or sys.stdout
        rule = "─" * 60
        # The URL as the operator wrote it (Apprise's own form adds its defaults), secrets masked.
        out.write(f"{rule}\nto: {mask_secrets(url, url_secrets(url))}\n{title}\n\n{body}\n{rule}\n")
        out.flush()
        return SendOutcome(True)


