"""The `search:` setting of sources/dossier.yml: Material's search, or Pagefind's for large
dossiers (its index in site/pagefind/, and no search_index.json to download whole)."""

from __future__ import annotations

import json
import re

import pytest

from build_dossier.build import build, check, load_and_check
from build_dossier.renderers import RENDERERS

# An unknown engine is an error on its line: the golden case tests/cases/unknown-search-engine.


def test_search_defaults_to_material_and_reads_pagefind(new_dossier):
    default = new_dossier("small", {"dossier.yml": "title: Small\n"}, at="a")
    assert load_and_check(default).search == "material"
    pagefind = new_dossier("small", {"dossier.yml": "title: Small\nsearch: pagefind\n"}, at="b")
    checked = load_and_check(pagefind)
    assert checked.ok and checked.search == "pagefind" and checked.title == "Small"


def test_an_unknown_renderer_or_a_bad_site_url_is_an_error_on_its_line(new_dossier):
    root = new_dossier("small", {"dossier.yml": "title: Small\nrenderer: hugo\n"
                                                "site_url: example.org\n"})
    assert [p.format() for p in check(root) if p.severity == "error"] == [
        "sources/dossier.yml:2: error: renderer: unknown renderer 'hugo'; "
        "expected 'mkdocs', 'properdocs' or 'zensical'",
        "sources/dossier.yml:3: error: site_url: 'example.org' is not a web address; "
        "expected the site's public address, such as 'https://example.org/dossier/'"]


@pytest.mark.slow
@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_pagefind_site_builds_strict_with_its_own_index_from_this_host(new_dossier, renderer):
    settings = f"title: Small\nsearch: pagefind\nrenderer: {renderer}\n"
    root = new_dossier("small", {"dossier.yml": settings})
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
    # Content pages are indexed; the 404 page, the editors' guide, the small pages left at a
    # statement's former addresses and the long lists (whose every entry is a page) are not.
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    moved = [p for p in pages if b"Statement moved" in p.read_bytes()]
    lists = [site / name / "index.html" for name in ("chronology", "quotes", "sources")]
    assert moved and all(page in pages for page in lists)
    assert indexed == len(pages) - 2 - len(moved) - len(lists)


def test_the_hook_strips_search_attributes_as_material_does_and_only_stands_in_for_it_as_is():
    from material.plugins.search.plugin import SearchPlugin

    from build_dossier import mkdocs_hook
    material = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
    html = ('<div class="dossier-covered" data-search-exclude="statement-pages" markdown>'
            '<p>x</p></div>\n<div\ndata-search-exclude="citation">y</div>'
            '<p data-search-x="">kept: empty</p><p>data-search-exclude="z" in text</p>')
    assert mkdocs_hook.strip_search_attributes(html) == material.sub("", html)
    assert "data-search-exclude" not in mkdocs_hook.strip_search_attributes(html)
    # Stood in for only while Material's plugin strips with that very pattern, once.
    assert mkdocs_hook._strips_as_expected(SearchPlugin)
