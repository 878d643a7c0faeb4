"""`build-dossier serve` in a subprocess: edits show up, a broken source keeps the last good
site served, and fixing it brings the site back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis.md"
PAGE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis/"


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.mark.slow
def test_serve_rebuilds_on_save_and_survives_a_broken_source(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "editors.md", tmp_path / "docs" / "editors.md")
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "build_dossier", "serve", "--root", str(tmp_path),
             "--port", "0"], stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: "http://127.0.0.1:" in log.read_text(encoding="utf-8"))
        base = re.search(r"http://127\.0\.0\.1:\d+/", log.read_text(encoding="utf-8")).group()
        page = get(base + PAGE)
        assert "NATO Foreign Ministers discuss Ukraine crisis" in page
        # Served pages poll the server, and only the server, for new builds.
        assert "fetch('/__reload'" in page
        assert "__reload" not in (tmp_path / "site" / PAGE / "index.html").read_text("utf-8")
        first = json.loads(get(base + "__reload"))["build"]

        source = tmp_path / SOURCE
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace('title: "NATO Foreign Ministers discuss Ukraine crisis"',
                                       'title: "Ministers meet on Ukraine"'), encoding="utf-8")
        wait_for(lambda: json.loads(get(base + "__reload"))["build"] > first)
        assert "Ministers meet on Ukraine" in get(base + PAGE)

        # A page written by hand in docs/ is watched too; the pages a build writes are not,
        # or every build would start another.
        guide = tmp_path / "docs" / "editors.md"
        before = json.loads(get(base + "__reload"))["build"]
        guide.write_text(guide.read_text(encoding="utf-8").replace(
            "# Editors' guide", "# Guide for the desk"), encoding="utf-8")
        # The build is counted once its site is in place: wait for the count, not the page.
        wait_for(lambda: json.loads(get(base + "__reload"))["build"] > before)
        assert "Guide for the desk" in get(base + "editors/")
        settled = json.loads(get(base + "__reload"))["build"]
        time.sleep(2)
        assert json.loads(get(base + "__reload"))["build"] == settled

        source.write_text(text.replace("speaker: antony-blinken", "speaker: tony-blinkin"),
                          encoding="utf-8")
        wait_for(lambda: "unknown person 'tony-blinkin'" in log.read_text(encoding="utf-8"))
        assert server.poll() is None
        assert "Ministers meet on Ukraine" in get(base + PAGE)

        source.write_text(text, encoding="utf-8")
        wait_for(lambda: "NATO Foreign Ministers discuss Ukraine crisis" in get(base + PAGE))
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
