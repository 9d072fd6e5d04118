"""Who releases titles: streamers, networks and studios, named once.

Several rules must not mistake a company for a title ("Netflix confirmed ...",
"Focus Features opens ..."), nor a service launching itself for a title's
release ("Peacock launches next Wednesday"); they all read these names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["NETWORKS", "REGIONAL", "STREAMERS", "STUDIOS", "alternation"]

STREAMERS = ("Netflix", "HBO Max", "Max", "Hulu", "Prime Video", "Disney+", "Apple TV+", "Apple TV", "Paramount+",
             "Peacock", "Crunchyroll", "Funimation", "Quibi", "Showtime", "Starz", "BritBox", "Acorn TV", "Shudder",
             "AMC+", "MGM+", "BET+", "Tubi", "ITVX", "BBC iPlayer", "CBC Gem", "Crave", "Binge", "Showmax", "ZEE5",
             "JioCinema", "JioHotstar", "Disney+ Hotstar", "SonyLIV", "Viu", "iQiyi", "TVING", "Wavve", "Coupang Play",
             "U-Next", "Canal+", "Movistar Plus+", "Mubi")
NETWORKS = ("HBO", "NBC", "CBS", "ABC", "Fox", "FX", "AMC", "The CW", "CW", "BBC One", "BBC Two", "BBC Three", "BBC",
            "ITV", "Channel 4", "Sky")
STUDIOS = ("Amazon MGM", "Amazon", "Apple", "Disney", "Paramount", "Universal", "Warner Bros.", "Warner Bros",
           "Warner", "WB", "Sony Pictures", "Sony", "Lionsgate", "A24", "Neon", "Focus Features", "Searchlight",
           "Marvel Studios", "Marvel", "DC Studios", "DC", "Lucasfilm", "Pixar", "DreamWorks", "Legendary", "MGM",
           "Illumination", "Blumhouse", "Columbia Pictures", "New Line", "20th Century Studios", "Skydance", "Miramax",
           "Bleecker Street", "IFC Films", "Magnolia Pictures", "Studiocanal", "Toho", "Nintendo", "Sega", "Ubisoft",
           "Yash Raj Films", "Dharma Productions", "Hombale Films")


# A company's regional arm is the company: "Warner Bros. Brazil will release it on 13/11".
REGIONAL = (r"(?:\s+(?:Brazil|Brasil|India|Japan|Korea|Germany|France|Spain|Italy|Mexico|Canada|Australia|UK|U\.K\.|"
            r"US|U\.S\.|Latin America|Nordics?|Benelux|Asia|Europe|EMEA|International))?")


def alternation(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, escaped, longest first ("HBO Max" before "HBO")."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
