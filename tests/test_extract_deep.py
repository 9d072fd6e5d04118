"""Text nested past libxml2's depth limit is read, in order (issue 14 item 13)."""

from __future__ import annotations

import logging

import pytest

from premiere_watch.extract import extract, parse_page
from premiere_watch.extract.page import all_blocks
from premiere_watch.model import Target

SENTENCE = "Netflix announced that Narcos season 2 will premiere on Friday, September 2, 2016."
NARCOS = Target("Narcos", 2)


def nested(depth: int, inner: str) -> str:
    return ("<html><head><title>Narcos season 2</title></head><body>" + "<div>" * depth + inner
            + "</div>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [200, 256, 300, 1500])
def test_a_date_sentence_deep_in_divs_is_found(depth: int) -> None:
    extraction = extract(parse_page(nested(depth, f"<p>{SENTENCE}</p>")), NARCOS)
    assert extraction.confirmed is not None and str(extraction.confirmed.date) == "2016-09-02"


def test_deep_blocks_keep_their_order_and_boundaries() -> None:
    inner = ("<p>First <b>bold</b> words.</p>" + "<div>" * 10 + "<p>Second block.</p>" + "</div>" * 10
             + " tail of the wrapper <p>Third block.</p>")
    texts = [b.text for b in all_blocks(nested(400, inner))]
    assert texts == ["First bold words.", "Second block.", "tail of the wrapper", "Third block."]


def test_hidden_scripts_and_comments_stay_unread_when_flattened() -> None:
    inner = (f'<div style="display: none"><div><p>Hidden: {SENTENCE}</p></div></div>'
             "<p>Shown <!-- not this --> here.<script>var x = 'nor this';</script></p>")
    assert [b.text for b in all_blocks(nested(300, inner))] == ["Shown here."]


def test_zones_and_headings_survive_flattening() -> None:
    inner = ("<h2>Coming soon</h2><div class='comments'><div><p>I bet it is July 4</p></div></div>"
             "<div class='sidebar'><p>Other Show premieres June 1</p></div><p>Body text.</p>")
    blocks = [(b.text, b.kind, b.zone) for b in all_blocks(nested(300, inner))]
    assert blocks == [("Coming soon", "heading", "main"), ("I bet it is July 4", "paragraph", "comment"),
                      ("Other Show premieres June 1", "paragraph", "aside"), ("Body text.", "paragraph", "main")]


def test_past_the_parsers_hard_limit_the_loss_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, "premiere_watch.extract"):
        blocks = all_blocks(nested(100_000, f"<p>{SENTENCE}</p>"))
    assert blocks == []
    assert "more than 2048 deep" in caplog.text


def test_ordinary_pages_are_parsed_as_before(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        assert [b.text for b in all_blocks(nested(3, f"<p>{SENTENCE}</p>"))] == [SENTENCE]
    assert caplog.text == ""


def test_a_deep_video_embed_is_kept() -> None:
    inner = '<h2>Narcos season 2 trailer</h2><p>Watch: <iframe src="https://www.youtube.com/embed/NarcosS2tr1"></iframe></p>'
    page = parse_page(nested(300, inner))
    assert [v.video_id for v in page.videos] == ["NarcosS2tr1"]
