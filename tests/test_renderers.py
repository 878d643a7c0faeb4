"""The renderer adapters: what each one's messages become, and a failed build with each that
names the file and line and leaves the last good site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_dossier.build import build
from build_dossier.renderers import RENDERERS, zensical_problems

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests/cases/small"

GREY, YELLOW, RESET = "\x1b[38;5;246m", "\x1b[33m", "\x1b[0m"
ZENSICAL_SAID = (
    "Build started\n"
    f"{YELLOW}Warning:{RESET} page does not exist\n"
    f"     {GREY}╭{RESET}{GREY}─{RESET}{GREY}[{RESET} editors.md:269:10 {GREY}]{RESET}\n"
    f"     {GREY}│{RESET}\n"
    f" {GREY}269 │{RESET} [see](nowhere.md) [x:1]\n"
    f" {GREY}    │{RESET}               {YELLOW}╰──{RESET} page does not exist\n"
    f"{GREY}─────╯{RESET}\n"
    f"{YELLOW}Warning:{RESET} anchor does not exist\n"
    f"     {GREY}╭─[{RESET} sources/a.md:3:42 {GREY}]{RESET}\n"
    "2 issues found\n"
    "Traceback (most recent call last):\n"
    '  File "<frozen runpy>", line 198, in _run_module_as_main\n'
    '  File "/venv/zensical/main.py", line 81, in execute_build\n'
    "    build(os.path.abspath(config_file), kwargs)\n"
    "RuntimeError: Aborted because --strict flag is set\n")


def test_zensical_messages_become_one_line_each_without_colour_or_traceback():
    assert zensical_problems(ZENSICAL_SAID) == [
        "docs/editors.md:269: warning: page does not exist",
        "docs/sources/a.md:3: warning: anchor does not exist",
        "2 issues found",
        "Aborted because --strict flag is set",
    ]
    assert RENDERERS["zensical"].problems(ZENSICAL_SAID)[0].startswith("docs/editors.md:269:")


def test_mkdocs_messages_keep_their_warning_lines():
    said = ("INFO    -  Cleaning site directory\n"
            "WARNING -  Doc file 'editors.md' contains a link 'nowhere.md', but the target is "
            "not found among documentation files.\nAborted with 1 warnings in strict mode!\n")
    for name in ("mkdocs", "properdocs"):
        assert RENDERERS[name].problems(said) == [said.splitlines()[1],
                                                  "Aborted with 1 warnings in strict mode!"]


def small_dossier(dest: Path, renderer: str) -> Path:
    shutil.copytree(SMALL / "sources", dest / "sources")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir()
    shutil.copy(ROOT / "docs/editors.md", dest / "docs/editors.md")
    with (dest / "sources/dossier.yml").open("a", encoding="utf-8") as settings:
        settings.write(f"renderer: {renderer}\n")
    return dest


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_broken_link_fails_the_build_with_its_place_and_keeps_the_last_site(tmp_path,
                                                                              renderer):
    if not RENDERERS[renderer].installed():
        pytest.fail(f"{renderer} is not installed: run 'make test', which installs every "
                    "renderer", pytrace=False)
    root = small_dossier(tmp_path, renderer)
    first = build(root, pdf=False)
    assert first.ok, first.lines
    good = tree(root / "site")
    assert not (root / "site/chronology.pdf").exists(), "no stand-in PDF in a --no-pdf site"
    guide = root / "docs/editors.md"
    guide.write_text(guide.read_text("utf-8") + "\n[A missing page](nowhere.md)\n", "utf-8")
    broken_line = len(guide.read_text("utf-8").splitlines())
    failed = build(root, pdf=False)
    assert not failed.ok
    said = "\n".join(failed.lines).splitlines()
    said = said[said.index(f"{RENDERERS[renderer].label} failed:"):]  # after the sources' warnings
    # Where the broken link is: MkDocs names the page and the link, Zensical the line.
    assert any("'editors.md' contains a link 'nowhere.md'" in line
               or line == f"docs/editors.md:{broken_line}: warning: page does not exist"
               for line in said), said
    assert said[-1] == "Aborted: docs/ and site/ are unchanged."
    assert not any(line.startswith(("Traceback", "  File ")) or "\x1b[" in line
                   for line in said), said
    assert tree(root / "site") == good
