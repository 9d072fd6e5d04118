"""Whose is a date in a sentence about the target: the checks, clause by clause.

``attribution.py`` says what a sentence names (the target by description, other
titles, siblings, plural subjects); this module asks, for one date in one
clause, whether English gives it to one of those instead of the target: the
clause's own title, the subject of a participle or a predicate, the title an
"it", "the former" or a which-clause points back to, the nearest title named,
an appositive's title, and, for a series, another season or a later part of it.
``claims.py`` calls ``date_owner`` before it gives a date to the target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from premiere_watch.extract import cues
from premiere_watch.extract.attribution import clause_title, compared, nearest_name, plural_subject, sibling
from premiere_watch.extract.mentions import DateMention
from premiere_watch.extract.titles import Mention, TitleMatcher, season_refs
from premiere_watch.model import Target

TIME_WORDS = r"when|after|before|since|once|until"  # what opens a time clause


@dataclass(frozen=True)
class DatedSentence:
    """One sentence as the date checks see it."""

    text: str
    masked: str  # dates blanked, so that cue words never match inside one
    mentions: list[Mention]  # of the target
    anaphora: list[tuple[int, int]]  # "it", "the film" where the target is not named
    anaphora_all: list[tuple[int, int]]
    other_spans: list[tuple[int, int]]  # other titles named in it
    context_season: int | None
    schedule: bool  # a listing row or heading: a day there needs no release word
    headline: bool
    zone: str
    slot_taken: bool  # another title takes the target's slot here
    stamp_end: int = 0  # a timeline entry's own date ends here ("June 2023: moved to ...")
    old_entry: bool = False  # in a timeline entry a later entry supersedes


_RELEASE_OF = re.compile(r"\W*(?:(?:wide|limited|theatrical|global|worldwide|US|UK)\s+)?(?:release|premiere|debut|"
                         r"opening|launch|bow)\s+of\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,3}?[\"“‘']?",
                         re.I)


_SUBJECT_LEAD = re.compile(r"^[\s|\"“‘'(]*(?:(?:meanwhile|and|but|now|so|also|still|finally|yes|well)[,:]?\s+)?"
                           r"(?:the\s+)?(?:(?:new|upcoming|final|next|latest|long-awaited)\s+)?", re.I)


# "Ana Ruiz directed the sequel": a work named by its kind, not a pronoun.
_PARTICIPLE_LEAD = re.compile(r"\s*(?:and\s+|now\s+|then\s+)*[a-z]+ing\b")
# "problems on Blade": a title inside a prepositional phrase is nobody's antecedent.
_IN_PHRASE = re.compile(r"\b(?:on|of|in|at|by|with|from|about|after|before|over|than|like|for|to|behind)\s+"
                        r"(?:the\s+)?$", re.I)


def in_phrase(sentence: str, mention: Mention) -> bool:
    # ... but "The makers of Stree 2 announced that the film ...": the work of its makers is
    # what their sentence is about; and "UPDATE on Sallow Point: ... the coastal thriller
    # premieres": a label's title is what follows it.
    return bool(_IN_PHRASE.search(sentence, max(0, mention.start - 12), mention.start)) and \
        not _MAKERS_OF.search(sentence, max(0, mention.start - 30), mention.start) and \
        not _LABEL_ON.match(sentence, 0, mention.end + 3)


_LABEL_ON = re.compile(r"\W*(?:update|updated|news|more|latest|breaking|new|just in)\s+(?:on|about|for)\s+"
                       r"[^:]{1,60}:\s", re.I)


def opens_with_span(sentence: str, start: int) -> bool:
    lead = _SUBJECT_LEAD.match(sentence)
    return start <= (lead.end() if lead else 0) + 1


def _past_predicate(sentence: str, end: int) -> int:
    m = _PREDICATE_AFTER.match(sentence, end)
    return m.end() if m else end


def past_appositive(sentence: str, end: int) -> int:
    m = _APPOSITIVE_AFTER.match(sentence, end)
    return m.end() if m else end


_MAKERS_OF = re.compile(r"\b(?:makers|producers|creators|team|filmmakers|director|directors|writers|showrunners?|"
                        r"cast|stars?|studio|distributors?)\s+(?:of|behind)\s+(?:the\s+)?$", re.I)


# ", the series that picks up after The Batman," and "(the 1991 prequel, Patrick Gibson as young Dex)"
# (An appositive is a noun phrase: ", will now premiere on ..." is the sentence's predicate.)
_PREDICATE_AFTER = re.compile(r",\s+(?:will|would|is|are|was|were|has|have|had|can|could|should|may|might|now)\b"
                              r"[^,;.]{3,120}(?:,|$)")
_APPOSITIVE_AFTER = re.compile(r",\s+(?!(?:which|who|and|but|while|as|when|will|would|shall|is|are|was|were|has|have|"
                               r"had|can|could|should|may|might|must|now|then|also|still)\b)[^,;.]{3,120},|"
                               r"\s*\([^()]{1,200}\)")


# "X, which ...", and German's "„X“, die am 14. Mai ... startet"
_WHICH_AFTER = re.compile(r"[“”\"]?,\s+(?:which|die|der|das|welche[rs]?)\b")


_SINCE_BEFORE = re.compile(rf"\b(?:{TIME_WORDS})\s+(?:the\s+)?$", re.I)
_OWN_PAST_VERB = re.compile(r"\s+(?:\w+ly\s+)?[a-z]{3,}ed\b")
_COORDINATED_WITH = re.compile(r"\b(?:and|&)\b", re.I)
_SHARED = re.compile(r"\b(?:both|each|all (?:two|three|four|five))\b", re.I)
_WHICH_LEADS = re.compile(r",\s*which\b", re.I)
_OWN_WHICH_CLAUSE = re.compile(r"[“”\"]?,\s+(?:which|who)\b[^,;]{3,160},")


def in_time_clause(sentence: str, span: tuple[int, int]) -> bool:
    """"... since Better Call Saul wrapped in 2022": a title that is the subject of a time clause
    with a past verb of its own, inside another subject's sentence."""
    return bool(_SINCE_BEFORE.search(sentence, max(0, span[0] - 8), span[0])) and \
        _OWN_PAST_VERB.match(sentence, span[1]) is not None


# "the date it announced in January", "said it had not yet decided": "it" is the company speaking.
_IT_SPEAKS = re.compile(r"\s+(?:(?:had|has|have|would|will|did|does|is|was|not|n['’]t|yet|also|still|now)\s+){0,3}"
                        r"(?:said|says|say|announc\w*|confirm\w*|decid\w*|reveal\w*|added|told|tells|plans?|"
                        r"hop\w*|expect\w*|declined|refused|comment\w*|chose|agreed)\b", re.I)


def _it_takes(sentence: str, lo: int, at: int, anaphora: list[tuple[int, int]],
              other_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The other title a bare "it" in the date's clause points back to: the nearest one the
    sentence named before it (outside a time clause of its own)."""
    pronoun = next((a for a in reversed(anaphora) if lo <= a[0] < at and sentence[a[0]:a[1]].lower() == "it"
                    and not _IT_SPEAKS.match(sentence, a[1])), None)
    if pronoun is None:
        return None
    # (A name of two words or more: a lone capitalised word may be a people's or a place's.  A
    # title named only to compare ("the same day as The Matrix 4") is nobody's antecedent.)
    before = [sp for sp in other_spans if sp[1] <= pronoun[0] and not in_time_clause(sentence, sp)
              and " " in sentence[sp[0]:sp[1]].strip() and not compared(sentence, sp[0])]
    return before[-1] if before else None


def in_their_which_clause(sentence: str, at: int, other_spans: list[tuple[int, int]]) -> bool:
    """"Next weekend brings Gran Turismo, which moved its opening to Aug. 25": a pronoun in
    a which-clause after another title points back to that title.  The clause ends at its closing
    comma: "in the United States, which ran into Friday morning, Disney announced that X ..."."""
    lo, _hi = cues.clause_bounds(sentence, at, at)
    return any((which := _WHICH_AFTER.match(sentence, end)) and end <= lo <= end + 8
               and "," not in sentence[which.end():at] for _, end in other_spans)


def _opens_with(sentence: str, mentions: list[Mention]) -> bool:
    """The sentence opens with the target: it is the subject the sentence's pronouns take."""
    lead = _SUBJECT_LEAD.match(sentence)
    return any(m.start <= (lead.end() if lead else 0) for m in mentions)


# Between a title and a pronoun: "X and will open ", "X, and plans to release ": a predicate joined
# to the one that names the title, with the pronoun for its object.
_AND_THEN_IT = re.compile(r",?\s+and\s+(?:(?:will|would|can|could|also|then|now|plans?\s+to|intends?\s+to|"
                          r"is\s+set\s+to|hopes?\s+to|expects?\s+to)\s+)*[a-z]+\s+", re.I)


def _owned_by_target(sentence: str, anaphor: tuple[int, int], mentions: list[Mention],
                     others: list[tuple[int, int]]) -> bool:
    """"removed Meridian Run from its March 29 date": a possessive takes the nearest title
    named before it; and "the revival of X, counted as the show's 14th season,": a reference
    inside the title's appositive describes it."""
    if any(m.end <= anaphor[0] < past_appositive(sentence, m.end) for m in mentions):
        return True
    if any(m.end <= anaphor[0] and _AND_THEN_IT.fullmatch(sentence, m.end, anaphor[0]) for m in mentions):
        return True  # "has bought the rights to X and will open it": the next predicate's object is X
    if sentence[anaphor[0]:anaphor[1]].lower() not in ("its", "their"):
        return False
    before = [m.end for m in mentions if m.end <= anaphor[0]]
    return bool(before) and not any(max(before) <= o_start < anaphor[0] for o_start, _ in others)


_LATER_PART = re.compile(r"\b(?:(?:second|final|last|back) half|Vol(?:ume|\.)\s*(?:2|Two|II|3|Three|III))\b", re.I)
TARGET_KEY = "\x00target"  # the target among the titles a paragraph names, in order
_FORMER_LATTER = re.compile(r"\b[Tt]he (former|latter)\b")


def _former_or_latter(sentence: str, start: int, earlier: list[str], here: list[tuple[int, str]]) -> str | None:
    """The title "the former" or "the latter" takes when it is the date's clause's subject:
    of the last two titles the paragraph has named, the first or the second."""
    if "former" not in sentence and "latter" not in sentence:
        return None  # most sentences: no clause to bound
    lo, _hi = cues.clause_bounds(sentence, start, start)
    phrase = None
    for m in _FORMER_LATTER.finditer(sentence, lo, start):
        phrase = m
    if phrase is None:
        return None
    named: list[str] = []
    for key in earlier + [key for at, key in here if at < phrase.start()]:
        if key not in named:
            named.append(key)
    if len(named) < 2:
        return None
    return named[-2] if phrase.group(1) == "former" else named[-1]


def _gap(dm: DateMention, span: tuple[int, int]) -> int:
    return dm.start - span[1] if span[1] <= dm.start else (span[0] - dm.end) + 15


# Between a sentence's subject and a later date, a new main clause brings its own subject.
# A clause of its own, not an elaboration after a colon: ", but", "; ", "while".
_COORDINATE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|yet|so)?|\b(?:but|while|whereas))\s*$", re.I)
_IT = re.compile(r"\bit\b", re.I)
_NEW_CLAUSE = re.compile(r",\s+(?:so|and|but|yet|or)\b|;|\b(?:but|while|whereas|although|though)\b", re.I)


_SEASON_RELEASES = re.compile(r"\s+(?:(?:will|is|finally)\s+)?(?:arrives?|premieres?|returns?|debuts?|launch(?:es)?|"
                              r"comes?|lands?|drops?|airs?|starts?|begins?|streams?|is due|opens?)\b", re.I)


def season_ok(target: Target, sentence: str, start: int, end: int, mentions: list[Mention],
               context_season: int | None, row: bool = False) -> tuple[bool, str, int | None]:
    """Which season a date belongs to: nearest season reference in its clause, else context."""
    if target.season is None:
        if target.kind == "film":
            # "when the show's fifth and final season arrives, which Amazon has said will be in 2026":
            # a numbered season that is the subject of a release is a series', whatever film the page
            # is about ("the third season of X premieres" on a page watched for X is X's).
            lo, hi = cues.clause_bounds(sentence, start, end)
            if any(not r.part and r.number is not None and (lo <= r.start < hi or 0 <= start - r.end < 60)
                   and _SEASON_RELEASES.match(sentence, r.end)
                   and not any(0 <= m.start - r.end <= 4 or 0 <= r.start - m.end <= 2 for m in mentions)
                   for r in season_refs(sentence)):
                return False, "a series' season, not this film", None
        return True, "", context_season
    # "the first season's post-production", "season 2's slot": a possessive season is a
    # comparison, not what the date is about.
    refs = [r for r in season_refs(sentence) if sentence[r.end:r.end + 2] not in ("'s", "’s")]
    # "Season 6 arrives in two parts: Part 1 on November 16": parts divide a season that is
    # named (here or by the article); they count as seasons only where nothing else does.
    named = any(not r.part and r.number is not None for r in refs)
    refs = [r for r in refs if not r.part or not (named or (context_season is not None
                                                            and r.number != context_season))]
    # A listing row is one unit: "Apr 25 — Fallout 4 next-gen update" dates Fallout 4.
    lo, hi = (0, len(sentence)) if row else cues.clause_bounds(sentence, start, end)
    # The date's own clause decides; failing that, a season named just before it
    # ("season 2, episode 3 recap: Nov 13"), not one from an earlier clause far away.
    # A season opening the sentence is its subject, however long the clause between
    # ("Season three, which we have known about since December, premieres March 24"), and
    # what a later clause's "it" takes when no season is named between ("The second series
    # has not aired; the BBC said it will come this spring").
    local = [r for r in refs if lo <= r.start < hi] or [r for r in refs if r.end <= start and start - r.end < 60] \
        or [r for r in refs if r.start <= 12 and r.end <= start and not r.part
            and (not _NEW_CLAUSE.search(sentence, r.end, start) or (
                _IT.search(sentence, lo, start) and not any(r.end <= o.start < start for o in refs)))]
    before = [r for r in local if r.end <= start]
    # "the second season ... around January 2024": a season named before the date in
    # its clause is what the date is about; one named after only when none precedes.
    local = before or local
    numbered: list[tuple[int, int | None, str]] = []
    for r in local:
        dist = start - r.end if r.end <= start else r.start - end
        numbered.append((abs(dist), r.number, r.relation))
    for m in mentions:
        if m.season is not None and lo <= m.start < hi:
            dist = start - m.end if m.end <= start else m.start - end
            numbered.append((abs(dist), m.season, ""))
    if numbered:
        numbered.sort(key=lambda x: x[0])
        _, num, rel = numbered[0]
        if rel == "previous":
            return False, "about a previous season", None
        if num is None:
            # "the new season" is the season the article is about.
            if context_season is not None and context_season != target.season:
                return False, f"the new season here is season {context_season}", context_season
            return True, "", target.season
        if num != target.season:
            return False, f"about season {num}", num
        return True, "", num
    if context_season is not None and context_season != target.season:
        return False, f"context is season {context_season}", context_season
    return True, "", context_season


def _labelled_item(text: str, dm: DateMention, mentions: list[Mention], others: list[tuple[int, int]]) -> str:
    """The other title whose label ("Dexter: Original Sin:") the date ``dm`` comes under, in a run of
    items each headed by a name and a colon; "" when the date is the target's or no such run."""
    labels = sorted([(m.start, m.end, TARGET_KEY) for m in mentions if text[m.end:m.end + 1] == ":"] +
                    [(a, b, text[a:b]) for a, b in others if text[b:b + 1] == ":"])
    if len(labels) < 2 or not any(key == TARGET_KEY for *_, key in labels):
        return ""
    before = [(a, key) for a, b, key in labels if b <= dm.start]
    return before[-1][1] if before and before[-1][1] != TARGET_KEY else ""


def date_owner(view: DatedSentence, dm: DateMention, lo: int, hi: int, target: Target, matcher: TitleMatcher,
               prev_subject: bool, named_before: list[str], named_here: list[tuple[int, str]]) -> str | None:
    """Why the date ``dm``, in the clause ``lo``..``hi`` of a sentence about the target, is another
    title's (the reason, as ``--explain`` shows it), or None when nothing takes it from the target.

    ``prev_subject``: the sentence before was about the target; ``named_before`` and ``named_here``:
    the titles the paragraph named before this sentence and where this one names them, in order
    (``TARGET_KEY`` for the target)."""
    text, sentence, mentions = view.text, view.masked, view.mentions
    anaphora, anaphora_all, other_spans = view.anaphora, view.anaphora_all, view.other_spans
    if label := _labelled_item(text, dm, mentions, other_spans):
        # "Dexter: Original Sin: streaming Dec. 13, 2024; Showtime Dec. 15 Dexter: Resurrection: summer
        # 2025": a name with a colon labels the dates after it, up to the next such name.
        return f"{dm.text!r}: in the item labelled {label!r}"
    # Mentions that are the clause's own (not inside a phrase like "the studio behind X").
    own = [m for m in mentions if lo <= m.start < hi and not in_phrase(sentence, m)]
    if not own and (lo == 0 or _COORDINATE.search(sentence, max(0, lo - 12), lo)) \
            and (other := clause_title(text, lo, hi, matcher)):
        # "X has no date yet, but Glass Tide premieres June 4": the clause's own subject or
        # object is the title it dates.
        return f"{dm.text!r}: about {other!r}, its clause's title"
    if lo > 0 and other_spans and _PARTICIPLE_LEAD.match(sentence, lo) and sentence[:lo].rstrip().endswith(",") \
            and not _opens_with(sentence, mentions):
        opener = next((span for span in other_spans if opens_with_span(sentence, span[0])), None)
        if opener is not None:
            # "Shang-Chi gives up July 9 to Black Widow, shifting to Sept. 3": a participle takes
            # the sentence's subject, not the title named just before it.
            return (f"{dm.text!r}: about {text[opener[0]:opener[1]]!r}, the subject of "
                    "the participle's sentence")
    # ("Practical Magic 2, the sequel that brings Sandra Bullock and Nicole Kidman back, will open ...")
    described_to = max((stop for m in mentions if (stop := past_appositive(text, m.end)) <= dm.start), default=0)
    if other := nearest_name(text, lo, dm.start, mentions, matcher, described_to):
        return f"{dm.text!r}: about {other!r}, the title named just before it"
    if not mentions and other_spans and (named := _it_takes(sentence, lo, dm.start, anaphora_all, other_spans)):
        # "... will be called 'Avatar: Fire and Ash' and confirmed it for Dec. 19, 2025": "it"
        # takes the title the sentence named before it.
        return f"{dm.text!r}: 'it' takes {text[named[0]:named[1]]!r}, named before it"
    # "Part Two, which was shot back-to-back with the first film, opens March 12": the title's
    # own which-clause names its sibling only to describe it.
    sibling_lo = max([lo, *(rel.end() for m in mentions if m.end <= dm.start
                           and (rel := _OWN_WHICH_CLAUSE.match(sentence, m.end)) and rel.end() <= dm.start)])
    which = _WHICH_LEADS.search(sentence, max(0, lo - 12), lo + 7)
    if which and not any(0 <= which.start() - m.end <= 3 for m in mentions):
        # "... with the first film, which opens March 12": "which" takes the phrase before it.
        sibling_lo = max(sentence.rfind(",", 0, which.start()) + 1, which.start() - 60, 0)
    # "Singham Again and Bhool Bhulaiyaa 3 both release this Friday": the title is one of them.
    among = any(lo <= m.start < dm.start and _COORDINATED_WITH.search(sentence, max(0, m.start - 40),
                                                                      min(len(sentence), m.end + 40))
                for m in mentions)
    if other := sibling(sentence, target, sibling_lo, dm.start) or (
            "" if among else plural_subject(sentence, lo, hi)):
        return f"{dm.text!r}: about {other!r}, not this title"
    # Attribute the date to the nearest title named in the sentence.
    if mentions and anaphora_all and not prev_subject and not _opens_with(sentence, mentions) and \
            all(in_phrase(sentence, m) for m in mentions):
        # "A reshuffle triggered by problems on Blade pushed it to ...": the pronoun
        # nearer the date points back to the previous sentence's title, not ours.  When
        # ours is the sentence's subject ("Succession returns for its fourth season on
        # March 26"), the pronoun is its own.
        near_m = min(abs(_gap(dm, (m.start, m.end))) for m in mentions)
        near_a = min((abs(_gap(dm, a)) for a in anaphora_all
                      if not _owned_by_target(sentence, a, mentions, other_spans)), default=10**6)
        if near_a < near_m:
            return f"{dm.text!r}: the pronoun before it refers to another title"
    if any(0 <= a - dm.end <= 60 and _RELEASE_OF.fullmatch(sentence, dm.end, a) for a, _ in other_spans):
        # "a week after Universal's July 16, 2027, release of the animated sequel 'Moonpuddle 2'"
        return f"{dm.text!r}: the release of the title named after it"
    if target.season is not None and _LATER_PART.search(sentence, 0, dm.start) and \
            not any(_LATER_PART.search(name) for name in target.names) and \
            (later := _LATER_PART.search(sentence, lo, dm.start)):  # (not a target called "... Volume 2")
        # "the second half of the season arrives on June 4": not where the season begins
        # (a numbered "Part 2" is weighed below, with the season it may itself be).
        return f"{dm.text!r}: a later part of the season ({later.group(0)!r})"
    if (pointed := _former_or_latter(sentence, dm.start, named_before, named_here)) not in (
            None, TARGET_KEY):
        # "Saltbush on ABC and Red Gum Crossing on Stan.  The former returns on Saturday": Saltbush.
        return f"{dm.text!r}: about {pointed!r}, the title 'the former' or 'the latter' takes"
    if any(end < dm.start < past_appositive(sentence, end) for _, end in other_spans):
        # "On the Rocks, the Sofia Coppola movie it is co-releasing this fall, ...": the
        # appositive describes that title, its date included.
        return f"{dm.text!r}: in the appositive of another title"
    if subject := next((text[a:b] for a, b in other_spans if b < dm.start < _past_predicate(sentence, b)
                        and not any(m.start < b for m in mentions)), None):
        # "Branagh's next film, the Agatha Christie mystery Death on the Nile, is now due in cinemas
        # on February 11": the title just before the predicate is its subject, unless ours
        # opened the sentence and that title is in our appositive.
        return f"{dm.text!r}: about {subject!r}, the subject of the predicate after it"
    if in_their_which_clause(sentence, dm.start, other_spans):
        return f"{dm.text!r}: in a which-clause about another title"
    # "Gilligan's first series since Better Call Saul wrapped in 2022 will premiere on Nov. 7":
    # a title in a time clause of its own, with its own past verb, is not the subject.
    # ... and when the target opens the date's clause, a title named past a clause break after the
    # date is the next clause's subject ("X moves from May 2 to May 1, and Y goes from May 1 to ...").
    subject_here = any(lo <= m.start and m.end <= dm.start for m in mentions)
    rivals = [sp for sp in other_spans if not (in_time_clause(sentence, sp) and sp[1] < dm.start)
              and not (subject_here and sp[0] > dm.end and _NEW_CLAUSE.search(sentence, dm.end, sp[0]))]
    if rivals:
        near_other = min(abs(_gap(dm, s)) for s in rivals)
        # "moved Perihelion, Ines Albrecht's space thriller starring ..., from Nov. 6": the
        # appositive describes the target and stands between it and its date.
        # (A pronoun past the date's clause, "...dated for 19 December; its trailer is out", is
        # the next clause's subject.)
        targets = [(m.start, past_appositive(sentence, m.end)) for m in mentions] + [
            a for a in anaphora if a[0] < hi or a[0] < dm.start]
        near_target = min((abs(_gap(dm, t)) for t in targets), default=10**6)
        shared = among and _SHARED.search(sentence, lo, dm.start)  # "X and Y both release ..."
        if near_other < near_target and not shared:
            return f"{dm.text!r} belongs to another title"
    return None
