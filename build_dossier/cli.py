"""Command line: `build-dossier check` reports every problem at once; `build-dossier build` runs
load → link → render → write → MkDocs, and leaves the last good output alone when any step fails.
"""

from __future__ import annotations

import argparse
import gc
import io
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import pdf as pdf_stage
from . import site as site_stage
from . import write
from .link import DEFAULT_SEARCH, check_references, dossier_settings, link
from .load import Loaded, load
from .model import Dossier, Problem
from .parallel import default_workers
from .progress import Progress
from .render import render_each

DOCS_DIR = "docs"


@dataclass
class Checked:
    """Sources read and checked: the dossier when there are no errors, and every problem."""

    loaded: Loaded
    title: str
    problems: list[Problem] = field(default_factory=list)
    search: str = DEFAULT_SEARCH
    """The site's search engine, from `sources/dossier.yml`."""

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def load_and_check(root: Path) -> Checked:
    """Load everything under `root` and check every reference."""
    loaded = load(root, default_workers())
    problems = list(loaded.problems)
    settings = dossier_settings(root, problems)
    problems.extend(check_references(loaded))
    return Checked(loaded, settings.title, sorted(set(problems)), settings.search)


def check(root: Path) -> list[Problem]:
    """Every problem in the dossier under `root`."""
    return load_and_check(root).problems


def report(problems: list[Problem], out: list[str]) -> bool:
    """Add the problems and a summary line to `out`; whether there were no errors."""
    out.extend(p.format() for p in problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        files = len({p.path for p in problems})
        out.append(f"Aborted: {errors} {'error' if errors == 1 else 'errors'}, {warnings} "
                   f"{'warning' if warnings == 1 else 'warnings'} in {files} "
                   f"{'file' if files == 1 else 'files'}.")
        return False
    return True


@dataclass
class BuildResult:
    """What a build did, for the command line, `serve` and the benchmark."""

    ok: bool
    lines: list[str] = field(default_factory=list)
    dossier: Dossier | None = None
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def collector_off() -> Iterator[None]:
    """Generation without the cycle collector. It makes millions of objects that live to the
    end and no cyclic garbage, so the collector's passes only cost time: at 10,000 sources
    linking spent a second in them. (MkDocs and the PDF run with it.) A process that goes on
    after a build, as `serve` does, calls `gc.unfreeze()` to let it see them again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was made meanwhile is frozen: turned back on, the collector would otherwise
        # walk all of it at once (a quarter of a second at 10,000 sources) to find nothing.
        # Frozen objects are still freed when no longer used.
        gc.freeze()
        if collecting:
            gc.enable()


def build(root: Path, *, site: bool = True, pdf: bool = True) -> BuildResult:
    """Build `docs/` (and `site/` with its PDF); on any failure both stay exactly as they were."""
    result = BuildResult(ok=False)
    docs_dir = root / DOCS_DIR
    write.recover(docs_dir)
    site_stage.recover(root)
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.timings[name] = now - clock
        clock = now

    with collector_off():
        checked = load_and_check(root)
    lap("load_s")
    if not report(checked.problems, result.lines):
        return result
    with collector_off():
        dossier = link(checked.loaded, checked.title, result.timings, default_workers())
    lap("link_s")
    result.timings["link_s"] -= result.timings["cluster_s"]  # reported on its own
    stager = write.Stager(docs_dir)
    committed = False
    try:
        # Each worker compares the pages it renders with docs/ and stages those that changed.
        with collector_off():
            for decisions in render_each(dossier, stager.stage):
                stager.record(decisions)
            plan = stager.finish()
        lap("render_s")
        if plan.conflicts:
            report(plan.conflicts, result.lines)
            return result
        if site:
            site_stage.stage_docs(root, docs_dir, plan.files())
            latest = max((s.published for s in dossier.sources.values()),
                         key=lambda d: d.sort_key(), default=None)
            shown = Progress()
            try:
                built = site_stage.run_mkdocs(root, dossier.title, latest, checked.search,
                                              progress=shown.update)
            except site_stage.SiteError as error:
                result.lines.append(str(error))
                result.lines.append("Aborted: docs/ and site/ are unchanged.")
                return result
            finally:
                shown.close()
            lap("mkdocs_s")
            if pdf:
                try:
                    pdf_stage.write_pdf(dossier, built / pdf_stage.PDF_NAME)
                except pdf_stage.PdfError as error:
                    result.lines.append(f"PDF failed: {error}")
                    result.lines.append("Aborted: docs/ and site/ are unchanged.")
                    return result
                lap("pdf_s")
        write.apply(plan)
        committed = True
        lap("write_s")
    finally:
        if not committed:  # whatever stopped the build: docs/ and site/ stay as they were
            stager.discard()
            shutil.rmtree(site_stage.stage_dir(root), ignore_errors=True)
    if site:
        site_stage.swap_in(root, built)
    result.ok = True
    result.dossier = dossier
    result.written, result.removed = plan.write, plan.remove
    result.lines.append(
        f"Built {len(dossier.sources)} sources, {len(dossier.events)} events, "
        f"{len(dossier.clusters)} quotes: {len(plan.write)} pages written, "
        f"{len(plan.remove)} removed, {plan.unchanged} unchanged"
        + (" in docs/; site in site/." if site else " in docs/."))
    return result


def main(argv: list[str] | None = None) -> int:
    """Entry point of `build-dossier`."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Messages quote the sources, which are UTF-8: an ASCII locale must not crash on them.
        sys.stdout.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(
        prog="build-dossier",
        description="Turn annotated articles in sources/ into a briefing-dossier site.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="report every problem in sources/")
    check_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                           help="the dossier's repository (default: here)")
    build_cmd = sub.add_parser("build", help="generate docs/ and build site/ with MkDocs")
    build_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                           help="the dossier's repository (default: here)")
    build_cmd.add_argument("--no-site", action="store_true",
                           help="generate docs/ only; do not run MkDocs")
    build_cmd.add_argument("--no-pdf", action="store_true",
                           help="build the site without site/chronology.pdf")
    new_cmd = sub.add_parser("new", help="draft a new source in sources/ from a plain-text "
                             "article, its guesses marked for confirmation")
    new_cmd.add_argument("file", help="the article as plain text; '-' reads standard input")
    new_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                         help="the dossier's repository (default: here)")
    new_cmd.add_argument("--date", help="publication date, YYYY-MM-DD (default: found in the "
                         "text)")
    new_cmd.add_argument("--id", dest="source_id", help="the source's id and file name "
                         "(default: date and title)")
    new_cmd.add_argument("--outlet", help="who published it")
    new_cmd.add_argument("--url", help="where it was published")
    serve_cmd = sub.add_parser("serve", help="build, serve the site on 127.0.0.1 and rebuild "
                               "it whenever sources/ changes")
    serve_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                           help="the dossier's repository (default: here)")
    serve_cmd.add_argument("--port", type=int, default=8000,
                           help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    serve_cmd.add_argument("--pdf", action="store_true",
                           help="also rebuild site/chronology.pdf each time (slower)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "new":
        from .draft import new

        return new.run(root, args.file, date=args.date, source_id=args.source_id,
                       outlet=args.outlet, url=args.url)
    if args.command == "serve":
        from . import serve  # serve imports this module's build()

        return serve.serve(root, args.port, pdf=args.pdf)
    if args.command == "check":
        lines: list[str] = []
        problems = check(root)
        if report(problems, lines):
            warnings = len(problems)
            lines.append(f"OK: {warnings} {'warning' if warnings == 1 else 'warnings'}.")
        print("\n".join(lines))
        return 0 if all(p.severity != "error" for p in problems) else 1
    result = build(root, site=not args.no_site, pdf=not args.no_pdf)
    print("\n".join(result.lines))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
