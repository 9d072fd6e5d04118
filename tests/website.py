"""A local news site and a daemon serving its web pages, for the web and browser tests."""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from pathlib import Path

import httpx

from premiere_watch.dates import FuzzyDate
from receivers import JsonReceiver
from servers import PageServer, Reply
from test_daemon import Daemon

TOKEN = "tok-0123456789abcdef"
HOOK_PASS = "hook-pass-secret-42"
INJECTED = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"


def article(sentence: str, published: str) -> str:
    return (f"<html><head><meta property='article:published_time' content='{published}'></head><body>"
            f"<article><h1>News</h1><p>{sentence}</p></article></body></html>")


def escaped(text: str) -> str:
    """``text`` as a page writes it so that it *reads* as that text (markup shown, not run)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Dates ahead of today, so the dashboard lists them as upcoming whenever the tests run.
YEAR = dt.date.today().year + 1
PUBLISHED = f"{YEAR - 1}-01-02"
NARCOS_DAY, MOVED_DAY, OZARK_DAY = dt.date(YEAR, 9, 3), dt.date(YEAR, 9, 10), dt.date(YEAR, 3, 3)
NARCOS_WORDS, MOVED_WORDS = (FuzzyDate.from_date(d).words() for d in (NARCOS_DAY, MOVED_DAY))
NARCOS = f"Netflix announced that Narcos season 2 will premiere on {NARCOS_DAY:%B} 3, {YEAR}."
NARCOS_MOVED = f"Netflix said that Narcos season 2 has been pushed back to {MOVED_DAY:%B} 10, {YEAR}."
DARK = f"Netflix announced that Dark season 3 will premiere in June {YEAR}."
OZARK = f"Netflix announced that Ozark season 5 will premiere on March 3, {YEAR} {escaped(INJECTED)}."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def site(server: PageServer) -> None:
    server.route("/narcos", article(NARCOS, PUBLISHED))
    server.route("/dark", article(DARK, PUBLISHED))
    server.route("/ozark", article(OZARK, PUBLISHED))
    server.route("/gone", Reply(404, "gone"))


def watchlist(tmp_path: Path, server: PageServer, receiver: JsonReceiver, *, http: str,
              token: bool = True) -> Path:
    path = tmp_path / "watchlist.toml"
    hook = receiver.url.replace("json://", "json://fan:${HOOK_PASS}@")
    path.write_text(f"""
[settings]
database = "state.db"
host_delay = "0s"
retries = 0
interval = "1s"
http = "{http}"
{'http_token = "${WEB_TOKEN}"' if token else ''}

[[notifier]]
name = "fans"
url = "{hook}"

[[watch]]
title = "Narcos"
season = 2
sources = ["{server.url('/narcos')}"]

[[watch]]
title = "Dark"
season = 3
sources = ["{server.url('/dark')}", "{server.url('/gone')}"]

[[watch]]
title = "Ozark"
season = 5
sources = ["{server.url('/ozark')}"]
""")
    return path


def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "WEB_TOKEN": TOKEN, "HOOK_PASS": HOOK_PASS}


def start(daemons: list[Daemon], config: Path, *args: str) -> Daemon:
    d = Daemon(config, *args, env=env(config.parent))
    daemons.append(d)
    d.wait_for("running:", timeout=20)
    return d


def wait_until(check: object, timeout: float = 20.0, what: str = "") -> None:
    assert callable(check)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout}s: {what}")


def get(base: str, path: str, **kwargs: object) -> httpx.Response:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return httpx.get(base + path, headers=headers, timeout=10, **kwargs)  # type: ignore[arg-type]
