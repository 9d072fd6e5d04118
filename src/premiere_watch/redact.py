"""Secrets: what counts as one, and masking them in anything printed, logged or stored.

One notion of a secret, one mask (:data:`MASK`), one function per job:

* :func:`secret_name` — does a key or parameter name say its value is a
  credential (``api_key``, ``X-Amz-Signature``, ``sessionid``...)?
* :func:`mask_secrets` — free text (a log line, an error, a stored reason)
  with every known secret masked in every form it can take once a parser,
  a library or a server has handled it: another case (hosts are lowered),
  percent-encoded, form-encoded, HTML- or JSON-escaped; plus URL passwords
  and the values of secret-named parameters.
* :func:`redact_url` — a web address safe to log (password and secret-named
  query and fragment values masked).  Notifier targets are shown with
  Apprise's own privacy form: ``notify.redact_target``.
* :func:`url_secrets` — the pieces of an Apprise URL that may be
  credentials, for masking what a notification service answers.
"""

from __future__ import annotations

import functools
import html
import json
import re
import urllib.parse
from collections.abc import Collection, Iterable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

MASK = "****"

# Parameter and key names containing one of these hold credentials (api_key, apiKey,
# access_token, X-Amz-Signature, sessionid, client_credential...): their values are masked.
SECRET_KEY_PARTS = ("key", "token", "secret", "pass", "auth", "sig", "session", "credential")

# Secrets shorter than this are not searched for in free text: "ab" would mask half a sentence.
MIN_SECRET = 3

# user:password@ in URLs, and query values whose names say they are secret.
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@/\s]+)@", re.I)
_SECRET_QUERY = re.compile(
    r"(?P<name>[?&#][^=&#\s]*(?:" + "|".join(SECRET_KEY_PARTS) + r")[^=&#\s]*=)(?P<value>[^&#\s]+)",
    re.I,
)
_HOSTNAME = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def secret_name(name: str) -> bool:
    """True when a key or parameter called ``name`` holds a credential."""
    lowered = name.lower()
    return any(part in lowered for part in SECRET_KEY_PARTS)


def secret_forms(secret: str) -> set[str]:
    """``secret`` as it may appear after parsing: encoded, decoded or escaped.

    Case is handled by the matching (:func:`mask_secrets` ignores it), so a
    host name lowered by a URL parser is masked too.
    """
    forms = {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote(secret),
        urllib.parse.quote_plus(secret),
        urllib.parse.unquote(secret),
        urllib.parse.unquote_plus(secret),
        html.escape(secret),
        json.dumps(secret)[1:-1],
    }
    return {f for f in forms if len(f) >= MIN_SECRET}


@functools.lru_cache(maxsize=64)
def _secrets_pattern(secrets: frozenset[str]) -> re.Pattern[str] | None:
    forms = {form for secret in secrets if len(secret) >= MIN_SECRET for form in secret_forms(secret)}
    if not forms:
        return None
    # Longest first, so a secret that contains another is masked whole.
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)), re.I)


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with known secrets (in any form), URL passwords and secret query values masked."""
    pattern = _secrets_pattern(frozenset(secrets))
    if pattern is not None:
        text = pattern.sub(MASK, text)
    # Each pattern needs its character ("@", or a "?", "&" or "#" before a name): most text
    # (a page's URL, an empty reason) has none, and is not scanned (pipeline.py masks each read's).
    if "@" in text:
        text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", text)
    if "?" in text or "&" in text or "#" in text:
        text = _SECRET_QUERY.sub(lambda m: f"{m['name']}{MASK}", text)
    return text


def mask_fields(data: Any, secrets: Iterable[str], fields: Collection[str]) -> Any:
    """JSON-like ``data`` with the string values of the keys named in ``fields`` masked, at any depth.

    For what is stored: only text and URLs are masked, never keys, dates or
    ids, which a short secret could otherwise match.
    """
    if isinstance(data, dict):
        return {k: mask_secrets(v, secrets) if k in fields and isinstance(v, str)
                else mask_fields(v, secrets, fields) for k, v in data.items()}
    if isinstance(data, list):
        return [mask_fields(v, secrets, fields) for v in data]
    return data


def redact_url(url: str) -> str:
    """A web address safe to log: any password and secret-named query and fragment values masked."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable url>"
    netloc = parts.netloc
    if "@" in netloc:  # user:password@host
        netloc = f"{MASK}@" + netloc.rpartition("@")[2]
    # OAuth-style fragments (#access_token=...) are masked like query strings.
    query, fragment = _mask_pairs(parts.query), _mask_pairs(parts.fragment)
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def _mask_pairs(text: str) -> str:
    pairs = []
    for pair in text.split("&") if text else []:
        name, sep, _value = pair.partition("=")
        if sep and secret_name(name):
            pair = f"{name}={MASK}"
        pairs.append(pair)
    return "&".join(pairs)


def url_secrets(url: str) -> list[str]:
    """The parts of an Apprise URL that may be credentials, to mask in what services answer.

    Apprise puts tokens anywhere: password, user, even the "host"
    (``tgram://BOTTOKEN/chat``), path segments (``discord://id/token``) and
    query values.  Every piece of 6+ characters that is not a dotted host
    name or an e-mail address counts; the password counts at any length.
    """
    _, _, rest = url.partition("://")
    rest = rest.split("#", 1)[0]
    location, _, query = rest.partition("?")
    found = [p for p in re.split(r"[/@:]", location) if len(p) >= 6 and not _HOSTNAME.match(p)]
    try:
        password = urllib.parse.urlsplit(url).password
    except ValueError:
        password = None
    if password and len(password) >= MIN_SECRET:
        found.append(password)
    found += [v for _, v in urllib.parse.parse_qsl(query) if len(v) >= 6 and "@" not in v
              and not _HOSTNAME.match(v)]
    return sorted({*found, *(urllib.parse.unquote(f) for f in found)}, key=len, reverse=True)
