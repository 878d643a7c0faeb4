"""Messages an editor meets after drafting: a quote that differs late from the text says where,
YAML syntax errors say what to fix with line and column, and a quote may not have both an
event and a date."""

from __future__ import annotations

import textwrap
from pathlib import Path

from dossiers import without_unrecorded

from build_dossier.build import check

PEOPLE = "jens-stoltenberg:\n  name: Jens Stoltenberg\n  aliases: [Stoltenberg]\n"
EVENTS = "2022-01-12-nrc:\n  title: NATO-Russia Council\n  date: 2022-01-12\n"
BODY = ("Stoltenberg said the Alliance remains ready to engage in meaningful dialogue with Russia "
        "on arms control, transparency and risk reduction, but will not compromise on core "
        "principles.\n")


def messages(tmp_path: Path, front: str, body: str = BODY) -> list[str]:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/people.yml").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "sources/events.yml").write_text(EVENTS, encoding="utf-8")
    (tmp_path / "sources/a.md").write_text("---\n" + textwrap.dedent(front) + "---\n" + body,
                                           encoding="utf-8")
    return without_unrecorded(p.format() for p in check(tmp_path))


def test_a_quote_that_differs_late_shows_the_first_words_that_differ(tmp_path):
    quote = ("the Alliance remains ready to engage in meaningful dialogue with Russia on arms "
             "control, transparency and risk reduction, but will never compromise on core "
             "principles")
    (message,) = messages(tmp_path, f"""\
        title: T
        published: 2022-01-12
        quotes:
          - text: "{quote}"
            speaker: jens-stoltenberg
            event: 2022-01-12-nrc
        """)
    assert message.startswith("sources/a.md:5: error: quotes[0].text: ")
    assert message.endswith(
        "it differs from the text at word 21: the quote has \"…risk reduction, but will never "
        "compromise on…\", the text has \"…risk reduction, but will not compromise on…\"")


def test_a_quote_that_differs_early_still_shows_the_closest_passage(tmp_path):
    (message,) = messages(tmp_path, """\
        title: T
        published: 2022-01-12
        quotes:
          - text: "the Alliance is ready to engage"
            speaker: jens-stoltenberg
            event: 2022-01-12-nrc
        """)
    assert "closest passage: \"" in message


def test_a_yaml_syntax_error_says_what_to_fix_with_its_line_and_column(tmp_path):
    (message,) = messages(tmp_path, """\
        title: T
        published: 2022-01-12
        summary: "Stoltenberg speaks
        """)
    assert message == ("sources/a.md:4: error: YAML syntax error: the quotation mark at column "
                       "10 is never closed; close it at the end of the value")


def test_a_colon_in_an_unquoted_value_is_explained(tmp_path):
    (message,) = messages(tmp_path, """\
        title: Stoltenberg: talks go on
        published: 2022-01-12
        """)
    assert message.startswith("sources/a.md:2: error: YAML syntax error: the ':' at column 19 "
                              "cannot start a value here")
    assert "put such a value in quotes" in message


def test_a_quote_with_both_an_event_and_a_date_is_refused(tmp_path):
    (message,) = messages(tmp_path, """\
        title: T
        published: 2022-01-12
        quotes:
          - text: "the Alliance remains ready to engage in meaningful dialogue"
            speaker: jens-stoltenberg
            event: 2022-01-12-nrc
            date: 2022-01-13
        """)
    assert message == ("sources/a.md:8: error: quotes[0].date: give either 'event' or 'date', "
                       "not both: a quote said at an event has the event's date; remove 'date', "
                       "or remove 'event' if the words were said on another occasion")
