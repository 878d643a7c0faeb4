"""Round eighteen's general rules, each on a text written for the test in the shape of the
round's texts (one on the round's own text, where a text written for it never reaches the
rule): a heading naming the message and its author, a title's words that the text writes in
lower case, a letter signed under its closing formula or with a bishop's cross, a heading in
marks repeating the statement, and the subject after the verb introducing it."""

from __future__ import annotations

from pathlib import Path

from drafts import proposed

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

CORPUS = Path(__file__).parent / "texts" / "corpus" / "tuned"
DAY = FuzzyDate(2020, 12, 19)


def test_a_heading_naming_the_message_names_its_author_not_a_message_person():
    text = ("Message du Président de la Fédération Jean Exemple\n"
            "19/12/2020\n"
            "Chers Présidents de Clubs, Chers Licenciés,\n"
            "À la suite de la démission du bureau, je suis investi à titre intérimaire de la "
            "présidence de la Fédération jusqu'à l'Assemblée générale élective du printemps.\n"
            "Je tiens à remercier tous ceux qui m'ont exprimé leur confiance, et j'essaierai "
            "d'en être digne dans une situation pour le moins complexe et délicate.\n")
    drafted = draft(text, {}, {})
    assert drafted.kind == "statement"
    assert {q.name for q in drafted.quotes} == {"Jean Exemple"}
    assert {q.role for q in drafted.quotes} == {"Président de la Fédération"}


def test_a_headings_words_the_text_writes_in_lower_case_are_no_name():
    text = ("Results of Ballot on Strike Action - Private Sector\n\n"
            "The ballot on strike action closed today at noon. I am delighted to report that "
            "we achieved a response of 61% with 75% in favour of action.\n\n"
            "At a meeting this afternoon the Executive agreed to declare one day of strike "
            "action next month. Advice on picketing is available on the website.\n\n"
            "Should the employers respond with an offer worthy of consideration I will contact "
            "members immediately.\n\n"
            "With best wishes.\n\n"
            "Yours sincerely\n\n"
            "Jane Example\n\n"
            "General Secretary\n\n"
            "19 December 2020\n")
    drafted = draft(text, {}, {})
    assert drafted.kind == "statement"
    assert len(drafted.quotes) == 3
    assert {q.name for q in drafted.quotes} == {"Jane Example"}
    assert {q.role for q in drafted.quotes} == {"General Secretary"}


def test_a_bishops_cross_before_his_signature_leaves_his_name():
    text = ("Chers frères et sœurs,\n"
            "Comme vous le savez, notre Église est à nouveau fortement ébranlée par ce que "
            "l'assemblée des évêques vient de révéler.\n"
            "Je suis aussi très affecté. La confiance envers les évêques est peut-être "
            "entamée, je le conçois et je le comprends.\n"
            "Je prie pour les victimes et je vous confie au Seigneur, avec vos paroisses et "
            "notre diocèse tout entier.\n"
            "+ Paul Exemple, évêque de Nulleville\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 3
    assert {who for _, who in said} == {"paul-exemple"}


def test_a_heading_naming_the_statement_names_its_author_before_those_it_speaks_of():
    people = {"pope-example": Person("pope-example", "Pope Benedict Example",
                                     aliases=("Papst Benedikt Example", "Benedikt Example"))}
    text = ("„Wir sind voll des Dankes für sein segensreiches Wirken“\n\n"
            "Erklärung des Bischofs von Nirgendwo, Kardinal Hans Beispiel, zum Rücktritt\n"
            "Nirgendwo, 11. Februar 2013. Zum angekündigten Rücktritt des Heiligen Vaters "
            "Benedikt Example erklärt der Bischof von Nirgendwo, Kardinal Hans Beispiel:\n\n"
            "„Heute hat Papst Benedikt Example seinen Rücktritt bekannt gegeben. Diese "
            "Entscheidung erfüllt mich mit tiefem Bedauern, aber auch mit großem Respekt. Wir "
            "sind voll des Dankes für sein segensreiches Wirken, und wir bleiben mit ihm "
            "verbunden.“\n")
    drafted = draft(text, people, {})
    assert drafted.kind == "statement"
    # The heading in marks repeats the statement's words: the title, not a second quotation.
    assert [q.name for q in drafted.quotes] == ["Hans Beispiel"]
    assert drafted.quotes[0].text.startswith("Heute hat Papst")
    assert "speaker of every spoken paragraph: from „Hans Beispiel“" in drafted.notes


def test_a_heading_in_marks_repeating_the_statement_is_its_title_not_a_quotation():
    # On the round's own text: a heading written for the test is taken as the title by the
    # rules before this one, and never reaches it.
    text = (CORPUS / "de-statement-marx-papstruecktritt-2013-02-11.txt").read_text(
        encoding="utf-8")
    drafted = draft(text, {}, {})
    assert drafted.title == "„Wir sind voll des Dankes für sein segensreiches Wirken“"
    assert [q.text[:15] for q in drafted.quotes] == ["Heute hat Papst"]


def test_a_pages_rubrics_and_a_hashtag_give_way_to_the_headline():
    rubrics = ("Nulleville\n"
               "-\n"
               "Social\n"
               "Nouvelle journée d'action des dockers à Nulleville : \"On va aller jusqu'au "
               "bout\"2min\n\n"
               "Par Jean Exemple27/02/2025 à 10:25\n"
               "Une nouvelle journée de grève et d'actions est lancée par les syndicats du port "
               "ce jeudi matin.\n")
    assert draft(rubrics, {}, {}).title == \
        "Nouvelle journée d'action des dockers à Nulleville : \"On va aller jusqu'au bout\""
    quoted = ("News\n\n"
              "\"Es ist für diesen Ort und für die Variante, die ich sehr mag\"\n\n"
              "Im Rahmen des Turniers führte der Pressesprecher ein ausführliches Interview mit "
              "dem Weltmeister über seine Rückkehr ans Brett.\n")
    assert draft(quoted, {}, {}, published=DAY).title == \
        "\"Es ist für diesen Ort und für die Variante, die ich sehr mag\""
    tagged = ("#Clinicnews: Nine in ten nurses take part in the first strike\n\n"
              "17:06 Commenting on the turnout, the union's chair said that the figures show "
              "the strength of feeling among nurses.\n")
    assert draft(tagged, {}, {}, published=DAY).title == \
        "Nine in ten nurses take part in the first strike"


def test_an_office_in_capitals_after_its_article_is_the_minister_named_before():
    text = ("John Example urges union to return to talks amid nurses' strike\n\n"
            "John Example has urged the nurses' union to return to the negotiating table "
            "after the first walkout by nurses in 40 years.\n\n"
            "The Care Secretary said: \"The right thing to do is to sit round the table and "
            "talk to the Government about how we improve patient care.\"\n")
    _, said, _ = proposed(text, published=DAY)
    assert dict(said)["The right thing to do is to sit round the table and talk to the "
                      "Government about how we improve patient care."] == "john-example"


def test_guillemets_pointing_inward_open_and_close_as_the_text_prints_them():
    # »…« as German papers print them: the words between two quotations are nobody's.
    text = ("Hafenarbeiter im Warnstreik\n\n"
            "Auf den Plakaten steht in großen Lettern: »Heute: Warnstreik«. Oben rechts ist das "
            "Logo der Gewerkschaft. Die Beschäftigten legen für zwei Tage die Arbeit nieder.\n\n"
            "»Es kommt darauf an, dass die unteren Lohngruppen entlastet werden«, sagte die "
            "Verhandlungsführerin Anna Beispiel am Montag.\n")
    kind, quotes, _ = proposed(text, published=DAY)
    assert kind == "news"
    assert quotes == [("Es kommt darauf an, dass die unteren Lohngruppen entlastet werden",
                       "anna-beispiel")]


def test_guillemets_pointing_outward_are_read_as_before():
    text = ("Les dockers en grève\n\n"
            "« Nous irons jusqu'au bout », a déclaré Marie Exemple, secrétaire du syndicat, "
            "devant le port. Les salariés réclament la retraite à soixante ans.\n")
    _, quotes, _ = proposed(text, published=DAY)
    assert quotes == [("Nous irons jusqu'au bout", "marie-exemple")]
