"""`build-dossier new` on live pages labelling entries by party ('Grüne:', 'LR :'): the party is
no person; the speaker is whom the entry names, or no one. And names in another
transliteration than the registry's resolving to the person it holds (round eleven's causes)."""

from __future__ import annotations

from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.language import person_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2020, 9, 13)


def drafted(text: str, people: dict[str, Person] | None = None) -> list[tuple[str, str]]:
    return [(speaker_id(q), q.text) for q in draft(text, people or {}, {}, published=DAY).quotes]


def test_a_party_label_gives_the_words_to_the_one_the_entry_names():
    text = ("Soirée électorale : les réactions\n\n"
            "Suivez notre live de la soirée électorale.\n\n"
            "20h15 - LR : « Nous avons perdu une bataille, pas la guerre, et nous reviendrons "
            "plus forts »\n\n"
            "Le sénateur Paul Exemple a réagi ainsi au siège du parti.\n\n"
            "20h40 - Les résultats\n\n"
            "Marie Martin, porte-parole du mouvement, a déclaré : « Ce soir, la gauche est de "
            "retour dans cette ville et nous allons gouverner ensemble. »\n")
    speakers = [who for who, _ in drafted(text)]
    assert speakers[0] == "paul-exemple"
    assert "lr" not in speakers and speakers[-1] == "marie-martin"


def test_a_party_label_over_an_entry_naming_no_speaker_is_no_ones():
    text = ("Der Wahlabend im Ticker\n\n"
            "Alle Stimmen im Liveticker.\n\n"
            "19:10 Uhr – SPD: „Das ist ein schwerer Abend für uns alle in der Partei“\n\n"
            "Die Stimmung auf der Wahlparty ist gedrückt, viele Mitglieder sind früh gegangen.\n\n"
            "19:30 Uhr – Grüne: „Wir sind zum ersten Mal die stärkste Kraft in der Stadt“\n\n"
            "Landesvorsitzende Anna Beispiel sagte, man werde nun mit allen Parteien reden.\n")
    speakers = dict((words, who) for who, words in drafted(text))
    assert speakers["Das ist ein schwerer Abend für uns alle in der Partei"] == "who-said-it"
    assert speakers["Wir sind zum ersten Mal die stärkste Kraft in der Stadt"] == "anna-beispiel"
    assert not {"spd", "grune"} & set(speakers.values())


def test_a_name_in_another_transliteration_is_the_registrys_person():
    people = {"andrey-kondratyev": Person("andrey-kondratyev", "Andrey Kondratyev"),
              "yevgeny-gromov": Person("yevgeny-gromov", "Yevgeny Gromov")}
    russian = ("Выборы прошли спокойно\n\n"
               "«Серьёзных нарушений на участках не зафиксировано», — сообщил глава комиссии "
               "Андрей Кондратьев.\n\n"
               "«Явка оказалась выше, чем ожидали мы все», — заявил Евгений Громов.\n")
    english = ("Election passes calmly\n\n"
               "The commission's head Andrei Kondratev said: \"There were no serious incidents "
               "at the polling stations.\"\n\n"
               "\"The turnout was higher than all of us expected,\" said Evgeniy Gromov.\n")
    assert [who for who, _ in drafted(russian, people)] == ["andrey-kondratyev",
                                                           "yevgeny-gromov"]
    assert [who for who, _ in drafted(english, people)] == ["andrey-kondratyev",
                                                           "yevgeny-gromov"]


def test_a_new_persons_soft_sign_before_e_is_written_ye():
    assert person_id("Михаил Игнатьев") == "mikhail-ignatyev"
    assert person_id("Ольга Васильева") == "olga-vasilyeva"


def test_il_after_a_verb_of_speech_is_the_last_one_reported_speaking_not_one_mentioned_since():
    text = ("Crues : douze communes sinistrées\n\n"
            "Douze communes ont demandé l'aide de l'État après les crues, a indiqué le maire de "
            "Exempleville Jacques Martin. Lors de sa venue, Claire Durand avait promis une "
            "réponse rapide.\n\n"
            "\"Nous avons transmis tous les dossiers à la préfecture dès ce matin\", a-t-il "
            "précisé devant la presse.\n")
    assert drafted(text) == [
        ("jacques-martin", "Douze communes ont demandé l'aide de l'État après les crues"),
        ("jacques-martin", "Nous avons transmis tous les dossiers à la préfecture dès ce matin")]


def test_er_is_whoever_his_own_paragraph_names_even_if_not_speaking():
    text = ("Reform im Streit\n\n"
            "Ministerin Anna Beispiel sagte, die Länder müssten zustimmen.\n\n"
            "Auch Bernd Muster will die Reform nicht allein durchsetzen. \"Wir müssen zu einem "
            "gemeinsamen Ergebnis kommen\", betonte er.\n")
    assert [who for who, _ in drafted(text)][-1] == "bernd-muster"


def test_a_russian_interview_under_a_headline_question_is_a_transcript_of_its_answers():
    text = ("\"Разве новый мост может подождать?\"\n"
            "Новый мэр Примерска Олег Образцов, специально для нашей газеты\n"
            "Мэр Примерска ОЛЕГ ОБРАЗЦОВ, вступивший в должность на прошлой неделе, уверен, что "
            "город успеет построить новый мост. О своих планах он рассказал нашему "
            "корреспонденту ИВАНУ ПЕТРОВУ.\n"
            "— В своей программе, которую вы представили депутатам, вы почти ничего не "
            "говорите о старом мосте через реку, хотя горожане о нём спрашивают постоянно.\n"
            "— Я думаю, что старый мост мы закроем уже этой осенью. Новый будет готов через два "
            "года, и деньги на него в бюджете уже есть.\n")
    d = draft(text, {}, {}, published=DAY)
    assert d.kind == "transcript"
    assert [(speaker_id(q), q.text[:20]) for q in d.quotes] == [
        ("oleg-obraztsov", "Разве новый мост мож"), ("oleg-obraztsov", "Я думаю, что старый ")]


def test_an_interviews_introduction_reports_the_interviewee_by_his_pronoun():
    text = ("Anna Autorin\n\n"
            "Erfurt (ABC) Erst am Montag senkte der Landesverband der Imker seine Prognose, "
            "Verbandschef Karl Honig hält die Lage für ernst. Die Imker stellten sich auf "
            "Verluste in Millionenhöhe ein, sagt er im Gespräch mit Anna Autorin.\n\n"
            "Herr Honig, wie geht es Ihren Bienen in diesem Sommer?\n\n"
            "Ich habe in diesem Jahr ein Drittel meiner Völker verloren. Der Sommer war viel "
            "zu trocken, und die Blüte war kurz.\n\n"
            "Was muss jetzt geschehen, damit es besser wird?\n\n"
            "Wir brauchen schnell Hilfe vom Land, sonst geben viele kleine Betriebe auf. Ich "
            "kenne schon mehrere, die aufhören wollen.\n")
    found = drafted(text)
    assert ("karl-honig", "Die Imker stellten sich auf Verluste in Millionenhöhe ein") in found
    assert {who for who, _ in found} == {"karl-honig"}


def test_a_press_conferences_introduction_reports_its_speaker():
    text = ("Press conference on the new budget\n\n"
            "Finance Minister Jane Roe said on Monday that spending on schools would rise by a "
            "tenth next year.\n\n"
            "MINISTER ROE: Good morning. We have worked hard on this budget for many months, "
            "and I am proud of what it does for our schools and hospitals.\n\n"
            "Q: Will taxes go up?\n\n"
            "MINISTER ROE: No. We will pay for every measure in this budget without raising "
            "a single tax on working families.\n")
    found = drafted(text)
    assert found[0] == ("jane-roe", "spending on schools would rise by a tenth next year")
    assert {who for who, _ in found} == {"jane-roe"}
