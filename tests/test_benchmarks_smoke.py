"""The benchmark script runs end to end and prints its tables (behaviour, never timings)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_quick_mode_prints_every_table() -> None:
    # Both workloads: the ordinary one is served by nginx (.ci/run installs it).
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--n", "20", "--no-urlwatch", "--quick"],
        capture_output=True, text=True, timeout=240, cwd=ROOT, env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    rows = ["news: ", "ordinary: ", "N=20", "premiere-watch cold", "premiere-watch warm", "floor httpx 304s",
            "floor httpx-aiohttp 304s", "floor aiohttp 304s",
            "extraction (ms/page)", "synthetic news", "synthetic ordinary",
            "daemon memory", "after cold pass", "after pass 1", "after pass 20", "growth pass 1 -> 20",
            # The ordinary pages name one premiere per series among hundreds of other dates.
            'exactly one right "already announced" alert per series (2), nothing else']
    if (ROOT.parent / "shared" / "corpus" / "dev").is_dir():  # the labelled corpus beside the checkout
        rows.append("corpus")
    for row in rows:
        assert row in out, f"missing row {row!r} in:\n{out}"
    assert "urlwatch" not in out  # --no-urlwatch: nothing installed, nothing run

    # Every page was read in the cold pass and none in the warm pass (validators worked), in both workloads.
    assert proc.stderr.count("pass: 20 sources (20 read, 0 unchanged, 0 failed)") == 2
    assert proc.stderr.count("pass: 20 sources (0 read, 20 unchanged, 0 failed)") == 2
    # Requests and bytes come from the servers' counters: a cold pass moves ~1-2 MB, a warm one ~0.
    colds = [line.split() for line in out.splitlines() if line.startswith("premiere-watch cold")]
    warms = [line.split() for line in out.splitlines() if line.startswith("premiere-watch warm")]
    assert len(colds) == len(warms) == 2
    for cold, warm in zip(colds, warms, strict=True):  # ... requests, MB recv, conns, load
        assert int(cold[-4]) == 21 and float(cold[-3]) > 0.5  # 20 pages + robots.txt
        assert int(warm[-4]) == 21 and float(warm[-3]) < 0.1
