"""The SVG timeline: every event on the date axis with its number of sources, escaped, stable."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from dossiers import SEEDS, dossier_of, pages_of

from build_dossier.model import Dossier, Event, FuzzyDate, Source
from build_dossier.timeline import FONT_SIZE, date_span, render_timeline, short_date

SVG = "{http://www.w3.org/2000/svg}"


def seeds() -> Dossier:
    return dossier_of(SEEDS.parent)


def dossier(*events: Event, reported: dict[str, int] | None = None) -> Dossier:
    reported = reported or {}
    sources = {f"s{i}": Source(f"s{i}", f"sources/s{i}.md", f"Source {i}", FuzzyDate(1843, 3, 20),
                               "text") for i in range(max(reported.values(), default=0))}
    return Dossier(
        title="T", sources=sources, events={e.id: e for e in events}, people={}, clusters=(),
        reported_by={e: tuple(sources)[:n] for e, n in reported.items()})


def marks(svg: str) -> list[tuple[str, float, str]]:
    """(label, x of the dot, figure in the dot) for every event, in drawing order."""
    out = []
    for a in ET.fromstring(svg).iter(f"{SVG}a"):
        circle = a.find(f"{SVG}circle")
        # A long label wraps onto several lines, one tspan each.
        texts = [" ".join(t.itertext()) for t in a.findall(f"{SVG}text")]
        assert circle is not None
        out.append((texts[1], float(circle.get("cx", "0")), texts[0]))
    return out


def test_every_seed_event_is_on_the_axis_in_date_order_with_its_number_of_sources():
    d = seeds()
    drawn = marks(render_timeline(d))
    for event, (label, _, _) in zip(d.events.values(), drawn, strict=True):
        # Every label gives the event's date and its whole title, never cut short.
        assert label == f"{short_date(event.date)} · {event.title}"
    xs = [x for _, x, _ in drawn]
    assert xs == sorted(xs)
    for event, (_, _, figure) in zip(d.events.values(), drawn, strict=True):
        reports = len(d.reported_by.get(event.id, ()))
        assert figure == str(reports or len(d.announced_by.get(event.id, ())))
    assert {figure for _, _, figure in drawn} >= {"1", "2", "3"}


def test_titles_from_sources_are_escaped_and_the_drawing_stays_valid_xml():
    evil = Event("e1", 'Summit <script>alert(1)</script> & "friends"', FuzzyDate(1843, 3, 1))
    svg = render_timeline(dossier(evil, reported={"e1": 2}))
    assert "<script" not in svg
    (label, _, figure) = marks(svg)[0]
    assert label == '1 Mar 1843 · Summit <script>alert(1)</script> & "friends"'
    assert figure == "2"
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title") is not None
    assert not [el for el in root.iter() if el.tag.endswith("script")]


def test_later_events_sit_further_right_and_fuzzy_dates_show_their_span():
    svg = render_timeline(dossier(
        Event("a", "First", FuzzyDate(1843, 3, 1)),
        Event("b", "Later that month", FuzzyDate(1843, 3)),
        Event("c", "Much later", FuzzyDate(1843, 6, 30, approximate=True)),
        reported={"a": 1, "b": 1, "c": 3}))
    (_, xa, _), (_, xb, _), (_, xc, _) = marks(svg)
    assert xa < xb < xc
    spans = ET.fromstring(svg).findall(f".//{SVG}rect")
    assert len(spans) == 1, "only the month-precise event gets a span bar"
    assert 'stroke-dasharray="3 2"' in svg, "an approximate date is drawn dashed"


def test_month_span_covers_the_whole_month():
    start, end = date_span(FuzzyDate(2024, 2))
    assert end - start == 29
    start, end = date_span(FuzzyDate(2022, 1, 12))
    assert end - start == 1


def test_the_drawing_has_rounded_coordinates_and_is_empty_without_events():
    # The same from run to run: test_determinism.py compares the chronology page it is on.
    assert render_timeline(dossier()) == ""
    assert not re.search(r"\d\.\d{2,}", render_timeline(seeds())), "coordinates are rounded"


def test_the_chronology_page_shows_the_timeline_and_links_the_pdf():
    page = pages_of(SEEDS.parent)["chronology.md"]
    assert "<svg" in page and page.count('class="dossier-timeline-event"') == 6
    # A Markdown link to a file of docs/ (the build stages the PDF there), which every renderer
    # rewrites for the page's address: a raw HTML link is rewritten by some and not others.
    assert "[The chronology as a PDF](chronology.pdf){ .dossier-pdf-link" in page


def test_labels_are_small_text_at_least_and_long_titles_wrap_whole():
    long = Event("e", "A meeting whose title runs on and on " * 4, FuzzyDate(1843, 3, 30))
    svg = render_timeline(dossier(Event("a", "First", FuzzyDate(1843, 3, 1)), long,
                                  reported={"a": 1, "e": 1}))
    root = ET.fromstring(svg)
    assert int(root.get("font-size", "0")) == FONT_SIZE >= 13
    assert marks(svg)[1][0] == "30 Mar 1843 · " + " ".join(long.title.split())
    lines = [list(text.itertext()) for text in root.iter(f"{SVG}text")
             if len(list(text.iter(f"{SVG}tspan"))) > 1]
    assert len(lines) == 1 and 1 < len(lines[0]) <= 3, "wrapped onto a few lines, cut nowhere"
    assert int(root.get("width", "0")) == 720


def test_a_title_too_long_to_wrap_widens_the_drawing_instead_of_being_cut():
    endless = Event("e", "word " * 400, FuzzyDate(1843, 3, 30))
    svg = render_timeline(dossier(endless, reported={"e": 1}))
    assert marks(svg)[0][0].endswith("word " * 399 + "word")
    # Drawn at its own size (pages scroll it sideways), so it must be wide enough to hold it.
    assert int(ET.fromstring(svg).get("width", "0")) > 400 * 5 * 6


def test_short_dates_keep_their_precision():
    assert short_date(FuzzyDate(2022, 1, 7)) == "7 Jan 2022"
    assert short_date(FuzzyDate(2022, 1)) == "Jan 2022"
    assert short_date(FuzzyDate(2022, approximate=True)) == "c. 2022"
