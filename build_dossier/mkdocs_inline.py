"""Python-Markdown extension the MkDocs hook adds (`mkdocs_hook.on_config`; the core never imports
it): the inline step skips each pattern whose opening character is not in the text it is handed,
so that a link's words or a plain sentence are not searched sixteen times for nothing.

Inline patterns were a quarter of MkDocs' time on our pages: every text node is tried against
every pattern in turn, and each try searches the whole text. A pattern that needs a `[` cannot
match a text without one, and what matching puts into the text (a placeholder of letters and
digits between STX and ETX) brings no such character in, so the text of the HTML is the same.
The skipping holds only while every registered pattern is Python-Markdown's own, by class and
regular expression; with any other (an extension's), the stock step runs unchanged.
"""

from __future__ import annotations

import hashlib
import inspect
import xml.etree.ElementTree as etree
from functools import cache
from typing import Any

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

OPENERS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",), "escape": ("\\",), "reference": ("[",), "link": ("[",),
    "image_link": ("![",), "image_reference": ("![",), "short_reference": ("[",),
    "short_image_ref": ("![",), "autolink": ("<",), "automail": ("<",), "linebreak": ("  \n",),
    "html": ("<",), "entity": ("&",), "em_strong": ("*", "_"),
}
"""What each of Python-Markdown's own inline patterns cannot match without (its expression
requires one of these strings)."""
STOCK_LOOP = "fe27babc114aed0a"
"""The start of the digest of Python-Markdown's `__handleInline`, the loop `_handle_inline`
repeats with the skip added: when an upgrade changes it, the stock step runs."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@cache
def stock_loop_digest() -> str:
    """The digest of the installed Python-Markdown's inline loop."""
    return _digest(inspect.getsource(InlineProcessor._InlineProcessor__handleInline))  # type: ignore[attr-defined]


def _names(registry: util.Registry[Any]) -> list[str | None]:
    """The names of the registry's items in the order it yields them, None for a name that
    `OPENERS` does not know (the registry has no public list of its names)."""
    names: list[str | None] = [None] * len(registry)
    for name in OPENERS:
        if name in registry:
            names[registry.get_index_for_name(name)] = name
    return names


@cache
def _stock_patterns() -> dict[str, tuple[type, str]]:
    md = markdown.Markdown()
    return {name: (type(pattern), pattern.compiled_re.pattern)
            for name, pattern in zip(_names(md.inlinePatterns), md.inlinePatterns, strict=True)
            if name is not None}


def openers(patterns: util.Registry[Any]) -> list[tuple[str, ...]] | None:
    """Each registered pattern's openers, in order; None when one is not Python-Markdown's own."""
    stock = _stock_patterns()
    names = _names(patterns)
    known = [name for name in names if name is not None]
    if stock_loop_digest() != STOCK_LOOP or len(known) < len(names) or any(
            stock.get(name) != (type(pattern), pattern.compiled_re.pattern)
            for name, pattern in zip(known, patterns, strict=True)):
        return None
    return [OPENERS[name] for name in known]


class SkippingInline(InlineProcessor):
    """Python-Markdown's inline step, skipping the patterns a text cannot match."""

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        # Looked at on every page: extensions register patterns after this step is made.
        self.openers = openers(self.inlinePatterns)
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """`__handleInline` (which `__applyPattern` calls back), a pattern skipped as
        not matching when none of its openers is in `data`."""
        openers = self.openers
        if openers is None:
            return InlineProcessor._InlineProcessor__handleInline(self, data, patternIndex)  # type: ignore[attr-defined,no-any-return]
        if isinstance(data, util.AtomicString):
            return data
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        patterns = self.inlinePatterns
        start, index, count = 0, patternIndex, len(patterns)
        while index < count:
            if any(opener in data for opener in openers[index]):
                data, matched, start = apply(patterns[index], data, index, start)
                if matched:
                    continue
            else:
                start = 0  # what a pattern that does not match gives back
            index += 1
        return data


class SkippingInlineExtension(Extension):
    """Registers `SkippingInline` in place of the stock inline step."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(SkippingInline(md), "inline", 20)


def makeExtension(**kwargs: Any) -> SkippingInlineExtension:
    """How Python-Markdown loads the extension by its module's name."""
    return SkippingInlineExtension(**kwargs)
