"""A registered person is never given words someone else said: an office alone in the registry
('Secretary-General') is no surname for every 'Director-General', a registered surname used as
another's given name ('Philippe Baptiste') is not that person, and the office in apposition
after a name in a quotation's tail ('…,” Anna Example, head of the agency, said.') is not the
speaker."""

from __future__ import annotations

import pytest

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2024, 7, 9)
PEOPLE = {
    "ana-guterra": Person("ana-guterra", "Ana Guterra", "person",
                          "Secretary-General of the Examplean Union",
                          aliases=("Guterra", "Secretary-General")),
    "edmond-philippe": Person("edmond-philippe", "Edmond Philippe", "person",
                              "Prime Minister of Examplia", aliases=("Philippe",)),
}
LEAD = "The rocket flew on Tuesday from the coast, on its first flight.\n\n"


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.name) for q in draft(LEAD + text, PEOPLE, {}, published=DAY).quotes]


@pytest.mark.parametrize("text", [
    "“It is a historic day for the agency and for Europe,” Anna Example, Director-General "
    "of the ESA, said.\n",
    "“It is a historic day for the agency and for Europe,” said Anna Example, "
    "Director-General of the ESA.\n",
    "“It is a historic day for the agency and for Europe,” Anna Example, head of the agency, "
    "said.\n",
])
def test_the_office_after_a_name_in_a_quotations_tail_is_not_the_speaker(text):
    assert speakers(text) == [(None, "Anna Example")]


@pytest.mark.parametrize("text", [
    "Philippe Baptiste, his counterpart at the national space centre, declared: “Europe is "
    "back at last.”\n",
    "Philippe Baptiste, head of the national space centre, said: “Europe is back at last.”\n",
    "“Europe is back at last,” said Philippe Baptiste, head of the national space centre.\n",
])
def test_a_registered_surname_as_another_persons_given_name_is_not_that_person(text):
    assert speakers(text) == [(None, "Philippe Baptiste")]


def test_the_registered_surname_alone_is_still_that_person():
    said = speakers("“Europe is back at last,” Philippe said on Tuesday.\n")
    assert [who for who, _ in said] == ["edmond-philippe"]
