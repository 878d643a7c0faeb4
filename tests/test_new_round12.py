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


def test_an_interview_labelled_by_names_in_capitals_without_colons_is_a_transcript():
    text = ("Entretien de M. Paul Garnier, ministre du logement, le 4 mai 2015\n\n"
            "SOPHIE MARTIN Bonjour Paul Garnier.\n\n"
            "PAUL GARNIER Bonjour.\n\n"
            "SOPHIE MARTIN Les loyers montent encore, que faites-vous ?\n\n"
            "PAUL GARNIER Nous allons construire cent mille logements de plus cette année, et "
            "nous tiendrons cet engagement.\n\n"
            "SOPHIE MARTIN Merci Paul Garnier.\n")
    drafted = draft(text, {}, {})
    assert drafted.kind == "transcript"
    said = [(q.text, speaker_id(q, drafted.language)) for q in drafted.quotes]
    assert ("Nous allons construire cent mille logements de plus cette année, et nous "
            "tiendrons cet engagement.", "paul-garnier") in said
    assert not any("loyers" in words or "Merci" in words for words, _ in said)


def test_one_name_in_capitals_opening_paragraphs_is_no_transcript():
    text = ("Le port rouvre ses quais\n\n4 mai 2015\n\n"
            "MARSEILLE Le port a rouvert ses quais lundi après trois jours de grève.\n\n"
            "MARSEILLE Les dockers ont repris le travail à l'aube, selon la direction.\n")
    assert draft(text, {}, {}).kind != "transcript"


def test_quotations_each_signed_by_a_line_under_them_are_that_lines_speakers():
    text = ("Harbour Plan Excerpts\nMarch 3, 2021\n"
            "Council leaders gave their views on the harbour plan this week.\n"
            "\"We will dredge the channel and open the north quay to ferries before the summer "
            "season begins.\"\n"
            "Eastport Mayor Joanna K. Pell\n"
            "\"The plan protects the salt marsh and the birds that winter there, and it costs "
            "less than the old one.\"\n"
            "Westbay Council Leader Omar Fenn\n")
    drafted = draft(text, {}, {})
    assert [speaker_id(q, drafted.language) for q in drafted.quotes] == ["joanna-k-pell",
                                                                         "omar-fenn"]


def test_a_single_quotation_over_a_line_is_not_signed_by_that_line():
    text = ("Harbour plan\nMarch 3, 2021\n"
            "Joanna Pell, the mayor, spoke first.\n"
            "\"We will dredge the channel and open the north quay to ferries before summer.\"\n"
            "Westbay Harbour Board\n"
            "The board meets again in April.\n")
    drafted = draft(text, {}, {})
    assert len(drafted.quotes) == 1
    assert "westbay" not in speaker_id(drafted.quotes[0], drafted.language)


def test_a_russian_address_is_its_signers_by_two_initials_not_the_headings_words():
    text = ("Обращение Главы района Н.П.Дорохова к жителям\n\n"
            "Уважаемые жители!\n\n"
            "12 марта 2019 года мы открыли новую школу, и я благодарю всех, кто строил её два "
            "года. Я обещаю, что мы откроем и детский сад в будущем году.\n")
    drafted = draft(text, {}, {})
    assert {speaker_id(q, drafted.language) for q in drafted.quotes} == {"n-p-dorokhov"}


def test_a_byline_in_capitals_under_the_title_is_no_speaker():
    text = ("Lunel. Le pont neuf ouvert aux piétons\n\n"
            "CORRESPONDANT\n\n"
            "Le 4 mai 2019, la commune a ouvert le pont neuf aux piétons, après deux ans de "
            "travaux sur les deux rives du fleuve.\n\n"
            "« C'est un grand jour pour notre commune et pour tous ses habitants », a déclaré "
            "le maire Paul Vidal devant la foule.\n\n"
            "Le pont relie désormais les deux quartiers de la ville.\n")
    drafted = draft(text, {}, {})
    assert drafted.kind == "news"
    assert [speaker_id(q, drafted.language) for q in drafted.quotes] == ["paul-vidal"]
