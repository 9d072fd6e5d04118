"""``python -m premiere_watch.extract``: the JSON contract and the readable summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from premiere_watch.extract import extract, parse_page
from premiere_watch.extract.__main__ import format_extraction, main
from premiere_watch.model import Target

HTML = ("<html><head><meta property='article:published_time' content='2016-06-07'></head><body><article>"
        "<h1>Narcos Season 2 Gets a Date</h1><p>Narcos season 2 is set to debut Sept. 2 on Netflix.</p>"
        "<p>Season 1 debuted on August 28, 2015.</p><iframe src='https://www.youtube.com/embed/abcdefghijk' "
        "title='Narcos: Season 2 | Official Teaser'></iframe></article></body></html>")


def test_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "page.html"
    src.write_text(HTML)
    assert main([str(src), "--title", "Narcos", "--season", "2", "--json", "--explain"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["premiere"]["confirmed"]["date"] == "2016-09-02"
    assert out["premiere"]["confirmed"]["precision"] == "day"
    assert out["trailer"]["status"] == "released" and out["trailer"]["kind"] == "teaser"
    assert out["published"] == "2016-06-07"
    assert isinstance(out["rejected"], list)


def test_stdin_and_summary(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.encode())))
    assert main(["-", "--title", "Narcos", "--season", "2", "--explain"]) == 0
    text = capsys.readouterr().out
    assert "confirmed  2016-09-02" in text and "evidence:" in text and "rejected:" in text


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/page.html", "--title", "X"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_format_extraction_without_claims() -> None:
    ex = extract(parse_page("<html><body><p>Nothing here.</p></body></html>"), Target("Narcos", 2))
    text = format_extraction(ex, explain=False)
    assert "confirmed  none" in text and "trailer: unmentioned" in text
