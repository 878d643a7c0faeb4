"""`build-dossier new` on the speaker of a speech or greeting: named by a line under an
honorific, by a heading that opens with the noun of the speech in Russian, or in capitals with
a first name that is someone else's surname in the registry (round eleven's causes)."""

from __future__ import annotations

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2015, 6, 4)
SPEECH = ("I am delighted to be here today to see what this community has built together over "
          "the last three years of hard work.\n\n"
          "This project will serve families across the whole district for decades to come, and "
          "I thank every worker who made it happen.\n")


def speakers(text: str, people: dict[str, Person] | None = None) -> set[str]:
    result = draft(text, people or {}, {}, published=DAY)
    assert result.kind == "statement"
    return {q.name for q in result.quotes}


def test_a_speech_under_an_honorific_and_a_name_is_that_persons_not_its_headings_place():
    text = ("Doe: Speech to open the new Exampleton Library\n\n"
            "Hon Jane Doe\n\nMinister of Culture\n\n"
            "Speech to open the new Exampleton Library\n\n" + SPEECH)
    assert speakers(text) == {"Jane Doe"}


def test_a_heading_naming_a_building_gives_no_speaker_made_of_its_words():
    text = "Speech at the opening of Exampleton Hospital\n\n" + SPEECH
    assert "Exampleton Hospital" not in speakers(text)


def test_a_first_name_in_capitals_is_not_the_registrys_person_of_that_surname():
    people = {"jean-martin": Person(id="jean-martin", name="Jean Martin",
                                    aliases=("Jean Martin", "Martin"))}
    text = ("Les voeux du maire\n\n"
            "DISCOURS DE MARTIN DURANDEAU, ADJOINT AU MAIRE DE VILLENEUVE\n\n"
            "Mesdames, messieurs, je suis heureux de vous retrouver ce soir pour cette "
            "cérémonie qui nous permet de faire ensemble le bilan de l’année écoulée.\n\n"
            "Nous avons beaucoup travaillé pour notre commune, et je veux remercier tous ceux "
            "qui nous ont aidés tout au long de l’année.\n")
    assert speakers(text, people) == {"Martin Durandeau"}


def test_a_russian_greeting_under_a_section_label_is_its_officials_in_the_nominative():
    text = ("Новости\n\n1 мая 2016\n\n"
            "Поздравление губернатора области Ивана Петрова\n\n"
            "Дорогие земляки! От всей души поздравляю вас с праздником!\n\n"
            "Этот праздник мы всегда встречаем с особенным настроением, потому что он "
            "напоминает нам о нашем общем труде и о наших общих успехах.\n")
    assert speakers(text) == {"Иван Петров"}


def test_the_occasion_after_a_russian_greetings_heading_is_not_its_speaker():
    text = ("Поздравление главы района с Днем Города\n\n"
            "Дорогие земляки! Искренне поздравляю вас с праздником!\n\n"
            "Этот праздник мы всегда встречаем с особенным настроением, потому что он "
            "напоминает нам о нашем общем труде и о наших общих успехах.\n")
    assert "Днем Города" not in speakers(text)


def quoted(text: str) -> list[str]:
    result = draft(text, {}, {}, published=DAY)
    assert result.kind == "statement"
    return [q.text.split(".")[0][:30] for q in result.quotes]


def test_a_speechs_courtesies_and_acknowledgements_are_not_proposed():
    text = ("Speech by Hon Jane Doe, Minister of Culture\n\n"
            "Good morning. Thank you for inviting me to share this special day with all of you "
            "here in the district.\n\n"
            "I would like to acknowledge:\n\n"
            "• Mayor John Smith and the members of the district council\n\n"
            "• Professor Ann Brown and the staff of the new library\n\n"
            "I would also like to acknowledge the builders, the families and the neighbours.\n\n"
            + SPEECH)
    assert quoted(text) == ["I am delighted to be here toda", "This project will serve famili"]


def test_the_items_of_a_list_too_short_to_quote_are_not_quotations_but_sentences_are():
    text = ("Speech by Hon Jane Doe, Minister of Culture\n\n" + SPEECH + "\n"
            "The new building includes:\n\n"
            "• a reading room for two hundred readers at once\n\n"
            "• and a garden on the roof for the children of the town.\n\n"
            "And today:\n\n"
            "- When the first school opened here, the town had no library at all.\n")
    assert quoted(text) == ["I am delighted to be here toda", "This project will serve famili",
                            "- When the first school opened"]


def test_a_congratulation_after_its_salutations_is_not_proposed():
    text = ("Поздравление губернатора области Ивана Петрова\n\n"
            "Уважаемые жители области! Дорогие земляки! От всей души поздравляю вас с "
            "праздником!\n\n"
            "Этот праздник мы всегда встречаем с особенным настроением, потому что он "
            "напоминает нам о нашем общем труде и о наших общих успехах.\n")
    assert quoted(text) == ["Этот праздник мы всегда встреч"]
