"""Progress of long builds: one plain line per stage when piped, a bar on a terminal."""

from __future__ import annotations

import io
import sys

from build_dossier import site_cache
from build_dossier.progress import Progress


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
    shown = Progress(out, live=True)
    shown.update("Converting pages", 300, 1259)
    assert "Converting pages" in out.getvalue()
    assert "300/1259" in out.getvalue()
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
