"""The chronology in print: the PDF made at build time and the briefing packs of
`build-dossier print` (Typst, read back with pdftotext, pdfinfo and pikepdf), and the chronology
page printed from Chromium with the print stylesheet.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
import yaml
from dossiers import make_dossier, serve

from build_dossier import cli, pdf
from build_dossier.build import build, load_and_check
from build_dossier.link import link
from build_dossier.model import Dossier, QuoteKind
from build_dossier.pdf import chronology_data, content, render, write_pdf
from build_dossier.pdf.content import printable

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests/cases/small"
HOSTILE = ROOT / "tests/hostile"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHROME_TEXT = ("Skip to content", "Table of contents", "Search", "Overview", "Dark mode",
               "Made with")
"""Header, navigation, search and footer text of the site, which no printout may carry."""
SEED_LATEST = 1641945600
"""12 January 2022, the latest seed source, as Unix time."""


def dossier_of(root: Path) -> Dossier:
    checked = load_and_check(root)
    assert checked.ok, checked.problems
    return link(checked.loaded, checked.title)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def body_text(path: Path) -> str:
    """The pages' text without their running header and page number, so that a quote across
    a page break reads as one."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "62", "-W", "595",
                           "-H", "722", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def one_line(text: str) -> str:
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Without any white space (lines wrap where the layout wants, inside a value too), and
    composed: pdftotext may give an accented letter as two characters."""
    return unicodedata.normalize("NFC", "".join(text.split()))


def outline(path: Path) -> list[tuple[str, list[str]]]:
    with pikepdf.open(path) as doc, doc.open_outline() as tree:
        return [(item.title, [child.title for child in item.children]) for item in tree.root]


def pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dossier, Path]:
    d = dossier_of(ROOT)
    path = tmp_path_factory.mktemp("pdf") / "chronology.pdf"
    write_pdf(d, path)
    return d, path


@pytest.fixture(scope="module")
def seed_parts_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dossier, Path]:
    """The seeds laid out in several parts and joined, as a large dossier is."""
    d = dossier_of(ROOT)
    path = tmp_path_factory.mktemp("parts") / "chronology.pdf"
    made = render(chronology_data(d), path, SEED_LATEST, part_chars=3000)
    assert made.parts >= 4
    return d, path


def test_values_reach_the_typesetter_as_data_never_as_its_markup():
    data = chronology_data(dossier_of(SMALL))
    titles = [run.get("t", "") for runs in data["sources"] for run in runs]
    assert any("“Engine summit: <script>alert(1)</script> & *stars* | pipes”" in t
               for t in titles)
    assert {"u": "https://example.org/gazette/summit?id=1&x=%282%29",
            "t": "https://example.org/gazette/summit?id=1&x=(2)"} in [
                run for runs in data["sources"] for run in runs]
    template = (ROOT / "build_dossier/pdf/chronology.typ").read_text(encoding="utf-8")
    assert "eval(" not in template, "a value must never be run as Typst code"


def test_controls_and_direction_overrides_are_dropped_and_the_rest_kept():
    spoofed = "Invoice \u202egpj.exe\u202c and \u2066isolate"
    assert printable(spoofed) == "Invoice gpj.exe and isolate"
    assert printable("C1 \x80 *em* <b>") == "C1  *em* <b>"


def test_the_site_pdf_has_no_clock_in_it(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    d = dossier_of(ROOT)
    data = chronology_data(d)
    assert data == chronology_data(d)
    version = content.dossier_version(d)
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert data["made"] == (f"Made from dossier version {version} (sources up to "
                            "c. 12 January 2022).")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert chronology_data(d)["made"].startswith("Made on 14 November 2023 from dossier version")


def test_the_dossier_version_follows_the_sources(tmp_path):
    root = make_dossier(tmp_path, "small")
    before = content.dossier_version(dossier_of(root))
    assert content.dossier_version(dossier_of(root)) == before
    path = root / "sources/1843-03-12-review.md"
    path.write_text(path.read_text().replace("After the vote", "After the votes"))
    assert content.dossier_version(dossier_of(root)) != before


def test_the_pdf_has_every_event_in_date_order_with_full_citations(seed_pdf):
    d, path = seed_pdf
    pages = pdf_text(path).split("\f")
    # The title page carries the timeline, whose labels repeat the titles: read after it.
    title_page, body = one_line(pages[0]), one_line(" ".join(pages[1:]))
    assert d.title in title_page
    assert "16 December 2021 – 12 January 2022" in title_page
    assert "6 events from 5 sources" in title_page
    assert f"dossier version {content.dossier_version(d)}" in title_page
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
    # The seeds record no outlet, author or address: the citations say so, never a blank.
    for missing in ("Outlet not recorded; author not recorded;", "Address not recorded.",
                    "Credit line not recorded."):
        assert missing in body


def test_recorded_provenance_is_printed_in_full(tmp_path):
    root = make_dossier(tmp_path, "small")
    path = root / "sources/1843-03-02-gazette.md"
    path.write_text(path.read_text().replace('outlet: "The Gazette"',
                                             'outlet: "The Gazette"\nauthor: "A. Reporter"\n'
                                             'credit: "© The Gazette 1843"'))
    out = tmp_path / "small.pdf"
    write_pdf(dossier_of(root), out)
    text = one_line(pdf_text(out))
    assert ("The Gazette; by A. Reporter; 2 March 1843. “Summit ends with a promise”. "
            "https://example.org/gazette/summit?id=1&x=(2). Credit: © The Gazette 1843.") in text


def test_each_kind_reads_as_what_it_is(seed_pdf):
    d, path = seed_pdf
    text = one_line(body_text(path))
    kinds = {kind: [q for s in d.sources.values() for q in s.quotes if q.kind is kind]
             for kind in QuoteKind}
    assert all(kinds.values()), "the seeds carry every kind"
    for quote in (q for q in kinds[QuoteKind.PARAPHRASE] if q.event):  # dated ones are not here
        words = one_line(quote.text)
        assert words in text, words
        assert f"“{words}" not in text, f"a paraphrase in quotation marks: {words!r}"
        source = d.sources[quote.source_id]
        # Who reports it: the outlet, or the source's title where no outlet is recorded.
        reporter = source.outlet or f"“{one_line(source.title)}”"
        assert f"(paraphrased by {reporter} " in text
    for quote in (q for q in kinds[QuoteKind.DIRECT] if q.event):
        # One wording per variant: the same words, in the punctuation of the first to carry it.
        cluster = d.cluster(d.cluster_of[(quote.source_id, quote.index)])
        wording = next(v.text for v in cluster.variants if quote in v.quotes)
        assert f"“{one_line(wording)}”" in text
    assert "Official statement by NATO [1]: We are gravely concerned" in text


def test_quotes_at_an_event_come_in_the_order_they_were_said(tmp_path):
    root = make_dossier(tmp_path, "small")
    (root / "sources/1843-03-05-minutes.md").write_text(
        "---\ntitle: Minutes\npublished: 1843-03-05\nreports: [1843-03-01-summit]\nquotes:\n"
        "  - {text: 'Mangoes come third.', speaker: ada-lovelace, event: 1843-03-01-summit}\n"
        "  - {text: 'Zebras come first.', speaker: ada-lovelace, event: 1843-03-01-summit}\n"
        "  - {text: 'Apples come second.', speaker: ada-lovelace, event: 1843-03-01-summit}\n"
        "---\nZebras come first. Apples come second. Mangoes come third.\n")
    out = tmp_path / "order.pdf"
    write_pdf(dossier_of(root), out)
    text = one_line(pdf_text(out))
    said = [text.find(f"“{words}”") for words in
            ("Zebras come first.", "Apples come second.", "Mangoes come third.")]
    assert -1 not in said and said == sorted(said), said


def test_an_event_only_announced_says_so(seed_pdf):
    d, path = seed_pdf
    text = one_line(pdf_text(path))
    announced_only = [e for e in d.events if not d.reported_by.get(e)]
    assert announced_only
    assert "Announced by 1 source [2]; not yet reported by any source." in text
    assert "Reported by 0" not in text and "(0 sources)" not in text


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


def test_the_pdf_is_tagged_with_a_bookmark_per_month_and_dated_by_its_sources(seed_pdf):
    _, path = seed_pdf
    marks = outline(path)
    assert [title for title, _ in marks][1:] == ["December 2021", "January 2022", "Sources"]
    assert "NATO-Russia Council meeting in Brussels" in dict(marks)["January 2022"]
    info = pdfinfo(path)
    assert re.search(r"Tagged:\s+yes", info), info
    assert re.search(r"CreationDate:\s+Wed Jan 12 00:00:00 2022", info), info
    with pikepdf.open(path) as doc:
        assert "pdfuaid" in doc.open_metadata(set_pikepdf_as_editor=False).__str__()
        assert "/StructTreeRoot" in doc.Root


def test_the_same_sources_give_the_same_pdf(seed_pdf, seed_parts_pdf, tmp_path):
    d, path = seed_pdf
    again = tmp_path / "again.pdf"
    write_pdf(d, again)
    assert again.read_bytes() == path.read_bytes()
    _, parts = seed_parts_pdf
    render(chronology_data(d), again, SEED_LATEST, part_chars=3000)
    assert again.read_bytes() == parts.read_bytes()


def test_a_pdf_laid_out_in_parts_reads_as_one(seed_pdf, seed_parts_pdf):
    _, whole = seed_pdf
    d, joined = seed_parts_pdf
    pages = [p for p in pdf_text(joined).split("\f") if p.strip()]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    text = one_line(pdf_text(joined)).replace(" (continued)", "")
    for event in d.events.values():
        assert one_line(event.title) in text
    for source in d.sources.values():
        assert f"“{one_line(source.title)}”" in text
    # The same bookmarks as the PDF laid out at once: months, their events, the sources.
    assert outline(joined) == outline(whole)
    assert re.search(r"Tagged:\s+yes", pdfinfo(joined))
    with pikepdf.open(joined) as doc:
        tree = doc.Root.StructTreeRoot
        assert len(tree.K.K) > len(pages)
        keys = {int(page.obj.StructParents) for page in doc.pages}
        assert len(keys) == len(pages), "each page keeps its own place in the structure tree"


def test_a_glyph_no_font_has_still_gives_a_tagged_pdf(tmp_path):
    d = dossier_of(SMALL)
    event = next(iter(d.events.values()))
    odd = replace(d, events={**d.events, event.id: replace(event, title="Sign \U00013000 here")})
    made = write_pdf(odd, tmp_path / "odd.pdf")
    assert made.standard == "tagged"
    assert "could not be displayed" in made.note
    assert re.search(r"Tagged:\s+yes", pdfinfo(tmp_path / "odd.pdf"))
    assert "Sign" in pdf_text(tmp_path / "odd.pdf")


def test_a_bad_source_date_epoch_is_an_error_not_a_traceback(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code = cli.main(["print", "--root", str(ROOT), "-o", str(tmp_path / "x.pdf")])
    assert code == 1
    assert capsys.readouterr().out == ("PDF failed: SOURCE_DATE_EPOCH is 'yesterday'; expected a "
                                       "whole number of seconds since 1970\n")
    assert not (tmp_path / "x.pdf").exists()


@pytest.fixture(scope="module")
def hostile_dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    cases = yaml.safe_load((HOSTILE / "cases.yml").read_text(encoding="utf-8"))
    root = tmp_path_factory.mktemp("hostile")
    (root / "sources").mkdir()
    for registry in (HOSTILE / "base").iterdir():
        shutil.copyfile(registry, root / "sources" / registry.name)
    for name, case in cases.items():
        if "safe" in case:
            shutil.copyfile(HOSTILE / name, root / "sources" / name)
    return dossier_of(root)


def test_hostile_values_print_as_text(hostile_dossier, tmp_path):
    out = tmp_path / "hostile.pdf"
    write_pdf(hostile_dossier, out)
    text = squeezed(body_text(out))
    values = [hostile_dossier.title]
    for source in hostile_dossier.sources.values():
        values += [source.title, source.outlet, source.credit, source.url,
                   *(q.text for q in source.quotes if q.event)]  # the PDF has events' quotes
    for event in hostile_dossier.events.values():
        values += [event.title, event.place, event.description]
    values += [p.name for p in hostile_dossier.people.values()
               if any(q.speaker == p.id for s in hostile_dossier.sources.values()
                      for q in s.quotes)]
    values = [v for v in values if v]
    assert any("<script>" in v for v in values) and any("{{" in v for v in values)
    for value in values:
        # A flag is two regional indicators that no font here draws as one glyph: what the
        # PDF's text then keeps of it is the engine's affair (test_a_glyph_no_font_has_...);
        # every other character must be there as written.
        shown = "".join(ch for ch in printable(value) if not "\U0001f1e6" <= ch <= "\U0001f1ff")
        kept = "".join(ch for ch in text if not "\U0001f1e6" <= ch <= "\U0001f1ff")
        assert squeezed(shown) in kept, value


def test_a_briefing_pack_holds_just_its_part(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    d = dossier_of(ROOT)
    out = tmp_path / "pack.pdf"
    code = cli.main(["print", "--root", str(ROOT), "--person", "Stoltenberg", "--from",
                     "2022-01-08", "--to", "2022-01", "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert re.fullmatch(r"Wrote .*pack\.pdf: 1 event, \d+ sources, \d+ statements on \d+ pages? "
                        r"\(PDF/UA-1\)\.\n", printed)
    pages = pdf_text(out).split("\f")
    text = one_line(" ".join(pages[1:]))
    title_page = one_line(pages[0])
    assert "BRIEFING PACK" in title_page
    assert "Period: 8 January 2022 – January 2022" in title_page
    assert "People: Jens Stoltenberg" in title_page
    assert "Made on 14 November 2023, 22:13 UTC from dossier version" in title_page
    assert "NATO-Russia Council meeting in Brussels" in text
    for event in d.events.values():
        if event.id != "2022-01-12-nato-russia-council":
            assert one_line(event.title) not in text, event.title
    others = [q.text for s in d.sources.values() for q in s.quotes
              if q.speaker != "jens-stoltenberg" and q.event == "2022-01-12-nato-russia-council"]
    assert others and not any(one_line(q) in text for q in others), "only his statements"


def test_a_pack_by_tag_and_event_combines_them(tmp_path, capsys):
    out = tmp_path / "tagged.pdf"
    code = cli.main(["print", "--root", str(ROOT), "--tag", "us-russia-talks",
                     "--event", "2022-01-10-us-russia-talks-geneva", "-o", str(out)])
    assert code == 0, capsys.readouterr().out
    text = one_line(pdf_text(out))
    assert "US-Russia talks in Geneva" in text
    assert "NATO-Russia Council meeting in Brussels" not in text.split("Sources")[0]


def test_a_pack_that_cannot_be_made_says_why_and_writes_nothing(tmp_path, capsys):
    root = make_dossier(tmp_path, "seeds")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code = cli.main(["print", "--root", str(root), "--person", "Stoltenbreg", "--event",
                     "2022-01-12-nrc", "--tag", "ukrane", "--from", "2022-13"])
    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        "error: --from: '2022-13' has no month 13; months run from 01 to 12",
        "error: --person: unknown person 'Stoltenbreg' (did you mean 'Jens Stoltenberg'?)",
        "error: --event: unknown event '2022-01-12-nrc' (did you mean "
        "'2022-01-12-nato-russia-council'?)",
        "error: --tag: no source is tagged 'ukrane' (did you mean 'ukraine'?)",
        "Aborted: 4 errors; nothing was written.",
    ]
    code = cli.main(["print", "--root", str(root), "--from", "2023-01"])
    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        "error: nothing to print: no event matches the selection (Period: January 2023 – the "
        "latest event) (the dossier's events run 16 December 2021 – 12 January 2022)",
        "Aborted: 1 error; nothing was written.",
    ]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.slow
def test_a_failed_pdf_aborts_the_build_and_leaves_docs_and_site_alone(tmp_path, monkeypatch):
    root = make_dossier(tmp_path, "small")
    assert build(root).ok
    assert (root / "site/chronology.pdf").is_file()
    (root / "sources/1843-03-12-review.md").unlink()
    before = {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
              and "sources" not in p.parts}

    def broken(layout: pdf.Layout, target: Path, progress: object = None) -> None:
        raise pdf.PdfError("no room left on the device")

    monkeypatch.setattr(pdf, "typeset_layout", broken)
    result = build(root)
    assert not result.ok
    assert result.lines[-2:] == ["PDF failed: no room left on the device",
                                 "Aborted: docs/ and site/ are unchanged."]
    after = {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
             and "sources" not in p.parts}
    assert after == before


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_dossier(tmp_path_factory.mktemp("site"), "seeds")
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
