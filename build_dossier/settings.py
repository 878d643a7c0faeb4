"""Stage 1, beside `load`: the dossier-wide settings in `sources/dossier.yml` (its title and the
site's search engine), read with the sources and checked like them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import read_file
from .model import Problem
from .yamlpos import parse_yaml

DOSSIER_FILE = "sources/dossier.yml"
DEFAULT_TITLE = "Briefing dossier"
# Material's own search suits a few hundred sources; Pagefind's split index, thousands.
SEARCH_ENGINES = ("material", "pagefind")
DEFAULT_SEARCH = "material"


@dataclass(frozen=True)
class Settings:
    """What `sources/dossier.yml` sets for the whole dossier."""

    title: str = DEFAULT_TITLE
    search: str = DEFAULT_SEARCH
    """The site's search engine: one of SEARCH_ENGINES."""


def dossier_title(root: Path, problems: list[Problem]) -> str:
    """The dossier's name, from `sources/dossier.yml` (`title:`), else a plain default."""
    return dossier_settings(root, problems).title


def dossier_settings(root: Path, problems: list[Problem]) -> Settings:
    """What `sources/dossier.yml` sets: the title, and the search engine of the site."""
    path = root / DOSSIER_FILE
    if not path.is_file():
        return Settings()
    text = read_file(path, root, problems)
    if text is None:
        return Settings()
    parsed = parse_yaml(text)
    for issue in parsed.problems:
        problems.append(Problem(DOSSIER_FILE, issue.line, "error", "", issue.message))
    value = parsed.value if isinstance(parsed.value, dict) else {}
    title = DEFAULT_TITLE
    if isinstance(value.get("title"), str) and value["title"].strip():
        title = str(value["title"]).strip()
    elif not parsed.problems:
        problems.append(Problem(DOSSIER_FILE, 1, "error", "title",
                                "missing; write the dossier's name as 'title: ...'"))
    search = value.get("search", DEFAULT_SEARCH)
    if search not in SEARCH_ENGINES:
        problems.append(Problem(
            DOSSIER_FILE, parsed.line(("search",)), "error", "search",
            f"unknown search '{search}'; expected "
            + " or ".join(f"'{name}'" for name in SEARCH_ENGINES)))
        search = DEFAULT_SEARCH
    return Settings(title, str(search))


