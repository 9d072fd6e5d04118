"""The two page workloads ``run.py`` measures, each a local site plus the watchlist that reads it.

* ``news`` (``_site.py``): N ~95 KB article pages over N/5 titles, served by our own
  asyncio server; pages that are easy for the extractor (most of their weight is
  chrome, a rail and comments it skips).
* ``ordinary`` (``_ordinary.py``): N ~44 KB pages over N/10 series, served by nginx
  with its own ETags; 540 sentences of ordinary prose per page, full of months and
  years that are never the series' premiere.  After the cold pass the database must
  hold exactly one "already announced" alert per series, with the right date, and
  nothing else (:meth:`Ordinary.check_alerts`).

A running site is a :class:`Server`: its URLs and ETags, and counters of requests,
bytes and TCP connections that ``run.py`` resets before each measured child.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol

import _ordinary
import _site

HERE = Path(__file__).resolve().parent
CONCURRENCY = 8  # premiere-watch's and the floor's; urlwatch has a fixed pool of 10 threads


class Server(Protocol):
    n: int
    port: int

    def url(self, i: int) -> str: ...
    def etag(self, i: int) -> str: ...
    def reset(self) -> None: ...
    def stats(self) -> dict[str, int]: ...


class Workload(Protocol):
    name: str
    about: str

    def serve(self, n: int) -> AbstractContextManager[Server]: ...
    def write_watchlist(self, path: Path, server: Server, n_sources: int | None = None) -> None: ...
    def check_alerts(self, database: Path, n: int) -> str | None: ...


def settings_lines(database: str = "state.db") -> list[str]:
    return ["[settings]", f'database = "{database}"', 'host_delay = "0s"', f"host_concurrency = {CONCURRENCY}",
            f"concurrency = {CONCURRENCY}", "timeout = 30", ""]


# --- news: our own asyncio server ----------------------------------------------------------------


class NewsSite:
    """``_site.py`` in its own process (its CPU is not the client's); stopped by closing its stdin."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.proc = subprocess.Popen([sys.executable, str(HERE / "_site.py"), "--n", str(n)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # blocks until the pages are built and the socket is bound
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the benchmark site did not start: {line!r}")
        self.port = int(line.split()[1])
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/p/{i}"

    def etag(self, i: int) -> str:
        return f'"p{i}-v0"'  # before any /__bump

    def control(self, path: str) -> dict[str, int]:
        with self._opener.open(f"http://127.0.0.1:{self.port}{path}", timeout=30) as resp:
            data: dict[str, int] = json.loads(resp.read())
            return data

    def reset(self) -> None:
        self.control("/__reset")

    def stats(self) -> dict[str, int]:
        return self.control("/__stats")

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class News:
    name = "news"
    about = "~95 KB news pages (menus, a rail of 45 other titles with dates, 130 comments), N/5 titles"

    @contextmanager
    def serve(self, n: int) -> Iterator[NewsSite]:
        site = NewsSite(n)
        try:
            yield site
        finally:
            site.stop()

    def write_watchlist(self, path: Path, server: Server, n_sources: int | None = None) -> None:
        """N sources over N/5 titles; no notifier, so nothing is sent anywhere."""
        n = server.n if n_sources is None else n_sources
        by_title: dict[int, list[int]] = {}
        for i in range(n):
            by_title.setdefault(i % _site.n_titles(server.n), []).append(i)
        lines = settings_lines()
        for k, pages in sorted(by_title.items()):
            lines += ["[[watch]]", f'title = "{_site.title_name(k)}"', f"season = {_site.premiere(k)[0]}",
                      'kind = "tv"', "sources = [", *(f'  "{server.url(i)}",' for i in pages), "]", ""]
        path.write_text("\n".join(lines))

    def check_alerts(self, database: Path, n: int) -> str | None:
        return None  # its pages carry rails of other titles' dates: no exact count is promised


# --- ordinary: nginx ---------------------------------------------------------------------------


class OrdinarySite:
    """The ordinary pages as static files under nginx on a free port."""

    def __init__(self, n: int, root: Path) -> None:
        self.n = n
        root.chmod(0o755)  # nginx's workers run as an unprivileged user: let them in
        _ordinary.write_site(root / "www", n)
        self.port = _free_port()
        self.nginx = _ordinary.Nginx(root / "www", root / "nginx", self.port)
        self._etags = [_nginx_etag(root / "www" / "p" / f"{i}.html") for i in range(n)]

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/p/{i}.html"

    def etag(self, i: int) -> str:
        return self._etags[i]

    def reset(self) -> None:
        self.nginx.reset()

    def stats(self) -> dict[str, int]:
        return self.nginx.stats()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _nginx_etag(path: Path) -> str:
    st = path.stat()
    return f'"{int(st.st_mtime):x}-{st.st_size:x}"'  # nginx's ETag for a static file


class Ordinary:
    name = "ordinary"
    about = "~44 KB ordinary pages (nav + aside of 30 other titles with dates, 540 sentences of prose), " \
            "N/10 series, nginx"

    @contextmanager
    def serve(self, n: int) -> Iterator[OrdinarySite]:
        with tempfile.TemporaryDirectory(prefix="pw-bench-nginx-") as d:
            site = OrdinarySite(n, Path(d))
            try:
                yield site
            finally:
                site.nginx.stop()

    def write_watchlist(self, path: Path, server: Server, n_sources: int | None = None) -> None:
        """N/10 series with their 10 pages each; no notifier, so nothing is sent anywhere."""
        n = server.n if n_sources is None else n_sources
        per = _ordinary.PAGES_PER_SERIES
        lines = settings_lines()
        for k in range(_ordinary.n_series(n)):
            lines += ["[[watch]]", f'title = "{_ordinary.title_name(k)}"', f"season = {_ordinary.premiere(k)[0]}",
                      'kind = "tv"', "sources = [", *(f'  "{server.url(i)}",' for i in range(k * per, k * per + per)),
                      "]", ""]
        path.write_text("\n".join(lines))

    def check_alerts(self, database: Path, n: int) -> str | None:
        """None when the cold pass left exactly one right "already announced" alert per series, and no other."""
        from premiere_watch.model import Target

        expected = {Target(_ordinary.title_name(k), _ordinary.premiere(k)[0]).key: _ordinary.iso_premiere(k)
                    for k in range(_ordinary.n_series(n))}
        with sqlite3.connect(database) as db:  # every alert recorded, whoever it would go to
            rows = [(watch, kind, json.loads(payload)) for watch, kind, payload
                    in db.execute("SELECT watch, kind, payload FROM events ORDER BY id")]
        right = Counter(watch for watch, kind, event in rows
                        if kind == "premiere_announced" and event.get("change") == "already"
                        and expected.get(watch) == event.get("new"))
        wrong = [f"{kind} {watch} {event.get('change')} {event.get('new')}" for watch, kind, event in rows
                 if not (kind == "premiere_announced" and event.get("change") == "already"
                         and expected.get(watch) == event.get("new"))]
        missing = [key for key in expected if right[key] != 1]
        if not wrong and not missing:
            return None
        return (f"{len(rows)} alerts for {len(expected)} series: {len(missing)} series without exactly one "
                f"right alert, {len(wrong)} other alerts, e.g. {'; '.join((wrong or missing)[:3])}")


WORKLOADS: dict[str, Workload] = {w.name: w for w in (News(), Ordinary())}
