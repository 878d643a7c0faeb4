import hashlib
import textwrap
from pathlib import Path

from build_dossier.cli import check, main
from build_dossier.model import DateError, FuzzyDate

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = "jens-stoltenberg:\n  name: Jens Stoltenberg\n  aliases: [Stoltenberg]\n"
EVENTS = "2022-01-12-nrc:\n  title: NATO-Russia Council\n  date: 2022-01-12\n"


def make(tmp_path: Path, front: str, body: str = "He said: “This was not easy.”") -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/people.yml").write_text(PEOPLE)
    (tmp_path / "sources/events.yml").write_text(EVENTS)
    (tmp_path / "sources/a.md").write_text("---\n" + textwrap.dedent(front) + "---\n" + body)
    return tmp_path


def messages(root: Path) -> list[str]:
    return [p.format() for p in check(root)]


def test_repository_sources_are_clean():
    assert [p for p in check(ROOT) if p.severity == "error"] == []


def test_seed_texts_are_verbatim():
    for line in (ROOT / "tests/seeds.sha256").read_text().splitlines():
        digest, source_id = line.split()
        text = (ROOT / f"sources/{source_id}.md").read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]
        assert hashlib.sha256(body.encode()).hexdigest() == digest, source_id


def test_unknown_speaker_is_reported_with_line_and_suggestion(tmp_path):
    root = make(tmp_path, """\
        title: T
        published: 2022-01-12
        quotes:
          - text: This was not easy.
            speaker: jens-stoltenbreg
            event: 2022-01-12-nrc
        """)
    assert messages(root) == [
        "sources/a.md:5: error: quotes[0].speaker: unknown person 'jens-stoltenbreg' "
        "(did you mean 'jens-stoltenberg'?)"
    ]


def test_quote_not_in_text_shows_closest_passage(tmp_path):
    root = make(tmp_path, """\
        title: T
        published: 2022-01-12
        quotes:
          - text: This was not hard.
            speaker: jens-stoltenberg
            date: 2022-01-12
        """)
    (message,) = messages(root)
    assert message.startswith("sources/a.md:5: error: quotes[0].text: \"This was not hard.\" "
                              "is not in the source's text; closest passage:")


def test_typographic_differences_are_ignored(tmp_path):
    root = make(tmp_path, """\
        title: T
        published: 2022-01-12
        quotes:
          - text: "\\"This   was not easy.\\""
            speaker: jens-stoltenberg
            date: 2022-01-12
        """)
    assert messages(root) == []


def test_every_problem_reported_at_once(tmp_path):
    root = make(tmp_path, """\
        title: T
        published: 2022-02-30
        outlt: X
        title: again
        """)
    assert messages(root) == [
        "sources/a.md:3: error: published: '2022-02-30' is not a real day: "
        "February 2022 has 28 days",
        "sources/a.md:4: error: outlt: unknown key 'outlt' (did you mean 'outlet'?)",
        "sources/a.md:5: error: title: duplicate key 'title' (first given on line 1)",
    ]


def test_yaml_syntax_error_at_its_line_and_exit_code(tmp_path, capsys):
    root = make(tmp_path, "title: T\npublished: [2022\n")
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "sources/a.md:" in out and "YAML syntax error" in out
    assert "Traceback" not in out


def test_unsafe_ids_and_tags_are_refused(tmp_path):
    root = make(tmp_path, "id: ../x\ntitle: !!python/object:os.system x\npublished: 2022\n")
    text = "\n".join(messages(root))
    assert "YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed" in text


def test_fuzzy_dates():
    assert FuzzyDate.parse("~2022-01").human() == "c. January 2022"
    assert FuzzyDate.parse("2022-01-12").precision == "day"
    try:
        FuzzyDate.parse("2022-13")
    except DateError as error:
        assert "no month 13" in str(error)
    else:
        raise AssertionError("2022-13 accepted")
