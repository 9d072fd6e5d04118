"""The README is tested: every watchlist it shows loads (or fails as it says), and
every command it shows runs, as a user would type it, against local servers."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from premiere_watch.cli import build_parser
from premiere_watch.config import ConfigError, load
from receivers import JsonReceiver
from runner import RunCli
from servers import PageServer

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
ENV = {"SMTP_USER": "mailer", "SMTP_PASS": "pw-123", "TMDB_API_KEY": "key-123",
       "PREMIERE_WATCH_TOKEN": "token-123"}


def examples() -> dict[str, str]:
    """TOML blocks marked ``<!-- example: NAME -->``."""
    found = re.findall(r"<!-- example: (\w+) -->\n```(?:toml|sh)\n(.*?)```", README, re.S)
    return dict(found)


SUBCOMMANDS = "check|run|extract|validate|status|history|retry|test-notify|demo|keys|calendar"
COMMAND = re.compile(rf"(?<![\w-])premiere-watch (?:{SUBCOMMANDS})(?=[ `\n])[^\n&|;#`]*")


def commands() -> list[str]:
    """Every ``premiere-watch SUBCOMMAND ...`` the README shows, in code spans or blocks."""
    return [m.group(0).strip() for m in COMMAND.finditer(README)]


def test_the_readme_shows_what_is_tested() -> None:
    assert {"minimal", "secrets", "broken", "pacing", "web"} <= set(examples())
    assert len(commands()) >= 10


@pytest.mark.parametrize("name", ["minimal", "secrets", "pacing", "web"])
def test_watchlist_examples_load(tmp_path: Path, name: str) -> None:
    path = tmp_path / "watchlist.toml"
    text = examples()[name]
    path.write_text(text)
    config = load(path, ENV)
    assert config.watches


def test_broken_example_fails_exactly_as_shown(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(examples()["broken"])
    with pytest.raises(ConfigError):
        load(path, {})
    proc = run_cli("validate", "-c", str(path), env={"SMTP_PASS": None})
    shown = re.search(r"```text\n\$ premiere-watch validate[^\n]*\n(.*?)```", README, re.S)
    assert shown is not None
    assert proc.returncode == 2
    for line in shown.group(1).strip().splitlines():
        line = line.replace("watchlist.toml", str(path))
        assert line.strip() in proc.stderr, f"README line not produced:\n{line}\n--- got:\n{proc.stderr}"


def test_every_command_parses() -> None:
    parser = build_parser()
    for command in commands():
        parser.parse_args(shlex.split(command)[1:])  # SystemExit (a test failure) on any unknown flag


def test_every_command_runs(tmp_path: Path, run_cli: RunCli, page_server: PageServer,
                            json_receiver: JsonReceiver) -> None:
    """The README's commands, run against its minimal watchlist pointed at local servers."""
    page = ("<html><head><meta property='article:published_time' content='2023-01-10'></head><body>"
            "<article><h1>All of Us Are Dead season 2</h1><p>Netflix announced that All of Us Are Dead "
            "season 2 will premiere on January 26, 2024.</p></article></body></html>")
    page_server.route("/aouad", page)
    watchlist = examples()["minimal"].replace("https://example.com/all-of-us-are-dead-season-2",
                                              page_server.url("/aouad"))
    watchlist = watchlist.replace("json://localhost:8080/premiere-watch", json_receiver.url)
    watchlist = watchlist.replace('interval = "6h"', 'interval = "6h"\nhost_delay = "0s"')
    (tmp_path / "watchlist.toml").write_text(watchlist)
    (tmp_path / "page.html").write_text(page)
    for command in commands():
        argv = [a.replace("/etc/premiere-watch/watchlist.toml", "watchlist.toml").replace("/var/www/", "")
                for a in shlex.split(command)]
        sub = argv[1]
        if sub in ("run", "demo"):
            continue  # the daemon and the demo have tests of their own
        if sub == "history":
            argv[2] = "All of Us Are Dead S2"
        if sub == "extract" and "--kind" in argv:
            continue
        if "--tag" in argv:
            argv = argv[: argv.index("--tag")]
        proc = run_cli(*argv[1:])
        assert proc.returncode == 0, f"{command}: {proc.stderr}"
    assert json_receiver.received, "check should have alerted the announced date"
    assert b"BEGIN:VEVENT" in (tmp_path / "premieres.ics").read_bytes(), "calendar should have written the date"


def test_the_extraction_benchmark_runs() -> None:
    """The README's extraction benchmark (run.py has its own smoke test)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    assert "benchmarks/bench_extract.py" in README
    proc = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_extract.py"), "--repeat", "1"],
                          capture_output=True, text=True, timeout=120, cwd=root)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "parse_page" in proc.stdout and "median" in proc.stdout


def test_the_readme_documents_every_template_field() -> None:
    from premiere_watch.messages import TEMPLATE_FIELDS

    missing = [name for name in TEMPLATE_FIELDS if f"`{{{name}}}`" not in README]
    assert not missing, f"README does not document template fields {missing}"
