"""`build-dossier new` on interviews labelled by an office of several words ('PRIME
MINISTER:'), the holder named by the text (round eleven's causes)."""

from __future__ import annotations

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2001, 11, 5)


def test_a_turn_labelled_by_an_office_of_two_words_is_the_holder_the_text_names():
    people = {"jane-doe": Person(id="jane-doe", name="Jane Doe", aliases=("Jane Doe",))}
    text = ("Transcript of the Prime Minister: interview with Morning Radio\n\n"
            "JOURNALIST:\n\n"
            "Prime Minister Jane Doe, good morning and welcome to the programme again.\n\n"
            "PRIME MINISTER:\n\n"
            "Well it is great to be back here with you, and I am looking forward to the last "
            "days of this campaign.\n\n"
            "JOURNALIST:\n\n"
            "Is the race as close as the papers say this morning?\n\n"
            "PRIME MINISTER:\n\n"
            "I think it will be quite close, and every vote will count on Saturday in every "
            "seat across the country.\n")
    result = draft(text, people, {}, published=DAY)
    assert result.kind == "transcript"
    assert [(q.speaker, q.text.split()[0]) for q in result.quotes] == [
        ("jane-doe", "Well"), ("jane-doe", "I")]


def test_the_papers_label_asks_and_the_guest_answers_under_a_byline_of_the_author():
    text = ("Interview\n\n"
            "Bürgermeisterin Beispiel zur Halbzeit\n\n"
            "Karl Autor\n"
            "Sa, 6. Januar 2018\n\n"
            "Ein ABZ-Interview mit Bürgermeisterin Anna Beispiel über die ersten vier Jahre "
            "im Amt und die Pläne für die Stadt. Karl Autor hat sie im Rathaus besucht.\n\n"
            "ABZ: Frau Beispiel, Sie haben bald Halbzeit: Wie sind die ersten Jahre gelaufen?\n"
            "Beispiel: Das möchte ich eigentlich anderen überlassen, aber ich bin mit vielem "
            "zufrieden, was wir im Rathaus gemeinsam angestoßen haben.\n\n"
            "Und was ist nicht gelungen?\n")
    result = draft(text, {}, {}, published=DAY)
    assert result.kind == "transcript"
    assert [(q.name, q.text.split()[0]) for q in result.quotes] == [("Anna Beispiel", "Das")]


def test_dash_turns_answering_questions_are_answers_without_saying_i():
    text = ("Тренер Иван Петров: как смотреть матчи\n\n"
            "Интервью с тренером Иваном Петровым о его работе.\n\n"
            "– Сколько матчей за выходные удаётся посмотреть?\n\n"
            "– Если командировка, то смотрю одну игру целиком. А дома можно и три матча, "
            "если они идут в разное время.\n\n"
            "– Что важнее всего увидеть на стадионе?\n")
    result = draft(text, {}, {}, published=DAY)
    assert result.kind == "transcript"
    assert [q.text.split()[0] for q in result.quotes] == ["Если"]

