"""The hostile corpus (tests/hostile/): every bad or strange source gets its exact outcome, in
bounded time, without a traceback and without a file written outside docs/ and site/; the
hostile-but-valid ones build into a site whose HTML carries none of their text as markup.
"""

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from dossiers import UNRECORDED, make_dossier, progress_only, run_command, tree

from build_dossier import cli

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES: dict[str, dict[str, list[str]]] = yaml.safe_load(
    (HOSTILE / "cases.yml").read_text(encoding="utf-8"))
SAFE = sorted(name for name, case in CASES.items() if "safe" in case)
TIMEOUT = 60
"""Seconds any one build may take, whatever the input."""


def dossier(tmp: Path, *cases: str) -> Path:
    """A tmp repository with the corpus's base registries, the site configuration and the
    hand-written pages it names, and the `cases` in sources/."""
    return make_dossier(tmp, HOSTILE / "base", {target(name): HOSTILE / name for name in cases})


SECRET = "The launch codes 4417"
"""What a file outside the dossier holds: words no page, guide or message of ours contains, so
that finding them anywhere published can only mean the outside file was read."""


def target(name: str) -> str:
    """Where a case file goes: `x-people.yml` replaces the people registry."""
    for registry in ("people.yml", "events.yml"):
        if name.endswith("-" + registry):
            return registry
    return name


def outside_output(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not k.startswith(("docs/", "site/"))}


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`build-dossier build --no-site` (or `args`) on `root`, checked for sane behaviour."""
    before = outside_output(tree(root))
    result = run_command(root, *args, timeout=TIMEOUT)
    # Only progress, one plain line per stage (piped), may go to stderr.
    assert progress_only(result.stderr), result.stderr
    assert result.returncode in (0, 1)
    assert outside_output(tree(root)) == before, "a file was written outside docs/ and site/"
    return result


def problem_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return reported(result.stdout)


def reported(out: str) -> list[str]:
    """The problem lines a build printed, less the summary and the warnings that a case's
    outlet, address and author are not recorded (no case records them; test_check tests them)."""
    return [line for line in out.splitlines()
            if not line.startswith(("Aborted:", "Built ")) and not UNRECORDED.search(line)]


def test_the_corpus_is_large_and_every_file_has_an_expectation():
    files = {p.name for p in HOSTILE.iterdir() if p.is_file() and p.suffix in (".md", ".yml")}
    files.discard("cases.yml")
    assert files == set(CASES)
    assert len(CASES) + len(GENERATED) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_has_its_exact_outcome(tmp_path, capsys, name):
    # In-process for speed: an exception fails the test just as a traceback would.
    root = dossier(tmp_path, name)
    before = tree(root)
    code = cli.main(["build", "--no-site", "--root", str(root)])
    out, err = capsys.readouterr()
    case = CASES[name]
    assert reported(out) == case.get("problems", [])
    assert progress_only(err), err
    assert code == (0 if "safe" in case else 1)
    after = tree(root)
    assert outside_output(after) == outside_output(before)
    if "safe" in case:
        assert f"docs/sources/{name}" in after
    else:
        assert after == before


def _huge(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("---\ntitle: T\npublished: 2022\n---\n")
        line = "word " * 20 + "\n"
        out.write(line * (50 * 1024 * 1024 // len(line) + 1))


def _many_quotes(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("---\ntitle: T\npublished: 2022\nquotes:\n")
        out.write("  - {text: a, speaker: x, date: 2022}\n" * 100_000)
        out.write("---\na\n")


def _missing_quotes(path: Path) -> None:
    # Each quote not found costs a search for the closest passage through a long text.
    words = ["alpha", "beta", "gamma", "delta", "nato", "talks"]
    body = " ".join(words[(i * 7 + i // 5) % 6] for i in range(60_000))
    with path.open("w", encoding="utf-8") as out:
        out.write("---\ntitle: T\npublished: 2022\nquotes:\n")
        for i in range(2000):
            out.write(f"  - {{text: 'zeta {i} alpha beta gamma delta nato talks omega', "
                      "speaker: jens-stoltenberg, date: 2022}\n")
        out.write("---\n" + body + "\n")


def _deep_flow(path: Path) -> None:
    path.write_text("---\ntitle: T\npublished: 2022\nx: " + "[" * 100_000 + "]" * 100_000
                    + "\n---\ntext\n", encoding="utf-8")


def _long_line(path: Path) -> None:
    path.write_text("---\ntitle: '" + "<script>" * 500_000 + "'\npublished: 2022\n---\ntext\n",
                    encoding="utf-8")


GENERATED = {
    "huge-50mb.md": (_huge, [
        "sources/huge-50mb.md: error: file is 50.0 MB; sources are limited to 5 MB"]),
    "quotes-100000.md": (_many_quotes, [
        "sources/quotes-100000.md:4: error: quotes: 100000 quotes; a source may carry at most "
        "2000"]),
    "deep-flow-100000.md": (_deep_flow, [
        "sources/deep-flow-100000.md:4: error: nested more than 32 levels deep"]),
    "long-title.md": (_long_line, None),
    "missing-quotes-2000.md": (_missing_quotes, None),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_huge_case_is_refused_in_bounded_time(tmp_path, name):
    root = dossier(tmp_path)
    make, expected = GENERATED[name]
    make(root / "sources" / name)
    result = run(root, "check")
    lines = problem_lines(result)
    if expected is not None:
        assert lines == expected
    elif name == "long-title.md":
        assert result.returncode == 0
    else:
        assert len(lines) == 2000
        assert lines[0].startswith(f"sources/{name}:5: error: quotes[0].text: \"zeta 0 alpha")
        assert sum("closest passage" in line for line in lines) == 5


REFUSED = ("error: is a symbolic link; build-dossier never follows links (a link can lead "
           "anywhere on the machine): put the file itself here")


@pytest.mark.parametrize("name", ["sources/secret.md", "sources/people.yml",
                                  "sources/events.yml", "sources/dossier.yml"])
@pytest.mark.parametrize("to", ["outside", "inside", "nowhere"])
def test_a_link_to_any_file_the_build_reads_is_refused_never_followed(tmp_path, name, to):
    # One rule for every file: wherever a link leads (out of the repository, to a file inside
    # it, or nowhere), it is refused with its name, and what it leads to is never read.
    root = dossier(tmp_path / "repo")
    content = {"sources/secret.md": f"---\ntitle: Secret\npublished: 2022\n---\n{SECRET}.\n",
               "sources/people.yml": f"eve:\n  name: {SECRET}\n",
               "sources/events.yml": f"e:\n  title: {SECRET}\n  date: 2022\n",
               "sources/dossier.yml": f"title: {SECRET}\n"}[name]
    target = {"outside": tmp_path / "secret", "inside": root / "notes" / "secret",
              "nowhere": tmp_path / "missing"}[to]
    if to != "nowhere":
        target.parent.mkdir(exist_ok=True)
        target.write_text(content)
    (root / name).unlink(missing_ok=True)
    (root / name).symlink_to(target)
    for command in ("check", "build"):
        result = run(root, command, *(["--no-site"] if command == "build" else []))
        assert result.returncode == 1, result.stdout
        assert f"{name}: {REFUSED}" in problem_lines(result)
        assert SECRET not in result.stdout
    assert not (root / "docs/sources/secret.md").exists()


def test_a_dangling_link_in_sources_is_reported_and_its_page_kept(tmp_path):
    root = dossier(tmp_path)
    (root / "sources/a.md").write_text("---\ntitle: Kept\npublished: 2022-01-12\n---\nText.\n")
    assert run(root).returncode == 0
    (root / "sources/a.md").rename(tmp_path / "moved.md")
    (root / "sources/a.md").symlink_to(tmp_path / "gone.md")
    before = tree(root / "docs")
    for command in (("check",), ("build", "--no-site")):
        result = run(root, *command)
        assert result.returncode == 1
        assert problem_lines(result) == [f"sources/a.md: {REFUSED}"]
    assert tree(root / "docs") == before


def test_a_sources_folder_that_is_a_link_is_not_read(tmp_path):
    outside = dossier(tmp_path / "elsewhere") / "sources"
    (outside / "secret.md").write_text("---\ntitle: Secret\npublished: 2022\n---\nCodes.\n")
    root = make_dossier(tmp_path / "repo")
    (root / "sources").rmdir()
    (root / "sources").symlink_to(outside)
    result = run(root)
    assert problem_lines(result) == [
        "sources: error: is a symbolic link; build-dossier never follows links: make it a real "
        "folder",
        "sources/dossier.yml: error: is in a folder that is a symbolic link; build-dossier never "
        "follows links: make the folder a real one"]
    assert "Codes" not in result.stdout


@pytest.mark.parametrize("name", ["docs/notes.md", "docs/notes", "mkdocs.yml"])
def test_a_link_among_the_hand_written_files_is_refused_and_nothing_published(tmp_path, name):
    root = dossier(tmp_path / "repo")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "notes.md").write_text(f"# {SECRET}\n")
    if name == "mkdocs.yml":
        (secret / "mkdocs.yml").write_bytes((root / "mkdocs.yml").read_bytes())
        (root / "mkdocs.yml").unlink()
        (root / name).symlink_to(secret / "mkdocs.yml")
        expected = f"{name}: {REFUSED}"
    else:
        (root / name).symlink_to(secret / "notes.md" if name.endswith(".md") else secret)
        expected = f"{name}: {REFUSED.replace('the file itself', 'the file or folder itself')}"
    result = run(root, "build", "--no-pdf")
    assert result.returncode == 1
    assert expected in result.stdout.splitlines(), result.stdout
    assert not (root / "site").exists()
    assert not any(SECRET in p.read_text(errors="replace")
                   for p in (root / "docs").rglob("*") if p.is_file() and not p.is_symlink())


def test_escape_sequences_in_names_reach_the_terminal_only_as_visible_escapes(tmp_path):
    root = dossier(tmp_path)
    name = "\x1b]0;pwned\x07\x1b[2J\u202e.md"
    (root / "sources" / name).write_text("---\ntitle: T\npublished: 2022\n---\nText.\n")
    for command in (("check",), ("build", "--no-site")):
        result = run(root, *command)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", result.stdout)
        shown = "\\x1b]0;pwned\\x07\\x1b[2J\\u202e"
        assert problem_lines(result) == [
            f"sources/{shown}.md: error: id: the file name gives the id: '{shown}' is not a valid "
            "id; use lowercase letters, digits and hyphens (at most 100, no leading or trailing "
            "hyphen)"]


@pytest.mark.slow
def test_what_mkdocs_says_reaches_the_terminal_only_as_visible_escapes(tmp_path):
    root = dossier(tmp_path)
    (root / "docs/notes.md").write_text("# Notes\n\n[gone](gone\x1b]0;pwned\x07.md)\n")
    result = run(root, "build", "--no-pdf")
    assert result.returncode == 1
    assert "MkDocs failed:" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "gone\\x1b]0;pwned\\x07.md" in result.stdout


def test_a_bidi_control_in_the_dossier_title_never_reaches_the_pdf(tmp_path):
    root = dossier(tmp_path)
    (root / "sources/dossier.yml").write_text('title: "Briefing \\u202egnitsop"\n')
    result = run(root, "build")
    assert result.returncode == 1
    assert problem_lines(result) == [
        "sources/dossier.yml:1: error: the bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) is not "
        "allowed in a value: it shows text in another order than it is written; remove it"]
    assert not (root / "site").exists()


@pytest.mark.parametrize("name", ["bom.md", "crlf.md", "cr-only.md", "bom-error-line.md",
                                  "crlf-error-line.md"])
def test_windows_files_read_as_if_plain(tmp_path, name):
    data = (HOSTILE / name).read_bytes()
    plain = data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    assert plain != data
    outcomes = []
    for variant, content in (("windows", data), ("plain", plain)):
        root = dossier(tmp_path / variant)
        (root / "sources" / name).write_bytes(content)
        result = run(root)
        outcomes.append((result.stdout, tree(root / "docs")))
    assert outcomes[0] == outcomes[1]


# Nothing let through: the safe cases, built together into one site ---------------------------

# The theme's scripts, and the citations' copy button.
_ALLOWED_SCRIPT_SRC = re.compile(
    r"^(/|(\.\./)*)assets/(javascripts/[\w.-]+|build-dossier/citation)\.js$")


class _Page(HTMLParser):
    """What a built page is made of: text, elements with their attributes, comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []
        self.scripts: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in:
            self.scripts.append(data)
        else:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = dossier(tmp_path_factory.mktemp("hostile-site"), *SAFE)
    result = run(root, "build", "--no-pdf")
    assert result.returncode == 0, result.stdout
    return root


@pytest.mark.slow
def test_hostile_site_has_no_markup_from_sources(hostile_site):
    pages = sorted((hostile_site / "site").rglob("*.html"))
    assert len(pages) > len(SAFE)
    for path in pages:
        page = _parse(path)
        where = path.relative_to(hostile_site).as_posix()
        for tag, attrs in page.elements:
            assert tag not in ("iframe", "img", "b", "object", "embed", "style"), (where, tag)
            if tag == "script" and "src" in attrs:
                assert _ALLOWED_SCRIPT_SRC.match(attrs["src"]), (where, attrs)
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name)
                if name in ("href", "src", "action", "style", "srcdoc", "formaction"):
                    assert "alert(" not in value, (where, tag, name, value)
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (where, value)
        assert not any("alert(" in script for script in page.scripts), where
        assert not any(" x " in c or "comment" in c for c in page.comments), where


@pytest.mark.slow
@pytest.mark.parametrize("name", SAFE)
def test_hostile_text_shows_as_text(hostile_site, name):
    page = _parse(hostile_site / "site/sources" / name.removesuffix(".md") / "index.html")
    text = " ".join("".join(page.text).split())
    for expected in CASES[name]["safe"]:
        assert " ".join(expected.split()) in text, expected


@pytest.mark.slow
def test_hostile_registry_values_show_as_text(hostile_site):
    person = _parse(hostile_site / "site/people/mallory/index.html")
    event = _parse(hostile_site / "site/events/2022-01-13-talks/index.html")
    assert "<img src=x onerror=alert(1)> Mallory*" in "".join(person.text)
    assert "<b>bold</b> [role](javascript:alert(1)) {{ 7*7 }}" in "".join(person.text)
    assert "{{ 7*7 }} <script>alert(2)</script> talks | a * b" in "".join(event.text)
    assert "{% raw %}x{% endraw %} <!-- comment --> [click](javascript:alert(3))" in "".join(
        event.text)
    home = _parse(hostile_site / "site/index.html")
    title = "Hostile dossier \U0001F1FA\U0001F1E6 <script>alert('title')</script> {{ 1+1 }}"
    assert title in html.unescape("".join(home.text))
