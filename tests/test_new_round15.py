"""Round fifteen's general rules, each on a text written for the test in the shape of the
round's texts: a day and month in the year the text calls its own, a site's header whose
date is the day the page was saved, releases headed or introduced as statements, a greeting
signed over several lines, an office's release naming no speaker, and a parliament's verbatim
record."""

from __future__ import annotations

import pytest
from drafts import proposed

from build_dossier.draft.frontmatter import front_matter
from build_dossier.draft.inputs import NewError
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate


def test_a_day_without_its_year_is_read_in_the_year_the_text_calls_the_current_one():
    text = ("Итоговая пресс-конференция мэра города Ивана Примерова\n\n"
            "Журналисты приняли участие в пресс-конференции мэра, которая состоялась "
            "18 декабря в 11:00. Мэр подвёл итоги работы в уходящем 2019 году и обозначил "
            "задачи на 2020 год.\n\n"
            "  • [11:05] Пресс-конференция началась.\n")
    drafted = draft(text, {}, {})
    assert drafted.published is not None
    assert (drafted.published.year, drafted.published.month, drafted.published.day) == (
        2019, 12, 18)


def test_a_day_without_its_year_and_no_year_called_current_is_not_guessed():
    text = ("Пресс-конференция мэра\n\n"
            "Пресс-конференция мэра состоялась 18 декабря в 11:00. Мэр обозначил задачи на "
            "2020 год.\n")
    with pytest.raises(NewError, match="--date"):
        draft(text, {}, {})


def test_a_site_headers_date_is_not_the_pages_publication_date():
    text = ("ACCUEIL 3.2.2016 Mis à jour à 09h12\n\n"
            "Revivez la soirée des municipales\n\n"
            "Nous avons suivi en direct la soirée électorale.\n\n"
            "Mis à jour le 23.03.2014 52 Commentaires\n\n"
            "1/20 Les résultats tombent.\n")
    drafted = draft(text, {}, {})
    assert drafted.published is not None
    assert (drafted.published.year, drafted.published.month, drafted.published.day) == (
        2014, 3, 23)


def test_a_release_headed_as_a_statement_is_a_statement():
    text = ("Tuesday, May 7, 2019\n\n"
            "Statement on the Incident at the Riverside Festival\n\n"
            "The Westfield Police Department is reviewing the incident that occurred during an "
            "arrest on Saturday evening at the Riverside Festival.\n\n"
            "“The public should rest assured that every use of force is reviewed by supervisors "
            "to ensure our officers acted appropriately,” Captain John Example said.\n\n"
            "There were three arrests made during the whole festival, two of them for public "
            "drunkenness.\n")
    kind, said, _ = proposed(text)
    assert kind == "statement"
    assert said[0][0].startswith("The public should rest assured")
    assert said[0][1] == "john-example"


def test_a_statement_introduced_in_its_own_paragraph_in_marks_is_a_statement():
    text = ("Statement des Polizeipräsidenten zum Einsatz in Musterstadt\n\n"
            "Bezugnehmend auf die Pressemitteilung von gestern gibt der Polizeipräsident Hans "
            "Beispiel folgendes Statement: \"Ich bin froh, dass die Maßnahmen der Polizei vor Ort "
            "dazu geführt haben, den Tatverdächtigen schnell festzustellen. Ich bedaure diesen "
            "Vorfall außerordentlich.\" Rückfragen bitte an die Pressestelle.\n")
    kind, said, _ = proposed(text, published=FuzzyDate(2022, 8, 25))
    assert kind == "statement"
    assert any(w.startswith("Ich bin froh") for w, _ in said)


def test_a_greeting_signed_over_several_lines_is_a_statement():
    text = ("Директор завода поздравил журналистов с праздником.\n"
            "Уважаемые работники средств массовой информации!\n"
            "Сердечно поздравляю Вас с профессиональным праздником — Днём российской печати!\n"
            "В наш век роль СМИ приобрела особое значение: людям важно быть в курсе "
            "происходящего. Оперативность и достоверность — то, что мы особенно ценим в работе "
            "журналистов.\n"
            "Желаю Вам вдохновения, высоких тиражей и рейтингов, интересных тем и ярких "
            "творческих работ!\n"
            "Иван Примеров,\n"
            "генеральный директор,\n"
            "почётный гражданин города\n")
    kind, _, _ = proposed(text, published=FuzzyDate(2024, 1, 13))
    assert kind == "statement"


def test_an_offices_release_naming_no_speaker_proposes_no_ones_words():
    text = ("Communiqué de la sous-préfecture\n"
            "Ce samedi 3 juin 2023, près de 200 personnes se sont rassemblées vers 22h00 et ont "
            "commis des dégradations sur des bâtiments publics.\n"
            "Les forces de sécurité ont été mobilisées toute la nuit pour rétablir l’ordre. Un "
            "gendarme a été blessé lors de ces interventions.\n"
            "Le sous-préfet condamne avec la plus grande fermeté ces actes de violence. Des "
            "enquêtes seront diligentées pour arrêter les auteurs.\n")
    kind, said, _ = proposed(text)
    assert kind == "statement"
    assert said == []


def _padded(lines: list[str]) -> str:
    """Lines as a parliament's archive prints its record: each padded to 80 columns."""
    return "".join(line.ljust(80) + "\n" for line in lines)


def test_a_parliaments_verbatim_record_is_a_transcript_of_its_deputies_turns():
    text = ("Заседание № 57\n\n12.03.2010\nВопрос:\n\nО проекте федерального закона "
            "\"О внесении изменений в Лесной кодекс\".\n\nФрагмент стенограммы:\n"
            "Строки с 10 по 30 из 900\n"
            + _padded([
                "Иван Сергеевич Петров, пожалуйста.",
                "",
                "ПЕТРОВ И. С., фракция \"СПРАВЕДЛИВАЯ РОССИЯ\".",
                "",
                "Уважаемые коллеги, я предлагаю снять этот вопрос с повестки дня. Речь идёт о",
                "поправках, которые комитет ещё не рассмотрел, и мы не можем голосовать за то,",
                "чего никто не видел.",
                "",
                "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Обсудим ваше предложение.",
                "",
                "СИДОРОВА А. В., фракция \"ЕДИНАЯ РОССИЯ\".",
                "",
                "Уважаемые коллеги, комитет рассмотрел поправки на своём заседании, и я прошу",
                "оставить вопрос в повестке дня.",
            ]))
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    words = [w for w, _ in said]
    assert ("ivan-petrov" in {who for w, who in said if w.startswith("Уважаемые коллеги, я")})
    assert any(w.startswith("Уважаемые коллеги, я предлагаю снять") for w in words)
    assert any(w.startswith("Уважаемые коллеги, комитет рассмотрел") for w in words)
    assert not any("Лесной кодекс" in w or "СПРАВЕДЛИВАЯ" in w for w in words)


def test_a_speakers_list_gives_each_new_speaker_the_body_in_brackets_but_never_an_age():
    text = ("Regierungspressekonferenz vom 4. Mai 2021\n\n"
            "Sprecher: StS Beispiel, Kranich (BMG), Adler (AA)\n\n"
            "Frage: Wie sieht das Gesundheitsministerium die Lage in den Kliniken?\n\n"
            "Kranich: Die Zahl der Patienten auf den Intensivstationen sinkt seit einer Woche.\n\n"
            "Frage: Und das Auswärtige Amt?\n\n"
            "Adler: Wir beobachten die Lage weiter sehr genau, auch mit unseren Partnern.\n\n"
            "Frage: Herr Specht (54) war gestern im Ausschuss. Was hat er gesagt?\n\n"
            "Specht: Dazu kann ich heute nichts weiter sagen, das bleibt vertraulich.\n")
    drafted = draft(text, {}, {})
    front = front_matter(drafted, origin="rpk.txt")
    person = front[front.index("#   kranich:"):]
    assert 'role: "BMG"' in person.split("#   adler:")[0]
    adler = front[front.index("#   adler:"):]
    assert 'role: "AA"' in adler.split("#   specht:")[0]
    specht = front[front.index("#   specht:"):]
    assert "role:" not in specht


def test_the_date_over_an_archive_label_is_the_sites_day_and_the_byline_dates_the_interview():
    text = ("Donnerstag, 28. März 2024\n\nArchiv\n\n\"Das Gesetz ist verfassungsgemäß\"\n\n"
            "Die Präsidentin des Gerichts, Anna Beispiel, sieht keinen Widerspruch zur "
            "Verfassung.\n\nAnna Beispiel im Gespräch mit Karl Muster | 07.03.2010\n"
            "    Karl Muster: Frau Präsidentin, wie bewerten Sie das Urteil?\n\n"
            "    Anna Beispiel: Das Gesetz kann in voller Übereinstimmung mit der Verfassung "
            "umgesetzt werden.\n")
    assert draft(text, {}, {}).published == FuzzyDate.parse("2010-03-07")
