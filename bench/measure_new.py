"""How well `build-dossier new` drafts: each text is drafted again in a scratch dossier and
compared with what was annotated by hand.

    .venv/bin/python -m bench.measure_new [-v] [--round tests/texts/corpus/tuned/NOTES-round8.md]

Three sets: the seed dossier's annotated sources, the sample texts in tests/texts, and the
corpus in tests/texts/corpus — real published texts of every kind in English, French, German
and Russian, split into `tuned/` (looked at while writing the tool) and `heldout/` (not).

A quote counts as found when one drafted quotation covers at least half of its words' span in
the text; its speaker as right when that quotation's speaker id (the registry's, or the one
proposed for a new person) is the annotated one; "as named" also counts a speaker whom the text
names only by surname or initial ('MR. DEERE', 'R. Karoutchi'), drafted as far as the text names
them ('deere' for the annotated 'judd-deere'), since `new` must not make up a first name. A
drafted quotation that overlaps no annotated one is a false proposal. Every drafted file must
also load with warnings only.

Where a text's `NAME.expected.yml` has the `reported:` key (even `[]`), it lists the reported
speech the annotator recorded, as verbatim spans with their speakers. A drafted `kind:
paraphrase` proposal overlapping one of them is then a right proposal, not a false one, and
"reported found" counts the reported spans a paraphrase proposal covers (at least half of their
words' span, as for quotes), its speaker judged as a quote's and counted in the speaker
figures. A paraphrase proposal overlapping neither a quote nor a reported span is false, and so
is a direct or statement proposal overlapping only a reported span: a paraphrase shown as a
quotation. Texts without the key are judged as before.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_dossier.build import check
from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.inputs import NewError
from build_dossier.draft.language import slugify
from build_dossier.draft.new import create_source
from build_dossier.draft.quotes import Candidate
from build_dossier.load import SOURCES_DIR, _Report, split_front_matter
from build_dossier.parallel import default_workers, forked_map
from build_dossier.textmatch import Body

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "texts" / "corpus"
KINDS = ("news", "statement", "transcript", "live")


@dataclass
class Score:
    """Counts for one text or a total."""

    name: str
    kind: str = ""
    quotes: int = 0
    found: int = 0
    speakers: int = 0
    named: int = 0
    """Speakers right, or named as far as the text names them (see `as_far_as_named`)."""
    drafted: int = 0
    false: int = 0
    texts: int = 0
    language: int = 0
    date: int = 0
    dates_given: int = 0
    kind_right: int = 0
    reported: int = 0
    """Reported-speech spans annotated (texts with the `reported` key only)."""
    reported_found: int = 0
    """Of those, covered by a drafted paraphrase."""
    reported_speakers: int = 0
    reported_named: int = 0
    titles: int = 0
    """Texts whose title was annotated."""
    title_right: int = 0
    errors: int = 0
    unexpected: list[str] = field(default_factory=list)
    """What `check` said of the draft besides the notes to confirm and what the text does not
    say (its outlet, say): each problem as the editor would read it."""
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another text's counts to this total."""
        for name in ("quotes", "found", "speakers", "named", "drafted", "false", "texts",
                     "language", "date", "dates_given", "kind_right", "reported",
                     "reported_found", "reported_speakers", "reported_named", "titles",
                     "title_right", "errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def judged(self) -> int:
        """Quotes and reported spans found, whose speakers are judged."""
        return self.found + self.reported_found

    @property
    def speakers_right(self) -> int:
        """Speakers right, of quotes and reported spans found."""
        return self.speakers + self.reported_speakers

    @property
    def speakers_named(self) -> int:
        """Speakers right or named as far as the text names them, of those found."""
        return self.named + self.reported_named


@dataclass(frozen=True)
class Sample:
    """A text with what was annotated by hand."""

    name: str
    text: str
    quotes: list[dict[str, Any]]
    published: str | None
    """The publication date `new` should find."""
    given: str | None = None
    """The date passed with --date, when the text states none."""
    language: str | None = None
    kind: str | None = None
    title: str | None = None
    """The heading `new` should propose (its start, when the heading is a long sentence)."""
    reported: list[dict[str, Any]] | None = None
    """Reported speech the annotator recorded; None when the expected file has no such key."""


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _scratch(root: Path, registry: Path) -> None:
    (root / SOURCES_DIR).mkdir()
    for registry_file in ("people.yml", "events.yml"):
        if (registry / registry_file).is_file():
            shutil.copy(registry / registry_file, root / SOURCES_DIR / registry_file)
    (root / SOURCES_DIR / "dossier.yml").write_text("title: Measure\n", encoding="utf-8")


def measure_text(name: str, text: str, expected: list[dict[str, Any]], registry: Path,
                 published: str | None, sample: Sample | None = None) -> Score:
    """Draft `text` with `new` in a scratch dossier using `registry`'s people and events."""
    sample = sample or Sample(name, text, expected, published, given=published)
    score = Score(name, texts=1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _scratch(root, registry)
        try:
            _, drafted = create_source(root, text, name, date=sample.given, source_id="drafted")
            found_date = None
        except NewError as error:
            # new asks for --date when it finds none: the date counts as wrong, and the rest
            # is measured as the editor would go on, giving it.
            _, drafted = create_source(root, text, name, date=sample.published,
                                       source_id="drafted")
            found_date = f"none found ({error})"
        problems = check(root)
        score.errors = sum(p.severity == "error" for p in problems)
        score.unexpected = [p.format() for p in problems if p.severity != "warning" or not
                            p.message.startswith(("to confirm: ", "not recorded;"))]
    score.kind = drafted.kind
    score.drafted = len(drafted.quotes)
    _score_metadata(score, sample, drafted.language,
                    found_date or drafted.published.source_text(), drafted.kind)
    if sample.title is not None:
        score.titles = 1
        if drafted.title.startswith(sample.title):
            score.title_right = 1
        else:
            score.misses.append(f"title {drafted.title[:60]!r}, annotated {sample.title[:60]!r}")
    body = Body(text)
    words = set(slugify(text, len(text)).split("-"))
    spans = _judge_spans(score, body, expected, drafted.quotes, words, reported=False,
                         language=drafted.language)
    reported = [] if sample.reported is None else _judge_spans(
        score, body, sample.reported,
        [c for c in drafted.quotes if c.kind == "paraphrase"], words, reported=True,
        language=drafted.language)
    for cand in drafted.quotes:
        if _overlaps(cand, spans):
            continue
        if cand.kind == "paraphrase" and _overlaps(cand, reported):
            continue  # reported speech the annotator recorded, proposed as such
        score.false += 1
        shown = " (reported speech shown as a quotation)" if _overlaps(cand, reported) else ""
        who = speaker_id(cand, drafted.language)
        score.misses.append(f"false proposal{shown} ({who}): {cand.text[:60]}")
    return score


def _overlaps(cand: Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(min(e, cand.end) > max(s, cand.start) for s, e in spans)


def _judge_spans(score: Score, body: Body, annotated: list[dict[str, Any]],
                 drafted: list[Candidate], words: set[str], *, reported: bool,
                 language: str = "") -> list[tuple[int, int]]:
    """Count the annotated quotes (or reported spans) that `drafted` covers, and their
    speakers; returns the spans found in the text."""
    what = "reported " if reported else ""
    spans = []
    for quote in annotated:
        if reported:
            score.reported += 1
        else:
            score.quotes += 1
        span = body.find(str(quote["text"]))
        if span is None:
            score.misses.append(f"{what}not in the text: {quote['text'][:60]}")
            continue
        spans.append(span)
        overlap, best = 0, None
        for cand in drafted:
            shared = min(span[1], cand.end) - max(span[0], cand.start)
            if shared > overlap:
                overlap, best = shared, cand
        if best is None or overlap * 2 < span[1] - span[0]:
            score.misses.append(f"{what}missed: {quote['text'][:60]}")
            continue
        got, want = speaker_id(best, language), str(quote["speaker"])
        right, named = got == want, got == want or as_far_as_named(got, want, words)
        if reported:
            score.reported_found += 1
            score.reported_speakers += right
            score.reported_named += named
        else:
            score.found += 1
            score.speakers += right
            score.named += named
        if named and not right:
            score.misses.append(f"{what}speaker {got!r} as far as the text names {want!r}")
        elif not right:
            score.misses.append(f"{what}speaker {got!r}, annotated {want!r}: "
                                f"{quote['text'][:50]}")
    return spans


def as_far_as_named(got: str, want: str, words: set[str]) -> bool:
    """Whether a drafted id is the annotated one cut to what the text gives: 'deere' or
    'j-deere' for 'judd-deere' when 'Judd' is nowhere in the text (whose words, transliterated,
    are `words`). `new` must not make up the rest, so this is as right as a draft can be."""
    have, full = got.split("-"), want.split("-")
    for cut in range(1, len(full)):
        given, surname = full[:cut], full[cut:]
        initial = (len(have) == len(surname) + 1 and have[1:] == surname and len(have[0]) == 1
                   and given[0].startswith(have[0]))
        if have == surname or initial:
            return not any(part in words for part in given)
    return False


def _score_metadata(score: Score, sample: Sample, language: str, published: str,
                    kind: str) -> None:
    if sample.language is None or sample.language == language:
        score.language = 1
    else:
        score.misses.append(f"language {language}, annotated {sample.language}")
    if sample.given:
        score.dates_given = 1
    if sample.published is None or published == sample.published:
        score.date = 1
    else:
        score.misses.append(f"published {published}, annotated {sample.published}")
    if sample.kind is None or sample.kind == kind:
        score.kind_right = 1
    else:
        score.misses.append(f"kind {kind}, annotated {sample.kind}")


def annotated_sources(root: Path) -> list[tuple[str, str, list[dict[str, Any]], str]]:
    """(name, bare text, annotated quotes, published) of every annotated source."""
    out = []
    for path in sorted((root / SOURCES_DIR).glob("*.md")):
        split = split_front_matter(path.read_text(encoding="utf-8"), _Report(path.name, []))
        if split is None:
            continue
        front, body, _ = split
        meta = yaml.safe_load(front)
        quotes = meta.get("quotes") or []
        out.append((path.name, body, quotes if isinstance(quotes, list) else [quotes],
                    str(meta["published"])))
    return out


def sample_texts(folder: Path) -> list[tuple[str, str, list[dict[str, Any]], str | None]]:
    """(name, text, expected quotes, published) of each `*.txt` with its `*.expected.yml`."""
    return [(s.name, s.text, s.quotes, s.given) for s in samples(folder)]


def samples(folder: Path) -> list[Sample]:
    """Each `*.txt` of `folder` with what its `*.expected.yml` says."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        expected_path = path.with_suffix(".expected.yml")
        expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) \
            if expected_path.is_file() else {}
        # Older samples give the date to pass; corpus texts say which one `new` must find.
        given = expected.get("given", expected.get("published") if "kind" not in expected
                             else None)
        published = expected.get("published")
        out.append(Sample(path.name, path.read_text(encoding="utf-8"),
                          expected.get("quotes") or [],
                          str(published) if published else None,
                          str(given) if given else None, expected.get("language"),
                          expected.get("kind"), expected.get("title"),
                          _listed(expected["reported"]) if "reported" in expected else None))
    return out


def _listed(value: Any) -> list[dict[str, Any]]:
    return value if isinstance(value, list) else [] if value is None else [value]


def measure_corpus(folder: Path, registry: Path) -> list[Score]:
    """Scores of every corpus text in `folder`, in their order, drafted on every core: each
    text is drafted on its own, in a scratch dossier of its own."""
    return list(forked_map(lambda s: measure_text(s.name, s.text, s.quotes, registry,
                                                  s.published, s),
                           samples(folder), default_workers()))


def report(title: str, scores: list[Score], verbose: bool) -> Score:
    """Print one table of scores; returns the total."""
    total = Score("total")
    print(f"\n{title}")
    print(f"  {'text':<52} {'kind':<10} {'quotes':>6} {'found':>5} {'speaker':>7} "
          f"{'drafted':>7} {'false':>5} {'errors':>6}")
    for s in scores:
        total.add(s)
        print(f"  {s.name[:52]:<52} {s.kind:<10} {s.quotes:>6} {s.found:>5} {s.speakers:>7} "
              f"{s.drafted:>7} {s.false:>5} {s.errors:>6}")
        if verbose:
            for miss in s.misses:
                print(f"      {miss}")
    print(f"  found {_percent(total.found, total.quotes)}, speaker right "
          f"{_percent(total.speakers, total.quotes)} ({_percent(total.named, total.quotes)} as "
          "far as the texts name them) of annotated quotes; "
          f"{_percent(total.false, total.drafted)} of proposals false")
    if total.reported:
        print(f"  reported found {_percent(total.reported_found, total.reported)} of annotated "
              "reported speech")
    return total


def report_by_kind(title: str, scores: list[Score]) -> None:
    """Per kind: quotations found, false proposals, speakers, language, date and kind right."""
    print(f"\n{title}, by kind (kind as annotated)")
    print(f"  {'kind':<11} {'texts':>5} {'found':>9} {'false':>9} {'speaker':>9} "
          f"{'as named':>9} {'language':>9} {'date':>9} {'kind':>7} {'title':>7} "
          f"{'reported found':>14}")
    for kind in KINDS:
        chosen = [s for s in scores if s.name.split("-")[1] == kind]
        if not chosen:
            continue
        t = Score(kind)
        for s in chosen:
            t.add(s)
        given = f" ({t.dates_given} given)" if t.dates_given else ""
        print(f"  {kind:<11} {t.texts:>5} {_percent(t.found, t.quotes):>9} "
              f"{_percent(t.false, t.drafted):>9} "
              f"{_percent(t.speakers_right, t.judged):>9} "
              f"{_percent(t.speakers_named, t.judged):>9} "
              f"{t.language}/{t.texts:<7} {t.date}/{t.texts}{given:<9} {t.kind_right}/{t.texts:<5} "
              f"{t.title_right}/{t.titles:<5} {_percent(t.reported_found, t.reported):>14}")


def main(argv: list[str] | None = None) -> int:
    """Measure on the annotated sources, the sample texts and the corpus."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_new", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier with annotated sources")
    parser.add_argument("--texts", type=Path, default=ROOT / "tests" / "texts",
                        help="folder of sample texts (*.txt, *.expected.yml, people.yml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--round", type=Path, metavar="NOTES",
                        help="also report, apart, the corpus texts a round's notes name "
                             "(its per-text table), once they have moved to tuned/")
    args = parser.parse_args(argv)
    registry = args.root / SOURCES_DIR
    seeds = [measure_text(n, t, q, registry, p) for n, t, q, p in annotated_sources(args.root)]
    errors = report(f"Annotated sources in {registry}", seeds, args.verbose).errors
    if args.texts.is_dir():
        loose = [measure_text(s.name, s.text, s.quotes, args.texts, s.published, s)
                 for s in samples(args.texts)]
        errors += report(f"Sample texts in {args.texts}", loose, args.verbose).errors
    corpus = args.texts / "corpus"
    for part in ("tuned", "heldout"):
        if (corpus / part).is_dir():
            scores = measure_corpus(corpus / part, corpus)
            if not scores:
                continue  # heldout/ between rounds
            errors += report(f"Corpus, {part}", scores, args.verbose).errors
            report_by_kind(f"Corpus, {part}", scores)
            if args.round and part == "tuned":
                named = round_texts(args.round)
                report_by_kind(f"Corpus, tuned, the texts of {args.round.name}",
                               [s for s in scores if s.name.removesuffix(".txt") in named])
    return 1 if errors else 0


def round_texts(notes: Path) -> set[str]:
    """The text names a round's notes list in their per-text table ("| name | source | ...")."""
    return set(re.findall(r"^\| `?([a-z]{2}-(?:news|statement|transcript|live)-[^ |`]+)`? \|",
                          notes.read_text(encoding="utf-8"), re.MULTILINE))


if __name__ == "__main__":
    sys.exit(main())
