"""Time the page model and extraction: median and p95 ms per page.

    .venv/bin/python benchmarks/bench_extract.py [CORPUS_DIR] [--repeat N]

Measures ``parse_page`` and ``extract`` separately on every corpus page (with
its own target from expect.toml) and on a synthetic ~100 KB article page, so
a regression shows which half got slower.  Prints figures only; tests never
assert timings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

from premiere_watch.extract import clear_caches, extract, parse_page
from premiere_watch.model import Kind, Target

# The labelled corpus lives in shared/, beside this checkout (CI lays it out the same way).
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _target(expect: dict[str, object]) -> Target:
    season = expect.get("season")
    aliases = expect.get("aliases") or []
    kind: Kind = "tv" if expect.get("kind", "tv") == "tv" else "film"
    return Target(str(expect["title"]), int(season) if isinstance(season, int) else None,
                  tuple(str(a) for a in aliases) if isinstance(aliases, list) else (), kind)


def synthetic_page(size: int = 100_000) -> tuple[bytes, Target]:
    """A ~100 KB news page shaped like the corpus's big pages: inline CSS and ad/state
    scripts, a mega-menu, a ~12 KB article with dates for this and other titles, an
    embedded teaser, a rail, a comment thread and a footer."""
    css = "".join(f".c{i}{{margin:{i % 9}px;padding:{i % 7}px;color:#{i * 2654435761 % 16777216:06x}}}\n"
                  for i in range(500))
    state = "window.__STATE__=" + ",".join(
        f'{{"id":{i},"title":"Other Show {i}","date":"2026-{i % 12 + 1:02d}-{i % 27 + 1:02d}"}}' for i in range(260))
    nav = "".join(f'<li><a href="/s/{i}">Section {i}</a><ul>' + "".join(
        f'<li><a href="/s/{i}/{k}">Topic {i}.{k}</a></li>' for k in range(8)) + "</ul></li>" for i in range(12))
    body = []
    for i in range(24):
        if i % 6 == 0:
            body.append(f"<h2>What we know, part {i // 6 + 1}</h2>")
        body.append(
            f"<p>Netflix confirmed that Stellar Drift season 2 premieres Friday, March {i % 27 + 1}, 2026, "
            f"after the first season debuted on June 3, 2024 and drew {i + 3} million views. Meanwhile "
            f"<em>Harbor Lights</em> returns in fall 2026, and fans speculate about a trailer next month; "
            f"the cast reunited in Vancouver for {i + 10} weeks of shooting.</p>")
    rail = "".join(f"<li><a href='/x/{k}'>Other Show {k} season {k % 5 + 1} premieres Oct. {k % 28 + 1}</a></li>"
                   for k in range(60))
    comments = "".join(f"<div class='comment'><p>user{k} · Nov {k % 28 + 1}</p><p>I bet it comes out in "
                       f"{2026 + k % 3}, the trailer looked great.</p></div>" for k in range(60))
    html = (f"<html><head><meta property='article:published_time' content='2025-11-02T10:00:00Z'>"
            f"<title>Stellar Drift season 2 date</title><style>{css}</style><script>{state}</script></head>"
            f"<body><header><nav><ul>{nav}</ul></nav></header>"
            f"<main><article><h1>Stellar Drift Season 2 Gets a March Premiere</h1>{''.join(body)}"
            f"<iframe src='https://www.youtube.com/embed/abcdefghijk' title='Stellar Drift: Season 2 | Official "
            f"Teaser'></iframe></article><aside class='sidebar'><ul>{rail}</ul></aside>"
            f"<section class='comments'>{comments}</section></main><footer>© 2025 Example</footer></body></html>")
    data = html.encode()
    if len(data) < size:  # pad with script payload, as ad stacks do
        data = data.replace(b"</head>", b"<script>var pad='" + b"x" * (size - len(data)) + b"';</script></head>")
    return data, Target("Stellar Drift", 2, (), "tv")


def _time(fn: object, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _report(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    print(f"{label:<34} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms   n={len(samples)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    pages: list[tuple[str, bytes, Target]] = []
    corpus = Path(args.corpus)
    if corpus.is_dir():
        for case in sorted(p for p in corpus.iterdir() if (p / "expect.toml").exists()):
            expect = tomllib.loads((case / "expect.toml").read_text())
            pages.append((case.name, (case / "page.html").read_bytes(), _target(expect)))
    else:
        print(f"(no corpus at {corpus}; synthetic page only)", file=sys.stderr)
    synth_html, synth_target = synthetic_page()

    # Warm up imports and regex compilation once, outside the measurements.
    extract(parse_page(synth_html), synth_target)

    parse_ms: list[float] = []
    extract_ms: list[float] = []
    total_ms: list[float] = []
    for _name, html, target in pages:
        for _ in range(args.repeat):
            clear_caches()  # every run cold, as for a newly fetched page
            t0 = time.perf_counter()
            page = parse_page(html)
            t1 = time.perf_counter()
            extract(page, target)
            t2 = time.perf_counter()
            parse_ms.append((t1 - t0) * 1000)
            extract_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)
    if pages:
        print(f"corpus: {len(pages)} pages x {args.repeat}")
        _report("corpus parse_page", parse_ms)
        _report("corpus extract", extract_ms)
        _report("corpus parse+extract", total_ms)

    print(f"synthetic page: {len(synth_html) / 1000:.0f} KB")
    _report("synthetic parse_page", _time(lambda: parse_page(synth_html), args.repeat * 4))
    cold: list[float] = []
    for _ in range(args.repeat * 4):
        clear_caches()
        page = parse_page(synth_html)  # fresh page: no per-page cache carried over
        cold.append(_time(lambda page=page: extract(page, synth_target), 1)[0])
    _report("synthetic extract (first target)", cold)
    _report("synthetic extract (next targets)", _time(lambda: extract(page, synth_target), args.repeat * 4))
    return 0


if __name__ == "__main__":
    sys.exit(main())
