"""Dates a text names, in English, French, German and Russian: '16 Dec. 2021', 'am Montag',
'3 марта 2019 г.', '27.06.2012', weekdays and 'yesterday' resolved against the publication
date. Used by `build-dossier new` for the publication date and to find events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import FuzzyDate


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _numbered(names: str) -> dict[str, int]:
    return {name: i + 1 for i, name in enumerate(_words_of(names))}


MONTHS = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
    **_numbered("janvier février mars avril mai juin juillet août septembre octobre novembre "
                "décembre"),
    **_numbered("januar februar märz april mai juni juli august september oktober november "
                "dezember"),
    "jänner": 1, "fevrier": 2, "aout": 8, "decembre": 12, "maerz": 3, "janv": 1, "févr": 2,
    "déc": 12, "okt": 10, "dez": 12,
    # Russian: the genitive is what follows a day ('3 марта'), the nominative heads a month.
    **_numbered("января февраля марта апреля мая июня июля августа сентября октября ноября "
                "декабря"),
    **_numbered("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
                "декабрь"),
    **_numbered("янв фев мар апр мая июн июл авг сен окт ноя дек"),
}
WEEKDAYS = {
    **{name.lower(): i for i, name in enumerate(calendar.day_name)},
    **{d: i for i, d in enumerate(_words_of("lundi mardi mercredi jeudi vendredi samedi "
                                            "dimanche"))},
    **{d: i for i, d in enumerate(_words_of("montag dienstag mittwoch donnerstag freitag "
                                            "samstag sonntag"))},
    # Russian weekdays as they follow 'в'/'во' ('в среду'), and as they head a dateline.
    **{d: i for i, d in enumerate(_words_of("понедельник вторник среду четверг пятницу "
                                            "субботу воскресенье"))},
    **{d: i for i, d in enumerate(_words_of("понедельник вторник среда четверг пятница "
                                            "суббота воскресенье"))},
}
_RELATIVE = {"today": 0, "aujourd'hui": 0, "heute": 0, "сегодня": 0, "yesterday": -1,
             "hier": -1, "gestern": -1, "вчера": -1, "tomorrow": 1, "demain": 1, "morgen": 1,
             "завтра": 1}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?:,?\s+(?P<{0}>\d{{4}})(?:\s*(?:г\.|года|год)(?![\w-]))?)?"
DATE_RE = re.compile(
    r"(?<![\w-])(?:(?P<wd>" + _DAY_RE + r")[,.]?\s+(?:(?:the|le|den|dem)\s+)?)?(?:"
    # Year first; agencies' time stamps leave out the zeros ('2017-2-13 15:47').
    r"(?P<iso>\d{4})(?P<sep>[-.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d.]\d)"
    r"|(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4})(?![\d.]\d)"
    # '9/16/24': an American date with a two-digit year, read only when the day tells the order.
    r"|(?P<um>\d{1,2})/(?P<ud>1[3-9]|2\d|3[01])/(?P<uy>\d{2})(?![\d/])"
    r"|(?P<d1>\d{1,2})(?:st|nd|rd|th|er|-?го)?\.?\s+(?:of\s+)?(?P<m1>" + _MONTH_RE + r")\.?"
    + _YEAR.format("y1") +
    r"|(?P<m2>" + _MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
    + _YEAR.format("y2") +
    # A year glued to the next word ('March 6, 2020updated …') is how scraped pages run on.
    r")(?:(?![\w-])|(?<=\d{4})(?=[^\W\d_]))"
    r"|(?<![\w-])(?P<wd2>" + _DAY_RE + r")(?![\w-])"
    r"|(?<![\w-])(?P<rel>" + "|".join(_RELATIVE) + r")(?![\w-])",
    re.IGNORECASE)
FUTURE = re.compile(
    r"\b(will|would|'ll|shall|next|upcoming|ahead|due to|is to|are to|going to|planned|scheduled|"
    r"prochain|prochaine|aura|va|vont|sera|wird|werden|nächste[nrs]?|kommende[nrs]?)\b"
    r"|(?<![\w-])(будет|будут|состоится|пройдет|пройдёт|предстоящ\w*|следующ\w*)(?![\w-])",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date the text names, resolved to a day."""

    at: int
    words: str
    date: dt.date


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, around: dt.date) -> dt.date | None:
    options = [d for y in (around.year - 1, around.year, around.year + 1)
               if (d := _day(y, month, day)) is not None]
    return min(options, key=lambda d: abs((d - around).days)) if options else None


def sentence_around(text: str, at: int, reach: int = 400) -> str:
    """The sentence holding offset `at`, looked for no further than `reach` either side."""
    low = max(0, at - reach)
    start = max(text.rfind(". ", low, at), text.rfind("\n", low, at), low - 1) + 1
    ends = [e for e in (text.find(". ", at, at + reach), text.find("\n", at, at + reach))
            if e >= 0]
    return text[start:min(ends) if ends else min(len(text), at + reach)]


def _resolve(match: re.Match[str], text: str, published: dt.date | None) -> dt.date | None:
    g = match.groupdict()
    if g["iso"]:
        return _day(int(g["iso"]), int(g["im"]), int(g["id"]))
    if g["ny"]:
        day, month = int(g["nd"]), int(g["nm"])
        if month > 12 and day <= 12 and "/" in match.group():
            day, month = month, day  # '3/31/2015': the American order, the month first
        return _day(int(g["ny"]), month, day)
    if g["uy"]:
        short = 2000 + int(g["uy"])
        # The century nearest: a year ahead of this one is the last century's.
        return _day(short if short <= dt.date.today().year else short - 100, int(g["um"]),
                    int(g["ud"]))
    if g["m1"] or g["m2"]:
        month = MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
        day = int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        if year:
            return _day(int(year), month, day)
        return _nearest_year(month, day, published) if published else None
    if published is None:
        return None
    if g["wd2"]:
        weekday = WEEKDAYS[g["wd2"].lower()]
        if FUTURE.search(sentence_around(text, match.start())):
            return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    if g["rel"]:
        return published + dt.timedelta(days=_RELATIVE[g["rel"].lower()])
    return None


def find_dates(text: str, published: dt.date | None) -> Iterator[DateMention]:
    """Every date the text names; dates without a year, weekdays and 'today' need `published`."""
    for match in DATE_RE.finditer(text):
        date = _resolve(match, text, published)
        if date is not None:
            yield DateMention(match.start(), match.group(), date)


def is_full_date(words: str) -> bool:
    """Whether the words name a day with its month (not only 'Monday' or 'today')."""
    lowered = words.lower()
    return words[:1].isdigit() or any(month in lowered for month in MONTHS)


_UPDATED = re.compile(r"(?i)\b(?:updated|last updated|modified|aktualisiert|zuletzt|mis à jour|"
                      r"modifié|actualisé)\b|(?i:обновлено|изменено)")


_SOURCE_LINE = re.compile(r"(?i)(?:\bsource\s*:?|\bquelle\s*:|\bпубликац\w*\s*:|"
                          r"(?i:\bисточник\s*:)|\bpubli(?:é|ée|shed)\s+(?:le|on)\b|"
                          r"\bveröffentlicht\s+am\b|(?i:\bопубликовано\b))")
"""Words that say where and when a text was published, as official sites print it at the top or
at the end: 'Source http://www.diplomatie.gouv.fr, le 21 mai 2007', 'Quelle: ..., 3. März 2019'."""


def _source_line_date(text: str) -> DateMention | None:
    """The full date a source line gives (the date within a line's length after its words)."""
    for marker in _SOURCE_LINE.finditer(text):
        after = text[marker.end():marker.end() + 160].split("\n", 1)[0]
        found = next((m for m in find_dates(after, None) if is_full_date(m.words)), None)
        if found is not None:
            return found
    return None


def find_published(text: str) -> tuple[FuzzyDate, str] | None:
    """The publication date the text gives, and the words it was found in.

    A dateline (a line that is little more than a date) near the top wins; then the date a
    source line gives anywhere ('Source ..., le 21 mai 2007'); then a full date in the first
    lines (the title's 'on 5 May 2019'); then the latest full date anywhere, approximate, as
    articles follow what they report.
    """
    head: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            head.append(line.strip())
        if len(head) == 8:
            break
    firsts = [(line, next(find_dates(line[:400], None), None)) for line in head]
    datelines = [(line, m) for line, m in firsts if m is not None and len(
        re.findall(r"[^\W\d_]+", line.replace(m.words, " "))) <= 4]
    # 'Published 1 March … Updated 3 March': the first publication, not the last change.
    datelines.sort(key=lambda pair: bool(_UPDATED.search(pair[0])))
    stated = _source_line_date(text)
    for _, found in datelines + [("", stated)] * (stated is not None) + [
            (line, m) for line, m in firsts if m is not None]:
        assert found is not None
        return FuzzyDate(found.date.year, found.date.month, found.date.day), found.words
    every = [m for m in find_dates(text, None) if m.date.year >= 1900]
    if every:
        latest = max(every, key=lambda m: m.date)
        return (FuzzyDate(latest.date.year, latest.date.month, latest.date.day,
                          approximate=True), latest.words)
    return _weekday_fixes_year(text)


_WEEKDAY_BEFORE = re.compile(r"(?i:\b(" + _DAY_RE + r"))\W{0,4}$")
_YEAR_NAMED = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _weekday_fixes_year(text: str) -> tuple[FuzzyDate, str] | None:
    """A day and month without a year, after its weekday ('в понедельник, 28 декабря'), in the
    one year the text names in which that day is that weekday ('по итогам 2020 года'); None
    when no year, or more than one, fits."""
    years = {int(y) for y in _YEAR_NAMED.findall(text)}
    for match in DATE_RE.finditer(text):
        g = match.groupdict()
        named = g["wd"] or next(iter(_WEEKDAY_BEFORE.findall(
            text, max(0, match.start() - 30), match.start())), None)
        if not (g["m1"] or g["m2"]) or g["y1"] or g["y2"] or named is None:
            continue
        month = MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
        weekday = WEEKDAYS[named.lower()]
        fits = {day for year in years if (day := _day(year, month, int(g["d1"] or g["d2"])))
                and day.weekday() == weekday}
        if len(fits) == 1:
            day = fits.pop()
            return FuzzyDate(day.year, day.month, day.day), match.group()
    return None
