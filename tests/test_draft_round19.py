"""Round nineteen's general rules, each on a text written for the test in the shape of the
round's texts: a turn's label glued to its words, a host presenting the guest, an interview's
unlabelled questions after a labelled answer, closing wishes, the page's lines under a letter's
closing formula, initials completed by the signature, a release's issuer named before 'issued
the following statement', a place after a preposition and a Russian adverb of sequence taken
for no one, and a ticker's 'Letzte Aktualisierung' stamp above its title."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate(2020, 12, 19)


def test_a_label_glued_to_its_words_opens_that_speakers_turn():
    text = ("Jane Host: Good news from the zoo this morning. These are the first pictures of "
            "the cub, shown to the press today. Ann Keeper is the curator at the zoo.\n"
            "Jane Host: Good morning Ann.\n"
            "Ann Keeper: Good morning, Jane.\n"
            "Jane Host: The cub is three months old now. How is he doing?\n"
            "Ann Keeper:He is doing great and he is getting bigger every single day, climbing "
            "on his mother and on the rocks.\n"
            "Jane Host: What does he eat? What does he do all day?\n"
            "Ann Keeper:Right now he is only drinking his mother's milk, and some days he "
            "sleeps a lot more than on other days.\n"
            "Jane Host: So when does the public get to see him?\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert said and {who for _, who in said} == {"ann-keeper"}
    assert any(words.startswith("He is doing great") for words, _ in said)
    assert not any("Ann Keeper:" in words for words, _ in said)


def test_the_host_presenting_the_guest_is_no_speaker_however_few_questions_he_asks():
    text = ("ПРОБЛЕМЫ ОТРАСЛИ\n\n"
            "И. ВЕДУЩИЙОВ: Ну что же, мы продолжаем программу, Иван Ведущийов ведёт её "
            "сегодня. У нас в гостях Пётр Гостев, руководитель федерального агентства. "
            "Здравствуйте, Пётр Петрович.\n\n"
            "П. ГОСТЕВ: Добрый день.\n\n"
            "И. ВЕДУЩИЙОВ: Сегодня опять пришло сообщение о задержании судна у наших "
            "берегов, и суд уже начал рассматривать это дело.\n\n"
            "П. ГОСТЕВ: Да. Мы требовали больше, чем присудил суд, если так в двух словах "
            "сказать об этом деле.\n\n"
            "И. ВЕДУЩИЙОВ: Под каким флагом шло это судно, известно уже точно сегодня.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert len(said) == 1
    assert said[0][0].startswith("Да. Мы требовали больше")


def test_an_interviews_unlabelled_questions_after_its_labelled_answer_are_no_answer():
    text = ("Im Dezember ist im Zoo ein Eisbärenbaby zur Welt gekommen. Wann wird es zum "
            "ersten Mal für Besucher zu sehen sein?\n\n"
            "HANS BEISPIEL: Das Jungtier erkundet mit seiner Mutter die Innenräume des "
            "Geheges. Am Freitag wird es soweit sein, dann dürfen die beiden hinaus.\n\n"
            "Weiß man schon, ob das Eisbärenbaby ein Weibchen oder ein Männchen ist?\n\n"
            "Das Geschlecht des Jungtieres konnte auf den Aufnahmen der Kamera noch nicht "
            "erkannt werden. Deshalb hat es auch noch keinen Namen.\n\n"
            "Sie sind seit Jänner Zoodirektor. Haben Sie sich schon eingelebt?\n\n"
            "Ich bin von allen Seiten herzlich aufgenommen worden und fühle mich schon sehr "
            "wohl in der Stadt und im Zoo.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert len(said) == 3
    assert not any(words.endswith("?") for words, _ in said)
    assert {who for _, who in said} == {"hans-beispiel"}


def test_closing_wishes_after_a_few_words_naming_the_day_are_no_quotation():
    text = ("Дорогие друзья, уважаемые коллеги!\n"
            "Уходящий год был непростым. Мы вместе строили планы, вместе радовались общим "
            "победам и переживали неудачи. Но я уверен, что мы извлекли уроки.\n"
            "В Новый год желаю вам и вашим близким крепкого здоровья, радости и "
            "благополучия! Мира и добра вашему дому! С Новым годом!\n"
            "И.И. Ректоров,\n"
            "ректор университета\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 1
    assert said[0][0].startswith("Уходящий год был непростым")


GREETING = ("Ректор университета И.П. Примеров поздравляет с Днем народного единства:\n"
            "Дорогие друзья! Поздравляю вас с Днем народного единства!\n"
            "Мы с вами живем в самой большой на Земле стране. У нас огромная территория и "
            "бескрайние расстояния, и мы все очень разные.\n"
            "Для этого и сегодня, и всегда мы должны быть единым целым. Единство – очень "
            "важное для каждого человека слово.\n"
            "С уважением, ректор университета\n"
            "Иван Примеров\n"
            "Поздравление ректора университета с Днем народного единства\n"
            "4 ноября 2022\n")


def test_the_pages_lines_under_a_letters_closing_formula_are_no_quotation():
    kind, said, _ = proposed(GREETING, published=DAY)
    assert kind == "statement"
    assert [words[:20] for words, _ in said] == ["Мы с вами живем в са", "Для этого и сегодня,"]


def test_initials_are_completed_by_the_full_name_the_signature_gives():
    _, said, _ = proposed(GREETING, published=DAY)
    assert {who for _, who in said} == {"ivan-primerov"}


def test_the_issuer_named_before_issued_the_following_statement_speaks_it():
    text = ("Press Room\n\n"
            "Winning Ticket Presented To State Lottery with Hours To Go\n\n"
            "SPRINGFIELD, Illinois -- State Lottery CEO Jane Roe issued the following "
            "statement Thursday regarding the claim of the jackpot after nearly a year:\n\n"
            "\"The winning ticket for the jackpot won last December has been presented today "
            "to the lottery, coming in just under the wire. It appears that the reminders "
            "we've issued over the past year worked as we had hoped.\n\n"
            "We worried for months that the jackpot would not be claimed, so we're glad that "
            "the winning ticket has been turned in at last.\n\n"
            "We have not yet had the opportunity to meet with the actual winners, and we will "
            "complete the security process before any money is paid out.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 3
    assert {who for _, who in said} == {"jane-roe"}


def test_a_word_after_a_preposition_is_where_the_sentence_goes_not_who_speaks():
    text = ("Am Sonntag herrscht am Flughafen reger Betrieb. Nur an einzelnen Schaltern "
            "bilden sich Schlangen, so beim Schalter für den Flug nach Istanbul. „Es "
            "erinnert ein bisschen an München“, sagt Anna Beispiel, die in der Schlange "
            "wartet. Sie trauere dem alten Flughafen aber nach. „Dass es hier so zügig geht, "
            "kann ich mir nicht vorstellen.“ Zum Flughafen ist die Beraterin mit dem Taxi "
            "gekommen.\n")
    _, said, _ = proposed(text, published=DAY)
    assert len(said) == 2
    assert {who for _, who in said} == {"anna-beispiel"}


def test_a_russian_adverb_of_sequence_is_no_first_name():
    text = ("На ярмарке в 32-й раз открылась книжная выставка\n\n"
            "На сцену поднимается специальный представитель президента Михаил Примеров и "
            "официально открывает ярмарку, почетным гостем которой стала Республика "
            "Беларусь.\n\n"
            "Сперва Примеров развеял слухи о том, что книги умирают: «Те, кто хотя бы бегло "
            "посмотрят на стенды нашей ярмарки, поймут, что люди читать не перестали».\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.quotes
    assert not any(q.name.startswith("Сперва") for q in drafted.quotes)


def test_a_tickers_last_update_stamp_is_no_title():
    text = ("Letzte Aktualisierung: um 19:46 Uhr\n\n"
            "Ticker zur Flughafen-Eröffnung\n\n"
            "Die ersten Tage am neuen Flughafen zum Nachlesen.\n\n"
            "18:30 Uhr: Die Polizei meldet einen ruhigen Abend am Terminal, es gab nur wenige "
            "Einsätze wegen fehlender Masken.\n\n"
            "17:15 Uhr: Am Nachmittag landete die erste Maschine aus München pünktlich.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.title == "Ticker zur Flughafen-Eröffnung"
