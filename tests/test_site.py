"""The generated pages: clusters on the seeds, stable addresses, escaping, what a second build
writes, and the site MkDocs makes of them. (Golden pages: test_cases.py.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from dossiers import CASES, SEEDS, dossier_of, pages_of, run_command, tree

from build_dossier.build import build

ROOT = SEEDS.parent
SMALL = CASES / "small"


def test_pages_are_at_the_documented_addresses():
    pages = pages_of(ROOT)
    for uri in ("index.md", "chronology.md", "quotes.md", "sources/index.md",
                "events/index.md", "people/index.md", "dossier.json"):
        assert uri in pages
    for source in (ROOT / "sources").glob("*.md"):
        assert f"sources/{source.stem}.md" in pages
    assert "events/2022-01-12-nato-russia-council.md" in pages
    assert "people/jens-stoltenberg.md" in pages


def test_seed_quotes_carried_by_several_sources_are_clustered_with_their_variants():
    dossier = dossier_of(ROOT)
    multi = [c for c in dossier.clusters if len(c.source_ids) > 1]
    texts = {c.text[:40]: c for c in multi}
    assert any(t.startswith("We are always ready to listen") for t in texts)
    assert any(t.startswith("NATO will engage in dialogue") for t in texts)
    aggressive = next(c for c in multi if c.text.startswith("Russia’s aggressive actions"))
    assert len(aggressive.variants) == 2
    assert aggressive.speaker == "jens-stoltenberg"
    # Each occurrence is in exactly one cluster.
    every = [(q.source_id, q.index) for c in dossier.clusters for q in c.quotes]
    assert len(every) == len(set(every)) == sum(len(s.quotes) for s in dossier.sources.values())
    quotes_page = pages_of(ROOT)["quotes.md"]
    block = quotes_page[quotes_page.index(aggressive.anchor):]
    block = block[:block.index("</div>")]
    assert "<ins" in block or "<del" in block


def test_the_same_words_said_on_different_occasions_stay_separate():
    dossier = dossier_of(SMALL)
    lovelace = [c for c in dossier.clusters if c.speaker == "ada-lovelace"]
    assert len(lovelace) == 2
    assert {c.event for c in lovelace} == {"1843-03-01-summit", "1843-03-10-vote"}
    summit = next(c for c in lovelace if c.event == "1843-03-01-summit")
    assert summit.source_ids == ("1843-03-02-gazette", "1843-03-03-courier")
    assert [v.text.split()[2] for v in summit.variants] == ["will", "would"]


def ids_in(text: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', text)) | set(re.findall(r"\{ #([^ }]+)", text))


def test_adding_a_source_changes_no_existing_address_or_anchor(new_dossier):
    root = new_dossier("small")
    before = pages_of(root)
    (root / "sources/1843-03-04-herald.md").write_text(
        "---\ntitle: Herald\npublished: 1843-03-04\nreports: [1843-03-01-summit]\nquotes:\n"
        "  - text: The engine will weave algebraic patterns\n    speaker: ada-lovelace\n"
        "    event: 1843-03-01-summit\n---\n"
        "Lovelace: “The engine will weave algebraic patterns”, she said.\n", encoding="utf-8")
    after = pages_of(root)
    # A statement whose anchor the new source changed is still served at its old address.
    moved = {f"quotes/{uri[len('quotes/'):-3]}/index.html": uri for uri in before
             if uri.startswith("quotes/") and uri not in after}
    assert set(before) - set(moved.values()) <= set(after)
    assert set(moved) <= set(after)
    for uri, text in before.items():
        if uri.endswith(".md") and uri not in moved.values():
            assert ids_in(text) <= ids_in(after[uri]), uri
    for redirect in moved:
        target = re.search(r'url=\.\./([a-z0-9-]+)/#', after[redirect])
        assert target and f"quotes/{target[1]}.md" in after, redirect
    # The new occurrence joined the existing cluster rather than making a new one.
    assert "sources/1843-03-04-herald.md#" in after["quotes.md"]
    assert after["quotes.md"].count('class="dossier-anchor"') >= \
        before["quotes.md"].count('class="dossier-anchor"')


def test_summaries_link_known_people_and_events():
    page = pages_of(SMALL)["sources/index.md"]
    assert "[Lovelace](../people/ada-lovelace.md)" in page
    assert "[Engine summit](../events/1843-03-01-summit.md)" in page
    assert "[Parliament vote on the engine](../events/1843-03-10-vote.md)" in page


def test_a_name_two_events_share_links_to_the_one_its_source_reports(new_dossier):
    root = new_dossier("small")
    with open(root / "sources/events.yml", "a", encoding="utf-8") as events:
        events.write('1843-06-01-summit:\n  title: "Engine summit"\n  date: 1843-06-01\n')
    pages = pages_of(root)
    # The Gazette reports the March summit: its summary's "Engine summit" is that one.
    gazette = pages["sources/1843-03-02-gazette.md"]
    assert "[Engine summit](../events/1843-03-01-summit.md)" in gazette
    assert "1843-06-01-summit" not in gazette.split("## Full text")[0].split("## Events")[0]
    # The Review reports neither summit: which one it means is unknown, so no link at all.
    (root / "sources/1843-03-12-review.md").write_text(
        (root / "sources/1843-03-12-review.md").read_text(encoding="utf-8").replace(
            "after the Parliament vote", "after the Engine summit", 1), encoding="utf-8")
    review = pages_of(root)["sources/1843-03-12-review.md"]
    summary = review.split("## Summary")[1].split("##")[0]
    assert "Engine summit" in summary and "summit.md" not in summary


def test_values_from_sources_are_escaped_in_markdown():
    front, page = pages_of(SMALL)["sources/1843-03-03-courier.md"].split("\n---\n", 1)
    assert front.splitlines()[:2] == [
        "---", 'title: "Engine summit: ‹script›alert(1)‹/script› ＆ *stars* | pipes"']
    assert "<script>" not in page
    assert "](javascript:" not in page
    assert "{{" not in page and "*stars*" not in page


def test_dossier_json_holds_the_whole_model():
    data = pages_of(ROOT)["dossier.json"]
    model = json.loads(data)
    # Compact UTF-8 with every character as itself (the seeds' typographic quotes too): the
    # bytes Python's own json writes, whichever library wrote them.
    assert data == json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert "’" in data
    source_ids = {s["id"] for s in model["sources"]}
    event_ids = {e["id"] for e in model["events"]}
    people_ids = {p["id"] for p in model["people"]}
    assert len(source_ids) == 5 and len(event_ids) == 6 and len(people_ids) == 8
    for source in model["sources"]:
        assert {"id", "title", "outlet", "published", "url", "language", "summary", "text",
                "events_reported", "events_announced"} <= set(source)
        assert set(source["events_reported"]) <= event_ids
        assert re.fullmatch(r"\d{4}(-\d\d){0,2}", source["published"])
    for event in model["events"]:
        assert set(event["reported_by"]) <= source_ids
        assert set(event["announced_by"]) <= source_ids
    anchors = [q["id"] for q in model["quotes"]]
    assert len(anchors) == len(set(anchors))
    for quote in model["quotes"]:
        assert quote["speaker"] in people_ids
        assert set(quote["sources"]) <= source_ids
        assert quote["variants"] and all(set(v["sources"]) <= source_ids
                                         for v in quote["variants"])


def test_a_second_build_writes_nothing_and_an_edit_writes_only_what_it_changes(new_dossier):
    root = new_dossier("seeds")
    first = build(root, site=False)
    assert first.ok, first.lines
    again = build(root, site=False)
    assert again.written == [] and again.removed == []
    people = root / "sources/people.yml"
    people.write_text(people.read_text().replace("US Secretary of State", "Secretary of State"))
    edited = build(root, site=False)
    assert "people/antony-blinken.md" in edited.written
    assert "sources/2022-01-07-stoltenberg-nato-prepares-for-the-worst.md" not in edited.written
    assert len(edited.written) < len(first.written) / 2


def test_a_removed_source_takes_its_page_but_never_a_hand_written_one(new_dossier):
    root = new_dossier("small")
    assert build(root, site=False).ok
    note = root / "docs/notes.md"
    note.write_text("# My notes\n")
    (root / "sources/1843-03-12-review.md").unlink()
    result = build(root, site=False)
    assert result.ok, result.lines
    assert "sources/1843-03-12-review.md" in result.removed
    assert not (root / "docs/sources/1843-03-12-review.md").exists()
    assert note.read_text() == "# My notes\n"


def test_a_hand_written_page_at_a_generated_address_is_a_conflict(new_dossier):
    root = new_dossier("small", docs={"sources/1843-03-02-gazette.md": "# Mine\n"})
    mine = root / "docs/sources/1843-03-02-gazette.md"
    result = build(root, site=False)
    assert not result.ok
    assert any(line.startswith("docs/sources/1843-03-02-gazette.md: error: a hand-written file")
               for line in result.lines)
    assert mine.read_text() == "# Mine\n"
    assert not (root / "docs/quotes.md").exists()


def test_a_page_edited_by_hand_after_a_build_is_not_overwritten(new_dossier):
    root = new_dossier("small")
    assert build(root, site=False).ok
    page = root / "docs/quotes.md"
    page.write_text(page.read_text() + "\nMy addition\n")
    (root / "sources/people.yml").write_text(
        (root / "sources/people.yml").read_text().replace("Envoy", "Ambassador"))
    result = build(root, site=False)
    assert not result.ok
    assert any("edited by hand" in line for line in result.lines)
    assert page.read_text().endswith("My addition\n")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h1: list[str] = []
        self.scripts: list[str] = []
        self.hrefs: list[str] = []
        self.fetched: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h1":
            self._in_h1 = True
        if tag == "script":
            self.scripts.append(values.get("src") or "inline")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        elif tag in ("link", "img", "script", "iframe", "source", "video", "audio", "embed"):
            # Anything the browser fetches by itself.
            self.fetched.append(values.get("href") or values.get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1.append(data)


@pytest.mark.slow
def test_the_site_builds_strict_and_self_contained(new_dossier):
    # Byte for byte the same from build to build: see test_determinism.py.
    root = new_dossier("small")
    run = run_command(root, "build", timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    site_one = tree(root / "site")
    for address in ("index.html", "chronology/index.html", "quotes/index.html",
                    "sources/index.html", "sources/1843-03-03-courier/index.html",
                    "events/1843-03-01-summit/index.html", "people/ada-lovelace/index.html",
                    "dossier.json"):
        assert address in site_one, address
    page = _Text()
    page.feed(site_one["sources/1843-03-03-courier/index.html"].decode())
    assert "".join(page.h1).strip().rstrip("¶") == \
        "Engine summit: <script>alert(1)</script> & *stars* | pipes"
    assert "javascript:" not in " ".join(page.hrefs)
    head = site_one["sources/1843-03-03-courier/index.html"].decode()
    # Themes print titles raw into <title>: ours holds no markup characters at all.
    title = head[head.index("<title>") + 7:head.index("</title>")]
    assert title.startswith("Engine summit: ‹script›alert(1)‹/script› ＆ *stars* | pipes")
    for html_page in (k for k in site_one if k.endswith(".html")):
        parser = _Text()
        parser.feed(site_one[html_page].decode())
        outside = [h for h in parser.fetched if h.startswith(("http:", "https:", "//"))]
        assert outside == [], (html_page, outside)
    assert b"fonts.googleapis" not in b"".join(site_one.values())


def test_a_long_list_on_a_person_page_comes_under_a_heading_per_month(tmp_path):
    from bench.generate import write_dossier
    from build_dossier.pages.person import LONG_LIST
    root = tmp_path / "dossier"
    write_dossier(root, 1500, 7)
    assert build(root, site=False).ok
    pages = {path: path.read_text(encoding="utf-8") for path in (root / "docs/people").glob("*.md")}
    counts = {path: text.count("· [quote index]") for path, text in pages.items()}
    longest = max(counts, key=counts.get)
    text = pages[longest]
    assert counts[longest] >= LONG_LIST
    months = re.findall(r"^### (\w+ \d{4}) \{ #quotes-(\d{4})-(\d{2}) \}$", text, re.MULTILINE)
    assert len(months) > 1
    assert [(y, m) for _, y, m in months] == sorted({(y, m) for _, y, m in months})
    # Every statement under a month's heading was made in that month, and none is left out.
    statements = text.split("## Events")[0]
    total = 0
    for title, body in zip(months, re.split(r"^### .*\{ #quotes-.*$", statements, flags=re.M)[1:],
                           strict=True):
        occasions = re.findall(r"^    .*?(\d{1,2} \w+ \d{4}|\w+ \d{4}); in \d+ source", body,
                               re.MULTILINE)
        assert occasions and all(o.endswith(title[0]) for o in occasions), title
        total += len(occasions)
    assert total == counts[longest]
    assert re.search(r"^### \w+ \d{4} \{ #sources-\d{4}-\d{2} \}$", text, re.MULTILINE)
    shortest = min((p for p in counts if counts[p]), key=counts.get)
    assert counts[shortest] < LONG_LIST and "\n### " not in pages[shortest]
