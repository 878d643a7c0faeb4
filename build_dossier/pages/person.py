"""A person's (or organisation's) page: their quotes, the events they took part in or spoke at,
and the sources quoting them."""

from __future__ import annotations

from ..addresses import person_page
from ..model import Dossier, Person
from .layout import page

SEARCH_BOOST = 5
"""How much search favours a person's page over the pages merely naming them."""


def render_person(d: Dossier, person: Person) -> str:
    """The page of one person or organisation."""
    ix = d.indexes
    n = len(ix.clusters_by_speaker.get(person.id, ()))
    return page(d, "person.md.j2", person_page(person.id), person.name, boost=SEARCH_BOOST,
                description=f"{person.name}{', ' + person.role if person.role else ''}: "
                f"{n} {'statement' if n == 1 else 'statements'} in {d.title}.",
                person=person,
                clusters=[d.cluster(a) for a in ix.clusters_by_speaker.get(person.id, ())],
                events=list(ix.events_by_person.get(person.id, ())),
                sources=[d.sources[s] for s in ix.sources_by_person.get(person.id, ())])
