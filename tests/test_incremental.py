"""Incremental site builds: after any sequence of edits, site/ is what a clean build gives, byte
for byte; a stale, corrupt or half-written cache is never served. Each case runs twice: as
command-line builds (the site swapped in whole) and as `serve` builds (its MkDocs process kept,
the site updated in place file by file)."""

from __future__ import annotations

import json
import os
import re
import time
from functools import partial
from pathlib import Path

import pytest

from bench.generate import World, write_dossier, write_extra_source
from bench.rebuild import copy_inputs
from build_dossier import site, site_cache
from build_dossier.build import BuildResult
from build_dossier.cli import build
from build_dossier.load import Memo
from build_dossier.render_memo import RenderMemo

SOURCES = 24
pytestmark = pytest.mark.slow


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def clean_build(root: Path, where: Path) -> dict[str, bytes]:
    """The site a build from scratch gives for `root`'s sources, docs and config."""
    copy_inputs(root, where)
    result = build(where, pdf=False)
    assert result.ok, result.lines
    return site_files(where)


class Builds:
    """Builds one after the other, as the command line makes them or as `serve` does."""

    def __init__(self, serving: bool) -> None:
        self.serving = serving
        self.memo, self.rendered = Memo(), RenderMemo()
        self.service = site_cache.Service()

    def __call__(self, root: Path) -> BuildResult:
        if not self.serving:
            return build(root, pdf=False)
        return build(root, pdf=False, keep_pdf=True, memo=self.memo, rendered=self.rendered,
                     service=self.service)


@pytest.fixture(params=["command", "serve"])
def builds(request):
    made = Builds(request.param == "serve")
    yield made
    made.service.close()


def assert_same_as_clean(root: Path, tmp_path: Path, builds: Builds) -> None:
    result = builds(root)
    assert result.ok, result.lines
    incremental, clean = site_files(root), clean_build(root, tmp_path / "clean")
    assert sorted(incremental) == sorted(clean)
    differ = [uri for uri in clean if incremental[uri] != clean[uri]]
    assert not differ, f"differ from a clean build: {differ[:10]}"


@pytest.fixture
def dossier(tmp_path: Path, builds: Builds) -> tuple[Path, World]:
    root = tmp_path / "dossier"
    world = write_dossier(root, SOURCES, 7, mkdocs_yml=Path(__file__).parent.parent / "mkdocs.yml")
    result = builds(root)
    assert result.ok, result.lines
    return root, world


def edit_first_source(root: Path) -> Path:
    source = sorted((root / "sources").glob("2*.md"))[0]
    text = source.read_text(encoding="utf-8")
    title = re.search(r'^title: "?(.*?)"?$', text, re.MULTILINE)
    assert title is not None
    source.write_text(text.replace(title.group(1), title.group(1) + " revised", 1),
                      encoding="utf-8")
    return source


def html_inodes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_ino
            for p in (root / "site").rglob("*.html")}


def test_edits_additions_and_removals_give_a_clean_builds_site(dossier, tmp_path, builds):
    root, world = dossier
    before = (root / "site" / "search" / "search_index.json").read_bytes()
    inodes = html_inodes(root)
    edited = edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)
    assert (root / "site" / "search" / "search_index.json").read_bytes() != before
    # Reused pages are the very files of the last build; the edited source's page is new.
    after = html_inodes(root)
    kept = [uri for uri, inode in after.items() if inodes.get(uri) == inode]
    assert len(kept) > len(after) // 2
    assert f"site/sources/{edited.stem}/index.html" not in kept
    write_extra_source(root, world)
    assert_same_as_clean(root, tmp_path, builds)
    sorted((root / "sources").glob("2*.md"))[-2].unlink()
    assert_same_as_clean(root, tmp_path, builds)
    guide = root / "docs" / "editors.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n## One more section\n",
                     encoding="utf-8")
    assert_same_as_clean(root, tmp_path, builds)


def test_a_changed_theme_setting_rebuilds_every_page(dossier, tmp_path, builds):
    root, _ = dossier
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("blue grey", "indigo"),
                      encoding="utf-8")
    assert_same_as_clean(root, tmp_path, builds)
    assert b"indigo" in (root / "site" / "index.html").read_bytes()


def test_a_page_changed_in_site_is_rebuilt_not_reused(dossier, tmp_path, builds):
    root, _ = dossier
    page = root / "site" / "events" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>tampered</p></body>"))
    edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)
    assert b"tampered" not in page.read_bytes()


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1, "pages": 3}',
                                    b'{"format": 1, "fingerprint": "x", "pages": {}}'])
def test_a_corrupt_cache_is_ignored(dossier, tmp_path, damage, builds):
    root, _ = dossier
    site_cache.cache_path(root).write_bytes(damage)
    edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)


def test_a_damaged_page_in_the_cache_is_converted_again(dossier, tmp_path, builds):
    root, _ = dossier
    cache = json.loads(site_cache.cache_path(root).read_bytes())
    cache["pages"]["index.md"] = {"source": 5}
    cache["pages"]["quotes.md"]["toc"] = "three"
    site_cache.cache_path(root).write_text(json.dumps(cache), encoding="utf-8")
    assert_same_as_clean(root, tmp_path, builds)


def test_a_failed_build_keeps_the_last_good_site_and_the_next_one_recovers(dossier, tmp_path,
                                                                           builds):
    root, _ = dossier
    kept = site_files(root)
    edit_first_source(root)
    guide = root / "docs" / "editors.md"
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good + "\nSee [the missing page](missing.md).\n", encoding="utf-8")
    for _ in range(2):  # the same warning fails the next build too
        failed = builds(root)
        assert not failed.ok
        assert any("missing.md" in line for line in failed.lines)
        assert site_files(root) == kept
    guide.write_text(good, encoding="utf-8")
    assert_same_as_clean(root, tmp_path, builds)


def test_a_killed_build_leaves_nothing_the_next_build_trusts(dossier, tmp_path, builds):
    root, _ = dossier
    # What a build killed inside MkDocs leaves: its stage and a half-written next cache.
    (root / ".build-dossier-tmp" / "site").mkdir(parents=True)
    (root / ".build-dossier-tmp" / "site.json").write_bytes(b'{"format": 1, "pa')
    edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_a_build_killed_while_moving_into_site_is_finished_by_the_next(dossier, tmp_path,
                                                                       builds, monkeypatch):
    root, world = dossier
    edit_first_source(root)
    write_extra_source(root, world)
    replace, moved = site.os.replace, []

    def killed_after_three(source, target):
        if Path(target).is_relative_to(root / "site"):  # docs/ is written before the site
            if len(moved) == 3:
                raise SystemExit("killed")  # nothing after this runs, as with kill -9
            moved.append(target)
        replace(source, target)

    monkeypatch.setattr(site.os, "replace", killed_after_three)
    with pytest.raises(SystemExit):
        builds(root)
    monkeypatch.setattr(site.os, "replace", replace)
    assert len(moved) == 3 and (root / site.STAGE_DIR / site.MOVES).is_file()
    # A command-line build finishes it as well as serve's next build would.
    result = build(root, pdf=False)
    assert result.ok, result.lines
    assert_same_as_clean(root, tmp_path, builds)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_serve_writes_only_what_changed_into_site(dossier, tmp_path, builds):
    root, _ = dossier
    before = html_inodes(root)
    edited = edit_first_source(root)
    result = builds(root)
    assert result.ok, result.lines
    after = html_inodes(root)
    rewritten = {uri for uri, inode in after.items() if before.get(uri) != inode}
    # The pages whose Markdown changed (the source's, its events', the lists...), the page
    # every build writes, and nothing else.
    changed = {"site/" + (uri[:-len("index.md")] if uri.endswith("index.md") else
                          uri[:-len(".md")] + "/") + "index.html"
               for uri in result.written if uri.endswith(".md")}
    assert f"site/sources/{edited.stem}/index.html" in rewritten
    assert rewritten <= changed | {"site/404.html"}, sorted(rewritten - changed)
    assert len(rewritten) < len(after) // 2
    assert_same_as_clean(root, tmp_path, builds)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_serve_goes_on_when_its_mkdocs_process_dies(dossier, tmp_path, builds):
    root, _ = dossier
    assert builds.service.child is not None
    builds.service.child.kill()
    builds.service.child.wait()
    edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)


def test_a_page_written_by_hand_saved_with_its_size_and_time_kept_is_built(dossier, tmp_path,
                                                                           builds):
    root, _ = dossier
    edit_first_source(root)
    assert builds(root).ok  # serve's staged docs are now those of a build in place
    guide = root / "docs" / "editors.md"
    text, stat = guide.read_text(encoding="utf-8"), guide.stat()
    swapped = text.replace("e", "E", 1)
    assert swapped != text and len(swapped) == len(text)
    guide.write_text(swapped, encoding="utf-8")
    os.utime(guide, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as some editors and tools save
    assert_same_as_clean(root, tmp_path, builds)
    assert "E" in (root / "site" / "editors" / "index.html").read_text(encoding="utf-8")


def remove_a_source(root: Path) -> None:
    sorted((root / "sources").glob("2*.md"))[-2].unlink()


def edit_the_guide(root: Path) -> None:
    guide = root / "docs" / "editors.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n## A section more\n",
                     encoding="utf-8")


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_serve_takes_only_the_changed_pages_through_mkdocs_and_gives_a_clean_builds_site(
        dossier, tmp_path, builds):
    root, world = dossier
    assert_same_as_clean(root, tmp_path, builds)  # nothing changed: every page kept
    changes = [edit_first_source, edit_first_source, partial(write_extra_source, world=world),
               remove_a_source, edit_the_guide]
    for change in changes:
        change(root)
        assert_same_as_clean(root, tmp_path, builds)
        assert builds.service.rebuilt is not None, change
        built, pages = builds.service.rebuilt
        assert 0 < built < pages // 2, (change, built, pages)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_the_first_edit_after_serve_starts_with_no_site_is_quick(tmp_path, builds):
    # Both builds in the test itself: pytest's environment differs between a fixture and the
    # test, and serve starts its MkDocs process again when its environment changes.
    root = tmp_path / "dossier"
    write_dossier(root, SOURCES, 7, mkdocs_yml=Path(__file__).parent.parent / "mkdocs.yml")
    assert builds(root).ok  # serve's first build, with no site/ yet
    edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)
    assert builds.service.rebuilt is not None
    built, pages = builds.service.rebuilt
    assert 0 < built < pages // 2, (built, pages)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_an_edit_undone_after_a_failed_build_is_served_as_it_was(dossier, tmp_path, builds):
    # The failed build staged the edited page; undone, the page is the one docs/ still holds.
    root, _ = dossier
    for _ in range(2):  # serve's builds after its first update the staged docs in place
        edit_first_source(root)
        assert builds(root).ok
    source = sorted((root / "sources").glob("2*.md"))[0]
    before = source.read_text(encoding="utf-8")
    guide = root / "docs" / "editors.md"
    good = guide.read_text(encoding="utf-8")
    edit_first_source(root)
    guide.write_text(good + "\nSee [the missing page](missing.md).\n", encoding="utf-8")
    assert not builds(root).ok
    source.write_text(before, encoding="utf-8")
    guide.write_text(good, encoding="utf-8")
    assert_same_as_clean(root, tmp_path, builds)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_serve_fails_when_a_change_breaks_a_link_from_a_page_it_left_alone(dossier, tmp_path,
                                                                         builds, monkeypatch):
    # A terminal's width in the environment must not wrap (and so cut) what MkDocs says.
    monkeypatch.setenv("COLUMNS", "72")
    root, _ = dossier
    source = sorted((root / "sources").glob("2*.md"))[0]
    page = root / "docs" / "sources" / source.name
    anchors = re.findall(r'id="(q-[^"]+)"', page.read_text(encoding="utf-8"))
    assert anchors
    guide = root / "docs" / "editors.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text + "".join(f"\n[A quote](sources/{source.name}#{anchor})\n"
                                    for anchor in anchors), encoding="utf-8")
    assert builds(root).ok
    kept = site_files(root)
    # The source's first quote reworded (in its text too): its anchor goes, the guide stays.
    quoted = re.search(r'^  - text: "(.+)"$', source.read_text(encoding="utf-8"), re.MULTILINE)
    assert quoted is not None
    source.write_text(source.read_text(encoding="utf-8").replace(
        quoted.group(1), "Also " + quoted.group(1)), encoding="utf-8")
    failed = builds(root)
    assert not failed.ok
    assert any("editors.md" in line and "anchor" in line for line in failed.lines), failed.lines
    assert site_files(root) == kept
    guide.write_text(text, encoding="utf-8")
    assert_same_as_clean(root, tmp_path, builds)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_a_build_after_serve_reuses_the_pages_serve_built(dossier, tmp_path, builds):
    root, _ = dossier
    assert builds(root).ok  # serve's first build in place
    cache = site_cache.cache_path(root)
    edited = edit_first_source(root)
    before = cache.stat().st_mtime_ns
    assert builds(root).ok and builds.service.rebuilt is not None
    # serve writes its cache once it has waited a moment for the next save.
    for _ in range(300):
        if cache.stat().st_mtime_ns != before:
            break
        time.sleep(0.1)
    page = root / "site" / "sources" / edited.stem / "index.html"
    served = page.stat().st_ino
    builds.service.close()
    result = build(root, pdf=False)  # the command line, as after stopping serve
    assert result.ok, result.lines
    assert page.stat().st_ino == served  # linked from serve's site, not built again
    assert_same_as_clean(root, tmp_path, builds)


@pytest.mark.parametrize("builds", ["serve"], indirect=True)
def test_serve_is_told_of_the_edited_page_before_the_long_lists_and_it_is_final(
        dossier, tmp_path, builds):
    root, _ = dossier
    # Built once in the test: serve's MkDocs process starts again in the test's environment.
    edit_first_source(root)
    assert builds(root).ok
    told: list[dict[str, bytes]] = []
    builds.service.on_first = lambda site_dir, files: told.append(
        {name: (site_dir / name).read_bytes() for name in files})
    edited = edit_first_source(root)
    assert_same_as_clean(root, tmp_path, builds)
    assert len(told) == 1, "the short pages were not announced before the long ones"
    page = f"sources/{edited.stem}/index.html"
    assert page in told[0]
    assert "quotes/index.html" not in told[0] and "chronology/index.html" not in told[0]
    final = site_files(root)
    assert {name: final[name] for name in told[0]} == told[0]  # shown first as it ends up
