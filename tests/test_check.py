import hashlib
import textwrap
from pathlib import Path

from build_dossier.build import check
from build_dossier.cli import main
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
    """What `check` says, less the warnings about unrecorded provenance (tested on their own)."""
    return [p.format() for p in check(root) if not p.message.startswith("not recorded;")]


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
        "sources/a.md:6: error: quotes[0].speaker: unknown person 'jens-stoltenbreg' "
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
        "sources/a.md:5: error: title: duplicate key 'title' (first given on line 2)",
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


def write_source(tmp_path: Path, name: str, data: bytes) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources/people.yml").write_text(PEOPLE)
    (tmp_path / "sources/events.yml").write_text(EVENTS)
    (tmp_path / "sources" / name).write_bytes(data)
    return tmp_path


def test_a_file_that_is_not_utf8_is_reported_with_the_line(tmp_path):
    root = write_source(tmp_path, "a.md", b"---\ntitle: T\npublished: 2022\n---\nCaf\xe9 text\n")
    [message] = messages(root)
    assert message.startswith("sources/a.md:5: error:")
    assert "UTF-8" in message


def test_empty_file_and_missing_front_matter_say_what_to_do(tmp_path):
    root = write_source(tmp_path, "a.md", b"")
    write_source(tmp_path, "b.md", b"Just an article, no front matter.\n")
    found = messages(root)
    assert len(found) == 2
    assert found[0].startswith("sources/a.md: error:") and "empty" in found[0]
    assert found[1].startswith("sources/b.md:1: error:") and "front matter" in found[1]


def test_reserved_and_unsafe_ids_are_refused(tmp_path):
    root = make(tmp_path, "title: T\npublished: 2022\nid: con\n")
    write_source(tmp_path, "b c.md", b"---\ntitle: T\npublished: 2022\n---\nText\n")
    text = "\n".join(messages(root))
    assert "sources/a.md:4: error: id:" in text and "reserved" in text
    assert "sources/b c.md: error: id: the file name gives the id" in text


def test_unknown_events_are_reported_on_the_line_that_names_them(tmp_path):
    root = make(tmp_path, """\
        title: T
        published: 2022-01-12
        reports:
          - 2022-01-12-nrc
          - 2022-01-12-nrk
        quotes:
          - text: This was not easy.
            speaker: jens-stoltenberg
            event: 2022-01-12-nrx
        """)
    assert messages(root) == [
        "sources/a.md:6: error: reports: unknown event '2022-01-12-nrk' "
        "(did you mean '2022-01-12-nrc'?)",
        "sources/a.md:10: error: quotes[0].event: unknown event '2022-01-12-nrx' "
        "(did you mean '2022-01-12-nrc'?)",
    ]


def test_duplicate_source_ids_name_both_files(tmp_path):
    root = make(tmp_path, "title: T\npublished: 2022\nid: same\n")
    write_source(tmp_path, "b.md", b"---\nid: same\ntitle: U\npublished: 2022\n---\nText\n")
    assert "sources/b.md:2: error: id: duplicate source id 'same' (also sources/a.md)" in \
        messages(root)


def test_reporting_an_event_dated_after_publication_is_a_warning(tmp_path):
    root = make(tmp_path, "title: T\npublished: 2022-01-10\nreports: [2022-01-12-nrc]\n")
    [warning] = messages(root)
    assert warning.startswith("sources/a.md:4: warning: reports: reports '2022-01-12-nrc'")
    assert "'announces'" in warning
    assert main(["check", "--root", str(root)]) == 0


def test_unrecorded_outlet_address_and_author_are_warned_on_the_title_line(tmp_path):
    root = make(tmp_path, """\
        published: 2022-01-12
        title: T
        outlet: Example Gazette
        """)
    problems = check(root)
    assert [p.format() for p in problems] == [
        "sources/a.md:3: warning: author: not recorded; add who wrote or issued it if the text "
        "or its page says (pages show 'author not recorded')",
        "sources/a.md:3: warning: url: not recorded; add its address if the text or its page "
        "says (pages show 'address not recorded')",
    ]
    assert main(["check", "--root", str(root)]) == 0  # a gap to see, not an error
