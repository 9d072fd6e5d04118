"""Who releases titles: streamers, networks and studios, named once.

Several rules must not mistake a company for a title ("Netflix confirmed ...",
"Focus Features opens ..."), nor a service launching itself for a title's
release ("Peacock launches next Wednesday"); they all read these names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["NETWORKS", "STREAMERS", "STUDIOS", "alternation"]

STREAMERS = ("Netflix", "HBO Max", "Max", "Hulu", "Prime Video", "Disney+", "Apple TV+", "Apple TV", "Paramount+",
             "Peacock", "Crunchyroll", "Funimation", "Quibi", "Showtime", "Starz")
NETWORKS = ("HBO", "NBC", "CBS", "ABC", "Fox", "FX", "AMC", "The CW", "CW", "BBC One", "BBC Two", "BBC Three", "BBC",
            "ITV", "Channel 4", "Sky")
STUDIOS = ("Amazon MGM", "Amazon", "Apple", "Disney", "Paramount", "Universal", "Warner Bros.", "Warner Bros",
           "Warner", "WB", "Sony Pictures", "Sony", "Lionsgate", "A24", "Neon", "Focus Features", "Searchlight",
           "Marvel Studios", "Marvel", "DC Studios", "DC", "Lucasfilm", "Pixar", "DreamWorks", "Legendary", "MGM")


def alternation(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, escaped, longest first ("HBO Max" before "HBO")."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
