"""The site built on every core is the site built on one: MkDocs' pages converted by forked
workers and templated and written ahead of MkDocs' own loop give the same bytes, search index
included, and a page that fails there fails the build as it does on one core."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.generate import write_dossier
from build_dossier.build import build
from build_dossier.mkdocs_hook import BUILD_AHEAD

ROOT = Path(__file__).parent.parent
SOURCES = 80
"""Enough sources for more than `BUILD_AHEAD` pages, and for conversion to be shared."""
TWO_CORES = hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) >= 2
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not TWO_CORES, reason="needs two cores to compare with one")]


@contextmanager
def one_core() -> Iterator[None]:
    """This process and what it starts may run on one core only (so it starts no workers)."""
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, cores)


def site_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root / "site").as_posix(): p.read_bytes()
            for p in sorted((root / "site").rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory) -> tuple[Path, Path]:
    made = []
    for name in ("shared", "alone"):
        root = tmp_path_factory.mktemp(name)
        write_dossier(root, SOURCES, 5, mkdocs_yml=ROOT / "mkdocs.yml")
        made.append(root)
    return made[0], made[1]


def test_a_site_built_on_every_core_is_the_site_built_on_one(dossiers):
    shared, alone = dossiers
    result = build(shared, pdf=False)
    assert result.ok, result.lines
    with one_core():
        result = build(alone, pdf=False)
    assert result.ok, result.lines
    pages = list((shared / "site").rglob("index.html"))
    assert len(pages) > BUILD_AHEAD  # else no page was templated ahead
    built, expected = site_files(shared), site_files(alone)
    assert sorted(built) == sorted(expected)
    differ = [name for name in expected if built[name] != expected[name]]
    assert not differ, f"differ from the one-core build: {differ[:10]}"


def test_a_page_that_fails_while_pages_are_built_ahead_fails_the_build_and_is_named(dossiers):
    shared, _ = dossiers
    if not (shared / "site").is_dir():
        assert build(shared, pdf=False).ok
    before = site_files(shared)
    page = shared / "docs" / "briefing-notes.md"
    page.write_text("---\ntemplate: no-such-template.html\n---\n\n# Briefing notes\n\nText.\n",
                    encoding="utf-8")
    try:
        # Every page is built again: the cache of the last build is of another configuration.
        (shared / "mkdocs.yml").write_text((shared / "mkdocs.yml").read_text(encoding="utf-8")
                                           + "\nextra:\n  note: again\n", encoding="utf-8")
        result = build(shared, pdf=False)
    finally:
        page.unlink()
    assert not result.ok
    said = "\n".join(result.lines)
    assert "briefing-notes.md" in said and "no-such-template.html" in said
    assert "Traceback" not in said
    assert site_files(shared) == before
