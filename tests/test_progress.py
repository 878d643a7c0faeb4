"""Progress of long work: one plain line per stage when piped or under CI=true, a bar with
counts and time left on a terminal, and nothing on a terminal for a stage that ends at once."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from dossiers import REPO, dossier_of, make_dossier, rendered_pages, run_command

from build_dossier import site_cache
from build_dossier.pdf import chronology_data, content, render
from build_dossier.progress import Progress

SHOWN_AT_ONCE = ("import sys\n"
                 "import build_dossier.progress as progress\n"
                 "progress.DELAY_S = 0  # every stage of a small dossier shows, however short\n"
                 "from build_dossier.cli import main\n"
                 "sys.exit(main(sys.argv[1:]))\n")
"""`build-dossier` with its bars shown from the first moment, not after half a second."""
PART_CHARS = 3000
"""Parts small enough that the seeds' chronology comes in several."""


def test_piped_progress_prints_one_line_per_stage():
    out = io.StringIO()
    shown = Progress(out, live=False)
    for done in range(0, 1259, 100):
        shown.update("Converting pages", done, 1259)
    shown.update("Writing pages", 1259, 1259)
    shown.close()
    assert out.getvalue().splitlines() == ["Converting pages: 1259 pages",
                                           "Writing pages: 1259 pages"]


def test_a_terminal_sees_pages_done_of_all():
    out = io.StringIO()
    shown = Progress(out, live=True, delay=0)
    shown.update("Converting pages", 300, 1259)
    assert "Converting pages" in out.getvalue()
    assert "300/1259" in out.getvalue()
    shown.close()


def test_a_stage_that_ends_at_once_shows_nothing_on_a_terminal():
    out = io.StringIO()
    shown = Progress(out, live=True)
    shown.update("Rendering pages", 0, 66)
    shown.update("Rendering pages", 66, 66)
    shown.update("Writing pages", 58, 58)
    shown.close()
    assert out.getvalue() == ""


def test_a_stage_without_steps_between_shows_from_its_start_and_goes_when_done():
    out = io.StringIO()
    shown = Progress(out, live=True)
    shown.update("Linking sources", 0, 10000)
    assert re.search(r"Linking sources: +0%.*0/10000", out.getvalue()), out.getvalue()
    shown.update("Linking sources", 10000, 10000)
    assert out.getvalue().endswith("\r"), "the finished bar is cleared"
    shown.close()


def test_mkdocs_progress_lines_are_relayed_and_its_other_lines_kept(tmp_path):
    script = tmp_path / "talk.py"
    script.write_text(
        "import sys\n"
        f"print('{site_cache.PROGRESS_MARK} pages 5 10', file=sys.stderr)\n"
        "print('WARNING -  a link to missing.md', file=sys.stderr)\n"
        f"print('{site_cache.PROGRESS_MARK} writing 10 10', file=sys.stderr)\n",
        encoding="utf-8")
    heard = []
    status, said = site_cache.run(
        [sys.executable, str(script)], tmp_path, {},
        lambda stage, done, total: heard.append((stage, done, total)))
    assert status == 0
    assert heard == [("Preparing pages", 5, 10), ("Writing pages", 10, 10)]
    assert said == "WARNING -  a link to missing.md\n"


def _seeds(tmp_path: Path) -> tuple[Path, int, int]:
    """The seed dossier; how many source files it has and how many files a build generates."""
    root = make_dossier(tmp_path, "seeds")
    return root, len(list((root / "sources").glob("*.md"))), len(rendered_pages(root))


def test_a_piped_build_says_each_stage_once(tmp_path):
    root, files, pages = _seeds(tmp_path)
    result = run_command(root, "build", "--no-site", env={**os.environ, "CI": ""})
    assert result.returncode == 0, result.stdout
    assert result.stderr.splitlines() == [f"Loading sources: {files} files",
                                          f"Linking sources: {files} sources",
                                          f"Rendering pages: {pages} pages"]


def test_a_piped_briefing_pack_says_each_stage_once(tmp_path):
    root, files, _ = _seeds(tmp_path)
    result = run_command(root, "print", "-o", str(tmp_path / "pack.pdf"))
    assert result.returncode == 0, result.stdout
    assert result.stderr.splitlines() == [f"Loading sources: {files} files",
                                          f"Linking sources: {files} sources",
                                          "Typesetting the PDF: 1 part"]


def test_a_pdf_in_parts_counts_the_parts_then_their_join(tmp_path):
    doc = chronology_data(dossier_of(make_dossier(tmp_path, "seeds", site_files=False)))
    parts = len(content.split(doc, PART_CHARS))
    assert parts > 2, "the seeds make too small a PDF to split"
    heard: list[tuple[str, int, int]] = []
    render(doc, tmp_path / "parts.pdf", 0, part_chars=PART_CHARS,
           progress=lambda *step: heard.append(step))
    assert heard == [*(("Typesetting the PDF", n, parts) for n in range(parts + 1)),
                     ("Joining the PDF", 0, parts), ("Joining the PDF", parts, parts)]


def on_a_terminal(root: Path, *args: str, env: dict[str, str]) -> str:
    """What a terminal 100 columns wide shows of `build-dossier ARGS --root ROOT`, bars shown
    from their first moment."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    child = subprocess.Popen([sys.executable, "-c", SHOWN_AT_ONCE, *args, "--root", str(root)],
                             stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                             cwd=REPO, env=env)
    os.close(follower)
    said = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # Linux: the child is gone and the terminal is closed
            break
        if not chunk:
            break
        said += chunk
    os.close(leader)
    assert child.wait(timeout=120) == 0, said.decode("utf-8", "replace")
    return said.decode("utf-8", "replace")


def test_a_terminal_shows_each_stage_with_items_done_of_all_and_time_left(tmp_path):
    root, files, pages = _seeds(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    shown = on_a_terminal(root, "build", "--no-site", env=env)
    for stage, total in (("Loading sources", files), ("Linking sources", files),
                         ("Rendering pages", pages)):
        # e.g. "Rendering pages: 100%|██████| 66/66 [00:00<00:00, 803.03page/s]"
        assert re.search(rf"{stage}: +\d+%\|[^|]*\| *{total}/{total} \[\d\d:\d\d<\d\d:\d\d",
                         shown), shown
    assert f"Rendering pages: {pages} pages" not in shown
    assert f"{pages} pages written" in shown


def test_a_terminal_under_ci_gets_the_plain_lines(tmp_path):
    root, files, pages = _seeds(tmp_path)
    shown = on_a_terminal(root, "build", "--no-site", env={**os.environ, "CI": "true"})
    assert f"Rendering pages: {pages} pages\r\n" in shown
    assert f"Loading sources: {files} files\r\n" in shown
    assert "%|" not in shown


@pytest.mark.slow
def test_a_piped_site_build_says_each_stage_once_mkdocs_included(tmp_path):
    root, files, pages = _seeds(tmp_path)
    result = run_command(root, "build", env={**os.environ, "CI": "true"}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert lines[:4] == [f"Loading sources: {files} files", f"Linking sources: {files} sources",
                         f"Rendering pages: {pages} pages", "Typesetting the PDF: 1 part"]
    assert re.fullmatch(r"Building the site: \d+ pages", lines[4]), lines
    if lines[-1] == "Finishing the PDF: 1 part":  # typeset beside the site, done after it
        lines.pop()
    renderer = [line.split(":")[0] for line in lines[5:]]
    assert renderer and set(renderer) <= set(site_cache.STAGE_NAMES.values()), lines
    assert len(renderer) == len(set(renderer)), "one line per stage"
    assert all(re.fullmatch(r"[A-Z][a-z ]+: \d+ pages", line) for line in lines[5:]), lines
