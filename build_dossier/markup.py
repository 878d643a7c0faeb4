"""Escaping and small Markdown fragments for `render`: no value from a source becomes markup.

Every value goes through `esc`, which turns HTML specials and Markdown punctuation into numeric
character references. Python-Markdown, and browsers after it, show those as the characters
themselves, so `<script>`, `*`, `|`, `[x](javascript:...)` and `{{ }}` all read as text.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

_SPECIAL = "&<>\"'\\`*_[]{}()#!|~^$"
"""HTML specials and the Markdown punctuation that works mid-line. Templates never start a line
with a value, so line-start syntax (`-`, `1.`, `===`) needs no escaping."""
_REFERENCES = str.maketrans({ch: f"&#{ord(ch)};" for ch in _SPECIAL})
"""Each special as a numeric character reference."""
_HELD = "\ue000"
"""A private-use character standing for '&' until every other special is replaced."""
_REPLACEMENTS = tuple((ch, f"{_HELD}#{ord(ch)};")
                      for ch in sorted(set(_SPECIAL) - {"&"}, key=lambda ch: (ch != "#", ch)))
"""Each special but '&', '#' first: the others' references contain it."""


def references(text: str) -> str:
    """`text.translate(_REFERENCES)`, made of one replace per special the text holds.

    str.translate looks every character up in the table, about 50 ns each: a source's text
    took 0.2 ms, and a dossier's pages hold millions of characters. Finding and replacing a
    few characters is a fast scan each.
    """
    if _HELD in text:
        return text.translate(_REFERENCES)
    return _replace(text, [pair for pair in _REPLACEMENTS if pair[0] in text], "&" in text)


def references_in(text: str) -> Callable[[str], str]:
    """`references` for pieces of `text`, looking only for the specials `text` holds (a
    source's text is escaped in a score of pieces, between its quotes)."""
    if _HELD in text:
        return references
    present = [pair for pair in _REPLACEMENTS if pair[0] in text]
    ampersand = "&" in text
    return lambda piece: _replace(piece, present, ampersand)


def _replace(text: str, present: list[tuple[str, str]], ampersand: bool) -> str:
    """`text` with the `present` specials, then '&' if `ampersand`, made references."""
    for ch, reference in present:
        text = text.replace(ch, reference)
    if ampersand:
        text = text.replace("&", "&#38;")
    return text.replace(_HELD, "&") if present else text


_SPACE = re.compile(r"\s+")


def esc(value: object) -> Markup:
    """A value as inline text: escaped, on one line."""
    return Markup(esc_text(value))


def esc_text(value: object) -> str:
    """`esc` as a plain string, for template output that is never escaped again."""
    text = str(value)
    if "  " in text or not text.isprintable():  # all whitespace but " " is unprintable
        text = _SPACE.sub(" ", text)
    return references(text)


def esc_block(value: object) -> Markup:
    """A value as the text of an HTML element, line breaks kept (for raw HTML blocks)."""
    return Markup(esc_block_text(value))


def esc_block_text(value: object) -> str:
    """`esc_block` as a plain string, for text assembled into markup right away."""
    return references(str(value))


_LOOKALIKE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”"})
# C1 controls and U+FFFE/U+FFFF too: YAML refuses them, and MkDocs would then show the page's
# front matter as Markdown, links and all.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def plain_title(value: str) -> str:
    """A title for places themes print without escaping (<title>, site name): no markup
    characters, no controls or bidi overrides; the page's own heading keeps the exact text."""
    return _SPACE.sub(" ", _CONTROL.sub("", value)).strip().translate(_LOOKALIKE)


def safe_url(url: str) -> str:
    """An http(s) address, percent-encoded where Markdown or HTML would read it as syntax."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return ""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._[]")


def page_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two Markdown pages (paths relative to `docs/`), as MkDocs expects."""
    same = from_page == to_page
    target = "" if same else _relative(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relative(to_page: str, from_dir: str) -> str:
    # relpath asks the OS for the working directory each time: too slow for 10,000 pages.
    return posixpath.relpath(to_page, from_dir)


def link(text: object, from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A Markdown link whose text is escaped."""
    if from_page == to_page:
        return Markup(f"[{esc(text)}]({page_url(from_page, to_page, anchor)})")
    # Pages in one folder link alike: a source's link is made once for every page listing it.
    return _link(str(text), from_page.rpartition("/")[0] or ".", to_page, anchor)


@functools.lru_cache(maxsize=1 << 16)
def _link(text: str, from_dir: str, to_page: str, anchor: str) -> Markup:
    target = _relative(to_page, from_dir) + (f"#{anchor}" if anchor else "")
    return Markup(f"[{esc(text)}]({target})")


def external(text: object, url: str) -> Markup:
    """A link to another site, or the escaped text alone when the address is not http(s)."""
    href = safe_url(url)
    return Markup(f"[{esc(text)}]({href})") if href else esc(text)


def names_pattern(names: Iterable[str]) -> str:
    """A regular expression matching any of `names`, the longest first where several fit.

    The names share a tree of prefixes, so matching costs the length of the text, not the
    number of names: a plain alternation of 2,500 names tried each one at every position.
    """
    tree: dict[str, Any] = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        ways = []
        for ch, rest in sorted(node.items()):
            if not ch:
                continue
            run = [ch]
            # A run of letters that only one name goes on with is one literal, not a group
            # per letter: a 20,000-letter event title went past Python's recursion limit.
            while len(rest) == 1 and "" not in rest:
                (ch, rest), = rest.items()
                run.append(ch)
            ways.append(re.escape("".join(run)) + branch(rest))
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
        # Optional groups are greedy: a longer name is tried before the one ending here.
        return f"(?:{body})?" if "" in node else body

    return f"(?:{branch(tree)})"


def names_regex(names: Iterable[str]) -> re.Pattern[str]:
    """`names_pattern` compiled, whole names only (see `Linker`). Names nested ever deeper
    ("NATO", "NATO summit", "NATO summit in Madrid", … hundreds deep) make a pattern too
    deep for Python's parser: then the same names as a plain alternation, longest first,
    which finds the same, more slowly."""
    names = list(names)
    try:
        return re.compile(rf"(?<![\w-]){names_pattern(names)}(?![\w-])")
    except RecursionError:
        plain = "|".join(map(re.escape, sorted(names, key=lambda name: (-len(name), name))))
        return re.compile(rf"(?<![\w-])(?:{plain})(?![\w-])")


class Linker:
    """Links the first mention of each known name in a text to its page.

    A name can belong to several pages (two events both called "Press conference"): it is
    linked only when the text's context settles which one, never to a guess.
    """

    def __init__(self, targets: dict[str, tuple[str, ...]]) -> None:
        """`targets` maps a name as it appears in text to the pages it may stand for."""
        self.targets = {name: pages for name, pages in targets.items() if len(name) >= 3}
        # A hyphen joins names into another one: "NATO-Russia Council" is not NATO, nor Russia.
        self.pattern = names_regex(self.targets) if self.targets else None
        self._mentions: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}

    def mentions(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """Every (start, end, pages) of a known name in `text`; a summary appears on several
        pages, and the search over every name is the costly part, so it runs once per text."""
        found = self._mentions.get(text)
        if found is None:
            assert self.pattern is not None
            found = [(m.start(), m.end(), self.targets[m.group()])
                     for m in self.pattern.finditer(text)]
            self._mentions[text] = found
        return found

    def __call__(self, text: str, from_page: str,
                 context: frozenset[str] = frozenset()) -> Markup:
        """The text escaped, with the first mention of each target linked (never to itself).

        `context` names the pages the text is about (a source's events and speakers): among
        several pages sharing a name, the one of them in it is meant.
        """
        if self.pattern is None:
            return esc(text)
        text = _SPACE.sub(" ", text).strip()
        out: list[str] = []
        done: set[str] = set()
        last = 0
        for start, end, pages in self.mentions(text):
            if len(pages) > 1:
                pages = tuple(p for p in pages if p in context)
                if len(pages) != 1:
                    continue  # ambiguous: better no link than a wrong one
            page = pages[0]
            if page in done or page == from_page:
                continue
            done.add(page)
            out.append(esc_block(text[last:start]))
            out.append(link(text[start:end], from_page, page))
            last = end
        out.append(esc_block(text[last:]))
        return Markup("".join(out))
