"""Live pages as editors get them: a title saying LIVE, speech printed without quotation marks
under 'Here's X, …', a namesake of someone on record, and an unnamed source, each attributed as
an editor would."""

from __future__ import annotations

import test_new_kinds

from build_dossier.draft.frontmatter import front_matter, speaker_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2021, 9, 15)
people = test_new_kinds.people
"""The corpus's people registry, loaded as `new` loads it."""


def test_a_title_saying_live_makes_a_live_page_and_an_unnamed_source_keeps_its_label(people):
    text = ("Boris Johnson reshuffle LIVE: PM axes Williamson as Raab is moved\n\n"
            "Boris Johnson reshuffled his cabinet as the Prime Minister sought to build a new "
            "top team following the pandemic.\n\n"
            "\"The PM will be appointing ministers this afternoon with a focus on uniting the "
            "whole country,\" a Cabinet source said.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "live"
    assert [speaker_id(q) for q in drafted.quotes] == ["cabinet-source"]


def test_speech_under_heres_x_is_theirs_and_a_namesake_is_someone_new(people):
    text = ("Politics live blog: the home secretary's statement\n\n"
            "11.09am: Labour MPs have been giving interviews this morning ahead of the "
            "statement.\n\n"
            "Here's Keith Vaz (pictured), the chairman of the Commons home affairs committee.\n\n"
            "What disappoints me is that all this has taken so long. It is five weeks since the "
            "home secretary went to see the King.\n\n"
            "And here's Diana Johnson, a shadow Home Office minister.\n\n"
            "I think generally across the political parties there is a view this man should be "
            "removed from our country.\n\n"
            "11.40am: The statement has been moved to the afternoon, the Speaker's office "
            "says.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [(speaker_id(q), q.text.split()[0]) for q in drafted.quotes] == [
        ("keith-vaz", "What"), ("diana-johnson", "I")]


def test_a_day_set_off_by_commas_is_not_the_speaker(people):
    text = ("Le ministre ne démissionnera pas\n\n"
            "François de Rugy s’est montré clair devant la presse. « Je n’ai absolument pas de "
            "raison de démissionner », a déclaré, vendredi, le ministre de la Transition "
            "écologique.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [speaker_id(q) for q in drafted.quotes] == ["francois-de-rugy"]
    assert "le ministre de la Transition" in drafted.quotes[0].evidence


def test_an_inverted_subject_with_nothing_said_and_an_events_box_are_no_quotations(people):
    text = ("Die Generaldebatte im Bundestag\n\n"
            "Erst schoss CDU-Chef Merz scharf gegen die Ampel. Dann konterte Kanzler Scholz "
            "nicht minder heftig (9:23 Uhr).\n\n"
            "Что: «Итоги года с Владимиром Путиным и его ответы на вопросы»\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.quotes == []


def test_a_quotation_followed_by_this_is_by_the_one_person_that_sentence_names(people):
    text = ("Die Generaldebatte in der Ticker-Nachlese\n\n"
            "11:21 Uhr: \"Es lohnt sich, in den nächsten Wochen über vieles noch zu reden.\" Das "
            "ist ein versöhnlicher Schlusssatz von Rolf Mützenich nach einer hitzigen Debatte.\n\n"
            "11:10 Uhr: Die Debatte geht mit der Rede des Fraktionschefs der Union weiter, der "
            "auf die Regierung antwortet.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [speaker_id(q) for q in drafted.quotes] == ["rolf-mutzenich"]


def test_a_ticker_or_hours_without_minutes_make_a_live_page():
    ticker = ("Der Streik-Ticker hält Sie auf dem Laufenden\n\n"
              "Hamburg. Die Fahrgäste der Bahn trifft an diesem Mittwoch der zweite Streik in "
              "acht Tagen, wie die Gewerkschaft mitteilte.\n\n"
              "19.21 Uhr: „Der Zugbetrieb im Norden ist sehr übersichtlich geworden“, sagte eine "
              "Bahnsprecherin am Abend.\n")
    hours = ("Storm slams into the coast; 1 dead\n\n"
             "6:25 p.m.\n\n"
             "The storm has left extensive damage in the city, with trees and power lines down.\n\n"
             "6 p.m.\n\n"
             "Authorities say a man was killed by a falling tree as the storm tore through the "
             "state.\n")
    french = ("Retrouvez ici l'intégralité de notre live\n\n"
              ": La grève fait la une de plusieurs quotidiens régionaux ce matin.\n\n"
              ": \"On respecte la grève, mais on attend un égal respect pour les usagers\", a "
              "déclaré Paul Exemple.\n")
    for text in (ticker, hours, french):
        assert draft(text, {}, {}, published=DAY).kind == "live", text[:30]


def test_a_speaker_named_inside_the_quotation_with_who_they_are_after_the_name():
    text = ("Résultats du bac : les élèves inquiets\n\n"
            "06h53 - \"Là, et comme beaucoup de mes camarades, je suis dans le doute. Stressée, "
            "et en colère, regrette Victoire élève au lycée Jean Moulin à Lyon.\n\n"
            "07h10 - Les résultats seront publiés à 8 heures sur le site du ministère.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert [speaker_id(q) for q in drafted.quotes if q.kind == "direct"] == ["victoire"]


def test_a_time_before_a_weekday_does_not_end_the_sentence_its_speaker_is_in():
    text = ("Storm hits the coast\n\n"
            "6 p.m.\n\n"
            "County spokeswoman Ann Example said the office received a call around 5 p.m. "
            "Wednesday, saying a tree had fallen on a house. The storm ended at 6 p.m. Rain "
            "followed.\n\n"
            "5:30 p.m.\n\n"
            "Crews were on their way to the house, officials said.\n")
    drafted = draft(text, {}, {}, published=DAY)
    reported = [q for q in drafted.quotes if "received a call" in q.text]
    assert [speaker_id(q) for q in reported] == ["ann-example"]
    assert "Wednesday" in reported[0].text


def test_a_byline_under_the_title_is_no_speaker_and_selon_after_a_quotation_names_one():
    text = ("Gouvernement : revivez la journée des nominations\n\n"
            "Paul Auteur\n\n"
            "20h20: Chers internautes, il est temps de refermer ce live, les réactions se sont "
            "multipliées toute la journée.\n\n"
            "20h12: \"Les écoles doivent bannir les pesticides, c'est une atteinte à la "
            "santé.\"\n\n"
            "20h10: \"La relance économique va venir de la relance de la consommation\" selon "
            "Marie Exemple.\n")
    drafted = draft(text, {}, {}, published=DAY)
    ids = [speaker_id(q) for q in drafted.quotes]
    assert "paul-auteur" not in ids
    assert ids[-1] == "marie-exemple"


def test_german_nouns_numbers_and_a_question_are_no_speakers_in_a_ticker():
    text = ("Ticker zur Bürgermeisterwahl\n\n"
            "Die Wahllokale schließen um 18 Uhr. Wir berichten hier live über alle Reaktionen "
            "aus der Stadt.\n\n"
            "18.30 Uhr: Kandidat Paul Muster hatte auf die Stichwahl gehofft. \"Ich glaube den "
            "Zahlen noch nicht, es wird ein langer Abend für uns alle.\" Eine erste Bilanz? "
            "Vielleicht seien die Wähler müde gewesen.\n\n"
            "18.20 Uhr: Kandidatin Lisa Beispiel ist zufrieden. \"Wir haben gekämpft und das "
            "sieht man heute.\" Zehn Prozent seien viel, \"aber wir wollen im zweiten Wahlgang "
            "noch mehr erreichen.\" Zur Konkurrenz sagt die Stadträtin: \"Die haben nur "
            "Plakate geklebt, sonst nichts.\"\n\n"
            "18.10 Uhr: Am Rathaus wird demonstriert. \"Der Zugverkehr zum Rathaus ist seit "
            "Mittag eingeschränkt\", sagte eine Bahnsprecherin.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "live"
    said = {q.text.split()[0]: speaker_id(q) for q in drafted.quotes if q.kind == "direct"}
    assert said == {"Ich": "paul-muster", "Wir": "lisa-beispiel", "aber": "lisa-beispiel",
                    "Die": "lisa-beispiel", "Der": "bahnsprecherin"}


def test_a_quotation_in_a_live_entry_is_by_whom_its_heading_names_and_no_further():
    text = ("Climate summit live: all the latest\n\n"
            "Follow our live coverage of the summit in Exampleton.\n\n"
            "12:30 Jane Doe: rich countries must pay\n\n"
            "\"The countries that caused this crisis must pay for the damage it does to the "
            "poorest, and they must do it now.\"\n\n"
            "11:50 Protest outside the venue\n\n"
            "\"We want action and we want it before the summit ends,\" read one banner.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "live"
    assert [speaker_id(q) for q in drafted.quotes] == ["jane-doe", "who-said-it"]
    assert "speaker taken as the person the live entry's heading names" in front_matter(
        drafted, origin="live.txt")


def test_a_sentence_saying_whose_message_a_quotation_was_names_its_speaker():
    text = ("Talks on the bridge resume\n\n"
            "Regional minister Jane Doe met the mayor of Exampleton on Monday.\n\n"
            "\"We will not give up on this bridge, and we will find the money,\" the minister "
            "said after the meeting.\n\n"
            "\"Nobody wants another ten years of waiting.\" That was the message from mayor "
            "John Roe, who has campaigned for the bridge since 2015.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert [speaker_id(q) for q in drafted.quotes] == ["jane-doe", "john-roe"]
