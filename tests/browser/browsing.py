"""What the browser tests share: where things are, how Chromium starts, and the French fixture
source that exercises search in a language other than English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossiers import REPO, make_dossier

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}

# A non-English source, so that searching text in another language is exercised even while the
# real dossier has none. It only exists in the test's copy of the sources.
FRENCH_SOURCE_ID = "2022-01-13-otan-russie-fixture"
FRENCH_SOURCE = """\
---
title: "L'OTAN et la Russie se quittent sans accord"
published: "2022-01-13"
language: fr
summary: >-
  Browser-test fixture: a short French report, to check that the search finds text in a source
  that is not in English.
tags: [fixture]
---
Les délégations se sont séparées à Bruxelles sans parvenir à un accord.

Les représentants ont néanmoins évoqué la maîtrise des armements et la réciprocité des mesures de
confiance, et envisagé une nouvelle réunion du Conseil.
"""


def browser_dossier(root: Path, settings: str = "") -> Path:
    """The repository's dossier with its site configuration, plus the French fixture, and
    `settings` added to its sources/dossier.yml."""
    dossier_yml = (REPO / "sources" / "dossier.yml").read_text(encoding="utf-8") + settings
    return make_dossier(root, "seeds", {f"{FRENCH_SOURCE_ID}.md": FRENCH_SOURCE,
                                        "dossier.yml": dossier_yml})


class Requests:
    """Every URL the pages asked for, and those refused because they left 127.0.0.1."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.seen: list[str] = []
        self.refused: list[str] = []
        self.failed: list[tuple[int, str]] = []

    def route(self, route: Any) -> None:
        url = route.request.url
        self.seen.append(url)
        if url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append((response.status, response.url))
