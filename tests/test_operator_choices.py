"""What a careful operator expects where the issue left the choice to us (issue 14 item 17).

Redirect targets are in test_redirects.py; here, what cron hears with ``-q``.
"""

from __future__ import annotations

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
