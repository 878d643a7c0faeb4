"""Whose words a draft says a quotation is when the text gives it no attribution of its own:
the person its paragraph names, else the one its title or lead names; names with particles
('François de Rugy', 'Abdullah al-Thinni') whole; a question put by someone unnamed is no one's
quotation; and who published it, when the page's first line says so."""

from __future__ import annotations

import test_new_kinds

from build_dossier.draft.frontmatter import front_matter, speaker_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2019, 12, 31)
people = test_new_kinds.people
"""The corpus's people registry, loaded as `new` loads it."""


def speakers(drafted) -> list[str]:
    return [speaker_id(q) for q in drafted.quotes]


def test_a_quotation_without_attribution_is_given_to_the_person_the_lead_names(people):
    text = ("Neujahrsansprache im Fernsehen\n\n"
            "Bundeskanzlerin Angela Merkel hat für das neue Jahr zu Mut und Zuversicht "
            "aufgerufen, in ihrer Ansprache am Abend.\n\n"
            "Vor allem hat die Kanzlerin den Klimawandel im Blick, wie schon im Jahr davor und "
            "in vielen Reden im Bundestag. „Dazu brauchen wir mehr denn je Mut zu neuem Denken "
            "und die Kraft, bekannte Wege zu verlassen.“\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["angela-merkel"]
    assert "no attribution of its own; speaker taken as the person the title or lead names" \
        in front_matter(drafted, origin="text.txt")


def test_the_person_a_paragraph_names_comes_before_the_one_the_lead_names(people):
    text = ("Die Generaldebatte im Bundestag\n\n"
            "Bundeskanzlerin Angela Merkel hat den Haushalt am Morgen im Bundestag verteidigt, "
            "unter Zwischenrufen aus der Opposition.\n\n"
            "11:14 Uhr: SPD-Fraktionschef Rolf Mützenich kommt auf das Heizungsgesetz zu "
            "sprechen, das am Freitag verabschiedet werden soll. \"Klimaschutz müssen sich alle "
            "leisten können, und genau so ist das Gesetz auch gemacht.\"\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["rolf-mutzenich"]


def test_a_name_with_a_particle_is_taken_whole(people):
    text = ("Le ministre ne démissionnera pas\n\n"
            "François de Rugy s’est montré clair devant la presse à Paris. « Je n’ai absolument "
            "pas de raison de démissionner, ni aujourd'hui ni demain ».\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["francois-de-rugy"]


def test_a_question_put_by_someone_unnamed_is_not_proposed(people):
    text = ("Прямая линия Путина\n\n"
            "Владимир Путин отвечает на вопросы журналистов и граждан в Гостином дворе.\n\n"
            "Первый вопрос: «Война или мир? Каким путем Россия достигнет своих целей?»\n")
    drafted = draft(text, people, {}, published=DAY)
    assert not [q for q in drafted.quotes if q.text.startswith("Война или мир")]


def test_the_outlet_printed_above_a_time_stamped_dateline_is_proposed(people):
    body = ("\n\nКабмин пока не откроет свои заседания для СМИ\n\n"
            "Министр Олег Немчинов заявил журналистам, что вопрос рассматривается.\n")
    drafted = draft("Интерфакс-Украина\n11:47 04.03.2024" + body, people, {})
    assert drafted.outlet == "Интерфакс-Украина"
    assert "outlet: the page's first line, above its dateline" in drafted.notes
    # A place or an office above a bare date says where or by whom, not who published it.
    assert draft("New York\n\n16 September 2015" + body, people, {}).outlet == ""
    assert draft("Bundespräsident\n08.12.2021" + body, people, {}).outlet == ""


def test_a_headline_over_a_staff_byline_is_not_a_quotation_signed_by_the_staff(people):
    text = ("December 7, 2016 / 2:41 PM / 9 months ago\n\n"
            "Italy PM Renzi says to resign at 1800 GMT\n\n"
            "Reuters Staff\n\n"
            "ROME (Reuters) - Italian Prime Minister Matteo Renzi will tender his resignation at "
            "7 p.m. on Wednesday, his office said.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.title == "Italy PM Renzi says to resign at 1800 GMT"
    assert not [q for q in drafted.quotes if q.how == "block quote"]


def test_words_inside_the_quotation_before_name_no_speaker(people):
    text = ("Regierungserklärung im Bundestag\n\n"
            "Der Bundeskanzler Olaf Scholz hat am Mittwoch im Bundestag seine erste "
            "Regierungserklärung abgegeben.\n\n"
            "„Wenn wir so weitermachen, schaffen wir das Ziel bis Jahresende. Liebe "
            "Bürgerinnen und Bürger, machen Sie mit!“, fordert Scholz die Menschen im Land auf "
            "und verspricht zugleich: „Wir werden alles tun, was notwendig ist, bis wir unser "
            "Leben zurückhaben.“\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["olaf-scholz", "olaf-scholz"]


def test_a_headline_signed_with_a_name_after_a_dash_is_that_persons_quotation(people):
    text = ("Интерфакс-Украина\n11:47 04.03.2024\n\n"
            "Сейчас нет возможности сделать заседания правительства доступными для СМИ - "
            "Немчинов\n\n"
            "Министр Кабинета министров Украины Олег Немчинов рассказал о работе правительства "
            "во время войны.\n")
    drafted = draft(text, people, {})
    signed = [q for q in drafted.quotes if q.kind == "direct"]
    assert [(speaker_id(q), q.how) for q in signed] == [("oleg-nemchinov", "signed headline")]
    assert signed[0].text.endswith("для СМИ")
    # A headline reporting what someone says is not their words.
    reported = draft(text.replace("Сейчас нет", "Немчинов говорит, что нет"), people, {})
    assert not [q for q in reported.quotes if q.how == "signed headline"]


def test_the_pronoun_opening_a_clause_before_the_verb_is_the_speaker(people):
    text = ("Hancock at the inquiry\n\n"
            "Matt Hancock had been pressing Simon Case, the cabinet secretary, for information "
            "about a meeting on 30 October that he claims he was “blocked” from attending.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["matt-hancock"]


def test_capitalised_nouns_are_not_taken_for_the_person_a_paragraph_names(people):
    text = ("Regierungserklärung im Bundestag\n\n"
            "Eine Woche nach seiner Wahl gibt Olaf Scholz am Mittwoch seine erste "
            "Regierungserklärung ab.\n\n"
            "Der Kanzler setzt aufs Impfen. 30 Millionen Impfungen bis Jahresende hat sich Scholz "
            "zum Ziel gesetzt. „Wenn wir so weitermachen, schaffen wir die 30 Millionen bis "
            "Jahresende.“\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["olaf-scholz"]


def test_a_pronoun_after_the_circumstances_introduces_a_block_quotation():
    text = ("Minister praises nurses\n\n"
            "Health Minister Mary Example will praise the work of nurses in a speech today.\n\n"
            "At the Royal College of Nursing annual congress, she is expected to tell members:\n\n"
            "“I find it truly inspiring when I meet nurses right across the country. You are the "
            "heart of our hospitals.”\n\n"
            "Her department said last week that it would hire more nurses next year.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "news"
    assert [speaker_id(q) for q in drafted.quotes if q.kind == "direct"] == ["mary-example"]


def test_a_surname_after_a_title_going_on_is_the_full_name_given_before():
    text = ("Mayor Accepts City Council Budget for Fiscal Year 2016\n\n"
            "Mayor John Example said the budget was a fair compromise for everyone.\n\n"
            "“Each member of the council listened to the residents,” said Mayor John Example.\n\n"
            "Russia’s continued interest in the city was not discussed, officials said.\n\n"
            "“We appreciate all the work by everyone involved in reaching a compromise,” Mayor "
            "Example continued.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert speakers(drafted)[-2:] == ["john-example", "john-example"]
    # 'continued' as an adjective says nothing: no paraphrase of that sentence.
    assert not any(q.text.startswith(("interest", "Russia")) for q in drafted.quotes)


def test_days_demonstratives_and_clitics_are_never_taken_for_speakers():
    text = ("Storm hits the coast\n\n"
            "County spokeswoman Ann Example said the office received a call around 5 p.m. "
            "Wednesday, saying a tree had fallen on a house.\n\n"
            "Dans tous les cas, Paul Exemple l'a assuré : \"Tous les élèves auront leurs "
            "résultats demain matin\".\n")
    drafted = draft(text, {}, {}, published=DAY)
    ids = speakers(drafted)
    assert "wednesday" not in ids and "paul-exemple-l" not in ids
    assert "paul-exemple" in ids


def test_a_meetings_name_in_marks_is_no_quotation_and_about_this_is_no_speaker():
    text = ("Минсельхоз признал ухудшение качества зерна\n\n"
            "Министерство признало, что качество зерна ухудшается. Об этом заявил замминистра "
            "Иван Примеров на совещании «О прогнозном балансе ресурсов зерна в России».\n\n"
            "«Мы констатируем на сегодня факт, что качество зерна ухудшилось», - сказал "
            "Примеров.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert "ob-etom" not in speakers(drafted)
    assert not any("прогнозном" in q.text for q in drafted.quotes)
    assert speakers(drafted)[-1] == "ivan-primerov"


def test_someone_called_by_first_name_and_patronymic_is_the_person_named_so_before():
    text = ("Мэр поблагодарил депутатов\n\n"
            "Сегодня мэр Пётр Примеров поблагодарил депутатов за совместную работу.\n"
            "«Для меня этот созыв — особенный, первый. Я с этими депутатами начинал работать, — "
            "подчеркнул Пётр Иванович. — Самое главное достижение — консолидация».\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert speakers(drafted) == ["petr-primerov"]


def test_an_unlabelled_interviews_answers_are_by_the_one_the_questions_address():
    text = ("Anna Autorin\n\n"
            "Berlin Erst am Mittwoch korrigierte der Deutsche Bauernverband seine Prognose, "
            "Verbandspräsident Karl Beispiel nennt die Lage dramatisch. Die Branche stelle sich "
            "auf Ausfälle ein, sagt er im Gespräch mit Anna Autorin.\n\n"
            "Herr Beispiel, ich erreiche Sie gerade auf Ihrem Hof. Wie sieht es bei Ihnen aus?\n\n"
            "Ich bin hier zu Hause. Die Ernte war schlecht, bei der Gerste minus zehn Prozent, "
            "und wir sehen jeden Tag, wie trocken es wird.\n\n"
            "Und deutschlandweit?\n\n"
            "Die Lage ist dramatisch, im Norden und im Osten. Wir haben unsere Meldung schon "
            "zweimal korrigiert.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "transcript"
    answers = [q for q in drafted.quotes if q.how == "answer"]
    assert [speaker_id(q) for q in answers] == ["karl-beispiel", "karl-beispiel"]
    # '…, sagt er im Gespräch mit …': the words before the comma are reported, not the rest.
    assert not any(q.text.startswith("er im Gespräch") for q in drafted.quotes)


def test_an_office_opening_the_sentence_and_a_pronoun_after_an_adverb_are_the_person_named(
        people):
    text = ("ЦИК подвела итоги аккредитации\n\n"
            "Председатель ЦИК Анна Примерова рассказала журналистам о работе комиссии.\n\n"
            "Глава ЦИК отметила, что комиссия не могла аккредитовать представителей изданий без "
            "статуса СМИ.\n\n"
            "При этом она отметила, что отказ в аккредитации не означает запрета для "
            "наблюдателей.\n")
    drafted = draft(text, people, {}, published=DAY)
    reported = [q for q in drafted.quotes if q.kind == "paraphrase"]
    assert [q.text[:9] for q in reported][-2:] == ["комиссия ", "отказ в а"]
    assert [speaker_id(q) for q in reported][-2:] == ["anna-primerova", "anna-primerova"]


def test_a_noun_phrase_in_marks_in_a_sentence_reporting_no_one_is_a_term_not_reported_speech():
    text = ("La grève à la une\n\n"
            "Le Courrier du Nord consacre sa une à \"la ruée vers les bus\" aujourd'hui, en "
            "alternative aux trains.\n\n"
            "La loi sur le service minimum prévoit \"l'organisation d'un service réduit\" en cas "
            "de grève.\n\n"
            "Le ministre Paul Exemple a appelé à \"une grande prudence\" et il a dit que \"les "
            "négociations continueront\" la semaine prochaine.\n")
    drafted = draft(text, {}, {}, published=DAY)
    texts = [q.text for q in drafted.quotes]
    assert not any("ruée" in t or "service réduit" in t for t in texts)
    # Words someone is said to call for, or to have said, are still proposed (as paraphrase).
    assert any("une grande prudence" in t for t in texts)
    assert any("les négociations continueront" in t for t in texts)


def test_a_day_before_the_subject_and_a_second_quotation_after_it_leave_the_speaker_named():
    text = ("Musées : pas de date\n\n"
            "Les musées seront les premiers à rouvrir \"quand nous aurons une décrue\", a déclaré "
            "lundi la ministre de la Culture Marie Exemple sur BFM-TV, précisant que \"nous n'en "
            "sommes pas là pour les salles de cinéma\".\n\n"
            "Les théâtres attendront encore quelques semaines, a déclaré mardi le ministre Paul "
            "Exemple sur France Inter.\n")
    drafted = draft(text, {}, {}, published=DAY)
    by_text = {q.text.split()[0] + " " + q.text.split()[1]: speaker_id(q) for q in drafted.quotes}
    assert by_text["Les musées"] == "marie-exemple"
    assert by_text["Les théâtres"] == "paul-exemple"


def test_an_aside_set_off_by_dashes_is_no_part_of_the_speaker_before_the_verb():
    text = ("Minister attacks broadcaster\n\n"
            "Culture minister Jane Example has accused the broadcaster of bias – calling one "
            "programme “very, very one-sided” – and said the review of its charter is done.\n")
    drafted = draft(text, {}, {}, published=DAY)
    reported = [q for q in drafted.quotes if q.text.startswith("the review")]
    assert [speaker_id(q) for q in reported] == ["jane-example"]


def test_an_office_of_an_organisation_is_the_one_the_text_names_with_it():
    text = ("Streit um den Verband\n\n"
            "Vereins-Boss Hans Beispiel kritisierte den Verband, und der Chef der Liga, Otto "
            "Muster, forderte einen Neuanfang.\n\n"
            "«Ich habe grundsätzlich ein gutes Verhältnis zum Präsidenten», sagte der "
            "Vorstandschef des Vereins der Zeitung.\n")
    drafted = draft(text, {}, {}, published=DAY)
    direct = [q for q in drafted.quotes if q.kind == "direct"]
    assert [speaker_id(q) for q in direct] == ["hans-beispiel"]


def test_an_office_standing_for_a_surname_named_before_is_the_registrys_person_in_full():
    registry = {"petrov": Person("petrov", "Oleg Petrov", role="Mayor",
                                 aliases=("Petrov",))}
    text = ("Петров обещает открыть новый мост\n\n"
            "В городе откроют новый мост через реку. Об этом в понедельник, 14 марта сообщил "
            "журналистам мэр города Олег Петров во время пресс-конференции в мэрии.\n\n"
            "- Мост нужен всем жителям правого берега. Мы уже нашли подрядчика и деньги на "
            "строительство, - заявил мэр на пресс-конференции.\n")
    drafted = draft(text, registry, {}, published=FuzzyDate(2022, 3, 14))
    direct = [q for q in drafted.quotes if q.kind == "direct"]
    assert [speaker_id(q) for q in direct] == ["petrov"]
    # 'Об этом в понедельник, 14 марта сообщил X': X said the sentence before, not his name.
    assert not any("журналистам" in q.text for q in drafted.quotes)


def test_the_subject_after_an_inverted_german_verb_of_speech_is_the_speaker():
    text = ("Ministerin eröffnet Brücke\n\n"
            "Bei der Eröffnung der neuen Brücke in Musterstadt sagte Verkehrsministerin Anna "
            "Beispiel am Mittwoch:\n\n"
            "„Diese Brücke verbindet zwei Gemeinden, die jahrzehntelang getrennt waren. Sie wird "
            "täglich zwanzigtausend Fahrzeuge tragen.“\n\n"
            "Die Brücke kostete 40 Millionen Euro.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert [(q.kind, speaker_id(q)) for q in drafted.quotes] == [("direct", "anna-beispiel")]


def test_an_audience_before_the_subject_and_a_rank_before_the_office_are_no_speakers():
    text = ("La ministre de la Mer Claire Exemple a annoncé vendredi une enquête sur la pêche "
            "au large de Brest.\n\n"
            "\"J'ai demandé une enquête administrative sans attendre\", a dit devant la presse "
            "Mme Exemple à Brest, où elle rencontrait des pêcheurs.\n")
    registry = {"exemple": Person("exemple", "Claire Exemple", aliases=("Exemple",))}
    drafted = draft(text, registry, {}, published=DAY)
    assert [speaker_id(q) for q in drafted.quotes if q.kind == "direct"] == ["exemple"]
    text = ("Форум открылся в Сочи\n\n"
            "— Я рад приветствовать вас в Сочи, — сказал зампредседателя правительства Олег "
            "Примеров на церемонии открытия.\n\n"
            "— Я желаю всем интересных дискуссий и удачных сделок на форуме, — сказал "
            "вице-премьер.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert [speaker_id(q) for q in drafted.quotes] == ["oleg-primerov", "oleg-primerov"]


def test_a_thing_rejected_or_announced_is_no_reported_speech_but_what_was_announced_is():
    text = ("Minister sets out flood plan\n\n"
            "Environment Minister Jane Doe rejected the idea of a new tax on homeowners in the "
            "valley.\n\n"
            "She announced a package of more than £40m yesterday to rebuild the flood "
            "defences.\n\n"
            "She also announced that the first works would start in the spring of next year.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert [(q.kind, q.text.split()[0]) for q in drafted.quotes] == [("paraphrase", "the")]


def test_a_word_in_marks_after_a_verb_of_naming_is_the_namers_paraphrase():
    text = ("Debatte im Landtag\n\n"
            "15.23 Uhr: Fraktionschef Peter Muster tritt ans Rednerpult. Er nennt die Regierung "
            "\"Bremser der Nation\" und wirft ihr \"Stillstand\" vor.\n\n"
            "15.19 Uhr: Erika Beispiel nennt Muster einen \"Schaumschläger\". Das sorgt für "
            "Gelächter.\n\n"
            "15.10 Uhr: Im Landtag nannte Lautenbacher den Haushalt \"ehrlich\". Hans "
            "Lautenbacher ist Finanzminister.\n")
    drafted = draft(text, {}, {}, published=DAY)
    said = [(q.kind, speaker_id(q), q.text) for q in drafted.quotes]
    assert ("paraphrase", "peter-muster", '"Bremser der Nation"') in said
    assert any(who == "erika-beispiel" and "Schaumschläger" in words for _, who, words in said)
    # 'laut' inside 'Lautenbacher' is no 'according to': the subject after the inverted verb.
    assert any(who == "hans-lautenbacher" and "ehrlich" in words for _, who, words in said)


def test_names_are_found_in_any_case_and_beside_letters_whose_lower_case_is_longer():
    from build_dossier.draft.speakers import Registry
    people = {"recep-tayyip-erdogan": Person("recep-tayyip-erdogan", "Recep Tayyip Erdoğan",
                                             "person", None, (), 1),
              "ibrahim-kalin": Person("ibrahim-kalin", "İbrahim Kalın", "person", None, (), 2),
              "un": Person("un", "United Nations", "organisation", None, ("UN",), 3)}
    registry = Registry.of(people)

    def found(text):
        return [(text[start:end], who) for start, end, who in registry.find(text)]

    assert found("RECEP TAYYIP ERDOĞAN and ibrahim kalın met the UN; un-named others.") == [
        ("RECEP TAYYIP ERDOĞAN", "recep-tayyip-erdogan"), ("ibrahim kalın", "ibrahim-kalin"),
        ("UN", "un")]
    assert found("İSTANBUL — İbrahim Kalın and Recep Tayyip Erdoğan") == [
        ("İbrahim Kalın", "ibrahim-kalin"), ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan")]
