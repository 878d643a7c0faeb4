"""`build-dossier new` on a saved web page, a PDF and a Word file: the same draft as from the
plain text, plus what the file's own metadata states, marked as such."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import docx
import pytest
import typst
import yaml

from build_dossier.cli import main
from build_dossier.load import _Report, split_front_matter

CORPUS = Path(__file__).resolve().parent / "texts" / "corpus"
TEXTS = [CORPUS / "tuned" / "en-news-barnier-2020-10-21.txt",
         CORPUS / "tuned" / "fr-statement-hollande-2016-11-25.txt",
         CORPUS / "tuned" / "ru-news-medinsky-2019-09-01.txt"]


def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    (root / "sources").mkdir(parents=True)
    for name in ("people.yml", "events.yml"):
        shutil.copy(CORPUS / name, root / "sources" / name)
    return root


def drafted(root: Path, file: Path, *extra: str) -> tuple[dict, str]:
    """Run `new` on `file` and return the written source's front matter and text."""
    before = set((root / "sources").glob("*.md"))
    assert main(["new", str(file), "--root", str(root), *extra]) == 0
    (written,) = set((root / "sources").glob("*.md")) - before
    split = split_front_matter(written.read_text(encoding="utf-8"), _Report(written.name, []))
    assert split is not None
    written.unlink()
    return yaml.safe_load(split[0]), split[1]


def quotes_of(meta: dict) -> list[tuple[str, str, str]]:
    return [(q["text"], q["speaker"], q["kind"]) for q in meta.get("quotes") or []]


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: these texts keep one per line, as a Word file or a page would."""
    return [p.strip() for p in text.split("\n") if p.strip()]


def saved_page(text: str) -> str:
    """The text as a web page would carry it: navigation, the article, a footer, metadata."""
    paras = paragraphs(text)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{html.escape(paras[0])} | Example News</title>
<meta property="og:title" content="{html.escape(paras[0])}">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2020-10-21T09:30:00+00:00">
<link rel="canonical" href="https://news.example.org/articles/42">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{html.escape(paras[0])}</h1>{body}</article>
<footer>Copyright Example News. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


@pytest.mark.parametrize("text_path", TEXTS, ids=lambda p: p.stem)
def test_a_word_file_gives_the_draft_of_its_plain_text(tmp_path, text_path):
    root = dossier(tmp_path)
    text = text_path.read_text(encoding="utf-8")
    document = docx.Document()
    for para in paragraphs(text):
        document.add_paragraph(para)
    document.core_properties.title = "A title the file states"
    document.core_properties.author = "Jane Reporter"
    path = tmp_path / "article.docx"
    document.save(str(path))
    plain, _ = drafted(root, text_path, "--id", "plain", "--date", "2020-10-21")
    meta, body = drafted(root, path, "--id", "word", "--date", "2020-10-21")
    assert quotes_of(meta) == quotes_of(plain)
    assert meta["language"] == plain["language"]
    assert paragraphs(body) == paragraphs(text)
    assert meta["title"] == "A title the file states"
    assert meta["author"] == "Jane Reporter"
    assert any("metadata" in note and "author" in note for note in meta["confirm"])


@pytest.mark.parametrize("text_path", TEXTS[:2], ids=lambda p: p.stem)
def test_a_pdf_gives_the_draft_of_its_plain_text(tmp_path, text_path):
    root = dossier(tmp_path)
    text = text_path.read_text(encoding="utf-8")
    path = tmp_path / "article.pdf"
    # Typeset by Typst, the project's own PDF engine; the paragraphs go in as data, not markup.
    (tmp_path / "paras.json").write_text(json.dumps(paragraphs(text)), encoding="utf-8")
    (tmp_path / "article.typ").write_text(
        '#for p in json("paras.json") [#p #parbreak()]\n', encoding="utf-8")
    typst.compile(str(tmp_path / "article.typ"), output=str(path))
    plain, _ = drafted(root, text_path, "--id", "plain", "--date", "2020-10-21")
    meta, body = drafted(root, path, "--id", "pdf", "--date", "2020-10-21")

    def spaced(quotes):  # a PDF's text gives a no-break space back as a plain one
        return [(" ".join(text.split()), *rest) for text, *rest in quotes]

    assert spaced(quotes_of(meta)) == spaced(quotes_of(plain))
    assert " ".join(body.split()) == " ".join(text.split())


def test_a_saved_page_gives_the_article_and_the_metadata_it_states(tmp_path):
    root = dossier(tmp_path)
    text_path = TEXTS[0]
    text = text_path.read_text(encoding="utf-8")
    path = tmp_path / "article.html"
    path.write_text(saved_page(text), encoding="utf-8")
    plain, _ = drafted(root, text_path, "--id", "plain", "--date", "2020-10-21")
    meta, body = drafted(root, path, "--id", "page")
    assert quotes_of(meta) == quotes_of(plain)
    assert paragraphs(body) == paragraphs(text)  # headline and article, without the rest
    assert "Home" not in body and "Copyright" not in body
    assert meta["title"] == paragraphs(text)[0]
    assert meta["published"] == "2020-10-21"
    assert meta["outlet"] == "Example News"
    assert meta["url"] == "https://news.example.org/articles/42"
    assert meta["author"] == "Jane Reporter"
    notes = " ".join(meta["confirm"])
    assert "published: 2020-10-21, as the file's own metadata states" in notes
    assert "outlet, url, author: as the file's own metadata states" in notes


def test_the_kind_of_file_is_read_from_its_bytes_not_its_name(tmp_path):
    root = dossier(tmp_path)
    document = docx.Document()
    document.add_paragraph("Minister says talks will go on")
    document.add_paragraph("“We will keep talking,” Sergey Lavrov said on 3 March 2019.")
    misnamed = tmp_path / "article.txt"
    document.save(str(misnamed))
    meta, body = drafted(root, misnamed)
    assert body.startswith("Minister says talks will go on")
    assert meta["quotes"][0]["speaker"] == "sergey-lavrov"
