"""`build-dossier serve`: build, serve `site/` on 127.0.0.1, and rebuild when `sources/` changes.

Served HTML pages get a small script that asks `/__reload` for the build number and reloads the
page when it goes up; the files in `site/` are left as MkDocs wrote them. A build that fails
prints its problems, and the open page shows them over the last good site, still served, until
a build succeeds. Only 127.0.0.1 is served, and only files: no folder listings.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .addresses import GENERATED_FOLDERS, INDEX_PAGES
from .build import DOCS_DIR, build
from .load import SOURCES_DIR, Memo
from .model import visible
from .render_memo import RenderMemo
from .site import CONFIG, SITE_DIR
from .site_cache import Service
from .write import stop_on_sigterm

POLL_SECONDS = 0.1
"""How often the files are looked at, at least: a tenth of a second of the editor's wait."""
POLL_SHARE = 0.25
"""Looking takes at most this share of a core: 10,000 sources take about 50 ms to look at."""
RELOAD_PATH = "/__reload"
MAX_PATH = 1024
"""Longest request path served; file names are at most 255 bytes on common file systems."""
PORTS_TRIED = 20
"""How many ports after a busy one are tried before giving up."""
CONNECTION_TIMEOUT = 5
"""Seconds a connection may stay silent before it is closed."""
# The overlay is built with textContent: problem lines quote sources, never to be read as HTML.
_SCRIPT = (
    "<script>(function(){var b=%d,f=%d,o=null;"
    "function show(lines){if(!o){o=document.createElement('div');o.id='build-dossier-problems';"
    "o.setAttribute('role','alert');o.style.cssText='position:fixed;left:0;right:0;bottom:0;"
    "max-height:50vh;overflow:auto;z-index:10000;margin:0;padding:1em;background:#fff3f3;"
    "color:#000;border-top:3px solid #c00;font:14px/1.4 monospace;white-space:pre-wrap';"
    "document.body.appendChild(o)}"
    "o.textContent='The last build failed; this page is from the last good one.\\n\\n'"
    "+lines.join('\\n')}"
    "function hide(){if(o){o.remove();o=null}}"
    "function p(){fetch('" + RELOAD_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.json()}).then(function(d){if(d.build!==b||(d.first!==f&&"
    "(f>=0||d.paths.indexOf(location.pathname)>=0))){location.reload();"
    "return}if(d.problems.length){show(d.problems)}else{hide()}setTimeout(p,200)})"
    ".catch(function(){setTimeout(p,1500)})}setTimeout(p,0)})();"
    "</script>"
)


class Builds:
    """The number of the last good build and the problems of a failed one since, shared
    between the watcher and the server; and, while a build is under way, the pages it has
    already written whole, served before it ends (see `show_first`)."""

    def __init__(self) -> None:
        self.number = 0
        self.problems: list[str] = []
        self.lock = threading.Lock()
        self.first = 0
        """Counts the changes to `shown`: a page served from it reloads at the next."""
        self.shown: dict[str, Path] = {}
        """Files of the site, by their name in it, that the build under way wrote already."""
        self.began = time.perf_counter()

    def begin(self) -> None:
        """A build starts (its time is counted from here)."""
        self.began = time.perf_counter()

    def show_first(self, site_dir: Path, files: list[str]) -> None:
        """The build under way wrote these pages whole in `site_dir` (the edited source's,
        its speakers' and events'...) and goes on with the long lists: serve them now, as
        they will be once it ends, and say so. If it fails, the last good ones come back."""
        with self.lock:
            self.first += 1
            self.shown = {name: site_dir / name for name in files}
        # The sources' pages first: the one just saved is among them.
        named = sorted(files, key=lambda name: (not name.startswith("sources/"), name))
        pages = ", ".join(visible(_page_path(name)) for name in named[:3])
        more = f" and {len(files) - 3} more" if len(files) > 3 else ""
        print(f"Shown after {time.perf_counter() - self.began:.1f} s: {pages}{more}; the "
              "long lists follow.", flush=True)

    def shown_file(self, name: str) -> tuple[Path, int] | None:
        """Where the build under way wrote the site's file `name`, if it did already, and the
        count its page is served under."""
        with self.lock:
            found = self.shown.get(name)
            return (found, self.first) if found is not None else None

    def _forget_shown(self) -> None:
        if self.shown:
            self.shown = {}
            self.first += 1

    def interrupted(self) -> None:
        """A build ended with neither a site nor problems: its pages shown first are gone."""
        with self.lock:
            self._forget_shown()

    def done(self) -> None:
        """Count one more good build."""
        with self.lock:
            self.number += 1
            self.problems = []
            self._forget_shown()

    def failed(self, lines: list[str]) -> None:
        """A build failed: what it said, for the open pages to show (the pages it had shown
        are the last good ones again)."""
        with self.lock:
            self.problems = [visible(line) for line in lines]
            self._forget_shown()

    def current(self) -> int:
        """The last good build's number."""
        with self.lock:
            return self.number

    def state(self) -> dict[str, object]:
        """The build number, the problems and the pages shown first, as `/__reload`
        answers."""
        with self.lock:
            paths = sorted({form for name in self.shown
                            for form in ("/" + name, "/" + _page_path(name))})
            return {"build": self.number, "problems": list(self.problems),
                    "first": self.first, "paths": paths}


def _page_path(name: str) -> str:
    """The address a site file is shown at: `sources/x/` for `sources/x/index.html`."""
    folder, slash, last = name.rpartition("/")
    return folder + slash if last == "index.html" else name


def _file_name(path: str) -> str:
    """The site file an address asks for: `sources/x/index.html` for `/sources/x/`."""
    name = unquote(path).lstrip("/")
    return name + "index.html" if not name or name.endswith("/") else name


class Handler(SimpleHTTPRequestHandler):
    """Serves `site/` with no caching, and the live-reload script in HTML pages."""

    builds: Builds
    timeout = CONNECTION_TIMEOUT

    def __init__(self, *args: object, builds: Builds, directory: str) -> None:
        self.builds = builds
        super().__init__(*args, directory=directory)  # type: ignore[arg-type]

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the terminal for build reports."""

    def _refused(self) -> bool:
        """Answer a request for a path no file can have; whether it was one."""
        path = unquote(urlsplit(self.path).path)
        if "\x00" in path:
            self.send_error(400, "A path cannot hold a NUL byte")
            return True
        if len(path) > MAX_PATH or any(len(part.encode()) > 255 for part in path.split("/")):
            self.send_error(404, "No such page")
            return True
        return False

    def do_HEAD(self) -> None:
        """Headers of a file, as for GET."""
        if not self._refused():
            super().do_HEAD()

    def do_GET(self) -> None:
        """The build state, an HTML page with the reload script, or a file as it is."""
        if self._refused():
            return
        path = urlsplit(self.path).path
        if path == RELOAD_PATH:
            self._send(200, "application/json", json.dumps(self.builds.state()).encode())
            return
        first = self.builds.shown_file(_file_name(path))
        if first is not None:
            try:
                self._send_page(first[0].read_bytes(), first[1])
                return
            except OSError:  # moved into site/ by now, or the build failed: site/ has it
                pass
        target = Path(self.translate_path(self.path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            try:
                html = target.read_bytes()
            except OSError:  # swapped out by a build between the two calls
                self.send_error(503, "The site is being rebuilt; reload in a moment")
                return
            self._send_page(html, -1)
            return
        super().do_GET()

    def _send_page(self, html: bytes, first: int) -> None:
        """An HTML page with the reload script; `first`: the count of the pages shown first
        it is one of, or -1."""
        script = (_SCRIPT % (self.builds.current(), first)).encode()
        at = html.rfind(b"</body>")
        html = html[:at] + script + html[at:] if at >= 0 else html + script
        self._send(200, "text/html; charset=utf-8", html)

    def send_head(self):  # type: ignore[no-untyped-def]
        """As the standard handler, but a file that cannot be opened is not found."""
        try:
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(404, "No such page")
            return None

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """Folders are never listed: a folder without an index page is not found."""
        self.send_error(404, "No such page")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    """The local server: a long listen queue (many tabs, or a link checker, at once), and
    clients that hang up are no error."""

    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away or fell silent is not news; anything else is a bug."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


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


def rebuild(root: Path, builds: Builds, pdf: bool, waiting: bool = False,
            memo: Memo | None = None, rendered: RenderMemo | None = None,
            service: Service | None = None) -> bool | None:
    """Build once and print what happened; whether it succeeded (None: another build held the
    repository, so try again; `waiting`: that was said already). `memo` keeps the sources
    read and `rendered` the pages rendered, so that the next build reads only the files saved
    since and renders only the pages they change; `service` is the MkDocs process kept for
    every build."""
    started = time.perf_counter()
    builds.begin()
    try:
        result = build(root, pdf=pdf, keep_pdf=not pdf, memo=memo, rendered=rendered,
                       service=service)
    except OSError as error:
        # An editor's save in progress (a file renamed or deleted mid-read): try again next poll.
        builds.interrupted()
        print(f"Build interrupted: {visible(str(error))}; retrying when the files settle.",
              flush=True)
        return False
    if result.busy:
        builds.interrupted()
        if not waiting:
            print("\n".join(result.lines), flush=True)
            print("Waiting for it: this build runs as soon as it is done.", flush=True)
        return None
    print("\n".join(result.lines), flush=True)
    if result.ok:
        builds.done()
        site_s = result.timings.get("mkdocs_s", 0.0) + result.timings.get("pdf_s", 0.0)
        pages_s = sum(v for k, v in result.timings.items() if k.endswith("_s")) - site_s
        quick = service.rebuilt if service is not None else None
        print(f"Rebuilt in {time.perf_counter() - started:.1f} s (pages {pages_s:.1f} s, "
              f"site {site_s:.1f} s{_rebuilt(quick)}).", flush=True)
    else:
        builds.failed(result.lines)
        print("The last good site is still being served.", flush=True)
    return result.ok


def _rebuilt(quick: tuple[int, int] | None) -> str:
    """What the site's part of a rebuild took through MkDocs, when it was not all of it."""
    if quick is None:
        return ""
    built, total = quick
    return f": {built:,} of {total:,} pages built again"


def bind(port: int, handler: partial[Handler]) -> Server | str:
    """A server on 127.0.0.1 at `port`, or the next free one after it; or why there is none."""
    if not 0 <= port <= 65535:
        return f"--port {port}: a port is a number from 1 to 65535 (0 picks a free one)"
    last = port if port == 0 else min(port + PORTS_TRIED, 65535)
    for candidate in range(port, last + 1):
        try:
            server = Server(("127.0.0.1", candidate), handler)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                continue
            return f"--port {port}: cannot listen on 127.0.0.1:{candidate}: {error.strerror}"
        if candidate != port:
            print(f"Port {port} is in use; serving on port {candidate} instead.", flush=True)
        return server
    return (f"--port {port}: ports {port} to {last} are all in use; give a free one with "
            "--port (0 picks any)")


def serve(root: Path, port: int = 8000, *, pdf: bool = False) -> int:
    """Build, serve on 127.0.0.1, rebuild on every change until interrupted.

    The chronology PDF more than doubles a build's time, so it is made only when asked for;
    otherwise the last one made stays in site/.
    """
    builds = Builds()
    memo, rendered, service = Memo(), RenderMemo(), Service()
    service.on_first = builds.show_first
    handler = partial(Handler, builds=builds, directory=str(root / SITE_DIR))
    server = bind(port, handler)
    if isinstance(server, str):
        print(server, file=sys.stderr)
        return 2
    stop_on_sigterm()  # a build under way ends as on Ctrl-C: its MkDocs is stopped too
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        stamps = watched_files(root)
        pending = rebuild(root, builds, pdf, memo=memo, rendered=rendered,
                          service=service) is None
        (root / SITE_DIR).mkdir(exist_ok=True)
        thread.start()
        print(f"Serving on http://127.0.0.1:{server.server_address[1]}/ "
              f"(watching {SOURCES_DIR}/, {CONFIG} and the pages written by hand in "
              f"{DOCS_DIR}/; Ctrl-C stops)", flush=True)
        looked = 0.0
        while True:
            time.sleep(max(POLL_SECONDS, looked / POLL_SHARE))
            started = time.perf_counter()
            now = watched_files(root)
            looked = time.perf_counter() - started
            if now != stamps or pending:
                changed = sorted(visible(p.relative_to(root).as_posix())
                                 for p in now.keys() | stamps.keys()
                                 if now.get(p) != stamps.get(p))
                stamps = now
                if changed:
                    print(f"Changed: {', '.join(changed)}; rebuilding.", flush=True)
                pending = rebuild(root, builds, pdf, waiting=pending, memo=memo,
                                  rendered=rendered, service=service) is None
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
    finally:
        service.close()
        if thread.is_alive():
            server.shutdown()
        server.server_close()
    return 0
