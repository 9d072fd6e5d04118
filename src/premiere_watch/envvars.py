"""``${VAR}`` in watchlist strings: the environment's value, placed safely.

``$${VAR}`` is a literal ``${VAR}``.  ``${}``, ``${1X}`` or a ``${`` that is
never closed is a mistake, reported with its fix rather than left as text.

In a URL (a string that starts with ``scheme://``) each value is
percent-encoded for the part of the URL it lands in, so a password holding
``/``, ``@``, ``#`` or ``?`` stays a password instead of sending the message
to another host, and a token holding ``&`` stays one query value.  Only the
characters that would move a boundary are encoded, so a value that is
already percent-encoded is kept as it is.  A value that lands in the host
and holds such a character cannot be placed safely: it is reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

_TOKEN = re.compile(r"\$\$|\$\{(?P<body>[^}]*)(?P<close>\}?)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")

# Characters left as they are, per part of a URL: everything but what ends that part.
_SAFE = {
    "userinfo": "!$&'()*+,;=%",  # not ':': Apprise splits user and password at any ':'
    "path": "/!$&'()*+,;=:@%",
    "query": "/?!$'()*,;=:@%",
    "fragment": "/?!$&'()*+,;=:@%",
}
_HOST_BREAKERS = "/?#@\\ "


@dataclass
class Expanded:
    """A string with its ``${VAR}``s replaced, and what that took."""

    text: str
    values: list[str] = field(default_factory=list)  # the values as read and as placed (secrets to mask)
    problems: list[str] = field(default_factory=list)  # each a fix, naming the variable


def expand(raw: str, environ: Mapping[str, str]) -> Expanded:
    """Replace every ``${VAR}`` in ``raw`` from ``environ``."""
    if "$" not in raw:  # every token starts with "$": the common string has none to replace
        return Expanded(raw)
    out = Expanded("")
    parts = _url_parts(raw)

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        body, closed = m.group("body"), bool(m.group("close"))
        if not closed:
            out.problems.append(f'"${{{body[:20]}" is never closed — write ${{NAME}}, or $${{ for a literal "${{"')
            return m.group(0)
        if not _NAME.fullmatch(body):
            out.problems.append(f'"${{{body}}}" is not a variable name — write ${{NAME}} with letters, digits '
                                'and _, not starting with a digit (or $${ for a literal "${")')
            return m.group(0)
        if body not in environ:
            out.problems.append(f"environment variable ${{{body}}} is not set — export {body}=... "
                                "before running, or write the value in the file")
            return ""
        value = environ[body]
        part = parts(m.start())
        if part == "host" and any(c in value for c in _HOST_BREAKERS):
            out.problems.append(f"${{{body}}} is in the URL's host but its value holds one of / ? # @ \\ or a "
                                "space, which would send it elsewhere — move it to the path or query, or "
                                "percent-encode it in the variable")
            return ""
        placed = quote(value, safe=_SAFE[part]) if part in _SAFE else value
        out.values += [value, placed]
        return placed

    out.text = _TOKEN.sub(sub, raw)
    return out


def uses_variables(raw: str) -> bool:
    """Whether ``raw`` reads at least one ``${NAME}`` from the environment."""
    return "$" in raw and any(m.group(0) != "$$" and m.group("close") and _NAME.fullmatch(m.group("body"))
               for m in _TOKEN.finditer(raw))


def _url_parts(raw: str) -> _PartAt:
    """Which part of the URL ``raw`` each offset is in ("" when ``raw`` is not a URL)."""
    scheme = _SCHEME.match(raw)
    if scheme is None:
        return _PartAt([])
    start = scheme.end()
    # ${VAR} references hold none of / ? # @, so the raw text's delimiters are the URL's.
    authority_end = _first(raw, "/?#", start)
    at = raw.rfind("@", start, authority_end)
    path_end = _first(raw, "?#", authority_end)
    query_end = _first(raw, "#", path_end)
    spans = [(start, at, "userinfo")] if at >= 0 else []
    spans += [(max(start, at + 1), authority_end, "host"), (authority_end, path_end, "path"),
              (path_end, query_end, "query"), (query_end, len(raw), "fragment")]
    return _PartAt(spans)


def _first(text: str, chars: str, start: int) -> int:
    hits = [i for i in (text.find(c, start) for c in chars) if i >= 0]
    return min(hits) if hits else len(text)


@dataclass
class _PartAt:
    spans: list[tuple[int, int, str]]

    def __call__(self, offset: int) -> str:
        return next((part for start, end, part in self.spans if start <= offset < end), "")
