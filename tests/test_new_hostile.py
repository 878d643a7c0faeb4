"""`build-dossier new` on hostile input: one clear line or a draft, never a traceback or a hang;
files over the size limit refused before they are read; scans that grow linearly."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from build_dossier.cli import main
from build_dossier.draft.inputs import MAX_FILE_BYTES
from build_dossier.draft.new import draft
from build_dossier.model import FuzzyDate

TEXTS = Path(__file__).resolve().parent / "texts"


def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    (root / "sources").mkdir(parents=True)
    for name in ("people.yml", "events.yml"):
        (root / "sources" / name).write_bytes((TEXTS / name).read_bytes())
    return root


def refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str) -> str:
    """Run `new` on `target`; it must refuse in one line and write nothing."""
    root = dossier(tmp_path)
    before = sorted((root / "sources").iterdir())
    registry = [(p, p.read_bytes()) for p in before]
    assert main(["new", target, "--root", str(root), "--date", "2020-01-01"]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    lines = out.out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out.out
    assert sorted((root / "sources").iterdir()) == before
    assert all(p.read_bytes() == data for p, data in registry)
    return lines[0]


def test_an_empty_file_is_refused(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    assert "empty.txt is empty" in refused(tmp_path, capsys, str(path))


def test_a_binary_file_is_refused(tmp_path, capsys):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert "is not text" in refused(tmp_path, capsys, str(path))


def test_an_undecodable_file_says_where(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré".encode("latin-1"))
    line = refused(tmp_path, capsys, str(path))
    assert "is not UTF-8 (byte 0xE9 at offset 15)" in line


def test_a_folder_is_refused(tmp_path, capsys):
    assert "is a folder" in refused(tmp_path, capsys, str(tmp_path))


def test_a_missing_file_is_refused(tmp_path, capsys):
    assert "No such file" in refused(tmp_path, capsys, str(tmp_path / "nowhere.txt"))


def test_a_huge_file_is_refused_from_its_size_without_being_read(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 4 GB that take no room on the disk
        handle.truncate(4_000_000_000)
    assert "over the 20 MB limit" in refused(tmp_path, capsys, str(path))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_stream_is_refused_after_the_size_limit(tmp_path, capsys):
    assert "over the 20 MB limit" in refused(tmp_path, capsys, "/dev/zero")


def test_a_plain_text_over_its_limit_is_refused(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text("Words and more words. " * 150_000, encoding="utf-8")
    assert path.stat().st_size < MAX_FILE_BYTES
    assert "over the 2 MB limit for a plain text" in refused(tmp_path, capsys, str(path))


def test_a_broken_pdf_is_refused(tmp_path, capsys):
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"garbage" * 100)
    assert "broken.pdf" in refused(tmp_path, capsys, str(pdf))


def test_a_broken_word_file_is_refused(tmp_path, capsys):
    word = tmp_path / "broken.docx"
    word.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    assert "is not a readable Word (.docx) file" in refused(tmp_path, capsys, str(word))


def _date() -> FuzzyDate:
    """A fixed publication date for generated texts, which name none."""
    return FuzzyDate(2020, 1, 1)


def test_a_long_chain_of_attributions_drafts(tmp_path):
    chain = "According to " + ", according to ".join(f"Official{i} Person" for i in range(5000))
    text = "A chain\n\n" + chain + ", the talks will resume next week.\n"
    drafted = draft(text, {}, {}, published=_date())
    assert [q.text for q in drafted.quotes] == ["the talks will resume next week"]


def _seconds(make: Callable[[int], str], n: int) -> float:
    text = make(n)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        draft(text, {}, {}, published=_date())
        best = min(best, time.perf_counter() - start)
    return best


PATHOLOGICAL = {
    "abbreviations": lambda n: "Title\n\n" + "Mr. A. B. C. " * n + "\n",
    "stops": lambda n: "Title\n\n" + "x" + "." * (12 * n) + "\n",
    "marks": lambda n: "Title\n\n" + "“a ”" * (3 * n) + "\n",
    "open marks": lambda n: "Title\n\n" + "\n\n".join("“Open quote without end" for _ in range(n)),
    "guillemets": lambda n: "Title\n\n" + "« » „ “ " * (2 * n) + "\n",
    "speech verbs": lambda n: "Title\n\n" + "He said she said they said. " * n + "\n",
    "labels": lambda n: "Title\n\n" + "\n\n".join(f"SPEAKER {i % 7}: Yes, we did."
                                                for i in range(n)),
    "commas": lambda n: "Title\n\n" + "According to X" + ", y" * (4 * n) + ".\n",
    "dates": lambda n: "Title\n\n" + "On Monday 3 March 2019, " * n + "\n",
    "names": lambda n: "Title\n\n" + "Anna Berg Carl Dahl " * n + "said.\n",
    # Each quotation by another surname, which `new` looks for in full in the whole text.
    "surnames": lambda n: "Title\n\n" + "\n\n".join(
        f"“We will look at it again,” Mr {_word(i)} said." for i in range(n)),
    "headings": lambda n: "Title\n\n" + "\n".join(
        f"MINISTER ANNA {_word(i).upper()}\n“We will look at it again,” she said."
        for i in range(n)),
    "introductions": lambda n: "Title\n\n" + "\n\n".join(
        f"Here's what {_word(i)} said.\n\nWe will look at it again next week in Brussels."
        for i in range(n)),
}


def _word(i: int) -> str:
    """A capitalised word of letters only, a different one for each number."""
    letters = ""
    while True:
        i, rest = divmod(i, 26)
        letters += chr(ord("a") + rest)
        if not i:
            return "B" + letters


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_drafting_time_grows_linearly_on_pathological_punctuation(name):
    make = PATHOLOGICAL[name]
    small, large = _seconds(make, 500), _seconds(make, 2000)
    # Four times the text: linear work takes about four times as long, quadratic sixteen.
    assert large < 9 * small + 0.02, f"{name}: {small:.3f}s for n, {large:.3f}s for 4n"


def test_a_saved_page_with_megabytes_of_markup_is_refused(tmp_path, capsys):
    path = tmp_path / "huge.html"
    rows = "".join(f"<tr><td>{i}</td><td>cell</td></tr>" for i in range(120_000))
    path.write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    assert "holds over 2 MB of text and markup" in refused(tmp_path, capsys, str(path))


def test_reading_a_page_of_unclosed_scripts_grows_linearly(tmp_path):
    from build_dossier.draft.inputs import _strip_non_text

    def seconds(n: int) -> float:
        page = "<p>a</p><script>x</script><style>" * n
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            _strip_non_text(page)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = seconds(20_000), seconds(80_000)
    assert large < 9 * small + 0.02, f"{small:.4f}s for n, {large:.4f}s for 4n"


def test_words_over_a_line_break_stay_in_their_comment(tmp_path):
    root = dossier(tmp_path)
    text = tmp_path / "dates.txt"
    text.write_text("Talks resume\n\nThey met on Monday\n3 March 2019 and again later.\n",
                    encoding="utf-8")
    assert main(["new", str(text), "--root", str(root), "--date", "2020-01-01",
                 "--id", "dates"]) == 0
    written = (root / "sources" / "dates.md").read_text(encoding="utf-8")
    assert "#   2019-03-03: “Monday 3 March 2019”" in written
    from build_dossier.build import check
    assert not [p for p in check(root) if p.severity == "error"]


def test_control_characters_pasted_along_are_taken_out_and_said(tmp_path, capsys):
    # Text from `pdftotext` has a form feed between pages; a terminal's colours come as escapes.
    root = dossier(tmp_path)
    text = tmp_path / "pages.txt"
    text.write_text("Talks resume\n\n“We will meet again in June,” Anna Berg said.\x0c"
                    "The talks went on.\n\n\x1b[1mAnna Berg\x1b[0m left on Friday.\n",
                    encoding="utf-8")
    assert main(["new", str(text), "--root", str(root), "--date", "2020-01-01",
                 "--id", "pages"]) == 0
    written = (root / "sources" / "pages.md").read_text(encoding="utf-8")
    body = written.split("\n---\n", 1)[1]
    assert "said.\nThe talks went on." in body and "\n\nAnna Berg left on Friday." in body
    assert "1 × U+000C (a page break, made a line break)" in written
    assert "2 × U+001B (with its escape sequence)" in written
    from build_dossier.build import check
    assert not [p.format() for p in check(root) if p.severity == "error"]
