"""Citations of sources and statements, for stage 3: plain text to paste into a memo, CSL-JSON,
RIS and BibTeX for reference managers, and the Highwire and Dublin Core tags they read.

Pure functions of the Dossier. What the editors did not record is said in words ("outlet not
recorded") in the text, and left out of the machine formats, which say it in their note instead:
a reference manager would otherwise file "not recorded" as an author's name. A paraphrase is
never cited inside quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson

from .addresses import served_at, source_page, statement_page
from .model import Dossier, FuzzyDate, Quote, QuoteCluster, QuoteKind, Source

NOT_RECORDED = "not recorded"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
_BIBTEX_SPECIAL = re.compile(r"([\\{}$&%#_^~])")
_BIBTEX_WORDS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def clean(value: str) -> str:
    """A value on one line, without control or bidi-override characters."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", value)).strip()


@dataclass(frozen=True)
class Citation:
    """One record's citation in every form the site offers."""

    key: str
    """Its id: the source id or the statement's anchor (BibTeX key, CSL id)."""
    text: str
    """Plain text, ready to paste; says what is not recorded."""
    csl: dict[str, Any]
    """CSL-JSON item (what Zotero, Mendeley and pandoc import)."""
    meta: tuple[tuple[str, str], ...]
    """Highwire `citation_*` and Dublin Core `DC.*` tags, (name, content), in order."""

    @property
    def ris(self) -> str:
        """The citation as RIS: one tag a line, so every value is kept on one line."""
        c = self.csl
        lines = [("TY", _RIS_TYPES.get(c["type"], "GEN")), ("ID", self.key),
                 ("TI", c["title"])]
        lines += [("AU", a["literal"]) for a in c.get("author", ())]
        for tag, name in (("T2", "container-title"), ("PB", "publisher"), ("UR", "URL"),
                          ("LA", "language"), ("N1", "note")):
            if c.get(name):
                lines.append((tag, c[name]))
        lines.append(("DA", "/".join(f"{p:02d}" if i else f"{p:04d}"
                                     for i, p in enumerate(c["issued"]["date-parts"][0]))))
        return "".join(f"{tag}  - {clean(str(value))}\n" for tag, value in lines) + "ER  - \n"

    @property
    def bibtex(self) -> str:
        """The citation as a BibTeX entry, every value braced and its specials escaped."""
        c = self.csl
        parts = c["issued"]["date-parts"][0]
        fields = [("title", c["title"])]
        if c.get("author"):
            fields.append(("author", " and ".join("{" + _bib(a["literal"]) + "}"
                                                  for a in c["author"])))
        for name, key in (("journal", "container-title"), ("publisher", "publisher"),
                          ("url", "URL"), ("language", "language"), ("note", "note")):
            if c.get(key):
                fields.append((name, c[key]))
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        body = ",\n".join(f"  {name} = {{{value if name == 'author' else _bib(value)}}}"
                          for name, value in fields)
        kind = "article" if c["type"] == "article-newspaper" else "misc"
        return f"@{kind}{{{self.key},\n{body}\n}}\n"

    def csl_json(self) -> str:
        """The CSL-JSON item, indented for reading."""
        return orjson.dumps(self.csl, option=orjson.OPT_INDENT_2).decode()


_RIS_TYPES = {"article-newspaper": "NEWS"}
"""RIS has no type for a speech: statements are `GEN`, generic."""


def _bib(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_WORDS.get(m[1], "\\" + m[1]), clean(value))


def _issued(date: FuzzyDate) -> dict[str, Any]:
    parts = [date.year, *(p for p in (date.month, date.day) if p is not None)]
    return {"date-parts": [parts], **({"circa": True} if date.approximate else {})}


def _missing(source: Source) -> list[str]:
    return [f"{what} {NOT_RECORDED}" for what, value in
            (("Author", source.author), ("Outlet", source.outlet), ("Address", source.url))
            if not value]


def source_citation(d: Dossier, source: Source) -> Citation:
    """How to cite a source."""
    title, author, outlet, url = (clean(v) for v in (source.title, source.author,
                                                     source.outlet, source.url))
    missing = _missing(source)
    text = (f"{author or 'Author ' + NOT_RECORDED}. “{title}”. "
            f"{outlet or 'Outlet ' + NOT_RECORDED}, {source.published.human()}. "
            f"{url or 'Address ' + NOT_RECORDED}. In: {clean(d.title)}, "
            f"{served_at(source_page(source.id))}.")
    csl: dict[str, Any] = {"id": source.id, "type": "article-newspaper", "title": title,
                           "issued": _issued(source.published), "language": source.language}
    if author:
        csl["author"] = [{"literal": author}]
    if outlet:
        csl["container-title"] = csl["publisher"] = outlet
    if url:
        csl["URL"] = url
    if missing:
        csl["note"] = ". ".join(missing) + "."
    date = source.published
    meta = [("citation_title", title)]
    meta += [("citation_author", author)] if author else []
    meta.append(("citation_publication_date", date.iso().replace("-", "/")))
    if outlet:
        meta += [("citation_publisher", outlet), ("citation_journal_title", outlet)]
    meta += [("citation_public_url", url)] if url else []
    meta += [("citation_language", source.language), ("DC.title", title)]
    meta += [("DC.creator", author)] if author else []
    meta.append(("DC.date", date.iso()))
    meta += [("DC.publisher", outlet)] if outlet else []
    meta += [("DC.identifier", url)] if url else []
    meta += [("DC.language", source.language), ("DC.type", "Text")]
    return Citation(source.id, text, csl, tuple(meta))


def cited_kind(cluster: QuoteCluster) -> QuoteKind:
    """What a statement is cited as: a direct quotation if any source quotes it directly, an
    official statement if one carries it so, else a paraphrase (the rule of the pages'
    `fragments.kind_of`, over all its wordings)."""
    kinds = {q.kind for q in cluster.quotes}
    for kind in (QuoteKind.DIRECT, QuoteKind.STATEMENT):
        if kind in kinds:
            return kind
    return QuoteKind.PARAPHRASE


def cited_quotes(cluster: QuoteCluster) -> list[Quote]:
    """The occurrences a statement's citation rests on: one per source, of its cited kind."""
    kind = cited_kind(cluster)
    seen: dict[str, Quote] = {}
    for quote in cluster.quotes:
        if quote.kind == kind:
            seen.setdefault(quote.source_id, quote)
    return list(seen.values())


def statement_citation(d: Dossier, cluster: QuoteCluster) -> Citation:
    """How to cite a statement: who, the words (in quotation marks only when quoted), when and
    where, and the sources it is cited from."""
    person = d.people.get(cluster.speaker)
    speaker = clean(person.name if person else cluster.speaker)
    kind = cited_kind(cluster)
    quotes = cited_quotes(cluster)
    words = clean(quotes[0].text)
    event = d.events.get(cluster.event or "")
    date = cluster.date or (event.date if event else None)
    when = ", ".join(p for p in (clean(event.title) if event else "",
                                 date.human() if date else "date " + NOT_RECORDED) if p)
    sources = [d.sources[q.source_id] for q in quotes]
    cited_in = "; ".join(_short(s) for s in sources)
    if kind is QuoteKind.PARAPHRASE:
        said = f"{speaker}, paraphrase (not the speaker's own words): {words}"
        title = f"Paraphrase of {speaker}: {words}"
        via = "Paraphrased in"
    else:
        said = f"{speaker}, {kind.label.lower()}: “{words}”"
        title = f"“{words}”"
        via = "Quoted in" if kind is QuoteKind.DIRECT else "Published in"
    address = served_at(statement_page(cluster.anchor))
    text = f"{said} — {when}. {via}: {cited_in}. In: {clean(d.title)}, {address}."
    note = f"{kind.label}. {via}: {cited_in}."
    csl: dict[str, Any] = {"id": cluster.anchor, "type": "speech", "title": title,
                           "author": [{"literal": speaker}], "genre": kind.label,
                           "note": note, "container-title": clean(d.title)}
    if event:
        csl["event-title"] = clean(event.title)
    if date:
        csl["issued"] = _issued(date)
    else:
        csl["issued"] = {"date-parts": [[sources[0].published.year]]}
        csl["note"] += f" Date {NOT_RECORDED}."
    meta = [("citation_title", title), ("citation_author", speaker)]
    if date:
        meta.append(("citation_date", date.iso().replace("-", "/")))
    meta += [("DC.title", title), ("DC.creator", speaker)]
    meta += [("DC.date", date.iso())] if date else []
    meta += [("DC.type", kind.label), ("DC.source", cited_in)]
    return Citation(cluster.anchor, text, csl, tuple(meta))


def _short(source: Source) -> str:
    """`NATO, “Title”, 12 January 2022, <url>` with what is missing said."""
    outlet = clean(source.outlet) or f"outlet {NOT_RECORDED}"
    url = clean(source.url) or f"address {NOT_RECORDED}"
    return f"{outlet}, “{clean(source.title)}”, {source.published.human()}, {url}"
