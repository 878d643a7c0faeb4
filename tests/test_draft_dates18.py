"""A date run into the word before it, as saved pages run a byline or a heading into the date
line under it, still dates the page; a name with digits in it does not."""

from __future__ import annotations

import pytest

from build_dossier.draft.dates import find_published
from build_dossier.model import FuzzyDate

STORY = ("\n\nUne nouvelle journée de grève est lancée par les dockers du port ce matin, "
         "et les syndicats promettent d'aller jusqu'au bout.\n")


@pytest.mark.parametrize(("header", "published"), [
    ("Grève au port\n\nPar Marie Exemple27/02/2025 à 10:25", "2025-02-27"),
    ("Appel du conseil\n\nLE PRÉSIDENT DU CONSEIL NATIONAL24 février 2022", "2022-02-24"),
    ("Обращение\n\nПРЕДСЕДАТЕЛЬ СОВЕТА24 февраля 2022 г.", "2022-02-24"),
    ("Live\n\n- 20:16 UhrBürgermeisterwahl Homberg13.03.2022", "2022-03-13"),
])
def test_a_date_run_into_the_word_before_it_dates_the_page(header, published):
    found = find_published(header + STORY)
    assert found is not None
    assert found[0] == FuzzyDate.parse(published)


def test_a_name_with_digits_before_a_month_is_not_a_date():
    found = find_published("Le sommet\n\nLes ministres du G20 mars 2021 se retrouvent à Rome."
                           + STORY)
    assert found is None or found[0] != FuzzyDate.parse("2021-03-20")


def test_a_slashed_date_with_a_short_year_whose_day_tells_the_order_dates_the_page():
    found = find_published("13/04/18\nCommuniqué de presse\n" + STORY)
    assert found is not None
    assert found[0] == FuzzyDate.parse("2018-04-13")


LONG = STORY * 9
"""Below the lines a page's own date stands in."""


@pytest.mark.parametrize(("footer", "published"), [
    ("Поздравление ректора с праздником\n4 ноября 2022", "2022-11-04"),
    ("Montreuil\n27.11 2015", "2015-11-27"),
])
def test_a_date_stamp_under_the_text_dates_the_page_exactly(footer, published):
    found = find_published("Le salon du livre\n" + LONG + "\n" + footer + "\n")
    assert found is not None
    assert found[0] == FuzzyDate.parse(published)
    assert not found[0].approximate


def test_a_date_in_the_last_sentence_is_still_only_the_latest_the_text_names():
    found = find_published("Le salon du livre\n" + LONG
                           + "\nLa prochaine édition ouvrira le 4 novembre 2022.\n")
    assert found is not None
    assert found[0].approximate
