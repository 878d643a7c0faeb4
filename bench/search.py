"""Search at scale: time from typing a word to the first result, in headless Chromium.

Serves a built `site/` on 127.0.0.1 and types into the header's search box: Material's, or
Pagefind's when the site was built with `search: pagefind`.
`python -m bench.search SITE_DIR [--query WORD]` prints one JSON object.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 120_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """The site over HTTP on a free loopback port, for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def time_search(site_dir: Path, query: str, screenshot: Path | None = None) -> dict[str, Any]:
    """Seconds from the first keystroke to the first result, on a fresh page and once warm."""
    from playwright.sync_api import sync_playwright

    pagefind = (site_dir / "pagefind").is_dir()
    box = ".pagefind-ui__search-input" if pagefind else "input.md-search__input"
    hit = ".pagefind-ui__result" if pagefind else ".md-search-result__item"
    figures: dict[str, Any] = {"engine": "pagefind" if pagefind else "material", "query": query}
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
            page.click(box)
            page.fill(box, "")
            typed = time.perf_counter()
            page.type(box, word)
            page.wait_for_selector(hit, state="visible")
            figures[label] = round(time.perf_counter() - typed, 3)
            if label == "first_result_s":
                figures["first_query_bytes"] = fetched[0] - figures["page_load_bytes"]
            if screenshot is not None and label == "first_result_s":
                page.screenshot(path=str(screenshot))
            if not pagefind:
                page.keyboard.press("Escape")
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
