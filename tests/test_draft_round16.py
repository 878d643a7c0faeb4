"""Round sixteen's general rules, each on a text written for the test in the shape of the
round's texts: a body's acronym or an office before a person's name, live pages' section
headings and summaries, objects and appositions taken for speakers, an unnamed spokeswoman
named again by her office, a body's own release, an interview labelled 'Given SURNAME', a
moderator handing over the floor, live pages saying so under their summary, and a statement
introduced by a verb of speech over one paragraph in marks."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2022, 10, 28)


def test_a_bodys_acronym_between_an_office_and_a_name_is_no_given_name():
    text = ("Ставка осталась прежней\n\n"
            "Москва. — Совет директоров банка собрался в пятницу.\n\n"
            "«У нас был очень широкий консенсус по поводу решения о ставке», — сказала на "
            "пресс-конференции председатель ЦБ Мария Образцова. «Был консенсус и в части "
            "сигнала», — вторил ей зампред ЦБ Пётр Примеров.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["mariya-obraztsova", "petr-primerov"]


def test_an_office_named_again_is_its_holder_and_not_a_body():
    people = {"mariya-obraztsova": Person("mariya-obraztsova", "Mariya Obraztsova",
                                          aliases=("Мария Образцова", "Образцова"))}
    text = ("Образцова о шутках\n\n"
            "Глава Банка Примерии Мария Образцова нормально относится к шуткам. Об этом она "
            "рассказала в ходе пресс-конференции.\n"
            "После объявления о ставке глава банка ответила на вопросы журналистов.\n"
            "\"Я нормально отношусь к этому, особенно, когда шутки смешные\", – сказала глава "
            "Банка Примерии.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert [q.speaker for q in drafted.quotes if q.kind == "direct"] == ["mariya-obraztsova"]


def test_a_live_pages_summary_and_headings_in_capitals_are_no_speakers():
    text = ("Canicule : la vigilance rouge levée demain matin\n\n"
            "L'ESSENTIEL\n"
            "- Vingt départements sont en vigilance rouge ce mardi. Lire l'article\n"
            "- Des températures de 42°C sont attendues dans le Sud. Lire l'article\n\n"
            "Ce direct consacré à la canicule est désormais terminé.\n\n"
            "VIGILANCE ORANGE LEVÉE\n\n"
            "Dans un nouveau bulletin, le service météorologique a mis fin à la vigilance "
            "orange pour les deux départements encore concernés ce matin.\n\n"
            "DEUX DÉPARTEMENTS EN ALERTE\n\n"
            "Les orages concernent essentiellement l'Alsace, précise l'institut, et des "
            "grêlons de 3 cm ont été signalés sur la région en fin de soirée.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "live"
    who = {w for _, w in said}
    assert not who & {"lessentiel", "vigilance-orange-levee", "en-alerte",
                      "deux-departements-en-alerte"}


def test_a_capitalised_object_of_a_preposition_is_no_speaker():
    text = ("Sturm über dem Land: der Live-Blog\n\n"
            "22:20 Uhr: Ende des Live-Blogs\n"
            "Die Ausläufer sind noch zu spüren, der Wetterdienst gibt aber Entwarnung für "
            "Norddeutschland: \"Das Sturmtief ist abgezogen und liegt über der Ostsee.\"\n"
            "21:18 Uhr: Falsche Meldung im Netz\n"
            "Eine Nachricht im Netz sorgt für Verwirrung: \"Morgen fällt in der ganzen Stadt "
            "die Schule aus.\"\n")
    _, said, _ = proposed(text, published=DAY)
    assert not {w for _, w in said} & {"norddeutschland", "verwirrung"}


def test_an_office_in_apposition_after_a_full_name_is_not_the_speakers_name():
    german = ("Sturm im Osten\n\n"
              "Anna Beispiel, Landesforstpräsidentin und Geschäftsführerin von Landesforst, "
              "warnte vor Waldspaziergängen. \"Das Betreten des Waldes kann auch Tage danach "
              "lebensgefährlich sein.\"\n")
    english = ("Weather service warns of storm\n\n"
               "Forecasters have issued a red warning for the west this afternoon.\n\n"
               "John Example, Weather Service Chief Meteorologist, said: \"The winds this "
               "afternoon will be damaging and will bring down trees across the region.\"\n")
    for text, speaker in ((german, "anna-beispiel"), (english, "john-example")):
        _, said, _ = proposed(text, published=DAY)
        assert [who for w, who in said if w.startswith(("Das Betreten", "The winds"))] \
            == [speaker]


def test_an_office_named_again_is_the_unnamed_holder_named_last_by_it():
    text = ("Sturm: der Live-Blog\n\n"
            "21:18 Uhr: Polizei warnt\n"
            "Eine Polizeisprecherin sagte, die Schulen blieben geöffnet.\n"
            "19:56 Uhr: Zugstrecken gesperrt\n"
            "Nach dem Unwetter ist es nach Angaben einer Bahnsprecherin noch unklar, wann die "
            "Züge wieder fahren.\n"
            "\"Es wird sicherlich im Laufe des Abends noch zu Problemen kommen\", sagte die "
            "Sprecherin am Donnerstagabend.\n")
    _, said, _ = proposed(text, published=DAY)
    assert dict(said)["Es wird sicherlich im Laufe des Abends noch zu Problemen kommen"] \
        == "bahnsprecherin"


def test_a_bodys_release_telling_of_itself_proposes_no_paragraphs():
    text = ("COMMUNIQUÉ DE LA FÉDÉRATION RÉGIONALE DE PÉTANQUE\n\n"
            "Communiqué de la Fédération Régionale de Pétanque à la suite de son bureau du "
            "vendredi 3 avril 2020.\n\n"
            "La Fédération Régionale de Pétanque, à l’issue de son bureau, tient à rappeler "
            "que face à la crise que traverse notre pays, la priorité est la santé de tous et "
            "le respect des consignes.\n\n"
            "Cette crise entraîne de nombreuses inquiétudes parmi les dirigeants de clubs. La "
            "FRP a parfaitement conscience de la situation, sur le plan sportif et économique, "
            "et subira elle-même les retombées de cette crise.\n")
    kind, said, _ = proposed(text)
    assert kind == "statement"
    assert said == []


def test_an_interview_labelled_by_given_name_and_surname_in_capitals_is_a_transcript():
    text = ("Interview\n\n"
            "Radio Exemple : « Les banques de la zone euro sont solides »\n\n"
            "Mise en ligne le 20 mars 2023\n\n"
            "Interview de Paul Garnier, gouverneur de la banque centrale.\n\n"
            "Sophie MARTIN\n\n"
            "Merci d’être avec nous ce matin. Est-ce que l'accord annoncé hier va suffire à "
            "rassurer les marchés, qui ont encore clôturé en baisse ce matin en Asie ?\n\n"
            "Paul GARNIER\n\n"
            "Je crois qu’il faut revenir sur ce qui s’est passé la semaine dernière : il y a "
            "deux séries de problèmes bancaires, tous les deux en dehors d’Europe.\n\n"
            "Sophie MARTIN\n\n"
            "Mais les banques européennes, elles, sont-elles vraiment à l'abri de la crise ?\n\n"
            "Paul GARNIER\n\n"
            "Les banques européennes sont solides, parce qu'elles appliquent toutes les règles "
            "de sécurité adoptées après la crise de 2008.\n")
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    assert {who for _, who in said} == {"paul-garnier"}
    assert any(w.startswith("Les banques de la zone euro") for w, _ in said)


def test_a_turn_handing_the_floor_to_the_next_speaker_is_the_moderators():
    text = ("Transcript of a Press Conference by Director Anna Example\n\n"
            "June 20, 2008\n\n"
            "MR. SAMPLE: I'm Tom Sample, Chief of Media Relations, and this is the briefing on "
            "the annual report. Let me introduce who we have here at the table. And I will "
            "now turn the table over to Ms. Example for some brief remarks.\n\n"
            "MS. EXAMPLE: Thanks, Tom, and thanks to all of you for joining us here today.\n\n"
            "This is a briefing on the annual consultation, which found that the economy has "
            "slowed sharply and that the outlook remains uncertain for the coming year.\n\n"
            "QUESTIONER: Will the slowdown last into next year, in your view?\n\n"
            "MS. EXAMPLE: We expect the slowdown to last through the first half of next year, "
            "and growth to pick up only slowly after that.\n")
    kind, said, _ = proposed(text)
    assert kind == "transcript"
    assert not any(w.startswith("I'm Tom Sample") for w, _ in said)
    assert {who for _, who in said} == {"anna-example"}


def test_a_page_saying_it_is_live_under_a_long_summary_is_a_live_page():
    summary = "".join(f"  • Point {n}: the bank has kept its rate at 5.25% for another month\n\n"
                      for n in range(12))
    text = ("Summary\n\n" + summary
            + "  1. What to expect todaypublished at 10:34 2 November 2023\n\n"
            "    Good morning and welcome to our live coverage as we wait for the bank's "
            "decision on interest rates at midday.\n")
    kind, _, _ = proposed(text, published=FuzzyDate(2023, 11, 2))
    assert kind == "live"


def test_a_release_introducing_one_paragraph_in_marks_by_a_verb_of_speech_is_a_statement():
    text = ("Berlin – Zur heutigen Sitzung des Rats der Europäischen Zentralbank erklärt Grete "
            "Weißmüller, Hauptgeschäftsführerin des Verbands Beispielhafter Banken:\n"
            "„Im Februar ist die Kerninflationsrate auf ein neues Allzeithoch geklettert. "
            "Gleichzeitig verharren die Erwartungen von Unternehmen und Verbrauchern auf "
            "erhöhtem Niveau. In dieser Situation macht die Zentralbank ihren Job.“\n")
    kind, said, _ = proposed(text, published=FuzzyDate(2023, 3, 16))
    assert kind == "statement"
    assert [who for _, who in said] == ["grete-weissmueller"]


def test_a_letter_under_a_pages_breadcrumbs_is_its_writers_statement():
    people = {"theresa-may": Person("theresa-may", "Theresa May", aliases=("May",))}
    text = ("- Accueil\n"
            "- Communiqués de presse\n"
            "- Réponse du président à un article du Jo...\n"
            "Réponse du président à un article du Journal\n"
            "17 mai 2024\n"
            "Mise en ligne le 17 Mai 2024\n"
            "Monsieur le directeur,\n"
            "Je viens de lire avec stupéfaction l’article du Journal sur « les frais de "
            "déplacement du président de l’Institut en question ». C’est nous qui, en toute "
            "transparence, lui avons passé ces notes.\n"
            "Lorsqu’en 2015 le conseil m’a fait l’honneur de me nommer, j’ai dit que j’étais "
            "« un homme libre et un homme droit », et que je m’engageais à servir comme tel. "
            "Depuis neuf ans, tout le monde reconnaît que j’ai été fidèle à cet engagement.\n")
    drafted = draft(text, people, {})
    assert drafted.kind == "statement"
    assert [q.text[:13] for q in drafted.quotes] == ["Je viens de l", "Lorsqu’en 201"]
    assert all(q.speaker is None for q in drafted.quotes)  # never Theresa May for '17 Mai'


def test_paragraphs_between_an_introducing_sentence_and_a_dashed_signature_are_one_quote():
    text = ("Storm could miss mainland\n\n"
            "The weather service has issued warnings for wind and rain for Monday.\n\n"
            "However, chief forecaster Jane Example said the storm was not certain to hit "
            "the mainland and could pass through the Channel:\n\n"
            "This storm does not exist yet, but the models predict it is likely to develop in "
            "the west Atlantic on Saturday.\n\n"
            "Then it is likely to intensify quickly just west of the coast late on Sunday "
            "before tracking east early on Monday.\n\n"
            "There is still a chance it takes a more southerly track, but people should be "
            "aware there is a risk of severe weather and disruption.\n\n"
            "– Jane Example, Weather Service\n")
    _, said, _ = proposed(text, published=FuzzyDate(2013, 10, 25))
    block = [w for w, who in said if who == "jane-example" and w.startswith("This storm")]
    assert block and "Then it is likely" in block[0] and "still a chance" in block[0]


def test_two_quotations_joined_by_a_few_words_are_signed_by_the_sentences_attribution():
    text = ("Alerte rouge sur l'île\n\n"
            "« J’ai pris la décision de déclencher l’alerte rouge à compter de 20h00 », "
            "jusqu’à « sans doute mardi matin », a indiqué lors d’une conférence de presse le "
            "préfet de l'île, Jean Exemple. « Chacune et chacun devra se confiner », a-t-il "
            "ajouté.\n")
    _, said, _ = proposed(text, published=FuzzyDate(2024, 1, 14))
    assert dict(said)["J’ai pris la décision de déclencher l’alerte rouge à compter de 20h00"] \
        == "jean-exemple"


def test_an_unlabelled_question_above_a_labelled_answer_makes_an_interview():
    text = ("Interview mit Institutschef Anna Beispiel: „Wir dürfen das Virus nicht "
            "unterschätzen“\n\n"
            "Anna Beispiel ist Präsidentin des Instituts und äußert sich regelmäßig zur "
            "Ausbreitung des Virus. Sie spricht im Interview über die aktuelle Lage im Land.\n\n"
            "Wie schätzen Sie die derzeitige Lage ein?\n\n"
            "Anna Beispiel: Wir sind immer noch am Anfang einer Pandemie. Durch die Maßnahmen "
            "gelingt es uns, die Verbreitung des Virus zu verlangsamen, aber wir müssen immer "
            "wieder überprüfen, wie die Lage ist.\n")
    kind, said, _ = proposed(text, published=FuzzyDate(2020, 4, 1))
    assert kind == "transcript"
    assert ("Wir dürfen das Virus nicht unterschätzen", "anna-beispiel") in said


def test_the_body_in_the_clause_before_the_colon_speaks_as_it_calls_itself():
    text = ("Sturm über dem Land: der Live-Blog\n\n"
            "22:20 Uhr: Ende des Live-Blogs\n"
            "Ausläufer des Sturms sind zwar noch immer im Land zu spüren, der Norddeutsche "
            "Wetterdienst gibt aber Entwarnung für die Küste: \"Das Sturmtief hat uns bereits "
            "überquert und liegt über der Ostsee.\"\n"
            "21:18 Uhr: Bäume auf den Gleisen\n"
            "Der Zugverkehr ist im ganzen Norden eingestellt worden.\n")
    _, said, _ = proposed(text, published=DAY)
    assert dict(said)["Das Sturmtief hat uns bereits überquert und liegt über der Ostsee."] \
        == "norddeutscher-wetterdienst"


def test_the_title_printed_again_over_a_download_link_is_no_turn():
    text = ("Иван Примеров - Без посредников - 2009-02-11\n\n"
            "11.02.2009\n"
            "Иван Примеров - Без посредников - 2009-02-11 Скачать\n\n"
            "ПЁТР ВЕДУЩИЙ: Добрый вечер. В гостях у меня сегодня Иван Примеров. Добрый вечер, "
            "Иван Петрович.\n\n"
            "ИВАН ПРИМЕРОВ: Добрый вечер.\n\n"
            "П. ВЕДУЩИЙ: Как вы пришли на радио?\n\n"
            "И. ПРИМЕРОВ: Ну, я всем говорю, что пришёл случайно, но остался надолго, потому что "
            "мне понравилось работать в прямом эфире.\n")
    _, said, _ = proposed(text)
    assert not any("Скачать" in w for w, _ in said)
    assert any(w.startswith("Ну, я всем говорю") for w, _ in said)


def test_two_quotations_joined_and_signed_by_a_pronoun_go_on_with_the_speaker():
    text = ("Le ministre ne démissionnera pas\n\n"
            "Jean Exemple s’est montré clair. « Je n’ai absolument pas de raison de partir », a "
            "déclaré, vendredi, le ministre. « Je l’ai dit au Premier ministre qui ne me l’a pas "
            "demandé », en précisant avoir reçu mercredi le « soutien » du président Paul Autre. "
            "« Forcément, on peut penser à tout abandonner » quand « on est attaqué matin, midi "
            "et soir », a-t-il ajouté.\n")
    people = {"paul-autre": Person("paul-autre", "Paul Autre", aliases=("Autre",))}
    drafted = draft(text, people, {}, published=FuzzyDate(2019, 7, 12))
    assert [q.name for q in drafted.quotes if "Forcément" in q.text] == ["Jean Exemple"]
