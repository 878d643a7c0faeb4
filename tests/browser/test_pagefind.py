"""A dossier built with `search: pagefind`, in Chromium: the header's search box finds a quote's
source from words in its middle, and nothing is fetched from another host.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import FRENCH_SOURCE_ID, Requests, browser_dossier, phrases_from_the_middle
from dossiers import serve

from build_dossier import build as pipeline

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BOX = ".pagefind-ui__search-input"


@pytest.fixture(scope="module")
def pagefind_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sources plus the French fixture, built with Pagefind."""
    root = browser_dossier(tmp_path_factory.mktemp("pagefind-dossier"), "search: pagefind\n")
    result = pipeline.build(root, pdf=False)
    assert result.ok, "the site did not build:\n" + "\n".join(result.lines)
    return root


# Overrides the session's base_url (the Material site) for this module's `page` fixture.
@pytest.fixture(scope="module")
def base_url(pagefind_root: Path) -> Iterator[str]:
    """The Pagefind site, served on 127.0.0.1."""
    with serve(pagefind_root / "site") as url:
        yield url


SETTLED = """([query, shown]) => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent.trim() ?? '';
    const items = document.querySelectorAll('.pagefind-ui__result').length;
    return message.endsWith(' for ' + query) && !message.startsWith('Searching')
        && items > shown && !document.querySelector('.pagefind-ui__results .pagefind-ui__loading')
        && document.querySelectorAll('.pagefind-ui__result-link').length >= items;
}"""
"""Whether the results shown are all loaded, more than `shown`, and for the whole `query`:
Pagefind searches as one types, and loads each result after listing it."""


FILTERS_SHOWN = """(wanted) => {
    const shown = [...document.querySelectorAll('.pagefind-ui__filter-name')]
        .map(name => name.textContent.trim().toLowerCase());
    return wanted.every(name => shown.includes(name));
}"""


def wait_for_results(page: Any, query: str, shown: int) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(SETTLED, arg=[query, shown], timeout=30_000)
    except PlaywrightTimeout:
        said = page.locator(".pagefind-ui__message").all_inner_texts()
        raise AssertionError(f"no more than {shown} results for {query!r} within 30 s; "
                             f"Pagefind says {said}") from None


def search(page: Any, start: str, query: str) -> list[str]:
    """Type `query` into the header's search box on `start`; every result page, best first."""
    page.goto(start)
    page.locator(BOX).click()
    page.locator(BOX).type(query)
    wait_for_results(page, query, 0)
    more = page.locator(".pagefind-ui__button")
    while more.count():
        shown = page.locator(".pagefind-ui__result").count()
        more.first.click()
        wait_for_results(page, query, shown)
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


def test_a_phrase_from_the_middle_of_a_quote_puts_its_statement_first(
        page: Any, pagefind_root: Path) -> None:
    model = json.loads((pagefind_root / "site" / "dossier.json").read_text("utf-8"))
    picked = phrases_from_the_middle(model)
    assert len(picked) >= 4
    missed = {}
    for phrase, statement in picked:
        found = search(page, "./", phrase)
        if not found or found[0] != f"/quotes/{statement}/":
            missed[phrase] = found[:5]
    assert not missed, f"the statement's page is not the first result: {missed}"


def test_results_can_be_narrowed_by_speaker_outlet_kind_and_month(
        page: Any, screenshots: Path) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    search(page, "./", "Russia")
    wanted = ["speaker", "outlet", "kind", "month"]
    # Pagefind draws its filters one by one, after the results: wait for them, as a reader would.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(FILTERS_SHOWN, arg=wanted, timeout=10_000)
    filters = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert set(wanted) <= {f.strip().lower() for f in filters}
    page.screenshot(path=str(screenshots / "pagefind-filters.png"))


def test_the_editors_guide_is_not_in_the_results(page: Any) -> None:
    assert not [href for href in search(page, "./", "front matter") if "editors" in href]


def test_a_french_word_finds_the_french_source(page: Any, requests_log: Requests) -> None:
    assert f"/sources/{FRENCH_SOURCE_ID}/" in search(page, "./", "réciprocité")
    assert requests_log.refused == [] and requests_log.failed == []


def test_permalink_marks_are_not_in_the_results(page: Any) -> None:
    search(page, "./", "chronology")
    assert "¶" not in page.locator(".pagefind-ui__results").inner_text()
