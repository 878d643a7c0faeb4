"""Round twenty's general rules, each on a text written for the test in the shape of the
round's texts: a speaker named after the quotation with a long office, a name in marks inside
the attribution, a greeting introduced by the page's narration, a letter signed under 'Ваш',
a TV programme's 'NAME, ROLE:' labels, a station's name, an issue line and a caption above the
heading, a letter signed by name and office on its last line, a speaker's heading printed twice,
an interview's guest named by the lead, where the person named works, a verb of how the words
were voiced, a notice wrapped around a speech, an interviewer's box and remark, and a
congratulation said on behalf of a body."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2020, 12, 19)


def test_a_full_name_then_a_long_office_before_said_names_the_speaker():
    text = ("The county fair closed on Sunday after ten days of rides, shows and contests.\n\n"
            "“We had more visitors than in any year since the fair began,” Maria Lopez, chair "
            "of the County Fair Association Board of Trustees, said. “The rain held off until "
            "the very last evening, which we had not dared to hope for.”\n")
    _, said, _ = proposed(text, published=DAY)
    assert said and {who for _, who in said} == {"maria-lopez"}


def test_a_name_in_marks_inside_the_attribution_is_part_of_it():
    text = ("Die Fähre verkehrt auch im Winter zwischen den beiden Inseln.\n\n"
            "„Bei jedem Wetter fahren wir hinaus, solange die Behörden den Hafen nicht "
            "schließen“, sagt der Kapitän der „Seestern“ Hans Beispiel.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["hans-beispiel"]


def test_the_pages_narration_introducing_a_greeting_names_its_speaker():
    text = ("Am zweiten Sonntag im Juni wird der Tag der Binnenschiffer begangen. In diesem "
            "Jahr fällt er auf den 9. Juni. Aus diesem Anlass gratulierte der Präsident des "
            "Schifferverbands Hans Beispiel den Schiffern und ihren Familien:\n\n"
            "Liebe Kolleginnen und Kollegen!\n\n"
            "Die Binnenschifffahrt hat in unserem Land eine lange Tradition, und ich bin stolz "
            "darauf, wie Sie auch in schwierigen Zeiten die Versorgung gesichert haben.\n\n"
            "Ich danke Ihnen für Ihren Einsatz bei Niedrigwasser und Hochwasser, bei Tag und "
            "bei Nacht, und wir werden uns weiter für gute Bedingungen auf den Flüssen "
            "einsetzen.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 2 and {who for _, who in said} == {"hans-beispiel"}
    assert not any(words.startswith("Am zweiten Sonntag") for words, _ in said)


def test_a_name_under_the_writers_possessive_signs_the_letter():
    text = ("Привет всем участникам фестиваля\n"
            "Уже двадцать лет наш клуб собирает любителей авторской песни на берегу озера, и "
            "я рад, что в этом году нас снова будет больше, чем прежде.\n"
            "Мы подготовили для вас новую сцену, мастер-классы и вечерний концерт у костра, "
            "а наши волонтёры помогут с палатками и дорогой.\n"
            "До встречи на озере!\n"
            "Ваш\n"
            "Пётр Примеров\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert said and {who for _, who in said} == {"petr-primerov"}


def test_a_tv_programmes_name_and_role_labels_open_turns():
    text = ("National Television Service\n\n"
            "Broadcast: 14/03/2011\n\n"
            "Rail line closure angers country towns\n\n"
            "Reporter: Tom Example\n\n"
            "ANNA HOST: Good evening. The state government has confirmed that the northern rail "
            "line will close at the end of the year, leaving a dozen towns without a train. "
            "Tom Example reports.\n\n"
            "TOM EXAMPLE, REPORTER: For more than a century the train has stopped at this "
            "platform twice a day. From January it will not stop at all.\n\n"
            "MARY SAMPLE, MAYOR OF NORTHTOWN: We were never asked. The line is how our older "
            "people get to the hospital in the city.\n\n"
            "DR PETER TRIAL, TRANSPORT ECONOMIST, CITY UNIVERSITY. The figures show the line "
            "has lost passengers every year for a decade, and buses would cost far less.\n")
    kind, said, _ = proposed(text, published=DAY)
    drafted = draft(text, {}, {}, published=DAY)
    assert kind == "transcript"
    assert drafted.title == "Rail line closure angers country towns"
    assert [who for _, who in said] == ["mary-sample", "peter-trial"]
    assert said[1][0].startswith("The figures show")


def test_a_stations_name_an_issue_line_and_a_caption_are_no_title():
    text = ("Norddeutscher Rundfunk\n\n"
            "Ausgabe 12 vom 03.05.2019\n\n"
            "Foto: Anna Beispiel\n\n"
            "Der letzte Fischer vom Deich\n\n"
            "Seit vierzig Jahren fährt Hans Beispiel jeden Morgen hinaus auf das Wattenmeer, "
            "bei jedem Wetter und zu jeder Jahreszeit.\n")
    assert draft(text, {}, {}, published=DAY).title == "Der letzte Fischer vom Deich"


def test_a_first_person_letter_signed_by_name_and_office_is_the_writers_statement():
    text = ("Depuis quinze ans, j’ai eu la chance de diriger le chœur de notre ville et de "
            "partager avec vous des saisons inoubliables, des églises de campagne aux grandes "
            "salles.\n"
            "Je quitterai mes fonctions à la fin de la saison prochaine, mais je resterai "
            "parmi vous, et je suivrai avec joie le chemin que le chœur prendra.\n"
            "Je sais que ce que nous avons construit ensemble durera, grâce à votre fidélité "
            "et à l’engagement de nos choristes.\n"
            "Marie Exemple, cheffe de chœur, Chœur municipal de Sainte-Exemple\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 3 and {who for _, who in said} == {"marie-exemple"}
    assert not any(words.startswith("Marie Exemple") for words, _ in said)


def test_a_speakers_heading_printed_twice_opens_no_turn_of_its_own():
    text = ("Jane Example: Dear friends, welcome to the new museum season!\n\n"
            "Jane Example: Dear friends, welcome to the new museum season!\n\n"
            "Dear friends, welcome to the new museum season!\n\n"
            "It will bring new exhibitions, concerts in the galleries and workshops for "
            "families. Our collections tell the story of the region and of the people who "
            "built it over the centuries.\n\n"
            "I thank the curators and the volunteers, whose work has kept the museum open "
            "through the hardest years and brought thousands of schoolchildren through its "
            "doors.\n")
    _, said, _ = proposed(text, published=DAY)
    assert len(said) == 2 and {who for _, who in said} == {"jane-example"}
    assert said[0][0].startswith("It will bring")


def test_the_guest_the_leads_sentence_opens_on_answers_the_interview():
    text = ("Le pain du village\n\n"
            "Le pain, tout le monde l’aime. Mais qui se lève à trois heures pour le faire ? "
            "Je suis allée à la rencontre d’un artisan. Marie Exemple tient la boulangerie de "
            "la place depuis vingt ans.\n\n"
            "– Comment êtes-vous devenue boulangère ?\n\n"
            "– Je suis tombée dedans petite, mes parents avaient déjà le fournil et je les "
            "aidais le samedi.\n\n"
            "– Vous vous levez vraiment si tôt ?\n\n"
            "– Tous les jours sauf le lundi. Je m’y suis habituée, et j’aime le calme du "
            "fournil avant l’aube.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert said and {who for _, who in said} == {"marie-exemple"}


def test_where_the_person_named_works_is_not_the_speaker():
    text = ("Les vendanges ont commencé mardi dans le vignoble.\n\n"
            "« Nous avons moins de pourriture que l’an dernier et les raisins sont bien "
            "mûrs », a déclaré le viticulteur Jean Exemple du Domaine des Collines à "
            "Sainte-Exemple.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["jean-exemple"]


def test_a_verb_of_how_the_words_were_voiced_signs_the_quotation():
    text = ("One more moment from the ceremony, caught by the reporters of a news agency:\n\n"
            "\"Now comes the anthem. Now we only need to know the words!\" whispered Governor "
            "Jane Example on the stage to the guests beside her.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["jane-example"]


def test_a_notice_wrapped_around_a_speech_is_not_the_speakers_words():
    text = ("Neujahrsempfang im Rathaus\n\n"
            "Am 10. Januar fand der traditionelle Neujahrsempfang der Handwerkskammer im "
            "Rathaus statt.\n\n"
            "Der Präsident der Kammer, Hans Beispiel, begrüßte rund dreihundert Gäste aus "
            "Handwerk, Politik und Verwaltung.\n\n"
            "Die Oberbürgermeisterin lobte den Einsatz der Betriebe für die Ausbildung junger "
            "Menschen in der Region.\n\n"
            "Rede des Präsidenten Hans Beispiel\n\n"
            "Sehr geehrte Frau Oberbürgermeisterin,\n\n"
            "meine sehr geehrten Damen und Herren,\n\n"
            "in einer Umfrage haben acht von zehn Bürgern gesagt, dass sie dem Handwerk mehr "
            "vertrauen als jeder anderen Branche unseres Landes.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert [who for _, who in said] == ["hans-beispiel"]
    assert said[0][0].startswith("in einer Umfrage")


def test_the_interviewers_box_and_remark_are_no_answer():
    text = ("Sie führt seit dreißig Jahren die Dorfschule. Im Interview erzählt sie, warum sie "
            "den Beruf noch immer liebt.\n\n"
            "Frau Beispiel, wann hat Ihr Tag heute angefangen?\n\n"
            "Anna Muster Redakteurin im Ressort Region der Musterstädter Zeitung.\n\n"
            "Um sechs Uhr, wie jeden Tag. Ich mag die ruhige Stunde, bevor die Kinder kommen, "
            "und bereite dann den Unterricht vor.\n\n"
            "Sie halten nichts von neuen Lehrplänen!\n\n"
            "Doch, aber ich prüfe sie zuerst an meinen Schülern. Was bei ihnen nicht ankommt, "
            "lasse ich weg, so habe ich es immer gehalten.\n\n"
            "Wie viele Kinder haben Sie in diesem Jahr?\n\n"
            "Es sind achtzehn in drei Jahrgängen. Ich kenne jedes von ihnen und auch ihre "
            "Eltern seit vielen Jahren.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert not any(words.startswith("Anna Muster") for words, _ in said)
    assert not any(words.startswith("Sie halten nichts") for words, _ in said)


def test_a_congratulation_said_on_behalf_of_a_body_is_a_formula():
    text = ("Every year on 25 June seafarers around the world are honoured. On this day the "
            "union's chair Jane Example congratulated its members:\n\n"
            "Dear colleagues!\n\n"
            "On behalf of the Seafarers' Union and personally, congratulations on the Day of "
            "the Seafarer!\n\n"
            "Shipping has always carried our trade and our people across the oceans, and "
            "without your work our ports and our economy would stand still.\n\n"
            "Thanks to your skill and your dedication the industry has come through the "
            "hardest years, and I am proud to stand with you.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 2 and {who for _, who in said} == {"jane-example"}
    assert not any(words.startswith("On behalf of") for words, _ in said)
