"""Stage 5: the renderer at the edge. Runs MkDocs, ProperDocs or Zensical as a program (never
imported; adapters in renderers.py) on a staged copy of `docs/`, and swaps the result into
`site/` only when it succeeded.

The renderer reads `mkdocs.yml` through a small staged config that INHERITs it, so the staged
docs, the dossier's title and address and the output folder are ours to choose while the theme
stays the editors'.
"""

from __future__ import annotations

import calendar
import contextlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from . import site_cache
from .markup import plain_title
from .model import FuzzyDate, visible
from .progress import Reporter
from .renderers import DEFAULT_RENDERER, RENDERERS, Renderer, strip_ansi
from .write import Folders, hand_written, interrupts_deferred

STAGE_DIR = ".build-dossier-tmp"
TRASH_DIR = ".build-dossier-trash"
"""Where a replaced site waits to be deleted while `serve` goes on (beside the stage: a build
empties the stage first thing, and must not wait for a gigabyte of old site to go)."""
SITE_DIR = "site"
CONFIG = "mkdocs.yml"
PAGEFIND_TEMPLATE = "pagefind-main.html"
CITATION_TEMPLATE = "citation-main.html"
PDF_URI = "chronology.pdf"
"""The chronology PDF, under docs/ while staged and under site/ once built."""
MANIFEST = "manifest.json"
"""Written by the MkDocs hook in the stage when it built in place: every file of the site."""
MOVES = "moves.json"
"""In the stage while a build built in place moves into `site/`: what moves in and what goes,
so that a build killed half-way is finished by the next."""
RENDERER_FILES = ("404.html", "search/search_index.json", "search.json", "sitemap.xml",
                  "pagefind/")
"""What the renderers, their search and Pagefind write in `site/` besides the dossier's pages."""


class SiteError(Exception):
    """The renderer could not build the site; the message is what it said."""


def stage_dir(root: Path) -> Path:
    return root / STAGE_DIR


def recover(root: Path, keep_docs: bool = False) -> None:
    """Undo what a killed build left: a half-swapped `site/` gets its old generation back, a
    build half moved in place is finished. `keep_docs`: the staged docs stay, for `serve`'s
    next build to bring up to date rather than make again (see `stage_docs`)."""
    stage = stage_dir(root)
    old = stage / "site.old"
    if old.is_dir() and not (root / SITE_DIR).exists():
        os.replace(old, root / SITE_DIR)
    moves = stage / MOVES
    if moves.is_file():  # written whole before the first move: the new site is all there
        _move(root, stage, json.loads(moves.read_text(encoding="utf-8")))
    _empty_stage(stage, keep_docs)
    if not _TIDYING.is_alive():  # what an earlier build left to delete
        shutil.rmtree(root / TRASH_DIR, ignore_errors=True)


def _epoch(latest: FuzzyDate | None) -> str:
    """A build date derived from the sources, so sitemaps carry no build clock.

    Clamped to 1970-2105: gzip headers (sitemap.xml.gz) hold it as an unsigned 32-bit number.
    """
    if latest is None:
        return "0"
    seconds = calendar.timegm((latest.year, latest.month or 1, latest.day or 1, 0, 0, 0))
    return str(min(max(seconds, 0), 2**32 - 1))


def _empty_stage(stage: Path, keep_docs: bool) -> None:
    """Delete the stage, or (`keep_docs`) all of it but the staged docs."""
    if not keep_docs or not (stage / "docs").is_dir():
        shutil.rmtree(stage, ignore_errors=True)
        return
    for entry in stage.iterdir():
        if entry.name == "docs":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def discard_stage(root: Path, keep_docs: bool = False) -> None:
    """What a build that did not finish staged goes (`keep_docs`: but its staged docs)."""
    _empty_stage(stage_dir(root), keep_docs)


def _same_file(staged: str, path: str, linked: bool) -> bool:
    """Whether the staged copy `staged` is still `path` as it is now: the same file, for a
    link; the same bytes, for a copy (the pages written by hand: a few, and an editor's save
    may keep a file's size and time)."""
    try:
        here, there = os.lstat(staged), os.stat(path)
        if linked:
            return (here.st_ino, here.st_dev) == (there.st_ino, there.st_dev)
        if here.st_size != there.st_size:
            return False
        with open(staged, "rb") as copy, open(path, "rb") as original:
            return copy.read() == original.read()
    except OSError:
        return False


def stage_docs(root: Path, docs_dir: Path, files: Mapping[str, str],
               keep: bool = False, in_step: site_cache.InStep | None = None,
               hand: list[str] | None = None) -> tuple[Path, int]:
    """A full copy of the next `docs/`: hand-written files as they are, plus the generated
    `files` (path under docs/ -> where the file is now), hard-linked where the disk allows.
    `keep` (for `serve`): the staged docs of the last build are brought up to date, file by
    file, instead of made again (3,000 links took a third of a second at 1,000 sources);
    `in_step`: what `serve` knows its last build staged, so that the generated files still in
    docs/ are not looked at, nor the staged docs listed (33,000 files took 0.6 s of every edit
    at 10,000 sources); `hand`: the files editors wrote in docs/, when they are known."""
    staged = stage_dir(root) / "docs"
    known = in_step.trusted(staged) if in_step is not None else None
    if keep and staged.is_dir():
        _empty_stage(stage_dir(root), keep_docs=True)
    else:
        shutil.rmtree(stage_dir(root), ignore_errors=True)
        staged.mkdir(parents=True)
    wanted = {uri: (str(docs_dir / uri), False)
              for uri in (hand_written(docs_dir) if hand is None else hand) if uri not in files}
    wanted.update((uri, (path, True)) for uri, path in files.items())
    if not keep or known is None:
        known, listed = frozenset(), set(_files_under(staged)) - {site_cache.STAGED_CHANGES}
    else:
        listed = set(known)
    changed = sorted(listed - wanted.keys())
    for uri in changed:
        (staged / uri).unlink(missing_ok=True)
        _remove_empty_folders((staged / uri).parent, staged)
    folders = Folders()
    docs = str(docs_dir)
    for uri, (path, linked) in wanted.items():
        target = os.path.join(staged, uri)
        if keep and ((linked and uri in known and path == os.path.join(docs, uri))
                     or _same_file(target, path, linked)):
            continue
        changed.append(uri)
        folders.make(os.path.dirname(target))
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        if not linked:
            shutil.copy2(path, target)
            continue
        try:
            # Nothing writes to these files until the build ends: one file, two names.
            os.link(path, target)
        except OSError:  # another disk, or a file system without links
            shutil.copyfile(path, target)
    site_cache.note_staged(staged, changed if keep else None)
    if in_step is not None:
        in_step.staging = set(wanted)
    return staged, sum(1 for uri in wanted if uri.endswith(".md"))


def run_renderer(root: Path, title: str, latest: FuzzyDate | None,
                 search: str = "material", renderer: str = DEFAULT_RENDERER,
                 site_url: str = "", progress: Reporter | None = None,
                 in_place: bool = False, service: site_cache.Service | None = None) -> Path:
    """Build the staged docs with `renderer` (strict), and Pagefind's index when `search` says
    so; returns the staged site folder. With MkDocs, pages unchanged since the last good build
    are reused (see `site_cache`) and `progress` hears how many pages are done; `in_place`
    (for `serve`): the staged site holds only the files that differ from `site/`, which
    `swap_in` then moves in one by one; `service`: the MkDocs process `serve` keeps."""
    program = RENDERERS[renderer]
    if not program.installed():
        raise SiteError(f"{program.label} is not installed here (sources/dossier.yml says "
                        f"'renderer: {renderer}'); run 'make site', which installs it")
    if search == "pagefind" and importlib.util.find_spec("pagefind_bin") is None:
        raise SiteError("Pagefind is not installed here (sources/dossier.yml says "
                        "'search: pagefind'); run 'make site', which installs it")
    if (root / CONFIG).is_symlink():
        raise SiteError(f"{CONFIG}: error: is a symbolic link; build-dossier never follows "
                        "links (a link can lead anywhere on the machine): put the file itself "
                        "here")
    if not (root / CONFIG).is_file():
        raise SiteError(f"{CONFIG} is missing at the repository root")
    root = root.resolve()  # the renderer runs from `root`: the paths it reads must hold there
    stage = stage_dir(root)
    config = stage / CONFIG
    config.write_text(staged_config(stage, program, title, search, site_url), encoding="utf-8")
    stand_in = _stand_in_pdf(stage / "docs")
    # Without a terminal's width (COLUMNS, which some shells and pytest-xdist's workers export)
    # MkDocs says each problem on one line; with one it wraps them, and we would relay the
    # first line only ("Doc file 'editors.md' contains a link").
    env = {**{name: value for name, value in os.environ.items()
              if name not in ("COLUMNS", "LINES")},
           "SOURCE_DATE_EPOCH": _epoch(latest), "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    if program.name == "mkdocs":
        # Pagefind indexes the whole site folder: with it, the site is built whole.
        env.update(site_cache.environment(root, stage, root / SITE_DIR,
                                          stage / MANIFEST if in_place and search != "pagefind"
                                          else None))
        if stand_in:
            env[site_cache.ENV_STAND_IN] = PDF_URI
    if service is not None and program.name == "mkdocs":
        status, output = service.run(config, root, env, progress)
    else:
        status, output = site_cache.run(program.command(config), root, env, progress)
    if status != 0:
        said = program.problems(output) or strip_ansi(output).splitlines()[-20:]
        raise SiteError(f"{program.label} failed:\n" + "\n".join(visible(line) for line in said))
    if stand_in:  # MkDocs' hook leaves it out; the other renderers copy it
        (stage / "site" / PDF_URI).unlink(missing_ok=True)
    if search == "pagefind":
        # Zensical writes its index even with its search off; no page loads it.
        (stage / "site" / program.search_index).unlink(missing_ok=True)
        index_pagefind(stage / "site")
    return stage / "site"


run_mkdocs = run_renderer
"""The name from before other renderers were offered."""


_YAML_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def yaml_text(value: str) -> str:
    """`value` as a double-quoted YAML string that any YAML reader takes back unchanged.

    JSON's quoting is YAML's, but `json.dumps` writes a character outside the Basic
    Multilingual Plane (a flag, an emoji) as two surrogate escapes, which YAML reads as two
    broken characters; here such characters are written as they are.
    """
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def staged_config(stage: Path, program: Renderer, title: str, search: str,
                  site_url: str) -> str:
    """The config the renderer reads: mkdocs.yml (INHERITed) plus what the build decides."""
    lines = (f"INHERIT: ../{CONFIG}\n"
             f"site_name: {yaml_text(plain_title(title))}\n"
             "docs_dir: docs\n"
             "site_dir: site\n")
    if site_url:
        lines += f"site_url: {json.dumps(site_url)}\n"
    if program.name == "mkdocs":  # the page cache is a hook of MkDocs' own
        lines += site_cache.config_lines()
    if search == "pagefind":
        lines += program.search_off
    return lines + _theme_overrides(stage, search)


def _stand_in_pdf(staged_docs: Path) -> bool:
    """An empty stand-in for the chronology PDF when the build makes none (`--no-pdf`): the
    chronology links it as a file of docs/, so that every renderer resolves the link under any
    sub-path, and their link checks want the file there. It is left out of the site. (An
    empty file there is the stand-in a build of `serve` left in the staged docs it keeps.)"""
    pdf = staged_docs / PDF_URI
    if pdf.is_symlink() or (pdf.exists() and (not pdf.is_file() or pdf.stat().st_size)):
        return False
    if not pdf.exists():
        pdf.write_bytes(b"")
        site_cache.note_staged(staged_docs, [PDF_URI])
    return True


def _theme_overrides(stage: Path, search: str) -> str:
    """Config lines that give the theme our main.html: the citation tags in every page's head,
    and, with Pagefind, Pagefind's box in the header (citation-main.html extends its page).

    Both MkDocs and Zensical merge the `theme` and `extra` mappings: they keep the editors'
    settings.
    """
    overrides = stage / "overrides"
    overrides.mkdir(exist_ok=True)
    templates = Path(__file__).parent / "templates"
    shutil.copy2(templates / CITATION_TEMPLATE, overrides / "main.html")
    lines = "theme:\n  custom_dir: overrides\n"
    if search == "pagefind":
        shutil.copy2(templates / PAGEFIND_TEMPLATE, overrides / PAGEFIND_TEMPLATE)
        lines += "extra:\n  dossier_pagefind: true\n"
    return lines


def index_pagefind(site_dir: Path) -> None:
    """Write Pagefind's search index into `site_dir/pagefind/`, from the pages' content only."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
         # The pilcrows of heading permalinks are not words of the dossier.
         "--exclude-selectors", ".headerlink"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind-ui.js").is_file():
        said = (result.stderr + result.stdout).strip().splitlines()[-20:]
        raise SiteError("Pagefind failed to index the site:\n"
                        + "\n".join(visible(line) for line in said))


_TIDYING = threading.Thread()
"""The thread deleting replaced sites in the background, if any."""


def _tidy(root: Path, stage: Path, later: bool, keep_docs: bool = False) -> None:
    """Delete the stage with the site it replaced: now, or (`later`) on a thread, so that the
    next build need not wait (at 10,000 sources the old site is 34,000 files and 1 GB).
    `keep_docs`: the staged docs stay for the next build (see `stage_docs`)."""
    global _TIDYING
    if keep_docs:
        _empty_stage(stage, keep_docs=True)
        return
    if not later:
        shutil.rmtree(stage, ignore_errors=True)
        return
    trash = root / TRASH_DIR
    trash.mkdir(exist_ok=True)
    waiting = trash / f"{os.getpid()}-{time.monotonic_ns()}"
    try:
        os.replace(stage, waiting)
    except OSError:
        shutil.rmtree(stage, ignore_errors=True)
        return
    # Left behind if serve stops first: the next build's `recover` deletes it.
    _TIDYING = threading.Thread(target=shutil.rmtree, args=(waiting, True), daemon=True)
    _TIDYING.start()


def _files_under(folder: Path) -> list[str]:
    """Every file below `folder`, as paths relative to it."""
    found = []
    for here, _, names in os.walk(folder):
        relative = os.path.relpath(here, folder)
        found += [name if relative == "." else f"{relative}/{name}" for name in names]
    return found


def _move_in(root: Path, stage: Path, staged_site: Path) -> None:
    """Move the files of a build made in place into `site/` and delete those the whole site no
    longer has. What moves and what goes is written down first, so that a build killed half-way
    is finished by the next one's `recover`."""
    whole = json.loads((stage / MANIFEST).read_text(encoding="utf-8"))
    moved = sorted(_files_under(staged_site))
    before = _site_listing(root)
    if before is None:  # walked once: 30,000 folders at 10,000 sources took 2.7 s of CPU
        before = _files_under(root / SITE_DIR)
    gone = sorted(set(before) - set(whole) - set(moved))
    written = stage / f"{MOVES}.tmp"
    written.write_text(json.dumps({"move": moved, "delete": gone, "whole": whole}),
                       encoding="utf-8")
    os.replace(written, stage / MOVES)
    _move(root, stage, {"move": moved, "delete": gone, "whole": whole})


def _site_listing(root: Path) -> list[str] | None:
    """Every file of `site/` as the last build in place left it, if that build left the site
    as it is now (a build that swaps in a whole site removes the list)."""
    try:
        listed = json.loads(site_cache.listing_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(listed, list) or not all(isinstance(name, str) for name in listed):
        return None
    return listed


def _move(root: Path, stage: Path, moves: dict[str, list[str]]) -> None:
    """Carry out `moves` (what `_move_in` wrote down), skipping what a killed build did."""
    site, staged_site = root / SITE_DIR, stage / "site"
    folders = Folders()
    listing = site_cache.listing_path(root)
    with interrupts_deferred():
        listing.unlink(missing_ok=True)  # site/ is between two builds until the moves end
        for name in moves["move"]:
            source, target = staged_site / name, site / name
            if not source.is_file():  # moved before the build was killed
                continue
            folders.make(str(target.parent))
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(source, target)
        for name in moves["delete"]:
            target = site / name
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            _remove_empty_folders(target.parent, site)
        site_cache.commit(root, stage)
        if "whole" in moves:
            listing.parent.mkdir(parents=True, exist_ok=True)
            fresh = listing.with_name(listing.name + ".tmp")
            fresh.write_text(json.dumps(moves["whole"]), encoding="utf-8")
            os.replace(fresh, listing)
        (stage / MOVES).unlink()


def _remove_empty_folders(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents up to `top` while they are empty, as a clean build has
    no folder a deleted page leaves empty."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty, or gone
            return
        folder = folder.parent


def swap_in(root: Path, staged_site: Path, *, tidy_later: bool = False) -> None:
    """Replace `site/` with the staged build in two renames (or, for a build made in place,
    move its files in), then tidy up (`tidy_later`: on a thread, for `serve`)."""
    stage = stage_dir(root)
    site = root / SITE_DIR
    in_place = (stage / MANIFEST).is_file()  # serve's build: its staged docs stay for the next
    if in_place and site.is_dir():
        _move_in(root, stage, staged_site)
        _tidy(root, stage, tidy_later, keep_docs=True)
        return
    old = stage / "site.old"
    with interrupts_deferred():  # Ctrl-C between the renames would leave no site/ at all
        site_cache.listing_path(root).unlink(missing_ok=True)
        if site.exists():
            os.replace(site, old)
        try:
            os.replace(staged_site, site)
        except OSError:
            if old.exists() and not site.exists():
                os.replace(old, site)  # the last good site stays served
                shutil.rmtree(stage, ignore_errors=True)
            raise
        site_cache.commit(root, stage)  # the pages' cache describes the site now in place
    _tidy(root, stage, tidy_later, keep_docs=in_place)


def keep_file(root: Path, staged_site: Path, name: str) -> str:
    """Carry `site/<name>` over into a staged site that lacks it; what became of it, in words."""
    last = root / SITE_DIR / name
    if not last.is_file() or last.is_symlink():
        return f"{SITE_DIR}/{name} is not made by this build; 'build' makes it."
    try:
        os.link(last, staged_site / name)
    except OSError:  # another disk, or a file system without links
        shutil.copyfile(last, staged_site / name)
    return (f"{SITE_DIR}/{name} is kept from an earlier build and may not show the latest "
            "changes; 'build' remakes it.")
