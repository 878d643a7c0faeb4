"""Round twenty-one's general rules, each on a text written for the test in the shape of the
round's texts: a date line's month, interviews cut after their first answer, a guest named by
the lead (after 'interviewed', set off by commas, in an oblique case), a byline and a credit
line that name who asks, a count of people, two offices before a name, a signature under the
writer's possessive, a team's signature, an office's body in a heading, an adverb before the
subject, a greeting signed office first, and a verb of insisting."""

from __future__ import annotations

from drafts import proposed

from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate, Person

DAY = FuzzyDate(2021, 5, 12)


def test_a_month_before_its_day_is_no_surname():
    people = {"theresa-may": Person("theresa-may", "Theresa May", aliases=("May",))}
    text = ("May 12th, 2021 / 9:15 am\n\n"
            "A Letter to My Neighbours\n\n"
            "I have lived on this street for thirty years, and I have never seen the park as "
            "neglected as it is this spring. We planted the lime trees together in 1995.\n\n"
            "I ask each of you to join me on Saturday morning, with gloves and a rake, so that "
            "we can give the children back a place where they are glad to play.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.quotes and all(q.speaker != "theresa-may" for q in drafted.quotes)


def test_an_interview_cut_after_its_first_answer_is_a_transcript():
    text = ("Le marché aux fleurs fête ses cent ans\n"
            "Chaque dimanche, des centaines de visiteurs se pressent entre les étals du quai, "
            "où une trentaine d’horticulteurs vendent leurs plants depuis 1921.\n"
            "A l’occasion de cet anniversaire, Radio Exemple s’est entretenue avec Marie "
            "Dupré, présidente de l’association des horticulteurs.\n"
            "Est-ce que le marché a retrouvé ses visiteurs d’avant la crise ?\n"
            "Oui, et même davantage ! Nous avons accueilli au printemps des familles que nous "
            "ne connaissions pas, et je crois que le marché a gagné une nouvelle génération.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert [(words[:8], who) for words, who in said] == [("Oui, et ", "marie-dupre")]


def test_the_guest_a_lead_says_was_interviewed_is_the_one_answering():
    text = ("An Interview with a Ferryman\n\n"
            "Last month I wrote to five ferry services and asked for an email interview. "
            "These answers are from J. Harbour. He runs the crossing at Lower Ford.\n\n"
            "Is the ferry still needed now that the new bridge is open?\n\n"
            "Absolutely. The bridge is nine miles upstream, and half my passengers are "
            "walkers and cyclists who would never go that far. I carry schoolchildren every "
            "morning, and we have not missed a crossing in two winters.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert [who for _, who in said] == ["j-harbour"]


def test_a_guest_set_off_by_commas_before_interviewed_answers_not_the_byline():
    text = ("Der letzte Schmied im Dorf. Ein Interview\n"
            "Von Lena Muster, Klasse 9a, Goethe-Schule Essen\n\n"
            "Für unsere Schülerzeitung habe ich den Schmied aus unserem Nachbardorf, Anton, "
            "interviewt. Er erzählte mir von seiner Werkstatt.\n\n"
            "Wie sind Sie Schmied geworden?\n"
            "Mein Vater hatte die Werkstatt schon, und ich habe als Junge jeden Nachmittag "
            "dort geholfen. Mit sechzehn habe ich dann die Lehre angefangen.\n\n"
            "Was machen Sie heute am liebsten?\n"
            "Ich beschlage immer noch Pferde, aber am liebsten schmiede ich Gartentore, weil "
            "ich da selbst entwerfen kann.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert len(said) == 2 and {who for _, who in said} == {"anton"}


def test_a_guest_addressed_by_name_and_patronymic_takes_the_leads_surname():
    text = ("Сезон открыт\n"
            "Театр кукол открывает новый сезон премьерой. О планах театра мы поговорили с "
            "новым художественным руководителем Павлом Сидоровым.\n"
            "— Павел Андреевич, чем удивит зрителей новый сезон?\n"
            "— Мы покажем четыре премьеры, и я рад, что две из них поставят молодые "
            "режиссёры. Зрители уже раскупили билеты на первые показы спектакля "
            "«Волшебная лампа».\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert [who for _, who in said] == ["pavel-sidorov"]


def test_the_interviewer_credited_in_the_header_does_not_answer():
    text = ("Harbour Oral History Project\n\n"
            "Interview with Thomas Keel\n\n"
            "Conducted by Ruth Archer\n\n"
            "The following is a taped interview with Thomas Keel of Port Ellen.\n\n"
            "RA: Where were you born, Mr Keel?\n\n"
            "TK: In the harbour master's house, right on the quay, in 1931.\n\n"
            "RA: And your father worked the boats?\n\n"
            "TK: He did, and his father before him, for fifty years or more.\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "transcript"
    assert len(said) == 2 and {who for _, who in said} == {"thomas-keel"}


def test_a_count_of_people_is_no_one_reported():
    text = ("The survey of the town's shopkeepers ended on Friday.\n\n"
            "Of the twenty we called, only eight answered. Six said that the new parking "
            "charges had cost them customers, and two would not say.\n")
    _, said, _ = proposed(text, published=DAY)
    assert not any(words.startswith("the new parking") for words, _ in said)


def test_two_offices_before_a_name_are_the_speakers():
    text = ("Das Theater zeigte am Freitag die erste Premiere der Saison.\n\n"
            "„Es ist ein mutiger Abend, und das Publikum hat ihn verstanden“, sagte "
            "Regisseurin und Autorin Eva Beispiel NDR 90,3. Der Applaus dauerte zehn Minuten.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["eva-beispiel"]


def test_the_names_under_the_writers_possessive_sign_the_greeting():
    text = ("Grußwort zum 30. Dorffest am 7. und 8.9.2019\n\n"
            "Liebe Festbesucher,\n\n"
            "am Samstag ist es wieder so weit! Unser Dorffest beginnt, und das ganze Dorf ist "
            "auf den Beinen, um seine Gäste willkommen zu heißen.\n\n"
            "Auch wenn man manchmal hört, dass solche Feste im Zeichen von Bier und Bratwurst "
            "stünden, wollen wir unser Fest nicht missen. Es bringt Menschen zusammen, die "
            "sich das Jahr über kaum sehen.\n\n"
            "Ihr\n\n"
            "Karl Heinz Muster\n"
            "1. Bürgermeister\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert said and {who for _, who in said} == {"karl-heinz-muster"}


def test_a_teams_signature_signs_for_its_body():
    text = ("La piscine sera fermée pendant les travaux\n\n"
            "Chers nageurs,\n\n"
            "Nous vous informons que la piscine fermera ses portes du 2 au 30 juin pour la "
            "rénovation de ses bassins et de ses vestiaires.\n\n"
            "Nous sommes désolés de ce désagrément et nous vous tiendrons au courant de la "
            "date de réouverture par mail et sur notre site.\n\n"
            "À bientôt,\n"
            "L’équipe de la piscine Exemple\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert len(said) == 2 and {who for _, who in said} == {"piscine-exemple"}


def test_a_heading_naming_an_office_of_a_body_does_not_name_the_body_as_speaker():
    people = {"jean-exemple": Person("jean-exemple", "Jean Exemple",
                                     aliases=("Mgr Jean Exemple",))}
    text = ("Message du Directeur des Archives de Exempleville\n"
            "Extrait du message de Mgr Jean Exemple, directeur des Archives, aux lecteurs\n"
            "Chers amis,\n"
            "La fermeture de nos salles de lecture met nos projets à rude épreuve, et il nous "
            "faut apprendre à travailler autrement. J’espère que vous et vos proches allez "
            "bien, et je vous remercie de votre patience pendant ces semaines difficiles.\n")
    drafted = draft(text, people, {}, published=DAY)
    assert drafted.kind == "statement"
    assert [q.speaker for q in drafted.quotes] == ["jean-exemple"]


def test_an_adverb_between_the_verb_and_the_subject_is_no_part_of_the_name():
    text = ("Le marché de Noël a ouvert ses portes mercredi.\n\n"
            "La place a été réaménagée en trois jours. « Une prouesse technique pour aménager "
            "cette place en si peu de temps », confie même Jean Exemple, adjoint au maire "
            "chargé des festivités.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["jean-exemple"]


def test_a_greeting_signed_office_first_is_its_signers_statement():
    text = ("Дорогие друзья, коллеги, от всего Союза металлургов России и от себя лично "
            "поздравляю Вас с профессиональным праздником - с Днем металлурга!\n"
            "Желаю, чтобы работа приносила Вам радость, а дома ждали родные. Чтобы печи "
            "горели ровно, а план выполнялся. Крепкого здоровья и мирного неба!\n"
            "Я сам вырос в семье металлургов и всегда гордился своим отцом, который сорок "
            "лет простоял у доменной печи и научил меня уважать труд.\n"
            "Особенно хочу поздравить ветеранов отрасли, которые передают свой опыт молодым "
            "рабочим и по-прежнему приходят на завод в праздники.\n"
            "Председатель Союза\n"
            "металлургов России\n"
            "Иван Примеров\n")
    kind, said, _ = proposed(text, published=DAY)
    assert kind == "statement"
    assert [(words[:7], who) for words, who in said] == [
        ("Я сам в", "ivan-primerov"), ("Особенн", "ivan-primerov")]


def test_insisting_signs_a_quotation_as_said_does():
    text = ("The summit ended this afternoon.\n\n"
            "Tom Other opened the session. “It is my responsibility to tell our partners that "
            "the harbour will stay open,” Jane Example presses.\n\n"
            "“The harbour has been closed for a week,” Jane Example pressed.\n")
    _, said, _ = proposed(text, published=DAY)
    # Not the one named in the sentence before, and not left to the editor.
    assert [who for _, who in said] == ["jane-example", "jane-example"]


def test_a_surname_the_text_gives_a_possessive_is_whom_he_points_back_to():
    text = ("19:45: Example’s first press conference abroad is over. He hailed the summit.\n\n"
            "19:30: Example has one eye on the audience at home. “It is my responsibility to "
            "lead this country into the wider world,” he said.\n\n"
            "19:00: The press conference begins, forty minutes late.\n")
    _, said, _ = proposed(text, published=DAY)
    assert [who for _, who in said] == ["example"]
