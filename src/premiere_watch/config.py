"""The watchlist: TOML in, typed and validated settings out.

Every problem is reported at once, each naming the file, the entry (for
example ``watch "Narcos" source 2``) and what to write instead.  ``${VAR}``
in any string reads the environment (``$${VAR}`` is a literal ``${VAR}``);
a missing variable is an error that names it.  Values read from the
environment are secrets: they are masked in every log line and output.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import ipaddress
import json
import os
import re
import tomllib
import zoneinfo
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx

from premiere_watch import envvars
from premiere_watch.keys import CONTROL, Key, check_table
from premiere_watch.model import Target
from premiere_watch.notify import NotifierConfig, parse_quiet_hours, target_problem, validate_template
from premiere_watch.redact import MASK, MIN_SECRET, mask_secrets, secret_name
from premiere_watch.schedule import Schedule, duration_check, parse_duration, schedule_check
from premiere_watch.sources import Source


class ConfigError(Exception):
    """A watchlist that cannot be used; ``problems`` lists every fix to make."""

    def __init__(self, path: Path | str, problems: Sequence[str]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{self.path}: {len(self.problems)} problem(s):\n{lines}")


# -- value checks (each returns the fix as a message, or None) ---------------


_SPACE = re.compile(r"\s")  # what str.isspace() calls a space, found in one scan


def _check_url(value: str) -> str | None:
    """A web address httpx can request (it parses what the fetcher will send)."""
    example = 'write a full http(s) URL, like "https://example.com/news/article"'
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL as exc:
        return f"it cannot be read as a URL ({exc}) — {example}"
    if url.scheme not in ("http", "https") or not url.host:
        return example
    if url.port is not None and not 0 < url.port < 65536:
        return f"port {url.port} is not a TCP port — use 1 to 65535"
    if _SPACE.search(value):
        return "a URL has no spaces — write them as %20"
    return None


def _check_str_list(value: list[Any]) -> str | None:
    if all(isinstance(v, str) and v.strip() and not _has_control(v) for v in value):
        return None
    return 'write a list of non-empty one-line strings, like ["fans"]'


def _has_control(text: str) -> bool:
    return CONTROL.search(text) is not None


def _check_header(value: str) -> str | None:
    if value.isascii() and value.isprintable():
        return None
    return "write printable ASCII: an HTTP header cannot carry other characters"


def _check_timezone(value: str) -> str | None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return 'write an IANA time zone name, like "Europe/Berlin" or "UTC"'
    return None


def _check_quiet(value: str) -> str | None:
    try:
        parse_quiet_hours(value)
    except ValueError as exc:
        return str(exc)
    return None


def _check_choice(*choices: str) -> Any:
    def check(value: str) -> str | None:
        return None if value in choices else "write one of " + ", ".join(f'"{c}"' for c in choices)

    return check


def _is_postgres_url(value: str) -> bool:
    return value.startswith(("postgresql://", "postgres://"))


def _check_database(value: str) -> str | None:
    if "://" in value and not _is_postgres_url(value):
        return 'write a file path, or a PostgreSQL URL starting "postgresql://" (or "postgres://")'
    if _is_postgres_url(value) and not urlsplit(value).hostname and "host=" not in value:
        return 'name the server: "postgresql://user@host:5432/premiere"'
    return None


def database_label(database: Path | str) -> str:
    """A path as is; a URL with any password masked."""
    if isinstance(database, Path):
        return str(database)
    parts = urlsplit(database)
    if parts.password is None:
        return database
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:{MASK}@{netloc[1]}"))


def parse_listen(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8787`` for IPv6) → (host, port); ValueError with the fix."""
    parts = urlsplit(f"//{value.strip()}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None or parts.path or parts.query or parts.username:
        raise ValueError('write HOST:PORT, like "127.0.0.1:8787" (or "[::1]:8787")')
    return parts.hostname, port


def is_loopback(host: str) -> bool:
    """Only this machine can reach an address bound to ``host``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_listen(value: str) -> str | None:
    try:
        parse_listen(value)
    except ValueError as exc:
        return str(exc)
    return None


def http_problem(listen: str | None, token: str | None) -> str | None:
    """Why this web server address may not be used as configured, or None."""
    if listen is None or token:
        return None
    host, _ = parse_listen(listen)
    if is_loopback(host):
        return None
    return (f'"http" = "{listen}" lets other machines reach the dashboard, calendar and metrics — set '
            'http_token = "${PREMIERE_WATCH_TOKEN}" in [settings] (every request must then carry it), '
            'or listen on 127.0.0.1')


# -- declared keys of each table --------------------------------------------

SETTINGS_KEYS: tuple[Key, ...] = (
    Key("database", str, "SQLite file for state, relative to the watchlist (default: the user's data dir), "
        'or a PostgreSQL URL "postgresql://user:${PGPASSWORD}@host:5432/premiere" for several machines',
        default=None, check=_check_database, secret=True, example='"premiere-watch.db"'),
    Key("interval", str, 'default check interval (s, m, h, d; at most "366d") or "cron: MIN HOUR DOM MON DOW"',
        default="6h", check=schedule_check, example='"6h"'),
    Key("user_agent", str, "User-Agent header sent to every site",
        default="premiere-watch/0.1 (+https://github.com/premiere-watch/premiere-watch)", check=_check_header),
    Key("timeout", float, "seconds before a request is given up", default=20.0, min=0.1, max=3600,
        example="20"),
    Key("concurrency", int, "most requests in flight at once, all hosts together", default=8, min=1, max=256,
        example="8"),
    Key("host_concurrency", int, "most requests in flight to one host", default=1, min=1, max=64, example="1"),
    Key("host_delay", str, 'least time between two requests to one host (at most "1h")', default="2s",
        check=duration_check("1h"), example='"2s"'),
    Key("max_bytes", int, "largest response body read, in bytes", default=5_000_000, min=1_000,
        max=100_000_000, example="5000000"),
    Key("retries", int, "extra tries for connect errors, 408, 429 and 5xx", default=3, min=0, max=10,
        example="3"),
    Key("announce_existing", bool, "alert facts already on the web when a watch is first added",
        default=True, example="true"),
    Key("rumour_alerts", bool, "also alert new rumoured windows (off: only official news)",
        default=False, example="false"),
    Key("max_alerts_per_day", int, "most alerts per watch per day; the rest wait for the next day",
        default=10, min=1, max=1000, example="10"),
    Key("delivery_attempts", int, "tries per notifier target before an alert is marked dead",
        default=8, min=1, max=100, example="8"),
    Key("failure_alert_after", int, "consecutive failures of a source before notifiers tagged "
        '"ops" are told', default=5, min=1, max=10_000, example="5"),
    Key("http", str, "the daemon serves its dashboard, calendar, feed and metrics on HOST:PORT; "
        "off when unset", default=None, check=_check_listen, example='"127.0.0.1:8787"'),
    Key("http_token", str, "a ${VAR}: requests to the web server must carry it (Authorization: Bearer "
        "or ?token=); required when http is not a loopback address", default=None, secret=True,
        example='"${PREMIERE_WATCH_TOKEN}"'),
)

NOTIFIER_KEYS: tuple[Key, ...] = (
    Key("name", str, "a name for logs, status and `test-notify`", example='"fans-mail"'),
    Key("url", str, "an Apprise URL; put secrets in ${VARS}", default=None, secret=True,
        example='"mailtos://${SMTP_USER}:${SMTP_PASS}@smtp.example.com?to=fans@example.com"'),
    Key("urls", list, "several Apprise URLs that get the same alerts", default=None,
        check=_check_str_list, secret=True, example='["json://127.0.0.1:8080/"]'),
    Key("tags", list, "tags that pick which watches alert here", default=[], check=_check_str_list,
        example='["fans"]'),
    Key("mode", str, '"instant" sends each alert at once; "digest" sends one summary per digest time',
        default="instant", check=_check_choice("instant", "digest"), example='"digest"'),
    Key("digest", str, 'when digests go out: an interval like "1d" or "cron: 0 9 * * *"',
        default="1d", check=schedule_check, example='"cron: 0 9 * * *"'),
    Key("quiet_hours", str, "hold alerts in this local time window, send them after",
        default=None, check=_check_quiet, example='"22:00-07:00"'),
    Key("timezone", str, "time zone of quiet hours and digest times", default="UTC",
        check=_check_timezone, example='"Europe/Berlin"'),
    Key("format", str, 'message format: "auto" (what the target shows: HTML for mail, Markdown for chat, '
        'text for MQTT), "markdown", "html" or "text"', default="auto",
        check=_check_choice("auto", "markdown", "html", "text"), example='"markdown"'),
    Key("title_template", str, "message title, with {fields} (see `premiere-watch keys`)",
        default=None, check=validate_template, example='"{label}: {headline}"'),
    Key("body_template", str, "message body, with {fields}", default=None, check=validate_template,
        multiline=True, example='"{summary}\\n\\n{source_url}"'),
)

WATCH_KEYS: tuple[Key, ...] = (
    Key("title", str, "the title as fans know it", example='"All of Us Are Dead"'),
    Key("season", int, "the season to watch (series only)", default=None, min=1, max=1000, example="2"),
    Key("kind", str, '"tv" or "film"', default="tv", check=_check_choice("tv", "film"), example='"tv"'),
    Key("aliases", list, "other names pages use for it", default=[], check=_check_str_list,
        example='["Jigeum Uri Hakgyoneun"]'),
    Key("tags", list, "notifier tags; none: the notifiers without tags", default=[],
        check=_check_str_list, example='["fans"]'),
    Key("interval", str, "check interval of this watch's sources", default=None, check=schedule_check,
        example='"12h"'),
    Key("max_alerts_per_day", int, "overrides [settings] max_alerts_per_day", default=None, min=1, max=1000,
        example="5"),
    Key("sources", list, "pages, feeds and APIs to read: a URL string or a table with a kind",
        example='["https://example.com/show-season-2"]'),
)


# -- typed configuration -----------------------------------------------------


@dataclass(frozen=True)
class Settings:
    database: Path | str  # a SQLite file, or a postgresql:// URL (str)
    interval: Schedule
    user_agent: str
    timeout: float
    concurrency: int
    host_concurrency: int
    host_delay: float
    max_bytes: int
    retries: int
    announce_existing: bool
    rumour_alerts: bool
    max_alerts_per_day: int
    delivery_attempts: int
    failure_alert_after: int
    http: str | None = None
    http_token: str | None = None


@dataclass(frozen=True)
class SourceConfig:
    """One source of one watch, as written in the watchlist."""

    kind: str
    url: str  # what is fetched: ${VAR}s expanded
    options: Mapping[str, Any]  # kind-specific keys, defaults filled in
    interval: Schedule | None = None
    host_delay: float | None = None
    host_concurrency: int | None = None
    robots: bool = True
    written_url: str = ""  # the url as the watchlist writes it, when it reads ${VAR}s

    @property
    def stored_url(self) -> str:
        """The URL the database keeps: as written, ``${VAR}``s unexpanded, so no secret is stored."""
        return self.written_url or self.url

    # Cached: a pass asks for each source's id (and its watch's other sources') many times,
    # and computing one compares every option with its default. The fields never change.
    @functools.cached_property
    def id(self) -> str:
        """Stable identity in the database: the same URL read the same way.

        The URL is the one the watchlist writes (``?key=${API_KEY}``), never a
        secret's value.  Kind options that differ from their defaults (a
        TVmaze show id, a TMDB region) make a different source of the same API
        URL; they enter as a hash.  Secret options (an API key) are
        credentials, not identity: rotating a key must not make a new source
        that forgets the old one's validators, remembered ids, read history
        and failure count.
        """
        return self._id(with_secrets=False, url=self.stored_url)

    @functools.cached_property
    def former_id(self) -> str:
        """The id releases before 0.2 gave this source: its secret options and values were in it."""
        return self._id(with_secrets=True, url=self.url)

    @property
    def former_ids(self) -> set[str]:
        """Every id an earlier version may have stored for this source (other than ``id``)."""
        return {self.former_id, self._id(with_secrets=False, url=self.url)} - {self.id}

    def _id(self, *, with_secrets: bool, url: str) -> str:
        keys = Source.registry[self.kind].keys
        defaults = {k.name: k.default for k in keys}
        secret = set() if with_secrets else {k.name for k in keys if k.secret}
        own = {k: v for k, v in sorted(self.options.items())
               if defaults.get(k, object()) != v and k not in secret}
        if not own:
            return f"{self.kind}:{url}"
        digest = hashlib.sha256(json.dumps(own, sort_keys=True, default=str).encode()).hexdigest()[:12]
        return f"{self.kind}:{url}#{digest}"

    def build(self) -> Source:
        politeness = {"host_delay": self.host_delay, "host_concurrency": self.host_concurrency,
                      "robots": self.robots}
        return Source.registry[self.kind](self.url, {**self.options, **politeness})


@dataclass(frozen=True)
class Watch:
    title: str
    season: int | None
    kind: str
    aliases: tuple[str, ...]
    tags: tuple[str, ...]
    interval: Schedule | None
    max_alerts_per_day: int | None
    sources: tuple[SourceConfig, ...]

    @property
    def target(self) -> Target:
        return Target(self.title, self.season, self.aliases, "film" if self.kind == "film" else "tv")

    # Cached: a pass asks for it several times per source read (normalising the title each
    # time was ~2% of a warm pass). The fields never change.
    @functools.cached_property
    def key(self) -> str:
        return self.target.key

    @property
    def label(self) -> str:
        return self.target.label


@dataclass(frozen=True)
class Config:
    path: Path
    settings: Settings
    notifiers: tuple[NotifierConfig, ...]
    watches: tuple[Watch, ...]
    secrets: frozenset[str] = field(default_factory=frozenset)

    def watch(self, key: str) -> Watch | None:
        return next((w for w in self.watches if w.key == key), None)

    @property
    def shared_database(self) -> bool:
        """State in PostgreSQL, shared by several processes and machines."""
        return isinstance(self.settings.database, str)

    @property
    def database_label(self) -> str:
        """The database as messages show it: a path, or the URL without its password."""
        return database_label(self.settings.database)

    def find_watch(self, title: str) -> Watch | None:
        """A watch by title, label (``Narcos S2``) or key, case-insensitively."""
        wanted = title.strip().casefold()
        for w in self.watches:
            if wanted in (w.key.casefold(), w.label.casefold(), w.title.casefold()):
                return w
        return None

    def former_source_ids(self) -> dict[str, str]:
        """{id an earlier release stored: id now} for sources whose identity changed (store.rename_sources)."""
        return {former: s.id for s, _ in self.sources() for former in s.former_ids}

    def sources(self) -> Iterator[tuple[SourceConfig, list[Watch]]]:
        """Each distinct source once, with every watch that reads it."""
        seen: dict[str, tuple[SourceConfig, list[Watch]]] = {}
        for w in self.watches:
            for s in w.sources:
                seen.setdefault(s.id, (s, []))[1].append(w)
        yield from seen.values()

    def schedule_of(self, source: SourceConfig, watches: Sequence[Watch]) -> Schedule:
        """Source's own interval, else the shortest of its watches', else the default."""
        if source.interval is not None:
            return source.interval
        own = [w.interval for w in watches if w.interval is not None]
        timed = [s for s in own if s.seconds is not None]
        if timed:
            return min(timed, key=lambda s: s.seconds or 0.0)
        return own[0] if own else self.settings.interval


# -- loading -------------------------------------------------------------------


def default_database() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "premiere-watch" / "premiere-watch.db"


def load(path: str | Path, environ: Mapping[str, str] | None = None, *, check_targets: bool = True) -> Config:
    """Read and validate a watchlist; raise :class:`ConfigError` listing every problem.

    ``check_targets``: ask Apprise whether it can use each notifier URL.  Commands
    that never send (status, history, calendar) skip it: Apprise loads every one
    of its service plugins to answer, 0.4 s of CPU and 20 MB per command.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, [f"cannot read the watchlist: {exc.strerror or exc}"]) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, ["the file is not UTF-8 text — save it as UTF-8"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"not valid TOML: {exc} — check quotes, brackets and '=' there"]) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(path, [_TOO_DEEP]) from None
    if _nests_too_deep(data):  # dotted keys and [a.b.c] headers nest without recursing
        raise ConfigError(path, [_TOO_DEEP])
    return _Loader(path, os.environ if environ is None else environ, check_targets).load(data)


# A watchlist needs about six levels (watch → sources → table → option list);
# the loader walks values recursively, so a deeper file is refused up front.
MAX_NESTING = 32
_TOO_DEEP = (f"not valid TOML for a watchlist: tables or arrays nested more than {MAX_NESTING} levels "
             "deep — a watchlist needs only a few; check the brackets and dotted keys")


def _nests_too_deep(data: Any) -> bool:
    """Whether tables and arrays nest more than MAX_NESTING levels (found without recursing)."""
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if level >= MAX_NESTING:
                    return True
                stack.append((child, level + 1))
    return False


class _Loader:
    def __init__(self, path: Path, environ: Mapping[str, str], check_targets: bool = True) -> None:
        self.path = path
        self.environ = environ
        self.check_targets = check_targets
        self.problems: list[str] = []
        self.secrets: set[str] = set()

    def load(self, data: dict[str, Any]) -> Config:
        top = {
            "settings": Key("settings", dict, "program settings", default={}),
            "notifier": Key("notifier", list, "where alerts go", default=[]),
            "watch": Key("watch", list, "titles to watch", default=[]),
        }
        values, problems = check_table(data, tuple(top.values()), "top level")
        self.problems += [p.replace("unknown key", "unknown section") for p in problems]
        settings = self._settings(values.get("settings", {}))
        notifiers = self._notifiers(values.get("notifier", []), settings.delivery_attempts if settings else 8)
        watches = self._watches(values.get("watch", []))
        if not watches and not self.problems:
            self.problems.append(
                'no [[watch]] entries — add one, like [[watch]] title = "Narcos" sources = ["https://…"]'
            )
        if self.problems or settings is None:
            raise ConfigError(self.path, self.problems)
        return Config(self.path, settings, tuple(notifiers), tuple(watches), frozenset(self.secrets))

    # ${VAR} substitution happens per value so problems can name the entry.
    def _expand(self, value: Any, where: str, secret: bool) -> Any:
        if isinstance(value, list):
            return [self._expand(v, where, secret) for v in value]
        if isinstance(value, dict):
            return {k: self._expand(v, where, secret) for k, v in value.items()}
        if not isinstance(value, str):
            return value
        expanded = envvars.expand(value, self.environ)
        self.problems += [f"{where}: {problem}" for problem in expanded.problems]
        if secret:
            self.secrets.update(v for v in expanded.values if len(v) >= MIN_SECRET)
        return expanded.text

    def _table(
        self, table: Any, keys: Sequence[Key], where: str, raw: Collection[str] = ()
    ) -> dict[str, Any] | None:
        """Expand ${VAR}s (except in ``raw`` keys, expanded by their own tables) and check."""
        if not isinstance(table, dict):
            self.problems.append(f"{where}: must be a table — write it as [{where.split()[0]}] key = value")
            return None
        secret = {k.name for k in keys if k.secret}
        expanded = {k: v if k in raw else self._expand(v, where, k in secret or secret_name(k))
                    for k, v in table.items()}
        values, problems = check_table(expanded, keys, where)
        self.problems += problems
        return values if not problems else None

    def _settings(self, table: Any) -> Settings | None:
        v = self._table(table, SETTINGS_KEYS, "[settings]")
        if v is None:
            return None
        raw_token = table.get("http_token")
        if isinstance(raw_token, str) and not envvars.uses_variables(raw_token):
            self.problems.append('[settings]: "http_token" is written in the file — put it in the environment '
                                 'and write http_token = "${PREMIERE_WATCH_TOKEN}"')
        if problem := http_problem(v["http"], v["http_token"]):
            self.problems.append(f"[settings]: {problem}")
        db: Path | str
        if v["database"] and _is_postgres_url(v["database"]):
            db = v["database"]
            # The password is a secret however it was written (${VAR} or inline).
            password = urlsplit(v["database"]).password
            if password:
                self.secrets |= {password, unquote(password)}
        else:
            db = Path(v["database"]).expanduser() if v["database"] else default_database()
            if not db.is_absolute():
                db = self.path.resolve().parent / db
        return Settings(
            database=db, interval=Schedule.parse(v["interval"]), user_agent=v["user_agent"],
            timeout=v["timeout"], concurrency=v["concurrency"], host_concurrency=v["host_concurrency"],
            host_delay=parse_duration(v["host_delay"]), max_bytes=v["max_bytes"], retries=v["retries"],
            announce_existing=v["announce_existing"], rumour_alerts=v["rumour_alerts"],
            max_alerts_per_day=v["max_alerts_per_day"], delivery_attempts=v["delivery_attempts"],
            failure_alert_after=v["failure_alert_after"], http=v["http"], http_token=v["http_token"] or None,
        )

    def _notifiers(self, tables: list[Any], attempts: int) -> list[NotifierConfig]:
        out: list[NotifierConfig] = []
        names: set[str] = set()
        for i, table in enumerate(tables, 1):
            name = table.get("name") if isinstance(table, dict) else None
            where = f'notifier "{name}"' if isinstance(name, str) else f"notifier {i}"
            known = len(self.problems)
            v = self._table(table, NOTIFIER_KEYS, where)
            if v is None or len(self.problems) > known:  # a missing ${VAR}: the URLs are incomplete
                continue
            urls = ([v["url"]] if v["url"] else []) + list(v["urls"] or [])
            if not urls:
                self.problems.append(f'{where}: no "url" — add an Apprise URL, like url = "json://host/path"')
                continue
            if v["name"] in names:
                self.problems.append(f"{where}: the name is used twice — give each notifier its own name")
                continue
            names.add(v["name"])
            refused = [f'{where}: {self._target_problem(url)}' for url in urls
                       if "://" not in url or (self.check_targets and target_problem(url))]
            if refused:
                self.problems += refused
                continue
            out.append(NotifierConfig(
                name=v["name"], urls=tuple(urls), tags=tuple(v["tags"]), mode=v["mode"],
                digest=v["digest"], quiet_hours=parse_quiet_hours(v["quiet_hours"]) if v["quiet_hours"] else None,
                timezone=v["timezone"], format=v["format"], title_template=v["title_template"],
                body_template=v["body_template"], max_attempts=attempts,
            ))
        return out

    def _target_problem(self, url: str) -> str:
        shown = mask_secrets(url, self.secrets)
        if "://" not in url:
            return (f'"{shown}" is not an Apprise URL — write scheme://…, like '
                    '"mailtos://user:pass@host?to=a@b.c"')
        return (f'Apprise cannot use "{shown}": {target_problem(url, self.secrets)} — write it as the '
                "service's page at https://github.com/caronc/apprise/wiki shows")

    def _watches(self, tables: list[Any]) -> list[Watch]:
        out: list[Watch] = []
        seen: dict[str, str] = {}
        for i, table in enumerate(tables, 1):
            title = table.get("title") if isinstance(table, dict) else None
            where = f'watch "{title}"' if isinstance(title, str) else f"watch {i}"
            v = self._table(table, WATCH_KEYS, where, raw=("sources",))
            if v is None:
                # Still check its sources, so every problem is reported in one go.
                if isinstance(table, dict) and isinstance(table.get("sources"), list):
                    for j, raw in enumerate(table["sources"], 1):
                        self._source(raw, f"{where} source {j}")
                continue
            if not v["title"].strip():
                self.problems.append(f'{where}: "title" is empty — write the title fans know')
                continue
            sources = [s for j, raw in enumerate(v["sources"], 1)
                       if (s := self._source(raw, f"{where} source {j}")) is not None]
            if not v["sources"]:
                self.problems.append(f'{where}: "sources" is empty — list at least one page, feed or API')
            watch = Watch(
                title=v["title"].strip(), season=v["season"], kind=v["kind"],
                aliases=tuple(a.strip() for a in v["aliases"]), tags=tuple(v["tags"]),
                interval=Schedule.parse(v["interval"]) if v["interval"] else None,
                max_alerts_per_day=v["max_alerts_per_day"], sources=tuple(sources),
            )
            if watch.key in seen:
                self.problems.append(f"{where}: watched twice (also {seen[watch.key]}) — merge the two "
                                     "entries, or give them different seasons")
                continue
            seen[watch.key] = where
            out.append(watch)
        return out

    def _source(self, raw: Any, where: str) -> SourceConfig | None:
        if isinstance(raw, str):
            raw = {"url": raw}
        if not isinstance(raw, dict):
            self.problems.append(f'{where}: write a URL string or a table like {{ url = "…", kind = "feed" }}')
            return None
        kind = raw.get("kind", "page")
        cls = Source.registry.get(kind) if isinstance(kind, str) else None
        if cls is None:
            kinds = ", ".join(f'"{k}"' for k in sorted(Source.registry))
            self.problems.append(f'{where}: unknown kind {kind!r} — write one of {kinds}')
            return None
        keys = tuple(
            dataclasses.replace(k, default=cls.default_url) if k.name == "url" and cls.default_url else k
            for k in cls.all_keys()
        )
        v = self._table(raw, keys, where)
        if v is None:
            return None
        if fix := _check_url(v["url"]):
            self.problems.append(f'{where}: "{mask_secrets(v["url"], self.secrets)}" is not a web address — {fix}')
            return None
        common = {k.name for k in cls.all_keys()} - {k.name for k in cls.keys}
        interval = Schedule.parse(v["interval"]) if v["interval"] else None
        host_delay = parse_duration(v["host_delay"]) if v["host_delay"] else None
        written = raw.get("url")
        return SourceConfig(
            kind=kind, url=v["url"], options={k: val for k, val in v.items() if k not in common},
            interval=interval, host_delay=host_delay, host_concurrency=v["host_concurrency"],
            robots=v["robots"],
            written_url=written if isinstance(written, str) and envvars.uses_variables(written) else "",
        )
