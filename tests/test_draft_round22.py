"""Round twenty-two's general rules, each on a text written for the test in the shape of the
round's texts: a heading naming a person's message, a numbered question opening on a sentence
of its own, two guests labelled by first name on their own lines (and the family name a heading
gives them), a letter whose writer introduces herself, a rubric line with a reading time, a
dateline's hyphenated place, a blog's name and thanks to all, a body announcing its comment,
a quotation 'clarified' by someone of the registry person's surname, and a nationality before
a trade."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2020, 3, 18)


def test_a_heading_naming_a_persons_message_heads_a_statement():
    text = ("Club news 18 March 2020\n\n"
            "Message from Jane Example, chair of the Riverside Rowing Club\n\n"
            "\"Dear members,\n\n"
            "I am writing to you on the day we closed the boathouse, and I know how hard this "
            "news is for all of you who train on the river every morning.\n\n"
            "The regatta in May cannot take place. We will refund every entry fee, and I have "
            "asked the committee to plan a club race for the autumn instead.\n\n"
            "Please look after each other. I am sure that we will be back on the water together "
            "before long.\"\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 3 and {who for _, who in said} == {"jane-example"}


def test_a_numbered_question_may_open_on_a_sentence_of_its_own():
    text = ("1. You trained as a lawyer before you opened the bakery. Why did you change? "
            "I spent a summer working for my uncle, who baked for the whole village. I loved "
            "getting up before dawn, and I never wanted to go back to an office.\n\n"
            "2. What did your family say? My mother laughed at first. Then she lent me the "
            "money for the first oven, and she still comes in on Saturdays to help me.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert [words[:12] for words, _ in said] == ["I spent a su", "My mother la"]


def test_two_guests_labelled_by_first_name_on_their_own_lines_answer_in_turn():
    text = ("The Martin sisters on their first season\n\n"
            "- Anna, Clara.\n\n"
            "Congratulations on the opening of your shop.\n\n"
            "Anna:\n\n"
            "Thank you, we are still surprised by how many people came.\n\n"
            "We had planned for fifty guests on the first evening.\n\n"
            "- Was it hard to find the building?\n\n"
            "Clara:\n\n"
            "It took us two whole years of searching in the old town.\n\n"
            "Anna:\n\n"
            "And in the end a friend of our father offered us his workshop.\n\n"
            "- Will you open a second shop?\n\n"
            "Clara:\n\n"
            "Not before we know that the first one can pay for itself.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert [who for _, who in said] == ["anna", "anna", "clara", "anna", "clara"]
    assert not any(words.startswith(("Was it", "Will you")) for words, _ in said)


def test_a_letter_whose_writer_introduces_herself_is_hers():
    text = ("7 октября 2020\n\n"
            "Письмо коллегам\n\n"
            "Здравствуйте, уважаемые коллеги!\n\n"
            "Меня зовут Мария, я работаю в городской библиотеке. Каждую весну мы проводим "
            "неделю чтения для школьников, и в этом году приглашаем к участию и ваши школы.\n\n"
            "Мы подготовили программу встреч с писателями и будем рады любой помощи: расскажите "
            "о неделе чтения своим ученикам и их родителям.\n")
    kind, said, _ = proposed(text, published=FuzzyDate(2020, 10, 7))
    assert kind == "statement"
    assert len(said) == 2 and {who for _, who in said} == {"mariya"}


def test_guests_labelled_by_first_name_take_the_family_name_of_the_heading():
    text = ("Hollands about their first season\n\n"
            "- Anna, Clara.\n\n"
            "Congratulations on the opening of your shop.\n\n"
            "Anna:\n\n"
            "Thank you, we are still surprised by how many people came.\n\n"
            "- Was it hard to find the building?\n\n"
            "Clara:\n\n"
            "It took us two whole years of searching in the old town.\n\n"
            "Anna:\n\n"
            "And in the end a friend of our father offered us his workshop.\n\n"
            "Clara:\n\n"
            "Not before we know that the first one can pay for itself.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["anna-holland", "clara-holland", "anna-holland",
                                        "clara-holland"]


def test_a_rubric_with_a_reading_time_and_a_date_is_no_heading():
    text = ("Club news 2 minutes 18 March 2020\n\n"
            "Message from Jane Example, chair of the Riverside Rowing Club\n\n"
            "I am writing to you on the day we closed the boathouse, and I know how hard this "
            "news is for all of you who train on the river every morning.\n\n"
            "The regatta in May cannot take place. We will refund every entry fee, and I have "
            "asked the committee to plan a club race for the autumn instead.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.title.startswith("Message from Jane Example")


def test_a_dateline_with_a_hyphenated_place_is_no_heading():
    text = ("PRESS RELEASE\n\n"
            "Saint-Étienne, 18 March 2020\n\n"
            "The city library reopens its reading rooms on Monday\n\n"
            "The city library will reopen its three reading rooms on Monday after four months "
            "of building work, the city council announced on Wednesday.\n")
    drafted = draft(text, {}, {}, published=DAY)
    assert drafted.title.startswith("The city library reopens")


def test_a_blogs_name_names_its_writer_and_thanks_to_all_are_no_quotations():
    text = ("Pierre & Anne Exemple Le Blog\n"
            "18 mars 2020\n\n"
            "Dix ans de boulangerie\n\n"
            "Il y a dix ans, j’ouvrais la boutique de la rue des Lilas avec un four d’occasion "
            "et beaucoup d’espoir. Je ne pensais pas que nous serions encore là aujourd’hui.\n\n"
            "Le pain reste notre métier, et je continue de me lever à trois heures chaque nuit "
            "pour que la première fournée soit prête à l’ouverture.\n\n"
            "Un grand merci aussi à tous nos clients qui viennent chaque matin, qui nous font "
            "confiance et qui sont devenus pour certains des amis !\n")
    drafted = draft(text, {}, {}, published=DAY)
    said = [(q.text, speaker_id(q, drafted.language)) for q in drafted.quotes]
    assert drafted.title.startswith("Dix ans de boulangerie")
    assert [who for _, who in said] == ["pierre-exemple", "pierre-exemple"]


def test_a_body_announcing_its_comment_makes_the_statement_below():
    text = ("Zum Bericht der Stadt über die neuen Parkgebühren möchten die Münchner "
            "Markthändler, vertreten durch ihre Sprecherin Anna Beispiel, gerne Stellung "
            "nehmen.\n\n"
            "1. Auch in diesem Jahr sind unsere Kosten für Strom und Kühlung wieder gestiegen, "
            "und wir können sie nicht allein tragen.\n\n"
            "2. Gerne unterstützen wir die Stadt beim Ausbau der Radwege, aber unsere Lieferanten "
            "brauchen morgens weiter einen Platz zum Entladen.\n\n"
            "Anna Beispiel: „Wir bitten die Stadt, mit uns über eine Lösung für die frühen "
            "Morgenstunden zu sprechen.“\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert [who for _, who in said] == ["muenchner-markthaendler", "muenchner-markthaendler",
                                        "anna-beispiel"]


def test_clarified_signs_a_quotation_for_the_wife_not_the_registry_husband():
    people = {"hans-muster": Person("hans-muster", "Hans Muster", aliases=("Muster",))}
    text = ("The village fair opened on Saturday afternoon in bright sunshine. “We will try to "
            "open the first barrel with two blows,” said Mayor Hans Muster in the crowded "
            "marquee. “He has been practising all week,” his wife Greta Muster clarified. After "
            "two strong blows the barrel was open.\n")
    drafted = draft(text, people, {}, published=DAY)
    said = [(q.text[:10], speaker_id(q, drafted.language)) for q in drafted.quotes]
    assert said == [("We will tr", "hans-muster"), ("He has bee", "greta-muster")]


def test_a_nationality_before_a_trade_is_no_name():
    text = ("The village fair opened on Saturday afternoon in bright sunshine, and the tents were "
            "full within an hour.\n\n"
            "The Swiss accordionist Marco Beispiel also played on the bench next to the mayor: "
            "“This is the best crowd we have had in years, and I will come back next summer.”\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["marco-beispiel"]
