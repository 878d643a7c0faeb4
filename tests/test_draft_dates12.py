"""A picture's credit and caption at the top of a saved page never date the page: the caption
tells when the picture was taken, the page's own stamps when it was written."""

from __future__ import annotations

import pytest

from build_dossier.draft.dates import find_published
from build_dossier.model import FuzzyDate

ENTRY = ("\n\n  par Agence EN DIRECT - La finale commence 6/15/2019 8:10:00 PM\n\n"
         "• Les deux équipes entrent sur la pelouse devant quarante mille spectateurs, "
         "et le public chante déjà.\n")


@pytest.mark.parametrize("picture", [
    "• ©Agence/Jean Exemple\n"
    "  La coupe remise au vainqueur de l'édition précédente, le 3 juin 2018",
    "Photo : Agence\nLa coupe remise au vainqueur de l'édition précédente, le 3 juin 2018",
    "La coupe remise au vainqueur de l'édition précédente, le 3 juin 2018 © Agence",
])
def test_a_pictures_caption_never_dates_the_page(picture):
    found = find_published("La finale de la coupe en direct vidéo\n\n" + picture + ENTRY)
    assert found is not None
    assert found[0] == FuzzyDate.parse("2019-06-15")
