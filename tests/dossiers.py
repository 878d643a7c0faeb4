"""The one way tests lay out a dossier repository in a temporary folder, and read back what a
build made of it: a tree of files, the linked dossier, the generated pages.

Tests write dossiers with the `new_dossier` fixture (tests/conftest.py), or with `make_dossier`
where no fixture reaches (module-scoped fixtures, property-based tests).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath

from bench.search import serve
from build_dossier import build as pipeline
from build_dossier.link import link
from build_dossier.model import Dossier
from build_dossier.render import render
from build_dossier.site_cache import CACHE_DIR
from build_dossier.write import hand_written

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "sources"
"""The repository's own dossier: the seed sources, their registries and settings."""
CASES = REPO / "tests" / "cases"
"""Golden cases: `<name>/sources/` in, `<name>/expected/` or `expected-problems.txt` out."""

PEOPLE = "jens-stoltenberg:\n  name: Jens Stoltenberg\n  aliases: [Stoltenberg]\n"
EVENTS = "2022-01-12-nrc:\n  title: NATO-Russia Council\n  date: 2022-01-12\n"
REGISTRIES = {"people.yml": PEOPLE, "events.yml": EVENTS}
"""The smallest registries a quote can name: one person, one event."""

Content = str | bytes | Path
"""A file to write: text (UTF-8, as it is), bytes, or a file to copy."""

__all__ = ["CASES", "EVENTS", "PEOPLE", "REGISTRIES", "REPO", "SEEDS", "UNRECORDED", "children",
           "dossier_of", "make_dossier", "pages_of", "rendered_pages", "run_command", "serve",
           "tree", "wait_until", "without_unrecorded"]


def make_dossier(root: Path, base: str | Path | None = None,
                 sources: Mapping[str, Content] | None = None, *, site_files: bool = True,
                 docs: Mapping[str, Content] | None = None) -> Path:
    """Lay a dossier repository out at `root` and return `root`.

    `base` fills `sources/` first: "seeds" (the repository's sources), the name of a case in
    tests/cases/, or a folder whose files are copied. `sources` then adds or replaces files in
    `sources/` by name ("a.md", "people.yml", "dossier.yml"). `site_files` adds what a site build
    needs besides: the repository's mkdocs.yml and its hand-written pages in docs/. `docs` adds
    pages written by hand, by their path in docs/ ("notes.md", "events/x.md").
    """
    folder = root / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    if base is not None:
        shutil.copytree(_base_folder(base), folder, dirs_exist_ok=True)
    for name, content in (sources or {}).items():
        _write(folder / name, content)
    if site_files:
        shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
        for uri in hand_written(REPO / "docs"):
            _write(root / "docs" / uri, REPO / "docs" / uri)
    for uri, content in (docs or {}).items():
        _write(root / "docs" / uri, content)
    return root


def _base_folder(base: str | Path) -> Path:
    if isinstance(base, Path):
        return base
    if base == "seeds":
        return SEEDS
    case = CASES / base / "sources"
    if not case.is_dir():
        raise ValueError(f"no case {base!r}: expected a folder {case}")
    return case


def _write(path: Path, content: Content) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        shutil.copyfile(content, path)
    else:
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


SITE_CACHE = PurePosixPath(CACHE_DIR).name
"""The site's page cache in docs/: it records this machine's file stats by design, so trees
are compared without it (test_incremental tests it)."""


UNRECORDED = re.compile(r": warning: (outlet|url|author): not recorded;")
"""The warning that a source's outlet, address or author is not recorded: tests about other
problems leave it aside (its own wording is a golden case, tests/cases/unrecorded-provenance)."""


def without_unrecorded(lines: Iterable[str]) -> list[str]:
    """Problem lines less the warnings that outlet, address or author are not recorded."""
    return [line for line in lines if not UNRECORDED.search(line)]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative POSIX path, a link as its target's name, the site's
    page cache left out; empty when there is no such folder."""
    if not folder.is_dir():
        return {}
    files = {}
    for path in sorted(folder.rglob("*")):
        uri = path.relative_to(folder).as_posix()
        if SITE_CACHE in path.relative_to(folder).parts:
            continue
        if path.is_symlink():
            files[uri] = os.readlink(path).encode()
        elif path.is_file():
            files[uri] = path.read_bytes()
    return files


def dossier_of(root: Path) -> Dossier:
    """The linked dossier of the sources under `root`, which must have no errors."""
    checked = pipeline.load_and_check(root)
    assert checked.ok, [p.format() for p in checked.problems]
    return link(checked.loaded, checked.title)


def rendered_pages(root: Path) -> dict[str, bytes]:
    """The files a build would write into docs/ for the sources under `root`, by address."""
    return render(dossier_of(root))


def pages_of(root: Path) -> dict[str, str]:
    """The pages a build would write into docs/ for the sources under `root`, as text."""
    return {uri: data.decode() for uri, data in rendered_pages(root).items()}


def run_command(root: Path, *args: str, env: Mapping[str, str] | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`build-dossier ARGS --root ROOT` in a process of its own (default `build --no-site`),
    which must not end in a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "build_dossier", *(args or ("build", "--no-site")),
         "--root", str(root)],
        capture_output=True, text=True, timeout=timeout, check=False, cwd=root,
        env=dict(env) if env is not None else None)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


def wait_until(condition: Callable[[], object], what: str, timeout: float = 60,
               every: float = 0.1) -> None:
    """Poll `condition` until it holds; fail saying `what` did not happen within `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}, in vain")
        time.sleep(every)


def children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`, with their command lines (Linux's /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # ended meanwhile
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found[int(entry.name)] = cmdline
    return found


PROGRESS_LINE = re.compile(r"[A-Z][A-Za-z ]+: \d+ (page|file|source|part)s?")
"""What a piped build prints on stderr, one line per stage: `Rendering pages: 66 pages`."""


def progress_only(err: str) -> bool:
    """Whether `err` holds nothing but a piped build's progress lines."""
    return all(PROGRESS_LINE.fullmatch(line) for line in err.splitlines())


def without_progress(err: str) -> str:
    """`err` less a piped build's progress lines."""
    return "".join(line for line in err.splitlines(keepends=True)
                   if not PROGRESS_LINE.fullmatch(line.rstrip("\n")))
