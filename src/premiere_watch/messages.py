"""Events → what a fan reads: a title and a body in the notifier's format.

Every value that comes from a web page (evidence sentences, URLs, trailer
names) is untrusted.  It is cleaned (control and bidi characters removed,
whitespace collapsed, length capped) and then escaped for the body format
*before* it reaches a template, so neither the built-in layout nor an
operator's ``body_template`` can let page text turn into markup, links or
scripts.  Mass mentions (``@everyone``, ``@here``, ``<!channel>``...) are
defused with a zero-width space, so page text can never ping a whole chat
channel.  Titles are single-line and escaped for the format the target reads
them in (``notify.title_format_for``): plain text for a mail Subject, the
body's format where a service puts the title into the body (Discord, MQTT).

Formats: ``markdown`` for chat/push services, ``html`` for mail (a fragment
of ``<p>``/``<blockquote>``/``<ul>``), ``text`` for the console.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from premiere_watch.dates import FuzzyDate
from premiere_watch.model import Event

Format = Literal["markdown", "html", "text"]

# Caps are applied to the cleaned text, before escaping (escaping only grows it).
MAX_EVIDENCE = 500
MAX_LABEL = 120
MAX_SHORT = 120  # dates, change words, trailer kinds, ops reasons in titles
MAX_REASON = 300
MAX_URL = 2000
MAX_TITLE = 250  # Apprise's own default title_maxlen
MAX_DIGEST_ITEMS = 40  # beyond this a digest lists only titles (chat services cap bodies at ~2-4k)

TEMPLATE_FIELDS: dict[str, str] = {
    "label": "how fans name the watch, e.g. 'Narcos S2'",
    "title": "the default title line, e.g. 'Narcos S2 — premiere date announced: Friday, …'",
    "headline": "the default title without the label, e.g. 'premiere date announced: Friday, …'",
    "season": "season number of a series ('' for films and ops events)",
    "kind": "event kind: premiere_announced, premiere_changed, premiere_postponed, "
    "trailer_released, rumour, source_failing, source_recovered, test",
    "kind_text": "what happened in words, e.g. 'premiere moved later'",
    "change": "later | earlier | refined | already | withdrawn | '' ",
    "new": "new value as stored (ISO fuzzy date, or trailer URL)",
    "new_words": "new premiere date in words, e.g. 'Friday, September 9, 2016'",
    "old": "previous value as stored",
    "old_words": "previous premiere date in words",
    "evidence": "the sentence that says it (quoted page text, ≤ 500 chars)",
    "source_url": "the page the evidence comes from",
    "source_link": "the source as a link in the body format (empty without a URL)",
    "trailer_url": "link to the trailer or teaser, if any",
    "trailer_kind": "'trailer' or 'teaser'",
    "reason": "why a source is failing (ops events)",
    "summary": "the default body (what changed, evidence, source), to wrap in your own text",
}

_FORMATTER = string.Formatter()
# Cc = control, Cf = format (bidi overrides, zero-width joiners): both can hide
# or reorder what a fan sees, so none survive from page text.
_DROP = {"Cc", "Cf", "Cs", "Co", "Cn"}
# The characters that can start markup anywhere in a line: emphasis, code,
# links/images, raw HTML and autolinks, strikethrough, tables, headings.  Line-start
# only markup (lists "1." "-", setext "=") cannot occur: page text is always
# placed after a prefix.  Fewer escapes keep Markdown shown raw readable.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#<>~|])")
# Bare URLs are auto-linked by GFM and chat apps: break "://" and "www.".
_MD_AUTOLINK = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)|(?<=\bwww)(\.)", re.I)
# "&amp;"-like text would be decoded as an entity.
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]{1,32};)")
# Words that ping everyone in a chat channel (Discord, Slack, Mattermost, Rocket.Chat,
# Matrix), and Slack/Discord's <!special> and <@id>/<@&role> mention syntax.
_MENTION = re.compile(r"(?<![\w.+-])@(?=(?:everyone|here|channel|all|room|group)\b)|<(?=[!@#])", re.I)
_ZWSP = "\u200b"


# -- cleaning and escaping ---------------------------------------------------


def clean(text: str, limit: int) -> str:
    """Untrusted text → one line of printable text of at most ``limit`` chars."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if c in "\t\n\r\x0b\x0c\x85\u2028\u2029" else c for c in text)
    text = "".join(c for c in text if unicodedata.category(c) not in _DROP)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def escape_markdown(text: str) -> str:
    """Make text render literally in Markdown: no emphasis, links, HTML or headings.

    Apprise's Markdown→HTML step (Python-Markdown with every ASCII punctuation
    escapable) and CommonMark chat renderers both drop the backslashes.
    Escaping ``:`` also stops bare ``https://`` text from being auto-linked.
    """
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    return _MD_ENTITY.sub(r"\\&", text)


def defuse_mentions(text: str) -> str:
    """``@everyone`` → ``@\u200beveryone``: shown the same, pings no one."""
    return _MENTION.sub(lambda m: m.group(0) + _ZWSP, text)


def escape(text: str, fmt: Format) -> str:
    """Untrusted text as ``fmt`` shows it literally, its mass mentions defused."""
    text = defuse_mentions(text)
    if fmt == "html":
        return html.escape(text, quote=True)
    if fmt == "markdown":
        return escape_markdown(text)
    return text


def safe_url(url: str) -> str | None:
    """An http(s) URL safe to put in a link target, or None.

    Characters that could end a Markdown link or an HTML attribute are
    percent-encoded; other schemes (javascript:, data:) are refused.
    """
    url = clean(url, MAX_URL)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.quote(url, safe="/:?#@!$&+,;=%~-._[]")


def link(url: str, fmt: Format, text: str | None = None) -> str:
    """``url`` as a link in ``fmt``; untrusted URLs that are not http(s) become text."""
    target = safe_url(url)
    if target is None:
        return escape(clean(url, MAX_URL), fmt) if url else ""
    shown = clean(text, MAX_LABEL) if text else urllib.parse.urlsplit(target).netloc
    if fmt == "html":
        # Mail shows the whole address: Apprise's text/plain part keeps only link
        # text, and a fan can see where a link goes before clicking it.
        quoted = html.escape(target, quote=True)
        return f'<a href="{quoted}">{quoted}</a>'
    if fmt == "markdown":
        return f"[{escape_markdown(shown)}]({target})"
    return target


# -- what an event means, in words ---------------------------------------------


def date_words(value: str | None) -> str:
    """ISO fuzzy date → ``Friday, September 2, 2016``; anything else unchanged."""
    if not value:
        return ""
    try:
        return FuzzyDate.parse(value).words()
    except ValueError:
        return clean(value, MAX_SHORT)


def _direction(event: Event) -> str:
    """later / earlier / refined, from the event or, failing that, the dates."""
    if event.change in ("later", "earlier", "refined"):
        return event.change
    try:
        new, old = FuzzyDate.parse(event.new or ""), FuzzyDate.parse(event.old or "")
    except ValueError:
        return ""
    if new.refines(old):
        return "refined"
    if new.start() > old.end():
        return "later"
    if new.end() < old.start():
        return "earlier"
    return ""


def _season(event: Event) -> str:
    m = re.search(r"#s(\d+)$", event.watch)
    return m.group(1) if m else ""


def kind_text(event: Event) -> str:
    """What happened, as the middle of a title: ``premiere moved later``."""
    trailer = "teaser" if event.trailer_kind == "teaser" else "trailer"
    if event.kind == "premiere_announced":
        return "premiere date already announced" if event.change == "already" else "premiere date announced"
    if event.kind == "premiere_changed":
        direction = _direction(event)
        return {
            "later": "premiere moved later",
            "earlier": "premiere moved earlier",
            "refined": "premiere date refined",
        }.get(direction, "premiere date changed")
    if event.kind == "premiere_postponed":
        if event.change == "withdrawn" or not event.new:
            return "premiere date withdrawn"
        return "premiere postponed"
    if event.kind == "trailer_released":
        return f"{trailer} already released" if event.change == "already" else f"{trailer} released"
    if event.kind == "rumour":
        return "rumoured premiere"
    if event.kind == "source_failing":
        return "source failing"
    if event.kind == "source_recovered":
        return "source recovered"
    return "test notification"


def default_title(event: Event) -> str:
    """``Narcos S2 — premiere moved later: Friday, September 9, 2016 (was …)``."""
    label = clean(event.label, MAX_LABEL) or "premiere-watch"
    return clean(f"{label} — {headline(event)}", MAX_TITLE)


def headline(event: Event) -> str:
    """The title without the label: ``premiere moved later: … (was …)``."""
    what = kind_text(event)
    new, old = date_words(event.new), date_words(event.old)
    if event.kind in ("premiere_announced", "rumour") and new:
        what += f": {new}"
    elif event.kind == "premiere_changed":
        what += f": {new} (was {old})" if old else f": {new}"
    elif event.kind == "premiere_postponed":
        if new and event.change != "withdrawn":
            what += f": {new}"
        if old:
            what += f" (was {old})"
    elif event.kind == "source_failing" and event.evidence:
        what += f": {clean(event.evidence, MAX_SHORT)}"
    return clean(what, MAX_TITLE)


# -- fields, the default layout, templates -------------------------------------


def fields(event: Event, fmt: Format) -> dict[str, str]:
    """Every TEMPLATE_FIELDS value for ``event``, escaped for ``fmt``."""
    def e(text: str, limit: int = MAX_SHORT) -> str:
        return escape(clean(text, limit), fmt)

    is_date = event.kind in ("premiere_announced", "premiere_changed", "premiere_postponed", "rumour")
    values = {
        "label": e(event.label, MAX_LABEL),
        "title": e(default_title(event), MAX_TITLE),
        "headline": e(headline(event), MAX_TITLE),
        "season": _season(event),
        "kind": event.kind,
        "kind_text": e(kind_text(event)),
        "change": e(event.change),
        "new": e(event.new or "", MAX_URL),
        "new_words": e(date_words(event.new)) if is_date else "",
        "old": e(event.old or "", MAX_URL),
        "old_words": e(date_words(event.old)) if is_date else "",
        "evidence": e(event.evidence, MAX_EVIDENCE),
        "source_url": e(event.source_url, MAX_URL),
        "source_link": link(event.source_url, fmt) if event.source_url else "",
        "trailer_url": e(event.trailer_url, MAX_URL),
        "trailer_kind": e(event.trailer_kind or ("trailer" if event.kind == "trailer_released" else "")),
        "reason": e(event.evidence, MAX_REASON) if event.kind == "source_failing" else "",
    }
    values["summary"] = _default_body(event, fmt, values)
    return values


def _default_body(event: Event, fmt: Format, f: Mapping[str, str]) -> str:
    """Headline, what changed (old → new), the quoted evidence, the source."""
    lines: list[str] = []
    bold = {"markdown": "**{}**", "html": "<b>{}</b>", "text": "{}"}[fmt]
    lines.append(f"{bold.format(f['label'])} — {f['kind_text']}")
    if f["new_words"] or f["old_words"]:
        if f["old_words"] and f["new_words"]:
            lines.append(f"Premiere: {f['old_words']} → {bold.format(f['new_words'])}")
        elif f["new_words"]:
            lines.append(f"Premiere: {bold.format(f['new_words'])}")
        else:
            lines.append(f"Premiere was: {f['old_words']} (no date now)")
    if event.kind == "trailer_released" and event.trailer_url:
        lines.append(f"Watch: {link(event.trailer_url, fmt, event.trailer_kind or 'trailer')}")
    if f["reason"]:
        lines.append(f"Reason: {f['reason']}")
    if f["evidence"] and event.kind != "source_failing":
        lines.append(_quote(f["evidence"], fmt))
    if f["source_link"]:
        lines.append(f"Source: {f['source_link']}")
    if event.kind == "test":
        lines.append("If you can read this, premiere-watch can reach this notifier.")
    if fmt == "html":
        return "\n".join(
            line if line.startswith("<blockquote>") else f"<p>{line}</p>" for line in lines
        )
    return ("\n\n" if fmt == "markdown" else "\n").join(lines)


def _quote(evidence: str, fmt: Format) -> str:
    if fmt == "html":
        return f"<blockquote>“{evidence}”</blockquote>"
    if fmt == "markdown":
        return f"> “{evidence}”"
    return f"“{evidence}”"


def validate_template(text: str) -> str | None:
    """None when ``text`` is a usable template, else a message saying what is wrong.

    Only named fields from TEMPLATE_FIELDS are allowed; attribute and index
    access (``{label.__class__}``) are refused so a template cannot reach
    into Python objects.
    """
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as exc:
        return f"bad template: {exc} (write literal braces as {{{{ and }}}})"
    for _, name, spec, _conv in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            return "bad template: use named fields like {label}, not {} or {0}"
        if name not in TEMPLATE_FIELDS:
            known = ", ".join(sorted(TEMPLATE_FIELDS))
            return f"bad template: unknown field {{{name}}} (known: {known})"
        if spec and "{" in spec:
            return f"bad template: nested field in format spec of {{{name}}}"
    try:
        text.format_map(dict.fromkeys(TEMPLATE_FIELDS, ""))
    except (ValueError, KeyError, IndexError) as exc:
        return f"bad template: {exc}"
    return None


def _apply(template: str | None, values: Mapping[str, str], default: str) -> str:
    # Config validates templates; a template that still fails here (e.g. built
    # in code) falls back to the default rather than losing the alert.
    if template is None or validate_template(template) is not None:
        return default
    return template.format_map(values)


# -- messages ------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """What one Apprise target receives."""

    title: str
    body: str
    body_format: Format


def _one_line(text: str, limit: int) -> str:
    # Not clean(): it would drop the zero-width spaces that defuse mentions.
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render(
    event: Event,
    fmt: Format,
    title_template: str | None = None,
    body_template: str | None = None,
    title_format: Format = "text",
) -> Message:
    """One event → one message.  Template values are already escaped: the body's for ``fmt``,
    the title's for ``title_format`` (the format the target reads the title in)."""
    body_values = fields(event, fmt)
    title_values = body_values if title_format == fmt else fields(event, title_format)
    title = _one_line(_apply(title_template, title_values, title_values["title"]), MAX_TITLE)
    body = _apply(body_template, body_values, body_values["summary"])
    return Message(title=title, body=body, body_format=fmt)


def render_digest(
    events: Sequence[Event],
    fmt: Format,
    title_template: str | None = None,
    body_template: str | None = None,
    title_format: Format = "text",
) -> Message:
    """Many events (already in time order) → one message listing each change.

    Each entry is the event's title (``title_template`` applies) with its
    evidence and source, so a digest reads like the alerts it replaces.
    """
    if len(events) == 1:  # a digest of one reads best as the plain alert
        return render(events[0], fmt, title_template, body_template, title_format)
    n = len(events)
    title = f"premiere-watch: {n} update{'s' if n != 1 else ''}"
    items: list[str] = []
    for i, event in enumerate(events):
        values = fields(event, fmt)
        head = escape(
            clean(_apply(title_template, fields(event, "text"), default_title(event)), MAX_TITLE), fmt
        )
        extra = []
        # Long digests keep every title but drop quotes and links after the first
        # MAX_DIGEST_ITEMS, so the message stays sendable and nothing is hidden.
        if i < MAX_DIGEST_ITEMS:
            if values["evidence"] and event.kind != "source_failing":
                extra.append(f"“{values['evidence']}”")
            if values["source_link"]:
                extra.append(values["source_link"])
        if fmt == "html":
            tail = "".join(f"<br>{x}" for x in extra)
            items.append(f"<li><b>{head}</b>{tail}</li>")
        elif fmt == "markdown":
            tail = "".join(f"\n  {x}" for x in extra)
            items.append(f"- **{head}**{tail}")
        else:
            tail = "".join(f"\n  {x}" for x in extra)
            items.append(f"- {head}{tail}")
    if fmt == "html":
        items = [f"<p>{html.escape(title)}</p>", "<ul>", *items, "</ul>"]
    return Message(title=title, body="\n".join(items), body_format=fmt)
