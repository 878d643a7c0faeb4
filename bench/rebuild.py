"""The benchmark's incremental figures: time from an editor's save to `serve` serving the page
that shows it (one source edited, one added), and whether the site that `serve` left equals a
clean build of the same sources, byte for byte."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from build_dossier.write import hand_written

from .generate import World, write_extra_source

POLL_S = 0.02
PATIENCE_S = 600.0
EDIT_MARK = "Bench edit"
NOT_COMPARED = ("chronology.pdf",)
"""`serve` leaves the PDF out; a clean build is compared without it."""


class Server:
    """`build-dossier serve` on a free port, in a child process of its own."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "build_dossier", "serve", "--root", str(root), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "CI": "true"})
        self.lines: list[str] = []
        self.started = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        self.started.wait(PATIENCE_S)
        found = [m for line in self.lines if (m := re.search(r"Serving on (http://\S+/)", line))]
        if not found:
            raise SystemExit("serve did not start:\n" + "\n".join(self.lines[-20:]))
        self.url = found[0].group(1)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("Serving on"):
                self.started.set()
        self.started.set()

    def rebuilds(self) -> int:
        """How many builds serve has reported done so far."""
        return sum(line.startswith("Rebuilt in") for line in self.lines)

    def wait_for(self, path: str, text: str) -> float:
        """Seconds until the page at `path` is served and contains `text`."""
        started = time.perf_counter()
        while time.perf_counter() - started < PATIENCE_S:
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as response:
                    if text in response.read().decode("utf-8", "replace"):
                        return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(POLL_S)
        raise SystemExit(f"serve never showed {text!r} at {path}")

    def peak_rss_mb(self) -> float | None:
        """The server's own peak memory (MkDocs runs in a child of its own)."""
        return _peak_rss_mb(self.process.pid)

    def mkdocs_peak_rss_mb(self) -> float | None:
        """The peak memory of the MkDocs process serve keeps for its builds."""
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
                command = (proc / "cmdline").read_bytes()
            except (OSError, IndexError, ValueError):
                continue
            if parent == self.process.pid and b"mkdocs_service" in command:
                return _peak_rss_mb(int(proc.name))
        return None

    def stop(self, rebuilds: int) -> list[str]:
        """Stop the server as Ctrl-C would, once it has reported `rebuilds` builds; everything
        it printed."""
        started = time.perf_counter()
        while self.rebuilds() < rebuilds and time.perf_counter() - started < PATIENCE_S:
            time.sleep(POLL_S)
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.lines


def _peak_rss_mb(pid: int) -> float | None:
    """A process's peak resident memory, from Linux's /proc; None elsewhere or once it ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return round(int(found.group(1)) / 1024, 1) if found else None


def _title_edit(source: Path) -> str:
    """Prefix the source's title, as an editor's save would change it; the new text."""
    text = source.read_text(encoding="utf-8")
    edited = re.sub(r'^title: "', f'title: "{EDIT_MARK} ', text, count=1, flags=re.MULTILINE)
    assert edited != text, f"{source} has no quoted title"
    source.write_text(edited, encoding="utf-8")
    return EDIT_MARK


def serve_rebuilds(root: Path, world: World) -> dict[str, Any]:
    """Edit one source, then add one, while `serve` runs; the seconds each took to show."""
    server = Server(root)
    try:
        sources = sorted((root / "sources").glob("2*.md"))
        edited = sources[len(sources) // 2]
        mark = _title_edit(edited)
        edit_s = server.wait_for(f"sources/{edited.stem}/", mark)
        added = Path(write_extra_source(root, world))
        title = re.search(r'^title: "(.*)"$', (root / added).read_text(encoding="utf-8"),
                          re.MULTILINE)
        assert title is not None
        add_s = server.wait_for(f"sources/{added.stem}/", title.group(1)[:40])
        peak, mkdocs_peak = server.peak_rss_mb(), server.mkdocs_peak_rss_mb()
    finally:
        said = server.stop(rebuilds=3)
    written = [re.search(r"(\d+) pages written, (\d+) removed", line) for line in said]
    counts = [int(m.group(1)) + int(m.group(2)) for m in written if m]
    rebuilt = [m.groups() for line in said if (m := re.search(
        r"Rebuilt in ([\d.]+) s \(pages ([\d.]+) s, site ([\d.]+) s[):]", line))]
    # When serve showed the short pages a rebuild changed, before the long lists were done.
    shown = [float(m.group(1)) for line in said
             if (m := re.match(r"Shown after ([\d.]+) s", line))]
    again = [[int(n.replace(",", "")) for n in m.groups()] for line in said if (m := re.search(
        r"([\d,]+) of ([\d,]+) pages built again", line))]
    return {"edit_one_source_s": round(edit_s, 3), "add_one_source_s": round(add_s, 3),
            # What serve said of its rebuilds after its first: total, pages, site (seconds).
            "serve_rebuilds_s": [[float(x) for x in r] for r in rebuilt[1:]],
            "serve_shown_first_s": shown,
            # And of those that took only the changed pages through MkDocs: built, of all.
            "serve_pages_built_again": again,
            "serve_peak_rss_mb": peak, "serve_mkdocs_peak_rss_mb": mkdocs_peak,
            "files_written_after_one_added": counts[-1] if counts else None}


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name not in NOT_COMPARED}


def copy_inputs(root: Path, where: Path) -> None:
    """What a build reads from `root` (sources, config, hand-written pages) into a new `where`."""
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(root / "sources", where / "sources")
    shutil.copy(root / "mkdocs.yml", where / "mkdocs.yml")
    for uri in hand_written(root / "docs"):
        (where / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / "docs" / uri, where / "docs" / uri)


def compare_with_clean(root: Path, clean: Path) -> dict[str, Any]:
    """Build `root`'s sources from scratch in `clean` and compare the two sites."""
    copy_inputs(root, clean)
    done = subprocess.run([sys.executable, "-m", "build_dossier", "build", "--no-pdf",
                           "--root", str(clean)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the clean build failed:\n{done.stdout}{done.stderr}")
    ours, theirs = _site_files(root / "site"), _site_files(clean / "site")
    differ = sorted(uri for uri in ours.keys() | theirs.keys() if ours.get(uri) != theirs.get(uri))
    shutil.rmtree(clean, ignore_errors=True)
    return {"incremental_equals_clean": not differ, "incremental_differences": differ[:10]}
