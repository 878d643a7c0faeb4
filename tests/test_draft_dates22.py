"""A page's time and date run together where the page had set them apart ('09:0920.01.2021',
as text copied from a saved page often reads): the date after the time is the page's."""

from __future__ import annotations

import pytest

from build_dossier.draft.dates import find_published
from build_dossier.model import FuzzyDate

BODY = ("\n\nВ городе открылась новая библиотека. «Мы ждали её десять лет», — сказала "
        "директор Ольга Пример.\n")


@pytest.mark.parametrize(("stamp", "day"), [
    ("09:0920.01.2021", "2021-01-20"),
    ("9:153.02.2021", "2021-02-03"),
    ("18:4504/03/2021", "2021-03-04"),
])
def test_a_date_glued_to_the_time_before_it_dates_the_page(stamp, day):
    found = find_published("Новая библиотека открылась\n\n" + stamp + BODY)
    assert found is not None
    assert found[0] == FuzzyDate.parse(day)


def test_a_time_is_never_read_as_part_of_a_date_without_one():
    # '12:30' then a space: no date glued to it, and none made of the time's digits.
    assert find_published("Новая библиотека открылась\n\n12:30 " + BODY) is None
