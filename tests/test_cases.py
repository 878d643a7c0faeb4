"""Golden cases: each folder in tests/cases/ holds `sources/` and what the command line makes of
them, reviewed as a diff. `expected-problems.txt` is what `build-dossier check` prints when it
finds any problem; `expected/` holds the pages `build-dossier build --no-site` writes when there
is no error (the package's stylesheets aside). `UPDATE_GOLDEN=1 pytest tests/test_cases.py`
rewrites them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from dossiers import CASES, progress_only, tree

from build_dossier.cli import main

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PROBLEMS = "expected-problems.txt"
PAGES = "expected"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert progress_only(err), err
    return code, out


def generated_pages(docs: Path) -> dict[str, bytes]:
    """docs/ as a build left it, without the package's stylesheets and the build's own records."""
    return {uri: data for uri, data in tree(docs).items()
            if not uri.startswith(("assets/", ".build-dossier"))}


def write_golden(case: Path, problems: str | None, pages: dict[str, bytes]) -> None:
    (case / PROBLEMS).unlink(missing_ok=True)
    shutil.rmtree(case / PAGES, ignore_errors=True)
    if problems is not None:
        (case / PROBLEMS).write_text(problems, encoding="utf-8")
    for uri, data in pages.items():
        (case / PAGES / uri).parent.mkdir(parents=True, exist_ok=True)
        (case / PAGES / uri).write_bytes(data)


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_case_gives_its_reviewed_output(name, new_dossier, capsys):
    case = CASES / name
    root = new_dossier(name, site_files=False)
    code, said = run(capsys, "check", "--root", str(root))
    errors = said.splitlines()[-1].startswith("Aborted:")
    problems = None if said == "OK: 0 warnings.\n" else said
    assert code == (1 if errors else 0), said
    pages: dict[str, bytes] = {}
    if not errors:
        code, built = run(capsys, "build", "--no-site", "--root", str(root))
        assert code == 0, built
        pages = generated_pages(root / "docs")
    if UPDATE:
        write_golden(case, problems, pages)
    hint = "; UPDATE_GOLDEN=1 pytest tests/test_cases.py refreshes it, then review the diff"
    if problems is None:
        assert not (case / PROBLEMS).exists(), f"{name}: check now finds no problem{hint}"
    else:
        assert (case / PROBLEMS).is_file(), f"{name}: check finds problems:\n{said}{hint}"
        expected_problems = (case / PROBLEMS).read_text(encoding="utf-8")
        assert said == expected_problems, f"{name}: {PROBLEMS} differs{hint}"
    expected = tree(case / PAGES)
    assert sorted(pages) == sorted(expected), f"{name}: other pages than {PAGES}/{hint}"
    for uri, data in pages.items():
        assert data.decode() == expected[uri].decode(), f"{name}: {uri} differs{hint}"
