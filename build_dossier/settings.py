"""Stage 1, beside `load`: the dossier-wide settings in `sources/dossier.yml` (its title, the
site's search engine, renderer and public address), read with the sources and checked like them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .load import read_file
from .model import Problem
from .renderers import DEFAULT_RENDERER, RENDERERS
from .yamlpos import parse_yaml

DOSSIER_FILE = "sources/dossier.yml"
DEFAULT_TITLE = "Briefing dossier"
# Material's own search suits a few hundred sources; Pagefind's split index, thousands.
SEARCH_ENGINES = ("material", "pagefind")
DEFAULT_SEARCH = "material"
RENDERER_NAMES = tuple(RENDERERS)
"""Programs that can turn docs/ into site/."""


@dataclass(frozen=True)
class Settings:
    """What `sources/dossier.yml` sets for the whole dossier."""

    title: str = DEFAULT_TITLE
    search: str = DEFAULT_SEARCH
    """The site's search engine: one of SEARCH_ENGINES."""
    renderer: str = DEFAULT_RENDERER
    """The program that builds site/ from docs/: one of RENDERER_NAMES."""
    site_url: str = ""
    """The site's public address, ending in '/' (empty when not set): the feed's ids and
    links, the sitemap, and the renderer's `site_url`."""


def dossier_title(root: Path, problems: list[Problem]) -> str:
    """The dossier's name, from `sources/dossier.yml` (`title:`), else a plain default."""
    return dossier_settings(root, problems).title


def dossier_settings(root: Path, problems: list[Problem]) -> Settings:
    """What `sources/dossier.yml` sets: the title, and the search engine of the site."""
    path = root / DOSSIER_FILE
    if not path.is_file() and not path.is_symlink():  # a dangling link is refused, not missed
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
    renderer = value.get("renderer", DEFAULT_RENDERER)
    if renderer not in RENDERER_NAMES:
        problems.append(Problem(
            DOSSIER_FILE, parsed.line(("renderer",)), "error", "renderer",
            f"unknown renderer '{renderer}'; expected "
            + ", ".join(f"'{name}'" for name in RENDERER_NAMES[:-1])
            + f" or '{RENDERER_NAMES[-1]}'"))
        renderer = DEFAULT_RENDERER
    return Settings(title, str(search), str(renderer),
                    _site_url(value.get("site_url"), parsed.line(("site_url",)), problems))


def _site_url(value: object, line: int, problems: list[Problem]) -> str:
    """The `site_url:` setting, checked: an http(s) address, given a trailing '/'."""
    if value is None:
        return ""
    address = value if isinstance(value, str) else ""
    parts = urlsplit(address)
    if (parts.scheme not in ("http", "https") or not parts.netloc or parts.query
            or parts.fragment or any(c.isspace() for c in address)):
        problems.append(Problem(
            DOSSIER_FILE, line, "error", "site_url",
            f"'{value}' is not a web address; expected the site's public address, such as "
            "'https://example.org/dossier/'"))
        return ""
    return address if address.endswith("/") else address + "/"


