"""What a careful operator expects where the issue left the choice to us (issue 14 item 17).

Redirect targets are in test_redirects.py; here, what cron hears with ``-q``, and how a
source whose URL holds a secret is stored.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from runner import RunCli
from servers import PageServer, Reply


def watchlist(tmp_path: Path, pages: PageServer, *paths: str) -> Path:
    sources = ", ".join(f'"{pages.url(p)}"' for p in paths)
    path = tmp_path / "watchlist.toml"
    path.write_text('[settings]\ndatabase = "state.db"\nhost_delay = "0s"\nretries = 0\nfailure_alert_after = 3\n'
                    f'[[watch]]\ntitle = "Narcos"\nseason = 2\nsources = [{sources}]\n')
    return path


def test_check_q_prints_the_failures_that_need_the_operator(tmp_path: Path, run_cli: RunCli,
                                                              page_server: PageServer) -> None:
    page_server.route("/flaky", Reply(503))  # may pass by itself: quiet until it keeps failing
    page_server.route("/gone", Reply(404))  # will not pass by itself: said at once
    page_server.route("/fine", "<p>Nothing about the show yet.</p>")
    config = watchlist(tmp_path, page_server, "/flaky", "/gone", "/fine")
    runs = [run_cli("check", "-q", "-c", str(config)) for _ in range(3)]
    assert [r.returncode for r in runs] == [0, 0, 0]
    for r in runs:
        assert r.stdout == ""
        assert r.stderr.count("/gone — HTTP 404") == 1, r.stderr
        assert "/fine" not in r.stderr
    assert "/gone — HTTP 404 (this will not pass by itself)" in runs[0].stderr
    assert "/flaky" not in runs[0].stderr + runs[1].stderr
    assert runs[2].stderr.count("source failed 3 times in a row:") == 2  # /gone too, by now
    assert "/flaky — HTTP 503 after 1 attempt" in runs[2].stderr

    page_server.route("/flaky", "<p>Back.</p>")
    assert "/flaky" not in run_cli("check", "-q", "-c", str(config)).stderr


def test_without_q_every_failure_is_a_line(tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    page_server.route("/flaky", Reply(503))
    config = watchlist(tmp_path, page_server, "/flaky")
    proc = run_cli("check", "-c", str(config))
    assert "WARNING source failed:" in proc.stderr and "/flaky — HTTP 503" in proc.stderr


# --- a secret in a source URL is never stored -----------------------------------------------

SEARCH = "<article><h1>Narcos season 2</h1><p>Narcos season 2 premieres on Friday, September 2, 2016.</p></article>"


def secret_watchlist(tmp_path: Path, pages: PageServer) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text('[settings]\ndatabase = "state.db"\nhost_delay = "0s"\nretries = 0\n'
                    f'[[watch]]\ntitle = "Narcos"\nseason = 2\nsources = ["{pages.url("/search")}?q=${{TOKEN}}"]\n')
    return path


def stored(tmp_path: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(tmp_path / "state.db") as db:
        rows = list(db.execute("SELECT source_id, url, consecutive_failures FROM sources"))
    db.close()
    return rows


def test_a_source_is_stored_as_written_and_keeps_its_state_when_the_secret_rotates(
        tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    page_server.route("/search", Reply(503))
    config = secret_watchlist(tmp_path, page_server)
    written = page_server.url("/search") + "?q=${TOKEN}"
    assert run_cli("check", "-c", str(config), env={"TOKEN": "first-s3cret"}).returncode == 0
    assert stored(tmp_path) == [(f"page:{written}", written, 1)]
    assert run_cli("check", "-c", str(config), env={"TOKEN": "second-s3cret"}).returncode == 0
    assert stored(tmp_path) == [(f"page:{written}", written, 2)]  # the same source, its failures counted on
    for name in ("state.db", "state.db-wal"):
        if (tmp_path / name).exists():
            assert b"s3cret" not in (tmp_path / name).read_bytes()


def test_a_database_that_stored_the_secret_moves_to_the_written_url(
        tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    page_server.route("/search", SEARCH)
    config = secret_watchlist(tmp_path, page_server)
    env: dict[str, str | None] = {"TOKEN": "old-s3cret"}
    assert run_cli("check", "-c", str(config), env=env).returncode == 0
    written, plain = page_server.url("/search") + "?q=${TOKEN}", page_server.url("/search") + "?q=old-s3cret"
    with sqlite3.connect(tmp_path / "state.db") as db:  # as versions before this one stored it
        db.execute("UPDATE sources SET source_id = ?, url = ?", (f"page:{plain}", plain))
        db.execute("UPDATE observations SET source_id = ?", (f"page:{plain}",))
    db.close()
    assert run_cli("retry", "-c", str(config), env=env).returncode == 0  # any command that writes
    assert [row[0] for row in stored(tmp_path)] == [f"page:{written}"]
    assert run_cli("check", "-c", str(config), env=env).returncode == 0
    assert stored(tmp_path) == [(f"page:{written}", written, 0)]
