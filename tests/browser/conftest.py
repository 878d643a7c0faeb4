"""Browser-test fixtures: build the dossier once into a temporary copy, serve `site/` on
127.0.0.1, and drive Debian's Chromium through Playwright, refusing every request to another host.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import (
    AXE,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    SCREENSHOTS,
    VIEWPORT,
    Requests,
    copy_browser_dossier,
)
from dossiers import serve

from build_dossier import build as pipeline


@pytest.fixture(scope="session")
def built_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's dossier, plus the French fixture, built with MkDocs."""
    root = copy_browser_dossier(tmp_path_factory.mktemp("browser-dossier"))
    result = pipeline.build(root)
    assert result.ok, "the site did not build:\n" + "\n".join(result.lines)
    return root


@pytest.fixture(scope="session")
def dossier(built_root: Path) -> dict[str, Any]:
    """The built dossier as published in /dossier.json."""
    data: dict[str, Any] = json.loads((built_root / "site" / "dossier.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def base_url(built_root: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1; ends with '/'."""
    with serve(built_root / "site") as url:
        yield url


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
