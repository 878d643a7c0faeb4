"""The chronology as an SVG timeline: events on a date axis, each dot carrying the number of
sources that report it. Pure drawing from the Dossier (no JavaScript), used by `render` for the
chronology page and by `pdf` for the briefing pack.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from .addresses import event_anchor
from .model import Dossier, Event, FuzzyDate

WIDTH = 720
"""The drawing's least width in CSS pixels; it grows when a label needs more room. Pages show it
at its own size, scrolling sideways on a narrow screen, so the text never shrinks."""
MARGIN = 14
FONT_SIZE = 13
"""Pixels: the site's small text (0.64rem of Material's 20px root), the least a label may be."""
ROW = 30
"""Height of one lane of events."""
TOP = 8
CHAR_WIDTH = 6.9
"""Estimated width of one character of a label at FONT_SIZE; generous, so labels never collide."""
GAP = 5
MAX_LINES = 3
"""Lines a long label may wrap onto, each taking a lane, before the drawing widens instead."""
LINE = 16
"""Pixels between the lines of a wrapped label."""
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


def short_date(date: FuzzyDate) -> str:
    """A date as a label carries it: `7 Jan 2022`, `Jan 2022`, `c. 2022`."""
    if date.month is None:
        text = str(date.year)
    else:
        text = f"{SHORT_MONTHS[date.month]} {date.year}"
        if date.day is not None:
            text = f"{date.day} {text}"
    return f"c. {text}" if date.approximate else text


def _label(event: Event) -> str:
    """The event's date and whole title: a reader must not need the tooltip to know either."""
    return f"{short_date(event.date)} · {' '.join(event.title.split())}"


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


class _Lanes:
    """Where each lane's labels end, and the least end in each block of lanes: finding a free
    lane skips the blocks without one (a 2,000-event timeline has hundreds of lanes, and
    looking at each for every event was a third of a second of every rebuild)."""

    BLOCK = 32

    def __init__(self) -> None:
        self.ends: list[float] = []
        self.least: list[float] = []

    def __len__(self) -> int:
        return len(self.ends)

    def take(self, first: int, count: int, end: float) -> None:
        """Lanes `first` to `first + count - 1` hold labels up to `end` (lanes are added as
        needed)."""
        ends, block = self.ends, self.BLOCK
        if len(ends) < first + count:
            ends.extend([0.0] * (first + count - len(ends)))
        for i in range(first, first + count):
            ends[i] = end
        least = self.least
        for b in range(first // block, (first + count - 1) // block + 1):
            value = min(ends[b * block:(b + 1) * block])
            if b < len(least):
                least[b] = value
            else:  # lanes are added only at the end, so blocks are too
                least.append(value)

    def free_from(self, i: int, start: float) -> int:
        """The first lane from `i` whose labels end 8 units before `start`; the number of
        lanes when there is none."""
        ends, least, block, n = self.ends, self.least, self.BLOCK, len(self.ends)
        while i < n:
            if i % block == 0 and least[i // block] + 8 > start:
                i += block
            elif ends[i] + 8 <= start:
                return i
            else:
                i += 1
        return n


def _first_free(lanes: _Lanes, count: int, start: float) -> int:
    """The first of `count` lanes in a row whose labels all end 8 units before `start` (lanes
    past the last are free)."""
    ends, n, i = lanes.ends, len(lanes), 0
    while True:
        first = lanes.free_from(i, start)
        if first >= n:
            return n
        past = first + 1
        while past < n and past - first < count and ends[past] + 8 <= start:
            past += 1
        if past - first == count:
            return first
        if past == n:
            return n - (past - first)  # the run goes on past the last lane
        i = past + 1


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
    lanes = _Lanes()
    placed: list[tuple[_Mark, int, float, float, list[str], bool]] = []
    right_edge = float(WIDTH - MARGIN)
    for mark in marks:
        x0, x1 = x_of(mark.start), x_of(mark.end)
        centre, radius = (x0 + x1) / 2, _radius(mark)
        # Labels start at the dot, on the side with room; a fuzzy date's bar may run under its
        # label. A label too long for either side is wrapped onto the lanes below, and only
        # one that would need more than MAX_LINES widens the drawing.
        room_right = WIDTH - MARGIN - (centre + radius + GAP)
        room_left = centre - radius - GAP - MARGIN
        on_right, lines = _place(_label(mark.event), room_right, room_left)
        width = max(map(len, lines)) * CHAR_WIDTH
        if on_right:
            right_edge = max(right_edge, centre + radius + GAP + width)
            taken = (min(x0, centre - radius), max(x1, centre + radius + GAP + width))
        else:
            taken = (min(x0, centre - radius - GAP - width), max(x1, centre + radius))
        lane = _first_free(lanes, len(lines), taken[0])
        lanes.take(lane, len(lines), taken[1])
        placed.append((mark, lane, x0, x1, lines, on_right))

    axis_y = TOP + len(lanes) * ROW + 6
    height = axis_y + 52
    width = math.ceil(right_edge + MARGIN)
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
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}">',
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
    out.extend(_legend(axis_y + 42))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _wrap(text: str, chars: int) -> list[str]:
    """`text` in lines of at most `chars` characters, broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _place(label: str, room_right: float, room_left: float) -> tuple[bool, list[str]]:
    """Which side of its dot a label goes, and its lines: whole where it fits, else wrapped on
    the roomier side, else whole on the right (the drawing then grows)."""
    width = len(label) * CHAR_WIDTH
    if room_right >= width:
        return True, [label]
    if room_left >= width:
        return False, [label]
    on_right = room_right >= room_left
    lines = _wrap(label, int(max(room_right, room_left) / CHAR_WIDTH))
    if len(lines) <= MAX_LINES:
        return on_right, lines
    return True, [label]


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
        f'<text x="{x + 12}" y="{y}">sources report it</text>',
        f'<circle cx="{x + 140}" cy="{y - 4}" r="7" fill="{ANNOUNCED_FILL}" stroke="{FILL}" '
        'stroke-width="1.5"/>',
        f'<text x="{x + 140}" y="{y}" text-anchor="middle" fill="{FILL}" '
        'font-weight="bold">1</text>',
        f'<text x="{x + 152}" y="{y}">announced, not yet reported</text>',
        f'<text x="{x + 380}" y="{y}">dashed: approximate date; bar: day not known</text>',
        "</g>",
    ]


def _radius(mark: _Mark) -> float:
    attested = mark.reports or mark.announces
    return 8.0 + 1.5 * min(max(attested - 1, 0), 4)


def _draw(dossier: Dossier, mark: _Mark, lane: int, x0: float, x1: float, lines: list[str],
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
    spans = "".join(f'<tspan x="{_n(lx)}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    out.append(f'<text x="{_n(lx)}" y="{_n(y + 4)}" text-anchor="{anchor}" '
               f'fill="currentColor">{spans}</text>')
    out.append("</a>")
    return out
