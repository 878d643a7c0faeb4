"""MkDocs adapter for the hook (`mkdocs_hook.py`; the core never imports it): converts a long page
— the chronology, the quotes, the list of sources — one top-level block at a time, reusing each
block's HTML from the last good build while its Markdown is the same.

One edited source changes a few of the hundreds of blocks such a page holds, yet converting the
whole page again was most of an edit's rebuild (1.3 s for the quotes at 1,000 sources). A block
is a heading or an HTML block at the margin and what follows it up to the next one; blocks share
no state in Python-Markdown as long as the page has no reference links, footnotes or
abbreviations and no id occurs in two blocks. A page where that does not hold is converted whole.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import markdown
from markdown.extensions.toc import nest_toc_tokens
from material.plugins.search.plugin import Element, Parser, Section
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

BLOCKS_MIN = 24_000
"""Bytes of Markdown from which a page is converted block by block: below, one conversion
costs less than looking its blocks up."""
_REFERENCE = re.compile(r" {0,3}\[[^\]]+\]:")
"""A reference definition, where a line starts ('[id]: https://…')."""
_LATER_REFERENCE = re.compile(r"\n" + _REFERENCE.pattern)
_FENCE = re.compile(r"^(```|~~~)")
_BLOCK_START = re.compile(r"<div\b|#{1,6}\s")
_SECTION_START = re.compile(r"<h[1-6]\b[^>]*\sid=")
"""A heading with an id, where a block's HTML starts: Material's search begins a section there."""
_FIELDS = {"html": str, "toc": list, "anchors": list, "links": dict, "targets": list,
           "absent": list}

Block = dict[str, Any]
"""What converting one block gave: its HTML, headings, ids, links to other pages' anchors, the
site paths its links point to (`targets`, and `absent` for those not in the site), and the page
title when it has one."""


class Cut(NamedTuple):
    """A long page as `render` converted it: its blocks by key (for the next build's cache), and
    in page order."""

    blocks: dict[str, Block]
    parts: list[Block]


Targets = Callable[[str], tuple[list[str], list[str]]]
"""The site paths a page's HTML links to: those in the site, and those not (yet)."""


def split(text: str) -> list[str] | None:
    """`text` cut before every heading or HTML block at the margin that follows a blank line
    outside any open <div> or code fence; None when blocks would share state."""
    if _shares_state(text):
        return None
    blocks: list[str] = []
    start = depth = 0
    fenced = blank = False
    position = 0
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            if blank and depth == 0 and position > start and _BLOCK_START.match(line):
                blocks.append(text[start:position])
                start = position
            depth += line.count("<div") - line.count("</div>")
        blank = not line.strip()
        position += len(line)
    blocks.append(text[start:])
    return blocks if depth == 0 and not fenced else None


def _shares_state(text: str) -> bool:
    """Whether the page has reference definitions, footnotes or abbreviations: what ties one
    block to another. (One pattern with three `^` branches took a third of a second on the
    22 MB quote index at 10,000 sources: every position was tried.)"""
    return ("[^" in text or text.startswith("*[") or "\n*[" in text
            or _REFERENCE.match(text) is not None or _LATER_REFERENCE.search(text) is not None)


def key(page: Page, block: str) -> str:
    """A block's cache key: its Markdown, on this page (links are relative to it)."""
    return hashlib.sha256(f"{page.file.src_uri}\n{block}".encode()).hexdigest()


def well_formed(block: Any) -> bool:
    """Whether a cached block has every field of the right type."""
    return (isinstance(block, dict)
            and all(isinstance(block.get(name), kind) for name, kind in _FIELDS.items())
            and (block.get("title") is None or isinstance(block["title"], str)))


class _Converter:
    """One Markdown instance, set up as `Page.render` sets it up, converting block after block."""

    def __init__(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(self.md)
        self.anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        self.anchors._register(self.md)
        self.links = _RelativePathTreeprocessor(page.file, files, config)
        self.links._register(self.md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(self.md)

    def convert(self, block: str) -> Block:
        self.md.reset()
        self.anchors.present_anchor_ids = set()
        self.links.links_to_anchors = {}
        self.title.title = None
        html = self.md.convert(block)
        return {
            "html": html,
            "toc": _flat(getattr(self.md, "toc_tokens", [])),
            "anchors": sorted(self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids),
            "links": {file.src_uri: links for file, links in self.links.links_to_anchors.items()},
            "title": self.title.title,
        }


def _flat(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headings in document order, without their nesting."""
    out = []
    for token in tokens:
        out.append({"level": token["level"], "id": token["id"], "name": token["name"]})
        out.extend(_flat(token.get("children", [])))
    return out


def render(page: Page, config: MkDocsConfig, files: Files, known: Mapping[str, Block],
           reusable: Callable[[Block], bool], targets: Targets) -> Cut | None:
    """Stands in for `page.render` on a long page: each block taken from `known` (by `key`)
    when `reusable`, converted otherwise; the blocks this page is made of, by key, or None when
    the page is not cut into blocks (the caller converts it whole)."""
    assert page.markdown is not None
    blocks = split(page.markdown) if len(page.markdown) >= BLOCKS_MIN else None
    if blocks is None or len(blocks) < 2:
        return None
    converter: _Converter | None = None
    used: dict[str, Block] = {}
    parts: list[Block] = []
    for block in blocks:
        name = key(page, block)
        found = used.get(name) or known.get(name)
        if found is None or not well_formed(found) or not reusable(found):
            converter = converter or _Converter(page, config, files)
            found = converter.convert(block)
            found["targets"], found["absent"] = targets(found["html"])
        used[name] = found
        parts.append(found)
    ids = [anchor for part in parts for anchor in part["anchors"]]
    if len(ids) != len(set(ids)):
        return None  # converted whole, a heading's id could differ
    page.content = "\n".join(part["html"] for part in parts if part["html"])
    headings: Any = [dict(token) for part in parts for token in part["toc"]]
    page.toc = get_toc(nest_toc_tokens(headings))
    page._title_from_render = parts[0]["title"]
    page.present_anchor_ids = set(ids)
    links: dict[File, dict[str, str]] = {}
    for part in parts:
        for uri, anchors in part["links"].items():
            links.setdefault(files.src_uris[uri], {}).update(anchors)
    page.links_to_anchors = links
    return Cut(used, parts)


def search_entries(page: Page, parts: list[Block], index: Any) -> str | None:
    """What Material's search `index` makes of the page `render` cut into `parts`, as JSON
    text: each run of blocks from one heading with an id to the next parsed on its own, and
    taken from the run's first block while that run's HTML is the same. None when a run leaves
    an element open: then only the whole page, parsed at once, says what follows.

    A run starts where Material's parser starts a section, with no element open (every run
    before it closed all its own), so parsing it alone gives the sections the whole page's
    parse gives it. Parsing the quote index's 21 MB of HTML took 4-5 s at 10,000 sources, on
    every edit, for the few runs of it that changed."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return ""
    shown = [part for part in parts if part["html"]]
    runs: list[list[Block]] = []
    for part in shown:
        if runs and _SECTION_START.match(part["html"]) is None:
            runs[-1].append(part)
        else:
            runs.append([part])
    texts = ["\n".join(part["html"] for part in run) for run in runs]
    texts = [text + "\n" for text in texts[:-1]] + texts[-1:]
    if "".join(texts) != page.content:  # a plugin changed the HTML since: parsed whole
        return None
    # Whatever of the page, beside a run's HTML, goes into its entries.
    context = json.dumps([page.url, str(page.meta.get("title", page.title)),
                          page.meta.get("tags"), search.get("boost")], default=str)
    said = []
    for number, (run, text) in enumerate(zip(runs, texts, strict=True)):
        digest = hashlib.sha256(f"{context}\n{text}".encode()).hexdigest()
        kept = run[0].get("search_run")
        if (isinstance(kept, list) and len(kept) == 2 and kept[0] == digest
                and isinstance(kept[1], str)):
            entries = kept[1]
        else:
            parsed = _run_entries(page, text, number == 0, index)
            if parsed is None:
                return None
            entries = parsed
            run[0]["search_run"] = [digest, entries]
        if entries:
            said.append(entries)
    return ",".join(said)


def _run_entries(page: Page, text: str, first: bool, index: Any) -> str | None:
    """One run's entries, as `index.add_entry_from_context` makes them; None when the run
    leaves an element open."""
    parser = Parser()
    if not first:  # the whole page's parser has sections by now: headings are taken so
        parser.data = [Section(Element("hx"), float("inf"))]
    parser.feed(text)
    parser.close()
    if parser.context:
        return None
    before = len(index.entries)
    for section in parser.data[0 if first else 1:]:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    added = index.entries[before:]
    del index.entries[before:]
    return ",".join(json.dumps(entry, separators=(",", ":"), default=str) for entry in added)
