"""Pieces that several pages (and their templates) share: links to records, lines describing
them, groupings by month. Pure functions of the Dossier; every value escaped (`markup.esc`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from ..addresses import QUOTES_PAGE, event_page, person_page, source_page, statement_page
from ..cluster import word_diff
from ..markup import esc, link
from ..model import Dossier, Event, FuzzyDate, Quote, QuoteCluster, QuoteKind, Source

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


def unrecorded(what: str) -> Markup:
    """What the editors did not record, said so rather than left blank."""
    return Markup(f'<span class="dossier-unrecorded">{esc(what)} not recorded</span>')


def source_line(source: Source) -> Markup:
    """`Outlet, 12 January 2022` for lists of sources (`outlet not recorded, …` without one)."""
    outlet = esc(source.outlet) if source.outlet else unrecorded("outlet")
    return Markup(f"{outlet}, {esc(source.published.human())}")


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


def source_months(d: Dossier) -> list[tuple[str, list[list[Source]]]]:
    """The sources grouped by month of publication, each month under its title, and within it
    by day (those dated only to the month or year first, as they sort)."""
    groups: dict[str, dict[int | None, list[Source]]] = {}
    for source in d.sources.values():
        days = groups.setdefault(source.published.month_key(), {})
        days.setdefault(source.published.day, []).append(source)
    return [(month_title(key), list(days.values())) for key, days in groups.items()]


# Kinds: what readers must tell apart at a glance -------------------------------------------

_STRONGEST = (QuoteKind.DIRECT, QuoteKind.STATEMENT, QuoteKind.PARAPHRASE)


def kind_of(quotes: Iterable[Quote]) -> QuoteKind:
    """How a wording is attested: a direct quotation if any source quotes it directly, an
    official statement if one gives it as the statement's text, else a paraphrase."""
    kinds = {q.kind for q in quotes}
    return next((kind for kind in _STRONGEST if kind in kinds), QuoteKind.PARAPHRASE)


def reporters(d: Dossier, quotes: Iterable[Quote], here: str) -> Markup:
    """Who put a paraphrase in their own words: each source's outlet (or its title, when the
    outlet is not recorded), linked to the spot in its text."""
    seen: dict[str, Quote] = {}
    for quote in quotes:
        if quote.kind is QuoteKind.PARAPHRASE:
            seen.setdefault(quote.source_id, quote)
    names = []
    for source_id, quote in seen.items():
        source = d.sources[source_id]
        names.append(link(source.outlet or source.title, here, source_page(source_id),
                          quote.anchor))
    return Markup(" and ".join(names) if len(names) < 3 else "; ".join(names))


def said(d: Dossier, quotes: Sequence[Quote], text: str, here: str, *,
         speaker: bool = True) -> Markup:
    """A wording as a reader must see it: a direct quotation in quotation marks with who said
    it; an official statement in quotation marks, labelled; a paraphrase never in quotation
    marks, as reported speech with who reports it."""
    kind = kind_of(quotes)
    who = person_link(d, quotes[0].speaker, here) if speaker and quotes else Markup("")
    if kind is QuoteKind.PARAPHRASE:
        lead = f"{who}, in the words of" if who else "In the words of"
        return Markup(f'<span class="dossier-kind">Reported speech</span> {lead} '
                      f'{reporters(d, quotes, here)}: <span class="dossier-words">'
                      f"{esc(text)}</span>")
    words = f'<span class="dossier-words">“{esc(text)}”</span>'
    if kind is QuoteKind.STATEMENT:
        return Markup(f'<span class="dossier-kind">Official statement</span> {words}'
                      + (f" — {who}" if who else ""))
    return Markup(words + (f" — {who}" if who else ""))


def said_cluster(d: Dossier, cluster: QuoteCluster, here: str, *,
                 speaker: bool = True) -> Markup:
    """A statement's reference wording, shown by how it is attested (`said`)."""
    return said(d, cluster.variants[0].quotes, cluster.text, here, speaker=speaker)


def said_variant(d: Dossier, cluster: QuoteCluster, index: int, here: str) -> Markup:
    """One wording of a statement with its differences from the reference marked; in
    quotation marks only where a source gives those words as the speaker's own."""
    variant = cluster.variants[index]
    words = esc(variant.text) if index == 0 else diff(cluster.text, variant.text)
    if kind_of(variant.quotes) is QuoteKind.PARAPHRASE:
        return Markup(f'<span class="dossier-words">{words}</span> '
                      '<span class="dossier-kind">reported speech</span>')
    return Markup(f'<span class="dossier-words">“{words}”</span>')


def carried(cluster: QuoteCluster) -> str:
    """The one counting rule: a statement is carried by so many sources (`in 2 sources`)."""
    return "in " + count(len(cluster.source_ids), "source")


def recurring(d: Dossier, cluster: QuoteCluster, here: str) -> Markup:
    """The other statements repeating this one's line: who else said it, or when else the same
    speaker did, each linked to its entry."""
    items = []
    for anchor in d.recurring.get(cluster.anchor, ()):
        other = d.cluster(anchor)
        when = occasion(d, other, here)
        who = person_link(d, other.speaker, here)
        what = cluster_link(anchor, here, "the statement")
        items.append(f"{who}, {when} ({what})" if when else f"{who} ({what})")
    return Markup("; ".join(items))


def attested(d: Dossier, event_id: str) -> str:
    """How many sources report an event, or that it was only announced so far."""
    reports = len(d.reported_by.get(event_id, ()))
    announces = len(d.announced_by.get(event_id, ()))
    if reports:
        return f"reported by {count(reports, 'source')}"
    if announces:
        return f"announced by {count(announces, 'source')}, not yet reported"
    return "no source reports it"
