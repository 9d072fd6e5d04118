"""The daemon's web server: dashboard, calendar, alert feed, metrics, health.

Off by default; ``[settings] http = "127.0.0.1:8787"`` or ``premiere-watch run
--http ADDR`` turns it on (``pip install 'premiere-watch[web]'``).

Why aiohttp: the daemon is one asyncio loop (APScheduler 3's
``AsyncIOScheduler``), and aiohttp's ``AppRunner``/``TCPSite`` are made to be
started and stopped inside a loop someone else owns — no second thread, no
server that wants the main thread's signals (uvicorn's ``Server`` does), no
WSGI bridge.  The store is async too, so a handler awaits its reads like the
scheduler's jobs do: nothing blocks the loop but rendering.

The server only reads the store, through :class:`readstore.ReadStore`.
Routes: ``/`` (HTML, Jinja2 with autoescaping), ``/calendar.ics``,
``/feed.atom``, ``/metrics`` (Prometheus), ``/healthz``.  With an
``http_token`` every route wants ``Authorization: Bearer TOKEN`` or
``?token=TOKEN`` (calendar apps can only do the latter); pages never echo it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape

from premiere_watch import ics
from premiere_watch.config import Config, parse_listen
from premiere_watch.notify import DeliveryReport
from premiere_watch.pipeline import SourceOutcome
from premiere_watch.readstore import ReadStore
from premiere_watch.web import dashboard, feed
from premiere_watch.web.metrics import CONTENT_TYPE as METRICS_TYPE
from premiere_watch.web.metrics import Metrics

log = logging.getLogger("premiere_watch.web")

# No script may run, whatever a page managed to inject; styles are inline; no
# Referer leaves with a ?token= in it when a fan follows a source link.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


class ListenError(Exception):
    """The web server cannot listen on the configured address."""


class Host(Protocol):
    """What the server reads of the daemon it runs in."""

    @property
    def config(self) -> Config: ...

    @property
    def alive(self) -> bool: ...


class WebServer:
    """Listens before the daemon starts, serves while it runs (a companion), hears its reads."""

    def __init__(self, listen: str, token: str | None, store: ReadStore) -> None:
        self.listen_on = listen
        self.host_name, self.port = parse_listen(listen)
        self.token = token
        self.store = store
        self._daemon: Host | None = None
        self.metrics = Metrics(store, lambda: self.config)
        self._templates = Environment(loader=PackageLoader("premiere_watch.web"),
                                      autoescape=select_autoescape(default=True, default_for_string=True))
        self._runner: web.AppRunner | None = None

    @property
    def config(self) -> Config:
        assert self._daemon is not None, "serve() first"
        return self._daemon.config

    # -- lifecycle ---------------------------------------------------------------------

    async def listen(self) -> None:
        """Bind the address (before the daemon starts: a taken port stops the start)."""
        app = web.Application(middlewares=[self._guard])
        app.add_routes([
            web.get("/", self.index),
            web.get("/calendar.ics", self.calendar),
            web.get("/feed.atom", self.feed),
            web.get("/metrics", self.metrics_page),
            web.get("/healthz", self.healthz),
        ])
        # No access log: a ?token= would be written to it, and the journal wants one line per read.
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, self.host_name, self.port).start()
        except OSError as exc:
            await self.close()
            raise ListenError(f"cannot listen on {self.listen_on}: {exc.strerror or exc}") from None
        log.info("web server on http://%s/ (dashboard, calendar.ics, feed.atom, metrics, healthz)%s",
                 self.listen_on, "; token required" if self.token else "")

    async def serve(self, daemon: Host) -> None:
        """The daemon's companion: answer for ``daemon`` until cancelled at its stop."""
        self._daemon = daemon
        try:
            await asyncio.Event().wait()
        finally:
            self._daemon = None  # /healthz says 503 from here on

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- the daemon's observer -----------------------------------------------------------

    def read(self, kind: str, outcome: SourceOutcome) -> None:
        self.metrics.read(kind, outcome)

    def delivery(self, report: DeliveryReport, seconds: float) -> None:
        self.metrics.delivery(report, seconds)

    # -- routes -----------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request,
                     handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        if self.token and not self._authorized(request):
            response: web.StreamResponse = web.Response(
                status=401, text="401 Unauthorized: send Authorization: Bearer TOKEN, or add ?token=TOKEN "
                "to the address (the http_token of the watchlist)\n",
                headers={"WWW-Authenticate": 'Bearer realm="premiere-watch"'})
        elif self._daemon is None and request.path != "/healthz":
            response = web.Response(status=503, text="starting or stopping\n")
        else:
            response = await handler(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def _authorized(self, request: web.Request) -> bool:
        assert self.token is not None
        want = self.token.encode()
        header = request.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        offered = [given.strip()] if scheme.lower() == "bearer" else []
        offered += request.query.getall("token", [])
        # Constant time, so the token cannot be guessed byte by byte from response times.
        return any(hmac.compare_digest(o.encode(), want) for o in offered)

    async def index(self, request: web.Request) -> web.Response:
        data = await dashboard.view(self.config, self.store, dt.datetime.now(dt.UTC))
        html = self._templates.get_template("dashboard.html").render(**data)
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    async def calendar(self, request: web.Request) -> web.Response:
        tentative = request.query.get("tentative", "") in ("1", "true", "yes")
        trailers = request.query.get("trailers", "") in ("1", "true", "yes")
        body = ics.to_bytes(await ics.build(self.config, self.store, tentative=tentative, trailers=trailers))
        return web.Response(body=body, headers={"Content-Type": "text/calendar; charset=utf-8",
                                                "Content-Disposition": 'inline; filename="premieres.ics"'})

    async def feed(self, request: web.Request) -> web.Response:
        base = f"{request.scheme}://{request.host}"
        feed_id = "urn:premiere-watch:feed:" + hashlib.sha256(
            str(self.config.settings.database).encode()).hexdigest()[:32]
        body = feed.atom(await self.store.recent_events(50), feed_id=feed_id, self_url=f"{base}/feed.atom",
                         home_url=f"{base}/")
        return web.Response(body=body, headers={"Content-Type": feed.CONTENT_TYPE})

    async def metrics_page(self, request: web.Request) -> web.Response:
        body = await self.metrics.render()
        return web.Response(body=body, headers={"Content-Type": METRICS_TYPE})

    async def healthz(self, request: web.Request) -> web.Response:
        if self._daemon is not None and self._daemon.alive:
            return web.Response(text="ok\n")
        return web.Response(status=503, text="stopping\n")
