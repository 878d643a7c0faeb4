"""`build-dossier new` on who a news quotation's 'he' is: not a clause opening the sentence,
not the first words of an organisation's name, and the person named at the end of a passive
sentence (round eleven's causes)."""

from __future__ import annotations

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2019, 12, 13)


def speakers(text: str) -> list[str]:
    return [q.name for q in draft(text, {}, {}, published=DAY).quotes]


def test_a_clause_before_he_is_not_the_speakers_name():
    text = ("Jane Doe holds her seat in Exampleton\n\n"
            "Jane Doe has been re-elected as the member for Exampleton with a larger majority.\n\n"
            "Turning to the national result she says: \"It is a very hard night for all of us "
            "and for the whole party.\"\n")
    assert speakers(text) == ["Jane Doe"]


def test_the_person_ending_a_passive_sentence_is_whom_he_names_not_their_union():
    text = ("Bus strike talks resume\n\n"
            "The Transport Minister John Smith called the strike a stunt on Thursday.\n\n"
            "The meeting was described as \"useful\" by the Road Rail and Ferry Union's "
            "regional secretary Ann Example.\n\n"
            "\"We made some progress today, but there is still a lot of work to do,\" she told "
            "reporters on Friday.\n")
    assert speakers(text) == ["Ann Example"]
