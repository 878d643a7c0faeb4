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
    # '13/04/18': the same, day first, where the day tells the order.
    r"|(?P<ed>1[3-9]|2\d|3[01])/(?P<em>0?[1-9]|1[0-2])/(?P<ey>\d{2})(?![\d/])"
    r"|(?P<d1>\d{1,2})(?:st|nd|rd|th|er|-?го)?\.?\s+(?:of\s+)?(?P<m1>" + _MONTH_RE + r")\.?"
    + _YEAR.format("y1") +
    r"|(?P<m2>" + _MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
    + _YEAR.format("y2") +
    # A year glued to the next word ('March 6, 2020updated …') is how scraped pages run on.
    r")(?:(?![\w-])|(?<=\d{4})(?=[^\W\d_]))"
    r"|(?<![\w-])(?P<wd2>" + _DAY_RE + r")(?![\w-])"
    r"|(?<![\w-])(?P<rel>" + "|".join(_RELATIVE) + r")(?![\w-])"
    # A dotted or slashed date glued to the word before it, as a live entry's stamp runs time,
    # rubric and date together ('- 20:16 UhrBürgermeisterwahl Homberg13.03.2022') and a byline
    # its author and date ('Par Jean-Michel Darras27/02/2025 à 10:25'), or a time its date
    # ('09:0920.01.2021': 09:09 on 20 January, the two glued where a page set them apart).
    r"|(?:(?<=[^\W\d_])|(?<=(?<![\d:])\d\d:\d\d)|(?<=(?<![\d:])\d:\d\d))"
    r"(?P<gd>\d{1,2})(?P<gsep>[./])(?P<gm>\d{1,2})(?P=gsep)(?P<gy>\d{4})"
    r"(?![\d.]\d)"
    # A day, month and year glued to a word of three letters or more, as a heading runs into
    # the date line under it ('ПАТРИАРХ МОСКОВСКИЙ И ВСЕЯ РУСИ24 февраля 2022 г.'); the year is
    # wanted, and the word's length keeps 'G20 March 2021' out.
    r"|(?<=[^\W\d_]{3})(?P<gd3>\d{1,2})\.?\s+(?P<gm3>" + _MONTH_RE + r")\.?,?\s+"
    r"(?P<gy3>\d{4})(?:\s*(?:г\.|года|год)(?![\w-]))?(?![\w-])",
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


# Not the abbreviations that are also words after a comma in any English text ('Right, OK,').
_US_STATES = ("AL AK AZ AR CA CO CT DE FL GA ID IL IA KS KY LA MD MA MI MN MS MO MT NE NV NH NJ "
              "NM NY NC ND OH PA RI SC SD TN TX UT VT VA WA WV WI WY DC")
_US_ORIGIN = re.compile(
    r"\bThe White House\b|\bOffice of the Press Secretary\b|\bWashington,? D\.C\."
    r"|\bU\.S\. (?:Department|Embassy|Mission|Senate|House|Army|Navy|Air Force)\b"
    # A city and its state's postal abbreviation: 'en route Chicago, IL, 1/10/2017'.
    r"|[a-z],\s(?:" + "|".join(_US_STATES.split()) + r")\b(?![.\w'’-])")
"""What says a text comes from the United States, where '1/10/2017' is 10 January."""
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


@dataclass(frozen=True)
class SlashOrder:
    """How a text writes '05/11/2001': month first or day first, and whether the text says."""

    month_first: bool
    settled: bool
    why: str


def slash_order(text: str) -> SlashOrder:
    """The order of a text's slashed dates: one with a part over 12 settles it ('3/31/2015' is
    month first); else a US origin ('Chicago, IL', 'The White House') says month first; else
    day first, as most of the world writes it, unsettled."""
    for match in _SLASHED.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            return SlashOrder(False, True, f"'{match.group()}' in the text is day first")
        if second > 12 >= first:
            return SlashOrder(True, True, f"'{match.group()}' in the text is month first")
    origin = _US_ORIGIN.search(text)
    if origin:
        return SlashOrder(True, True, f"'{origin.group().strip()}' says the text is American")
    return SlashOrder(False, False, "nothing in the text says whether it writes the month or "
                      "the day first")


def _resolve(match: re.Match[str], text: str, published: dt.date | None,
             month_first: bool) -> dt.date | None:
    g = match.groupdict()
    if g["iso"]:
        return _day(int(g["iso"]), int(g["im"]), int(g["id"]))
    if g["ny"]:
        day, month = int(g["nd"]), int(g["nm"])
        if "/" in match.group() and ((month > 12 >= day) or (month_first and day <= 12)):
            day, month = month, day  # '3/31/2015', '1/10/2017': the American order
        return _day(int(g["ny"]), month, day)
    if g["gy"]:
        day, month = int(g["gd"]), int(g["gm"])
        if g["gsep"] == "/" and ((month > 12 >= day) or (month_first and day <= 12)):
            day, month = month, day
        return _day(int(g["gy"]), month, day)
    if g["gy3"]:
        return _day(int(g["gy3"]), MONTHS[g["gm3"].lower().rstrip(".")], int(g["gd3"]))
    if g["ey"]:
        short = 2000 + int(g["ey"])
        return _day(short if short <= dt.date.today().year else short - 100, int(g["em"]),
                    int(g["ed"]))
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


def find_dates(text: str, published: dt.date | None,
               month_first: bool | None = None) -> Iterator[DateMention]:
    """Every date the text names; dates without a year, weekdays and 'today' need `published`.
    Slashed dates are read in `month_first` order, or in the order the text itself shows."""
    if month_first is None:
        month_first = slash_order(text).month_first
    for match in DATE_RE.finditer(text):
        date = _resolve(match, text, published, month_first)
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
                          r"\bveröffentlicht\s+am\b|(?i:\bопубликовано\b)|"
                          # A live entry's stamp, run into its heading as saved pages run them:
                          # 'Turnout is uppublished at 03:25 GMT 13 December 2019'.
                          r"publi(?:shed|é|ée)\s+(?:at|à)\s+(?=\d{1,2}[:.h]\d{2})|"
                          r"\bveröffentlicht\s+um\s+(?=\d{1,2}[:.]\d{2}))")
"""Words that say where and when a text was published, as official sites print it at the top or
at the end: 'Source http://www.diplomatie.gouv.fr, le 21 mai 2007', 'Quelle: ..., 3. März 2019'."""
_RELEASE_LABEL = re.compile(
    r"(?im)^[^\S\n]*(?:release date|date of release|date released|publication date|"
    r"date of publication|date published|published|veröffentlichungsdatum|erscheinungsdatum|"
    r"veröffentlicht|date de publication|date de parution|publié le|дата публикации|"
    r"опубликовано)[^\S\n]*:[^\S\n]*")
"""A metadata field naming the publication date, the date after it or on the next line:
'Release Date:' over '05/11/2001', as an archive prints its record."""
_RANGE_JOIN = r"(?:[-–—]|to|until|till|bis|au|jusqu'au|по|до|and|und|et|и|&)"
"""What joins the two ends of a span, or two days listed as one occasion's ('am 30.11. und
1.12.2013', 'on 5 and 6 May 2019'): the days something takes place, not the day a text on it
was published."""
_RANGE_AFTER = re.compile(r"[^\S\n]*" + _RANGE_JOIN + r"[^\S\n]*(?=\d)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?<=[\w.])[^\S\n]*" + _RANGE_JOIN + r"[^\S\n]*$", re.IGNORECASE)


_BARE_DAY = re.compile(r"(?<![\d./])(?<!Nr\. )(?<!No\. )(?<!№ )(?:\d{1,2}\.?|\d{1,2}\.\d{1,2}\.)$")
"""A day without its month (or its year: '30.11.') before a range's join; not an issue's
number ('Nr. 12 - 15. Mai')."""


def _in_range(text: str, mention: DateMention) -> bool:
    """Whether a date is one end of a range ('11/03/1996 - 03/12/2007'): a span of time, never
    the day a text was published."""
    joined = _RANGE_AFTER.match(text, mention.at + len(mention.words))
    other = DATE_RE.match(text, joined.end()) if joined else None
    if other is not None and is_full_date(other.group()):
        return True
    before = _RANGE_BEFORE.search(text, max(0, mention.at - 12), mention.at)
    if before is None:
        return False
    # '3. bis 5. Mai 2019', '12 - 15 May': a bare day, its month the later date's.
    if mention.words[:1].isdigit() and _BARE_DAY.search(text, max(0, before.start() - 7),
                                                       before.start()):
        return True
    return any(
        m.end() == before.start() and is_full_date(m.group())
        for m in DATE_RE.finditer(text, max(0, mention.at - 40), before.start()))


def _full_dates(text: str, month_first: bool) -> Iterator[DateMention]:
    """The full dates a piece of the text names on their own, not as one end of a range."""
    return (m for m in find_dates(text, None, month_first)
            if is_full_date(m.words) and not _in_range(text, m))


def _source_line_date(text: str, month_first: bool) -> DateMention | None:
    """The full date a source line gives (the date within a line's length after its words);
    else a day and month it gives without the year ('published at 06:37 GMT 13 December') in
    the one year every full date of the text is in."""
    afters = [text[marker.end():marker.end() + 160].split("\n", 1)[0]
              for marker in _SOURCE_LINE.finditer(text)]
    for after in afters:
        found = next(_full_dates(after, month_first), None)
        if found is not None:
            return found
    years = {m.date.year for m in find_dates(text, None, month_first)
             if is_full_date(m.words) and m.date.year >= 1900}
    if len(years) != 1 or not afters:
        return None
    (year,) = years
    return next((found for after in afters if (found := _yearless_day(after, year))), None)


def _yearless_day(text: str, year: int) -> DateMention | None:
    """The first day and month `text` names without a year ('13 December'), in `year`."""
    for match in DATE_RE.finditer(text):
        g = match.groupdict()
        if (g["m1"] or g["m2"]) and not (g["y1"] or g["y2"]):
            day = _day(year, MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")],
                       int(g["d1"] or g["d2"]))
            if day is not None:
                return DateMention(match.start(), match.group(), day)
    return None


def _release_field_date(text: str, month_first: bool) -> DateMention | None:
    """The date a 'Release Date:' field gives, on its line or, when the line ends there, on the
    next line."""
    for label in _RELEASE_LABEL.finditer(text, 0, 4000):
        line, _, rest = text[label.end():label.end() + 400].partition("\n")
        value = line if line.strip() else rest.lstrip().split("\n", 1)[0]
        found = next(_full_dates(value, month_first), None)
        if found is not None:
            return found
    return None


def find_published(text: str) -> tuple[FuzzyDate, str] | None:
    """The publication date the text gives, and the words it was found in.

    A field naming it ('Release Date: 05/11/2001') wins; then a dateline (a line that is little
    more than a date) near the top; then the date a source line gives anywhere ('Source ..., le
    21 mai 2007', a live entry's 'published at 03:25 GMT 13 December 2019'); then a full date in
    the first lines (the title's 'on 5 May 2019'); then the latest full date anywhere,
    approximate, as articles follow what they report. A range's dates are never taken, and
    slashed dates are read in the order the text shows (see `slash_order`).
    """
    month_first = slash_order(text).month_first
    head: list[str] = []
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    for at, line in enumerate(lines):
        # A site's header ('ACCUEIL 25.7.2014 Mis à jour à 17h51', or 'Donnerstag, 28. März
        # 2024' over its 'Archiv' label) dates the day the page was seen or saved, not the page.
        if _SITE_CHROME.match(line) or _SITE_LABEL.fullmatch(line) or (
                at + 1 < len(lines) and _SITE_LABEL.fullmatch(lines[at + 1])):
            continue
        # A picture's credit and the caption under it ('©AFP/…' over '…, le 24 mai 2017')
        # date the picture, which may be days or years older than the page.
        if "©" in line or (at > 0 and _CREDIT.match(lines[at - 1])):
            continue
        head.append(line)
        if len(head) == 8:
            break
    firsts = [(line, next((m for m in find_dates(line[:400], None, month_first)
                           if not _in_range(line, m)), None)) for line in head]
    datelines = [(line, m) for line, m in firsts if m is not None and len(
        re.findall(r"[^\W\d_]+", line.replace(m.words, " "))) <= 4]
    # 'Published 1 March … Updated 3 March': the first publication, not the last change.
    datelines.sort(key=lambda pair: bool(_UPDATED.search(pair[0])))
    stated = [_release_field_date(text, month_first), *(m for _, m in datelines),
              _source_line_date(text, month_first), *(m for _, m in firsts)]
    found = next((m for m in stated if m is not None), None) or _date_stamp_below(lines)
    if found is not None:
        return FuzzyDate(found.date.year, found.date.month, found.date.day), found.words
    every = [m for m in find_dates(text, None, month_first)
             if m.date.year >= 1900 and not _in_range(text, m)]
    if every:
        latest = max(every, key=lambda m: m.date)
        return (FuzzyDate(latest.date.year, latest.date.month, latest.date.day,
                          approximate=True), latest.words)
    return _weekday_fixes_year(text) or _current_year_fixes_day(text)


_STAMP = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.?\s(?P<y>\d{4})")
"""A page's date stamp printed day and month dotted, then the year ('27.11 2015')."""


def _date_stamp_below(lines: list[str]) -> DateMention | None:
    """A line of the last three that is a full date and nothing else ('4 ноября 2022', '27.11
    2015'): the date a page prints under its text, when nothing above dates it."""
    for line in reversed(lines[-3:]):
        if (stamp := _STAMP.fullmatch(line)) is not None:
            day = _day(int(stamp["y"]), int(stamp["m"]), int(stamp["d"]))
            if day is not None:
                return DateMention(0, line, day)
        found = next(iter(find_dates(line, None)), None)
        if (found is not None and found.words.strip() == line and is_full_date(found.words)
                and _YEAR_NAMED.search(found.words)):
            return found
    return None


_CREDIT = re.compile(r"(?:[•·*–-]\s*)?(?:©|\(c\)\s|(?i:photo|foto|фото|bild)\s*:)")
"""A picture's credit line: '© AFP/…', 'Photo : …', 'Foto: dpa', 'Фото: …'."""

# A line opening on a site's navigation label, as a saved page keeps its header.
_SITE_CHROME = re.compile(r"(?i)(?:accueil|home|homepage|startseite|главная)(?![\w-])")
# A navigation label alone on its line: the line above it is the site's header too.
_SITE_LABEL = re.compile(r"(?i)(?:accueil|home|homepage|startseite|главная|archiv|archive|"
                         r"archives|архив)")


def published_caveat(text: str, words: str) -> str | None:
    """What the editor must check in a publication date read from slashed words ('05/11/2001')
    whose order the text does not settle; None when the words are not so ambiguous."""
    match = _SLASHED.fullmatch(words.strip())
    if match is None or int(match.group(1)) > 12 or int(match.group(2)) > 12 \
            or match.group(1) == match.group(2):
        return None
    order = slash_order(text)
    if order.settled:
        return None
    first, second, year = (int(part) for part in words.strip().split("/"))
    year += 2000 if year < 100 else 0
    read, other = (dt.date(year, second, first), dt.date(year, first, second))
    return (f"'{words.strip()}' read day first, {read.day} {calendar.month_name[read.month]}; "
            f"{order.why}: if it is American, it is {other.day} "
            f"{calendar.month_name[other.month]}")


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


_CURRENT_YEAR = re.compile(
    r"(?i)(?<![\w-])(?:в\s+(?:уходящем|текущем|этом|нынешнем)|в\s+(?:уходящий|текущий)|"
    r"(?:в\s+)?(?:уходящего|текущего|этого|нынешнего)|en\s+cette\s+année|cette\s+année|"
    r"l'année\s+en\s+cours|im\s+laufenden\s+Jahr|in\s+diesem\s+Jahr|dieses\s+Jahr|"
    r"im\s+zu\s+Ende\s+gehenden\s+Jahr|this\s+year|the\s+current\s+year)\W{0,3}"
    r"(?P<year>(?:19|20)\d{2})(?!\d)")
"""A year the text calls its own ('в уходящем 2015 году', 'cette année 2012', 'this year, 2015')."""


def _current_year_fixes_day(text: str) -> tuple[FuzzyDate, str] | None:
    """The first day and month named without a year ('состоялась 22 декабря'), in the one year
    the text calls the current one ('в уходящем 2015 году'); None when it calls none, or more
    than one, so."""
    years = {int(m.group("year")) for m in _CURRENT_YEAR.finditer(text)}
    if len(years) != 1:
        return None
    (year,) = years
    found = _yearless_day(text, year)
    return (FuzzyDate(found.date.year, found.date.month, found.date.day), found.words) \
        if found else None
