"""Scale-out: a cold pass over N pages with one worker, then with two, on one PostgreSQL.

    python benchmarks/bench_workers.py --n 1000            # prints the table; ~2 min on 2 cores

For each worker count: a new database, one of ``run.py``'s workloads (by
default the extraction-heavy "ordinary" pages under nginx), a scheduler
(``run --no-worker``) that queues one read job per source and is then
stopped, so the workers start with the whole pass
waiting; then W ``premiere-watch worker`` processes start together and the
clock runs until every source has been read.  Extraction is CPU-bound, and a
worker reads its pages in a thread of its own by default (``--processes 0``):
one worker is one core's worth of extraction, so workers are what scale, on
one machine up to its cores and beyond it by machines.  ``--processes N`` gives
each worker N reading processes instead.  Measure on a quiet machine: the load
average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # the tests' throwaway PostgreSQL

from _workloads import WORKLOADS, Workload  # noqa: E402 - the sites and watchlists run.py measures
from run import child_env, premiere_watch_cmd  # noqa: E402

from postgres_server import PostgresServer, temporary_postgres  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def query(url: str, sql: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        try:
            row = conn.execute(sql.encode()).fetchone()
        except psycopg.errors.UndefinedTable:  # the scheduler has not created its tables yet
            return 0
        return int(row[0]) if row else 0


def start(args: list[str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([*premiere_watch_cmd(), *args], cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env=child_env())


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def wait(condition: str, url: str, target: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while query(url, condition) < target:
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {condition} to reach {target}")
        time.sleep(0.2)


def cold_pass(server: PostgresServer, workload: Workload, n: int, workers: int, concurrency: int,
              processes: int, tmp: Path) -> float:
    url = server.new_database()
    with workload.serve(n) as site:
        config = tmp / f"w{workers}.toml"
        workload.write_watchlist(config, site)
        config.write_text(config.read_text().replace('database = "state.db"', f'database = "{url}"'))
        log = tmp / f"w{workers}.log"
        scheduler = start(["run", "--no-worker", "-q", "-c", str(config)], tmp, log)
        try:
            wait("SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'premiere_watch.read_source'",
                 url, n, 120)
        finally:
            stop([scheduler])
        began = time.perf_counter()
        procs = [start(["worker", "-q", "-c", str(config), "--concurrency", str(concurrency),
                        "--processes", str(processes)], tmp, log)
                 for _ in range(workers)]
        try:
            wait("SELECT count(*) FROM sources WHERE last_result IS NOT NULL", url, n, 1800)
            seconds = time.perf_counter() - began
        finally:
            stop(procs)
        failed = query(url, "SELECT count(*) FROM sources WHERE last_result = 'failed'")
        if failed:
            raise SystemExit(f"{failed} sources failed; see {log}")
        return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="pages (sources) in the pass")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--concurrency", type=int, default=8, help="jobs at once per worker")
    ap.add_argument("--processes", type=int, default=0,
                    help="processes reading pages per worker (default 0, the worker's: a thread of its own)")
    ap.add_argument("--workload", choices=sorted(WORKLOADS), default="ordinary",
                    help="ordinary: ~44 KB prose pages under nginx (extraction-heavy); news: ~95 KB news pages")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pw-bench-workers-") as tmp, temporary_postgres() as server:
        rows = []
        for w in args.workers:
            before = load()
            seconds = cold_pass(server, WORKLOADS[args.workload], args.n, w, args.concurrency, args.processes,
                                Path(tmp))
            rows.append((w, seconds, before, load()))
    base = rows[0][1]
    print(f"cold pass over N={args.n} {args.workload} pages, one PostgreSQL, {os.cpu_count()} cores, "
          f"{args.concurrency} jobs at once and {args.processes} reading process(es) per worker")
    print(f"{'workers':>7}  {'wall s':>7}  {'pages/s':>7}  {'vs 1':>5}  load average before -> after")
    print("-" * 78)
    for w, seconds, before, after in rows:
        print(f"{w:>7}  {seconds:7.1f}  {args.n / seconds:7.1f}  {seconds / base:4.2f}x  {before} -> {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
