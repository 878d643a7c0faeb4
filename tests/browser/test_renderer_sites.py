"""The seed dossier built with each renderer (MkDocs, ProperDocs, Zensical), served at the root
of a host and under a sub-path (`/repo/`, where GitHub project Pages deploy, with `site_url` set
to match), crawled in Chromium and searched as a reader would.

Each renderer's site is built once per placement; the crawl follows every link from the home
page, which is also our link check for renderers that do not do all of what `validation:`
asks. Chromium then loads a page of each kind and searches, refusing any other host.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin

import pytest
from browsing import VIEWPORT, Requests
from dossiers import make_dossier, serve

from bench.search import SearchUI, search_ui
from build_dossier import build as pipeline
from build_dossier.renderers import RENDERERS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

RESULTS_SEEN = 5
"""Result pages a reader sees at once without scrolling; what they look for must be among them."""
SUB_PATH = "repo/"
PLACES = {"root": "", "sub-path": SUB_PATH}


@dataclass
class Built:
    """One renderer's site, served, with what the browser saw of it."""

    renderer: str
    url: str
    site: Path
    dossier: dict[str, Any]
    search: SearchUI
    requests: Requests
    status: dict[str, int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)


def build_with(renderer: str, root: Path, site_url: str) -> Path:
    """The repository's dossier under `root`, built with `renderer` for `site_url`."""
    if not RENDERERS[renderer].installed():
        pytest.fail(f"{RENDERERS[renderer].label} is not installed: run 'make test', which "
                    "installs every renderer", pytrace=False)
    make_dossier(root, "seeds")
    with (root / "sources/dossier.yml").open("a", encoding="utf-8") as settings:
        settings.write(f"renderer: {renderer}\n")
        if site_url:
            settings.write(f"site_url: {json.dumps(site_url)}\n")
    result = pipeline.build(root)
    assert result.ok, f"the site did not build with {renderer}:\n" + "\n".join(result.lines)
    return root / "site"


@pytest.fixture(scope="module", params=[(r, p) for r in RENDERERS for p in PLACES],
                ids=lambda param: f"{param[0]}-{param[1]}")
def built(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """One renderer's site, built and served at one place, and crawled from its home page."""
    renderer, place = request.param
    prefix = PLACES[place]
    root = tmp_path_factory.mktemp(f"{renderer}-{place}")
    # Served before it is built, so that its public address (with the port) is known.
    with serve(root / "site", prefix) as url:
        site = build_with(renderer, root, url if prefix else "")
        dossier = json.loads((site / "dossier.json").read_text("utf-8"))
        # Requests outside the sub-path still reach the server, which answers them 404.
        found = Built(renderer, url, site, dossier, search_ui(site),
                      Requests(url.removesuffix(prefix)))
        crawl(found)
        yield found


class _Links(HTMLParser):
    """The ids of a page and the addresses its links point to (SVG links too)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(str(values[name]))
        href = values.get("href") or values.get("xlink:href")
        if tag == "a" and href:
            self.hrefs.append(href)


def crawl(found: Built) -> None:
    """Follow every link to our server from the home page, breadth first, over plain HTTP: the
    links a reader can follow are all in the pages' HTML (the browser tests below load pages
    in Chromium for what they fetch)."""
    queue = [found.url]
    while queue:
        url = queue.pop(0)
        if url in found.status:
            continue
        try:
            with urllib.request.urlopen(url) as response:
                found.status[url] = response.status
                body = response.read() if url.endswith(("/", ".html")) else b""
        except urllib.error.HTTPError as error:
            found.status[url] = error.code
            continue
        if not body:
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        found.ids[url] = parser.ids
        # A link that leaves the sub-path is wrong for a project site: it is followed, and
        # shows as a 404 from the server, which serves nothing outside the prefix.
        links = [urljoin(url, href) for href in parser.hrefs]
        found.links[url] = [link for link in links if link.startswith(found.requests.base_url)]
        queue.extend(urldefrag(link).url for link in found.links[url])


def test_every_page_is_reached_and_every_link_resolves(built: Built) -> None:
    expected = {"", "chronology/", "quotes/", "sources/", "events/", "people/",
                "chronology.pdf", "dossier.json", "feed.xml"}
    expected |= {f"sources/{s['id']}/" for s in built.dossier["sources"]}
    expected |= {f"events/{e['id']}/" for e in built.dossier["events"]}
    expected |= {f"people/{p['id']}/" for p in built.dossier["people"]}
    reached = {url.removeprefix(built.url) for url in built.status}
    assert expected <= reached, f"not linked from anywhere: {sorted(expected - reached)}"
    broken = {url: status for url, status in built.status.items() if status != 200}
    assert not broken, f"links that do not resolve with {built.renderer}: {broken}"


def test_every_anchor_exists_on_its_page(built: Built) -> None:
    missing = [f"{page} -> {link}" for page, links in built.links.items() for link in links
               if urldefrag(link).fragment
               and unquote(urldefrag(link).fragment) not in built.ids.get(urldefrag(link).url,
                                                                         set())]
    assert not missing, "links to anchors that do not exist:\n" + "\n".join(sorted(missing))


@pytest.fixture(scope="module")
def page(built: Built, browser: Any) -> Iterator[Any]:
    """A tab whose requests are all recorded, and refused unless they go to our server."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    context.route("**/*", built.requests.route)
    context.on("response", built.requests.response)
    yield context.new_page()
    context.close()


def test_search_finds_a_person_by_surname_and_a_quote_by_a_phrase(built: Built,
                                                                   page: Any) -> None:
    # The most quoted person: the one whose surname is in the most other pages' titles.
    person = next(p for p in built.dossier["people"] if p["id"] == "jens-stoltenberg")
    phrase = "renounce their ability to protect"
    statement = next(q for q in built.dossier["quotes"] if phrase in q["text"])
    queries = {person["name"].split()[-1]: f"people/{person['id']}/",
               phrase: f"quotes/{statement['id']}/"}
    missed = {}
    for query, wanted in queries.items():
        page.goto(built.url)
        found = [url.removeprefix(built.url)
                 for url in built.search.search(page, query)][:RESULTS_SEEN]
        if wanted not in found:
            missed[query] = found
    assert not missed, f"not among the first results with {built.renderer}: {missed}"
    assert any(url.endswith(built.search.index) for url in built.requests.seen), \
        "the search index request was not recorded, so requests are not all being watched"


def test_no_page_asks_another_host_for_anything(built: Built, page: Any) -> None:
    first = {"sources": built.dossier["sources"][0]["id"],
             "events": built.dossier["events"][0]["id"],
             "people": built.dossier["people"][0]["id"]}
    for address in ["", "chronology/", "quotes/", *(f"{k}/{v}/" for k, v in first.items())]:
        page.goto(built.url + address, wait_until="load")
    assert len(built.requests.seen) > 7, "the pages' requests are not being recorded"
    assert not built.requests.refused, f"requests to other hosts: {built.requests.refused}"
    assert not built.requests.failed, f"requests that failed: {built.requests.failed}"
