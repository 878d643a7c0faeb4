"""The chronology as a PDF briefing pack, written next to the site at build time.

`chronology_html` is pure (the Dossier as one printable HTML page); `write_pdf` hands it to
WeasyPrint, imported only here so the core loads without it. Nothing in it comes from the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from .addresses import CHRONOLOGY_PDF
from .markup import safe_url
from .model import Dossier, Event, FuzzyDate, QuoteCluster, Source
from .pages.fragments import clusters_at, months, precision_label
from .timeline import render_timeline

PDF_NAME = CHRONOLOGY_PDF
"""Where the PDF goes, relative to the site's root."""


class PdfError(Exception):
    """The PDF could not be made; the message says why."""


@dataclass(frozen=True)
class Said:
    """A quote said at an event, with the numbers of the sources that carry it."""

    cluster: QuoteCluster
    speaker: str
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class Entry:
    """One event as the PDF prints it."""

    event: Event
    reported: tuple[int, ...]
    announced: tuple[int, ...]
    said: tuple[Said, ...]

    @property
    def cited(self) -> tuple[int, ...]:
        """Numbers of every source the event cites, in order."""
        return tuple(sorted({*self.reported, *self.announced,
                             *(n for s in self.said for n in s.numbers)}))


def citation(source: Source) -> str:
    """`Outlet, 7 January 2022. “Title”.` — the address is printed after it as a link."""
    when = source.published.human()
    head = f"{source.outlet}, {when}" if source.outlet else when
    return f"{head}. “{source.title}”."


def _range(dates: list[FuzzyDate]) -> str:
    if not dates:
        return ""
    dates = sorted(dates, key=FuzzyDate.sort_key)
    first, last = dates[0].human(), dates[-1].human()
    return first if first == last else f"{first} – {last}"


def chronology_html(dossier: Dossier) -> str:
    """The chronology as one HTML document laid out for print (pure: same dossier, same text)."""
    number = {source_id: i for i, source_id in enumerate(dossier.sources, start=1)}

    def numbers(ids: tuple[str, ...]) -> tuple[int, ...]:
        return tuple(sorted(number[i] for i in ids if i in number))

    def speaker(person_id: str) -> str:
        person = dossier.people.get(person_id)
        return person.name if person else person_id

    entries_by_month = []
    for title, events in months(dossier.events.values()):
        entries = [Entry(
            event,
            numbers(dossier.reported_by.get(event.id, ())),
            numbers(dossier.announced_by.get(event.id, ())),
            tuple(Said(c, speaker(c.speaker), numbers(c.source_ids))
                  for c in clusters_at(dossier, event.id)),
        ) for event in events]
        entries_by_month.append((title, entries))
    latest = max((s.published for s in dossier.sources.values()), key=FuzzyDate.sort_key,
                 default=None)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("build_dossier", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    css = (resources.files("build_dossier") / "assets" / "pdf.css").read_text(encoding="utf-8")
    return env.get_template("chronology-print.html.j2").render(
        d=dossier,
        months=entries_by_month,
        sources=list(dossier.sources.values()),
        number=number,
        citation=citation,
        href=safe_url,
        precision=precision_label,
        date_range=_range([e.date for e in dossier.events.values()]),
        quotes=sum(len(c.quotes) for c in dossier.clusters),
        # The sources' own latest date stands in for "created": a build clock would make every
        # build's PDF differ.
        created=latest.iso() if latest else "",
        timeline=Markup(render_timeline(dossier)),
        css=Markup(css),
    )


def write_pdf(dossier: Dossier, target: Path) -> None:
    """Write the chronology PDF to `target` with WeasyPrint."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise PdfError(f"WeasyPrint cannot be loaded ({error}); run 'make setup', which "
                       "installs it, or build with --no-pdf") from error
    html = chronology_html(dossier)
    # Only data: URLs may be fetched: the PDF needs nothing from the network or the disk.
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=None)
    try:
        document.write_pdf(target)
    except OSError as error:
        raise PdfError(f"cannot write {target}: {error}") from error
