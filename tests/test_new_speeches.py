"""`build-dossier new` on speeches, messages and interviews that carry no quotation marks and
whose heading does not say what they are: told apart by the text's own features (salutations,
first person throughout, questions alternating with answers), in any of the four languages."""

from __future__ import annotations

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2021, 3, 4)


def drafted(text: str):
    return draft(text, {}, {}, published=DAY)


def test_a_speech_opening_with_salutations_is_one_speakers_statement():
    text = ("Ansprache der Bürgermeisterin Anna Beispiel\n"
            "Herr Ministerpräsident!\n"
            "Exzellenzen!\n"
            "Meine sehr verehrten Damen und Herren!\n"
            "Vor zehn Jahren hat das Wasser diese Stadt überflutet, und viele Familien haben "
            "damals alles verloren, was sie besaßen. Die Erinnerung daran bleibt lebendig.\n"
            "Viele Helfer kamen damals aus dem ganzen Land zu uns, und sie haben Deiche gebaut, "
            "Keller geleert und Nachbarn getröstet, oft tagelang ohne Schlaf.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [q.text[:20] for q in result.quotes] == ["Vor zehn Jahren hat ", "Viele Helfer kamen d"]
    assert not any(q.text.startswith(("Herr", "Exzellenzen")) for q in result.quotes)


def test_remarks_in_the_first_person_without_a_heading_are_a_statement():
    text = ("During the summit, we discussed the economic situation in depth and agreed on the "
            "next steps for the coming months.\n"
            "We took note of the broad agreement on the budget, and we will continue our work on "
            "it with the finance ministers.\n"
            "Last but not least, I would like to thank the presidency and its entire team for an "
            "energetic and successful term.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert len(result.quotes) == 3
    assert all(q.kind == "direct" for q in result.quotes)


def test_an_article_reporting_someone_in_the_third_person_stays_news():
    text = ("Minister visits flooded town\n"
            "The minister Paul Martin visited the flooded town on Thursday and met the families "
            "whose houses were destroyed.\n"
            "He said that the government would pay for the repairs and that the dikes would be "
            "raised before the winter.\n"
            "Residents told reporters they had waited for help for three days before the army "
            "arrived with boats.\n")
    assert drafted(text).kind == "news"


def test_an_interview_without_labels_quotes_the_answers_not_the_questions():
    text = ("Frau Ministerin, Sie kommen gerade aus Brüssel zurück. Wie verliefen die "
            "Gespräche?\n\n"
            "Ich war zwei Tage dort, und wir haben viel erreicht. Wir haben uns auf einen "
            "gemeinsamen Plan für die Häfen geeinigt, der im Sommer beginnt.\n\n"
            "Was bedeutet das für die Beschäftigten?\n\n"
            "Für sie bedeutet es vor allem Sicherheit. Ich habe mit den Gewerkschaften gesprochen, "
            "und wir werden sie bei jedem Schritt einbeziehen.\n")
    result = drafted(text)
    assert result.kind == "transcript"
    assert [q.text[:12] for q in result.quotes] == ["Ich war zwei", "Für sie bede"]


def test_a_dash_interview_gives_the_answers_to_the_person_its_lead_names():
    text = ("«Мы готовы к любым проверкам»\n\n"
            "Министр спорта Иван Петров рассказал журналистам о подготовке к чемпионату и о "
            "допинговых скандалах\n\n"
            "– Иван Сергеевич, вы сами когда-нибудь пробовали запрещенные препараты?\n\n"
            "– К счастью, нет. Мы в России относимся к этому очень серьезно и проверяем всех "
            "спортсменов перед каждым стартом.\n\n"
            "– Однако скандалы продолжаются. Почему?\n\n"
            "– Потому что правила меняются каждый год, и мы не всегда успеваем за ними.\n")
    result = drafted(text)
    assert result.kind == "transcript"
    assert {q.name for q in result.quotes} == {"Иван Петров"}
    direct = [q.text[:10] for q in result.quotes if q.kind == "direct"]
    assert direct == ["Мы готовы ", "К счастью,", "Потому что"]


def test_turns_labelled_by_initials_go_to_the_names_the_text_gives():
    text = ("Virtual press conference on health emergencies - 4 March 2021\n\n"
            "00:00:00\n\n"
            "PM          Hello and welcome to today's press conference. My name is Paula Meyer "
            "and I will moderate it. With me is Dr Anil Rao Kumar, our Director-General.\n\n"
            "00:01:00\n\n"
            "ARK        Thank you, Paula. Today is World Health Day, and we ask every country to "
            "invest in the nurses and doctors it will need in the next ten years.\n")
    result = drafted(text)
    assert result.kind == "transcript"
    assert [q.name for q in result.quotes] == ["Paula Meyer", "Anil Rao Kumar"]


def test_questions_opened_by_a_bare_q_are_not_quoted():
    text = ("From today's briefing\n\n"
            "MR. SMITH: We were keeping you updated throughout that period, and the President "
            "was getting regular updates from people in the region.\n\n"
            "Q You're the federal government, and the engineers knew on Monday morning that "
            "the wall had given way.\n\n"
            "MR. SMITH: A lot of the reports coming out on Monday were saying that the city had "
            "missed the worst of the flooding.\n\n"
            "Q When did the President know that the storm could overtop the walls?\n\n"
            "MR. SMITH: I'm just pointing out what people were saying at that time.\n")
    result = drafted(text)
    assert result.kind == "transcript"
    assert [q.text[:8] for q in result.quotes] == ["We were ", "A lot of", "I'm just"]


def test_a_deputy_is_not_the_office_holder_above_them():
    people = {"ann-lee": Person("ann-lee", "Ann Lee", role="Secretary-General (2017-2026)",
                                aliases=("Secretary-General",))}
    text = ("Press conference by Deputy Secretary-General Ben Ode at Headquarters\n\n"
            "Spokesman:  We are joined by the Deputy Secretary-General, who will open with a "
            "statement on the outbreak.\n\n"
            "Deputy Secretary-General:  Thank you very much. The outbreak is the most serious "
            "health challenge we have faced in years, and we need more doctors now.\n")
    result = draft(text, people, {}, published=DAY)
    assert result.kind == "transcript"
    assert [q.name for q in result.quotes][-1] == "Ben Ode"
    assert "ann-lee" not in {q.speaker for q in result.quotes}


def test_a_results_table_under_a_live_heading_is_no_transcript():
    text = ("Élections : tous les résultats en direct\n\n"
            "Suivez notre direct en dessous de la carte, avec les résultats commune par commune "
            "et nos analyses.\n\n"
            "23h50 : Jeanne Martin garde Nantes\n\n"
            "Jeanne MARTIN (Union de la gauche) : 59.67 %\n\n"
            "Paul DURAND (Union de la droite) : 40.33 %\n\n"
            "23h06 : Louis Petit : « J’espère que le gouvernement va entendre ce message »\n")
    result = drafted(text)
    assert result.kind == "live"
    assert [q.text for q in result.quotes] == [
        "J’espère que le gouvernement va entendre ce message"]


def test_entries_run_together_on_one_line_are_a_live_page_each_quote_its_own_speaker():
    text = ("- 4:30 p.m. - To conclude, the federation will have 30 days to appeal the ruling "
            "that upholds the ban.\n"
            "Officials now hope for a last decision next week. - 3.24 p.m. - “We will appeal, "
            "and we will win,” the runner Anna Volkova said on Instagram.\n"
            "“Athletes should not be punished for politics,” she was cited as saying by a news "
            "agency. - 2.08 p.m. - Honorary president Oleg Ivanov blamed the officials.\n")
    result = drafted(text)
    assert result.kind == "live"
    assert [q.name for q in result.quotes] == ["Anna Volkova", "Anna Volkova"]


def test_a_few_quoted_words_inside_reported_speech_are_a_paraphrase_never_a_quotation():
    text = ("Canicule : le ministre appelle à la prudence\n\n"
            "Le ministre de la Santé Paul Martin se veut confiant. \"Je crois que nous saurons "
            "tenir\", a-t-il déclaré lundi, appelant toutefois à \"une grande prudence et une "
            "grande vigilance\".\n\n"
            "Ces mesures \"n'empêchent pas de vivre ni de travailler\", a-t-il plaidé.\n\n"
            "Die Lage der Kliniken sei aktuell \"noch nie so trist und schwierig\" gewesen, "
            "sagte Paul Martin.\n")
    result = drafted(text)
    kinds = {q.text: q.kind for q in result.quotes}
    assert kinds["Je crois que nous saurons tenir"] == "direct"
    assert kinds['appelant toutefois à "une grande prudence et une grande vigilance"'] == \
        "paraphrase"
    assert kinds['Ces mesures "n\'empêchent pas de vivre ni de travailler"'] == "paraphrase"
    assert not any(q.kind == "direct" and "trist" in q.text for q in result.quotes)
    assert {q.name for q in result.quotes} == {"Paul Martin"}


def test_a_quoted_headline_repeating_part_of_a_quotation_below_is_proposed_once():
    text = ("\"Nous saurons tenir\" : le ministre Paul Martin face à la canicule\n\n"
            "\"Je crois que nous saurons tenir\", a déclaré Paul Martin lundi soir à Paris.\n")
    assert [q.text for q in drafted(text).quotes] == ["Je crois que nous saurons tenir"]


def test_an_office_after_an_adverb_is_the_person_named_before_not_a_new_name():
    text = ("Le ministre de la Santé Paul Martin a visité un hôpital de Lyon lundi.\n\n"
            "\"On ne constate pas de passages importants aux urgences\", indique par ailleurs "
            "le ministre de la Santé.\n")
    [quote] = drafted(text).quotes
    assert quote.name == "Paul Martin"


def test_answers_occasions_and_conjunctions_are_never_taken_for_speakers():
    text = ("La ministre face à la canicule\n\n"
            "Faut-il craindre une polémique ? Non, assure Marie Durand, invitée mercredi de la "
            "radio.\n\n"
            "\"Tous les services de l'Etat sont mobilisés pour les personnes fragiles\", "
            "défend la ministre.\n\n"
            "Mais elle prévient : \"Il ne faut pas se leurrer, la chaleur peut tuer les plus "
            "fragiles.\"\n\n"
            "\"We will need more time to agree on the budget,\" the Euro Summit said.\n")
    names = {q.name for q in drafted(text).quotes}
    assert "Marie Durand" in names
    assert not names & {"Non", "Mais elle", "Euro Summit", "Summit"}


def test_a_governor_named_by_office_and_region_is_the_person_not_the_office():
    text = ("Губернатор обратился к землякам\n\n"
            "Губернатор Алтайского края Александр Карлин обратился к землякам в среду.\n\n"
            "\"Я не просто прошу, я умоляю вас доверять власти\", - подчеркнул глава региона.\n\n"
            "Также губернатор отметил, что в крае проводится большая работа по борьбе со "
            "стихией.\n")
    assert {q.name for q in drafted(text).quotes} == {"Александр Карлин"}


def test_an_address_names_its_speaker_by_initial_in_the_nominative_without_its_salutation():
    text = ("Обращение губернатора области П.Сидорова к жителям региона\n\n"
            "Уважаемые жители населенных пунктов, подвергшихся наводнению, дорогие земляки!\n\n"
            "В эти дни правительство области принимает все меры для спасения людей, животных "
            "и имущества в затопленных селах.\n\n"
            "К сожалению, паводковая ситуация на территории области ухудшается, и мы просим "
            "всех быть готовыми к эвакуации.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [q.text[:10] for q in result.quotes] == ["В эти дни ", "К сожалени"]
    assert {q.name for q in result.quotes} == {"П. Сидоров"}


def test_remarks_without_a_heading_take_no_speaker_from_the_people_they_mention():
    text = ("During the summit, we discussed the economy. European Central Bank President "
            "Mario Rossi emphasised that the biggest risks are trade tensions.\n"
            "At the end of our meeting, we agreed on the following approach:\n"
            "- we look forward to working together with the next Prime Minister;\n"
            "- we want to avoid a disorderly exit; and\n"
            "- we have been informed on the planning for a no-deal scenario.\n"
            "Last but not least, I would like to thank the presidency and its entire team for "
            "their energetic and successful work.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert {q.name for q in result.quotes} == {""}
    # The list goes with the sentence that introduces it.
    assert len(result.quotes) == 3
    assert result.quotes[1].text.endswith("for a no-deal scenario.")


def test_a_briefing_reported_in_the_third_person_is_news():
    text = ("В ходе брифинга 5 марта министр финансов Иван Петров заявил, что бюджет был в "
            "январе исполнен с дефицитом в 770 миллиардов рублей, сообщает агентство. При этом, "
            "по его словам, доходы казны будут снижаться.\n"
            "Чтобы покрыть дефицит, ведомство собирается использовать рыночные заимствования и "
            "ресурсы Казначейства.\n")
    assert drafted(text).kind == "news"


def test_reported_speech_going_on_in_the_german_subjunctive_is_a_paraphrase_by_the_speaker():
    text = ("Land rechnet mit dem Schlimmsten\n\n"
            "\"Wir haben es mit Wassermassen zu tun, die wir noch nie hatten\", betonte "
            "Ministerpräsident Karl Weber. Damals seien die Überflutungen von der Elbe gekommen. "
            "Jetzt strömten die Wassermassen von allen Seiten ins Land. Ein Ende sei nicht "
            "absehbar.\n\n"
            "Die Stadt Halle ist vorbereitet. Am Abend sei der Pegel gestiegen.\n")
    quotes = drafted(text).quotes
    paraphrases = [q.text for q in quotes if q.kind == "paraphrase"]
    assert paraphrases == ["Damals seien die Überflutungen von der Elbe gekommen",
                           "Ein Ende sei nicht absehbar"]
    assert {q.name for q in quotes} == {"Karl Weber"}


def test_he_after_who_is_the_subject_not_the_person_just_named():
    people = {"kamala-harris": Person("kamala-harris", "Kamala Harris")}
    text = ("Governor reacts\n\n"
            "In a statement after Kamala Harris' speech, Governor Gavin Newsom said the state "
            "would work with the new administration.\n\n"
            "Newsom applauded Harris, who he said \"set out to fight for everyone.\"\n\n"
            "\"She stood up for working families, decency, and opportunity,\" he said.\n")
    quotes = draft(text, people, {}, published=DAY).quotes
    stood = next(q for q in quotes if q.text.startswith("She stood"))
    assert (stood.kind, stood.name) == ("direct", "Gavin Newsom")
    assert "kamala-harris" not in {q.speaker for q in quotes}


def test_a_name_with_particles_keeps_its_given_name_after_an_office():
    text = ("Leaders fail to agree\n\n"
            "Also speaking after the summit, European Commission president Ulla von der Hoeven "
            "commented: “Sometimes things have to take their time to mature, and this is the "
            "case here too.”\n")
    [quote] = drafted(text).quotes
    assert quote.name == "Ulla von der Hoeven"


def test_an_office_named_before_its_holder_is_the_person_the_paragraph_names_next():
    people = {"marie-durand": Person("marie-durand", "Marie Durand")}
    text = ("Canicule\n\n"
            "Alors que la chaleur frappe le pays, la ministre de la Santé l'assure : \"Tous les "
            "services de l'Etat sont mobilisés pour les plus fragiles\". Faut-il s'inquiéter ? "
            "Non, assure Marie Durand, invitée mercredi de la radio.\n")
    [quote] = draft(text, people, {}, published=DAY).quotes
    assert quote.speaker == "marie-durand"


def test_a_message_opening_with_a_salutation_sentence_is_a_statement_though_it_names_a_service():
    # The salutation opens the first paragraph instead of standing alone; the verbs speak in
    # the first person without a pronoun, and the one word in marks is a service's name.
    text = ("Уважаемые жители! С понедельника в нашем районе начинается ремонт главной улицы, "
            "и движение по ней будет закрыто на две недели. Постановление об этом подписано.\n"
            "Работы идут круглосуточно. Прошу водителей заранее выбирать объезд через новый "
            "мост и не оставлять машины у домов вдоль улицы.\n"
            "Напомню, что о любых проблемах можно сообщить через городской сервис «Дорога», он "
            "работает без выходных и отвечает в течение часа.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [q.text[:12] for q in result.quotes] == ["С понедельни", "Работы идут ", "Напомню, что"]
    assert all(q.kind == "direct" for q in result.quotes)


def test_a_speech_under_one_salutation_line_is_a_statement_despite_a_word_in_scare_quotes():
    text = ("Monsieur le Maire, Mesdames et messieurs,\n"
            "Je suis très heureux d'être parmi vous pour inaugurer cette bibliothèque, que nous "
            "attendions depuis de longues années dans ce quartier.\n"
            "Les bénévoles sont sur le \" pont \" depuis des semaines, et je veux les remercier "
            "pour le travail qu'ils ont accompli avec tant de patience.\n"
            "Ma grand-mère était bibliothécaire. Je sais donc ce que ces lieux représentent pour "
            "les enfants qui y découvrent la lecture.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert len(result.quotes) == 3
    assert not any(q.text.startswith("Monsieur") for q in result.quotes)


def test_a_first_person_release_quoting_only_a_programme_name_is_a_statement():
    text = ("\"Die letzten Wochen haben uns gezeigt, dass gute Ernten keine Selbstverständlichkeit "
            "sind. Wir müssen uns darauf einstellen.\n"
            "Um den Betrieben zu helfen, habe ich schon im Juli eine Eilverordnung erlassen, und "
            "wir prüfen derzeit weitere Hilfen für die besonders betroffenen Regionen.\n"
            "Derzeit laufen die ersten Zahlen der \"Besonderen Ernte- und Qualitätsermittlung\" "
            "ein. Sobald genug Daten vorliegen, werden wir Bilanz ziehen.\n"
            "Es muss uns zudem gelingen, die Landwirtschaft langfristig an das veränderte Klima "
            "anzupassen, und dafür setze ich mich ein.\"\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert len(result.quotes) == 4


def test_a_heading_saying_someone_addresses_an_audience_makes_a_statement_with_its_speaker():
    text = ("Why libraries matter\n\n"
            "Culture Secretary Jane Example addresses the National Library Conference.\n\n"
            "Jane Example\n\n"
            "A very warm welcome to you all for what promises to be an exciting and inspiring "
            "week of talks, visits and debates.\n\n"
            "I know that many of you have travelled a long way to be here, and I am delighted "
            "that you could join us in such numbers.\n\n"
            "Libraries change lives, and that is something which unites every one of us in this "
            "room today.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert {q.name for q in result.quotes} == {"Jane Example"}
    assert result.quotes[0].text.startswith("A very warm welcome")


def test_a_byline_names_its_speaker_by_its_leading_words_not_the_occasion_after_them():
    text = ("Neujahrsempfang\n\n"
            "Rede von Oberbürgermeister Max Mustermann anlässlich des Neujahrsempfangs 2012 der "
            "Stadt Beispielburg am Freitag, 13. Januar 2012\n\n"
            "Anrede\n\n"
            "Viele von Ihnen haben mir ein gutes neues Jahr gewünscht, und ich danke Ihnen "
            "herzlich dafür; gerne erwidere ich diese Wünsche.\n\n"
            "Wir haben im vergangenen Jahr viel erreicht, und ich bin sicher, dass unsere Stadt "
            "auch im neuen Jahr zusammenhält.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert {(q.speaker, q.name) for q in result.quotes} == {(None, "Max Mustermann")}


def test_thanking_the_host_by_name_or_congratulating_the_audience_is_no_quotation():
    text = ("Поздравление министра\n\n"
            "Дорогие коллеги!\n\n"
            "Поздравляю вас с замечательным праздником – Днем учителя.\n\n"
            "В этом году мы открыли сто новых школ, и я знаю, сколько труда вложили в это "
            "учителя и директора по всей стране.\n\n"
            "Я благодарю каждого из вас за терпение и за любовь к детям, которую вы им дарите "
            "каждый день.\n")
    english = ("Speech at the opening\n\n"
               "Thanks, Dominic [Example, chair of the forum] and for the wonderful performance "
               "we have just enjoyed.\n\n"
               "A very warm welcome to you all for what promises to be an exciting week, and I am "
               "delighted so many of you could be here.\n\n"
               "I know that many of you have travelled a long way to be here, and I thank you "
               "for making the journey.\n")
    for speech, kept in ((text, ["В этом году", "Я благодарю"]),
                         (english, ["A very warm", "I know that"])):
        result = drafted(speech)
        assert result.kind == "statement"
        assert [q.text[:11] for q in result.quotes] == [k[:11] for k in kept]


def test_a_statement_printed_in_marks_under_its_introduction_is_one_speakers_statement():
    text = ("Mayor Jane Example issued the following statement after the council passed the "
            "budget:\n"
            "“I am grateful to the council for passing a budget that is both balanced and "
            "responsible for the years ahead.\n"
            "“This budget closes the deficit and keeps our commitment to the services people "
            "rely on every day.\n"
            "“I would like to thank everyone who worked toward this outcome for the people we "
            "serve.”\n")
    result = drafted(text)
    assert result.kind == "statement"
    # Each paragraph, without the marks around it, by the one the introduction names; not the
    # introduction itself.
    assert [q.text[:12] for q in result.quotes] == ["I am gratefu", "This budget ", "I would like"]
    assert not result.quotes[-1].text.endswith("”")
    assert {q.name for q in result.quotes} == {"Jane Example"}


def test_an_interview_whose_answers_are_printed_in_marks_is_a_transcript_of_the_answers():
    text = ("Trois questions à Paul Exemple, ancien ministre de l'Agriculture.\n\n"
            "Les agriculteurs sont-ils en première ligne ?\n\n"
            "\"Oui, complètement. Je veux saluer le travail de tous les agriculteurs qui ont "
            "permis que personne ne manque de rien pendant le confinement.\"\n\n"
            "Malgré tout, la filière est en danger ?\n\n"
            "\"Il y a plusieurs problèmes : la demande, la production et les prix. Nous avons "
            "besoin d'une rémunération juste pour les agriculteurs.\"\n")
    result = drafted(text)
    assert result.kind == "transcript"
    assert [(q.name, q.text[:12]) for q in result.quotes] == [
        ("Paul Exemple", "Oui, complèt"), ("Paul Exemple", "Il y a plusi")]
    assert not any(q.text.endswith("\"") for q in result.quotes)


def test_a_communique_signed_on_its_last_line_is_its_signers_statement():
    # No salutation and no quotation marks: the heading says it is a communiqué, the text
    # speaks in the first person, and the last line signs it with a name and an office.
    text = ("[Communiqué du Maire]\n\n"
            "En raison des orages annoncés pour la fin de semaine et des risques de crue, j’ai "
            "décidé avec le conseil municipal de fermer les berges et le parc au public.\n\n"
            "Le marché du samedi est maintenu sur la place de l’église, à l’abri des eaux.\n\n"
            "Nous regrettons ces fermetures mais nous les assumons pour la sécurité de tous.\n\n"
            "Claire Exemple, Maire de la Commune.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert {q.name for q in result.quotes} == {"Claire Exemple"}
    assert any(q.text.startswith("En raison des orages") for q in result.quotes)


def test_a_greeting_under_a_heading_and_a_date_line_signed_by_initials_is_a_statement():
    text = ("С Днём знаний!\n\nНовости 01.09.2021\n\nДорогие школьники!\n"
            "Поздравляю вас с началом учебного года. Пусть этот год принесёт вам новые открытия, "
            "верных друзей и радость от каждого урока в наших школах.\n\n"
            "Желаю вам успехов в учёбе, крепкого здоровья и терпения вашим учителям и "
            "родителям, которые всегда рядом с вами.\n\n"
            "С уважением,\nГлава городского округа А.Б. Примеров\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert {q.name for q in result.quotes} == {"А.Б. Примеров"}
    assert any(q.text.startswith("Поздравляю вас") for q in result.quotes)


def test_welcoming_guests_by_name_and_the_speechs_title_are_not_quoted():
    text = ("Rede von Landrätin Petra Beispiel beim Festakt zum Jubiläum Gemeinsam sind wir "
            "stark!\n\n"
            "- Es gilt das gesprochene Wort -\n\n"
            "Was für ein Tag, dass wir seit hundert Jahren in diesem Landkreis zusammen leben "
            "und arbeiten können!\n\n"
            "Ich begrüße Sie alle sehr herzlich:\n\n"
            "hier im Saal, vor dem Rathaus und an den Bildschirmen zu Hause.\n\n"
            "Herzlich willkommen heiße ich auch Herrn Minister a.D. Muster.\n\n"
            "Ebenso herzlich begrüße ich alle Bürgermeister des Landkreises und Sie, liebe "
            "Kolleginnen und Kollegen aus den Nachbarkreisen.\n\n"
            "Mit Sorge sehen wir, dass die Dörfer leerer werden. Darüber müssen wir heute "
            "sprechen.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [q.text.split()[0] for q in result.quotes] == ["Was", "Mit"]


def test_a_greetings_closing_wishes_and_signature_are_not_quoted():
    text = ("С Днём города!\n\nДорогие земляки!\n\n"
            "Сто лет назад на берегу реки появились первые дома, и с тех пор наш город вырос "
            "благодаря труду многих поколений.\n\n"
            "Желаем вам счастья, крепкого здоровья и благополучия. Пусть в каждом доме будет "
            "мир и достаток!\n\n"
            "С уважением,\nГлава городского округа А.Б. Примеров\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [q.text.split()[0] for q in result.quotes] == ["Сто"]


def test_a_release_quoting_a_speech_over_paragraphs_proposes_the_speech_and_not_the_narration():
    text = ("Minister opens new hospital wing\n\n"
            "Health Minister Jane Doe today opened the new children's wing at Exampleton "
            "General Hospital.\n\n"
            "Speaking at the opening, the Minister said:\n\n"
            "Today is a proud day for Exampleton. This wing will treat five thousand children a "
            "year, close to their families.\n\n"
            "I want to thank the staff who kept the hospital running while it was built, "
            "through a very hard winter.\n\n"
            "The £20m wing has 60 beds and two operating theatres. It was funded by the "
            "regional government.\n")
    result = drafted(text)
    assert [(q.name, q.text.split()[0], q.text.split()[-1]) for q in result.quotes] == [
        ("Jane Doe", "Today", "winter.")]


def test_a_quotation_opened_once_and_closed_paragraphs_later_is_one_quotation():
    text = ("Communiqué de presse\n\n"
            "Le ministre de l'Agriculture Jean Exemple s'est rendu lundi à Villeneuve pour "
            "l'ouverture de la foire régionale.\n\n"
            "Dans son discours, il a déclaré :\n\n"
            "« Cette foire montre la force de nos territoires. Nos agriculteurs ont traversé une "
            "année difficile.\n\n"
            "Nous avons débloqué vingt millions d'euros pour les exploitations touchées par la "
            "sécheresse. »\n\n"
            "Le ministre a ensuite visité les stands des éleveurs de la région.\n")
    result = drafted(text)
    assert [(q.name, q.text.split()[0], q.text.split()[-1]) for q in result.quotes] == [
        ("Jean Exemple", "Cette", "sécheresse.")]


def test_according_to_an_office_in_the_genitive_is_the_person_holding_it():
    text = ("Губернатор открыл новую школу\n\n"
            "Губернатор области Иван Сидоров открыл новую школу в посёлке Заречный.\n\n"
            "«Сегодня у ребят настоящий праздник, и в школе будут учиться восемьсот детей», — "
            "сказал глава региона.\n\n"
            "По словам губернатора, в следующем году в области откроются ещё три школы.\n")
    result = drafted(text)
    assert [(q.kind, q.name) for q in result.quotes] == [("direct", "Иван Сидоров"),
                                                         ("paraphrase", "Иван Сидоров")]


def test_a_release_introducing_a_statement_after_its_verb_quotes_the_statement_only():
    text = ("Pressemitteilung Nr. 45/2021\n\n"
            "Ministerin Anna Beispiel zur Dürre\n\n"
            "Zur aktuellen Dürre in Norddeutschland erklärt Bundeslandwirtschaftsministerin "
            "Anna Beispiel:\n\n"
            "Die Lage auf vielen Höfen ist ernst. Die Trockenheit der letzten Wochen hat die "
            "Ernte stark getroffen, vor allem beim Futter.\n\n"
            "Ich habe deshalb heute entschieden, dass Brachflächen ausnahmsweise für Futter "
            "genutzt werden dürfen. Wir prüfen außerdem weitere Hilfen für die Betriebe.\n\n"
            "Das Ministerium wird die Lage weiter beobachten.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [(q.name, q.text.split()[0]) for q in result.quotes] == [
        ("Anna Beispiel", "Die"), ("Anna Beispiel", "Ich")]


def test_a_statement_under_a_byline_keeps_its_opening_and_drops_the_narration_after_it():
    text = ("Statement by Minister Jane Doe on the floods\n\n"
            "Environment Minister Jane Doe made the following statement today:\n\n"
            "The floods of the past week have caused terrible damage across the north of the "
            "region, and many families have lost their homes.\n\n"
            "We will provide emergency funding to the councils affected, and I have asked for "
            "a review of every flood defence in the area.\n\n"
            "The Minister visited Exampleton on Tuesday.\n")
    result = drafted(text)
    assert result.kind == "statement"
    assert [(q.name, q.text.split()[0]) for q in result.quotes] == [
        ("Jane Doe", "The"), ("Jane Doe", "We")]
