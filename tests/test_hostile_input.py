"""Hostile input that broke premiere-watch (issue 14 items 11, 12, 14), as reproductions.

Responses no ``http.server`` would send come from ``hostile.HostileServer``;
commands run as the installed program (``run_cli``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bombs import gzip_bomb
from hostile import HostileServer, raw_response
from premiere_watch.fetch import Fetcher, FetchResult, FetchSettings
from runner import RunCli
from servers import PageServer, Reply

FAST = FetchSettings(host_delay=0.0, backoff=0.01, timeout=5.0, retries=3, robots=False)
PAGE = b"<html><body><p>Nothing yet.</p></body></html>"


def fetch(url: str) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(FAST) as f:
            return await f.fetch(url)

    return asyncio.run(go())


# --- item 14: a response that is not HTTP is permanent, not retried ------------------

MALFORMED = {
    "/bad-location": (raw_response(302, [("Location", "http://[::1/x")]), "Invalid URL in location header"),
    "/control-location": (raw_response(302, [("Location", "http://exa\x01mple.com/")]), "non-printable"),
    # What the parser says (aiohttp's, under httpx: transport.py).
    "/70k-location": (raw_response(302, [("Location", "/" + "a" * 70_000)]), "more than 65536 bytes"),
    "/5000-headers": (raw_response(200, [(f"X-Header-Number-{i}", "some-value-here") for i in range(5000)],
                                   PAGE), "Too many headers"),
    "/garbage": (b"NOT HTTP AT ALL\r\n\r\n", "Bad status line"),
}


@pytest.mark.parametrize("path", MALFORMED)
def test_a_malformed_response_fails_at_once_and_for_good(hostile_server: HostileServer, path: str) -> None:
    reply, detail = MALFORMED[path]
    hostile_server.route(path, reply)
    r = fetch(hostile_server.url(path))
    assert (r.status, r.temporary, r.attempts) == ("failed", False, 1)
    assert r.reason.startswith("malformed response: ") and detail in r.reason
    assert hostile_server.count(path) == 1


@pytest.mark.parametrize("reply", [
    b"",  # the server closed without answering (a stale keep-alive connection looks the same)
    raw_response(200, [("Content-Length", "1000")], b"<p>only part", length=False),
])
def test_a_dropped_connection_is_still_retried(hostile_server: HostileServer, reply: bytes) -> None:
    hostile_server.route("/p", reply)
    r = fetch(hostile_server.url("/p"))
    assert (r.status, r.temporary, r.attempts) == ("failed", True, 4)
    assert hostile_server.count("/p") == 4


def test_two_content_encoding_lines_are_two_layers(hostile_server: HostileServer) -> None:
    # RFC 9110 §5.3: repeated fields are one list, so this is "gzip, gzip" (item 1).
    hostile_server.route("/p", raw_response(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                                  ("Content-Encoding", "gzip")], gzip_bomb(2)))
    r = fetch(hostile_server.url("/p"))
    assert (r.status, r.temporary) == ("failed", False) and "more than one layer" in r.reason


# --- item 11: nesting 100k deep is a clean "not valid" error ----------------------------

DEEP = 100_000


@pytest.mark.parametrize(("text", "commands"), [
    ("v = " + "[" * DEEP + "]" * DEEP, ("validate", "check", "status")),
    ("v = " + "{a = " * DEEP + "1" + "}" * DEEP, ("validate",)),
    ("[settings]\n" + "a." * 1_000 + "a = 1\n", ("validate",)),  # dotted keys nest without recursing
    ("[" + "a." * 1_000 + "a]\n", ("validate",)),
])
def test_a_deeply_nested_watchlist_is_invalid_toml(tmp_path: Path, run_cli: RunCli, text: str,
                                                   commands: tuple[str, ...]) -> None:
    config = tmp_path / "deep.toml"
    config.write_text(text + '\n[[watch]]\ntitle = "Narcos"\nsources = ["https://example.com/"]\n')
    for command in commands:  # every command loads the watchlist the same way
        proc = run_cli(command, "-c", str(config))
        assert proc.returncode == 2, proc.stderr
        assert "nested more than 32 levels deep" in proc.stderr and str(config) in proc.stderr
        assert "Traceback" not in proc.stderr


def test_deeply_nested_api_json_is_a_failed_read(tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    deep = "[" * DEEP + "]" * DEEP
    for path in ("/search/shows", "/search/tv"):
        page_server.route(path, Reply(200, deep, content_type="application/json"))
    config = tmp_path / "watchlist.toml"
    config.write_text(f"""
[settings]
database = "state.db"
host_delay = "0s"
retries = 0
[[watch]]
title = "Narcos"
sources = [{{ kind = "tvmaze", url = "{page_server.base}" }},
           {{ kind = "tmdb", url = "{page_server.base}", api_key = "k" }}]
""")
    proc = run_cli("check", "-c", str(config))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("invalid JSON: nested too deeply") == 2
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr


# --- item 12: a delivery id out of range is a usage error ------------------------------


@pytest.mark.parametrize("bad", ["99999999999999999999999", "0", "-3", "x"])
def test_retry_with_an_impossible_id_is_a_usage_error(tmp_path: Path, run_cli: RunCli, bad: str) -> None:
    config = tmp_path / "watchlist.toml"
    config.write_text('[settings]\ndatabase = "s.db"\n[[watch]]\ntitle = "Narcos"\n'
                      'sources = ["https://example.com/"]\n')
    proc = run_cli("retry", "-c", str(config), "--", bad)
    assert proc.returncode == 2
    assert f"'{bad}' is not a delivery id" in proc.stderr and "Traceback" not in proc.stderr

