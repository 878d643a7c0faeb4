"""Round twelve's remaining causes, each as a general rule on a text written for the test: a
speech printed with its manuscript's line breaks, a spokesman's briefing and ministerial
releases as statements, live pages' bullets and names in marks, voices of a live-tweeted hearing,
reported speech inside spoken paragraphs, and the notes a statement's speaker comes with."""

from __future__ import annotations

from build_dossier.draft.frontmatter import speaker_id
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
