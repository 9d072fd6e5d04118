"""Operator commands run as a user types them: validate, keys, test-notify, history."""

from __future__ import annotations

import json
from pathlib import Path

from receivers import JsonReceiver
from runner import RunCli


def test_validate_warns_about_hammering_a_remote_site_but_not_a_local_one(tmp_path: Path, run_cli: RunCli) -> None:
    config = tmp_path / "watchlist.toml"
    config.write_text('[[watch]]\ntitle = "Narcos"\ninterval = "5s"\n'
                      'sources = ["https://news.example.com/narcos", "http://127.0.0.1:8080/narcos"]\n')
    proc = run_cli("validate", "-c", str(config))
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "news.example.com" in warnings[0] and "1m" in warnings[0]
    assert "OK — 1 watches, 2 sources" in proc.stdout


def test_keys_lists_every_table_kind_and_template_field(run_cli: RunCli) -> None:
    proc = run_cli("keys")
    assert proc.returncode == 0
    for section in ("[settings]", "[[notifier]]", "[[watch]]", 'source kind "feed"', 'source kind "tmdb"',
                    "template fields", "{new_words}"):
        assert section in proc.stdout


def test_test_notify_reports_each_notifier_and_masks_secrets(tmp_path: Path, run_cli: RunCli,
                                                           json_receiver: JsonReceiver) -> None:
    config = tmp_path / "watchlist.toml"
    config.write_text(f'''
[[notifier]]
name = "fans"
url = "{json_receiver.url}?token=${{HOOK_TOKEN}}"
tags = ["fans"]
[[notifier]]
name = "dead-end"
url = "json://127.0.0.1:9/"
tags = ["other"]
[[watch]]
title = "Narcos"
sources = ["https://example.com/narcos"]
''')
    proc = run_cli("test-notify", "-c", str(config), "--tag", "fans", env={"HOOK_TOKEN": "s3cr3t-hook"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "fans" in proc.stdout and "sent" in proc.stdout and "dead-end" not in proc.stdout
    assert "s3cr3t-hook" not in proc.stdout + proc.stderr
    [message] = json_receiver.received
    assert "test" in (message["title"] + message["message"]).lower()

    proc = run_cli("test-notify", "-c", str(config), env={"HOOK_TOKEN": "s3cr3t-hook"})
    assert proc.returncode == 1  # the dead end failed, and says so
    assert "dead-end" in proc.stdout and "FAILED" in proc.stdout


def test_history_of_an_unknown_watch_names_the_known_ones(tmp_path: Path, run_cli: RunCli) -> None:
    config = tmp_path / "watchlist.toml"
    config.write_text('[settings]\ndatabase = "s.db"\n[[watch]]\ntitle = "Narcos"\nseason = 2\n'
                      'sources = ["https://example.com/narcos"]\n')
    proc = run_cli("history", "Ozark", "-c", str(config))
    assert proc.returncode == 2 and '"Narcos S2"' in proc.stderr
    proc = run_cli("history", "narcos s2", "-c", str(config), "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == {"watch": "Narcos S2", "events": []}


def test_the_store_handle_of_every_command_is_typed() -> None:
    """`status`, `history` and `retry` call the store through `_open_store`: an Any there hides them from mypy."""
    from collections.abc import AsyncIterator
    from inspect import unwrap
    from typing import get_type_hints

    from premiere_watch import cli
    from premiere_watch.store import Store

    hints = get_type_hints(unwrap(cli._open_store), localns={"Store": Store})
    assert hints["return"] == AsyncIterator[Store]
