"""Masking secrets in anything that is printed or logged."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

# Parameter names containing one of these hold credentials (api_key, apiKey,
# access_token, X-Amz-Signature, sessionid...): their values are masked.
SECRET_KEY_PARTS = ("key", "token", "secret", "pass", "auth", "sig", "session", "credential")

# user:password@ in URLs, and query values whose names say they are secret.
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@/\s]+)@", re.I)
_SECRET_QUERY = re.compile(
    r"(?P<name>[?&#][^=&#\s]*(?:" + "|".join(SECRET_KEY_PARTS) + r")[^=&#\s]*=)(?P<value>[^&#\s]+)",
    re.I,
)


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """Replace known secret values, URL passwords and secret query values with ``****``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "****")
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:****@", text)
    return _SECRET_QUERY.sub(lambda m: f"{m['name']}****", text)


def redact_url(url: str) -> str:
    """``url`` safe to log: secret-looking query and fragment values and any password masked."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable url>"
    netloc = parts.netloc
    if "@" in netloc:  # user:password@host
        netloc = "***@" + netloc.rpartition("@")[2]
    # OAuth-style fragments (#access_token=...) are masked like query strings.
    query, fragment = _mask_pairs(parts.query), _mask_pairs(parts.fragment)
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def _mask_pairs(text: str) -> str:
    pairs = []
    for pair in text.split("&") if text else []:
        name, sep, _value = pair.partition("=")
        if sep and any(p in name.lower() for p in SECRET_KEY_PARTS):
            pair = f"{name}=***"
        pairs.append(pair)
    return "&".join(pairs)
