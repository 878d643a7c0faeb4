"""`build-dossier serve` in a subprocess: edits show up, a broken source keeps the last good
site served, and fixing it brings the site back."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from dossiers import wait_until

SOURCE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis.md"
PAGE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis/"
GUIDE = "docs/editors.md"


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def save(path: Path, text: str) -> None:
    """Save as editors do, in one step: the server never sees the file half written."""
    draft = path.with_name(f".{path.name}.saving")
    draft.write_text(text, encoding="utf-8")
    os.replace(draft, path)


@pytest.mark.slow
def test_serve_rebuilds_on_save_and_survives_a_broken_source(new_dossier):
    root = new_dossier("seeds")
    log = root.parent / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "build_dossier", "serve", "--root", str(root),
             "--port", "0"], stdout=out, stderr=subprocess.STDOUT)

    def said() -> str:
        return log.read_text(encoding="utf-8")

    def build_number() -> int:
        return int(json.loads(get(base + "__reload"))["build"])

    try:
        wait_until(lambda: "http://127.0.0.1:" in said(), "the server to say its address")
        base = re.search(r"http://127\.0\.0\.1:\d+/", said()).group()
        page = get(base + PAGE)
        assert "NATO Foreign Ministers discuss Ukraine crisis" in page
        # Served pages poll the server, and only the server, for new builds.
        assert "fetch('/__reload'" in page
        assert "__reload" not in (root / "site" / PAGE / "index.html").read_text("utf-8")
        first = build_number()

        source = root / SOURCE
        text = source.read_text(encoding="utf-8")
        save(source, text.replace('title: "NATO Foreign Ministers discuss Ukraine crisis"',
                                  'title: "Ministers meet on Ukraine"'))
        wait_until(lambda: build_number() > first, "a build after the source was saved")
        assert "Ministers meet on Ukraine" in get(base + PAGE)

        # A page written by hand in docs/ is watched too.
        guide = root / GUIDE
        before = build_number()
        save(guide, guide.read_text(encoding="utf-8").replace(
            "# Editors' guide", "# Guide for the desk"))
        # The build is counted once its site is in place: wait for the count, not the page.
        wait_until(lambda: build_number() > before, "a build after the guide was saved")
        assert "Guide for the desk" in get(base + "editors/")

        save(source, text.replace("speaker: antony-blinken", "speaker: tony-blinkin"))
        wait_until(lambda: "unknown person 'tony-blinkin'" in said(),
                   "the broken source's problem in the server's output")
        assert server.poll() is None
        assert "Ministers meet on Ukraine" in get(base + PAGE)

        save(source, text)
        wait_until(lambda: "NATO Foreign Ministers discuss Ukraine crisis" in get(base + PAGE),
                   "the fixed source's page")
        assert server.poll() is None
        # The pages a build writes are not watched, or every build would start another: the
        # watcher, which polled many times after each build, saw only what was saved here.
        changed = [line for line in said().splitlines() if line.startswith("Changed: ")]
        assert changed, said()
        assert set(changed) <= {
            f"Changed: {SOURCE}; rebuilding.", f"Changed: {GUIDE}; rebuilding."}, said()
    finally:
        server.terminate()
        server.wait(timeout=10)
