"""`validate` catches what would break later (issue 14 items 5-7): one line per value, naming the entry and the fix."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest

from premiere_watch.config import ConfigError, load
from premiere_watch.envvars import expand
from premiere_watch.notify import AppriseTransport, MemoryTransport, NotifierConfig, deliver
from premiere_watch.store import Store
from premiere_watch.store.sqlite import SqliteBackend
from receivers import JsonReceiver
from runner import RunCli
from test_notify_delivery import announced

MINIMAL = '[[watch]]\ntitle = "Narcos"\nsources = ["https://example.com/narcos"]\n'

# (TOML that passed `validate` before and broke later, the entry its problem line names, words of the fix)
BROKEN: list[tuple[str, str, str]] = [
    ('[settings]\ninterval = "99999999999999999999999d"', '[settings]: "interval"', 'at most "366d"'),
    ('[settings]\nhost_delay = "999999999999d"', '[settings]: "host_delay"', "at most"),
    ('[settings]\nhost_delay = "2h"', '[settings]: "host_delay"', 'at most "1h"'),
    ("[settings]\nretries = -1", '[settings]: "retries"', "from 0 to 10"),
    ('[settings]\nuser_agent = "bot\\nX-Evil: 1"', '[settings]: "user_agent"', "on one line"),
    ('[settings]\nuser_agent = "bøt"', '[settings]: "user_agent"', "printable ASCII"),
    ("[settings]\ntimeout = inf", '[settings]: "timeout"', "from 0.1 to 3600"),
    ("[settings]\ntimeout = nan", '[settings]: "timeout"', "from 0.1 to 3600"),
    ('[settings]\ndatabase = ""', '[settings]: "database"', "remove the line to use the default"),
    ("[settings]\nmax_bytes = 100000000000", '[settings]: "max_bytes"', "100_000_000"),
    ('[[notifier]]\nname = "n"\nurl = "json://h/"\ndigest = "cron: 0 0 30 2 *"', 'notifier "n": "digest"',
     "never fires"),
    ('[[watch]]\ntitle = "Ozark"\ninterval = "cron: 0 0 31 2 *"\nsources = ["https://e.com/o"]',
     'watch "Ozark": "interval"', "never fires"),
    ('[[watch]]\ntitle = "Ozark"\nsources = ["http://[::1/x"]', 'watch "Ozark" source 1', "full http(s) URL"),
    ('[[watch]]\ntitle = "Ozark"\nsources = ["http://e.com:99999/x"]', 'watch "Ozark" source 1', "1 to 65535"),
    ('[[watch]]\ntitle = "Ozark"\nsources = [{ url = "https://e.com/o", host_delay = "9999d" }]',
     'watch "Ozark" source 1: "host_delay"', "at most"),
    ('[[watch]]\ntitle = "Ozark"\nsources = [{ url = "https://e.com/o", interval = "0.5s" }]',
     'watch "Ozark" source 1: "interval"', '"1s"'),
    ('[[watch]]\ntitle = "Ozark"\nsources = ["https://e.com/${}"]', 'watch "Ozark" source 1', "${NAME}"),
    ('[[watch]]\ntitle = "Ozark"\nsources = ["https://e.com/${UNCLOSED"]', 'watch "Ozark" source 1',
     "never closed"),
    ('[[notifier]]\nname = "n"\nurl = "foobar://host/x"', 'notifier "n"', "apprise/wiki"),
    ('[[notifier]]\nname = "n"\nurl = "json://"', 'notifier "n"', "apprise/wiki"),
    ('[[notifier]]\nname = "n"\nurl = "discord://"', 'notifier "n"', "Discord Webhook ID"),
    ('[[notifier]]\nname = "n"\nurl = "json://hooks.example:99999/"', 'notifier "n"', "1-65535"),
    ('[[notifier]]\nname = "n"\nurl = "json://${HOOK_HOST}/x"', 'notifier "n"', "move it to the path"),
]


def test_validate_rejects_each_value_with_one_line_naming_the_entry_and_the_fix(tmp_path: Path,
                                                                                run_cli: RunCli) -> None:
    config = tmp_path / "watchlist.toml"
    # Each value alone, so a problem line cannot be credited to another entry.
    for toml, entry, fix in BROKEN:
        text = toml + "\n" + (MINIMAL if "[[watch]]" not in toml else "")
        config.write_text(text)
        proc = run_cli("validate", "-c", str(config), env={"HOOK_HOST": "evil.example/steal?"})
        assert proc.returncode == 2, (toml, proc.stdout, proc.stderr)
        problems = [line.strip()[2:] for line in proc.stderr.splitlines() if line.startswith("  - ")]
        assert len(problems) == 1 and problems[0].startswith(entry) and fix in problems[0], (toml, problems)
        assert "Traceback" not in proc.stderr


def test_check_and_run_refuse_what_validate_refuses(tmp_path: Path, run_cli: RunCli) -> None:
    config = tmp_path / "watchlist.toml"
    config.write_text('[settings]\ninterval = "99999999999999999999999d"\nhost_delay = "999999999999d"\n' + MINIMAL)
    for command in ("check", "run"):
        proc = run_cli(command, "-c", str(config), timeout=30)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr


def test_a_password_from_the_environment_cannot_move_the_message_to_another_host(
        tmp_path: Path, run_cli: RunCli, json_receiver: JsonReceiver) -> None:
    """A ${VAR} password with / @ # ? is percent-encoded where it lands, not parsed as URL syntax."""
    host = json_receiver.url.split("://", 1)[1]
    config = tmp_path / "watchlist.toml"
    config.write_text(f'[[notifier]]\nname = "fans"\nurl = "json://fan:${{HOOK_PASS}}@{host}"\n' + MINIMAL)
    password = "pa/ss@evil.example:1?#x"
    proc = run_cli("test-notify", "-c", str(config), env={"HOOK_PASS": password})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    [message] = json_receiver.received
    assert "test" in message["title"].lower()
    assert json_receiver.auth == [("fan", password)]  # the password arrived whole, at the intended host
    assert "pa/ss" not in proc.stdout + proc.stderr and "pa%2Fss" not in proc.stdout + proc.stderr


@pytest.mark.parametrize(("raw", "value", "expected"), [
    ("json://u:${V}@host/", "a/b@c#d?e", "json://u:a%2Fb%40c%23d%3Fe@host/"),
    ("json://host/${V}", "a/b?c#d", "json://host/a/b%3Fc%23d"),
    ("https://e.com/api?token=${V}&x=1", "a&b=c#d+e", "https://e.com/api?token=a%26b=c%23d%2Be&x=1"),
    ("json://u:${V}@host/", "already%2Fencoded", "json://u:already%2Fencoded@host/"),  # kept as written
    ("Hello ${V}", "a/b", "Hello a/b"),  # not a URL: as is
    ("json://host/$${V}", "x", "json://host/${V}"),
])
def test_values_are_encoded_for_the_part_of_the_url_they_land_in(raw: str, value: str, expected: str) -> None:
    result = expand(raw, {"V": value})
    assert result.text == expected and not result.problems


def test_a_refused_apprise_url_fails_for_good_at_once_instead_of_eight_retries(tmp_path: Path) -> None:
    """Issue 14 item 6: it was retried 8 times as if the service were down."""
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)

    async def scenario() -> None:
        async with Store(SqliteBackend(tmp_path / "s.db")) as store:
            notifier = NotifierConfig("bad", ("json://hooks.example:99999/",))
            await store.enqueue([announced(2)], lambda e: [("bad", 0)], now)
            report = await deliver(store, {"bad": notifier}, AppriseTransport(timeout=5), now)
            assert (report.dead, report.failed) == (1, 0)
            [dead] = await store.dead_deliveries()
            assert dead.attempts == 1 and "port 99999" in dead.last_error
            # A temporary failure is still retried.
            await store.enqueue([announced(3)], lambda e: [("ok", 0)], now)
            flaky = NotifierConfig("ok", ("json://hooks.example/",))
            report = await deliver(store, {"ok": flaky}, MemoryTransport(fail={"json://hooks.example/": ["500"]}),
                                   now)
            assert (report.dead, report.failed) == (0, 1)

    asyncio.run(scenario())


def test_load_refuses_a_notifier_url_apprise_cannot_use(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[[notifier]]\nname = "n"\nurls = ["json://ok.example/", "nosuch://${TOKEN_X}/x"]\n' + MINIMAL)
    with pytest.raises(ConfigError) as caught:
        load(path, {"TOKEN_X": "Tok3nValue9"})
    [problem] = caught.value.problems
    assert problem.startswith('notifier "n": Apprise cannot use "nosuch://****/x"')
    assert "tok3nvalue9" not in json.dumps(caught.value.problems).lower()


def test_commands_that_never_send_do_not_ask_apprise(tmp_path: Path, run_cli: RunCli) -> None:
    """status, history and calendar read state: a notifier Apprise refuses does not hide it (and costs no
    plugin loading); validate, check, run, retry and test-notify refuse it."""
    config = tmp_path / "watchlist.toml"
    config.write_text('[settings]\ndatabase = "s.db"\n[[notifier]]\nname = "n"\nurl = "nosuch://host/x"\n' + MINIMAL)
    assert run_cli("status", "-c", str(config)).returncode == 0
    assert run_cli("validate", "-c", str(config)).returncode == 2
    with pytest.raises(ConfigError):
        load(config, {})
    assert load(config, {}, check_targets=False).notifiers[0].urls == ("nosuch://host/x",)
