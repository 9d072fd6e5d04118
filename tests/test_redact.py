"""Secrets (issue 14 items 2 and 9): one notion of a secret, one mask, every form masked, nothing stored unmasked."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import json
import sqlite3
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

import pytest

from premiere_watch import redact
from premiere_watch.config import load
from premiere_watch.model import Target
from premiere_watch.notify import MemoryTransport, NotifierConfig, deliver, redact_target
from premiere_watch.pipeline import Pipeline
from premiere_watch.redact import MASK, mask_secrets, redact_url, secret_name
from premiere_watch.sources import Context, Source, SourceResult, SourceState
from premiere_watch.store import Store, open_store
from premiere_watch.store.sqlite import SqliteBackend
from runner import RunCli
from test_notify_delivery import announced

SECRET = "MyS3cretHostTok/+x"


@pytest.mark.parametrize("form", [
    SECRET, SECRET.lower(), SECRET.upper(), urllib.parse.quote(SECRET, safe=""), urllib.parse.quote(SECRET),
    urllib.parse.quote(SECRET, safe="").lower(), urllib.parse.quote_plus(SECRET), html.escape("<" + SECRET)[4:],
    json.dumps(SECRET + '"')[1:-3],
])
def test_every_form_a_secret_takes_after_parsing_is_masked(form: str) -> None:
    text = f"failed posting to foobaz://{form}/x: refused"
    masked = mask_secrets(text, [SECRET])
    assert form not in masked and masked == f"failed posting to foobaz://{MASK}/x: refused"


@pytest.mark.parametrize(("text", "masked"), [
    ("https://u:pw@h/page", f"https://u:{MASK}@h/page"),  # a password alone
    ("https://h/page?token=abc", f"https://h/page?token={MASK}"),  # a secret query value alone
    ("https://h/page?a=1&session=abc", f"https://h/page?a=1&session={MASK}"),
    ("https://h/cb#access_token=abc", f"https://h/cb#access_token={MASK}"),  # an OAuth fragment
    ("https://h/page", "https://h/page"),  # nothing to mask: as it was
    ("", ""),
])
def test_passwords_and_secret_values_are_masked_without_configured_secrets(text: str, masked: str) -> None:
    assert mask_secrets(text) == masked


def test_one_mask_and_one_list_of_secret_names() -> None:
    assert redact_url("https://u:pw@api.example/v3?api_key=abc") == f"https://{MASK}@api.example/v3?api_key={MASK}"
    assert mask_secrets("https://u:pw@h/?token=abc", ()) == f"https://u:{MASK}@h/?token={MASK}"
    for name in ("api_key", "apiKey", "access_token", "X-Amz-Signature", "sessionid", "client_credential",
                 "Authorization", "password", "http_token"):
        assert secret_name(name), name
    assert not secret_name("region") and not secret_name("url")
    # The word list lives in redact.py only.
    source_files = Path(redact.__file__).parent.rglob("*.py")
    owners = [p.name for p in source_files if '"credential"' in p.read_text()]
    assert owners == ["redact.py"]


def test_a_secret_host_is_masked_in_every_command_output(tmp_path: Path, run_cli: RunCli) -> None:
    """The issue's reproduction: the URL parser lowered the host, and masking was case-sensitive."""
    config = tmp_path / "watchlist.toml"
    config.write_text('[[notifier]]\nname = "x"\nurl = "foobaz://${HOSTTOK}/x"\n'
                      '[[watch]]\ntitle = "Narcos"\nsources = ["https://example.com/n"]\n')
    for command in ("validate", "test-notify", "check"):
        proc = run_cli(command, "-c", str(config), env={"HOSTTOK": "MyS3cretHostTok"})
        out = (proc.stdout + proc.stderr).lower()
        assert proc.returncode == 2 and "foobaz://" in out, (command, out)
        assert "mys3crethosttok" not in out, (command, out)


def test_notifier_targets_show_apprise_privacy_form_and_no_known_secret() -> None:
    shown = redact_target("json://fan:pw@Hooks.Example/TokenPath1", ["Hooks.Example"])
    assert "pw" not in shown.split("?")[0].split("@")[0][len("json://fan:"):] and "hooks.example" not in shown.lower()


def test_nothing_unmasked_is_stored(tmp_path: Path) -> None:
    """Delivery errors are masked with the watchlist's secrets, not only with pieces of the URL."""
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    url = "json://hooks.example/x"

    async def scenario() -> None:
        async with Store(SqliteBackend(tmp_path / "s.db")) as store:
            await store.enqueue([announced(2)], lambda e: [("fans", 0)], now)
            transport = MemoryTransport(fail={url: ["refused by mys3crethost/tok (MYS3CRETHOST%2FTOK)"]})
            await deliver(store, {"fans": NotifierConfig("fans", (url,))}, transport, now,
                          secrets=["MyS3cretHost/Tok"])

    asyncio.run(scenario())
    dump = "\n".join(sqlite3.connect(tmp_path / "s.db").iterdump()).lower()
    assert "mys3crethost" not in dump and "refused by **** (****)" in dump


def test_a_failing_source_stores_its_reason_masked(tmp_path: Path) -> None:
    """A ${VAR} in a source URL is a secret by declaration (no longer by a word list that held "url")."""

    class LeakySource(Source, kind="test-leaky"):
        async def collect(self, ctx: Context, targets: Sequence[Target], state: SourceState) -> SourceResult:
            raise RuntimeError(f"cannot read {self.url.upper()}")

    try:
        path = tmp_path / "w.toml"
        path.write_text('[settings]\ndatabase = "s.db"\n[[watch]]\ntitle = "Narcos"\n'
                        'sources = [{ kind = "test-leaky", url = "https://example.com/feed?q=${FEED_Q}" }]\n')
        config = load(path, {"FEED_Q": "f33dQuery"})

        async def one_pass() -> None:
            async with await open_store(config.settings.database) as store:
                pipeline = Pipeline(config, store, transport=MemoryTransport())
                await pipeline.check()
                await pipeline.aclose()

        asyncio.run(one_pass())
    finally:
        del Source.registry["test-leaky"]
    [(reason,)] = sqlite3.connect(config.settings.database).execute("SELECT last_reason FROM sources")
    assert "cannot read" in reason and "f33dquery" not in reason.lower()
