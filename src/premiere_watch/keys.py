"""Declarative TOML keys: one table drives validation, defaults and help text.

Every section of the watchlist (``[settings]``, ``[[notifier]]``,
``[[watch]]``, each source kind) declares its keys as a tuple of
:class:`Key`.  :func:`check_table` validates a TOML table against them and
returns the values with defaults filled in, or problems phrased as the fix
an operator should make.  Because help text and validation read the same
declaration, they cannot drift apart.
"""

from __future__ import annotations

import builtins
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

REQUIRED: Any = object()

_TYPE_NAMES: dict[type, str] = {
    str: "a string", int: "an integer", float: "a number", bool: "true or false",
    list: "a list", dict: "a table",
}


@dataclass(frozen=True)
class Key:
    """One key a TOML table accepts."""

    name: str
    type: type | tuple[type, ...]
    help: str
    default: Any = REQUIRED
    # Returns what to write instead when the value is wrong, or None when fine.
    check: Callable[[Any], str | None] | None = None
    secret: bool = False  # comes from ${VAR}; masked in every log line and output
    example: str = ""  # a TOML value shown in help, e.g. '"6h"'

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def types(self) -> tuple[builtins.type, ...]:
        return self.type if isinstance(self.type, tuple) else (self.type,)

    def type_name(self) -> str:
        return " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in self.types)

    def accepts(self, value: Any) -> bool:
        # TOML gives bool for true/false, which Python also counts as int.
        if isinstance(value, bool):
            return bool in self.types
        if isinstance(value, int) and float in self.types:
            return True
        return isinstance(value, self.types)

    def describe(self) -> str:
        """One line of help: name, type, default and what it is for."""
        default = "" if self.required else f"; default {self.default!r}" if self.default is not None else ""
        need = "required" if self.required else "optional"
        return f"{self.name} ({self.type_name()}, {need}{default}): {self.help}"


def check_table(
    table: Mapping[str, Any], keys: Sequence[Key], where: str
) -> tuple[dict[str, Any], list[str]]:
    """Validate ``table`` against ``keys``; return (values with defaults, problems)."""
    known = {k.name: k for k in keys}
    problems: list[str] = []
    values: dict[str, Any] = {}
    for name, value in table.items():
        key = known.get(name)
        if key is None:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f'did you mean "{close[0]}"?' if close else "remove it"
            problems.append(
                f'{where}: unknown key "{name}" — {hint} (allowed: {", ".join(known)})'
            )
            continue
        if not key.accepts(value):
            problems.append(
                f'{where}: "{name}" must be {key.type_name()}, not {_TYPE_NAMES.get(type(value), type(value).__name__)}'
                f"{f' — for example {name} = {key.example}' if key.example else ''}"
            )
            continue
        if isinstance(value, int) and not isinstance(value, bool) and float in key.types:
            value = float(value)
        if key.check is not None and (fix := key.check(value)):
            problems.append(f'{where}: "{name}" = {value!r} is not valid — {fix}')
            continue
        values[name] = value
    for key in keys:
        if key.name in values or any(p.startswith(f'{where}: "{key.name}"') for p in problems):
            continue
        if key.required:
            example = f" (for example {key.name} = {key.example})" if key.example else ""
            problems.append(f'{where}: missing "{key.name}" — add it{example}: {key.help}')
        else:
            values[key.name] = key.default
    return values, problems


def help_text(title: str, keys: Sequence[Key], doc: str = "") -> str:
    lines = [title]
    if doc:
        lines.append(f"  {doc}")
    lines += [f"  {key.describe()}" for key in keys]
    return "\n".join(lines)
