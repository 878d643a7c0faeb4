"""Pieces that several pages (and their templates) share: links to records, lines describing
them, groupings by month. Pure functions of the Dossier; every value escaped (`markup.esc`).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from ..addresses import QUOTES_PAGE, event_page, person_page, source_page, statement_page
from ..cluster import word_diff
from ..markup import esc, link
from ..model import Dossier, Event, FuzzyDate, Quote, QuoteCluster, Source

LANGUAGES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "nl": "Dutch", "pt": "Portuguese",
    "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "tr": "Turkish", "sv": "Swedish",
    "fi": "Finnish", "no": "Norwegian", "da": "Danish", "cs": "Czech", "ro": "Romanian",
}


def count(n: int, noun: str) -> str:
    """`1 source`, `2 sources`."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def precision_label(date: FuzzyDate) -> str:
    """How precisely a date is known, in words."""
    if date.approximate:
        return "approximate date"
    return {"day": "exact day", "month": "day not known", "year": "month not known"}[date.precision]


def language(code: str) -> str:
    """A language's name in English, or its code when not known."""
    return LANGUAGES.get(code.split("-")[0].lower(), code)


def language_note(source: Source) -> str:
    """` (French)` after a source not in English; nothing otherwise."""
    return "" if source.language == "en" else f" ({language(source.language)})"


def speaker_name(d: Dossier, person_id: str) -> str:
    """A person's name, or the id when the person is not known."""
    person = d.people.get(person_id)
    return person.name if person else person_id


def clusters_at(d: Dossier, event_id: str) -> list[QuoteCluster]:
    """The quote clusters with a quote said at an event."""
    return [d.cluster(anchor) for anchor in d.indexes.clusters_by_event.get(event_id, ())]


def source_link(d: Dossier, source_id: str, here: str, anchor: str = "") -> Markup:
    """A link to a source's page (or a place in it) under its title."""
    return link(d.sources[source_id].title, here, source_page(source_id), anchor)


def occurrences(d: Dossier, quotes: Iterable[Quote], here: str) -> Markup:
    """Links to each quote in its source's text, `; `-separated (one call for a list that
    runs to thousands of links on the quote index)."""
    return Markup("; ".join(source_link(d, q.source_id, here, q.anchor) for q in quotes))


def event_link(d: Dossier, event_id: str, here: str) -> Markup:
    """A link to an event's page under its title; the id alone if the event is not known."""
    event = d.events.get(event_id)
    return link(event.title, here, event_page(event_id)) if event else esc(event_id)


def person_link(d: Dossier, person_id: str, here: str) -> Markup:
    """A link to a person's page under their name; the id alone if not known."""
    person = d.people.get(person_id)
    return link(person.name, here, person_page(person_id)) if person else esc(person_id)


def person_item(d: Dossier, person_id: str, here: str) -> Markup:
    """`[Name](page), Role` for lists of people."""
    person = d.people.get(person_id)
    role = f", {esc(person.role)}" if person and person.role else ""
    return Markup(f"{person_link(d, person_id, here)}{role}")


def cluster_link(anchor: str, here: str, text: str = "quote index") -> Markup:
    """A link to a quote's entry in the quote index."""
    return link(text, here, QUOTES_PAGE, anchor)


def statement_link(anchor: str, here: str, text: str = "statement page") -> Markup:
    """A link to a statement's own page, landing on (and so highlighting) the statement."""
    return link(text, here, statement_page(anchor), anchor)


def statement_links(anchor: str, here: str) -> Markup:
    """The statement page and a visible permalink to an entry of the quote index."""
    return Markup(f'{statement_link(anchor, here)} · '
                  f'<a class="dossier-permalink" href="#{anchor}" '
                  f'title="Link to this entry">permalink</a>')


def occasion(d: Dossier, quote_or_cluster: Quote | QuoteCluster, here: str) -> Markup:
    """Where and when something was said: the event linked, or the date."""
    event, date = quote_or_cluster.event, quote_or_cluster.date
    parts = []
    if event and event in d.events:
        parts.append(event_link(d, event, here))
        date = date or d.events[event].date
    if date:
        parts.append(esc(date.human()))
    return Markup(", ".join(parts))


def source_line(source: Source) -> Markup:
    """`Outlet, 12 January 2022` for lists of sources."""
    bits = [b for b in (source.outlet, source.published.human()) if b]
    return esc(", ".join(bits))


def source_item(d: Dossier, source: Source, here: str) -> Markup:
    """`[Title](page) (Outlet, 12 January 2022)` for lists of sources."""
    return Markup(f"{source_link(d, source.id, here)} ({source_line(source)})")


def crosslinked(d: Dossier, text: str, here: str, about: Source | Event) -> Markup:
    """`text` with known names linked; `about` settles names several pages share."""
    if isinstance(about, Source):
        mine = d.indexes.features[about.id]
        context = frozenset([*map(event_page, mine.events), *map(person_page, mine.people)])
    else:
        context = frozenset([event_page(about.id), *(person_page(p) for p in about.participants)])
    return d.indexes.linker(text, here, context)


def diff(reference: str, variant: str) -> Markup:
    """The variant with its differences from the reference wording marked."""
    out = []
    for op, text in word_diff(reference, variant):
        if op == "equal":
            out.append(str(esc(text)))
        elif op == "insert":
            out.append(f'<ins title="added in this wording">{esc(text)}</ins>')
        else:
            out.append(f'<del title="in the reference wording only">{esc(text)}</del>')
    return Markup(" ".join(out))


def month_title(key: str) -> str:
    """`January 2022` for the key `2022-01`; a year alone is a month not known."""
    if "-" in key:
        year, month = key.split("-")
        return FuzzyDate(int(year), int(month)).human()
    return f"{key} (month unknown)"


def months(events: Iterable[Event]) -> list[tuple[str, list[Event]]]:
    """Events grouped by month, each group under its title, in the order given."""
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(event.date.month_key(), []).append(event)
    return [(month_title(key), group) for key, group in groups.items()]


def source_months(d: Dossier) -> list[tuple[str, list[Source]]]:
    """The sources grouped by month of publication, each group under its title."""
    groups: dict[str, list[Source]] = {}
    for source in d.sources.values():
        groups.setdefault(source.published.month_key(), []).append(source)
    return [(month_title(key), group) for key, group in groups.items()]
