"""The pages that list the whole dossier: the home page, the chronology, the quote index and
the indexes of sources, events and people."""

from __future__ import annotations

from collections import Counter
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
from .layout import page

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
    return page(d, "chronology.md.j2", CHRONOLOGY_PAGE, months=months(d.events.values()),
                description=f"Every event of {d.title} in date order, with the sources that "
                "report it and what was said at it.",
                timeline=Markup(render_timeline(d)), front=NOT_SEARCHED,
                pdf_href=docs_href(CHRONOLOGY_PAGE, CHRONOLOGY_PDF))


def render_quotes(d: Dossier) -> str:
    """The quote index: every statement by speaker, with its wordings and sources."""
    speakers = [(speaker, [d.cluster(a) for a in anchors])
                for speaker, anchors in d.indexes.clusters_by_speaker.items()]
    return page(d, "quotes.md.j2", QUOTES_PAGE, speakers=speakers, front=NOT_SEARCHED,
                description=f"Every statement in {d.title}, by speaker and date, with each "
                "wording and the sources that carry it.")


def render_sources_index(d: Dossier) -> str:
    """Every source by month of publication, with its summary."""
    return page(d, "sources.md.j2", SOURCES_INDEX, months=source_months(d), front=NOT_SEARCHED,
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
