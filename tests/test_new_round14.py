"""Round fourteen's general rules, each on a text written for the test in the shape of the
round's texts: scare quotes in the writer's own sentences, organisations and titles beside a
speaker, communiqués and appeals in the first person, and interviews whose questions are no
one's quotation."""

from __future__ import annotations

from drafts import proposed


def test_scare_quotes_in_the_writers_own_sentence_are_not_proposed():
    text = ("Губернатор Иван Примеров обратился к жителям области\n\n"
            "24 июня 2023 года губернатор Иван Примеров записал видеообращение.\n\n"
            "Отдельная просьба к тем, кто имеет прямую связь «с одной из башен Кремля», а то и "
            "со «вселенским разумом».\n\n"
            "«В области всё спокойно. Продолжаем работать и строить», — сказал Иван Примеров.\n")
    _, said, _ = proposed(text)
    words = [w for w, _ in said]
    assert "В области всё спокойно. Продолжаем работать и строить" in words
    assert not any("башен" in w or "разумом" in w for w in words)


def test_a_few_quoted_words_a_named_speaker_says_stay_proposed():
    text = ("Streit um den Digitalpakt\n\n"
            "Berlin, 3. Dezember 2020. Ministerin Anna Beispiel hat die Länder kritisiert.\n\n"
            "Sie sehe \"aber inzwischen viel mehr Bewegung\", so die Ministerin.\n")
    _, said, _ = proposed(text)
    assert any("viel mehr Bewegung" in w for w, _ in said)


def test_the_words_naming_who_wrote_a_quotation_are_not_proposed_as_what_wassaid():
    text = ("Пожар на Камчатке\n\n"
            "20 января 2026 года в посёлке произошёл пожар.\n\n"
            "«Каждый пожар в доме — наша недоработка. А соблюдая правила — никаких "
            "неприятностей не наживёшь», — написал Иван Примеров на своей странице в "
            "социальных сетях.\n")
    _, said, _ = proposed(text)
    assert [w for w, _ in said] == [
        "Каждый пожар в доме — наша недоработка. А соблюдая правила — никаких неприятностей не "
        "наживёшь"]


def test_a_live_entrys_title_with_its_glued_time_is_not_a_quotation_of_its_author():
    text = ("Leaders meet at Blenheim - live updates\n\n"
            "Published 18 July 2024\n\n"
            "  1. PM's honeymoon on world stage continuespublished at 19:07 British Summer Time "
            "18 July\n\n"
            "    Nick Eardley\n"
            "    Political correspondent\n\n"
            "    Had he not called the election, Rishi Sunak would have hosted this summit.\n")
    _, said, _ = proposed(text)
    assert not any("honeymoon" in w for w, _ in said)


def test_a_speaker_named_with_a_patronymic_gets_first_name_and_surname_as_id():
    text = ("Программа «Магистрат», 22 августа 2019 года\n\n"
            "И. Ведущий: Добрый день! Представлю моего собеседника: вице-губернатор, Иван "
            "Петрович Примеров.\n\n"
            "И. Примеров: Примерно шесть процентов населения нашего города – студенты.\n\n"
            "И. Ведущий: А сколько из них остаются?\n\n"
            "И. Примеров: Остаются немногие, и это наша главная задача на ближайшие годы.\n")
    _, said, _ = proposed(text)
    assert ("Примерно шесть процентов населения нашего города – студенты.", "ivan-primerov") \
        in said


def test_an_interviews_unlabelled_questions_before_labelled_answers_are_not_the_guests_words():
    text = ("Abschied nach 40 Jahren\n\n"
            "Krefeld, 2. März 2018. Feuerwehrchef Otto Beispiel geht in den Ruhestand.\n\n"
            "Otto Beispiel: Wenn ich ehrlich bin, habe ich das alles noch gar nicht richtig "
            "realisiert. Die Feuerwehr war mein Leben.\n\n"
            "Welche Ratschläge geben Sie Ihrem Nachfolger mit auf den Weg?\n\n"
            "Beispiel: Ich kenne ihn jetzt so viele Jahre, ich brauche ihm nicht viel zu sagen.\n\n"
            "Wie groß ist die Herausforderung, die dieser Posten mit sich bringt?\n\n"
            "Beispiel: Sie ist groß, aber die Kollegen sind sehr gut und halten zusammen.\n")
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    words = " ".join(w for w, _ in said)
    assert "Die Feuerwehr war mein Leben." in words
    assert "Ratschläge" not in words and "Herausforderung" not in words
