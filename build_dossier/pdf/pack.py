"""Briefing packs: `build-dossier print` with a date range, people, events and tags (combined:
every kind given must match; several of one kind, any of them) writes the chronology PDF of
just that part, with its statements and citations, dated when it was made.
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import DateError, Dossier, Event, FuzzyDate, QuoteCluster, Variant
from ..timeline import date_span
from . import content, provenance, render, source_date_epoch
from .engine import PdfError, Typeset

if TYPE_CHECKING:
    from ..progress import Reporter

MAX_SUGGESTIONS = 1


@dataclass(frozen=True)
class Request:
    """What `print` was asked for, as typed."""

    start: str | None = None
    end: str | None = None
    people: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Selection:
    """A request checked against the dossier: dates parsed, names resolved to ids."""

    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    people: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def lines(self, dossier: Dossier) -> list[str]:
        """The selection in words, for the title page."""
        out = []
        if self.start or self.end:
            out.append("Period: " + " – ".join(
                (self.start.human() if self.start else "the beginning",
                 self.end.human() if self.end else "the latest event")))
        if self.people:
            names = ", ".join(dossier.people[p].name for p in self.people)
            out.append(f"People: {names} (the events they took part in or spoke at, and only "
                       "their statements)")
        if self.events:
            out.append("Events: " + "; ".join(dossier.events[e].title for e in self.events))
        if self.tags:
            out.append(f"Tags: {', '.join(self.tags)} (only the sources tagged so)")
        return out

    def slug(self) -> str:
        """A file name for the pack, from what it selects."""
        bits = [*self.people, *self.events, *self.tags]
        if self.start or self.end:
            bits.append(f"{self.start.iso() if self.start else ''}--"
                        f"{self.end.iso() if self.end else ''}")
        name = re.sub(r"[^a-z0-9-]+", "-", "-".join(bits).lower()).strip("-")[:80]
        return f"briefing-{name or 'chronology'}.pdf"


def _guess(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=MAX_SUGGESTIONS, cutoff=0.5)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


def _date(option: str, text: str | None, errors: list[str]) -> FuzzyDate | None:
    if text is None:
        return None
    try:
        return FuzzyDate.parse(text)
    except DateError as error:
        errors.append(f"error: {option}: {error}")
        return None


def _person(dossier: Dossier, value: str, errors: list[str]) -> str | None:
    wanted = value.casefold().strip()
    for person in dossier.people.values():
        if wanted in (person.id, person.name.casefold(),
                      *(alias.casefold() for alias in person.aliases)):
            return person.id
    names = [*dossier.people, *(p.name for p in dossier.people.values())]
    errors.append(f"error: --person: unknown person '{value}'{_guess(value, names)}")
    return None


def resolve(dossier: Dossier, request: Request) -> tuple[Selection, list[str]]:
    """The request checked: every problem with it at once, worded like the rest of the tool."""
    errors: list[str] = []
    start = _date("--from", request.start, errors)
    end = _date("--to", request.end, errors)
    if start and end and date_span(start)[0] >= date_span(end)[1]:
        errors.append(f"error: --to: {end.human()} is before --from {start.human()}")
    people = [p for p in (_person(dossier, v, errors) for v in request.people) if p]
    for event_id in request.events:
        if event_id not in dossier.events:
            errors.append(f"error: --event: unknown event '{event_id}'"
                          f"{_guess(event_id, dossier.events)}")
    known_tags = sorted({t for s in dossier.sources.values() for t in s.tags})
    for tag in request.tags:
        if tag not in known_tags:
            errors.append(f"error: --tag: no source is tagged '{tag}'{_guess(tag, known_tags)}")
    return Selection(start, end, tuple(dict.fromkeys(people)), tuple(request.events),
                     tuple(request.tags)), errors


def _in_period(event: Event, selection: Selection) -> bool:
    first, after = date_span(event.date)
    if selection.start and after <= date_span(selection.start)[0]:
        return False
    return not (selection.end and first >= date_span(selection.end)[1])


def _narrow(cluster: QuoteCluster, allowed: set[str], event_ids: set[str]) -> QuoteCluster | None:
    """The cluster as carried by the allowed sources at the chosen events; None if nothing."""
    variants = []
    for variant in cluster.variants:
        quotes = tuple(q for q in variant.quotes if q.source_id in allowed and q.event in event_ids)
        if quotes:
            variants.append(Variant(variant.text, quotes))
    return replace(cluster, variants=tuple(variants)) if variants else None


def select(dossier: Dossier, selection: Selection) -> Dossier:
    """The part of the dossier the selection names, as a Dossier of its own."""
    allowed = {s.id for s in dossier.sources.values()
               if not selection.tags or set(s.tags) & set(selection.tags)}
    candidates = {e.id for e in dossier.events.values()
                  if (not selection.events or e.id in selection.events)
                  and _in_period(e, selection)}
    clusters = [c for c in dossier.clusters
                if not selection.people or c.speaker in selection.people]
    narrowed = [n for n in (_narrow(c, allowed, candidates) for c in clusters) if n]
    spoken = {q.event for c in narrowed for q in c.quotes if q.event}

    def attested(event_id: str) -> bool:
        carried = {*dossier.reported_by.get(event_id, ()), *dossier.announced_by.get(event_id, ())}
        return bool(carried & allowed) or event_id in spoken

    def involved(event: Event) -> bool:
        return (not selection.people or event.id in spoken
                or bool(set(event.participants) & set(selection.people)))

    events = {e.id: e for e in dossier.events.values()
              if e.id in candidates and involved(e) and (not selection.tags or attested(e.id))}
    kept = [k for k in (_narrow(c, allowed, set(events)) for c in narrowed) if k]

    def only(index: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return {e: tuple(s for s in index.get(e, ()) if s in allowed) for e in events}

    reported, announced = only(dossier.reported_by), only(dossier.announced_by)
    cited = {s for ids in (*reported.values(), *announced.values()) for s in ids}
    cited |= {q.source_id for c in kept for q in c.quotes}
    return replace(dossier, sources={i: s for i, s in dossier.sources.items() if i in cited},
                   events=events, clusters=tuple(kept), reported_by=reported,
                   announced_by=announced)


def write_pack(dossier: Dossier, selection: Selection, target: Path, made_at: int,
               progress: Reporter | None = None) -> tuple[Dossier, Typeset]:
    """Write the briefing pack of `selection` to `target`, made at `made_at` (Unix time)."""
    part = select(dossier, selection)
    made = provenance(dossier, made_at, with_time=True)
    doc = content.document(part, kind="Briefing pack", made=made,
                           selection=selection.lines(dossier))
    return part, render(doc, target, made_at, progress=progress)


def run(dossier: Dossier, request: Request, output: Path | None, lines: list[str],
        progress: Reporter | None = None) -> int:
    """`build-dossier print`: check the request, write the pack, say what it holds."""
    selection, errors = resolve(dossier, request)
    if not errors and not select(dossier, selection).events:
        span = content.date_range(e.date for e in dossier.events.values())
        asked = "; ".join(selection.lines(dossier)) or "the whole dossier"
        errors.append(f"error: nothing to print: no event matches the selection ({asked})"
                      + (f" (the dossier's events run {span})" if span else
                         " (the dossier has no events yet)"))
    if errors:
        lines.extend(errors)
        lines.append(f"Aborted: {len(errors)} {'error' if len(errors) == 1 else 'errors'}; "
                     "nothing was written.")
        return 1
    target = output or Path(selection.slug())
    if target.exists() and target.read_bytes()[:5] != b"%PDF-":
        lines.append(f"error: --output: {target} exists and is not a PDF; choose another name")
        return 1
    try:
        epoch = source_date_epoch()
        part, made = write_pack(dossier, selection, target,
                                int(time.time()) if epoch is None else epoch, progress)
    except PdfError as error:
        lines.append(f"PDF failed: {error}")
        return 1
    counts = ", ".join(content.count(n, noun) for n, noun in (
        (len(part.events), "event"), (len(part.sources), "source"),
        (len(part.clusters), "statement")))
    lines.append(f"Wrote {target}: {counts} on {content.count(made.pages, 'page')} "
                 f"({made.standard}{'; ' + made.note if made.note else ''}).")
    return 0
