"""A person's (or organisation's) page: their quotes, the events they took part in or spoke at,
and the sources quoting them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from typing import TypeVar

from ..addresses import person_page
from ..model import Dossier, FuzzyDate, Person, QuoteCluster
from .fragments import month_title
from .layout import page

SEARCH_BOOST = 5
"""How much search favours a person's page over the pages merely naming them."""
LONG_LIST = 50
"""Statements or sources from which a person's page lists them under a heading per month: a
reader finds a month in the page's contents, and an edit converts one month's list again, not
all of it (a speaker's 3,000 statements were one 1 MB block at 10,000 sources)."""

T = TypeVar("T")


def render_person(d: Dossier, person: Person) -> str:
    """The page of one person or organisation."""
    ix = d.indexes
    n = len(ix.clusters_by_speaker.get(person.id, ()))
    clusters = [d.cluster(a) for a in ix.clusters_by_speaker.get(person.id, ())]
    sources = [d.sources[s] for s in ix.sources_by_person.get(person.id, ())]
    return page(d, "person.md.j2", person_page(person.id), person.name, boost=SEARCH_BOOST,
                description=f"{person.name}{', ' + person.role if person.role else ''}: "
                f"{n} {'statement' if n == 1 else 'statements'} in {d.title}.",
                person=person, clusters=clusters,
                cluster_months=by_month(clusters, lambda c: _said_on(d, c)),
                events=list(ix.events_by_person.get(person.id, ())), sources=sources,
                source_months=by_month(sources, lambda s: s.published))


def _said_on(d: Dossier, cluster: QuoteCluster) -> FuzzyDate | None:
    """When a statement was made: its date, or its event's (as `fragments.occasion` says)."""
    if cluster.date is None and cluster.event in d.events:
        return d.events[cluster.event].date
    return cluster.date


def by_month(items: Sequence[T], date_of: Callable[[T], FuzzyDate | None]
             ) -> list[tuple[str, str, list[T]]]:
    """A long list in runs of one month each, as (heading, id suffix, items), in the order
    given; a short one, or one of a single month, whole and without a heading. A date not
    recorded is said so."""
    if len(items) < LONG_LIST:
        return [("", "", list(items))]
    runs = [(month_title(key) if key else "Date not recorded", key or "undated", list(run))
            for key, run in groupby(items, key=lambda item: _month_key(date_of(item)))]
    return runs if len(runs) > 1 else [("", "", list(items))]


def _month_key(date: FuzzyDate | None) -> str:
    return date.month_key() if date is not None else ""
