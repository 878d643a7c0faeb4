"""The pages that list the whole dossier: the home page, the chronology, the quote index and
the indexes of sources, events and people."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from markupsafe import Markup

from ..addresses import (
    CHRONOLOGY_PAGE,
    CHRONOLOGY_PDF,
    EVENTS_INDEX,
    HOME_PAGE,
    PEOPLE_INDEX,
    QUOTES_PAGE,
    SOURCES_INDEX,
    docs_href,
)
from ..model import Dossier, FuzzyDate
from ..timeline import render_timeline
from .fragments import months, source_months, speaker_name
from .layout import fragment, page
from .parts import part

LATEST_EVENTS = 5
"""Events listed on the home page, the latest first."""
TOP_SPEAKERS = 5
"""Most quoted people listed on the home page."""


def overview(d: Dossier) -> dict[str, Any]:
    """The home page's figures: the dates covered, the latest events, the most quoted."""
    dates = [e.date for e in d.events.values()]
    dates += [s.published for s in d.sources.values()]
    dates.sort(key=FuzzyDate.sort_key)
    # One counting rule for people: statements, as their pages and the quote index count them.
    quoted = Counter(c.speaker for c in d.clusters)
    top = sorted(quoted.items(), key=lambda kv: (-kv[1], speaker_name(d, kv[0])))
    outlets = {s.outlet for s in d.sources.values() if s.outlet}
    return {
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "latest": list(d.events.values())[-LATEST_EVENTS:][::-1],
        "speakers": top[:TOP_SPEAKERS],
        "quotes": sum(len(c.quotes) for c in d.clusters),
        "outlets": len(outlets),
        "no_outlet": sum(not s.outlet for s in d.sources.values()),
    }


NOT_SEARCHED = {"search": {"exclude": True}}
"""Front matter of the long lists (chronology, quotes, sources): every entry there is a page of
its own that search finds and leads to; indexed too, a list matched almost any words, and
parsing it again for search was a second of every edit's rebuild at 1,000 sources."""


def render_home(d: Dossier) -> str:
    """The home page: what the dossier covers, and where to start reading."""
    return page(d, "index.md.j2", HOME_PAGE, d.title, o=overview(d), description=(
        f"A briefing dossier of {len(d.sources)} sources, {len(d.events)} events and "
        f"{len(d.clusters)} statements: {d.title}."))


def render_chronology(d: Dossier) -> str:
    """Every event in date order, on a timeline and then month by month."""
    events = [(title, [part(d, ("event", e.id), partial(_chronology_event, e.id)) for e in group])
              for title, group in months(d.events.values())]
    return page(d, "chronology.md.j2", CHRONOLOGY_PAGE, months=events,
                description=f"Every event of {d.title} in date order, with the sources that "
                "report it and what was said at it.",
                timeline=Markup(render_timeline(d)), front=NOT_SEARCHED,
                pdf_href=docs_href(CHRONOLOGY_PAGE, CHRONOLOGY_PDF))


def render_quotes(d: Dossier) -> str:
    """The quote index: every statement by speaker, with its wordings and sources."""
    # A part per statement, not per speaker: the most quoted have thousands, and rendering
    # all of theirs again whenever one changed was most of a rebuild's quote index.
    speakers = [Markup(fragment(d, "quotes-speaker.md.j2", QUOTES_PAGE, speaker=speaker,
                                statements=[part(d, ("statement", anchor),
                                                 partial(_quote_statement, anchor))
                                            for anchor in anchors]))
                for speaker, anchors in d.indexes.clusters_by_speaker.items()]
    return page(d, "quotes.md.j2", QUOTES_PAGE, parts=speakers, front=NOT_SEARCHED,
                description=f"Every statement in {d.title}, by speaker and date, with each "
                "wording and the sources that carry it.")


def render_sources_index(d: Dossier) -> str:
    """Every source by month of publication, with its summary."""
    days = [(title, [part(d, ("day", *ids), partial(_sources_of, ids))
                     for ids in (tuple(s.id for s in day) for day in group)])
            for title, group in source_months(d)]
    return page(d, "sources.md.j2", SOURCES_INDEX, months=days, front=NOT_SEARCHED,
                description=f"Every source of {d.title}, by month of publication, with its "
                "summary.")


def render_events_index(d: Dossier) -> str:
    """Every event by month, with the number of sources reporting it."""
    return page(d, "events.md.j2", EVENTS_INDEX, months=months(d.events.values()),
                description=f"Every event of {d.title}, by month, with how many sources "
                "report it.")


def render_people_index(d: Dossier) -> str:
    """Every person and organisation by name."""
    return page(d, "people.md.j2", PEOPLE_INDEX,
                description=f"The people and organisations of {d.title}, with their roles.")


# The lists' parts: each reads what it shows from the Dossier it is handed (see `parts.part`).

def _chronology_event(event_id: str, d: Dossier) -> str:
    return fragment(d, "chronology-event.md.j2", CHRONOLOGY_PAGE, event=d.events[event_id])


def _quote_statement(anchor: str, d: Dossier) -> str:
    return fragment(d, "quotes-statement.md.j2", QUOTES_PAGE, c=d.cluster(anchor))


def _sources_of(ids: tuple[str, ...], d: Dossier) -> str:
    return fragment(d, "sources-day.md.j2", SOURCES_INDEX, sources=[d.sources[i] for i in ids])
