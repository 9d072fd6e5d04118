"""``premiere-watch demo``: the whole product, offline, in a few seconds.

A local web server on 127.0.0.1 plays a news site whose article about a
(fictional) series changes over a few months: first a rumour, then the
official date, then a move, then the trailer.  The real pipeline — fetch,
extract, store, reconcile, outbox, delivery — runs against it in a temporary
directory, and every alert is printed exactly as a fan would receive it.
"""

from __future__ import annotations

import asyncio
import html
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from premiere_watch.config import load
from premiere_watch.notify import ConsoleTransport
from premiere_watch.pipeline import Pipeline
from premiere_watch.store import open_store

TITLE = "Starfall Station"


@dataclass(frozen=True)
class Version:
    """One state of the article, and what a fan should conclude from it."""

    published: str
    headline: str
    paragraphs: tuple[str, ...]
    expect: str
    video: str = ""


VERSIONS = (
    Version(
        "2026-03-02",
        "Starfall Station season 2: everything we know",
        ("Starfall Station season 2 could arrive in early 2027, according to people close to the "
         "production, but nothing has been announced.",
         "Fans have waited a year for more Starfall Station, and the wait is not over yet.",
         "Filming reportedly wrapped in February."),
        "a rumour only: no alert",
    ),
    Version(
        "2026-05-10",
        "Starfall Station season 2 gets a premiere date",
        ("Netflix announced on Sunday that Starfall Station season 2 will premiere on Friday, "
         "October 16, 2026.",
         "All eight episodes will drop at once."),
        "the official date: one alert",
    ),
    Version(
        "2026-05-10",
        "Starfall Station season 2 gets a premiere date — and a new poster",
        ("Netflix has announced that Starfall Station season 2 will premiere on Friday, October 16, 2026.",
         "A new poster shows the crew in front of the burning station."),
        "the same news, reworded: no alert",
    ),
    Version(
        "2026-08-01",
        "Starfall Station season 2 moves to November",
        ("Starfall Station season 2 has been moved from October 16 to November 6, 2026, Netflix confirmed.",
         "The streamer did not give a reason for the delay."),
        "the date moved: one alert with old and new date",
    ),
    Version(
        "2026-09-20",
        "Watch the Starfall Station season 2 trailer",
        ("Netflix released the official trailer for Starfall Station season 2 on Monday.",
         "The season premieres November 6, 2026."),
        "the trailer is out: one alert with its link",
        video="dQw4w9WgXcQ",
    ),
)


def render_article(v: Version) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in v.paragraphs)
    video = (f'<iframe title="Starfall Station Season 2 | Official Trailer | Netflix" '
             f'src="https://www.youtube.com/embed/{v.video}"></iframe>' if v.video else "")
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>{html.escape(v.headline)} | Demo Streaming News</title>
<meta property="article:published_time" content="{v.published}T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/tv">TV</a> <a href="/film">Film</a></nav></header>
<main><article><h1>{html.escape(v.headline)}</h1>
<p class="byline">By Demo Writer · {v.published}</p>{body}{video}</article></main>
<aside class="trending"><h2>Trending</h2><ul>
<li><a href="/a">Moonwell season 3 premieres June 5, 2026</a></li>
<li><a href="/b">Harbor Lights is set to debut on March 3, 2027</a></li></ul></aside>
<footer>© Demo Streaming News</footer></body></html>"""


class _Site:
    """A one-page news site whose article can be swapped between passes."""

    def __init__(self) -> None:
        self.page = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = site.page.encode() if self.path == "/news/starfall-station-season-2" else b""
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/news/starfall-station-season-2"


@contextmanager
def _serving() -> Iterator[_Site]:
    site = _Site()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()


def _watchlist(folder: Path, url: str) -> Path:
    path = folder / "watchlist.toml"
    path.write_text(f"""
[settings]
database = "demo.db"
host_delay = "0s"

[[notifier]]
name = "fan-phone"
url = "json://127.0.0.1/demo-fan"   # printed by the demo instead of sent
format = "text"

[[watch]]
title = "{TITLE}"
season = 2
sources = ["{url}"]
""")
    return path


async def _play(site: _Site, folder: Path) -> int:
    config = load(_watchlist(folder, site.url))
    alerts = 0
    async with await open_store(config.settings.database) as store:
        pipeline = Pipeline(config, store, transport=ConsoleTransport())
        try:
            for step, version in enumerate(VERSIONS, 1):
                site.page = render_article(version)
                print(f"\n▶ step {step}: the article now says: “{version.paragraphs[0]}”")
                print(f"  expected: {version.expect}")
                report = await pipeline.check()
                alerts += report.delivery.messages if report.delivery else 0
                if not report.events:
                    print("  → no alert")
        finally:
            await pipeline.aclose()
    return alerts


def run_demo() -> int:
    print("premiere-watch demo: a local news site on 127.0.0.1 changes its article about "
          f"“{TITLE}” season 2;\nthe real pipeline checks it after each change and prints "
          "every alert a fan would receive.")
    with tempfile.TemporaryDirectory(prefix="premiere-watch-demo-") as tmp, _serving() as site:
        alerts = asyncio.run(_play(site, Path(tmp)))
    print(f"\ndone: {alerts} alerts for {len(VERSIONS)} versions of the page — each change of meaning "
          "once, nothing for rumours or rewording.")
    return 0
