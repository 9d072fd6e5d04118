"""`premiere-watch demo` shows the product working, offline, in under 30 seconds."""

from __future__ import annotations

import time

from runner import RunCli


def test_demo_prints_each_change_of_meaning_once(run_cli: RunCli) -> None:
    started = time.monotonic()
    proc = run_cli("demo", timeout=60)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert elapsed < 30
    steps = out.split("▶ step ")[1:]
    assert len(steps) == 5
    alerts = [step.count("to: json://") for step in steps]
    assert alerts == [0, 1, 0, 1, 1]  # rumour, announced, reworded, moved, trailer
    assert "premiere date announced: Friday, October 16, 2026" in steps[1]
    assert "Friday, November 6, 2026" in steps[3] and "Friday, October 16, 2026" in steps[3]
    assert "trailer released" in steps[4] and "youtube.com" in steps[4]
    assert "done: 3 alerts" in out
