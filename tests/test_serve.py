"""`build-dossier serve` in a subprocess: edits show up, a broken source keeps the last good
site served with its problems over the open page, fixing it brings the site back; abuse of the
local server gets plain answers, and stopping it (even with kill -9) leaves no MkDocs process
behind."""

from __future__ import annotations

import contextlib
import errno
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

import pytest
from dossiers import children, make_dossier, wait_until

from build_dossier import serve

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis.md"
PAGE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis/"


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(predicate, timeout: float = 60) -> None:
    wait_until(predicate, "the served site to change", timeout)


def repository(tmp_path: Path) -> Path:
    """The seed dossier with its site configuration and hand-written pages."""
    return make_dossier(tmp_path, "seeds")


@contextlib.contextmanager
def serving(root: Path, *args: str):
    """`serve` running on `root`: (its process, its base URL, its log file)."""
    log = root / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "build_dossier", "serve", "--root", str(root), *args],
            stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: "Serving on http://127.0.0.1:" in log.read_text(encoding="utf-8"))
        base = re.search(r"http://127\.0\.0\.1:\d+/", log.read_text(encoding="utf-8")).group()
        yield server, base, log
    finally:
        server.terminate()
        server.wait(timeout=30)
        assert "Traceback" not in log.read_text(encoding="utf-8"), log.read_text("utf-8")


def reload_state(base: str) -> dict:
    return json.loads(get(base + "__reload"))


@pytest.mark.slow
def test_serve_rebuilds_on_save_and_survives_a_broken_source(tmp_path):
    root = repository(tmp_path)
    with serving(root, "--port", "0") as (server, base, log):
        page = get(base + PAGE)
        assert "NATO Foreign Ministers discuss Ukraine crisis" in page
        # Served pages poll the server, and only the server, for new builds.
        assert "fetch('/__reload'" in page
        assert "__reload" not in (tmp_path / "site" / PAGE / "index.html").read_text("utf-8")
        first = reload_state(base)["build"]

        source = tmp_path / SOURCE
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace('title: "NATO Foreign Ministers discuss Ukraine crisis"',
                                       'title: "Ministers meet on Ukraine"'), encoding="utf-8")
        wait_for(lambda: reload_state(base)["build"] > first)
        assert "Ministers meet on Ukraine" in get(base + PAGE)

        # A page written by hand in docs/ is watched too; the pages a build writes are not,
        # or every build would start another.
        guide = tmp_path / "docs" / "editors.md"
        before = reload_state(base)["build"]
        guide.write_text(guide.read_text(encoding="utf-8").replace(
            "# Editors' guide", "# Guide for the desk"), encoding="utf-8")
        # The build is counted once its site is in place: wait for the count, not the page.
        wait_for(lambda: reload_state(base)["build"] > before)
        assert "Guide for the desk" in get(base + "editors/")
        settled = reload_state(base)["build"]

        source.write_text(text.replace("speaker: antony-blinken", "speaker: tony-blinkin"),
                          encoding="utf-8")
        wait_for(lambda: "unknown person 'tony-blinkin'" in log.read_text(encoding="utf-8"))
        assert server.poll() is None
        assert "Ministers meet on Ukraine" in get(base + PAGE)
        # The open pages are told what is wrong, as the terminal is.
        state = reload_state(base)
        assert state["build"] == settled
        assert any("unknown person 'tony-blinkin'" in line for line in state["problems"])

        source.write_text(text, encoding="utf-8")
        wait_for(lambda: reload_state(base)["build"] > settled)
        assert "NATO Foreign Ministers discuss Ukraine crisis" in get(base + PAGE)
        assert reload_state(base)["problems"] == []
        assert server.poll() is None
        # The pages a build writes are not watched, or every build would start another: the
        # watcher, which polled many times after each build, saw only what was saved here.
        changed = [line for line in log.read_text("utf-8").splitlines()
                   if line.startswith("Changed: ")]
        assert changed and set(changed) <= {
            f"Changed: {SOURCE}; rebuilding.", "Changed: docs/editors.md; rebuilding."}


@pytest.mark.slow
@pytest.mark.browser
def test_problems_show_over_the_open_page_and_go_when_fixed(tmp_path):
    from playwright.sync_api import sync_playwright

    root = repository(tmp_path)
    with serving(root, "--port", "0") as (_, base, _log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: route.abort())
        page.goto(base + PAGE)
        assert page.locator("#build-dossier-problems").count() == 0
        source = tmp_path / SOURCE
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("speaker: antony-blinken", "speaker: <b>tony</b>"),
                          encoding="utf-8")
        overlay = page.locator("#build-dossier-problems")
        overlay.wait_for(timeout=60_000)
        shown = overlay.inner_text()
        assert "The last build failed; this page is from the last good one." in shown
        assert "'<b>tony</b>' is not a valid id" in shown  # as text, never as markup
        assert overlay.locator("b").count() == 0
        # The last good page is still underneath.
        assert "NATO Foreign Ministers discuss Ukraine crisis" in page.inner_text("h1")
        source.write_text(text, encoding="utf-8")
        overlay.wait_for(state="detached", timeout=60_000)
        page.wait_for_load_state()
        assert page.locator("#build-dossier-problems").count() == 0
        browser.close()


def _raw(base: str, request: bytes) -> bytes:
    host, port = re.match(r"http://([\d.]+):(\d+)/", base).groups()
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(request)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


@pytest.mark.slow
def test_serve_answers_abuse_plainly_and_stays_up(tmp_path):
    root = repository(tmp_path)
    (root / "docs" / "notes").mkdir()
    (root / "docs" / "notes" / "draft.txt").write_text("not a page\n")
    with serving(root, "--port", "0") as (server, base, log):
        assert _raw(base, b"GET /%00 HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 400")
        assert _raw(base, b"HEAD /a%00b/ HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 400")
        assert _raw(base, b"GET /\x00 HTTP/1.0\r\n\r\n")[:12] in (b"HTTP/1.0 400",
                                                                  b"HTTP/1.0 404")
        assert status(base + "a" * 300) == 404
        assert status(base + "a/" * 3000) == 404
        # A folder without an index page is not listed.
        listing = _raw(base, b"GET /notes/ HTTP/1.0\r\n\r\n")
        assert listing.startswith(b"HTTP/1.0 404") and b"draft.txt" not in listing
        assert status(base + "assets/") == 404
        assert status(base + "notes/draft.txt") == 200
        # Many clients at once are all answered (the listen queue is long).
        answers: list[int] = []
        threads = [threading.Thread(target=lambda: answers.append(status(base)))
                   for _ in range(200)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert answers == [200] * 200
        # A client that sends nothing is hung up on, and others are served meanwhile.
        host, port = re.match(r"http://([\d.]+):(\d+)/", base).groups()
        with socket.create_connection((host, int(port)), timeout=30) as idle:
            assert status(base) == 200
            started = time.monotonic()
            assert idle.recv(100) == b""
            assert time.monotonic() - started < serve.CONNECTION_TIMEOUT + 5
        assert server.poll() is None
        assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_stopping_serve_mid_build_leaves_no_mkdocs_running(tmp_path, stop):
    root = repository(tmp_path)
    with serving(root, "--port", "0") as (server, _, log):
        source = root / SOURCE
        source.write_text(source.read_text(encoding="utf-8").replace(
            "Ukraine crisis", "Ukraine talks"), encoding="utf-8")
        mkdocs: list[int] = []

        def building() -> bool:
            mkdocs[:] = [pid for pid, cmd in children(server.pid).items() if "mkdocs" in cmd]
            return bool(mkdocs)
        wait_for(building, timeout=60)
        server.send_signal(stop)  # to serve alone, not its process group as a terminal would
        server.wait(timeout=30)
        wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in mkdocs), timeout=10)
        assert "Stopped." in log.read_text(encoding="utf-8")
    # The next build goes on.
    result = subprocess.run([sys.executable, "-m", "build_dossier", "build", "--no-pdf",
                             "--root", str(root)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ukraine talks" in (root / "site" / PAGE / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_serve_killed_outright_takes_its_mkdocs_with_it(tmp_path):
    root = repository(tmp_path)
    with serving(root, "--port", "0") as (server, _, _):
        kept = [pid for pid, cmd in children(server.pid).items() if "mkdocs_service" in cmd]
        assert kept, "serve keeps one MkDocs process for its builds"
        server.kill()
        server.wait(timeout=30)
        wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in kept), timeout=10)


@pytest.mark.slow
def test_a_busy_port_moves_to_the_next_free_one_said_aloud(tmp_path):
    root = repository(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with serving(root, "--port", str(port)) as (_, base, log):
            said = re.search(rf"Port {port} is in use; serving on port (\d+) instead\.",
                             log.read_text(encoding="utf-8"))
            assert said and base == f"http://127.0.0.1:{said.group(1)}/"
            assert status(base) == 200


@pytest.mark.slow
def test_serving_keeps_the_last_chronology_pdf_and_says_so(tmp_path):
    root = repository(tmp_path)
    (root / "site").mkdir()
    (root / "site" / "chronology.pdf").write_bytes(b"%PDF-1.7 the last one made\n")
    with serving(root, "--port", "0") as (_, base, log):
        assert ("site/chronology.pdf is kept from an earlier build and may not show the latest "
                "changes; 'build' remakes it.") in log.read_text(encoding="utf-8")
        with urllib.request.urlopen(base + "chronology.pdf", timeout=10) as response:
            assert response.read() == b"%PDF-1.7 the last one made\n"


@pytest.mark.parametrize("port", ["-1", "65536", "99999999999"])
def test_an_invalid_port_gets_one_line(tmp_path, port):
    result = subprocess.run([sys.executable, "-m", "build_dossier", "serve", "--root",
                             str(tmp_path), "--port", port], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"--port {port}: a port is a number from 1 to 65535 (0 picks a "
                             "free one)\n")
    assert not (tmp_path / "site").exists()


def test_when_every_port_tried_is_busy_serve_says_so(monkeypatch):
    monkeypatch.setattr(serve, "PORTS_TRIED", 2)
    handler = partial(serve.Handler, builds=serve.Builds(), directory=".")
    with contextlib.ExitStack() as stack:
        first = None
        for _ in range(50):  # three ports in a row, all taken
            sockets = [stack.enter_context(socket.socket()) for _ in range(3)]
            sockets[0].bind(("127.0.0.1", 0))
            first = sockets[0].getsockname()[1]
            try:
                for offset, sock in enumerate(sockets[1:], start=1):
                    sock.bind(("127.0.0.1", first + offset))
            except OSError as error:
                assert error.errno == errno.EADDRINUSE
                continue
            for sock in sockets:
                sock.listen()
            break
        said = serve.bind(first, handler)
    assert said == (f"--port {first}: ports {first} to {first + 2} are all in use; give a free "
                    "one with --port (0 picks any)")


@pytest.mark.slow
def test_serve_waits_for_another_build_and_then_builds(tmp_path):
    # `make site` in another terminal holds the repository: serve's rebuild waits for it
    # instead of deleting its staging, then builds the change it saw.
    root = repository(tmp_path)
    with serving(root, "--port", "0") as (_, base, log):
        first = reload_state(base)["build"]
        holder = subprocess.Popen(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "from build_dossier.lock import one_build_at_a_time\n"
             "with one_build_at_a_time(Path(sys.argv[1])):\n"
             "    print('held', flush=True); sys.stdin.readline()", str(root), "build"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline() == "held\n"
            source = root / SOURCE
            source.write_text(source.read_text(encoding="utf-8").replace(
                "Ukraine crisis", "Ukraine talks"), encoding="utf-8")
            wait_for(lambda: "Waiting for it: this build runs as soon as it is done."
                     in log.read_text(encoding="utf-8"))
            assert re.search(rf"another build \(pid {holder.pid}, started [^)]*\) is running",
                             log.read_text(encoding="utf-8"))
            time.sleep(1)
            assert log.read_text(encoding="utf-8").count("Waiting for it") == 1
            assert reload_state(base)["build"] == first
        finally:
            holder.communicate("done\n", timeout=30)
        wait_for(lambda: reload_state(base)["build"] > first)
        assert "Ukraine talks" in get(base + PAGE)


@contextlib.contextmanager
def local_server(site: Path, builds: serve.Builds):
    """serve's HTTP server alone, on a free port, over `site`."""
    server = serve.bind(0, partial(serve.Handler, builds=builds, directory=str(site)))
    assert not isinstance(server, str), server
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _page(words: str) -> str:
    return f"<html><body><h1>{words}</h1></body></html>"


def test_pages_a_build_wrote_first_are_served_until_it_ends_or_fails(tmp_path, capsys):
    site, staged = tmp_path / "site", tmp_path / "stage"
    for folder, words in ((site, "as built before"), (staged, "just saved")):
        (folder / "sources" / "a").mkdir(parents=True)
        (folder / "sources" / "a" / "index.html").write_text(_page(words))
    (staged / "sources" / "new").mkdir()
    (staged / "sources" / "new" / "index.html").write_text(_page("a source added"))
    builds = serve.Builds()
    with local_server(site, builds) as base:
        assert "as built before" in get(base + "sources/a/")
        assert status(base + "sources/new/") == 404
        builds.show_first(staged, ["sources/a/index.html", "sources/new/index.html"])
        assert "Shown after" in capsys.readouterr().out
        shown = get(base + "sources/a/")
        assert "just saved" in shown and "as built before" not in shown
        assert "a source added" in get(base + "sources/new/")
        state = reload_state(base)
        assert "/sources/a/" in state["paths"] and state["build"] == 0
        # The page served early knows it is, and reloads when the build ends either way.
        assert f"var b=0,f={state['first']}," in shown
        builds.failed(["sources/a.md:3: title: missing"])
        back = get(base + "sources/a/")
        assert "as built before" in back and "var b=0,f=-1," in back
        assert status(base + "sources/new/") == 404
        after = reload_state(base)
        assert after["paths"] == [] and after["first"] != state["first"]
        builds.show_first(staged, ["sources/a/index.html"])
        (site / "sources" / "a" / "index.html").write_text(_page("built"))
        (staged / "sources" / "a" / "index.html").unlink()  # moved into site/ at the end
        assert "built" in get(base + "sources/a/")
        builds.done()
        assert reload_state(base)["build"] == 1 and reload_state(base)["paths"] == []
