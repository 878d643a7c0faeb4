"""Stage 3: the Dossier as files under `docs/`, `{path: UTF-8 bytes}`; pure, so the same input
gives the same bytes, and free of processes: the caller decides where each job runs.

`jobs` cuts the work into lists of pages rendered together, `render_job` renders one of them
(page functions are in `pages/`), `render` does all of it here.
"""

from __future__ import annotations

from importlib import resources

from .addresses import (
    ASSETS,
    CHRONOLOGY_PAGE,
    CITATIONS_JSON,
    DOSSIER_JSON,
    EVENTS_INDEX,
    FEED_FILE,
    GENERATED_FOLDERS,
    HOME_PAGE,
    INDEX_PAGES,
    PEOPLE_INDEX,
    QUOTES_PAGE,
    SOURCES_INDEX,
    asset_path,
    event_page,
    moved_statement,
    person_page,
    source_page,
    statement_page,
)
from .feed import render_feed
from .model import Dossier
from .pages import lists
from .pages.dossier_json import csl_items, dossier_json
from .pages.event import render_event
from .pages.layout import GENERATED_NOTE
from .pages.person import render_person
from .pages.source import render_source
from .pages.statement import render_statement, statement_moved

CHUNK = 100
"""Source, event and person pages rendered together in one job."""

Job = tuple[tuple[str, str], ...]
"""Pages rendered together: (kind, key) for each, kind being `index` (the key is the page's
path), `source`, `event`, `person` (the key is the record's id), `statement` (its anchor),
`moved` (`alias>anchor`: a statement's former address) or `asset` (its file name)."""
Pages = list[tuple[str, bytes]]
"""Generated files: (path under `docs/`, UTF-8 bytes)."""

_INDEX_PAGES = {
    HOME_PAGE: lists.render_home,
    CHRONOLOGY_PAGE: lists.render_chronology,
    QUOTES_PAGE: lists.render_quotes,
    SOURCES_INDEX: lists.render_sources_index,
    EVENTS_INDEX: lists.render_events_index,
    PEOPLE_INDEX: lists.render_people_index,
}


def jobs(dossier: Dossier) -> list[Job]:
    """Every file to generate, in jobs: the index pages first and each alone (each lists the
    whole dossier, so no worker is left with one at the end), then the records' pages in
    chunks, then the stylesheets."""
    todo: list[Job] = [(("index", path),) for path in INDEX_PAGES]
    entities = [("source", i) for i in dossier.sources] + [("event", i) for i in dossier.events]
    entities += [("person", i) for i in dossier.people]
    entities += [("statement", c.anchor) for c in dossier.clusters]
    live = {c.anchor for c in dossier.clusters}
    entities += [("moved", f"{alias}>{c.anchor}") for c in dossier.clusters
                 for alias in c.aliases if alias not in live]
    todo += [tuple(entities[i:i + CHUNK]) for i in range(0, len(entities), CHUNK)]
    todo.append(tuple(("asset", name) for name in ASSETS))
    return todo


def render_job(dossier: Dossier, job: Job) -> Pages:
    """The files of one job: (path under `docs/`, UTF-8 bytes) each."""
    return [_render_file(dossier, kind, key) for kind, key in job]


def _render_file(d: Dossier, kind: str, key: str) -> tuple[str, bytes]:
    """One file: (path, UTF-8 bytes); see `Job` for `kind` and `key`."""
    if kind == "source":
        path, text = source_page(key), render_source(d, d.sources[key])
    elif kind == "event":
        path, text = event_page(key), render_event(d, d.events[key])
    elif kind == "person":
        path, text = person_page(key), render_person(d, d.people[key])
    elif kind == "statement":
        path, text = statement_page(key), render_statement(d, d.cluster(key))
    elif kind == "moved":
        alias, anchor = key.split(">")
        return moved_statement(alias), statement_moved(anchor)
    elif kind == "asset":
        return asset_path(key), (resources.files("build_dossier") / "assets" / key).read_bytes()
    elif key == DOSSIER_JSON:
        return key, dossier_json(d)
    elif key == CITATIONS_JSON:
        return key, csl_items(d)
    elif key == FEED_FILE:
        return key, render_feed(d, d.site_url)
    else:
        path, text = key, _INDEX_PAGES[key](d)
    # Encoded where it is rendered: on a worker, bytes also cross to the parent cheaper.
    return path, text.encode()


def render(dossier: Dossier) -> dict[str, bytes]:
    """Every generated file of the dossier as UTF-8 bytes, keyed by its path under `docs/`,
    rendered in this process."""
    return dict(sorted(page for job in jobs(dossier) for page in render_job(dossier, job)))


__all__ = ["GENERATED_FOLDERS", "GENERATED_NOTE", "INDEX_PAGES", "Job", "Pages", "jobs", "render",
           "render_job", "source_page"]
