"""The chronology as an SVG timeline: events on a date axis, each dot carrying the number of
sources that report it. Pure drawing from the Dossier (no JavaScript), used by `render` for the
chronology page and by `pdf` for the briefing pack.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from html import escape

from .addresses import event_anchor
from .model import Dossier, Event, FuzzyDate

WIDTH = 720
MARGIN = 14
ROW = 26
"""Height of one lane of events."""
TOP = 8
CHAR_WIDTH = 6.6
"""Estimated width of one character of a label at 11px; generous, so labels never collide."""
LABEL_CHARS = 64
"""Longer titles are shortened on the axis (the full title is in the tooltip)."""
GAP = 5
MIN_DAYS = 14
FILL = "#546e7a"
"""Blue grey, the site's primary colour; dark enough for white figures, readable in grey print."""
ANNOUNCED_FILL = "#ffffff"
SHORT_MONTHS = tuple(calendar.month_abbr)


@dataclass(frozen=True)
class _Mark:
    """One event placed on the drawing."""

    event: Event
    start: float
    end: float
    """Ordinal days (fractional): where the event's date span begins and ends."""
    reports: int
    announces: int


@dataclass(frozen=True)
class _Tick:
    day: float
    label: str
    major: bool


def date_span(date: FuzzyDate) -> tuple[float, float]:
    """The days a fuzzy date covers, as ordinal numbers `[start, end)`."""
    if date.month is None:
        first = dt.date(date.year, 1, 1)
        last = dt.date(date.year, 12, 31)
    elif date.day is None:
        first = dt.date(date.year, date.month, 1)
        last = dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    else:
        first = last = dt.date(date.year, date.month, date.day)
    return float(first.toordinal()), float(last.toordinal() + 1)


def _n(value: float) -> str:
    """A coordinate, rounded so the same dossier always gives the same bytes."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shorten(text: str, chars: int) -> str:
    text = " ".join(text.split())
    if len(text) <= chars:
        return text
    return text[: max(chars - 1, 1)].rstrip() + "…"


def _ticks(lo: float, hi: float) -> list[_Tick]:
    """Axis ticks for the range: days for a few months, months for a few years, else years."""
    first, last = dt.date.fromordinal(int(lo)), dt.date.fromordinal(max(int(hi) - 1, int(lo)))
    span = hi - lo
    ticks: list[_Tick] = []
    if span <= 100:
        day = first
        labelled_year = False
        while day <= last:
            if day.day in (1, 8, 15, 22):
                with_year = (day.day == 1 and day.month == 1) or not labelled_year
                label = f"{day.day} {SHORT_MONTHS[day.month]}" + (
                    f" {day.year}" if with_year else "")
                labelled_year = True
                ticks.append(_Tick(day.toordinal() + 0.5, label, day.day == 1))
            elif span <= 45:
                ticks.append(_Tick(day.toordinal() + 0.5, "", False))
            day += dt.timedelta(days=1)
        return ticks
    if span <= 3 * 366:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 12)
        year, month = first.year, first.month
        labelled_year = False
        index = 0
        while (year, month) <= (last.year, last.month):
            at = float(dt.date(year, month, 1).toordinal())
            if at >= lo:
                labelled = index % step == 0
                with_year = month == 1 or not labelled_year
                label = SHORT_MONTHS[month] + (f" {year}" if with_year else "")
                label = label if labelled else ""
                labelled_year = labelled_year or labelled
                ticks.append(_Tick(at, label, month == 1))
                index += 1
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ticks
    years = last.year - first.year + 1
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if years / s <= 12)
    for year in range(first.year + (-first.year) % step, last.year + 1, step):
        at = float(dt.date(year, 1, 1).toordinal())
        if at >= lo:
            ticks.append(_Tick(at, str(year), True))
    return ticks


def _marks(dossier: Dossier) -> list[_Mark]:
    marks = []
    for event in dossier.events.values():
        start, end = date_span(event.date)
        marks.append(_Mark(event, start, end, len(dossier.reported_by.get(event.id, ())),
                           len(dossier.announced_by.get(event.id, ()))))
    return marks


def describe(dossier: Dossier, event: Event) -> str:
    """The tooltip of an event's mark: date, title and who attests it."""
    reports = len(dossier.reported_by.get(event.id, ()))
    announces = len(dossier.announced_by.get(event.id, ()))
    text = f"{event.date.human()}: {event.title} (reported by {_count(reports, 'source')}"
    if announces:
        text += f", announced by {_count(announces, 'source')}"
    return text + ")"


def render_timeline(dossier: Dossier) -> str:
    """The dossier's events as an SVG drawing; empty text when there are no events."""
    marks = _marks(dossier)
    if not marks:
        return ""
    lo = min(m.start for m in marks)
    hi = max(m.end for m in marks)
    # A little room at both ends, and at least a fortnight shown, so one lone day is not the
    # whole width.
    pad = max((hi - lo) * 0.03, 1.0, (MIN_DAYS - (hi - lo)) / 2)
    lo, hi = lo - pad, hi + pad
    scale = (WIDTH - 2 * MARGIN) / (hi - lo)

    def x_of(day: float) -> float:
        return MARGIN + (day - lo) * scale

    # Each event takes the first lane where its dot and label clear the previous ones.
    lanes: list[float] = []
    placed: list[tuple[_Mark, int, float, float, str, bool]] = []
    for mark in marks:
        x0, x1 = x_of(mark.start), x_of(mark.end)
        centre, radius = (x0 + x1) / 2, _radius(mark)
        # Labels start at the dot; a fuzzy date's bar may run under its label.
        room_right = WIDTH - MARGIN - (centre + radius + GAP)
        room_left = centre - radius - GAP - MARGIN
        on_right = room_right >= room_left or room_right >= len(mark.event.title) * CHAR_WIDTH
        room = room_right if on_right else room_left
        label = _shorten(mark.event.title, min(LABEL_CHARS, max(int(room / CHAR_WIDTH), 8)))
        width = len(label) * CHAR_WIDTH
        if on_right:
            taken = (min(x0, centre - radius), max(x1, centre + radius + GAP + width))
        else:
            taken = (min(x0, centre - radius - GAP - width), max(x1, centre + radius))
        lane = next((i for i, end in enumerate(lanes) if end + 8 <= taken[0]), len(lanes))
        if lane == len(lanes):
            lanes.append(taken[1])
        else:
            lanes[lane] = taken[1]
        placed.append((mark, lane, x0, x1, label, on_right))

    axis_y = TOP + len(lanes) * ROW + 6
    height = axis_y + 48
    first = dt.date.fromordinal(int(min(m.start for m in marks)))
    last = dt.date.fromordinal(int(max(m.end for m in marks)) - 1)
    summary = (f"Timeline of {_count(len(marks), 'event')}, "
               f"{FuzzyDate(first.year, first.month, first.day).human()} to "
               f"{FuzzyDate(last.year, last.month, last.day).human()}; "
               "each mark shows how many sources report the event")
    out = [
        # A group, not an image: its marks are links, and an image may not hold links.
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dossier-timeline" role="group" '
        f'aria-label="{escape(summary)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{escape(summary)}</title>",
        f'<line x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}" '
        'stroke="currentColor" stroke-width="1"/>',
    ]
    for tick in _ticks(lo, hi):
        x = _n(x_of(tick.day))
        size = 6 if tick.label else 3
        out.append(f'<line x1="{x}" y1="{axis_y}" x2="{x}" y2="{axis_y + size}" '
                   f'stroke="currentColor" stroke-width="{1.5 if tick.major else 1}"/>')
        if tick.label:
            out.append(_tick_label(tick, x_of(tick.day), axis_y + 18))
    for mark, lane, x0, x1, label, on_right in placed:
        out.extend(_draw(dossier, mark, lane, x0, x1, label, on_right, axis_y))
    out.extend(_legend(axis_y + 38))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _tick_label(tick: _Tick, x: float, y: float) -> str:
    """A tick's label centred under it, or pushed inside the drawing near either edge."""
    half = len(tick.label) * CHAR_WIDTH / 2
    anchor = "middle"
    if x - half < 1:
        x, anchor = 1, "start"
    elif x + half > WIDTH - 1:
        x, anchor = WIDTH - 1, "end"
    weight = ' font-weight="bold"' if tick.major else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" fill="currentColor"{weight}>'
            f"{escape(tick.label)}</text>")


def _legend(y: float) -> list[str]:
    """What the marks mean, so a printed page explains itself."""
    x = MARGIN + 7
    return [
        '<g class="dossier-timeline-legend" fill="currentColor">',
        f'<circle cx="{x}" cy="{y - 4}" r="7" fill="{FILL}"/>',
        f'<text x="{x}" y="{y}" text-anchor="middle" fill="#ffffff" font-weight="bold">2</text>',
        f'<text x="{x + 12}" y="{y}">sources report the event</text>',
        f'<circle cx="{x + 170}" cy="{y - 4}" r="7" fill="{ANNOUNCED_FILL}" stroke="{FILL}" '
        'stroke-width="1.5"/>',
        f'<text x="{x + 170}" y="{y}" text-anchor="middle" fill="{FILL}" '
        'font-weight="bold">1</text>',
        f'<text x="{x + 182}" y="{y}">source announced it, none reports it yet</text>',
        f'<text x="{x + 430}" y="{y}">dashed: approximate date; bar: day not known</text>',
        "</g>",
    ]


def _radius(mark: _Mark) -> float:
    attested = mark.reports or mark.announces
    return 8.0 + 1.5 * min(max(attested - 1, 0), 4)


def _draw(dossier: Dossier, mark: _Mark, lane: int, x0: float, x1: float, label: str,
          on_right: bool, axis_y: float) -> list[str]:
    """One event: a guide down to the axis, the span of a fuzzy date, the dot and its label."""
    y = TOP + lane * ROW + ROW / 2
    radius = _radius(mark)
    centre = (x0 + x1) / 2
    dashed = ' stroke-dasharray="3 2"' if mark.event.date.approximate else ""
    shown = mark.reports if mark.reports else mark.announces
    fill, ink = (FILL, "#ffffff") if mark.reports else (ANNOUNCED_FILL, FILL)
    out = [
        f'<a href="#{escape(event_anchor(mark.event.id))}" class="dossier-timeline-event">',
        f"<title>{escape(describe(dossier, mark.event))}</title>",
        f'<line x1="{_n(centre)}" y1="{_n(y + radius)}" x2="{_n(centre)}" y2="{axis_y}" '
        'stroke="#90a4ae" stroke-width="1" stroke-dasharray="2 2"/>',
    ]
    if mark.event.date.precision != "day":
        out.append(f'<rect x="{_n(x0)}" y="{_n(y - 4)}" width="{_n(x1 - x0)}" height="8" rx="4" '
                   f'fill="{FILL}" fill-opacity="0.25" stroke="{FILL}"{dashed}/>')
    out.append(f'<circle cx="{_n(centre)}" cy="{_n(y)}" r="{_n(radius)}" fill="{fill}" '
               f'stroke="{FILL}" stroke-width="1.5"{dashed}/>')
    out.append(f'<text x="{_n(centre)}" y="{_n(y + 4)}" text-anchor="middle" fill="{ink}" '
               f'font-weight="bold">{shown}</text>')
    lx, anchor = (centre + radius + GAP, "start") if on_right else (centre - radius - GAP, "end")
    out.append(f'<text x="{_n(lx)}" y="{_n(y + 4)}" text-anchor="{anchor}" '
               f'fill="currentColor">{escape(label)}</text>')
    out.append("</a>")
    return out
