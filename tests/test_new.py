"""`build-dossier new`: drafted sources check with warnings only, quotes and speakers are found in
texts of every kind, and nothing existing is ever overwritten."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from bench.measure_new import annotated_sources, measure_text, sample_texts
from build_dossier.build import check
from build_dossier.cli import main
from build_dossier.load import _Report, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "texts"


def dossier(tmp_path: Path, registry: Path = TEXTS) -> Path:
    """An empty dossier with the sample texts' registries."""
    (tmp_path / "sources").mkdir()
    for name in ("people.yml", "events.yml"):
        shutil.copy(registry / name, tmp_path / "sources" / name)
    (tmp_path / "sources" / "dossier.yml").write_text("title: Test\n", encoding="utf-8")
    return tmp_path


def front_and_body(path: Path) -> tuple[dict, str]:
    split = split_front_matter(path.read_text(encoding="utf-8"), _Report(path.name, []))
    assert split is not None
    return yaml.safe_load(split[0]), split[1]


@pytest.mark.parametrize("name", [p.name for p in sorted(TEXTS.glob("*.txt"))])
def test_sample_texts_quotes_and_speakers_are_found(name):
    text, expected, published = next((t, q, p) for n, t, q, p in sample_texts(TEXTS) if n == name)
    score = measure_text(name, text, expected, TEXTS, published)
    assert score.errors == 0
    assert score.found == score.quotes, score.misses
    assert score.speakers >= score.quotes - 1, score.misses


def test_annotated_seeds_meet_the_targets():
    scores = [measure_text(n, t, q, ROOT / "sources", p)
              for n, t, q, p in annotated_sources(ROOT)]
    quotes = sum(s.quotes for s in scores)
    assert sum(s.errors for s in scores) == 0
    assert sum(s.found for s in scores) >= 0.9 * quotes
    assert sum(s.speakers for s in scores) >= 0.8 * quotes


def test_new_writes_the_text_unchanged_with_guesses_to_confirm(tmp_path, capsys):
    root = dossier(tmp_path)
    article = TEXTS / "transcript-press-briefing.txt"
    assert main(["new", str(article), "--root", str(root), "--outlet", "US State Department",
                 "--url", "https://example.org/briefing"]) == 0
    written = root / "sources" / "2022-01-10-department-press-briefing-january-10-2022.md"
    assert f"Wrote sources/{written.name}" in capsys.readouterr().out
    meta, body = front_and_body(written)
    assert body == article.read_text(encoding="utf-8")
    assert meta["title"] == "Department Press Briefing – January 10, 2022"
    assert meta["published"] == "2022-01-10"
    assert meta["outlet"] == "US State Department"
    speakers = {q["speaker"] for q in meta["quotes"]}
    assert speakers == {"ned-price", "wendy-sherman"}
    # "on Wednesday" and "on Thursday", said on Monday 10 January, are ahead.
    assert meta["announces"] == ["2022-01-12-nato-russia-council"]
    assert all(q["confirm"] for q in meta["quotes"])
    problems = check(root)
    assert problems and all(p.severity == "warning" for p in problems)
    # Besides its guesses, only what the article did not give: here, its author.
    assert all(p.message.startswith(("to confirm: ", "not recorded;")) for p in problems)


def test_unknown_speakers_are_commented_out_and_listed_as_people_to_add(tmp_path):
    root = dossier(tmp_path, ROOT / "sources")
    people_before = (root / "sources" / "people.yml").read_bytes()
    article = TEXTS / "news-block-quotes.txt"
    assert main(["new", str(article), "--root", str(root), "--id", "geneva-talks"]) == 0
    path = root / "sources" / "geneva-talks.md"
    meta, _ = front_and_body(path)
    text = path.read_text(encoding="utf-8")
    assert "#   sergei-ryabkov:" in text and '#     name: "Sergei Ryabkov"' in text
    assert '#     role: "Russian Deputy Foreign Minister"' in text
    assert "#   - text: \"For us it is absolutely mandatory" in text
    assert {q["speaker"] for q in meta["quotes"]} == {"jens-stoltenberg"}
    assert any("commented out" in note for note in meta["confirm"])
    assert all(p.severity == "warning" for p in check(root))
    assert (root / "sources" / "people.yml").read_bytes() == people_before


def test_new_never_overwrites_an_existing_source(tmp_path, capsys):
    root = dossier(tmp_path)
    existing = root / "sources" / "mine.md"
    existing.write_text("---\ntitle: Mine\npublished: 2022-01-01\n---\nText.\n", encoding="utf-8")
    before = existing.read_bytes()
    article = TEXTS / "wrapped-statement.txt"
    assert main(["new", str(article), "--root", str(root), "--id", "mine"]) == 1
    assert "sources/mine.md already exists" in capsys.readouterr().out
    assert existing.read_bytes() == before


def test_new_reads_standard_input_and_needs_a_date_it_cannot_find(tmp_path, monkeypatch):
    root = dossier(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(
        "Stoltenberg speaks\n\n“We are ready to talk,” Stoltenberg said on Wednesday.\n"))
    assert main(["new", "-", "--root", str(root), "--date", "2022-01-13"]) == 0
    meta, _ = front_and_body(root / "sources" / "2022-01-13-stoltenberg-speaks.md")
    assert meta["quotes"][0]["speaker"] == "jens-stoltenberg"
    assert meta["quotes"][0]["text"] == "We are ready to talk"
    # Wednesday before Thursday 13 January, in the past tense: the NATO-Russia Council.
    assert meta["reports"] == ["2022-01-12-nato-russia-council"]
    assert meta["quotes"][0]["event"] == "2022-01-12-nato-russia-council"


def test_new_rejects_bad_options_with_a_message(tmp_path, capsys):
    root = dossier(tmp_path)
    article = str(TEXTS / "wrapped-statement.txt")
    assert main(["new", article, "--root", str(root), "--date", "12 January"]) == 1
    assert "--date: '12 January' is not a date" in capsys.readouterr().out
    assert main(["new", article, "--root", str(root), "--id", "Bad Id"]) == 1
    assert "--id: 'Bad Id' is not a valid id" in capsys.readouterr().out
    assert list((root / "sources").glob("*.md")) == []
