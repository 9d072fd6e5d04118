"""Docs name only commands and files that exist (issue 14 item 16).

README examples are run by test_readme.py; this reaches what that does not:
`premiere-watch keys` output and every docstring in the package.  A command
named ``premiere-watch WORD`` must be a sub-command; a file or folder named
like ``notify.py``, ``DESIGN.md`` or ``sources/`` must exist — in the
checkout, the package, the module's own folder, or beside the checkout.
"""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

from premiere_watch.cli import build_parser
from premiere_watch.report import keys_text

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "premiere_watch"
# A command as code shows it: after a backtick or a shell prompt (prose says "premiere-watch holds").
COMMAND = re.compile(r"(?:`|\$ )premiere-watch ([a-z][a-z-]*)\b")
# A source file or doc (notify.py, DESIGN.md, ../shared/tools/x.py), or a folder in backticks (`sources/`).
PATH = re.compile(r"(?<![\w/.:-])((?:\.\./)?(?:[\w-]+/)*[\w-]+\.(?:py|md))(?![\w/])|`((?:[\w-]+/)+)`")
SEARCHED = ("src/premiere_watch", "tests", "benchmarks")
# Drift in code another engineer is rewriting, reported to them; an entry that is fixed must go.
KNOWN: dict[str, str] = {}


def _subcommands() -> set[str]:
    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return set(commands.choices)


def _docstrings() -> list[tuple[str, str]]:
    """(where, text) of every module, class and function docstring in the package."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text())
        for node in [tree, *ast.walk(tree)]:
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    name = getattr(node, "name", "module")
                    out.append((f"{path.relative_to(ROOT)}:{name}", doc))
    return out


TEXTS = [("keys output", keys_text()), ("README.md", (ROOT / "README.md").read_text()), *_docstrings()]


def _exists(name: str, where: str) -> bool:
    module_dir = (ROOT / where.split(":")[0]).parent
    if any((base / name).exists() for base in (ROOT, PACKAGE, module_dir, ROOT.parent)):
        return True
    # A bare name may live anywhere in the project ("receipts.py" from the ledger's doc, "run.py").
    return "/" not in name.rstrip("/") and any(any((ROOT / d).rglob(name.rstrip("/"))) for d in SEARCHED)


def _paths(text: str) -> list[str]:
    return [file or folder for file, folder in PATH.findall(text)]


def test_named_commands_exist() -> None:
    commands = _subcommands()
    unknown = sorted({f"{where}: premiere-watch {name}" for where, text in TEXTS
                      for name in COMMAND.findall(text) if name not in commands})
    assert not unknown, "docs name commands that do not exist:\n" + "\n".join(unknown)


def test_named_files_exist() -> None:
    missing = sorted({f"{where}: {name}" for where, text in TEXTS for name in _paths(text)
                      if not _exists(name, where)})
    unexpected = [m for m in missing if m not in KNOWN]
    assert not unexpected, "docs name files that do not exist:\n" + "\n".join(unexpected)
    assert set(KNOWN) <= set(missing), f"fixed since, remove from KNOWN: {sorted(set(KNOWN) - set(missing))}"
