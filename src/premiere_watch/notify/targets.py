"""What Apprise says about one notifier target URL.

Apprise parses its own URLs (a hundred services, each with its own rules), so
premiere-watch asks it rather than guessing: whether it can use a URL at all
(:func:`target_problem`, for ``validate`` and for telling a permanent failure
from a temporary one), which body format the service shows
(:func:`body_format_for`), whether the title is read in that format too
(:func:`title_format_for`), and how to show the URL without its secrets
(:func:`redact_target`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from premiere_watch.messages import Format
from premiere_watch.redact import mask_secrets, url_secrets

if TYPE_CHECKING:
    from premiere_watch.notify.routing import NotifierConfig

_FORMATS: tuple[Format, ...] = ("markdown", "html", "text")


@contextlib.contextmanager
def _apprise_errors() -> Iterator[list[str]]:
    """Apprise's warnings and errors from this thread, kept instead of logged.

    Apprise explains a refused URL only in its log ("An invalid Discord
    Webhook ID..."); the explanation belongs in the problem line, not in a
    stray log line.  Other threads' records (a delivery in flight) pass.
    """
    caught: list[str] = []
    me = threading.get_ident()

    def keep(record: logging.LogRecord) -> bool:
        if record.thread != me:
            return True
        if record.levelno >= logging.WARNING:
            caught.append(record.getMessage())
        return False

    logger = logging.getLogger("apprise")
    logger.addFilter(keep)
    try:
        yield caught
    finally:
        logger.removeFilter(keep)


@functools.lru_cache(maxsize=256)
def _instantiate(url: str) -> tuple[Any, str]:
    """(Apprise plugin, "") for a URL Apprise can use, else (None, Apprise's reason)."""
    import apprise

    with _apprise_errors() as errors:
        plugin = apprise.Apprise.instantiate(url, asset=apprise.AppriseAsset(), suppress_exceptions=True)
    if plugin is not None:
        return plugin, ""
    reason = errors[0] if errors else "not an Apprise URL"  # the first says why; later ones, what followed
    schema = url.partition("://")[0].lower()
    plugins = apprise.NotificationManager()  # type: ignore[no-untyped-call]  # untyped in apprise 2.3
    if "disabled" in reason and schema in plugins:
        # A service whose library is not installed (mqtt:// needs paho-mqtt): say which.
        needs = plugins[schema].requirements.get("packages_required")
        if needs:
            reason += f" (it needs {needs})"
    return None, reason


def target_problem(url: str, secrets: Iterable[str] = ()) -> str | None:
    """Why Apprise cannot send to ``url`` (masked), or None when it can.

    A refused URL is a configuration error, not an outage: ``validate``
    reports it and delivery gives up on it at once instead of retrying.
    """
    plugin, reason = _instantiate(url)
    if plugin is None:
        return mask_secrets(reason, [*url_secrets(url), *secrets])
    port = getattr(plugin, "port", None)
    if isinstance(port, int) and not 0 < port < 65536:
        return f"port {port} is not a TCP port (1-65535)"
    return None


def redact_target(url: str, secrets: Iterable[str] = ()) -> str:
    """``url`` safe to show: Apprise's privacy form, with every known secret masked.

    Apprise knows which parts of its URLs are tokens (``discord://1...3/a...c``);
    what it does not know as secret (a ``${VAR}`` host) is masked by value.
    """
    plugin, _ = _instantiate(url)
    shown = str(plugin.url(privacy=True)) if plugin is not None else url
    return mask_secrets(shown, [*url_secrets(url), *secrets])


def body_format_for(notifier: NotifierConfig, url: str) -> Format:
    """The format to render for this target: what the service shows.

    ``auto`` asks for Markdown; an explicit ``format`` asks for itself.  The
    service decides (Apprise's ``resolve_format``): mail shows HTML, MQTT and
    SMS only text, a ``?format=`` in the URL overrides.  Rendering in the
    format the service shows means Apprise never has to convert — it cannot
    turn Markdown into plain text, so an MQTT target got raw asterisks.
    """
    wanted: Format = "markdown" if notifier.format == "auto" else notifier.format
    plugin, _ = _instantiate(url)
    if plugin is None:
        return wanted

    def shown(fmt: Format) -> Format:
        value = str(getattr(plugin.resolve_format(fmt), "value", fmt))
        return next((f for f in _FORMATS if f == value), fmt)

    got = shown(wanted)
    if got == "text" and wanted == "html":
        # HTML refused by a chat service: its Markdown keeps the escaping that plain text lacks.
        return shown("markdown")
    return got


def title_format_for(url: str, body_format: Format) -> Format:
    """The format the service reads the title in.

    A service that blends the title into the body (Apprise's
    ``title_maxlen`` 0: Telegram, MQTT, SMS) reads it in the body format,
    and so do chat services sent Markdown (Discord puts the title in the
    Markdown content).  A separate title beside HTML (a mail Subject, a push
    title) is plain text: escaping it there would show ``&amp;``.
    """
    if body_format == "text":
        return "text"
    plugin, _ = _instantiate(url)
    blended = plugin is not None and getattr(plugin, "title_maxlen", 1) <= 0
    return body_format if blended or body_format == "markdown" else "text"
