"""The installed CLI, run as a user would: ``run_cli`` and the argv it builds.

``tests/conftest.py`` imports the fixture; test modules annotate it as
``run_cli: RunCli`` so mypy checks every call.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

CLI = Path(sys.executable).parent / "premiere-watch"


def cli_argv(*args: str) -> list[str]:
    """The installed console script when there is one, else ``python -m premiere_watch``."""
    if CLI.exists():
        return [str(CLI), *args]
    return [sys.executable, "-m", "premiere_watch", *args]


class RunCli(Protocol):
    def __call__(self, *args: str, env: dict[str, str | None] | None = None, timeout: float = 60,
                 input: str | None = None) -> subprocess.CompletedProcess[str]: ...


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run ``premiere-watch ARGS`` as a user would; returns the completed process."""

    def run(*args: str, env: dict[str, str | None] | None = None, timeout: float = 60,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
        """``env`` adds variables; a value of None removes one."""
        merged: dict[str, str | None] = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), **(env or {})}
        full_env = {k: v for k, v in merged.items() if v is not None}
        return subprocess.run(cli_argv(*args), capture_output=True, text=True, env=full_env,
                              timeout=timeout, cwd=tmp_path, input=input)

    return run
