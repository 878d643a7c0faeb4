"""Round seventeen's general rules, each on a text written for the test in the shape of the
round's texts: an office label naming no holder, one turn labelled in capitals, greetings
conveyed from someone else, an interview's later questions without a label, flashes before a
headline, linked headlines and works' titles in marks, a page's breadcrumbs, offices set after
a new speaker's name, signature lines, demonstratives, a body in the genitive before its
head's name, 'об этом … заявил', an initial completed from the text, and excerpts of a speech
under a lead announcing them."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.frontmatter import front_matter
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2019, 4, 23)


def test_an_office_label_naming_no_holder_is_left_unnamed_with_its_office():
    text = ("Agency Headquarters\n"
            "Washington, D.C.\n\n"
            "THE VICE PRESIDENT:  Thank you all.  It is a privilege to be here on the day the "
            "President's new Administrator takes office, with the whole leadership of the "
            "agency.\n\n"
            "The President asked me to be here today because we are renewing our leadership "
            "in space, and this agency will lead the way.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert {q.name for q in drafted.quotes} == {""}
    assert {q.role for q in drafted.quotes} == {"Vice President"}
    assert any("only as “Vice President”" in note for note in drafted.notes)


def test_one_turn_labelled_in_capitals_is_a_transcript_and_one_by_name_a_statement():
    record = ("Press briefing\n\n"
              "MS. EXAMPLE:  Good morning. The board met yesterday and decided to keep the "
              "rate where it is, as inflation is coming down faster than we expected.\n\n"
              "We will look again at the data in June, and act if the outlook changes.\n")
    statement = record.replace("MS. EXAMPLE:", "Jane Example:")
    assert proposed(record, published=DAY)[0] == "transcript"
    assert proposed(statement, published=DAY)[0] == "statement"


def test_greetings_brought_from_someone_else_are_a_formula():
    text = ("Remarks at the Space Agency\n\n"
            "THE VICE PRESIDENT:  It is a great privilege for me to be here today on a special "
            "occasion, the swearing-in of the agency's new Administrator.\n\n"
            "And I bring the greetings, and the gratitude, and the admiration of the President "
            "of the United States.  (Applause.)  Thank you.\n\n"
            "We are renewing our leadership in space, and this agency will lead the way back "
            "to the Moon and on to Mars.\n")
    _, said, _ = proposed(text, published=DAY)
    assert len(said) == 2
    assert not any("greetings" in w for w, _ in said)


def test_an_interviews_later_questions_without_a_label_are_not_the_guests():
    text = ("LPE : Quand avez-vous su que vous vouliez voler dans l'espace ?\n"
            "Julie Exemple : Depuis que je suis toute petite, le métier d'astronaute me "
            "fascine. Je construisais des fusées en carton avec mon frère.\n"
            "Votre vie a-t-elle changé après votre sélection pour la mission ?\n"
            "Oui, beaucoup. Les gens vous regardent autrement dès que vous portez la "
            "combinaison bleue, alors que vous êtes la même personne.\n"
            "Et en quoi consistera votre mission ?\n"
            "La moitié du temps, on fait des expériences scientifiques, le reste du temps on "
            "entretient la station et on la répare.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert len(said) == 3
    assert not any(w.endswith("?") for w, _ in said)
    assert {who for _, who in said} == {"julie-exemple"}


def test_a_flash_before_the_headline_is_no_part_of_the_title():
    for flash in ("BREAKING: ", "REPLAY. "):
        text = (f"{flash}Rocket Lifts Off With Two Astronauts On Board\n\n"
                "The rocket lifted off from Florida at 3:22 pm on Saturday, carrying two "
                "astronauts to the space station for the first time from home soil.\n")
        assert draft(text, {}, {}, published=DAY).title == \
            "Rocket Lifts Off With Two Astronauts On Board"


def test_a_linked_headline_and_a_works_title_in_marks_are_no_quotations():
    text = ("La fusée a décollé : le direct\n\n"
            "Ce live est désormais terminé, merci de l’avoir suivi.\n\n"
            "Lire aussi :\n"
            "Lancement réussi pour la nouvelle fusée, « l’Europe spatiale est de retour »\n\n"
            "Au festival, le dernier film de la compétition, \"Nobody Was Ever Here\" de la "
            "Britannique Anna Exemple, a rebattu les cartes dans la course à la Palme.\n\n"
            "« C’est un premier vol, il y a une part de risque, nous sommes confiants », "
            "explique Paul Exemple, le président de l’agence spatiale.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["paul-exemple"]


def test_a_pages_breadcrumbs_name_its_heading_and_quote_no_one():
    text = ("Standort: wissenschaft.example / Meldung: \"Landung geglückt - gleich zweimal?\"\n\n"
            "Die Landung der Sonde\n\n"
            "Landung geglückt - gleich zweimal?\n\n"
            "Kurz nach 17 Uhr war es so weit: Die erste Landung auf einem Kometen ist "
            "gelungen, im Kontrollzentrum brandete Jubel auf.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.title == "Landung geglückt - gleich zweimal?"
    assert drafted.quotes == []


def test_a_new_speakers_office_in_apposition_is_proposed_as_their_role():
    text = ("The new rocket placed its satellites into orbit on Tuesday, on its first flight "
            "from the space centre.\n"
            "“The mission is not yet over,” warned Martin Example, CEO of the manufacturer, "
            "Rocket Group.\n"
            "« Nous sommes confiants », explique Paul Exemple, le PDG de l’agence, qui "
            "suivait le vol.\n")
    drafted = draft(text, {}, {}, published=DAY)
    written = front_matter(drafted, origin="the text")
    assert 'role: "CEO of the manufacturer, Rocket Group"' in written
    assert 'role: "PDG de l’agence"' in written


def test_a_line_signing_a_quotation_set_off_names_the_signer_not_its_description():
    text = ("4.36pm Laureate interview\n\n"
            "“This has been an incredible explosion of knowledge and publications”\n\n"
            "Anna Example, chemistry Nobel laureate 2020\n\n"
            "4.04pm Definitely happy!\n\n"
            "“I grew up in a small town and I never would have imagined this happening”\n\n"
            "Jane Sample, chemistry Nobel laureate 2020\n\n"
            "3.42pm Previous winners\n\n"
            "Previous Nobel prize winners have said things don’t calm down for months.\n")
    _, said, _ = proposed(text, published=DAY)
    said = dict(said)
    assert said["This has been an incredible explosion of knowledge and publications"] \
        == "anna-example"
    assert said["I grew up in a small town and I never would have imagined this happening"] \
        == "jane-sample"


def test_a_demonstrative_opens_no_name():
    text = ("Sonde vielleicht zweimal gelandet\n\n"
            "20.23 Uhr: Die Sonde könnte heute zweimal auf dem Kometen gelandet sein! Diese "
            "Hypothese stellte Landungsleiter Paul Beispiel beim Briefing des Tages auf. \"Die "
            "Daten, die wir bisher haben, sind schwierig zu interpretieren\", meinte der "
            "Österreicher.\n")
    _, said, _ = proposed(text, published=DAY)
    assert dict(said)["Die Daten, die wir bisher haben, sind schwierig zu interpretieren"] \
        == "paul-beispiel"


def test_the_body_an_office_is_of_is_not_the_holder_named_after_it():
    text = ("Berlin, 30. November 2010 — Der Vorstandsvorsitzende des Deutschen Zentrums für "
            "Luft- und Raumfahrt (DZR), Hans-Peter Beispiel, hat die Strategie ausdrücklich "
            "begrüßt. Er sei „höchst zufrieden“ mit dem Papier, sagte Beispiel am Dienstag in "
            "Berlin. Es lege zudem fest, „wofür wir die Raumfahrt benutzen und was wir mit ihr "
            "genau machen wollen“.\n\n"
            "Das Zentrum werde die Strategie durcharbeiten und schauen, „inwieweit wir unsere "
            "bisherige Planung verändern müssen“, betonte der Vorstandschef.\n")
    _, said, _ = proposed(text, published=DAY)
    assert said and {who for _, who in said} == {"hans-peter-beispiel"}


def test_the_outlet_relaying_a_report_and_an_initial_name_no_one_else():
    text = ("Музейный год был удачным\n"
            "За год в музее «сделано не так мало». Как передает корреспондент Городской Ленты "
            "Новостей, об этом на пресс-конференции заявил директор музея Юрий Примеров.\n"
            "Наиболее удачной за год, по его словам, стала выставка к юбилею художника.\n"
            "«Отдельным успехом пользуется совместный проект с соседними музеями», - сообщил "
            "Ю. Примеров.\n")
    _, said, _ = proposed(text, published=DAY)
    assert {who for _, who in said} == {"yuriy-primerov"}
    assert not any(w.startswith("директор музея") for w, _ in said)


def test_excerpts_of_a_speech_under_a_lead_announcing_them_are_a_statement():
    text = ("Agency Head Discusses the Future\n\n"
            "WASHINGTON -- Agency Administrator John Example delivered a speech Friday about "
            "the agency's future. Below are excerpts from his speech at the Press Club.\n\n"
            "\"Some say that our last flight will mark the end of our leadership; I'm here to "
            "tell you that it will continue for at least the next half-century.\"\n\n"
            "\"We are not ending spaceflight, we are recommitting ourselves to it and taking "
            "the necessary steps today.\"\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert {who for _, who in said} == {"john-example"}
