"""The chronology in print: the PDF briefing pack made at build time, and the chronology page
printed from Chromium with the print stylesheet.
"""

from __future__ import annotations

import re
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from dossiers import copy_dossier, serve

from build_dossier import build as pipeline
from build_dossier import pdf
from build_dossier.build import build, load_and_check
from build_dossier.link import link
from build_dossier.model import Dossier
from build_dossier.pdf import chronology_html, write_pdf

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests/cases/small"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHROME_TEXT = ("Skip to content", "Table of contents", "Search", "Overview", "Dark mode",
               "Made with")
"""Header, navigation, search and footer text of the site, which no printout may carry."""


def dossier_of(root: Path) -> Dossier:
    checked = load_and_check(root)
    assert checked.ok, checked.problems
    return link(checked.loaded, checked.title)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def one_line(text: str) -> str:
    return " ".join(text.split())


def pdf_streams(data: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated, to read its outline."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        inflater = zlib.decompressobj()
        try:
            out.append(inflater.decompress(data[match.end():match.end() + 2_000_000]))
        except zlib.error:
            continue
    return b"\n".join(out)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dossier, Path]:
    d = dossier_of(ROOT)
    path = tmp_path_factory.mktemp("pdf") / "chronology.pdf"
    write_pdf(d, path)
    return d, path


def test_the_print_page_escapes_every_value_from_the_sources():
    html = chronology_html(dossier_of(SMALL))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars* | pipes" in html
    assert 'href="https://example.org/gazette/summit?id=1&amp;x=%282%29"' in html


def test_the_print_page_has_no_clock_in_it():
    d = dossier_of(ROOT)
    html = chronology_html(d)
    assert html == chronology_html(d)
    assert '<meta name="dcterms.created" content="2022-01-12">' in html


@pytest.mark.slow
def test_the_pdf_has_every_event_in_date_order_with_its_citations(seed_pdf):
    d, path = seed_pdf
    pages = pdf_text(path).split("\f")
    # The title page carries the timeline, whose labels repeat the titles: read after it.
    title_page, body = one_line(pages[0]), one_line(" ".join(pages[1:]))
    assert d.title in title_page
    assert "16 December 2021 – 12 January 2022" in title_page
    assert "6 events from 5 sources" in title_page
    position = 0
    numbers = {source_id: i for i, source_id in enumerate(d.sources, start=1)}
    events = list(d.events.values())
    for event, following in zip(events, [*events[1:], None], strict=True):
        found = body.find(one_line(event.title), position)
        assert found > position, f"{event.title!r} missing or out of date order"
        end = body.find(one_line(following.title), found) if following else len(body)
        entry = body[found:end]
        for source_id in d.reported_by.get(event.id, ()):
            source = d.sources[source_id]
            assert f"[{numbers[source_id]}]" in entry
            assert f"“{one_line(source.title)}”" in entry, (event.id, source_id)
            assert source.published.human() in entry
        position = found
    assert "EXACT DAY" in body, "every date says how precise it is"


@pytest.mark.slow
def test_the_pdf_has_page_numbers_a_running_header_and_no_site_chrome(seed_pdf):
    d, path = seed_pdf
    pages = [p for p in pdf_text(path).split("\f") if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    for page in pages[1:]:
        assert one_line(d.title) in one_line(page)
    text = "".join(pages)
    for chrome in CHROME_TEXT:
        assert chrome not in text


@pytest.mark.slow
def test_the_pdf_has_a_bookmark_per_month_and_dates_from_the_sources(seed_pdf):
    _, path = seed_pdf
    data = path.read_bytes()
    inflated = pdf_streams(data)
    assert b"/Outlines" in inflated
    for month in (b"December 2021", b"January 2022"):
        assert b"/Title (" + month + b")" in inflated
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"CreationDate:\s+Wed Jan 12 00:00:00 2022", info), info


@pytest.mark.slow
def test_the_same_sources_give_the_same_pdf(seed_pdf, tmp_path):
    d, path = seed_pdf
    again = tmp_path / "again.pdf"
    write_pdf(d, again)
    assert again.read_bytes() == path.read_bytes()


@pytest.mark.slow
def test_a_failed_pdf_aborts_the_build_and_leaves_docs_and_site_alone(tmp_path, monkeypatch):
    root = copy_dossier(SMALL, tmp_path)
    assert build(root).ok
    assert (root / "site/chronology.pdf").is_file()
    (root / "sources/1843-03-12-review.md").unlink()
    before = {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
              and "sources" not in p.parts}

    def broken(dossier: Dossier, target: Path) -> None:
        raise pdf.PdfError("no room left on the device")

    monkeypatch.setattr(pipeline.pdf_stage, "write_pdf", broken)
    result = build(root)
    assert not result.ok
    assert result.lines[-2:] == ["PDF failed: no room left on the device",
                                 "Aborted: docs/ and site/ are unchanged."]
    after = {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
             and "sources" not in p.parts}
    assert after == before


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_dossier(ROOT, tmp_path_factory.mktemp("site"))
    result = build(root)
    assert result.ok, result.lines
    with serve(root / "site") as url:
        yield url.rstrip("/")


@pytest.mark.slow
@pytest.mark.browser
def test_chromium_prints_the_chronology_without_header_or_navigation(served_site, tmp_path):
    from playwright.sync_api import sync_playwright

    d = dossier_of(ROOT)
    printed = tmp_path / "printed.pdf"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        page.goto(f"{served_site}/chronology/")
        pdf_link = page.eval_on_selector("a.dossier-pdf-link", "a => a.href")
        assert page.request.get(pdf_link).headers["content-type"] == "application/pdf"
        page.pdf(path=str(printed), format="A4")
        browser.close()
    pages = [p for p in pdf_text(printed).split("\f") if p.strip()]
    text = one_line(" ".join(pages))
    position = 0
    for event in d.events.values():
        heading = one_line(f"{event.date.human()}: {event.title}")
        found = text.find(heading, position)
        assert found >= position, f"{heading!r} missing or out of order"
        position = found
    for chrome in (*CHROME_TEXT, "Chronology Quotes Sources Events People",
                   "The chronology as a PDF", "Event page"):
        assert chrome not in text
    assert f"Page 1 of {len(pages)}" in pages[0], "Chromium prints @page margin boxes"
