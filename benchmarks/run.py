"""Measured speed and memory of premiere-watch, side by side with urlwatch.

    .venv/bin/python benchmarks/run.py --n 1000 --urlwatch                  # both workloads
    .venv/bin/python benchmarks/run.py --workload ordinary --n 1000 --urlwatch
    .venv/bin/python benchmarks/run.py --n 20 --no-urlwatch --quick      # the smoke test's mode

For each workload (``_workloads.py``: ``news``, our own server of ~95 KB news pages;
``ordinary``, nginx serving ~44 KB pages of ordinary prose) and each N: the local site,
a watchlist of N sources, then ``premiere-watch check`` twice as a child process
(cold: new database, everything new; warm: the same pass again, nothing changed),
urlwatch the same (``--urlwatch``: installed into a throwaway virtualenv, never a
project dependency), and the HTTP client floors (N conditional GETs, all 304, at the
same concurrency).  Each child is reaped with ``os.wait4``, so CPU and peak RSS are
that process's own (its worker processes' CPU included); the summed RSS of the whole
process tree is sampled while it runs.  Requests, bytes and connections are counted
at the server.  Then the extraction micro-benchmark (parse vs extract, corpus and
synthetic pages) and the daemon memory check (20 passes in one process).

All traffic goes to 127.0.0.1; proxy variables are removed from children.
Timings are printed, never asserted (the smoke test checks the rows exist); the
ordinary workload's alert check fails the run (exit 1) when the alerts are wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _ordinary  # noqa: E402  (sibling helpers, not a package)
import _site  # noqa: E402
from _workloads import CONCURRENCY, WORKLOADS, Server, Workload  # noqa: E402

from premiere_watch.model import Target  # noqa: E402

# The labelled corpus lives in shared/, beside this checkout (CI lays it out the same way).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
URLWATCH_VENV = Path("/tmp/pw-bench-urlwatch-venv")
CHILD_TIMEOUT = 3600.0  # a hung child fails the run instead of hanging it


# --- child processes ----------------------------------------------------------------------


def child_env(home: Path | None = None) -> dict[str, str]:
    """The environment for children: no proxies (127.0.0.1 only), optionally a private HOME."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    if home is not None:
        env["HOME"] = str(home)
        env["XDG_CONFIG_HOME"] = str(home / ".config")
        env["XDG_CACHE_HOME"] = str(home / ".cache")
    return env


@dataclass
class Measured:
    """One child process: wall time and its own rusage (from ``os.wait4``)."""

    wall: float
    cpu: float  # user + sys seconds, of its reaped worker processes too
    peak_rss_mb: float  # the largest single process of the tree (wait4's ru_maxrss)
    code: int
    stdout: str
    stderr: str
    tree_rss_mb: float = 0.0  # the most the whole process tree held at once (sampled; RSS summed)
    tree_pss_mb: float = 0.0  # the same in PSS: shared pages split between the processes
    requests: int = 0
    bytes: int = 0
    connections: int = 0  # TCP connections the server accepted: keep-alive working or not
    load: float = 0.0  # 1-minute load average when it started (others' work on the machine)


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KB of ``pid`` and all its descendants now; (0, 0) once it is gone.

    RSS counts a page shared by the fork server and its workers once per process;
    PSS splits it between them, so its sum is what the tree really holds.
    """
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for ln in f:
                    if ln.startswith("Rss:"):
                        rss += int(ln.split()[1])
                    elif ln.startswith("Pss:"):
                        pss += int(ln.split()[1])
            todo += _children(p)
        except (OSError, ValueError):
            continue
    return rss, pss


def _children(pid: int | None = None) -> set[int]:
    """Every child of the process, whichever of its threads started it."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid or os.getpid()}/task").iterdir():
        with contextlib.suppress(OSError):
            out |= {int(c) for c in (task / "children").read_text().split()}
    return out


def _adopt_orphans() -> None:
    """Become the reaper of our children's orphans (Linux ``PR_SET_CHILD_SUBREAPER``).

    A pool's fork server is started by the measured child but never reaped by it:
    it outlives it by a moment, and the CPU of the workers it forked (and reaped)
    would count for nobody.  As their subreaper we reap them and count it.
    """
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap_orphans(before: set[int], deadline: float) -> float:
    """CPU seconds of the orphans left by a child (not in ``before``), each waited for."""
    cpu, waiting = 0.0, _children() - before
    while waiting:  # bounded by the deadline
        for pid in list(waiting):
            done, _status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                cpu += usage.ru_utime + usage.ru_stime
                waiting.discard(pid)
        if time.perf_counter() > deadline:
            for pid in waiting:
                os.kill(pid, 9)
            deadline = float("inf")
        waiting |= _children() - before - {0}
        time.sleep(0.01)
    return cpu


def run_child(cmd: Sequence[str], *, env: dict[str, str], cwd: Path) -> Measured:
    """Run ``cmd`` to completion; wall clock, CPU and peak RSS of the child and of its process tree."""
    out_path, err_path = cwd / "child.out", cwd / "child.err"
    tree_kb, tree_pss_kb, next_sample, before = 0, 0, 0.0, _children()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        deadline = started + CHILD_TIMEOUT
        while True:  # bounded by the deadline
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            if now >= next_sample:  # every 50 ms: often enough for a peak, cheap for the machine
                rss_kb, pss_kb = _tree_memory_kb(proc.pid)
                tree_kb, tree_pss_kb, next_sample = max(tree_kb, rss_kb), max(tree_pss_kb, pss_kb), now + 0.05
            time.sleep(0.005)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by us; keep Popen consistent
    orphans = _reap_orphans(before, time.perf_counter() + 30)
    peak = usage.ru_maxrss / 1024
    return Measured(wall, usage.ru_utime + usage.ru_stime + orphans, peak, proc.returncode,
                    out_path.read_text(errors="replace"), err_path.read_text(errors="replace"),
                    tree_rss_mb=max(tree_kb / 1024, peak), tree_pss_mb=tree_pss_kb / 1024)


def measure(server: Server, cmd: Sequence[str], *, env: dict[str, str], cwd: Path) -> Measured:
    """``run_child`` with the server's counters of what this child alone asked for."""
    server.reset()
    m = run_child(cmd, env=env, cwd=cwd)
    stats = server.stats()
    m.requests, m.bytes, m.connections = stats["requests"], stats["bytes"], stats["connections"]
    return m


# --- premiere-watch and urlwatch set-ups -------------------------------------------------------------


def compile_package() -> None:
    """Byte-compile the premiere-watch that children will import, as ``pip install`` does.

    Run from a source tree (the editable install, or a snapshot on ``PYTHONPATH``) under
    ``PYTHONDONTWRITEBYTECODE=1``, every measured start-up would compile ~40 modules from
    source (~0.1 s of CPU) that an installed copy never compiles: urlwatch, pip-installed,
    does not pay it.  ``compileall`` writes the ``__pycache__`` files (ignored by git)
    whatever the variable says; children only read them.
    """
    import compileall

    import premiere_watch

    compileall.compile_dir(str(Path(premiere_watch.__file__).parent), quiet=1)


def premiere_watch_cmd() -> list[str]:
    script = Path(sys.executable).parent / "premiere-watch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "premiere_watch"]


def ensure_urlwatch() -> Path:
    """urlwatch in its own throwaway virtualenv (created once, reused); never in the project's."""
    exe = URLWATCH_VENV / "bin" / "urlwatch"
    if not exe.exists():
        print(f"installing urlwatch into {URLWATCH_VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(URLWATCH_VENV)], check=True)
        subprocess.run([str(URLWATCH_VENV / "bin" / "pip"), "install", "-q", "urlwatch"], check=True)
    return exe


def write_urlwatch(tmp: Path, s: Server) -> list[str]:
    """The job list, a config with every reporter off, and an empty cache: its command line."""
    (tmp / "urls.yaml").write_text("".join(f"url: {s.url(i)}\n---\n" for i in range(s.n)))
    (tmp / "urlwatch.yaml").write_text(
        "display: {new: true, error: true, unchanged: false, empty-diff: false}\n"
        "report:\n  stdout: {enabled: false, color: false}\n  email: {enabled: false}\n")
    return ["--urls", str(tmp / "urls.yaml"), "--config", str(tmp / "urlwatch.yaml"),
            "--cache", str(tmp / "cache.db"), "--hooks", str(tmp / "hooks.py")]


# --- the pass benchmark ------------------------------------------------------------------------


@dataclass
class Row:
    label: str
    runs: list[Measured] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(float(getattr(m, attr)) for m in self.runs)


def _check_ok(label: str, m: Measured) -> None:
    if m.code != 0:
        raise RuntimeError(f"{label} exited {m.code}:\n{m.stderr[-2000:]}")


def profiled(cmd: list[str], out: Path | None) -> list[str]:
    """``cmd`` under py-spy when profiling: CPU samples of the process and its worker processes."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if out is None or not Path(spy).exists():
        return cmd
    return [spy, "record", "--subprocesses", "--rate", "250", "--format", "raw", "--output", str(out), "--", *cmd]


# Where a sample's time goes: the innermost frame matching one of these names it (first match
# from the leaf up), so JSON under the store counts as JSON and lxml under parse_page as parsing;
# anything under an import is start-up, whatever the module runs while it is imported.
PROFILE_CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("JSON encode/decode", ("json/encoder.py", "json/decoder.py", "json/__init__.py")),
    ("store: BEGIN/COMMIT", ("SqliteBackend.transaction (",)),
    ("robots.txt", ("_robots_allow", "_load_robots", "protego")),
    ("store: queries", ("premiere_watch/store/",)),
    ("reconcile + diff", ("premiere_watch/reconcile.py", "Pipeline._reconcile")),
    ("parse_page (lxml + walk)", ("premiere_watch/extract/page.py", "lxml/")),
    ("extract (claims, titles, trailers)", ("premiere_watch/extract/",)),
    ("page digest", ("page_digest", "premiere_watch/reading.py")),
    ("process pool (queues, pickling)", ("multiprocessing/", "concurrent/futures/", "premiere_watch/pool.py")),
    ("HTTP client (httpx, aiohttp)", ("httpx/", "httpcore/", "h11/", "anyio/", "sniffio/", "aiohttp/", "yarl/",
                                      "multidict/", "httpx_aiohttp/", "premiere_watch/transport.py")),
    ("fetch.py (politeness, headers, body)", ("premiere_watch/fetch.py", "premiere_watch/content_coding.py")),
    ("asyncio loop + sockets", ("asyncio/", "selectors.py", "socket.py")),
    ("config load", ("premiere_watch/config.py", "tomllib")),
    ("logging", ("logging/",)),
)


def summarize_profile(path: Path) -> list[tuple[str, float]]:
    """Shares of CPU samples per process kind and category from py-spy's raw output, largest first."""
    counts: dict[str, int] = {}
    total = 0
    for line in path.read_text().splitlines():
        stack, _, n_text = line.rpartition(" ")
        if not n_text.isdigit():
            continue
        n, total = int(n_text), total + int(n_text)
        frames = stack.split(";")
        processes = [f for f in frames if f.startswith("process ")]
        who = "workers" if processes and "forkserver" in processes[-1] else "main"
        code = [f for f in frames if not f.startswith("process ")]
        category = "other (pipeline, sources, dataclasses...)"
        if any("<frozen importlib" in f for f in code):
            category = "start-up: imports"
        else:
            for frame in reversed(code):
                found = next((name for name, keys in PROFILE_CATEGORIES if any(k in frame for k in keys)), None)
                if found:
                    category = found
                    break
        key = f"{who}: {category}"
        counts[key] = counts.get(key, 0) + n
    return sorted(((c, n / max(total, 1)) for c, n in counts.items()), key=lambda x: -x[1])


def print_profiles(profile: Path) -> None:
    for path in sorted(profile.glob("*.txt")):
        print(f"profile {path.stem} (py-spy: shares of CPU samples, the main process and its workers)")
        for category, share in summarize_profile(path):
            if share >= 0.005:
                print(f"  {share * 100:5.1f}%  {category}")
        print()


def _note(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _timed(server: Server, label: str, cmd: Sequence[str], *, env: dict[str, str], cwd: Path, row: Row) -> Measured:
    load = os.getloadavg()[0]  # other work on the machine, as the child starts
    m = measure(server, cmd, env=env, cwd=cwd)
    _check_ok(label, m)
    m.load = load
    row.runs.append(m)
    return m


def _keep(tmp: Path, name: str) -> None:
    """Save the database a cold pass left (with its write-ahead log, if any) for each warm pass."""
    for suffix in ("", "-wal"):
        if (tmp / f"{name}{suffix}").exists():
            shutil.copyfile(tmp / f"{name}{suffix}", tmp / f"cold-{name}{suffix}")


def _restore(tmp: Path, name: str) -> None:
    """Put back the database the cold pass left, so every warm pass starts from the same state."""
    for suffix in ("", "-wal", "-shm"):
        (tmp / f"{name}{suffix}").unlink(missing_ok=True)
        if suffix != "-shm" and (tmp / f"cold-{name}{suffix}").exists():
            shutil.copyfile(tmp / f"cold-{name}{suffix}", tmp / f"{name}{suffix}")


def bench_passes(workload: Workload, n: int, *, repeat: int, urlwatch: Path | None, floors: dict[str, str],
                 profile: Path | None = None, warm: int = 1) -> tuple[list[Row], list[str]]:
    """The pass rows of one workload at one N, and what its alert check found wrong (if anything).

    ``warm``: warm passes after each cold one (each from a copy of the database the cold
    pass left, so every one is the same first warm pass); urlwatch's too.
    """
    rows = {k: Row(k) for k in ("premiere-watch cold", "premiere-watch warm")}
    problems: list[str] = []
    if urlwatch:
        rows |= {k: Row(k) for k in ("urlwatch cold", "urlwatch warm")}
    with workload.serve(n) as server:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="pw-bench-") as d:
                tmp = Path(d)
                workload.write_watchlist(tmp / "watchlist.toml", server)
                cmd = [*premiere_watch_cmd(), "check", "-c", str(tmp / "watchlist.toml")]
                for phase in ("cold", *["warm"] * warm):
                    out = profile / f"{workload.name}-{n}-{phase}.txt" if profile else None
                    if phase == "warm":
                        _restore(tmp, "state.db")
                    m = _timed(server, f"premiere-watch {phase}", profiled(cmd, out), env=child_env(), cwd=tmp,
                               row=rows[f"premiere-watch {phase}"])
                    # check logs one line per pass on stderr: "... INFO    pass: N sources (...)".
                    summary = [ln[ln.index("pass: "):] for ln in m.stderr.splitlines() if "pass: " in ln]
                    _note(f"  {workload.name} n={n} premiere-watch {phase}: {m.wall:.2f}s (load {m.load:.1f})  "
                          f"{summary[-1] if summary else ''}")
                    if phase == "cold":
                        if wrong := workload.check_alerts(tmp / "state.db", n):
                            problems.append(wrong)
                        _keep(tmp, "state.db")
                if urlwatch:
                    home = tmp / "home"
                    home.mkdir()
                    ucmd = [str(urlwatch), *write_urlwatch(tmp, server)]
                    for phase in ("cold", *["warm"] * warm):
                        if phase == "warm":
                            _restore(tmp, "cache.db")
                        m = _timed(server, f"urlwatch {phase}", ucmd, env=child_env(home), cwd=tmp,
                                   row=rows[f"urlwatch {phase}"])
                        if phase == "cold":
                            _keep(tmp, "cache.db")
                        _note(f"  {workload.name} n={n} urlwatch {phase}: {m.wall:.2f}s (load {m.load:.1f})")
        for label, python in floors.items():
            client = label.removeprefix("floor ").removesuffix(" 304s")
            rows[label] = Row(label)
            for _ in range(repeat):
                with tempfile.TemporaryDirectory(prefix="pw-bench-") as d:
                    urls = Path(d) / "urls.txt"
                    urls.write_text("".join(f"{server.url(i)} {server.etag(i)}\n" for i in range(n)))
                    cmd = [python, str(HERE / "_floor.py"), "--urls", str(urls), "--concurrency", str(CONCURRENCY),
                           "--client", client]
                    m = _timed(server, label, cmd, env=child_env(), cwd=Path(d), row=rows[label])
                    # The floor's own clock excludes interpreter start-up and imports.
                    m.wall = float(m.stdout.split()[1])
    return list(rows.values()), problems


def print_pass_table(workload: Workload, n: int, rows: list[Row], problems: list[str]) -> None:
    by = {r.label: r for r in rows}
    print(f"{workload.name}: {workload.about}")
    head = (f"{'N=' + str(n):<26}{'wall s':>9}{'pages/s':>9}{'CPU s':>8}{'peak RSS MB':>13}{'tree RSS':>9}"
            f"{'tree PSS':>9}{'requests':>10}{'MB recv':>9}{'conns':>7}{'load':>6}")
    print(head)
    print("-" * len(head))

    def line(label: str, r: Row) -> None:
        wall = r.median("wall")
        print(f"{label:<26}{wall:>9.2f}{n / wall:>9.0f}{r.median('cpu'):>8.2f}{r.median('peak_rss_mb'):>13.1f}"
              f"{r.median('tree_rss_mb'):>9.1f}{r.median('tree_pss_mb'):>9.1f}{r.median('requests'):>10.0f}"
              f"{r.median('bytes') / 1e6:>9.1f}"
              f"{r.median('connections'):>7.0f}{r.median('load'):>6.1f}")

    for phase in ("cold", "warm"):
        pw, uw = by.get(f"premiere-watch {phase}"), by.get(f"urlwatch {phase}")
        if pw:
            line(f"premiere-watch {phase}", pw)
        if uw:
            line(f"urlwatch {phase}", uw)
        if pw and uw:
            ratios = [pw.median(a) / max(uw.median(a), 1e-9)
                      for a in ("wall", "cpu", "peak_rss_mb", "tree_rss_mb", "tree_pss_mb")]
            speed = uw.median("wall") / max(pw.median("wall"), 1e-9)
            print(f"{'ratio pw/uw ' + phase:<26}{ratios[0]:>9.2f}{1 / ratios[0]:>9.2f}{ratios[1]:>8.2f}"
                  f"{ratios[2]:>13.2f}{ratios[3]:>9.2f}{ratios[4]:>9.2f}{'':>26}   "
                  f"(premiere-watch {speed:.2f}x as fast)")
    for r in rows:
        if r.label.startswith("floor"):
            line(r.label, r)
    if workload.name == "ordinary" and by["premiere-watch cold"].runs:
        runs = len(by["premiere-watch cold"].runs)
        verdict = "; ".join(problems) if problems else \
            f"exactly one right \"already announced\" alert per series ({_ordinary.n_series(n)}), nothing else"
        print(f"alerts after each cold pass ({runs} run(s)): {'WRONG: ' if problems else ''}{verdict}")
    print()


# --- extraction micro-benchmark ------------------------------------------------------------------


def _corpus_pages() -> list[tuple[str, bytes, Target]]:
    pages = []
    for d in sorted(CORPUS.glob("*/")) if CORPUS.is_dir() else []:
        html, expect_path = d / "page.html", d / "expect.toml"
        if not html.exists() or not expect_path.exists():
            continue
        expect = tomllib.loads(expect_path.read_text())
        season, aliases = expect.get("season"), expect.get("aliases") or []
        target = Target(str(expect.get("title", d.name)), season if isinstance(season, int) else None,
                        tuple(str(a) for a in aliases), "film" if expect.get("kind") == "film" else "tv")
        pages.append((d.name, html.read_bytes(), target))
    return pages


def _news_pages(count: int) -> list[tuple[str, bytes, Target]]:
    n = 1000
    out = []
    for i in range(0, n, max(1, n // count)):
        k = i % _site.n_titles(n)
        target = Target(_site.title_name(k), _site.premiere(k)[0], (), "tv")
        out.append((f"p{i}", _site.page_html(i, n).encode(), target))
    return out[:count]


def _ordinary_pages(count: int) -> list[tuple[str, bytes, Target]]:
    n = 1000
    out = []
    for i in range(0, n, max(1, n // count)):
        k = i // _ordinary.PAGES_PER_SERIES
        target = Target(_ordinary.title_name(k), _ordinary.premiere(k)[0], (), "tv")
        out.append((f"p{i}", _ordinary.page_html(i, n).encode(), target))
    return out[:count]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_extract(repeat: int, synthetic: int) -> list[tuple[str, int, float, dict[str, tuple[float, float]]]]:
    """(set, pages, mean KB, {parse|extract|total: (median ms, p95 ms)}) per page set."""
    from premiere_watch.extract import extract, parse_page

    results = []
    sets = (("corpus", _corpus_pages()), ("synthetic news", _news_pages(synthetic)),
            ("synthetic ordinary", _ordinary_pages(synthetic)))
    for name, pages in sets:
        if not pages:
            continue
        times: dict[str, list[float]] = {"parse": [], "extract": [], "total": []}
        for _ in range(repeat):
            for _label, html, target in pages:
                t0 = time.perf_counter()
                page = parse_page(html, url="http://127.0.0.1/page")
                t1 = time.perf_counter()
                extract(page, target)
                t2 = time.perf_counter()
                times["parse"].append((t1 - t0) * 1e3)
                times["extract"].append((t2 - t1) * 1e3)
                times["total"].append((t2 - t0) * 1e3)
        size = statistics.mean(len(h) for _l, h, _t in pages) / 1024
        results.append((name, len(pages), size,
                        {k: (statistics.median(v), _pct(v, 0.95)) for k, v in times.items()}))
    return results


def print_extract_table(results: list[tuple[str, int, float, dict[str, tuple[float, float]]]]) -> None:
    head = (f"{'extraction (ms/page)':<26}{'pages':>6}{'KB':>7}{'parse med':>11}{'p95':>7}{'extract med':>13}"
            f"{'p95':>7}{'total med':>11}{'p95':>7}")
    print(head)
    print("-" * len(head))
    for name, count, size, t in results:
        print(f"{name:<26}{count:>6}{size:>7.0f}{t['parse'][0]:>11.1f}{t['parse'][1]:>7.1f}"
              f"{t['extract'][0]:>13.1f}{t['extract'][1]:>7.1f}{t['total'][0]:>11.1f}{t['total'][1]:>7.1f}")
    print()


# --- daemon memory ---------------------------------------------------------------------------


def bench_daemon(sources: int, passes: int) -> tuple[Measured, dict[int, tuple[float, float, float, float]]]:
    """RSS (main process; with its workers) after passes 0 (cold), 1, 10, 20 of one long-lived pipeline."""
    workload = WORKLOADS["news"]  # its site can rotate a rail per pass (/__bump)
    with workload.serve(sources) as server, tempfile.TemporaryDirectory(prefix="pw-bench-") as d:
        tmp = Path(d)
        workload.write_watchlist(tmp / "watchlist.toml", server)
        cmd = [sys.executable, str(HERE / "_daemon.py"), "--config", str(tmp / "watchlist.toml"),
               "--port", str(server.port), "--passes", str(passes)]
        m = measure(server, cmd, env=child_env(), cwd=tmp)
        _check_ok("daemon check", m)
    rss: dict[int, tuple[float, float, float, float]] = {}
    for line in m.stdout.splitlines():
        if line.startswith("RSS "):
            _tag, n, mb, seconds, tree, pss, *_rest = line.split()
            rss[int(n)] = (float(mb), float(seconds), float(tree), float(pss))
    return m, rss


def print_daemon_table(sources: int, m: Measured, rss: dict[int, tuple[float, float, float, float]]) -> None:
    passes = max(rss) if rss else 0
    head = f"{'daemon memory':<26}{'pass':>6}{'RSS MB':>9}{'+workers':>10}{'PSS all':>9}{'pass s':>9}"
    print(f"{head}    ({sources} sources, one process, 1 in 10 pages rotated per pass)")
    print("-" * len(head))
    for n in sorted({0, 1, 10, passes} & set(rss)):
        label = "after cold pass" if n == 0 else f"after pass {n}"
        print(f"{label:<26}{n:>6}{rss[n][0]:>9.1f}{rss[n][2]:>10.1f}{rss[n][3]:>9.1f}{rss[n][1]:>9.2f}")
    if 1 in rss and passes in rss:
        print(f"{'growth pass 1 -> ' + str(passes):<26}{'':>6}{rss[passes][0] - rss[1][0]:>+9.1f}"
              f"{rss[passes][2] - rss[1][2]:>+10.1f}{rss[passes][3] - rss[1][3]:>+9.1f}")
    print(f"{'peak RSS (wait4; sampled)':<26}{'':>6}{m.peak_rss_mb:>9.1f}{m.tree_rss_mb:>10.1f}")
    print(f"{'peak PSS of the tree':<26}{'':>6}{'':>9}{m.tree_pss_mb:>10.1f}")
    print()


# --- main ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="pages/sources (repeatable; default 1000)")
    ap.add_argument("--workload", action="append", choices=sorted(WORKLOADS),
                    help="page workload (repeatable; default: all)")
    ap.add_argument("--urlwatch", dest="urlwatch", action="store_true", default=None,
                    help=f"also run urlwatch (installed into {URLWATCH_VENV} if missing)")
    ap.add_argument("--no-urlwatch", dest="urlwatch", action="store_false")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are printed")
    ap.add_argument("--warm", type=int, default=1, metavar="K",
                    help="warm passes after each cold pass (each from the database the cold pass left): "
                    "--repeat 1 --warm 3 gives medians of 3 warm passes for one cold pass")
    ap.add_argument("--floor-python", action="append", default=[], metavar="CLIENT=PYTHON",
                    help="floor clients from another interpreter, e.g. httpx=/tmp/scratch/bin/python "
                    "(clients: httpx, httpx-aiohttp, aiohttp; all three run from this one by default)")
    ap.add_argument("--daemon-sources", type=int, default=200)
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="one run each, few pages: for the smoke test")
    ap.add_argument("--profile", type=Path, metavar="DIR",
                    help="record premiere-watch passes with py-spy into DIR (collapsed stacks; times are then "
                    "inflated by the sampler)")
    ap.add_argument("--skip", action="append", default=[], choices=("passes", "extract", "daemon"))
    args = ap.parse_args(argv)
    _adopt_orphans()
    compile_package()
    sizes = args.n or [1000]
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    repeat = 1 if args.quick else max(1, args.repeat)
    urlwatch = ensure_urlwatch() if args.urlwatch else None
    floors = {f"floor {client} 304s": sys.executable for client in ("httpx", "httpx-aiohttp", "aiohttp")}
    for spec in args.floor_python:
        client, _, python = spec.partition("=")
        floors[f"floor {client} 304s"] = python

    # Wall times on a shared machine move with its load; CPU seconds much less.
    print(f"premiere-watch benchmarks — {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
          f"Python {sys.version.split()[0]}, concurrency {CONCURRENCY}, medians of {repeat} run(s)\n")
    problems = []
    if "passes" not in args.skip:
        for name in args.workload or sorted(WORKLOADS):
            for n in sizes:
                rows, wrong = bench_passes(WORKLOADS[name], n, repeat=repeat, urlwatch=urlwatch, floors=floors,
                                           profile=args.profile, warm=1 if args.quick else max(1, args.warm))
                print_pass_table(WORKLOADS[name], n, rows, wrong)
                problems += wrong
    if args.profile:
        print_profiles(args.profile)
    if "extract" not in args.skip:
        print_extract_table(bench_extract(repeat=1 if args.quick else 3, synthetic=10 if args.quick else 50))
    if "daemon" not in args.skip:
        sources = min(args.daemon_sources, 20) if args.quick else args.daemon_sources
        print_daemon_table(sources, *bench_daemon(sources, args.passes))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
