"""Names the build itself gives pages: an id equal to one of them would put a source, event or
person page where the build or the renderer writes one of its own, so `check` refuses it.

The names come from the addresses the stages write (render's index pages, folders and assets,
the PDF, the renderer's own files), never from a list kept apart from them.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .addresses import ASSETS, ASSETS_DIR, GENERATED_FOLDERS, INDEX_PAGES
from .load import EVENTS_FILE, PEOPLE_FILE, SOURCES_DIR, Loaded
from .model import Problem
from .pdf import PDF_NAME
from .site import RENDERER_FILES


def _names(addresses: list[str]) -> frozenset[str]:
    """Each folder and file name (without its extension) on the way to each address."""
    names = set()
    for address in addresses:
        for part in PurePosixPath(address).parts:
            names.add(part.split(".", 1)[0])
    return frozenset(names)


RESERVED_IDS = _names([*INDEX_PAGES, *GENERATED_FOLDERS, PDF_NAME, *RENDERER_FILES,
                       *(f"{ASSETS_DIR}/{name}" for name in ASSETS)])
"""Ids that name no source, event or person: index, quotes, chronology, search, ..."""


def reserved(value: str) -> str | None:
    """What is wrong with `value` as an id because the build uses it; None when nothing is."""
    if value in RESERVED_IDS:
        return f"'{value}' is a name the build gives its own pages; choose another id"
    return None


def reserved_ids(loaded: Loaded) -> list[Problem]:
    """A problem, at the id's file and line, for each source, event or person id the build
    uses itself."""
    problems = []
    for source in loaded.sources:
        message = reserved(source.id)
        if message:
            line = source.reference_lines.get(("id", source.id), 0)
            if not line:
                message = f"the file name gives the id: {message}"
            problems.append(Problem(source.path, line, "error", "id", message))
    for registry, entries in ((PEOPLE_FILE, loaded.people), (EVENTS_FILE, loaded.events)):
        for key, entry in entries.items():
            message = reserved(key)
            if message:
                problems.append(Problem(f"{SOURCES_DIR}/{registry}", entry.line, "error", key,
                                        message))
    return problems
