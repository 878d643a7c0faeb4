"""Synthetic dossiers for the benchmark: N sources shaped like the real ones, from a seed.

`write_dossier` writes a repository tree (sources/*.md, the registries, dossier.yml and the
repository's mkdocs.yml) that `build-dossier build --root` takes as it is. The same seed and N give
the same bytes; `write_extra_source` adds source number N, like the others, for the rebuild test.
"""

from __future__ import annotations

import datetime
import json
import math
import random
import shutil
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

SEED = 2022
WORDS_PER_SOURCE = 600
START = datetime.date(2021, 11, 1)
SOURCES_PER_DAY = 12
"""How densely a long crisis is covered: the dossier's span grows with N."""
SOURCES_PER_EVENT = 5
"""Events grow with the dossier, so each is reported by a handful of sources, as in the seeds."""
PEOPLE_PER_SOURCE = 0.05
MIN_PEOPLE = 12
MIN_EVENTS = 4

_COMMON_TEXT = (
    "the of and to in a that is for on with as was by it at from be this are have has had not "
    "but or which an their its were will would said also more than after been about over new "
    "other into there could who they we all one two three some can up out when any such only "
    "what may most between while these those under against before during since both each own "
    "security talks military forces government minister officials ministers country countries "
    "border troops meeting statement dialogue allies alliance support week weeks month months "
    "diplomatic sanctions proposal proposals agreement agreements region regional defence "
    "defense president foreign leaders leader summit negotiations conflict crisis tensions "
    "situation response concerns concern pressure exercises build-up deployment withdrawal "
    "ceasefire talks envoy capital embassy delegation council committee parliament vote "
    "report reports reported according spokesman spokeswoman analysts experts observers "
    "economic energy gas supplies pipeline prices markets trade aid humanitarian refugees "
    "civilians infrastructure cyber attack attacks warned warning urged called stressed "
    "rejected accepted demanded announced confirmed denied insisted added noted described "
    "told reporters press conference briefing interview television agency news"
)
_COMMON = tuple(_COMMON_TEXT.split())
_SYLLABLES = ("ka", "ri", "vo", "len", "mar", "tis", "do", "bra", "nov", "pel", "ost", "ur",
              "an", "ze", "kov", "lin", "sa", "mi", "gor", "te", "vak", "ro", "dan", "il")
_FIRST = ("Anna", "Boris", "Clara", "Dmytro", "Elena", "Frank", "Greta", "Hanna", "Igor",
          "Jonas", "Katarzyna", "Lars", "Maria", "Nikolai", "Olena", "Pavel", "Rasa", "Sergei",
          "Tomas", "Ursula", "Viktor", "Wojciech", "Yulia", "Zofia", "Ahmed", "Benoit",
          "Carmen", "David", "Emma", "Filip")
_LAST = ("Andersen", "Bauer", "Chernenko", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat",
         "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Orlov", "Petrenko",
         "Quist", "Rossi", "Schmidt", "Tkachenko", "Umarov", "Virtanen", "Weber", "Yilmaz",
         "Zielinski", "Brandt", "Costa", "Dimitrov", "Esposito", "Falk")
_ROLES = ("Foreign Minister", "Defence Minister", "Prime Minister", "President", "Ambassador",
          "Secretary General", "spokesperson", "National Security Adviser", "Deputy Minister",
          "Chief of Staff", "envoy", "senator", "member of parliament", "analyst")
_COUNTRIES = ("Ukraine", "Russia", "Poland", "Germany", "France", "the United States",
              "Lithuania", "Latvia", "Estonia", "Finland", "Sweden", "Romania", "Turkey",
              "the United Kingdom", "Belarus", "Moldova", "Georgia", "Norway", "Italy", "Spain")
_PLACES = ("Brussels", "Geneva", "Vienna", "Kyiv", "Moscow", "Warsaw", "Berlin", "Paris",
           "Washington", "Minsk", "Vilnius", "Riga", "Tallinn", "Helsinki", "Stockholm",
           "Bucharest", "Ankara", "London", "Istanbul", "Oslo")
_EVENT_KINDS = ("talks", "summit", "meeting of foreign ministers", "press conference",
                "military exercises", "council meeting", "phone call", "parliamentary vote",
                "sanctions announcement", "visit", "ceasefire negotiations", "donor conference")
_OUTLETS = ("Reuters", "Associated Press", "AFP", "BBC News", "The Guardian", "Le Monde",
            "Der Spiegel", "Kyiv Independent", "Meduza", "Politico Europe", "Financial Times",
            "The New York Times", "Deutsche Welle", "Euronews", "Al Jazeera", "NHK World",
            "RFE/RL", "TASS", "Ukrinform", "NATO", "The Economist", "Bloomberg", "Le Figaro",
            "El País", "Corriere della Sera", "Gazeta Wyborcza", "LRT", "ERR News", "Yle", "SVT")
_TAGS = ("ukraine", "russia", "nato", "sanctions", "energy", "diplomacy", "arms-control",
         "european-security", "military-build-up", "humanitarian", "cyber", "black-sea",
         "baltic", "elections", "refugees", "economy", "gas", "grain", "nuclear", "ceasefire")
_SAY = ("said", "told reporters", "stressed", "added", "warned", "insisted", "noted")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(ch if ch.isalnum() else "-" for ch in ascii_text.lower())
    return "-".join(part for part in out.split("-") if part)


def _zipf(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative weights of a Zipf law over `count` ranks, for `Random.choices`."""
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))


@dataclass
class Person:
    id: str
    name: str
    role: str
    surname: str


@dataclass
class Event:
    id: str
    title: str
    date: datetime.date
    place: str
    participants: list[int]
    utterances: list[Utterance] = field(default_factory=list)


@dataclass
class Utterance:
    """One thing a person said at an event, in the wordings outlets will give it."""

    speaker: int
    wordings: list[str]
    kind: str


class World:
    """Vocabulary, people and events of a dossier of `n` sources; sources are drawn from it."""

    def __init__(self, n: int, seed: int = SEED) -> None:
        self.n = n
        self.seed = seed
        rng = random.Random(f"{seed}:world")
        tail = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
                       for _ in range(6000)})
        rng.shuffle(tail)
        self.vocabulary = (*_COMMON, *tail)
        self.vocab_weights = _zipf(len(self.vocabulary), 1.05)
        self.days = max(30, math.ceil(n / SOURCES_PER_DAY))
        self.people = self._people(rng, max(MIN_PEOPLE, round(n * PEOPLE_PER_SOURCE)))
        self.people_weights = _zipf(len(self.people), 1.1)
        self.events = self._events(rng, max(MIN_EVENTS, n // SOURCES_PER_EVENT))

    def _people(self, rng: random.Random, count: int) -> list[Person]:
        people: list[Person] = []
        seen: set[str] = set()
        for i in range(count):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            name = f"{first} {last}"
            if name in seen:
                name = f"{first} {self._pseudo(rng).title()} {last}"
            if name in seen:
                name = f"{name} {i}"
            seen.add(name)
            role = f"{rng.choice(_ROLES)} of {rng.choice(_COUNTRIES)}"
            people.append(Person(_slug(name), name, role, last))
        return people

    def _pseudo(self, rng: random.Random) -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3))

    def _events(self, rng: random.Random, count: int) -> list[Event]:
        events: list[Event] = []
        ids: set[str] = set()
        for k in range(count):
            date = START + datetime.timedelta(days=k * self.days // count)
            place = rng.choice(_PLACES)
            kind = rng.choice(_EVENT_KINDS)
            title = f"{kind.capitalize()} in {place}"
            base = f"{date.isoformat()}-{_slug(kind)}-{_slug(place)}"
            event_id, extra = base, 2
            while event_id in ids:
                event_id, extra = f"{base}-{extra}", extra + 1
            ids.add(event_id)
            participants = sorted(set(rng.choices(range(len(self.people)),
                                                  cum_weights=self.people_weights,
                                                  k=rng.randint(1, 3))))
            event = Event(event_id, title, date, place, participants)
            for _ in range(rng.randint(2, 5)):
                speaker = rng.choice(participants)
                event.utterances.append(self._utterance(rng, speaker))
            events.append(event)
        return events

    def words(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.vocabulary, cum_weights=self.vocab_weights, k=count)

    def sentence(self, rng: random.Random, count: int) -> str:
        text = " ".join(self.words(rng, count))
        return text[0].upper() + text[1:]

    def _utterance(self, rng: random.Random, speaker: int) -> Utterance:
        reference = self.sentence(rng, rng.randint(12, 28))
        wordings = [reference]
        # Outlets transcribe the same words slightly differently: one word dropped, swapped
        # or added, never the first one (so every wording opens the same way).
        for _ in range(rng.randint(0, 2)):
            tokens = reference.split()
            at = rng.randrange(1, len(tokens))
            change = rng.random()
            if change < 0.4:
                del tokens[at]
            elif change < 0.8:
                tokens[at] = self.words(rng, 1)[0]
            else:
                tokens.insert(at, self.words(rng, 1)[0])
            wordings.append(" ".join(tokens))
        kind = rng.choices(("direct", "statement", "paraphrase"), weights=(8, 1, 1))[0]
        return Utterance(speaker, wordings, kind)

    def _date_for(self, index: int) -> datetime.date:
        return START + datetime.timedelta(days=min(index, self.n) * self.days // self.n)

    def source(self, index: int) -> tuple[str, str]:
        """(file name, file text) of source number `index`; `index == n` is the extra one."""
        rng = random.Random(f"{self.seed}:source:{index}")
        published = self._date_for(index)
        # Events reported: the latest ones before publication; now and then one announced.
        last = max(0, min(len(self.events) - 1,
                          (published - START).days * len(self.events) // self.days))
        while last > 0 and self.events[last].date > published:
            last -= 1
        window = [e for e in self.events[max(0, last - 6): last + 1] if e.date <= published]
        reports = sorted({e.id: e for e in rng.sample(window, min(len(window),
                                                                 rng.randint(1, 2)))}.values(),
                         key=lambda e: e.id)
        later = [e for e in self.events[last + 1: last + 4] if e.date > published]
        announces = [rng.choice(later)] if later and rng.random() < 0.2 else []
        outlet = _OUTLETS[rng.choices(range(len(_OUTLETS)), cum_weights=_zipf(len(_OUTLETS)))[0]]
        headline_event = reports[0] if reports else None
        title = (f"{headline_event.title}: {self.sentence(rng, rng.randint(4, 8))}"
                 if headline_event else self.sentence(rng, 8))
        source_id = f"{published.isoformat()}-{_slug(outlet)}-{index:05d}"
        quotes, paragraphs = self._quotes_and_text(rng, reports)
        people = {q["speaker"] for q in quotes}
        named = [p for p in self.people if p.id in people][:2]
        summary = " ".join(
            [f"Reports the {e.title} on {e.date.day} {e.date.strftime('%B %Y')}." for e in reports]
            + [f"{p.name} is quoted." for p in named]
            + [self.sentence(rng, rng.randint(15, 25)) + "."])
        front = {
            "title": title,
            "published": published.isoformat(),
            "outlet": outlet,
            "url": f"https://news.example.org/{_slug(outlet)}/{index:05d}",
            # A byline that draws nothing from the generator, so every other value stays as it was.
            "author": f"{outlet} correspondent",
            "language": "en",
            "summary": summary,
            "tags": sorted(set(rng.sample(_TAGS, rng.randint(1, 4)))),
            "reports": [e.id for e in reports],
            "announces": [e.id for e in announces],
            "quotes": quotes,
        }
        text = "---\n" + _front_matter(front) + "---\n" + "\n\n".join(paragraphs) + "\n"
        return f"{source_id}.md", text

    def _quotes_and_text(self, rng: random.Random,
                         reports: list[Event]) -> tuple[list[dict[str, str]], list[str]]:
        quotes: list[dict[str, str]] = []
        said: list[str] = []
        for event in reports:
            for utterance in rng.sample(event.utterances,
                                        min(len(event.utterances), rng.randint(1, 3))):
                text = rng.choice(utterance.wordings)
                person = self.people[utterance.speaker]
                quotes.append({"text": text, "speaker": person.id, "kind": utterance.kind,
                               "event": event.id})
                said.append(f"“{text},” {person.surname} {rng.choice(_SAY)}.")
        # A quote found in this source only, said on its day.
        speaker = self.people[rng.choices(range(len(self.people)),
                                          cum_weights=self.people_weights)[0]]
        own = self.sentence(rng, rng.randint(10, 20))
        quotes.append({"text": own, "speaker": speaker.id, "kind": "direct",
                       "date": self._date_for(int(rng.random() * self.n)).isoformat()
                       if not reports else reports[-1].date.isoformat()})
        said.append(f"{speaker.name}, {speaker.role}, {rng.choice(_SAY)}: “{own}.”")
        budget = WORDS_PER_SOURCE - sum(len(s.split()) for s in said)
        paragraphs: list[str] = []
        while budget > 0:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                length = rng.randint(12, 26)
                sentences.append(self.sentence(rng, length) + ".")
                budget -= length
            paragraphs.append(" ".join(sentences))
        for quote_text in said:
            paragraphs.insert(rng.randint(1, len(paragraphs)), quote_text)
        return quotes, paragraphs

    def people_yml(self) -> str:
        entries = {p.id: {"name": p.name, "kind": "person", "role": p.role,
                          "aliases": [p.name, p.surname]} for p in self.people}
        return _front_matter(entries)

    def events_yml(self) -> str:
        entries = {e.id: {"title": e.title, "date": e.date.isoformat(), "place": e.place,
                          "description": f"{e.title}, attended by "
                          + ", ".join(self.people[i].name for i in e.participants) + ".",
                          "participants": [self.people[i].id for i in e.participants]}
                   for e in self.events}
        return _front_matter(entries)


def _front_matter(value: Mapping[str, object]) -> str:
    """YAML in block style with every string as a JSON string, which YAML reads as it is."""
    lines: list[str] = []
    _emit(value, 0, lines)
    return "\n".join(lines) + "\n"


def _emit(value: object, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(item, dict) or (isinstance(item, list) and item
                                          and isinstance(item[0], dict)):
                lines.append(f"{pad}{key}:")
                _emit(item, indent + 2, lines)
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            sub: list[str] = []
            _emit(item, indent + 2, sub)
            lines.append(f"{pad}- {sub[0].lstrip()}")
            lines.extend(sub[1:])


def _scalar(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write_dossier(root: Path, n: int, seed: int = SEED, mkdocs_yml: Path | None = None) -> World:
    """Write a dossier of `n` synthetic sources under `root` (replacing any sources/ there).

    Files already there with the right bytes are left alone, and only others are removed: a
    benchmark run does not delete and rewrite 10,000 files just before it measures a build.
    """
    world = World(n, seed)
    folder = root / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "dossier.yml": f"title: \"Synthetic crisis dossier, {n} sources (seed {seed})\"\n",
        "people.yml": world.people_yml(),
        "events.yml": world.events_yml(),
    }
    files.update(world.source(index) for index in range(n))
    for path in folder.iterdir():
        if path.name not in files:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    for name, text in files.items():
        data = text.encode()
        path = folder / name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    if mkdocs_yml is not None:
        shutil.copyfile(mkdocs_yml, root / "mkdocs.yml")
        _copy_hand_written_docs(mkdocs_yml.parent / "docs", root / "docs")
    return world


def _copy_hand_written_docs(docs: Path, target: Path) -> None:
    """The pages editors wrote by hand (mkdocs.yml may name them), without generated ones."""
    from build_dossier.write import hand_written

    for uri in hand_written(docs):
        (target / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs / uri, target / uri)


def write_extra_source(root: Path, world: World) -> str:
    """Add one more source like the others (the newest); returns its path under `root`."""
    name, text = world.source(world.n)
    (root / "sources" / name).write_text(text, encoding="utf-8")
    return f"sources/{name}"
