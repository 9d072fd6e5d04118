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
from premiere_watch.model import Extraction, Target
from premiere_watch.sources import Context, Source, SourceState


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
    values, problems = check_table(raw, cls.keys, f"--kind {cls.kind}")
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
        if args.source == "-":
            html = sys.stdin.buffer.read()
        else:
            path = Path(args.source)
            if not path.is_file():
                raise SystemExit(f"no such file: {path} — give a file path, - for standard input, or a URL")
            html = path.read_bytes()
        found = [(args.source, extract(parse_page(html), target))]

    if args.json:
        if len(found) == 1:
            print(json.dumps(found[0][1].to_json(args.explain), ensure_ascii=False, indent=2))
        else:
            docs = [{"document": url, **ex.to_json(args.explain)} for url, ex in found]
            print(json.dumps({"title": target.title, "season": target.season, "documents": docs},
                             ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"{args.source}: nothing about {target.label} in this source")
    for url, extraction in found:
        if len(found) > 1:
            print(f"== {url}")
        print(format_extraction(extraction, args.explain))
    return 0
