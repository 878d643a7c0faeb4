"""Who a name, a label or a pronoun in a text stands for: the people registry matched by name,
alias, surname and role, ignoring case, honorifics and script ('MR SMITH', 'В.Путин', 'the
Secretary General'); a proposed full name for someone it does not hold. For `build-dossier new`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..model import Person
from .language import transliterate
from .textparts import UPPER, SpanSet, words_of

HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|m|mme|mlle|herr|frau|the|hon|honourable|"
    r"secretary(?:[ -]general)?|president|minister|prime minister|foreign minister|ambassador|"
    r"general|admiral|senator|spokesperson|spokesman|spokeswoman|chancellor|press secretary|"
    r"deputy|under|assistant|state|vice|acting|principal|attorney|governor|mayor|"
    r"commissioner|director|judge|justice|councillor|councilman|councilwoman|rep|sen|gov|"
    r"oberbürgermeister|oberbürgermeisterin|bürgermeister|bürgermeisterin|landrat|"
    r"landwirtschaftsminister|maire|préfet|préfète|député|sénateur|мэр|губернатор|министр|"
    r"sts|stv|vors|vorsitzender|vorsitzende|bk|bk´in|bk'in|bkin|bm|bm'in|bundeskanzler|"
    r"bundeskanzlerin|staatssekretär|staatssekretärin|minister|ministerin|sprecher|sprecherin|"
    r"monsieur|madame|г-н|г-жа|господин|госпожа|coach|head coach|trainer|trainerin|entraîneur|"
    r"тренер)(?:\.\s*|\s+)|[a-zа-яё]\.\s*)+(?=\S)",
    re.IGNORECASE)
"""Titles and initials before a name in a label or a byline: stripped to find the person."""
TITLE_WORDS = frozenset(words_of(
    "Mr Mrs Ms Dr President Prime Minister Foreign Defence Defense Secretary General "
    "Secretary-General Spokesperson Spokesman Spokeswoman Ambassador Chancellor Deputy State "
    "Chief Head Senator Representative Admiral Colonel Captain Director Commissioner Envoy "
    "Special US U.S. UK Russian Ukrainian American British French German NATO EU Vice UN "
    "Minister, ministre Außenminister Außenministerin Bundeskanzler Bundeskanzlerin Kanzler "
    "Präsident Sprecher Sprecherin Generalsekretär Le La Der Die M. Mme Herr Frau StS Vors. "
    "Министр Президент Глава Пресс-секретарь Официальный Under Assistant Press Acting Sir "
    "Dame Lord Lady Гендиректор Генеральный Governor Gouverneur Губернатор Mayor Maire "
    "Bürgermeister Bürgermeisterin Мэр Préfet Préfète Ministerpräsident Ministerpräsidentin "
    "Премьер-министр Премьер Landrat Landrätin Oberbürgermeister Oberbürgermeisterin "
    "Bundespräsident Bundespräsidentin Innenminister Innenministerin Staatssekretär "
    "Staatssekretärin Regierungssprecher Regierungssprecherin Sous-préfet Sous-préfète Député "
    "Députée Sénateur Sénatrice Депутат Посол Полпред Coach Trainer Trainerin Entraîneur "
    "Тренер"))
_TITLE_FOLDED = frozenset(w.casefold().strip(".,") for t in TITLE_WORDS
                          for w in re.split(r"[\s\-]+", t) if w) | {"general"}
PRONOUNS_PERSON = frozenset(words_of("he she il elle er он она"))
ROLE_NOUNS = frozenset(words_of(
    "minister ministre ministerin министр spokesman spokeswoman spokesperson sprecher "
    "sprecherin porte-parole chancellor kanzler kanzlerin chancelier chancelière president "
    "président präsident präsidentin президент diplomat diplomate дипломат official speaker "
    "whip spokesman пресс-секретарь спикер помощник советник представитель глава politician "
    "politiker politikerin politicien politicienne политик governor gouverneur gouverneure "
    "губернатор mayor maire bürgermeister bürgermeisterin мэр préfet préfète prefect "
    "ministerpräsident ministerpräsidentin premier премьер премьер-министр élu élue "
    "rathauschef rathauschefin coach trainer entraîneur тренер"))
"""Words naming someone by office alone ('the minister said'): the person last named."""
PRONOUNS_ANY = frozenset(words_of("they it ils elles sie они"))
_CYRILLIC_ENDINGS = ("ого", "ому", "ым", "ом", "ой", "ою", "а", "у", "е", "ы")


def plain(name: str) -> str:
    """A name as compared: case folded, hyphens as spaces, a leading 'the' dropped."""
    words = re.split(r"[\s\-‐–]+", name.strip().casefold())
    if words and words[0] in ("the", "le", "la", "der", "die"):
        words = words[1:]
    return " ".join(w.strip(".,") for w in words if w.strip(".,"))


def strip_titles(label: str) -> str:
    """The name in a label or byline once titles and initials are gone: 'UNDER SECRETARY
    JONES' → 'JONES', 'В.Путин' → 'Путин'."""
    stripped = HONORIFICS.sub("", label.strip()).strip(" .,")
    return stripped or label.strip()


def proper_case(name: str) -> str:
    """'DEPUTY SECRETARY SHERMAN' → 'Deputy Secretary Sherman'; mixed case is left alone."""
    if not name.isupper():
        return name
    return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-"))
                    for word in name.split())


def latin(words: str) -> str:
    """Words in Latin letters, lower case, without the marks a soft or hard sign becomes:
    'Альбац' → 'albats', as a registry spells it, not "al'bats"."""
    return re.sub(r"['’ʹʺ]", "", transliterate(words).lower())


def spelling_key(words: str) -> str:
    """Words with the letters transliterations disagree on folded away, to tell that
    'Yevgeny Kondratyev', 'Evgeniy Kondratev' and 'Jewgeni Kondratjew' are one name: 'kh' as
    'h', 'x' as 'ks', no 'y' or 'j', no 'i' before a vowel or ending a word."""
    key = latin(words).replace("kh", "h").replace("x", "ks")
    key = re.sub(r"[yj]", "", key)
    key = re.sub(r"i(?=[aeou])", "", key)
    return re.sub(r"i+\b", "", key)


def _surname_forms(word: str) -> set[str]:
    """The forms a surname may take in a text: folded, transliterated, Russian cases off."""
    folded = word.casefold().strip(".,")
    forms = {folded, latin(folded)}
    if re.search(r"[а-яё]", folded):
        for ending in _CYRILLIC_ENDINGS:
            if folded.endswith(ending) and len(folded) - len(ending) >= 3:
                stem = folded[: -len(ending)]
                forms |= {stem, latin(stem)}
                # 'Захаровой', 'Захарову' (genitive, accusative): the feminine 'Захарова'
                if ending in ("ой", "ою", "ей", "у"):
                    forms |= {stem + "а", latin(stem + "а")}
    return {f for f in forms if f}


class _Name:
    """One name or alias as `Registry.find` looks for it: compiled on the first text that holds
    its first word, so that a registry of thousands of people costs only the names a text
    could hold (every name compiled and tried on every text was most of `new`'s time)."""

    __slots__ = ("_pattern", "flags", "key", "length", "person_id", "single", "source")

    def __init__(self, source: str, flags: int, person_id: str, length: int,
                 first: str, single: bool = False) -> None:
        self.source, self.flags, self.person_id, self.length = source, flags, person_id, length
        self.single = single
        """A name of one word: a surname alone, which may be another's given name."""
        folded = first.lower() if flags & re.IGNORECASE else first
        # A letter whose lower case is longer ('İ') matches in ways `in` cannot tell: always try.
        self.key = folded if len(folded) == len(first) else ""
        self._pattern: re.Pattern[str] | None = None

    def in_(self, text: str, lowered: str) -> bool:
        """Whether `text` (`lowered`: its lower case) may hold the name."""
        return self.key in (lowered if self.flags & re.IGNORECASE else text)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern


@dataclass
class Registry:
    """People's names and aliases compiled for matching in running text."""

    people: dict[str, Person]
    patterns: list[_Name] = field(default_factory=list)
    by_plain: dict[str, str] = field(default_factory=dict)
    by_surname: dict[str, set[str]] = field(default_factory=dict)
    by_spelling: dict[str, set[str]] = field(default_factory=dict)
    """Names and surnames by `spelling_key`: consulted only when no spelling matches as it is."""
    given: dict[str, set[str]] = field(default_factory=dict)
    """Each person's given names, folded: the first words of their names of several words."""
    year: int | None = None
    """The year of the text, for the holder of an office then (`office_holder`)."""

    @classmethod
    def of(cls, people: dict[str, Person], year: int | None = None) -> Registry:
        """Compile every name and alias; longer names first so they win over their parts.

        An alias that is only a title ('Secretary-General') names, in a text of `year`, whoever
        the registry says held that office then ('Secretary-General of the United Nations
        (2007-2016)'), rather than its current holder.
        """
        registry = cls(people, year=year)
        seen: set[tuple[str, str]] = set()
        for person in people.values():
            for alias in (person.name, *person.aliases):
                if (alias, person.id) in seen or not alias.strip():
                    continue
                seen.add((alias, person.id))
                holder = _holder_in(people, alias, year) if _title_only(alias) else None
                registry._compile(alias, people[holder] if holder else person)
        registry.patterns.sort(key=lambda p: -p.length)
        return registry

    def _compile(self, alias: str, person: Person) -> None:
        plain_words = [w for w in re.split(r"[\s\-‐–]+", alias.strip()) if w]
        body = r"[\s\-‐–]+".join(re.escape(w) for w in plain_words)
        # Acronyms such as 'US' must not match the word 'us'.
        flags = 0 if alias.isupper() else re.IGNORECASE
        self.patterns.append(_Name(r"(?<![\w’'])" + body + r"(?![\w’])", flags, person.id,
                                   len(alias), plain_words[0] if plain_words else "",
                                   single=len(plain_words) == 1))
        for form in {plain(alias), latin(plain(alias))}:
            self.by_plain.setdefault(form, person.id)
        self.by_spelling.setdefault(spelling_key(plain(alias)), set()).add(person.id)
        # An office alone ('Secretary-General') is no surname: 'Director-General' is not him.
        if person.kind == "person" and not _title_only(alias):
            if len(plain_words) > 1:
                self.given.setdefault(person.id, set()).add(plain_words[0].casefold())
            last = plain(alias).split(" ")[-1]
            for form in _surname_forms(last):
                self.by_surname.setdefault(form, set()).add(person.id)
                self.by_spelling.setdefault("~" + spelling_key(form), set()).add(person.id)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every registry name in `text` as (start, end, id), longest first where they overlap."""
        found: list[tuple[int, int, str]] = []
        taken = SpanSet()
        lowered = text.lower()
        # A text with a letter whose lower case is longer ('İ'): every name is tried.
        sure = len(lowered) == len(text)
        for name in self.patterns:
            if sure and not name.in_(text, lowered):
                continue
            for match in name.pattern.finditer(text):
                if name.single and self.given_name_at(text, match.start(), match.end(),
                                                      name.person_id):
                    continue
                if not taken.overlaps(match.start(), match.end()):
                    taken.add(match.start(), match.end())
                    found.append((match.start(), match.end(), name.person_id))
        return sorted(found)

    def given_name_at(self, text: str, start: int, end: int, person_id: str) -> bool:
        """Whether the surname at `text[start:end]`, which the registry knows alone, stands as
        another person's given name: 'Philippe Baptiste, his counterpart, said' is not Édouard
        Philippe. The word after it must be a name (a comma or a lower-case word after it, not
        a headline's Title Case, nor 'Tuesday') and none of the person's own given names
        ('Набиуллина Эльвира')."""
        after = _NAME_AFTER.match(text, end)
        return (after is not None and self.people[person_id].kind == "person"
                and after.group(1).casefold() not in self.given.get(person_id, set())
                and could_be_speaker(f"{text[start:end]} {after.group(1)}"))

    def other_given_name(self, before: list[str], person_id: str) -> bool:
        """Whether the word `before` a surname the registry knows is another given name than
        the person's: 'Mike Atkinson' (or 'MIKE ATKINSON') is not the registry's Caroline
        Atkinson, 'J. Atkinson' neither. A title, an office, a word opening a sentence or a
        lower-case word says nothing; a given name in another case or script ('Сергея
        Кириенко', 'Sergei') is the person's by its first letters."""
        # '11:14 Uhr: Mützenich', 'Paris, Macron': punctuation between them joins no name.
        word = before[-1].lstrip("(„“\"«»") if before else ""
        if word[-1:] in ",;:)»“”\"!?":
            return False
        if word.isupper() and len(word) >= 3 and word.isalpha():
            word = proper_case(word)  # a label in capitals: 'MIKE ATKINSON'
        person = self.people.get(person_id)
        given = self.given.get(person_id, set())
        if person is None or person.kind != "person" or not given or not word[:1].isupper() \
                or word.rstrip(".") in TITLE_WORDS or word in OPENERS or names_an_office(word):
            return False
        forms = {word.casefold(), latin(word.casefold())}
        if re.fullmatch(r"[" + UPPER + r"]\.", word):  # an initial
            return not any(g[:1] == f[:1] for g in given for f in forms)
        if not re.fullmatch(GIVEN_NAME, word):
            return False
        return not any(g[:4] == f[:4] or latin(g)[:4] == f[:4] for g in given for f in forms)

    def exact(self, name: str) -> str | None:
        """The id whose name or alias is `name`, ignoring case, a leading 'the' and script."""
        wanted = plain(name)
        found = self.by_plain.get(wanted) or self.by_plain.get(latin(wanted))
        if found or not wanted:
            return found
        # Another transliteration of a name the registry holds: 'Евгений Куйвашев' for
        # 'Yevgeny Kuyvashev', 'Andrei Kondratev' for 'Andrey Kondratyev'.
        ids = self.by_spelling.get(spelling_key(wanted), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def surname(self, name: str) -> str | None:
        """The only person whose name ends with `name`'s last word, if exactly one does."""
        words = plain(name).split(" ") if name.strip() else []
        if not words or not words[-1]:
            return None
        ids: set[str] = set()
        forms = _surname_forms(words[-1])
        for form in forms:
            ids |= self.by_surname.get(form, set())
        if not ids:  # 'Кондратьев' for 'Kondratyev': the surname in another transliteration
            for form in forms:
                ids |= self.by_spelling.get("~" + spelling_key(form), set())
        return ids.pop() if len(ids) == 1 else None

    def resolve(self, name: str) -> str | None:
        """The registry id `name` stands for: as written, without titles, or by surname."""
        bare = strip_titles(name)
        if _title_only(bare) and _DEPUTY.match(name.strip()):
            # 'Deputy Secretary-General' is another office than 'Secretary-General'.
            return self.exact(name)
        found = self.exact(name) or self.exact(bare)
        if found is not None:
            return found
        found = self.surname(bare)
        if found is not None and self.other_given_name(bare.split()[:-1], found):
            return None  # 'Mike Atkinson', someone else than the registry's Caroline Atkinson
        return found

    def office_holder(self, office: str, text: str = "") -> str | None:
        """The one person the registry says held `office` ('President') in the text's year,
        by the term in brackets after their role ('President of … (2021-2025)'); of several
        holders that year (a President of the United States and one of Iceland), the one
        the `text` names, if it names one only."""
        if _DEPUTY.match(office.strip()):
            return None  # 'Vice President' is another office, which no role of the kind starts
        holders = _holders_in(self.people, office, self.year)
        if len(holders) > 1:
            holders &= {person_id for _, _, person_id in self.find(text)}
        return holders.pop() if len(holders) == 1 else None

    def is_person(self, person_id: str | None) -> bool:
        """Whether the id names a person rather than an organisation."""
        person = self.people.get(person_id or "")
        return person is not None and person.kind == "person"


_DEPUTY = re.compile(r"(?i:deputy|vice|under|assistant|acting|stellvertretende\w*|vize\w*|"
                     r"adjoint\w*|sous|заместител\w*|зам\w*|вице)[\s-]")
"""A rank before an office that makes it another one: 'Deputy Secretary-General'."""
_TERM = re.compile(r"\((\d{4})\s*[-–]\s*(\d{4})?\)")


def _title_only(alias: str) -> bool:
    words = plain(alias).split()
    return bool(words) and all(w in _TITLE_FOLDED for w in words)


def _holder_in(people: dict[str, Person], title: str, year: int | None) -> str | None:
    """The one person whose role is the office `title` names, with a term (its years in
    brackets) that holds `year`."""
    holders = _holders_in(people, title, year)
    return holders.pop() if len(holders) == 1 else None


def _holders_in(people: dict[str, Person], title: str, year: int | None) -> set[str]:
    """Everyone whose role is the office `title` names, with a term that holds `year`."""
    if year is None:
        return set()
    office = plain(title)
    holders = set()
    for person in people.values():
        term = _TERM.search(person.role or "")
        if (term and plain(person.role or "").startswith(office)
                and int(term.group(1)) <= year <= int(term.group(2) or 9999)):
            holders.add(person.id)
    return holders


OPENERS = frozenset(words_of(
    "During In On At After Before When While As But And Since For From With By Under Over Today "
    "Yesterday Meanwhile Later Earlier Also Speaking Asked According Im Am Nach Bei Vor Während "
    "Heute Laut Aus Mit Für Gegen Seit Trotz Wegen Auch Doch Aber Und Denn Wie Wenn Als Dass Zudem "
    "Dans Lors Après Avant Pendant Selon Aujourd'hui Hier Pour Avec Sans Chez Mais Et Quand "
    "Comme Pourtant Puis Ensuite Alors Enfin Then Dann Danach В На После Во Перед Сегодня "
    "Вчера По Как Но И Потом Затем Также Однако Кроме Тогда However Still Aussi Cependant "
    "Toutefois Außerdem Jedoch Allerdings При Dabei Zugleich Ainsi Here There "
    # German articles open a sentence on a noun, capitalised: 'Eine Woche nach …'.
    "Ein Eine Einer Einem Einen Das Dem Den Des "
    # Contracted prepositions and possessives: 'Zur AfD sagt …', 'Ihre Eltern …'.
    "Zur Zum Beim Vom Ins Über Unter Zu Ohne Um Durch Neben Ihre Ihr Sein Seine Unser Unsere "
    "Mein Meine His Her Their Our My Its Son Sa Ses Leur Leurs Notre Nos Mon Ma Mes "
    # Demonstratives: 'Diese Hypothese stellte Landungsleiter X auf'.
    "Diese Dieser Dieses Diesem Diesen Jene Jener Jenes This These Those Cette Ces Cet "
    "Этот Эта Эти Этого Этой "
    # Russian adverbs of sequence: 'Сперва Швыдкой развеял …'.
    "Сперва Сначала Вначале Далее Наконец Итак Теперь Впрочем"))
"""Words that open a sentence with a capital, never the first of a name: 'Laut Söder'."""

_POSSESSIVE = re.compile(r"['’]s$")
_INSTITUTIONS = frozenset(w.casefold() for w in words_of(
    "Organisation Organization Association Commission Committee Council Party Ministry "
    "Department Office Agency Institute Union Group University Foundation Bank Court Parliament "
    "Government Company Corporation Police Service Authority Post Times News Press Zeitung "
    "Ministerium Partei Regierung Kommission Amt Verband Stiftung Institut Gericht Allgemeine "
    "Ministère Parti Assemblée Conseil Agence Syndicat Fédération Gouvernement Министерство "
    "Комиссия Совет Партия Агентство Служба College School Hospital Congress Conference "
    "Association Federation Society Board Trust Network Forum Centre Center Club Schule "
    "Hochschule Universität Klinik Kongress Konferenz Bauernverband Collège École Université "
    "Hôpital Congrès Fédération Université Университет Школа Больница Союз Федерация "
    "Library Museum Stadium Airport Station Theatre Bibliothek Museum Bahnhof Flughafen "
    "Krankenhaus Bibliothèque Musée Gare Aéroport Théâtre Библиотека Музей Театр Вокзал "
    "Observatory Laboratory Observatoire Laboratoire Observatorium Labor Обсерватория "
    "Лаборатория"))


_BODIES_BEFORE_PLACE = frozenset(w.casefold() for w in words_of(
    "Landkreis Kreis Bezirk Stadt Gemeinde Markt Feuerwehr Polizei Stadtwerke Regierungsbezirk "
    "County Borough District Département Région Commune Préfecture Mairie Ville "
    "Embassy Ambassade Botschaft Consulat Konsulat Посольство Консульство "
    "Область Район Округ Город Администрация Мэрия Правительство"))
"""A body's or territory's word that comes before the place it is of: 'Landkreis Dillingen'."""
_BODY_ENDINGS = ("amt", "ministerium", "verband", "verwaltung", "behörde", "gericht", "stadt",
                 "kreis", "direktion", "präsidium", "werk", "werke")
"""German compounds naming a body or a place: 'Wasserwirtschaftsamt', 'Innenministerium',
'Baumkuchenstadt', 'Atomkraftwerk Fukushima', 'Stahlwerke Bremen'."""


_PARTIES = frozenset(plain(name) for name in (
    "Grüne", "Grünen", "Die Grünen", "Bündnis 90/Die Grünen", "SPD", "CDU", "CSU", "CDU/CSU",
    "FDP", "AfD", "Linke", "Die Linke", "Linkspartei", "BSW", "Piraten", "Freie Wähler", "ÖVP",
    "SPÖ", "FPÖ", "NEOS", "LR", "Les Républicains", "PS", "Parti socialiste", "LFI",
    "La France insoumise", "RN", "Rassemblement national", "FN", "Front national", "UMP", "UDI",
    "EELV", "Les Verts", "Verts", "PCF", "MoDem", "LREM", "LaREM", "Renaissance", "Horizons",
    "Reconquête", "Labour", "Tories", "Tory", "Conservatives", "Lib Dems", "Liberal Democrats",
    "SNP", "Plaid Cymru", "UKIP", "Reform UK", "Greens", "Democrats", "Republicans", "GOP",
    "Единая Россия", "ЕР", "КПРФ", "ЛДПР", "Справедливая Россия", "Яблоко", "Новые люди"))


def is_party(name: str) -> bool:
    """Whether words name a political party ('Grüne', 'SPD', 'LR'), as live pages label the
    entries of an election night: a party, never a person called 'Grüne'."""
    return plain(name.strip(" :–-•")) in _PARTIES


def is_institution(name: str) -> bool:
    """Whether a name proposed from the text names a body, not a person ('Independent Press
    Standards Organisation', 'Rheinische Post'): no one's 'he' or 'she'."""
    words = name.split()
    if not words:
        return False
    # 'Landkreis Dillingen', 'Wasserwirtschaftsamt Donauwörth', 'Feuerwehr Wertingen': a body
    # or a territory named before its place, as German and Russian name them.
    # 'l’Ambassade de France au Japon': French's elided article is no part of the word.
    first = re.sub(r"^[ld]['’]", "", words[0].casefold())
    return (_POSSESSIVE.sub("", words[-1].casefold().strip(".,")) in _INSTITUTIONS
            or (len(words) >= 2 and (first in _BODIES_BEFORE_PLACE
                                     or first.endswith(_BODY_ENDINGS))))


GIVEN_NAME = r"[" + UPPER + r"][a-zßà-öø-ÿа-яё’']+(?:-[" + UPPER + r"]?[a-zßà-öø-ÿа-яё’']+)*"
"""A given name in its own case, hyphenated or not: 'Wendy', 'Jean-Yves'."""
_NAME_AFTER = re.compile(r"[^\S\n]+(" + GIVEN_NAME + r"|[" + UPPER + r"]{2,}(?:-[" + UPPER
                         + r"]{2,})?)(?=[^\S\n]*(?:[,(]|$)|[^\S\n]+[a-zßà-öø-ÿа-яё])")
"""A name-like word after another, then a comma, a bracket, a lower-case word or the end:
'Baptiste, …'; or a surname in capitals, as lists of people print it ('M. Philippe JAMET,
Mme Margot TIRMARCHE')."""
_GIVEN_AND_WORD = re.compile(r"(?<![\w’'-])(" + GIVEN_NAME + r")[^\S\n]+"
                             # A middle initial is passed over: 'Michael B. Mukasey'; so is
                             # a patronymic: 'Владимир Николаевич Княгинин'.
                             r"(?:[" + UPPER + r"]\.[^\S\n]+|[А-ЯЁ][а-яё]+(?:ович|евич|ьич|"
                             r"ична|овна|евна)[^\S\n]+)?(?=([\w’'\-]+))")


@functools.lru_cache(maxsize=8)
def _full_names(text: str) -> dict[str, tuple[str, str]]:
    """Each word of the text that follows a given name, folded, with the first such pair: read
    in one pass, so that looking up every label and surname of a long text stays linear."""
    found: dict[str, tuple[str, str]] = {}
    for match in _GIVEN_AND_WORD.finditer(text, 0, 200_000):
        given, word = match.group(1), _POSSESSIVE.sub("", match.group(2))  # 'Mitchell's'
        if given not in TITLE_WORDS and given not in OPENERS and word[:1].isupper():
            found.setdefault(word.casefold(), (given, word))
    return found


def full_name_in(text: str, surname: str) -> str | None:
    """The fullest form of a surname the text gives ('Wendy Sherman' for 'SHERMAN'; 'Дмитрий
    Медведев' for 'МЕДВЕДЕВ' from the genitive 'Дмитрия Медведева')."""
    if not surname or len(surname) < 2:
        return None
    if re.fullmatch(r"[А-ЯЁа-яё\-]+", surname):
        return _full_name_ru(text, surname)
    # One given name in its own case before the surname in any case, within a line (a
    # headline's last word is no given name of the next line's first): 'Sean Spicer' for
    # 'SPICER', 'Judd Deere' for 'MR. DEERE'.
    if " " not in surname.strip():
        pair = _full_names(text).get(surname.strip().casefold())
        return f"{pair[0]} {proper_case(pair[1])}" if pair else None
    return _full_name_of_words(text, surname)


def _full_name_ru(text: str, surname: str) -> str | None:
    """A Russian surname in full, in the nominative, from whichever case the text gives it in."""
    names = _full_names(text)
    wanted = proper_case(surname)
    forms = [surname, surname + "а", surname + "ого"]  # Медведев, Медведева
    if surname.casefold().endswith(("а", "я")):
        forms.append(surname[:-1] + "ой")  # Захарова → Захаровой
    for form in forms:
        pair = names.get(form.casefold())
        if pair is None:
            continue
        full = nominative(f"{pair[0]} {proper_case(pair[1])}")
        if full.split()[-1].casefold() == wanted.casefold():
            return f"{full.split()[0]} {wanted}"
    return None


@functools.lru_cache(maxsize=256)
def _full_name_of_words(text: str, surname: str) -> str | None:
    """'Jean-Yves Le Drian' for 'M. Le Drian': a surname of several words, looked for once."""
    body = r"[^\S\n]+".join(re.escape(w) for w in surname.split())
    pattern = re.compile(r"(?<![\w’'-])(" + GIVEN_NAME + r")[^\S\n]+((?i:" + body + r"))(?![\w’-])")
    for match in pattern.finditer(text, 0, 200_000):
        if match.group(1) not in TITLE_WORDS:
            return f"{match.group(1)} {match.group(2)}"
    return None


@functools.lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-zß-öø-ÿа-яё][\w’'-]*", text[:200_000]))


def common_words(text: str, name: str) -> bool:
    """Whether a name read from capitals ('DEUX DÉPARTEMENTS EN ALERTE' → 'En Alerte') holds a
    word the text writes in lower case elsewhere ('en', 'alerte'): words, not a name."""
    lower = _lower_words(text)
    return any(w.lower() in lower for w in re.split(r"[\s\-]+", name)
               if len(w) >= 2 and w.lower() not in _NAME_PARTICLES)


def lower_case_elsewhere(text: str, name: str) -> bool:
    """Whether every word of a name read from a heading's capitals is one the text writes in
    lower case elsewhere ('Industrial Action' of 'Results of Ballot on Industrial Action' over
    '… the ballot on industrial action closed today'): the heading's words, not a name."""
    lower = _lower_words(text)
    words = [w for w in re.split(r"[\s\-]+", name) if w.lower() not in _NAME_PARTICLES]
    return bool(words) and all(w.lower() in lower for w in words)


_NAME_PARTICLES = frozenset(words_of("de von van der den le la du da di al el bin ibn abu Al El "
                                     "Bin Ibn Abu Le La De Van Von Der Di Da Du Dos"))


_ARTICLES = frozenset(words_of("der die das den dem des ein eine einen einer einem the a an le la "
                               "les un une im am zum zur beim vom ins"))


def names_an_office(word: str) -> bool:
    """Whether a (compound) noun names an office: 'Bahnsprecherin', 'Regierungssprecher'."""
    folded = word.casefold()
    return any(folded.endswith(noun) for noun in ROLE_NOUNS if len(noun) >= 6)


_OBJECT_PREPOSITIONS = frozenset(words_of(
    "für über gegen ohne um mit zwischen unter in im for into onto against about over without "
    "towards pour contre sur sous avec sans vers chez dans à для против над под без в во"))
"""Prepositions whose capitalised object is a place or a thing ('für Deutschland', 'sorgt
für Verwirrung', 'pour la France'), never the one who speaks."""


_DETERMINERS = frozenset(words_of(
    "Das Der Die Den Dem Des Ein Eine Einer Einem Einen Zur Zum Beim Vom Ins Im Am Ihre Ihr "
    "Sein Seine Unser Unsere Mein Meine Dieser Diese Dieses His Her Their Our My Its The Son "
    "Sa Ses Leur Leurs Notre Nos Mon Ma Mes Un Une"))
"""Capitalised words opening a noun phrase, not a name: an article, a possessive, 'Zur'."""


def proper_name(phrase: str) -> tuple[str, str] | None:
    """(name, role) of a person the phrase names by capitalised words, if it does; or of a
    body named by its word before its place, whole ('l’Ambassade de France au Japon', not
    'Japon')."""
    body = re.sub(r"^(?:[lL]['’]|(?:la|le|the|der|die|das)\s+)", "", phrase.strip())
    if "," not in body and len(body.split()) >= 3 and body[:1].isupper() \
            and body.split()[0].casefold() in _BODIES_BEFORE_PLACE \
            and re.match(r"(?:de|du|des|d['’]|of|von|der|in|au|aux|à)(?![\w-])",
                         body.split()[1]) is not None:
        return body, ""  # 'County spokeswoman Ann Example' is hers: no 'of' after the body
    words = re.findall(r"[\w’'.\-]+", phrase)
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or (run and word in {"de", "von", "van", "der", "le", "la"}):
            run.insert(0, word)
        else:
            break
    if len(run) == 1 and len(words) > 1 and words[-2].casefold() in _OBJECT_PREPOSITIONS:
        return None  # 'gibt Entwarnung für Deutschland', 'sorgt für Verwirrung': an object
    # 'vor der Bundestagswahl': an article is no particle unless 'von' or 'van' leads it.
    while run and (run[0] in TITLE_WORDS or run[0].rstrip(".") in TITLE_WORDS
                   or run[0] in {"der", "le", "la"}):
        run.pop(0)
    # 'Cabinet Office Minister Michael Gove', 'Geschäftsstellenleiter Geert Baasen': the name is
    # the last two words, or three with a particle ('Sultan Al Jaber', 'Ursula von der Leyen').
    # A body's name is all its words: 'Hawaiian Volcano Observatory', 'Independent Press
    # Standards Organisation'.
    whole_body = len(run) <= 5 and is_institution(" ".join(run)) \
        and not any(w in TITLE_WORDS for w in run)
    if not whole_body and (len(run) > 3 or (
            len(run) == 3 and run[1] not in _NAME_PARTICLES
            and not three_given_names(words[:len(words) - len(run)], run))):
        # The surname, its particles and one given name before them: 'Ursula von der Leyen'.
        first = len(run) - 2
        while first > 0 and run[first] in _NAME_PARTICLES:
            first -= 1
        if first > 0 and re.fullmatch(r"[A-Z]\.", run[first]) \
                and run[first - 1].rstrip(".") not in TITLE_WORDS:
            first -= 1  # a middle initial: 'Chicago Mayor Richard M. Daley'
        run = run[first:]
    while len(run) > 1 and run[0].rstrip(".") in TITLE_WORDS:  # 'Auch Landrat Rock'
        run.pop(0)
    if not run or (len(run) == 1 and run[0] in OPENERS):  # 'Puis, tel un professeur'
        return None
    if len(run) == 1 and words[:-1] and words[-2].casefold() in _ARTICLES \
            and not names_an_office(run[0]):
        # 'die Entscheidung', 'im Berufsverkehr': a noun after its article, no name; 'eine
        # Bahnsprecherin' is someone unnamed, known by their office.
        return None
    if run[0] in _DETERMINERS:
        if len(run) == 2:
            return None  # 'Das Motto', 'Zur AfD', 'Ihre Eltern': a noun, not a name
        run.pop(0)
    name = " ".join(run)
    if len(run) == 1 and (name.isupper() or len(name) < 3):
        return None
    if not could_be_speaker(name):
        return None
    role = phrase[:phrase.rfind(run[0])].strip(" ,") if run[0] in phrase else ""
    return name, role


_PLAIN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zßà-öø-ÿ]+")
"""A name's word as a person's name is spelt in Latin letters: a capital, then lower-case
letters only (not 'BBC', 'Labour’s', 'SPD-Chef'). In Cyrillic a place in the genitive comes
between the office and the name ('пресс-секретарь президента России Иван Примеров')."""


_ROLE_ARTICLES = frozenset(words_of("le la les un une the a an"))
"""Articles a role in lower case follows; German's are left out, as German capitalises its
nouns ('Das sagte Geschäftsführer Hans Beispiel': the word after the article a verb)."""


def three_given_names(before: list[str], run: list[str]) -> bool:
    """Whether three capitalised words are one person's names (a given name, a second one
    and the surname: 'le géologue Magnús Tumi Example', 'the geologist Anna Maria Example'):
    a role in lower case stands right `before` them, after its article or itself an office's
    noun ('housing minister Ana María Example'), so no office or body is among the three (not
    'la ministre de la Culture Jeanne Exemple', 'du Kremlin Ivan Primerov', nor German's
    capitalised offices: 'sagte Wiesnchef Hans Beispiel')."""
    return (len(run) == 3 and len(before) >= 2
            and (before[-2].casefold() in _ROLE_ARTICLES or before[-1] in ROLE_NOUNS)
            and len(before[-1]) >= 4 and before[-1].islower() and before[-1].isalpha()
            and all(_PLAIN_NAME.fullmatch(word) and word not in TITLE_WORDS
                    and not names_an_office(word) for word in run))


_NOT_NAMES = frozenset(w.casefold() for w in words_of(
    # Answers and interjections that open a sentence: 'Non, assure Agnès Buzyn'.
    "non oui no yes nein ja doch si нет да ну "
    # What is said or done, and where, rather than who says it: 'Ausdrückliches Lob hatte der
    # Innenminister', 'the Council summit', 'Municipales', 'Ordnungsruf'.
    "lob kritik dank appell warnung forderung ordnungsruf praise criticism thanks warning "
    "appeal call éloge critique appel avertissement похвала критика призыв предупреждение "
    "summit sommet gipfel саммит meeting réunion treffen sitzung встреча заседание "
    "conference conférence konferenz конференция talks gespräche négociations переговоры "
    "election elections élection élections municipales wahl wahlen выборы "
    "statement déclaration erklärung заявление report rapport bericht доклад "
    # Days and times: 'a call around 5 p.m. Wednesday, saying …' names no speaker.
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag понедельник вторник среда четверг пятница суббота воскресенье "
    "january february march april june july august september october november december "
    "janvier février avril juin juillet septembre octobre novembre décembre januar februar "
    "märz juni juli oktober dezember "
    # A demonstrative: 'Об этом заявил X' — X said it, not 'Об этом'.
    "этом это этого this that cela ceci dies darüber davon"))


_NUMBERS = frozenset(w.casefold() for w in words_of(
    "one two three four five six seven eight nine ten eleven twelve twenty hundred thousand "
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend "
    "un deux trois quatre cinq six sept huit neuf dix onze douze vingt cent mille "
    "один два три четыре пять шесть семь восемь девять десять сто тысяча"))
"""Numbers, capitalised as a sentence opens: 'Fünf Prozent seien knapp' names no one."""


def a_count(subject: str) -> bool:
    """Whether a subject only counts people ('Six graciously', 'Two of them', 'Трое'): no one
    a reader could name."""
    words = subject.split()
    return bool(words) and words[0].casefold().strip(",") in _NUMBERS and len(words) <= 3 \
        and not any(w[:1].isupper() for w in words[1:])


def could_be_speaker(name: str) -> bool:
    """Whether capitalised words can name a speaker (a person or an organisation): not an
    answer or an interjection ('Non'), not what is said or the occasion ('Ausdrückliches Lob',
    'Euro Summit', 'Municipales'), not an office's field without the office ('de la Santé')."""
    words = name.split()
    if not words or words[-1].casefold().strip(".,") in _NOT_NAMES \
            or words[0].casefold() in _NUMBERS or any(w in _PRONOUNS for w in words):
        return False
    return words[0] not in ("de", "du", "des", "d'", "d’", "of", "für", "для")


_PRONOUNS = frozenset(words_of("Sie Ihnen Ich Wir Ihr Er Es Du Vous Nous Je Tu Il Elle I We You "
                               "He She They Вы Мы Я Он Она Они Ты"))
"""Pronouns, capitalised as German's polite 'Sie' always is or as a sentence opens: never a
word of a name ('Verfolgen Sie die aktuellen Ereignisse')."""


Endings = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
_MASCULINE: Endings = ((("ия", "ий"), ("ея", "ей"), ("ая", "ай"), ("а", "")),
              (("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
               ("ского", "ский"), ("цкого", "цкий"), ("ого", "ой"), ("а", "")))
_FEMININE: Endings = ((("ии", "ия"), ("ы", "а"), ("и", "а")),
             (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская"),
              ("цкой", "цкая"), ("ной", "ная")))
"""A Russian given name's and surname's genitive endings, with their nominative."""
_WOMENS_NAMES = frozenset(words_of(
    "Анна Мария Елена Ольга Наталья Наталия Татьяна Ирина Светлана Екатерина Галина Людмила "
    "Нина Надежда Вера Марина Дарья Ксения Алина Виктория Анастасия Елизавета Полина Софья "
    "София Кристина Лариса Оксана Тамара Зоя Лидия Вероника Яна Алла Инна Жанна Эльвира Элла "
    "Римма Раиса Варвара Маргарита Антонина Зинаида Клавдия Майя Диана Алёна Алена Олеся "
    "Ульяна Таисия Регина Карина Снежана Лилия Ангелина Арина Серафима Эмма Ева Кира Валентина "
    "Юлиана Мила Милана Элина Эльмира Василиса Евдокия Любава Богдана Злата Ника Лада Дина"))
"""Women's given names that no man's takes in the genitive: 'Нина Заречная' stays as it is."""
_WOMANS_SURNAME = re.compile(r"(?:[бвгджзйклмнпрстфхцчшщь]|ая|яя)$")
"""A surname a man's genitive never ends with: 'Евгения Альбац', 'Нина Заречная' name a
woman in the nominative, where 'Евгения Альбаца' would be Евгений's genitive."""


def _swap(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    return next((word[:-len(a)] + b for a, b in endings if word.endswith(a)), word)


def genitive_surname(surname: str) -> str:
    """A Russian surname alone in the genitive, in the nominative: 'Винникова' → 'Винников',
    'Захаровой' → 'Захарова' (in the genitive a woman's ends in -ой, a man's in -а)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё\-]+", surname):
        return surname
    return _swap(surname, _FEMININE[1] if surname.endswith("ой") else _MASCULINE[1])


def nominative(name: str) -> str:
    """A Russian name in a title's genitive ('Сергея Шойгу', 'Марии Захаровой') in the
    nominative ('Сергей Шойгу', 'Мария Захарова'); any other name as it is."""
    words = name.split()
    if len(words) != 2 or not re.fullmatch(r"[А-ЯЁа-яё\-]+", words[0] + words[1]):
        return name
    given, surname = words
    if given.endswith(("ии", "ы", "и")):
        forms = _FEMININE
    elif given.endswith(("я", "а")) and given not in _WOMENS_NAMES \
            and not _WOMANS_SURNAME.search(surname.lower()):
        forms = _MASCULINE
    else:
        return name
    return f"{_swap(given, forms[0])} {_swap(surname, forms[1])}"
