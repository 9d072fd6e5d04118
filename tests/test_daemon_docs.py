"""The crontab line and the systemd unit in the README work as written.

The documented install paths (/opt/premiere-watch, /etc/premiere-watch) are
swapped for this checkout's and a temporary watchlist; nothing else changes.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger

from servers import PageServer
from test_daemon import PAGE, Daemon, watchlist

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "README.md"
PREFIX = "/opt/premiere-watch/bin/"
CONFIG = "/etc/premiere-watch/watchlist.toml"


def block(lang: str, after: str = "") -> str:
    """The one ```lang block (the first after the text ``after``, when given)."""
    text = DOC.read_text()
    if after:
        assert after in text, f"{DOC.name} no longer says {after!r}"
        text = text[text.index(after):]
        found = re.findall(rf"```{lang}\n(.*?)```", text, re.S)[:1]
    else:
        found = re.findall(rf"```{lang}\n(.*?)```", text, re.S)
    assert len(found) == 1, f"{DOC.name} should have exactly one ```{lang} block, found {len(found)}"
    return str(found[0])


def bin_dir(tmp_path: Path) -> str:
    """Where ``premiere-watch`` is installed here (a shim if only ``python -m`` works)."""
    here = Path(sys.executable).parent
    if (here / "premiere-watch").exists():
        return f"{here}/"
    shim = tmp_path / "bin" / "premiere-watch"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m premiere_watch "$@"\n')
    shim.chmod(0o755)
    return f"{shim.parent}/"


def localise(text: str, tmp_path: Path, config: Path) -> str:
    assert PREFIX in text and CONFIG in text, "the docs' install paths changed: update this test"
    return text.replace(PREFIX, bin_dir(tmp_path)).replace(CONFIG, str(config))


def test_the_crontab_line_runs_a_quiet_pass(tmp_path: Path, page_server: PageServer) -> None:
    page_server.route("/p", PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/p": "1h"})
    [line] = [ln for ln in block("crontab").splitlines() if ln.strip() and not ln.startswith("#")]
    minute, hour, dom, month, dow, command = line.split(None, 5)
    CronTrigger.from_crontab(f"{minute} {hour} {dom} {month} {dow}")  # a valid schedule
    assert "%" not in command  # cron would turn it into a newline
    argv = shlex.split(localise(command, tmp_path, config))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # as bare as cron's
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, cwd="/")
    assert proc.returncode == 0, proc
    assert proc.stdout == "" and proc.stderr == ""  # -q: cron mails nothing when all is well
    assert page_server.count("/p") == 1


SERVICE = "/etc/systemd/system/premiere-watch.service"
WORKER_SERVICE = "/etc/systemd/system/premiere-watch-worker@.service"


def service(tmp_path: Path, config: Path, name: str = SERVICE) -> dict[str, str]:
    unit = localise(block("ini", after=f"`{name}`"), tmp_path, config)
    path = tmp_path / "premiere-watch.service"
    path.write_text(unit)
    keys = dict(ln.split("=", 1) for ln in unit.splitlines() if "=" in ln and not ln.startswith("#"))
    return {"path": str(path), **keys}


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    config = tmp_path / "w.toml"
    config.write_text("")
    unit = service(tmp_path, config)
    proc = subprocess.run(["systemd-analyze", "verify", unit["path"]], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc
    assert "premiere-watch.service" not in proc.stderr, proc.stderr  # no unknown keys, bad values


def test_the_systemd_units_commands_start_reload_and_stop_the_daemon(
    tmp_path: Path, page_server: PageServer
) -> None:
    page_server.route("/p", PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/p": "1h"})
    unit = service(tmp_path, config)
    start = shlex.split(unit["ExecStart"])
    assert os.path.isabs(start[0])  # systemd needs an absolute path
    d = Daemon(config, argv=start, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    try:
        d.wait_for("running:")
        reload = unit["ExecReload"].replace("$MAINPID", str(d.proc.pid))
        assert subprocess.run(shlex.split(reload), timeout=10).returncode == 0
        d.wait_for("reloaded")
        began = time.monotonic()
        d.proc.send_signal(signal.SIGTERM)  # systemd's default KillSignal
        assert d.stop() == 0, d.log
        assert time.monotonic() - began < float(unit["TimeoutStopSec"])
        assert page_server.count("/p") == 1
    finally:
        d.kill()
    # A restart loop cannot fix a bad watchlist or a held lock: those exit codes are excluded.
    assert set(unit["RestartPreventExitStatus"].split()) == {"2", "3"}
