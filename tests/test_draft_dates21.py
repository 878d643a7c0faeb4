"""Two days named together as an occasion's ('am 30.11. und 1.12.2013', 'les 10 et 11 mai
2019') are when it takes place, not when the text was published: `new` then says it found no
publication date, for the editor to give, rather than proposing the occasion's day."""

from __future__ import annotations

import pytest

from build_dossier.draft.dates import find_published
from build_dossier.model import FuzzyDate

BODY = ("\n\nLiebe Gäste,\n\nwir freuen uns auf Sie und auf zwei Tage mit Musik, Ständen "
        "und guter Laune auf dem Marktplatz.\n")


@pytest.mark.parametrize("heading", [
    "Grußwort zum Stadtfest am 14.6. und 15.6.2014",
    "Welcome to the town fair on 14 and 15 June 2014",
    "Bienvenue à la fête de la ville les 14 et 15 juin 2014",
    "Приглашение на праздник города 14 и 15 июня 2014 года",
])
def test_an_occasions_two_days_in_the_heading_are_no_publication_date(heading):
    assert find_published(heading + BODY) is None


def test_a_dateline_above_still_dates_the_page_when_two_days_follow():
    found = find_published("Musterstadt, 2. Juni 2014\n\nGrußwort zum Stadtfest am 14.6. "
                           "und 15.6.2014" + BODY)
    assert found is not None
    assert found[0] == FuzzyDate.parse("2014-06-02")


def test_one_day_in_the_heading_still_dates_the_page():
    found = find_published("Grußwort vom 14.6.2014" + BODY)
    assert found is not None
    assert found[0].year == 2014 and (found[0].month, found[0].day) == (6, 14)
