"""What an editor sees first in a draft from `build-dossier new`: the title is the text's
heading (not its dateline or byline), a transcript quotes its official and not the moderator or
the journalists, a live page's items are attributed within each item, unnamed officials and
pronouns are resolved, no first name is invented, and the language is told in any script."""

from __future__ import annotations

import pytest
import test_new_kinds

from bench.measure_new import CORPUS
from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.language import detect_language
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2023, 5, 12)
people = test_new_kinds.people
"""The corpus's people registry, loaded as `new` loads it."""


def speakers(drafted) -> list[str]:
    return [speaker_id(q) for q in drafted.quotes]


@pytest.mark.parametrize("above", [
    "Published 2 сентября 2021, 09:34", "Updated 12 May 2023, 10:15 BST",
    "Last updated 12 May 2023", "Опубликовано 14 марта 2024, 10:26",
    "Veröffentlicht am 12.05.2023, 17:30 Uhr", "Publié le 12 mai 2023 à 10h30",
    "12 May 2023, 10:26", "By Jane Doe", "Текст: Катерина Туманова",
    "Live updates", "Im Wortlaut", "Updated\n30 min ago\nPublished\n36 min ago",
    "·32 min read", "Advertisement\nBy:\nReuters",
    "August 11, 2015 / 11:51 PM / 2 years ago", "Bundespräsident\n08.12.2021",
    "Schattenblick → INFOPOOL → PARLAMENT → FAKTEN",
])
def test_a_dateline_byline_or_page_label_is_never_the_title(people, above):
    text = (f"{above}\n\nMinisters agree to talk again in June\n\n"
            "“We will meet again next month,” Boris Johnson said on Friday in London.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.title == "Ministers agree to talk again in June"
    assert any("below its dateline, byline or page labels" in n for n in drafted.notes)


def test_a_headline_that_is_the_first_line_stays_the_title(people):
    text = "Johnson speaks\n\n“We will meet again next month,” Boris Johnson said on Friday.\n"
    assert draft(text, people, {}, published=DAY).title == "Johnson speaks"


BRIEFING = """\
Department Press Briefing

MODERATOR: Good afternoon, everyone. Today our spokesperson, Ned Price, takes your questions. \
Ned, over to you.

MR PRICE: Thank you very much. We are deeply concerned by the reports of fighting in the north \
and we call on all sides to stop at once.

QUESTION: Ned, can you tell us whether the Secretary will travel to the region next week?

MR PRICE: The Secretary has no plans to travel to the region next week, but we are in close \
touch with our partners there.

Q: And on the talks with Russia, is there a date for the next round yet?

MR PRICE: There is no date yet; we will let you know as soon as one has been agreed by both.
"""


def test_a_labelled_transcript_quotes_its_official_not_the_moderator_or_journalists(people):
    drafted = draft(BRIEFING, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    # The label's surname, completed by the introduction the text gives.
    assert speakers(drafted) == ["ned-price"] * 3
    assert {q.name for q in drafted.quotes} == {"Ned Price"}
    assert not any(q.text.startswith(("Good afternoon", "Ned, can you", "And on the talks"))
                   for q in drafted.quotes)


def test_a_transcript_label_gets_no_first_name_the_text_never_gives(people):
    text = BRIEFING.replace("our spokesperson, Ned Price,", "our spokesperson").replace(
        "Ned, over to you.", "Over to you.").replace("Ned, can you", "Can you")
    drafted = draft(text, people, {}, published=DAY)
    assert {q.name for q in drafted.quotes} == {"Price"}


SEIBERT = ("Pressekonferenz\n\nVors. Welty: Wir beginnen mit den Terminen der Woche, bitte.\n\n"
           "StS Seibert: Am Montag trifft die Bundeskanzlerin die Vertreter der Länder in Berlin "
           "zu einem langen Gespräch.\n\nFrage: Wird sie danach vor die Presse treten, Herr "
           "Seibert?\n\nStS Seibert: Ja, nach dem Gespräch wird es eine kurze Pressebegegnung "
           "im Kanzleramt geben.\n")
DUJARRIC = ("Noon briefing\n\nThe following is a near-verbatim transcript of today's noon "
            "briefing by Stéphane Dujarric, Spokesman for the Secretary-General.\n\nSpokesman: "
            "The Secretary-General is deeply concerned by the fighting and calls for restraint."
            "\n\nCorrespondent: Has he spoken to the President about the fighting, Stéphane?\n\n"
            "Spokesman: He has not spoken to him today, but he expects to do so in the coming "
            "days.\n")


@pytest.mark.parametrize(("text", "speaker", "role"), [
    (SEIBERT, "steffen-seibert", ""),
    # A label that is an office takes the name the text gives its holder.
    (DUJARRIC, "stephane-dujarric", "Spokesman"),
])
def test_labels_resolve_to_the_registry_or_to_whom_the_text_names(people, text, speaker, role):
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == [speaker, speaker]
    assert {q.role for q in drafted.quotes} == {role}


LIVE = """\
Live updates

Johnson most senior minister while May is away

Foreign Secretary Boris Johnson is the most senior duty minister in Whitehall while the Prime \
Minister is on holiday, Downing Street has said.

The Prime Minister is very much in charge and is constantly kept abreast of what is going on.

– Number 10 spokesman

Barnier: talks can go on

The European Union's negotiators met again on Friday morning in Brussels, and Michel Barnier \
spoke to reporters afterwards. "Our door remains open until the very last day," he told them.

Merkel in Paris for talks

The German Chancellor flew to Paris on Friday for talks with the French President over the \
budget. "We have a great deal of work ahead of us this weekend," Angela Merkel said.
"""


@pytest.mark.parametrize("header", ["Live updates\n\n", ""])
def test_a_live_page_without_timestamps_attributes_each_items_quotes(people, header):
    drafted = draft(LIVE.replace("Live updates\n\n", header), people, {}, published=DAY)
    assert drafted.kind == "live"
    assert drafted.title == "Johnson most senior minister while May is away"
    # 'Barnier: talks can go on', an entry's heading in his name, is his reported speech.
    assert speakers(drafted) == ["number-10-spokesman", "michel-barnier", "michel-barnier",
                                 "angela-merkel"]
    assert [q.kind for q in drafted.quotes if q.text == "talks can go on"] == ["paraphrase"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Talks\n\nDmitry Peskov spoke to reporters in Moscow on Friday morning. He said that the "
     "talks would go on next week in Geneva.\n", "dmitry-peskov"),
    ("Talks\n\nThe talks will go on next week, according to Sergey Lavrov, who spoke in "
     "Moscow.\n", "sergey-lavrov"),
    ("Gespräche\n\nDemnach sagte Merkel: „Wir werden die Gespräche in Genf fortsetzen.“\n",
     "angela-merkel"),
    ("Переговоры\n\n«Мы продолжим переговоры на следующей неделе», — заявил Лавров.\n",
     "sergey-lavrov"),
    ("Négociations\n\nSelon François Hollande, les négociations reprendront la semaine "
     "prochaine à Genève.\n", "francois-hollande"),
    ("Talks\n\nHowever, a Kremlin spokesman stressed that the talks would go on next week "
     "in Geneva.\n", "kremlin-spokesman"),
    ("Talks\n\nThe talks will go on next week in Geneva, Sergey Lavrov told reporters on "
     "Friday.\n", "sergey-lavrov"),
    ("Talks\n\nAsked about the talks, Mr Lavrov replied: “They will go on next week.”\n",
     "sergey-lavrov"),
    ("Négociations\n\n« Nous reprendrons les négociations la semaine prochaine », a déclaré le "
     "président de la République, François Hollande, à l'issue de la rencontre.\n",
     "francois-hollande"),
    ("Переговоры\n\nПрезидент Владимир Путин встретился с журналистами.\n— Мы продолжим "
     "переговоры на следующей неделе, — отметил глава государства.\n", "vladimir-putin"),
])
def test_news_speakers_are_found_before_after_and_through_pronouns(people, text, speaker):
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == [speaker]


@pytest.mark.parametrize(("text", "code"), [
    ("Министр иностранных дел заявил журналистам, что переговоры продолжатся.", "ru"),
    ("Міністр закордонних справ заявив журналістам, що переговори триватимуть.", "uk"),
    ("Der Außenminister sagte den Journalisten, die Gespräche gingen weiter.", "de"),
    ("El ministro de Asuntos Exteriores dijo que las conversaciones continuarán.", "es"),
    ("De minister van Buitenlandse Zaken zei dat de gesprekken doorgaan.", "nl"),
    ("Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες θα συνεχιστούν.", "el"),
])
def test_the_language_is_told_in_any_script(text, code):
    found = detect_language(text)
    assert found is not None and found[0] == code


@pytest.mark.parametrize(("year", "speaker"), [(2015, "ban-ki-moon"), (2018, "antonio-guterres")])
def test_a_title_names_whoever_held_the_office_on_the_texts_date(people, year, speaker):
    text = ("Secretary-General's press conference\n\nGood afternoon, ladies and gentlemen. I have "
            "just returned from the region, and I want to tell you what I saw there today.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(year, 9, 16))
    assert drafted.kind == "statement"
    assert speakers(drafted) == [speaker]


@pytest.mark.parametrize(("label", "name"), [
    ("SECRETARY BLINKEN", "Antony Blinken"), ("DEPUTY SECRETARY SHERMAN", "Wendy Sherman"),
    ("M. Le Drian", "Jean-Yves Le Drian"), ("MME VON DER LEYEN", "Ursula von der Leyen"),
    ("MR. DEERE", "Deere"),
])
def test_a_label_takes_the_full_name_the_text_gives_and_no_other(people, label, name):
    text = ("Joint press conference\n\nWith Secretary of State Antony Blinken, Deputy Secretary "
            "Wendy Sherman, Jean-Yves Le Drian and Ursula von der Leyen\n\n"
            f"{label}: We have agreed today to meet again next month in Brussels to take stock "
            "of the work.\n\nQUESTION: Will the talks go on?\n\n"
            f"{label}: They will go on for as long as both sides find them useful, and no "
            "longer than that.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert [q.name for q in drafted.quotes] == [name, name]


def test_an_interviews_president_label_is_the_person_the_introduction_names(people):
    text = (CORPUS / "tuned" / "fr-transcript-hollande-2015-11-03.txt").read_text(encoding="utf-8")
    drafted = draft(text, people, {})
    assert drafted.published == FuzzyDate(2015, 11, 3)
    # The greeting is left out, the journalists' questions too.
    assert speakers(drafted) == ["francois-hollande"]
    assert drafted.quotes[0].text.startswith("Il est possible.")


ROUNDUP = """\
What leaders said at the summit
2023.12.02 04:33
DUBAI (Reuters) – World leaders addressed the summit on Saturday.
GERMAN CHANCELLOR OLAF SCHOLZ
“For us it is important that this fund benefits the most vulnerable countries,” he said.
BARBADOS PRIME MINISTER MIA MOTTLEY
“Loss and damage alone, however, is only a part of the equation for all of us here.”
POPE FRANCIS
In a speech read out by Cardinal Pietro Parolin, he said: “I am with you because the \
destruction of the environment is an offence against God.”
"""


def test_a_wire_roundup_gives_each_quotation_to_the_name_heading_it(people):
    drafted = draft(ROUNDUP, people, {})
    assert drafted.published == FuzzyDate(2023, 12, 2)
    assert speakers(drafted) == ["olaf-scholz", "mia-mottley", "pope-francis"]


TICKER = """\
Bundestagswahl im Liveticker

+++ 18:42 Uhr +++ Scholz: „Wir haben einen klaren Auftrag“

SPD-Kanzlerkandidat Olaf Scholz sieht seine Partei vorn. „Die Bürgerinnen und Bürger haben uns \
einen klaren Auftrag gegeben“, sagte er in Berlin.

+++ 18:15 Uhr +++ Baerbock zufrieden

Die Grünen-Chefin Annalena Baerbock zeigte sich zufrieden. „Das ist das beste Ergebnis unserer \
Geschichte“, sagte die Kanzlerkandidatin.
"""


def test_a_tickers_entry_times_and_offices_are_no_names(people):
    drafted = draft(TICKER, people, {}, published=FuzzyDate(2021, 9, 26))
    assert drafted.kind == "live"
    # '+++ 18:42 Uhr +++ Scholz:' is Olaf Scholz; 'die Kanzlerkandidatin' the one named before.
    assert speakers(drafted) == ["olaf-scholz", "olaf-scholz", "annalena-baerbock"]


DIRECT = """\
DIRECT. Réforme des retraites : suivez la journée

12h30 : Le gouvernement ne reculera pas, assure Olivier Véran

Le porte-parole du gouvernement Olivier Véran s'est exprimé sur France Inter. « Nous ne \
reculerons pas sur l'âge de départ », a-t-il déclaré.

11h58 : Laurent Berger appelle à manifester

« Nous serons encore plus nombreux jeudi », a prévenu le secrétaire général de la CFDT, Laurent \
Berger.

11h30 : Un sondage

Selon un sondage publié ce matin, deux Français sur trois sont opposés à la réforme des retraites.
"""


def test_a_french_live_page_reads_its_headlines_and_offices(people):
    drafted = draft(DIRECT, people, {}, published=FuzzyDate(2023, 3, 1))
    assert drafted.kind == "live"
    # The page's own title, its "DIRECT." included, as editors copy it.
    assert drafted.title == "DIRECT. Réforme des retraites : suivez la journée"
    assert [(q.text, speaker_id(q)) for q in drafted.quotes] == [
        ("Le gouvernement ne reculera pas", "olivier-veran"),
        ("Nous ne reculerons pas sur l'âge de départ", "olivier-veran"),
        ("Nous serons encore plus nombreux jeudi", "laurent-berger")]


def test_wire_copy_with_several_datelines_is_drafted_as_live(people):
    text = ("Talks round-up\n\nMOSCOW, Dec 2 (Reuters) - Russia is ready to talk, Sergey Lavrov "
            "told reporters on Friday.\n\nBERLIN, Dec 2 (Reuters) - “We will listen carefully,” "
            "Angela Merkel said in Berlin.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2016, 12, 2))
    assert drafted.kind == "live"
    assert speakers(drafted) == ["sergey-lavrov", "angela-merkel"]


@pytest.mark.parametrize(("above", "day"), [
    ("Updated 3 March 2022, 10:15 GMT\nPublished 1 March 2022, 09:00 GMT", FuzzyDate(2022, 3, 1)),
    ("Aktualisiert am 04.03.2022\nVeröffentlicht am 02.03.2022", FuzzyDate(2022, 3, 2)),
    ("Обновлено 5 марта 2022\nОпубликовано 3 марта 2022", FuzzyDate(2022, 3, 3)),
    # A scraped page runs the publication date into the update: the first is the day.
    ("March 1, 2022updated 30 Sep 2022 9:00am", FuzzyDate(2022, 3, 1)),
])
def test_the_publication_date_is_the_first_publication_not_the_last_update(people, above, day):
    text = (f"{above}\n\nMinisters agree to talk again\n\n“We will meet again,” Boris Johnson "
            "said.\n")
    drafted = draft(text, people, {})
    assert drafted.published == day
    assert drafted.title == "Ministers agree to talk again"


@pytest.mark.parametrize("source_line", [
    "Merci à tous.Source http://www.example.gouv.fr, le 21 mai 2007",
    "Quelle: Pressestelle des Senats, 21. Mai 2007",
    "Источник: пресс-служба, 21 мая 2007 г.",
])
def test_the_date_of_a_source_line_at_the_end_is_the_exact_publication_date(people, source_line):
    # Official sites print where and when a speech was published after it; an earlier date in
    # the speech itself is what it speaks of.
    text = ("Chers amis,\n\nNous avons signé le traité le 3 mars 2005 et nous le tiendrons. "
            f"Je vous remercie.\n\n{source_line}\n")
    drafted = draft(text, people, {})
    assert drafted.published == FuzzyDate(2007, 5, 21)
    assert not drafted.published.approximate


def test_a_time_of_day_with_its_pm_over_a_transcript_is_not_its_title(people):
    text = ("Oval Office\n\n6:15 P.M. EST\n\nTHE PRESIDENT: Good evening. We have sent every "
            "team we have to the coast tonight.\n\nQ Will you go there?\n\nTHE PRESIDENT: "
            "Tomorrow morning, as soon as the roads are open again.\n")
    assert draft(text, people, {}, published=DAY).title == "Oval Office"


@pytest.mark.parametrize(("years", "day"), [
    ("по итогам 2020 года", FuzzyDate(2020, 12, 28)),  # 28 December 2020 was a Monday
    ("с 2019 по 2021 год", None),  # a Saturday and a Tuesday then: no year fits
    ("в 2015 и 2020 годах", None),  # a Monday in both: not guessed
])
def test_a_day_without_its_year_is_dated_by_its_weekday_in_the_year_the_text_names(
        people, years, day):
    text = ("Губернатор обещает новую школу\n\nОб этом в понедельник, 28 декабря сообщил "
            f"губернатор на пресс-конференции {years}.\n")
    if day is None:
        assert draft(text, people, {}, published=DAY).published == DAY  # asked, not guessed
    else:
        drafted = draft(text, people, {})
        assert drafted.published == day and not drafted.published.approximate


@pytest.mark.parametrize(("title", "day"), [
    ("Press Briefing on 9/16/24", FuzzyDate(2024, 9, 16)),
    ("Press Briefing on 12/31/98", FuzzyDate(1998, 12, 31)),
    ("Press Briefing\n\n2017-2-13 15:47", FuzzyDate(2017, 2, 13)),
])
def test_an_american_date_with_a_two_digit_year_is_read_when_the_day_tells_the_order(
        people, title, day):
    drafted = draft(f"{title}\n\n“We will meet again,” Boris Johnson said.\n", people, {})
    assert drafted.published == day


def test_a_two_digit_year_date_that_could_be_either_order_is_not_guessed(people):
    text = "Press Briefing on 3/4/24\n\n“We will meet again,” Boris Johnson said.\n"
    assert draft(text, people, {}, published=DAY).published == DAY


@pytest.mark.parametrize("text", [
    "Переговоры\n\nПереговоры продолжатся на следующей неделе в Женеве. Об этом заявил министр "
    "иностранных дел Сергей Лавров в понедельник, передают «РИА Новости».\n",
    "Gespräche\n\nDie Gespräche gehen nächste Woche in Genf weiter. Das sagte Merkel am Montag "
    "in Berlin.\n",
])
def test_a_sentence_saying_who_said_the_one_before_gives_that_one_to_them(people, text):
    drafted = draft(text, people, {}, published=DAY)
    assert [(q.kind, q.text.split()[0]) for q in drafted.quotes] == [
        ("paraphrase", text.split("\n\n")[1].split()[0])]
    assert speakers(drafted) in (["sergey-lavrov"], ["angela-merkel"])


@pytest.mark.parametrize(("title", "name"), [
    ("Выступление Сергея Шойгу на коллегии министерства обороны", "Sergey Shoygu"),  # registered
    ("Заявление Марии Захаровой для прессы", "Maria Zakharova"),
    ("Интервью Николая Патрушева газете", "Николай Патрушев"),
    ("Remarks of Mayor John Smith at the City Hall", "John Smith"),
    ("Поздравление с Днём города главы района Артёма Сидорова", "Артём Сидоров"),
    ("Выступление Нины Заречной на сессии городской думы", "Нина Заречная"),
])
def test_a_statement_names_its_speaker_from_the_title_in_the_nominative(people, title, name):
    text = (f"{title}\n\nУважаемые коллеги! Мы сегодня подводим итоги года и говорим о задачах, "
            "которые стоят перед нами в следующем году.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "statement"
    assert {q.name for q in drafted.quotes} == {name}


@pytest.mark.parametrize(("who", "label", "speaker"), [
    ("Дмитрия Медведева", "Д.МЕДВЕДЕВ", "dmitriy-medvedev"),
    ("Анны Поповой", "А.ПОПОВА", "anna-popova"),
])
def test_a_russian_label_takes_the_full_name_the_title_gives_in_the_genitive(people, who, label,
                                                                             speaker):
    text = (f"Стенограмма встречи {who} с журналистами\n\n{label}: Дорогие коллеги! Мне очень "
            "приятно побывать у вас в гостях и поговорить о работе.\n\nВопрос: Что дальше?\n\n"
            f"{label}: Дальше мы будем работать так же, как работали все эти годы.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == [speaker, speaker]


def test_a_quotation_told_to_a_paper_is_the_speakers_and_the_papers_name_no_quotation(people):
    text = ("Merkel in Paris\n\nMacron hatte zuvor die Bundesregierung zur Reform aufgefordert. "
            "\"Ich glaube nicht eine Sekunde, dass Europa ohne Deutschland Erfolg haben kann\", "
            "sagte Macron der \"Frankfurter Allgemeinen Zeitung\". \"Wir sind komplett "
            "voneinander abhängig\", sagte er.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["emmanuel-macron"] * 2
    assert not any("Frankfurter" in q.text for q in drafted.quotes)


SODER = """\
Der Bundestag debattiert

Söder zu Scholz: "Ich kenne keinen, der uncooler ist als Sie"

15.35 Uhr: Söder widerspricht Scholz und setzt nach: "Ich kenne keinen, der uncooler ist als Sie."

Söder: "Halbe Welt lacht über Deutschland"

15.29 Uhr: Laut Söder lacht die halbe Welt über Deutschland, wenn Papiermangel ein Hindernis ist.

15.23 Uhr: CSU-Chef Markus Söder tritt ans Rednerpult.
"""


def test_a_live_headline_quotes_who_speaks_not_whom_they_address_and_laut_is_no_name(people):
    drafted = draft(SODER, people, {}, published=DAY)
    assert [q.name for q in drafted.quotes if q.how == "quotation marks"] == ["Markus Söder"] * 2
    # The body's repeat of the headline's quotation is proposed once, where it first appears.
    assert sum(q.text.startswith("Ich kenne keinen") for q in drafted.quotes) == 1


def test_a_french_quotation_naming_its_speaker_inside_its_marks_is_theirs(people):
    text = ("Point de presse\n\nLe porte-parole du gouvernement, Stéphane Le Foll, a rendu compte "
            "du Conseil des ministres.\n\nArticle rédigé par franceinfo\nFrance Télévisions\n\n"
            "« Il n'y a plus de questions ? Vous n'êtes pas nombreux, a constaté le ministre de "
            "l'Agriculture. Non, c'est vrai qu'il y a une campagne électorale. »\n\n"
            "Puis, tel un professeur pointant les élèves absents : « Qui manque, là ? Dites-leur "
            "que nous fêterons bientôt le cent cinquantième point de presse. »\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [q.name for q in drafted.quotes] == ["Stéphane Le Foll"] * 2


def test_a_russian_name_in_the_accusative_resolves_and_a_smile_attributes(people):
    text = ("Брифинг\n\nЖурналист поблагодарил Марию Захарову за позицию по поводу слова "
            "«гастарбайтер».\n\n«Мне кажется, вы преувеличиваете мой вклад», — улыбнулась "
            "Захарова.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted) == ["maria-zakharova"]
    assert people["maria-zakharova"].name == "Maria Zakharova"  # the Latin-script name only


def test_a_press_conference_compound_title_is_a_statement_quoted_without_its_label(people):
    text = ("Abschlusspressekonferenz zum Europäischen Rat am 16./17. Dezember\n\n"
            "Sprecher: Bundeskanzlerin Angela Merkel\n\n"
            "BK´in Merkel: Meine Damen und Herren, der Rat hat das beschlossen, was wir uns "
            "vorgenommen haben, und kann insoweit als erfolgreich eingestuft werden.\n\n"
            "Die wesentlichen Punkte sind, dass es ein Mechanismus der Mitgliedstaaten ist, der "
            "nur dann angewandt wird, wenn die Eurozone insgesamt in Gefahr ist.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2010, 12, 17))
    assert drafted.kind == "statement"
    assert speakers(drafted) == ["angela-merkel"] * 2
    assert drafted.quotes[0].text.startswith("Meine Damen und Herren")


def test_a_russian_title_saying_someone_addressed_the_nation_is_a_statement(people):
    text = ("Владимир Путин обратился к россиянам\n\nОбращаюсь к гражданам России, к личному "
            "составу Вооружённых Сил, к бойцам и командирам, которые сейчас сражаются.\n\n"
            "Россия сегодня ведет тяжелейшую борьбу за своё будущее, отражает агрессию и "
            "защищает свой народ.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "statement"
    assert speakers(drafted) == ["vladimir-putin"] * 2


def test_a_speechs_title_in_capitals_and_archive_fields_are_not_spoken(people):
    text = ("DÉCLARATION DE M. NICOLAS SARKOZY, PRÉSIDENT DE LA RÉPUBLIQUE, SUR LA POLITIQUE DU "
            "GOUVERNEMENT EN FAVEUR DE LA CULTURE, DE L'ENSEIGNEMENT ET DE LA RECHERCHE, À PARIS "
            "LE 19 JANVIER 2011.\n\n19 JANUARY 2011 - SEUL LE PRONONCÉ FAIT FOI\n\n"
            "Anrede: Meine sehr verehrten Damen und Herren!\n\n"
            "Quelle (evtl. nicht mehr verfügbar): http://archiv.example.org/rede/81.htm\n\n"
            "En pensant à ce que j'allais vous dire, j'ai eu comme un vertige, parce que je me "
            "suis dit que la tâche était immense.\n")
    drafted = draft(text, people, {}, published=FuzzyDate(2011, 1, 19))
    assert drafted.kind == "statement"
    assert [q.text.split()[0] for q in drafted.quotes] == ["En"]


def test_hosts_labelled_by_name_are_not_quoted_when_the_title_names_the_guest(people):
    text = ("Мария Захарова: «Я ненавижу, когда людей травят, и всегда выступаю за "
            "объективность»\n\nГостем программы была Мария Захарова, официальный представитель "
            "МИД.\n\nЗыгарь: Сегодня я рад приветствовать своих коллег, а также нашего гостя. "
            "Здравствуйте, Мария.\n\nЗахарова: Мне кажется, на «ты». Мы же все в жизни на «ты», "
            "так что давайте без церемоний.\n\nЗыгарь: Мы все в жизни на «ты», но я думаю, "
            "чтобы не смущать зрителей, лучше на «вы».\n\nЗахарова: Ваших зрителей можно чем-то "
            "смутить? Они видели и не такое, поверьте мне.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "transcript"
    assert [q.text.split()[0] for q in drafted.quotes] == ["Я", "Мне", "Ваших"]
    assert speakers(drafted) == ["maria-zakharova"] * 3


def test_a_german_subject_and_an_office_in_apposition_name_the_speaker(people):
    text = ("Kritik an Gesetz-Aussage\n\nJuso-Chef Kevin Kühnert hat Bundesinnenminister Horst "
            "Seehofer einen Angriff auf die Meinungsfreiheit vorgeworfen. „Der eigentliche "
            "Skandal ist Seehofers Aussage über die Gesetze“, sagte der SPD-Politiker der "
            "„Rheinischen Post“.\n\nDer Erste Parlamentarische Geschäftsführer der "
            "SPD-Bundestagsfraktion, Carsten Schneider, sprach im Bundestag von einer „Frechheit "
            "und Dreistigkeit“. „Vielleicht sollte das witzig sein, aber das Ding hatte keine "
            "Pointe.“\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [q.name for q in drafted.quotes] == ["Kevin Kühnert", "Carsten Schneider",
                                                "Carsten Schneider"]


def test_an_organisation_named_last_is_not_who_he_is(people):
    text = ("Javid on the press\n\nCulture secretary Sajid Javid said the BBC was biased. "
            "Instead, the Independent Press Standards Organisation started last September.\n\n"
            "Asked about a regulator, he said: “No, we won’t. But Labour will. It interferes "
            "with the freedom of the press.”\n")
    drafted = draft(text, people, {}, published=DAY)
    assert speakers(drafted)[-1] == "sajid-javid"


def test_a_paraphrase_told_to_a_paper_is_the_speakers(people):
    text = ("Verfassungsschutz\n\nMit dem Gesetz soll der Verfassungsschutz Computer durchsuchen "
            "dürfen. Die Bürger müssten effektiv gegen Terror geschützt werden, sagte Seehofer "
            "der \"Bild\" (Samstag).\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [(q.kind, q.text.split()[:2], speaker_id(q)) for q in drafted.quotes] == [
        ("paraphrase", ["Die", "Bürger"], "horst-seehofer")]


@pytest.mark.parametrize("top", [
    "Live Reporting\n\nEdited by Emily McGarvey\n\nPrime Minister's Questions",
    "Politics latest news: Hancock says he is not hopeless - watch Commons live",
    "27 января 2017\n\nНа этом мы завершаем текстовую трансляцию. Следите за новостями!",
])
def test_a_page_that_says_it_is_live_is_drafted_as_live(people, top):
    text = (f"{top}\n\nThe Prime Minister answered questions in the Commons on Wednesday "
            "afternoon. “We are getting on with the job,” Boris Johnson said.\n")
    assert draft(text, people, {}, published=DAY).kind == "live"


def test_a_clause_before_said_is_never_proposed_as_a_person(people):
    text = ("Hancock messages\n\nThe messages were published on Wednesday morning by a former "
            "adviser.\n\nThe same contact also called the situation regarding PPE \"a disaster\" "
            "and said: \"I can’t think of anything except taking him off and putting someone "
            "else on.\"\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.quotes
    assert all(len(q.name.split()) <= 4 for q in drafted.quotes)


@pytest.mark.parametrize(("intro", "label", "speaker"), [
    # A woman's first name in -а/-я keeps its ending: no man's genitive goes with her surname.
    ("Евгения Мирон сегодня в студии", "Е. МИРОН", "evgeniya-miron"),
    ("Нина Заречная сегодня в студии", "Н. ЗАРЕЧНАЯ", "nina-zarechnaya"),
    ("Сегодня в студии Сергея Шубина нет, у нас Анна Кравец", "А. КРАВЕЦ", "anna-kravets"),
])
def test_a_womans_name_in_a_radio_transcript_keeps_its_gender(intro, label, speaker):
    text = (f"Время выхода в эфир: 8 ноября 2000, 19:07\n\nК. ЛЕСНОЙ: {intro}. Добрый вечер.\n"
            f"{label}: Добрый вечер.\nК. ЛЕСНОЙ: Вы были сегодня на выборах в посольстве?\n"
            f"{label}: Да, я была там с утра, и людей было очень много, человек двести.\n")
    drafted = draft(text, {}, {})
    assert speakers(drafted) == [speaker]


def test_a_russian_label_finds_the_registrys_latin_name_across_a_soft_sign():
    registry = {"olbanskiy": Person("olbanskiy", "Ilya Olbanskiy", aliases=("Olbanskiy",))}
    text = ("Время выхода в эфир: 8 ноября 2000, 19:07\n\nК. ЛЕСНОЙ: У нас в гостях Илья "
            "Ольбанский. Добрый вечер.\nИ. ОЛЬБАНСКИЙ: Добрый вечер.\nК. ЛЕСНОЙ: Что было в "
            "посольстве?\nИ. ОЛЬБАНСКИЙ: Я был там с утра, и людей было очень много, человек "
            "двести.\n")
    drafted = draft(text, registry, {})
    assert speakers(drafted) == ["olbanskiy"]
