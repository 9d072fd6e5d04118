"""Operator commands run as a user types them: validate, keys, test-notify, history."""

from __future__ import annotations

import contextlib
import json
import subprocess
from pathlib import Path

import pytest

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


def test_extract_says_what_is_wrong_with_what_it_was_given(tmp_path: Path, run_cli: RunCli) -> None:
    """Issue 14 item 16: a directory or a device was "no such file"; a bogus option listed "(allowed: )"."""
    proc = run_cli("extract", str(tmp_path), "--title", "Narcos")
    assert proc.returncode != 0 and "is a directory" in proc.stderr
    proc = run_cli("extract", "/dev/null", "--title", "Narcos")
    assert proc.returncode != 0 and "not a regular file" in proc.stderr
    proc = run_cli("extract", str(tmp_path / "missing.html"), "--title", "Narcos")
    assert proc.returncode != 0 and "no such file" in proc.stderr
    proc = run_cli("extract", "https://127.0.0.1:9/x", "--title", "Narcos", "--option", "bogus=1")
    assert proc.returncode != 0 and "(allowed: )" not in proc.stderr
    assert 'unknown key "bogus"' in proc.stderr and "robots" in proc.stderr  # what --option takes for a page


def test_extract_caps_quoted_evidence_as_alerts_do(tmp_path: Path, run_cli: RunCli) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><article><h1>Narcos</h1><p>Narcos season 2 will premiere on Friday, "
                     b"September 2, 2016 " + b"and more words " * 10_000 + b".</p></article></body></html>")
    for extra in ((), ("--json",)):
        proc = run_cli("extract", str(page), "--title", "Narcos", "--season", "2", *extra)
        assert proc.returncode == 0, proc.stderr
        assert "2016-09-02" in proc.stdout or "September 2, 2016" in proc.stdout
        assert max(len(line) for line in proc.stdout.splitlines()) < 600 and len(proc.stdout) < 5_000


def test_status_reads_a_database_it_may_not_write(tmp_path: Path, run_cli: RunCli) -> None:
    """Issue 14 item 16: status failed with "attempt to write a readonly database"."""
    config = tmp_path / "watchlist.toml"
    config.write_text('[settings]\ndatabase = "s.db"\nretries = 0\nhost_delay = "0s"\n[[watch]]\n'
                      'title = "Narcos"\nsources = ["http://127.0.0.1:9/narcos"]\n')
    assert run_cli("check", "-c", str(config)).returncode == 0
    db = tmp_path / "s.db"
    # Root writes through file modes, so the file is made immutable instead (ext4, xfs, btrfs).
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available on this filesystem")
    try:
        for command in (("status",), ("status", "--json"), ("history", "Narcos")):
            proc = run_cli(*command, "-c", str(config))
            assert proc.returncode == 0, (command, proc.stderr)
        assert "127.0.0.1:9/narcos" in run_cli("status", "-c", str(config)).stdout
        proc = run_cli("check", "-c", str(config))  # a command that writes still says why it cannot
        assert proc.returncode == 4 and "read-only" in proc.stderr
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_a_full_disk_at_open_says_the_disk_is_full(tmp_path: Path, run_cli: RunCli) -> None:
    """Issue 14 item 16: it said "check the path and its permissions"."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        with (disk / "filler").open("wb") as filler, contextlib.suppress(OSError):
            filler.write(b"x" * 128 * 1024)
        config = tmp_path / "watchlist.toml"
        config.write_text(f'[settings]\ndatabase = "{disk}/state/s.db"\n[[watch]]\ntitle = "Narcos"\n'
                          'sources = ["http://127.0.0.1:9/narcos"]\n')
        for command in ("check", "status"):
            proc = run_cli(command, "-c", str(config))
            assert proc.returncode == 4, (command, proc.stderr)
            assert "full" in proc.stderr or "free space" in proc.stderr, (command, proc.stderr)
            assert "permissions" not in proc.stderr
    finally:
        subprocess.run(["umount", str(disk)], check=True)
