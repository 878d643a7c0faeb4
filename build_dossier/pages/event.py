"""An event's page: when and where, who took part, what the sources reporting it say."""

from __future__ import annotations

from collections import defaultdict

from ..addresses import event_page
from ..model import Dossier, Event, Quote
from .fragments import clusters_at
from .layout import page


def render_event(d: Dossier, event: Event) -> str:
    """The page of one event."""
    reporters = [d.sources[s] for s in d.reported_by.get(event.id, ())]
    announcers = [d.sources[s] for s in d.announced_by.get(event.id, ())]
    clusters = clusters_at(d, event.id)
    said_in: dict[str, list[Quote]] = defaultdict(list)
    for cluster in clusters:
        for quote in cluster.quotes:
            said_in[quote.source_id].append(quote)
    return page(d, "event.md.j2", event_page(event.id), event.title, event=event,
                description=f"{event.date.human()}: {event.description or event.title}",
                reporters=reporters, announcers=announcers, said_in=said_in, clusters=clusters)
