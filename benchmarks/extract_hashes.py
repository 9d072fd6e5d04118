"""A sha256 of ``premiere-watch extract --json`` for every labelled page: speed work must not move them.

    .venv/bin/python benchmarks/extract_hashes.py > /tmp/after.txt
    PYTHONPATH=/tmp/pw-before/src .venv/bin/python benchmarks/extract_hashes.py > /tmp/before.txt
    diff /tmp/before.txt /tmp/after.txt && echo identical

Runs the installed program as a user would, once per case of ``../shared/corpus/dev``
and ``val`` (or the folders given), with the title, season, aliases and kind of its
``expect.toml``.  Prints ``<folder>/<case> <sha256 of stdout> <exit code>`` and nothing of
the output itself, so val pages are measured without being read by anyone.
A snapshot on ``PYTHONPATH`` (``git archive COMMIT | tar -x -C DIR``) is what runs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def argv(case: Path) -> list[str]:
    expect = tomllib.loads((case / "expect.toml").read_text())
    out = [sys.executable, "-m", "premiere_watch", "extract", str(case / "page.html"),
           "--title", str(expect["title"]), "--json"]
    if "season" in expect:
        out += ["--season", str(expect["season"])]
    for alias in expect.get("aliases", []):
        out += ["--alias", str(alias)]
    if expect.get("kind") == "film":
        out.append("--film")
    return out


def digest(case: Path) -> str:
    run = subprocess.run(argv(case), capture_output=True, timeout=300, env=os.environ.copy(),
                         stdin=subprocess.DEVNULL)
    return f"{case.parent.name}/{case.name} {hashlib.sha256(run.stdout).hexdigest()} {run.returncode}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "dev", CORPUS / "val"])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    cases = [c for folder in args.folders for c in sorted(folder.iterdir())
             if (c / "page.html").is_file() and (c / "expect.toml").is_file()]
    if not cases:
        print(f"no cases under {', '.join(map(str, args.folders))}", file=sys.stderr)
        return 1
    with ThreadPoolExecutor(args.jobs) as pool:
        for line in pool.map(digest, cases):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
