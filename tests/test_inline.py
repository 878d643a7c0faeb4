"""The inline step the MkDocs hook adds (`mkdocs_inline`): every page converts to the very HTML
Python-Markdown's own step gives, and any pattern not Python-Markdown's own turns the skipping off.

`make test` runs a fixed set of examples; FUZZ_EXAMPLES=5000 draws more (see `test_fuzz.py`).
"""

from pathlib import Path

import markdown
import pytest
from dossiers import make_dossier
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bench.generate import write_dossier
from build_dossier.cli import build

EXTENSIONS = ["attr_list", "md_in_html", "toc"]
"""As in mkdocs.yml."""
SKIPPING = "build_dossier.mkdocs_inline"
"""The extension by name, as the hook adds it to the config."""
ROOT = Path(__file__).resolve().parent.parent
PIECES = st.sampled_from([
    "[", "]", "(", ")", "![", "](", "](../people/a.md)", "[a](b.md#c)", "[x]: http://e.org", "`",
    "``", "\\", "\\[", "\\*", "*", "**", "_", "__", "<", ">", "<b>", "</b>", "<span class=\"a\">",
    "<!-- c -->", "<http://e.org>", "<a@b.org>", "&amp;", "&#123;", "&x", ";", "  \n", "\n",
    "\n\n", "# ", "- ", "1. ", "    ", "{ #id .c }", "<div markdown>\n\n", "\n\n</div>\n", "“",
    "”", "«", "a", "word ", "Jens Stoltenberg", " said", "é", "\u2028", "\x02", "\x03",
    "klzzwxh:0", "wzxhzdk:1",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def convert(text: str, extensions: list[str]) -> str:
    return str(markdown.Markdown(extensions=extensions).convert(text))


def test_the_skipping_is_on_for_the_markdown_installed():
    md = markdown.Markdown(extensions=[*EXTENSIONS, SKIPPING])
    md.convert("a [link](b.md)")
    assert md.treeprocessors["inline"].openers is not None, (
        "Python-Markdown's inline loop or patterns changed: check mkdocs_inline against it and "
        "update STOCK_LOOP")


@settings(max_examples=300)
@given(TEXTS)
@example("A [link *with* `code`](../a.md) and **bold** &amp; <b>html</b>  \nnext")
@example("*a [b*](c.md) d*")
@example("\\[not a link] and ![img](x.png) <http://e.org> <a@b.org>")
def test_every_text_converts_to_the_same_html(text):
    assert convert(text, [*EXTENSIONS, SKIPPING]) == convert(text, EXTENSIONS)


@pytest.mark.slow
@pytest.mark.parametrize("dossier", ["generated", "seeds"])
def test_generated_pages_convert_to_the_same_html(tmp_path, dossier):
    if dossier == "seeds":
        root = make_dossier(tmp_path, "seeds")
    else:
        root = tmp_path / "dossier"
        write_dossier(root, 40, 11, mkdocs_yml=ROOT / "mkdocs.yml")
    assert build(root, site=False).ok
    pages = sorted((root / "docs").rglob("*.md"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert convert(text, [*EXTENSIONS, SKIPPING]) == convert(text, EXTENSIONS), page


def test_another_extensions_pattern_turns_the_skipping_off():
    text = "a ~~struck~~ [link](b.md) word"
    md = markdown.Markdown(extensions=[*EXTENSIONS, "pymdownx.tilde", SKIPPING])
    html = md.convert(text)
    assert md.treeprocessors["inline"].openers is None
    assert "<del>struck</del>" in html
    assert html == convert(text, [*EXTENSIONS, "pymdownx.tilde"])

