"""Browser-test fixtures: build the dossier once into a temporary copy, serve `site/` on
127.0.0.1, and drive Debian's Chromium through Playwright, refusing every request to another host.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import (
    AXE,
    CHROMIUM,
    CHROMIUM_ARGS,
    FRENCH_SOURCE,
    FRENCH_SOURCE_ID,
    REPO,
    SCREENSHOTS,
    VIEWPORT,
    Requests,
)

from build_dossier import cli, write
from build_dossier.link import link
from build_dossier.render import render


def _copy_hand_written_docs(docs: Path, target: Path) -> None:
    """Copy what editors wrote in docs/ (not what a build generated) into the test's copy."""
    if not docs.is_dir():
        return
    # Generated: recorded by the last build, or about to be generated (the last build may be older
    # than the templates).
    checked = cli.load_and_check(REPO)
    generated = write.generated(docs) | set(render(link(checked.loaded, checked.title)))
    for path in sorted(docs.rglob("*")):
        uri = path.relative_to(docs).as_posix()
        if path.is_file() and uri not in generated and not uri.startswith("."):
            (target / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / uri)


@pytest.fixture(scope="session")
def built_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's dossier, plus the French fixture, built with MkDocs."""
    root = tmp_path_factory.mktemp("browser-dossier")
    shutil.copytree(REPO / "sources", root / "sources")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    _copy_hand_written_docs(REPO / "docs", root / "docs")
    (root / "sources" / f"{FRENCH_SOURCE_ID}.md").write_text(FRENCH_SOURCE, encoding="utf-8")
    result = cli.build(root)
    assert result.ok, "the site did not build:\n" + "\n".join(result.lines)
    return root


@pytest.fixture(scope="session")
def dossier(built_root: Path) -> dict[str, Any]:
    """The built dossier as published in /dossier.json."""
    data: dict[str, Any] = json.loads((built_root / "site" / "dossier.json").read_text("utf-8"))
    return data


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(built_root: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 by a threaded http.server; ends with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(built_root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# Module scope, not session: Playwright's sync API allows one instance at a time, and other test
# modules start their own.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless; the tests fail (never skip) when it is not installed."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}, so the browser tests cannot run. "
            "Run 'make test' as root (it installs Debian's chromium with apt), or install it "
            "yourself: sudo apt-get install chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def requests_log(base_url: str) -> Requests:
    """What every page in the module requested (shared by all contexts)."""
    return Requests(base_url)


@pytest.fixture
def page(browser: Any, base_url: str, requests_log: Requests) -> Iterator[Any]:
    """A fresh page whose requests are all recorded, and refused unless they go to our server."""
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url,
                                  service_workers="block")
    context.route("**/*", requests_log.route)
    context.on("response", requests_log.response)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from node_modules; the tests fail with a hint when it is not installed."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: run 'make test' (or 'npm ci'), which "
                    "installs axe-core from package-lock.json", pytrace=False)
    return AXE


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The git-ignored folder the tests save their screenshots in."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
