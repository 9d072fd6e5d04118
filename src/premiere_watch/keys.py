"""Declarative TOML keys: one table drives validation, defaults and help text.

Every section of the watchlist (``[settings]``, ``[[notifier]]``,
``[[watch]]``, each source kind) declares its keys as a tuple of
:class:`Key`.  :func:`check_table` validates a TOML table against them and
returns the values with defaults filled in, or problems phrased as the fix
an operator should make.  Because help text and validation read the same
declaration, they cannot drift apart.

Every key gets the checks of its type for free, before its own ``check``:
strings are not empty and hold no line breaks or control characters (unless
``multiline``), numbers are finite, and numbers stay within ``min``/``max``
(shown in the help text).  A new key only declares what is special about it.
"""

from __future__ import annotations

import builtins
import difflib
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

REQUIRED: Any = object()

# Unicode's control characters (category Cc) are exactly these 65 code points, a set its
# stability policy keeps fixed: one regex scan finds them, not a category lookup per character.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

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
    min: float | None = None  # numbers: the smallest value allowed
    max: float | None = None  # numbers: the largest value allowed
    multiline: bool = False  # strings: line breaks allowed (templates)

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
        """One line of help: name, type, range, default and what it is for."""
        default = "" if self.required else f"; default {self.default!r}" if self.default is not None else ""
        need = "required" if self.required else "optional"
        bounds = f", {self.range_text()}" if self.min is not None or self.max is not None else ""
        return f"{self.name} ({self.type_name()}{bounds}, {need}{default}): {self.help}"

    def range_text(self) -> str:
        low, high = (_number(b) for b in (self.min, self.max))
        if self.min is not None and self.max is not None:
            return f"{low} to {high}"
        return f"at least {low}" if self.min is not None else f"at most {high}"

    def type_problem(self, value: Any) -> str | None:
        """What is wrong with ``value`` for any key of this type (the fix), or None."""
        if isinstance(value, str):
            if not value.strip():
                return "it is empty: write a value, or remove the line to use the default"
            bad = next((c for c in CONTROL.findall(value) if not (self.multiline and c in "\n\t")), None)
            if bad is not None:
                what = "a line break" if bad in "\r\n" else "a control character"
                return f"it holds {what}: write it on one line, without control characters"
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        whole = "a whole number" if isinstance(value, int) else "a number"
        if not math.isfinite(value) or (self.min is not None and value < self.min) or (
                self.max is not None and value > self.max):
            bounded = self.min is not None or self.max is not None
            return f"use {whole} {self._range_words()}" if bounded else "use a finite number"
        return None

    def _range_words(self) -> str:
        text = self.range_text()
        return f"from {text}" if self.min is not None and self.max is not None else text


def _number(value: float | None) -> str:
    """5_000_000 as TOML writes it; 0.5 as itself."""
    if value is None:
        return ""
    if not float(value).is_integer():
        return f"{value:g}"
    return f"{int(value):_}" if abs(value) >= 10_000 else str(int(value))


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
            allowed = f'allowed: {", ".join(known)}' if known else "it takes no keys"
            problems.append(f'{where}: unknown key "{name}" — {hint} ({allowed})')
            continue
        if not key.accepts(value):
            problems.append(
                f'{where}: "{name}" must be {key.type_name()}, not {_TYPE_NAMES.get(type(value), type(value).__name__)}'
                f"{f' — for example {name} = {key.example}' if key.example else ''}"
            )
            continue
        if isinstance(value, int) and not isinstance(value, bool) and float in key.types:
            value = float(value)
        fix = key.type_problem(value) or (key.check(value) if key.check is not None else None)
        if fix:
            shown = _shown(value)
            # A fix that already quotes the value ('cannot read "6 hours" as a duration') reads alone.
            problems.append(f'{where}: "{name}": {fix}' if shown in fix
                            else f'{where}: "{name}" = {shown} is not valid — {fix}')
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


def _shown(value: Any) -> str:
    """A value as the problem line quotes it: TOML-like, one line, not a megabyte."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)  # TOML's basic strings escape the same way
    elif isinstance(value, bool):
        text = str(value).lower()
    else:
        text = repr(value) if not isinstance(value, float) or math.isfinite(value) else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def help_text(title: str, keys: Sequence[Key], doc: str = "") -> str:
    lines = [title]
    if doc:
        lines.append(f"  {doc}")
    lines += [f"  {key.describe()}" for key in keys]
    return "\n".join(lines)
