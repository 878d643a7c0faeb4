"""Stage 2: tie loaded records into a Dossier, and report references that lead nowhere.

Sources, events and people are put in reading order, every event learns which sources report or
announce it, quotes are clustered across sources (`cluster`), and the indexes pages look things
up in are built (`indexes`). The dossier's title comes from the loading stage (`settings`).
"""

from __future__ import annotations

import dataclasses
import difflib
import time
from collections import defaultdict

from .cluster import Joins, Made, Recurring, cluster_quotes, recurring_lines
from .indexes import index_dossier
from .load import Loaded
from .model import Dossier, Problem
from .settings import DEFAULT_TITLE


def _nearest(value: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


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
         timings: dict[str, float] | None = None, workers: int = 1,
         site_url: str = "", joins: Joins | None = None,
         recurring: Recurring | None = None, made: Made | None = None) -> Dossier:
    """The Dossier of records that loaded and checked without errors, with its indexes (quotes
    clustered on `workers` processes, speakers joined as in `joins` taken from it, clusters
    made of the same quotes as in `made` taken from it, the recurring lines from `recurring`
    when the wordings are as they were)."""
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
    clusters = cluster_quotes(quotes, event_map, published, workers, joins, made)
    lines = recurring_lines(clusters, recurring)
    if timings is not None:
        timings["cluster_s"] = time.perf_counter() - started
    clusters.sort(key=lambda c: (
        people_map[c.speaker].name.casefold() if c.speaker in people_map else c.speaker,
        c.speaker,
        c.date.sort_key() if c.date else (9999, 0, 0, 0),
        c.anchor,
    ))
    cluster_of = {(q.source_id, q.index): c.anchor for c in clusters for q in c.quotes}
    dossier = Dossier(
        title=title,
        sources={s.id: s for s in sources},
        events=event_map,
        people=people_map,
        clusters=tuple(clusters),
        reported_by={k: tuple(v) for k, v in sorted(reported.items())},
        announced_by={k: tuple(v) for k, v in sorted(announced.items())},
        cluster_of=cluster_of,
        recurring=lines,
        site_url=site_url,
    )
    return dataclasses.replace(dossier, indexes=index_dossier(dossier))
