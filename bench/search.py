"""Search at scale: time from typing a word to the first result, in headless Chromium.

Serves a built `site/` on 127.0.0.1 and types into the header's search box: Material's,
Zensical's, or Pagefind's when the site was built with `search: pagefind` (`SearchUI` knows each).
`python -m bench.search SITE_DIR [--query WORD]` prints one JSON object.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 120_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    """The address the site is served under, as a GitHub project's Pages are: `/repo/`."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".not-under-the-prefix")  # answered with a 404
        return super().translate_path("/" + path.removeprefix(self.prefix))


@contextmanager
def serve(site_dir: Path, prefix: str = "") -> Iterator[str]:
    """The site over HTTP on a free loopback port (under `/<prefix>`, such as `repo/`), for as
    long as the block runs; yields its address, ending in '/'."""
    handler_class = type("Handler", (_QuietHandler,), {"prefix": "/" + prefix})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class SearchUI:
    """How a reader searches one kind of built site: what to click, where to type, what the
    results are. The one place that knows each renderer's search box."""

    engine: str
    box: str
    """The text field the query goes in."""
    result_link: str
    """A link to one result."""
    status: str
    """The element that says how many results there are, once the search is done."""
    index: str
    """The index file the browser fetches to search (a path under the site)."""
    opener: str = ""
    """What to click first to show the box, if it is not in the page already."""

    def search(self, page: Any, query: str) -> list[str]:
        """Type `query` on the open `page`; every result's address, best first (no repeats,
        without fragments or queries)."""
        if self.opener:
            page.locator(self.opener).first.click()
        box = page.locator(self.box).first
        box.click()
        # The engines search as one types: set the whole query, then press a key, so that the
        # only results that ever show are the full query's.
        box.fill(query)
        box.press("End")
        page.locator(self.status).filter(has_text=re.compile(r"\d|No ", re.I)).first.wait_for()
        page.wait_for_timeout(300)  # the last keystroke's search may still be settling
        hrefs = page.eval_on_selector_all(self.result_link, "links => links.map(a => a.href)")
        found: list[str] = []
        for href in hrefs:
            address = urlsplit(href)._replace(query="", fragment="").geturl()
            if address not in found:
                found.append(address)
        return found

    def close(self, page: Any) -> None:
        """Close the results so that the next search starts afresh."""
        if self.engine != "pagefind":
            page.keyboard.press("Escape")


MATERIAL = SearchUI("material", "input.md-search__input", ".md-search-result__item > a[href]",
                    ".md-search-result__meta", "search/search_index.json")
# Zensical's search is a dialog in a shadow root; Playwright's CSS selectors reach into it.
ZENSICAL = SearchUI("zensical", 'dialog input[role="combobox"]', 'a[role="option"][href]',
                    'dialog [role="status"]', "search.json", opener=".md-search__button")
PAGEFIND = SearchUI("pagefind", ".pagefind-ui__search-input", ".pagefind-ui__result-link",
                    ".pagefind-ui__message", "pagefind/pagefind-entry.json")


def search_ui(site_dir: Path) -> SearchUI:
    """The search a built site has, told by the index it ships."""
    for ui in (PAGEFIND, ZENSICAL, MATERIAL):
        if (site_dir / ui.index).is_file():
            return ui
    raise ValueError(f"{site_dir} has no search index of Pagefind, Zensical or Material")


def time_search(site_dir: Path, query: str, screenshot: Path | None = None) -> dict[str, Any]:
    """Seconds from the first keystroke to the first result, on a fresh page and once warm."""
    from playwright.sync_api import sync_playwright

    ui = search_ui(site_dir)
    hit = ui.result_link
    figures: dict[str, Any] = {"engine": ui.engine, "query": query}
    with serve(site_dir) as url, sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        fetched = [0]
        page.on("response", lambda response: fetched.__setitem__(
            0, fetched[0] + int(response.headers.get("content-length", "0"))))
        page.set_default_timeout(TIMEOUT_MS)
        loaded = time.perf_counter()
        page.goto(url, wait_until="load")
        figures["page_load_s"] = round(time.perf_counter() - loaded, 3)
        figures["page_load_bytes"] = fetched[0]
        for label, word in (("first_result_s", query), ("warm_result_s", query[:-1])):
            if ui.opener:
                page.locator(ui.opener).first.click()
            page.locator(ui.box).first.click()
            page.locator(ui.box).first.fill("")
            typed = time.perf_counter()
            page.locator(ui.box).first.type(word)
            page.locator(hit).first.wait_for(state="visible")
            figures[label] = round(time.perf_counter() - typed, 3)
            if label == "first_result_s":
                figures["first_query_bytes"] = fetched[0] - figures["page_load_bytes"]
            if screenshot is not None and label == "first_result_s":
                page.screenshot(path=str(screenshot))
            ui.close(page)
        figures["bytes_fetched"] = fetched[0]
        browser.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m bench.search`."""
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("site", type=Path, help="a built site/ folder")
    parser.add_argument("--query", default="Petrenko", help="the word typed (Petrenko)")
    parser.add_argument("--screenshot", type=Path, help="save the first results as a PNG")
    args = parser.parse_args(argv)
    print(json.dumps(time_search(args.site, args.query, args.screenshot)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
