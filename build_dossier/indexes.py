"""The end of stage 2 (`link`): the indexes pages look things up in, derived once from the
linked records so that every page, on any worker, reads them ready-made.
"""

from __future__ import annotations

from collections import defaultdict

from .addresses import event_page, person_page
from .markup import Linker
from .model import Dossier, Features, Indexes, Quote, QuoteCluster, Source

SHARED_LIMIT = 200
"""A person quoted in more sources than this is too common to make two sources related."""


def index_dossier(d: Dossier) -> Indexes:
    """Every index of the Dossier's records (its own `indexes` are not read)."""
    sources_by_person = _sources_by_person(d)
    features = {s.id: _features(d, s) for s in d.sources.values()}
    by_event: dict[str, list[str]] = defaultdict(list)
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for source_id, mine in features.items():
        for event_id in mine.events:
            by_event[event_id].append(source_id)
        for anchor in mine.clusters:
            by_cluster[anchor].append(source_id)
    published_key = {s.id: s.published.sort_key() for s in d.sources.values()}
    return Indexes(
        linker=_linker(d),
        clusters_by_speaker=_clusters_by_speaker(d),
        clusters_by_event=_clusters_by_event(d),
        sources_by_person=sources_by_person,
        common_people={person: frozenset(ids) for person, ids in sources_by_person.items()
                       if len(ids) > SHARED_LIMIT},
        events_by_person=_events_by_person(d),
        features=features,
        sources_by_event={k: tuple(v) for k, v in by_event.items()},
        sources_by_cluster={k: tuple(v) for k, v in by_cluster.items()},
        published_key=published_key,
        carried_by={c.anchor: _carried_by(c, published_key) for c in d.clusters},
    )


def first_per_source(cluster: QuoteCluster) -> list[Quote]:
    """One occurrence per source carrying the cluster, in the order of the variants."""
    seen: dict[str, Quote] = {}
    for quote in cluster.quotes:
        seen.setdefault(quote.source_id, quote)
    return list(seen.values())


def _carried_by(cluster: QuoteCluster,
                published_key: dict[str, tuple[int, int, int, int]]) -> tuple[Quote, ...]:
    found = first_per_source(cluster)
    found.sort(key=lambda q: (published_key[q.source_id], q.source_id))
    return tuple(found)


def _linker(d: Dossier) -> Linker:
    targets: dict[str, dict[str, None]] = defaultdict(dict)
    for event in d.events.values():
        targets[event.title][event_page(event.id)] = None
    for person in d.people.values():
        for name in (*person.aliases, person.name):
            targets[name][person_page(person.id)] = None
    return Linker({name: tuple(pages) for name, pages in targets.items()})


def _clusters_by_speaker(d: Dossier) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for cluster in d.clusters:
        out[cluster.speaker].append(cluster.anchor)
    return {k: tuple(v) for k, v in out.items()}


def _clusters_by_event(d: Dossier) -> dict[str, tuple[str, ...]]:
    return {event_id: tuple(c.anchor for c in clusters)
            for event_id, clusters in statements_by_event(d).items()}


def statements_by_event(d: Dossier) -> dict[str, list[QuoteCluster]]:
    """The statements said at each event, in the order they were said (see `_said_order`).
    The pages read it from `d.indexes`; the PDF calls it on the part of a dossier it prints."""
    out: dict[str, list[QuoteCluster]] = defaultdict(list)
    for cluster in d.clusters:
        for event_id in dict.fromkeys(q.event for q in cluster.quotes if q.event):
            out[event_id].append(cluster)
    return {event_id: _said_order(d, event_id, clusters) for event_id, clusters in out.items()}


def _said_order(d: Dossier, event_id: str,
                clusters: list[QuoteCluster]) -> list[QuoteCluster]:
    """Statements at one event as they were said: by their own date where they have one, then
    by where they come in the account that carries most of them (a transcript, say), then in
    the other sources' texts, the earliest published first. Never alphabetically."""
    carried: dict[str, int] = defaultdict(int)
    for cluster in clusters:
        for source_id in cluster.source_ids:
            carried[source_id] += 1
    published = {s: d.sources[s].published.sort_key() for s in carried}
    main = min(carried, key=lambda s: (-carried[s], published[s], s))
    event = d.events.get(event_id)
    day = event.date.sort_key() if event else (0, 0, 0, 0)

    def key(cluster: QuoteCluster) -> tuple[object, ...]:
        at = [q for q in cluster.quotes if q.event == event_id]
        when = min((q.date.sort_key() if q.date else day) for q in at)
        in_main = [q.span[0] for q in at if q.source_id == main]
        if in_main:
            return (when, 0, (), min(in_main))
        first = min(at, key=lambda q: (published[q.source_id], q.source_id, q.span[0]))
        return (when, 1, (published[first.source_id], first.source_id), first.span[0])

    return sorted(clusters, key=key)


def _sources_by_person(d: Dossier) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for source in d.sources.values():
        for speaker in source.speakers:
            out[speaker].append(source.id)
    return {k: tuple(v) for k, v in out.items()}


def _events_by_person(d: Dossier) -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = defaultdict(set)
    for event in d.events.values():
        for person in event.participants:
            out[person].add(event.id)
    for cluster in d.clusters:
        for quote in cluster.quotes:
            if quote.event in d.events:
                out[quote.speaker].add(quote.event)
    order = {event_id: i for i, event_id in enumerate(d.events)}
    return {p: tuple(sorted(ids, key=order.__getitem__)) for p, ids in out.items()}


def _features(d: Dossier, source: Source) -> Features:
    events = tuple(dict.fromkeys(e for e in (*source.reports, *source.announces)
                                 if e in d.events))
    clusters = tuple(dict.fromkeys(d.cluster_of[(source.id, q.index)] for q in source.quotes
                                   if (source.id, q.index) in d.cluster_of))
    return Features.of(events, clusters, source.speakers)
