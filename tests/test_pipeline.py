"""One pass, in-process: failures stay contained, operators hear about dead sources."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from premiere_watch.config import load
from premiere_watch.facts import Facts
from premiere_watch.model import Event, Target
from premiere_watch.notify import MemoryTransport
from premiere_watch.pipeline import Pipeline, utcnow
from premiere_watch.reconcile import diff as real_diff
from premiere_watch.sources import Context, Source, SourceResult, SourceState
from premiere_watch.store import open_store
from runner import RunCli
from servers import PageServer, Reply

ANNOUNCED = ("<html><head><meta property='article:published_time' content='2016-06-07'></head><body><article>"
             "<h1>Narcos season 2 gets a date</h1><p>Netflix announced that Narcos season 2 will premiere on "
             "Friday, September 2, 2016.</p></article></body></html>")


@pytest.fixture
def exploding_kind() -> Iterator[str]:
    """A source kind with a bug (its collect raises), registered for one test only."""

    class ExplodingSource(Source, kind="test-exploding"):
        async def collect(self, ctx: Context, targets: Sequence[Target], state: SourceState) -> SourceResult:
            raise RuntimeError("bug in a source kind")

    yield ExplodingSource.kind
    del Source.registry[ExplodingSource.kind]


FANS = '[[notifier]]\nname = "fans"\nurl = "json://fans.example/"\n'


def watch(title: str, *sources: str) -> str:
    """A [[watch]] table for season 2 of ``title``; sources are TOML values."""
    return f'[[watch]]\ntitle = "{title}"\nseason = 2\nsources = [{", ".join(sources)}]\n'


def page(server: PageServer, path: str) -> str:
    return f'"{server.url(path)}"'


def write_config(tmp_path: Path, body: str, settings: str = "") -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text('[settings]\ndatabase = "state.db"\nhost_delay = "0s"\nretries = 0\n'
                    f'failure_alert_after = 2\n{settings}\n{body}')
    return path


def run_passes(config_path: Path, times: int, clock: dt.datetime | None = None,
               transport: MemoryTransport | None = None) -> list[list[str]]:
    config = load(config_path, {})
    transport = transport or MemoryTransport()
    out: list[list[str]] = []

    async def go() -> None:
        async with await open_store(config.settings.database) as store:
            pipeline = Pipeline(config, store, transport=transport, clock=(lambda: clock) if clock else utcnow)
            try:
                for _ in range(times):
                    report = await pipeline.check()
                    out.append([o.status for o in sorted(report.outcomes, key=lambda o: o.url)])
            finally:
                await pipeline.aclose()

    asyncio.run(go())
    return out


def test_a_crashing_or_failing_source_does_not_stop_the_others(tmp_path: Path, page_server: PageServer,
                                                               exploding_kind: str) -> None:
    page_server.route("/good", ANNOUNCED)
    page_server.route("/dead", Reply(500))
    transport = MemoryTransport()
    config = write_config(tmp_path, FANS + watch("Narcos", page(page_server, "/dead"),
                                                 '{ kind = "test-exploding", url = "https://bug.example/" }',
                                                 page(page_server, "/good")))
    [statuses] = run_passes(config, 1, transport=transport)
    assert sorted(statuses) == ["failed", "failed", "ok"]
    [sent] = transport.sent
    assert "September 2, 2016" in sent.title


def test_ops_hear_once_when_a_source_keeps_failing_and_once_when_it_recovers(
        tmp_path: Path, page_server: PageServer) -> None:
    transport = MemoryTransport()
    ops_notifier = '[[notifier]]\nname = "ops"\nurl = "json://ops.example/"\ntags = ["ops"]\n'
    config = write_config(tmp_path, FANS + ops_notifier + watch("Narcos", page(page_server, "/flaky")))
    page_server.route("/flaky", Reply(503))
    run_passes(config, 4, transport=transport)
    ops = [s for s in transport.sent if "ops.example" in s.url]
    assert len(ops) == 1 and "503" in ops[0].body
    assert not [s for s in transport.sent if "fans.example" in s.url]  # fans never hear about failures

    page_server.route("/flaky", ANNOUNCED)
    run_passes(config, 2, transport=transport)
    ops = [s for s in transport.sent if "ops.example" in s.url]
    assert len(ops) == 2 and "recover" in ops[1].title.lower()
    assert len([s for s in transport.sent if "fans.example" in s.url]) == 1  # the date, once


def test_extract_reads_any_source_kind(run_cli: RunCli, page_server: PageServer) -> None:
    page_server.route("/feed.xml", Reply(body="""<?xml version="1.0"?><rss version="2.0"><channel>
<title>TV news</title><link>http://x/</link><description>d</description>
<item><title>Narcos season 2 premiere date announced</title><link>{link}</link>
<description>Netflix sets the date.</description></item>
<item><title>Something else entirely</title><link>{other}</link><description>x</description></item>
</channel></rss>""".format(link=page_server.url("/narcos"), other=page_server.url("/other")),
                                           content_type="application/rss+xml"))
    page_server.route("/narcos", ANNOUNCED)
    proc = run_cli("extract", "--kind", "feed", page_server.url("/feed.xml"), "--title", "Narcos",
                   "--season", "2", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["premiere"]["confirmed"]["date"] == "2016-09-02"
    assert page_server.count("/other") == 0  # only the article that names the title is read


@pytest.mark.parametrize(("announce", "expected"), [("true", 1), ("false", 0)])
def test_a_new_watch_reports_what_is_already_known_once_or_not_at_all(
        tmp_path: Path, page_server: PageServer, announce: str, expected: int) -> None:
    page_server.route("/one", ANNOUNCED)
    page_server.route("/two", ANNOUNCED.replace("Netflix announced that", "It is official:"))
    transport = MemoryTransport()
    config = write_config(tmp_path, FANS + watch("Narcos", page(page_server, "/one"), page(page_server, "/two")),
                          settings=f"announce_existing = {announce}")
    run_passes(config, 2, transport=transport)
    assert len(transport.sent) == expected
    if expected:
        assert "already" in transport.sent[0].title.lower() or "already" in transport.sent[0].body.lower()
    # Later news is news again, whatever announce_existing says.
    page_server.route("/one", ANNOUNCED.replace("2016-06-07", "2016-07-01").replace("September 2", "September 9"))
    run_passes(config, 1, transport=transport)
    assert len(transport.sent) == expected + 1


def test_a_bug_while_storing_one_source_fails_only_that_source(
        tmp_path: Path, page_server: PageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    import premiere_watch.pipeline as pipeline_module

    def diff(previous: Facts | None, current: Facts, target: Target, **kwargs: Any) -> list[Event]:
        if target.title == "Ozark":
            raise RuntimeError("bug in diff")
        return real_diff(previous, current, target, **kwargs)

    monkeypatch.setattr(pipeline_module, "diff", diff)
    page_server.route("/narcos", ANNOUNCED)
    page_server.route("/ozark", ANNOUNCED.replace("Narcos", "Ozark"))
    transport = MemoryTransport()
    config = write_config(tmp_path, FANS + watch("Ozark", page(page_server, "/ozark"))
                          + watch("Narcos", page(page_server, "/narcos")))
    [statuses] = run_passes(config, 1, transport=transport)
    assert sorted(statuses) == ["failed", "ok"]
    [sent] = transport.sent
    assert "Narcos" in sent.title


def test_an_undated_change_confirmed_by_a_304_still_alerts_once(tmp_path: Path, page_server: PageServer) -> None:
    """A move on an undated page waits for a second read (anti-flap); a 304 is that read."""

    def undated(day: str, etag: str) -> Reply:
        body = ("<html><body><article><h1>Narcos season 2</h1><p>Netflix announced that Narcos season 2 "
                f"will premiere on Friday, September {day}, 2016.</p></article></body></html>")
        return Reply(handler=lambda req: Reply(304, headers={"ETag": etag})
                     if req.headers.get("if-none-match") == etag else Reply(200, body, headers={"ETag": etag}))

    transport = MemoryTransport()
    config = write_config(tmp_path, FANS + watch("Narcos", page(page_server, "/narcos")))
    page_server.route("/narcos", undated("2", '"v1"'))
    run_passes(config, 2, transport=transport)
    assert len(transport.sent) == 1  # announced (already known when the watch was added)
    page_server.route("/narcos", undated("9", '"v2"'))
    run_passes(config, 1, transport=transport)
    assert len(transport.sent) == 1  # one read of an undated page is not enough to move a date
    run_passes(config, 1, transport=transport)  # the server answers 304: the same page, read again
    assert page_server.requests("/narcos")[-1].status == 304
    assert len(transport.sent) == 2 and "September 9, 2016" in transport.sent[-1].title
    run_passes(config, 3, transport=transport)
    assert len(transport.sent) == 2


def test_held_alerts_go_out_when_quiet_hours_are_removed(tmp_path: Path, page_server: PageServer) -> None:
    page_server.route("/narcos", ANNOUNCED)
    quiet = '[[notifier]]\nname = "fans"\nurl = "json://fans.example/"\nquiet_hours = "22:00-07:00"\n'
    night = dt.datetime(2016, 8, 1, 23, 30, tzinfo=dt.UTC)
    transport = MemoryTransport()
    held = load(write_config(tmp_path, quiet + watch("Narcos", page(page_server, "/narcos"))), {})
    relaxed = load(write_config(tmp_path, FANS + watch("Narcos", page(page_server, "/narcos"))), {})

    async def go() -> None:
        async with await open_store(held.settings.database) as store:
            pipeline = Pipeline(held, store, transport=transport, clock=lambda: night)
            try:
                await pipeline.check()
                assert transport.sent == []  # held until 07:00
                pipeline.config = relaxed  # what a reload does
                await pipeline.deliver()
                assert len(transport.sent) == 1
                await pipeline.deliver()
                assert len(transport.sent) == 1
            finally:
                await pipeline.aclose()

    asyncio.run(go())


def test_relaxing_pacing_never_breaks_the_daily_cap(tmp_path: Path, page_server: PageServer) -> None:
    """Two alerts on one day with a cap of one: the second waits for tomorrow even after a reload."""
    page_server.route("/narcos", ANNOUNCED)
    page_server.route("/trailer", ANNOUNCED.replace("</article>", '<iframe title="Narcos: Season 2 | Official '
                      'Trailer | Netflix" src="https://www.youtube.com/embed/NarcosS2tr1"></iframe></article>'))
    day = dt.datetime(2016, 8, 1, 12, tzinfo=dt.UTC)
    transport = MemoryTransport()
    cap = "max_alerts_per_day = 1"
    config = load(write_config(tmp_path, FANS + watch("Narcos", page(page_server, "/narcos")), cap), {})
    later = load(write_config(tmp_path, FANS + watch("Narcos", page(page_server, "/trailer")), cap), {})

    async def go() -> None:
        async with await open_store(config.settings.database) as store:
            pipeline = Pipeline(config, store, transport=transport, clock=lambda: day)
            try:
                await pipeline.check()
                pipeline.config = later
                await pipeline.check()
                await pipeline.deliver()
                assert len(transport.sent) == 1  # the trailer waits for tomorrow
                assert (await store.backlog(day)).pending == 1
            finally:
                await pipeline.aclose()

    asyncio.run(go())
