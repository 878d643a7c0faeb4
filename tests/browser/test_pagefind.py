"""A dossier built with `search: pagefind`, in Chromium: the header's search box finds a quote's
source from words in its middle, and nothing is fetched from another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import FRENCH_SOURCE_ID, Requests, copy_browser_dossier
from dossiers import serve

from build_dossier import build as pipeline

pytestmark = pytest.mark.browser

BOX = ".pagefind-ui__search-input"


@pytest.fixture(scope="module")
def pagefind_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sources plus the French fixture, built with Pagefind."""
    root = copy_browser_dossier(tmp_path_factory.mktemp("pagefind-dossier"))
    with (root / "sources/dossier.yml").open("a", encoding="utf-8") as settings:
        settings.write("search: pagefind\n")
    result = pipeline.build(root, pdf=False)
    assert result.ok, "the site did not build:\n" + "\n".join(result.lines)
    return root


# Overrides the session's base_url (the Material site) for this module's `page` fixture.
@pytest.fixture(scope="module")
def base_url(pagefind_root: Path) -> Iterator[str]:
    """The Pagefind site, served on 127.0.0.1."""
    with serve(pagefind_root / "site") as url:
        yield url


def search(page: Any, start: str, query: str) -> list[str]:
    """Type `query` into the header's search box on `start`; every result page, best first."""
    page.goto(start)
    page.locator(BOX).click()
    page.locator(BOX).type(query)
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_timeout(300)  # Pagefind searches as one types: let the last query settle.
    more = page.locator(".pagefind-ui__button")
    while more.count():
        more.first.click()
        page.wait_for_timeout(100)
    links = page.locator(".pagefind-ui__result-link")
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


def middle_of_first_quote(root: Path) -> tuple[str, str]:
    """Words from the middle of a quote in the seeds, and the source that carries it."""
    checked = pipeline.load_and_check(root)
    source = next(s for s in checked.loaded.sources if s.quotes)
    words = source.quotes[0].text.split()
    return " ".join(words[len(words) // 3: len(words) // 3 + 4]), source.id


def test_words_from_the_middle_of_a_quote_find_its_source(
        page: Any, pagefind_root: Path, requests_log: Requests, screenshots: Path) -> None:
    phrase, source_id = middle_of_first_quote(pagefind_root)
    found = search(page, "events/", phrase)
    page.screenshot(path=str(screenshots / "pagefind-search.png"))
    assert f"/sources/{source_id}/" in found, (phrase, found)
    page.locator(f'.pagefind-ui__result-link[href="/sources/{source_id}/"]').first.click()
    page.wait_for_url(f"**/sources/{source_id}/")
    assert requests_log.refused == [] and requests_log.failed == []


def test_a_french_word_finds_the_french_source(page: Any, requests_log: Requests) -> None:
    assert f"/sources/{FRENCH_SOURCE_ID}/" in search(page, "./", "réciprocité")
    assert requests_log.refused == [] and requests_log.failed == []


def test_permalink_marks_are_not_in_the_results(page: Any) -> None:
    search(page, "./", "chronology")
    assert "¶" not in page.locator(".pagefind-ui__results").inner_text()
