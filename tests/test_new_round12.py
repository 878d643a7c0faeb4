"""Round twelve's general rules, each on a text written for the test: a live entry's stamp that
runs time, rubric and date together still dates the page; a new German person's id writes the
umlaut as German spells it without one."""

from __future__ import annotations

from build_dossier.draft.dates import find_published
from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.language import person_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate


def test_a_live_stamp_running_rubric_and_date_together_dates_the_page():
    text = ("Wahlabend in Musterstadt: der Ticker\n"
            "- 21:05 UhrWahl Musterstadt07.05.2023\n"
            "Das Ergebnis steht fest\n"
            "Die Stadt hat gewählt, die Auszählung ist beendet.\n"
            "- 20:40 UhrWahl Musterstadt07.05.2023\n"
            "Die letzten Bezirke\n"
            "Noch zwei Bezirke fehlen.\n")
    found = find_published(text)
    assert found is not None
    assert found[0] == FuzzyDate.parse("2023-05-07")
    assert not found[0].approximate


def test_a_number_glued_to_a_word_is_no_date_unless_dotted_as_one():
    assert find_published("Artikel12 und Abschnitt3 der Satzung, Rn.4.5 gelten.") is None


def test_a_new_german_persons_id_writes_umlauts_as_german_does():
    text = ("Rede zur Amtseinführung\n\nMünster, 3. März 2021\n\n"
            "„Ich freue mich auf die Arbeit mit Ihnen allen“, sagte Jürgen Größmann am Montag "
            "vor dem Rat der Stadt.\n")
    drafted = draft(text, {}, {})
    assert drafted.language == "de"
    assert [speaker_id(q, drafted.language) for q in drafted.quotes] == ["juergen-groessmann"]
    # Another language's name keeps its letters' plain forms: 'Müller' in French is 'muller'.
    assert person_id("Jürgen Größmann", "fr") == "jurgen-grossmann"
