"""Round thirteen's general rules, each on a text written for the test in the shape of the
round's texts: questions and answers printed in one paragraph, addresses whose speaker only the
heading or the last quotation names, clubs and counties beside a speaker, press conferences
whose turns are 'Q.' and names in capitals, and speakers the text never names."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate


def test_pupils_questions_run_on_with_the_answers_give_the_mayor_the_answers_only():
    text = ("Besuch im Rathaus\n"
            "Am 4. Mai 2018 haben wir Bürgermeisterin Anna Beispiel im Rathaus besucht. Sie hat "
            "alle unsere Fragen beantwortet.\n"
            "Wie lange sind Sie schon Bürgermeisterin? Seit sechs Jahren, und ich mache es "
            "immer noch sehr gern.\n"
            "Wie viele Leute arbeiten im Rathaus? Im Rathaus sind es genau 31 Leute, mit dem "
            "Bauhof noch einige mehr.\n"
            "Mögen Sie Ihre Arbeit? Ja. Ich lerne jeden Tag etwas Neues über unsere Gemeinde.\n"
            "Was verdienen Sie? (lacht) Genug, um jeden Monat meine Miete zu bezahlen.\n")
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    assert said == [
        ("Seit sechs Jahren, und ich mache es immer noch sehr gern.", "anna-beispiel"),
        ("Im Rathaus sind es genau 31 Leute, mit dem Bauhof noch einige mehr.", "anna-beispiel"),
        ("Ja. Ich lerne jeden Tag etwas Neues über unsere Gemeinde.", "anna-beispiel"),
        ("Genug, um jeden Monat meine Miete zu bezahlen.", "anna-beispiel")]


def test_a_questionnaire_naming_no_one_says_the_speaker_is_missing_and_never_quotes_a_question():
    text = ("Publié : 12 mars 2016\n\nInterview du maire\n\n"
            "Les élèves de CM2 ont interrogé monsieur le Maire dans la salle du conseil.\n\n"
            "1 Pourquoi avez-vous voulu être maire ?\n"
            "J’aimais m’occuper des autres et de la commune depuis longtemps déjà.\n\n"
            "2 Combien avez-vous d’adjoints ? J’en ai neuf, qui s’occupent chacun d’un domaine "
            "de la vie municipale.\n\n"
            "3 Que faites-vous le matin ? Je lis le courrier, puis je reçois les habitants qui "
            "ont demandé un rendez-vous.\n\n"
            "4 Qui vous remplace quand vous êtes absent ? Ce sont les adjoints, chacun à son "
            "tour selon le calendrier.\n")
    kind, said, notes = proposed(text)
    assert kind == "transcript"
    assert [words for words, _ in said] == [
        "J’aimais m’occuper des autres et de la commune depuis longtemps déjà.",
        "J’en ai neuf, qui s’occupent chacun d’un domaine de la vie municipale.",
        "Je lis le courrier, puis je reçois les habitants qui ont demandé un rendez-vous.",
        "Ce sont les adjoints, chacun à son tour selon le calendrier."]
    assert {who for _, who in said} == {"who-said-it"}
    (missing,) = [n for n in notes if n.startswith("speaker: missing for every quotation")]
    assert "only as « monsieur le Maire »" in missing


def test_one_rhetorical_question_answered_in_its_paragraph_is_no_interview():
    text = ("Rede zum Haushalt\n\nMusterstadt, 3. März 2021\n\n"
            "Was heißt das für uns? Wir müssen sparen, und wir werden sparen, wo es geht, ohne "
            "die Schulen und die Kindergärten zu vergessen.\n\n"
            "Wir haben in diesem Jahr viel erreicht, und ich danke allen, die daran mitgearbeitet "
            "haben, im Rathaus und in den Vereinen.\n")
    kind, _, _ = proposed(text)
    assert kind != "transcript"


def test_a_club_or_county_beside_a_speaker_is_not_the_speaker():
    text = ("Die Stimmen zum Spieltag\n\nKöln, 2. Februar 2019\n\n"
            "Jan Beispiel (Trainer FC Musterstadt): \"Ich bin enttäuscht, dass wir das Spiel "
            "nicht gewonnen haben.\"\n\n"
            "Uwe Muster (Trainer SV Beispielheim): \"Am Ende ist der Punkt verdient, die Moral "
            "stimmt bei uns.\"\n\n"
            "In Dorfheim (Landkreis Musterkreis) rechnet Bürgermeister Otto Probe mit viel "
            "Wasser im Mühlbach: “Der ist bei Starkregen schnell überflutet”, weiß der "
            "Rathauschef aus Erfahrung.\n")
    _, said, _ = proposed(text)
    assert [who for _, who in said] == ["jan-beispiel", "uwe-muster", "otto-probe"]


def test_a_press_conference_of_q_turns_and_a_coach_by_title_gives_full_names_and_no_question():
    text = ("Postgame Quotes\n\nMarch 10, 2013\n\n"
            "THE MODERATOR: We're joined by head coach Jane Example and Ann Sample.\n\n"
            "COACH EXAMPLE: We were excited to make the final today, and we will learn from "
            "this game.\n\n"
            "Q.  Ann, what could you have done differently out there today?\n\n"
            "ANN SAMPLE:  We had too many turnovers in the second half. We can't let that "
            "happen again.\n\n"
            "Q.  Could you talk about the defense in the last minutes of the game?\n\n"
            "ANN SAMPLE:  They made every shot when it mattered, and we did not box out.\n")
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    assert [who for _, who in said] == ["jane-example", "ann-sample", "ann-sample"]
    assert not any(words.startswith(("Q.", "Ann,", "Could")) or "joined" in words
                   for words, _ in said)


def test_an_address_under_a_date_line_is_the_speaker_its_heading_names():
    text = ("30 августа 2014 г. суббота, 15:59:39\n"
            "Иван Коваленко поздравляет горожан с Днем знаний\n\n"
            "Приближается 1 сентября. Мэр Иван Коваленко поздравляет жителей города с Днем "
            "знаний.\n\n"
            "- Начало учебного года - это всегда волнующий праздник, начало нового этапа в "
            "жизни школьников, их родителей и учителей. Не найдется в нашей стране человека, "
            "который бы не вспоминал с теплотой свою первую учительницу!\n\n"
            "Сегодня образование – важнейшая составляющая развития нашей страны и нашего "
            "города, его будущего. Ведь только образованный человек может добиться успеха в "
            "современном мире и принимать грамотные решения.\n\n"
            "Я от всей души поздравляю вас с началом учебного года и желаю нашим школьникам "
            "и учителям здоровья, терпения и новых открытий.\n")
    kind, said, _ = proposed(text)
    assert kind == "statement"
    assert [who for _, who in said] == ["ivan-kovalenko"] * 3
    assert not any("Приближается" in words for words, _ in said)


def test_quotations_the_speaker_then_added_to_are_the_speakers_too():
    text = ("Вместе - теплее\n\n"
            "\"Давно наш город не посещал такой мороз. Холода продлятся до вторника\", - "
            "говорится в обращении.\n"
            "\"Службы ЖКХ все готовы, штаб продолжает работать круглые сутки\", - добавил Иван "
            "Примеров.\n")
    _, said, _ = proposed(text, published=FuzzyDate.parse("2006-01-17"))
    assert [who for _, who in said] == ["ivan-primerov", "ivan-primerov"]


def test_an_office_with_an_elided_article_and_one_first_name_resolve_to_whom_the_text_named():
    text = ("Les premiers vœux du maire\n\n12 janvier 2024\n\n"
            "Le maire, Jean-Paul Exemple, a présidé la cérémonie des vœux à la population.\n\n"
            "« Nous allons demander des subventions pour les travaux de la salle des fêtes », "
            "a annoncé l’élu.\n\n"
            "\"Ce fut une journée très difficile pour tous les enfants\", témoigne Julie qui "
            "travaille dans une école.\n\n"
            "Le ministre Paul Autre s'est rendu sur place. Julie travaille dans une école et a "
            "dû gérer cent enfants.\n\n"
            "\"L'eau est montée très vite dans la cour de l'école\", explique-t-elle, en "
            "ajoutant: \"Nous avons gardé tous les élèves jusqu'à seize heures trente.\"\n")
    _, said, _ = proposed(text)
    assert [who for _, who in said] == ["jean-paul-exemple", "julie", "julie", "julie"]


def test_a_letter_signed_by_its_name_line_gives_its_citations_to_their_authors():
    text = ("Edito du maire\n\nMarch 2020\n\n"
            "Chers habitants, chères habitantes,\n\n"
            "C’est avec une certaine émotion que j’écris ce dernier éditorial pour notre "
            "journal communal.\n\n"
            "Ce fut un grand honneur pour moi d’avoir servi notre commune pendant vingt ans, et "
            "j’ai accompli cette mission avec tout mon engagement.\n\n"
            "Je ne quitte pas le navire : je continuerai de participer à la vie de notre "
            "commune comme conseiller municipal.\n\n"
            "SENEQUE disait : « Ce n’est pas parce que les choses sont difficiles que nous "
            "n’osons pas »\n\n"
            "Paul EXEMPLE\n")
    kind, said, notes = proposed(text, published=FuzzyDate.parse("2020"))
    assert kind == "statement"
    assert [who for _, who in said] == ["paul-exemple"] * 3 + ["seneque"]
    assert said[-1][0].startswith("Ce n’est pas parce que")
    assert any("Paul EXEMPLE" in n for n in notes)


def test_a_subjunctive_sentence_goes_on_reporting_the_last_speaker_not_its_nouns():
    text = ("Minister mahnt zur Vorsicht an Silvester\n\nMünchen, 28. Dezember 2020\n\n"
            "Bayerns Innenminister Karl Beispiel hat dazu aufgefordert, auf Feuerwerk zu "
            "verzichten. Das gelte auch für die üblichen Silvester-Böller der Nachbarn: \"Bitte "
            "bleiben Sie in diesem Jahr mit Ihren Kindern daheim.\"\n")
    _, said, _ = proposed(text)
    assert said == [("Bitte bleiben Sie in diesem Jahr mit Ihren Kindern daheim.",
                     "karl-beispiel")]


def test_a_russian_paragraph_signed_by_a_dash_and_no_marks_is_a_quotation():
    text = ("Мэр посетила новую школу\n\n1 сентября 2020 года\n\n"
            "Глава администрации Анна Примерова посетила новую школу.\n\n"
            "Когда в городе появляются новые школы, значит у нашего города есть будущее, — "
            "сказала она.\n\n"
            "По сообщению мэрии, в этом году будут построены ещё три школы.\n")
    _, said, _ = proposed(text)
    assert ("Когда в городе появляются новые школы, значит у нашего города есть будущее",
            "anna-primerova") in said
    assert not any(words.startswith("Глава") for words, _ in said)


def test_a_manuscript_without_blank_lines_is_read_sentence_by_line_and_its_salutation_skipped():
    text = ("Rede der Bürgermeisterin zur Sitzung des Stadtrats der Hanse- und Musterstadt\n"
            "Beispielheim am 27.05.2015, 18:00 Uhr, im Foyer des Rathauses\n"
            "Meine sehr verehrten Damen und Herren Stadträte,\n"
            "sehr geehrter Herr Stadtratsvorsitzender, Gerd Beispiel,\n"
            "sehr geehrte Ortsbürgermeister,\n"
            "liebe Bürgerinnen und Bürger!\n"
            "Erfreulich ist, dass wir unseren Haushalt ohne Beanstandung und unseren Kredit in\n"
            "Höhe von elf Millionen Euro genehmigt bekommen haben.\n"
            "Diese Mitteilung der Aufsicht bezeugt, dass der vorliegende Finanzplan auch in den\n"
            "strengen Augen der Prüfer Bestand hat und wir auf dem richtigen Weg sind.\n"
            "Die positiven Werte beim Saldo der laufenden Verwaltung sind ein weiterer wichtiger\n"
            "Schritt beim Abbau von Schulden, den die Verwaltung konsequent vorantreibt.\n"
            "Das Projekt „Willkommen in der Mitte des Landes“ soll also nicht zustande\n"
            "kommen.\n")
    kind, said, notes = proposed(text)
    assert kind == "statement"
    assert [words.split(",")[0] for words, _ in said][:3] == [
        "Erfreulich ist", "Diese Mitteilung der Aufsicht bezeugt",
        "Die positiven Werte beim Saldo der laufenden Verwaltung sind ein weiterer wichtiger "
        "Schritt beim Abbau von Schulden"]
    # The heading's town is no speaker: the one who speaks is never named.
    assert {who for _, who in said} == {"who-said-it"}
    assert any(n.startswith("speaker: missing") for n in notes)


def test_what_a_live_page_says_no_one_confirmed_is_no_ones_reported_speech():
    text = ("Live Post: Earthquake Off the Coast\n\nMay 28, 2009\n\n"
            "6:10am EDT: Update from the local paper, roughly translated: In the north there "
            "are no confirmed people wounded or injured. In the south, reported damage to "
            "homes and several fires, the police have not confirmed injuries and / or killed.\n\n"
            "5:55am EDT: Update on the confirmed death: the deceased is a child who fell over a "
            "balcony.\n\n"
            "5:40am EDT: The mayor said that the port would stay closed until Friday morning.\n")
    _, said, _ = proposed(text)
    assert [words for words, _ in said] == [
        "the port would stay closed until Friday morning"]


def test_a_coachs_label_line_then_dash_turns_keeps_the_journalists_questions_out():
    text = ("22.03.2015\nТур 24. «Луч» - «Шинник». Пресс-конференция\n"
            "Иван Тренеров, главный тренер «Шинника»:\n"
            "- Победившей команде всегда легче говорить. Ребята ответственно готовились к "
            "матчу и выполнили установку.- Что скажете о пенальти?\n"
            "- Я находился недалеко и все видел, наш игрок поймал защитника на противоходе.\n"
            "- Вы второй раз увозите три очка из этого города, как вам это удается?\n"
            "- Я к этому городу не равнодушен, хотя проработал здесь всего полгода.\n")
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    assert [words for words, _ in said] == [
        "- Победившей команде всегда легче говорить. Ребята ответственно готовились к матчу "
        "и выполнили установку.",
        "- Я находился недалеко и все видел, наш игрок поймал защитника на противоходе.",
        "- Я к этому городу не равнодушен, хотя проработал здесь всего полгода."]
    assert {who for _, who in said} == {"ivan-trenerov"}


def test_a_release_headed_by_its_ministers_office_and_name_is_the_ministers_statement():
    text = ("Published Friday, 14 November, 2008 at 02:16 PM\n\n"
            "Minister for Roads and Local Government\n"
            "The Honourable Jane Example\n"
            "Councils benefit from more funding\n"
            "Councils received grants and subsidies totalling more than $800 million last "
            "financial year, the department's annual report shows.\n"
            "“The department provided $774 million in direct support to councils to help them "
            "improve essential services,” Ms Example said.\n"
            "“This past year has involved some major reforms for councils,” she said.\n")
    drafted = draft(text, {}, {})
    assert drafted.kind == "statement"
    assert [speaker_id(q, drafted.language) for q in drafted.quotes] == ["jane-example"] * 2
    assert any("the release's issuer" in n for n in drafted.notes)


def test_a_news_item_under_a_byline_and_its_desk_is_no_release():
    text = ("Council funding rises\n\nBy Jane Example\nPolitical Editor\n\n"
            "Councils received grants and subsidies totalling more than $800 million last "
            "financial year, the annual report shows, 14 November 2008.\n\n"
            "“We provided $774 million in direct support to councils,” Minister Paul Other "
            "said. Jane Example asked him whether it would last.\n")
    assert draft(text, {}, {}).kind == "news"


def test_dit_in_the_present_signs_a_french_quotation():
    text = ("Procès : les derniers mots\n\n27 juin 2022\n\n"
            "“Nous attendons des mots sincères de la part des accusés”, dit Paul Exemple, père "
            "d’une victime.\n")
    _, said, _ = proposed(text)
    assert said == [("Nous attendons des mots sincères de la part des accusés", "paul-exemple")]
