"""Round twenty-three's general rules, each on a text written for the test in the shape of the
round's texts: a page counter, an interview whose answers alone are labelled, a notice
whose salutation runs on into its one paragraph, a post's subjectless closing wish, a name of
three words after a role in lower case, a body's name after the French elided article,
'en direction' in a news item, which says nothing of a live page, and the lines an updated
page heads each update with."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2020, 3, 18)


def test_a_page_counter_is_no_title():
    text = ("Seite 2 von 5\n\n"
            "Interview mit der Hafenmeisterin Anna Beispiel\n\n"
            "Der Sturm des letzten Winters hat den Hafen neun Tage lang geschlossen. Anna "
            "Beispiel leitet ihn seit zwanzig Jahren.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.title.startswith("Interview mit der Hafenmeisterin")


def test_under_unlabelled_questions_every_labelled_answer_is_the_guests():
    text = ("Harbour\n\n"
            "Interview with the harbour master Jane Example\n\n"
            "The storm of last winter closed the harbour for nine days. Jane Example, who has "
            "run it for twenty years, looks back on the weeks after the storm.\n\n"
            "The harbour was closed for nine days last winter. Is it safe again?\n"
            "Jane Example: We have rebuilt the outer wall and raised it by a metre, so the "
            "boats inside are safer than they have been for a long time.\n\n"
            "Could the damage have been foreseen?\n\n"
            "Jane Example: The storm itself was forecast two days ahead.\n"
            "What no one could foresee was how high the waves would climb over the old wall "
            "on the second night.\n\n"
            "We learnt from it that the wall must be checked every spring, and that is what we "
            "will do from now on.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert [words[:14] for words, _ in said] == ["We have rebuil", "The storm itse",
                                                 "What no one co", "We learnt from"]
    assert {who for _, who in said} == {"jane-example"}


def test_a_salutation_running_on_into_a_notices_one_paragraph_opens_a_statement():
    text = ("Liebe Gäste, wir freuen uns, dass Sie auch in diesem Winter zu uns kommen "
            "möchten. Der Weg über den Pass ist seit gestern wieder frei, und alle Zimmer sind "
            "geheizt. Das Restaurant ist ab Freitag wieder jeden Abend geöffnet. Bitte "
            "bringen Sie für die Wanderungen feste Schuhe mit, denn auf den Wegen liegt noch "
            "Schnee. Wir freuen uns auf Sie.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert [words[:20] for words, _ in said] == ["wir freuen uns, dass"]


def test_a_posts_closing_wish_without_its_subject_is_no_quotation():
    text = ("Getting everyone home after the snow\n\n"
            "I am very relieved that the airport is open again. Our teams have worked through "
            "the night to find a seat for every passenger who was stranded.\n\n"
            "I'm proud of the crews who kept our passengers informed and looked after, and we "
            "still have a lot of work to do this week.\n\n"
            "Wishing everyone a safe journey home.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert [words[:12] for words, _ in said] == ["I am very re", "I'm proud of"]


def test_three_names_after_a_role_in_lower_case_are_all_the_persons():
    text = ("La rivière est sortie de son lit lundi soir après trois jours de pluie sur la "
            "vallée.\n\n"
            "Le géologue Jean Paul Exemple, qui a survolé la vallée ce matin, affirme à la "
            "radio que le niveau de l’eau devrait baisser dès mercredi. Il dit aussi qu’il "
            "n’est pas certain que la digue tienne.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["jean-paul-exemple", "jean-paul-exemple"]


def test_a_bodys_name_after_the_elided_article_signs_its_quotation():
    text = ("Le port a fermé ses quais lundi matin après la tempête de la nuit sur la côte.\n\n"
            "\"Les prévisions montrent que les vents vont encore forcir au cours de la "
            "journée\", prévient l'Agrimar dans un communiqué émis ce matin.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["agrimar"]


def test_en_direction_in_a_news_item_says_nothing_of_a_live_page():
    text = ("Un nuage de cendres couvre depuis samedi le nord du pays, après le réveil du "
            "volcan.\n\n"
            "\"Les cendres vont recouvrir l'île au cours de la journée\", prévient Jean "
            "Exemple, le directeur de l'aviation civile. Poussé par le vent, le nuage se dirige "
            "vers l'ouest, en direction de la mer.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "news"
    assert [who for _, who in said] == ["jean-exemple"]


def test_lines_heading_each_update_make_a_live_page():
    text = ("UPDATE: River Rises Above the Old Bridge\n\n"
            "Updated at 9:30 p.m.\n\n"
            "The river in the lower valley has risen above the old bridge, and the road to the "
            "north bank is closed until further notice.\n\n"
            "Two families on Mill Lane left their homes this evening as the water reached the "
            "gardens.\n\n"
            "Updated at 5:15 p.m.\n\n"
            "The water level at the town gauge rose by half a metre in the afternoon after a "
            "day of heavy rain over the hills.\n")
    kind, _, _ = proposed(text, published=DAY)
    assert kind == "live"


def test_a_letter_signed_by_name_then_office_on_two_lines_is_the_signers():
    text = ("Chères habitantes, chers habitants, après les pluies de la semaine, la digue du "
            "port a été renforcée sur toute sa longueur et les quais rouvriront lundi.\n"
            "Je sais combien ces jours ont été difficiles pour les familles du bas de la "
            "ville, et je veux remercier les pompiers qui ont veillé nuit et jour.\n"
            "Je vous propose de nous retrouver jeudi soir à la salle des fêtes pour parler "
            "ensemble des travaux à venir.\n"
            "Jeanne Exemple\n"
            "Maire\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 3
    assert {who for _, who in said} == {"jeanne-exemple"}


def test_a_headline_in_the_speakers_name_is_reported_speech_never_a_quotation():
    text = ("Общество\n"
            "09:15, 18 марта 2020\n\n"
            "В городе закрыли набережную\n\n"
            "Глава города Примеров: Набережную закроют до конца недели из-за шторма\n"
            "Мария Образцова\n"
            "Мария Образцова (Редактор отдела «Город»)\n\n"
            "Фото: Пётр Снимков / Агентство\n\n"
            "Набережную в центре города закрыли для прохода после ночного шторма. Об этом "
            "рассказал глава города Иван Примеров в своем Telegram-канале.\n\n"
            "«Мы откроем набережную, как только проверим ограждения и уберём поваленные "
            "деревья», — заявил глава города.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "news"
    headline = [q for q in drafted.quotes if q.text.startswith("Набережную закроют")]
    assert [(q.kind, q.name) for q in headline] == [("paraphrase", "Иван Примеров")]
    assert not any("Снимков" in q.text or "Образцова" in q.name for q in drafted.quotes)
    assert [q.kind for q in drafted.quotes if q.text.startswith("Мы откроем")] == ["direct"]


def test_a_label_before_a_colon_over_an_article_is_no_ones_headline():
    text = ("Themen: Hafen, Sturm, Winterdienst\n\n"
            "Update: Der Hafen bleibt bis Freitag für alle Schiffe geschlossen\n\n"
            "Der Sturm der vergangenen Nacht hat im Hafen drei Kräne beschädigt und die "
            "Zufahrt zum Containerterminal blockiert. Die Hafenmeisterin Anna Beispiel sagte "
            "am Morgen, die Schäden würden bis Freitag behoben.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert not any(q.text.startswith(("Hafen, Sturm", "Der Hafen bleibt")) for q in drafted.quotes)


def test_according_to_at_a_sentences_end_gives_the_words_before_to_the_body_named():
    text = ("Flood\n\n"
            "The water in the lower valley is still rising after three days of rain, according "
            "to National Flood Forecasting Centre officials.\n\n"
            "Two roads were closed in the afternoon, while the ferry was running late, "
            "according to the council's website.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert [(q.kind, q.name, q.text) for q in drafted.quotes] == [
        ("paraphrase", "National Flood Forecasting Centre",
         "The water in the lower valley is still rising after three days of rain")]
    assert drafted.quotes[0].evidence.startswith("according to National")
