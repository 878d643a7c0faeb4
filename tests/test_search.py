"""The `search:` setting of sources/dossier.yml: Material's search, or Pagefind's for large
dossiers (its index in site/pagefind/, and no search_index.json to download whole)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from build_dossier.build import build, check, load_and_check
from build_dossier.renderers import RENDERERS

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests/cases/small"


def small_dossier(dest: Path, settings: str) -> Path:
    """The small case under `dest`, with `settings` as its sources/dossier.yml."""
    shutil.copytree(SMALL / "sources", dest / "sources")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir()
    shutil.copy(ROOT / "docs/editors.md", dest / "docs/editors.md")
    (dest / "sources/dossier.yml").write_text(settings, encoding="utf-8")
    return dest


def test_an_unknown_search_engine_is_an_error_on_its_line(tmp_path):
    root = small_dossier(tmp_path, "title: Small\n\nsearch: lunr\n")
    assert [p.format() for p in check(root) if p.severity == "error"] == [
        "sources/dossier.yml:3: error: search: unknown search 'lunr'; "
        "expected 'material' or 'pagefind'"]


def test_an_unknown_renderer_or_a_bad_site_url_is_an_error_on_its_line(tmp_path):
    root = small_dossier(tmp_path, "title: Small\nrenderer: hugo\nsite_url: example.org\n")
    assert [p.format() for p in check(root) if p.severity == "error"] == [
        "sources/dossier.yml:2: error: renderer: unknown renderer 'hugo'; "
        "expected 'mkdocs', 'properdocs' or 'zensical'",
        "sources/dossier.yml:3: error: site_url: 'example.org' is not a web address; "
        "expected the site's public address, such as 'https://example.org/dossier/'"]


def test_renderer_defaults_to_mkdocs_and_site_url_gets_its_trailing_slash(tmp_path):
    default = load_and_check(small_dossier(tmp_path / "a", "title: Small\n")).settings
    assert default.renderer == "mkdocs" and default.site_url == ""
    chosen = load_and_check(small_dossier(
        tmp_path / "b", "title: Small\nrenderer: zensical\n"
        "site_url: https://example.org/repo\n")).settings
    assert chosen.renderer == "zensical" and chosen.site_url == "https://example.org/repo/"


def test_search_defaults_to_material_and_reads_pagefind(tmp_path):
    assert load_and_check(small_dossier(tmp_path / "a", "title: Small\n")).search == "material"
    checked = load_and_check(small_dossier(tmp_path / "b", "title: Small\nsearch: pagefind\n"))
    assert checked.ok and checked.search == "pagefind" and checked.title == "Small"


@pytest.mark.slow
@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_pagefind_site_builds_strict_with_its_own_index_from_this_host(tmp_path, renderer):
    root = small_dossier(tmp_path, f"title: Small\nsearch: pagefind\nrenderer: {renderer}\n")
    result = build(root, pdf=False)
    assert result.ok, result.lines
    site = root / "site"
    assert (site / "pagefind/pagefind-ui.js").is_file()
    # The renderer's own search is off: no second index for every page to download.
    assert not (site / RENDERERS[renderer].search_index).exists()
    assert not list(site.rglob("search_index.json")) and not (site / "search.json").exists()
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    html = (site / "sources/1843-03-03-courier/index.html").read_text("utf-8")
    # Every script and style of the search comes from this site, by a relative address.
    assert re.findall(r'(?:src|href)="([^"]*pagefind[^"]*)"', html) == [
        "../../pagefind/pagefind-ui.css", "../../pagefind/pagefind-ui.js"]
    assert 'class="md-search' not in html
    # Content pages are indexed, the 404 page is not.
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert indexed == len(pages) - 1
