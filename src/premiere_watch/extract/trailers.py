"""Is a trailer or teaser of the target (and season) out, per this page?

Evidence, strongest first:

* an embedded/linked video whose title names the target (and, for a later
  season, that season) and says trailer/teaser;
* a sentence about the target that says a trailer/teaser is out ("released",
  "dropped", "watch the new trailer below");
* a sentence that says there is none yet ("no trailer", "has not released a
  trailer", "not posted online", "screened privately") -> ``none``.

Trailer talk that is only about other titles or seasons makes the status
``none`` when the target is discussed in the article at all (a reader learns
"nothing for this one"), and leaves it ``unmentioned`` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from premiere_watch.extract.attribution import other_kind, other_titles, sibling, subtitled_work
from premiere_watch.extract.casefold import CaselessScan, lowered
from premiere_watch.extract.companies import NETWORKS, STREAMERS, STUDIOS, alternation
from premiere_watch.extract.mentions import mask_dates, text_cache
from premiere_watch.extract.page import Block, Page, Video, watch_url
from premiere_watch.extract.titles import TitleMatcher, foreign_subject, season_refs
from premiere_watch.extract.topic import article_season, is_entry_headline
from premiere_watch.model import Rejected, Target, Trailer, TrailerStatus

# Tested on every sentence of the article: a CaselessScan (see ``casefold``).
# "PV" (promotional video) is what anime studios call a trailer.
_TRAILER = CaselessScan(r"\b(?:trailers?|teasers?|first[- ]look|sneak peek|promo|footage|(?:tv|super bowl|"
                        r"game[- ]day|movie) spots?|spots?|pvs?|promotional videos?|promo videos?)\b")
# Footage talk can say there is none; only a trailer, teaser, spot or promo can be "out".
_TRAILER_STRICT = re.compile(r"\b(?:trailers?|teasers?|sneak peek|promo|(?:tv|super bowl|game[- ]day|movie) spots?|"
                             r"(?:the|a|latest|new|first|second|final|this|that) spots?|PVs?|"
                             r"promotional videos?|promo videos?)\b", re.I)
# A still is not a video: "teaser image", "first-look photos", "teaser poster".
_STILL = re.compile(r"\b(?:teaser|first[- ]look|promo)\s+(?:images?|photos?|stills?|posters?|art|artwork|"
                    r"key art|gallery|pictures?|shots?)\b|"
                    r"\bfirst[- ]look\b(?![^.;]{0,30}\b(?:trailer|teaser|clip|screen\w*|video|footage)\b)", re.I)
# Made by fans: never "released" by anyone who can date the release.
_FAKE = re.compile(r"\b(?:fan[- ]?made|fan[- ]edits?|fan[- ]trailers?|concept trailer|\(concept\)|concept|fake|"
                   r"not real|isn['’]t real|hoax|ai[- ]generated|deepfake|parody|unofficial|not official|"
                   # "stitched together from 1990s news footage ..., and it is not from Netflix"
                   r"not affiliated|(?:stitched|cobbled|spliced|pieced) together|"
                   r"(?:is|was|are|were)\s+not\s+(?:made\s+)?(?:by|from)\s+(?:the\s+)?(?:studio|network|streamer|"
                   rf"{alternation((*STREAMERS, *NETWORKS, *STUDIOS))}))\b", re.I)
_NONE = re.compile(
    r"(?:\bno|\bnot|n['’]t|\bnever|\byet to|\bwithout|\bnothing|\bnobody|\bno one|\bnone|"
    # ("What is not a guess is that there is now some footage": the negation ends at "is that".)
    r"\bnicht|\bkein(?:e[nmrs]?)?|\bnoch nicht)\b(?:(?!\b(?:is|was) that\b)[^.;]){0,60}\b"
    r"(?:trailers?|teasers?|footage|first look|video)\b|"
    r"\b(?:trailers?|teasers?|footage|first look|clip)\b[^.;]{0,80}\b(?:not (?:be |been )?(?:posted|"
    r"released|public|online|available|shared|made public|expected|due|scheduled)|"
    r"(?:isn['’]t|aren['’]t|won['’]t be) (?:public|online|out|expected|due)|yet to|not yet|"
    r"still to (?:come|arrive|drop|land)|"
    r"privately|behind closed doors|only (?:to|for)|exhibitors|(?:in|for) the (?:hall|room)|no one outside|"
    r"nothing to embed|will (?:be )?(?:released|arrive|drop|follow|come)|should (?:arrive|follow|drop|land)|"
    r"(?:noch |bislang |bisher )?nicht (?:erschienen|veröffentlicht|online|da)|"
    r"expect(?:ed)? (?:it|one|a)|later|soon|coming)\b|\bhold your breath\b|\bwould not expect\b|"
    r"\bnot a (?:teaser|trailer)\b|\bnothing to embed\b|"
    # "the character posters are out, but the teaser isn't": the verb elided after the negation
    r"\b(?:trailers?|teasers?)\s+(?:isn['’]t|aren['’]t|is not|are not)(?=\s*(?:[,.;:]|yet\b|out\b|$))|"
    # "Trailer: none released", "Teaser: not yet": a label and its answer
    r"\b(?:trailers?|teasers?)\s*:\s*(?:none|not yet|no|n/a|tba|tbc|coming soon)\b|"
    r"\bcan['’]t (?:watch|see|view)\b|"
    r"\b(?:has not|hasn['’]t|have not|haven['’]t|was not|wasn['’]t) (?:been )?(?:posted|released|put|shared|"
    r"made)\b",
    re.I,
)
# "No *new* trailer" leaves the one already out standing.
_NO_NEW = re.compile(r"(?:\bno|\bnot|n['’]t|\bwithout)\b[^.;]{0,40}\b(?:new|another|second|fresh|full|final)\s+"
                     r"(?:trailers?|teasers?|footage)\b", re.I)
# ... unless the new one would be the season's first: "no new teaser for the upcoming season".
_FOR_SEASON = re.compile(r"\b(?:upcoming|next|new|coming|second|third|fourth|fifth|final|latest)\s+"
                         r"(?:season|series|installment|film|movie|chapter)\b", re.I)
# A trailer shown only to a room (press, exhibitors, a convention hall) is not out.
_PRIVATE = re.compile(
    r"\b(?:show(?:ed|n|s)?|screen(?:ed|s)?|play(?:ed|s)?|present(?:ed|s)?|unveil(?:ed|s)?|previewed)\b[^.;]{0,80}"
    r"\b(?:journalists|reporters|press|exhibitors|theater owners|attendees|the (?:hall|room|crowd|audience)|"
    r"fans in|those in|in the room|behind closed doors|privately)\b|\bprivate(?:ly)? screen|"
    # "Exhibitors at CinemaCon saw a two-minute teaser": a room's audience as the one who saw it
    r"\b(?:exhibitors|journalists|reporters|critics|attendees|theater owners|buyers|the press)\b[^.;]{0,60}"
    r"\b(?:saw|watched|were shown|got (?:to see|a look at))\b",
    re.I,
)
# ... unless it then went out to everyone: "played in the room and went up online minutes later".
_THEN_PUBLIC = re.compile(r"(?<!n['’]t )(?<!not )(?<!never )"
                          r"\b(?:went|goes|gone|was put|were put|was posted|were posted|was uploaded|landed|"
                          r"(?:released|posted|put|uploaded|shared) (?:it|them))\s+(?:up\s+)?(?:online|on youtube)\b",
                          re.I)
# Broadcast is a release: a spot that aired is out, whether or not it has been posted online.
_BROADCAST = re.compile(r"\b(?:aired|ran (?:during|before|in|on|throughout)|(?:has|have) been (?:running|airing)|"
                        r"broadcast during)\b", re.I)
_ONLINE = re.compile(r"\bonline\b", re.I)
# "he would not have released the pre-teaser when he did": the counterfactual says it was;
# "would have released one in March had ..." says it was not.
_PUT_OUT_VERBS = r"released|dropped|put out|shown|shared|posted"
_WOULD_NOT_HAVE = re.compile(rf"\bwould(?:\s+not|n['’]t)\s+have\s+(?:{_PUT_OUT_VERBS})\b", re.I)
_WOULD_HAVE = re.compile(rf"\bwould\s+have\s+(?:{_PUT_OUT_VERBS})\b", re.I)
_RELEASED = re.compile(
    r"\b(?:releas(?:ed|es|ing)|dropp(?:ed|ing)|drops|put(?:ting)? out|debut(?:ed|s|ing)|unveil(?:ed|s|ing)|"
    r"shar(?:ed|es|ing)|"
    r"post(?:ed|s|ing)|(?:is|are|has been|have been) (?:already |now |finally )?(?:out|here|live|up|online)|out now|"
    # "a teaser is on ABC iview and YouTube now"
    r"(?:is|are) (?:already |now )?(?:up |available )?on (?!the way|its way|hold|the cards)[A-Z]\w*|"
    r"reveal(?:s|ing)|brought|(?:been )?viewed|views|watched|gets? an? (?:new |first |official )?(?:trailer|teaser)|"
    r"in the (?:[\w'’-]+ ){1,6}(?:trailer|teaser)|"
    r"arriv(?:ed|es)|launch(?:ed|es)|premiered|revealed|came out|put out|aired|ran (?:during|before|in|on)|"
    r"check out|watch|below|above|here['’]s|have a look|take a look|gave us|gives us|offers|showed|"
    r"new (?:trailer|teaser)|first (?:official )?(?:trailer|teaser)|official (?:trailer|teaser)|"
    r"final trailer|latest trailer|(?:trailer|teaser) (?:for|of)|in the (?:trailer|teaser)|"
    # German: "mit einem Teaser verkündet", "der Trailer ist da", "veröffentlichte den ersten Trailer"
    r"veröffentlich\w*|erschienen|gezeigt|zeigt|zeigte|verkündet|enthüllt|präsentiert|ist da|sind da|"
    r"(?:trailer|teaser|spot)s? (?:shows?|opens?|ends?|features?|teases?|reveals?|confirms?|closes?|"
    r"is built|was built|hints?|barely|includes?|has|had)|"
    r"(?:trailer|teaser|spot)s?,? (?:that|which) (?:\w+ )?(?:shows?|reveals?|teases?|hints?|features?|includes?|"
    r"opens?|ends?|closes?|(?:has|have) been (?:running|airing|playing))|"
    r"(?:along with|alongside|together with) (?:a|an|the|its|their) (?:[\w-]+ ){0,2}(?:trailer|teaser)|"
    # "announced the date with a short teaser": the announcement carried it
    r"(?:announc|reveal|unveil|confirm)\w*\b[^.;]{0,60}?\bwith (?:a|an|the|its|their) (?:[\w-]+ ){0,2}"
    r"(?:trailer|teaser)s?|"
    # "the trailer, all sweat and neon, gives a fair idea of ...": a trailer that does something is
    # there to be seen; one that arrives, needs or remains is not (yet).
    r"(?:the|its|their|this|[A-Z][\w'’-]*['’]s?) (?:[\w-]+ ){0,2}?(?:trailers?|teasers?)(?:\s*,[^,;.]{1,80},)? "
    r"(?:\w+ly )?(?!(?:is|are|was|were|has|have|had|does|did|needs|remains|comes|arrives|drops|lands|debuts|hits|"
    r"premieres|goes|launches|awaits|follows|seems|appears)\b)[a-z]{3,}(?:s|ed)|"
    r"(?:been )?(?:running|playing) (?:the |its |a |their )?(?:[\w-]+ )?(?:trailers?|teasers?|spots?))\b",
    re.I,
)


# A fact check states the claim it checks: "Claim: Netflix has released the official trailer ...".
_REPORTED_CLAIM = re.compile(r"^\W*(?:(?:the )?claim|rumou?r|myth|false|fake|misleading|unverified|viral post)\s*:",
                             re.I)
# How a page passes on a video it then calls fake.
_CIRCULATING = re.compile(r"\b(?:doing the rounds|making the rounds|circulating|going viral|went viral|viral|titled|"
                          r"called|named|with titles like|"
                          r"(?:posted|shared) this|"
                          r"(?:someone|somebody)\s+(?:[\w'’]+\s+){0,4}?(?:posted|shared|uploaded|sent|made|cut)|"
                          r"a video|this video|that video|billed as|purport\w*|"
                          r"claims? to be)\b", re.I)
# A running time, not a clock time ("1:52", not "10:00 PM" or "9:30 ET").
_DURATION = re.compile(r"(?<!\bat )(?<!\bfrom )(?<![\d:])\d:[0-5]\d(?![\d:])"
                       r"(?!\s*(?:[ap]\.?m\b|[AP]M|ET|PT|CT|GMT|BST|UTC|CET|JST|KST|AEST|AEDT|h\b|hrs?\b|Uhr))")
_SEEN_IN = re.compile(r"\b(?:beyond|besides|apart from|other than|more than|except)\s+(?:what['’]s\s+in\s+)?"
                      r"(?:the|its|their)\s+(?:(?:new|first|official|latest)\s+)?(?:trailers?|teasers?)\b", re.I)
_VIDEO_WORD = re.compile(r"\b(?:video|clip|upload)s?\b", re.I)
# "set to music" is no future: "The series trailer, set to “(Ocean) Bloom”, has been viewed ...".
# ("may" only in lower case: "at the end of May" is a month.)
_FUTURE = re.compile(r"\b(?:will|would|could|should|(?-i:may)|might|tomorrow|tonight|later today|"
                     r"planned to|plans? to|had planned|(?:was|were) (?:going|set|due|meant) to|"
                     r"set to(?! (?:the )?(?:music|song|tune|track|score|[“\"'‘(]))|"
                     r"expected to|going to|plans? to|soon|"
                     r"next (?:week|month)|later this|coming (?:weeks|days|months)|"
                     # a headline's "Official trailer to debut June 10"
                     r"to (?:debut|drop|arrive|premiere|land|launch|be released|be unveiled))\b", re.I)


# "the official trailer drops on Friday": a release in the present tense on a day named is a schedule.
_SCHEDULED = re.compile(r"\b(?:drops|arrives|lands|debuts|launches|premieres|comes out|goes (?:up|live|online)|hits)\s+"
                        r"(?:online\s+)?(?:on\s+)?(?:(?:this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday|tomorrow|tonight|later)\b", re.I)


_WILL_BE = re.compile(r"\b(?:will|to|would|could|should|(?-i:may)|might|going to)\s+(?:be\s+|have\s+been\s+)?$", re.I)
_NEGATED = re.compile(r"(?:\bno|\bnone|\bnot|n['’]t|\bnever|\byet to|\bwithout|\bnothing|\bnicht|\bkein\w*)\b", re.I)
_PUT_OUT = re.compile(r"\b(?:released|dropped|put out|debuted|premiered|aired|unveiled|revealed|shared|posted|came out|"
                      r"published|uploaded|"
                      r"streamed|"
                      # "ran a 40-second teaser for it straight after the episode"
                      r"(?<!will )(?<!would )(?:ran|aired) (?:a|an|the|its|their) (?:[\w-]+ ){0,2}"
                      r"(?:trailers?|teasers?|spots?|promos?)|"
                      r"followed(?! by)|showed|shown|(?:been )?viewed|attached to|"
                      # "what the trailers have been selling since spring": they are out there
                      r"(?:trailers?|teasers?|spots?) (?:have|has) (?:been \w+ing|sold|promised|shown|teased)|"
                      # "the teaser that played at Comic-Con in July", "played before Deadpool in cinemas"
                      # ... and "a teaser plays after Pearl's end credits in every theater": it is attached
                      r"(?<!will )(?:played|plays) (?:at|during|before|after|ahead of|"
                      r"in (?:theaters|theatres|cinemas))|"
                      r"ran during|went (?:up|live|online|out)|(?:is|are|has been|have been) (?:out|up|online|live)|"
                      # "since its trailer hit in June": a trailer that hit or landed is out
                      r"(?:(?<=trailer )|(?<=teaser ))(?:hit|landed)|"
                      # "ITV put the full trailer out on Tuesday", "The trailer, which landed in November",
                      # "Warner Bros.' trailer, online for some months now"
                      r"put (?:the|a|an|its|their) (?:[\w-]+ ){0,2}(?:trailers?|teasers?|promos?) out|"
                      r"(?:trailers?|teasers?),? (?:which|that) (?:\w+ )?"
                      r"(?:landed|hit|arrived|came out|went (?:up|live|online))|"
                      r"(?:trailers?|teasers?),? (?:online|out|available) (?:for|since))\b",
                      re.I)


# "If you've seen the trailer, ...": the reader is told of a trailer there is.
_IF_YOU_SAW = re.compile(r"\bif you(?:['’]ve| have)\s+(?:already\s+)?(?:seen|watched|caught)\s+(?:the|its|their)\s+"
                         r"(?:[\w-]+\s+)?(?:trailer|teaser)", re.I)


def _quotes_a_question(read: str) -> bool:
    """"Apple has released a full trailer, which asks: what if you could see the life you didn't
    choose?": the question is quoted after a colon; the trailer talk before it is a statement."""
    colon = read.rfind(": ")
    word = _TRAILER.search(read)
    return colon > 0 and word is not None and word.end() < colon


# ", not streaming,": a contrast's negation; "holding it back": made and not out; "Is this trailer real?"
_CONTRAST_NOT = re.compile(r",\s+not\s+[^,.;]{1,30}(?=,)", re.I)
_HELD_BACK = re.compile(r"\b(?:holding|held|keeping|kept|holds|keeps)\s+(?:it|them|the (?:trailers?|teasers?))"
                        r"\s+back\b", re.I)
_DOUBTED = re.compile(r"\b(?:is|are) (?:this|it|these|that) (?:[\w-]+ ){0,8}?(?:real|fake|legit|genuine)\b", re.I)
# "It's just Legacy season 2 footage with new music": the video going round is old footage re-cut.
_OLD_FOOTAGE = re.compile(r"\b(?:it['’]s|it is|that['’]s|that is|they['’]re) (?:just|only|really just|actually just) "
                          r"(?:[\w'’-]+ ){0,5}?(?:footage|clips|scenes)\b(?! (?:of|from) (?:the|this|its) "
                          r"(?:new|upcoming))", re.I)
# "If you haven't seen the final trailer Netflix released": the reader's negation, not the trailer's.
_READER_UNSEEN = re.compile(r"\bif you (?:have not|haven['’]t|did not|didn['’]t|still haven['’]t) (?:yet )?"
                            r"(?:seen|watched|caught)\b", re.I)


# A release in a condition has not happened: "If the studio does put out a teaser", "once Netflix releases one".
_CONDITIONAL_RELEASE = re.compile(r"\b(?:if|unless|until|once)\b[^,.;]{0,50}?\b(?:(?:does|do|ever|finally)\s+"
                                  r"(?:put out|release|drop|post|share|show|unveil)|puts out|releases|drops|posts|"
                                  r"shares|unveils)\b", re.I)


# An entry page's video section and its cards: "Videos" / "Official Trailer", "Season 2 Teaser 1:52".
_TRAILERS_HEADING = re.compile(r"\W*(?:(?:new|latest|the)\s+)?trailers?(?:\s+(?:out now|this week|of the week))?\W*",
                               re.I)
_OUT_NOW_LIST = re.compile(r"\W*(?:out now|new|just (?:released|dropped)|now online)\s*:", re.I)
_VIDEOS_HEADING = re.compile(r"\b(?:videos?|trailers?|clips?|extras|watch)\b", re.I)
# ... "Season 2 — Official Trailer, 2 min" too.
_VIDEO_CARD = re.compile(r"^\W*(?:(?:season|series)\s+\d+(?:\s+|\s*[—–:|-]\s*))?"
                         r"(?:(?:official|teaser|final|first|new)\s+)*(?:trailer|teaser)(?:\s+#?\d)?\W*"
                         r"(?:\d{1,2}:[0-5]\d|\d{1,3}\s*min(?:s|utes)?\b)?\W*$", re.I)


_HARD_BREAK = re.compile(r";|:\s|\s[–—]\s")


def _clause(sentence: str, at: int) -> str:
    """The part of a sentence around its trailer word, between clause breaks, so that
    "the trailer Netflix put out ... hints at how the episodes are going to hit" is not
    read as a trailer still to come."""
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, at)), default=0)
    edges = _CLAUSE_EDGE.finditer(sentence, at)
    hi = next((m.start() for m in edges), len(sentence))
    if _LABEL_COLON.match(sentence, at) and not sentence[lo:at].strip():
        # "Trailer: none released": a label's value is the rest of its clause.
        hi = next((m.start() for m in edges), len(sentence))
    return sentence[lo:hi]


_LABEL_COLON = re.compile(r"\w+\s*:\s")


# "If you still haven't watched them, both trailers are up": the reader's negation is not the trailer's.
_CLAUSE_EDGE = re.compile(r";|:\s|,\s+(?:and|but|so|which|while)\b|\b(?:but|while|although)\b|\s[–—]\s|"
                          # "..., the network announced Tuesday, along with a teaser": the report's own clause
                          r",\s+(?=(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:announced|said|confirmed|revealed)\b)|"
                          r",\s+(?=[a-z]{3,}ing\b)(?!according|regarding|concerning|including|starring|featuring)|"
                          r"^(?:if|when|once|whether|unless)\b[^,]{0,80},", re.I)


@dataclass
class TrailerResult:
    status: TrailerStatus = "unmentioned"
    evidence: str = ""
    trailers: list[Trailer] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _kind(text: str) -> Literal["trailer", "teaser"]:
    return "teaser" if re.search(r"\bteasers?\b", text, re.I) else "trailer"


def _season_of(text: str, at: int | None = None) -> int | None:
    """The season ``text`` names: the last one before ``at`` (the trailer word) in its sentence ("after
    the season 2 finale aired, ... announced a third season and released a short teaser for it"), else
    the first."""
    # "Part 1" of a season split in parts is no season of its own.
    refs = [r for r in season_refs(text) if not r.part]
    opens = text.rfind(". ", 0, at) + 1 if at is not None else 0
    before = [r for r in refs if at is not None and opens <= r.start and r.end <= at]
    ref = before[-1] if before else refs[0] if refs else None
    return ref.number if ref and ref.number else None


def _video_is_target(video: Video, target: Target, matcher: TitleMatcher, page_title: str = "") -> tuple[bool, str]:
    """``page_title``: the headline of a title or entry page, whose own videos name no title."""
    text = f"{video.title} {video.context if not video.title or video.label else ''}".strip()
    # A "Watch trailer" control names no title: its card does, or the heading above it, or
    # (under "Trailers & Extras") the title page it is on.
    mentions = (matcher.find(video.card) or matcher.find(video.context) or matcher.find(page_title)
                if video.label else matcher.find(video.title) if video.title else [])
    if not mentions:
        return False, "video title does not name the title"
    if not _TRAILER.search(f"{video.title} {video.context}"):
        return False, "video is not a trailer or teaser"
    if _FAKE.search(video.title):
        return False, "a fan-made or concept video"
    if target.season is not None:
        around = _season_of(f"{video.card} {video.context}") if video.label else None
        season = _season_of(video.title) or around or next((m.season for m in mentions if m.season), None)
        if season is None and target.season > 1:
            return False, f"video names no season ({text[:60]})"
        if season is not None and season != target.season:
            return False, f"video is for season {season}"
    return True, ""


@dataclass
class _Talk:
    """What the sentences about the target say of its trailers, first evidence of each kind."""

    released: str = ""
    released_kind: Literal["trailer", "teaser"] = "trailer"
    none: str = ""
    none_clause: str = ""  # the clause of ``none`` that says so, when it is not the whole sentence
    no_new: str = ""  # "no new trailer": says nothing against the one already out
    fake: str = ""
    future: str = ""
    other: bool = False  # trailer talk about other titles or seasons only

    def release(self, sentence: str) -> None:
        """``sentence`` says a trailer is out (the first such sentence is the evidence)."""
        if not self.released:
            self.released, self.released_kind = sentence, _kind(sentence)

    def deny(self, sentence: str, res: TrailerResult, clause: str = "") -> None:
        """``sentence`` (in ``clause`` of it, when given) says no trailer is out yet."""
        if not self.none:
            self.none, self.none_clause = sentence, clause
        res.rejected.append(Rejected(sentence[:300], "no trailer out yet"))


def _read_sentence(sentence: str, read: str, talk: _Talk, res: TrailerResult, title_page_card: bool,
                   heading: bool = False) -> None:
    """Classify one sentence about the target that talks of a trailer: ``read`` is the
    sentence with titles' names lettered over (cue words inside names are no cues),
    ``sentence`` what is kept as evidence."""
    if read.rstrip().endswith("?") and not _quotes_a_question(read):
        return  # "Is there a trailer for season 3?": a question says neither, as a heading too
    read = _READER_UNSEEN.sub(lambda m: " " * len(m.group()), read)
    # "heads to theatres, not streaming, as first trailer drops": a contrast negates its phrase only.
    read = _CONTRAST_NOT.sub(lambda m: " " * len(m.group()), read)
    if _HELD_BACK.search(read):
        # "A trailer had been cut ...; Paramount is holding it back": made, and not out.
        talk.deny(sentence, res)
        return
    if _REPORTED_CLAIM.match(read):
        res.rejected.append(Rejected(sentence[:300], "a claim being checked, not a fact"))
        return
    if _STILL.search(read) and not _TRAILER_STRICT.search(_STILL.sub(" ", read)):
        res.rejected.append(Rejected(sentence[:300], "a still image, not a trailer"))
        return
    if _FAKE.search(read) and _TRAILER_STRICT.search(read):
        talk.fake = talk.fake or sentence
        res.rejected.append(Rejected(sentence[:300], "a fan-made or concept trailer"))
        return
    word = _TRAILER.search(read)
    clause = _clause(read, word.start()) if word else read
    if _NO_NEW.search(clause) and not _FOR_SEASON.search(read):
        talk.no_new = talk.no_new or sentence
        return
    released_then = _PUT_OUT.search(read, max(0, word.start() - 40), word.end() + 40) if word else None
    if _WOULD_HAVE.search(clause):
        talk.future = talk.future or sentence  # "would have released a teaser in March had the strike not ..."
        return
    if _WOULD_NOT_HAVE.search(clause):
        released_then, clause = _WOULD_NOT_HAVE.search(clause), _WOULD_NOT_HAVE.sub("put out", clause)
        read = _WOULD_NOT_HAVE.sub("put out", read)
    shown, public = _PRIVATE.search(read), _THEN_PUBLIC.search(read)
    private = shown and not public
    if shown and public and not _WILL_BE.search(read):
        # "A teaser played to the crowd in the arena and went online shortly afterwards": shown, then out.
        talk.release(sentence)
        return
    if (_SEEN_IN.search(read) or _IF_YOU_SAW.search(read)) and not private:
        # "I have not seen a frame beyond what's in the trailer": the trailer is there to be seen.
        talk.released = talk.released or sentence
        return
    if private or (_NONE.search(clause) and not (released_then and not _NEGATED.search(clause))):
        talk.deny(sentence, res)
        return
    word = _TRAILER_STRICT.search(read)
    if word is None:
        return  # "footage" alone says nothing is out
    clause = _clause(read, word.start())
    # "The trailer Vireo+ put out last month barely hints at how the episodes are going to hit":
    # a release in the past tense next to the word settles it, whatever the clause says later;
    # but not past a semicolon ("First-look images were released in April; the trailer will follow").
    lo = max((m.end() for m in _HARD_BREAK.finditer(read, 0, word.start())), default=0)
    hi = next((m.start() for m in _HARD_BREAK.finditer(read, word.end())), len(read))
    put_out = _PUT_OUT.search(read, max(lo, word.start() - 40), min(hi, word.end() + 40))
    if put_out and _WILL_BE.search(read, max(0, put_out.start() - 12), put_out.start()):
        put_out = None  # "the trailer will be revealed"
    if _CONDITIONAL_RELEASE.search(read, lo, hi):
        talk.future = talk.future or sentence  # "If the studio does put out a real teaser, ..."
        return
    if _NONE.search(clause) and not (put_out and not _NEGATED.search(clause)):
        # "a recycled scene rather than new footage, so there is still no proper trailer"
        talk.deny(sentence, res, clause)
        return
    if put_out or ((_RELEASED.search(clause) or _RELEASED.search(read) or title_page_card)
                   and not _FUTURE.search(clause) and not _SCHEDULED.search(clause)):
        talk.release(sentence)
    elif not heading or _FUTURE.search(read):
        # "The teaser is set to drop next week"; a section's "Trailers & Extras" says neither.
        talk.future = talk.future or sentence


# "the trailer for Ember & Ash", "Sister Ferrous' teaser": a capitalised name the trailer is of.
_TRAILER_OF_NAME = re.compile(r"\b(?:trailers?|teasers?|promo|spot)\s+(?:for|of)\s+(?:the\s+)?[\"“‘']?"
                              r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:&|and|of|the|in|[A-Z][\w'’-]*))*)")


_FOR_AUDIENCE = re.compile(r"\s+(?:market|markets|audiences?|viewers|fans|release|version|dub|territory|"
                           r"territories|cinemas|theaters|theatres)\b", re.I)
_OTHER_WORKS = re.compile(r"\b(?:the|its|their) (?:spin-?off|prequel|companion (?:series|film|show)|special)['’]s?\s",
                          re.I)


def _trailer_of(sentence: str) -> str:
    """The capitalised name the sentence says its trailer is of ("the trailer for Ember & Ash"),
    when that is a title and not a season or part."""
    m = _TRAILER_OF_NAME.search(sentence)
    if m is None:
        return ""
    name = m.group("name")
    if season_refs(name) or re.match(r"(?:The\s+)?(?:Season|Series|Part|Volume|Show|Film|Movie)\b", name):
        return ""
    if name.endswith(("'s", "’s")):
        return ""  # "the first trailer for Wright's film": its maker's, described, not named
    if _FOR_AUDIENCE.match(sentence, m.end("name")):
        return ""  # "a first teaser for the Brazilian market": where it is shown, not whose it is
    return name


def _may_talk_of_trailers(block: Block) -> bool:
    """The block may hold a sentence the trailer reading acts on: trailer talk, doubt about a
    video, old footage, or a "Trailers" section's list."""
    text = block.text
    if _TRAILER.search(text) or _TRAILERS_HEADING.fullmatch(block.heading):
        return True
    # Every match of the two patterns left holds one of these words (None: scan; see casefold).
    low = lowered(text)
    if low is not None and not any(word in low for word in ("footage", "clip", "scene", "video", "upload")):
        return False
    return bool(_OLD_FOOTAGE.search(text) or (_VIDEO_WORD.search(text) and (_FAKE.search(text)
                                                                             or _DOUBTED.search(text))))


def find_trailers(page: Page, target: Target, matcher: TitleMatcher, mentioned_in_main: bool,
                  about: dict[str, bool], titles: list[str]) -> TrailerResult:
    """``about``: which main-zone sentences the claims walk found to be about the target
    (named, pointed back to, or under its heading): trailer talk is read in the same light.
    ``titles``: the other titles the page sets in italics (``attribution.page_titles``)."""
    res = TrailerResult()
    seen: set[str] = set()
    entry = page.title_page or is_entry_headline(page.headline, matcher)
    for video in sorted(page.videos, key=lambda v: v.label):  # a player before a button that opens it
        if video.zone in ("comment", "chrome"):
            continue
        ok, reason = _video_is_target(video, target, matcher, page.headline if entry else "")
        if not ok:
            if _TRAILER.search(video.title or ""):
                res.rejected.append(Rejected(video.title or (video.url or ""), reason))
            continue
        key = video.video_id or video.url or video.title
        if key in seen:
            continue
        seen.add(key)
        evidence = f"a {video.title!r} control under {video.context!r}" if video.label else \
            f"embedded video: {video.title}"
        res.trailers.append(Trailer(_kind(f"{video.title} {video.context}"), evidence,
                                    watch_url(video.url, video.video_id), video.video_id,
                                    f"{video.context}: {video.title}" if video.label else video.title))
    talk = _Talk()
    cache = text_cache(page)
    # Trailer talk that names no season is about the season the article is about.
    context = article_season(page, matcher, target)
    other_season_article = target.season is not None and context is not None and context != target.season
    thread = False  # the sentence before was about the target
    for block in page.blocks:
        if block.zone != "main":
            continue
        sentences = matcher.rejoin(cache.sentences(block.text)) if block.kind == "paragraph" else [block.text]
        if not _may_talk_of_trailers(block):
            # Most blocks say nothing of a trailer or a video: they only carry the thread on.
            # (Every pattern below matches in a sentence only where it matches in its block.)
            thread = next((about[s] for s in reversed(sentences) if s in about), thread)
            continue
        for sentence in sentences:
            before, thread = thread, about.get(sentence, thread)
            if ((_VIDEO_WORD.search(sentence) or _TRAILER.search(sentence)) and (
                    _FAKE.search(sentence) or _DOUBTED.search(sentence))) or _OLD_FOOTAGE.search(sentence):
                # "That video is a fan edit: S2 footage, ...", "It is fan-made, cut from season six footage";
                # and a page that asks "Is this Perigee S2 trailer real?" doubts the one going round.
                talk.fake = talk.fake or sentence
            if _TRAILERS_HEADING.fullmatch(block.heading) and _OUT_NOW_LIST.match(sentence) and \
                    matcher.find(sentence) and _season_of(sentence) in (None, target.season):
                # "Trailers" / "Out now: Den of Thieves 2: Pantera · Wolf Man · Companion": each one's is out.
                talk.release(sentence)
                continue
            trailer_word = _TRAILER.search(sentence)
            if trailer_word is None:
                continue
            if entry and block.kind in ("list_item", "paragraph") and _VIDEOS_HEADING.search(block.heading) \
                    and _VIDEO_CARD.match(sentence) and _season_of(sentence) in (None, target.season):
                # A title's entry page lists its videos: "Videos" / "Teaser Trailer", "Official Trailer".
                talk.release(sentence)
                continue
            # "HBO dates 'Copper Sky: Ridgeback' spinoff, releases teaser": the spinoff's, not the show's.
            named = matcher.find(sentence)
            mentions = [m for m in named if not subtitled_work(sentence, m.end, m.start)]
            has_title = bool(mentions)
            if not has_title and (len(named) > len(mentions) or sibling(sentence, target, 0, len(sentence))
                                  or _OTHER_WORKS.search(sentence)):
                # "Watch the final trailer for Part One" on a page about Part Two; "the spinoff's teaser"
                talk.other = True
                continue
            others = other_titles(sentence, [name for name in titles if name in sentence], matcher, mentions)
            names_other = bool(others) or foreign_subject(sentence, matcher)
            if other_season_article and _season_of(sentence) is None:
                talk.other = True
                continue
            if target.season is not None and target.season > 1 and " | " in sentence and \
                    _season_of(sentence) is None:
                talk.other = True  # a video's caption naming no season, like the video itself
                continue
            if target.season is not None:
                season = _season_of(sentence, trailer_word.start())
                if season is not None and season != target.season and not re.search(
                        rf"\b(?:season|series)\s+{target.season}\b", sentence, re.I):
                    talk.other = True
                    res.rejected.append(Rejected(sentence[:300], f"trailer talk about season {season}"))
                    continue
            # Trailer talk that names no title goes on with the thread of the sentence before it,
            # into a new paragraph too ("... to stream on ITVX from the morning after.  The channel
            # released the first trailer on Tuesday").
            carried = before and block.kind == "paragraph" and not names_other
            # "the first trailer for Night Shift" is Night Shift's, whatever else the sentence names;
            # and "the film's trailer", on a page watched for a series' season, some film's.
            of = _trailer_of(sentence)
            if not (has_title or about.get(sentence, False) or carried) or (
                    of and not (has_title and matcher.find(of))) or (not has_title and other_kind(sentence, target)):
                talk.other = True  # "The trailer for Ember & Ash, which dropped Friday": another title's
                continue
            names = [(m.start, m.end) for m in mentions] + others
            # A title page's own video card: "Larchmont: Season 2 Official Trailer", or just "Season 2
            # Official Trailer" in its trailers row.
            card = len(sentence) < 90 and block.kind != "heading" and (
                (page.title_page and (has_title or (target.season is not None
                                                    and _season_of(sentence) == target.season)))
                # A video tile anywhere: "Trailer · Night Swimmers: Official French Trailer · 1:52".
                or (has_title and bool(_DURATION.search(sentence))))
            _read_sentence(sentence, mask_dates(sentence, [], names), talk, res, card, block.kind == "heading")
    if talk.fake and _CIRCULATING.search(talk.released):
        talk.released = ""  # "A video titled '... Official Trailer' has been doing the rounds": that one
    if talk.fake:
        # The page says the trailer going round is fan-made: an embed of it proves nothing, and
        # when the page also says no official one is out, neither does any other embed.
        keep = talk.released and not talk.none
        res.trailers = [t for t in res.trailers if not _FAKE.search(t.name)] if keep else []
    # An embed is proof; "no trailer yet" outweighs a sentence that only seems to say one is out.
    if res.trailers:
        res.status = "released"
        res.evidence = res.trailers[0].evidence
    elif talk.none and not (talk.released_kind == "teaser" and talk.released and not talk.fake and
                            not re.search(r"\b(?:teasers?|footage|first look|video|promo)\b",
                                          talk.none_clause or talk.none, re.I)) \
            and not (_BROADCAST.search(talk.released) and _ONLINE.search(talk.none)):
        # "the trailer has not yet been released" leaves the teaser that is out standing (also where
        # another clause speaks of footage: "It remains the only footage released; a full trailer will
        # follow"), and "hasn't posted the spot online yet" the spot that aired during the game.
        res.status, res.evidence = "none", talk.none
    elif talk.released:
        res.status, res.evidence = "released", talk.released
        res.trailers.append(Trailer(talk.released_kind, talk.released))
    elif talk.fake or talk.future or talk.no_new:
        res.status, res.evidence = "none", talk.fake or talk.future or talk.no_new
    elif talk.other and mentioned_in_main:
        res.status = "none"
        res.evidence = "only trailers of other titles or seasons"
    return res
