"""`serve` keeps the sources it read between builds and reads again only the files saved since:
what it builds must be what a build that reads everything builds, whatever the editor did."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from dossiers import wait_until

from bench.generate import World, write_dossier, write_extra_source
from build_dossier import render_memo
from build_dossier.build import DOCS_DIR, build
from build_dossier.load import Memo
from build_dossier.render_memo import RenderMemo
from build_dossier.site import TRASH_DIR

SOURCE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis.md"


def docs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / DOCS_DIR).rglob("*")) if p.is_file() and ".build" not in p.name}


def same_as_reading_everything(root: Path, memo: Memo, fresh: Path) -> list[str]:
    """Build `root` with `memo`, and a copy that reads every file; the lines the first said,
    once both gave the same pages."""
    kept = build(root, site=False, memo=memo)
    for path in (fresh / "sources").glob("*"):
        path.unlink()
    for path in (root / "sources").iterdir():
        (fresh / "sources" / path.name).write_bytes(path.read_bytes())
    clean = build(fresh, site=False)
    assert kept.ok == clean.ok
    assert kept.lines[:-1] == clean.lines[:-1]  # the same problems, word for word
    if kept.ok:
        assert docs(root) == docs(fresh)
    return kept.lines


def test_saved_replaced_and_removed_sources_are_read_again(new_dossier):
    root, fresh = new_dossier("seeds"), new_dossier("seeds", at="fresh")
    memo = Memo()
    same_as_reading_everything(root, memo, fresh)
    source = root / SOURCE
    text = source.read_text(encoding="utf-8")
    before = source.stat()
    assert "Qz" not in text

    # The same size, and the old modification time put back: the change time still tells.
    edited = text.replace("title: ", "title: Qz", 1).replace("\n\n", "\n", 2)
    assert len(edited.encode()) == len(text.encode())
    source.write_text(edited, encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    same_as_reading_everything(root, memo, fresh)
    page = root / DOCS_DIR / "sources" / (source.stem + ".md")
    assert "Qz" in page.read_text("utf-8")

    # A broken source is reported on every build, not only the first that read it.
    source.write_text(text.replace("title: ", "title: [", 1), encoding="utf-8")
    first = same_as_reading_everything(root, memo, fresh)
    assert any(SOURCE in line for line in first)
    assert same_as_reading_everything(root, memo, fresh) == first

    # Replaced by another file under the same name, then removed.
    replacement = source.with_suffix(".new")
    replacement.write_text(text, encoding="utf-8")
    os.replace(replacement, source)
    same_as_reading_everything(root, memo, fresh)
    source.unlink()
    same_as_reading_everything(root, memo, fresh)
    assert str(source) not in map(str, memo.files)


def _edits(root: Path, world: World) -> list[Callable[[], None]]:
    """Saves an editor makes, each a different kind of change to what pages show."""
    sources = sorted((root / "sources").glob("2*.md"))
    people, events = root / "sources" / "people.yml", root / "sources" / "events.yml"

    def change(path: Path | None, pattern: str, new: str) -> Callable[[], None]:
        def edit() -> None:
            # No file named: the first source the pattern fits.
            path_ = path or next(p for p in sorted((root / "sources").glob("2*.md"))
                                 if re.search(pattern, p.read_text("utf-8"), re.MULTILINE))
            text = path_.read_text(encoding="utf-8")
            edited = re.sub(pattern, new, text, count=1, flags=re.MULTILINE)
            assert edited != text, (path_.name, pattern)
            path_.write_text(edited, encoding="utf-8")
        return edit

    return [
        change(sources[3], r'^title: "', 'title: "Revised '),
        change(sources[5], r'^outlet: ".*"$', 'outlet: "Another Outlet"'),
        change(sources[7], r'^published: "(\d{4}-\d\d)-\d\d"$', r'published: "\1"'),
        change(sources[9], r'^summary: "', 'summary: "Clara Rossi said more. '),
        change(None, r'^(reports: \[)"[^"]*", ', r"\1"),
        change(None, r'^    kind: "direct"$', '    kind: "paraphrase"'),
        change(people, r'^  role: ".*"$', '  role: "Special Envoy"'),
        change(people, r'^  name: "(\w+) ', r'  name: "\1 Maria '),
        change(events, r'^  title: "', '  title: "Emergency '),
        change(events, r'^  place: ".*"$', '  place: "Tallinn"'),
        # The date of the statements said at it, and so of their clusters, moves with it.
        change(events, r'^  date: "2021-11-01"$', '  date: "2021-10-29"'),
        lambda: write_extra_source(root, world),
        lambda: sources[13].unlink(),
        change(sources[3], r'^title: "Revised ', 'title: "'),  # and back as it was
    ]


def test_pages_kept_between_builds_are_those_a_full_render_gives(tmp_path):
    # serve renders again only the pages (and the parts of the long lists) whose records
    # changed: after every kind of save, the pages must be what rendering everything gives.
    root, fresh = tmp_path / "kept", tmp_path / "fresh"
    world = write_dossier(root, 60, 11)
    memo, rendered = Memo(), RenderMemo()
    first = build(root, site=False, memo=memo, rendered=rendered)
    assert first.ok, first.lines
    for edit in _edits(root, world):
        edit()
        kept = build(root, site=False, memo=memo, rendered=rendered)
        assert kept.ok, kept.lines
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(root / "sources", fresh / "sources")
        clean = build(fresh, site=False)
        assert clean.ok, clean.lines
        assert docs(root) == docs(fresh), edit
    assert rendered.pages, "pages are kept between builds"
    assert memo.joins, "each speaker's quotes are kept as clustered"
    # A source page reads its related sources as one value, not the lists behind them.
    assert any(read[0] == "derived:related" for page in rendered.pages.values()
               for read in page.reads)
    # The long lists too, part by part: an event, a statement, a day's sources; and the
    # files for other tools record by record.
    kinds = {(page, kind) for (page, (kind, *_)) in rendered.parts}
    assert {kind for page, kind in kinds if not page.endswith(".json")} == {
        "event", "statement", "day"}
    assert {kind for page, kind in kinds if page == "dossier.json"} == {
        "source", "event", "person", "quote"}
    assert {kind for page, kind in kinds if page == "citations.json"} == {"csl"}


@pytest.mark.slow
def test_serve_goes_on_while_the_replaced_site_is_deleted_and_nothing_is_left(new_dossier):
    root = new_dossier("seeds")
    memo, rendered = Memo(), RenderMemo()
    assert build(root, pdf=False, memo=memo, rendered=rendered).ok
    source = root / SOURCE
    source.write_text(source.read_text("utf-8").replace("title: ", "title: Qz", 1), "utf-8")
    assert build(root, pdf=False, memo=memo, rendered=rendered).ok
    page = root / "site" / "sources" / source.stem / "index.html"
    assert "Qz" in page.read_text("utf-8")
    # The old site goes on its own (serve's first build, with no site before it, replaced
    # none); had serve stopped first, the next build deletes it.
    trash = root / TRASH_DIR
    wait_until(lambda: not trash.exists() or not any(trash.iterdir()),
               "the replaced site is deleted")
    (trash / "left-by-a-stopped-serve").mkdir(parents=True)
    assert build(root, pdf=False).ok
    assert not trash.exists()


@pytest.mark.parametrize("name", ["people/jens-stoltenberg.md", "quotes.md", "dossier.json"])
def test_a_kept_page_edited_by_hand_is_noticed_even_with_its_size_and_time_put_back(
        new_dossier, name):
    # serve knows an unchanged page (and a list it wrote) by its file's size, times and inode
    # once it has read it back: an edit by hand, even of the same size with the old
    # modification time put back, changes the change time, and is said, never overwritten.
    root = new_dossier("seeds")
    memo, rendered = Memo(), RenderMemo()
    for _ in range(2):  # the second build reads each page back and notes its file's state
        result = build(root, site=False, memo=memo, rendered=rendered)
        assert result.ok, result.lines
    assert any(page.state for page in rendered.pages.values())
    assert rendered.written
    page = root / DOCS_DIR / name
    text, before = page.read_text(encoding="utf-8"), page.stat()
    edited = text.replace("Stoltenberg", "Stoltenbxrg", 1)
    assert len(edited) == len(text) and edited != text
    page.write_text(edited, encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = build(root, site=False, memo=memo, rendered=rendered)
    assert not result.ok
    assert any("edited by hand" in line and name in line for line in result.lines), result.lines
    assert page.read_text(encoding="utf-8") == edited


class Stop(Exception):
    """Stands for whatever ends a build while it renders (Ctrl-C, a fault)."""


def test_a_build_stopped_while_rendering_leaves_no_stale_page_to_the_next(tmp_path, monkeypatch):
    # The memo learns what changed when a build starts; a build stopped before it rendered
    # the pages reading it must not leave the next build taking them as they were.
    root, fresh = tmp_path / "kept", tmp_path / "fresh"
    write_dossier(root, 30, 5)
    memo, rendered = Memo(), RenderMemo()
    assert build(root, site=False, memo=memo, rendered=rendered).ok
    source = sorted((root / "sources").glob("2*.md"))[4]
    source.write_text(re.sub(r'^title: "', 'title: "Stopped ', source.read_text("utf-8"),
                             count=1, flags=re.MULTILINE), encoding="utf-8")
    real = render_memo.render_job

    def stopped(d, job):
        if job[0][0] == "source":
            raise Stop
        return real(d, job)

    with monkeypatch.context() as patch:
        patch.setattr(render_memo, "render_job", stopped)
        with pytest.raises(Stop):
            build(root, site=False, memo=memo, rendered=rendered)
    assert build(root, site=False, memo=memo, rendered=rendered).ok
    shutil.copytree(root / "sources", fresh / "sources")
    assert build(fresh, site=False).ok
    assert docs(root) == docs(fresh)
    assert "Stopped" in (root / DOCS_DIR / "sources" / (source.stem + ".md")).read_text("utf-8")


def test_a_broken_registry_is_said_on_every_build_and_read_again_once_saved(new_dossier):
    root, memo = new_dossier("seeds"), Memo()
    events = root / "sources" / "events.yml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("title: ", "title: [", 1), encoding="utf-8")
    first = build(root, site=False, memo=memo)
    assert not first.ok and any("events.yml" in line for line in first.lines), first.lines
    assert build(root, site=False, memo=memo).lines == first.lines
    events.write_text(text, encoding="utf-8")
    assert build(root, site=False, memo=memo).ok
