"""Measured speed and memory of premiere-watch, side by side with urlwatch.

    .venv/bin/python benchmarks/run.py --n 1000 --n 10000 --urlwatch
    .venv/bin/python benchmarks/run.py --n 20 --no-urlwatch --quick      # the smoke test's mode

For each N: a local site of N ~100 KB article pages (``_site.py``, its own
process, ETag/304), a watchlist of N sources over N/5 titles, then
``premiere-watch check`` twice as a child process (cold: everything new;
warm: nothing changed), urlwatch the same (``--urlwatch``: installed into a
throwaway virtualenv, never a project dependency), and the HTTP client floor
(N conditional GETs, all 304, plain httpx at the same concurrency).  Each
child is reaped with ``os.wait4``, so CPU and peak RSS are that process's
own; requests and bytes are counted at the server.  Then the extraction
micro-benchmark (parse vs extract, corpus and synthetic pages) and the
daemon memory check (20 passes in one process).

All traffic goes to 127.0.0.1; proxy variables are removed from children.
Timings are printed, never asserted (the smoke test checks the rows exist).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _site  # noqa: E402  (a sibling helper, not a package)

from premiere_watch.model import Target  # noqa: E402

# The labelled corpus lives in shared/, beside this checkout (CI lays it out the same way).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
URLWATCH_VENV = Path("/tmp/pw-bench-urlwatch-venv")
CONCURRENCY = 8  # premiere-watch's and the floor's; urlwatch has a fixed pool of 10 threads
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
    cpu: float  # user + sys seconds
    peak_rss_mb: float
    code: int
    stdout: str
    stderr: str
    requests: int = 0
    bytes: int = 0
    connections: int = 0  # TCP connections the server accepted: keep-alive working or not


def run_child(cmd: Sequence[str], *, env: dict[str, str], cwd: Path) -> Measured:
    """Run ``cmd`` to completion; wall clock and that child's own rusage."""
    out_path, err_path = cwd / "child.out", cwd / "child.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        deadline = started + CHILD_TIMEOUT
        while True:  # bounded by the deadline
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by us; keep Popen consistent
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode,
                    out_path.read_text(errors="replace"), err_path.read_text(errors="replace"))


class Site:
    """The synthetic site in its own process; stopped by closing its stdin."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.proc = subprocess.Popen([sys.executable, str(HERE / "_site.py"), "--n", str(n)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=child_env(), text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # blocks until the pages are built and the socket is bound
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the benchmark site did not start: {line!r}")
        self.port = int(line.split()[1])
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/p/{i}"

    def control(self, path: str) -> dict[str, int]:
        with self._opener.open(f"http://127.0.0.1:{self.port}{path}", timeout=30) as resp:
            data: dict[str, int] = json.loads(resp.read())
            return data

    def measure(self, cmd: Sequence[str], *, env: dict[str, str], cwd: Path) -> Measured:
        self.control("/__reset")
        m = run_child(cmd, env=env, cwd=cwd)
        stats = self.control("/__stats")
        m.requests, m.bytes, m.connections = stats["requests"], stats["bytes"], stats["connections"]
        return m

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@contextmanager
def site(n: int) -> Iterator[Site]:
    s = Site(n)
    try:
        yield s
    finally:
        s.stop()


# --- premiere-watch and urlwatch set-ups -------------------------------------------------------------


def premiere_watch_cmd() -> list[str]:
    script = Path(sys.executable).parent / "premiere-watch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "premiere_watch"]


def write_watchlist(path: Path, s: Site, n_sources: int | None = None) -> None:
    """N sources over N/5 titles; no notifier, so nothing is sent anywhere."""
    n = s.n if n_sources is None else n_sources
    titles = _site.n_titles(s.n)
    by_title: dict[int, list[int]] = {}
    for i in range(n):
        by_title.setdefault(i % titles, []).append(i)
    lines = ["[settings]", 'database = "state.db"', 'host_delay = "0s"', f"host_concurrency = {CONCURRENCY}",
             f"concurrency = {CONCURRENCY}", "timeout = 30", ""]
    for k, pages in sorted(by_title.items()):
        lines += ["[[watch]]", f'title = "{_site.title_name(k)}"', f"season = {_site.premiere(k)[0]}",
                  'kind = "tv"', "sources = ["]
        lines += [f'  "{s.url(i)}",' for i in pages]
        lines += ["]", ""]
    path.write_text("\n".join(lines))


def ensure_urlwatch() -> Path:
    """urlwatch in its own throwaway virtualenv (created once, reused); never in the project's."""
    exe = URLWATCH_VENV / "bin" / "urlwatch"
    if not exe.exists():
        print(f"installing urlwatch into {URLWATCH_VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(URLWATCH_VENV)], check=True)
        subprocess.run([str(URLWATCH_VENV / "bin" / "pip"), "install", "-q", "urlwatch"], check=True)
    return exe


def write_urlwatch(tmp: Path, s: Site) -> list[str]:
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
    """``cmd`` under py-spy (idle frames too: a blocked fsync is time spent) when profiling."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if out is None or not Path(spy).exists():
        return cmd
    return [spy, "record", "--idle", "--rate", "250", "--format", "raw", "--output", str(out), "--", *cmd]


# Where a sample's time goes: the innermost frame matching one of these names it (first match
# from the leaf up), so JSON under the store counts as JSON and lxml under parse_page as parsing.
PROFILE_CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("startup: imports", ("<frozen importlib",)),
    ("JSON encode/decode", ("json/encoder.py", "json/decoder.py", "json/__init__.py")),
    ("store: BEGIN/COMMIT (fsync)", ("SqliteBackend.transaction (",)),
    ("robots.txt", ("_robots_allow", "_load_robots", "protego")),
    ("store: queries", ("premiere_watch/store/",)),
    ("reconcile + diff", ("premiere_watch/reconcile.py", "Pipeline._reconcile")),
    ("parse_page (lxml + walk)", ("premiere_watch/extract/page.py", "lxml/")),
    ("extract (claims, titles, trailers)", ("premiere_watch/extract/",)),
    ("page digest", ("page_digest", "premiere_watch/sources/_common.py")),
    ("HTTP client (httpx/httpcore/h11/anyio)", ("httpx/", "httpcore/", "h11/", "anyio/", "sniffio/")),
    ("fetch.py (politeness, headers)", ("premiere_watch/fetch.py",)),
    ("asyncio loop + sockets", ("asyncio/", "selectors.py", "socket.py")),
    ("config load", ("premiere_watch/config.py", "tomllib")),
    ("logging", ("logging/",)),
)


def summarize_profile(path: Path) -> list[tuple[str, float]]:
    """Shares of samples per category from py-spy's raw (collapsed) output, largest first."""
    counts: dict[str, int] = {}
    total = 0
    for line in path.read_text().splitlines():
        stack, _, n_text = line.rpartition(" ")
        if not n_text.isdigit():
            continue
        n, total = int(n_text), total + int(n_text)
        category = "other (pipeline, sources, dataclasses...)"
        for frame in reversed(stack.split(";")):
            found = next((name for name, keys in PROFILE_CATEGORIES if any(k in frame for k in keys)), None)
            if found:
                category = found
                break
        counts[category] = counts.get(category, 0) + n
    return sorted(((c, n / max(total, 1)) for c, n in counts.items()), key=lambda x: -x[1])


def print_profiles(profile: Path) -> None:
    for path in sorted(profile.glob("premiere-watch-*.txt")):
        print(f"profile {path.stem} (py-spy, idle included: share of wall time)")
        for category, share in summarize_profile(path):
            if share >= 0.005:
                print(f"  {share * 100:5.1f}%  {category}")
        print()


def bench_passes(n: int, *, repeat: int, urlwatch: Path | None, floor_pythons: dict[str, str],
                 profile: Path | None = None) -> list[Row]:
    rows = {k: Row(k) for k in ("premiere-watch cold", "premiere-watch warm")}
    if urlwatch:
        rows |= {k: Row(k) for k in ("urlwatch cold", "urlwatch warm")}
    with site(n) as s:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="pw-bench-") as d:
                tmp = Path(d)
                write_watchlist(tmp / "watchlist.toml", s)
                cmd = [*premiere_watch_cmd(), "check", "-c", str(tmp / "watchlist.toml")]
                for phase in ("cold", "warm"):
                    out = profile / f"premiere-watch-{n}-{phase}.txt" if profile else None
                    m = s.measure(profiled(cmd, out), env=child_env(), cwd=tmp)
                    _check_ok(f"premiere-watch {phase}", m)
                    rows[f"premiere-watch {phase}"].runs.append(m)
                    # check logs one line per pass on stderr: "... INFO    pass: N sources (...)".
                    summary = [ln[ln.index("pass: "):] for ln in m.stderr.splitlines() if "pass: " in ln]
                    print(f"  n={n} premiere-watch {phase}: {m.wall:.2f}s  {summary[-1] if summary else ''}",
                          file=sys.stderr, flush=True)
                if urlwatch:
                    home = tmp / "home"
                    home.mkdir()
                    ucmd = [str(urlwatch), *write_urlwatch(tmp, s)]
                    for phase in ("cold", "warm"):
                        m = s.measure(ucmd, env=child_env(home), cwd=tmp)
                        _check_ok(f"urlwatch {phase}", m)
                        rows[f"urlwatch {phase}"].runs.append(m)
                        print(f"  n={n} urlwatch {phase}: {m.wall:.2f}s", file=sys.stderr, flush=True)
        for label, python in floor_pythons.items():
            client = label.removeprefix("floor ").removesuffix(" 304s")
            row = Row(label)
            for _ in range(repeat):
                with tempfile.TemporaryDirectory(prefix="pw-bench-") as d:
                    cmd = [python, str(HERE / "_floor.py"), "--port", str(s.port), "--n", str(n),
                           "--concurrency", str(CONCURRENCY), "--client", client]
                    m = s.measure(cmd, env=child_env(), cwd=Path(d))
                    _check_ok(label, m)
                    # The floor's own clock excludes interpreter start-up and imports.
                    m.wall = float(m.stdout.split()[1])
                    row.runs.append(m)
            rows[label] = row
    return list(rows.values())


def print_pass_table(n: int, rows: list[Row]) -> None:
    by = {r.label: r for r in rows}
    head = (f"{'N=' + str(n):<26}{'wall s':>9}{'pages/s':>9}{'CPU s':>8}{'peak RSS MB':>13}{'requests':>10}"
            f"{'MB recv':>9}{'conns':>7}")
    print(head)
    print("-" * len(head))

    def line(label: str, r: Row) -> None:
        wall = r.median("wall")
        print(f"{label:<26}{wall:>9.2f}{n / wall:>9.0f}{r.median('cpu'):>8.2f}{r.median('peak_rss_mb'):>13.1f}"
              f"{r.median('requests'):>10.0f}{r.median('bytes') / 1e6:>9.1f}{r.median('connections'):>7.0f}")

    for phase in ("cold", "warm"):
        pw, uw = by.get(f"premiere-watch {phase}"), by.get(f"urlwatch {phase}")
        if pw:
            line(f"premiere-watch {phase}", pw)
        if uw:
            line(f"urlwatch {phase}", uw)
        if pw and uw:
            ratios = [pw.median(a) / max(uw.median(a), 1e-9) for a in ("wall", "cpu", "peak_rss_mb")]
            speed = uw.median("wall") / max(pw.median("wall"), 1e-9)
            print(f"{'ratio pw/uw ' + phase:<26}{ratios[0]:>9.2f}{1 / ratios[0]:>9.2f}{ratios[1]:>8.2f}"
                  f"{ratios[2]:>13.2f}{'':>26}(premiere-watch {speed:.2f}x as fast)")
    for r in rows:
        if r.label.startswith("floor"):
            line(r.label, r)
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


def _synthetic_pages(count: int) -> list[tuple[str, bytes, Target]]:
    n = 1000
    out = []
    for i in range(0, n, max(1, n // count)):
        k = i % _site.n_titles(n)
        target = Target(_site.title_name(k), _site.premiere(k)[0], (), "tv")
        out.append((f"p{i}", _site.page_html(i, n).encode(), target))
    return out[:count]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_extract(repeat: int, synthetic: int) -> list[tuple[str, int, float, dict[str, tuple[float, float]]]]:
    """(set, pages, mean KB, {parse|extract|total: (median ms, p95 ms)}) per page set."""
    from premiere_watch.extract import extract, parse_page

    results = []
    for name, pages in (("corpus", _corpus_pages()), ("synthetic", _synthetic_pages(synthetic))):
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


def bench_daemon(sources: int, passes: int) -> tuple[Measured, dict[int, tuple[float, float]]]:
    """RSS after passes 0 (cold), 1, 10, 20 of one long-lived pipeline."""
    with site(sources) as s, tempfile.TemporaryDirectory(prefix="pw-bench-") as d:
        tmp = Path(d)
        write_watchlist(tmp / "watchlist.toml", s)
        cmd = [sys.executable, str(HERE / "_daemon.py"), "--config", str(tmp / "watchlist.toml"),
               "--port", str(s.port), "--passes", str(passes)]
        m = s.measure(cmd, env=child_env(), cwd=tmp)
        _check_ok("daemon check", m)
    rss: dict[int, tuple[float, float]] = {}
    for line in m.stdout.splitlines():
        if line.startswith("RSS "):
            _tag, n, mb, seconds, *_rest = line.split()
            rss[int(n)] = (float(mb), float(seconds))
    return m, rss


def print_daemon_table(sources: int, m: Measured, rss: dict[int, tuple[float, float]]) -> None:
    passes = max(rss) if rss else 0
    head = f"{'daemon memory':<26}{'pass':>6}{'RSS MB':>9}{'pass s':>9}"
    print(f"{head}    ({sources} sources, one process, 1 in 10 pages rotated per pass)")
    print("-" * len(head))
    for n in sorted({0, 1, 10, passes} & set(rss)):
        label = "after cold pass" if n == 0 else f"after pass {n}"
        print(f"{label:<26}{n:>6}{rss[n][0]:>9.1f}{rss[n][1]:>9.2f}")
    if 1 in rss and passes in rss:
        print(f"{'growth pass 1 -> ' + str(passes):<26}{'':>6}{rss[passes][0] - rss[1][0]:>+9.1f}")
    print(f"{'peak RSS (wait4)':<26}{'':>6}{m.peak_rss_mb:>9.1f}")
    print()


# --- main ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="pages/sources (repeatable; default 1000)")
    ap.add_argument("--urlwatch", dest="urlwatch", action="store_true", default=None,
                    help=f"also run urlwatch (installed into {URLWATCH_VENV} if missing)")
    ap.add_argument("--no-urlwatch", dest="urlwatch", action="store_false")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are printed")
    ap.add_argument("--floor-python", action="append", default=[], metavar="CLIENT=PYTHON",
                    help="extra floor clients from a scratch venv, e.g. aiohttp=/tmp/scratch/bin/python "
                    "(clients: httpx-aiohttp, aiohttp)")
    ap.add_argument("--daemon-sources", type=int, default=200)
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="one run each, few pages: for the smoke test")
    ap.add_argument("--profile", type=Path, metavar="DIR",
                    help="record premiere-watch passes with py-spy into DIR (collapsed stacks; times are then "
                    "inflated by the sampler)")
    ap.add_argument("--skip", action="append", default=[], choices=("passes", "extract", "daemon"))
    args = ap.parse_args(argv)
    sizes = args.n or [1000]
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    repeat = 1 if args.quick else max(1, args.repeat)
    urlwatch = ensure_urlwatch() if args.urlwatch else None
    floors = {"floor httpx 304s": sys.executable}
    for spec in args.floor_python:
        client, _, python = spec.partition("=")
        floors[f"floor {client} 304s"] = python

    # Wall times on a shared machine move with its load; CPU seconds much less.
    print(f"premiere-watch benchmarks — {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
          f"Python {sys.version.split()[0]}, concurrency {CONCURRENCY}, "
          f"pages ~{len(_site.page_html(0, 1000).encode()) / 1024:.0f} KB, medians of {repeat} run(s)\n")
    if "passes" not in args.skip:
        for n in sizes:
            print_pass_table(n, bench_passes(n, repeat=repeat, urlwatch=urlwatch, floor_pythons=floors,
                                                profile=args.profile))
    if args.profile:
        print_profiles(args.profile)
    if "extract" not in args.skip:
        print_extract_table(bench_extract(repeat=1 if args.quick else 3, synthetic=10 if args.quick else 50))
    if "daemon" not in args.skip:
        sources = min(args.daemon_sources, 20) if args.quick else args.daemon_sources
        print_daemon_table(sources, *bench_daemon(sources, args.passes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
