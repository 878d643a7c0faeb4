"""`dossier.json` and `citations.json`: the model for other tools, record by record: each
record's JSON is a part (`parts.piece`) that `serve` keeps while what it reads is unchanged."""

from __future__ import annotations

from functools import partial
from typing import Any

import orjson

from ..citation import Citation, cited_kind, source_citation, statement_citation
from ..model import Dossier, FuzzyDate, QuoteCluster
from .parts import piece


def dossier_json(d: Dossier) -> bytes:
    """The whole model for other tools, as UTF-8 JSON: ids in lists refer to the records,
    dates are ISO."""
    # Compact UTF-8 as orjson writes a whole model (the bytes json.dumps(model,
    # ensure_ascii=False, separators=(",", ":")) would give), joined from the records' own:
    # writing all of it was 2.5 s of every rebuild at 10,000 sources.
    lists = {
        "sources": [piece(d, ("source", i), partial(_source, i)) for i in d.sources],
        "events": [piece(d, ("event", i), partial(_event, i)) for i in d.events],
        "people": [piece(d, ("person", i), partial(_person, i)) for i in d.people],
        "quotes": [piece(d, ("quote", c.anchor), partial(_quote, c.anchor))
                   for c in d.clusters],
    }
    out = [b'{"title":', orjson.dumps(d.title)]
    for name, records in lists.items():
        out += [b',"', name.encode(), b'":[']
        for record in records:  # joined once, at the end: 100 MB at 10,000 sources
            out += (record, b",")
        if records:
            out.pop()
        out.append(b"]")
    out.append(b"}\n")
    return b"".join(out)


def csl_items(d: Dossier) -> bytes:
    """Every source's CSL-JSON item, as one JSON array (`citations.json`), source by source:
    the bytes orjson's indented dump of the whole array gives."""
    items = [piece(d, ("csl", i), partial(_csl_item, i)) for i in d.sources]
    if not items:
        return b"[]\n"
    return b"[\n" + b",\n".join(items) + b"\n]\n"


def _csl_item(source_id: str, d: Dossier) -> bytes:
    item = orjson.dumps(source_citation(d, d.sources[source_id]).csl,
                        option=orjson.OPT_INDENT_2)
    # One level deeper in the array; a newline is never inside a JSON string.
    return b"  " + item.replace(b"\n", b"\n  ")


def _date(value: FuzzyDate | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"iso": value.iso(), "precision": value.precision,
            "approximate": value.approximate}


# Each record reads what it shows from the Dossier it is handed (see `parts.part`).

def _source(source_id: str, d: Dossier) -> bytes:
    s = d.sources[source_id]
    return orjson.dumps({
        "id": s.id, "title": s.title, "outlet": s.outlet, "published": s.published.iso(),
        "published_precision": s.published.precision,
        "published_approximate": s.published.approximate,
        "url": s.url, "credit": s.credit, "author": s.author, "language": s.language,
        "summary": s.summary, "citation": _citation(source_citation(d, s)),
        "tags": list(s.tags), "text": s.body,
        "events_reported": list(s.reports), "events_announced": list(s.announces),
        "quotes": [{"index": q.index, "anchor": q.anchor, "cluster": d.cluster_of.get(
            (s.id, q.index)), "text": q.text, "speaker": q.speaker, "kind": q.kind.value,
            "event": q.event, "date": q.date.iso() if q.date else None,
            "span": list(q.span)} for q in s.quotes],
    })


def _event(event_id: str, d: Dossier) -> bytes:
    e = d.events[event_id]
    return orjson.dumps({
        "id": e.id, "date": e.date.iso(), "date_detail": _date(e.date), "title": e.title,
        "place": e.place, "description": e.description,
        "participants": list(e.participants),
        "reported_by": list(d.reported_by.get(e.id, ())),
        "announced_by": list(d.announced_by.get(e.id, ())),
    })


def _person(person_id: str, d: Dossier) -> bytes:
    p = d.people[person_id]
    return orjson.dumps({
        "id": p.id, "name": p.name, "kind": p.kind, "aliases": list(p.aliases),
        "role": p.role,
    })


def _quote(anchor: str, d: Dossier) -> bytes:
    c: QuoteCluster = d.cluster(anchor)
    return orjson.dumps({
        "id": c.anchor, "aliases": list(c.aliases), "speaker": c.speaker, "event": c.event,
        "date": c.date.iso() if c.date else None, "text": c.text,
        "variants": [{"text": v.text, "sources": list(dict.fromkeys(
            q.source_id for q in v.quotes))} for v in c.variants],
        "sources": list(c.source_ids),
        "kind": cited_kind(c).value,
        "kinds": list(dict.fromkeys(q.kind.value for q in c.quotes)),
        "citation": _citation(statement_citation(d, c)),
    })


def _citation(citation: Citation) -> dict[str, Any]:
    """A citation for other tools: the text to paste and the CSL-JSON item."""
    return {"text": citation.text, "csl": citation.csl}
