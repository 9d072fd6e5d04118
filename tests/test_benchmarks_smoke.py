"""The benchmark script runs end to end and prints its tables (behaviour, never timings)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_quick_mode_prints_every_table() -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--n", "20", "--no-urlwatch", "--quick"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    rows = ["N=20", "premiere-watch cold", "premiere-watch warm", "floor httpx 304s",
            "extraction (ms/page)", "synthetic",
            "daemon memory", "after cold pass", "after pass 1", "after pass 20", "growth pass 1 -> 20"]
    if (ROOT.parent / "shared" / "corpus" / "dev").is_dir():  # the labelled corpus beside the checkout
        rows.append("corpus")
    for row in rows:
        assert row in out, f"missing row {row!r} in:\n{out}"
    assert "urlwatch" not in out  # --no-urlwatch: nothing installed, nothing run

    # Every page was read in the cold pass and none in the warm pass (validators worked).
    assert "pass: 20 sources (20 read, 0 unchanged, 0 failed)" in proc.stderr
    assert "pass: 20 sources (0 read, 20 unchanged, 0 failed)" in proc.stderr
    # Requests and bytes come from the server's counters: a cold pass moves ~2 MB, a warm one ~0.
    cold = next(line for line in out.splitlines() if line.startswith("premiere-watch cold")).split()
    warm = next(line for line in out.splitlines() if line.startswith("premiere-watch warm")).split()
    assert int(cold[-3]) == 21 and float(cold[-2]) > 1.0  # 20 pages + robots.txt
    assert int(warm[-3]) == 21 and float(warm[-2]) < 0.1
