"""HTML nested deeper than libxml2 allows: keep the text, flatten the structure.

libxml2's HTML parser stops building the tree at depth 256 and silently drops
everything below, so a date sentence inside 300 ``<div>``s used to vanish.
Such a document is parsed again with ``huge_tree`` (libxml2 then allows
2048 levels), and what lies below :data:`MAX_DEPTH` is rebuilt as a flat run
of blocks under its ancestor at that depth, text and block boundaries in
document order — as browsers do (Blink flattens below 512).  The page
walker, which recurses once per level, thus never sees a deeper tree.
Anything below libxml2's hard limit of 2048 levels is still lost; that is
logged.  Ordinary documents are parsed once, exactly as before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

import lxml.html
from lxml import etree

from premiere_watch.extract.zones import BLOCK_TAGS, SKIP_TAGS, Zone, zone_of

__all__ = ["MAX_DEPTH", "document_fromstring"]

MAX_DEPTH = 255  # the depth libxml2 keeps by default: shallower pages are unchanged

log = logging.getLogger("premiere_watch.extract")


def document_fromstring(html: str | bytes) -> Any:
    """Like :func:`lxml.html.document_fromstring`, keeping text nested past depth 255."""
    parser = lxml.html.HTMLParser()
    root = lxml.html.document_fromstring(html, parser=parser)
    if not _too_deep(parser):
        return root
    huge = lxml.html.HTMLParser(huge_tree=True)
    root = lxml.html.document_fromstring(html, parser=huge)
    if _too_deep(huge):
        log.warning("page nests elements more than 2048 deep: the text below that is not read")
    _flatten_below(root, MAX_DEPTH)
    return root


def _too_deep(parser: Any) -> bool:
    return any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in e.message
               for e in parser.error_log)


def _flatten_below(root: Any, depth: int) -> None:
    """Rebuild the content of every element at ``depth`` as a flat run of blocks."""
    stack = [(root, 0)]
    while stack:
        el, level = stack.pop()
        if level == depth:
            if len(el):
                _flatten(el)
            continue
        stack.extend((child, level + 1) for child in el if isinstance(child.tag, str))


def _flatten(el: Any) -> None:
    """Replace the children of ``el`` by one element per run of block text.

    Block boundaries, block tags (headings, list items...), text order and
    zones are kept: each new block carries a marker ``zone_of`` reads back as
    the zone it had under its lost ancestors (zones only get less trusted
    going down, so a marker can always say it).  Inline markup is dropped,
    hidden and skipped subtrees are left out, and videos are kept as they are.
    """
    top: Zone = "main"
    for ancestor in reversed([el, *el.iterancestors()]):
        top = zone_of(ancestor, top)
    blocks: list[Any] = []
    current: Any = None
    contexts: list[tuple[str, Zone]] = [("div", top)]  # the open block elements: tag, zone
    skipping: Any = None  # the root of a subtree that is not read

    def add_text(text: str | None) -> None:
        nonlocal current
        if not text:
            return
        if current is None:
            tag, zone = contexts[-1]
            current = etree.Element(tag, _ZONE_MARK[zone])
            blocks.append(current)
        if len(current):
            current[-1].tail = (current[-1].tail or "") + text
        else:
            current.text = (current.text or "") + text

    for event, node in _events(el):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if skipping is not None:
            if event == "end" and node is skipping:
                skipping = None
                add_text(node.tail)
            continue
        if event == "start":
            if not tag:  # a comment: only its tail is text
                continue
            if tag in ("iframe", "video"):
                add_text(" ")
                current.append(copy_without_tail(node))
                skipping = node
            elif tag in SKIP_TAGS or _hidden(node):
                skipping = node
            elif tag in BLOCK_TAGS and tag not in ("td", "th"):
                current = None
                contexts.append((tag, zone_of(node, contexts[-1][1])))
                add_text(node.text)
            else:
                add_text(" | " if tag in ("td", "th") else " " if tag == "br" else None)
                add_text(node.text)
        else:
            if tag in BLOCK_TAGS and tag not in ("td", "th"):
                current = None
                contexts.pop()
            add_text(node.tail)
    el[:] = blocks


def copy_without_tail(node: Any) -> Any:
    clone = deepcopy(node)
    clone.tail = None
    return clone


# Attributes that make zone_of give a flattened block the zone it had.
_ZONE_MARK: dict[Zone, dict[str, str]] = {
    "main": {}, "aside": {"role": "complementary"}, "chrome": {"role": "navigation"},
    "comment": {"class": "comments"},
}


def _events(el: Any) -> Iterator[tuple[str, Any]]:
    """("start", node) and ("end", node) below ``el`` in document order, comments included."""
    stack = [iter(el)]
    parents: list[Any] = []
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if parents:
                yield "end", parents.pop()
            continue
        yield "start", node
        parents.append(node)
        stack.append(iter(node))


def _hidden(el: Any) -> bool:
    return el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", "")
