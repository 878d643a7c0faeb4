"""Where everything is: the generated pages' paths under `docs/` and the anchors inside them.

One module so that pages, templates, `load`, `cluster`, the PDF and tests agree on every
address; a path or anchor scheme changes here or nowhere.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections.abc import Sequence

from anyascii import anyascii

from .textmatch import fold, words

# Pages ------------------------------------------------------------------------------------

SOURCES_FOLDER = "sources"
EVENTS_FOLDER = "events"
PEOPLE_FOLDER = "people"
STATEMENTS_FOLDER = "quotes"
"""One page per statement, beside the quote index (`quotes.md`, served as `/quotes/`)."""
ASSETS_DIR = "assets/build-dossier"
"""Where the stylesheets go under docs/ (generated like the pages, so never committed)."""
ASSETS = ("dossier.css", "print.css", "statement.css", "citation.js")
"""The stylesheets and the citations' copy button (`citation.js`), copied from the package's
`assets/` into ASSETS_DIR."""

GENERATED_FOLDERS = (SOURCES_FOLDER, EVENTS_FOLDER, PEOPLE_FOLDER, STATEMENTS_FOLDER, ASSETS_DIR)
"""Folders of docs/ whose pages build-dossier writes; the index pages are the rest."""

HOME_PAGE = "index.md"
QUOTES_PAGE = "quotes.md"
CHRONOLOGY_PAGE = "chronology.md"
DOSSIER_JSON = "dossier.json"
CITATIONS_JSON = "citations.json"
"""Every source's citation as CSL-JSON, for reference managers."""
SOURCES_INDEX = f"{SOURCES_FOLDER}/index.md"
EVENTS_INDEX = f"{EVENTS_FOLDER}/index.md"
PEOPLE_INDEX = f"{PEOPLE_FOLDER}/index.md"
FEED_FILE = "feed.xml"
"""The Atom feed of new sources and events."""
INDEX_PAGES = (QUOTES_PAGE, DOSSIER_JSON, SOURCES_INDEX, CHRONOLOGY_PAGE, EVENTS_INDEX,
               PEOPLE_INDEX, HOME_PAGE, FEED_FILE, CITATIONS_JSON)
"""The pages listing the whole dossier, the costliest first."""

CHRONOLOGY_PDF = "chronology.pdf"
"""Where the PDF goes, relative to the site's root (it is not a page of docs/)."""


def source_page(source_id: str) -> str:
    """A source's page."""
    return f"{SOURCES_FOLDER}/{source_id}.md"


def event_page(event_id: str) -> str:
    """An event's page."""
    return f"{EVENTS_FOLDER}/{event_id}.md"


def person_page(person_id: str) -> str:
    """A person's (or organisation's) page."""
    return f"{PEOPLE_FOLDER}/{person_id}.md"


def statement_page(anchor: str) -> str:
    """A statement's page, at its quote-index anchor: `quotes/<anchor>.md`, served as
    `/quotes/<anchor>/`."""
    return f"{STATEMENTS_FOLDER}/{anchor}.md"


def moved_statement(alias: str) -> str:
    """Where a statement's page was when its anchor was `alias` (another wording or occasion
    of it, or its anchor before a source joined it): a small static page sending readers on."""
    return f"{STATEMENTS_FOLDER}/{alias}/index.html"


def served_at(page: str) -> str:
    """Where a page is served, from the site's root: `quotes/q-we-are-1a2b3c-4d5e/`."""
    served = posixpath.splitext(page)[0]
    if posixpath.basename(served) == "index":
        served = posixpath.dirname(served)
    return f"{served}/" if served else ""


def asset_path(name: str) -> str:
    """A stylesheet's path under docs/."""
    return f"{ASSETS_DIR}/{name}"


def docs_href(from_page: str, docs_path: str) -> str:
    """A Markdown link's target from a page to another file of docs/ (such as the PDF, which
    the build stages there): every renderer rewrites such links for where the page is served,
    under any sub-path, which raw HTML links are not."""
    return posixpath.relpath(docs_path, posixpath.dirname(from_page) or ".")


# Anchors ----------------------------------------------------------------------------------


def event_anchor(event_id: str) -> str:
    """An event's place in the chronology (page and timeline alike)."""
    return event_id


def speaker_anchor(person_id: str) -> str:
    """A speaker's section of the quote index."""
    return person_id


def _ascii_word(word: str) -> str:
    """A word of an anchor in ASCII: accents dropped ('é' → 'e'), and a word in another script
    transliterated ('Путин' → 'putin') rather than lost."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    if not re.sub(r"[^a-z0-9]", "", ascii_word) and any(ch.isalnum() for ch in word):
        ascii_word = anyascii(word).lower()
    return re.sub(r"[^a-z0-9-]+", "", ascii_word.replace("'", ""))


def quote_anchor(speaker: str, text: str, folded_words: Sequence[str] | None = None) -> str:
    """A readable anchor derived from who said what: `jens-stoltenberg-we-are-always-3fa2c1`.

    `folded_words` are `words(text)` when the caller has them already. Latin words keep their
    letters without accents; words in other scripts are transliterated.
    """
    head = "-".join(_ascii_word(w) for w in
                    (words(text) if folded_words is None else folded_words)[:4])
    head = re.sub(r"-{2,}", "-", head).strip("-")
    digest = hashlib.sha1(f"{speaker}\n{fold(text).lower()}".encode()).hexdigest()[:6]
    return "-".join(part for part in ("q", head, digest) if part)


def repeated_quote_anchor(anchor: str, nth: int) -> str:
    """The anchor of the `nth` (from 2) quote of one source sharing `anchor`."""
    return f"{anchor}-{nth}"


def cluster_anchor(speaker: str, tokens: Sequence[str], occasion: str) -> str:
    """A quote-index entry's anchor, from speaker, folded wording and occasion (event id or
    date) alone, so that it never depends on other sources."""
    digest = hashlib.sha1(occasion.encode()).hexdigest()[:4]
    return f"{quote_anchor(speaker, ' '.join(tokens))}-{digest}"
