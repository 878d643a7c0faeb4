"""`build-dossier check --format github`: each problem as a GitHub workflow annotation, which a
pull request shows on the line of its diff."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from build_dossier.cli import main
from build_dossier.github import annotation
from build_dossier.model import Problem

PEOPLE = "jens-stoltenberg:\n  name: Jens Stoltenberg\n  aliases: [Stoltenberg]\n"
EVENTS = "2022-01-12-nrc:\n  title: NATO-Russia Council\n  date: 2022-01-12\n"
BROKEN = textwrap.dedent("""\
    ---
    title: Talks
    outlet: The Gazette
    author: A. Reporter
    url: https://example.org/talks
    published: 2022-01-10
    reports: [2022-01-12-nrc]
    quotes:
      - text: This was not easy
        speaker: stoltenbreg
        event: 2022-01-12-nrc
    ---
    He said: “This was not easy.”
    """)


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["check", "--root", str(root), "--format", "github"])
    return status, capsys.readouterr().out.splitlines()


def test_a_broken_source_shows_as_annotations_on_its_lines(tmp_path, capsys):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/people.yml").write_text(PEOPLE)
    (tmp_path / "sources/events.yml").write_text(EVENTS)
    (tmp_path / "sources/dossier.yml").write_text("title: Test\n")
    (tmp_path / "sources/2022-01-10-talks.md").write_text(BROKEN, encoding="utf-8")
    status, lines = run_check(tmp_path, capsys)
    assert status == 1
    assert lines == [
        "::warning file=sources/2022-01-10-talks.md,line=7,title=build-dossier%3A reports::"
        "reports '2022-01-12-nrc' (12 January 2022) although it was published earlier "
        "(10 January 2022); should it be under 'announces'?",
        "::error file=sources/2022-01-10-talks.md,line=10,title=build-dossier%3A "
        "quotes[0].speaker::unknown person 'stoltenbreg' (did you mean 'jens-stoltenberg'?)",
        "Aborted: 1 error, 1 warning in 1 file.",
    ]


def test_the_repository_sources_give_no_error_annotation(capsys):
    status, lines = run_check(Path(__file__).resolve().parent.parent, capsys)
    assert status == 0 and not [line for line in lines if line.startswith("::error")]
    assert lines[-1].startswith("OK: ")


def test_values_are_escaped_as_the_runner_reads_them():
    problem = Problem("sources/a,b:c.md", 3, "error", "quotes[1].text",
                      "100% sure\r\nsays 'x: y, z'")
    assert annotation(problem) == (
        "::error file=sources/a%2Cb%3Ac.md,line=3,title=build-dossier%3A quotes[1].text::"
        "100%25 sure%0D%0Asays 'x: y, z'")


def test_a_problem_about_a_whole_file_has_no_line():
    assert annotation(Problem("sources/people.yml", 0, "warning", "", "empty")) == (
        "::warning file=sources/people.yml,title=build-dossier::empty")
