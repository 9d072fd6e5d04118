"""The ``premiere-watch`` command: one sub-command per operator task.

Exit status: 0 when the command ran (a pass with failed sources still ran:
they are reported), 2 for a bad watchlist or usage, 3 when another
premiere-watch holds the database, 4 when the database cannot be used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import gc
import json
import logging
import os
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from premiere_watch import __version__, logs
from premiere_watch.config import Config, ConfigError, http_problem, load
from premiere_watch.lock import InstanceLock, LockHeld
from premiere_watch.redact import mask_secrets

if TYPE_CHECKING:  # imported when used: `keys` and `extract` need no database code
    from premiere_watch.notify import DeliveryReport
    from premiere_watch.pipeline import PassReport
    from premiere_watch.store import Store
    from premiere_watch.web import WebServer

T = TypeVar("T")

EXIT_OK, EXIT_CONFIG, EXIT_LOCKED, EXIT_DATABASE = 0, 2, 3, 4
DEFAULT_CONFIG = os.environ.get("PREMIERE_WATCH_CONFIG", "watchlist.toml")

log = logging.getLogger("premiere_watch")


class CommandError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


# -- shared plumbing -------------------------------------------------------------


def _load(args: argparse.Namespace, *, sends: bool = True) -> Config:
    """The watchlist; ``sends=False`` for commands that never notify (Apprise is not asked)."""
    try:
        config = load(args.config, check_targets=sends)
    except ConfigError as exc:
        raise CommandError(str(exc), EXIT_CONFIG) from None
    logs.setup(args.log_level, args.log_format, config.secrets)
    return config


@asynccontextmanager
async def _open_store(config: Config, *, read_only: bool = False) -> AsyncIterator[Store]:
    """The watchlist's store; ``read_only`` for commands that only read (they never write to it)."""
    from premiere_watch.store import StoreError, open_store

    database = config.settings.database
    try:
        store = await open_store(database, read_only=read_only)
    except StoreError as exc:  # says what is wrong with the database and the fix
        raise CommandError(mask_secrets(str(exc), config.secrets), EXIT_DATABASE) from None
    except (OSError, sqlite3.Error) as exc:
        shown = mask_secrets(f"{config.database_label}: {exc}", config.secrets)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            fix = "free space on its disk"
        elif config.shared_database:
            fix = "check the server, the URL and the password, or set [settings] database"
        else:
            fix = "check the path and its permissions, or set [settings] database"
        raise CommandError(f"cannot use the database {shown} — {fix}", EXIT_DATABASE) from None
    try:
        if not read_only:
            # A database made before secret options left source ids keeps its sources.
            await store.rename_sources(config.former_source_ids())
        yield store
    finally:
        await store.close()


def _with_store(config: Config, work: Callable[[Store], Coroutine[Any, Any, T]], *, read_only: bool = False) -> T:
    """Open the watchlist's store on a fresh event loop, run ``work`` with it, close it.

    A database that fails under the work (disk full, damaged file) ends the
    command with exit 4 and the store's message, which names the fix.
    """
    from premiere_watch.store import StoreError

    async def main() -> T:
        async with _open_store(config, read_only=read_only) as store:
            try:
                return await work(store)
            except StoreError as exc:
                raise CommandError(mask_secrets(str(exc), config.secrets), EXIT_DATABASE) from None

    return asyncio.run(main())


@contextmanager
def _locked(config: Config, command: str) -> Iterator[None]:
    if config.shared_database:
        # Many processes share a PostgreSQL database by design: sources are read
        # under per-source locks, alerts are claimed, one scheduler leads.
        yield
        return
    assert isinstance(config.settings.database, Path)
    lock = InstanceLock(config.settings.database)
    try:
        lock.acquire(command)
    except LockHeld as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from None
    except OSError as exc:
        raise CommandError(f"cannot create the lock file {lock.path}: {exc}", EXIT_DATABASE) from None
    try:
        yield
    finally:
        lock.release()


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


# -- commands -----------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from premiere_watch.pipeline import Pipeline

    config = _load(args)
    # What start-up made (modules, the watchlist) lives until the command ends: frozen, the
    # collections a pass triggers do not walk it again and again (~4% of a warm pass).
    gc.freeze()

    async def run(store: Store) -> PassReport:
        pipeline = Pipeline(config, store)
        try:
            return await pipeline.check()
        finally:
            await pipeline.aclose()

    with _locked(config, "check"):
        report = _with_store(config, run)
    # One log line per pass (JSON with --log-format json; silent with -q); each failed
    # source was logged once, as a warning, by the pipeline.
    log.info("%s", report.summary())
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from premiere_watch.scheduler import run_daemon

    config = _load(args)
    listen = args.http or config.settings.http
    if listen is not None:
        try:
            problem = http_problem(listen, config.settings.http_token)
        except ValueError as exc:
            raise CommandError(f"--http {listen}: {exc}", EXIT_CONFIG) from None
        if problem:
            raise CommandError(f"{config.path}: {problem}", EXIT_CONFIG)

    async def run(store: Store) -> int:
        if args.no_worker and not store.shared:
            log.warning("--no-worker only applies to a PostgreSQL database; reading sources here")
        # Listening first: an address in use stops the start before anything is read.
        web = await _start_web(listen, config.settings.http_token, store) if listen else None
        try:
            if store.shared:
                from premiere_watch import cluster

                return await cluster.serve(config, store, schedule=True, work=not args.no_worker,
                                           watch_config=args.watch_config, log_level=args.log_level,
                                           log_format=args.log_format, companions=[web.serve] if web else [],
                                           observer=web)
            return await run_daemon(config, store, watch_config=args.watch_config, log_level=args.log_level,
                                    log_format=args.log_format, companions=[web.serve] if web else [],
                                    observer=web)
        finally:
            if web is not None:
                await web.close()

    with _locked(config, "run"):
        return _with_store(config, run)


async def _start_web(listen: str, token: str | None, store: Store) -> WebServer:
    try:
        from premiere_watch.web import ListenError, WebServer
    except ImportError as exc:
        raise CommandError(f"the web server needs the [web] extra ({exc.name} is missing): "
                           "pip install 'premiere-watch[web]', or remove [settings] http", EXIT_CONFIG) from None
    web = WebServer(listen, token, store)
    try:
        await web.listen()
    except ListenError as exc:
        raise CommandError(str(exc), EXIT_CONFIG) from None
    return web


def _processes(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of processes") from None
    if n < 0:
        raise argparse.ArgumentTypeError("use 0 (read in the worker itself) or more processes")
    return n


def cmd_worker(args: argparse.Namespace) -> int:
    config = _load(args)
    if not config.shared_database:
        raise CommandError(f"{config.path}: workers share a PostgreSQL database — set [settings] database = "
                           '"postgresql://user@host:5432/premiere" (a SQLite file serves one `premiere-watch run`)',
                           EXIT_CONFIG)

    async def run(store: Store) -> int:
        from premiere_watch import cluster

        return await cluster.serve(config, store, schedule=False, work=True, concurrency=args.concurrency,
                                   processes=args.processes, watch_config=args.watch_config,
                                   log_level=args.log_level, log_format=args.log_format)

    return _with_store(config, run)


def cmd_migrate(args: argparse.Namespace) -> int:
    from premiere_watch.config import database_label
    from premiere_watch.store import StoreError, is_postgres

    config = _load(args)
    target = os.path.expandvars(args.to)
    shown = mask_secrets(database_label(target), config.secrets)
    if not is_postgres(target):
        raise CommandError(f'--to wants a PostgreSQL URL like "postgresql://user@host:5432/premiere", not {shown}',
                           EXIT_CONFIG)
    if config.shared_database:
        raise CommandError(f"{config.path} already names a PostgreSQL database ({config.database_label}); "
                           "migrate copies the SQLite file a watchlist names", EXIT_CONFIG)
    database = Path(config.settings.database)
    if not database.exists():
        raise CommandError(f"no database at {database} yet: nothing to migrate", EXIT_DATABASE)
    try:
        from premiere_watch.store.migrate import copy_sqlite_to_postgres
    except ImportError as exc:
        raise CommandError(f"PostgreSQL needs the [postgres] extra ({exc.name} is missing): "
                           "pip install 'premiere-watch[postgres]'", EXIT_DATABASE) from None
    with _locked(config, "migrate"):  # nothing writes the file while it is copied
        try:
            counts = asyncio.run(copy_sqlite_to_postgres(database, target))
        except (OSError, sqlite3.Error, StoreError) as exc:
            raise CommandError(mask_secrets(f"cannot migrate into {shown}: {exc}", config.secrets),
                               EXIT_DATABASE) from None
    print(f"copied {database} into {shown}: " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    print(f'next: set [settings] database = "{shown}" in {config.path} (a password as ${{VAR}}), then run '
          "`premiere-watch status` to see the same facts and alerts")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    config = _load(args)
    warnings = []
    for source, watches in config.sources():
        schedule = config.schedule_of(source, watches)
        host = urlsplit(source.url).hostname or ""
        remote = host not in ("localhost", "127.0.0.1", "::1") and not host.startswith("127.")
        if remote and schedule.seconds is not None and schedule.seconds < 60:
            labels = ", ".join(w.label for w in watches)
            warnings.append(f'watch "{labels}": {source.url} every {schedule.text} — under a minute '
                            "for a remote site risks a ban; use at least \"1m\"")
    for w in warnings:
        print(f"warning: {mask_secrets(w, config.secrets)}")
    n_sources = sum(1 for _ in config.sources())
    print(f"{config.path}: OK — {len(config.watches)} watches, {n_sources} sources, "
          f"{len(config.notifiers)} notifiers; database {config.database_label}")
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    from premiere_watch import ics

    config = _load(args, sends=False)
    calendar = _with_store(config, lambda store: ics.build(config, store, tentative=args.tentative,
                                                            trailers=args.trailers), read_only=True)
    data = ics.to_bytes(calendar)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    # Written beside the target and renamed over it: a web server serving the file
    # never sends half a calendar.
    target = os.path.abspath(args.output)
    tmp = f"{target}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}", EXIT_DATABASE) from None
    log.info("wrote %d events to %s", len(calendar.events), args.output)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from premiere_watch.inspect import extract_command

    logs.setup(args.log_level, args.log_format)
    return extract_command(args)


def cmd_status(args: argparse.Namespace) -> int:
    from premiere_watch.report import status_data, status_text

    config = _load(args, sends=False)
    data = _with_store(config, lambda store: status_data(config, store), read_only=True)
    if args.json:
        _print_json(data)
    else:
        print(status_text(data))
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from premiere_watch.report import history_data, history_text

    config = _load(args, sends=False)
    watch = config.find_watch(args.title)
    if watch is None:
        titles = ", ".join(f'"{w.label}"' for w in config.watches)
        raise CommandError(f'no watch called "{args.title}" in {config.path} — known: {titles}', EXIT_CONFIG)
    data = _with_store(config, lambda store: history_data(watch, store), read_only=True)
    if args.json:
        _print_json(data)
    else:
        print(history_text(data))
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    from premiere_watch.pipeline import Pipeline, delivery_summary, utcnow

    config = _load(args)

    async def run(store: Store) -> DeliveryReport:
        now = utcnow()
        revived = await store.revive_dead(args.ids or None, now=now)
        hurried = 0 if args.ids else await store.retry_now(now)
        print(f"{revived} dead and {hurried} waiting alert deliveries are due now", flush=True)
        pipeline = Pipeline(config, store)
        try:
            return await pipeline.deliver()
        finally:
            await pipeline.aclose()

    with _locked(config, "retry"):
        report = _with_store(config, run)
    print(delivery_summary(report))
    return EXIT_OK


def cmd_test_notify(args: argparse.Namespace) -> int:
    from premiere_watch.messages import render
    from premiere_watch.model import Event
    from premiere_watch.notify import AppriseTransport, body_format_for, redact_target, route, title_format_for

    config = _load(args)
    event = Event(kind="test", watch="test", label="premiere-watch", new="test",
                  evidence="This is a test message from premiere-watch test-notify.", tags=tuple(args.tag))
    routes = route(event, config.notifiers)
    if not routes:
        raise CommandError("no notifier matches" + (f" tag {args.tag}" if args.tag else "")
                           + f" in {config.path} — add a [[notifier]] or check its tags", EXIT_CONFIG)
    notifiers = {n.name: n for n in config.notifiers}
    transport = AppriseTransport()

    async def send_all() -> list[tuple[str, str, bool, str]]:
        out = []
        for name, index in routes:
            notifier, url = notifiers[name], notifiers[name].urls[index]
            fmt = body_format_for(notifier, url)
            message = render(event, fmt, notifier.title_template, notifier.body_template, title_format_for(url, fmt))
            outcome = await transport.send(url, message.title, message.body, fmt)
            out.append((name, redact_target(url, config.secrets), outcome.ok, outcome.reason))
        return out

    failed = 0
    for name, url, ok, reason in asyncio.run(send_all()):
        status = "sent" if ok else "FAILED — " + reason
        print(mask_secrets(f"{name} ({url}): {status}", config.secrets))
        failed += not ok
    return 1 if failed else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from premiere_watch.demo import run_demo

    logs.setup("warning" if args.log_level == "info" else args.log_level, args.log_format)
    return run_demo()


def cmd_keys(args: argparse.Namespace) -> int:
    from premiere_watch.report import keys_text

    print(keys_text())
    return EXIT_OK


# -- argument parsing ------------------------------------------------------------------

_MAX_ID = 2**63 - 1  # SQLite's INTEGER PRIMARY KEY (and PostgreSQL's bigint)


def _delivery_id(text: str) -> int:
    """A delivery id as ``status`` shows it; anything else is a usage error (exit 2)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= _MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a delivery id — use an id that "
                                         "`premiere-watch status` lists")
    return value


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="premiere-watch",
        description="Watch films and TV series for fans: find premiere dates and trailers on news pages, "
        "feeds and schedule APIs, and alert once when the meaning changes.",
        epilog="Start with `premiere-watch demo`; see `premiere-watch COMMAND --help` for each command.",
    )
    parser.add_argument("--version", action="version", version=f"premiere-watch {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_const", dest="log_level", const="error",
                        default="info", help="print only errors (for cron)")
    common.add_argument("-v", "--verbose", action="store_const", dest="log_level", const="debug",
                        help="print debugging detail")
    common.add_argument("--log-format", choices=("text", "json"), default="text",
                        help="log lines as text (default) or JSON for log shippers")
    with_config = argparse.ArgumentParser(add_help=False, parents=[common])
    with_config.add_argument("-c", "--config", default=DEFAULT_CONFIG, metavar="FILE",
                             help="the watchlist TOML (default: $PREMIERE_WATCH_CONFIG or ./watchlist.toml)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Command, help: str, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[parent])
        p.set_defaults(func=func)
        return p

    add("check", cmd_check, "Run one pass over every source: fetch, extract, store, compare, alert. "
        "Exits 0 when the pass ran, even if some sources failed (they are listed).", with_config)
    p = add("run", cmd_run, "Run as a daemon: check each source on its own interval until stopped "
            "(SIGTERM/SIGINT stop, SIGHUP reloads the watchlist).", with_config)
    p.add_argument("--watch-config", action="store_true", help="reload when the watchlist file changes")
    p.add_argument("--no-worker", action="store_true",
                   help="PostgreSQL only: schedule, and leave reading sources to `premiere-watch worker` processes")
    p.add_argument("--http", metavar="HOST:PORT", help="serve the dashboard, calendar.ics, feed.atom, metrics "
                   "and healthz here (overrides [settings] http; needs premiere-watch[web])")
    p = add("worker", cmd_worker, "PostgreSQL only: read sources and deliver alerts for the schedulers "
            "(`premiere-watch run`) of the cluster, until stopped (SIGTERM/SIGINT; SIGHUP reloads).", with_config)
    p.add_argument("--concurrency", type=int, metavar="N",
                   help="jobs at once in this worker (default: [settings] concurrency)")
    p.add_argument("--processes", type=_processes, metavar="N", default=0,
                   help="processes that parse and read pages for this worker (default 0: in a thread of the "
                   "worker itself, so a worker is one core's worth of extraction: run one worker per core; "
                   "N isolates a crashing parser in N child processes)")
    p.add_argument("--watch-config", action="store_true", help="reload when the watchlist file changes")
    p = add("extract", cmd_extract, "Show what premiere-watch concludes from one page, feed or API for a "
            "title, with the evidence for each conclusion. Use it to test a source before adding it.", common)
    p.add_argument("source", metavar="SOURCE", help="a file path, - for standard input, or an http(s) URL")
    p.add_argument("--title", required=True, help="the watched title")
    p.add_argument("--season", type=int, help="the watched season")
    p.add_argument("--alias", action="append", default=[], help="another name of the title (repeatable)")
    p.add_argument("--film", dest="target_kind", action="store_const", const="film", default="tv",
                   help="the title is a film (default: a series)")
    p.add_argument("--kind", default="page", help="source kind: page (default), feed, youtube, tvmaze, tmdb")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   help="a source option, as in the watchlist (repeatable), e.g. --option region=GB")
    p.add_argument("--json", action="store_true", help="print JSON (the contract other tools read)")
    p.add_argument("--explain", action="store_true", help="also show candidates that were set aside, and why")
    p = add("calendar", cmd_calendar, "Write the premiere calendar (iCalendar, RFC 5545): one event per watch "
            "with an official date; serve the file to let fans subscribe from their phones.", with_config)
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--tentative", action="store_true", help="also rumoured windows, marked as such")
    p.add_argument("--trailers", action="store_true", help="also trailer releases")
    p = add("migrate", cmd_migrate, "Copy this watchlist's SQLite database (facts, history, pending alerts, "
            "schedules) into a new, empty PostgreSQL database, to scale out.", with_config)
    p.add_argument("--to", required=True, metavar="URL", help='the target, "postgresql://user@host:5432/premiere"')
    add("validate", cmd_validate, "Check the watchlist and print what is wrong, with the fix.", with_config)
    p = add("status", cmd_status, "Show facts per watch, last check of each source, and alerts waiting "
            "or dead.", with_config)
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("history", cmd_history, "Show the alerts of one watch over time.", with_config)
    p.add_argument("title", help='the watch: its title or label, e.g. "Narcos S2"')
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("retry", cmd_retry, "Send failed alerts now: dead ones (all, or the ids shown by status) and "
            "those waiting for their next try.", with_config)
    p.add_argument("ids", nargs="*", type=_delivery_id, help="delivery ids (default: all dead ones)")
    p = add("test-notify", cmd_test_notify, "Send a test message to every notifier (or those with a "
            "tag) and say which worked.", with_config)
    p.add_argument("--tag", action="append", default=[], help="only notifiers with this tag (repeatable)")
    add("demo", cmd_demo, "See the whole product work offline in under 30 s: a local news site changes "
        "and the alerts a fan would get are printed.", common)
    add("keys", cmd_keys, "List every watchlist key, source kind and message template field.", common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command not in ("demo", "extract"):
        logs.setup(args.log_level, args.log_format)
    try:
        code: int = args.func(args)
        return code
    except CommandError as exc:
        print(f"premiere-watch {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `premiere-watch keys | head`: the reader left, nothing is wrong
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
