"""Messages fans read: titles per event kind, bodies per format, escaping, templates."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from apprise.conversion.format import markdown_to_html

from premiere_watch.messages import (
    MAX_EVIDENCE,
    TEMPLATE_FIELDS,
    clean,
    escape_markdown,
    fields,
    render,
    render_digest,
    validate_template,
)
from premiere_watch.model import Event

NARCOS = {"watch": "narcos#s2", "label": "Narcos S2"}
HOSTILE = (
    'Netflix: *Narcos* returns Sept. 2 <script>alert("x")</script> '
    "[click](javascript:alert(1)) <img src=x onerror=alert(1)> https://evil.example/"
)


def ev(kind: str, **kw: object) -> Event:
    return Event(kind=kind, **{**NARCOS, **kw})  # type: ignore[arg-type]


TITLES = [
    (ev("premiere_announced", new="2016-09-02"),
     "Narcos S2 — premiere date announced: Friday, September 2, 2016"),
    (ev("premiere_announced", new="2016-09-02", change="already"),
     "Narcos S2 — premiere date already announced: Friday, September 2, 2016"),
    (ev("premiere_announced", new="2025-23"), "Narcos S2 — premiere date announced: fall 2025"),
    (ev("premiere_changed", new="2016-09-09", old="2016-09-02", change="later"),
     "Narcos S2 — premiere moved later: Friday, September 9, 2016 (was Friday, September 2, 2016)"),
    (ev("premiere_changed", new="2016-08-26", old="2016-09-02", change="earlier"),
     "Narcos S2 — premiere moved earlier: Friday, August 26, 2016 (was Friday, September 2, 2016)"),
    # No change word: the direction is worked out from the dates.
    (ev("premiere_changed", new="2016-10-07", old="2016-09-02"),
     "Narcos S2 — premiere moved later: Friday, October 7, 2016 (was Friday, September 2, 2016)"),
    (ev("premiere_changed", new="2016-09-02", old="2016-09", change="refined"),
     "Narcos S2 — premiere date refined: Friday, September 2, 2016 (was September 2016)"),
    (ev("premiere_postponed", old="2016-09-02", change="withdrawn"),
     "Narcos S2 — premiere date withdrawn (was Friday, September 2, 2016)"),
    (ev("premiere_postponed", new="2017", old="2016-09-02", change="postponed"),
     "Narcos S2 — premiere postponed: 2017 (was Friday, September 2, 2016)"),
    (ev("trailer_released", trailer_kind="trailer", trailer_url="https://youtu.be/abc"),
     "Narcos S2 — trailer released"),
    (ev("trailer_released", trailer_kind="teaser"), "Narcos S2 — teaser released"),
    (ev("trailer_released", trailer_kind="trailer", change="already"),
     "Narcos S2 — trailer already released"),
    (ev("rumour", new="2025-10"), "Narcos S2 — rumoured premiere: October 2025"),
    (Event(kind="source_failing", watch="https://tv.example/x", label="tv.example schedule",
           evidence="HTTP 503 five times since 09:00"),
     "tv.example schedule — source failing: HTTP 503 five times since 09:00"),
    (Event(kind="source_recovered", watch="https://tv.example/x", label="tv.example schedule"),
     "tv.example schedule — source recovered"),
    (Event(kind="test", watch="test", label="premiere-watch"), "premiere-watch — test notification"),
]


@pytest.mark.parametrize(("event", "title"), TITLES, ids=[f"{e.kind}-{e.change}" for e, _ in TITLES])
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_title_per_event_kind(event: Event, title: str, fmt: str) -> None:
    assert render(event, fmt).title == title  # type: ignore[arg-type]


def test_moved_body_shows_old_to_new_evidence_and_source() -> None:
    msg = render(ev("premiere_changed", new="2016-09-09", old="2016-09-02", change="later",
                    evidence="Narcos season 2 now premieres September 9.",
                    source_url="https://news.example/narcos"), "text")
    assert msg.body.splitlines() == [
        "Narcos S2 — premiere moved later",
        "Premiere: Friday, September 2, 2016 → Friday, September 9, 2016",
        "“Narcos season 2 now premieres September 9.”",
        "Source: https://news.example/narcos",
    ]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.open: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag != "br":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"unbalanced </{tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data


def parse_html(fragment: str) -> _Tags:
    p = _Tags()
    p.feed(fragment)
    p.close()
    assert p.open == [], "unclosed tags"
    return p


def test_html_body_escapes_page_text() -> None:
    msg = render(ev("premiere_announced", new="2016-09-02", evidence=HOSTILE,
                    source_url="https://news.example/n?a=1&b=2"), "html")
    p = parse_html(msg.body)
    assert set(p.tags) <= {"p", "b", "blockquote", "a"}
    assert "script" not in p.tags and "img" not in p.tags
    assert '<script>alert("x")</script>' in p.text  # shown as text, inert
    assert p.attrs == [("href", "https://news.example/n?a=1&b=2")]


def test_markdown_body_is_inert_after_apprise_conversion() -> None:
    msg = render(ev("premiere_announced", new="2016-09-02", evidence=HOSTILE), "markdown")
    p = parse_html(markdown_to_html(msg.body))
    assert "script" not in p.tags and "img" not in p.tags and "em" not in p.tags
    assert not any(name == "href" for name, _ in p.attrs)  # no link from page text
    assert "*Narcos*" in p.text and "[click](javascript:alert(1))" in p.text


@pytest.mark.parametrize(("raw", "shown"), [
    ("*bold* _it_", r"\*bold\* \_it\_"),
    ("[a](http://x)", r"\[a\]\(http\://x\)"),
    ("<b>", r"\<b\>"),
    ("# not a heading", r"\# not a heading"),
    ("www.evil.com", r"www\.evil.com"),
    ("&amp;", r"\&amp;"),
    ("Sept. 2, 10:30", "Sept. 2, 10:30"),  # ordinary punctuation stays readable
])
def test_escape_markdown(raw: str, shown: str) -> None:
    assert escape_markdown(raw) == shown


def test_source_link_refuses_other_schemes() -> None:
    msg = render(ev("premiere_announced", new="2016", source_url="javascript:alert(1)"), "html")
    assert "href" not in msg.body
    md = render(ev("premiere_announced", new="2016", source_url="https://x.example/a_(b)"), "markdown")
    assert "[x.example](https://x.example/a_%28b%29)" in md.body


def test_clean_strips_controls_and_caps_length() -> None:
    assert clean("a\x00b\u202ec\x1b[31m\nd", 100) == "abc[31m d"
    long = render(ev("premiere_announced", new="2016", evidence="word " * 300), "text")
    quoted = long.body.splitlines()[2]
    assert len(quoted) == MAX_EVIDENCE + 2 and quoted.endswith("…”")


def test_templates_override_with_escaped_fields() -> None:
    event = ev("premiere_announced", new="2016-09-02", evidence="<b>soon</b>",
               source_url="https://n.example/x")
    msg = render(event, "html", title_template="{label}: {headline}",
                 body_template="<p>{new_words}</p><p>{evidence}</p>{source_link}")
    assert msg.title == "Narcos S2: premiere date announced: Friday, September 2, 2016"
    assert msg.body == ("<p>Friday, September 2, 2016</p><p>&lt;b&gt;soon&lt;/b&gt;</p>"
                        '<a href="https://n.example/x">https://n.example/x</a>')


def test_every_documented_field_is_filled() -> None:
    values = fields(ev("premiere_changed", new="2016-09-09", old="2016-09-02"), "markdown")
    assert set(values) == set(TEMPLATE_FIELDS)
    assert values["season"] == "2"


@pytest.mark.parametrize(("template", "problem"), [
    ("{label} {new_words}", None),
    ("{{literal}} {label!r:>10}", None),
    ("{nope}", "unknown field {nope}"),
    ("{label.__class__}", "unknown field"),
    ("{}", "named fields"),
    ("{label", "bad template"),
    ("{label:{title}}", "nested"),
])
def test_validate_template(template: str, problem: str | None) -> None:
    error = validate_template(template)
    if problem is None:
        assert error is None
    else:
        assert error is not None and problem in error


def test_bad_template_at_runtime_falls_back_to_default() -> None:
    event = ev("premiere_announced", new="2016-09-02")
    assert render(event, "text", title_template="{nope}").title == render(event, "text").title


def test_digest_lists_events_in_given_order() -> None:
    events = [
        ev("premiere_announced", new="2016-09-02", evidence="first <i>", source_url="https://a.example/"),
        ev("trailer_released", trailer_kind="teaser"),
        ev("premiere_changed", new="2016-09-09", old="2016-09-02", change="later"),
    ]
    md = render_digest(events, "markdown")
    assert md.title == "premiere-watch: 3 updates"
    lines = [line for line in md.body.splitlines() if line.startswith("- ")]
    assert [line.split("—")[1].strip()[:20] for line in lines] == [
        "premiere date announ", "teaser released**", "premiere moved later"]
    assert r"first \<i\>" in md.body
    html = render_digest(events, "html")
    p = parse_html(html.body)
    assert p.tags.count("li") == 3 and "i" not in p.tags
    one = render_digest(events[:1], "text")
    assert one == render(events[0], "text")


def test_long_digest_keeps_every_title_but_trims_details() -> None:
    from premiere_watch.messages import MAX_DIGEST_ITEMS

    events = [ev("premiere_announced", new=f"2016-09-{1 + i % 28:02d}", evidence=f"quote {i}",
                 watch=f"w{i}", label=f"Show {i}") for i in range(MAX_DIGEST_ITEMS + 10)]
    msg = render_digest(events, "text")
    assert msg.title == f"premiere-watch: {MAX_DIGEST_ITEMS + 10} updates"
    assert sum(line.startswith("- Show ") for line in msg.body.splitlines()) == MAX_DIGEST_ITEMS + 10
    assert f"quote {MAX_DIGEST_ITEMS - 1}" in msg.body and f"quote {MAX_DIGEST_ITEMS}”" not in msg.body


@pytest.mark.parametrize(("fmt", "inert"), [
    ("markdown", "Narcos S2: \\*\\*Sept 2\\*\\* \\[watch\\]\\(https\\://evil.example/\\)"),
    ("html", "Narcos S2: **Sept 2** [watch](https://evil.example/) &lt;b&gt;"),
])
def test_a_title_is_escaped_for_the_format_the_target_reads_it_in(fmt: str, inert: str) -> None:
    """Issue 14 item 15: a title template carried raw page markup to Markdown/HTML targets."""
    event = ev("premiere_announced", new="2016-09-02",
               evidence="**Sept 2** [watch](https://evil.example/)" + (" <b>" if fmt == "html" else ""))
    msg = render(event, fmt, title_template="{label}: {evidence}", title_format=fmt)  # type: ignore[arg-type]
    assert msg.title == inert
    plain = render(event, fmt, title_template="{label}: {evidence}")  # type: ignore[arg-type]
    assert plain.title.startswith("Narcos S2: **Sept 2** [watch]")  # a mail Subject: plain text, not &lt;


@pytest.mark.parametrize("mention", ["@everyone", "@here", "@Channel", "<!channel>", "<@&123456>", "<@42>"])
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_page_text_never_pings_a_channel(mention: str, fmt: str) -> None:
    event = ev("premiere_announced", new="2016-09-02", evidence=f"{mention} Narcos is back on Sept 2",
               label=f"Narcos {mention}")
    msg = render(event, fmt, title_template="{evidence}", title_format=fmt)  # type: ignore[arg-type]
    for text in (msg.title, msg.body):
        assert mention not in text.replace("\\", "")  # not even once Markdown escapes are dropped
        assert "\u200b" in text
    assert "fans@here.example" in render(ev("premiere_announced", evidence="mail fans@here.example"), "text").body


def test_targets_declare_the_title_format() -> None:
    from premiere_watch.notify import title_format_for

    assert title_format_for("mailtos://u:p@smtp.example.com?to=a@example.com", "html") == "text"  # Subject
    assert title_format_for("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", "markdown") == "markdown"
    assert title_format_for("tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/987654", "html") == "html"
    assert title_format_for("json://hooks.example/", "text") == "text"
