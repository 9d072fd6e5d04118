"""The watchlist: every documented key loads, every mistake is named with its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from premiere_watch.config import (
    NOTIFIER_KEYS,
    SETTINGS_KEYS,
    WATCH_KEYS,
    ConfigError,
    load,
)
from premiere_watch.schedule import Schedule, parse_duration
from premiere_watch.sources import COMMON_KEYS, Source

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "config.example.toml"
ENV = {"SMTP_USER": "mailer", "SMTP_PASS": "s3cret-pass", "TMDB_API_KEY": "tmdb-key-123"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text(text)
    return path


def problems(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(write(tmp_path, text), env or {})
    assert str(write(tmp_path, text)) in str(info.value)  # the file is named
    return info.value.problems


MINIMAL = '[[watch]]\ntitle = "Narcos"\nsources = ["https://example.com/narcos"]\n'


def test_example_loads_and_documents_every_key() -> None:
    config = load(EXAMPLE, ENV)
    assert [w.label for w in config.watches] == ["All of Us Are Dead S2", "Dune: Part Two"]
    assert {"s3cret-pass", "tmdb-key-123"} <= config.secrets
    text = EXAMPLE.read_text()
    keys = [*SETTINGS_KEYS, *NOTIFIER_KEYS, *WATCH_KEYS, *COMMON_KEYS]
    keys += [k for cls in Source.registry.values() for k in cls.keys]
    missing = {k.name for k in keys if not re.search(rf"\b{k.name}\s*=", text)}
    assert not missing, f"config.example.toml does not show: {sorted(missing)}"
    kinds = set(re.findall(r'kind = "(\w+)"', text))
    assert set(Source.registry) <= kinds | {"page"}


def test_defaults_and_relative_database(tmp_path: Path) -> None:
    config = load(write(tmp_path, MINIMAL + '[settings]\ndatabase = "state/pw.db"\n'), {})
    assert config.settings.database == tmp_path / "state" / "pw.db"
    assert config.settings.interval.seconds == 6 * 3600
    assert config.settings.host_delay == 2.0 and config.settings.host_concurrency == 1
    [watch] = config.watches
    assert watch.kind == "tv" and watch.season is None
    assert watch.sources[0].kind == "page"


def test_default_database_is_in_the_users_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = load(write(tmp_path, MINIMAL), {})
    assert config.settings.database == tmp_path / "data" / "premiere-watch" / "premiere-watch.db"


@pytest.mark.parametrize(("text", "expected"), [
    ("30s", 30), ("5m", 300), ("6h", 21600), ("1d", 86400), ("1h30m", 5400), ("1.5h", 5400), ("2 s", 2),
])
def test_durations(text: str, expected: float) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "6", "six hours", "6 hours", "6x", "-5m"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="like"):
        parse_duration(text)


def test_cron_schedule() -> None:
    assert Schedule.parse("cron: 0 */6 * * *").cron == "0 */6 * * *"
    with pytest.raises(ValueError, match="five fields"):
        Schedule.parse("cron: every day")


@pytest.mark.parametrize(("text", "needles"), [
    ('[[watch]]\ntitle = "Narcos"\nsources = ["https://e.com/a"]\nintervall = "1h"\n',
     ['watch "Narcos"', 'unknown key "intervall"', 'did you mean "interval"']),
    ('[[watch]]\ntitle = "Narcos"\nseason = "two"\nsources = ["https://e.com/a"]\n',
     ['watch "Narcos"', '"season" must be an integer', "season = 2"]),
    ('[[watch]]\ntitle = "Narcos"\nsources = ["https://e.com/a", "ftp://e.com/b"]\n',
     ['watch "Narcos" source 2', "not a web address", "https://"]),
    ('[[watch]]\ntitle = "Narcos"\nsources = ["https://e.com/a", { url = "https://e.com/f", interval = "often" }]\n',
     ['watch "Narcos" source 2', 'cannot read "often"', '"30m"']),
    ('[[watch]]\ntitle = "Narcos"\nsources = [{ url = "https://e.com/f", kind = "rss" }]\n',
     ['watch "Narcos" source 1', "unknown kind 'rss'", '"feed"']),
    ('[[watch]]\ntitle = "Narcos"\nsources = ["https://e.com/a"]\n'
     '[[watch]]\ntitle = "narcos"\nsources = ["https://e.com/b"]\n',
     ['watch "narcos"', "watched twice", "merge"]),
    ('[[watch]]\ntitle = "Narcos"\nkind = "series"\nsources = ["https://e.com/a"]\n',
     ['"kind"', '"tv", "film"']),
    ('[[watch]]\nsources = ["https://e.com/a"]\n', ['watch 1', 'missing "title"']),
    ('[setting]\ninterval = "1h"\n' + MINIMAL, ['unknown section "setting"', 'did you mean "settings"']),
    ('[settings]\ninterval = "every hour"\n' + MINIMAL, ["[settings]", '"interval"', '"6h"']),
    ('[[notifier]]\nname = "fans"\n' + MINIMAL, ['notifier "fans"', 'no "url"']),
    ('[[notifier]]\nname = "fans"\nurl = "json://h/"\nquiet_hours = "10pm-7am"\n' + MINIMAL,
     ['notifier "fans"', "quiet_hours", '"22:00-07:00"']),
    ('[[notifier]]\nname = "fans"\nurl = "json://h/"\ntimezone = "Mars/Base"\n' + MINIMAL,
     ['notifier "fans"', "IANA"]),
    ('[[notifier]]\nname = "fans"\nurl = "mailtos://u:${SMTP_PASS}@h?to=a@b.c"\n' + MINIMAL,
     ['notifier "fans"', "${SMTP_PASS} is not set", "export SMTP_PASS"]),
])
def test_mistakes_name_the_entry_and_the_fix(tmp_path: Path, text: str, needles: list[str]) -> None:
    found = "\n".join(problems(tmp_path, text))
    for needle in needles:
        assert needle in found, f"{needle!r} not in:\n{found}"


def test_broken_toml_names_file_and_line(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, '[[watch]]\ntitle = "Narcos\n')
    assert "line 2" in problem and "not valid TOML" in problem


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    found = problems(tmp_path, '[[watch]]\ntitle = "A"\nsources = ["nope"]\nseason = 0\n'
                               '[[watch]]\ntitle = "B"\nsources = []\n')
    assert len(found) >= 3


def test_secrets_come_from_the_environment(tmp_path: Path) -> None:
    config = load(write(tmp_path, '[[notifier]]\nname = "m"\nurl = "mailtos://u:${PASS}@mail.example.com?to=a@example.com"\n'
                                  'urls = ["json://h/$${NOT_A_VAR}"]\n' + MINIMAL), {"PASS": "hunter22"})
    [notifier] = config.notifiers
    assert notifier.urls == ("mailtos://u:hunter22@mail.example.com?to=a@example.com", "json://h/${NOT_A_VAR}")
    assert "hunter22" in config.secrets


def test_sources_shared_between_watches_are_read_once(tmp_path: Path) -> None:
    config = load(write(tmp_path, '[[watch]]\ntitle = "A"\ninterval = "1h"\nsources = ["https://e.com/news"]\n'
                                  '[[watch]]\ntitle = "B"\ninterval = "10m"\nsources = ["https://e.com/news"]\n'),
                  {})
    [(source, watches)] = list(config.sources())
    assert [w.title for w in watches] == ["A", "B"]
    assert config.schedule_of(source, watches).seconds == 600


def test_api_kinds_do_not_need_a_url(tmp_path: Path) -> None:
    config = load(write(tmp_path, '[[watch]]\ntitle = "Narcos"\nsources = [{ kind = "tvmaze" }]\n'), {})
    [source] = config.watches[0].sources
    assert source.url.startswith("https://")
