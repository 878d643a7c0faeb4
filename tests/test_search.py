"""The `search:` setting of sources/dossier.yml: Material's search, or Pagefind's for large
dossiers (its index in site/pagefind/, and no search_index.json to download whole)."""

from __future__ import annotations

import json
import re

import pytest

from build_dossier.build import build, load_and_check

# An unknown engine is an error on its line: the golden case tests/cases/unknown-search-engine.


def test_search_defaults_to_material_and_reads_pagefind(new_dossier):
    default = new_dossier("small", {"dossier.yml": "title: Small\n"}, at="a")
    assert load_and_check(default).search == "material"
    pagefind = new_dossier("small", {"dossier.yml": "title: Small\nsearch: pagefind\n"}, at="b")
    checked = load_and_check(pagefind)
    assert checked.ok and checked.search == "pagefind" and checked.title == "Small"


@pytest.mark.slow
def test_a_pagefind_site_builds_strict_with_its_own_index_from_this_host(new_dossier):
    root = new_dossier("small", {"dossier.yml": "title: Small\nsearch: pagefind\n"})
    result = build(root, pdf=False)
    assert result.ok, result.lines
    site = root / "site"
    assert (site / "pagefind/pagefind-ui.js").is_file()
    assert not list(site.rglob("search_index.json"))
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
