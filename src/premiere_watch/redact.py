"""Masking secrets in anything that is printed or logged."""

from __future__ import annotations

import re
from collections.abc import Iterable

# user:password@ in URLs, and query values whose names say they are secret.
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@/\s]+)@", re.I)
_SECRET_QUERY = re.compile(
    r"(?P<name>[?&](?:api_?key|key|token|access_token|secret|password|pass|apikey|auth)=)(?P<value>[^&#\s]+)",
    re.I,
)


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """Replace known secret values, URL passwords and secret query values with ``****``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "****")
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:****@", text)
    return _SECRET_QUERY.sub(lambda m: f"{m['name']}****", text)
