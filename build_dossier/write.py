"""Stage 4: put rendered pages into `docs/`, the only step that touches it.

Only files whose bytes changed are written; only files this tool generated are removed; a file
written by hand at a generated page's address is a conflict, never overwritten. A generation is
applied through a journal: the new files are staged (as they are rendered), the journal names
them, then renames move them into place. A build killed before the journal is written leaves the
old generation; one killed after it is completed by the next run (`recover`), so `docs/` never
keeps a mix. Ctrl-C and SIGTERM wait for the renames, and pages a journal names are never
dropped.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import orjson

from .model import Problem, visible

MANIFEST = ".build-dossier-manifest.json"
"""Generated files and their digests, so hand-written files are never touched."""
JOURNAL = ".build-dossier-journal.json"
STAGING = ".build-dossier-staging"


def file_state(path: str | Path) -> tuple[int, ...]:
    """What changes whenever a file is written, replaced or touched (the change time cannot be
    set back); empty when the file cannot be looked at."""
    try:
        found = os.lstat(path)
    except OSError:
        return ()
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino, found.st_dev)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Plan:
    """What writing a generation into `docs/` would do."""

    docs_dir: Path
    manifest: dict[str, str]
    """The new manifest: path under docs/ -> digest."""
    write: list[str] = field(default_factory=list)
    """Pages that changed: staged, to be moved into docs/."""
    remove: list[str] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[Problem] = field(default_factory=list)
    hand_written: list[str] | None = None
    """The files editors wrote in docs/ (see `hand_written`), as `Stager.finish` found them
    when it looked for links there: one walk of docs/ for both (each took a quarter of a
    second of every edit at 10,000 sources)."""

    def files(self) -> dict[str, str]:
        """Where each file of the generation is now: staged if it changed, else in docs/."""
        writing = set(self.write)
        docs = str(self.docs_dir)
        staging = os.path.join(docs, STAGING)
        return {uri: os.path.join(staging if uri in writing else docs, uri)
                for uri in self.manifest}


def _check_path(uri: str) -> None:
    path = PurePosixPath(uri)
    if path.is_absolute() or ".." in path.parts or not path.parts or path.parts[0].startswith("."):
        raise ValueError(f"refusing to write outside docs/: {uri!r}")


def read_manifest(docs_dir: Path) -> dict[str, str]:
    """The generated files recorded by the last build; empty when there was none."""
    path = docs_dir / MANIFEST
    if not path.is_file():
        return {}
    data = orjson.loads(path.read_bytes())
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in files.items()}


Decision = tuple[str, str, str, "Problem | None"]
"""What staging decided for one page: path, digest, 'write' | 'unchanged' | 'conflict', and
the problem of a conflict."""


class Stager:
    """Plans a generation page by page as pages are made, and stages each page that changed.

    Staged files sit in a hidden folder of `docs/` that no reader sees; `apply` moves them into
    place, `discard` drops them. `stage` can run on the worker processes that render the
    pages (the pages then never travel between processes); `record` adds what it decided to
    the plan.
    """

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.plan = Plan(docs_dir, {})
        self.made_docs = not docs_dir.exists()
        self.staging = docs_dir / STAGING
        # Through a linked docs/ the staged files would land wherever it points: the pages are
        # reported as conflicts (below) and nothing is staged.
        self.can_stage = not docs_dir.is_symlink()
        self._folders = Folders()
        self._linked: dict[str, str | None] = {}
        self.written: dict[str, tuple[int, ...]] = {}
        """The state of files as the last build left them (`serve` keeps it, see `settle`): a
        file still in it holds the bytes the manifest names, and is not read back to tell
        (dossier.json is 100 MB at 10,000 sources)."""
        if self.can_stage:
            # A generation a killed build committed to is finished first, never dropped.
            recover(docs_dir)
        self.old = read_manifest(docs_dir)

    def stage(self, pages: list[tuple[str, bytes]]) -> list[Decision]:
        """Compare pages with `docs/` and stage those to be written; what was decided."""
        return [self._decide(uri, data) for uri, data in pages]

    def confirm(self, uri: str, page_digest: str, known: tuple[int, ...] = ()
                ) -> tuple[Decision | None, tuple[int, ...]]:
        """'unchanged' for a page known by its digest alone, when `docs/` holds exactly those
        bytes as the last build wrote them (None when only rendering it can tell), and the
        file's state then. A file still in the state `known` (its size, times and inode, as
        found when its bytes were last confirmed) is not read again: reading back every page
        was a second and a half of CPU in every rebuild at 10,000 sources."""
        if self.old.get(uri) != page_digest:
            return None, ()
        if self._linked_folder(uri.rpartition("/")[0]) is not None:
            return None, ()
        path = os.path.join(self.docs_dir, uri)
        state = file_state(path)
        if state and state == known:
            return (uri, page_digest, "unchanged", None), state
        try:
            with open(path, "rb") as handle:
                current = handle.read()
        except OSError:
            return None, ()
        if digest(current) != page_digest:
            return None, ()
        return (uri, page_digest, "unchanged", None), state

    def _linked_folder(self, folder: str) -> str | None:
        """The folder on the way to `folder` under `docs/` (docs/ itself included, as '')
        that is a symbolic link, if any. Each folder is asked of the disk once: there is one
        for each statement, 4,500 at 10,000 sources."""
        if folder in self._linked:
            return self._linked[folder]
        if not folder:
            found = "" if os.path.islink(self.docs_dir) else None
        else:
            found = self._linked_folder(folder.rpartition("/")[0])
            if found is None and os.path.islink(os.path.join(self.docs_dir, folder)):
                found = folder
        self._linked[folder] = found
        return found

    def _decide(self, uri: str, data: bytes) -> Decision:
        _check_path(uri)
        old, docs_name, page_digest = self.old, self.docs_dir.name, digest(data)
        path = os.path.join(self.docs_dir, uri)
        linked = self._linked_folder(uri.rpartition("/")[0])
        if linked is not None:
            # Writing through a link would put files wherever it points, maybe outside the repo.
            return uri, page_digest, "conflict", Problem(
                f"{docs_name}/{linked}".rstrip("/"), 0, "error", "",
                "is a symbolic link; build-dossier writes only into real folders")
        known = self.written.get(uri)
        if known and uri in old and file_state(path) == known:
            if page_digest != old[uri]:
                self._stage(uri, data)
                return uri, page_digest, "write", None
            return uri, page_digest, "unchanged", None
        if not os.path.lexists(path):
            self._stage(uri, data)
            return uri, page_digest, "write", None
        current = None
        if os.path.isfile(path):
            try:
                with open(path, "rb") as handle:
                    current = handle.read()
            except OSError as error:
                return uri, page_digest, "conflict", _unreadable(f"{docs_name}/{uri}", error)
        if uri not in old:
            return uri, page_digest, "conflict", Problem(
                f"{docs_name}/{uri}", 0, "error", "",
                "a hand-written file is at the address of a generated page; rename or move it "
                "(build-dossier never overwrites it)")
        if current is None or digest(current) != old[uri]:
            return uri, page_digest, "conflict", Problem(
                f"{docs_name}/{uri}", 0, "error", "",
                "this generated page was edited by hand since the last build; move the changes "
                "into sources/ (or delete the file) and build again")
        if current != data:
            self._stage(uri, data)
            return uri, page_digest, "write", None
        return uri, page_digest, "unchanged", None

    def _stage(self, uri: str, data: bytes) -> None:
        target = os.path.join(self.staging, uri)
        # Plain os calls and one mkdir per folder: a first build at 10,000 sources writes
        # 12,500 files, and pathlib's per-call overhead was a third of the time.
        self._folders.make(os.path.dirname(target))
        with open(target, "wb") as handle:
            try:
                handle.write(data)
            except OSError as error:  # a full disk says so here, without the file's name
                error.filename = target
                raise

    def record(self, decisions: list[Decision]) -> None:
        """Add what `stage` decided to the plan."""
        plan = self.plan
        for uri, page_digest, verdict, problem in decisions:
            if uri in plan.manifest:
                raise ValueError(f"two pages at one address: {uri!r}")
            plan.manifest[uri] = page_digest
            if verdict == "write":
                plan.write.append(uri)
            elif verdict == "unchanged":
                plan.unchanged += 1
            elif problem is not None and problem not in plan.conflicts:
                plan.conflicts.append(problem)

    def add(self, uri: str, data: bytes) -> None:
        """Stage and record one page."""
        self.record(self.stage([(uri, data)]))

    def finish(self) -> Plan:
        """The plan: what to write (staged), what to remove, what is in the way."""
        plan, docs_name = self.plan, self.docs_dir.name
        plan.write.sort()
        listing = _listing(self.docs_dir)
        plan.conflicts.extend(p for p in _link_problems(self.docs_dir, listing)
                              if p.path.partition("/")[2] not in plan.manifest)
        plan.hand_written = sorted(uri for uri, link in listing
                                   if not link and uri not in self.old)
        plan.conflicts.sort()
        plan.manifest = dict(sorted(plan.manifest.items()))
        for uri in sorted(set(self.old) - set(plan.manifest)):
            path = self.docs_dir / uri
            if not path.is_file():
                continue
            try:
                data = path.read_bytes()
            except OSError as error:
                plan.conflicts.append(_unreadable(f"{docs_name}/{uri}", error))
                continue
            if digest(data) != self.old[uri]:
                plan.conflicts.append(Problem(
                    f"{docs_name}/{uri}", 0, "error", "",
                    "this page no longer has a source, but was edited by hand; delete or move it"))
            else:
                plan.remove.append(uri)
        return plan

    def discard(self) -> None:
        """Drop what was staged, unless `apply` committed to it: then the journal names the
        staged pages and the next `recover` moves them in (dropping them would leave old bytes
        under new digests, which every later build would take for a hand edit)."""
        if not self.can_stage or (self.docs_dir / JOURNAL).is_file():
            return
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.made_docs and self.docs_dir.is_dir() and not any(self.docs_dir.iterdir()):
            self.docs_dir.rmdir()


def _unreadable(rel: str, error: OSError) -> Problem:
    return Problem(rel, 0, "error", "", f"cannot read this generated page ({error.strerror}); "
                   "make it readable, or delete it, and build again")


def plan_write(docs_dir: Path, pages: Mapping[str, bytes]) -> Plan:
    """Compare a generation with `docs/` and stage what changed (see `Stager`)."""
    stager = Stager(docs_dir)
    for uri, data in pages.items():
        stager.add(uri, data)
    return stager.finish()


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        try:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as error:
            error.filename = str(tmp)
            handle.close()
            tmp.unlink(missing_ok=True)  # a half-written journal or manifest is no use
            raise
    os.replace(tmp, path)


def apply(plan: Plan) -> None:
    """Commit the plan's staged generation; the caller has checked it has no conflicts."""
    if plan.conflicts:
        raise ValueError("a plan with conflicts cannot be applied")
    docs_dir = plan.docs_dir
    docs_dir.mkdir(parents=True, exist_ok=True)
    journal = {"write": plan.write, "remove": plan.remove, "manifest": plan.manifest}
    # Ctrl-C between the journal and the last rename would leave a mix until the next build:
    # the renames take milliseconds, so the interrupt waits for them.
    with interrupts_deferred():
        # orjson: json's indented dump of 33,000 paths was a tenth of a second of each rebuild.
        _atomic_write(docs_dir / JOURNAL, orjson.dumps(journal, option=orjson.OPT_INDENT_2))
        _roll_forward(docs_dir)


def settle(plan: Plan, written: dict[str, tuple[int, ...]]) -> None:
    """Note in `written` (see `Stager.written`) the state of each file the applied `plan`
    wrote."""
    for uri in plan.write:
        state = file_state(plan.docs_dir / uri)
        if state:
            written[uri] = state


def stop_on_sigterm() -> None:
    """Make `kill` (SIGTERM) stop this process as Ctrl-C does: the cleanup runs, a child MkDocs
    is stopped, and the moves into docs/ are waited for (see `interrupts_deferred`)."""
    owner = os.getpid()

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() != owner:
            # A forked worker, which its pool stops with SIGTERM: it ends as by default.
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run the block to its end before Ctrl-C (SIGINT) or SIGTERM acts on the process.

    Signals are handled only on the main thread; elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    wanted = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda number, _: received.append(number))
                for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if received:
            signal.raise_signal(received[0])


class Folders:
    """Makes folders, each once."""

    def __init__(self) -> None:
        self.made: set[str] = set()

    def make(self, folder: str) -> None:
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)


def _roll_forward(docs_dir: Path) -> None:
    journal = orjson.loads((docs_dir / JOURNAL).read_bytes())
    staging = docs_dir / STAGING
    manifest: dict[str, str] = journal["manifest"]
    old = read_manifest(docs_dir)  # replaced only at the end, so still the old generation's
    folders = Folders()
    for uri in journal["write"]:
        _check_path(uri)
        target = os.path.join(docs_dir, uri)
        folders.make(os.path.dirname(target))
        try:
            os.replace(os.path.join(staging, uri), target)
        except FileNotFoundError:  # moved already by a killed run, or its staging was lost
            _record_what_is_there(docs_dir, uri, manifest, old)
    for uri in journal["remove"]:
        _check_path(uri)
        path = docs_dir / uri
        path.unlink(missing_ok=True)
        parent = path.parent
        while parent != docs_dir and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    record = {"version": 1, "files": manifest}
    _atomic_write(docs_dir / MANIFEST,
                  orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    (docs_dir / JOURNAL).unlink()
    shutil.rmtree(staging, ignore_errors=True)


def _record_what_is_there(docs_dir: Path, uri: str, manifest: dict[str, str],
                          old: dict[str, str]) -> None:
    """A page the journal names was not staged: keep the manifest true to the file on disk.

    The new page when it was moved in already; the old generation's page, still ours to
    replace, gets the old digest back, so the next build rewrites it instead of calling it a
    hand edit; a page missing altogether leaves the manifest, and the next build writes it.
    """
    try:
        with open(os.path.join(docs_dir, uri), "rb") as handle:
            present = digest(handle.read())
    except FileNotFoundError:
        del manifest[uri]
        return
    if present != manifest[uri] and present == old.get(uri):
        manifest[uri] = present


def recover(docs_dir: Path) -> bool:
    """Finish a generation a killed build had committed to, or drop one it had not.

    Returns whether there was anything to do.
    """
    if (docs_dir / JOURNAL).is_file():
        _roll_forward(docs_dir)
        return True
    found = False
    unfinished = docs_dir / (JOURNAL + ".tmp")  # killed while writing the journal
    if unfinished.is_file():
        unfinished.unlink()
        found = True
    staging = docs_dir / STAGING
    if staging.exists():
        shutil.rmtree(staging)
        found = True
    return found


def generated(docs_dir: Path) -> set[str]:
    """Paths under docs/ that the last build generated."""
    return set(read_manifest(docs_dir))


def _walk(docs_dir: Path, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """(path under docs/, is a link) of every file and link in docs/, our dot-files and links'
    insides left out: a linked folder is never entered. (The listing says what each entry is,
    without a call per file: docs/ holds 12,500 pages at 10,000 sources.)"""
    with os.scandir(docs_dir / prefix if prefix else docs_dir) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        uri = prefix + entry.name
        if entry.is_symlink():
            yield uri, True
        elif entry.is_dir():
            yield from _walk(docs_dir, uri + "/")
        else:
            yield uri, False


def _listing(docs_dir: Path) -> list[tuple[str, bool]]:
    """`_walk` of docs/, or nothing when there is no docs/ folder to walk."""
    if not docs_dir.is_dir() or docs_dir.is_symlink():
        return []
    return list(_walk(docs_dir))


def hand_written(docs_dir: Path) -> list[str]:
    """Paths under docs/ of the files editors wrote: not generated, not our dot-files, not
    links (see `_link_problems`)."""
    made = generated(docs_dir)
    return sorted(uri for uri, link in _listing(docs_dir) if not link and uri not in made)


def _link_problems(docs_dir: Path, listing: list[tuple[str, bool]]) -> list[Problem]:
    """A problem for each symbolic link among the files `listing` found in docs/: a build never
    follows one (it could publish any file of the machine, and git stores links)."""
    return [Problem(f"{docs_dir.name}/{uri}", 0, "error", "",
                    "is a symbolic link; build-dossier never follows links (a link can lead "
                    "anywhere on the machine): put the file or folder itself here")
            for uri, link in listing if link]


_FAULT_HINTS = {
    errno.ENOSPC: "the disk is full (or out of inodes); free some space and build again",
    errno.EDQUOT: "the disk quota is used up; free some space and build again",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied; make it writable (and readable) for you",
    errno.EPERM: "not permitted; make it writable (and readable) for you",
    errno.EMFILE: "too many open files; raise the limit (ulimit -n) and build again",
    errno.ENAMETOOLONG: "the name is too long for the file system",
}


def fault_lines(error: OSError, root: Path, docs_dir: Path,
                site_failed: bool = False) -> list[str]:
    """What the system refused, where, and what state it left: for a build that it stopped."""
    where = str(error.filename or docs_dir)
    with contextlib.suppress(ValueError):
        where = Path(where).relative_to(root).as_posix()
    reason = _FAULT_HINTS.get(error.errno or 0, error.strerror or str(error))
    if site_failed:
        state = ("docs/ is up to date but site/ could not be replaced; the next build "
                 "makes site/ again.")
    elif (docs_dir / JOURNAL).is_file():
        state = "docs/ is being updated from its journal; the next build finishes it."
    else:
        state = "docs/ and site/ are unchanged."
    return [visible(f"{where}: error: {reason}"), f"Aborted: {state}"]
