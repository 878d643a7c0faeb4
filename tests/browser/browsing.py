"""What the browser tests share: where things are, how Chromium starts, and the French fixture
source that exercises search in a language other than English.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from dossiers import REPO, make_dossier

from build_dossier.pages.statement import LONG_WORDS

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


SEARCHED_STATEMENTS = 5
"""Seed statements whose words the search tests look for."""


def phrases_from_the_middle(model: dict[str, Any], count: int = SEARCHED_STATEMENTS
                            ) -> list[tuple[str, str]]:
    """(Five words from the middle of a seed statement, its anchor) for `count` statements,
    of different speakers where there are enough, each phrase telling its statement apart."""
    texts = [(q["id"], v["text"]) for q in model["quotes"] for v in q["variants"]]
    # A communiqué-length statement heads its page with its opening only (statement.py's
    # LONG_WORDS): words from its middle rank below the lines that share them.
    found = {q["id"]: (phrase, q["speaker"]) for q in model["quotes"]
             if len(q["text"].split()) <= LONG_WORDS and (phrase := _telling_phrase(q, texts))}
    picked: list[tuple[str, str]] = []
    speakers: set[str] = set()
    for anchor, (phrase, speaker) in found.items():
        if speaker not in speakers and len(picked) < count:
            picked.append((phrase, anchor))
            speakers.add(speaker)
    for anchor, (phrase, _) in found.items():
        if (phrase, anchor) not in picked and len(picked) < count:
            picked.append((phrase, anchor))
    return picked


def _telling_phrase(quote: dict[str, Any], texts: list[tuple[str, str]]) -> str:
    """Five words from the middle on, at least three of them not small words and none twice
    (what a reader remembers of a quote), that no other statement holds every word of: the
    engines match words, not phrases. Empty when there is none."""
    words = [w.strip(".,;:“”\"'’") for w in quote["text"].split()]
    others = [text for anchor, text in texts if anchor != quote["id"]]
    for start in range(max(len(words) // 2 - 2, 0), len(words) - 4):
        span = words[start:start + 5]
        if sum(len(w) > 3 for w in span) < 3 or len({w.lower() for w in span}) < 5:
            continue
        phrase = " ".join(span)
        if phrase in quote["text"] and not any(_words(phrase) <= _words(t) for t in others):
            return phrase
    return ""


def _words(text: str) -> set[str]:
    """The words of `text`, cut to six letters: the engines match `principles` for `principle`."""
    return {w[:6] for w in re.findall(r"\w+", text.lower())}


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
