"""Which registered events a text reports or announces, and the event (or else the date) each
quotation was said at, for `build-dossier new`. An event on or before the publication date
is reported; one after it, announced.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..model import Event, FuzzyDate
from .dates import DateMention, sentence_around
from .quotes import Candidate
from .textparts import Layout, words_of

_STOPWORDS = frozenset(words_of(
    "the a an of in on at to and or for with by from its it is was were be been as that this "
    "after before over about s de la le les des du et à au en der die das und im am zum в на и "
    "с по о"))


@dataclass(frozen=True)
class Occasion:
    """Where a quotation was said: a registered event, or else a date; and why so."""

    event: str | None
    date: FuzzyDate | None
    why: str


def words(text: str) -> set[str]:
    """The text's content words, case folded."""
    return {w for w in re.findall(r"[^\W_]+", text.casefold()) if w not in _STOPWORDS}


def _on(event: Event, day: dt.date) -> bool:
    d = event.date
    return d.year == day.year and d.month in (None, day.month) and d.day in (None, day.day)


def match_events(text: str, mentions: list[DateMention], events: dict[str, Event]
                 ) -> tuple[dict[int, list[str]], list[DateMention]]:
    """Events each date mention is about (by position), and mentions no event is on."""
    by_day: dict[dt.date, list[Event]] = {}
    for event in events.values():
        if event.date.day is not None and event.date.month is not None:
            day = dt.date(event.date.year, event.date.month, event.date.day)
            by_day.setdefault(day, []).append(event)
    matched: dict[int, list[str]] = {}
    unmatched: list[DateMention] = []
    for mention in mentions:
        on_day = by_day.get(mention.date, [])
        if not on_day:
            unmatched.append(mention)
            continue
        context = words(sentence_around(text, mention.at))
        scores = {e.id: len(context & words(e.title)) for e in on_day}
        best = max(scores.values())
        matched[mention.at] = sorted(
            (e.id for e in on_day if best == 0 or scores[e.id] * 2 >= best),
            key=lambda i: (-scores[i], i))
    return matched, unmatched


def split_by_tense(matched: dict[int, list[str]], events: dict[str, Event],
                   published: FuzzyDate) -> tuple[list[str], list[str]]:
    """(reported, announced) event ids: after the publication date means announced."""
    reports: list[str] = []
    announces: list[str] = []
    for ids in matched.values():
        for event_id in ids:
            if event_id in reports or event_id in announces:
                continue
            date = events[event_id].date
            later = date.sort_key() > published.sort_key() and not published.compatible(date)
            (announces if later else reports).append(event_id)
    return reports, announces


def events_on(day: FuzzyDate, events: dict[str, Event]) -> list[str]:
    """Registered events on exactly the day `day` names."""
    return sorted(e.id for e in events.values() if e.date.day is not None
                  and (e.date.year, e.date.month, e.date.day) == (day.year, day.month, day.day))


def quote_occasion(layout: Layout, quote: Candidate, matched: dict[int, list[str]],
                   events: dict[str, Event], reported: list[str], published: FuzzyDate,
                   said_on_the_day: bool, mentions: list[DateMention]) -> Occasion:
    """The event a quotation was most likely said at, or else the date it was said by.

    `said_on_the_day`: the text is the record of the occasion (a transcript), so words with no
    other event were said on the publication date itself, exactly.
    """
    para = layout.para_index(quote.start)
    p_start, p_end = layout.paras[para] if para is not None else (quote.start, quote.end)
    # The words around the quotation, within its paragraph: a bounded window keeps drafting
    # linear when a text is one endless paragraph.
    context = words(layout.text[max(p_start, quote.start - 600):min(max(p_end, quote.end),
                                                                   quote.end + 600)])

    def past(ids: list[str]) -> list[str]:
        # Words are said at an event that has happened by the time they are published.
        return [i for i in ids if events[i].date.sort_key() <= published.sort_key()
                or published.compatible(events[i].date)]

    positions = sorted(matched)
    lo, hi = bisect.bisect_left(positions, p_start), bisect.bisect_left(positions, p_end)
    nearby = past([i for at in positions[lo:hi][:20] for i in matched[at]])
    if said_on_the_day:
        candidates = nearby or events_on(published, events) or []
    else:
        candidates = nearby or past(reported)
    if candidates:
        def score(event_id: str) -> tuple[int, int]:
            event = events[event_id]
            return (int(quote.speaker in event.participants),
                    len(context & words(event.title + " " + event.description)))
        why = "a date named nearby" if nearby else (
            "the event on the day of the transcript" if said_on_the_day
            else "the events the text reports")
        return Occasion(max(candidates, key=score), None, why)
    published_day = published.sort_key()
    at_positions = [m.at for m in mentions]
    lo, hi = bisect.bisect_left(at_positions, p_start), bisect.bisect_left(at_positions, p_end)
    named = [m for m in mentions[lo:hi][:20]
             if (m.date.year, m.date.month, m.date.day) <= published_day[:3]]
    if named and not said_on_the_day:
        day = named[0].date
        return Occasion(None, FuzzyDate(day.year, day.month, day.day),
                        f"the date named nearby, “{named[0].words}”; no registered event then")
    if said_on_the_day and published.day is not None and not published.approximate:
        return Occasion(None, published, "no registered event on that day: the transcript's "
                        "date; add the event to sources/events.yml if it is one")
    return Occasion(None, FuzzyDate(published.year, published.month, published.day,
                                    approximate=True),
                    "nothing: no event found, so on or before the publication date")
