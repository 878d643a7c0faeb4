"""Statement pages and citations: one page per statement with a citation to copy, citation
tags on every source page, CSL-JSON of the sources, kinds and citations in dossier.json, and
hostile values shown as text in each format."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from dossiers import SEEDS, dossier_of, pages_of

from build_dossier.build import build
from build_dossier.citation import source_citation, statement_citation
from build_dossier.model import QuoteKind

ROOT = SEEDS.parent
EXTENSIONS = ["attr_list", "md_in_html", "toc"]
SOURCE_TAGS = {"citation_title", "citation_publication_date", "citation_language",
               "DC.title", "DC.date", "DC.language"}

HOSTILE_SOURCE = """\
---
title: "<b>Bold</b> \\"quoted\\" title & {{ x }}"
published: 1843-03-04
outlet: "<i>The</i> \\"Outlet\\"}{"
author: "Jane <script>alert(1)</script> O'Hara\\ttab"
url: "https://example.org/a?b=1&c=(x)"
reports: [1843-03-01-summit]
quotes:
  - text: "Nothing <shall> stop {this} & that"
    speaker: charles-babbage
    event: 1843-03-01-summit
---
Babbage said: "Nothing <shall> stop {this} & that", and left.
"""


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_every_statement_has_its_own_page_with_a_citation():
    dossier = dossier_of(ROOT)
    pages = pages_of(ROOT)
    assert len(dossier.clusters) > 20
    for cluster in dossier.clusters:
        page = pages[f"quotes/{cluster.anchor}.md"]
        assert f"{{ #{cluster.anchor} .dossier-statement" in page, cluster.anchor
        assert "## Cite this statement" in page and 'id="cite-ris"' in page
        meta = dict(front_matter(page)["citation"])
        assert meta["citation_author"] == dossier.people[cluster.speaker].name
        # Each source carrying it is linked at the highlighted quote in its text.
        for quote in cluster.quotes:
            assert f"../sources/{quote.source_id}.md#{quote.anchor}" in page
    assert not [uri for uri in pages if uri.startswith("quotes/") and
                uri.removeprefix("quotes/").removesuffix(".md") not in
                {c.anchor for c in dossier.clusters} and not uri.endswith("/index.html")]


def test_the_quote_index_links_each_entry_to_its_page_and_a_permalink():
    dossier = dossier_of(ROOT)
    index = pages_of(ROOT)["quotes.md"]
    for cluster in dossier.clusters:
        assert f"(quotes/{cluster.anchor}.md#{cluster.anchor})" in index
        assert f'href="#{cluster.anchor}"' in index
        # The old anchors stay on the index.
        assert f'id="{cluster.anchor}"' in index


def test_a_paraphrase_is_never_cited_as_a_quotation():
    dossier = dossier_of(ROOT)
    paraphrased = [c for c in dossier.clusters
                   if all(q.kind is QuoteKind.PARAPHRASE for q in c.quotes)]
    assert paraphrased
    for cluster in paraphrased:
        citation = statement_citation(dossier, cluster)
        assert f"“{cluster.text}" not in citation.text
        assert "paraphrase" in citation.text.lower()
        assert not citation.csl["title"].startswith("“")
        page = pages_of(ROOT)[f"quotes/{cluster.anchor}.md"]
        assert f"“{cluster.text}" not in page
        speaker = dossier.people[cluster.speaker].name
        heading = next(line for line in page.splitlines() if line.startswith("# "))
        assert '<span class="dossier-kind">reported speech</span>' in heading
        assert "“" not in heading
        assert f'title: "{speaker} (paraphrase): ' in page
    direct = next(c for c in dossier.clusters if all(q.kind is QuoteKind.DIRECT
                                                     for q in c.quotes))
    assert f"“{direct.quotes[0].text}”" in statement_citation(dossier, direct).text


def test_a_citation_says_what_is_not_recorded():
    dossier = dossier_of(ROOT)
    bare = next(s for s in dossier.sources.values() if not (s.outlet or s.url or s.author))
    citation = source_citation(dossier, bare)
    for missing in ("Author not recorded", "Outlet not recorded", "Address not recorded"):
        assert missing in citation.text and missing in citation.csl["note"]
    # Reference managers get no made-up author or publisher.
    assert "author" not in citation.csl and "publisher" not in citation.csl
    assert "N1  - Author not recorded" in citation.ris


def test_dossier_json_carries_kinds_and_citations_and_the_sources_are_csl_json():
    pages = pages_of(ROOT)
    model = json.loads(pages["dossier.json"])
    for source in model["sources"]:
        assert source["citation"]["csl"]["id"] == source["id"]
        assert source["title"] in source["citation"]["text"]
    kinds = {kind.value for kind in QuoteKind}
    for quote in model["quotes"]:
        assert quote["kind"] in kinds and set(quote["kinds"]) <= kinds
        assert quote["citation"]["csl"]["id"] == quote["id"]
    items = json.loads(pages["citations.json"])
    assert [i["id"] for i in items] == [s["id"] for s in model["sources"]]
    assert all(i["type"] == "article-newspaper" and i["issued"]["date-parts"] for i in items)
    assert "citations.json" in pages["sources/index.md"]


def test_hostile_values_are_text_in_the_statement_page_and_every_citation(new_dossier):
    root = new_dossier("small", {"1843-03-04-hostile.md": HOSTILE_SOURCE})
    dossier = dossier_of(root)
    # `check` refuses control characters in titles; a citation still never carries one.
    source = replace(dossier.sources["1843-03-04-hostile"],
                     title=dossier.sources["1843-03-04-hostile"].title + "\x07\u202e")
    assert "\t" in source.author
    cluster = next(c for c in dossier.clusters if c.text.startswith("Nothing <shall>"))
    pages = pages_of(root)
    html = markdown.markdown(pages[f"quotes/{cluster.anchor}.md"].split("\n---\n", 1)[1],
                             extensions=EXTENSIONS)
    parsed = _Elements()
    parsed.feed(html)
    assert not {"b", "i", "script", "shall"} & parsed.tags
    assert "Nothing <shall> stop {this} & that" in parsed.text
    citation = source_citation(dossier, source)
    # RIS: one tag a line, whatever the value held.
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in citation.ris.splitlines())
    for form in (citation.ris, citation.bibtex, citation.text, citation.csl_json()):
        assert not {"\x07", "\u202e", "\t"} & set(form)
    # BibTeX: braces balance, and the value's own braces and specials are escaped.
    bib = citation.bibtex
    assert re.sub(r"\\[{}]", "", bib).count("{") == re.sub(r"\\[{}]", "", bib).count("}")
    assert r"\}\{" in bib and r"\&" in bib
    assert json.loads(citation.csl_json())["author"] == [{"literal": "Jane <script>alert(1)"
                                                          "</script> O'Hara tab"}]
    # The source page's citation tags round-trip through YAML with the values as written.
    meta = dict(front_matter(pages["sources/1843-03-04-hostile.md"])["citation"])
    assert meta["citation_publisher"] == '<i>The</i> "Outlet"}{'
    assert meta["citation_title"] == '<b>Bold</b> "quoted" title & {{ x }}'


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text = ""
        self.meta: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "meta" and values.get("name") and values.get("content") is not None:
            self.meta.append((str(values["name"]), str(values["content"])))

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.mark.slow
def test_built_pages_carry_citation_tags_and_statement_pages_stay_out_of_the_nav(new_dossier):
    root = new_dossier("small", {"1843-03-04-hostile.md": HOSTILE_SOURCE})
    result = build(root, pdf=False)
    assert result.ok, result.lines
    site = root / "site"
    dossier = dossier_of(root)
    for source in dossier.sources.values():
        page = _Elements()
        page.feed((site / "sources" / source.id / "index.html").read_text("utf-8"))
        names = {name for name, _ in page.meta}
        assert names >= SOURCE_TAGS, (source.id, SOURCE_TAGS - names)
        assert dict(page.meta)["citation_title"] == source_citation(dossier, source).csl["title"]
    hostile = _Elements()
    hostile.feed((site / "sources/1843-03-04-hostile/index.html").read_text("utf-8"))
    assert "<script>alert" not in (site / "sources/1843-03-04-hostile/index.html").read_text()
    assert dict(hostile.meta)["citation_author"] == "Jane <script>alert(1)</script> O'Hara tab"
    for cluster in dossier.clusters:
        html = (site / "quotes" / cluster.anchor / "index.html").read_text("utf-8")
        page = _Elements()
        page.feed(html)
        assert {"citation_title", "citation_author", "DC.creator"} <= dict(page.meta).keys()
        assert "assets/build-dossier/citation.js" in html
    index = (site / "index.html").read_text("utf-8")
    assert "quotes/q-" not in index, "statement pages are listed in the navigation"
