"""``premiere-watch extract``: what one source says about one title, with evidence.

Operators use it to test a source before adding it, and to see why a
decision was made.  A file or ``-`` is read as a page; a URL is read with
the same source kind code the daemon runs (``--kind feed`` and so on), so
what it prints is what a pass would conclude.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from premiere_watch.extract import extract, parse_page
from premiere_watch.extract.__main__ import format_extraction
from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.keys import check_table
from premiere_watch.messages import MAX_EVIDENCE
from premiere_watch.model import Extraction, Target
from premiere_watch.sources import Context, Source, SourceState

# What `extract` reads from a file or standard input, as a fetch reads at most max_bytes.
MAX_INPUT = FetchSettings().max_bytes
# Options a source takes on the command line: its kind's keys and the politeness ones.
_POLITENESS = ("host_delay", "host_concurrency", "robots")


def _read_page(source: str) -> bytes:
    """The bytes of a saved page (a path) or of standard input (``-``), at most MAX_INPUT."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT + 1)
    else:
        path = Path(source)
        if path.is_dir():
            raise SystemExit(f"{path} is a directory — give a saved page (a file), - for standard input, or a URL")
        if path.exists() and not path.is_file():
            raise SystemExit(f"{path} is not a regular file (a device or a pipe?) — save the page to a file, "
                             "or pipe it to -")
        try:
            with path.open("rb") as file:
                data = file.read(MAX_INPUT + 1)
        except FileNotFoundError:
            raise SystemExit(f"no such file: {path} — give a file path, - for standard input, or a URL") from None
        except OSError as exc:
            raise SystemExit(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT:
        raise SystemExit(f"{source} is larger than {MAX_INPUT:,} bytes, the most a page is read to — "
                         "give a single page")
    return data


def _options(cls: type[Source], pairs: list[str]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--option {pair!r}: write KEY=VALUE, e.g. --option max_articles=5")
        try:  # values are TOML, so numbers and booleans keep their type
            raw[name.strip()] = tomllib.loads(f"v = {value}")["v"]
        except tomllib.TOMLDecodeError:
            raw[name.strip()] = value
    keys = cls.keys + tuple(k for k in cls.all_keys() if k.name in _POLITENESS)
    values, problems = check_table(raw, keys, f"--kind {cls.kind} --option")
    if problems:
        raise SystemExit("\n".join(problems))
    return values


async def _collect(kind: str, url: str, target: Target, options: dict[str, Any]) -> list[tuple[str, Extraction]]:
    cls = Source.registry[kind]
    async with Fetcher(FetchSettings(host_delay=0.0)) as fetcher:
        result = await cls(url, options).collect(Context(fetcher=fetcher), [target], SourceState())
    if result.status == "failed":
        raise SystemExit(f"could not read {url}: {result.reason}")
    return [(o.document_url, o.extraction) for o in result.observations]


def extract_command(args: argparse.Namespace) -> int:
    target = Target(args.title, args.season, tuple(args.alias), args.target_kind)
    kind = args.kind
    if kind not in Source.registry:
        raise SystemExit(f"unknown --kind {kind!r}: write one of {', '.join(sorted(Source.registry))}")
    is_url = args.source.startswith(("http://", "https://"))
    if is_url:
        found = asyncio.run(_collect(kind, args.source, target, _options(Source.registry[kind], args.option)))
    elif kind != "page":
        raise SystemExit(f"--kind {kind} reads a URL; give an http(s) address, not a file")
    else:
        found = [(args.source, extract(parse_page(_read_page(args.source)), target))]

    if args.json:
        if len(found) == 1:
            print(json.dumps(_capped(found[0][1].to_json(args.explain)), ensure_ascii=False, indent=2))
        else:
            docs = [{"document": url, **_capped(ex.to_json(args.explain))} for url, ex in found]
            print(json.dumps({"title": target.title, "season": target.season, "documents": docs},
                             ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"{args.source}: nothing about {target.label} in this source")
    for url, extraction in found:
        if len(found) > 1:
            print(f"== {url}")
        print("\n".join(_cap(line, MAX_EVIDENCE + 40) for line in format_extraction(extraction, args.explain)
                        .splitlines()))
    return 0


# Page text quoted as evidence is capped as alerts cap it: a page may hold one
# sentence of a megabyte, and a terminal (or a tool reading --json) gains nothing from it.
_QUOTED = frozenset({"evidence", "text", "headline", "trailer_evidence"})


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _capped(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _cap(v, MAX_EVIDENCE) if k in _QUOTED and isinstance(v, str) else _capped(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_capped(v) for v in value]
    return value
