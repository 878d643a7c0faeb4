"""What the chronology PDF says, as plain data: the Dossier (or a briefing pack's part of it)
turned into months, events, statements and citations, with every sentence already worded.

Pure and engine-free: `typeset` hands this data to Typst, whose template only lays it out, so a
value from a source is always a string to print, never markup. The statements at each event and
the months come from the same functions as the site's pages, on the part of the dossier printed.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..indexes import statements_by_event
from ..markup import safe_url
from ..model import Dossier, Event, FuzzyDate, Quote, QuoteCluster, QuoteKind, Source
from ..pages.fragments import months, precision_label
from ..timeline import render_timeline

Run = dict[str, Any]
"""One piece of a line: `{"t": text}`, `{"m": what is missing}`, `{"n": source number}` or
`{"u": address, "t": text}`."""

TIMELINE_MAX_HEIGHT = 1000
"""Tallest timeline drawing (in its own units, 720 wide) that still fits one printed page."""
TITLE_PAGE_TIMELINE_HEIGHT = 420
"""A drawing up to this tall fits on the title page; a taller one gets pages of its own."""

# Controls have no printed form, and bidirectional overrides would reorder the text around a
# value (a title could make its own citation read backwards): both are dropped, so what is
# printed is the value's characters in the order they were written.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` as the PDF prints it: unchanged, less controls and bidirectional overrides."""
    return _UNPRINTABLE.sub("", unicodedata.normalize("NFC", text))


def _t(text: str) -> Run:
    return {"t": printable(text)}


def _missing(what: str) -> Run:
    return {"m": f"{what} not recorded"}


def merged(runs: list[Run]) -> list[Run]:
    """`runs` with neighbouring plain texts joined: each run costs the typesetter an element."""
    out: list[Run] = []
    for run in runs:
        if "t" in run and "u" not in run and out and set(out[-1]) == {"t"}:
            out[-1] = {"t": out[-1]["t"] + run["t"]}
        else:
            out.append(run)
    return out


def count(n: int, noun: str, plural: str = "") -> str:
    """`1 source`, `2 sources`."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def _numbers(runs: list[Run], numbers: Iterable[int]) -> None:
    for n in numbers:
        runs.append({"t": " "})
        runs.append({"n": n})


# The dossier's derived indexes, from its plain fields ---------------------------------------


def date_range(dates: Iterable[FuzzyDate]) -> str:
    """`16 December 2021 – 12 January 2022`; empty for no dates."""
    ordered = sorted(dates, key=FuzzyDate.sort_key)
    if not ordered:
        return ""
    first, last = ordered[0].human(), ordered[-1].human()
    return first if first == last else f"{first} – {last}"


def latest_published(dossier: Dossier) -> FuzzyDate | None:
    """The latest publication date among the sources."""
    return max((s.published for s in dossier.sources.values()), key=FuzzyDate.sort_key,
               default=None)


def dossier_version(dossier: Dossier) -> str:
    """A short digest of everything the editors wrote: the same sources, the same version."""
    digest = hashlib.sha256()

    def add(*values: object) -> None:
        for value in values:
            digest.update(str(value).encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")

    add(dossier.title)
    for s in dossier.sources.values():
        add("source", s.id, s.title, s.published.source_text(), s.outlet, s.url, s.author,
            s.credit, s.language, s.summary, s.tags, s.reports, s.announces, s.body)
        for q in s.quotes:
            add("quote", q.text, q.speaker, q.kind.value, q.event,
                q.date.source_text() if q.date else "")
    for e in dossier.events.values():
        add("event", e.id, e.title, e.date.source_text(), e.place, e.description, e.participants)
    for p in dossier.people.values():
        add("person", p.id, p.name, p.kind, p.role, p.aliases)
    return digest.hexdigest()[:12]


# Citations ----------------------------------------------------------------------------------


def citation(source: Source) -> list[Run]:
    """Outlet; author; date. “Title”. Address. Credit line. — each missing part said so."""
    runs: list[Run] = [_t(source.outlet) if source.outlet else _missing("Outlet"), {"t": "; "}]
    runs.append(_t(f"by {source.author}") if source.author else _missing("author"))
    runs.append(_t(f"; {source.published.human()}. “{source.title}”. "))
    href = safe_url(source.url)
    if href:
        runs.append({"u": href, "t": printable(source.url)})
    elif source.url:
        runs.append(_t(source.url))
    else:
        runs.append(_missing("Address"))
    runs.append({"t": ". "})
    runs.append(_t(f"Credit: {source.credit}") if source.credit else _missing("Credit line"))
    runs.append({"t": "."})
    return merged(runs)


# Statements at an event ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Wording:
    """One wording of a statement in one kind, and the quotes carrying exactly that."""

    kind: QuoteKind
    text: str
    quotes: tuple[Quote, ...]


def _wordings(cluster: QuoteCluster, event_id: str) -> list[_Wording]:
    """The statement's wordings at the event, one per variant (the same words, whatever the
    punctuation) and kind, with the quotes that carry it."""
    out: list[_Wording] = []
    for variant in cluster.variants:
        here = [q for q in variant.quotes if q.event in (event_id, None)]
        for kind in QuoteKind:
            of_kind = tuple(q for q in here if q.kind is kind)
            if of_kind:
                out.append(_Wording(kind, variant.text, of_kind))
    return out


def _reporters(dossier: Dossier, quotes: tuple[Quote, ...], number: dict[str, int]) -> list[Run]:
    """`Reuters [2] [5] and “Title” [3]`: who reports a paraphrase, with their numbers."""
    by: dict[str, list[int]] = {}
    for q in quotes:
        source = dossier.sources[q.source_id]
        name = source.outlet or f"“{source.title}”"
        by.setdefault(name, [])
        if number[q.source_id] not in by[name]:
            by[name].append(number[q.source_id])
    runs: list[Run] = []
    for i, (name, numbers) in enumerate(by.items()):
        if i:
            runs.append({"t": " and " if i == len(by) - 1 else ", "})
        runs.append(_t(name))
        _numbers(runs, sorted(numbers))
    return runs


def said_item(dossier: Dossier, wording: _Wording, speaker: str,
              number: dict[str, int]) -> dict[str, Any]:
    """A wording as printed: a direct quotation in quotation marks with its speaker after it; an
    official statement labelled as one; a paraphrase as reported speech, with who reports it,
    in the reporter's own words and without quotation marks."""
    numbers = sorted({number[q.source_id] for q in wording.quotes})
    lead: list[Run] = []
    tail: list[Run] = []
    if wording.kind is QuoteKind.PARAPHRASE:
        lead = [_t(f"{speaker} (paraphrased by "), *_reporters(dossier, wording.quotes, number),
                {"t": "):"}]
    elif wording.kind is QuoteKind.STATEMENT:
        lead = [{"t": "Official statement"}, _t(f" by {speaker}")]
        _numbers(lead, numbers)
        lead.append({"t": ":"})
    else:
        tail = [_t(f"— {speaker}")]
        _numbers(tail, numbers)
    return {"kind": wording.kind.value, "lead": merged(lead), "text": printable(wording.text),
            "tail": merged(tail)}


# The document -------------------------------------------------------------------------------


def attested(reported: list[int], announced: list[int]) -> list[Run]:
    """Who reports the event and who announced it; an event only announced says so."""
    runs: list[Run] = []
    if reported:
        runs.append({"t": f"Reported by {count(len(reported), 'source')}"})
        _numbers(runs, reported)
    if announced:
        lead = "; announced beforehand by " if reported else "Announced by "
        runs.append({"t": lead + count(len(announced), "source")})
        _numbers(runs, announced)
        if not reported:
            runs.append({"t": "; not yet reported by any source"})
    if not runs:
        runs.append({"t": "No source reports or announces it yet"})
    runs.append({"t": "."})
    return merged(runs)


def event_entry(dossier: Dossier, event: Event, said: list[QuoteCluster],
                number: dict[str, int]) -> dict[str, Any]:
    """One event: date, title, place, description, attestation, statements, citations."""
    def numbers(ids: Iterable[str]) -> list[int]:
        return sorted({number[i] for i in ids if i in number})

    reported = numbers(dossier.reported_by.get(event.id, ()))
    announced = numbers(dossier.announced_by.get(event.id, ()))
    items: list[dict[str, Any]] = []
    for cluster in said:
        person = dossier.people.get(cluster.speaker)
        speaker = person.name if person else cluster.speaker
        items.extend(said_item(dossier, w, speaker, number)
                     for w in _wordings(cluster, event.id))
    cited = sorted({*reported, *announced, *(run["n"] for item in items
                                             for run in (*item["lead"], *item["tail"])
                                             if "n" in run)})
    return {
        "id": event.id,
        "date": event.date.human(),
        "precision": precision_label(event.date),
        "title": printable(event.title),
        "place": printable(event.place),
        "description": printable(event.description),
        "attested": attested(reported, announced),
        "said": items,
        "cited": cited,
    }


def timeline_parts(dossier: Dossier) -> list[dict[str, str]]:
    """The SVG timeline, cut by month (and a month in halves) where one drawing would not fit
    a page; each part with its description for readers who cannot see it."""
    def draw(events: list[Event]) -> list[dict[str, str]]:
        part = Dossier(dossier.title, {}, {e.id: e for e in events}, dossier.people, (),
                       reported_by=dossier.reported_by, announced_by=dossier.announced_by)
        svg = render_timeline(part)
        height = _svg_height(svg)
        if height > TIMELINE_MAX_HEIGHT and len(events) > 1:
            half = len(events) // 2
            return draw(events[:half]) + draw(events[half:])
        return [{"svg": svg, "alt": _svg_title(svg)}] if svg else []

    events = list(dossier.events.values())
    whole = draw(events)
    if len(whole) <= 1:
        return whole
    return [part for _, group in months(events) for part in draw(group)]


def _svg_height(svg: str) -> float:
    match = re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', svg)
    return float(match.group(1)) if match else 0.0


def _svg_title(svg: str) -> str:
    match = re.search(r"<title>([^<]*)</title>", svg)
    return html.unescape(match.group(1)) if match else "Timeline of the events"


def document(dossier: Dossier, *, kind: str, made: str,
             selection: Iterable[str] = ()) -> dict[str, Any]:
    """The whole PDF as data: title page, months of events, and every source cited."""
    sources = list(dossier.sources.values())
    number = {s.id: i for i, s in enumerate(sources, start=1)}
    # The same order as the site's pages, computed on the part of the dossier printed here.
    by_event = statements_by_event(dossier)
    month_list = []
    for title, events in months(dossier.events.values()):
        entries = [event_entry(dossier, e, by_event.get(e.id, []), number) for e in events]
        month_list.append({"title": title, "events": entries})
    statements = len(dossier.clusters)
    quoted = sum(len(c.quotes) for c in dossier.clusters)
    counts = (f"{count(len(dossier.events), 'event')} from {count(len(sources), 'source')}; "
              f"{count(statements, 'statement')}, quoted {count(quoted, 'time')}")
    if sources:
        counts += (f"; sources published from {sources[0].published.human()} to "
                   f"{sources[-1].published.human()}")
    timeline = timeline_parts(dossier)
    on_title_page = len(timeline) == 1 and _svg_height(
        timeline[0]["svg"]) <= TITLE_PAGE_TIMELINE_HEIGHT
    return {
        "title": printable(dossier.title),
        "kind": kind,
        "selection": [printable(line) for line in selection],
        "range": date_range(e.date for e in dossier.events.values()),
        "counts": counts + ".",
        "made": made,
        "timeline": timeline,
        "timeline_on_title_page": on_title_page,
        "months": month_list,
        "sources": [citation(s) for s in sources],
    }


def _size(value: Any) -> int:
    """A cheap measure of how much there is to typeset: the length of the strings."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    if isinstance(value, list):
        return sum(_size(v) for v in value)
    return 1


def split(doc: dict[str, Any], budget: int) -> list[dict[str, Any]]:
    """The document cut into parts of about `budget` characters each, for the typesetter to
    lay out one at a time: its memory grows with what one layout holds. A part starts a month
    or carries one on (`heading` is false), the source list is cut the same way, and each part
    holds the citations it prints. One part when all fits."""
    common = {k: doc[k] for k in ("title", "kind", "selection", "range", "counts", "made")}
    sources: list[list[Run]] = doc["sources"]
    parts: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    listed: list[int] = []
    used, continues = 0, ""

    def flush(carries_on: str) -> None:
        nonlocal used, continues
        cited = {n for g in groups for e in g["events"] for n in e["cited"]} | set(listed)
        parts.append({**common, "front": not parts, "timeline": [],
                      "timeline_on_title_page": False,
                      "months": list(groups), "listed": list(listed),
                      "list_heading": bool(listed) and listed[0] == 1,
                      "citations": {str(n): sources[n - 1] for n in sorted(cited)}})
        groups.clear()
        listed.clear()
        used, continues = 0, carries_on

    def room(cost: int) -> bool:
        return used == 0 or used + cost <= budget

    for month in doc["months"]:
        group: dict[str, Any] | None = None
        for event in month["events"]:
            cost = _size(event) + sum(_size(sources[n - 1]) for n in event["cited"])
            if not room(cost):
                flush(month["title"] if group else "")
                group = None
            if group is None:
                carried_on = not groups and continues == month["title"]
                group = {"title": month["title"], "events": [], "heading": not carried_on}
                groups.append(group)
            group["events"].append(event)
            used += cost
    for n, runs in enumerate(sources, start=1):
        cost = _size(runs)
        if not room(cost):
            flush("Sources" if listed else "")
        listed.append(n)
        used += cost
    flush("")
    parts[0].update(timeline=doc["timeline"],
                    timeline_on_title_page=doc["timeline_on_title_page"])
    return parts
