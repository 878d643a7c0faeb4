"""Property-based tests of the loader and of the escaping in rendering.

`make test` runs a fixed set of examples; `pytest tests/test_fuzz.py --fuzz-examples=5000` (or
FUZZ_EXAMPLES=5000) draws new ones for a longer run.
"""

import copy
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from dossiers import REGISTRIES, SEEDS, make_dossier, without_unrecorded
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from build_dossier.build import build, check
from build_dossier.link import check_references, link
from build_dossier.load import HIDDEN_IN_TEXT, load, load_source
from build_dossier.markup import esc, external, names_pattern, names_regex, plain_title
from build_dossier.model import Problem
from build_dossier.render import GENERATED_NOTE, render
from build_dossier.textmatch import fold
from build_dossier.yamlpos import HIDDEN

FUZZ = settings.get_profile("fuzz")
FUZZ_PAGES = settings(FUZZ, max_examples=max(FUZZ.max_examples // 3, 1))
"""Whole pages take longer to load and render: a third as many examples."""
EXTENSIONS = ["attr_list", "md_in_html", "toc"]
"""As in mkdocs.yml."""

# Any text but NUL (a binary file) and lone surrogates (not UTF-8); YAML escapes the rest.
TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")
               | st.sampled_from("\t\n\r\x80\x85\u2028\u202e <>&\"'`*_[](){}#!|~^$\\-=+.:;/@%"),
               max_size=80)
PIECES = st.sampled_from([
    "---", "...", "title: ", "published: ", "2022-01-12", "quotes:", "  - text: ", "    speaker: ",
    "jens-stoltenberg", "    date: 2022", "id: ", "../x", "[", "]", "{", "}", "&a ", "*a",
    "!!python/object:os.system", "!!binary", "%YAML 1.1", "\t", "  ", "- ", ": ", "'", '"',
    "\ufeff", "\r\n", "\r", "\x00", "\x85", "\u2028", "é", "<script>", "{{ x }}", "# ", "?",
])
SOURCE_TEXT = st.one_of(
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    st.lists(st.one_of(PIECES, TEXT), max_size=40).map(lambda parts: "\n".join(parts)),
    st.lists(st.one_of(PIECES, TEXT), max_size=40).map("".join),
)


def _repo(tmp: str) -> Path:
    return make_dossier(Path(tmp), sources={**REGISTRIES, "dossier.yml": "title: Fuzz\n"},
                        site_files=False)


@FUZZ
@given(SOURCE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
def test_loader_reports_problems_for_any_file_and_never_raises(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as tmp:
        root = _repo(tmp)
        path = root / "sources/case.md"
        path.write_bytes(data)
        problems: list[Problem] = []
        source = load_source(path, root, problems)
        lines = data.count(b"\n") + data.count(b"\r") + 1
        for problem in problems:
            assert problem.path == "sources/case.md"
            assert 0 <= problem.line <= lines, problem
            assert "\n" not in problem.format() and "\r" not in problem.format()
        if source is None:
            assert any(p.severity == "error" for p in problems)



def _split(path: Path) -> tuple[object, str | None]:
    """A seed file's data and, for a source, the text under its front matter."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".md":
        return yaml.safe_load(text), None
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _fields(data: object, at: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every key and list item (the first two of a list) under `data`, as a path to it."""
    found: list[tuple[object, ...]] = []
    items = (data.items() if isinstance(data, dict)
             else enumerate(data[:2]) if isinstance(data, list) else ())
    for key, value in items:
        found += [(*at, key), *_fields(value, (*at, key))]
    return found


SEED_FILES = {path.name: _split(path) for path in sorted(SEEDS.iterdir())
              if path.suffix in (".md", ".yml")}
SEED_FIELDS = [(name, field) for name, (data, _) in SEED_FILES.items()
               for field in _fields(data)]
"""Every field of every seed file, by the file's name and the path to it."""
REMOVED = object()
"""The field taken out of its file."""
YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.dates() | st.datetimes()
    | TEXT | st.sampled_from(["jens-stoltenberg", "nato", "2022-01-12", "~2022-01", "direct",
                              "paraphrase", "2022-01-12-nato-russia-council", "x" * 5000]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6)


@FUZZ_PAGES
@given(st.sampled_from(SEED_FIELDS), YAML_VALUES | st.just(REMOVED))
@example(("2022-01-07-stoltenberg-nato-prepares-for-the-worst.md", ("quotes", 0, "kind")), [])
def test_any_value_in_any_field_is_reported_or_built_never_raised(field, value):
    # What an editor can type in any field of a working dossier: the build either stops with
    # one-line problems, each at a file and line, or goes through; never a traceback.
    name, path = field
    data, body = SEED_FILES[name]
    changed = copy.deepcopy(data)
    inner = changed
    for step in path[:-1]:
        inner = inner[step]
    if value is REMOVED:
        del inner[path[-1]]
    else:
        inner[path[-1]] = value
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as tmp:
        root = make_dossier(Path(tmp), "seeds", {name: text if body is None
                                                 else f"---\n{text}---\n{body}"},
                            site_files=False)
        problems = check(root)
        for problem in problems:
            line = problem.format()
            assert re.match(r"sources/[^:\n]+:\d+: (error|warning): ", line), line
            assert "\n" not in line and "Traceback" not in line
        result = build(root, site=False)
        assert result.ok == (not any(p.severity == "error" for p in problems)), result.lines


def _page(title: str, summary: str, outlet: str, body: str, quote: str) -> str:
    meta = {"title": title, "published": "2022-01-12", "outlet": outlet, "summary": summary,
            "reports": ["2022-01-12-nrc"],
            "quotes": [{"text": quote, "speaker": "jens-stoltenberg", "event": "2022-01-12-nrc"}]}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def _visible(text: str) -> str:
    # Python-Markdown drops STX and ETX, its own placeholder marks, from what it reads.
    return " ".join(text.replace("\x02", "").replace("\x03", "").split())


@FUZZ_PAGES
@given(title=TEXT, summary=TEXT, outlet=TEXT, body=TEXT, cut=st.tuples(st.integers(0, 80),
                                                                      st.integers(1, 80)))
def test_values_load_as_written_and_render_as_text(title, summary, outlet, body, cut):
    # Control and bidi characters are refused where values enter (tests/hostile/ holds cases).
    title, summary, outlet = (HIDDEN.sub("", value) for value in (title, summary, outlet))
    body = HIDDEN_IN_TEXT.sub("", body.replace("\r", "\n"))
    assume(title.strip() and summary.strip() and outlet.strip() and body.strip())
    # The same characters a YAML or Markdown line break would be: a source is read line by line.
    body = body.replace("\r", "\n")
    start, size = cut
    quote = body[start % len(body):][:size]
    assume(fold(quote).strip())
    with tempfile.TemporaryDirectory() as tmp:
        root = _repo(tmp)
        (root / "sources/case.md").write_text(_page(title, summary, outlet, body, quote),
                                              encoding="utf-8")
        loaded = load(root)
        assert without_unrecorded(p.format()
                                  for p in loaded.problems + check_references(loaded)) == []
        (source,) = loaded.sources
        # What the file says: PyYAML's dump turns a NEL into a line break that reads back as
        # a space, so compare with the values as written, not as drawn.
        title, summary, outlet = yaml.safe_load(yaml.safe_dump([title, summary, outlet],
                                                               allow_unicode=True))
        assert (source.title, source.summary, source.outlet) == (
            title.strip(), summary.strip(), outlet.strip())
        assert source.body == body
        pages = {uri: data.decode() for uri, data in render(link(loaded, "Fuzz")).items()}
    front = re.match(r"\A---\n(.*?\n)---\n", pages["sources/case.md"], re.S)
    assert front is not None
    # MkDocs reads this front matter as YAML and themes print its title unescaped.
    assert yaml.safe_load(front.group(1))["title"] == plain_title(title)
    assert not set("<>&") & set(plain_title(title))
    page = _Html.of(pages["sources/case.md"])
    assert page.foreign == []
    text = _visible("".join(page.text))
    for value in (title, outlet, summary):
        assert _visible(value) in text
    assert _visible(body) in text


class _Html(HTMLParser):
    """A page's text, and any element or attribute that did not come from our templates."""

    ELEMENTS = frozenset(["p", "h1", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "div",
                          "mark", "br", "ins", "del", "span", "code"])
    ATTRIBUTES = frozenset(["href", "id", "class", "title", "lang", "data-cluster",
                            "data-search-exclude", "data-pagefind-ignore"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.foreign: list[str] = []
        self.links: list[str] = []

    @classmethod
    def of(cls, page: str) -> "_Html":
        body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S)
        parser = cls()
        parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ELEMENTS:
            self.foreign.append(tag)
        for name, value in attrs:
            if name not in self.ATTRIBUTES:
                self.foreign.append(f"{tag}[{name}]")
            if name == "href":
                self.links.append(value or "")
                if re.match(r"\s*[a-z][a-z0-9+.-]*:", value or "", re.I) and not re.match(
                        r"https?://", value or ""):
                    self.foreign.append(f"href={value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        if f"<!--{data}-->" != GENERATED_NOTE:
            self.foreign.append(f"<!--{data}-->")


@FUZZ
@given(TEXT)
def test_escaped_text_is_only_text_in_markdown(value):
    html = _Html.of(f"Before {esc(value)} after.\n\n- item {esc(value)}\n")
    assert html.foreign == []
    assert html.links == []
    text = "".join(html.text)
    assert _visible(f"Before {value} after.") in _visible(text)
    assert _visible(f"item {value}") in _visible(text)


@FUZZ
@given(TEXT, st.one_of(TEXT, TEXT.map(lambda t: "https://example.org/" + t),
                       st.sampled_from(["javascript:alert(1)", "JavaScript:x", " http://a",
                                        "data:text/html,<script>", "https://a\" onclick=\"x",
                                        "https://a/(b)[c]<d>", "http://x/\n\nnew paragraph"])))
def test_external_links_only_ever_point_at_http(text, url):
    html = _Html.of(f"See {external(text, url)} here.\n")
    assert html.foreign == []
    assert all(href.startswith(("http://", "https://")) for href in html.links)
    assert len(html.links) <= 1
    if text.strip():
        assert _visible(text) in _visible("".join(html.text))


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc")), max_size=12))
def test_word_diffs_fold_each_word_as_quote_matching_does(word: str) -> None:
    from build_dossier.textmatch import word_key, words

    assume(not any(ch.isspace() for ch in word))
    assert word_key(word) == " ".join(words(word))


FOLDED = st.text(st.sampled_from("ab é\t\n\r\x85\u2028\u00a0\u3000‘’`´–—−…\"“”„«»″'-."),
                 max_size=40)


@FUZZ
@given(FOLDED | TEXT)
def test_quick_fold_is_the_fold_that_maps_offsets(text: str) -> None:
    # Quotes are folded with `fold`, texts with `normalise`: a quote is found only if both agree.
    from build_dossier.textmatch import Body, normalise

    assert fold(text) == normalise(text)[0]
    if fold(text):
        assert Body(f"Before. {text} After.").find(text) is not None


APOSTROPHES = "‘’‚‛′ʼ`´"
DASHES = "‐‑‒–—―−"
QUOTATION_MARKS = "\"“”„‟«»″"
FOLDS = {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DASHES, "-"), "…": "...",
         "\u00a0": " ", **dict.fromkeys(QUOTATION_MARKS, "")}
"""What quote matching treats as the same (textmatch's docstring): typographic and straight
apostrophes, dash styles, an ellipsis and its dots, a no-break space; quotation marks drop."""


def _offsets_one_by_one(text: str) -> tuple[str, list[int]]:
    """The folding `normalise` does, character by character, with every offset listed."""
    out: list[str] = []
    offsets: list[int] = []
    pending = False
    for i, ch in enumerate(text):
        if FOLDS.get(ch) == "":
            continue
        if ch.isspace():
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            offsets.append(i - 1)
            pending = False
        mapped = FOLDS.get(ch, ch)
        out.append(mapped)
        offsets.extend([i] * len(mapped))
    return "".join(out), offsets


@FUZZ
@given(FOLDED | TEXT, st.integers(0, 90))
def test_folded_offsets_point_back_to_the_original_characters(text: str, origin: int) -> None:
    # A quote's highlight in the text is placed through these offsets.
    import bisect

    from build_dossier.textmatch import normalise

    folded, offsets = normalise(text)
    expected_text, expected = _offsets_one_by_one(text)
    assert (folded, [offsets[i] for i in range(len(offsets))]) == (expected_text, expected)
    assert offsets.first_at_or_after(origin) == bisect.bisect_left(expected, origin)


def test_the_spaces_folding_lists_are_every_space_python_knows() -> None:
    # Texts are scanned for a spelled-out list of spaces; one missing would stay in the folded
    # text, and a quote across it would not be found.
    import sys

    from build_dossier.textmatch import SPACES

    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == SPACES


@FUZZ
@given(st.text(st.sampled_from("ab. \t\n\r\u00a0\u2028\u3000"), max_size=40))
@example("a\n \n\nb\n\t\n")
def test_paragraphs_are_the_runs_of_non_blank_lines(text: str) -> None:
    # A source's text is shown paragraph by paragraph; the definition, as one pattern, is
    # the oracle for the faster split.
    from build_dossier.pages.source import paragraphs

    expected = [m.span() for m in re.finditer(r"\S(?:[^\n]|\n(?![ \t]*\n))*\S|\S", text)]
    assert list(paragraphs(text)) == expected


@FUZZ
@given(st.text(st.sampled_from("aetTfFnNyYoO~0123456789.+-_:eE x'\""), min_size=0, max_size=8))
@example("Yes")
@example("~")
@example("'12'")
@example(".inf")
def test_yaml_values_are_typed_as_pyyaml_types_them(value: str) -> None:
    # Most values are text and skip the type resolver; the rest must come out as PyYAML
    # reads them (dates apart: they stay text, parsed later at their own precision).
    import datetime

    from build_dossier.yamlpos import parse_yaml

    text = f"k: {value}\n"
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    parsed = parse_yaml(text)
    if not isinstance(expected, dict) or parsed.problems:
        return
    if isinstance(expected["k"], datetime.date):
        assert parsed.value["k"] == value.strip()
    else:
        assert repr(parsed.value["k"]) == repr(expected["k"])


SPECIALS = "&<>\"'\\`*_[]{}()#!|~^$"
"""HTML's specials and the Markdown punctuation that works mid-line: each becomes a numeric
character reference wherever a value from a source lands on a page."""
REFERENCES = str.maketrans({ch: f"&#{ord(ch)};" for ch in SPECIALS})


@FUZZ
@given(st.text(st.sampled_from("&<>\"'\\`*_[]{}()#!|~^$;0123456789a é\n\ue000"), max_size=40)
       | TEXT)
@example("&#35;")
@example("\ue000#35; #")
def test_references_are_what_the_translation_table_gives(text: str) -> None:
    # Every value on a page is escaped with these; a slip here is markup injected or text
    # garbled, in any of thousands of pages.
    from build_dossier.markup import references, references_in

    assert references(text) == text.translate(REFERENCES)
    pieces = references_in(text)  # a source's text is escaped piece by piece
    for start in range(0, len(text) + 1, 3):
        assert pieces(text[start:start + 5]) == text[start:start + 5].translate(REFERENCES)


@FUZZ
@given(FOLDED | TEXT)
def test_folding_characters_is_the_translation_table(text: str) -> None:
    # Quotes are matched to texts through this fold; a slip would lose quotes or find wrong ones.
    from build_dossier.textmatch import fold_characters

    assert fold_characters(text) == text.translate(str.maketrans(FOLDS))


NAMES = st.lists(st.text(st.sampled_from("aAb -.é"), min_size=1, max_size=6), max_size=12)


@FUZZ
@given(NAMES, st.text(st.sampled_from("aAb -.é,"), max_size=60))
@example(["NATO", "NATO Council"], "the NATO Council met")  # the longer name wins
def test_names_are_found_as_a_plain_longest_first_alternation_finds_them(names, text):
    # Summaries link names through one tree-shaped pattern; it must find what the obvious
    # pattern finds.
    if not names:
        return
    plain = "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))
    expected = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{plain})(?![\w-])", text)]
    found = [m.span() for m in re.finditer(rf"(?<![\w-]){names_pattern(names)}(?![\w-])", text)]
    assert found == expected
    assert [m.span() for m in names_regex(names).finditer(text)] == expected


@pytest.mark.parametrize("names", [["x" * 20000, "xy"], ["N" + " a" * i for i in range(1500)]])
def test_names_of_any_length_or_nesting_are_found(names):
    # A name as long as an editor can paste, or names each one word longer than the one
    # before, hundreds deep: found like any other, never past Python's recursion limit.
    text = f"one {names[0]} two {names[-1]}, three"
    assert [m.group() for m in names_regex(names).finditer(text)] == [names[0], names[-1]]


@FUZZ
@given(FOLDED | TEXT | st.text(st.sampled_from("İIiAaß ’'ΣσςǅK"), max_size=20))
@example("İstanbul İSTANBUL")  # lowering İ adds a combining dot, which ends a word
def test_words_lowered_at_once_are_the_words_lowered_one_by_one(text: str) -> None:
    # Quote anchors are made of these words: they must not change with how they are computed.
    from build_dossier.textmatch import WORD_RE, words

    assert words(text) == [w.lower() for w in WORD_RE.findall(fold(text))]
