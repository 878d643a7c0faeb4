"""Recurring lines: nearly the same words from different speakers (or from one speaker on
another occasion) stay separate statements, linked to one another."""

import textwrap
from pathlib import Path

from build_dossier.build import load_and_check
from build_dossier.link import link

PEOPLE = """\
minister:
  name: Anna Minister
spokesman:
  name: Ben Spokesman
"""
EVENTS = """\
summit:
  title: Summit
  date: 2019-03-04
briefing:
  title: Briefing
  date: 2019-03-05
"""
LINE = "any attack on our partners would carry a heavy price for those who order it"


def source(name: str, speaker: str, event: str, said: str) -> str:
    return textwrap.dedent(f"""\
        ---
        title: {name}
        published: 2019-03-06
        quotes:
          - text: "{said}"
            speaker: {speaker}
            event: {event}
        ---
        It was said that “{said}”.
        """)


def dossier(tmp_path: Path, *sources: tuple[str, str, str, str]):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/people.yml").write_text(PEOPLE)
    (tmp_path / "sources/events.yml").write_text(EVENTS)
    for name, *rest in sources:
        (tmp_path / f"sources/{name}.md").write_text(source(name, *rest))
    checked = load_and_check(tmp_path)
    assert checked.ok, checked.problems
    return link(checked.loaded, checked.title)


def test_the_same_line_from_two_speakers_is_two_statements_linked_both_ways(tmp_path):
    d = dossier(tmp_path, ("a", "minister", "summit", LINE),
                ("b", "spokesman", "summit", "Any attack on our partners will carry a heavy "
                 "price for those who order it"))
    assert len(d.clusters) == 2
    first, second = (c.anchor for c in d.clusters)
    assert d.recurring == {first: (second,), second: (first,)}


def test_one_speaker_repeating_a_line_on_another_occasion_is_linked_not_merged(tmp_path):
    d = dossier(tmp_path, ("a", "minister", "summit", LINE),
                ("b", "minister", "briefing", "So I repeat: " + LINE))
    assert len(d.clusters) == 2
    assert all(len(others) == 1 for others in d.recurring.values())


def test_statements_that_share_only_a_stock_phrase_are_not_linked(tmp_path):
    d = dossier(tmp_path, ("a", "minister", "summit", "We discussed the situation in and "
                           "around the region and the implications for security at length"),
                ("b", "spokesman", "summit", "Trade, energy and transport were on the agenda, "
                 "with the situation in and around the region"))
    assert d.recurring == {}
