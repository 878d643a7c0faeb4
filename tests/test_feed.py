"""The Atom feed (`feed.xml`): valid Atom as a feed reader parses it, dated by the sources,
the same bytes every time, and ids that stay when sources are added."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import feedparser

from build_dossier.build import load_and_check
from build_dossier.feed import ENTRIES, render_feed
from build_dossier.link import link
from build_dossier.model import Dossier, FuzzyDate
from build_dossier.render import render

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests/cases/small"


def dossier_of(root: Path, site_url: str = "") -> Dossier:
    checked = load_and_check(root)
    assert checked.ok, checked.problems
    return link(checked.loaded, checked.title, site_url=site_url)


def test_the_feed_is_valid_atom_with_every_required_element():
    dossier = dossier_of(ROOT)
    parsed = feedparser.parse(render(dossier)["feed.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # RFC 4287: a feed has id, title, updated and an author (or every entry has one).
    assert parsed.feed.id and parsed.feed.updated and parsed.feed.author
    assert parsed.feed.title == dossier.title
    expected = len(dossier.sources) + len(dossier.events)
    assert len(parsed.entries) == min(expected, ENTRIES)
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.updated and entry.link and entry.summary
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)
    titles = {entry.title for entry in parsed.entries}
    assert {s.title for s in dossier.sources.values()} <= titles


def test_entries_are_dated_by_the_sources_newest_first():
    dossier = dossier_of(ROOT)
    entries = feedparser.parse(render_feed(dossier)).entries
    stamps = [entry.updated for entry in entries]
    assert stamps == sorted(stamps, reverse=True)
    newest = max(dossier.sources.values(), key=lambda s: s.published.sort_key())
    assert stamps[0] == f"{newest.published.iso()}T00:00:00Z"
    # An event is dated by the first source that told of it, not by when it happened.
    council = next(e for e in entries if e.link.endswith("events/2022-01-12-nato-russia-council/"))
    told = [dossier.sources[s].published for s in (
        *dossier.reported_by["2022-01-12-nato-russia-council"],
        *dossier.announced_by.get("2022-01-12-nato-russia-council", ()))]
    first = min(told, key=FuzzyDate.sort_key)
    assert council.updated == f"{first.iso()}T00:00:00Z"


def test_the_same_sources_give_the_same_bytes():
    assert render_feed(dossier_of(ROOT)) == render_feed(dossier_of(ROOT))


def test_with_a_public_address_the_ids_and_links_are_its_pages(tmp_path):
    dossier = dossier_of(ROOT, "https://example.org/repo/")
    parsed = feedparser.parse(render_feed(dossier, dossier.site_url))
    assert parsed.feed.id == "https://example.org/repo/"
    source_id = next(iter(dossier.sources))
    entry = next(e for e in parsed.entries if e.id.endswith(f"/sources/{source_id}/"))
    assert entry.id == entry.link == f"https://example.org/repo/sources/{source_id}/"


def test_adding_a_source_keeps_every_entry_id(tmp_path):
    shutil.copytree(SMALL / "sources", tmp_path / "sources")
    before = {e.link: e.id for e in feedparser.parse(render_feed(dossier_of(tmp_path))).entries}
    (tmp_path / "sources/1843-03-20-extra.md").write_text(
        "---\ntitle: Extra\npublished: 1843-03-20\n---\nA later report.\n", encoding="utf-8")
    after = {e.link: e.id for e in feedparser.parse(render_feed(dossier_of(tmp_path))).entries}
    assert "sources/1843-03-20-extra/" in after
    assert all(after[link] == entry_id for link, entry_id in before.items())


def test_markup_and_control_characters_in_titles_stay_text():
    dossier = dossier_of(SMALL)
    courier = dossier.sources["1843-03-03-courier"]
    odd = dataclasses.replace(courier, title=courier.title + " \x07bell & <b>")
    changed = dataclasses.replace(dossier, sources={**dossier.sources, courier.id: odd})
    parsed = feedparser.parse(render_feed(changed))
    assert not parsed.bozo
    entry = next(e for e in parsed.entries if e.link == "sources/1843-03-03-courier/")
    assert entry.title.endswith(" bell & <b>") and "<script>" in entry.title
