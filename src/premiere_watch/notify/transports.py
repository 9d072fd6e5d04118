"""The delivery seam: one small ``Transport`` protocol, like httpx's transports.

``AppriseTransport`` sends for real (one Apprise object per target URL, so
failures are per target); ``MemoryTransport`` and ``ConsoleTransport`` serve
tests and ``premiere-watch demo``.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from premiere_watch.messages import Format
from premiere_watch.notify.targets import target_problem
from premiere_watch.redact import mask_secrets, url_secrets


@dataclass(frozen=True)
class SendOutcome:
    """How one send to one Apprise URL went; ``reason`` is short and secret-free.

    ``permanent``: trying again cannot help (Apprise cannot use the URL), so
    the alert is not retried but parked as dead until the operator fixes it.
    """

    ok: bool
    reason: str = ""
    permanent: bool = False


class Transport(Protocol):
    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome: ...


def short_reason(text: str, secrets: Iterable[str], limit: int = 200) -> str:
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
            problem = target_problem(url)
            obj = None if problem else self._apprise(url)
            if obj is None:
                reason = f"Apprise cannot use this URL: {problem or 'refused'}"
                return SendOutcome(False, short_reason(reason, secrets), permanent=True)
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


