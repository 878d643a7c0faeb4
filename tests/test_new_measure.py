"""How `bench.measure_new` judges reported speech: with a text's `reported:` key, a drafted
paraphrase of a recorded span is right and counts as "reported found"; a paraphrase of nothing
recorded, or a quotation of reported speech, is false; without the key, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.measure_new import main, measure_corpus

TEXT = ("Ministers agree to talk again\n\n"
        "The foreign minister John Smith said on Friday that the talks would resume in June "
        "after a pause of several weeks.\n\n"
        "“We will meet again next month in Geneva, and we will not give up,” John Smith said.\n")
HEAD = ('kind: news\nlanguage: en\ngiven: "2023-05-12"\npublished: "2023-05-12"\nquotes:\n'
        '  - {speaker: john-smith, text: "We will meet again next month in Geneva"}\n')


def corpus(tmp_path: Path, **expected: str) -> Path:
    for name, extra in expected.items():
        (tmp_path / f"en-news-{name}.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / f"en-news-{name}.expected.yml").write_text(HEAD + extra, encoding="utf-8")
    return tmp_path


def only(tmp_path: Path, extra: str):
    [score] = measure_corpus(corpus(tmp_path, text=extra), tmp_path)
    return score


def test_a_paraphrase_of_recorded_reported_speech_is_right_and_found(tmp_path):
    score = only(tmp_path, "reported:\n  - {speaker: john-smith, "
                           'text: "the talks would resume in June"}\n')
    assert (score.drafted, score.false) == (2, 0)
    assert (score.reported, score.reported_found, score.reported_speakers) == (1, 1, 1)
    assert (score.found, score.judged, score.speakers_right) == (1, 2, 2)


def test_the_speaker_of_reported_speech_is_judged_as_a_quotes_is(tmp_path):
    score = only(tmp_path, "reported:\n  - {speaker: jane-doe, "
                           'text: "the talks would resume in June"}\n')
    assert (score.reported_found, score.reported_speakers, score.false) == (1, 0, 0)
    assert any("reported speaker 'john-smith', annotated 'jane-doe'" in m for m in score.misses)


@pytest.mark.parametrize("extra", ["", "reported: []\n"])
def test_a_paraphrase_of_nothing_recorded_is_false(tmp_path, extra):
    score = only(tmp_path, extra)
    assert (score.drafted, score.false, score.reported, score.reported_found) == (2, 1, 0, 0)


def test_reported_speech_drafted_as_a_quotation_is_false(tmp_path):
    (tmp_path / "en-news-x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "en-news-x.expected.yml").write_text(
        'kind: news\nlanguage: en\npublished: "2023-05-12"\ngiven: "2023-05-12"\nquotes: []\n'
        "reported:\n  - {speaker: john-smith, text: \"We will meet again next month\"}\n"
        '  - {speaker: john-smith, text: "the talks would resume in June"}\n',
        encoding="utf-8")
    [score] = measure_corpus(tmp_path, tmp_path)
    assert (score.drafted, score.false, score.reported, score.reported_found) == (2, 1, 2, 1)
    assert any("reported speech shown as a quotation" in m for m in score.misses)


def test_the_report_prints_reported_found_per_kind(tmp_path, capsys):
    texts = tmp_path / "texts"
    part = texts / "corpus" / "tuned"
    part.mkdir(parents=True)
    corpus(part, a="reported:\n  - {speaker: john-smith, text: \"the talks would resume\"}\n"
                   "  - {speaker: john-smith, text: \"after a pause of several weeks\"}\n",
           b="reported:\n  - {speaker: john-smith, text: \"the foreign minister John Smith\"}\n")
    root = tmp_path / "dossier"
    (root / "sources").mkdir(parents=True)
    main(["--root", str(root), "--texts", str(texts)])
    table = capsys.readouterr().out.split("Corpus, tuned, by kind")[1]
    news = next(line for line in table.splitlines() if line.strip().startswith("news"))
    # Two of the three recorded spans are covered by the drafted paraphrase.
    assert news.split()[-1] == "67%"
    # Two quotes and two reported spans found, every speaker right; one false proposal of four.
    assert news.split()[1:5] == ["2", "100%", "25%", "100%"]


def test_a_rounds_texts_are_reported_apart_once_in_tuned_and_an_empty_heldout_is_skipped(
        tmp_path, capsys):
    texts = tmp_path / "texts"
    part = texts / "corpus" / "tuned"
    part.mkdir(parents=True)
    (texts / "corpus" / "heldout").mkdir()
    corpus(part, a="", b="")
    notes = part / "NOTES-round9.md"
    notes.write_text("| text | source | notes |\n|---|---|---|\n| en-news-b | x | y |\n",
                     encoding="utf-8")
    root = tmp_path / "dossier"
    (root / "sources").mkdir(parents=True)
    main(["--root", str(root), "--texts", str(texts), "--round", str(notes)])
    out = capsys.readouterr().out
    apart = out.split("the texts of NOTES-round9.md, by kind")[1]
    news = next(line for line in apart.splitlines() if line.strip().startswith("news"))
    assert news.split()[1] == "1"  # one text of the two: the one the notes list
    assert "Corpus, heldout" not in out
