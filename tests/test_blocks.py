"""The MkDocs hook's block-by-block conversion of long pages gives what MkDocs' own `Page.render`
gives: the same HTML, table of contents, anchors, links to other pages' anchors and title, on
every page of a generated dossier and of the seeds that falls into blocks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dossiers import make_dossier
from material.plugins.search.plugin import SearchIndex
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from bench.generate import write_dossier
from build_dossier import mkdocs_blocks, site
from build_dossier.cli import build

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def staged_site(root: Path):
    """MkDocs' config and files for `root`'s staged docs, as the build stages them."""
    result = build(root, pdf=False)
    assert result.ok, result.lines
    stage = site.stage_dir(root)
    (stage / "docs").mkdir(parents=True, exist_ok=True)
    for path in (root / "docs").rglob("*"):
        if path.is_file() and ".build-dossier" not in path.as_posix():
            target = stage / "docs" / path.relative_to(root / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (stage / "docs" / "chronology.pdf").write_bytes(b"")
    config = stage / "mkdocs.yml"
    config.write_text("INHERIT: ../mkdocs.yml\ndocs_dir: docs\nsite_dir: site\n",
                      encoding="utf-8")
    cfg = load_config(config_file=str(config))
    files = get_files(cfg)
    get_navigation(files, cfg)
    return cfg, files


def rendered(page: Page) -> tuple[str, list, list, dict, str | None]:
    toc = []

    def walk(items, depth=0):
        for item in items:
            toc.append((depth, item.level, item.id, item.title))
            walk(item.children, depth + 1)
    walk(page.toc)
    links = {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()}
    # Blocks are joined by one line break; MkDocs' whole conversion may leave two.
    html = re.sub(r"\n{2,}", "\n", page.content or "")
    return html, toc, sorted(page.present_anchor_ids or ()), links, page._title_from_render


@pytest.mark.parametrize("dossier", ["generated", "seeds"])
def test_long_pages_in_blocks_are_converted_as_mkdocs_converts_them(tmp_path, monkeypatch,
                                                                     dossier):
    if dossier == "seeds":
        root = make_dossier(tmp_path, "seeds")
    else:
        root = tmp_path / "dossier"
        write_dossier(root, 40, 11, mkdocs_yml=ROOT / "mkdocs.yml")
    cfg, files = staged_site(root)
    monkeypatch.setattr(mkdocs_blocks, "BLOCKS_MIN", 0)  # every page that splits, not only long
    compared = 0
    for file in files.documentation_pages():
        whole = Page(None, file, cfg)
        whole.read_source(cfg)
        whole.render(cfg, files)
        cut = Page(None, file, cfg)
        cut.read_source(cfg)
        blocks = mkdocs_blocks.render(cut, cfg, files, {}, lambda block: True,
                                      lambda html: ([], []))
        if blocks is None:
            continue
        assert rendered(cut) == rendered(whole), file.src_uri
        compared += 1
    # The chronology, the quotes, the lists, and each record page with headings.
    assert compared >= 5


def whole_page_entries(page: Page, index) -> str:
    """The search entries Material's index makes of the page's HTML, parsed at once."""
    before = len(index.entries)
    index.add_entry_from_context(page)
    added = index.entries[before:]
    del index.entries[before:]
    return ",".join(json.dumps(entry, separators=(",", ":"), default=str) for entry in added)


def test_long_pages_are_indexed_for_search_as_material_indexes_them_whole(tmp_path, monkeypatch):
    root = tmp_path / "dossier"
    write_dossier(root, 40, 11, mkdocs_yml=ROOT / "mkdocs.yml")
    cfg, files = staged_site(root)
    monkeypatch.setattr(mkdocs_blocks, "BLOCKS_MIN", 0)
    plugin = cfg.plugins["material/search"]
    index = SearchIndex(**plugin.config)
    compared = reused = 0
    for file in files.documentation_pages():
        page = Page(None, file, cfg)
        page.read_source(cfg)
        cut = mkdocs_blocks.render(page, cfg, files, {}, lambda block: True,
                                   lambda html: ([], []))
        if cut is None:
            continue
        assert mkdocs_blocks.search_entries(page, cut.parts, index) == \
            whole_page_entries(page, index), file.src_uri
        compared += 1
        # An edit in the middle of the page: its runs are parsed again, the others reused.
        edited = Page(None, file, cfg)
        edited.read_source(cfg)
        middle = len(edited.markdown) // 2
        cut_at = edited.markdown.find("\n\n", middle)
        if cut_at == -1:
            continue
        edited.markdown = edited.markdown[:cut_at] + "\n\nAn added paragraph." + \
            edited.markdown[cut_at:]
        again = mkdocs_blocks.render(edited, cfg, files, cut.blocks, lambda block: True,
                                     lambda html: ([], []))
        assert again is not None
        kept = sum("search_run" in part for part in again.parts)
        assert mkdocs_blocks.search_entries(edited, again.parts, index) == \
            whole_page_entries(edited, index), file.src_uri
        reused += kept > 0
    assert compared >= 5
    assert reused >= 3  # the chronology, the quotes and the lists took runs from the first parse
