"""The build, top to bottom: load → check → link → render → write → site → pdf.

Every stage is a plain function of the one before. Nothing reaches `docs/` or `site/` until the
last stage that can fail has succeeded: a build that stops anywhere leaves both as they were,
and the next build first finishes or undoes whatever a killed one left (`recover`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import pdf as pdf_stage
from . import site as site_stage
from . import site_cache, write
from .link import check_references, link
from .load import Loaded, Memo, load
from .lock import Busy, one_build_at_a_time
from .model import Dossier, FuzzyDate, Problem
from .names import reserved_ids
from .pages.layout import compile_templates
from .parallel import (
    RENDER_MIN_PAGES,
    collector_off,
    collector_thawed_after,
    default_workers,
    forked_map,
    workers_for,
)
from .pdf import pack
from .pdf.engine import PDF
from .progress import LINK, PDF_FINISH, RENDER, SITE, Progress, Reporter
from .render import jobs
from .render_memo import FreshPart, PartKey, RenderMemo, stage_job
from .settings import DEFAULT_SEARCH, Settings, dossier_settings

DOCS_DIR = "docs"
UNCHANGED = "Aborted: docs/ and site/ are unchanged."


@dataclass
class Checked:
    """Sources read and checked: the dossier when there are no errors, and every problem."""

    loaded: Loaded
    title: str
    problems: list[Problem] = field(default_factory=list)
    search: str = DEFAULT_SEARCH
    """The site's search engine, from `sources/dossier.yml`."""
    settings: Settings = field(default_factory=Settings)
    """Everything `sources/dossier.yml` sets."""

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass
class BuildResult:
    """What a build did, for the command line, `serve` and the benchmark."""

    ok: bool
    lines: list[str] = field(default_factory=list)
    """What to tell the editor: problems, then one summary line."""
    dossier: Dossier | None = None
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage: load_s, link_s, cluster_s, render_s, mkdocs_s, pdf_s, write_s."""
    busy: bool = False
    """Another build held the repository; this one did nothing."""


class Failed(Exception):
    """A stage could not finish; its lines say why, and the build ends without changing
    anything."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


class Laps:
    """Times the stages one after the other, into a result's timings."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.clock = time.perf_counter()
        self.notes: list[str] = []
        """What a stage has to tell the editor although it succeeded."""

    def lap(self, name: str) -> None:
        """Record the time since the last lap as stage `name`."""
        now = time.perf_counter()
        self.timings[name] = now - self.clock
        self.clock = now


def load_and_check(root: Path, memo: Memo | None = None,
                   progress: Reporter | None = None) -> Checked:
    """Load everything under `root` (the files `memo` knows unchanged from it) and check every
    reference."""
    loaded = load(root, default_workers(), memo, progress)
    problems = list(loaded.problems)
    settings = dossier_settings(root, problems)
    problems.extend(check_references(loaded))
    problems.extend(reserved_ids(loaded))
    return Checked(loaded, settings.title, sorted(set(problems)), settings.search, settings)


def check(root: Path) -> list[Problem]:
    """Every problem in the dossier under `root`."""
    return load_and_check(root).problems


def report(problems: list[Problem], out: list[str],
           line_of: Callable[[Problem], str] = Problem.format) -> bool:
    """Add the problems (each as `line_of` writes it) and a summary line to `out`; whether there
    were no errors."""
    out.extend(line_of(p) for p in problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        files = len({p.path for p in problems})
        out.append(f"Aborted: {errors} {'error' if errors == 1 else 'errors'}, {warnings} "
                   f"{'warning' if warnings == 1 else 'warnings'} in {files} "
                   f"{'file' if files == 1 else 'files'}.")
        return False
    return True


def recover(root: Path, keep_staged_docs: bool = False) -> None:
    """Finish or undo what a killed build left in `docs/` and `site/` (`keep_staged_docs`:
    see `site.recover`)."""
    write.recover(root / DOCS_DIR)
    site_stage.recover(root, keep_staged_docs)


def render_and_stage(dossier: Dossier, stager: write.Stager,
                     progress: Reporter | None = None,
                     memo: RenderMemo | None = None) -> write.Plan:
    """Render every page (but those `memo` knows unchanged) and stage those that changed; the
    plan of the new `docs/`."""
    # Each worker compares the pages it renders with docs/ and stages those that changed,
    # so pages never travel between processes: only the stager's decisions come back.
    todo = jobs(dossier)
    total = sum(map(len, todo))
    compile_templates()
    done = 0
    if progress is not None:
        progress(RENDER, done, total)
    if memo is not None:
        memo.begin(dossier)
        memo.forget_all_but({page for job in todo for page in job})
    fresh_parts: list[FreshPart] = []
    used_parts: set[PartKey] = set()
    for staged in forked_map(lambda job: stage_job(dossier, job, stager, memo), todo,
                             workers_for(total, RENDER_MIN_PAGES), ordered=False):
        stager.record(staged.decisions)
        if memo is not None:
            for page, uri, page_digest, keys in staged.fresh:
                memo.keep(dossier, page, uri, page_digest, keys)
            fresh_parts += staged.fresh_parts
            used_parts.update(staged.used_parts)
            for page, state in staged.states:
                memo.note_state(page, state)
        done += len(staged.decisions)  # one decision per page
        if progress is not None:
            progress(RENDER, done, total)
    if memo is not None:
        memo.keep_parts(dossier, fresh_parts, used_parts)
    return stager.finish()


def link_quotes(checked: Checked, timings: dict[str, float] | None,
                progress: Reporter | None = None, memo: Memo | None = None) -> Dossier:
    """The checked records linked into a Dossier, their quotes clustered on all cores (the
    speakers `memo` knows unchanged taken from it)."""
    sources = len(checked.loaded.sources)
    if progress is not None:
        progress(LINK, 0, sources)
    dossier = link(checked.loaded, checked.title, timings, default_workers(),
                   checked.settings.site_url, *((memo.joins, memo.recurring, memo.clusters)
                                                if memo is not None else (None, None, None)))
    if progress is not None:
        progress(LINK, sources, sources)
    return dossier


PDF_STAGE = "chronology-pdf"
"""Where in the stage the PDF is typeset while the site builds."""


class _PdfBeside:
    """The chronology PDF typeset on a thread while the renderer builds the site: Typst runs in
    child processes, and MkDocs leaves a core idle for much of its run (starting, reading,
    writing the search index), so the PDF's seconds mostly disappear from the build's."""

    def __init__(self, dossier: Dossier, target: Path, progress: Reporter | None) -> None:
        self.start = time.perf_counter()
        self.target = target
        # Laid out here, a fifth of a second at 1,000 sources: the build says how many parts.
        layout = pdf_stage.lay_out(dossier)
        self.parts = len(layout.parts)
        if progress is not None:
            progress(PDF, 0, self.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="pdf")
        self.made: Future[tuple[pdf_stage.Typeset, float]] = self.pool.submit(
            self._typeset, layout)

    def _typeset(self, layout: pdf_stage.Layout) -> tuple[pdf_stage.Typeset, float]:
        made = pdf_stage.typeset_layout(layout, self.target)  # silent: the site's stages show
        return made, time.perf_counter() - self.start

    def into(self, site_dir: Path, laps: Laps, progress: Reporter | None) -> None:
        """Wait for the PDF (saying so when the site was done first), then put it in the
        staged site; a failed PDF fails the build as before."""
        waiting = not self.made.done()
        if waiting and progress is not None:
            progress(PDF_FINISH, 0, self.parts)
        try:
            made, seconds = self.made.result()
        except pdf_stage.PdfError as error:
            raise Failed(f"PDF failed: {error}", UNCHANGED) from error
        finally:
            self.pool.shutdown()
        if waiting and progress is not None:
            progress(PDF_FINISH, self.parts, self.parts)
        os.replace(self.target, site_dir / pdf_stage.PDF_NAME)
        laps.timings["pdf_s"] = seconds
        laps.timings["pdf_peak_rss_mb"] = made.peak_rss_mb
        if made.note:
            laps.notes.append(f"The PDF is tagged, but not PDF/UA-1: {made.note}")

    def abandon(self, *, wait: bool) -> None:
        """The site failed: the PDF is not wanted (`wait`: let it finish, and leave nothing
        of it)."""
        self.pool.shutdown(wait=wait, cancel_futures=True)
        if wait:
            self.target.unlink(missing_ok=True)


def build_site(root: Path, docs_dir: Path, plan: write.Plan, checked: Checked,
               dossier: Dossier, laps: Laps, *, pdf: bool, keep_pdf: bool = False,
               progress: Reporter | None = None, in_place: bool = False,
               service: site_cache.Service | None = None) -> Path:
    """Build the site from the staged `docs/` (and its PDF, beside it); where the new site
    waits (`in_place`: only what differs from `site/`, see `site.run_renderer`)."""
    staged, pages = site_stage.stage_docs(root, docs_dir, plan.files(), keep=in_place,
                                          in_step=service.in_step if service else None,
                                          hand=plan.hand_written)
    latest = max((s.published for s in dossier.sources.values()), key=FuzzyDate.sort_key,
                 default=None)
    # Until it is made the renderer sees a stand-in (links to it resolve), left out of the site.
    beside = (_PdfBeside(dossier, staged.parent / PDF_STAGE / pdf_stage.PDF_NAME, progress)
              if pdf else None)
    settings = checked.settings
    if progress is not None:  # until the renderer reports its own stages
        progress(SITE, 0, pages)
    try:
        built = site_stage.run_renderer(root, dossier.title, latest, checked.search,
                                        settings.renderer, settings.site_url, progress,
                                        in_place=in_place, service=service)
    except site_stage.SiteError as error:
        if beside is not None:
            beside.abandon(wait=True)
        raise Failed(str(error), UNCHANGED) from error
    except BaseException:  # Ctrl-C: stop now; the next build's `recover` empties the stage
        if beside is not None:
            beside.abandon(wait=False)
        raise
    laps.lap("mkdocs_s")
    if beside is not None:
        beside.into(built, laps, progress)
    if not pdf and keep_pdf:
        laps.notes.append(site_stage.keep_file(root, built, pdf_stage.PDF_NAME))
    return built


def build(root: Path, *, site: bool = True, pdf: bool = True,
          keep_pdf: bool = False, memo: Memo | None = None,
          rendered: RenderMemo | None = None,
          service: site_cache.Service | None = None) -> BuildResult:
    """Build `docs/` (and `site/` with its PDF); on any failure both stay exactly as they were.

    One build at a time per repository; a fault of the machine (a full disk, a read-only
    folder) is one line saying what and where. `keep_pdf`: a site built without its PDF keeps
    the last one (for `serve`). `memo`: the sources as the last build read them (`serve`
    keeps one), so that only files saved since are read again; `rendered`: the pages as the
    last build rendered them, so that only those whose records changed are rendered again;
    `service`: the MkDocs process `serve` keeps for its builds.
    """
    try:
        with one_build_at_a_time(root), collector_thawed_after():
            shown = Progress()
            try:
                return _build(root, shown.update, site=site, pdf=pdf, keep_pdf=keep_pdf,
                              memo=memo, rendered=rendered, service=service)
            finally:
                shown.close()
    except Busy as busy:
        return BuildResult(ok=False, lines=[str(busy)], busy=True)
    except OSError as error:
        return BuildResult(ok=False, lines=write.fault_lines(error, root, root / DOCS_DIR))


def _build(root: Path, progress: Reporter, *, site: bool, pdf: bool, keep_pdf: bool,
           memo: Memo | None, rendered: RenderMemo | None,
           service: site_cache.Service | None) -> BuildResult:
    result = BuildResult(ok=False)
    docs_dir = root / DOCS_DIR
    in_place = rendered is not None  # serve: the site is updated in place, file by file
    recover(root, keep_staged_docs=in_place)
    laps = Laps(result.timings)
    with collector_off():
        checked = load_and_check(root, memo, progress)
    laps.lap("load_s")
    if not report(checked.problems, result.lines):
        return result
    with collector_off():
        dossier = link_quotes(checked, result.timings, progress, memo)
    laps.lap("link_s")
    result.timings["link_s"] -= result.timings["cluster_s"]  # reported on its own
    stager = write.Stager(docs_dir)
    if rendered is not None:
        stager.written = rendered.written
    committed = False
    try:
        with collector_off():
            plan = render_and_stage(dossier, stager, progress, rendered)
        laps.lap("render_s")
        if plan.conflicts:
            report(plan.conflicts, result.lines)
            return result
        built = build_site(root, docs_dir, plan, checked, dossier, laps, pdf=pdf,
                           keep_pdf=keep_pdf, progress=progress,
                           in_place=in_place, service=service) if site else None
        write.apply(plan)
        committed = True
        if rendered is not None:
            write.settle(plan, rendered.written)
        laps.lap("write_s")
    except Failed as failure:
        result.lines.extend(failure.lines)
        return result
    except OSError as error:
        result.lines.extend(write.fault_lines(error, root, docs_dir))
        return result
    finally:
        if not committed:  # whatever stopped the build: docs/ and site/ stay as they were
            stager.discard()
            site_stage.discard_stage(root, keep_docs=in_place)
    if built is not None:
        try:
            # serve, which keeps memos between builds, goes on while the old site is deleted.
            site_stage.swap_in(root, built, tidy_later=rendered is not None)
        except OSError as error:
            result.lines.extend(write.fault_lines(error, root, docs_dir, site_failed=True))
            return result
        if service is not None:  # docs/ now holds what was staged, file for file
            service.in_step.went_through(site_stage.stage_dir(root) / "docs")
    result.ok = True
    result.dossier = dossier
    result.written, result.removed = plan.write, plan.remove
    result.lines.extend(laps.notes)
    result.lines.append(
        f"Built {len(dossier.sources)} sources, {len(dossier.events)} events, "
        f"{len(dossier.clusters)} quotes: {len(plan.write)} pages written, "
        f"{len(plan.remove)} removed, {plan.unchanged} unchanged"
        + (" in docs/; site in site/." if site else " in docs/."))
    return result


def print_pack(root: Path, request: pack.Request, output: Path | None) -> tuple[int, list[str]]:
    """A briefing pack: the dossier under `root` loaded, checked and linked, then the part of
    the chronology `request` selects written as a PDF; the exit code and what to tell."""
    lines: list[str] = []
    shown = Progress()
    with collector_thawed_after():
        try:
            with collector_off():
                checked = load_and_check(root, progress=shown.update)
            if not checked.ok:
                report(checked.problems, lines)
                return 1, lines
            with collector_off():
                dossier = link_quotes(checked, None, shown.update)
            return pack.run(dossier, request, output, lines, shown.update), lines
        finally:
            shown.close()
