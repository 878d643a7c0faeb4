"""The Atom feed of the dossier's newest sources and events (`feed.xml`), one of the generated
files render writes to docs/. Pure: the same Dossier gives the same bytes, dated by the sources,
never by the clock.

Written with the standard library's ElementTree, which escapes every value: Atom's few required
elements do not call for a dependency (feedgen brings lxml and stamps its own version in).
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

from .addresses import FEED_FILE
from .model import Dossier, Event, FuzzyDate, Source

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
"""Entries in the feed: the newest sources and events. Feed readers keep the older ones."""
EPOCH = FuzzyDate(1970, 1, 1)
# Characters XML 1.0 cannot carry at all (C0 controls but tab and line breaks, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_NAMESPACE = uuid.UUID("6f0c3c52-4bfa-5b51-9d2a-1c5a3e0f2b7d")
"""Names the ids of entries when the dossier has no public address (`site_url`)."""


def atom_date(date: FuzzyDate) -> str:
    """A date as Atom's timestamp: midnight UTC of its first day (year 1-9999)."""
    year = min(max(date.year, 1), 9999)
    return f"{year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _text(parent: ET.Element, tag: str, value: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _NOT_XML.sub("", value)
    return element


class _Feed:
    """Addresses and ids for one dossier: public ones when `site_url` is known, else relative
    links (resolved against the feed's own address) and name-based UUIDs of the page paths."""

    def __init__(self, site_url: str) -> None:
        self.site_url = site_url

    def href(self, path: str) -> str:
        return self.site_url + path if self.site_url else path or "./"

    def id(self, path: str) -> str:
        if self.site_url:
            return self.site_url + path
        return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, path or '/')}"


def _first_seen(dossier: Dossier, event: Event) -> FuzzyDate:
    """When the dossier's sources first told of `event`: the earliest of them to report or
    announce it, else the event's own date."""
    told = [dossier.sources[s].published for s in (*dossier.reported_by.get(event.id, ()),
                                                   *dossier.announced_by.get(event.id, ()))]
    return min(told, key=FuzzyDate.sort_key, default=event.date)


def _newest(dossier: Dossier) -> list[tuple[FuzzyDate, Source | Event]]:
    dated: list[tuple[FuzzyDate, Source | Event]] = [
        (s.published, s) for s in dossier.sources.values()]
    dated += [(_first_seen(dossier, e), e) for e in dossier.events.values()]
    # Newest first; on one day, sources before events, then by id: one order every time.
    dated.sort(key=lambda pair: (tuple(-k for k in pair[0].sort_key()),
                                 isinstance(pair[1], Event), pair[1].id))
    return dated[:ENTRIES]


def _entry(feed: ET.Element, where: _Feed, dossier: Dossier, date: FuzzyDate,
           item: Source | Event) -> None:
    entry = ET.SubElement(feed, "entry")
    if isinstance(item, Source):
        path, title = f"sources/{item.id}/", item.title
        summary = item.summary or "No summary recorded."
        author = item.outlet or dossier.title
    else:
        path, title = f"events/{item.id}/", f"{item.date.human()}: {item.title}"
        place = f"At {item.place}. " if item.place else ""
        summary = place + (item.description or "No description recorded.")
        author = dossier.title
    _text(entry, "id", where.id(path))
    _text(entry, "title", title, type="text")
    _text(entry, "updated", atom_date(date))
    if isinstance(item, Source):
        _text(entry, "published", atom_date(item.published))
    _text(ET.SubElement(entry, "author"), "name", author)
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=where.href(path))
    _text(entry, "summary", summary, type="text")


def render_feed(dossier: Dossier, site_url: str = "") -> bytes:
    """The Atom feed of the newest sources and events, as UTF-8 XML."""
    where = _Feed(site_url)
    newest = _newest(dossier)
    feed = ET.Element("feed", xmlns=ATOM)
    _text(feed, "id", where.id(""))
    _text(feed, "title", dossier.title, type="text")
    _text(feed, "subtitle", "New sources and events in the dossier.", type="text")
    _text(feed, "updated", atom_date(max((d for d, _ in newest), key=FuzzyDate.sort_key,
                                         default=EPOCH)))
    _text(ET.SubElement(feed, "author"), "name", dossier.title)
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml",
                  href=where.href(FEED_FILE))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=where.href(""))
    for date, item in newest:
        _entry(feed, where, dossier, date, item)
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"
