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
