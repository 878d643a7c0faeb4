"""`build-dossier serve`: build, serve `site/` on 127.0.0.1, and rebuild when `sources/` changes.

Served HTML pages get a small script that asks `/__reload` for the build number and reloads the
page when it goes up; the files in `site/` are left as MkDocs wrote them. A build that fails
prints its problems and leaves the last good site in place, still served.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .cli import DOCS_DIR, build
from .load import SOURCES_DIR
from .render import GENERATED_FOLDERS, INDEX_PAGES
from .site import CONFIG, SITE_DIR

POLL_SECONDS = 0.3
RELOAD_PATH = "/__reload"
_SCRIPT = (
    "<script>(function(){var b=%d;function p(){fetch('" + RELOAD_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.json()}).then(function(d){if(d.build!==b){location.reload()}"
    "else{setTimeout(p,200)}}).catch(function(){setTimeout(p,1500)})}setTimeout(p,200)})();"
    "</script>"
)


class Builds:
    """The number of the last good build, shared between the watcher and the server."""

    def __init__(self) -> None:
        self.number = 0
        self.lock = threading.Lock()

    def done(self) -> None:
        """Count one more good build."""
        with self.lock:
            self.number += 1

    def current(self) -> int:
        """The last good build's number."""
        with self.lock:
            return self.number


class Handler(SimpleHTTPRequestHandler):
    """Serves `site/` with no caching, and the live-reload script in HTML pages."""

    builds: Builds

    def __init__(self, *args: object, builds: Builds, directory: str) -> None:
        self.builds = builds
        super().__init__(*args, directory=directory)  # type: ignore[arg-type]

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the terminal for build reports."""

    def do_GET(self) -> None:
        """The build number, an HTML page with the reload script, or a file as it is."""
        path = urlsplit(self.path).path
        if path == RELOAD_PATH:
            self._send(200, "application/json",
                       json.dumps({"build": self.builds.current()}).encode())
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            try:
                html = target.read_bytes()
            except OSError:  # swapped out by a build between the two calls
                self.send_error(503, "The site is being rebuilt; reload in a moment")
                return
            script = (_SCRIPT % self.builds.current()).encode()
            at = html.rfind(b"</body>")
            html = html[:at] + script + html[at:] if at >= 0 else html + script
            self._send(200, "text/html; charset=utf-8", html)
            return
        super().do_GET()

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def watched_files(root: Path) -> dict[Path, float]:
    """Modification times of everything a build reads that editors change: the sources,
    mkdocs.yml and the pages written by hand in docs/ (never those a build writes, or each
    build would start the next)."""
    files = [root / CONFIG]
    folder = root / SOURCES_DIR
    if folder.is_dir():
        files += [p for p in folder.rglob("*") if p.suffix in (".md", ".yml", ".yaml")]
    files += _hand_written(root / DOCS_DIR)
    stamps = {}
    for path in files:
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:  # deleted between listing and stat
            continue
    return {p: float(t) for p, t in stamps.items()}


def _hand_written(docs_dir: Path) -> list[Path]:
    """Files in docs/ outside the generated folders that no build writes. The generated
    folders are skipped whole: a dossier of 10,000 sources has 12,500 pages there."""
    if not docs_dir.is_dir():
        return []
    skipped = {docs_dir / folder for folder in GENERATED_FOLDERS}
    generated = {docs_dir / page for page in INDEX_PAGES}
    found = []
    for folder, subfolders, names in os.walk(docs_dir):
        here = Path(folder)
        subfolders[:] = sorted(d for d in subfolders
                               if not d.startswith(".") and here / d not in skipped)
        found += [here / name for name in sorted(names)
                  if not name.startswith(".") and here / name not in generated]
    return found


def rebuild(root: Path, builds: Builds, pdf: bool) -> bool:
    """Build once and print what happened; whether it succeeded."""
    started = time.perf_counter()
    try:
        result = build(root, pdf=pdf)
    except OSError as error:
        # An editor's save in progress (a file renamed or deleted mid-read): try again next poll.
        print(f"Build interrupted: {error}; retrying when the files settle.", flush=True)
        return False
    finally:
        # A build freezes what it made, to spare the collector a pass that finds nothing. This
        # process lives on: let the collector reclaim, while waiting, any cycle left behind.
        gc.unfreeze()
    print("\n".join(result.lines), flush=True)
    if result.ok:
        builds.done()
        site_s = result.timings.get("mkdocs_s", 0.0) + result.timings.get("pdf_s", 0.0)
        print(f"Rebuilt in {time.perf_counter() - started:.1f} s (pages "
              f"{sum(result.timings.values()) - site_s:.1f} s, site {site_s:.1f} s).", flush=True)
    else:
        print("The last good site is still being served.", flush=True)
    return result.ok


def serve(root: Path, port: int = 8000, *, pdf: bool = False) -> int:
    """Build, serve on 127.0.0.1, rebuild on every change until interrupted.

    The chronology PDF more than doubles a build's time, so it is made only when asked for.
    """
    builds = Builds()
    stamps = watched_files(root)
    rebuild(root, builds, pdf)
    (root / SITE_DIR).mkdir(exist_ok=True)
    handler = partial(Handler, builds=builds, directory=str(root / SITE_DIR))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"Serving on http://127.0.0.1:{server.server_address[1]}/ "
          f"(watching {SOURCES_DIR}/, {CONFIG} and the pages written by hand in {DOCS_DIR}/; "
          "Ctrl-C stops)", flush=True)
    if not pdf:
        print("The chronology PDF is left out for speed; 'serve --pdf' or 'build' makes it.",
              flush=True)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = watched_files(root)
            if now != stamps:
                changed = sorted(p.relative_to(root).as_posix() for p in now.keys() | stamps.keys()
                                 if now.get(p) != stamps.get(p))
                stamps = now
                print(f"Changed: {', '.join(changed) or 'files'}; rebuilding.", flush=True)
                rebuild(root, builds, pdf)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()
    return 0
