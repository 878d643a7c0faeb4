"""Test helpers: dossier repositories laid out in a temporary folder, and sites served locally."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from build_dossier.write import hand_written

REPO = Path(__file__).resolve().parent.parent


def copy_hand_written_docs(dest: Path) -> None:
    """The repository's hand-written pages (those the navigation names), without generated ones."""
    for uri in hand_written(REPO / "docs"):
        (dest / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "docs" / uri, dest / "docs" / uri)


def copy_dossier(src: Path, dest: Path) -> Path:
    """`src`'s sources with the repository's site configuration and hand-written pages."""
    shutil.copytree(src / "sources", dest / "sources")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    copy_hand_written_docs(dest)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1 by a threaded http.server; the address ends with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
