"""Stage 2: tie loaded records into a Dossier, and report references that lead nowhere.

Sources, events and people are put in reading order, every event learns which sources report or
announce it, and quotes are clustered across sources (`cluster`).
"""

from __future__ import annotations

import difflib
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .cluster import cluster_quotes
from .load import Loaded, read_file
from .model import Dossier, Problem
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


def _nearest(value: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


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
    return Settings(title, str(search))


def check_references(loaded: Loaded) -> list[Problem]:
    """Unknown people and events, duplicate source ids, and events reported before they happen."""
    problems: list[Problem] = []
    people, events = sorted(loaded.people), sorted(loaded.events)
    seen: dict[str, str] = {}
    for source in loaded.sources:
        if source.id in seen:
            problems.append(Problem(source.path, source.line_of("id", source.id), "error", "id",
                                    f"duplicate source id '{source.id}' (also {seen[source.id]})"))
        seen.setdefault(source.id, source.path)
        for name, ids in (("reports", source.reports), ("announces", source.announces)):
            for event_id in ids:
                event = loaded.events.get(event_id)
                if event is None:
                    problems.append(Problem(
                        source.path, source.line_of(name, event_id), "error", name,
                        f"unknown event '{event_id}'{_nearest(event_id, events)}"))
                elif (name == "reports" and not source.published.compatible(event.date)
                      and event.date.sort_key() > source.published.sort_key()):
                    problems.append(Problem(
                        source.path, source.line_of(name, event_id), "warning", name,
                        f"reports '{event_id}' ({event.date.human()}) although it was published "
                        f"earlier ({source.published.human()}); should it be under 'announces'?"))
        for quote in source.quotes:
            speaker, event_field = f"quotes[{quote.index}].speaker", f"quotes[{quote.index}].event"
            if quote.speaker not in loaded.people:
                problems.append(Problem(
                    source.path, source.line_of(speaker, quote.speaker) or quote.line, "error",
                    speaker, f"unknown person '{quote.speaker}'{_nearest(quote.speaker, people)}"))
            if quote.event and quote.event not in loaded.events:
                problems.append(Problem(
                    source.path, source.line_of(event_field, quote.event) or quote.line, "error",
                    event_field, f"unknown event '{quote.event}'{_nearest(quote.event, events)}"))
    for event in loaded.events.values():
        for person in event.participants:
            if person not in loaded.people:
                problems.append(Problem(
                    "sources/events.yml", event.participant_lines.get(person, event.line), "error",
                    f"{event.id}.participants",
                    f"unknown person '{person}'{_nearest(person, people)}"))
    return problems


def link(loaded: Loaded, title: str = DEFAULT_TITLE,
         timings: dict[str, float] | None = None, workers: int = 1) -> Dossier:
    """The Dossier of records that loaded and checked without errors (quotes clustered on
    `workers` processes)."""
    sources = sorted(loaded.sources, key=lambda s: (s.published.sort_key(), s.id))
    events = sorted(loaded.events.values(), key=lambda e: (e.date.sort_key(), e.id))
    people = sorted(loaded.people.values(), key=lambda p: (p.name.casefold(), p.id))
    reported: dict[str, list[str]] = defaultdict(list)
    announced: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        for event_id in source.reports:
            reported[event_id].append(source.id)
        for event_id in source.announces:
            announced[event_id].append(source.id)
    event_map = {e.id: e for e in events}
    people_map = {p.id: p for p in people}
    published = {s.id: s.published for s in sources}
    quotes = [q for s in sources for q in s.quotes]
    started = time.perf_counter()
    clusters = cluster_quotes(quotes, event_map, published, workers)
    if timings is not None:
        timings["cluster_s"] = time.perf_counter() - started
    clusters.sort(key=lambda c: (
        people_map[c.speaker].name.casefold() if c.speaker in people_map else c.speaker,
        c.speaker,
        c.date.sort_key() if c.date else (9999, 0, 0, 0),
        c.anchor,
    ))
    cluster_of = {(q.source_id, q.index): c.anchor for c in clusters for q in c.quotes}
    return Dossier(
        title=title,
        sources={s.id: s for s in sources},
        events=event_map,
        people=people_map,
        clusters=tuple(clusters),
        reported_by={k: tuple(v) for k, v in sorted(reported.items())},
        announced_by={k: tuple(v) for k, v in sorted(announced.items())},
        cluster_of=cluster_of,
    )
