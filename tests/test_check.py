"""`build-dossier check` on the seeds and on small bad inputs. Cases whose whole output is
worth reviewing as a file are golden cases in tests/cases/ (see test_cases.py)."""

import hashlib
from pathlib import Path

from dossiers import REGISTRIES, SEEDS, without_unrecorded

from build_dossier.build import check
from build_dossier.cli import main
from build_dossier.model import DateError, FuzzyDate

BODY = "He said: “This was not easy.”"


def source(front: str, body: str = BODY) -> str:
    return "---\n" + front + "---\n" + body


def messages(root: Path) -> list[str]:
    """What `check` says, less the warnings about unrecorded provenance (tested on their own)."""
    return without_unrecorded(p.format() for p in check(root))


def test_repository_sources_are_clean():
    assert [p for p in check(SEEDS.parent) if p.severity == "error"] == []


def test_seed_texts_are_verbatim():
    for line in (SEEDS.parent / "tests/seeds.sha256").read_text().splitlines():
        digest, source_id = line.split()
        text = (SEEDS / f"{source_id}.md").read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]
        assert hashlib.sha256(body.encode()).hexdigest() == digest, source_id


def test_typographic_differences_are_ignored(new_dossier):
    root = new_dossier(sources={**REGISTRIES, "a.md": source(
        "title: T\npublished: 2022-01-12\nquotes:\n"
        "  - text: \"\\\"This   was not easy.\\\"\"\n"
        "    speaker: jens-stoltenberg\n    date: 2022-01-12\n")}, site_files=False)
    assert messages(root) == []


def test_yaml_syntax_error_at_its_line_and_exit_code(new_dossier, capsys):
    root = new_dossier(sources={**REGISTRIES, "a.md": source("title: T\npublished: [2022\n")},
                       site_files=False)
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "sources/a.md:" in out and "YAML syntax error" in out
    assert "Traceback" not in out


def test_fuzzy_dates():
    assert FuzzyDate.parse("~2022-01").human() == "c. January 2022"
    assert FuzzyDate.parse("2022-01-12").precision == "day"
    try:
        FuzzyDate.parse("2022-13")
    except DateError as error:
        assert "no month 13" in str(error)
    else:
        raise AssertionError("2022-13 accepted")


def test_a_file_that_is_not_utf8_is_reported_with_the_line(new_dossier):
    root = new_dossier(sources={
        **REGISTRIES, "a.md": b"---\ntitle: T\npublished: 2022\n---\nCaf\xe9 text\n"},
        site_files=False)
    [message] = messages(root)
    assert message.startswith("sources/a.md:5: error:")
    assert "UTF-8" in message


def test_empty_file_and_missing_front_matter_say_what_to_do(new_dossier):
    root = new_dossier(sources={**REGISTRIES, "a.md": b"",
                                "b.md": "Just an article, no front matter.\n"}, site_files=False)
    found = messages(root)
    assert len(found) == 2
    assert found[0].startswith("sources/a.md: error:") and "empty" in found[0]
    assert found[1].startswith("sources/b.md:1: error:") and "front matter" in found[1]
