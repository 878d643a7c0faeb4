"""Round twelve's remaining causes, each as a general rule on a text written for the test: a
speech printed with its manuscript's line breaks, a spokesman's briefing and ministerial
releases as statements, live pages' bullets and names in marks, voices of a live-tweeted hearing,
reported speech inside spoken paragraphs, and the notes a statement's speaker comes with."""

from __future__ import annotations

from build_dossier.draft.frontmatter import front_matter, speaker_id
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

DAY = FuzzyDate.parse("2019-12-13")


def _said(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    drafted = draft(text, {}, {}, published=DAY)
    return drafted.kind, [(q.text, speaker_id(q, drafted.language), q.kind)
                          for q in drafted.quotes]


def test_a_speech_printed_with_its_manuscripts_line_breaks_is_one_quote_per_sentence():
    text = ("Stadtportal Archiv\n"
            "Rückblick auf das Jahr 2019\n"
            "Von Bürgermeisterin\n"
            "Anna Beispielfrau\n"
            "Sehr geehrte Damen und Herren des Stadtrats,\n"
            "liebe Gäste!\n"
            "Das Jahr geht zu Ende, und wir dürfen mit Stolz auf die vergangenen zwölf Monate\n"
            "zurückblicken.\n"
            "Unsere Stadt hat in diesem Jahr zwei neue Schulen eröffnet und den Bahnhof ganz\n"
            "neu gestaltet, was viele Bürgerinnen und Bürger sich lange gewünscht haben.\n"
            "Ich danke allen, die in Vereinen und Verbänden ihre freie Zeit für andere geben.\n"
            "Für das kommende Jahr nehmen wir uns vor, die Innenstadt weiter zu beleben und den\n"
            "Radverkehr sicherer zu machen.\n")
    kind, said = _said(text)
    assert kind == "statement"
    assert [who for _, who, _ in said] == ["anna-beispielfrau"] * 4
    # Each sentence opening a line is its own quote, running over the manuscript's break.
    assert said[0][0] == ("Das Jahr geht zu Ende, und wir dürfen mit Stolz auf die vergangenen "
                          "zwölf Monate zurückblicken.")
    assert said[3][0].startswith("Für das kommende Jahr")
    assert not any(words.startswith(("Sehr geehrte", "liebe")) for words, _, _ in said)


def test_a_spokesmans_briefing_that_relays_others_is_his_statement_not_news():
    text = ("Compte rendu intégral\n\n"
            "Je vais vous rendre compte des travaux du conseil municipal de ce matin, qui avait "
            "un ordre du jour chargé, budget, écoles, transports et logement.\n\n"
            "C'est le point qui retiendra le plus votre attention, le conseil a commencé par "
            "les inondations de la semaine dernière dans les quartiers du nord de la ville.\n\n"
            "Le maire a indiqué que les familles sinistrées seront relogées avant la fin du mois. "
            "Mais il y a des priorités qui ne peuvent pas attendre. Nous avons tout fait pour "
            "rouvrir les écoles dès lundi, et nous continuerons.\n")
    kind, said = _said(text)
    assert kind == "statement"
    direct = [words for words, _, how in said if how == "direct"]
    assert direct[0].startswith("Je vais vous rendre compte")
    # The mayor's words he relays are reported speech, not the spokesman's quotation.
    assert any(how == "paraphrase" and words.startswith("les familles sinistrées")
               for words, _, how in said)
    assert any(words.startswith("Mais il y a des priorités") for words in direct)
    assert not any("relogées" in words for words in direct)


def test_words_set_off_after_someone_elses_verb_and_colon_are_that_persons():
    text = ("Rede der Präsidentin Eva Musterfrau zum Gedenktag\n\n"
            "Sehr geehrte Damen und Herren!\n\n"
            "Heute vor fünfzig Jahren wurde die Stadt befreit. Vor zwanzig Jahren sprach hier "
            "zum ersten Mal ein Zeitzeuge, und damals sagte Altbürgermeister Karl Beispiel:\n\n"
            "„… ohne Erinnerung gibt es keine Zukunft für unsere Stadt und ihre Kinder.“\n\n"
            "Wir haben diese Worte nicht vergessen, und wir erinnern uns heute gemeinsam an "
            "alle, die damals gelitten haben.\n")
    _, said = _said(text)
    whose = {words[:20]: who for words, who, _ in said}
    assert whose["… ohne Erinnerung gi"] == "karl-beispiel"
    assert whose["Wir haben diese Wort"] == "eva-musterfrau"


def test_a_ministerial_release_is_its_ministers_statement():
    text = ("Media Release\n"
            "Minister for Coastal Affairs\n"
            "Dr Jane Q. Harbour\n\n"
            "4 March 2019\n\n"
            "New Funding for Coastal Dunes\n\n"
            "The Government today announced new funding for dune repair along the east coast, "
            "says Minister for Coastal Affairs Jane Q. Harbour.\n\n"
            "\"The dunes protect thousands of homes, and this funding will let councils rebuild "
            "them before the winter storms,\" Dr Harbour said.\n\n"
            "\"We listened to the towns that asked for help and we acted,\" Dr Jane Q. Harbour, "
            "the Coastal Affairs Minister said today.\n")
    drafted = draft(text, {}, {})
    assert drafted.kind == "statement"
    said = [(q.text, speaker_id(q, drafted.language), q.kind) for q in drafted.quotes]
    assert [who for _, who, how in said if how == "direct"] == ["jane-q-harbour"] * 2
    # The lead before '… says Minister … Jane Q. Harbour' is her paraphrase, not her name.
    assert ("The Government today announced new funding for dune repair along the east coast",
            "jane-q-harbour", "paraphrase") in said
    assert any("release's issuer" in note and "Jane Q. Harbour" in note
               for note in drafted.notes)


def test_a_label_printed_without_a_colon_is_quoted_as_printed_and_the_title_gives_the_role():
    text = ("Entretien de M. Paul Garnier, ministre du logement, à Radio Exemple le 4 mai 2015\n\n"
            "SOPHIE MARTIN Bonjour Paul Garnier.\n\n"
            "PAUL GARNIER Bonjour.\n\n"
            "SOPHIE MARTIN Les loyers montent encore, que faites-vous ?\n\n"
            "PAUL GARNIER Nous allons construire cent mille logements de plus cette année, et "
            "nous tiendrons cet engagement.\n")
    drafted = draft(text, {}, {})
    front = front_matter(drafted, origin="entretien.txt")
    assert "speaker from « PAUL GARNIER »" in front
    assert "PAUL GARNIER:" not in front
    person = front[front.index("#   paul-garnier:"):]
    assert 'role: "ministre du logement"' in person


def test_a_live_pages_key_points_are_not_quotations_but_their_reported_speech_is_kept():
    text = ("Floods: rivers burst their banks overnight\n\n"
            "Key Points\n\n"
            "• Rivers have burst their banks across three counties, with roads closed near the "
            "coast\n"
            "• Prime Minister Tom Hale says that the army will help to rebuild the flood defences\n"
            "• More than 30 flood warnings are in place in the south and the west\n\n"
            "Live Text\n\n"
            "06:10:\n\n"
            "Farmer Jo Field tells us the water reached her kitchen. \"We lost everything on the "
            "ground floor, the furniture, the photographs, all of it.\"\n\n"
            "05:45:\n\n"
            "The rain has stopped in the west, but the rivers are still rising.\n")
    kind, said = _said(text)
    assert kind == "live"
    assert not any(words.lstrip("• ").startswith(("Rivers have burst", "More than 30"))
                   for words, _, _ in said)
    assert any(how == "paraphrase" and "army will help" in words for words, _, how in said)
    assert ("We lost everything on the ground floor, the furniture, the photographs, all of it.",
            "jo-field", "direct") in said


def test_a_bodys_spokesperson_named_beside_it_is_the_speaker_not_the_body():
    text = ("Jeudi 12 décembre, jour de grève au port. Pour le Syndicat des Dockers, une seule "
            "issue est possible : « la fermeture du port », comme l’ont répété ces derniers jours "
            "ses représentantes, Lina Morel et Paul Roux.\n\n"
            "8h10 // Les premiers piquets\n\n"
            "« Nous avons attendu des mois une réponse de la direction, et personne n'est venu "
            "nous parler », lançait Lina Morel dans la matinée, annonçant l'arrivée de ses "
            "collègues venus de tout le département pour se rassembler devant la capitainerie.\n")
    _, said = _said(text)
    assert [who for _, who, _ in said] == ["lina-morel", "lina-morel"]


def test_a_live_tweeted_hearings_voices_go_to_who_said_them():
    text = ("La cour rejette la demande de renvoi.\n"
            "Jean-Marc Dubois-Lefort, très énervé : \"Nous avons demandé le renvoi parce que vous "
            "nous l'avez proposé, monsieur le président !\"\n"
            "\"Tout ce qui a été dit ce matin doit rester entre nous\" tonne Claire Martin, pour "
            "les parties civiles.\n"
            "JMDL continue : \"Vous nous avez dit ce matin que vous préfériez un autre "
            "président !\"\n"
            "Claire Martin crie \"on va chercher le bâtonnier !\"\n"
            "JMDL \"Nous l'avons fait pour vous aider, monsieur le président !\"\n")
    _, said = _said(text)
    assert [(words[:12], who) for words, who, _ in said] == [
        ("Nous avons d", "jean-marc-dubois-lefort"), ("Tout ce qui ", "claire-martin"),
        ("Vous nous av", "jean-marc-dubois-lefort"), ("on va cherch", "claire-martin"),
        ("Nous l'avons", "jean-marc-dubois-lefort")]
