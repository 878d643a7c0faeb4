"""Transcripts as editors get them: a press conference's record cut after its first turn, labels
on their own line with the recording's time, radio labels with an initial and no colon, the
guest whom the heading names told from the hosts, the asides and greetings between turns, and a
speech's header and salutation."""

from __future__ import annotations

import test_new_kinds
from drafts import registry_of

from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2015, 6, 12)
people = test_new_kinds.people
"""The corpus's people registry, loaded as `new` loads it."""


def proposed(drafted) -> list[tuple[str, str]]:
    return [(speaker_id(q), q.text.split()[0]) for q in drafted.quotes]


def test_a_press_conference_cut_after_its_first_turn_is_a_transcript(people):
    text = ("Regierungspressekonferenz vom 12. Juni 2015\n\n"
            "Themen: Termine der Bundeskanzlerin, Elektromobilität, finanzielle Lage "
            "Griechenlands, Lage im Jemen, Vorratsdatenspeicherung\n\n"
            "Sprecher: StS Seibert, Jäger (BMF), Strater (BMVI), Schäfer (AA)\n\n"
            "Vorsitzender Leifert eröffnet die Pressekonferenz und begrüßt StS Seibert sowie "
            "die Sprecherinnen und Sprecher der Ministerien.\n\n"
            "StS Seibert: Ich habe einen Überblick über die öffentlichen Termine der "
            "Bundeskanzlerin in der kommenden Woche.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert proposed(drafted) == [("steffen-seibert", "Ich")]


def test_labels_on_their_own_line_with_the_recordings_time_open_turns(people):
    text = ("State Department Press Briefing\n\n"
            "Matthew Miller (00:00):\n\n"
            "Afternoon, everyone. Let me start with some opening comments on Georgia today.\n\n"
            "(00:12)\nThe United States remains deeply concerned by the actions of the "
            "government.\n\n"
            "Matt (01:49):\n\nOh, that’s it? Nothing else.\n\n"
            "Matthew Miller (01:50):\n\nThat’s it. That’s it.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert proposed(drafted) == [("matthew-miller", "Afternoon,"), ("matthew-miller", "The")]


def test_the_guest_the_heading_names_is_quoted_and_not_the_hosts(people):
    text = ("Кусок эфира\n\n20 февраля 2018\n\n"
            "Фрагмент передачи «Разбор полёта» с кандидатом в президенты Максимом Сурайкиным\n\n"
            "А.Ежов В предыдущей части программы много говорили о Сталине, в оценках вы "
            "достаточно позитивны…\n\n"
            "М.Сурайкин Я убежденный сталинист, потому что Сталин — это прежде всего "
            "государственник.\n\n"
            "Ст.Крючков И средства, которые здесь применялись, не имеют значения?\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert [q.text.split()[0] for q in drafted.quotes] == ["Я"]
    assert speaker_id(drafted.quotes[0]).endswith("suraykin")


def test_a_six_word_answer_is_quoted_but_not_greetings(people):
    text = ("Entretien avec Nathalie Loiseau sur France Inter\n\n"
            "Q - Bonjour Nathalie Loiseau.\n\n"
            "R - Bonjour à vous deux. Bonjour aux auditeurs.\n\n"
            "Q - Le quinquennat sera-t-il européen selon vous ?\n\n"
            "R - Le quinquennat sera européen, je pense.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [q.text for q in drafted.quotes] == ["Le quinquennat sera européen, je pense."]
    assert speaker_id(drafted.quotes[0]) == "nathalie-loiseau"


def test_a_speechs_header_and_salutation_are_not_quoted(people):
    text = ("Новогоднее обращение президента Владимира Путина\n\n"
            "Традиционное новогоднее обращение президента России Владимира Путина к народу.\n\n"
            "Уважаемые граждане России! Дорогие друзья!\n\n"
            "Год уходит. Он был непростым, но трудности, с которыми мы столкнулись, сплотили "
            "нас и побудили открыть огромные резервы наших возможностей.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "statement"
    assert [(speaker_id(q), q.text.split()[0]) for q in drafted.quotes] == [
        ("vladimir-putin", "Год")]


def test_a_speaker_labelled_by_initial_gets_the_first_name_they_are_addressed_by(people):
    text = ("Приём граждан в общественной приёмной\n\n"
            "Д.Медведев: Пожалуйста, Валерий Николаевич, расскажите, с чем вы пришли сегодня.\n\n"
            "В.Асикритов: Я директор детского дома для особых детей, которые нуждаются в нашей "
            "помощи.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert ("valeriy-asikritov", "Я") in [(speaker_id(q), q.text.split()[0])
                                          for q in drafted.quotes]


def test_a_heading_with_a_colon_is_no_turn_and_a_title_before_a_name_is_stripped():
    text = ("Transcript: Round table with Attorney General Peter Q. Sample – March 3, 2015\n\n"
            "The following is a transcript of a round table with Attorney General Peter Q. "
            "Sample:\n\n"
            "QUESTION: How do you see the new guidelines for the courts this year?\n\n"
            "ATTORNEY GENERAL SAMPLE: I think they are a step forward, and I have said so to "
            "the judges when we met last week in Boston.\n\n"
            "QUESTION: Will you change them?\n\n"
            "ATTORNEY GENERAL SAMPLE: Not before we have heard from every court, which will "
            "take at least until the summer.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "transcript"
    # Two answers, both by the full name the text gives (its middle initial passed over); not
    # the heading, not the line introducing the transcript.
    assert proposed(drafted) == [("peter-sample", "I"), ("peter-sample", "Not")]
    assert {q.name for q in drafted.quotes} == {"Peter Sample"}


def test_an_interviewer_labelled_by_full_name_then_surname_is_not_quoted():
    text = ("Anna Frager: In manchen Regionen hat es seit Monaten nicht geregnet, und die Bauern "
            "schlagen Alarm. Heute beraten Bund und Länder über die Lage.\n\n"
            "Am Telefon ist jetzt Karl Gast, Landwirtschaftsminister. Guten Morgen!\n\n"
            "Karl Gast: Guten Morgen!\n\n"
            "Frager: Herr Gast, wie dramatisch ist die Lage in Ihrem Land?\n\n"
            "Gast: Wir haben seit Ostern kaum Niederschlag gehabt und rechnen mit Einbußen von "
            "deutlich über dreißig Prozent bei Getreide.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert proposed(drafted) == [("karl-gast", "Wir")]


def test_a_dash_led_question_and_its_answer_are_an_interview_of_the_one_the_header_says_speaks(
        people):
    text = ("В интервью корреспонденту агентства Ивану Петрову академик Сидоров рассказал о "
            "своем отношении к реформе науки и о планах академии на следующий год.\n\n"
            "- Пётр Ильич, вы на посту президента академии уже два месяца. Что лично вы "
            "считаете самым главным итогом этих двух месяцев?\n\n"
            "- Я думаю, что самым главным итогом является то, что мы постепенно двигаемся к "
            "согласию с органами власти о роли академии в развитии науки.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    # The answer, not the question, by the academician: first name from the question, surname
    # from the header; not the correspondent named first.
    assert proposed(drafted) == [("petr-sidorov", "Я")]


def test_an_office_label_is_the_holder_the_title_names_and_answers_even_when_asking(people):
    # 'THE PRESIDENT:' is whoever the text names so ('President Biden And Governor …': the name
    # ends at 'And'), and an official's turn, though it ends on a question.
    text = ("President Biden And Governor Hochul Tour Flood Damage\n\n"
            "THE PRESIDENT: Thank you all for coming out this morning. We are here to see what "
            "the storm did to these towns, and to make sure that the help arrives. Okay?\n\n"
            "GOVERNOR HOCHUL: Thank you, Mr. President. The water came up faster than anyone "
            "here thought it would, and the people of this valley lost almost everything.\n\n"
            "THE PRESIDENT: Are you all getting what you need from the federal teams? We will "
            "stay as long as it takes to rebuild every home and every road in this valley.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2023, 7, 12))
    assert drafted.kind == "transcript"
    assert proposed(drafted)[0] == ("joe-biden", "Thank")
    assert ("joe-biden", "Are") in proposed(drafted)


_OVAL_OFFICE = ("Oval Office\n\n4:02 P.M. EST\n\n"
                "THE PRESIDENT: Good afternoon. I want to say a few words about the storm and "
                "about what we are doing for the people in its path tonight. All right?\n\n"
                "MODERATOR: Thank you, Mr. President.\n\n"
                "THE PRESIDENT: We have sent every team we have, and we will send more as soon "
                "as the governors ask us for them.\n")


def test_an_office_the_text_never_names_is_the_registrys_holder_that_year(tmp_path):
    people = registry_of(tmp_path, (
        'joe-biden: {name: Joe Biden, kind: person,'
        ' role: "President of the United States (2021-2025)"}\n'
        'barack-obama: {name: Barack Obama, kind: person,'
        ' role: "President of the United States (2009-2017)"}\n'))
    assert [who for who, _ in proposed(draft(_OVAL_OFFICE, people, {},
                                             published=FuzzyDate(2024, 3, 10)))
            ] == ["joe-biden", "joe-biden"]


def test_an_office_two_held_that_year_is_no_ones_unless_the_text_names_one(people):
    # The corpus's registry has two Presidents in 2024, of the United States and of Iceland.
    assert {"joe-biden", "gudni-johannesson"} <= people.keys()
    drafted = draft(_OVAL_OFFICE, people, {}, published=FuzzyDate(2024, 3, 10))
    assert [who for who, _ in proposed(drafted)] == ["who-said-it", "who-said-it"]
    assert {q.role for q in drafted.quotes} == {"President"}
    named = "Remarks by President Biden on the Storm\n\n" + _OVAL_OFFICE
    assert [who for who, _ in proposed(draft(named, people, {},
                                             published=FuzzyDate(2024, 3, 10)))
            ] == ["joe-biden", "joe-biden"]


def test_the_vice_presidents_turns_are_never_the_presidents(people):
    text = ("Remarks by President Biden and the Vice President on the Storm\n\n"
            "THE PRESIDENT: Good afternoon. We have sent every team we have to the coast, and we "
            "will send more as soon as the governors ask us for them.\n\n"
            "THE VICE PRESIDENT: Thank you, Mr. President. I spoke with the mayors this morning, "
            "and they told me the shelters are full and need more cots tonight.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2024, 3, 10))
    assert dict((first, who) for who, first in proposed(drafted))["Good"] == "joe-biden"
    assert dict((first, who) for who, first in proposed(drafted)).get("Thank") != "joe-biden"


def test_a_name_in_capitals_over_an_office_and_a_transcript_drafts_without_error(people):
    # The heading names a registry person, and the same lines read as a sentence's subject
    # that resolves to no one: both at one place in the text, which once stopped `new`.
    text = ("TRANSCRIPT - RADIO INTERVIEW - MORNING SHOW - MONDAY, 14 MARCH 2022\n\n"
            "BORIS JOHNSON MP\nPRIME MINISTER\nMEMBER FOR UXBRIDGE\n\n"
            "SUBJECT: Energy bills.\n\n"
            "ANNA SMITH, HOST: Prime Minister, welcome back to the programme this morning.\n\n"
            "BORIS JOHNSON, PRIME MINISTER: Thank you.\n\n"
            "SMITH: What do you say to families facing higher bills this spring?\n\n"
            "JOHNSON: We will help every family with its energy bills this year, and we will "
            "say how in the budget next week.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2022, 3, 14))
    assert drafted.kind == "transcript"
    assert ("boris-johnson", "We") in proposed(drafted)


def test_surnames_alone_label_turns_when_the_text_gives_both_in_full(people):
    text = ("Подкаст «Городские вопросы»\n\n"
            "Ведущий Олег Сметанин поговорил с архитектором Ниной Заречной о новом парке.\n\n"
            "Сметанин: Добрый день, у меня в гостях архитектор Нина Заречная. Нина Петровна, "
            "здравствуйте.\n\n"
            "Заречная: Здравствуйте!\n\n"
            "Сметанин: Нина Петровна, когда откроется парк и что в нём будет?\n\n"
            "Заречная: Олег, парк откроется весной, и в нём будет пруд, детские площадки и "
            "длинная аллея для прогулок.\n\n"
            "Сметанин: А кто за это платит?\n\n"
            "Заречная: Город платит за всё, а жители помогают сажать деревья каждую субботу.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert proposed(drafted) == [("nina-zarechnaya", "Олег,"), ("nina-zarechnaya", "Город")]


def test_answers_labelled_under_unlabelled_questions_are_the_one_the_first_question_names(
        people):
    text = ("Bürgermeisterin Hanna Beispiel, wie fühlt sich der erste Tag an?\n\n"
            "Beispiel: Ungewohnt und schön. Ich muss mich erst an das neue Büro gewöhnen.\n\n"
            "Was planen Sie für die ersten hundert Tage im Amt?\n\n"
            "Beispiel: Ich will zuerst alle Schulen besuchen und dann den Haushalt prüfen.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert proposed(drafted) == [("hanna-beispiel", "Ungewohnt"), ("hanna-beispiel", "Ich")]


def test_an_interview_answering_with_on_is_one_when_its_questions_address_the_guest(people):
    text = ("Bonjour Lucie Exemple. Vous êtes adjointe au maire chargée des parcs. La ville a "
            "perdu des arbres cet été, est-ce un échec ?\n\n"
            "Non, c'est un avertissement. On replante deux mille arbres cet hiver dans tous les "
            "quartiers de la ville.\n\n"
            "Et les quartiers nord, oubliés depuis dix ans ?\n\n"
            "On commence par eux. Les premiers chantiers ouvrent en novembre près des écoles.\n\n"
            "Qui paie ces plantations ?\n\n"
            "La ville seule, avec un budget de trois millions d'euros sur deux ans.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert [speaker_id(q) for q in drafted.quotes] == ["lucie-exemple"] * 3


def test_an_interviewers_remarks_without_a_question_mark_are_not_the_guests_answers(people):
    text = ("Le maire Paul Exemple est l'invité de Marie Durand.\n\n"
            "Paul Exemple répond aux questions de Marie Durand\n\n"
            "Le marché de Noël ouvre samedi, la sécurité est-elle renforcée ?\n\n"
            "Oui, nettement. J'ai demandé deux fois plus d'agents que l'an dernier sur la "
            "place.\n\n"
            "Même l'opposition dit que ce serait une dépense inutile.\n\n"
            "La sécurité des familles n'est jamais une dépense inutile, on doit la garantir.\n\n"
            "Le préfet Jean Dupont disait hier : « la menace reste élevée ». Vous êtes "
            "d'accord ?\n\n"
            "Je partage son analyse, et nous avons adapté le dispositif en conséquence.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert [(speaker_id(q), q.text.split()[0]) for q in drafted.quotes] == [
        ("jean-dupont", "la"), ("paul-exemple", "Oui,"), ("paul-exemple", "La"),
        ("paul-exemple", "Je")]
