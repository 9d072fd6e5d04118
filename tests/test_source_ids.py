"""A source's identity leaves out its secret options (issue 14 item 8).

``tests/data/source-ids-before-14.db`` was made by premiere-watch as it was
before the fix (commit 60a4cb2): a TMDB source read with
``TMDB_API_KEY=old-key-0001`` and ``region = "GB"`` (ETag ``"tmdb-v7"``, a
remembered TMDB id, one observation), and a TVmaze source with one failure.
Its TMDB row is keyed ``tmdb:https://api.themoviedb.org/3#a11f9f133cbf``, a
hash that included the key.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from premiere_watch.config import load
from runner import RunCli

OLD_DB = Path(__file__).parent / "data" / "source-ids-before-14.db"
OLD_ID = "tmdb:https://api.themoviedb.org/3#a11f9f133cbf"
WATCHLIST = """[settings]
database = "old.db"
[[watch]]
title = "Dune: Part Two"
kind = "film"
sources = [{ kind = "tmdb", api_key = "${TMDB_API_KEY}", region = "GB" }, { kind = "tvmaze" }]
"""


def test_rotating_a_secret_keeps_the_source(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text(WATCHLIST)
    old, new = (load(path, {"TMDB_API_KEY": key}) for key in ("old-key-0001", "new-key-0002"))
    [(tmdb_old, _), _] = list(old.sources())
    [(tmdb_new, _), _] = list(new.sources())
    assert tmdb_old.id == tmdb_new.id and "#" in tmdb_old.id  # the region still counts, the key does not
    assert tmdb_old.former_id == OLD_ID and tmdb_new.former_id != OLD_ID
    assert old.former_source_ids() == {OLD_ID: tmdb_old.id}


def test_a_database_made_before_the_fix_keeps_its_sources(tmp_path: Path, run_cli: RunCli) -> None:
    shutil.copy(OLD_DB, tmp_path / "old.db")
    config = tmp_path / "w.toml"
    config.write_text(WATCHLIST)
    [(tmdb, _), _] = list(load(config, {"TMDB_API_KEY": "old-key-0001"}).sources())

    # Any command that opens the database with the watchlist moves the rows; `retry` sends nothing here.
    proc = run_cli("retry", "-c", str(config), env={"TMDB_API_KEY": "old-key-0001"})
    assert proc.returncode == 0, proc.stderr
    db = sqlite3.connect(tmp_path / "old.db")
    rows = {sid: (etag, json.loads(memory), failures) for sid, etag, memory, failures in db.execute(
        "SELECT source_id, etag, memory, consecutive_failures FROM sources")}
    assert rows == {tmdb.id: ('"tmdb-v7"', {"tmdb_ids": {"dune: part two": 693134}}, 0),
                    "tvmaze:https://api.tvmaze.com": (None, {}, 1)}
    assert [sid for (sid,) in db.execute("SELECT source_id FROM observations")] == [tmdb.id]
    db.close()

    # The key rotates: same source, same state; nothing is moved again.
    status = run_cli("status", "-c", str(config), "--json", env={"TMDB_API_KEY": "new-key-0002"})
    assert status.returncode == 0, status.stderr
    [shown] = [s for s in json.loads(status.stdout)["sources"] if s["kind"] == "tmdb"]
    assert shown["last_check"] and "new-key-0002" not in status.stdout
