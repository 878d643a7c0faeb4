"""The title `build-dossier new` proposes: the text's first heading, past the lines a saved
page puts above it — datelines ('Published 2 сентября 2021, 09:34'), bylines ('By Jane Doe',
'Текст: …'), page labels ('Live updates', 'Im Wortlaut') and a live blog's timestamps.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .textparts import UPPER, sentences, words_of

_DATELINE_WORDS = re.compile(
    r"(?i:published|updated|last updated|posted|first published|modified|on|at|am|um|le|à|"
    r"opublikovano|опубликовано|обновлено|изменено|дата|veröffentlicht|aktualisiert|stand|"
    r"zuletzt|publié|mis à jour|modifié|uhr|h|gmt|bst|utc|cet|cest|msk|мск|et|est|edt|pm|"
    r"г|года|год|в|"
    # 'Letzte Aktualisierung: um 19:46 Uhr', 'Dernière mise à jour : 19h46': a stamp's nouns.
    r"aktualisierung|update|dernière|mise|jour|последнее|обновление|"
    # '… / 2:41 PM / 9 months ago': how long ago, as a saved page prints it.
    r"ago|years?|months?|weeks?|days?|hours?|назад|лет|года?|месяц\w*|дн\w*)")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?:\s*(?i:[ap]\.\s?m\.|[ap]m\b))?")
"""A time of day, with its 'P.M.' ('6:15 P.M. EST' over a White House transcript is no title)."""
_BYLINE = re.compile(
    r"(?i:by|von|par|[TТ]екст|автор|author|written by|reporting by)\s*:?\s+"
    r"[" + UPPER + r"][\w.’'\-]+(?:\s+[" + UPPER + r"][\w.’'\-]+){0,3}"
    r"(?:\s*(?:,|and|und|et|и)\s*[" + UPPER + r"][\w.’'\- ]{2,40})*\s*")
_LABELS = frozenset([
    "live", "live updates", "live blog", "liveblog", "live coverage", "as it happened",
    "full text", "transcript", "full transcript", "texte intégral", "im wortlaut",
    "seul le prononcé fait foi", "es gilt das gesprochene wort", "check against delivery",
    "as delivered", "télécharger le .pdf", "download pdf", "news-ticker", "newsticker",
    "liveticker", "nachrichten-ticker", "ticker", "en direct", "direct", "онлайн",
    "онлайн-трансляция", "прямая трансляция", "mitschrift pressekonferenz", "breaking news",
    "breaking", "share", "teilen", "partager", "поделиться", "for immediate release",
    "immediate release", "press release", "news release", "pressemitteilung",
    "communiqué de presse", "пресс-релиз", "advertisement", "anzeige", "werbung", "publicité",
    "реклама", "sponsored", "by", "von", "par", "автор", "updated", "published", "posted",
    "aktualisiert", "veröffentlicht", "publié", "mis à jour", "опубликовано", "обновлено",
    # A rubric over an interview's headline: 'Interview' over 'OB X zur Lage: "…"'.
    "interview", "das interview", "entretien", "l'entretien", "интервью"])
"""Labels a page prints above its heading, never the heading itself."""
_LEAD = re.compile(r"^[\s•·*+▪►▶➤>\-–—|]*(?:\d{1,2}[:.h]\d{2}(?![.\d])\s*(?:Uhr|am|pm|[A-Z]{2,4})?"
                   r"\s*[:.\-–—+]*\s*)?[\s•·*+▪►▶➤>|]*")
"""Bullets, arrows and a live blog's timestamp before a headline: '• 17:56 Uhr: ➤ '."""
_TURN = re.compile(r"[QR]\.?\s*[-–—:]\s|[A-ZÀ-ÖØ-Þ][\w.’' -]{0,40}\.-\s")
"""A transcript's first turn: 'Q - …', 'R.- …', 'C. Barbier.- …'."""


def without_entry_time(words: str) -> str:
    """Words without the bullets and live entry time before them ('+++ 18:42 Uhr +++ ')."""
    return _LEAD.sub("", words, count=1)


def is_dateline(line: str) -> bool:
    """Whether a line only states when (and maybe where) the text was published."""
    dates = list(find_dates(line, None))
    if not dates and not _TIME.search(line):
        return False
    rest = line
    for found in dates:
        rest = rest.replace(found.words, " ")
    rest = _TIME.sub(" ", rest)
    # 'Boulogne-Billancourt, 1 February 2016': a place joined by hyphens is one word.
    words = [w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", rest)
             if not _DATELINE_WORDS.fullmatch(w)]
    return len(words) <= 1


def is_byline(line: str) -> bool:
    """Whether a line only names the text's author: 'By Jane Doe', 'Текст: Катерина Туманова'."""
    return _BYLINE.fullmatch(line.strip()) is not None


_READING_TIME = re.compile(r"(?:·\s*)?\d+\s*(?:min|minutes?|мин|hours?|hrs?|h|std\.?|Stunden)"
                           r"\.?\s*(?:read|lesedauer|de lecture|чтения|ago)?|(?:vor|il y a) \d+ "
                           r"\w+|\d+ \w+ назад", re.IGNORECASE)
"""'65 Min. Lesedauer', '·32 min read', '30 min ago', 'vor 2 Stunden', '5 минут назад'."""


_MINUTES = re.compile(r"(?<!\d)\d+\s*(?i:min|minutes?|мин)\b")
"""A reading time in minutes: '1 minute', '3 min'."""


def is_label(line: str) -> bool:
    """Whether a line is a label a page prints above its heading ('Live updates'), or the
    page's breadcrumb trail ('Schattenblick → INFOPOOL → PARLAMENT')."""
    return (line.lower().strip(" .:|-–—") in _LABELS
            or _READING_TIME.fullmatch(line.strip()) is not None
            # 'News & Views 1 minute 18 March 2020': a rubric, a reading time and a date.
            or (len(line.split()) <= 8 and _MINUTES.search(line) is not None
                and any(True for _ in find_dates(line, None)))
            or len(re.findall(r"\s[→›>]\s", line)) >= 2
            or _BREADCRUMB_FIELDS.match(line.strip()) is not None
            or _PAGE_COUNTER.fullmatch(line.strip()) is not None)


_PAGE_COUNTER = re.compile(r"(?i:seite|page|страница|стр\.)\s*\d{1,4}\s*(?i:von|of|sur|из|/)"
                           r"\s*\d{1,4}")
"""A page counter of an article printed over several pages ('Seite 1 von 3', 'Page 2 of 5',
'Страница 1 из 3'): where the reader is, no words of the title."""


_BREADCRUMB_FIELDS = re.compile(r"[" + UPPER + r"][\w-]*\s*:\s*[^/\n]{1,60}\s/\s[" + UPPER
                                + r"][\w-]*\s*:\s")
"""A page's trail of fields ('Standort: science.ORF.at / Meldung: "…"'): where the page sits,
above its heading."""


_FLASH = re.compile(r"(?:BREAKING(?: NEWS)?|REPLAY|URGENT|EILMELDUNG|СРОЧНО|EXCLUSIVE|EXCLUSIF)"
                    r"\s*[.:!|–—-]\s+(?=\S)")
"""A flash set before a headline to say how the item is shown now ('BREAKING: …', 'REPLAY.
…'), which the next version of the page drops: no words of its title."""


_HASHTAG = re.compile(r"#\w+\s*[:|–—-]\s+(?=\S)")
"""A hashtag rubric before a headline ('#GPnews: …'), the site's tag for its feed: no words
of the title."""


def _heading(line: str) -> str:
    """A line without its bullets, timestamp, flash and trailing boilerplate. A label the
    heading opens with to say what the page is ('DIRECT. …', 'Transcript: …') is the page's
    own title and is kept."""
    line = _LEAD.sub("", line, count=1).strip()
    line = _FLASH.sub("", line, count=1)
    line = _HASHTAG.sub("", line, count=1)
    # '… "On va aller jusqu'au bout"2min': a reading time glued to the headline's end.
    line = re.sub(r"(?<=[\"”»!?.])\d{1,2}\s?min\.?$", "", line)
    for label in _LABELS:  # '13 janvier 2016 - Seul le prononcé fait foi'
        if line.lower().endswith(label) and line[:-len(label)].endswith((" - ", " – ", " — ",
                                                                        " | ", ". ")):
            line = line[:-len(label)].rstrip(" -–—|:.")
    return line


def _sentence(line: str) -> str:
    """A long first line's first sentence, of 20 to 200 characters: never cut at an
    abbreviation ('… on the 2008 U.S. Article IV …'); else its first words and '…'."""
    if len(line) <= 200:
        return line
    for _, end in sentences(line, 0, len(line)):
        if end > 200:
            break
        if end >= 20:
            return line[:end]
    return line[:160].rsplit(" ", 1)[0] + "…"


_FIELD = re.compile(r"[" + UPPER + r"][\w'’]*(?:[ \-][\w'’]+){0,3}\s*:(?P<value>.*)")
"""A record's field as an archive prints it: 'Release Date:', 'Transcript ID: 12063'."""


def _metadata_lines(lines: list[str]) -> set[int]:
    """The lines of a record's fields and their values, never a title: a label alone ('Release
    Date:') with the short line or bullets under it, a label with only dates or figures after
    it ('Period of Service: 11/03/1996 - 03/12/2007'), a date and names split by bars."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        parts = re.split(r"\s+\|\s+", line)
        if len(parts) >= 3 and any(is_dateline(p) for p in parts) \
                and all(len(p.split()) <= 4 for p in parts):
            found.add(i)  # '22.04.2016 | Jane Roe | John Doe | Translated by: Ann Poe'
            continue
        field = _FIELD.fullmatch(line)
        if field is None:
            continue
        value = field.group("value").strip()
        if value and re.search(r"[^\W\d_]", _without_dates(value)):
            continue
        found.add(i)
        below = i + 1
        while not value and below < len(lines) and len(lines[below].split()) <= 6 \
                and _FIELD.fullmatch(lines[below]) is None:
            found.add(below)
            if not (below + 1 < len(lines) and lines[below + 1].startswith(("•", "·", "- "))):
                break
            below += 1
    return found


def _without_dates(words: str) -> str:
    for found in find_dates(words, None):
        words = words.replace(found.words, " ")
    return words


def guess_title(text: str) -> tuple[str, bool]:
    """(title, whether lines above it were passed over): the first line that is not a
    dateline, byline, page label or a record's field ('Release Date:'); a one- or two-word
    label line ('Neujahrsansprache', 'New York') gives way to a headline just below it (a line
    of no more than 40 words that does not end as a sentence does)."""
    lines = [line.strip() for line in text.split("\n", 40)[:40] if line.strip()]
    fields = _metadata_lines(lines[:12])
    candidates = []
    for i, line in enumerate(lines[:12]):
        heading = _heading(line)
        if heading and i not in fields and not (
                is_dateline(line) or is_dateline(heading) or is_byline(heading)
                or is_label(heading) or _ISSUE.match(heading) or _CAPTION.match(heading)):
            candidates.append(heading)
    if not candidates:
        return _sentence(lines[0]) if lines else "", False
    if len(candidates) >= 2 and (is_outlet_line(candidates[0])
                                 or _BLOG_NAME.fullmatch(candidates[0])):
        # 'Australian Broadcasting Corporation', 'Районная газета «Уренские вести», г. Урень':
        # the station's or paper's name the page prints above everything is no heading.
        candidates = candidates[1:]
    release = next((i for i, line in enumerate(lines[:12]) if line.lower().strip(" .:") in
                    ("for immediate release", "immediate release")), None)
    if release is not None:
        # 'The White House / Office of the Press Secretary / For Immediate Release': the
        # sender's letterhead stands above the release line, its heading below.
        below = [c for c in candidates if c in lines[release + 1:]
                 and not _SENDERS_OFFICE.match(c)]
        candidates = below or candidates
    named = _named_in_breadcrumbs(lines[:3])
    first = named if named in candidates else candidates[0]
    if _TURN.match(first):  # no heading at all: the transcript's first turn is no title
        return _sentence(lines[0]), False
    # 'Fos-sur-Mer' / 'Social' / 'Nouvelle journée …': each label of a page's rubrics gives
    # way to the headline below them.
    at = candidates.index(first)
    while (len(first.split()) <= 2 and at + 1 < len(candidates)
           and _headline(candidates[at + 1])):
        at += 1
        first = candidates[at]
    return _sentence(first), first != lines[0]


_SENDERS_OFFICE = re.compile(r"(?i:office of the (?:press secretary|spokesperson|first lady|"
                             r"vice president)|press office|bureau de presse|pressestelle)\b")
"""The sender's office under the release line ('For Immediate Release / Office of the Press
Secretary / July 17, 2008 / Press Gaggle by …'): its letterhead, not the heading."""
_ISSUE = re.compile(r"(?i:выпуск|номер|issue|ausgabe|numéro|n°|№)\s*(?:no\.?\s*|nr\.?\s*)?\d+"
                    r"(?:\s*\(\d+\))?(?:\s*(?:от|of|vom|du|,)\s*.{0,30})?$")
"""A paper's issue line ('Выпуск 60(13278) от 12.08.2019 г.', 'Ausgabe 12 vom 3. Mai'): no
heading."""
_CAPTION = re.compile(r"(?i:на снимке|на фото|фото|photo|foto|bild|image|copyright|crédits?|"
                      r"credits?)\s*:")
"""A picture's caption or credit ('На снимке: П.Р. Иванов', 'Foto: dpa'): no heading."""
_OUTLET_NOUN = re.compile(
    r"(?<![\w-])(?:Broadcasting(?:\s+(?:Corporation|Company|Service|System|Union))?|Radio|"
    r"Television|Fernsehen|Rundfunk|Zeitung|Gazette|Newspaper|Radiodiffusion|Télévision|"
    r"(?i:газета|телеканал|телекомпания|телерадиокомпания|радиостанция|радио))(?![\w-])")
_MINOR_WORDS = frozenset(words_of("of the and for de la du des et für und der"))


_WORD = r"[" + UPPER + r"][\w’'\-]+"
_OWNERS = (_WORD + r"(?:\s+(?:&|et|and|und)\s+" + _WORD + r")?(?:\s+" + _WORD + r"){0,2}?")
_BLOG_NAME = re.compile(r"(?P<owner>" + _OWNERS + r")(?:[’']s)?\s+(?:(?:Le|The|Das|Mon)\s+)?"
                        r"(?i:blog)|(?:(?:Le|The|Das)\s+)?(?i:blog)\s+(?:de|of|von)\s+"
                        r"(?P<owner2>" + _OWNERS + r")")
"""A blog's name as its pages print it above the post: 'David & Noëlle Faure Le Blog', 'Le blog
de Jean Exemple', "Jane Example's Blog"."""


def blog_owner(line: str) -> str | None:
    """The writer a blog's name line names ('David & Noëlle Faure Le Blog' → 'David Faure':
    of a couple, the first, under the surname they share); None when the line is no blog's
    name."""
    found = _BLOG_NAME.fullmatch(line.strip())
    if found is None:
        return None
    owner = re.sub(r"[’']s$", "", found.group("owner") or found.group("owner2"))
    if owner.split()[0] in ("The", "Le", "La", "Les", "Das", "Der", "Die", "Mon", "My"):
        return None  # 'The Daily Blog': the blog's own name
    owners = re.split(r"\s+(?:&|et|and|und)\s+", owner)
    first, last = owners[0].split(), owners[-1].split()
    if len(first) == 1 and len(last) >= 2:
        return f"{first[0]} {last[-1]}"
    return " ".join(first) if len(first) >= 2 else None


def is_outlet_line(line: str) -> bool:
    """Whether a line is a station's or paper's name and nothing else, as a page prints it above
    its heading: the words of a name, one of them naming a broadcaster or a paper
    ('Australian Broadcasting Corporation', 'Norddeutscher Rundfunk'), in Russian the noun
    and the name in marks, the town after it ('Районная газета «Сельские вести», г. Н')."""
    words = line.split()
    if not 1 <= len(words) <= 10 or line.rstrip()[-1:] in ".!?:…" or not _OUTLET_NOUN.search(line):
        return False
    if re.search(r"[«„“\"][^«»„“”\"]{2,40}[»“”\"]", line) and re.search(r"(?i:газета|телеканал|"
                                                              r"радио|телекомпания)", line):
        return True
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _headline(line: str) -> bool:
    """Whether a line below a label is a headline: no more than 40 words, not a transcript's
    turn, not ending as a sentence does, unless it ends on the words it quotes as a heading
    does, wholly in marks or after its colon ('"Es ist für diesen speziellen Ort …"', '… à
    Fos-sur-Mer : "On va aller jusqu'au bout"')."""
    quoted = re.search(r"(?:^|:\s)[\"“„«][^\"“”„«»]+[\"”“»]$", line) is not None
    return (len(line.split()) <= 40 and not _TURN.match(line) and (quoted or not line.rstrip()
            .endswith((":", ".", "!", "?", "…", "»", "”", "\""))))


def _named_in_breadcrumbs(lines: list[str]) -> str | None:
    """The heading a page's trail names as its last field ('… / Meldung: "Kometenlandung
    geglückt - gleich zweimal?"'), which the page prints below a kicker of its own."""
    for line in lines:
        if _BREADCRUMB_FIELDS.match(line):
            return line.rsplit(":", 1)[-1].strip(" \"“”„«»")
    return None


_MASTHEAD = re.compile(r"[" + UPPER + r"][\w’'&.\-]*(?:[ \-][" + UPPER + r"0-9][\w’'&.\-]*){0,3}")
"""A publisher's name as a page prints it above everything: 'Интерфакс-Украина', 'The Times'."""


_CLOCK = re.compile(r"(?<![\d.])\d{1,2}(?::\d{2}|h\d{2}|\.\d{2}\s*(?:am|pm|Uhr))(?![\d.])")
"""A time of day ('11:47', '9h30', '11.51 am'), not a day and month ('08.12.2021')."""


def masthead(text: str) -> str:
    """The outlet, when the page's first line is a name of a few words printed above its
    time-stamped dateline ('Интерфакс-Украина' over '11:47 04.03.2024'); else empty."""
    lines = [line.strip() for line in text.split("\n", 6)[:6] if line.strip()]
    if len(lines) < 3 or len(lines[0]) > 60 or len(lines[1]) > 80 \
            or not _MASTHEAD.fullmatch(lines[0]) or is_label(lines[0]):
        return ""
    # Stamped with the time, as a wire's page is: a date alone under a name ('New York',
    # 'Bundespräsident') is where or by whom a statement was given.
    stamped = is_dateline(lines[1]) and _CLOCK.search(lines[1]) is not None
    return lines[0] if stamped and not is_dateline(lines[0]) else ""

