"""Finding the watched title (and its season) in running text.

Titles are matched on a punctuation- and case-tolerant form of every name the
operator gave, so "Mission: Impossible – Dead Reckoning Part One" also finds
"Mission Impossible Dead Reckoning Part One".  Two guards keep the match to
*this* title:

* a longer title that merely starts with ours ("Dune" inside "Dune: Part
  Two", "Hocus Pocus" vs "Hocus Pocus 2") is another work, found by looking
  at what follows the match;
* a title that is also a common word on the page ("Wish", "Us") only counts
  in its title case, not glued to other capitalised words ("Contact Us",
  "Disney Wish"), and only once the page uses it as a title somewhere
  (quoted, italic, or next to film/series words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from premiere_watch.extract.casefold import CaselessScan
from premiere_watch.extract.companies import NETWORKS, STREAMERS, STUDIOS, alternation
from premiere_watch.model import Target, normalize_title

_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "erste": 1, "ersten": 1, "erster": 1, "erstes": 1, "zweite": 2, "zweiten": 2, "zweiter": 2, "zweites": 2,
    "dritte": 3, "dritten": 3, "dritter": 3, "drittes": 3, "vierte": 4, "vierten": 4, "vierter": 4, "viertes": 4,
    "fünfte": 5, "fünften": 5, "fünfter": 5, "fünftes": 5, "sechste": 6, "sechsten": 6, "sechster": 6,
    "sechstes": 6,
    "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "sophomore": 2, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5,
    "eleven": 11, "twelve": 12, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15,
}


def _fold(text: str) -> str:
    """Accent-free text of the *same length*, so match offsets map back 1:1."""
    if text.isascii():
        return text
    # Only the non-ASCII characters change: re finds them, so the ASCII runs between them
    # (most of a text with a curly quote) are not walked character by character in Python.
    return _NON_ASCII.sub(_fold_char, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char_of(ch: str) -> str:
    base = [c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)]
    return base[0] if len(base) == 1 else ch


def _fold_char(m: re.Match[str]) -> str:
    return _fold_char_of(m.group())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    season: int | None = None  # "Stranger Things 5" style numbering right after a series title


_SEQUEL_TAIL = re.compile(
    r"(?:['’\"”]?\s+(?:sequel|follow-up|prequel|spin-?off|remake|reboot)s?\b)|"
    r"\s*(?:[:\-–—]\s*)?(?:part\s+(?P<part>two|three|four|five|six|ii+|iv|v|[2-9]|1\d)\b|chapter\s+\w+|"
    r"(?P<num>[2-9]|1\d)\b"
    r"(?!\s*(?:%|million|billion|years?|days?|weeks?|months?|hours?|minutes?|episodes?|[ap]\.?m\b|:|/|\.\d))|"
    r"(?P<roman>ii+|iv|v|vi+)\b|:\s*(?-i:(?=[A-Z]))"
    r"(?!(?:Season|Series|Part \w+ of|Official|Trailer|Teaser|Episode|"
    r"Chapter \w+ of|Volume|Vol|Release|Premiere|Date|Everything|What|When|Why|How|Who|The (?:Complete|Official)|"
    # A headline's colon: "Wonka: UK release date, cast and where to see it".
    r"UK|US|U\.S\.|Cast|Review|Watch|Here|News|Latest|Exclusive|Interview|First|Every|All|Is|Will|Does|Can|Should|"
    r"Where|Which|Fans|Netflix|HBO|Disney|Apple|Amazon|Prime|Hulu|Max|Paramount|Peacock|BBC|ITV|Sky|Streaming)"
    r"\b))",
    re.I,
)
# After a headline's "Name:", sentence case: a lowercase word among the first three.
# ... and "Palm Royale: Kristen Wiig's Apple TV+ Comedy Gets a Date": a person's work, described.
_HEADLINE_LABEL = re.compile(r":\s+[A-Z][\w'’-]*\s+(?:[A-Z][\w'’-]*\s+)?"
                             r"(?!(?:of|the|and|in|on|at|to|for|from|a|an|with|by|vs|or|nor)\b)[a-z]{3,}\b|"
                             r":\s+[A-Z][a-z]+\s+[A-Z][\w-]*['’]s\s")
_SEASON_NAMED = re.compile(r"\b(?:season|series)\s+\d", re.I)
_FOLLOW_OK = {"season", "seasons", "series", "part", "trailer", "teaser", "official", "premiere", "release",
              "is", "was", "will", "has", "and", "or", "the", "in", "on", "at", "first", "final", "new",
              "sequel", "director", "star", "cast", "returns", "arrives", "opens", "premieres", "debuts",
              "comes", "hits", "gets", "i", "ii", "iii", "netflix", "hbo", "max", "disney", "tv",
              "film", "movie", "drops", "lands", "date"}
_TITLE_CONTEXT = re.compile(r"\b(?:film|movie|series|show|sequel|feature|trailer|teaser|season|picture|"
                            r"animated|thriller|horror|comedy|drama|biopic|musical|documentary)\b", re.I)


_CASED_LINE = re.compile(r"[A-Z][a-z]+\W+\w+\W+[A-Z][a-z]+|[a-z]\W+[A-Z][a-z]")


def _lowercase_use(token: str, page: str) -> bool:
    """The page writes the one-word title as an ordinary word ("wish", "us") somewhere its
    writers capitalise names; an all-lowercase post ("the heartstopper account") proves
    nothing about the word, nor does a web address, a handle or a hashtag ("tv.example/ternwood",
    "@ternwood", "#ternwood")."""
    for m in re.finditer(rf"(?<![\w'’/@#.]){re.escape(token)}(?![\w/]|\.\w)", page):
        start = page.rfind("\n", 0, m.start()) + 1
        end = page.find("\n", m.end())
        line = page[start:end if end >= 0 else len(page)]
        if _CASED_LINE.search(line):
            return True
    return False


class TitleMatcher:
    """Finds mentions of one target in text."""

    def __init__(self, target: Target, page_text: str = "") -> None:
        self.target = target
        names: list[str] = []
        for name in target.names:
            for variant in _variants(name):
                if variant and normalize_title(variant) not in {normalize_title(n) for n in names}:
                    names.append(variant)
        self.names = names
        self._found: dict[str, list[Mention]] = {}  # the same sentence is asked about repeatedly
        self._patterns: list[tuple[str, re.Pattern[str], bool]] = []
        self._single: dict[str, bool] = {}  # a one-word name (normalised once, not per match)
        folded_page = _fold(page_text)
        for name in names:
            tokens = normalize_title(name).split()
            if not tokens:
                continue
            self._single[name] = len(tokens) == 1
            common = len(tokens) == 1 and _lowercase_use(tokens[0], folded_page)
            parts = [r"(?:and|&)" if t == "and" else re.escape(t) for t in tokens]
            body = r"[\W_]*".join(parts)
            if common:
                # Case matters for a common word: the title's own capitalisation.
                cased = _fold(name.strip())
                cased = re.sub(r"\s*\(.*?\)\s*", "", cased)
                pat = re.compile(rf"(?<![\w.])(?:{re.escape(cased)}|{re.escape(cased.upper())})(?![\w]|\.\w)")
            else:
                pat = re.compile(rf"(?<![\w]){body}(?!\w)", re.I)
            self._patterns.append((name, pat, common))
        # The page uses a common-word title as a title somewhere (quoted, near film words).
        self.established = not any(c for _, _, c in self._patterns) or self._established(page_text)

    def _established(self, page_text: str) -> bool:
        folded = _fold(page_text)
        for name, _pat, common in self._patterns:
            if not common:
                if re.search(re.escape(_fold(name)), folded, re.I):
                    return True
                continue
            cased = re.escape(_fold(name))
            if re.search(rf"['‘“\"]{cased}['’”\"]", folded):
                return True
            for m in re.finditer(rf"(?<![\w.]){cased}(?!\w)", folded):
                window = folded[max(0, m.start() - 40):m.end() + 40]
                if _TITLE_CONTEXT.search(window):
                    return True
        return False

    def rejoin(self, sentences: list[str]) -> list[str]:
        """Sentences the splitter cut inside one of the target's names ("Shazam! Fury of the
        Gods", "Mamma Mia! Here We Go Again"), put back together."""
        stops = [n for n in self.names if re.search(r"[!?]\s", n)]
        if not stops or len(sentences) < 2:
            return sentences
        out = [sentences[0]]
        for sentence in sentences[1:]:
            joined = f"{out[-1]} {sentence}"
            if any(re.search(re.escape(_fold(n)).replace(r"\ ", r"\s+"), _fold(joined), re.I) and not
                   re.search(re.escape(_fold(n)).replace(r"\ ", r"\s+"), _fold(out[-1]), re.I) for n in stops):
                out[-1] = joined
            else:
                out.append(sentence)
        return out

    def find(self, text: str) -> list[Mention]:
        """Mentions of the target in ``text`` (longest first where they overlap)."""
        hit = self._found.get(text)
        if hit is None:
            hit = self._found[text] = self._find(text)
        return hit

    def _find(self, text: str) -> list[Mention]:
        folded = _fold(text)
        found: list[Mention] = []
        title_case: bool | None = None  # computed only once something matches
        for name, pat, common in self._patterns:
            for m in pat.finditer(folded):
                if title_case is None:
                    title_case = is_title_case(folded)
                single = self._single[name]
                if single and _inside_longer_title(folded, m.start()):
                    continue  # "The Last of Us", "This Is Us" are not "Us"
                if title_case:
                    # Every word is capitalised in a headline, so capitals prove nothing: a
                    # one-word title must be marked there (quoted, possessive) or be followed
                    # by what follows a title ("Loki Season 2", "Barbie Teaser Trailer").
                    marked = _marked(folded, m.start(), m.end())
                    if common and not (self.established and (marked or _COMMON_TITLE_FOLLOW.match(folded, m.end()))):
                        continue
                    if single and not marked and not _HEADLINE_FOLLOW.match(folded, m.end()) \
                            and not _NETWORK_AFTER.match(folded, m.end()):
                        continue
                elif common:
                    if not self._common_ok(folded, m.start(), m.end()):
                        continue
                elif single and not self._proper_ok(folded, m.start(), m.end()):
                    continue
                if not title_case and folded.startswith("the ", m.start()) and len(name.split()) == 2:
                    continue  # "one more trip into the Wasteland": a place; the title is "The Wasteland"
                season = None
                tail = _SEQUEL_TAIL.match(folded, m.end())
                if tail and m.start() == 0 and _HEADLINE_LABEL.match(folded, m.end()) and \
                        not folded.rstrip().endswith((".", "!", "?")):
                    tail = None  # "Normal People: Sally Rooney adaptation gets April date": a headline's label
                if tail and not self._tail_is_ours(name, folded[m.start():max(tail.end(), m.end() + 60)]):
                    num = tail.group("num") or tail.group("roman") or tail.group("part")
                    if self.target.kind == "tv" and num:
                        # "Stranger Things 5", "Money Heist Part 5": a series numbers its seasons
                        season = int(num) if num.isdigit() else _NUM_WORDS.get(num.lower())
                    elif not (self.target.kind == "tv" and tail.group(0).lstrip().startswith(":")
                              and _SEASON_NAMED.search(folded)):
                        continue
                    # else "ONE PIECE: Into the Grand Line | Season 2": a subtitle naming a season
                found.append(Mention(m.start(), m.end(), name, season))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        out: list[Mention] = []
        for mention in found:
            if out and mention.start < out[-1].end:
                continue
            out.append(mention)
        return out

    def _tail_is_ours(self, name: str, following: str) -> bool:
        """The continuation belongs to one of the target's own (longer) names: the text from
        the mention on spells that whole name ("Dune: Part Two" for the name "Dune"), not just
        its start ("Stranger Things: Tales From '85" is no "Stranger Things 5")."""
        text = normalize_title(following)
        base = len(normalize_title(name))
        return any(len(n) > base and (text + " ").startswith(n + " ")
                   for n in (normalize_title(x) for x in self.names))

    def _common_ok(self, text: str, start: int, end: int) -> bool:
        if not self.established:
            return False
        return self._proper_ok(text, start, end)

    @staticmethod
    def _proper_ok(text: str, start: int, end: int) -> bool:
        """Not glued to other capitalised words ("Contact Us", "Michael Jackson")."""
        before = text[max(0, start - 30):start]
        prev = re.search(r"([A-Za-z][\w]*)(['’]s)?([\s\-]*)$", before)
        if prev and prev.group(3) is not None and prev.group(3) != "" and "-" not in prev.group(3) and \
                not _NETWORK_BEFORE.search(before):
            word, possessive = prev.group(1), prev.group(2)
            if word[0].isupper() and not possessive and word.lower() not in (
                    "the", "in", "on", "of", "and", "or", "with", "from", "as", "for", "new",
                    "see", "watch", "stream", "meanwhile", "but", "while", "when", "if", "after",
                    "before", "like", "how", "why", "what", "where", "is", "now", "then", "so"):
                return False
        after = text[end:end + 30]
        if _NETWORK_AFTER.match(text, end) or _SEASON_SHORT.match(after):
            return True  # "Platonic Apple TV+", "Dunmarrow S2 is coming next month"
        nxt = re.match(r"[\s]+([A-Z][\w]*)", after)
        return not (nxt and nxt.group(1).lower() not in _FOLLOW_OK)


_LONG_WORD = re.compile(r"\b[A-Za-z][\w'’]{3,}")
_LOWER_LONG_WORD = re.compile(r"\b[a-z][\w'’]{3,}")


# What only a title is followed by, even a common word's in a title-cased line: "Quicklime Season 2 -
# Official Teaser", "Quicklime S2", "Quicklime Official Trailer".
_COMMON_TITLE_FOLLOW = re.compile(r"\s+(?:(?:Season|Series|Part)\s+(?:\d+|[IVX]+|One|Two|Three|Four|Five)\b|S\d+\b|"
                                  r"(?:Official\s+)?(?:Trailer|Teaser)\b)")
_HEADLINE_FOLLOW = re.compile(
    r"\s*(?:$|[:,;|—–(]|-\s|['’]s\b|\s(?:Season|Seasons|Series|S\d+|Part|Trailer|Teaser|Release|Premiere|"
    r"Date|Gets|Sets|Returns|Arrives|Premieres|Debuts|Opens|Moves|Lands|Drops|Hits|Delayed|Pushed|"
    r"Postponed|Renewed|Sequel|Director|Star|Review|Cast|First|Final|Official|Streaming|Coming)\b)", re.I)
# A listing's item heading: the name, then only where it streams ("Platonic Apple TV+").
_NETWORK = rf"{alternation(STREAMERS + NETWORKS)}|BBC \w+|ITV\w*"
_NETWORK_AFTER = re.compile(rf"\s+(?:{_NETWORK})\s*$")
# A season's shorthand after a name: "Dunmarrow S2", "Dunmarrow S02E01".
_SEASON_SHORT = re.compile(r"\s+S\d{1,2}(?:\s*E\d{1,3})?\b")
# ... and a listing's row: where it airs, then the name ("9.00pm BBC One Kittlestone New series").
_NETWORK_BEFORE = re.compile(rf"(?:^|[\s|·•,—–-])(?:{_NETWORK}|Channel \d+)\s+$")
_NETWORK_ONLY = re.compile(rf"\W*(?:{_NETWORK}|Channel \d+)\s+")


def opens_block(text: str, start: int) -> bool:
    """The name at ``start`` opens ``text``, past at most where it streams ("Netflix The Perfect Couple —")."""
    return start < 3 or _NETWORK_ONLY.fullmatch(text, 0, start) is not None


_LONGER_TITLE = re.compile(r"\b[A-Z][\w'’]*\s+(?i:of|the|of the|is|are|and|in|on|at|for|to|from)\s+$")


def _inside_longer_title(text: str, start: int) -> bool:
    """Preceded by "Capitalised + small word" ("Last of", "This Is"): part of a longer title."""
    before = text[max(0, start - 30):start]
    m = _LONGER_TITLE.search(before)
    if not m:
        return False
    # "Peele's Us", "about Us" stay ours; a sentence-opening "In"/"On" is no title word.
    word = m.group(0).split()[0]
    return word.lower() not in ("in", "on", "at", "for", "to", "from", "and", "the", "of", "is")


def is_title_case(text: str) -> bool:
    """A headline-style text: (nearly) every longer word capitalised."""
    total = len(_LONG_WORD.findall(text))
    return total >= 3 and len(_LOWER_LONG_WORD.findall(text)) <= 0.2 * total


def _marked(text: str, start: int, end: int) -> bool:
    """Quoted, or after a possessive ("Disney's Wish")."""
    before, after = text[max(0, start - 3):start], text[end:end + 1]
    if before[-1:] in "'‘“\"" and after in ("'", "’", "”", '"'):
        return True
    return bool(re.search(r"['’]s\s+$", text[max(0, start - 4):start]))


def _variants(name: str) -> list[str]:
    name = name.strip()
    out = [name]
    bare = re.sub(r"\s*\((?:\d{4}|film|movie|tv series|series)\)\s*$", "", name, flags=re.I)
    if bare != name:
        out.append(bare)
    # "Fury of the Gods" for "Shazam! Fury of the Gods": writers drop the franchise once it is
    # named.  Only a subtitle of three words or more is distinctive enough to stand alone.
    split = re.split(r"[!:–—]\s+", bare)
    sub = split[-1] if len(split) > 1 else ""
    words = [w for w in sub.split() if w.lower() != "the"]
    if len(words) >= 3 and not _NUMBERED_SUB.match(sub):
        out.append(sub)
    # No "The"-less variant: "The One Piece" is not "One Piece"; operators add such aliases.
    return out


_NUMBERED_SUB = re.compile(r"(?:part|chapter|volume|vol\.|season|series|episode|book)\b", re.I)


# -- seasons ----------------------------------------------------------------

_SEASON_NUM = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORD = (r"(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
        r"fourteenth|fifteenth|sophomore|\d{1,2}(?:st|nd|rd|th)|"
        # German: "die zweite Staffel", "der dritten Staffel"
        r"erste[nrs]?|zweite[nrs]?|dritte[nrs]?|vierte[nrs]?|fünfte[nrs]?|sechste[nrs]?|\d{1,2}\.)")
# Scanned in every block and sentence: CaselessScan (see ``casefold``) needs it in lowercase.
_SEASON = CaselessScan(
    rf"\b(?:season|series|part|volume|vol\.|staffel|teil)\s+{_SEASON_NUM}\b|"
    rf"\b{_ORD}(?:\s+(?:and|&|und)\s+(?:final|last|only|letzte))?\s+(?:season|series|installment|outing|staffel)\b"
    rf"|\bs(?P<s>\d{{1,2}})(?:\s?e\d+)?\b|\b(?P<rel>new|upcoming|next|latest|coming|final|last|previous|"
    rf"prior|latest|current|debut|inaugural)\s+(?:season|series|installment|chapter)\b"
)
SEASON_RE = _SEASON.pattern


@dataclass(frozen=True)
class SeasonRef:
    start: int
    end: int
    number: int | None  # None for "the new season"
    relation: str = ""  # new | previous | "" (numbered)
    part: bool = False  # "Part 2" / "Volume 2": a season for some shows, half of one for others


def clear_caches() -> None:
    _season_refs.cache_clear()


def season_refs(text: str) -> list[SeasonRef]:
    return list(_season_refs(text))


@lru_cache(maxsize=8192)
def _season_refs(text: str) -> tuple[SeasonRef, ...]:
    out: list[SeasonRef] = []
    for m in _SEASON.finditer(text):  # its groups are read lowercased only
        raw = m.group("n") or m.group("o") or m.group("s")
        if raw:
            word = raw.lower()
            num = _NUM_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0) or None
            # "Season 4 Part 2" is a half of season 4, not a season 2.
            if m.group(0).lower().startswith(("part", "vol")) and (
                    num is None or (out and out[-1].number is not None
                                    and re.fullmatch(r"[\s,:-]*", text[out[-1].end:m.start()]))):
                continue
            out.append(SeasonRef(m.start(), m.end(), num, "", m.group(0).lower().startswith(("part", "vol"))))
        else:
            rel = (m.group("rel") or "").lower()
            kind = "previous" if rel in ("last", "previous", "prior", "debut", "inaugural") else "new"
            out.append(SeasonRef(m.start(), m.end(), 1 if rel in ("debut", "inaugural") else None, kind))
    return tuple(out)


# -- who a sentence is about ----------------------------------------------------

# Distributors, networks and trades: a sentence they open is still about the title.
_COMPANIES = re.compile(
    rf"(?:{alternation(STREAMERS + NETWORKS + STUDIOS)}|"
    r"variety|deadline|the hollywood reporter|thr|collider|ign|tudum|the studio|the network|the streamer|"
    r"fans|viewers|audiences|critics|the cast|the show|the series|the film|the movie|the season|season|"
    r"the trailer|the teaser|the first|the new|the final|the second|the third|it|its|this|that|these|"
    r"meanwhile|also|plus|still|now|here|there|then|in|on|at|for|after|before|with|as|but|and|so|if|when|"
    r"while|since|until|because|however|elsewhere|finally|first|next|last|today|tonight|tomorrow|yesterday|"
    r"earlier|later|according|per|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|winter|"
    r"i|we|you|he|she|they|our|my|your|his|her|their|the|a|an|part|volume|vol|episode|episodes|chapter|act|"
    r"premiere|the premiere|release|the release|production|filming)",
    re.I,
)
# "Meanwhile, ...", "On the film side, ...", "Over at Disney+, ...": what comes before the subject.
_LEAD_IN = re.compile(r"^(?:(?:meanwhile|also|elsewhere|plus|separately|in other news|however|still|"
                      r"and|but|finally)[,:]?\s+|"
                      r"(?:on|in|at|over at|over on|as for|for|with|from)\s+[^,.;]{1,40},\s+)+", re.I)
_CAP_RUN = re.compile(r"[A-Z0-9][\w'’&.*+-]*:?(?:\s+(?:(?:of|the|and|&|x|vs\.?|a|an|in|on|to)\s+)*"
                      r"[A-Z0-9][\w'’&.*+-]*:?)*")
_TITLE_VERB = re.compile(
    r"\s*(?:['’]s\s+(?:first|new|official|final|latest)?\s*(?:trailer|teaser|premiere|release)|"
    r"(?:season|part|series)\s+\w+|(?:(?:now|also|still|officially|finally|then|reportedly)\s+)?"
    # Verbs a title is the subject of; "X has set a date", "X releases Y" have an agent for subject,
    # but a title does release its own trailer.
    r"(?:(?:releases|released|unveils|unveiled|shares|shared) (?:its|a|the|their) (?:\w+ )?"
    r"(?:trailer|teaser|first look|poster)|gets|got|drops|dropped|premieres|premiered|"
    r"debuts|debuted|arrives|arrived|opens|opened|returns|returned|lands|landed|hits|hit|comes|came|"
    r"launches|launched|bows|bowed|streams|will (?:premiere|debut|arrive|open|return|land|hit|stream|drop|"
    r"release|launch)|is (?:set|coming|slated|dated|due|scheduled|out|back)|has (?:a|its|their|"
    r"dropped|landed|moved|shifted))\b)",
    re.I,
)


_ITS_OWN = re.compile(r",\s+(?:now\s+|still\s+)?(?:in|into|on)\s+its\b")
_ACTOR_VERB = re.compile(r"\s+(?:returns?|returned|is back|comes back|reprises?|stars?|starred|plays?|played)\s+"
                         r"(?:as|in|his|her|their|the role)\b", re.I)
# "StudioCanal has moved Rory Kinsella's Yorkshire-set racing drama up a week": a verb with a
# work for its object has an agent for its subject, not a title.
# (Case-blind but for the maker's name, which a capital marks, as the pattern before it was.)
_OBJECT_IS_TITLE = re.compile(
    r"\s+(?:(?i:it|them)|(?:(?i:the|this|that)|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?i:film|movie|series|show|season|sequel|picture|feature|drama|thriller|comedy|documentary|"
    r"adaptation|biopic|musical|western|horror|romance|epic|prequel|spin-?off|miniseries))\b")
_APPOSITIVE = re.compile(r"(?:,?[\"”’']|[\"”’']?,)\s[^,.;:]{1,80},\s*(?:(?:now|also|still|officially|finally|then)\b)?")


def subject_verb(text: str, at: int) -> bool:
    """A release verb follows a name ending at ``at``: the name is its subject."""
    return _TITLE_VERB.match(text, at) is not None and not text[at:at + 3].lstrip().startswith(("'s", "’s"))


def foreign_subject(sentence: str, matcher: TitleMatcher) -> bool:
    """The sentence opens with another title as its subject ("Meanwhile, Gen V dropped its
    first trailer", "Gen V season 2 premieres ..."), so its dates and trailers are that
    title's, whatever the article is about."""
    lead = _LEAD_IN.match(sentence)
    body = sentence[lead.end():] if lead else sentence
    quoted = body[:1] in "\"“‘'"
    run = _CAP_RUN.match(body, 1 if quoted else 0)
    if not run or run.end() == run.start():
        return False
    phrase = run.group(0).rstrip(":")
    words = phrase.split()
    # "Gadar 2, in its fifth weekend after its 11 August release, ...": a subject in its own phrase.
    its_own = _ITS_OWN.match(body, run.end()) is not None and len(words) >= 2
    # "“Black Adam,” with Dwayne Johnson, now opens ...": past its quote and an appositive.
    after = _APPOSITIVE.match(body, run.end())
    verb = _TITLE_VERB.match(body, run.end()) or (_TITLE_VERB.match(body, after.end()) if after else None)
    if not its_own and verb is None:
        return False  # most sentences: a capitalised opening with no verb a title does (the cheap test first)
    head = words[1] if len(words) > 1 and words[0].lower() in ("the", "a", "an") else words[0]
    if matcher.find(phrase) or _COMPANIES.fullmatch(phrase.rstrip(".:")) or \
            _COMPANIES.fullmatch(head.rstrip(".:,")):
        return False
    if _ACTOR_VERB.match(body, run.end()):
        return False  # "Zachary Levi returns as the grown-up hero": a person, not a title
    if its_own:
        return True
    # "StudioCanal released the film in the U.K.": a company doing something to the title.
    return verb is not None and not _OBJECT_IS_TITLE.match(body, verb.end())
