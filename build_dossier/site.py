"""Stage 5: the renderer at the edge. Runs MkDocs as a program (never imported) on a staged copy
of `docs/`, and swaps the result into `site/` only when it succeeded.

MkDocs reads `mkdocs.yml` through a small staged config that INHERITs it, so the staged docs,
the dossier's title and the output folder are ours to choose while the theme stays the editors'.
"""

from __future__ import annotations

import calendar
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from . import site_cache
from .markup import plain_title
from .model import FuzzyDate
from .write import Folders, hand_written

STAGE_DIR = ".build-dossier-tmp"
SITE_DIR = "site"
CONFIG = "mkdocs.yml"
PAGEFIND_TEMPLATE = "pagefind-main.html"


class SiteError(Exception):
    """MkDocs could not build the site; the message is what it said."""


def stage_dir(root: Path) -> Path:
    return root / STAGE_DIR


def recover(root: Path) -> None:
    """Undo what a killed build left: a half-swapped `site/` gets its old generation back."""
    stage = stage_dir(root)
    old = stage / "site.old"
    if old.is_dir() and not (root / SITE_DIR).exists():
        os.replace(old, root / SITE_DIR)
    shutil.rmtree(stage, ignore_errors=True)


def _epoch(latest: FuzzyDate | None) -> str:
    """A build date derived from the sources, so sitemaps carry no build clock.

    Clamped to 1970-2105: gzip headers (sitemap.xml.gz) hold it as an unsigned 32-bit number.
    """
    if latest is None:
        return "0"
    seconds = calendar.timegm((latest.year, latest.month or 1, latest.day or 1, 0, 0, 0))
    return str(min(max(seconds, 0), 2**32 - 1))


def stage_docs(root: Path, docs_dir: Path, files: Mapping[str, Path]) -> Path:
    """A full copy of the next `docs/`: hand-written files as they are, plus the generated
    `files` (path under docs/ -> where the file is now), hard-linked where the disk allows."""
    staged = stage_dir(root) / "docs"
    shutil.rmtree(stage_dir(root), ignore_errors=True)
    staged.mkdir(parents=True)
    for uri in hand_written(docs_dir):
        if uri not in files:
            (staged / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(docs_dir / uri, staged / uri)
    folders = Folders()
    for uri, path in files.items():
        target = os.path.join(staged, uri)
        folders.make(os.path.dirname(target))
        try:
            # Nothing writes to these files until the build ends: one file, two names.
            os.link(path, target)
        except OSError:  # another disk, or a file system without links
            shutil.copyfile(path, target)
    return staged


def run_mkdocs(root: Path, title: str, latest: FuzzyDate | None,
               search: str = "material", progress: site_cache.Reporter | None = None) -> Path:
    """Build the staged docs with MkDocs (strict), and Pagefind's index when `search` says so;
    returns the staged site folder. Pages unchanged since the last good build are reused
    (see `site_cache`); `progress` hears how many pages are done."""
    if importlib.util.find_spec("mkdocs") is None:
        raise SiteError("MkDocs is not installed here; run 'make site', which installs it")
    if search == "pagefind" and importlib.util.find_spec("pagefind_bin") is None:
        raise SiteError("Pagefind is not installed here (sources/dossier.yml says "
                        "'search: pagefind'); run 'make site', which installs it")
    if not (root / CONFIG).is_file():
        raise SiteError(f"{CONFIG} is missing at the repository root")
    stage = stage_dir(root)
    config = stage / CONFIG
    config.write_text(
        f"INHERIT: ../{CONFIG}\n"
        f"site_name: {json.dumps(plain_title(title))}\n"
        "docs_dir: docs\n"
        "site_dir: site\n"
        + site_cache.config_lines()
        + (_pagefind_config(stage) if search == "pagefind" else ""),
        encoding="utf-8",
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": _epoch(latest), "PYTHONHASHSEED": "0",
           **site_cache.environment(root, stage, root / SITE_DIR)}
    status, output = site_cache.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config)],
        root, env, progress)
    if status != 0:
        said = [line for line in output.splitlines()
                if line.startswith(("WARNING", "ERROR", "Error", "Aborted", "Config"))]
        raise SiteError("MkDocs failed:\n" + "\n".join(said or output.splitlines()[-20:]))
    if search == "pagefind":
        index_pagefind(stage / "site")
    return stage / "site"


def _pagefind_config(stage: Path) -> str:
    """Config lines that swap Material's search for Pagefind's box in the header.

    MkDocs merges dictionaries but replaces lists, so `plugins: []` drops Material's search (the
    only plugin mkdocs.yml lists), and the theme keeps its settings but gains our main.html.
    """
    overrides = stage / "overrides"
    overrides.mkdir(exist_ok=True)
    shutil.copy2(Path(__file__).parent / "templates" / PAGEFIND_TEMPLATE, overrides / "main.html")
    return "plugins: []\ntheme:\n  custom_dir: overrides\n"


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
        raise SiteError("Pagefind failed to index the site:\n" + "\n".join(said))


def swap_in(root: Path, staged_site: Path) -> None:
    """Replace `site/` with the staged build in two renames, then tidy up."""
    stage = stage_dir(root)
    site = root / SITE_DIR
    old = stage / "site.old"
    if site.exists():
        os.replace(site, old)
    os.replace(staged_site, site)
    site_cache.commit(root, stage)
    shutil.rmtree(stage, ignore_errors=True)
