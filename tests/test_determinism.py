"""The same sources give the same bytes: built in separate processes, in other folders, under
another locale, time zone and hash seed, the pages, the site, the PDF and the messages are
identical."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from dossiers import SEEDS, make_dossier, run_command, tree

ENVIRONMENTS = [
    {"LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0"},
    {"LC_ALL": "C", "LANGUAGE": "fr", "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "4242"},
    {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
     "TZ": "America/St_Johns", "PYTHONHASHSEED": "random"},
]
FOLDERS = ["a", "second/level", "a third/and deeper/folder"]
"""Where each build runs: paths must leave no trace in the output."""
BAD_SOURCE = "---\ntitle: Café\npublished: 2022-02-30\ncatégorie: «x»\n---\nTexte.\n"


def environment(extra: dict[str, str]) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("LC_", "LANG", "TZ", "PYTHONHASHSEED", "PYTHONUTF8"))}
    return {**keep, **extra}


def seeds_with_copies(root: Path) -> Path:
    """The seeds and a copy of each under another id: twice the quotes to cluster."""
    return make_dossier(root, "seeds", {f"{seed.stem}-copy.md": seed
                                        for seed in sorted(SEEDS.glob("*.md"))})


def differing(one: dict[str, bytes], two: dict[str, bytes]) -> list[str]:
    return sorted(uri for uri in one.keys() | two.keys() if one.get(uri) != two.get(uri))


def test_pages_and_messages_are_identical_under_another_locale_time_zone_hash_seed_and_folder(
        tmp_path):
    trees, outputs = [], []
    for folder, extra in zip(FOLDERS, ENVIRONMENTS, strict=True):
        root = seeds_with_copies(tmp_path / folder)
        bad = root / "sources" / "zz-bad.md"
        bad.write_text(BAD_SOURCE, encoding="utf-8")
        check = run_command(root, "check", env=environment(extra))
        outputs.append((check.returncode, check.stdout))
        bad.unlink()
        result = run_command(root, "build", "--no-site", env=environment(extra))
        assert result.returncode == 0, result.stdout
        trees.append(tree(root / "docs"))
    # The chronology's timeline and the quote clusters are among what is compared.
    assert b"<svg" in trees[0]["chronology.md"] and b"<ins" in trees[0]["quotes.md"]
    assert differing(trees[0], trees[1]) == []
    assert differing(trees[0], trees[2]) == []
    assert outputs[0][0] == 1 and "zz-bad.md:3" in outputs[0][1]
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds built with their site and PDF twice, in separate processes and folders, under
    other hash seeds, time zones and locales."""
    base = tmp_path_factory.mktemp("two-sites")
    roots = []
    for folder, extra in zip(FOLDERS, ENVIRONMENTS[1:], strict=False):
        root = make_dossier(base / folder, "seeds")
        result = run_command(root, "build", env=environment(extra), timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        roots.append(root)
    return roots[0], roots[1]


@pytest.mark.slow
def test_the_same_sources_give_the_same_pages_and_site(two_sites):
    one, two = two_sites
    assert differing(tree(one / "docs"), tree(two / "docs")) == []
    site_one, site_two = tree(one / "site"), tree(two / "site")
    assert "index.html" in site_one and "search/search_index.json" in site_one
    assert differing(site_one, site_two) == []


@pytest.mark.slow
def test_the_same_sources_give_the_same_pdf(two_sites):
    one, two = two_sites
    pdf = (one / "site/chronology.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert (two / "site/chronology.pdf").read_bytes() == pdf
